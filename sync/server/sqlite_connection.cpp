// The embedded file store: one SQLCipher database in the server's data directory, opened through
// the same storage layer as the tablets (verified encryption, owner-only files). Its 256-bit key
// lives in the keystore (CAIRN_KEYSTORE), never beside the file.

#include "core/keys/secret_bytes.h"
#include "core/storage/database.h"
#include "platform/keystore.h"
#include "sync/server/server_schema.h"
#include "sync/server/sql_connection.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

#include <cstring>
#include <unordered_map>

namespace cairn::sync {
namespace {

class SqliteConnection final : public SqlConnection {
public:
    explicit SqliteConnection(std::unique_ptr<storage::Database> db)
        : m_db(std::move(db))
    {}

    // Statements are string literals, so they are prepared once and cached by address.
    Result<QList<SqlRow>> query(const char *sql, const QStringList &params) override
    {
        auto cached = m_db->cached(resolved(sql));
        if (!cached)
            return cached.error();
        storage::Statement &stmt = **cached;
        bind(stmt, params);
        QList<SqlRow> rows;
        while (stmt.next()) {
            SqlRow row;
            const int columns = stmt.columnCount();
            for (int c = 0; c < columns; ++c)
                row.append(stmt.isNull(c) ? QString() : stmt.text(c));
            rows.append(row);
        }
        Status status = stmt.status();
        stmt.reset();  // no statement stays open between requests
        if (!status)
            return status.error();
        return rows;
    }

    Status execute(const char *sql, const QStringList &params) override
    {
        auto cached = m_db->cached(resolved(sql));
        if (!cached)
            return cached.error();
        bind(**cached, params);
        Status status = (*cached)->run();
        (*cached)->reset();
        return status;
    }

    // In-process, a prepared statement stepped once per row is as cheap as SQLite inserts get.
    Status insertRows(const char *sql, const QList<SqlTextRow> &rows) override
    {
        auto cached = m_db->cached(resolved(sql));
        if (!cached)
            return cached.error();
        for (const SqlTextRow &row : rows) {
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (row.at(i).isNull())
                    (*cached)->bindNull(static_cast<int>(i + 1));
                else
                    (*cached)->bindText(static_cast<int>(i + 1), row.at(i));
            }
            Status status = (*cached)->run();
            (*cached)->reset();
            if (!status)
                return status;
        }
        return ok();
    }

    Status ensureSchema() override
    {
        return m_db->exec(serverSchema("INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER").constData());
    }
    Status begin() override { return m_db->exec("BEGIN IMMEDIATE"); }
    Status commit() override { return m_db->exec("COMMIT"); }
    void rollback() override { (void)m_db->exec("ROLLBACK"); }
    // BEGIN IMMEDIATE already makes this process the only writer.
    Status lockClinic(const QString &) override { return ok(); }
    Status lockAuditChain() override { return ok(); }
    [[nodiscard]] QString describe() const override { return QStringLiteral("file store %1").arg(m_db->path()); }

private:
    // The statement as SQLite reads it: `@TEXT_LIST@` written out once per literal, kept for the
    // connection's life (the statement cache is keyed by the text's address).
    const char *resolved(const char *sql)
    {
        if (!std::strstr(sql, "@TEXT_LIST@"))
            return sql;
        auto found = m_resolved.find(sql);
        if (found == m_resolved.end())
            found = m_resolved.emplace(sql, withTextList(sql, kSqliteTextList)).first;
        return found->second.constData();
    }
    static void bind(storage::Statement &stmt, const QStringList &params)
    {
        for (qsizetype i = 0; i < params.size(); ++i) {
            if (params.at(i).isNull())
                stmt.bindNull(static_cast<int>(i + 1));
            else
                stmt.bind(static_cast<int>(i + 1), params.at(i));
        }
    }
    std::unique_ptr<storage::Database> m_db;
    std::unordered_map<const char *, QByteArray> m_resolved;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> openFileStore(const QString &dataDir)
{
    if (dataDir.isEmpty())
        return Error{QStringLiteral("data"), QStringLiteral("is required (a directory for the server's store)")};
    if (!QDir().mkpath(dataDir))
        return Error{QStringLiteral("data"), QStringLiteral("cannot create %1").arg(dataDir)};
    QFile::setPermissions(dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto keystore = platform::keystoreFromEnvironment();
    if (!keystore)
        return keystore.error();
    const QString path = QDir(dataDir).absoluteFilePath(QStringLiteral("server.db"));
    // One key per store, named after its absolute path so several stores can share a keystore.
    const QString keyName =
        QStringLiteral("server-store-") +
        QString::fromLatin1(QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
    auto stored = (*keystore)->read(keyName);
    if (!stored)
        return stored.error();
    const bool exists = QFileInfo::exists(path);
    if (exists && !stored->has_value())
        return Error{QStringLiteral("data"), QStringLiteral("the keystore has no key for %1").arg(path)};
    QByteArray key;
    if (stored->has_value()) {
        key = **stored;
    } else {
        keys::SecretBytes fresh = keys::SecretBytes::random(32);
        key = QByteArray(reinterpret_cast<const char *>(fresh.data()), 32);
        if (auto s = (*keystore)->write(keyName, key); !s)
            return s.error();
    }
    auto db = storage::Database::open(
        path, key, exists ? storage::Database::OpenMode::ExistingOnly : storage::Database::OpenMode::CreateNew);
    key.fill('\0');
    if (!db)
        return db.error();
    // The write-ahead log is copied into the file every 8,192 pages (32 MiB) instead of SQLite's
    // 1,000: a push batch of 5,000 records rewrites most pages of the random-keyed id indexes, and
    // a checkpoint after nearly every batch copied those pages (read, write, fdatasync) each time:
    // a third of a first push's commits, 60% less with this. Durability is the WAL's (synchronous
    // = FULL, set by storage::Database): an acknowledged push is on disk before the reply,
    // checkpointed or not.
    if (auto s = (*db)->exec("PRAGMA wal_autocheckpoint = 8192"); !s)
        return s.error();
    return std::unique_ptr<SqlConnection>(new SqliteConnection(std::move(db).value()));
}

}  // namespace cairn::sync
