// The case conference through the real app (issue 18 "Done when"), all by taps and typed text on a
// real encrypted registry: a clinician signs in on the keypad, writes the question for the team in
// the patient screen's form; the registry's "Clinician meeting" lists it and it is scheduled for a
// meeting's date; its case summary opens on the tablet and "Save as PDF" writes it through the save
// dialog, which opens in the user's Documents folder, only to the file named there, where pdftotext
// finds the patient's regimen, MME, PEG trend, open gaps and the urine test's result in words; in
// Spanish the screen and the PDF give that result in the same Spanish words. The PDF reader's own
// "Save as PDF" saves through the same dialog. The team's note is typed on its screen with four
// recommendations (a task, a referral, a goal, a taper step) made into records; the task is in the
// patient screen's history, and the registry manager sees it as overdue on the clinician meeting
// screen. The task is also on the registry manager's Today and is their TASK_OVERDUE gap, until
// they mark it done there; another is marked done from the gap's card on the patient screen.
// Buttons are scrolled into view and tapped, as a user does.

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "qml/app/language.h"
#include "qml/app/session.h"
#include "tests/qml/quick_driver.h"
#include "tests/qml/registry_answer.h"
#include "tests/qml/save_dialog.h"
#include "tests/qml/sign_in.h"
#include "tests/support/app_fixture.h"
#include "tests/support/pdf_text.h"

#include <QDir>
#include <QFile>
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

// A step of the test done by a helper: the test stops at the first that fails.
#define STEP(step)                                                                                                     \
    do {                                                                                                               \
        step;                                                                                                          \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

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
    // HOME, with the Documents folder the save dialog opens in.
    testing::DocumentsHome m_home;
    QTemporaryDir m_out;

    template <typename R> R onDatabase(std::function<R(registry::Registry *)> job)
    {
        return testing::answerFrom<R>(*m_app->session().services().thread, this, std::move(job));
    }
    domain::Patient stored() { return testing::storedPatient(*m_app->session().services().thread, this, m_patientId); }
    // Shows the destination's first page, as a tap on the rail does (a second tap when the
    // destination still shows a page pushed earlier).
    void showDestination(const QString &destination, const QString &firstPage)
    {
        QVERIFY2(testing::tapNamedInView(m_window, destination), qPrintable(destination));
        if (!testing::waitFor([&] { return testing::findItem(m_window, firstPage) != nullptr; }, 3000))
            QVERIFY2(testing::tapNamedInView(m_window, destination), qPrintable(destination));
        QVERIFY2(testing::waitFor([&] { return testing::findItem(m_window, firstPage) != nullptr; }),
                 qPrintable(firstPage));
    }
    void openPatient()
    {
        STEP(showDestination(QStringLiteral("nav_patients"), QStringLiteral("patientListScreen")));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("patient_") + m_patientId));
        QVERIFY(testing::waitFor([&] {
            QQuickItem *shown = testing::findItem(m_window, QStringLiteral("patientName"));
            return shown && shown->property("text").toString() == QStringLiteral("Dana Whitfield");
        }));
    }
    // The registry's "Clinician meeting".
    void openClinicianMeeting()
    {
        STEP(showDestination(QStringLiteral("nav_registry"), QStringLiteral("registryScreen")));
        QVERIFY(testing::tapWhenReady(m_window, QStringLiteral("clinicianMeetingButton")));
        QVERIFY(testing::waitFor(
            [&] { return testing::findItem(m_window, QStringLiteral("clinicianMeetingScreen")) != nullptr; }));
    }
    void typeNamed(const QString &name, const QString &text)
    {
        QVERIFY2(testing::typeInto(m_window, name, text), qPrintable(name));
    }
    void chooseDate(const QString &name, const QDate &day)
    {
        QVERIFY2(testing::chooseDate(m_window, name, day), qPrintable(name));
    }
    void tapChip(const QString &name, const QString &text)
    {
        QVERIFY2(testing::tapChip(m_window, name, text), qPrintable(name + QStringLiteral(": ") + text));
    }
    // "Add a recommendation" on the team's note: what it becomes, and its words.
    void addRecommendation(int index, const QString &becomes, const QString &text)
    {
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("addRecommendation")));
        STEP(tapChip(QStringLiteral("recommendationKind_%1").arg(index), becomes));
        STEP(typeNamed(QStringLiteral("recommendationText_%1").arg(index), text));
    }
    // Where the app was started: Qt's own default folder for its dialogs, not where Cairn's opens.
    QString startFolder() const { return m_out.filePath(QStringLiteral("started-here")); }
    QString documents() const { return m_home.documents(); }
    QString saveInDialog(const QString &button, const QString &fileName)
    {
        return testing::saveInDialog(m_window, button, documents(), fileName);
    }
    // What the shown screen says about its last action.
    QString visibleMessage()
    {
        for (const char *name : {"consultNoteMessage", "summaryMessage", "meetingMessage"})
            if (QQuickItem *label = testing::findItem(m_window, QLatin1String(name)))
                return label->property("text").toString();
        return {};
    }
    QObject *meetingModel() { return m_app->find(QStringLiteral("clinicianMeetingModel")); }
    // The shown summary and its PDF (the one "Save as PDF" writes) in Spanish, then back to English.
    void resultsInSpanish(QObject *summary)
    {
        app::Language &language = m_app->app().language();
        QVERIFY(language.setLanguage(QStringLiteral("es")));
        const QString words = QStringLiteral("distinto de lo esperado");
        const bool shown = testing::waitFor(
            [&] { return !testing::visibleTexts(m_window).filter(QStringLiteral("orina: ") + words).isEmpty(); });
        const QStringList texts = testing::visibleTexts(m_window);
        QByteArray pdf;
        QMetaObject::invokeMethod(summary, "pdf", Q_RETURN_ARG(QByteArray, pdf));
        QVERIFY(language.setLanguage(QStringLiteral("en")));
        QVERIFY2(shown, qPrintable(texts.join(u'|')));
        QFile file(m_out.filePath(QStringLiteral("resumen.pdf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf);
        file.close();
        const QString text = testing::pdfText(file.fileName());
        // The whole PDF is Spanish, as the tablet is: headings, the check's name, dates.
        for (const QString &phrase :
             {QStringLiteral("Pruebas de drogas en orina y consultas al PDMP"), QStringLiteral("Prueba de drogas en"),
              words + QStringLiteral(": cocaine"), QStringLiteral("Brechas de atención abiertas el 10 mar 2026")})
            QVERIFY2(text.contains(squeezed(phrase)), qPrintable(phrase + QStringLiteral(" in ") + text.left(2000)));
        for (const QString &english :
             {QStringLiteral("not as expected"), QStringLiteral("Urine drug tests"), QStringLiteral("Open care gaps")})
            QVERIFY2(!text.contains(squeezed(english)), qPrintable(english));
        // Back in English, the screen is too.
        QVERIFY(testing::waitFor([&] {
            return !testing::visibleTexts(m_window).filter(QStringLiteral("urine test: not as expected")).isEmpty();
        }));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        QVERIFY(m_home.isValid());
        // Started from a folder of its own, Qt's default for a dialog: Cairn's opens in Documents.
        QVERIFY(QDir(m_out.path()).mkpath(startFolder()));
        QVERIFY(QDir::setCurrent(startFolder()));
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
        QVERIFY(testing::signInOnKeypad(m_window, m_app->session(), m_app->userId(kClinician), kClinicianPin));
        // From the patient screen: "Ask the team", the record form for a case conference, filled in
        // by typing the question and choosing the day.
        STEP(openPatient());
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("add_case_conference")));
        QVERIFY(testing::waitFor([&] { return m_app->find(QStringLiteral("recordForm")) != nullptr; }));
        STEP(typeNamed(QStringLiteral("field_question"), kQuestion));
        STEP(chooseDate(QStringLiteral("field_date"), m_app->today()));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("formSave")));
        QVERIFY(testing::waitFor([&] { return stored().caseConferences.size() == 1; }));
        QCOMPARE(stored().caseConferences.first().question, kQuestion);
        QCOMPARE(stored().caseConferences.first().date, m_app->today());
        QString conference = stored().caseConferences.first().meta.id.toString(QUuid::WithoutBraces);

        // The clinician meeting's list, from the registry; scheduled for Friday's meeting.
        STEP(openClinicianMeeting());
        QVERIFY(testing::waitFor([&] { return meetingModel() && meetingModel()->property("count").toInt() == 1; }));
        STEP(chooseDate(QStringLiteral("meetingDate_") + conference, QDate(2026, 3, 13)));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("schedule_") + conference));
        QVERIFY(testing::waitFor(
            [&] { return stored().caseConferences.first().status == domain::ConferenceStatus::Scheduled; }));
        QCOMPARE(stored().caseConferences.first().meetingDate, QDate(2026, 3, 13));
        // Each change is a new version of the record: the list now names the one in force.
        conference = stored().caseConferences.first().meta.id.toString(QUuid::WithoutBraces);
        QVERIFY(testing::waitFor(
            [&] { return testing::findItem(m_window, QStringLiteral("consultNote_") + conference, false); }));

        // The summary on the tablet (the card's "Case summary"), then "Save as PDF" into the folder
        // the save dialog offers, under the name typed there.
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
        // Results in words, not Cairn's stored values.
        QVERIFY2(testing::visibleTexts(m_window).filter(QStringLiteral("urine test: not as expected")).size() > 0,
                 qPrintable(testing::visibleTexts(m_window).join(u'|')));
        const QString file = saveInDialog(QStringLiteral("savePdf"), QStringLiteral("dana-whitfield.pdf"));
        QVERIFY2(!file.isEmpty(),
                 "the save dialog: its file name field, its Save button once a name is typed, or closing");
        QVERIFY2(testing::waitFor([&] {
                     return testing::visibleTexts(m_window).contains(
                         QStringLiteral("✓ Summary saved to %1.").arg(file));
                 }),
                 qPrintable(visibleMessage() + QStringLiteral(" / ") + QDir(documents()).entryList().join(u',')));
        QVERIFY(testing::isPdfFile(file));
        const QString text = testing::pdfText(file);
        QVERIFY(!text.isEmpty());
        for (const QString &phrase :
             {kQuestion, QStringLiteral("Current regimen: 135.0 MME/day"), QStringLiteral("oxycodone"),
              QStringLiteral("PEG trend"), QStringLiteral("Baseline 7.0 on 1 Dec 2025; latest 6.0"),
              QStringLiteral("30% better than baseline (4.9)"), QStringLiteral("Open care gaps on 10 Mar 2026"),
              QStringLiteral("HIGH_DOSE"), QStringLiteral("UDS_UNEXPECTED"),
              QStringLiteral("20 Feb 2026 Urine drug test not as expected: cocaine")})
            QVERIFY2(text.contains(squeezed(phrase)), qPrintable(phrase));
        // Written only where chosen: Documents holds that one file, the folder the app started in none.
        QCOMPARE(QDir(documents()).entryList(QDir::Files), QStringList{QStringLiteral("dana-whitfield.pdf")});
        QVERIFY(QDir(startFolder()).entryList(QDir::Files).isEmpty());

        // In Spanish the screen and the PDF say the result in the same Spanish words.
        STEP(resultsInSpanish(summary));

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
        // The reader's own "Save as PDF": through the same dialog, in Documents.
        const QString fromReader = saveInDialog(QStringLiteral("pdfReaderSave"), QStringLiteral("from-reader.pdf"));
        QVERIFY2(!fromReader.isEmpty(), "the reader's save dialog");
        QVERIFY2(testing::waitFor([&] {
                     return testing::visibleTexts(m_window).contains(QStringLiteral("Saved to %1.").arg(fromReader));
                 }),
                 qPrintable(QDir(documents()).entryList().join(u',')));
        QVERIFY(testing::isPdfFile(fromReader));
        QVERIFY(testing::pdfText(fromReader).contains(squeezed(kQuestion)));

        // Back twice (the reader, the summary) to the meeting's list; the team's note on its screen.
        QVERIFY(testing::tapWhenReady(m_window, QStringLiteral("backButton")));
        QVERIFY(testing::waitFor([&] { return !testing::findItem(m_window, QStringLiteral("pdfReaderScreen")); }));
        QVERIFY(testing::tapWhenReady(m_window, QStringLiteral("backButton")));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("consultNote_") + conference));
        QVERIFY(testing::waitFor([&] { return m_app->find(QStringLiteral("consultNoteModel")) != nullptr; }));
        STEP(typeNamed(QStringLiteral("consultNoteText"), QStringLiteral("Taper slowly; offer addiction medicine.")));
        // Four recommendations, each added, then what it becomes chosen and its details typed.
        STEP(addRecommendation(0, QStringLiteral("Task"), QStringLiteral("Request the prior prescriber's records")));
        STEP(tapChip(QStringLiteral("recommendationOwner_0"), QStringLiteral("Registry manager")));
        STEP(chooseDate(QStringLiteral("recommendationDue_0"), QDate(2026, 3, 8)));
        STEP(addRecommendation(1, QStringLiteral("Referral"), QStringLiteral("Addiction medicine assessment")));
        STEP(typeNamed(QStringLiteral("recommendationReferralType_1"), QStringLiteral("addiction_medicine")));
        STEP(addRecommendation(2, QStringLiteral("Goal"), QStringLiteral("Walk to the mailbox and back every day")));
        STEP(addRecommendation(3, QStringLiteral("Taper step"), QStringLiteral("25 mg three times a day")));
        STEP(chooseDate(QStringLiteral("recommendationDue_3"), QDate(2026, 4, 1)));
        STEP(typeNamed(QStringLiteral("recommendationTarget_3"), QStringLiteral("112.5")));
        STEP(typeNamed(QStringLiteral("consultScripts"), QStringLiteral("tapering")));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("recordConsultNote")));
        QVERIFY2(testing::waitFor([&] { return stored().tasks.size() == 1; }), qPrintable(visibleMessage()));
        const domain::Patient after = stored();
        QVERIFY(after.caseConferences.first().status == domain::ConferenceStatus::Discussed);
        QCOMPARE(after.tasks.first().text, QStringLiteral("Request the prior prescriber's records"));
        QCOMPARE(after.tasks.first().ownerRole, QStringLiteral("registry_manager"));
        QCOMPARE(after.tasks.first().due, QDate(2026, 3, 8));
        QCOMPARE(after.referrals.size(), 1);
        QCOMPARE(after.goals.size(), 1);
        QCOMPARE(after.goals.first().goal, QStringLiteral("Walk to the mailbox and back every day"));
        QCOMPARE(after.taperPlans.size(), 1);
        QCOMPARE(after.taperPlans.first().steps.size(), 1);
        QCOMPARE(after.taperPlans.first().steps.first().targetMmePerDay, 112.5);
        // The screen went back to the list, which no longer holds the conference.
        QVERIFY(testing::waitFor([&] { return m_app->find(QStringLiteral("consultNoteScreen")) == nullptr; }));

        // The recommendation is a task on the patient's screen, in the record's history.
        STEP(openPatient());
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("tab_history")));
        QVERIFY(testing::waitFor([&] {
            const QStringList texts = testing::visibleTexts(m_window);
            return std::any_of(texts.cbegin(), texts.cend(), [](const QString &t) {
                return t.startsWith(QStringLiteral("Request the prior prescriber's records · Registry manager"));
            });
        }));

        // The task is the registry manager's, overdue on the day, on their clinician meeting screen.
        QVERIFY(testing::signInOnKeypad(m_window, m_app->session(), m_app->userId(kManager), kManagerPin));
        STEP(openClinicianMeeting());
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
        QVERIFY2(stored().tasks.size() == 1, "the team's note made one task");
        const QString task = stored().tasks.first().meta.id.toString(QUuid::WithoutBraces);
        STEP(showDestination(QStringLiteral("nav_today"), QStringLiteral("huddleScreen")));
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
