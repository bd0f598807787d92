// The resource directory and referrals followed through (issue 18, items 1 and 2), through the real
// parts: the Registry on a real SQLCipher file, the record codec and the rules engine. A registry
// manager keeps the directory (with history, searchable offline); a clinician refers a patient at
// 95 MME to a directory resource; the follow-up becomes overdue on an injected clock and is a
// registry manager's gap until the referral is moved on and closed. Bad input is refused naming
// the field, with nothing written.

#include "core/clinical/referrals.h"
#include "core/domain/clinic_resource.h"
#include "core/domain/record_json.h"
#include "core/registry/registry.h"
#include "core/registry/views.h"
#include "platform/keystore.h"
#include "tests/support/result_checks.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using namespace cairn::registry;

namespace {

const QDate kDay(2026, 11, 2);  // a Monday

domain::ClinicResource resource(const QString &name, domain::ResourceCategory category, QStringList languages,
                                bool telehealth)
{
    domain::ClinicResource r;
    r.name = name;
    r.category = category;
    r.languages = std::move(languages);
    r.telehealth = telehealth;
    r.address = QStringLiteral("12 River Road, Valley");
    r.distance = 40;
    r.distanceUnit = domain::DistanceUnit::Miles;
    r.howToRefer = QStringLiteral("Fax the referral form and the last visit note; call to confirm.");
    return r;
}

// 95 MME a day: morphine (factor 1) 95 mg once a day.
domain::Patient patientAt95Mme()
{
    return testing::patientOnMorphine(QStringLiteral("Rita Referral"), QStringLiteral("REF-1"), QDate(1960, 2, 3), 95,
                                      kDay.addDays(-200));
}

domain::Referral referralTo(const QString &resourceId, const QString &question)
{
    domain::Referral r;
    r.date = kDay;
    r.resourceId = resourceId;
    r.question = question;
    r.urgency = domain::ReferralUrgency::Soon;
    r.status = domain::ReferralStatus::Sent;
    return r;
}

const clinical::CareGap *gap(const clinical::Evaluation &e, const char *code)
{
    for (const auto &g : e.gaps)
        if (g.code == QLatin1String(code))
            return &g;
    return nullptr;
}

}  // namespace

class TestReferrals : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    platform::MemoryKeystore m_keystore;
    ManualClock m_clock{QDateTime(kDay, QTime(9, 0), Qt::UTC)};
    int m_count = 0;

    std::unique_ptr<Registry> create()
    {
        const QString path = m_dir.filePath(QStringLiteral("r%1.db").arg(++m_count));
        auto registry =
            Registry::create(path, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        if (!registry)
            qFatal("%s", qPrintable(registry.error().line()));
        for (const auto &[name, role, pin] : {std::tuple{"Casey Clinician", keys::Role::Clinician, "1357"},
                                              std::tuple{"Robin Registry", keys::Role::RegistryManager, "3579"},
                                              std::tuple{"Frankie Front", keys::Role::FrontDesk, "4680"}}) {
            if (!(*registry)->addUser(QLatin1String(name), role, QLatin1String(pin)).ok())
                qFatal("could not add %s", name);
        }
        return std::move(registry).value();
    }

    std::unique_ptr<Registry> as(const char *name, const char *pin)
    {
        const QString path = m_dir.filePath(QStringLiteral("r%1.db").arg(m_count));
        auto registry = Registry::unlock(path, m_keystore, QLatin1String(name), QLatin1String(pin), m_clock);
        if (!registry)
            qFatal("%s", qPrintable(registry.error().line()));
        return std::move(registry).value();
    }

    static qint64 recordCount(Registry &r) { return r.stats()->records; }

private slots:
    void init() { m_clock.set(QDateTime(kDay, QTime(9, 0), Qt::UTC)); }

    void theRegistryManagerKeepsTheDirectoryWithHistory()
    {
        auto admin = create();
        auto manager = as("Robin Registry", "3579");
        auto clinician = as("Casey Clinician", "1357");

        // Only the registry manager and administrators write the directory.
        const auto pt = resource(QStringLiteral("Valley Physical Therapy"), domain::ResourceCategory::PhysicalTherapy,
                                 {QStringLiteral("en"), QStringLiteral("es")}, false);
        auto refused = clinician->saveClinicResource(pt);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QLatin1String("does not allow")));

        auto saved = manager->saveClinicResource(pt);
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().line()));
        QVERIFY(!saved->id.isEmpty());
        auto bup = resource(QStringLiteral("North Bridge Clinic"), domain::ResourceCategory::MoudPrescriber,
                            {QStringLiteral("en")}, true);
        QVERIFY(admin->saveClinicResource(bup));
        auto aqua = resource(QStringLiteral("Lakeside Pool"), domain::ResourceCategory::OtherNondrug,
                             {QStringLiteral("es")}, false);
        aqua.subtype = QStringLiteral("aqua therapy");
        QVERIFY(manager->saveClinicResource(aqua));

        // Searchable offline: by name, category, language and telehealth; every role reads it.
        QCOMPARE(clinician->clinicResources()->size(), 3);
        domain::ResourceFilter byText;
        byText.text = QStringLiteral("AQUA");
        QCOMPARE(clinician->clinicResources(byText)->first().name, QStringLiteral("Lakeside Pool"));
        domain::ResourceFilter byCategory;
        byCategory.category = domain::ResourceCategory::MoudPrescriber;
        QCOMPARE(clinician->clinicResources(byCategory)->first().name, QStringLiteral("North Bridge Clinic"));
        domain::ResourceFilter spanish;
        spanish.language = QStringLiteral("ES");
        QCOMPARE(clinician->clinicResources(spanish)->size(), 2);
        domain::ResourceFilter telehealth;
        telehealth.telehealth = true;
        QCOMPARE(clinician->clinicResources(telehealth)->size(), 1);

        // An edit is a new version of the same resource; retiring keeps it for its referrals.
        domain::ClinicResource edited = *saved;
        edited.hours = QStringLiteral("Mon-Thu 8-17");
        QVERIFY(manager->saveClinicResource(edited));
        edited.active = false;
        QVERIFY(manager->saveClinicResource(edited));
        QCOMPARE(clinician->clinicResources()->size(), 2);
        domain::ResourceFilter all;
        all.includeRetired = true;
        QCOMPARE(clinician->clinicResources(all)->size(), 3);
        auto history = clinician->clinicResourceHistory(saved->id);
        QVERIFY(history);
        QCOMPARE(history->size(), 3);
        QCOMPARE(history->at(1).resource.hours, QStringLiteral("Mon-Thu 8-17"));
        QVERIFY(!history->at(2).resource.active);
    }

    void badResourcesAreRefusedNamingTheField()
    {
        auto admin = create();
        auto manager = as("Robin Registry", "3579");
        const qint64 before = recordCount(*manager);
        auto noName = resource(QString(), domain::ResourceCategory::CrisisLine, {}, true);
        auto refused = manager->saveClinicResource(noName);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("name"));
        auto far = resource(QStringLiteral("Far"), domain::ResourceCategory::PainSpecialist, {}, false);
        far.distance = -3;
        QCOMPARE(manager->saveClinicResource(far).error().field, QStringLiteral("distance"));
        auto unknown = resource(QStringLiteral("Ghost"), domain::ResourceCategory::SocialWork, {}, false);
        unknown.id = QStringLiteral("5b0c7d2e-8f4a-4b8e-9c3d-1e2f3a4b5c6d");
        QCOMPARE(manager->saveClinicResource(unknown).error().field, QStringLiteral("id"));
        // The payload as it arrives from another tablet: the category is read and named.
        QJsonObject payload =
            domain::toJson(resource(QStringLiteral("X"), domain::ResourceCategory::SocialWork, {}, false));
        payload.insert(QStringLiteral("id"), QStringLiteral("5b0c7d2e-8f4a-4b8e-9c3d-1e2f3a4b5c6d"));
        payload.insert(QStringLiteral("category"), QStringLiteral("chiropractic"));
        QCOMPARE(domain::clinicResourceFromJson(payload).error().field, QStringLiteral("category"));
        QCOMPARE(recordCount(*manager), before);
    }

    void aClinicianRefersAndTheFollowUpIsTheRegistryManagersUntilClosed()
    {
        auto admin = create();
        auto manager = as("Robin Registry", "3579");
        auto clinician = as("Casey Clinician", "1357");
        auto pain = manager->saveClinicResource(resource(QStringLiteral("Valley Pain Center"),
                                                         domain::ResourceCategory::PainSpecialist,
                                                         {QStringLiteral("en")}, true));
        QVERIFY(pain);
        auto id = clinician->addPatient(patientAt95Mme());
        QVERIFY2(id, id ? "" : qPrintable(id.error().line()));

        // At 95 MME the clinic's trigger is a clinician's gap until a referral answers it.
        auto view = patientView(*clinician, *id, kDay);
        QVERIFY(view);
        QCOMPARE(view->evaluation.mme.totalPerDay, 95.0);
        QVERIFY(gap(view->evaluation, "REFERRAL_NEEDED"));
        QCOMPARE(gap(view->evaluation, "REFERRAL_NEEDED")->role, QStringLiteral("clinician"));
        QVERIFY(gap(view->evaluation, "REFERRAL_NEEDED")->reason.contains(QLatin1String("high_dose")));

        // Bad referrals are refused naming the field; nothing is written.
        const qint64 before = recordCount(*clinician);
        auto unknown = clinician->addRecord(
            *id, referralTo(QStringLiteral("0f1e2d3c-4b5a-4697-8877-665544332211"), QStringLiteral("Taper advice?")));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().field, QStringLiteral("resource_id"));
        auto noQuestion = clinician->addRecord(*id, referralTo(pain->id, QStringLiteral("  ")));
        QCOMPARE(noQuestion.error().field, QStringLiteral("question"));
        domain::Referral nowhere = referralTo(QString(), QStringLiteral("Taper advice?"));
        QCOMPARE(clinician->addRecord(*id, nowhere).error().field, QStringLiteral("to"));
        // Making a referral is a clinician's: the front desk may not.
        auto front = as("Frankie Front", "4680");
        QVERIFY(!front->addRecord(*id, referralTo(pain->id, QStringLiteral("Taper advice?"))));
        QCOMPARE(recordCount(*clinician), before);

        auto referred = clinician->addRecord(
            *id, referralTo(pain->id, QStringLiteral("Would a slow taper or a buprenorphine rotation suit her?")));
        QVERIFY2(referred, referred ? "" : qPrintable(referred.error().line()));
        view = patientView(*clinician, *id, kDay);
        QVERIFY(!gap(view->evaluation, "REFERRAL_NEEDED"));
        QVERIFY(!gap(view->evaluation, "REFERRAL_FOLLOWUP"));

        // Sent on the 2nd, follow up within 14 days: overdue on the 17th, the registry manager's.
        const QDate later = kDay.addDays(15);
        m_clock.set(QDateTime(later, QTime(9, 0), Qt::UTC));
        view = patientView(*manager, *id, later);
        const clinical::CareGap *followUp = gap(view->evaluation, "REFERRAL_FOLLOWUP");
        QVERIFY(followUp);
        QCOMPARE(followUp->role, QStringLiteral("registry_manager"));
        QCOMPARE(followUp->due, kDay.addDays(14));
        QVERIFY(followUp->status == clinical::GapStatus::Overdue);

        // An impossible move is refused naming the status; nothing is written.
        domain::Referral current = view->patient.referrals.first();
        const QString currentId = current.meta.id.toString(QUuid::WithoutBraces);
        const qint64 beforeMove = recordCount(*manager);
        domain::Referral skipped = current;
        skipped.status = domain::ReferralStatus::Drafted;
        auto refused = manager->correctRecord(currentId, skipped);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("status"));
        // The registry manager moves it on but may not change what it asks.
        domain::Referral reworded = current;
        reworded.question = QStringLiteral("Something else");
        QVERIFY(!manager->correctRecord(currentId, reworded));
        QCOMPARE(recordCount(*manager), beforeMove);

        domain::Referral scheduled = current;
        scheduled.status = domain::ReferralStatus::Scheduled;
        scheduled.statusDate = later;
        auto moved = manager->correctRecord(currentId, scheduled);
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().line()));
        view = patientView(*manager, *id, later);
        QVERIFY(!gap(view->evaluation, "REFERRAL_FOLLOWUP"));
        QCOMPARE(clinical::followUpDue(view->patient.referrals.first(), clinical::ReferralPolicy{}), later.addDays(30));

        // Seen, then closed: nothing more to follow, and the gap stays gone long after.
        domain::Referral seen = view->patient.referrals.first();
        seen.status = domain::ReferralStatus::Seen;
        seen.statusDate = later.addDays(10);
        auto seenId = manager->correctRecord(*moved, seen);
        QVERIFY2(seenId, seenId ? "" : qPrintable(seenId.error().line()));
        domain::Referral closed = seen;
        closed.status = domain::ReferralStatus::Closed;
        closed.statusDate = later.addDays(12);
        auto closedId = manager->correctRecord(*seenId, closed);
        QVERIFY2(closedId, closedId ? "" : qPrintable(closedId.error().line()));
        const QDate muchLater = later.addDays(200);
        view = patientView(*manager, *id, muchLater);
        QVERIFY(!gap(view->evaluation, "REFERRAL_FOLLOWUP"));
        QVERIFY(!gap(view->evaluation, "REFERRAL_NEEDED"));
        // A closed referral moves no more.
        domain::Referral reopened = view->patient.referrals.first();
        reopened.status = domain::ReferralStatus::Sent;
        QCOMPARE(manager->correctRecord(*closedId, reopened).error().field, QStringLiteral("status"));
        // Every version stays in the history.
        auto history = clinician->patientHistory(*id);
        QCOMPARE(std::count_if(history->cbegin(), history->cend(),
                               [](const auto &e) { return e.kind == QLatin1String("referral"); }),
                 4);
    }

    void aRecordedDecisionNotToReferAnswersItsTrigger()
    {
        auto admin = create();
        auto clinician = as("Casey Clinician", "1357");
        auto id = clinician->addPatient(patientAt95Mme());
        QVERIFY(id);
        domain::NoReferralDecision noReason;
        noReason.date = kDay;
        noReason.trigger = domain::ReferralTrigger::HighDose;
        auto refused = clinician->addRecord(*id, noReason);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("reason"));
        domain::NoReferralDecision decision = noReason;
        decision.reason = QStringLiteral("seen by the pain clinic in September; their plan is being followed");
        // A decision for another trigger does not answer this one.
        decision.trigger = domain::ReferralTrigger::TaperPaused;
        QVERIFY(clinician->addRecord(*id, decision));
        QVERIFY(gap(patientView(*clinician, *id, kDay)->evaluation, "REFERRAL_NEEDED"));
        decision.trigger = domain::ReferralTrigger::HighDose;
        QVERIFY(clinician->addRecord(*id, decision));
        QVERIFY(!gap(patientView(*clinician, *id, kDay)->evaluation, "REFERRAL_NEEDED"));
        // It answers for the policy's window (365 days), then the trigger is a gap again.
        QVERIFY(gap(patientView(*clinician, *id, kDay.addDays(366))->evaluation, "REFERRAL_NEEDED"));
    }

    void referralsStoredBeforeFollowUpStillRead()
    {
        // "proposed" was a referral not yet sent; "completed" one that needs nothing more.
        auto proposed = domain::recordFromJson(QStringLiteral("referral"),
                                               QJsonObject{{QStringLiteral("date"), QStringLiteral("2025-04-01")},
                                                           {QStringLiteral("type"), QStringLiteral("physical_therapy")},
                                                           {QStringLiteral("to"), QStringLiteral("Valley PT")},
                                                           {QStringLiteral("status"), QStringLiteral("proposed")}});
        QVERIFY(proposed);
        QVERIFY(std::get<domain::Referral>(*proposed).status == domain::ReferralStatus::Drafted);
        auto completed = domain::recordFromJson(QStringLiteral("referral"),
                                                QJsonObject{{QStringLiteral("date"), QStringLiteral("2025-04-01")},
                                                            {QStringLiteral("type"), QStringLiteral("pt")},
                                                            {QStringLiteral("to"), QStringLiteral("Valley PT")},
                                                            {QStringLiteral("status"), QStringLiteral("completed")}});
        QVERIFY(completed);
        const auto &old = std::get<domain::Referral>(*completed);
        QVERIFY(old.status == domain::ReferralStatus::Closed);
        QVERIFY(!clinical::followUpDue(old, clinical::ReferralPolicy{}).isValid());
        QVERIFY(old.question.isEmpty());
        QVERIFY(old.urgency == domain::ReferralUrgency::Routine);
    }
};

QTEST_GUILESS_MAIN(TestReferrals)
#include "test_referrals.moc"
