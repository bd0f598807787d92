// The case summary's content (core/reports/case_summary.h) and the case-conference rules
// (core/clinical/case_conference.h), from records built here: the regimen with each opioid's MME,
// the MME at each change of the regimen, the PEG baseline and its 30 % line, the open gaps and the
// open tasks; the new record kinds' JSON round trip and their refusals naming the field; the
// conference's status steps; the task worklist and the clinician meeting's list. The PDF, read back
// with pdftotext, gives screening and urine-test results in words ("low risk", "not as expected").

#include "core/clinical/case_conference.h"
#include "core/clinical/ltot.h"
#include "core/clinical/rules.h"
#include "core/domain/record_json.h"
#include "core/domain/validation.h"
#include "core/reports/case_summary.h"
#include "tests/support/pdf_text.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace cairn;
using namespace cairn::domain;

namespace {

struct Rules {
    clinical::ClinicPolicy policy = *clinical::ClinicPolicy::defaults();
    const clinical::MmeTable &table = *(*clinical::MmeTables::shipped())->find(QStringLiteral("cdc-2022"));
    const clinical::Instruments &instruments = **clinical::Instruments::shipped();
    clinical::RulesContext context() const { return {policy, table, instruments, {}}; }
};

const QDate kAsOf(2026, 11, 24);

OpioidEntry oxycodone(double mg, const QDate &start, const QDate &end = {})
{
    OpioidEntry e;
    e.drug = QStringLiteral("oxycodone");
    e.strengthMg = mg;
    e.dosesPerDay = 3;
    e.start = start;
    e.end = end;
    return e;
}

PegScore peg(const QDate &date, int pain, int enjoyment, int activity)
{
    PegScore p;
    p.date = date;
    p.pain = pain;
    p.enjoyment = enjoyment;
    p.activity = activity;
    return p;
}

Task task(const QString &owner, const QDate &due, TaskStatus status = TaskStatus::Open)
{
    Task t;
    t.meta.id = QUuid::createUuid();
    t.date = QDate(2026, 11, 1);
    t.text = QStringLiteral("Call the pharmacy");
    t.ownerRole = owner;
    t.due = due;
    t.status = status;
    return t;
}

Patient patient()
{
    Patient p;
    p.id = QStringLiteral("p-1");
    p.name = QStringLiteral("Dana Whitfield");
    p.birthDate = QDate(1961, 6, 14);
    p.ltotStart = QDate(2025, 6, 1);
    p.opioids << oxycodone(20, QDate(2026, 1, 5), QDate(2026, 3, 1)) << oxycodone(30, QDate(2026, 3, 2));
    p.peg << peg(QDate(2026, 10, 1), 6, 6, 6) << peg(QDate(2026, 6, 1), 8, 7, 6);  // out of order on purpose
    return p;
}

Result<reports::CaseSummary> summarise(const Patient &p, const QString &conference = {})
{
    const Rules rules;
    auto evaluation = clinical::evaluate(p, kAsOf, rules.context());
    if (!evaluation)
        return evaluation.error();
    return reports::caseSummary(p, *evaluation, clinical::ltotStatus(p, kAsOf, rules.policy), rules.table, kAsOf,
                                conference);
}

}  // namespace

// The summary rendered for a Spanish reader (catalogue and locale), as pdftotext reads it; empty
// when the catalogue does not load or the PDF cannot be read.
QString spanishPdfText(const reports::CaseSummary &summary)
{
    QTranslator spanish;
    if (!spanish.load(QStringLiteral(":/i18n/cairn_es.qm")) || !QCoreApplication::installTranslator(&spanish))
        return {};
    QLocale::setDefault(QLocale(QLocale::Spanish));
    const QByteArray pdf = reports::renderCaseSummary(summary);
    QCoreApplication::removeTranslator(&spanish);
    QLocale::setDefault(QLocale(QLocale::English));

    QTemporaryDir out;
    QFile file(out.filePath(QStringLiteral("resumen.pdf")));
    if (!out.isValid() || !file.open(QIODevice::WriteOnly))
        return {};
    file.write(pdf);
    file.close();
    return testing::pdfText(file.fileName());
}

class TestCaseSummary : public QObject {
    Q_OBJECT
private slots:
    void theRegimenAndTheMmeAtEachChange()
    {
        auto s = summarise(patient());
        QVERIFY2(s, qPrintable(s ? QString() : s.error().line()));
        QCOMPARE(s->totalMme, 135.0);
        QCOMPARE(s->regimen.size(), 1);  // the 20 mg entry ended in March
        QCOMPARE(*s->regimen.first().mmePerDay, 135.0);
        QCOMPARE(s->mmeHistory.size(), 2);
        QCOMPARE(s->mmeHistory.at(0).date, QDate(2026, 1, 5));
        QCOMPARE(s->mmeHistory.at(0).mmePerDay, 90.0);
        QCOMPARE(s->mmeHistory.at(1).date, QDate(2026, 3, 2));
        QCOMPARE(s->mmeHistory.at(1).mmePerDay, 135.0);
        // The second entry starts the day after the first ends: no day of zero between them.
        QVERIFY(std::none_of(s->mmeHistory.cbegin(), s->mmeHistory.cend(),
                             [](const reports::MmePoint &p) { return p.mmePerDay == 0; }));
    }

    void thePegBaselineIsTheFirstByDateAndTheLineIs30PercentBetter()
    {
        auto s = summarise(patient());
        QVERIFY(s);
        QCOMPARE(*s->pegBaseline, 7.0);
        QCOMPARE(*s->pegTarget, 7.0 * 0.7);
        const QJsonObject json = reports::caseSummaryToJson(*s);
        const QJsonArray scores = json[QStringLiteral("peg")][QStringLiteral("scores")].toArray();
        QCOMPARE(scores.at(0)[QStringLiteral("date")].toString(), QStringLiteral("2026-06-01"));
        QCOMPARE(scores.at(1)[QStringLiteral("mean")].toDouble(), 6.0);
        QCOMPARE(json[QStringLiteral("peg")][QStringLiteral("target")].toDouble(), 4.9);
    }

    void theOpenGapsAndOnlyTheOpenTasks()
    {
        Patient p = patient();
        p.tasks << task(QStringLiteral("nurse"), QDate(2026, 11, 30))
                << task(QStringLiteral("nurse"), QDate(2026, 11, 2), TaskStatus::Done);
        auto s = summarise(p);
        QVERIFY(s);
        QStringList codes;
        for (const auto &gap : s->gaps)
            codes << gap.code;
        QVERIFY(codes.contains(QStringLiteral("HIGH_DOSE")));
        QVERIFY(codes.contains(QStringLiteral("AGREEMENT")));
        const QJsonObject json = reports::caseSummaryToJson(*s);
        QCOMPARE(json[QStringLiteral("open_gaps")].toArray().size(), s->gaps.size());
        QCOMPARE(json[QStringLiteral("open_tasks")].toArray().size(), 1);
        QCOMPARE(json[QStringLiteral("patient")][QStringLiteral("age")].toInt(), 65);
    }

    void aConferenceOfAnotherPatientIsRefused()
    {
        Patient p = patient();
        CaseConference c;
        c.meta.id = QUuid::createUuid();
        c.date = QDate(2026, 11, 2);
        c.question = QStringLiteral("Taper?");
        p.caseConferences << c;
        auto mine = summarise(p, c.meta.id.toString(QUuid::WithoutBraces));
        QVERIFY(mine);
        QCOMPARE(mine->conference->question, QStringLiteral("Taper?"));
        auto other = summarise(p, QUuid::createUuid().toString(QUuid::WithoutBraces));
        QVERIFY(!other);
        QCOMPARE(other.error().field, QStringLiteral("conference"));
    }

    void theNewKindsRoundTripAndNameTheFieldTheyRefuse()
    {
        CaseConference c;
        c.date = QDate(2026, 11, 2);
        c.question = QStringLiteral("Taper?");
        c.status = ConferenceStatus::Discussed;
        c.meetingDate = QDate(2026, 11, 20);
        c.consultNote = QStringLiteral("Slowly.");
        Recommendation step;
        step.kind = RecommendationKind::TaperStep;
        step.text = QStringLiteral("25 mg three times a day");
        step.due = QDate(2026, 12, 15);
        step.targetMmePerDay = 112.5;
        c.recommendations << step;
        c.scripts << QStringLiteral("tapering");
        auto back = recordFromJson(QStringLiteral("case_conference"), recordToJson(AnyRecord(c)));
        QVERIFY2(back, qPrintable(back ? QString() : back.error().line()));
        QCOMPARE(std::get<CaseConference>(*back), c);

        const Task t = task(QStringLiteral("registry_manager"), QDate(2026, 12, 1));
        auto taskBack = recordFromJson(QStringLiteral("task"), recordToJson(AnyRecord(t)));
        QVERIFY(taskBack);
        Task expected = t;
        expected.meta = {};
        QCOMPARE(std::get<Task>(*taskBack), expected);

        QJsonObject noQuestion = recordToJson(AnyRecord(c));
        noQuestion.remove(QStringLiteral("question"));
        QCOMPARE(recordFromJson(QStringLiteral("case_conference"), noQuestion).error().field,
                 QStringLiteral("question"));
        c.status = ConferenceStatus::Scheduled;
        c.meetingDate = QDate();
        QCOMPARE(validate(c).error().field, QStringLiteral("meeting_date"));
        c.meetingDate = QDate(2026, 11, 20);
        c.recommendations.first().due = QDate();
        QCOMPARE(validate(c).error().field, QStringLiteral("recommendations[0].due"));
    }

    void aConferenceMovesOneStepAtATime()
    {
        using S = ConferenceStatus;
        QVERIFY(clinical::checkConferenceMove(S::Requested, S::Scheduled));
        QVERIFY(clinical::checkConferenceMove(S::Scheduled, S::Scheduled));  // moved to another meeting
        QVERIFY(clinical::checkConferenceMove(S::Requested, S::Requested));  // its question edited
        QVERIFY(clinical::checkConferenceMove(S::Scheduled, S::Discussed));
        QVERIFY(clinical::checkConferenceMove(S::Discussed, S::Closed));
        QCOMPARE(clinical::checkConferenceMove(S::Requested, S::Discussed).error().field, QStringLiteral("status"));
        QVERIFY(!clinical::checkConferenceMove(S::Closed, S::Requested));
        QVERIFY(!clinical::checkConferenceMove(S::Discussed, S::Scheduled));
    }

    void tasksAreOnTheirOwnersWorklistOverdueFirst()
    {
        Patient a = patient();
        a.tasks << task(QStringLiteral("nurse"), QDate(2026, 12, 1))
                << task(QStringLiteral("nurse"), QDate(2026, 11, 20))
                << task(QStringLiteral("registry_manager"), QDate(2026, 11, 1))
                << task(QStringLiteral("nurse"), QDate(2026, 11, 1), TaskStatus::Done);
        const auto nurse = clinical::openTasks({a}, keys::Role::Nurse, kAsOf);
        QCOMPARE(nurse.size(), 2);
        QCOMPARE(nurse.at(0).due, QDate(2026, 11, 20));
        QVERIFY(nurse.at(0).overdue);
        QVERIFY(!nurse.at(1).overdue);
        QCOMPARE(clinical::openTasks({a}, std::nullopt, kAsOf).size(), 3);
        QCOMPARE(clinical::checkTaskOwner(QStringLiteral("administrator")).error().field, QStringLiteral("owner_role"));
        QVERIFY(clinical::checkTaskOwner(QStringLiteral("front_desk")));
    }

    void theMeetingListHasWhatIsStillToDiscuss()
    {
        Patient a = patient();
        CaseConference requested;
        requested.date = QDate(2026, 11, 2);
        requested.question = QStringLiteral("First?");
        CaseConference scheduled = requested;
        scheduled.question = QStringLiteral("Second?");
        scheduled.status = ConferenceStatus::Scheduled;
        scheduled.meetingDate = QDate(2026, 11, 27);
        CaseConference closed = scheduled;
        closed.status = ConferenceStatus::Closed;
        a.caseConferences << requested << scheduled << closed;
        const auto list = clinical::conferencesToDiscuss({a}, kAsOf);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).question, QStringLiteral("Second?"));
        QCOMPARE(list.at(1).question, QStringLiteral("First?"));
    }

    // The PDF says results as the screen does, in words (core/reports/result_words.h), never the
    // stored values ("low", "unexpected").
    void thePdfGivesResultsInWords()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "poppler-utils (pdftotext) is needed: tools/install-deps.sh installs it");
        Patient p = patient();
        p.uds << UrineDrugScreen{{}, QDate(2026, 10, 1), UdsResult::Unexpected, {QStringLiteral("cocaine")}}
              << UrineDrugScreen{{}, QDate(2026, 11, 20), UdsResult::Pending, {}};
        auto s = summarise(p);
        QVERIFY(s);
        s->scores = {
            clinical::ScreeningScore{
                QStringLiteral("ort"), QDate(2026, 9, 1), 3, QStringLiteral("tier"), QStringLiteral("low"), {}},
            clinical::ScreeningScore{
                QStringLiteral("phq9"), QDate(2026, 9, 1), 12, QStringLiteral("band"), QStringLiteral("moderate"), {}}};
        QTemporaryDir out;
        QVERIFY(out.isValid());
        QFile file(out.filePath(QStringLiteral("summary.pdf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(reports::renderCaseSummary(*s));
        file.close();
        const QString text = testing::pdfText(file.fileName());
        QVERIFY(!text.isEmpty());
        for (const QString &phrase : {QStringLiteral("ORT 3 (low risk)"), QStringLiteral("PHQ-9 12 (moderate)"),
                                      QStringLiteral("1 Oct 2026 Urine drug test not as expected: cocaine"),
                                      QStringLiteral("20 Nov 2026 Urine drug test result pending")})
            QVERIFY2(text.contains(testing::squeezed(phrase)), qPrintable(phrase + QStringLiteral(" in ") + text));
        for (const QString &stored : {QStringLiteral("(low)"), QStringLiteral("Urine drug test unexpected"),
                                      QStringLiteral("Urine drug test pending")})
            QVERIFY2(!text.contains(testing::squeezed(stored)), qPrintable(stored));
    }

    // A clinician reading in Spanish gets the whole summary in Spanish: headings, table labels,
    // sentences, results, dates as Spanish writes them and decimals with a comma; no English heading
    // is left. (The tablet and `cairnctl case-summary --lang es` install the same catalogue.)
    void thePdfIsInTheReadersLanguage()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "poppler-utils (pdftotext) is needed: tools/install-deps.sh installs it");
        Patient p = patient();
        p.sex = Sex::Female;
        p.opioids.last().strengthMg = 7.5;
        p.uds << UrineDrugScreen{{}, QDate(2026, 10, 1), UdsResult::Unexpected, {QStringLiteral("cocaine")}};
        auto s = summarise(p);
        QVERIFY(s);
        s->scores = {clinical::ScreeningScore{
            QStringLiteral("ort"), QDate(2026, 9, 1), 3, QStringLiteral("tier"), QStringLiteral("low"), {}}};

        const QString text = spanishPdfText(*s);
        QVERIFY2(!text.isEmpty(), "the Spanish catalogue loads and pdftotext reads the PDF");
        for (const QString &phrase :
             {QStringLiteral("Resumen del caso: Dana Whitfield"), QStringLiteral("nacimiento 14 jun 1961"),
              QStringLiteral("Diagnóstico e indicación"), QStringLiteral("Pauta actual: 33,8 MME/día"),
              QStringLiteral("Sedantes y otros medicamentos"), QStringLiteral("Tendencia del PEG"),
              QStringLiteral("Pruebas de drogas en orina y consultas al PDMP"),
              QStringLiteral("Brechas de atención abiertas"), QStringLiteral("1 oct 2026 Prueba de drogas en"),
              QStringLiteral("distinto de lo esperado: cocaine"), QStringLiteral("ORT 3 (riesgo bajo)"),
              QStringLiteral("7,5 mg"), QStringLiteral("Página 1")})
            QVERIFY2(text.contains(testing::squeezed(phrase)), qPrintable(phrase + QStringLiteral(" in ") + text));
        for (const QString &english :
             {QStringLiteral("Case summary"), QStringLiteral("Diagnosis and indication"),
              QStringLiteral("Current regimen"), QStringLiteral("Sedatives and other medications"),
              QStringLiteral("PEG trend"), QStringLiteral("Urine drug tests and PDMP checks"),
              QStringLiteral("Agreements, naloxone and tapers"), QStringLiteral("Referrals, goals and open tasks"),
              QStringLiteral("Open care gaps"), QStringLiteral("Oct 2026"), QStringLiteral("2026-10-01"),
              QStringLiteral("Page 1")})
            QVERIFY2(!text.contains(testing::squeezed(english)), qPrintable(english));
    }
    // What the rules engine and the forms store as codes reaches a Spanish reader in Spanish: each
    // open gap's reason as the gap cards give it, a referral's kind of care as the directory names
    // it, and the patient's language by its name. Free text (where the referral went) stays as recorded.
    void theSpanishPdfNamesGapsReferralsAndTheLanguageInSpanish()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "poppler-utils (pdftotext) is needed: tools/install-deps.sh installs it");
        Patient p = patient();
        p.language = QStringLiteral("en");
        Referral referral;
        referral.meta.id = QUuid::createUuid();
        referral.date = QDate(2026, 10, 15);
        referral.type = QStringLiteral("pain_specialist");
        referral.to = QStringLiteral("Valley Pain Clinic");
        referral.status = ReferralStatus::Sent;
        referral.question = QStringLiteral("A plan for her knee pain?");
        p.referrals << referral;
        auto s = summarise(p);
        QVERIFY(s);
        QVERIFY2(!s->gaps.isEmpty(), "the patient has open gaps to name");

        const QString text = spanishPdfText(*s);
        QVERIFY2(!text.isEmpty(), "the Spanish catalogue loads and pdftotext reads the PDF");
        for (const QString &phrase : {QStringLiteral("idioma inglés"), QStringLiteral("Especialista en dolor"),
                                      QStringLiteral("Valley Pain Clinic")})
            QVERIFY2(text.contains(testing::squeezed(phrase)), qPrintable(phrase + QStringLiteral(" in ") + text));
        for (const QString &stored : {QStringLiteral("idioma en "), QStringLiteral("pain_specialist")})
            QVERIFY2(!text.contains(testing::squeezed(stored)), qPrintable(stored));
        for (const clinical::CareGap &gap : std::as_const(s->gaps)) {
            const QString spanishReason = clinical::gapReason(gap.code, QStringLiteral("es"));
            const QString englishReason = clinical::gapReason(gap.code, QStringLiteral("en"));
            QVERIFY(spanishReason != englishReason);
            // The table wraps a long reason: its first words are enough to find it.
            const QString start = spanishReason.section(QLatin1Char(' '), 0, 3);
            const QString englishStart = englishReason.section(QLatin1Char(' '), 0, 3);
            QVERIFY2(text.contains(testing::squeezed(start)), qPrintable(start + QStringLiteral(" in ") + text));
            QVERIFY2(!text.contains(testing::squeezed(englishStart)), qPrintable(englishStart));
        }
    }
};

// A QGuiApplication: the PDF is laid out with fonts.
QTEST_MAIN(TestCaseSummary)
#include "test_case_summary.moc"
