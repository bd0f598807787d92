// The case conference through the real app (issue 18 "Done when"): on a real encrypted registry a
// clinician asks the team a question from the patient screen's form; the registry's "Clinician
// meeting" lists it; scheduled for a meeting, its case summary opens on the tablet and is saved as a
// PDF only where chosen, and pdftotext finds the patient's regimen, MME, PEG trend and open gaps in
// it; the team's note, recorded on its screen, comes back as a task that the registry manager sees
// as overdue on the same screen, and as a referral, a goal and a taper step in the record. The task
// is also on the registry manager's Today and is their TASK_OVERDUE gap, until they mark it done
// there; another is marked done from the gap's card on the patient screen. The screens' own buttons are tapped
// (scrolled into view first), as a user does.

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "qml/app/navigation.h"
#include "qml/app/session.h"
#include "tests/qml/quick_driver.h"
#include "tests/qml/registry_answer.h"
#include "tests/qml/sign_in.h"
#include "tests/support/app_fixture.h"
#include "tests/support/pdf_text.h"

#include <QFile>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;
using testing::squeezed;

namespace {

const QString kClinician = QStringLiteral("Casey Clinician");
const QString kClinicianPin = QStringLiteral("1357");
const QString kManager = QStringLiteral("Riley Registry");
const QString kManagerPin = QStringLiteral("2468");
const QString kQuestion = QStringLiteral("Should we taper her oxycodone after the unexpected urine result?");

domain::Patient danaWhitfield()
{
    domain::Patient p;
    p.clinicId = QStringLiteral("C-418");
    p.name = QStringLiteral("Dana Whitfield");
    p.birthDate = QDate(1961, 6, 14);
    p.sex = domain::Sex::Female;
    p.prescriber = QStringLiteral("Dr. Casey");
    p.ltotStart = QDate(2025, 6, 1);
    domain::OpioidEntry oxycodone;
    oxycodone.drug = QStringLiteral("oxycodone");
    oxycodone.strengthMg = 30;
    oxycodone.dosesPerDay = 3;
    oxycodone.start = QDate(2025, 12, 1);
    p.opioids << oxycodone;
    p.peg << domain::PegScore{{}, QDate(2025, 12, 1), 8, 7, 6} << domain::PegScore{{}, QDate(2026, 2, 20), 6, 6, 6};
    p.uds << domain::UrineDrugScreen{
        {}, QDate(2026, 2, 20), domain::UdsResult::Unexpected, {QStringLiteral("cocaine")}};
    return p;
}

}  // namespace

class TestCaseConferenceApp : public QObject {
    Q_OBJECT

    std::unique_ptr<testing::AppFixture> m_app;
    QQuickWindow *m_window = nullptr;
    QString m_patientId;
    QTemporaryDir m_out;

    template <typename R> R onDatabase(std::function<R(registry::Registry *)> job)
    {
        return testing::answerFrom<R>(*m_app->session().services().thread, this, std::move(job));
    }
    domain::Patient stored() { return testing::storedPatient(*m_app->session().services().thread, this, m_patientId); }
    bool signIn(const QString &name, const QString &pin)
    {
        return testing::signInDirectly(m_app->session(), m_app->userId(name), pin);
    }
    // Runs a function of Main.qml's window (its navigation), as a tap on the rail does.
    bool evaluate(const QString &expression)
    {
        QQmlExpression e(qmlContext(m_window), m_window, expression);
        e.evaluate();
        return !e.hasError();
    }
    bool openRegistry()
    {
        return evaluate(QStringLiteral("(function () { const i = navigation.indexOf(%1); currentIndex = i;"
                                       " currentStack.pop(null) })()")
                            .arg(static_cast<int>(app::Navigation::Registry))) &&
               testing::tapWhenReady(m_window, QStringLiteral("clinicianMeetingButton"));
    }
    QObject *meetingModel() { return m_app->find(QStringLiteral("clinicianMeetingModel")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "poppler-utils (pdftotext) is needed: tools/install-deps.sh installs it");
        testing::AppFixtureOptions options;
        options.users = {{kClinician, keys::Role::Clinician, kClinicianPin},
                         {kManager, keys::Role::RegistryManager, kManagerPin}};
        options.patients = {danaWhitfield()};
        QString error;
        m_app = testing::AppFixture::make(options, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_window = m_app->window();
        QVERIFY(m_window);
        m_patientId = m_app->patientIds().value(0);
        QVERIFY(!m_patientId.isEmpty());
    }

    void aRequestBecomesASummaryAndTheTeamsNoteComesBackAsTasks()
    {
        QVERIFY(signIn(kClinician, kClinicianPin));
        // From the patient screen: "Ask the team", the generic record form for a case conference.
        QVERIFY(
            evaluate(QStringLiteral("(function () { currentIndex = navigation.indexOf(%1); currentStack.pop(null) })()")
                         .arg(static_cast<int>(app::Navigation::Patients))));
        QVERIFY(testing::waitFor([&] { return m_app->find(QStringLiteral("patientListScreen")) != nullptr; }));
        QVERIFY(testing::tapWhenReady(m_window, QStringLiteral("patient_") + m_patientId));
        // "Ask the team", below the fold of the patient screen: scrolled into view, then tapped.
        QVERIFY(testing::waitFor(
            [&] { return testing::findItem(m_window, QStringLiteral("add_case_conference"), false); }));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("add_case_conference")));
        QObject *form = nullptr;
        QVERIFY(testing::waitFor([&] { return (form = m_app->find(QStringLiteral("recordForm"))) != nullptr; }));
        QVERIFY(QMetaObject::invokeMethod(form, "setValue", Q_ARG(QString, QStringLiteral("question")),
                                          Q_ARG(QVariant, kQuestion)));
        QVERIFY(QMetaObject::invokeMethod(form, "setValue", Q_ARG(QString, QStringLiteral("date")),
                                          Q_ARG(QVariant, m_app->today().toString(Qt::ISODate))));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("formSave")));
        QVERIFY(testing::waitFor([&] { return stored().caseConferences.size() == 1; }));
        QString conference = stored().caseConferences.first().meta.id.toString(QUuid::WithoutBraces);

        // The clinician meeting's list, from the registry; scheduled for Friday's meeting.
        QVERIFY(openRegistry());
        QVERIFY(testing::waitFor([&] { return meetingModel() && meetingModel()->property("count").toInt() == 1; }));
        QQuickItem *date = nullptr;
        QVERIFY(testing::waitFor(
            [&] { return (date = testing::findItem(m_window, QStringLiteral("meetingDate_") + conference)); }));
        QVERIFY(date->setProperty("date", QDateTime(QDate(2026, 3, 13), QTime(12, 0))));
        QVERIFY(testing::tapWhenReady(m_window, QStringLiteral("schedule_") + conference));
        QVERIFY(testing::waitFor(
            [&] { return stored().caseConferences.first().status == domain::ConferenceStatus::Scheduled; }));
        QCOMPARE(stored().caseConferences.first().meetingDate, QDate(2026, 3, 13));
        // Each change is a new version of the record: the list now names the one in force.
        conference = stored().caseConferences.first().meta.id.toString(QUuid::WithoutBraces);
        QVERIFY(testing::waitFor(
            [&] { return testing::findItem(m_window, QStringLiteral("consultNote_") + conference, false); }));

        // The summary on the tablet (the card's "Case summary"), then saved as a PDF where the user chose.
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("summary_") + conference));
        QObject *summary = nullptr;
        QVERIFY(testing::waitFor([&] {
            summary = m_app->find(QStringLiteral("caseSummaryModel"));
            return summary && summary->property("ready").toBool();
        }));
        QVERIFY(testing::waitFor([&] {
            return testing::visibleTexts(m_window).contains(QStringLiteral("Current regimen: 135.0 MME/day"));
        }));
        QVERIFY(testing::visibleTexts(m_window).contains(kQuestion));
        const QString file = m_out.filePath(QStringLiteral("dana-whitfield.pdf"));
        QVERIFY(QMetaObject::invokeMethod(summary, "savePdf", Q_ARG(QUrl, QUrl::fromLocalFile(file))));
        QVERIFY(QFile::exists(file));
        const QString text = testing::pdfText(file);
        QVERIFY(!text.isEmpty());
        for (const QString &phrase :
             {kQuestion, QStringLiteral("Current regimen: 135.0 MME/day"), QStringLiteral("oxycodone"),
              QStringLiteral("PEG trend"), QStringLiteral("Baseline 7.0 on 2025-12-01; latest 6.0"),
              QStringLiteral("30% better than baseline (4.9)"), QStringLiteral("Open care gaps on 2026-03-10"),
              QStringLiteral("HIGH_DOSE"), QStringLiteral("UDS_UNEXPECTED")})
            QVERIFY2(text.contains(squeezed(phrase)), qPrintable(phrase));

        // "View as PDF": the same document read on the tablet from memory, page 1 drawn.
        QVERIFY(testing::tapWhenReady(m_window, QStringLiteral("viewPdf")));
        QObject *reader = nullptr;
        QVERIFY(testing::waitFor([&] {
            reader = m_app->find(QStringLiteral("pdfReaderPages"));
            return reader && reader->property("pageCount").toInt() > 0;
        }));
        QString firstPage;
        QVERIFY(QMetaObject::invokeMethod(reader, "pageText", Q_RETURN_ARG(QString, firstPage), Q_ARG(int, 0)));
        QVERIFY2(squeezed(firstPage).contains(squeezed(kQuestion)), qPrintable(firstPage.left(300)));
        QVERIFY(testing::waitFor([&] {
            QQuickItem *page = testing::findItem(m_window, QStringLiteral("pdfPage_0"));
            return page && page->property("rendered").toBool();
        }));
        QVERIFY(evaluate(QStringLiteral("currentStack.pop()")));

        // The team's note on its screen: four recommendations, made into records together.
        QVERIFY(evaluate(QStringLiteral("currentStack.pop()")));
        QVERIFY(testing::waitFor(
            [&] { return testing::findItem(m_window, QStringLiteral("consultNote_") + conference, false); }));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("consultNote_") + conference));
        QObject *note = nullptr;
        QVERIFY(testing::waitFor([&] { return (note = m_app->find(QStringLiteral("consultNoteModel"))) != nullptr; }));
        const QVariantList recommendations{
            QVariantMap{{QStringLiteral("kind"), QStringLiteral("task")},
                        {QStringLiteral("text"), QStringLiteral("Request the prior prescriber's records")},
                        {QStringLiteral("owner_role"), QStringLiteral("registry_manager")},
                        {QStringLiteral("due"), QStringLiteral("2026-03-08")}},
            QVariantMap{{QStringLiteral("kind"), QStringLiteral("referral")},
                        {QStringLiteral("text"), QStringLiteral("Addiction medicine assessment")},
                        {QStringLiteral("referral_type"), QStringLiteral("addiction_medicine")}},
            QVariantMap{{QStringLiteral("kind"), QStringLiteral("goal")},
                        {QStringLiteral("text"), QStringLiteral("Walk to the mailbox and back every day")}},
            QVariantMap{{QStringLiteral("kind"), QStringLiteral("taper_step")},
                        {QStringLiteral("text"), QStringLiteral("25 mg three times a day")},
                        {QStringLiteral("due"), QStringLiteral("2026-04-01")},
                        {QStringLiteral("target_mme_per_day"), 112.5}}};
        QVERIFY(QMetaObject::invokeMethod(note, "recordConsultNote", Q_ARG(QString, conference),
                                          Q_ARG(QString, QStringLiteral("Taper slowly; offer addiction medicine.")),
                                          Q_ARG(QVariantList, recommendations),
                                          Q_ARG(QStringList, QStringList{QStringLiteral("tapering")})));
        QVERIFY2(testing::waitFor([&] { return stored().tasks.size() == 1; }),
                 qPrintable(note->property("message").toString()));
        const domain::Patient after = stored();
        QVERIFY(after.caseConferences.first().status == domain::ConferenceStatus::Discussed);
        QCOMPARE(after.referrals.size(), 1);
        QCOMPARE(after.goals.size(), 1);
        QCOMPARE(after.taperPlans.size(), 1);
        QCOMPARE(after.taperPlans.first().steps.size(), 1);
        // The screen went back to the list, which no longer holds the conference.
        QVERIFY(testing::waitFor([&] { return m_app->find(QStringLiteral("consultNoteScreen")) == nullptr; }));

        // The task is the registry manager's, overdue on the day, on their clinician meeting screen.
        QVERIFY(signIn(kManager, kManagerPin));
        QVERIFY(openRegistry());
        QVERIFY(
            testing::waitFor([&] { return meetingModel() && meetingModel()->property("tasks").toList().size() == 1; }));
        QVERIFY(testing::waitFor([&] {
            const QStringList texts = testing::visibleTexts(m_window);
            return texts.contains(QStringLiteral("Request the prior prescriber's records")) &&
                   texts.contains(QStringLiteral("Overdue since %1")
                                      .arg(QLocale().toString(QDate(2026, 3, 8), QLocale::ShortFormat)));
        }));
        QCOMPARE(meetingModel()->property("count").toInt(), 0);
    }

    void theTaskIsOnItsOwnersTodayAndTheirGapUntilDone()
    {
        const QString task = stored().tasks.first().meta.id.toString(QUuid::WithoutBraces);
        QVERIFY(
            evaluate(QStringLiteral("(function () { currentIndex = navigation.indexOf(%1); currentStack.pop(null) })()")
                         .arg(static_cast<int>(app::Navigation::Today))));
        QVERIFY(testing::waitFor([&] { return testing::findItem(m_window, QStringLiteral("todayTask_") + task); }));
        QVERIFY(testing::visibleTexts(m_window).contains(QStringLiteral("Request the prior prescriber's records")));
        // Its patient, a tap away: the overdue task is the registry manager's gap there.
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("todayTaskPatient_") + task));
        QQuickItem *gap = nullptr;
        QVERIFY(testing::waitFor(
            [&] { return (gap = testing::findItem(m_window, QStringLiteral("gapCard_TASK_OVERDUE"), false)); }));
        QCOMPARE(gap->property("ownerLabel").toString(), QStringLiteral("For: Registry manager"));

        // Marked done on Today: the task's next version; it leaves Today and the gap goes.
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("todayTaskDone_") + task));
        QVERIFY(testing::waitFor([&] { return stored().tasks.first().status == domain::TaskStatus::Done; }));
        QVERIFY(
            testing::waitFor([&] { return !testing::findItem(m_window, QStringLiteral("todayTask_") + task, false); }));
        QVERIFY(testing::waitFor(
            [&] { return !testing::findItem(m_window, QStringLiteral("gapCard_TASK_OVERDUE"), false); }));
        auto history = onDatabase<Result<QList<domain::RecordEnvelope>>>(
            [id = m_patientId](registry::Registry *r) { return r->patientHistory(id); });
        QVERIFY(history);
        QCOMPARE(std::count_if(history->cbegin(), history->cend(),
                               [](const auto &e) { return e.kind == QLatin1String("task"); }),
                 2);
    }

    // The patient screen's TASK_OVERDUE card offers "Mark done" for each of its tasks, the same
    // write as Today's; once the last is done, the gap goes.
    void anOverdueTaskIsMarkedDoneFromThePatientsGapCard()
    {
        domain::Task task;
        task.date = m_app->today().addDays(-10);
        task.text = QStringLiteral("Call the pharmacy about the last fill");
        task.ownerRole = QStringLiteral("registry_manager");
        task.due = m_app->today().addDays(-2);
        auto id = onDatabase<Result<QString>>(
            [patientId = m_patientId, task](registry::Registry *r) { return r->addRecord(patientId, task); });
        QVERIFY2(id, id ? "" : qPrintable(id.error().line()));
        m_app->session().noteDataChanged();
        QQuickItem *gap = nullptr;
        QVERIFY(testing::waitFor(
            [&] { return (gap = testing::findItem(m_window, QStringLiteral("gapCard_TASK_OVERDUE"), false)); }));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("markTaskDone_") + *id));
        const auto taskNow = [&] {
            for (const domain::Task &t : stored().tasks)
                if (t.text == task.text)
                    return t;
            return domain::Task{};
        };
        QVERIFY(testing::waitFor([&] { return taskNow().status == domain::TaskStatus::Done; }));
        QCOMPARE(taskNow().meta.supersedes.toString(QUuid::WithoutBraces), *id);
        QVERIFY(testing::waitFor(
            [&] { return !testing::findItem(m_window, QStringLiteral("gapCard_TASK_OVERDUE"), false); }));
    }
};

QTEST_MAIN(TestCaseConferenceApp)
#include "test_case_conference_app.moc"
