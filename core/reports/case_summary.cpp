#include "core/reports/case_summary.h"

#include "core/clinical/decisions.h"
#include "core/clinical/mme.h"
#include "core/domain/record_json.h"
#include "core/reports/pdf_document.h"
#include "core/reports/result_words.h"

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

QString number(double value)
{
    return QString::number(clinical::roundToTenth(value), 'f', 1);
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

QString doseText(const domain::OpioidEntry &e)
{
    QString dose = e.strengthMcgPerHr ? QStringLiteral("%1 mcg/hr patch × %2").arg(*e.strengthMcgPerHr).arg(e.patches)
                                      : QStringLiteral("%1 mg × %2, %3 a day")
                                            .arg(e.strengthMg.value_or(0))
                                            .arg(e.unitsPerDose)
                                            .arg(e.dosesPerDay);
    if (e.prn)
        dose += QStringLiteral(" (as needed, at most)");
    return dose;
}

QString period(const QDate &start, const QDate &end)
{
    return end.isValid() ? QStringLiteral("%1 to %2").arg(isoDate(start), isoDate(end))
                         : QStringLiteral("since %1").arg(isoDate(start));
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

QString scoreResult(const clinical::ScreeningScore &s)
{
    QString text = QStringLiteral("%1").arg(s.total, 0, 'f', s.total == std::floor(s.total) ? 0 : 1);
    if (!s.result.isEmpty())
        text += QStringLiteral(" (%1)").arg(screeningResultWords(s));
    if (!s.alerts.isEmpty())
        text += QStringLiteral("; alert: %1").arg(s.alerts.join(QStringLiteral(", ")));
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

QString tierName(domain::RiskTier tier)
{
    return domain::toString(tier);
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
                        {QStringLiteral("risk_tier"), tierName(s.tier)},
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

QByteArray renderCaseSummary(const CaseSummary &s)
{
    const domain::Patient &p = s.patient;
    PdfDocument doc(QStringLiteral("Case summary: %1").arg(p.name),
                    QStringLiteral("confidential patient record: for the care team and its consultants only"));
    doc.paragraph(QStringLiteral("Chart %1 · born %2 (%3 years) · %4 · language %5 · prescriber %6. Made from the "
                                 "clinic's registry on %7.")
                      .arg(p.clinicId, isoDate(p.birthDate))
                      .arg(p.birthDate.isValid() ? domain::ageOn(p.birthDate, s.asOf) : 0)
                      .arg(domain::toString(p.sex), p.language,
                           p.prescriber.isEmpty() ? QStringLiteral("not recorded") : p.prescriber, isoDate(s.asOf)));
    if (s.conference) {
        doc.heading(QStringLiteral("The question for the team"));
        doc.paragraph(s.conference->question);
        doc.paragraph(
            QStringLiteral("Asked on %1%2.")
                .arg(isoDate(s.conference->date),
                     s.conference->meetingDate.isValid()
                         ? QStringLiteral("; for the clinician meeting of %1").arg(isoDate(s.conference->meetingDate))
                         : QString()));
    }

    doc.heading(QStringLiteral("Diagnosis and indication"));
    doc.paragraph(
        QStringLiteral("%1 Risk tier: %2. %3 The registry holds no diagnosis codes: read the chart for them.")
            .arg(s.ltot.onLtot
                     ? QStringLiteral("On long-term opioid therapy for pain (%1%2).")
                           .arg(clinical::toString(s.ltot.reason),
                                p.ltotStart.isValid() ? QStringLiteral(", since %1").arg(isoDate(p.ltotStart))
                                                      : QString())
                     : QStringLiteral("Not on long-term opioid therapy (%1).").arg(clinical::toString(s.ltot.reason)),
                 tierName(s.tier),
                 s.ltot.moud ? QStringLiteral("Receiving treatment for opioid use disorder (MOUD).") : QString()));

    doc.heading(QStringLiteral("Current regimen: %1 MME/day").arg(number(s.totalMme)));
    QList<QStringList> regimen;
    for (const RegimenLine &line : s.regimen)
        regimen << QStringList{line.entry.drug, doseText(line.entry), period(line.entry.start, line.entry.end),
                               line.mmePerDay ? number(*line.mmePerDay) : QStringLiteral("not counted")};
    if (regimen.isEmpty())
        doc.paragraph(QStringLiteral("No opioid is active on %1.").arg(isoDate(s.asOf)));
    else
        doc.table(
            {QStringLiteral("Opioid"), QStringLiteral("Dose"), QStringLiteral("Dates"), QStringLiteral("MME/day")},
            regimen, {3, 5, 4, 2});
    if (s.mmeHistory.size() > 1) {
        ChartSeries series;
        double top = 10;
        for (const MmePoint &point : s.mmeHistory) {
            series.values << point.mmePerDay;
            series.labels << point.date.toString(QStringLiteral("MMM yy"));
            top = std::max(top, point.mmePerDay);
        }
        series.maximum = std::ceil(top / 10 * 1.1) * 10;
        series.unit = QString();
        series.labels = thinnedLabels(series.labels);
        doc.lineChart(QStringLiteral("MME history: daily MME at each change of the regimen"), series);
    }
    QList<QStringList> mmeRows;
    for (const MmePoint &point : s.mmeHistory)
        mmeRows << QStringList{isoDate(point.date), number(point.mmePerDay)};
    if (!mmeRows.isEmpty())
        doc.table({QStringLiteral("From"), QStringLiteral("MME/day")}, mmeRows, {1, 1});

    doc.heading(QStringLiteral("Sedatives and other medications"));
    QList<QStringList> sedatives;
    for (const domain::BenzodiazepineEntry &e : byDate(p.benzodiazepines))
        sedatives << QStringList{e.drug, domain::toString(e.kind), period(e.start, e.end)};
    for (const domain::OpioidEntry &e : byDate(p.opioids))
        if (e.indication == domain::OpioidIndication::OpioidUseDisorder)
            sedatives << QStringList{e.drug, QStringLiteral("treatment of opioid use disorder"),
                                     period(e.start, e.end)};
    if (sedatives.isEmpty())
        doc.paragraph(QStringLiteral("No sedative or other tracked medication recorded."));
    else
        doc.table({QStringLiteral("Medication"), QStringLiteral("Kind"), QStringLiteral("Dates")}, sedatives,
                  {3, 3, 4});

    doc.heading(QStringLiteral("PEG trend (pain, enjoyment, general activity)"));
    const QList<domain::PegScore> pegs = byDate(p.peg);
    if (pegs.isEmpty()) {
        doc.paragraph(QStringLiteral("No PEG recorded."));
    } else {
        doc.paragraph(QStringLiteral("Baseline %1 on %2; latest %3 on %4. The dashed line is 30% better than baseline "
                                     "(%5).")
                          .arg(number(*s.pegBaseline), isoDate(pegs.first().date),
                               number(clinical::pegMean(pegs.last())), isoDate(pegs.last().date),
                               number(*s.pegTarget)));
        ChartSeries series;
        series.maximum = 10;
        series.target = s.pegTarget;
        QList<QStringList> rows;
        for (const domain::PegScore &score : pegs) {
            series.values << clinical::pegMean(score);
            series.labels << score.date.toString(QStringLiteral("d MMM yy"));
            rows << QStringList{isoDate(score.date), QString::number(score.pain), QString::number(score.enjoyment),
                                QString::number(score.activity), number(clinical::pegMean(score))};
        }
        series.labels = thinnedLabels(series.labels);
        doc.lineChart(QStringLiteral("PEG mean (0-10, lower is better) against the 30% improvement line"), series);
        doc.table({QStringLiteral("Date"), QStringLiteral("Pain"), QStringLiteral("Enjoyment"),
                   QStringLiteral("Activity"), QStringLiteral("Mean")},
                  rows);
    }

    doc.heading(QStringLiteral("Screenings: PHQ, GAD, ORT, PC-PTSD-5"));
    QList<QStringList> scores;
    for (const clinical::ScreeningScore &score : s.scores)
        scores << QStringList{isoDate(score.date), instrumentName(score.instrument), scoreResult(score)};
    if (scores.isEmpty())
        doc.paragraph(QStringLiteral("No screening recorded."));
    else
        doc.table({QStringLiteral("Date"), QStringLiteral("Instrument"), QStringLiteral("Score")}, scores, {2, 2, 5});

    doc.heading(QStringLiteral("Urine drug tests and PDMP checks"));
    QList<QStringList> checks;
    for (const domain::UrineDrugScreen &u : byDate(p.uds))
        checks << QStringList{isoDate(u.date), QStringLiteral("Urine drug test"),
                              urineResultWords(u.result) +
                                  (u.substances.isEmpty()
                                       ? QString()
                                       : QStringLiteral(": %1").arg(u.substances.join(QStringLiteral(", ")))) +
                                  (u.confirmatorySent ? QStringLiteral("; confirmatory test sent") : QString())};
    for (const domain::PdmpCheck &c : byDate(p.pdmpChecks))
        checks << QStringList{isoDate(c.date), QStringLiteral("PDMP check"),
                              c.concerning ? QStringLiteral("concerning: %1").arg(c.findings)
                                           : QStringLiteral("nothing concerning")};
    std::stable_sort(checks.begin(), checks.end(), [](const auto &a, const auto &b) { return a.first() < b.first(); });
    if (checks.isEmpty())
        doc.paragraph(QStringLiteral("No urine drug test or PDMP check recorded."));
    else
        doc.table({QStringLiteral("Date"), QStringLiteral("Check"), QStringLiteral("Result")}, checks, {2, 3, 6});

    doc.heading(QStringLiteral("Agreements, naloxone and tapers"));
    QList<QStringList> plans;
    for (const domain::Agreement &a : byDate(p.agreements))
        plans << QStringList{isoDate(a.date), QStringLiteral("Treatment agreement"), domain::toString(a.status)};
    for (const domain::NaloxoneRecord &n : byDate(p.naloxone))
        plans << QStringList{isoDate(n.date), QStringLiteral("Naloxone"), domain::toString(n.action)};
    for (const domain::TaperPlan &t : byDate(p.taperPlans)) {
        QStringList steps;
        for (const domain::TaperStep &step : t.steps)
            steps << QStringLiteral("%1 %2%3").arg(
                isoDate(step.date), step.description,
                step.targetMmePerDay ? QStringLiteral(" (%1 MME/day)").arg(number(*step.targetMmePerDay)) : QString());
        plans << QStringList{isoDate(t.date), QStringLiteral("Taper plan"),
                             QStringLiteral("%1%2").arg(domain::toString(t.status),
                                                        steps.isEmpty()
                                                            ? QString()
                                                            : QStringLiteral(": ") + steps.join(QStringLiteral("; ")))};
    }
    if (plans.isEmpty())
        doc.paragraph(QStringLiteral("No agreement, naloxone or taper recorded."));
    else
        doc.table({QStringLiteral("Date"), QStringLiteral("Record"), QStringLiteral("Detail")}, plans, {2, 3, 6});

    doc.heading(QStringLiteral("Referrals, goals and open tasks"));
    QList<QStringList> care;
    for (const domain::Referral &r : byDate(p.referrals))
        care << QStringList{
            isoDate(r.date), QStringLiteral("Referral"),
            QStringLiteral("%1%2: %3")
                .arg(r.type, r.to.isEmpty() ? QString() : QStringLiteral(" to ") + r.to, domain::toString(r.status))};
    for (const domain::CarePlanGoal &g : byDate(p.goals))
        care << QStringList{isoDate(g.date), QStringLiteral("Goal"),
                            QStringLiteral("%1 (%2)").arg(g.goal, domain::toString(g.status))};
    for (const domain::Task &t : openTasksOf(p))
        care << QStringList{isoDate(t.date), QStringLiteral("Open task"),
                            QStringLiteral("%1 (%2, due %3)").arg(t.text, t.ownerRole, isoDate(t.due))};
    if (care.isEmpty())
        doc.paragraph(QStringLiteral("No referral, goal or open task recorded."));
    else
        doc.table({QStringLiteral("Date"), QStringLiteral("Record"), QStringLiteral("Detail")}, care, {2, 2, 7});

    doc.heading(QStringLiteral("Open care gaps on %1").arg(isoDate(s.asOf)));
    QList<QStringList> gaps;
    for (const clinical::CareGap &gap : s.gaps)
        gaps << QStringList{gap.code, clinical::toString(gap.status),
                            gap.due.isValid() ? isoDate(gap.due) : QStringLiteral("now"), gap.reason};
    if (gaps.isEmpty())
        doc.paragraph(QStringLiteral("No open care gap."));
    else
        doc.table({QStringLiteral("Gap"), QStringLiteral("Status"), QStringLiteral("Due"), QStringLiteral("Why")}, gaps,
                  {3, 2, 2, 7});
    return doc.finish();
}

}  // namespace cairn::reports
