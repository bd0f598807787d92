// The case conference and its summary (issue 18 items 5-7) as a clinic runs them through cairnctl
// on a real encrypted registry: a clinician asks the team one question about a patient at 135 MME;
// the case summary PDF (read back with poppler's pdftotext) carries the regimen, the MME, the PEG
// trend against the 30 % line and the open gaps; the team's recommendations come back as a task on
// the registry manager's worklist, a referral, a goal and a taper step, in one transaction. Bad
// input (no question, an owner who is not on the care team, a step back in the conference's
// status) is refused naming the field, and nothing is written.

#include "tests/support/cairnctl_process.h"
#include "tests/support/pdf_text.h"
#include "tests/support/test_team.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using cairn::testing::CairnctlRun;
using cairn::testing::pdfText;
using cairn::testing::squeezed;

using namespace cairn::testing::team;

namespace {

const QString kAsOf = QStringLiteral("2026-11-24");
const QString kQuestion =
    QStringLiteral("Should we taper her oxycodone, and how do I bring it up after the unexpected urine result?");

QJsonObject entry(std::initializer_list<std::pair<QString, QJsonValue>> fields)
{
    QJsonObject o;
    for (const auto &[key, value] : fields)
        o.insert(key, value);
    return o;
}

}  // namespace

class TestCaseConference : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_patient;

    CairnctlRun as(const QString &user, const QString &pin, const QStringList &args, const QByteArray &input = {})
    {
        return cairn::testing::runCairnctl(m_db, m_dir.filePath(QStringLiteral("keystore")), pin,
                                           QStringList{QStringLiteral("--user"), user} + args, {}, input);
    }
    CairnctlRun clinician(const QStringList &args, const QByteArray &input = {})
    {
        return as(kClinician, kClinicianPin, args, input);
    }
    static QJsonObject object(const CairnctlRun &run) { return QJsonDocument::fromJson(run.out).object(); }

    QString writeFile(const QString &name, const QJsonObject &json)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QJsonDocument(json).toJson());
        return path;
    }

    QJsonObject summary(const QString &conference = {})
    {
        QStringList args{QStringLiteral("case-summary"), m_patient, QStringLiteral("--json"), QStringLiteral("--as-of"),
                         kAsOf};
        if (!conference.isEmpty())
            args << QStringLiteral("--conference") << conference;
        const CairnctlRun run = clinician(args);
        if (run.exitCode != 0)
            qWarning("case-summary failed: %s", run.error().constData());
        return object(run);
    }

    QJsonArray toDiscuss()
    {
        return object(clinician({QStringLiteral("case-conference"), QStringLiteral("list"), QStringLiteral("--as-of"),
                                 kAsOf}))
            .value(QStringLiteral("to_discuss"))
            .toArray();
    }

    QJsonArray tasksOf(const QString &role)
    {
        return object(as(kManager, kManagerPin,
                         {QStringLiteral("case-conference"), QStringLiteral("tasks"), QStringLiteral("--role"), role,
                          QStringLiteral("--as-of"), kAsOf}))
            .value(QStringLiteral("tasks"))
            .toArray();
    }

    int recordCount()
    {
        const CairnctlRun stats = cairn::testing::runCairnctl(m_db, m_dir.filePath(QStringLiteral("keystore")),
                                                              kAdminPin, {QStringLiteral("stats")});
        return object(stats).value(QStringLiteral("records")).toInt(-1);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "poppler-utils (pdftotext) is needed: tools/install-deps.sh installs it");
        m_db = cairn::testing::newRegistryFile(m_dir.filePath(QStringLiteral("clinic.db")),
                                               m_dir.filePath(QStringLiteral("keystore")), kAdminPin);
        for (const auto &[user, role, pin] : {std::tuple{kClinician, QStringLiteral("clinician"), kClinicianPin},
                                              std::tuple{kManager, QStringLiteral("registry_manager"), kManagerPin}}) {
            const CairnctlRun add =
                cairn::testing::runCairnctl(m_db, m_dir.filePath(QStringLiteral("keystore")), kAdminPin,
                                            {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"),
                                             user, QStringLiteral("--role"), role},
                                            {QStringLiteral("CAIRN_NEW_PIN=") + pin});
            QVERIFY2(add.exitCode == 0, add.error().constData());
        }
        // 30 mg oxycodone three times a day (135 MME) since March, after 20 mg (90 MME) from January;
        // PEG 7.0 then 6.0 (baseline 7.0, so the 30 % line is at 4.9); an unexpected urine result.
        const QJsonObject patient{
            {QStringLiteral("clinic_id"), QStringLiteral("C-418")},
            {QStringLiteral("name"), QStringLiteral("Dana Whitfield")},
            {QStringLiteral("sex"), QStringLiteral("female")},
            {QStringLiteral("birth_date"), QStringLiteral("1961-06-14")},
            {QStringLiteral("prescriber"), QStringLiteral("Dr. Casey")},
            {QStringLiteral("ltot_start"), QStringLiteral("2025-06-01")},
            {QStringLiteral("opioids"), QJsonArray{entry({{QStringLiteral("drug"), QStringLiteral("oxycodone")},
                                                          {QStringLiteral("strength_mg"), 20},
                                                          {QStringLiteral("units_per_dose"), 1},
                                                          {QStringLiteral("doses_per_day"), 3},
                                                          {QStringLiteral("start"), QStringLiteral("2026-01-05")},
                                                          {QStringLiteral("end"), QStringLiteral("2026-03-01")}}),
                                                   entry({{QStringLiteral("drug"), QStringLiteral("oxycodone")},
                                                          {QStringLiteral("strength_mg"), 30},
                                                          {QStringLiteral("units_per_dose"), 1},
                                                          {QStringLiteral("doses_per_day"), 3},
                                                          {QStringLiteral("start"), QStringLiteral("2026-03-02")}})}},
            {QStringLiteral("benzodiazepines"),
             QJsonArray{entry({{QStringLiteral("drug"), QStringLiteral("lorazepam")},
                               {QStringLiteral("start"), QStringLiteral("2026-04-01")}})}},
            {QStringLiteral("peg"), QJsonArray{entry({{QStringLiteral("date"), QStringLiteral("2026-06-01")},
                                                      {QStringLiteral("pain"), 8},
                                                      {QStringLiteral("enjoyment"), 7},
                                                      {QStringLiteral("activity"), 6}}),
                                               entry({{QStringLiteral("date"), QStringLiteral("2026-10-01")},
                                                      {QStringLiteral("pain"), 6},
                                                      {QStringLiteral("enjoyment"), 6},
                                                      {QStringLiteral("activity"), 6}})}},
            {QStringLiteral("uds"),
             QJsonArray{entry({{QStringLiteral("date"), QStringLiteral("2026-10-01")},
                               {QStringLiteral("result"), QStringLiteral("unexpected")},
                               {QStringLiteral("substances"), QJsonArray{QStringLiteral("cocaine")}}})}},
            {QStringLiteral("pdmp_checks"), QJsonArray{QStringLiteral("2026-10-01")}},
            {QStringLiteral("agreements"), QJsonArray{QStringLiteral("2026-01-05")}},
        };
        const CairnctlRun added = clinician({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--json"),
                                             writeFile(QStringLiteral("patient.json"), patient)});
        QVERIFY2(added.exitCode == 0, added.error().constData());
        m_patient = QString::fromUtf8(added.out.trimmed().split('\n').last());
    }

    // A question is what a conference is for: without one nothing is written.
    void aRequestWithoutAQuestionIsRefusedNamingIt()
    {
        const int before = recordCount();
        const CairnctlRun run = clinician({QStringLiteral("case-conference"), QStringLiteral("request"), m_patient,
                                           QStringLiteral("--question"), QStringLiteral("   ")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.error().contains("--question"), run.error().constData());
        QCOMPARE(recordCount(), before);
        QVERIFY(toDiscuss().isEmpty());
    }

    // The clinician's request puts the patient on the clinician meeting's list, and the summary for
    // it carries the question, the regimen, the MME, the PEG trend and the open gaps.
    void aRequestProducesASummaryWithRegimenMmePegAndGaps()
    {
        const CairnctlRun requested = clinician({QStringLiteral("case-conference"), QStringLiteral("request"),
                                                 m_patient, QStringLiteral("--question"), kQuestion});
        QVERIFY2(requested.exitCode == 0, requested.error().constData());
        const QString conference = object(requested).value(QStringLiteral("ids")).toArray().at(0).toString();
        QVERIFY(!conference.isEmpty());
        const QJsonArray listed = toDiscuss();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0)[QStringLiteral("question")].toString(), kQuestion);
        QCOMPARE(listed.at(0)[QStringLiteral("status")].toString(), QStringLiteral("requested"));
        QCOMPARE(listed.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Dana Whitfield"));

        const QJsonObject json = summary(conference);
        QCOMPARE(json[QStringLiteral("conference")][QStringLiteral("question")].toString(), kQuestion);
        QCOMPARE(json[QStringLiteral("mme")][QStringLiteral("total_per_day")].toDouble(), 135.0);
        const QJsonArray history = json[QStringLiteral("mme")][QStringLiteral("history")].toArray();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0)[QStringLiteral("mme_per_day")].toDouble(), 90.0);
        QCOMPARE(history.at(1)[QStringLiteral("date")].toString(), QStringLiteral("2026-03-02"));
        QCOMPARE(json[QStringLiteral("peg")][QStringLiteral("baseline")].toDouble(), 7.0);
        QCOMPARE(json[QStringLiteral("peg")][QStringLiteral("target")].toDouble(), 4.9);
        QStringList gaps;
        for (const QJsonValue &gap : json[QStringLiteral("open_gaps")].toArray())
            gaps << gap[QStringLiteral("code")].toString();
        QVERIFY2(gaps.contains(QStringLiteral("HIGH_DOSE")) && gaps.contains(QStringLiteral("UDS_UNEXPECTED")) &&
                     gaps.contains(QStringLiteral("NALOXONE")) && gaps.contains(QStringLiteral("BENZODIAZEPINE")),
                 qPrintable(gaps.join(QLatin1Char(' '))));

        const QString file = m_dir.filePath(QStringLiteral("summary.pdf"));
        const CairnctlRun pdf =
            clinician({QStringLiteral("case-summary"), m_patient, QStringLiteral("--conference"), conference,
                       QStringLiteral("--as-of"), kAsOf, QStringLiteral("--pdf"), file});
        QVERIFY2(pdf.exitCode == 0, pdf.error().constData());
        const QString text = pdfText(file);
        QVERIFY(!text.isEmpty());
        for (const QString &phrase :
             {QStringLiteral("Case summary: Dana Whitfield"), kQuestion,
              QStringLiteral("Current regimen: 135.0 MME/day"), QStringLiteral("oxycodone"),
              QStringLiteral("30 mg × 1, 3 a day"), QStringLiteral("MME history"), QStringLiteral("lorazepam"),
              QStringLiteral("PEG trend"), QStringLiteral("Baseline 7.0 on 1 Jun 2026; latest 6.0"),
              QStringLiteral("30% better than baseline (4.9)"), QStringLiteral("cocaine"),
              QStringLiteral("Open care gaps on 24 Nov 2026"), QStringLiteral("HIGH_DOSE"),
              QStringLiteral("UDS_UNEXPECTED"), QStringLiteral("NALOXONE")})
            QVERIFY2(text.contains(squeezed(phrase)), qPrintable(phrase));
        // Written where the user chose, and nowhere else: only the PDF sits beside the registry.
        QVERIFY(QFile::exists(file));

        // `--lang es`, as for the monthly report: the same summary in Spanish, decimals with a comma
        // and dates as Spanish writes them.
        const QString spanishFile = m_dir.filePath(QStringLiteral("resumen.pdf"));
        const CairnctlRun spanish =
            clinician({QStringLiteral("case-summary"), m_patient, QStringLiteral("--as-of"), kAsOf,
                       QStringLiteral("--lang"), QStringLiteral("es"), QStringLiteral("--pdf"), spanishFile});
        QVERIFY2(spanish.exitCode == 0, spanish.error().constData());
        const QString spanishText = pdfText(spanishFile);
        for (const QString &phrase :
             {QStringLiteral("Resumen del caso: Dana Whitfield"), QStringLiteral("Pauta actual: 135,0 MME/día"),
              QStringLiteral("30 mg × 1, 3 al día"), QStringLiteral("Basal 7,0 el 1 jun 2026"),
              QStringLiteral("Brechas de atención abiertas el 24 nov 2026")})
            QVERIFY2(spanishText.contains(squeezed(phrase)), qPrintable(phrase));
        QVERIFY(!spanishText.contains(squeezed(QStringLiteral("Current regimen"))));
        const CairnctlRun french = clinician({QStringLiteral("case-summary"), m_patient, QStringLiteral("--lang"),
                                              QStringLiteral("fr"), QStringLiteral("--pdf"), spanishFile});
        QCOMPARE(french.exitCode, 2);
        QVERIFY2(french.error().contains("--lang"), french.error().constData());
    }

    // The meeting discusses it; the team's recommendations come back as records: a task on the
    // registry manager's worklist (overdue once its day has passed), a referral, a goal and a step
    // of a new taper plan, all named in the consult note.
    void theRecommendationsComeBackAsTasksAndRecords()
    {
        const QString conference = toDiscuss().at(0)[QStringLiteral("id")].toString();
        // A discussed conference needs its meeting first.
        const CairnctlRun tooEarly =
            clinician({QStringLiteral("case-conference"), QStringLiteral("close"), conference});
        QCOMPARE(tooEarly.exitCode, 2);
        QVERIFY2(tooEarly.error().contains("status"), tooEarly.error().constData());
        const CairnctlRun scheduled =
            clinician({QStringLiteral("case-conference"), QStringLiteral("schedule"), conference,
                       QStringLiteral("--meeting"), QStringLiteral("2026-11-20")});
        QVERIFY2(scheduled.exitCode == 0, scheduled.error().constData());
        const QString scheduledId = object(scheduled).value(QStringLiteral("ids")).toArray().at(0).toString();
        QCOMPARE(toDiscuss().at(0)[QStringLiteral("status")].toString(), QStringLiteral("scheduled"));
        QCOMPARE(toDiscuss().at(0)[QStringLiteral("meeting_date")].toString(), QStringLiteral("2026-11-20"));

        const QJsonArray recommendations{
            entry({{QStringLiteral("kind"), QStringLiteral("task")},
                   {QStringLiteral("text"), QStringLiteral("Request the records from her last prescriber")},
                   {QStringLiteral("owner_role"), QStringLiteral("registry_manager")},
                   {QStringLiteral("due"), QStringLiteral("2026-11-22")}}),
            entry({{QStringLiteral("kind"), QStringLiteral("referral")},
                   {QStringLiteral("text"), QStringLiteral("Addiction medicine for an opioid use disorder assessment")},
                   {QStringLiteral("referral_type"), QStringLiteral("addiction_medicine")}}),
            entry({{QStringLiteral("kind"), QStringLiteral("goal")},
                   {QStringLiteral("text"), QStringLiteral("Walk to the mailbox and back every day")}}),
            entry({{QStringLiteral("kind"), QStringLiteral("taper_step")},
                   {QStringLiteral("text"), QStringLiteral("Reduce to 25 mg three times a day")},
                   {QStringLiteral("due"), QStringLiteral("2026-12-15")},
                   {QStringLiteral("target_mme_per_day"), 112.5}}),
        };
        // An owner outside the care team is refused naming the field; nothing is written.
        QJsonArray wrongOwner = recommendations;
        QJsonObject task = wrongOwner.at(0).toObject();
        task.insert(QStringLiteral("owner_role"), QStringLiteral("administrator"));
        wrongOwner.replace(0, task);
        const int before = recordCount();
        const CairnctlRun refused =
            clinician({QStringLiteral("case-conference"), QStringLiteral("record"), scheduledId,
                       QStringLiteral("--recommendations"),
                       writeFile(QStringLiteral("wrong.json"), {{QStringLiteral("recommendations"), wrongOwner}})});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.error().contains("recommendations[0].owner_role"), refused.error().constData());
        QCOMPARE(recordCount(), before);
        QVERIFY(tasksOf(QStringLiteral("registry_manager")).isEmpty());

        const CairnctlRun recorded = clinician(
            {QStringLiteral("case-conference"), QStringLiteral("record"), scheduledId,
             QStringLiteral("--recommendations"),
             writeFile(QStringLiteral("note.json"),
                       {{QStringLiteral("consult_note"), QStringLiteral("Taper slowly; offer addiction medicine.")},
                        {QStringLiteral("recommendations"), recommendations},
                        {QStringLiteral("scripts"), QJsonArray{QStringLiteral("unexpected-uds")}}})});
        QVERIFY2(recorded.exitCode == 0, recorded.error().constData());
        QCOMPARE(object(recorded).value(QStringLiteral("ids")).toArray().size(), 4);
        QCOMPARE(recordCount(), before + 5);  // the consult note and the four records, together

        // Off the meeting's list, and the task is the registry manager's, overdue on 2026-11-24.
        QVERIFY(toDiscuss().isEmpty());
        const QJsonArray tasks = tasksOf(QStringLiteral("registry_manager"));
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.at(0)[QStringLiteral("text")].toString(),
                 QStringLiteral("Request the records from her last prescriber"));
        QCOMPARE(tasks.at(0)[QStringLiteral("overdue")].toBool(), true);
        QVERIFY(tasksOf(QStringLiteral("nurse")).isEmpty());

        const QJsonObject json = summary();
        QCOMPARE(json[QStringLiteral("referrals")].toArray().size(), 1);
        QCOMPARE(json[QStringLiteral("referrals")].toArray().at(0)[QStringLiteral("type")].toString(),
                 QStringLiteral("addiction_medicine"));
        QCOMPARE(json[QStringLiteral("goals")].toArray().size(), 1);
        const QJsonArray tapers = json[QStringLiteral("taper_plans")].toArray();
        QCOMPARE(tapers.size(), 1);
        QCOMPARE(tapers.at(0)[QStringLiteral("steps")].toArray().at(0)[QStringLiteral("target_mme_per_day")].toDouble(),
                 112.5);
        QCOMPARE(json[QStringLiteral("open_tasks")].toArray().size(), 1);
    }

    // The task made from the note is on the registry manager's Today (cairnctl task due), and is
    // marked done there in one write; bad input is refused naming the field, with nothing written.
    void badTaskCommandsAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("field");
        QTest::newRow("no action") << QStringList{QStringLiteral("task")} << QStringLiteral("task");
        QTest::newRow("unknown action") << QStringList{QStringLiteral("task"), QStringLiteral("finish")}
                                        << QStringLiteral("task");
        QTest::newRow("no role") << QStringList{QStringLiteral("task"), QStringLiteral("due")}
                                 << QStringLiteral("--role");
        QTest::newRow("administrator owns no task")
            << QStringList{QStringLiteral("task"), QStringLiteral("due"), QStringLiteral("--role"),
                           QStringLiteral("administrator")}
            << QStringLiteral("--role");
        QTest::newRow("bad date") << QStringList{QStringLiteral("task"),    QStringLiteral("due"),
                                                 QStringLiteral("--role"),  QStringLiteral("nurse"),
                                                 QStringLiteral("--as-of"), QStringLiteral("yesterday")}
                                  << QStringLiteral("--as-of");
        QTest::newRow("no id") << QStringList{QStringLiteral("task"), QStringLiteral("done")} << QStringLiteral("TASK");
        QTest::newRow("not a task") << QStringList{QStringLiteral("task"), QStringLiteral("done"), QString()}
                                    << QStringLiteral("task");
    }
    void badTaskCommandsAreRefusedNamingTheField()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, field);
        if (args.size() == 3 && args.at(2).isEmpty())
            args[2] = m_patient;  // a record id that is not a task's
        const int before = recordCount();
        const CairnctlRun run = as(kManager, kManagerPin, args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.error().contains(("cairnctl: " + field).toUtf8()), run.error().constData());
        QCOMPARE(recordCount(), before);
    }

    void theTaskIsOnItsOwnersTodayAndIsMarkedDoneThere()
    {
        const auto due = [&](const QString &role) {
            return object(as(kManager, kManagerPin,
                             {QStringLiteral("task"), QStringLiteral("due"), QStringLiteral("--role"), role,
                              QStringLiteral("--as-of"), kAsOf}))
                .value(QStringLiteral("tasks"))
                .toArray();
        };
        QCOMPARE(due(QStringLiteral("registry_manager")).size(), 1);
        QVERIFY(due(QStringLiteral("nurse")).isEmpty());
        // Not yet due two days before its date: not on Today.
        QVERIFY(
            object(as(kManager, kManagerPin,
                      {QStringLiteral("task"), QStringLiteral("due"), QStringLiteral("--role"),
                       QStringLiteral("registry_manager"), QStringLiteral("--as-of"), QStringLiteral("2026-11-20")}))
                .value(QStringLiteral("tasks"))
                .toArray()
                .isEmpty());
        const QString task = due(QStringLiteral("registry_manager")).at(0)[QStringLiteral("id")].toString();
        const int before = recordCount();
        const CairnctlRun done = as(kManager, kManagerPin, {QStringLiteral("task"), QStringLiteral("done"), task});
        QVERIFY2(done.exitCode == 0, done.error().constData());
        QCOMPARE(recordCount(), before + 1);  // the task's next version
        QVERIFY(due(QStringLiteral("registry_manager")).isEmpty());
        QVERIFY(tasksOf(QStringLiteral("registry_manager")).isEmpty());
        // The version in force is done: marking it again is refused naming its status.
        const QString doneId = object(done).value(QStringLiteral("ids")).toArray().at(0).toString();
        const CairnctlRun again = as(kManager, kManagerPin, {QStringLiteral("task"), QStringLiteral("done"), doneId});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.error().contains("status"), again.error().constData());
    }

    void aScriptOutsideTheLibraryIsRefused()
    {
        const CairnctlRun requested =
            clinician({QStringLiteral("case-conference"), QStringLiteral("request"), m_patient,
                       QStringLiteral("--question"), QStringLiteral("Is buprenorphine an option?")});
        QCOMPARE(requested.exitCode, 0);
        const QString id = object(requested).value(QStringLiteral("ids")).toArray().at(0).toString();
        const CairnctlRun scheduled = clinician({QStringLiteral("case-conference"), QStringLiteral("schedule"), id,
                                                 QStringLiteral("--meeting"), QStringLiteral("2026-12-04")});
        QCOMPARE(scheduled.exitCode, 0);
        const CairnctlRun refused =
            clinician({QStringLiteral("case-conference"), QStringLiteral("record"),
                       object(scheduled).value(QStringLiteral("ids")).toArray().at(0).toString(),
                       QStringLiteral("--recommendations"),
                       writeFile(QStringLiteral("script.json"),
                                 {{QStringLiteral("consult_note"), QStringLiteral("Yes.")},
                                  {QStringLiteral("scripts"), QJsonArray{QStringLiteral("no-such-script")}}})});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.error().contains("scripts[0]"), refused.error().constData());
    }
};

QTEST_GUILESS_MAIN(TestCaseConference)
#include "test_case_conference.moc"
