#pragma once
// One SQLCipher connection. Every call goes through the C API with its return code checked:
// a key that silently fails leaves SQLCipher writing plaintext, so opening verifies the cipher is
// active and that the file on disk is not a plain SQLite file before anything is written.
// A Database belongs to one thread at a time (the registry's database thread).

#include "core/domain/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace cairn::storage {

class Database;

// A prepared statement. Binds by 1-based position; columns by 0-based index.
class Statement {
public:
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &value);
    // Text already in UTF-8 (bind(QByteArray) binds a blob): stored as it is, no QString between.
    Statement &bindText(int index, const QByteArray &utf8);
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement &bind(int index, double value);
    Statement &bindNull(int index);
    Statement &bindOptional(int index, const QString &value);  // empty string binds NULL

    // Advances; true while a row is available. Errors are kept and reported by status().
    bool next();
    // Runs to completion (for statements without rows).
    Status run();
    void reset();

    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] QByteArray blob(int column) const;
    // The column's bytes (text as UTF-8) where SQLite holds them: valid until the next step or reset.
    // Empty for NULL. For bulk readers that decode the bytes themselves (no QString per column).
    [[nodiscard]] QByteArrayView bytes(int column) const;
    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] int columnCount() const;
    [[nodiscard]] const Status &status() const { return m_status; }

private:
    friend class Database;
    Statement(Database *db, sqlite3_stmt *stmt)
        : m_db(db)
        , m_stmt(stmt)
    {}
    Database *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    Status m_status = ok();
    // Bound text and blobs stay alive here until reset, so SQLite need not copy them (one
    // allocation less per bound value on the bulk paths).
    QList<QByteArray> m_bound;
};

class Database {
public:
    enum class OpenMode {
        CreateNew,     // the file must not exist yet
        ExistingOnly,  // the file must exist; it is never created or recreated
    };

    // key: the 32-byte raw database key (never a passphrase: no KDF runs on it).
    static Result<std::unique_ptr<Database>> open(const QString &path, QByteArrayView rawKey, OpenMode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Result<Statement> prepare(const char *sql);
    // A statement prepared once per connection and reset for each use, for the hot paths (preparing
    // parses SQL and allocates). sql must be a string literal (it is the cache key).
    Result<Statement *> cached(const char *sql);
    // Resets every cached statement (a statement left mid-read blocks DROP INDEX).
    void resetCached();
    [[nodiscard]] std::int64_t lastInsertRowId() const;
    [[nodiscard]] int changes() const;  // rows changed by the last statement
    Status exec(const char *sql);       // one or more statements without results
    // Runs one statement with a single parameter once per value (e.g. acknowledging ids), prepared once.
    Status runForEach(const char *sql, const QStringList &values);
    Result<QString> scalarText(const char *sql);
    // The first column of every row, as text; `param` (when not null) is bound to the one `?`.
    Result<QStringList> textColumn(const char *sql, const QString &param = QString());
    Result<std::int64_t> scalarInt(const char *sql);

    [[nodiscard]] const QString &path() const { return m_path; }
    // Unique among the connections this process opened: a key for what is cached per connection.
    [[nodiscard]] std::uint64_t instanceId() const { return m_instanceId; }
    [[nodiscard]] QString lastError() const;
    [[nodiscard]] sqlite3 *handle() const { return m_db; }

    // Flushes the WAL into the main file (used before copying or measuring the file).
    Status checkpoint();

private:
    Database(QString path, sqlite3 *db)
        : m_path(std::move(path))
        , m_db(db)
    {}
    Status verifyEncrypted();
    QString m_path;
    sqlite3 *m_db = nullptr;
    std::uint64_t m_instanceId = nextInstanceId();
    static std::uint64_t nextInstanceId();
    std::unordered_map<const char *, std::unique_ptr<Statement>> m_cache;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() succeeds. Every write in Cairn is one of
// these, so a record, its outbox entry and its audit entry land together or not at all.
class Transaction {
public:
    static Result<Transaction> begin(Database &db);
    Transaction(Transaction &&other) noexcept
        : m_db(other.m_db)
    {
        other.m_db = nullptr;
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    Transaction &operator=(Transaction &&) = delete;
    ~Transaction();
    Status commit();

private:
    explicit Transaction(Database *db)
        : m_db(db)
    {}
    Database *m_db = nullptr;
};

// True when the first 16 bytes of the file are SQLite's plaintext header.
bool looksLikePlaintextSqlite(const QString &path);

}  // namespace cairn::storage
