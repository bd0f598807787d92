// The real QML app on the offscreen platform over a real encrypted registry: sign in with a PIN,
// see the patients, search them, lock; five wrong PINs lock the user out. The view models pass
// QAbstractItemModelTester.

#include "core/registry/registry.h"
#include "core/storage/database.h"
#include "qml/viewmodels/language.h"
#include "core/registry/registry_thread.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"
#include "qml/viewmodels/huddle_model.h"
#include "qml/viewmodels/patient_list_model.h"
#include "qml/viewmodels/patient_view_model.h"
#include "qml/viewmodels/prompt_list_model.h"
#include "qml/viewmodels/script_library_model.h"
#include "qml/viewmodels/session.h"

#include <QAbstractItemModelTester>
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

    QTemporaryDir m_dir;
    QString m_db;
    platform::MemoryKeystore m_keystore;
    registry::SystemClock m_clock;
    std::unique_ptr<registry::RegistryThread> m_thread;
    std::unique_ptr<app::Session> m_session;
    // As main() does: the screens' language singleton (English, not remembered).
    app::Language m_language{false};
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QString m_clinicianId;
    QString m_nurseId;

    QObject *find(const char *name) const
    {
        return m_engine->rootObjects().first()->findChild<QObject *>(QLatin1String(name));
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("app.db"));
        auto created = registry::Registry::create(m_db, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        QVERIFY(created.ok());
        m_clinicianId = *(*created)->addUser(QStringLiteral("Casey Clinician"), keys::Role::Clinician, QStringLiteral("1357"));
        m_nurseId = *(*created)->addUser(QStringLiteral("Nico Nurse"), keys::Role::Nurse, QStringLiteral("3579"));
        synthetic::Options options;
        options.patients = 25;
        options.seed = 9;
        options.asOf = QDate::currentDate();  // the app shows "today": book the clinic around it
        QVERIFY((*created)->addPatients(synthetic::generateClinic(options)).ok());
        created->reset();

        m_thread = std::make_unique<registry::RegistryThread>();
        m_session = std::make_unique<app::Session>(app::AppServices{m_db, &m_keystore, &m_clock, m_thread.get()});
        app::Session::setInstance(m_session.get());
        app::Language::setInstance(&m_language);
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Cairn/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        QVERIFY(find("unlockScreen"));
        QTRY_COMPARE(m_session->users()->rowCount(), 3);
    }

    void userListModelIsAWellBehavedModel()
    {
        QAbstractItemModelTester tester(m_session->users(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_session->refreshUsers();
        QTRY_COMPARE(m_session->users()->rowCount(), 3);
        QCOMPARE(m_session->users()->data(m_session->users()->index(1), app::UserListModel::NameRole).toString(), QStringLiteral("Casey Clinician"));
    }

    void signingInShowsWhoAndThePatients()
    {
        m_session->unlock(m_clinicianId, QStringLiteral("1357"));
        QTRY_VERIFY(!m_session->loading());
        QVERIFY2(m_session->signedIn(), qPrintable(m_session->message()));
        QVERIFY(!m_session->loading());
        QCOMPARE(m_session->userName(), QStringLiteral("Casey Clinician"));
        // Signing in opens Today (the huddle); "All patients" opens the full list.
        QTRY_VERIFY(find("huddleScreen"));
        QVERIFY(QMetaObject::invokeMethod(find("huddleScreen"), "allPatientsRequested"));
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
        model.setSession(m_session.get());
        QTRY_COMPARE(model.rowCount(), 25);
        const QString name = model.data(model.index(0), app::PatientListModel::NameRole).toString();
        const QString clinicId = model.data(model.index(0), app::PatientListModel::ClinicIdRole).toString();
        model.setFilterText(name.section(QLatin1Char(' '), -1).toUpper());  // last name, any case
        QVERIFY(model.rowCount() >= 1);
        QVERIFY(model.rowCount() < 25);
        model.setFilterText(clinicId);
        QCOMPARE(model.rowCount(), 1);
        model.setFilterText(QStringLiteral("no such person"));
        QCOMPARE(model.rowCount(), 0);
        model.setFilterText(QString());
        QCOMPARE(model.rowCount(), 25);
    }

    void patientScreenShowsThePatientAndSavesAPegAtOnce()
    {
        app::PatientListModel patients;
        patients.setSession(m_session.get());
        QTRY_COMPARE(patients.rowCount(), 25);
        const QString id = patients.data(patients.index(3), app::PatientListModel::PatientIdRole).toString();
        const QString name = patients.data(patients.index(3), app::PatientListModel::NameRole).toString();

        // Through the real screen: choosing a patient opens the patient screen with their name.
        QVERIFY(QMetaObject::invokeMethod(find("patientListScreen"), "patientChosen", Q_ARG(QString, id)));
        QTRY_VERIFY(find("patientScreen"));
        QTRY_COMPARE(find("patientName")->property("text").toString(), name);

        // The view model behind it: a PEG is stored the moment it is saved, and shows up.
        app::PatientViewModel view;
        view.setSession(m_session.get());
        view.setPatientId(id);
        QTRY_VERIFY(view.loaded());
        QAbstractItemModelTester tester(view.gaps(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view.mmeText().contains(QStringLiteral("MME/day")));
        QVERIFY(!view.caution().isEmpty());
        const qsizetype before = view.pegHistory().size();
        view.savePeg(3, 4, 5);
        QTRY_VERIFY(!view.loading());
        QVERIFY2(!view.error(), qPrintable(view.message()));
        QTRY_COMPARE(view.pegHistory().size(), before + 1);
        QVERIFY(view.pegHistory().first().contains(QStringLiteral("pain 3, enjoyment 4, activity 5")));
        // The new record waits for sync, and every screen says so.
        QTRY_VERIFY(m_session->unsyncedCount() > 0);
        QTRY_VERIFY(find("syncState")->property("text").toString().contains(QStringLiteral("not yet synced")));
        // This tablet has no server: it says it never synced, and "Sync now" is there to press.
        QVERIFY(find("syncState")->property("text").toString().contains(QStringLiteral("Never synced")));
        QVERIFY(find("syncNowButton")->property("visible").toBool());
        QVERIFY(!find("onlineState")->property("text").toString().isEmpty());

        // Out of range is refused with the field named, and nothing is written.
        view.savePeg(11, 4, 5);
        QTRY_VERIFY(!view.loading());
        QVERIFY(view.error());
        QVERIFY(view.message().contains(QStringLiteral("pain")));
        QCOMPARE(view.pegHistory().size(), before + 1);
    }

    void conversationPromptsFitTheGapsAndUseIsRecorded()
    {
        app::PatientListModel patients;
        patients.setSession(m_session.get());
        QTRY_COMPARE(patients.rowCount(), 25);
        // The first patient with an open gap that a script fits.
        for (int row = 0; row < patients.rowCount(); ++row) {
            app::PatientViewModel view;
            view.setSession(m_session.get());
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
                QVERIFY(std::any_of(script.gapTriggers.cbegin(), script.gapTriggers.cend(), [&](const QString &c) { return codes.contains(c); }));
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
                    auto stmt = r->database().prepare("SELECT count(*) FROM records r JOIN outbox o ON o.record_id = r.id "
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
        QCOMPARE(library.rowCount(), 13);
        library.setAudience(QStringLiteral("front_desk"));
        QCOMPARE(library.rowCount(), 2);
        library.setLanguage(QStringLiteral("es"));
        QCOMPARE(library.rowCount(), 2);
        QVERIFY(library.data(library.index(0), app::PromptListModel::TitleRole).toString().contains(QStringLiteral("límite"))
                || library.data(library.index(1), app::PromptListModel::TitleRole).toString().contains(QStringLiteral("resurtidos")));
        // The real screen opens from Today.
        m_session->lock();
        QTRY_VERIFY(find("unlockScreen"));
        QTRY_VERIFY(!m_session->loading());
        m_session->unlock(m_clinicianId, QStringLiteral("1357"));
        QTRY_VERIFY(m_session->signedIn());
        QTRY_VERIFY(find("huddleScreen"));
        QVERIFY(QMetaObject::invokeMethod(find("huddleScreen"), "rehearsalRequested"));
        QTRY_VERIFY(find("rehearsalScreen"));
        QTRY_COMPARE(find("scriptList")->property("count").toInt(), 13);
    }

    void huddleModelListsBookedPatients()
    {
        app::HuddleModel huddle;
        QAbstractItemModelTester tester(&huddle, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY2(m_session->signedIn(), qPrintable(m_session->message()));
        huddle.setSession(m_session.get());
        // The seed books about a third of the clinic in the 30 days after today.
        int booked = 0;
        for (int day = 1; day <= 30; ++day) {
            huddle.setDay(QDate::currentDate().addDays(day).toString(Qt::ISODate));
            QTRY_VERIFY(!huddle.loading());
            QVERIFY2(!huddle.error(), qPrintable(huddle.message()));
            booked += huddle.rowCount();
        }
        QVERIFY(booked > 0);
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
        m_session->lock();
        QVERIFY(!m_session->signedIn());
        QTRY_VERIFY(find("unlockScreen"));
    }

    void fiveWrongPinsLockTheUserOut()
    {
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
        m_engine.reset();
        m_session.reset();
        m_thread.reset();
    }
};

QTEST_MAIN(TestApp)
#include "test_app.moc"
