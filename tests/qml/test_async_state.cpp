// The async view-model base (qml/app/async_state.h, async_model.h) over a real encrypted
// registry on its database thread: nested operations keep `loading` true until the last one ends,
// an error ends loading and shows the field and message, a new session clears what was shown and
// reloads, a locked tablet gives the one "locked" error without running the job, and the singleton
// helper hands QML the instance the app set.

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "platform/keystore.h"
#include "qml/app/async_model.h"
#include "qml/app/session.h"
#include "qml/app/singleton_instance.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;

namespace {

// A view model with nothing but the base: it counts its reloads and exposes the protected API.
class Probe : public app::AsyncObject {
public:
    using AsyncObject::begin;
    using AsyncObject::end;
    using AsyncObject::report;
    using AsyncObject::run;
    using AsyncObject::setReloadOn;

    int reloads = 0;

protected:
    void reload() override { ++reloads; }
};

// The same base as a list model, to show both bases share one behaviour.
class ListProbe : public app::AsyncListModel {
public:
    using AsyncListModel::run;
    int rowCount(const QModelIndex & = {}) const override { return 0; }
    QVariant data(const QModelIndex &, int) const override { return {}; }
};

class Lone : public QObject {
public:
    CAIRN_SINGLETON_INSTANCE(Lone)
};

class WithStandIn : public QObject {
public:
    CAIRN_SINGLETON_INSTANCE(WithStandIn)
    static WithStandIn *makeStandIn() { return new WithStandIn; }
};

// A job's result that says whether it ran on the database thread.
Result<int> countPatients(registry::Registry &registry)
{
    auto patients = registry.listPatients();
    if (!patients)
        return patients.error();
    return static_cast<int>(patients->size());
}

}  // namespace

class TestAsyncState : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    platform::MemoryKeystore m_keystore;
    registry::SystemClock m_clock;
    std::unique_ptr<registry::RegistryThread> m_thread;
    std::unique_ptr<app::Session> m_session;

    bool waitIdle(const Probe &probe)
    {
        return QTest::qWaitFor([&] { return !probe.loading(); }, 30000);
    }

private slots:
    void initTestCase()
    {
        const QString db = m_dir.filePath(QStringLiteral("async.db"));
        auto created =
            registry::Registry::create(db, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        QVERIFY(created.ok());
        const QString adminId = (*created)->user().id;
        created->reset();
        m_thread = std::make_unique<registry::RegistryThread>();
        m_session = std::make_unique<app::Session>(app::AppServices{db, &m_keystore, &m_clock, m_thread.get()});
        m_session->refreshUsers();
        QTRY_COMPARE(m_session->users()->rowCount(), 1);
        m_session->unlock(adminId, QStringLiteral("246810"));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->signedIn(), 30000);
        QTRY_VERIFY(!m_session->loading());
    }

    void nestedOperationsKeepLoadingUntilTheLastEnds()
    {
        Probe probe;
        probe.setSession(m_session.get());
        QSignalSpy loadingChanged(&probe, &app::AsyncObject::loadingChanged);

        // Counted by hand: two overlapping operations, loading flips once each way.
        probe.begin();
        probe.begin();
        probe.end();
        QVERIFY(probe.loading());
        probe.end();
        QVERIFY(!probe.loading());
        QCOMPARE(loadingChanged.count(), 2);

        // Through run(): a second job started from the first one's result keeps loading true.
        loadingChanged.clear();
        QList<bool> loadingSeen;
        bool innerDone = false;
        probe.run<Result<int>>(countPatients, [&](Result<int> first) {
            QVERIFY(first.ok());
            loadingSeen << probe.loading();
            probe.run<Result<int>>(countPatients, [&](Result<int> second) {
                QVERIFY(second.ok());
                loadingSeen << probe.loading();
                innerDone = true;
            });
        });
        QVERIFY(probe.loading());
        QTRY_VERIFY(innerDone);
        QVERIFY(waitIdle(probe));
        QCOMPARE(loadingSeen, (QList<bool>{true, true}));
        QCOMPARE(loadingChanged.count(), 2);  // true once, false once: no flicker between the two
    }

    void anErrorEndsLoadingAndShowsTheFieldAndMessage()
    {
        Probe probe;
        probe.setSession(m_session.get());
        QSignalSpy messageChanged(&probe, &app::AsyncObject::messageChanged);
        probe.run<Status>(
            [](registry::Registry &) -> Status {
                return Error{QStringLiteral("pin"), QStringLiteral("too short")};
            },
            [&](Status status) { probe.report(status, QStringLiteral("Saved.")); });
        QVERIFY(probe.loading());
        QVERIFY(waitIdle(probe));
        QVERIFY(probe.error());
        QCOMPARE(probe.message(), QStringLiteral("pin: too short"));
        QCOMPARE(messageChanged.count(), 1);

        // The next success clears the error and says so.
        probe.run<Status>([](registry::Registry &) -> Status { return ok(); },
                          [&](Status status) { probe.report(status, QStringLiteral("Saved.")); });
        QVERIFY(waitIdle(probe));
        QVERIFY(!probe.error());
        QCOMPARE(probe.message(), QStringLiteral("Saved."));

        // The same in the list-model base.
        ListProbe list;
        list.setSession(m_session.get());
        bool done = false;
        list.run<Status>(
            [](registry::Registry &) -> Status {
                return Error{QString(), QStringLiteral("refused")};
            },
            [&](Status) { done = true; });
        QVERIFY(list.loading());
        QTRY_VERIFY(done);
        QVERIFY(!list.loading());
    }

    void aNewSessionClearsWhatWasShownAndReloads()
    {
        Probe probe;
        QSignalSpy sessionChanged(&probe, &app::AsyncObject::sessionChanged);
        probe.setSession(m_session.get());
        QCOMPARE(probe.reloads, 1);
        QCOMPARE(sessionChanged.count(), 1);
        probe.report(Error{QString(), QStringLiteral("stale problem")});
        QVERIFY(probe.error());

        // Setting the same session again is not a change.
        probe.setSession(m_session.get());
        QCOMPARE(probe.reloads, 1);

        // Writes and sign-in changes of the session in use re-read.
        m_session->noteDataChanged();
        QCOMPARE(probe.reloads, 2);

        app::Session other(
            app::AppServices{m_dir.filePath(QStringLiteral("async.db")), &m_keystore, &m_clock, m_thread.get()});
        probe.setSession(&other);
        QCOMPARE(probe.session(), &other);
        QCOMPARE(sessionChanged.count(), 2);
        QCOMPARE(probe.reloads, 3);
        QVERIFY(!probe.error());
        QVERIFY(probe.message().isEmpty());

        // The old session no longer reaches it; the new one does.
        m_session->noteDataChanged();
        QCOMPARE(probe.reloads, 3);
        other.noteDataChanged();
        QCOMPARE(probe.reloads, 4);

        // A flow that must not restart on writes follows sign-in changes only.
        Probe flow;
        flow.setReloadOn(app::AsyncState::ReloadOn::SignIn);
        flow.setSession(m_session.get());
        QCOMPARE(flow.reloads, 1);
        m_session->noteDataChanged();
        QCOMPARE(flow.reloads, 1);
        probe.setSession(nullptr);
        QCOMPARE(probe.reloads, 5);
        QVERIFY(!probe.run<Result<int>>(countPatients, [](Result<int>) {}));  // no session: nothing runs
        QVERIFY(!probe.loading());
    }

    void aLockedTabletGivesTheLockedErrorWithoutRunningTheJob()
    {
        // A session over a database thread with no registry open: what a locked tablet has.
        registry::RegistryThread lockedThread;
        app::Session locked(
            app::AppServices{m_dir.filePath(QStringLiteral("async.db")), &m_keystore, &m_clock, &lockedThread});
        Probe probe;
        probe.setSession(&locked);
        std::atomic<bool> jobRan = false;
        bool done = false;
        probe.run<Result<int>>(
            [&jobRan](registry::Registry &registry) -> Result<int> {
                jobRan = true;
                return countPatients(registry);
            },
            [&](Result<int> count) {
                done = true;
                QVERIFY(!count.ok());
                QCOMPARE(count.error().message, app::AsyncState::lockedError().message);
                probe.report(Status(count.error()));
            });
        QTRY_VERIFY(done);
        QVERIFY(!jobRan);
        QVERIFY(!probe.loading());
        QVERIFY(probe.error());
        QCOMPARE(probe.message(), QStringLiteral("The registry is locked."));
    }

    void theSingletonHelperHandsQmlTheInstanceTheAppSet()
    {
        Lone lone;
        Lone::setInstance(&lone);
        QCOMPARE(Lone::create(nullptr, nullptr), &lone);
        QCOMPARE(QJSEngine::objectOwnership(&lone), QJSEngine::CppOwnership);
        Lone::setInstance(nullptr);
        QCOMPARE(Lone::instance(), nullptr);

        // Without an instance, a class with a stand-in gives QML a fresh one instead.
        std::unique_ptr<WithStandIn> standIn(WithStandIn::create(nullptr, nullptr));
        QVERIFY(standIn);
        QCOMPARE(WithStandIn::instance(), nullptr);
        WithStandIn set;
        WithStandIn::setInstance(&set);
        QCOMPARE(WithStandIn::create(nullptr, nullptr), &set);
        WithStandIn::setInstance(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestAsyncState)
#include "test_async_state.moc"
