#include "sync/server/server_audit.h"

#include "core/storage/audit_chain.h"

#include <QDateTime>

namespace cairn::sync {
namespace {

QString optionalNumber(const std::optional<std::int64_t> &n)
{
    return n ? QString::number(*n) : QString();
}

// Claimed ids and typed names come from the network: bounded, and without control characters
// (PostgreSQL refuses NUL in text; a newline would split a line of `audit list`).
QString bounded(const QString &text)
{
    constexpr qsizetype kMaxChars = 200;
    QString clean = text.left(kMaxChars);
    for (QChar &c : clean) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char('?');
    }
    return clean;
}

// The columns the hash covers, in order (after seq, before prev_hash).
constexpr const char *kSelectRows =
    "SELECT seq, at, event, clinic, device, user_name, applied, duplicates, refused, sent, reason, prev_hash, hash "
    "FROM server_audit WHERE seq > ? ORDER BY seq LIMIT 1000";

QStringList hashedFields(const SqlRow &row)
{
    return row.mid(1, 10);
}

Result<std::pair<std::int64_t, QString>> readHead(SqlConnection &db)
{
    auto rows = db.query("SELECT value FROM meta WHERE key = 'server_audit_head'", {});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::pair<std::int64_t, QString>{0, storage::auditGenesisHash()};
    const QString value = rows->first().first();
    const qsizetype colon = value.indexOf(QLatin1Char(':'));
    return std::pair<std::int64_t, QString>{value.left(colon).toLongLong(), value.mid(colon + 1)};
}

}  // namespace

QString toString(ServerAuditEvent event)
{
    switch (event) {
    case ServerAuditEvent::EnrollmentCode:
        return QStringLiteral("enrollment_code");
    case ServerAuditEvent::Enrolled:
        return QStringLiteral("enrolled");
    case ServerAuditEvent::Revoked:
        return QStringLiteral("revoked");
    case ServerAuditEvent::NewEpoch:
        return QStringLiteral("new_epoch");
    case ServerAuditEvent::UserAdded:
        return QStringLiteral("user_added");
    case ServerAuditEvent::UserRemoved:
        return QStringLiteral("user_removed");
    case ServerAuditEvent::UserUnlocked:
        return QStringLiteral("user_unlocked");
    case ServerAuditEvent::SignIn:
        return QStringLiteral("sign_in");
    case ServerAuditEvent::SignInFailed:
        return QStringLiteral("sign_in_failed");
    case ServerAuditEvent::LockedOut:
        return QStringLiteral("locked_out");
    case ServerAuditEvent::Push:
        return QStringLiteral("push");
    case ServerAuditEvent::Pull:
        return QStringLiteral("pull");
    case ServerAuditEvent::RefusedBadRecord:
        return QStringLiteral("refused_bad_record");
    case ServerAuditEvent::RefusedBadRequest:
        return QStringLiteral("refused_bad_request");
    case ServerAuditEvent::RefusedRateLimited:
        return QStringLiteral("refused_rate_limited");
    case ServerAuditEvent::RefusedUnauthenticated:
        return QStringLiteral("refused_unauthenticated");
    case ServerAuditEvent::RefusedRevoked:
        return QStringLiteral("refused_revoked");
    case ServerAuditEvent::RefusedEnrollment:
        return QStringLiteral("refused_enrollment");
    case ServerAuditEvent::RefusedLockedOut:
        return QStringLiteral("refused_locked_out");
    case ServerAuditEvent::RefusedHttp:
        return QStringLiteral("refused_http");
    case ServerAuditEvent::SetAsideOnRecheck:
        return QStringLiteral("set_aside_on_recheck");
    }
    return QStringLiteral("unknown");
}

Status ServerAuditTrail::append(const ServerAuditEntry &entry)
{
    // Taken last in the transaction and held only for the two writes below, so other processes'
    // requests wait on the chain as briefly as possible.
    if (auto s = m_db.lockAuditChain(); !s)
        return s;
    auto head = readHead(m_db);
    if (!head)
        return head.error();
    const auto [lastSeq, lastHash] = *head;
    const std::int64_t seq = lastSeq + 1;
    const QStringList fields{QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                             toString(entry.event),
                             bounded(entry.clinic),
                             bounded(entry.device),
                             bounded(entry.userName),
                             optionalNumber(entry.applied),
                             optionalNumber(entry.duplicates),
                             optionalNumber(entry.refused),
                             optionalNumber(entry.sent),
                             bounded(entry.reason)};
    const QString hash = storage::chainedEntryHash(seq, fields, lastHash);
    QStringList values{QString::number(seq)};
    for (const QString &field : fields)
        values.append(field.isEmpty() ? QString() : field);  // empty is stored as null
    values << lastHash << hash;
    if (auto s = m_db.execute("INSERT INTO server_audit (seq, at, event, clinic, device, user_name, applied, "
                              "duplicates, refused, sent, reason, prev_hash, hash) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              values);
        !s)
        return s;
    return m_db.execute("INSERT INTO meta (key, value) VALUES ('server_audit_head', ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        {QString::number(seq) + QLatin1Char(':') + hash});
}

Status ServerAuditTrail::appendAlone(const ServerAuditEntry &entry)
{
    if (auto s = m_db.begin(); !s)
        return s;
    Status written = append(entry);
    if (written)
        written = m_db.commit();
    if (!written)
        m_db.rollback();
    return written;
}

Result<storage::AuditVerification> ServerAuditTrail::verify()
{
    // Servers may append while this reads (it holds no lock): the head is read before and after
    // the rows. Every entry up to the first head must be there and end at its hash (nothing
    // removed); entries appended meanwhile must chain on; no entry may lie beyond the second head
    // (nothing inserted past it).
    auto headBefore = readHead(m_db);
    if (!headBefore)
        return headBefore.error();
    storage::AuditVerification result;
    auto fail = [&result](std::int64_t seq, const QString &problem) {
        result.intact = false;
        result.firstBadSeq = seq;
        result.problem = problem;
        return result;
    };
    std::int64_t expectedSeq = 1;
    QString previousHash = storage::auditGenesisHash();
    for (;;) {
        // In pages, so a long trail is never in memory at once.
        auto rows = m_db.query(kSelectRows, {QString::number(expectedSeq - 1)});
        if (!rows)
            return rows.error();
        for (const SqlRow &row : *rows) {
            const std::int64_t seq = row.at(0).toLongLong();
            ++result.entries;
            if (seq != expectedSeq)
                return fail(expectedSeq, QStringLiteral("entry %1 is missing").arg(expectedSeq));
            if (row.at(11) != previousHash)
                return fail(seq, QStringLiteral("entry %1 does not follow the entry before it").arg(seq));
            if (storage::chainedEntryHash(seq, hashedFields(row), row.at(11)) != row.at(12))
                return fail(seq, QStringLiteral("entry %1 was altered after it was written").arg(seq));
            if (seq == headBefore->first && row.at(12) != headBefore->second)
                return fail(seq, QStringLiteral("entry %1 is not the one the chain's head records").arg(seq));
            previousHash = row.at(12);
            ++expectedSeq;
        }
        if (rows->isEmpty())
            break;
    }
    const std::int64_t lastSeq = expectedSeq - 1;
    if (lastSeq < headBefore->first)
        return fail(expectedSeq, QStringLiteral("the newest entries (after %1) were removed").arg(lastSeq));
    auto headAfter = readHead(m_db);
    if (!headAfter)
        return headAfter.error();
    if (lastSeq > headAfter->first)
        return fail(headAfter->first + 1,
                    QStringLiteral("entry %1 lies beyond the chain's head (inserted)").arg(headAfter->first + 1));
    if (lastSeq == headAfter->first && previousHash != headAfter->second)
        return fail(lastSeq, QStringLiteral("entry %1 is not the one the chain's head records").arg(lastSeq));
    return result;
}

Result<QList<ServerAuditRow>> ServerAuditTrail::list(const ServerAuditFilter &filter)
{
    // Stored times are all UTC ISODateWithMs, so as text they compare in time order.
    const QString limit = filter.limit > 0 ? QString::number(filter.limit) : QStringLiteral("9223372036854775807");
    auto rows = m_db.query("SELECT seq, at, event, clinic, device, user_name, applied, duplicates, refused, sent, "
                           "reason FROM server_audit WHERE at >= ? AND (CAST(? AS TEXT) = '' OR clinic = ?) "
                           "ORDER BY seq DESC LIMIT ?",
                           {filter.since.isNull() ? QStringLiteral("") : filter.since,
                            filter.clinic.isNull() ? QStringLiteral("") : filter.clinic,
                            filter.clinic.isNull() ? QStringLiteral("") : filter.clinic, limit});
    if (!rows)
        return rows.error();
    QList<ServerAuditRow> entries;
    for (auto it = rows->crbegin(); it != rows->crend(); ++it) {
        const SqlRow &r = *it;
        entries.append({r.at(0).toLongLong(), r.at(1), r.at(2), r.at(3), r.at(4), r.at(5), r.at(6), r.at(7), r.at(8),
                        r.at(9), r.at(10)});
    }
    return entries;
}

}  // namespace cairn::sync
