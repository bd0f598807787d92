#include "core/storage/record_store.h"

#include "core/domain/text.h"
#include "core/storage/database.h"
#include "core/storage/hot_queries.h"
#include "core/storage/lineage_merge.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <optional>
#include <sqlcipher/sqlite3.h>

namespace cairn::storage {
namespace {

constexpr const char *kRecordColumns =
    "r.seq, r.id, r.patient_id, r.kind, r.record_date, r.payload, r.author, r.device, r.hlc, r.supersedes, "
    "r.retracted, r.written_at";

StoredRecord readRecord(const Statement &stmt)
{
    StoredRecord record;
    record.seq = stmt.integer(0);
    record.id = stmt.text(1);
    record.patientId = stmt.text(2);
    record.kind = stmt.text(3);
    record.date = stmt.text(4);
    record.payload = QJsonDocument::fromJson(stmt.text(5).toUtf8()).object();
    record.author = stmt.text(6);
    record.device = stmt.text(7);
    HlcStamp::parse(stmt.text(8), &record.stamp);
    record.supersedes = stmt.text(9);
    record.retracted = stmt.integer(10) != 0;
    record.writtenAt = stmt.text(11);
    return record;
}

QByteArray withColumns(const char *tail)
{
    return QByteArray("SELECT ") + kRecordColumns + " FROM records r " + tail;
}

// The same columns for a version in force: its payload is the lineage's merge when there is one.
constexpr const char *kCurrentColumns =
    "SELECT r.seq, r.id, r.patient_id, r.kind, r.record_date, COALESCE(h.merged_payload, r.payload), r.author, "
    "r.device, r.hlc, r.supersedes, r.retracted, r.written_at ";

// The payload of the nearest common ancestor of the tips (along their supersedes chains): the
// version every concurrent correction started from; empty when they started independently.
Result<QJsonObject> commonBasePayload(Database &db, const QList<LineageTip> &tips)
{
    auto parent = db.cached(hot_queries::kParentOfRecord);
    if (!parent)
        return parent.error();
    QHash<QString, QString> payloadOf;
    // Each tip's chain, the tip first, up to the lineage's first record (an id seen twice is a cycle).
    auto chainOf = [&](const QString &tipId) -> Result<QStringList> {
        QStringList chain;
        QSet<QString> seen;
        for (QString id = tipId; !id.isEmpty();) {
            if (seen.contains(id))
                return Error{QStringLiteral("supersedes"), QStringLiteral("the record's versions form a cycle")};
            seen.insert(id);
            (*parent)->bind(1, id);
            if (!(*parent)->next()) {
                Status s = (*parent)->status();
                (*parent)->reset();
                if (!s)
                    return s.error();
                return Error{QStringLiteral("supersedes"),
                             QStringLiteral("names a record that is not here: %1").arg(id)};
            }
            chain.append(id);
            payloadOf.insert(id, (*parent)->text(1));
            id = (*parent)->text(0);
            (*parent)->reset();
        }
        return chain;
    };
    QList<QStringList> chains;
    for (const LineageTip &tip : tips) {
        auto chain = chainOf(tip.id);
        if (!chain)
            return chain.error();
        chains.append(std::move(*chain));
    }
    // First versions written independently (a record the clinic holds once, set on two devices
    // offline): nothing is shared, so every field either set is a change.
    const std::optional<QString> base = nearestCommonAncestor(chains);
    if (!base)
        return QJsonObject();
    return QJsonDocument::fromJson(payloadOf.value(*base).toUtf8()).object();
}

using hot_queries::kTipsOfLineage;

// A first version whose lineage is its own id (nearly every record): it is its lineage's head.
bool startsOwnLineage(const StoredRecord &record, const QString &lineage)
{
    return record.supersedes.isEmpty() && lineage == record.id;
}

}  // namespace

Result<QString> RecordStore::lineageFor(StoredRecord &record, bool queueForSync)
{
    if (record.writtenAt.isEmpty())
        record.writtenAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QString lineage = rootLineage(record.id, record.kind, record.patientId, record.payload);
    if (record.supersedes.isEmpty())
        return lineage;
    auto parent = m_db.cached(hot_queries::kLineageOfRecord);
    if (!parent)
        return parent.error();
    (*parent)->bind(1, record.supersedes);
    if (!(*parent)->next()) {
        Status s = (*parent)->status();
        (*parent)->reset();
        if (!s)
            return s.error();
        return Error{QStringLiteral("supersedes"),
                     QStringLiteral("names a record that is not here: %1").arg(record.supersedes)};
    }
    lineage = (*parent)->text(0);
    (*parent)->reset();
    if (queueForSync) {
        // A local correction is written from what this device shows: the merge of every tip.
        auto tips = m_db.cached(kTipsOfLineage);
        if (!tips)
            return tips.error();
        (*tips)->bind(1, lineage);
        record.closes.clear();
        while ((*tips)->next()) {
            if ((*tips)->text(0) != record.supersedes)
                record.closes.append((*tips)->text(0));
        }
        Status scan = (*tips)->status();
        (*tips)->reset();
        if (!scan)
            return scan.error();
    }
    return lineage;
}

Status RecordStore::insertRow(StoredRecord &record, const QString &lineage, bool queueForSync,
                              const QByteArray &payloadText)
{
    auto stmt = m_db.cached("INSERT INTO records (id, patient_id, kind, record_date, payload, author, device, hlc, "
                            "supersedes, retracted, written_at, lineage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, record.id).bind(2, record.patientId).bind(3, record.kind).bindOptional(4, record.date);
    // UTF-8 as written, bound as it is (no round trip through a QString).
    (*stmt)->bindText(5, payloadText.isEmpty() ? QJsonDocument(record.payload).toJson(QJsonDocument::Compact)
                                               : payloadText);
    (*stmt)->bind(6, record.author).bind(7, record.device).bind(8, record.stamp.toString());
    (*stmt)->bindOptional(9, record.supersedes).bind(10, record.retracted ? 1 : 0).bind(11, record.writtenAt);
    (*stmt)->bind(12, lineage);
    if (auto s = (*stmt)->run(); !s)
        return s;
    record.seq = m_db.lastInsertRowId();
    for (const QString &closed : std::as_const(record.closes)) {
        auto close = m_db.cached("INSERT OR IGNORE INTO record_closes (closed_id, record_id) VALUES (?, ?)");
        if (!close)
            return close.error();
        (*close)->bind(1, closed).bind(2, record.id);
        if (auto s = (*close)->run(); !s)
            return s;
    }
    if (!queueForSync)
        return ok();
    auto queue = m_db.cached("INSERT INTO outbox (record_seq) VALUES (?)");
    if (!queue)
        return queue.error();
    (*queue)->bind(1, record.seq);
    return (*queue)->run();
}

Status RecordStore::insert(StoredRecord &record, bool queueForSync, const QByteArray &payloadText)
{
    auto lineage = lineageFor(record, queueForSync);
    if (!lineage)
        return lineage.error();
    if (auto s = insertRow(record, *lineage, queueForSync, payloadText); !s)
        return s;
    if (startsOwnLineage(record, *lineage)) {
        auto stmt = m_db.cached("INSERT INTO heads (lineage, record_id, patient_id, live) VALUES (?, ?, ?, ?)");
        if (!stmt)
            return stmt.error();
        (*stmt)->bind(1, *lineage).bind(2, record.id).bind(3, record.patientId).bind(4, record.retracted ? 0 : 1);
        return (*stmt)->run();
    }
    return resolveHead(*lineage, record.patientId, 0);
}

Status RecordStore::resolveHead(const QString &lineage, const QString &patientId, std::int64_t asOfSeq)
{
    // The versions of this lineage that nothing supersedes. One is the usual case; several mean
    // devices corrected the same record concurrently.
    auto tips = m_db.cached(asOfSeq > 0 ? hot_queries::kTipsOfLineageAsOf : kTipsOfLineage);
    if (!tips)
        return tips.error();
    QList<LineageTip> found;
    (*tips)->bind(1, lineage);
    if (asOfSeq > 0)
        (*tips)->bind(2, asOfSeq);
    while ((*tips)->next()) {
        found.append({(*tips)->text(0), (*tips)->text(1), (*tips)->integer(2) != 0,
                      QJsonDocument::fromJson((*tips)->text(3).toUtf8()).object()});
    }
    Status scan = (*tips)->status();
    (*tips)->reset();
    if (!scan)
        return scan;
    if (found.isEmpty())
        return Error{QStringLiteral("supersedes"), QStringLiteral("the record's versions form a cycle")};
    QJsonObject base;
    if (needsMerge(found)) {
        auto common = commonBasePayload(m_db, found);
        if (!common)
            return common.error();
        base = std::move(*common);
    }
    const LineageHead head = resolveLineage(found, base);
    auto set =
        m_db.cached("INSERT INTO heads (lineage, record_id, patient_id, live, merged_payload) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(lineage) DO UPDATE SET record_id = excluded.record_id, live = excluded.live, "
                    "merged_payload = excluded.merged_payload");
    if (!set)
        return set.error();
    (*set)->bind(1, lineage).bind(2, head.recordId).bind(3, patientId).bind(4, head.live ? 1 : 0);
    if (head.merged)
        (*set)->bind(5, QString::fromUtf8(QJsonDocument(*head.merged).toJson(QJsonDocument::Compact)));
    else
        (*set)->bindNull(5);
    if (auto s = (*set)->run(); !s)
        return s;
    // Only fields two versions changed to different values need review; a clean merge does not.
    for (const LineageConflict &conflict : head.conflicts) {
        auto add = m_db.cached("INSERT INTO conflicts (lineage, patient_id, record_a, record_b, fields, detected_at) "
                               "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(record_a, record_b) DO NOTHING");
        if (!add)
            return add.error();
        (*add)->bind(1, lineage).bind(2, patientId).bind(3, conflict.recordA).bind(4, conflict.recordB);
        (*add)->bind(5, conflict.fields.join(QLatin1Char(',')));
        (*add)->bind(6, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (auto s = (*add)->run(); !s)
            return s;
    }
    return ok();
}

Status RecordStore::readCloses(StoredRecord &record)
{
    auto closes = m_db.cached(hot_queries::kClosedByRecord);
    if (!closes)
        return closes.error();
    (*closes)->bind(1, record.id);
    while ((*closes)->next())
        record.closes.append((*closes)->text(0));
    Status scan = (*closes)->status();
    (*closes)->reset();
    return scan;
}

Status RecordStore::scanAll(const std::function<Status(const StoredRecord &)> &visit)
{
    auto stmt = m_db.prepare(withColumns("ORDER BY r.seq").constData());
    if (!stmt)
        return stmt.error();
    while (stmt->next()) {
        StoredRecord record = readRecord(*stmt);
        if (auto s = readCloses(record); !s)
            return s;
        if (auto s = visit(record); !s)
            return s;
    }
    return stmt->status();
}

namespace {

// Runs sql with an append-only trigger lifted, restoring the trigger exactly as the schema made it
// (its text is read back from sqlite_master), in the caller's transaction.
Status withTriggerLifted(Database &db, const char *trigger, const char *sql)
{
    auto definition = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
    if (!definition)
        return definition.error();
    definition->bind(1, QString::fromLatin1(trigger));
    if (!definition->next())
        return definition->status() ? Status(Error{QString(), QStringLiteral("no trigger %1").arg(trigger)})
                                    : definition->status();
    const QByteArray create = definition->text(0).toUtf8();
    if (auto s = db.exec((QByteArray("DROP TRIGGER ") + trigger).constData()); !s)
        return s;
    if (auto s = db.exec(sql); !s)
        return s;
    return db.exec(create.constData());
}

}  // namespace

Result<QStringList> RecordStore::removeSetAside(const QStringList &recordIds)
{
    if (auto s = m_db.exec("CREATE TEMP TABLE IF NOT EXISTS set_aside_now (id TEXT PRIMARY KEY);"
                           "DELETE FROM temp.set_aside_now");
        !s)
        return s.error();
    if (auto s = m_db.runForEach("INSERT OR IGNORE INTO temp.set_aside_now (id) VALUES (?)", recordIds); !s)
        return s.error();
    QList<QPair<QString, QString>> lineages;  // (lineage, patient) of every removed record
    QStringList patients;
    {
        auto touched = m_db.prepare("SELECT DISTINCT lineage, patient_id FROM records "
                                    "WHERE id IN (SELECT id FROM temp.set_aside_now)");
        if (!touched)
            return touched.error();
        while (touched->next()) {
            lineages.append({touched->text(0), touched->text(1)});
            if (!patients.contains(touched->text(1)))
                patients.append(touched->text(1));
        }
        if (!touched->status())
            return touched->status().error();
    }
    // Everything that refers to them first (foreign keys), then the records, then the heads of
    // what remains of their lineages.
    if (auto s = m_db.exec("DELETE FROM outbox WHERE record_seq IN (SELECT seq FROM records "
                           "WHERE id IN (SELECT id FROM temp.set_aside_now));"
                           "DELETE FROM conflicts WHERE record_a IN (SELECT id FROM temp.set_aside_now) "
                           "OR record_b IN (SELECT id FROM temp.set_aside_now);"
                           "DELETE FROM heads WHERE lineage IN (SELECT lineage FROM records "
                           "WHERE id IN (SELECT id FROM temp.set_aside_now));"
                           "DELETE FROM patients WHERE head IN (SELECT id FROM temp.set_aside_now)");
        !s)
        return s.error();
    if (auto s = withTriggerLifted(m_db, "record_closes_are_append_only_delete",
                                   "DELETE FROM record_closes WHERE record_id IN (SELECT id FROM temp.set_aside_now)");
        !s)
        return s.error();
    if (auto s = withTriggerLifted(m_db, "records_are_append_only_delete",
                                   "DELETE FROM records WHERE id IN (SELECT id FROM temp.set_aside_now)");
        !s)
        return s.error();
    for (const auto &[lineage, patientId] : std::as_const(lineages)) {
        auto left = m_db.prepare("SELECT 1 FROM records WHERE lineage = ? LIMIT 1");
        if (!left)
            return left.error();
        left->bind(1, lineage);
        const bool remains = left->next();
        if (!left->status())
            return left->status().error();
        if (remains) {
            if (auto s = resolveHead(lineage, patientId, 0); !s)
                return s.error();
        }
    }
    if (auto s = m_db.exec("DROP TABLE temp.set_aside_now"); !s)
        return s.error();
    return patients;
}

Result<std::optional<BulkLoad>> BulkLoad::begin(Database &db)
{
    auto empty = db.scalarInt("SELECT NOT EXISTS (SELECT 1 FROM records)");
    if (!empty)
        return empty.error();
    if (*empty == 0)
        return std::optional<BulkLoad>();
    BulkLoad load(db);
    db.resetCached();
    auto schema = db.prepare("SELECT type, tbl_name, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
                             "((type = 'index' AND tbl_name IN ('records', 'heads')) OR "
                             "(type = 'trigger' AND name = 'summary_dirty_on_record')) ORDER BY name");
    if (!schema)
        return schema.error();
    QList<QByteArray> drops;
    while (schema->next()) {
        const bool index = schema->text(0) == QLatin1String("index");
        const QByteArray sql = schema->blob(3);
        if (!index)
            load.m_triggers.append(sql);
        else if (schema->text(1) == QLatin1String("records"))
            load.m_recordIndexes.append(sql);
        else
            load.m_headIndexes.append(sql);
        drops.append((index ? "DROP INDEX \"" : "DROP TRIGGER \"") + schema->blob(2) + '"');
    }
    if (auto s = schema->status(); !s)
        return s.error();
    for (const QByteArray &drop : std::as_const(drops)) {
        if (auto s = db.exec(drop.constData()); !s)
            return s.error();
    }
    return std::optional<BulkLoad>(std::move(load));
}

Status BulkLoad::insert(StoredRecord &record, bool queueForSync, bool followUp, const QByteArray &payloadText)
{
    if (m_finished)
        return Error{QString(), QStringLiteral("the bulk load is already finished")};
    // A local correction reads its lineage's tips by scanning (no index yet): rare in a load.
    auto lineage = m_store.lineageFor(record, queueForSync);
    if (!lineage)
        return lineage.error();
    // Its outbox row comes with the others in finish(): one statement instead of one per row.
    if (auto s = m_store.insertRow(record, *lineage, false, payloadText); !s)
        return s;
    if (queueForSync)
        m_queued.push_back(record.seq);
    ++m_inserted;
    const bool resolve = !startsOwnLineage(record, *lineage);
    if (resolve || followUp)
        m_deferred.append({record.seq, record.id, *lineage, record.patientId, resolve, followUp});
    return ok();
}

Status BulkLoad::finish(const std::function<Status(const QString &recordId)> &followUp)
{
    if (m_finished)
        return ok();
    m_finished = true;
    Database &db = *m_db;
    // The outbox rows insert() left out, in write order, as RecordStore::insert queues them.
    if (!m_queued.empty() && std::ssize(m_queued) == m_inserted) {
        // Every row of the load (the records table was empty): the common case, seeding or an import.
        if (auto s = db.exec("INSERT INTO outbox (record_seq) SELECT seq FROM records"); !s)
            return s;
    } else {
        for (const std::int64_t seq : m_queued) {
            auto queue = db.cached("INSERT INTO outbox (record_seq) VALUES (?)");
            if (!queue)
                return queue.error();
            (*queue)->bind(1, seq);
            if (auto s = (*queue)->run(); !s)
                return s;
        }
    }
    for (const QByteArray &sql : std::as_const(m_recordIndexes)) {
        if (auto s = db.exec(sql.constData()); !s)
            return s;
    }
    // Every row came with this load: each first version of its own lineage heads it (as
    // RecordStore::insert's first case), in key order so the b-tree is written front to back.
    // Read in table order and sorted: left to itself SQLite walks the id index for the order and
    // fetches each row from wherever it lies, which once the table outgrows the page cache is a
    // page read and decryption per row (a fifth of the time seeding 3,000 patients took).
    if (auto s = db.exec("INSERT INTO heads (lineage, record_id, patient_id, live) "
                         "SELECT id, id, patient_id, 1 - retracted FROM records NOT INDEXED "
                         "WHERE supersedes IS NULL AND lineage = id ORDER BY id");
        !s)
        return s;
    for (const QByteArray &sql : std::as_const(m_headIndexes)) {
        if (auto s = db.exec(sql.constData()); !s)
            return s;
    }
    for (const Deferred &step : std::as_const(m_deferred)) {
        if (step.resolveHead) {
            if (auto s = m_store.resolveHead(step.lineage, step.patientId, step.seq); !s)
                return s;
        }
        if (step.followUp && followUp) {
            if (auto s = followUp(step.recordId); !s)
                return s;
        }
    }
    // What summary_dirty_on_record marks for each inserted row.
    if (auto s = db.exec("INSERT OR IGNORE INTO summary_dirty (patient_id) "
                         "SELECT DISTINCT patient_id FROM records WHERE patient_id <> 'clinic'");
        !s)
        return s;
    for (const QByteArray &sql : std::as_const(m_triggers)) {
        if (auto s = db.exec(sql.constData()); !s)
            return s;
    }
    return ok();
}

Result<std::optional<StoredRecord>> RecordStore::versionInForce(const QString &recordId)
{
    auto stmt = m_db.prepare((QByteArray(kCurrentColumns) +
                              "FROM records r0 JOIN heads h ON h.lineage = r0.lineage "
                              "JOIN records r ON r.id = h.record_id WHERE r0.id = ? AND h.live = 1")
                                 .constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, recordId);
    if (!stmt->next())
        return stmt->status() ? Result<std::optional<StoredRecord>>(std::nullopt)
                              : Result<std::optional<StoredRecord>>(stmt->status().error());
    return std::optional<StoredRecord>(readRecord(*stmt));
}

Result<QString> RecordStore::headOf(const QString &recordId)
{
    auto stmt = m_db.prepare("SELECT h.record_id FROM records r JOIN heads h ON h.lineage = r.lineage WHERE r.id = ? "
                             "AND h.live = 1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, recordId);
    if (!stmt->next())
        return stmt->status() ? Result<QString>(QString()) : Result<QString>(stmt->status().error());
    return stmt->text(0);
}

Result<QList<Conflict>> RecordStore::conflicts(bool includeReviewed)
{
    auto stmt = m_db.prepare(
        includeReviewed ? "SELECT c.id, c.patient_id, c.record_a, c.record_b, c.fields, c.detected_at, h.record_id, "
                          "c.reviewed_by, c.reviewed_at FROM conflicts c JOIN heads h ON h.lineage = c.lineage "
                          "ORDER BY c.id"
                        : "SELECT c.id, c.patient_id, c.record_a, c.record_b, c.fields, c.detected_at, h.record_id, "
                          "c.reviewed_by, c.reviewed_at FROM conflicts c JOIN heads h ON h.lineage = c.lineage "
                          "WHERE c.reviewed_at IS NULL ORDER BY c.id");
    if (!stmt)
        return stmt.error();
    QList<Conflict> list;
    while (stmt->next()) {
        list.append({stmt->integer(0), stmt->text(1), stmt->text(2), stmt->text(3),
                     stmt->text(4).split(QLatin1Char(','), Qt::SkipEmptyParts), stmt->text(5), stmt->text(6),
                     stmt->text(7), stmt->text(8)});
    }
    if (!stmt->status())
        return stmt->status().error();
    return list;
}

Status RecordStore::markConflictReviewed(std::int64_t conflictId, const QString &userId, const QString &at)
{
    auto stmt =
        m_db.prepare("UPDATE conflicts SET reviewed_by = ?, reviewed_at = ? WHERE id = ? AND reviewed_at IS NULL");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, userId).bind(2, at).bind(3, conflictId);
    if (auto s = stmt->run(); !s)
        return s;
    if (m_db.changes() == 0)
        return Error{QStringLiteral("conflict"), QStringLiteral("no open conflict with id %1").arg(conflictId)};
    return ok();
}

Result<bool> RecordStore::contains(const QString &recordId)
{
    auto stmt = m_db.cached(hot_queries::kRecordExists);
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, recordId);
    const bool found = (*stmt)->next();
    const Status status = (*stmt)->status();
    (*stmt)->reset();
    if (!status)
        return status.error();
    return found;
}

Result<StoredRecord> RecordStore::find(const QString &recordId)
{
    auto rows = select(withColumns("WHERE r.id = ?").constData(), recordId);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error{QStringLiteral("record"), QStringLiteral("no record with id %1").arg(recordId)};
    return rows->first();
}

Result<QList<StoredRecord>> RecordStore::select(const char *sql, const QString &param)
{
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    if (!param.isNull())
        stmt->bind(1, param);
    QList<StoredRecord> rows;
    while (stmt->next())
        rows.append(readRecord(*stmt));
    if (!stmt->status())
        return stmt->status().error();
    return rows;
}

Result<QList<StoredRecord>> RecordStore::current(const QString &patientId)
{
    return select((QByteArray(kCurrentColumns) + hot_queries::kCurrentOfPatientTail).constData(), patientId);
}

Result<QList<StoredRecord>> RecordStore::history(const QString &patientId)
{
    return select((QByteArray("SELECT ") + kRecordColumns + ' ' + hot_queries::kHistoryOfPatientTail).constData(),
                  patientId);
}

Result<QList<StoredRecord>> RecordStore::allCurrent()
{
    // A scan in table order with the head lookup is far cheaper than walking the patient index
    // (every index hop decrypts a page); grouping happens here instead.
    // CROSS JOIN keeps records as the outer loop; each row costs one primary-key probe into heads.
    auto rows = select((QByteArray(kCurrentColumns) + "FROM records r NOT INDEXED CROSS JOIN heads h "
                                                      "ON h.lineage = r.lineage AND h.record_id = r.id AND h.live = 1")
                           .constData(),
                       QString());
    if (!rows)
        return rows;
    // Group by patient in one pass (patients in order of first appearance, records in write order).
    QHash<QString, qsizetype> groupOf;
    QList<QList<StoredRecord>> groups;
    for (StoredRecord &row : *rows) {
        auto found = groupOf.constFind(row.patientId);
        qsizetype index = 0;
        if (found == groupOf.cend()) {
            index = groups.size();
            groupOf.insert(row.patientId, index);
            groups.emplace_back();
        } else {
            index = *found;
        }
        groups[index].append(std::move(row));
    }
    QList<StoredRecord> grouped;
    grouped.reserve(rows->size());
    for (QList<StoredRecord> &group : groups)
        for (StoredRecord &row : group)
            grouped.append(std::move(row));
    return grouped;
}

namespace {

// A query read through SQLite's own column pointers: scanCurrent hands out views of each row's
// text, where Statement copies every column into a QString or QByteArray.
class RowTextQuery {
public:
    RowTextQuery(sqlite3 *db, const char *sql)
        : m_db(db)
    {
        m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    }
    ~RowTextQuery() { sqlite3_finalize(m_stmt); }
    RowTextQuery(const RowTextQuery &) = delete;
    RowTextQuery &operator=(const RowTextQuery &) = delete;

    bool next()
    {
        if (m_rc == SQLITE_OK || m_rc == SQLITE_ROW)
            m_rc = sqlite3_step(m_stmt);
        return m_rc == SQLITE_ROW;
    }
    [[nodiscard]] Status status() const
    {
        if (m_rc == SQLITE_DONE)
            return ok();
        return Error{QString(), QStringLiteral("cannot read the records: ") + QString::fromUtf8(sqlite3_errmsg(m_db))};
    }
    [[nodiscard]] std::int64_t integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    [[nodiscard]] QByteArrayView text(int column) const
    {
        // One call that takes the connection's mutex per column, not two: the value is read on
        // the thread that steps the statement, before the next step.
        sqlite3_value *value = sqlite3_column_value(m_stmt, column);
        const auto *data = reinterpret_cast<const char *>(sqlite3_value_text(value));
        return data ? QByteArrayView(data, sqlite3_value_bytes(value)) : QByteArrayView();
    }
    // The row's columns; a first version's query has no supersedes column (it is NULL).
    void read(CurrentRowText &row, bool firstVersion = false) const
    {
        row.seq = integer(0);
        row.id = text(1);
        row.patientId = text(2);
        row.kind = text(3);
        row.date = text(4);
        row.payload = text(5);
        row.author = text(6);
        row.device = text(7);
        row.hlc = text(8);
        row.supersedes = firstVersion ? QByteArrayView() : text(9);
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    int m_rc = SQLITE_ERROR;
};

// A row copied out of SQLite, for the few read ahead of the scan.
struct OwnedRowText {
    std::int64_t seq = 0;
    QByteArray columns[9];
    [[nodiscard]] CurrentRowText view() const
    {
        return {seq,        columns[0], columns[1], columns[2], columns[3],
                columns[4], columns[5], columns[6], columns[7], columns[8]};
    }
};

}  // namespace

Status RecordStore::scanCurrent(const std::function<void(const CurrentRowText &)> &visit)
{
    // A lineage of one record is its own head, live unless withdrawn, never merged: nearly every
    // row, and one that needs no lookup in heads, only the probe of the small supersedes index a
    // bare scan of current rows makes anyway. A lineage has other versions when one of them
    // supersedes something (read first, through heads: the version in force and any merge, then
    // slotted in by write order) or when its first versions share a lineage named for what they
    // are (lineage is not the record's id: looked up in heads as the scan meets them).
    QSet<QByteArray> versionedLineages;
    RowTextQuery lineages(m_db.handle(), "SELECT DISTINCT c.lineage FROM records c INDEXED BY records_by_supersedes "
                                         "WHERE c.supersedes IS NOT NULL");
    while (lineages.next())
        versionedLineages.insert(lineages.text(0).toByteArray());
    if (auto s = lineages.status(); !s)
        return s;
    RowTextQuery versioned(
        m_db.handle(),
        "SELECT r.seq, r.id, r.patient_id, r.kind, r.record_date, COALESCE(h.merged_payload, r.payload), "
        "r.author, r.device, r.hlc, r.supersedes FROM heads h JOIN records r ON r.id = h.record_id "
        "WHERE h.live = 1 AND h.lineage IN (SELECT c.lineage FROM records c INDEXED BY "
        "records_by_supersedes WHERE c.supersedes IS NOT NULL) ORDER BY r.seq");
    std::vector<OwnedRowText> ahead;
    while (versioned.next()) {
        CurrentRowText row;
        versioned.read(row);
        OwnedRowText owned;
        owned.seq = row.seq;
        const QByteArrayView columns[9] = {row.id,     row.patientId, row.kind, row.date,      row.payload,
                                           row.author, row.device,    row.hlc,  row.supersedes};
        for (int i = 0; i < 9; ++i)
            owned.columns[i] = columns[i].toByteArray();
        ahead.push_back(std::move(owned));
    }
    if (auto s = versioned.status(); !s)
        return s;
    // Column 9: 1 for a lineage of one record (withdrawn ones are left out), 0 for a shared one,
    // named in column 10 (read only then).
    RowTextQuery first(m_db.handle(),
                       "SELECT r.seq, r.id, r.patient_id, r.kind, r.record_date, r.payload, r.author, r.device, r.hlc, "
                       "r.lineage = r.id, r.lineage FROM records r NOT INDEXED WHERE r.supersedes IS NULL "
                       "AND (r.retracted = 0 OR r.lineage <> r.id) "
                       "AND NOT EXISTS (SELECT 1 FROM records s WHERE s.supersedes = r.id)");
    auto next = ahead.cbegin();
    CurrentRowText row;
    QByteArray merged;
    while (first.next()) {
        first.read(row, true);
        if (first.integer(9) == 0) {
            // First versions sharing a lineage: only the one in force, with the merge.
            const QByteArrayView lineage = first.text(10);
            if (versionedLineages.contains(QByteArray::fromRawData(lineage.data(), lineage.size())))
                continue;
            auto head = m_db.cached(hot_queries::kHeadOfLineage);
            if (!head)
                return head.error();
            (*head)->bind(1, QString::fromUtf8(lineage));
            const bool inForce = (*head)->next() && (*head)->integer(1) != 0 && (*head)->blob(0) == row.id;
            merged = inForce && !(*head)->isNull(2) ? (*head)->blob(2) : QByteArray();
            Status s = (*head)->status();
            (*head)->reset();
            if (!s)
                return s;
            if (!inForce)
                continue;
            if (!merged.isNull())
                row.payload = merged;
        }
        for (; next != ahead.cend() && next->seq < row.seq; ++next)
            visit(next->view());
        visit(row);
    }
    if (auto s = first.status(); !s)
        return s;
    for (; next != ahead.cend(); ++next)
        visit(next->view());
    return ok();
}

Result<QHash<QString, std::int64_t>> RecordStore::lastSeqOfEachPatient()
{
    RowTextQuery query(m_db.handle(), "SELECT patient_id, max(seq) FROM records INDEXED BY records_by_patient "
                                      "WHERE patient_id <> 'clinic' GROUP BY patient_id");
    QHash<QString, std::int64_t> last;
    while (query.next())
        last.insert(QString::fromUtf8(query.text(0)), query.integer(1));
    if (auto s = query.status(); !s)
        return s.error();
    return last;
}

Status RecordStore::upsertPatient(const PatientRow &row)
{
    auto cachedStmt = m_db.cached(
        "INSERT INTO patients (id, head, clinic_id, name, search_key, birth_date, sex, prescriber, risk_tier, phone, "
        "language, updated_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET head = excluded.head, clinic_id = excluded.clinic_id, name = excluded.name, "
        "search_key = excluded.search_key, birth_date = excluded.birth_date, sex = excluded.sex, "
        "prescriber = excluded.prescriber, risk_tier = excluded.risk_tier, phone = excluded.phone, "
        "language = excluded.language, updated_hlc = excluded.updated_hlc");
    if (!cachedStmt)
        return cachedStmt.error();
    Statement *stmt = *cachedStmt;
    stmt->bind(1, row.id).bind(2, row.head).bind(3, row.clinicId).bind(4, row.name);
    stmt->bind(5, domain::patientSearchKey(row.name, row.clinicId));
    stmt->bindOptional(6, row.birthDate).bindOptional(7, row.sex).bindOptional(8, row.prescriber);
    stmt->bindOptional(9, row.riskTier).bindOptional(10, row.phone).bindOptional(11, row.language);
    stmt->bind(12, row.updated.toString());
    return stmt->run();
}

namespace {
constexpr const char *kPatientColumns = "SELECT id, head, clinic_id, name, birth_date, sex, prescriber, risk_tier, "
                                        "phone, language, updated_hlc FROM patients ";

PatientRow readPatient(const Statement &stmt)
{
    PatientRow row;
    row.id = stmt.text(0);
    row.head = stmt.text(1);
    row.clinicId = stmt.text(2);
    row.name = stmt.text(3);
    row.birthDate = stmt.text(4);
    row.sex = stmt.text(5);
    row.prescriber = stmt.text(6);
    row.riskTier = stmt.text(7);
    row.phone = stmt.text(8);
    row.language = stmt.text(9);
    HlcStamp::parse(stmt.text(10), &row.updated);
    return row;
}
}  // namespace

Result<QList<PatientRow>> RecordStore::patients()
{
    auto stmt = m_db.prepare((QByteArray(kPatientColumns) + "ORDER BY search_key, id").constData());
    if (!stmt)
        return stmt.error();
    QList<PatientRow> rows;
    while (stmt->next())
        rows.append(readPatient(*stmt));
    if (!stmt->status())
        return stmt->status().error();
    return rows;
}

Result<QStringList> RecordStore::patientIdsWithClinicId(const QString &clinicId)
{
    return m_db.textColumn(hot_queries::kPatientsWithClinicId, clinicId);
}

Result<PatientRow> RecordStore::patient(const QString &patientId)
{
    auto stmt = m_db.prepare((QByteArray(kPatientColumns) + "WHERE id = ?").constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, patientId);
    if (!stmt->next()) {
        if (!stmt->status())
            return stmt->status().error();
        return Error{QStringLiteral("patient"), QStringLiteral("no patient with id %1").arg(patientId)};
    }
    return readPatient(*stmt);
}

Result<std::int64_t> RecordStore::patientCount()
{
    return m_db.scalarInt("SELECT count(*) FROM patients");
}

namespace {

// Record ids as the JSON array text json_each reads: written straight (ids are plain text), through
// QJsonDocument only when one needs escaping. A push batch's acknowledgement passes 5,000 of them.
QString jsonIdArray(const QStringList &ids)
{
    QString out;
    out.reserve(2 + ids.size() * 39);
    out += QLatin1Char('[');
    for (const QString &id : ids) {
        for (const QChar c : id) {
            if (c == QLatin1Char('"') || c == QLatin1Char('\\') || c.unicode() < 0x20)
                return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
        }
        if (out.size() > 1)
            out += QLatin1Char(',');
        out += QLatin1Char('"');
        out += id;
        out += QLatin1Char('"');
    }
    out += QLatin1Char(']');
    return out;
}

}  // namespace

Result<QList<OutgoingRecord>> RecordStore::pendingOutbox(int limit, std::int64_t afterSeq)
{
    // By the outbox's integer key, each record found by its own (hot_queries::kOutboxTail).
    const QByteArray sql = withColumns(hot_queries::kOutboxTail) + QByteArray::number(limit);
    auto stmt = m_db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, afterSeq);
    QList<OutgoingRecord> pending;
    QStringList ids;
    while (stmt->next()) {
        OutgoingRecord &out = pending.emplace_back();
        StoredRecord &record = out.envelope;
        record.seq = stmt->integer(0);
        record.id = stmt->text(1);
        record.patientId = stmt->text(2);
        record.kind = stmt->text(3);
        record.date = stmt->text(4);
        out.payloadText = stmt->blob(5);  // a TEXT column's bytes: its UTF-8
        record.author = stmt->text(6);
        record.device = stmt->text(7);
        HlcStamp::parse(stmt->text(8), &record.stamp);
        record.supersedes = stmt->text(9);
        record.retracted = stmt->integer(10) != 0;
        record.writtenAt = stmt->text(11);
        ids.append(record.id);
    }
    if (!stmt->status())
        return stmt->status().error();
    // The versions each one closes travel with it: read for the whole batch in one statement
    // (most records close none), in the order readCloses gives.
    auto closes = m_db.cached("SELECT record_id, closed_id FROM record_closes WHERE record_id IN "
                              "(SELECT value FROM json_each(?)) ORDER BY record_id, closed_id");
    if (!closes)
        return closes.error();
    (*closes)->bind(1, jsonIdArray(ids));
    QHash<QString, QStringList> closedBy;
    while ((*closes)->next())
        closedBy[(*closes)->text(0)].append((*closes)->text(1));
    Status scan = (*closes)->status();
    (*closes)->reset();
    if (!scan)
        return scan.error();
    if (!closedBy.isEmpty()) {
        for (OutgoingRecord &out : pending)
            out.envelope.closes = closedBy.value(out.envelope.id);
    }
    return pending;
}

Result<std::int64_t> RecordStore::outboxSize()
{
    return m_db.scalarInt("SELECT pending FROM outbox_size WHERE only_row = 1");
}

Result<QString> RecordStore::oldestPendingWrite()
{
    return m_db.scalarText(
        "SELECT r.written_at FROM outbox o JOIN records r ON r.seq = o.record_seq ORDER BY o.record_seq LIMIT 1");
}

Status RecordStore::acknowledge(const QList<std::int64_t> &seqs)
{
    // One statement for a whole push batch (up to 5,000 seqs, passed as one JSON array), each row
    // found by its integer key.
    QByteArray list;
    list.reserve(2 + seqs.size() * 8);
    list += '[';
    for (const std::int64_t seq : seqs) {
        if (list.size() > 1)
            list += ',';
        list += QByteArray::number(static_cast<qint64>(seq));
    }
    list += ']';
    auto stmt = m_db.cached(hot_queries::kAcknowledgeOutbox);
    if (!stmt)
        return stmt.error();
    (*stmt)->bindText(1, list);
    Status done = (*stmt)->run();
    (*stmt)->reset();
    return done;
}

Result<std::int64_t> RecordStore::recordCount()
{
    return m_db.scalarInt("SELECT count(*) FROM records");
}

Result<std::int64_t> RecordStore::highestSeq()
{
    return m_db.scalarInt("SELECT COALESCE(max(seq), 0) FROM records");
}

Result<int> RecordStore::requeueOwnAfter(const QString &deviceId, std::int64_t seq)
{
    auto stmt = m_db.prepare(
        "INSERT INTO outbox (record_seq) SELECT r.seq FROM records r "
        "WHERE r.device = ? AND r.seq > ? AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_seq = r.seq)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, deviceId).bind(2, seq);
    if (auto s = stmt->run(); !s)
        return s.error();
    return m_db.changes();
}

}  // namespace cairn::storage
