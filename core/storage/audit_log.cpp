#include "core/storage/audit_log.h"

#include "core/storage/audit_chain.h"
#include "core/storage/database.h"

namespace cairn::storage {
namespace {

Result<std::pair<std::int64_t, QString>> readHead(Database &db)
{
    auto cachedStmt = db.cached("SELECT value FROM meta WHERE key = 'audit_head'");
    if (!cachedStmt)
        return cachedStmt.error();
    Statement *stmt = *cachedStmt;
    if (!stmt->next()) {
        if (!stmt->status())
            return stmt->status().error();
        return std::pair<std::int64_t, QString>{0, auditGenesisHash()};
    }
    const QString value = stmt->text(0);
    stmt->reset();
    const qsizetype colon = value.indexOf(QLatin1Char(':'));
    return std::pair<std::int64_t, QString>{value.left(colon).toLongLong(), value.mid(colon + 1)};
}

}  // namespace

Status AuditLog::append(const AuditEvent &event)
{
    auto head = readHead(m_db);
    if (!head)
        return head.error();
    const auto [lastSeq, lastHash] = *head;
    const std::int64_t seq = lastSeq + 1;
    const QString at = event.at.toUTC().toString(Qt::ISODateWithMs);
    const QString hash = chainedEntryHash(
        seq, {at, event.userId, event.action, event.patientId, event.recordId, event.detail}, lastHash);

    auto insert =
        m_db.cached("INSERT INTO audit (seq, at, user_id, action, patient_id, record_id, detail, prev_hash, hash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    (*insert)->bind(1, seq).bind(2, at).bind(3, event.userId).bind(4, event.action);
    (*insert)->bindOptional(5, event.patientId).bindOptional(6, event.recordId).bindOptional(7, event.detail);
    (*insert)->bind(8, lastHash).bind(9, hash);
    if (auto s = (*insert)->run(); !s)
        return s;

    auto setHead = m_db.cached("INSERT INTO meta (key, value) VALUES ('audit_head', ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!setHead)
        return setHead.error();
    (*setHead)->bind(1, QString::number(seq) + QLatin1Char(':') + hash);
    return (*setHead)->run();
}

Result<AuditVerification> AuditLog::verify()
{
    AuditVerification result;
    auto stmt = m_db.prepare("SELECT seq, at, user_id, action, patient_id, record_id, detail, prev_hash, hash "
                             "FROM audit ORDER BY seq");
    if (!stmt)
        return stmt.error();
    std::int64_t expectedSeq = 1;
    QString previousHash = auditGenesisHash();
    auto fail = [&result](std::int64_t seq, const QString &problem) {
        result.intact = false;
        result.firstBadSeq = seq;
        result.problem = problem;
    };
    while (stmt->next()) {
        const std::int64_t seq = stmt->integer(0);
        ++result.entries;
        if (seq != expectedSeq) {
            fail(expectedSeq, QStringLiteral("entry %1 is missing").arg(expectedSeq));
            return result;
        }
        if (stmt->text(7) != previousHash) {
            fail(seq, QStringLiteral("entry %1 does not follow the entry before it").arg(seq));
            return result;
        }
        const QString recomputed = chainedEntryHash(
            seq, {stmt->text(1), stmt->text(2), stmt->text(3), stmt->text(4), stmt->text(5), stmt->text(6)},
            stmt->text(7));
        if (recomputed != stmt->text(8)) {
            fail(seq, QStringLiteral("entry %1 was altered after it was written").arg(seq));
            return result;
        }
        previousHash = stmt->text(8);
        ++expectedSeq;
    }
    if (!stmt->status())
        return stmt->status().error();

    auto head = readHead(m_db);
    if (!head)
        return head.error();
    if (head->first != expectedSeq - 1 || head->second != previousHash)
        fail(expectedSeq, QStringLiteral("the newest entries (after %1) were removed").arg(expectedSeq - 1));
    return result;
}

Result<std::int64_t> AuditLog::size()
{
    return m_db.scalarInt("SELECT count(*) FROM audit");
}

}  // namespace cairn::storage
