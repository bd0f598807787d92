#pragma once
// HTTPS transport for SyncService: a small HTTP/1.1 reader of its own, routes, gzip both ways, one
// log line per request (method, path, status, milliseconds: never a body, a patient or a
// credential).
//
// Why not QHttpServer: Qt 6.4's QHttpServer reads a whole request into memory before a handler
// sees it (no size, credential or time check can run first; one 256 MiB POST took the server to
// over 1 GiB). Our protocol needs little of HTTP (POST with Content-Length, JSON bodies, keep-alive),
// so each connection is read here, bounded before buffered:
//   - the request head is at most kMaxHeadBytes (431 beyond) and must arrive within the head
//     timeout (408); a head that cannot be parsed gets 400 at once;
//   - Content-Length is required for a body (411; chunked bodies are refused) and above
//     Limits::maxCompressedBytes gets 413 before a byte of the body is read;
//   - the device credential is checked (on the store thread) before the body is read: a request
//     without a valid one gets 401/410 and the connection closes, its body never read;
//   - the body must arrive within the body timeout (408); gzip bodies over Limits::maxBodyBytes
//     once decompressed get 413;
//   - the socket's read buffer is bounded, so a client that sends faster than we read is held
//     back by TCP, not buffered.
// Store work runs on ServiceWorkers' store thread and PIN checks on its Argon2 pool, never on the
// thread that accepts and reads connections.
//
// The refusals answered here (400, 408, 411, 413, 431, 404, 405: the service never sees those
// requests) go into the server's audit trail as `refused_http` entries naming the peer address,
// the status and the limit, never a byte of the body. A stranger can send them without end, so
// they are coalesced on this thread, not written one by one (docs/security.md): the first refusal
// of an address for a reason is written at once and opens a window (HttpLimits::refusalWindowMs)
// in which its repeats are only counted, into one entry when the window closes. At most
// kMaxRefusalTallies addresses and reasons are tallied at once; refusals beyond them are counted
// into one entry without an address per window. The trail therefore grows by at most
// 2 * kMaxRefusalTallies + 1 entries a window, however many requests arrive.

#include "sync/server/sync_service.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

#include <optional>

namespace cairn::sync {

class HttpConnection;
class ServiceWorkers;

struct HttpLimits {
    int idleTimeoutMs = 30'000;         // silent this long: closed
    int maxConnectionMs = 10 * 60'000;  // open this long: closed
    int headTimeoutMs = 10'000;         // a request head must arrive within this (408)
    int bodyTimeoutMs = 120'000;        // a body must arrive within this (408): 4 MiB at 300 kbit/s
    int refusalWindowMs = 60'000;       // repeated HTTP refusals are counted into one entry per window
};

class SyncHttpServer : public QObject {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxHeadBytes = 16 * 1024;
    static constexpr int kMaxRefusalTallies = 60;

    SyncHttpServer(SyncService &service, ServiceWorkers &workers, QObject *parent = nullptr);
    ~SyncHttpServer() override;
    // Loads the certificate chain and key (PEM) and listens; returns the port.
    Result<quint16> listen(const QString &host, quint16 port, const QString &certPath, const QString &keyPath,
                           HttpLimits limits = {});

private:
    friend class HttpConnection;
    void accept(qintptr descriptor);
    // Runs on the store thread, then hands the reply to the connection if it is still open.
    void authenticateThen(HttpConnection *connection, const QByteArray &authorization);
    void dispatch(HttpConnection *connection, const QByteArray &route, const QByteArray &authorization, QByteArray body,
                  bool gzipped, bool acceptsGzip);
    // A refusal answered by this layer, for the audit trail (coalesced: see above).
    void recordRefusal(const QHostAddress &peer, int status, const QString &limit);
    // Writes the counted repeats of the windows that have closed (all of them with everything).
    void closeRefusalWindows(bool everything);
    void writeRefusal(const QString &peer, const QString &reason, qint64 count);

    SyncService &m_service;
    ServiceWorkers &m_workers;
    HttpLimits m_limits;
    QSslConfiguration m_tls;
    class Listener;
    Listener *m_listener = nullptr;
    quint64 m_nextConnectionId = 1;
    QHash<quint64, QPointer<HttpConnection>> m_connections;
    // Open windows by "<peer>\n<status> <limit>" (and the one beyond them): when the window opened
    // (on m_uptime) and how many refusals came after the one written at once.
    struct RefusalTally {
        qint64 openedMs = 0;
        qint64 repeats = 0;
    };
    QHash<QString, RefusalTally> m_refusalTallies;
    std::optional<RefusalTally> m_refusalsBeyondTallies;
    QElapsedTimer m_uptime;
    QTimer *m_refusalWindows = nullptr;
};

}  // namespace cairn::sync
