#pragma once
// The queries that run per record or per patient on every write, applied sync page and screen:
// one place, so tests/storage/test_query_plans.cpp checks the very text the stores run against the
// schema's indexes (EXPLAIN QUERY PLAN). A "...Tail" is what follows the column list.

namespace cairn::storage::hot_queries {

inline constexpr const char *kRecordExists = "SELECT 1 FROM records WHERE id = ?";
inline constexpr const char *kLineageOfRecord = "SELECT lineage FROM records WHERE id = ?";
inline constexpr const char *kParentOfRecord = "SELECT supersedes, payload FROM records WHERE id = ?";
// An unsuperseded, unclosed version of a lineage (its tips).
inline constexpr const char *kTipsOfLineage =
    "SELECT r.id, r.hlc, r.retracted, r.payload FROM records r WHERE r.lineage = ? "
    "AND NOT EXISTS (SELECT 1 FROM records s WHERE s.supersedes = r.id) "
    "AND NOT EXISTS (SELECT 1 FROM record_closes c WHERE c.closed_id = r.id)";
// The tips as they were right after the record with local seq ?2 was written (a bulk load builds
// the heads after its rows: core/storage/record_store.h, BulkLoad).
inline constexpr const char *kTipsOfLineageAsOf =
    "SELECT r.id, r.hlc, r.retracted, r.payload FROM records r WHERE r.lineage = ?1 AND r.seq <= ?2 "
    "AND NOT EXISTS (SELECT 1 FROM records s WHERE s.supersedes = r.id AND s.seq <= ?2) "
    "AND NOT EXISTS (SELECT 1 FROM record_closes c JOIN records k ON k.id = c.record_id "
    "WHERE c.closed_id = r.id AND k.seq <= ?2)";
inline constexpr const char *kHeadOfLineage = "SELECT record_id, live, merged_payload FROM heads WHERE lineage = ?";
inline constexpr const char *kClosedByRecord =
    "SELECT closed_id FROM record_closes WHERE record_id = ? ORDER BY closed_id";
// A patient's versions in force (opening a patient, recomputing their summary).
inline constexpr const char *kCurrentOfPatientTail =
    "FROM records r JOIN heads h ON h.record_id = r.id WHERE h.patient_id = ? AND h.live = 1 ORDER BY r.seq";
// Every version of a patient's records (the history screen).
inline constexpr const char *kHistoryOfPatientTail = "FROM records r WHERE r.patient_id = ? ORDER BY r.seq";
inline constexpr const char *kPatientsWithClinicId = "SELECT id FROM patients WHERE clinic_id = ? ORDER BY id";
// The candidates for a day's huddle.
inline constexpr const char *kPatientsWithVisitOn =
    "SELECT DISTINCT patient_id FROM records WHERE kind = 'visit' AND record_date = ? ORDER BY 1";
// Patients roomed on a day: a rooming record in force (PEG, screening, urine test, agreement, PDMP
// check) dated that day. Today's huddle rows say "Roomed" from this, never from a guess.
inline constexpr const char *kPatientsRoomedOn =
    "SELECT DISTINCT r.patient_id FROM records r CROSS JOIN heads h ON h.lineage = r.lineage AND h.record_id = r.id "
    "WHERE r.kind IN ('peg', 'screening', 'uds', 'agreement', 'pdmp_check') AND r.record_date = ? AND h.live = 1 "
    "ORDER BY 1";
// Every patient beside their summary (whole-registry screens).
inline constexpr const char *kSummariesWithPatientsTail =
    "FROM patients p JOIN patient_summary s ON s.patient_id = p.id ORDER BY p.search_key, p.id";
// Every summary beside its patient, in no order (the first read after unlocking): one pass over
// the patients, each summary found by its key.
inline constexpr const char *kEverySummaryTail = "FROM patients p JOIN patient_summary s ON s.patient_id = p.id";
// The summaries computed since a screen last read them (after a write: its patients only).
inline constexpr const char *kSummariesComputedSinceTail =
    "FROM patient_summary s JOIN patients p ON p.id = s.patient_id WHERE s.computed_seq > ?";
// The id of the newest record of a patient or of the clinic scope: the clinic policy in force is
// re-read only when this changes.
inline constexpr const char *kNewestRecordOfPatient =
    "SELECT id FROM records WHERE seq = (SELECT max(seq) FROM records WHERE patient_id = ?)";
// The summaries a new day recomputes (valid_until is ISO, so text order is date order).
inline constexpr const char *kMarkExpiredSummariesDirty =
    "INSERT OR IGNORE INTO summary_dirty (patient_id) SELECT patient_id FROM patient_summary WHERE valid_until <= ?";
// The outbox after a seq, oldest first, up to a limit appended to it (a push batch): the outbox's
// integer key in order, each record found by its own.
inline constexpr const char *kOutboxTail =
    "JOIN outbox o ON o.record_seq = r.seq WHERE o.record_seq > ? ORDER BY o.record_seq LIMIT ";
// A push batch acknowledged: its records' seqs as one JSON array.
inline constexpr const char *kAcknowledgeOutbox =
    "DELETE FROM outbox WHERE record_seq IN (SELECT value FROM json_each(?))";
inline constexpr const char *kNewestSummarySeq = "SELECT coalesce(max(computed_seq), 0) FROM patient_summary";

}  // namespace cairn::storage::hot_queries
