// The sync scheduler in the app's arrangement: rounds on the registry's database thread against a
// real cairn-server; debounced after writes, backing off exponentially (with bounded jitter) while
// the server is away, recovering on demand, wiping a revoked tablet.

#include "platform/network_state.h"
#include "sync/client/sync_scheduler.h"
#include "tests/sync/sync_harness.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using namespace cairn::testing;

class TestSyncScheduler : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Certificates m_certs;
    std::unique_ptr<ServerProcess> m_server;
    registry::SystemClock m_clock;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto certs = makeCertificates(m_dir.path());
        QVERIFY(certs);
        m_certs = *certs;
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("server")), QStringLiteral("file"), m_certs);
        QVERIFY(m_server->start());
    }

    void schedulesBacksOffRecoversAndWipes()
    {
        auto made = makeTablet(m_dir.filePath(QStringLiteral("tablet.db")), m_clock, m_server->url(), m_certs.caPem);
        QVERIFY(made);
        std::unique_ptr<Tablet> tablet = std::move(made).value();
        platform::MemoryKeystore &keystore = *tablet->keystore;
        const QString path = tablet->path;
        const QString deviceId = tablet->registry->deviceId();

        registry::RegistryThread thread;
        platform::NetworkState network;
        sync::SchedulerTiming timing;
        timing.debounceMs = 50;
        timing.periodicMs = 60'000;
        timing.backoffBaseMs = 200;
        timing.backoffMaxMs = 1'600;
        timing.jitter = 0.2;
        sync::SyncScheduler scheduler(thread, keystore, network, path, timing, 42);
        QSignalSpy rounds(&scheduler, &sync::SyncScheduler::roundFinished);

        // Not enrolled yet: every round fails, and the waits double up to the cap.
        thread.setRegistry(std::move(tablet->registry));
        scheduler.start();
        int expected = timing.backoffBaseMs;
        for (int failure = 1; failure <= 5; ++failure) {
            QVERIFY(rounds.wait(10'000));
            QCOMPARE(rounds.last().first().toBool(), false);
            QVERIFY(scheduler.error());
            QVERIFY(!scheduler.loading());
            QCOMPARE(scheduler.consecutiveFailures(), failure);
            const int next = scheduler.nextRoundInMs();
            QVERIFY2(next <= expected * 1.2 + 1 && next >= expected * 0.8 - 50,
                     qPrintable(QStringLiteral("failure %1: next in %2 ms, expected about %3").arg(failure).arg(next).arg(expected)));
            expected = std::min(expected * 2, timing.backoffMaxMs);
        }

        // Enroll (an administrator on the database thread), then ask for a round now.
        auto code = m_server->enrollmentCode(QStringLiteral("north"));
        QVERIFY(code);
        sync::ClientConfig config = tablet->config;
        thread.run<Status>(
            this,
            [&keystore, config, code = *code](registry::Registry *r) {
                sync::SyncClient client(*r, keystore, config);
                return client.enroll(code);
            },
            [](Status s) { QVERIFY(s); });
        thread.drain();
        QCoreApplication::processEvents();
        // A backoff round may be running already: wait until the one after enrollment succeeds.
        scheduler.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!rounds.isEmpty() && rounds.last().first().toBool(), 10'000);
        QVERIFY2(!scheduler.error(), qPrintable(scheduler.message()));
        QCOMPARE(scheduler.consecutiveFailures(), 0);
        QVERIFY(scheduler.lastSyncAt().isValid());
        QVERIFY(scheduler.nextRoundInMs() > timing.periodicMs / 2);  // back to the calm schedule

        // A write is followed by a round once writes pause.
        thread.run<Result<QString>>(
            this,
            [](registry::Registry *r) {
                domain::Patient p;
                p.name = QStringLiteral("Ivy Cole");
                p.clinicId = QStringLiteral("S-1");
                p.birthDate = QDate(1970, 5, 5);
                return r->addPatient(p);
            },
            [](Result<QString> id) { QVERIFY(id); });
        thread.drain();
        QCoreApplication::processEvents();
        scheduler.noteLocalWrite();
        QVERIFY(scheduler.nextRoundInMs() <= timing.debounceMs);
        QVERIFY(rounds.wait(10'000));
        QCOMPARE(rounds.last().first().toBool(), true);
        QVERIFY(scheduler.message().contains(QStringLiteral("1 record")));

        // Revoked: the next round wipes the tablet.
        QVERIFY(m_server->revoke(deviceId));
        QSignalSpy wiped(&scheduler, &sync::SyncScheduler::wiped);
        scheduler.syncNow();
        QVERIFY(wiped.wait(10'000));
        thread.drain();
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".keys")));
    }
};

QTEST_GUILESS_MAIN(TestSyncScheduler)
#include "test_sync_scheduler.moc"
