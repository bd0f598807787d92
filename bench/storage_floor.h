#pragma once
// The physical floor the registry's bulk paths are measured against: a bare SQLCipher insert of the
// same record rows (same build, same pragmas: Database::open), in one transaction through one
// prepared statement, into a fresh file with a plain table and no index or trigger. Whatever Cairn
// adds on top (validation, indexes, the outbox, audit, per-patient summaries, JSON) is the ratio a
// bench prints beside it.

#include "core/storage/database.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QString>

#include <array>
#include <cstdio>
#include <cstdlib>

namespace cairn::bench {

struct RecordRows {
    static constexpr int kColumns = 10;
    QList<std::array<QByteArray, kColumns>> rows;
    qint64 payloadBytes = 0;
};

// Every record row of a registry's file, as the bytes stored.
inline RecordRows readRecordRows(storage::Database &db)
{
    RecordRows out;
    auto stmt = db.prepare("SELECT id, patient_id, kind, coalesce(record_date, ''), payload, author, device, hlc, "
                           "coalesce(supersedes, ''), written_at FROM records ORDER BY seq");
    if (!stmt)
        std::abort();
    while (stmt->next()) {
        std::array<QByteArray, RecordRows::kColumns> row;
        for (int c = 0; c < RecordRows::kColumns; ++c)
            row[static_cast<std::size_t>(c)] = stmt->text(c).toUtf8();
        out.payloadBytes += row[4].size();
        out.rows.append(std::move(row));
    }
    return out;
}

// Milliseconds to insert `rows` into a fresh SQLCipher file in `dir` (the file is removed after).
// `memorySecurity` turns SQLCipher's cipher_memory_security on, to show what Cairn saves by leaving
// it off (docs/security.md).
inline double bareBulkInsertMs(const RecordRows &rows, const QString &dir, bool memorySecurity = false)
{
    const QString path = dir + QStringLiteral("/floor-%1.db").arg(QString::number(rows.rows.size()));
    const QByteArray key(32, '\x5a');
    auto db = storage::Database::open(path, key, storage::Database::OpenMode::CreateNew);
    if (!db || !(*db)->exec("CREATE TABLE records (seq INTEGER PRIMARY KEY, id TEXT, patient_id TEXT, kind TEXT, "
                            "record_date TEXT, payload TEXT, author TEXT, device TEXT, hlc TEXT, supersedes TEXT, "
                            "written_at TEXT)")) {
        std::fprintf(stderr, "bench: cannot create the floor's file\n");
        std::abort();
    }
    if (memorySecurity && !(*db)->exec("PRAGMA cipher_memory_security = ON"))
        std::abort();
    QElapsedTimer timer;
    timer.start();
    if (!(*db)->exec("BEGIN IMMEDIATE"))
        std::abort();
    auto insert = (*db)->prepare("INSERT INTO records (id, patient_id, kind, record_date, payload, author, device, "
                                 "hlc, supersedes, written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto &row : rows.rows) {
        for (int c = 0; c < RecordRows::kColumns; ++c)
            insert->bind(c + 1, row[static_cast<std::size_t>(c)]);
        if (!insert->run())
            std::abort();
        insert->reset();
    }
    if (!(*db)->exec("COMMIT"))
        std::abort();
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    db->reset();
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    return ms;
}

}  // namespace cairn::bench
