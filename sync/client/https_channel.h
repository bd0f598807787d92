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

namespace cairn::sync {

struct HttpsResponse {
    int status = 0;
    QJsonObject body;
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
