#include "core/registry/registry.h"

#include "core/clinical/agreement_text.h"
#include "core/clinical/record_checks.h"
#include "core/domain/envelope_validation.h"
#include "core/domain/record_json.h"
#include "core/domain/validation.h"
#include "core/keys/keyring.h"
#include "core/registry/patient_records.h"
#include "core/storage/audit_log.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/record_store.h"
#include "platform/keystore.h"

#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace cairn::registry {

using storage::AuditEvent;
using storage::Database;
using storage::RecordStore;
using storage::Transaction;

struct Registry::Impl {
    std::unique_ptr<Database> db;
    QString databasePath;
    keys::Keyring keyring;
    keys::SecretBytes databaseKey;  // kept in locked memory while unlocked: re-wrapping slots needs it
    keys::SecretBytes deviceSecret;
    HybridLogicalClock hlc{QString()};
    // The last whole-registry read and the highest record seq it covered (-1: none yet).
    QList<domain::Patient> allPatients;
    std::int64_t allPatientsThrough = -1;

    Impl(std::unique_ptr<Database> database, QString path, keys::Keyring ring, keys::SecretBytes dbKey,
         keys::SecretBytes secret, const QString &deviceId)
        : db(std::move(database))
        , databasePath(std::move(path))
        , keyring(std::move(ring))
        , databaseKey(std::move(dbKey))
        , deviceSecret(std::move(secret))
        , hlc(deviceId)
    {}
};

namespace {

// The database's list of users (the key file holds their slots).
Status insertUserRow(Database &db, const QString &id, const QString &name, keys::Role role, const QDateTime &created)
{
    auto insert = db.prepare("INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    return insert->bind(1, id)
        .bind(2, name)
        .bind(3, keys::toString(role))
        .bind(4, created.toUTC().toString(Qt::ISODate))
        .run();
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString isoNow(const Clock &clock)
{
    return clock.now().toUTC().toString(Qt::ISODateWithMs);
}

Result<QString> metaValue(Database &db, const char *key)
{
    auto stmt = db.prepare("SELECT value FROM meta WHERE key = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, QString::fromLatin1(key));
    if (!stmt->next())
        return stmt->status() ? Result<QString>(QString()) : Result<QString>(stmt->status().error());
    return stmt->text(0);
}

Status setMetaValue(Database &db, const char *key, const QString &value)
{
    auto stmt =
        db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, QString::fromLatin1(key)).bind(2, value);
    return stmt->run();
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
    return Error{QString(), QStringLiteral("your role does not allow %1").arg(what)};
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
    if (auto s = domain::validate(patient); !s)
        return s;
    if (patient.name.trimmed().isEmpty())
        return Error{QStringLiteral("name"), QStringLiteral("is required")};
    if (patient.clinicId.trimmed().isEmpty())
        return Error{QStringLiteral("clinic_id"), QStringLiteral("is required")};
    return clinical::checkPatient(patient);
}

}  // namespace

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
            written = setMetaValue(**db, "registry_id", created->keyring.registryId());
        if (written)
            written = setMetaValue(**db, "device_id", deviceId);
        if (written)
            written = setMetaValue(**db, "created_at", now.toUTC().toString(Qt::ISODate));
        if (written)
            written = insertUserRow(**db, admin.id, admin.name, admin.role, now);
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
    auto registryId = metaValue(**db, "registry_id");
    auto deviceId = metaValue(**db, "device_id");
    if (!registryId || !deviceId)
        return !registryId ? registryId.error() : deviceId.error();
    if (*registryId != keyring->registryId())
        return Error{QStringLiteral("db"), QStringLiteral("the key file belongs to a different registry")};

    std::unique_ptr<Registry> registry(new Registry(summaryOf(*user), *registryId, *deviceId, clock));
    registry->d = std::make_unique<Impl>(std::move(db).value(), databasePath, std::move(keyring).value(),
                                         std::move(databaseKey).value(), std::move(secret).value(), *deviceId);
    if (auto last = metaValue(*registry->d->db, "hlc_last"); last && !last->isEmpty()) {
        HlcStamp stamp;
        if (HlcStamp::parse(*last, &stamp))
            registry->d->hlc.restore(stamp);
    }
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
    if (auto s = insertUserRow(db, adopted.id, adopted.name.trimmed(), adopted.role, now); !s)
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

// --- users ------------------------------------------------------------------------------------

Result<QList<UserSummary>> Registry::listUsers()
{
    QList<UserSummary> users;
    for (const auto &user : d->keyring.users())
        users.append(summaryOf(user));
    return users;
}

Result<QString> Registry::addUser(const QString &name, keys::Role role, const QString &pin)
{
    if (!can(keys::Permission::ManageUsers))
        return forbidden(QStringLiteral("adding users"));
    const QDateTime now = m_clock.now();
    auto added = d->keyring.addUser(name, role, pin, d->databaseKey, d->deviceSecret, now);
    if (!added)
        return added.error();
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    if (auto s = insertUserRow(*d->db, *added, name.trimmed(), role, now); !s)
        return s.error();
    if (auto s = storage::AuditLog(*d->db).append(
            {now, m_user.id, QStringLiteral("add_user"), {}, *added, keys::toString(role)});
        !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return *added;
}

Status Registry::removeUser(const QString &userNameOrId)
{
    if (!can(keys::Permission::ManageUsers))
        return forbidden(QStringLiteral("removing users"));
    auto user = d->keyring.findUser(userNameOrId);
    if (!user)
        return user.error();
    if (user->id == m_user.id)
        return Error{QStringLiteral("user"), QStringLiteral("you cannot remove yourself while signed in")};
    if (auto s = d->keyring.removeUser(user->id); !s)
        return s;
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    auto mark = d->db->prepare("UPDATE users SET removed_at = ? WHERE id = ?");
    if (!mark)
        return mark.error();
    if (auto s = mark->bind(1, isoNow(m_clock)).bind(2, user->id).run(); !s)
        return s;
    if (auto s = storage::AuditLog(*d->db).append(
            {m_clock.now(), m_user.id, QStringLiteral("remove_user"), {}, user->id, {}});
        !s)
        return s;
    return tx->commit();
}

Status Registry::changePin(const QString &userNameOrId, const QString &newPin)
{
    auto user = d->keyring.findUser(userNameOrId);
    if (!user)
        return user.error();
    if (user->id != m_user.id && !can(keys::Permission::ManageUsers))
        return forbidden(QStringLiteral("changing another user's PIN"));
    if (auto s = d->keyring.changePin(user->id, newPin, d->databaseKey, d->deviceSecret); !s)
        return s;
    return auditInTransaction(*d->db, {m_clock.now(), m_user.id, QStringLiteral("change_pin"), {}, user->id, {}});
}

Status Registry::resetLockout(const QString &userNameOrId)
{
    if (!can(keys::Permission::ManageUsers))
        return forbidden(QStringLiteral("clearing a lockout"));
    auto user = d->keyring.findUser(userNameOrId);
    if (!user)
        return user.error();
    if (auto s = d->keyring.resetLockout(user->id); !s)
        return s;
    return auditInTransaction(*d->db, {m_clock.now(), m_user.id, QStringLiteral("reset_lockout"), {}, user->id, {}});
}

// --- writing records -------------------------------------------------------------------------

namespace {

struct Writer {
    Database &db;
    RecordStore store;
    storage::AuditLog audit;
    HybridLogicalClock &hlc;
    const Clock &clock;
    QString userId;
    QString deviceId;

    void stamp(domain::RecordMeta &meta)
    {
        meta.id = QUuid::createUuid();
        meta.author = userId;
        meta.device = deviceId;
        meta.stamp = hlc.now(clock.now().toMSecsSinceEpoch());
    }

    Status write(domain::RecordEnvelope envelope, const QString &action, bool auditIt = true)
    {
        envelope.writtenAt = clock.now().toUTC().toString(Qt::ISODateWithMs);
        // Whatever an import or generator says, a record written here is this user's on this
        // device: that is what sync identifies it by and what the server checks.
        envelope.author = userId;
        envelope.device = deviceId;
        envelope.stamp.device = deviceId;
        if (auto s = domain::validateEnvelope(envelope); !s)
            return s;
        if (auto s = store.insert(envelope, true); !s)
            return s;
        if (envelope.kind == QLatin1String("patient")) {
            if (auto s = updatePatientRowFromHead(envelope.id); !s)
                return s;
        }
        if (!auditIt)
            return ok();
        return audit.append({clock.now(), userId, action, envelope.patientId, envelope.id, envelope.kind});
    }

    // The patients row mirrors the demographics version in force, which after a sync may be
    // another device's concurrent version rather than the one just written.
    Status updatePatientRowFromHead(const QString &recordId)
    {
        auto inForce = store.versionInForce(recordId);
        if (!inForce)
            return inForce.error();
        if (!*inForce)
            return ok();  // demographics are never withdrawn; nothing to mirror
        return updatePatientRow(**inForce);
    }

    Status updatePatientRow(const domain::RecordEnvelope &envelope)
    {
        const QJsonObject &p = envelope.payload;
        storage::PatientRow row;
        row.id = envelope.patientId;
        row.head = envelope.id;
        row.clinicId = p.value(QStringLiteral("clinic_id")).toString();
        row.name = p.value(QStringLiteral("name")).toString();
        row.birthDate = p.value(QStringLiteral("birth_date")).toString();
        row.sex = p.value(QStringLiteral("sex")).toString();
        row.prescriber = p.value(QStringLiteral("prescriber")).toString();
        row.riskTier = p.value(QStringLiteral("risk_tier")).toString();
        row.phone = p.value(QStringLiteral("phone")).toString();
        row.language = p.value(QStringLiteral("language")).toString();
        row.updated = envelope.stamp;
        return store.upsertPatient(row);
    }

    Status saveClock() { return setMetaValue(db, "hlc_last", hlc.last().toString()); }
};

}  // namespace

// One envelope written whole: the record, its outbox row, its audit entry and the clock, in one
// transaction.
Status writeInTransaction(Writer &w, const domain::RecordEnvelope &envelope, const QString &action)
{
    auto tx = Transaction::begin(w.db);
    if (!tx)
        return tx.error();
    if (auto s = w.write(envelope, action); !s)
        return s;
    if (auto s = w.saveClock(); !s)
        return s;
    return tx->commit();
}

#define CAIRN_WRITER                                                                                                   \
    Writer w                                                                                                           \
    {                                                                                                                  \
        *d->db, RecordStore(*d->db), storage::AuditLog(*d->db), d->hlc, m_clock, m_user.id, m_deviceId                 \
    }

Result<QString> Registry::addPatient(const domain::Patient &patient)
{
    auto ids = addPatients({patient});
    if (!ids)
        return ids.error();
    return ids->first();
}

Result<QStringList> Registry::addPatients(const QList<domain::Patient> &patients)
{
    if (!can(keys::Permission::EditDemographics))
        return forbidden(QStringLiteral("adding patients"));
    // Check everything before writing anything: an import is all or nothing.
    QHash<QString, qsizetype> clinicIds;
    for (qsizetype i = 0; i < patients.size(); ++i) {
        auto where = [&](const Error &e) {
            return patients.size() == 1 ? e : e.within(QStringLiteral("patients[%1]").arg(i));
        };
        if (auto s = checkPatient(patients.at(i)); !s)
            return where(s.error());
        const QString clinicId = patients.at(i).clinicId.trimmed();
        if (clinicIds.contains(clinicId))
            return where(
                Error{QStringLiteral("clinic_id"), QStringLiteral("\"%1\" is given to two patients (also patients[%2])")
                                                       .arg(clinicId.left(64))
                                                       .arg(clinicIds.value(clinicId))});
        clinicIds.insert(clinicId, i);
        if (auto s = clinicIdFree(*d->db, clinicId, patients.at(i).id); !s)
            return where(s.error());
    }
    CAIRN_WRITER;
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    QStringList ids;
    for (const auto &patient : patients) {
        const auto envelopes = envelopesOf(patient, [&w](domain::RecordMeta &meta) { w.stamp(meta); });
        for (const auto &envelope : envelopes) {
            // One audit entry per patient added; its records are found through the patient.
            const bool first = &envelope == &envelopes.first();
            if (auto s = w.write(envelope, QStringLiteral("add_patient"), first); !s)
                return s.error();
        }
        ids.append(envelopes.first().patientId);
    }
    if (auto s = w.saveClock(); !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return ids;
}

Status Registry::updateDemographics(const domain::Patient &patient)
{
    if (!can(keys::Permission::EditDemographics))
        return forbidden(QStringLiteral("editing demographics"));
    if (auto s = checkPatient(patient); !s)
        return s;
    RecordStore store(*d->db);
    auto row = store.patient(patient.id);
    if (!row)
        return row.error();
    if (auto s = clinicIdFree(*d->db, patient.clinicId.trimmed(), patient.id); !s)
        return s;
    const QString newTier = patient.riskTier ? domain::toString(*patient.riskTier) : QString();
    // Whoever keeps the details may not change the tier: that is the clinician's decision.
    if (newTier != row->riskTier && !can(keys::Permission::RecordClinicalDecision))
        return forbidden(QStringLiteral("setting the risk tier"));
    if (newTier != row->riskTier && !newTier.isEmpty() && patient.riskTierReason.trimmed().isEmpty())
        return Error{QStringLiteral("risk_tier_reason"),
                     QStringLiteral("is required when a clinician sets the risk tier")};
    CAIRN_WRITER;
    domain::Patient next = patient;
    w.stamp(next.meta);
    next.meta.supersedes = QUuid::fromString(row->head);
    return writeInTransaction(w, demographicsEnvelope(next), QStringLiteral("correct_record"));
}

Status Registry::inactivatePatient(const QString &patientId, domain::InactiveReason reason, const QDate &date)
{
    if (!can(keys::Permission::EditDemographics))
        return forbidden(QStringLiteral("editing demographics"));
    RecordStore store(*d->db);
    auto row = store.patient(patientId);
    if (!row)
        return row.error();
    auto head = store.versionInForce(row->head);
    if (!head)
        return head.error();
    if (!*head)
        return Error{QStringLiteral("patient"), QStringLiteral("the patient's demographics are missing")};
    auto patient = domain::demographicsFromJson((*head)->payload);
    if (!patient)
        return patient.error();
    patient->id = patientId;
    patient->status = domain::PatientStatus::Inactive;
    patient->inactiveReason = reason;
    patient->inactiveDate = date;
    return updateDemographics(*patient);
}

Result<QList<domain::UrineDrugScreen>> Registry::pendingUds(const QString &patientId)
{
    auto patient = loadPatient(patientId);
    if (!patient)
        return patient.error();
    QList<domain::UrineDrugScreen> pending;
    for (const auto &screen : std::as_const(patient->uds)) {
        if (screen.result == domain::UdsResult::Pending)
            pending.append(screen);
    }
    return pending;
}

// A record from a write call, checked for permission and validity before anything is written.
Result<domain::AnyRecord> Registry::acceptRecord(const RecordValue &value, const QString &verb) const
{
    domain::AnyRecord record = value;
    const QString kind = domain::recordKind(record);
    if (!can(permissionToWrite(kind)))
        return forbidden(QStringLiteral("%1 %2").arg(verb, kind));
    if (const auto *request = std::get_if<domain::RefillRequest>(&record)) {
        // Anyone may log a request or route it; the decision itself is a clinician's.
        const bool decided = request->decision == domain::RefillDecision::Approved ||
                             request->decision == domain::RefillDecision::Declined;
        if (decided && !can(keys::Permission::RecordClinicalDecision))
            return forbidden(QStringLiteral("deciding a refill request"));
    }
    if (auto s = checkRecord(record); !s)
        return s.error();
    return record;
}

Result<QString> Registry::addRecord(const QString &patientId, const RecordValue &value)
{
    auto accepted = acceptRecord(value, QStringLiteral("recording"));
    if (!accepted)
        return accepted.error();
    domain::AnyRecord record = std::move(accepted).value();
    RecordStore store(*d->db);
    if (auto row = store.patient(patientId); !row)
        return row.error();
    CAIRN_WRITER;
    w.stamp(domain::recordMeta(record));
    domain::recordMeta(record).supersedes = QUuid();
    const auto envelope = toEnvelope(patientId, record);
    if (auto s = writeInTransaction(w, envelope, QStringLiteral("add_record")); !s)
        return s.error();
    return envelope.id;
}

Result<QStringList> Registry::addRecords(const QString &patientId, const QList<RecordValue> &values)
{
    // Check every record before writing any: the call is all or nothing.
    QList<domain::AnyRecord> records;
    records.reserve(values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        auto accepted = acceptRecord(values.at(i), QStringLiteral("recording"));
        if (!accepted)
            return accepted.error().field.isEmpty() ? accepted.error()
                                                    : accepted.error().within(QStringLiteral("[%1]").arg(i));
        records.append(std::move(accepted).value());
    }
    RecordStore store(*d->db);
    if (auto row = store.patient(patientId); !row)
        return row.error();
    CAIRN_WRITER;
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    QStringList ids;
    for (auto &record : records) {
        w.stamp(domain::recordMeta(record));
        domain::recordMeta(record).supersedes = QUuid();
        const auto envelope = toEnvelope(patientId, record);
        if (auto s = w.write(envelope, QStringLiteral("add_record")); !s)
            return s.error();
        ids.append(envelope.id);
    }
    if (auto s = w.saveClock(); !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return ids;
}

Result<QString> Registry::correctRecord(const QString &recordId, const RecordValue &value, const QString &reason)
{
    if (reason.size() > 500)
        return Error{QStringLiteral("reason"), QStringLiteral("is too long (at most 500 characters)")};
    auto accepted = acceptRecord(value, QStringLiteral("correcting"));
    if (!accepted)
        return accepted.error();
    domain::AnyRecord record = std::move(accepted).value();
    const QString kind = domain::recordKind(record);
    RecordStore store(*d->db);
    auto original = store.find(recordId);
    if (!original)
        return original.error();
    if (original->kind != kind)
        return Error{QStringLiteral("kind"),
                     QStringLiteral("a %1 record can only be corrected by another %1 record").arg(original->kind)};
    CAIRN_WRITER;
    w.stamp(domain::recordMeta(record));
    domain::recordMeta(record).supersedes = QUuid::fromString(recordId);
    auto envelope = toEnvelope(original->patientId, record);
    // Beside the record's own fields, as a withdrawal carries "retraction_reason": record readers
    // ignore it, and it syncs with the version it explains.
    if (!reason.trimmed().isEmpty())
        envelope.payload.insert(QStringLiteral("correction_reason"), reason.trimmed());
    if (auto s = writeInTransaction(w, envelope, QStringLiteral("correct_record")); !s)
        return s.error();
    return envelope.id;
}

Result<QString> Registry::retractRecord(const QString &recordId, const QString &reason)
{
    RecordStore store(*d->db);
    auto original = store.find(recordId);
    if (!original)
        return original.error();
    if (original->kind == QLatin1String("patient"))
        return Error{QStringLiteral("record"),
                     QStringLiteral("a patient is not withdrawn; correct the demographics instead")};
    if (!can(permissionToWrite(original->kind)))
        return forbidden(QStringLiteral("withdrawing %1").arg(original->kind));
    if (reason.trimmed().isEmpty())
        return Error{QStringLiteral("reason"), QStringLiteral("say why the record is withdrawn")};
    CAIRN_WRITER;
    domain::RecordEnvelope retraction = *original;
    domain::RecordMeta meta;
    w.stamp(meta);
    retraction.id = meta.id.toString(QUuid::WithoutBraces);
    retraction.author = meta.author;
    retraction.device = meta.device;
    retraction.stamp = meta.stamp;
    retraction.supersedes = recordId;
    retraction.retracted = true;
    retraction.payload.insert(QStringLiteral("retraction_reason"), reason.trimmed());
    if (auto s = writeInTransaction(w, retraction, QStringLiteral("retract_record")); !s)
        return s.error();
    return retraction.id;
}

// --- reading ----------------------------------------------------------------------------------

Result<domain::Patient> Registry::loadPatient(const QString &patientId)
{
    if (!can(keys::Permission::ViewPatient))
        return forbidden(QStringLiteral("viewing patients"));
    RecordStore store(*d->db);
    auto current = store.current(patientId);
    if (!current)
        return current.error();
    if (current->isEmpty())
        return Error{QStringLiteral("patient"), QStringLiteral("no patient with id %1").arg(patientId)};
    auto patient = assemblePatient(*current);
    if (!patient)
        return patient.error();
    if (auto s =
            auditInTransaction(*d->db, {m_clock.now(), m_user.id, QStringLiteral("view_patient"), patientId, {}, {}});
        !s)
        return s.error();
    return patient;
}

Result<QList<domain::RecordEnvelope>> Registry::patientHistory(const QString &patientId)
{
    if (!can(keys::Permission::ViewPatient))
        return forbidden(QStringLiteral("viewing patients"));
    auto history = RecordStore(*d->db).history(patientId);
    if (!history)
        return history.error();
    if (auto s =
            auditInTransaction(*d->db, {m_clock.now(), m_user.id, QStringLiteral("view_history"), patientId, {}, {}});
        !s)
        return s.error();
    return history;
}

Result<domain::RecordEnvelope> Registry::recordInForce(const QString &recordId)
{
    if (!can(keys::Permission::ViewPatient))
        return forbidden(QStringLiteral("viewing patients"));
    RecordStore store(*d->db);
    auto found = store.find(recordId);
    if (!found)
        return found.error();
    if (found->kind == QLatin1String("patient"))
        return Error{QStringLiteral("record"), QStringLiteral("a patient's demographics change with a patient edit")};
    auto head = store.headOf(recordId);
    if (!head)
        return head.error();
    if (head->isEmpty())
        return Error{QStringLiteral("record"), QStringLiteral("%1 was withdrawn").arg(recordId)};
    if (*head != recordId)
        return Error{QStringLiteral("record"),
                     QStringLiteral("%1 was corrected; the version in force is %2").arg(recordId, *head)};
    return found;
}

Result<QList<PatientSummary>> Registry::listPatients()
{
    if (!can(keys::Permission::ViewPatient))
        return forbidden(QStringLiteral("viewing patients"));
    auto rows = RecordStore(*d->db).patients();
    if (!rows)
        return rows.error();
    QList<PatientSummary> list;
    list.reserve(rows->size());
    for (const auto &row : std::as_const(*rows)) {
        list.append({row.id, row.clinicId, row.name, QDate::fromString(row.birthDate, Qt::ISODate), row.sex,
                     row.prescriber, row.riskTier, row.phone, row.language});
    }
    return list;
}

Result<QList<domain::Patient>> Registry::loadAllPatients(const QString &purpose)
{
    if (!can(keys::Permission::ViewPatient))
        return forbidden(QStringLiteral("viewing patients"));
    // Records are append-only, so the highest seq names the registry's whole state: while it is
    // unchanged, the patients read last time are still exact, and moving between the screens that
    // read the whole registry costs no second read. Every call is still audited. The copy lives
    // as long as this unlocked registry (it goes when the tablet locks).
    auto newest = d->db->scalarInt("SELECT COALESCE(max(seq), 0) FROM records");
    if (!newest)
        return newest.error();
    if (*newest != d->allPatientsThrough) {
        RecordStore store(*d->db);
        auto patients = assembleAllPatients(store);
        if (!patients)
            return patients.error();
        d->allPatients = std::move(patients).value();
        d->allPatientsThrough = *newest;
    }
    if (auto s = auditInTransaction(*d->db,
                                    {m_clock.now(), m_user.id, QStringLiteral("view_all_patients"), {}, {}, purpose});
        !s)
        return s.error();
    return d->allPatients;
}

// --- clinic policy ----------------------------------------------------------------------------

namespace {
Result<std::optional<storage::StoredRecord>> currentPolicyRecord(Database &db)
{
    auto current = RecordStore(db).current(domain::kClinicScope);
    if (!current)
        return current.error();
    std::optional<storage::StoredRecord> newest;
    for (const auto &record : *current) {
        if (record.kind == QLatin1String("clinic_policy") && (!newest || newest->stamp < record.stamp))
            newest = record;
    }
    return newest;
}
}  // namespace

Result<clinical::ClinicPolicy> Registry::clinicPolicy()
{
    auto stored = currentPolicyRecord(*d->db);
    if (!stored)
        return stored.error();
    if (!*stored)
        return clinical::ClinicPolicy::defaults();
    auto policy = clinical::ClinicPolicy::fromJson((*stored)->payload);
    if (!policy)
        return policy.error().within(QStringLiteral("stored clinic policy"));
    return policy;
}

Result<clinical::ClinicPolicy> Registry::setClinicPolicy(const QJsonObject &overrides)
{
    if (!can(keys::Permission::EditPolicy))
        return forbidden(QStringLiteral("editing the clinic policy"));
    auto stored = currentPolicyRecord(*d->db);
    if (!stored)
        return stored.error();
    auto base = clinicPolicy();
    if (!base)
        return base.error();
    QJsonObject changes = overrides;
    if (!changes.contains(QStringLiteral("version"))) {
        const QString previous = base->version;
        const int number = previous.startsWith(QLatin1String("clinic-")) ? previous.mid(7).toInt() + 1 : 1;
        changes.insert(QStringLiteral("version"), QStringLiteral("clinic-%1").arg(number));
    }
    auto updated = base->withOverrides(changes);
    if (!updated)
        return updated.error();
    if (updated->version == base->version)
        return Error{QStringLiteral("version"), QStringLiteral("a changed policy needs a new version name")};
    CAIRN_WRITER;
    domain::RecordMeta meta;
    w.stamp(meta);
    domain::RecordEnvelope envelope;
    envelope.id = meta.id.toString(QUuid::WithoutBraces);
    envelope.patientId = domain::kClinicScope;
    envelope.kind = QStringLiteral("clinic_policy");
    envelope.date = m_clock.now().date().toString(Qt::ISODate);
    envelope.payload = updated->toJson();
    envelope.author = meta.author;
    envelope.device = meta.device;
    envelope.stamp = meta.stamp;
    if (*stored)
        envelope.supersedes = (*stored)->id;
    if (auto s = writeInTransaction(w, envelope, QStringLiteral("change_policy")); !s)
        return s.error();
    return updated;
}

// --- the clinic's patient agreement text ------------------------------------------------------

namespace {
Result<std::optional<storage::StoredRecord>> currentAgreementRecord(Database &db)
{
    auto current = RecordStore(db).current(domain::kClinicScope);
    if (!current)
        return current.error();
    std::optional<storage::StoredRecord> newest;
    for (const auto &record : *current) {
        if (record.kind == domain::kClinicAgreementKind.kind() && (!newest || newest->stamp < record.stamp))
            newest = record;
    }
    return newest;
}
}  // namespace

Result<QJsonObject> Registry::clinicAgreementText()
{
    auto stored = currentAgreementRecord(*d->db);
    if (!stored)
        return stored.error();
    if (!*stored)
        return clinical::AgreementText::shippedJson();
    if (auto s = clinical::AgreementText::validate((*stored)->payload); !s)
        return s.error().within(QStringLiteral("stored clinic agreement text"));
    return (*stored)->payload;
}

Result<QJsonObject> Registry::saveClinicAgreementText(const QJsonObject &text)
{
    if (!can(keys::Permission::EditPolicy))
        return forbidden(QStringLiteral("editing the patient agreement text"));
    auto stored = currentAgreementRecord(*d->db);
    if (!stored)
        return stored.error();
    // Only the words the tablet shows are kept; every save is a new version.
    const QString previous = *stored ? (*stored)->payload.value(QStringLiteral("version")).toString() : QString();
    const QString prefix = QStringLiteral("clinic-agreement-");
    const int number = previous.startsWith(prefix) ? previous.mid(prefix.size()).toInt() + 1 : 1;
    const QJsonObject saved{{QStringLiteral("version"), prefix + QString::number(number)},
                            {QStringLiteral("title"), text.value(QStringLiteral("title"))},
                            {QStringLiteral("sections"), text.value(QStringLiteral("sections"))}};
    if (auto s = clinical::AgreementText::validate(saved); !s)
        return s.error();
    CAIRN_WRITER;
    domain::RecordMeta meta;
    w.stamp(meta);
    domain::RecordEnvelope envelope;
    envelope.id = meta.id.toString(QUuid::WithoutBraces);
    envelope.patientId = domain::kClinicScope;
    envelope.kind = domain::kClinicAgreementKind.kind();
    envelope.date = m_clock.now().date().toString(Qt::ISODate);
    envelope.payload = saved;
    envelope.author = meta.author;
    envelope.device = meta.device;
    envelope.stamp = meta.stamp;
    if (*stored)
        envelope.supersedes = (*stored)->id;
    if (auto s = writeInTransaction(w, envelope, QStringLiteral("change_agreement_text")); !s)
        return s.error();
    return saved;
}

// --- clinic scripts ---------------------------------------------------------------------------

Result<QList<scripts::Script>> Registry::clinicScripts()
{
    auto current = RecordStore(*d->db).current(domain::kClinicScope);
    if (!current)
        return current.error();
    QList<scripts::Script> list;
    for (const auto &record : *current)
        if (record.kind == QLatin1String("clinic_script"))
            list.append(scripts::scriptFromJson(record.payload));
    std::sort(list.begin(), list.end(),
              [](const auto &a, const auto &b) { return std::pair(a.id, a.language) < std::pair(b.id, b.language); });
    return list;
}

Result<QList<scripts::Script>> Registry::clinicScriptHistory(const QString &id, const QString &language)
{
    auto history = RecordStore(*d->db).history(domain::kClinicScope);
    if (!history)
        return history.error();
    QList<scripts::Script> versions;
    for (const auto &record : *history) {
        if (record.kind != QLatin1String("clinic_script"))
            continue;
        scripts::Script s = scripts::scriptFromJson(record.payload);
        if (s.id == id && s.language == language)
            versions.append(s);
    }
    return versions;
}

Result<scripts::Script> Registry::saveClinicScript(const QJsonObject &json)
{
    if (!can(keys::Permission::EditScripts))
        return forbidden(QStringLiteral("editing conversation scripts"));
    scripts::Script script = scripts::scriptFromJson(json);
    const QList<scripts::Problem> problems = scripts::validateScript(json, QStringLiteral("script"));
    if (!problems.isEmpty())
        return Error{QStringLiteral("script.") + problems.first().field, problems.first().message};

    // The version this one replaces: the clinic's current copy, if any.
    auto current = RecordStore(*d->db).current(domain::kClinicScope);
    if (!current)
        return current.error();
    std::optional<storage::StoredRecord> previous;
    for (const auto &record : *current) {
        const scripts::Script s = scripts::scriptFromJson(record.payload);
        if (record.kind == QLatin1String("clinic_script") && s.id == script.id && s.language == script.language)
            previous = record;
    }
    const int previousVersion = previous ? scripts::scriptFromJson(previous->payload).version : 0;
    if (auto library = scripts::Library::shipped()) {
        if (const scripts::Script *builtIn = (*library)->find(script.id, script.language)) {
            script.basedOn = builtIn->id;
            script.basedOnVersion = builtIn->version;
        }
    }
    script.version = std::max(previousVersion, script.basedOnVersion) + 1;
    script.editedBy = m_user.name;
    script.editedOn = m_clock.now().date().toString(Qt::ISODate);

    CAIRN_WRITER;
    domain::RecordMeta meta;
    w.stamp(meta);
    domain::RecordEnvelope envelope;
    envelope.id = meta.id.toString(QUuid::WithoutBraces);
    envelope.patientId = domain::kClinicScope;
    envelope.kind = QStringLiteral("clinic_script");
    envelope.date = script.editedOn;
    envelope.payload = scripts::scriptToJson(script);
    envelope.author = meta.author;
    envelope.device = meta.device;
    envelope.stamp = meta.stamp;
    if (previous)
        envelope.supersedes = previous->id;
    if (auto s = writeInTransaction(w, envelope, QStringLiteral("change_script")); !s)
        return s.error();
    return script;
}

// --- sync -------------------------------------------------------------------------------------

Result<QString> Registry::syncValue(const QString &key)
{
    return metaValue(*d->db, ("sync." + key.toUtf8()).constData());
}

Status Registry::setSyncValue(const QString &key, const QString &value)
{
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    if (auto s = setMetaValue(*d->db, ("sync." + key.toUtf8()).constData(), value); !s)
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
    auto previous = metaValue(*d->db, "sync.pushed_through");
    if (!previous)
        return previous.error();
    if (throughSeq > previous->toLongLong()) {
        if (auto s = setMetaValue(*d->db, "sync.pushed_through", QString::number(throughSeq)); !s)
            return s;
    }
    return tx->commit();
}

Result<int> Registry::requeueOwnAfter(std::int64_t seq)
{
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    auto stmt = d->db->prepare(
        "INSERT INTO outbox (record_id, queued_at) SELECT r.id, r.written_at FROM records r "
        "WHERE r.device = ? AND r.seq > ? AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = r.id) "
        "ORDER BY r.seq");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, m_deviceId).bind(2, seq);
    if (auto s = stmt->run(); !s)
        return s.error();
    const int queued = d->db->changes();
    if (auto s = setMetaValue(*d->db, "sync.pushed_through", QString::number(seq)); !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return queued;
}

Result<int> Registry::applyPulled(const QList<domain::RecordEnvelope> &records, const QString &cursor)
{
    CAIRN_WRITER;
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
    if (auto s = setMetaValue(*d->db, "sync.cursor", cursor); !s)
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

// --- rooming drafts ---------------------------------------------------------------------------

namespace {
QByteArray roomingDraftKey(const QString &patientId)
{
    return "rooming_draft." + patientId.toUtf8();
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
    if (auto s = setMetaValue(*d->db, roomingDraftKey(patientId).constData(), json); !s)
        return s;
    return tx->commit();
}

Result<QString> Registry::roomingDraft(const QString &patientId)
{
    if (!can(keys::Permission::RecordRooming))
        return forbidden(QStringLiteral("rooming"));
    return metaValue(*d->db, roomingDraftKey(patientId).constData());
}

Status Registry::clearRoomingDraft(const QString &patientId)
{
    if (!can(keys::Permission::RecordRooming))
        return forbidden(QStringLiteral("rooming"));
    auto stmt = d->db->prepare("DELETE FROM meta WHERE key = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, QString::fromUtf8(roomingDraftKey(patientId)));
    return stmt->run();
}

// --- integrity --------------------------------------------------------------------------------

Result<RegistryStats> Registry::stats()
{
    RegistryStats stats;
    RecordStore store(*d->db);
    auto patients = store.patientCount();
    auto records = d->db->scalarInt("SELECT count(*) FROM records");
    auto outbox = store.outboxSize();
    auto oldest = store.oldestPendingWrite();
    auto audit = d->db->scalarInt("SELECT count(*) FROM audit");
    auto schema = d->db->scalarInt("PRAGMA user_version");
    auto cipher = d->db->scalarText("PRAGMA cipher_version");
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
    stats.schemaVersion = static_cast<int>(*schema);
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
    return PendingSync{*outbox, *oldest};
}

Result<Registry::AuditReport> Registry::verifyAudit()
{
    auto result = storage::AuditLog(*d->db).verify();
    if (!result)
        return result.error();
    return AuditReport{result->intact, result->entries, result->problem};
}

}  // namespace cairn::registry
