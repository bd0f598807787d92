// The rendered-scene check (issue 11): the real app over a seeded registry, signed in as each role,
// on each of its destinations, in landscape (1280×800) and portrait (800×1280), in English and
// Spanish. On every one, no text in the app bar, the patient banner or a list row's name column
// is elided or cut off, and every control a finger can reach is at least 48×48 px and has an
// accessible name (tests/qml/scene_check.h). First the check is shown to catch a bad item.

#include "core/synthetic/synthetic_clinic.h"
#include "qml/app/navigation.h"
#include "qml/huddle/huddle_model.h"
#include "tests/qml/quick_driver.h"
#include "tests/qml/scene_check.h"
#include "tests/support/app_fixture.h"

#include <QAccessible>
#include <QFont>
#include <QQmlComponent>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQmlIncubationController>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;

class TestSceneCheck : public QObject {
    Q_OBJECT

    std::unique_ptr<testing::AppFixture> m_app;
    QQuickWindow *m_window = nullptr;
    QMap<keys::Role, QPair<QString, QString>> m_users;  // role → id, PIN

    QObject *find(const char *name) const { return m_app->find(QLatin1String(name)); }

    // Nothing on screen is still reading: no view model (or the session) is loading and no page
    // is sliding in.
    bool settled() const
    {
        QObject *root = m_app->engine().rootObjects().first();
        if (m_app->session().loading())
            return false;
        // List delegates made ahead of scrolling are built a little each frame: wait for them.
        if (const QQmlIncubationController *incubating = m_app->engine().incubationController())
            if (incubating->incubatingObjectCount() > 0)
                return false;
        for (QObject *o : root->findChildren<QObject *>())
            if (o->property("loading").toBool() || (o->inherits("QQuickStackView") && o->property("busy").toBool()))
                return false;
        return true;
    }

    void settle()
    {
        QVERIFY(testing::waitFor([&] { return settled(); }));
        // Layouts polish as a frame is made: render until two frames in a row leave nothing to do
        // (a delegate made during a resize is laid out on the next one).
        for (int i = 0; i < 4; ++i) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCoreApplication::processEvents();
            QQuickTest::qWaitForPolish(m_window);
            m_window->grabWindow();
        }
    }

    void signIn(keys::Role role)
    {
        if (m_app->session().signedIn()) {
            m_app->session().lock();
            QTRY_VERIFY_WITH_TIMEOUT(!m_app->session().loading(), 120000);
        }
        const auto [id, pin] = m_users.value(role);
        m_app->session().unlock(id, pin);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->session().loading(), 120000);
        QVERIFY2(m_app->session().signedIn(), qPrintable(m_app->session().message()));
        QTRY_VERIFY(find("navigation")->property("count").toInt() > 0);
    }

    QStringList checkHere(const QString &where)
    {
        settle();
        // What a user would see is the scene at rest: check again after another frame until two
        // checks agree (a delegate made during a resize has its size only on a later frame).
        QStringList found = testing::checkScene(m_window);
        for (int i = 0; i < 10; ++i) {
            // Delegates a model reset replaced go first (they are deleted later, not at once).
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCoreApplication::processEvents();
            QQuickTest::qWaitForPolish(m_window);
            m_window->grabWindow();
            testing::waitFor([&] { return settled(); });
            const QStringList again = testing::checkScene(m_window);
            if (again == found)
                break;
            found = again;
        }
        QStringList problems;
        for (const QString &p : found)
            problems << where + QStringLiteral(": ") + p;
        return problems;
    }

private slots:
    void initTestCase()
    {
        // Controls give themselves their default accessible names only while accessibility is on.
        QAccessible::setActive(true);
        testing::AppFixtureOptions options;
        options.users = {{QStringLiteral("Max Assistant"), keys::Role::MedicalAssistant, QStringLiteral("1111")},
                         {QStringLiteral("Nico Nurse"), keys::Role::Nurse, QStringLiteral("3579")},
                         {QStringLiteral("Casey Clinician"), keys::Role::Clinician, QStringLiteral("1357")},
                         {QStringLiteral("Riley Registry"), keys::Role::RegistryManager, QStringLiteral("2468")},
                         {QStringLiteral("Frankie Front-Desk"), keys::Role::FrontDesk, QStringLiteral("8642")}};
        synthetic::Options clinic;
        clinic.patients = 30;
        clinic.seed = 11;
        options.clinic = clinic;
        QString error;
        m_app = testing::AppFixture::make(options, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_window = m_app->window();
        QVERIFY(m_window);
        for (const auto &user : options.users)
            m_users.insert(user.role, {m_app->userId(user.name), user.pin});
        m_users.insert(keys::Role::Administrator, {m_app->userId(options.adminName), options.adminPin});
        QTRY_COMPARE(m_app->session().users()->rowCount(), 6);
    }

    // The check is not one that cannot fail: a name cut to fit, a tiny unnamed button and a title
    // run out of the app bar are each reported.
    void theCheckCatchesABadItem()
    {
        signIn(keys::Role::Clinician);
        QVERIFY(testing::resize(m_window, QSize(1280, 800)));
        QTRY_VERIFY(testing::findItem(m_window, QStringLiteral("huddleScreen")));
        const QStringList before = checkHere(QStringLiteral("here"));

        QQmlComponent bad(&m_app->engine());
        bad.setData(R"(
            import QtQuick
            import QtQuick.Controls
            Item {
                anchors.fill: parent
                Label {
                    objectName: "listRowTitle"
                    x: 300; y: 300; width: 60
                    text: "Alexandra Montgomery-Featherstonehaugh"
                    elide: Text.ElideRight
                }
                Button { x: 300; y: 400; width: 30; height: 30 }
                Label {
                    objectName: "appBar"
                    x: parent.width - 40; y: 420
                    text: "A title that runs out of the window"
                }
            })",
                    QUrl(QStringLiteral("bad.qml")));
        QVERIFY2(bad.isReady(), qPrintable(bad.errorString()));
        std::unique_ptr<QObject> object(bad.create());
        auto *item = qobject_cast<QQuickItem *>(object.get());
        QVERIFY(item);
        item->setParentItem(m_window->contentItem());
        QStringList added = checkHere(QStringLiteral("here"));
        for (const QString &p : before)
            added.removeAll(p);
        const QString found = added.join(QLatin1Char('\n'));
        QVERIFY2(found.contains(QStringLiteral("elided text")) && found.contains(QStringLiteral("Alexandra")),
                 qPrintable(found));
        QVERIFY2(found.contains(QStringLiteral("target under 48×48")), qPrintable(found));
        QVERIFY2(found.contains(QStringLiteral("no accessible name")), qPrintable(found));
        QVERIFY2(found.contains(QStringLiteral("runs past the window")), qPrintable(found));
        object.reset();
        QCOMPARE(checkHere(QStringLiteral("here")), before);
    }

    // Every role, each of its destinations, both orientations, both languages: the problems found.
    QStringList everyDestinationsProblems(const QString &label)
    {
        QStringList problems;
        for (keys::Role role : keys::kAllRoles) {
            signIn(role);
            const QString roleName = keys::toString(role);
            const QList<app::Navigation::Destination> destinations = app::Navigation::destinationsFor(roleName);
            if (destinations.isEmpty() || destinations.size() > 5)
                problems << roleName + QStringLiteral(": %1 destinations").arg(destinations.size());
            for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
                if (!m_app->app().language().setLanguage(language))
                    problems << QStringLiteral("no language ") + language;
                for (const QSize size : {QSize(1280, 800), QSize(800, 1280)}) {
                    if (!testing::resize(m_window, size))
                        problems << QStringLiteral("could not turn the window");
                    for (app::Navigation::Destination d : destinations) {
                        const QString name = app::Navigation::objectNameFor(d);
                        if (!testing::waitFor([&] { return testing::findItem(m_window, name) != nullptr; }) ||
                            !QMetaObject::invokeMethod(testing::findItem(m_window, name), "clicked")) {
                            problems << QStringLiteral("no destination ") + name;
                            continue;
                        }
                        const QString where = QStringLiteral("%1%2 %3 %4×%5 %6")
                                                  .arg(label, roleName, name)
                                                  .arg(size.width())
                                                  .arg(size.height())
                                                  .arg(language);
                        problems += checkHere(where);
                    }
                }
            }
            m_app->app().language().setLanguage(QStringLiteral("en"));
        }
        return problems;
    }

    void everyDestinationOfEveryRoleIsWholeAndTappable()
    {
        const QStringList problems = everyDestinationsProblems(QString());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // With large text (1.3× the type scale, as a user with a large system font has it): the same
    // check on every destination of every role.
    void atLargeTextEveryDestinationIsWholeAndTappable()
    {
        QVERIFY(!m_app->app().setFontScale(0.5));  // out of range: refused
        QVERIFY(m_app->app().setFontScale(1.3));
        signIn(keys::Role::Clinician);
        QVERIFY(QMetaObject::invokeMethod(testing::findItem(m_window, QStringLiteral("nav_today")), "clicked"));
        // The text did grow: the app bar's title is 1.3 × 24 px.
        QQuickItem *title = nullptr;
        QTRY_VERIFY((title = testing::findItem(m_window, QStringLiteral("screenTitle"))));
        QTRY_COMPARE(title->property("font").value<QFont>().pixelSize(), 31);
        const QStringList problems = everyDestinationsProblems(QStringLiteral("1.3× "));
        QVERIFY(m_app->app().setFontScale(1.0));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // A patient open: on Today beside the list (landscape) and pushed from Patients (portrait), with
    // the patient banner when the patient screen has one; and the sign-in screen.
    void aPatientOpenAndTheSignInScreenAreWholeAndTappable()
    {
        QStringList problems;
        signIn(keys::Role::MedicalAssistant);
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
            QVERIFY(m_app->app().language().setLanguage(language));
            QVERIFY(testing::resize(m_window, QSize(1280, 800)));
            QVERIFY(QMetaObject::invokeMethod(testing::findItem(m_window, QStringLiteral("nav_today")), "clicked"));
            settle();
            // Everyone's rows, on the first day from today with a booking.
            QQuickItem *today = testing::findItem(m_window, QStringLiteral("huddleScreen"));
            QVERIFY(today);
            QObject *huddle = today->findChild<QObject *>(QStringLiteral("huddleModel"));
            QVERIFY(huddle);
            huddle->setProperty("roleFilter", QStringLiteral("all"));
            for (int day = 0; day < 30 && huddle->property("count").toInt() == 0; ++day) {
                QVERIFY(QMetaObject::invokeMethod(huddle, "shiftDay", Q_ARG(int, 1)));
                settle();
            }
            QObject *list = testing::findItem(m_window, QStringLiteral("huddleList"));
            QTRY_VERIFY(list && list->property("count").toInt() > 0);
            auto *model = qvariant_cast<QAbstractItemModel *>(list->property("model"));
            const QString patientId = model->index(0, 0).data(app::HuddleModel::PatientIdRole).toString();
            QVERIFY(QMetaObject::invokeMethod(today, "choose", Q_ARG(QString, patientId)));
            QTRY_VERIFY(testing::findItem(m_window, QStringLiteral("patientScreen")));
            problems += checkHere(QStringLiteral("today with a patient 1280×800 ") + language);

            QVERIFY(testing::resize(m_window, QSize(800, 1280)));
            QVERIFY(QMetaObject::invokeMethod(testing::findItem(m_window, QStringLiteral("nav_patients")), "clicked"));
            QTRY_VERIFY(testing::findItem(m_window, QStringLiteral("patientListScreen")));
            QVERIFY(QMetaObject::invokeMethod(testing::findItem(m_window, QStringLiteral("patientListScreen")),
                                              "patientChosen", Q_ARG(QString, patientId)));
            QTRY_VERIFY(testing::findItem(m_window, QStringLiteral("patientScreen")));
            problems += checkHere(QStringLiteral("patient 800×1280 ") + language);
            // Back to the list for the next language.
            QQmlExpression pop(qmlContext(m_window), m_window, QStringLiteral("currentStack.pop(null)"));
            pop.evaluate();
        }
        m_app->session().lock();
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
            QVERIFY(m_app->app().language().setLanguage(language));
            for (const QSize size : {QSize(1280, 800), QSize(800, 1280)}) {
                QVERIFY(testing::resize(m_window, size));
                QTRY_VERIFY(testing::findItem(m_window, QStringLiteral("unlockScreen")));
                problems +=
                    checkHere(QStringLiteral("sign-in %1×%2 %3").arg(size.width()).arg(size.height()).arg(language));
            }
        }
        QVERIFY(m_app->app().language().setLanguage(QStringLiteral("en")));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase()
    {
        m_window = nullptr;
        m_app.reset();
    }
};

QTEST_MAIN(TestSceneCheck)
#include "test_scene_check.moc"
