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
#include "qml/app/user_activity_filter.h"
#include "qml/sync/sync_status.h"
#include "sync/client/sync_scheduler.h"

#include <QString>

#include <memory>

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
    // Remember the screen language across runs (off for the screenshot tour).
    bool rememberLanguage = true;
    // The text size, 1 (the type scale as designed) to 2: for users who need larger text.
    double fontScale = 1.0;
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
    QQmlApplicationEngine &engine() { return *m_engine; }
    // The main window once loaded, else null.
    QQuickWindow *window() const;
    // Multiplies every size of the Theme's type scale (1 to 2); false, and nothing changes, for a
    // factor out of range or before load().
    bool setFontScale(double scale);

private:
    double m_fontScale = 1.0;
    registry::SystemClock m_systemClock;
    registry::RegistryThread m_databaseThread;
    Session m_session;
    platform::NetworkState m_network;
    sync::SyncScheduler m_scheduler;
    SyncStatus m_syncStatus;
    platform::AppLifecycle m_lifecycle;
    UserActivityFilter m_activity;
    Language m_language;
    // Last, so that the screens go before the objects they show.
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

}  // namespace cairn::app
