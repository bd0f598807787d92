#pragma once
// The refill-request check (rules contract §7): advice for the clinician, never an automatic
// refusal. A pure function of the request, the policy and (optionally) the patient.

#include "core/clinical/rules.h"

#include <optional>

namespace cairn::clinical {

enum class RefillReason { Routine, Early, LostOrStolen };

struct RefillRequest {
    QDate asOf;  // the day the request arrives
    QDate requestedFillDate;
    int daysSupply = 0;
    QDate lastFillDate;
    int lastFillDaysSupply = 0;
    RefillReason reason = RefillReason::Routine;
    bool policeReport = false;
    // The front desk's word that the patient is new to the clinic and already takes opioids, asking
    // for the first prescription here (clinic policy new_patient); it decides only when the
    // patient's record cannot (see newPatientStatus). And whether the prior prescriber's records
    // have come.
    bool newPatient = false;
    bool priorRecordsReceived = false;
};

// Whether a request is a new patient's, and what said so.
enum class NewPatientSource {
    Record,     // the patient's record: since when this clinic prescribes their opioids
    FrontDesk,  // the record does not say: the front desk's tick
};
struct NewPatientStatus {
    bool isNew = false;
    NewPatientSource source = NewPatientSource::FrontDesk;
    QDate prescriberSince;  // the record's date (Record only)
};
// A patient whose record says since when this clinic is their opioid prescriber of record
// (domain::Patient::opioidPrescriberSince) is new while the request arrives before that day plus
// the policy's new-patient period (new_patient.bridge_days), and not new after it, whatever the
// tick says. A patient without that date is not guessed about: the front desk's tick decides.
NewPatientStatus newPatientStatus(const RefillRequest &request, const std::optional<domain::Patient> &patient,
                                  const ClinicPolicy &policy);

struct RefillAdvice {
    QString decision;     // "allowed", "needs_review", "not_allowed_by_policy"
    QStringList reasons;  // codes, in the contract's order
    // The reasons whose rule the clinic made firm (policy rule_strength "clinic_rule"): the refill
    // is blocked until a clinician overrides them with a recorded reason.
    QStringList clinicRules;
    NewPatientStatus newPatient;  // how the check decided whether the request is a new patient's
    QString policyVersion;
};

// Business days (Mon–Fri) after `from` up to and including `to`.
int businessDaysBetween(const QDate &from, const QDate &to);

Result<RefillAdvice> checkRefill(const RefillRequest &request, const std::optional<domain::Patient> &patient,
                                 const RulesContext &context);

}  // namespace cairn::clinical
