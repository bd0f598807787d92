// FHIR R4 in and out through cairnctl, as a clinic would use it: a real process, a real encrypted
// registry. Bundles are shaped like the CQF opioid-mme-r4 test resources (MedicationRequests coded
// in RxNorm with dosageInstruction and dispenseRequest.validityPeriod); every MME below is worked
// out by hand with the CDC 2022 factors (oxycodone 1.5, hydrocodone 1, fentanyl patch 2.4 per mcg/hr).

#include "tests/support/cairnctl_process.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace {

const QString kRxNorm = QStringLiteral("http://www.nlm.nih.gov/research/umls/rxnorm");
const QString kLoinc = QStringLiteral("http://loinc.org");
const QString kCairn = QStringLiteral("https://cairn.invalid/fhir/CodeSystem/");
const QString kGoalAchievement = QStringLiteral("http://terminology.hl7.org/CodeSystem/goal-achievement");
const QString kCairnObservation = kCairn + "observation";

QJsonObject patient(const QString &id, const QString &name, const QString &mrn)
{
    return {
        {"resourceType", "Patient"},
        {"id", id},
        {"identifier",
         QJsonArray{QJsonObject{
             {"type",
              QJsonObject{{"coding", QJsonArray{QJsonObject{{"system", "http://terminology.hl7.org/CodeSystem/v2-0203"},
                                                            {"code", "MR"}}}}}},
             {"value", mrn}}}},
        {"name",
         QJsonArray{QJsonObject{{"family", name.section(' ', 1)}, {"given", QJsonArray{name.section(' ', 0, 0)}}}}},
        {"gender", "female"},
        {"birthDate", "1961-04-12"}};
}

QJsonObject quantity(double value, const QString &unit)
{
    return {{"value", value}, {"unit", unit}, {"system", "http://unitsofmeasure.org"}, {"code", unit}};
}

// A MedicationRequest the way the CQF test resources write one.
QJsonObject request(const QString &id, const QString &subject, const QString &rxcui, const QJsonObject &dose,
                    const QJsonObject &timing, const QJsonObject &extra = {})
{
    QJsonObject dosage{{"timing", timing},
                       {"asNeededBoolean", false},
                       {"doseAndRate", QJsonArray{QJsonObject{{"doseQuantity", dose}}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        dosage.insert(it.key(), it.value());
    return {{"resourceType", "MedicationRequest"},
            {"id", id},
            {"status", "active"},
            {"intent", "order"},
            {"medicationCodeableConcept",
             QJsonObject{{"coding", QJsonArray{QJsonObject{{"system", kRxNorm}, {"code", rxcui}}}}}},
            {"subject", QJsonObject{{"reference", subject}}},
            {"authoredOn", "2020-06-26"},
            {"dosageInstruction", QJsonArray{dosage}},
            {"dispenseRequest",
             QJsonObject{{"validityPeriod", QJsonObject{{"start", "2020-06-25"}, {"end", "2020-12-25"}}}}}};
}

QJsonObject every(double frequency, double period, const QString &unit)
{
    return {{"repeat", QJsonObject{{"frequency", frequency}, {"period", period}, {"periodUnit", unit}}}};
}

// A timing abbreviation (BID, TID, ...) as FHIR's Timing.code carries it.
QJsonObject coded(const QString &abbreviation, const QJsonObject &timing = {})
{
    QJsonObject out = timing;
    out.insert("code",
               QJsonObject{{"coding", QJsonArray{QJsonObject{
                                          {"system", "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation"},
                                          {"code", abbreviation}}}}});
    return out;
}

// A patient who left the clinic, the way Cairn exports one: active false, the reason and the day.
QJsonObject inactivePatient(const QString &id, const QString &name, const QString &mrn, const QString &reason,
                            const QString &date)
{
    QJsonObject p = patient(id, name, mrn);
    p.insert("active", false);
    p.insert("extension",
             QJsonArray{QJsonObject{{"url", "https://cairn.invalid/fhir/StructureDefinition/inactive-reason"},
                                    {"valueCode", reason}},
                        QJsonObject{{"url", "https://cairn.invalid/fhir/StructureDefinition/inactive-date"},
                                    {"valueDate", date}}});
    return p;
}

QJsonObject loincCode(const QString &code)
{
    return {{"coding", QJsonArray{QJsonObject{{"system", kLoinc}, {"code", code}}}}};
}

QJsonObject observation(const QString &id, const QString &subject, const QString &code, const QString &date)
{
    return {{"resourceType", "Observation"},
            {"id", id},
            {"status", "final"},
            {"code", loincCode(code)},
            {"subject", QJsonObject{{"reference", subject}}},
            {"effectiveDateTime", date}};
}

QJsonObject withComponents(QJsonObject o, const QStringList &codes, const QList<int> &values)
{
    QJsonArray components;
    for (qsizetype i = 0; i < codes.size(); ++i)
        components.append(QJsonObject{{"code", loincCode(codes.at(i))}, {"valueInteger", values.at(i)}});
    o.insert("component", components);
    return o;
}

QJsonObject cairnCoding(const QString &system, const QString &code)
{
    return {{"coding",
             QJsonArray{QJsonObject{{"system", "https://cairn.invalid/fhir/CodeSystem/" + system}, {"code", code}}}}};
}

// A record in Cairn's observation codes (decisions, the OUD checklist, MOUD, intakes).
QJsonObject cairnObservation(const QString &id, const QString &code)
{
    QJsonObject o = observation(id, "Patient/p1", "", "2020-06-30");
    o.insert("code", cairnCoding("observation", code));
    return o;
}

QJsonObject component(const QString &system, const QString &code, const QString &valueKey, const QJsonValue &value)
{
    return {{"code", cairnCoding(system, code)}, {valueKey, value}};
}

// A DSM-5 checklist with the criteria named yes, every other one no, taken as prescribed or not.
QJsonArray oudAnswers(const QStringList &yes, bool asPrescribed)
{
    QJsonArray components;
    for (const char *criterion :
         {"larger_or_longer", "cannot_cut_down", "time_spent", "craving", "role_failure", "social_problems",
          "activities_given_up", "hazardous_use", "despite_harm", "tolerance", "withdrawal"})
        components.append(
            component("oud-criterion", criterion, "valueBoolean", yes.contains(QLatin1String(criterion))));
    components.append(component("observation", "oud-as-prescribed", "valueBoolean", asPrescribed));
    return components;
}

QJsonObject task(const QString &id, const QString &subject, const QString &status, const QString &role)
{
    return {{"resourceType", "Task"},
            {"id", id},
            {"status", status},
            {"intent", "order"},
            {"description", "Call the pharmacy about the refill."},
            {"for", QJsonObject{{"reference", subject}}},
            {"authoredOn", "2020-06-30"},
            {"performerType", QJsonArray{cairnCoding("role", role)}},
            {"restriction", QJsonObject{{"period", QJsonObject{{"end", "2020-07-07"}}}}}};
}

// An opioid treatment agreement the way Cairn exports one (docs/interoperability.md).
QJsonObject agreement(const QString &id, const QString &subject, const QString &status)
{
    return {
        {"resourceType", "Consent"},
        {"id", id},
        {"status", status},
        {"scope",
         QJsonObject{{"coding", QJsonArray{QJsonObject{{"system", "http://terminology.hl7.org/CodeSystem/consentscope"},
                                                       {"code", "treatment"}}}}}},
        {"category", QJsonArray{loincCode("59284-0")}},
        {"patient", QJsonObject{{"reference", subject}}},
        {"dateTime", "2020-06-30"},
        {"policy", QJsonArray{QJsonObject{{"uri", "https://cairn.invalid/fhir/Policy/opioid-treatment-agreement"}}}}};
}

QJsonObject encounter(const QString &id, const QString &subject, const QString &status, const QString &actClass)
{
    return {{"resourceType", "Encounter"},
            {"id", id},
            {"status", status},
            {"class", QJsonObject{{"system", "http://terminology.hl7.org/CodeSystem/v3-ActCode"}, {"code", actClass}}},
            {"subject", QJsonObject{{"reference", subject}}},
            {"period", QJsonObject{{"start", "2020-06-30"}}}};
}

QJsonObject referral(const QString &id, const QString &subject, const QString &status, const QString &course)
{
    QJsonObject o{
        {"resourceType", "ServiceRequest"},
        {"id", id},
        {"status", status},
        {"intent", "order"},
        {"category", QJsonArray{QJsonObject{{"coding", QJsonArray{QJsonObject{{"system", "http://snomed.info/sct"},
                                                                              {"code", "3457005"}}}}}}},
        {"subject", QJsonObject{{"reference", subject}}},
        {"authoredOn", "2020-06-30"},
        {"reasonCode", QJsonArray{QJsonObject{{"text", "Assessment, please."}}}},
        {"performer", QJsonArray{QJsonObject{{"display", "County Pain Clinic"}}}}};
    if (!course.isEmpty())
        o.insert("extension",
                 QJsonArray{QJsonObject{{"url", "https://cairn.invalid/fhir/StructureDefinition/referral-status"},
                                        {"valueCode", course}}});
    return o;
}

// The same resources as NDJSON, one a line (FHIR Bulk Data).
QByteArray ndjson(const QList<QJsonObject> &resources)
{
    QByteArray out;
    for (const QJsonObject &r : resources)
        out += QJsonDocument(r).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

QJsonObject cairnExtension(const QString &name, const QString &valueKey, const QJsonValue &value)
{
    return {{"url", "https://cairn.invalid/fhir/StructureDefinition/" + name}, {valueKey, value}};
}

// A taper plan the way Cairn exports one: a CarePlan, each step an activity on its day.
QJsonObject taperPlan(const QString &id, const QString &subject, const QString &status)
{
    const auto step = [](const QString &day, const QString &text, std::optional<double> target) {
        QJsonObject detail{
            {"status", "scheduled"}, {"scheduledPeriod", QJsonObject{{"start", day}}}, {"description", text}};
        if (target)
            detail.insert("extension", QJsonArray{cairnExtension("target-mme-per-day", "valueDecimal", *target)});
        return QJsonObject{{"detail", detail}};
    };
    return {{"resourceType", "CarePlan"},
            {"id", id},
            {"status", status},
            {"intent", "plan"},
            {"category", QJsonArray{cairnCoding("care-plan-category", "opioid-taper")}},
            {"subject", QJsonObject{{"reference", subject}}},
            {"created", "2020-06-01"},
            {"extension", QJsonArray{cairnExtension("taper-drug", "valueString", "oxycodone")}},
            {"activity", QJsonArray{step("2020-06-15", "Down to 30 mg a day", 45.0),
                                    step("2020-07-15", "Review at the visit", std::nullopt)}},
            {"note", QJsonArray{QJsonObject{{"text", "Agreed with her at the visit."}}}}};
}

QJsonObject refillInput(const QString &type, const QString &valueKey, const QJsonValue &value)
{
    return {{"type", cairnCoding("refill-request-input", type)}, {valueKey, value}};
}

// A refill request the way Cairn exports one: a Task coded refill-request, the decision its businessStatus.
QJsonObject refillRequest(const QString &id, const QString &subject, const QString &status, const QString &decision)
{
    return {{"resourceType", "Task"},
            {"id", id},
            {"status", status},
            {"businessStatus", cairnCoding("refill-decision", decision)},
            {"intent", "proposal"},
            {"code", cairnCoding("task-code", "refill-request")},
            {"for", QJsonObject{{"reference", subject}}},
            {"authoredOn", "2020-06-28"},
            {"input",
             QJsonArray{refillInput("medication", "valueString", "oxycodone 5 mg tablets"),
                        refillInput("channel", "valueCodeableConcept", cairnCoding("refill-channel", "pharmacy")),
                        refillInput("early", "valueBoolean", true), refillInput("lost_stolen", "valueBoolean", true),
                        refillInput("police_report", "valueBoolean", false),
                        refillInput("days_supply", "valueInteger", 14)}}};
}

// A clinician overriding the clinic's refill rules: a DetectedIssue mitigated by the override.
QJsonObject ruleOverride(const QString &id, const QString &subject)
{
    return {
        {"resourceType", "DetectedIssue"},
        {"id", id},
        {"status", "final"},
        {"code", QJsonObject{{"coding", QJsonArray{cairnCoding("refill-rule", "TOO_EARLY").value("coding")[0],
                                                   cairnCoding("refill-rule", "SUPPLY_TOO_LONG").value("coding")[0]}}}},
        {"patient", QJsonObject{{"reference", subject}}},
        {"identifiedDateTime", "2020-06-28"},
        {"mitigation", QJsonArray{QJsonObject{{"action", cairnCoding("issue-action", "override")},
                                              {"date", "2020-06-28"},
                                              {"author", QJsonObject{{"display", "Dr. Lee"}}}}}},
        {"extension", QJsonArray{cairnExtension("override-reason", "valueString", "Pharmacy closed for the holiday."),
                                 cairnExtension("policy-version", "valueString", "policy-3")}}};
}

// A care-plan goal as a FHIR R4 Goal: its lifecycle status, how far it got (HL7's achievement
// codes; none when `achievement` is empty), the goal in words, since when and by when.
QJsonObject goal(const QString &id, const QString &subject, const QString &lifecycle, const QString &achievement)
{
    QJsonObject o{{"resourceType", "Goal"},
                  {"id", id},
                  {"lifecycleStatus", lifecycle},
                  {"description", QJsonObject{{"text", "Walk to the end of the road and back with her dog."}}},
                  {"subject", QJsonObject{{"reference", subject}}},
                  {"startDate", "2020-06-24"},
                  {"target", QJsonArray{QJsonObject{{"dueDate", "2020-09-01"}}}}};
    if (!achievement.isEmpty())
        o.insert("achievementStatus",
                 QJsonObject{{"coding", QJsonArray{QJsonObject{{"system", kGoalAchievement}, {"code", achievement}}}}});
    return o;
}

// A case conference recommendation (Cairn's complex extension) of `kind`, naming the record it became.
QJsonObject recommendation(const QString &kind, const QString &text, const QString &due, const QString &record)
{
    QJsonArray parts{QJsonObject{{"url", "kind"}, {"valueCode", kind}},
                     QJsonObject{{"url", "text"}, {"valueString", text}}};
    if (!due.isEmpty())
        parts.append(QJsonObject{{"url", "due"}, {"valueDate", due}});
    if (!record.isEmpty())
        parts.append(QJsonObject{{"url", "record"}, {"valueReference", QJsonObject{{"reference", record}}}});
    return {{"url", "https://cairn.invalid/fhir/StructureDefinition/recommendation"}, {"extension", parts}};
}

// A random urine test draw: whether the patient was selected, for which window, on which drawn day.
QJsonObject udsDraw(const QString &id)
{
    QJsonObject o = cairnObservation(id, "uds-selection");
    o.insert("valueBoolean", true);
    o.insert("component", QJsonArray{component("uds-selection-item", "interval_days", "valueInteger", 90),
                                     component("uds-selection-item", "window", "valueInteger", 81),
                                     component("uds-selection-item", "drawn_day", "valueDateTime", "2020-06-30")});
    o.insert("extension", QJsonArray{cairnExtension("policy-version", "valueString", "policy-3")});
    return o;
}

// A case conference: the clinician's question to the team as a ServiceRequest coded case-conference.
QJsonObject conference(const QString &id, const QString &subject, const QString &status, const QString &course)
{
    QJsonObject o{{"resourceType", "ServiceRequest"},
                  {"id", id},
                  {"status", status},
                  {"intent", "order"},
                  {"code", cairnCoding("service", "case-conference")},
                  {"subject", QJsonObject{{"reference", subject}}},
                  {"authoredOn", "2020-06-20"},
                  {"reasonCode", QJsonArray{QJsonObject{{"text", "How fast can her taper go?"}}}}};
    if (!course.isEmpty())
        o.insert("extension", QJsonArray{cairnExtension("conference-status", "valueCode", course)});
    return o;
}

QByteArray bundle(const QList<QJsonObject> &resources)
{
    QJsonArray entries;
    for (const QJsonObject &r : resources)
        entries.append(QJsonObject{{"fullUrl", "urn:uuid:" + r.value("id").toString()}, {"resource", r}});
    return QJsonDocument(QJsonObject{{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", entries}}).toJson();
}

// The registry's patients as `export --json` prints them, without what each registry gives anew
// (registry ids and record metadata): what a clinic would call "the same patients".
QJsonArray withoutIds(const QJsonArray &patients)
{
    QJsonArray out;
    for (const QJsonValue &value : patients) {
        QJsonObject p = value.toObject();
        p.remove("id");
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (!it.value().isArray())
                continue;
            QJsonArray records;
            for (const QJsonValue &record : it.value().toArray()) {
                QJsonObject r = record.toObject();
                for (const char *key : {"record_id", "author", "device", "stamp", "supersedes", "meta"})
                    r.remove(key);
                records.append(r);
            }
            it.value() = records;
        }
        out.append(p);
    }
    return out;
}

}  // namespace

class TestFhir : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    using Run = cairn::testing::CairnctlRun;

    Run cairnctl(const QString &db, const QStringList &args)
    {
        return cairn::testing::runCairnctl(db, m_dir.filePath("keystore"), "246810", args);
    }

    QString newRegistry(const QString &name)
    {
        return cairn::testing::newRegistryFile(m_dir.filePath(name + ".db"), m_dir.filePath("keystore"), "246810");
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(name));
        return file.fileName();
    }

    QJsonObject mme(const QByteArray &fhir)
    {
        const Run run =
            cairnctl(m_dir.filePath("unused.db"), {"mme", "--fhir", write("mme.json", fhir), "--as-of", "2020-07-01"});
        if (run.exitCode != 0)
            qWarning("%s", run.err.constData());
        return QJsonDocument::fromJson(run.out).object();
    }

    // A patient's records in force by id, each as "<kind> of <date>": what links between records name.
    QHash<QString, QString> recordsInForce(const QString &db, const QString &patientId)
    {
        QHash<QString, QString> records;
        const Run run = cairnctl(db, {"history", patientId, "--json"});
        for (const QJsonValue &v : QJsonDocument::fromJson(run.out).object().value("records").toArray()) {
            const QJsonObject r = v.toObject();
            if (r.value("status").toString() == "current")
                records.insert(r.value("id").toString(),
                               r.value("kind").toString() + " of " + r.value("date").toString());
        }
        return records;
    }

    QJsonArray exportJson(const QString &db)
    {
        return QJsonDocument::fromJson(cairnctl(db, {"export", "--json"}).out).array();
    }

    // Patient p1 of the examples: a patch, ER oxycodone in mg every 12 h, a combination tablet four
    // times a day, a PEG panel with its items as members, a PHQ-9, a GAD-7 and a benzodiazepine.
    QList<QJsonObject> clinicBundle()
    {
        const QString p1 = "Patient/p1";
        return {patient("p1", "Rosa Example", "MRN-1001"),
                patient("p2", "Tomas Sample", "MRN-1002"),
                request("m1", p1, "245134", quantity(1, "patch"), every(1, 72, "h")),
                request("m2", p1, "1049502", quantity(20, "mg"), every(1, 12, "h")),
                request("m3", "urn:uuid:p2", "857002", quantity(1, "{tbl}"), every(4, 1, "d")),
                request("m4", p1, "596", quantity(1, "{tbl}"), every(1, 1, "d")),
                [&] {
                    QJsonObject peg = observation("peg1", p1, "91148-7", "2020-06-30");
                    peg.insert("hasMember", QJsonArray{QJsonObject{{"reference", "Observation/peg1-p"}},
                                                       QJsonObject{{"reference", "Observation/peg1-e"}},
                                                       QJsonObject{{"reference", "urn:uuid:peg1-g"}}});
                    return peg;
                }(),
                [&] {
                    QJsonObject o = observation("peg1-p", p1, "75893-8", "2020-06-30");
                    o.insert("valueInteger", 7);
                    return o;
                }(),
                [&] {
                    QJsonObject o = observation("peg1-e", p1, "91145-3", "2020-06-30");
                    o.insert("valueInteger", 6);
                    return o;
                }(),
                [&] {
                    QJsonObject o = observation("peg1-g", p1, "91146-1", "2020-06-30");
                    o.insert("valueInteger", 5);
                    return o;
                }(),
                withComponents(observation("phq1", p1, "44249-1", "2020-06-30"),
                               {"44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
                                "44260-8", "44261-6"},
                               {1, 2, 1, 0, 0, 1, 0, 0, 0, 5}),
                withComponents(observation("gad1", "urn:uuid:p2", "69737-5", "2020-06-29"),
                               {"69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"},
                               {0, 1, 0, 0, 1, 0, 0})};
    }

    // The worklist of gaps on a day, by chart number, without the registry's patient ids.
    QMap<QString, QJsonObject> gapsByChart(const QString &db, const QString &asOf)
    {
        const QJsonObject worklist = QJsonDocument::fromJson(cairnctl(db, {"gaps", "--as-of", asOf}).out).object();
        QMap<QString, QJsonObject> rows;
        for (const QJsonValue &row : worklist.value("patients").toArray()) {
            QJsonObject r = row.toObject();
            r.remove("patient_id");
            rows.insert(r.value("clinic_id").toString(), r);
        }
        return rows;
    }

    static QSet<QString> gapCodes(const QJsonObject &row)
    {
        QSet<QString> codes;
        for (const QJsonValue &gap : row.value("gaps").toArray())
            codes.insert(gap.toObject().value("code").toString());
        return codes;
    }

    // The synthetic clinic has no LTOT or no-referral decisions, OUD checklists, MOUD statuses,
    // intakes or tasks: a clinician records some, through cairnctl as anyone would, on patients of
    // the gap worklist, each chosen so that it opens or closes a gap.
    void addDecisionsAndTasks(const QString &db)
    {
        const QString keystore = m_dir.filePath("keystore");
        const Run user = cairn::testing::runCairnctl(
            db, keystore, "246810", {"user", "add", "--name", "Casey Clinician", "--role", "clinician"},
            {"CAIRN_NEW_PIN=135790"});
        QVERIFY2(user.exitCode == 0, user.error().constData());
        QMap<QString, QString> ids;  // chart number → registry id
        QStringList active;
        for (const QJsonValue &p : exportJson(db)) {
            ids.insert(p.toObject().value("clinic_id").toString(), p.toObject().value("id").toString());
            if (p.toObject().value("status").toString("active") == "active")
                active.append(p.toObject().value("clinic_id").toString());
        }
        const QMap<QString, QJsonObject> before = gapsByChart(db, "2026-11-30");
        QString referralNeeded;
        QStringList others;
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (referralNeeded.isEmpty() && gapCodes(it.value()).contains("REFERRAL_NEEDED"))
                referralNeeded = it.key();
            else if (others.size() < 5)
                others.append(it.key());
        }
        // An active patient the worklist does not show: not on long-term opioid therapy by the supply.
        QString notLongTerm;
        for (const QString &chart : std::as_const(active))
            if (notLongTerm.isEmpty() && !before.contains(chart))
                notLongTerm = chart;
        QVERIFY(!referralNeeded.isEmpty());
        QVERIFY(!notLongTerm.isEmpty());
        QCOMPARE(others.size(), 5);
        int files = 0;
        const auto add = [&](const QString &chart, const QJsonObject &records) {
            const QString file = write(QString("records-%1.json").arg(++files), QJsonDocument(records).toJson());
            const Run run = cairn::testing::runCairnctl(
                db, keystore, "135790",
                {"--user", "Casey Clinician", "record", "add", ids.value(chart), "--json", file});
            QVERIFY2(run.exitCode == 0, run.error().constData());
        };
        const auto criteria = [](const QStringList &yes) {
            QJsonObject answers;
            for (const char *c :
                 {"larger_or_longer", "cannot_cut_down", "time_spent", "craving", "role_failure", "social_problems",
                  "activities_given_up", "hazardous_use", "despite_harm", "tolerance", "withdrawal"})
                answers.insert(c, yes.contains(QLatin1String(c)));
            return answers;
        };
        // Every trigger answered by a decision not to refer: the referral gap closes.
        QJsonArray noReferrals;
        for (const char *trigger : {"high_dose", "uds_unexpected", "positive_screen", "taper_paused", "oud_concern"})
            noReferrals.append(QJsonObject{{"date", "2026-11-20"},
                                           {"trigger", trigger},
                                           {"reason", "Seen by the county pain clinic in October; plan agreed."}});
        add(referralNeeded, {{"no_referrals", noReferrals}});
        // The clinician's decision that the patient is on long-term therapy (the clinic's policy
        // counts it), after an earlier one that they were not: the patient's gaps open.
        add(notLongTerm,
            {{"ltot_decisions", QJsonArray{QJsonObject{{"date", "2026-06-01"},
                                                       {"long_term", false},
                                                       {"reason", "Short course after knee surgery."}},
                                           QJsonObject{{"date", "2026-11-01"},
                                                       {"long_term", true},
                                                       {"reason", "Daily use is expected to go on for months."}}}}});
        // A moderate checklist and no MOUD status after it: treatment is owed.
        add(others.at(0),
            {{"oud_assessments",
              QJsonArray{
                  QJsonObject{{"date", "2026-11-10"},
                              {"clinician", "Casey Clinician"},
                              {"criteria", criteria({"larger_or_longer", "cannot_cut_down", "time_spent", "craving"})},
                              {"as_prescribed", false},
                              {"note", "Talked it through with her; wants to think it over."}}}}});
        // A mild checklist (tolerance and withdrawal do not count on therapy as prescribed), then treatment.
        add(others.at(1),
            {{"oud_assessments",
              QJsonArray{QJsonObject{{"date", "2026-10-01"},
                                     {"clinician", "Casey Clinician"},
                                     {"criteria", criteria({"craving", "hazardous_use", "tolerance", "withdrawal"})},
                                     {"as_prescribed", true}}}},
             {"moud_statuses", QJsonArray{QJsonObject{{"date", "2026-10-01"}, {"state", "offered"}},
                                          QJsonObject{{"date", "2026-10-15"},
                                                      {"state", "started_in_house"},
                                                      {"medication", "buprenorphine"},
                                                      {"note", "Induction at home went well."}}}}});
        // An intake the front desk began: incomplete.
        add(others.at(2), {{"intakes", QJsonArray{QJsonObject{{"date", "2026-11-02"},
                                                              {"referral_source", "County hospital"},
                                                              {"prior_prescriber", "Dr. Rivera, Millbrook"},
                                                              {"reason_left", "Prescriber retired"},
                                                              {"records_requested", "2026-11-03"}}}}});
        // A bridge whose review day has passed.
        add(others.at(3), {{"intakes", QJsonArray{QJsonObject{{"date", "2026-10-01"},
                                                              {"records_requested", "2026-10-01"},
                                                              {"records_received", "2026-10-04"},
                                                              {"diagnosis", "Chronic low back pain"},
                                                              {"outcome", "bridge"},
                                                              {"outcome_date", "2026-10-05"},
                                                              {"review_date", "2026-11-05"},
                                                              {"outcome_by", "Casey Clinician"},
                                                              {"outcome_note", "Bridge at the current dose."}}}}});
        // An overdue task for the nurse, and a done one.
        add(others.at(4), {{"tasks", QJsonArray{QJsonObject{{"date", "2026-11-01"},
                                                            {"text", "Call the pharmacy about the early refill."},
                                                            {"owner_role", "nurse"},
                                                            {"due", "2026-11-15"},
                                                            {"status", "open"}},
                                                QJsonObject{{"date", "2026-11-01"},
                                                            {"text", "Send the agreement in Spanish."},
                                                            {"owner_role", "registry_manager"},
                                                            {"due", "2026-11-10"},
                                                            {"status", "done"}}}}});
        // A taper under way, a refill request pending and one declined, the clinic rules a clinician
        // overrode, a random urine test draw, and a case conference the team discussed: its
        // recommendations became a task that names it and a goal. The task, the goal and the
        // conference each moved on since (the conference scheduled then discussed, the task done,
        // the goal met), so each link names a version that is no longer in force.
        add(others.at(4),
            {{"taper_plans",
              QJsonArray{QJsonObject{{"date", "2026-09-01"},
                                     {"status", "in_progress"},
                                     {"drug", "oxycodone"},
                                     {"steps", QJsonArray{QJsonObject{{"date", "2026-09-15"},
                                                                      {"description", "Down by a tenth"},
                                                                      {"target_mme_per_day", 60}},
                                                          QJsonObject{{"date", "2026-10-15"},
                                                                      {"description", "Review at the visit"},
                                                                      {"target_mme_per_day", QJsonValue()}}}},
                                     {"note", "She chose the slower pace."}}}},
             {"refill_requests", QJsonArray{QJsonObject{{"date", "2026-11-20"},
                                                        {"medication", "oxycodone 5 mg tablets"},
                                                        {"channel", "pharmacy"},
                                                        {"early", true},
                                                        {"decision", "pending"},
                                                        {"days_supply", 30}},
                                            QJsonObject{{"date", "2026-11-05"},
                                                        {"medication", "oxycodone 5 mg tablets"},
                                                        {"channel", "portal"},
                                                        {"lost_stolen", true},
                                                        {"police_report", true},
                                                        {"decision", "declined"},
                                                        {"decision_reason", "Filled ten days ago."}}}},
             {"refill_overrides", QJsonArray{QJsonObject{{"date", "2026-11-06"},
                                                         {"rules", "TOO_EARLY,SUPPLY_TOO_LONG"},
                                                         {"reason", "Travelling to her daughter's for a month."},
                                                         {"clinician", "Casey Clinician"},
                                                         {"policy_version", "clinic-policy-1"}}}},
             {"uds_selections", QJsonArray{QJsonObject{{"date", "2026-11-10"},
                                                       {"selected", true},
                                                       {"interval_days", 90},
                                                       {"window", 229},
                                                       {"drawn_day", "2026-11-12"},
                                                       {"policy_version", "clinic-policy-1"}}}}});
        const auto addOne = [&](const QJsonObject &records) {
            const QString file = write(QString("records-%1.json").arg(++files), QJsonDocument(records).toJson());
            const Run run = cairn::testing::runCairnctl(
                db, keystore, "135790",
                {"--user", "Casey Clinician", "record", "add", ids.value(others.at(4)), "--json", file});
            if (run.exitCode != 0)
                qWarning("%s", run.error().constData());
            return QString::fromUtf8(run.out).trimmed().section('\t', 1);
        };
        const auto correct = [&](const QString &id, const QJsonObject &record) {
            const QString file = write(QString("records-%1.json").arg(++files), QJsonDocument(record).toJson());
            const Run run = cairn::testing::runCairnctl(
                db, keystore, "135790",
                {"--user", "Casey Clinician", "record", "correct", id, "--json", file, "--reason", "Moved on."});
            if (run.exitCode != 0)
                qWarning("%s", run.error().constData());
            return QString::fromUtf8(run.out).trimmed().section('\n', 1);
        };
        QJsonObject asked{{"date", "2026-11-02"}, {"question", "How fast can her taper go?"}};
        const QString conferenceAsked = addOne({{"case_conferences", QJsonArray{asked}}});
        QVERIFY(!conferenceAsked.isEmpty());
        QJsonObject made{{"date", "2026-11-04"},
                         {"text", "Bring the pharmacy records to the meeting."},
                         {"owner_role", "registry_manager"},
                         {"due", "2026-11-09"},
                         {"status", "open"},
                         {"conference_id", conferenceAsked}};
        const QString taskMade = addOne({{"tasks", QJsonArray{made}}});
        QVERIFY(!taskMade.isEmpty());
        // The functional goal the team agreed with her, which she has met since.
        QJsonObject goalSet{{"date", "2026-11-04"},
                            {"goal", "Walk to church on Sundays without stopping to rest."},
                            {"status", "active"},
                            {"target_date", "2027-02-01"}};
        const QString goalMade = addOne({{"goals", QJsonArray{goalSet}}});
        QVERIFY(!goalMade.isEmpty());
        asked.insert("status", "scheduled");
        asked.insert("meeting_date", "2026-11-04");
        const QString conferenceScheduled = correct(conferenceAsked, asked);
        QVERIFY(!conferenceScheduled.isEmpty());
        asked.insert("status", "discussed");
        asked.insert("consult_note", "Slow the taper; see her again in a month.");
        asked.insert("recommendations", QJsonArray{QJsonObject{{"kind", "task"},
                                                               {"text", "Bring the pharmacy records to the meeting."},
                                                               {"owner_role", "registry_manager"},
                                                               {"due", "2026-11-09"},
                                                               {"record_id", taskMade}},
                                                   QJsonObject{{"kind", "taper_step"},
                                                               {"text", "Hold at 60 MME for a month."},
                                                               {"due", "2026-12-01"},
                                                               {"target_mme_per_day", 60}},
                                                   QJsonObject{{"kind", "goal"},
                                                               {"text", goalSet.value("goal")},
                                                               {"due", "2027-02-01"},
                                                               {"record_id", goalMade}}});
        asked.insert("scripts", QJsonArray{"tapering"});
        QVERIFY(!correct(conferenceScheduled, asked).isEmpty());
        made.insert("status", "done");
        QVERIFY(!correct(taskMade, made).isEmpty());
        goalSet.insert("status", "met");
        goalSet.insert("reviewed", "2026-11-25");
        QVERIFY(!correct(goalMade, goalSet).isEmpty());
        const QMap<QString, QJsonObject> after = gapsByChart(db, "2026-11-30");
        QVERIFY(!gapCodes(after.value(referralNeeded)).contains("REFERRAL_NEEDED"));
        QVERIFY(after.contains(notLongTerm));
        QVERIFY(gapCodes(after.value(others.at(0))).contains("MOUD_OFFER"));
        QVERIFY(!gapCodes(after.value(others.at(1))).contains("MOUD_OFFER"));
        QVERIFY(gapCodes(after.value(others.at(2))).contains("INTAKE_INCOMPLETE"));
        QVERIFY(gapCodes(after.value(others.at(3))).contains("INTAKE_BRIDGE_REVIEW"));
        QVERIFY(gapCodes(after.value(others.at(4))).contains("TASK_OVERDUE"));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void mmeOfAFentanylPatch()
    {
        // 72 HR fentanyl 0.075 MG/HR: 75 mcg/hr x 2.4 = 180 MME/day, whatever the change interval.
        const QJsonObject out =
            mme(bundle({request("p", "Patient/x", "197696", quantity(1, "patch"), every(1, 3, "d"))}));
        QCOMPARE(out.value("total_per_day").toDouble(), 180.0);
        QCOMPARE(out.value("band").toString(), QString("ge90"));
        const QJsonObject item = out.value("items").toArray().first().toObject();
        QCOMPARE(item.value("rxcui").toString(), QString("197696"));
        QCOMPARE(item.value("drug").toString(), QString("fentanyl"));
    }

    void mmeOfErTabletsDosedInMgEveryTwelveHours()
    {
        // 12 HR oxycodone 10 MG ER tablet, 20 mg every 12 h: 40 mg/day x 1.5 = 60 MME/day.
        const QJsonObject out =
            mme(bundle({request("e", "Patient/x", "1049502", quantity(20, "mg"), every(1, 12, "h"))}));
        QCOMPARE(out.value("total_per_day").toDouble(), 60.0);
        QCOMPARE(out.value("band").toString(), QString("50to89"));
    }

    void mmeByTimeOfDay()
    {
        // The CQF "with timeOfDay" request: 12 HR oxycodone 60 MG ER tablet, 10 mg at 10:00 and 22:00:
        // 20 mg/day x 1.5 = 30 MME/day.
        const QJsonObject timing{{"repeat", QJsonObject{{"boundsPeriod", QJsonObject{{"start", "2020-06-25"}}},
                                                        {"timeOfDay", QJsonArray{"10:00:00", "22:00:00"}}}}};
        const QJsonObject out = mme(bundle({request("t", "Patient/x", "1049593", quantity(10, "mg"), timing)}));
        QCOMPARE(out.value("total_per_day").toDouble(), 30.0);
        QCOMPARE(out.value("band").toString(), QString("lt50"));
    }

    void mmeOfACombinationTabletFourTimesADay()
    {
        // acetaminophen 325 MG / hydrocodone 5 MG tablet, 1 tablet 4 times a day: 20 mg x 1 = 20 MME/day
        // (the CDC 2022 worked example).
        const QJsonObject out =
            mme(bundle({request("c", "Patient/x", "857002", quantity(1, "{tbl}"), every(4, 1, "d"))}));
        QCOMPARE(out.value("total_per_day").toDouble(), 20.0);
    }

    void mmeOfSeveralRequestsTogether()
    {
        // 25 mcg/hr patch: 25 x 2.4 = 60; hydrocodone 5 mg QID: 20; oxycodone 5 mg tablet as needed,
        // at most 4 tablets a day: 20 mg x 1.5 = 30; a request that ended before the day: not counted.
        // Total 60 + 20 + 30 = 110 MME/day.
        QJsonObject prn = request("n", "Patient/x", "1049621", quantity(1, "{tbl}"), every(1, 4, "h"),
                                  {{"maxDosePerPeriod", QJsonObject{{"numerator", quantity(4, "{tbl}")},
                                                                    {"denominator", quantity(1, "d")}}}});
        QJsonObject dosage = prn.value("dosageInstruction").toArray().first().toObject();
        dosage.insert("asNeededBoolean", true);
        prn.insert("dosageInstruction", QJsonArray{dosage});
        QJsonObject ended = request("old", "Patient/x", "1049502", quantity(10, "mg"), every(2, 1, "d"));
        ended.insert("status", "completed");
        ended.insert("dispenseRequest",
                     QJsonObject{{"validityPeriod", QJsonObject{{"start", "2020-01-01"}, {"end", "2020-03-01"}}}});
        const QJsonObject out =
            mme(bundle({request("f", "Patient/x", "245134", quantity(1, "patch"), every(1, 72, "h")),
                        request("h", "Patient/x", "857002", quantity(1, "{tbl}"), every(4, 1, "d")), prn, ended}));
        QCOMPARE(out.value("total_per_day").toDouble(), 110.0);
        QCOMPARE(out.value("band").toString(), QString("ge90"));
        const QJsonArray items = out.value("items").toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0).toObject().value("mme_per_day").toDouble(), 60.0);
        QCOMPARE(items.at(1).toObject().value("mme_per_day").toDouble(), 20.0);
        QCOMPARE(items.at(2).toObject().value("mme_per_day").toDouble(), 30.0);
    }

    void mmeOfATimingAbbreviation()
    {
        // 12 HR oxycodone 10 MG ER tablet, 10 mg BID: 20 mg/day x 1.5 = 30 MME/day; the same with a
        // repeat that agrees (twice a day) is read the same.
        const QJsonObject bid = mme(bundle({request("b", "Patient/x", "1049502", quantity(10, "mg"), coded("BID"))}));
        QCOMPARE(bid.value("total_per_day").toDouble(), 30.0);
        const QJsonObject both =
            mme(bundle({request("b", "Patient/x", "1049502", quantity(10, "mg"), coded("BID", every(2, 1, "d")))}));
        QCOMPARE(both.value("total_per_day").toDouble(), 30.0);
        // hydrocodone 5 mg combination tablet Q6H: 4 a day, 20 MME/day.
        const QJsonObject q6h = mme(bundle({request("q", "Patient/x", "857002", quantity(1, "{tbl}"), coded("Q6H"))}));
        QCOMPARE(q6h.value("total_per_day").toDouble(), 20.0);
    }

    void badBundlesAreRefusedWholeNamingTheField_data()
    {
        QTest::addColumn<QJsonObject>("bad");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown code") << request("bad", "Patient/p1", "999999", quantity(1, "{tbl}"), every(1, 1, "d"))
                                      << "entry[12] (MedicationRequest/bad).medicationCodeableConcept.coding";
        QTest::newRow("dose unit")
            << request("bad", "Patient/p1", "1049502", quantity(1, "capsule"), every(1, 1, "d"))
            << "entry[12] (MedicationRequest/bad).dosageInstruction[0].doseAndRate[0].doseQuantity.unit";
        QTest::newRow("timing") << request("bad", "Patient/p1", "1049502", quantity(10, "mg"), every(1, 1, "mo"))
                                << "entry[12] (MedicationRequest/bad).dosageInstruction[0].timing.repeat.periodUnit";
        QTest::newRow("timing code and repeat disagree")
            << request("bad", "Patient/p1", "1049502", quantity(10, "mg"), coded("TID", every(2, 1, "d")))
            << "entry[12] (MedicationRequest/bad).dosageInstruction[0].timing.code";
        QTest::newRow("timing code not fixed")
            << request("bad", "Patient/p1", "1049502", quantity(10, "mg"), coded("MO"))
            << "entry[12] (MedicationRequest/bad).dosageInstruction[0].timing.code";
        QTest::newRow("inactive without a reason") << [] {
            QJsonObject p = patient("p3", "Ana Left", "MRN-1003");
            p.insert("active", false);
            return p;
        }() << "entry[12] (Patient/p3).active";
        QTest::newRow("inactive reason unknown")
            << inactivePatient("p3", "Ana Left", "MRN-1003", "vanished", "2020-05-01")
            << "entry[12] (Patient/p3).extension(inactive-reason)";
        QTest::newRow("patient") << request("bad", "Patient/nobody", "1049502", quantity(10, "mg"), every(1, 1, "d"))
                                 << "entry[12] (MedicationRequest/bad).subject.reference";
        QTest::newRow("item") << withComponents(observation("bad", "Patient/p1", "44249-1", "2020-06-30"), {"44250-9"},
                                                {4})
                              << "entry[12] (Observation/bad).component[0]";
        QTest::newRow("consent of another kind") << [] {
            QJsonObject c = agreement("bad", "Patient/p1", "active");
            c.insert("policy", QJsonArray{QJsonObject{{"uri", "https://example.org/research-consent"}}});
            return c;
        }() << "entry[12] (Consent/bad).policy";
        QTest::newRow("consent status") << agreement("bad", "Patient/p1", "proposed")
                                        << "entry[12] (Consent/bad).status";
        QTest::newRow("consent patient") << agreement("bad", "Patient/nobody", "active")
                                         << "entry[12] (Consent/bad).patient.reference";
        QTest::newRow("encounter class") << encounter("bad", "Patient/p1", "finished", "IMP")
                                         << "entry[12] (Encounter/bad).class";
        QTest::newRow("virtual encounter without its type")
            << encounter("bad", "Patient/p1", "finished", "VR") << "entry[12] (Encounter/bad).type";
        QTest::newRow("encounter status")
            << encounter("bad", "Patient/p1", "in-progress", "AMB") << "entry[12] (Encounter/bad).status";
        QTest::newRow("referral course not given") << referral("bad", "Patient/p1", "active", "")
                                                   << "entry[12] (ServiceRequest/bad).extension(referral-status)";
        QTest::newRow("referral course and status disagree")
            << referral("bad", "Patient/p1", "completed", "sent") << "entry[12] (ServiceRequest/bad).status";
        QTest::newRow("pdmp check without its result") << [] {
            QJsonObject o = observation("bad", "Patient/p1", "", "2020-06-30");
            o.insert("code", cairnCoding("observation", "pdmp-check"));
            return o;
        }() << "entry[12] (Observation/bad).valueCodeableConcept";
        QTest::newRow("naloxone action") << [] {
            QJsonObject o = observation("bad", "Patient/p1", "", "2020-06-30");
            o.insert("code", cairnCoding("observation", "naloxone"));
            o.insert("valueCodeableConcept", cairnCoding("naloxone-action", "handed-over"));
            return o;
        }() << "entry[12] (Observation/bad).valueCodeableConcept";
        QTest::newRow("LTOT decision without its reason") << [] {
            QJsonObject o = cairnObservation("bad", "ltot-decision");
            o.insert("valueBoolean", true);
            return o;
        }() << "entry[12] (Observation/bad).note";
        QTest::newRow("LTOT decision without its answer") << [] {
            QJsonObject o = cairnObservation("bad", "ltot-decision");
            o.insert("valueString", "yes");
            o.insert("note", QJsonArray{QJsonObject{{"text", "Daily use for years."}}});
            return o;
        }() << "entry[12] (Observation/bad).valueBoolean";
        QTest::newRow("no-referral trigger") << [] {
            QJsonObject o = cairnObservation("bad", "no-referral-decision");
            o.insert("valueCodeableConcept", cairnCoding("referral-trigger", "busy_week"));
            o.insert("note", QJsonArray{QJsonObject{{"text", "Seen by pain clinic last month."}}});
            return o;
        }() << "entry[12] (Observation/bad).valueCodeableConcept";
        QTest::newRow("OUD criterion unknown") << [] {
            QJsonObject o = cairnObservation("bad", "oud-assessment");
            o.insert("component", QJsonArray{component("oud-criterion", "low_mood", "valueBoolean", true)});
            return o;
        }() << "entry[12] (Observation/bad).component[0].code";
        QTest::newRow("OUD checklist not finished") << [] {
            QJsonObject o = cairnObservation("bad", "oud-assessment");
            QJsonArray answers = oudAnswers({}, false);
            answers.removeAt(3);
            o.insert("component", answers);
            o.insert("performer", QJsonArray{QJsonObject{{"display", "Dr. Lee"}}});
            return o;
        }() << "entry[12] (Observation/bad).component";
        QTest::newRow("OUD severity not what the answers give") << [] {
            QJsonObject o = cairnObservation("bad", "oud-assessment");
            o.insert("component", oudAnswers({"craving"}, false));
            o.insert("interpretation", QJsonArray{cairnCoding("oud-severity", "severe")});
            o.insert("performer", QJsonArray{QJsonObject{{"display", "Dr. Lee"}}});
            return o;
        }() << "entry[12] (Observation/bad).interpretation";
        QTest::newRow("MOUD state") << [] {
            QJsonObject o = cairnObservation("bad", "moud-status");
            o.insert("valueCodeableConcept", cairnCoding("moud-state", "thinking_about_it"));
            return o;
        }() << "entry[12] (Observation/bad).valueCodeableConcept";
        QTest::newRow("intake field unknown") << [] {
            QJsonObject o = cairnObservation("bad", "intake");
            o.insert("component", QJsonArray{component("intake-item", "insurance", "valueString", "Medicaid")});
            return o;
        }() << "entry[12] (Observation/bad).component[0].code";
        QTest::newRow("intake date") << [] {
            QJsonObject o = cairnObservation("bad", "intake");
            o.insert("component",
                     QJsonArray{component("intake-item", "referral_source", "valueString", "County hospital"),
                                component("intake-item", "records_requested", "valueDateTime", "2020-07")});
            return o;
        }() << "entry[12] (Observation/bad).component[1].valueDateTime";
        QTest::newRow("task owner") << task("bad", "Patient/p1", "requested", "janitor")
                                    << "entry[12] (Task/bad).performerType";
        QTest::newRow("task status") << task("bad", "Patient/p1", "in-progress", "nurse")
                                     << "entry[12] (Task/bad).status";
        QTest::newRow("task patient") << task("bad", "Patient/nobody", "requested", "nurse")
                                      << "entry[12] (Task/bad).for.reference";
        QTest::newRow("care plan of another kind") << [] {
            QJsonObject c = taperPlan("bad", "Patient/p1", "active");
            c.insert("category", QJsonArray{QJsonObject{{"text", "Diabetes"}}});
            return c;
        }() << "entry[12] (CarePlan/bad).category";
        QTest::newRow("taper plan status")
            << taperPlan("bad", "Patient/p1", "revoked") << "entry[12] (CarePlan/bad).status";
        QTest::newRow("taper step without its day") << [] {
            QJsonObject c = taperPlan("bad", "Patient/p1", "active");
            c.insert("activity", QJsonArray{QJsonObject{{"detail", QJsonObject{{"status", "scheduled"}}}}});
            return c;
        }() << "entry[12] (CarePlan/bad).activity[0].detail.scheduledPeriod.start";
        QTest::newRow("refill decision") << refillRequest("bad", "Patient/p1", "requested", "maybe")
                                         << "entry[12] (Task/bad).businessStatus";
        QTest::newRow("refill status and decision disagree")
            << refillRequest("bad", "Patient/p1", "completed", "pending") << "entry[12] (Task/bad).status";
        QTest::newRow("refill declined without a reason")
            << refillRequest("bad", "Patient/p1", "rejected", "declined") << "entry[12] (Task/bad).statusReason.text";
        QTest::newRow("refill without the medication") << [] {
            QJsonObject t = refillRequest("bad", "Patient/p1", "requested", "pending");
            QJsonArray inputs = t.value("input").toArray();
            inputs.removeFirst();
            t.insert("input", inputs);
            return t;
        }() << "entry[12] (Task/bad).input";
        QTest::newRow("refill channel") << [] {
            QJsonObject t = refillRequest("bad", "Patient/p1", "requested", "pending");
            QJsonArray inputs = t.value("input").toArray();
            inputs[1] = refillInput("channel", "valueCodeableConcept", cairnCoding("refill-channel", "carrier-pigeon"));
            t.insert("input", inputs);
            return t;
        }() << "entry[12] (Task/bad).input[1].valueCodeableConcept";
        QTest::newRow("override without its reason") << [] {
            QJsonObject d = ruleOverride("bad", "Patient/p1");
            d.insert("extension", QJsonArray{cairnExtension("policy-version", "valueString", "policy-3")});
            return d;
        }() << "entry[12] (DetectedIssue/bad).extension(override-reason)";
        QTest::newRow("override without its rules") << [] {
            QJsonObject d = ruleOverride("bad", "Patient/p1");
            d.insert("code", QJsonObject{{"text", "TOO_EARLY"}});
            return d;
        }() << "entry[12] (DetectedIssue/bad).code.coding";
        QTest::newRow("override by nobody") << [] {
            QJsonObject d = ruleOverride("bad", "Patient/p1");
            d.insert("mitigation", QJsonArray{QJsonObject{{"action", cairnCoding("issue-action", "override")}}});
            return d;
        }() << "entry[12] (DetectedIssue/bad).mitigation[0].author.display";
        QTest::newRow("override patient")
            << ruleOverride("bad", "Patient/nobody") << "entry[12] (DetectedIssue/bad).patient.reference";
        QTest::newRow("urine draw without its drawn day") << [] {
            QJsonObject o = udsDraw("bad");
            QJsonArray components = o.value("component").toArray();
            components.removeLast();
            o.insert("component", components);
            return o;
        }() << "entry[12] (Observation/bad).component";
        QTest::newRow("urine draw without the policy version") << [] {
            QJsonObject o = udsDraw("bad");
            o.remove("extension");
            return o;
        }() << "entry[12] (Observation/bad).extension(policy-version)";
        QTest::newRow("conference course not given") << conference("bad", "Patient/p1", "active", "")
                                                     << "entry[12] (ServiceRequest/bad).extension(conference-status)";
        QTest::newRow("conference course and status disagree")
            << conference("bad", "Patient/p1", "completed", "requested") << "entry[12] (ServiceRequest/bad).status";
        QTest::newRow("conference discussed without its meeting")
            << conference("bad", "Patient/p1", "active", "discussed")
            << "entry[12] (ServiceRequest/bad).occurrenceDateTime";
        QTest::newRow("recommendation kind") << [] {
            QJsonObject c = conference("bad", "Patient/p1", "active", "requested");
            QJsonArray extensions = c.value("extension").toArray();
            extensions.append(
                QJsonObject{{"url", "https://cairn.invalid/fhir/StructureDefinition/recommendation"},
                            {"extension", QJsonArray{QJsonObject{{"url", "kind"}, {"valueCode", "hope"}},
                                                     QJsonObject{{"url", "text"}, {"valueString", "Wait."}}}}});
            c.insert("extension", extensions);
            return c;
        }() << "entry[12] (ServiceRequest/bad).extension(recommendation)[0].kind";
        QTest::newRow("recommendation's record of another kind") << [] {
            QJsonObject c = conference("bad", "Patient/p1", "active", "requested");
            QJsonArray extensions = c.value("extension").toArray();
            extensions.append(QJsonObject{
                {"url", "https://cairn.invalid/fhir/StructureDefinition/recommendation"},
                {"extension", QJsonArray{QJsonObject{{"url", "kind"}, {"valueCode", "task"}},
                                         QJsonObject{{"url", "text"}, {"valueString", "Call her."}},
                                         QJsonObject{{"url", "owner_role"}, {"valueCode", "nurse"}},
                                         QJsonObject{{"url", "due"}, {"valueDate", "2020-07-08"}},
                                         QJsonObject{{"url", "record"},
                                                     {"valueReference", QJsonObject{{"reference", "Patient/p2"}}}}}}});
            c.insert("extension", extensions);
            return c;
        }() << "entry[12] (ServiceRequest/bad).extension(recommendation)[0].record";
        QTest::newRow("goal lifecycle") << goal("bad", "Patient/p1", "proposed", "")
                                        << "entry[12] (Goal/bad).lifecycleStatus";
        QTest::newRow("goal completed without being achieved")
            << goal("bad", "Patient/p1", "completed", "") << "entry[12] (Goal/bad).achievementStatus";
        QTest::newRow("goal achievement and lifecycle disagree")
            << goal("bad", "Patient/p1", "active", "achieved") << "entry[12] (Goal/bad).achievementStatus";
        QTest::newRow("goal achievement code unknown")
            << goal("bad", "Patient/p1", "active", "nearly-there") << "entry[12] (Goal/bad).achievementStatus";
        QTest::newRow("goal without its words") << [] {
            QJsonObject g = goal("bad", "Patient/p1", "active", "in-progress");
            g.insert("description", QJsonObject{{"coding", QJsonArray{QJsonObject{{"code", "walking"}}}}});
            return g;
        }() << "entry[12] (Goal/bad).description.text";
        QTest::newRow("goal without its start") << [] {
            QJsonObject g = goal("bad", "Patient/p1", "active", "in-progress");
            g.remove("startDate");
            return g;
        }() << "entry[12] (Goal/bad).startDate";
        QTest::newRow("goal target measure") << [] {
            QJsonObject g = goal("bad", "Patient/p1", "active", "in-progress");
            g.insert("target", QJsonArray{QJsonObject{{"measure", QJsonObject{{"text", "Steps a day"}}},
                                                      {"dueDate", "2020-09-01"}}});
            return g;
        }() << "entry[12] (Goal/bad).target[0].measure";
        QTest::newRow("goal due before it was set") << [] {
            QJsonObject g = goal("bad", "Patient/p1", "active", "in-progress");
            g.insert("target", QJsonArray{QJsonObject{{"dueDate", "2020-01-01"}}});
            return g;
        }() << "entry[12] (Goal/bad).target[0].dueDate";
        QTest::newRow("goal patient") << goal("bad", "Patient/nobody", "active", "in-progress")
                                      << "entry[12] (Goal/bad).subject.reference";
        // A goal the files do not hold is refused only when they hold goals (older exports held
        // none): anOlderExportWithGoalLinksButNoGoalsImportsAndSaysWhatItLacks.
        QTest::newRow("task of no conference of the file") << [] {
            QJsonObject t = task("bad", "Patient/p1", "requested", "nurse");
            t.insert("basedOn", QJsonArray{QJsonObject{{"reference", "ServiceRequest/elsewhere"}}});
            return t;
        }() << "entry[12] (Task/bad).basedOn[0].reference";
        QTest::newRow("PHQ-2 item missing")
            << withComponents(observation("bad", "Patient/p1", "55757-9", "2020-06-30"), {"44250-9"}, {2})
            << "entry[12] (Observation/bad).component";
        QTest::newRow("screen answers") << [] {
            QJsonObject o = observation("bad", "Patient/p1", "", "2020-06-30");
            o.insert("code", cairnCoding("instrument", "phq2"));
            o.insert("valueString", "[1, 7]");
            return o;
        }() << "entry[12] (Observation/bad).valueString";
    }

    void badBundlesAreRefusedWholeNamingTheField()
    {
        QFETCH(QJsonObject, bad);
        QFETCH(QString, field);
        const QString db = newRegistry(QString("bad-%1").arg(QTest::currentDataTag()).replace(' ', '-'));
        const QByteArray before = exportJson(db).isEmpty() ? QByteArray("empty") : QByteArray();
        QCOMPARE(before, QByteArray("empty"));
        const Run run = cairnctl(db, {"import", "--fhir", write("bad.json", bundle(clinicBundle() << bad))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.error().startsWith(("cairnctl: " + field + ":").toUtf8()), run.error().constData());
        // The good patients and records before the bad resource were not written either.
        QVERIFY(exportJson(db).isEmpty());
    }

    void importedRecordsAreWhatTheBundleSays()
    {
        const QString db = newRegistry("clinic");
        const Run run = cairnctl(db, {"import", "--fhir", write("clinic.json", bundle(clinicBundle()))});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("imported 2 patients\n"));
        const QJsonArray patients = exportJson(db);
        QCOMPARE(patients.size(), 2);
        QJsonObject rosa = patients.at(0).toObject();
        if (rosa.value("name").toString() != "Rosa Example")
            rosa = patients.at(1).toObject();
        QCOMPARE(rosa.value("clinic_id").toString(), QString("MRN-1001"));
        QCOMPARE(rosa.value("opioids").toArray().size(), 2);
        QCOMPARE(rosa.value("benzodiazepines").toArray().first().toObject().value("drug").toString(),
                 QString("alprazolam"));
        const QJsonObject peg = rosa.value("peg").toArray().first().toObject();
        QCOMPARE(peg.value("pain").toInt(), 7);
        QCOMPARE(peg.value("enjoyment").toInt(), 6);
        QCOMPARE(peg.value("activity").toInt(), 5);
        const QJsonObject phq9 = rosa.value("screenings").toArray().first().toObject();
        QCOMPARE(phq9.value("instrument").toString(), QString("phq9"));
        QCOMPARE(phq9.value("answers").toArray(), (QJsonArray{1, 2, 1, 0, 0, 1, 0, 0, 0}));
        // The same file again is refused whole: its chart numbers are in the registry already.
        const Run again = cairnctl(db, {"import", "--fhir", m_dir.filePath("clinic.json")});
        QCOMPARE(again.exitCode, 2);
        QCOMPARE(exportJson(db).size(), 2);
    }

    // The clinician's decisions, a DSM-5 checklist, a MOUD status, an intake and a task written by
    // hand as docs/interoperability.md describes them come in as the bundle says.
    void decisionsChecklistsIntakesAndTasksComeInAsTheBundleSays()
    {
        QJsonObject ltot = cairnObservation("ltot1", "ltot-decision");
        ltot.insert("valueBoolean", true);
        ltot.insert("note", QJsonArray{QJsonObject{{"text", "Daily oxycodone for years."}}});
        QJsonObject noReferral = cairnObservation("nr1", "no-referral-decision");
        noReferral.insert("valueCodeableConcept", cairnCoding("referral-trigger", "high_dose"));
        noReferral.insert("note", QJsonArray{QJsonObject{{"text", "Pain clinic saw her in May."}}});
        QJsonObject oud = cairnObservation("oud1", "oud-assessment");
        oud.insert("component", oudAnswers({"craving", "time_spent", "tolerance", "withdrawal"}, true));
        oud.insert("interpretation", QJsonArray{cairnCoding("oud-severity", "mild")});
        oud.insert("performer", QJsonArray{QJsonObject{{"display", "Dr. Lee"}}});
        QJsonObject moud = cairnObservation("moud1", "moud-status");
        moud.insert("valueCodeableConcept", cairnCoding("moud-state", "accepted"));
        moud.insert("extension",
                    QJsonArray{QJsonObject{{"url", "https://cairn.invalid/fhir/StructureDefinition/moud-medication"},
                                           {"valueString", "buprenorphine"}}});
        QJsonObject intake = cairnObservation("in1", "intake");
        intake.insert("component",
                      QJsonArray{component("intake-item", "prior_prescriber", "valueString", "Dr. Rivera"),
                                 component("intake-item", "records_requested", "valueDateTime", "2020-06-30"),
                                 component("intake-item", "outcome", "valueCodeableConcept",
                                           cairnCoding("intake-outcome", "continue")),
                                 component("intake-item", "outcome_date", "valueDateTime", "2020-07-02"),
                                 component("intake-item", "outcome_by", "valueString", "Dr. Lee")});
        const QString db = newRegistry("decisions");
        const Run run = cairnctl(
            db, {"import", "--fhir",
                 write("decisions.json", bundle(clinicBundle() << ltot << noReferral << oud << moud << intake
                                                               << task("t1", "Patient/p1", "completed", "nurse")))});
        QVERIFY2(run.exitCode == 0, run.error().constData());
        QJsonObject rosa;
        for (const QJsonValue &p : exportJson(db))
            if (p.toObject().value("clinic_id").toString() == "MRN-1001")
                rosa = p.toObject();
        const auto only = [&](const char *list) {
            const QJsonArray records = rosa.value(list).toArray();
            return records.size() == 1 ? records.first().toObject() : QJsonObject();
        };
        QCOMPARE(only("ltot_decisions").value("long_term").toBool(false), true);
        QCOMPARE(only("ltot_decisions").value("reason").toString(), QString("Daily oxycodone for years."));
        QCOMPARE(only("no_referrals").value("trigger").toString(), QString("high_dose"));
        const QJsonObject checklist = only("oud_assessments");
        QCOMPARE(checklist.value("clinician").toString(), QString("Dr. Lee"));
        QCOMPARE(checklist.value("as_prescribed").toBool(false), true);
        QCOMPARE(checklist.value("criteria").toObject().value("craving").toBool(false), true);
        QCOMPARE(checklist.value("criteria").toObject().value("hazardous_use").toBool(true), false);
        QCOMPARE(only("moud_statuses").value("state").toString(), QString("accepted"));
        QCOMPARE(only("moud_statuses").value("medication").toString(), QString("buprenorphine"));
        const QJsonObject in = only("intakes");
        QCOMPARE(in.value("date").toString(), QString("2020-06-30"));
        QCOMPARE(in.value("prior_prescriber").toString(), QString("Dr. Rivera"));
        QCOMPARE(in.value("records_requested").toString(), QString("2020-06-30"));
        QCOMPARE(in.value("outcome").toString(), QString("continue"));
        QCOMPARE(in.value("outcome_by").toString(), QString("Dr. Lee"));
        const QJsonObject done = only("tasks");
        QCOMPARE(done.value("owner_role").toString(), QString("nurse"));
        QCOMPARE(done.value("status").toString(), QString("done"));
        QCOMPARE(done.value("due").toString(), QString("2020-07-07"));
        QCOMPARE(done.value("text").toString(), QString("Call the pharmacy about the refill."));
    }

    // A taper plan, a refill request and the override of the rules it broke, a random urine test
    // draw, a case conference with the task made of its recommendation, and a PHQ-2 both as its
    // LOINC panel and in the Cairn code earlier versions wrote, come in as the bundle says.
    void tapersRefillsDrawsAndConferencesComeInAsTheBundleSays()
    {
        QJsonObject discussed = conference("conf1", "Patient/p1", "active", "discussed");
        discussed.insert("occurrenceDateTime", "2020-06-24");
        discussed.insert("note", QJsonArray{QJsonObject{{"text", "Slow the taper; recheck in a month."}}});
        QJsonArray extensions = discussed.value("extension").toArray();
        extensions.append(QJsonObject{
            {"url", "https://cairn.invalid/fhir/StructureDefinition/recommendation"},
            {"extension",
             QJsonArray{QJsonObject{{"url", "kind"}, {"valueCode", "task"}},
                        QJsonObject{{"url", "text"}, {"valueString", "Call her in two weeks."}},
                        QJsonObject{{"url", "owner_role"}, {"valueCode", "nurse"}},
                        QJsonObject{{"url", "due"}, {"valueDate", "2020-07-08"}},
                        QJsonObject{{"url", "record"}, {"valueReference", QJsonObject{{"reference", "Task/t1"}}}}}}});
        extensions.append(QJsonObject{
            {"url", "https://cairn.invalid/fhir/StructureDefinition/recommendation"},
            {"extension", QJsonArray{QJsonObject{{"url", "kind"}, {"valueCode", "taper_step"}},
                                     QJsonObject{{"url", "text"}, {"valueString", "Hold at 45 MME for a month."}},
                                     QJsonObject{{"url", "due"}, {"valueDate", "2020-07-24"}},
                                     QJsonObject{{"url", "target_mme_per_day"}, {"valueDecimal", 45}}}}});
        // The goal the team set with her, named by the Bundle's fullUrl.
        extensions.append(
            recommendation("goal", "Walk to the end of the road and back with her dog.", "2020-09-01", "urn:uuid:g1"));
        extensions.append(cairnExtension("conference-script", "valueString", "tapering"));
        discussed.insert("extension", extensions);
        QJsonObject met = goal("g1", "Patient/p1", "completed", "achieved");
        met.insert("extension", QJsonArray{cairnExtension("goal-reviewed", "valueDate", "2020-08-28")});
        QJsonObject dropped = goal("g2", "Patient/p1", "cancelled", "");
        dropped.insert("description", QJsonObject{{"text", "Back to work at the mill by spring."}});
        dropped.remove("target");
        QJsonObject made = task("t1", "Patient/p1", "requested", "nurse");
        // Named by the Bundle's fullUrl: a reference may take either form.
        made.insert("basedOn", QJsonArray{QJsonObject{{"reference", "urn:uuid:conf1"}}});
        QJsonObject declined = refillRequest("r2", "Patient/p1", "rejected", "declined");
        declined.insert("statusReason", QJsonObject{{"text", "Filled a week ago."}});
        QJsonObject oldPhq2 = observation("phq2old", "Patient/p1", "", "2020-05-30");
        oldPhq2.insert("code", cairnCoding("instrument", "phq2"));
        oldPhq2.insert("valueString", "[1,2]");
        const QString db = newRegistry("tapers");
        const Run run = cairnctl(
            db,
            {"import", "--fhir",
             write("tapers.json",
                   bundle(clinicBundle() << taperPlan("tp1", "Patient/p1", "on-hold")
                                         << refillRequest("r1", "Patient/p1", "requested", "pending") << declined
                                         << ruleOverride("o1", "Patient/p1") << udsDraw("d1") << made << discussed
                                         << met << dropped
                                         << withComponents(observation("phq2", "Patient/p1", "55757-9", "2020-06-30"),
                                                           {"44250-9", "44255-8", "55758-7"}, {2, 1, 3})
                                         << oldPhq2))});
        QVERIFY2(run.exitCode == 0, run.error().constData());
        QJsonObject rosa;
        for (const QJsonValue &p : exportJson(db))
            if (p.toObject().value("clinic_id").toString() == "MRN-1001")
                rosa = p.toObject();
        QCOMPARE(rosa.value("taper_status").toString(), QString("paused"));
        const QJsonObject plan = rosa.value("taper_plans").toArray().first().toObject();
        QCOMPARE(plan.value("status").toString(), QString("paused"));
        QCOMPARE(plan.value("date").toString(), QString("2020-06-01"));
        QCOMPARE(plan.value("drug").toString(), QString("oxycodone"));
        QCOMPARE(plan.value("note").toString(), QString("Agreed with her at the visit."));
        const QJsonArray steps = plan.value("steps").toArray();
        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps.at(0).toObject().value("date").toString(), QString("2020-06-15"));
        QCOMPARE(steps.at(0).toObject().value("description").toString(), QString("Down to 30 mg a day"));
        QCOMPARE(steps.at(0).toObject().value("target_mme_per_day").toDouble(), 45.0);
        QVERIFY(steps.at(1).toObject().value("target_mme_per_day").isNull());
        const QJsonArray requests = rosa.value("refill_requests").toArray();
        QCOMPARE(requests.size(), 2);
        const QJsonObject pending = requests.at(0).toObject().value("decision").toString() == "pending"
                                        ? requests.at(0).toObject()
                                        : requests.at(1).toObject();
        QCOMPARE(pending.value("medication").toString(), QString("oxycodone 5 mg tablets"));
        QCOMPARE(pending.value("channel").toString(), QString("pharmacy"));
        QCOMPARE(pending.value("early").toBool(), true);
        QCOMPARE(pending.value("lost_stolen").toBool(), true);
        QCOMPARE(pending.value("police_report").toBool(true), false);
        QCOMPARE(pending.value("days_supply").toInt(), 14);
        const QJsonObject refused =
            requests.at(0).toObject() == pending ? requests.at(1).toObject() : requests.at(0).toObject();
        QCOMPARE(refused.value("decision").toString(), QString("declined"));
        QCOMPARE(refused.value("decision_reason").toString(), QString("Filled a week ago."));
        const QJsonObject overridden = rosa.value("refill_overrides").toArray().first().toObject();
        QCOMPARE(overridden.value("rules").toString(), QString("TOO_EARLY,SUPPLY_TOO_LONG"));
        QCOMPARE(overridden.value("reason").toString(), QString("Pharmacy closed for the holiday."));
        QCOMPARE(overridden.value("clinician").toString(), QString("Dr. Lee"));
        QCOMPARE(overridden.value("policy_version").toString(), QString("policy-3"));
        const QJsonObject draw = rosa.value("uds_selections").toArray().first().toObject();
        QCOMPARE(draw.value("selected").toBool(), true);
        QCOMPARE(draw.value("interval_days").toInt(), 90);
        QCOMPARE(draw.value("window").toInt(), 81);
        QCOMPARE(draw.value("drawn_day").toString(), QString("2020-06-30"));
        // The task names the conference, and the conference's recommendation the task, by the ids
        // this registry gave them.
        const QJsonObject conferenceRecord = rosa.value("case_conferences").toArray().first().toObject();
        const QJsonObject taskRecord = rosa.value("tasks").toArray().first().toObject();
        QCOMPARE(conferenceRecord.value("status").toString(), QString("discussed"));
        QCOMPARE(conferenceRecord.value("meeting_date").toString(), QString("2020-06-24"));
        QCOMPARE(conferenceRecord.value("question").toString(), QString("How fast can her taper go?"));
        QCOMPARE(conferenceRecord.value("consult_note").toString(), QString("Slow the taper; recheck in a month."));
        QCOMPARE(conferenceRecord.value("scripts").toArray(), QJsonArray{"tapering"});
        const QJsonArray recommendations = conferenceRecord.value("recommendations").toArray();
        QCOMPARE(recommendations.size(), 3);
        const QHash<QString, QString> inForce = recordsInForce(db, rosa.value("id").toString());
        QCOMPARE(inForce.value(taskRecord.value("conference_id").toString()), QString("case_conference of 2020-06-20"));
        QCOMPARE(inForce.value(recommendations.at(0).toObject().value("record_id").toString()),
                 QString("task of 2020-06-30"));
        QCOMPARE(recommendations.at(0).toObject().value("owner_role").toString(), QString("nurse"));
        QCOMPARE(recommendations.at(1).toObject().value("kind").toString(), QString("taper_step"));
        QCOMPARE(recommendations.at(1).toObject().value("target_mme_per_day").toDouble(), 45.0);
        QVERIFY(!recommendations.at(1).toObject().contains("record_id"));
        // The goal the recommendation became, met by the end of the summer, and one she gave up.
        QCOMPARE(recommendations.at(2).toObject().value("kind").toString(), QString("goal"));
        QCOMPARE(recommendations.at(2).toObject().value("due").toString(), QString("2020-09-01"));
        QCOMPARE(inForce.value(recommendations.at(2).toObject().value("record_id").toString()),
                 QString("goal of 2020-06-24"));
        const QJsonArray goals = rosa.value("goals").toArray();
        QCOMPARE(goals.size(), 2);
        const QJsonObject metGoal = goals.at(0).toObject().value("status").toString() == "met" ? goals.at(0).toObject()
                                                                                               : goals.at(1).toObject();
        QCOMPARE(metGoal.value("status").toString(), QString("met"));
        QCOMPARE(metGoal.value("goal").toString(), QString("Walk to the end of the road and back with her dog."));
        QCOMPARE(metGoal.value("date").toString(), QString("2020-06-24"));
        QCOMPARE(metGoal.value("target_date").toString(), QString("2020-09-01"));
        QCOMPARE(metGoal.value("reviewed").toString(), QString("2020-08-28"));
        const QJsonObject droppedGoal =
            goals.at(0).toObject() == metGoal ? goals.at(1).toObject() : goals.at(0).toObject();
        QCOMPARE(droppedGoal.value("status").toString(), QString("dropped"));
        QCOMPARE(droppedGoal.value("goal").toString(), QString("Back to work at the mill by spring."));
        QVERIFY(!droppedGoal.contains("target_date"));
        // The PHQ-2 as its LOINC panel and as earlier versions wrote it.
        QList<QJsonArray> phq2;
        for (const QJsonValue &screening : rosa.value("screenings").toArray())
            if (screening.toObject().value("instrument").toString() == "phq2")
                phq2.append(screening.toObject().value("answers").toArray());
        QCOMPARE(phq2, (QList<QJsonArray>{QJsonArray{1, 2}, QJsonArray{2, 1}}));
    }

    // An export from before goals were exported (goals17): a recommendation that became a goal
    // names "Goal/<id>", and there is no Goal.ndjson. A clinic's archive of such exports still
    // imports: every record comes in, the recommendation without its goal (none is made up), and
    // the import says which resource and field lost their goal. Files that do hold goals are read
    // as before: a goal link naming none of them is refused.
    void anOlderExportWithGoalLinksButNoGoalsImportsAndSaysWhatItLacks()
    {
        QJsonObject discussed = conference("conf1", "Patient/p1", "active", "discussed");
        discussed.insert("occurrenceDateTime", "2020-06-24");
        QJsonArray extensions = discussed.value("extension").toArray();
        QJsonObject call = recommendation("task", "Call her in two weeks.", "2020-07-08", "Task/t1");
        QJsonArray parts = call.value("extension").toArray();
        parts.insert(2, QJsonObject{{"url", "owner_role"}, {"valueCode", "nurse"}});
        call.insert("extension", parts);
        extensions.append(call);
        // As the older writer wrote it: the goal's registry id, with no Goal resource to go with it.
        extensions.append(recommendation("goal", "Walk to the end of the road and back.", "2020-09-01",
                                         "Goal/5b0c6f4e-1d2a-4c7e-9f3b-2a1d0e6c8b47"));
        discussed.insert("extension", extensions);
        QJsonObject made = task("t1", "Patient/p1", "requested", "nurse");
        made.insert("basedOn", QJsonArray{QJsonObject{{"reference", "ServiceRequest/conf1"}}});
        // One NDJSON file per resource type, as `export --fhir` wrote them then.
        QMap<QString, QList<QJsonObject>> byType;
        QList<QJsonObject> resources = clinicBundle();
        resources << made << discussed;
        for (const QJsonObject &r : std::as_const(resources)) {
            // NDJSON has no fullUrl: the bundle's urn:uuid references as Type/id.
            const QByteArray text = QJsonDocument(r)
                                        .toJson(QJsonDocument::Compact)
                                        .replace("urn:uuid:p2", "Patient/p2")
                                        .replace("urn:uuid:peg1-g", "Observation/peg1-g");
            byType[r.value("resourceType").toString()].append(QJsonDocument::fromJson(text).object());
        }
        QVERIFY(!byType.contains("Goal"));
        const QString older = m_dir.filePath("older-export");
        QVERIFY(QDir().mkpath(older));
        for (auto it = byType.cbegin(); it != byType.cend(); ++it)
            write("older-export/" + it.key() + ".ndjson", ndjson(it.value()));

        const QString db = newRegistry("older-export");
        const Run run = cairnctl(db, {"import", "--fhir", older});
        QVERIFY2(run.exitCode == 0, run.error().constData());
        QVERIFY2(run.out.contains("imported 2 patients"), run.out.constData());
        // A file of one resource is read as that resource.
        const QByteArray warning = "cairnctl: warning: ServiceRequest.ndjson resource (ServiceRequest/conf1)"
                                   ".extension(recommendation)[1].record: names Goal/5b0c6f4e";
        QVERIFY2(run.error().contains(warning), run.error().constData());
        QVERIFY2(run.error().contains("the files hold no goals"), run.error().constData());
        QCOMPARE(run.error().count("warning:"), 1);

        QJsonObject rosa;
        for (const QJsonValue &p : exportJson(db))
            if (p.toObject().value("clinic_id").toString() == "MRN-1001")
                rosa = p.toObject();
        QVERIFY(!rosa.isEmpty());
        QVERIFY(!rosa.value("opioids").toArray().isEmpty());
        QVERIFY(rosa.value("goals").toArray().isEmpty());
        const QJsonObject conferenceRecord = rosa.value("case_conferences").toArray().first().toObject();
        const QJsonArray recommendations = conferenceRecord.value("recommendations").toArray();
        QCOMPARE(recommendations.size(), 2);
        const QHash<QString, QString> inForce = recordsInForce(db, rosa.value("id").toString());
        QCOMPARE(inForce.value(recommendations.at(0).toObject().value("record_id").toString()),
                 QString("task of 2020-06-30"));
        const QJsonObject goalRecommendation = recommendations.at(1).toObject();
        QCOMPARE(goalRecommendation.value("kind").toString(), QString("goal"));
        QCOMPARE(goalRecommendation.value("text").toString(), QString("Walk to the end of the road and back."));
        QVERIFY2(!goalRecommendation.contains("record_id"), qPrintable(QJsonDocument(goalRecommendation).toJson()));

        // The same files with a Goal.ndjson: the recommendation's goal must be one of its goals.
        write("older-export/Goal.ndjson", ndjson({goal("g2", "Patient/p1", "active", "in-progress")}));
        const QString strict = newRegistry("newer-export");
        const Run refused = cairnctl(strict, {"import", "--fhir", older});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.error().startsWith("cairnctl: ServiceRequest.ndjson resource (ServiceRequest/conf1)"
                                            ".extension(recommendation)[1].record:"),
                 refused.error().constData());
        QVERIFY(exportJson(strict).isEmpty());
    }

    // A case conference withdrawn after a task was made of it: the task goes out without the link
    // (it would name nothing in the export) and the export still imports.
    void aWithdrawnConferenceLeavesNoLinkBehind()
    {
        QJsonObject made = task("t1", "Patient/p1", "requested", "nurse");
        made.insert("basedOn", QJsonArray{QJsonObject{{"reference", "ServiceRequest/conf1"}}});
        const QString db = newRegistry("withdrawn");
        const Run run = cairnctl(
            db, {"import", "--fhir",
                 write("withdrawn.json",
                       bundle(clinicBundle() << conference("conf1", "Patient/p1", "active", "requested") << made))});
        QVERIFY2(run.exitCode == 0, run.error().constData());
        QString rosa;
        for (const QJsonValue &p : exportJson(db))
            if (p.toObject().value("clinic_id").toString() == "MRN-1001")
                rosa = p.toObject().value("id").toString();
        const QString conferenceId = recordsInForce(db, rosa).key("case_conference of 2020-06-20");
        QVERIFY(!conferenceId.isEmpty());
        const QString keystore = m_dir.filePath("keystore");
        const Run user = cairn::testing::runCairnctl(
            db, keystore, "246810", {"user", "add", "--name", "Casey Clinician", "--role", "clinician"},
            {"CAIRN_NEW_PIN=135790"});
        QVERIFY2(user.exitCode == 0, user.error().constData());
        const Run withdrawn = cairn::testing::runCairnctl(db, keystore, "135790",
                                                          {"--user", "Casey Clinician", "record", "withdraw",
                                                           conferenceId, "--reason", "Asked for the wrong patient."});
        QVERIFY2(withdrawn.exitCode == 0, withdrawn.error().constData());
        const QString out = m_dir.filePath("withdrawn-export");
        const Run exported = cairnctl(db, {"export", "--fhir", out});
        QVERIFY2(exported.exitCode == 0, exported.error().constData());
        QFile tasks(QDir(out).filePath("Task.ndjson"));
        QVERIFY(tasks.open(QIODevice::ReadOnly));
        const QJsonObject taskResource = QJsonDocument::fromJson(tasks.readAll().trimmed()).object();
        QCOMPARE(taskResource.value("description").toString(), QString("Call the pharmacy about the refill."));
        QVERIFY(!taskResource.contains("basedOn"));
        const QString copy = newRegistry("withdrawn-copy");
        const Run imported = cairnctl(copy, {"import", "--fhir", out});
        QVERIFY2(imported.exitCode == 0, imported.error().constData());
        for (const QJsonValue &p : exportJson(copy))
            if (p.toObject().value("clinic_id").toString() == "MRN-1001") {
                QCOMPARE(p.toObject().value("tasks").toArray().size(), 1);
                QVERIFY(!p.toObject().value("tasks").toArray().first().toObject().contains("conference_id"));
                QVERIFY(p.toObject().value("case_conferences").toArray().isEmpty());
            }
    }

    // Opioid requests as EHRs write them, in a Bundle or as NDJSON: doses in tablets or in mg,
    // timing by frequency and period or by timeOfDay, as needed with a maximum per period, and
    // the validity period. Each row is stored as the registry records it, or refused naming the field.
    void importCombinationsStoreTheRegimenOrNameTheField_data()
    {
        QTest::addColumn<bool>("asNdjson");
        QTest::addColumn<QJsonObject>("medicationRequest");
        QTest::addColumn<QJsonObject>("stored");  // the opioid as `export --json` gives it; null: absent
        QTest::addColumn<QString>("field");       // the field the refusal names; empty when stored
        const QString p1 = "Patient/p1";
        const auto asNeeded = [](QJsonObject r, const QJsonObject &numerator, const QJsonObject &denominator) {
            QJsonObject dosage = r.value("dosageInstruction").toArray().first().toObject();
            dosage.insert("asNeededBoolean", true);
            dosage.insert("maxDosePerPeriod", QJsonObject{{"numerator", numerator}, {"denominator", denominator}});
            r.insert("dosageInstruction", QJsonArray{dosage});
            return r;
        };
        const auto validity = [](QJsonObject r, const QString &status, const QJsonObject &period) {
            r.insert("status", status);
            r.insert("dispenseRequest", QJsonObject{{"validityPeriod", period}});
            return r;
        };
        const auto atTimes = [](const QJsonArray &times, const QJsonObject &more = {}) {
            QJsonObject repeat{{"timeOfDay", times}};
            for (auto it = more.begin(); it != more.end(); ++it)
                repeat.insert(it.key(), it.value());
            return QJsonObject{{"repeat", repeat}};
        };
        const auto opioid = [](double strength, double units, double doses, bool prn, const QJsonValue &end) {
            return QJsonObject{{"drug", "oxycodone"},
                               {"strength_mg", strength},
                               {"units_per_dose", units},
                               {"doses_per_day", doses},
                               {"prn", prn},
                               {"start", "2020-06-25"},
                               {"end", end}};
        };
        // oxycodone 5 MG oral tablet (1049621); 12 HR oxycodone 10 MG extended-release tablet (1049502).
        QTest::newRow("tablets every 6 h, Bundle")
            << false << request("m", p1, "1049621", quantity(2, "{tbl}"), every(1, 6, "h"))
            << opioid(5, 2, 4, false, "2020-12-25") << QString();
        QTest::newRow("mg every 12 h, NDJSON")
            << true << request("m", p1, "1049502", quantity(20, "mg"), every(1, 12, "h"))
            << opioid(10, 2, 2, false, "2020-12-25") << QString();
        QTest::newRow("tablets three times a day by frequency, NDJSON")
            << true << request("m", p1, "1049621", quantity(1, "tablet"), every(3, 1, "d"))
            << opioid(5, 1, 3, false, "2020-12-25") << QString();
        QTest::newRow("tablets by timeOfDay, NDJSON")
            << true << request("m", p1, "1049621", quantity(1, "{tbl}"), atTimes({"08:00:00", "14:00:00", "20:00:00"}))
            << opioid(5, 1, 3, false, "2020-12-25") << QString();
        QTest::newRow("mg by timeOfDay, Bundle")
            << false << request("m", p1, "1049502", quantity(20, "mg"), atTimes({"08:00:00", "20:00:00"}))
            << opioid(10, 2, 2, false, "2020-12-25") << QString();
        QTest::newRow("as needed, at most 4 tablets a day, Bundle")
            << false
            << asNeeded(request("m", p1, "1049621", quantity(1, "{tbl}"), every(1, 4, "h")), quantity(4, "{tbl}"),
                        quantity(1, "d"))
            << opioid(5, 1, 4, true, "2020-12-25") << QString();
        QTest::newRow("as needed, at most 30 mg a day, NDJSON")
            << true
            << asNeeded(request("m", p1, "1049621", quantity(5, "mg"), every(1, 4, "h")), quantity(30, "mg"),
                        quantity(1, "d"))
            << opioid(5, 1, 6, true, "2020-12-25") << QString();
        QTest::newRow("as needed, at most 6 tablets in 12 h, Bundle")
            << false
            << asNeeded(request("m", p1, "1049621", quantity(2, "{tbl}"), every(1, 4, "h")), quantity(6, "{tbl}"),
                        quantity(12, "h"))
            << opioid(5, 2, 6, true, "2020-12-25") << QString();
        QTest::newRow("validity period that ended, NDJSON")
            << true
            << validity(request("m", p1, "1049621", quantity(1, "{tbl}"), every(2, 1, "d")), "completed",
                        {{"start", "2020-06-25"}, {"end", "2020-07-25"}})
            << opioid(5, 1, 2, false, "2020-07-25") << QString();
        QTest::newRow("validity period open-ended, Bundle")
            << false
            << validity(request("m", p1, "1049621", quantity(1, "{tbl}"), every(2, 1, "d")), "active",
                        {{"start", "2020-06-25"}})
            << opioid(5, 1, 2, false, QJsonValue()) << QString();
        QTest::newRow("ended request without its end, NDJSON")
            << true
            << validity(request("m", p1, "1049621", quantity(1, "{tbl}"), every(2, 1, "d")), "completed",
                        {{"start", "2020-06-25"}})
            << QJsonObject() << "line 2 (MedicationRequest/m).dispenseRequest.validityPeriod.end";
        QTest::newRow("validity period without its start, Bundle")
            << false
            << validity(request("m", p1, "1049621", quantity(1, "{tbl}"), every(2, 1, "d")), "active",
                        {{"end", "2020-07-25"}})
            << QJsonObject() << "entry[1] (MedicationRequest/m).dispenseRequest.validityPeriod.start";
        QTest::newRow("validity period of a month, NDJSON")
            << true
            << validity(request("m", p1, "1049621", quantity(1, "{tbl}"), every(2, 1, "d")), "active",
                        {{"start", "2020-06"}})
            << QJsonObject() << "line 2 (MedicationRequest/m).dispenseRequest.validityPeriod.start";
        QTest::newRow("timeOfDay every other day, Bundle")
            << false
            << request("m", p1, "1049621", quantity(1, "{tbl}"),
                       atTimes({"08:00:00"}, {{"period", 2}, {"periodUnit", "d"}}))
            << QJsonObject() << "entry[1] (MedicationRequest/m).dosageInstruction[0].timing.repeat.timeOfDay";
        QTest::newRow("frequency not whole, NDJSON")
            << true << request("m", p1, "1049621", quantity(1, "{tbl}"), every(1.5, 1, "d")) << QJsonObject()
            << "line 2 (MedicationRequest/m).dosageInstruction[0].timing.repeat.frequency";
        QTest::newRow("dose in grams, Bundle")
            << false << request("m", p1, "1049621", quantity(0.005, "g"), every(1, 1, "d")) << QJsonObject()
            << "entry[1] (MedicationRequest/m).dosageInstruction[0].doseAndRate[0].doseQuantity.unit";
        QTest::newRow("as needed, a maximum per month, NDJSON")
            << true
            << asNeeded(request("m", p1, "1049621", quantity(1, "{tbl}"), every(1, 4, "h")), quantity(60, "{tbl}"),
                        quantity(1, "mo"))
            << QJsonObject() << "line 2 (MedicationRequest/m).dosageInstruction[0].maxDosePerPeriod.denominator";
        QTest::newRow("as needed, a maximum in patches, Bundle")
            << false
            << asNeeded(request("m", p1, "1049621", quantity(1, "{tbl}"), every(1, 4, "h")), quantity(4, "patch"),
                        quantity(1, "d"))
            << QJsonObject() << "entry[1] (MedicationRequest/m).dosageInstruction[0].maxDosePerPeriod.numerator.unit";
    }

    void importCombinationsStoreTheRegimenOrNameTheField()
    {
        QFETCH(bool, asNdjson);
        QFETCH(QJsonObject, medicationRequest);
        QFETCH(QJsonObject, stored);
        QFETCH(QString, field);
        const QList<QJsonObject> resources{patient("p1", "Rosa Example", "MRN-1001"), medicationRequest};
        const QString db = newRegistry(QString("combination-%1").arg(QTest::currentDataTag()).replace(' ', '-'));
        const Run run = cairnctl(db, {"import", "--fhir",
                                      write(asNdjson ? "combination.ndjson" : "combination.json",
                                            asNdjson ? ndjson(resources) : bundle(resources))});
        if (!field.isEmpty()) {
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.error().startsWith(("cairnctl: " + field + ":").toUtf8()), run.error().constData());
            QVERIFY(exportJson(db).isEmpty());  // the patient before the request is not written either
            return;
        }
        QVERIFY2(run.exitCode == 0, run.error().constData());
        const QJsonArray opioids = exportJson(db).first().toObject().value("opioids").toArray();
        QCOMPARE(opioids.size(), 1);
        const QJsonObject entry = opioids.first().toObject();
        for (auto it = stored.begin(); it != stored.end(); ++it) {
            if (it.value().isNull())
                QVERIFY2(entry.value(it.key()).isNull(), qPrintable(it.key()));
            else
                QVERIFY2(entry.value(it.key()) == it.value(),
                         qPrintable(it.key() + ": " + QJsonDocument(entry).toJson(QJsonDocument::Compact)));
        }
    }

    void exportHasTheBulkDataLayoutAndItsStructure()
    {
        const QString db = m_dir.filePath("clinic.db");
        const QString out = m_dir.filePath("export");
        QCOMPARE(cairnctl(db, {"export", "--fhir", out}).exitCode, 0);
        QHash<QString, QList<QJsonObject>> byType;
        for (const QString type : {"Patient", "MedicationRequest", "Observation"}) {
            QFile file(QDir(out).filePath(type + ".ndjson"));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(type));
            for (const QByteArray &line : file.readAll().split('\n')) {
                if (line.isEmpty())
                    continue;
                const QJsonObject resource = QJsonDocument::fromJson(line).object();
                QCOMPARE(resource.value("resourceType").toString(), type);  // one type per file
                QVERIFY(!resource.value("id").toString().isEmpty());
                byType[type].append(resource);
            }
        }
        QCOMPARE(byType.value("Patient").size(), 2);
        QCOMPARE(byType.value("MedicationRequest").size(), 4);
        QCOMPARE(byType.value("Observation").size(), 3);  // PEG, PHQ-9, GAD-7
        QSet<QString> patientRefs;
        for (const QJsonObject &p : byType.value("Patient")) {
            patientRefs.insert("Patient/" + p.value("id").toString());
            const QJsonObject mr = p.value("identifier").toArray().first().toObject();
            QCOMPARE(mr.value("type").toObject().value("coding").toArray().first().toObject().value("code").toString(),
                     QString("MR"));
        }
        for (const QJsonObject &m : byType.value("MedicationRequest")) {
            for (const char *required : {"status", "intent", "medicationCodeableConcept", "subject"})
                QVERIFY2(m.contains(required), required);
            QVERIFY(patientRefs.contains(m.value("subject").toObject().value("reference").toString()));
            const QJsonObject coding =
                m.value("medicationCodeableConcept").toObject().value("coding").toArray().first().toObject();
            QCOMPARE(coding.value("system").toString(), kRxNorm);
            QVERIFY(!coding.value("code").toString().isEmpty());
        }
        QSet<QString> panels;
        for (const QJsonObject &o : byType.value("Observation")) {
            for (const char *required : {"status", "code", "subject", "effectiveDateTime"})
                QVERIFY2(o.contains(required), required);
            QVERIFY(patientRefs.contains(o.value("subject").toObject().value("reference").toString()));
            const QJsonObject coding = o.value("code").toObject().value("coding").toArray().first().toObject();
            QCOMPARE(coding.value("system").toString(), kLoinc);
            panels.insert(coding.value("code").toString());
            for (const QJsonValue &component : o.value("component").toArray())
                QCOMPARE(component.toObject()
                             .value("code")
                             .toObject()
                             .value("coding")
                             .toArray()
                             .first()
                             .toObject()
                             .value("system")
                             .toString(),
                         kLoinc);
        }
        QCOMPARE(panels, (QSet<QString>{"91148-7", "44249-1", "69737-5"}));
    }

    // A patient who moved away, and one who died (FHIR's deceasedDateTime alone), come in inactive
    // with their reason and day, and go out and back in unchanged; so does the day this clinic
    // became a patient's opioid prescriber.
    void inactivePatientsComeInAndGoBackOutInactive()
    {
        const QString db = newRegistry("left");
        QJsonObject deceased = patient("p4", "Luis Gone", "MRN-1004");
        deceased.insert("active", false);
        deceased.insert("deceasedDateTime", "2020-04-02T10:00:00Z");
        // Since when this clinic prescribes opioids to Eva (the new-patient refill rule reads it).
        QJsonObject here = patient("p5", "Eva Here", "MRN-1005");
        here.insert("extension", QJsonArray{QJsonObject{
                                     {"url", "https://cairn.invalid/fhir/StructureDefinition/opioid-prescriber-since"},
                                     {"valueDate", "2020-03-15"}}});
        const Run run = cairnctl(
            db, {"import", "--fhir",
                 write("left.json", bundle({inactivePatient("p3", "Ana Left", "MRN-1003", "moved", "2020-05-01"),
                                            deceased, here}))});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("imported 3 patients\n"));
        const QJsonArray patients = exportJson(db);
        QCOMPARE(patients.size(), 3);
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &p : patients)
            byName.insert(p.toObject().value("name").toString(), p.toObject());
        QCOMPARE(byName.value("Ana Left").value("status").toString(), QString("inactive"));
        QCOMPARE(byName.value("Ana Left").value("inactive_reason").toString(), QString("moved"));
        QCOMPARE(byName.value("Ana Left").value("inactive_date").toString(), QString("2020-05-01"));
        QCOMPARE(byName.value("Luis Gone").value("inactive_reason").toString(), QString("deceased"));
        QCOMPARE(byName.value("Luis Gone").value("inactive_date").toString(), QString("2020-04-02"));
        QVERIFY(!byName.value("Eva Here").contains("status"));
        QCOMPARE(byName.value("Eva Here").value("opioid_prescriber_since").toString(), QString("2020-03-15"));

        const QString out = m_dir.filePath("left-export");
        QCOMPARE(cairnctl(db, {"export", "--fhir", out}).exitCode, 0);
        const QString copy = newRegistry("left-copy");
        const Run back = cairnctl(copy, {"import", "--fhir", out});
        QVERIFY2(back.exitCode == 0, back.error().constData());
        QCOMPARE(withoutIds(exportJson(copy)), withoutIds(patients));
    }

    // A seeded clinic (cairnctl seed: three years of visits, PEG, PDMP checks, urine screens,
    // agreements, PHQ-2/PHQ-9, GAD-2/GAD-7, ORT and PC-PTSD-5 screens, naloxone, referrals, booked
    // visits, tapers, care-plan goals) with a clinician's LTOT and no-referral decisions, OUD
    // checklists, MOUD statuses, intakes, tasks and a case conference whose recommendations became a
    // task and a goal goes out to FHIR and into an empty registry: every patient comes back with
    // every record the export carries and the links between them, and every gap of every patient is
    // the same.
    void aSeededClinicComesBackWithTheSameRecordsAndGaps()
    {
        const QString source = newRegistry("seeded");
        const Run seeded =
            cairnctl(source, {"seed", "--patients", "80", "--years", "3", "--seed", "17", "--as-of", "2026-11-30"});
        QVERIFY2(seeded.exitCode == 0, seeded.error().constData());
        addDecisionsAndTasks(source);
        if (QTest::currentTestFailed())
            return;
        const QString out = m_dir.filePath("seeded-export");
        const Run exported = cairnctl(source, {"export", "--fhir", out});
        QVERIFY2(exported.exitCode == 0, exported.error().constData());
        const QString copy = newRegistry("seeded-copy");
        const Run imported = cairnctl(copy, {"import", "--fhir", out});
        QVERIFY2(imported.exitCode == 0, imported.error().constData());
        QCOMPARE(imported.out, QByteArray("imported 80 patients\n"));

        auto byChart = [](const QJsonArray &patients) {
            QMap<QString, QJsonObject> charts;
            for (const QJsonValue &p : patients)
                charts.insert(p.toObject().value("clinic_id").toString(), p.toObject());
            return charts;
        };
        QMap<QString, QJsonObject> before = byChart(exportJson(source));
        QMap<QString, QJsonObject> after = byChart(exportJson(copy));
        QCOMPARE(after.keys(), before.keys());
        QCOMPARE(before.size(), 80);
        // The seeded clinic holds every kind the round trip is about, so the comparison below can fail.
        QMap<QString, int> kinds;
        for (const QJsonObject &p : before)
            for (auto it = p.begin(); it != p.end(); ++it)
                if (it.value().isArray())
                    kinds[it.key()] += static_cast<int>(it.value().toArray().size());
        for (const char *kind : {"agreements",
                                 "pdmp_checks",
                                 "naloxone",
                                 "uds",
                                 "visits",
                                 "peg",
                                 "screenings",
                                 "referrals",
                                 "benzodiazepines",
                                 "ltot_decisions",
                                 "no_referrals",
                                 "oud_assessments",
                                 "moud_statuses",
                                 "intakes",
                                 "tasks",
                                 "taper_plans",
                                 "refill_requests",
                                 "refill_overrides",
                                 "uds_selections",
                                 "case_conferences",
                                 "goals"})
            QVERIFY2(kinds.value(kind) > 0, kind);
        // The registry gives the copies new ids, so the links between records are compared by what
        // they name: in the copy, a task names its conference's version in force, and the
        // conference's recommendations the task's and the goal's (in the source each names an
        // older version).
        int links = 0;
        const QHash<QString, QString> madeInto{{"task", "task of 2026-11-04"}, {"goal", "goal of 2026-11-04"}};
        const auto linked = [&](QJsonObject &p, bool isCopy) {
            bool hasLinks = false;
            for (const QJsonValue &t : p.value("tasks").toArray())
                hasLinks |= t.toObject().contains("conference_id");
            for (const QJsonValue &c : p.value("case_conferences").toArray())
                for (const QJsonValue &r : c.toObject().value("recommendations").toArray())
                    hasLinks |= r.toObject().contains("record_id");
            const QHash<QString, QString> idsOf =
                isCopy && hasLinks ? recordsInForce(copy, p.value("id").toString()) : QHash<QString, QString>();
            QJsonArray tasks = p.value("tasks").toArray();
            for (QJsonValueRef t : tasks) {
                QJsonObject task = t.toObject();
                if (!task.contains("conference_id"))
                    continue;
                const QString names = idsOf.value(task.value("conference_id").toString());
                QVERIFY2(!isCopy || names == "case_conference of 2026-11-02", qPrintable(names));
                task.insert("conference_id", isCopy ? names : QString("case_conference of 2026-11-02"));
                t = task;
                links += isCopy ? 1 : 0;
            }
            p.insert("tasks", tasks);
            QJsonArray conferences = p.value("case_conferences").toArray();
            for (QJsonValueRef c : conferences) {
                QJsonObject conferenceRecord = c.toObject();
                QJsonArray recommendations = conferenceRecord.value("recommendations").toArray();
                for (QJsonValueRef r : recommendations) {
                    QJsonObject recommendation = r.toObject();
                    if (!recommendation.contains("record_id"))
                        continue;
                    const QString names = idsOf.value(recommendation.value("record_id").toString());
                    const QString expected = madeInto.value(recommendation.value("kind").toString());
                    QVERIFY2(!isCopy || names == expected, qPrintable(names));
                    recommendation.insert("record_id", isCopy ? names : expected);
                    r = recommendation;
                    links += isCopy ? 1 : 0;
                }
                conferenceRecord.insert("recommendations", recommendations);
                c = conferenceRecord;
            }
            p.insert("case_conferences", conferences);
        };
        for (auto it = before.begin(); it != before.end(); ++it) {
            linked(it.value(), false);
            linked(after[it.key()], true);
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(links, 3);
        const auto strip = [&](QMap<QString, QJsonObject> &patients) {
            QJsonArray list;
            for (const QJsonObject &p : std::as_const(patients))
                list.append(p);
            patients = byChart(withoutIds(list));
        };
        strip(before);
        strip(after);
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            QJsonObject a = it.value();
            QJsonObject b = after.value(it.key());
            // Opioids are compared by what the registry knows of them: the drug, the dates, as needed
            // or not, the indication and the mg a day (export codes them by ingredient, in mg).
            const QJsonArray opioidsA = a.take("opioids").toArray();
            const QJsonArray opioidsB = b.take("opioids").toArray();
            QCOMPARE(opioidsB.size(), opioidsA.size());
            for (qsizetype i = 0; i < opioidsA.size(); ++i) {
                QJsonObject x = opioidsA.at(i).toObject();
                QJsonObject y = opioidsB.at(i).toObject();
                const auto mgADay = [](QJsonObject &o) {
                    return o.take("strength_mg").toDouble() * o.take("units_per_dose").toDouble(1) *
                           o.value("doses_per_day").toDouble();
                };
                QCOMPARE(mgADay(y), mgADay(x));
                y.remove("doses_per_day");
                x.remove("doses_per_day");
                QCOMPARE(y, x);
            }
            QCOMPARE(b, a);
        }

        const QMap<QString, QJsonObject> gapsBefore = gapsByChart(source, "2026-11-30");
        const QMap<QString, QJsonObject> gapsAfter = gapsByChart(copy, "2026-11-30");
        QSet<QString> codes;
        for (const QJsonObject &row : gapsBefore)
            for (const QJsonValue &gap : row.value("gaps").toArray())
                codes.insert(gap.toObject().value("code").toString());
        // Gaps that records of each exported kind open or close.
        for (const char *code :
             {"AGREEMENT", "PDMP_CHECK", "UDS", "VISIT", "PEG", "DEPRESSION_SCREEN", "NALOXONE", "REFERRAL_NEEDED",
              "MOUD_OFFER", "INTAKE_INCOMPLETE", "INTAKE_BRIDGE_REVIEW", "TASK_OVERDUE"})
            QVERIFY2(codes.contains(code), code);
        QCOMPARE(gapsAfter.keys(), gapsBefore.keys());
        for (auto it = gapsBefore.cbegin(); it != gapsBefore.cend(); ++it)
            QCOMPARE(gapsAfter.value(it.key()), it.value());
    }

    // Every resource of a seeded clinic's export has R4's required elements, codes in their systems
    // and a subject or patient that is a Patient of the export.
    void everyExportedResourceHasItsRequiredElements()
    {
        const QString out = m_dir.filePath("seeded-export");
        QVERIFY(QFile::exists(QDir(out).filePath("Patient.ndjson")));
        QHash<QString, QList<QJsonObject>> byType;
        for (const QString type : {"Patient", "MedicationRequest", "Observation", "Consent", "Encounter",
                                   "ServiceRequest", "Task", "CarePlan", "Goal", "DetectedIssue"}) {
            QFile file(QDir(out).filePath(type + ".ndjson"));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(type));
            for (const QByteArray &line : file.readAll().split('\n')) {
                if (line.isEmpty())
                    continue;
                const QJsonObject resource = QJsonDocument::fromJson(line).object();
                QCOMPARE(resource.value("resourceType").toString(), type);
                QVERIFY(!resource.value("id").toString().isEmpty());
                byType[type].append(resource);
            }
            QVERIFY2(!byType.value(type).isEmpty(), qPrintable(type));
        }
        QSet<QString> patients;
        for (const QJsonObject &p : byType.value("Patient"))
            patients.insert("Patient/" + p.value("id").toString());
        const auto firstCoding = [](const QJsonValue &codeable) {
            return codeable.toObject().value("coding").toArray().first().toObject();
        };
        const auto codedIn = [&](const QJsonValue &codeable, const QString &system) {
            const QJsonObject coding = firstCoding(codeable);
            return coding.value("system").toString() == system && !coding.value("code").toString().isEmpty();
        };
        for (const QJsonObject &c : byType.value("Consent")) {
            for (const char *required : {"status", "scope", "category", "patient", "dateTime", "policy"})
                QVERIFY2(c.contains(required), required);
            QVERIFY(patients.contains(c.value("patient").toObject().value("reference").toString()));
            QVERIFY(QSet<QString>({"active", "rejected"}).contains(c.value("status").toString()));
            QCOMPARE(firstCoding(c.value("scope")).value("code").toString(), QString("treatment"));
            QVERIFY(codedIn(c.value("category").toArray().first(), kLoinc));
        }
        QSet<QString> encounterStatuses;
        for (const QJsonObject &e : byType.value("Encounter")) {
            for (const char *required : {"status", "class", "subject", "period"})
                QVERIFY2(e.contains(required), required);
            QVERIFY(patients.contains(e.value("subject").toObject().value("reference").toString()));
            QCOMPARE(e.value("class").toObject().value("system").toString(),
                     QString("http://terminology.hl7.org/CodeSystem/v3-ActCode"));
            QVERIFY(!QDate::fromString(e.value("period").toObject().value("start").toString(), Qt::ISODate).isNull());
            encounterStatuses.insert(e.value("status").toString());
        }
        QCOMPARE(encounterStatuses, (QSet<QString>{"finished", "planned"}));  // held visits and booked ones
        // Every record another names, by reference: a task its conference, a recommendation its record.
        QSet<QString> references;
        for (const char *type : {"Task", "ServiceRequest", "CarePlan", "Goal"})
            for (const QJsonObject &r : byType.value(type))
                references.insert(QString(type) + "/" + r.value("id").toString());
        QSet<QString> conferences;
        QStringList recommendationRecords;
        for (const QJsonObject &r : byType.value("ServiceRequest")) {
            for (const char *required : {"status", "intent", "subject", "authoredOn"})
                QVERIFY2(r.contains(required), required);
            QVERIFY(patients.contains(r.value("subject").toObject().value("reference").toString()));
            if (codedIn(r.value("code"), kCairn + "service")) {
                // A case conference: the question to the team, its course, its recommendations.
                QCOMPARE(firstCoding(r.value("code")).value("code").toString(), QString("case-conference"));
                conferences.insert("ServiceRequest/" + r.value("id").toString());
                QVERIFY(QSet<QString>({"active", "completed"}).contains(r.value("status").toString()));
                QVERIFY(!r.value("reasonCode").toArray().first().toObject().value("text").toString().isEmpty());
                QSet<QString> urls;
                for (const QJsonValue &e : r.value("extension").toArray()) {
                    urls.insert(e.toObject().value("url").toString());
                    for (const QJsonValue &part : e.toObject().value("extension").toArray())
                        if (part.toObject().value("url").toString() == "record") {
                            const QString record =
                                part.toObject().value("valueReference").toObject().value("reference").toString();
                            QVERIFY2(references.contains(record), qPrintable(record));
                            recommendationRecords.append(record.section('/', 0, 0));
                        }
                }
                QVERIFY(urls.contains("https://cairn.invalid/fhir/StructureDefinition/conference-status"));
                continue;
            }
            QVERIFY(r.contains("category"));
            QVERIFY(QSet<QString>({"draft", "active", "completed", "revoked"}).contains(r.value("status").toString()));
            QCOMPARE(firstCoding(r.value("category").toArray().first()).value("code").toString(), QString("3457005"));
        }
        QVERIFY(!conferences.isEmpty());
        recommendationRecords.sort();
        QCOMPARE(recommendationRecords, (QStringList{"Goal", "Task"}));
        // Goals: R4's required lifecycleStatus, description and subject; since when, by when, and how
        // far the goal got in HL7's achievement codes, agreeing with the lifecycle status.
        const QHash<QString, QString> achievementOf{
            {"active", "in-progress"}, {"completed", "achieved"}, {"cancelled", "not-achieved"}};
        QSet<QString> lifecycles;
        for (const QJsonObject &g : byType.value("Goal")) {
            for (const char *required : {"lifecycleStatus", "description", "subject", "startDate", "achievementStatus"})
                QVERIFY2(g.contains(required), required);
            QVERIFY(patients.contains(g.value("subject").toObject().value("reference").toString()));
            const QString lifecycle = g.value("lifecycleStatus").toString();
            QVERIFY2(achievementOf.contains(lifecycle), qPrintable(lifecycle));
            lifecycles.insert(lifecycle);
            QVERIFY(codedIn(g.value("achievementStatus"), kGoalAchievement));
            QCOMPARE(firstCoding(g.value("achievementStatus")).value("code").toString(),
                     achievementOf.value(lifecycle));
            QVERIFY(!g.value("description").toObject().value("text").toString().trimmed().isEmpty());
            QVERIFY(!QDate::fromString(g.value("startDate").toString(), Qt::ISODate).isNull());
            for (const QJsonValue &target : g.value("target").toArray()) {
                // R4 (gol-1): a measure goes with a detail; Cairn writes the due date alone.
                QCOMPARE(target.toObject().keys(), QStringList{"dueDate"});
                QVERIFY(!QDate::fromString(target.toObject().value("dueDate").toString(), Qt::ISODate).isNull());
            }
        }
        QCOMPARE(lifecycles, (QSet<QString>{"active", "completed"}));  // seeded goals active or met
        // Taper plans: R4's required status, intent and subject; Cairn's category; each step on its day.
        for (const QJsonObject &c : byType.value("CarePlan")) {
            for (const char *required : {"status", "intent", "subject", "category", "created"})
                QVERIFY2(c.contains(required), required);
            QVERIFY(patients.contains(c.value("subject").toObject().value("reference").toString()));
            QCOMPARE(c.value("intent").toString(), QString("plan"));
            QVERIFY(QSet<QString>({"draft", "active", "on-hold", "completed"}).contains(c.value("status").toString()));
            QVERIFY(codedIn(c.value("category").toArray().first(), kCairn + "care-plan-category"));
            for (const QJsonValue &activity : c.value("activity").toArray()) {
                const QJsonObject detail = activity.toObject().value("detail").toObject();
                QVERIFY(!detail.value("status").toString().isEmpty());  // R4: detail.status is required
                QVERIFY(!QDate::fromString(detail.value("scheduledPeriod").toObject().value("start").toString(),
                                           Qt::ISODate)
                             .isNull());
            }
        }
        // Overridden refill rules: R4's required status and a patient of the export; each rule a
        // coding, the override the mitigation with its author.
        for (const QJsonObject &d : byType.value("DetectedIssue")) {
            for (const char *required : {"status", "code", "patient", "identifiedDateTime", "mitigation"})
                QVERIFY2(d.contains(required), required);
            QVERIFY(patients.contains(d.value("patient").toObject().value("reference").toString()));
            for (const QJsonValue &c : d.value("code").toObject().value("coding").toArray())
                QCOMPARE(c.toObject().value("system").toString(), kCairn + "refill-rule");
            const QJsonObject mitigation = d.value("mitigation").toArray().first().toObject();
            QVERIFY(codedIn(mitigation.value("action"), kCairn + "issue-action"));
            QVERIFY(!mitigation.value("author").toObject().value("display").toString().isEmpty());
        }
        QSet<QString> observationCodes;
        for (const QJsonObject &o : byType.value("Observation")) {
            for (const char *required : {"status", "code", "subject", "effectiveDateTime"})
                QVERIFY2(o.contains(required), required);
            QVERIFY(patients.contains(o.value("subject").toObject().value("reference").toString()));
            const QJsonObject coding = firstCoding(o.value("code"));
            QVERIFY2(!coding.value("system").toString().isEmpty() && !coding.value("code").toString().isEmpty(),
                     QJsonDocument(o).toJson().constData());
            observationCodes.insert(coding.value("code").toString());
            // A value or components: an Observation says what was found.
            QVERIFY(o.contains("component") || o.contains("valueCodeableConcept") || o.contains("valueString") ||
                    o.contains("valueBoolean"));
            const QString system = coding.value("system").toString();
            const QString code = coding.value("code").toString();
            if (system != kCairnObservation)
                continue;
            // A decision says yes or no, or which trigger it answers, and why.
            if (code == "ltot-decision" || code == "no-referral-decision") {
                QVERIFY(code == "ltot-decision"
                            ? o.value("valueBoolean").isBool()
                            : codedIn(o.value("valueCodeableConcept"), kCairn + "referral-trigger"));
                QVERIFY(!o.value("note").toArray().first().toObject().value("text").toString().isEmpty());
            }
            // The DSM-5 checklist: the 11 criteria and "as prescribed" answered yes or no, the
            // severity they give, and who went through it.
            if (code == "oud-assessment") {
                const QJsonArray components = o.value("component").toArray();
                QCOMPARE(components.size(), 12);
                int criteria = 0;
                for (const QJsonValue &c : components) {
                    QVERIFY(c.toObject().value("valueBoolean").isBool());
                    criteria += codedIn(c.toObject().value("code"), kCairn + "oud-criterion") ? 1 : 0;
                }
                QCOMPARE(criteria, 11);
                QVERIFY(codedIn(o.value("interpretation").toArray().first(), kCairn + "oud-severity"));
                QVERIFY(!o.value("performer").toArray().first().toObject().value("display").toString().isEmpty());
            }
            if (code == "moud-status")
                QVERIFY(codedIn(o.value("valueCodeableConcept"), kCairn + "moud-state"));
            if (code == "intake")
                for (const QJsonValue &c : o.value("component").toArray())
                    QVERIFY(codedIn(c.toObject().value("code"), kCairn + "intake-item"));
        }
        for (const char *code :
             {"91148-7", "44249-1", "55757-9", "urine-drug-screen", "pdmp-check", "naloxone", "gad2", "ort", "pcptsd5",
              "ltot-decision", "no-referral-decision", "oud-assessment", "moud-status", "intake", "uds-selection"})
            QVERIFY2(observationCodes.contains(code), code);
        QVERIFY(!observationCodes.contains("phq2"));  // the PHQ-2 goes out as its LOINC panel
        // Tasks: R4's required status and intent, what to do, for whom, by when and for which role.
        QSet<QString> taskStatuses;
        int basedOn = 0;
        for (const QJsonObject &t : byType.value("Task")) {
            QVERIFY(patients.contains(t.value("for").toObject().value("reference").toString()));
            if (codedIn(t.value("code"), kCairn + "task-code")) {
                // A refill request: its decision, what was asked for and how.
                QCOMPARE(firstCoding(t.value("code")).value("code").toString(), QString("refill-request"));
                for (const char *required : {"status", "intent", "authoredOn", "businessStatus", "input"})
                    QVERIFY2(t.contains(required), required);
                QVERIFY(codedIn(t.value("businessStatus"), kCairn + "refill-decision"));
                for (const QJsonValue &input : t.value("input").toArray())
                    QVERIFY(codedIn(input.toObject().value("type"), kCairn + "refill-request-input"));
                continue;
            }
            for (const char *required : {"status", "intent", "description", "for", "authoredOn", "restriction"})
                QVERIFY2(t.contains(required), required);
            for (const QJsonValue &b : t.value("basedOn").toArray()) {
                QVERIFY(conferences.contains(b.toObject().value("reference").toString()));
                ++basedOn;
            }
            QCOMPARE(t.value("intent").toString(), QString("order"));
            taskStatuses.insert(t.value("status").toString());
            QVERIFY(codedIn(t.value("performerType").toArray().first(), kCairn + "role"));
            QVERIFY(
                !QDate::fromString(t.value("restriction").toObject().value("period").toObject().value("end").toString(),
                                   Qt::ISODate)
                     .isNull());
        }
        QCOMPARE(taskStatuses, (QSet<QString>{"requested", "completed"}));
        QCOMPARE(basedOn, 1);
        for (const QJsonObject &m : byType.value("MedicationRequest")) {
            QVERIFY(patients.contains(m.value("subject").toObject().value("reference").toString()));
            QVERIFY(codedIn(m.value("medicationCodeableConcept"), kRxNorm));
        }
    }

    void exportImportsBackToTheSamePatientsAndGaps()
    {
        const QString source = m_dir.filePath("clinic.db");
        const QString out = m_dir.filePath("export");
        QVERIFY(QFile::exists(QDir(out).filePath("Patient.ndjson")));
        const QString copy = newRegistry("copy");
        const Run imported = cairnctl(copy, {"import", "--fhir", out});
        QCOMPARE(imported.exitCode, 0);
        const QJsonArray before = withoutIds(exportJson(source));
        const QJsonArray after = withoutIds(exportJson(copy));
        QCOMPARE(after.size(), 2);
        // Each registry lists patients by name, so the two lists line up. Opioids are compared by
        // what the registry knows of them: the drug and its mg a day (export codes them by ingredient).
        for (qsizetype i = 0; i < before.size(); ++i) {
            QJsonObject a = before.at(i).toObject();
            QJsonObject b = after.at(i).toObject();
            const QJsonArray opioidsA = a.take("opioids").toArray();
            const QJsonArray opioidsB = b.take("opioids").toArray();
            QCOMPARE(a, b);
            QCOMPARE(opioidsA.size(), opioidsB.size());
        }
        auto gaps = [&](const QString &db) {
            QJsonArray rows = QJsonDocument::fromJson(cairnctl(db, {"gaps", "--as-of", "2020-12-01"}).out)
                                  .object()
                                  .value("patients")
                                  .toArray();
            QJsonArray lines;
            for (const QJsonValue &row : rows) {
                QJsonObject r = row.toObject();
                r.remove("patient_id");
                lines.append(r);
            }
            return lines;
        };
        const QJsonArray gapsBefore = gaps(source);
        QVERIFY(!gapsBefore.isEmpty());
        QCOMPARE(gaps(copy), gapsBefore);
    }
};

QTEST_GUILESS_MAIN(TestFhir)
#include "test_fhir.moc"
