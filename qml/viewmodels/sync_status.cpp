#include "qml/viewmodels/sync_status.h"

#include <QCoreApplication>
#include <QEvent>
#include <QJSEngine>
#include <QQmlEngine>

namespace cairn::app {
namespace {
SyncStatus *g_instance = nullptr;
}

SyncStatus::SyncStatus(sync::SyncScheduler *scheduler, QObject *parent) : QObject(parent), m_scheduler(scheduler)
{
    if (m_scheduler)
        connect(m_scheduler, &sync::SyncScheduler::stateChanged, this, &SyncStatus::changed);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool SyncStatus::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        emit changed();
    return QObject::eventFilter(watched, event);
}

SyncStatus *SyncStatus::create(QQmlEngine *, QJSEngine *)
{
    // The instance made in main(); C++ keeps ownership. Tests that load screens without a
    // scheduler get an idle one that says it never synced.
    if (!g_instance)
        return new SyncStatus(nullptr);
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

void SyncStatus::setInstance(SyncStatus *status)
{
    g_instance = status;
}

QString SyncStatus::lastSyncText() const
{
    if (!m_scheduler || !m_scheduler->lastSyncAt().isValid())
        return tr("Never synced");
    return tr("Last sync %1").arg(m_scheduler->lastSyncAt().toLocalTime().toString(QStringLiteral("HH:mm")));
}

void SyncStatus::syncNow()
{
    if (m_scheduler)
        m_scheduler->syncNow();
}

}  // namespace cairn::app
