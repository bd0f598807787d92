#pragma once
// The tablet's sync state for every screen, as ONE state that all screens show the same way:
// not enrolled, offline, syncing, up to date, waiting to send, or a problem. "Saved on this
// tablet" (every write, at once) and "sent to the clinic server" (after a round) are different
// things: `pendingCount` says how many saved records have not been sent yet. A QML singleton over
// the SyncScheduler and the Session made by AppWiring.

#include "qml/app/singleton_instance.h"
#include "sync/client/sync_scheduler.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class Session;

class SyncStatus : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Sync)
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY changed)
    Q_PROPERTY(bool error READ error NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool online READ online NOTIFY changed)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY changed)
    // Records saved on this tablet that the clinic server has not acknowledged yet.
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY changed)
    // Short words for the app bar ("Synced 14:05", "Offline · 12 to send", ...); empty while unknown.
    Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
    // Fewer words for a narrow app bar ("Synced", "12 to send", "No server"): the state is still
    // said in words when the bar has no room for stateText.
    Q_PROPERTY(QString shortText READ shortText NOTIFY changed)
    // The longer explanation for the details sheet and screen readers.
    Q_PROPERTY(QString detailText READ detailText NOTIFY changed)
    // "Last sync 14:05", or "Never synced".
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY changed)
    // Sync now makes sense only for an enrolled tablet that is online and not already syncing.
    Q_PROPERTY(bool canSyncNow READ canSyncNow NOTIFY changed)

public:
    enum class State {
        Unknown,      // not yet read after sign-in: nothing is shown rather than a guess
        NotEnrolled,  // no clinic server: records stay on this tablet
        Offline,      // enrolled, no network
        Syncing,
        UpToDate,  // enrolled, online, nothing waiting
        Pending,   // enrolled, online, records waiting to be sent
        Error,     // the last round failed
    };
    Q_ENUM(State)

    // The one rule that turns the scheduler's facts into the state every screen shows.
    static State stateFrom(bool enrollmentKnown, bool enrolled, bool online, bool syncing, bool failed, int pending);

    explicit SyncStatus(sync::SyncScheduler *scheduler, QObject *parent = nullptr);
    CAIRN_SINGLETON_INSTANCE(SyncStatus)
    // What QML gets when the app wiring set no instance (tests that load screens without a
    // scheduler): one that knows nothing, and so shows nothing.
    static SyncStatus *makeStandIn() { return new SyncStatus(nullptr); }
    // The signed-in session, whose registry counts what waits in the outbox.
    void setSession(Session *session);

    State state() const;
    bool loading() const { return m_scheduler && m_scheduler->loading(); }
    bool error() const { return m_scheduler && m_scheduler->error(); }
    QString message() const { return m_scheduler ? m_scheduler->message() : QString(); }
    bool online() const { return m_scheduler && m_scheduler->online(); }
    bool enrolled() const { return m_scheduler && m_scheduler->enrolled(); }
    int pendingCount() const;
    QString stateText() const;
    QString shortText() const;
    QString detailText() const;
    QString lastSyncText() const;
    bool canSyncNow() const;
    Q_INVOKABLE void syncNow();
    // After enrolling: read again whether this tablet has a server.
    Q_INVOKABLE void refreshEnrollment();

signals:
    void changed();

protected:
    // Texts made in C++ follow a language switch (QML re-evaluates only its own qsTr bindings).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<sync::SyncScheduler> m_scheduler;
    QPointer<Session> m_session;
};

}  // namespace cairn::app
