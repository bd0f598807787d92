// The conversation-script library: the shipped scripts are complete in both languages and pass
// validation; the validator catches what reviewers must never ship; ranking puts the fitting
// script first.

#include "core/scripts/library.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn::scripts;

namespace {

const QStringList kRequiredIds{QStringLiteral("tapering"),
                               QStringLiteral("unexpected-uds"),
                               QStringLiteral("early-refill"),
                               QStringLiteral("lost-stolen-rx"),
                               QStringLiteral("declining-opioids"),
                               QStringLiteral("new-patient-on-opioids"),
                               QStringLiteral("new-patient-bridge"),
                               QStringLiteral("boundary-setting"),
                               QStringLiteral("function-goals-peg"),
                               QStringLiteral("offering-naloxone"),
                               QStringLiteral("phq9-item9-safety"),
                               QStringLiteral("front-desk-refill-policy"),
                               QStringLiteral("rooming-urine-sample"),
                               QStringLiteral("introducing-peg")};

// A copy of the shipped scripts to break on purpose.
QString copyShipped(const QTemporaryDir &dir)
{
    const QString source = Library::shippedDirectory();
    QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = dir.filePath(QDir(source).relativeFilePath(file));
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::copy(file, target);
    }
    return dir.path();
}

void editJson(const QString &path, const std::function<void(QJsonObject &)> &edit)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    edit(o);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(o).toJson());
}

bool hasProblem(const QList<Problem> &problems, const QString &file, const QString &field, const QString &words)
{
    return std::any_of(problems.cbegin(), problems.cend(), [&](const Problem &p) {
        return p.file == file && p.field.startsWith(field) && p.message.contains(words);
    });
}

QStringList ids(const QList<Script> &scripts)
{
    QStringList list;
    for (const auto &s : scripts)
        list << s.id;
    return list;
}

}  // namespace

class TestScripts : public QObject {
    Q_OBJECT
private slots:
    void shippedScriptsAreCompleteAndValid()
    {
        const QList<Problem> problems = Library::validate(Library::shippedDirectory());
        for (const Problem &p : problems)
            qWarning("%s", qPrintable(p.line()));
        QVERIFY(problems.isEmpty());
        auto library = Library::shipped();
        QVERIFY(library.ok());
        QCOMPARE((*library)->languages().size(), 2);
        for (const QString &id : kRequiredIds) {
            for (const char *lang : {"en", "es"}) {
                const Script *s = (*library)->find(id, QLatin1String(lang));
                QVERIFY2(s, qPrintable(id + QLatin1Char('/') + QLatin1String(lang)));
                QVERIFY(!s->sources.isEmpty());
            }
        }
        const Script *safety = (*library)->find(QStringLiteral("phq9-item9-safety"), QStringLiteral("en"));
        QVERIFY(std::any_of(safety->steps.cbegin(), safety->steps.cend(), [](const Step &s) {
            return s.kind == QLatin1String("safety_net") &&
                   s.phrasings.join(QLatin1Char(' ')).contains(QStringLiteral("988"));
        }));
        QVERIFY((*library)
                    ->find(QStringLiteral("phq9-item9-safety"), QStringLiteral("es"))
                    ->steps.last()
                    .phrasings.join(QLatin1Char(' '))
                    .contains(QStringLiteral("988")));
    }

    void unknownTriggerIsCaught()
    {
        QTemporaryDir dir;
        const QString root = copyShipped(dir);
        editJson(root + QStringLiteral("/en/tapering.json"), [](QJsonObject &o) {
            o[QStringLiteral("triggers")] =
                QJsonObject{{QStringLiteral("gaps"), QJsonArray{QStringLiteral("HIGH_DOSES")}},
                            {QStringLiteral("events"), QJsonArray{}}};
        });
        const auto problems = Library::validate(root);
        QVERIFY(hasProblem(problems, QStringLiteral("en/tapering.json"), QStringLiteral("triggers.gaps"),
                           QStringLiteral("HIGH_DOSES")));
    }

    void missingTranslationIsCaught()
    {
        QTemporaryDir dir;
        const QString root = copyShipped(dir);
        QVERIFY(QFile::remove(root + QStringLiteral("/es/early-refill.json")));
        const auto problems = Library::validate(root);
        QVERIFY(hasProblem(problems, QStringLiteral("es/early-refill.json"), QStringLiteral("id"),
                           QStringLiteral("missing translation")));
    }

    void missingSourceIsCaught()
    {
        QTemporaryDir dir;
        const QString root = copyShipped(dir);
        editJson(root + QStringLiteral("/es/offering-naloxone.json"),
                 [](QJsonObject &o) { o[QStringLiteral("sources")] = QJsonArray{}; });
        QVERIFY(hasProblem(Library::validate(root), QStringLiteral("es/offering-naloxone.json"),
                           QStringLiteral("sources"), QStringLiteral("cite")));
    }

    void stigmatizingTermIsCaughtInEitherLanguage_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("term");
        QTest::newRow("en addict") << QStringLiteral("en/tapering.json")
                                   << QStringLiteral("Some addicts struggle with this.") << QStringLiteral("addicts");
        QTest::newRow("en dirty, any case") << QStringLiteral("en/unexpected-uds.json")
                                            << QStringLiteral("Your sample was DIRTY.") << QStringLiteral("dirty");
        QTest::newRow("es adicto, accents") << QStringLiteral("es/tapering.json")
                                            << QStringLiteral("Usted no es un Adicto.") << QStringLiteral("adicto");
        QTest::newRow("es orina sucia") << QStringLiteral("es/unexpected-uds.json")
                                        << QStringLiteral("Su orina sucia nos preocupa.")
                                        << QStringLiteral("orina sucia");
    }

    void stigmatizingTermIsCaughtInEitherLanguage()
    {
        QFETCH(QString, file);
        QFETCH(QString, text);
        QFETCH(QString, term);
        QTemporaryDir dir;
        const QString root = copyShipped(dir);
        editJson(root + QLatin1Char('/') + file, [&](QJsonObject &o) {
            QJsonArray steps = o[QStringLiteral("steps")].toArray();
            QJsonObject first = steps.at(1).toObject();
            first[QStringLiteral("phrasings")] = QJsonArray{text, QStringLiteral("A second phrasing.")};
            steps[1] = first;
            o[QStringLiteral("steps")] = steps;
        });
        QVERIFY(hasProblem(Library::validate(root), file, QStringLiteral("steps[1].phrasings[0]"), term));
    }

    void wordsInsideOtherWordsAreNotFlagged()
    {
        QTemporaryDir dir;
        const QString root = copyShipped(dir);
        // "addiction" and "cleaning" are not the listed words "addict" or "clean urine".
        editJson(root + QStringLiteral("/en/tapering.json"), [](QJsonObject &o) {
            o[QStringLiteral("situation")] =
                QStringLiteral("We talk about addiction treatment and cleaning the pill bottle.");
        });
        QVERIFY(Library::validate(root).isEmpty());
    }

    void rankingPutsTheFittingScriptFirst()
    {
        auto library = Library::shipped();
        QVERIFY(library.ok());
        // The latest urine screen is unexpected (plus a routine gap).
        PatientSituation uds{{{QStringLiteral("UDS_UNEXPECTED"), QStringLiteral("high")},
                              {QStringLiteral("AGREEMENT"), QStringLiteral("medium")}},
                             {},
                             {}};
        QCOMPARE((*library)->rank(uds, QStringLiteral("en")).first().id, QStringLiteral("unexpected-uds"));
        QCOMPARE((*library)->rank(uds, QStringLiteral("es")).first().id, QStringLiteral("unexpected-uds"));

        // 95 MME: HIGH_DOSE and NALOXONE (both high), PEG due soon.
        PatientSituation highDose{{{QStringLiteral("HIGH_DOSE"), QStringLiteral("high")},
                                   {QStringLiteral("NALOXONE"), QStringLiteral("high")},
                                   {QStringLiteral("PEG"), QStringLiteral("low")}},
                                  {},
                                  {}};
        const QStringList top = ids((*library)->rank(highDose, QStringLiteral("en"))).mid(0, 2);
        QVERIFY2(top.contains(QStringLiteral("tapering")), qPrintable(top.join(QLatin1Char(','))));
        QVERIFY2(top.contains(QStringLiteral("offering-naloxone")), qPrintable(top.join(QLatin1Char(','))));

        // A positive item 9 outranks everything else.
        PatientSituation crisis{{{QStringLiteral("SUICIDE_RISK"), QStringLiteral("urgent")},
                                 {QStringLiteral("HIGH_DOSE"), QStringLiteral("high")},
                                 {QStringLiteral("UDS_UNEXPECTED"), QStringLiteral("high")}},
                                {QStringLiteral("patient_distressed_or_angry")},
                                {}};
        QCOMPARE((*library)->rank(crisis, QStringLiteral("en")).first().id, QStringLiteral("phq9-item9-safety"));

        // Events count, and the audience filter holds.
        PatientSituation call{{}, {QStringLiteral("front_desk_refill_call")}, QStringLiteral("front_desk")};
        QCOMPARE(ids((*library)->rank(call, QStringLiteral("en"))),
                 QStringList{QStringLiteral("front-desk-refill-policy")});
        QVERIFY((*library)->rank(PatientSituation{}, QStringLiteral("en")).isEmpty());
    }

    void idsForTriggerListEveryFittingScript()
    {
        auto library = Library::shipped();
        QVERIFY((*library)->idsForTrigger(QStringLiteral("NALOXONE")).contains(QStringLiteral("offering-naloxone")));
        QCOMPARE((*library)->idsForTrigger(QStringLiteral("SUICIDE_RISK")),
                 QStringList{QStringLiteral("phq9-item9-safety")});
        QVERIFY((*library)->idsForTrigger(QStringLiteral("NOT_A_GAP")).isEmpty());
    }

    void cairnctlValidatesDirectories()
    {
        QProcess good;
        good.start(qEnvironmentVariable("CAIRNCTL"),
                   {QStringLiteral("scripts"), QStringLiteral("validate"), Library::shippedDirectory()});
        QVERIFY(good.waitForFinished(30000));
        QCOMPARE(good.exitCode(), 0);

        QTemporaryDir dir;
        const QString root = copyShipped(dir);
        QVERIFY(QFile::remove(root + QStringLiteral("/es/tapering.json")));
        editJson(root + QStringLiteral("/en/early-refill.json"),
                 [](QJsonObject &o) { o[QStringLiteral("sources")] = QJsonArray{}; });
        QProcess bad;
        bad.start(qEnvironmentVariable("CAIRNCTL"), {QStringLiteral("scripts"), QStringLiteral("validate"), root});
        QVERIFY(bad.waitForFinished(30000));
        QCOMPARE(bad.exitCode(), 2);
        const QByteArray err = bad.readAllStandardError();
        QVERIFY(err.contains("es/tapering.json: id: missing translation"));
        QVERIFY(err.contains("en/early-refill.json: sources:"));
    }
};

QTEST_GUILESS_MAIN(TestScripts)
#include "test_scripts.moc"
