// Scripts that state the clinic's refill rules read them from the policy in force: every
// policy-driven value of the front-desk and lost/stolen scripts, in both languages, changes when
// the policy changes; the validator refuses a policy-bound script (shipped, or a clinic copy) that
// hard-codes a policy value, naming the field and the placeholder to use; and `cairnctl scripts
// validate` says so for a directory.

#include "core/clinical/policy.h"
#include "core/clinical/script_values.h"
#include "core/scripts/library.h"
#include "core/scripts/policy_placeholders.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using namespace cairn::scripts;

namespace {

QJsonObject shippedJson(const QString &language, const QString &id)
{
    QFile file(Library::shippedDirectory() + QStringLiteral("/%1/%2.json").arg(language, id));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no shipped script %s", qPrintable(id));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The script with phrasing [step][0] replaced.
QJsonObject withPhrasing(QJsonObject script, int step, const QString &text)
{
    QJsonArray steps = script[QStringLiteral("steps")].toArray();
    QJsonObject s = steps[step].toObject();
    QJsonArray phrasings = s[QStringLiteral("phrasings")].toArray();
    phrasings[0] = text;
    s[QStringLiteral("phrasings")] = phrasings;
    steps[step] = s;
    script[QStringLiteral("steps")] = steps;
    return script;
}

// Every phrasing, title and situation of a script rendered with a policy, joined.
QString rendered(const QString &language, const QString &id, const clinical::ClinicPolicy &policy)
{
    const Script filled =
        withPolicyTexts(scriptFromJson(shippedJson(language, id)), clinical::scriptPolicyTexts(policy, language));
    QStringList all{filled.title, filled.situation};
    for (const Step &step : filled.steps)
        all << step.phrasings;
    return all.join(QLatin1Char('\n'));
}

clinical::ClinicPolicy policy(const QJsonObject &overrides = {})
{
    auto shipped = clinical::ClinicPolicy::defaults();
    if (!shipped)
        qFatal("no shipped policy");
    auto changed = shipped->withOverrides(overrides);
    if (!changed)
        qFatal("%s", qPrintable(changed.error().line()));
    return *changed;
}

}  // namespace

class TestScriptPolicy : public QObject {
    Q_OBJECT
private slots:
    // Change the policy → the rendered script changes, in English and Spanish; nothing is left
    // unfilled.
    void eachPolicyValueIsRenderedInBothLanguages_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("byDefault");
        QTest::addColumn<QString>("afterChange");
        QTest::newRow("en notice") << "en"
                                   << "front-desk-refill-policy"
                                   << "notice of 4 business days"
                                   << "notice of 6 business days";
        QTest::newRow("es notice") << "es"
                                   << "front-desk-refill-policy"
                                   << "un aviso de 4 días hábiles"
                                   << "un aviso de 6 días hábiles";
        QTest::newRow("en supply") << "en"
                                   << "front-desk-refill-policy"
                                   << "at most 28 days of medicine"
                                   << "at most 14 days of medicine";
        QTest::newRow("es supply") << "es"
                                   << "front-desk-refill-policy"
                                   << "como máximo 28 días de medicina"
                                   << "como máximo 14 días de medicina";
        QTest::newRow("en weekdays") << "en"
                                     << "front-desk-refill-policy"
                                     << "We do not fill prescriptions on these days: Monday and Friday."
                                     << "We do not fill prescriptions on these days: Saturday and Sunday.";
        QTest::newRow("es weekdays") << "es"
                                     << "front-desk-refill-policy"
                                     << "No surtimos recetas estos días: lunes y viernes."
                                     << "No surtimos recetas estos días: sábado y domingo.";
        QTest::newRow("en police report") << "en"
                                          << "lost-stolen-rx"
                                          << "replaced only with a police report"
                                          << "replaced only after your clinician reviews what happened";
        QTest::newRow("es police report") << "es"
                                          << "lost-stolen-rx"
                                          << "solo se repone con un reporte policial"
                                          << "solo se repone después de que su clínico revise lo que pasó";
    }
    void eachPolicyValueIsRenderedInBothLanguages()
    {
        QFETCH(QString, language);
        QFETCH(QString, id);
        QFETCH(QString, byDefault);
        QFETCH(QString, afterChange);
        const QJsonObject change{
            {QStringLiteral("refill"), QJsonObject{{QStringLiteral("no_fill_weekdays"),
                                                    QJsonArray{QStringLiteral("saturday"), QStringLiteral("sunday")}},
                                                   {QStringLiteral("max_days_supply"), 14},
                                                   {QStringLiteral("notice_business_days"), 6},
                                                   {QStringLiteral("lost_or_stolen_needs_police_report"), false}}}};
        const QString before = rendered(language, id, policy());
        const QString after = rendered(language, id, policy(change));
        QVERIFY2(before.contains(byDefault), qPrintable(before));
        QVERIFY2(!before.contains(afterChange), qPrintable(before));
        QVERIFY2(after.contains(afterChange), qPrintable(after));
        QVERIFY2(!after.contains(byDefault), qPrintable(after));
        QVERIFY(!after.contains(QStringLiteral("{refill.")));
    }

    void theShippedPolicyBoundScriptsUsePlaceholdersAndPass()
    {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
            for (const QString &id : {QStringLiteral("front-desk-refill-policy"), QStringLiteral("lost-stolen-rx")}) {
                const QJsonObject json = shippedJson(language, id);
                QVERIFY(isPolicyBound(scriptFromJson(json)));
                const QList<Problem> problems = validateScript(json, id);
                QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().line()));
            }
        }
        // A script that states no refill rule is not bound: its own numbers are its business.
        QVERIFY(!isPolicyBound(scriptFromJson(shippedJson(QStringLiteral("en"), QStringLiteral("tapering")))));
    }

    void aHardCodedPolicyValueIsRefused_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("placeholder");  // empty: accepted
        QTest::newRow("digits, business days") << "en"
                                               << "Please call 4 business days ahead."
                                               << "refill.notice_business_days";
        QTest::newRow("words, business days") << "en"
                                              << "Please call four business days ahead."
                                              << "refill.notice_business_days";
        QTest::newRow("working days") << "en"
                                      << "We need 3 working days."
                                      << "refill.notice_business_days";
        QTest::newRow("es business days") << "es"
                                          << "Llame con cuatro días hábiles de anticipación."
                                          << "refill.notice_business_days";
        QTest::newRow("digits, days") << "en"
                                      << "We fill at most 28 days at a time."
                                      << "refill.max_days_supply";
        QTest::newRow("hyphenated supply") << "en"
                                           << "A 28-day supply is the most we give."
                                           << "refill.max_days_supply";
        QTest::newRow("es digits, days") << "es"
                                         << "Como máximo 28 días por surtido."
                                         << "refill.max_days_supply";
        QTest::newRow("weekday") << "en"
                                 << "It will be ready on Wednesday."
                                 << "refill.no_fill_weekdays";
        QTest::newRow("weekday plural") << "en"
                                        << "No fills on Fridays."
                                        << "refill.no_fill_weekdays";
        QTest::newRow("es weekday, accent") << "es"
                                            << "Estará lista el miércoles."
                                            << "refill.no_fill_weekdays";
        QTest::newRow("police report") << "en"
                                       << "Bring a police report."
                                       << "refill.lost_or_stolen_needs_police_report";
        QTest::newRow("es police report") << "es"
                                          << "Traiga un reporte policial."
                                          << "refill.lost_or_stolen_needs_police_report";
        QTest::newRow("unknown placeholder") << "en"
                                             << "Ask for {refill.coffee}."
                                             << "refill.coffee";
        // Numbers that are not policy, written in words, and the placeholders themselves pass.
        QTest::newRow("words, not policy") << "en"
                                           << "The nurse will call you in two days."
                                           << "";
        QTest::newRow("placeholder") << "en"
                                     << "We ask for notice of {refill.notice_business_days}."
                                     << "";
        QTest::newRow("today") << "en"
                               << "I'm sending your request to the team today."
                               << "";
    }
    void aHardCodedPolicyValueIsRefused()
    {
        QFETCH(QString, language);
        QFETCH(QString, text);
        QFETCH(QString, placeholder);
        const QJsonObject script =
            withPhrasing(shippedJson(language, QStringLiteral("front-desk-refill-policy")), 4, text);
        const QList<Problem> problems = validateScript(script, QStringLiteral("clinic copy"));
        if (placeholder.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().line()));
            return;
        }
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, QStringLiteral("steps[4].phrasings[0]"));
        QVERIFY2(problems.first().message.contains(QLatin1Char('{') + placeholder + QLatin1Char('}')),
                 qPrintable(problems.first().line()));
    }

    // A clinic copy of a policy-bound script stays bound after dropping every placeholder.
    void aClinicCopyWithoutPlaceholdersIsStillChecked()
    {
        QJsonObject copy = shippedJson(QStringLiteral("en"), QStringLiteral("front-desk-refill-policy"));
        copy[QStringLiteral("id")] = QStringLiteral("our-front-desk");
        copy[QStringLiteral("based_on")] = QStringLiteral("front-desk-refill-policy");
        copy[QStringLiteral("based_on_version")] = 2;
        QJsonArray steps;
        for (const QJsonValue &step : copy[QStringLiteral("steps")].toArray()) {
            QJsonObject s = step.toObject();
            QJsonArray plain;
            for (const QJsonValue &p : s[QStringLiteral("phrasings")].toArray())
                plain << p.toString()
                             .replace(QStringLiteral("{refill.notice_business_days}"),
                                      QStringLiteral("5 business days"))
                             .replace(QStringLiteral("{refill.max_days_supply}"), QStringLiteral("thirty days"))
                             .replace(QStringLiteral("{refill.no_fill_weekdays}"), QString());
            s[QStringLiteral("phrasings")] = plain;
            steps << s;
        }
        copy[QStringLiteral("steps")] = steps;
        const QList<Problem> problems = validateScript(copy, QStringLiteral("our-front-desk"));
        QVERIFY(!problems.isEmpty());
        for (const Problem &p : problems)
            QVERIFY2(p.message.contains(QStringLiteral("{refill.notice_business_days}")), qPrintable(p.line()));
    }

    void cairnctlRefusesAHardCodedValueInADirectory()
    {
        QTemporaryDir dir;
        const QString source = Library::shippedDirectory();
        QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString target = dir.filePath(QDir(source).relativeFilePath(file));
            QDir().mkpath(QFileInfo(target).absolutePath());
            QVERIFY(QFile::copy(file, target));
        }
        const QString path = dir.filePath(QStringLiteral("es/lost-stolen-rx.json"));
        const QJsonObject broken = withPhrasing(shippedJson(QStringLiteral("es"), QStringLiteral("lost-stolen-rx")), 4,
                                                QStringLiteral("Sin un reporte policial no puedo reponerla."));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(broken).toJson());
        file.close();
        QProcess run;
        run.start(qEnvironmentVariable("CAIRNCTL"),
                  {QStringLiteral("scripts"), QStringLiteral("validate"), dir.path()});
        QVERIFY(run.waitForFinished(30000));
        QCOMPARE(run.exitCode(), 2);
        const QByteArray err = run.readAllStandardError();
        QVERIFY2(err.contains("es/lost-stolen-rx.json: steps[4].phrasings[0]: hard-codes the police-report rule"),
                 err.constData());
        QVERIFY(err.contains("{refill.lost_or_stolen_needs_police_report}"));
    }
};

QTEST_GUILESS_MAIN(TestScriptPolicy)
#include "test_script_policy.moc"
