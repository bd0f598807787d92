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
// stop() closes the Argon2 pool, lets its jobs finish (a PIN check may still queue its store step),
// then closes the store queue and lets what is queued there run before the thread ends. A job
// offered after its queue closed is refused like one beyond kMaxQueued: never posted to a thread
// that has ended or to its context object, which is deleted with it.

#include <QObject>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <mutex>

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

    // False (and the job not run) when the queue is full or stop() has closed it.
    bool onStore(std::function<void()> job);
    bool onArgon(std::function<void()> job);
    // Lets queued work finish and stops the threads; safe to call again (or from the destructor).
    // Later jobs are refused.
    void stop();

private:
    QThread m_storeThread;
    QObject *m_storeContext = nullptr;
    QThreadPool m_argon;
    std::atomic<int> m_storeQueued{0};
    std::atomic<int> m_argonQueued{0};
    // Whether each queue takes jobs. Held while a store job is posted, so that the job that ends the
    // store thread is the last one posted to it.
    std::mutex m_open;
    bool m_storeOpen = true;
    bool m_argonOpen = true;
};

}  // namespace cairn::sync
