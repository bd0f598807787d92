#pragma once
// Per-patient summaries: what the whole-registry screens (roster, PEG outreach, gap worklists) and
// cairnctl gaps show of each patient, kept in `patient_summary` so that a screen reads one row per
// patient instead of every record. The rules engine stays the one source of truth: a summary is
// exactly what clinical::ltotStatus and clinical::evaluate say for the patient on the summary's
// date under the clinic policy in force; nothing is decided here.
//
// When summaries are recomputed (always inside a transaction, so a crash leaves the old ones):
//   - a trigger marks the patient of every inserted record (summary_dirty), and the write paths
//     recompute those before they commit (commitWithSummaries);
//   - every patient, when the date or the clinic policy in force is not the one the summaries
//     were computed for (the first write or read of a new day, or a policy change);
//   - anything still marked, before a summary is read.

#include "core/clinical/population_views.h"
#include "core/domain/records.h"
#include "core/domain/result.h"
#include "core/registry/views.h"

#include <QDate>
#include <QList>

namespace cairn::storage {
class Database;
class Transaction;
}  // namespace cairn::storage

namespace cairn::registry {

class Clock;

// The date summaries are computed for: the clock's local date, as the app's "today".
QDate summaryDate(const Clock &clock);

// Recomputes what is out of date (see above) in the caller's transaction. How many were recomputed.
Result<int> refreshSummaries(storage::Database &db, const QDate &today);
// refreshSummaries, then commits.
Status commitWithSummaries(storage::Transaction &tx, storage::Database &db, const Clock &clock);

// The summaries as the population views take them: patients carry demographics only (no records),
// evaluations hold tier, MME total and band, and gaps (no scores), pointing into `patients`.
struct SummarisedRegistry {
    QDate asOf;
    QList<domain::Patient> patients;                 // every patient, in name order
    QList<clinical::PatientEvaluation> evaluations;  // the patients on long-term therapy
    QList<QString> ltotReasons;                      // per patient, clinical::toString(LtotReason)
};
// Brings the summaries up to date for `today` (its own transaction when needed) and reads them. A
// patient whose records the rules engine refused fails the read with that error, naming the
// patient's clinic id, as a full evaluation would.
Result<SummarisedRegistry> readSummaries(storage::Database &db, const QDate &today);

}  // namespace cairn::registry
