#pragma once
// Signing in, the step every end-to-end test of the screens repeats: on the lock screen's keypad
// as a user does, or straight through the session for tests about what comes after. Plain return
// values (false at the first step that fails), so the test's own QVERIFY names the user.

#include "qml/app/session.h"
#include "tests/qml/quick_driver.h"

#include <QQuickWindow>
#include <QTest>

namespace cairn::testing {

// Locks the app when someone is signed in, taps the user on the lock screen and the PIN on the
// keypad, and waits until the session is signed in and the navigation rail is shown.
inline bool signInOnKeypad(QQuickWindow *window, app::Session &session, const QString &userId, const QString &pin)
{
    if (session.signedIn()) {
        if (!tapNamedInView(window, QStringLiteral("lockButton")) || !waitFor([&] { return !session.signedIn(); }))
            return false;
    }
    if (!tapNamedInView(window, QStringLiteral("user_") + userId))
        return false;
    for (const QChar digit : pin)
        if (!tapNamedInView(window, QStringLiteral("pinKey_") + digit))
            return false;
    // Each role lands on its own first destination (Today, Registry, Measures…).
    return tapNamedInView(window, QStringLiteral("pinKey_ok")) && waitFor([&] { return session.signedIn(); }) &&
           waitFor([&] { return findItem(window, QStringLiteral("navigationRail")) != nullptr; });
}

// Locks the session when someone is signed in, then unlocks it as `userId` with `pin` and waits
// until it has loaded; true when it is then signed in (session.message() says why not).
inline bool signInDirectly(app::Session &session, const QString &userId, const QString &pin, int ms = 120000)
{
    if (session.signedIn()) {
        session.lock();
        if (!QTest::qWaitFor([&] { return !session.signedIn() && !session.loading(); }, ms))
            return false;
    }
    session.unlock(userId, pin);
    return QTest::qWaitFor([&] { return !session.loading(); }, ms) && session.signedIn();
}

}  // namespace cairn::testing
