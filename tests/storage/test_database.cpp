// The encrypted store on a real SQLCipher file: encryption is verified, a wrong key changes
// nothing, records cannot be rewritten, and a failed transaction leaves nothing behind.

#include "core/domain/text.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/record_store.h"
#include "tests/support/temp_registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cairn;
using namespace cairn::storage;
using cairn::testing::databaseFiles;
using cairn::testing::fileBytes;
using cairn::testing::testKey;

namespace {

StoredRecord sampleRecord(const QString &id, const QString &name)
{
    StoredRecord r;
    r.id = id;
    r.patientId = QStringLiteral("p-1");
    r.kind = QStringLiteral("patient");
    r.date = QStringLiteral("2026-01-01");
    r.payload = QJsonObject{{QStringLiteral("name"), name}};
    r.author = QStringLiteral("u-1");
    r.device = QStringLiteral("d-1");
    r.stamp = HlcStamp{1'700'000'000'000, 0, QStringLiteral("d-1")};
    return r;
}

std::unique_ptr<Database> createMigrated(const QString &path, const QByteArray &key)
{
    auto db = Database::open(path, key, Database::OpenMode::CreateNew);
    if (!db)
        qFatal("open failed: %s", qPrintable(db.error().line()));
    if (auto s = migrate(**db); !s)
        qFatal("migrate failed: %s", qPrintable(s.error().line()));
    return std::move(db).value();
}

}  // namespace

class TestDatabase : public QObject {
    Q_OBJECT
private slots:
    void newFileIsEncryptedAndHoldsNoPlaintext()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.db"));
        const QString secretName = QStringLiteral("Marisol Quintanilla-Bergstrom");
        {
            auto db = createMigrated(path, testKey());
            QVERIFY(!db->scalarText("PRAGMA cipher_version")->isEmpty());
            RecordStore store(*db);
            auto tx = Transaction::begin(*db);
            QVERIFY(tx.ok());
            auto record = sampleRecord(QStringLiteral("r-1"), secretName);
            QVERIFY(store.insert(record, true).ok());
            PatientRow row;
            row.id = QStringLiteral("p-1");
            row.head = QStringLiteral("r-1");
            row.clinicId = QStringLiteral("SYN-1");
            row.name = secretName;
            QVERIFY(store.upsertPatient(row).ok());
            QVERIFY(tx->commit().ok());
            // Inspect the WAL while it still holds the pages, before any checkpoint.
            const QStringList files = databaseFiles(path);
            QVERIFY(files.contains(path + QStringLiteral("-wal")));
            for (const QString &file : files) {
                const QByteArray bytes = fileBytes(file);
                QVERIFY2(!bytes.contains(secretName.toUtf8()), qPrintable(file));
                QVERIFY2(!bytes.contains("Marisol"), qPrintable(file));
                QVERIFY2(!bytes.contains("SQLite format 3"), qPrintable(file));
            }
        }
        QVERIFY(!looksLikePlaintextSqlite(path));
        for (const QString &file : databaseFiles(path)) {
            QVERIFY2(!fileBytes(file).contains("Marisol"), qPrintable(file));
            QCOMPARE(QFile::permissions(file) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
        }
    }

    void wrongKeyFailsClearlyAndChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.db"));
        {
            auto db = createMigrated(path, testKey('a'));
            RecordStore store(*db);
            auto record = sampleRecord(QStringLiteral("r-1"), QStringLiteral("A"));
            QVERIFY(store.insert(record, false).ok());
        }
        QMap<QString, QByteArray> before;
        for (const QString &file : databaseFiles(path))
            before.insert(file, fileBytes(file));

        auto wrong = Database::open(path, testKey('b'), Database::OpenMode::ExistingOnly);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().field, QStringLiteral("key"));
        QVERIFY(wrong.error().message.contains(QStringLiteral("could not be decrypted")));

        QMap<QString, QByteArray> after;
        for (const QString &file : databaseFiles(path))
            after.insert(file, fileBytes(file));
        QCOMPARE(after, before);

        auto right = Database::open(path, testKey('a'), Database::OpenMode::ExistingOnly);
        QVERIFY2(right.ok(), right.ok() ? "" : qPrintable(right.error().line()));
        QCOMPARE(*(*right)->scalarInt("SELECT count(*) FROM records"), 1);
    }

    void missingFileIsNeverCreatedAndExistingNeverOverwritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("absent.db"));
        auto missing = Database::open(path, testKey(), Database::OpenMode::ExistingOnly);
        QVERIFY(!missing.ok());
        QVERIFY(!QFile::exists(path));

        createMigrated(path, testKey());
        const QByteArray before = fileBytes(path);
        auto again = Database::open(path, testKey(), Database::OpenMode::CreateNew);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.contains(QStringLiteral("refusing to overwrite")));
        QCOMPARE(fileBytes(path), before);
    }

    void plaintextSqliteFileIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plain.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\0'));
        file.close();
        auto db = Database::open(path, testKey(), Database::OpenMode::ExistingOnly);
        QVERIFY(!db.ok());
        QVERIFY(db.error().message.contains(QStringLiteral("unencrypted")));
    }

    void wrongKeySizeIsRejected()
    {
        QTemporaryDir dir;
        auto db =
            Database::open(dir.filePath(QStringLiteral("r.db")), QByteArray(16, 'x'), Database::OpenMode::CreateNew);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().field, QStringLiteral("key"));
    }

    void pragmasHoldAfterOpen()
    {
        QTemporaryDir dir;
        auto db = createMigrated(dir.filePath(QStringLiteral("r.db")), testKey());
        QCOMPARE(db->scalarText("PRAGMA journal_mode")->toLower(), QStringLiteral("wal"));
        QCOMPARE(*db->scalarInt("PRAGMA foreign_keys"), 1);
        QCOMPARE(*db->scalarInt("PRAGMA temp_store"), 2);              // MEMORY
        QCOMPARE(*db->scalarInt("PRAGMA cipher_memory_security"), 0);  // off: docs/security.md
        QCOMPARE(*db->scalarInt("PRAGMA user_version"), latestSchemaVersion());
    }

    void migrationIsIdempotentAndRefusesNewerSchema()
    {
        QTemporaryDir dir;
        auto db = createMigrated(dir.filePath(QStringLiteral("r.db")), testKey());
        QVERIFY(migrate(*db).ok());
        QCOMPARE(*db->scalarInt("PRAGMA user_version"), latestSchemaVersion());
        QVERIFY(db->exec("PRAGMA user_version = 999").ok());
        auto s = migrate(*db);
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QStringLiteral("newer Cairn")));
    }

    void recordsAreAppendOnly()
    {
        QTemporaryDir dir;
        auto db = createMigrated(dir.filePath(QStringLiteral("r.db")), testKey());
        RecordStore store(*db);
        auto record = sampleRecord(QStringLiteral("r-1"), QStringLiteral("A"));
        QVERIFY(store.insert(record, false).ok());
        auto update = db->exec("UPDATE records SET payload = '{}'");
        QVERIFY(!update.ok());
        QVERIFY(update.error().message.contains(QStringLiteral("append-only")));
        QVERIFY(!db->exec("DELETE FROM records").ok());
        auto duplicate = sampleRecord(QStringLiteral("r-1"), QStringLiteral("B"));
        QVERIFY(!store.insert(duplicate, false).ok());
    }

    void correctionSupersedesAndBothRemain()
    {
        QTemporaryDir dir;
        auto db = createMigrated(dir.filePath(QStringLiteral("r.db")), testKey());
        RecordStore store(*db);
        auto original = sampleRecord(QStringLiteral("r-1"), QStringLiteral("Original"));
        QVERIFY(store.insert(original, true).ok());
        auto correction = sampleRecord(QStringLiteral("r-2"), QStringLiteral("Corrected"));
        correction.supersedes = QStringLiteral("r-1");
        QVERIFY(store.insert(correction, true).ok());

        auto current = store.current(QStringLiteral("p-1"));
        QVERIFY(current.ok());
        QCOMPARE(current->size(), 1);
        QCOMPARE(current->first().payload.value(QStringLiteral("name")).toString(), QStringLiteral("Corrected"));
        QCOMPARE(store.history(QStringLiteral("p-1"))->size(), 2);

        auto retraction = sampleRecord(QStringLiteral("r-3"), QStringLiteral("Corrected"));
        retraction.supersedes = QStringLiteral("r-2");
        retraction.retracted = true;
        QVERIFY(store.insert(retraction, true).ok());
        QCOMPARE(store.current(QStringLiteral("p-1"))->size(), 0);
        QCOMPARE(store.history(QStringLiteral("p-1"))->size(), 3);
        QCOMPARE(*store.outboxSize(), 3);
        // The kept count follows acknowledgements too, and always equals the rows waiting.
        QVERIFY(store.acknowledge({original.seq, retraction.seq}).ok());
        QCOMPARE(*store.outboxSize(), 1);
        QCOMPARE(*db->scalarInt("SELECT count(*) FROM outbox"), 1);
    }

    void failedTransactionLeavesNothing()
    {
        QTemporaryDir dir;
        auto db = createMigrated(dir.filePath(QStringLiteral("r.db")), testKey());
        RecordStore store(*db);
        {
            auto tx = Transaction::begin(*db);
            QVERIFY(tx.ok());
            auto first = sampleRecord(QStringLiteral("r-1"), QStringLiteral("A"));
            QVERIFY(store.insert(first, true).ok());
            auto clash = sampleRecord(QStringLiteral("r-1"), QStringLiteral("B"));
            QVERIFY(!store.insert(clash, true).ok());
            // tx goes out of scope without commit: rolled back.
        }
        QCOMPARE(*db->scalarInt("SELECT count(*) FROM records"), 0);
        QCOMPARE(*store.outboxSize(), 0);
    }

    void outboxAcknowledgeRemovesOnlyTheGivenRecords()
    {
        QTemporaryDir dir;
        auto db = createMigrated(dir.filePath(QStringLiteral("r.db")), testKey());
        RecordStore store(*db);
        QList<std::int64_t> seqs;
        for (int i = 1; i <= 3; ++i) {
            auto r = sampleRecord(QStringLiteral("r-%1").arg(i), QStringLiteral("A"));
            QVERIFY(store.insert(r, true).ok());
            seqs.append(r.seq);
        }
        QVERIFY(store.acknowledge({seqs.at(0), seqs.at(2)}).ok());
        auto pending = store.pendingOutbox(10);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().envelope.id, QStringLiteral("r-2"));
        QCOMPARE(*store.outboxSize(), 1);
    }

    void outboxSendsEachPayloadAsStored()
    {
        // The outbox hands each payload over as the text stored, for the push to send as it is:
        // byte for byte the compact JSON of the payload written, escapes and non-ASCII included.
        QTemporaryDir dir;
        auto db = createMigrated(dir.filePath(QStringLiteral("r.db")), testKey());
        RecordStore store(*db);
        QString awkward = QStringLiteral("Zoë \"Z\" \\ / Núñez 日本 😀 \u2028 \x7f");
        for (char16_t c = 0; c < 0x20; ++c)
            awkward += QChar(c);
        auto record = sampleRecord(QStringLiteral("r-\"1\""), awkward);
        record.payload.insert(
            QStringLiteral("nested"),
            QJsonObject{{QStringLiteral("b"), 2.5}, {QStringLiteral("a"), QJsonArray{1, QStringLiteral("ñ")}}});
        QVERIFY(store.insert(record, true).ok());
        auto pending = store.pendingOutbox(10);
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().envelope.id, record.id);
        QVERIFY(pending->first().envelope.payload.isEmpty());
        QCOMPARE(pending->first().payloadText, QJsonDocument(record.payload).toJson(QJsonDocument::Compact));
    }

    // A registry at schema 11 kept its outbox by record id. After the upgrade every waiting record
    // is still waiting, in the same order, counted, with the time of its write; and acknowledging
    // and writing keep the count after it.
    void theOutboxKeepsItsRecordsAndOrderThroughTheUpgrade()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.db"));
        QStringList waiting;
        {
            auto db = createMigrated(path, testKey());
            RecordStore store(*db);
            for (int i = 1; i <= 5; ++i) {
                auto r = sampleRecord(QStringLiteral("r-%1").arg(i), QStringLiteral("A"));
                r.writtenAt = QStringLiteral("2026-01-0%1T10:00:00.000Z").arg(i);
                QVERIFY(store.insert(r, false).ok());
            }
            // The outbox as version 1 made it, holding r-2, r-3 and r-5 (r-1 and r-4 acknowledged).
            QVERIFY(db->exec("DROP TABLE outbox;"
                             "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                             "record_id TEXT NOT NULL UNIQUE REFERENCES records(id), queued_at TEXT NOT NULL);"
                             "CREATE TRIGGER outbox_size_on_insert AFTER INSERT ON outbox "
                             "BEGIN UPDATE outbox_size SET pending = pending + 1 WHERE only_row = 1; END;"
                             "CREATE TRIGGER outbox_size_on_delete AFTER DELETE ON outbox "
                             "BEGIN UPDATE outbox_size SET pending = pending - 1 WHERE only_row = 1; END;"
                             "UPDATE outbox_size SET pending = 0;"
                             "INSERT INTO outbox (record_id, queued_at) SELECT id, written_at FROM records "
                             "WHERE id IN ('r-2', 'r-3', 'r-5') ORDER BY seq;"
                             "PRAGMA user_version = 11"));
            QCOMPARE(*db->scalarInt("SELECT pending FROM outbox_size"), 3);
            waiting = {QStringLiteral("r-2"), QStringLiteral("r-3"), QStringLiteral("r-5")};
        }
        auto opened = Database::open(path, testKey(), Database::OpenMode::ExistingOnly);
        QVERIFY(opened.ok());
        auto db = std::move(opened).value();
        QVERIFY(migrate(*db).ok());
        QCOMPARE(*db->scalarInt("PRAGMA user_version"), latestSchemaVersion());
        RecordStore store(*db);
        auto pending = store.pendingOutbox(10);
        QVERIFY(pending.ok());
        QStringList ids;
        for (const auto &out : std::as_const(*pending))
            ids.append(out.envelope.id);
        QCOMPARE(ids, waiting);
        QCOMPARE(*store.outboxSize(), 3);
        QCOMPARE(*store.oldestPendingWrite(), QStringLiteral("2026-01-02T10:00:00.000Z"));
        QVERIFY(store.acknowledge({pending->at(0).envelope.seq}).ok());
        QCOMPARE(*store.outboxSize(), 2);
        auto later = sampleRecord(QStringLiteral("r-6"), QStringLiteral("B"));
        QVERIFY(store.insert(later, true).ok());
        QCOMPARE(*store.outboxSize(), 3);
        QCOMPARE(store.pendingOutbox(10)->last().envelope.id, QStringLiteral("r-6"));
        QCOMPARE(*db->scalarInt("SELECT count(*) FROM outbox"), 3);
    }

    void searchKeyFoldsCaseAndAccents()
    {
        QCOMPARE(domain::foldForSearch(QStringLiteral("  José  MARÍA ")), QStringLiteral("jose maria"));
        QVERIFY(domain::matchesSearch(domain::foldForSearch(QStringLiteral("José María SYN-000012")),
                                      QStringLiteral("maria jose")));
        QVERIFY(
            !domain::matchesSearch(domain::foldForSearch(QStringLiteral("José María")), QStringLiteral("maria lopez")));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "test_database.moc"
