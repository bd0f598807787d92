#include "qml/viewmodels/screenshot_tour.h"

#include "qml/viewmodels/huddle_model.h"
#include "qml/viewmodels/patient_list_model.h"

#include <QDir>
#include <QImage>
#include <QQuickItem>
#include <QTimer>

namespace cairn::app {

ScreenshotTour::ScreenshotTour(QQuickWindow *window, Session *session, QString directory, QString user, QString pin)
    : m_window(window)
    , m_session(session)
    , m_directory(std::move(directory))
    , m_user(std::move(user))
    , m_pin(std::move(pin))
{
}

QObject *ScreenshotTour::find(const char *objectName) const
{
    return m_window ? m_window->findChild<QObject *>(QLatin1String(objectName)) : nullptr;
}

void ScreenshotTour::capture(const QString &name)
{
    for (const auto &[suffix, size] : {std::pair{QStringLiteral("landscape"), QSize(1280, 800)}, std::pair{QStringLiteral("portrait"), QSize(800, 1280)}}) {
        m_window->resize(size);
        QCoreApplication::processEvents();
        const QImage image = m_window->grabWindow();
        const QString path = QDir(m_directory).filePath(QStringLiteral("%1-%2-en.png").arg(name, suffix));
        if (image.isNull() || !image.save(path)) {
            ++m_failures;
            qWarning("screenshots: could not save %s", qPrintable(path));
        }
    }
    m_window->resize(1280, 800);
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    m_steps = {
        [this] { return find("unlockScreen") && m_session->users()->rowCount() > 0; },
        [this] { capture(QStringLiteral("01-sign-in")); return true; },
        [this] {
            for (const auto &u : m_session->users()->users())
                if (u.name == m_user || u.id == m_user)
                    m_session->unlock(u.id, m_pin);
            return true;
        },
        [this] { return m_session->signedIn() && find("huddleScreen") && !m_session->loading(); },
        [this] { return m_waited++ > 10; },  // let the huddle load
        [this] {
            capture(QStringLiteral("02-today"));
            m_waited = 0;
            // Remember the most urgent booked patient (the huddle's first) for the patient screen.
            auto *list = find("huddleList");
            auto *model = list ? qvariant_cast<QAbstractItemModel *>(list->property("model")) : nullptr;
            if (model && model->rowCount() > 0)
                m_patientId = model->index(0, 0).data(HuddleModel::PatientIdRole).toString();
            return QMetaObject::invokeMethod(find("huddleScreen"), "allPatientsRequested");
        },
        [this] { return find("patientListScreen") && m_waited++ > 10; },
        [this] {
            capture(QStringLiteral("03-patients"));
            m_waited = 0;
            auto *list = find("patientList");
            auto *model = list ? qvariant_cast<QAbstractItemModel *>(list->property("model")) : nullptr;
            if (m_patientId.isEmpty() && model && model->rowCount() > 0)
                m_patientId = model->index(0, 0).data(PatientListModel::PatientIdRole).toString();
            return !m_patientId.isEmpty()
                   && QMetaObject::invokeMethod(find("patientListScreen"), "patientChosen", Q_ARG(QString, m_patientId));
        },
        [this] { return find("patientScreen") && m_waited++ > 15; },
        [this] { capture(QStringLiteral("04-patient")); return true; },
    };
    next();
}

void ScreenshotTour::next()
{
    if (m_steps.isEmpty()) {
        emit finished(m_failures == 0 ? 0 : 1);
        return;
    }
    if (m_steps.first()())
        m_steps.removeFirst();
    QTimer::singleShot(50, this, &ScreenshotTour::next);
}

}  // namespace cairn::app
