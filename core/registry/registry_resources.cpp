// The clinic's resource directory and the checks every referral write gets against it.
#include "core/clinical/oud.h"
#include "core/clinical/referrals.h"
#include "core/registry/registry_private.h"

#include <QUuid>

#include <algorithm>
#include <tuple>

namespace cairn::registry {
namespace {

struct StoredResource {
    storage::StoredRecord record;
    domain::ClinicResource resource;
};

// The version in force of every resource of the directory; one that does not read (it cannot
// pass the arrival checks, so only a damaged registry has one) is left out rather than shown wrong.
Result<QList<StoredResource>> currentResources(Database &db)
{
    auto current = RecordStore(db).current(domain::kClinicScope);
    if (!current)
        return current.error();
    QList<StoredResource> list;
    for (const auto &record : std::as_const(*current)) {
        if (record.kind != domain::kClinicResourceKind.kind())
            continue;
        if (auto resource = domain::clinicResourceFromJson(record.payload))
            list.append({record, *resource});
    }
    return list;
}

Result<std::optional<StoredResource>> findResource(Database &db, const QString &resourceId)
{
    auto all = currentResources(db);
    if (!all)
        return all.error();
    for (const StoredResource &stored : std::as_const(*all)) {
        if (stored.resource.id == resourceId)
            return std::optional<StoredResource>(stored);
    }
    return std::optional<StoredResource>();
}

}  // namespace

Result<QList<domain::ClinicResource>> Registry::clinicResources(const domain::ResourceFilter &filter)
{
    auto all = currentResources(*d->db);
    if (!all)
        return all.error();
    QList<domain::ClinicResource> list;
    for (const StoredResource &stored : std::as_const(*all)) {
        if (domain::matches(stored.resource, filter))
            list.append(stored.resource);
    }
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
        return std::tuple(a.category, a.name.toCaseFolded(), a.id) <
               std::tuple(b.category, b.name.toCaseFolded(), b.id);
    });
    return list;
}

Result<domain::ClinicResource> Registry::saveClinicResource(const domain::ClinicResource &resource)
{
    if (!can(keys::Permission::EditResources))
        return forbidden(QStringLiteral("editing the resource directory"));
    domain::ClinicResource saved = resource;
    QString supersedes;
    if (saved.id.isEmpty()) {
        saved.id = newId();
    } else {
        auto existing = findResource(*d->db, saved.id);
        if (!existing)
            return existing.error();
        if (!*existing)
            return Error{QStringLiteral("id"), QStringLiteral("names no resource in the clinic's directory")};
        supersedes = (*existing)->record.id;
    }
    if (auto s = domain::validate(saved); !s)
        return s.error();
    RecordWriter w = writer();
    if (auto s = writeClinicRecord(w, domain::kClinicResourceKind.kind(), m_clock.now().date(), domain::toJson(saved),
                                   supersedes, QStringLiteral("change_resource"));
        !s)
        return s.error();
    return saved;
}

Result<QList<Registry::ClinicResourceVersion>> Registry::clinicResourceHistory(const QString &resourceId)
{
    auto history = RecordStore(*d->db).history(domain::kClinicScope);
    if (!history)
        return history.error();
    QList<ClinicResourceVersion> versions;
    for (const auto &record : std::as_const(*history)) {
        if (record.kind != domain::kClinicResourceKind.kind() || record.retracted)
            continue;
        auto resource = domain::clinicResourceFromJson(record.payload);
        if (resource && resource->id == resourceId)
            versions.append({*resource, QDate::fromString(record.date, Qt::ISODate), record.author});
    }
    if (versions.isEmpty())
        return Error{QStringLiteral("id"), QStringLiteral("names no resource in the clinic's directory")};
    return versions;
}

namespace {

// The version a correction replaces, if it reads as a T.
template <typename T> Result<std::optional<T>> correctedVersion(Database &db, const QString &correcting)
{
    if (correcting.isEmpty())
        return std::optional<T>();
    auto original = RecordStore(db).find(correcting);
    if (!original)
        return original.error();
    auto read = domain::recordFromJson(original->kind, original->payload);
    if (read && std::holds_alternative<T>(*read))
        return std::optional<T>(std::get<T>(*read));
    return std::optional<T>();
}

}  // namespace

Status Registry::checkMoudReferralWrite(const domain::MoudStatus &status, const QString &correcting)
{
    if (status.state != domain::MoudState::Referred)
        return ok();
    // Every referral written here names the directory's resource; only records from before the
    // directory (free-text referred_to) read without one.
    if (status.resourceId.isEmpty())
        return Error{QStringLiteral("resource_id"),
                     QStringLiteral("is required when referred: choose the program or prescriber from the clinic's "
                                    "directory")};
    auto before = correctedVersion<domain::MoudStatus>(*d->db, correcting);
    if (!before)
        return before.error();
    if (*before && (*before)->resourceId == status.resourceId)
        return ok();  // already checked when it was chosen; a resource retired since stays named
    auto resource = findResource(*d->db, status.resourceId);
    if (!resource)
        return resource.error();
    if (!*resource)
        return Error{QStringLiteral("resource_id"), QStringLiteral("names no resource in the clinic's directory")};
    if (!(*resource)->resource.active)
        return Error{QStringLiteral("resource_id"),
                     QStringLiteral("names a retired resource (%1)").arg((*resource)->resource.name)};
    if (!clinical::offersMoud((*resource)->resource.category))
        return Error{QStringLiteral("resource_id"),
                     QStringLiteral("names %1, which is not a MOUD prescriber or addiction treatment program")
                         .arg((*resource)->resource.name)};
    return ok();
}

Status Registry::checkReferralWrite(const domain::AnyRecord &record, const QString &correcting)
{
    if (const auto *moud = std::get_if<domain::MoudStatus>(&record))
        return checkMoudReferralWrite(*moud, correcting);
    const auto *referral = std::get_if<domain::Referral>(&record);
    if (!referral)
        return ok();
    auto corrected = correctedVersion<domain::Referral>(*d->db, correcting);
    if (!corrected)
        return corrected.error();
    const std::optional<domain::Referral> before = *corrected;
    // Making a referral, or changing what it asks or of whom, is a clinician's; moving it on
    // (sent, scheduled, seen, closed) is whoever books.
    const bool decides = !before || clinical::changesClinicalContent(*before, *referral);
    if (decides && !can(keys::Permission::RecordClinicalDecision))
        return forbidden(before ? QStringLiteral("changing what a referral asks or of whom")
                                : QStringLiteral("making a referral"));
    if (auto s = before ? clinical::checkReferralChange(*before, *referral) : clinical::checkNewReferral(*referral); !s)
        return s;
    if (!referral->resourceId.isEmpty() && (!before || before->resourceId != referral->resourceId)) {
        auto resource = findResource(*d->db, referral->resourceId);
        if (!resource)
            return resource.error();
        if (!*resource)
            return Error{QStringLiteral("resource_id"), QStringLiteral("names no resource in the clinic's directory")};
        if (!(*resource)->resource.active)
            return Error{QStringLiteral("resource_id"),
                         QStringLiteral("names a retired resource (%1)").arg((*resource)->resource.name)};
    }
    return ok();
}

}  // namespace cairn::registry
