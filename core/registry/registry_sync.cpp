#include "core/registry/registry_private.h"

namespace cairn::registry {

// --- sync -------------------------------------------------------------------------------------

Result<QString> Registry::syncValue(const QString &key)
{
    return storage::MetaStore(*d->db).value(QStringLiteral("sync.") + key);
}

Status Registry::setSyncValue(const QString &key, const QString &value)
{
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    if (auto s = storage::MetaStore(*d->db).setValue(QStringLiteral("sync.") + key, value); !s)
        return s;
    return tx->commit();
}

Result<QList<domain::RecordEnvelope>> Registry::outbox(int limit)
{
    return RecordStore(*d->db).pendingOutbox(limit);
}

Status Registry::acknowledgePushed(const QStringList &recordIds, std::int64_t throughSeq)
{
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    if (auto s = RecordStore(*d->db).acknowledge(recordIds); !s)
        return s;
    auto previous = storage::MetaStore(*d->db).value("sync.pushed_through");
    if (!previous)
        return previous.error();
    if (throughSeq > previous->toLongLong()) {
        if (auto s = storage::MetaStore(*d->db).setValue("sync.pushed_through", QString::number(throughSeq)); !s)
            return s;
    }
    return tx->commit();
}

Result<int> Registry::requeueOwnAfter(std::int64_t seq)
{
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    auto queued = RecordStore(*d->db).requeueOwnAfter(m_deviceId, seq);
    if (!queued)
        return queued.error();
    if (auto s = storage::MetaStore(*d->db).setValue("sync.pushed_through", QString::number(seq)); !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return *queued;
}

Result<int> Registry::applyPulled(const QList<domain::RecordEnvelope> &records, const QString &cursor)
{
    RecordWriter w = writer();
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    const std::int64_t nowMs = m_clock.now().toMSecsSinceEpoch();
    int added = 0;
    for (qsizetype i = 0; i < records.size(); ++i) {
        domain::RecordEnvelope record = records.at(i);
        auto here = w.store.contains(record.id);
        if (!here)
            return here.error();
        if (*here)
            continue;
        if (auto s = domain::validateEnvelope(record); !s)
            return s.error().within(QStringLiteral("changes[%1]").arg(i));
        record.seq = 0;
        if (auto s = w.store.insert(record, false); !s)
            return s.error().within(QStringLiteral("changes[%1]").arg(i));
        if (record.kind == QLatin1String("patient")) {
            if (auto s = w.updatePatientRowFromHead(record.id); !s)
                return s.error();
        }
        d->hlc.observe(record.stamp, nowMs);
        ++added;
    }
    if (auto s = storage::MetaStore(*d->db).setValue("sync.cursor", cursor); !s)
        return s.error();
    if (added > 0) {
        if (auto s = w.saveClock(); !s)
            return s.error();
        if (auto s = w.audit.append({m_clock.now(),
                                     m_user.id,
                                     QStringLiteral("sync_pull"),
                                     {},
                                     {},
                                     QStringLiteral("%1 records").arg(added)});
            !s)
            return s.error();
    }
    if (auto s = tx->commit(); !s)
        return s.error();
    return added;
}

Result<QList<storage::Conflict>> Registry::conflicts(bool includeReviewed)
{
    if (!can(keys::Permission::ViewPatient))
        return forbidden(QStringLiteral("viewing patients"));
    return RecordStore(*d->db).conflicts(includeReviewed);
}

Status Registry::reviewConflict(std::int64_t conflictId)
{
    if (!can(keys::Permission::EditDemographics))
        return forbidden(QStringLiteral("reviewing conflicts"));
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    const QString at = isoNow(m_clock);
    if (auto s = RecordStore(*d->db).markConflictReviewed(conflictId, m_user.id, at); !s)
        return s;
    if (auto s = storage::AuditLog(*d->db).append(
            {m_clock.now(), m_user.id, QStringLiteral("review_conflict"), {}, {}, QString::number(conflictId)});
        !s)
        return s;
    return tx->commit();
}

}  // namespace cairn::registry
