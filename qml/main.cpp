// The tablet app: reads its options and starts the app the wiring builds; all logic lives in the
// libraries.

#include "platform/keystore.h"
#include "platform/paths.h"
#include "qml/app/app_wiring.h"
#include "qml/app/screenshot_tour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

int main(int argc, char *argv[])
{
    // QApplication, not QGuiApplication: the Measures screen's QtCharts needs Qt Widgets.
    QApplication app(argc, argv);
    cairn::app::AppWiring::nameApplication();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Cairn: long-term opioid therapy registry for primary care"));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The registry file."),
                                      QStringLiteral("path"));
    const QCommandLineOption idleOption(QStringLiteral("idle-lock"),
                                        QStringLiteral("Lock after this many idle seconds (default 300)."),
                                        QStringLiteral("seconds"), QStringLiteral("300"));
    const QCommandLineOption screenshotsOption(
        QStringLiteral("screenshots"),
        QStringLiteral("Render every screen to PNG files in DIR and quit (signs in as CAIRN_USER with CAIRN_PIN)."),
        QStringLiteral("dir"));
    const QCommandLineOption fontScaleOption(
        QStringLiteral("font-scale"),
        QStringLiteral("Text size for this run, from 1 (as designed) to 2 (default: the size chosen on the tablet)."),
        QStringLiteral("factor"), QStringLiteral("1"));
    parser.addOption(dbOption);
    parser.addOption(fontScaleOption);
    parser.addOption(idleOption);
    parser.addOption(screenshotsOption);
    parser.process(app);

    auto keystore = cairn::platform::keystoreFromEnvironment();
    if (!keystore) {
        std::fprintf(stderr, "cairn: %s\n", qPrintable(keystore.error().line()));
        return 2;
    }
    cairn::app::AppOptions options;
    options.databasePath = parser.isSet(dbOption) ? parser.value(dbOption) : cairn::platform::defaultRegistryPath();
    options.keystore = keystore->get();
    options.idleLockSeconds = parser.value(idleOption).toInt();
    options.rememberPreferences = !parser.isSet(screenshotsOption);
    bool scaleRead = false;
    options.fontScale = parser.value(fontScaleOption).toDouble(&scaleRead);
    if (!scaleRead || options.fontScale < 1.0 || options.fontScale > 2.0) {
        std::fprintf(stderr, "cairn: --font-scale must be a number from 1 to 2\n");
        return 2;
    }
    cairn::app::AppWiring wiring(options);
    if (!wiring.load())
        return 1;

    std::unique_ptr<cairn::app::ScreenshotTour> tour;
    if (parser.isSet(screenshotsOption)) {
        tour = std::make_unique<cairn::app::ScreenshotTour>(
            wiring.window(), &wiring.session(), parser.value(screenshotsOption), qEnvironmentVariable("CAIRN_USER"),
            qEnvironmentVariable("CAIRN_PIN"));
        tour->setLanguage(&wiring.language());
        tour->setAdministrator(qEnvironmentVariable("CAIRN_ADMIN_USER"), qEnvironmentVariable("CAIRN_ADMIN_PIN"));
        QObject::connect(tour.get(), &cairn::app::ScreenshotTour::finished, &app,
                         [](int code) { QCoreApplication::exit(code); });
        tour->start();
    }
    return QGuiApplication::exec();
}
