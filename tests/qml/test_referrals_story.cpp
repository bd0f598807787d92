// Resources and referrals followed through, end to end through the real app (issue 18, "Done
// when"): the registry manager adds resources on the Resources screen; a clinician refers a patient
// at 95 MME to a directory resource from the visit; on the app's clock the referral's follow-up
// becomes overdue and shows on the patient screen as the registry manager's gap; the registry
// manager moves the referral on until it is closed, and the gap goes. On another patient at 95 MME
// the clinician answers the gap with "Decide not to refer": the form opens with the gap's trigger
// chosen, refuses a decision with no reason, and once written the gap goes. A third patient's DSM-5
// checklist meets the criteria: the concern for opioid use disorder is a referral trigger, answered
// the same way; and "referred" for MOUD names a resource of the directory, chosen among those that
// offer MOUD, refused naming the field when missing, shown by name on the patient screen in both
// languages. Every step is checked in the encrypted registry. Users sign in on the keypad; fields
// are filled by tapping and typing.

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "qml/app/language.h"
#include "qml/app/session.h"
#include "tests/qml/quick_driver.h"
#include "tests/qml/registry_answer.h"
#include "tests/qml/sign_in.h"
#include "tests/support/app_fixture.h"
#include "tests/support/result_checks.h"

#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;

namespace {

const QString kManagerPin = QStringLiteral("2468");
const QString kClinicianPin = QStringLiteral("1357");

void typeKeys(const QString &text)
{
    QQuickWindow *window = qobject_cast<QQuickWindow *>(QGuiApplication::focusWindow());
    for (const QChar c : text)
        QTest::keyClick(window, c.toLatin1());
}

// The shown button under `root` whose text is `text` (a chip).
}  // namespace

class TestReferralsStory : public QObject {
    Q_OBJECT

    std::unique_ptr<testing::AppFixture> m_app;
    QQuickWindow *m_window = nullptr;
    QString m_managerId;
    QString m_clinicianId;
    QString m_patientId;
    QString m_resourceId;

    template <typename R> R onDatabase(std::function<R(registry::Registry *)> job)
    {
        return testing::answerFrom<R>(*m_app->session().services().thread, this, std::move(job));
    }

    domain::Patient stored(const QString &patientId = {})
    {
        return testing::storedPatient(*m_app->session().services().thread, this,
                                      patientId.isEmpty() ? m_patientId : patientId);
    }

    // A patient at 95 MME (morphine, for 200 days), over the 90 that asks for a referral.
    Result<QString> addPatientAt95Mme(const QString &name, const QString &chart, const QDate &birthDate)
    {
        const domain::Patient p = testing::patientOnMorphine(name, chart, birthDate, 95, m_app->today().addDays(-200));
        return onDatabase<Result<QString>>([p](registry::Registry *r) { return r->addPatient(p); });
    }

    void typeNamed(const QString &name, const QString &text)
    {
        QVERIFY2(testing::tapNamedInView(m_window, name), qPrintable(name));
        QQuickItem *input = testing::findItem(m_window, name);
        QVERIFY(testing::waitFor([&] { return input && input->hasActiveFocus(); }));
        typeKeys(text);
    }

    void signIn(const QString &userId, const QString &pin)
    {
        QVERIFY2(testing::signInOnKeypad(m_window, m_app->session(), userId, pin), qPrintable(userId));
    }

    void openPatient(const QString &patientId = {}, const QString &name = QStringLiteral("Rita Referral"))
    {
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("nav_patients")));
        QVERIFY(testing::tapNamedInView(m_window,
                                        QStringLiteral("patient_") + (patientId.isEmpty() ? m_patientId : patientId)));
        QVERIFY(testing::waitFor([&] {
            QQuickItem *shown = testing::findItem(m_window, QStringLiteral("patientName"));
            return shown && shown->property("text").toString() == name;
        }));
    }

    void chooseDate(const QString &name, const QDate &day)
    {
        QVERIFY2(testing::chooseDate(m_window, name, day), qPrintable(name));
    }

    void tapChip(const QString &name, const QString &text)
    {
        QVERIFY2(testing::tapChip(m_window, name, text), qPrintable(name + QStringLiteral(": ") + text));
    }

    // Whether the patient screen lists the gap (on its Summary tab, shown or not).
    bool gapShown(const QString &code)
    {
        return testing::findItem(m_window, QStringLiteral("gapCard_") + code, false) != nullptr;
    }

    QString moudShown()
    {
        QQuickItem *label = testing::findItem(m_window, QStringLiteral("moudStatus"), false);
        return label ? label->property("text").toString() : QString();
    }

private slots:
    void initTestCase()
    {
        testing::AppFixtureOptions options;
        options.users = {{QStringLiteral("Riley Registry"), keys::Role::RegistryManager, kManagerPin},
                         {QStringLiteral("Casey Clinician"), keys::Role::Clinician, kClinicianPin}};
        QString error;
        m_app = testing::AppFixture::make(options, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_managerId = m_app->userId(QStringLiteral("Riley Registry"));
        m_clinicianId = m_app->userId(QStringLiteral("Casey Clinician"));
        m_window = m_app->window();
        QVERIFY(testing::resize(m_window, QSize(1280, 800)));
        QVERIFY(testing::waitFor([&] { return m_app->session().users()->rowCount() == 3; }));
    }

    void theRegistryManagerAddsResources()
    {
        signIn(m_managerId, kManagerPin);
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("nav_registry")));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("resourcesButton")));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("resourceAdd")));
        typeNamed(QStringLiteral("resourceName"), QStringLiteral("Valley Pain Center"));
        QQuickItem *categories = testing::findItem(m_window, QStringLiteral("resourceFormCategory"));
        QQuickItem *pain = testing::findButton(categories, QStringLiteral("Pain specialist"));
        QVERIFY(pain);
        testing::tapInView(m_window, pain);
        typeNamed(QStringLiteral("resourceLanguages"), QStringLiteral("en, es"));
        typeNamed(QStringLiteral("resourceDistance"), QStringLiteral("42"));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("resourceSave")));
        QVERIFY(testing::waitFor([&] {
            auto list = onDatabase<Result<QList<domain::ClinicResource>>>(
                [](registry::Registry *r) { return r->clinicResources(); });
            if (!list || list->isEmpty())
                return false;
            m_resourceId = list->first().id;
            return true;
        }));
        // It is listed, and its details show how to find it.
        QVERIFY(testing::waitFor(
            [&] { return testing::findItem(m_window, QStringLiteral("resourceRow_") + m_resourceId) != nullptr; }));
        QVERIFY(testing::waitFor([&] {
            QQuickItem *detail = testing::findItem(m_window, QStringLiteral("resourceDetail"));
            return detail && detail->property("title").toString() == QStringLiteral("Valley Pain Center");
        }));
        // A second one, searched for by a word of its name.
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("resourceAdd")));
        typeNamed(QStringLiteral("resourceName"), QStringLiteral("Lakeside Pool"));
        testing::tapInView(m_window,
                           testing::findButton(testing::findItem(m_window, QStringLiteral("resourceFormCategory")),
                                               QStringLiteral("Other non-drug therapy")));
        typeNamed(QStringLiteral("resourceSubtype"), QStringLiteral("aqua therapy"));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("resourceSave")));
        QVERIFY(testing::waitFor([&] {
            return onDatabase<Result<QList<domain::ClinicResource>>>([](registry::Registry *r) {
                       return r->clinicResources();
                   })->size() == 2;
        }));
        typeNamed(QStringLiteral("resourceSearch"), QStringLiteral("aqua"));
        QVERIFY(testing::waitFor(
            [&] { return testing::findItem(m_window, QStringLiteral("resourceRow_") + m_resourceId) == nullptr; }));

        // The patient the clinician will see, at 95 MME, registered here.
        auto id = addPatientAt95Mme(QStringLiteral("Rita Referral"), QStringLiteral("R-95"), QDate(1960, 2, 3));
        QVERIFY2(id, id ? "" : qPrintable(id.error().line()));
        m_patientId = *id;
    }

    void aClinicianRefersFromTheVisit()
    {
        signIn(m_clinicianId, kClinicianPin);
        openPatient();
        QVERIFY(testing::waitFor([&] { return gapShown(QStringLiteral("REFERRAL_NEEDED")); }));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("tab_visit")));
        // The directory's resources are the choices (offline), after "not in the directory".
        QQuickItem *resource = nullptr;
        QVERIFY(testing::waitFor([&] {
            resource = testing::findItem(m_window, QStringLiteral("referralResource"));
            return resource && resource->property("count").toInt() == 3;
        }));
        int index = -1;
        QMetaObject::invokeMethod(resource, "indexOfValue", Qt::DirectConnection, Q_RETURN_ARG(int, index),
                                  Q_ARG(QVariant, m_resourceId));
        QVERIFY(index > 0);
        resource->setProperty("currentIndex", index);
        // No question: Refer stays disabled.
        QQuickItem *refer = testing::findItem(m_window, QStringLiteral("decisionRefer"), false);
        QVERIFY(refer && !refer->isEnabled());
        typeNamed(QStringLiteral("referralQuestion"), QStringLiteral("Would a slow taper suit her?"));
        QVERIFY(testing::waitFor([&] { return refer->isEnabled(); }));
        testing::tapInView(m_window, refer);
        QVERIFY(testing::waitFor([&] { return stored().referrals.size() == 1; }));
        const domain::Referral referral = stored().referrals.first();
        QCOMPARE(referral.resourceId, m_resourceId);
        QCOMPARE(referral.question, QStringLiteral("Would a slow taper suit her?"));
        QVERIFY(referral.status == domain::ReferralStatus::Drafted);
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("tab_summary")));
        QVERIFY(testing::waitFor([&] { return !gapShown(QStringLiteral("REFERRAL_NEEDED")); }));
        QVERIFY(testing::findItem(m_window, QStringLiteral("referrals")));
    }

    void theOverdueFollowUpIsTheRegistryManagersUntilClosed()
    {
        // Drafted today, to be sent within 7 days: eight days on it is overdue.
        m_app->clock().set(m_app->clock().now().addDays(8));
        signIn(m_managerId, kManagerPin);
        openPatient();
        QVERIFY(testing::waitFor([&] { return gapShown(QStringLiteral("REFERRAL_FOLLOWUP")); }));
        QQuickItem *gap = testing::findItem(m_window, QStringLiteral("gapCard_REFERRAL_FOLLOWUP"), false);
        QVERIFY(gap);
        QCOMPARE(gap->property("ownerLabel").toString(), QStringLiteral("For: Registry manager"));
        // Moved on step by step from the patient screen; each move is a new version.
        for (const char *status : {"sent", "scheduled", "seen", "closed"}) {
            QVERIFY2(testing::tapNamedInView(m_window, QStringLiteral("referralMove_") + QLatin1String(status)),
                     status);
            QVERIFY2(testing::waitFor(
                         [&] { return domain::toString(stored().referrals.first().status) == QLatin1String(status); }),
                     status);
        }
        QVERIFY(testing::waitFor([&] { return !gapShown(QStringLiteral("REFERRAL_FOLLOWUP")); }));
        auto history = onDatabase<Result<QList<domain::RecordEnvelope>>>(
            [id = m_patientId](registry::Registry *r) { return r->patientHistory(id); });
        QCOMPARE(std::count_if(history->cbegin(), history->cend(),
                               [](const auto &e) { return e.kind == QLatin1String("referral"); }),
                 5);
    }

    void aClinicianDecidesNotToReferFromTheGap()
    {
        auto id = addPatientAt95Mme(QStringLiteral("Nell Norefer"), QStringLiteral("R-96"), QDate(1958, 7, 9));
        QVERIFY2(id, id ? "" : qPrintable(id.error().line()));
        const auto decisions = [&] { return stored(*id).noReferralDecisions; };

        signIn(m_clinicianId, kClinicianPin);
        openPatient(*id, QStringLiteral("Nell Norefer"));
        QVERIFY(testing::waitFor([&] { return gapShown(QStringLiteral("REFERRAL_NEEDED")); }));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("tab_summary")));
        // One trigger: one "Decide not to refer", which opens the form with that trigger chosen.
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("noReferral_high_dose")));
        QObject *form = nullptr;
        QVERIFY(testing::waitFor([&] { return (form = m_app->find(QStringLiteral("recordForm"))) != nullptr; }));
        QCOMPARE(form->property("kind").toString(), QStringLiteral("no_referral"));
        QCOMPARE(form->property("values").toMap().value(QStringLiteral("trigger")).toString(),
                 QStringLiteral("high_dose"));
        QQuickItem *trigger = testing::findItem(m_window, QStringLiteral("field_trigger"));
        QVERIFY(trigger);
        QCOMPARE(trigger->property("currentIndex").toInt(), 0);  // "A dose of 90 MME or more"

        // No reason: refused naming it, and nothing is written.
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("formSave")));
        QVERIFY(testing::waitFor([&] { return form->property("errors").toMap().contains(QStringLiteral("reason")); }));
        QVERIFY(decisions().isEmpty());

        chooseDate(QStringLiteral("field_date"), m_app->today());
        typeNamed(QStringLiteral("field_reason"), QStringLiteral("She already sees a pain specialist monthly"));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("formSave")));
        QVERIFY(testing::waitFor([&] { return decisions().size() == 1; }));
        const domain::NoReferralDecision decision = decisions().first();
        QVERIFY(decision.trigger == domain::ReferralTrigger::HighDose);
        QCOMPARE(decision.reason, QStringLiteral("She already sees a pain specialist monthly"));
        QCOMPARE(decision.date, m_app->today());
        // Back on the patient screen, the gap has gone.
        QVERIFY(testing::waitFor([&] { return m_app->find(QStringLiteral("recordForm")) == nullptr; }));
        QVERIFY(testing::waitFor([&] { return !gapShown(QStringLiteral("REFERRAL_NEEDED")); }));
    }

    void aConcernForOpioidUseDisorderIsATriggerAndMoudReferralsNameTheDirectory()
    {
        // The directory gains a buprenorphine prescriber (besides the pain center and the pool).
        signIn(m_managerId, kManagerPin);
        domain::ClinicResource prescriber;
        prescriber.name = QStringLiteral("North Bridge Recovery");
        prescriber.category = domain::ResourceCategory::MoudPrescriber;
        auto saved = onDatabase<Result<domain::ClinicResource>>(
            [prescriber](registry::Registry *r) { return r->saveClinicResource(prescriber); });
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().line()));
        const QString prescriberId = saved->id;

        // A patient at a low dose whose checklist meets 3 criteria: mild opioid use disorder.
        domain::Patient p;
        p.clinicId = QStringLiteral("R-97");
        p.name = QStringLiteral("Otto Oud");
        p.birthDate = QDate(1971, 4, 5);
        p.sex = domain::Sex::Male;
        domain::OpioidEntry oxycodone;
        oxycodone.drug = QStringLiteral("oxycodone");
        oxycodone.strengthMg = 5;
        oxycodone.dosesPerDay = 2;
        oxycodone.start = m_app->today().addDays(-200);
        p.opioids = {oxycodone};
        domain::OudAssessment checklist;
        checklist.date = m_app->today().addDays(-1);
        checklist.clinician = QStringLiteral("Casey Clinician");
        checklist.asPrescribed = false;
        for (auto &answer : checklist.criteria)
            answer = false;
        checklist.criteria[1] = checklist.criteria[3] = checklist.criteria[4] = true;  // cut down, craving, roles
        p.oudAssessments = {checklist};
        auto id = onDatabase<Result<QString>>([p](registry::Registry *r) { return r->addPatient(p); });
        QVERIFY2(id, id ? "" : qPrintable(id.error().line()));
        const auto patient = [&] { return stored(*id); };

        // The concern is the referral gap's one trigger, answered by a decision not to refer.
        signIn(m_clinicianId, kClinicianPin);
        openPatient(*id, QStringLiteral("Otto Oud"));
        QVERIFY(testing::waitFor([&] { return gapShown(QStringLiteral("REFERRAL_NEEDED")); }));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("tab_summary")));
        QVERIFY(!testing::findItem(m_window, QStringLiteral("noReferral_high_dose"), false));
        QQuickItem *decide = testing::findItem(m_window, QStringLiteral("noReferral_oud_concern"), false);
        QVERIFY(decide);
        QCOMPARE(decide->property("text").toString(), QStringLiteral("Decide not to refer"));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("noReferral_oud_concern")));
        QObject *form = nullptr;
        QVERIFY(testing::waitFor([&] { return (form = m_app->find(QStringLiteral("recordForm"))) != nullptr; }));
        QCOMPARE(form->property("values").toMap().value(QStringLiteral("trigger")).toString(),
                 QStringLiteral("oud_concern"));
        // No reason: refused naming it, and nothing is written.
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("formSave")));
        QVERIFY(testing::waitFor([&] { return form->property("errors").toMap().contains(QStringLiteral("reason")); }));
        QVERIFY(patient().noReferralDecisions.isEmpty());
        chooseDate(QStringLiteral("field_date"), m_app->today());
        typeNamed(QStringLiteral("field_reason"), QStringLiteral("Starting buprenorphine here this week"));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("formSave")));
        QVERIFY(testing::waitFor([&] { return patient().noReferralDecisions.size() == 1; }));
        QVERIFY(patient().noReferralDecisions.first().trigger == domain::ReferralTrigger::OudConcern);
        QVERIFY(testing::waitFor([&] { return m_app->find(QStringLiteral("recordForm")) == nullptr; }));
        QVERIFY(testing::waitFor([&] { return !gapShown(QStringLiteral("REFERRAL_NEEDED")); }));

        // Offering treatment: "referred" asks which resource, among those of the directory that
        // offer MOUD (not the pain center, not the pool), and none is chosen for the user.
        QVERIFY(testing::waitFor([&] { return gapShown(QStringLiteral("MOUD_OFFER")); }));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("gapAction_MOUD_OFFER")));
        QVERIFY(testing::waitFor([&] { return (form = m_app->find(QStringLiteral("recordForm"))) != nullptr; }));
        QCOMPARE(form->property("kind").toString(), QStringLiteral("moud_status"));
        const auto resourceChoices = [&] {
            for (const QVariant &field : form->property("fields").toList())
                if (field.toMap().value(QStringLiteral("name")) == QLatin1String("resource_id"))
                    return field.toMap().value(QStringLiteral("choices")).toList();
            return QVariantList();
        };
        QVERIFY(testing::waitFor([&] { return resourceChoices().size() == 1; }));
        QCOMPARE(resourceChoices().first().toMap().value(QStringLiteral("value")).toString(), prescriberId);
        QVERIFY(form->property("values").toMap().value(QStringLiteral("resource_id")).toString().isEmpty());
        chooseDate(QStringLiteral("field_date"), m_app->today());
        tapChip(QStringLiteral("field_state"), QStringLiteral("Referred"));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("formSave")));
        QVERIFY(
            testing::waitFor([&] { return form->property("errors").toMap().contains(QStringLiteral("resource_id")); }));
        QVERIFY(patient().moudStatuses.isEmpty());
        tapChip(QStringLiteral("field_resource_id"), QStringLiteral("North Bridge Recovery"));
        QVERIFY(testing::tapNamedInView(m_window, QStringLiteral("formSave")));
        QVERIFY(testing::waitFor([&] { return patient().moudStatuses.size() == 1; }));
        QCOMPARE(patient().moudStatuses.first().resourceId, prescriberId);
        QVERIFY(patient().moudStatuses.first().state == domain::MoudState::Referred);

        // The patient screen names the resource, in English and, switched while it stays open, in
        // Spanish.
        QVERIFY(testing::waitFor([&] { return m_app->find(QStringLiteral("recordForm")) == nullptr; }));
        QVERIFY(
            testing::waitFor([&] { return moudShown().contains(QStringLiteral("Referred (North Bridge Recovery)")); }));
        app::Language &screens = m_app->app().language();
        QVERIFY(screens.setLanguage(QStringLiteral("es")));
        QVERIFY2(
            testing::waitFor([&] { return moudShown().contains(QStringLiteral("Derivado (North Bridge Recovery)")); }),
            qPrintable(moudShown()));
        QVERIFY(screens.setLanguage(QStringLiteral("en")));

        // The registry refuses a referral to a resource it does not hold, or to one that offers no MOUD.
        const auto refer = [&](const QString &resourceId) {
            domain::MoudStatus status;
            status.date = m_app->today();
            status.state = domain::MoudState::Referred;
            status.resourceId = resourceId;
            return onDatabase<Result<QString>>(
                [id = *id, status](registry::Registry *r) { return r->addRecord(id, status); });
        };
        const auto unknown = refer(QUuid::createUuid().toString(QUuid::WithoutBraces));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().field, QStringLiteral("resource_id"));
        QVERIFY2(unknown.error().message.contains(QStringLiteral("no resource")), qPrintable(unknown.error().line()));
        const auto painCenter = refer(m_resourceId);
        QVERIFY(!painCenter);
        QCOMPARE(painCenter.error().field, QStringLiteral("resource_id"));
        QVERIFY2(painCenter.error().message.contains(QStringLiteral("Valley Pain Center")),
                 qPrintable(painCenter.error().line()));
        QCOMPARE(patient().moudStatuses.size(), 1);
    }
};

QTEST_MAIN(TestReferralsStory)
#include "test_referrals_story.moc"
