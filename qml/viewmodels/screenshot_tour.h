#pragma once
// `cairn --screenshots DIR`: renders each screen in landscape (1280×800) and portrait (800×1280)
// and saves PNGs, signing in as CAIRN_USER with CAIRN_PIN for the screens behind the PIN pad.
// Drives the real QML through the same signals a tap would send.

#include "qml/viewmodels/session.h"

#include <QObject>
#include <QPointer>
#include <QQuickWindow>

#include <functional>

namespace cairn::app {

class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(QQuickWindow *window, Session *session, QString directory, QString user, QString pin);
    void start();

signals:
    void finished(int exitCode);

private:
    void next();
    void capture(const QString &name);
    QObject *find(const char *objectName) const;
    QPointer<QQuickWindow> m_window;
    Session *m_session;
    QString m_directory;
    QString m_user;
    QString m_pin;
    QString m_patientId;
    QList<std::function<bool()>> m_steps;  // each returns false while it must wait
    int m_failures = 0;
    int m_waited = 0;
};

}  // namespace cairn::app
