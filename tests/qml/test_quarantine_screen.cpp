// Records set aside on a tablet, in the real app over a real encrypted registry: a pulled page
// with a garbage clinic policy and a PEG for a patient the tablet does not hold is applied (the
// good record stored, the two set aside); the registry manager reaches "Set-aside records" from
// the roster, sees both with their reasons, and withdraws one with a reason, which queues a
// retraction for the server. A clinician is not offered the screen.

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "platform/keystore.h"
#include "qml/app/language.h"
#include "qml/app/session.h"
#include "qml/sync/quarantine_list_model.h"
#include "tests/qml/quick_driver.h"
#include "tests/qml/sign_in.h"

#include <QAbstractItemModelTester>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;

namespace {

domain::RecordEnvelope fromElsewhere(const QString &kind, const QString &patientId, const QJsonObject &payload)
{
    domain::RecordEnvelope r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.patientId = patientId;
    r.kind = kind;
    r.date = QStringLiteral("2026-03-01");
    r.payload = payload;
    r.author = QStringLiteral("old-user");
    r.device = QStringLiteral("old-tablet");
    r.stamp = HlcStamp{QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch(), 0,
                       QStringLiteral("old-tablet")};
    r.writtenAt = QStringLiteral("2026-03-01T08:00:00.000Z");
    return r;
}

}  // namespace

class TestQuarantineScreen : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    platform::MemoryKeystore m_keystore;
    registry::SystemClock m_clock;
    std::unique_ptr<registry::RegistryThread> m_thread;
    std::unique_ptr<app::Session> m_session;
    std::unique_ptr<app::Language> m_language;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QString m_managerId;
    QString m_clinicianId;
    QString m_orphanId;

    QObject *find(const char *name) const
    {
        QObject *root = m_engine->rootObjects().first();
        if (QObject *found = root->findChild<QObject *>(QLatin1String(name)))
            return found;
        return testing::findItem(qobject_cast<QQuickWindow *>(root), QLatin1String(name), false);
    }

    QStringList visibleTexts() const
    {
        return testing::visibleTexts(qobject_cast<QQuickWindow *>(m_engine->rootObjects().first()));
    }

    void signIn(const QString &userId, const QString &pin)
    {
        QVERIFY2(testing::signInDirectly(*m_session, userId, pin), qPrintable(m_session->message()));
        QTRY_VERIFY(find("navigation")->property("count").toInt() > 0);
    }

    // Registry in the navigation rail (the registry manager lands there already).
    void openRoster()
    {
        auto *window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        QTRY_VERIFY(testing::findItem(window, QStringLiteral("nav_registry")));
        QVERIFY(QMetaObject::invokeMethod(testing::findItem(window, QStringLiteral("nav_registry")), "clicked"));
        QTRY_VERIFY(find("quarantineButton"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_db = m_dir.filePath(QStringLiteral("quarantine.db"));
        auto created = registry::Registry::create(m_db, m_keystore, QStringLiteral("Alex Admin"),
                                                  QStringLiteral("246810"), m_clock);
        QVERIFY(created.ok());
        m_managerId =
            *(*created)->addUser(QStringLiteral("Rae Manager"), keys::Role::RegistryManager, QStringLiteral("2468"));
        m_clinicianId =
            *(*created)->addUser(QStringLiteral("Casey Clinician"), keys::Role::Clinician, QStringLiteral("1357"));
        // A page from the server: a patient of the clinic (as another tablet wrote it), then a
        // clinic policy with a garbage payload and a PEG for a patient nobody holds.
        auto other = registry::Registry::create(m_dir.filePath(QStringLiteral("other.db")), m_keystore,
                                                QStringLiteral("Bo Admin"), QStringLiteral("246810"), m_clock);
        QVERIFY(other.ok());
        domain::Patient patient;
        patient.name = QStringLiteral("Lucia Ferreira");
        patient.clinicId = QStringLiteral("QS-1");
        patient.birthDate = QDate(1960, 1, 5);
        patient.sex = domain::Sex::Female;
        QVERIFY((*other)->addPatient(patient).ok());
        QList<domain::RecordEnvelope> page = (*other)->outbox(10).value();
        page << fromElsewhere(QStringLiteral("clinic_policy"), domain::kClinicScope,
                              {{QStringLiteral("tiers"), QStringLiteral("x")}});
        const domain::RecordEnvelope orphan =
            fromElsewhere(QStringLiteral("peg"), QUuid::createUuid().toString(QUuid::WithoutBraces),
                          {{QStringLiteral("date"), QStringLiteral("2026-03-01")},
                           {QStringLiteral("pain"), 5},
                           {QStringLiteral("enjoyment"), 5},
                           {QStringLiteral("activity"), 5}});
        m_orphanId = orphan.id;
        page << orphan;
        auto applied = (*created)->applyPulled(page, QStringLiteral("e:3"));
        QVERIFY(applied.ok());
        QCOMPARE(*applied, 1);
        created->reset();
        other->reset();

        m_thread = std::make_unique<registry::RegistryThread>();
        m_session = std::make_unique<app::Session>(app::AppServices{m_db, &m_keystore, &m_clock, m_thread.get()});
        app::Session::setInstance(m_session.get());
        m_language = std::make_unique<app::Language>(false);
        app::Language::setInstance(m_language.get());
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_language->setEngine(m_engine.get());
        m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Cairn/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        QTRY_VERIFY(find("unlockScreen"));
        QTRY_COMPARE(m_session->users()->rowCount(), 3);
    }

    void init()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Component is not ready|Cannot instantiate")));
    }

    void theModelListsWhatWasSetAsideAndWhy()
    {
        signIn(m_managerId, QStringLiteral("2468"));
        app::QuarantineListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session.get());
        QTRY_VERIFY(!model.loading());
        QVERIFY2(!model.error(), qPrintable(model.message()));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rows().at(0).kindLabel, QStringLiteral("Clinic policy"));
        QCOMPARE(model.rows().at(0).owner, QStringLiteral("Clinic settings"));
        QVERIFY2(model.rows().at(0).reason.startsWith(QStringLiteral("payload")),
                 qPrintable(model.rows().at(0).reason));
        QCOMPARE(model.rows().at(1).kindLabel, QStringLiteral("PEG score"));
        QCOMPARE(model.rows().at(1).owner, QStringLiteral("a patient not on this tablet"));
        QCOMPARE(model.rows().at(1).reason, QStringLiteral("patient_id: names no patient this tablet holds"));
        // A reason is required.
        model.withdraw(model.rows().at(1).id, QStringLiteral("  "));
        QTRY_VERIFY(!model.loading());
        QVERIFY(model.error());
        QVERIFY2(model.message().contains(QStringLiteral("reason")), qPrintable(model.message()));
        QCOMPARE(model.rowCount(), 2);
    }

    void theRegistryManagerWithdrawsOneOnTheScreen()
    {
        signIn(m_managerId, QStringLiteral("2468"));
        openRoster();
        auto *button = qobject_cast<QQuickItem *>(find("quarantineButton"));
        QTRY_VERIFY(button->isVisible());
        QVERIFY(QMetaObject::invokeMethod(button, "clicked"));
        QTRY_VERIFY(find("quarantineScreen"));
        QTRY_COMPARE(find("quarantineCount")->property("text").toString(), QStringLiteral("2 records set aside"));
        QTRY_VERIFY2(visibleTexts().contains(QStringLiteral("Why: patient_id: names no patient this tablet holds")),
                     qPrintable(visibleTexts().join(QLatin1String(" | "))));
        // The orphan PEG is the second entry set aside.
        auto *withdraw = qobject_cast<QQuickItem *>(find("withdraw_2"));
        QVERIFY(withdraw);
        QVERIFY(!withdraw->isEnabled());  // not without a reason
        QVERIFY(find("withdrawReason_2")->setProperty("text", QStringLiteral("PEG for a patient we never had")));
        QTRY_VERIFY(withdraw->isEnabled());
        QVERIFY(QMetaObject::invokeMethod(withdraw, "clicked"));
        QTRY_COMPARE(find("quarantineCount")->property("text").toString(), QStringLiteral("1 record set aside"));
        QVERIFY2(!find("quarantineListModel")->property("error").toBool(),
                 qPrintable(find("quarantineListModel")->property("message").toString()));

        // The withdrawal waits in the outbox for the server: a retraction of the orphan PEG.
        std::optional<Result<QList<domain::RecordEnvelope>>> outbox;
        m_thread->run<Result<QList<domain::RecordEnvelope>>>(
            this, [](registry::Registry *r) { return r->outbox(10); },
            [&outbox](Result<QList<domain::RecordEnvelope>> r) { outbox = std::move(r); });
        QTRY_VERIFY(outbox.has_value());
        QVERIFY(outbox->ok());
        QCOMPARE((*outbox)->size(), 1);
        QVERIFY((*outbox)->first().retracted);
        QCOMPARE((*outbox)->first().supersedes, m_orphanId);
    }

    void aClinicianIsNotOfferedTheScreen()
    {
        signIn(m_clinicianId, QStringLiteral("1357"));
        openRoster();
        QVERIFY(!qobject_cast<QQuickItem *>(find("quarantineButton"))->isVisible());
    }

    void cleanupTestCase()
    {
        if (m_session->signedIn())
            m_session->lock();
        QTRY_VERIFY(!m_session->loading());
        m_engine.reset();
    }
};

QTEST_MAIN(TestQuarantineScreen)
#include "test_quarantine_screen.moc"
