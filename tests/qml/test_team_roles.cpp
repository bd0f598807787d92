// The clinic's team, end to end over a real encrypted registry: a user of EACH role signs in
// through the app's Session into the real Main.qml, and is offered exactly the destinations its
// work needs, landing on its own (the front desk gets no rooming); each care gap's owner
// under the policy in force writes the record that closes it while a role that neither owns the
// gap nor has the permission is refused, before and after the clinic moves a gap to another role;
// the policy editor offers only roles that could close a gap and refuses one that could not,
// naming the key; and the front-desk script in the app states the refill rules in force.

#include "core/clinical/responsibilities.h"
#include "core/domain/record_json.h"
#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"
#include "qml/admin/clinic_policy_model.h"
#include "qml/app/language.h"
#include "qml/app/permissions.h"
#include "qml/app/session.h"
#include "qml/scripts/script_library_model.h"
#include "tests/qml/quick_driver.h"
#include "tests/qml/registry_answer.h"
#include "tests/support/app_fixture.h"

#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <functional>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;

namespace {

const QDate kToday(2026, 11, 23);

struct Member {
    keys::Role role;
    QString name;
    QString pin;
    QString id;
};

// A valid record of `kind` dated today, as the contract's patient object writes it.
domain::AnyRecord closingRecord(const QString &kind)
{
    const QString day = kToday.toString(Qt::ISODate);
    QJsonValue json;
    if (kind == QLatin1String("screening"))
        json = QJsonObject{{QStringLiteral("instrument"), QStringLiteral("phq9")},
                           {QStringLiteral("date"), day},
                           {QStringLiteral("answers"), QJsonArray{0, 0, 0, 0, 0, 0, 0, 0, 0}}};
    else if (kind == QLatin1String("uds"))
        json = QJsonObject{{QStringLiteral("date"), day}, {QStringLiteral("result"), QStringLiteral("expected")}};
    else if (kind == QLatin1String("opioid"))
        json = QJsonObject{{QStringLiteral("drug"), QStringLiteral("oxycodone")},
                           {QStringLiteral("strength_mg"), 5},
                           {QStringLiteral("units_per_dose"), 1},
                           {QStringLiteral("doses_per_day"), 2},
                           {QStringLiteral("prn"), false},
                           {QStringLiteral("start"), day}};
    else if (kind == QLatin1String("benzodiazepine"))
        json = QJsonObject{{QStringLiteral("drug"), QStringLiteral("alprazolam")}, {QStringLiteral("start"), day}};
    else if (kind == QLatin1String("visit"))
        json = QJsonObject{{QStringLiteral("date"), day}, {QStringLiteral("status"), QStringLiteral("completed")}};
    else if (kind == QLatin1String("peg"))
        json = QJsonObject{{QStringLiteral("date"), day},
                           {QStringLiteral("pain"), 4},
                           {QStringLiteral("enjoyment"), 4},
                           {QStringLiteral("activity"), 4}};
    else if (kind == QLatin1String("referral"))
        json = QJsonObject{{QStringLiteral("date"), day},
                           {QStringLiteral("to"), QStringLiteral("Valley Physical Therapy")},
                           {QStringLiteral("question"), QStringLiteral("A strengthening plan for her knees?")}};
    else if (kind == QLatin1String("intake"))  // started, as the front desk does
        json = QJsonObject{{QStringLiteral("date"), day}};
    else if (kind == QLatin1String("moud_status"))
        json = QJsonObject{{QStringLiteral("date"), day}, {QStringLiteral("state"), QStringLiteral("offered")}};
    else
        json = day;  // naloxone, agreement, pdmp_check: the short form
    auto record = domain::recordFromJson(kind, json);
    if (!record)
        qFatal("test record %s: %s", qPrintable(kind), qPrintable(record.error().line()));
    return *record;
}

}  // namespace

class TestTeamRoles : public QObject {
    Q_OBJECT

    // The app's objects as main() builds them, on kToday (the screens are loaded by the test that
    // signs in as each role).
    std::unique_ptr<testing::AppFixture> m_app;
    app::Session *m_session = nullptr;
    QList<Member> m_team;
    QString m_patientId;

    const Member &member(keys::Role role) const
    {
        for (const Member &m : m_team)
            if (m.role == role)
                return m;
        qFatal("no member");
    }

    void signIn(const Member &m)
    {
        if (m_session->signedIn()) {
            m_session->lock();
            QTRY_VERIFY_WITH_TIMEOUT(!m_session->loading(), 120000);
        }
        m_session->unlock(m.id, m.pin);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->loading(), 120000);
        QVERIFY2(m_session->signedIn(), qPrintable(m_session->message()));
        QCOMPARE(m_session->role(), keys::toString(m.role));
    }

    template <typename R> R onDatabase(std::function<R(registry::Registry *)> job)
    {
        return testing::answerFrom<R>(*m_session->services().thread, this, std::move(job));
    }

    // As the administrator, through the app's own thread: the policy in force becomes `overrides`
    // applied, and the session re-reads it.
    void setPolicyAsAdministrator(const QJsonObject &overrides)
    {
        signIn(member(keys::Role::Administrator));
        const QString error = onDatabase<QString>([overrides](registry::Registry *r) {
            auto set = r->setClinicPolicy(overrides);
            return set ? QString() : set.error().line();
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Each gap's closing record written by each member in turn, straight through the registry
    // (outside the app, so the session is signed out first). Returns "CODE role" pairs that were
    // written.
    QStringList writeEveryClosingRecordAsEveryone()
    {
        if (m_session->signedIn()) {
            m_session->lock();
            if (!QTest::qWaitFor([this] { return !m_session->loading(); }, 120000))
                qFatal("the session did not lock");
        }
        QStringList written;
        for (const Member &m : m_team) {
            auto opened =
                registry::Registry::unlock(m_app->databasePath(), m_app->keystore(), m.id, m.pin, m_app->clock());
            if (!opened)
                qFatal("unlock: %s", qPrintable(opened.error().line()));
            auto policy = (*opened)->clinicPolicy();
            for (const QString &code : clinical::careGapCodes()) {
                const QString kind = clinical::kindsClosingGap(code).first();
                auto added = (*opened)->addRecord(m_patientId, closingRecord(kind));
                const bool owner = policy->responsibleRole(code) == keys::toString(m.role);
                const bool permitted = keys::can(m.role, registry::permissionToWrite(kind));
                const QString what = QStringLiteral("%1 by %2 (%3)").arg(code, keys::toString(m.role), kind);
                // A new referral is a clinician's whoever owns its gaps; the others may only move
                // one on (core/clinical/referrals.h; test_referrals covers who may do which).
                const bool newReferral = kind == QLatin1String("referral");
                const bool expected =
                    newReferral ? keys::can(m.role, keys::Permission::RecordClinicalDecision) : owner || permitted;
                if (expected) {
                    if (!added)
                        qFatal("%s refused: %s", qPrintable(what), qPrintable(added.error().line()));
                    written << code + QLatin1Char(' ') + keys::toString(m.role);
                } else if (added) {
                    qFatal("%s was written though the role neither owns the gap nor may record it", qPrintable(what));
                } else if (added.error().code != ErrorCode::NotAllowed) {
                    qFatal("%s refused for another reason: %s", qPrintable(what), qPrintable(added.error().line()));
                }
                // The app's screens ask the same question with the same policy.
                if (!newReferral && clinical::mayRecord(m.role, kind, *policy) != (owner || permitted))
                    qFatal("mayRecord disagrees with the registry for %s", qPrintable(what));
            }
        }
        return written;
    }

private slots:
    void initTestCase()
    {
        const QList<Member> others{
            {keys::Role::MedicalAssistant, QStringLiteral("Morgan MA"), QStringLiteral("2468"), {}},
            {keys::Role::Nurse, QStringLiteral("Nico Nurse"), QStringLiteral("3579"), {}},
            {keys::Role::Clinician, QStringLiteral("Casey Clinician"), QStringLiteral("1357"), {}},
            {keys::Role::RegistryManager, QStringLiteral("Riley Registry"), QStringLiteral("1470"), {}},
            {keys::Role::FrontDesk, QStringLiteral("Frankie Front Desk"), QStringLiteral("2580"), {}}};
        testing::AppFixtureOptions options;
        options.fileName = QStringLiteral("team.db");
        options.now = QDateTime(kToday, QTime(15, 0), Qt::UTC);
        options.loadScreens = false;
        for (const Member &m : others)
            options.users.append({m.name, m.role, m.pin});
        synthetic::Options clinic;
        clinic.patients = 12;
        clinic.seed = 14;
        options.clinic = clinic;
        QString error;
        m_app = testing::AppFixture::make(options, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_session = &m_app->session();
        m_team << Member{keys::Role::Administrator, options.adminName, options.adminPin,
                         m_app->userId(options.adminName)};
        for (Member m : others) {
            m.id = m_app->userId(m.name);
            m_team << m;
        }
        {
            auto admin = registry::Registry::unlock(m_app->databasePath(), m_app->keystore(), options.adminName,
                                                    options.adminPin, m_app->clock());
            QVERIFY(admin.ok());
            auto patients = (*admin)->loadAllPatients(QStringLiteral("test"));
            QVERIFY(patients.ok() && !patients->isEmpty());
            m_patientId = patients->first().id;
        }
        m_session->refreshUsers();
        QTRY_COMPARE(m_session->users()->rowCount(), 6);
    }

    // Signed in as each role in the real app: the shell's navigation shows exactly that role's
    // destinations (at most five, from the permission table), the role lands on its own work, and
    // Main.qml opens no screen the table refuses.
    void eachRoleIsOfferedTheScreensItsWorkNeeds()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Cairn/Main.qml")));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        auto find = [&](const char *name) {
            return engine.rootObjects().first()->findChild<QObject *>(QLatin1String(name));
        };
        struct Expected {
            keys::Role role;
            QStringList destinations;  // in the rail's order; the first is where the role lands
            const char *landing;       // the landing page's objectName
        };
        const QList<Expected> table{
            {keys::Role::MedicalAssistant, {"nav_today", "nav_calls", "nav_patients", "nav_practise"}, "huddleScreen"},
            {keys::Role::Nurse, {"nav_calls", "nav_today", "nav_patients", "nav_practise"}, "pegOutreachScreen"},
            {keys::Role::Clinician,
             {"nav_today", "nav_patients", "nav_registry", "nav_measures", "nav_practise"},
             "huddleScreen"},
            {keys::Role::RegistryManager,
             {"nav_registry", "nav_patients", "nav_measures", "nav_today", "nav_administration"},
             "registryScreen"},
            {keys::Role::FrontDesk, {"nav_refills", "nav_patients", "nav_today", "nav_registry"}, "refillCheckScreen"},
            {keys::Role::Administrator,
             {"nav_measures", "nav_registry", "nav_patients", "nav_today", "nav_administration"},
             "measuresScreen"}};
        const QStringList every{"nav_today",   "nav_calls",    "nav_registry", "nav_patients",
                                "nav_refills", "nav_measures", "nav_practise", "nav_administration"};
        for (const Expected &e : table) {
            const QString role = keys::toString(e.role);
            signIn(member(e.role));
            QTRY_VERIFY_WITH_TIMEOUT(testing::findItem(window, QLatin1String(e.landing)), 60000);
            // The rail, top to bottom.
            QStringList shown;
            QTRY_VERIFY(testing::findItem(window, e.destinations.first()));
            std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
                if (!item->isVisible())
                    return;
                if (every.contains(item->objectName()))
                    shown << item->objectName();
                for (QQuickItem *child : item->childItems())
                    walk(child);
            };
            walk(testing::findItem(window, QStringLiteral("navigationRail")));
            QCOMPARE(shown, e.destinations);
            QVERIFY(e.destinations.size() <= 5);
            for (const QString &name : every)
                QCOMPARE(testing::findItem(window, name) != nullptr, e.destinations.contains(name));
            QCOMPARE(app::Permissions::offers(role, QStringLiteral("rooming")),
                     e.destinations.contains(QStringLiteral("nav_calls")) || e.role == keys::Role::Clinician);
            QCOMPARE(app::Permissions::offers(role, QStringLiteral("refill_check")),
                     e.role != keys::Role::Administrator);
            QVERIFY(app::Permissions::offers(role, QStringLiteral("measures")));

            // Main.qml opens what the table offers and nothing else.
            QQmlExpression depth(qmlContext(window), window, QStringLiteral("currentStack.depth"));
            QTRY_COMPARE(depth.evaluate().toInt(), 1);
            QQmlExpression open(
                qmlContext(window), window,
                QStringLiteral(
                    "open(\"rooming\", patientComponent, { patientId: \"%1\", currentTab: PatientTabs.Rooming })")
                    .arg(m_patientId));
            open.evaluate();
            QVERIFY(!open.hasError());
            const bool rooms = app::Permissions::offers(role, QStringLiteral("rooming"));
            // Refused: nothing was pushed (another destination's stack may hold a patient of its own).
            QTRY_COMPARE(depth.evaluate().toInt(), rooms ? 2 : 1);
            if (rooms)
                QTRY_VERIFY(find("roomingScreen"));
            if (rooms) {
                QQmlExpression pop(qmlContext(window), window, QStringLiteral("currentStack.pop()"));
                pop.evaluate();
                QTRY_COMPARE(depth.evaluate().toInt(), 1);
            }
        }
        m_session->lock();
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->loading(), 120000);
    }

    // Each gap's owner under the policy in force closes it; a role that neither owns the gap nor
    // has the permission is refused. With the defaults the registry manager records the PDMP
    // check (issue 14) but not a PEG; once the clinic gives it the PEG, it may, and the screens
    // (Permissions.canRecord, with the policy the session re-read) agree.
    void eachGapsOwnerClosesItAndOthersAreRefused()
    {
        QStringList written = writeEveryClosingRecordAsEveryone();
        QVERIFY(written.contains(QStringLiteral("PDMP_CHECK registry_manager")));
        QVERIFY(!written.contains(QStringLiteral("PEG registry_manager")));
        QVERIFY(!written.contains(QStringLiteral("PDMP_CHECK front_desk")));
        QVERIFY(written.contains(QStringLiteral("VISIT front_desk")));
        QVERIFY(!written.contains(QStringLiteral("NALOXONE nurse")));

        signIn(member(keys::Role::RegistryManager));
        QTRY_VERIFY(app::Permissions::canRecord(QStringLiteral("registry_manager"), QStringLiteral("pdmp_check")));
        QVERIFY(!app::Permissions::canRecord(QStringLiteral("registry_manager"), QStringLiteral("peg")));

        setPolicyAsAdministrator(
            QJsonObject{{QStringLiteral("responsibilities"),
                         QJsonObject{{QStringLiteral("PEG"), QStringLiteral("registry_manager")}}}});
        signIn(member(keys::Role::RegistryManager));
        QTRY_VERIFY_WITH_TIMEOUT(app::Permissions::canRecord(QStringLiteral("registry_manager"), QStringLiteral("peg")),
                                 10000);
        written = writeEveryClosingRecordAsEveryone();
        QVERIFY(written.contains(QStringLiteral("PEG registry_manager")));
        QVERIFY(written.contains(QStringLiteral("PEG nurse")));  // the nurse keeps its own permission

        // Back to the shipped responsibilities for the tests that follow.
        setPolicyAsAdministrator(QJsonObject{
            {QStringLiteral("responsibilities"), QJsonObject{{QStringLiteral("PEG"), QStringLiteral("nurse")}}}});
    }

    // The editor offers only roles that could close a gap, and a refused choice names the key on
    // its own row with the policy in force unchanged.
    void thePolicyEditorRefusesAResponsibilityNoRoleCouldHold()
    {
        signIn(member(keys::Role::Administrator));
        app::ClinicPolicyModel model;
        model.setSession(m_session);
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && model.rowOf(QStringLiteral("responsibilities.HIGH_DOSE")) >= 0,
                                 60000);
        const QString version = model.version();
        QStringList choices;
        for (const QVariant &c : model.roleChoices(QStringLiteral("responsibilities.HIGH_DOSE")))
            choices << c.toMap().value(QStringLiteral("value")).toString();
        QCOMPARE(choices, QStringList{QStringLiteral("clinician")});
        choices.clear();
        for (const QVariant &c : model.roleChoices(QStringLiteral("responsibilities.VISIT")))
            choices << c.toMap().value(QStringLiteral("value")).toString();
        QVERIFY(choices.contains(QStringLiteral("front_desk")));
        QVERIFY(!choices.contains(QStringLiteral("administrator")));

        model.setValueByKey(QStringLiteral("responsibilities.HIGH_DOSE"), QStringLiteral("front_desk"));
        QCOMPARE(model.overrides(),
                 (QJsonObject{{QStringLiteral("responsibilities"),
                               QJsonObject{{QStringLiteral("HIGH_DOSE"), QStringLiteral("front_desk")}}}}));
        model.save();
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && model.error(), 60000);
        const int row = model.rowOf(QStringLiteral("responsibilities.HIGH_DOSE"));
        const QString fieldError = model.data(model.index(row), app::ClinicPolicyModel::FieldErrorRole).toString();
        QVERIFY2(fieldError.contains(QStringLiteral("front_desk could never record opioid")), qPrintable(fieldError));
        const QString inForce = onDatabase<QString>([](registry::Registry *r) { return r->clinicPolicy()->version; });
        QCOMPARE(inForce, version);

        // A choice it accepts is saved as a new version and read back on the row.
        model.discardChanges();
        model.setValueByKey(QStringLiteral("responsibilities.VISIT"), QStringLiteral("front_desk"));
        model.save();
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && model.version() != version, 60000);
        QVERIFY2(!model.error(), qPrintable(model.message()));
        QCOMPARE(model
                     .data(model.index(model.rowOf(QStringLiteral("responsibilities.VISIT"))),
                           app::ClinicPolicyModel::TextRole)
                     .toString(),
                 QStringLiteral("front_desk"));
    }

    // The front-desk script in the app says the refill rules in force, in both languages, and
    // changes when an administrator changes them.
    void theFrontDeskScriptStatesThePolicyInForce()
    {
        auto phrasings = [](const app::ScriptLibraryModel &model) {
            QStringList all;
            for (int row = 0; row < model.rowCount(); ++row) {
                if (model.data(model.index(row), app::PromptListModel::ScriptIdRole).toString() !=
                    QLatin1String("front-desk-refill-policy"))
                    continue;
                for (const QVariant &step : model.data(model.index(row), app::PromptListModel::StepsRole).toList())
                    all << step.toMap().value(QStringLiteral("phrasings")).toStringList();
            }
            return all.join(QLatin1Char('\n'));
        };
        signIn(member(keys::Role::FrontDesk));
        app::ScriptLibraryModel english;
        english.setLanguage(QStringLiteral("en"));
        english.setAudience(QStringLiteral("front_desk"));
        app::ScriptLibraryModel spanish;
        spanish.setLanguage(QStringLiteral("es"));
        spanish.setAudience(QStringLiteral("front_desk"));
        QTRY_VERIFY(phrasings(english).contains(QStringLiteral("notice of 4 business days")));
        QVERIFY(phrasings(spanish).contains(QStringLiteral("un aviso de 4 días hábiles")));
        QVERIFY(phrasings(english).contains(QStringLiteral("on these days: Monday and Friday.")));

        setPolicyAsAdministrator(
            QJsonObject{{QStringLiteral("refill"),
                         QJsonObject{{QStringLiteral("notice_business_days"), 6},
                                     {QStringLiteral("no_fill_weekdays"), QJsonArray{QStringLiteral("thursday")}}}}});
        signIn(member(keys::Role::FrontDesk));
        QTRY_VERIFY_WITH_TIMEOUT(phrasings(english).contains(QStringLiteral("notice of 6 business days")), 10000);
        QVERIFY(phrasings(english).contains(QStringLiteral("on these days: Thursday.")));
        QVERIFY(phrasings(spanish).contains(QStringLiteral("un aviso de 6 días hábiles")));
        QVERIFY(phrasings(spanish).contains(QStringLiteral("estos días: jueves.")));
        QVERIFY(!phrasings(english).contains(QStringLiteral("{refill.")));
    }

    // Practice lists only the new-patient script that fits the clinic's switch, in both languages.
    void rehearsalOffersOnlyTheNewPatientScriptInForce()
    {
        auto ids = [](const app::ScriptLibraryModel &model) {
            QStringList all;
            for (int row = 0; row < model.rowCount(); ++row)
                all << model.data(model.index(row), app::PromptListModel::ScriptIdRole).toString();
            return all;
        };
        const QString recordsFirst = QStringLiteral("new-patient-on-opioids");
        const QString bridge = QStringLiteral("new-patient-bridge");
        signIn(member(keys::Role::Clinician));
        app::ScriptLibraryModel english;
        app::ScriptLibraryModel spanish;
        spanish.setLanguage(QStringLiteral("es"));
        for (const app::ScriptLibraryModel *model : {&english, &spanish}) {
            QVERIFY2(ids(*model).contains(recordsFirst), qPrintable(ids(*model).join(QLatin1Char(' '))));
            QVERIFY(!ids(*model).contains(bridge));
        }

        setPolicyAsAdministrator(QJsonObject{
            {QStringLiteral("new_patient"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("bridge")}}}});
        signIn(member(keys::Role::Clinician));
        QTRY_VERIFY_WITH_TIMEOUT(ids(english).contains(bridge), 10000);
        QVERIFY(!ids(english).contains(recordsFirst));
        QTRY_VERIFY(ids(spanish).contains(bridge));
        QVERIFY(!ids(spanish).contains(recordsFirst));
    }
};

QTEST_MAIN(TestTeamRoles)
#include "test_team_roles.moc"
