#pragma once
// One HTTPS conversation partner for the tablet: POSTs gzip-compressed JSON to the sync server,
// trusting only the configured certificate authority, and waits for the answer with a local event
// loop — so it is used on the registry's database thread or in cairnctl, never on the UI thread.
// Shared by sync rounds, enrollment and online first sign-ins.

#include "core/domain/result.h"

#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace cairn::sync {

struct HttpsResponse {
    int status = 0;
    QJsonObject body;
};

// A request on its way (HttpsChannel::start): it is sent, and its answer is received by Qt's
// network thread, while the caller does other work; HttpsChannel::wait gives the answer.
// Destroying it before then abandons the request.
class PendingPost {
public:
    PendingPost();
    ~PendingPost();
    PendingPost(PendingPost &&other) noexcept;
    PendingPost &operator=(PendingPost &&other) noexcept;
    PendingPost(const PendingPost &) = delete;
    PendingPost &operator=(const PendingPost &) = delete;
    [[nodiscard]] bool active() const { return m_reply != nullptr; }

private:
    friend class HttpsChannel;
    QNetworkReply *m_reply = nullptr;  // owned
    qsizetype m_sentBytes = 0;
};

class HttpsChannel {
public:
    HttpsChannel(QUrl server, QList<QSslCertificate> authority, int requestTimeoutMs);
    ~HttpsChannel();
    HttpsChannel(const HttpsChannel &) = delete;
    HttpsChannel &operator=(const HttpsChannel &) = delete;

    // Any HTTP status is a response; only an unreachable server or a corrupt answer is an error
    // (naming "server"). bytesSent/bytesReceived, when given, grow by the compressed sizes.
    Result<HttpsResponse> post(const char *path, const QJsonObject &body, const QByteArray &authorization,
                               qint64 *bytesSent = nullptr, qint64 *bytesReceived = nullptr);
    // The same for a body already written as JSON text (a push request, sync/protocol/push_text.h).
    Result<HttpsResponse> postText(const char *path, const QByteArray &jsonText, const QByteArray &authorization,
                                   qint64 *bytesSent = nullptr, qint64 *bytesReceived = nullptr);
    // post() in two halves, so the caller can work while the server answers: start() returns once
    // the request is on the wire (running a local event loop until then); wait() gives what post()
    // gives, waiting with a local event loop only if the answer has not all arrived yet.
    Result<PendingPost> start(const char *path, const QJsonObject &body, const QByteArray &authorization);
    Result<PendingPost> start(const char *path, const QByteArray &jsonText, const QByteArray &authorization);
    // start() for a body already gzipped (sync/protocol's gzip of the JSON text): the caller can
    // compress the next request while the server works on the one before.
    Result<PendingPost> startGzipped(const char *path, const QByteArray &gzippedJson, const QByteArray &authorization);
    Result<HttpsResponse> wait(PendingPost &pending, qint64 *bytesSent = nullptr, qint64 *bytesReceived = nullptr);
    [[nodiscard]] QUrl server() const { return m_server; }

private:
    QUrl m_server;
    QList<QSslCertificate> m_authority;
    int m_requestTimeoutMs;
    // Created on first use, on the thread that uses it; kept so connections and TLS sessions are
    // reused (a new handshake per request costs a round trip or two on a slow rural link).
    std::unique_ptr<QNetworkAccessManager> m_network;
};

// The server's refusal as an error: its field and message, or "server: <message>".
Error errorFromReply(int status, const QJsonObject &body);
// Where the device's credential lives in the keystore.
QString credentialName(const QString &registryId);
// The Authorization header of a device.
QByteArray deviceAuthorization(const QString &deviceId, const QByteArray &credential);

}  // namespace cairn::sync
