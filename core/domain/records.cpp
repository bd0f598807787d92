#include "core/domain/records.h"

#include <array>
#include <utility>

namespace cairn::domain {
namespace {

template <typename E, std::size_t N> QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[v, name] : table)
        if (v == value)
            return QString::fromLatin1(name);
    return {};
}

template <typename E, std::size_t N>
bool valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &text, E *out)
{
    for (const auto &[v, name] : table) {
        if (text == QLatin1String(name)) {
            *out = v;
            return true;
        }
    }
    return false;
}

constexpr std::array<std::pair<Sex, const char *>, 3> kSex{
    {{Sex::Female, "female"}, {Sex::Male, "male"}, {Sex::Unknown, "unknown"}}};
constexpr std::array<std::pair<RiskTier, const char *>, 3> kTier{
    {{RiskTier::Low, "low"}, {RiskTier::Moderate, "moderate"}, {RiskTier::High, "high"}}};
constexpr std::array<std::pair<UdsResult, const char *>, 3> kUds{
    {{UdsResult::Expected, "expected"}, {UdsResult::Unexpected, "unexpected"}, {UdsResult::Pending, "pending"}}};
constexpr std::array<std::pair<VisitStatus, const char *>, 4> kVisit{{{VisitStatus::Scheduled, "scheduled"},
                                                                      {VisitStatus::Completed, "completed"},
                                                                      {VisitStatus::Cancelled, "cancelled"},
                                                                      {VisitStatus::NoShow, "no_show"}}};
constexpr std::array<std::pair<NaloxoneAction, const char *>, 4> kNaloxone{{{NaloxoneAction::Offered, "offered"},
                                                                            {NaloxoneAction::Prescribed, "prescribed"},
                                                                            {NaloxoneAction::Declined, "declined"},
                                                                            {NaloxoneAction::Dispensed, "dispensed"}}};
constexpr std::array<std::pair<ReferralStatus, const char *>, 7> kReferral{
    {{ReferralStatus::Drafted, "drafted"},
     {ReferralStatus::Sent, "sent"},
     {ReferralStatus::Scheduled, "scheduled"},
     {ReferralStatus::Seen, "seen"},
     {ReferralStatus::Closed, "closed"},
     {ReferralStatus::Declined, "declined"},
     {ReferralStatus::NoResponse, "no_response"}}};
// The words referrals were stored with before they were followed through: a proposed referral was
// not yet sent, and a completed one needs nothing more (closed, so no follow-up is raised for it).
constexpr std::array<std::pair<ReferralStatus, const char *>, 2> kReferralBefore{
    {{ReferralStatus::Drafted, "proposed"}, {ReferralStatus::Closed, "completed"}}};
constexpr std::array<std::pair<ReferralUrgency, const char *>, 3> kUrgency{
    {{ReferralUrgency::Routine, "routine"}, {ReferralUrgency::Soon, "soon"}, {ReferralUrgency::Urgent, "urgent"}}};
constexpr std::array<std::pair<ReferralTrigger, const char *>, 5> kTrigger{
    {{ReferralTrigger::HighDose, "high_dose"},
     {ReferralTrigger::UdsUnexpected, "uds_unexpected"},
     {ReferralTrigger::PositiveScreen, "positive_screen"},
     {ReferralTrigger::TaperPaused, "taper_paused"},
     {ReferralTrigger::OudConcern, "oud_concern"}}};
constexpr std::array<std::pair<TaperStatus, const char *>, 5> kTaper{{{TaperStatus::None, "none"},
                                                                      {TaperStatus::Planned, "planned"},
                                                                      {TaperStatus::InProgress, "in_progress"},
                                                                      {TaperStatus::Paused, "paused"},
                                                                      {TaperStatus::Completed, "completed"}}};
constexpr std::array<std::pair<GoalStatus, const char *>, 3> kGoal{
    {{GoalStatus::Active, "active"}, {GoalStatus::Met, "met"}, {GoalStatus::Dropped, "dropped"}}};
constexpr std::array<std::pair<PatientStatus, const char *>, 2> kPatientStatus{
    {{PatientStatus::Active, "active"}, {PatientStatus::Inactive, "inactive"}}};
constexpr std::array<std::pair<InactiveReason, const char *>, 5> kInactive{
    {{InactiveReason::Moved, "moved"},
     {InactiveReason::Deceased, "deceased"},
     {InactiveReason::Discharged, "discharged"},
     {InactiveReason::TaperedOff, "tapered_off"},
     {InactiveReason::Transferred, "transferred"}}};
constexpr std::array<std::pair<VisitType, const char *>, 3> kVisitType{
    {{VisitType::InPerson, "in_person"}, {VisitType::Telehealth, "telehealth"}, {VisitType::NurseCall, "nurse_call"}}};
constexpr std::array<std::pair<OpioidIndication, const char *>, 2> kIndication{
    {{OpioidIndication::Pain, "pain"}, {OpioidIndication::OpioidUseDisorder, "oud"}}};
constexpr std::array<std::pair<SedativeKind, const char *>, 5> kSedative{
    {{SedativeKind::Benzodiazepine, "benzodiazepine"},
     {SedativeKind::ZDrug, "z_drug"},
     {SedativeKind::Gabapentinoid, "gabapentinoid"},
     {SedativeKind::MuscleRelaxant, "muscle_relaxant"},
     {SedativeKind::Barbiturate, "barbiturate"}}};
constexpr std::array<std::pair<AgreementStatus, const char *>, 2> kAgreement{
    {{AgreementStatus::Signed, "signed"}, {AgreementStatus::Declined, "declined"}}};
constexpr std::array<std::pair<RefillChannel, const char *>, 4> kChannel{{{RefillChannel::Phone, "phone"},
                                                                          {RefillChannel::Portal, "portal"},
                                                                          {RefillChannel::FrontDesk, "front_desk"},
                                                                          {RefillChannel::Pharmacy, "pharmacy"}}};
constexpr std::array<std::pair<RefillDecision, const char *>, 4> kDecision{
    {{RefillDecision::Pending, "pending"},
     {RefillDecision::Approved, "approved"},
     {RefillDecision::Declined, "declined"},
     {RefillDecision::RoutedToClinician, "routed_to_clinician"}}};
constexpr std::array<std::pair<MoudState, const char *>, 6> kMoud{{{MoudState::Offered, "offered"},
                                                                   {MoudState::Accepted, "accepted"},
                                                                   {MoudState::Declined, "declined"},
                                                                   {MoudState::StartedInHouse, "started_in_house"},
                                                                   {MoudState::Referred, "referred"},
                                                                   {MoudState::Stopped, "stopped"}}};
constexpr std::array<std::pair<IntakeOutcome, const char *>, 5> kIntakeOutcome{
    {{IntakeOutcome::Continue, "continue"},
     {IntakeOutcome::Bridge, "bridge"},
     {IntakeOutcome::Taper, "taper"},
     {IntakeOutcome::Refer, "refer"},
     {IntakeOutcome::NotTakenOn, "not_taken_on"}}};

constexpr std::array<std::pair<ConferenceStatus, const char *>, 4> kConference{
    {{ConferenceStatus::Requested, "requested"},
     {ConferenceStatus::Scheduled, "scheduled"},
     {ConferenceStatus::Discussed, "discussed"},
     {ConferenceStatus::Closed, "closed"}}};
constexpr std::array<std::pair<RecommendationKind, const char *>, 4> kRecommendation{
    {{RecommendationKind::Task, "task"},
     {RecommendationKind::Referral, "referral"},
     {RecommendationKind::Goal, "goal"},
     {RecommendationKind::TaperStep, "taper_step"}}};
constexpr std::array<std::pair<TaskStatus, const char *>, 2> kTask{
    {{TaskStatus::Open, "open"}, {TaskStatus::Done, "done"}}};

}  // namespace

QString toString(MoudState v)
{
    return nameOf(kMoud, v);
}
QString toString(IntakeOutcome v)
{
    return nameOf(kIntakeOutcome, v);
}
bool parse(const QString &text, MoudState *out)
{
    return valueOf(kMoud, text, out);
}
bool parse(const QString &text, IntakeOutcome *out)
{
    return valueOf(kIntakeOutcome, text, out);
}

QString toString(Sex v)
{
    return nameOf(kSex, v);
}
QString toString(RiskTier v)
{
    return nameOf(kTier, v);
}
QString toString(UdsResult v)
{
    return nameOf(kUds, v);
}
QString toString(VisitStatus v)
{
    return nameOf(kVisit, v);
}
QString toString(NaloxoneAction v)
{
    return nameOf(kNaloxone, v);
}
QString toString(ReferralStatus v)
{
    return nameOf(kReferral, v);
}
QString toString(TaperStatus v)
{
    return nameOf(kTaper, v);
}
QString toString(GoalStatus v)
{
    return nameOf(kGoal, v);
}
QString toString(OpioidIndication v)
{
    return nameOf(kIndication, v);
}
QString toString(ReferralUrgency v)
{
    return nameOf(kUrgency, v);
}
QString toString(ReferralTrigger v)
{
    return nameOf(kTrigger, v);
}
bool parse(const QString &text, Sex *out)
{
    return valueOf(kSex, text, out);
}
bool parse(const QString &text, RiskTier *out)
{
    return valueOf(kTier, text, out);
}
bool parse(const QString &text, UdsResult *out)
{
    return valueOf(kUds, text, out);
}
bool parse(const QString &text, VisitStatus *out)
{
    return valueOf(kVisit, text, out);
}
bool parse(const QString &text, NaloxoneAction *out)
{
    return valueOf(kNaloxone, text, out);
}
bool parse(const QString &text, ReferralStatus *out)
{
    return valueOf(kReferral, text, out) || valueOf(kReferralBefore, text, out);
}
bool parse(const QString &text, TaperStatus *out)
{
    return valueOf(kTaper, text, out);
}
bool parse(const QString &text, GoalStatus *out)
{
    return valueOf(kGoal, text, out);
}
bool parse(const QString &text, OpioidIndication *out)
{
    return valueOf(kIndication, text, out);
}
bool parse(const QString &text, ReferralUrgency *out)
{
    return valueOf(kUrgency, text, out);
}
bool parse(const QString &text, ReferralTrigger *out)
{
    return valueOf(kTrigger, text, out);
}
QString toString(PatientStatus v)
{
    return nameOf(kPatientStatus, v);
}
QString toString(InactiveReason v)
{
    return nameOf(kInactive, v);
}
QString toString(VisitType v)
{
    return nameOf(kVisitType, v);
}
QString toString(SedativeKind v)
{
    return nameOf(kSedative, v);
}
QString toString(AgreementStatus v)
{
    return nameOf(kAgreement, v);
}
QString toString(RefillChannel v)
{
    return nameOf(kChannel, v);
}
QString toString(RefillDecision v)
{
    return nameOf(kDecision, v);
}
bool parse(const QString &text, PatientStatus *out)
{
    return valueOf(kPatientStatus, text, out);
}
bool parse(const QString &text, InactiveReason *out)
{
    return valueOf(kInactive, text, out);
}
bool parse(const QString &text, VisitType *out)
{
    return valueOf(kVisitType, text, out);
}
bool parse(const QString &text, SedativeKind *out)
{
    return valueOf(kSedative, text, out);
}
bool parse(const QString &text, AgreementStatus *out)
{
    return valueOf(kAgreement, text, out);
}
bool parse(const QString &text, RefillChannel *out)
{
    return valueOf(kChannel, text, out);
}
bool parse(const QString &text, RefillDecision *out)
{
    return valueOf(kDecision, text, out);
}

QString toString(ConferenceStatus v)
{
    return nameOf(kConference, v);
}
QString toString(RecommendationKind v)
{
    return nameOf(kRecommendation, v);
}
QString toString(TaskStatus v)
{
    return nameOf(kTask, v);
}
bool parse(const QString &text, ConferenceStatus *out)
{
    return valueOf(kConference, text, out);
}
bool parse(const QString &text, RecommendationKind *out)
{
    return valueOf(kRecommendation, text, out);
}
bool parse(const QString &text, TaskStatus *out)
{
    return valueOf(kTask, text, out);
}

bool isActiveOn(const Patient &patient, const QDate &on)
{
    if (patient.status == PatientStatus::Active)
        return true;
    // An inactive patient without a date (not possible through validation) is treated as gone.
    return patient.inactiveDate.isValid() && on < patient.inactiveDate;
}

TaperStatus taperStatusOf(const Patient &patient)
{
    const TaperPlan *latest = nullptr;
    for (const TaperPlan &plan : patient.taperPlans) {
        if (!latest || plan.date > latest->date || (plan.date == latest->date && latest->meta.stamp < plan.meta.stamp))
            latest = &plan;
    }
    return latest ? latest->status : patient.taperStatus;
}

int ageOn(const QDate &birthDate, const QDate &on)
{
    int age = on.year() - birthDate.year();
    if (on.month() < birthDate.month() || (on.month() == birthDate.month() && on.day() < birthDate.day()))
        --age;
    return age;
}

}  // namespace cairn::domain
