#pragma once
// FHIR R4 out, in the FHIR Bulk Data layout: one NDJSON text per resource type. Patients with their
// chart number (identifier type MR), opioids and sedatives as MedicationRequest coded in RxNorm, and
// PEG, PHQ-9 and GAD-7 (LOINC) and urine drug screens as Observation, each naming its patient.
// What readFhir() reads back gives the same patients, regimens (by mg a day) and scores.
// Not exported (FHIR has resources for them; Cairn does not write them yet): agreements, PDMP checks,
// naloxone, visits, referrals, goals, taper plans, refill requests, the PHQ-2, GAD-2, ORT and PC-PTSD-5.

#include "core/clinical/instruments.h"
#include "core/domain/records.h"
#include "core/domain/result.h"
#include "core/interop/rxnorm_table.h"

#include <QByteArray>
#include <QList>

namespace cairn::interop {

struct FhirExport {
    QByteArray patients;            // Patient.ndjson
    QByteArray medicationRequests;  // MedicationRequest.ndjson
    QByteArray observations;        // Observation.ndjson
};

// Errors name the patient's record that cannot be coded ("patient[3].benzodiazepines[0].drug").
Result<FhirExport> exportFhir(const QList<domain::Patient> &patients, const RxNormTable &rxnorm,
                              const clinical::Instruments &instruments);
Result<FhirExport> exportFhir(const QList<domain::Patient> &patients);

}  // namespace cairn::interop
