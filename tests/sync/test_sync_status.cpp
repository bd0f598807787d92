// The one sync state every screen shows, from the real parts: a real encrypted tablet, the real
// scheduler on the registry's database thread, a real cairn-server on loopback. A tablet that is
// not enrolled says so and offers no "Sync now"; an enrolled one with records saved here says how
// many wait to be sent; after a round it is up to date; without a network it is offline; a failed
// round is a sync problem. Saved on this tablet and sent to the server are told apart throughout.

#include "core/domain/records.h"
#include "core/registry/registry_thread.h"
#include "platform/network_state.h"
#include "qml/app/session.h"
#include "qml/sync/sync_status.h"
#include "tests/support/result_checks.h"
#include "tests/support/sync_fixture.h"
#include "tools/sync_harness/sync_harness.h"

#include <QSignalSpy>
#include <QTest>

using namespace cairn;
using namespace cairn::testing;
using State = app::SyncStatus::State;

class TestSyncStatus : public QObject {
    Q_OBJECT

    SyncFixture m_sync;
    registry::SystemClock m_clock;

    // The app's arrangement for one tablet: database thread, session, scheduler, status.
    struct App {
        registry::RegistryThread thread;
        platform::NetworkState network;
        std::unique_ptr<app::Session> session;
        std::unique_ptr<sync::SyncScheduler> scheduler;
        std::unique_ptr<app::SyncStatus> status;
    };

    std::unique_ptr<App> openApp(Tablet &tablet)
    {
        auto made = std::make_unique<App>();
        sync::SchedulerTiming timing;
        timing.debounceMs = 60'000;  // rounds only when the test asks
        timing.periodicMs = 600'000;
        made->session = std::make_unique<app::Session>(
            app::AppServices{tablet.path, tablet.keystore.get(), &m_clock, &made->thread});
        made->scheduler = std::make_unique<sync::SyncScheduler>(made->thread, *tablet.keystore, made->network,
                                                                tablet.path, timing, 7);
        made->status = std::make_unique<app::SyncStatus>(made->scheduler.get());
        made->status->setSession(made->session.get());
        App *raw = made.get();
        connect(made->session.get(), &app::Session::signedInChanged, made->scheduler.get(),
                [raw] { raw->session->signedIn() ? raw->scheduler->start() : raw->scheduler->stop(); });
        connect(made->scheduler.get(), &sync::SyncScheduler::roundFinished, made->session.get(),
                &app::Session::refreshSyncState);
        made->session->refreshUsers();
        return made;
    }

    static QString userId(app::Session &session, const QString &name)
    {
        for (const auto &user : session.users()->users())
            if (user.name == name)
                return user.id;
        return {};
    }

    // A PEG saved on the tablet through the registry thread, as every screen saves.
    static void savePeg(App &app)
    {
        app.session->services().thread->run<Result<QString>>(
            app.session.get(),
            [](registry::Registry *registry) -> Result<QString> {
                auto patients = registry->listPatients();
                if (!patients)
                    return patients.error();
                QString patientId = patients->isEmpty() ? QString() : patients->first().id;
                if (patientId.isEmpty()) {
                    domain::Patient patient;
                    patient.clinicId = QStringLiteral("SYN-1");
                    patient.name = QStringLiteral("Test Patient");
                    patient.birthDate = QDate(1970, 1, 1);
                    patient.sex = domain::Sex::Female;
                    auto added = registry->addPatient(patient);
                    if (!added)
                        return added.error();
                    patientId = *added;
                }
                domain::PegScore peg;
                peg.date = QDate(2026, 12, 1);
                peg.pain = 4;
                peg.enjoyment = 5;
                peg.activity = 6;
                return registry->addRecord(patientId, peg);
            },
            [session = app.session.get()](Result<QString> added) {
                QVERIFY2(added.ok(), qPrintable(added ? QString() : added.error().line()));
                session->noteDataChanged();
            });
    }

private slots:
    void initTestCase() { CHECK_OK(m_sync.start()); }

    void theStateRuleOrdersItsFacts()
    {
        // Not enrolled wins over everything; syncing over offline; offline over an old error.
        QCOMPARE(app::SyncStatus::stateFrom(false, false, true, false, false, 3), State::Unknown);
        QCOMPARE(app::SyncStatus::stateFrom(true, false, true, false, true, 3), State::NotEnrolled);
        QCOMPARE(app::SyncStatus::stateFrom(true, true, false, true, false, 3), State::Syncing);
        QCOMPARE(app::SyncStatus::stateFrom(true, true, false, false, true, 3), State::Offline);
        QCOMPARE(app::SyncStatus::stateFrom(true, true, true, false, true, 0), State::Error);
        QCOMPARE(app::SyncStatus::stateFrom(true, true, true, false, false, 3), State::Pending);
        QCOMPARE(app::SyncStatus::stateFrom(true, true, true, false, false, 0), State::UpToDate);
    }

    void aTabletWithoutAServerSaysSoAndOffersNoSync()
    {
        auto tablet = m_sync.newTablet(m_clock, QStringLiteral("alone.db"));
        QVERIFY(tablet);
        (*tablet)->registry.reset();
        auto app = openApp(**tablet);
        QTRY_VERIFY(!userId(*app->session, QStringLiteral("Casey")).isEmpty());
        app->session->unlock(userId(*app->session, QStringLiteral("Casey")), QStringLiteral("1357"));
        QTRY_VERIFY(app->session->signedIn());
        QTRY_COMPARE(app->status->state(), State::NotEnrolled);
        QVERIFY(app->status->stateText().contains(QStringLiteral("Not connected to a clinic server")));
        QVERIFY(app->status->detailText().contains(QStringLiteral("saved on this tablet only")));
        QVERIFY(!app->status->canSyncNow());
        // Records saved here are still not "waiting to sync" with a server that does not exist.
        savePeg(*app);
        QTRY_VERIFY(app->status->pendingCount() > 0);
        QCOMPARE(app->status->state(), State::NotEnrolled);
        QVERIFY(!app->status->stateText().contains(QStringLiteral("waiting")));
        app->session->lock();
    }

    void anEnrolledTabletGoesFromWaitingToUpToDateToOfflineToAProblem()
    {
        auto made = m_sync.enrolledTablet(m_clock, QStringLiteral("hills"), SyncFixture::SignIn::Administrator,
                                          QStringLiteral("enrolled.db"));
        Tablet &tablet = *made;
        tablet.registry.reset();
        auto app = openApp(tablet);
        QTRY_VERIFY(!userId(*app->session, QStringLiteral("Casey")).isEmpty());
        app->session->unlock(userId(*app->session, QStringLiteral("Casey")), QStringLiteral("1357"));
        QTRY_VERIFY(app->session->signedIn());
        app->network.setOnline(true);

        // Saved on this tablet, not yet sent: waiting, with the count in words.
        savePeg(*app);
        QTRY_COMPARE(app->status->state(), State::Pending);
        const int waiting = app->status->pendingCount();
        QVERIFY(waiting > 0);
        QVERIFY2(app->status->stateText().contains(QString::number(waiting)), qPrintable(app->status->stateText()));
        QVERIFY(app->status->detailText().contains(QStringLiteral("not yet sent to the clinic server")));
        QVERIFY(app->status->canSyncNow());

        // Sent: up to date, nothing waiting, the time of the round shown.
        QSignalSpy rounds(app->scheduler.get(), &sync::SyncScheduler::roundFinished);
        app->status->syncNow();
        QVERIFY(rounds.wait(30'000));
        QCOMPARE(rounds.first().first().toBool(), true);
        QTRY_COMPARE(app->status->pendingCount(), 0);
        QCOMPARE(app->status->state(), State::UpToDate);
        QVERIFY(app->status->stateText().startsWith(QStringLiteral("Synced")));
        QVERIFY(app->status->detailText().contains(QStringLiteral("has been sent to the clinic server")));

        // No network: offline, and what is saved meanwhile waits.
        app->network.setOnline(false);
        savePeg(*app);
        QTRY_VERIFY(app->status->pendingCount() > 0);
        QCOMPARE(app->status->state(), State::Offline);
        QVERIFY2(app->status->stateText().contains(QStringLiteral("to send")), qPrintable(app->status->stateText()));
        QVERIFY(!app->status->canSyncNow());

        // Back online with the server gone: the round fails and the state says so.
        m_sync.server().stop();
        app->network.setOnline(true);
        rounds.clear();
        app->status->syncNow();
        QVERIFY(rounds.wait(90'000));
        QCOMPARE(rounds.first().first().toBool(), false);
        // A server that cannot be reached marks the tablet offline; any other failure is a problem.
        QVERIFY2(app->status->state() == State::Error || app->status->state() == State::Offline,
                 qPrintable(app->status->stateText()));
        QVERIFY(!app->status->detailText().isEmpty());
        QVERIFY(m_sync.server().start());
        app->session->lock();
    }
};

QTEST_MAIN(TestSyncStatus)
#include "test_sync_status.moc"
