// cairn-server's workers (sync/server/service_workers.h) when they stop: the jobs queued before
// stop() all run (a PIN check's store step too), jobs offered afterwards are refused and never run,
// a job offered while stop() runs either runs or is refused (never lost), and stop() may be called
// again, as the HTTP server's destructor and then the workers' own destructor do.

#include "sync/server/service_workers.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using cairn::sync::ServiceWorkers;

class TestServerWorkers : public QObject {
    Q_OBJECT
private slots:
    void whatIsQueuedRunsBeforeStopReturnsAndLaterJobsAreRefused()
    {
        std::atomic<int> ran{0};
        {
            ServiceWorkers workers;
            // The store thread is busy while the rest queue behind it and stop() is called.
            QVERIFY(workers.onStore([] { QThread::msleep(100); }));
            for (int i = 0; i < 20; ++i)
                QVERIFY(workers.onStore([&ran] { ++ran; }));
            workers.stop();
            QCOMPARE(ran.load(), 20);

            QVERIFY(!workers.onStore([&ran] { ++ran; }));
            QVERIFY(!workers.onArgon([&ran] { ++ran; }));
            workers.stop();  // again: nothing to do
            QTest::qWait(50);
            QCOMPARE(ran.load(), 20);
        }  // and once more from the destructor
        QCOMPARE(ran.load(), 20);
    }

    void aPinCheckQueuedBeforeStopFinishesOnTheStoreThread()
    {
        ServiceWorkers workers;
        std::atomic<bool> queued{false};
        std::atomic<bool> finished{false};
        QString finishedOn;
        QVERIFY(workers.onArgon([&] {
            QThread::msleep(100);  // the PIN check, still running when stop() is called
            queued = workers.onStore([&] {
                finishedOn = QThread::currentThread()->objectName();
                finished = true;
            });
        }));
        workers.stop();
        QVERIFY(queued.load());
        QVERIFY(finished.load());
        QCOMPARE(finishedOn, QStringLiteral("cairn-store"));
    }

    // Requests keep coming while the server stops: each job offered is refused or runs.
    void aJobOfferedWhileStoppingRunsOrIsRefused()
    {
        std::atomic<int> accepted{0};
        std::atomic<int> ran{0};
        std::atomic<bool> refused{false};
        {
            ServiceWorkers workers;
            std::thread offering([&] {
                while (!refused) {
                    if (workers.onStore([&ran] { ++ran; }))
                        ++accepted;
                    else if (accepted > 0)
                        refused = true;  // closed (or full: a later offer tells)
                    if (!refused && accepted % 64 == 0)
                        QThread::usleep(100);
                }
            });
            QTRY_VERIFY(accepted.load() > 100);
            workers.stop();
            offering.join();
            QVERIFY(!workers.onStore([&ran] { ++ran; }));
        }
        QCOMPARE(ran.load(), accepted.load());
    }
};

QTEST_GUILESS_MAIN(TestServerWorkers)
#include "test_server_workers.moc"
