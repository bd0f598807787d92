#pragma once
// The code systems and extensions the FHIR importer and exporter share, so the two cannot drift.

#include <QLatin1StringView>

namespace cairn::interop::fhir {

inline constexpr QLatin1StringView kRxNorm{"http://www.nlm.nih.gov/research/umls/rxnorm"};
inline constexpr QLatin1StringView kLoinc{"http://loinc.org"};
inline constexpr QLatin1StringView kUcum{"http://unitsofmeasure.org"};
inline constexpr QLatin1StringView kIdentifierType{"http://terminology.hl7.org/CodeSystem/v2-0203"};
inline constexpr QLatin1StringView kObservationCategory{"http://terminology.hl7.org/CodeSystem/observation-category"};
// Timing.code's abbreviations (BID, TID, ...): the HL7 v3 GTSAbbreviation code system that FHIR R4's
// timing-abbreviation value set draws from.
inline constexpr QLatin1StringView kTimingAbbreviation{"http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation"};

// What FHIR R4 has no element for. The base is reserved (.invalid, RFC 2606): these are Cairn's own
// definitions, published nowhere, read back only by Cairn.
inline constexpr QLatin1StringView kCairnBase{"https://cairn.invalid/fhir/"};
inline constexpr QLatin1StringView kExtLtotStart{"https://cairn.invalid/fhir/StructureDefinition/ltot-start"};
// Since when this clinic is the patient's opioid prescriber of record (new-patient refill rule).
inline constexpr QLatin1StringView kExtOpioidPrescriberSince{
    "https://cairn.invalid/fhir/StructureDefinition/opioid-prescriber-since"};
inline constexpr QLatin1StringView kExtRiskTier{"https://cairn.invalid/fhir/StructureDefinition/risk-tier"};
inline constexpr QLatin1StringView kExtRiskTierReason{
    "https://cairn.invalid/fhir/StructureDefinition/risk-tier-reason"};
// Why and since when a patient is inactive (FHIR's Patient.active is only a flag; deceasedDateTime
// covers one reason of five).
inline constexpr QLatin1StringView kExtInactiveReason{"https://cairn.invalid/fhir/StructureDefinition/inactive-reason"};
inline constexpr QLatin1StringView kExtInactiveDate{"https://cairn.invalid/fhir/StructureDefinition/inactive-date"};
inline constexpr QLatin1StringView kExtIndication{"https://cairn.invalid/fhir/StructureDefinition/opioid-indication"};
inline constexpr QLatin1StringView kExtConfirmatorySent{
    "https://cairn.invalid/fhir/StructureDefinition/uds-confirmatory-sent"};
// No LOINC code was confirmed for the clinic's urine drug screen result (expected / unexpected /
// pending), so the screen and its result are coded in Cairn's own systems.
inline constexpr QLatin1StringView kCairnObservation{"https://cairn.invalid/fhir/CodeSystem/observation"};
inline constexpr QLatin1StringView kCairnUdsResult{"https://cairn.invalid/fhir/CodeSystem/uds-result"};
inline constexpr QLatin1StringView kUdsCode{"urine-drug-screen"};
inline constexpr QLatin1StringView kUdsSubstanceCode{"uds-substance"};

// The opioid treatment agreement as a FHIR Consent: standard scope and category, and Cairn's own
// policy URI, which tells the agreement from the other consents an EHR keeps.
inline constexpr QLatin1StringView kConsentScope{"http://terminology.hl7.org/CodeSystem/consentscope"};
inline constexpr QLatin1StringView kPatientConsentLoinc{"59284-0"};
inline constexpr QLatin1StringView kAgreementPolicy{"https://cairn.invalid/fhir/Policy/opioid-treatment-agreement"};
inline constexpr QLatin1StringView kExtAgreementTextVersion{
    "https://cairn.invalid/fhir/StructureDefinition/agreement-text-version"};
inline constexpr QLatin1StringView kExtAgreementLanguage{
    "https://cairn.invalid/fhir/StructureDefinition/agreement-language"};
inline constexpr QLatin1StringView kExtAgreementNote{"https://cairn.invalid/fhir/StructureDefinition/agreement-note"};
inline constexpr QLatin1StringView kExtAgreementSignature{
    "https://cairn.invalid/fhir/StructureDefinition/agreement-signature"};

// Visits as FHIR Encounters: the class from HL7's ActCode (AMB in person, VR virtual), Cairn's visit
// type to tell a telehealth visit from a nurse's call, the booked time (local clinic time: a FHIR
// dateTime with a time needs a time zone Cairn does not record) and a no-show (Encounter has no
// such status; it goes out cancelled, with this extension).
inline constexpr QLatin1StringView kActCode{"http://terminology.hl7.org/CodeSystem/v3-ActCode"};
inline constexpr QLatin1StringView kCairnVisitType{"https://cairn.invalid/fhir/CodeSystem/visit-type"};
inline constexpr QLatin1StringView kExtVisitTime{"https://cairn.invalid/fhir/StructureDefinition/visit-time"};
inline constexpr QLatin1StringView kExtVisitNoShow{"https://cairn.invalid/fhir/StructureDefinition/visit-no-show"};

// Referrals as FHIR ServiceRequests with SNOMED CT's "Patient referral" category. FHIR's request
// statuses are coarser than a referral's course (sent and scheduled are both "active"), so the
// course, the day it was reached, a "soon" urgency and the directory entry go in extensions.
inline constexpr QLatin1StringView kSnomed{"http://snomed.info/sct"};
inline constexpr QLatin1StringView kReferralCategory{"3457005"};
inline constexpr QLatin1StringView kExtReferralStatus{"https://cairn.invalid/fhir/StructureDefinition/referral-status"};
inline constexpr QLatin1StringView kExtReferralStatusDate{
    "https://cairn.invalid/fhir/StructureDefinition/referral-status-date"};
inline constexpr QLatin1StringView kExtReferralUrgency{
    "https://cairn.invalid/fhir/StructureDefinition/referral-urgency"};
inline constexpr QLatin1StringView kExtReferralResource{
    "https://cairn.invalid/fhir/StructureDefinition/referral-resource"};

// PDMP checks and naloxone as Observations in Cairn's own codes: no standard code for either was
// confirmed. The PDMP check's value says whether it was concerning; naloxone's what was done.
inline constexpr QLatin1StringView kPdmpCheckCode{"pdmp-check"};
inline constexpr QLatin1StringView kCairnPdmpResult{"https://cairn.invalid/fhir/CodeSystem/pdmp-result"};
inline constexpr QLatin1StringView kNaloxoneCode{"naloxone"};
inline constexpr QLatin1StringView kCairnNaloxoneAction{"https://cairn.invalid/fhir/CodeSystem/naloxone-action"};
// Screens with no confirmed LOINC panel and items (GAD-2, ORT, PC-PTSD-5): coded by Cairn's
// instrument id, the answers as Cairn stores them. Earlier exports wrote the PHQ-2 this way too
// (now its LOINC panel 55757-9): import still reads it.
inline constexpr QLatin1StringView kCairnInstrument{"https://cairn.invalid/fhir/CodeSystem/instrument"};

// The patient's taper status when no taper plan gives it (a registry moved in with its statuses).
inline constexpr QLatin1StringView kExtTaperStatus{"https://cairn.invalid/fhir/StructureDefinition/taper-status"};

// Clinical decisions and the opioid use disorder workflow as Observations in Cairn's codes (no
// standard code was confirmed for any of them): an LTOT decision (valueBoolean: long-term or not,
// the reason as note), a decision not to refer (the trigger as value, the reason as note), the
// DSM-5 checklist (each criterion a component with valueBoolean, the severity it gives as
// interpretation), a MOUD status (the state as value; medication, free-text destination and
// directory entry in extensions) and a new patient's intake (each field a component).
inline constexpr QLatin1StringView kLtotDecisionCode{"ltot-decision"};
inline constexpr QLatin1StringView kNoReferralCode{"no-referral-decision"};
inline constexpr QLatin1StringView kCairnReferralTrigger{"https://cairn.invalid/fhir/CodeSystem/referral-trigger"};
inline constexpr QLatin1StringView kOudAssessmentCode{"oud-assessment"};
// The criteria's codes are domain::kOudCriteria's ids; "as prescribed" is no criterion, so Cairn's
// observation code system names it.
inline constexpr QLatin1StringView kCairnOudCriterion{"https://cairn.invalid/fhir/CodeSystem/oud-criterion"};
inline constexpr QLatin1StringView kOudAsPrescribedCode{"oud-as-prescribed"};
inline constexpr QLatin1StringView kCairnOudSeverity{"https://cairn.invalid/fhir/CodeSystem/oud-severity"};
inline constexpr QLatin1StringView kMoudStatusCode{"moud-status"};
inline constexpr QLatin1StringView kCairnMoudState{"https://cairn.invalid/fhir/CodeSystem/moud-state"};
inline constexpr QLatin1StringView kExtMoudMedication{"https://cairn.invalid/fhir/StructureDefinition/moud-medication"};
inline constexpr QLatin1StringView kExtMoudReferredTo{
    "https://cairn.invalid/fhir/StructureDefinition/moud-referred-to"};
inline constexpr QLatin1StringView kIntakeCode{"intake"};
inline constexpr QLatin1StringView kCairnIntakeItem{"https://cairn.invalid/fhir/CodeSystem/intake-item"};
inline constexpr QLatin1StringView kCairnIntakeOutcome{"https://cairn.invalid/fhir/CodeSystem/intake-outcome"};

// Tasks as FHIR Tasks: the owner is a role, not a person, so it goes in performerType coded by
// Cairn's role names; the due date is restriction.period.end.
inline constexpr QLatin1StringView kCairnRole{"https://cairn.invalid/fhir/CodeSystem/role"};

// Taper plans as FHIR CarePlans (intent plan) in Cairn's category: the plan's status is CarePlan's
// own (planned is draft, in progress active, paused on-hold), the drug an extension, each step an
// activity scheduled on its day, with the MME a day it aims at in an extension (CarePlan's
// dailyAmount is an amount of a product, not of morphine equivalents).
inline constexpr QLatin1StringView kCairnCarePlanCategory{"https://cairn.invalid/fhir/CodeSystem/care-plan-category"};
inline constexpr QLatin1StringView kTaperPlanCode{"opioid-taper"};
inline constexpr QLatin1StringView kExtTaperDrug{"https://cairn.invalid/fhir/StructureDefinition/taper-drug"};
inline constexpr QLatin1StringView kExtTargetMme{"https://cairn.invalid/fhir/StructureDefinition/target-mme-per-day"};

// Refill requests as FHIR Tasks coded refill-request in Cairn's task codes (a Task without that code
// is a task for the team). The decision is the businessStatus (Task's status beside it is the
// nearest of FHIR's), the reason for it statusReason; what was asked for and how are the inputs.
inline constexpr QLatin1StringView kCairnTaskCode{"https://cairn.invalid/fhir/CodeSystem/task-code"};
inline constexpr QLatin1StringView kRefillRequestCode{"refill-request"};
inline constexpr QLatin1StringView kCairnRefillDecision{"https://cairn.invalid/fhir/CodeSystem/refill-decision"};
inline constexpr QLatin1StringView kCairnRefillInput{"https://cairn.invalid/fhir/CodeSystem/refill-request-input"};
inline constexpr QLatin1StringView kCairnRefillChannel{"https://cairn.invalid/fhir/CodeSystem/refill-channel"};

// A clinician overriding the clinic's refill rules as a FHIR DetectedIssue: the rules are the issue
// (one coding each), the override its mitigation by the clinician, the reason and the clinic
// policy version in extensions (DetectedIssue has no note).
inline constexpr QLatin1StringView kCairnRefillRule{"https://cairn.invalid/fhir/CodeSystem/refill-rule"};
inline constexpr QLatin1StringView kCairnIssueAction{"https://cairn.invalid/fhir/CodeSystem/issue-action"};
inline constexpr QLatin1StringView kOverrideAction{"override"};
inline constexpr QLatin1StringView kExtOverrideReason{"https://cairn.invalid/fhir/StructureDefinition/override-reason"};
inline constexpr QLatin1StringView kExtPolicyVersion{"https://cairn.invalid/fhir/StructureDefinition/policy-version"};

// A random urine test draw as an Observation in Cairn's codes: whether the patient was selected
// (valueBoolean), the window and the drawn day as components, the policy version an extension.
inline constexpr QLatin1StringView kUdsSelectionCode{"uds-selection"};
inline constexpr QLatin1StringView kCairnUdsSelectionItem{"https://cairn.invalid/fhir/CodeSystem/uds-selection-item"};

// A case conference as a FHIR ServiceRequest coded case-conference in Cairn's service codes: the
// clinician's question to the team (reasonCode), the meeting (occurrenceDateTime), the consult note
// (note); the conference's course, each recommendation (a complex extension) and each suggested
// script in extensions. A task made from it names it in basedOn; a recommendation names the record
// it became (a Task, a referral's ServiceRequest, a taper's CarePlan or a Goal).
inline constexpr QLatin1StringView kCairnServiceCode{"https://cairn.invalid/fhir/CodeSystem/service"};
inline constexpr QLatin1StringView kCaseConferenceCode{"case-conference"};
inline constexpr QLatin1StringView kExtConferenceStatus{
    "https://cairn.invalid/fhir/StructureDefinition/conference-status"};
inline constexpr QLatin1StringView kExtConferenceScript{
    "https://cairn.invalid/fhir/StructureDefinition/conference-script"};
inline constexpr QLatin1StringView kExtRecommendation{"https://cairn.invalid/fhir/StructureDefinition/recommendation"};

// A care-plan goal as a FHIR Goal: the goal in the patient's words as description.text, the day it
// was set as startDate, its target date as target[0].dueDate. Cairn's status is the lifecycleStatus
// with HL7's achievement status beside it (active: in-progress; met: completed, achieved; dropped:
// cancelled, not-achieved). The day it was last reviewed at a visit has no element in R4's Goal
// (statusDate is when the status changed): an extension.
inline constexpr QLatin1StringView kGoalAchievement{"http://terminology.hl7.org/CodeSystem/goal-achievement"};
inline constexpr QLatin1StringView kExtGoalReviewed{"https://cairn.invalid/fhir/StructureDefinition/goal-reviewed"};

}  // namespace cairn::interop::fhir
