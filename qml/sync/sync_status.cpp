#include "qml/sync/sync_status.h"

#include "qml/app/session.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QQmlEngine>

namespace cairn::app {
SyncStatus::SyncStatus(sync::SyncScheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
{
    if (m_scheduler)
        connect(m_scheduler, &sync::SyncScheduler::stateChanged, this, &SyncStatus::changed);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

void SyncStatus::setSession(Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::syncStateChanged, this, &SyncStatus::changed);
    emit changed();
}

bool SyncStatus::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        emit changed();
    return QObject::eventFilter(watched, event);
}

SyncStatus::State SyncStatus::stateFrom(bool enrollmentKnown, bool enrolled, bool online, bool syncing, bool failed,
                                        int pending)
{
    if (!enrollmentKnown)
        return State::Unknown;
    if (!enrolled)
        return State::NotEnrolled;
    if (syncing)
        return State::Syncing;
    if (!online)
        return State::Offline;
    if (failed)
        return State::Error;
    return pending > 0 ? State::Pending : State::UpToDate;
}

SyncStatus::State SyncStatus::state() const
{
    if (!m_scheduler)
        return State::Unknown;
    return stateFrom(m_scheduler->enrollmentKnown(), m_scheduler->enrolled(), m_scheduler->online(),
                     m_scheduler->loading(), m_scheduler->error(), pendingCount());
}

int SyncStatus::pendingCount() const
{
    return m_session ? m_session->unsyncedCount() : 0;
}

QString SyncStatus::lastSyncText() const
{
    if (!m_scheduler || !m_scheduler->lastSyncAt().isValid())
        return tr("Never synced");
    return tr("Last sync %1").arg(m_scheduler->lastSyncAt().toLocalTime().toString(QStringLiteral("HH:mm")));
}

QString SyncStatus::stateText() const
{
    const int pending = pendingCount();
    switch (state()) {
    case State::Unknown:
        return QString();
    case State::NotEnrolled:
        return tr("Not connected to a clinic server");
    case State::Offline:
        return pending > 0 ? tr("Offline · %n to send", "", pending) : tr("Offline");
    case State::Syncing:
        return tr("Syncing…");
    case State::UpToDate:
        return tr("Synced %1").arg(m_scheduler->lastSyncAt().toLocalTime().toString(QStringLiteral("HH:mm")));
    case State::Pending:
        return tr("%n waiting to send", "", pending);
    case State::Error:
        return tr("Sync problem");
    }
    return QString();
}

QString SyncStatus::shortText() const
{
    switch (state()) {
    case State::Unknown:
        return QString();
    case State::NotEnrolled:
        return tr("No server");
    case State::Offline:
        return tr("Offline");
    case State::Syncing:
        return tr("Syncing…");
    case State::UpToDate:
        return tr("Synced");
    case State::Pending:
        return tr("%n to send", "", pendingCount());
    case State::Error:
        return tr("Sync problem");
    }
    return QString();
}

QString SyncStatus::detailText() const
{
    const int pending = pendingCount();
    QString waiting = pending > 0
                          ? tr("%n record(s) saved on this tablet, not yet sent to the clinic server.", "", pending)
                          : tr("Everything saved on this tablet has been sent to the clinic server.");
    const QDateTime oldest = m_session ? m_session->oldestUnsynced() : QDateTime();
    const qint64 hours = pending > 0 && oldest.isValid() ? oldest.secsTo(m_session->services().clock->now()) / 3600 : 0;
    if (hours >= 1)
        waiting += QLatin1Char(' ') + tr("The oldest has waited %n hour(s).", "", static_cast<int>(hours));
    switch (state()) {
    case State::Unknown:
        return QString();
    case State::NotEnrolled:
        return tr("This tablet is not connected to a clinic server. Everything is saved on this tablet only; an "
                  "administrator can connect it under Administration.");
    case State::Offline:
        return tr("No network. Everything is saved on this tablet and will be sent when the network returns.") +
               QLatin1Char(' ') + (pending > 0 ? waiting : QString()) + QLatin1Char(' ') + lastSyncText();
    case State::Syncing:
        return tr("Sending and receiving records…");
    case State::UpToDate:
        return waiting + QLatin1Char(' ') + lastSyncText();
    case State::Pending:
        return waiting + QLatin1Char(' ') + lastSyncText();
    case State::Error:
        return tr("The last sync did not finish: %1").arg(message()) + QLatin1Char(' ') + waiting;
    }
    return QString();
}

bool SyncStatus::canSyncNow() const
{
    const State now = state();
    return now == State::Pending || now == State::UpToDate || now == State::Error;
}

void SyncStatus::syncNow()
{
    if (m_scheduler && canSyncNow())
        m_scheduler->syncNow();
}

void SyncStatus::refreshEnrollment()
{
    if (m_scheduler)
        m_scheduler->refreshEnrollment();
}

}  // namespace cairn::app
