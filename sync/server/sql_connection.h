#pragma once
// The server's stores speak SQL through this small interface, so the sync logic is written once
// and behaves the same on the embedded file store (SQLCipher) and on PostgreSQL. Statements use
// `?` placeholders; values and results travel as text (null as a null QString).
//
// A statement reads a list of texts from one parameter with `@TEXT_LIST@`, which stands for a
// one-column set of the strings of a JSON array bound at that `?`, e.g.
// `SELECT clinic FROM changes WHERE id IN (@TEXT_LIST@)` bound to `["id1","id2"]` (textList()):
// one statement for a whole batch's lookups, not one per record, on both backends.

#include "core/domain/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace cairn::sync {

using SqlRow = QStringList;
using SqlTextRow = QList<QByteArray>;

class SqlConnection {
public:
    virtual ~SqlConnection() = default;
    virtual Result<QList<SqlRow>> query(const char *sql, const QStringList &params) = 0;
    virtual Status execute(const char *sql, const QStringList &params) = 0;
    // Runs one single-row `INSERT ... VALUES (?, ...)` for every row of params, in the caller's
    // transaction, as few statements as the backend allows (the file store steps one prepared
    // statement per row; PostgreSQL sends multi-row VALUES, one round trip per thousands of rows).
    // Values are UTF-8 text (a null QByteArray is NULL): a push batch's records are written as UTF-8
    // and stored as they are, never converted to QString and back.
    virtual Status insertRows(const char *sql, const QList<SqlTextRow> &rows) = 0;
    // Creates the tables when missing (each backend has its own DDL).
    virtual Status ensureSchema() = 0;
    virtual Status begin() = 0;
    virtual Status commit() = 0;
    virtual void rollback() = 0;
    // Serializes writers of one clinic's feed until the transaction ends, so positions become
    // visible in order and a pull never skips a change that commits later with a lower position.
    virtual Status lockClinic(const QString &clinic) = 0;
    // Serializes appends to the server's audit chain until the transaction ends, across every
    // process sharing the store, so no two entries take the same seq. Take it after any clinic lock.
    virtual Status lockAuditChain() = 0;
    [[nodiscard]] virtual QString describe() const = 0;
};

// The text of the `?` that `@TEXT_LIST@` reads: the texts as a JSON array.
QString textList(const QStringList &texts);
// The statement with `@TEXT_LIST@` written out for a backend: `list` is what stands for it, with
// the one `?` it reads (e.g. kSqliteTextList).
QByteArray withTextList(const char *sql, const char *list);
// What stands for `@TEXT_LIST@` in the file store (SQLite).
inline constexpr char kSqliteTextList[] = "SELECT value FROM json_each(?)";

// "postgresql://..." opens PostgreSQL; anything else is an error naming "database".
Result<std::unique_ptr<SqlConnection>> openPostgres(const QString &url);
// The embedded store: an encrypted SQLCipher file in dataDir, its key in the keystore.
Result<std::unique_ptr<SqlConnection>> openFileStore(const QString &dataDir);

}  // namespace cairn::sync
