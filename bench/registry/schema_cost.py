#!/usr/bin/env python3
"""What each part of the tablet's records schema costs a bulk insert, beside a bare table.

Inserts the same rows (1,000 patients x 62 records, seeded) in one transaction into:
the bare table (the floor), the records table as core/storage/migrations.cpp declares it, each
secondary index / trigger / the heads table alone on top of it, all of them row by row (what
seeding and applying a pull page do today), and the same end state built after the load (each
index by one sort, heads and the summary dirty marks by one INSERT ... SELECT, same transaction).
Then a pull in pages, each page its own transaction (a crash may leave no committed page without
its indexes): every page row by row, only the first page in bulk, every page in bulk (indexes
dropped and rebuilt over the whole table per page), and all pages applied in one bulk transaction
(what the sync client does for a first pull: core/storage/record_store.h, BulkLoad).

Plain SQLite in memory, CPU time, best of three: no cipher and no disk, so it isolates the cost of
the schema itself from Cairn's code (the SQLCipher floor is bench/storage_floor.h). Keep the DDL in
step with core/storage/migrations.cpp.

usage: bench/registry/schema_cost.py [--patients N] [--pages N]
"""
import argparse
import json
import random
import sqlite3
import time
import uuid

RECORDS = """CREATE TABLE records (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, patient_id TEXT NOT NULL,
  kind TEXT NOT NULL, record_date TEXT, payload TEXT NOT NULL CHECK (json_valid(payload)),
  author TEXT NOT NULL, device TEXT NOT NULL, hlc TEXT NOT NULL, supersedes TEXT,
  retracted INTEGER NOT NULL DEFAULT 0, written_at TEXT NOT NULL, lineage TEXT)"""
BARE = """CREATE TABLE records (
  seq INTEGER PRIMARY KEY, id TEXT, patient_id TEXT, kind TEXT, record_date TEXT, payload TEXT,
  author TEXT, device TEXT, hlc TEXT, supersedes TEXT, retracted INTEGER, written_at TEXT, lineage TEXT)"""
SUMMARY_DIRTY = "CREATE TABLE summary_dirty (patient_id TEXT PRIMARY KEY) WITHOUT ROWID"
HEADS = [
    "CREATE TABLE heads (lineage TEXT PRIMARY KEY, record_id TEXT NOT NULL, patient_id TEXT NOT NULL, "
    "live INTEGER NOT NULL, merged_payload TEXT) WITHOUT ROWID",
    "CREATE INDEX heads_by_patient ON heads(patient_id)",
]
INDEXES = {
    "records_by_patient": "CREATE INDEX records_by_patient ON records(patient_id, kind, record_date)",
    "records_by_supersedes": "CREATE INDEX records_by_supersedes ON records(supersedes) WHERE supersedes IS NOT NULL",
    "records_by_lineage": "CREATE INDEX records_by_lineage ON records(lineage)",
    "records_by_kind_date": "CREATE INDEX records_by_kind_date ON records(kind, record_date)",
}
TRIGGER = ("CREATE TRIGGER summary_dirty_on_record AFTER INSERT ON records WHEN NEW.patient_id <> 'clinic' "
           "BEGIN INSERT OR IGNORE INTO summary_dirty (patient_id) VALUES (NEW.patient_id); END")
INSERT = ("INSERT INTO records (id, patient_id, kind, record_date, payload, author, device, hlc, supersedes, "
          "retracted, written_at, lineage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
INSERT_HEAD = "INSERT INTO heads (lineage, record_id, patient_id, live) VALUES (?, ?, ?, 1)"


def make_rows(patients):
    rng = random.Random(99)
    kinds = ["visit", "peg", "opioid", "uds", "pdmp", "screening"]
    rows = []
    for _ in range(patients):
        patient = str(uuid.UUID(int=rng.getrandbits(128)))
        for j in range(62):
            record = str(uuid.UUID(int=rng.getrandbits(128)))
            date = "2025-%02d-%02d" % (1 + j % 12, 1 + j % 28)
            payload = json.dumps({"date": date, "score": j, "note": "x" * 200})
            rows.append((record, patient, kinds[j % 6], date, payload, "u1", "dev1",
                         "0001749000000000:0000:dev1", None, 0, "2025-01-01T00:00:00.000Z", record))
    return rows


def timed(schema, rows, heads=False, after=()):
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.execute("PRAGMA cache_size = -65536")  # the registry's 64 MiB page cache
    for statement in schema:
        db.execute(statement)
    start = time.process_time()
    db.execute("BEGIN")
    db.executemany(INSERT, rows)
    if heads:
        db.executemany(INSERT_HEAD, [(r[0], r[0], r[1]) for r in rows])
    for statement in after:
        db.execute(statement)
    db.execute("COMMIT")
    return (time.process_time() - start) * 1000.0


def best(schema, rows, **kw):
    return min(timed(schema, rows, **kw) for _ in range(3))


BULK_AFTER = [
    "INSERT INTO heads (lineage, record_id, patient_id, live) SELECT lineage, id, patient_id, 1 FROM records "
    "WHERE seq > ? ORDER BY lineage",
    "INSERT OR IGNORE INTO summary_dirty SELECT DISTINCT patient_id FROM records WHERE seq > ?",
]


def paged(rows, pages, bulk_pages):
    """CPU ms to apply rows in `pages` transactions; pages in bulk_pages(p) drop and rebuild."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.execute("PRAGMA cache_size = -65536")
    for statement in [RECORDS, SUMMARY_DIRTY] + HEADS + list(INDEXES.values()) + [TRIGGER]:
        db.execute(statement)
    size = (len(rows) + pages - 1) // pages
    start = time.process_time()
    for p in range(pages):
        chunk = rows[p * size:(p + 1) * size]
        db.execute("BEGIN")
        if not bulk_pages(p):
            db.executemany(INSERT, chunk)
            db.executemany(INSERT_HEAD, [(r[0], r[0], r[1]) for r in chunk])
        else:
            for name in list(INDEXES) + ["heads_by_patient"]:
                db.execute("DROP INDEX " + name)
            db.execute("DROP TRIGGER summary_dirty_on_record")
            before = db.execute("SELECT coalesce(max(seq), 0) FROM records").fetchone()[0]
            db.executemany(INSERT, chunk)
            for statement in INDEXES.values():
                db.execute(statement)
            for statement in BULK_AFTER:
                db.execute(statement, (before,))
            db.execute(HEADS[1])
            db.execute(TRIGGER)
        db.execute("COMMIT")
    return (time.process_time() - start) * 1000.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=12)
    args = parser.parse_args()
    rows = make_rows(args.patients)
    floor = best([BARE], rows)
    base = best([RECORDS, SUMMARY_DIRTY], rows)
    print("%d rows, one transaction; CPU ms, best of 3; floor = bare table %.0f ms" % (len(rows), floor))
    print("%-58s %8s %8s" % ("schema", "ms", "x floor"))
    print("%-58s %8.0f %8.1f" % ("records as declared (seq, UNIQUE id, json CHECK)", base, base / floor))
    for name, ddl in INDEXES.items():
        ms = best([RECORDS, SUMMARY_DIRTY, ddl], rows)
        print("%-58s %8.0f %8.1f" % ("  + " + name + " alone", ms, ms / floor))
    ms = best([RECORDS, SUMMARY_DIRTY, TRIGGER], rows)
    print("%-58s %8.0f %8.1f" % ("  + summary_dirty trigger alone", ms, ms / floor))
    ms = best([RECORDS, SUMMARY_DIRTY] + HEADS, rows, heads=True)
    print("%-58s %8.0f %8.1f" % ("  + heads row per record alone", ms, ms / floor))
    full = [RECORDS, SUMMARY_DIRTY] + list(INDEXES.values()) + [TRIGGER] + HEADS
    ms = best(full, rows, heads=True)
    print("%-58s %8.0f %8.1f" % ("all of it, row by row (seed / pull page today)", ms, ms / floor))
    after = list(INDEXES.values()) + [
        "INSERT INTO heads (lineage, record_id, patient_id, live) SELECT lineage, id, patient_id, 1 FROM records",
        "INSERT OR IGNORE INTO summary_dirty SELECT DISTINCT patient_id FROM records",
    ]
    ms = best([RECORDS, SUMMARY_DIRTY] + HEADS, rows, after=after)
    print("%-58s %8.0f %8.1f" % ("the same end state, indexes/heads/marks built after", ms, ms / floor))
    n = args.pages
    for label, bulk_pages, pages in [
        ("%d pages, each row by row" % n, lambda p: False, n),
        ("%d pages, only the first in bulk" % n, lambda p: p == 0, n),
        ("%d pages, each in bulk (rebuilt per page)" % n, lambda p: True, n),
        ("the %d pages in one bulk transaction" % n, lambda p: True, 1),
    ]:
        ms = min(paged(rows, pages, bulk_pages) for _ in range(3))
        print("%-58s %8.0f %8.1f" % (label, ms, ms / floor))


if __name__ == "__main__":
    main()
