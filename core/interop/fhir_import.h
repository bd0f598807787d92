#pragma once
// FHIR R4 in: a Bundle (JSON), one resource, or NDJSON (one resource a line, as FHIR Bulk Data
// writes them) → registry patients with their records. Reads Patient; MedicationRequest coded in
// RxNorm (opioid products of the RxNorm table, or a sedative ingredient), with the dose in dose-form
// units or in mg (mL for liquids), timing by frequency/period or timeOfDay, as needed with
// maxDosePerPeriod, and the validity period; Observation for the PEG, PHQ-2, PHQ-9 and GAD-7 panels
// (items as components or as hasMember Observations) and the records in Cairn's codes (urine drug
// screen, PDMP check, naloxone, other screens, LTOT decision, decision not to refer, OUD checklist,
// MOUD status, intake, random urine test draw); Consent, Encounter, ServiceRequest (referrals and
// case conferences), Task (tasks and refill requests), CarePlan (taper plans), Goal (care-plan
// goals) and DetectedIssue (refill rule overrides) as Cairn exports them. A task's case conference and the record a
// conference's recommendation became are references within the files: the records they name get
// their registry ids here (RecordMeta::id), which the registry keeps. docs/interoperability.md.
//
// Anything Cairn cannot read exactly (an unknown code, resource type, dose unit or timing) is an
// error naming the resource ("entry[3] (MedicationRequest/abc)") and the field, and nothing of the
// file is returned: the caller writes all of it in one transaction or none.

#include "core/clinical/instruments.h"
#include "core/domain/records.h"
#include "core/domain/result.h"
#include "core/interop/rxnorm_table.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace cairn::interop {

// One input file: its name (for errors, when several files are read together) and its bytes.
struct FhirFile {
    QString name;  // empty for a single file or standard input
    QByteArray bytes;
};

// An opioid MedicationRequest as read, in file order: what `cairnctl mme --fhir` reports.
struct OpioidRequest {
    QString resource;        // "entry[2] (MedicationRequest/abc)"
    QString subject;         // the patient's reference, one form per patient ("Patient/p1", or the entry's fullUrl)
    qsizetype patient = -1;  // index in FhirContent::patients; -1 when the files lack the patient
    QString rxcui;
    domain::OpioidEntry entry;
};

// What the files left out that the person importing should know, though nothing is refused: a
// case conference recommendation naming a goal that an export from before goals were exported
// (Goal.ndjson) did not carry. The recommendation comes in without its goal; no goal is made up.
struct FhirWarning {
    QString resource;  // "ServiceRequest.ndjson line 1 (ServiceRequest/abc)"
    QString field;     // "extension(recommendation)[0].record"
    QString message;

    QString line() const;  // "resource.field: message", as an error's line reads
};

struct FhirContent {
    QList<domain::Patient> patients;      // file order, records attached; ids empty (the registry gives them)
    QList<OpioidRequest> opioidRequests;  // every opioid request, whether or not its patient is in the file
    QList<FhirWarning> warnings;          // file order
};

// Reads every resource of the files. With requirePatients, every MedicationRequest and Observation
// must name a Patient of the files (import); without, requests may name patients the files lack
// (MME of a bundle of requests) and their records are not attached to any patient.
Result<FhirContent> readFhir(const QList<FhirFile> &files, const RxNormTable &rxnorm,
                             const clinical::Instruments &instruments, bool requirePatients);

// The shipped tables.
Result<FhirContent> readFhir(const QList<FhirFile> &files, bool requirePatients);

// What an import of the content adds, for the person importing to check before committing: its
// patients, each opioid prescription with its MME a day from its first day (the shipped default
// MME table, as every MME in Cairn), and the observations and other medicines.
struct FhirPrescription {
    QString resource;                 // "entry[2] (MedicationRequest/abc)"
    QString subject;                  // the patient's name when the files hold the patient, else the reference
    QString drug;                     // "oxycodone"
    std::optional<double> mmePerDay;  // none for drugs the MME does not count (buprenorphine)
    QDate start;
    QDate end;  // null: open-ended
};
struct FhirSummary {
    int patients = 0;
    QList<FhirPrescription> prescriptions;  // file order
    int sedatives = 0;
    int pegScores = 0;
    int screenings = 0;  // PHQ-2, PHQ-9, GAD-2, GAD-7, ORT, PC-PTSD-5
    int urineScreens = 0;
    // Agreements, visits, referrals, PDMP checks, naloxone, decisions, OUD and MOUD, intakes, tasks,
    // taper plans, refill requests and overrides, random urine test draws, case conferences, goals.
    int otherRecords = 0;
    QList<FhirWarning> warnings;  // as FhirContent's
};
Result<FhirSummary> summarizeFhir(const FhirContent &content);

}  // namespace cairn::interop
