#pragma once
// Helpers the app benchmarks share: waiting on the event loop, calling the registry on its
// database thread from the UI thread as the screens do, and signing in through the app's Session.

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "qml/app/session.h"
#include "qml/app/user_list_model.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>

namespace cairn::bench {

// Spins the event loop until `done()`; aborts after ten minutes (a bench that hangs says so).
template <typename Done> void spinUntil(Done done)
{
    QElapsedTimer guard;
    guard.start();
    while (!done()) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        if (guard.elapsed() > 600000) {
            std::fprintf(stderr, "bench: timed out\n");
            std::abort();
        }
    }
}

// Runs job on the database thread and waits for its answer on this thread.
template <typename R>
R onDatabase(registry::RegistryThread &thread, QObject *receiver, std::function<R(registry::Registry *)> job)
{
    std::optional<R> answer;
    thread.run<R>(receiver, std::move(job), [&answer](R r) { answer = std::move(r); });
    spinUntil([&] { return answer.has_value(); });
    return std::move(*answer);
}

// Signs `userId` in through the app's own Session, as the unlock screen does; prints why and returns
// false when it fails.
inline bool signIn(app::Session &session, const QString &userId, const QString &pin)
{
    session.refreshUsers();
    spinUntil([&] { return session.users()->rowCount() > 0 && !session.loading(); });
    session.unlock(userId, pin);
    spinUntil([&] { return !session.loading(); });
    if (!session.signedIn())
        std::fprintf(stderr, "bench: sign-in failed: %s\n", qPrintable(session.message()));
    return session.signedIn();
}

}  // namespace cairn::bench
