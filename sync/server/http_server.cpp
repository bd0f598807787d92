#include "sync/server/http_server.h"

#include "platform/logging.h"
#include "sync/http/request_head.h"
#include "sync/server/blocks_worked_ahead.h"
#include "sync/server/service_workers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>

namespace cairn::sync {
namespace {

// What a worker hands back to the connection: the bytes to send, already encoded.
struct HttpReply {
    int status = 200;
    QByteArray body;
    bool gzipped = false;
    // A refusal the HTTP layer made itself (the service never saw the request): the limit it
    // names, for the audit trail. Empty for the service's answers, which record themselves.
    QString refusedLimit = {};
};

HttpReply encode(const Reply &reply, bool gzipIt)
{
    const QByteArray json =
        reply.encodedBody.isEmpty() ? QJsonDocument(reply.body).toJson(QJsonDocument::Compact) : reply.encodedBody;
    return {reply.status, gzipIt ? gzip(json) : json, gzipIt};
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 422:
        return "Unprocessable Content";
    case 423:
        return "Locked";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

// Decodes, parses and answers one request body; runs on the store thread.
Reply serve(SyncService &service, const QByteArray &route, const QByteArray &authorization, const QJsonObject &json)
{
    if (route == "enroll")
        return service.enroll(json);
    if (route == "push")
        return service.push(authorization, json);
    return service.pull(authorization, json);
}

std::variant<QJsonObject, Reply> decodeBody(const QByteArray &raw, bool gzipped)
{
    QByteArray body = raw;
    if (gzipped) {
        auto plain = gunzip(raw, Limits::maxBodyBytes);
        if (!plain) {
            // A body that inflates past the limit (a gzip bomb) is too large, not malformed.
            return errorReply(plain.error().code == ErrorCode::TooLarge ? 413 : 400, plain.error());
        }
        body = *plain;
    } else if (body.size() > Limits::maxBodyBytes) {
        return errorReply(
            413, {QStringLiteral("body"), QStringLiteral("is larger than %1 bytes").arg(Limits::maxBodyBytes)});
    }
    auto json = parseBody(body);
    if (!json)
        return errorReply(400, json.error());
    return *json;
}

}  // namespace

// One client connection: reads request heads and bodies within their bounds, hands complete
// requests to the server, writes answers. Lives on the accepting thread; does no store work.
class HttpConnection : public QObject {
public:
    static constexpr int kLingerMs = 500;
    enum class State { Head, Authenticating, Body, Working, Closing };

    HttpConnection(SyncHttpServer &server, QSslSocket *socket, quint64 id, const HttpLimits &limits)
        : m_server(server)
        , m_socket(socket)
        , m_id(id)
        , m_limits(limits)
    {
        socket->setParent(this);
        // Bounded: beyond this, TLS records stay in the kernel and TCP holds the sender back.
        socket->setReadBufferSize(64 * 1024);
        auto *idle = new QTimer(this);
        idle->setSingleShot(true);
        idle->setInterval(limits.idleTimeoutMs);
        connect(idle, &QTimer::timeout, this, [this] { abort(); });
        connect(socket, &QIODevice::readyRead, idle, qOverload<>(&QTimer::start));
        connect(socket, &QIODevice::bytesWritten, idle, qOverload<>(&QTimer::start));
        connect(socket, &QSslSocket::encrypted, idle, qOverload<>(&QTimer::start));
        idle->start();
        QTimer::singleShot(limits.maxConnectionMs, this, [this] { abort(); });
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            const bool head = m_state == State::Head;
            refuse(408, QStringLiteral("request"),
                   head ? QStringLiteral("the request head did not arrive in time")
                        : QStringLiteral("the request body did not arrive in time"),
                   head ? QStringLiteral("head") : QStringLiteral("body"));
        });
        connect(socket, &QIODevice::readyRead, this, [this] {
            if (m_state == State::Closing)
                m_socket->skip(m_socket->bytesAvailable());  // lingering: see respond()
            else
                pump();
        });
        connect(socket, &QAbstractSocket::disconnected, this, &QObject::deleteLater);
        connect(socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError)
                abort();
        });
    }

    [[nodiscard]] quint64 id() const { return m_id; }

    void authenticated(const std::optional<Reply> &refusal)
    {
        if (m_state != State::Authenticating)
            return;
        if (refusal) {
            // The body is never read: answer and close.
            respond(encode(*refusal, false), false);
            return;
        }
        m_state = State::Body;
        m_body.reserve(static_cast<qsizetype>(m_contentLength));
        m_deadline.start(m_limits.bodyTimeoutMs);
        pump();
    }

    void answered(const HttpReply &reply)
    {
        if (m_state != State::Working)
            return;
        if (!reply.refusedLimit.isEmpty())
            m_server.recordRefusal(m_socket->peerAddress(), reply.status, reply.refusedLimit);
        respond(reply, m_keepAlive);
    }

private:
    void abort()
    {
        m_state = State::Closing;
        m_socket->abort();
    }

    void pump()
    {
        while (m_state == State::Head || m_state == State::Body) {
            if (m_state == State::Head && !readHead())
                return;
            if (m_state == State::Body && !readBody())
                return;
        }
    }

    // True when a whole head was read and handled (the state moved on).
    bool readHead()
    {
        const qsizetype room = SyncHttpServer::kMaxHeadBytes + 4 - m_buffer.size();
        if (room > 0 && m_socket->bytesAvailable() > 0)
            m_buffer.append(m_socket->read(room));
        if (m_buffer.isEmpty())
            return false;
        if (!m_deadline.isActive()) {
            m_deadline.start(m_limits.headTimeoutMs);
            m_timer.start();
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0 || end > SyncHttpServer::kMaxHeadBytes) {
            if (end > SyncHttpServer::kMaxHeadBytes || m_buffer.size() > SyncHttpServer::kMaxHeadBytes) {
                refuse(431, QStringLiteral("headers"),
                       QStringLiteral("the request head is larger than %1 bytes").arg(SyncHttpServer::kMaxHeadBytes));
                return true;
            }
            return false;
        }
        const QByteArray head = m_buffer.left(end);
        m_buffer.remove(0, end + 4);
        m_deadline.stop();
        handleHead(head);
        return true;
    }

    void handleHead(const QByteArray &bytes)
    {
        auto parsed = parseRequestHead(bytes);
        if (const auto *refusal = std::get_if<HeadRefusal>(&parsed))
            return refuse(refusal->status, refusal->field, refusal->message);
        const RequestHead &head = std::get<RequestHead>(parsed);
        m_method = head.method;
        m_path = head.path;
        m_headers = head.headers;
        m_keepAlive = head.keepAlive;
        const qint64 length = head.contentLength.value_or(0);
        m_contentLength = length;

        static const QList<QByteArray> posts{"/v1/enroll", "/v1/sign-in", "/v1/push", "/v1/pull"};
        if (m_path == "/v1/health") {
            if (m_method != "GET")
                return refuse(405, QStringLiteral("method"), QStringLiteral("use GET"));
            if (length > 0)
                return refuse(400, QStringLiteral("body"), QStringLiteral("a health check has no body"));
            m_state = State::Working;
            return answered(encode({200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                                     {QStringLiteral("version"), kProtocolVersion}}},
                                   false));
        }
        if (!posts.contains(m_path))
            return refuse(404, QStringLiteral("path"), QStringLiteral("no such call"));
        if (m_method != "POST")
            return refuse(405, QStringLiteral("method"), QStringLiteral("use POST"));
        if (!m_headers.contains("content-length"))
            return refuse(411, QStringLiteral("content-length"), QStringLiteral("is required"));
        // Refused from the declared size alone: not a byte of it is read.
        if (length > Limits::maxCompressedBytes)
            return refuse(413, QStringLiteral("body"),
                          QStringLiteral("is larger than %1 bytes").arg(Limits::maxCompressedBytes),
                          QStringLiteral("content-length"));
        m_route = m_path.mid(4);
        if (m_route == "enroll") {
            m_state = State::Authenticating;
            return authenticated(std::nullopt);
        }
        m_state = State::Authenticating;
        m_server.authenticateThen(this, m_headers.value("authorization"));
    }

    bool readBody()
    {
        const qint64 need = m_contentLength - m_body.size();
        if (need > 0 && !m_buffer.isEmpty()) {
            const qsizetype take = std::min<qsizetype>(m_buffer.size(), static_cast<qsizetype>(need));
            m_body.append(m_buffer.left(take));
            m_buffer.remove(0, take);
        }
        const qint64 stillNeed = m_contentLength - m_body.size();
        if (stillNeed > 0 && m_socket->bytesAvailable() > 0)
            m_body.append(m_socket->read(stillNeed));
        if (m_body.size() < m_contentLength)
            return false;
        m_deadline.stop();
        m_state = State::Working;
        const bool gzipped = m_headers.value("content-encoding") == "gzip";
        m_server.dispatch(this, m_route, m_headers.value("authorization"), std::exchange(m_body, {}), gzipped,
                          m_headers.value("accept-encoding").contains("gzip"));
        return true;
    }

    // limit: what the audit trail names (the field, unless the field alone does not say which
    // limit it was).
    void refuse(int status, const QString &field, const QString &message, const QString &limit = {})
    {
        m_server.recordRefusal(m_socket->peerAddress(), status, limit.isEmpty() ? field : limit);
        // Whatever was unread of this request stays unread: the connection closes.
        respond(encode(errorReply(status, {field, message}), false), false);
    }

    void respond(const HttpReply &reply, bool keepAlive)
    {
        QByteArray out =
            "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reason(reply.status) +
            "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
        if (reply.gzipped)
            out += "Content-Encoding: gzip\r\n";
        if (!keepAlive)
            out += "Connection: close\r\n";
        out += "\r\n";
        out += reply.body;
        m_socket->write(out);
        // Only known paths are logged: a path is the client's text and could forge log lines.
        static const QList<QByteArray> known{"/v1/enroll", "/v1/sign-in", "/v1/push", "/v1/pull", "/v1/health"};
        qCInfo(lcSyncServer, "%s %s %d %lld ms", m_method.isEmpty() ? "-" : m_method.left(16).constData(),
               known.contains(m_path) ? m_path.constData() : "(other)", reply.status,
               static_cast<long long>(m_timer.isValid() ? m_timer.elapsed() : 0));
        m_deadline.stop();
        m_timer.invalidate();
        m_method.clear();
        m_path.clear();
        if (!keepAlive) {
            // Linger before closing: a client still sending a body we refused would otherwise
            // get a reset that can destroy the answer before it reads it. What it still sends is
            // read and dropped (never kept) until the close.
            m_state = State::Closing;
            QTimer::singleShot(kLingerMs, this, [this] { m_socket->disconnectFromHost(); });
            return;
        }
        m_state = State::Head;
        // A pipelined next request may already be buffered.
        QTimer::singleShot(0, this, [this] { pump(); });
    }

    SyncHttpServer &m_server;
    QSslSocket *m_socket;
    quint64 m_id;
    HttpLimits m_limits;
    State m_state = State::Head;
    QTimer m_deadline;
    QElapsedTimer m_timer;
    QByteArray m_buffer;
    QByteArray m_method;
    QByteArray m_path;
    QByteArray m_route;
    QHash<QByteArray, QByteArray> m_headers;
    qint64 m_contentLength = 0;
    QByteArray m_body;
    bool m_keepAlive = true;
};

class SyncHttpServer::Listener final : public QTcpServer {
public:
    explicit Listener(SyncHttpServer &server)
        : m_server(server)
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_server.accept(descriptor); }

private:
    SyncHttpServer &m_server;
};

SyncHttpServer::SyncHttpServer(SyncService &service, ServiceWorkers &workers, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_workers(workers)
{}

SyncHttpServer::~SyncHttpServer()
{
    // The counted repeats would be lost otherwise.
    closeRefusalWindows(true);
    // Workers post answers to this object: let them finish before it goes.
    m_workers.stop();
}

void SyncHttpServer::recordRefusal(const QHostAddress &peer, int status, const QString &limit)
{
    const QString address = peer.isNull() ? QStringLiteral("unknown") : peer.toString();
    const QString reason = QString::number(status) + QLatin1Char(' ') + limit;
    const QString key = address + QLatin1Char('\n') + reason;
    if (auto open = m_refusalTallies.find(key); open != m_refusalTallies.end()) {
        ++open->repeats;
        return;
    }
    if (m_refusalTallies.size() >= kMaxRefusalTallies) {
        if (!m_refusalsBeyondTallies)
            m_refusalsBeyondTallies = RefusalTally{m_uptime.elapsed(), 0};
        ++m_refusalsBeyondTallies->repeats;
        return;
    }
    m_refusalTallies.insert(key, RefusalTally{m_uptime.elapsed(), 0});
    writeRefusal(address, reason, 1);
}

void SyncHttpServer::closeRefusalWindows(bool everything)
{
    const qint64 now = m_uptime.isValid() ? m_uptime.elapsed() : 0;
    auto closed = [&](const RefusalTally &tally) {
        return everything || now - tally.openedMs >= m_limits.refusalWindowMs;
    };
    for (auto it = m_refusalTallies.begin(); it != m_refusalTallies.end();) {
        if (!closed(it.value())) {
            ++it;
            continue;
        }
        if (it->repeats > 0) {
            const qsizetype split = it.key().indexOf(QLatin1Char('\n'));
            writeRefusal(it.key().left(split), it.key().mid(split + 1), it->repeats);
        }
        it = m_refusalTallies.erase(it);
    }
    if (m_refusalsBeyondTallies && closed(*m_refusalsBeyondTallies)) {
        writeRefusal(QString(), QStringLiteral("more addresses"), m_refusalsBeyondTallies->repeats);
        m_refusalsBeyondTallies.reset();
    }
}

void SyncHttpServer::writeRefusal(const QString &peer, const QString &reason, qint64 count)
{
    // The device column holds the peer address: no device was named (or believed) yet.
    ServerAuditEntry entry(ServerAuditEvent::RefusedHttp, QString(), peer);
    entry.refused = count;
    entry.reason = reason;
    if (!m_workers.onStore([this, entry] { m_service.recordRefusal(entry); }))
        qCWarning(lcSyncServer, "audit trail: the store is busy; %lld refused requests (%s) not recorded",
                  static_cast<long long>(count), qUtf8Printable(reason));
}

void SyncHttpServer::accept(qintptr descriptor)
{
    auto *socket = new QSslSocket;
    socket->setSslConfiguration(m_tls);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const quint64 id = m_nextConnectionId++;
    auto *connection = new HttpConnection(*this, socket, id, m_limits);
    connection->setParent(this);
    m_connections.insert(id, connection);
    connect(connection, &QObject::destroyed, this, [this, id] { m_connections.remove(id); });
    socket->startServerEncryption();
}

void SyncHttpServer::authenticateThen(HttpConnection *connection, const QByteArray &authorization)
{
    const quint64 id = connection->id();
    const bool queued = m_workers.onStore([this, id, authorization] {
        auto who = m_service.authenticate(authorization);
        std::optional<Reply> refusal;
        if (auto *reply = std::get_if<Reply>(&who))
            refusal = *reply;
        QMetaObject::invokeMethod(
            this,
            [this, id, refusal] {
                if (auto open = m_connections.value(id))
                    open->authenticated(refusal);
            },
            Qt::QueuedConnection);
    });
    if (!queued)
        connection->authenticated(errorReply(503, {QString(), QStringLiteral("the server is busy; try again")}));
}

void SyncHttpServer::dispatch(HttpConnection *connection, const QByteArray &route, const QByteArray &authorization,
                              QByteArray body, bool gzipped, bool acceptsGzip)
{
    const quint64 id = connection->id();
    auto deliver = [this, id](const HttpReply &reply) {
        QMetaObject::invokeMethod(
            this,
            [this, id, reply] {
                if (auto open = m_connections.value(id))
                    open->answered(reply);
            },
            Qt::QueuedConnection);
    };
    const bool queued = m_workers.onStore([this, route, authorization, body = std::move(body), gzipped, acceptsGzip,
                                           deliver] {
        auto decoded = decodeBody(body, gzipped);
        if (auto *refusal = std::get_if<Reply>(&decoded)) {
            // Refused before the service saw it (a gzip bomb, a body that is not JSON): recorded
            // by the HTTP layer, by the field the refusal names.
            HttpReply reply = encode(*refusal, acceptsGzip);
            reply.refusedLimit = errorFromJson(refusal->body, QString()).field;
            if (reply.refusedLimit.isEmpty())
                reply.refusedLimit = QStringLiteral("body");
            return deliver(reply);
        }
        const QJsonObject &json = std::get<QJsonObject>(decoded);
        if (route != "sign-in") {
            deliver(encode(serve(m_service, route, authorization, json), acceptsGzip));
            freeOnHelperPool(std::move(decoded));
            return;
        }
        auto begun = m_service.beginSignIn(authorization, json);
        if (auto *refusal = std::get_if<Reply>(&begun))
            return deliver(encode(*refusal, acceptsGzip));
        auto attempt = std::get<SyncService::SignInAttempt>(begun);
        // The PIN check leaves the store thread free for other tablets' pushes and pulls.
        const bool checking = m_workers.onArgon([this, attempt, acceptsGzip, deliver] {
            const bool matched = SyncService::checkPin(attempt);
            const bool finishing = m_workers.onStore([this, attempt, matched, acceptsGzip, deliver] {
                deliver(encode(m_service.finishSignIn(attempt, matched), acceptsGzip));
            });
            if (!finishing)
                deliver(
                    encode(errorReply(503, {QString(), QStringLiteral("the server is busy; try again")}), acceptsGzip));
        });
        if (!checking)
            deliver(encode(errorReply(503, {QString(), QStringLiteral("the server is busy; try again")}), acceptsGzip));
    });
    if (!queued)
        connection->answered(
            encode(errorReply(503, {QString(), QStringLiteral("the server is busy; try again")}), false));
}

Result<quint16> SyncHttpServer::listen(const QString &host, quint16 port, const QString &certPath,
                                       const QString &keyPath, HttpLimits limits)
{
    const auto chain = QSslCertificate::fromPath(certPath, QSsl::Pem);
    if (chain.isEmpty())
        return Error{QStringLiteral("cert"), QStringLiteral("no PEM certificate in %1").arg(certPath)};
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("key"), QStringLiteral("cannot read %1").arg(keyPath)};
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return Error{QStringLiteral("key"), QStringLiteral("no RSA or EC private key (PEM) in %1").arg(keyPath)};
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    // Forward-secret AEAD suites only (TLS 1.3's, and ECDHE with GCM or ChaCha20-Poly1305 for
    // 1.2): no CBC, no SHA-1 MACs, no static RSA key exchange.
    QList<QSslCipher> ciphers;
    for (const QSslCipher &cipher : tls.ciphers()) {
        const QString name = cipher.name();
        const bool aead = name.contains(QLatin1String("GCM")) || name.contains(QLatin1String("CHACHA20"));
        const bool forwardSecret = name.startsWith(QLatin1String("TLS_")) || name.startsWith(QLatin1String("ECDHE-"));
        if (aead && forwardSecret)
            ciphers.append(cipher);
    }
    if (!ciphers.isEmpty())
        tls.setCiphers(ciphers);
    m_tls = tls;
    m_limits = limits;
    m_uptime.start();
    // Windows close within a quarter of their length after they end.
    m_refusalWindows = new QTimer(this);
    m_refusalWindows->setInterval(std::max(limits.refusalWindowMs / 4, 1));
    connect(m_refusalWindows, &QTimer::timeout, this, [this] { closeRefusalWindows(false); });
    m_refusalWindows->start();
    const QHostAddress address(host);
    if (address.isNull())
        return Error{QStringLiteral("listen"), QStringLiteral("%1 is not an IP address").arg(host)};
    m_listener = new Listener(*this);
    m_listener->setParent(this);
    if (!m_listener->listen(address, port))
        return Error{QStringLiteral("listen"),
                     QStringLiteral("cannot listen on %1:%2: %3").arg(host).arg(port).arg(m_listener->errorString())};
    return m_listener->serverPort();
}

}  // namespace cairn::sync
