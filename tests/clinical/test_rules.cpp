// Effective tier and care gaps (rules contract §3–§5), refills (§7), and clinic policy
// validation. Each expected date below is worked out by hand in the comment beside it.

#include "core/clinical/referrals.h"
#include "core/clinical/refill.h"
#include "core/clinical/rules.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace cairn;
using namespace cairn::clinical;

namespace {

const QDate kAsOf(2026, 7, 1);

struct Fixture {
    ClinicPolicy policy = *ClinicPolicy::defaults();
    const MmeTable &table = *(*MmeTables::shipped())->find(QStringLiteral("cdc-2022"));
    const Instruments &instruments = **Instruments::shipped();
    RulesContext context() const { return {policy, table, instruments, {}}; }
};

domain::OpioidEntry morphine(double mgPerDay)
{
    domain::OpioidEntry e;
    e.drug = QStringLiteral("morphine");
    e.strengthMg = mgPerDay;
    e.dosesPerDay = 1;
    e.start = QDate(2025, 1, 1);
    return e;
}

// A patient with every interval check done on `done`, clinician tier set.
domain::Patient upToDate(const QDate &done, domain::RiskTier tier = domain::RiskTier::Moderate, double mme = 30)
{
    domain::Patient p;
    p.sex = domain::Sex::Female;
    p.riskTier = tier;
    p.opioids = {morphine(mme)};
    p.agreements = {{{}, done, {}}};
    p.pdmpChecks = {{{}, done, {}, false, {}}};
    p.uds = {{{}, done, domain::UdsResult::Expected, {}}};
    p.visits = {{{}, done, domain::VisitStatus::Completed}};
    p.peg = {{{}, done, 5, 5, 5}};
    p.screenings = {{{}, QStringLiteral("phq2"), done, QJsonArray{0, 0}}};
    return p;
}

const CareGap *gap(const Evaluation &e, const char *code)
{
    for (const CareGap &g : e.gaps)
        if (g.code == QLatin1String(code))
            return &g;
    return nullptr;
}

}  // namespace

class TestRules : public QObject {
    Q_OBJECT
    Fixture f;

private slots:
    void udsIntervalBoundaries_data()
    {
        QTest::addColumn<int>("daysAgo");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QDate>("due");
        // Moderate tier: UDS every 180 days. Done 180 days ago: due today → due soon.
        QTest::newRow("due today") << 180 << QStringLiteral("due_soon") << kAsOf;
        // Done 166 days ago: due in 14 days, the edge of the horizon → due soon.
        QTest::newRow("14 days ahead") << 166 << QStringLiteral("due_soon") << kAsOf.addDays(14);
        // Done 165 days ago: due in 15 days → no gap.
        QTest::newRow("15 days ahead") << 165 << QString() << QDate();
        // Done 181 days ago: due yesterday → overdue.
        QTest::newRow("one day late") << 181 << QStringLiteral("overdue") << kAsOf.addDays(-1);
    }

    void udsIntervalBoundaries()
    {
        QFETCH(int, daysAgo);
        QFETCH(QString, status);
        QFETCH(QDate, due);
        domain::Patient p = upToDate(kAsOf.addDays(-10));
        p.uds = {{{}, kAsOf.addDays(-daysAgo), domain::UdsResult::Expected, {}}};
        auto e = evaluate(p, kAsOf, f.context());
        QVERIFY(e.ok());
        const CareGap *g = gap(*e, "UDS");
        if (status.isEmpty()) {
            QVERIFY(!g);
            return;
        }
        QVERIFY(g);
        QCOMPARE(toString(g->status), status);
        QCOMPARE(g->due, due);
        QVERIFY(g->severity == (status == QLatin1String("due_soon") ? Severity::Low : Severity::Medium));
    }

    void everyIntervalGapUsesItsTierInterval_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("tier");
        QTest::addColumn<int>("interval");
        const QList<std::tuple<const char *, int, int, int>> table{
            {"VISIT", 90, 90, 30},      {"PEG", 90, 90, 30},          {"UDS", 365, 180, 90},
            {"PDMP_CHECK", 90, 90, 90}, {"AGREEMENT", 365, 365, 365}, {"DEPRESSION_SCREEN", 365, 365, 365}};
        for (const auto &[code, low, moderate, high] : table) {
            QTest::addRow("%s low", code) << QString::fromLatin1(code) << 0 << low;
            QTest::addRow("%s moderate", code) << QString::fromLatin1(code) << 1 << moderate;
            QTest::addRow("%s high", code) << QString::fromLatin1(code) << 2 << high;
        }
    }

    void everyIntervalGapUsesItsTierInterval()
    {
        QFETCH(QString, code);
        QFETCH(int, tier);
        QFETCH(int, interval);
        // Everything done exactly `interval + 1` days ago is overdue for this code's interval;
        // checks with longer intervals are not. Use a clinician tier and a low dose so it holds.
        domain::Patient p = upToDate(kAsOf.addDays(-(interval + 1)), static_cast<domain::RiskTier>(tier));
        auto e = evaluate(p, kAsOf, f.context());
        const CareGap *g = gap(*e, code.toLatin1().constData());
        QVERIFY(g);
        QVERIFY(g->status == (GapStatus::Overdue));
        QCOMPARE(g->due, kAsOf.addDays(-1));
        // One day sooner it is due today: due soon, not overdue.
        p = upToDate(kAsOf.addDays(-interval), static_cast<domain::RiskTier>(tier));
        e = evaluate(p, kAsOf, f.context());
        QVERIFY(gap(*e, code.toLatin1().constData())->status == (GapStatus::DueSoon));
    }

    void neverDoneIsMissingDueToday()
    {
        domain::Patient p;
        p.sex = domain::Sex::Male;
        p.opioids = {morphine(30)};
        auto e = evaluate(p, kAsOf, f.context());
        for (const char *code :
             {"AGREEMENT", "PDMP_CHECK", "UDS", "VISIT", "PEG", "DEPRESSION_SCREEN", "RISK_ASSESSMENT"}) {
            QVERIFY2(gap(*e, code), code);
            QVERIFY(gap(*e, code)->status == (GapStatus::Missing));
            QCOMPARE(gap(*e, code)->due, kAsOf);
        }
        QVERIFY(e->tier == (domain::RiskTier::Moderate));
    }

    void recordsAfterTheDateAreIgnored()
    {
        domain::Patient p = upToDate(kAsOf.addDays(-10));
        p.visits = {{{}, kAsOf.addDays(5), domain::VisitStatus::Completed},
                    {{}, kAsOf.addDays(-200), domain::VisitStatus::Completed}};
        auto e = evaluate(p, kAsOf, f.context());
        // The visit 200 days ago is the last that counts: due 110 days ago.
        QVERIFY(gap(*e, "VISIT")->status == (GapStatus::Overdue));
        QCOMPARE(gap(*e, "VISIT")->due, kAsOf.addDays(-110));
        // A scheduled visit is not a completed one.
        p.visits = {{{}, kAsOf.addDays(-5), domain::VisitStatus::Scheduled}};
        QVERIFY(gap(*evaluate(p, kAsOf, f.context()), "VISIT")->status == (GapStatus::Missing));
    }

    void tierEscalatesButNeverLowers_data()
    {
        QTest::addColumn<int>("clinicianTier");  // -1: none
        QTest::addColumn<double>("mme");
        QTest::addColumn<bool>("benzo");
        QTest::addColumn<int>("expected");
        QTest::newRow("low stays low under 50") << 0 << 49.9 << false << 0;
        QTest::newRow("low at 50 becomes moderate") << 0 << 50.0 << false << 1;
        QTest::newRow("low at 89.9 is moderate") << 0 << 89.9 << false << 1;
        QTest::newRow("low at 90 becomes high") << 0 << 90.0 << false << 2;
        QTest::newRow("low with benzodiazepine becomes high") << 0 << 10.0 << true << 2;
        QTest::newRow("high stays high at low dose") << 2 << 10.0 << false << 2;
        QTest::newRow("none assumes moderate") << -1 << 10.0 << false << 1;
    }

    void tierEscalatesButNeverLowers()
    {
        QFETCH(int, clinicianTier);
        QFETCH(double, mme);
        QFETCH(bool, benzo);
        QFETCH(int, expected);
        domain::Patient p = upToDate(kAsOf.addDays(-10), domain::RiskTier::Low, mme);
        if (clinicianTier < 0)
            p.riskTier.reset();
        else
            p.riskTier = static_cast<domain::RiskTier>(clinicianTier);
        if (benzo)
            p.benzodiazepines = {{{}, QStringLiteral("alprazolam"), QDate(2026, 1, 1), {}}};
        auto e = evaluate(p, kAsOf, f.context());
        QCOMPARE(static_cast<int>(e->tier), expected);
        QCOMPARE(gap(*e, "RISK_ASSESSMENT") != nullptr, clinicianTier < 0);
    }

    void ortSetsTheBaseTierWhenNoClinicianTier()
    {
        domain::Patient p = upToDate(kAsOf.addDays(-10));
        p.riskTier.reset();
        // Female: personal_rx_drugs 5 + personal_alcohol 3 = 8 → high.
        p.screenings.append(
            {{},
             QStringLiteral("ort"),
             QDate(2025, 2, 1),
             QJsonObject{{QStringLiteral("personal_rx_drugs"), true}, {QStringLiteral("personal_alcohol"), true}}});
        QVERIFY(evaluate(p, kAsOf, f.context())->tier == (domain::RiskTier::High));
        // A clinician's tier outranks the ORT.
        p.riskTier = domain::RiskTier::Low;
        QVERIFY(evaluate(p, kAsOf, f.context())->tier == (domain::RiskTier::Low));
    }

    void alertsAndFollowUps()
    {
        domain::Patient p = upToDate(kAsOf.addDays(-10), domain::RiskTier::Moderate, 95);
        p.benzodiazepines = {{{}, QStringLiteral("lorazepam"), QDate(2026, 1, 1), {}}};
        p.uds.append({{}, kAsOf.addDays(-3), domain::UdsResult::Unexpected, {QStringLiteral("fentanyl")}});
        p.screenings.append({{}, QStringLiteral("phq2"), kAsOf.addDays(-2), QJsonArray{2, 2}});
        auto e = evaluate(p, kAsOf, f.context());
        QVERIFY(gap(*e, "HIGH_DOSE")->status == (GapStatus::Alert));
        QVERIFY(gap(*e, "BENZODIAZEPINE")->status == (GapStatus::Alert));
        QVERIFY(gap(*e, "UDS_UNEXPECTED")->status == (GapStatus::Alert));
        QVERIFY(gap(*e, "PHQ9_FOLLOWUP")->status == (GapStatus::Overdue));
        QCOMPARE(gap(*e, "PHQ9_FOLLOWUP")->due, kAsOf.addDays(-2));
        QVERIFY(gap(*e, "NALOXONE")->status == (GapStatus::Missing));
        QVERIFY(!gap(*e, "SUICIDE_RISK"));

        // A PHQ-9 on the same day closes the follow-up; its item 9 raises the urgent alert, first.
        p.screenings.append({{}, QStringLiteral("phq9"), kAsOf.addDays(-2), QJsonArray{1, 1, 1, 1, 0, 0, 0, 0, 1}});
        e = evaluate(p, kAsOf, f.context());
        QVERIFY(!gap(*e, "PHQ9_FOLLOWUP"));
        QCOMPARE(e->gaps.first().code, QStringLiteral("SUICIDE_RISK"));
        QVERIFY(e->gaps.first().severity == (Severity::Urgent));

        // An expected result after the unexpected one clears that alert.
        p.uds.append({{}, kAsOf.addDays(-1), domain::UdsResult::Expected, {}});
        QVERIFY(!gap(*evaluate(p, kAsOf, f.context()), "UDS_UNEXPECTED"));
    }

    // Issue 18: each of the clinic's referral triggers is a gap until a referral (not declined or
    // unanswered) or a decision not to refer for it, dated within 365 days.
    void referralTriggers_data()
    {
        QTest::addColumn<QString>("trigger");
        QTest::newRow("high dose") << QStringLiteral("high_dose");
        QTest::newRow("unexpected urine test") << QStringLiteral("uds_unexpected");
        QTest::newRow("positive screen") << QStringLiteral("positive_screen");
        QTest::newRow("paused taper") << QStringLiteral("taper_paused");
        QTest::newRow("concern for opioid use disorder") << QStringLiteral("oud_concern");
    }
    void referralTriggers()
    {
        QFETCH(QString, trigger);
        domain::Patient p = upToDate(kAsOf.addDays(-10));
        QVERIFY(!gap(*evaluate(p, kAsOf, f.context()), "REFERRAL_NEEDED"));
        if (trigger == QLatin1String("high_dose"))
            p.opioids = {morphine(90)};  // exactly high_dose_mme
        else if (trigger == QLatin1String("uds_unexpected"))
            p.uds.append({{}, kAsOf.addDays(-3), domain::UdsResult::Unexpected, {QStringLiteral("cocaine")}});
        else if (trigger == QLatin1String("positive_screen"))  // GAD-7 total 10: moderate
            p.screenings.append({{}, QStringLiteral("gad7"), kAsOf.addDays(-3), QJsonArray{2, 2, 2, 1, 1, 1, 1}});
        else if (trigger == QLatin1String("taper_paused"))
            p.taperPlans = {{{}, kAsOf.addDays(-20), domain::TaperStatus::Paused, QStringLiteral("morphine"), {}, {}}};
        else {  // a DSM-5 checklist meeting the criteria: craving and role failure, mild
            domain::OudAssessment checklist;
            checklist.date = kAsOf.addDays(-3);
            checklist.clinician = QStringLiteral("Dr. B");
            checklist.criteria.fill(false);
            checklist.criteria[3] = checklist.criteria[4] = true;
            checklist.asPrescribed = false;
            p.oudAssessments = {checklist};
        }
        auto e = evaluate(p, kAsOf, f.context());
        QVERIFY(gap(*e, "REFERRAL_NEEDED"));
        QVERIFY(gap(*e, "REFERRAL_NEEDED")->status == GapStatus::Missing);
        QCOMPARE(gap(*e, "REFERRAL_NEEDED")->due, kAsOf);
        QVERIFY(gap(*e, "REFERRAL_NEEDED")->reason.contains(trigger));
        QCOMPARE(gap(*e, "REFERRAL_NEEDED")->role, QStringLiteral("clinician"));

        // A clinic that does not refer for it has no gap.
        ClinicPolicy without = f.policy;
        without.referrals.triggers.clear();
        QVERIFY(!gap(*evaluate(p, kAsOf, {without, f.table, f.instruments, {}}), "REFERRAL_NEEDED"));

        // A declined referral does not answer it; one sent 365 days ago still does, 366 not.
        domain::Referral referral;
        referral.to = QStringLiteral("County Behavioral Health");
        referral.question = QStringLiteral("Assessment and counselling?");
        referral.date = kAsOf.addDays(-30);
        referral.status = domain::ReferralStatus::Declined;
        p.referrals = {referral};
        QVERIFY(gap(*evaluate(p, kAsOf, f.context()), "REFERRAL_NEEDED"));
        referral.status = domain::ReferralStatus::Closed;
        referral.date = kAsOf.addDays(-365);
        p.referrals = {referral};
        QVERIFY(!gap(*evaluate(p, kAsOf, f.context()), "REFERRAL_NEEDED"));
        referral.date = kAsOf.addDays(-366);
        p.referrals = {referral};
        QVERIFY(gap(*evaluate(p, kAsOf, f.context()), "REFERRAL_NEEDED"));
    }

    // A referral's follow-up: its status date plus the policy's days for that status; overdue the
    // day after. Sent 14 days ago: due today, no gap; 15 days ago: overdue since yesterday.
    void referralFollowUp()
    {
        domain::Patient p = upToDate(kAsOf.addDays(-10));
        domain::Referral referral;
        referral.to = QStringLiteral("Valley PT");
        referral.question = QStringLiteral("Strengthening plan?");
        referral.date = kAsOf.addDays(-40);
        referral.status = domain::ReferralStatus::Sent;
        referral.statusDate = kAsOf.addDays(-14);
        p.referrals = {referral};
        QVERIFY(!gap(*evaluate(p, kAsOf, f.context()), "REFERRAL_FOLLOWUP"));
        p.referrals.first().statusDate = kAsOf.addDays(-15);
        auto e = evaluate(p, kAsOf, f.context());
        QVERIFY(gap(*e, "REFERRAL_FOLLOWUP")->status == GapStatus::Overdue);
        QCOMPARE(gap(*e, "REFERRAL_FOLLOWUP")->due, kAsOf.addDays(-1));
        QCOMPARE(gap(*e, "REFERRAL_FOLLOWUP")->role, QStringLiteral("registry_manager"));
        // Drafted: 7 days; scheduled: 30; seen: 14; closed, declined, no response: none.
        p.referrals.first().status = domain::ReferralStatus::Drafted;
        p.referrals.first().statusDate = kAsOf.addDays(-8);
        QCOMPARE(gap(*evaluate(p, kAsOf, f.context()), "REFERRAL_FOLLOWUP")->due, kAsOf.addDays(-1));
        p.referrals.first().status = domain::ReferralStatus::Scheduled;
        QVERIFY(!gap(*evaluate(p, kAsOf, f.context()), "REFERRAL_FOLLOWUP"));
        for (auto status :
             {domain::ReferralStatus::Closed, domain::ReferralStatus::Declined, domain::ReferralStatus::NoResponse}) {
            p.referrals.first().status = status;
            p.referrals.first().statusDate = kAsOf.addDays(-300);
            QVERIFY(!gap(*evaluate(p, kAsOf, f.context()), "REFERRAL_FOLLOWUP"));
        }
        // The policy's days are the clinic's: refused outside 1-365, named.
        auto bad = f.policy.withOverrides(
            QJsonObject{{QStringLiteral("referrals"),
                         QJsonObject{{QStringLiteral("follow_up_days"), QJsonObject{{QStringLiteral("sent"), 0}}}}}});
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, QStringLiteral("referrals.follow_up_days.sent"));
        auto unknown = f.policy.withOverrides(
            QJsonObject{{QStringLiteral("referrals"),
                         QJsonObject{{QStringLiteral("triggers"), QJsonArray{QStringLiteral("bad_mood")}}}}});
        QCOMPARE(unknown.error().field, QStringLiteral("referrals.triggers"));
    }

    void naloxoneWithin730Days()
    {
        domain::Patient p = upToDate(kAsOf.addDays(-10), domain::RiskTier::Moderate, 60);
        // Offered 730 days ago: still within the window.
        p.naloxone = {{{}, kAsOf.addDays(-730), domain::NaloxoneAction::Offered}};
        QVERIFY(!gap(*evaluate(p, kAsOf, f.context()), "NALOXONE"));
        // 731 days ago: overdue since yesterday.
        p.naloxone = {{{}, kAsOf.addDays(-731), domain::NaloxoneAction::Offered}};
        auto e = evaluate(p, kAsOf, f.context());
        QVERIFY(gap(*e, "NALOXONE")->status == (GapStatus::Overdue));
        QCOMPARE(gap(*e, "NALOXONE")->due, kAsOf.addDays(-1));
        // Below 50 MME without a benzodiazepine, naloxone is not required by policy.
        p = upToDate(kAsOf.addDays(-10), domain::RiskTier::Moderate, 49.9);
        QVERIFY(!gap(*evaluate(p, kAsOf, f.context()), "NALOXONE"));
    }

    void gapsSortBySeverityThenCode()
    {
        domain::Patient p;
        p.sex = domain::Sex::Male;
        p.opioids = {morphine(100)};
        auto e = evaluate(p, kAsOf, f.context());
        QStringList order;
        for (const auto &g : e->gaps)
            order << g.code;
        QCOMPARE(order,
                 (QStringList{QStringLiteral("HIGH_DOSE"), QStringLiteral("NALOXONE"), QStringLiteral("AGREEMENT"),
                              QStringLiteral("DEPRESSION_SCREEN"), QStringLiteral("PDMP_CHECK"), QStringLiteral("PEG"),
                              QStringLiteral("REFERRAL_NEEDED"), QStringLiteral("RISK_ASSESSMENT"),
                              QStringLiteral("UDS"), QStringLiteral("VISIT")}));
        for (const auto &g : e->gaps) {
            QVERIFY(!g.role.isEmpty());
            QVERIFY(!g.reason.isEmpty());
        }
    }

    void refillReasons_data()
    {
        QTest::addColumn<QDate>("asOf");
        QTest::addColumn<QDate>("fill");
        QTest::addColumn<int>("supply");
        QTest::addColumn<QDate>("lastFill");
        QTest::addColumn<int>("reason");
        QTest::addColumn<bool>("police");
        QTest::addColumn<QString>("decision");
        QTest::addColumn<QStringList>("reasons");
        // 2026-06-29 is a Monday. Last fill 06-05 + 28 days − 2 days' allowance = earliest 07-01.
        const QDate mon(2026, 6, 29);
        QTest::newRow("routine Thursday")
            << mon << QDate(2026, 7, 2) << 28 << QDate(2026, 6, 5) << 0 << false << QStringLiteral("needs_review")
            << QStringList{QStringLiteral("INSUFFICIENT_NOTICE")};  // Tue, Wed, Thu = 3 < 4
        QTest::newRow("allowed") << mon << QDate(2026, 7, 7) << 28 << QDate(2026, 6, 9) << 0 << false
                                 << QStringLiteral("allowed") << QStringList{};
        QTest::newRow("friday") << mon << QDate(2026, 7, 3) << 28 << QDate(2026, 6, 5) << 0 << false
                                << QStringLiteral("needs_review")
                                << QStringList{QStringLiteral("FILL_DAY_NOT_ALLOWED")};
        QTest::newRow("monday") << mon << QDate(2026, 7, 6) << 28 << QDate(2026, 6, 8) << 0 << false
                                << QStringLiteral("needs_review")
                                << QStringList{QStringLiteral("FILL_DAY_NOT_ALLOWED")};
        QTest::newRow("too early") << mon << QDate(2026, 7, 7) << 28 << QDate(2026, 6, 15) << 1 << false
                                   << QStringLiteral("needs_review")
                                   << QStringList{QStringLiteral("TOO_EARLY")};  // earliest 07-11
        QTest::newRow("exactly the allowance") << mon << QDate(2026, 7, 7) << 28 << QDate(2026, 6, 11) << 0 << false
                                               << QStringLiteral("allowed") << QStringList{};
        QTest::newRow("supply too long") << mon << QDate(2026, 7, 7) << 30 << QDate(2026, 6, 9) << 0 << false
                                         << QStringLiteral("needs_review")
                                         << QStringList{QStringLiteral("SUPPLY_TOO_LONG")};
        QTest::newRow("lost without report")
            << mon << QDate(2026, 7, 7) << 28 << QDate(2026, 6, 9) << 2 << false
            << QStringLiteral("not_allowed_by_policy") << QStringList{QStringLiteral("LOST_OR_STOLEN_NO_REPORT")};
        QTest::newRow("lost with report") << mon << QDate(2026, 7, 7) << 28 << QDate(2026, 6, 9) << 2 << true
                                          << QStringLiteral("allowed") << QStringList{};
    }

    void refillReasons()
    {
        QFETCH(QDate, asOf);
        QFETCH(QDate, fill);
        QFETCH(int, supply);
        QFETCH(QDate, lastFill);
        QFETCH(int, reason);
        QFETCH(bool, police);
        QFETCH(QString, decision);
        QFETCH(QStringList, reasons);
        RefillRequest r{asOf, fill, supply, lastFill, 28, static_cast<RefillReason>(reason), police};
        auto advice = checkRefill(r, std::nullopt, f.context());
        QVERIFY(advice.ok());
        QCOMPARE(advice->reasons, reasons);
        QCOMPARE(advice->decision, decision);
    }

    void refillChecksThePatientOnTheFillDate()
    {
        // Checks done 85 days before 07-07 are due (90 days) on 07-12: fine on the fill date…
        domain::Patient p = upToDate(QDate(2026, 4, 13));
        RefillRequest r{QDate(2026, 6, 29), QDate(2026, 7, 7), 28, QDate(2026, 6, 9), 28, RefillReason::Routine, false};
        QCOMPARE(checkRefill(r, p, f.context())->decision, QStringLiteral("allowed"));
        // …but a PDMP check, agreement and visit from long ago are required before it.
        p.pdmpChecks = {{{}, QDate(2026, 1, 1), {}, false, {}}};
        p.agreements = {{{}, QDate(2025, 1, 1), {}}};
        p.visits = {};
        auto advice = checkRefill(r, p, f.context());
        QCOMPARE(advice->reasons,
                 (QStringList{QStringLiteral("PDMP_CHECK_REQUIRED"), QStringLiteral("AGREEMENT_REQUIRED"),
                              QStringLiteral("VISIT_REQUIRED")}));
        QCOMPARE(advice->decision, QStringLiteral("needs_review"));
    }

    void businessDaysCountMondayToFriday()
    {
        QCOMPARE(businessDaysBetween(QDate(2026, 6, 26), QDate(2026, 6, 29)), 1);  // Fri → Mon
        QCOMPARE(businessDaysBetween(QDate(2026, 6, 29), QDate(2026, 7, 3)), 4);   // Mon → Fri
        QCOMPARE(businessDaysBetween(QDate(2026, 6, 29), QDate(2026, 6, 29)), 0);
    }

    void policyOverridesAreValidated_data()
    {
        QTest::addColumn<QJsonObject>("overrides");
        QTest::addColumn<QString>("field");
        QTest::newRow("negative interval")
            << QJsonObject{{QStringLiteral("intervals_days"),
                            QJsonObject{{QStringLiteral("uds"), QJsonObject{{QStringLiteral("high"), -5}}}}}}
            << QStringLiteral("intervals_days.uds.high");
        QTest::newRow("absurd interval") << QJsonObject{{QStringLiteral("intervals_days"),
                                                         QJsonObject{{QStringLiteral("visit"),
                                                                      QJsonObject{{QStringLiteral("low"), 99999}}}}}}
                                         << QStringLiteral("intervals_days.visit.low");
        QTest::newRow("unknown key") << QJsonObject{{QStringLiteral("refil"), QJsonObject{}}}
                                     << QStringLiteral("refil");
        QTest::newRow("bad weekday") << QJsonObject{{QStringLiteral("refill"),
                                                     QJsonObject{{QStringLiteral("no_fill_weekdays"),
                                                                  QJsonArray{QStringLiteral("funday")}}}}}
                                     << QStringLiteral("refill.no_fill_weekdays");
        QTest::newRow("thresholds crossed") << QJsonObject{{QStringLiteral("tier_thresholds_mme"),
                                                            QJsonObject{{QStringLiteral("at_least_moderate"), 120}}}}
                                            << QStringLiteral("tier_thresholds_mme.at_least_moderate");
    }

    void policyOverridesAreValidated()
    {
        QFETCH(QJsonObject, overrides);
        QFETCH(QString, field);
        auto p = f.policy.withOverrides(overrides);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().field, field);
    }

    void policyOverrideChangesResultsAndVersion()
    {
        auto custom = f.policy.withOverrides(
            QJsonObject{{QStringLiteral("intervals_days"),
                         QJsonObject{{QStringLiteral("uds"), QJsonObject{{QStringLiteral("moderate"), 90}}}}}});
        QVERIFY(custom.ok());
        QCOMPARE(custom->version, QStringLiteral("default-1+local"));
        QCOMPARE(custom->interval(Check::Uds, domain::RiskTier::Moderate), 90);
        QCOMPARE(custom->interval(Check::Uds, domain::RiskTier::High), 90);
        QCOMPARE(custom->interval(Check::Uds, domain::RiskTier::Low), 365);
        domain::Patient p = upToDate(kAsOf.addDays(-100));
        const RulesContext context{*custom, f.table, f.instruments, {}};
        auto e = evaluate(p, kAsOf, context);
        QCOMPARE(e->policyVersion, QStringLiteral("default-1+local"));
        QVERIFY(gap(*e, "UDS")->status == (GapStatus::Overdue));
        QCOMPARE(gap(*evaluate(p, kAsOf, f.context()), "UDS"), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "test_rules.moc"
