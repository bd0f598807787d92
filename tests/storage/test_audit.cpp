// The audit chain detects edits, deletions and truncation of past entries, even by someone who
// holds the key and removes the append-only triggers first.

#include "core/storage/audit_chain.h"
#include "core/storage/audit_log.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "tests/support/temp_registry.h"

#include <QTest>

using namespace cairn;
using namespace cairn::storage;

class TestAudit : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    void writeEntries(int count)
    {
        AuditLog log(*m_db);
        for (int i = 0; i < count; ++i) {
            AuditEvent event{QDateTime(QDate(2026, 1, 1), QTime(8, 0)).addSecs(i),
                             QStringLiteral("u-1"),
                             i % 2 ? QStringLiteral("view_patient") : QStringLiteral("add_record"),
                             QStringLiteral("p-%1").arg(i),
                             QStringLiteral("r-%1").arg(i),
                             QStringLiteral("peg")};
            QVERIFY(log.append(event).ok());
        }
    }

    void dropTriggers()
    {
        QVERIFY(m_db->exec("DROP TRIGGER audit_is_append_only_update; DROP TRIGGER audit_is_append_only_delete;").ok());
    }

private slots:
    void init()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("r%1.db").arg(QDateTime::currentMSecsSinceEpoch())),
                                 cairn::testing::testKey(), Database::OpenMode::CreateNew);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(migrate(*m_db).ok());
        writeEntries(5);
    }

    void intactChainVerifies()
    {
        auto result = AuditLog(*m_db).verify();
        QVERIFY(result.ok());
        QVERIFY(result->intact);
        QCOMPARE(result->entries, 5);
    }

    void triggersRefuseEditsAndDeletes()
    {
        QVERIFY(!m_db->exec("UPDATE audit SET user_id = 'u-2' WHERE seq = 2").ok());
        QVERIFY(!m_db->exec("DELETE FROM audit WHERE seq = 2").ok());
    }

    void editedEntryIsDetected()
    {
        dropTriggers();
        QVERIFY(m_db->exec("UPDATE audit SET user_id = 'u-2' WHERE seq = 3").ok());
        auto result = AuditLog(*m_db).verify();
        QVERIFY(!result->intact);
        QCOMPARE(result->firstBadSeq, 3);
        QVERIFY(result->problem.contains(QStringLiteral("altered")));
    }

    void deletedEntryIsDetected()
    {
        dropTriggers();
        QVERIFY(m_db->exec("DELETE FROM audit WHERE seq = 2").ok());
        auto result = AuditLog(*m_db).verify();
        QVERIFY(!result->intact);
        QCOMPARE(result->firstBadSeq, 2);
    }

    void truncatedTailIsDetected()
    {
        dropTriggers();
        QVERIFY(m_db->exec("DELETE FROM audit WHERE seq = 5").ok());
        auto result = AuditLog(*m_db).verify();
        QVERIFY(!result->intact);
        QVERIFY(result->problem.contains(QStringLiteral("removed")));
    }

    void rehashedEditIsStillDetectedByItsSuccessor()
    {
        // A forger who rewrites one entry and recomputes its hash breaks the next entry's link.
        dropTriggers();
        QVERIFY(m_db->exec("UPDATE audit SET action = 'nothing', hash = '"
                           "aaaa"
                           "' WHERE seq = 2")
                    .ok());
        auto result = AuditLog(*m_db).verify();
        QVERIFY(!result->intact);
        QCOMPARE(result->firstBadSeq, 2);
    }
    void chainedEntryHashIsTheLengthPrefixedSha256()
    {
        // The shared rule of the tablet's and cairn-server's chains, against values computed
        // outside Qt (Python hashlib over "<bytes>:<utf-8>" for seq, each field, previous hash).
        const QString genesis = auditGenesisHash();
        QCOMPARE(genesis, QString(64, QLatin1Char('0')));
        QCOMPARE(chainedEntryHash(7,
                                  {QStringLiteral("2026-01-01T08:00:00.000Z"), QStringLiteral("push"), QString(),
                                   QStringLiteral("n\u00e9")},
                                  genesis),
                 QStringLiteral("01e943227d40f3a10c783c0ed8bfd89e95e6d3cb8b21d0bb25b03787dc4b96de"));
        // Moving a boundary between fields changes the hash.
        QCOMPARE(chainedEntryHash(7,
                                  {QStringLiteral("2026-01-01T08:00:00.000Z"), QStringLiteral("push"), QString(),
                                   QStringLiteral("n"), QStringLiteral("\u00e9")},
                                  genesis),
                 QStringLiteral("5f7a18424b4a682607a01e758d9e9f84d2e04e55cad77dff3d3399c889727c24"));
    }

    void tabletEntriesAreHashedByTheSharedRule()
    {
        auto stmt = m_db->prepare("SELECT seq, at, user_id, action, patient_id, record_id, detail, prev_hash, hash "
                                  "FROM audit WHERE seq = 1");
        QVERIFY(stmt.ok());
        QVERIFY(stmt->next());
        QCOMPARE(stmt->text(7), auditGenesisHash());
        QCOMPARE(stmt->text(8),
                 chainedEntryHash(
                     1, {stmt->text(1), stmt->text(2), stmt->text(3), stmt->text(4), stmt->text(5), stmt->text(6)},
                     auditGenesisHash()));
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "test_audit.moc"
