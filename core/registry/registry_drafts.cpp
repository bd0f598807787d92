#include "core/registry/registry_private.h"

namespace cairn::registry {

// --- rooming drafts ---------------------------------------------------------------------------

namespace {
QString roomingDraftKey(const QString &patientId)
{
    return QStringLiteral("rooming_draft.") + patientId;
}
}  // namespace

Status Registry::saveRoomingDraft(const QString &patientId, const QString &json)
{
    if (!can(keys::Permission::RecordRooming))
        return forbidden(QStringLiteral("rooming"));
    if (auto row = RecordStore(*d->db).patient(patientId); !row)
        return row.error();
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    if (auto s = storage::MetaStore(*d->db).setValue(roomingDraftKey(patientId), json); !s)
        return s;
    return tx->commit();
}

Result<QString> Registry::roomingDraft(const QString &patientId)
{
    if (!can(keys::Permission::RecordRooming))
        return forbidden(QStringLiteral("rooming"));
    return storage::MetaStore(*d->db).value(roomingDraftKey(patientId));
}

Status Registry::clearRoomingDraft(const QString &patientId)
{
    if (!can(keys::Permission::RecordRooming))
        return forbidden(QStringLiteral("rooming"));
    return storage::MetaStore(*d->db).remove(roomingDraftKey(patientId));
}

}  // namespace cairn::registry
