// The production deployment on loopback (issue 15 item 5, docs/deployment.md): PostgreSQL, two
// cairn-server processes sharing it, and nginx in front (tools/deploy/nginx-cairn.conf.in), all
// started here. Tablets enroll and sync through nginx only; nginx refuses oversized bodies, old
// TLS suites and sign-in bursts itself, and keeps serving when one server process dies.

#include "core/domain/records.h"
#include "sync/protocol/protocol.h"
#include "tests/support/result_checks.h"
#include "tools/sync_harness/sync_harness.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <tuple>

using namespace cairn;
using namespace cairn::testing;

namespace {

QString errorField(const QByteArray &body)
{
    return QJsonDocument::fromJson(body)
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("field"))
        .toString();
}

QString errorMessage(const QByteArray &body)
{
    return QJsonDocument::fromJson(body)
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("message"))
        .toString();
}

// What `openssl s_client` negotiates with the given options: the cipher, or "(NONE)" when the
// handshake is refused.
QString negotiatedCipher(quint16 port, const QString &caPem, const QStringList &options)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                              QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-CAfile"), caPem} +
                      options);
    if (!openssl.waitForStarted(10'000))
        return QStringLiteral("openssl did not start");
    openssl.closeWriteChannel();  // end of input: s_client closes after the handshake
    if (!openssl.waitForFinished(20'000)) {
        openssl.kill();
        openssl.waitForFinished();
        return QStringLiteral("openssl timed out");
    }
    static const QRegularExpression cipher(QStringLiteral("Cipher is (\\S+)"));
    const auto match = cipher.match(QString::fromUtf8(openssl.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1) : QStringLiteral("no cipher line");
}

// The nice value of each thread of a process (/proc/PID/task/TID/stat, field 19).
QList<int> threadNiceValues(qint64 pid)
{
    QList<int> values;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 16)
            values.append(fields.at(16).toInt());  // fields from the 3rd: nice is the 19th
    }
    return values;
}

}  // namespace

class TestDeployment : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Deployment> m_deployment;
    registry::ManualClock m_clockA{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    registry::ManualClock m_clockB{QDateTime(QDate(2026, 3, 2), QTime(9, 5), Qt::UTC)};
    std::unique_ptr<Tablet> m_a;
    std::unique_ptr<Tablet> m_b;
    QString m_patient;

    [[nodiscard]] NginxProcess &nginx() const { return *m_deployment->nginx; }
    [[nodiscard]] const std::vector<std::unique_ptr<ServerProcess>> &servers() const { return m_deployment->servers; }

    // A POST through nginx as tablet t's client would send it (t's credential, the clinic CA).
    QNetworkReply *post(QNetworkAccessManager &network, Tablet &t, const QString &path, const QByteArray &body)
    {
        QNetworkRequest request(QUrl(nginx().url() + path));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(t.config.authority);
        request.setSslConfiguration(tls);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Authorization", t.authorization());
        return network.post(request, body);
    }

    // The status of a POST through nginx, once answered (0 if it was not within 30 s).
    int postStatus(Tablet &t, const QString &path, const QByteArray &body)
    {
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(post(network, t, path, body));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(30'000))
            return 0;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    // Empty when the PEG score was written, else why not.
    QString addPeg(Tablet &t, int pain)
    {
        domain::PegScore peg;
        peg.date = QDate(2026, 3, 2);
        peg.pain = pain;
        peg.enjoyment = 4;
        peg.activity = 3;
        auto added = t.registry->addRecord(m_patient, peg);
        return added ? QString() : added.error().line();
    }

    // Empty when both tablets synced and hold the same patients and records, else what differed.
    QString converge()
    {
        for (Tablet *t : {m_a.get(), m_b.get(), m_a.get()})
            if (auto stats = t->sync(); !stats)
                return QStringLiteral("sync: ") + stats.error().line();
        if (registrySnapshot(*m_b->registry) != registrySnapshot(*m_a->registry))
            return QStringLiteral("the tablets differ after syncing");
        return {};
    }

    // One PEG score on each tablet, then both sync: the round trips of a clinic's day.
    QString writeOnBothAndConverge(int pain)
    {
        for (Tablet *t : {m_a.get(), m_b.get()})
            if (const QString error = addPeg(*t, pain); !error.isEmpty())
                return error;
        return converge();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto deployment = Deployment::start(m_dir.path());
        QVERIFY2(deployment, qPrintable(deployment ? QString() : deployment.error().line()));
        m_deployment = std::move(deployment).value();
        for (auto [tablet, name, clock] : {std::tuple{&m_a, "a", &m_clockA}, std::tuple{&m_b, "b", &m_clockB}}) {
            auto made = m_deployment->enrolledTablet(m_dir.filePath(QLatin1String(name) + QStringLiteral(".db")),
                                                     QStringLiteral("north"), *clock);
            QVERIFY2(made, qPrintable(made ? QString() : made.error().line()));
            *tablet = std::move(made).value();
        }
    }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
        m_deployment.reset();
    }

    void tabletsEnrollAndSyncThroughNginxAndConverge()
    {
        domain::Patient p;
        p.name = QStringLiteral("Rosa Delgado");
        p.clinicId = QStringLiteral("N-100");
        p.birthDate = QDate(1958, 7, 14);
        p.sex = domain::Sex::Female;
        p.prescriber = QStringLiteral("Dr Rivera");
        auto id = m_a->registry->addPatient(p);
        QVERIFY2(id, qPrintable(id ? QString() : id.error().line()));
        m_patient = *id;
        QCOMPARE(converge(), QString());
        // Several rounds each way: nginx spreads them over both servers, which share one store.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(writeOnBothAndConverge(3 + i), QString());
        // Both servers answered some of them.
        QFile log(nginx().accessLog());
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray lines = log.readAll();
        for (const auto &server : servers())
            QVERIFY2(lines.contains("upstream=127.0.0.1:" + QByteArray::number(server->port())), lines.constData());
        auto patients = m_b->registry->listPatients();
        CHECK_OK(patients);
        QCOMPARE(patients->size(), 1);
    }

    void oversizedBodyGets413FromNginxUnread()
    {
        // 64 MiB declared and streamed without a credential: nginx answers from Content-Length
        // alone, in the servers' error shape, and closes without reading it.
        const qint64 size = 64LL * 1024 * 1024;
        auto answer = rawRequest(
            nginx().port(),
            "POST /v1/push HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + QByteArray::number(size) + "\r\n\r\n",
            size, 30'000);
        QCOMPARE(answer.status, 413);
        QCOMPARE(errorField(answer.body), QStringLiteral("body"));
        QVERIFY2(answer.sentBodyBytes < size, qPrintable(QString::number(answer.sentBodyBytes)));
        // A body just over the limit from an enrolled tablet's client is refused the same way.
        QCOMPARE(postStatus(*m_a, QStringLiteral("/v1/push"), QByteArray(sync::Limits::maxCompressedBytes + 1, ' ')),
                 413);
        QCOMPARE(converge(), QString());  // honest syncs are unaffected
    }

    void bodiesPassThroughNginxInMemoryOnly()
    {
        // A 1 MiB push (under the limit) reaches a server, which answers it (400: it is no push),
        // and nginx kept none of it in a temporary file (it warns in its error log when it does).
        const QByteArray body = "{\"padding\":\"" + QByteArray(1024 * 1024, 'x') + "\"}";
        QCOMPARE(postStatus(*m_a, QStringLiteral("/v1/push"), body), 400);
        QFile log(nginx().errorLog());
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray errors = log.readAll();
        QVERIFY2(!errors.contains("temporary file"), errors.constData());
    }

    void tlsOffersOnlyModernAeadSuites()
    {
        const quint16 port = nginx().port();
        // CBC with SHA-1 and CBC with SHA-256 MACs: refused even when the client allows them.
        QCOMPARE(negotiatedCipher(port, m_deployment->certs.caPem,
                                  {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                                   QStringLiteral("ECDHE-ECDSA-AES128-SHA:@SECLEVEL=0")}),
                 QStringLiteral("(NONE)"));
        QCOMPARE(negotiatedCipher(port, m_deployment->certs.caPem,
                                  {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                                   QStringLiteral("ECDHE-ECDSA-AES256-SHA384:@SECLEVEL=0")}),
                 QStringLiteral("(NONE)"));
        // TLS 1.1: refused.
        QCOMPARE(
            negotiatedCipher(port, m_deployment->certs.caPem,
                             {QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), QStringLiteral("ALL:@SECLEVEL=0")}),
            QStringLiteral("(NONE)"));
        // TLS 1.2 with ECDHE and AES-GCM, and TLS 1.3: accepted.
        QCOMPARE(negotiatedCipher(port, m_deployment->certs.caPem,
                                  {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                                   QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256")}),
                 QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256"));
        const QString tls13 = negotiatedCipher(port, m_deployment->certs.caPem, {QStringLiteral("-tls1_3")});
        QVERIFY2(tls13.startsWith(QLatin1String("TLS_AES_")) && tls13.contains(QLatin1String("GCM")),
                 qPrintable(tls13));
    }

    void signInBurstGets429FromNginx()
    {
        CHECK_OK(servers().front()->addUser(QStringLiteral("north"), QStringLiteral("Noor Ahmed"),
                                            QStringLiteral("nurse"), QStringLiteral("482916")));
        // 20 sign-ins at once from one address: nginx lets its burst through to the servers and
        // answers the rest itself with 429, before any reaches a server's Argon2 pool.
        const QByteArray signIn = QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Noor Ahmed")},
                                                            {QStringLiteral("pin"), QStringLiteral("000000")}})
                                      .toJson(QJsonDocument::Compact);
        std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
        std::vector<std::unique_ptr<QNetworkReply>> replies;
        for (int i = 0; i < 20; ++i) {
            networks.push_back(std::make_unique<QNetworkAccessManager>());
            replies.emplace_back(
                post(*networks.back(), i % 2 == 0 ? *m_a : *m_b, QStringLiteral("/v1/sign-in"), signIn));
        }
        int byNginx = 0;
        int byServers = 0;
        for (auto &reply : replies) {
            if (!reply->isFinished()) {
                QSignalSpy done(reply.get(), &QNetworkReply::finished);
                QVERIFY(done.wait(60'000));
            }
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            if (status == 429 && errorMessage(body).contains(QLatin1String("this address"))) {
                ++byNginx;
                QCOMPARE(errorField(body), QStringLiteral("sign-in"));
            } else {
                // Reached a server: the wrong PIN is refused there (401, then 423 once the user is
                // locked out), or a server's own limit holds.
                QVERIFY2(status == 401 || status == 423 || status == 429,
                         qPrintable(QString::number(status) + QLatin1Char(' ') + QString::fromUtf8(body)));
                ++byServers;
            }
        }
        qInfo("20 sign-ins at once: %d answered 429 by nginx, %d reached a server", byNginx, byServers);
        QVERIFY(byNginx >= 5);
        QVERIFY(byServers >= 1);
        // The servers checked those PINs on threads of lower CPU priority than their store threads
        // (what `ps -L -o nice` shows an operator).
        for (const auto &server : servers())
            QVERIFY2(threadNiceValues(server->pid()).contains(10),
                     qPrintable(QStringLiteral("no thread at nice 10 in cairn-server %1").arg(server->pid())));
        QCOMPARE(converge(), QString());  // syncing is never limited
    }

    void killingOneServerLeavesTheClinicSyncing()
    {
        const quint16 dead = servers().front()->port();
        const quint16 live = servers().back()->port();
        servers().front()->kill();
        // Every round has several requests: nginx meets the dead server, marks it down and
        // retries on the live one; no tablet sees an error.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(writeOnBothAndConverge(2 + i), QString());
        // nginx did meet the dead server, and answered from the live one instead.
        QFile log(nginx().accessLog());
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(
            log.readAll().contains(QStringLiteral("upstream=127.0.0.1:%1, 127.0.0.1:%2").arg(dead).arg(live).toUtf8()));
        auto page = m_b->registry->loadPatient(m_patient);
        CHECK_OK(page);
        QCOMPARE(page->peg.size(), 6 + 6);
    }
};

QTEST_GUILESS_MAIN(TestDeployment)
#include "test_deployment.moc"
