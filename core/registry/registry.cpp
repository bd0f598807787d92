#include "core/clinical/record_checks.h"
#include "core/domain/envelope_validation.h"
#include "core/domain/validation.h"
#include "core/registry/not_allowed.h"
#include "core/registry/patient_summaries.h"
#include "core/registry/registry_private.h"
#include "core/storage/migrations.h"
#include "platform/keystore.h"

#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace cairn::registry {

// --- shared by the service's files (declared in registry_private.h) ---------------------------

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString isoNow(const Clock &clock)
{
    return clock.now().toUTC().toString(Qt::ISODateWithMs);
}

UserSummary summaryOf(const keys::UserInfo &user)
{
    return {user.id, user.name, user.role, user.failedAttempts, user.lockedUntil};
}

// An audit entry that records an event with no record attached (a view, a user change).
Status auditInTransaction(Database &db, const AuditEvent &event)
{
    auto tx = Transaction::begin(db);
    if (!tx)
        return tx.error();
    if (auto s = storage::AuditLog(db).append(event); !s)
        return s;
    return tx->commit();
}

Error forbidden(const QString &what)
{
    return notAllowed(what);
}

// Domain validation plus the checks that need clinical definitions (drug names, instrument answers).
Status checkRecord(const domain::AnyRecord &record)
{
    if (auto s = std::visit([](const auto &r) { return domain::validate(r); }, record); !s)
        return s;
    return clinical::checkRecord(record);
}

// A clinic identifier names one patient: refused when another patient than `self` has it.
Status clinicIdFree(Database &db, const QString &clinicId, const QString &self)
{
    auto holders = RecordStore(db).patientIdsWithClinicId(clinicId);
    if (!holders)
        return holders.error();
    for (const QString &id : std::as_const(*holders)) {
        if (id != self)
            return Error{
                QStringLiteral("clinic_id"),
                QStringLiteral("\"%1\" is already another patient's clinic identifier").arg(clinicId.left(64))};
    }
    return ok();
}

Status checkPatient(const domain::Patient &patient)
{
    if (auto s = domain::validateForRegistry(patient); !s)
        return s;
    return clinical::checkPatient(patient);
}

Status addUserRow(Database &db, const QString &id, const QString &name, keys::Role role, const QDateTime &created)
{
    return storage::MetaStore(db).addUser(id, name, keys::toString(role), created.toUTC().toString(Qt::ISODate));
}

RecordWriter Registry::writer()
{
    return RecordWriter{*d->db, RecordStore(*d->db), storage::AuditLog(*d->db), d->hlc, m_clock, m_user.id, m_deviceId};
}

// One envelope written whole: the record, its outbox row, its audit entry and the clock, in one
// transaction.
Status writeInTransaction(RecordWriter &w, const domain::RecordEnvelope &envelope, const QString &action)
{
    auto tx = Transaction::begin(w.db);
    if (!tx)
        return tx.error();
    if (auto s = w.write(envelope, action); !s)
        return s;
    return w.commit(*tx);
}

// The permission a stored kind needs to be written (record_kinds.h says which; "patient" is
// demographics).
keys::Permission permissionToWrite(const QString &kind)
{
    if (kind == QLatin1String("patient"))
        return keys::Permission::EditDemographics;
    const domain::KindInfo *info = domain::findKind(kind);
    return info ? keys::permissionToWrite(info->right) : keys::Permission::RecordClinicalDecision;
}

// --- opening ----------------------------------------------------------------------------------

Registry::Registry(UserSummary user, QString registryId, QString deviceId, const Clock &clock)
    : m_user(std::move(user))
    , m_registryId(std::move(registryId))
    , m_deviceId(std::move(deviceId))
    , m_clock(clock)
{}

Registry::~Registry() = default;

Result<std::unique_ptr<Registry>> Registry::create(const QString &databasePath, platform::Keystore &keystore,
                                                   const QString &adminName, const QString &adminPin,
                                                   const Clock &clock)
{
    const Paths paths{databasePath};
    if (QFileInfo::exists(databasePath) || QFileInfo::exists(paths.keyring()))
        return Error{QStringLiteral("db"), QStringLiteral("a registry already exists at %1").arg(databasePath)};

    const QDateTime now = clock.now();
    auto created = keys::Keyring::create(paths.keyring(), keystore, adminName, adminPin, now);
    if (!created)
        return created.error();
    auto db = Database::open(databasePath, created->databaseKey.view(), Database::OpenMode::CreateNew);
    auto cleanUp = [&]() {
        // Nothing half-made stays behind: a registry is either complete or absent.
        QFile::remove(databasePath);
        QFile::remove(databasePath + QStringLiteral("-wal"));
        QFile::remove(databasePath + QStringLiteral("-shm"));
        QFile::remove(paths.keyring());
    };
    if (!db) {
        cleanUp();
        return db.error();
    }
    if (auto s = storage::migrate(**db); !s) {
        db->reset();
        cleanUp();
        return s.error();
    }
    const keys::UserInfo admin = created->keyring.users().first();
    const QString deviceId = newId();
    {
        auto tx = Transaction::begin(**db);
        Status written = tx ? ok() : Status(tx.error());
        if (written)
            written = storage::MetaStore(**db).setValue("registry_id", created->keyring.registryId());
        if (written)
            written = storage::MetaStore(**db).setValue("device_id", deviceId);
        if (written)
            written = storage::MetaStore(**db).setValue("created_at", now.toUTC().toString(Qt::ISODate));
        if (written)
            written = addUserRow(**db, admin.id, admin.name, admin.role, now);
        if (written)
            written = storage::AuditLog(**db).append({now, admin.id, QStringLiteral("create_registry"), {}, {}, {}});
        if (written)
            written = tx->commit();
        if (!written) {
            db->reset();
            cleanUp();
            return written.error();
        }
    }
    std::unique_ptr<Registry> registry(new Registry(summaryOf(admin), created->keyring.registryId(), deviceId, clock));
    registry->d = std::make_unique<Impl>(std::move(db).value(), databasePath, std::move(created->keyring),
                                         std::move(created->databaseKey), std::move(created->deviceSecret), deviceId);
    return registry;
}

Result<QList<UserSummary>> Registry::users(const QString &databasePath)
{
    auto keyring = keys::Keyring::load(Paths{databasePath}.keyring());
    if (!keyring)
        return keyring.error();
    QList<UserSummary> users;
    for (const auto &user : keyring->users())
        users.append(summaryOf(user));
    return users;
}

Result<std::unique_ptr<Registry>> Registry::unlock(const QString &databasePath, platform::Keystore &keystore,
                                                   const QString &userNameOrId, const QString &pin, const Clock &clock)
{
    auto keyring = keys::Keyring::load(Paths{databasePath}.keyring());
    if (!keyring)
        return keyring.error();
    auto user = keyring->findUser(userNameOrId);
    if (!user)
        return user.error();
    auto secret = keys::deviceSecret(keystore, keyring->registryId(), false);
    if (!secret)
        return secret.error();
    const QDateTime now = clock.now();
    auto databaseKey = keyring->unlock(user->id, pin, *secret, now);
    if (!databaseKey)
        return databaseKey.error();
    auto db = Database::open(databasePath, databaseKey->view(), Database::OpenMode::ExistingOnly);
    if (!db)
        return db.error();
    if (auto s = storage::migrate(**db); !s)
        return s.error();
    auto registryId = storage::MetaStore(**db).value("registry_id");
    auto deviceId = storage::MetaStore(**db).value("device_id");
    if (!registryId || !deviceId)
        return !registryId ? registryId.error() : deviceId.error();
    if (*registryId != keyring->registryId())
        return Error{QStringLiteral("db"), QStringLiteral("the key file belongs to a different registry")};

    std::unique_ptr<Registry> registry(new Registry(summaryOf(*user), *registryId, *deviceId, clock));
    registry->d = std::make_unique<Impl>(std::move(db).value(), databasePath, std::move(keyring).value(),
                                         std::move(databaseKey).value(), std::move(secret).value(), *deviceId);
    if (auto last = storage::MetaStore(*registry->d->db).value("hlc_last"); last && !last->isEmpty()) {
        HlcStamp stamp;
        if (HlcStamp::parse(*last, &stamp))
            registry->d->hlc.restore(stamp);
    }
    if (auto s = registry->recheckStoredRecords(); !s)
        return s.error();
    if (auto s = auditInTransaction(*registry->d->db, {now, user->id, QStringLiteral("unlock"), {}, {}, {}}); !s)
        return s.error();
    return registry;
}

Result<std::unique_ptr<Registry>> Registry::signInVouched(const QString &databasePath, platform::Keystore &keystore,
                                                          const keys::UserInfo &user, const QString &pin,
                                                          const keys::SecretBytes &escrowKey, const Clock &clock)
{
    auto keyring = keys::Keyring::load(Paths{databasePath}.keyring());
    if (!keyring)
        return keyring.error();
    auto secret = keys::deviceSecret(keystore, keyring->registryId(), false);
    if (!secret)
        return secret.error();
    auto databaseKey = keyring->openEscrow(escrowKey, *secret);
    if (!databaseKey)
        return databaseKey.error();
    const QDateTime now = clock.now();
    keys::UserInfo adopted = user;
    adopted.created = now.toUTC();
    if (auto s = keyring->adoptUser(adopted, pin, *databaseKey, *secret); !s)
        return s.error();
    auto registry = unlock(databasePath, keystore, adopted.id, pin, clock);
    if (!registry)
        return registry.error();
    auto tx = Transaction::begin(*(*registry)->d->db);
    if (!tx)
        return tx.error();
    Database &db = *(*registry)->d->db;
    if (auto s = addUserRow(db, adopted.id, adopted.name.trimmed(), adopted.role, now); !s)
        return s.error();
    if (auto s = storage::AuditLog(db).append(
            {now, adopted.id, QStringLiteral("first_sign_in"), {}, adopted.id, keys::toString(adopted.role)});
        !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return registry;
}

Status Registry::recordEnrollment(const keys::Enrollment &enrollment, const keys::SecretBytes &escrowKey)
{
    if (!can(keys::Permission::ManageUsers))
        return forbidden(QStringLiteral("enrolling this device"));
    return d->keyring.setEnrollment(enrollment, escrowKey, d->databaseKey, d->deviceSecret);
}

bool Registry::can(keys::Permission permission) const
{
    return keys::can(m_user.role, permission);
}

storage::Database &Registry::database()
{
    return *d->db;
}

Status Registry::wipe(const QString &databasePath, platform::Keystore &keystore)
{
    const Paths paths{databasePath};
    QString registryId;
    if (auto keyring = keys::Keyring::load(paths.keyring()))
        registryId = keyring->registryId();
    // Keys first: without them whatever remains of the files cannot be read.
    if (!registryId.isEmpty()) {
        if (auto s = keys::forgetDeviceSecret(keystore, registryId); !s)
            return s;
    }
    for (const QString &file : {paths.keyring(), databasePath, databasePath + QStringLiteral("-wal"),
                                databasePath + QStringLiteral("-shm")}) {
        if (QFileInfo::exists(file) && !QFile::remove(file))
            return Error{QStringLiteral("db"), QStringLiteral("could not delete %1").arg(file)};
    }
    return ok();
}

// --- integrity --------------------------------------------------------------------------------

Result<RegistryStats> Registry::stats()
{
    RegistryStats stats;
    RecordStore store(*d->db);
    auto patients = store.patientCount();
    auto records = store.recordCount();
    auto outbox = store.outboxSize();
    auto oldest = store.oldestPendingWrite();
    auto audit = storage::AuditLog(*d->db).size();
    storage::MetaStore meta(*d->db);
    auto schema = meta.schemaVersion();
    auto cipher = meta.cipherVersion();
    for (const Error *e :
         {patients ? nullptr : &patients.error(), records ? nullptr : &records.error(),
          outbox ? nullptr : &outbox.error(), oldest ? nullptr : &oldest.error(), audit ? nullptr : &audit.error(),
          schema ? nullptr : &schema.error(), cipher ? nullptr : &cipher.error()}) {
        if (e)
            return *e;
    }
    stats.patients = *patients;
    stats.records = *records;
    stats.users = d->keyring.users().size();
    stats.outboxPending = *outbox;
    stats.oldestPendingWrite = *oldest;
    stats.auditEntries = *audit;
    stats.schemaVersion = *schema;
    stats.cipherVersion = *cipher;
    return stats;
}

Result<Registry::PendingSync> Registry::pendingSync()
{
    RecordStore store(*d->db);
    auto outbox = store.outboxSize();
    if (!outbox)
        return outbox.error();
    auto oldest = store.oldestPendingWrite();
    if (!oldest)
        return oldest.error();
    // A withdrawn set-aside record's retraction waits beside the outbox, and is sent with it.
    storage::QuarantineStore quarantine(*d->db);
    auto withdrawals = quarantine.pendingCount();
    if (!withdrawals)
        return withdrawals.error();
    QString oldestWrite = *oldest;
    if (*withdrawals > 0) {
        auto firstWithdrawal = quarantine.oldestPendingWithdrawal();
        if (!firstWithdrawal)
            return firstWithdrawal.error();
        if (oldestWrite.isEmpty() || (!firstWithdrawal->isEmpty() && *firstWithdrawal < oldestWrite))
            oldestWrite = *firstWithdrawal;
    }
    return PendingSync{*outbox + *withdrawals, oldestWrite};
}

Result<Registry::AuditReport> Registry::verifyAudit()
{
    auto result = storage::AuditLog(*d->db).verify();
    if (!result)
        return result.error();
    return AuditReport{result->intact, result->entries, result->problem};
}

}  // namespace cairn::registry
