// The production store: PostgreSQL through libpq. Several cairn-server processes may share one
// database; per-clinic advisory locks keep each clinic's feed committing in position order.

#include "sync/server/server_schema.h"
#include "sync/server/sql_connection.h"

#include <algorithm>
#include <libpq-fe.h>

namespace cairn::sync {
namespace {

// `?` placeholders become `$1`, `$2`, ... (no statement here has a literal question mark), and
// `@TEXT_LIST@` the texts of a JSON array.
QByteArray numbered(const char *sql, int first = 1)
{
    const QByteArray text = withTextList(sql, "SELECT json_array_elements_text(CAST(? AS json))");
    QByteArray out;
    out.reserve(text.size() + 16);
    int n = first - 1;
    for (const char c : text) {
        if (c == '?')
            out += '$' + QByteArray::number(++n);
        else
            out += c;
    }
    return out;
}

// Parameters per statement: PostgreSQL's protocol numbers them in 16 bits.
constexpr qsizetype kMaxParameters = 65535;

class PostgresConnection final : public SqlConnection {
public:
    PostgresConnection(PGconn *conn, QString description)
        : m_conn(conn)
        , m_description(std::move(description))
    {}
    ~PostgresConnection() override { PQfinish(m_conn); }
    PostgresConnection(const PostgresConnection &) = delete;
    PostgresConnection &operator=(const PostgresConnection &) = delete;

    Result<QList<SqlRow>> query(const char *sql, const QStringList &params) override
    {
        PGresult *result = run(sql, params);
        const ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            Error error{QString(), QString::fromUtf8(PQresultErrorMessage(result)).trimmed()};
            PQclear(result);
            return error;
        }
        QList<SqlRow> rows;
        for (int r = 0; r < PQntuples(result); ++r) {
            SqlRow row;
            for (int c = 0; c < PQnfields(result); ++c)
                row.append(PQgetisnull(result, r, c) ? QString() : QString::fromUtf8(PQgetvalue(result, r, c)));
            rows.append(row);
        }
        PQclear(result);
        return rows;
    }

    Status execute(const char *sql, const QStringList &params) override
    {
        auto rows = query(sql, params);
        return rows ? ok() : Status(rows.error());
    }

    // One statement per chunk of rows: the single-row VALUES tuple repeated, its parameters
    // numbered on (values stay untyped, so each takes its column's type as in the single-row form).
    Status insertRows(const char *sql, const QList<SqlTextRow> &rows) override
    {
        if (rows.isEmpty())
            return ok();
        const QByteArray single(sql);
        const qsizetype values = single.lastIndexOf("VALUES");
        const qsizetype open = single.indexOf('(', values);
        const qsizetype close = single.indexOf(')', open);
        if (values < 0 || open < 0 || close < 0 || single.left(open).contains('?') || single.mid(close).contains('?'))
            return Error{QString(), QStringLiteral("insertRows needs an INSERT ... VALUES (...) statement")};
        const QByteArray head = single.left(open);
        const QByteArray tuple = single.mid(open, close - open + 1);
        const QByteArray tail = single.mid(close + 1);
        const qsizetype columns = tuple.count('?');
        const qsizetype perStatement = std::max<qsizetype>(1, kMaxParameters / std::max<qsizetype>(1, columns));
        for (qsizetype start = 0; start < rows.size(); start += perStatement) {
            const qsizetype count = std::min(perStatement, rows.size() - start);
            QByteArray text = numbered(head.constData());
            QList<QByteArray> params;
            params.reserve(count * columns);
            for (qsizetype r = 0; r < count; ++r) {
                if (r > 0)
                    text += ", ";
                text += numbered(tuple.constData(), static_cast<int>(r * columns + 1));
                params += rows.at(start + r);
            }
            text += numbered(tail.constData());
            PGresult *result = runNumberedUtf8(text, params);
            const bool good = PQresultStatus(result) == PGRES_COMMAND_OK;
            const QString message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
            PQclear(result);
            if (!good)
                return Error{QString(), message};
        }
        return ok();
    }

    Status ensureSchema() override
    {
        PGresult *result = PQexec(m_conn, serverSchema("BIGSERIAL PRIMARY KEY", "BIGINT").constData());
        const bool good = PQresultStatus(result) == PGRES_COMMAND_OK;
        const QString message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        PQclear(result);
        return good ? ok() : Status(Error{QStringLiteral("database"), message});
    }
    Status begin() override { return execute("BEGIN ISOLATION LEVEL READ COMMITTED", {}); }
    Status commit() override { return execute("COMMIT", {}); }
    void rollback() override { (void)execute("ROLLBACK", {}); }
    Status lockClinic(const QString &clinic) override
    {
        return execute("SELECT pg_advisory_xact_lock(hashtext(?))", {clinic});
    }
    // The two-key form: a key space of its own, apart from the clinics' one-key locks.
    Status lockAuditChain() override { return execute("SELECT pg_advisory_xact_lock(1128364654, 1)", {}); }
    [[nodiscard]] QString describe() const override { return m_description; }

private:
    PGresult *run(const char *sql, const QStringList &params) { return runNumbered(numbered(sql), params); }
    PGresult *runNumbered(const QByteArray &text, const QStringList &params)
    {
        QList<QByteArray> values;
        values.reserve(params.size());
        for (const QString &p : params)
            values.append(p.isNull() ? QByteArray() : p.toUtf8());
        return runNumberedUtf8(text, values);
    }
    // Values as UTF-8 text; a null QByteArray is NULL.
    PGresult *runNumberedUtf8(const QByteArray &text, const QList<QByteArray> &values)
    {
        std::vector<const char *> pointers;
        pointers.reserve(values.size());
        for (const QByteArray &value : values)
            pointers.push_back(value.isNull() ? nullptr : value.constData());
        return PQexecParams(m_conn, text.constData(), static_cast<int>(pointers.size()), nullptr, pointers.data(),
                            nullptr, nullptr, 0);
    }
    PGconn *m_conn;
    QString m_description;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> openPostgres(const QString &url)
{
    if (!url.startsWith(QLatin1String("postgresql://")) && !url.startsWith(QLatin1String("postgres://")))
        return Error{QStringLiteral("database"), QStringLiteral("must be a postgresql:// URL")};
    PGconn *conn = PQconnectdb(url.toUtf8().constData());
    if (PQstatus(conn) != CONNECTION_OK) {
        Error error{QStringLiteral("database"), QString::fromUtf8(PQerrorMessage(conn)).trimmed()};
        PQfinish(conn);
        return error;
    }
    // Describe without the password.
    const QString description =
        QStringLiteral("PostgreSQL database %1 on %2:%3")
            .arg(QString::fromUtf8(PQdb(conn)), QString::fromUtf8(PQhost(conn)), QString::fromUtf8(PQport(conn)));
    // Warnings such as "relation already exists, skipping" are not for the operator's log.
    PQsetNoticeProcessor(
        conn, [](void *, const char *) {}, nullptr);
    return std::unique_ptr<SqlConnection>(new PostgresConnection(conn, description));
}

}  // namespace cairn::sync
