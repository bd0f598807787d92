#include "sync/server/service_workers.h"

#include <QMetaObject>

#include <algorithm>
#include <sys/resource.h>
#include <unistd.h>

namespace cairn::sync {
namespace {

// Argon2 threads run at a lower CPU priority (nice +10) than the store and accepting threads: when
// the cores are busy, a sign-in waits a little longer rather than other tablets' syncs. Linux
// sets nice per thread (Qt's thread priorities do nothing under the default scheduler); it is
// lowered once per pool thread, never raised again.
void lowerThisThreadsPriority()
{
#ifdef __linux__
    thread_local bool lowered = false;
    if (!lowered) {
        lowered = true;
        ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), ServiceWorkers::kArgonNice);
    }
#endif
}

}  // namespace

ServiceWorkers::ServiceWorkers()
{
    m_storeThread.setObjectName(QStringLiteral("cairn-store"));
    m_storeContext = new QObject;
    m_storeContext->moveToThread(&m_storeThread);
    QObject::connect(&m_storeThread, &QThread::finished, m_storeContext, &QObject::deleteLater);
    m_storeThread.start();
    m_argon.setMaxThreadCount(argonThreads());
    m_argon.setObjectName(QStringLiteral("cairn-argon2"));
}

int ServiceWorkers::argonThreads()
{
    return std::max(1, QThread::idealThreadCount() / 2);
}

ServiceWorkers::~ServiceWorkers()
{
    stop();
}

void ServiceWorkers::stop()
{
    {
        const std::lock_guard lock(m_open);
        m_argonOpen = false;
    }
    m_argon.waitForDone();
    {
        const std::lock_guard lock(m_open);
        if (m_storeOpen) {
            m_storeOpen = false;
            // Behind every job queued so far: they run, then the thread ends.
            QMetaObject::invokeMethod(
                m_storeContext, [this] { m_storeThread.quit(); }, Qt::QueuedConnection);
        }
    }
    m_storeThread.wait();
}

bool ServiceWorkers::onStore(std::function<void()> job)
{
    const std::lock_guard lock(m_open);
    if (!m_storeOpen)
        return false;
    if (m_storeQueued.fetch_add(1) >= kMaxQueued) {
        m_storeQueued.fetch_sub(1);
        return false;
    }
    QMetaObject::invokeMethod(
        m_storeContext,
        [this, job = std::move(job)] {
            m_storeQueued.fetch_sub(1);
            job();
        },
        Qt::QueuedConnection);
    return true;
}

bool ServiceWorkers::onArgon(std::function<void()> job)
{
    const std::lock_guard lock(m_open);  // not started once stop() has waited for the pool
    if (!m_argonOpen)
        return false;
    if (m_argonQueued.fetch_add(1) >= kMaxQueued) {
        m_argonQueued.fetch_sub(1);
        return false;
    }
    m_argon.start([this, job = std::move(job)] {
        m_argonQueued.fetch_sub(1);
        lowerThisThreadsPriority();
        job();
    });
    return true;
}

}  // namespace cairn::sync
