#pragma once
// When the tablet syncs: a few seconds after local writes (debounced), when the network comes back,
// periodically, and on demand; after a failure it backs off exponentially with jitter, so a clinic
// full of tablets does not hammer a server that just came back. Rounds run on the registry's
// database thread; this object lives on the UI thread and never waits.
//
// Exposes `loading` (a round is running), `error` and `message` like every asynchronous object
// here; every finished round resets `loading`.

#include "core/registry/registry_thread.h"
#include "sync/client/sync_client.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <optional>
#include <random>

namespace cairn::platform {
class Keystore;
class NetworkState;
}  // namespace cairn::platform

namespace cairn::sync {

struct SchedulerTiming {
    int debounceMs = 5'000;          // quiet time after a local write before pushing
    int periodicMs = 5 * 60'000;     // between rounds when all is well
    int backoffBaseMs = 5'000;       // first retry after a failure
    int backoffMaxMs = 15 * 60'000;  // retries never wait longer than this
    double jitter = 0.2;             // ± fraction of each wait, drawn at random
};

class SyncScheduler : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(bool error READ error NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(QDateTime lastSyncAt READ lastSyncAt NOTIFY stateChanged)
    Q_PROPERTY(bool online READ online NOTIFY stateChanged)
    Q_PROPERTY(bool enrollmentKnown READ enrollmentKnown NOTIFY stateChanged)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY stateChanged)

public:
    // databasePath: the registry (for wiping a revoked device). seed: jitter's random source.
    SyncScheduler(registry::RegistryThread &thread, platform::Keystore &keystore, platform::NetworkState &network,
                  QString databasePath, SchedulerTiming timing = {}, std::uint32_t seed = std::random_device{}(),
                  QObject *parent = nullptr);

    [[nodiscard]] bool loading() const { return m_running; }
    [[nodiscard]] bool error() const { return m_error; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] QDateTime lastSyncAt() const { return m_lastSyncAt; }
    [[nodiscard]] bool online() const;
    // Whether this tablet has a sync server; unknown until the registry has been read after
    // sign-in (refreshEnrollment) or a round has told.
    [[nodiscard]] bool enrollmentKnown() const { return m_enrolled.has_value(); }
    [[nodiscard]] bool enrolled() const { return m_enrolled.value_or(false); }
    // Milliseconds until the next planned round (-1 when none is planned). For tests and the UI.
    [[nodiscard]] int nextRoundInMs() const;
    [[nodiscard]] int consecutiveFailures() const { return m_failures; }

    // Starts the periodic schedule (after sign-in); stop() ends it (sign-out, lock).
    void start();
    void stop();
    Q_INVOKABLE void syncNow();
    // Call after every local write: a round follows once writes pause.
    void noteLocalWrite();
    // Reads again whether the tablet is enrolled (after sign-in, after enrolling).
    Q_INVOKABLE void refreshEnrollment();

signals:
    void stateChanged();
    // A round stored records pulled from the server (views should re-read).
    void dataArrived();
    // The server revoked this tablet; its registry and keys are deleted.
    void wiped();
    void roundFinished(bool succeeded);

private:
    void planIn(int ms);
    void runRound();
    void finished(Result<RoundStats> result);
    int withJitter(int ms);

    registry::RegistryThread &m_thread;
    platform::Keystore &m_keystore;
    platform::NetworkState &m_network;
    QString m_databasePath;
    SchedulerTiming m_timing;
    std::mt19937 m_random;
    QTimer m_timer;
    bool m_active = false;
    bool m_running = false;
    bool m_again = false;  // a request came in while a round ran
    bool m_error = false;
    QString m_message;
    QDateTime m_lastSyncAt;
    int m_failures = 0;
    std::optional<bool> m_enrolled;
};

}  // namespace cairn::sync
