#pragma once
// Where cairn-server's work runs, away from the thread that accepts and reads connections:
//   - one store thread runs every SyncService call in order (SyncService and its SqlConnection
//     are not thread-safe; PostgreSQL deployments scale by running more server processes);
//   - a pool of argonThreads() runs PIN checks (Argon2id, 64 MiB each: the pool also bounds the
//     memory a sign-in storm can take). Half the cores, at least one: a sign-in storm must leave
//     CPU for the store thread, or other tablets' syncs slow down anyway. Its threads run at a
//     lower CPU priority (nice kArgonNice) for the same reason.
// Both queues are bounded: a job beyond kMaxQueued is refused (the caller answers 503), so a flood
// of requests costs a refusal, not memory.

#include <QObject>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <functional>

namespace cairn::sync {

class ServiceWorkers {
public:
    static int argonThreads();
    static constexpr int kMaxQueued = 256;
    static constexpr int kArgonNice = 10;

    ServiceWorkers();
    ~ServiceWorkers();
    ServiceWorkers(const ServiceWorkers &) = delete;
    ServiceWorkers &operator=(const ServiceWorkers &) = delete;

    // False (and the job not run) when the queue is full.
    bool onStore(std::function<void()> job);
    bool onArgon(std::function<void()> job);
    // Lets queued work finish and stops the threads (idempotent); later jobs are dropped.
    void stop();

private:
    QThread m_storeThread;
    QObject *m_storeContext = nullptr;
    QThreadPool m_argon;
    std::atomic<int> m_storeQueued{0};
    std::atomic<int> m_argonQueued{0};
};

}  // namespace cairn::sync
