#include "core/registry/registry_thread.h"

#include <QSemaphore>

namespace cairn::registry {

RegistryThread::RegistryThread(QObject *parent)
    : QObject(parent)
    , m_registry(std::make_shared<std::unique_ptr<Registry>>())
{
    m_thread.setObjectName(QStringLiteral("cairn-database"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

RegistryThread::~RegistryThread()
{
    // Close the registry on its own thread, then stop the thread.
    setRegistry(nullptr);
    drain();
    m_thread.quit();
    m_thread.wait();
}

void RegistryThread::post(std::function<void(Registry *)> job)
{
    auto registry = m_registry;
    QMetaObject::invokeMethod(
        m_worker, [registry, job = std::move(job)]() { job(registry->get()); }, Qt::QueuedConnection);
}

void RegistryThread::open(QObject *receiver, std::function<Result<std::unique_ptr<Registry>>()> opener,
                          std::function<void(Status)> done)
{
    auto slot = m_registry;
    run<Status>(
        receiver,
        [slot, opener = std::move(opener)](Registry *) -> Status {
            auto opened = opener();
            if (!opened)
                return opened.error();
            *slot = std::move(opened).value();
            return ok();
        },
        std::move(done));
}

void RegistryThread::setRegistry(std::unique_ptr<Registry> registry)
{
    auto slot = m_registry;
    auto shared = std::make_shared<std::unique_ptr<Registry>>(std::move(registry));
    QMetaObject::invokeMethod(
        m_worker, [slot, shared]() { *slot = std::move(*shared); }, Qt::QueuedConnection);
}

void RegistryThread::drain()
{
    if (QThread::currentThread() == &m_thread)
        return;
    QSemaphore done;
    post([&done](Registry *) { done.release(); });
    done.acquire();
}

}  // namespace cairn::registry
