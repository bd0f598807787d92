#pragma once
// The one way sync tests set up the server side (as app_fixture.h does for the app): a temporary
// directory, a private CA and server certificate, a real cairn-server on loopback over TLS on the
// file store or on a PostgreSQL cluster started here, tablets made in the same directory and
// enrolled with it, and hand-made requests to it as one of those tablets.

#include "core/registry/clock.h"
#include "tools/sync_harness/sync_harness.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>

#include <memory>

namespace cairn::testing {

enum class SyncStore {
    File,
    PostgreSql,
    FromEnvironment,  // CAIRN_SYNC_STORE=postgresql picks PostgreSQL; anything else the file store
};

struct SyncFixtureOptions {
    SyncStore store = SyncStore::File;
    QStringList serverArgs;  // extra arguments to the serving process (deadlines, windows)
};

// cairn-server's answer to a hand-made request; status 0 when none came within 30 s.
struct ServerAnswer {
    int status = 0;
    QJsonObject body;
    qint64 ms = 0;
    [[nodiscard]] QString field() const
    {
        return body.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
    }
    [[nodiscard]] QString message() const
    {
        return body.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    }
};

class SyncFixture {
public:
    enum class SignIn {
        Clinician,      // signed in again as the tablet's clinician, who records and edits
        Administrator,  // still signed in as the administrator who created it
    };

    // Certificates, the store and a started server; an error names the part that failed.
    Status start(const SyncFixtureOptions &options = {})
    {
        if (!m_dir.isValid())
            return Error{QStringLiteral("fixture"), QStringLiteral("no temporary directory")};
        auto certs = makeCertificates(m_dir.path());
        if (!certs)
            return certs.error().within(QStringLiteral("certificates"));
        m_certs = *certs;
        m_postgres = options.store == SyncStore::PostgreSql ||
                     (options.store == SyncStore::FromEnvironment &&
                      qEnvironmentVariable("CAIRN_SYNC_STORE") == QLatin1String("postgresql"));
        QString store = QStringLiteral("file");
        if (m_postgres) {
            // The cluster directory must be reachable by the postgres user.
            QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                    QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                                    QFileDevice::ExeOther);
            auto cluster = PostgresCluster::start(path(QStringLiteral("pg")));
            if (!cluster)
                return cluster.error().within(QStringLiteral("postgresql"));
            m_cluster = std::move(cluster).value();
            store = m_cluster->url();
        }
        m_server = std::make_unique<ServerProcess>(path(QStringLiteral("server")), store, m_certs, options.serverArgs);
        if (auto started = m_server->start(); !started)
            return started.error().within(QStringLiteral("cairn-server"));
        return ok();
    }

    // The server first, then its store.
    void stop()
    {
        m_server.reset();
        m_cluster.reset();
    }

    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }
    [[nodiscard]] const Certificates &certs() const { return m_certs; }
    [[nodiscard]] ServerProcess &server() const { return *m_server; }
    [[nodiscard]] bool onPostgres() const { return m_postgres; }
    // The cluster's postgresql:// URL, for more servers on the same store; empty on the file store.
    [[nodiscard]] QString postgresUrl() const { return m_cluster ? m_cluster->url() : QString(); }

    // A tablet that knows the server but is not enrolled, signed in as its administrator; fileName
    // empty: the next tablet-N.db.
    Result<std::unique_ptr<Tablet>> newTablet(const registry::Clock &clock, const QString &fileName = {})
    {
        return makeTablet(path(fileName.isEmpty() ? nextTabletName() : fileName), clock, m_server->url(),
                          m_certs.caPem);
    }

    // A new tablet enrolled in clinic; the test stops (qFatal) naming the step that failed.
    std::unique_ptr<Tablet> enrolledTablet(const registry::Clock &clock, const QString &clinic,
                                           SignIn signIn = SignIn::Clinician, const QString &fileName = {})
    {
        auto tablet = newTablet(clock, fileName);
        if (!tablet)
            qFatal("tablet: %s", qPrintable(tablet.error().line()));
        auto code = m_server->enrollmentCode(clinic);
        if (!code)
            qFatal("enrollment code: %s", qPrintable(code.error().line()));
        if (auto enrolled = (*tablet)->enroll(*code); !enrolled)
            qFatal("enroll: %s", qPrintable(enrolled.error().line()));
        if (signIn == SignIn::Clinician) {
            if (auto signedIn = (*tablet)->signInAsClinician(clock); !signedIn)
                qFatal("sign in: %s", qPrintable(signedIn.error().line()));
        }
        return std::move(tablet).value();
    }

    // A JSON POST to the server as tablet t's device (or with the given Authorization header).
    ServerAnswer post(const Tablet &t, const QString &route, const QJsonObject &body,
                      const QByteArray &authorization = {}) const
    {
        return postBytes(t, route, QJsonDocument(body).toJson(QJsonDocument::Compact), authorization);
    }

    // The same with a body as given, JSON or not.
    ServerAnswer postBytes(const Tablet &t, const QString &route, const QByteArray &body,
                           const QByteArray &authorization = {}) const
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_server->url() + route));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(t.config.authority);
        request.setSslConfiguration(tls);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Authorization", authorization.isEmpty() ? t.authorization() : authorization);
        QElapsedTimer timer;
        timer.start();
        std::unique_ptr<QNetworkReply> reply(network.post(request, body));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!done.wait(30'000))
            return {};
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object(), timer.elapsed()};
    }

private:
    QString nextTabletName() { return QStringLiteral("tablet-%1.db").arg(++m_tablets); }

    QTemporaryDir m_dir;
    Certificates m_certs;
    bool m_postgres = false;
    std::unique_ptr<PostgresCluster> m_cluster;
    std::unique_ptr<ServerProcess> m_server;
    int m_tablets = 0;
};

}  // namespace cairn::testing
