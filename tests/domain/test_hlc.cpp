// Hybrid logical clock: stamps only move forward on a device, merge remote time, and order the
// same way as their text form so databases and the wire can sort them as strings.

#include "core/domain/hlc.h"

#include <QTest>

using cairn::HlcStamp;
using cairn::HybridLogicalClock;

class TestHlc : public QObject {
    Q_OBJECT
private slots:
    void stampsIncreaseEvenWhenTheWallClockStepsBack()
    {
        HybridLogicalClock clock(QStringLiteral("dev-a"));
        const HlcStamp first = clock.now(1000);
        const HlcStamp sameMs = clock.now(1000);
        const HlcStamp stepBack = clock.now(400);
        QVERIFY(first < sameMs);
        QVERIFY(sameMs < stepBack);
        QCOMPARE(stepBack.wallMs, 1000);
        QCOMPARE(stepBack.counter, 2u);
        const HlcStamp later = clock.now(2000);
        QCOMPARE(later.counter, 0u);
    }

    void observingARemoteStampMovesPastIt()
    {
        HybridLogicalClock clock(QStringLiteral("dev-a"));
        clock.now(1000);
        clock.observe(HlcStamp{5000, 7, QStringLiteral("dev-b")}, 1200);
        const HlcStamp next = clock.now(1300);
        QVERIFY(next > HlcStamp(HlcStamp{5000, 7, QStringLiteral("dev-b")}));
        QCOMPARE(next.wallMs, 5000);
        QCOMPARE(next.device, QStringLiteral("dev-a"));
    }

    void deviceBreaksTiesDeterministically()
    {
        const HlcStamp a{1000, 1, QStringLiteral("dev-a")};
        const HlcStamp b{1000, 1, QStringLiteral("dev-b")};
        QVERIFY(a < b);
        QVERIFY(a != b);
    }

    void textFormRoundTripsAndSortsLikeTheStamps()
    {
        const QList<HlcStamp> stamps{{5, 0, QStringLiteral("z")},
                                     {1'700'000'000'000, 12, QStringLiteral("dev-a")},
                                     {1'700'000'000'000, 3, QStringLiteral("dev-b")},
                                     {1'700'000'000'001, 0, QStringLiteral("a")}};
        for (const HlcStamp &s : stamps) {
            HlcStamp parsed;
            QVERIFY(HlcStamp::parse(s.toString(), &parsed));
            QCOMPARE(parsed, s);
        }
        for (const HlcStamp &a : stamps)
            for (const HlcStamp &b : stamps)
                QCOMPARE(a < b, a.toString() < b.toString());
        // The stored and sent form, fixed: tablets and servers of every version compare these texts.
        QCOMPARE(stamps.at(1).toString(), QStringLiteral("0001700000000000-000012-dev-a"));
        QCOMPARE((HlcStamp{0, 4'294'967'295u, QStringLiteral("%1 ñ")}).toString(),
                 QStringLiteral("0000000000000000-4294967295-%1 ñ"));
    }

    void malformedTextIsRejected()
    {
        HlcStamp out;
        QVERIFY(!HlcStamp::parse(QStringLiteral("12-3-x"), &out));
        QVERIFY(!HlcStamp::parse(QStringLiteral("abcdefghijklmnop-000000-x"), &out));
        QVERIFY(!HlcStamp::parse(QString(), &out));
    }
};

QTEST_GUILESS_MAIN(TestHlc)
#include "test_hlc.moc"
