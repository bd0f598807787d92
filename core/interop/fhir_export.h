#pragma once
// FHIR R4 out, in the FHIR Bulk Data layout: one NDJSON text per resource type. Patients with their
// chart number (identifier type MR); opioids and sedatives as MedicationRequest coded in RxNorm;
// PEG, PHQ-9 and GAD-7 (LOINC), the other screens, urine drug screens, PDMP checks and naloxone as
// Observation; agreements as Consent; visits as Encounter; referrals as ServiceRequest; each naming
// its patient. What readFhir() reads back gives the same patients, regimens (by mg a day), records
// and care gaps. The mapping and the kinds left out: docs/interoperability.md.

#include "core/clinical/instruments.h"
#include "core/domain/records.h"
#include "core/domain/result.h"
#include "core/interop/rxnorm_table.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

namespace cairn::interop {

// The resource types an export writes, one "<type>.ndjson" file each, in the order import reads them
// (patients first, so every record's patient is known when it is read).
const QStringList &fhirExportTypes();

// FHIR's request status nearest a referral's course (sent and scheduled are both active); the course
// itself travels in Cairn's referral-status extension, and import checks the two agree.
QString fhirServiceRequestStatus(domain::ReferralStatus status);

struct FhirExport {
    QHash<QString, QByteArray> ndjson;  // by resource type (fhirExportTypes()); empty text when none
};

// Errors name the patient's record that cannot be coded ("patient[3].benzodiazepines[0].drug").
Result<FhirExport> exportFhir(const QList<domain::Patient> &patients, const RxNormTable &rxnorm,
                              const clinical::Instruments &instruments);
Result<FhirExport> exportFhir(const QList<domain::Patient> &patients);

}  // namespace cairn::interop
