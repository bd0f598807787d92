#include "sync/server/service_workers.h"

#include <QMetaObject>

#include <algorithm>

namespace cairn::sync {

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
    m_argon.waitForDone();
    m_storeThread.quit();
    m_storeThread.wait();
    m_argon.waitForDone();
}

bool ServiceWorkers::onStore(std::function<void()> job)
{
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
    if (m_argonQueued.fetch_add(1) >= kMaxQueued) {
        m_argonQueued.fetch_sub(1);
        return false;
    }
    m_argon.start([this, job = std::move(job)] {
        m_argonQueued.fetch_sub(1);
        job();
    });
    return true;
}

}  // namespace cairn::sync
