#include "tools/faultproxy/faultproxy.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <sys/socket.h>
#include <utility>

namespace cairn::faultproxy {

namespace {

// Reset and stall points are byte offsets drawn from the first 16 KiB of a connection's traffic (both
// directions together): that lands inside TLS handshakes and ordinary requests, not only in bulk transfers.
constexpr qint64 kFaultWindowBytes = 16 * 1024;
// Token bucket depth: 50 ms of traffic, so a rate limit holds over short transfers too.
constexpr double kBurstSeconds = 0.05;
constexpr double kMinBurstBytes = 512;
constexpr qint64 kNsPerMs = 1'000'000;

// A uniform double in [0, 1), computed the same way everywhere (std::uniform_real_distribution is not).
double unitInterval(std::mt19937_64 &rng)
{
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// SO_LINGER 0 makes the close send a TCP RST, so the peer sees ECONNRESET as after a real network fault.
void abortWithReset(QTcpSocket *socket)
{
    const qintptr fd = socket->socketDescriptor();
    if (fd != -1) {
        const linger hard{1, 0};
        ::setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
    socket->abort();
}

}  // namespace

std::optional<int> parseBoundedInt(const QString &text, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0 || value > max)
        return std::nullopt;
    return value;
}

std::optional<double> parseRate(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0.0 || value > 1.0)
        return std::nullopt;
    return value;
}

// Faults chosen for one connection when it is accepted.
struct ConnectionFaults {
    qint64 resetAt = -1;  // byte offset at which the connection is reset; -1 = never
    qint64 stallAt = -1;  // byte offset at which forwarding stops for stallMs; -1 = never
    bool dropResponse = false;
};

// One client socket and its upstream socket.
class Connection : public QObject {
public:
    Connection(ProxyState &state, QTcpSocket *client, const QString &host, quint16 port, const ConnectionFaults &faults,
               QObject *parent);

    void reset();
    void pumpAll()
    {
        pump(m_up);
        pump(m_down);
    }

private:
    struct Chunk {
        qint64 dueNs;
        QByteArray bytes;
    };
    // Bytes read from `from` wait in `queue` until due (latency) and allowed (bandwidth), then go to `to`.
    struct Direction {
        QTcpSocket *from = nullptr;
        QTcpSocket *to = nullptr;
        qint64 *statsBytes = nullptr;
        std::deque<Chunk> queue;
        QTimer timer;
        double tokens = 0;
        qint64 refilledNs = 0;
        bool sourceClosed = false;  // `from` is gone: close `to` once the queue is empty
        bool sinkClosed = false;    // `to` is gone: discard what arrives
    };

    void read(Direction &d);
    void pump(Direction &d);
    void schedule(Direction &d, qint64 delayNs);
    void onDisconnected(Direction &d);
    void finishIfClosed();
    Direction &opposite(const Direction &d) { return &d == &m_up ? m_down : m_up; }

    ProxyState &m_state;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream;
    ConnectionFaults m_faults;
    Direction m_up;          // client -> upstream
    Direction m_down;        // upstream -> client
    qint64 m_forwarded = 0;  // both directions: the reset and stall points count these bytes
    qint64 m_stalledUntilNs = 0;
    bool m_upstreamConnected = false;
    bool m_done = false;
};

Connection::Connection(ProxyState &state, QTcpSocket *client, const QString &host, quint16 port,
                       const ConnectionFaults &faults, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_client(client)
    , m_upstream(new QTcpSocket(this))
    , m_faults(faults)
{
    m_client->setParent(this);
    m_up.from = m_client;
    m_up.to = m_upstream;
    m_up.statsBytes = &m_state.stats.bytesUp;
    m_down.from = m_upstream;
    m_down.to = m_client;
    m_down.statsBytes = &m_state.stats.bytesDown;
    for (Direction *d : {&m_up, &m_down}) {
        d->timer.setSingleShot(true);
        d->timer.setTimerType(Qt::PreciseTimer);
        connect(&d->timer, &QTimer::timeout, this, [this, d] { pump(*d); });
        connect(d->from, &QTcpSocket::readyRead, this, [this, d] { read(*d); });
        connect(d->from, &QTcpSocket::disconnected, this, [this, d] { onDisconnected(*d); });
    }
    connect(m_upstream, &QTcpSocket::connected, this, [this] {
        m_upstreamConnected = true;
        pump(m_up);
    });
    connect(m_upstream, &QTcpSocket::stateChanged, this, [this](QAbstractSocket::SocketState socketState) {
        // The target refused or is unreachable: the client sees its connection closed.
        if (socketState == QAbstractSocket::UnconnectedState && !m_upstreamConnected && !m_done) {
            m_client->abort();
            finishIfClosed();
        }
    });
    m_upstream->connectToHost(host, port);
}

void Connection::read(Direction &d)
{
    if (m_done || !d.from->isReadable())  // an aborted socket has nothing left to read
        return;
    QByteArray bytes = d.from->readAll();
    if (bytes.isEmpty())
        return;
    if (&d == &m_down && m_faults.dropResponse) {
        // The server did the work; the client never sees the answer.
        m_faults.dropResponse = false;
        ++m_state.stats.droppedResponses;
        abortWithReset(m_client);
        onDisconnected(m_up);  // in case abort() did not emit disconnected
        return;
    }
    if (d.sinkClosed)
        return;
    const qint64 latencyNs = qint64{m_state.settings.latencyMs} * kNsPerMs;
    d.queue.push_back({m_state.clock.nsecsElapsed() + latencyNs, std::move(bytes)});
    pump(d);
}

void Connection::pump(Direction &d)
{
    // An upstream still connecting, or a pause, holds the queue; connected() and resume pump again.
    if (m_done || d.sinkClosed || m_state.paused || d.to->state() != QAbstractSocket::ConnectedState)
        return;
    const qint64 now = m_state.clock.nsecsElapsed();
    if (now < m_stalledUntilNs) {
        schedule(d, m_stalledUntilNs - now);
        return;
    }
    while (!d.queue.empty()) {
        Chunk &head = d.queue.front();
        if (head.dueNs > now) {
            schedule(d, head.dueNs - now);
            return;
        }
        qint64 count = head.bytes.size();
        const int kbit = m_state.settings.bandwidthKbit;
        if (kbit > 0) {
            // Token bucket: send only what the rate allows, wait for the rest.
            const double bytesPerNs = kbit * 1000.0 / 8.0 / 1e9;
            const double burst = std::max(bytesPerNs * kBurstSeconds * 1e9, kMinBurstBytes);
            d.tokens = std::min(burst, d.tokens + static_cast<double>(now - d.refilledNs) * bytesPerNs);
            d.refilledNs = now;
            const double wanted = std::min(static_cast<double>(count), burst);
            if (d.tokens < wanted) {
                schedule(d, static_cast<qint64>(std::ceil((wanted - d.tokens) / bytesPerNs)));
                return;
            }
            count = std::min(count, static_cast<qint64>(d.tokens));
        }
        // Cut the chunk at the next fault point, whichever comes first.
        const qint64 resetAt = m_faults.resetAt;
        const qint64 stallAt = m_faults.stallAt;
        const bool resetHere = resetAt >= 0 && m_forwarded + count >= resetAt && (stallAt < 0 || resetAt <= stallAt);
        const bool stallHere = !resetHere && stallAt >= 0 && m_forwarded + count >= stallAt;
        if (resetHere)
            count = resetAt - m_forwarded;
        else if (stallHere)
            count = stallAt - m_forwarded;

        if (count > 0) {
            d.to->write(head.bytes.constData(), count);
            if (kbit > 0)
                d.tokens -= static_cast<double>(count);
            m_forwarded += count;
            *d.statsBytes += count;
            if (count == head.bytes.size())
                d.queue.pop_front();
            else
                head.bytes.remove(0, count);
        }
        if (resetHere) {
            reset();
            return;
        }
        if (stallHere) {
            m_faults.stallAt = -1;
            ++m_state.stats.stalls;
            m_stalledUntilNs = now + qint64{m_state.settings.stallMs} * kNsPerMs;
            schedule(m_up, m_stalledUntilNs - now);
            schedule(m_down, m_stalledUntilNs - now);
            return;
        }
    }
    if (d.sourceClosed) {
        // A connection chosen for a reset ends in one even if its traffic never reached the reset point.
        if (m_faults.resetAt >= 0)
            reset();
        else
            d.to->disconnectFromHost();  // after Qt has written what is buffered
    }
}

void Connection::schedule(Direction &d, qint64 delayNs)
{
    const qint64 ms = std::clamp<qint64>((delayNs + kNsPerMs - 1) / kNsPerMs, 1, std::numeric_limits<int>::max());
    if (!d.timer.isActive() || d.timer.remainingTime() > ms)
        d.timer.start(static_cast<int>(ms));
}

void Connection::onDisconnected(Direction &d)
{
    if (m_done || d.sourceClosed)
        return;
    read(d);  // what arrived together with the close
    d.sourceClosed = true;
    // Nothing more can be written to the closed socket.
    Direction &back = opposite(d);
    back.sinkClosed = true;
    back.queue.clear();
    back.timer.stop();
    pump(d);
    finishIfClosed();
}

void Connection::finishIfClosed()
{
    if (!m_done && m_client->state() == QAbstractSocket::UnconnectedState &&
        m_upstream->state() == QAbstractSocket::UnconnectedState) {
        m_done = true;
        deleteLater();
    }
}

void Connection::reset()
{
    if (m_done)
        return;
    m_done = true;
    ++m_state.stats.resets;
    abortWithReset(m_client);
    abortWithReset(m_upstream);
    deleteLater();
}

FaultProxy::FaultProxy(QString targetHost, quint16 targetPort, const FaultSettings &settings, quint64 seed,
                       QObject *parent)
    : QObject(parent)
    , m_targetHost(std::move(targetHost))
    , m_targetPort(targetPort)
    , m_rng(seed)
{
    m_state.settings = settings;
    m_state.clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::acceptPending);
}

FaultProxy::~FaultProxy()
{
    // Connections refer to m_state, so they go first.
    const QList<Connection *> open = std::exchange(m_connections, {});
    qDeleteAll(open);
}

bool FaultProxy::listen(quint16 port, QString *error)
{
    if (m_server.listen(QHostAddress::LocalHost, port))
        return true;
    *error = m_server.errorString();
    return false;
}

void FaultProxy::acceptPending()
{
    while (m_server.hasPendingConnections()) {
        QTcpSocket *client = m_server.nextPendingConnection();
        // The same draws for every connection, whatever the rates, so the n-th connection's decisions
        // depend only on the seed and the rates in force when it is accepted.
        const double resetRoll = unitInterval(m_rng);
        const double stallRoll = unitInterval(m_rng);
        const double dropRoll = unitInterval(m_rng);
        const auto resetPoint = static_cast<qint64>(m_rng() % kFaultWindowBytes);
        const auto stallPoint = static_cast<qint64>(m_rng() % kFaultWindowBytes);

        ConnectionFaults faults;
        if (resetRoll < m_state.settings.resetRate)
            faults.resetAt = resetPoint;
        if (stallRoll < m_state.settings.stallRate)
            faults.stallAt = stallPoint;
        faults.dropResponse = dropRoll < m_state.settings.dropResponseRate;

        ++m_state.stats.connections;
        auto *connection = new Connection(m_state, client, m_targetHost, m_targetPort, faults, this);
        m_connections.append(connection);
        connect(connection, &QObject::destroyed, this, [this, connection] { m_connections.removeOne(connection); });
    }
}

void FaultProxy::setPaused(bool paused)
{
    m_state.paused = paused;
    if (paused) {
        m_server.pauseAccepting();  // new clients wait in the listen backlog
    } else {
        m_server.resumeAccepting();
        for (Connection *connection : std::as_const(m_connections))
            connection->pumpAll();
    }
}

QString FaultProxy::execute(const QString &command)
{
    const QStringList words = command.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return QStringLiteral("error empty command");
    const QString &name = words.first();
    const auto error = [](const QString &reason) { return QStringLiteral("error ") + reason; };

    if (name == QLatin1String("pause") || name == QLatin1String("resume") || name == QLatin1String("reset-all")) {
        if (words.size() != 1)
            return error(name + QStringLiteral(" takes no value"));
        if (name == QLatin1String("reset-all")) {
            const QList<Connection *> open = m_connections;
            for (Connection *connection : open)
                connection->reset();
        } else {
            setPaused(name == QLatin1String("pause"));
        }
        return QStringLiteral("ok");
    }

    FaultSettings &s = m_state.settings;
    const auto setInt = [&](int *field, int max) {
        const std::optional<int> value = words.size() == 2 ? parseBoundedInt(words.at(1), max) : std::nullopt;
        if (!value)
            return error(name + QStringLiteral(" expects an integer from 0 to ") + QString::number(max));
        *field = *value;
        return QStringLiteral("ok");
    };
    const auto setRate = [&](double *field) {
        const std::optional<double> value = words.size() == 2 ? parseRate(words.at(1)) : std::nullopt;
        if (!value)
            return error(name + QStringLiteral(" expects a probability from 0 to 1"));
        *field = *value;
        return QStringLiteral("ok");
    };
    if (name == QLatin1String("latency"))
        return setInt(&s.latencyMs, kMaxMillis);
    if (name == QLatin1String("bandwidth"))
        return setInt(&s.bandwidthKbit, kMaxBandwidthKbit);
    if (name == QLatin1String("stall-ms"))
        return setInt(&s.stallMs, kMaxMillis);
    if (name == QLatin1String("reset-rate"))
        return setRate(&s.resetRate);
    if (name == QLatin1String("stall-rate"))
        return setRate(&s.stallRate);
    if (name == QLatin1String("drop-response-rate"))
        return setRate(&s.dropResponseRate);
    return error(QStringLiteral("unknown command '") + name + QLatin1Char('\''));
}

QString FaultProxy::statsLine() const
{
    const FaultStats &s = m_state.stats;
    return QStringLiteral("connections=%1 resets=%2 stalls=%3 dropped_responses=%4 bytes_up=%5 bytes_down=%6")
        .arg(s.connections)
        .arg(s.resets)
        .arg(s.stalls)
        .arg(s.droppedResponses)
        .arg(s.bytesUp)
        .arg(s.bytesDown);
}

}  // namespace cairn::faultproxy
