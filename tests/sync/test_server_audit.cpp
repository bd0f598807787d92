// cairn-server's audit trail (issue 15 item 6), against a real server process on loopback over
// TLS, on the file store or (CAIRN_SYNC_STORE=postgresql) a PostgreSQL cluster started here:
// enrollments, sign-ins, pushes, pulls, refusals, revocation and user changes appear in
// `audit list` with their counts and never a patient's name, id or record; `audit verify` passes,
// also after several processes appended at once; and a row edited in the store is found, by seq.
// Requests the HTTP layer refuses itself (unparseable, slow, too large) are there too, by peer
// address, status and limit, repeats counted into one entry per window; beyond 60 addresses at
// once, into one "more addresses" entry (clients bound to other loopback addresses, 127.0.0.0/8).

#include "core/domain/record_json.h"
#include "sync/protocol/protocol.h"
#include "tests/support/result_checks.h"
#include "tests/support/sync_fixture.h"
#include "tools/sync_harness/sync_harness.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <vector>

using namespace cairn;
using namespace cairn::testing;

namespace {

// One line of `audit list`: seq, time, event, clinic, device, user, counts, reason.
struct Listed {
    qint64 seq = 0;
    QString at;
    QString event;
    QString clinic;
    QString device;
    QString user;
    QString counts;
    QString reason;
};

QList<Listed> parseList(const QString &out)
{
    QList<Listed> rows;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() != 8)
            qFatal("audit list line with %d fields: %s", static_cast<int>(f.size()), qPrintable(line));
        rows.append({f.at(0).toLongLong(), f.at(1), f.at(2), f.at(3), f.at(4), f.at(5), f.at(6), f.at(7)});
    }
    return rows;
}

QList<Listed> withEvent(const QList<Listed> &rows, const QString &event, const QString &device = {})
{
    QList<Listed> found;
    for (const Listed &row : rows)
        if (row.event == event && (device.isEmpty() || row.device == device))
            found.append(row);
    return found;
}

}  // namespace

class TestServerAudit : public QObject {
    Q_OBJECT

private:
    SyncFixture m_sync;
    registry::ManualClock m_clockA{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    registry::ManualClock m_clockB{QDateTime(QDate(2026, 3, 2), QTime(9, 5), Qt::UTC)};

    std::unique_ptr<Tablet> tablet(const registry::Clock &clock, const QString &clinic)
    {
        return m_sync.enrolledTablet(clock, clinic);
    }

    static QByteArray credential(Tablet &t)
    {
        return t.keystore->read(QStringLiteral("sync-credential-") + t.registry->registryId())->value();
    }

    // A request as tablet t's device (or with the given Authorization header): the status.
    int post(Tablet &t, const QString &path, const QJsonObject &body, const QByteArray &authorization = {})
    {
        return m_sync.post(t, path, body, authorization).status;
    }

    int signIn(Tablet &t, const QString &pin)
    {
        return post(t, QStringLiteral("/v1/sign-in"),
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("Noor Ahmed")}, {QStringLiteral("pin"), pin}});
    }

    QList<Listed> auditList(const QStringList &options = {})
    {
        auto out = m_sync.server().command(QStringList{QStringLiteral("audit"), QStringLiteral("list")} + options);
        if (!out)
            qFatal("audit list: %s", qPrintable(out.error().message));
        return parseList(*out);
    }

    qint64 storedEntries()
    {
        auto rows = m_sync.server().queryStore("SELECT count(*) FROM server_audit");
        if (!rows)
            qFatal("count: %s", qPrintable(rows.error().message));
        return rows->first().first().toLongLong();
    }

private slots:
    void initTestCase()
    {
        // Short deadlines and refusal window, so the slow and repeated refusals are quick to see;
        // honest requests here are small and local, far inside them.
        CHECK_OK(m_sync.start({SyncStore::FromEnvironment,
                               {QStringLiteral("--head-timeout"), QStringLiteral("2"), QStringLiteral("--body-timeout"),
                                QStringLiteral("2"), QStringLiteral("--refusal-window"), QStringLiteral("5")}}));
    }

    void cleanupTestCase() { m_sync.stop(); }

    void eventsAreRecordedWithCountsAndNeverContent()
    {
        auto a = tablet(m_clockA, QStringLiteral("north"));
        auto b = tablet(m_clockB, QStringLiteral("north"));
        const QString deviceA = a->registry->deviceId();
        const QString deviceB = b->registry->deviceId();
        CHECK_OK(m_sync.server().addUser(QStringLiteral("north"), QStringLiteral("Noor Ahmed"), QStringLiteral("nurse"),
                                         QStringLiteral("482916")));

        // Sign-ins: one good, then wrong PINs until the lockout, then the rate limit (10 a minute
        // per tablet).
        QCOMPARE(signIn(*a, QStringLiteral("482916")), 200);
        QList<int> statuses;
        for (int i = 0; i < 10; ++i)
            statuses.append(signIn(*a, QStringLiteral("000000")));
        QCOMPARE(statuses, (QList<int>{401, 401, 401, 401, 401, 423, 423, 423, 423, 429}));

        // A push and a pull carrying a patient whose name, chart number and id must not reach the trail.
        domain::Patient patient;
        patient.name = QStringLiteral("Zebulon Quartermaine");
        patient.clinicId = QStringLiteral("ZQ-90417");
        patient.birthDate = QDate(1958, 7, 14);
        patient.sex = domain::Sex::Male;
        patient.prescriber = QStringLiteral("Dr Rivera");
        patient.phone = QStringLiteral("555-0142");
        auto patientId = a->registry->addPatient(patient);
        CHECK_OK(patientId);
        auto pushed = a->sync();
        CHECK_OK(pushed);
        QVERIFY(pushed->pushed > 0);
        auto pulled = b->sync();
        CHECK_OK(pulled);
        QVERIFY(pulled->pulled > 0);

        // A bad record (a PEG score for a patient the clinic never had): refused, whole batch.
        domain::PegScore peg;
        peg.date = QDate(2026, 3, 2);
        peg.pain = 6;
        peg.enjoyment = 5;
        peg.activity = 4;
        domain::RecordEnvelope orphan;
        orphan.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        orphan.patientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        orphan.kind = QStringLiteral("peg");
        orphan.date = QStringLiteral("2026-03-02");
        orphan.payload = domain::recordToJson(domain::AnyRecord(peg));
        orphan.author = QStringLiteral("6a1f0c2e-0000-4000-8000-000000000001");
        orphan.device = deviceA;
        orphan.stamp = HlcStamp{QDateTime::currentMSecsSinceEpoch(), 0, deviceA};
        orphan.writtenAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        QJsonArray changes{QJsonObject{{QStringLiteral("seq"), 1'000'000.0},
                                       {QStringLiteral("record"), sync::envelopeToJson(orphan)}}};
        QCOMPARE(post(*a, QStringLiteral("/v1/push"),
                      QJsonObject{{QStringLiteral("version"), sync::kProtocolVersion},
                                  {QStringLiteral("device"), deviceA},
                                  {QStringLiteral("changes"), changes}}),
                 422);
        // A wrong credential: refused unread.
        QCOMPARE(post(*a, QStringLiteral("/v1/pull"), QJsonObject{}, "Device " + deviceA.toUtf8() + ":not-it"), 401);
        // A flood of bad credentials: every one refused, 60 a minute recorded (the rest counted),
        // so strangers cannot turn refusals into store writes without bound.
        int refusedFlood = 0;
        for (int i = 0; i < 70; ++i)
            refusedFlood += post(*a, QStringLiteral("/v1/pull"), QJsonObject{},
                                 "Device guess-" + QByteArray::number(i) + ":x") == 401;
        QCOMPARE(refusedFlood, 70);

        // An unknown name, typed with control characters: recorded, and kept to one line.
        QCOMPARE(post(*b, QStringLiteral("/v1/sign-in"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("Eve\tTab\nLine")},
                                  {QStringLiteral("pin"), QStringLiteral("482916")}}),
                 404);

        // Operators: unlock and remove the user, revoke B (whose next contact is refused), new epoch.
        CHECK_OK(m_sync.server().userCommand(QStringLiteral("unlock"), QStringLiteral("north"),
                                             QStringLiteral("Noor Ahmed")));
        CHECK_OK(m_sync.server().userCommand(QStringLiteral("remove"), QStringLiteral("north"),
                                             QStringLiteral("Noor Ahmed")));
        CHECK_OK(m_sync.server().revoke(deviceB));
        (void)b->sync();
        CHECK_OK(m_sync.server().newEpoch());

        const QList<Listed> rows = auditList();
        QVERIFY(rows.size() >= 20);
        QCOMPARE(withEvent(rows, QStringLiteral("enrollment_code")).size(), 2);
        for (const QString &device : {deviceA, deviceB}) {
            const auto enrolled = withEvent(rows, QStringLiteral("enrolled"), device);
            QCOMPARE(enrolled.size(), 1);
            QCOMPARE(enrolled.first().clinic, QStringLiteral("north"));
        }
        QCOMPARE(withEvent(rows, QStringLiteral("user_added")).first().user, QStringLiteral("Noor Ahmed"));
        const auto signedIn = withEvent(rows, QStringLiteral("sign_in"), deviceA);
        QCOMPARE(signedIn.size(), 1);
        QCOMPARE(signedIn.first().user, QStringLiteral("Noor Ahmed"));
        QCOMPARE(withEvent(rows, QStringLiteral("sign_in_failed"), deviceA).size(), 4);
        QCOMPARE(withEvent(rows, QStringLiteral("sign_in_failed"), deviceA).first().reason, QStringLiteral("401 pin"));
        const auto unknownName = withEvent(rows, QStringLiteral("sign_in_failed"), deviceB);
        QCOMPARE(unknownName.size(), 1);
        QCOMPARE(unknownName.first().user, QStringLiteral("Eve?Tab?Line"));
        QCOMPARE(unknownName.first().reason, QStringLiteral("404 name"));
        QCOMPARE(withEvent(rows, QStringLiteral("locked_out"), deviceA).size(), 1);
        QCOMPARE(withEvent(rows, QStringLiteral("refused_locked_out"), deviceA).size(), 4);
        QCOMPARE(withEvent(rows, QStringLiteral("refused_rate_limited"), deviceA).size(), 1);
        QCOMPARE(withEvent(rows, QStringLiteral("refused_rate_limited"), deviceA).first().reason,
                 QStringLiteral("429 sign-in"));

        // Counts: what the tablets were told (applied) and what they stored (pulled).
        const auto pushes = withEvent(rows, QStringLiteral("push"), deviceA);
        QCOMPARE(pushes.size(), 1);
        QCOMPARE(pushes.first().counts, QStringLiteral("applied=%1 duplicates=0 refused=0").arg(pushed->pushed));
        qint64 sentToB = 0;
        for (const Listed &pull : withEvent(rows, QStringLiteral("pull"), deviceB))
            sentToB += pull.counts.mid(QStringLiteral("sent=").size()).toLongLong();
        QCOMPARE(sentToB, pulled->pulled);

        const auto bad = withEvent(rows, QStringLiteral("refused_bad_record"), deviceA);
        QCOMPARE(bad.size(), 1);
        QCOMPARE(bad.first().counts, QStringLiteral("applied=0 duplicates=0 refused=1"));
        QCOMPARE(bad.first().reason, QStringLiteral("422 changes[0].record.patient_id"));
        const auto stranger = withEvent(rows, QStringLiteral("refused_unauthenticated"), deviceA);
        QCOMPARE(stranger.size(), 1);
        QCOMPARE(stranger.first().reason, QStringLiteral("401 authorization"));
        QCOMPARE(stranger.first().counts, QStringLiteral("refused=1"));
        const auto guesses = withEvent(rows, QStringLiteral("refused_unauthenticated"));
        QCOMPARE(guesses.size(), 60);  // A's wrong credential and the first 59 guesses
        QCOMPARE(guesses.last().device, QStringLiteral("guess-58"));

        QCOMPARE(withEvent(rows, QStringLiteral("user_unlocked")).first().user, QStringLiteral("Noor Ahmed"));
        QCOMPARE(withEvent(rows, QStringLiteral("user_removed")).first().user, QStringLiteral("Noor Ahmed"));
        QCOMPARE(withEvent(rows, QStringLiteral("revoked"), deviceB).size(), 1);
        QCOMPARE(withEvent(rows, QStringLiteral("refused_revoked"), deviceB).size(), 1);
        QCOMPARE(withEvent(rows, QStringLiteral("new_epoch")).size(), 2);  // the first start's and ours

        // Nothing of a patient, a record, a PIN or a credential, in any column as stored.
        auto stored = m_sync.server().queryStore("SELECT * FROM server_audit");
        CHECK_OK(stored);
        QCOMPARE(stored->size(), rows.size());
        QString everything;
        for (const QStringList &row : *stored)
            everything += row.join(QLatin1Char('|')) + QLatin1Char('\n');
        for (const QString &secret :
             {QStringLiteral("Zebulon"), QStringLiteral("Quartermaine"), QStringLiteral("ZQ-90417"),
              QStringLiteral("555-0142"), QStringLiteral("1958-07-14"), *patientId, orphan.id, orphan.patientId,
              QStringLiteral("482916"), QString::fromLatin1(credential(*a))})
            QVERIFY2(!everything.contains(secret), qPrintable(QStringLiteral("the audit trail holds ") + secret));

        // Filters: one clinic, the newest N, a date; a bad date names the option.
        const auto newest = auditList(
            {QStringLiteral("--clinic"), QStringLiteral("north"), QStringLiteral("--limit"), QStringLiteral("3")});
        QCOMPARE(newest.size(), 3);
        for (const Listed &row : newest)
            QCOMPARE(row.clinic, QStringLiteral("north"));
        QVERIFY(newest.at(0).seq < newest.at(1).seq && newest.at(1).seq < newest.at(2).seq);
        QCOMPARE(newest.last().event, QStringLiteral("refused_revoked"));  // the newest epoch names no clinic
        QVERIFY(auditList({QStringLiteral("--since"), QStringLiteral("2999-01-01")}).isEmpty());
        // A time to the second includes that second's entries (stored with milliseconds); an offset
        // is honoured (-01:00 is an hour after the same clock time in UTC: nothing yet).
        const Listed &push = pushes.first();
        const auto sincePushSecond = auditList({QStringLiteral("--since"), push.at.left(19) + QLatin1Char('Z')});
        QVERIFY(std::any_of(sincePushSecond.begin(), sincePushSecond.end(),
                            [&push](const Listed &row) { return row.seq == push.seq; }));
        QVERIFY(auditList({QStringLiteral("--since"), push.at.left(19) + QStringLiteral("-01:00")}).isEmpty());
        QCOMPARE(auditList({QStringLiteral("--since"), QDate::currentDate().addDays(-1).toString(Qt::ISODate)}).size(),
                 rows.size());
        auto badSince = m_sync.server().command({QStringLiteral("audit"), QStringLiteral("list"),
                                                 QStringLiteral("--since"), QStringLiteral("last tuesday")});
        QVERIFY(!badSince);
        // (On the file store the keystore's warning comes first on stderr.)
        QVERIFY2(badSince.error().message.startsWith(QStringLiteral("exit 2: ")) &&
                     badSince.error().message.contains(QStringLiteral("cairn-server: --since: must be a date")),
                 qPrintable(badSince.error().message));

        auto verified = m_sync.server().command({QStringLiteral("audit"), QStringLiteral("verify")});
        CHECK_OK(verified);
        QCOMPARE(verified->trimmed(), QStringLiteral("audit chain intact: %1 entries").arg(rows.size()));
    }

    void processesAppendingAtOnceKeepOneChain()
    {
        // Several cairn-server processes on one store (one PostgreSQL, or the file): each operator
        // command appends an entry; run them at once, beside the serving process.
        const qint64 before = storedEntries();
        constexpr int kProcesses = 4;
        constexpr int kRounds = 3;
        // A verify runs beside them each round: an operator checks a live server.
        auto startServerCommand = [this](const QStringList &command) {
            auto process = std::make_unique<QProcess>();
            process->setProcessEnvironment(serverEnvironment(m_sync.server().dataDir() + QStringLiteral("-keys")));
            QStringList args{QStringLiteral("--data"), m_sync.server().dataDir()};
            if (m_sync.onPostgres())
                args << QStringLiteral("--database") << m_sync.postgresUrl();
            process->start(serverBinary(), args + command);
            return process;
        };
        for (int round = 0; round < kRounds; ++round) {
            std::vector<std::unique_ptr<QProcess>> running;
            for (int i = 0; i < kProcesses; ++i)
                running.push_back(
                    startServerCommand({QStringLiteral("enroll"), QStringLiteral("--clinic"), QStringLiteral("east")}));
            running.push_back(startServerCommand({QStringLiteral("audit"), QStringLiteral("verify")}));
            for (auto &process : running) {
                QVERIFY(process->waitForFinished(60'000));
                QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
            }
        }
        QCOMPARE(storedEntries(), before + kProcesses * kRounds);
        QCOMPARE(auditList({QStringLiteral("--clinic"), QStringLiteral("east")}).size(), kProcesses * kRounds);
        auto verified = m_sync.server().command({QStringLiteral("audit"), QStringLiteral("verify")});
        CHECK_OK(verified);
        QCOMPARE(verified->trimmed(),
                 QStringLiteral("audit chain intact: %1 entries").arg(before + kProcesses * kRounds));
    }

    void httpRefusalsAreRecordedByAddressAndCounted()
    {
        auto a = tablet(m_clockA, QStringLiteral("west"));
        const QByteArray secret = "Yolanda Brightwater";  // in refused bodies: must never be stored
        const quint16 port = m_sync.server().port();
        // Unparseable three times from one address: one entry at once, the two repeats counted
        // into one more when the window closes.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(rawRequest(port, "HELLO " + secret + "\r\n\r\n", 0, 10'000).status, 400);
        QCOMPARE(rawRequest(port, "POST /v1/push HTTP/1.1\r\nX-Name " + secret + "\r\n\r\n", 0, 10'000).status, 400);
        // A head that never ends, a body that stops coming (from an enrolled device, so the body
        // is awaited): 408 at the 2 s deadlines.
        QCOMPARE(rawRequest(port, "POST /v1/push HTTP/1.1\r\nHost: x\r\n", 0, 10'000).status, 408);
        QCOMPARE(rawRequest(port,
                            "POST /v1/pull HTTP/1.1\r\nHost: x\r\nAuthorization: " + a->authorization() +
                                "\r\nContent-Length: 100\r\n\r\n{\"name\": \"" + secret,
                            0, 10'000)
                     .status,
                 408);
        // Too large: declared, and a gzip bomb from the enrolled device.
        QCOMPARE(rawRequest(port, "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 300000000\r\n\r\n", 0, 10'000)
                     .status,
                 413);
        const QByteArray bomb = sync::gzip(secret + QByteArray(16 * 1024 * 1024, ' '));
        QCOMPARE(rawRequest(port,
                            "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nAuthorization: " +
                                a->authorization() + "\r\nContent-Length: " + QByteArray::number(bomb.size()) +
                                "\r\n\r\n" + bomb,
                            0, 20'000)
                     .status,
                 413);
        // A head over the limit.
        QCOMPARE(
            rawRequest(port, "POST /v1/push HTTP/1.1\r\nX-Pad: " + QByteArray(64 * 1024, 'a') + "\r\n\r\n", 0, 10'000)
                .status,
            431);

        // Each is recorded by the HTTP layer, off the answering path: wait for the window to close
        // and the repeats' entry to be written.
        QList<Listed> refusals;
        QTRY_VERIFY_WITH_TIMEOUT((refusals = withEvent(auditList(), QStringLiteral("refused_http"))).size() == 8,
                                 20'000);
        QStringList seen;
        for (const Listed &row : refusals) {
            QCOMPARE(row.device, QStringLiteral("127.0.0.1"));  // the peer address
            QVERIFY(row.clinic.isEmpty() && row.user.isEmpty());
            seen.append(row.reason + QLatin1Char(' ') + row.counts);
        }
        seen.sort();
        QCOMPARE(seen, (QStringList{QStringLiteral("400 headers refused=1"), QStringLiteral("400 request refused=1"),
                                    QStringLiteral("400 request refused=2"), QStringLiteral("408 body refused=1"),
                                    QStringLiteral("408 head refused=1"), QStringLiteral("413 body refused=1"),
                                    QStringLiteral("413 content-length refused=1"),
                                    QStringLiteral("431 headers refused=1")}));
        // The repeats' entry comes after the first one's.
        qint64 firstSeq = 0;
        qint64 repeatsSeq = 0;
        for (const Listed &row : refusals) {
            if (row.reason == QLatin1String("400 request"))
                (row.counts == QLatin1String("refused=1") ? firstSeq : repeatsSeq) = row.seq;
        }
        QVERIFY(firstSeq < repeatsSeq);

        // Nothing of what the requests carried is stored.
        auto stored = m_sync.server().queryStore("SELECT * FROM server_audit");
        CHECK_OK(stored);
        for (const QStringList &row : *stored)
            QVERIFY2(!row.join(QLatin1Char('|')).contains(QLatin1String(secret)), qPrintable(row.join(u'|')));
        auto verified = m_sync.server().command({QStringLiteral("audit"), QStringLiteral("verify")});
        CHECK_OK(verified);
        QCOMPARE(verified->trimmed(), QStringLiteral("audit chain intact: %1 entries").arg(storedEntries()));
        CHECK_OK(a->sync());  // the device that sent two of them still syncs
    }

    void refusalsBeyondSixtyAddressesAreCountedIntoOneEntry()
    {
        if (m_sync.onPostgres())
            QSKIP("the HTTP layer coalesces before any store is involved: run on the file store only");
        // A server of its own, so no other test's address holds a tally, with a window long
        // enough for every request below to arrive inside it.
        ServerProcess crowded(m_sync.path(QStringLiteral("crowded")), QStringLiteral("file"), m_sync.certs(),
                              {QStringLiteral("--refusal-window"), QStringLiteral("15")});
        CHECK_OK(crowded.start());
        // 70 clients, each from its own loopback address (Linux routes all of 127.0.0.0/8 to lo),
        // at once, each sending one request that cannot be parsed.
        constexpr int kAddresses = 70;
        std::vector<std::unique_ptr<QSslSocket>> clients;
        QHash<QString, int> statusOf;
        for (int i = 0; i < kAddresses; ++i) {
            auto socket = std::make_unique<QSslSocket>();
            const QString address = QStringLiteral("127.0.0.%1").arg(2 + i);
            QVERIFY2(socket->bind(QHostAddress(address)),
                     qPrintable(address + QStringLiteral(": ") + socket->errorString()));
            socket->setPeerVerifyMode(QSslSocket::VerifyNone);  // a stranger: it need not trust
            QSslSocket *raw = socket.get();
            connect(raw, &QSslSocket::encrypted, raw, [raw] { raw->write("HELLO\r\n\r\n"); });
            connect(raw, &QSslSocket::readyRead, raw, [raw, address, &statusOf] {
                const QByteArray head = raw->peek(12);
                if (head.size() == 12 && head.startsWith("HTTP/1.1 "))
                    statusOf.insert(address, head.mid(9, 3).toInt());
            });
            socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), crowded.port());
            clients.push_back(std::move(socket));
        }
        QTRY_COMPARE_WITH_TIMEOUT(statusOf.size(), kAddresses, 30'000);
        for (auto it = statusOf.cbegin(); it != statusOf.cend(); ++it)
            QCOMPARE(it.value(), 400);

        // The first of each address is written at once, up to 60 addresses; the other ten are
        // counted into one entry when the window closes.
        QList<Listed> refusals;
        auto beyondWritten = [&] {
            auto out = crowded.command({QStringLiteral("audit"), QStringLiteral("list")});
            refusals = withEvent(out ? parseList(*out) : QList<Listed>(), QStringLiteral("refused_http"));
            return std::any_of(refusals.cbegin(), refusals.cend(),
                               [](const Listed &row) { return row.device.isEmpty(); });
        };
        // Each look runs `cairn-server audit list`: once a second, not in a tight loop.
        for (int second = 0; second < 60 && !beyondWritten(); ++second)
            QTest::qWait(1000);
        QSet<QString> tallied;
        qint64 counted = 0;
        int beyond = 0;
        for (const Listed &row : std::as_const(refusals)) {
            QVERIFY2(row.counts.startsWith(QStringLiteral("refused=")), qPrintable(row.counts));
            counted += row.counts.mid(8).toLongLong();
            if (row.device.isEmpty()) {
                ++beyond;
                QCOMPARE(row.reason, QStringLiteral("more addresses"));
                QCOMPARE(row.counts, QStringLiteral("refused=%1").arg(kAddresses - 60));
                continue;
            }
            QVERIFY2(statusOf.contains(row.device), qPrintable(row.device));  // the client's own address
            QCOMPARE(row.reason, QStringLiteral("400 request"));
            QCOMPARE(row.counts, QStringLiteral("refused=1"));
            tallied.insert(row.device);
        }
        QCOMPARE(tallied.size(), 60);
        QCOMPARE(refusals.size(), 60 + 1);
        QCOMPARE(beyond, 1);
        QCOMPARE(counted, qint64(kAddresses));  // every refused request is counted once
    }

    void aRemovedNewestEntryFailsVerifyUntilItIsBack()
    {
        auto newest = m_sync.server().queryStore(
            "SELECT seq, at, event, clinic, device, user_name, applied, duplicates, refused, sent, reason, prev_hash, "
            "hash FROM server_audit ORDER BY seq DESC LIMIT 1");
        CHECK_OK(newest);
        const QStringList row = newest->first();
        CHECK_OK(m_sync.server().queryStore("DELETE FROM server_audit WHERE seq = ?", {row.first()}));
        auto verified = m_sync.server().command({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY(!verified);
        QVERIFY2(verified.error().message.startsWith(QStringLiteral("exit 3: ")) &&
                     verified.error().message.contains(
                         QStringLiteral("cairn-server: audit chain broken at seq %1: the newest entries (after %2) "
                                        "were removed")
                             .arg(row.first())
                             .arg(row.first().toLongLong() - 1)),
                 qPrintable(verified.error().message));
        CHECK_OK(
            m_sync.server().queryStore("INSERT INTO server_audit (seq, at, event, clinic, device, user_name, applied, "
                                       "duplicates, refused, sent, reason, prev_hash, hash) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                       row));
        CHECK_OK(m_sync.server().command({QStringLiteral("audit"), QStringLiteral("verify")}));
    }

    void anEditedRowFailsVerifyNamingItsSeq()
    {
        const auto pushes = withEvent(auditList(), QStringLiteral("push"));
        QVERIFY(!pushes.isEmpty());
        const qint64 seq = pushes.first().seq;
        // Someone with the store's key makes a push look bigger.
        CHECK_OK(
            m_sync.server().queryStore("UPDATE server_audit SET applied = 99 WHERE seq = ?", {QString::number(seq)}));
        auto verified = m_sync.server().command({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY(!verified);
        QVERIFY2(verified.error().message.startsWith(QStringLiteral("exit 3: ")) &&
                     verified.error().message.contains(
                         QStringLiteral("cairn-server: audit chain broken at seq %1: entry %1 was altered after it "
                                        "was written")
                             .arg(seq)),
                 qPrintable(verified.error().message));
    }
};

QTEST_GUILESS_MAIN(TestServerAudit)
#include "test_server_audit.moc"
