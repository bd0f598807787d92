#pragma once
// The ONE table of record kinds. Everything that needs to know which kinds exist reads it: the
// AnyRecord variant, the JSON codec (stored name, patient-object section, short form), domain
// validation of a whole patient, envelope validation, storage to and from a patient, the fast
// whole-registry load, write permissions (core/keys maps WriteRight to a role permission),
// history labels and which records the clinic holds once (core/storage/lineage_merge.h). Adding a
// kind: its struct in records.h with its list in Patient, a row here, its describe() field list
// (record_json.cpp) and its validate overload (validation.cpp); nothing else lists kinds.

#include "core/domain/records.h"

#include <QAnyStringView>
#include <QLatin1StringView>

#include <array>
#include <cstddef>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

namespace cairn::domain {

// Who may write a kind, without naming roles (keys::permissionToWrite maps it to a Permission):
// domain does not depend on core/keys.
enum class WriteRight {
    Rooming,           // the rooming team: MA, nurse, clinician
    Booking,           // whoever books visits and takes refill requests (front desk, registry manager)
    ClinicalDecision,  // the prescribing clinician
    Demographics,      // anyone who registers patients
    Policy,            // administrators
    Scripts,           // clinic script editors
    Directory,         // the clinic's resource directory: registry manager and administrators
    SelfAssessment,    // every staff member answers the clinic's self-assessment
    ActionPlan,        // those who keep the clinic's action plan
};

// An observation is what was seen or done on a day (a PEG, a PDMP check): it is corrected only when
// it was entered wrong. An editable record describes something that changes over time (a regimen
// entry, a booking, a pending urine result, a goal): a correction is its next state. Both keep
// every version; the UI offers "edit" for editable kinds and "entered in error" for all.
enum class Mutability { Editable, Observation };

struct KindInfo {
    const char *name;     // as stored (records.kind) and on the sync wire
    const char *section;  // the list's key in the contract's patient object; "" for clinic kinds
    WriteRight right;
    Mutability mutability;
    bool shortForm;     // may be written in a patient object as a bare "YYYY-MM-DD"
    const char *label;  // English label for history; UIs translate it (QT_TR_NOOP-style key)
    // A record the clinic holds once (its policy, its copy of each script): every first version of
    // it shares one lineage, named by the kind, the scope and these payload fields (unused ones
    // null), so versions written on two devices offline merge (core/storage/lineage_merge.h).
    bool heldOnce = false;
    std::array<const char *, 2> identityFields{};

    [[nodiscard]] QLatin1StringView kind() const { return QLatin1StringView(name); }
    [[nodiscard]] QLatin1StringView sectionName() const { return QLatin1StringView(section); }
};

// One row of the table: the record type, its list in a Patient, and what is known about it.
template <typename T> struct Kind {
    using Type = T;
    QList<T> Patient::*list;
    KindInfo info;
};

// The clinical record kinds a patient holds, in AnyRecord's order (stored kinds are named, never
// numbered, so the order may change freely).
inline constexpr auto kRecordKinds = std::tuple{
    Kind<OpioidEntry>{&Patient::opioids,
                      {"opioid", "opioids", WriteRight::ClinicalDecision, Mutability::Editable, false, "Opioid"}},
    Kind<BenzodiazepineEntry>{
        &Patient::benzodiazepines,
        {"benzodiazepine", "benzodiazepines", WriteRight::ClinicalDecision, Mutability::Editable, false, "Sedative"}},
    Kind<Agreement>{
        &Patient::agreements,
        {"agreement", "agreements", WriteRight::Rooming, Mutability::Observation, true, "Treatment agreement"}},
    Kind<PdmpCheck>{&Patient::pdmpChecks,
                    {"pdmp_check", "pdmp_checks", WriteRight::Rooming, Mutability::Observation, true, "PDMP check"}},
    Kind<NaloxoneRecord>{
        &Patient::naloxone,
        {"naloxone", "naloxone", WriteRight::ClinicalDecision, Mutability::Observation, true, "Naloxone"}},
    Kind<UrineDrugScreen>{&Patient::uds,
                          {"uds", "uds", WriteRight::Rooming, Mutability::Editable, false, "Urine drug screen"}},
    Kind<Visit>{&Patient::visits, {"visit", "visits", WriteRight::Booking, Mutability::Editable, false, "Visit"}},
    Kind<PegScore>{&Patient::peg, {"peg", "peg", WriteRight::Rooming, Mutability::Observation, false, "PEG"}},
    Kind<Screening>{&Patient::screenings,
                    {"screening", "screenings", WriteRight::Rooming, Mutability::Observation, false, "Screening"}},
    // Whoever books may move a referral on (sent, scheduled, seen); making one, or changing what it
    // asks or of whom, is a clinician's (core/clinical/referrals.h, checked by the registry).
    Kind<Referral>{&Patient::referrals,
                   {"referral", "referrals", WriteRight::Booking, Mutability::Editable, false, "Referral"}},
    Kind<CarePlanGoal>{&Patient::goals,
                       {"goal", "goals", WriteRight::ClinicalDecision, Mutability::Editable, false, "Care-plan goal"}},
    Kind<ScriptUse>{
        &Patient::scriptUses,
        {"script_use", "script_uses", WriteRight::Rooming, Mutability::Observation, false, "Conversation script"}},
    Kind<TaperPlan>{
        &Patient::taperPlans,
        {"taper_plan", "taper_plans", WriteRight::ClinicalDecision, Mutability::Editable, false, "Taper plan"}},
    // Anyone who takes a request logs it; approving or declining it is a clinician's (registry.cpp).
    Kind<RefillRequest>{
        &Patient::refillRequests,
        {"refill_request", "refill_requests", WriteRight::Booking, Mutability::Editable, false, "Refill request"}},
    Kind<MedicationReview>{&Patient::medicationReviews,
                           {"medication_review", "medication_reviews", WriteRight::Rooming, Mutability::Observation,
                            false, "Medication list reviewed"}},
    Kind<UdsSelection>{&Patient::udsSelections,
                       {"uds_selection", "uds_selections", WriteRight::Rooming, Mutability::Observation, false,
                        "Random urine test draw"}},
    // Only a clinician may override a clinic rule (ClinicalDecision), with the reason recorded.
    Kind<RefillOverride>{&Patient::refillOverrides,
                         {"refill_override", "refill_overrides", WriteRight::ClinicalDecision, Mutability::Observation,
                          false, "Refill clinic rule overridden"}},
    Kind<LtotDecision>{&Patient::ltotDecisions,
                       {"ltot_decision", "ltot_decisions", WriteRight::ClinicalDecision, Mutability::Editable, false,
                        "Long-term therapy decision"}},
    Kind<NoReferralDecision>{&Patient::noReferralDecisions,
                             {"no_referral", "no_referrals", WriteRight::ClinicalDecision, Mutability::Observation,
                              false, "Decision not to refer"}},
    // Opioid use disorder and new patients already on opioids (issue 18).
    Kind<OudAssessment>{&Patient::oudAssessments,
                        {"oud_assessment", "oud_assessments", WriteRight::ClinicalDecision, Mutability::Observation,
                         false, "Opioid use disorder checklist"}},
    Kind<MoudStatus>{&Patient::moudStatuses,
                     {"moud_status", "moud_statuses", WriteRight::ClinicalDecision, Mutability::Editable, false,
                      "Treatment for opioid use disorder"}},
    // The front desk starts an intake; which fields each role may write: clinical/intake.h.
    Kind<Intake>{&Patient::intakes,
                 {"intake", "intakes", WriteRight::Booking, Mutability::Editable, false, "New-patient intake"}},
    // Case conferences (issue 18 item 5): the clinician's request and the team's consult note.
    Kind<CaseConference>{&Patient::caseConferences,
                         {"case_conference", "case_conferences", WriteRight::ClinicalDecision, Mutability::Editable,
                          false, "Case conference"}},
    // A task is the team's coordination work, which everyone who books visits does (every role but
    // the administrator); the clinician makes them from a conference's recommendations.
    Kind<Task>{&Patient::tasks, {"task", "tasks", WriteRight::Booking, Mutability::Editable, false, "Task"}},
};

// The stored kinds that are not in a patient's lists.
inline constexpr KindInfo kDemographicsKind{"patient",        "", WriteRight::Demographics, Mutability::Editable, false,
                                            "Patient details"};
inline constexpr KindInfo kClinicPolicyKind{"clinic_policy", "",  WriteRight::Policy, Mutability::Editable, false,
                                            "Clinic policy", true};
inline constexpr KindInfo kClinicScriptKind{"clinic_script", "",   WriteRight::Scripts, Mutability::Editable, false,
                                            "Clinic script", true, {"id", "language"}};
// The clinic's own patient agreement text (EN and ES), versioned like its policy; administrators.
inline constexpr KindInfo kClinicAgreementKind{
    "clinic_agreement", "", WriteRight::Policy, Mutability::Editable, false, "Clinic agreement text", true};
// The clinic's Six Building Blocks self-assessment (core/clinical/self_assessment.h): one answer per
// staff member per round, and the action plan its low-scoring items turn into.
inline constexpr KindInfo kSelfAssessmentResponseKind{"self_assessment_response", "",    WriteRight::SelfAssessment,
                                                      Mutability::Editable,       false, "Self-assessment answers"};
inline constexpr KindInfo kActionPlanItemKind{"action_plan_item",   "",    WriteRight::ActionPlan,
                                              Mutability::Editable, false, "Action plan item"};

// The clinic's resource directory: each resource is its own lineage (not held once), edited with
// history by the registry manager and administrators, synced to every tablet of the clinic.
inline constexpr KindInfo kClinicResourceKind{"clinic_resource",    "",    WriteRight::Directory,
                                              Mutability::Editable, false, "Clinic resource"};

inline constexpr std::size_t kRecordKindCount = std::tuple_size_v<std::remove_const_t<decltype(kRecordKinds)>>;

namespace detail {
template <typename Tuple> struct VariantOf;
template <typename... K> struct VariantOf<std::tuple<K...>> {
    using type = std::variant<typename K::Type...>;
};
template <typename T, typename Variant> struct IndexIn;
template <typename T, typename... Ts> struct IndexIn<T, std::variant<Ts...>> {
    static constexpr std::size_t value = [] {
        constexpr std::array<bool, sizeof...(Ts)> same{std::is_same_v<T, Ts>...};
        for (std::size_t i = 0; i < same.size(); ++i) {
            if (same[i])
                return i;
        }
        return same.size();
    }();
    static_assert(value < sizeof...(Ts), "not a record kind in kRecordKinds");
};
}  // namespace detail

// One clinical record of any kind.
using AnyRecord = typename detail::VariantOf<std::remove_const_t<decltype(kRecordKinds)>>::type;

// The table's rows as plain values, by AnyRecord index.
inline constexpr std::array<KindInfo, kRecordKindCount> kRecordKindInfo =
    std::apply([](const auto &...kind) { return std::array<KindInfo, kRecordKindCount>{kind.info...}; }, kRecordKinds);

template <typename T> inline constexpr std::size_t kKindIndex = detail::IndexIn<T, AnyRecord>::value;

template <typename T> constexpr const KindInfo &kindInfo()
{
    return kRecordKindInfo[kKindIndex<T>];
}

// The patient's list that holds records of type T.
template <typename T> QList<T> &listOf(Patient &patient)
{
    return patient.*(std::get<kKindIndex<T>>(kRecordKinds).list);
}
template <typename T> const QList<T> &listOf(const Patient &patient)
{
    return patient.*(std::get<kKindIndex<T>>(kRecordKinds).list);
}

// Calls f(kind) for each row of kRecordKinds, in order (kind.info, kind.list, decltype(kind)::Type).
template <typename F> void forEachKind(F &&f)
{
    std::apply([&f](const auto &...kind) { (f(kind), ...); }, kRecordKinds);
}

// Calls f(std::type_identity<T>{}) for the record type at an AnyRecord index (index must be below
// kRecordKindCount) and returns its result.
template <typename F> auto withKindAt(std::size_t index, F &&f)
{
    using R = decltype(f(std::type_identity<std::variant_alternative_t<0, AnyRecord>>{}));
    return [&]<std::size_t... I>(std::index_sequence<I...>)->R
    {
        std::optional<R> result;
        ((index == I ? (result.emplace(f(std::type_identity<std::variant_alternative_t<I, AnyRecord>>{})), true)
                     : false) ||
         ...);
        return std::move(*result);
    }
    (std::make_index_sequence<kRecordKindCount>{});
}

// The AnyRecord index of a clinical record kind ("opioid" is 0); nullopt for any other name.
std::optional<std::size_t> recordKindIndex(QAnyStringView kind);
// Any stored kind: the clinical kinds, "patient", "clinic_policy", "clinic_script", "clinic_agreement",
// "clinic_resource", "self_assessment_response", "action_plan_item"; null if unknown.
const KindInfo *findKind(QAnyStringView kind);

}  // namespace cairn::domain
