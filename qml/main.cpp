// The tablet app. Wires the objects together and loads the QML; all logic lives in the libraries.

#include "core/registry/clock.h"
#include "core/registry/registry_thread.h"
#include "platform/app_lifecycle.h"
#include "platform/keystore.h"
#include "platform/network_state.h"
#include "platform/paths.h"
#include "qml/viewmodels/language.h"
#include "qml/viewmodels/screenshot_tour.h"
#include "qml/viewmodels/session.h"
#include "qml/viewmodels/sync_status.h"
#include "qml/viewmodels/user_activity_filter.h"

#include <QCommandLineParser>
#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

int main(int argc, char *argv[])
{
    // QApplication, not QGuiApplication: the Measures screen's QtCharts needs Qt Widgets.
    QApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("cairn"));
    QGuiApplication::setOrganizationName(QStringLiteral("Cairn"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Cairn"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Cairn: long-term opioid therapy registry for primary care"));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The registry file."), QStringLiteral("path"));
    const QCommandLineOption idleOption(QStringLiteral("idle-lock"), QStringLiteral("Lock after this many idle seconds (default 300)."),
                                        QStringLiteral("seconds"), QStringLiteral("300"));
    const QCommandLineOption screenshotsOption(QStringLiteral("screenshots"),
        QStringLiteral("Render every screen to PNG files in DIR and quit (signs in as CAIRN_USER with CAIRN_PIN)."), QStringLiteral("dir"));
    parser.addOption(dbOption);
    parser.addOption(idleOption);
    parser.addOption(screenshotsOption);
    parser.process(app);

    auto keystore = cairn::platform::keystoreFromEnvironment();
    if (!keystore) {
        std::fprintf(stderr, "cairn: %s\n", qPrintable(keystore.error().line()));
        return 2;
    }
    const QString databasePath = parser.isSet(dbOption) ? parser.value(dbOption) : cairn::platform::defaultRegistryPath();

    cairn::registry::SystemClock clock;
    cairn::registry::RegistryThread databaseThread;
    cairn::app::Session session({databasePath, keystore->get(), &clock, &databaseThread});
    cairn::app::Session::setInstance(&session);

    // Sync: rounds on the database thread after writes, on network return, periodically and on
    // "sync now", only while someone is signed in.
    cairn::platform::NetworkState network;
    cairn::sync::SyncScheduler scheduler(databaseThread, *keystore->get(), network, databasePath);
    cairn::app::SyncStatus syncStatus(&scheduler);
    cairn::app::SyncStatus::setInstance(&syncStatus);
    QObject::connect(&session, &cairn::app::Session::signedInChanged, &scheduler, [&session, &scheduler] {
        session.signedIn() ? scheduler.start() : scheduler.stop();
    });
    QObject::connect(&session, &cairn::app::Session::revisionChanged, &scheduler, &cairn::sync::SyncScheduler::noteLocalWrite);
    QObject::connect(&scheduler, &cairn::sync::SyncScheduler::dataArrived, &session, &cairn::app::Session::noteDataChanged);
    QObject::connect(&scheduler, &cairn::sync::SyncScheduler::roundFinished, &session, &cairn::app::Session::refreshSyncState);
    QObject::connect(&scheduler, &cairn::sync::SyncScheduler::wiped, &session, &cairn::app::Session::lock);

    // Lock on idle and whenever the app leaves the foreground; cover patient data meanwhile.
    cairn::platform::AppLifecycle lifecycle;
    lifecycle.setIdleLimitSeconds(parser.value(idleOption).toInt());
    QObject::connect(&lifecycle, &cairn::platform::AppLifecycle::lockRequested, &session, &cairn::app::Session::lock);
    QObject::connect(&lifecycle, &cairn::platform::AppLifecycle::hideSensitiveContent, &session, &cairn::app::Session::setObscured);
    QObject::connect(&app, &QGuiApplication::applicationStateChanged, &lifecycle, &cairn::platform::AppLifecycle::applicationStateChanged);
    cairn::app::UserActivityFilter activity(&lifecycle);
    app.installEventFilter(&activity);
    lifecycle.startIdleTimer();

    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QQmlApplicationEngine engine;
    // The screen language: the tablet's remembered choice (English until one is made).
    cairn::app::Language language(!parser.isSet(screenshotsOption));
    cairn::app::Language::setInstance(&language);
    language.setEngine(&engine);
    language.restore();
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Cairn/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    std::unique_ptr<cairn::app::ScreenshotTour> tour;
    if (parser.isSet(screenshotsOption)) {
        tour = std::make_unique<cairn::app::ScreenshotTour>(qobject_cast<QQuickWindow *>(engine.rootObjects().first()), &session,
                                                             parser.value(screenshotsOption), qEnvironmentVariable("CAIRN_USER"),
                                                             qEnvironmentVariable("CAIRN_PIN"));
        tour->setLanguage(&language);
        tour->setAdministrator(qEnvironmentVariable("CAIRN_ADMIN_USER"), qEnvironmentVariable("CAIRN_ADMIN_PIN"));
        QObject::connect(tour.get(), &cairn::app::ScreenshotTour::finished, &app, [](int code) { QCoreApplication::exit(code); });
        tour->start();
    }
    return QGuiApplication::exec();
}
