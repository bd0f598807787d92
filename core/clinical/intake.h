#pragma once
// A new patient already on long-term opioids: the intake's first-visit checklist, what makes it
// complete, who may write which of its fields, and the alert when an opioid is prescribed here
// before the clinic's new-patient policy allows (the ONE new-patient rule: newPatientRuling, also
// used by the refill check, refill.h).

#include "core/clinical/policy.h"
#include "core/domain/records.h"
#include "core/roles/roles.h"

#include <optional>

namespace cairn::clinical {

// The checklist, in the order a screen shows it. Only the intake's own fields are stored on it;
// the PDMP check, urine test, ORT, agreement and regimen are the patient's records, dated on or
// after the intake began (the regimen: an opioid active on the intake's date or later).
enum class IntakeItem {
    RecordsRequested,
    RecordsReceived,
    PdmpReviewed,
    UrineTest,
    Diagnosis,
    Regimen,
    RiskScreen,
    Agreement,
    Outcome,
};
QString toString(IntakeItem item);  // "records_requested", "records_received", "pdmp_reviewed", ...

struct IntakeItemState {
    IntakeItem item = IntakeItem::Outcome;
    bool done = false;
    QDate date;  // when it was done, when a date says so
};

struct IntakeChecklist {
    const domain::Intake *intake = nullptr;  // the patient's latest intake; null: none
    QList<IntakeItemState> items;
    QList<IntakeItem> missing;
    // Closed: the clinician decided not to take the patient on; nothing further is asked.
    bool closed = false;
    [[nodiscard]] bool complete() const { return closed || missing.isEmpty(); }
};
// The latest intake (by date, then clock) on or before `asOf`, checked against the record.
IntakeChecklist intakeChecklist(const domain::Patient &patient, const QDate &asOf);

// Who may write which intake field (the ONE table; the registry and the intake form read it): the
// permission a field needs beyond the kind's own right (booking, which the front desk has), or
// nullopt for the administrative fields. The diagnosis needs a rooming clinician's (MA, nurse,
// clinician), the first-visit decision (outcome, outcome_date, review_date, outcome_by,
// outcome_note) a clinician's.
std::optional<keys::Permission> intakeFieldNeeds(const QString &field);
// The most a write of `written` needs, given the version it corrects (null for a new intake):
// only the fields it changes count, so the front desk may update the records' dates of an intake
// the nurse has diagnosed.
std::optional<keys::Permission> intakeFieldPermission(const domain::Intake &written, const domain::Intake *corrected);

// The clinic's new-patient rule (policy new_patient) for a prescription to a patient new to the
// clinic, supplied until `suppliedUntil` (null: open-ended). Under records_first the prior records
// and a urine test come first; under bridge the prescription may run at most bridge_days from
// `bridgeStart`. A reason code ("NEW_PATIENT_RECORDS_FIRST", "NEW_PATIENT_BRIDGE_TOO_LONG",
// "NEW_PATIENT_BRIDGE") or empty; refused when the policy advises against it as written.
struct NewPatientRuling {
    QString reason;
    bool refused = false;
};
NewPatientRuling newPatientRuling(const ClinicPolicy &policy, bool priorRecordsReceived, bool udsOnRecord,
                                  const QDate &bridgeStart, const QDate &suppliedUntil);

// An opioid prescribed here (started on or after the intake began) before the policy's required
// items, while the first-visit decision is not recorded: the reason, in English, naming what was
// missing; empty when there is none.
QString prescribedBeforeIntakeItems(const domain::Patient &patient, const QDate &asOf, const ClinicPolicy &policy);

}  // namespace cairn::clinical
