// RecordStore::scanCurrent reads current rows without looking most of them up in heads: a lineage
// of one record is its own head. It must return exactly the rows allCurrent() returns (through
// heads), in write order: singletons, corrections, withdrawals, concurrent versions merged, a
// withdrawal concurrent with an edit, and a clinic's first policies written on two tablets (a
// shared lineage whose versions supersede nothing).

#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/record_store.h"
#include "tests/support/temp_registry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using namespace cairn::storage;
using cairn::testing::testKey;

namespace {

constexpr std::int64_t kWallMs = 1'700'000'000'000;

StoredRecord record(const QString &id, const QString &patient, const QString &kind, const QString &supersedes,
                    const QJsonObject &payload, std::int64_t offsetMs, const QString &device, bool retracted = false)
{
    StoredRecord r;
    r.id = id;
    r.patientId = patient;
    r.kind = kind;
    r.date = QStringLiteral("2026-01-01");
    r.payload = payload;
    r.author = QStringLiteral("u-1");
    r.device = device;
    r.stamp = HlcStamp{kWallMs + offsetMs, 0, device};
    r.supersedes = supersedes;
    r.retracted = retracted;
    r.writtenAt = QStringLiteral("2026-01-01T00:00:00.000Z");
    return r;
}

QJsonObject payload(const QString &key, const QString &value)
{
    return QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-01-01")}, {key, value}};
}

// A row as both readers give it, for comparison.
QStringList describe(const StoredRecord &r)
{
    return {QString::number(r.seq),
            r.id,
            r.patientId,
            r.kind,
            r.date,
            QString::fromUtf8(QJsonDocument(r.payload).toJson(QJsonDocument::Compact)),
            r.author,
            r.device,
            r.stamp.toString(),
            r.supersedes};
}

QStringList describe(const CurrentRowText &r)
{
    auto text = [](QByteArrayView v) { return QString::fromUtf8(v); };
    const QJsonObject parsed = QJsonDocument::fromJson(r.payload.toByteArray()).object();
    return {
        QString::number(r.seq), text(r.id),     text(r.patientId),
        text(r.kind),           text(r.date),   QString::fromUtf8(QJsonDocument(parsed).toJson(QJsonDocument::Compact)),
        text(r.author),         text(r.device), text(r.hlc),
        text(r.supersedes)};
}

}  // namespace

class TestScanCurrent : public QObject {
    Q_OBJECT
private slots:
    void scanGivesTheRowsOfAllCurrentInWriteOrder()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("r.db")), testKey(), Database::OpenMode::CreateNew);
        QVERIFY(db.ok());
        QVERIFY(migrate(**db).ok());
        RecordStore store(**db);
        const QString p1 = QStringLiteral("p-1");
        const QString p2 = QStringLiteral("p-2");
        const QString clinic = QStringLiteral("clinic");
        QList<StoredRecord> records{
            record(QStringLiteral("a"), p1, QStringLiteral("peg"), {},
                   payload(QStringLiteral("pain"), QStringLiteral("1")), 0, QStringLiteral("d-1")),
            record(QStringLiteral("b"), p2, QStringLiteral("visit"), {},
                   payload(QStringLiteral("status"), QStringLiteral("x")), 1, QStringLiteral("d-1")),
            // a correction, then a correction of the correction
            record(QStringLiteral("c"), p1, QStringLiteral("visit"), {},
                   payload(QStringLiteral("status"), QStringLiteral("1")), 2, QStringLiteral("d-1")),
            record(QStringLiteral("c2"), p1, QStringLiteral("visit"), QStringLiteral("c"),
                   payload(QStringLiteral("status"), QStringLiteral("2")), 3, QStringLiteral("d-1")),
            record(QStringLiteral("c3"), p1, QStringLiteral("visit"), QStringLiteral("c2"),
                   payload(QStringLiteral("status"), QStringLiteral("3")), 4, QStringLiteral("d-1")),
            // a withdrawal
            record(QStringLiteral("w"), p2, QStringLiteral("peg"), {},
                   payload(QStringLiteral("pain"), QStringLiteral("5")), 5, QStringLiteral("d-1")),
            record(QStringLiteral("w2"), p2, QStringLiteral("peg"), QStringLiteral("w"),
                   payload(QStringLiteral("pain"), QStringLiteral("5")), 6, QStringLiteral("d-1"), true),
            // concurrent edits of different fields: merged
            record(QStringLiteral("m"), p1, QStringLiteral("goal"), {},
                   payload(QStringLiteral("goal"), QStringLiteral("walk")), 7, QStringLiteral("d-1")),
            record(QStringLiteral("m1"), p1, QStringLiteral("goal"), QStringLiteral("m"),
                   payload(QStringLiteral("goal"), QStringLiteral("run")), 8, QStringLiteral("d-1")),
            record(QStringLiteral("m2"), p1, QStringLiteral("goal"), QStringLiteral("m"),
                   QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-01-01")},
                               {QStringLiteral("goal"), QStringLiteral("walk")},
                               {QStringLiteral("status"), QStringLiteral("met")}},
                   9, QStringLiteral("d-2")),
            // an edit concurrent with a withdrawal: the withdrawal wins
            record(QStringLiteral("r"), p2, QStringLiteral("uds"), {},
                   payload(QStringLiteral("result"), QStringLiteral("expected")), 10, QStringLiteral("d-1")),
            record(QStringLiteral("r1"), p2, QStringLiteral("uds"), QStringLiteral("r"),
                   payload(QStringLiteral("result"), QStringLiteral("pending")), 11, QStringLiteral("d-1")),
            record(QStringLiteral("r2"), p2, QStringLiteral("uds"), QStringLiteral("r"),
                   payload(QStringLiteral("result"), QStringLiteral("expected")), 12, QStringLiteral("d-2"), true),
            // a clinic's first policy set on two tablets offline: one lineage, nothing superseded
            record(QStringLiteral("k1"), clinic, QStringLiteral("clinic_policy"), {},
                   QJsonObject{{QStringLiteral("a"), 1}}, 13, QStringLiteral("d-1")),
            record(QStringLiteral("k2"), clinic, QStringLiteral("clinic_policy"), {},
                   QJsonObject{{QStringLiteral("b"), 2}}, 14, QStringLiteral("d-2")),
            record(QStringLiteral("z"), p1, QStringLiteral("peg"), {},
                   payload(QStringLiteral("pain"), QStringLiteral("9")), 15, QStringLiteral("d-1")),
        };
        for (StoredRecord &r : records)
            QVERIFY2(store.insert(r, false).ok(), qPrintable(r.id));

        auto all = store.allCurrent();
        QVERIFY(all.ok());
        QList<QStringList> expected;
        for (const StoredRecord &r : std::as_const(*all))
            expected.append(describe(r));
        std::sort(expected.begin(), expected.end(), [](const QStringList &a, const QStringList &b) {
            return a.first().toLongLong() < b.first().toLongLong();
        });

        QList<QStringList> scanned;
        QVERIFY(store.scanCurrent([&](const CurrentRowText &row) { scanned.append(describe(row)); }).ok());
        QCOMPARE(scanned, expected);
        // The cases above are all there: c3, the merge m2 with both edits, not w or r, one policy.
        QStringList ids;
        for (const QStringList &row : std::as_const(scanned))
            ids.append(row.at(1));
        QCOMPARE(ids, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c3"), QStringLiteral("m2"),
                                   QStringLiteral("k2"), QStringLiteral("z")}));
        QVERIFY(scanned.at(3).at(5).contains(QStringLiteral("run")) &&
                scanned.at(3).at(5).contains(QStringLiteral("met")));
    }
};

QTEST_GUILESS_MAIN(TestScanCurrent)
#include "test_scan_current.moc"
