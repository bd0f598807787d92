#pragma once
// What the files of the Registry service share and nothing else sees: its state (Impl), the one
// writer of records, and the checks every write path applies. The service is split by concern:
//   registry.cpp          opening, signing in, wiping, integrity, and the shared checks below
//   registry_users.cpp    users, PINs and lockouts
//   registry_records.cpp  patients and their records: add, correct, withdraw, read
//   registry_clinic.cpp   the clinic's own records: policy and conversation scripts
//   registry_sync.cpp     the local half of sync: outbox, acknowledgements, pulled pages, conflicts,
//                         quarantine
//   registry_drafts.cpp   rooming drafts kept across a lock
// SQL stays in core/storage (RecordStore, QuarantineStore, MetaStore, AuditLog).

#include "core/clinical/policy.h"
#include "core/domain/envelope_validation.h"
#include "core/domain/hlc.h"
#include "core/domain/record_json.h"
#include "core/domain/records.h"
#include "core/keys/keyring.h"
#include "core/keys/secret_bytes.h"
#include "core/registry/patient_summaries.h"
#include "core/registry/registry.h"
#include "core/storage/audit_log.h"
#include "core/storage/database.h"
#include "core/storage/meta_store.h"
#include "core/storage/quarantine_store.h"
#include "core/storage/record_store.h"

#include <QList>
#include <QString>

#include <memory>
#include <utility>

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
    // The summaries read last, parsed; a later read re-reads only those recomputed since.
    SummaryCache summaries;

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

// Writes record envelopes for the signed-in user on this device: stamps them, validates the
// envelope, stores it (queued for sync), keeps the patients row in step with demographics and
// audits it. The caller holds the transaction (writeInTransaction for one envelope).
struct RecordWriter {
    Database &db;
    RecordStore store;
    storage::AuditLog audit;
    HybridLogicalClock &hlc;
    const Clock &clock;
    QString userId;
    QString deviceId;
    // Set while records go into an empty registry in bulk (storage::BulkLoad): the patients rows
    // are then written when the load finishes (finishBulk).
    storage::BulkLoad *bulk = nullptr;

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
        const bool demographics = envelope.kind == QLatin1String("patient");
        if (bulk) {
            if (auto s = bulk->insert(envelope, true, demographics); !s)
                return s;
        } else {
            if (auto s = store.insert(envelope, true); !s)
                return s;
            if (demographics) {
                if (auto s = updatePatientRowFromHead(envelope.id); !s)
                    return s;
            }
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

    // Ends a bulk load (when one is under way): indexes, heads, summary marks and patients rows.
    Status finishBulk()
    {
        if (!bulk)
            return ok();
        storage::BulkLoad *load = std::exchange(bulk, nullptr);
        return load->finish([this](const QString &recordId) { return updatePatientRowFromHead(recordId); });
    }

    Status saveClock() { return storage::MetaStore(db).setValue(QStringLiteral("hlc_last"), hlc.last().toString()); }

    // Ends the caller's transaction after its writes: the clock saved, then committed with the
    // summaries of the patients it touched (commitWithSummaries).
    Status commit(Transaction &tx)
    {
        if (auto s = saveClock(); !s)
            return s;
        return commitWithSummaries(tx, db, clock);
    }
};

// One envelope written whole: the record, its outbox row, its audit entry and the clock, in one
// transaction.
Status writeInTransaction(RecordWriter &w, const domain::RecordEnvelope &envelope, const QString &action);
// A new version of a record that belongs to the clinic (policy, scripts), superseding the one in force.
Status writeClinicRecord(RecordWriter &w, const QString &kind, const QDate &date, const QJsonObject &payload,
                         const QString &supersedes, const QString &action);

QString newId();
QString isoNow(const Clock &clock);
UserSummary summaryOf(const keys::UserInfo &user);
// An audit entry that records an event with no record attached (a view, a user change), in its own transaction.
Status auditInTransaction(storage::Database &db, const storage::AuditEvent &event);
// The one refusal when the signed-in role lacks a permission; `what` names the action.
Error forbidden(const QString &what);
// The clinic policy in force: the newest clinic_policy record, or the shipped defaults (recordId empty).
struct PolicyInForce {
    clinical::ClinicPolicy policy;
    QString recordId;
};
Result<PolicyInForce> policyInForce(storage::Database &db);
// Domain validation plus the checks that need clinical definitions (drug names, instrument answers).
Status checkRecord(const domain::AnyRecord &record);
// A clinic identifier names one patient: refused when another patient than `self` has it.
Status clinicIdFree(storage::Database &db, const QString &clinicId, const QString &self);
// Domain validation of a patient, the required fields, and the clinical checks.
Status checkPatient(const domain::Patient &patient);
// A user row for the `users` table.
Status addUserRow(storage::Database &db, const QString &id, const QString &name, keys::Role role,
                  const QDateTime &created);

}  // namespace cairn::registry
