// Issue 14 items 4, 6 and 7 as pure functions: the policy objects uds_selection, new_patient and
// rule_strength (defaults, validation naming the key); random urine selection (reproducible with
// its seed, roughly uniform over 10,000 patients, one sample per interval on average, never listed
// ahead by the gaps or the huddle); the new-patient switch in the refill check; firm refill rules;
// the overrides measure; and the new-patient script chosen by the switch in both languages.

#include "core/clinical/population_views.h"
#include "core/clinical/refill.h"
#include "core/clinical/rules.h"
#include "core/clinical/uds_selection.h"
#include "core/scripts/library.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace cairn;
using namespace cairn::clinical;

namespace {

const QString kSeed = QStringLiteral("0123456789abcdef0123456789abcdef");

struct Fixture {
    ClinicPolicy policy = *ClinicPolicy::defaults();
    const MmeTable &table = *(*MmeTables::shipped())->find(QStringLiteral("cdc-2022"));
    const Instruments &instruments = **Instruments::shipped();
    RulesContext context() const { return {policy, table, instruments, {}}; }
};

ClinicPolicy with(const QJsonObject &overrides)
{
    auto policy = ClinicPolicy::defaults()->withOverrides(overrides);
    if (!policy)
        qFatal("%s", qPrintable(policy.error().line()));
    return *policy;
}

domain::Patient onTherapy(const QString &id, const QDate &lastUds)
{
    domain::Patient p;
    p.id = id;
    p.clinicId = id;
    p.name = id;
    p.sex = domain::Sex::Female;
    p.riskTier = domain::RiskTier::High;  // UDS every 90 days
    domain::OpioidEntry e;
    e.drug = QStringLiteral("morphine");
    e.strengthMg = 30;
    e.dosesPerDay = 1;
    e.start = QDate(2025, 1, 1);
    p.opioids = {e};
    if (lastUds.isValid())
        p.uds = {{{}, lastUds, domain::UdsResult::Expected, {}}};
    return p;
}

bool hasGap(const QList<CareGap> &gaps, const char *code)
{
    return std::any_of(gaps.cbegin(), gaps.cend(), [code](const CareGap &g) { return g.code == QLatin1String(code); });
}

}  // namespace

class TestRefillRules : public QObject {
    Q_OBJECT
    Fixture f;

private slots:
    // --- the policy objects ------------------------------------------------------------------
    void defaultsKeepTodaysBehaviour()
    {
        const ClinicPolicy &p = f.policy;
        QCOMPARE(p.udsSelectionMode, UdsSelectionMode::Interval);
        QVERIFY(p.udsSelectionSeed.isEmpty());
        QCOMPARE(p.newPatientMode, NewPatientMode::RecordsFirst);
        QCOMPARE(p.newPatientBridgeDays, 30);
        QVERIFY(p.firmRefillRules.isEmpty());
        // A policy stored before these objects existed reads with the defaults.
        QJsonObject old = p.toJson();
        old.remove(QStringLiteral("uds_selection"));
        old.remove(QStringLiteral("new_patient"));
        old.remove(QStringLiteral("rule_strength"));
        auto read = ClinicPolicy::fromJson(old);
        QVERIFY(read.ok());
        QCOMPARE(read->toJson(), p.toJson());
    }

    void settingsRoundTrip()
    {
        const ClinicPolicy p = with(QJsonObject{
            {QStringLiteral("uds_selection"),
             QJsonObject{{QStringLiteral("mode"), QStringLiteral("random")}, {QStringLiteral("seed"), kSeed}}},
            {QStringLiteral("new_patient"),
             QJsonObject{{QStringLiteral("mode"), QStringLiteral("bridge")}, {QStringLiteral("bridge_days"), 14}}},
            {QStringLiteral("rule_strength"),
             QJsonObject{{QStringLiteral("early_allowance"), QStringLiteral("clinic_rule")},
                         {QStringLiteral("notice"), QStringLiteral("clinic_rule")}}}});
        QCOMPARE(p.udsSelectionMode, UdsSelectionMode::Random);
        QCOMPARE(p.udsSelectionSeed, kSeed);
        QCOMPARE(p.newPatientMode, NewPatientMode::Bridge);
        QCOMPARE(p.newPatientBridgeDays, 14);
        QCOMPARE(p.firmRefillRules, (QStringList{QStringLiteral("notice"), QStringLiteral("early_allowance")}));
        QCOMPARE(ClinicPolicy::fromJson(p.toJson())->toJson(), p.toJson());
    }

    void badValuesAreRefusedNamingTheKey_data()
    {
        QTest::addColumn<QJsonObject>("overrides");
        QTest::addColumn<QString>("field");
        const auto object = [](const char *outer, const char *key, const QJsonValue &value) {
            return QJsonObject{{QLatin1String(outer), QJsonObject{{QLatin1String(key), value}}}};
        };
        QTest::newRow("mode") << object("uds_selection", "mode", QStringLiteral("weekly"))
                              << QStringLiteral("uds_selection.mode");
        QTest::newRow("mode number") << object("uds_selection", "mode", 1) << QStringLiteral("uds_selection.mode");
        QTest::newRow("seed short") << object("uds_selection", "seed", QStringLiteral("abc"))
                                    << QStringLiteral("uds_selection.seed");
        QTest::newRow("seed upper") << object("uds_selection", "seed", kSeed.toUpper())
                                    << QStringLiteral("uds_selection.seed");
        QTest::newRow("new mode") << object("new_patient", "mode", QStringLiteral("refuse"))
                                  << QStringLiteral("new_patient.mode");
        QTest::newRow("bridge negative") << object("new_patient", "bridge_days", -3)
                                         << QStringLiteral("new_patient.bridge_days");
        QTest::newRow("bridge absurd") << object("new_patient", "bridge_days", 365)
                                       << QStringLiteral("new_patient.bridge_days");
        QTest::newRow("bridge fraction") << object("new_patient", "bridge_days", 7.5)
                                         << QStringLiteral("new_patient.bridge_days");
        QTest::newRow("strength") << object("rule_strength", "police_report", QStringLiteral("strict"))
                                  << QStringLiteral("rule_strength.police_report");
        QTest::newRow("unknown rule") << object("rule_strength", "weekends", QStringLiteral("clinic_rule"))
                                      << QStringLiteral("rule_strength.weekends");
        QTest::newRow("unknown key") << object("new_patient", "grace_days", 3)
                                     << QStringLiteral("new_patient.grace_days");
    }

    void badValuesAreRefusedNamingTheKey()
    {
        QFETCH(QJsonObject, overrides);
        QFETCH(QString, field);
        const QJsonObject before = f.policy.toJson();
        auto result = f.policy.withOverrides(overrides);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().field, field);
        QVERIFY(!result.error().message.isEmpty());
        QCOMPARE(f.policy.toJson(), before);
    }

    // --- random urine selection --------------------------------------------------------------
    void drawsReplayWithTheirSeedAndDifferWithout()
    {
        const QDate day(2026, 11, 25);
        int differ = 0;
        for (int i = 0; i < 200; ++i) {
            const QString id = QStringLiteral("patient-%1").arg(i);
            const UdsDraw a = udsDraw(kSeed, id, 90, day);
            const UdsDraw b = udsDraw(kSeed, id, 90, day);
            QCOMPARE(a.drawnDay, b.drawnDay);
            QCOMPARE(a.window, b.window);
            QVERIFY(a.drawnDay >= a.windowStart && a.drawnDay < a.windowStart.addDays(90));
            QVERIFY(day >= a.windowStart && day < a.windowStart.addDays(90));
            differ += udsDraw(QStringLiteral("fedcba9876543210fedcba9876543210"), id, 90, day).drawnDay != a.drawnDay;
        }
        // Another clinic's seed gives other days (1 in 90 may match by chance).
        QVERIFY2(differ > 180, qPrintable(QString::number(differ)));
    }

    void drawsAreRoughlyUniformOverTenThousandPatients()
    {
        // Chi-square over the 90 days of a window: 89 degrees of freedom, critical value 122.9 at
        // p = 0.01. The seed and ids are fixed, so the result is too.
        const int patients = 10000;
        const int interval = 90;
        QList<int> counts(interval, 0);
        const QDate day(2026, 11, 25);
        for (int i = 0; i < patients; ++i) {
            const UdsDraw d = udsDraw(kSeed, QStringLiteral("p%1").arg(i), interval, day);
            ++counts[static_cast<int>(d.windowStart.daysTo(d.drawnDay))];
        }
        const double expected = double(patients) / interval;
        double chiSquare = 0;
        for (int c : counts)
            chiSquare += (c - expected) * (c - expected) / expected;
        QVERIFY2(chiSquare < 122.9, qPrintable(QString::number(chiSquare)));
        // And no day is far from its share (111 expected).
        QVERIFY(*std::min_element(counts.cbegin(), counts.cend()) > 70);
        QVERIFY(*std::max_element(counts.cbegin(), counts.cend()) < 155);
    }

    void eachPatientGivesOneSamplePerIntervalOnAverage()
    {
        // 1,000 high-tier patients seen every 30 days for three years; each visit the selection
        // says so, a sample is taken. Three years hold 1095 / 90 ≈ 12.2 windows.
        const QDate start(2024, 1, 1);
        int samples = 0;
        int visits = 0;
        int longestGap = 0;
        for (int i = 0; i < 1000; ++i) {
            domain::Patient p = onTherapy(QStringLiteral("v%1").arg(i), QDate());
            QDate last;
            for (QDate day = start.addDays(i % 30); day < start.addDays(1095); day = day.addDays(30)) {
                ++visits;
                if (selectForUds(kSeed, p, 90, day).selected) {
                    p.uds.append({{}, day, domain::UdsResult::Pending, {}});
                    if (last.isValid())
                        longestGap = std::max(longestGap, static_cast<int>(last.daysTo(day)));
                    last = day;
                    ++samples;
                }
            }
        }
        const double perPatient = samples / 1000.0;
        QVERIFY2(perPatient > 11.0 && perPatient < 13.5, qPrintable(QString::number(perPatient)));
        // Never more than about two intervals between samples (a draw late in one window, then
        // one early in the next is honoured at the next visit).
        QVERIFY2(longestGap <= 2 * 90 + 30, qPrintable(QString::number(longestGap)));
        // Random, not every visit: about a third of the visits.
        QVERIFY(samples < visits / 2);
    }

    void selectionFollowsItsDrawAndCarriesOver()
    {
        const QDate day(2026, 11, 25);
        domain::Patient p = onTherapy(QStringLiteral("carry"), QDate());
        // No sample ever: selected (a baseline).
        QVERIFY(selectForUds(kSeed, p, 90, day).selected);
        const UdsDraw draw = udsDraw(kSeed, p.id, 90, day);
        // A sample on the drawn day itself satisfies this window's draw and the last one's.
        p.uds = {{{}, draw.drawnDay, domain::UdsResult::Expected, {}}};
        for (QDate d = draw.drawnDay; d < draw.windowStart.addDays(90); d = d.addDays(1))
            QVERIFY(!selectForUds(kSeed, p, 90, d).selected);
        // A sample before the drawn day does not: the first visit on or after the day is chosen.
        if (draw.drawnDay > draw.windowStart) {
            p.uds = {{{}, draw.windowStart, domain::UdsResult::Expected, {}}};
            const UdsDraw previous = udsDraw(kSeed, p.id, 90, draw.windowStart.addDays(-1));
            if (previous.drawnDay <= draw.windowStart) {
                QVERIFY(!selectForUds(kSeed, p, 90, draw.drawnDay.addDays(-1)).selected);
                QVERIFY(selectForUds(kSeed, p, 90, draw.drawnDay).selected);
            }
        }
    }

    void randomModeListsNobodyAhead()
    {
        ClinicPolicy random = with(QJsonObject{
            {QStringLiteral("uds_selection"),
             QJsonObject{{QStringLiteral("mode"), QStringLiteral("random")}, {QStringLiteral("seed"), kSeed}}}});
        const QDate day(2026, 11, 25);
        QList<domain::Patient> patients;
        for (int i = 0; i < 20; ++i) {
            domain::Patient p = onTherapy(QStringLiteral("h%1").arg(i), i % 2 ? QDate() : day.addDays(-200));
            p.visits = {{{}, day, domain::VisitStatus::Scheduled}};
            patients << p;
        }
        const RulesContext interval = f.context();
        const RulesContext randomContext{random, f.table, f.instruments, {}};
        // Under the interval every one of them is missing or overdue a UDS…
        auto before = huddleList(patients, day, interval);
        QVERIFY(before.ok());
        QCOMPARE(before->size(), 20);
        for (const HuddleEntry &e : *before)
            QVERIFY(hasGap(e.evaluation.gaps, "UDS") && hasGap(e.rooming, "UDS"));
        // …in random mode neither the huddle, nor its rooming list, nor a worklist names it.
        auto after = huddleList(patients, day, randomContext);
        QVERIFY(after.ok());
        QCOMPARE(after->size(), 20);
        for (const HuddleEntry &e : *after) {
            QVERIFY(!hasGap(e.evaluation.gaps, "UDS"));
            QVERIFY(!hasGap(e.rooming, "UDS") && !hasGap(e.clinician, "UDS") && !hasGap(e.registryManager, "UDS"));
        }
        auto evaluations = evaluateRegistry(patients, day, randomContext);
        QVERIFY(evaluations.ok());
        WorklistFilter filter;
        filter.gapCode = QStringLiteral("UDS");
        QVERIFY(worklist(*evaluations, filter).isEmpty());
        // An unexpected result is still an alert.
        patients[0].uds = {{{}, day.addDays(-3), domain::UdsResult::Unexpected, {}}};
        QVERIFY(hasGap(evaluate(patients[0], day, randomContext)->gaps, "UDS_UNEXPECTED"));
    }

    // --- firm refill rules -------------------------------------------------------------------
    void clinicRulesBlockOnlyWhereTheClinicSaysSo_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QDate>("fill");
        QTest::addColumn<int>("supply");
        QTest::addColumn<QDate>("lastFill");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("code");
        // 2026-06-29 is a Monday (the cases of test_rules' refillReasons, one reason each).
        QTest::newRow("no_fill_weekday") << QStringLiteral("no_fill_weekday") << QDate(2026, 7, 3) << 28
                                         << QDate(2026, 6, 5) << 0 << QStringLiteral("FILL_DAY_NOT_ALLOWED");
        QTest::newRow("notice") << QStringLiteral("notice") << QDate(2026, 7, 2) << 28 << QDate(2026, 6, 5) << 0
                                << QStringLiteral("INSUFFICIENT_NOTICE");
        QTest::newRow("early_allowance") << QStringLiteral("early_allowance") << QDate(2026, 7, 7) << 28
                                         << QDate(2026, 6, 15) << 1 << QStringLiteral("TOO_EARLY");
        QTest::newRow("max_days_supply") << QStringLiteral("max_days_supply") << QDate(2026, 7, 7) << 30
                                         << QDate(2026, 6, 9) << 0 << QStringLiteral("SUPPLY_TOO_LONG");
        QTest::newRow("police_report") << QStringLiteral("police_report") << QDate(2026, 7, 7) << 28
                                       << QDate(2026, 6, 9) << 2 << QStringLiteral("LOST_OR_STOLEN_NO_REPORT");
    }

    void clinicRulesBlockOnlyWhereTheClinicSaysSo()
    {
        QFETCH(QString, rule);
        QFETCH(QDate, fill);
        QFETCH(int, supply);
        QFETCH(QDate, lastFill);
        QFETCH(int, reason);
        QFETCH(QString, code);
        const RefillRequest r{QDate(2026, 6, 29), fill, supply, lastFill, 28, static_cast<RefillReason>(reason), false};
        QCOMPARE(refillRuleOfReason(code), rule);
        // Advice (the default): the contract's answer, nothing blocked.
        auto advice = checkRefill(r, std::nullopt, f.context());
        QCOMPARE(advice->reasons, QStringList{code});
        QVERIFY(advice->clinicRules.isEmpty());
        // That rule a clinic rule: blocked, naming it.
        const ClinicPolicy firm =
            with(QJsonObject{{QStringLiteral("rule_strength"), QJsonObject{{rule, QStringLiteral("clinic_rule")}}}});
        auto blocked = checkRefill(r, std::nullopt, {firm, f.table, f.instruments, {}});
        QCOMPARE(blocked->reasons, QStringList{code});
        QCOMPARE(blocked->clinicRules, QStringList{code});
        QCOMPARE(blocked->decision, QStringLiteral("not_allowed_by_policy"));
        QCOMPARE(blocked->policyVersion, QStringLiteral("default-1+local"));
        // Another rule firm: this one stays advice.
        const QString other =
            rule == QLatin1String("notice") ? QStringLiteral("max_days_supply") : QStringLiteral("notice");
        const ClinicPolicy otherFirm =
            with(QJsonObject{{QStringLiteral("rule_strength"), QJsonObject{{other, QStringLiteral("clinic_rule")}}}});
        auto notBlocked = checkRefill(r, std::nullopt, {otherFirm, f.table, f.instruments, {}});
        QVERIFY(notBlocked->clinicRules.isEmpty());
        QCOMPARE(notBlocked->decision, advice->decision);
    }

    // --- new patients already on opioids ------------------------------------------------------
    void newPatientFollowsTheSwitch_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("bridgeDays");
        QTest::addColumn<bool>("records");
        QTest::addColumn<bool>("udsOnRecord");
        QTest::addColumn<bool>("earlierRequest");
        QTest::addColumn<QString>("decision");
        QTest::addColumn<QStringList>("reasons");
        const QString refused = QStringLiteral("not_allowed_by_policy");
        const QStringList recordsFirst{QStringLiteral("NEW_PATIENT_RECORDS_FIRST")};
        // Records first: the prior records and a urine test, both, before the first prescription.
        QTest::newRow("records first, nothing yet")
            << QStringLiteral("records_first") << 30 << false << false << false << refused << recordsFirst;
        QTest::newRow("records first, records only")
            << QStringLiteral("records_first") << 30 << true << false << false << refused << recordsFirst;
        QTest::newRow("records first, urine only")
            << QStringLiteral("records_first") << 30 << false << true << false << refused << recordsFirst;
        QTest::newRow("records first, both") << QStringLiteral("records_first") << 30 << true << true << false
                                             << QStringLiteral("allowed") << QStringList{};
        // Bridge: request 06-29, fill 07-07 for 28 days, so the supply runs to 08-04.
        // 40 days from 06-29 is 08-08: within the bridge, for the clinician's review.
        QTest::newRow("bridge within") << QStringLiteral("bridge") << 40 << false << false << false
                                       << QStringLiteral("needs_review")
                                       << QStringList{QStringLiteral("NEW_PATIENT_BRIDGE")};
        // 30 days from 06-29 is 07-29, before 08-04: past the bridge's limit.
        QTest::newRow("bridge too long") << QStringLiteral("bridge") << 30 << false << false << false << refused
                                         << QStringList{QStringLiteral("NEW_PATIENT_BRIDGE_TOO_LONG")};
        // The bridge runs from the first request on record (06-20): 40 days end 07-30 < 08-04.
        QTest::newRow("bridge from the first request")
            << QStringLiteral("bridge") << 40 << false << false << true << refused
            << QStringList{QStringLiteral("NEW_PATIENT_BRIDGE_TOO_LONG")};
        // Once the records have come the bridge is over and the usual rules apply.
        QTest::newRow("bridge, records came")
            << QStringLiteral("bridge") << 30 << true << false << false << QStringLiteral("allowed") << QStringList{};
    }

    void newPatientFollowsTheSwitch()
    {
        QFETCH(QString, mode);
        QFETCH(int, bridgeDays);
        QFETCH(bool, records);
        QFETCH(bool, udsOnRecord);
        QFETCH(bool, earlierRequest);
        QFETCH(QString, decision);
        QFETCH(QStringList, reasons);
        const ClinicPolicy p = with(
            QJsonObject{{QStringLiteral("new_patient"),
                         QJsonObject{{QStringLiteral("mode"), mode}, {QStringLiteral("bridge_days"), bridgeDays}}}});
        // Monday 06-29; fill Tuesday 07-07 (6 business days' notice); last fill 06-09 + 28 − 2
        // = 07-05, so not early; 28 days' supply. Nothing but the new-patient rule applies.
        RefillRequest r{QDate(2026, 6, 29), QDate(2026, 7, 7), 28, QDate(2026, 6, 9), 28, RefillReason::Routine, false};
        r.newPatient = true;
        r.priorRecordsReceived = records;
        // Low tier, seen, checked and agreed on 06-29: the patient's checks hold on 07-07.
        domain::Patient patient = onTherapy(QStringLiteral("new"), udsOnRecord ? QDate(2026, 6, 29) : QDate());
        patient.riskTier = domain::RiskTier::Low;
        patient.agreements = {{{}, QDate(2026, 6, 29), {}}};
        patient.pdmpChecks = {{{}, QDate(2026, 6, 29), {}, false, {}}};
        patient.visits = {{{}, QDate(2026, 6, 29), domain::VisitStatus::Completed}};
        if (earlierRequest) {
            domain::RefillRequest first;
            first.date = QDate(2026, 6, 20);
            first.medication = QStringLiteral("morphine");
            patient.refillRequests = {first};
        }
        auto advice = checkRefill(r, patient, {p, f.table, f.instruments, {}});
        QVERIFY(advice.ok());
        QCOMPARE(advice->reasons, reasons);
        QCOMPARE(advice->decision, decision);
        QVERIFY(advice->clinicRules.isEmpty());
    }

    void aRequestNotMarkedNewIsUnchanged()
    {
        RefillRequest r{QDate(2026, 6, 29), QDate(2026, 7, 7), 28, QDate(2026, 6, 9), 28, RefillReason::Routine, false};
        for (const char *mode : {"records_first", "bridge"}) {
            const ClinicPolicy p = with(QJsonObject{
                {QStringLiteral("new_patient"), QJsonObject{{QStringLiteral("mode"), QLatin1String(mode)}}}});
            auto advice = checkRefill(r, std::nullopt, {p, f.table, f.instruments, {}});
            QCOMPARE(advice->decision, QStringLiteral("allowed"));
            QVERIFY(advice->reasons.isEmpty());
        }
    }

    // Detected rather than ticked: the patient's record says since when this clinic prescribes
    // their opioids; without that date nobody guesses and the front desk's tick decides.
    void newPatientIsDetectedFromTheRecord_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QDate>("since");  // null: not on the record
        QTest::addColumn<bool>("ticked");
        QTest::addColumn<bool>("isNew");
        QTest::addColumn<bool>("fromRecord");
        QTest::addColumn<QStringList>("reasons");
        const QStringList recordsFirst{QStringLiteral("NEW_PATIENT_RECORDS_FIRST")};
        // Request 06-29, fill 07-07 for 28 days (to 08-04); new_patient.bridge_days 30.
        // First prescription here 06-10: 06-29 is within 30 days, so new, though nobody ticked it.
        QTest::newRow("records first, recent, not ticked")
            << QStringLiteral("records_first") << QDate(2026, 6, 10) << false << true << true << recordsFirst;
        // 05-30 + 30 = 06-29: the period is over on the day of the request, so established.
        QTest::newRow("records first, period over, ticked")
            << QStringLiteral("records_first") << QDate(2026, 5, 30) << true << false << true << QStringList{};
        QTest::newRow("records first, years ago, ticked")
            << QStringLiteral("records_first") << QDate(2019, 4, 1) << true << false << true << QStringList{};
        // No date: the tick decides, either way.
        QTest::newRow("unknown, ticked") << QStringLiteral("records_first") << QDate() << true << true << false
                                         << recordsFirst;
        QTest::newRow("unknown, not ticked")
            << QStringLiteral("records_first") << QDate() << false << false << false << QStringList{};
        // Bridge from the first prescription here (06-20): 30 days end 07-20, before 08-04.
        QTest::newRow("bridge from the first prescription")
            << QStringLiteral("bridge") << QDate(2026, 6, 20) << false << true << true
            << QStringList{QStringLiteral("NEW_PATIENT_BRIDGE_TOO_LONG")};
        // From 07-10 (a date set ahead on the form), 30 days end 08-09: within the bridge.
        QTest::newRow("bridge, prescribing starts with this fill")
            << QStringLiteral("bridge") << QDate(2026, 7, 10) << false << true << true
            << QStringList{QStringLiteral("NEW_PATIENT_BRIDGE")};
    }

    void newPatientIsDetectedFromTheRecord()
    {
        QFETCH(QString, mode);
        QFETCH(QDate, since);
        QFETCH(bool, ticked);
        QFETCH(bool, isNew);
        QFETCH(bool, fromRecord);
        QFETCH(QStringList, reasons);
        const ClinicPolicy p =
            with(QJsonObject{{QStringLiteral("new_patient"), QJsonObject{{QStringLiteral("mode"), mode}}}});
        RefillRequest r{QDate(2026, 6, 29), QDate(2026, 7, 7), 28, QDate(2026, 6, 9), 28, RefillReason::Routine, false};
        r.newPatient = ticked;
        domain::Patient patient = onTherapy(QStringLiteral("p"), QDate());
        patient.riskTier = domain::RiskTier::Low;
        patient.agreements = {{{}, QDate(2026, 6, 29), {}}};
        patient.pdmpChecks = {{{}, QDate(2026, 6, 29), {}, false, {}}};
        patient.visits = {{{}, QDate(2026, 6, 29), domain::VisitStatus::Completed}};
        patient.opioidPrescriberSince = since;
        auto advice = checkRefill(r, patient, {p, f.table, f.instruments, {}});
        QVERIFY(advice.ok());
        QCOMPARE(advice->newPatient.isNew, isNew);
        QCOMPARE(advice->newPatient.source == NewPatientSource::Record, fromRecord);
        QCOMPARE(advice->newPatient.prescriberSince, fromRecord ? since : QDate());
        QCOMPARE(advice->reasons, reasons);
    }

    // --- the overrides measure ----------------------------------------------------------------
    void overridesAreCountedInTheirMonth()
    {
        QList<domain::Patient> patients;
        for (int i = 0; i < 4; ++i)
            patients << onTherapy(QStringLiteral("m%1").arg(i), QDate(2026, 10, 1));
        const auto override = [](const QDate &date) {
            return domain::RefillOverride{{},
                                          date,
                                          QStringLiteral("TOO_EARLY"),
                                          QStringLiteral("travel"),
                                          QStringLiteral("Dr A"),
                                          QStringLiteral("clinic-1")};
        };
        // m0: two overrides in November (one patient); m1: one in November; m2: October only.
        patients[0].refillOverrides = {override(QDate(2026, 11, 3)), override(QDate(2026, 11, 30))};
        patients[1].refillOverrides = {override(QDate(2026, 11, 1))};
        patients[2].refillOverrides = {override(QDate(2026, 10, 31))};
        auto november = monthlyMeasures(patients, 2026, 11, QString(), f.context());
        QVERIFY(november.ok());
        const auto measure = std::find_if(november->measures.cbegin(), november->measures.cend(), [](const Measure &m) {
            return m.id == QLatin1String("refill_rules_overridden");
        });
        QVERIFY(measure != november->measures.cend());
        QCOMPARE(measure->numerator, 2);
        QCOMPARE(measure->denominator, 4);
        QCOMPARE(measure->value, 50.0);
        QCOMPARE(measure->patientIds, (QStringList{QStringLiteral("m0"), QStringLiteral("m1")}));
    }

    // --- the new-patient script follows the switch -------------------------------------------
    void newPatientScriptFollowsTheSwitch_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QString>("hidden");
        QTest::newRow("records first") << QStringLiteral("records_first") << QStringLiteral("new-patient-on-opioids")
                                       << QStringLiteral("new-patient-bridge");
        QTest::newRow("bridge") << QStringLiteral("bridge") << QStringLiteral("new-patient-bridge")
                                << QStringLiteral("new-patient-on-opioids");
    }

    void newPatientScriptFollowsTheSwitch()
    {
        QFETCH(QString, mode);
        QFETCH(QString, shown);
        QFETCH(QString, hidden);
        auto library = scripts::Library::shipped();
        QVERIFY2(library.ok(), library ? "" : qPrintable(library.error().line()));
        const ClinicPolicy p =
            with(QJsonObject{{QStringLiteral("new_patient"), QJsonObject{{QStringLiteral("mode"), mode}}}});
        const scripts::Library forPolicy = (*library)->forPolicy(p.toJson());
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
            QVERIFY2(forPolicy.find(shown, language), qPrintable(shown + language));
            QVERIFY2(!forPolicy.find(hidden, language), qPrintable(hidden + language));
            // Triggered by a new patient on opioids, in both languages, exactly one of the two.
            scripts::PatientSituation situation;
            situation.events = {QStringLiteral("new_patient_on_opioids")};
            const QList<scripts::Script> ranked = forPolicy.rank(situation, language);
            QVERIFY(
                std::any_of(ranked.cbegin(), ranked.cend(), [&](const scripts::Script &s) { return s.id == shown; }));
            QVERIFY(
                std::none_of(ranked.cbegin(), ranked.cend(), [&](const scripts::Script &s) { return s.id == hidden; }));
        }
        // The unfiltered library (the script browser) has both.
        QVERIFY((*library)->find(shown, QStringLiteral("en")) && (*library)->find(hidden, QStringLiteral("en")));
    }
};

QTEST_GUILESS_MAIN(TestRefillRules)
#include "test_refill_rules.moc"
