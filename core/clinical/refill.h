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
    // A patient new to the clinic who already takes opioids, asking for the first prescription
    // here (clinic policy new_patient), and whether the prior prescriber's records have come.
    bool newPatient = false;
    bool priorRecordsReceived = false;
};

struct RefillAdvice {
    QString decision;     // "allowed", "needs_review", "not_allowed_by_policy"
    QStringList reasons;  // codes, in the contract's order
    // The reasons whose rule the clinic made firm (policy rule_strength "clinic_rule"): the refill
    // is blocked until a clinician overrides them with a recorded reason.
    QStringList clinicRules;
    QString policyVersion;
};

// Business days (Mon–Fri) after `from` up to and including `to`.
int businessDaysBetween(const QDate &from, const QDate &to);

Result<RefillAdvice> checkRefill(const RefillRequest &request, const std::optional<domain::Patient> &patient,
                                 const RulesContext &context);

}  // namespace cairn::clinical
