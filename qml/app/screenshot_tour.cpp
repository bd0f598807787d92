#include "qml/app/screenshot_tour.h"

#include "platform/logging.h"
#include "qml/app/navigation.h"
#include "qml/huddle/huddle_model.h"
#include "qml/patient/patient_tabs.h"
#include "qml/worklists/patient_list_model.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQuickItem>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace cairn::app {

ScreenshotTour::ScreenshotTour(QQuickWindow *window, Session *session, QString directory, QString user, QString pin)
    : m_window(window)
    , m_session(session)
    , m_directory(std::move(directory))
    , m_user(std::move(user))
    , m_pin(std::move(pin))
{}

QObject *ScreenshotTour::find(const char *objectName) const
{
    if (!m_window)
        return nullptr;
    // The one on screen: a destination's stack keeps the screens under its top (another
    // destination's patient screen, say) alive and hidden.
    const auto all = m_window->findChildren<QObject *>(QLatin1String(objectName));
    for (QObject *candidate : all)
        if (auto *item = qobject_cast<QQuickItem *>(candidate); item && item->isVisible())
            return candidate;
    return all.isEmpty() ? nullptr : all.first();
}

void ScreenshotTour::capture(const QString &name, const std::function<void()> &arrange)
{
    m_lastCaptured = name;
    captureAt(name, QStringLiteral("landscape"), QSize(1280, 800), arrange);
    captureAt(name, QStringLiteral("portrait"), QSize(800, 1280), arrange);
    m_window->resize(1280, 800);
}

void ScreenshotTour::captureAt(const QString &name, const QString &orientation, const QSize &size,
                               const std::function<void()> &arrange)
{
    m_window->resize(size);
    QCoreApplication::processEvents();
    if (arrange) {
        // A grab polishes the layouts at the new size (wrapped text settles over two passes);
        // only then do heights, and so scroll positions, hold for this orientation.
        for (int pass = 0; pass < 2; ++pass) {
            (void)m_window->grabWindow();
            arrange();
            QCoreApplication::processEvents();
        }
    }
    const QImage image = m_window->grabWindow();
    const QString path =
        QDir(m_directory).filePath(QStringLiteral("%1-%2-%3.png").arg(name, orientation, m_languageCode));
    if (image.isNull() || !image.save(path)) {
        ++m_failures;
        qCWarning(lcApp, "screenshots: could not save %s", qPrintable(path));
    }
}

void ScreenshotTour::scrollDownTo(const char *objectName) const
{
    QQuickItem *flickable = qobject_cast<QQuickItem *>(find(objectName));
    while (flickable && !flickable->inherits("QQuickFlickable"))
        flickable = flickable->parentItem();
    if (flickable)
        flickable->setProperty("contentY",
                               std::max(0.0, flickable->property("contentHeight").toDouble() - flickable->height()));
}

// A tap on the first measure of the list: in portrait, its own page (trend and patients to act on).
bool ScreenshotTour::openFirstMeasure()
{
    QObject *screen = find("measuresScreen");
    QObject *model = find("measuresModel");
    if (!screen || !model || model->property("count").toInt() == 0)
        return false;
    QVariantMap m;
    if (!QMetaObject::invokeMethod(model, "row", Q_RETURN_ARG(QVariantMap, m), Q_ARG(int, 0)))
        return false;
    return QMetaObject::invokeMethod(screen, "open", Q_ARG(QString, m.value(QStringLiteral("measureId")).toString()),
                                     Q_ARG(QString, m.value(QStringLiteral("label")).toString()),
                                     Q_ARG(QVariant, m.value(QStringLiteral("trend"))),
                                     Q_ARG(bool, m.value(QStringLiteral("hasTarget")).toBool()),
                                     Q_ARG(double, m.value(QStringLiteral("target")).toDouble()),
                                     Q_ARG(double, m.value(QStringLiteral("maxValue")).toDouble()));
}

// Shows a destination of the shell at its first page, as a tap on the rail or the bottom bar does.
// A destination the signed-in role does not have in its shell (a clinician's PEG outreach) is
// pushed onto the one shown, through Main.qml's permission check.
bool ScreenshotTour::openDestination(Navigation::Destination destination)
{
    if (!m_window)
        return false;
    m_waited = 0;
    QQmlExpression show(qmlContext(m_window), m_window,
                        QStringLiteral("(function (d, screen) {"
                                       "  const i = navigation.indexOf(d);"
                                       "  if (i < 0) { open(screen, rootOf(d), {}); return true }"
                                       "  currentIndex = i; currentStack.pop(null); return true"
                                       "})(%1, \"%2\")")
                            .arg(static_cast<int>(destination))
                            .arg(Navigation::screenFor(destination)));
    return show.evaluate().toBool();
}

bool ScreenshotTour::showPatientTab(int tab)
{
    QObject *screen = find("patientScreen");
    return screen && QMetaObject::invokeMethod(screen, "showTab", Q_ARG(QVariant, tab));
}

bool ScreenshotTour::signIn(const QString &user, const QString &pin)
{
    for (const auto &u : m_session->users()->users())
        if (u.name == user || u.id == user)
            m_session->unlock(u.id, pin);
    return true;
}

// The forms the tour shows, in the order of the patient screen's "add" buttons.
QStringList ScreenshotTour::formKinds()
{
    return {QStringLiteral("visit"),          QStringLiteral("opioid"),
            QStringLiteral("benzodiazepine"), QStringLiteral("uds"),
            QStringLiteral("naloxone"),       QStringLiteral("risk_tier"),
            QStringLiteral("ltot_decision"),  QStringLiteral("goal"),
            QStringLiteral("taper_plan"),     QStringLiteral("pdmp_check"),
            QStringLiteral("refill_request"), QStringLiteral("medication_review"),
            QStringLiteral("patient"),        QStringLiteral("inactivation"),
            QStringLiteral("intake"),         QStringLiteral("oud_assessment"),
            QStringLiteral("moud_status"),    QStringLiteral("case_conference"),
            QStringLiteral("task"),           QStringLiteral("no_referral")};
}

QList<std::function<bool()>> ScreenshotTour::stepsIn(const QString &language)
{
    QList<std::function<bool()>> steps = {
        [this, language] {
            m_languageCode = language;
            m_patientId.clear();
            m_waited = 0;
            if (m_language)
                m_language->setLanguage(language);
            return true;
        },
        [this] { return find("unlockScreen") && m_session->users()->rowCount() > 0; },
        [this] {
            capture(QStringLiteral("01-sign-in"));
            return true;
        },
        [this] { return signIn(m_user, m_pin); },
        [this] { return m_session->signedIn() && find("huddleScreen") && !m_session->loading(); },
        [this] { return m_waited++ > 10; },  // let the huddle load
        [this] {
            capture(QStringLiteral("02-today"));
            m_waited = 0;
            // The first booked patient (the day's first) for the patient screen; in landscape Today
            // shows them beside the list.
            auto *list = find("huddleList");
            auto *model = list ? qvariant_cast<QAbstractItemModel *>(list->property("model")) : nullptr;
            if (model && model->rowCount() > 0)
                m_patientId = model->index(0, 0).data(HuddleModel::PatientIdRole).toString();
            return m_patientId.isEmpty() ||
                   QMetaObject::invokeMethod(find("huddleScreen"), "choose", Q_ARG(QString, m_patientId));
        },
        [this] { return m_patientId.isEmpty() || (find("patientScreen") && m_waited++ > 15); },
        [this] {
            capture(QStringLiteral("15-today-patient"));
            return openDestination(Navigation::Patients);
        },
        [this] { return find("patientListScreen") && m_waited++ > 10; },
        [this] {
            capture(QStringLiteral("03-patients"));
            m_waited = 0;
            auto *list = find("patientList");
            auto *model = list ? qvariant_cast<QAbstractItemModel *>(list->property("model")) : nullptr;
            if (m_patientId.isEmpty() && model && model->rowCount() > 0)
                m_patientId = model->index(0, 0).data(PatientListModel::PatientIdRole).toString();
            return !m_patientId.isEmpty() &&
                   QMetaObject::invokeMethod(find("patientListScreen"), "patientChosen", Q_ARG(QString, m_patientId));
        },
        [this] { return find("patientScreen") && m_waited++ > 15; },
        [this] {
            capture(QStringLiteral("04-patient"));
            m_waited = 0;
            return showPatientTab(PatientTabs::Visit);
        },
        [this] { return m_waited++ > 8; },
        [this] {
            capture(QStringLiteral("04-patient-visit"));
            m_waited = 0;
            return showPatientTab(PatientTabs::History);
        },
        [this] { return m_waited++ > 8; },
        [this] {
            capture(QStringLiteral("04-patient-history"));
            m_waited = 0;
            return showPatientTab(PatientTabs::Summary);
        },
    };
    // Every record form, opened from the patient screen as a user would, then left with Cancel;
    // the opioid form also after Save on an empty form (each field's error under it).
    for (const QString &kind : formKinds()) {
        steps += QList<std::function<bool()>>{
            [this, kind] {
                m_waited = 0;
                // Adding a patient is the same form with no patient.
                const QString patient = kind == QLatin1String("patient") ? QString() : m_patientId;
                // A decision not to refer is opened from the referral gap, with its trigger chosen.
                if (kind == QLatin1String("no_referral")) {
                    const QVariant presets = QVariantMap{{QStringLiteral("trigger"), QStringLiteral("high_dose")}};
                    return QMetaObject::invokeMethod(find("patientScreen"), "presetFormRequested", Q_ARG(QString, kind),
                                                     Q_ARG(QString, patient), Q_ARG(QVariant, presets));
                }
                return QMetaObject::invokeMethod(find("patientScreen"), "recordFormRequested", Q_ARG(QString, kind),
                                                 Q_ARG(QString, patient), Q_ARG(QString, QString()));
            },
            [this, kind] {
                // The taper plan is shown with one (empty) step, so its step editor is in the picture.
                if (kind == QLatin1String("taper_plan") && m_waited == 4 && find("recordForm"))
                    QMetaObject::invokeMethod(find("recordForm"), "addStep", Q_ARG(QString, QStringLiteral("steps")));
                // The OUD checklist's twelve yes/no rows take longer to settle their wrapped layout.
                return find("recordFormScreen") && m_waited++ > (kind == QLatin1String("oud_assessment") ? 30 : 8);
            },
            [this, kind] {
                capture(QStringLiteral("11-form-") + kind);
                m_waited = 0;
                if (kind != QLatin1String("opioid"))
                    return true;
                QObject *form = find("recordForm");
                return form && QMetaObject::invokeMethod(form, "save");
            },
            [this, kind] {
                if (kind == QLatin1String("opioid")) {
                    if (m_waited++ < 6)
                        return false;
                    capture(QStringLiteral("12-form-opioid-errors"));
                }
                return QMetaObject::invokeMethod(find("recordFormScreen"), "done", Q_ARG(QString, QString()));
            },
            [this] { return !find("recordFormScreen") && find("patientScreen"); },
        };
    }
    // The yes/no screens a clinician enters outside rooming, each from the patient screen.
    for (const QString &instrument : {QStringLiteral("ort"), QStringLiteral("pcptsd5")}) {
        steps += QList<std::function<bool()>>{
            [this, instrument] {
                m_waited = 0;
                return QMetaObject::invokeMethod(find("patientScreen"), "recordFormRequested",
                                                 Q_ARG(QString, instrument), Q_ARG(QString, m_patientId),
                                                 Q_ARG(QString, QString()));
            },
            [this] { return find("screeningFormScreen") && m_waited++ > 8; },
            [this, instrument] {
                capture(QStringLiteral("14-screening-") + instrument);
                return QMetaObject::invokeMethod(find("screeningFormScreen"), "done", Q_ARG(QString, QString()));
            },
            [this] { return !find("screeningFormScreen") && find("patientScreen"); },
        };
    }
    steps += QList<std::function<bool()>>{
        [this] {
            m_waited = 0;
            return QMetaObject::invokeMethod(find("patientScreen"), "agreementRequested", Q_ARG(QString, m_patientId),
                                             Q_ARG(QString, QStringLiteral("")), Q_ARG(QString, QString()));
        },
        [this] { return find("agreementScreen") && m_waited++ > 8; },
        [this] {
            capture(QStringLiteral("13-agreement"));
            return QMetaObject::invokeMethod(find("agreementScreen"), "done", Q_ARG(QString, QString()));
        },
        [this] { return !find("agreementScreen") && find("patientScreen"); },
        [this] {
            m_waited = 0;
            return showPatientTab(PatientTabs::Rooming);
        },
        // Rooming for that patient, then the huddle's rehearsal of a script. The patient screen
        // may still be settling after the agreement closed (it picks its role's first tab): ask
        // again until the rooming tab is the one shown.
        [this] {
            QObject *screen = find("patientScreen");
            if (!screen || screen->property("currentTab").toInt() != PatientTabs::Rooming) {
                showPatientTab(PatientTabs::Rooming);
                return false;
            }
            return find("roomingScreen") && m_waited++ > 15;
        },
        [this] {
            capture(QStringLiteral("09-rooming"));
            return openDestination(Navigation::Practise);
        },
        [this] { return find("rehearsalScreen") && m_waited++ > 10; },
        [this] {
            capture(QStringLiteral("10-rehearsal"));
            return true;
        },
        // Registry, refill-request check, PEG outreach and measures, each opened from Today.
        [this] { return openDestination(Navigation::Registry); },
        [this] { return find("registryScreen") && m_waited++ > 15; },
        [this] {
            capture(QStringLiteral("05-registry"));
            m_waited = 0;
            return QMetaObject::invokeMethod(find("registryScreen"), "resourcesRequested");
        },
        // The clinic's resource directory, with the first resource's details.
        [this] { return find("resourcesScreen") && m_waited++ > 10; },
        [this] {
            QObject *screen = find("resourcesScreen");
            QObject *directory = find("resourceDirectory");
            const QVariantList choices = directory ? directory->property("choices").toList() : QVariantList();
            if (screen && !choices.isEmpty())
                screen->setProperty("selectedId", choices.first().toMap().value(QStringLiteral("value")));
            m_waited = 0;
            return true;
        },
        [this] { return m_waited++ > 5; },
        [this] {
            capture(QStringLiteral("25-resources"));
            m_waited = 0;
            return QMetaObject::invokeMethod(find("registryScreen"), "clinicianMeetingRequested");
        },
        // The clinician meeting's list, a rendered case summary and the team's note, from Registry.
        [this] { return find("clinicianMeetingScreen") && m_waited++ > 10; },
        [this] {
            capture(QStringLiteral("16-clinician-meeting"));
            m_waited = 0;
            return m_patientId.isEmpty() ||
                   QMetaObject::invokeMethod(find("clinicianMeetingScreen"), "summaryRequested",
                                             Q_ARG(QString, m_patientId), Q_ARG(QString, QString()));
        },
        [this] {
            QObject *model = find("caseSummaryModel");
            return m_patientId.isEmpty() || (model && model->property("ready").toBool() && m_waited++ > 5);
        },
        [this] {
            if (!m_patientId.isEmpty())
                capture(QStringLiteral("17-case-summary"));
            m_waited = 0;
            return QMetaObject::invokeMethod(find("clinicianMeetingScreen"), "consultNoteRequested",
                                             Q_ARG(QString, m_patientId), Q_ARG(QString, QString()),
                                             Q_ARG(QString, QString()));
        },
        [this] {
            // One recommendation row, so its editor is in the picture.
            if (m_waited == 3 && find("addRecommendation"))
                QMetaObject::invokeMethod(find("addRecommendation"), "clicked");
            return find("consultNoteScreen") && m_waited++ > 8;
        },
        [this] {
            capture(QStringLiteral("18-consult-note"));
            m_waited = 0;
            return QMetaObject::invokeMethod(find("registryScreen"), "refillCheckRequested");
        },
        [this] { return find("refillCheckScreen") && m_waited++ > 5; },
        [this] {
            capture(QStringLiteral("06-refill-check"));
            return openDestination(Navigation::Calls);
        },
        [this] { return find("pegOutreachScreen") && m_waited++ > 15; },
        [this] {
            capture(QStringLiteral("07-peg-outreach"));
            return openDestination(Navigation::Measures);
        },
        [this] { return find("measuresScreen") && m_waited++ > 15; },
        [this] {
            capture(QStringLiteral("08-measures"));
            m_window->resize(800, 1280);
            m_waited = 0;
            return true;
        },
        [this] { return m_waited++ > 5 && openFirstMeasure(); },
        [this] { return find("measurePage") && m_waited++ > 15; },
        [this] {
            captureAt(QStringLiteral("08-measure-page"), QStringLiteral("portrait"), QSize(800, 1280));
            // Turned back to landscape, the measure shows beside the list and its page closes.
            m_window->resize(1280, 800);
            m_waited = 0;
            return true;
        },
        // The clinic's self-assessment, from Measures: answering, the results, the action plan.
        [this] {
            return m_waited++ > 5 && QMetaObject::invokeMethod(find("measuresScreen"), "selfAssessmentRequested");
        },
        [this] { return find("selfAssessmentScreen") && m_waited++ > 20; },
        [this] {
            capture(QStringLiteral("26-self-assessment"));
            m_waited = 0;
            QObject *assessment = find("selfAssessmentScreen");
            return assessment && assessment->setProperty("part", 1);  // Results
        },
        [this] { return m_waited++ > 10; },
        [this] {
            capture(QStringLiteral("27-self-assessment-results"));
            m_waited = 0;
            QObject *assessment = find("selfAssessmentScreen");
            return assessment && assessment->setProperty("part", 2);  // Action plan
        },
        [this] { return m_waited++ > 10; },
        [this] {
            capture(QStringLiteral("28-action-plan"));
            return openDestination(Navigation::Measures);
        },
        // The monthly report, from Measures: the fullest edition the role is offered, read as the PDF.
        [this] {
            return find("measuresScreen") && m_waited++ > 5 &&
                   QMetaObject::invokeMethod(find("measuresScreen"), "monthlyReportRequested");
        },
        [this] {
            QObject *report = find("monthlyReportModel");
            if (!report)
                return false;
            const QVariantList editions = report->property("editionChoices").toList();
            report->setProperty("edition", editions.last().toMap().value(QStringLiteral("value")));
            m_waited = 0;
            return QMetaObject::invokeMethod(report, "generate");
        },
        [this] {
            QObject *report = find("monthlyReportModel");
            QObject *pages = report ? report->property("pages").value<QObject *>() : nullptr;
            return pages && pages->property("ready").toBool() && m_waited++ > 20;
        },
        [this] {
            capture(QStringLiteral("29-monthly-report"));
            return true;
        },
        // Administration, signed in as an administrator.
        [this] {
            m_session->lock();
            m_waited = 0;
            return true;
        },
        [this] { return find("unlockScreen") && !m_session->loading() && m_session->users()->rowCount() > 0; },
    };
    if (m_adminUser.isEmpty())
        return steps;
    steps += QList<std::function<bool()>>{
        [this] { return signIn(m_adminUser, m_adminPin); },
        [this] { return m_session->signedIn() && find("navigation") && !m_session->loading(); },
        // The administrator lands on the measures; Administration is one of its destinations.
        [this] { return find("measuresScreen") && m_waited++ > 15; },
        [this] {
            capture(QStringLiteral("19-leader-measures"));
            return openDestination(Navigation::Administration);
        },
        [this] { return find("adminScreen") && m_waited++ > 5; },
        [this] {
            capture(QStringLiteral("20-admin"));
            m_waited = 0;
            return QMetaObject::invokeMethod(find("adminScreen"), "usersRequested");
        },
        // The user list arrives from the database thread: wait for its rows, not only the screen.
        [this] {
            QObject *list = find("adminUserList");
            return find("adminUsersScreen") && list && list->property("count").toInt() > 0 && m_waited++ > 10;
        },
        [this] {
            capture(QStringLiteral("21-admin-users"));
            m_waited = 0;
            return QMetaObject::invokeMethod(find("adminScreen"), "policyRequested");
        },
        [this] { return find("adminPolicyScreen") && m_waited++ > 10; },
        [this] {
            capture(QStringLiteral("22-admin-policy"));
            m_waited = 0;
            return QMetaObject::invokeMethod(find("adminScreen"), "enrollmentRequested");
        },
        [this] { return find("adminEnrollScreen") && m_waited++ > 10; },
        [this] {
            capture(QStringLiteral("23-admin-enrollment"));
            m_waited = 0;
            return QMetaObject::invokeMethod(find("adminScreen"), "agreementTextRequested");
        },
        [this] { return find("adminAgreementScreen") && m_waited++ > 10; },
        [this] {
            capture(QStringLiteral("24-admin-agreement"));
            m_waited = 0;
            return QMetaObject::invokeMethod(find("adminScreen"), "importRequested");
        },
        // Import: a made-up registry sheet (Windows-1252, semicolons, a bad date in row 4), mapped
        // column by column; then its preview and the row's error.
        [this] {
            QObject *screen = find("adminImportScreen");
            return screen && m_waited++ > 5 &&
                   QMetaObject::invokeMethod(screen, "openFile", Q_ARG(QUrl, QUrl::fromLocalFile(writeTourSheet())));
        },
        [this] {
            QObject *model = find("importModel");
            if (!model || model->property("columns").toStringList().isEmpty())
                return false;
            for (const auto &[field, column] : {std::pair{"name", "Patient name"},
                                                {"clinic_id", "MRN"},
                                                {"birth_date", "DOB"},
                                                {"sex", "Sex"},
                                                {"prescriber", "Provider"},
                                                {"uds_date", "Last UDS"},
                                                {"uds_result", "UDS result"}})
                QMetaObject::invokeMethod(model, "setColumn", Q_ARG(QString, QLatin1String(field)),
                                          Q_ARG(QString, QLatin1String(column)));
            QMetaObject::invokeMethod(model, "setDateFormat", Q_ARG(QString, QStringLiteral("MM/dd/yyyy")));
            m_waited = 0;
            return true;
        },
        [this] {
            QObject *model = find("importModel");
            return model && !model->property("loading").toBool() && model->property("problems").toList().size() == 1 &&
                   m_waited++ > 10;
        },
        [this] {
            capture(QStringLiteral("29-admin-import"));
            return true;
        },
        [this] {
            // Down to the preview and the error card, as a user scrolls: in each orientation, since
            // the page's height (and so where the card is) changes with the width.
            capture(QStringLiteral("30-admin-import-preview"), [this] { scrollDownTo("importProblems"); });
            m_session->lock();
            return true;
        },
        [this] { return find("unlockScreen") && !m_session->loading() && m_session->users()->rowCount() > 0; },
    };
    return steps;
}

// A registry sheet of made-up patients as a clinic's Excel saves it (Windows-1252, semicolons, a
// quoted field, US dates), with a date that does not exist in row 4, written beside the shots.
QString ScreenshotTour::writeTourSheet() const
{
    const QString text =
        QStringLiteral("Patient name;MRN;DOB;Sex;Provider;Last UDS;UDS result\r\n"
                       "Ana Núñez;MRN-2001;04/12/1961;F;\"Dr. Vélez; Rosa\";02/03/2026;expected\r\n"
                       "Björn Öberg;MRN-2002;11/30/1958;M;Dr. Whitcombe;01/15/2026;unexpected\r\n"
                       "Françoise Dubois;MRN-2003;02/30/1970;F;Dr. Whitcombe;;\r\n"
                       "Tomás García;MRN-2004;07/08/1966;M;\"Dr. Vélez; Rosa\";02/20/2026;expected\r\n");
    const QString path = QDir(m_directory).filePath(QStringLiteral("tour-registry.csv"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text.toLatin1());  // Latin-1 letters are Windows-1252's too
    return path;
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    m_steps = stepsIn(QStringLiteral("en"));
    if (m_language)
        m_steps += stepsIn(QStringLiteral("es"));
    m_stepClock.start();
    next();
}

namespace {
// The slowest step (the monthly report, a first list) takes seconds on a loaded machine.
constexpr int kLongestStepMs = 120000;
}  // namespace

void ScreenshotTour::next()
{
    if (m_steps.isEmpty()) {
        emit finished(m_failures == 0 ? 0 : 1);
        return;
    }
    if (m_steps.first()()) {
        m_steps.removeFirst();
        ++m_stepNumber;
        m_stepClock.restart();
    } else if (m_stepClock.hasExpired(kLongestStepMs)) {
        qWarning("screenshot tour: step %d (after the screen %s) was not ready within %d s; the tour stops",
                 m_stepNumber, qPrintable(m_lastCaptured), kLongestStepMs / 1000);
        emit finished(1);
        return;
    }
    QTimer::singleShot(50, this, &ScreenshotTour::next);
}

}  // namespace cairn::app
