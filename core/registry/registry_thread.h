#pragma once
// Runs registry work on one dedicated database thread, in submission order, and delivers each
// result back on the caller's thread. The UI never waits on SQLCipher or Argon2id.
//
//   m_thread->run<Result<Patient>>(this,
//       [id](Registry &r) { return r.loadPatient(id); },
//       [this](Result<Patient> patient) { ... });   // runs on this object's thread
//
// A job submitted while no registry is open receives nullptr. Jobs capture values, never
// references to UI objects.

#include "core/registry/registry.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace cairn::registry {

class RegistryThread : public QObject {
    Q_OBJECT
public:
    explicit RegistryThread(QObject *parent = nullptr);
    ~RegistryThread() override;

    // Runs job(registry*) on the database thread; registry may be null when nothing is open.
    void post(std::function<void(Registry *)> job);

    // Runs job on the database thread and done(result) on receiver's thread, unless the
    // receiver was destroyed in the meantime.
    template <typename R> void run(QObject *receiver, std::function<R(Registry *)> job, std::function<void(R)> done)
    {
        QPointer<QObject> guard(receiver);
        post([guard, job = std::move(job), done = std::move(done)](Registry *registry) mutable {
            auto result = std::make_shared<R>(job(registry));
            QObject *target = guard.data();
            if (!target)
                return;
            QMetaObject::invokeMethod(
                target,
                [guard, result, done = std::move(done)]() mutable {
                    if (guard)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }

    // Opens a registry ON the database thread (Argon2id and SQLCipher's key check take time) and
    // installs it there; done(status) runs on receiver's thread.
    void open(QObject *receiver, std::function<Result<std::unique_ptr<Registry>>()> opener,
              std::function<void(Status)> done);

    // Hands an opened registry to the database thread (or closes the current one with nullptr).
    void setRegistry(std::unique_ptr<Registry> registry);
    // Blocks until every job submitted so far has run (tests and shutdown only).
    void drain();

private:
    QThread m_thread;
    QObject *m_worker = nullptr;                            // lives on m_thread
    std::shared_ptr<std::unique_ptr<Registry>> m_registry;  // touched only on m_thread
};

}  // namespace cairn::registry
