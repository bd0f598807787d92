#include "core/registry/incoming_records.h"
#include "core/registry/patient_summaries.h"
#include "core/registry/registry_private.h"
#include "core/storage/summary_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace cairn::registry {
namespace {

// An audit entry about the sync as a whole, in the caller's transaction: who, when, `action`, and
// `detail` (counts or ids only: what a pulled record holds may be patient data).
Status auditSync(Database &db, const Registry &registry, const QString &action, const QString &detail)
{
    return storage::AuditLog(db).append({registry.clock().now(), registry.user().id, action, {}, {}, detail});
}

// Why a pulled record cannot be stored on this tablet, or nullopt when it can. The checks the
// server makes of an arriving record, then what only this tablet knows: whether the patient and
// the record it corrects are here. Records in setAsideNow count as not here (the recheck of stored
// records, which sets them aside only once it has checked them all). loadedPatients: while an empty
// registry is loaded in bulk, the patients whose demographics it loaded so far (all it holds; the
// index the query uses is not there). `checked`: validateIncomingRecord's word on the record.
Result<std::optional<Error>> reasonToSetAside(Database &db, const domain::RecordEnvelope &record, const Status &checked,
                                              const QSet<QString> *loadedPatients,
                                              const QSet<QString> &setAsideNow = {})
{
    if (!checked)
        return std::optional<Error>(checked.error());
    if (!record.supersedes.isEmpty()) {
        auto parent = db.cached("SELECT patient_id FROM records WHERE id = ?");
        if (!parent)
            return parent.error();
        (*parent)->bind(1, record.supersedes);
        const bool found = (*parent)->next() && !setAsideNow.contains(record.supersedes);
        const QString parentPatient = found ? (*parent)->text(0) : QString();
        Status scan = (*parent)->status();
        (*parent)->reset();
        if (!scan)
            return scan.error();
        if (!found)
            return std::optional<Error>(
                Error{QStringLiteral("supersedes"), QStringLiteral("names a record this tablet does not hold")});
        if (parentPatient != record.patientId)
            return std::optional<Error>(
                Error{QStringLiteral("supersedes"), QStringLiteral("names a record of another patient")});
    }
    // Only a patient's own record introduces a patient; anything else must name one held here.
    if (record.patientId != domain::kClinicScope && record.kind != QLatin1String("patient")) {
        if (loadedPatients) {
            if (!loadedPatients->contains(record.patientId))
                return std::optional<Error>(
                    Error{QStringLiteral("patient_id"), QStringLiteral("names no patient this tablet holds")});
            return std::optional<Error>();
        }
        auto known = db.cached("SELECT id FROM records WHERE patient_id = ? AND kind = 'patient'");
        if (!known)
            return known.error();
        (*known)->bind(1, record.patientId);
        bool found = false;
        while (!found && (*known)->next())
            found = !setAsideNow.contains((*known)->text(0));
        Status scan = (*known)->status();
        (*known)->reset();
        if (!scan)
            return scan.error();
        if (!found)
            return std::optional<Error>(
                Error{QStringLiteral("patient_id"), QStringLiteral("names no patient this tablet holds")});
    }
    return std::optional<Error>();
}

// validateIncomingRecord's word on each record of a list, and its payload's JSON text for the
// insert, worked out on a thread of its own ahead of the one writing them: the checks read only
// their record and the shipped tables (each loaded once, under std::call_once), so a first pull's
// tens of thousands of checks and texts are done while the records before them are written,
// instead of one before each insert. A short list is checked in place, and its texts written by
// the insert.
class CheckedAhead {
public:
    explicit CheckedAhead(const QList<domain::RecordEnvelope> &records)
        : m_records(records)
    {
        if (records.size() <= kOwnThreadAbove)
            return;
        m_checked.resize(static_cast<std::size_t>(records.size()), ok());
        m_payloadTexts.resize(static_cast<std::size_t>(records.size()));
        m_thread = std::thread([this] { checkAll(); });
    }
    ~CheckedAhead()
    {
        if (!m_thread.joinable())
            return;
        m_stop = true;  // the writer gave up (an error): what is left goes unchecked
        m_thread.join();
    }
    CheckedAhead(const CheckedAhead &) = delete;
    CheckedAhead &operator=(const CheckedAhead &) = delete;

    Status at(qsizetype i)
    {
        if (!m_thread.joinable())
            return validateIncomingRecord(m_records.at(i), std::nullopt);
        waitFor(i);
        return m_checked[static_cast<std::size_t>(i)];
    }

    // The payload's compact JSON text (empty for a short list: the insert writes it). Taken, not
    // copied: asked once per record, after at(i).
    QByteArray takePayloadText(qsizetype i)
    {
        if (!m_thread.joinable())
            return {};
        waitFor(i);
        return std::move(m_payloadTexts[static_cast<std::size_t>(i)]);
    }

private:
    static constexpr qsizetype kOwnThreadAbove = 256;
    static constexpr qsizetype kBlock = 64;  // records checked between two reports to the writer

    void waitFor(qsizetype i)
    {
        std::unique_lock lock(m_mutex);
        m_progress.wait(lock, [&] { return m_ready > i; });
    }

    void checkAll()
    {
        const qsizetype count = m_records.size();
        for (qsizetype from = 0; from < count && !m_stop; from += kBlock) {
            const qsizetype to = std::min(from + kBlock, count);
            for (qsizetype i = from; i < to; ++i) {
                const domain::RecordEnvelope &record = m_records.at(i);
                m_checked[static_cast<std::size_t>(i)] = validateIncomingRecord(record, std::nullopt);
                m_payloadTexts[static_cast<std::size_t>(i)] =
                    QJsonDocument(record.payload).toJson(QJsonDocument::Compact);
            }
            {
                std::lock_guard lock(m_mutex);
                m_ready = to;
            }
            m_progress.notify_one();
        }
    }

    const QList<domain::RecordEnvelope> &m_records;
    std::vector<Status> m_checked;  // [0, m_ready) written by the checking thread
    std::vector<QByteArray> m_payloadTexts;
    std::mutex m_mutex;
    std::condition_variable m_progress;
    qsizetype m_ready = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

// Which of these ids this tablet holds: stored, set aside, or the withdrawal of one set aside (as
// RecordStore::contains and QuarantineStore::holds say of one id), one statement per table for the
// lot. Only the tables that held rows when the pulled pages began are looked in (`inRecords`,
// `inQuarantine`): what was written since is in the caller's own set (a first pull: the records
// table is empty, and usually the quarantine).
Result<QSet<QString>> heldAmong(Database &db, const QStringList &ids, bool inRecords, bool inQuarantine)
{
    QSet<QString> held;
    QString idsJson;  // written only when a table has rows to look in
    const std::pair<bool, const char *> tables[] = {
        {inRecords, "SELECT id FROM records WHERE id IN (SELECT value FROM json_each(?1))"},
        {inQuarantine,
         "SELECT record_id FROM quarantine WHERE record_id IN (SELECT value FROM json_each(?1)) "
         "UNION SELECT withdrawal_id FROM quarantine WHERE withdrawal_id IN (SELECT value FROM json_each(?1))"}};
    for (const auto &[lookIn, lookup] : tables) {
        if (!lookIn)
            continue;
        if (idsJson.isEmpty())
            idsJson = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
        auto found = db.textColumn(lookup, idsJson);
        if (!found)
            return found.error();
        for (const QString &id : std::as_const(*found))
            held.insert(id);
    }
    return held;
}

// The next number in this device's write order, taken without writing a record (a withdrawal of a
// quarantined record lives in the quarantine table but is pushed like a record).
Result<std::int64_t> takeWriteNumber(Database &db)
{
    if (auto s = db.exec("INSERT INTO sqlite_sequence (name, seq) SELECT 'records', 0 "
                         "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'records');"
                         "UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'records'");
        !s)
        return s.error();
    return db.scalarInt("SELECT seq FROM sqlite_sequence WHERE name = 'records'");
}

}  // namespace

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

Result<QList<storage::OutgoingRecord>> Registry::outboxToSend(int limit, std::int64_t afterSeq)
{
    auto records = RecordStore(*d->db).pendingOutbox(limit, afterSeq);
    if (!records)
        return records;
    auto withdrawals = storage::QuarantineStore(*d->db).pendingWithdrawals(limit);
    if (!withdrawals)
        return withdrawals.error();
    // The first `limit` pending withdrawals: with that many, any later one comes after the last
    // read, and so must everything this batch sends.
    const std::int64_t throughSeq = withdrawals->size() >= limit ? withdrawals->last().seq : -1;
    withdrawals->removeIf([afterSeq](const domain::RecordEnvelope &w) { return w.seq <= afterSeq; });
    if (withdrawals->isEmpty() && throughSeq < 0)
        return records;
    // One batch in write order (the server wants its sequence numbers increasing).
    for (domain::RecordEnvelope &withdrawal : *withdrawals) {
        storage::OutgoingRecord &out = records->emplace_back();
        out.payloadText = QJsonDocument(withdrawal.payload).toJson(QJsonDocument::Compact);
        withdrawal.payload = {};
        out.envelope = std::move(withdrawal);
        out.withdrawal = true;
    }
    std::stable_sort(records->begin(), records->end(),
                     [](const storage::OutgoingRecord &a, const storage::OutgoingRecord &b) {
                         return a.envelope.seq < b.envelope.seq;
                     });
    if (throughSeq >= 0)
        records->removeIf([throughSeq](const storage::OutgoingRecord &out) { return out.envelope.seq > throughSeq; });
    if (records->size() > limit)
        records->resize(limit);
    return records;
}

Result<QList<domain::RecordEnvelope>> Registry::outbox(int limit)
{
    auto pending = outboxToSend(limit);
    if (!pending)
        return pending.error();
    QList<domain::RecordEnvelope> records;
    records.reserve(pending->size());
    for (storage::OutgoingRecord &out : *pending) {
        out.envelope.payload = QJsonDocument::fromJson(out.payloadText).object();
        records.append(std::move(out.envelope));
    }
    return records;
}

Result<int> Registry::acknowledgePushed(const QList<storage::OutgoingRecord> &sent, std::int64_t throughSeq)
{
    QList<std::int64_t> records;
    QStringList withdrawals;
    for (const storage::OutgoingRecord &out : sent) {
        if (out.envelope.seq > throughSeq)
            continue;
        if (out.withdrawal)
            withdrawals.append(out.envelope.id);
        else
            records.append(out.envelope.seq);
    }
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    if (auto s = RecordStore(*d->db).acknowledge(records); !s)
        return s.error();
    if (!withdrawals.isEmpty()) {
        if (auto s = storage::QuarantineStore(*d->db).acknowledge(withdrawals); !s)
            return s.error();
    }
    auto previous = storage::MetaStore(*d->db).value("sync.pushed_through");
    if (!previous)
        return previous.error();
    if (throughSeq > previous->toLongLong()) {
        if (auto s = storage::MetaStore(*d->db).setValue("sync.pushed_through", QString::number(throughSeq)); !s)
            return s.error();
    }
    if (auto s = tx->commit(); !s)
        return s.error();
    return static_cast<int>(records.size() + withdrawals.size());
}

Result<int> Registry::requeueOwnAfter(std::int64_t seq)
{
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    auto queued = RecordStore(*d->db).requeueOwnAfter(m_deviceId, seq);
    if (!queued)
        return queued.error();
    auto withdrawals = storage::QuarantineStore(*d->db).requeueAfter(seq);
    if (!withdrawals)
        return withdrawals.error();
    *queued += *withdrawals;
    if (auto s = storage::MetaStore(*d->db).setValue("sync.pushed_through", QString::number(seq)); !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return *queued;
}

Result<int> Registry::applyPulled(const QList<domain::RecordEnvelope> &records, const QString &cursor,
                                  FeedPosition position)
{
    auto pages = beginPulled();
    if (!pages)
        return pages.error();
    if (auto s = (*pages)->add(records); !s)
        return s.error();
    return (*pages)->finish(cursor, position);
}

// What the pulled pages' transaction carries from one page to the next.
struct Registry::PulledPages::State {
    State(Registry &owner, RecordWriter writer, Database &db)
        : registry(owner)
        , w(std::move(writer))
        , quarantine(db)
    {}
    Registry &registry;
    RecordWriter w;
    storage::QuarantineStore quarantine;
    std::optional<Transaction> tx;
    std::optional<storage::BulkLoad> bulk;  // the first pull into an empty registry
    // While an empty registry is loaded in bulk: the patients whose demographics it loaded so far.
    QSet<QString> loadedPatients;
    // Every id the pages brought so far (stored, set aside, or closed), so a record sent twice goes
    // in once; with what the tables held before (looked up page by page, heldAmong).
    QSet<QString> here;
    bool recordsBefore = false;
    bool quarantineBefore = false;
    std::int64_t nowMs = 0;
    QString receivedAt;
    int added = 0;
    int setAside = 0;
    bool finished = false;
};

Registry::PulledPages::PulledPages(std::unique_ptr<State> state)
    : m(std::move(state))
{}

Registry::PulledPages::~PulledPages() = default;

Result<std::unique_ptr<Registry::PulledPages>> Registry::beginPulled()
{
    auto state = std::make_unique<PulledPages::State>(*this, writer(), *d->db);
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    state->tx.emplace(std::move(tx).value());
    for (auto [table, before] : {std::pair{"SELECT EXISTS (SELECT 1 FROM records)", &state->recordsBefore},
                                 std::pair{"SELECT EXISTS (SELECT 1 FROM quarantine)", &state->quarantineBefore}}) {
        auto any = d->db->scalarInt(table);
        if (!any)
            return any.error();
        *before = *any != 0;
    }
    auto bulk = storage::BulkLoad::begin(*d->db);
    if (!bulk)
        return bulk.error();
    if (bulk->has_value())
        state->bulk.emplace(std::move(**bulk));
    state->nowMs = m_clock.now().toMSecsSinceEpoch();
    state->receivedAt = isoNow(m_clock);
    return std::unique_ptr<PulledPages>(new PulledPages(std::move(state)));
}

Status Registry::PulledPages::add(const QList<domain::RecordEnvelope> &records)
{
    if (m->finished)
        return Error{QString(), QStringLiteral("the pulled pages are already applied")};
    Registry &registry = m->registry;
    Database &db = *registry.d->db;
    RecordWriter &w = m->w;
    storage::QuarantineStore &quarantine = m->quarantine;
    QSet<QString> &here = m->here;
    const QSet<QString> *loaded = m->bulk ? &m->loadedPatients : nullptr;
    // What of the page is here already, in one statement per table that held rows before.
    if (m->recordsBefore || m->quarantineBefore) {
        QStringList ids;
        ids.reserve(records.size());
        for (const domain::RecordEnvelope &record : records)
            ids.append(record.id);
        auto held = heldAmong(db, ids, m->recordsBefore, m->quarantineBefore);
        if (!held)
            return held.error();
        here.unite(*held);
    }
    CheckedAhead checked(records);
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (here.contains(records.at(i).id))
            continue;
        here.insert(records.at(i).id);
        domain::RecordEnvelope record = records.at(i);
        record.seq = 0;
        // Another tablet withdrew a record this one set aside: close the entry here too.
        if (record.retracted && !record.supersedes.isEmpty()) {
            auto entry = quarantine.findByRecordId(record.supersedes);
            if (!entry)
                return entry.error();
            auto target = w.store.contains(record.supersedes);
            if (!target)
                return target.error();
            const QString reason = record.payload.value(QStringLiteral("retraction_reason")).toString();
            if (entry->has_value()) {
                if (auto s = quarantine.markWithdrawn(record, reason, record.writtenAt, false); !s)
                    return s;
                continue;
            }
            // The feed sends a record before any change to it, so a withdrawal of a record this
            // tablet never received names one the server set aside and no longer sends (stored
            // unchecked by an older server). Keep it as an entry already closed: nothing here is
            // left for the registry manager to act on.
            if (!*target) {
                domain::RecordEnvelope withheld = record;
                withheld.id = record.supersedes;
                withheld.supersedes.clear();
                withheld.retracted = false;
                withheld.payload = {};
                const Error why{QStringLiteral("record"),
                                QStringLiteral("set aside by the server, which does not send it; withdrawn")};
                if (auto s = quarantine.add(withheld, why, m->receivedAt); !s)
                    return s;
                here.insert(withheld.id);
                if (auto s = quarantine.markWithdrawn(record, reason, record.writtenAt, false); !s)
                    return s;
                continue;
            }
        }
        auto reason = reasonToSetAside(db, record, checked.at(i), loaded);
        if (!reason)
            return reason.error().within(QStringLiteral("changes[%1]").arg(i));
        if (reason->has_value()) {
            if (auto s = quarantine.add(record, **reason, m->receivedAt); !s)
                return s;
            ++m->setAside;
            continue;
        }
        const bool demographics = record.kind == QLatin1String("patient");
        if (m->bulk) {
            if (auto s = m->bulk->insert(record, false, demographics, checked.takePayloadText(i)); !s)
                return s.error().within(QStringLiteral("changes[%1]").arg(i));
            if (demographics)
                m->loadedPatients.insert(record.patientId);
        } else {
            if (auto s = w.store.insert(record, false, checked.takePayloadText(i)); !s)
                return s.error().within(QStringLiteral("changes[%1]").arg(i));
            if (demographics) {
                if (auto s = w.updatePatientRowFromHead(record.id); !s)
                    return s;
            }
        }
        registry.d->hlc.observe(record.stamp, m->nowMs);
        ++m->added;
    }
    return ok();
}

Result<int> Registry::PulledPages::finish(const QString &cursor, FeedPosition position)
{
    if (m->finished)
        return Error{QString(), QStringLiteral("the pulled pages are already applied")};
    m->finished = true;
    Registry &registry = m->registry;
    Database &db = *registry.d->db;
    RecordWriter &w = m->w;
    if (m->bulk) {
        w.bulk = &*m->bulk;
        if (auto s = w.finishBulk(); !s)
            return s.error();
    }
    if (auto s = storage::MetaStore(db).setValue("sync.cursor", cursor); !s)
        return s.error();
    if (m->added > 0) {
        if (auto s = w.saveClock(); !s)
            return s.error();
        if (auto s = auditSync(db, registry, QStringLiteral("sync_pull"), QStringLiteral("%1 records").arg(m->added));
            !s)
            return s.error();
    }
    // Counts only: what was set aside may hold patient data, and the audit log is not its place.
    if (m->setAside > 0) {
        if (auto s = auditSync(db, registry, QStringLiteral("sync_quarantine"),
                               QStringLiteral("%1 records set aside").arg(m->setAside));
            !s)
            return s.error();
    }
    // The summaries of the pages' patients, with the pages (a policy in them: everyone's); with
    // more pages to come they stay marked (committed with the pages, so a crash loses no mark) and
    // the last page recomputes them all in one scan.
    if (position == FeedPosition::MorePagesFollow) {
        if (auto s = m->tx->commit(); !s)
            return s.error();
        return m->added;
    }
    if (auto s = commitWithSummaries(*m->tx, db, registry.m_clock); !s)
        return s.error();
    return m->added;
}

Status Registry::recheckStoredRecords()
{
    static const QString kRecheckKey = QStringLiteral("recheck_stored_records");
    storage::MetaStore meta(*d->db);
    auto marked = meta.value(kRecheckKey);
    if (!marked)
        return marked.error();
    if (marked->isEmpty())
        return ok();
    // One transaction with clearing the mark: a crash mid-way leaves it, and the next open checks
    // everything again.
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    RecordWriter w = writer();
    storage::QuarantineStore quarantine(*d->db);
    const QString setAsideAt = isoNow(m_clock);
    QSet<QString> setAside;  // checked and failed (or withdrawing one that failed): leaves `records`
    QStringList removed;
    qint64 checked = 0;
    qint64 quarantined = 0;
    // In write order, as the records arrived: a correction after the record it corrects, a
    // patient's own record before their observations. Nothing is removed before the scan ends, so
    // a record's place in `records` cannot move under it.
    Status scanned = w.store.scanAll([&](const domain::RecordEnvelope &record) -> Status {
        ++checked;
        if (record.retracted && setAside.contains(record.supersedes)) {
            // The withdrawal of a record set aside closes its entry, as a pulled one does; one
            // written here and not yet sent is sent from the quarantine instead of the outbox.
            auto queued = d->db->cached("SELECT 1 FROM outbox WHERE record_seq = ?");
            if (!queued)
                return queued.error();
            (*queued)->bind(1, record.seq);
            const bool pending = (*queued)->next();
            Status scan = (*queued)->status();
            (*queued)->reset();
            if (!scan)
                return scan;
            const QString reason = record.payload.value(QStringLiteral("retraction_reason")).toString();
            if (auto s = quarantine.markWithdrawn(record, reason, record.writtenAt, pending); !s)
                return s;
            setAside.insert(record.id);
            removed.append(record.id);
            return ok();
        }
        auto reason = reasonToSetAside(*d->db, record, validateIncomingRecord(record, std::nullopt), nullptr, setAside);
        if (!reason)
            return reason.error();
        if (!reason->has_value())
            return ok();
        if (auto s = quarantine.add(record, **reason, setAsideAt); !s)
            return s;
        setAside.insert(record.id);
        removed.append(record.id);
        ++quarantined;
        return ok();
    });
    if (!scanned)
        return scanned;
    if (!removed.isEmpty()) {
        auto patients = w.store.removeSetAside(removed);
        if (!patients)
            return patients.error();
        storage::SummaryStore summaries(*d->db);
        for (const QString &patientId : std::as_const(*patients)) {
            if (patientId == domain::kClinicScope)
                continue;  // a clinic record changes the rules identity: every summary is recomputed
            // The patients row follows the demographics left in force, or goes with the last of them.
            auto demographics = d->db->cached("SELECT id FROM records WHERE patient_id = ? AND kind = 'patient' "
                                              "ORDER BY seq LIMIT 1");
            if (!demographics)
                return demographics.error();
            (*demographics)->bind(1, patientId);
            const bool held = (*demographics)->next();
            const QString firstVersion = held ? (*demographics)->text(0) : QString();
            Status scan = (*demographics)->status();
            (*demographics)->reset();
            if (!scan)
                return scan;
            if (held) {
                if (auto s = w.updatePatientRowFromHead(firstVersion); !s)
                    return s;
                if (auto s = summaries.markDirty(patientId); !s)
                    return s;
            } else if (auto s = summaries.forget(patientId); !s) {
                return s;
            }
        }
    }
    if (auto s = meta.remove(kRecheckKey); !s)
        return s;
    // Counts only, as for a pulled page: what was set aside may hold patient data.
    if (auto s = auditSync(*d->db, *this, QStringLiteral("recheck_quarantine"),
                           QStringLiteral("%1 of %2 stored records set aside").arg(quarantined).arg(checked));
        !s)
        return s;
    return commitWithSummaries(*tx, *d->db, m_clock);
}

Result<std::int64_t> Registry::writeCounter()
{
    return d->db->scalarInt("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'records'), 0)");
}

Status Registry::resequenceAfter(std::int64_t serverHighest)
{
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    if (auto s = d->db->exec("INSERT INTO sqlite_sequence (name, seq) SELECT 'records', 0 "
                             "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'records')");
        !s)
        return s;
    auto bump = d->db->prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'records'");
    if (!bump)
        return bump.error();
    bump->bind(1, serverHighest);
    if (auto s = bump->run(); !s)
        return s;
    storage::MetaStore meta(*d->db);
    if (auto s = meta.setValue("sync.cursor", QString()); !s)
        return s;
    if (auto s = meta.setValue("sync.pull_own", QStringLiteral("1")); !s)
        return s;
    // The server holds this device's writes through serverHighest.
    auto pushedThrough = meta.value("sync.pushed_through");
    if (!pushedThrough)
        return pushedThrough.error();
    if (serverHighest > pushedThrough->toLongLong()) {
        if (auto s = meta.setValue("sync.pushed_through", QString::number(serverHighest)); !s)
            return s;
    }
    if (auto s =
            auditSync(*d->db, *this, QStringLiteral("sync_resequence"), QStringLiteral("after %1").arg(serverHighest));
        !s)
        return s;
    return tx->commit();
}

bool Registry::canManageQuarantine() const
{
    return can(keys::Permission::ManageQuarantine);
}

Result<QList<storage::QuarantinedRecord>> Registry::quarantined(bool includeWithdrawn)
{
    if (!canManageQuarantine())
        return forbidden(QStringLiteral("reviewing records set aside"));
    return storage::QuarantineStore(*d->db).list(includeWithdrawn);
}

Result<QString> Registry::withdrawQuarantined(std::int64_t quarantineId, const QString &reason)
{
    if (!canManageQuarantine())
        return forbidden(QStringLiteral("withdrawing records set aside"));
    if (reason.trimmed().isEmpty())
        return Error{QStringLiteral("reason"), QStringLiteral("is required (why the record is withdrawn)")};
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    storage::QuarantineStore quarantine(*d->db);
    auto entry = quarantine.find(quarantineId);
    if (!entry)
        return entry.error();
    if (!entry->has_value())
        return Error{QStringLiteral("id"), QStringLiteral("no record set aside with id %1").arg(quarantineId)};
    if ((*entry)->withdrawn())
        return Error{QStringLiteral("id"),
                     QStringLiteral("record %1 set aside was already withdrawn").arg(quarantineId)};
    domain::RecordEnvelope withdrawal = storage::withdrawalOf(**entry, reason.trimmed());
    withdrawal.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    withdrawal.author = m_user.id;
    withdrawal.device = m_deviceId;
    withdrawal.stamp = d->hlc.now(m_clock.now().toMSecsSinceEpoch());
    withdrawal.writtenAt = isoNow(m_clock);
    auto seq = takeWriteNumber(*d->db);
    if (!seq)
        return seq.error();
    withdrawal.seq = *seq;
    if (auto s = quarantine.markWithdrawn(withdrawal, reason.trimmed(), withdrawal.writtenAt, true); !s)
        return s.error();
    if (auto s = writer().saveClock(); !s)
        return s.error();
    if (auto s = auditSync(*d->db, *this, QStringLiteral("withdraw_quarantined"), QString::number(quarantineId)); !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return withdrawal.id;
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
    if (auto s = auditSync(*d->db, *this, QStringLiteral("review_conflict"), QString::number(conflictId)); !s)
        return s;
    return tx->commit();
}

}  // namespace cairn::registry
