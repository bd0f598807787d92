#pragma once
// When the tablet must lock: after an idle time, and as soon as the app leaves the foreground
// (so nothing is left open in the task switcher). Time comes from checkIdle(now) so the rule is
// testable without waiting; the app drives it from a timer.

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace cairn::platform {

class AppLifecycle : public QObject {
    Q_OBJECT
public:
    explicit AppLifecycle(QObject *parent = nullptr);

    void setIdleLimitSeconds(int seconds) { m_idleLimit = seconds; }
    int idleLimitSeconds() const { return m_idleLimit; }
    // Starts a once-a-second check against the system clock (the app); tests call checkIdle().
    void startIdleTimer();

public slots:
    // Any touch or key press.
    void noteUserActivity(const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Emits lockRequested() when the idle limit has passed since the last activity.
    void checkIdle(const QDateTime &now);
    // From QGuiApplication::applicationStateChanged: anything but active locks.
    void applicationStateChanged(Qt::ApplicationState state);

signals:
    void lockRequested(const QString &reason);
    // Hide patient data before the task switcher takes its snapshot.
    void hideSensitiveContent(bool hide);

private:
    int m_idleLimit = 300;
    QDateTime m_lastActivity;
    bool m_lockedForIdle = false;
    QTimer m_timer;
};

}  // namespace cairn::platform
