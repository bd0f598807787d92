// The merge of concurrent versions of one record, without SQLite: from a common base, "ours" and
// "theirs" give the version in force, the merged payload and the fields to review. Each case is
// also resolved with the versions the other way round: the result must not depend on arrival order.
// tests/storage/test_merge.cpp checks the same rules through a real registry file.

#include "core/domain/hlc.h"
#include "core/storage/lineage_merge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace cairn;
using namespace cairn::storage;

namespace {

constexpr std::int64_t kWallMs = 1'700'000'000'000;

QString stamp(std::int64_t offsetMs, const QString &device)
{
    return HlcStamp{kWallMs + offsetMs, 0, device}.toString();
}

// The clock of "ours" (device d-1) and of "theirs" (device d-2).
const QString kEarlier = stamp(1000, QStringLiteral("d-1"));
const QString kLater = stamp(2000, QStringLiteral("d-2"));
const QString kEarliest = stamp(500, QStringLiteral("d-2"));
const QString kLatest = stamp(3000, QStringLiteral("d-1"));
// The same stamp on both (never made by two real clocks, which differ in device; still decided).
const QString kTie = stamp(1000, QStringLiteral("d-1"));

const QJsonObject kBase{{QStringLiteral("name"), QStringLiteral("Ana")},
                        {QStringLiteral("phone"), QStringLiteral("1")},
                        {QStringLiteral("language"), QStringLiteral("en")}};

QJsonObject with(QJsonObject payload, const char *key, const QJsonValue &value)
{
    payload.insert(QLatin1StringView(key), value);
    return payload;
}

QJsonObject without(QJsonObject payload, const char *key)
{
    payload.remove(QLatin1StringView(key));
    return payload;
}

QByteArray text(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray text(const std::optional<QJsonObject> &object)
{
    return object ? text(*object) : QByteArray("(no merge)");
}

QByteArray describe(const QList<LineageConflict> &conflicts)
{
    QStringList parts;
    for (const LineageConflict &c : conflicts)
        parts.append(c.recordA + QLatin1Char('/') + c.recordB + QLatin1Char(':') + c.fields.join(QLatin1Char(',')));
    return parts.join(QLatin1Char(' ')).toUtf8();
}

const QString kOurs = QStringLiteral("a");
const QString kTheirs = QStringLiteral("b");

}  // namespace

class TestLineageMerge : public QObject {
    Q_OBJECT

private slots:
    void oursAndTheirs_data()
    {
        QTest::addColumn<QJsonObject>("base");
        QTest::addColumn<QJsonObject>("ours");
        QTest::addColumn<QString>("oursStamp");
        QTest::addColumn<bool>("oursWithdrawn");
        QTest::addColumn<QJsonObject>("theirs");
        QTest::addColumn<QString>("theirsStamp");
        QTest::addColumn<bool>("theirsWithdrawn");
        QTest::addColumn<QString>("head");
        QTest::addColumn<bool>("live");
        QTest::addColumn<QByteArray>("merged");           // compact JSON, or "(no merge)"
        QTest::addColumn<QStringList>("conflictFields");  // ours against theirs; empty for none

        const QJsonObject phone2 = with(kBase, "phone", QStringLiteral("2"));
        const QJsonObject phone3 = with(kBase, "phone", QStringLiteral("3"));
        const QJsonObject spanish = with(kBase, "language", QStringLiteral("es"));
        const QStringList none;
        const QStringList phone{QStringLiteral("phone")};

        QTest::newRow("only ours changed") << kBase << phone2 << kEarlier << false << kBase << kLater << false
                                           << kTheirs << true << text(phone2) << none;
        QTest::newRow("only theirs changed") << kBase << kBase << kLatest << false << spanish << kLater << false
                                             << kOurs << true << text(spanish) << none;
        QTest::newRow("different fields merge") << kBase << phone2 << kEarlier << false << spanish << kLater << false
                                                << kTheirs << true << text(with(phone2, "language", "es")) << none;
        QTest::newRow("same field differently: later stamp wins, listed")
            << kBase << phone2 << kEarlier << false << phone3 << kLater << false << kTheirs << true << text(phone3)
            << phone;
        QTest::newRow("same field differently, ours later") << kBase << phone2 << kLatest << false << phone3 << kLater
                                                            << false << kOurs << true << text(phone2) << phone;
        QTest::newRow("same field the same way is no conflict")
            << kBase << phone2 << kEarlier << false << phone2 << kLater << false << kTheirs << true << text(phone2)
            << none;
        QTest::newRow("field added by one")
            << kBase << with(kBase, "note", "call after 5") << kEarlier << false << spanish << kLater << false
            << kTheirs << true << text(with(spanish, "note", "call after 5")) << none;
        QTest::newRow("field added by both differently")
            << kBase << with(kBase, "note", "x") << kLater << false << with(kBase, "note", "y") << kEarlier << false
            << kOurs << true << text(with(kBase, "note", "x")) << QStringList{QStringLiteral("note")};
        QTest::newRow("field removed by one")
            << kBase << without(kBase, "phone") << kEarlier << false << spanish << kLater << false << kTheirs << true
            << text(without(spanish, "phone")) << none;
        QTest::newRow("field removed by both")
            << kBase << without(kBase, "phone") << kEarlier << false << without(kBase, "phone") << kLater << false
            << kTheirs << true << text(without(kBase, "phone")) << none;
        QTest::newRow("removed by ours, changed later by theirs")
            << kBase << without(kBase, "phone") << kEarlier << false << phone3 << kLater << false << kTheirs << true
            << text(phone3) << phone;
        QTest::newRow("changed by theirs, removed later by ours")
            << kBase << without(kBase, "phone") << kLatest << false << phone3 << kLater << false << kOurs << true
            << text(without(kBase, "phone")) << phone;
        // A nested value is one field: two edits inside it are a conflict, not a deep merge.
        const QJsonObject answers{{QStringLiteral("answers"), QJsonArray{0, 1}}};
        QTest::newRow("nested values merge whole")
            << answers << QJsonObject{{QStringLiteral("answers"), QJsonArray{2, 1}}} << kEarlier << false
            << QJsonObject{{QStringLiteral("answers"), QJsonArray{0, 3}}} << kLater << false << kTheirs << true
            << text(QJsonObject{{QStringLiteral("answers"), QJsonArray{0, 3}}})
            << QStringList{QStringLiteral("answers")};
        // No common base (first versions of a record the clinic holds once, set on two devices):
        // every field either set is a change.
        const QJsonObject policyA{{QStringLiteral("pdmp_days"), 90}, {QStringLiteral("uds_days"), 180}};
        const QJsonObject policyB{{QStringLiteral("pdmp_days"), 120}, {QStringLiteral("uds_days"), 180}};
        QTest::newRow("missing base, different values")
            << QJsonObject() << policyA << kEarlier << false << policyB << kLater << false << kTheirs << true
            << text(policyB) << QStringList{QStringLiteral("pdmp_days")};
        QTest::newRow("missing base, disjoint fields")
            << QJsonObject() << QJsonObject{{QStringLiteral("pdmp_days"), 90}} << kLater << false
            << QJsonObject{{QStringLiteral("uds_days"), 180}} << kEarlier << false << kOurs << true
            << text(QJsonObject{{QStringLiteral("pdmp_days"), 90}, {QStringLiteral("uds_days"), 180}}) << none;
        // Entered in error on one device, edited on another: the withdrawal stays in force whatever
        // the stamps, nothing is merged, and every field that differs is listed for review.
        QTest::newRow("withdrawn earlier than edited") << kBase << kBase << kEarlier << true << phone3 << kLater
                                                       << false << kOurs << false << QByteArray("(no merge)") << phone;
        QTest::newRow("withdrawn later than edited")
            << kBase << with(spanish, "phone", "3") << kEarliest << false << kBase << kLatest << true << kTheirs
            << false << QByteArray("(no merge)") << QStringList{QStringLiteral("language"), QStringLiteral("phone")};
        QTest::newRow("withdrawn on both") << kBase << kBase << kEarlier << true << kBase << kLater << true << kTheirs
                                           << false << QByteArray("(no merge)") << none;
        // Equal stamps: the larger id wins both the fields and the version in force.
        QTest::newRow("clock tie on the same field")
            << kBase << phone2 << kTie << false << phone3 << kTie << false << kTheirs << true << text(phone3) << phone;
        QTest::newRow("clock tie, different fields") << kBase << phone2 << kTie << false << spanish << kTie << false
                                                     << kTheirs << true << text(with(phone2, "language", "es")) << none;
        QTest::newRow("clock tie between withdrawals") << kBase << kBase << kTie << true << kBase << kTie << true
                                                       << kTheirs << false << QByteArray("(no merge)") << none;
    }

    void oursAndTheirs()
    {
        QFETCH(QJsonObject, base);
        QFETCH(QJsonObject, ours);
        QFETCH(QString, oursStamp);
        QFETCH(bool, oursWithdrawn);
        QFETCH(QJsonObject, theirs);
        QFETCH(QString, theirsStamp);
        QFETCH(bool, theirsWithdrawn);
        QFETCH(QString, head);
        QFETCH(bool, live);
        QFETCH(QByteArray, merged);
        QFETCH(QStringList, conflictFields);

        const LineageTip a{kOurs, oursStamp, oursWithdrawn, ours};
        const LineageTip b{kTheirs, theirsStamp, theirsWithdrawn, theirs};
        QList<LineageConflict> expected;
        if (!conflictFields.isEmpty())
            expected.append({kOurs, kTheirs, conflictFields});
        for (const QList<LineageTip> &tips : {QList<LineageTip>{a, b}, QList<LineageTip>{b, a}}) {
            const LineageHead result = resolveLineage(tips, base);
            QCOMPARE(result.recordId, head);
            QCOMPARE(result.live, live);
            QCOMPARE(text(result.merged), merged);
            QCOMPARE(describe(result.conflicts), describe(expected));
        }
    }

    // With three live versions each pair is reviewed on its own, the later stamp wins each field,
    // and any order of arrival gives the same answer.
    void threeVersionsMergeInStampOrder()
    {
        const LineageTip a{QStringLiteral("a"), kEarlier, false, with(kBase, "phone", QStringLiteral("2"))};
        const LineageTip b{QStringLiteral("b"), kLater, false,
                           with(with(kBase, "phone", QStringLiteral("3")), "language", QStringLiteral("es"))};
        const LineageTip c{QStringLiteral("c"), kEarliest, false, with(kBase, "language", QStringLiteral("fr"))};
        QList<LineageTip> tips{a, b, c};
        std::sort(tips.begin(), tips.end(), [](const LineageTip &x, const LineageTip &y) { return x.id < y.id; });
        const QByteArray expectedMerge = text(with(with(kBase, "phone", QStringLiteral("3")), "language", "es"));
        // In ascending stamp order: c (500), a (1000), b (2000).
        const QByteArray expectedConflicts = "b/c:language a/b:phone";
        do {
            const LineageHead result = resolveLineage(tips, kBase);
            QCOMPARE(result.recordId, QStringLiteral("b"));
            QCOMPARE(text(result.merged), expectedMerge);
            QCOMPARE(describe(result.conflicts), expectedConflicts);
        } while (std::next_permutation(tips.begin(), tips.end(),
                                       [](const LineageTip &x, const LineageTip &y) { return x.id < y.id; }));
    }

    void aWithdrawalAmongSeveralEditsIsNotMerged()
    {
        const QList<LineageTip> tips{{QStringLiteral("a"), kLater, false, with(kBase, "phone", QStringLiteral("2"))},
                                     {QStringLiteral("b"), kEarliest, true, kBase},
                                     {QStringLiteral("c"), kLatest, false, kBase}};
        QVERIFY(!needsMerge(tips));
        const LineageHead result = resolveLineage(tips, kBase);
        QCOMPARE(result.recordId, QStringLiteral("b"));
        QVERIFY(!result.live);
        QVERIFY(!result.merged);
        // c equals the withdrawn payload: listed, with no fields, so it is still reviewed.
        QCOMPARE(describe(result.conflicts), QByteArray("a/b:phone b/c:"));
    }

    void aSingleVersionIsItsOwnHead()
    {
        const QList<LineageTip> tips{{QStringLiteral("a"), kEarlier, false, kBase}};
        QVERIFY(!needsMerge(tips));
        const LineageHead result = resolveLineage(tips, QJsonObject());
        QCOMPARE(result.recordId, QStringLiteral("a"));
        QVERIFY(result.live);
        QVERIFY(!result.merged);
        QVERIFY(result.conflicts.isEmpty());
    }

    void nearestCommonAncestor_data()
    {
        QTest::addColumn<QList<QStringList>>("chains");
        QTest::addColumn<QString>("ancestor");  // empty: none
        auto chain = [](const char *ids) { return QString::fromLatin1(ids).split(QLatin1Char(' ')); };
        QTest::newRow("two corrections of one version") << QList<QStringList>{chain("a x"), chain("b x")} << "x";
        QTest::newRow("the nearest shared version") << QList<QStringList>{chain("c y x"), chain("d y x")} << "y";
        QTest::newRow("chains of different length") << QList<QStringList>{chain("c a x"), chain("b x")} << "x";
        QTest::newRow("shared by all three") << QList<QStringList>{chain("a y x"), chain("b y x"), chain("c x")} << "x";
        QTest::newRow("first versions written apart") << QList<QStringList>{chain("a"), chain("b")} << QString();
        QTest::newRow("no chains") << QList<QStringList>{} << QString();
    }

    void nearestCommonAncestor()
    {
        QFETCH(QList<QStringList>, chains);
        QFETCH(QString, ancestor);
        QCOMPARE(storage::nearestCommonAncestor(chains).value_or(QString()), ancestor);
    }

    // The lineage a first version starts is stored: these names must never change.
    void rootLineage_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("lineage");
        const QJsonObject script{{QStringLiteral("id"), QStringLiteral("taper-talk")},
                                 {QStringLiteral("language"), QStringLiteral("es")}};
        QTest::newRow("a clinical record starts its own") << "opioid" << script << "r-1";
        QTest::newRow("demographics start their own") << "patient" << QJsonObject() << "r-1";
        QTest::newRow("an unknown kind starts its own") << "no_such_kind" << script << "r-1";
        QTest::newRow("the clinic policy is held once") << "clinic_policy" << script << "clinic_policy@clinic";
        QTest::newRow("a script once per id and language")
            << "clinic_script" << script << "clinic_script@clinic/taper-talk/es";
        QTest::newRow("a script without its fields") << "clinic_script" << QJsonObject() << "clinic_script@clinic//";
    }

    void rootLineage()
    {
        QFETCH(QString, kind);
        QFETCH(QJsonObject, payload);
        QFETCH(QString, lineage);
        QCOMPARE(storage::rootLineage(QStringLiteral("r-1"), kind, QStringLiteral("clinic"), payload), lineage);
    }
};

QTEST_GUILESS_MAIN(TestLineageMerge)
#include "test_lineage_merge.moc"
