#include "sync/server/sync_service.h"

#include "core/domain/envelope_validation.h"
#include "core/keys/keyring.h"
#include "core/keys/pin_verifier.h"
#include "core/registry/incoming_records.h"
#include "core/roles/roles.h"
#include "platform/logging.h"
#include "sync/protocol/push_text.h"
#include "sync/server/blocks_worked_ahead.h"
#include "sync/server/server_queries.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

#include <variant>

namespace cairn::sync {
namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Rolls back unless committed: nothing half-written.
class ServerTransaction {
public:
    explicit ServerTransaction(SqlConnection &db)
        : m_db(db)
    {}
    ~ServerTransaction()
    {
        if (m_open)
            m_db.rollback();
    }
    ServerTransaction(const ServerTransaction &) = delete;
    ServerTransaction &operator=(const ServerTransaction &) = delete;
    Status begin()
    {
        auto s = m_db.begin();
        m_open = static_cast<bool>(s);
        return s;
    }
    Status commit()
    {
        auto s = m_db.commit();
        if (s)
            m_open = false;
        return s;
    }
    void rollback()
    {
        if (m_open)
            m_db.rollback();
        m_open = false;
    }

private:
    SqlConnection &m_db;
    bool m_open = false;
};

Reply serverError(const Error &error)
{
    // Store failures are the server's problem; say so without echoing internals.
    qCWarning(lcSyncServer, "store error: %s", qUtf8Printable(error.message));
    return errorReply(500, Error{QString(), QStringLiteral("the server could not complete the request; try again")});
}

// A refusal's reason for the audit trail: the status and the field it names, never the message,
// which may quote the refused value.
QString refusalReason(const Reply &reply)
{
    const QString field = errorFromJson(reply.body, QString()).field;
    return field.isEmpty() ? QString::number(reply.status) : QString::number(reply.status) + QLatin1Char(' ') + field;
}

// Where a pushed change's record sits in the request, for a refusal's field (built only then).
QString recordAt(qsizetype index)
{
    return QStringLiteral("changes[%1].record").arg(index);
}

QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

}  // namespace

Reply errorReply(int status, const Error &error)
{
    return {status, errorToJson(error)};
}

Reply SyncService::auditedRefusal(Reply reply, ServerAuditEntry entry)
{
    if (reply.status < 400 || reply.status >= 500)
        return reply;
    if (entry.reason.isEmpty())
        entry.reason = refusalReason(reply);
    // The refusal is answered even when it cannot be recorded; the operator's log says so.
    if (auto s = m_audit.appendAlone(entry); !s)
        qCWarning(lcSyncServer, "audit trail: cannot record a refusal: %s", qUtf8Printable(s.error().message));
    return reply;
}

void SyncService::recordRefusal(const ServerAuditEntry &entry)
{
    if (auto s = m_audit.appendAlone(entry); !s)
        qCWarning(lcSyncServer, "audit trail: cannot record a refusal: %s", qUtf8Printable(s.error().message));
}

namespace {
// Refused credentials recorded per minute. A stranger needs no credential to be refused, and each
// recorded refusal is a committed write on the store thread: beyond this, a flood of bad
// credentials is counted instead of written, so it cannot hold up the clinics' pushes and pulls.
constexpr int kStrangerRefusalsRecordedPerMinute = 60;
constexpr qint64 kStrangerRefusalWindowMs = 60'000;
}  // namespace

Reply SyncService::auditedStrangerRefusal(const Reply &reply, ServerAuditEntry entry)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_strangerRefusals.startMs >= kStrangerRefusalWindowMs)
        m_strangerRefusals = Window{now, 0};
    if (m_strangerRefusals.count >= kStrangerRefusalsRecordedPerMinute) {
        if (m_strangerRefusalsUnrecorded++ == 0)
            qCWarning(lcSyncServer, "audit trail: over %d refused credentials this minute; counting the rest",
                      kStrangerRefusalsRecordedPerMinute);
        return reply;
    }
    ++m_strangerRefusals.count;
    // This entry stands for itself and the refusals counted since the last one recorded.
    entry.refused = 1 + m_strangerRefusalsUnrecorded;
    m_strangerRefusalsUnrecorded = 0;
    return auditedRefusal(reply, entry);
}

QString SyncService::hashSecret(const QString &secret)
{
    return QString::fromLatin1(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Status SyncService::open()
{
    if (auto s = m_db->ensureSchema(); !s)
        return s;
    auto current = epoch();
    if (!current)
        return current.error();
    if (current->isEmpty()) {
        auto fresh = newEpoch();
        if (!fresh)
            return fresh.error();
    }
    return recheckStoredRecords();
}

Status SyncService::recheckStoredRecords()
{
    const char *kCheckedKey = "stored_records_checked";
    auto checked = m_db->query("SELECT value FROM meta WHERE key = ?", {QString::fromLatin1(kCheckedKey)});
    if (!checked)
        return checked.error();
    if (!checked->isEmpty())
        return ok();
    ServerTransaction tx(*m_db);
    if (auto s = tx.begin(); !s)
        return s;
    // Servers sharing one PostgreSQL may open it at once: one checks, the others find the mark.
    if (auto s = m_db->lockAuditChain(); !s)
        return s;
    checked = m_db->query("SELECT value FROM meta WHERE key = ?", {QString::fromLatin1(kCheckedKey)});
    if (!checked)
        return checked.error();
    if (!checked->isEmpty())
        return ok();

    // The checks of storePush, over the feed in the order it was stored: only a patient's own
    // first record introduces them, in the clinic that pushed it; a correction names a record held
    // (and not set aside) of the same patient; a withdrawal may name a set-aside record (tablets
    // holding it in their quarantine close it with that withdrawal).
    const QDateTime serverNow = QDateTime::currentDateTimeUtc();
    const QString setAsideAt = nowIso();
    QHash<QString, QString> clinicOfPatient;
    QSet<QString> setAside;
    struct Tally {
        std::int64_t count = 0;
        QString firstField;
    };
    QMap<QString, Tally> byClinic;
    QString after = QStringLiteral("0");
    for (;;) {
        auto page = m_db->query("SELECT position, clinic, id, record FROM changes WHERE position > ? "
                                "ORDER BY position LIMIT 1000",
                                {after});
        if (!page)
            return page.error();
        if (page->isEmpty())
            break;
        for (const SqlRow &row : std::as_const(*page)) {
            after = row.at(0);
            const QString &clinic = row.at(1);
            std::optional<Error> failure;
            auto record = envelopeFromJson(QJsonDocument::fromJson(row.at(3).toUtf8()).object());
            if (!record) {
                failure = record.error().within(QStringLiteral("record"));
            } else if (auto s = registry::validateIncomingRecord(*record, serverNow); !s) {
                failure = s.error().within(QStringLiteral("record"));
            } else if (!record->supersedes.isEmpty()) {
                auto parent = m_db->query("SELECT clinic, patient_id FROM changes WHERE id = ? AND position < ?",
                                          {record->supersedes, row.at(0)});
                if (!parent)
                    return parent.error();
                const bool withdrawsSetAside = record->retracted && setAside.contains(record->supersedes);
                if (parent->isEmpty() || parent->first().first() != clinic ||
                    (setAside.contains(record->supersedes) && !withdrawsSetAside))
                    failure = Error{QStringLiteral("record.supersedes"),
                                    QStringLiteral("names a record the server does not hold")};
                else if (parent->first().at(1) != record->patientId)
                    failure =
                        Error{QStringLiteral("record.supersedes"), QStringLiteral("names a record of another patient")};
            }
            if (!failure && record->patientId != domain::kClinicScope) {
                const auto owner = clinicOfPatient.constFind(record->patientId);
                // A withdrawal of a held record passed above; it needs no patient (storePush's exception).
                const bool withdrawal = record->retracted && !record->supersedes.isEmpty();
                if (owner == clinicOfPatient.cend()) {
                    if (record->kind == QLatin1String("patient") && record->supersedes.isEmpty())
                        clinicOfPatient.insert(record->patientId, clinic);
                    else if (!withdrawal)
                        failure = Error{QStringLiteral("record.patient_id"),
                                        QStringLiteral("names no patient of this clinic")};
                } else if (*owner != clinic) {
                    failure = Error{QStringLiteral("record.patient_id"), QStringLiteral("belongs to another clinic")};
                }
            }
            if (!failure)
                continue;
            setAside.insert(row.at(2));
            Tally &tally = byClinic[clinic];
            if (tally.count++ == 0)
                tally.firstField = failure->field;
            if (auto s = m_db->execute("INSERT INTO set_aside (id, clinic, field, message, set_aside_at) "
                                       "VALUES (?, ?, ?, ?, ?)",
                                       {row.at(2), clinic, failure->field, failure->message, setAsideAt});
                !s)
                return s;
        }
    }
    // Counts and a field path only: the message may quote the stored value.
    for (auto it = byClinic.cbegin(); it != byClinic.cend(); ++it) {
        ServerAuditEntry entry(ServerAuditEvent::SetAsideOnRecheck, it.key());
        entry.refused = it->count;
        entry.reason = it->firstField;
        if (auto s = m_audit.append(entry); !s)
            return s;
    }
    if (auto s = m_db->execute("INSERT INTO meta (key, value) VALUES (?, '1')", {QString::fromLatin1(kCheckedKey)}); !s)
        return s;
    return tx.commit();
}

Result<QString> SyncService::epoch()
{
    auto rows = m_db->query("SELECT value FROM meta WHERE key = 'epoch'", {});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? QString() : rows->first().first();
}

Result<QString> SyncService::newEpoch()
{
    const QString value = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ServerTransaction tx(*m_db);
    if (auto s = tx.begin(); !s)
        return s.error();
    if (auto s = m_db->execute("INSERT INTO meta (key, value) VALUES ('epoch', ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               {value});
        !s)
        return s.error();
    if (auto s = m_audit.append(ServerAuditEntry(ServerAuditEvent::NewEpoch)); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return value;
}

Result<QString> SyncService::createEnrollment(const QString &clinic, std::chrono::seconds validity)
{
    if (clinic.trimmed().isEmpty())
        return Error{QStringLiteral("clinic"), QStringLiteral("is required")};
    // Unambiguous letters and digits, read aloud or typed on a tablet.
    static const QString alphabet = QStringLiteral("ABCDEFGHJKMNPQRSTUVWXYZ23456789");
    QString code;
    for (int i = 0; i < 12; ++i) {
        if (i > 0 && i % 4 == 0)
            code += QLatin1Char('-');
        code += alphabet.at(static_cast<qsizetype>(QRandomGenerator::system()->bounded(alphabet.size())));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ServerTransaction tx(*m_db);
    if (auto s = tx.begin(); !s)
        return s.error();
    if (auto s =
            m_db->execute("INSERT INTO enrollments (code_hash, clinic, created_at, expires_at) VALUES (?, ?, ?, ?)",
                          {hashSecret(code), clinic.trimmed(), now.toString(Qt::ISODateWithMs),
                           now.addSecs(validity.count()).toString(Qt::ISODateWithMs)});
        !s)
        return s.error();
    if (auto s = m_audit.append(ServerAuditEntry(ServerAuditEvent::EnrollmentCode, clinic.trimmed())); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return code;
}

Status SyncService::revoke(const QString &deviceId)
{
    ServerTransaction tx(*m_db);
    if (auto s = tx.begin(); !s)
        return s;
    auto rows = m_db->query("SELECT clinic, revoked_at FROM devices WHERE id = ?", {deviceId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error{QStringLiteral("device"), QStringLiteral("no enrolled device with id %1").arg(deviceId)};
    if (!rows->first().at(1).isNull())
        return ok();  // revoked already: nothing changes, nothing to record
    if (auto s = m_db->execute("UPDATE devices SET revoked_at = ? WHERE id = ?", {nowIso(), deviceId}); !s)
        return s;
    if (auto s = m_audit.append(ServerAuditEntry(ServerAuditEvent::Revoked, rows->first().at(0), deviceId)); !s)
        return s;
    return tx.commit();
}

Reply SyncService::enroll(const QJsonObject &body)
{
    auto request = enrollRequestFromJson(body);
    if (!request)
        return auditedRefusal(errorReply(400, request.error()), ServerAuditEntry(ServerAuditEvent::RefusedBadRequest));
    return auditedRefusal(enrollWith(*request),
                          ServerAuditEntry(ServerAuditEvent::RefusedEnrollment, QString(), request->device));
}

Reply SyncService::enrollWith(const EnrollRequest &request)
{
    ServerTransaction tx(*m_db);
    if (auto s = tx.begin(); !s)
        return serverError(s.error());
    auto rows = m_db->query("SELECT clinic, expires_at, used_by FROM enrollments WHERE code_hash = ?",
                            {hashSecret(request.code.trimmed().toUpper())});
    if (!rows)
        return serverError(rows.error());
    if (rows->isEmpty() || !rows->first().at(2).isNull() ||
        QDateTime::fromString(rows->first().at(1), Qt::ISODateWithMs) < QDateTime::currentDateTimeUtc())
        return errorReply(
            403, {QStringLiteral("code"), QStringLiteral("is not a valid, unused, unexpired enrollment code")});
    const QString clinic = rows->first().at(0);
    auto existing = m_db->query("SELECT id FROM devices WHERE id = ?", {request.device});
    if (!existing)
        return serverError(existing.error());
    if (!existing->isEmpty())
        return errorReply(409, {QStringLiteral("device"), QStringLiteral("is already enrolled")});
    const QString credential = randomToken(32);
    if (auto s = m_db->execute("UPDATE enrollments SET used_by = ?, used_at = ? WHERE code_hash = ?",
                               {request.device, nowIso(), hashSecret(request.code.trimmed().toUpper())});
        !s)
        return serverError(s.error());
    if (auto s = m_db->execute("INSERT INTO devices (id, clinic, credential_hash, enrolled_at) VALUES (?, ?, ?, ?)",
                               {request.device, clinic, hashSecret(credential), nowIso()});
        !s)
        return serverError(s.error());
    if (auto s = m_db->execute("INSERT INTO device_escrow (device, escrow_key) VALUES (?, ?)",
                               {request.device, request.escrowKey});
        !s)
        return serverError(s.error());
    if (auto s = m_audit.append(ServerAuditEntry(ServerAuditEvent::Enrolled, clinic, request.device)); !s)
        return serverError(s.error());
    auto currentEpoch = epoch();
    if (!currentEpoch)
        return serverError(currentEpoch.error());
    if (auto s = tx.commit(); !s)
        return serverError(s.error());
    return {200, toJson(EnrollResponse{request.device, clinic, credential, *currentEpoch})};
}

std::variant<Device, Reply> SyncService::authenticate(const QByteArray &authorization)
{
    const Reply refused =
        errorReply(401, {QStringLiteral("authorization"), QStringLiteral("unknown device or wrong credential")});
    const ServerAuditEntry unauthenticated(ServerAuditEvent::RefusedUnauthenticated);
    if (!authorization.startsWith("Device "))
        return auditedStrangerRefusal(refused, unauthenticated);
    const QByteArray token = authorization.mid(7).trimmed();
    const qsizetype colon = token.indexOf(':');
    if (colon <= 0)
        return auditedStrangerRefusal(refused, unauthenticated);
    const QString id = QString::fromLatin1(token.left(colon));
    const QString credential = QString::fromLatin1(token.mid(colon + 1));
    auto rows = m_db->query(server_queries::kDevice, {id});
    if (!rows)
        return serverError(rows.error());
    // The claimed id is kept (never the credential): which device, or which guess, was refused.
    if (rows->isEmpty() || rows->first().at(1) != hashSecret(credential))
        return auditedStrangerRefusal(refused, ServerAuditEntry(ServerAuditEvent::RefusedUnauthenticated,
                                                                rows->isEmpty() ? QString() : rows->first().at(0), id));
    if (!rows->first().at(2).isNull()) {
        Reply gone = errorReply(410, {QStringLiteral("device"), QStringLiteral("this device was revoked")});
        gone.body.insert(QStringLiteral("wipe"), true);
        return auditedRefusal(gone, ServerAuditEntry(ServerAuditEvent::RefusedRevoked, rows->first().at(0), id));
    }
    return Device{id, rows->first().at(0)};
}

Result<std::int64_t> SyncService::highestSeq(const QString &deviceId)
{
    auto rows = m_db->query("SELECT highest_seq FROM devices WHERE id = ?", {deviceId});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? 0 : rows->first().first().toLongLong();
}

Reply SyncService::push(const QByteArray &authorization, const QJsonObject &body)
{
    auto who = authenticate(authorization);
    if (auto *refusal = std::get_if<Reply>(&who))
        return *refusal;
    const Device device = std::get<Device>(who);
    auto request = pushRequestFromJson(body);
    if (!request)
        return auditedRefusal(errorReply(400, request.error()),
                              ServerAuditEntry(ServerAuditEvent::RefusedBadRequest, device.clinic, device.id));
    // Any refusal refuses the whole batch: nothing of it is stored.
    Reply reply = auditedRefusal(storePush(device, *request),
                                 ServerAuditEntry(ServerAuditEvent::RefusedBadRecord, device.clinic, device.id)
                                     .withPushCounts(0, 0, request->changes.size()));
    freeOnHelperPool(std::move(request).value());
    return reply;
}

Reply SyncService::storePush(const Device &device, const PushRequest &request)
{
    if (request.device != device.id)
        return errorReply(403, {QStringLiteral("device"), QStringLiteral("a device pushes only under its own id")});

    // Every record's own checks (the pushing device, the domain's rules) and its stored text,
    // worked out on other cores block by block while this thread stores the blocks before it
    // (blocks_worked_ahead.h). Every record is still checked before the batch is kept, duplicates
    // and covered sequence numbers included: a change is never acknowledged without being a record
    // every tablet can read.
    const QDateTime serverNow = QDateTime::currentDateTimeUtc();
    const qsizetype count = request.changes.size();
    std::vector<std::optional<Error>> refusals(static_cast<std::size_t>(count));
    std::vector<QByteArray> texts(static_cast<std::size_t>(count));
    BlocksWorkedAhead checked(count, [&request, &device, &serverNow, &refusals, &texts](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            const domain::RecordEnvelope &record = request.changes.at(i).record;
            const auto at = static_cast<std::size_t>(i);
            if (record.device != device.id)
                refusals[at] =
                    Error{recordAt(i) + QStringLiteral(".device"), QStringLiteral("must be the pushing device")};
            else if (auto s = registry::validateIncomingRecord(record, serverNow); !s)
                refusals[at] = s.error().within(recordAt(i));
            else
                // Stored in its canonical text (as envelopeToJson writes it), written straight from
                // the record: whatever form it came in, every tablet then reads the same bytes.
                texts[at] = recordText(record);
        }
    });
    // A record refused by its own checks is named before any refused by the store's checks, as
    // when every record was checked before the store was read: a refusal of the store's checks at
    // record i first waits for the records after i.
    auto refusal = [&](qsizetype i, Reply storeRefusal) {
        checked.waitForAll();
        for (qsizetype later = i + 1; later < count; ++later)
            if (const auto &own = refusals[static_cast<std::size_t>(later)])
                return errorReply(422, *own);
        return storeRefusal;
    };

    ServerTransaction tx(*m_db);
    if (auto s = tx.begin(); !s)
        return serverError(s.error());
    if (auto s = m_db->lockClinic(device.clinic); !s)
        return serverError(s.error());
    auto highest = highestSeq(device.id);
    if (!highest)
        return serverError(highest.error());

    // What the checks below need of the store, read for the whole batch at once (one statement
    // for the records it carries or corrects, one for the patients it names), then kept up to
    // date with the batch's own records as they are accepted, so a record sees the ones before it
    // in the batch exactly as if each had been stored on its own.
    struct Held {
        QString clinic;
        QString patientId;
        bool setAside = false;
    };
    QHash<QString, Held> held;                // a stored (or accepted) record by id
    QHash<QString, QString> clinicOfPatient;  // a known patient's clinic
    {
        QStringList recordIds;
        QStringList patientIds;
        for (const PushChange &change : request.changes) {
            recordIds.append(change.record.id);
            if (!change.record.supersedes.isEmpty())
                recordIds.append(change.record.supersedes);
            if (change.record.patientId != domain::kClinicScope)
                patientIds.append(change.record.patientId);
        }
        auto records = m_db->query(server_queries::kHeldRecords, {textList(recordIds)});
        if (!records)
            return serverError(records.error());
        for (const SqlRow &row : std::as_const(*records))
            held.insert(row.at(0), Held{row.at(1), row.at(2), row.at(3) != QLatin1String("0")});
        auto patients = m_db->query(server_queries::kKnownPatients, {textList(patientIds)});
        if (!patients)
            return serverError(patients.error());
        for (const SqlRow &row : std::as_const(*patients))
            clinicOfPatient.insert(row.at(0), row.at(1));
    }

    std::int64_t through = *highest;
    PushResponse response;
    // The rows are written as UTF-8, each record in the text recordText writes: stored as it is.
    const QByteArray received = nowIso().toUtf8();
    const QByteArray clinic = device.clinic.toUtf8();
    const QByteArray deviceId = device.id.toUtf8();
    QList<SqlTextRow> newPatients;
    QList<SqlTextRow> newChanges;
    // The batch's rows, in its order (their feed positions follow it), one prepared insert per
    // table, written every kInsertRows accepted rows so that storing overlaps the checks ahead.
    constexpr qsizetype kInsertRows = 1024;
    auto insertAccepted = [&]() -> Status {
        if (auto s = m_db->insertRows("INSERT INTO patients (id, clinic) VALUES (?, ?)", newPatients); !s)
            return s;
        if (auto s = m_db->insertRows("INSERT INTO changes (clinic, id, patient_id, device, seq, record, received_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                      newChanges);
            !s)
            return s;
        newPatients.clear();
        newChanges.clear();
        return ok();
    };
    for (qsizetype i = 0; i < count; ++i) {
        const PushChange &change = request.changes.at(i);
        const domain::RecordEnvelope &record = change.record;
        checked.waitFor(i);
        if (const auto &own = refusals[static_cast<std::size_t>(i)])
            return errorReply(422, *own);
        // A record is the same record by its id, never by its sequence number: a tablet whose
        // counter went backwards (restored from an older copy of itself) sends new records under
        // covered numbers, and those must be stored, not acknowledged and dropped.
        if (const auto existing = held.constFind(record.id); existing != held.cend()) {
            if (existing->clinic != device.clinic)
                return refusal(i, errorReply(403, {recordAt(i) + QStringLiteral(".id"),
                                                   QStringLiteral("belongs to another clinic")}));
            // Already here (a retried batch, re-sent after the server was restored, or pushed
            // before its seq was acknowledged): applied once, so only the sequence moves on.
            ++response.duplicates;
            through = std::max(through, change.seq);
            continue;
        }
        const auto parent = record.supersedes.isEmpty() ? held.cend() : held.constFind(record.supersedes);
        if (record.patientId != domain::kClinicScope) {
            const auto owner = clinicOfPatient.constFind(record.patientId);
            if (owner == clinicOfPatient.cend()) {
                // Only a patient's own first record introduces the patient; an observation must
                // name a patient the clinic already has (earlier in this batch included). The one
                // exception: the withdrawal of a record the clinic holds for a patient it never had
                // (stored by a server older than these checks). Tablets set such a record aside
                // and the registry manager withdraws it; that withdrawal must sync.
                const bool withdrawsHeldOrphan = record.retracted && parent != held.cend() &&
                                                 parent->clinic == device.clinic &&
                                                 parent->patientId == record.patientId;
                if (!withdrawsHeldOrphan) {
                    if (record.kind != QLatin1String("patient") || !record.supersedes.isEmpty())
                        return refusal(i, errorReply(422, {recordAt(i) + QStringLiteral(".patient_id"),
                                                           QStringLiteral("names no patient of this clinic")}));
                    newPatients.append(SqlTextRow{record.patientId.toUtf8(), clinic});
                    clinicOfPatient.insert(record.patientId, device.clinic);
                }
            } else if (*owner != device.clinic) {
                return refusal(i, errorReply(403, {recordAt(i) + QStringLiteral(".patient_id"),
                                                   QStringLiteral("belongs to another clinic")}));
            }
        }
        if (!record.supersedes.isEmpty()) {
            // A record set aside may only be withdrawn, never corrected: its correction would
            // reach tablets that never received it.
            if (parent == held.cend() || parent->clinic != device.clinic || (parent->setAside && !record.retracted))
                return refusal(i, errorReply(422, {recordAt(i) + QStringLiteral(".supersedes"),
                                                   QStringLiteral("names a record the server does not hold")}));
            if (parent->patientId != record.patientId)
                return refusal(i, errorReply(422, {recordAt(i) + QStringLiteral(".supersedes"),
                                                   QStringLiteral("names a record of another patient")}));
        }
        newChanges.append(SqlTextRow{clinic, record.id.toUtf8(), record.patientId.toUtf8(), deviceId,
                                     QByteArray::number(static_cast<qint64>(change.seq)),
                                     std::move(texts[static_cast<std::size_t>(i)]), received});
        held.insert(record.id, Held{device.clinic, record.patientId, false});
        ++response.applied;
        // New, yet under a number already covered: the device's counter went backwards. Stored
        // (below), and the device is told so it numbers its next writes after `through`.
        if (change.seq <= *highest)
            response.behind = true;
        through = std::max(through, change.seq);
        if (newChanges.size() >= kInsertRows) {
            if (auto s = insertAccepted(); !s)
                return serverError(s.error());
        }
    }
    if (auto s = insertAccepted(); !s)
        return serverError(s.error());
    if (through != *highest) {
        if (auto s =
                m_db->execute("UPDATE devices SET highest_seq = ? WHERE id = ?", {QString::number(through), device.id});
            !s)
            return serverError(s.error());
    }
    if (auto s = m_audit.append(ServerAuditEntry(ServerAuditEvent::Push, device.clinic, device.id)
                                    .withPushCounts(response.applied, response.duplicates, 0));
        !s)
        return serverError(s.error());
    auto currentEpoch = epoch();
    if (!currentEpoch)
        return serverError(currentEpoch.error());
    if (auto s = tx.commit(); !s)
        return serverError(s.error());
    response.highestSeq = through;
    response.epoch = *currentEpoch;
    return {200, toJson(response)};
}

Reply SyncService::pull(const QByteArray &authorization, const QJsonObject &body)
{
    auto who = authenticate(authorization);
    if (auto *refusal = std::get_if<Reply>(&who))
        return *refusal;
    const Device device = std::get<Device>(who);
    auto request = pullRequestFromJson(body);
    if (!request)
        return auditedRefusal(errorReply(400, request.error()),
                              ServerAuditEntry(ServerAuditEvent::RefusedBadRequest, device.clinic, device.id));
    // A transaction, though a pull changes nothing else: the audit entry is written with it.
    ServerTransaction tx(*m_db);
    if (auto s = tx.begin(); !s)
        return serverError(s.error());
    auto currentEpoch = epoch();
    if (!currentEpoch)
        return serverError(currentEpoch.error());
    // The end of this clinic's feed as this transaction sees it, read before the page: a page never
    // reaches past it, so a change committed in between (PostgreSQL reads each statement afresh)
    // waits for the next pull instead of being skipped by a cursor moved to the end.
    auto end = m_db->query(server_queries::kFeedEnd, {device.clinic});
    if (!end)
        return serverError(end.error());
    const std::int64_t feedEnd = end->first().first().toLongLong();
    std::int64_t after = request->cursor.position;
    // A cursor from another epoch, or beyond the end of this feed, comes from a feed this server
    // no longer has (restored from a backup): read again from the start.
    if (request->cursor.epoch != *currentEpoch || after > feedEnd)
        after = 0;
    // A device already holds what it wrote: those rows are not read at all and the cursor moves
    // past them, unless it was restored from an older copy of itself and asks for them ("own").
    // Changes set aside when the store was rechecked (stored unchecked by an older server) are not sent.
    const QStringList params{device.clinic, QString::number(after), QString::number(feedEnd),
                             request->own ? QString() : device.id, QString::number(request->limit + 1)};
    auto rows = m_db->query(server_queries::kPullPage, params);
    if (!rows)
        return serverError(rows.error());
    PullResponse response;
    response.more = rows->size() > request->limit;
    QList<QByteArray> records;
    std::int64_t position = after;
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < std::min<qsizetype>(rows->size(), request->limit); ++i) {
        // The page closes at Limits::pageBytes of records (the first always goes).
        if (i > 0 && bytes >= Limits::pageBytes) {
            response.more = true;
            break;
        }
        // Sent as stored: validated (or set aside by the recheck) and encoded by envelopeToJson
        // when it was pushed.
        records.append(rows->at(i).at(1).toUtf8());
        bytes += records.last().size();
        position = rows->at(i).at(0).toLongLong();
    }
    // The last page ends at the feed's end: past the rows of this device and those set aside.
    if (!response.more)
        position = std::max(position, feedEnd);
    auto highest = highestSeq(device.id);
    if (!highest)
        return serverError(highest.error());
    if (auto s =
            m_audit.append(ServerAuditEntry(ServerAuditEvent::Pull, device.clinic, device.id).withSent(records.size()));
        !s)
        return serverError(s.error());
    if (auto s = tx.commit(); !s)
        return serverError(s.error());
    response.cursor = Cursor{*currentEpoch, position};
    response.highestSeq = *highest;
    response.epoch = *currentEpoch;
    return {200, {}, pullResponseText(response, records)};
}

// --- clinic users ----------------------------------------------------------------------------

namespace {

QString nameKey(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

ClinicUser userFromRow(const SqlRow &row)
{
    // id, clinic, name, role, created_at, failed_attempts, locked_until
    return {row.at(0), row.at(1), row.at(2), row.at(3), row.at(4), row.at(5).toInt(), row.at(6)};
}

constexpr const char *kUserColumns = "id, clinic, name, role, created_at, failed_attempts, locked_until";

}  // namespace

Result<std::optional<ClinicUser>> SyncService::findUser(const QString &clinic, const QString &name)
{
    // Static: the file store caches a prepared statement by its text's address, which a
    // temporary's would give to whatever statement is built there next.
    static const QByteArray sql =
        QByteArray("SELECT ") + kUserColumns + " FROM users WHERE clinic = ? AND name_key = ? AND removed_at IS NULL";
    auto rows = m_db->query(sql.constData(), {clinic.trimmed(), nameKey(name)});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<ClinicUser>();
    return std::optional<ClinicUser>(userFromRow(rows->first()));
}

Result<ClinicUser> SyncService::addUser(const QString &clinic, const QString &name, const QString &role,
                                        const QString &pin)
{
    if (clinic.trimmed().isEmpty())
        return Error{QStringLiteral("clinic"), QStringLiteral("is required")};
    if (auto s = keys::validateUserName(name); !s)
        return s.error();
    keys::Role parsed{};
    if (!keys::parse(role, &parsed))
        return Error{QStringLiteral("role"), QStringLiteral("must be ") + keys::roleNamesForMessage()};
    auto verifier = keys::makePinVerifier(pin);
    if (!verifier)
        return verifier.error();
    auto existing = findUser(clinic, name);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error{QStringLiteral("name"),
                     QStringLiteral("clinic %1 already has a user named \"%2\"").arg(clinic.trimmed(), name.trimmed())};
    ClinicUser user{QUuid::createUuid().toString(QUuid::WithoutBraces),
                    clinic.trimmed(),
                    name.trimmed(),
                    keys::toString(parsed),
                    nowIso(),
                    0,
                    {}};
    ServerTransaction tx(*m_db);
    if (auto s = tx.begin(); !s)
        return s.error();
    if (auto s =
            m_db->execute("INSERT INTO users (id, clinic, name, name_key, role, pin_verifier, created_at) VALUES (?, "
                          "?, ?, ?, ?, ?, ?)",
                          {user.id, user.clinic, user.name, nameKey(user.name), user.role, *verifier, user.createdAt});
        !s)
        return s.error();
    if (auto s = m_audit.append(ServerAuditEntry(ServerAuditEvent::UserAdded, user.clinic, QString(), user.name)); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return user;
}

Result<QList<ClinicUser>> SyncService::listUsers(const QString &clinic)
{
    static const QByteArray sql =  // static: as in findUser
        QByteArray("SELECT ") + kUserColumns + " FROM users WHERE clinic = ? AND removed_at IS NULL ORDER BY name_key";
    auto rows = m_db->query(sql.constData(), {clinic.trimmed()});
    if (!rows)
        return rows.error();
    QList<ClinicUser> users;
    for (const SqlRow &row : *rows)
        users.append(userFromRow(row));
    return users;
}

Status SyncService::changeUser(const ClinicUser &user, ServerAuditEvent event, const char *sql,
                               const QStringList &params)
{
    ServerTransaction tx(*m_db);
    if (auto s = tx.begin(); !s)
        return s;
    if (auto s = m_db->execute(sql, params); !s)
        return s;
    if (auto s = m_audit.append(ServerAuditEntry(event, user.clinic, QString(), user.name)); !s)
        return s;
    return tx.commit();
}

Status SyncService::removeUser(const QString &clinic, const QString &name)
{
    auto user = findUser(clinic, name);
    if (!user)
        return user.error();
    if (!user->has_value())
        return Error{QStringLiteral("name"),
                     QStringLiteral("clinic %1 has no user named \"%2\"").arg(clinic.trimmed(), name.trimmed())};
    return changeUser(**user, ServerAuditEvent::UserRemoved, "UPDATE users SET removed_at = ? WHERE id = ?",
                      {nowIso(), (*user)->id});
}

Status SyncService::resetUserLockout(const QString &clinic, const QString &name)
{
    auto user = findUser(clinic, name);
    if (!user)
        return user.error();
    if (!user->has_value())
        return Error{QStringLiteral("name"),
                     QStringLiteral("clinic %1 has no user named \"%2\"").arg(clinic.trimmed(), name.trimmed())};
    return changeUser(**user, ServerAuditEvent::UserUnlocked,
                      "UPDATE users SET failed_attempts = 0, lockouts = 0, locked_until = NULL WHERE id = ?",
                      {(*user)->id});
}

namespace {
// Online sign-ins a device, and a clinic, may attempt per minute: a clinic's morning brings a few
// new staff to a tablet, never dozens a minute; anything more is guessing or a storm that would
// hold the Argon2 pool. (The PIN lockout per user still applies within these.)
constexpr int kSignInsPerDevicePerMinute = 10;
constexpr int kSignInsPerClinicPerMinute = 30;
constexpr qint64 kSignInWindowMs = 60'000;
}  // namespace

bool SyncService::allowSignIn(const Device &device)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto take = [now](Window &window, int limit) {
        if (now - window.startMs >= kSignInWindowMs)
            window = Window{now, 0};
        return window.count < limit;
    };
    Window &byDevice = m_signInsByDevice[device.id];
    Window &byClinic = m_signInsByClinic[device.clinic];
    if (!take(byDevice, kSignInsPerDevicePerMinute) || !take(byClinic, kSignInsPerClinicPerMinute))
        return false;
    ++byDevice.count;
    ++byClinic.count;
    return true;
}

const QString &SyncService::dummyVerifier()
{
    // Same algorithm and limits as real verifiers, so checking it costs the same time.
    static const QString verifier = [] {
        QString pin;
        for (int i = 0; i < 8; ++i)
            pin += QChar(u'0' + static_cast<char16_t>(QRandomGenerator::system()->bounded(10)));
        auto made = keys::makePinVerifier(pin);
        return made ? *made : QString();
    }();
    return verifier;
}

bool SyncService::checkPin(const SignInAttempt &attempt)
{
    // The first call makes the dummy verifier (one Argon2id hash): every first sign-in pays it,
    // known name or not, so it tells nothing either.
    const QString &dummy = dummyVerifier();
    const bool matched = keys::pinMatches(attempt.user ? attempt.verifier : dummy, attempt.pin);
    return attempt.user && matched;
}

std::variant<SyncService::SignInAttempt, Reply> SyncService::beginSignIn(const QByteArray &authorization,
                                                                         const QJsonObject &body)
{
    auto who = authenticate(authorization);
    if (auto *refusal = std::get_if<Reply>(&who))
        return *refusal;
    const Device device = std::get<Device>(who);
    auto request = signInRequestFromJson(body);
    const ServerAuditEntry badRequest(ServerAuditEvent::RefusedBadRequest, device.clinic, device.id);
    if (!request)
        return auditedRefusal(errorReply(400, request.error()), badRequest);
    ServerAuditEntry refusal = badRequest;
    refusal.userName = request->name;
    if (auto s = keys::validatePin(request->pin); !s)
        return auditedRefusal(errorReply(400, s.error()), refusal);
    if (!allowSignIn(device)) {
        refusal.event = ServerAuditEvent::RefusedRateLimited;
        return auditedRefusal(errorReply(429, {QStringLiteral("sign-in"),
                                               QStringLiteral("too many sign-ins from this tablet or clinic; wait a "
                                                              "minute")}),
                              refusal);
    }
    auto escrow = m_db->query("SELECT escrow_key FROM device_escrow WHERE device = ?", {device.id});
    if (!escrow)
        return serverError(escrow.error());
    if (escrow->isEmpty())
        return auditedRefusal(
            errorReply(409, {QStringLiteral("device"),
                             QStringLiteral("this tablet has no escrow key; an administrator must enroll it again")}),
            refusal);
    auto user = findUser(device.clinic, request->name);
    if (!user)
        return serverError(user.error());
    // An unknown name gets the dummy verifier on the Argon2 pool (checkPin), never here.
    SignInAttempt attempt{device, *user, request->name, QString(), request->pin, escrow->first().first()};
    if (attempt.user) {
        auto state = m_db->query("SELECT pin_verifier, failed_attempts, lockouts, locked_until FROM users WHERE id = ?",
                                 {attempt.user->id});
        if (!state || state->isEmpty())
            return serverError(state ? Error{QString(), QStringLiteral("user vanished")} : state.error());
        const SqlRow row = state->first();
        keys::LockoutState lockout{row.at(1).toInt(), row.at(2).toInt(),
                                   QDateTime::fromString(row.at(3), Qt::ISODateWithMs)};
        // While locked, no PIN is checked (as on the tablet).
        if (auto locked = keys::lockedOut(lockout, attempt.user->name, QDateTime::currentDateTimeUtc())) {
            refusal.event = ServerAuditEvent::RefusedLockedOut;
            return auditedRefusal(errorReply(423, *locked), refusal);
        }
        attempt.verifier = row.at(0);
    }
    return attempt;
}

Reply SyncService::finishSignIn(const SignInAttempt &attempt, bool pinMatched)
{
    const Reply unknownName =
        errorReply(404, {QStringLiteral("name"),
                         QStringLiteral("no user of this clinic has that name; ask the clinic's administrator")});
    ServerAuditEntry entry(ServerAuditEvent::SignInFailed, attempt.device.clinic, attempt.device.id, attempt.name);
    // Only users of the device's own clinic: a name from another clinic is simply unknown here.
    if (!attempt.user)
        return auditedRefusal(unknownName, entry);
    const ClinicUser &found = *attempt.user;
    entry.userName = found.name;
    ServerTransaction tx(*m_db);
    if (auto s = tx.begin(); !s)
        return serverError(s.error());
    // Read the count again: other attempts may have finished while this PIN was being checked.
    auto state = m_db->query(
        "SELECT failed_attempts, lockouts, locked_until FROM users WHERE id = ? AND removed_at IS NULL", {found.id});
    if (!state)
        return serverError(state.error());
    if (state->isEmpty()) {  // removed while the PIN was being checked
        tx.rollback();
        return auditedRefusal(unknownName, entry);
    }
    const SqlRow row = state->first();
    keys::LockoutState lockout{row.at(0).toInt(), row.at(1).toInt(),
                               QDateTime::fromString(row.at(2), Qt::ISODateWithMs)};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (auto locked = keys::lockedOut(lockout, found.name, now)) {
        tx.rollback();
        entry.event = ServerAuditEvent::RefusedLockedOut;
        return auditedRefusal(errorReply(423, *locked), entry);
    }
    if (!pinMatched) {
        const Error wrong = keys::countWrongPin(lockout, found.name, now);
        // The wrong PIN that starts a lockout is recorded as the lockout.
        entry.event = lockout.lockedUntil.isValid() && lockout.lockedUntil > now ? ServerAuditEvent::LockedOut
                                                                                 : ServerAuditEvent::SignInFailed;
        entry.reason = QStringLiteral("401 pin");
        if (auto s = m_db->execute(
                "UPDATE users SET failed_attempts = ?, lockouts = ?, locked_until = ? WHERE id = ?",
                {QString::number(lockout.failedAttempts), QString::number(lockout.lockouts),
                 lockout.lockedUntil.isValid() ? lockout.lockedUntil.toString(Qt::ISODateWithMs) : QString(),
                 found.id});
            !s)
            return serverError(s.error());
        if (auto s = m_audit.append(entry); !s)
            return serverError(s.error());
        if (auto s = tx.commit(); !s)
            return serverError(s.error());
        return errorReply(401, wrong);
    }
    if (auto s = m_db->execute("UPDATE users SET failed_attempts = 0, lockouts = 0, locked_until = NULL WHERE id = ?",
                               {found.id});
        !s)
        return serverError(s.error());
    entry.event = ServerAuditEvent::SignIn;
    if (auto s = m_audit.append(entry); !s)
        return serverError(s.error());
    if (auto s = tx.commit(); !s)
        return serverError(s.error());
    return {200, toJson(SignInResponse{found.id, found.name, found.role, attempt.escrowKey})};
}

Reply SyncService::signIn(const QByteArray &authorization, const QJsonObject &body)
{
    // The whole sign-in on the calling thread (tools and tests without a worker pool).
    auto begun = beginSignIn(authorization, body);
    if (auto *refusal = std::get_if<Reply>(&begun))
        return *refusal;
    const auto &attempt = std::get<SignInAttempt>(begun);
    return finishSignIn(attempt, checkPin(attempt));
}

}  // namespace cairn::sync
