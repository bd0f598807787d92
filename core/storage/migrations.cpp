#include "core/storage/migrations.h"

#include "core/storage/database.h"

#include <array>

namespace cairn::storage {
namespace {

struct Migration {
    int version;
    const char *sql;
};

// The triggers that keep a table append-only, spelled once. They are string literals, joined into
// each step's one constant text by the compiler: SQLite keeps a trigger as written, so the text of
// a step that registries have already run must stay exactly as it was.
// A trigger named NAME that aborts every EVENT ("UPDATE" or "DELETE") on TABLE, saying MESSAGE.
#define CAIRN_SQL_REFUSE(NAME, EVENT, TABLE, MESSAGE)                                                                  \
    "CREATE TRIGGER " NAME " BEFORE " EVENT " ON " TABLE "\nBEGIN SELECT RAISE(ABORT, '" MESSAGE "'); END;\n"
// Both: NAME_update and NAME_delete.
#define CAIRN_SQL_APPEND_ONLY(NAME, TABLE, MESSAGE)                                                                    \
    CAIRN_SQL_REFUSE(NAME "_update", "UPDATE", TABLE, MESSAGE)                                                         \
    CAIRN_SQL_REFUSE(NAME "_delete", "DELETE", TABLE, MESSAGE)
#define CAIRN_SQL_RECORDS_REFUSAL "records are append-only: write a correction instead"

// Version 1: the registry.
// - records: every clinical and demographic record, immutable once written. A correction is a new
//   row naming the row it supersedes; both stay. The payload is the record's contract JSON.
// - patients: the current head of each patient's demographics, kept in the same transaction as
//   the record it mirrors, for listing and search without reading every payload.
// - outbox: records written here and not yet acknowledged by the server, in write order.
// - audit: append-only, hash-chained log of every view and change.
constexpr const char *kSchemaV1 = R"SQL(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  role       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  removed_at TEXT
);

CREATE TABLE records (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT NOT NULL UNIQUE,
  patient_id  TEXT NOT NULL,
  kind        TEXT NOT NULL,
  record_date TEXT,
  payload     TEXT NOT NULL CHECK (json_valid(payload)),
  author      TEXT NOT NULL,
  device      TEXT NOT NULL,
  hlc         TEXT NOT NULL,
  supersedes  TEXT REFERENCES records(id),
  retracted   INTEGER NOT NULL DEFAULT 0 CHECK (retracted IN (0, 1)),
  written_at  TEXT NOT NULL
);
CREATE INDEX records_by_patient ON records(patient_id, kind, record_date);
CREATE INDEX records_by_supersedes ON records(supersedes) WHERE supersedes IS NOT NULL;
)SQL" CAIRN_SQL_APPEND_ONLY("records_are_append_only", "records", CAIRN_SQL_RECORDS_REFUSAL) R"SQL(
CREATE TABLE patients (
  id          TEXT PRIMARY KEY,
  head        TEXT NOT NULL REFERENCES records(id),
  clinic_id   TEXT NOT NULL,
  name        TEXT NOT NULL,
  search_key  TEXT NOT NULL,
  birth_date  TEXT,
  sex         TEXT,
  prescriber  TEXT,
  risk_tier   TEXT,
  phone       TEXT,
  language    TEXT,
  updated_hlc TEXT NOT NULL
);
CREATE INDEX patients_by_clinic_id ON patients(clinic_id);
CREATE INDEX patients_by_prescriber ON patients(prescriber);

CREATE TABLE outbox (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  record_id TEXT NOT NULL UNIQUE REFERENCES records(id),
  queued_at TEXT NOT NULL
);

CREATE TABLE audit (
  seq        INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  action     TEXT NOT NULL,
  patient_id TEXT,
  record_id  TEXT,
  detail     TEXT,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
)SQL" CAIRN_SQL_APPEND_ONLY("audit_is_append_only", "audit", "the audit log is append-only");

// Version 2: sync.
// - records.lineage: the first record of a chain of corrections; every version of one record
//   shares it. Filled once here for existing rows, then set on insert and never changed.
// - heads: for each lineage, the version that is current. Several devices may correct the same
//   record while offline, so a lineage can have several unsuperseded versions; the rule that picks
//   one (a withdrawal always wins, otherwise the latest hybrid-clock stamp) is applied in the same
//   transaction as each insert, so every device holding the same records shows the same versions.
// - conflicts: concurrent versions of one record, kept for the registry manager to review.
constexpr const char *kSchemaV2 = R"SQL(
DROP TRIGGER records_are_append_only_update;
ALTER TABLE records ADD COLUMN lineage TEXT;
WITH RECURSIVE chain(id, root) AS (
  SELECT id, id FROM records WHERE supersedes IS NULL
  UNION ALL
  SELECT r.id, c.root FROM records r JOIN chain c ON r.supersedes = c.id)
UPDATE records SET lineage = (SELECT root FROM chain WHERE chain.id = records.id);
)SQL" CAIRN_SQL_REFUSE("records_are_append_only_update", "UPDATE", "records",
                       CAIRN_SQL_RECORDS_REFUSAL) R"SQL(CREATE INDEX records_by_lineage ON records(lineage);

CREATE TABLE heads (
  lineage    TEXT PRIMARY KEY,
  record_id  TEXT NOT NULL REFERENCES records(id),
  patient_id TEXT NOT NULL,
  live       INTEGER NOT NULL CHECK (live IN (0, 1)),
  -- With several live versions (no withdrawal): the field-by-field merge shown in place of the
  -- head's payload (record_id stays the provisional winner). NULL with a single version.
  merged_payload TEXT CHECK (merged_payload IS NULL OR json_valid(merged_payload))
) WITHOUT ROWID;
CREATE INDEX heads_by_patient ON heads(patient_id);
INSERT INTO heads (lineage, record_id, patient_id, live)
  SELECT r.lineage, r.id, r.patient_id, 1 - r.retracted FROM records r
  WHERE NOT EXISTS (SELECT 1 FROM records s WHERE s.supersedes = r.id);

CREATE TABLE conflicts (
  id          INTEGER PRIMARY KEY,
  lineage     TEXT NOT NULL,
  patient_id  TEXT NOT NULL,
  record_a    TEXT NOT NULL REFERENCES records(id),
  record_b    TEXT NOT NULL REFERENCES records(id),
  fields      TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  reviewed_by TEXT,
  reviewed_at TEXT,
  UNIQUE (record_a, record_b)
);
)SQL";

// Version 3: a correction closes every concurrent version its writer saw merged, not only the one
// it supersedes (RecordEnvelope::closes), so editing a merged record does not merge it again with
// versions the edit already took into account.
constexpr const char *kSchemaV3 = R"SQL(
CREATE TABLE record_closes (
  closed_id TEXT NOT NULL,
  record_id TEXT NOT NULL REFERENCES records(id),
  PRIMARY KEY (closed_id, record_id)
) WITHOUT ROWID;
CREATE INDEX record_closes_by_record ON record_closes(record_id);
)SQL" CAIRN_SQL_APPEND_ONLY("record_closes_are_append_only", "record_closes", "records are append-only");

// Version 4: the number of records waiting in the outbox, kept by triggers in the same
// transaction as each write and acknowledgement. The sync state reads it after every save;
// counting the outbox instead grows with the registry (about 35 ms at 10,000 patients).
constexpr const char *kSchemaV4 = R"SQL(
CREATE TABLE outbox_size (
  only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
  pending INTEGER NOT NULL
);
INSERT INTO outbox_size (only_row, pending) SELECT 1, count(*) FROM outbox;
CREATE TRIGGER outbox_size_on_insert AFTER INSERT ON outbox
BEGIN UPDATE outbox_size SET pending = pending + 1 WHERE only_row = 1; END;
CREATE TRIGGER outbox_size_on_delete AFTER DELETE ON outbox
BEGIN UPDATE outbox_size SET pending = pending - 1 WHERE only_row = 1; END;
)SQL";

// Version 5: quarantine. A pulled record this tablet cannot read (an older server stored it, or a
// bug) is kept here with the reason instead of in `records`, so no screen or command ever reads it;
// the rest of its page applies. The registry manager sees it and may withdraw it: the withdrawal
// is a retraction that syncs (withdrawal_pending until the server acknowledges it), and a
// withdrawal pulled from another tablet closes the entry here too.
constexpr const char *kSchemaV5 = R"SQL(
CREATE TABLE quarantine (
  id             INTEGER PRIMARY KEY,
  record_id      TEXT NOT NULL UNIQUE,
  patient_id     TEXT NOT NULL,
  kind           TEXT NOT NULL,
  record_date    TEXT,
  payload        TEXT NOT NULL,
  author         TEXT NOT NULL,
  device         TEXT NOT NULL,
  hlc            TEXT NOT NULL,
  supersedes     TEXT,
  retracted      INTEGER NOT NULL DEFAULT 0 CHECK (retracted IN (0, 1)),
  written_at     TEXT,
  field          TEXT NOT NULL,
  message        TEXT NOT NULL,
  received_at    TEXT NOT NULL,
  withdrawal_id  TEXT UNIQUE,
  withdrawal_seq INTEGER,
  withdrawal_hlc TEXT,
  withdrawn_by   TEXT,
  withdrawn_at   TEXT,
  withdrawal_reason  TEXT,
  withdrawal_pending INTEGER NOT NULL DEFAULT 0 CHECK (withdrawal_pending IN (0, 1))
);
CREATE INDEX quarantine_pending ON quarantine(withdrawal_seq) WHERE withdrawal_pending = 1;
)SQL";

// A patient's summary as version 6 stores it (gaps as JSON text); version 10's summaries prepared
// ahead hold the same; version 11 stores the gaps as bytes.
#define CAIRN_SQL_SUMMARY_COLUMNS_WITH_GAPS(GAPS)                                                                      \
    "  policy_version  TEXT NOT NULL,\n"                                                                               \
    "  on_therapy      INTEGER NOT NULL CHECK (on_therapy IN (0, 1)),\n"                                               \
    "  ltot_reason     TEXT NOT NULL,\n"                                                                               \
    "  tier            TEXT NOT NULL,\n"                                                                               \
    "  band            TEXT NOT NULL,\n"                                                                               \
    "  total_mme       REAL NOT NULL,\n"                                                                               \
    "  gaps            " GAPS ",\n"                                                                                    \
    "  next_visit      TEXT,\n"                                                                                        \
    "  next_visit_time TEXT NOT NULL,\n"                                                                               \
    "  last_peg        TEXT,\n"                                                                                        \
    "  error           TEXT"
#define CAIRN_SQL_SUMMARY_COLUMNS CAIRN_SQL_SUMMARY_COLUMNS_WITH_GAPS("TEXT NOT NULL CHECK (json_valid(gaps))")

// Version 6: per-patient summaries (core/storage/summary_store.h). The trigger marks the patient
// of every inserted record in the inserting transaction, so no write path can forget one; the
// registry recomputes the marked summaries before that transaction commits. Every patient starts
// marked. The (kind, record_date) index finds a day's bookings for the huddle without a scan.
constexpr const char *kSchemaV6 = R"SQL(
CREATE TABLE patient_summary (
  patient_id      TEXT PRIMARY KEY,
)SQL" CAIRN_SQL_SUMMARY_COLUMNS R"SQL(
) WITHOUT ROWID;
CREATE TABLE summary_dirty (
  patient_id TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT OR IGNORE INTO summary_dirty (patient_id) SELECT id FROM patients;
CREATE TRIGGER summary_dirty_on_record AFTER INSERT ON records WHEN NEW.patient_id <> 'clinic'
BEGIN INSERT OR IGNORE INTO summary_dirty (patient_id) VALUES (NEW.patient_id); END;
CREATE INDEX records_by_kind_date ON records(kind, record_date);
)SQL";

// Version 7: what changed since a screen last read the summaries, and each patient's share of the
// recent months' measures. computed_seq grows with every recompute (all rows of one recompute
// share it), so the registry re-reads only the rows computed since its last read, through the
// index. Every summary is recomputed on the next read (core/registry's summary format changes).
constexpr const char *kSchemaV7 = R"SQL(
ALTER TABLE patient_summary ADD COLUMN computed_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE patient_summary ADD COLUMN measures BLOB;
ALTER TABLE patient_summary ADD COLUMN measures_error TEXT;
CREATE INDEX patient_summary_by_computed_seq ON patient_summary(computed_seq);
)SQL";

// Version 8: records stored before version 5 (pulled from a server older than its validation)
// never went through the checks a pulled page gets. Any registry that holds records is marked to
// check them all once, on the next open (Registry::unlock, recheckStoredRecords in
// core/registry/registry_sync.cpp); the mark is cleared in the transaction that sets the failures
// aside, so a crash mid-way checks again. Version 5..7 registries are marked too: their older
// records may be from before version 5 as well.
constexpr const char *kSchemaV8 = R"SQL(
INSERT INTO meta (key, value) SELECT 'recheck_stored_records', '1' WHERE EXISTS (SELECT 1 FROM records);
)SQL";

// Version 9: how long each summary holds. A new day recomputes only the summaries whose
// valid_until has come (core/registry/patient_summaries.cpp finds it by asking the rules engine
// day by day); measures_month is the last month the stored measure shares cover. Every summary is
// recomputed on the next read (the summary format changes with them).
constexpr const char *kSchemaV9 = R"SQL(
ALTER TABLE patient_summary ADD COLUMN valid_until TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_summary ADD COLUMN measures_month TEXT NOT NULL DEFAULT '';
CREATE INDEX patient_summary_by_valid_until ON patient_summary(valid_until);
)SQL";

// Version 10: summaries prepared ahead. The registry computes, while the app is idle, tomorrow's
// summary of each patient whose summary expires tomorrow (core/registry/patient_summaries.cpp),
// stamped with that date and the rules it was computed under; the first read of that day moves the
// ones still true (no record written for the patient since) into patient_summary instead of
// recomputing them. Nothing else reads this table.
constexpr const char *kSchemaV10 = R"SQL(
CREATE TABLE patient_summary_ahead (
  patient_id      TEXT PRIMARY KEY,
  as_of           TEXT NOT NULL,
  rules           TEXT NOT NULL,
)SQL" CAIRN_SQL_SUMMARY_COLUMNS R"SQL(,
  measures        BLOB,
  measures_error  TEXT,
  measures_month  TEXT NOT NULL,
  valid_until     TEXT NOT NULL
) WITHOUT ROWID;
)SQL";

// Version 11: a summary's gaps as bytes that name their texts by id in summary_text
// (core/storage/summary_store.h) instead of JSON that repeats them: a summary row shrinks from about
// 1 KB to about 250 bytes, so a new day writes and the first read after unlocking decrypts a quarter
// of the pages. Summaries are derived data: both tables are made again, empty, and every summary is
// recomputed on the next read (the summary format changes with them).
constexpr const char *kSchemaV11 = R"SQL(
DROP TABLE patient_summary_ahead;
DROP TABLE patient_summary;
CREATE TABLE patient_summary (
  patient_id      TEXT PRIMARY KEY,
)SQL" CAIRN_SQL_SUMMARY_COLUMNS_WITH_GAPS("BLOB NOT NULL") R"SQL(,
  computed_seq    INTEGER NOT NULL DEFAULT 0,
  measures        BLOB,
  measures_error  TEXT,
  valid_until     TEXT NOT NULL DEFAULT '',
  measures_month  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX patient_summary_by_computed_seq ON patient_summary(computed_seq);
CREATE INDEX patient_summary_by_valid_until ON patient_summary(valid_until);
CREATE TABLE patient_summary_ahead (
  patient_id      TEXT PRIMARY KEY,
  as_of           TEXT NOT NULL,
  rules           TEXT NOT NULL,
)SQL" CAIRN_SQL_SUMMARY_COLUMNS_WITH_GAPS("BLOB NOT NULL") R"SQL(,
  measures        BLOB,
  measures_error  TEXT,
  measures_month  TEXT NOT NULL,
  valid_until     TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE summary_text (
  id   INTEGER PRIMARY KEY,
  text TEXT NOT NULL
);
INSERT OR IGNORE INTO summary_dirty (patient_id) SELECT id FROM patients;
)SQL";

// Version 12: the outbox keyed by the record's seq (the integer key of `records`) instead of its id.
// Acknowledging a push batch deletes one range of integer keys, where the unique index on random
// UUIDs cost about three quarters of the delete, and reading the outbox joins `records` by its
// integer key. Order is write order, the order the server wants the sequence numbers in. Queued
// time was always the record's written_at, so it is read from `records`. Every waiting entry moves
// over; the size row is recounted from what moved.
constexpr const char *kSchemaV12 = R"SQL(
CREATE TABLE outbox_by_seq (
  record_seq INTEGER PRIMARY KEY REFERENCES records(seq)
);
INSERT INTO outbox_by_seq (record_seq) SELECT r.seq FROM outbox o JOIN records r ON r.id = o.record_id ORDER BY r.seq;
DROP TABLE outbox;
ALTER TABLE outbox_by_seq RENAME TO outbox;
UPDATE outbox_size SET pending = (SELECT count(*) FROM outbox) WHERE only_row = 1;
CREATE TRIGGER outbox_size_on_insert AFTER INSERT ON outbox
BEGIN UPDATE outbox_size SET pending = pending + 1 WHERE only_row = 1; END;
CREATE TRIGGER outbox_size_on_delete AFTER DELETE ON outbox
BEGIN UPDATE outbox_size SET pending = pending - 1 WHERE only_row = 1; END;
)SQL";

constexpr std::array kMigrations{
    Migration{1, kSchemaV1}, Migration{2, kSchemaV2},   Migration{3, kSchemaV3},   Migration{4, kSchemaV4},
    Migration{5, kSchemaV5}, Migration{6, kSchemaV6},   Migration{7, kSchemaV7},   Migration{8, kSchemaV8},
    Migration{9, kSchemaV9}, Migration{10, kSchemaV10}, Migration{11, kSchemaV11}, Migration{12, kSchemaV12},
};

#undef CAIRN_SQL_SUMMARY_COLUMNS
#undef CAIRN_SQL_SUMMARY_COLUMNS_WITH_GAPS
#undef CAIRN_SQL_RECORDS_REFUSAL
#undef CAIRN_SQL_APPEND_ONLY
#undef CAIRN_SQL_REFUSE

}  // namespace

int latestSchemaVersion()
{
    return kMigrations.back().version;
}

Status migrate(Database &db)
{
    auto current = db.scalarInt("PRAGMA user_version");
    if (!current)
        return current.error();
    if (*current > latestSchemaVersion()) {
        return Error{QString(),
                     QStringLiteral("the registry was written by a newer Cairn (schema %1; this build knows %2)")
                         .arg(*current)
                         .arg(latestSchemaVersion())};
    }
    for (const Migration &step : kMigrations) {
        if (step.version <= *current)
            continue;
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        if (auto s = db.exec(step.sql); !s)
            return Error{QString(),
                         QStringLiteral("schema step %1 failed: %2").arg(step.version).arg(s.error().message)};
        const QByteArray bump = "PRAGMA user_version = " + QByteArray::number(step.version);
        if (auto s = db.exec(bump.constData()); !s)
            return s;
        if (auto s = tx->commit(); !s)
            return s;
    }
    return ok();
}

}  // namespace cairn::storage
