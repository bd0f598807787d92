#pragma once
// Real parts for sync tests and benchmarks: a private CA and server certificate made with openssl,
// a real cairn-server process on loopback (file store or a PostgreSQL cluster started here), and
// tablets as real encrypted registries driven through the sync client.

#include "core/registry/clock.h"
#include "core/registry/registry.h"
#include "platform/keystore.h"
#include "sync/client/sync_client.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace cairn::sync {
class SqlConnection;
}

namespace cairn::testing {

// Runs a program to completion; returns its stdout, or an error with its stderr.
Result<QString> runProgram(const QString &program, const QStringList &args, const QProcessEnvironment &env = {},
                           int timeoutMs = 60'000);

struct Certificates {
    QString caPem;  // the CA the clients trust
    QString serverPem;
    QString serverKey;
    QString otherCaPem;  // a CA that did not sign the server's certificate
};
Result<Certificates> makeCertificates(const QString &dir);

// A PostgreSQL cluster of its own in dir, run as the postgres user (it refuses root).
class PostgresCluster {
public:
    ~PostgresCluster();
    static Result<std::unique_ptr<PostgresCluster>> start(const QString &dir);
    [[nodiscard]] QString url() const { return m_url; }

private:
    QString m_dir;
    QString m_url;
};

class ServerProcess {
public:
    // store: "file" or a postgresql:// URL. extraArgs go to the serving process.
    ServerProcess(QString dataDir, QString store, Certificates certs, QStringList extraArgs = {});
    ~ServerProcess();
    Status start();
    void stop();
    void kill();
    [[nodiscard]] quint16 port() const { return m_port; }
    // The serving process's id (0 when not running): tests read its memory from /proc.
    [[nodiscard]] qint64 pid() const { return m_process ? m_process->processId() : 0; }
    [[nodiscard]] QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }
    // cairn-server ... enroll --clinic C: the one-time code.
    Result<QString> enrollmentCode(const QString &clinic);
    Status revoke(const QString &deviceId);
    Status newEpoch();
    // cairn-server ... user add: a clinic user who can sign in on the clinic's tablets; their id.
    Result<QString> addUser(const QString &clinic, const QString &name, const QString &role, const QString &pin);
    // cairn-server ... user <action> --clinic C --name N (remove, unlock).
    Status userCommand(const QString &action, const QString &clinic, const QString &name);
    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    // Tests only: puts records into the clinic's feed as given, under device, skipping every check
    // of an arriving record, as a server older than those checks would have stored them. A file
    // store's server is stopped around the write and started again.
    Status storeUnchecked(const QString &clinic, const QString &device, const QList<domain::RecordEnvelope> &records);
    // cairn-server with this server's store and args (e.g. {"audit", "verify"}): its standard
    // output, or an error with the exit code and standard error.
    Result<QString> command(const QStringList &args) const;
    // Tests only: one statement run directly on the store, to read it as stored or tamper with it;
    // its rows. A file store's server is stopped around it and started again.
    Result<QList<QStringList>> queryStore(const char *sql, const QStringList &params = {});

private:
    QStringList storeArgs() const;
    // Opens the store directly (stopping a file store's server around work).
    Status withStore(const std::function<Status(sync::SqlConnection &)> &work);
    QString m_dataDir;
    QString m_store;
    Certificates m_certs;
    QStringList m_extraArgs;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

// Certificates in dir and a started cairn-server on the file store in dir/server.
Status startFileServer(const QString &dir, Certificates *certs, std::unique_ptr<ServerProcess> *server);

// One tablet: an encrypted registry with its own keystore.
struct Tablet {
    QString path;
    std::unique_ptr<platform::MemoryKeystore> keystore;
    std::unique_ptr<registry::Registry> registry;
    sync::ClientConfig config;

    Result<sync::RoundStats> sync();
    // As the administrator the tablet was created with.
    Status enroll(const QString &code);
    // Signs in again as the tablet's clinician (who records PEG scores and edits demographics).
    Status signInAsClinician(const registry::Clock &clock);
};
Result<std::unique_ptr<Tablet>> makeTablet(const QString &path, const registry::Clock &clock, const QString &serverUrl,
                                           const QString &caPem);

// Patients as contract JSON sorted by id: what "identical registries" means in these tests.
QByteArray canonicalPatients(const QByteArray &patientArrayJson);
// Every patient of a registry with every current record, canonical.
QByteArray registrySnapshot(registry::Registry &registry);

QString serverBinary();
// cairn-server needs a keystore for its file store's key; tests use a file keystore in dir.
QProcessEnvironment serverEnvironment(const QString &keystoreDir);

}  // namespace cairn::testing
