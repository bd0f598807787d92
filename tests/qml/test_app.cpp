// The real QML app on the offscreen platform over a real encrypted registry: sign in with a PIN,
// see the patients, search them, lock; five wrong PINs lock the user out. The view models pass
// QAbstractItemModelTester.

#include "core/clinical/mme.h"
#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/registry/registry_thread.h"
#include "core/storage/database.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"
#include "qml/app/language.h"
#include "qml/app/session.h"
#include "qml/huddle/huddle_model.h"
#include "qml/patient/patient_history.h"
#include "qml/patient/patient_tabs.h"
#include "qml/patient/patient_view_model.h"
#include "qml/patient/prompt_list_model.h"
#include "qml/scripts/script_library_model.h"
#include "qml/worklists/patient_list_model.h"
#include "tests/qml/quick_driver.h"
#include "tests/support/app_fixture.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;

class TestApp : public QObject {
    Q_OBJECT

    // The app as main() builds it (session, database thread, sync, language, engine), over a seeded
    // clinic, on a fixed day.
    std::unique_ptr<testing::AppFixture> m_app;
    app::Session *m_session = nullptr;
    QQmlApplicationEngine *m_engine = nullptr;
    QString m_clinicianId;
    QString m_nurseId;

    QObject *find(const char *name) const
    {
        return m_engine->rootObjects().first()->findChild<QObject *>(QLatin1String(name));
    }

private slots:
    void initTestCase()
    {
        testing::AppFixtureOptions options;
        options.users = {{QStringLiteral("Casey Clinician"), keys::Role::Clinician, QStringLiteral("1357")},
                         {QStringLiteral("Nico Nurse"), keys::Role::Nurse, QStringLiteral("3579")}};
        synthetic::Options clinic;
        clinic.patients = 25;
        clinic.seed = 9;
        options.clinic = clinic;  // booked around the fixture's day, which the app shows as today
        QString error;
        m_app = testing::AppFixture::make(options, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_clinicianId = m_app->userId(QStringLiteral("Casey Clinician"));
        m_nurseId = m_app->userId(QStringLiteral("Nico Nurse"));
        m_session = &m_app->session();
        m_engine = &m_app->engine();
        QVERIFY(find("unlockScreen"));
        QTRY_COMPARE(m_session->users()->rowCount(), 3);
    }

    void userListModelIsAWellBehavedModel()
    {
        QAbstractItemModelTester tester(m_session->users(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_session->refreshUsers();
        QTRY_COMPARE(m_session->users()->rowCount(), 3);
        QCOMPARE(m_session->users()->data(m_session->users()->index(1), app::UserListModel::NameRole).toString(),
                 QStringLiteral("Casey Clinician"));
    }

    void signingInShowsWhoAndThePatients()
    {
        m_session->unlock(m_clinicianId, QStringLiteral("1357"));
        QTRY_VERIFY(!m_session->loading());
        QVERIFY2(m_session->signedIn(), qPrintable(m_session->message()));
        QVERIFY(!m_session->loading());
        QCOMPARE(m_session->userName(), QStringLiteral("Casey Clinician"));
        // A clinician lands on Today (the huddle); Patients in the navigation rail opens the full list.
        QTRY_VERIFY(find("huddleScreen"));
        QVERIFY(testing::tapWhenReady(m_app->window(), QStringLiteral("nav_patients")));
        QTRY_VERIFY(find("patientListScreen"));
        auto *list = qobject_cast<QQuickItem *>(find("patientList"));
        QVERIFY(list);
        QTRY_COMPARE(list->property("count").toInt(), 25);
        auto *signedIn = find("signedInLabel");
        QVERIFY(signedIn);
        QVERIFY(signedIn->property("text").toString().contains(QStringLiteral("Casey Clinician")));
    }

    void patientModelFiltersAndPassesTheModelTester()
    {
        app::PatientListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session);
        QTRY_COMPARE(model.rowCount(), 25);
        const QString name = model.data(model.index(0), app::PatientListModel::NameRole).toString();
        const QString clinicId = model.data(model.index(0), app::PatientListModel::ClinicIdRole).toString();
        model.setFilterText(name.section(QLatin1Char(' '), -1).toUpper());  // last name, any case
        QVERIFY(model.rowCount() >= 1);
        QVERIFY(model.rowCount() < 25);
        model.setFilterText(clinicId);
        QCOMPARE(model.rowCount(), 1);
        // A write anywhere re-reads the list (a reset); the filter still holds.
        m_session->noteDataChanged();
        QVERIFY(model.loading());
        QTRY_VERIFY(!model.loading());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), app::PatientListModel::ClinicIdRole).toString(), clinicId);
        model.setFilterText(QStringLiteral("no such person"));
        QCOMPARE(model.rowCount(), 0);
        model.setFilterText(QString());
        QCOMPARE(model.rowCount(), 25);
    }

    void patientScreenShowsThePatientAndSavesAPegAtOnce()
    {
        app::PatientListModel patients;
        patients.setSession(m_session);
        QTRY_COMPARE(patients.rowCount(), 25);
        const QString id = patients.data(patients.index(3), app::PatientListModel::PatientIdRole).toString();
        const QString name = patients.data(patients.index(3), app::PatientListModel::NameRole).toString();

        // Through the real screen: choosing a patient opens the patient screen with their name.
        QVERIFY(QMetaObject::invokeMethod(find("patientListScreen"), "patientChosen", Q_ARG(QString, id)));
        QTRY_VERIFY(find("patientScreen"));
        QTRY_COMPARE(find("patientName")->property("text").toString(), name);

        // The view model behind it: a PEG is stored the moment it is saved, and shows up.
        app::PatientViewModel view;
        view.setSession(m_session);
        view.setPatientId(id);
        QTRY_VERIFY(view.loaded());
        QAbstractItemModelTester tester(view.gaps(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view.mmeText().contains(QStringLiteral("MME/day")));
        QVERIFY(!view.caution().isEmpty());
        // The header says whether and why the patient is on the long-term therapy registry.
        QVERIFY2(view.ltotText().contains(QStringLiteral("long-term opioid therapy registry")),
                 qPrintable(view.ltotText()));
        QTRY_COMPARE(find("ltotStatus")->property("text").toString(), view.ltotText());
        const qsizetype before = view.pegHistory().size();
        view.savePeg(3, 4, 5);
        QTRY_VERIFY(!view.loading());
        QVERIFY2(!view.error(), qPrintable(view.message()));
        QTRY_COMPARE(view.pegHistory().size(), before + 1);
        QVERIFY(view.pegHistory().first().contains(QStringLiteral("pain 3, enjoyment 4, activity 5")));
        // The new record is saved on this tablet. The tablet has no server, and the bar says that,
        // not that records wait to be synced, and offers no "Sync now".
        QTRY_VERIFY(m_session->unsyncedCount() > 0);
        QTRY_VERIFY2(
            find("syncState")->property("text").toString().contains(QStringLiteral("Not connected to a clinic server")),
            qPrintable(find("syncState")->property("text").toString()));
        QVERIFY(!find("syncState")->property("text").toString().contains(QStringLiteral("synced")));
        QVERIFY(!find("syncNowButton")->property("visible").toBool());

        // Out of range is refused with the field named, and nothing is written.
        view.savePeg(11, 4, 5);
        QTRY_VERIFY(!view.loading());
        QVERIFY(view.error());
        QVERIFY(view.message().contains(QStringLiteral("pain")));
        QCOMPARE(view.pegHistory().size(), before + 1);
    }

    // A hand-built patient: three PEGs, a regimen cut from 45 to 30 MME/day, and one of each
    // timeline record on different days.
    static domain::Patient handBuiltPatient(const QDate &today)
    {
        domain::Patient p;
        p.name = QStringLiteral("Hana Built");
        auto oxy = [](double perDay, QDate start, QDate end) {
            domain::OpioidEntry e;
            e.drug = QStringLiteral("oxycodone");
            e.strengthMg = 10;
            e.dosesPerDay = perDay;
            e.start = start;
            e.end = end;
            return e;
        };
        p.opioids = {oxy(3, today.addDays(-200), today.addDays(-101)), oxy(2, today.addDays(-100), QDate())};
        p.peg = {
            {{}, today.addDays(-10), 3, 4, 5}, {{}, today.addDays(-180), 6, 6, 6}, {{}, today.addDays(-90), 5, 4, 6}};
        p.uds = {{{}, today.addDays(-150), domain::UdsResult::Expected, {}},
                 {{}, today.addDays(-60), domain::UdsResult::Unexpected, {QStringLiteral("cocaine")}}};
        p.pdmpChecks = {{{}, today.addDays(-61), QStringLiteral("Casey Clinician"), false, {}}};
        p.agreements = {{{}, today.addDays(-200), QString()}};
        p.naloxone = {{{}, today.addDays(-100), domain::NaloxoneAction::Prescribed}};
        p.visits = {{{}, today.addDays(-5), domain::VisitStatus::Completed}};
        return p;
    }

    void pegTrendHasOnePointPerPegAndTheThirtyPercentLine()
    {
        const QDate today(2026, 6, 1);
        const auto points = app::pegSeries(handBuiltPatient(today));
        // One point per PEG record, oldest first, each the mean of the three items.
        QCOMPARE(points.size(), 3);
        QCOMPARE(points.at(0).date, today.addDays(-180));
        QCOMPARE(points.at(0).value, 6.0);
        QCOMPARE(points.at(1).value, 5.0);
        QCOMPARE(points.at(2).value, 4.0);
        // The MME history: 45 MME/day from the first entry, 30 from the day the dose was cut, to today.
        auto tables = clinical::MmeTables::shipped();
        QVERIFY(tables.ok());
        const clinical::MmeTable *table = (*tables)->find((*tables)->defaultId());
        QVERIFY(table);
        bool complete = false;
        const auto mme = app::mmeSeries(handBuiltPatient(today), *table, today, &complete);
        QVERIFY(complete);
        QCOMPARE(mme.size(), 3);
        QCOMPARE(mme.at(0).date, today.addDays(-200));
        QCOMPARE(mme.at(0).value, 45.0);
        QCOMPARE(mme.at(1).date, today.addDays(-100));
        QCOMPARE(mme.at(1).value, 30.0);
        QCOMPARE(mme.at(2).date, today);
        QCOMPARE(mme.at(2).value, 30.0);
        // No start date: only today's total, and the screen says so.
        auto undated = handBuiltPatient(today);
        undated.opioids[1].start = QDate();
        const auto current = app::mmeSeries(undated, *table, today, &complete);
        QVERIFY(!complete);
        QCOMPARE(current.size(), 1);
        QCOMPARE(current.at(0).date, today);
    }

    void timelineListsRecordsNewestFirst()
    {
        const QDate today(2026, 6, 1);
        app::HistoryListModel history;
        QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        history.setPatient(handBuiltPatient(today));
        QCOMPARE(history.rowCount(), 8);
        auto at = [&](int row, int role) { return history.data(history.index(row), role).toString(); };
        const QStringList kinds{QStringLiteral("visit"),     QStringLiteral("uds"),    QStringLiteral("pdmp"),
                                QStringLiteral("naloxone"),  QStringLiteral("opioid"), QStringLiteral("uds"),
                                QStringLiteral("agreement"), QStringLiteral("opioid")};
        for (int row = 0; row < history.rowCount(); ++row) {
            QCOMPARE(at(row, app::HistoryListModel::KindRole), kinds.at(row));
            QVERIFY(!at(row, app::HistoryListModel::KindLabelRole).isEmpty());
            QVERIFY(!at(row, app::HistoryListModel::DateLabelRole).isEmpty());
            if (row > 0)
                QVERIFY(at(row - 1, app::HistoryListModel::DateRole) >= at(row, app::HistoryListModel::DateRole));
        }
        QCOMPARE(at(0, app::HistoryListModel::DateRole), today.addDays(-5).toString(Qt::ISODate));
        QCOMPARE(at(1, app::HistoryListModel::SummaryRole), QStringLiteral("Not as expected: cocaine"));
        QVERIFY(at(2, app::HistoryListModel::SummaryRole).contains(QStringLiteral("No concerns")));
        QCOMPARE(at(3, app::HistoryListModel::SummaryRole), QStringLiteral("Prescribed"));
        QVERIFY(at(4, app::HistoryListModel::SummaryRole).startsWith(QStringLiteral("oxycodone")));
        QCOMPARE(at(5, app::HistoryListModel::SummaryRole), QStringLiteral("As expected"));
        QCOMPARE(at(6, app::HistoryListModel::KindLabelRole), QStringLiteral("Treatment agreement"));
        // The first dose was stopped when it was cut; each row says which stored kind corrects it.
        QVERIFY(at(7, app::HistoryListModel::SummaryRole).contains(QStringLiteral("stopped")));
        QCOMPARE(at(7, app::HistoryListModel::FormKindRole), QStringLiteral("opioid"));
        QCOMPARE(at(2, app::HistoryListModel::FormKindRole), QStringLiteral("pdmp_check"));
    }

    void patientScreenShowsTheTrendAndTimelineOfASeededPatient()
    {
        app::PatientListModel patients;
        patients.setSession(m_session);
        QTRY_COMPARE(patients.rowCount(), 25);
        for (int row = 0; row < patients.rowCount(); ++row) {
            app::PatientViewModel view;
            view.setSession(m_session);
            view.setPatientId(patients.data(patients.index(row), app::PatientListModel::PatientIdRole).toString());
            QTRY_VERIFY(view.loaded());
            QAbstractItemModelTester tester(view.history(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            // One chart point per PEG in the history list; the line is 0.7 × the first (oldest) PEG.
            QCOMPARE(view.pegValues().size(), view.pegHistory().size());
            QCOMPARE(view.pegDates().size(), view.pegValues().size());
            QCOMPARE(view.mmeDates().size(), view.mmeValues().size());
            if (view.pegValues().isEmpty() || view.history()->rowCount() == 0)
                continue;
            QVERIFY(view.hasPegTarget());
            QVERIFY(qFuzzyCompare(view.pegTarget(), 0.7 * view.pegValues().first()));
            QVERIFY(view.pegTrendText().contains(QStringLiteral("30% better than baseline")));
            QVERIFY(!view.mmeValues().isEmpty());
            // The last MME point is today's total, as in the header.
            QVERIFY(
                view.mmeText().startsWith(QString::number(clinical::roundToTenth(view.mmeValues().last()), 'f', 1)));
            // The real screen shows both charts and the timeline.
            QVERIFY(QMetaObject::invokeMethod(find("huddleScreen") ? find("huddleScreen") : find("patientListScreen"),
                                              "patientChosen", Q_ARG(QString, view.patientId())));
            const QString id = view.patientId();
            auto screenFor = [&]() -> QObject * {
                for (QObject *s :
                     m_engine->rootObjects().first()->findChildren<QObject *>(QStringLiteral("patientScreen")))
                    if (s->property("patientId").toString() == id)
                        return s;
                return nullptr;
            };
            QTRY_VERIFY(screenFor());
            QObject *screen = screenFor();
            // The trends and the timeline are on the History tab.
            QVERIFY(QMetaObject::invokeMethod(screen, "showTab", Q_ARG(QVariant, int(app::PatientTabs::History))));
            QTRY_VERIFY(screen->findChild<QObject *>(QStringLiteral("pegChart"))->property("visible").toBool());
            QVERIFY(screen->findChild<QObject *>(QStringLiteral("mmeChart"))->property("visible").toBool());
            QTRY_COMPARE(screen->findChild<QObject *>(QStringLiteral("history"))->property("count").toInt(),
                         view.history()->rowCount());
            return;
        }
        QFAIL("no seeded patient had PEG scores and a timeline");
    }

    void conversationPromptsFitTheGapsAndUseIsRecorded()
    {
        app::PatientListModel patients;
        patients.setSession(m_session);
        QTRY_COMPARE(patients.rowCount(), 25);
        // The first patient with an open gap that a script fits.
        for (int row = 0; row < patients.rowCount(); ++row) {
            app::PatientViewModel view;
            view.setSession(m_session);
            view.setPatientId(patients.data(patients.index(row), app::PatientListModel::PatientIdRole).toString());
            QTRY_VERIFY(view.loaded());
            if (view.prompts()->rowCount() == 0)
                continue;
            QAbstractItemModelTester tester(view.prompts(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            // Every prompt is triggered by one of the patient's open gaps.
            QSet<QString> codes;
            for (int g = 0; g < view.gaps()->rowCount(); ++g)
                codes.insert(view.gaps()->data(view.gaps()->index(g), app::GapListModel::CodeRole).toString());
            for (const auto &script : view.prompts()->scripts())
                QVERIFY(std::any_of(script.gapTriggers.cbegin(), script.gapTriggers.cend(),
                                    [&](const QString &c) { return codes.contains(c); }));
            const QString scriptId = view.prompts()->scripts().first().id;
            QVERIFY(!view.prompts()->data(view.prompts()->index(0), app::PromptListModel::UsedRole).toBool());
            view.markScriptUsed(scriptId, QStringLiteral("went well"));
            QTRY_VERIFY(!view.loading());
            QVERIFY2(!view.error(), qPrintable(view.message()));
            QTRY_VERIFY(view.scriptsUsed().contains(scriptId));
            QTRY_VERIFY(view.prompts()->data(view.prompts()->index(0), app::PromptListModel::UsedRole).toBool());
            // The use is a record in the encrypted registry, with the note, queued for sync.
            const QString patientId = view.patientId();
            qint64 stored = -1;
            m_session->services().thread->run<qint64>(
                this,
                [patientId, scriptId](registry::Registry *r) -> qint64 {
                    if (!r)
                        return -2;
                    auto stmt = registry::RegistryInternals::database(*r).prepare(
                        "SELECT count(*) FROM records r JOIN outbox o ON o.record_seq = r.seq "
                        "WHERE r.kind = 'script_use' AND r.patient_id = ? "
                        "AND json_extract(r.payload, '$.script_id') = ? "
                        "AND json_extract(r.payload, '$.note') = 'went well'");
                    if (!stmt)
                        return -1;
                    stmt->bind(1, patientId).bind(2, scriptId);
                    return stmt->next() ? stmt->integer(0) : -1;
                },
                [&stored](qint64 count) { stored = count; });
            QTRY_COMPARE(stored, qint64(1));
            return;
        }
        QFAIL("no patient in the seeded clinic had a gap with a fitting script");
    }

    void rehearsalWalksEveryScriptInBothLanguages()
    {
        app::ScriptLibraryModel library;
        QAbstractItemModelTester tester(&library, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The shipped scripts (assets/scripts/en, 15 of them), less the new-patient variant for the
        // policy switch the clinic did not choose.
        QCOMPARE(library.rowCount(), 14);
        library.setAudience(QStringLiteral("front_desk"));
        QCOMPARE(library.rowCount(), 2);
        library.setLanguage(QStringLiteral("es"));
        QCOMPARE(library.rowCount(), 2);
        QVERIFY(library.data(library.index(0), app::PromptListModel::TitleRole)
                    .toString()
                    .contains(QStringLiteral("límite")) ||
                library.data(library.index(1), app::PromptListModel::TitleRole)
                    .toString()
                    .contains(QStringLiteral("resurtidos")));
        // The real screen opens from the navigation rail.
        m_session->lock();
        QTRY_VERIFY(find("unlockScreen"));
        QTRY_VERIFY(!m_session->loading());
        m_session->unlock(m_clinicianId, QStringLiteral("1357"));
        QTRY_VERIFY(m_session->signedIn());
        QTRY_VERIFY(find("huddleScreen"));
        QVERIFY(testing::tapWhenReady(m_app->window(), QStringLiteral("nav_practise")));
        QTRY_VERIFY(find("rehearsalScreen"));
        QTRY_COMPARE(find("scriptList")->property("count").toInt(), 14);
    }

    void huddleModelListsBookedPatients()
    {
        app::HuddleModel huddle;
        QAbstractItemModelTester tester(&huddle, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY2(m_session->signedIn(), qPrintable(m_session->message()));
        huddle.setSession(m_session);
        // The seed books about a third of the clinic in the 30 days after today.
        int booked = 0;
        for (int day = 1; day <= 30; ++day) {
            huddle.setDay(m_app->today().addDays(day).toString(Qt::ISODate));
            QTRY_VERIFY(!huddle.loading());
            QVERIFY2(!huddle.error(), qPrintable(huddle.message()));
            booked += huddle.rowCount();
        }
        QVERIFY(booked > 0);
    }

    // The team prepares tomorrow's huddle the day before: the day moves forward and back, and
    // says which day it is in words.
    void huddleMovesToTomorrowAndBack()
    {
        app::HuddleModel huddle;
        huddle.setSession(m_session);
        QTRY_VERIFY(!huddle.loading());
        QVERIFY(huddle.dayLabel().startsWith(QStringLiteral("Today · ")));
        huddle.shiftDay(1);
        QCOMPARE(huddle.day(), m_app->today().addDays(1).toString(Qt::ISODate));
        QVERIFY(huddle.dayLabel().startsWith(QStringLiteral("Tomorrow · ")));
        QTRY_VERIFY(!huddle.loading());
        const int tomorrow = huddle.bookedCount();
        // The same list as asking for that date directly.
        app::HuddleModel direct;
        direct.setDay(m_app->today().addDays(1).toString(Qt::ISODate));
        direct.setSession(m_session);
        QTRY_VERIFY(!direct.loading());
        QCOMPARE(direct.bookedCount(), tomorrow);
        huddle.shiftDay(-1);
        QCOMPARE(huddle.day(), QString());  // back to today, which follows the calendar
    }

    void huddleRoleFilterHidesTheOtherRolesChips()
    {
        app::HuddleModel huddle;
        QAbstractItemModelTester tester(&huddle, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY2(m_session->signedIn(), qPrintable(m_session->message()));
        // Signed in as a clinician: the huddle starts on the clinician's tasks.
        QCOMPARE(huddle.roleFilter(), QStringLiteral("all"));
        huddle.setSession(m_session);
        QCOMPARE(huddle.roleFilter(), QStringLiteral("clinician"));
        QCOMPARE(app::HuddleModel::filterForRole(QStringLiteral("nurse")), QStringLiteral("medical_assistant"));
        QCOMPARE(app::HuddleModel::filterForRole(QStringLiteral("administrator")), QStringLiteral("all"));
        huddle.setRoleFilter(QStringLiteral("all"));
        // A day with patients whose chips are spread over more than one role.
        const QList<QPair<QString, int>> roles{
            {QStringLiteral("medical_assistant"), app::HuddleModel::RoomingRole},
            {QStringLiteral("clinician"), app::HuddleModel::ClinicianRole},
            {QStringLiteral("registry_manager"), app::HuddleModel::RegistryManagerRole}};
        auto chipsOf = [&](int row, int role) { return huddle.data(huddle.index(row), role).toList().size(); };
        for (int day = 1; day <= 30; ++day) {
            huddle.setRoleFilter(QStringLiteral("all"));
            huddle.setDay(m_app->today().addDays(day).toString(Qt::ISODate));
            QTRY_VERIFY(!huddle.loading());
            if (huddle.rowCount() == 0)
                continue;
            const int all = huddle.rowCount();
            QCOMPARE(huddle.bookedCount(), all);
            int shown = 0;
            for (const auto &[filter, kept] : roles) {
                int expected = 0;
                for (int row = 0; row < all; ++row)
                    expected += chipsOf(row, kept) > 0 ? 1 : 0;
                huddle.setRoleFilter(filter);
                QCOMPARE(huddle.roleFilter(), filter);
                QCOMPARE(huddle.rowCount(), expected);
                QCOMPARE(huddle.bookedCount(), all);
                for (int row = 0; row < huddle.rowCount(); ++row) {
                    QVERIFY(chipsOf(row, kept) > 0);
                    for (const auto &[other, hidden] : roles)
                        if (hidden != kept)
                            QCOMPARE(chipsOf(row, hidden), 0);
                }
                huddle.setRoleFilter(QStringLiteral("all"));
                shown += expected;
            }
            QVERIFY(shown >= all);
            return;
        }
        QFAIL("no day in the next 30 had a booked patient");
    }

    // Today's rows say only what the registry knows: rooming tasks left ("To room"), nothing to room
    // ("Booked"), or a rooming record dated that day ("Roomed"); no arrival is ever claimed.
    void huddleRowsSayWhatIsDoneThatDay()
    {
        app::HuddleModel huddle;
        huddle.setSession(m_session);
        huddle.setRoleFilter(QStringLiteral("all"));
        QTRY_VERIFY(!huddle.loading());
        QDate day;
        QString patientId;
        for (int offset = 1; offset < 30 && patientId.isEmpty(); ++offset) {
            huddle.setDay(m_app->today().addDays(offset).toString(Qt::ISODate));
            QTRY_VERIFY(!huddle.loading());
            for (int row = 0; row < huddle.rowCount(); ++row) {
                const QModelIndex at = huddle.index(row);
                const bool tasks = !at.data(app::HuddleModel::RoomingRole).toList().isEmpty();
                // Nothing is recorded on a day still to come.
                QCOMPARE(at.data(app::HuddleModel::StatusRole).toInt(),
                         int(tasks ? app::HuddleModel::ToRoom : app::HuddleModel::Booked));
                QCOMPARE(at.data(app::HuddleModel::StatusLabelRole).toString(),
                         tasks ? QStringLiteral("To room") : QStringLiteral("Booked"));
                if (tasks && patientId.isEmpty()) {
                    day = m_app->today().addDays(offset);
                    patientId = at.data(app::HuddleModel::PatientIdRole).toString();
                }
            }
        }
        QVERIFY2(!patientId.isEmpty(), "no patient to room in the next 30 days");

        // That day comes and the patient's PEG is taken at rooming: the row says "Roomed".
        m_app->clock().set(QDateTime(day, QTime(9, 30), Qt::UTC));
        app::PatientViewModel view;
        view.setSession(m_session);
        view.setPatientId(patientId);
        QTRY_VERIFY(view.loaded());
        view.savePeg(4, 5, 6);
        QTRY_VERIFY(!view.loading());
        QVERIFY2(!view.error(), qPrintable(view.message()));
        huddle.setDay(QString());
        huddle.reload();
        QTRY_VERIFY(!huddle.loading());
        bool found = false;
        for (int row = 0; row < huddle.rowCount(); ++row) {
            const QModelIndex at = huddle.index(row);
            if (at.data(app::HuddleModel::PatientIdRole).toString() != patientId)
                continue;
            found = true;
            QCOMPARE(at.data(app::HuddleModel::StatusRole).toInt(), int(app::HuddleModel::Roomed));
            QCOMPARE(at.data(app::HuddleModel::StatusLabelRole).toString(), QStringLiteral("Roomed"));
        }
        QVERIFY(found);
    }

    void backgroundCoversPatientData()
    {
        auto *cover = qobject_cast<QQuickItem *>(find("privacyCover"));
        QVERIFY(cover);
        QVERIFY(!cover->isVisible());
        m_session->setObscured(true);
        QVERIFY(cover->isVisible());
        m_session->setObscured(false);
        QVERIFY(!cover->isVisible());
    }

    void lockingReturnsToTheSignInScreen()
    {
        QTRY_VERIFY(find("huddleScreen"));
        m_session->lock();
        QVERIFY(!m_session->signedIn());
        // At once the shell is hidden; then every destination's pages go, with their patients.
        QVERIFY(!qobject_cast<QQuickItem *>(find("shell"))->isVisible());
        QVERIFY(!testing::findItem(m_app->window(), QStringLiteral("navigationRail")));
        QTRY_VERIFY(!find("huddleScreen"));
        QTRY_VERIFY(!find("patientScreen"));
        QTRY_VERIFY(find("unlockScreen"));
    }

    // The sign-in screen chooses the last user who signed in on this tablet, kept by id in the
    // tablet's settings beside the registry (no name there), so the next sign-in is the PIN alone.
    void theLastUserIsPreselectedAtSignIn()
    {
        QCOMPARE(m_session->lastUserId(), m_clinicianId);
        QTRY_COMPARE(find("unlockScreen")->property("selectedUserId").toString(), m_clinicianId);
        QFile settings(app::Session::lastUserSettingsPath(m_app->databasePath()));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray stored = settings.readAll();
        QVERIFY(stored.contains(m_clinicianId.toUtf8()));
        QVERIFY(!stored.contains("Casey"));

        // Another user signs in and out: the screen now offers them.
        m_session->unlock(m_nurseId, QStringLiteral("3579"));
        QTRY_VERIFY(!m_session->loading());
        QVERIFY2(m_session->signedIn(), qPrintable(m_session->message()));
        // The nurse lands on PEG outreach (Calls), not Today.
        QTRY_VERIFY(find("pegOutreachScreen"));
        QVERIFY(!find("huddleScreen"));
        m_session->lock();
        QTRY_VERIFY(find("unlockScreen"));
        QTRY_COMPARE(find("unlockScreen")->property("selectedUserId").toString(), m_nurseId);
        QTRY_VERIFY(!m_session->loading());
    }

    void fiveWrongPinsLockTheUserOut()
    {
        // The sign-in list is re-read as the lockout starts.
        QAbstractItemModelTester tester(m_session->users(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 5; ++i) {
            m_session->unlock(m_nurseId, QStringLiteral("0000"));
            QTRY_VERIFY(!m_session->loading());
            QVERIFY(!m_session->signedIn());
        }
        QVERIFY(m_session->message().contains(QStringLiteral("locked out")));
        m_session->unlock(m_nurseId, QStringLiteral("3579"));
        QTRY_VERIFY(!m_session->loading());
        QVERIFY(!m_session->signedIn());
        QVERIFY(m_session->message().contains(QStringLiteral("locked out")));
        auto *message = find("unlockMessage");
        QVERIFY(message);
        QTRY_VERIFY(message->property("text").toString().contains(QStringLiteral("locked out")));
    }

    void cleanupTestCase()
    {
        m_engine = nullptr;
        m_session = nullptr;
        m_app.reset();
    }
};

QTEST_MAIN(TestApp)
#include "test_app.moc"
