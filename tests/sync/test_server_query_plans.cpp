// The statements cairn-server runs for every push batch and pull page (sync/server/server_queries.h)
// find their rows through an index of the server's schema on the file store: none scans
// `changes`, `patients` or `devices`, which grow with every clinic day. A changed statement or a
// dropped index fails here naming the statement and the plan SQLite chose.

#include "core/storage/database.h"
#include "sync/server/server_queries.h"
#include "sync/server/server_schema.h"
#include "sync/server/sql_connection.h"
#include "tests/support/query_plan.h"
#include "tests/support/temp_registry.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
namespace q = cairn::sync::server_queries;

class TestServerQueryPlans : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;

    QStringList planOf(const char *sql)
    {
        return cairn::testing::queryPlan(*m_db, sync::withTextList(sql, sync::kSqliteTextList));
    }

private slots:
    void initTestCase()
    {
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("server.db")), cairn::testing::testKey(),
                                          storage::Database::OpenMode::CreateNew);
        QVERIFY(db);
        m_db = std::move(db).value();
        QVERIFY(m_db->exec(sync::serverSchema("INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER").constData()));
    }

    void eachStatementSearchesAnIndex_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QStringList>("searches");  // each must appear in some step of the plan
        QTest::newRow("a push batch's held records")
            << QByteArray(q::kHeldRecords)
            << QStringList{QStringLiteral("SEARCH c USING INDEX sqlite_autoindex_changes_1 (id=?)"),
                           QStringLiteral("SEARCH s USING COVERING INDEX sqlite_autoindex_set_aside_1 (id=?)")};
        QTest::newRow("a push batch's patients")
            << QByteArray(q::kKnownPatients)
            << QStringList{QStringLiteral("SEARCH patients USING INDEX sqlite_autoindex_patients_1 (id=?)")};
        QTest::newRow("the end of a clinic's feed")
            << QByteArray(q::kFeedEnd)
            << QStringList{QStringLiteral("SEARCH changes USING COVERING INDEX changes_by_clinic (clinic=?)")};
        QTest::newRow("a pull page")
            << QByteArray(q::kPullPage)
            << QStringList{QStringLiteral("SEARCH c USING INDEX changes_by_clinic (clinic=? AND position>? AND "
                                          "position<?)"),
                           QStringLiteral("SEARCH s USING COVERING INDEX sqlite_autoindex_set_aside_1 (id=?)")};
        QTest::newRow("the device behind a credential")
            << QByteArray(q::kDevice)
            << QStringList{QStringLiteral("SEARCH devices USING INDEX sqlite_autoindex_devices_1 (id=?)")};
    }

    void eachStatementSearchesAnIndex()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QStringList, searches);
        const QStringList plan = planOf(sql.constData());
        const QString shown = plan.join(QStringLiteral(" | "));
        for (const QString &step : plan)
            QVERIFY2(!step.startsWith(QLatin1String("SCAN c")) && !step.startsWith(QLatin1String("SCAN changes")) &&
                         !step.startsWith(QLatin1String("SCAN patients")) &&
                         !step.startsWith(QLatin1String("SCAN devices")) && !step.startsWith(QLatin1String("SCAN s")),
                     qPrintable(QStringLiteral("scans a table: ") + shown));
        for (const QString &search : searches)
            QVERIFY2(plan.contains(search), qPrintable(QStringLiteral("no \"%1\" in: %2").arg(search, shown)));
    }
};

QTEST_GUILESS_MAIN(TestServerQueryPlans)
#include "test_server_query_plans.moc"
