// The record JSON codec on its own: every kind of the kind table round-trips through both
// readers (recordFromJson on a QJsonObject, and PayloadReader on the stored text, with its own
// tokenizer) to the record it started from, and odd payloads get the same answer from both: the
// value, or an error that names the field.

#include "core/domain/record_json.h"
#include "core/domain/record_kinds.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace cairn;
using namespace cairn::domain;

// The test data below is raw string literals, which moc cannot read: the slots are defined
// after the class.
class TestRecordJson : public QObject {
    Q_OBJECT

private slots:
    void everyKindRoundTrips();
    void everyWrittenKeyIsRead();
    void demographicsKeysAreRead();
    void wireFormsAreUnchanged_data();
    void wireFormsAreUnchanged();
    void shortFormOnlyWhereTheTableAllowsIt();
    void unknownKindIsNamed();
    void demographicsRoundTrip();
    void oddPayloads_data();
    void oddPayloads();
    void oddPayloadValues();
    void sharedTextsStayDistinct();
    void mutatedPayloadsGetOneAnswer();
};

namespace {

const QDate kDay(2026, 3, 14);

// Samples of each kind with every field set away from its default, so a field the writer forgets
// or a reader drops shows. Overloaded per record type: a kind added to the table does not compile
// here until it has samples.
QList<OpioidEntry> samples(std::type_identity<OpioidEntry>)
{
    OpioidEntry tablets;
    tablets.drug = QStringLiteral("oxycodone");
    tablets.strengthMg = 7.5;
    tablets.unitsPerDose = 2;
    tablets.dosesPerDay = 3;
    tablets.prn = true;
    tablets.start = kDay;
    tablets.end = kDay.addDays(30);
    OpioidEntry patch;
    patch.drug = QStringLiteral("fentanyl");
    patch.strengthMcgPerHr = 25;
    patch.patches = 2;
    patch.start = kDay;
    OpioidEntry moud;  // buprenorphine for opioid use disorder: the indication round-trips
    moud.drug = QStringLiteral("buprenorphine");
    moud.strengthMg = 8;
    moud.dosesPerDay = 2;
    moud.start = kDay;
    moud.indication = OpioidIndication::OpioidUseDisorder;
    return {tablets, patch, moud};
}
QList<BenzodiazepineEntry> samples(std::type_identity<BenzodiazepineEntry>)
{
    return {{{}, QStringLiteral("zolpidem"), kDay, kDay.addDays(10), SedativeKind::ZDrug},
            {{}, QStringLiteral("diazepam"), kDay, QDate(), SedativeKind::Benzodiazepine}};
}
QList<Agreement> samples(std::type_identity<Agreement>)
{
    return {{{},
             kDay,
             QStringLiteral("read aloud"),
             AgreementStatus::Declined,
             QStringLiteral("policy-3"),
             QStringLiteral("es"),
             QStringLiteral("M0 0 L10 10")},
            {{}, kDay, QString(), AgreementStatus::Signed, QString(), QString(), QString()}};
}
QList<PdmpCheck> samples(std::type_identity<PdmpCheck>)
{
    return {{{}, kDay, QStringLiteral("u-7"), true, QStringLiteral("two prescribers")}};
}
QList<NaloxoneRecord> samples(std::type_identity<NaloxoneRecord>)
{
    return {{{}, kDay, NaloxoneAction::Dispensed}};
}
QList<UrineDrugScreen> samples(std::type_identity<UrineDrugScreen>)
{
    return {{{}, kDay, UdsResult::Unexpected, {QStringLiteral("cocaine"), QStringLiteral("oxycodone")}, true},
            {{}, kDay, UdsResult::Pending, {}, false}};
}
QList<Visit> samples(std::type_identity<Visit>)
{
    return {
        {{}, kDay, VisitStatus::NoShow, QStringLiteral("14:30"), VisitType::Telehealth, QStringLiteral("Dr. Reyes")}};
}
QList<PegScore> samples(std::type_identity<PegScore>)
{
    return {{{}, kDay, 7, 3, 10}, {{}, kDay, 0, 0, 0}};
}
QList<Screening> samples(std::type_identity<Screening>)
{
    return {{{}, QStringLiteral("phq2"), kDay, QJsonArray{1, 3}},
            {{}, QStringLiteral("ort"), kDay, QJsonObject{{QStringLiteral("family_alcohol"), true}}}};
}
QList<Referral> samples(std::type_identity<Referral>)
{
    return {{{}, kDay, QStringLiteral("physical_therapy"), QStringLiteral("North PT"), ReferralStatus::Scheduled},
            {{},
             kDay,
             QStringLiteral("pain_specialist"),
             QString(),
             ReferralStatus::NoResponse,
             QStringLiteral("0b8f2f53-1a7c-4f55-9d8e-2a3a1f6c7b10"),
             QStringLiteral("Would a buprenorphine rotation suit her?"),
             ReferralUrgency::Soon,
             kDay.addDays(20)}};
}
QList<CarePlanGoal> samples(std::type_identity<CarePlanGoal>)
{
    return {{{}, kDay, QStringLiteral("walk to the park"), GoalStatus::Met, kDay.addDays(60), kDay.addDays(20)}};
}
QList<ScriptUse> samples(std::type_identity<ScriptUse>)
{
    return {{{}, kDay, QStringLiteral("taper-talk"), 3, QStringLiteral("es"), QStringLiteral("went well")}};
}
QList<TaperPlan> samples(std::type_identity<TaperPlan>)
{
    return {{{},
             kDay,
             TaperStatus::Paused,
             QStringLiteral("morphine"),
             {{kDay.addDays(7), QStringLiteral("down 10%"), 81.5}, {kDay.addDays(14), QStringLiteral("review"), {}}},
             QStringLiteral("slow")}};
}
QList<RefillRequest> samples(std::type_identity<RefillRequest>)
{
    return {{{},
             kDay,
             QStringLiteral("oxycodone 5 mg"),
             RefillChannel::Pharmacy,
             true,
             true,
             true,
             RefillDecision::Declined,
             QStringLiteral("too early")},
            {{},
             kDay,
             QStringLiteral("morphine ER 15 mg"),
             RefillChannel::Phone,
             false,
             false,
             false,
             RefillDecision::RoutedToClinician,
             {},
             28}};
}
QList<MedicationReview> samples(std::type_identity<MedicationReview>)
{
    return {{{}, kDay, QStringLiteral("u-3")}};
}

QList<UdsSelection> samples(std::type_identity<UdsSelection>)
{
    return {{{}, kDay, true, 90, 27345, kDay.addDays(-3), QStringLiteral("clinic-2")},
            {{}, kDay, false, 365, 6737, kDay.addDays(40), QStringLiteral("default-1")}};
}

QList<RefillOverride> samples(std::type_identity<RefillOverride>)
{
    return {{{},
             kDay,
             QStringLiteral("TOO_EARLY,SUPPLY_TOO_LONG"),
             QStringLiteral("Travelling for a family funeral; supply checked with the pharmacy."),
             QStringLiteral("Dr Rivera"),
             QStringLiteral("clinic-3")}};
}

QList<LtotDecision> samples(std::type_identity<LtotDecision>)
{
    return {{{}, kDay, true, QStringLiteral("regular prescriptions from another clinic")},
            {{}, kDay.addDays(90), false, QStringLiteral("stopped; no longer long-term")}};
}
QList<NoReferralDecision> samples(std::type_identity<NoReferralDecision>)
{
    return {{{}, kDay, ReferralTrigger::TaperPaused, QStringLiteral("already seen by pain clinic last month")},
            {{}, kDay, ReferralTrigger::OudConcern, QStringLiteral("starting buprenorphine here")}};
}

QList<OudAssessment> samples(std::type_identity<OudAssessment>)
{
    OudAssessment a;
    a.date = kDay;
    a.clinician = QStringLiteral("Dr. B");
    for (std::size_t i = 0; i < a.criteria.size(); ++i)
        a.criteria[i] = i % 3 == 0;
    a.asPrescribed = true;
    OudAssessment partial = a;  // a form half filled: unanswered criteria stay unanswered
    partial.criteria[4].reset();
    partial.asPrescribed.reset();
    partial.note = QStringLiteral("stopped to talk");
    return {a, partial};
}

QList<MoudStatus> samples(std::type_identity<MoudStatus>)
{
    return {{{}, kDay, MoudState::Offered, {}, {}, {}},
            {{},
             kDay.addDays(7),
             MoudState::Referred,
             QStringLiteral("buprenorphine"),
             QStringLiteral("County recovery program"),
             QStringLiteral("first visit booked")},
            {{},
             kDay.addDays(8),
             MoudState::Referred,
             QStringLiteral("buprenorphine"),
             {},
             {},
             QStringLiteral("6f1c2a3e-0d4b-4c59-9a77-2b8e5d1f0c42")}};
}

QList<Intake> samples(std::type_identity<Intake>)
{
    Intake started;
    started.date = kDay;
    started.referralSource = QStringLiteral("self");
    started.priorPrescriber = QStringLiteral("Valley Pain Clinic");
    started.reasonLeft = QStringLiteral("prescriber retired");
    started.recordsRequested = kDay;
    Intake decided = started;
    decided.recordsReceived = kDay.addDays(5);
    decided.diagnosis = QStringLiteral("lumbar radiculopathy");
    decided.outcome = IntakeOutcome::Bridge;
    decided.outcomeDate = kDay.addDays(6);
    decided.reviewDate = kDay.addDays(34);
    decided.outcomeBy = QStringLiteral("Dr. B");
    decided.outcomeNote = QStringLiteral("current dose while records are reviewed");
    return {started, decided};
}

QList<CaseConference> samples(std::type_identity<CaseConference>)
{
    CaseConference requested{{}, kDay, QStringLiteral("Should we taper, and how do I raise it?")};
    CaseConference discussed = requested;
    discussed.status = ConferenceStatus::Discussed;
    discussed.meetingDate = kDay.addDays(3);
    discussed.consultNote = QStringLiteral("Taper slowly; offer addiction medicine.");
    discussed.recommendations = {
        {RecommendationKind::Task,
         QStringLiteral("Request the prior records"),
         QStringLiteral("registry_manager"),
         kDay.addDays(7),
         {},
         std::nullopt,
         QStringLiteral("6f1c0c7e-0000-4000-8000-000000000001")},
        {RecommendationKind::Referral,
         QStringLiteral("Addiction medicine"),
         {},
         {},
         QStringLiteral("addiction_medicine")},
        {RecommendationKind::TaperStep, QStringLiteral("25 mg three times a day"), {}, kDay.addDays(30), {}, 112.5}};
    discussed.scripts = {QStringLiteral("tapering")};
    return {requested, discussed};
}

QList<Task> samples(std::type_identity<Task>)
{
    return {{{}, kDay, QStringLiteral("Call about the referral"), QStringLiteral("nurse"), kDay.addDays(7)},
            {{},
             kDay,
             QStringLiteral("Request the prior records"),
             QStringLiteral("registry_manager"),
             kDay.addDays(2),
             TaskStatus::Done,
             QStringLiteral("6f1c0c7e-0000-4000-8000-000000000002")}};
}

template <typename T> QString describe(const Result<T> &result)
{
    return result.ok() ? QStringLiteral("ok") : result.error().line();
}

// Both readers on one payload text: they must agree (value or error); returns the answer.
Result<AnyRecord> readBoth(const QString &kind, const QByteArray &payload)
{
    const auto index = recordKindIndex(kind);
    if (!index)
        return Error{QStringLiteral("kind"), QStringLiteral("not in the kind table")};
    PayloadReader reader;
    auto fast = reader.record(*index, payload);
    auto reference = recordFromJson(kind, QJsonDocument::fromJson(QString::fromUtf8(payload).toUtf8()).object());
    if (fast.ok() != reference.ok() || (!fast.ok() && fast.error().line() != reference.error().line()) ||
        (fast.ok() && !(*fast == *reference)))
        return Error{QStringLiteral("readers"),
                     QStringLiteral("disagree on %1: text path %2, QJsonObject path %3")
                         .arg(QString::fromUtf8(payload.left(200)), describe(fast), describe(reference))};
    return fast;
}

QByteArray peg(const char *members)
{
    return QByteArray(R"({"date":"2026-03-14","pain":4,"enjoyment":5,)") + members + '}';
}

// A value of another JSON type than the one written, so a reader that reads the key must notice.
QJsonValue otherTyped(const QJsonValue &written)
{
    return written.isString() ? QJsonValue(7) : QJsonValue(QStringLiteral("x"));
}

bool names(const Error &error, const QString &key)
{
    return error.field == key || error.field.startsWith(key + QLatin1Char('.')) ||
           error.field.startsWith(key + QLatin1Char('['));
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// What the writer makes of each sample above and of demographicsSample() below, kind first, as the
// codec wrote them before the kinds were described once (see wireFormsAreUnchanged).
const QList<QByteArray>
    kWireForms{
        R"(opioid {"doses_per_day":3,"drug":"oxycodone","end":"2026-04-13","prn":true,"start":"2026-03-14","strength_mg":7.5,"units_per_dose":2})",
        R"(opioid {"drug":"fentanyl","end":null,"patches":2,"start":"2026-03-14","strength_mcg_per_hr":25})",
        R"(opioid {"doses_per_day":2,"drug":"buprenorphine","end":null,"indication":"oud","prn":false,"start":"2026-03-14","strength_mg":8,"units_per_dose":1})",
        R"(benzodiazepine {"drug":"zolpidem","end":"2026-03-24","kind":"z_drug","start":"2026-03-14"})",
        R"(benzodiazepine {"drug":"diazepam","end":null,"start":"2026-03-14"})",
        R"(agreement {"date":"2026-03-14","language":"es","note":"read aloud","signature":"M0 0 L10 10","status":"declined","text_version":"policy-3"})",
        R"(agreement {"date":"2026-03-14"})",
        R"(pdmp_check {"checked_by":"u-7","concerning":true,"date":"2026-03-14","findings":"two prescribers"})",
        R"(naloxone {"action":"dispensed","date":"2026-03-14"})",
        R"(uds {"confirmatory_sent":true,"date":"2026-03-14","result":"unexpected","substances":["cocaine","oxycodone"]})",
        R"(uds {"date":"2026-03-14","result":"pending"})",
        R"(visit {"clinician":"Dr. Reyes","date":"2026-03-14","status":"no_show","time":"14:30","type":"telehealth"})",
        R"(peg {"activity":10,"date":"2026-03-14","enjoyment":3,"pain":7})",
        R"(peg {"activity":0,"date":"2026-03-14","enjoyment":0,"pain":0})",
        R"(screening {"answers":[1,3],"date":"2026-03-14","instrument":"phq2"})",
        R"(screening {"answers":{"family_alcohol":true},"date":"2026-03-14","instrument":"ort"})",
        R"(referral {"date":"2026-03-14","status":"scheduled","to":"North PT","type":"physical_therapy"})",
        R"(referral {"date":"2026-03-14","question":"Would a buprenorphine rotation suit her?","resource_id":"0b8f2f53-1a7c-4f55-9d8e-2a3a1f6c7b10","status":"no_response","status_date":"2026-04-03","to":"","type":"pain_specialist","urgency":"soon"})",
        R"(goal {"date":"2026-03-14","goal":"walk to the park","reviewed":"2026-04-03","status":"met","target_date":"2026-05-13"})",
        R"(script_use {"date":"2026-03-14","language":"es","note":"went well","script_id":"taper-talk","script_version":3})",
        R"(taper_plan {"date":"2026-03-14","drug":"morphine","note":"slow","status":"paused","steps":[{"date":"2026-03-21","description":"down 10%","target_mme_per_day":81.5},{"date":"2026-03-28","description":"review","target_mme_per_day":null}]})",
        R"(refill_request {"channel":"pharmacy","date":"2026-03-14","decision":"declined","decision_reason":"too early","early":true,"lost_stolen":true,"medication":"oxycodone 5 mg","police_report":true})",
        R"(refill_request {"channel":"phone","date":"2026-03-14","days_supply":28,"decision":"routed_to_clinician","early":false,"lost_stolen":false,"medication":"morphine ER 15 mg","police_report":false})",
        R"(medication_review {"date":"2026-03-14","reviewed_by":"u-3"})",
        R"(uds_selection {"date":"2026-03-14","drawn_day":"2026-03-11","interval_days":90,"policy_version":"clinic-2","selected":true,"window":27345})",
        R"(uds_selection {"date":"2026-03-14","drawn_day":"2026-04-23","interval_days":365,"policy_version":"default-1","selected":false,"window":6737})",
        R"(refill_override {"clinician":"Dr Rivera","date":"2026-03-14","policy_version":"clinic-3","reason":"Travelling for a family funeral; supply checked with the pharmacy.","rules":"TOO_EARLY,SUPPLY_TOO_LONG"})",
        R"(ltot_decision {"date":"2026-03-14","long_term":true,"reason":"regular prescriptions from another clinic"})",
        R"(ltot_decision {"date":"2026-06-12","long_term":false,"reason":"stopped; no longer long-term"})",
        R"(no_referral {"date":"2026-03-14","reason":"already seen by pain clinic last month","trigger":"taper_paused"})",
        R"(no_referral {"date":"2026-03-14","reason":"starting buprenorphine here","trigger":"oud_concern"})",
        R"(oud_assessment {"as_prescribed":true,"clinician":"Dr. B","criteria":{"activities_given_up":true,"cannot_cut_down":false,"craving":true,"despite_harm":false,"hazardous_use":false,"larger_or_longer":true,"role_failure":false,"social_problems":false,"time_spent":false,"tolerance":true,"withdrawal":false},"date":"2026-03-14"})",
        R"(oud_assessment {"as_prescribed":null,"clinician":"Dr. B","criteria":{"activities_given_up":true,"cannot_cut_down":false,"craving":true,"despite_harm":false,"hazardous_use":false,"larger_or_longer":true,"role_failure":null,"social_problems":false,"time_spent":false,"tolerance":true,"withdrawal":false},"date":"2026-03-14","note":"stopped to talk"})",
        R"(moud_status {"date":"2026-03-14","state":"offered"})",
        R"(moud_status {"date":"2026-03-21","medication":"buprenorphine","note":"first visit booked","referred_to":"County recovery program","state":"referred"})",
        R"(moud_status {"date":"2026-03-22","medication":"buprenorphine","resource_id":"6f1c2a3e-0d4b-4c59-9a77-2b8e5d1f0c42","state":"referred"})",
        R"(intake {"date":"2026-03-14","diagnosis":"","outcome":null,"outcome_by":"","outcome_date":null,"outcome_note":"","prior_prescriber":"Valley Pain Clinic","reason_left":"prescriber retired","records_received":null,"records_requested":"2026-03-14","referral_source":"self","review_date":null})",
        R"(intake {"date":"2026-03-14","diagnosis":"lumbar radiculopathy","outcome":"bridge","outcome_by":"Dr. B","outcome_date":"2026-03-20","outcome_note":"current dose while records are reviewed","prior_prescriber":"Valley Pain Clinic","reason_left":"prescriber retired","records_received":"2026-03-19","records_requested":"2026-03-14","referral_source":"self","review_date":"2026-04-17"})",
        R"(case_conference {"date":"2026-03-14","question":"Should we taper, and how do I raise it?","status":"requested"})",
        R"(case_conference {"consult_note":"Taper slowly; offer addiction medicine.","date":"2026-03-14","meeting_date":"2026-03-17","question":"Should we taper, and how do I raise it?","recommendations":[{"due":"2026-03-21","kind":"task","owner_role":"registry_manager","record_id":"6f1c0c7e-0000-4000-8000-000000000001","text":"Request the prior records"},{"kind":"referral","referral_type":"addiction_medicine","text":"Addiction medicine"},{"due":"2026-04-13","kind":"taper_step","target_mme_per_day":112.5,"text":"25 mg three times a day"}],"scripts":["tapering"],"status":"discussed"})",
        R"(task {"date":"2026-03-14","due":"2026-03-21","owner_role":"nurse","status":"open","text":"Call about the referral"})",
        R"(task {"conference_id":"6f1c0c7e-0000-4000-8000-000000000002","date":"2026-03-14","due":"2026-03-16","owner_role":"registry_manager","status":"done","text":"Request the prior records"})",
        R"(patient {"birth_date":"1961-02-28","clinic_id":"MRN-0042","id":"5f1c7d1e-2a4b-4c3d-8e9f-0a1b2c3d4e5f","inactive_date":"2026-01-02","inactive_reason":"moved","language":"es","ltot_start":"2019-05-01","name":"Zoë Núñez \"Zee\"","opioid_prescriber_since":"2025-11-03","phone":"555-0100","prescriber":"Dr. Reyes","risk_tier":"high","risk_tier_reason":"overdose history","sex":"female","status":"inactive","taper_status":"in_progress"})",
    };

// The demographics sample of demographicsRoundTrip, every field away from its default.
Patient demographicsSample()
{
    Patient p;
    p.id = QStringLiteral("5f1c7d1e-2a4b-4c3d-8e9f-0a1b2c3d4e5f");
    p.clinicId = QStringLiteral("MRN-0042");
    p.name = QStringLiteral("Zoë Núñez \"Zee\"");
    p.birthDate = QDate(1961, 2, 28);
    p.sex = Sex::Female;
    p.prescriber = QStringLiteral("Dr. Reyes");
    p.ltotStart = QDate(2019, 5, 1);
    p.riskTier = RiskTier::High;
    p.phone = QStringLiteral("555-0100");
    p.language = QStringLiteral("es");
    p.taperStatus = TaperStatus::InProgress;
    p.status = PatientStatus::Inactive;
    p.inactiveReason = InactiveReason::Moved;
    p.inactiveDate = QDate(2026, 1, 2);
    p.riskTierReason = QStringLiteral("overdose history");
    p.opioidPrescriberSince = QDate(2025, 11, 3);
    return p;
}

}  // namespace

// Every kind of the table: written, then read back by both readers from compact and indented
// text, gives the record it started from.
void TestRecordJson::everyKindRoundTrips()
{
    int kinds = 0;
    forEachKind([&](const auto &kind) {
        using T = typename std::decay_t<decltype(kind)>::Type;
        const QList<T> list = samples(std::type_identity<T>{});
        QVERIFY2(!list.isEmpty(), kind.info.name);
        for (const T &sample : list) {
            const AnyRecord record(sample);
            QCOMPARE(recordKind(record), QString::fromLatin1(kind.info.name));
            const QJsonObject json = recordToJson(record);
            const auto fromObject = recordFromJson(recordKind(record), json);
            QVERIFY2(fromObject.ok(), qPrintable(describe(fromObject)));
            QVERIFY2(*fromObject == record, kind.info.name);
            for (const auto format : {QJsonDocument::Compact, QJsonDocument::Indented}) {
                const QByteArray text = QJsonDocument(json).toJson(format);
                const auto fromText = readBoth(recordKind(record), text);
                QVERIFY2(fromText.ok(), qPrintable(describe(fromText)));
                QVERIFY2(*fromText == record, text.constData());
            }
        }
        ++kinds;
    });
    QCOMPARE(kinds, static_cast<int>(kRecordKindCount));
}

// The writer and the readers agree on the keys of every kind: each key recordToJson writes is one
// the readers read (given a value of another type, the record reads differently or the error names
// that key), so no written field is dropped on the way back; and a key no kind has is ignored, as
// older and newer writers share the wire.
void TestRecordJson::everyWrittenKeyIsRead()
{
    int keys = 0;
    forEachKind([&](const auto &kind) {
        using T = typename std::decay_t<decltype(kind)>::Type;
        const QString kindName = QString::fromLatin1(kind.info.name);
        for (const T &sample : samples(std::type_identity<T>{})) {
            const AnyRecord record(sample);
            const QJsonObject json = recordToJson(record);
            for (auto it = json.begin(); it != json.end(); ++it) {
                QJsonObject changed = json;
                changed.insert(it.key(), otherTyped(it.value()));
                const auto read = readBoth(kindName, compact(changed));
                const QByteArray where = (kindName + QLatin1Char('.') + it.key()).toUtf8();
                QVERIFY2(read.ok() || read.error().field != QLatin1String("readers"), qPrintable(describe(read)));
                QVERIFY2(read.ok() ? !(*read == record) : names(read.error(), it.key()), where.constData());
                ++keys;
            }
            QJsonObject extra = json;
            extra.insert(QStringLiteral("not_a_field"), QStringLiteral("x"));
            const auto read = readBoth(kindName, compact(extra));
            QVERIFY2(read.ok(), qPrintable(describe(read)));
            QVERIFY2(*read == record, kind.info.name);
        }
    });
    QVERIFY(keys > 150);
}

// The same agreement for a patient's demographics.
void TestRecordJson::demographicsKeysAreRead()
{
    const Patient p = demographicsSample();
    const QJsonObject json = demographicsToJson(p);
    QCOMPARE(json.size(), 16);  // every demographic field is set, so every key is written
    for (auto it = json.begin(); it != json.end(); ++it) {
        QJsonObject changed = json;
        changed.insert(it.key(), otherTyped(it.value()));
        const auto fromObject = demographicsFromJson(changed);
        PayloadReader reader;
        const auto fromText = reader.demographics(compact(changed));
        QCOMPARE(fromText.ok(), fromObject.ok());
        QVERIFY2(!fromObject.ok(), qPrintable(it.key()));
        QVERIFY2(names(fromObject.error(), it.key()), qPrintable(fromObject.error().line()));
        QCOMPARE(fromText.error().line(), fromObject.error().line());
    }
    QJsonObject extra = json;
    extra.insert(QStringLiteral("not_a_field"), 1);
    const auto read = demographicsFromJson(extra);
    QVERIFY(read.ok());
    QVERIFY(*read == p);
}

// The JSON of every sample, byte for byte as stored payloads and the sync wire have it: the codec
// may change how it is written, never what it writes.
void TestRecordJson::wireFormsAreUnchanged_data()
{
    QTest::addColumn<QByteArray>("written");
    QTest::addColumn<QByteArray>("expected");
    QList<QByteArray> written;
    forEachKind([&](const auto &kind) {
        using T = typename std::decay_t<decltype(kind)>::Type;
        for (const T &sample : samples(std::type_identity<T>{}))
            written.append(QByteArray(kind.info.name) + ' ' + compact(recordToJson(AnyRecord(sample))));
    });
    written.append("patient " + compact(demographicsToJson(demographicsSample())));
    QCOMPARE(written.size(), kWireForms.size());
    for (qsizetype i = 0; i < written.size(); ++i) {
        const QByteArray kind = written.at(i).left(written.at(i).indexOf(' '));
        QTest::addRow("%s #%d", kind.constData(), static_cast<int>(i)) << written.at(i) << kWireForms.at(i);
    }
}

void TestRecordJson::wireFormsAreUnchanged()
{
    QFETCH(QByteArray, written);
    QFETCH(QByteArray, expected);
    QCOMPARE(written, expected);
}

// The contract's short form (a bare date) is read for the kinds the table marks, and refused
// for every other kind.
void TestRecordJson::shortFormOnlyWhereTheTableAllowsIt()
{
    for (const KindInfo &info : kRecordKindInfo) {
        const auto read = recordFromJson(info.kind(), QJsonValue(QStringLiteral("2026-03-14")));
        if (info.shortForm) {
            QVERIFY2(read.ok(), info.name);
            QCOMPARE(recordDate(*read), kDay);
        } else {
            QVERIFY2(!read.ok(), info.name);
            QCOMPARE(read.error().line(), QStringLiteral("must be a JSON object"));
        }
    }
}

void TestRecordJson::unknownKindIsNamed()
{
    const auto read = recordFromJson(QStringLiteral("horoscope"), QJsonObject());
    QVERIFY(!read.ok());
    QCOMPARE(read.error().field, QStringLiteral("kind"));
    QVERIFY(!knownRecordKindForPatient(QStringLiteral("patient")));
}

void TestRecordJson::demographicsRoundTrip()
{
    const Patient p = demographicsSample();
    const QJsonObject json = demographicsToJson(p);
    const auto fromObject = demographicsFromJson(json);
    QVERIFY2(fromObject.ok(), qPrintable(describe(fromObject)));
    QVERIFY(*fromObject == p);
    PayloadReader reader;
    const auto fromText = reader.demographics(QJsonDocument(json).toJson(QJsonDocument::Compact));
    QVERIFY2(fromText.ok(), qPrintable(describe(fromText)));
    QVERIFY(*fromText == p);

    const auto badTier = reader.demographics(R"({"name":"A","risk_tier":"extreme"})");
    QVERIFY(!badTier.ok());
    QCOMPARE(badTier.error().field, QStringLiteral("risk_tier"));
    const auto badSex = reader.demographics(R"({"name":"A","sex":1})");
    QVERIFY(!badSex.ok());
    QCOMPARE(badSex.error().line(), QStringLiteral("sex: must be text"));
}

// Payloads no writer of ours makes. Both readers give the same answer; an error names the field.
void TestRecordJson::oddPayloads_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("error");  // "field: message", empty when the payload reads

    // Fields the kind does not have are ignored (older and newer writers share the wire).
    QTest::newRow("unknown field ignored") << "peg" << peg(R"("activity":6,"mood":"fine")") << QString();
    QTest::newRow("more members than the tokenizer holds")
        << "peg"
        << peg(R"("activity":6,"x1":1,"x2":2,"x3":3,"x4":4,"x5":5,"x6":6,"x7":7,"x8":8,"x9":9,"x10":10,"x11":11,"x12":12,"x13":13)")
        << QString();
    QTest::newRow("duplicate key") << "peg" << peg(R"("activity":6,"activity":6)") << QString();
    // Wrong types.
    QTest::newRow("number as string") << "peg" << peg(R"("activity":"6")") << "activity: must be a number";
    QTest::newRow("strength as string") << "opioid" << QByteArray(R"({"drug":"oxycodone","start":"2026-03-14",
        "strength_mg":"10"})") << "strength_mg: must be a number";
    QTest::newRow("text as number") << "opioid" << QByteArray(R"({"drug":5,"start":"2026-03-14"})")
                                    << "drug: must be text";
    QTest::newRow("boolean as text") << "pdmp_check" << QByteArray(R"({"date":"2026-03-14","concerning":"yes"})")
                                     << "concerning: must be true or false";
    QTest::newRow("date as number") << "visit" << QByteArray(R"({"date":20260314,"status":"scheduled"})")
                                    << "date: must be a date written YYYY-MM-DD";
    QTest::newRow("date that does not exist") << "visit" << QByteArray(R"({"date":"2026-02-30","status":"scheduled"})")
                                              << R"(date: "2026-02-30" is not a real date (YYYY-MM-DD))";
    QTest::newRow("date in another shape") << "visit" << QByteArray(R"({"date":"14/03/2026","status":"scheduled"})")
                                           << R"(date: "14/03/2026" is not a real date (YYYY-MM-DD))";
    QTest::newRow("not a whole number") << "peg" << peg(R"("activity":6.5)") << "activity: must be a whole number";
    QTest::newRow("whole number out of range")
        << "peg" << peg(R"("activity":1e12)") << "activity: must be a whole number";
    // Quoted input stays on one line: a line break in it is shown as U+FFFD.
    QTest::newRow("date with a line break")
        << "visit" << QByteArray(R"({"date":"2026-03-14\n","status":"scheduled"})")
        << QStringLiteral("date: \"2026-03-14\uFFFD\" is not a real date (YYYY-MM-DD)");
    QTest::newRow("enum word with a line break")
        << "visit" << QByteArray(R"({"date":"2026-03-14","status":"done\nnext"})")
        << QStringLiteral("status: unknown value \"done\uFFFDnext\"");
    QTest::newRow("unknown enum word") << "visit" << QByteArray(R"({"date":"2026-03-14","status":"done"})")
                                       << R"(status: unknown value "done")";
    // A MOUD referral names a directory resource; one from before the directory, free text.
    QTest::newRow("moud referral from before the directory")
        << "moud_status" << QByteArray(R"({"date":"2026-03-14","state":"referred","referred_to":"County program"})")
        << QString();
    // A refill request's days' supply: absent (as before it was kept), or whole days up to a year.
    QTest::newRow("refill request without a days' supply")
        << "refill_request" << QByteArray(R"({"date":"2026-03-14","medication":"oxycodone","channel":"phone"})")
        << QString();
    QTest::newRow("refill request for part of a day")
        << "refill_request"
        << QByteArray(R"({"date":"2026-03-14","medication":"oxycodone","channel":"phone","days_supply":7.5})")
        << "days_supply: must be a whole number";
    QTest::newRow("list as text") << "uds" << QByteArray(R"({"date":"2026-03-14","result":"unexpected",
        "substances":"cocaine"})") << "substances: must be a list of names";
    QTest::newRow("list of wrong items") << "uds" << QByteArray(R"({"date":"2026-03-14","result":"unexpected",
        "substances":["cocaine",7]})") << "substances[1]: must be text";
    QTest::newRow("step not an object") << "taper_plan"
                                        << QByteArray(R"({"date":"2026-03-14","status":"planned","steps":[3]})")
                                        << "steps[0]: must be an object with date, description and target_mme_per_day";
    QTest::newRow("step without its date")
        << "taper_plan" << QByteArray(R"({"date":"2026-03-14","status":"planned","steps":[{"description":"x"}]})")
        << "steps[0].date: is required (YYYY-MM-DD)";
    QTest::newRow("step target as string") << "taper_plan" << QByteArray(R"({"date":"2026-03-14","status":"planned",
        "steps":[{"date":"2026-03-21","target_mme_per_day":"80"}]})")
                                           << "steps[0].target_mme_per_day: must be a number";
    // Missing and null.
    QTest::newRow("missing required number")
        << "peg" << QByteArray(R"({"date":"2026-03-14","pain":4,"enjoyment":5})") << "activity: is required";
    QTest::newRow("missing required date") << "agreement" << QByteArray("{}") << "date: is required (YYYY-MM-DD)";
    QTest::newRow("missing required enum") << "uds" << QByteArray(R"({"date":"2026-03-14"})") << "result: is required";
    QTest::newRow("blank required text") << "medication_review"
                                         << QByteArray(R"({"date":"2026-03-14","reviewed_by":"  "})")
                                         << "reviewed_by: must not be empty";
    QTest::newRow("null for a required field") << "peg" << peg(R"("activity":null)") << "activity: is required";
    QTest::newRow("null answers") << "screening"
                                  << QByteArray(R"({"instrument":"phq2","date":"2026-03-14","answers":null})")
                                  << "answers: is required";
    QTest::newRow("null for an optional field")
        << "opioid" << QByteArray(R"({"drug":"oxycodone","start":"2026-03-14","end":null,"strength_mg":null})")
        << QString();
    QTest::newRow("empty list") << "uds" << QByteArray(R"({"date":"2026-03-14","result":"expected","substances":[]})")
                                << QString();
    QTest::newRow("empty steps") << "taper_plan" << QByteArray(R"({"date":"2026-03-14","status":"planned","steps":[]})")
                                 << QString();
    QTest::newRow("empty answers") << "screening"
                                   << QByteArray(R"({"instrument":"phq2","date":"2026-03-14","answers":[]})")
                                   << QString();
    // Text the tokenizer leaves to QJsonDocument, and text it reads itself.
    QTest::newRow("escaped quotes and newline")
        << "referral" << QByteArray(R"({"date":"2026-03-14","type":"pt","to":"Dr. \"Q\"\nRoom 2"})") << QString();
    QTest::newRow("unicode escape") << "goal" << QByteArray(R"({"date":"2026-03-14","goal":"caminar m\u00e1s"})")
                                    << QString();
    QTest::newRow("raw UTF-8") << "goal"
                               << QByteArray(
                                      "{\"date\":\"2026-03-14\",\"goal\":\"caminar m\xc3\xa1s \xf0\x9f\x9a\xb6\"}")
                               << QString();
    // Bytes that are not UTF-8 (or not characters) read as QString::fromUtf8 reads them, on both
    // paths, in a member and inside a nested list.
    for (const auto &[name, bytes] :
         std::initializer_list<std::pair<const char *, QByteArray>>{{"lone byte", "\xff"},
                                                                    {"surrogate", "\xed\xa0\x80"},
                                                                    {"overlong", "\xc0\xaf"},
                                                                    {"noncharacter", "\xef\xbf\xbe"},
                                                                    {"beyond U+10FFFF", "\xf4\x90\x80\x80"},
                                                                    {"cut sequence", "\xe2\x82"}}) {
        QTest::addRow("not UTF-8 (%s) in text", name)
            << "goal" << QByteArray(R"({"date":"2026-03-14","goal":"a)" + bytes + "b\"}") << QString();
        QTest::addRow("not UTF-8 (%s) in a list", name)
            << "screening" << QByteArray(R"({"instrument":"phq2","date":"2026-03-14","answers":["a)" + bytes + "b\"]}")
            << QString();
    }
    QTest::newRow("very long text") << "goal"
                                    << (QByteArray(R"({"date":"2026-03-14","goal":")") + QByteArray(200'000, 'w') +
                                        "\"}")
                                    << QString();
    // Text that is not a JSON object reads as an empty one: the first required field is named.
    QTest::newRow("truncated text") << "peg" << peg(R"("activity":6)").chopped(5) << "date: is required (YYYY-MM-DD)";
    QTest::newRow("an array") << "peg" << QByteArray("[1,2]") << "date: is required (YYYY-MM-DD)";
    QTest::newRow("empty text") << "peg" << QByteArray() << "date: is required (YYYY-MM-DD)";
    QTest::newRow("number too large for a double")
        << "peg" << peg(R"("activity":1e999)") << "date: is required (YYYY-MM-DD)";
}

void TestRecordJson::oddPayloads()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, payload);
    QFETCH(QString, error);
    const auto read = readBoth(kind, payload);
    if (error.isEmpty()) {
        QVERIFY2(read.ok(), qPrintable(describe(read)));
        return;
    }
    QVERIFY2(!read.ok(), "the payload was read");
    QVERIFY2(read.error().field != QLatin1String("readers"), qPrintable(read.error().message));
    QVERIFY(!read.error().field.isEmpty());
    QCOMPARE(read.error().line(), error);
}

// What the odd payloads that read give: the values, not just "no error".
void TestRecordJson::oddPayloadValues()
{
    const auto withUnknown = readBoth(QStringLiteral("peg"), peg(R"("activity":6,"mood":"fine")"));
    QVERIFY(withUnknown.ok());
    QVERIFY(*withUnknown == AnyRecord(PegScore{{}, kDay, 4, 5, 6}));

    const auto escaped =
        readBoth(QStringLiteral("referral"), R"({"date":"2026-03-14","type":"pt","to":"Dr. \"Q\"\nRoom 2"})");
    QVERIFY(escaped.ok());
    QCOMPARE(std::get<Referral>(*escaped).to, QStringLiteral("Dr. \"Q\"\nRoom 2"));

    const auto unicode = readBoth(QStringLiteral("goal"), R"({"date":"2026-03-14","goal":"caminar m\u00e1s"})");
    QVERIFY(unicode.ok());
    QCOMPARE(std::get<CarePlanGoal>(*unicode).goal, QStringLiteral("caminar m\u00e1s"));
    const auto raw =
        readBoth(QStringLiteral("goal"), "{\"date\":\"2026-03-14\",\"goal\":\"caminar m\xc3\xa1s \xf0\x9f\x9a\xb6\"}");
    QVERIFY(raw.ok());
    QCOMPARE(std::get<CarePlanGoal>(*raw).goal, QStringLiteral("caminar m\u00e1s \U0001F6B6"));

    const QByteArray longGoal(200'000, 'w');
    const auto longText =
        readBoth(QStringLiteral("goal"), QByteArray(R"({"date":"2026-03-14","goal":")") + longGoal + "\"}");
    QVERIFY(longText.ok());
    QCOMPARE(std::get<CarePlanGoal>(*longText).goal.size(), longGoal.size());

    const auto nulls = readBoth(QStringLiteral("opioid"),
                                R"({"drug":" OxyCodone ","start":"2026-03-14","end":null,"strength_mg":null})");
    QVERIFY(nulls.ok());
    const auto &entry = std::get<OpioidEntry>(*nulls);
    QCOMPARE(entry.drug, QStringLiteral("oxycodone"));  // names are kept trimmed, lower case
    QVERIFY(!entry.end.isValid());
    QVERIFY(!entry.strengthMg);
    QCOMPARE(entry.unitsPerDose, 1.0);  // absent: the default

    const auto emptyList =
        readBoth(QStringLiteral("uds"), R"({"date":"2026-03-14","result":"expected","substances":[]})");
    QVERIFY(emptyList.ok());
    QVERIFY(std::get<UrineDrugScreen>(*emptyList).substances.isEmpty());
}

// The text reader shares repeated short texts, never mixing up different ones.
void TestRecordJson::sharedTextsStayDistinct()
{
    PayloadReader reader;
    for (int i = 0; i < 500; ++i) {
        const QByteArray utf8 = "drug-" + QByteArray::number(i % 97) + (i % 2 ? "\xc3\xa9" : "");
        const QString text = reader.text(utf8);
        QCOMPARE(text, QString::fromUtf8(utf8));
    }
    QCOMPARE(reader.text(QByteArrayView()), QString());
    QCOMPARE(reader.text(QByteArray(41, 'x')), QString(41, QLatin1Char('x')));
}

// Seeded damage to every sample's stored text (bytes dropped, replaced or inserted, from JSON's
// own punctuation, escapes, digits and non-ASCII): whatever the tokenizer makes of it, both
// readers give the same answer, and nothing crashes.
void TestRecordJson::mutatedPayloadsGetOneAnswer()
{
    static const QByteArrayList pieces{"\"", "\\", "{", "}",     "[",        "]",    ",",        ":",
                                       "0",  "-",  "e", "1e999", "null",     "true", "\\u00e9",  " ",
                                       "\n", "9",  ".", "\xc3",  "\xc3\xa9", "\x01", "\"date\"", "\"2026-03-14\""};
    std::uint32_t state = 20261205;
    auto next = [&state](std::uint32_t bound) {
        state = state * 1'664'525u + 1'013'904'223u;
        return (state >> 8) % bound;
    };
    int checked = 0;
    forEachKind([&](const auto &kind) {
        using T = typename std::decay_t<decltype(kind)>::Type;
        for (const T &sample : samples(std::type_identity<T>{})) {
            const QByteArray original = QJsonDocument(recordToJson(AnyRecord(sample))).toJson(QJsonDocument::Compact);
            for (int round = 0; round < 150; ++round) {
                QByteArray text = original;
                for (std::uint32_t edits = 1 + next(3); edits > 0; --edits) {
                    const auto at = static_cast<qsizetype>(next(static_cast<std::uint32_t>(text.size() + 1)));
                    const QByteArray &piece = pieces.at(next(static_cast<std::uint32_t>(pieces.size())));
                    switch (next(3)) {
                    case 0:
                        text.remove(at, 1 + next(4));
                        break;
                    case 1:
                        text.replace(at, 1, piece);
                        break;
                    default:
                        text.insert(at, piece);
                        break;
                    }
                }
                const auto read = readBoth(QLatin1StringView(kind.info.name), text);
                if (!read.ok() && read.error().field == QLatin1String("readers"))
                    QFAIL(qPrintable(read.error().message));
                ++checked;
            }
        }
    });
    QVERIFY(checked > 2000);
}

QTEST_GUILESS_MAIN(TestRecordJson)
#include "test_record_json.moc"
