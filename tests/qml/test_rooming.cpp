// Rooming and visit decisions over a real encrypted registry: the RoomingFlow view model answer by
// answer (each answer in the draft at once, each complete instrument a record at once, PHQ-9 only
// after a positive PHQ-2, the patient's language, resuming, corrections, errors), the clinician's
// VisitDecisions, the real QML from sign-in to the patient screen, and the app killed with SIGKILL
// mid-rooming whose answers are all there when the registry is opened again and on the rooming
// screen when the app is started again.
//
// The kill test re-runs this binary with --app-child: the app as `cairn` runs it (AppWiring and
// Main.qml), used by tapping.

#include "core/clinical/instrument_definition.h"
#include "core/clinical/instruments.h"
#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "core/registry/views.h"
#include "platform/keystore.h"
#include "qml/app/app_wiring.h"
#include "qml/app/session.h"
#include "qml/patient/patient_history.h"
#include "qml/patient/patient_tabs.h"
#include "qml/patient/patient_view_model.h"
#include "qml/patient/visit_decisions.h"
#include "qml/rooming/rooming_flow.h"
#include "tests/qml/quick_driver.h"
#include "tests/qml/registry_answer.h"
#include "tests/qml/sign_in.h"
#include "tests/support/app_fixture.h"
#include "tests/support/test_team.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;

namespace {

const QDate kDay(2026, 11, 25);
const QString &kMaPin = testing::team::kMedicalAssistantPin;
using testing::team::kClinicianPin;

// Runs fn on the database thread and waits for it (the test's way to look into the registry).
template <typename Fn> void onDatabase(registry::RegistryThread &thread, Fn fn)
{
    thread.post([fn](registry::Registry *r) mutable { fn(r); });
    thread.drain();
}

// Taps the answer `value` on the question on screen, as a user would, and waits until the flow
// has stored it and moved on. Empty when all went well, else what went wrong.
QString tapAnswer(QQuickWindow *window, QObject *flow, int value)
{
    const int stepBefore = flow->property("stepIndex").toInt();
    const QString name = QStringLiteral("choice%1").arg(value);
    if (!testing::tapWhenReady(window, name))
        return QStringLiteral("no usable button %1").arg(name);
    if (!testing::waitFor([&] {
            return flow->property("stepIndex").toInt() == stepBefore + 1 && !flow->property("loading").toBool();
        }))
        return QStringLiteral("tapping %1 did not move on from step %2").arg(name).arg(stepBefore);
    if (flow->property("error").toBool())
        return flow->property("message").toString();
    return {};
}

// The values of the answer buttons shown checked (the answer the flow holds for the question).
QJsonArray checkedChoices(QQuickWindow *window)
{
    QJsonArray values;
    for (int value = 0; value <= 10; ++value)
        if (QQuickItem *button = testing::findItem(window, QStringLiteral("choice%1").arg(value), false);
            button && button->isVisible() && button->property("checked").toBool())
            values.append(value);
    return values;
}

// Reads the child's output until a line starts with `marker`; returns that line.
QByteArray readUntil(QProcess &process, const QByteArray &marker)
{
    QByteArray out;
    QDeadlineTimer deadline(180000);
    while (!deadline.hasExpired()) {
        process.waitForReadyRead(200);
        out += process.readAllStandardOutput();
        for (const QByteArray &line : out.split('\n'))
            if (line.startsWith(marker) && out.contains(line + '\n'))
                return line;
        if (process.state() != QProcess::Running && process.bytesAvailable() == 0)
            break;
    }
    qWarning("child exit %d, output: %s", process.exitCode(), out.constData());
    return {};
}

// --- the app process of the kill test --------------------------------------------------------
// argv: --app-child answer|resume <db> <user id> <PIN> <patient id>, with CAIRN_KEYSTORE in the
// environment as for `cairn`. Starts the app as main() does and uses it by tapping: picks the user
// and enters the PIN on the keypad, opens the patient from "All patients", starts rooming.
// answer: taps the whole PEG (7, 8, 9) and the first PHQ-2 answer (1), says ANSWERED and runs on
// until killed. resume: says what the rooming screen shows, then after "Back" and "Back" again,
// as one line "SHOWN {json}", and quits.
int appChild(int argc, char **argv)
{
    QApplication application(argc, argv);  // the Measures screen's charts need Qt Widgets
    app::AppWiring::nameApplication();
    const QStringList args = application.arguments();
    if (args.size() < 7)
        return 64;
    const QString mode = args.at(2);
    const QString userId = args.at(4);
    const QString pin = args.at(5);
    const QString patientId = args.at(6);
    const auto failed = [](const QString &what) {
        std::fprintf(stderr, "app child: %s\n", qPrintable(what));
        return 1;
    };
    auto keystore = platform::keystoreFromEnvironment();
    if (!keystore)
        return failed(keystore.error().line());
    app::AppOptions options;
    options.databasePath = args.at(3);
    options.keystore = keystore->get();
    app::AppWiring wiring(options);
    if (!wiring.load())
        return failed(QStringLiteral("Main.qml did not load"));
    QQuickWindow *window = wiring.window();

    // Sign in: my name, then the PIN on the keypad.
    if (!testing::tapWhenReady(window, QStringLiteral("user_") + userId))
        return failed(QStringLiteral("the user is not on the sign-in screen"));
    for (const QChar digit : pin)
        if (!testing::tapWhenReady(window, QStringLiteral("pinKey_") + digit))
            return failed(QStringLiteral("no keypad key %1").arg(digit));
    if (!testing::tapWhenReady(window, QStringLiteral("pinKey_ok")))
        return failed(QStringLiteral("no usable sign-in key"));
    if (!testing::waitFor([&] { return wiring.session().signedIn(); }))
        return failed(QStringLiteral("not signed in: ") + wiring.session().message());

    // Patients in the navigation → the patient → its Rooming tab (where a medical assistant's opens).
    for (const QString &name :
         {QStringLiteral("nav_patients"), QStringLiteral("patient_") + patientId, QStringLiteral("tab_rooming")})
        if (!testing::tapWhenReady(window, name))
            return failed(QStringLiteral("could not tap %1").arg(name));
    QObject *flow = nullptr;
    if (!testing::waitFor([&] {
            flow = window->findChild<QObject *>(QStringLiteral("roomingFlow"));
            return flow && flow->property("ready").toBool() && !flow->property("loading").toBool();
        }))
        return failed(QStringLiteral("the rooming screen did not get ready"));

    if (mode == QLatin1String("answer")) {
        for (int value : {7, 8, 9, 1})
            if (const QString why = tapAnswer(window, flow, value); !why.isEmpty())
                return failed(why);
        std::printf("ANSWERED\n");
        std::fflush(stdout);
        return QApplication::exec();  // until SIGKILL
    }

    const auto textOf = [&](const QString &name) {
        const QQuickItem *item = testing::findItem(window, name, false);
        return item && item->isVisible() ? item->property("text").toString() : QString();
    };
    const auto shown = [&] {
        return QJsonObject{{QStringLiteral("question"), textOf(QStringLiteral("roomingQuestion"))},
                           {QStringLiteral("checked"), checkedChoices(window)}};
    };
    const auto back = [&] {
        const int step = flow->property("stepIndex").toInt();
        return testing::tapWhenReady(window, QStringLiteral("roomingBack")) &&
               testing::waitFor([&] { return flow->property("stepIndex").toInt() == step - 1; });
    };
    QJsonObject report = shown();
    report.insert(QStringLiteral("message"), textOf(QStringLiteral("roomingMessage")));
    if (!back())
        return failed(QStringLiteral("Back did nothing"));
    report.insert(QStringLiteral("back"), shown());
    if (!back())
        return failed(QStringLiteral("Back did nothing the second time"));
    report.insert(QStringLiteral("backAgain"), shown());
    std::printf("SHOWN %s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 0;
}

}  // namespace

class TestRooming : public QObject {
    Q_OBJECT

    // The keys (in files, so that the app started as a child opens them) and that app's settings.
    QTemporaryDir m_dir;
    QString m_keysDir;
    // The app's objects as main() builds them; the screens are loaded by the test that taps them.
    std::unique_ptr<testing::AppFixture> m_app;
    app::Session *m_session = nullptr;
    QString m_maId;
    QString m_clinicianId;
    QStringList m_patients;  // patient ids; [1] speaks Spanish
    const clinical::Instruments *m_instruments = nullptr;

    QString itemText(const QString &instrument, int item, const QString &language) const
    {
        return m_instruments->find(instrument)
            ->definition()
            .value(QStringLiteral("items"))
            .toArray()
            .at(item)
            .toObject()
            .value(QStringLiteral("text"))
            .toObject()
            .value(language)
            .toString();
    }

    void signInAs(const QString &userId, const QString &pin)
    {
        QVERIFY2(testing::signInDirectly(*m_session, userId, pin), qPrintable(m_session->message()));
    }

    domain::Patient load(const QString &id) { return testing::storedPatient(m_app->databaseThread(), this, id); }

    QJsonObject draft(const QString &id)
    {
        QString json;
        onDatabase(m_app->databaseThread(), [&json, id](registry::Registry *r) {
            if (auto d = r->roomingDraft(id))
                json = *d;
        });
        return QJsonDocument::fromJson(json.toUtf8()).object();
    }

    std::unique_ptr<app::RoomingFlow> openFlow(const QString &patientId)
    {
        auto flow = std::make_unique<app::RoomingFlow>();
        flow->setToday(kDay);
        flow->setSession(m_session);
        flow->setPatientId(patientId);
        [&] { QTRY_VERIFY(flow->ready() && !flow->loading()); }();
        return flow;
    }

    QList<domain::Screening> screeningsOf(const QString &id, const QString &instrument)
    {
        QList<domain::Screening> found;
        for (const auto &s : load(id).screenings)
            if (s.instrument == instrument)
                found << s;
        return found;
    }

    QString exposureText(const QString &language) const
    {
        return m_instruments->find(QStringLiteral("pcptsd5"))
            ->definition()
            .value(QStringLiteral("exposure"))
            .toObject()
            .value(language)
            .toString();
    }

    static void answer(app::RoomingFlow &flow, std::initializer_list<int> values)
    {
        for (int v : values) {
            flow.answer(v);
            QTRY_VERIFY(!flow.loading());
            QVERIFY2(!flow.error(), qPrintable(flow.message()));
        }
    }

    // The app (AppWiring and Main.qml, as `cairn` runs them) as a child process with this test's
    // registry and keystore, settings kept in the test's directory.
    void startApp(QProcess &process, const QString &mode, const QString &patientId)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CAIRN_KEYSTORE"), QStringLiteral("file:") + m_keysDir);
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QCoreApplication::applicationFilePath(),
                      {QStringLiteral("--app-child"), mode, m_app->databasePath(), m_maId, kMaPin, patientId});
        QVERIFY(process.waitForStarted());
    }

private slots:
    void initTestCase()
    {
        auto instruments = clinical::Instruments::shipped();
        QVERIFY2(instruments.ok(), instruments ? "" : qPrintable(instruments.error().line()));
        m_instruments = *instruments;

        m_keysDir = m_dir.filePath(QStringLiteral("keys"));
        testing::AppFixtureOptions app;
        app.fileName = QStringLiteral("rooming.db");
        app.now = QDateTime(kDay, QTime(9, 0), Qt::UTC);
        app.keystoreDirectory = m_keysDir;
        app.loadScreens = false;
        app.users = testing::clinicDayTeam();
        QList<domain::Patient> &clinic = app.patients;
        clinic = testing::syntheticClinic(10, 21, kDay);
        // A clean slate for screens, so that any item-9 alert comes from this test; one patient
        // speaks Spanish.
        for (int i = 0; i < clinic.size(); ++i) {
            clinic[i].screenings.clear();
            clinic[i].taperStatus = domain::TaperStatus::None;
            clinic[i].language = i == 1 ? QStringLiteral("es") : QStringLiteral("en");
        }
        // The ORT weighs its items by sex: [0] is female, [1] and [7] male. [8] has an ORT on
        // record and a PC-PTSD-5 older than a year; [9] no ORT and a PC-PTSD-5 from this year.
        clinic[0].sex = domain::Sex::Female;
        clinic[1].sex = domain::Sex::Male;
        clinic[7].sex = domain::Sex::Male;
        clinic[8].screenings = {
            domain::Screening{
                {}, QStringLiteral("ort"), kDay.addYears(-2), QJsonObject{{QStringLiteral("family_alcohol"), false}}},
            domain::Screening{{},
                              QStringLiteral("pcptsd5"),
                              kDay.addDays(-400),
                              QJsonObject{{QStringLiteral("trauma_exposure"), false}}}};
        clinic[9].screenings = {domain::Screening{{},
                                                  QStringLiteral("pcptsd5"),
                                                  kDay.addDays(-100),
                                                  QJsonObject{{QStringLiteral("trauma_exposure"), false}}}};
        QString error;
        m_app = testing::AppFixture::make(app, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_maId = m_app->userId(testing::team::kMedicalAssistant);
        m_clinicianId = m_app->userId(testing::team::kClinician);
        m_patients = m_app->patientIds();
        m_session = &m_app->session();
        QVERIFY(m_app->listsItsUsers());
        signInAs(m_maId, kMaPin);
    }

    void eachAnswerIsSavedAndEachInstrumentIsARecordAtOnce()
    {
        const QString id = m_patients.at(0);
        const qsizetype pegBefore = load(id).peg.size();
        auto flow = openFlow(id);
        QVERIFY(!flow->resumed());
        QCOMPARE(flow->language(), QStringLiteral("en"));

        // PEG: three 0–10 questions worded as the instrument definition words them.
        QCOMPARE(flow->stepKind(), QStringLiteral("question"));
        QCOMPARE(flow->instrument(), QStringLiteral("peg"));
        QCOMPARE(flow->questionText(), itemText(QStringLiteral("peg"), 0, QStringLiteral("en")));
        QCOMPARE(flow->stem(), QStringLiteral("Think about the past week."));
        QCOMPARE(flow->choiceLabels().size(), 11);
        QCOMPARE(flow->choiceLabels().first(), QStringLiteral("No pain"));
        QCOMPARE(flow->choiceLabels().last(), QStringLiteral("Pain as bad as you can imagine"));
        QVERIFY(!flow->canGoNext());

        const auto stats = [&] {
            registry::RegistryStats out;
            onDatabase(m_app->databaseThread(), [&out](registry::Registry *r) {
                if (auto st = r->stats())
                    out = *st;
            });
            return out;
        };
        const registry::RegistryStats before = stats();
        answer(*flow, {4});
        // A draft is neither synced nor logged: no outbox entry, no audit entry.
        QCOMPARE(stats().outboxPending, before.outboxPending);
        QCOMPARE(stats().auditEntries, before.auditEntries);
        // The answer is in the draft before anything else happens.
        QCOMPARE(draft(id).value(QStringLiteral("answers")).toObject().value(QStringLiteral("peg")).toArray(),
                 (QJsonArray{4, -1, -1}));
        QCOMPARE(load(id).peg.size(), pegBefore);
        answer(*flow, {5, 6});
        // The complete PEG is a record now.
        domain::Patient patient = load(id);
        QCOMPARE(patient.peg.size(), pegBefore + 1);
        QVERIFY(std::any_of(patient.peg.cbegin(), patient.peg.cend(), [](const domain::PegScore &p) {
            return p.date == kDay && p.pain == 4 && p.enjoyment == 5 && p.activity == 6;
        }));

        // PHQ-2 positive (2 + 2 ≥ 3) leads to the rest of the PHQ-9, from its third question.
        QCOMPARE(flow->instrument(), QStringLiteral("phq2"));
        QCOMPARE(flow->choiceLabels(),
                 (QStringList{QStringLiteral("Not at all"), QStringLiteral("Several days"),
                              QStringLiteral("More than half the days"), QStringLiteral("Nearly every day")}));
        answer(*flow, {2, 2});
        QCOMPARE(flow->instrument(), QStringLiteral("phq9"));
        QCOMPARE(flow->questionNumber(), 3);
        QCOMPARE(flow->questionText(), itemText(QStringLiteral("phq9"), 2, QStringLiteral("en")));
        const auto screenings = [&](const QString &instrument) {
            QList<domain::Screening> found;
            for (const auto &s : load(id).screenings)
                if (s.instrument == instrument)
                    found << s;
            return found;
        };
        QCOMPARE(screenings(QStringLiteral("phq2")).size(), 1);
        QCOMPARE(screenings(QStringLiteral("phq2")).first().answers.toArray(), (QJsonArray{2, 2}));
        QVERIFY(!flow->suicideRiskAlert());

        // Item 9 above zero: the PHQ-9 is stored at once and the clinician view shows the alert.
        answer(*flow, {1, 0, 1, 0, 0, 0});
        QCOMPARE(flow->questionNumber(), 9);
        QCOMPARE(screenings(QStringLiteral("phq9")).size(), 0);
        answer(*flow, {1});
        QVERIFY(flow->suicideRiskAlert());
        QVERIFY(flow->message().contains(QStringLiteral("Item 9")));
        QCOMPARE(screenings(QStringLiteral("phq9")).size(), 1);
        QCOMPARE(screenings(QStringLiteral("phq9")).first().answers.toArray(), (QJsonArray{2, 2, 1, 0, 1, 0, 0, 0, 1}));
        app::PatientViewModel view;
        view.setToday(kDay);
        view.setSession(m_session);
        view.setPatientId(id);
        QTRY_VERIFY(view.loaded());
        QVERIFY(view.suicideRiskAlert());

        // GAD-2 negative (0 + 1 < 3): no GAD-7; on to the ORT (none on record).
        QCOMPARE(flow->instrument(), QStringLiteral("gad2"));
        answer(*flow, {0, 1});
        QCOMPARE(flow->instrument(), QStringLiteral("ort"));
        QCOMPARE(screenings(QStringLiteral("gad2")).size(), 1);
        QCOMPARE(screenings(QStringLiteral("gad7")).size(), 0);

        // The ORT: ten yes/no questions in the instrument's wording, nothing pre-chosen.
        QVERIFY(flow->yesNo());
        QCOMPARE(flow->questionText(), itemText(QStringLiteral("ort"), 0, QStringLiteral("en")));
        QCOMPARE(flow->choiceLabels(), (QStringList{QStringLiteral("No"), QStringLiteral("Yes")}));
        QCOMPARE(flow->questionTotal(), 10);
        QCOMPARE(flow->currentAnswer(), -1);
        QVERIFY(!flow->canGoNext());
        // Yes to a family history of alcohol and of street drugs: 1 + 2 = 3 for a woman, low.
        answer(*flow, {1, 1, 0, 0, 0, 0, 0, 0, 0});
        QCOMPARE(screenings(QStringLiteral("ort")).size(), 0);
        answer(*flow, {0});
        QCOMPARE(screenings(QStringLiteral("ort")).size(), 1);
        const QJsonValue ort = screenings(QStringLiteral("ort")).first().answers;
        QCOMPARE(ort.toObject().size(), 10);
        QCOMPARE(ort.toObject().value(QStringLiteral("family_alcohol")), QJsonValue(true));
        QCOMPARE(ort.toObject().value(QStringLiteral("personal_alcohol")), QJsonValue(false));
        auto ortScore = m_instruments->find(QStringLiteral("ort"))->score(ort, domain::Sex::Female, 3);
        QVERIFY(ortScore.ok());
        QCOMPARE(ortScore->total, 3.0);
        QCOMPARE(ortScore->result, QStringLiteral("low"));

        // PC-PTSD-5: "no" to the exposure question is a complete, negative screen; no items.
        QCOMPARE(flow->instrument(), QStringLiteral("pcptsd5"));
        QCOMPARE(flow->questionText(), exposureText(QStringLiteral("en")));
        QVERIFY(flow->stem().isEmpty());
        QCOMPARE(flow->currentAnswer(), -1);
        answer(*flow, {0});
        QCOMPARE(flow->stepKind(), QStringLiteral("urine"));
        QCOMPARE(screenings(QStringLiteral("pcptsd5")).size(), 1);
        const QJsonValue ptsd = screenings(QStringLiteral("pcptsd5")).first().answers;
        QCOMPARE(ptsd, QJsonValue(QJsonObject{{QStringLiteral("trauma_exposure"), false}}));
        QCOMPARE(m_instruments->find(QStringLiteral("pcptsd5"))->score(ptsd, domain::Sex::Female, 3)->result,
                 QStringLiteral("negative"));

        // Urine collected: a urine drug screen dated today, result pending.
        const qsizetype udsBefore = load(id).uds.size();
        flow->recordUrineCollected();
        QTRY_VERIFY(!flow->loading());
        QVERIFY2(!flow->error(), qPrintable(flow->message()));
        patient = load(id);
        QCOMPARE(patient.uds.size(), udsBefore + 1);
        QVERIFY(std::any_of(patient.uds.cbegin(), patient.uds.cend(),
                            [](const auto &u) { return u.date == kDay && u.result == domain::UdsResult::Pending; }));
        // Agreement not signed today; PDMP checked with nothing concerning.
        QCOMPARE(flow->stepKind(), QStringLiteral("agreement"));
        const qsizetype agreementsBefore = patient.agreements.size();
        flow->skipStep();
        QTRY_VERIFY(!flow->loading());
        QCOMPARE(flow->stepKind(), QStringLiteral("pdmp"));
        flow->recordPdmpCheck(true, QString());  // concerning needs findings
        QVERIFY(flow->error());
        QVERIFY(!flow->loading());
        QCOMPARE(flow->stepKind(), QStringLiteral("pdmp"));
        flow->recordPdmpCheck(false, QString());
        QTRY_VERIFY(!flow->loading());
        QVERIFY2(!flow->error(), qPrintable(flow->message()));
        patient = load(id);
        QCOMPARE(patient.agreements.size(), agreementsBefore);
        QVERIFY(std::any_of(patient.pdmpChecks.cbegin(), patient.pdmpChecks.cend(), [](const auto &c) {
            return c.date == kDay && !c.concerning && c.checkedBy == QStringLiteral("Morgan MA");
        }));

        // The summary: what was recorded, and what the clinician must address (the item-9 alert).
        QCOMPARE(flow->stepKind(), QStringLiteral("summary"));
        QTRY_VERIFY(flow->summaryLoaded());
        QAbstractItemModelTester tester(flow->clinicianGaps(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList codes;
        for (int row = 0; row < flow->clinicianGaps()->rowCount(); ++row)
            codes << flow->clinicianGaps()
                         ->data(flow->clinicianGaps()->index(row), app::GapListModel::CodeRole)
                         .toString();
        QVERIFY2(codes.contains(QStringLiteral("SUICIDE_RISK")), qPrintable(codes.join(u',')));
        const QString recorded = flow->recorded().join(u'\n');
        QVERIFY2(recorded.contains(QStringLiteral("PEG: pain 4, enjoyment 5, activity 6 (mean 5.0)")),
                 qPrintable(recorded));
        QVERIFY(recorded.contains(QStringLiteral("Urine sample collected")));
        QVERIFY2(recorded.contains(QStringLiteral("Opioid Risk Tool (ORT): score 3, low risk")), qPrintable(recorded));
        QVERIFY2(recorded.contains(QStringLiteral("(PC-PTSD-5): no traumatic event reported, negative")),
                 qPrintable(recorded));
        QVERIFY(recorded.contains(QStringLiteral("Agreement not signed today")));

        // Finishing clears the draft; every record stays.
        QSignalSpy finished(flow.get(), &app::RoomingFlow::finished);
        flow->finish();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(!flow->loading());
        QVERIFY(draft(id).isEmpty());
        QCOMPARE(screenings(QStringLiteral("phq9")).size(), 1);
    }

    void negativePhq2SkipsThePhq9AndQuestionsAreInThePatientsLanguage()
    {
        const QString id = m_patients.at(1);
        auto flow = openFlow(id);
        QCOMPARE(flow->language(), QStringLiteral("es"));
        QCOMPARE(flow->questionText(), itemText(QStringLiteral("peg"), 0, QStringLiteral("es")));
        QCOMPARE(flow->stem(), QStringLiteral("Piense en la última semana."));
        QCOMPARE(flow->choiceLabels().first(), QStringLiteral("Nada de dolor"));
        answer(*flow, {2, 2, 2});
        QCOMPARE(flow->questionText(), itemText(QStringLiteral("phq2"), 0, QStringLiteral("es")));
        QCOMPARE(flow->choiceLabels().at(1), QStringLiteral("Varios días"));
        answer(*flow, {1, 1});
        QCOMPARE(flow->instrument(), QStringLiteral("gad2"));
        // GAD-2 positive leads to the rest of the GAD-7.
        answer(*flow, {3, 1});
        QCOMPARE(flow->instrument(), QStringLiteral("gad7"));
        QCOMPARE(flow->questionNumber(), 3);
        answer(*flow, {1, 1, 0, 0, 2});
        // The ORT in Spanish; the same answers as a man's: 3 + 3 = 6, moderate.
        QCOMPARE(flow->instrument(), QStringLiteral("ort"));
        QCOMPARE(flow->questionText(), itemText(QStringLiteral("ort"), 0, QStringLiteral("es")));
        answer(*flow, {1, 1, 0, 0, 0, 0, 0, 0, 0, 0});
        const QJsonValue ort = screeningsOf(id, QStringLiteral("ort")).value(0).answers;
        auto ortScore = m_instruments->find(QStringLiteral("ort"))->score(ort, domain::Sex::Male, 3);
        QVERIFY(ortScore.ok());
        QCOMPARE(ortScore->total, 6.0);
        QCOMPARE(ortScore->result, QStringLiteral("moderate"));
        // PC-PTSD-5: exposure "yes", then the five items under their stem; three yes is positive.
        QCOMPARE(flow->instrument(), QStringLiteral("pcptsd5"));
        QCOMPARE(flow->questionText(), exposureText(QStringLiteral("es")));
        answer(*flow, {1});
        QCOMPARE(flow->instrument(), QStringLiteral("pcptsd5"));
        QCOMPARE(flow->questionNumber(), 2);
        QCOMPARE(flow->questionText(), itemText(QStringLiteral("pcptsd5"), 0, QStringLiteral("es")));
        QCOMPARE(flow->stem(), QStringLiteral("En el último mes, ¿usted…"));
        answer(*flow, {1, 0, 1, 1});
        QCOMPARE(screeningsOf(id, QStringLiteral("pcptsd5")).size(), 0);
        answer(*flow, {0});
        QCOMPARE(flow->stepKind(), QStringLiteral("urine"));
        const QJsonValue ptsd = screeningsOf(id, QStringLiteral("pcptsd5")).value(0).answers;
        QCOMPARE(ptsd, QJsonValue(QJsonObject{{QStringLiteral("trauma_exposure"), true},
                                              {QStringLiteral("items"), QJsonArray{true, false, true, true, false}}}));
        QCOMPARE(m_instruments->find(QStringLiteral("pcptsd5"))->score(ptsd, domain::Sex::Male, 3)->result,
                 QStringLiteral("positive"));
        const QString recorded = flow->recorded().join(u'\n');
        QVERIFY2(recorded.contains(QStringLiteral("(ORT): score 6, moderate risk")), qPrintable(recorded));
        QVERIFY2(recorded.contains(QStringLiteral("(PC-PTSD-5): 3 of 5, positive")), qPrintable(recorded));
        const domain::Patient patient = load(id);
        QStringList instruments;
        for (const auto &s : patient.screenings)
            instruments << s.instrument;
        instruments.sort();
        QCOMPARE(instruments, (QStringList{QStringLiteral("gad2"), QStringLiteral("gad7"), QStringLiteral("ort"),
                                           QStringLiteral("pcptsd5"), QStringLiteral("phq2")}));
        for (const auto &s : patient.screenings)
            if (s.instrument == QStringLiteral("gad7"))
                QCOMPARE(s.answers.toArray(), (QJsonArray{3, 1, 1, 1, 0, 0, 2}));

        // Rooming's summary says each screen as the patient's history says the stored record: the
        // negative PHQ-2, the positive GAD-2, the GAD-7, the ORT and the positive PC-PTSD-5 alike.
        app::PatientViewModel view;
        view.setToday(kDay);
        view.setSession(m_session);
        view.setPatientId(id);
        QTRY_VERIFY(view.loaded());
        QHash<QString, QString> historySays;  // the instrument's English title → the row's words
        const QAbstractItemModel *history = view.history();
        for (int row = 0; row < history->rowCount(); ++row) {
            const QModelIndex index = history->index(row, 0);
            if (history->data(index, app::HistoryListModel::KindRole).toString() == QLatin1String("screening") &&
                history->data(index, app::HistoryListModel::DateRole).toString() == kDay.toString(Qt::ISODate))
                historySays.insert(history->data(index, app::HistoryListModel::KindLabelRole).toString(),
                                   history->data(index, app::HistoryListModel::SummaryRole).toString());
        }
        const QStringList lines = flow->recorded();
        for (const QString &instrument : {QStringLiteral("phq2"), QStringLiteral("gad2"), QStringLiteral("gad7"),
                                          QStringLiteral("ort"), QStringLiteral("pcptsd5")}) {
            const clinical::Instrument &definition = *m_instruments->find(instrument);
            const QString words = historySays.value(clinical::instrumentTitle(definition, QStringLiteral("en")));
            QVERIFY2(!words.isEmpty(), qPrintable(instrument));
            // The title in the patient's language (the questions were asked in Spanish), then the words.
            const QString line =
                clinical::instrumentTitle(definition, QStringLiteral("es")) + QStringLiteral(": ") + words;
            QVERIFY2(lines.contains(line), qPrintable(line + QStringLiteral(" in\n") + lines.join(u'\n')));
        }
        QCOMPARE(historySays.value(
                     clinical::instrumentTitle(*m_instruments->find(QStringLiteral("phq2")), QStringLiteral("en"))),
                 QStringLiteral("score 2, negative"));
        QCOMPARE(historySays.value(
                     clinical::instrumentTitle(*m_instruments->find(QStringLiteral("gad2")), QStringLiteral("en"))),
                 QStringLiteral("score 4, positive"));
        QCOMPARE(historySays.value(
                     clinical::instrumentTitle(*m_instruments->find(QStringLiteral("pcptsd5")), QStringLiteral("en"))),
                 QStringLiteral("3 of 5, positive"));
    }

    void reopeningResumesTheDraftAndAChangedAnswerCorrectsTheRecord()
    {
        const QString id = m_patients.at(2);
        const qsizetype pegBefore = load(id).peg.size();
        {
            auto flow = openFlow(id);
            answer(*flow, {3, 4, 5, 1});  // the PEG, and the first PHQ-2 question
        }
        auto flow = openFlow(id);
        QVERIFY(flow->resumed());
        QVERIFY(flow->message().contains(QStringLiteral("Resumed")));
        QCOMPARE(flow->instrument(), QStringLiteral("phq2"));
        QCOMPARE(flow->questionNumber(), 2);
        QCOMPARE(flow->currentAnswer(), -1);
        flow->back();
        QCOMPARE(flow->currentAnswer(), 1);
        // Back to the PEG's last question: a new answer corrects the PEG record, it adds none.
        flow->back();
        QCOMPARE(flow->instrument(), QStringLiteral("peg"));
        QCOMPARE(flow->currentAnswer(), 5);
        answer(*flow, {8});
        const domain::Patient patient = load(id);
        QCOMPARE(patient.peg.size(), pegBefore + 1);
        QVERIFY(std::any_of(patient.peg.cbegin(), patient.peg.cend(),
                            [](const auto &p) { return p.date == kDay && p.activity == 8; }));
        QVERIFY(std::none_of(patient.peg.cbegin(), patient.peg.cend(),
                             [](const auto &p) { return p.date == kDay && p.activity == 5; }));
        QCOMPARE(flow->instrument(), QStringLiteral("phq2"));
        QCOMPARE(flow->currentAnswer(), 1);
    }

    // The ORT is asked while the patient has none on record, the PC-PTSD-5 while none is from the
    // last 365 days; a draft resumes inside them, and keeps asking what it started asking.
    void ortAndPcPtsd5AreAskedWhenDueAndResumeFromTheDraft()
    {
        const QString id = m_patients.at(7);  // a man, no screenings
        {
            auto flow = openFlow(id);
            answer(*flow, {0, 0, 0, 0, 0, 0, 0});  // PEG, PHQ-2 and GAD-2 negative
            QCOMPARE(flow->instrument(), QStringLiteral("ort"));
            answer(*flow, {0, 0, 1, 1, 1});
        }
        {
            auto flow = openFlow(id);
            QVERIFY(flow->resumed());
            QCOMPARE(flow->instrument(), QStringLiteral("ort"));
            QCOMPARE(flow->questionNumber(), 6);
            QCOMPARE(flow->currentAnswer(), -1);
            flow->back();
            QCOMPARE(flow->currentAnswer(), 1);
            flow->next();
            // Family prescription medicines 4, personal alcohol 3, personal street drugs 4: 11, high.
            answer(*flow, {0, 0, 0, 0, 0});
            QCOMPARE(flow->instrument(), QStringLiteral("pcptsd5"));
        }
        QCOMPARE(screeningsOf(id, QStringLiteral("ort")).size(), 1);
        auto ortScore = m_instruments->find(QStringLiteral("ort"))
                            ->score(screeningsOf(id, QStringLiteral("ort")).first().answers, domain::Sex::Male, 3);
        QVERIFY(ortScore.ok());
        QCOMPARE(ortScore->total, 11.0);
        QCOMPARE(ortScore->result, QStringLiteral("high"));
        {
            // The ORT saved today does not take it out of the rooming that saved it.
            auto flow = openFlow(id);
            QVERIFY(flow->resumed());
            QCOMPARE(flow->instrument(), QStringLiteral("pcptsd5"));
            flow->back();
            QCOMPARE(flow->instrument(), QStringLiteral("ort"));
            QCOMPARE(flow->questionNumber(), 10);
            QCOMPARE(flow->currentAnswer(), 0);
            flow->next();
            answer(*flow, {1, 1, 0, 0, 0, 0});  // exposed, one item yes: negative
            QCOMPARE(flow->stepKind(), QStringLiteral("urine"));
            QVERIFY2(flow->recorded().join(u'\n').contains(QStringLiteral("(ORT): score 11, high risk")),
                     qPrintable(flow->recorded().join(u'\n')));
            QVERIFY(flow->recorded().join(u'\n').contains(QStringLiteral("(PC-PTSD-5): 1 of 5, negative")));
            QSignalSpy finished(flow.get(), &app::RoomingFlow::finished);
            flow->finish();
            QTRY_COMPARE(finished.size(), 1);
        }
        QCOMPARE(screeningsOf(id, QStringLiteral("pcptsd5")).size(), 1);
        {
            // Rooming again: an ORT and a PC-PTSD-5 on record, neither is asked.
            auto flow = openFlow(id);
            QVERIFY(!flow->resumed());
            answer(*flow, {0, 0, 0, 0, 0, 0, 0});
            QCOMPARE(flow->stepKind(), QStringLiteral("urine"));
            QCOMPARE(screeningsOf(id, QStringLiteral("ort")).size(), 1);
        }
        {
            // An ORT from two years ago, a PC-PTSD-5 from 400 days ago: only the PC-PTSD-5.
            auto flow = openFlow(m_patients.at(8));
            answer(*flow, {0, 0, 0, 0, 0, 0, 0});
            QCOMPARE(flow->instrument(), QStringLiteral("pcptsd5"));
            answer(*flow, {0});
            QCOMPARE(flow->stepKind(), QStringLiteral("urine"));
            QCOMPARE(screeningsOf(m_patients.at(8), QStringLiteral("ort")).size(), 1);
        }
        {
            // No ORT, a PC-PTSD-5 from 100 days ago: only the ORT.
            auto flow = openFlow(m_patients.at(9));
            answer(*flow, {0, 0, 0, 0, 0, 0, 0});
            QCOMPARE(flow->instrument(), QStringLiteral("ort"));
            answer(*flow, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            QCOMPARE(flow->stepKind(), QStringLiteral("urine"));
            QCOMPARE(screeningsOf(m_patients.at(9), QStringLiteral("pcptsd5")).size(), 1);
        }
    }

    void errorsAreReportedAndLoadingAlwaysEnds()
    {
        app::RoomingFlow flow;
        flow.setToday(kDay);
        flow.setSession(m_session);
        flow.setPatientId(QStringLiteral("no-such-patient"));
        QTRY_VERIFY(!flow.loading());
        QVERIFY(flow.error());
        QVERIFY(!flow.ready());
        flow.answer(1);  // nothing to answer
        QVERIFY(!flow.loading());

        auto valid = openFlow(m_patients.at(3));
        valid->answer(11);  // out of range for the PEG
        QVERIFY(valid->error());
        QVERIFY(!valid->loading());
        QCOMPARE(valid->currentAnswer(), -1);
        QVERIFY(draft(m_patients.at(3)).isEmpty());
    }

    void visitDecisionsAreRecordedAsTheirRecords()
    {
        const QString id = m_patients.at(4);
        // A medical assistant may not record them.
        {
            const qsizetype naloxoneBefore = load(id).naloxone.size();
            app::VisitDecisions decisions;
            decisions.setSession(m_session);
            decisions.setPatientId(id);
            QTRY_VERIFY(!decisions.loading());
            QVERIFY(!decisions.allowed());
            decisions.prescribeNaloxone();
            QTRY_VERIFY(!decisions.loading());
            QVERIFY(decisions.error());
            QCOMPARE(load(id).naloxone.size(), naloxoneBefore);
        }
        signInAs(m_clinicianId, kClinicianPin);
        // The patient screen's lists, re-read after every decision recorded.
        app::PatientViewModel view;
        view.setToday(kDay);
        QAbstractItemModelTester gapsTester(view.gaps(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester historyTester(view.history(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester promptsTester(view.prompts(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setSession(m_session);
        view.setPatientId(id);
        QTRY_VERIFY(view.loaded());
        const int historyBefore = view.history()->rowCount();
        app::VisitDecisions decisions;
        decisions.setToday(kDay);
        decisions.setSession(m_session);
        decisions.setPatientId(id);
        QTRY_COMPARE(decisions.taperStatus(), QStringLiteral("none"));
        QVERIFY(decisions.allowed());
        const auto run = [&](const std::function<void()> &action) {
            QSignalSpy recorded(&decisions, &app::VisitDecisions::recorded);
            action();
            QTRY_VERIFY(!decisions.loading());
            QVERIFY2(!decisions.error(), qPrintable(decisions.message()));
            QCOMPARE(recorded.size(), 1);
        };
        run([&] { decisions.startTaper(); });
        QVERIFY(load(id).taperStatus == domain::TaperStatus::InProgress);
        QTRY_COMPARE(decisions.taperStatus(), QStringLiteral("in_progress"));
        run([&] { decisions.pauseTaper(); });
        QVERIFY(load(id).taperStatus == domain::TaperStatus::Paused);
        QTRY_COMPARE(decisions.taperStatus(), QStringLiteral("paused"));
        run([&] { decisions.prescribeNaloxone(); });
        run([&] {
            decisions.refer(QString(), QStringLiteral("behavioral_health"), QStringLiteral("Valley Counseling"),
                            QStringLiteral("Counselling for low mood and sleep?"), QStringLiteral("routine"));
        });
        run([&] { decisions.newAgreement(QStringLiteral("renewed")); });
        run([&] { decisions.continuePlan(); });
        const domain::Patient patient = load(id);
        QVERIFY(std::any_of(patient.naloxone.cbegin(), patient.naloxone.cend(), [](const auto &n) {
            return n.date == kDay && n.action == domain::NaloxoneAction::Prescribed;
        }));
        QVERIFY(std::any_of(patient.referrals.cbegin(), patient.referrals.cend(), [](const auto &r) {
            return r.date == kDay && r.type == QStringLiteral("behavioral_health") &&
                   r.to == QStringLiteral("Valley Counseling");
        }));
        QVERIFY(std::any_of(patient.agreements.cbegin(), patient.agreements.cend(),
                            [](const auto &a) { return a.date == kDay && a.note == QStringLiteral("renewed"); }));
        QVERIFY(std::any_of(patient.visits.cbegin(), patient.visits.cend(), [](const auto &v) {
            return v.date == kDay && v.status == domain::VisitStatus::Completed;
        }));
        // Naloxone, the agreement and the visit are on the timeline now.
        QTRY_VERIFY(!view.loading());
        QTRY_VERIFY(view.history()->rowCount() >= historyBefore + 3);
        // A referral with no question is refused with the field named; loading still ends.
        decisions.refer(QString(), QString(), QStringLiteral("Valley Counseling"), QString(),
                        QStringLiteral("routine"));
        QTRY_VERIFY(!decisions.loading());
        signInAs(m_maId, kMaPin);
    }

    void killedMidRoomingLosesNoAnswerAndTheAppShowsThemAgain()
    {
        const QString id = m_patients.at(5);
        const qsizetype pegBefore = load(id).peg.size();
        QProcess running;
        startApp(running, QStringLiteral("answer"), id);
        QVERIFY(!readUntil(running, "ANSWERED").isEmpty());
        running.kill();  // SIGKILL: no destructor, no flush, no goodbye
        QVERIFY(running.waitForFinished());
        QCOMPARE(running.exitStatus(), QProcess::CrashExit);

        // Opened afresh (a new registry object on the file the dead process wrote). The app dates
        // the visit by the system clock.
        auto reopened =
            registry::Registry::unlock(m_app->databasePath(), m_app->keystore(), m_maId, kMaPin, m_app->clock());
        QVERIFY2(reopened.ok(), reopened ? "" : qPrintable(reopened.error().line()));
        auto stored = (*reopened)->roomingDraft(id);
        QVERIFY(stored.ok());
        const QJsonObject answers =
            QJsonDocument::fromJson(stored->toUtf8()).object().value(QStringLiteral("answers")).toObject();
        QCOMPARE(answers.value(QStringLiteral("peg")).toArray(), (QJsonArray{7, 8, 9}));
        QCOMPARE(answers.value(QStringLiteral("phq2")).toArray(), (QJsonArray{1, -1}));
        auto patient = (*reopened)->loadPatient(id);
        QVERIFY(patient.ok());
        QCOMPARE(patient->peg.size(), pegBefore + 1);
        QVERIFY(std::any_of(patient->peg.cbegin(), patient->peg.cend(),
                            [](const auto &p) { return p.pain == 7 && p.enjoyment == 8 && p.activity == 9; }));
        reopened->reset();

        // The app started again: rooming this patient resumes at the question that was next, and
        // going back shows the answers given before the kill.
        QProcess again;
        startApp(again, QStringLiteral("resume"), id);
        const QByteArray line = readUntil(again, "SHOWN ");
        QVERIFY(!line.isEmpty());
        QVERIFY(again.waitForFinished(60000));
        QCOMPARE(again.exitCode(), 0);
        const QJsonObject shown = QJsonDocument::fromJson(line.mid(6)).object();
        QVERIFY2(shown.value(QStringLiteral("message")).toString().contains(QStringLiteral("Resumed")),
                 line.constData());
        QCOMPARE(shown.value(QStringLiteral("question")).toString(),
                 itemText(QStringLiteral("phq2"), 1, QStringLiteral("en")));
        QCOMPARE(shown.value(QStringLiteral("checked")).toArray(), QJsonArray());
        const QJsonObject back = shown.value(QStringLiteral("back")).toObject();
        QCOMPARE(back.value(QStringLiteral("question")).toString(),
                 itemText(QStringLiteral("phq2"), 0, QStringLiteral("en")));
        QCOMPARE(back.value(QStringLiteral("checked")).toArray(), (QJsonArray{1}));
        const QJsonObject backAgain = shown.value(QStringLiteral("backAgain")).toObject();
        QCOMPARE(backAgain.value(QStringLiteral("question")).toString(),
                 itemText(QStringLiteral("peg"), 2, QStringLiteral("en")));
        QCOMPARE(backAgain.value(QStringLiteral("checked")).toArray(), (QJsonArray{9}));
    }

    // The real QML: sign in, open a patient, start rooming, tap the answers, and find the records
    // in the encrypted registry and on the patient screen.
    void endToEndThroughTheRealScreens()
    {
        m_session->lock();
        QTRY_VERIFY(!m_session->loading());
        QVERIFY(m_app->app().load());  // Main.qml, as `cairn` loads it
        QQuickWindow *window = m_app->window();
        QVERIFY(window);
        const auto find = [this](const char *name) { return m_app->find(QLatin1String(name)); };
        QTRY_VERIFY(find("unlockScreen"));
        signInAs(m_maId, kMaPin);
        QTRY_VERIFY(find("huddleScreen"));

        const QString id = m_patients.at(6);
        const qsizetype pegBefore = load(id).peg.size();
        QVERIFY(QMetaObject::invokeMethod(find("huddleScreen"), "patientChosen", Q_ARG(QString, id)));
        QTRY_VERIFY(find("patientScreen"));
        QObject *patientView = find("patientViewModel");
        QTRY_VERIFY(patientView->property("loaded").toBool());
        QVERIFY(!patientView->property("suicideRiskAlert").toBool());
        // The medical assistant's patient screen opens on its Rooming tab.
        QCOMPARE(find("patientScreen")->property("currentTab").toInt(), int(app::PatientTabs::Rooming));
        QTRY_VERIFY(find("roomingScreen"));
        QObject *flow = find("roomingFlow");
        QTRY_VERIFY(flow->property("ready").toBool());

        // Taps the button for `value` on the question on screen; each is a comfortable touch target.
        const auto tap = [&](int value) {
            QQuickItem *button = nullptr;
            QTRY_VERIFY((button = testing::findItem(window, QStringLiteral("choice%1").arg(value))));
            QVERIFY(button->height() >= 48);
            const QString why = tapAnswer(window, flow, value);
            QVERIFY2(why.isEmpty(), qPrintable(why));
        };
        QTRY_COMPARE(find("roomingQuestion")->property("text").toString(),
                     itemText(QStringLiteral("peg"), 0, QStringLiteral("en")));
        QVERIFY(find("roomingQuestion")->property("font").value<QFont>().pixelSize() >= 16);
        for (int v : {6, 5, 4})
            tap(v);
        QTRY_COMPARE(find("roomingQuestion")->property("text").toString(),
                     itemText(QStringLiteral("phq2"), 0, QStringLiteral("en")));
        for (int v : {3, 1})
            tap(v);
        QTRY_COMPARE(find("roomingQuestion")->property("text").toString(),
                     itemText(QStringLiteral("phq9"), 2, QStringLiteral("en")));
        for (int v : {0, 0, 0, 0, 0, 0, 2})
            tap(v);
        QTRY_VERIFY(find("roomingAlert")->property("visible").toBool());

        // In the encrypted registry.
        const domain::Patient patient = load(id);
        QCOMPARE(patient.peg.size(), pegBefore + 1);
        QVERIFY(std::any_of(patient.peg.cbegin(), patient.peg.cend(),
                            [](const auto &p) { return p.pain == 6 && p.enjoyment == 5 && p.activity == 4; }));
        QVERIFY(std::any_of(patient.screenings.cbegin(), patient.screenings.cend(), [](const auto &s) {
            return s.instrument == QStringLiteral("phq9") &&
                   s.answers.toArray() == QJsonArray{3, 1, 0, 0, 0, 0, 0, 0, 2};
        }));

        // On the patient's Summary: the PEG in the history and the item-9 banner.
        QVERIFY(QMetaObject::invokeMethod(find("patientScreen"), "showTab",
                                          Q_ARG(QVariant, int(app::PatientTabs::Summary))));
        QTRY_VERIFY(patientView->property("suicideRiskAlert").toBool());
        QTRY_VERIFY(testing::findItem(window, QStringLiteral("suicideRiskBanner")));
        QTRY_VERIFY(patientView->property("pegHistory")
                        .toStringList()
                        .join(u'\n')
                        .contains(QStringLiteral("pain 6, enjoyment 5, activity 4")));
        // The visit's decisions are not offered to a medical assistant: no Visit tab.
        QVERIFY(!testing::findItem(window, QStringLiteral("tab_visit")));
        QVERIFY(testing::findItem(window, QStringLiteral("tab_rooming")));

        // Leaving the patient and coming back, rooming resumes at the GAD-2.
        QObject *header = window->property("header").value<QObject *>();
        QVERIFY(header);
        QVERIFY(QMetaObject::invokeMethod(header, "backRequested"));
        QTRY_VERIFY(!find("patientScreen"));
        QVERIFY(QMetaObject::invokeMethod(find("huddleScreen"), "patientChosen", Q_ARG(QString, id)));
        QTRY_VERIFY(find("patientScreen"));
        QTRY_VERIFY(find("roomingScreen"));
        flow = find("roomingFlow");
        QTRY_VERIFY(flow->property("ready").toBool());
        QCOMPARE(flow->property("instrument").toString(), QStringLiteral("gad2"));
        QVERIFY(flow->property("resumed").toBool());

        // GAD-2 negative; then the ORT as two large buttons, "No" and "Yes", neither chosen.
        for (int v : {0, 0})
            tap(v);
        QTRY_COMPARE(find("roomingQuestion")->property("text").toString(),
                     itemText(QStringLiteral("ort"), 0, QStringLiteral("en")));
        QCOMPARE(checkedChoices(window), QJsonArray());
        QCOMPARE(testing::findItem(window, QStringLiteral("choice0"))->property("text").toString(),
                 QStringLiteral("No"));
        QCOMPARE(testing::findItem(window, QStringLiteral("choice1"))->property("text").toString(),
                 QStringLiteral("Yes"));
        QQuickItem *more = testing::findItem(window, QStringLiteral("choice2"), false);
        QVERIFY(!more || !more->isVisible());
        // Personal alcohol 3 and depression 1: 4, moderate for a woman or a man.
        for (int v : {0, 0, 0, 1, 0, 0, 0, 0, 0, 1})
            tap(v);
        QTRY_COMPARE(find("roomingQuestion")->property("text").toString(), exposureText(QStringLiteral("en")));
        QCOMPARE(checkedChoices(window), QJsonArray());
        tap(0);
        QTRY_COMPARE(flow->property("stepKind").toString(), QStringLiteral("urine"));
        const QList<domain::Screening> ort = screeningsOf(id, QStringLiteral("ort"));
        QCOMPARE(ort.size(), 1);
        QCOMPARE(m_instruments->find(QStringLiteral("ort"))->score(ort.first().answers, load(id).sex, 3)->result,
                 QStringLiteral("moderate"));
        QCOMPARE(screeningsOf(id, QStringLiteral("pcptsd5")).size(), 1);
        m_session->lock();
        QTRY_VERIFY(find("unlockScreen"));
        QTRY_VERIFY(!m_session->loading());
    }

    void cleanupTestCase() { m_app.reset(); }
};

int main(int argc, char *argv[])
{
    if (argc >= 2 && qstrcmp(argv[1], "--app-child") == 0)
        return appChild(argc, argv);
    QApplication app(argc, argv);  // the patient screen's charts (QtCharts) need Qt Widgets
    TestRooming test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_rooming.moc"
