// cairn-faultproxy: forwards TCP bytes between a client and an upstream server (TLS passes through
// untouched) and injects latency, bandwidth limits, resets, stalls and dropped responses, chosen per
// connection from a seeded generator so a test run is reproducible.

#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>

#include <optional>
#include <random>

namespace cairn::faultproxy {

// Latency and bandwidth apply to open connections at once; the rates and the stall length to
// connections accepted afterwards (faults are chosen when a connection is accepted).
struct FaultSettings {
    int latencyMs = 0;      // one-way delay added to every chunk, both directions
    int bandwidthKbit = 0;  // per direction and connection; 0 = unlimited
    double resetRate = 0.0;
    double stallRate = 0.0;
    int stallMs = 2000;
    double dropResponseRate = 0.0;
};

struct FaultStats {
    qint64 connections = 0;
    qint64 resets = 0;  // includes connections aborted by reset-all
    qint64 stalls = 0;
    qint64 droppedResponses = 0;
    qint64 bytesUp = 0;    // forwarded client -> upstream
    qint64 bytesDown = 0;  // forwarded upstream -> client
};

// Bounds and parsers shared by the command line and the stdin commands.
inline constexpr int kMaxMillis = 3'600'000;
inline constexpr int kMaxBandwidthKbit = 10'000'000;
std::optional<int> parseBoundedInt(const QString &text, int max);
std::optional<double> parseRate(const QString &text);

// What the proxy shares with its connections.
struct ProxyState {
    FaultSettings settings;
    FaultStats stats;
    bool paused = false;
    QElapsedTimer clock;  // monotonic time for latency and token buckets
};

class Connection;

class FaultProxy : public QObject {
public:
    FaultProxy(QString targetHost, quint16 targetPort, const FaultSettings &settings, quint64 seed,
               QObject *parent = nullptr);
    ~FaultProxy() override;
    FaultProxy(const FaultProxy &) = delete;
    FaultProxy &operator=(const FaultProxy &) = delete;

    // Listens on 127.0.0.1; port 0 picks a free port.
    bool listen(quint16 port, QString *error);
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }

    // Runs one stdin command ("latency 100", "pause", ...); returns "ok" or "error <reason>".
    QString execute(const QString &command);

    [[nodiscard]] const FaultStats &stats() const { return m_state.stats; }
    [[nodiscard]] QString statsLine() const;

private:
    void acceptPending();
    void setPaused(bool paused);

    QString m_targetHost;
    quint16 m_targetPort;
    QTcpServer m_server;
    std::mt19937_64 m_rng;
    ProxyState m_state;
    QList<Connection *> m_connections;
};

}  // namespace cairn::faultproxy
