#pragma once
// FHIR R4 out, in the FHIR Bulk Data layout: one NDJSON text per resource type. Patients with their
// chart number (identifier type MR); opioids and sedatives as MedicationRequest coded in RxNorm;
// PEG, PHQ-2, PHQ-9 and GAD-7 (LOINC), the other screens, urine drug screens, PDMP checks and
// naloxone as Observation; LTOT decisions, decisions not to refer, OUD checklists, MOUD statuses,
// intakes and random urine test draws as Observation in Cairn's codes; agreements as Consent;
// visits as Encounter; referrals and case conferences as ServiceRequest; tasks and refill requests
// as Task; taper plans as CarePlan; care-plan goals as Goal; refill rule overrides as
// DetectedIssue; each naming its patient. What readFhir() reads back gives the same patients, regimens (by mg a day),
// records and care gaps. The mapping and the kinds left out: docs/interoperability.md.

#include "core/clinical/instruments.h"
#include "core/domain/records.h"
#include "core/domain/result.h"
#include "core/interop/rxnorm_table.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

#include <array>
#include <utility>

namespace cairn::interop {

// The resource types an export writes, one "<type>.ndjson" file each, in the order import reads them
// (patients first, so every record's patient is known when it is read).
const QStringList &fhirExportTypes();

// FHIR's request status nearest a referral's course (sent and scheduled are both active); the course
// itself travels in Cairn's referral-status extension, and import checks the two agree.
QString fhirServiceRequestStatus(domain::ReferralStatus status);

// FHIR's task status for a task's: open is requested (action is sought), done is completed.
QString fhirTaskStatus(domain::TaskStatus status);

// A taper plan's status as CarePlan's: planned is draft, in progress active, paused on-hold.
QString fhirCarePlanStatus(domain::TaperStatus status);

// A refill request's decision as the Task's status: pending is requested, routed to a clinician
// in-progress, approved completed, declined rejected (the decision itself is the businessStatus).
QString fhirRefillTaskStatus(domain::RefillDecision decision);

// A case conference's course as its ServiceRequest's status: active until it is closed (the course
// itself travels in Cairn's conference-status extension).
QString fhirConferenceStatus(domain::ConferenceStatus status);

// The resource type of the record a recommendation became (Task, ServiceRequest, Goal, CarePlan).
QString fhirRecommendationTarget(domain::RecommendationKind kind);

// A goal's status as R4's Goal.lifecycleStatus and its achievementStatus code (HL7 goal-achievement):
// active is active and in-progress, met completed and achieved, dropped cancelled and not-achieved
// (a goal given up before it was met).
struct FhirGoalStatus {
    QString lifecycle;
    QString achievement;
};
FhirGoalStatus fhirGoalStatus(domain::GoalStatus status);

// The instruments that go out and come in as their LOINC panel with one component per item.
const QStringList &fhirLoincPanelInstruments();

// An intake's fields as its Observation's components, coded by the contract's field names (the
// outcome is a coded component of its own): export writes and import reads these tables.
inline constexpr std::array<std::pair<const char *, QString domain::Intake::*>, 6> kFhirIntakeTexts{{
    {"referral_source", &domain::Intake::referralSource},
    {"prior_prescriber", &domain::Intake::priorPrescriber},
    {"reason_left", &domain::Intake::reasonLeft},
    {"diagnosis", &domain::Intake::diagnosis},
    {"outcome_by", &domain::Intake::outcomeBy},
    {"outcome_note", &domain::Intake::outcomeNote},
}};
inline constexpr std::array<std::pair<const char *, QDate domain::Intake::*>, 4> kFhirIntakeDates{{
    {"records_requested", &domain::Intake::recordsRequested},
    {"records_received", &domain::Intake::recordsReceived},
    {"outcome_date", &domain::Intake::outcomeDate},
    {"review_date", &domain::Intake::reviewDate},
}};
inline constexpr const char *kFhirIntakeOutcome = "outcome";

struct FhirExport {
    QHash<QString, QByteArray> ndjson;  // by resource type (fhirExportTypes()); empty text when none
};

// Errors name the patient's record that cannot be coded ("patient[3].benzodiazepines[0].drug").
Result<FhirExport> exportFhir(const QList<domain::Patient> &patients, const RxNormTable &rxnorm,
                              const clinical::Instruments &instruments);
Result<FhirExport> exportFhir(const QList<domain::Patient> &patients);

}  // namespace cairn::interop
