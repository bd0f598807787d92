// Administration on the real QML app over a real encrypted registry: users and roles (add with a
// PIN entered twice, change a PIN, end a lockout, remove), the clinic policy editor (a refused
// value is named on its row, each save is a new version), server enrollment's validation, and
// switching the whole app to Spanish at run time. Every model passes QAbstractItemModelTester.

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "platform/keystore.h"
#include "qml/admin/admin_user_model.h"
#include "qml/admin/clinic_policy_model.h"
#include "qml/admin/enrollment_model.h"
#include "qml/app/language.h"
#include "qml/app/permissions.h"
#include "qml/app/session.h"
#include "qml/app/text_size.h"
#include "qml/measures/measures_model.h"
#include "tests/qml/quick_driver.h"
#include "tests/support/app_fixture.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;

class TestAdmin : public QObject {
    Q_OBJECT

    // The app as main() builds it, with the screen language not remembered.
    std::unique_ptr<testing::AppFixture> m_app;
    app::Session *m_session = nullptr;
    app::Language *m_language = nullptr;
    QQmlApplicationEngine *m_engine = nullptr;
    QString m_adminId;
    QString m_nurseId;

    // By objectName, in the QObject tree or the visual tree (delegates and pushed pages may be
    // only in the latter).
    QObject *find(const char *name) const
    {
        QObject *root = m_engine->rootObjects().first();
        if (QObject *found = root->findChild<QObject *>(QLatin1String(name)))
            return found;
        return testing::findItem(qobject_cast<QQuickWindow *>(root), QLatin1String(name), false);
    }

    // Texts of every visible item, walking the visual tree (pushed pages are not QObject children).
    QStringList visibleTexts() const
    {
        return testing::visibleTexts(qobject_cast<QQuickWindow *>(m_engine->rootObjects().first()));
    }

    int rowOfUser(const app::AdminUserModel &model, const QString &id) const
    {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.data(model.index(row), app::AdminUserModel::UserIdRole).toString() == id)
                return row;
        return -1;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        testing::AppFixtureOptions options;
        options.fileName = QStringLiteral("admin.db");
        options.users = {{QStringLiteral("Casey Clinician"), keys::Role::Clinician, QStringLiteral("1357")},
                         {QStringLiteral("Nico Nurse"), keys::Role::Nurse, QStringLiteral("3579")}};
        QString error;
        m_app = testing::AppFixture::make(options, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_adminId = m_app->userId(QStringLiteral("Alex Admin"));
        m_nurseId = m_app->userId(QStringLiteral("Nico Nurse"));
        m_session = &m_app->session();
        m_language = &m_app->app().language();
        m_engine = &m_app->engine();
        QTRY_VERIFY(find("unlockScreen"));
        QTRY_COMPARE(m_session->users()->rowCount(), 3);
    }

    // Each test starts in English, whatever language the one before left, and a QML component
    // that cannot be instantiated fails it.
    void init()
    {
        QVERIFY(m_language->setLanguage(QStringLiteral("en")));
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Component is not ready|Cannot instantiate")));
    }

    // QML's `Language` is the instance the app made, not one QML built for itself.
    void qmlSeesTheAppsLanguage()
    {
        const int typeId = qmlTypeId("Cairn", 1, 0, "Language");
        QVERIFY(typeId >= 0);
        QCOMPARE(m_engine->singletonInstance<app::Language *>(typeId), m_language);
        const QVariantList available = m_language->available();
        QCOMPARE(available.size(), 2);
        QCOMPARE(available.first().toMap().value(QStringLiteral("code")).toString(), QStringLiteral("en"));
    }

    // A user who needs larger text chooses it under the sign-in screen: every text grows at once
    // (and the layout with it), the choice shows as chosen, and Standard brings it back. QML's
    // TextSize is the app's, so --font-scale and the switch change the same size.
    void theTextSizeIsChosenUnderTheSignInScreen()
    {
        auto *window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        app::TextSize &size = m_app->app().textSize();
        QCOMPARE(m_engine->singletonInstance<app::TextSize *>(qmlTypeId("Cairn", 1, 0, "TextSize")), &size);
        QCOMPARE(size.scale(), 1.0);
        auto *larger = qobject_cast<QQuickItem *>(find("textSize_larger"));
        QVERIFY(larger);
        QTRY_VERIFY(larger->isVisible());
        QVERIFY(find("textSize_standard")->property("highlighted").toBool());
        // The prompt of the sign-in screen, as a user reads it.
        QQuickItem *prompt = nullptr;
        QTRY_VERIFY((prompt = testing::findText(window->contentItem(), QStringLiteral("Who is signing in?"))));
        const int before = prompt->property("font").value<QFont>().pixelSize();
        testing::tap(window, larger);
        QTRY_COMPARE(size.scale(), 1.3);
        QTRY_COMPARE(prompt->property("font").value<QFont>().pixelSize(), qRound(before * 1.3));
        QVERIFY(find("textSize_larger")->property("highlighted").toBool());
        QVERIFY(!find("textSize_standard")->property("highlighted").toBool());
        QVERIFY(!size.choose(0.5));  // out of range: nothing changes
        QCOMPARE(size.scale(), 1.3);
        testing::tap(window, qobject_cast<QQuickItem *>(find("textSize_standard")));
        QTRY_COMPARE(prompt->property("font").value<QFont>().pixelSize(), before);
        QCOMPARE(size.scale(), 1.0);
        // In Spanish, turned both ways: the choices are named in Spanish and stay chosen as they
        // were (the tour crashed here while the choices' names were built in their model).
        QVERIFY(m_language->setLanguage(QStringLiteral("es")));
        for (const QSize &turned : {QSize(800, 1280), QSize(1280, 800)}) {
            QVERIFY(testing::resize(window, turned));
            QTRY_COMPARE(find("textSize_larger")->property("text").toString(), QStringLiteral("Más grande"));
            QVERIFY(find("textSize_standard")->property("highlighted").toBool());
        }
        QVERIFY(m_language->setLanguage(QStringLiteral("en")));
        QTRY_COMPARE(find("textSize_larger")->property("text").toString(), QStringLiteral("Larger"));
    }

    void thePermissionTableDecidesWhoAdministers()
    {
        QVERIFY(app::Permissions::administers(QStringLiteral("administrator")));
        QVERIFY(app::Permissions::allows(QStringLiteral("administrator"), QStringLiteral("edit_policy")));
        for (const char *role : {"clinician", "nurse", "medical_assistant", "front_desk", "", "nonsense"})
            QVERIFY2(!app::Permissions::administers(QLatin1String(role)), role);
        // The registry manager administers one thing: importing patients (the FHIR file, the sheet).
        QVERIFY(app::Permissions::administers(QStringLiteral("registry_manager")));
        QVERIFY(app::Permissions::allows(QStringLiteral("registry_manager"), QStringLiteral("import_data")));
        QVERIFY(!app::Permissions::allows(QStringLiteral("registry_manager"), QStringLiteral("edit_policy")));
        QVERIFY(app::Permissions::allows(QStringLiteral("clinician"), QStringLiteral("view_patient")));
        QVERIFY(!app::Permissions::allows(QStringLiteral("administrator"), QStringLiteral("no_such_permission")));
    }

    void switchingToSpanishRetranslatesTheLiveScreens()
    {
        QVERIFY(find("unlockLanguageSwitch"));
        QVERIFY2(visibleTexts().contains(QStringLiteral("Who is signing in?")),
                 qPrintable(visibleTexts().join(QLatin1String(" | "))));
        QVERIFY(m_language->setLanguage(QStringLiteral("es")));
        QCOMPARE(m_language->current(), QStringLiteral("es"));
        QTRY_VERIFY2(visibleTexts().contains(QStringLiteral("¿Quién inicia sesión?")),
                     qPrintable(visibleTexts().join(QLatin1String(" | "))));
        QVERIFY(!visibleTexts().contains(QStringLiteral("Who is signing in?")));
        // The PIN pad's delete key, through the same QML.
        QVERIFY(visibleTexts().contains(QStringLiteral("Borrar")));
        // The switch itself, as a tap would use it.
        auto *english = find("language_en");
        QVERIFY(english);
        auto *englishItem = qobject_cast<QQuickItem *>(english);
        QVERIFY(englishItem);
        QTRY_VERIFY(englishItem->isVisible());
        testing::tap(qobject_cast<QQuickWindow *>(m_engine->rootObjects().first()), englishItem);
        QTRY_COMPARE(m_language->current(), QStringLiteral("en"));
        QTRY_VERIFY(visibleTexts().contains(QStringLiteral("Who is signing in?")));
        // The switch shows the language in force, however it was chosen (a tap must not freeze it).
        QVERIFY(find("language_en")->property("highlighted").toBool());
        QVERIFY(!find("language_es")->property("highlighted").toBool());
        QVERIFY(m_language->setLanguage(QStringLiteral("es")));
        QTRY_VERIFY(find("language_es")->property("highlighted").toBool());
        QVERIFY(!find("language_en")->property("highlighted").toBool());
        QVERIFY(m_language->setLanguage(QStringLiteral("en")));
        QVERIFY(!m_language->setLanguage(QStringLiteral("xx")));
        QCOMPARE(m_language->current(), QStringLiteral("en"));
    }

    void fiveWrongPinsLockANurseOut()
    {
        for (int i = 0; i < 5; ++i) {
            m_session->unlock(m_nurseId, QStringLiteral("0000"));
            QTRY_VERIFY(!m_session->loading());
            QVERIFY(!m_session->signedIn());
        }
    }

    void administratorSeesAdministration()
    {
        m_session->unlock(m_adminId, QStringLiteral("246810"));
        QTRY_VERIFY(!m_session->loading());
        QVERIFY2(m_session->signedIn(), qPrintable(m_session->message()));
        // The administrator lands on the measures; Administration is one of its destinations.
        QTRY_VERIFY(find("measuresScreen"));
        auto *window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        QVERIFY(testing::tapWhenReady(window, QStringLiteral("nav_administration")));
        QTRY_VERIFY(find("adminScreen"));
        QVERIFY(QMetaObject::invokeMethod(find("adminScreen"), "usersRequested"));
        QTRY_VERIFY(find("adminUsersScreen"));
        QTRY_COMPARE(find("adminUserList")->property("count").toInt(), 3);
        QVERIFY(QMetaObject::invokeMethod(find("adminScreen"), "policyRequested"));
        QTRY_VERIFY(find("adminPolicyScreen"));
        QTRY_COMPARE(find("policyVersion")->property("text").toString(),
                     QStringLiteral("Policy in force: version default-1"));
        QTRY_VERIFY(visibleTexts().contains(QStringLiteral("How often, by risk tier (days)")));  // a section title
        QVERIFY(QMetaObject::invokeMethod(find("adminScreen"), "enrollmentRequested"));
        QTRY_VERIFY(find("adminEnrollScreen"));
        QTRY_VERIFY(find("enrollmentStatus")->property("text").toString().startsWith(QStringLiteral("Not enrolled")));
        // In Spanish too.
        QVERIFY(m_language->setLanguage(QStringLiteral("es")));
        QTRY_VERIFY(find("enrollmentStatus")->property("text").toString().startsWith(QStringLiteral("Sin inscribir")));
        QVERIFY(m_language->setLanguage(QStringLiteral("en")));
    }

    void usersAreAddedWithAPinEnteredTwiceAndLockoutsEnd()
    {
        app::AdminUserModel users;
        QAbstractItemModelTester tester(&users, QAbstractItemModelTester::FailureReportingMode::QtTest);
        users.setSession(m_session);
        QTRY_COMPARE(users.rowCount(), 3);
        QCOMPARE(users.roleChoices().size(), 6);
        QCOMPARE(users.roleChoices().last().toMap().value(QStringLiteral("value")).toString(),
                 QStringLiteral("front_desk"));

        // The nurse is locked out, and an administrator ends it.
        const int nurse = rowOfUser(users, m_nurseId);
        QVERIFY(nurse >= 0);
        QVERIFY(users.data(users.index(nurse), app::AdminUserModel::LockedRole).toBool());
        users.resetLockout(m_nurseId);
        QTRY_VERIFY(!users.loading());
        QVERIFY2(!users.error(), qPrintable(users.message()));
        QTRY_VERIFY(!users.data(users.index(rowOfUser(users, m_nurseId)), app::AdminUserModel::LockedRole).toBool());

        // Two different PINs: refused before anything is written, naming the second entry.
        users.addUser(QStringLiteral("Mara Assistant"), QStringLiteral("medical_assistant"), QStringLiteral("8642"),
                      QStringLiteral("8643"));
        QVERIFY(users.error());
        QCOMPARE(users.errorField(), QStringLiteral("pinAgain"));
        QVERIFY(!users.loading());
        users.addUser(QString(), QStringLiteral("nurse"), QStringLiteral("8642"), QStringLiteral("8642"));
        QCOMPARE(users.errorField(), QStringLiteral("name"));
        users.addUser(QStringLiteral("Mara Assistant"), QStringLiteral("no_such_role"), QStringLiteral("8642"),
                      QStringLiteral("8642"));
        QCOMPARE(users.errorField(), QStringLiteral("role"));

        QSignalSpy succeeded(&users, &app::AdminUserModel::succeeded);
        users.addUser(QStringLiteral("Mara Assistant"), QStringLiteral("medical_assistant"), QStringLiteral("8642"),
                      QStringLiteral("8642"));
        QTRY_VERIFY(!users.loading());
        QVERIFY2(!users.error(), qPrintable(users.message()));
        QCOMPARE(succeeded.count(), 1);
        QTRY_COMPARE(users.rowCount(), 4);
        QTRY_COMPARE(m_session->users()->rowCount(), 4);  // the sign-in list too
        QString maraId;
        for (int row = 0; row < users.rowCount(); ++row)
            if (users.data(users.index(row), app::AdminUserModel::NameRole).toString() ==
                QStringLiteral("Mara Assistant"))
                maraId = users.data(users.index(row), app::AdminUserModel::UserIdRole).toString();
        QVERIFY(!maraId.isEmpty());
        QCOMPARE(users.data(users.index(rowOfUser(users, maraId)), app::AdminUserModel::RoleRole).toString(),
                 QStringLiteral("medical_assistant"));

        // A registry refusal (a PIN too weak for the registry, if any) comes back without loading stuck.
        users.changePin(maraId, QStringLiteral("97531"), QStringLiteral("97531"));
        QTRY_VERIFY(!users.loading());
        QVERIFY2(!users.error(), qPrintable(users.message()));
        QCOMPARE(succeeded.count(), 2);

        // The new PIN opens the registry for her (checked through the static API; no session change).
        auto reopened = registry::Registry::users(m_app->databasePath());
        QVERIFY(reopened.ok());

        users.removeUser(maraId);
        QTRY_VERIFY(!users.loading());
        QVERIFY2(!users.error(), qPrintable(users.message()));
        QTRY_COMPARE(users.rowCount(), 3);
        QTRY_COMPARE(m_session->users()->rowCount(), 3);

        // Removing someone who does not exist: an error, loading reset.
        users.removeUser(QStringLiteral("no-such-user"));
        QTRY_VERIFY(!users.loading());
        QVERIFY(users.error());
    }

    void policyEditsAreValidatedAndEachSaveIsANewVersion()
    {
        app::ClinicPolicyModel policy;
        QAbstractItemModelTester tester(&policy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        policy.setSession(m_session);
        QTRY_COMPARE(policy.version(), QStringLiteral("default-1"));
        QVERIFY(policy.rowCount() > 30);
        const int udsHigh = policy.rowOf(QStringLiteral("intervals_days.uds.high"));
        QVERIFY(udsHigh >= 0);
        QCOMPARE(policy.data(policy.index(udsHigh), app::ClinicPolicyModel::TextRole).toString(), QStringLiteral("90"));

        // Nothing changed: nothing saved.
        policy.save();
        QVERIFY(!policy.loading());
        QCOMPARE(policy.version(), QStringLiteral("default-1"));

        // Out of range: refused, the message on the row it names, nothing saved.
        policy.setValue(udsHigh, QStringLiteral("5000"));
        QCOMPARE(policy.changedCount(), 1);
        policy.save();
        QTRY_VERIFY(!policy.loading());
        QVERIFY(policy.error());
        const QString fieldError =
            policy.data(policy.index(udsHigh), app::ClinicPolicyModel::FieldErrorRole).toString();
        QVERIFY2(fieldError.contains(QStringLiteral("3650")), qPrintable(fieldError));
        QCOMPARE(policy.version(), QStringLiteral("default-1"));
        QCOMPARE(policy.changedCount(), 1);

        // Not a number at all: also named on its row.
        const int dueSoon = policy.rowOf(QStringLiteral("due_soon_days"));
        policy.setValue(udsHigh, QStringLiteral("60"));
        policy.setValue(dueSoon, QStringLiteral("soon"));
        policy.save();
        QTRY_VERIFY(!policy.loading());
        QVERIFY(policy.error());
        QVERIFY(!policy.data(policy.index(dueSoon), app::ClinicPolicyModel::FieldErrorRole).toString().isEmpty());
        QVERIFY(policy.data(policy.index(udsHigh), app::ClinicPolicyModel::FieldErrorRole).toString().isEmpty());

        // Valid: saved as clinic-1.
        policy.setValue(dueSoon, QStringLiteral("21"));
        QSignalSpy saved(&policy, &app::ClinicPolicyModel::saved);
        policy.save();
        QTRY_VERIFY(!policy.loading());
        QVERIFY2(!policy.error(), qPrintable(policy.message()));
        QCOMPARE(policy.version(), QStringLiteral("clinic-1"));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(policy.changedCount(), 0);
        QCOMPARE(policy
                     .data(policy.index(policy.rowOf(QStringLiteral("intervals_days.uds.high"))),
                           app::ClinicPolicyModel::TextRole)
                     .toString(),
                 QStringLiteral("60"));

        // Weekdays and switches: a second save is clinic-2, and the registry has it.
        policy.setValueByKey(QStringLiteral("refill.no_fill_weekdays.wednesday"), true);
        policy.setValueByKey(QStringLiteral("naloxone.with_benzodiazepine"), false);
        const QJsonObject overrides = policy.overrides();
        QCOMPARE(overrides.value(QStringLiteral("refill"))
                     .toObject()
                     .value(QStringLiteral("no_fill_weekdays"))
                     .toArray()
                     .size(),
                 3);
        policy.save();
        QTRY_VERIFY(!policy.loading());
        QVERIFY2(!policy.error(), qPrintable(policy.message()));
        QCOMPARE(policy.version(), QStringLiteral("clinic-2"));
        app::ClinicPolicyModel reread;
        reread.setSession(m_session);
        QTRY_COMPARE(reread.version(), QStringLiteral("clinic-2"));
        QVERIFY(reread
                    .data(reread.index(reread.rowOf(QStringLiteral("refill.no_fill_weekdays.wednesday"))),
                          app::ClinicPolicyModel::CheckedRole)
                    .toBool());
        QVERIFY(!reread
                     .data(reread.index(reread.rowOf(QStringLiteral("naloxone.with_benzodiazepine"))),
                           app::ClinicPolicyModel::CheckedRole)
                     .toBool());
        QCOMPARE(
            reread.data(reread.index(reread.rowOf(QStringLiteral("due_soon_days"))), app::ClinicPolicyModel::TextRole)
                .toString(),
            QStringLiteral("21"));
    }

    // The administrator edits the definition of long-term therapy, the PDMP interval (which is also
    // the PDMP measure's window) and the targets in the policy editor; a clinician's measures screen
    // then uses them and names the version.
    void ltotAndMeasureRowsAreEditedAndTheMeasuresFollow()
    {
        app::ClinicPolicyModel policy;
        policy.setSession(m_session);
        QTRY_COMPARE(policy.version(), QStringLiteral("clinic-2"));
        const int target = policy.rowOf(QStringLiteral("measures.targets.pdmp_90d"));
        const int noTarget = policy.rowOf(QStringLiteral("measures.targets.acute_to_long_term"));
        const int lookback = policy.rowOf(QStringLiteral("ltot_definition.lookback_days"));
        const int flag = policy.rowOf(QStringLiteral("ltot_definition.count_clinician_flag"));
        QList<int> pdmpInterval;
        for (const char *tier : {"low", "moderate", "high"})
            pdmpInterval << policy.rowOf(QStringLiteral("intervals_days.pdmp.") + QLatin1String(tier));
        QVERIFY(target >= 0 && noTarget >= 0 && lookback >= 0 && flag >= 0 && !pdmpInterval.contains(-1));
        // No separate window for a measure that matches a gap: the interval's row says it sets it.
        QCOMPARE(policy.rowOf(QStringLiteral("measures.windows_days.pdmp")), -1);
        QVERIFY(policy.rowOf(QStringLiteral("measures.windows_days.pdmp_twice")) >= 0);
        QVERIFY(policy.data(policy.index(pdmpInterval.first()), app::ClinicPolicyModel::HintRole)
                    .toString()
                    .contains(QStringLiteral("measure")));
        QCOMPARE(policy.data(policy.index(target), app::ClinicPolicyModel::TextRole).toString(), QStringLiteral("90"));
        QCOMPARE(policy.data(policy.index(noTarget), app::ClinicPolicyModel::TextRole).toString(), QString());
        QVERIFY(policy.data(policy.index(flag), app::ClinicPolicyModel::CheckedRole).toBool());
        QVERIFY(policy.data(policy.index(target), app::ClinicPolicyModel::SectionRole).toString() !=
                policy.data(policy.index(lookback), app::ClinicPolicyModel::SectionRole).toString());

        // A target above 100 %: refused on its row, nothing saved.
        policy.setValue(target, QStringLiteral("120"));
        policy.setValue(lookback, QStringLiteral("120"));
        policy.save();
        QTRY_VERIFY(!policy.loading());
        QVERIFY(policy.error());
        QVERIFY(!policy.data(policy.index(target), app::ClinicPolicyModel::FieldErrorRole).toString().isEmpty());
        QCOMPARE(policy.version(), QStringLiteral("clinic-2"));

        policy.setValue(target, QStringLiteral("75"));
        for (int row : std::as_const(pdmpInterval))
            policy.setValue(row, QStringLiteral("60"));
        policy.setValue(flag, false);
        policy.save();
        QTRY_VERIFY(!policy.loading());
        QVERIFY2(!policy.error(), qPrintable(policy.message()));
        QCOMPARE(policy.version(), QStringLiteral("clinic-3"));
        QCOMPARE(policy.data(policy.index(lookback), app::ClinicPolicyModel::TextRole).toString(),
                 QStringLiteral("120"));

        // A clinician's measures use the new version's window and target.
        m_session->lock();
        QTRY_VERIFY(!m_session->loading());
        QString clinicianId;
        for (const auto &u : m_session->users()->users())
            if (u.role == keys::Role::Clinician)
                clinicianId = u.id;
        m_session->unlock(clinicianId, QStringLiteral("1357"));
        QTRY_VERIFY(m_session->signedIn());
        app::MeasuresModel measures;
        measures.setToday(QDate(2026, 11, 23));
        measures.setSession(m_session);
        QTRY_VERIFY_WITH_TIMEOUT(!measures.loading() && measures.rowCount() > 0, 120000);
        QVERIFY2(!measures.error(), qPrintable(measures.message()));
        QCOMPARE(measures.policyVersion(), QStringLiteral("clinic-3"));
        bool seen = false;
        for (int row = 0; row < measures.rowCount(); ++row) {
            const QModelIndex index = measures.index(row);
            if (measures.data(index, app::MeasuresModel::MeasureIdRole).toString() != QLatin1String("pdmp_90d"))
                continue;
            seen = true;
            QCOMPARE(measures.data(index, app::MeasuresModel::TargetRole).toDouble(), 75.0);
            QVERIFY2(measures.data(index, app::MeasuresModel::LabelRole).toString().contains(QStringLiteral("60")),
                     qPrintable(measures.data(index, app::MeasuresModel::LabelRole).toString()));
        }
        QVERIFY(seen);
        m_session->lock();
        QTRY_VERIFY(!m_session->loading());
        m_session->unlock(m_adminId, QStringLiteral("246810"));
        QTRY_VERIFY(m_session->signedIn());
    }

    void enrollmentNamesTheFieldAtFault()
    {
        app::EnrollmentModel enrollment;
        enrollment.setSession(m_session);
        QTRY_VERIFY(!enrollment.loading());
        QVERIFY(!enrollment.enrolled());

        enrollment.enroll(QStringLiteral("http://insecure.example"), QStringLiteral("/nowhere.pem"),
                          QStringLiteral("CODE"));
        QCOMPARE(enrollment.errorField(), QStringLiteral("server"));
        QVERIFY(!enrollment.loading());
        enrollment.enroll(QStringLiteral("https://sync.example.org"), QString(), QStringLiteral("CODE"));
        QCOMPARE(enrollment.errorField(), QStringLiteral("ca"));
        enrollment.enroll(QStringLiteral("https://sync.example.org"), QStringLiteral("/nowhere.pem"), QString());
        QCOMPARE(enrollment.errorField(), QStringLiteral("code"));

        // On the database thread: a missing PEM file and pasted text that is no certificate.
        enrollment.enroll(QStringLiteral("https://sync.example.org"),
                          QFileInfo(m_app->databasePath()).dir().filePath(QStringLiteral("missing.pem")),
                          QStringLiteral("CODE"));
        QVERIFY(enrollment.loading());
        QTRY_VERIFY(!enrollment.loading());
        QVERIFY(enrollment.error());
        QCOMPARE(enrollment.errorField(), QStringLiteral("ca"));
        enrollment.enroll(QStringLiteral("https://sync.example.org"),
                          QStringLiteral("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----"),
                          QStringLiteral("CODE"));
        QTRY_VERIFY(!enrollment.loading());
        QCOMPARE(enrollment.errorField(), QStringLiteral("ca"));
        QVERIFY(!enrollment.enrolled());
    }

    void aClinicianSeesNoAdministration()
    {
        m_session->lock();
        QTRY_VERIFY(find("unlockScreen"));
        QTRY_VERIFY(!m_session->loading());
        QString clinicianId;
        for (const auto &u : m_session->users()->users())
            if (u.role == keys::Role::Clinician)
                clinicianId = u.id;
        m_session->unlock(clinicianId, QStringLiteral("1357"));
        QTRY_VERIFY(m_session->signedIn());
        QTRY_VERIFY(find("huddleScreen"));
        auto *window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        QVERIFY(!testing::findItem(window, QStringLiteral("nav_administration"), false));
        // The registry refuses too, whatever a view model is asked.
        app::ClinicPolicyModel policy;
        policy.setSession(m_session);
        QTRY_VERIFY(!policy.version().isEmpty());
        policy.setValueByKey(QStringLiteral("due_soon_days"), QStringLiteral("7"));
        policy.save();
        QTRY_VERIFY(!policy.loading());
        QVERIFY(policy.error());
        m_session->lock();
    }

    void cleanupTestCase() { m_app.reset(); }
};

QTEST_MAIN(TestAdmin)
#include "test_admin.moc"
