// Keeping the registry current through cairnctl alone (issue 12, item 9): patient add/edit/
// inactivate, record add/correct/withdraw and history, as a real process on a real encrypted
// file. Bad input exits 2 with one line naming the field and writes nothing; a role that may not
// exits 1. Dates are fixed (TODAY, TOMORROW) and passed to huddle/gaps, so runs are deterministic.

#include "tests/support/cairnctl_process.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kToday = QStringLiteral("2026-11-24");
const QString kTomorrow = QStringLiteral("2026-11-25");

const QString kAdmin = QStringLiteral("Alex Admin");
const QString kManager = QStringLiteral("Riley Registry");
const QString kClinician = QStringLiteral("Casey Clinician");

QString pinOf(const QString &user)
{
    if (user == kManager)
        return QStringLiteral("2468");
    if (user == kClinician)
        return QStringLiteral("1357");
    return QStringLiteral("246810");
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

}  // namespace

class TestCairnctlRecords : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    // The fixture registry of the refusal tests: one patient with an opioid corrected once.
    QString m_patient;
    QString m_opioid;     // the version in force
    QString m_oldOpioid;  // the version it replaced
    QString m_peg;

    // cairnctl's answer, with what these tests read from record commands' output.
    struct Run : cairn::testing::CairnctlRun {
        [[nodiscard]] QString lastLine() const { return QString::fromUtf8(out.trimmed().split('\n').last()); }
        [[nodiscard]] QJsonObject object() const { return QJsonDocument::fromJson(out).object(); }
        // "kind<TAB>id" lines of record add
        [[nodiscard]] QStringList idsOf(const char *kind) const
        {
            QStringList ids;
            for (const QByteArray &line : out.split('\n'))
                if (line.startsWith(QByteArray(kind) + '\t'))
                    ids.append(QString::fromUtf8(line.mid(qsizetype(qstrlen(kind)) + 1)));
            return ids;
        }
    };

    Run cairnctl(const QString &user, const QStringList &args, const QByteArray &input = {},
                 const QStringList &extraEnv = {})
    {
        return {cairn::testing::runCairnctl(m_db, m_dir.filePath(QStringLiteral("keystore")), pinOf(user),
                                            QStringList{QStringLiteral("--user"), user} + args, extraEnv, input)};
    }

    QJsonObject stats() { return cairnctl(kAdmin, {QStringLiteral("stats")}).object(); }

    // What a write changes: records, patients and the outbox.
    QList<int> counts()
    {
        const QJsonObject s = stats();
        return {s.value(QStringLiteral("records")).toInt(-1), s.value(QStringLiteral("patients")).toInt(-1),
                s.value(QStringLiteral("outbox_pending")).toInt(-1)};
    }

    QString writeFile(const QString &name, const QJsonObject &object)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write a test file");
        file.write(json(object));
        return path;
    }

    // A new registry with an administrator, a registry manager and a clinician.
    void newRegistry(const QString &name)
    {
        m_db = m_dir.filePath(name);
        QCOMPARE(cairnctl(kAdmin, {QStringLiteral("init"), QStringLiteral("--name"), kAdmin}).exitCode, 0);
        for (const auto &[user, role] : {std::pair{kManager, QStringLiteral("registry_manager")},
                                         std::pair{kClinician, QStringLiteral("clinician")}}) {
            const Run add = cairnctl(kAdmin,
                                     {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"), user,
                                      QStringLiteral("--role"), role},
                                     {}, {QStringLiteral("CAIRN_NEW_PIN=") + pinOf(user)});
            QVERIFY2(add.exitCode == 0, add.err.constData());
        }
    }

    static QJsonObject patientObject(const QString &clinicId)
    {
        return {{QStringLiteral("clinic_id"), clinicId},
                {QStringLiteral("name"), QStringLiteral("Jordan Rivera")},
                {QStringLiteral("sex"), QStringLiteral("female")},
                {QStringLiteral("birth_date"), QStringLiteral("1968-04-02")},
                {QStringLiteral("prescriber"), QStringLiteral("Dr. Casey")},
                {QStringLiteral("ltot_start"), QStringLiteral("2025-01-05")},
                {QStringLiteral("phone"), QStringLiteral("555-0100")},
                {QStringLiteral("language"), QStringLiteral("es")}};
    }

    static QJsonObject oxycodone(double strength)
    {
        return {{QStringLiteral("drug"), QStringLiteral("oxycodone")},
                {QStringLiteral("strength_mg"), strength},
                {QStringLiteral("units_per_dose"), 1},
                {QStringLiteral("doses_per_day"), 3},
                {QStringLiteral("start"), QStringLiteral("2026-01-05")}};
    }

    static QJsonObject historyVersion(const QJsonObject &history, const QString &id)
    {
        for (const QJsonValue &v : history.value(QStringLiteral("records")).toArray())
            if (v[QStringLiteral("id")].toString() == id)
                return v.toObject();
        return {};
    }

    static QSet<QString> huddleCodes(const QJsonObject &row)
    {
        QSet<QString> codes;
        for (const char *list : {"rooming", "clinician", "registry_manager"})
            for (const QJsonValue &gap : row.value(QLatin1String(list)).toArray())
                codes.insert(gap[QStringLiteral("code")].toString());
        return codes;
    }

    QJsonObject gapsRowOf(const QString &patientId, const QString &asOf)
    {
        const Run gaps = cairnctl(kClinician, {QStringLiteral("gaps"), QStringLiteral("--as-of"), asOf});
        for (const QJsonValue &row : gaps.object().value(QStringLiteral("patients")).toArray())
            if (row[QStringLiteral("patient_id")].toString() == patientId)
                return row.toObject();
        return {};
    }

    static bool hasGap(const QJsonObject &row, const QString &code)
    {
        const QJsonArray gaps = row.value(QStringLiteral("gaps")).toArray();
        return std::any_of(gaps.begin(), gaps.end(),
                           [&](const QJsonValue &g) { return g[QStringLiteral("code")].toString() == code; });
    }

private slots:
    // THE STORY (issue 12, "Done when"), through cairnctl alone, from an empty registry.
    void theStoryThroughCairnctlAlone()
    {
        newRegistry(QStringLiteral("story.db"));
        QCOMPARE(counts(), (QList<int>{0, 0, 0}));

        // The registry manager adds the patient; the id is on the last line.
        const Run added = cairnctl(
            kManager, {QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--json"),
                       writeFile(QStringLiteral("story-patient.json"), patientObject(QStringLiteral("C-100")))});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const QString patient = added.lastLine();
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f-]{36}$")).match(patient).hasMatch(), qPrintable(patient));

        // A visit booked for tomorrow at 09:30.
        const Run booked = cairnctl(
            kClinician,
            {QStringLiteral("record"), QStringLiteral("add"), patient, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("visits"),
                   QJsonArray{QJsonObject{{QStringLiteral("date"), kTomorrow},
                                          {QStringLiteral("time"), QStringLiteral("09:30")},
                                          {QStringLiteral("status"), QStringLiteral("scheduled")}}}}}));
        QVERIFY2(booked.exitCode == 0, booked.err.constData());
        QCOMPARE(booked.idsOf("visit").size(), 1);

        // The clinician starts an opioid and a benzodiazepine: one call, one transaction.
        const QList<int> beforeMeds = counts();
        const Run meds = cairnctl(
            kClinician,
            {QStringLiteral("record"), QStringLiteral("add"), patient, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("opioids"), QJsonArray{oxycodone(10)}},
                  {QStringLiteral("benzodiazepines"),
                   QJsonArray{QJsonObject{{QStringLiteral("drug"), QStringLiteral("alprazolam")},
                                          {QStringLiteral("start"), QStringLiteral("2026-02-01")}}}}}));
        QVERIFY2(meds.exitCode == 0, meds.err.constData());
        const QString opioid = meds.idsOf("opioid").value(0);
        QCOMPARE(meds.idsOf("benzodiazepine").size(), 1);
        // With them, the patient's first opioid recorded here makes the clinic the prescriber of
        // record from its start: a new version of the demographics in the same transaction.
        QCOMPARE(counts(), (QList<int>{beforeMeds[0] + 3, beforeMeds[1], beforeMeds[2] + 3}));

        // Tomorrow's huddle lists the patient with the gaps the contract gives: nothing on record
        // but the regimen, a benzodiazepine beside an opioid (naloxone indicated). VISIT is closed
        // by the booked visit itself.
        const Run huddle = cairnctl(kClinician, {QStringLiteral("huddle"), QStringLiteral("--date"), kTomorrow});
        QCOMPARE(huddle.exitCode, 0);
        const QJsonArray huddled = huddle.object().value(QStringLiteral("patients")).toArray();
        QCOMPARE(huddled.size(), 1);
        const QJsonObject row = huddled.at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("patient_id")).toString(), patient);
        QCOMPARE(row.value(QStringLiteral("risk_tier")).toString(), QStringLiteral("high"));
        QCOMPARE(row.value(QStringLiteral("total_per_day")).toDouble(), 45.0);
        QCOMPARE(huddleCodes(row),
                 (QSet<QString>{QStringLiteral("AGREEMENT"), QStringLiteral("PDMP_CHECK"), QStringLiteral("UDS"),
                                QStringLiteral("PEG"), QStringLiteral("DEPRESSION_SCREEN"), QStringLiteral("NALOXONE"),
                                QStringLiteral("BENZODIAZEPINE"), QStringLiteral("RISK_ASSESSMENT")}));
        // The day after, nobody is booked.
        QCOMPARE(
            cairnctl(kClinician, {QStringLiteral("huddle"), QStringLiteral("--date"), QStringLiteral("2026-11-26")})
                .object()
                .value(QStringLiteral("patients"))
                .toArray()
                .size(),
            0);

        // Rooming: the PEG, the ORT and a urine sample whose result comes later.
        const Run rooming = cairnctl(
            kClinician,
            {QStringLiteral("record"), QStringLiteral("add"), patient, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("peg"), QJsonArray{QJsonObject{{QStringLiteral("date"), kToday},
                                                                 {QStringLiteral("pain"), 6},
                                                                 {QStringLiteral("enjoyment"), 5},
                                                                 {QStringLiteral("activity"), 7}}}},
                  {QStringLiteral("screenings"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("instrument"), QStringLiteral("ort")},
                       {QStringLiteral("date"), kToday},
                       {QStringLiteral("answers"), QJsonObject{{QStringLiteral("personal_alcohol"), true}}}}}},
                  {QStringLiteral("uds"),
                   QJsonArray{QJsonObject{{QStringLiteral("date"), kToday},
                                          {QStringLiteral("result"), QStringLiteral("pending")}}}}}));
        QVERIFY2(rooming.exitCode == 0, rooming.err.constData());
        const QString uds = rooming.idsOf("uds").value(0);
        const QString ort = rooming.idsOf("screening").value(0);
        QVERIFY(!uds.isEmpty() && !ort.isEmpty() && rooming.idsOf("peg").size() == 1);
        QJsonObject gaps = gapsRowOf(patient, kToday);
        QVERIFY(!hasGap(gaps, QStringLiteral("PEG")));
        QVERIFY(!hasGap(gaps, QStringLiteral("UDS")));              // collected, result pending
        QVERIFY(!hasGap(gaps, QStringLiteral("RISK_ASSESSMENT")));  // the ORT
        QVERIFY(!hasGap(gaps, QStringLiteral("UDS_UNEXPECTED")));

        // The result arrives: unexpected. The alert is raised at once.
        const Run result =
            cairnctl(kClinician,
                     {QStringLiteral("record"), QStringLiteral("correct"), uds, QStringLiteral("--reason"),
                      QStringLiteral("lab result"), QStringLiteral("--json"), QStringLiteral("-")},
                     json({{QStringLiteral("date"), kToday},
                           {QStringLiteral("result"), QStringLiteral("unexpected")},
                           {QStringLiteral("substances"), QJsonArray{QStringLiteral("cocaine")}}}));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QString udsResult = result.lastLine();
        const Run unexpected = cairnctl(kClinician, {QStringLiteral("gaps"), QStringLiteral("--as-of"), kToday,
                                                     QStringLiteral("--code"), QStringLiteral("UDS_UNEXPECTED")});
        QCOMPARE(unexpected.exitCode, 0);
        const QJsonArray flagged = unexpected.object().value(QStringLiteral("patients")).toArray();
        QCOMPARE(flagged.size(), 1);
        QCOMPARE(flagged.at(0)[QStringLiteral("patient_id")].toString(), patient);

        // The dose was entered wrong (10 mg; the prescription says 5 mg): corrected with a reason.
        const Run dose = cairnctl(kClinician,
                                  {QStringLiteral("record"), QStringLiteral("correct"), opioid,
                                   QStringLiteral("--json"), QStringLiteral("-"), QStringLiteral("--reason"),
                                   QStringLiteral("entered 10 mg; the prescription is 5 mg")},
                                  json(oxycodone(5)));
        QVERIFY2(dose.exitCode == 0, dose.err.constData());
        const QString fixedDose = dose.lastLine();
        QCOMPARE(gapsRowOf(patient, kToday).value(QStringLiteral("total_per_day")).toDouble(), 22.5);

        // An ORT entered for the wrong patient is withdrawn.
        const Run withdrawn = cairnctl(kClinician, {QStringLiteral("record"), QStringLiteral("withdraw"), ort,
                                                    QStringLiteral("--reason"), QStringLiteral("wrong patient")});
        QVERIFY2(withdrawn.exitCode == 0, withdrawn.err.constData());
        QVERIFY(hasGap(gapsRowOf(patient, kToday), QStringLiteral("RISK_ASSESSMENT")));  // no ORT any more

        // The registry manager updates the phone number; nothing else changes.
        const Run edited = cairnctl(
            kManager,
            {QStringLiteral("patient"), QStringLiteral("edit"), patient, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("phone"), QStringLiteral("555-0199")}}));
        QVERIFY2(edited.exitCode == 0, edited.err.constData());

        // The history: both versions of the dose with the reason, who and when; the withdrawn ORT.
        const Run history = cairnctl(kClinician, {QStringLiteral("history"), patient, QStringLiteral("--json")});
        QVERIFY2(history.exitCode == 0, history.err.constData());
        const QJsonObject h = history.object();
        QCOMPARE(h.value(QStringLiteral("patient_id")).toString(), patient);
        const QJsonObject oldDose = historyVersion(h, opioid);
        const QJsonObject newDose = historyVersion(h, fixedDose);
        QCOMPARE(oldDose.value(QStringLiteral("status")).toString(), QStringLiteral("corrected"));
        QCOMPARE(oldDose.value(QStringLiteral("replaced_by")).toString(), fixedDose);
        QCOMPARE(oldDose[QStringLiteral("record")][QStringLiteral("strength_mg")].toDouble(), 10.0);
        QCOMPARE(newDose.value(QStringLiteral("status")).toString(), QStringLiteral("current"));
        QCOMPARE(newDose.value(QStringLiteral("replaces")).toArray(), QJsonArray{opioid});
        QCOMPARE(newDose.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("entered 10 mg; the prescription is 5 mg"));
        QCOMPARE(newDose[QStringLiteral("record")][QStringLiteral("strength_mg")].toDouble(), 5.0);
        QCOMPARE(newDose.value(QStringLiteral("author")).toString(), kClinician);
        QCOMPARE(newDose.value(QStringLiteral("kind")).toString(), QStringLiteral("opioid"));
        QCOMPARE(newDose.value(QStringLiteral("date")).toString(), QStringLiteral("2026-01-05"));
        QVERIFY(!newDose.value(QStringLiteral("recorded_at")).toString().isEmpty());
        const QJsonObject ortVersion = historyVersion(h, ort);
        QCOMPARE(ortVersion.value(QStringLiteral("status")).toString(), QStringLiteral("withdrawn"));
        QCOMPARE(ortVersion[QStringLiteral("withdrawal")][QStringLiteral("reason")].toString(),
                 QStringLiteral("wrong patient"));
        QCOMPARE(ortVersion[QStringLiteral("withdrawal")][QStringLiteral("author")].toString(), kClinician);
        QCOMPARE(historyVersion(h, uds).value(QStringLiteral("status")).toString(), QStringLiteral("corrected"));
        QCOMPARE(historyVersion(h, udsResult)[QStringLiteral("record")][QStringLiteral("result")].toString(),
                 QStringLiteral("unexpected"));
        // The manager's two versions, and the one written with the clinician's first opioid, which
        // names the clinic the prescriber of record from that prescription's start.
        QStringList demographicsAuthors;
        for (const QJsonValue &v : h.value(QStringLiteral("records")).toArray()) {
            if (v[QStringLiteral("kind")].toString() != QLatin1String("patient"))
                continue;
            demographicsAuthors << v[QStringLiteral("author")].toString();
            QCOMPARE(v[QStringLiteral("record")][QStringLiteral("name")].toString(), QStringLiteral("Jordan Rivera"));
            if (v[QStringLiteral("author")].toString() == kClinician)
                QCOMPARE(v[QStringLiteral("record")][QStringLiteral("opioid_prescriber_since")].toString(),
                         QStringLiteral("2026-01-05"));
        }
        demographicsAuthors.sort();
        QCOMPARE(demographicsAuthors, (QStringList{kClinician, kManager, kManager}));
        // The visit kept its booked time.
        bool visitTime = false;
        for (const QJsonValue &v : h.value(QStringLiteral("records")).toArray())
            visitTime =
                visitTime || (v[QStringLiteral("kind")].toString() == QLatin1String("visit") &&
                              v[QStringLiteral("record")][QStringLiteral("time")].toString() == QLatin1String("09:30"));
        QVERIFY(visitTime);

        // The same history for a terminal.
        const Run text = cairnctl(kClinician, {QStringLiteral("history"), patient});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("corrected"));
        QVERIFY(text.out.contains("withdrawn"));
        QVERIFY(text.out.contains("by Casey Clinician"));
        QVERIFY(text.out.contains("reason: entered 10 mg; the prescription is 5 mg"));

        // Every write is in the audit chain and in the outbox: 1 patient + 1 visit + 2 medicines
        // (with the demographics version that names the prescriber of record) + 3 rooming records
        // + 2 corrections + 1 withdrawal + 1 demographics edit.
        const Run audit = cairnctl(kAdmin, {QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(audit.exitCode, 0);
        QVERIFY(audit.out.contains("intact"));
        QCOMPARE(counts(), (QList<int>{12, 1, 12}));
    }

    // The fixture for the refusals: one patient, an opioid corrected once, a PEG.
    void fixture()
    {
        newRegistry(QStringLiteral("clinic.db"));
        QJsonObject p = patientObject(QStringLiteral("C-200"));
        p.insert(QStringLiteral("opioids"), QJsonArray{oxycodone(10)});
        const Run added = cairnctl(
            kManager, {QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--json"), QStringLiteral("-")},
            json(p));
        QVERIFY2(added.exitCode == 0, added.err.constData());
        m_patient = added.lastLine();
        const Run records = cairnctl(
            kClinician,
            {QStringLiteral("record"), QStringLiteral("add"), m_patient, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("peg"), QJsonArray{QJsonObject{{QStringLiteral("date"), kToday},
                                                                 {QStringLiteral("pain"), 4},
                                                                 {QStringLiteral("enjoyment"), 4},
                                                                 {QStringLiteral("activity"), 4}}}}}));
        QCOMPARE(records.exitCode, 0);
        m_peg = records.idsOf("peg").value(0);
        const Run history = cairnctl(kClinician, {QStringLiteral("history"), m_patient, QStringLiteral("--json")});
        for (const QJsonValue &v : history.object().value(QStringLiteral("records")).toArray())
            if (v[QStringLiteral("kind")].toString() == QLatin1String("opioid"))
                m_oldOpioid = v[QStringLiteral("id")].toString();
        QVERIFY(!m_oldOpioid.isEmpty());
        const Run corrected =
            cairnctl(kClinician,
                     {QStringLiteral("record"), QStringLiteral("correct"), m_oldOpioid, QStringLiteral("--json"),
                      QStringLiteral("-"), QStringLiteral("--reason"), QStringLiteral("typo")},
                     json(oxycodone(15)));
        QVERIFY2(corrected.exitCode == 0, corrected.err.constData());
        m_opioid = corrected.lastLine();
        QCOMPARE(counts(), (QList<int>{4, 1, 4}));
    }

    void badInputIsRefusedWithTheFieldAndWritesNothing_data()
    {
        QTest::addColumn<QStringList>("args");  // {P}: the patient, {O}: the opioid in force, {OLD}: its old version
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("field");
        const QString add = QStringLiteral("add");
        auto patientAdd = [](const QJsonObject &changes) {
            QJsonObject p = patientObject(QStringLiteral("C-300"));
            for (auto it = changes.begin(); it != changes.end(); ++it)
                p.insert(it.key(), it.value());
            return json(p);
        };
        const QStringList patientAddArgs{QStringLiteral("patient"), add, QStringLiteral("--json"), QStringLiteral("-")};
        QTest::newRow("patient add: not JSON") << patientAddArgs << QByteArray("{\"name\": ") << QStringLiteral("json");
        QTest::newRow("patient add: no file") << QStringList{QStringLiteral("patient"), add, QStringLiteral("--json"),
                                                             QStringLiteral("/nonexistent/p.json")}
                                              << QByteArray() << QStringLiteral("--json");
        QTest::newRow("patient add: no name")
            << patientAddArgs << patientAdd({{QStringLiteral("name"), QString()}}) << QStringLiteral("name");
        QTest::newRow("patient add: impossible birth date")
            << patientAddArgs << patientAdd({{QStringLiteral("birth_date"), QStringLiteral("1970-02-30")}})
            << QStringLiteral("birth_date");
        QTest::newRow("patient add: unknown sex")
            << patientAddArgs << patientAdd({{QStringLiteral("sex"), QStringLiteral("f")}}) << QStringLiteral("sex");
        QTest::newRow("patient add: duplicate clinic id")
            << patientAddArgs << patientAdd({{QStringLiteral("clinic_id"), QStringLiteral("C-200")}})
            << QStringLiteral("clinic_id");
        QTest::newRow("patient add: an id")
            << patientAddArgs << patientAdd({{QStringLiteral("id"), QStringLiteral("p1")}}) << QStringLiteral("id");
        QTest::newRow("patient add: negative strength")
            << patientAddArgs << patientAdd({{QStringLiteral("opioids"), QJsonArray{oxycodone(-5)}}})
            << QStringLiteral("opioids[0].strength_mg");

        const QStringList edit{QStringLiteral("patient"), QStringLiteral("edit"), QStringLiteral("{P}"),
                               QStringLiteral("--json"), QStringLiteral("-")};
        QTest::newRow("patient edit: unknown sex")
            << edit << json({{QStringLiteral("sex"), QStringLiteral("x")}}) << QStringLiteral("sex");
        QTest::newRow("patient edit: misspelt field")
            << edit << json({{QStringLiteral("phnoe"), QStringLiteral("555")}}) << QStringLiteral("phnoe");
        QTest::newRow("patient edit: records")
            << edit << json({{QStringLiteral("opioids"), QJsonArray{}}}) << QStringLiteral("opioids");
        QTest::newRow("patient edit: therapy before birth")
            << edit << json({{QStringLiteral("ltot_start"), QStringLiteral("1960-01-01")}})
            << QStringLiteral("ltot_start");
        QTest::newRow("patient edit: language")
            << edit << json({{QStringLiteral("language"), QStringLiteral("fr")}}) << QStringLiteral("language");
        QTest::newRow("patient edit: nothing") << edit << json({}) << QStringLiteral("json");
        QTest::newRow("patient edit: unknown patient")
            << QStringList{QStringLiteral("patient"), QStringLiteral("edit"),
                           QStringLiteral("00000000-0000-0000-0000-000000000000"), QStringLiteral("--json"),
                           QStringLiteral("-")}
            << json({{QStringLiteral("phone"), QStringLiteral("555")}}) << QStringLiteral("patient");
        QTest::newRow("patient inactivate: reason")
            << QStringList{QStringLiteral("patient"), QStringLiteral("inactivate"), QStringLiteral("{P}"),
                           QStringLiteral("--reason"), QStringLiteral("bored")}
            << QByteArray() << QStringLiteral("--reason");
        QTest::newRow("patient inactivate: date")
            << QStringList{QStringLiteral("patient"),   QStringLiteral("inactivate"), QStringLiteral("{P}"),
                           QStringLiteral("--reason"),  QStringLiteral("moved"),      QStringLiteral("--date"),
                           QStringLiteral("2026-13-01")}
            << QByteArray() << QStringLiteral("--date");

        const QStringList recordAdd{QStringLiteral("record"), add, QStringLiteral("{P}"), QStringLiteral("--json"),
                                    QStringLiteral("-")};
        QTest::newRow("record add: negative strength")
            << recordAdd << json({{QStringLiteral("opioids"), QJsonArray{oxycodone(-5)}}})
            << QStringLiteral("opioids[0].strength_mg");
        QTest::newRow("record add: unknown drug")
            << recordAdd
            << json({{QStringLiteral("opioids"),
                      QJsonArray{QJsonObject{{QStringLiteral("drug"), QStringLiteral("oxycodon")},
                                             {QStringLiteral("strength_mg"), 5},
                                             {QStringLiteral("doses_per_day"), 2},
                                             {QStringLiteral("start"), kToday}}}}})
            << QStringLiteral("opioids[0].drug");
        QTest::newRow("record add: urine result")
            << recordAdd
            << json({{QStringLiteral("uds"),
                      QJsonArray{QJsonObject{{QStringLiteral("date"), kToday},
                                             {QStringLiteral("result"), QStringLiteral("maybe")}}}}})
            << QStringLiteral("uds[0].result");
        QTest::newRow("record add: booking time")
            << recordAdd
            << json({{QStringLiteral("visits"),
                      QJsonArray{QJsonObject{{QStringLiteral("date"), kTomorrow},
                                             {QStringLiteral("time"), QStringLiteral("25:00")},
                                             {QStringLiteral("status"), QStringLiteral("scheduled")}}}}})
            << QStringLiteral("visits[0].time");
        QTest::newRow("record add: visit status")
            << recordAdd
            << json({{QStringLiteral("visits"),
                      QJsonArray{QJsonObject{{QStringLiteral("date"), kTomorrow},
                                             {QStringLiteral("status"), QStringLiteral("booked")}}}}})
            << QStringLiteral("visits[0].status");
        // The first list is valid; the second is not: nothing of either is written.
        QTest::newRow("record add: second entry bad")
            << recordAdd
            << json({{QStringLiteral("opioids"), QJsonArray{oxycodone(5)}},
                     {QStringLiteral("peg"), QJsonArray{QJsonObject{{QStringLiteral("date"), kToday},
                                                                    {QStringLiteral("pain"), 4},
                                                                    {QStringLiteral("enjoyment"), 4},
                                                                    {QStringLiteral("activity"), 4}},
                                                        QJsonObject{{QStringLiteral("date"), kToday},
                                                                    {QStringLiteral("pain"), 11},
                                                                    {QStringLiteral("enjoyment"), 4},
                                                                    {QStringLiteral("activity"), 4}}}}})
            << QStringLiteral("peg[1].pain");
        QTest::newRow("record add: ORT answer")
            << recordAdd
            << json({{QStringLiteral("screenings"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("instrument"), QStringLiteral("ort")},
                          {QStringLiteral("date"), kToday},
                          {QStringLiteral("answers"), QJsonObject{{QStringLiteral("personal_alcohol"), 3}}}}}}})
            << QStringLiteral("screenings[0].answers");
        // A concerning PDMP check says what concerned, as on the tablet (domain::validate).
        const QJsonObject concerningPdmp{{QStringLiteral("date"), kToday},
                                         {QStringLiteral("checked_by"), QStringLiteral("Morgan MA")},
                                         {QStringLiteral("concerning"), true}};
        QTest::newRow("record add: concerning PDMP without findings")
            << recordAdd << json({{QStringLiteral("pdmp_checks"), QJsonArray{concerningPdmp}}})
            << QStringLiteral("pdmp_checks[0].findings");
        QJsonObject blankFindings = concerningPdmp;
        blankFindings.insert(QStringLiteral("findings"), QStringLiteral("  "));
        QTest::newRow("record add: concerning PDMP, blank findings")
            << recordAdd << json({{QStringLiteral("pdmp_checks"), QJsonArray{blankFindings}}})
            << QStringLiteral("pdmp_checks[0].findings");
        QTest::newRow("patient add: concerning PDMP without findings")
            << patientAddArgs << patientAdd({{QStringLiteral("pdmp_checks"), QJsonArray{concerningPdmp}}})
            << QStringLiteral("pdmp_checks[0].findings");
        QTest::newRow("record add: demographics")
            << recordAdd << json({{QStringLiteral("name"), QStringLiteral("Someone")}}) << QStringLiteral("name");
        QTest::newRow("record add: no records") << recordAdd << json({}) << QStringLiteral("json");
        QTest::newRow("record add: unknown patient")
            << QStringList{QStringLiteral("record"), add, QStringLiteral("00000000-0000-0000-0000-000000000000"),
                           QStringLiteral("--json"), QStringLiteral("-")}
            << json({{QStringLiteral("opioids"), QJsonArray{oxycodone(5)}}}) << QStringLiteral("patient");

        const QStringList correct{QStringLiteral("record"), QStringLiteral("correct"), QStringLiteral("{O}"),
                                  QStringLiteral("--json"), QStringLiteral("-"),       QStringLiteral("--reason"),
                                  QStringLiteral("typo")};
        QTest::newRow("record correct: negative strength")
            << correct << json(oxycodone(-1)) << QStringLiteral("strength_mg");
        QTest::newRow("record correct: missing start") << correct
                                                       << json({{QStringLiteral("drug"), QStringLiteral("oxycodone")},
                                                                {QStringLiteral("strength_mg"), 5},
                                                                {QStringLiteral("doses_per_day"), 2}})
                                                       << QStringLiteral("start");
        QTest::newRow("record correct: no reason")
            << QStringList{QStringLiteral("record"), QStringLiteral("correct"), QStringLiteral("{O}"),
                           QStringLiteral("--json"), QStringLiteral("-")}
            << json(oxycodone(5)) << QStringLiteral("--reason");
        QTest::newRow("record correct: an old version")
            << QStringList{QStringLiteral("record"), QStringLiteral("correct"), QStringLiteral("{OLD}"),
                           QStringLiteral("--json"), QStringLiteral("-"),       QStringLiteral("--reason"),
                           QStringLiteral("typo")}
            << json(oxycodone(5)) << QStringLiteral("record");
        QTest::newRow("record correct: unknown record")
            << QStringList{QStringLiteral("record"),
                           QStringLiteral("correct"),
                           QStringLiteral("00000000-0000-0000-0000-000000000000"),
                           QStringLiteral("--json"),
                           QStringLiteral("-"),
                           QStringLiteral("--reason"),
                           QStringLiteral("typo")}
            << json(oxycodone(5)) << QStringLiteral("record");
        QTest::newRow("record withdraw: no reason")
            << QStringList{QStringLiteral("record"), QStringLiteral("withdraw"), QStringLiteral("{O}")} << QByteArray()
            << QStringLiteral("--reason");
        QTest::newRow("record withdraw: blank reason")
            << QStringList{QStringLiteral("record"), QStringLiteral("withdraw"), QStringLiteral("{O}"),
                           QStringLiteral("--reason"), QStringLiteral("  ")}
            << QByteArray() << QStringLiteral("--reason");
        QTest::newRow("record withdraw: an old version")
            << QStringList{QStringLiteral("record"), QStringLiteral("withdraw"), QStringLiteral("{OLD}"),
                           QStringLiteral("--reason"), QStringLiteral("typo")}
            << QByteArray() << QStringLiteral("record");
        QTest::newRow("record withdraw: the patient")
            << QStringList{QStringLiteral("record"), QStringLiteral("withdraw"), QStringLiteral("{P}"),
                           QStringLiteral("--reason"), QStringLiteral("typo")}
            << QByteArray() << QStringLiteral("record");
        QTest::newRow("history: unknown patient")
            << QStringList{QStringLiteral("history"), QStringLiteral("00000000-0000-0000-0000-000000000000")}
            << QByteArray() << QStringLiteral("patient");
        QTest::newRow("history: no id") << QStringList{QStringLiteral("history")} << QByteArray()
                                        << QStringLiteral("patient id");
        // A command made of actions names itself and lists its actions (cli_registry.h takeAction).
        QTest::newRow("record: no action")
            << QStringList{QStringLiteral("record")} << QByteArray() << QStringLiteral("record");
        QTest::newRow("patient: unknown action")
            << QStringList{QStringLiteral("patient"), QStringLiteral("delete"), QStringLiteral("{P}")} << QByteArray()
            << QStringLiteral("patient");
    }

    void badInputIsRefusedWithTheFieldAndWritesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QString, field);
        args.replaceInStrings(QStringLiteral("{OLD}"), m_oldOpioid);
        args.replaceInStrings(QStringLiteral("{P}"), m_patient);
        args.replaceInStrings(QStringLiteral("{O}"), m_opioid);
        const QList<int> before = counts();
        // The clinician may write every kind here (and edit demographics): the refusal is the input's.
        const Run run = cairnctl(kClinician, args, input);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errorLines().size(), 1);
        const QByteArray line = run.errorLines().first();
        // The field itself, or a part of it ("screenings[0].answers.personal_alcohol").
        const QByteArray prefix = "cairnctl: " + field.toUtf8();
        QVERIFY2(line.startsWith(prefix) && QByteArray(":.[").contains(line.at(prefix.size())), line.constData());
        if (QByteArray(QTest::currentDataTag()).endsWith(" action"))
            QVERIFY2(line.contains("say ") && line.contains(" or "), line.constData());
        QVERIFY2(run.out.isEmpty(), run.out.constData());
        QCOMPARE(counts(), before);
    }

    void concerningPdmpCheckWithFindingsIsWritten()
    {
        const QList<int> before = counts();
        const Run run = cairnctl(
            kClinician,
            {QStringLiteral("record"), QStringLiteral("add"), m_patient, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("pdmp_checks"),
                   QJsonArray{
                       QJsonObject{{QStringLiteral("date"), kToday},
                                   {QStringLiteral("concerning"), true},
                                   {QStringLiteral("findings"), QStringLiteral("three prescribers in 90 days")}}}}}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.idsOf("pdmp_check").size(), 1);
        QCOMPARE(counts().first(), before.first() + 1);
    }

    // Issue 18: `intake start|update|show`: the front desk starts an intake and keeps its
    // administrative fields, the clinician records the first-visit decision; bad input exits 2
    // naming the option and a field the role may not write exits 1, both writing nothing. The OUD
    // checklist through `record add` refuses an unanswered criterion naming it.
    void intakeThroughCairnctl()
    {
        const QString frontDesk = QStringLiteral("Frankie Front Desk");
        const Run added = cairnctl(kAdmin,
                                   {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"), frontDesk,
                                    QStringLiteral("--role"), QStringLiteral("front_desk")},
                                   {}, {QStringLiteral("CAIRN_NEW_PIN=") + pinOf(frontDesk)});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const Run started =
            cairnctl(frontDesk, {QStringLiteral("intake"), QStringLiteral("start"), m_patient, QStringLiteral("--date"),
                                 kToday, QStringLiteral("--prior-prescriber"), QStringLiteral("Valley Pain Clinic"),
                                 QStringLiteral("--records-requested"), kToday});
        QVERIFY2(started.exitCode == 0, started.err.constData());
        const QString intake = started.lastLine();

        const QList<int> before = counts();
        const Run badDate = cairnctl(frontDesk, {QStringLiteral("intake"), QStringLiteral("start"), m_patient,
                                                 QStringLiteral("--records-requested"), QStringLiteral("2026-13-01")});
        QCOMPARE(badDate.exitCode, 2);
        QVERIFY2(badDate.errorLines().value(0).startsWith("cairnctl: --records-requested:"), badDate.err.constData());
        const Run decidedByFrontDesk = cairnctl(frontDesk, {QStringLiteral("intake"), QStringLiteral("update"), intake,
                                                            QStringLiteral("--outcome"), QStringLiteral("continue"),
                                                            QStringLiteral("--outcome-date"), kToday,
                                                            QStringLiteral("--outcome-by"), QStringLiteral("Frankie")});
        QCOMPARE(decidedByFrontDesk.exitCode, 1);
        QVERIFY2(decidedByFrontDesk.errorLines().value(0).contains("first-visit decision"),
                 decidedByFrontDesk.err.constData());
        const Run noReview = cairnctl(kClinician, {QStringLiteral("intake"), QStringLiteral("update"), intake,
                                                   QStringLiteral("--outcome"), QStringLiteral("bridge"),
                                                   QStringLiteral("--outcome-date"), kToday,
                                                   QStringLiteral("--outcome-by"), QStringLiteral("Dr. Casey")});
        QCOMPARE(noReview.exitCode, 2);
        QVERIFY2(noReview.errorLines().value(0).startsWith("cairnctl: --review-date:"), noReview.err.constData());
        QCOMPARE(counts(), before);

        const Run received = cairnctl(frontDesk, {QStringLiteral("intake"), QStringLiteral("update"), intake,
                                                  QStringLiteral("--records-received"), kToday});
        QVERIFY2(received.exitCode == 0, received.err.constData());
        const Run decided = cairnctl(
            kClinician, {QStringLiteral("intake"), QStringLiteral("update"), received.lastLine(),
                         QStringLiteral("--outcome"), QStringLiteral("bridge"), QStringLiteral("--outcome-date"),
                         kToday, QStringLiteral("--review-date"), kTomorrow, QStringLiteral("--outcome-by"),
                         QStringLiteral("Dr. Casey"), QStringLiteral("--reason"), QStringLiteral("first visit")});
        QVERIFY2(decided.exitCode == 0, decided.err.constData());
        const Run shown = cairnctl(kClinician, {QStringLiteral("intake"), QStringLiteral("show"), m_patient,
                                                QStringLiteral("--as-of"), kToday});
        QVERIFY2(shown.exitCode == 0, shown.err.constData());
        const QJsonObject intakeShown = shown.object().value(QStringLiteral("intake")).toObject();
        QCOMPARE(intakeShown.value(QStringLiteral("outcome")).toString(), QStringLiteral("bridge"));
        QCOMPARE(intakeShown.value(QStringLiteral("prior_prescriber")).toString(),
                 QStringLiteral("Valley Pain Clinic"));
        QCOMPARE(intakeShown.value(QStringLiteral("records_received")).toString(), kToday);
        QVERIFY(shown.object().value(QStringLiteral("mme_per_day")).toDouble() > 0);

        // An OUD checklist with a criterion left unanswered is refused naming it.
        QJsonObject criteria;
        for (const char *id : {"larger_or_longer", "cannot_cut_down", "time_spent", "craving", "role_failure",
                               "social_problems", "activities_given_up", "hazardous_use", "despite_harm", "tolerance"})
            criteria.insert(QLatin1String(id), false);
        const QList<int> beforeOud = counts();
        const Run oud = cairnctl(
            kClinician,
            {QStringLiteral("record"), QStringLiteral("add"), m_patient, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("oud_assessments"),
                   QJsonArray{QJsonObject{{QStringLiteral("date"), kToday},
                                          {QStringLiteral("clinician"), QStringLiteral("Dr. Casey")},
                                          {QStringLiteral("as_prescribed"), true},
                                          {QStringLiteral("criteria"), criteria}}}}}));
        QCOMPARE(oud.exitCode, 2);
        QVERIFY2(oud.errorLines().value(0).startsWith("cairnctl: oud_assessments[0].criteria.withdrawal:"),
                 oud.err.constData());
        QCOMPARE(counts(), beforeOud);
    }

    void rolesThatMayNotAreRefused()
    {
        const QList<int> before = counts();
        // A registry manager keeps demographics, not prescriptions or results.
        const Run opioid = cairnctl(
            kManager,
            {QStringLiteral("record"), QStringLiteral("add"), m_patient, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("opioids"), QJsonArray{oxycodone(5)}}}));
        QCOMPARE(opioid.exitCode, 1);
        QCOMPARE(opioid.errorLines().size(), 1);
        QVERIFY2(opioid.errorLines().first().contains("role"), opioid.errorLines().first().constData());
        const Run correct =
            cairnctl(kManager,
                     {QStringLiteral("record"), QStringLiteral("correct"), m_opioid, QStringLiteral("--json"),
                      QStringLiteral("-"), QStringLiteral("--reason"), QStringLiteral("typo")},
                     json(oxycodone(5)));
        QCOMPARE(correct.exitCode, 1);
        QVERIFY(correct.errorLines().first().contains("role"));
        const Run withdraw = cairnctl(kManager, {QStringLiteral("record"), QStringLiteral("withdraw"), m_peg,
                                                 QStringLiteral("--reason"), QStringLiteral("typo")});
        QCOMPARE(withdraw.exitCode, 1);
        QVERIFY(withdraw.errorLines().first().contains("role"));
        // ... nor the risk tier, though it is kept with the patient's details.
        const Run tier = cairnctl(kManager,
                                  {QStringLiteral("patient"), QStringLiteral("edit"), m_patient,
                                   QStringLiteral("--json"), QStringLiteral("-")},
                                  json({{QStringLiteral("risk_tier"), QStringLiteral("high")},
                                        {QStringLiteral("risk_tier_reason"), QStringLiteral("ORT high")}}));
        QCOMPARE(tier.exitCode, 1);
        QVERIFY2(tier.errorLines().first().contains("role"), tier.errorLines().first().constData());
        // The administrator manages users, not clinical records.
        const Run admin = cairnctl(
            kAdmin,
            {QStringLiteral("record"), QStringLiteral("add"), m_patient, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("peg"), QJsonArray{QJsonObject{{QStringLiteral("date"), kToday},
                                                                 {QStringLiteral("pain"), 4},
                                                                 {QStringLiteral("enjoyment"), 4},
                                                                 {QStringLiteral("activity"), 4}}}}}));
        QCOMPARE(admin.exitCode, 1);
        QVERIFY(admin.errorLines().first().contains("role"));
        QCOMPARE(counts(), before);
    }

    void aRefusalIsOneSentenceForWritesViewsAndExport()
    {
        const QString nurse = QStringLiteral("Noor Nurse");
        const Run added = cairnctl(kAdmin,
                                   {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"), nurse,
                                    QStringLiteral("--role"), QStringLiteral("nurse")},
                                   {}, {QStringLiteral("CAIRN_NEW_PIN=") + pinOf(nurse)});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        // Every role reads the measures (issue 14), so no view refuses the nurse; the export and a
        // write say the refusal the same way.
        const Run measures = cairnctl(nurse, {QStringLiteral("measures"), QStringLiteral("--month"), kToday.left(7)});
        QCOMPARE(measures.exitCode, 0);
        const Run exported = cairnctl(kClinician, {QStringLiteral("export"), QStringLiteral("--json")});
        QCOMPARE(exported.exitCode, 1);
        QCOMPARE(exported.errorLines(),
                 QList<QByteArray>{"cairnctl: Your role does not allow exporting the registry."});
        const Run decided = cairnctl(
            nurse,
            {QStringLiteral("record"), QStringLiteral("add"), m_patient, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("opioids"), QJsonArray{oxycodone(5)}}}));
        QCOMPARE(decided.exitCode, 1);
        QVERIFY2(decided.errorLines().value(0).startsWith("cairnctl: Your role does not allow "),
                 decided.err.constData());
    }

    void patientEditMergesOnlyTheGivenFields()
    {
        const Run edit = cairnctl(
            kManager,
            {QStringLiteral("patient"), QStringLiteral("edit"), m_patient, QStringLiteral("--json"),
             writeFile(QStringLiteral("edit.json"), {{QStringLiteral("prescriber"), QStringLiteral("Dr. Lee")}})});
        QVERIFY2(edit.exitCode == 0, edit.err.constData());
        const Run exported = cairnctl(kManager, {QStringLiteral("export"), QStringLiteral("--json")});
        const QJsonObject p = QJsonDocument::fromJson(exported.out).array().first().toObject();
        QCOMPARE(p.value(QStringLiteral("prescriber")).toString(), QStringLiteral("Dr. Lee"));
        QCOMPARE(p.value(QStringLiteral("name")).toString(), QStringLiteral("Jordan Rivera"));
        QCOMPARE(p.value(QStringLiteral("phone")).toString(), QStringLiteral("555-0100"));
        QCOMPARE(p.value(QStringLiteral("language")).toString(), QStringLiteral("es"));
        QCOMPARE(p.value(QStringLiteral("opioids")).toArray().size(), 1);
        // The same change again writes nothing.
        const QList<int> before = counts();
        const Run again = cairnctl(
            kManager,
            {QStringLiteral("patient"), QStringLiteral("edit"), m_patient, QStringLiteral("--json"),
             writeFile(QStringLiteral("edit.json"), {{QStringLiteral("prescriber"), QStringLiteral("Dr. Lee")}})});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(counts(), before);
    }

    // Inactivation keeps the patient and the history, and takes them off the huddle.
    void patientInactivateLeavesTheHuddleAndKeepsTheRecord()
    {
        auto listed = [&] {
            const Run huddle = cairnctl(kClinician, {QStringLiteral("huddle"), QStringLiteral("--date"), kTomorrow});
            const QJsonArray rows = huddle.object().value(QStringLiteral("patients")).toArray();
            return std::any_of(rows.begin(), rows.end(), [&](const QJsonValue &row) {
                return row[QStringLiteral("patient_id")].toString() == m_patient;
            });
        };
        // The registry manager books (the front desk's work), though it may not record rooming.
        const Run booked = cairnctl(
            kManager,
            {QStringLiteral("record"), QStringLiteral("add"), m_patient, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("visits"),
                   QJsonArray{QJsonObject{{QStringLiteral("date"), kTomorrow},
                                          {QStringLiteral("status"), QStringLiteral("scheduled")},
                                          {QStringLiteral("time"), QStringLiteral("09:30")}}}}}));
        QVERIFY2(booked.exitCode == 0, booked.err.constData());
        QVERIFY2(listed(), "the patient booked tomorrow is on tomorrow's huddle before leaving");
        const Run run =
            cairnctl(kManager, {QStringLiteral("patient"), QStringLiteral("inactivate"), m_patient,
                                QStringLiteral("--reason"), QStringLiteral("moved"), QStringLiteral("--date"), kToday});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const Run exported = cairnctl(kManager, {QStringLiteral("export"), QStringLiteral("--json")});
        const QJsonObject p = QJsonDocument::fromJson(exported.out).array().first().toObject();
        QCOMPARE(p.value(QStringLiteral("status")).toString(), QStringLiteral("inactive"));
        QCOMPARE(p.value(QStringLiteral("inactive_reason")).toString(), QStringLiteral("moved"));
        QCOMPARE(p.value(QStringLiteral("inactive_date")).toString(), kToday);
        QCOMPARE(p.value(QStringLiteral("opioids")).toArray().size(), 1);  // the record is kept
        QVERIFY2(!listed(), "an inactive patient is not on the huddle");
    }

    // The clinic's definition of long-term therapy and its measure policy, end to end: patients
    // and records written through cairnctl into a real registry, the policy changed by an
    // administrator, and the registry list and the measures following it (docs/clinic-policy.md).
    void ltotDefinitionAndMeasurePolicyThroughARealRegistry()
    {
        newRegistry(QStringLiteral("ltot.db"));
        auto addPatient = [this](const QString &clinicId, const QJsonObject &records) {
            const Run added =
                cairnctl(kManager, {QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--json"),
                                    writeFile(clinicId + QStringLiteral(".json"), patientObject(clinicId))});
            if (added.exitCode != 0)
                qFatal("patient add failed: %s", added.err.constData());
            const QString id = added.lastLine();
            const Run written = cairnctl(
                kClinician,
                {QStringLiteral("record"), QStringLiteral("add"), id, QStringLiteral("--json"), QStringLiteral("-")},
                json(records));
            if (written.exitCode != 0)
                qFatal("record add failed: %s", written.err.constData());
            return id;
        };
        auto entry = [](const char *drug, const char *start, const char *end = nullptr,
                        const char *indication = nullptr) {
            QJsonObject o{{QStringLiteral("drug"), QLatin1String(drug)},
                          {QStringLiteral("strength_mg"), 5},
                          {QStringLiteral("doses_per_day"), 2},
                          {QStringLiteral("start"), QLatin1String(start)}};
            if (end)
                o.insert(QStringLiteral("end"), QLatin1String(end));
            if (indication)
                o.insert(QStringLiteral("indication"), QLatin1String(indication));
            return o;
        };
        // Long-term since 2025, PDMP twice in the year; an acute course in September then an ongoing
        // prescription from October 5; buprenorphine for opioid use disorder only; a finished acute
        // course; no opioid here but a clinician's decision.
        const QString longTerm = addPatient(
            QStringLiteral("L-1"),
            {{QStringLiteral("opioids"), QJsonArray{entry("oxycodone", "2025-01-05")}},
             {QStringLiteral("pdmp_checks"), QJsonArray{QStringLiteral("2026-01-10"), QStringLiteral("2026-09-15")}}});
        const QString movedOn =
            addPatient(QStringLiteral("L-2"),
                       {{QStringLiteral("opioids"), QJsonArray{entry("oxycodone", "2026-09-10", "2026-09-20"),
                                                               entry("oxycodone", "2026-10-05")}}});
        const QString moud =
            addPatient(QStringLiteral("L-3"),
                       {{QStringLiteral("opioids"), QJsonArray{entry("buprenorphine", "2025-03-01", nullptr, "oud")}}});
        const QString acute =
            addPatient(QStringLiteral("L-4"),
                       {{QStringLiteral("opioids"), QJsonArray{entry("hydrocodone", "2026-10-20", "2026-10-27")}}});
        const QString flagged = addPatient(
            QStringLiteral("L-5"),
            {{QStringLiteral("ltot_decisions"),
              QJsonArray{QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-10-01")},
                                     {QStringLiteral("long_term"), true},
                                     {QStringLiteral("reason"), QStringLiteral("regular prescriptions elsewhere")}}}}});
        // Opioid use disorder treatment is buprenorphine or methadone: anything else is refused by field.
        const Run wrongMoud = cairnctl(
            kClinician,
            {QStringLiteral("record"), QStringLiteral("add"), acute, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("opioids"), QJsonArray{entry("oxycodone", "2026-10-01", nullptr, "oud")}}}));
        QCOMPARE(wrongMoud.exitCode, 2);
        QVERIFY2(wrongMoud.errorLines().first().contains("indication"), wrongMoud.err.constData());

        QHash<QString, QString> reasons;  // why each patient is on the registry list
        auto registryList = [this, &reasons]() {
            QStringList ids;
            const Run gaps =
                cairnctl(kClinician, {QStringLiteral("gaps"), QStringLiteral("--as-of"), QStringLiteral("2026-10-31")});
            for (const QJsonValue &row : gaps.object().value(QStringLiteral("patients")).toArray()) {
                ids << row[QStringLiteral("patient_id")].toString();
                reasons.insert(ids.last(), row[QStringLiteral("ltot_reason")].toString());
            }
            ids.sort();
            return ids;
        };
        auto october = [this]() {
            const Run run = cairnctl(
                kClinician, {QStringLiteral("measures"), QStringLiteral("--month"), QStringLiteral("2026-10")});
            if (run.exitCode != 0)
                qFatal("measures failed: %s", run.err.constData());
            return run.object();
        };
        auto measureOf = [](const QJsonObject &month, const char *id) {
            for (const QJsonValue &m : month.value(QStringLiteral("measures")).toArray())
                if (m[QStringLiteral("id")].toString() == QLatin1String(id))
                    return m.toObject();
            return QJsonObject();
        };
        QStringList expected{longTerm, movedOn, flagged};
        expected.sort();
        QCOMPARE(registryList(), expected);  // not the MOUD-only patient, not the finished acute course
        QVERIFY(!reasons.contains(moud));
        QCOMPARE(reasons.value(longTerm), QStringLiteral("supply_on_most_days"));
        QCOMPARE(reasons.value(movedOn), QStringLiteral("expected_long_term"));
        QCOMPARE(reasons.value(flagged), QStringLiteral("clinician_flag"));

        const QJsonObject before = october();
        QCOMPARE(before.value(QStringLiteral("policy_version")).toString(), QStringLiteral("default-1"));
        QCOMPARE(before.value(QStringLiteral("cot_patients")).toInt(), 3);
        QCOMPARE(measureOf(before, "acute_to_long_term")[QStringLiteral("patients")].toArray(), QJsonArray{movedOn});
        QCOMPARE(measureOf(before, "pdmp_twice_365d")[QStringLiteral("patients")].toArray(), QJsonArray{longTerm});
        QCOMPARE(measureOf(before, "pdmp_twice_365d")[QStringLiteral("window_days")].toInt(), 365);
        QCOMPARE(measureOf(before, "pdmp_90d")[QStringLiteral("target")][QStringLiteral("at_least")].toDouble(), 90.0);

        // A bad value: refused with the key named, nothing applied.
        const Run bad = cairnctl(
            kAdmin, {QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--json"), QStringLiteral("-")},
            R"({"ltot_definition": {"count_clinician_flag": false}, "measures": {"targets": {"pdmp_90d": 120}}})");
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.errorLines().first().contains("policy.measures.targets.pdmp_90d"), bad.err.constData());
        QCOMPARE(october().value(QStringLiteral("cot_patients")).toInt(), 3);
        QCOMPARE(october().value(QStringLiteral("policy_version")).toString(), QStringLiteral("default-1"));

        // The clinic stops counting clinicians' flags, looks 30 days back for two PDMP checks and
        // sets its own PDMP target.
        const Run set = cairnctl(
            kAdmin, {QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--json"), QStringLiteral("-")},
            R"({"ltot_definition": {"count_clinician_flag": false},
                "measures": {"windows_days": {"pdmp_twice": 30}, "targets": {"pdmp_90d": 75}}})");
        QVERIFY2(set.exitCode == 0, set.err.constData());
        expected.removeOne(flagged);
        QCOMPARE(registryList(), expected);
        const QJsonObject after = october();
        QCOMPARE(after.value(QStringLiteral("policy_version")).toString(), QStringLiteral("clinic-1"));
        QCOMPARE(after.value(QStringLiteral("cot_patients")).toInt(), 2);
        QCOMPARE(measureOf(after, "pdmp_twice_365d")[QStringLiteral("numerator")].toInt(), 0);
        QCOMPARE(measureOf(after, "pdmp_twice_365d")[QStringLiteral("window_days")].toInt(), 30);
        QCOMPARE(measureOf(after, "pdmp_90d")[QStringLiteral("target")][QStringLiteral("at_least")].toDouble(), 75.0);
        const QJsonObject shown = cairnctl(kAdmin, {QStringLiteral("policy"), QStringLiteral("show")}).object();
        QCOMPARE(shown[QStringLiteral("ltot_definition")][QStringLiteral("count_clinician_flag")].toBool(true), false);
        QCOMPARE(shown[QStringLiteral("measures")][QStringLiteral("targets")][QStringLiteral("pdmp_90d")].toDouble(),
                 75.0);
    }

    // Issue 18: the directory and referrals through cairnctl alone. The registry manager adds and
    // edits resources; the clinician refers a patient at 95 MME to one; bad input exits 2 naming the
    // field and writes nothing; the follow-up is the registry manager's gap once overdue, until the
    // referral is closed.
    void resourcesAndReferralsThroughCairnctl()
    {
        newRegistry(QStringLiteral("referrals.db"));
        const QStringList painArgs{QStringLiteral("resources"),      QStringLiteral("add"),
                                   QStringLiteral("--name"),         QStringLiteral("Valley Pain Center"),
                                   QStringLiteral("--category"),     QStringLiteral("pain_specialist"),
                                   QStringLiteral("--languages"),    QStringLiteral("en,es"),
                                   QStringLiteral("--telehealth"),   QStringLiteral("yes"),
                                   QStringLiteral("--distance"),     QStringLiteral("42"),
                                   QStringLiteral("--unit"),         QStringLiteral("mi"),
                                   QStringLiteral("--how-to-refer"), QStringLiteral("Fax form 12 and the last note")};
        // The clinician may not write the directory (exit 1); a bad category is named (exit 2).
        QCOMPARE(cairnctl(kClinician, painArgs).exitCode, 1);
        QStringList badCategory = painArgs;
        badCategory[5] = QStringLiteral("chiropractic");
        const Run refused = cairnctl(kManager, badCategory);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.error().startsWith("cairnctl: category:"), refused.err.constData());
        const Run pain = cairnctl(kManager, painArgs);
        QVERIFY2(pain.exitCode == 0, pain.err.constData());
        const QString painId = pain.lastLine();
        const Run pt = cairnctl(kManager, {QStringLiteral("resources"), QStringLiteral("add"), QStringLiteral("--name"),
                                           QStringLiteral("Lakeside Pool"), QStringLiteral("--category"),
                                           QStringLiteral("other_nondrug"), QStringLiteral("--subtype"),
                                           QStringLiteral("aqua therapy")});
        QVERIFY2(pt.exitCode == 0, pt.err.constData());
        const Run edited = cairnctl(kManager, {QStringLiteral("resources"), QStringLiteral("edit"), painId,
                                               QStringLiteral("--phone"), QStringLiteral("555-0199")});
        QVERIFY2(edited.exitCode == 0, edited.err.constData());
        QCOMPARE(edited.lastLine(), painId);

        // Searchable by every role: text, category, JSON.
        const Run aqua = cairnctl(kClinician, {QStringLiteral("resources"), QStringLiteral("list"),
                                               QStringLiteral("--search"), QStringLiteral("aqua")});
        QCOMPARE(aqua.exitCode, 0);
        QVERIFY(aqua.out.contains("Lakeside Pool") && !aqua.out.contains("Valley Pain Center"));
        const Run listed =
            cairnctl(kClinician, {QStringLiteral("resources"), QStringLiteral("list"), QStringLiteral("--category"),
                                  QStringLiteral("pain_specialist"), QStringLiteral("--json")});
        const QJsonArray found = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first()[QStringLiteral("phone")].toString(), QStringLiteral("555-0199"));
        QCOMPARE(found.first()[QStringLiteral("distance_unit")].toString(), QStringLiteral("mi"));
        const Run history = cairnctl(kClinician, {QStringLiteral("resources"), QStringLiteral("history"), painId});
        QCOMPARE(history.out.trimmed().split('\n').size(), 2);

        // A patient at 95 MME: REFERRAL_NEEDED is the clinician's until a referral.
        const Run added =
            cairnctl(kManager, {QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--json"),
                                writeFile(QStringLiteral("ref-patient.json"), patientObject(QStringLiteral("R-95")))});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const QString patient = added.lastLine();
        const Run dose = cairnctl(
            kClinician,
            {QStringLiteral("record"), QStringLiteral("add"), patient, QStringLiteral("--json"), QStringLiteral("-")},
            json({{QStringLiteral("opioids"),
                   QJsonArray{QJsonObject{{QStringLiteral("drug"), QStringLiteral("morphine")},
                                          {QStringLiteral("strength_mg"), 95},
                                          {QStringLiteral("units_per_dose"), 1},
                                          {QStringLiteral("doses_per_day"), 1},
                                          {QStringLiteral("start"), QStringLiteral("2026-01-05")}}}}}));
        QVERIFY2(dose.exitCode == 0, dose.err.constData());
        QVERIFY(hasGap(gapsRowOf(patient, QStringLiteral("2026-11-02")), QStringLiteral("REFERRAL_NEEDED")));

        // Bad referrals: each exits 2 naming the field, and nothing is written.
        const QList<int> before = counts();
        const QStringList refer{QStringLiteral("referral"), QStringLiteral("add"), patient};
        const Run unknown =
            cairnctl(kClinician, refer + QStringList{QStringLiteral("--resource"),
                                                     QStringLiteral("0f1e2d3c-4b5a-4697-8877-665544332211"),
                                                     QStringLiteral("--question"), QStringLiteral("Taper?")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.error().startsWith("cairnctl: resource_id:"), unknown.err.constData());
        const Run noQuestion = cairnctl(kClinician, refer + QStringList{QStringLiteral("--resource"), painId});
        QCOMPARE(noQuestion.exitCode, 2);
        QVERIFY2(noQuestion.error().startsWith("cairnctl: question:"), noQuestion.err.constData());
        QCOMPARE(counts(), before);

        const Run referred = cairnctl(
            kClinician, refer + QStringList{QStringLiteral("--resource"), painId, QStringLiteral("--question"),
                                            QStringLiteral("Would a slow taper suit her?"), QStringLiteral("--urgency"),
                                            QStringLiteral("soon"), QStringLiteral("--status"), QStringLiteral("sent"),
                                            QStringLiteral("--date"), QStringLiteral("2026-11-02")});
        QVERIFY2(referred.exitCode == 0, referred.err.constData());
        const QString referral = referred.lastLine();
        QVERIFY(!hasGap(gapsRowOf(patient, QStringLiteral("2026-11-02")), QStringLiteral("REFERRAL_NEEDED")));

        // Sent on 2 November with 14 days to follow up: on the 17th it is the registry manager's gap.
        const QJsonObject late = gapsRowOf(patient, QStringLiteral("2026-11-17"));
        QVERIFY(hasGap(late, QStringLiteral("REFERRAL_FOLLOWUP")));
        for (const QJsonValue &gap : late.value(QStringLiteral("gaps")).toArray())
            if (gap[QStringLiteral("code")].toString() == QLatin1String("REFERRAL_FOLLOWUP"))
                QCOMPARE(gap[QStringLiteral("role")].toString(), QStringLiteral("registry_manager"));

        // An impossible move is refused naming the status; the registry manager moves it on.
        const Run skipped = cairnctl(kManager, {QStringLiteral("referral"), QStringLiteral("update"), referral,
                                                QStringLiteral("--status"), QStringLiteral("drafted")});
        QCOMPARE(skipped.exitCode, 2);
        QVERIFY2(skipped.error().startsWith("cairnctl: status:"), skipped.err.constData());
        const Run scheduled = cairnctl(kManager, {QStringLiteral("referral"), QStringLiteral("update"), referral,
                                                  QStringLiteral("--status"), QStringLiteral("scheduled"),
                                                  QStringLiteral("--date"), QStringLiteral("2026-11-17")});
        QVERIFY2(scheduled.exitCode == 0, scheduled.err.constData());
        QVERIFY(!hasGap(gapsRowOf(patient, QStringLiteral("2026-11-17")), QStringLiteral("REFERRAL_FOLLOWUP")));
        const Run seen = cairnctl(kManager, {QStringLiteral("referral"), QStringLiteral("update"), scheduled.lastLine(),
                                             QStringLiteral("--status"), QStringLiteral("seen"),
                                             QStringLiteral("--date"), QStringLiteral("2026-11-30")});
        QVERIFY2(seen.exitCode == 0, seen.err.constData());
        const Run closed = cairnctl(kManager, {QStringLiteral("referral"), QStringLiteral("update"), seen.lastLine(),
                                               QStringLiteral("--status"), QStringLiteral("closed"),
                                               QStringLiteral("--date"), QStringLiteral("2026-12-01")});
        QVERIFY2(closed.exitCode == 0, closed.err.constData());
        QVERIFY(!hasGap(gapsRowOf(patient, QStringLiteral("2027-03-01")), QStringLiteral("REFERRAL_FOLLOWUP")));
        const Run list = cairnctl(
            kClinician, {QStringLiteral("referral"), QStringLiteral("list"), patient, QStringLiteral("--json")});
        const QJsonArray referrals = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(referrals.size(), 1);
        QCOMPARE(referrals.first()[QStringLiteral("status")].toString(), QStringLiteral("closed"));
        QCOMPARE(referrals.first()[QStringLiteral("resource_id")].toString(), painId);
        QVERIFY(!referrals.first()[QStringLiteral("open")].toBool());

        // A recorded decision not to refer needs its reason.
        const Run noReason = cairnctl(kClinician, {QStringLiteral("referral"), QStringLiteral("no-referral"), patient,
                                                   QStringLiteral("--trigger"), QStringLiteral("taper_paused")});
        QCOMPARE(noReason.exitCode, 2);
        QVERIFY2(noReason.error().contains("reason"), noReason.err.constData());
        const Run decided =
            cairnctl(kClinician, {QStringLiteral("referral"), QStringLiteral("no-referral"), patient,
                                  QStringLiteral("--trigger"), QStringLiteral("high_dose"), QStringLiteral("--reason"),
                                  QStringLiteral("tapering with the pain center's plan")});
        QVERIFY2(decided.exitCode == 0, decided.err.constData());

        // MOUD "referred" names a directory resource that offers MOUD, through `record add` too:
        // missing, unknown or not a MOUD resource, each exits 2 naming resource_id, writing nothing.
        const Run bup = cairnctl(kManager, {QStringLiteral("resources"), QStringLiteral("add"),
                                            QStringLiteral("--name"), QStringLiteral("North Bridge Recovery"),
                                            QStringLiteral("--category"), QStringLiteral("moud_prescriber")});
        QVERIFY2(bup.exitCode == 0, bup.err.constData());
        const QString bupId = bup.lastLine();
        const auto moudReferral = [&](const QString &resourceId) {
            QJsonObject status{{QStringLiteral("date"), QStringLiteral("2026-11-20")},
                               {QStringLiteral("state"), QStringLiteral("referred")},
                               {QStringLiteral("medication"), QStringLiteral("buprenorphine")}};
            if (!resourceId.isEmpty())
                status.insert(QStringLiteral("resource_id"), resourceId);
            return cairnctl(kClinician,
                            {QStringLiteral("record"), QStringLiteral("add"), patient, QStringLiteral("--json"),
                             QStringLiteral("-")},
                            json({{QStringLiteral("moud_statuses"), QJsonArray{status}}}));
        };
        const QList<int> beforeMoud = counts();
        for (const QString &wrong : {QString(), QStringLiteral("0f1e2d3c-4b5a-4697-8877-665544332211"), painId}) {
            const Run refusedMoud = moudReferral(wrong);
            QCOMPARE(refusedMoud.exitCode, 2);
            QVERIFY2(refusedMoud.error().contains("resource_id:"), refusedMoud.err.constData());
        }
        QCOMPARE(counts(), beforeMoud);
        const Run moud = moudReferral(bupId);
        QVERIFY2(moud.exitCode == 0, moud.err.constData());
        const Run shown = cairnctl(kClinician, {QStringLiteral("history"), patient, QStringLiteral("--json")});
        QVERIFY2(shown.out.contains(bupId.toUtf8()), shown.out.constData());
    }

    void helpListsTheCommands()
    {
        const Run help = cairnctl(kAdmin, {QStringLiteral("help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *command : {"patient add", "record add", "correct RECORD_ID", "withdraw RECORD_ID",
                                    "history ID", "inactivate ID", "resources list", "referral add"})
            QVERIFY2(help.out.contains(command), command);
    }
};

QTEST_GUILESS_MAIN(TestCairnctlRecords)
#include "test_cairnctl_records.moc"
