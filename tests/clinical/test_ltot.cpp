// Who counts as on long-term opioid therapy (core/clinical/ltot.h) by the clinic's definition, row
// by row, and the policy objects "ltot_definition" and "measures": bad values are refused with the
// key named, good ones round-trip. Dates: evaluated on 2026-10-31; the 90-day look-back is
// 2026-08-03 … 2026-10-31.

#include "core/clinical/assets.h"
#include "core/clinical/ltot.h"
#include "core/clinical/mme.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace cairn;
using namespace cairn::clinical;

Q_DECLARE_METATYPE(cairn::domain::Patient)

namespace {

const QDate kOn(2026, 10, 31);

domain::OpioidEntry course(const char *drug, QDate start, QDate end = {},
                           domain::OpioidIndication indication = domain::OpioidIndication::Pain)
{
    domain::OpioidEntry e;
    e.drug = QLatin1String(drug);
    e.strengthMg = 5;
    e.dosesPerDay = 4;
    e.start = start;
    e.end = end;
    e.indication = indication;
    return e;
}

domain::Patient withOpioids(QList<domain::OpioidEntry> opioids)
{
    domain::Patient p;
    p.id = QStringLiteral("p");
    p.opioids = std::move(opioids);
    return p;
}

domain::LtotDecision decision(QDate date, bool longTerm)
{
    return {{}, date, longTerm, QStringLiteral("regular prescriptions from another clinic")};
}

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

}  // namespace

class TestLtot : public QObject {
    Q_OBJECT
    ClinicPolicy defaults = *ClinicPolicy::defaults();

private slots:
    void definitionTable_data()
    {
        QTest::addColumn<domain::Patient>("patient");
        QTest::addColumn<QString>("policy");  // overrides of the default policy, as JSON
        QTest::addColumn<bool>("onLtot");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("daysCovered");
        QTest::addColumn<bool>("moud");

        const QDate longAgo(2025, 1, 1);
        QTest::newRow("long course: every look-back day")
            << withOpioids({course("oxycodone", longAgo)}) << QString() << true << QStringLiteral("supply_on_most_days")
            << 90 << false;
        QTest::newRow("acute course: 7 of 90 days, stop date set")
            << withOpioids({course("oxycodone", QDate(2026, 10, 25), QDate(2026, 11, 1))}) << QString() << false
            << QStringLiteral("short_course") << 7 << false;
        QTest::newRow("buprenorphine for opioid use disorder: tracked, not LTOT")
            << withOpioids({course("buprenorphine", longAgo, {}, domain::OpioidIndication::OpioidUseDisorder)})
            << QString() << false << QStringLiteral("moud_only") << 0 << true;
        QTest::newRow("buprenorphine for pain counts like any opioid")
            << withOpioids({course("buprenorphine", longAgo)}) << QString() << true
            << QStringLiteral("supply_on_most_days") << 90 << false;
        QTest::newRow("MOUD beside a long course: on LTOT, MOUD noted")
            << withOpioids({course("oxycodone", longAgo),
                            course("methadone", longAgo, {}, domain::OpioidIndication::OpioidUseDisorder)})
            << QString() << true << QStringLiteral("supply_on_most_days") << 90 << true;
        {
            domain::Patient flagged = withOpioids({});
            flagged.ltotDecisions = {decision(QDate(2026, 10, 1), true)};
            QTest::newRow("clinician flag without supply here")
                << flagged << QString() << true << QStringLiteral("clinician_flag") << 0 << false;
            QTest::newRow("clinician flag, but the clinic does not count flags")
                << flagged << QStringLiteral(R"({"ltot_definition": {"count_clinician_flag": false}})") << false
                << QStringLiteral("no_opioid") << 0 << false;
            flagged.ltotDecisions.append(decision(QDate(2026, 10, 15), false));
            QTest::newRow("a later decision ends the flag")
                << flagged << QString() << false << QStringLiteral("no_opioid") << 0 << false;
            domain::Patient ahead = withOpioids({});
            ahead.ltotDecisions = {decision(QDate(2026, 11, 5), true)};
            QTest::newRow("a flag dated after the day does not count yet")
                << ahead << QString() << false << QStringLiteral("no_opioid") << 0 << false;
        }
        // Two courses with a gap: 20 days (08-03…08-22) + 20 days (10-12…10-31 of a course to 11-05).
        QTest::newRow("gap in supply: 40 of 90 days")
            << withOpioids({course("hydrocodone", QDate(2026, 8, 3), QDate(2026, 8, 22)),
                            course("hydrocodone", QDate(2026, 10, 12), QDate(2026, 11, 5))})
            << QString() << false << QStringLiteral("short_course") << 40 << false;
        // 25 + 20 = 45 of 90 days: exactly 50 %.
        QTest::newRow("exactly at the threshold: 45 of 90 days")
            << withOpioids({course("hydrocodone", QDate(2026, 8, 3), QDate(2026, 8, 27)),
                            course("hydrocodone", QDate(2026, 10, 12), QDate(2026, 11, 5))})
            << QString() << true << QStringLiteral("supply_on_most_days") << 45 << false;
        QTest::newRow("one day below the threshold: 44 of 90 days")
            << withOpioids({course("hydrocodone", QDate(2026, 8, 3), QDate(2026, 8, 26)),
                            course("hydrocodone", QDate(2026, 10, 12), QDate(2026, 11, 5))})
            << QString() << false << QStringLiteral("short_course") << 44 << false;
        QTest::newRow("overlapping entries count a day once: 29 days")
            << withOpioids({course("hydrocodone", QDate(2026, 10, 3), QDate(2026, 11, 30)),
                            course("oxycodone", QDate(2026, 10, 10), QDate(2026, 11, 30))})
            << QString() << false << QStringLiteral("short_course") << 29 << false;
        QTest::newRow("supply that ended yesterday: off the lists")
            << withOpioids({course("oxycodone", longAgo, QDate(2026, 10, 30))}) << QString() << false
            << QStringLiteral("no_opioid") << 0 << false;
        {
            domain::Patient inactive = withOpioids({course("oxycodone", longAgo)});
            inactive.status = domain::PatientStatus::Inactive;
            inactive.inactiveReason = domain::InactiveReason::Moved;
            inactive.inactiveDate = QDate(2026, 10, 1);
            QTest::newRow("inactive patient")
                << inactive << QString() << false << QStringLiteral("inactive") << 0 << false;
        }
        // A new open-ended prescription: 12 days of supply, expected to continue.
        QTest::newRow("open-ended prescription started 12 days ago: expected long-term")
            << withOpioids({course("morphine", QDate(2026, 10, 20))}) << QString() << true
            << QStringLiteral("expected_long_term") << 12 << false;
        QTest::newRow("the same when the clinic counts supply only")
            << withOpioids({course("morphine", QDate(2026, 10, 20))})
            << QStringLiteral(R"({"ltot_definition": {"count_expected_long_term": false}})") << false
            << QStringLiteral("short_course") << 12 << false;
        QTest::newRow("a course planned for 90 days is expected long-term")
            << withOpioids({course("morphine", QDate(2026, 10, 20), QDate(2027, 1, 17))}) << QString() << true
            << QStringLiteral("expected_long_term") << 12 << false;
        QTest::newRow("a course planned for 89 days is not")
            << withOpioids({course("morphine", QDate(2026, 10, 20), QDate(2027, 1, 16))}) << QString() << false
            << QStringLiteral("short_course") << 12 << false;
        QTest::newRow("a clinic that asks for 30 of 30 days")
            << withOpioids({course("hydrocodone", QDate(2026, 10, 3), QDate(2026, 11, 30))})
            << QStringLiteral(
                   R"({"ltot_definition": {"lookback_days": 30, "min_days_covered_percent": 100,
                      "count_expected_long_term": false}})")
            << false << QStringLiteral("short_course") << 29 << false;
        QTest::newRow("no opioid at all")
            << withOpioids({}) << QString() << false << QStringLiteral("no_opioid") << 0 << false;
    }

    void definitionTable()
    {
        QFETCH(domain::Patient, patient);
        QFETCH(QString, policy);
        QFETCH(bool, onLtot);
        QFETCH(QString, reason);
        QFETCH(int, daysCovered);
        QFETCH(bool, moud);
        auto clinic = defaults.withOverrides(QJsonDocument::fromJson(policy.toUtf8()).object());
        QVERIFY2(clinic.ok(), clinic.ok() ? "" : qPrintable(clinic.error().line()));
        const LtotStatus status = ltotStatus(patient, kOn, *clinic);
        QCOMPARE(status.onLtot, onLtot);
        QCOMPARE(toString(status.reason), reason);
        QCOMPARE(status.daysCovered, daysCovered);
        QCOMPARE(status.moud, moud);
        QCOMPARE(status.lookbackDays, clinic->ltot.lookbackDays);
    }

    void defaultsAreTheDocumentedOnes()
    {
        QCOMPARE(defaults.ltot.lookbackDays, 90);
        QCOMPARE(defaults.ltot.minDaysCoveredPercent, 50);
        QVERIFY(defaults.ltot.countExpectedLongTerm);
        QVERIFY(defaults.ltot.countClinicianFlag);
        // The windows that follow a gap's interval are the rules contract's §8 windows by default.
        QCOMPARE(defaults.measureWindow(Check::Pdmp), 90);
        QCOMPARE(defaults.measureWindow(Check::Uds), 365);
        QCOMPARE(defaults.measureWindow(Check::Agreement), 365);
        QCOMPARE(defaults.measureWindow(Check::Peg), 90);
        QCOMPARE(defaults.measures.pdmpTwiceDays, 365);
        QCOMPARE(defaults.measures.carePlanGoalDays, 365);
        QCOMPARE(defaults.measures.target(QStringLiteral("mme_ge_90")), std::optional<double>(10));
        QCOMPARE(defaults.measures.target(QStringLiteral("acute_to_long_term")), std::optional<double>());
    }

    void badValuesAreRefusedWithTheKeyNamed_data()
    {
        QTest::addColumn<QString>("overrides");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("negative look-back")
            << QStringLiteral(R"({"ltot_definition": {"lookback_days": -5}})")
            << QStringLiteral("ltot_definition.lookback_days") << QStringLiteral("whole number of days from 1 to 730");
        QTest::newRow("absurd look-back")
            << QStringLiteral(R"({"ltot_definition": {"lookback_days": 5000}})")
            << QStringLiteral("ltot_definition.lookback_days") << QStringLiteral("from 1 to 730");
        QTest::newRow("share above 100") << QStringLiteral(R"({"ltot_definition": {"min_days_covered_percent": 101}})")
                                         << QStringLiteral("ltot_definition.min_days_covered_percent")
                                         << QStringLiteral("percentage from 0 to 100");
        QTest::newRow("share not whole") << QStringLiteral(R"({"ltot_definition": {"min_days_covered_percent": 50.5}})")
                                         << QStringLiteral("ltot_definition.min_days_covered_percent")
                                         << QStringLiteral("percentage from 0 to 100");
        QTest::newRow("flag not a boolean")
            << QStringLiteral(R"({"ltot_definition": {"count_clinician_flag": "yes"}})")
            << QStringLiteral("ltot_definition.count_clinician_flag") << QStringLiteral("true or false");
        QTest::newRow("unknown ltot key")
            << QStringLiteral(R"({"ltot_definition": {"days": 90}})") << QStringLiteral("ltot_definition.days")
            << QStringLiteral("not a clinic policy setting");
        QTest::newRow("target above 100")
            << QStringLiteral(R"({"measures": {"targets": {"pdmp_90d": 120}}})")
            << QStringLiteral("measures.targets.pdmp_90d") << QStringLiteral("percentage from 0 to 100");
        QTest::newRow("negative target") << QStringLiteral(R"({"measures": {"targets": {"benzodiazepine": -1}}})")
                                         << QStringLiteral("measures.targets.benzodiazepine")
                                         << QStringLiteral("percentage from 0 to 100");
        QTest::newRow("target as text") << QStringLiteral(R"({"measures": {"targets": {"uds_365d": "ninety"}}})")
                                        << QStringLiteral("measures.targets.uds_365d")
                                        << QStringLiteral("percentage from 0 to 100");
        QTest::newRow("target for a measure that is not a percentage")
            << QStringLiteral(R"({"measures": {"targets": {"mean_peg": 5}}})")
            << QStringLiteral("measures.targets.mean_peg") << QStringLiteral("not a clinic policy setting");
        QTest::newRow("zero window") << QStringLiteral(R"({"measures": {"windows_days": {"pdmp_twice": 0}}})")
                                     << QStringLiteral("measures.windows_days.pdmp_twice")
                                     << QStringLiteral("from 1 to 3650");
        QTest::newRow("absurd window") << QStringLiteral(R"({"measures": {"windows_days": {"care_plan_goal": 99999}}})")
                                       << QStringLiteral("measures.windows_days.care_plan_goal")
                                       << QStringLiteral("from 1 to 3650");
        // The former windows of measures that match a gap now follow its interval.
        QTest::newRow("former PDMP window")
            << QStringLiteral(R"({"measures": {"windows_days": {"pdmp": 30}}})")
            << QStringLiteral("measures.windows_days.pdmp") << QStringLiteral("longest of intervals_days.pdmp");
        QTest::newRow("former PEG window")
            << QStringLiteral(R"({"measures": {"windows_days": {"peg": 60}}})")
            << QStringLiteral("measures.windows_days.peg") << QStringLiteral("longest of intervals_days.peg");
        QTest::newRow("measures not an object") << QStringLiteral(R"({"measures": 3})") << QStringLiteral("measures")
                                                << QStringLiteral("must be an object");
    }

    void badValuesAreRefusedWithTheKeyNamed()
    {
        QFETCH(QString, overrides);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const auto result = defaults.withOverrides(QJsonDocument::fromJson(overrides.toUtf8()).object());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().field, field);
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
    }

    void goodValuesRoundTripAndNullClearsATarget()
    {
        auto changed = defaults.withOverrides(object(R"({"ltot_definition": {"lookback_days": 120,
            "min_days_covered_percent": 75, "count_expected_long_term": false},
            "measures": {"windows_days": {"pdmp_twice": 180}, "targets": {"pdmp_90d": 95.5, "mme_ge_90": null,
            "acute_to_long_term": 5}}})"));
        QVERIFY2(changed.ok(), changed.ok() ? "" : qPrintable(changed.error().line()));
        QCOMPARE(changed->version, QStringLiteral("default-1+local"));
        QCOMPARE(changed->ltot.lookbackDays, 120);
        QCOMPARE(changed->ltot.minDaysCoveredPercent, 75);
        QVERIFY(!changed->ltot.countExpectedLongTerm);
        QCOMPARE(changed->measures.pdmpTwiceDays, 180);
        QCOMPARE(changed->measures.target(QStringLiteral("pdmp_90d")), std::optional<double>(95.5));
        QCOMPARE(changed->measures.target(QStringLiteral("mme_ge_90")), std::optional<double>());
        QCOMPARE(changed->measures.target(QStringLiteral("acute_to_long_term")), std::optional<double>(5));
        // What toJson writes reads back the same (cairnctl policy show | set).
        auto again = ClinicPolicy::fromJson(changed->toJson());
        QVERIFY(again.ok());
        QCOMPARE(again->toJson(), changed->toJson());
    }

    void methadoneForOpioidUseDisorderIsNotCountedInMme()
    {
        const MmeTable &table = *(*MmeTables::shipped())->find(QStringLiteral("cdc-2022"));
        domain::OpioidEntry pain = course("methadone", QDate(2025, 1, 1));  // 5 mg × 4 = 20 mg × 4.7 = 94 MME
        auto counted = computeMme({pain}, kOn, table);
        QCOMPARE(counted->totalPerDay, 94.0);
        pain.indication = domain::OpioidIndication::OpioidUseDisorder;
        auto moud = computeMme({pain}, kOn, table);
        QCOMPARE(moud->totalPerDay, 0.0);
        QCOMPARE(moud->items.size(), 1);
        QVERIFY(!moud->items.first().mmePerDay);
        QVERIFY(moud->items.first().note.contains(QStringLiteral("opioid use disorder")));
    }

    void aPolicyStoredBeforeTheseSettingsTakesTheShippedDefaults()
    {
        QJsonObject old = defaults.toJson();
        old.remove(QStringLiteral("ltot_definition"));
        old.remove(QStringLiteral("measures"));
        auto read = ClinicPolicy::fromJson(old);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().line()));
        QCOMPARE(read->toJson(), defaults.toJson());
    }

    // A policy stored when the measures' windows were settings of their own still loads: the
    // former windows are ignored (the measures follow the gap intervals) and the next save drops them.
    void aPolicyWithTheFormerWindowsLoadsAndTheWindowsFollowTheIntervals()
    {
        QJsonObject old = defaults.toJson();
        QJsonObject intervals = old.value(QStringLiteral("intervals_days")).toObject();
        intervals.insert(
            QStringLiteral("pdmp"),
            QJsonObject{{QStringLiteral("low"), 60}, {QStringLiteral("moderate"), 60}, {QStringLiteral("high"), 30}});
        old.insert(QStringLiteral("intervals_days"), intervals);
        QJsonObject measures = old.value(QStringLiteral("measures")).toObject();
        measures.insert(QStringLiteral("windows_days"), QJsonObject{{QStringLiteral("agreement"), 365},
                                                                    {QStringLiteral("pdmp"), 90},
                                                                    {QStringLiteral("pdmp_twice"), 300},
                                                                    {QStringLiteral("uds"), 365},
                                                                    {QStringLiteral("peg"), 90},
                                                                    {QStringLiteral("care_plan_goal"), 200}});
        old.insert(QStringLiteral("measures"), measures);
        auto read = ClinicPolicy::fromJson(old);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().line()));
        QCOMPARE(read->measureWindow(Check::Pdmp), 60);  // the PDMP interval, not the stored 90
        QCOMPARE(read->measures.pdmpTwiceDays, 300);     // windows with no matching gap are kept
        QCOMPARE(read->measures.carePlanGoalDays, 200);
        const QJsonObject saved = read->toJson()
                                      .value(QStringLiteral("measures"))
                                      .toObject()
                                      .value(QStringLiteral("windows_days"))
                                      .toObject();
        QCOMPARE(saved, (QJsonObject{{QStringLiteral("pdmp_twice"), 300}, {QStringLiteral("care_plan_goal"), 200}}));
    }

    // Every default target says where it comes from: a source, or plainly the clinic's own choice.
    void everyDefaultTargetIsSourcedOrMarkedTheClinicsOwnChoice()
    {
        auto shipped = loadJsonAsset(QStringLiteral("policy-default.json"));
        QVERIFY(shipped.ok());
        QString withSource;
        QString ownChoice;
        for (const QJsonValue &line : shipped->value(QStringLiteral("sources")).toArray()) {
            if (line.toString().startsWith(QLatin1String("measures targets with a source:")))
                withSource = line.toString();
            if (line.toString().startsWith(QLatin1String("measures targets with no external source")))
                ownChoice = line.toString();
        }
        const QRegularExpression word(QStringLiteral("[a-z0-9_]+"));
        for (const auto &[id, target] : defaults.measures.targets) {
            if (!target)
                continue;
            const auto named = [&](const QString &line) {
                for (auto it = word.globalMatch(line); it.hasNext();) {
                    if (it.next().captured() == id)
                        return true;
                }
                return false;
            };
            QVERIFY2(named(withSource) != named(ownChoice), qPrintable(id));
        }
    }
};

QTEST_GUILESS_MAIN(TestLtot)
#include "test_ltot.moc"
