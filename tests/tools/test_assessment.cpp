// The clinic's Six Building Blocks self-assessment through cairnctl on a real encrypted registry
// (issue 17 item 6): staff of three roles answer two rounds; a missing score is refused naming the
// item; `assessment show --json` gives each block's average per round and who answered by role;
// `assessment chart --pdf` charts them (read back with pdftotext); a low item becomes an action-plan
// item kept by the registry manager, due on its owner's list until it is done, with its history.

#include "tests/support/cairnctl_process.h"
#include "tests/support/pdf_text.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using cairn::testing::CairnctlRun;
using cairn::testing::squeezed;

namespace {

const QString kAdminPin = QStringLiteral("246810");
struct Member {
    QString name;
    QString role;
    QString pin;
};
const Member kNurse{QStringLiteral("Nico Nurse"), QStringLiteral("nurse"), QStringLiteral("3579")};
const Member kClinician{QStringLiteral("Casey Clinician"), QStringLiteral("clinician"), QStringLiteral("1357")};
const Member kManager{QStringLiteral("Riley Registry"), QStringLiteral("registry_manager"), QStringLiteral("1470")};

// The item ids of the shipped form, block by block.
QMap<QString, QStringList> shippedItems()
{
    QFile file(QStringLiteral(CAIRN_SOURCE_DIR) + QStringLiteral("/assets/clinical/self-assessment.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read self-assessment.json");
    QMap<QString, QStringList> items;
    for (const QJsonValue &block :
         QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("blocks")).toArray())
        for (const QJsonValue &item : block.toObject().value(QStringLiteral("items")).toArray())
            items[block.toObject().value(QStringLiteral("id")).toString()]
                << item.toObject().value(QStringLiteral("id")).toString();
    return items;
}

}  // namespace

class TestAssessment : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QMap<QString, QStringList> m_items = shippedItems();

    CairnctlRun as(const Member &member, const QStringList &args)
    {
        return cairn::testing::runCairnctl(m_db, m_dir.filePath(QStringLiteral("keystore")), member.pin,
                                           QStringList{QStringLiteral("--user"), member.name} + args);
    }

    // A scores file: every item `score`, except those given.
    QString scoresFile(const QString &name, int score, const QMap<QString, int> &except = {}, const QString &skip = {})
    {
        QJsonObject scores;
        for (const QStringList &items : m_items)
            for (const QString &item : items)
                if (item != skip)
                    scores.insert(item, except.value(item, score));
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(scores).toJson()) < 0)
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    CairnctlRun answer(const Member &member, const QString &round, const QString &file)
    {
        return as(member, {QStringLiteral("assessment"), QStringLiteral("answer"), QStringLiteral("--round"), round,
                           QStringLiteral("--scores"), file});
    }

    QJsonArray rounds()
    {
        const CairnctlRun shown =
            as(kNurse, {QStringLiteral("assessment"), QStringLiteral("show"), QStringLiteral("--json")});
        if (shown.exitCode != 0)
            qWarning("show failed: %s", shown.error().constData());
        return QJsonDocument::fromJson(shown.out).object().value(QStringLiteral("rounds")).toArray();
    }

    QJsonObject onlyActionItem(const Member &member)
    {
        const CairnctlRun listed =
            as(member, {QStringLiteral("action-plan"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray items = QJsonDocument::fromJson(listed.out).array();
        return items.size() == 1 ? items.first().toObject() : QJsonObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "poppler-utils (pdftotext) is needed: tools/install-deps.sh installs it");
        m_db = m_dir.filePath(QStringLiteral("clinic.db"));
        cairn::testing::newRegistryFile(m_db, m_dir.filePath(QStringLiteral("keystore")), kAdminPin);
        for (const Member &m : {kNurse, kClinician, kManager}) {
            const CairnctlRun added =
                cairn::testing::runCairnctl(m_db, m_dir.filePath(QStringLiteral("keystore")), kAdminPin,
                                            {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"),
                                             m.name, QStringLiteral("--role"), m.role},
                                            {QStringLiteral("CAIRN_NEW_PIN=") + m.pin});
            QVERIFY2(added.exitCode == 0, added.error().constData());
        }
    }

    void aMissingOrOutOfRangeScoreIsRefusedNamingTheItem()
    {
        const CairnctlRun missing =
            answer(kNurse, QStringLiteral("2026-Q3"),
                   scoresFile(QStringLiteral("missing.json"), 3, {}, QStringLiteral("tracking.gaps_closed")));
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.error().contains("scores.tracking.gaps_closed"), missing.error().constData());
        const CairnctlRun five =
            answer(kNurse, QStringLiteral("2026-Q3"),
                   scoresFile(QStringLiteral("five.json"), 3, {{QStringLiteral("measuring.shared"), 5}}));
        QCOMPARE(five.exitCode, 2);
        QVERIFY2(five.error().contains("scores.measuring.shared"), five.error().constData());
        QVERIFY(rounds().isEmpty());
    }

    void blockAveragesPerRoundWithRespondentsByRole()
    {
        // 2026-Q3: the nurse scores everything 1, the clinician 2.
        QCOMPARE(answer(kNurse, QStringLiteral("2026-Q3"), scoresFile(QStringLiteral("n3.json"), 1)).exitCode, 0);
        QCOMPARE(answer(kClinician, QStringLiteral("2026-Q3"), scoresFile(QStringLiteral("c3.json"), 2)).exitCode, 0);
        // 2026-Q4: three roles score 3, but patient agreements score 2, 1 and 2 (average 5/3).
        const QString agreements = QStringLiteral("policies.agreements");
        // The nurse first answers 4 everywhere, then corrects it: only the second answer counts.
        QCOMPARE(answer(kNurse, QStringLiteral("2026-Q4"), scoresFile(QStringLiteral("n4a.json"), 4)).exitCode, 0);
        QCOMPARE(answer(kNurse, QStringLiteral("2026-Q4"), scoresFile(QStringLiteral("n4.json"), 3, {{agreements, 2}}))
                     .exitCode,
                 0);
        QCOMPARE(
            answer(kClinician, QStringLiteral("2026-Q4"), scoresFile(QStringLiteral("c4.json"), 3, {{agreements, 1}}))
                .exitCode,
            0);
        QCOMPARE(
            answer(kManager, QStringLiteral("2026-Q4"), scoresFile(QStringLiteral("m4.json"), 3, {{agreements, 2}}))
                .exitCode,
            0);

        const QJsonArray all = rounds();
        QCOMPARE(all.size(), 2);
        const QJsonObject q3 = all.at(0).toObject();
        const QJsonObject q4 = all.at(1).toObject();
        QCOMPARE(q3.value(QStringLiteral("round")).toString(), QStringLiteral("2026-Q3"));
        QCOMPARE(q3.value(QStringLiteral("blocks")).toObject().value(QStringLiteral("leadership")).toDouble(), 1.5);
        qsizetype itemCount = 0;
        for (const QStringList &items : m_items)
            itemCount += items.size();
        // Every Q3 item averages 1.5: each is offered for the action plan.
        QCOMPARE(q3.value(QStringLiteral("action_plan_candidates")).toArray().size(), itemCount);
        QCOMPARE(q4.value(QStringLiteral("respondents")).toInt(), 3);
        const QJsonObject byRole = q4.value(QStringLiteral("respondents_by_role")).toObject();
        QCOMPARE(byRole.value(QStringLiteral("nurse")).toInt(), 1);
        QCOMPARE(byRole.value(QStringLiteral("clinician")).toInt(), 1);
        QCOMPARE(byRole.value(QStringLiteral("registry_manager")).toInt(), 1);
        const QJsonObject blocks = q4.value(QStringLiteral("blocks")).toObject();
        QCOMPARE(blocks.value(QStringLiteral("leadership")).toDouble(), 3.0);
        // policies: 4 items x 3 respondents; agreements 2+1+2, the other 9 scores 3 -> 32 / 12.
        QCOMPARE(blocks.value(QStringLiteral("policies")).toDouble(), 32.0 / 12);
        QCOMPARE(q4.value(QStringLiteral("action_plan_candidates")).toArray(), QJsonArray{agreements});
    }

    void theChartShowsEachBlockOverTheRounds()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("assessment.pdf"));
        const CairnctlRun chart =
            as(kClinician, {QStringLiteral("assessment"), QStringLiteral("chart"), QStringLiteral("--pdf"), pdf});
        QVERIFY2(chart.exitCode == 0, chart.error().constData());
        const QString text = cairn::testing::pdfText(pdf);
        QVERIFY(text.contains(squeezed(QStringLiteral("Six Building Blocks self-assessment"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Rounds answered: 2. The latest, 2026-Q4, was answered by 3"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Leadership and shared purpose: 3.0 in 2026-Q4"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Policies, agreements and workflows: 2.7 in 2026-Q4"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Measuring progress: 3.0 in 2026-Q4"))));
        // The axis of every chart names both rounds; the candidate statement is listed with its
        // average, its two lines as the table's cell wraps it.
        QVERIFY(text.count(squeezed(QStringLiteral("2026-Q3"))) >= 6);
        QVERIFY(text.contains(squeezed(QStringLiteral("Every patient on long-term opioid therapy has a current1.7"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("treatment agreement that fits the policy."))));
    }

    void aLowItemBecomesAnActionItemDueOnItsOwnersList()
    {
        const QStringList add{
            QStringLiteral("action-plan"),  QStringLiteral("add"),
            QStringLiteral("--item"),       QStringLiteral("policies.agreements"),
            QStringLiteral("--action"),     QStringLiteral("Bring every agreement older than a year to the huddle"),
            QStringLiteral("--owner-user"), kNurse.name,
            QStringLiteral("--due"),        QStringLiteral("2026-01-15")};
        // The action plan is the registry manager's and the administrator's to keep.
        const CairnctlRun byNurse = as(kNurse, add);
        QCOMPARE(byNurse.exitCode, 1);
        QVERIFY2(byNurse.error().contains("role does not allow"), byNurse.error().constData());
        QStringList wrongItem = add;
        wrongItem[3] = QStringLiteral("policies.budget");
        const CairnctlRun bad = as(kManager, wrongItem);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.error().contains("item"), bad.error().constData());

        const CairnctlRun added = as(kManager, add);
        QVERIFY2(added.exitCode == 0, added.error().constData());
        QJsonObject item = onlyActionItem(kNurse);
        const QString id = item.value(QStringLiteral("id")).toString();
        QCOMPARE(item.value(QStringLiteral("block")).toString(), QStringLiteral("policies"));
        QCOMPARE(item.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QVERIFY(item.value(QStringLiteral("due_for_me")).toBool());  // past due, the nurse's
        QVERIFY(!onlyActionItem(kClinician).value(QStringLiteral("due_for_me")).toBool());

        const CairnctlRun done = as(kManager, {QStringLiteral("action-plan"), QStringLiteral("update"), id,
                                               QStringLiteral("--status"), QStringLiteral("done")});
        QVERIFY2(done.exitCode == 0, done.error().constData());
        item = onlyActionItem(kNurse);
        QCOMPARE(item.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QVERIFY(!item.value(QStringLiteral("due_for_me")).toBool());
        QCOMPARE(item.value(QStringLiteral("action")).toString(),
                 QStringLiteral("Bring every agreement older than a year to the huddle"));

        const CairnctlRun history = as(kManager, {QStringLiteral("action-plan"), QStringLiteral("history"), id});
        QCOMPARE(history.exitCode, 0);
        const QList<QByteArray> versions = history.out.trimmed().split('\n');
        QCOMPARE(versions.size(), 2);
        QVERIFY(versions[0].contains("\topen\t"));
        QVERIFY(versions[1].contains("\tdone\t"));
    }
};

QTEST_GUILESS_MAIN(TestAssessment)
#include "test_assessment.moc"
