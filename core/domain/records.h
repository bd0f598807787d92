#pragma once
// The registry's records. Plain values: no database, no clock, no UI. A QDate that is null means
// "absent" (an open-ended regimen, a missing date). Field names follow the rules contract
// (../shared/spec/clinical-rules.md) so the JSON codec maps them one to one.

#include "core/domain/hlc.h"

#include <QDate>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>
#include <QUuid>

#include <array>
#include <optional>

namespace cairn::domain {

enum class Sex { Female, Male, Unknown };
enum class RiskTier { Low, Moderate, High };
enum class UdsResult { Expected, Unexpected, Pending };
enum class VisitStatus { Scheduled, Completed, Cancelled, NoShow };
enum class NaloxoneAction { Offered, Prescribed, Declined, Dispensed };
// A referral's course (core/clinical/referrals.h says which moves are possible). Stored referrals
// from before the directory read "proposed" as drafted and "completed" as closed.
enum class ReferralStatus { Drafted, Sent, Scheduled, Seen, Closed, Declined, NoResponse };
enum class ReferralUrgency { Routine, Soon, Urgent };
// What makes the clinic expect a referral (policy referrals.triggers; core/clinical/referrals.h).
enum class ReferralTrigger { HighDose, UdsUnexpected, PositiveScreen, TaperPaused, OudConcern };
enum class TaperStatus { None, Planned, InProgress, Paused, Completed };
enum class GoalStatus { Active, Met, Dropped };
enum class PatientStatus { Active, Inactive };
enum class InactiveReason { Moved, Deceased, Discharged, TaperedOff, Transferred };
enum class VisitType { InPerson, Telehealth, NurseCall };
// Sedatives the program asks clinics to track beside opioids; only benzodiazepines drive the
// contract's rules (see core/clinical/rules.cpp).
enum class SedativeKind { Benzodiazepine, ZDrug, Gabapentinoid, MuscleRelaxant, Barbiturate };
enum class AgreementStatus { Signed, Declined };
enum class RefillChannel { Phone, Portal, FrontDesk, Pharmacy };
enum class RefillDecision { Pending, Approved, Declined, RoutedToClinician };
// Why an opioid is prescribed: buprenorphine or methadone for opioid use disorder (MOUD) is tracked
// but never makes a patient a long-term opioid therapy patient (core/clinical/ltot.h).
enum class OpioidIndication { Pain, OpioidUseDisorder };
// Medication for opioid use disorder (MOUD), tracked apart from long-term opioid therapy.
enum class MoudState { Offered, Accepted, Declined, StartedInHouse, Referred, Stopped };
// The first-visit decision for a new patient already on long-term opioids (clinic policy new_patient).
enum class IntakeOutcome { Continue, Bridge, Taper, Refer, NotTakenOn };
// Case conference (issue 18 item 5): a consultation request's way through the team's clinician meeting.
enum class ConferenceStatus { Requested, Scheduled, Discussed, Closed };
enum class RecommendationKind { Task, Referral, Goal, TaperStep };
enum class TaskStatus { Open, Done };

// Every value below compares field by field (operator==): tests check that two ways of reading agree.

// Who wrote a record, where and when. Every stored record carries one; records parsed from the
// contract JSON (cairnctl evaluate) leave it empty.
struct RecordMeta {
    QUuid id;
    QString author;    // user id
    QString device;    // device id
    HlcStamp stamp;    // hybrid logical clock at creation
    QUuid supersedes;  // a correction names the record it replaces; both stay in the registry

    friend bool operator==(const RecordMeta &, const RecordMeta &) = default;
};

struct OpioidEntry {
    RecordMeta meta;
    QString drug;                            // canonical name, lower case: "oxycodone", "fentanyl", ...
    std::optional<double> strengthMg;        // per unit; absent for fentanyl
    std::optional<double> strengthMcgPerHr;  // fentanyl transdermal only
    double unitsPerDose = 1;
    double dosesPerDay = 0;  // for PRN entries: the maximum doses per day
    int patches = 1;         // fentanyl: patches worn at once
    bool prn = false;
    QDate start;
    QDate end;                                             // null: open-ended
    OpioidIndication indication = OpioidIndication::Pain;  // "oud" only for buprenorphine or methadone

    friend bool operator==(const OpioidEntry &, const OpioidEntry &) = default;
};

// A sedative entry; the contract's list is "benzodiazepines", and an entry without a kind is one.
struct BenzodiazepineEntry {
    RecordMeta meta;
    QString drug;
    QDate start;
    QDate end;
    SedativeKind kind = SedativeKind::Benzodiazepine;

    friend bool operator==(const BenzodiazepineEntry &, const BenzodiazepineEntry &) = default;
};

struct Agreement {
    RecordMeta meta;
    QDate date;  // signed (or declined) on
    QString note;
    AgreementStatus status = AgreementStatus::Signed;  // stored records before statuses were signed
    QString textVersion{};  // the version of the agreement text shown (policy version or the clinic's own)
    QString language{};     // "en" or "es": the language of the text shown; empty when not recorded
    QString signature{};    // the on-screen signature: base64 PNG or an SVG path, ASCII, size-bounded

    friend bool operator==(const Agreement &, const Agreement &) = default;
};

struct PdmpCheck {
    RecordMeta meta;
    QDate date;
    QString checkedBy;  // who ran the check (name or user id)
    bool concerning = false;
    QString findings;  // free text; only when concerning

    friend bool operator==(const PdmpCheck &, const PdmpCheck &) = default;
};

struct NaloxoneRecord {
    RecordMeta meta;
    QDate date;
    NaloxoneAction action = NaloxoneAction::Offered;  // every action records that naloxone was offered

    friend bool operator==(const NaloxoneRecord &, const NaloxoneRecord &) = default;
};

struct UrineDrugScreen {
    RecordMeta meta;
    QDate date;  // collected on
    UdsResult result = UdsResult::Pending;
    QStringList substances;         // substances found that were not expected (or expected and missing)
    bool confirmatorySent = false;  // sent for a confirmatory (lab) test

    friend bool operator==(const UrineDrugScreen &, const UrineDrugScreen &) = default;
};

// A booking or a visit held. Rescheduling is a correction of the booking (new date or time).
struct Visit {
    RecordMeta meta;
    QDate date;
    VisitStatus status = VisitStatus::Scheduled;
    QString time{};  // "HH:mm" local clinic time; empty when not booked at a time
    VisitType type = VisitType::InPerson;
    QString clinician{};  // who the visit is with; optional

    friend bool operator==(const Visit &, const Visit &) = default;
};

struct PegScore {
    RecordMeta meta;
    QDate date;
    int pain = 0;       // 0-10
    int enjoyment = 0;  // 0-10
    int activity = 0;   // 0-10

    friend bool operator==(const PegScore &, const PegScore &) = default;
};

// Answers as the rules contract writes them: an array of item scores (phq2, phq9, gad2, gad7),
// an object of yes/no items (ort), or the instrument's own shape (pcptsd5). The instrument engine
// in core/clinical validates and scores them from the instrument definitions in assets/.
struct Screening {
    RecordMeta meta;
    QString instrument;  // "phq2", "phq9", "gad2", "gad7", "ort", "pcptsd5"
    QDate date;
    QJsonValue answers;

    friend bool operator==(const Screening &, const Screening &) = default;
};

// A referral and how far it has got; moving it on is a correction (its next state).
struct Referral {
    RecordMeta meta;
    QDate date;    // referred on
    QString type;  // the kind of care: a directory category ("pain_specialist") or free text; optional
    QString to;    // free-text destination; empty when resourceId names a directory entry
    ReferralStatus status = ReferralStatus::Drafted;
    QString resourceId{};  // the clinic_resource lineage (its first version's id) referred to
    QString question{};    // what the referral asks; required for every new referral (clinical/referrals.h)
    ReferralUrgency urgency = ReferralUrgency::Routine;
    QDate statusDate{};  // when the status was reached; null: the referral's date

    friend bool operator==(const Referral &, const Referral &) = default;
};

struct CarePlanGoal {
    RecordMeta meta;
    QDate date;
    QString goal;  // in the patient's words where possible
    GoalStatus status = GoalStatus::Active;
    QDate targetDate{};  // optional
    QDate reviewed{};    // last reviewed at a visit; optional

    friend bool operator==(const CarePlanGoal &, const CarePlanGoal &) = default;
};

// A conversation script used with the patient (in the visit, at rooming, on the phone).
struct ScriptUse {
    RecordMeta meta;
    QDate date;
    QString scriptId;
    int scriptVersion = 1;
    QString language = QStringLiteral("en");
    QString note;  // the user's private note; optional

    friend bool operator==(const ScriptUse &, const ScriptUse &) = default;
};

struct TaperStep {
    QDate date;
    QString description;
    std::optional<double> targetMmePerDay;  // absent: a step that is not a dose (a pause, a review)

    friend bool operator==(const TaperStep &, const TaperStep &) = default;
};

// A taper plan and its steps; its status (latest plan by date) is the patient's taper status.
struct TaperPlan {
    RecordMeta meta;
    QDate date;
    TaperStatus status = TaperStatus::Planned;  // never None: a plan is planned, in progress, paused or completed
    QString drug;
    QList<TaperStep> steps;
    QString note;

    friend bool operator==(const TaperPlan &, const TaperPlan &) = default;
};

// A refill request as it came in, and what was decided. A decision is a correction of the request.
struct RefillRequest {
    RecordMeta meta;
    QDate date;
    QString medication;
    RefillChannel channel = RefillChannel::Phone;
    bool early = false;
    bool lostStolen = false;
    bool policeReport = false;
    RefillDecision decision = RefillDecision::Pending;
    QString decisionReason;  // required when declined
    // The days' supply asked for, as the requester gave it (1-365); absent when nobody said, never guessed.
    std::optional<int> daysSupply{};

    friend bool operator==(const RefillRequest &, const RefillRequest &) = default;
};

// "Medication list reviewed" (the program's per-visit sedative review).
struct MedicationReview {
    RecordMeta meta;
    QDate date;
    QString reviewedBy;

    friend bool operator==(const MedicationReview &, const MedicationReview &) = default;
};

// Random urine testing (clinic policy uds_selection.mode "random"): the draw made when rooming
// starts, recorded so that an audit can replay it from the clinic's seed.
struct UdsSelection {
    RecordMeta meta;
    QDate date;
    bool selected = false;
    int intervalDays = 0;  // the policy's UDS interval for the patient's tier: the window's length
    int window = 0;        // which window of that length the day falls in
    QDate drawnDay;        // the window's randomly drawn day
    QString policyVersion;

    friend bool operator==(const UdsSelection &, const UdsSelection &) = default;
};

// A clinician overriding the clinic rules that blocked a refill (clinic policy rule_strength).
struct RefillOverride {
    RecordMeta meta;
    QDate date;
    QString rules;  // the overridden rule codes, comma-separated ("TOO_EARLY,SUPPLY_TOO_LONG")
    QString reason;
    QString clinician;
    QString policyVersion;

    friend bool operator==(const RefillOverride &, const RefillOverride &) = default;
};

// A clinician's decision that the patient is (long_term true) or is no longer (false) on long-term
// opioid therapy whatever the supply shows; the latest decision on or before a date is in force.
// The clinic policy decides whether the flag counts (ltot_definition.count_clinician_flag).
struct LtotDecision {
    RecordMeta meta;
    QDate date;
    bool longTerm = true;
    QString reason;  // required: why, in the clinician's words

    friend bool operator==(const LtotDecision &, const LtotDecision &) = default;
};

// A clinician's recorded decision not to refer for a referral trigger, with the reason.
struct NoReferralDecision {
    RecordMeta meta;
    QDate date;
    ReferralTrigger trigger = ReferralTrigger::HighDose;
    QString reason;  // required

    friend bool operator==(const NoReferralDecision &, const NoReferralDecision &) = default;
};

// The DSM-5 opioid use disorder checklist, as a clinician answered it. The 11 criteria are named by
// kOudCriteria (their wording, EN/ES, is data: assets/clinical/oud-criteria.json); every one must
// be answered, none is assumed. Severity is computed (core/clinical/oud.h), never stored.
inline constexpr std::array<const char *, 11> kOudCriteria{
    "larger_or_longer",    "cannot_cut_down", "time_spent",   "craving",   "role_failure", "social_problems",
    "activities_given_up", "hazardous_use",   "despite_harm", "tolerance", "withdrawal"};
struct OudAssessment {
    RecordMeta meta;
    QDate date;
    QString clinician;
    std::array<std::optional<bool>, kOudCriteria.size()> criteria{};  // by kOudCriteria; nullopt: unanswered
    // Whether the patient takes opioids only as prescribed under medical supervision: then
    // tolerance and withdrawal do not count (DSM-5). Answered by the clinician, never assumed.
    std::optional<bool> asPrescribed{};
    QString note{};

    friend bool operator==(const OudAssessment &, const OudAssessment &) = default;
};

// Where the patient stands with medication for opioid use disorder; each change is the record's
// next version (an editable kind), so the history keeps every state with its date.
struct MoudStatus {
    RecordMeta meta;
    QDate date;  // the day of this state
    MoudState state = MoudState::Offered;
    QString medication{};  // e.g. "buprenorphine"; optional
    QString referredTo{};  // free text of records made before resource_id; kept, never asked for again
    QString note{};
    // Referred: the clinic_resource (its `id`) the patient was referred to. The registry requires
    // it for every referral it writes (one that offers MOUD: clinical/oud.h); records from before
    // it named only `referred_to` still read.
    QString resourceId{};

    friend bool operator==(const MoudStatus &, const MoudStatus &) = default;
};

// A new patient already on long-term opioids, from the front desk's first call to the clinician's
// first-visit decision. It holds only what no other record holds: the PDMP check, urine test, ORT,
// agreement and regimen are the patient's own records, which the checklist reads
// (core/clinical/intake.h). Who may write which field: core/clinical/intake.h.
struct Intake {
    RecordMeta meta;
    QDate date;  // started on
    // Administrative (the front desk):
    QString referralSource{};
    QString priorPrescriber{};
    QString reasonLeft{};  // why the patient left the last prescriber
    QDate recordsRequested{};
    QDate recordsReceived{};
    // Clinical (nurse or clinician):
    QString diagnosis{};  // the diagnosis or indication the opioids are for
    // The clinician's first-visit decision:
    std::optional<IntakeOutcome> outcome{};
    QDate outcomeDate{};
    QDate reviewDate{};  // required for a bridge: when the bridge is reviewed
    QString outcomeBy{};
    QString outcomeNote{};

    friend bool operator==(const Intake &, const Intake &) = default;
};

// One recommendation of the team's consult note: a concrete step, and the record it became once a
// clinician made it one (recordId empty: not made yet).
struct Recommendation {
    RecommendationKind kind = RecommendationKind::Task;
    QString text;
    QString ownerRole{};                      // task: who does it (a role name, "registry_manager")
    QDate due{};                              // task: due by; goal: target date; taper step: its date
    QString referralType{};                   // referral: as Referral::type ("pain_specialist")
    std::optional<double> targetMmePerDay{};  // taper step: the dose it aims at
    QString recordId{};

    friend bool operator==(const Recommendation &, const Recommendation &) = default;
};

// A case conference: the clinician's one referral question to the team, and what the team said.
struct CaseConference {
    RecordMeta meta;
    QDate date;        // requested on
    QString question;  // required
    ConferenceStatus status = ConferenceStatus::Requested;
    QDate meetingDate{};  // the clinician meeting it is (or was) discussed at; set from scheduled on
    QString consultNote{};
    QList<Recommendation> recommendations{};
    QStringList scripts{};  // ids of the conversation scripts the team suggests

    friend bool operator==(const CaseConference &, const CaseConference &) = default;
};

// Something a member of the team is to do for the patient (often a case conference's recommendation);
// an open task past its due date is on the owner role's worklist (core/clinical/tasks.h).
struct Task {
    RecordMeta meta;
    QDate date;
    QString text;
    QString ownerRole;  // a role name ("nurse"); the registry checks it names a role
    QDate due;
    TaskStatus status = TaskStatus::Open;
    QString conferenceId{};  // the case conference it came from, if any

    friend bool operator==(const Task &, const Task &) = default;
};

struct Patient {
    RecordMeta meta;
    QString id;        // registry id (UUID text); the contract's "id"
    QString clinicId;  // the patient's identifier at the clinic (chart number)
    QString name;
    QDate birthDate;
    Sex sex = Sex::Unknown;
    QString prescriber;                // assigned prescriber
    QDate ltotStart;                   // long-term opioid therapy start
    std::optional<RiskTier> riskTier;  // set by a clinician; absent: derived (see clinical rules)
    QString phone;
    QString language = QStringLiteral("en");
    TaperStatus taperStatus = TaperStatus::None;  // follows the latest taper plan when there is one
    PatientStatus status = PatientStatus::Active;
    std::optional<InactiveReason> inactiveReason{};  // set when inactive
    QDate inactiveDate{};                            // set when inactive: the day the patient left
    QString riskTierReason{};                        // why a clinician set risk_tier
    // Since when this clinic is the patient's opioid prescriber of record: set on the patient form,
    // or from the first opioid prescription recorded in Cairn for a patient with none on record.
    // Null: not known (a patient whose history came with them); then nobody guesses whether a
    // refill request is a new patient's (clinical/refill.h).
    QDate opioidPrescriberSince{};

    QList<OpioidEntry> opioids;
    QList<BenzodiazepineEntry> benzodiazepines;
    QList<Agreement> agreements;
    QList<PdmpCheck> pdmpChecks;
    QList<NaloxoneRecord> naloxone;
    QList<UrineDrugScreen> uds;
    QList<Visit> visits;
    QList<PegScore> peg;
    QList<Screening> screenings;
    QList<Referral> referrals;
    QList<CarePlanGoal> goals;
    QList<ScriptUse> scriptUses;
    QList<TaperPlan> taperPlans;
    QList<RefillRequest> refillRequests;
    QList<MedicationReview> medicationReviews;
    QList<UdsSelection> udsSelections;
    QList<RefillOverride> refillOverrides;
    QList<LtotDecision> ltotDecisions;
    QList<NoReferralDecision> noReferralDecisions;
    QList<OudAssessment> oudAssessments;
    QList<MoudStatus> moudStatuses;
    QList<Intake> intakes;
    QList<CaseConference> caseConferences;
    QList<Task> tasks;

    friend bool operator==(const Patient &, const Patient &) = default;
};

}  // namespace cairn::domain

// Records are plain values of Qt value types: lists may move them in memory without running
// their constructors (a whole registry holds hundreds of thousands).
Q_DECLARE_TYPEINFO(cairn::domain::RecordMeta, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::OpioidEntry, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::BenzodiazepineEntry, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::Agreement, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::PdmpCheck, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::NaloxoneRecord, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::UrineDrugScreen, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::Visit, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::PegScore, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::Screening, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::Referral, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::CarePlanGoal, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::ScriptUse, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::TaperStep, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::TaperPlan, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::RefillRequest, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::MedicationReview, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::UdsSelection, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::RefillOverride, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::LtotDecision, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::NoReferralDecision, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::OudAssessment, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::MoudStatus, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::Intake, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::Recommendation, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::CaseConference, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::Task, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cairn::domain::Patient, Q_RELOCATABLE_TYPE);

namespace cairn::domain {

// Text forms used by JSON, the database and the UI; one table each so they cannot drift apart.
QString toString(Sex v);
QString toString(RiskTier v);
QString toString(UdsResult v);
QString toString(VisitStatus v);
QString toString(NaloxoneAction v);
QString toString(ReferralStatus v);
QString toString(TaperStatus v);
QString toString(GoalStatus v);
QString toString(PatientStatus v);
QString toString(InactiveReason v);
QString toString(VisitType v);
QString toString(SedativeKind v);
QString toString(AgreementStatus v);
QString toString(RefillChannel v);
QString toString(RefillDecision v);
QString toString(OpioidIndication v);
QString toString(ReferralUrgency v);
QString toString(ReferralTrigger v);
QString toString(MoudState v);
QString toString(IntakeOutcome v);
QString toString(ConferenceStatus v);
QString toString(RecommendationKind v);
QString toString(TaskStatus v);
bool parse(const QString &text, Sex *out);
bool parse(const QString &text, RiskTier *out);
bool parse(const QString &text, UdsResult *out);
bool parse(const QString &text, VisitStatus *out);
bool parse(const QString &text, NaloxoneAction *out);
bool parse(const QString &text, ReferralStatus *out);
bool parse(const QString &text, TaperStatus *out);
bool parse(const QString &text, GoalStatus *out);
bool parse(const QString &text, PatientStatus *out);
bool parse(const QString &text, InactiveReason *out);
bool parse(const QString &text, VisitType *out);
bool parse(const QString &text, SedativeKind *out);
bool parse(const QString &text, AgreementStatus *out);
bool parse(const QString &text, RefillChannel *out);
bool parse(const QString &text, RefillDecision *out);
bool parse(const QString &text, OpioidIndication *out);
bool parse(const QString &text, ReferralUrgency *out);
bool parse(const QString &text, ReferralTrigger *out);
bool parse(const QString &text, MoudState *out);
bool parse(const QString &text, IntakeOutcome *out);
bool parse(const QString &text, ConferenceStatus *out);
bool parse(const QString &text, RecommendationKind *out);
bool parse(const QString &text, TaskStatus *out);

// Active on a date: an active patient, or an inactive one before the day they left. Inactive
// patients leave worklists, the huddle and the measures, and keep their history.
bool isActiveOn(const Patient &patient, const QDate &on);
// The taper status the latest taper plan (by date, then clock) gives, or the stored one without plans.
TaperStatus taperStatusOf(const Patient &patient);

// Whole years of age on a date.
int ageOn(const QDate &birthDate, const QDate &on);

}  // namespace cairn::domain
