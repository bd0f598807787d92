#pragma once
// The registry service: what the tablet app and cairnctl call. It joins the key slots (who may
// open the registry), the encrypted store (where records live) and domain validation (what may
// be written). Every write is ONE transaction holding the record, its outbox entry and its audit
// entry; every view of a patient record is audited. Synchronous and single-threaded by design:
// the app runs it on its database thread (registry_thread.h), cairnctl calls it directly.

#include "core/clinical/policy.h"
#include "core/clinical/self_assessment.h"
#include "core/domain/clinic_resource.h"
#include "core/domain/envelope.h"
#include "core/domain/record_json.h"
#include "core/domain/records.h"
#include "core/domain/result.h"
#include "core/keys/keyring.h"
#include "core/registry/clock.h"
#include "core/roles/roles.h"
#include "core/scripts/library.h"
#include "core/storage/quarantine_store.h"
#include "core/storage/record_store.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <variant>

namespace cairn::platform {
class Keystore;
}
namespace cairn::registry {
struct SummarisedRegistry;
}
namespace cairn::storage {
class Database;
}

namespace cairn::registry {

struct RecordWriter;

// The permission that writing a record of `kind` needs ("patient" for demographics).
keys::Permission permissionToWrite(const QString &kind);

// One clinical record of any kind, for the generic add/correct calls.
// (The kinds are core/domain/record_kinds.h; this name stays for the callers that use it.)
using RecordValue = domain::AnyRecord;

struct UserSummary {
    QString id;
    QString name;
    keys::Role role = keys::Role::MedicalAssistant;
    int failedAttempts = 0;
    QDateTime lockedUntil;  // null when not locked
};

struct PatientSummary {
    QString id;
    QString clinicId;
    QString name;
    QDate birthDate;
    QString sex;
    QString prescriber;
    QString riskTier;  // clinician-set tier, empty when none
    QString phone;
    QString language;
};

struct RegistryStats {
    qint64 patients = 0;
    qint64 records = 0;
    qint64 users = 0;
    qint64 outboxPending = 0;
    QString oldestPendingWrite;  // ISO UTC, empty when nothing is pending
    qint64 auditEntries = 0;
    int schemaVersion = 0;
    QString cipherVersion;
};

class Registry {
public:
    struct Paths {
        QString database;  // registry.db
        [[nodiscard]] QString keyring() const { return database + QStringLiteral(".keys"); }
    };

    // Creates a new registry (database + key slots) whose first user is an administrator.
    // Refuses to touch an existing registry.
    static Result<std::unique_ptr<Registry>> create(const QString &databasePath, platform::Keystore &keystore,
                                                    const QString &adminName, const QString &adminPin,
                                                    const Clock &clock);
    // The users of a registry, readable without unlocking it (for the sign-in screen).
    static Result<QList<UserSummary>> users(const QString &databasePath);
    // Unlocks with one user's PIN. Wrong PINs count towards that user's lockout. The first unlock
    // after an upgrade that marked the registry checks its stored records (recheckStoredRecords).
    static Result<std::unique_ptr<Registry>> unlock(const QString &databasePath, platform::Keystore &keystore,
                                                    const QString &userNameOrId, const QString &pin,
                                                    const Clock &clock);
    // A clinic user's first sign-in on this tablet, vouched for by the sync server: opens the
    // escrow slot with the server's escrow key, adds the user's own key slot (same id as on the
    // server, so their records carry one author everywhere), then unlocks as them. Later sign-ins
    // need only the PIN, offline.
    static Result<std::unique_ptr<Registry>> signInVouched(const QString &databasePath, platform::Keystore &keystore,
                                                           const keys::UserInfo &user, const QString &pin,
                                                           const keys::SecretBytes &escrowKey, const Clock &clock);
    ~Registry();
    Registry(const Registry &) = delete;
    Registry &operator=(const Registry &) = delete;

    [[nodiscard]] const UserSummary &user() const { return m_user; }
    [[nodiscard]] bool can(keys::Permission permission) const;
    [[nodiscard]] QString deviceId() const { return m_deviceId; }
    [[nodiscard]] QString registryId() const { return m_registryId; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }

    // --- users (administrators) ---------------------------------------------------------------
    Result<QList<UserSummary>> listUsers();
    Result<QString> addUser(const QString &name, keys::Role role, const QString &pin);
    Status removeUser(const QString &userNameOrId);
    // Own PIN, or any user's PIN for an administrator. Re-wraps that user's slot only.
    Status changePin(const QString &userNameOrId, const QString &newPin);
    Status resetLockout(const QString &userNameOrId);

    // --- patients -------------------------------------------------------------------------------
    // Adds a patient with every record the value carries, in one transaction; returns its id.
    Result<QString> addPatient(const domain::Patient &patient);
    // Adds many patients in one transaction: all or none (seeding; imports use importPatients).
    Result<QStringList> addPatients(const QList<domain::Patient> &patients);
    // The same for patients made one at a time (a generated clinic too large to hold whole):
    // `next` gives each in turn, then nullopt; each is stored before the next is asked for.
    using PatientSource = std::function<std::optional<domain::Patient>()>;
    Result<QStringList> addPatientsFrom(const PatientSource &next);
    // Registry managers and administrators (import_data): the patients of a FHIR file or of the
    // clinic's registry spreadsheet, checked and written as addPatients does, all or none. A
    // sheet's column mapping, when given, is kept in the same transaction for the next import
    // (sheetMapping): in the encrypted registry's meta table, never synced (it names columns,
    // not patients).
    Result<QStringList> importPatients(const QList<domain::Patient> &patients, const QJsonObject &sheetMapping = {});
    // The column mapping of the last spreadsheet import, from the tablet or cairnctl; empty when
    // there was none.
    Result<QJsonObject> sheetMapping();
    // Writes new demographics for an existing patient as a version superseding the current one.
    // A clinic_id another patient has is refused (addPatient too), naming "clinic_id"; setting or
    // changing risk_tier needs a risk_tier_reason.
    Status updateDemographics(const domain::Patient &patient);
    // Marks a patient inactive (moved, deceased, ...) from `date`: a new demographics version, so
    // the history keeps it. The patient leaves the huddle, worklists and measures from that date
    // and stays loadable. Reactivating is updateDemographics with status active.
    Status inactivatePatient(const QString &patientId, domain::InactiveReason reason, const QDate &date);
    // One patient with every current record (corrections applied). Audited as a view.
    Result<domain::Patient> loadPatient(const QString &patientId);
    // Every version of every record of the patient, corrections and retractions included, in
    // write order: each with its kind (label: domain::findKind(kind)->label), author, device,
    // writtenAt, the record it supersedes and, for a withdrawal, payload.retraction_reason.
    Result<QList<domain::RecordEnvelope>> patientHistory(const QString &patientId);
    // The record `recordId` if it is the version in force of its lineage (a correction or a
    // withdrawal must start from it, or the history would fork); otherwise an error on "record"
    // naming the version in force, or saying it was withdrawn. Demographics are not records here.
    Result<domain::RecordEnvelope> recordInForce(const QString &recordId);
    // The patient's urine drug screens still waiting for a result (current versions, with their
    // meta.id): entering the result is correctRecord(meta.id, the screen with its result).
    Result<QList<domain::UrineDrugScreen>> pendingUds(const QString &patientId);
    Result<QList<PatientSummary>> listPatients();
    // Every patient with current records (whole-registry rules: gaps, huddle, measures, export),
    // by search key (domain::patientSearchKey), then id. Audited as one bulk view naming the purpose.
    Result<QList<domain::Patient>> loadAllPatients(const QString &purpose);
    // Every patient's summary for the registry clock's today (patient_summaries.h): what the
    // whole-registry lists show, one row per patient instead of every record. Audited like
    // loadAllPatients.
    Result<SummarisedRegistry> patientSummaries(const QString &purpose);
    // Prepares tomorrow's summaries of up to `limit` patients whose summary expires tomorrow, in
    // one transaction (patient_summaries.h: prepareSummariesAhead), so that tomorrow's first read
    // need not recompute them; the app calls it while idle. Shows nothing and is not audited. How
    // many patients it handled: fewer than `limit` when none is left.
    Result<int> prepareSummariesAhead(int limit);
    // Every patient with a visit record dated `date` (any version: the rules decide which count),
    // with their current records. Audited like loadAllPatients.
    Result<QList<domain::Patient>> patientsBookedOn(const QDate &date, const QString &purpose);
    // Ids of the patients roomed on `date` (a rooming record in force dated that day), in id order.
    Result<QStringList> patientsRoomedOn(const QDate &date);

    // --- records --------------------------------------------------------------------------------
    // Every kind in domain::kRecordKinds (record_kinds.h) goes through these three; the kind's
    // WriteRight decides the permission (approving or declining a refill request also needs
    // RecordClinicalDecision). A booking is a scheduled visit; rescheduling, cancelling or
    // completing it is a correction, as is entering a pending urine result or deciding a refill.
    Result<QString> addRecord(const QString &patientId, const RecordValue &record);
    // Several records of one patient in one transaction: all are checked first, and either all
    // are written or none. Errors name the record's index: "[2].strength_mg". Returns the ids in
    // the order given.
    Result<QStringList> addRecords(const QString &patientId, const QList<RecordValue> &records);
    // A correction: a new version that supersedes recordId. Both stay in the registry. The reason,
    // when given, travels with the new version (payload "correction_reason").
    Result<QString> correctRecord(const QString &recordId, const RecordValue &record,
                                  const QString &reason = QString());
    // New records and corrections of one patient in one transaction (a case conference's consult
    // note with the tasks, referrals, goals and taper steps its recommendations became): each is
    // checked like addRecord or correctRecord (a correction from the version in force only), and
    // all are written or none. Errors name the write's index ("[1].owner_role"). `link`, when
    // given, sees the ids the writes will have, in order, before they are checked, and may name
    // them in the records. Returns those ids.
    struct RecordWrite {
        RecordValue record;
        QString supersedes;  // empty: a new record
    };
    using LinkIds = std::function<void(QList<RecordWrite> &writes, const QStringList &ids)>;
    Result<QStringList> writeRecords(const QString &patientId, QList<RecordWrite> writes, const LinkIds &link = {});
    // Withdraws a record entered in error; it stays in the history, marked as withdrawn.
    Result<QString> retractRecord(const QString &recordId, const QString &reason);

    // --- clinic policy ------------------------------------------------------------------------
    // The policy in force: the newest stored version, or the shipped default.
    Result<clinical::ClinicPolicy> clinicPolicy();
    // Administrators: validates the overrides against the policy in force and stores the result
    // as a new version ("clinic-N", or the version the overrides name). Returns the new policy.
    Result<clinical::ClinicPolicy> setClinicPolicy(const QJsonObject &overrides);

    // --- the clinic's patient agreement text ---------------------------------------------------
    // The text in force, as stored: the newest "clinic_agreement" record, or the shipped default
    // (agreement-default.json). Shape: {"version", "title": {en, es}, "sections": {en, es}}.
    Result<QJsonObject> clinicAgreementText();
    // Administrators (edit_policy): checks both languages (errors name the field, "title.es") and
    // stores the text as a new version "clinic-agreement-N", superseding the previous one; the
    // version given in `text` is ignored. Returns the stored text with its version.
    Result<QJsonObject> saveClinicAgreementText(const QJsonObject &text);
    // Every saved version of the clinic's agreement text, oldest first: what a signature naming a
    // version was shown. Empty while the clinic uses the shipped default.
    struct AgreementTextVersion {
        QString version;   // "clinic-agreement-N"
        QDate date;        // the day it was saved
        QString author;    // user id of the administrator who saved it
        QJsonObject text;  // as clinicAgreementText() returns it
    };
    Result<QList<AgreementTextVersion>> clinicAgreementHistory();

    // --- clinic scripts -------------------------------------------------------------------------
    // Saves a clinic's copy of a built-in script (same id) or a script of its own (new id), after
    // the same validation as shipped scripts. Each save is a new version with author and date,
    // superseding the previous one; the built-in original is never changed.
    Result<scripts::Script> saveClinicScript(const QJsonObject &script);
    // The clinic's scripts in their newest versions.
    Result<QList<scripts::Script>> clinicScripts();
    // Every saved version of one clinic script, oldest first.
    Result<QList<scripts::Script>> clinicScriptHistory(const QString &id, const QString &language);

    // --- the clinic's resource directory (registry_resources.cpp) -------------------------------
    // The resources in force that match the filter (retired ones only when it asks), by category
    // then name. Every signed-in role reads it: it is where the clinic refers.
    Result<QList<domain::ClinicResource>> clinicResources(const domain::ResourceFilter &filter = {});
    // Registry manager and administrators: a resource without an id is added (a new id is given);
    // one with an id is a new version of that resource. Errors name the field ("category").
    Result<domain::ClinicResource> saveClinicResource(const domain::ClinicResource &resource);
    struct ClinicResourceVersion {
        domain::ClinicResource resource;
        QDate date;      // the day it was saved
        QString author;  // user id
    };
    // Every saved version of one resource, oldest first.
    Result<QList<ClinicResourceVersion>> clinicResourceHistory(const QString &resourceId);

    // --- the clinic's Six Building Blocks self-assessment (registry_assessment.cpp) -------------
    // Every role: the signed-in user's answers for `round` ({"item id": 1..4} for every item of the
    // shipped form, clinical::SelfAssessment), stored with their role in the clinic scope; answering
    // the same round again replaces their answers with a new version. Errors name the field
    // ("round", "scores.policies.agreements"). Returns the record id.
    Result<QString> answerSelfAssessment(const QString &round, const QJsonObject &scores);
    // Every staff member's answers in force, every round (clinical::roundResults averages them).
    Result<QList<clinical::AssessmentResponse>> selfAssessmentResponses();
    // Administrators and registry managers: without "id", adds an action-plan item (status open
    // unless given); with the "id" of one, stores its next version (the fields given replace the
    // current ones). An owner user may be named by id or name and must be a user of this registry.
    // Errors name the field. Returns the item as stored.
    Result<clinical::ActionPlanItem> saveActionPlanItem(const QJsonObject &item);
    // The action plan's items in force, by due date.
    Result<QList<clinical::ActionPlanItem>> actionPlan();
    // Every version of one action-plan item, oldest first.
    Result<QList<clinical::ActionPlanItem>> actionPlanHistory(const QString &itemId);

    // --- sync (the sync client calls these; same thread rules) --------------------------------
    // The device's sync state ("server", "clinic", "cursor", "pushed_through", ...); empty when unset.
    Result<QString> syncValue(const QString &key);
    Status setSyncValue(const QString &key, const QString &value);
    // Records written on this device that the server has not acknowledged, oldest first; seq is
    // this device's sequence number for each (the server applies each (device, seq) once). Each
    // payload as stored, for the push to send as it is (outbox() is the same with them parsed).
    // afterSeq skips what a batch still waiting for its answer holds.
    Result<QList<storage::OutgoingRecord>> outboxToSend(int limit, std::int64_t afterSeq = 0);
    Result<QList<domain::RecordEnvelope>> outbox(int limit);
    // Takes the records of a sent batch that the server holds (seq up to throughSeq) off the
    // outbox and remembers throughSeq as acknowledged; returns how many it took off.
    Result<int> acknowledgePushed(const QList<storage::OutgoingRecord> &sent, std::int64_t throughSeq);
    // Queues again this device's records after seq (a server restored from a backup lacks them).
    // Returns how many were queued.
    Result<int> requeueOwnAfter(std::int64_t seq);
    // Applies one page pulled from the server and stores its cursor, in one transaction. Records
    // already here (or already in quarantine) are skipped. Each new one passes the server's checks
    // of an arriving record (core/registry/incoming_records.h; the clock bound aside), must name a
    // patient this tablet holds (unless it introduces one) and a record it corrects that is here;
    // one that does not is set aside in quarantine with the reason, and the rest of the page
    // applies. A withdrawal of a quarantined record closes its entry. Returns how many records were
    // stored. With more pages to follow, the summaries of the page's patients stay marked in the
    // page's transaction and are recomputed once, with the last page (or before any read): a first
    // pull then evaluates each patient once instead of once per page they span.
    enum class FeedPosition { LastPage, MorePagesFollow };
    Result<int> applyPulled(const QList<domain::RecordEnvelope> &records, const QString &cursor,
                            FeedPosition position = FeedPosition::LastPage);
    // applyPulled in parts, for pages applied while later ones are still on their way: begin,
    // add() each page's records as it arrives, then finish() stores the cursor and commits. One
    // transaction from beginPulled() to finish() (a first pull is one bulk load, as with
    // applyPulled); destroyed unfinished (an error, a failed request), everything added is rolled
    // back. Nothing else may use the registry in between.
    class PulledPages {
    public:
        ~PulledPages();
        PulledPages(const PulledPages &) = delete;
        PulledPages &operator=(const PulledPages &) = delete;
        Status add(const QList<domain::RecordEnvelope> &records);
        // Returns how many records were stored since beginPulled().
        Result<int> finish(const QString &cursor, FeedPosition position = FeedPosition::LastPage);

    private:
        friend class Registry;
        struct State;
        explicit PulledPages(std::unique_ptr<State> state);
        std::unique_ptr<State> m;
    };
    Result<std::unique_ptr<PulledPages>> beginPulled();
    // The highest sequence number this device has given a write (records it wrote or pulled, and
    // withdrawals of quarantined records).
    Result<std::int64_t> writeCounter();
    // The server holds sequence numbers of this device beyond writeCounter(): the tablet was
    // restored from an older copy of itself. New writes continue after serverHighest (so every
    // later push advances the server's count again), and the next pull starts from the beginning
    // of the feed and includes this device's own records, bringing back those the copy lacks.
    Status resequenceAfter(std::int64_t serverHighest);

    // --- quarantine (registry managers and administrators) -------------------------------------
    [[nodiscard]] bool canManageQuarantine() const;
    // Pulled records set aside because this tablet cannot read them, oldest first.
    Result<QList<storage::QuarantinedRecord>> quarantined(bool includeWithdrawn);
    // Withdraws a quarantined record: a retraction that syncs (the server and the clinic's other
    // tablets close it too). Returns the withdrawal's record id.
    Result<QString> withdrawQuarantined(std::int64_t quarantineId, const QString &reason);
    // Concurrent versions of one record for the registry manager to review.
    Result<QList<storage::Conflict>> conflicts(bool includeReviewed);
    Status reviewConflict(std::int64_t conflictId);
    // Administrators, when enrolling: keeps the server and CA where a locked tablet can read them
    // and adds the escrow slot for escrowKey (which the server keeps; this tablet never does).
    Status recordEnrollment(const keys::Enrollment &enrollment, const keys::SecretBytes &escrowKey);
    // Deletes a registry, its key slots and its device secret: what a revoked device does.
    static Status wipe(const QString &databasePath, platform::Keystore &keystore);

    // --- rooming drafts -----------------------------------------------------------------------
    // The answers of an unfinished rooming, kept so that nothing entered is lost if the tablet
    // dies mid-flow. Stored in the encrypted registry's meta table: never synced, never in the
    // audit log, not a clinical record. One draft per patient; empty when there is none.
    Status saveRoomingDraft(const QString &patientId, const QString &json);
    Result<QString> roomingDraft(const QString &patientId);
    Status clearRoomingDraft(const QString &patientId);

    // --- integrity ------------------------------------------------------------------------------
    Result<RegistryStats> stats();
    // What the sync state needs after each write: records waiting to be sent and the oldest one's
    // write time. Cheaper than stats(), which counts every record and audit entry.
    struct PendingSync {
        qint64 count = 0;
        QString oldestWrite;  // ISO time, empty when nothing is pending
    };
    Result<PendingSync> pendingSync();
    struct AuditReport {
        bool intact = true;
        qint64 entries = 0;
        QString problem;
    };
    Result<AuditReport> verifyAudit();

private:
    // Raw SQL for tests and benchmarks only: core/registry/registry_internals.h.
    friend struct RegistryInternals;
    storage::Database &database();
    // How many summaries the last whole-registry read parsed (the rest were kept from before).
    [[nodiscard]] qsizetype summariesParsedLastRead() const;
    // How many of them the rules engine recomputed (the others were prepared ahead).
    [[nodiscard]] int summariesRecomputedLastRead() const;

    Registry(UserSummary user, QString registryId, QString deviceId, const Clock &clock);
    // `corrected`: the version a correction replaces (field-level rights compare with it).
    Result<domain::AnyRecord> acceptRecord(const RecordValue &value, const QString &verb,
                                           const domain::RecordEnvelope *corrected = nullptr);
    // A referral's write (new, or correcting the record `correcting`): who may make it, its
    // question and destination, a possible status move, a resource the directory holds; and a
    // MOUD status's referral (below).
    Status checkReferralWrite(const domain::AnyRecord &record, const QString &correcting);
    // A MOUD status "referred" names an active resource of the directory that offers MOUD
    // (clinical::offersMoud); a correction keeping the resource it had is not checked again.
    Status checkMoudReferralWrite(const domain::MoudStatus &status, const QString &correcting);
    // Whether the signed-in user may write a record of `kind` under the clinic policy in force
    // (clinical::mayRecord: the role's permission, or a care gap the clinic gives it).
    bool mayWrite(const QString &kind);
    // The one writer of records for the signed-in user on this device (registry_private.h).
    RecordWriter writer();
    // addPatients, addPatientsFrom and importPatients; `single` names errors without the
    // patient's index; `alsoWrite`, when given, runs in the same transaction after the patients.
    Result<QStringList> addPatients(const PatientSource &next, bool single,
                                    const std::function<Status()> &alsoWrite = {});
    // Once after an upgrade marked it (schema 8): every stored record goes through the checks a
    // pulled page gets, and those that fail are moved into the quarantine (registry_sync.cpp).
    Status recheckStoredRecords();
    struct Impl;
    std::unique_ptr<Impl> d;
    UserSummary m_user;
    QString m_registryId;
    QString m_deviceId;
    const Clock &m_clock;
};

}  // namespace cairn::registry
