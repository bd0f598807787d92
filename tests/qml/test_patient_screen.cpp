// The patient screen in the real app over a seeded encrypted registry (issue 11 part 2): the tap
// counts of the three main tasks (a booked patient's PEG at rooming from sign-in, a nurse's PEG by
// phone per call, a patient's history from Today), each counted by routing every tap through one
// helper that refuses an item not wholly on screen (so a flow that needs scrolling fails too); the
// banner that never elides the name and never scrolls away; the tabs each role gets and opens on;
// the gaps as action cards that open the right form; the one-tap decision undone through the
// registry's withdrawal; every control on each tab named, at least 48 px, with text of 16 px; and
// the screen's words and numbers (a decimal comma in Spanish) following a language switch.

#include "core/clinical/decisions.h"
#include "core/registry/registry.h"
#include "core/registry/views.h"
#include "core/scripts/library.h"
#include "core/synthetic/synthetic_clinic.h"
#include "qml/app/language.h"
#include "qml/app/session.h"
#include "qml/huddle/huddle_model.h"
#include "qml/patient/patient_tabs.h"
#include "tests/qml/quick_driver.h"
#include "tests/qml/registry_answer.h"
#include "tests/support/app_fixture.h"
#include "tests/support/result_checks.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QFont>
#include <QJsonArray>
#include <QLocale>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <functional>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;

namespace {

const QDate kToday(2026, 11, 25);

struct Member {
    keys::Role role;
    QString name;
    QString pin;
};
const QList<Member> kTeam{{keys::Role::MedicalAssistant, QStringLiteral("Morgan MA"), QStringLiteral("2468")},
                          {keys::Role::Nurse, QStringLiteral("Nico Nurse"), QStringLiteral("3579")},
                          {keys::Role::Clinician, QStringLiteral("Casey Clinician"), QStringLiteral("1357")},
                          {keys::Role::FrontDesk, QStringLiteral("Frankie Front Desk"), QStringLiteral("2580")}};

// The tabs a role is shown and the tab's page it opens on.
struct RoleTabs {
    keys::Role role;
    QStringList shown;
    QString current;
};

// Whether the item's centre is inside the window and inside every clipping ancestor (a list or a
// scrolled page): what a user can tap without scrolling.
bool onScreen(QQuickWindow *window, QQuickItem *item)
{
    if (!item || !item->isVisible() || item->width() <= 0 || item->height() <= 0)
        return false;
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    if (!QRectF(QPointF(0, 0), window->size()).contains(centre))
        return false;
    for (QQuickItem *up = item->parentItem(); up; up = up->parentItem())
        if (up->clip() && !up->mapRectToScene(QRectF(0, 0, up->width(), up->height())).contains(centre))
            return false;
    return true;
}

// Every visible item under `root` for which `match` holds, depth first.
QList<QQuickItem *> itemsWhere(QQuickItem *root, const std::function<bool(QQuickItem *)> &match)
{
    QList<QQuickItem *> found;
    std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
        if (!item->isVisible())
            return;
        if (match(item))
            found << item;
        for (QQuickItem *child : item->childItems())
            walk(child);
    };
    if (root)
        walk(root);
    return found;
}

// The one way these tests tap: counts every tap, and taps only what is wholly on screen.
class Taps {
public:
    explicit Taps(QQuickWindow *window)
        : m_window(window)
    {}

    // Waits until `find` gives an item that is on screen, usable and not mid-transition, then taps it.
    bool tap(const std::function<QQuickItem *()> &find, const QString &what)
    {
        QQuickItem *item = nullptr;
        const bool ready = testing::waitFor(
            [&] {
                item = find();
                return item && item->isEnabled() && !testing::inTransition(item) && onScreen(m_window, item);
            },
            30000);
        if (!ready) {
            m_failed = what;
            return false;
        }
        testing::tap(m_window, item);
        ++m_count;
        m_log << what;
        return true;
    }
    bool tap(const QString &objectName)
    {
        // The one on screen: a page kept in another destination's stack may hold an item of the
        // same name, hidden.
        return tap(
            [&]() -> QQuickItem * {
                const auto shown = itemsWhere(m_window->contentItem(), [&](QQuickItem *item) {
                    return item->objectName() == objectName && onScreen(m_window, item);
                });
                return shown.isEmpty() ? nullptr : shown.first();
            },
            objectName);
    }

    int count() const { return m_count; }
    QString log() const { return m_log.join(QStringLiteral(" → ")); }
    QString failed() const { return m_failed; }

private:
    QQuickWindow *m_window;
    int m_count = 0;
    QStringList m_log;
    QString m_failed;
};

}  // namespace

class TestPatientScreen : public QObject {
    Q_OBJECT

    std::unique_ptr<testing::AppFixture> m_app;
    QQuickWindow *m_window = nullptr;
    QHash<keys::Role, QString> m_ids;
    QHash<keys::Role, QString> m_pins;
    QString m_decimalPatient;  // patientWithDecimals()

    app::Session &session() { return m_app->session(); }

    template <typename R> R onDatabase(std::function<R(registry::Registry *)> job)
    {
        return testing::answerFrom<R>(*session().services().thread, this, std::move(job));
    }

    void lock()
    {
        if (!session().signedIn())
            return;
        session().lock();
        QTRY_VERIFY_WITH_TIMEOUT(!session().signedIn() && !session().loading(), 60000);
        QTRY_VERIFY(testing::findItem(m_window, QStringLiteral("unlockScreen")));
    }

    // --- the helpers the lead adapts when the shell changes sign-in and destinations ----------
    // Sign-in as the tablet offers it: the name (unless the sign-in screen already chose it, as
    // it does for the last user once the shell preselects), the PIN on the keypad, OK.
    bool signIn(Taps &taps, keys::Role role)
    {
        QQuickItem *unlock = testing::findItem(m_window, QStringLiteral("unlockScreen"));
        if (!unlock)
            return false;
        if (unlock->property("selectedUserId").toString() != m_ids.value(role) &&
            !taps.tap(QStringLiteral("user_") + m_ids.value(role)))
            return false;
        for (const QChar digit : m_pins.value(role))
            if (!taps.tap(QStringLiteral("pinKey_") + digit))
                return false;
        if (!taps.tap(QStringLiteral("pinKey_ok")))
            return false;
        return testing::waitFor([&] { return session().signedIn() && !session().loading(); });
    }
    // Whether the sign-in screen has the user chosen already (then sign-in is the PIN and OK).
    bool preselected(keys::Role role)
    {
        QQuickItem *unlock = testing::findItem(m_window, QStringLiteral("unlockScreen"));
        return unlock && unlock->property("selectedUserId").toString() == m_ids.value(role);
    }
    // Today's rows: the first booked patient's row on screen (Today's list, objectName huddleList).
    QQuickItem *firstTodayRow()
    {
        QQuickItem *list = testing::findItem(m_window, QStringLiteral("huddleList"));
        const auto rows = itemsWhere(list, [&](QQuickItem *item) {
            return item->property("patientId").isValid() && !item->property("patientId").toString().isEmpty() &&
                   onScreen(m_window, item);
        });
        QQuickItem *first = nullptr;
        for (QQuickItem *row : rows)
            if (!first || row->mapToScene(QPointF()).y() < first->mapToScene(QPointF()).y())
                first = row;
        return first;
    }
    // A destination from Today (the calling list is the "PEG outreach" button today).
    bool openDestination(Taps &taps, const QString &destination)
    {
        // The shell's navigation (rail or bottom bar) names each destination nav_<name>.
        if (destination == QLatin1String("peg_outreach"))
            return taps.tap(QStringLiteral("nav_calls"));
        return false;
    }

    QQuickItem *patientScreen() { return testing::findItem(m_window, QStringLiteral("patientScreen")); }

    // The button showing `text` inside the visible item called `container`.
    QQuickItem *buttonIn(const QString &container, const QString &text)
    {
        QQuickItem *box = testing::findItem(m_window, container);
        const auto buttons = itemsWhere(box, [&](QQuickItem *item) {
            return item->inherits("QQuickAbstractButton") && item->property("text").toString() == text;
        });
        return buttons.isEmpty() ? nullptr : buttons.first();
    }

    // Opens a patient's screen directly (for the tests that do not count taps).
    void openPatient(const QString &patientId)
    {
        // Onto the shown destination's stack, as a row of any list opens it.
        QQmlExpression push(
            qmlContext(m_window), m_window,
            QStringLiteral("currentStack.pop(null); push(patientComponent, { patientId: \"%1\" })").arg(patientId));
        push.evaluate();
        QVERIFY2(!push.hasError(), qPrintable(push.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(patientScreen() && !testing::inTransition(patientScreen()), 30000);
        QObject *view = m_window->findChild<QObject *>(QStringLiteral("patientViewModel"));
        QTRY_VERIFY_WITH_TIMEOUT(view && view->property("loaded").toBool() && !view->property("loading").toBool(),
                                 30000);
    }

    // Back to the destination's list (the patient's screen closed).
    void closePatient()
    {
        QQmlExpression back(qmlContext(m_window), m_window, QStringLiteral("currentStack.pop(null)"));
        back.evaluate();
        QTRY_VERIFY(!patientScreen());
    }

    // The text of the shown item called `name`, or empty.
    QString shownText(const QString &name) const
    {
        QQuickItem *item = testing::findItem(m_window, name);
        return item ? item->property("text").toString() : QString();
    }

    // The regimen's lines on the At a glance card, as it shows them.
    QStringList regimenLines() const
    {
        QStringList lines;
        QQuickItem *glance = testing::findItem(m_window, QStringLiteral("atAGlance"));
        if (!glance)
            return lines;
        for (QQuickItem *item : itemsWhere(glance, [](QQuickItem *item) {
                 return item->property("text").toString().startsWith(QStringLiteral("• "));
             }))
            lines << item->property("text").toString();
        return lines;
    }

    // The History tab's records: for each kind, the value of `role` of the first row of that kind.
    QHash<QString, QString> historyByKind(const QByteArray &role) const
    {
        QHash<QString, QString> values;
        QObject *view = m_window->findChild<QObject *>(QStringLiteral("patientViewModel"));
        auto *history = view ? view->property("history").value<QAbstractItemModel *>() : nullptr;
        const QHash<int, QByteArray> roles = history ? history->roleNames() : QHash<int, QByteArray>();
        for (int row = 0; history && row < history->rowCount(); ++row) {
            const QString kind = history->data(history->index(row, 0), roles.key("kind")).toString();
            if (!values.contains(kind))
                values.insert(kind, history->data(history->index(row, 0), roles.key(role)).toString());
        }
        return values;
    }

    void signInDirectly(keys::Role role)
    {
        lock();
        session().unlock(m_ids.value(role), m_pins.value(role));
        QTRY_VERIFY_WITH_TIMEOUT(session().signedIn() && !session().loading(), 60000);
        // Every role has the Patients destination in the shell.
        QTRY_VERIFY_WITH_TIMEOUT(testing::findItem(m_window, QStringLiteral("nav_patients")), 60000);
    }

    // A patient on 22.5 mg of morphine a day (22.5 MME) with one PEG of mean 5.7: numbers with a
    // decimal on every part of the screen. Added once, by the first test that asks.
    QString patientWithDecimals()
    {
        if (!m_decimalPatient.isEmpty())
            return m_decimalPatient;
        domain::Patient p = testing::patientOnMorphine(QStringLiteral("Dora Decimal"), QStringLiteral("DEC-225"),
                                                       QDate(1961, 4, 9), 22.5, kToday.addDays(-200));
        p.peg = {domain::PegScore{{}, kToday.addDays(-30), 5, 6, 6}};
        const auto added = onDatabase<Result<QString>>([p](registry::Registry *r) { return r->addPatient(p); });
        if (added)
            m_decimalPatient = *added;
        session().noteDataChanged();
        return m_decimalPatient;
    }

    // Signed in as the clinician, the screens in English and the patient `whom` names open: where
    // the tests that switch the language with a patient open start. `whom` is asked once signed in
    // (it may add the patient). False when a step failed.
    bool openInEnglishAsClinician(const std::function<QString()> &whom)
    {
        signInDirectly(keys::Role::Clinician);
        if (QTest::currentTestFailed() || !m_app->app().language().setLanguage(QStringLiteral("en")))
            return false;
        const QString id = whom();
        if (id.isEmpty())
            return false;
        openPatient(id);
        return !QTest::currentTestFailed();
    }

    QStringList patientIds()
    {
        return onDatabase<QStringList>([](registry::Registry *r) {
            QStringList ids;
            if (auto all = r->listPatients())
                for (const auto &p : *all)
                    ids << p.id;
            return ids;
        });
    }

private slots:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        testing::AppFixtureOptions options;
        options.fileName = QStringLiteral("patient-screen.db");
        options.now = QDateTime(kToday, QTime(9, 0), Qt::UTC);
        for (const Member &m : kTeam)
            options.users.append({m.name, m.role, m.pin});
        synthetic::Options clinic;
        clinic.patients = 60;
        clinic.seed = 11;
        options.clinic = clinic;
        QString error;
        m_app = testing::AppFixture::make(options, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_window = m_app->window();
        QVERIFY(m_window);
        QVERIFY(testing::resize(m_window, QSize(1280, 800)));
        for (const Member &m : kTeam) {
            m_ids.insert(m.role, m_app->userId(m.name));
            m_pins.insert(m.role, m.pin);
        }
        session().refreshUsers();
        QTRY_VERIFY_WITH_TIMEOUT(testing::findItem(m_window, QStringLiteral("unlockScreen")), 60000);
        // Three patients booked today, so that Today lists them whatever the seed booked.
        signInDirectly(keys::Role::Clinician);
        const QStringList ids = patientIds();
        const QString booked = onDatabase<QString>([ids](registry::Registry *r) {
            for (int i = 0; i < 3; ++i)
                if (auto added = r->addRecord(ids.at(i), domain::Visit{{}, kToday, domain::VisitStatus::Scheduled});
                    !added)
                    return added.error().line();
            return QString();
        });
        QVERIFY2(booked.isEmpty(), qPrintable(booked));
        session().noteDataChanged();
        lock();
    }

    void init() { QVERIFY(testing::resize(m_window, QSize(1280, 800))); }

    // The tabs come from the role, in C++: the medical assistant opens on Rooming, the clinician
    // gets the Visit tab and opens on the gaps, the front desk gets neither rooming nor the visit.
    void eachRoleGetsItsTabsAndOpensOnTheOneItsWorkNeeds()
    {
        using T = app::PatientTabs;
        QCOMPARE(T::tabsFor(keys::Role::MedicalAssistant), (QList<T::Tab>{T::Summary, T::Rooming, T::History}));
        QCOMPARE(T::tabsFor(keys::Role::Clinician), (QList<T::Tab>{T::Summary, T::Rooming, T::Visit, T::History}));
        QCOMPARE(T::tabsFor(keys::Role::FrontDesk), (QList<T::Tab>{T::Summary, T::History}));
        QCOMPARE(T::openingTabFor(keys::Role::MedicalAssistant), T::Rooming);
        QCOMPARE(T::openingTabFor(keys::Role::Clinician), T::Summary);
        QCOMPARE(T::openingTabFor(keys::Role::Nurse), T::Summary);
        QCOMPARE(T::nextActionFor(keys::Role::Nurse), T::RecordPeg);
        QCOMPARE(T::nextActionFor(keys::Role::RegistryManager), T::NoAction);

        signInDirectly(keys::Role::Clinician);
        const QString id = patientIds().first();
        const QList<RoleTabs> table{
            {keys::Role::MedicalAssistant, {"tab_summary", "tab_rooming", "tab_history"}, "roomingScreen"},
            {keys::Role::Clinician, {"tab_summary", "tab_rooming", "tab_visit", "tab_history"}, "summaryTab"},
            {keys::Role::FrontDesk, {"tab_summary", "tab_history"}, "summaryTab"},
        };
        for (const auto &row : table) {
            signInDirectly(row.role);
            openPatient(id);
            for (const char *tab : {"tab_summary", "tab_rooming", "tab_visit", "tab_history"})
                QCOMPARE(testing::findItem(m_window, QLatin1String(tab)) != nullptr,
                         row.shown.contains(QLatin1String(tab)));
            QVERIFY2(testing::findItem(m_window, row.current), qPrintable(row.current));
            // A tab the role does not get cannot be shown by any path either.
            QVERIFY(
                QMetaObject::invokeMethod(patientScreen(), "showTab", Q_ARG(QVariant, int(app::PatientTabs::Visit))));
            QCOMPARE(testing::findItem(m_window, QStringLiteral("visitTab")) != nullptr,
                     row.shown.contains(QStringLiteral("tab_visit")));
        }
    }

    // A medical assistant, from the sign-in screen, records a booked patient's PEG at rooming: the
    // name, the PIN and OK, Today's first row (the patient opens on Rooming), three answers.
    void maRecordsABookedPatientsPegFromSignInInAtMostNineTaps()
    {
        // The MA used this tablet last: the day's first sign-in, then an idle lock.
        signInDirectly(keys::Role::MedicalAssistant);
        lock();
        Taps taps(m_window);
        const bool nameChosen = preselected(keys::Role::MedicalAssistant);
        QVERIFY2(signIn(taps, keys::Role::MedicalAssistant), qPrintable(taps.failed()));
        QTRY_VERIFY_WITH_TIMEOUT(firstTodayRow(), 60000);
        const QString patientId = firstTodayRow()->property("patientId").toString();
        const qsizetype pegBefore = onDatabase<qsizetype>([patientId](registry::Registry *r) {
            auto p = r->loadPatient(patientId);
            return p ? p->peg.size() : qsizetype(-1);
        });
        QVERIFY(taps.tap([&] { return firstTodayRow(); }, QStringLiteral("Today's first row")));
        QObject *flow = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((flow = m_window->findChild<QObject *>(QStringLiteral("roomingFlow"))) &&
                                     flow->property("ready").toBool(),
                                 30000);
        QCOMPARE(flow->property("instrument").toString(), QStringLiteral("peg"));
        for (int value : {7, 6, 8}) {
            const int step = flow->property("stepIndex").toInt();
            QVERIFY2(taps.tap(QStringLiteral("choice%1").arg(value)), qPrintable(taps.failed()));
            QTRY_VERIFY_WITH_TIMEOUT(
                flow->property("stepIndex").toInt() == step + 1 && !flow->property("loading").toBool(), 30000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(onDatabase<bool>([patientId, pegBefore](registry::Registry *r) {
                                     auto p = r->loadPatient(patientId);
                                     return p && p->peg.size() == pegBefore + 1 && p->peg.last().pain == 7 &&
                                            p->peg.last().enjoyment == 6 && p->peg.last().activity == 8;
                                 }),
                                 30000);
        // The sign-in screen preselects the tablet's last user, so the name is no tap.
        QVERIFY(nameChosen);
        qInfo("MA PEG at rooming from sign-in: %d taps (%s)", taps.count(), qPrintable(taps.log()));
        QVERIFY2(taps.count() <= 9, qPrintable(taps.log()));
    }

    // A nurse calling patients whose PEG is due: the calling list, three answers, Save; the next
    // call starts on the next patient with no further navigation.
    void nurseRecordsAPegByPhoneInAtMostSixTapsPerCall()
    {
        signInDirectly(keys::Role::Nurse);
        Taps first(m_window);
        QVERIFY2(openDestination(first, QStringLiteral("peg_outreach")), qPrintable(first.failed()));
        QObject *model = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((model = m_window->findChild<QObject *>(QStringLiteral("pegOutreachModel"))) &&
                                     !model->property("loading").toBool() && model->property("count").toInt() > 1,
                                 60000);
        const auto call = [&](Taps &taps) {
            const int before = model->property("count").toInt();
            for (const QString &row : {QStringLiteral("outreachPain"), QStringLiteral("outreachEnjoyment"),
                                       QStringLiteral("outreachActivity")})
                if (!taps.tap([&] { return buttonIn(row, QStringLiteral("5")); }, row + QStringLiteral(" 5")))
                    return false;
            if (!taps.tap(QStringLiteral("outreachSave")))
                return false;
            return testing::waitFor(
                [&] { return !model->property("loading").toBool() && model->property("count").toInt() == before - 1; });
        };
        QVERIFY2(call(first), qPrintable(first.failed()));
        Taps second(m_window);
        QVERIFY2(call(second), qPrintable(second.failed()));
        qInfo("nurse PEG by phone: first call %d taps, next call %d taps", first.count(), second.count());
        QVERIFY2(first.count() <= 6, qPrintable(first.log()));
        QVERIFY2(second.count() <= 6, qPrintable(second.log()));
    }

    // From Today, a patient's record history is two taps away with nothing to scroll: the row,
    // then the History tab, whose first record is on screen.
    void aPatientsHistoryIsTwoTapsFromTodayWithoutScrolling()
    {
        for (const QSize size : {QSize(1280, 800), QSize(800, 1280)}) {
            signInDirectly(keys::Role::Clinician);
            QVERIFY(testing::resize(m_window, size));
            Taps taps(m_window);
            QTRY_VERIFY_WITH_TIMEOUT(firstTodayRow(), 60000);
            QVERIFY(taps.tap([&] { return firstTodayRow(); }, QStringLiteral("Today's first row")));
            QVERIFY2(taps.tap(QStringLiteral("tab_history")), qPrintable(taps.failed()));
            QQuickItem *history = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((history = testing::findItem(m_window, QStringLiteral("history"))) &&
                                         history->property("count").toInt() > 0,
                                     30000);
            const auto entries =
                itemsWhere(testing::findItem(m_window, QStringLiteral("historyTab")), [](QQuickItem *item) {
                    return item->property("recordId").isValid() && item->property("kindLabel").isValid();
                });
            QVERIFY(!entries.isEmpty());
            QVERIFY2(onScreen(m_window, entries.first()), "the newest record is not on screen");
            QCOMPARE(taps.count(), 2);
            QVERIFY(testing::findItem(m_window, QStringLiteral("patientBanner")));
        }
    }

    // The banner shows the whole name, however long, in both orientations; a name too long for
    // one line steps down to the next size of the type scale and wraps; and it stays on screen
    // while the tab under it scrolls.
    void theBannerNeverCutsTheNameAndNeverScrollsAway()
    {
        signInDirectly(keys::Role::Clinician);
        const QString id = patientIds().at(3);
        const QString longName = QStringLiteral("María de los Ángeles Villanueva-Hernández Castellanos de la Torre");
        const QString renamed = onDatabase<QString>([id, longName](registry::Registry *r) {
            auto p = r->loadPatient(id);
            if (!p)
                return p.error().line();
            p->name = longName;
            const Status updated = r->updateDemographics(*p);
            return updated ? QString() : updated.error().line();
        });
        QVERIFY2(renamed.isEmpty(), qPrintable(renamed));
        session().noteDataChanged();
        openPatient(id);
        for (const QSize size : {QSize(1280, 800), QSize(800, 1280)}) {
            QVERIFY(testing::resize(m_window, size));
            QQuickItem *name = nullptr;
            QTRY_VERIFY((name = testing::findItem(m_window, QStringLiteral("patientName"))) &&
                        name->property("text").toString() == longName);
            QTRY_VERIFY(name->property("lineCount").toInt() >= 1);
            QVERIFY(!name->property("truncated").toBool());
            QVERIFY(name->property("contentWidth").toReal() <= name->width() + 0.5);
            QVERIFY(name->property("contentHeight").toReal() <= name->height() + 0.5);
            QVERIFY(onScreen(m_window, name));
            QVERIFY(name->property("font").value<QFont>().pixelSize() >= 16);
            if (name->property("lineCount").toInt() > 1)
                QCOMPARE(name->property("font").value<QFont>().pixelSize(), 22);  // titleLarge, one step down

            // Scrolled to the end of the Summary, the banner is where it was.
            QQuickItem *banner = testing::findItem(m_window, QStringLiteral("patientBanner"));
            const QPointF before = banner->mapToScene(QPointF());
            QQuickItem *summary = testing::findItem(m_window, QStringLiteral("summaryTab"));
            const auto flickables = itemsWhere(summary, [](QQuickItem *i) { return i->inherits("QQuickFlickable"); });
            QVERIFY(!flickables.isEmpty());
            QQuickItem *flick = flickables.first();
            flick->setProperty("contentY", std::max(0.0, flick->property("contentHeight").toReal() - flick->height()));
            QTest::qWait(50);
            QCOMPARE(banner->mapToScene(QPointF()), before);
            QVERIFY(onScreen(m_window, name));
            flick->setProperty("contentY", 0);
        }
        // A short name keeps the headline size.
        const QString shortId = patientIds().at(4);
        openPatient(shortId);
        QQuickItem *name = testing::findItem(m_window, QStringLiteral("patientName"));
        QTRY_COMPARE(name->property("lineCount").toInt(), 1);
        QCOMPARE(name->property("font").value<QFont>().pixelSize(), 26);
    }

    // The banner names the patient's language in the screens' language ("Habla inglés", never
    // "Habla English"), and follows a switch of the screens' language while the patient is open.
    // The app bar says the sync state in words in both orientations, never by a bare symbol: in
    // portrait in fewer words, with the whole state as its accessible name.
    void theBannerAndTheSyncStateSpeakTheScreensLanguage()
    {
        signInDirectly(keys::Role::Clinician);
        app::Language &screens = m_app->app().language();
        // The bar first, on Today: the window is turned with no patient open (Qt 6.4's layouts
        // have crashed here turning a patient screen right after a language switch).
        // This tablet has no clinic server.
        struct Expected {
            QString language;
            QSize size;
            QString words;
        };
        const QList<Expected> bars{
            {QStringLiteral("en"), QSize(1280, 800), QStringLiteral("⊘ Not connected to a clinic server")},
            {QStringLiteral("en"), QSize(800, 1280), QStringLiteral("⊘ No server")},
            {QStringLiteral("es"), QSize(1280, 800), QStringLiteral("⊘ Sin conexión a un servidor de la clínica")},
            {QStringLiteral("es"), QSize(800, 1280), QStringLiteral("⊘ Sin servidor")}};
        for (const Expected &bar : bars) {
            QVERIFY(screens.setLanguage(bar.language));
            QVERIFY(testing::resize(m_window, bar.size));
            QQuickItem *sync = nullptr;  // shown once the sync state is read after sign-in
            QTRY_VERIFY((sync = testing::findItem(m_window, QStringLiteral("syncState"))));
            QTRY_COMPARE(sync->property("text").toString(), bar.words);
            QVERIFY(onScreen(m_window, sync));
            QObject *accessible = nullptr;
            for (QObject *child : sync->children())
                if (qstrcmp(child->metaObject()->className(), "QQuickAccessibleAttached") == 0)
                    accessible = child;
            QVERIFY(accessible);
            QCOMPARE(accessible->property("name").toString(),
                     bar.language == QLatin1String("en") ? QStringLiteral("Not connected to a clinic server")
                                                         : QStringLiteral("Sin conexión a un servidor de la clínica"));
        }
        const QString id = patientIds().at(5);
        const auto speaks = [&](const QString &language) {
            const QString changed = onDatabase<QString>([id, language](registry::Registry *r) {
                auto p = r->loadPatient(id);
                if (!p)
                    return p.error().line();
                p->language = language;
                const Status updated = r->updateDemographics(*p);
                return updated ? QString() : updated.error().line();
            });
            QVERIFY2(changed.isEmpty(), qPrintable(changed));
            session().noteDataChanged();
        };
        const auto bannerLanguage = [&] {
            QQuickItem *part = testing::findItem(m_window, QStringLiteral("bannerLanguage"));
            return part ? part->property("text").toString() : QString();
        };
        QVERIFY(screens.setLanguage(QStringLiteral("en")));
        speaks(QStringLiteral("en"));
        openPatient(id);
        QTRY_COMPARE(bannerLanguage(), QStringLiteral("Speaks English"));
        QVERIFY(screens.setLanguage(QStringLiteral("es")));
        QTRY_COMPARE(bannerLanguage(), QStringLiteral("Habla inglés"));
        speaks(QStringLiteral("es"));
        QTRY_COMPARE(bannerLanguage(), QStringLiteral("Habla español"));
        QVERIFY(screens.setLanguage(QStringLiteral("en")));
        QTRY_COMPARE(bannerLanguage(), QStringLiteral("Speaks Spanish"));

        // Back to the list before the next test turns the window.
        QVERIFY(screens.setLanguage(QStringLiteral("en")));
        closePatient();
    }

    // Issue 18: a switch of the screens' language while a patient is open reaches every text of
    // the Summary tab, the ones worded in C++ (the At a glance card's sentences with their dates,
    // the regimen, the gap cards' labels, reasons and dates) as much as the QML's own, and the
    // History tab's records; and back.
    void theSummaryTabFollowsALanguageSwitchWhileThePatientIsOpen()
    {
        // A patient of the seeded clinic on long-term therapy at 90 MME, with PEG scores and an
        // overdue agreement (by chart number: earlier tests' records change the list's order).
        QVERIFY(openInEnglishAsClinician([this] {
            return onDatabase<QString>([](registry::Registry *r) {
                if (auto all = r->listPatients())
                    for (const auto &p : *all)
                        if (p.clinicId == QLatin1String("SYN-000043"))
                            return p.id;
                return QString();
            });
        }));
        app::Language &screens = m_app->app().language();
        QQuickItem *glance = testing::findItem(m_window, QStringLiteral("atAGlance"));
        QVERIFY(glance);
        const auto text = [this](const QString &name) { return shownText(name); };
        const auto agreementDue = [&] {
            QQuickItem *card = testing::findItem(m_window, QStringLiteral("gapCard_AGREEMENT"));
            return card ? card->property("dueLabel").toString() : QString();
        };
        // What the History tab names each record, by kind ("visit": "Visit").
        const auto historyLabels = [this] { return historyByKind("kindLabel"); };
        const auto regimen = [this] { return regimenLines(); };

        // In English: the sentences, and dates as month/day/year.
        QTRY_COMPARE(text(QStringLiteral("ltotStatus")),
                     QStringLiteral("On the long-term opioid therapy registry: opioids on 90 of the last 90 days."));
        const QRegularExpression englishTrend(QStringLiteral(
            R"(^(\d+) PEG scores\. First: ([\d.]+) on (\d+)/(\d+)/(\d+)\. Latest: ([\d.]+) on (\d+)/(\d+)/(\d+)\. )"
            R"(30% better than baseline: ([\d.]+)\.$)"));
        const QString englishPeg = text(QStringLiteral("pegTrendText"));
        const QRegularExpressionMatch trend = englishTrend.match(englishPeg);
        QVERIFY2(trend.hasMatch(), qPrintable(englishPeg));
        const QString englishDue = agreementDue();
        QVERIFY2(englishDue.startsWith(QStringLiteral("Overdue since ")), qPrintable(englishDue));
        const QDate due = QDate::fromString(englishDue.mid(14), QStringLiteral("d MMM yyyy"));
        QVERIFY2(due.isValid(), qPrintable(englishDue));
        QVERIFY(!regimen().isEmpty());
        QCOMPARE(historyLabels().value(QStringLiteral("visit")), QStringLiteral("Visit"));

        // In Spanish, with the patient still open: the same facts in Spanish words, dates as
        // day/month/year, months named in Spanish and a decimal comma.
        const auto comma = [](QString number) { return number.replace(QLatin1Char('.'), QLatin1Char(',')); };
        QVERIFY(screens.setLanguage(QStringLiteral("es")));
        QTRY_COMPARE(glance->property("title").toString(), QStringLiteral("De un vistazo"));
        QTRY_COMPARE(
            text(QStringLiteral("ltotStatus")),
            QStringLiteral(
                "En el registro de terapia de opioides a largo plazo: opioides en 90 de los últimos 90 días."));
        QTRY_COMPARE(text(QStringLiteral("pegTrendText")),
                     QStringLiteral("%1 puntuaciones PEG. Primera: %2 el %4/%3/%5. Última: %6 el %8/%7/%9. 30 % mejor "
                                    "que al inicio: %10.")
                         .arg(trend.captured(1), comma(trend.captured(2)), trend.captured(3), trend.captured(4),
                              trend.captured(5), comma(trend.captured(6)), trend.captured(7), trend.captured(8),
                              trend.captured(9))
                         .arg(comma(trend.captured(10))));
        QTRY_COMPARE(agreementDue(), QStringLiteral("Atrasado desde el %1")
                                         .arg(QLocale(QLocale::Spanish).toString(due, QStringLiteral("d MMM yyyy"))));
        QCOMPARE(testing::findItem(m_window, QStringLiteral("gapCard_AGREEMENT"))->property("reason").toString(),
                 QStringLiteral("Falta el acuerdo con el paciente o toca renovarlo."));
        for (const QString &line : regimen())
            QVERIFY2(line.endsWith(QStringLiteral(" MME/día")), qPrintable(line));
        // The History tab's records too.
        QTRY_COMPARE(historyLabels().value(QStringLiteral("visit")), QStringLiteral("Visita"));

        // And back to English, as it was.
        QVERIFY(screens.setLanguage(QStringLiteral("en")));
        QTRY_COMPARE(glance->property("title").toString(), QStringLiteral("At a glance"));
        QTRY_COMPARE(text(QStringLiteral("pegTrendText")), englishPeg);
        QTRY_COMPARE(agreementDue(), englishDue);
        for (const QString &line : regimen())
            QVERIFY2(line.endsWith(QStringLiteral(" MME/day")), qPrintable(line));
        QTRY_COMPARE(historyLabels().value(QStringLiteral("visit")), QStringLiteral("Visit"));
        QCOMPARE(text(QStringLiteral("patientName")), QStringLiteral("Ashley Tate"));
        closePatient();
    }

    // Numbers follow the screen's language (decimal comma in Spanish, point in English) wherever
    // the patient screen shows one: the banner's total MME, the regimen, a dose in the history, the
    // PEG trend; and they change with the language while the patient is open.
    void numbersFollowTheScreensLanguage()
    {
        QVERIFY(openInEnglishAsClinician([this] { return patientWithDecimals(); }));
        app::Language &screens = m_app->app().language();
        const auto text = [this](const QString &name) { return shownText(name); };
        const auto regimen = [this] { return regimenLines().join(QLatin1Char('\n')); };
        const auto opioidHistory = [this] { return historyByKind("summary").value(QStringLiteral("opioid")); };

        QTRY_VERIFY2(text(QStringLiteral("bannerMme")).startsWith(QStringLiteral("22.5 MME/day")),
                     qPrintable(text(QStringLiteral("bannerMme"))));
        QVERIFY2(regimen().contains(QStringLiteral("22.5 MME/day")), qPrintable(regimen()));
        QVERIFY2(opioidHistory().contains(QStringLiteral("22.5 mg")), qPrintable(opioidHistory()));
        QVERIFY2(text(QStringLiteral("pegTrendText")).contains(QStringLiteral("5.7")),
                 qPrintable(text(QStringLiteral("pegTrendText"))));

        QVERIFY(screens.setLanguage(QStringLiteral("es")));
        QTRY_VERIFY2(text(QStringLiteral("bannerMme")).startsWith(QStringLiteral("22,5 MME/día")),
                     qPrintable(text(QStringLiteral("bannerMme"))));
        QTRY_VERIFY2(regimen().contains(QStringLiteral("22,5 MME/día")), qPrintable(regimen()));
        QVERIFY2(!regimen().contains(QStringLiteral("22.5")), qPrintable(regimen()));
        QTRY_VERIFY2(opioidHistory().contains(QStringLiteral("22,5 mg")), qPrintable(opioidHistory()));
        QVERIFY2(text(QStringLiteral("pegTrendText")).contains(QStringLiteral("5,7")),
                 qPrintable(text(QStringLiteral("pegTrendText"))));

        QVERIFY(screens.setLanguage(QStringLiteral("en")));
        QTRY_VERIFY2(text(QStringLiteral("bannerMme")).startsWith(QStringLiteral("22.5 MME/day")),
                     qPrintable(text(QStringLiteral("bannerMme"))));
        closePatient();
    }

    // The Visit tab's conversation prompts and the screen's status line are said
    // again in the new language when it is switched while the patient is open, and back.
    void theVisitPromptsAndTheStatusFollowALanguageSwitch()
    {
        QVERIFY(openInEnglishAsClinician([this] { return patientWithDecimals(); }));
        app::Language &screens = m_app->app().language();
        QObject *view = m_window->findChild<QObject *>(QStringLiteral("patientViewModel"));
        QVERIFY(view);
        auto *prompts = view->property("prompts").value<QAbstractItemModel *>();
        QVERIFY(prompts);
        // Each prompt as {script id: title}, and the titles the shipped library gives in `language`.
        const auto shown = [&] {
            QHash<QString, QString> titles;
            const QHash<int, QByteArray> roles = prompts->roleNames();
            for (int row = 0; row < prompts->rowCount(); ++row)
                titles.insert(prompts->data(prompts->index(row, 0), roles.key("scriptId")).toString(),
                              prompts->data(prompts->index(row, 0), roles.key("title")).toString());
            return titles;
        };
        const auto libraryTitles = [&](const QString &language) {
            QHash<QString, QString> titles;
            auto library = scripts::Library::shipped();
            for (const QString &scriptId : shown().keys())
                if (const scripts::Script *script = library ? (*library)->find(scriptId, language) : nullptr)
                    titles.insert(scriptId, script->title);
            return titles;
        };
        QTRY_VERIFY(prompts->rowCount() > 0);
        QCOMPARE(shown(), libraryTitles(QStringLiteral("en")));
        // A status that stays until the next action (a write's would go with the re-read after it):
        // a withdrawal asked for without a reason.
        QVERIFY(QMetaObject::invokeMethod(view, "withdrawRecord", Q_ARG(QString, QStringLiteral("any-record")),
                                          Q_ARG(QString, QString())));
        const auto status = [&] {
            QQuickItem *banner = testing::findItem(m_window, QStringLiteral("patientMessage"));
            return banner && banner->isVisible() ? banner->property("text").toString() : QString();
        };
        QTRY_COMPARE(status(), QStringLiteral("reason: Say why the record is withdrawn."));

        QVERIFY(screens.setLanguage(QStringLiteral("es")));
        QTRY_COMPARE(status(), QStringLiteral("reason: Indique por qué se retira el registro."));
        QTRY_COMPARE(shown(), libraryTitles(QStringLiteral("es")));
        QVERIFY(shown() != libraryTitles(QStringLiteral("en")));

        QVERIFY(screens.setLanguage(QStringLiteral("en")));
        QTRY_COMPARE(status(), QStringLiteral("reason: Say why the record is withdrawn."));
        QTRY_COMPARE(shown(), libraryTitles(QStringLiteral("en")));
        closePatient();
    }

    // Turning the tablet with a patient open right after a language switch (Qt 6.4's layouts have
    // crashed here: a Repeater whose model calls qsTr is rebuilt by the switch).
    void aPatientScreenTurnsRightAfterALanguageSwitch()
    {
        signInDirectly(keys::Role::Clinician);
        app::Language &screens = m_app->app().language();
        openPatient(patientIds().at(5));
        for (const QString &language : {QStringLiteral("es"), QStringLiteral("en")}) {
            QVERIFY(screens.setLanguage(language));
            QVERIFY(testing::resize(m_window, QSize(800, 1280)));
            QVERIFY(testing::resize(m_window, QSize(1280, 800)));
            QTRY_VERIFY(testing::findItem(m_window, QStringLiteral("patientBanner")));
        }
        closePatient();
    }

    // A clinician records "naloxone prescribed" with one tap; Undo in the snackbar withdraws it
    // through the registry's withdrawal path: the record stays, a withdrawal record is written.
    void aOneTapDecisionIsUndoneThroughAWithdrawal()
    {
        signInDirectly(keys::Role::Clinician);
        const QString id = patientIds().at(5);
        openPatient(id);
        const auto naloxoneEnvelopes = [&] {
            return onDatabase<QStringList>([id](registry::Registry *r) {
                QStringList kinds;
                if (auto history = r->patientHistory(id))
                    for (const auto &e : *history)
                        if (e.kind == QLatin1String("naloxone"))
                            kinds << (e.payload.contains(QStringLiteral("retraction_reason"))
                                          ? QStringLiteral("withdrawn")
                                          : QStringLiteral("record"));
                return kinds;
            });
        };
        const QStringList before = naloxoneEnvelopes();
        Taps taps(m_window);
        QVERIFY2(taps.tap(QStringLiteral("tab_visit")), qPrintable(taps.failed()));
        QVERIFY2(taps.tap(QStringLiteral("decisionNaloxone")), qPrintable(taps.failed()));
        const QStringList recorded = before + QStringList{QStringLiteral("record")};
        QTRY_COMPARE_WITH_TIMEOUT(naloxoneEnvelopes(), recorded, 30000);
        QVERIFY2(taps.tap(QStringLiteral("snackbarAction")), qPrintable(taps.failed()));
        const QStringList withdrawn = recorded + QStringList{QStringLiteral("withdrawn")};
        QTRY_COMPARE_WITH_TIMEOUT(naloxoneEnvelopes(), withdrawn, 30000);
        QCOMPARE(taps.count(), 3);
    }

    // Each gap is a card with its reason, due date and owner, and its action opens the form that
    // closes it.
    void aGapCardsActionOpensTheFormThatClosesIt()
    {
        signInDirectly(keys::Role::Clinician);
        const QStringList ids = patientIds();
        for (const QString &id : ids) {
            openPatient(id);
            const auto actions =
                itemsWhere(testing::findItem(m_window, QStringLiteral("summaryTab")), [](QQuickItem *i) {
                    return i->objectName() == QLatin1String("gapAction_PDMP_CHECK") ||
                           i->objectName() == QLatin1String("gapAction_UDS");
                });
            if (actions.isEmpty()) {
                QVERIFY(QMetaObject::invokeMethod(m_window->findChild<QObject *>(QStringLiteral("stack")), "pop"));
                continue;
            }
            const QString code = actions.first()->objectName().mid(QStringLiteral("gapAction_").size());
            QQuickItem *card = testing::findItem(m_window, QStringLiteral("gapCard_") + code);
            QVERIFY(card);
            QVERIFY(!card->property("reason").toString().isEmpty());
            QVERIFY(!card->property("ownerLabel").toString().isEmpty());
            // A patient with many gaps has this card below the fold: scrolled to, as a user does.
            QQuickItem *flick = actions.first()->parentItem();
            while (flick && !flick->inherits("QQuickFlickable"))
                flick = flick->parentItem();
            if (flick) {
                QQuickItem *content = flick->property("contentItem").value<QQuickItem *>();
                const qreal top = actions.first()->mapToItem(content, QPointF()).y();
                const qreal bottom = std::max(0.0, flick->property("contentHeight").toReal() - flick->height());
                flick->setProperty("contentY", std::clamp(top - flick->height() / 3, 0.0, bottom));
                QTest::qWait(50);
            }
            Taps taps(m_window);
            QVERIFY2(taps.tap(actions.first()->objectName()), qPrintable(taps.failed()));
            QQuickItem *form = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((form = testing::findItem(m_window, QStringLiteral("recordFormScreen"))), 30000);
            QCOMPARE(form->property("kind").toString(),
                     code == QLatin1String("UDS") ? QStringLiteral("uds") : QStringLiteral("pdmp_check"));
            QCOMPARE(form->property("patientId").toString(), id);
            return;
        }
        QFAIL("no patient with a PDMP or urine gap in the seeded clinic");
    }

    // On every tab, in both orientations: each control a user can tap has a name for assistive
    // technology and is at least 48 × 48 px, and no text is under 16 px.
    void everyControlIsNamedLargeEnoughAndReadable()
    {
        signInDirectly(keys::Role::Clinician);
        openPatient(patientIds().at(2));
        for (const QSize size : {QSize(1280, 800), QSize(800, 1280)}) {
            QVERIFY(testing::resize(m_window, size));
            for (int tab : {app::PatientTabs::Summary, app::PatientTabs::Visit, app::PatientTabs::History,
                            app::PatientTabs::Rooming}) {
                QVERIFY(QMetaObject::invokeMethod(patientScreen(), "showTab", Q_ARG(QVariant, tab)));
                QTest::qWait(100);
                const auto controls = itemsWhere(patientScreen(), [](QQuickItem *i) {
                    return i->inherits("QQuickAbstractButton") && i->isEnabled() && i->width() > 0;
                });
                QVERIFY(!controls.isEmpty());
                for (QQuickItem *control : controls) {
                    QQmlExpression name(qmlContext(control), control, QStringLiteral("Accessible.name"));
                    const QString accessible = name.evaluate().toString();
                    const QString what = QStringLiteral("%1 '%2' (tab %3, %4×%5)")
                                             .arg(control->objectName(), control->property("text").toString())
                                             .arg(tab)
                                             .arg(size.width())
                                             .arg(size.height());
                    QVERIFY2(!accessible.isEmpty() || !control->property("text").toString().isEmpty(),
                             qPrintable(what));
                    QVERIFY2(control->width() >= 48 && control->height() >= 48, qPrintable(what));
                }
                const auto texts = itemsWhere(patientScreen(), [](QQuickItem *i) {
                    return i->inherits("QQuickText") && !i->property("text").toString().isEmpty();
                });
                for (QQuickItem *text : texts)
                    QVERIFY2(text->property("font").value<QFont>().pixelSize() >= 16,
                             qPrintable(text->property("text").toString()));
            }
        }
    }

    // Today lists the urgent patients (an urgent or high gap of any role: clinical::anyUrgent, the
    // rules engine's word) in a part of their own above the rest, each part in the day's order. A
    // PHQ-9 with question 9 answered (a suicide-risk alert) puts a booked patient there.
    void todayListsTheUrgentPatientsAboveTheRest()
    {
        signInDirectly(keys::Role::Clinician);
        const QString atRisk = patientIds().at(1);  // booked today (initTestCase)
        const QString added = onDatabase<QString>([atRisk](registry::Registry *r) {
            const auto screening = r->addRecord(
                atRisk, domain::Screening{{}, QStringLiteral("phq9"), kToday, QJsonArray{1, 1, 1, 1, 1, 1, 1, 1, 1}});
            return screening ? QString() : screening.error().line();
        });
        QVERIFY2(added.isEmpty(), qPrintable(added));
        session().noteDataChanged();
        // The rules engine's day, split by its own word for urgent.
        const QStringList day = onDatabase<QStringList>([](registry::Registry *r) {
            QStringList urgent;
            QStringList rest;
            const auto rows = registry::huddleRows(*r, kToday);
            if (!rows)
                return QStringList{rows.error().line()};
            for (const registry::HuddleRow &row : *rows)
                (clinical::anyUrgent(row.rooming + row.clinician + row.registryManager) ? urgent : rest)
                    << row.patientId;
            return urgent + QStringList{QStringLiteral("|")} + rest;
        });
        const qsizetype split = day.indexOf(QStringLiteral("|"));
        QVERIFY2(split > 0 && day.mid(0, split).contains(atRisk), qPrintable(day.join(QLatin1Char(' '))));
        QStringList expected = day;
        expected.removeAll(QStringLiteral("|"));

        QVERIFY(QMetaObject::invokeMethod(testing::findItem(m_window, QStringLiteral("nav_today")), "clicked"));
        QQuickItem *today = nullptr;
        QTRY_VERIFY((today = testing::findItem(m_window, QStringLiteral("huddleScreen"))));
        auto *huddle = today->findChild<QAbstractItemModel *>(QStringLiteral("huddleModel"));
        QVERIFY(huddle);
        huddle->setProperty("roleFilter", QStringLiteral("all"));
        QTRY_VERIFY_WITH_TIMEOUT(!huddle->property("loading").toBool() && huddle->rowCount() == expected.size(), 30000);
        QStringList shown;
        for (int row = 0; row < huddle->rowCount(); ++row)
            shown << huddle->index(row, 0).data(app::HuddleModel::PatientIdRole).toString();
        QCOMPARE(shown, expected);
        QCOMPARE(huddle->property("urgentCount").toInt(), split);

        // On screen: the urgent part's heading above its first row; the rest's heading between the
        // last urgent row and the first of the rest.
        QQuickItem *heading = nullptr;
        QTRY_VERIFY((heading = testing::findItem(m_window, QStringLiteral("huddleUrgentHeading"))));
        const auto top = [](QQuickItem *item) { return item->mapToScene(QPointF()).y(); };
        QQuickItem *firstUrgent = testing::findItem(m_window, QStringLiteral("huddleRow_") + expected.first());
        QVERIFY(firstUrgent && top(heading) < top(firstUrgent));
        QVERIFY(onScreen(m_window, heading));
        if (split < expected.size()) {
            QQuickItem *restHeading = testing::findItem(m_window, QStringLiteral("huddleRestHeading"));
            QQuickItem *lastUrgent = testing::findItem(m_window, QStringLiteral("huddleRow_") + expected.at(split - 1));
            QQuickItem *firstOfRest = testing::findItem(m_window, QStringLiteral("huddleRow_") + expected.at(split));
            QVERIFY(restHeading && lastUrgent && firstOfRest);
            QVERIFY(top(lastUrgent) < top(restHeading) && top(restHeading) < top(firstOfRest));
        }
        huddle->setProperty("roleFilter", QString());
    }

    // A save's status ("PEG saved.") stays on screen after the re-read the save sets off; it goes
    // when another patient is opened.
    void whatASaveSaidStaysAfterTheReReadThatFollowsIt()
    {
        signInDirectly(keys::Role::Clinician);
        QVERIFY(m_app->app().language().setLanguage(QStringLiteral("en")));
        openPatient(patientIds().at(5));
        QObject *view = m_window->findChild<QObject *>(QStringLiteral("patientViewModel"));
        QVERIFY(view);
        QTRY_VERIFY(!view->property("loading").toBool());
        const auto status = [&] {
            QQuickItem *banner = testing::findItem(m_window, QStringLiteral("patientMessage"));
            return banner && banner->isVisible() ? banner->property("text").toString() : QString();
        };
        QVERIFY(QMetaObject::invokeMethod(view, "savePeg", Q_ARG(int, 4), Q_ARG(int, 5), Q_ARG(int, 6)));
        QTRY_COMPARE(status(), QStringLiteral("PEG saved."));
        // The save's done handler has already asked for the re-read; wait until it has been applied.
        QTRY_VERIFY(!view->property("loading").toBool());
        QCOMPARE(status(), QStringLiteral("PEG saved."));

        closePatient();
        openPatient(patientIds().at(6));
        view = m_window->findChild<QObject *>(QStringLiteral("patientViewModel"));
        QVERIFY(view);
        QTRY_VERIFY(!view->property("loading").toBool());
        QCOMPARE(status(), QString());
        closePatient();
    }
};

int main(int argc, char **argv)
{
    QApplication application(argc, argv);  // the charts need Qt Widgets
    TestPatientScreen test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_patient_screen.moc"
