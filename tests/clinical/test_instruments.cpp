// One scoring engine for every instrument: band edges, cut-offs, ORT weights by sex, PC-PTSD-5
// exposure gating, the PHQ-9 item 9 alert, and answers out of range.

#include "core/clinical/instruments.h"
#include "core/clinical/rooming_plan.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace cairn;
using namespace cairn::clinical;

namespace {
QJsonArray spread(int total, int items, int max)
{
    QJsonArray a;
    for (int i = 0; i < items; ++i) {
        const int v = std::min(max, total);
        a.append(v);
        total -= v;
    }
    return a;
}

const Instrument &instrument(const char *id)
{
    return *(*Instruments::shipped())->find(QLatin1String(id));
}
}  // namespace

class TestInstruments : public QObject {
    Q_OBJECT
private slots:
    void everyShippedInstrumentLoadsWithBothLanguages()
    {
        auto all = Instruments::shipped();
        QVERIFY2(all.ok(), all.ok() ? "" : qPrintable(all.error().line()));
        for (const char *id : {"peg", "phq2", "phq9", "gad2", "gad7", "ort", "pcptsd5"})
            QVERIFY2((*all)->find(QLatin1String(id)), id);
    }

    void bandEdges_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("total");
        QTest::addColumn<QString>("result");
        const QList<std::tuple<int, const char *>> phq9{{0, "minimal"},
                                                        {4, "minimal"},
                                                        {5, "mild"},
                                                        {9, "mild"},
                                                        {10, "moderate"},
                                                        {14, "moderate"},
                                                        {15, "moderately_severe"},
                                                        {19, "moderately_severe"},
                                                        {20, "severe"},
                                                        {27, "severe"}};
        for (const auto &[t, r] : phq9)
            QTest::addRow("phq9 %d", t) << QStringLiteral("phq9") << 9 << t << QString::fromLatin1(r);
        const QList<std::tuple<int, const char *>> gad7{{4, "minimal"},   {5, "mild"},      {9, "mild"},
                                                        {10, "moderate"}, {14, "moderate"}, {15, "severe"},
                                                        {21, "severe"}};
        for (const auto &[t, r] : gad7)
            QTest::addRow("gad7 %d", t) << QStringLiteral("gad7") << 7 << t << QString::fromLatin1(r);
        for (const char *id : {"phq2", "gad2"}) {
            QTest::addRow("%s 2", id) << QString::fromLatin1(id) << 2 << 2 << QStringLiteral("negative");
            QTest::addRow("%s 3", id) << QString::fromLatin1(id) << 2 << 3 << QStringLiteral("positive");
        }
    }

    void bandEdges()
    {
        QFETCH(QString, id);
        QFETCH(int, items);
        QFETCH(int, total);
        QFETCH(QString, result);
        auto s = (*Instruments::shipped())->find(id)->score(spread(total, items, 3), domain::Sex::Female, 3);
        QVERIFY(s.ok());
        QCOMPARE(s->total, total);
        QCOMPARE(s->result, result);
    }

    void phq9ItemNineAlertsWhateverTheTotal()
    {
        auto low = instrument("phq9").score(QJsonArray{0, 0, 0, 0, 0, 0, 0, 0, 1}, domain::Sex::Male, 3);
        QCOMPARE(low->alerts, QStringList{QStringLiteral("item9_positive")});
        QCOMPARE(low->result, QStringLiteral("minimal"));
        auto none = instrument("phq9").score(QJsonArray{3, 3, 3, 3, 3, 3, 3, 3, 0}, domain::Sex::Male, 3);
        QVERIFY(none->alerts.isEmpty());
    }

    void ortWeighsBySex_data()
    {
        QTest::addColumn<QJsonObject>("answers");
        QTest::addColumn<int>("female");
        QTest::addColumn<int>("male");
        QTest::newRow("family alcohol") << QJsonObject{{QStringLiteral("family_alcohol"), true}} << 1 << 3;
        QTest::newRow("family illegal") << QJsonObject{{QStringLiteral("family_illegal_drugs"), true}} << 2 << 3;
        QTest::newRow("abuse") << QJsonObject{{QStringLiteral("preadolescent_sexual_abuse"), true}} << 3 << 0;
        QTest::newRow("all") << QJsonObject{{QStringLiteral("family_alcohol"), true},
                                            {QStringLiteral("family_illegal_drugs"), true},
                                            {QStringLiteral("family_rx_drugs"), true},
                                            {QStringLiteral("personal_alcohol"), true},
                                            {QStringLiteral("personal_illegal_drugs"), true},
                                            {QStringLiteral("personal_rx_drugs"), true},
                                            {QStringLiteral("age_16_45"), true},
                                            {QStringLiteral("preadolescent_sexual_abuse"), true},
                                            {QStringLiteral("psych_add_ocd_bipolar_schizophrenia"), true},
                                            {QStringLiteral("psych_depression"), true}}
                             << 26 << 26;
        QTest::newRow("no is zero") << QJsonObject{{QStringLiteral("personal_rx_drugs"), false}} << 0 << 0;
    }

    void ortWeighsBySex()
    {
        QFETCH(QJsonObject, answers);
        QFETCH(int, female);
        QFETCH(int, male);
        QCOMPARE(instrument("ort").score(answers, domain::Sex::Female, 3)->total, female);
        QCOMPARE(instrument("ort").score(answers, domain::Sex::Male, 3)->total, male);
    }

    void ortTierEdges_data()
    {
        QTest::addColumn<QJsonObject>("answers");
        QTest::addColumn<QString>("tier");
        // Female weights: family_alcohol 1, family_illegal 2, personal_alcohol 3, family_rx 4, personal_rx 5.
        QTest::newRow("3 low") << QJsonObject{{QStringLiteral("personal_alcohol"), true}} << QStringLiteral("low");
        QTest::newRow("4 moderate") << QJsonObject{{QStringLiteral("family_rx_drugs"), true}}
                                    << QStringLiteral("moderate");
        QTest::newRow("7 moderate") << QJsonObject{{QStringLiteral("family_rx_drugs"), true},
                                                   {QStringLiteral("personal_alcohol"), true}}
                                    << QStringLiteral("moderate");
        QTest::newRow("8 high") << QJsonObject{{QStringLiteral("personal_rx_drugs"), true},
                                               {QStringLiteral("personal_alcohol"), true}}
                                << QStringLiteral("high");
    }

    void ortTierEdges()
    {
        QFETCH(QJsonObject, answers);
        QFETCH(QString, tier);
        QCOMPARE(instrument("ort").score(answers, domain::Sex::Female, 3)->result, tier);
    }

    void ortNeedsSex()
    {
        auto s = instrument("ort").score(QJsonObject{}, domain::Sex::Unknown, 3);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, QStringLiteral("sex"));
    }

    void pcPtsd5CountsYesOnlyAfterExposureWithPolicyCutoff()
    {
        const QJsonObject three{{QStringLiteral("trauma_exposure"), true},
                                {QStringLiteral("items"), QJsonArray{true, true, true, false, false}}};
        QCOMPARE(instrument("pcptsd5").score(three, domain::Sex::Male, 3)->result, QStringLiteral("positive"));
        QCOMPARE(instrument("pcptsd5").score(three, domain::Sex::Male, 4)->result, QStringLiteral("negative"));
        const QJsonObject unexposed{{QStringLiteral("trauma_exposure"), false},
                                    {QStringLiteral("items"), QJsonArray{true, true, true, true, true}}};
        QCOMPARE(instrument("pcptsd5").score(unexposed, domain::Sex::Male, 3)->total, 0);
        QVERIFY(instrument("pcptsd5")
                    .score(QJsonObject{{QStringLiteral("trauma_exposure"), false}}, domain::Sex::Male, 3)
                    .ok());
    }

    void pegIsTheMeanToOneDecimal()
    {
        auto s = instrument("peg").score(QJsonArray{6, 5, 7}, domain::Sex::Female, 3);
        QCOMPARE(s->total, 6.0);
        s = instrument("peg").score(QJsonArray{6, 5, 6}, domain::Sex::Female, 3);
        QCOMPARE(s->total, 5.7);
    }

    void answersOutOfRangeNameTheItem_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QJsonValue>("answers");
        QTest::addColumn<QString>("field");
        QTest::newRow("phq9 item 9 = 4") << QStringLiteral("phq9") << QJsonValue(QJsonArray{0, 0, 0, 0, 0, 0, 0, 0, 4})
                                         << QStringLiteral("[8]");
        QTest::newRow("phq2 negative") << QStringLiteral("phq2") << QJsonValue(QJsonArray{-1, 0})
                                       << QStringLiteral("[0]");
        QTest::newRow("gad7 fraction") << QStringLiteral("gad7") << QJsonValue(QJsonArray{1.5, 0, 0, 0, 0, 0, 0})
                                       << QStringLiteral("[0]");
        QTest::newRow("phq9 too few") << QStringLiteral("phq9") << QJsonValue(QJsonArray{0, 0}) << QString();
        QTest::newRow("ort unknown item")
            << QStringLiteral("ort") << QJsonValue(QJsonObject{{QStringLiteral("horoscope"), true}})
            << QStringLiteral("horoscope");
        QTest::newRow("ort not bool") << QStringLiteral("ort")
                                      << QJsonValue(QJsonObject{{QStringLiteral("personal_alcohol"), 1}})
                                      << QStringLiteral("personal_alcohol");
        QTest::newRow("peg 11") << QStringLiteral("peg") << QJsonValue(QJsonArray{11, 0, 0}) << QStringLiteral("[0]");
    }

    void answersOutOfRangeNameTheItem()
    {
        QFETCH(QString, id);
        QFETCH(QJsonValue, answers);
        QFETCH(QString, field);
        auto s = (*Instruments::shipped())->find(id)->score(answers, domain::Sex::Female, 3);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, field);
    }
    // The rooming asks the full PHQ-9 only after a positive PHQ-2, and the PC-PTSD-5's items only
    // after a "yes" to trauma exposure; a full questionnaire after a negative screen is not stored.
    void roomingAsksTheFullQuestionnaireOnlyAfterAPositiveScreen()
    {
        const clinical::RoomingContext context{
            *Instruments::shipped(), {QStringLiteral("pcptsd5")}, domain::Sex::Female, 3};
        const auto count = [&](const clinical::RoomingAnswers &answers, const char *instrument) {
            const auto questions = clinical::roomingQuestions(context, answers);
            return std::count_if(questions.cbegin(), questions.cend(), [&](const clinical::RoomingQuestion &q) {
                return q.instrument == QLatin1String(instrument);
            });
        };
        clinical::RoomingAnswers answers;
        QCOMPARE(count(answers, "phq9"), 0);
        QCOMPARE(count(answers, "pcptsd5"), 1);  // the exposure question alone
        QCOMPARE(count(answers, "ort"), 0);      // not due for this patient
        answers.insert(QStringLiteral("phq2"), {2, 2});
        QCOMPARE(count(answers, "phq9"), 7);  // items 3 to 9: the first two are the PHQ-2's
        answers.insert(QStringLiteral("pcptsd5"), {1, -1, -1, -1, -1, -1});
        QCOMPARE(count(answers, "pcptsd5"), 6);

        answers.insert(QStringLiteral("phq9"), {2, 2, 1, 1, 1, 1, 1, 1, 0});
        QVERIFY(clinical::roomingRecordsInstrument(context, answers, QStringLiteral("phq9")));
        answers.insert(QStringLiteral("phq2"), {0, 1});
        QVERIFY(!clinical::roomingRecordsInstrument(context, answers, QStringLiteral("phq9")));
        // An ORT answered while not due is not stored either.
        answers.insert(QStringLiteral("ort"),
                       QList<int>((*Instruments::shipped())->find(QStringLiteral("ort"))->questionCount(), 0));
        QVERIFY(!clinical::roomingRecordsInstrument(context, answers, QStringLiteral("ort")));
    }

    // The ORT is asked once, and only when the patient's sex lets it be scored; the PC-PTSD-5 yearly.
    void roomingOptionalInstrumentsFollowTheRecord()
    {
        const QDate day(2026, 6, 1);
        domain::Patient patient;
        patient.sex = domain::Sex::Male;
        QCOMPARE(clinical::optionalInstrumentsDue(patient, day), (QStringList{"ort", "pcptsd5"}));
        patient.screenings.append(domain::Screening{{}, QStringLiteral("ort"), QDate(2019, 1, 1), {}});
        patient.screenings.append(domain::Screening{{}, QStringLiteral("pcptsd5"), day.addDays(-364), {}});
        QCOMPARE(clinical::optionalInstrumentsDue(patient, day), QStringList{});
        patient.screenings.last().date = day.addDays(-365);
        QCOMPARE(clinical::optionalInstrumentsDue(patient, day), QStringList{"pcptsd5"});
        domain::Patient unknownSex;
        QCOMPARE(clinical::optionalInstrumentsDue(unknownSex, day), QStringList{"pcptsd5"});
    }
};

QTEST_GUILESS_MAIN(TestInstruments)
#include "test_instruments.moc"
