// The clinic's Six Building Blocks self-assessment on the real QML app over a real encrypted
// registry (issue 17 item 6): a nurse and a registry manager each answer the round from Today
// (Save is offered only once every statement is scored, nothing is chosen beforehand), the
// results show each block's average and who answered by role, the registry manager turns the low
// statement into an action-plan item owned by nurses, and the nurse's Today then shows it as due.

#include "qml/app/session.h"
#include "tests/qml/quick_driver.h"
#include "tests/qml/sign_in.h"
#include "tests/support/app_fixture.h"
#include "tests/support/test_team.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;

using namespace cairn::testing::team;

namespace {
const QString kLowItem = QStringLiteral("policies.agreements");
}  // namespace

class TestSelfAssessmentScreen : public QObject {
    Q_OBJECT

    std::unique_ptr<testing::AppFixture> m_app;
    app::Session *m_session = nullptr;

    QQuickWindow *window() const { return m_app->window(); }
    QQuickItem *item(const QString &name) const { return testing::findItem(window(), name, false); }

    void signIn(const QString &name, const QString &pin)
    {
        QVERIFY2(testing::signInDirectly(*m_session, m_app->userId(name), pin), qPrintable(m_session->message()));
    }

    // From Today, as every role reaches it.
    void openSelfAssessment()
    {
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("nav_today")));
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("openSelfAssessment")));
        QTRY_VERIFY(item(QStringLiteral("selfAssessmentScreen")));
        QObject *model =
            item(QStringLiteral("selfAssessmentScreen"))->findChild<QObject *>(QStringLiteral("selfAssessmentModel"));
        QVERIFY(model);
        QTRY_VERIFY(model->property("itemCount").toInt() > 0 && !model->property("loading").toBool());
    }

    QObject *model() const
    {
        return item(QStringLiteral("selfAssessmentScreen"))
            ->findChild<QObject *>(QStringLiteral("selfAssessmentModel"));
    }

    // Scores every statement `score` (the low one `low`), the first by a tap and the rest as a tap
    // does (ScaleField.choose: the list is longer than the window); Save is offered only at the end.
    void answerEverything(int score, int low)
    {
        QQuickItem *save = item(QStringLiteral("saveSelfAssessment"));
        QVERIFY(save);
        QVERIFY(!save->isEnabled());
        const QVariantList items = model()->property("items").toList();
        QVERIFY(
            testing::tapWhenReady(window(), QStringLiteral("score_%1_%2")
                                                .arg(items.first().toMap().value(QStringLiteral("itemId")).toString())
                                                .arg(score)));
        for (qsizetype i = 1; i < items.size(); ++i) {
            QVERIFY(!save->isEnabled());
            const QString id = items[i].toMap().value(QStringLiteral("itemId")).toString();
            QQuickItem *field = item(QStringLiteral("score_") + id);
            QVERIFY2(field, qPrintable(id));
            QCOMPARE(field->property("value").toInt(), -1);  // nothing chosen beforehand
            QVERIFY(QMetaObject::invokeMethod(field, "choose", Q_ARG(int, id == kLowItem ? low : score)));
        }
        QTRY_VERIFY(save->isEnabled());
        QVERIFY(QMetaObject::invokeMethod(save, "clicked"));
        QTRY_COMPARE(item(QStringLiteral("selfAssessmentScreen"))->property("part").toInt(), 1);  // the results
        QTRY_VERIFY(!model()->property("loading").toBool());
    }

    QStringList texts() const { return testing::visibleTexts(window()); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        testing::AppFixtureOptions options;
        options.fileName = QStringLiteral("assessment.db");
        options.users = {{kNurse, keys::Role::Nurse, kNursePin}, {kManager, keys::Role::RegistryManager, kManagerPin}};
        QString error;
        m_app = testing::AppFixture::make(options, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_session = &m_app->session();
        QTRY_VERIFY(item(QStringLiteral("unlockScreen")));
        QTRY_COMPARE(m_session->users()->rowCount(), 3);
    }

    void init()
    {
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("Component is not ready|Cannot instantiate|TypeError|ReferenceError")));
    }

    // Opened from Measures, the self-assessment stays open when the tablet is turned: turning it
    // closes only a measure's own page (it once closed every page above Measures).
    void turningTheTabletKeepsTheSelfAssessmentOpenedFromMeasures()
    {
        signIn(kManager, kManagerPin);  // Measures is one of her destinations
        QVERIFY(testing::resize(window(), QSize(1280, 800)));
        QTRY_VERIFY(testing::findItem(window(), QStringLiteral("nav_measures")));
        QVERIFY(QMetaObject::invokeMethod(testing::findItem(window(), QStringLiteral("nav_measures")), "clicked"));
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("measuresSelfAssessment")));
        QTRY_VERIFY(item(QStringLiteral("selfAssessmentScreen")));
        QVERIFY(testing::resize(window(), QSize(800, 1280)));
        QVERIFY(testing::resize(window(), QSize(1280, 800)));
        QTest::qWait(200);  // a page popped on the turn would be gone by now
        QQuickItem *screen = item(QStringLiteral("selfAssessmentScreen"));
        QVERIFY(screen);
        QVERIFY(screen->isVisible());
    }

    void twoRolesAnswerAndTheBlockAveragesShow()
    {
        signIn(kNurse, kNursePin);
        openSelfAssessment();
        QCOMPARE(model()->property("round").toString(), QStringLiteral("2026-Q1"));  // the clinic's quarter
        answerEverything(3, 1);
        signIn(kManager, kManagerPin);
        openSelfAssessment();
        answerEverything(4, 2);

        // Leadership: 3 and 4 -> 3.5; policies: (3+3+3+1 + 4+4+4+2) / 8 = 3.0; agreements 1.5.
        QTRY_VERIFY(item(QStringLiteral("blockAverage_leadership")));
        const QStringList shown = texts();
        QVERIFY2(shown.contains(QStringLiteral("3.5")), qPrintable(shown.join(QLatin1Char('|'))));
        QVERIFY(shown.contains(QStringLiteral("3.0")));
        QVERIFY2(shown.join(QLatin1Char('|'))
                     .contains(QStringLiteral("2026-Q1: 2 respondents (1 Nurse, 1 Registry manager)")),
                 qPrintable(shown.join(QLatin1Char('|'))));
        const QVariantList candidates = model()->property("candidates").toList();
        QCOMPARE(candidates.size(), 1);
        QCOMPARE(candidates.first().toMap().value(QStringLiteral("itemId")).toString(), kLowItem);
    }

    void aLowStatementBecomesAnActionItemDueOnItsOwnersToday()
    {
        QQuickItem *screen = item(QStringLiteral("selfAssessmentScreen"));
        QVERIFY(screen);
        screen->setProperty("part", 2);
        QTRY_VERIFY(item(QStringLiteral("addActionItem")) && item(QStringLiteral("addActionItem"))->isVisible());
        QQuickItem *add = item(QStringLiteral("addActionButton"));
        QVERIFY(!add->isEnabled());
        item(QStringLiteral("actionCandidate"))->setProperty("currentIndex", 0);
        item(QStringLiteral("actionText"))->setProperty("text", QStringLiteral("Review every agreement at the huddle"));
        item(QStringLiteral("actionOwner"))->setProperty("currentIndex", 1);  // nurses (the roles in the table's order)
        item(QStringLiteral("actionDue"))->setProperty("date", QDateTime(QDate(2026, 3, 9), QTime(12, 0)));
        QTRY_VERIFY(add->isEnabled());
        QVERIFY(QMetaObject::invokeMethod(add, "clicked"));
        QTRY_VERIFY(item(QStringLiteral("actionItem_") + kLowItem));
        QVERIFY(texts().contains(QStringLiteral("Review every agreement at the huddle")));
        // Changed later: the form comes back with the item's values, and saving makes a new version.
        QVERIFY(QMetaObject::invokeMethod(item(QStringLiteral("actionEdit_") + kLowItem), "clicked"));
        QCOMPARE(item(QStringLiteral("actionText"))->property("text").toString(),
                 QStringLiteral("Review every agreement at the huddle"));
        QCOMPARE(item(QStringLiteral("actionDue"))->property("isoDate").toString(), QStringLiteral("2026-03-09"));
        item(QStringLiteral("actionText"))
            ->setProperty("text", QStringLiteral("Review every agreement at Monday's huddle"));
        QVERIFY(QMetaObject::invokeMethod(add, "clicked"));
        QTRY_VERIFY(texts().contains(QStringLiteral("Review every agreement at Monday's huddle")));
        QTRY_VERIFY(!texts().contains(QStringLiteral("Review every agreement at the huddle")));
        // Not the registry manager's to do: nothing is due on their Today.
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("nav_today")));
        QTRY_VERIFY(item(QStringLiteral("huddleActionPlanDue")));
        QVERIFY(!item(QStringLiteral("huddleActionPlanDue"))->isVisible());

        signIn(kNurse, kNursePin);
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("nav_today")));
        QTRY_VERIFY(item(QStringLiteral("huddleActionPlanDue")) &&
                    item(QStringLiteral("huddleActionPlanDue"))->isVisible());
        QVERIFY(texts().contains(QStringLiteral("1 action-plan item due for you")));
    }
};

QTEST_MAIN(TestSelfAssessmentScreen)
#include "test_self_assessment_screen.moc"
