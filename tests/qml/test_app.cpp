// The real QML app on the offscreen platform over a real encrypted registry: sign in with a PIN,
// see the patients, search them, lock; five wrong PINs lock the user out. The view models pass
// QAbstractItemModelTester.

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"
#include "qml/viewmodels/patient_list_model.h"
#include "qml/viewmodels/session.h"

#include <QAbstractItemModelTester>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;

class TestApp : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    platform::MemoryKeystore m_keystore;
    registry::SystemClock m_clock;
    std::unique_ptr<registry::RegistryThread> m_thread;
    std::unique_ptr<app::Session> m_session;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QString m_clinicianId;
    QString m_nurseId;

    QObject *find(const char *name) const
    {
        return m_engine->rootObjects().first()->findChild<QObject *>(QLatin1String(name));
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("app.db"));
        auto created = registry::Registry::create(m_db, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        QVERIFY(created.ok());
        m_clinicianId = *(*created)->addUser(QStringLiteral("Casey Clinician"), keys::Role::Clinician, QStringLiteral("1357"));
        m_nurseId = *(*created)->addUser(QStringLiteral("Nico Nurse"), keys::Role::Nurse, QStringLiteral("3579"));
        synthetic::Options options;
        options.patients = 25;
        options.seed = 9;
        QVERIFY((*created)->addPatients(synthetic::generateClinic(options)).ok());
        created->reset();

        m_thread = std::make_unique<registry::RegistryThread>();
        m_session = std::make_unique<app::Session>(app::AppServices{m_db, &m_keystore, &m_clock, m_thread.get()});
        app::Session::setInstance(m_session.get());
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Cairn/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        QVERIFY(find("unlockScreen"));
        QTRY_COMPARE(m_session->users()->rowCount(), 3);
    }

    void userListModelIsAWellBehavedModel()
    {
        QAbstractItemModelTester tester(m_session->users(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_session->refreshUsers();
        QTRY_COMPARE(m_session->users()->rowCount(), 3);
        QCOMPARE(m_session->users()->data(m_session->users()->index(1), app::UserListModel::NameRole).toString(), QStringLiteral("Casey Clinician"));
    }

    void signingInShowsWhoAndThePatients()
    {
        m_session->unlock(m_clinicianId, QStringLiteral("1357"));
        QTRY_VERIFY(!m_session->loading());
        QVERIFY2(m_session->signedIn(), qPrintable(m_session->message()));
        QVERIFY(!m_session->loading());
        QCOMPARE(m_session->userName(), QStringLiteral("Casey Clinician"));
        QTRY_VERIFY(find("patientListScreen"));
        auto *list = qobject_cast<QQuickItem *>(find("patientList"));
        QVERIFY(list);
        QTRY_COMPARE(list->property("count").toInt(), 25);
        auto *signedIn = find("signedInLabel");
        QVERIFY(signedIn);
        QVERIFY(signedIn->property("text").toString().contains(QStringLiteral("Casey Clinician")));
    }

    void patientModelFiltersAndPassesTheModelTester()
    {
        app::PatientListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session.get());
        QTRY_COMPARE(model.rowCount(), 25);
        const QString name = model.data(model.index(0), app::PatientListModel::NameRole).toString();
        const QString clinicId = model.data(model.index(0), app::PatientListModel::ClinicIdRole).toString();
        model.setFilterText(name.section(QLatin1Char(' '), -1).toUpper());  // last name, any case
        QVERIFY(model.rowCount() >= 1);
        QVERIFY(model.rowCount() < 25);
        model.setFilterText(clinicId);
        QCOMPARE(model.rowCount(), 1);
        model.setFilterText(QStringLiteral("no such person"));
        QCOMPARE(model.rowCount(), 0);
        model.setFilterText(QString());
        QCOMPARE(model.rowCount(), 25);
    }

    void backgroundCoversPatientData()
    {
        auto *cover = qobject_cast<QQuickItem *>(find("privacyCover"));
        QVERIFY(cover);
        QVERIFY(!cover->isVisible());
        m_session->setObscured(true);
        QVERIFY(cover->isVisible());
        m_session->setObscured(false);
        QVERIFY(!cover->isVisible());
    }

    void lockingReturnsToTheSignInScreen()
    {
        m_session->lock();
        QVERIFY(!m_session->signedIn());
        QTRY_VERIFY(find("unlockScreen"));
    }

    void fiveWrongPinsLockTheUserOut()
    {
        for (int i = 0; i < 5; ++i) {
            m_session->unlock(m_nurseId, QStringLiteral("0000"));
            QTRY_VERIFY(!m_session->loading());
            QVERIFY(!m_session->signedIn());
        }
        QVERIFY(m_session->message().contains(QStringLiteral("locked out")));
        m_session->unlock(m_nurseId, QStringLiteral("3579"));
        QTRY_VERIFY(!m_session->loading());
        QVERIFY(!m_session->signedIn());
        QVERIFY(m_session->message().contains(QStringLiteral("locked out")));
        auto *message = find("unlockMessage");
        QVERIFY(message);
        QTRY_VERIFY(message->property("text").toString().contains(QStringLiteral("locked out")));
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_session.reset();
        m_thread.reset();
    }
};

QTEST_MAIN(TestApp)
#include "test_app.moc"
