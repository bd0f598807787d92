// The per-record and per-patient queries that run on every write, sync page and screen
// (core/storage/hot_queries.h) find their rows through an index: none scans the records table,
// whose size grows with every day of the clinic. A changed query or a dropped index fails here
// naming the query and the plan SQLite chose.

#include "core/storage/database.h"
#include "core/storage/hot_queries.h"
#include "core/storage/migrations.h"
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

    QStringList planOf(const QByteArray &sql)
    {
        auto stmt = m_db->prepare(("EXPLAIN QUERY PLAN " + sql).constData());
        if (!stmt)
            return {QStringLiteral("cannot prepare: ") + stmt.error().line()};
        QStringList steps;
        while (stmt->next())
            steps << stmt->text(3);
        return steps;
    }

private slots:
    void initTestCase()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("plans.db")), cairn::testing::testKey(),
                                 Database::OpenMode::CreateNew);
        QVERIFY(db);
        m_db = std::move(db).value();
        QVERIFY(migrate(*m_db));
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
        row("summaries computed since", QByteArray("SELECT p.name, s.gaps ") + q::kSummariesComputedSinceTail,
            {QStringLiteral("patient_summary_by_computed_seq"), QStringLiteral("SEARCH p USING INDEX")});
        row("newest summary", q::kNewestSummarySeq, {QStringLiteral("patient_summary_by_computed_seq")});
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
};

QTEST_GUILESS_MAIN(TestQueryPlans)
#include "test_query_plans.moc"
