#include "core/storage/quarantine_store.h"

#include "core/storage/database.h"

#include <QDate>
#include <QJsonDocument>

namespace cairn::storage {
namespace {

constexpr const char *kColumns =
    "SELECT id, record_id, patient_id, kind, record_date, payload, author, device, hlc, supersedes, retracted, "
    "written_at, field, message, received_at, withdrawal_id, withdrawn_by, withdrawn_at, withdrawal_reason, "
    "withdrawal_pending, withdrawal_seq, withdrawal_hlc FROM quarantine ";

QuarantinedRecord readEntry(const Statement &stmt)
{
    QuarantinedRecord entry;
    entry.id = stmt.integer(0);
    domain::RecordEnvelope &r = entry.record;
    r.id = stmt.text(1);
    r.patientId = stmt.text(2);
    r.kind = stmt.text(3);
    r.date = stmt.text(4);
    r.payload = QJsonDocument::fromJson(stmt.text(5).toUtf8()).object();
    r.author = stmt.text(6);
    r.device = stmt.text(7);
    HlcStamp::parse(stmt.text(8), &r.stamp);
    r.supersedes = stmt.text(9);
    r.retracted = stmt.integer(10) != 0;
    r.writtenAt = stmt.text(11);
    entry.field = stmt.text(12);
    entry.message = stmt.text(13);
    entry.receivedAt = stmt.text(14);
    entry.withdrawalId = stmt.text(15);
    entry.withdrawnBy = stmt.text(16);
    entry.withdrawnAt = stmt.text(17);
    entry.withdrawalReason = stmt.text(18);
    entry.withdrawalPending = stmt.integer(19) != 0;
    return entry;
}

// The withdrawal an entry's row describes (only meaningful when it has one).
domain::RecordEnvelope storedWithdrawal(const Statement &stmt, const QuarantinedRecord &entry)
{
    domain::RecordEnvelope w = withdrawalOf(entry, entry.withdrawalReason);
    w.id = entry.withdrawalId;
    w.seq = stmt.integer(20);
    HlcStamp::parse(stmt.text(21), &w.stamp);
    w.author = entry.withdrawnBy;
    w.device = w.stamp.device;
    w.writtenAt = entry.withdrawnAt;
    return w;
}

}  // namespace

domain::RecordEnvelope withdrawalOf(const QuarantinedRecord &entry, const QString &reason)
{
    domain::RecordEnvelope w;
    w.patientId = entry.record.patientId;
    w.kind = entry.record.kind;
    // The date travels only when it is one: an unreadable record may carry any text there.
    const QDate date = QDate::fromString(entry.record.date, Qt::ISODate);
    if (date.isValid() && date.toString(Qt::ISODate) == entry.record.date)
        w.date = entry.record.date;
    w.payload = QJsonObject{{QStringLiteral("retraction_reason"), reason}};
    w.supersedes = entry.record.id;
    w.retracted = true;
    return w;
}

Status QuarantineStore::add(const domain::RecordEnvelope &record, const Error &reason, const QString &receivedAt)
{
    auto stmt = m_db.cached(
        "INSERT OR IGNORE INTO quarantine (record_id, patient_id, kind, record_date, payload, author, device, hlc, "
        "supersedes, retracted, written_at, field, message, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, record.id).bind(2, record.patientId).bind(3, record.kind).bindOptional(4, record.date);
    (*stmt)->bind(5, QString::fromUtf8(QJsonDocument(record.payload).toJson(QJsonDocument::Compact)));
    (*stmt)->bind(6, record.author).bind(7, record.device).bind(8, record.stamp.toString());
    (*stmt)->bindOptional(9, record.supersedes).bind(10, record.retracted ? 1 : 0).bindOptional(11, record.writtenAt);
    // A reason without a field still says where: the record as a whole.
    (*stmt)->bind(12, reason.field.isEmpty() ? QStringLiteral("record") : reason.field);
    (*stmt)->bind(13, reason.message).bind(14, receivedAt);
    return (*stmt)->run();
}

Result<bool> QuarantineStore::holds(const QString &recordId)
{
    auto stmt = m_db.cached("SELECT 1 FROM quarantine WHERE record_id = ?1 OR withdrawal_id = ?1");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, recordId);
    const bool found = (*stmt)->next();
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s)
        return s.error();
    return found;
}

Result<QList<QuarantinedRecord>> QuarantineStore::list(bool includeWithdrawn)
{
    const QByteArray sql =
        QByteArray(kColumns) + (includeWithdrawn ? "ORDER BY id" : "WHERE withdrawal_id IS NULL ORDER BY id");
    auto stmt = m_db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    QList<QuarantinedRecord> entries;
    while (stmt->next())
        entries.append(readEntry(*stmt));
    if (!stmt->status())
        return stmt->status().error();
    return entries;
}

Result<std::optional<QuarantinedRecord>> QuarantineStore::find(std::int64_t id)
{
    auto stmt = m_db.prepare((QByteArray(kColumns) + "WHERE id = ?").constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    if (stmt->next())
        return std::optional<QuarantinedRecord>(readEntry(*stmt));
    if (!stmt->status())
        return stmt->status().error();
    return std::optional<QuarantinedRecord>();
}

Result<std::optional<QuarantinedRecord>> QuarantineStore::findByRecordId(const QString &recordId)
{
    auto stmt = m_db.cached("SELECT id FROM quarantine WHERE record_id = ?");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, recordId);
    const bool found = (*stmt)->next();
    const std::int64_t id = found ? (*stmt)->integer(0) : 0;
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s)
        return s.error();
    if (!found)
        return std::optional<QuarantinedRecord>();
    return find(id);
}

Status QuarantineStore::markWithdrawn(const domain::RecordEnvelope &withdrawal, const QString &reason,
                                      const QString &at, bool pending)
{
    auto stmt = m_db.cached(
        "UPDATE quarantine SET withdrawal_id = ?, withdrawal_seq = ?, withdrawal_hlc = ?, withdrawn_by = ?, "
        "withdrawn_at = ?, withdrawal_reason = ?, withdrawal_pending = ? "
        "WHERE record_id = ? AND withdrawal_id IS NULL");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, withdrawal.id).bind(3, withdrawal.stamp.toString());
    if (pending)
        (*stmt)->bind(2, withdrawal.seq);
    else
        (*stmt)->bindNull(2);  // another device's withdrawal has no place in this one's write order
    (*stmt)->bind(4, withdrawal.author).bind(5, at).bind(6, reason).bind(7, pending ? 1 : 0);
    (*stmt)->bind(8, withdrawal.supersedes);
    return (*stmt)->run();
}

Result<QList<domain::RecordEnvelope>> QuarantineStore::pendingWithdrawals(int limit)
{
    const QByteArray sql = QByteArray(kColumns) + "WHERE withdrawal_pending = 1 ORDER BY withdrawal_seq LIMIT " +
                           QByteArray::number(limit);
    auto stmt = m_db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    QList<domain::RecordEnvelope> withdrawals;
    while (stmt->next())
        withdrawals.append(storedWithdrawal(*stmt, readEntry(*stmt)));
    if (!stmt->status())
        return stmt->status().error();
    return withdrawals;
}

Result<std::int64_t> QuarantineStore::pendingCount()
{
    return m_db.scalarInt("SELECT count(*) FROM quarantine WHERE withdrawal_pending = 1");
}

Result<QString> QuarantineStore::oldestPendingWithdrawal()
{
    return m_db.scalarText("SELECT coalesce(min(withdrawn_at), '') FROM quarantine WHERE withdrawal_pending = 1");
}

Status QuarantineStore::acknowledge(const QStringList &withdrawalIds)
{
    // Called with every acknowledged push batch (up to 5,000 ids), which nearly always holds no
    // withdrawal: one look at the pending ones spares a statement per id.
    auto pending = pendingCount();
    if (!pending)
        return pending.error();
    if (*pending == 0)
        return ok();
    return m_db.runForEach("UPDATE quarantine SET withdrawal_pending = 0 WHERE withdrawal_id = ?", withdrawalIds);
}

Result<int> QuarantineStore::requeueAfter(std::int64_t seq)
{
    // Only withdrawals written here have a place in this device's write order.
    auto stmt = m_db.prepare("UPDATE quarantine SET withdrawal_pending = 1 WHERE withdrawal_seq > ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, seq);
    if (auto s = stmt->run(); !s)
        return s.error();
    return m_db.changes();
}

}  // namespace cairn::storage
