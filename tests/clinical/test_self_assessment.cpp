// The Six Building Blocks self-assessment (core/clinical/self_assessment.h): the shipped form in
// both languages, answers refused naming the item when one is missing or out of range, per-block
// averages per round with each respondent counted once, the comparison of two rounds, the items
// averaging 2 or less offered for the action plan, and action-plan items checked field by field.

#include "core/clinical/assets.h"
#include "core/clinical/self_assessment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cairn;
using namespace cairn::clinical;

namespace {

SelfAssessment form()
{
    auto shipped = SelfAssessment::shipped(QStringLiteral("en"));
    if (!shipped)
        qFatal("%s", qPrintable(shipped.error().line()));
    return *shipped;
}

// Every item scored `score`, except the given ones.
QJsonObject scores(int score, const QMap<QString, int> &except = {})
{
    QJsonObject object;
    for (const QString &item : form().itemIds())
        object.insert(item, except.value(item, score));
    return object;
}

QJsonObject answer(const QString &round, const QString &role, const QJsonObject &scoreObject)
{
    return {{QStringLiteral("round"), round}, {QStringLiteral("role"), role}, {QStringLiteral("scores"), scoreObject}};
}

AssessmentResponse response(const QString &respondent, const QDate &on, const QJsonObject &json)
{
    auto parsed = AssessmentResponse::fromJson(json, form());
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error().line()));
    parsed->respondent = respondent;
    parsed->answeredOn = on;
    parsed->recordId = respondent + on.toString(Qt::ISODate);
    return *parsed;
}

QJsonObject actionJson()
{
    return {{QStringLiteral("id"), QStringLiteral("5b0e3c1e-8a54-4d7e-9a43-0f5d2a1c9e11")},
            {QStringLiteral("block"), QStringLiteral("policies")},
            {QStringLiteral("item"), QStringLiteral("policies.agreements")},
            {QStringLiteral("action"), QStringLiteral("Review every agreement older than a year at the huddle")},
            {QStringLiteral("owner"), QJsonObject{{QStringLiteral("role"), QStringLiteral("registry_manager")}}},
            {QStringLiteral("due"), QStringLiteral("2026-12-15")},
            {QStringLiteral("status"), QStringLiteral("open")}};
}

}  // namespace

class TestSelfAssessment : public QObject {
    Q_OBJECT
private slots:
    void shippedFormHasSixBlocksInBothLanguages()
    {
        auto en = SelfAssessment::shipped(QStringLiteral("en"));
        auto es = SelfAssessment::shipped(QStringLiteral("es"));
        QVERIFY2(en, qPrintable(en ? QString() : en.error().line()));
        QVERIFY2(es, qPrintable(es ? QString() : es.error().line()));
        QCOMPARE(en->blocks.size(), 6);
        QCOMPARE(en->itemIds(), es->itemIds());
        QCOMPARE(en->levelLabels.size(), 4);
        QCOMPARE(en->blocks.first().title, QStringLiteral("Leadership and shared purpose"));
        QCOMPARE(es->blocks.first().title, QStringLiteral("Liderazgo y propósito común"));
        for (int b = 0; b < 6; ++b) {
            QVERIFY(en->blocks[b].items.size() >= 3 && en->blocks[b].items.size() <= 5);
            for (int i = 0; i < en->blocks[b].items.size(); ++i)
                QVERIFY(en->blocks[b].items[i].text != es->blocks[b].items[i].text);
        }
    }

    void brokenFormIsRefusedNamingTheField()
    {
        auto json = loadJsonAsset(QStringLiteral("self-assessment.json"));
        QVERIFY(json);
        QJsonObject broken = *json;
        QJsonArray blocks = broken.value(QStringLiteral("blocks")).toArray();
        QJsonObject first = blocks.at(0).toObject();
        QJsonArray items = first.value(QStringLiteral("items")).toArray();
        QJsonObject item = items.at(1).toObject();
        item.insert(QStringLiteral("text"), QJsonObject{{QStringLiteral("en"), QStringLiteral("only English")}});
        items.replace(1, item);
        first.insert(QStringLiteral("items"), items);
        blocks.replace(0, first);
        broken.insert(QStringLiteral("blocks"), blocks);
        QVERIFY(SelfAssessment::fromJson(broken, QStringLiteral("en")));
        auto refused = SelfAssessment::fromJson(broken, QStringLiteral("es"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("blocks[0].items[1].text.es"));
    }

    void answerNeedsEveryItemScoredOneToFour_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        QJsonObject missing = scores(3);
        missing.remove(QStringLiteral("tracking.gaps_closed"));
        QTest::newRow("missing item") << answer(QStringLiteral("2026-Q4"), QStringLiteral("nurse"), missing)
                                      << QStringLiteral("scores.tracking.gaps_closed");
        QTest::newRow("zero") << answer(QStringLiteral("2026-Q4"), QStringLiteral("nurse"),
                                        scores(3, {{QStringLiteral("measuring.shared"), 0}}))
                              << QStringLiteral("scores.measuring.shared");
        QTest::newRow("five") << answer(QStringLiteral("2026-Q4"), QStringLiteral("nurse"),
                                        scores(3, {{QStringLiteral("leadership.priority"), 5}}))
                              << QStringLiteral("scores.leadership.priority");
        QJsonObject fraction = scores(3);
        fraction.insert(QStringLiteral("policies.written"), 2.5);
        QTest::newRow("fraction") << answer(QStringLiteral("2026-Q4"), QStringLiteral("nurse"), fraction)
                                  << QStringLiteral("scores.policies.written");
        QJsonObject unknown = scores(3);
        unknown.insert(QStringLiteral("leadership.budget"), 2);
        QTest::newRow("unknown item") << answer(QStringLiteral("2026-Q4"), QStringLiteral("nurse"), unknown)
                                      << QStringLiteral("scores.leadership.budget");
        QTest::newRow("no round") << answer(QString(), QStringLiteral("nurse"), scores(3)) << QStringLiteral("round");
        QTest::newRow("bad role") << answer(QStringLiteral("2026-Q4"), QStringLiteral("janitor"), scores(3))
                                  << QStringLiteral("role");
    }
    void answerNeedsEveryItemScoredOneToFour()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        auto parsed = AssessmentResponse::fromJson(json, form());
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().field, field);
    }

    void answerRoundTrips()
    {
        const QJsonObject json = answer(QStringLiteral("2026-Q4"), QStringLiteral("clinician"),
                                        scores(2, {{QStringLiteral("policies.written"), 4}}));
        auto parsed = AssessmentResponse::fromJson(json, form());
        QVERIFY(parsed);
        QVERIFY(parsed->role == keys::Role::Clinician);
        QCOMPARE(parsed->scores.value(QStringLiteral("policies.written")), 4);
        QCOMPARE(parsed->toJson(), json);
    }

    void blockAveragesPerRoundCountEachRespondentOnce()
    {
        const QDate q3(2026, 8, 1);
        const QDate q4(2026, 11, 2);
        // Q3: a nurse scores everything 1, a clinician everything 2 (policies.agreements 4).
        // Q4: the nurse answers twice (the newer answer counts: 3s), the clinician 3s, the front desk 4s.
        const QList<AssessmentResponse> responses{
            response(QStringLiteral("nurse"), q4,
                     answer(QStringLiteral("2026-Q4"), QStringLiteral("nurse"), scores(1))),
            response(QStringLiteral("nurse"), q4.addDays(1),
                     answer(QStringLiteral("2026-Q4"), QStringLiteral("nurse"), scores(3))),
            response(QStringLiteral("clin"), q4,
                     answer(QStringLiteral("2026-Q4"), QStringLiteral("clinician"), scores(3))),
            response(QStringLiteral("desk"), q4,
                     answer(QStringLiteral("2026-Q4"), QStringLiteral("front_desk"), scores(4))),
            response(QStringLiteral("nurse"), q3,
                     answer(QStringLiteral("2026-Q3"), QStringLiteral("nurse"), scores(1))),
            response(QStringLiteral("clin"), q3,
                     answer(QStringLiteral("2026-Q3"), QStringLiteral("clinician"),
                            scores(2, {{QStringLiteral("policies.agreements"), 4}}))),
        };
        const QList<RoundResult> rounds = roundResults(form(), responses);
        QCOMPARE(rounds.size(), 2);
        QCOMPARE(rounds[0].round, QStringLiteral("2026-Q3"));
        QCOMPARE(rounds[0].respondents, 2);
        QCOMPARE(rounds[0].respondentsByRole.value(keys::Role::Nurse), 1);
        QCOMPARE(*rounds[0].blockAverage(QStringLiteral("leadership")), 1.5);
        // policies: 4 items x 2 respondents = 8 scores: nurse 1+1+1+1, clinician 2+2+4+2 -> 14 / 8.
        QCOMPARE(*rounds[0].blockAverage(QStringLiteral("policies")), 14.0 / 8);
        QCOMPARE(rounds[0].itemAverages.value(QStringLiteral("policies.agreements")), 2.5);
        QCOMPARE(rounds[1].round, QStringLiteral("2026-Q4"));
        QCOMPARE(rounds[1].respondents, 3);
        QCOMPARE(*rounds[1].blockAverage(QStringLiteral("measuring")), 10.0 / 3);

        // Every Q3 item but policies.agreements averages 1.5: those are the action-plan candidates.
        const QStringList candidates = rounds[0].actionPlanCandidates(form());
        QCOMPARE(candidates.size(), form().itemIds().size() - 1);
        QVERIFY(!candidates.contains(QStringLiteral("policies.agreements")));
        QVERIFY(rounds[1].actionPlanCandidates(form()).isEmpty());

        const QList<BlockChange> changes = compareRounds(form(), rounds[0], rounds[1]);
        QCOMPARE(changes.size(), 6);
        QCOMPARE(changes[0].blockId, QStringLiteral("leadership"));
        QCOMPARE(changes[0].before, 1.5);
        QCOMPARE(changes[0].change(), 10.0 / 3 - 1.5);
    }

    void actionPlanItemIsCheckedFieldByField_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("item of another block")
            << "item" << QJsonValue(QStringLiteral("tracking.gaps_closed")) << QStringLiteral("item");
        QTest::newRow("unknown block") << "block" << QJsonValue(QStringLiteral("budget")) << QStringLiteral("block");
        QTest::newRow("no action") << "action" << QJsonValue(QStringLiteral("  ")) << QStringLiteral("action");
        QTest::newRow("no owner") << "owner" << QJsonValue(QJsonObject{}) << QStringLiteral("owner");
        QTest::newRow("both owners") << "owner"
                                     << QJsonValue(QJsonObject{{QStringLiteral("role"), QStringLiteral("nurse")},
                                                               {QStringLiteral("user"), QStringLiteral("u1")}})
                                     << QStringLiteral("owner");
        QTest::newRow("bad role") << "owner"
                                  << QJsonValue(QJsonObject{{QStringLiteral("role"), QStringLiteral("boss")}})
                                  << QStringLiteral("owner.role");
        QTest::newRow("bad due") << "due" << QJsonValue(QStringLiteral("2026-13-01")) << QStringLiteral("due");
        QTest::newRow("bad status") << "status" << QJsonValue(QStringLiteral("later")) << QStringLiteral("status");
        QTest::newRow("bad id") << "id" << QJsonValue(QStringLiteral("{5B0E}")) << QStringLiteral("id");
    }
    void actionPlanItemIsCheckedFieldByField()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QJsonObject json = actionJson();
        json.insert(key, value);
        auto parsed = ActionPlanItem::fromJson(json, form());
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().field, field);
    }

    void actionPlanItemIsDueForItsOwnerOnceItsDateComes()
    {
        auto item = ActionPlanItem::fromJson(actionJson(), form());
        QVERIFY2(item, qPrintable(item ? QString() : item.error().line()));
        QCOMPARE(item->toJson(), actionJson());
        const QDate due(2026, 12, 15);
        QVERIFY(!item->isDueFor(QStringLiteral("riley"), keys::Role::RegistryManager, due.addDays(-1)));
        QVERIFY(item->isDueFor(QStringLiteral("riley"), keys::Role::RegistryManager, due));
        QVERIFY(item->isDueFor(QStringLiteral("riley"), keys::Role::RegistryManager, due.addDays(30)));
        QVERIFY(!item->isDueFor(QStringLiteral("nico"), keys::Role::Nurse, due.addDays(30)));
        item->status = ActionStatus::Done;
        QVERIFY(!item->isDueFor(QStringLiteral("riley"), keys::Role::RegistryManager, due.addDays(30)));
        item->status = ActionStatus::Open;
        item->ownerRole.reset();
        item->ownerUser = QStringLiteral("nico");
        QVERIFY(item->isDueFor(QStringLiteral("nico"), keys::Role::Nurse, due));
        QVERIFY(!item->isDueFor(QStringLiteral("riley"), keys::Role::RegistryManager, due));
    }
};

QTEST_GUILESS_MAIN(TestSelfAssessment)
#include "test_self_assessment.moc"
