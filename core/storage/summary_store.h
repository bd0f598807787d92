#pragma once
// Rows of `patient_summary`: what the whole-registry screens show of each patient (LTOT status,
// effective tier, MME total and band, open gaps, next visit, last PEG), as the rules engine computed
// it for one date under one clinic policy. A trigger on `records` marks the patient of every
// inserted record in `summary_dirty`, in the inserting transaction; core/registry recomputes those
// (and everyone when the date or the policy changes) before that transaction commits. Knows
// nothing of rules: the computed values arrive as text, numbers and JSON. Call the writers inside
// a Transaction.

#include "core/domain/result.h"
#include "core/storage/record_store.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::storage {

class Database;

struct SummaryRow {
    QString patientId;
    QString policyVersion;  // the clinic policy's version it was computed with
    bool onTherapy = false;
    QString ltotReason;
    QString tier;  // effective tier ("" when not evaluated and none set)
    QString band;  // "" when not evaluated
    double totalMme = 0;
    QByteArray gaps;        // JSON array (core/registry/patient_summaries.cpp writes and reads it)
    QString nextVisit;      // ISO date of the next scheduled visit on or after the summary's date
    QString nextVisitTime;  // "HH:mm" or ""
    QString lastPeg;        // ISO date of the latest PEG, "" when none
    QString error;          // the evaluation's error line when the rules engine refused the record
};

// A patient's demographics row beside their summary.
struct SummarisedPatientRow {
    PatientRow patient;
    SummaryRow summary;
};

class SummaryStore {
public:
    explicit SummaryStore(Database &db)
        : m_db(db)
    {}

    // Patients whose records changed since their summary was written (sorted by id).
    Result<QStringList> dirtyPatients();
    Result<bool> anyDirty();
    // Every patient of the registry, to recompute all summaries (date or policy changed).
    Status markAllDirty();
    Status clearDirty();
    Status upsert(const SummaryRow &row);
    // Every patient with their summary, in the order of RecordStore::patients() (name, then id).
    // A patient without a summary row yet is left out: call after the summaries are up to date.
    Result<QList<SummarisedPatientRow>> all();
    // Patients with a visit record (any version) dated `isoDate`: the candidates for that day's huddle.
    Result<QStringList> patientsWithVisitOn(const QString &isoDate);

private:
    Database &m_db;
};

}  // namespace cairn::storage
