#pragma once
// The tablet app's objects and how they are connected: the database thread, the session, sync,
// the lifecycle (idle and background lock), the screen language, and the QML engine with
// Main.qml. main() makes one from its command line; end-to-end tests make the same one, so they
// drive the app exactly as the `cairn` binary runs it.

#include "core/registry/clock.h"
#include "core/registry/registry_thread.h"
#include "platform/app_lifecycle.h"
#include "platform/network_state.h"
#include "qml/app/language.h"
#include "qml/app/session.h"
#include "qml/app/text_size.h"
#include "qml/app/user_activity_filter.h"
#include "qml/sync/sync_status.h"
#include "sync/client/sync_scheduler.h"

#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

class QQmlApplicationEngine;
class QQuickWindow;

namespace cairn::platform {
class Keystore;
}

namespace cairn::app {

struct AppOptions {
    QString databasePath;
    platform::Keystore *keystore = nullptr;  // not owned; outlives the wiring
    // Record stamps, lockout delays and "today" on every screen; null: the system clock. Tests
    // pass a registry::ManualClock so that the app shows a fixed day.
    const registry::Clock *clock = nullptr;  // not owned; outlives the wiring
    int idleLockSeconds = 300;
    // Remember the screen language and text size across runs (off for the screenshot tour).
    bool rememberPreferences = true;
    // The text size for this run, 1 (the type scale as designed) to 2, over the remembered one;
    // 1 keeps the remembered size (users choose theirs on the sign-in and administration screens).
    double fontScale = 1.0;
    // The system's font scale, which the text size follows until a size is chosen; empty: the
    // platform's (platform::systemFontScale()). Tests give one.
    std::optional<double> systemFontScale;
};

// Needs a QApplication (the Measures screen's QtCharts uses Qt Widgets). One per process: it sets
// the QML singletons' instances.
class AppWiring {
public:
    // The names behind the settings file and the window title; call once, after the QApplication.
    static void nameApplication();

    explicit AppWiring(const AppOptions &options);
    ~AppWiring();
    AppWiring(const AppWiring &) = delete;
    AppWiring &operator=(const AppWiring &) = delete;

    // Loads Main.qml; false when it could not be created.
    bool load();

    Session &session() { return m_session; }
    Language &language() { return m_language; }
    TextSize &textSize() { return m_textSize; }
    QQmlApplicationEngine &engine() { return *m_engine; }
    // The main window once loaded, else null.
    QQuickWindow *window() const;
    // Multiplies every size of the Theme's type scale (1 to 2) for this run; false, and nothing
    // changes, for a factor out of range.
    bool setFontScale(double scale) { return m_textSize.apply(scale); }

private:
    registry::SystemClock m_systemClock;
    registry::RegistryThread m_databaseThread;
    Session m_session;
    platform::NetworkState m_network;
    sync::SyncScheduler m_scheduler;
    SyncStatus m_syncStatus;
    platform::AppLifecycle m_lifecycle;
    UserActivityFilter m_activity;
    Language m_language;
    TextSize m_textSize;
    // While someone is signed in: tomorrow's patient summaries prepared on the database thread.
    QTimer m_prepareSummaries;
    // Last, so that the screens go before the objects they show.
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

}  // namespace cairn::app
