#include "sync/client/sync_scheduler.h"

#include "platform/keystore.h"
#include "platform/logging.h"
#include "platform/network_state.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace cairn::sync {

SyncScheduler::SyncScheduler(registry::RegistryThread &thread, platform::Keystore &keystore,
                             platform::NetworkState &network, QString databasePath, SchedulerTiming timing,
                             std::uint32_t seed, QObject *parent)
    : QObject(parent)
    , m_thread(thread)
    , m_keystore(keystore)
    , m_network(network)
    , m_databasePath(std::move(databasePath))
    , m_timing(timing)
    , m_random(seed)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::runRound);
    connect(&m_network, &platform::NetworkState::onlineChanged, this, [this](bool online) {
        emit stateChanged();
        // Back online: try soon, whatever the backoff said.
        if (online && m_active && !m_running)
            planIn(withJitter(1'000));
    });
}

bool SyncScheduler::online() const
{
    return m_network.online();
}

int SyncScheduler::nextRoundInMs() const
{
    return m_timer.isActive() ? m_timer.remainingTime() : -1;
}

int SyncScheduler::withJitter(int ms)
{
    std::uniform_real_distribution<double> spread(1.0 - m_timing.jitter, 1.0 + m_timing.jitter);
    return std::max(0, static_cast<int>(std::lround(ms * spread(m_random))));
}

void SyncScheduler::planIn(int ms)
{
    if (!m_active)
        return;
    // An earlier plan stands: never postpone a round that is already due sooner.
    if (m_timer.isActive() && m_timer.remainingTime() <= ms)
        return;
    m_timer.start(ms);
}

void SyncScheduler::refreshEnrollment()
{
    m_thread.run<std::optional<bool>>(
        this,
        [](registry::Registry *registry) -> std::optional<bool> {
            if (!registry)
                return std::nullopt;
            auto server = registry->syncValue(QStringLiteral("server"));
            if (!server)
                return std::nullopt;
            return !server->isEmpty();
        },
        [this](std::optional<bool> enrolled) {
            if (!enrolled || m_enrolled == enrolled)
                return;
            m_enrolled = enrolled;
            emit stateChanged();
        });
}

void SyncScheduler::start()
{
    refreshEnrollment();
    m_active = true;
    m_failures = 0;
    planIn(withJitter(m_timing.debounceMs));
}

void SyncScheduler::stop()
{
    m_active = false;
    m_enrolled.reset();  // the next user's registry is read again
    m_timer.stop();
}

void SyncScheduler::syncNow()
{
    if (!m_active)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    m_timer.stop();
    runRound();
}

void SyncScheduler::noteLocalWrite()
{
    if (!m_active)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    // Debounce: each write restarts the quiet period, but a failure's backoff is respected.
    if (m_failures == 0)
        m_timer.start(m_timing.debounceMs);
}

void SyncScheduler::runRound()
{
    if (!m_active || m_running)
        return;
    m_running = true;
    m_again = false;
    emit stateChanged();
    platform::Keystore *keystore = &m_keystore;
    m_thread.run<Result<RoundStats>>(
        this,
        [keystore](registry::Registry *registry) -> Result<RoundStats> {
            if (!registry)
                return Error{QString(), QCoreApplication::translate("SyncScheduler", "The registry is locked.")};
            auto server = registry->syncValue(QStringLiteral("server"));
            auto ca = registry->syncValue(QStringLiteral("ca"));
            if (!server || !ca)
                return !server ? server.error() : ca.error();
            if (server->isEmpty())
                return Error{
                    QStringLiteral("enrollment"),
                    QCoreApplication::translate("SyncScheduler", "This tablet is not enrolled with a server yet."),
                    ErrorCode::NotEnrolled};
            ClientConfig config;
            config.server = QUrl(*server);
            config.authority = QSslCertificate::fromData(ca->toLatin1(), QSsl::Pem);
            SyncClient client(*registry, *keystore, config);
            return client.runRound();
        },
        [this](Result<RoundStats> result) { finished(std::move(result)); });
}

void SyncScheduler::finished(Result<RoundStats> result)
{
    m_running = false;
    if (result)
        qCDebug(lcSyncClient,
                "round: %d sent, %d received, %d re-sent, %d conflicts, %lld bytes out, %lld in, %lld ms%s",
                result->pushed, result->pulled, result->requeued, result->conflicts,
                static_cast<long long>(result->bytesSent), static_cast<long long>(result->bytesReceived),
                static_cast<long long>(result->milliseconds), result->wiped ? ", device revoked" : "");
    else if (result.error().code == ErrorCode::NotEnrolled)
        qCDebug(lcSyncClient, "no round: this tablet is not enrolled");
    else  // the field names what failed (server, credential, ...); messages stay out of logs
        qCInfo(lcSyncClient, "round failed (%s); failures in a row: %d", qUtf8Printable(result.error().field),
               m_failures + 1);
    if (result && result->wiped) {
        // Revoked: close the registry, then delete it and its keys on the database thread.
        stop();
        m_thread.setRegistry(nullptr);
        const QString path = m_databasePath;
        platform::Keystore *keystore = &m_keystore;
        m_thread.post([path, keystore](registry::Registry *) { (void)registry::Registry::wipe(path, *keystore); });
        m_error = true;
        m_message = tr("This tablet was removed from the clinic by an administrator; its data was deleted.");
        emit stateChanged();
        emit wiped();
        return;
    }
    if (result) {
        m_enrolled = true;
        m_failures = 0;
        m_error = false;
        m_lastSyncAt = QDateTime::currentDateTimeUtc();
        m_message =
            tr("Synced: %n record(s) sent", nullptr, result->pushed) + QStringLiteral(", ") +
            tr("%n received", nullptr, result->pulled) +
            (result->conflicts > 0 ? QStringLiteral(", ") + tr("%n conflict(s) to review", nullptr, result->conflicts)
                                   : QString());
        m_network.setOnline(true);  // a real request got through
        emit stateChanged();
        if (result->pulled > 0)
            emit dataArrived();
        emit roundFinished(true);
        planIn(m_again ? 0 : withJitter(m_timing.periodicMs));
        return;
    }
    if (result.error().code == ErrorCode::NotEnrolled) {
        // A tablet without a server keeps everything locally; that is a state, not a failure.
        m_enrolled = false;
        m_error = false;
        m_message = result.error().message;
        emit stateChanged();
        emit roundFinished(false);
        planIn(withJitter(m_timing.periodicMs));
        return;
    }
    ++m_failures;
    m_error = true;
    m_message = result.error().message;
    emit stateChanged();
    emit roundFinished(false);
    if (result.error().code == ErrorCode::Unreachable)
        m_network.setOnline(false);
    // Exponential backoff with jitter, capped.
    const double exponent = std::min(m_failures - 1, 20);
    const int wait =
        static_cast<int>(std::min<double>(m_timing.backoffMaxMs, m_timing.backoffBaseMs * std::pow(2.0, exponent)));
    m_timer.stop();
    planIn(withJitter(wait));
}

}  // namespace cairn::sync
