#pragma once
// Rows of the `records`, `patients` and `outbox` tables. Knows nothing of record kinds beyond
// their names: payloads are the contract JSON of the record, encoded and validated by the layer
// above (core/registry). How a lineage's versions merge is lineage_merge.h (which asks the kind
// table which records the clinic holds once). Call the writers inside a Transaction.

#include "core/domain/envelope.h"
#include "core/domain/hlc.h"
#include "core/domain/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace cairn::storage {

class Database;

// Rows of `records` are record envelopes (core/domain/envelope.h).
using StoredRecord = domain::RecordEnvelope;

// The searchable columns of a patient's current demographics.
struct PatientRow {
    QString id;
    QString head;  // id of the record these columns come from
    QString clinicId;
    QString name;
    QString birthDate;
    QString sex;
    QString prescriber;
    QString riskTier;
    QString phone;
    QString language;
    HlcStamp updated;
};

// Two concurrent versions of one record (written on different devices without seeing each other)
// that changed the same payload fields to different values. Concurrent versions are merged field by
// field; for these fields the later stamp's value is shown until someone reviews it. Also a live
// version concurrent with a withdrawal in force (fields: every payload field that differs).
struct Conflict {
    std::int64_t id = 0;
    QString patientId;
    QString recordA;
    QString recordB;
    QStringList fields;  // payload fields both versions changed to different values
    QString detectedAt;
    QString head;  // the version in force (provisional winner)
    QString reviewedBy;
    QString reviewedAt;
};

// One current record as the text of its columns (UTF-8, views into SQLite's row: valid only while
// it is visited). supersedes is empty for a record without one.
struct CurrentRowText {
    std::int64_t seq = 0;
    QByteArrayView id;
    QByteArrayView patientId;
    QByteArrayView kind;
    QByteArrayView date;
    QByteArrayView payload;  // the merge of concurrent versions where there is one
    QByteArrayView author;
    QByteArrayView device;
    QByteArrayView hlc;
    QByteArrayView supersedes;
};

// A record on its way to the server: its envelope, with the payload left as the text stored (the
// compact JSON insert() wrote), which the push request carries as it is instead of parsing it and
// writing it again.
struct OutgoingRecord {
    StoredRecord envelope;   // payload left empty: payloadText holds it
    QByteArray payloadText;  // UTF-8
    // The withdrawal of a record set aside: it waits in the quarantine, not in the outbox.
    bool withdrawal = false;
};

class RecordStore {
public:
    explicit RecordStore(Database &db)
        : m_db(db)
    {}

    // Inserts the record and updates the head of its lineage (the version in force); with
    // queueForSync also adds it to the outbox (local writes do, records pulled from the server do
    // not). Fails if the id already exists or it supersedes a record that is not here. payloadText:
    // the payload's compact JSON text, when written ahead (empty: written here).
    Status insert(StoredRecord &record, bool queueForSync, const QByteArray &payloadText = {});
    // The version in force of the record's lineage; empty when the record was withdrawn.
    Result<QString> headOf(const QString &recordId);
    // The version in force of the record's lineage, with the merged payload when concurrent
    // versions were merged; nullopt when the lineage was withdrawn.
    Result<std::optional<StoredRecord>> versionInForce(const QString &recordId);
    Result<QList<Conflict>> conflicts(bool includeReviewed);
    Status markConflictReviewed(std::int64_t conflictId, const QString &userId, const QString &at);
    // True when a record with this id is already stored (sync applies each record once).
    Result<bool> contains(const QString &recordId);
    Result<StoredRecord> find(const QString &recordId);

    // The version in force of each live record of a patient, oldest first. When concurrent versions
    // were merged, the returned payload is the merge (the row's other columns are the head's).
    Result<QList<StoredRecord>> current(const QString &patientId);
    // Every record of a patient, corrections and retractions included, in write order.
    Result<QList<StoredRecord>> history(const QString &patientId);
    // Current records of every patient (as current()), grouped by patient (for whole-registry
    // evaluations).
    Result<QList<StoredRecord>> allCurrent();
    // The rows allCurrent() returns, in write order (not grouped), as column text for readers that
    // decode straight from it: one scan of the records table, as cheap as reading them at all.
    Status scanCurrent(const std::function<void(const CurrentRowText &)> &visit);
    // The seq of each patient's last record, any version (clinic records left out): a reader that
    // meets rows in write order is done with a patient once it is past it. Read from the patient
    // index alone.
    Result<QHash<QString, std::int64_t>> lastSeqOfEachPatient();

    // Every record in write order (seq), with the versions each closes; stops at the first error
    // visit returns.
    Status scanAll(const std::function<Status(const StoredRecord &)> &visit);
    // Takes records that were found unreadable after they were stored (they now live in the
    // quarantine) out of `records` and of every table that refers to them: the outbox, conflicts,
    // record_closes, the patients row they headed, and recomputes the heads of their lineages from
    // the versions that remain. The caller rebuilds the patients rows and summaries of the returned
    // patients (every patient id a removed record named, "clinic" included).
    Result<QStringList> removeSetAside(const QStringList &recordIds);

    Status upsertPatient(const PatientRow &row);
    Result<QList<PatientRow>> patients();
    Result<PatientRow> patient(const QString &patientId);
    // Patients whose current demographics carry this clinic identifier (exact match).
    Result<QStringList> patientIdsWithClinicId(const QString &clinicId);
    Result<std::int64_t> patientCount();
    // Every stored version of every record, and the highest local sequence number (0 when empty):
    // records are append-only, so an unchanged highest seq means an unchanged registry.
    Result<std::int64_t> recordCount();
    Result<std::int64_t> highestSeq();

    // The outbox after afterSeq, oldest (lowest seq) first, each record with the versions it closes.
    Result<QList<OutgoingRecord>> pendingOutbox(int limit, std::int64_t afterSeq = 0);
    Result<std::int64_t> outboxSize();
    Result<QString> oldestPendingWrite();  // ISO time, empty when nothing is pending
    // Takes the records with these seqs off the outbox, in one statement.
    Status acknowledge(const QList<std::int64_t> &seqs);
    // Puts back into the outbox this device's records stored after `seq` that are not in it (the
    // server lost them); returns how many.
    Result<int> requeueOwnAfter(const QString &deviceId, std::int64_t seq);

private:
    friend class BulkLoad;
    // The lineage the record joins (its parent's, or the one it starts); a local correction's
    // closes are filled from the tips this device shows. Stamps writtenAt when empty.
    Result<QString> lineageFor(StoredRecord &record, bool queueForSync);
    // The record's row, the versions it closes and its outbox entry; sets record.seq. payloadText:
    // the payload's compact JSON text when the caller wrote it already (empty: written here).
    Status insertRow(StoredRecord &record, const QString &lineage, bool queueForSync,
                     const QByteArray &payloadText = {});
    // Sets the head of a lineage with several versions (or a shared one) from its tips, and records
    // its conflicts; with asOfSeq > 0, from the tips as they were right after that record.
    Status resolveHead(const QString &lineage, const QString &patientId, std::int64_t asOfSeq);
    Result<QList<StoredRecord>> select(const char *sql, const QString &param);
    // Fills record.closes: the versions the record closes (they travel with it on a push).
    Status readCloses(StoredRecord &record);
    Database &m_db;
};

// Loads many records into an EMPTY records table (a first pull, seeding, an import into a new
// registry) at about half the cost of RecordStore::insert per record, with the same end state.
// In the caller's transaction: begin() drops the secondary indexes of `records` and `heads` and the
// summary trigger; insert() adds rows through the same prepared statements; finish() recreates them
// from the schema's own SQL (same names and definitions), builds the heads and the summary marks
// with one INSERT ... SELECT each, and replays, in write order, what only some records need: the
// head of a lineage with several versions (as of that record, so the same conflicts are found) and
// the caller's follow-up (a demographics record's patients row). DDL is transactional, so a crash
// or an error before the commit leaves the store as it was, indexes included. finish() must run
// before the transaction commits; until then the heads, the marks and the indexes are missing.
class BulkLoad {
public:
    // A bulk load when the records table is empty, nullopt otherwise (use RecordStore::insert).
    static Result<std::optional<BulkLoad>> begin(Database &db);
    // As RecordStore::insert. With followUp, finish() passes the record's id to its callback once
    // the heads are as they were right after the record was written. payloadText: the payload's
    // compact JSON text, when written ahead on another thread (empty: written here).
    Status insert(StoredRecord &record, bool queueForSync, bool followUp = false, const QByteArray &payloadText = {});
    Status finish(const std::function<Status(const QString &recordId)> &followUp = {});

private:
    explicit BulkLoad(Database &db)
        : m_db(&db)
        , m_store(db)
    {}
    struct Deferred {
        std::int64_t seq = 0;
        QString recordId;
        QString lineage;
        QString patientId;
        bool resolveHead = false;
        bool followUp = false;
    };
    Database *m_db;
    RecordStore m_store;
    QList<QByteArray> m_recordIndexes;  // CREATE statements, as the schema holds them
    QList<QByteArray> m_headIndexes;
    QList<QByteArray> m_triggers;
    QList<Deferred> m_deferred;          // in write order
    std::vector<std::int64_t> m_queued;  // seq of each record inserted for the outbox, in write order
    std::int64_t m_inserted = 0;
    bool m_finished = false;
};

}  // namespace cairn::storage
