// Sync under faults, through the real parts: cairnctl processes killed with SIGKILL mid-push and
// mid-pull, and a seeded randomized run (three tablets, thousands of operations, a link that
// resets connections, server restarts) that must end with every tablet identical to the server.

#include "core/domain/patient_json.h"
#include "core/registry/registry_internals.h"
#include "core/storage/database.h"
#include "tests/support/result_checks.h"
#include "tests/support/sync_fixture.h"
#include "tools/sync_harness/sync_harness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>

#include <random>

using namespace cairn;
using namespace cairn::testing;

namespace {

QByteArray canonical(const QByteArray &exportJson)
{
    return canonicalPatients(exportJson);
}

QByteArray snapshot(registry::Registry &r)
{
    return registrySnapshot(r);
}

class Proxy {
public:
    Status start(quint16 targetPort, const QStringList &options)
    {
        m_process.start(QStringLiteral(CAIRN_BINARY_DIR "/tools/faultproxy/cairn-faultproxy"),
                        QStringList{QStringLiteral("--target"), QStringLiteral("127.0.0.1:%1").arg(targetPort)} +
                            options);
        if (!m_process.waitForStarted() || !m_process.waitForReadyRead(10'000))
            return Error{QStringLiteral("proxy"), QStringLiteral("did not start")};
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        if (!line.startsWith(QStringLiteral("listening 127.0.0.1:")))
            return Error{QStringLiteral("proxy"), line};
        m_url = QStringLiteral("https://127.0.0.1:") + line.section(QLatin1Char(':'), 1);
        return ok();
    }
    QString command(const QByteArray &text)
    {
        m_process.write(text + '\n');
        m_process.waitForReadyRead(5000);
        return QString::fromUtf8(m_process.readLine()).trimmed();
    }
    ~Proxy()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }
    [[nodiscard]] QString url() const { return m_url; }

private:
    QProcess m_process;
    QString m_url;
};

}  // namespace

class TestSyncFaults : public QObject {
    Q_OBJECT

private:
    SyncFixture m_sync;

    QProcessEnvironment cliEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CAIRN_KEYSTORE"),
                   QStringLiteral("file:") + m_sync.path(QStringLiteral("tablet-keys")));
        env.insert(QStringLiteral("CAIRN_PIN"), QStringLiteral("246810"));
        return env;
    }
    Result<QString> cairnctl(const QString &db, const QStringList &args)
    {
        return runProgram(qEnvironmentVariable("CAIRNCTL"), QStringList{QStringLiteral("--db"), db} + args,
                          cliEnvironment(), 300'000);
    }
    qint64 stat(const QString &db, const char *field)
    {
        auto out = cairnctl(db, {QStringLiteral("stats")});
        return out ? static_cast<qint64>(
                         QJsonDocument::fromJson(out->toUtf8()).object().value(QLatin1String(field)).toDouble(-1))
                   : -1;
    }
    // The same registry opened here too (SQLite's WAL lets it read while cairnctl writes), so
    // progress can be watched cheaply without unlocking again for every look.
    std::unique_ptr<registry::Registry> watch(const QString &db, platform::Keystore &keystore)
    {
        auto opened =
            registry::Registry::unlock(db, keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        if (!opened)
            qFatal("watch: %s", qPrintable(opened.error().message));
        return std::move(opened).value();
    }
    registry::SystemClock m_clock;
    // Starts `cairnctl sync` through url and kills it with SIGKILL once `progressed` says so.
    // Pulled pages are applied one per transaction here, so a kill can land between two of them
    // (the client's default applies up to 16 at once: a clinic this small in one).
    bool killMidSync(const QString &db, const QString &url, const std::function<bool()> &progressed)
    {
        QProcess sync;
        sync.setProcessEnvironment(cliEnvironment());
        sync.start(qEnvironmentVariable("CAIRNCTL"),
                   {QStringLiteral("--db"), db, QStringLiteral("sync"), QStringLiteral("--server"), url,
                    QStringLiteral("--ca"), m_sync.certs().caPem, QStringLiteral("--pull-pages-per-apply"),
                    QStringLiteral("1")});
        if (!sync.waitForStarted())
            return false;
        bool caught = false;
        for (int i = 0; i < 3000 && sync.state() == QProcess::Running; ++i) {
            if (progressed()) {
                caught = true;
                break;
            }
            QThread::msleep(20);
        }
        sync.kill();  // SIGKILL
        sync.waitForFinished();
        return caught;
    }

private slots:
    void initTestCase() { CHECK_OK(m_sync.start()); }

    void cleanupTestCase() { m_sync.stop(); }

    void killedMidPushAndMidPullResumesWithoutLossOrDuplicates()
    {
        const QString a = m_sync.path(QStringLiteral("a.db"));
        const QString b = m_sync.path(QStringLiteral("b.db"));
        QVERIFY(cairnctl(a, {QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Alex Admin")}));
        QVERIFY(cairnctl(a, {QStringLiteral("seed"), QStringLiteral("--patients"), QStringLiteral("150"),
                             QStringLiteral("--years"), QStringLiteral("2"), QStringLiteral("--seed"),
                             QStringLiteral("11")}));
        QVERIFY(cairnctl(b, {QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Alex Admin")}));
        for (const QString &db : {a, b}) {
            auto code = m_sync.server().enrollmentCode(QStringLiteral("kill"));
            QVERIFY(code);
            auto enrolled =
                cairnctl(db, {QStringLiteral("enroll"), QStringLiteral("--server"), m_sync.server().url(),
                              QStringLiteral("--ca"), m_sync.certs().caPem, QStringLiteral("--code"), *code});
            QVERIFY2(enrolled, qPrintable(enrolled ? QString() : enrolled.error().message));
        }
        const qint64 total = stat(a, "outbox_pending");
        QVERIFY(total > 1000);
        platform::FileKeystore keystore(m_sync.path(QStringLiteral("tablet-keys")));
        auto watchA = watch(a, keystore);
        auto watchB = watch(b, keystore);

        // A slow link makes the round long enough to kill in the middle.
        Proxy slow;
        QVERIFY(slow.start(m_sync.server().port(), {QStringLiteral("--latency-ms"), QStringLiteral("40"),
                                                    QStringLiteral("--bandwidth-kbit"), QStringLiteral("1500")}));
        QVERIFY(killMidSync(a, slow.url(), [&] {
            const qint64 pending = watchA->stats()->outboxPending;
            return pending > 0 && pending < total;
        }));
        const qint64 left = stat(a, "outbox_pending");
        QVERIFY2(left > 0 && left < total, qPrintable(QString::number(left)));
        QVERIFY(cairnctl(a, {QStringLiteral("sync")}));
        QCOMPARE(stat(a, "outbox_pending"), 0);

        const qint64 records = stat(a, "records");
        QVERIFY(killMidSync(b, slow.url(), [&] {
            const qint64 have = watchB->stats()->records;
            return have > 0 && have < records;
        }));
        const qint64 partial = stat(b, "records");
        QVERIFY2(partial > 0 && partial < records, qPrintable(QString::number(partial)));
        QVERIFY(cairnctl(b, {QStringLiteral("sync")}));
        // Every record once: the same count, and the same registry.
        QCOMPARE(stat(b, "records"), records);
        auto exportA = cairnctl(a, {QStringLiteral("export"), QStringLiteral("--json")});
        auto exportB = cairnctl(b, {QStringLiteral("export"), QStringLiteral("--json")});
        QVERIFY(exportA && exportB);
        QCOMPARE(canonical(exportB->toUtf8()), canonical(exportA->toUtf8()));
    }

    void randomizedRunWithFaultsAndRestartsConverges()
    {
        std::mt19937 random(20261126);
        registry::ManualClock clock(QDateTime(QDate(2026, 4, 1), QTime(8, 0), Qt::UTC));
        Proxy link;
        QVERIFY(link.start(m_sync.server().port(),
                           {QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--reset-rate"),
                            QStringLiteral("0.2"), QStringLiteral("--drop-response-rate"), QStringLiteral("0.1")}));
        std::vector<std::unique_ptr<Tablet>> tablets;
        for (int i = 0; i < 3; ++i) {
            auto t =
                makeTablet(m_sync.path(QStringLiteral("random-%1.db").arg(i)), clock, link.url(), m_sync.certs().caPem);
            QVERIFY(t);
            auto code = m_sync.server().enrollmentCode(QStringLiteral("random"));
            QVERIFY(code);
            (*t)->config.server = QUrl(m_sync.server().url());  // enroll directly, then live behind the faulty link
            QVERIFY((*t)->enroll(*code));
            (*t)->config.server = QUrl(link.url());
            (*t)->config.requestTimeoutMs = 5000;
            QVERIFY((*t)->signInAsClinician(clock));
            tablets.push_back(std::move(t).value());
        }
        QStringList patients;
        int operations = 0, failedRounds = 0, restarts = 0;
        auto pick = [&random](auto n) { return static_cast<decltype(n)>(random() % static_cast<unsigned>(n)); };
        for (int step = 0; step < 1500; ++step) {
            clock.advance(37);
            Tablet &t = *tablets[pick(3)];
            const int action = pick(100);
            if (action < 8 || patients.isEmpty()) {
                domain::Patient p;
                p.name = QStringLiteral("Patient %1").arg(step);
                p.clinicId = QStringLiteral("R-%1").arg(step);
                p.birthDate = QDate(1950 + pick(40), 1 + pick(12), 1 + pick(28));
                p.prescriber = QStringLiteral("Dr %1").arg(pick(3));
                auto id = t.registry->addPatient(p);
                QVERIFY(id);
                patients.append(*id);
            } else if (action < 60) {
                const QString id = patients.at(pick(patients.size()));
                if (!t.registry->listPatients()->isEmpty() && t.registry->loadPatient(id)) {
                    domain::PegScore s;
                    s.date = clock.now().date().addDays(-pick(30));
                    s.pain = pick(11);
                    s.enjoyment = pick(11);
                    s.activity = pick(11);
                    QVERIFY(t.registry->addRecord(id, s));
                }
            } else if (action < 75) {
                const QString id = patients.at(pick(patients.size()));
                auto p = t.registry->loadPatient(id);
                if (p) {
                    if (pick(2) == 0)
                        p->phone = QStringLiteral("555-%1").arg(pick(10000));
                    else
                        p->prescriber = QStringLiteral("Dr %1").arg(pick(3));
                    QVERIFY(t.registry->updateDemographics(*p));
                }
            } else if (action < 80) {
                const QString id = patients.at(pick(patients.size()));
                auto p = t.registry->loadPatient(id);
                if (p && !p->peg.isEmpty()) {
                    const auto &victim = p->peg.at(pick(p->peg.size()));
                    QVERIFY(t.registry->retractRecord(victim.meta.id.toString(QUuid::WithoutBraces),
                                                      QStringLiteral("entered twice")));
                }
            } else if (action < 99) {
                if (!t.sync())
                    ++failedRounds;
            } else {
                m_sync.server().kill();
                QVERIFY(m_sync.server().start());
                ++restarts;
            }
            ++operations;
        }
        // Heal the link and let everyone catch up.
        QCOMPARE(link.command("reset-rate 0"), QStringLiteral("ok"));
        QCOMPARE(link.command("drop-response-rate 0"), QStringLiteral("ok"));
        for (int round = 0; round < 2; ++round) {
            for (auto &t : tablets) {
                auto stats = t->sync();
                QVERIFY2(stats, qPrintable(stats ? QString() : stats.error().message));
            }
        }
        qInfo("randomized run: %d operations, %d failed rounds, %d server restarts, %d patients", operations,
              failedRounds, restarts, static_cast<int>(patients.size()));
        QVERIFY(failedRounds > 0);  // the faults really happened
        const QByteArray first = snapshot(*tablets[0]->registry);
        for (auto &t : tablets) {
            QCOMPARE(t->registry->stats()->outboxPending, 0);
            QCOMPARE(snapshot(*t->registry), first);
        }
        // The server holds exactly what the tablets hold: a new tablet pulls the same registry.
        auto fresh = m_sync.enrolledTablet(clock, QStringLiteral("random"), SyncFixture::SignIn::Administrator,
                                           QStringLiteral("random-fresh.db"));
        QVERIFY(fresh->sync());
        QCOMPARE(snapshot(*fresh->registry), first);
        const qint64 held = registry::RegistryInternals::database(*tablets[0]->registry)
                                .scalarInt("SELECT count(*) FROM records")
                                .value();
        QCOMPARE(
            registry::RegistryInternals::database(*fresh->registry).scalarInt("SELECT count(*) FROM records").value(),
            held);
    }
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "test_sync_faults.moc"
