// Concurrent versions of one record on a real SQLCipher file: edits to different fields merge,
// a field both sides changed keeps the later stamp and is listed for review, the result does not
// depend on the order the versions arrived in, and a withdrawal still wins.

#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/record_store.h"
#include "tests/support/temp_registry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cairn;
using namespace cairn::storage;
using cairn::testing::testKey;

namespace {

const QString kPatient = QStringLiteral("p-1");
constexpr std::int64_t kWallMs = 1'700'000'000'000;

StoredRecord version(const QString &id, const QString &supersedes, const QJsonObject &payload, std::int64_t offsetMs,
                     const QString &device)
{
    StoredRecord r;
    r.id = id;
    r.patientId = kPatient;
    r.kind = QStringLiteral("patient");
    r.date = QStringLiteral("2026-01-01");
    r.payload = payload;
    r.author = QStringLiteral("u-1");
    r.device = device;
    r.stamp = HlcStamp{kWallMs + offsetMs, 0, device};
    r.supersedes = supersedes;
    r.writtenAt = QStringLiteral("2026-01-01T00:00:00.000Z");
    return r;
}

const QJsonObject kBase{{QStringLiteral("name"), QStringLiteral("Ana")},
                        {QStringLiteral("phone"), QStringLiteral("1")},
                        {QStringLiteral("language"), QStringLiteral("en")}};

QJsonObject with(QJsonObject payload, const QString &key, const QString &value)
{
    payload.insert(key, value);
    return payload;
}

// Lineage X: tips A (phone, earlier) and B (language, later). Lineage Y: tips C and D both change
// phone (D later).
StoredRecord baseX()
{
    return version(QStringLiteral("x"), {}, kBase, 0, QStringLiteral("d-1"));
}
StoredRecord tipA()
{
    return version(QStringLiteral("a"), QStringLiteral("x"), with(kBase, QStringLiteral("phone"), QStringLiteral("2")),
                   1000, QStringLiteral("d-1"));
}
StoredRecord tipB()
{
    return version(QStringLiteral("b"), QStringLiteral("x"),
                   with(kBase, QStringLiteral("language"), QStringLiteral("es")), 2000, QStringLiteral("d-2"));
}
StoredRecord baseY()
{
    return version(QStringLiteral("y"), {}, kBase, 10, QStringLiteral("d-1"));
}
StoredRecord tipC()
{
    return version(QStringLiteral("c"), QStringLiteral("y"), with(kBase, QStringLiteral("phone"), QStringLiteral("3")),
                   1010, QStringLiteral("d-1"));
}
StoredRecord tipD()
{
    return version(QStringLiteral("d"), QStringLiteral("y"), with(kBase, QStringLiteral("phone"), QStringLiteral("4")),
                   2010, QStringLiteral("d-2"));
}

std::unique_ptr<Database> createMigrated(const QString &path)
{
    auto db = Database::open(path, testKey(), Database::OpenMode::CreateNew);
    if (!db)
        qFatal("open failed: %s", qPrintable(db.error().line()));
    if (auto s = migrate(**db); !s)
        qFatal("migrate failed: %s", qPrintable(s.error().line()));
    return std::move(db).value();
}

bool insertAll(RecordStore &store, QList<StoredRecord> records)
{
    for (StoredRecord &r : records) {
        if (auto s = store.insert(r, false); !s) {
            qWarning("insert %s failed: %s", qPrintable(r.id), qPrintable(s.error().line()));
            return false;
        }
    }
    return true;
}

// The current payloads of the patient by record id, as compact JSON text.
QMap<QString, QByteArray> currentPayloads(RecordStore &store)
{
    QMap<QString, QByteArray> out;
    auto current = store.current(kPatient);
    if (!current)
        qFatal("current failed: %s", qPrintable(current.error().line()));
    for (const StoredRecord &r : std::as_const(*current))
        out.insert(r.id, QJsonDocument(r.payload).toJson(QJsonDocument::Compact));
    return out;
}

}  // namespace

class TestMerge : public QObject {
    Q_OBJECT
private slots:
    void differentFieldsMergeWithoutConflict()
    {
        QTemporaryDir dir;
        auto db = createMigrated(dir.filePath(QStringLiteral("r.db")));
        RecordStore store(*db);
        QVERIFY(insertAll(store, {baseX(), tipA(), tipB()}));

        auto current = store.current(kPatient);
        QVERIFY(current.ok());
        QCOMPARE(current->size(), 1);
        const StoredRecord &head = current->first();
        QCOMPARE(head.id, QStringLiteral("b"));  // the provisional winner stays the head
        QCOMPARE(head.payload.value(QStringLiteral("phone")).toString(), QStringLiteral("2"));
        QCOMPARE(head.payload.value(QStringLiteral("language")).toString(), QStringLiteral("es"));
        QCOMPARE(head.payload.value(QStringLiteral("name")).toString(), QStringLiteral("Ana"));
        QVERIFY(store.conflicts(false)->isEmpty());
        QVERIFY(store.conflicts(true)->isEmpty());

        // The stored rows are unchanged: find and history show what each device wrote.
        QCOMPARE(store.find(QStringLiteral("b"))->payload.value(QStringLiteral("phone")).toString(),
                 QStringLiteral("1"));
        QCOMPARE(store.history(kPatient)->size(), 3);
        // allCurrent shows the same merge.
        auto all = store.allCurrent();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().payload, head.payload);
    }

    void sameFieldKeepsLaterStampAndIsListed()
    {
        QTemporaryDir dir;
        auto db = createMigrated(dir.filePath(QStringLiteral("r.db")));
        RecordStore store(*db);
        QVERIFY(insertAll(store, {baseX(), tipA(), tipB(), baseY(), tipC(), tipD()}));

        const auto payloads = currentPayloads(store);
        QCOMPARE(payloads.size(), 2);
        const QJsonObject y = QJsonDocument::fromJson(payloads.value(QStringLiteral("d"))).object();
        QCOMPARE(y.value(QStringLiteral("phone")).toString(), QStringLiteral("4"));
        QCOMPARE(y.value(QStringLiteral("language")).toString(), QStringLiteral("en"));

        auto open = store.conflicts(false);
        QVERIFY(open.ok());
        QCOMPARE(open->size(), 1);
        const Conflict &c = open->first();
        QCOMPARE(c.recordA, QStringLiteral("c"));
        QCOMPARE(c.recordB, QStringLiteral("d"));
        QCOMPARE(c.head, QStringLiteral("d"));
        QCOMPARE(c.fields, QStringList{QStringLiteral("phone")});
    }

    void arrivalOrderDoesNotMatter()
    {
        QTemporaryDir dir;
        auto first = createMigrated(dir.filePath(QStringLiteral("one.db")));
        auto second = createMigrated(dir.filePath(QStringLiteral("two.db")));
        RecordStore one(*first);
        RecordStore two(*second);
        QVERIFY(insertAll(one, {baseX(), tipA(), tipB(), baseY(), tipC(), tipD()}));
        QVERIFY(insertAll(two, {baseY(), tipD(), tipC(), baseX(), tipB(), tipA()}));

        const auto a = currentPayloads(one);
        const auto b = currentPayloads(two);
        QCOMPARE(a.keys(), (QList<QString>{QStringLiteral("b"), QStringLiteral("d")}));
        QCOMPARE(b.keys(), a.keys());
        for (const QString &id : a.keys())
            QCOMPARE(b.value(id), a.value(id));

        auto conflictsOne = one.conflicts(false);
        auto conflictsTwo = two.conflicts(false);
        QCOMPARE(conflictsOne->size(), 1);
        QCOMPARE(conflictsTwo->size(), 1);
        QCOMPARE(conflictsTwo->first().recordA, conflictsOne->first().recordA);
        QCOMPARE(conflictsTwo->first().recordB, conflictsOne->first().recordB);
        QCOMPARE(conflictsTwo->first().fields, conflictsOne->first().fields);
    }

    void withdrawalStillWins()
    {
        QTemporaryDir dir;
        auto db = createMigrated(dir.filePath(QStringLiteral("r.db")));
        RecordStore store(*db);
        QVERIFY(insertAll(store, {baseX(), tipA(), tipB()}));
        QCOMPARE(store.current(kPatient)->size(), 1);

        StoredRecord withdrawal =
            version(QStringLiteral("w"), QStringLiteral("a"), tipA().payload, 1500, QStringLiteral("d-1"));
        withdrawal.retracted = true;
        QVERIFY(insertAll(store, {withdrawal}));
        QCOMPARE(store.current(kPatient)->size(), 0);
        QCOMPARE(store.allCurrent()->size(), 0);
        QCOMPARE(*store.headOf(QStringLiteral("b")), QString());
        QCOMPARE(
            *db->scalarInt("SELECT count(*) FROM heads WHERE lineage = 'x' AND live = 0 AND merged_payload IS NULL"),
            1);
    }

    // A user edits the merged record, putting the phone back to what it was: the edit closes both
    // versions it saw, so it is what shows, on this device and on one that receives the same
    // versions in another order (the closed version even arriving after the edit).
    void anEditOfAMergeReplacesItEverywhere()
    {
        QTemporaryDir dir;
        auto here = createMigrated(dir.filePath(QStringLiteral("here.db")));
        auto there = createMigrated(dir.filePath(QStringLiteral("there.db")));
        RecordStore store(*here);
        QVERIFY(insertAll(store, {baseX(), tipA(), tipB()}));
        StoredRecord edit = version(QStringLiteral("e"), QStringLiteral("b"),
                                    with(with(kBase, QStringLiteral("language"), QStringLiteral("es")),
                                         QStringLiteral("phone"), QStringLiteral("1")),
                                    3000, QStringLiteral("d-2"));
        QVERIFY(store.insert(edit, true).ok());  // a local write: it closes what it saw
        QCOMPARE(edit.closes, QStringList{QStringLiteral("a")});
        auto pending = store.pendingOutbox(10);
        QVERIFY(pending.ok());
        QCOMPARE(pending->last().envelope.closes, QStringList{QStringLiteral("a")});  // and says so on the wire

        const auto shown = currentPayloads(store);
        QCOMPARE(shown.keys(), QList<QString>{QStringLiteral("e")});
        const QJsonObject payload = QJsonDocument::fromJson(shown.value(QStringLiteral("e"))).object();
        QCOMPARE(payload.value(QStringLiteral("phone")).toString(), QStringLiteral("1"));
        QCOMPARE(payload.value(QStringLiteral("language")).toString(), QStringLiteral("es"));
        QVERIFY(store.conflicts(true)->isEmpty());

        RecordStore other(*there);
        StoredRecord sent = pending->last().envelope;  // as the other device receives it
        sent.payload = QJsonDocument::fromJson(pending->last().payloadText).object();
        QVERIFY(insertAll(other, {baseX(), tipB(), sent, tipA()}));
        QCOMPARE(currentPayloads(other), shown);
        QVERIFY(other.conflicts(true)->isEmpty());
    }

    // Two devices each set a clinic's first policy while offline: one record, merged, the field
    // they set differently listed for review.
    void firstVersionsOfAClinicRecordMergeAndAreListed()
    {
        const auto policy = [](const QString &id, const QString &device, std::int64_t offsetMs, int udsDays) {
            StoredRecord r = version(id, {},
                                     QJsonObject{{QStringLiteral("version"), QStringLiteral("clinic-1")},
                                                 {QStringLiteral("uds_interval_days"), udsDays},
                                                 {QStringLiteral("due_soon_days"), 14}},
                                     offsetMs, device);
            r.patientId = QStringLiteral("clinic");
            r.kind = QStringLiteral("clinic_policy");
            return r;
        };
        QTemporaryDir dir;
        auto first = createMigrated(dir.filePath(QStringLiteral("one.db")));
        auto second = createMigrated(dir.filePath(QStringLiteral("two.db")));
        RecordStore one(*first);
        RecordStore two(*second);
        QVERIFY(insertAll(one, {policy(QStringLiteral("p1"), QStringLiteral("d-1"), 0, 90),
                                policy(QStringLiteral("p2"), QStringLiteral("d-2"), 500, 180)}));
        QVERIFY(insertAll(two, {policy(QStringLiteral("p2"), QStringLiteral("d-2"), 500, 180),
                                policy(QStringLiteral("p1"), QStringLiteral("d-1"), 0, 90)}));
        for (RecordStore *store : {&one, &two}) {
            auto current = store->current(QStringLiteral("clinic"));
            QVERIFY(current.ok());
            QCOMPARE(current->size(), 1);
            QCOMPARE(current->first().payload.value(QStringLiteral("uds_interval_days")).toInt(),
                     180);  // the later stamp
            auto open = store->conflicts(false);
            QCOMPARE(open->size(), 1);
            QCOMPARE(open->first().fields, QStringList{QStringLiteral("uds_interval_days")});
        }
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "test_merge.moc"
