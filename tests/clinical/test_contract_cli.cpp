// The rules contract's worked examples (shared/spec/examples), through the library and through
// the real `cairnctl` binary, and bad input: exit 2, one line naming the field, nothing on stdout.

#include "core/clinical/contract_json.h"
#include "core/scripts/library.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace cairn::clinical;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

QString examplesDir()
{
    return QStringLiteral(CAIRN_SHARED_DIR "/spec/examples");
}

struct Run {
    int exitCode;
    QByteArray out;
    QByteArray err;
};

Run cairnctl(const QString &command, const QByteArray &input)
{
    QProcess process;
    process.start(qEnvironmentVariable("CAIRNCTL"), {command});
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(30000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// The README of the examples: compare the fields shown exactly, gaps as a set of (code, status, due).
void compareToExpected(const QJsonObject &actual, const QJsonObject &expected)
{
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (it.key() == QLatin1String("gaps")) {
            QSet<QString> want;
            QSet<QString> got;
            for (const QJsonValue &g : it.value().toArray())
                want.insert(QJsonDocument(QJsonObject{{QStringLiteral("code"), g[QStringLiteral("code")]},
                                                      {QStringLiteral("status"), g[QStringLiteral("status")]},
                                                      {QStringLiteral("due"), g[QStringLiteral("due")]}})
                                .toJson(QJsonDocument::Compact));
            for (const QJsonValue &g : actual.value(QStringLiteral("gaps")).toArray())
                got.insert(QJsonDocument(QJsonObject{{QStringLiteral("code"), g[QStringLiteral("code")]},
                                                     {QStringLiteral("status"), g[QStringLiteral("status")]},
                                                     {QStringLiteral("due"), g[QStringLiteral("due")]}})
                               .toJson(QJsonDocument::Compact));
            QCOMPARE(got, want);
        } else if (it.value().isObject()) {
            compareToExpected(actual.value(it.key()).toObject(), it.value().toObject());
        } else if (it.value().isArray()) {
            const QJsonArray want = it.value().toArray();
            const QJsonArray got = actual.value(it.key()).toArray();
            QCOMPARE(got.size(), want.size());
            for (qsizetype i = 0; i < want.size(); ++i) {
                if (want.at(i).isObject())
                    compareToExpected(got.at(i).toObject(), want.at(i).toObject());
                else
                    QCOMPARE(got.at(i), want.at(i));
            }
        } else {
            QVERIFY2(actual.value(it.key()) == it.value(), qPrintable(it.key()));
        }
    }
}

}  // namespace

class TestContractCli : public QObject {
    Q_OBJECT
private slots:
    void sharedExamples_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList inputs =
            QDir(examplesDir()).entryList({QStringLiteral("*.input.json")}, QDir::Files, QDir::Name);
        QVERIFY(inputs.size() >= 4);
        for (const QString &input : inputs)
            QTest::newRow(qPrintable(input)) << input.chopped(int(qstrlen(".input.json")));
    }

    void sharedExamples()
    {
        QFETCH(QString, name);
        const QByteArray input = readFile(examplesDir() + QLatin1Char('/') + name + QStringLiteral(".input.json"));
        const QJsonObject expected = QJsonDocument::fromJson(readFile(examplesDir() + QLatin1Char('/') + name +
                                                                      QStringLiteral(".expected.json")))
                                         .object();
        const bool refill = name.startsWith(QLatin1String("refill"));

        auto library = cairn::scripts::Library::shipped();
        QVERIFY(library.ok());
        const ScriptsForGap scripts = [lib = *library](const QString &code) { return lib->idsForTrigger(code); };
        const CliOutcome inProcess = refill ? refillCheckJson(input, scripts) : evaluateJson(input, scripts);
        QCOMPARE(inProcess.exitCode, 0);
        compareToExpected(QJsonDocument::fromJson(inProcess.out).object(), expected);

        const Run run = cairnctl(refill ? QStringLiteral("refill-check") : QStringLiteral("evaluate"), input);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        compareToExpected(QJsonDocument::fromJson(run.out).object(), expected);
        QCOMPARE(run.out, inProcess.out);
        if (!refill) {
            // MME figures print with one decimal, as the contract shows them.
            QVERIFY(run.out.contains(
                QByteArray("\"total_per_day\": ") +
                QByteArray::number(expected[QStringLiteral("mme")][QStringLiteral("total_per_day")].toDouble(), 'f',
                                   1)));
            const QJsonObject actual = QJsonDocument::fromJson(run.out).object();
            QVERIFY(!actual.value(QStringLiteral("policy_version")).toString().isEmpty());
            QVERIFY(
                !actual.value(QStringLiteral("mme")).toObject().value(QStringLiteral("caution")).toString().isEmpty());
            // Each gap names who closes it, why, and the conversation scripts that fit it.
            for (const QJsonValue &gap : actual.value(QStringLiteral("gaps")).toArray()) {
                QVERIFY(!gap[QStringLiteral("role")].toString().isEmpty());
                QVERIFY(!gap[QStringLiteral("reason")].toString().isEmpty());
                if (gap[QStringLiteral("code")] == QStringLiteral("NALOXONE"))
                    QVERIFY(gap[QStringLiteral("scripts")].toArray().contains(QStringLiteral("offering-naloxone")));
            }
        }
    }

    // The front desk's answers for a new patient reach the check: under the default policy
    // (records first) a new patient's first fill waits for the prior records and a urine test.
    void refillCheckTakesTheFrontDesksNewPatientAnswers()
    {
        const QByteArray base =
            R"("as_of":"2026-06-26","requested_fill_date":"2026-07-02","days_supply":28,"last_fill":{"date":"2026-06-05","days_supply":28})";
        const auto check = [&](const QByteArray &extra) {
            const Run run = cairnctl(QStringLiteral("refill-check"), "{" + base + extra + "}");
            [&] { QCOMPARE(run.exitCode, 0); }();
            return QJsonDocument::fromJson(run.out).object();
        };
        QCOMPARE(check("")[QStringLiteral("decision")].toString(), QStringLiteral("allowed"));
        const QJsonObject waiting = check(R"(,"new_patient":true)");
        QCOMPARE(waiting[QStringLiteral("decision")].toString(), QStringLiteral("not_allowed_by_policy"));
        QVERIFY(waiting[QStringLiteral("reasons")].toArray().contains(QStringLiteral("NEW_PATIENT_RECORDS_FIRST")));
        const QJsonObject ready = check(
            R"(,"new_patient":true,"prior_records_received":true,"patient":{"sex":"female","uds":[{"date":"2026-06-20","result":"expected"}]})");
        QVERIFY2(!ready[QStringLiteral("reasons")].toArray().contains(QStringLiteral("NEW_PATIENT_RECORDS_FIRST")),
                 QJsonDocument(ready).toJson().constData());
        // Under a 30-day bridge from today, a 28-day supply from 2026-07-02 runs past its end.
        const QJsonObject bridge =
            check(R"(,"new_patient":true,"policy":{"new_patient":{"mode":"bridge","bridge_days":30}})");
        QCOMPARE(bridge[QStringLiteral("reasons")].toArray(),
                 QJsonArray{QStringLiteral("NEW_PATIENT_BRIDGE_TOO_LONG")});
        const QJsonObject longer =
            check(R"(,"new_patient":true,"policy":{"new_patient":{"mode":"bridge","bridge_days":45}})");
        QCOMPARE(longer[QStringLiteral("reasons")].toArray(), QJsonArray{QStringLiteral("NEW_PATIENT_BRIDGE")});
        QCOMPARE(longer[QStringLiteral("decision")].toString(), QStringLiteral("needs_review"));
    }

    void badInputExitsTwoWithOneLineNamingTheField_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("malformed JSON") << QStringLiteral("evaluate") << QByteArray("{\"as_of\": ")
                                        << QByteArray("input:");
        QTest::newRow("impossible date") << QStringLiteral("evaluate")
                                         << QByteArray(R"({"as_of":"2026-02-30","patient":{}})")
                                         << QByteArray("as_of:");
        QTest::newRow("unknown drug")
            << QStringLiteral("evaluate")
            << QByteArray(
                   R"({"as_of":"2026-07-01","patient":{"sex":"male","opioids":[{"drug":"heroine","strength_mg":5,"doses_per_day":1,"start":"2026-01-01"}]}})")
            << QByteArray("patient.opioids[0].drug:");
        QTest::newRow("unknown instrument")
            << QStringLiteral("evaluate")
            << QByteArray(
                   R"({"as_of":"2026-07-01","patient":{"sex":"male","screenings":[{"instrument":"phq10","date":"2026-01-01","answers":[1]}]}})")
            << QByteArray("patient.screenings[0].instrument:");
        QTest::newRow("answer out of range")
            << QStringLiteral("evaluate")
            << QByteArray(
                   R"({"as_of":"2026-07-01","patient":{"sex":"male","screenings":[{"instrument":"gad2","date":"2026-01-01","answers":[1,7]}]}})")
            << QByteArray("patient.screenings[0].answers[1]:");
        QTest::newRow("peg out of range")
            << QStringLiteral("evaluate")
            << QByteArray(
                   R"({"as_of":"2026-07-01","patient":{"sex":"male","peg":[{"date":"2026-01-01","pain":11,"enjoyment":1,"activity":1}]}})")
            << QByteArray("patient.peg[0].pain:");
        QTest::newRow("unknown table") << QStringLiteral("evaluate")
                                       << QByteArray(R"({"as_of":"2026-07-01","mme_table":"cdc-1999","patient":{}})")
                                       << QByteArray("mme_table:");
        QTest::newRow("bad policy") << QStringLiteral("evaluate")
                                    << QByteArray(
                                           R"({"as_of":"2026-07-01","policy":{"due_soon_days":-1},"patient":{}})")
                                    << QByteArray("policy.due_soon_days:");
        // Input the error quotes keeps the error on one line (a line break becomes U+FFFD).
        QTest::newRow("date with a line break")
            << QStringLiteral("evaluate") << QByteArray(R"({"as_of":"2026-07-01\n","patient":{}})")
            << QByteArray("as_of:");
        QTest::newRow("policy key with a line break")
            << QStringLiteral("evaluate")
            << QByteArray(R"({"as_of":"2026-07-01","policy":{"due\nsoon":1},"patient":{}})")
            << QByteArray("policy.due\xEF\xBF\xBDsoon:");
        QTest::newRow("answer key with a line break")
            << QStringLiteral("evaluate")
            << QByteArray(
                   R"({"as_of":"2026-07-01","patient":{"sex":"female","screenings":[{"instrument":"ort","date":"2026-01-01","answers":{"family\nalcohol":true}}]}})")
            << QByteArray("patient.screenings[0].answers.family\xEF\xBF\xBD"
                          "alcohol:");
        QTest::newRow("refill bad reason")
            << QStringLiteral("refill-check")
            << QByteArray(
                   R"({"as_of":"2026-06-29","requested_fill_date":"2026-07-03","days_supply":28,"last_fill":{"date":"2026-06-05","days_supply":28},"reason":"bored"})")
            << QByteArray("reason:");
        QTest::newRow("refill impossible date")
            << QStringLiteral("refill-check")
            << QByteArray(
                   R"({"as_of":"2026-06-31","requested_fill_date":"2026-07-03","days_supply":28,"last_fill":{"date":"2026-06-05","days_supply":28}})")
            << QByteArray("as_of:");
        QTest::newRow("refill new patient not a yes or no")
            << QStringLiteral("refill-check")
            << QByteArray(
                   R"({"as_of":"2026-06-29","requested_fill_date":"2026-07-03","days_supply":28,"last_fill":{"date":"2026-06-05","days_supply":28},"new_patient":"yes"})")
            << QByteArray("new_patient:");
        QTest::newRow("refill missing last fill")
            << QStringLiteral("refill-check")
            << QByteArray(R"({"as_of":"2026-06-29","requested_fill_date":"2026-07-03","days_supply":28})")
            << QByteArray("last_fill:");
    }

    void badInputExitsTwoWithOneLineNamingTheField()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, field);
        const Run run = cairnctl(command, input);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        const QList<QByteArray> lines = run.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(QByteArray("cairnctl: ") + field), lines.first().constData());
    }
};

QTEST_GUILESS_MAIN(TestContractCli)
#include "test_contract_cli.moc"
