// The sync scheduler in the app's arrangement: rounds on the registry's database thread against a
// real cairn-server; debounced after writes, backing off exponentially (with bounded jitter) while
// the server is away, recovering on demand, wiping a revoked tablet.

#include "platform/network_state.h"
#include "sync/client/sync_scheduler.h"
#include "tests/support/result_checks.h"
#include "tests/support/sync_fixture.h"
#include "tools/sync_harness/sync_harness.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace cairn;
using namespace cairn::testing;

namespace {
// What the sync client logged, to check it can be switched on and never names a patient.
QStringList g_syncLog;
QtMessageHandler g_previousHandler = nullptr;
void captureSyncLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArray(context.category) == "cairn.sync.client")
        g_syncLog << message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}
}  // namespace

class TestSyncScheduler : public QObject {
    Q_OBJECT

private:
    SyncFixture m_sync;
    registry::SystemClock m_clock;

private slots:
    void initTestCase()
    {
        CHECK_OK(m_sync.start());
        QLoggingCategory::setFilterRules(QStringLiteral("cairn.sync.client.debug=true"));
        g_previousHandler = qInstallMessageHandler(captureSyncLog);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void schedulesBacksOffRecoversAndWipes()
    {
        auto made = m_sync.newTablet(m_clock, QStringLiteral("tablet.db"));
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

        // Not enrolled yet: rounds keep everything local, and that is not an error.
        thread.setRegistry(std::move(tablet->registry));
        scheduler.start();
        scheduler.syncNow();
        QVERIFY(rounds.wait(10'000));
        QVERIFY(!scheduler.error());
        QVERIFY(scheduler.message().contains(QStringLiteral("not enrolled")));
        QCOMPARE(scheduler.consecutiveFailures(), 0);

        // Enroll (an administrator on the database thread), then ask for a round now.
        auto code = m_sync.server().enrollmentCode(QStringLiteral("north"));
        QVERIFY(code);
        sync::ClientConfig config = tablet->config;
        QString enrolled;
        thread.run<Status>(
            this,
            [&keystore, config, code = *code](registry::Registry *r) {
                sync::SyncClient client(*r, keystore, config);
                return client.enroll(code);
            },
            [&enrolled](Status s) { enrolled = s ? QStringLiteral("ok") : s.error().message; });
        thread.drain();
        QTRY_COMPARE(enrolled, QStringLiteral("ok"));
        scheduler.syncNow();
        QTRY_VERIFY2_WITH_TIMEOUT(!rounds.isEmpty() && rounds.last().first().toBool(), qPrintable(scheduler.message()),
                                  10'000);
        QVERIFY2(!scheduler.error(), qPrintable(scheduler.message()));
        QCOMPARE(scheduler.consecutiveFailures(), 0);
        QVERIFY(scheduler.lastSyncAt().isValid());
        QVERIFY(scheduler.nextRoundInMs() > timing.periodicMs / 2);  // back to the calm schedule

        // The server goes away: every round fails, and the waits double up to the cap.
        m_sync.server().stop();
        scheduler.syncNow();
        int expected = timing.backoffBaseMs;
        for (int failure = 1; failure <= 5; ++failure) {
            QVERIFY(rounds.wait(20'000));
            QCOMPARE(rounds.last().first().toBool(), false);
            QVERIFY(scheduler.error());
            QVERIFY(!scheduler.loading());
            QCOMPARE(scheduler.consecutiveFailures(), failure);
            QVERIFY(!network.online());  // a request that cannot get through says so
            const int next = scheduler.nextRoundInMs();
            QVERIFY2(next <= expected * 1.2 + 10 && next >= expected * 0.8 - 50,
                     qPrintable(QStringLiteral("failure %1: next in %2 ms, expected about %3")
                                    .arg(failure)
                                    .arg(next)
                                    .arg(expected)));
            expected = std::min(expected * 2, timing.backoffMaxMs);
        }
        // Back: the next round succeeds and the schedule calms down.
        QVERIFY(m_sync.server().start());
        scheduler.syncNow();
        QTRY_VERIFY2_WITH_TIMEOUT(!rounds.isEmpty() && rounds.last().first().toBool(), qPrintable(scheduler.message()),
                                  20'000);
        QCOMPARE(scheduler.consecutiveFailures(), 0);
        QVERIFY(network.online());

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
        // (Once the rounds the recovery queued have run and the schedule is calm again.)
        QTRY_VERIFY_WITH_TIMEOUT(!scheduler.loading() && scheduler.nextRoundInMs() > timing.debounceMs, 20'000);
        scheduler.noteLocalWrite();
        QVERIFY2(scheduler.nextRoundInMs() <= timing.debounceMs + 10,  // timers are coarse by a few ms
                 qPrintable(QStringLiteral("next %1 ms, failures %2, %3")
                                .arg(scheduler.nextRoundInMs())
                                .arg(scheduler.consecutiveFailures())
                                .arg(scheduler.message())));
        QVERIFY(rounds.wait(10'000));
        QCOMPARE(rounds.last().first().toBool(), true);
        QVERIFY(scheduler.message().contains(QStringLiteral("1 record")));
        // Switched on, the sync log tells each round's counts and each failure's cause, and no patient data.
        QVERIFY2(g_syncLog.filter(QStringLiteral("round: 1 sent")).size() == 1, qPrintable(g_syncLog.join(u'\n')));
        QVERIFY(!g_syncLog.filter(QStringLiteral("round failed (server)")).isEmpty());
        QVERIFY(g_syncLog.filter(QStringLiteral("Ivy Cole")).isEmpty());
        QVERIFY(g_syncLog.filter(QStringLiteral("S-1")).isEmpty());

        // Revoked: the next round wipes the tablet.
        QVERIFY(m_sync.server().revoke(deviceId));
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
