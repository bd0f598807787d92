// The app locks after the idle limit and whenever it leaves the foreground.

#include "platform/app_lifecycle.h"
#include "platform/network_state.h"

#include <QSignalSpy>
#include <QTest>

using namespace cairn::platform;

class TestPlatform : public QObject {
    Q_OBJECT
private slots:
    void idleLimitLocksOnceUntilTheNextActivity()
    {
        AppLifecycle lifecycle;
        lifecycle.setIdleLimitSeconds(120);
        QSignalSpy locks(&lifecycle, &AppLifecycle::lockRequested);
        const QDateTime t0(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC);
        lifecycle.noteUserActivity(t0);
        lifecycle.checkIdle(t0.addSecs(119));
        QCOMPARE(locks.size(), 0);
        lifecycle.checkIdle(t0.addSecs(120));
        QCOMPARE(locks.size(), 1);
        QCOMPARE(locks.first().first().toString(), QStringLiteral("idle"));
        lifecycle.checkIdle(t0.addSecs(500));
        QCOMPARE(locks.size(), 1);
        lifecycle.noteUserActivity(t0.addSecs(600));
        lifecycle.checkIdle(t0.addSecs(700));
        QCOMPARE(locks.size(), 1);
        lifecycle.checkIdle(t0.addSecs(720));
        QCOMPARE(locks.size(), 2);
    }

    void leavingTheForegroundLocksAndHides()
    {
        AppLifecycle lifecycle;
        QSignalSpy locks(&lifecycle, &AppLifecycle::lockRequested);
        QSignalSpy hides(&lifecycle, &AppLifecycle::hideSensitiveContent);
        lifecycle.applicationStateChanged(Qt::ApplicationInactive);
        QCOMPARE(locks.size(), 1);
        QCOMPARE(locks.first().first().toString(), QStringLiteral("background"));
        QCOMPARE(hides.last().first().toBool(), true);
        lifecycle.applicationStateChanged(Qt::ApplicationActive);
        QCOMPARE(locks.size(), 1);
        QCOMPARE(hides.last().first().toBool(), false);
    }

    void networkStateReportsChanges()
    {
        NetworkState state;
        QSignalSpy changes(&state, &NetworkState::onlineChanged);
        state.setOnline(false);
        state.setOnline(false);
        state.setOnline(true);
        QCOMPARE(changes.size(), 2);
        QVERIFY(state.online());
    }
};

QTEST_GUILESS_MAIN(TestPlatform)
#include "test_platform.moc"
