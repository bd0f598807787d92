#include "core/reports/case_summary.h"

#include "core/clinical/decisions.h"
#include "core/clinical/mme.h"
#include "core/clinical/rules.h"
#include "core/domain/record_json.h"
#include "core/reports/pdf_document.h"
#include "core/reports/record_words.h"
#include "core/reports/result_words.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace cairn::reports {
namespace {

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

// The day a record is about: its date, or its start for a regimen entry.
template <typename T> QDate dayOf(const T &record)
{
    if constexpr (requires { record.date; })
        return record.date;
    else
        return record.start;
}

template <typename T> QList<T> byDate(QList<T> records)
{
    std::stable_sort(records.begin(), records.end(), [](const T &a, const T &b) { return dayOf(a) < dayOf(b); });
    return records;
}

// Every day the daily MME may change (an entry starts, or the day after one ends), up to asOf.
Result<QList<MmePoint>> mmeHistory(const domain::Patient &patient, const clinical::MmeTable &table, const QDate &asOf)
{
    QList<QDate> days;
    for (const domain::OpioidEntry &e : patient.opioids) {
        days << e.start;
        if (e.end.isValid())
            days << e.end.addDays(1);
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    QList<MmePoint> points;
    for (const QDate &day : std::as_const(days)) {
        if (!day.isValid() || day > asOf)
            continue;
        auto mme = clinical::computeMme(patient.opioids, day, table);
        if (!mme)
            return mme.error();
        if (points.isEmpty() || std::abs(points.last().mmePerDay - mme->totalPerDay) > 1e-9)
            points << MmePoint{day, mme->totalPerDay};
    }
    return points;
}

QJsonArray recordsJson(const auto &records)
{
    QJsonArray list;
    for (const auto &record : records) {
        QJsonObject o = domain::recordToJson(domain::AnyRecord(record));
        if (!record.meta.id.isNull())
            o.insert(QStringLiteral("id"), record.meta.id.toString(QUuid::WithoutBraces));
        list.append(o);
    }
    return list;
}

QList<domain::Task> openTasksOf(const domain::Patient &patient)
{
    QList<domain::Task> open;
    for (const domain::Task &t : patient.tasks)
        if (t.status == domain::TaskStatus::Open)
            open << t;
    std::stable_sort(open.begin(), open.end(), [](const auto &a, const auto &b) { return a.due < b.due; });
    return open;
}

// A chart's date labels, thinned so that they never overlap: every point keeps its place, but with
// many points only every k-th is named (at most kMaxChartLabels, a label's width apart on the
// page), and always the latest, which takes the place of the last one named before it.
constexpr qsizetype kMaxChartLabels = 8;
QStringList thinnedLabels(const QStringList &labels)
{
    const qsizetype n = labels.size();
    const qsizetype every = std::max<qsizetype>(1, (n + kMaxChartLabels - 1) / kMaxChartLabels);
    QStringList shown(n);
    for (qsizetype i = 0; i < n; i += every)
        shown[i] = labels.at(i);
    if (n > 0 && shown.at(n - 1).isEmpty()) {
        shown[(n - 1) / every * every].clear();
        shown[n - 1] = labels.at(n - 1);
    }
    return shown;
}

}  // namespace

Result<CaseSummary> caseSummary(const domain::Patient &patient, const clinical::Evaluation &evaluation,
                                const clinical::LtotStatus &ltot, const clinical::MmeTable &table, const QDate &asOf,
                                const QString &conferenceId)
{
    CaseSummary s;
    s.asOf = asOf;
    s.patient = patient;
    s.ltot = ltot;
    s.tier = evaluation.tier;
    if (!conferenceId.isEmpty()) {
        const QUuid id = QUuid::fromString(conferenceId);
        for (const domain::CaseConference &c : patient.caseConferences)
            if (!id.isNull() && c.meta.id == id)
                s.conference = c;
        if (!s.conference)
            return Error{QStringLiteral("conference"),
                         QStringLiteral("%1 is not a case conference of this patient").arg(conferenceId)};
    }
    s.totalMme = evaluation.mme.totalPerDay;
    s.band = evaluation.mme.band;
    qsizetype item = 0;
    for (const domain::OpioidEntry &e : patient.opioids) {
        if (!clinical::isActiveOn(e.start, e.end, asOf))
            continue;
        const clinical::MmeItem mme =
            item < evaluation.mme.items.size() ? evaluation.mme.items.at(item) : clinical::MmeItem{};
        ++item;
        s.regimen << RegimenLine{e, mme.mmePerDay, mme.note};
    }
    auto history = mmeHistory(patient, table, asOf);
    if (!history)
        return history.error();
    s.mmeHistory = *history;
    const QList<domain::PegScore> pegs = byDate(patient.peg);
    if (!pegs.isEmpty()) {
        s.pegBaseline = clinical::pegMean(pegs.first());
        s.pegTarget = clinical::pegImprovementTarget(*s.pegBaseline);
    }
    s.scores = evaluation.scores;
    std::stable_sort(s.scores.begin(), s.scores.end(), [](const auto &a, const auto &b) { return a.date < b.date; });
    s.gaps = evaluation.gaps;
    return s;
}

QJsonObject caseSummaryToJson(const CaseSummary &s)
{
    const domain::Patient &p = s.patient;
    QJsonObject patient{{QStringLiteral("id"), p.id},
                        {QStringLiteral("name"), p.name},
                        {QStringLiteral("clinic_id"), p.clinicId},
                        {QStringLiteral("birth_date"), isoDate(p.birthDate)},
                        {QStringLiteral("age"), p.birthDate.isValid() ? domain::ageOn(p.birthDate, s.asOf) : 0},
                        {QStringLiteral("sex"), domain::toString(p.sex)},
                        {QStringLiteral("language"), p.language},
                        {QStringLiteral("prescriber"), p.prescriber},
                        {QStringLiteral("risk_tier"), domain::toString(s.tier)},
                        {QStringLiteral("ltot"), s.ltot.onLtot},
                        {QStringLiteral("ltot_reason"), clinical::toString(s.ltot.reason)},
                        {QStringLiteral("ltot_start"), isoDate(p.ltotStart)},
                        {QStringLiteral("moud"), s.ltot.moud}};
    QJsonObject o{{QStringLiteral("as_of"), isoDate(s.asOf)}, {QStringLiteral("patient"), patient}};
    if (s.conference) {
        o.insert(QStringLiteral("conference"),
                 QJsonObject{{QStringLiteral("id"), s.conference->meta.id.toString(QUuid::WithoutBraces)},
                             {QStringLiteral("question"), s.conference->question},
                             {QStringLiteral("status"), domain::toString(s.conference->status)},
                             {QStringLiteral("requested"), isoDate(s.conference->date)},
                             {QStringLiteral("meeting_date"), isoDate(s.conference->meetingDate)}});
    }
    QJsonArray regimen;
    for (const RegimenLine &line : s.regimen) {
        QJsonObject r = domain::recordToJson(domain::AnyRecord(line.entry));
        r.insert(QStringLiteral("mme_per_day"),
                 line.mmePerDay ? QJsonValue(clinical::roundToTenth(*line.mmePerDay)) : QJsonValue(QJsonValue::Null));
        regimen.append(r);
    }
    QJsonArray history;
    for (const MmePoint &point : s.mmeHistory)
        history.append(QJsonObject{{QStringLiteral("date"), isoDate(point.date)},
                                   {QStringLiteral("mme_per_day"), clinical::roundToTenth(point.mmePerDay)}});
    o.insert(QStringLiteral("mme"), QJsonObject{{QStringLiteral("total_per_day"), clinical::roundToTenth(s.totalMme)},
                                                {QStringLiteral("band"), clinical::toString(s.band)},
                                                {QStringLiteral("regimen"), regimen},
                                                {QStringLiteral("history"), history}});
    o.insert(QStringLiteral("sedatives"), recordsJson(byDate(p.benzodiazepines)));
    QJsonArray peg;
    for (const domain::PegScore &score : byDate(p.peg)) {
        QJsonObject point = domain::recordToJson(domain::AnyRecord(score));
        point.insert(QStringLiteral("mean"), clinical::roundToTenth(clinical::pegMean(score)));
        peg.append(point);
    }
    QJsonObject pegTrend{{QStringLiteral("scores"), peg}};
    if (s.pegBaseline) {
        pegTrend.insert(QStringLiteral("baseline"), clinical::roundToTenth(*s.pegBaseline));
        pegTrend.insert(QStringLiteral("target"), clinical::roundToTenth(*s.pegTarget));
    }
    o.insert(QStringLiteral("peg"), pegTrend);
    QJsonArray scores;
    for (const clinical::ScreeningScore &score : s.scores)
        scores.append(QJsonObject{{QStringLiteral("instrument"), score.instrument},
                                  {QStringLiteral("date"), isoDate(score.date)},
                                  {QStringLiteral("total"), score.total},
                                  {QStringLiteral("result"), score.result},
                                  {QStringLiteral("alerts"), QJsonArray::fromStringList(score.alerts)}});
    o.insert(QStringLiteral("screenings"), scores);
    o.insert(QStringLiteral("uds"), recordsJson(byDate(p.uds)));
    o.insert(QStringLiteral("pdmp_checks"), recordsJson(byDate(p.pdmpChecks)));
    o.insert(QStringLiteral("agreements"), recordsJson(byDate(p.agreements)));
    o.insert(QStringLiteral("naloxone"), recordsJson(byDate(p.naloxone)));
    o.insert(QStringLiteral("taper_plans"), recordsJson(byDate(p.taperPlans)));
    o.insert(QStringLiteral("referrals"), recordsJson(byDate(p.referrals)));
    o.insert(QStringLiteral("goals"), recordsJson(byDate(p.goals)));
    o.insert(QStringLiteral("open_tasks"), recordsJson(openTasksOf(p)));
    QJsonArray gaps;
    for (const clinical::CareGap &gap : s.gaps)
        gaps.append(QJsonObject{{QStringLiteral("code"), gap.code},
                                {QStringLiteral("status"), clinical::toString(gap.status)},
                                {QStringLiteral("due"), isoDate(gap.due)},
                                {QStringLiteral("reason"), gap.reason}});
    o.insert(QStringLiteral("open_gaps"), gaps);
    return o;
}

// The PDF's words are the reader's: the language whose translator is installed (the tablet's
// Language, or `cairnctl case-summary --lang`), with dates and numbers as the default locale, which
// follows that language, writes them. The JSON above keeps Cairn's stored values.
struct CaseSummaryPdf {
    Q_DECLARE_TR_FUNCTIONS(cairn::reports::CaseSummaryPdf)
};

namespace {

// 24 Nov 2026; 24 nov 2026 in Spanish.
QString dateText(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QStringLiteral("d MMM yyyy")) : QString();
}

// To a tenth: 61.5; 61,5 in Spanish.
QString number(double value)
{
    return QLocale().toString(clinical::roundToTenth(value), 'f', 1);
}

// The reader's language as the clinical assets name it ("es"), for the rules' gap reasons.
QString readerLanguage()
{
    return QLocale().language() == QLocale::Spanish ? QStringLiteral("es") : QStringLiteral("en");
}

// A dose or score as written, without trailing zeros: 7.5, 10; 7,5 in Spanish.
QString amount(double value)
{
    return QLocale().toString(value, 'g', 12);
}

QString sexWords(domain::Sex sex)
{
    switch (sex) {
    case domain::Sex::Female:
        return CaseSummaryPdf::tr("female");
    case domain::Sex::Male:
        return CaseSummaryPdf::tr("male");
    case domain::Sex::Unknown:
        break;
    }
    return CaseSummaryPdf::tr("sex not recorded");
}

QString tierWords(domain::RiskTier tier)
{
    switch (tier) {
    case domain::RiskTier::Low:
        return CaseSummaryPdf::tr("low");
    case domain::RiskTier::Moderate:
        return CaseSummaryPdf::tr("moderate");
    case domain::RiskTier::High:
        return CaseSummaryPdf::tr("high");
    }
    return {};
}

// Why the patient is, or is not, on the long-term therapy registry (clinical::ltotStatus).
QString ltotReasonWords(clinical::LtotReason reason)
{
    switch (reason) {
    case clinical::LtotReason::SupplyOnMostDays:
        return CaseSummaryPdf::tr("an opioid for pain on most days of the look-back");
    case clinical::LtotReason::ExpectedLongTerm:
        return CaseSummaryPdf::tr("an opioid for pain planned for the long term");
    case clinical::LtotReason::ClinicianFlag:
        return CaseSummaryPdf::tr("recorded by a clinician");
    case clinical::LtotReason::ShortCourse:
        return CaseSummaryPdf::tr("a short course of an opioid for pain");
    case clinical::LtotReason::MoudOnly:
        return CaseSummaryPdf::tr("only treatment for opioid use disorder");
    case clinical::LtotReason::NoOpioid:
        return CaseSummaryPdf::tr("no opioid for pain");
    case clinical::LtotReason::Inactive:
        return CaseSummaryPdf::tr("no longer on the clinic's registry");
    }
    return {};
}

QString sedativeWords(domain::SedativeKind kind)
{
    switch (kind) {
    case domain::SedativeKind::Benzodiazepine:
        return CaseSummaryPdf::tr("benzodiazepine");
    case domain::SedativeKind::ZDrug:
        return CaseSummaryPdf::tr("Z-drug (sleep medicine)");
    case domain::SedativeKind::Gabapentinoid:
        return CaseSummaryPdf::tr("gabapentinoid");
    case domain::SedativeKind::MuscleRelaxant:
        return CaseSummaryPdf::tr("muscle relaxant");
    case domain::SedativeKind::Barbiturate:
        return CaseSummaryPdf::tr("barbiturate");
    }
    return {};
}

QString agreementWords(domain::AgreementStatus status)
{
    return status == domain::AgreementStatus::Signed ? CaseSummaryPdf::tr("signed", "agreement")
                                                     : CaseSummaryPdf::tr("declined by the patient", "agreement");
}

QString naloxoneWords(domain::NaloxoneAction action)
{
    switch (action) {
    case domain::NaloxoneAction::Offered:
        return CaseSummaryPdf::tr("offered");
    case domain::NaloxoneAction::Prescribed:
        return CaseSummaryPdf::tr("prescribed");
    case domain::NaloxoneAction::Declined:
        return CaseSummaryPdf::tr("declined by the patient", "naloxone");
    case domain::NaloxoneAction::Dispensed:
        return CaseSummaryPdf::tr("dispensed");
    }
    return {};
}

QString taperWords(domain::TaperStatus status)
{
    switch (status) {
    case domain::TaperStatus::None:
        return CaseSummaryPdf::tr("no taper");
    case domain::TaperStatus::Planned:
        return CaseSummaryPdf::tr("planned");
    case domain::TaperStatus::InProgress:
        return CaseSummaryPdf::tr("in progress");
    case domain::TaperStatus::Paused:
        return CaseSummaryPdf::tr("paused");
    case domain::TaperStatus::Completed:
        return CaseSummaryPdf::tr("completed");
    }
    return {};
}

QString referralWords(domain::ReferralStatus status)
{
    switch (status) {
    case domain::ReferralStatus::Drafted:
        return CaseSummaryPdf::tr("drafted");
    case domain::ReferralStatus::Sent:
        return CaseSummaryPdf::tr("sent");
    case domain::ReferralStatus::Scheduled:
        return CaseSummaryPdf::tr("appointment scheduled");
    case domain::ReferralStatus::Seen:
        return CaseSummaryPdf::tr("seen");
    case domain::ReferralStatus::Closed:
        return CaseSummaryPdf::tr("closed");
    case domain::ReferralStatus::Declined:
        return CaseSummaryPdf::tr("declined");
    case domain::ReferralStatus::NoResponse:
        return CaseSummaryPdf::tr("no response");
    }
    return {};
}

QString goalWords(domain::GoalStatus status)
{
    switch (status) {
    case domain::GoalStatus::Active:
        return CaseSummaryPdf::tr("active");
    case domain::GoalStatus::Met:
        return CaseSummaryPdf::tr("met");
    case domain::GoalStatus::Dropped:
        return CaseSummaryPdf::tr("dropped");
    }
    return {};
}

QString gapStatusWords(clinical::GapStatus status)
{
    switch (status) {
    case clinical::GapStatus::Missing:
        return CaseSummaryPdf::tr("missing");
    case clinical::GapStatus::Overdue:
        return CaseSummaryPdf::tr("overdue");
    case clinical::GapStatus::DueSoon:
        return CaseSummaryPdf::tr("due soon");
    case clinical::GapStatus::Alert:
        return CaseSummaryPdf::tr("alert");
    }
    return {};
}

QString doseText(const domain::OpioidEntry &e)
{
    QString dose = e.strengthMcgPerHr
                       ? CaseSummaryPdf::tr("%1 mcg/hr patch × %2").arg(amount(*e.strengthMcgPerHr)).arg(e.patches)
                       : CaseSummaryPdf::tr("%1 mg × %2, %3 a day")
                             .arg(amount(e.strengthMg.value_or(0)), amount(e.unitsPerDose), amount(e.dosesPerDay));
    if (e.prn)
        dose += CaseSummaryPdf::tr(" (as needed, at most)");
    return dose;
}

QString period(const QDate &start, const QDate &end)
{
    return end.isValid() ? CaseSummaryPdf::tr("%1 to %2").arg(dateText(start), dateText(end))
                         : CaseSummaryPdf::tr("since %1").arg(dateText(start));
}

QString scoreResult(const clinical::ScreeningScore &s)
{
    QString text = amount(s.total);
    if (!s.result.isEmpty())
        text += QStringLiteral(" (%1)").arg(screeningResultWords(s));
    if (!s.alerts.isEmpty())
        text += CaseSummaryPdf::tr("; alert: %1").arg(s.alerts.join(QStringLiteral(", ")));
    return text;
}

QString instrumentName(const QString &id)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("phq2"), QStringLiteral("PHQ-2")}, {QStringLiteral("phq9"), QStringLiteral("PHQ-9")},
        {QStringLiteral("gad2"), QStringLiteral("GAD-2")}, {QStringLiteral("gad7"), QStringLiteral("GAD-7")},
        {QStringLiteral("ort"), QStringLiteral("ORT")},    {QStringLiteral("pcptsd5"), QStringLiteral("PC-PTSD-5")},
    };
    return names.value(id, id);
}

// A table's rows in date order: the rows are built from several kinds of record, each already by date.
struct DatedRow {
    QDate date;
    QStringList cells;  // the date's own cell first
};

QList<QStringList> inDateOrder(QList<DatedRow> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const DatedRow &a, const DatedRow &b) { return a.date < b.date; });
    QList<QStringList> cells;
    for (const DatedRow &row : std::as_const(rows))
        cells << row.cells;
    return cells;
}

}  // namespace

QByteArray renderCaseSummary(const CaseSummary &s)
{
    const domain::Patient &p = s.patient;
    PdfDocument doc(CaseSummaryPdf::tr("Case summary: %1").arg(p.name),
                    CaseSummaryPdf::tr("confidential patient record: for the care team and its consultants only"));
    doc.paragraph(CaseSummaryPdf::tr("Chart %1 · born %2 (%3 years) · %4 · language %5 · prescriber %6. Made from the "
                                     "clinic's registry on %7.")
                      .arg(p.clinicId, dateText(p.birthDate))
                      .arg(p.birthDate.isValid() ? domain::ageOn(p.birthDate, s.asOf) : 0)
                      .arg(sexWords(p.sex), languageWords(p.language),
                           p.prescriber.isEmpty() ? CaseSummaryPdf::tr("not recorded") : p.prescriber,
                           dateText(s.asOf)));
    if (s.conference) {
        doc.heading(CaseSummaryPdf::tr("The question for the team"));
        doc.paragraph(s.conference->question);
        doc.paragraph(s.conference->meetingDate.isValid()
                          ? CaseSummaryPdf::tr("Asked on %1; for the clinician meeting of %2.")
                                .arg(dateText(s.conference->date), dateText(s.conference->meetingDate))
                          : CaseSummaryPdf::tr("Asked on %1.").arg(dateText(s.conference->date)));
    }

    doc.heading(CaseSummaryPdf::tr("Diagnosis and indication"));
    QStringList diagnosis;
    if (!s.ltot.onLtot)
        diagnosis << CaseSummaryPdf::tr("Not on long-term opioid therapy (%1).").arg(ltotReasonWords(s.ltot.reason));
    else if (p.ltotStart.isValid())
        diagnosis << CaseSummaryPdf::tr("On long-term opioid therapy for pain (%1, since %2).")
                         .arg(ltotReasonWords(s.ltot.reason), dateText(p.ltotStart));
    else
        diagnosis
            << CaseSummaryPdf::tr("On long-term opioid therapy for pain (%1).").arg(ltotReasonWords(s.ltot.reason));
    diagnosis << CaseSummaryPdf::tr("Risk tier: %1.").arg(tierWords(s.tier));
    if (s.ltot.moud)
        diagnosis << CaseSummaryPdf::tr("Receiving treatment for opioid use disorder (MOUD).");
    diagnosis << CaseSummaryPdf::tr("The registry holds no diagnosis codes: read the chart for them.");
    doc.paragraph(diagnosis.join(QLatin1Char(' ')));

    doc.heading(CaseSummaryPdf::tr("Current regimen: %1 MME/day").arg(number(s.totalMme)));
    QList<QStringList> regimen;
    for (const RegimenLine &line : s.regimen)
        regimen << QStringList{line.entry.drug, doseText(line.entry), period(line.entry.start, line.entry.end),
                               line.mmePerDay ? number(*line.mmePerDay) : CaseSummaryPdf::tr("not counted")};
    if (regimen.isEmpty())
        doc.paragraph(CaseSummaryPdf::tr("No opioid is active on %1.").arg(dateText(s.asOf)));
    else
        doc.table({CaseSummaryPdf::tr("Opioid"), CaseSummaryPdf::tr("Dose"), CaseSummaryPdf::tr("Dates"),
                   CaseSummaryPdf::tr("MME/day")},
                  regimen, {3, 5, 4, 2});
    if (s.mmeHistory.size() > 1) {
        ChartSeries series;
        double top = 10;
        for (const MmePoint &point : s.mmeHistory) {
            series.values << point.mmePerDay;
            series.labels << QLocale().toString(point.date, QStringLiteral("MMM yy"));
            top = std::max(top, point.mmePerDay);
        }
        series.maximum = std::ceil(top / 10 * 1.1) * 10;
        series.unit = QString();
        series.labels = thinnedLabels(series.labels);
        doc.lineChart(CaseSummaryPdf::tr("MME history: daily MME at each change of the regimen"), series);
    }
    QList<QStringList> mmeRows;
    for (const MmePoint &point : s.mmeHistory)
        mmeRows << QStringList{dateText(point.date), number(point.mmePerDay)};
    if (!mmeRows.isEmpty())
        doc.table({CaseSummaryPdf::tr("From"), CaseSummaryPdf::tr("MME/day")}, mmeRows, {1, 1});

    doc.heading(CaseSummaryPdf::tr("Sedatives and other medications"));
    QList<QStringList> sedatives;
    for (const domain::BenzodiazepineEntry &e : byDate(p.benzodiazepines))
        sedatives << QStringList{e.drug, sedativeWords(e.kind), period(e.start, e.end)};
    for (const domain::OpioidEntry &e : byDate(p.opioids))
        if (e.indication == domain::OpioidIndication::OpioidUseDisorder)
            sedatives << QStringList{e.drug, CaseSummaryPdf::tr("treatment of opioid use disorder"),
                                     period(e.start, e.end)};
    if (sedatives.isEmpty())
        doc.paragraph(CaseSummaryPdf::tr("No sedative or other tracked medication recorded."));
    else
        doc.table({CaseSummaryPdf::tr("Medication"), CaseSummaryPdf::tr("Kind"), CaseSummaryPdf::tr("Dates")},
                  sedatives, {3, 3, 4});

    doc.heading(CaseSummaryPdf::tr("PEG trend (pain, enjoyment, general activity)"));
    const QList<domain::PegScore> pegs = byDate(p.peg);
    if (pegs.isEmpty()) {
        doc.paragraph(CaseSummaryPdf::tr("No PEG recorded."));
    } else {
        doc.paragraph(
            CaseSummaryPdf::tr("Baseline %1 on %2; latest %3 on %4. The dashed line is 30% better than baseline "
                               "(%5).")
                .arg(number(*s.pegBaseline), dateText(pegs.first().date), number(clinical::pegMean(pegs.last())),
                     dateText(pegs.last().date), number(*s.pegTarget)));
        ChartSeries series;
        series.maximum = 10;
        series.target = s.pegTarget;
        QList<QStringList> rows;
        for (const domain::PegScore &score : pegs) {
            series.values << clinical::pegMean(score);
            series.labels << QLocale().toString(score.date, QStringLiteral("d MMM yy"));
            rows << QStringList{dateText(score.date), QLocale().toString(score.pain),
                                QLocale().toString(score.enjoyment), QLocale().toString(score.activity),
                                number(clinical::pegMean(score))};
        }
        series.labels = thinnedLabels(series.labels);
        doc.lineChart(CaseSummaryPdf::tr("PEG mean (0-10, lower is better) against the 30% improvement line"), series);
        doc.table({CaseSummaryPdf::tr("Date"), CaseSummaryPdf::tr("Pain"), CaseSummaryPdf::tr("Enjoyment"),
                   CaseSummaryPdf::tr("Activity"), CaseSummaryPdf::tr("Mean")},
                  rows);
    }

    doc.heading(CaseSummaryPdf::tr("Screenings: PHQ, GAD, ORT, PC-PTSD-5"));
    QList<QStringList> scores;
    for (const clinical::ScreeningScore &score : s.scores)
        scores << QStringList{dateText(score.date), instrumentName(score.instrument), scoreResult(score)};
    if (scores.isEmpty())
        doc.paragraph(CaseSummaryPdf::tr("No screening recorded."));
    else
        doc.table({CaseSummaryPdf::tr("Date"), CaseSummaryPdf::tr("Instrument"), CaseSummaryPdf::tr("Score")}, scores,
                  {2, 2, 5});

    doc.heading(CaseSummaryPdf::tr("Urine drug tests and PDMP checks"));
    QList<DatedRow> checks;
    for (const domain::UrineDrugScreen &u : byDate(p.uds)) {
        QString result = urineResultWords(u.result);
        if (!u.substances.isEmpty())
            result += QStringLiteral(": %1").arg(u.substances.join(QStringLiteral(", ")));
        if (u.confirmatorySent)
            result += CaseSummaryPdf::tr("; confirmatory test sent");
        checks << DatedRow{u.date, {dateText(u.date), CaseSummaryPdf::tr("Urine drug test"), result}};
    }
    for (const domain::PdmpCheck &c : byDate(p.pdmpChecks))
        checks << DatedRow{c.date,
                           {dateText(c.date), CaseSummaryPdf::tr("PDMP check"),
                            c.concerning ? CaseSummaryPdf::tr("concerning: %1").arg(c.findings)
                                         : CaseSummaryPdf::tr("nothing concerning")}};
    if (checks.isEmpty())
        doc.paragraph(CaseSummaryPdf::tr("No urine drug test or PDMP check recorded."));
    else
        doc.table({CaseSummaryPdf::tr("Date"), CaseSummaryPdf::tr("Check"), CaseSummaryPdf::tr("Result")},
                  inDateOrder(checks), {2, 3, 6});

    doc.heading(CaseSummaryPdf::tr("Agreements, naloxone and tapers"));
    QList<QStringList> plans;
    for (const domain::Agreement &a : byDate(p.agreements))
        plans << QStringList{dateText(a.date), CaseSummaryPdf::tr("Treatment agreement"), agreementWords(a.status)};
    for (const domain::NaloxoneRecord &n : byDate(p.naloxone))
        plans << QStringList{dateText(n.date), CaseSummaryPdf::tr("Naloxone"), naloxoneWords(n.action)};
    for (const domain::TaperPlan &t : byDate(p.taperPlans)) {
        QStringList steps;
        for (const domain::TaperStep &step : t.steps)
            steps << (step.targetMmePerDay
                          ? CaseSummaryPdf::tr("%1 %2 (%3 MME/day)")
                                .arg(dateText(step.date), step.description, number(*step.targetMmePerDay))
                          : QStringLiteral("%1 %2").arg(dateText(step.date), step.description));
        plans << QStringList{
            dateText(t.date), CaseSummaryPdf::tr("Taper plan"),
            steps.isEmpty() ? taperWords(t.status)
                            : QStringLiteral("%1: %2").arg(taperWords(t.status), steps.join(QStringLiteral("; ")))};
    }
    if (plans.isEmpty())
        doc.paragraph(CaseSummaryPdf::tr("No agreement, naloxone or taper recorded."));
    else
        doc.table({CaseSummaryPdf::tr("Date"), CaseSummaryPdf::tr("Record"), CaseSummaryPdf::tr("Detail")}, plans,
                  {2, 3, 6});

    doc.heading(CaseSummaryPdf::tr("Referrals, goals and open tasks"));
    QList<QStringList> care;
    for (const domain::Referral &r : byDate(p.referrals))
        care << QStringList{
            dateText(r.date), CaseSummaryPdf::tr("Referral"),
            r.to.isEmpty()
                ? QStringLiteral("%1: %2").arg(resourceCategoryWords(r.type), referralWords(r.status))
                : CaseSummaryPdf::tr("%1 to %2: %3").arg(resourceCategoryWords(r.type), r.to, referralWords(r.status))};
    for (const domain::CarePlanGoal &g : byDate(p.goals))
        care << QStringList{dateText(g.date), CaseSummaryPdf::tr("Goal"),
                            QStringLiteral("%1 (%2)").arg(g.goal, goalWords(g.status))};
    for (const domain::Task &t : openTasksOf(p))
        care << QStringList{dateText(t.date), CaseSummaryPdf::tr("Open task"),
                            CaseSummaryPdf::tr("%1 (%2, due %3)").arg(t.text, t.ownerRole, dateText(t.due))};
    if (care.isEmpty())
        doc.paragraph(CaseSummaryPdf::tr("No referral, goal or open task recorded."));
    else
        doc.table({CaseSummaryPdf::tr("Date"), CaseSummaryPdf::tr("Record"), CaseSummaryPdf::tr("Detail")}, care,
                  {2, 2, 7});

    doc.heading(CaseSummaryPdf::tr("Open care gaps on %1").arg(dateText(s.asOf)));
    QList<QStringList> gaps;
    for (const clinical::CareGap &gap : s.gaps)
        gaps << QStringList{gap.code, gapStatusWords(gap.status),
                            gap.due.isValid() ? dateText(gap.due) : CaseSummaryPdf::tr("now"),
                            // The rules' reason in the words the gap cards use, in the reader's language.
                            clinical::gapReason(gap.code, readerLanguage())};
    if (gaps.isEmpty())
        doc.paragraph(CaseSummaryPdf::tr("No open care gap."));
    else
        doc.table({CaseSummaryPdf::tr("Gap"), CaseSummaryPdf::tr("Status"), CaseSummaryPdf::tr("Due"),
                   CaseSummaryPdf::tr("Why")},
                  gaps, {3, 2, 2, 7});
    return doc.finish();
}

}  // namespace cairn::reports
