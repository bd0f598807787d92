// Large system fonts (issue 11 part 2 item 5): the app's text size follows the system's font scale
// until the user chooses one. The real app is given a system scale of 1.3 (as a tablet set to large
// text reports it) and every size of Theme's type scale follows, with "Larger" shown as the size in
// force; a size chosen under the sign-in screen then wins over the system's; and a remembered
// choice wins over it on the next start. The system's scale is held to the app's 1-2.

#include "platform/system_font.h"
#include "qml/app/language.h"
#include "qml/app/text_size.h"
#include "tests/qml/quick_driver.h"
#include "tests/support/app_fixture.h"

#include <QQmlContext>
#include <QQmlExpression>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <cmath>
#include <limits>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;

namespace {
const QString kTextSizeKey = QStringLiteral("ui/text_size");
}  // namespace

class TestSystemFontScale : public QObject {
    Q_OBJECT

    std::unique_ptr<testing::AppFixture> m_app;

    // A size of Theme's type scale as the screens read it, in px.
    int themePixels(const QString &font)
    {
        QQuickWindow *window = m_app->window();
        QQmlExpression size(qmlContext(window), window, QStringLiteral("Theme.%1.pixelSize").arg(font));
        bool failed = false;
        const int pixels = size.evaluate(&failed).toInt();
        return failed ? -1 : pixels;
    }

    bool highlighted(const QString &choice)
    {
        QQuickItem *button = testing::findItem(m_app->window(), QStringLiteral("textSize_") + choice);
        return button && button->property("highlighted").toBool();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(kTextSizeKey);
        testing::AppFixtureOptions options;
        options.systemFontScale = 1.3;
        QString error;
        m_app = testing::AppFixture::make(options, &error);
        QVERIFY2(m_app, qPrintable(error));
        QVERIFY(testing::resize(m_app->window(), QSize(1280, 800)));
    }

    // A tablet set to large text: the screens open at 1.3 with no choice made in Cairn.
    void theScreensFollowTheSystemsFontScale()
    {
        QCOMPARE(m_app->app().textSize().scale(), 1.3);
        QCOMPARE(themePixels(QStringLiteral("bodyMedium")), 21);  // 16 × 1.3
        QCOMPARE(themePixels(QStringLiteral("titleLarge")), 29);  // 22 × 1.3
        QCOMPARE(themePixels(QStringLiteral("headline")), 34);    // 26 × 1.3
        QTRY_VERIFY(highlighted(QStringLiteral("larger")));
        QVERIFY(!highlighted(QStringLiteral("standard")));
    }

    // The user's choice under the sign-in screen wins over the system's, even when the system's
    // setting changes afterwards.
    void aChoiceMadeInTheAppWins()
    {
        QQuickItem *standard = nullptr;
        QTRY_VERIFY((standard = testing::findItem(m_app->window(), QStringLiteral("textSize_standard"))));
        testing::tap(m_app->window(), standard);
        QTRY_COMPARE(m_app->app().textSize().scale(), 1.0);
        QCOMPARE(themePixels(QStringLiteral("bodyMedium")), 16);
        m_app->app().textSize().followSystem(1.5);
        QCOMPARE(m_app->app().textSize().scale(), 1.0);
        QCOMPARE(themePixels(QStringLiteral("bodyMedium")), 16);
        QVERIFY(highlighted(QStringLiteral("standard")));
    }

    // A system scale that none of the three sizes is (1.5, 1.1) gets a choice of its own, "Tablet
    // setting (1.5×)": shown as chosen while the size follows the system, never a size that is not
    // in force; choosing it again forgets the choice made in the app.
    void aSystemSizeNoChoiceNamesIsShownAsTheTablets()
    {
        app::TextSize &size = m_app->app().textSize();
        QCOMPARE(size.scale(), 1.0);  // "Standard", chosen above, with the system at 1.5
        QQuickItem *tablet = nullptr;
        QTRY_VERIFY((tablet = testing::findItem(m_app->window(), QStringLiteral("textSize_system"))));
        QTRY_VERIFY(tablet->isVisible());
        QCOMPARE(tablet->property("text").toString(), QStringLiteral("Tablet setting (1.5×)"));
        QVERIFY(highlighted(QStringLiteral("standard")));
        QVERIFY(!highlighted(QStringLiteral("system")));

        testing::tap(m_app->window(), tablet);
        QTRY_COMPARE(size.scale(), 1.5);
        QCOMPARE(themePixels(QStringLiteral("bodyMedium")), 24);  // 16 × 1.5
        QTRY_VERIFY(highlighted(QStringLiteral("system")));
        for (const QString &choice : {QStringLiteral("standard"), QStringLiteral("large"), QStringLiteral("larger")})
            QVERIFY2(!highlighted(choice), qPrintable(choice));

        // The system's setting changes to 1.1: the screens follow, and the control says so.
        size.followSystem(1.1);
        QCOMPARE(size.scale(), 1.1);
        QTRY_COMPARE(tablet->property("text").toString(), QStringLiteral("Tablet setting (1.1×)"));
        QVERIFY(highlighted(QStringLiteral("system")));
        QVERIFY(!highlighted(QStringLiteral("standard")));
        QVERIFY(!highlighted(QStringLiteral("large")));
        // The factor is a number like any other on screen: a decimal comma in Spanish.
        QVERIFY(m_app->app().language().setLanguage(QStringLiteral("es")));
        QTRY_COMPARE(tablet->property("text").toString(), QStringLiteral("Ajuste de la tableta (1,1×)"));
        QVERIFY(m_app->app().language().setLanguage(QStringLiteral("en")));
        QTRY_COMPARE(tablet->property("text").toString(), QStringLiteral("Tablet setting (1.1×)"));

        // Back at a size one of the three names (1.3, "Larger"): that one is shown, alone.
        size.followSystem(1.3);
        QTRY_VERIFY(!tablet->isVisible());
        QVERIFY(highlighted(QStringLiteral("larger")));
        size.chooseSystem();
    }

    // A size set outside the control that none of its choices is (`cairn --font-scale 1.7`): shown
    // as "Chosen size (1.7×)", never as no size at all or as a size that is not in force.
    void aSizeSetForTheRunThatNoChoiceNamesIsShownAsChosen()
    {
        app::TextSize &size = m_app->app().textSize();
        QVERIFY(size.apply(1.7));
        QQuickItem *other = nullptr;
        QTRY_VERIFY((other = testing::findItem(m_app->window(), QStringLiteral("textSize_other"))));
        QTRY_VERIFY(other->isVisible());
        QCOMPARE(other->property("text").toString(), QStringLiteral("Chosen size (1.7×)"));
        QVERIFY(highlighted(QStringLiteral("other")));
        for (const QString &choice :
             {QStringLiteral("standard"), QStringLiteral("large"), QStringLiteral("larger"), QStringLiteral("system")})
            QVERIFY2(!highlighted(choice), qPrintable(choice));
        QVERIFY(m_app->app().language().setLanguage(QStringLiteral("es")));
        QTRY_COMPARE(other->property("text").toString(), QStringLiteral("Tamaño elegido (1,7×)"));
        QVERIFY(m_app->app().language().setLanguage(QStringLiteral("en")));

        // A size the control names: that one is shown, and the chosen-size button goes.
        QVERIFY(size.choose(1.15));
        QTRY_VERIFY(!other->isVisible());
        QVERIFY(highlighted(QStringLiteral("large")));
        size.chooseSystem();
    }

    // The sign-in screen at the largest size in a portrait tablet, in both languages: every key of
    // the PIN pad shows its whole word ("Delete", "Sign in" were cut to "De…"), and the keypad and
    // every text-size choice are inside the window (the keypad goes under the names; the choices
    // wrap).
    void theSignInScreenFitsAtTheLargestSizeInPortrait()
    {
        app::TextSize &size = m_app->app().textSize();
        QQuickWindow *window = m_app->window();
        QVERIFY(size.apply(2.0));
        QVERIFY(testing::resize(window, QSize(800, 1280)));
        const auto inside = [window](QQuickItem *item) {
            const QRectF shown = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
            return shown.left() >= 0 && shown.top() >= 0 && shown.right() <= window->width() &&
                   shown.bottom() <= window->height();
        };
        const auto wholeWord = [](QQuickItem *key) {
            const qreal needed = key->property("implicitContentWidth").toReal() +
                                 key->property("leftPadding").toReal() + key->property("rightPadding").toReal();
            return key->width() + 0.5 >= needed;
        };
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
            QVERIFY(m_app->app().language().setLanguage(language));
            for (const QString &key : {QStringLiteral("back"), QStringLiteral("ok"), QStringLiteral("5")}) {
                QQuickItem *button = nullptr;
                // Not usable until a name is chosen; shown all the same.
                QTRY_VERIFY((button = testing::findItem(window, QStringLiteral("pinKey_") + key, false)));
                QTRY_VERIFY2(wholeWord(button), qPrintable(language + QLatin1Char(' ') + key));
                QTRY_VERIFY2(inside(button), qPrintable(language + QLatin1Char(' ') + key));
            }
            QQuickItem *other = testing::findItem(window, QStringLiteral("textSize_other"));
            QVERIFY(other && other->isVisible());
            QTRY_VERIFY2(inside(other), qPrintable(language));
        }
        QVERIFY(m_app->app().language().setLanguage(QStringLiteral("en")));
        size.chooseSystem();
        QVERIFY(testing::resize(window, QSize(1280, 800)));
    }

    // On the next start a remembered choice wins over the system's scale; with none remembered
    // the system's scale is used, held to 1-2.
    void aRememberedChoiceWinsOverTheSystem()
    {
        {
            app::TextSize chooser(true);
            QVERIFY(chooser.choose(1.15));
        }
        app::TextSize remembered(true);
        remembered.restore();
        remembered.followSystem(1.3);
        QCOMPARE(remembered.scale(), 1.15);

        QSettings().remove(kTextSizeKey);
        app::TextSize fresh(true);
        fresh.restore();
        fresh.followSystem(1.3);
        QCOMPARE(fresh.scale(), 1.3);
        fresh.followSystem(2.6);
        QCOMPARE(fresh.scale(), 2.0);
        fresh.followSystem(0.85);  // Android's "small": the app never goes below its design
        QCOMPARE(fresh.scale(), 1.0);
        fresh.followSystem(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(fresh.scale(), 1.0);
    }

    // Where the platform offers no reliable scale (every desktop), it says 1: as designed.
    void desktopsReportTheDesignedSize()
    {
#if !defined(Q_OS_ANDROID)
        QCOMPARE(platform::systemFontScale(), 1.0);
#endif
    }

    void cleanupTestCase()
    {
        QSettings().remove(kTextSizeKey);
        m_app.reset();
    }
};

QTEST_MAIN(TestSystemFontScale)
#include "test_system_font_scale.moc"
