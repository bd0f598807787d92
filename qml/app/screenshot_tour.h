#pragma once
// `cairn --screenshots DIR`: renders each screen in landscape (1280×800) and portrait (800×1280),
// in English and in Spanish, and saves PNGs (NAME-ORIENTATION-LANG.png), signing in as CAIRN_USER
// with CAIRN_PIN for the screens behind the PIN pad, and as CAIRN_ADMIN_USER with CAIRN_ADMIN_PIN
// for the administration screens (skipped when unset).
// Drives the real QML through the same signals a tap would send; the shell shows on every screen.

#include "qml/app/language.h"
#include "qml/app/navigation.h"
#include "qml/app/session.h"

#include <QElapsedTimer>
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
    // Without a language the tour renders English only.
    void setLanguage(Language *language) { m_language = language; }
    void setAdministrator(QString user, QString pin)
    {
        m_adminUser = std::move(user);
        m_adminPin = std::move(pin);
    }

signals:
    void finished(int exitCode);

private:
    void next();
    // `arrange`, when given, runs in each orientation once the window is laid out at its size,
    // before the shot (a scroll that depends on the layout).
    void capture(const QString &name, const std::function<void()> &arrange = {});
    // One orientation only: a page that exists in that orientation alone (portrait's measure page).
    void captureAt(const QString &name, const QString &orientation, const QSize &size,
                   const std::function<void()> &arrange = {});
    // Scrolls the Flickable holding `objectName` to its end, as a user scrolls down to it.
    void scrollDownTo(const char *objectName) const;
    QObject *find(const char *objectName) const;
    // The whole tour in one language.
    QList<std::function<bool()>> stepsIn(const QString &language);
    static QStringList formKinds();
    bool signIn(const QString &user, const QString &pin);
    bool openDestination(Navigation::Destination destination);
    // Shows one tab of the patient screen on top (PatientTabs::Tab).
    bool showPatientTab(int tab);
    bool openFirstMeasure();
    // The made-up registry sheet the import screen's shots read; returns its path.
    QString writeTourSheet() const;
    QPointer<QQuickWindow> m_window;
    Session *m_session;
    QString m_directory;
    QString m_user;
    QString m_pin;
    QString m_patientId;
    QPointer<Language> m_language;
    QString m_languageCode = QStringLiteral("en");
    QString m_adminUser;
    QString m_adminPin;
    QList<std::function<bool()>> m_steps;  // each returns false while it must wait
    int m_failures = 0;
    int m_waited = 0;
    // Which step waits, and since when: a step that never becomes ready ends the tour with its
    // number and the last screen captured, instead of leaving it hanging.
    int m_stepNumber = 0;
    QString m_lastCaptured;
    QElapsedTimer m_stepClock;
};

}  // namespace cairn::app
