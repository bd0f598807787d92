// A process killed with SIGKILL in the middle of writing loses no committed record and leaves a
// registry that opens, passes SQLite's integrity check and accepts new writes.

#include "core/storage/database.h"
#include "core/storage/record_store.h"
#include "tests/support/temp_registry.h"

#include <QProcess>
#include <QSet>
#include <QTest>

#include <csignal>

using namespace cairn;
using namespace cairn::storage;

class TestCrash : public QObject {
    Q_OBJECT
private slots:
    void sigkillMidWriteLosesNoCommittedRecord_data()
    {
        QTest::addColumn<int>("killAfter");
        QTest::newRow("early") << 5;
        QTest::newRow("mid") << 150;
        QTest::newRow("after-autocheckpoint") << 1200;  // past SQLite's 1000-page WAL checkpoint
    }

    void sigkillMidWriteLosesNoCommittedRecord()
    {
        QFETCH(int, killAfter);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.db"));
        const QByteArray key = cairn::testing::testKey('z');

        QProcess writer;
        writer.start(qEnvironmentVariable("CRASH_WRITER"),
                     {path, QString::fromLatin1(key.toHex()), QString::number(killAfter * 100)});
        QVERIFY(writer.waitForStarted());
        QSet<QString> committed;
        QByteArray pending;
        while (committed.size() < killAfter) {
            QVERIFY2(writer.waitForReadyRead(30000), "writer stopped before the kill point");
            pending += writer.readAllStandardOutput();
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                committed.insert(QString::fromLatin1(pending.left(newline)));
                pending.remove(0, newline + 1);
            }
        }
        ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        auto db = Database::open(path, key, Database::OpenMode::ExistingOnly);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().line()));
        QCOMPARE(*(*db)->scalarText("PRAGMA integrity_check"), QStringLiteral("ok"));
        RecordStore store(**db);
        for (const QString &id : std::as_const(committed)) {
            auto present = store.contains(id);
            QVERIFY(present.ok());
            QVERIFY2(*present, qPrintable(id + QStringLiteral(" was committed but is gone")));
        }
        // Every stored record is still queued for sync: none was written without its outbox row.
        QCOMPARE(*(*db)->scalarInt("SELECT count(*) FROM records"), *store.outboxSize());
        // And the registry takes new writes.
        StoredRecord after;
        after.id = QStringLiteral("after-crash");
        after.patientId = QStringLiteral("p-0");
        after.kind = QStringLiteral("peg");
        after.author = after.device = QStringLiteral("t");
        QVERIFY(store.insert(after, true).ok());
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "test_crash.moc"
