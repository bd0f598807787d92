#include "qml/app/app_wiring.h"

#include "platform/keystore.h"
#include "platform/system_font.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>

namespace cairn::app {
namespace {

// Tomorrow's summaries prepared a few patients at a time, each batch at the back of the database
// thread's queue, so that a screen's read waits for one batch at most (tens of milliseconds at
// 10,000 patients), and tomorrow's first read moves them into place instead of recomputing them.
constexpr int kSummariesPerBatch = 20;
constexpr int kPrepareSummariesEveryMs = 60 * 1000;

void prepareSummariesAhead(registry::RegistryThread &thread)
{
    thread.post([&thread](registry::Registry *registry) {
        if (!registry)
            return;
        // An error leaves tomorrow's first read to recompute those summaries; nothing is logged
        // (the error may name a patient).
        auto handled = registry->prepareSummariesAhead(kSummariesPerBatch);
        if (handled && *handled == kSummariesPerBatch)
            prepareSummariesAhead(thread);
    });
}

}  // namespace

void AppWiring::nameApplication()
{
    QGuiApplication::setApplicationName(QStringLiteral("cairn"));
    QGuiApplication::setOrganizationName(QStringLiteral("Cairn"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Cairn"));
}

AppWiring::AppWiring(const AppOptions &options)
    : m_session(
          {options.databasePath, options.keystore, options.clock ? options.clock : &m_systemClock, &m_databaseThread})
    , m_scheduler(m_databaseThread, *options.keystore, m_network, options.databasePath)
    , m_syncStatus(&m_scheduler)
    , m_activity(&m_lifecycle)
    , m_language(options.rememberPreferences)
    , m_textSize(options.rememberPreferences)
{
    Q_ASSERT(qGuiApp);
    Session::setInstance(&m_session);
    SyncStatus::setInstance(&m_syncStatus);
    m_syncStatus.setSession(&m_session);

    // Sync: rounds on the database thread after writes, on network return, periodically and on
    // "sync now", only while someone is signed in.
    QObject::connect(&m_session, &Session::signedInChanged, &m_scheduler,
                     [this] { m_session.signedIn() ? m_scheduler.start() : m_scheduler.stop(); });
    QObject::connect(&m_session, &Session::revisionChanged, &m_scheduler, &sync::SyncScheduler::noteLocalWrite);
    QObject::connect(&m_scheduler, &sync::SyncScheduler::dataArrived, &m_session, &Session::noteDataChanged);
    QObject::connect(&m_scheduler, &sync::SyncScheduler::roundFinished, &m_session, &Session::refreshSyncState);
    QObject::connect(&m_scheduler, &sync::SyncScheduler::wiped, &m_session, &Session::lock);

    m_prepareSummaries.setInterval(kPrepareSummariesEveryMs);
    QObject::connect(&m_prepareSummaries, &QTimer::timeout, &m_session,
                     [this] { prepareSummariesAhead(m_databaseThread); });
    QObject::connect(&m_session, &Session::signedInChanged, &m_prepareSummaries,
                     [this] { m_session.signedIn() ? m_prepareSummaries.start() : m_prepareSummaries.stop(); });

    // Lock on idle and whenever the app leaves the foreground; cover patient data meanwhile.
    m_lifecycle.setIdleLimitSeconds(options.idleLockSeconds);
    QObject::connect(&m_lifecycle, &platform::AppLifecycle::lockRequested, &m_session, &Session::lock);
    QObject::connect(&m_lifecycle, &platform::AppLifecycle::hideSensitiveContent, &m_session, &Session::setObscured);
    QObject::connect(qGuiApp, &QGuiApplication::applicationStateChanged, &m_lifecycle,
                     &platform::AppLifecycle::applicationStateChanged);
    qGuiApp->installEventFilter(&m_activity);
    m_lifecycle.startIdleTimer();

    QQuickStyle::setStyle(QStringLiteral("Basic"));
    m_engine = std::make_unique<QQmlApplicationEngine>();
    // The screen language: the tablet's remembered choice (English until one is made).
    Language::setInstance(&m_language);
    m_language.setEngine(m_engine.get());
    m_language.restore();
    // The text size: the tablet's remembered choice, else the system's font scale, unless this
    // run was given one.
    TextSize::setInstance(&m_textSize);
    m_textSize.restore();
    m_textSize.followSystem(options.systemFontScale.value_or(platform::systemFontScale()));
    // The font size may be changed in the system's settings while the app waits in the
    // background: read again each time the app comes back to the foreground (a choice still wins).
    if (!options.systemFontScale)
        QObject::connect(qGuiApp, &QGuiApplication::applicationStateChanged, &m_textSize,
                         [this](Qt::ApplicationState state) {
                             if (state == Qt::ApplicationActive)
                                 m_textSize.followSystem(platform::systemFontScale());
                         });
    if (options.fontScale != TextSize::kSmallest)
        m_textSize.apply(options.fontScale);
    m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(
        m_engine.get(), &QQmlApplicationEngine::objectCreationFailed, qGuiApp, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
}

AppWiring::~AppWiring()
{
    m_engine.reset();
    // No singleton may point at objects that are gone.
    Language::setInstance(nullptr);
    TextSize::setInstance(nullptr);
    SyncStatus::setInstance(nullptr);
    Session::setInstance(nullptr);
}

bool AppWiring::load()
{
    m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Cairn/Main.qml")));
    if (m_engine->rootObjects().isEmpty())
        return false;
    return true;
}

QQuickWindow *AppWiring::window() const
{
    return m_engine->rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
}

}  // namespace cairn::app
