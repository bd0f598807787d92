#pragma once
// Real parts for sync tests and benchmarks: a private CA and server certificate made with openssl,
// a real cairn-server process on loopback (file store or a PostgreSQL cluster started here), nginx in
// front of servers as deployed, and tablets as real encrypted registries driven through the sync client.

#include "core/registry/clock.h"
#include "core/registry/registry.h"
#include "platform/keystore.h"
#include "sync/client/sync_client.h"

#include <QHash>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <vector>

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

// nginx (Debian's) in front of cairn-server processes, run from tools/deploy/nginx-cairn.conf.in
// exactly as docs/deployment.md deploys it: TLS with certs.serverPem (signed by the clinic CA), the
// servers reached over TLS on loopback and checked against certs.caPem. Runs unprivileged (as
// nobody when the test runs as root) with its config, keys, logs and temp files in a directory of
// its own.
class NginxProcess {
public:
    NginxProcess(Certificates certs, QList<quint16> serverPorts);
    ~NginxProcess();
    Status start();
    void stop();
    // The master process's id (0 when not running).
    [[nodiscard]] qint64 pid() const { return m_process ? m_process->processId() : 0; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }
    // The rendered configuration, for failure messages and the docs.
    [[nodiscard]] QString configPath() const;
    [[nodiscard]] QString errorLog() const;
    // One line a request, naming the server that answered it (upstream=127.0.0.1:PORT).
    [[nodiscard]] QString accessLog() const;
    // The template with its placeholders filled: values maps NAME to the text for @NAME@; an
    // unfilled placeholder is an error naming it.
    static Result<QString> render(const QString &templateText, const QHash<QString, QString> &values);
    static QString templatePath();

private:
    Status writeConfig();
    Certificates m_certs;
    QList<quint16> m_serverPorts;
    QTemporaryDir m_prefix;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

// One tablet: an encrypted registry with its own keystore.
struct Tablet {
    QString path;
    std::unique_ptr<platform::MemoryKeystore> keystore;
    std::unique_ptr<registry::Registry> registry;
    sync::ClientConfig config;

    Result<sync::RoundStats> sync();
    // The Authorization header its sync client sends ("Device ID:CREDENTIAL"), for hand-made requests.
    [[nodiscard]] QByteArray authorization() const;
    // As the administrator the tablet was created with.
    Status enroll(const QString &code);
    // Signs in again as the tablet's clinician (who records PEG scores and edits demographics).
    Status signInAsClinician(const registry::Clock &clock);
};
Result<std::unique_ptr<Tablet>> makeTablet(const QString &path, const registry::Clock &clock, const QString &serverUrl,
                                           const QString &caPem);
// makeTablet, enrolled with `server` for `clinic`, then signed in as its clinician. An error names
// the step that failed.
Result<std::unique_ptr<Tablet>> makeEnrolledTablet(const QString &path, const registry::Clock &clock,
                                                   ServerProcess &server, const QString &caPem, const QString &clinic);

// The production layout of docs/deployment.md on loopback: certificates, a PostgreSQL cluster,
// serverCount cairn-server processes sharing it, and nginx in front of them, all in dir (which
// must outlive it). Parts stop in reverse order: nginx, the servers, PostgreSQL.
struct Deployment {
    Certificates certs;
    std::unique_ptr<PostgresCluster> postgres;
    std::vector<std::unique_ptr<ServerProcess>> servers;
    std::unique_ptr<NginxProcess> nginx;

    static Result<std::unique_ptr<Deployment>> start(const QString &dir, int serverCount = 2);
    // A tablet at path that knows only nginx's address, enrolled in clinic (a code from the first
    // server) and signed in as its clinician.
    Result<std::unique_ptr<Tablet>> enrolledTablet(const QString &path, const QString &clinic,
                                                   const registry::Clock &clock);
};

// Patients as contract JSON sorted by id: what "identical registries" means in these tests.
QByteArray canonicalPatients(const QByteArray &patientArrayJson);
// Every patient of a registry with every current record, canonical.
QByteArray registrySnapshot(registry::Registry &registry);

// A field of /proc/PID/status in kB ("VmHWM": peak resident memory, "VmRSS": resident now); -1
// when the process or the field is not there.
qint64 processMemoryKb(qint64 pid, const QByteArray &field);
inline qint64 peakRssKb(qint64 pid)
{
    return processMemoryKb(pid, "VmHWM");
}

// A request written by hand over TLS: what a hostile client sends, not what Qt's client would.
// The body (bodyBytes of 'x', after head) is streamed in bounded steps until the server answers,
// closes, or waitMs pass.
struct RawAnswer {
    int status = 0;
    QByteArray body;
    qint64 sentBodyBytes = 0;
    qint64 ms = 0;
};
RawAnswer rawRequest(quint16 port, const QByteArray &head, qint64 bodyBytes, int waitMs);

QString serverBinary();
// cairn-server needs a keystore for its file store's key; tests use a file keystore in dir.
QProcessEnvironment serverEnvironment(const QString &keystoreDir);

}  // namespace cairn::testing
