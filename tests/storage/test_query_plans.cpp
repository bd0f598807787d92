// The per-record and per-patient queries that run on every write, sync page and screen
// (core/storage/hot_queries.h) find their rows through an index: none scans the records table,
// whose size grows with every day of the clinic. A changed query or a dropped index fails here
// naming the query and the plan SQLite chose.

#include "core/storage/database.h"
#include "core/storage/hot_queries.h"
#include "core/storage/migrations.h"
#include "core/storage/record_store.h"
#include "tests/support/query_plan.h"
#include "tests/support/temp_registry.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using namespace cairn::storage;
namespace q = cairn::storage::hot_queries;

class TestQueryPlans : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    QStringList planOf(const QByteArray &sql) { return cairn::testing::queryPlan(*m_db, sql); }

private slots:
    void initTestCase()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("plans.db")), cairn::testing::testKey(),
                                 Database::OpenMode::CreateNew);
        QVERIFY(db);
        m_db = std::move(db).value();
        QVERIFY(migrate(*m_db));
    }

    QStringList schema()
    {
        auto stmt = m_db->prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
        if (!stmt)
            return {stmt.error().line()};
        QStringList rows;
        while (stmt->next())
            rows << QStringList{stmt->text(0), stmt->text(1), stmt->text(2), stmt->text(3)}.join(QLatin1Char('|'));
        return rows;
    }

    // A bulk load (a first pull, seeding a new registry) drops the secondary indexes and puts them
    // back as declared, so the plans below hold after it too (they run on this loaded store).
    void aBulkLoadLeavesTheSchemaAsDeclared()
    {
        const QStringList declared = schema();
        auto tx = Transaction::begin(*m_db);
        QVERIFY(tx);
        auto load = BulkLoad::begin(*m_db);
        QVERIFY(load && load->has_value());
        QVERIFY(schema() != declared);  // the indexes are gone while it loads
        StoredRecord first;
        first.id = QStringLiteral("0b6c2d4e-1111-4f00-8000-000000000001");
        first.patientId = QStringLiteral("0b6c2d4e-2222-4f00-8000-000000000002");
        first.kind = QStringLiteral("peg");
        first.date = QStringLiteral("2026-11-20");
        first.payload = QJsonObject{{QStringLiteral("pain"), 3}};
        first.author = first.device = QStringLiteral("test");
        first.stamp = HlcStamp{1764000000000, 0, QStringLiteral("test")};
        StoredRecord correction = first;
        correction.id = QStringLiteral("0b6c2d4e-1111-4f00-8000-000000000003");
        correction.supersedes = first.id;
        correction.stamp.counter = 1;
        QVERIFY((*load)->insert(first, false));
        QVERIFY((*load)->insert(correction, false));
        QVERIFY((*load)->finish());
        QVERIFY(tx->commit());
        QCOMPARE(schema(), declared);
        QCOMPARE(*m_db->scalarText("SELECT record_id FROM heads"), correction.id);
        // Only into an empty table.
        auto tx2 = Transaction::begin(*m_db);
        QVERIFY(tx2);
        auto again = BulkLoad::begin(*m_db);
        QVERIFY(again && !again->has_value());
    }

    void queryUsesItsIndex_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QStringList>("expected");  // each must appear in some step of the plan
        auto row = [](const char *name, const QByteArray &sql, const QStringList &expected) {
            QTest::newRow(name) << sql << expected;
        };
        row("record exists", q::kRecordExists, {QStringLiteral("USING COVERING INDEX sqlite_autoindex_records")});
        row("lineage of record", q::kLineageOfRecord, {QStringLiteral("USING INDEX sqlite_autoindex_records")});
        row("parent of record", q::kParentOfRecord, {QStringLiteral("USING INDEX sqlite_autoindex_records")});
        row("tips of lineage", q::kTipsOfLineage,
            {QStringLiteral("USING INDEX records_by_lineage"), QStringLiteral("records_by_supersedes"),
             QStringLiteral("SEARCH c USING PRIMARY KEY")});
        row("tips of lineage as of a record", q::kTipsOfLineageAsOf,
            {QStringLiteral("USING INDEX records_by_lineage"), QStringLiteral("records_by_supersedes"),
             QStringLiteral("SEARCH c USING PRIMARY KEY"), QStringLiteral("SEARCH k USING")});
        row("head of lineage", q::kHeadOfLineage, {QStringLiteral("SEARCH heads USING PRIMARY KEY")});
        row("closed by record", q::kClosedByRecord, {QStringLiteral("record_closes_by_record")});
        row("patient's versions in force", QByteArray("SELECT r.payload ") + q::kCurrentOfPatientTail,
            {QStringLiteral("heads_by_patient")});
        row("patient's history", QByteArray("SELECT r.payload ") + q::kHistoryOfPatientTail,
            {QStringLiteral("records_by_patient")});
        row("patient by chart number", q::kPatientsWithClinicId, {QStringLiteral("patients_by_clinic_id")});
        row("day's bookings", q::kPatientsWithVisitOn, {QStringLiteral("records_by_kind_date")});
        row("day's roomed patients", q::kPatientsRoomedOn, {QStringLiteral("records_by_kind_date")});
        row("summaries beside patients", QByteArray("SELECT p.name, s.gaps ") + q::kSummariesWithPatientsTail,
            {QStringLiteral("SEARCH s USING PRIMARY KEY")});
        row("every summary beside its patient", QByteArray("SELECT p.name, s.gaps ") + q::kEverySummaryTail,
            {QStringLiteral("SCAN p"), QStringLiteral("SEARCH s USING PRIMARY KEY")});
        row("summaries computed since", QByteArray("SELECT p.name, s.gaps ") + q::kSummariesComputedSinceTail,
            {QStringLiteral("patient_summary_by_computed_seq"), QStringLiteral("SEARCH p USING INDEX")});
        row("newest summary", q::kNewestSummarySeq, {QStringLiteral("patient_summary_by_computed_seq")});
        row("summaries a new day recomputes", q::kMarkExpiredSummariesDirty,
            {QStringLiteral("patient_summary_by_valid_until")});
        // A push batch: the outbox in its key's order, each record by its integer key (no sort,
        // no index on random ids).
        row("outbox to send", QByteArray("SELECT r.payload FROM records r ") + q::kOutboxTail + "5000",
            {QStringLiteral("SEARCH o USING INTEGER PRIMARY KEY"),
             QStringLiteral("SEARCH r USING INTEGER PRIMARY KEY")});
        row("acknowledged batch", q::kAcknowledgeOutbox, {QStringLiteral("SEARCH outbox USING INTEGER PRIMARY KEY")});
        row("newest record of a patient", q::kNewestRecordOfPatient,
            {QStringLiteral("records_by_patient"), QStringLiteral("USING INTEGER PRIMARY KEY")});
    }

    void queryUsesItsIndex()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QStringList, expected);
        const QStringList plan = planOf(sql);
        const QString shown = plan.join(QStringLiteral(" / "));
        for (const QString &step : plan) {
            // A whole-table pass over records (or its aliases) grows with the clinic's history.
            QVERIFY2(!step.startsWith(QLatin1String("SCAN r")) && !step.startsWith(QLatin1String("SCAN records")) &&
                         !step.startsWith(QLatin1String("SCAN s")),
                     qPrintable(QStringLiteral("scans: ") + shown));
        }
        for (const QString &want : expected) {
            QVERIFY2(shown.contains(want), qPrintable(QStringLiteral("expected %1 in: %2").arg(want, shown)));
        }
    }

    // The outbox is read in its key's order as it is stored: a sort of the whole outbox for every
    // push batch would grow with what waits (all of a seeded clinic before its first push).
    void theOutboxIsReadWithoutASort()
    {
        const QString shown = planOf(QByteArray("SELECT r.payload FROM records r ") + q::kOutboxTail + "5000")
                                  .join(QStringLiteral(" / "));
        QVERIFY2(!shown.contains(QLatin1String("TEMP B-TREE")), qPrintable(shown));
    }
};

QTEST_GUILESS_MAIN(TestQueryPlans)
#include "test_query_plans.moc"
