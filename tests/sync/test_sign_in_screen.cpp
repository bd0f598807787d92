// A clinic user's first sign-in through the real unlock screen: the real QML over a tablet enrolled
// with a real cairn-server process (TLS on loopback). "First time on this tablet?" appears only on
// an enrolled tablet; the server's refusal is shown in words; the right name and PIN sign the user
// in, and afterwards their name is in the tablet's list for offline sign-ins.

#include "core/registry/registry_thread.h"
#include "qml/app/language.h"
#include "qml/app/session.h"
#include "tests/qml/quick_driver.h"
#include "tests/support/result_checks.h"
#include "tests/support/sync_fixture.h"
#include "tools/sync_harness/sync_harness.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cmath>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;
using namespace cairn::testing;

class TestSignInScreen : public QObject {
    Q_OBJECT

    SyncFixture m_sync;
    registry::SystemClock m_clock;
    std::unique_ptr<Tablet> m_tablet;
    std::unique_ptr<registry::RegistryThread> m_thread;
    std::unique_ptr<app::Session> m_session;
    app::Language m_language{false};
    std::unique_ptr<QQmlApplicationEngine> m_engine;

    QQuickItem *item(const char *name) const
    {
        return m_engine->rootObjects().first()->findChild<QQuickItem *>(QLatin1String(name));
    }

    // A tap at the item's centre, as a finger would.
    static void tap(QQuickItem *target)
    {
        QVERIFY(target);
        QTRY_VERIFY(target->isVisible() && target->isEnabled());
        const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
        QTest::mouseClick(target->window(), Qt::LeftButton, {}, centre.toPoint());
    }

    // WCAG 2.2's contrast ratio of two colours.
    static double contrast(const QColor &a, const QColor &b)
    {
        const auto luminance = [](const QColor &c) {
            const auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
        };
        const double la = luminance(a);
        const double lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    }

    void enterPin(const QString &pin)
    {
        QQuickItem *pad = item("pinPad");
        QVERIFY(pad);
        QTRY_VERIFY(!pad->property("busy").toBool());
        QVERIFY(QMetaObject::invokeMethod(pad, "submitted", Q_ARG(QString, pin)));
    }

private slots:
    void initTestCase()
    {
        CHECK_OK(m_sync.start());
        QVERIFY(m_sync.server().addUser(QStringLiteral("valley"), QStringLiteral("Noor Nurse"), QStringLiteral("nurse"),
                                        QStringLiteral("482916")));

        m_tablet = m_sync.enrolledTablet(m_clock, QStringLiteral("valley"), SyncFixture::SignIn::Administrator,
                                         QStringLiteral("tablet.db"));
        m_tablet->registry.reset();  // locked, as a tablet waiting on the counter

        m_thread = std::make_unique<registry::RegistryThread>();
        m_session = std::make_unique<app::Session>(
            app::AppServices{m_tablet->path, m_tablet->keystore.get(), &m_clock, m_thread.get()});
        app::Session::setInstance(m_session.get());
        app::Language::setInstance(&m_language);
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Cairn/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        QTRY_VERIFY(item("unlockScreen"));
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_thread.reset();
        m_sync.stop();
    }

    void aWrongPinIsRefusedInWordsAndAddsNobody()
    {
        QTRY_VERIFY(m_session->canSignInOnline());
        tap(item("firstSignInButton"));
        QTRY_VERIFY(item("firstSignInName")->isVisible());
        QVERIFY(!item("userList")->isVisible());
        item("firstSignInName")->setProperty("text", QStringLiteral("Noor Nurse"));
        enterPin(QStringLiteral("111111"));
        QTRY_VERIFY(!m_session->loading());
        QVERIFY(!m_session->signedIn());
        QVERIFY(m_session->error());
        QTRY_VERIFY2(item("unlockMessage")->property("text").toString().contains(QStringLiteral("Wrong PIN")),
                     qPrintable(item("unlockMessage")->property("text").toString()));
        QCOMPARE(m_session->users()->rowCount(), 2);  // the administrator and Casey only
    }

    void theRightNameAndPinSignTheUserInAndKeepThemOnTheTablet()
    {
        item("firstSignInName")->setProperty("text", QStringLiteral("  noor nurse "));
        enterPin(QStringLiteral("482916"));
        QTRY_VERIFY2(m_session->signedIn(), qPrintable(m_session->message()));
        QCOMPARE(m_session->userName(), QStringLiteral("Noor Nurse"));
        QCOMPARE(m_session->role(), QStringLiteral("nurse"));
        QTRY_VERIFY(item("signedInLabel"));
        QVERIFY(item("signedInLabel")->property("text").toString().contains(QStringLiteral("Noor Nurse")));

        // Locked again, the unlock screen starts from the list, which now has her name.
        m_session->lock();
        QTRY_VERIFY(item("userList") && item("userList")->isVisible());
        QTRY_COMPARE(m_session->users()->rowCount(), 3);
        // Her row is chosen already, and her name reads on it: dark on light, not white on white.
        QString noorId;
        for (const auto &user : m_session->users()->users()) {
            if (user.name == QLatin1String("Noor Nurse"))
                noorId = user.id;
        }
        // Found afresh each time: the list makes its rows again when the users are read again.
        QQuickItem *row = nullptr;
        auto *window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        QVERIFY(testing::waitFor([&] {
            row = testing::findItem(window, QStringLiteral("user_") + noorId, false);
            return row && row->property("highlighted").toBool();
        }));
        QQuickItem *title = nullptr;
        for (QList<QQuickItem *> items{row}; !items.isEmpty() && !title;) {
            QQuickItem *at = items.takeFirst();
            if (at->objectName() == QLatin1String("listRowTitle"))
                title = at;
            items << at->childItems();
        }
        QVERIFY(title);
        QCOMPARE(title->property("text").toString(), QStringLiteral("Noor Nurse"));
        auto *background = row->property("background").value<QQuickItem *>();
        QVERIFY(background);
        const double ratio =
            contrast(title->property("color").value<QColor>(), background->property("color").value<QColor>());
        QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("the chosen user's name at %1:1").arg(ratio)));
    }

    void laterSignInsNeedOnlyThePinEvenOffline()
    {
        m_sync.server().stop();
        QString noorId;
        for (const auto &user : m_session->users()->users()) {
            if (user.name == QLatin1String("Noor Nurse"))
                noorId = user.id;
        }
        QVERIFY(!noorId.isEmpty());
        m_session->unlock(noorId, QStringLiteral("482916"));
        QTRY_VERIFY2(m_session->signedIn(), qPrintable(m_session->message()));
        QCOMPARE(m_session->userName(), QStringLiteral("Noor Nurse"));
    }

    // A wrong PIN checked on the tablet is explained in the language the user chose.
    void aWrongPinIsExplainedInTheScreensLanguage()
    {
        m_session->lock();
        QTRY_VERIFY(item("userList") && item("userList")->isVisible());
        QVERIFY(m_language.setLanguage(QStringLiteral("es")));
        QString noorId;
        for (const auto &user : m_session->users()->users()) {
            if (user.name == QLatin1String("Noor Nurse"))
                noorId = user.id;
        }
        m_session->unlock(noorId, QStringLiteral("111111"));
        QTRY_VERIFY(!m_session->loading());
        QVERIFY(!m_session->signedIn());
        QTRY_VERIFY2(item("unlockMessage")->property("text").toString().contains(QStringLiteral("PIN incorrecto")),
                     qPrintable(item("unlockMessage")->property("text").toString()));
        QVERIFY2(item("unlockMessage")->property("text").toString().contains(QStringLiteral("4 intentos")),
                 qPrintable(item("unlockMessage")->property("text").toString()));
        QVERIFY(m_language.setLanguage(QStringLiteral("en")));
    }
};

QTEST_MAIN(TestSignInScreen)
#include "test_sign_in_screen.moc"
