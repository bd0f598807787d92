// Huddle list, worklists and monthly measures on a small registry whose answers were worked out
// by hand (comments give the arithmetic).

#include "core/clinical/population_views.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace cairn;
using namespace cairn::clinical;

namespace {

domain::OpioidEntry opioid(const char *drug, double mg, double perDay, QDate end = {})
{
    domain::OpioidEntry e;
    e.drug = QLatin1String(drug);
    e.strengthMg = mg;
    e.dosesPerDay = perDay;
    e.start = QDate(2025, 1, 1);
    e.end = end;
    return e;
}

domain::Patient patient(const char *id, const char *name, const char *prescriber)
{
    domain::Patient p;
    p.id = QLatin1String(id);
    p.clinicId = QStringLiteral("SYN-") + QLatin1String(id);
    p.name = QLatin1String(name);
    p.prescriber = QLatin1String(prescriber);
    p.sex = domain::Sex::Female;
    p.riskTier = domain::RiskTier::Low;
    return p;
}

// Month under test: October 2026, evaluated on 2026-10-31.
QList<domain::Patient> handBuiltRegistry()
{
    // A: oxycodone 10 mg × 4 = 40 mg × 1.5 = 60 MME. Agreement 2026-01-01 (303 days: current),
    // PDMP 2026-09-15 (46 days: within 90), UDS 2025-09-01 (425 days: not within 365),
    // PEG 2026-10-01 (6, 5, 7: mean 6.0, within 90), naloxone 2025-06-01 (517 days: within 730).
    domain::Patient a = patient("a", "Ann Able", "Dr. A");
    a.opioids = {opioid("oxycodone", 10, 4)};
    a.agreements = {{{}, QDate(2026, 1, 1), {}}};
    a.pdmpChecks = {{{}, QDate(2026, 9, 15), {}, false, {}}};
    a.uds = {{{}, QDate(2025, 9, 1), domain::UdsResult::Expected, {}}};
    a.peg = {{{}, QDate(2026, 10, 1), 6, 5, 7}};
    a.naloxone = {{{}, QDate(2025, 6, 1), domain::NaloxoneAction::Offered}};
    a.visits = {{{}, QDate(2026, 11, 2), domain::VisitStatus::Scheduled}};
    a.scriptUses = {{{}, QDate(2026, 10, 20), QStringLiteral("unexpected-uds"), 1, QStringLiteral("en"), {}}};

    // B: morphine 100 mg × 1 = 100 MME, an active benzodiazepine. Agreement 2025-09-01 (425 days:
    // lapsed), no PDMP check, UDS 2026-06-01 (152 days: within 365), PEG 2026-07-15 (108 days:
    // not within 90), no naloxone.
    domain::Patient b = patient("b", "Bea Baker", "Dr. A");
    b.opioids = {opioid("morphine", 100, 1)};
    b.benzodiazepines = {{{}, QStringLiteral("alprazolam"), QDate(2026, 1, 1), {}}};
    b.agreements = {{{}, QDate(2025, 9, 1), {}}};
    b.uds = {{{}, QDate(2026, 6, 1), domain::UdsResult::Expected, {}}};
    b.peg = {{{}, QDate(2026, 7, 15), 8, 8, 8}};
    b.visits = {{{}, QDate(2026, 11, 2), domain::VisitStatus::Scheduled}};

    // C: hydrocodone 5 mg × 4 = 20 MME. Agreement on the last day (0 days), PDMP 2026-08-02
    // (exactly 90 days), UDS 2025-11-01 (364 days), PEG 2026-08-02 (exactly 90 days; 3, 3, 3).
    domain::Patient c = patient("c", "Cal Carter", "Dr. B");
    c.opioids = {opioid("hydrocodone", 5, 4)};
    c.agreements = {{{}, QDate(2026, 10, 31), {}}};
    c.pdmpChecks = {{{}, QDate(2026, 8, 2), {}, false, {}}};
    c.uds = {{{}, QDate(2025, 11, 1), domain::UdsResult::Expected, {}}};
    c.peg = {{{}, QDate(2026, 8, 2), 3, 3, 3}};
    c.visits = {{{}, QDate(2026, 11, 3), domain::VisitStatus::Scheduled}};
    c.scriptUses = {{{}, QDate(2026, 9, 30), QStringLiteral("tapering"), 1, QStringLiteral("en"), {}}};

    // D: the opioid ended the day before: not on therapy on the 31st, not in any denominator.
    domain::Patient d = patient("d", "Dee Dawson", "Dr. A");
    d.opioids = {opioid("morphine", 200, 1, QDate(2026, 10, 30))};
    d.visits = {{{}, QDate(2026, 11, 2), domain::VisitStatus::Scheduled}};
    return {a, b, c, d};
}

// A second small clinic for the measures the clinic policy brought (October 2026 again; the
// previous month ends 2026-09-30). Only E, F, G and H are on long-term therapy on the 31st.
QList<domain::Patient> policyClinic()
{
    domain::OpioidEntry acute = opioid("oxycodone", 5, 4, QDate(2026, 9, 20));
    acute.start = QDate(2026, 9, 10);
    domain::OpioidEntry fromOctober5 = opioid("oxycodone", 5, 4);
    fromOctober5.start = QDate(2026, 10, 5);
    domain::OpioidEntry fromOctober10 = opioid("morphine", 15, 2);
    fromOctober10.start = QDate(2026, 10, 10);
    auto goal = [](QDate set, domain::GoalStatus status, QDate reviewed = {}) {
        return domain::CarePlanGoal{{}, set, QStringLiteral("walk to the mailbox"), status, {}, reviewed};
    };
    auto pdmp = [](QDate date) { return domain::PdmpCheck{{}, date, {}, false, {}}; };

    // E: on opioids since 2025. PDMP 2026-01-10 (294 days) and 2026-09-15 (46 days): twice within
    // 365. A goal set 2025-06-01, reviewed 2026-09-01 (60 days): current.
    domain::Patient e = patient("e", "Eve Evans", "Dr. A");
    e.opioids = {opioid("oxycodone", 10, 3)};
    e.pdmpChecks = {pdmp(QDate(2026, 1, 10)), pdmp(QDate(2026, 9, 15))};
    e.goals = {goal(QDate(2025, 6, 1), domain::GoalStatus::Active, QDate(2026, 9, 1))};
    // F: on opioids since 2025. One PDMP check (2026-10-01). A goal set 2025-01-01 and never
    // reviewed (668 days: not current); a goal met this month (met: not current).
    domain::Patient f = patient("f", "Fay Fox", "Dr. A");
    f.opioids = {opioid("oxycodone", 10, 3)};
    f.pdmpChecks = {pdmp(QDate(2026, 10, 1))};
    f.goals = {goal(QDate(2025, 1, 1), domain::GoalStatus::Active), goal(QDate(2026, 10, 1), domain::GoalStatus::Met)};
    // G: an acute course in September (ended on the 20th: not on long-term therapy on the 30th),
    // then an open-ended prescription from 2026-10-05: moved from acute to long-term this month.
    // PDMP 2025-10-30 (366 days: outside 365) and 2026-10-05. A goal set 2026-10-05: current.
    domain::Patient g = patient("g", "Gil Grant", "Dr. B");
    g.opioids = {acute, fromOctober5};
    g.pdmpChecks = {pdmp(QDate(2025, 10, 30)), pdmp(QDate(2026, 10, 5))};
    g.goals = {goal(QDate(2026, 10, 5), domain::GoalStatus::Active)};
    // H: new to the clinic on 2026-10-10, already on long-term therapy elsewhere: no earlier supply here.
    domain::Patient h = patient("h", "Hal Hart", "Dr. B");
    h.opioids = {fromOctober10};
    // I: buprenorphine for opioid use disorder only: tracked, not in any denominator.
    domain::Patient i = patient("i", "Ida Ives", "Dr. B");
    domain::OpioidEntry moud = opioid("buprenorphine", 8, 2);
    moud.indication = domain::OpioidIndication::OpioidUseDisorder;
    i.opioids = {moud};
    i.pdmpChecks = {pdmp(QDate(2026, 10, 1)), pdmp(QDate(2026, 4, 1))};
    // J: an acute course this month, already ended: not on long-term therapy.
    domain::Patient j = patient("j", "Jo Jones", "Dr. B");
    domain::OpioidEntry shortCourse = opioid("hydrocodone", 5, 4, QDate(2026, 10, 27));
    shortCourse.start = QDate(2026, 10, 20);
    j.opioids = {shortCourse};
    return {e, f, g, h, i, j};
}

struct Fixture {
    ClinicPolicy policy = *ClinicPolicy::defaults();
    const MmeTable &table = *(*MmeTables::shipped())->find(QStringLiteral("cdc-2022"));
    const Instruments &instruments = **Instruments::shipped();
    RulesContext context() const { return {policy, table, instruments, {}}; }
};

const Measure &measure(const MonthlyMeasures &m, const char *id)
{
    for (const Measure &x : m.measures)
        if (x.id == QLatin1String(id))
            return x;
    qFatal("no measure %s", id);
}

QStringList codes(const QList<CareGap> &gaps)
{
    QStringList list;
    for (const auto &g : gaps)
        list << g.code;
    return list;
}

}  // namespace

class TestPopulationViews : public QObject {
    Q_OBJECT
    Fixture f;
    QList<domain::Patient> registry = handBuiltRegistry();

private slots:
    void monthlyMeasuresWorkedByHand_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("numerator");
        QTest::addColumn<int>("denominator");
        QTest::addColumn<double>("value");
        QTest::addColumn<QStringList>("patients");
        QTest::newRow("agreement") << QStringLiteral("agreement_current") << 2 << 3 << 66.7
                                   << QStringList{QStringLiteral("a"), QStringLiteral("c")};
        QTest::newRow("pdmp") << QStringLiteral("pdmp_90d") << 2 << 3 << 66.7
                              << QStringList{QStringLiteral("a"), QStringLiteral("c")};
        QTest::newRow("uds") << QStringLiteral("uds_365d") << 2 << 3 << 66.7
                             << QStringList{QStringLiteral("b"), QStringLiteral("c")};
        QTest::newRow("peg") << QStringLiteral("peg_90d") << 2 << 3 << 66.7
                             << QStringList{QStringLiteral("a"), QStringLiteral("c")};
        QTest::newRow("mme 50") << QStringLiteral("mme_ge_50") << 2 << 3 << 66.7
                                << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("mme 90") << QStringLiteral("mme_ge_90") << 1 << 3 << 33.3 << QStringList{QStringLiteral("b")};
        QTest::newRow("benzo") << QStringLiteral("benzodiazepine") << 1 << 3 << 33.3
                               << QStringList{QStringLiteral("b")};
        // Indicated: A (60 MME) and B (100 MME, benzodiazepine); only A has naloxone within 730 days.
        QTest::newRow("naloxone") << QStringLiteral("naloxone_if_indicated") << 1 << 2 << 50.0
                                  << QStringList{QStringLiteral("a")};
        // Latest PEG within 90 days: A 6.0 and C 3.0 → mean 4.5.
        QTest::newRow("mean peg") << QStringLiteral("mean_peg") << 2 << 2 << 4.5
                                  << QStringList{QStringLiteral("a"), QStringLiteral("c")};
        // A used the unexpected-result script on 2026-10-20; C used one on 2026-09-30 (last month).
        QTest::newRow("scripts used") << QStringLiteral("conversation_scripts_used") << 1 << 3 << 33.3
                                      << QStringList{QStringLiteral("a")};
    }

    void monthlyMeasuresWorkedByHand()
    {
        QFETCH(QString, id);
        QFETCH(int, numerator);
        QFETCH(int, denominator);
        QFETCH(double, value);
        QFETCH(QStringList, patients);
        auto m = monthlyMeasures(registry, 2026, 10, QString(), f.context());
        QVERIFY(m.ok());
        QCOMPARE(m->cotPatients, 3);
        QCOMPARE(m->evaluatedOn, QDate(2026, 10, 31));
        const Measure &x = measure(*m, id.toLatin1().constData());
        QCOMPARE(x.numerator, numerator);
        QCOMPARE(x.denominator, denominator);
        QCOMPARE(x.value, value);
        QCOMPARE(x.patientIds, patients);
    }

    void measuresPerPrescriberAndTrend()
    {
        auto onlyB = monthlyMeasures(registry, 2026, 10, QStringLiteral("Dr. B"), f.context());
        QCOMPARE(onlyB->cotPatients, 1);
        QCOMPARE(measure(*onlyB, "agreement_current").value, 100.0);
        QCOMPARE(measure(*onlyB, "naloxone_if_indicated").denominator, 0);
        auto trend = measureTrend(registry, 2026, 10, QString(), f.context());
        QCOMPARE(trend->size(), 12);
        QCOMPARE(trend->first().month, QStringLiteral("2025-11"));
        QCOMPARE(trend->last().month, QStringLiteral("2026-10"));
        // In November 2025 the C agreement (signed 2026-10-31) did not exist yet.
        QVERIFY(measure(trend->first(), "agreement_current").patientIds.isEmpty() ||
                !measure(trend->first(), "agreement_current").patientIds.contains(QStringLiteral("c")));
    }

    void huddleListsBookedPatientsOnTherapyMostUrgentFirst()
    {
        auto huddle = huddleList(registry, QDate(2026, 11, 2), f.context());
        QVERIFY(huddle.ok());
        QCOMPARE(huddle->size(), 2);  // A and B; C is booked the next day; D is off therapy
        QCOMPARE(huddle->at(0).patient->id, QStringLiteral("b"));  // high-severity alerts first
        QCOMPARE(huddle->at(1).patient->id, QStringLiteral("a"));
        const HuddleEntry &b = huddle->at(0);
        QVERIFY(codes(b.clinician).contains(QStringLiteral("HIGH_DOSE")));
        QVERIFY(codes(b.clinician).contains(QStringLiteral("BENZODIAZEPINE")));
        QVERIFY(codes(b.clinician).contains(QStringLiteral("NALOXONE")));
        QVERIFY(codes(b.rooming).contains(QStringLiteral("AGREEMENT")));
        QVERIFY(codes(b.rooming).contains(QStringLiteral("PEG")));
        QVERIFY(codes(b.registryManager).contains(QStringLiteral("PDMP_CHECK")));
        for (const auto &entry : *huddle) {
            QVERIFY(!codes(entry.rooming + entry.clinician + entry.registryManager).contains(QStringLiteral("VISIT")));
        }
    }

    void newMeasuresWorkedByHand_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("numerator");
        QTest::addColumn<double>("value");
        QTest::addColumn<QStringList>("patients");
        QTest::newRow("PDMP twice in 365 days: E only")
            << QStringLiteral("pdmp_twice_365d") << 1 << 25.0 << QStringList{QStringLiteral("e")};
        QTest::newRow("current care-plan goal: E and G") << QStringLiteral("care_plan_goal_current") << 2 << 50.0
                                                         << QStringList{QStringLiteral("e"), QStringLiteral("g")};
        QTest::newRow("acute to long-term this month: G")
            << QStringLiteral("acute_to_long_term") << 1 << 25.0 << QStringList{QStringLiteral("g")};
        // E 46 days, F 30, G 26; H never.
        QTest::newRow("PDMP in 90 days: E, F, G")
            << QStringLiteral("pdmp_90d") << 3 << 75.0
            << QStringList{QStringLiteral("e"), QStringLiteral("f"), QStringLiteral("g")};
    }

    void newMeasuresWorkedByHand()
    {
        QFETCH(QString, id);
        QFETCH(int, numerator);
        QFETCH(double, value);
        QFETCH(QStringList, patients);
        const QList<domain::Patient> clinic = policyClinic();
        auto m = monthlyMeasures(clinic, 2026, 10, QString(), f.context());
        QVERIFY(m.ok());
        QCOMPARE(m->cotPatients, 4);  // E, F, G, H: not I (MOUD only), not J (acute course ended)
        QCOMPARE(m->policyVersion, QStringLiteral("default-1"));
        const Measure &x = measure(*m, id.toLatin1().constData());
        QCOMPARE(x.numerator, numerator);
        QCOMPARE(x.denominator, 4);
        QCOMPARE(x.value, value);
        QCOMPARE(x.patientIds, patients);
    }

    void measureWindowsAndTargetsFollowThePolicy()
    {
        const QList<domain::Patient> clinic = policyClinic();
        // The clinic checks the PDMP every 30 days: its PDMP measure looks back 30 days too.
        auto changed = f.policy.withOverrides(QJsonDocument::fromJson(R"({"version": "clinic-7",
            "intervals_days": {"pdmp": {"low": 30, "moderate": 30, "high": 30}},
            "measures": {"windows_days": {"pdmp_twice": 400, "care_plan_goal": 30},
                         "targets": {"pdmp_90d": 75, "mme_ge_90": 20, "benzodiazepine": null}}})")
                                                  .object());
        QVERIFY(changed.ok());
        const RulesContext context{*changed, f.table, f.instruments, {}};
        auto m = monthlyMeasures(clinic, 2026, 10, QString(), context);
        QVERIFY(m.ok());
        QCOMPARE(m->policyVersion, QStringLiteral("clinic-7"));
        // PDMP within 30 days: F (30 days) and G (26); E's check was 46 days before.
        const Measure &pdmp = measure(*m, "pdmp_90d");
        QCOMPARE(pdmp.windowDays, 30);
        QCOMPARE(pdmp.patientIds, (QStringList{QStringLiteral("f"), QStringLiteral("g")}));
        QCOMPARE(pdmp.target, std::optional<double>(75));
        QVERIFY(!pdmp.lowerIsBetter);
        // One rule: the measure counts exactly the patients whose PDMP gap is not overdue that day.
        auto evaluations = evaluateRegistry(clinic, QDate(2026, 10, 31), context);
        QVERIFY(evaluations.ok());
        for (const PatientEvaluation &e : *evaluations) {
            const bool checkOverdue =
                std::any_of(e.evaluation.gaps.cbegin(), e.evaluation.gaps.cend(), [](const CareGap &g) {
                    return g.code == QLatin1String("PDMP_CHECK") &&
                           (g.status == GapStatus::Overdue || g.status == GapStatus::Missing);
                });
            QCOMPARE(pdmp.patientIds.contains(e.patient->id), !checkOverdue);
        }
        // Twice within 400 days: G's check of 2025-10-30 (366 days) now counts.
        QCOMPARE(measure(*m, "pdmp_twice_365d").patientIds, (QStringList{QStringLiteral("e"), QStringLiteral("g")}));
        // A goal set or reviewed within 30 days: G (26 days); E's review was 60 days before.
        QCOMPARE(measure(*m, "care_plan_goal_current").patientIds, QStringList{QStringLiteral("g")});
        QCOMPARE(measure(*m, "mme_ge_90").target, std::optional<double>(20));
        QVERIFY(measure(*m, "mme_ge_90").lowerIsBetter);
        QCOMPARE(measure(*m, "benzodiazepine").target, std::optional<double>());
        QCOMPARE(measure(*m, "mean_peg").target, std::optional<double>());
        // The patients to act on: for a floor, those outside the numerator (E has no PDMP check
        // within 30 days, H none at all); for a ceiling, those inside it; none for a measure
        // without a target.
        QCOMPARE(pdmp.needActionIds, (QStringList{QStringLiteral("e"), QStringLiteral("h")}));
        QCOMPARE(measure(*m, "mme_ge_90").needActionIds, measure(*m, "mme_ge_90").patientIds);
        QVERIFY(measure(*m, "benzodiazepine").needActionIds.isEmpty());
        QVERIFY(measure(*m, "mean_peg").needActionIds.isEmpty());

        // The PEG interval moves the PEG measure and the mean PEG together, by its longest tier
        // (hand-built clinic above: A's PEG is 30 days before the 31st, C's 90 days).
        auto peg = f.policy.withOverrides(
            QJsonDocument::fromJson(R"({"intervals_days": {"peg": {"low": 60, "moderate": 45, "high": 30}}})")
                .object());
        QVERIFY(peg.ok());
        auto months = monthlyMeasures(registry, 2026, 10, QString(), {*peg, f.table, f.instruments, {}});
        QCOMPARE(measure(*months, "peg_90d").patientIds, QStringList{QStringLiteral("a")});
        QCOMPARE(measure(*months, "mean_peg").value, 6.0);
        QCOMPARE(measure(*months, "peg_90d").windowDays, 60);
    }

    void theLtotDefinitionDecidesEveryList()
    {
        const QList<domain::Patient> clinic = policyClinic();
        // The clinic counts supply only, on most of 90 days: G (38 of 90 days) and H (22) leave.
        auto supplyOnly = f.policy.withOverrides(
            QJsonDocument::fromJson(R"({"ltot_definition": {"count_expected_long_term": false}})").object());
        QVERIFY(supplyOnly.ok());
        const RulesContext context{*supplyOnly, f.table, f.instruments, {}};
        auto m = monthlyMeasures(clinic, 2026, 10, QString(), context);
        QCOMPARE(m->cotPatients, 2);
        auto evaluations = evaluateRegistry(clinic, QDate(2026, 10, 31), context);
        QCOMPARE(evaluations->size(), 2);
        QCOMPARE(toString(evaluations->at(0).ltot.reason), QStringLiteral("supply_on_most_days"));
        // With the default policy the same four are on the registry and G's reason is the
        // ongoing prescription.
        auto all = evaluateRegistry(clinic, QDate(2026, 10, 31), f.context());
        QCOMPARE(all->size(), 4);
        QCOMPARE(all->at(2).patient->id, QStringLiteral("g"));
        QCOMPARE(toString(all->at(2).ltot.reason), QStringLiteral("expected_long_term"));
        // The huddle: I (MOUD only) and J (acute course) are booked but never listed.
        QList<domain::Patient> booked = clinic;
        for (domain::Patient &p : booked)
            p.visits = {{{}, QDate(2026, 11, 2), domain::VisitStatus::Scheduled}};
        auto huddle = huddleList(booked, QDate(2026, 11, 2), f.context());
        QStringList ids;
        for (const auto &entry : *huddle)
            ids << entry.patient->id;
        ids.sort();
        QCOMPARE(ids,
                 (QStringList{QStringLiteral("e"), QStringLiteral("f"), QStringLiteral("g"), QStringLiteral("h")}));
    }

    void worklistOrdersOverdueFirstAndFilters()
    {
        auto evaluations = evaluateRegistry(registry, QDate(2026, 10, 31), f.context());
        QVERIFY(evaluations.ok());
        QCOMPARE(evaluations->size(), 3);
        // PDMP: B never checked (missing); C checked 90 days ago (due today: due soon); A is fine.
        WorklistFilter pdmp;
        pdmp.gapCode = QStringLiteral("PDMP_CHECK");
        auto list = worklist(*evaluations, pdmp);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).patient->id, QStringLiteral("b"));
        QCOMPARE(list.at(1).patient->id, QStringLiteral("c"));

        WorklistFilter high;
        high.band = QStringLiteral("ge90");
        QCOMPARE(worklist(*evaluations, high).size(), 1);
        WorklistFilter byPrescriber;
        byPrescriber.prescriber = QStringLiteral("Dr. A");
        QCOMPARE(worklist(*evaluations, byPrescriber).size(), 2);
        WorklistFilter search;
        search.search = QStringLiteral("CARTER");
        QCOMPARE(worklist(*evaluations, search).size(), 1);
        search.search = QStringLiteral("SYN-a");
        QCOMPARE(worklist(*evaluations, search).first().patient->id, QStringLiteral("a"));
        WorklistFilter tier;
        tier.tier = QStringLiteral("high");
        QCOMPARE(worklist(*evaluations, tier).size(), 1);  // B: 100 MME and a benzodiazepine
    }
};

QTEST_GUILESS_MAIN(TestPopulationViews)
#include "test_population_views.moc"
