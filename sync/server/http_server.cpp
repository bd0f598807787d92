#include "sync/server/http_server.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>
#include <QTcpServer>

namespace cairn::sync {
namespace {

// TLS server whose connections carry a watchdog: idle too long, or open too long, and they close.
class BoundedTlsServer final : public QSslServer {
public:
    BoundedTlsServer(int idleMs, int maxMs) : m_idleMs(idleMs), m_maxMs(maxMs) {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSslConfiguration(sslConfiguration());
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        idle->setInterval(m_idleMs);
        QObject::connect(idle, &QTimer::timeout, socket, &QAbstractSocket::abort);
        QObject::connect(socket, &QIODevice::readyRead, idle, qOverload<>(&QTimer::start));
        QObject::connect(socket, &QIODevice::bytesWritten, idle, qOverload<>(&QTimer::start));
        QObject::connect(socket, &QSslSocket::encrypted, idle, qOverload<>(&QTimer::start));
        idle->start();
        QTimer::singleShot(m_maxMs, socket, &QAbstractSocket::abort);
        QObject::connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
        addPendingConnection(socket);
    }

private:
    int m_idleMs;
    int m_maxMs;
};

QHttpServerResponse toResponse(const Reply &reply, bool gzipIt)
{
    const QByteArray json = QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
    QHttpServerResponse response(QByteArrayLiteral("application/json"), gzipIt ? gzip(json) : json,
                                 static_cast<QHttpServerResponse::StatusCode>(reply.status));
    if (gzipIt)
        response.setHeader(QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip"));
    return response;
}

}  // namespace

SyncHttpServer::SyncHttpServer(SyncService &service, QObject *parent) : QObject(parent), m_service(service)
{
    m_http.route(QStringLiteral("/v1/enroll"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return handle(request, "enroll"); });
    m_http.route(QStringLiteral("/v1/sign-in"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return handle(request, "sign-in"); });
    m_http.route(QStringLiteral("/v1/push"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return handle(request, "push"); });
    m_http.route(QStringLiteral("/v1/pull"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return handle(request, "pull"); });
    m_http.route(QStringLiteral("/v1/health"), QHttpServerRequest::Method::Get, []() {
        return QHttpServerResponse(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                               {QStringLiteral("version"), kProtocolVersion}});
    });
}

QHttpServerResponse SyncHttpServer::handle(const QHttpServerRequest &request, const char *route)
{
    QElapsedTimer timer;
    timer.start();
    const bool acceptsGzip = request.value(QByteArrayLiteral("Accept-Encoding")).contains("gzip");
    Reply reply;
    QByteArray body = request.body();
    // Qt 6.4's server has already read the body; bound what we are willing to decode and parse.
    if (body.size() > Limits::maxCompressedBytes) {
        reply = errorReply(413, {QStringLiteral("body"), QStringLiteral("is larger than %1 bytes").arg(Limits::maxCompressedBytes)});
    } else {
        if (request.value(QByteArrayLiteral("Content-Encoding")).trimmed() == "gzip") {
            auto plain = gunzip(body, Limits::maxBodyBytes);
            if (!plain)
                reply = errorReply(400, plain.error());
            else
                body = *plain;
        } else if (body.size() > Limits::maxBodyBytes) {
            reply = errorReply(413, {QStringLiteral("body"), QStringLiteral("is larger than %1 bytes").arg(Limits::maxBodyBytes)});
        }
        if (reply.body.isEmpty()) {
            auto json = parseBody(body);
            const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
            if (!json)
                reply = errorReply(400, json.error());
            else if (qstrcmp(route, "enroll") == 0)
                reply = m_service.enroll(*json);
            else if (qstrcmp(route, "push") == 0)
                reply = m_service.push(authorization, *json);
            else if (qstrcmp(route, "sign-in") == 0)
                reply = m_service.signIn(authorization, *json);
            else
                reply = m_service.pull(authorization, *json);
        }
    }
    qInfo("cairn-server: POST /v1/%s %d %lld ms", route, reply.status, static_cast<long long>(timer.elapsed()));
    return toResponse(reply, acceptsGzip);
}

Result<quint16> SyncHttpServer::listen(const QString &host, quint16 port, const QString &certPath, const QString &keyPath,
                                       int idleTimeoutMs, int maxConnectionMs)
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
    const QHostAddress address(host);
    if (address.isNull())
        return Error{QStringLiteral("listen"), QStringLiteral("%1 is not an IP address").arg(host)};
    auto *tcp = new BoundedTlsServer(idleTimeoutMs, maxConnectionMs);
    tcp->setParent(this);
    tcp->setSslConfiguration(tls);
    if (!tcp->listen(address, port))
        return Error{QStringLiteral("listen"), QStringLiteral("cannot listen on %1:%2: %3").arg(host).arg(port).arg(tcp->errorString())};
    m_http.bind(tcp);
    const quint16 bound = tcp->serverPort();
    return bound;
}

}  // namespace cairn::sync
