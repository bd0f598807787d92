// The small decisions screens and cairnctl share (core/clinical/decisions.h), table by table:
// what is urgent, which gaps the clinician sees after rooming, the PEG mean, and the PHQ-9
// suicide-risk alert, from finished scores and from answers still being given.

#include "core/clinical/decisions.h"

#include <QJsonArray>
#include <QTest>

using namespace cairn;
using namespace cairn::clinical;

Q_DECLARE_METATYPE(cairn::clinical::Severity)
Q_DECLARE_METATYPE(cairn::clinical::GapStatus)

namespace {

CareGap gap(const QString &code, Severity severity, const QString &role = QStringLiteral("medical_assistant"),
            GapStatus status = GapStatus::Overdue)
{
    CareGap g;
    g.code = code;
    g.severity = severity;
    g.role = role;
    g.status = status;
    return g;
}

QStringList codes(const QList<CareGap> &gaps)
{
    QStringList list;
    for (const CareGap &g : gaps)
        list << g.code;
    return list;
}

const Instrument &phq9()
{
    return *(*Instruments::shipped())->find(QStringLiteral("phq9"));
}

}  // namespace

class TestClinicalDecisions : public QObject {
    Q_OBJECT
private slots:
    void urgentIsUrgentOrHigh_data()
    {
        QTest::addColumn<Severity>("severity");
        QTest::addColumn<bool>("urgent");
        QTest::newRow("urgent") << Severity::Urgent << true;
        QTest::newRow("high") << Severity::High << true;
        QTest::newRow("medium") << Severity::Medium << false;
        QTest::newRow("low") << Severity::Low << false;
    }
    void urgentIsUrgentOrHigh()
    {
        QFETCH(Severity, severity);
        QFETCH(bool, urgent);
        QCOMPARE(isUrgent(gap(QStringLiteral("UDS"), severity)), urgent);
        // One such gap among calm ones flags the whole row; none flags nothing.
        QCOMPARE(anyUrgent({gap(QStringLiteral("PEG"), Severity::Low), gap(QStringLiteral("UDS"), severity)}), urgent);
    }

    void noGapsIsNotUrgent() { QVERIFY(!anyUrgent({})); }

    void clinicianSeesOwnGapsAndEveryAlert()
    {
        const QList<CareGap> gaps{
            gap(QStringLiteral("PHQ9_ITEM9"), Severity::Urgent, QStringLiteral("medical_assistant"), GapStatus::Alert),
            gap(QStringLiteral("NALOXONE"), Severity::High, QStringLiteral("clinician"), GapStatus::Missing),
            gap(QStringLiteral("UDS"), Severity::Medium, QStringLiteral("medical_assistant"), GapStatus::Overdue),
            gap(QStringLiteral("PDMP"), Severity::Medium, QStringLiteral("registry_manager"), GapStatus::DueSoon),
            gap(QStringLiteral("TAPER"), Severity::Low, QStringLiteral("clinician"), GapStatus::DueSoon),
            gap(QStringLiteral("BENZO"), Severity::High, QStringLiteral("nurse"), GapStatus::Alert),
        };
        QCOMPARE(codes(gapsForClinician(gaps)), (QStringList{QStringLiteral("PHQ9_ITEM9"), QStringLiteral("NALOXONE"),
                                                             QStringLiteral("TAPER"), QStringLiteral("BENZO")}));
        QVERIFY(gapsForClinician({}).isEmpty());
    }

    void pegMeanOfThreeItems_data()
    {
        QTest::addColumn<int>("pain");
        QTest::addColumn<int>("enjoyment");
        QTest::addColumn<int>("activity");
        QTest::addColumn<double>("mean");
        QTest::newRow("all zero") << 0 << 0 << 0 << 0.0;
        QTest::newRow("all ten") << 10 << 10 << 10 << 10.0;
        QTest::newRow("whole") << 6 << 5 << 7 << 6.0;
        QTest::newRow("thirds, unrounded") << 7 << 5 << 5 << 17.0 / 3.0;
    }
    void pegMeanOfThreeItems()
    {
        QFETCH(int, pain);
        QFETCH(int, enjoyment);
        QFETCH(int, activity);
        QFETCH(double, mean);
        QCOMPARE(pegMean(pain, enjoyment, activity), mean);
        domain::PegScore peg;
        peg.pain = pain;
        peg.enjoyment = enjoyment;
        peg.activity = activity;
        QCOMPARE(pegMean(peg), mean);
    }

    void suicideRiskFromAnswers_data()
    {
        QTest::addColumn<QList<int>>("answers");
        QTest::addColumn<bool>("alert");
        QTest::newRow("all zero") << QList<int>{0, 0, 0, 0, 0, 0, 0, 0, 0} << false;
        QTest::newRow("item 9 at one") << QList<int>{0, 0, 0, 0, 0, 0, 0, 0, 1} << true;
        QTest::newRow("item 9 at three") << QList<int>{0, 0, 0, 0, 0, 0, 0, 0, 3} << true;
        QTest::newRow("high elsewhere, item 9 zero") << QList<int>{3, 3, 3, 3, 3, 3, 3, 3, 0} << false;
        QTest::newRow("item 8 (not 9) positive") << QList<int>{0, 0, 0, 0, 0, 0, 0, 2, 0} << false;
        QTest::newRow("item 9 answered first") << QList<int>{-1, -1, -1, -1, -1, -1, -1, -1, 2} << true;
        QTest::newRow("item 9 not answered yet") << QList<int>{1, 2, 3, 1, -1, -1, -1, -1, -1} << false;
        QTest::newRow("nothing answered") << QList<int>{} << false;
    }
    void suicideRiskFromAnswers()
    {
        QFETCH(QList<int>, answers);
        QFETCH(bool, alert);
        QCOMPARE(suicideRiskAlert(phq9(), answers), alert);
    }

    void suicideRiskFromScoreIsTheInstrumentsAlert()
    {
        // The finished score and the answers in progress agree, because both read the
        // instrument's alert definition.
        const QJsonArray positive{0, 0, 0, 0, 0, 0, 0, 0, 1};
        const QJsonArray negative{2, 2, 2, 2, 2, 2, 2, 2, 0};
        QVERIFY(suicideRiskAlert(*phq9().score(positive, domain::Sex::Unknown, 3)));
        QVERIFY(!suicideRiskAlert(*phq9().score(negative, domain::Sex::Unknown, 3)));
        ScreeningScore other;
        other.alerts = {QStringLiteral("some_other_alert")};
        QVERIFY(!suicideRiskAlert(other));
    }
};

QTEST_GUILESS_MAIN(TestClinicalDecisions)
#include "test_clinical_decisions.moc"
