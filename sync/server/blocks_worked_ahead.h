#pragma once
// A batch's per-record work that needs no store (a push's checks of each record and its stored
// text) done on other cores, in blocks of kBlock records, while the store thread consumes the
// blocks in order: the store thread stores block n while block n+1 is being checked. Blocks start
// in order on a pool of all cores but one (the store thread's); a batch of one block is worked
// on the calling thread, where a thread hop would cost more than it saves.

#include <QThreadPool>
#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <type_traits>
#include <vector>

namespace cairn::sync {

// The pool that helps the store thread: all cores but one (the store thread's).
QThreadPool &storeHelperPool();

// Frees value on the helper pool. A push batch's parsed body and request (thousands of records)
// take milliseconds to free; the store thread answers and takes the next request meanwhile.
template <typename T> void freeOnHelperPool(T &&value)
{
    storeHelperPool().start(
        [held = std::make_shared<std::decay_t<T>>(std::forward<T>(value))]() mutable { held.reset(); });
}

class BlocksWorkedAhead {
public:
    static constexpr qsizetype kBlock = 256;
    // work(from, to) handles records [from, to); blocks run concurrently, so it writes only what
    // belongs to those records.
    using Work = std::function<void(qsizetype from, qsizetype to)>;

    BlocksWorkedAhead(qsizetype count, Work work);
    // Blocks not yet started are skipped and running ones waited for: the work's data outlives it.
    ~BlocksWorkedAhead();
    BlocksWorkedAhead(const BlocksWorkedAhead &) = delete;
    BlocksWorkedAhead &operator=(const BlocksWorkedAhead &) = delete;

    // Returns once record i's block is done; what it wrote is then visible to the caller.
    void waitFor(qsizetype i);
    void waitForAll();

private:
    Work m_work;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<bool> m_done;  // per block, guarded by m_mutex
    qsizetype m_unfinished = 0;
    std::atomic<bool> m_stop{false};
};

}  // namespace cairn::sync
