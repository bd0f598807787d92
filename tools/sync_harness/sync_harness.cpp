#include "tools/sync_harness/sync_harness.h"

#include "core/domain/patient_json.h"
#include "sync/protocol/protocol.h"
#include "sync/server/http_server.h"
#include "sync/server/sql_connection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

namespace cairn::testing {

Result<QString> runProgram(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                           int timeoutMs)
{
    QProcess process;
    if (!env.isEmpty())
        process.setProcessEnvironment(env);
    process.start(program, args);
    if (!process.waitForStarted(10'000))
        return Error{program, QStringLiteral("did not start")};
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return Error{program, QStringLiteral("timed out")};
    }
    const QString err = QString::fromUtf8(process.readAllStandardError());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error{program, QStringLiteral("exit %1: %2").arg(process.exitCode()).arg(err.trimmed())};
    return QString::fromUtf8(process.readAllStandardOutput());
}

Result<Certificates> makeCertificates(const QString &dir)
{
    const auto path = [&dir](const char *name) { return QDir(dir).filePath(QLatin1String(name)); };
    Certificates c{path("ca.pem"), path("server.pem"), path("server.key"), path("other-ca.pem")};
    const QString ext = path("ext.cnf");
    QFile extFile(ext);
    if (!extFile.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("certs"), QStringLiteral("cannot write %1").arg(ext)};
    extFile.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    extFile.close();
    const QList<QStringList> steps{
        {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", path("ca.key"),
         "-out", c.caPem, "-days", "2", "-subj", "/CN=Cairn Test CA"},
        {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
         path("other-ca.key"), "-out", c.otherCaPem, "-days", "2", "-subj", "/CN=Cairn Test CA"},
        {"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", c.serverKey, "-out",
         path("server.csr"), "-subj", "/CN=localhost"},
        {"x509", "-req", "-in", path("server.csr"), "-CA", c.caPem, "-CAkey", path("ca.key"), "-CAcreateserial", "-out",
         c.serverPem, "-days", "2", "-extfile", ext},
    };
    for (const QStringList &step : steps) {
        if (auto out = runProgram(QStringLiteral("openssl"), step); !out)
            return out.error();
    }
    return c;
}

namespace {
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
}  // namespace

Result<std::unique_ptr<PostgresCluster>> PostgresCluster::start(const QString &dir)
{
    const QString bin = QStringLiteral("/usr/lib/postgresql/15/bin/");
    if (!QFile::exists(bin + QStringLiteral("initdb")))
        return Error{QStringLiteral("postgresql"),
                     QStringLiteral("PostgreSQL 15 is not installed (tools/install-deps.sh installs it)")};
    auto cluster = std::unique_ptr<PostgresCluster>(new PostgresCluster);
    cluster->m_dir = dir;
    const quint16 port = freePort();
    // PostgreSQL refuses to run as root: run it as the postgres user when we are root.
    const bool root = ::geteuid() == 0;
    auto as = [root](const QString &program, const QStringList &args) {
        return root
                   ? runProgram(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                                       QStringLiteral("--"), program} +
                                                               args)
                   : runProgram(program, args);
    };
    QDir().mkpath(dir);
    if (root) {
        if (auto s = runProgram(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), dir}); !s)
            return s.error();
    }
    if (auto s = as(bin + QStringLiteral("initdb"),
                    {QStringLiteral("-D"), dir + QStringLiteral("/data"), QStringLiteral("-U"), QStringLiteral("cairn"),
                     QStringLiteral("-A"), QStringLiteral("trust")});
        !s)
        return s.error();
    if (auto s = as(bin + QStringLiteral("pg_ctl"),
                    {QStringLiteral("-D"), dir + QStringLiteral("/data"), QStringLiteral("-w"), QStringLiteral("-l"),
                     dir + QStringLiteral("/log"), QStringLiteral("-o"),
                     QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(port).arg(dir),
                     QStringLiteral("start")});
        !s)
        return s.error();
    cluster->m_url = QStringLiteral("postgresql://cairn@127.0.0.1:%1/postgres").arg(port);
    return cluster;
}

PostgresCluster::~PostgresCluster()
{
    const QString pgctl = QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl");
    const QStringList args{QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-m"),
                           QStringLiteral("immediate"), QStringLiteral("stop")};
    if (::geteuid() == 0)
        (void)runProgram(QStringLiteral("runuser"),
                         QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), pgctl} +
                             args);
    else
        (void)runProgram(pgctl, args);
}

QByteArray canonicalPatients(const QByteArray &patientArrayJson)
{
    QList<QJsonObject> objects;
    for (const auto &p : QJsonDocument::fromJson(patientArrayJson).array())
        objects.append(p.toObject());
    std::sort(objects.begin(), objects.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("id")).toString() < b.value(QStringLiteral("id")).toString();
    });
    QJsonArray sorted;
    for (const auto &o : objects)
        sorted.append(o);
    return QJsonDocument(sorted).toJson(QJsonDocument::Compact);
}

QByteArray registrySnapshot(registry::Registry &registry)
{
    auto all = registry.loadAllPatients(QStringLiteral("test"));
    if (!all)
        return "error: " + all.error().message.toUtf8();
    QJsonArray array;
    for (const auto &p : std::as_const(*all))
        array.append(domain::patientToJson(p, true));
    return canonicalPatients(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString serverBinary()
{
    return QStringLiteral(CAIRN_BINARY_DIR "/sync/cairn-server");
}

QProcessEnvironment serverEnvironment(const QString &keystoreDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CAIRN_KEYSTORE"), QStringLiteral("file:") + keystoreDir);
    return env;
}

ServerProcess::ServerProcess(QString dataDir, QString store, Certificates certs, QStringList extraArgs)
    : m_dataDir(std::move(dataDir))
    , m_store(std::move(store))
    , m_certs(std::move(certs))
    , m_extraArgs(std::move(extraArgs))
{}

ServerProcess::~ServerProcess()
{
    stop();
}

QStringList ServerProcess::storeArgs() const
{
    QStringList args{QStringLiteral("--data"), m_dataDir};
    if (m_store != QLatin1String("file"))
        args << QStringLiteral("--database") << m_store;
    return args;
}

Status ServerProcess::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(serverEnvironment(m_dataDir + QStringLiteral("-keys")));
    // The server logs a line per request on stderr. Into a file, not a pipe: a pipe is drained only
    // while this thread runs its event loop, and a bench whose main thread waits on syncing threads
    // let it fill, so both servers blocked writing their logs (nginx then timed out every request).
    const QString log = m_dataDir + QStringLiteral("-server.log");
    m_process->setStandardErrorFile(log, QIODevice::Append);
    // Keep the same port across restarts so tablets find it again.
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(m_port);
    m_process->start(serverBinary(), storeArgs() +
                                         QStringList{QStringLiteral("--listen"), listen, QStringLiteral("--cert"),
                                                     m_certs.serverPem, QStringLiteral("--key"), m_certs.serverKey} +
                                         m_extraArgs);
    if (!m_process->waitForStarted(10'000))
        return Error{QStringLiteral("cairn-server"), QStringLiteral("did not start")};
    static const QRegularExpression listening(QStringLiteral("listening on https://127.0.0.1:(\\d+)"));
    QString out;
    for (int i = 0; i < 100 && !out.contains(QLatin1Char('\n')); ++i) {
        if (!m_process->waitForReadyRead(200) && m_process->state() != QProcess::Running)
            break;
        out += QString::fromUtf8(m_process->readAllStandardOutput());
    }
    const auto match = listening.match(out);
    if (!match.hasMatch())
        return Error{QStringLiteral("cairn-server"), QStringLiteral("did not listen: %1 %2").arg(out, [&log] {
                         QFile file(log);
                         return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(4096))
                                                               : QString();
                     }())};
    m_port = static_cast<quint16>(match.captured(1).toUInt());
    return ok();
}

void ServerProcess::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished();
    }
    m_process.reset();
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished();
    m_process.reset();
}

Result<QString> ServerProcess::enrollmentCode(const QString &clinic)
{
    auto out = runProgram(serverBinary(),
                          storeArgs() + QStringList{QStringLiteral("enroll"), QStringLiteral("--clinic"), clinic},
                          serverEnvironment(m_dataDir + QStringLiteral("-keys")));
    if (!out)
        return out.error();
    return out->trimmed().split(QLatin1Char('\n')).last().trimmed();
}

Status ServerProcess::revoke(const QString &deviceId)
{
    auto out = runProgram(serverBinary(),
                          storeArgs() + QStringList{QStringLiteral("revoke"), QStringLiteral("--device"), deviceId},
                          serverEnvironment(m_dataDir + QStringLiteral("-keys")));
    return out ? ok() : Status(out.error());
}

NginxProcess::NginxProcess(Certificates certs, QList<quint16> serverPorts)
    : m_certs(std::move(certs))
    , m_serverPorts(std::move(serverPorts))
    , m_prefix(QDir::temp().filePath(QStringLiteral("cairn-nginx-XXXXXX")))
{}

NginxProcess::~NginxProcess()
{
    stop();
}

QString NginxProcess::templatePath()
{
    return QStringLiteral(CAIRN_SOURCE_DIR "/tools/deploy/nginx-cairn.conf.in");
}

QString NginxProcess::configPath() const
{
    return m_prefix.filePath(QStringLiteral("nginx.conf"));
}

QString NginxProcess::errorLog() const
{
    return m_prefix.filePath(QStringLiteral("error.log"));
}

QString NginxProcess::accessLog() const
{
    return m_prefix.filePath(QStringLiteral("access.log"));
}

Result<QString> NginxProcess::render(const QString &templateText, const QHash<QString, QString> &values)
{
    QString text = templateText;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace(QLatin1Char('@') + it.key() + QLatin1Char('@'), it.value());
    static const QRegularExpression unfilled(QStringLiteral("@([A-Z_]+)@"));
    if (const auto left = unfilled.match(text); left.hasMatch())
        return Error{QStringLiteral("nginx"),
                     QStringLiteral("the template's @%1@ was not filled").arg(left.captured(1))};
    return text;
}

Status NginxProcess::writeConfig()
{
    if (!m_prefix.isValid())
        return Error{QStringLiteral("nginx"), QStringLiteral("no temporary directory")};
    // nginx may run as nobody: it gets copies of what it reads, in its own directory.
    const auto copy = [this](const QString &from, const char *name) -> Result<QString> {
        const QString to = m_prefix.filePath(QLatin1String(name));
        QFile::remove(to);
        if (!QFile::copy(from, to))
            return Error{QStringLiteral("nginx"), QStringLiteral("cannot copy %1").arg(from)};
        return to;
    };
    auto cert = copy(m_certs.serverPem, "server.pem");
    auto key = copy(m_certs.serverKey, "server.key");
    auto ca = copy(m_certs.caPem, "ca.pem");
    for (const auto *copied : {&cert, &key, &ca})
        if (!*copied)
            return copied->error();
    QString servers;
    for (const quint16 port : std::as_const(m_serverPorts))
        servers += QStringLiteral("        server 127.0.0.1:%1 max_fails=1 fail_timeout=10s;\n").arg(port);
    const sync::HttpLimits serverLimits;
    const QHash<QString, QString> values{
        {QStringLiteral("PREFIX"), m_prefix.path()},
        {QStringLiteral("LISTEN"), QStringLiteral("127.0.0.1:%1").arg(m_port)},
        {QStringLiteral("CERT"), *cert},
        {QStringLiteral("KEY"), *key},
        {QStringLiteral("UPSTREAM_CA"), *ca},
        {QStringLiteral("UPSTREAM_NAME"), QStringLiteral("localhost")},
        {QStringLiteral("UPSTREAM_SERVERS"), servers},
        {QStringLiteral("MAX_HEAD_BYTES"), QString::number(sync::SyncHttpServer::kMaxHeadBytes)},
        {QStringLiteral("HEAD_BUFFERS"), QString::number(sync::SyncHttpServer::kMaxHeadBytes / 8192)},
        {QStringLiteral("HEAD_TIMEOUT"), QStringLiteral("%1s").arg(serverLimits.headTimeoutMs / 1000)},
        {QStringLiteral("BODY_TIMEOUT"), QStringLiteral("%1s").arg(serverLimits.idleTimeoutMs / 1000)},
        {QStringLiteral("MAX_BODY_BYTES"), QString::number(sync::Limits::maxCompressedBytes)},
    };
    QFile in(templatePath());
    if (!in.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("nginx"), QStringLiteral("cannot read %1").arg(templatePath())};
    auto text = render(QString::fromUtf8(in.readAll()), values);
    if (!text)
        return text.error();
    QFile out(configPath());
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(text->toUtf8()) < 0)
        return Error{QStringLiteral("nginx"), QStringLiteral("cannot write %1").arg(configPath())};
    out.close();
    if (::geteuid() == 0) {
        if (auto s = runProgram(QStringLiteral("chown"),
                                {QStringLiteral("-R"), QStringLiteral("nobody:nogroup"), m_prefix.path()});
            !s)
            return s.error();
    }
    return ok();
}

Status NginxProcess::start()
{
    const QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                                         {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    if (nginx.isEmpty())
        return Error{QStringLiteral("nginx"), QStringLiteral("nginx is not installed (tools/install-deps.sh installs "
                                                             "nginx-light)")};
    if (m_port == 0)
        m_port = freePort();  // kept across restarts, like ServerProcess
    if (auto s = writeConfig(); !s)
        return s;
    const QStringList nginxArgs{
        QStringLiteral("-e"), errorLog(),   QStringLiteral("-p"), m_prefix.path(),
        QStringLiteral("-c"), configPath(), QStringLiteral("-g"), QStringLiteral("daemon off;")};
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
    // As root, drop to nobody first (setpriv execs: the process is nginx's master itself).
    if (::geteuid() == 0)
        m_process->start(QStringLiteral("setpriv"),
                         QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                     QStringLiteral("--clear-groups"), QStringLiteral("--"), nginx} +
                             nginxArgs);
    else
        m_process->start(nginx, nginxArgs);
    if (!m_process->waitForStarted(10'000))
        return Error{QStringLiteral("nginx"), QStringLiteral("did not start")};
    for (int i = 0; i < 100; ++i) {
        if (m_process->state() != QProcess::Running)
            break;
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return ok();
        QThread::msleep(100);
    }
    QFile log(errorLog());
    const QString why = log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()).trimmed() : QString();
    stop();
    return Error{QStringLiteral("nginx"), QStringLiteral("did not listen on %1: %2").arg(m_port).arg(why)};
}

void NginxProcess::stop()
{
    if (!m_process)
        return;
    m_process->terminate();  // SIGTERM: nginx's fast shutdown
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished();
    }
    m_process.reset();
}

Result<QString> ServerProcess::addUser(const QString &clinic, const QString &name, const QString &role,
                                       const QString &pin)
{
    QProcessEnvironment env = serverEnvironment(m_dataDir + QStringLiteral("-keys"));
    env.insert(QStringLiteral("CAIRN_PIN"), pin);
    auto out =
        runProgram(serverBinary(),
                   storeArgs() + QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--clinic"),
                                             clinic, QStringLiteral("--name"), name, QStringLiteral("--role"), role},
                   env);
    if (!out)
        return out.error();
    return out->trimmed().split(QLatin1Char('\n')).last().trimmed();
}

Status ServerProcess::userCommand(const QString &action, const QString &clinic, const QString &name)
{
    auto out = runProgram(serverBinary(),
                          storeArgs() + QStringList{QStringLiteral("user"), action, QStringLiteral("--clinic"), clinic,
                                                    QStringLiteral("--name"), name},
                          serverEnvironment(m_dataDir + QStringLiteral("-keys")));
    return out ? ok() : Status(out.error());
}

Status ServerProcess::newEpoch()
{
    auto out = runProgram(serverBinary(), storeArgs() + QStringList{QStringLiteral("new-epoch")},
                          serverEnvironment(m_dataDir + QStringLiteral("-keys")));
    return out ? ok() : Status(out.error());
}

Status ServerProcess::withStore(const std::function<Status(sync::SqlConnection &)> &work)
{
    const bool fileStore = m_store == QLatin1String("file");
    const bool wasRunning = m_process != nullptr;
    if (fileStore)
        stop();
    Status done = ok();
    {
        const QByteArray previous = qgetenv("CAIRN_KEYSTORE");
        qputenv("CAIRN_KEYSTORE", QByteArray("file:") + (m_dataDir + QStringLiteral("-keys")).toUtf8());
        auto db = fileStore ? sync::openFileStore(m_dataDir) : sync::openPostgres(m_store);
        qputenv("CAIRN_KEYSTORE", previous);
        done = db ? work(**db) : Status(db.error());
    }
    if (fileStore && wasRunning) {
        if (auto s = start(); !s)
            return s;
    }
    return done;
}

Status ServerProcess::storeUnchecked(const QString &clinic, const QString &device,
                                     const QList<domain::RecordEnvelope> &records)
{
    return withStore([&](sync::SqlConnection &db) {
        std::int64_t seq = 0;
        for (const domain::RecordEnvelope &record : records) {
            const QString json =
                QString::fromUtf8(QJsonDocument(sync::envelopeToJson(record)).toJson(QJsonDocument::Compact));
            if (auto written = db.execute("INSERT INTO changes (clinic, id, patient_id, device, seq, record, "
                                          "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                          {clinic, record.id, record.patientId, device, QString::number(++seq), json,
                                           QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
                !written)
                return written;
        }
        return ok();
    });
}

Result<QList<QStringList>> ServerProcess::queryStore(const char *sql, const QStringList &params)
{
    QList<QStringList> rows;
    if (auto s = withStore([&](sync::SqlConnection &db) {
            auto result = db.query(sql, params);
            if (!result)
                return Status(result.error());
            rows = *result;
            return ok();
        });
        !s)
        return s.error();
    return rows;
}

Result<QString> ServerProcess::command(const QStringList &args) const
{
    return runProgram(serverBinary(), storeArgs() + args, serverEnvironment(m_dataDir + QStringLiteral("-keys")));
}

QByteArray Tablet::authorization() const
{
    const auto credential = keystore->read(QStringLiteral("sync-credential-") + registry->registryId());
    return "Device " + registry->deviceId().toUtf8() + ':' + (credential && *credential ? **credential : QByteArray());
}

qint64 processMemoryKb(qint64 pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = field + ':';
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLongLong();
    return -1;
}

RawAnswer rawRequest(quint16 port, const QByteArray &head, qint64 bodyBytes, int waitMs)
{
    RawAnswer answer;
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);  // this client attacks; it need not trust
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForEncrypted(10'000))
        return answer;
    QElapsedTimer timer;
    timer.start();
    socket.write(head);
    const QByteArray chunk(1024 * 1024, 'x');
    QByteArray received;
    // Never more than 2 MiB queued here.
    while (timer.elapsed() < waitMs && socket.state() == QAbstractSocket::ConnectedState) {
        if (answer.sentBodyBytes < bodyBytes && socket.bytesToWrite() < 2 * chunk.size()) {
            const qint64 n = std::min<qint64>(chunk.size(), bodyBytes - answer.sentBodyBytes);
            socket.write(chunk.constData(), n);
            answer.sentBodyBytes += n;
        }
        socket.waitForBytesWritten(5);
        socket.waitForReadyRead(answer.sentBodyBytes < bodyBytes ? 1 : 50);
        received += socket.readAll();
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end >= 0) {
            const qsizetype lengthAt = received.toLower().indexOf("content-length:");
            const qsizetype length = lengthAt >= 0
                                         ? received.mid(lengthAt + 15, received.indexOf('\r', lengthAt) - lengthAt - 15)
                                               .trimmed()
                                               .toLongLong()
                                         : 0;
            if (received.size() >= end + 4 + length)
                break;
        }
    }
    received += socket.readAll();
    answer.ms = timer.elapsed();
    if (received.startsWith("HTTP/1.1 "))
        answer.status = received.mid(9, 3).toInt();
    answer.body = received.mid(received.indexOf("\r\n\r\n") + 4);
    return answer;
}

Result<sync::RoundStats> Tablet::sync()
{
    sync::SyncClient client(*registry, *keystore, config);
    return client.runRound();
}

Status Tablet::enroll(const QString &code)
{
    sync::SyncClient client(*registry, *keystore, config);
    return client.enroll(code);
}

Status Tablet::signInAsClinician(const registry::Clock &clock)
{
    registry.reset();
    auto opened = registry::Registry::unlock(path, *keystore, QStringLiteral("Casey"), QStringLiteral("1357"), clock);
    if (!opened)
        return opened.error();
    registry = std::move(opened).value();
    return ok();
}

Result<std::unique_ptr<Tablet>> makeEnrolledTablet(const QString &path, const registry::Clock &clock,
                                                   ServerProcess &server, const QString &caPem, const QString &clinic)
{
    auto tablet = makeTablet(path, clock, server.url(), caPem);
    if (!tablet)
        return tablet.error().within(QStringLiteral("tablet"));
    auto code = server.enrollmentCode(clinic);
    if (!code)
        return code.error().within(QStringLiteral("enrollment code"));
    if (auto s = (*tablet)->enroll(*code); !s)
        return s.error().within(QStringLiteral("enroll"));
    if (auto s = (*tablet)->signInAsClinician(clock); !s)
        return s.error().within(QStringLiteral("sign in"));
    return tablet;
}

Result<std::unique_ptr<Tablet>> makeTablet(const QString &path, const registry::Clock &clock, const QString &serverUrl,
                                           const QString &caPem)
{
    auto tablet = std::make_unique<Tablet>();
    tablet->path = path;
    tablet->keystore = std::make_unique<platform::MemoryKeystore>();
    auto created =
        registry::Registry::create(path, *tablet->keystore, QStringLiteral("Admin"), QStringLiteral("246810"), clock);
    if (!created)
        return created.error();
    tablet->registry = std::move(created).value();
    if (auto user = tablet->registry->addUser(QStringLiteral("Casey"), keys::Role::Clinician, QStringLiteral("1357"));
        !user)
        return user.error();
    auto authority = sync::loadAuthority(caPem);
    if (!authority)
        return authority.error();
    tablet->config.server = QUrl(serverUrl);
    tablet->config.authority = *authority;
    return tablet;
}

Result<std::unique_ptr<Deployment>> Deployment::start(const QString &dir, int serverCount)
{
    auto deployment = std::make_unique<Deployment>();
    auto certs = makeCertificates(dir);
    if (!certs)
        return certs.error();
    deployment->certs = *certs;
    // The cluster directory must be reachable by the postgres user.
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                   QFileDevice::ExeGroup | QFileDevice::ExeOther);
    auto cluster = PostgresCluster::start(QDir(dir).filePath(QStringLiteral("pg")));
    if (!cluster)
        return cluster.error();
    deployment->postgres = std::move(cluster).value();
    QList<quint16> ports;
    for (int i = 0; i < serverCount; ++i) {
        deployment->servers.push_back(std::make_unique<ServerProcess>(
            QDir(dir).filePath(QStringLiteral("server-%1").arg(i)), deployment->postgres->url(), deployment->certs));
        if (auto s = deployment->servers.back()->start(); !s)
            return s.error();
        ports.append(deployment->servers.back()->port());
    }
    deployment->nginx = std::make_unique<NginxProcess>(deployment->certs, ports);
    if (auto s = deployment->nginx->start(); !s)
        return s.error();
    return deployment;
}

Result<std::unique_ptr<Tablet>> Deployment::enrolledTablet(const QString &path, const QString &clinic,
                                                           const registry::Clock &clock)
{
    auto tablet = makeTablet(path, clock, nginx->url(), certs.caPem);
    if (!tablet)
        return tablet.error();
    auto code = servers.front()->enrollmentCode(clinic);
    if (!code)
        return code.error();
    if (auto s = (*tablet)->enroll(*code); !s)
        return s.error();
    if (auto s = (*tablet)->signInAsClinician(clock); !s)
        return s.error();
    return tablet;
}

}  // namespace cairn::testing
