// The fields and kinds added for keeping the registry current (issue 12), through the real parts:
// the patient JSON codec, domain validation, the Registry on a real SQLCipher file, and the rules.
// Each bad field is refused naming it with nothing written; each good one round-trips through
// JSON and storage (both read paths); inactive patients leave the huddle, worklists and measures;
// a urine result entered as a correction raises UDS_UNEXPECTED; early refills are counted.

#include "core/clinical/population_views.h"
#include "core/domain/patient_json.h"
#include "core/domain/record_json.h"
#include "core/domain/record_kinds.h"
#include "core/registry/registry.h"
#include "core/registry/views.h"
#include "platform/keystore.h"
#include "tests/support/temp_registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cairn;
using namespace cairn::registry;

namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
const QDate kToday(2026, 11, 23);

QJsonObject parseObject(const char *text)
{
    QJsonParseError error{};
    const auto document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

// Every new field and kind, in the contract's patient object.
const char *kFullPatient = R"({
    "clinic_id": "NEW-1", "name": "Rosa Example", "sex": "female", "birth_date": "1961-05-06",
    "prescriber": "Dr. B", "risk_tier": "high", "risk_tier_reason": "two early refills this year",
    "opioids": [{"drug": "oxycodone", "strength_mg": 10, "units_per_dose": 1, "doses_per_day": 3, "start": "2026-01-05"},
                {"drug": "buprenorphine", "strength_mg": 8, "doses_per_day": 2, "start": "2026-01-05", "indication": "oud"}],
    "benzodiazepines": [{"drug": "zolpidem", "kind": "z_drug", "start": "2026-02-01"},
                        {"drug": "gabapentin", "kind": "gabapentinoid", "start": "2026-02-01"}],
    "agreements": [{"date": "2026-03-01", "status": "declined", "text_version": "clinic-3", "language": "es", "note": "wants to read it at home"},
                   {"date": "2026-03-15", "text_version": "clinic-3", "language": "es", "signature": "data:image/png;base64,iVBORw0KGgo="}],
    "naloxone": [{"date": "2026-03-15", "action": "declined"}, {"date": "2026-04-01", "action": "dispensed"}],
    "uds": [{"date": "2026-11-20", "result": "unexpected", "substances": ["cocaine"], "confirmatory_sent": true}],
    "visits": [{"date": "2026-11-24", "status": "scheduled", "time": "09:30", "type": "telehealth", "clinician": "Dr. B"}],
    "goals": [{"date": "2026-03-15", "goal": "walk the dog every day", "status": "active", "target_date": "2026-06-01", "reviewed": "2026-09-01"}],
    "taper_plans": [{"date": "2026-10-01", "status": "in_progress", "drug": "oxycodone", "note": "slowly",
                     "steps": [{"date": "2026-10-01", "description": "drop the midday dose", "target_mme_per_day": 30},
                               {"date": "2026-11-01", "description": "pause and review", "target_mme_per_day": null}]}],
    "refill_requests": [{"date": "2026-11-10", "medication": "oxycodone 10 mg", "channel": "front_desk", "early": true,
                         "lost_stolen": true, "police_report": true, "decision": "declined", "decision_reason": "agreement: no early refills"}],
    "medication_reviews": [{"date": "2026-11-20", "reviewed_by": "Morgan MA"}],
    "ltot_decisions": [{"date": "2026-11-20", "long_term": true, "reason": "regular prescriptions from another clinic"}],
    "oud_assessments": [{"date": "2026-11-20", "clinician": "Dr. B", "as_prescribed": true, "note": "talked it through",
                         "criteria": {"larger_or_longer": true, "cannot_cut_down": true, "time_spent": false, "craving": true,
                                      "role_failure": false, "social_problems": false, "activities_given_up": false,
                                      "hazardous_use": false, "despite_harm": false, "tolerance": true, "withdrawal": true}}],
    "moud_statuses": [{"date": "2026-11-21", "state": "referred", "medication": "buprenorphine", "referred_to": "County recovery program"}],
    "intakes": [{"date": "2026-11-02", "referral_source": "self", "prior_prescriber": "Valley Pain Clinic",
                 "reason_left": "prescriber retired", "records_requested": "2026-11-02", "records_received": "2026-11-09",
                 "diagnosis": "lumbar radiculopathy", "outcome": "bridge", "outcome_date": "2026-11-10",
                 "review_date": "2026-12-08", "outcome_by": "Dr. B", "outcome_note": "current dose while records come"}]
})";

// A patient value with its records' meta cleared, to compare what was stored with what was given.
domain::Patient withoutMeta(domain::Patient p)
{
    p.meta = {};
    domain::forEachKind([&](const auto &kind) {
        for (auto &record : p.*kind.list)
            record.meta = {};
    });
    return p;
}

}  // namespace

class TestRecordFields : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    platform::MemoryKeystore m_keystore;
    ManualClock m_clock{kNow};
    int m_count = 0;

    std::unique_ptr<Registry> create()
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.db").arg(++m_count));
        auto registry =
            Registry::create(path, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        if (!registry)
            qFatal("%s", qPrintable(registry.error().line()));
        if (!(*registry)
                 ->addUser(QStringLiteral("Casey Clinician"), keys::Role::Clinician, QStringLiteral("1357"))
                 .ok() ||
            !(*registry)
                 ->addUser(QStringLiteral("Morgan MA"), keys::Role::MedicalAssistant, QStringLiteral("2468"))
                 .ok())
            qFatal("could not add the test users");
        return std::move(registry).value();
    }

    std::unique_ptr<Registry> as(const QString &name, const QString &pin)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.db").arg(m_count));
        auto registry = Registry::unlock(path, m_keystore, name, pin, m_clock);
        if (!registry)
            qFatal("%s", qPrintable(registry.error().line()));
        return std::move(registry).value();
    }

    static domain::Patient patientFrom(const char *json)
    {
        auto patient = domain::patientFromJson(parseObject(json));
        if (!patient)
            qFatal("%s", qPrintable(patient.error().line()));
        return std::move(patient).value();
    }

    struct Counts {
        qint64 records, outbox, audit;
        bool operator==(const Counts &) const = default;
    };
    static Counts counts(Registry &r)
    {
        auto s = r.stats();
        return {s->records, s->outboxPending, s->auditEntries};
    }

private slots:
    void everyNewFieldRoundTripsThroughJsonAndStorage()
    {
        const domain::Patient given = patientFrom(kFullPatient);
        QVERIFY(given.benzodiazepines.at(0).kind == domain::SedativeKind::ZDrug);
        QVERIFY(given.taperStatus == domain::TaperStatus::InProgress);  // follows the latest plan
        QVERIFY(!given.taperPlans.at(0).steps.at(1).targetMmePerDay.has_value());

        auto admin = create();
        auto clinician = as(QStringLiteral("Casey Clinician"), QStringLiteral("1357"));
        auto id = clinician->addPatient(given);
        QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error().line()));
        auto loaded = clinician->loadPatient(*id);
        QVERIFY(loaded.ok());
        domain::Patient expected = given;
        expected.id = *id;
        QCOMPARE(withoutMeta(*loaded), withoutMeta(expected));
        // The whole-registry read (the text path) gives the same patient.
        auto all = clinician->loadAllPatients(QStringLiteral("test"));
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first(), *loaded);
        // And back to the contract's JSON: every new field name is there.
        const QJsonObject out = domain::patientToJson(*loaded, true);
        QCOMPARE(out.value(QStringLiteral("risk_tier_reason")).toString(),
                 QStringLiteral("two early refills this year"));
        const QJsonObject visit = out.value(QStringLiteral("visits")).toArray().at(0).toObject();
        QCOMPARE(visit.value(QStringLiteral("time")).toString(), QStringLiteral("09:30"));
        QCOMPARE(visit.value(QStringLiteral("type")).toString(), QStringLiteral("telehealth"));
        QCOMPARE(visit.value(QStringLiteral("clinician")).toString(), QStringLiteral("Dr. B"));
        for (const char *section : {"taper_plans", "refill_requests", "medication_reviews", "ltot_decisions",
                                    "oud_assessments", "moud_statuses", "intakes"})
            QCOMPARE(out.value(QLatin1String(section)).toArray().size(), 1);
        QCOMPARE(out.value(QStringLiteral("opioids")).toArray().at(1)[QStringLiteral("indication")].toString(),
                 QStringLiteral("oud"));
        auto again = domain::patientFromJson(out);
        QVERIFY(again.ok());
        QCOMPARE(withoutMeta(*again), withoutMeta(*loaded));
    }

    void recordsWithoutTheNewFieldsStillRead()
    {
        // Payloads as stored before the new fields existed.
        auto visit = domain::recordFromJson(QStringLiteral("visit"),
                                            parseObject(R"({"date": "2026-01-02", "status": "completed"})"));
        QVERIFY(visit.ok());
        QVERIFY(std::get<domain::Visit>(*visit).type == domain::VisitType::InPerson);
        QVERIFY(std::get<domain::Visit>(*visit).time.isEmpty());
        auto agreement = domain::recordFromJson(QStringLiteral("agreement"), QJsonValue(QStringLiteral("2026-01-02")));
        QVERIFY(agreement.ok());
        QVERIFY(std::get<domain::Agreement>(*agreement).status == domain::AgreementStatus::Signed);
        auto benzo = domain::recordFromJson(QStringLiteral("benzodiazepine"),
                                            parseObject(R"({"drug": "alprazolam", "start": "2026-01-02"})"));
        QVERIFY(std::get<domain::BenzodiazepineEntry>(*benzo).kind == domain::SedativeKind::Benzodiazepine);
        auto demographics = domain::demographicsFromJson(parseObject(R"({"name": "Old", "clinic_id": "OLD-1"})"));
        QVERIFY(demographics.ok());
        QVERIFY(demographics->status == domain::PatientStatus::Active);
        // And they are written back in the same form (no new keys with default values).
        QCOMPARE(domain::recordToJson(*visit), parseObject(R"({"date": "2026-01-02", "status": "completed"})"));
    }

    void badFieldsAreRefusedByNameWithNothingWritten_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("visit time") << "visit"
                                    << R"({"date": "2026-11-24", "status": "scheduled", "time": "25:10"})"
                                    << "time";
        QTest::newRow("visit time shape") << "visit"
                                          << R"({"date": "2026-11-24", "status": "scheduled", "time": "9:30"})"
                                          << "time";
        QTest::newRow("visit type") << "visit"
                                    << R"({"date": "2026-11-24", "status": "scheduled", "type": "video"})"
                                    << "type";
        QTest::newRow("sedative kind") << "benzodiazepine"
                                       << R"({"drug": "x", "start": "2026-01-01", "kind": "opioid"})"
                                       << "kind";
        QTest::newRow("confirmatory") << "uds"
                                      << R"({"date": "2026-11-20", "result": "pending", "confirmatory_sent": "yes"})"
                                      << "confirmatory_sent";
        QTest::newRow("pending with substances")
            << "uds"
            << R"({"date": "2026-11-20", "result": "pending", "substances": ["x"]})"
            << "substances";
        QTest::newRow("naloxone action") << "naloxone"
                                         << R"({"date": "2026-11-20", "action": "maybe"})"
                                         << "action";
        QTest::newRow("goal target") << "goal"
                                     << R"({"date": "2026-11-20", "goal": "walk", "target_date": "2026-01-01"})"
                                     << "target_date";
        QTest::newRow("goal reviewed") << "goal"
                                       << R"({"date": "2026-11-20", "goal": "walk", "reviewed": "2026-13-01"})"
                                       << "reviewed";
        QTest::newRow("taper status") << "taper_plan"
                                      << R"({"date": "2026-11-20", "status": "none"})"
                                      << "status";
        QTest::newRow("taper step mme")
            << "taper_plan"
            << R"({"date": "2026-11-20", "status": "planned", "steps": [{"date": "2026-11-21", "target_mme_per_day": -5}]})"
            << "steps[0].target_mme_per_day";
        QTest::newRow("taper step order")
            << "taper_plan"
            << R"({"date": "2026-11-20", "status": "planned", "steps": [{"date": "2026-12-01"}, {"date": "2026-11-21"}]})"
            << "steps[1].date";
        QTest::newRow("agreement language") << "agreement"
                                            << R"({"date": "2026-11-20", "language": "fr"})"
                                            << "language";
        QTest::newRow("agreement status") << "agreement"
                                          << R"({"date": "2026-11-20", "status": "maybe"})"
                                          << "status";
        QTest::newRow("signature markup") << "agreement"
                                          << R"({"date": "2026-11-20", "signature": "<svg onload=x>"})"
                                          << "signature";
        QTest::newRow("signature declined") << "agreement"
                                            << R"({"date": "2026-11-20", "status": "declined", "signature": "AAAA"})"
                                            << "signature";
        QTest::newRow("refill reason")
            << "refill_request"
            << R"({"date": "2026-11-20", "medication": "oxy", "channel": "phone", "decision": "declined"})"
            << "decision_reason";
        QTest::newRow("refill channel") << "refill_request"
                                        << R"({"date": "2026-11-20", "medication": "oxy", "channel": "fax"})"
                                        << "channel";
        QTest::newRow("refill medication") << "refill_request"
                                           << R"({"date": "2026-11-20", "channel": "phone"})"
                                           << "medication";
        QTest::newRow("police report")
            << "refill_request"
            << R"({"date": "2026-11-20", "medication": "oxy", "channel": "portal", "police_report": true})"
            << "police_report";
        QTest::newRow("reviewed by") << "medication_review"
                                     << R"({"date": "2026-11-20"})"
                                     << "reviewed_by";
    }

    void badFieldsAreRefusedByNameWithNothingWritten()
    {
        QFETCH(QString, kind);
        QFETCH(QString, json);
        QFETCH(QString, field);
        auto admin = create();
        auto clinician = as(QStringLiteral("Casey Clinician"), QStringLiteral("1357"));
        const QString id = *clinician->addPatient(patientFrom(R"({"clinic_id": "B-1", "name": "Bad Input"})"));
        const Counts before = counts(*clinician);
        // Through the contract's patient object (cairnctl's path): the codec and validation.
        const QString section = QLatin1String(domain::findKind(kind)->section);
        QJsonObject partial{{section, QJsonArray{parseObject(json.toUtf8().constData())}}};
        auto viaJson = domain::patientFromJson(partial);
        QVERIFY(!viaJson.ok());
        QCOMPARE(viaJson.error().field, QStringLiteral("%1[0].%2").arg(section, field));
        // Through the registry: a record the codec accepts is still refused by validation there.
        auto record = domain::recordFromJson(kind, parseObject(json.toUtf8().constData()));
        if (record.ok()) {
            auto added = clinician->addRecord(id, *record);
            QVERIFY(!added.ok());
            QCOMPARE(added.error().field, field);
        } else {
            QCOMPARE(record.error().field, field);
        }
        QVERIFY(counts(*clinician) == before);
    }

    void patientFieldsAndClinicIdsAreChecked()
    {
        auto admin = create();
        auto clinician = as(QStringLiteral("Casey Clinician"), QStringLiteral("1357"));
        const QString first = *clinician->addPatient(patientFrom(R"({"clinic_id": "DUP-1", "name": "First"})"));
        const Counts before = counts(*clinician);

        auto inactive =
            domain::patientFromJson(parseObject(R"({"clinic_id": "X", "name": "X", "status": "inactive"})"));
        QVERIFY(!inactive.ok());
        QCOMPARE(inactive.error().field, QStringLiteral("inactive_reason"));
        auto badReason = domain::patientFromJson(parseObject(
            R"({"clinic_id": "X", "name": "X", "status": "inactive", "inactive_reason": "bored", "inactive_date": "2026-01-01"})"));
        QCOMPARE(badReason.error().field, QStringLiteral("inactive_reason"));
        auto noDate = domain::patientFromJson(
            parseObject(R"({"clinic_id": "X", "name": "X", "status": "inactive", "inactive_reason": "moved"})"));
        QCOMPARE(noDate.error().field, QStringLiteral("inactive_date"));
        auto activeWithReason =
            domain::patientFromJson(parseObject(R"({"clinic_id": "X", "name": "X", "inactive_reason": "moved"})"));
        QCOMPARE(activeWithReason.error().field, QStringLiteral("inactive_reason"));

        // A clinic identifier names one patient, on add (alone or in a batch) and on edit.
        auto duplicate = clinician->addPatient(patientFrom(R"({"clinic_id": "DUP-1", "name": "Second"})"));
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error().field, QStringLiteral("clinic_id"));
        QVERIFY(duplicate.error().message.contains(QStringLiteral("DUP-1")));
        auto twice = clinician->addPatients({patientFrom(R"({"clinic_id": "NEW-9", "name": "A"})"),
                                             patientFrom(R"({"clinic_id": "NEW-9", "name": "B"})")});
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().field, QStringLiteral("patients[1].clinic_id"));
        QVERIFY(counts(*clinician) == before);

        const QString second = *clinician->addPatient(patientFrom(R"({"clinic_id": "DUP-2", "name": "Second"})"));
        const Counts afterSecond = counts(*clinician);
        auto edited = clinician->loadPatient(second).value();
        edited.clinicId = QStringLiteral("DUP-1");
        auto clash = clinician->updateDemographics(edited);
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().field, QStringLiteral("clinic_id"));
        // Setting the risk tier needs a reason; with one it is kept.
        edited = clinician->loadPatient(second).value();
        edited.riskTier = domain::RiskTier::High;
        auto noWhy = clinician->updateDemographics(edited);
        QVERIFY(!noWhy.ok());
        QCOMPARE(noWhy.error().field, QStringLiteral("risk_tier_reason"));
        QCOMPARE(counts(*clinician).records, afterSecond.records);
        QCOMPARE(counts(*clinician).outbox, afterSecond.outbox);
        edited.riskTierReason = QStringLiteral("benzodiazepine and 120 MME");
        QVERIFY(clinician->updateDemographics(edited).ok());
        QCOMPARE(clinician->loadPatient(second)->riskTierReason, QStringLiteral("benzodiazepine and 120 MME"));
        // Editing the first patient while keeping its own identifier is fine.
        auto same = clinician->loadPatient(first).value();
        same.phone = QStringLiteral("555-0100");
        QVERIFY(clinician->updateDemographics(same).ok());
    }

    void inactivePatientsLeaveTheHuddleWorklistsAndMeasures()
    {
        auto admin = create();
        auto clinician = as(QStringLiteral("Casey Clinician"), QStringLiteral("1357"));
        const char *onTherapy = R"({"clinic_id": "%1", "name": "%2", "sex": "male", "birth_date": "1970-01-01",
            "opioids": [{"drug": "morphine", "strength_mg": 30, "units_per_dose": 1, "doses_per_day": 2, "start": "2026-01-05"}],
            "visits": [{"date": "2026-11-24", "status": "scheduled", "time": "10:15"}]})";
        const QString stays = *clinician->addPatient(patientFrom(
            QString::fromLatin1(onTherapy).arg(QStringLiteral("IN-1"), QStringLiteral("Stays")).toUtf8().constData()));
        const QString leaves = *clinician->addPatient(patientFrom(
            QString::fromLatin1(onTherapy).arg(QStringLiteral("IN-2"), QStringLiteral("Leaves")).toUtf8().constData()));
        QCOMPARE(huddleRows(*clinician, QDate(2026, 11, 24))->size(), 2);

        const Counts before = counts(*clinician);
        QVERIFY(clinician->inactivatePatient(leaves, domain::InactiveReason::Moved, QDate(2026, 11, 15)).ok());
        QCOMPARE(counts(*clinician).records, before.records + 1);  // a new demographics version
        QCOMPARE(counts(*clinician).outbox, before.outbox + 1);

        auto huddle = huddleRows(*clinician, QDate(2026, 11, 24));
        QVERIFY(huddle.ok());
        QCOMPARE(huddle->size(), 1);
        QCOMPARE(huddle->first().patientId, stays);

        auto rules = clinicRules(*clinician);
        QVERIFY(rules.ok());
        const auto context = rules->context();
        auto all = clinician->loadAllPatients(QStringLiteral("test"));
        QVERIFY(all.ok());
        auto worklist = clinical::evaluateRegistry(*all, kToday, context);
        QVERIFY(worklist.ok());
        QCOMPARE(worklist->size(), 1);
        QCOMPARE(worklist->first().patient->id, stays);
        auto november = clinical::monthlyMeasures(*all, 2026, 11, QString(), context);
        QCOMPARE(november->cotPatients, 1);
        // Before the day they left, the patient still counts.
        auto october = clinical::monthlyMeasures(*all, 2026, 10, QString(), context);
        QCOMPARE(october->cotPatients, 2);

        // Still loadable with the history, which keeps the active version it superseded.
        auto gone = clinician->loadPatient(leaves);
        QVERIFY(gone.ok());
        QVERIFY(gone->status == domain::PatientStatus::Inactive);
        QVERIFY(gone->inactiveReason == domain::InactiveReason::Moved);
        QCOMPARE(gone->inactiveDate, QDate(2026, 11, 15));
        auto history = clinician->patientHistory(leaves);
        QVERIFY(history.ok());
        QList<domain::RecordEnvelope> versions;
        for (const auto &e : *history) {
            if (e.kind == QLatin1String("patient"))
                versions.append(e);
        }
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions.at(1).supersedes, versions.at(0).id);
        QVERIFY(!versions.at(1).author.isEmpty());
        QVERIFY(!versions.at(1).writtenAt.isEmpty());
    }

    void urineResultEnteredAsACorrectionRaisesTheAlert()
    {
        auto admin = create();
        auto ma = as(QStringLiteral("Morgan MA"), QStringLiteral("2468"));
        const QString id = *ma->addPatient(patientFrom(R"({"clinic_id": "U-1", "name": "Urine Test",
            "opioids": [{"drug": "morphine", "strength_mg": 15, "units_per_dose": 1, "doses_per_day": 2, "start": "2026-01-05"}]})"));
        domain::UrineDrugScreen sample;
        sample.date = QDate(2026, 11, 20);
        auto collected = ma->addRecord(id, sample);
        QVERIFY(collected.ok());
        auto pending = ma->pendingUds(id);
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().meta.id.toString(QUuid::WithoutBraces), *collected);

        domain::UrineDrugScreen result = pending->first();
        result.result = domain::UdsResult::Unexpected;
        result.substances = {QStringLiteral("fentanyl")};
        result.confirmatorySent = true;
        auto corrected = ma->correctRecord(*collected, result);
        QVERIFY2(corrected.ok(), corrected.ok() ? "" : qPrintable(corrected.error().line()));
        QVERIFY(ma->pendingUds(id)->isEmpty());

        auto view = patientView(*ma, id, kToday);
        QVERIFY(view.ok());
        QCOMPARE(view->patient.uds.size(), 1);
        QVERIFY(view->patient.uds.first().confirmatorySent);
        const bool alert =
            std::any_of(view->evaluation.gaps.cbegin(), view->evaluation.gaps.cend(),
                        [](const clinical::CareGap &g) { return g.code == QLatin1String("UDS_UNEXPECTED"); });
        QVERIFY(alert);
        auto history = ma->patientHistory(id);
        const auto uds = std::count_if(history->cbegin(), history->cend(),
                                       [](const auto &e) { return e.kind == QLatin1String("uds"); });
        QCOMPARE(uds, 2);
    }

    void refillRequestsAreLoggedDecidedByCliniciansAndCounted()
    {
        auto admin = create();
        auto ma = as(QStringLiteral("Morgan MA"), QStringLiteral("2468"));
        const QString id = *ma->addPatient(patientFrom(R"({"clinic_id": "R-1", "name": "Refill",
            "opioids": [{"drug": "morphine", "strength_mg": 15, "units_per_dose": 1, "doses_per_day": 2, "start": "2026-01-05"}]})"));
        domain::RefillRequest request;
        request.date = QDate(2026, 11, 10);
        request.medication = QStringLiteral("morphine 15 mg");
        request.channel = domain::RefillChannel::Phone;
        request.early = true;
        auto logged = ma->addRecord(id, request);
        QVERIFY(logged.ok());
        // The MA routes it; only a clinician approves or declines.
        request.decision = domain::RefillDecision::Declined;
        request.decisionReason = QStringLiteral("too early");
        const Counts before = counts(*ma);
        QVERIFY(!ma->correctRecord(*logged, request).ok());
        QVERIFY(counts(*ma) == before);
        request.decision = domain::RefillDecision::RoutedToClinician;
        request.decisionReason.clear();
        auto routed = ma->correctRecord(*logged, request);
        QVERIFY(routed.ok());
        auto clinician = as(QStringLiteral("Casey Clinician"), QStringLiteral("1357"));
        request.decision = domain::RefillDecision::Declined;
        request.decisionReason = QStringLiteral("too early");
        QVERIFY(clinician->correctRecord(*routed, request).ok());

        auto rules = clinicRules(*clinician);
        auto all = clinician->loadAllPatients(QStringLiteral("test"));
        auto measures = clinical::monthlyMeasures(*all, 2026, 11, QString(), rules->context());
        QVERIFY(measures.ok());
        const auto early =
            std::find_if(measures->measures.cbegin(), measures->measures.cend(),
                         [](const clinical::Measure &m) { return m.id == QLatin1String("early_refill_requests"); });
        QVERIFY(early != measures->measures.cend());
        QCOMPARE(early->numerator, 1);
        QCOMPARE(early->denominator, 1);
        QCOMPARE(early->patientIds, QStringList{id});
        auto december = clinical::monthlyMeasures(*all, 2026, 12, QString(), rules->context());
        for (const auto &m : december->measures) {
            if (m.id == QLatin1String("early_refill_requests"))
                QCOMPARE(m.numerator, 0);
        }
    }

    void sedativesBeyondBenzodiazepinesDoNotChangeTheRules()
    {
        auto admin = create();
        auto clinician = as(QStringLiteral("Casey Clinician"), QStringLiteral("1357"));
        const QString id = *clinician->addPatient(
            patientFrom(R"({"clinic_id": "S-1", "name": "Sedative", "risk_tier": "low", "risk_tier_reason": "ORT 1",
            "opioids": [{"drug": "morphine", "strength_mg": 10, "units_per_dose": 1, "doses_per_day": 2, "start": "2026-01-05"}],
            "benzodiazepines": [{"drug": "zolpidem", "kind": "z_drug", "start": "2026-02-01"}]})"));
        auto view = patientView(*clinician, id, kToday);
        QVERIFY(view.ok());
        QVERIFY(view->evaluation.tier == domain::RiskTier::Low);
        for (const auto &gap : view->evaluation.gaps) {
            QVERIFY(gap.code != QLatin1String("BENZODIAZEPINE"));
            QVERIFY(gap.code != QLatin1String("NALOXONE"));
        }
        // A declined agreement is recorded and named, and does not close the gap.
        domain::Agreement declined;
        declined.date = QDate(2026, 11, 20);
        declined.status = domain::AgreementStatus::Declined;
        QVERIFY(clinician->addRecord(id, declined).ok());
        view = patientView(*clinician, id, kToday);
        const auto agreement =
            std::find_if(view->evaluation.gaps.cbegin(), view->evaluation.gaps.cend(),
                         [](const clinical::CareGap &g) { return g.code == QLatin1String("AGREEMENT"); });
        QVERIFY(agreement != view->evaluation.gaps.cend());
        QVERIFY(agreement->reason.contains(QStringLiteral("declined the agreement on 2026-11-20")));
    }

    // "Opioid prescriber of record here since": from the first opioid prescription recorded in Cairn,
    // written with it; never guessed for a patient whose opioids came on record without it.
    void theFirstOpioidRecordedHereSetsThePrescriberOfRecordDate()
    {
        auto admin = create();
        auto clinician = as(QStringLiteral("Casey Clinician"), QStringLiteral("1357"));
        const QString newcomer = *clinician->addPatient(patientFrom(R"({"clinic_id": "N-1", "name": "Newcomer"})"));
        QVERIFY(!clinician->loadPatient(newcomer)->opioidPrescriberSince.isValid());
        const auto opioid = [](const QDate &start) {
            domain::OpioidEntry e;
            e.drug = QStringLiteral("morphine");
            e.strengthMg = 15;
            e.dosesPerDay = 2;
            e.start = start;
            return e;
        };
        const Counts before = counts(*clinician);
        QVERIFY(clinician->addRecord(newcomer, opioid(QDate(2026, 11, 20))).ok());
        QCOMPARE(clinician->loadPatient(newcomer)->opioidPrescriberSince, QDate(2026, 11, 20));
        // One write: the prescription and the demographics' new version, each synced and audited.
        QCOMPARE(counts(*clinician).records, before.records + 2);
        QCOMPARE(counts(*clinician).outbox, before.outbox + 2);
        // A later prescription does not move it.
        QVERIFY(clinician->addRecords(newcomer, {opioid(QDate(2026, 11, 1))}).ok());
        QCOMPARE(clinician->loadPatient(newcomer)->opioidPrescriberSince, QDate(2026, 11, 20));

        // Registered with their opioids (an import, a registry started mid-way): not known, and a
        // new prescription does not make them look new.
        const QString established = *clinician->addPatient(patientFrom(R"({"clinic_id": "E-1", "name": "Established",
            "opioids": [{"drug": "oxycodone", "strength_mg": 5, "doses_per_day": 3, "start": "2019-04-01"}]})"));
        QVERIFY(clinician->addRecord(established, opioid(QDate(2026, 11, 20))).ok());
        QVERIFY(!clinician->loadPatient(established)->opioidPrescriberSince.isValid());

        // Set on the patient form: kept, stored and read back on both paths.
        domain::Patient edited = *clinician->loadPatient(established);
        edited.opioidPrescriberSince = QDate(2019, 4, 1);
        QVERIFY(clinician->updateDemographics(edited).ok());
        QCOMPARE(clinician->loadPatient(established)->opioidPrescriberSince, QDate(2019, 4, 1));
        auto all = clinician->loadAllPatients(QStringLiteral("test"));
        QVERIFY(all.ok());
        for (const domain::Patient &p : std::as_const(*all))
            QCOMPARE(p.opioidPrescriberSince, p.id == newcomer ? QDate(2026, 11, 20) : QDate(2019, 4, 1));
        QCOMPARE(domain::demographicsToJson(edited).value(QStringLiteral("opioid_prescriber_since")).toString(),
                 QStringLiteral("2019-04-01"));

        // A bad date is refused by name; demographics stored without the field keep their form.
        edited.opioidPrescriberSince = QDate(1850, 1, 1);
        auto refused = clinician->updateDemographics(edited);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("opioid_prescriber_since"));
        const QJsonObject old = parseObject(R"({"id": "x", "clinic_id": "OLD-1", "name": "Old", "sex": "unknown",
            "birth_date": null, "prescriber": "", "ltot_start": null, "risk_tier": null, "language": "en",
            "taper_status": "none"})");
        auto read = domain::demographicsFromJson(old);
        QVERIFY(read.ok());
        QVERIFY(!read->opioidPrescriberSince.isValid());
        QCOMPARE(domain::demographicsToJson(*read), old);
    }
};

QTEST_GUILESS_MAIN(TestRecordFields)
#include "test_record_fields.moc"
