#pragma once
// The server's stores speak SQL through this small interface, so the sync logic is written once
// and behaves the same on the embedded file store (SQLCipher) and on PostgreSQL. Statements use
// `?` placeholders; values and results travel as text (null as a null QString).

#include "core/domain/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace cairn::sync {

using SqlRow = QStringList;

class SqlConnection {
public:
    virtual ~SqlConnection() = default;
    virtual Result<QList<SqlRow>> query(const char *sql, const QStringList &params) = 0;
    virtual Status execute(const char *sql, const QStringList &params) = 0;
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

// "postgresql://..." opens PostgreSQL; anything else is an error naming "database".
Result<std::unique_ptr<SqlConnection>> openPostgres(const QString &url);
// The embedded store: an encrypted SQLCipher file in dataDir, its key in the keystore.
Result<std::unique_ptr<SqlConnection>> openFileStore(const QString &dataDir);

}  // namespace cairn::sync
