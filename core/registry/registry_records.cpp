#include "core/clinical/case_conference.h"
#include "core/clinical/intake.h"
#include "core/domain/envelope_validation.h"
#include "core/domain/text.h"
#include "core/registry/patient_records.h"
#include "core/registry/patient_summaries.h"
#include "core/registry/registry_private.h"
#include "core/storage/summary_store.h"

#include <QJsonDocument>
#include <QUuid>

#include <algorithm>
#include <numeric>
#include <tuple>

namespace cairn::registry {

Result<QString> Registry::addPatient(const domain::Patient &patient)
{
    auto ids = addPatients({patient});
    if (!ids)
        return ids.error();
    return ids->first();
}

namespace {

// Patients in the order every list shows them and the summaries come in: by search key, then id.
QList<domain::Patient> inSearchOrder(QList<domain::Patient> patients)
{
    QList<QString> keys;
    keys.reserve(patients.size());
    for (const domain::Patient &p : std::as_const(patients))
        keys.append(domain::patientSearchKey(p.name, p.clinicId));
    QList<qsizetype> order(patients.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return std::tie(keys.at(a), patients.at(a).id) < std::tie(keys.at(b), patients.at(b).id);
    });
    QList<domain::Patient> sorted;
    sorted.reserve(order.size());
    for (qsizetype i : std::as_const(order))
        sorted.append(std::move(patients[i]));
    return sorted;
}

}  // namespace

namespace {
// The patients of a list in turn, as addPatients takes them.
Registry::PatientSource oneAtATime(const QList<domain::Patient> &patients)
{
    return [&patients, at = qsizetype(0)]() mutable -> std::optional<domain::Patient> {
        if (at == patients.size())
            return std::nullopt;
        return patients.at(at++);
    };
}
}  // namespace

Result<QStringList> Registry::addPatients(const QList<domain::Patient> &patients)
{
    return addPatients(oneAtATime(patients), patients.size() == 1);
}

Result<QStringList> Registry::addPatientsFrom(const PatientSource &next)
{
    return addPatients(next, false);
}

namespace {
const QString kSheetMappingKey = QStringLiteral("sheet_mapping");
}  // namespace

Result<QStringList> Registry::importPatients(const QList<domain::Patient> &patients, const QJsonObject &sheetMapping)
{
    if (!can(keys::Permission::ImportData) || !can(keys::Permission::EditDemographics))
        return forbidden(QStringLiteral("importing patients"));
    return addPatients(oneAtATime(patients), patients.size() == 1, [&]() -> Status {
        if (sheetMapping.isEmpty())
            return ok();
        return storage::MetaStore(*d->db).setValue(
            kSheetMappingKey, QString::fromUtf8(QJsonDocument(sheetMapping).toJson(QJsonDocument::Compact)));
    });
}

Result<QJsonObject> Registry::sheetMapping()
{
    if (!can(keys::Permission::ImportData))
        return forbidden(QStringLiteral("importing patients"));
    auto text = storage::MetaStore(*d->db).value(kSheetMappingKey);
    if (!text)
        return text.error();
    return QJsonDocument::fromJson(text->toUtf8()).object();
}

Result<QStringList> Registry::addPatients(const PatientSource &next, bool single,
                                          const std::function<Status()> &alsoWrite)
{
    if (!can(keys::Permission::EditDemographics))
        return forbidden(QStringLiteral("adding patients"));
    RecordWriter w = writer();
    // All or nothing: an error returns before the commit, and the transaction rolls back.
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    // Into a new registry (seeding, a first import): in bulk.
    auto bulk = storage::BulkLoad::begin(*d->db);
    if (!bulk)
        return bulk.error();
    if (*bulk)
        w.bulk = &**bulk;
    QHash<QString, qsizetype> clinicIds;
    QStringList ids;
    for (qsizetype i = 0;; ++i) {
        std::optional<domain::Patient> patient = next();
        if (!patient)
            break;
        auto where = [&](const Error &e) { return single ? e : e.within(QStringLiteral("patients[%1]").arg(i)); };
        if (auto s = checkPatient(*patient); !s)
            return where(s.error());
        const QString clinicId = patient->clinicId.trimmed();
        if (clinicIds.contains(clinicId))
            return where(
                Error{QStringLiteral("clinic_id"), QStringLiteral("\"%1\" is given to two patients (also patients[%2])")
                                                       .arg(clinicId.left(64))
                                                       .arg(clinicIds.value(clinicId))});
        clinicIds.insert(clinicId, i);
        // A registry loaded in bulk had no records, so no patients: only this load's ids can clash.
        if (!w.bulk) {
            if (auto s = clinicIdFree(*d->db, clinicId, patient->id); !s)
                return where(s.error());
        }
        const auto envelopes = envelopesOf(std::move(*patient), [&w](domain::RecordMeta &meta) { w.stamp(meta); });
        for (const auto &envelope : envelopes) {
            // One audit entry per patient added; its records are found through the patient.
            const bool first = &envelope == &envelopes.first();
            if (auto s = w.write(envelope, QStringLiteral("add_patient"), first); !s)
                return s.error();
        }
        ids.append(envelopes.first().patientId);
    }
    if (auto s = w.finishBulk(); !s)
        return s.error();
    if (alsoWrite) {
        if (auto s = alsoWrite(); !s)
            return s.error();
    }
    if (auto s = w.commit(*tx); !s)
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
    RecordWriter w = writer();
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
bool Registry::mayWrite(const QString &kind)
{
    auto policy = clinicPolicy();
    if (!policy)  // an unreadable policy gives no one more than the role's own permission
        return can(permissionToWrite(kind));
    return clinical::mayRecord(m_user.role, kind, *policy);
}

Result<domain::AnyRecord> Registry::acceptRecord(const RecordValue &value, const QString &verb,
                                                 const domain::RecordEnvelope *corrected)
{
    domain::AnyRecord record = value;
    const QString kind = domain::recordKind(record);
    if (!mayWrite(kind))
        return forbidden(QStringLiteral("%1 %2").arg(verb, kind));
    if (const auto *request = std::get_if<domain::RefillRequest>(&record)) {
        // Anyone may log a request or route it; the decision itself is a clinician's.
        const bool decided = request->decision == domain::RefillDecision::Approved ||
                             request->decision == domain::RefillDecision::Declined;
        if (decided && !can(keys::Permission::RecordClinicalDecision))
            return forbidden(QStringLiteral("deciding a refill request"));
    }
    if (const auto *intake = std::get_if<domain::Intake>(&record)) {
        // The front desk keeps an intake's administrative fields; the diagnosis and the first-visit
        // decision need more (clinical/intake.h).
        std::optional<domain::Intake> before;
        if (corrected && corrected->kind == kind) {
            auto read = domain::recordFromJson(kind, corrected->payload);
            if (read && std::holds_alternative<domain::Intake>(*read))
                before = std::get<domain::Intake>(*read);
        }
        const auto needed = clinical::intakeFieldPermission(*intake, before ? &*before : nullptr);
        if (needed && !can(*needed))
            return forbidden(*needed == keys::Permission::RecordClinicalDecision
                                 ? QStringLiteral("recording an intake's first-visit decision")
                                 : QStringLiteral("recording an intake's diagnosis"));
    }
    // A task's owner is a role of the care team (roles are core/keys', which domain validation
    // cannot see).
    if (const auto *task = std::get_if<domain::Task>(&record))
        if (auto s = clinical::checkTaskOwner(task->ownerRole); !s)
            return s.error();
    if (auto s = checkRecord(record); !s)
        return s.error();
    return record;
}

// A case conference's next version moves its status one step (clinical::checkConferenceMove),
// however it is written: the tablet's form, cairnctl, a consult note.
namespace {
Status checkNextVersion(const domain::RecordEnvelope &original, const domain::AnyRecord &next)
{
    const auto *conference = std::get_if<domain::CaseConference>(&next);
    if (!conference || original.kind != domain::kindInfo<domain::CaseConference>().kind())
        return ok();
    domain::ConferenceStatus from{};
    if (!domain::parse(original.payload.value(QStringLiteral("status")).toString(), &from))
        from = domain::ConferenceStatus::Requested;
    return clinical::checkConferenceMove(from, conference->status);
}
}  // namespace

// --- the opioid prescriber of record ------------------------------------------------------------

namespace {

// The first opioid prescription recorded in Cairn for a patient makes this clinic the opioid
// prescriber of record from that prescription's start (Patient::opioidPrescriberSince), written
// with it in the caller's transaction. Nothing changes when the date is already set (the patient
// form, an earlier prescription) or when the patient already has opioids on record without it:
// their history came with them, so when the clinic began prescribing is not known.
Status noteFirstOpioidPrescription(RecordWriter &w, RecordStore &store, const QString &patientId,
                                   const QList<domain::AnyRecord> &records)
{
    QDate earliest;
    for (const domain::AnyRecord &record : records) {
        const auto *opioid = std::get_if<domain::OpioidEntry>(&record);
        if (opioid && opioid->start.isValid() && (!earliest.isValid() || opioid->start < earliest))
            earliest = opioid->start;
    }
    if (!earliest.isValid())
        return ok();
    auto current = store.current(patientId);
    if (!current)
        return current.error();
    const domain::RecordEnvelope *demographics = nullptr;
    for (const domain::RecordEnvelope &stored : std::as_const(*current)) {
        if (stored.kind == QLatin1String("opioid"))
            return ok();
        if (stored.kind == domain::kDemographicsKind.kind())
            demographics = &stored;
    }
    if (!demographics)
        return Error{QStringLiteral("patient"), QStringLiteral("the patient's demographics are missing")};
    auto patient = domain::demographicsFromJson(demographics->payload);
    if (!patient)
        return patient.error();
    if (patient->opioidPrescriberSince.isValid())
        return ok();
    patient->id = patientId;
    patient->opioidPrescriberSince = earliest;
    w.stamp(patient->meta);
    patient->meta.supersedes = QUuid::fromString(demographics->id);
    return w.write(demographicsEnvelope(*patient), QStringLiteral("correct_record"));
}

// New records of one patient, already accepted, written in one transaction with what the first
// opioid prescription notes; their ids in the records' order.
Result<QStringList> writeNewRecords(RecordWriter &w, const QString &patientId, QList<domain::AnyRecord> records)
{
    if (auto row = w.store.patient(patientId); !row)
        return row.error();
    auto tx = Transaction::begin(w.db);
    if (!tx)
        return tx.error();
    if (auto s = noteFirstOpioidPrescription(w, w.store, patientId, records); !s)
        return s.error();
    QStringList ids;
    for (auto &record : records) {
        w.stamp(domain::recordMeta(record));
        domain::recordMeta(record).supersedes = QUuid();
        const auto envelope = toEnvelope(patientId, record);
        if (auto s = w.write(envelope, QStringLiteral("add_record")); !s)
            return s.error();
        ids.append(envelope.id);
    }
    if (auto s = w.commit(*tx); !s)
        return s.error();
    return ids;
}

}  // namespace

Result<QString> Registry::addRecord(const QString &patientId, const RecordValue &value)
{
    auto accepted = acceptRecord(value, QStringLiteral("recording"));
    if (!accepted)
        return accepted.error();
    if (auto s = checkReferralWrite(*accepted, QString()); !s)
        return s.error();
    RecordWriter w = writer();
    auto ids = writeNewRecords(w, patientId, {std::move(accepted).value()});
    if (!ids)
        return ids.error();
    return ids->first();
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
        if (auto s = checkReferralWrite(*accepted, QString()); !s)
            return s.error().field.isEmpty() ? s.error() : s.error().within(QStringLiteral("[%1]").arg(i));
        records.append(std::move(accepted).value());
    }
    RecordWriter w = writer();
    return writeNewRecords(w, patientId, std::move(records));
}

Result<QString> Registry::correctRecord(const QString &recordId, const RecordValue &value, const QString &reason)
{
    if (reason.size() > 500)
        return Error{QStringLiteral("reason"), QStringLiteral("is too long (at most 500 characters)")};
    RecordStore store(*d->db);
    auto original = store.find(recordId);
    if (!original)
        return original.error();
    auto accepted = acceptRecord(value, QStringLiteral("correcting"), &*original);
    if (!accepted)
        return accepted.error();
    domain::AnyRecord record = std::move(accepted).value();
    const QString kind = domain::recordKind(record);
    if (original->kind != kind)
        return Error{QStringLiteral("kind"),
                     QStringLiteral("a %1 record can only be corrected by another %1 record").arg(original->kind)};
    if (auto s = checkReferralWrite(record, recordId); !s)
        return s.error();
    if (auto s = checkNextVersion(*original, record); !s)
        return s.error();
    RecordWriter w = writer();
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

Result<QStringList> Registry::writeRecords(const QString &patientId, QList<RecordWrite> writes, const LinkIds &link)
{
    RecordStore store(*d->db);
    if (auto row = store.patient(patientId); !row)
        return row.error();
    RecordWriter w = writer();
    // Ids first, so that `link` can name the new records in the others before anything is checked.
    QStringList ids;
    for (RecordWrite &write : writes) {
        w.stamp(domain::recordMeta(write.record));
        ids << domain::recordMeta(write.record).id.toString(QUuid::WithoutBraces);
    }
    if (link)
        link(writes, ids);
    QList<domain::RecordEnvelope> envelopes;
    for (qsizetype i = 0; i < writes.size(); ++i) {
        RecordWrite &write = writes[i];
        const QString at = QStringLiteral("[%1]").arg(i);
        const domain::RecordMeta meta = domain::recordMeta(write.record);
        auto accepted = acceptRecord(write.record, write.supersedes.isEmpty() ? QStringLiteral("recording")
                                                                              : QStringLiteral("correcting"));
        if (!accepted)
            return accepted.error().field.isEmpty() ? accepted.error() : accepted.error().within(at);
        domain::AnyRecord record = std::move(accepted).value();
        domain::recordMeta(record) = meta;
        if (!write.supersedes.isEmpty()) {
            // A correction starts from the version in force, of the same kind and patient.
            auto original = recordInForce(write.supersedes);
            if (!original)
                return original.error().within(at);
            if (original->kind != domain::recordKind(record) || original->patientId != patientId)
                return Error{at + QStringLiteral(".record"),
                             QStringLiteral("is not a %1 record of this patient").arg(domain::recordKind(record))};
            if (auto s = checkNextVersion(*original, record); !s)
                return s.error();
            domain::recordMeta(record).supersedes = QUuid::fromString(write.supersedes);
        } else {
            domain::recordMeta(record).supersedes = QUuid();
        }
        envelopes << toEnvelope(patientId, record);
    }
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    for (qsizetype i = 0; i < envelopes.size(); ++i)
        if (auto s = w.write(envelopes.at(i), writes.at(i).supersedes.isEmpty() ? QStringLiteral("add_record")
                                                                                : QStringLiteral("correct_record"));
            !s)
            return s.error();
    if (auto s = w.commit(*tx); !s)
        return s.error();
    return ids;
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
    if (!mayWrite(original->kind))
        return forbidden(QStringLiteral("withdrawing %1").arg(original->kind));
    if (reason.trimmed().isEmpty())
        return Error{QStringLiteral("reason"), QStringLiteral("say why the record is withdrawn")};
    RecordWriter w = writer();
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

namespace {

// Patients are read only with ViewPatient: the one refusal of every read below.
Status mayViewPatients(const Registry &registry)
{
    if (!registry.can(keys::Permission::ViewPatient))
        return forbidden(QStringLiteral("viewing patients"));
    return ok();
}

// A read of patients in the audit log: who read, when, `action`, the patient (none: the whole
// registry) and the purpose the caller gave.
Status auditRead(Database &db, const Registry &registry, const QString &action, const QString &patientId,
                 const QString &purpose = {})
{
    return auditInTransaction(db, {registry.clock().now(), registry.user().id, action, patientId, {}, purpose});
}

}  // namespace

Result<domain::Patient> Registry::loadPatient(const QString &patientId)
{
    if (auto s = mayViewPatients(*this); !s)
        return s.error();
    auto current = RecordStore(*d->db).current(patientId);
    if (!current)
        return current.error();
    if (current->isEmpty())
        return Error{QStringLiteral("patient"), QStringLiteral("no patient with id %1").arg(patientId)};
    auto patient = assemblePatient(*current);
    if (!patient)
        return patient.error();
    if (auto s = auditRead(*d->db, *this, QStringLiteral("view_patient"), patientId); !s)
        return s.error();
    return patient;
}

Result<QList<domain::RecordEnvelope>> Registry::patientHistory(const QString &patientId)
{
    if (auto s = mayViewPatients(*this); !s)
        return s.error();
    auto history = RecordStore(*d->db).history(patientId);
    if (!history)
        return history.error();
    if (auto s = auditRead(*d->db, *this, QStringLiteral("view_history"), patientId); !s)
        return s.error();
    return history;
}

Result<domain::RecordEnvelope> Registry::recordInForce(const QString &recordId)
{
    if (auto s = mayViewPatients(*this); !s)
        return s.error();
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
    if (auto s = mayViewPatients(*this); !s)
        return s.error();
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
    if (auto s = mayViewPatients(*this); !s)
        return s.error();
    // Records are append-only, so the highest seq names the registry's whole state: while it is
    // unchanged, the patients read last time are still exact, and moving between the screens that
    // read the whole registry costs no second read. Every call is still audited. The copy lives
    // as long as this unlocked registry (it goes when the tablet locks).
    auto newest = RecordStore(*d->db).highestSeq();
    if (!newest)
        return newest.error();
    if (*newest != d->allPatientsThrough) {
        RecordStore store(*d->db);
        auto patients = assembleAllPatients(store);
        if (!patients)
            return patients.error();
        d->allPatients = inSearchOrder(std::move(patients).value());
        d->allPatientsThrough = *newest;
    }
    if (auto s = auditRead(*d->db, *this, QStringLiteral("view_all_patients"), {}, purpose); !s)
        return s.error();
    return d->allPatients;
}

Result<SummarisedRegistry> Registry::patientSummaries(const QString &purpose)
{
    if (auto s = mayViewPatients(*this); !s)
        return s.error();
    // The summaries read last are kept parsed; after a write only its patients' are read again.
    // Evaluations point into the patients' shared buffer, which neither the cache nor the caller's
    // copy ever changes. Every read is still audited.
    auto summaries = d->summaries.read(*d->db, summaryDate(m_clock));
    if (!summaries)
        return summaries.error();
    if (auto s = auditRead(*d->db, *this, QStringLiteral("view_all_patients"), {}, purpose); !s)
        return s.error();
    return summaries;
}

Result<int> Registry::prepareSummariesAhead(int limit)
{
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    auto prepared = registry::prepareSummariesAhead(*d->db, summaryDate(m_clock), limit);
    if (!prepared)
        return prepared.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return prepared;
}

qsizetype Registry::summariesParsedLastRead() const
{
    return d->summaries.lastParsed();
}

int Registry::summariesRecomputedLastRead() const
{
    return d->summaries.lastRecomputed();
}

Result<QList<domain::Patient>> Registry::patientsBookedOn(const QDate &date, const QString &purpose)
{
    if (auto s = mayViewPatients(*this); !s)
        return s.error();
    // Bookings pulled in a page whose summaries are still marked (more pages were to follow).
    auto marked = storage::SummaryStore(*d->db).anyDirty();
    if (!marked)
        return marked.error();
    if (*marked) {
        auto tx = Transaction::begin(*d->db);
        if (!tx)
            return tx.error();
        if (auto s = commitWithSummaries(*tx, *d->db, m_clock); !s)
            return s.error();
    }
    auto ids = storage::SummaryStore(*d->db).patientsWithVisitOn(date.toString(Qt::ISODate));
    if (!ids)
        return ids.error();
    RecordStore store(*d->db);
    QList<domain::Patient> patients;
    if (auto s = forEachPatientOf(store, *ids,
                                  [&patients](domain::Patient &&patient) {
                                      patients.append(std::move(patient));
                                      return ok();
                                  });
        !s)
        return s.error();
    if (auto s = auditRead(*d->db, *this, QStringLiteral("view_all_patients"), {}, purpose); !s)
        return s.error();
    return patients;
}

Result<QStringList> Registry::patientsRoomedOn(const QDate &date)
{
    if (auto s = mayViewPatients(*this); !s)
        return s.error();
    return storage::SummaryStore(*d->db).patientsRoomedOn(date.toString(Qt::ISODate));
}

}  // namespace cairn::registry
