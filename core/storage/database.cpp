#include "core/storage/database.h"

#include <atomic>
#include <cstring>

#define SQLITE_HAS_CODEC 1
#include <QFile>
#include <QFileInfo>

#include <sodium.h>
#include <sqlcipher/sqlite3.h>

namespace cairn::storage {
namespace {

constexpr int kRawKeySize = 32;

Error sqliteError(sqlite3 *db, const QString &what)
{
    return {QString(), what + QStringLiteral(": ") + QString::fromUtf8(db ? sqlite3_errmsg(db) : "out of memory")};
}

// The key pragma's raw form, x'<64 hex digits>', built in locked memory and wiped afterwards.
class RawKeyLiteral {
public:
    explicit RawKeyLiteral(QByteArrayView key)
    {
        m_size = 3 + kRawKeySize * 2;
        m_text = static_cast<char *>(sodium_malloc(static_cast<size_t>(m_size) + 1));
        if (!m_text)
            return;
        m_text[0] = 'x';
        m_text[1] = '\'';
        sodium_bin2hex(m_text + 2, kRawKeySize * 2 + 1, reinterpret_cast<const unsigned char *>(key.constData()),
                       kRawKeySize);
        m_text[m_size - 1] = '\'';
        m_text[m_size] = '\0';
    }
    ~RawKeyLiteral() { sodium_free(m_text); }
    RawKeyLiteral(const RawKeyLiteral &) = delete;
    RawKeyLiteral &operator=(const RawKeyLiteral &) = delete;
    [[nodiscard]] const char *data() const { return m_text; }
    [[nodiscard]] int size() const { return m_size; }

private:
    char *m_text = nullptr;
    int m_size = 0;
};

}  // namespace

bool looksLikePlaintextSqlite(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, QByteArrayView rawKey, OpenMode mode)
{
    if (sodium_init() < 0)
        return Error{QString(), QStringLiteral("libsodium failed to initialise")};
    if (rawKey.size() != kRawKeySize)
        return Error{QStringLiteral("key"), QStringLiteral("the database key must be 32 bytes")};
    const QFileInfo info(path);
    if (mode == OpenMode::ExistingOnly && !info.exists())
        return Error{QStringLiteral("db"), QStringLiteral("no registry at %1").arg(path)};
    if (mode == OpenMode::CreateNew && info.exists())
        return Error{QStringLiteral("db"), QStringLiteral("%1 already exists; refusing to overwrite it").arg(path)};
    if (mode == OpenMode::ExistingOnly && looksLikePlaintextSqlite(path))
        return Error{QStringLiteral("db"),
                     QStringLiteral("%1 is an unencrypted SQLite file, not a Cairn registry").arg(path)};

    sqlite3 *raw = nullptr;
    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (mode == OpenMode::CreateNew ? SQLITE_OPEN_CREATE : 0);
    const QByteArray nativePath = QFile::encodeName(path);
    if (sqlite3_open_v2(nativePath.constData(), &raw, flags, nullptr) != SQLITE_OK) {
        Error error = sqliteError(raw, QStringLiteral("cannot open %1").arg(path));
        sqlite3_close(raw);
        return error;
    }
    std::unique_ptr<Database> db(new Database(path, raw));
    // Owner-only from the first byte; SQLite gives the WAL and shared-memory files the same mode.
    if (mode == OpenMode::CreateNew)
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // SQLCipher reports decryption failures on stderr by default; we report them ourselves.
    (void)db->exec("PRAGMA cipher_log_level = NONE");

    {
        const RawKeyLiteral literal(rawKey);
        if (!literal.data())
            return Error{QString(), QStringLiteral("cannot allocate locked memory for the key")};
        if (sqlite3_key(raw, literal.data(), literal.size()) != SQLITE_OK)
            return sqliteError(raw, QStringLiteral("cannot set the database key"));
    }
    auto version = db->scalarText("PRAGMA cipher_version");
    if (!version || version->isEmpty())
        return Error{QString(),
                     QStringLiteral("SQLCipher is not active in this build; refusing to store data unencrypted")};

    // Reading the schema is the first access that decrypts a page: a wrong key fails here, before
    // any pragma or statement could write to the file.
    auto readable = db->scalarInt("SELECT count(*) FROM sqlite_master");
    if (!readable) {
        return Error{QStringLiteral("key"), QStringLiteral("the registry could not be decrypted with this key")};
    }

    // Temporary tables and indexes never touch the disk; writes survive power loss; foreign keys
    // hold. cipher_memory_security stays off (SQLCipher's default since 4.5): it makes every SQLite
    // allocation an mlock/munlock pair and a wipe, several times slower on bulk writes, and guards
    // only freed memory of a running, unlocked process, which holds the key anyway. The keys live in
    // libsodium's guarded memory instead, and locking closes the connection (docs/security.md).
    // A 64 MiB page cache holds the random-keyed indexes (record ids, lineages) of a 10,000-patient
    // clinic: with 16 MiB, seeding 5,000 patients took 47 s instead of 20 s, every evicted page
    // being decrypted again on its next touch.
    const char *setup = "PRAGMA cipher_memory_security = OFF;"
                        "PRAGMA temp_store = MEMORY;"
                        "PRAGMA foreign_keys = ON;"
                        "PRAGMA secure_delete = ON;"
                        "PRAGMA busy_timeout = 5000;"
                        "PRAGMA cache_size = -65536;";
    if (auto s = db->exec(setup); !s)
        return s.error();
    auto journal = db->scalarText("PRAGMA journal_mode = WAL");
    if (!journal || journal->compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return Error{QString(), QStringLiteral("cannot switch the registry to write-ahead logging")};
    if (auto s = db->exec("PRAGMA synchronous = FULL"); !s)
        return s.error();

    if (auto s = db->verifyEncrypted(); !s)
        return s.error();
    return db;
}

Status Database::verifyEncrypted()
{
    // A new database has no pages until something is written; force the header page out first.
    if (QFileInfo(m_path).size() == 0) {
        if (auto s = exec("CREATE TABLE IF NOT EXISTS cairn_probe(x); DROP TABLE cairn_probe;"); !s)
            return s;
        if (auto s = checkpoint(); !s)
            return s;
    }
    // Read the header through SQLite's own file handle: opening and closing another descriptor
    // on the file would drop every POSIX lock this process holds on it, and another process
    // (cairn-server's operator commands) could then delete the WAL under our feet.
    sqlite3_file *file = nullptr;
    if (sqlite3_file_control(m_db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file || !file->pMethods)
        return Error{QString(), QStringLiteral("cannot inspect the registry file")};
    char header[16] = {};
    const int rc = file->pMethods->xRead(file, header, sizeof header, 0);
    if (rc == SQLITE_OK && std::memcmp(header, "SQLite format 3\0", sizeof header) == 0)
        return Error{QString(), QStringLiteral("the registry file is not encrypted; refusing to use it")};
    return ok();
}

Database::~Database()
{
    m_cache.clear();  // statements before the connection
    if (m_db)
        sqlite3_close_v2(m_db);
}

QString Database::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

Result<Statement> Database::prepare(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return sqliteError(m_db, QStringLiteral("cannot prepare a statement"));
    return Statement(this, stmt);
}

std::uint64_t Database::nextInstanceId()
{
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

Result<Statement *> Database::cached(const char *sql)
{
    auto found = m_cache.find(sql);
    if (found != m_cache.end()) {
        found->second->reset();
        return found->second.get();
    }
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    auto owned = std::make_unique<Statement>(std::move(stmt).value());
    Statement *raw = owned.get();
    m_cache.emplace(sql, std::move(owned));
    return raw;
}

void Database::resetCached()
{
    for (auto &entry : m_cache)
        entry.second->reset();
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Status Database::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        Error error{QString(), QString::fromUtf8(message ? message : sqlite3_errmsg(m_db))};
        sqlite3_free(message);
        return error;
    }
    return ok();
}

Result<QString> Database::scalarText(const char *sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (!stmt->next())
        return stmt->status() ? Result<QString>(QString()) : Result<QString>(stmt->status().error());
    return stmt->text(0);
}

Result<QStringList> Database::textColumn(const char *sql, const QString &param)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (!param.isNull())
        stmt->bind(1, param);
    QStringList values;
    while (stmt->next())
        values.append(stmt->text(0));
    if (!stmt->status())
        return stmt->status().error();
    return values;
}

Status Database::runForEach(const char *sql, const QStringList &values)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    for (const QString &value : values) {
        stmt->reset();
        stmt->bind(1, value);
        if (auto s = stmt->run(); !s)
            return s;
    }
    return ok();
}

Result<std::int64_t> Database::scalarInt(const char *sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (!stmt->next())
        return stmt->status() ? Result<std::int64_t>(std::int64_t{0}) : Result<std::int64_t>(stmt->status().error());
    return stmt->integer(0);
}

Status Database::checkpoint()
{
    int logFrames = 0;
    int checkpointed = 0;
    if (sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed) != SQLITE_OK)
        return sqliteError(m_db, QStringLiteral("checkpoint failed"));
    return ok();
}

// --- Statement ---------------------------------------------------------------------------------

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db)
    , m_stmt(other.m_stmt)
    , m_status(std::move(other.m_status))
    , m_bound(std::move(other.m_bound))
{
    other.m_stmt = nullptr;
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        m_status = std::move(other.m_status);
        m_bound = std::move(other.m_bound);
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, const QString &value)
{
    m_bound.append(value.toUtf8());
    const QByteArray &utf8 = m_bound.constLast();
    if (sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_STATIC) != SQLITE_OK)
        m_status = sqliteError(m_db->handle(), QStringLiteral("cannot bind a value"));
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &value)
{
    m_bound.append(value);
    if (sqlite3_bind_blob(m_stmt, index, m_bound.constLast().constData(), static_cast<int>(value.size()),
                          SQLITE_STATIC) != SQLITE_OK)
        m_status = sqliteError(m_db->handle(), QStringLiteral("cannot bind a value"));
    return *this;
}

Statement &Statement::bindText(int index, const QByteArray &utf8)
{
    m_bound.append(utf8);
    const QByteArray &kept = m_bound.constLast();
    if (sqlite3_bind_text(m_stmt, index, kept.constData(), static_cast<int>(kept.size()), SQLITE_STATIC) != SQLITE_OK)
        m_status = sqliteError(m_db->handle(), QStringLiteral("cannot bind a value"));
    return *this;
}

Statement &Statement::bind(int index, std::int64_t value)
{
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        m_status = sqliteError(m_db->handle(), QStringLiteral("cannot bind a value"));
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK)
        m_status = sqliteError(m_db->handle(), QStringLiteral("cannot bind a value"));
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK)
        m_status = sqliteError(m_db->handle(), QStringLiteral("cannot bind a value"));
    return *this;
}

Statement &Statement::bindOptional(int index, const QString &value)
{
    return value.isEmpty() ? bindNull(index) : bind(index, value);
}

bool Statement::next()
{
    if (!m_status)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_status = sqliteError(m_db->handle(), QStringLiteral("statement failed"));
    return false;
}

Status Statement::run()
{
    while (next()) {
    }
    return m_status;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bound.clear();
    m_status = ok();
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return data ? QByteArray(data, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

QByteArrayView Statement::bytes(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// --- Transaction -------------------------------------------------------------------------------

Result<Transaction> Transaction::begin(Database &db)
{
    if (auto s = db.exec("BEGIN IMMEDIATE"); !s)
        return s.error();
    return Transaction(&db);
}

Transaction::~Transaction()
{
    if (m_db)
        (void)m_db->exec("ROLLBACK");
}

Status Transaction::commit()
{
    Database *db = m_db;
    m_db = nullptr;
    if (auto s = db->exec("COMMIT"); !s) {
        (void)db->exec("ROLLBACK");
        return s;
    }
    return ok();
}

}  // namespace cairn::storage
