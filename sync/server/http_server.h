#pragma once
// HTTPS transport for SyncService: routes, body bounds, gzip both ways, one log line per request
// (method, path, status, milliseconds: never a body, a patient or a credential).

#include "sync/server/sync_service.h"

#include <QHttpServer>
#include <QObject>

namespace cairn::sync {

class SyncHttpServer : public QObject {
    Q_OBJECT
public:
    explicit SyncHttpServer(SyncService &service, QObject *parent = nullptr);
    // Loads the certificate chain and key (PEM) and listens; returns the port. A connection that
    // sends or receives nothing for idleTimeoutMs, or lasts longer than maxConnectionMs, is closed:
    // Qt 6.4's HTTP server has no timeouts of its own, and a slow or stalled client must not hold
    // a connection forever.
    Result<quint16> listen(const QString &host, quint16 port, const QString &certPath, const QString &keyPath,
                           int idleTimeoutMs = 30'000, int maxConnectionMs = 10 * 60'000);

private:
    QHttpServerResponse handle(const QHttpServerRequest &request, const char *route);
    SyncService &m_service;
    QHttpServer m_http;
};

}  // namespace cairn::sync
