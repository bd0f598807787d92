// MME (rules contract §1): every factor of both tables, band edges, methadone tiers, fentanyl,
// buprenorphine, active dates, and input errors.

#include "core/clinical/mme.h"

#include <QTest>

using namespace cairn;
using namespace cairn::clinical;

namespace {
const QDate kOn(2026, 6, 1);

domain::OpioidEntry entry(const QString &drug, double mg, double units = 1, double perDay = 1)
{
    domain::OpioidEntry e;
    e.drug = drug;
    e.strengthMg = mg;
    e.unitsPerDose = units;
    e.dosesPerDay = perDay;
    e.start = QDate(2026, 1, 1);
    return e;
}

const MmeTable &table(const char *id)
{
    return *(*MmeTables::shipped())->find(QLatin1String(id));
}
}  // namespace

class TestMme : public QObject {
    Q_OBJECT
private slots:
    void everyFactor_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("drug");
        QTest::addColumn<double>("factor");
        const QList<std::tuple<const char *, double, double>> factors{
            {"codeine", 0.15, 0.15}, {"hydrocodone", 1.0, 1.0}, {"hydromorphone", 5.0, 4.0}, {"morphine", 1.0, 1.0},
            {"oxycodone", 1.5, 1.5}, {"oxymorphone", 3.0, 3.0}, {"tapentadol", 0.4, 0.4},    {"tramadol", 0.2, 0.1}};
        for (const auto &[drug, f2022, f2016] : factors) {
            QTest::addRow("2022 %s", drug) << QStringLiteral("cdc-2022") << QString::fromLatin1(drug) << f2022;
            QTest::addRow("2016 %s", drug) << QStringLiteral("cdc-2016") << QString::fromLatin1(drug) << f2016;
        }
        QTest::addRow("2022 methadone") << QStringLiteral("cdc-2022") << QStringLiteral("methadone") << 4.7;
    }

    void everyFactor()
    {
        QFETCH(QString, table);
        QFETCH(QString, drug);
        QFETCH(double, factor);
        // 10 mg, 2 units, 3 times a day = 60 mg/day
        auto r = computeMme({entry(drug, 10, 2, 3)}, kOn, *(*MmeTables::shipped())->find(table));
        QVERIFY(r.ok());
        QCOMPARE(r->items.size(), 1);
        QVERIFY(qFuzzyCompare(*r->items.first().mmePerDay, 60 * factor));
        QVERIFY(qFuzzyCompare(r->totalPerDay, 60 * factor));
    }

    void bandEdgesUseTheUnroundedTotal_data()
    {
        QTest::addColumn<double>("mg");
        QTest::addColumn<QString>("band");
        QTest::newRow("49.9") << 49.9 << QStringLiteral("lt50");
        QTest::newRow("49.96 rounds to 50.0 but stays below") << 49.96 << QStringLiteral("lt50");
        QTest::newRow("50") << 50.0 << QStringLiteral("50to89");
        QTest::newRow("89.9") << 89.9 << QStringLiteral("50to89");
        QTest::newRow("90") << 90.0 << QStringLiteral("ge90");
    }

    void bandEdgesUseTheUnroundedTotal()
    {
        QFETCH(double, mg);
        QFETCH(QString, band);
        auto r = computeMme({entry(QStringLiteral("morphine"), mg)}, kOn, table("cdc-2022"));
        QCOMPARE(toString(r->band), band);
    }

    void methadoneTiersOf2016_data()
    {
        QTest::addColumn<double>("mgPerDay");
        QTest::addColumn<double>("factor");
        QTest::newRow("20") << 20.0 << 4.0;
        QTest::newRow("21") << 21.0 << 8.0;
        QTest::newRow("40") << 40.0 << 8.0;
        QTest::newRow("41") << 41.0 << 10.0;
        QTest::newRow("60") << 60.0 << 10.0;
        QTest::newRow("61") << 61.0 << 12.0;
        QTest::newRow("1") << 1.0 << 4.0;
    }

    void methadoneTiersOf2016()
    {
        QFETCH(double, mgPerDay);
        QFETCH(double, factor);
        auto r = computeMme({entry(QStringLiteral("methadone"), mgPerDay)}, kOn, table("cdc-2016"));
        QVERIFY(qFuzzyCompare(r->totalPerDay, mgPerDay * factor));
    }

    void methadoneTierCountsEveryActiveMethadoneEntry()
    {
        // Two entries of 15 mg/day: the tier is set by the 30 mg/day total (factor 8).
        auto r = computeMme({entry(QStringLiteral("methadone"), 15), entry(QStringLiteral("methadone"), 15)}, kOn,
                            table("cdc-2016"));
        QVERIFY(qFuzzyCompare(r->totalPerDay, 240));
    }

    void fentanylIsPerMcgPerHourAndPatch()
    {
        domain::OpioidEntry patch;
        patch.drug = QStringLiteral("fentanyl");
        patch.strengthMcgPerHr = 25;
        patch.patches = 2;
        patch.start = QDate(2026, 1, 1);
        auto r = computeMme({patch}, kOn, table("cdc-2022"));
        QVERIFY(qFuzzyCompare(r->totalPerDay, 120));
        patch.strengthMcgPerHr.reset();
        auto bad = computeMme({patch}, kOn, table("cdc-2022"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("opioids[0].strength_mcg_per_hr"));
    }

    void buprenorphineIsListedButNotCounted()
    {
        auto r = computeMme({entry(QStringLiteral("buprenorphine"), 8), entry(QStringLiteral("morphine"), 30)}, kOn,
                            table("cdc-2022"));
        QCOMPARE(r->items.size(), 2);
        QVERIFY(!r->items.first().mmePerDay.has_value());
        QVERIFY(!r->items.first().note.isEmpty());
        QVERIFY(qFuzzyCompare(r->totalPerDay, 30));
    }

    void prnUsesTheMaximumDosesPerDay()
    {
        auto prn = entry(QStringLiteral("oxycodone"), 5, 1, 4);
        prn.prn = true;
        auto r = computeMme({prn}, kOn, table("cdc-2022"));
        QVERIFY(qFuzzyCompare(r->totalPerDay, 30));
    }

    void onlyEntriesActiveOnTheDateCount()
    {
        auto ended = entry(QStringLiteral("morphine"), 100);
        ended.end = kOn.addDays(-1);
        auto endsToday = entry(QStringLiteral("morphine"), 10);
        endsToday.end = kOn;
        auto future = entry(QStringLiteral("morphine"), 1000);
        future.start = kOn.addDays(1);
        auto startsToday = entry(QStringLiteral("morphine"), 5);
        startsToday.start = kOn;
        auto r = computeMme({ended, endsToday, future, startsToday}, kOn, table("cdc-2022"));
        QVERIFY(qFuzzyCompare(r->totalPerDay, 15));
        QCOMPARE(r->items.size(), 2);
    }

    void badEntriesAreInputErrors_data()
    {
        QTest::addColumn<QString>("drug");
        QTest::addColumn<double>("mg");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown drug") << QStringLiteral("oxycodon") << 5.0 << QStringLiteral("opioids[0].drug");
        QTest::newRow("zero strength") << QStringLiteral("oxycodone") << 0.0
                                       << QStringLiteral("opioids[0].strength_mg");
        QTest::newRow("negative strength")
            << QStringLiteral("oxycodone") << -5.0 << QStringLiteral("opioids[0].strength_mg");
    }

    void badEntriesAreInputErrors()
    {
        QFETCH(QString, drug);
        QFETCH(double, mg);
        QFETCH(QString, field);
        auto r = computeMme({entry(drug, mg)}, kOn, table("cdc-2022"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, field);
    }
};

QTEST_GUILESS_MAIN(TestMme)
#include "test_mme.moc"
