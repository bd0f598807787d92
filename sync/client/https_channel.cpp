#include "sync/client/https_channel.h"

#include "sync/protocol/protocol.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>

#include <utility>

namespace cairn::sync {

HttpsChannel::HttpsChannel(QUrl server, QList<QSslCertificate> authority, int requestTimeoutMs)
    : m_server(std::move(server))
    , m_authority(std::move(authority))
    , m_requestTimeoutMs(requestTimeoutMs)
{}

HttpsChannel::~HttpsChannel() = default;

PendingPost::PendingPost() = default;

PendingPost::~PendingPost()
{
    if (m_reply) {
        m_reply->abort();
        delete m_reply;
    }
}

PendingPost::PendingPost(PendingPost &&other) noexcept
    : m_reply(std::exchange(other.m_reply, nullptr))
    , m_sentBytes(other.m_sentBytes)
{}

PendingPost &PendingPost::operator=(PendingPost &&other) noexcept
{
    if (this != &other) {
        PendingPost abandoned(std::move(*this));
        m_reply = std::exchange(other.m_reply, nullptr);
        m_sentBytes = other.m_sentBytes;
    }
    return *this;
}

Result<HttpsResponse> HttpsChannel::post(const char *path, const QJsonObject &body, const QByteArray &authorization,
                                         qint64 *bytesSent, qint64 *bytesReceived)
{
    return postText(path, QJsonDocument(body).toJson(QJsonDocument::Compact), authorization, bytesSent, bytesReceived);
}

Result<HttpsResponse> HttpsChannel::postText(const char *path, const QByteArray &jsonText,
                                             const QByteArray &authorization, qint64 *bytesSent, qint64 *bytesReceived)
{
    auto pending = start(path, jsonText, authorization);
    if (!pending)
        return pending.error();
    return wait(*pending, bytesSent, bytesReceived);
}

Result<PendingPost> HttpsChannel::start(const char *path, const QJsonObject &body, const QByteArray &authorization)
{
    return start(path, QJsonDocument(body).toJson(QJsonDocument::Compact), authorization);
}

Result<PendingPost> HttpsChannel::start(const char *path, const QByteArray &jsonText, const QByteArray &authorization)
{
    return startGzipped(path, gzip(jsonText), authorization);
}

Result<PendingPost> HttpsChannel::startGzipped(const char *path, const QByteArray &gzippedJson,
                                               const QByteArray &authorization)
{
    if (m_server.scheme() != QLatin1String("https"))
        return Error{QStringLiteral("server"), QStringLiteral("must be an https:// URL")};
    QUrl url = m_server;
    url.setPath(QLatin1String(path));
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(m_authority);  // replaces the system's list: only our CA
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip"));
    request.setRawHeader(QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("gzip"));
    if (!authorization.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), authorization);
    request.setTransferTimeout(m_requestTimeoutMs);
    const QByteArray &payload = gzippedJson;

    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    PendingPost pending;
    pending.m_reply = m_network->post(request, payload);
    pending.m_sentBytes = payload.size();
    // Qt hands the request to its network thread through this thread's event loop; once it is
    // sent, that thread receives the answer by itself while this one does other work.
    QEventLoop loop;
    QObject::connect(pending.m_reply, &QNetworkReply::requestSent, &loop, &QEventLoop::quit);
    QObject::connect(pending.m_reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    return pending;
}

Result<HttpsResponse> HttpsChannel::wait(PendingPost &pending, qint64 *bytesSent, qint64 *bytesReceived)
{
    if (!pending.m_reply)
        return Error{QStringLiteral("server"), QStringLiteral("no request is waiting for an answer")};
    std::unique_ptr<QNetworkReply> reply(std::exchange(pending.m_reply, nullptr));
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (bytesSent)
        *bytesSent += pending.m_sentBytes;
    if (reply->error() != QNetworkReply::NoError &&
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isNull()) {
        return Error{QStringLiteral("server"),
                     QStringLiteral("cannot reach %1: %2").arg(m_server.toString(), reply->errorString()),
                     ErrorCode::Unreachable};
    }
    QByteArray data = reply->readAll();
    if (bytesReceived)
        *bytesReceived += data.size();
    // Qt decompresses itself only when it added Accept-Encoding; we did, so undo gzip here.
    if (reply->rawHeader(QByteArrayLiteral("Content-Encoding")).contains("gzip")) {
        auto plain = gunzip(data, Limits::maxBodyBytes);
        if (!plain)
            return Error{QStringLiteral("server"), QStringLiteral("sent a corrupt response")};
        data = *plain;
    }
    HttpsResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = QJsonDocument::fromJson(data).object();
    return response;
}

Error errorFromReply(int status, const QJsonObject &body)
{
    Error error = errorFromJson(body, QStringLiteral("the server answered %1").arg(status));
    if (error.field.isEmpty())
        error.message = QStringLiteral("server: %1").arg(error.message);
    return error;
}

QString credentialName(const QString &registryId)
{
    return QStringLiteral("sync-credential-") + registryId;
}

QByteArray deviceAuthorization(const QString &deviceId, const QByteArray &credential)
{
    return QByteArrayLiteral("Device ") + deviceId.toUtf8() + ':' + credential;
}

}  // namespace cairn::sync
