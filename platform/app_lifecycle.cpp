#include "platform/app_lifecycle.h"

namespace cairn::platform {

AppLifecycle::AppLifecycle(QObject *parent)
    : QObject(parent)
    , m_lastActivity(QDateTime::currentDateTimeUtc())
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, [this] { checkIdle(QDateTime::currentDateTimeUtc()); });
}

void AppLifecycle::startIdleTimer()
{
    m_timer.start();
}

void AppLifecycle::noteUserActivity(const QDateTime &now)
{
    m_lastActivity = now;
    m_lockedForIdle = false;
}

void AppLifecycle::checkIdle(const QDateTime &now)
{
    if (m_lockedForIdle || m_idleLimit <= 0)
        return;
    if (m_lastActivity.secsTo(now) >= m_idleLimit) {
        m_lockedForIdle = true;
        emit lockRequested(QStringLiteral("idle"));
    }
}

void AppLifecycle::applicationStateChanged(Qt::ApplicationState state)
{
    const bool active = state == Qt::ApplicationActive;
    emit hideSensitiveContent(!active);
    if (!active)
        emit lockRequested(QStringLiteral("background"));
}

}  // namespace cairn::platform
