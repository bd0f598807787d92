#include "sync/server/blocks_worked_ahead.h"

#include <QThread>

#include <algorithm>

namespace cairn::sync {
namespace {

// All cores but one: the store thread keeps one to store what the others have checked.
class HelperPool : public QThreadPool {
public:
    HelperPool()
    {
        setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
        setObjectName(QStringLiteral("cairn-checks"));
    }
};

}  // namespace

QThreadPool &storeHelperPool()
{
    static HelperPool pool;
    return pool;
}

BlocksWorkedAhead::BlocksWorkedAhead(qsizetype count, Work work)
    : m_work(std::move(work))
{
    const qsizetype blocks = (count + kBlock - 1) / kBlock;
    m_done.assign(static_cast<std::size_t>(blocks), false);
    if (blocks <= 1) {
        if (count > 0)
            m_work(0, count);
        m_done.assign(m_done.size(), true);
        return;
    }
    m_unfinished = blocks;
    for (qsizetype block = 0; block < blocks; ++block) {
        storeHelperPool().start([this, block, count] {
            const qsizetype from = block * kBlock;
            if (!m_stop.load())
                m_work(from, std::min(from + kBlock, count));
            const std::lock_guard lock(m_mutex);
            m_done[static_cast<std::size_t>(block)] = true;
            --m_unfinished;
            // Under the lock: once it is released, the destructor may free this object.
            m_changed.notify_all();
        });
    }
}

BlocksWorkedAhead::~BlocksWorkedAhead()
{
    m_stop = true;
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_unfinished == 0; });
}

void BlocksWorkedAhead::waitFor(qsizetype i)
{
    const auto block = static_cast<std::size_t>(i / kBlock);
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_done[block]; });
}

void BlocksWorkedAhead::waitForAll()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_unfinished == 0; });
}

}  // namespace cairn::sync
