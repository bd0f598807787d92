#include "core/reports/monthly_report.h"

#include "core/clinical/measure_labels.h"
#include "core/reports/pdf_document.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace cairn::reports {

// The report's own words, in the catalogue under "cairn::reports::MonthlyReport": the report
// follows the language whose translator is installed (the tablet's, or `cairnctl report --lang`).
struct MonthlyReport {
    Q_DECLARE_TR_FUNCTIONS(cairn::reports::MonthlyReport)
};

namespace {

// A number as the report's language writes it (the default locale follows it): 61.5, or 61,5 in Spanish.
QString decimal(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

bool isMeanPeg(const clinical::Measure &m)
{
    return m.id == QLatin1String("mean_peg");
}

QString valueText(const clinical::Measure &m)
{
    if (m.denominator == 0)
        return MonthlyReport::tr("no patients counted");
    if (isMeanPeg(m))
        return MonthlyReport::tr("%1 (%2 patients)").arg(decimal(m.value, 1)).arg(m.denominator);
    return MonthlyReport::tr("%1% (%2 of %3)").arg(decimal(m.value, 1)).arg(m.numerator).arg(m.denominator);
}

QString targetText(const clinical::Measure &m)
{
    if (!m.target)
        return MonthlyReport::tr("none set");
    return (m.lowerIsBetter ? MonthlyReport::tr("at most %1%") : MonthlyReport::tr("at least %1%"))
        .arg(decimal(*m.target, 0));
}

QString statusText(const clinical::Measure &m)
{
    if (!m.target || m.denominator == 0)
        return QStringLiteral("—");
    return clinical::missesTarget(m) ? MonthlyReport::tr("Off target") : MonthlyReport::tr("Meets target");
}

// The change from last month, in points (percent) or PEG points; empty without both months.
QString changeText(const clinical::Measure &now, const clinical::Measure *before)
{
    if (!before || before->denominator == 0 || now.denominator == 0)
        return QStringLiteral("—");
    const double delta = now.value - before->value;
    if (std::abs(delta) < 0.05)
        return MonthlyReport::tr("no change");
    const QString signedDelta = (delta > 0 ? QStringLiteral("+") : QString()) + decimal(delta, 1);
    return isMeanPeg(now) ? signedDelta : MonthlyReport::tr("%1 pts").arg(signedDelta);
}

QString monthName(const QString &month, QLocale::FormatType format)
{
    const QDate first = QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate);
    // The default locale follows the report's language (the tablet's Language, cairnctl's --lang).
    return QLocale().toString(first,
                              format == QLocale::LongFormat ? QStringLiteral("MMMM yyyy") : QStringLiteral("MMM yy"));
}

void summaryPage(PdfDocument &doc, const MonthlyReportInput &input)
{
    const clinical::MonthlyMeasures &now = input.trend.last();
    const clinical::MonthlyMeasures *before =
        input.trend.size() > 1 ? &input.trend.at(input.trend.size() - 2) : nullptr;
    int withTarget = 0;
    int meeting = 0;
    for (const auto &m : now.measures) {
        if (!m.target || m.denominator == 0)
            continue;
        ++withTarget;
        meeting += clinical::missesTarget(m) ? 0 : 1;
    }
    doc.paragraph(
        MonthlyReport::tr("%1 patients on long-term opioid therapy at the end of %2. %3 of %4 measures with a "
                          "target meet it. Policy version %5; made %6.")
            .arg(now.cotPatients)
            .arg(monthName(input.month, QLocale::LongFormat))
            .arg(meeting)
            .arg(withTarget)
            .arg(now.policyVersion, input.generatedOn.toString(Qt::ISODate)));
    QList<QStringList> rows;
    for (qsizetype i = 0; i < now.measures.size(); ++i) {
        const clinical::Measure &m = now.measures.at(i);
        const clinical::Measure *last = before && i < before->measures.size() ? &before->measures.at(i) : nullptr;
        rows << QStringList{clinical::measureLabel(m.id, m.windowDays), valueText(m), targetText(m), statusText(m),
                            changeText(m, last)};
    }
    doc.table({MonthlyReport::tr("Measure"), MonthlyReport::tr("This month"), MonthlyReport::tr("Target"),
               MonthlyReport::tr("Status"), MonthlyReport::tr("Since last month")},
              rows, {9, 5, 4, 4, 4});
}

}  // namespace

bool mayPrintPatientLists(keys::Role role)
{
    return role == keys::Role::RegistryManager;
}

Result<MonthlyReportInput> monthlyReportInput(const QList<domain::Patient> &patients, int year, int month,
                                              const clinical::RulesContext &context, bool withPatientLists,
                                              const QDate &generatedOn)
{
    MonthlyReportInput input;
    input.generatedOn = generatedOn;
    auto trend = clinical::measureTrend(patients, year, month, {}, context);
    if (!trend)
        return trend.error();
    input.trend = *trend;
    input.month = input.trend.last().month;
    QStringList prescribers;
    for (const domain::Patient &p : patients)
        if (!p.prescriber.isEmpty() && !prescribers.contains(p.prescriber))
            prescribers << p.prescriber;
    std::sort(prescribers.begin(), prescribers.end(),
              [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    for (const QString &prescriber : std::as_const(prescribers)) {
        auto measures = clinical::monthlyMeasures(patients, year, month, prescriber, context);
        if (!measures)
            return measures.error();
        input.prescribers << *measures;
    }
    if (!withPatientLists)
        return input;

    // The patients behind each measure off target: those the measure asks the clinic to act on.
    QHash<QString, const domain::Patient *> byId;
    for (const domain::Patient &p : patients)
        byId.insert(p.id, &p);
    QList<PatientsBehind> behind;
    for (const clinical::Measure &m : input.trend.last().measures) {
        if (!clinical::missesTarget(m))
            continue;
        behind << PatientsBehind{m.id, m.needActionIds};
        for (const QString &id : m.needActionIds)
            if (const domain::Patient *p = byId.value(id))
                input.patients.insert(id, ReportPatient{p->name, p->clinicId, p->prescriber});
    }
    for (PatientsBehind &list : behind)
        std::sort(list.patientIds.begin(), list.patientIds.end(), [&](const QString &a, const QString &b) {
            return input.patients.value(a).name.localeAwareCompare(input.patients.value(b).name) < 0;
        });
    input.behind = behind;
    return input;
}

QByteArray renderMonthlyReport(const MonthlyReportInput &input, ReportEdition edition)
{
    const QString month = monthName(input.month, QLocale::LongFormat);
    if (edition == ReportEdition::StaffSummary) {
        PdfDocument doc(MonthlyReport::tr("Opioid therapy measures, %1: staff summary").arg(month),
                        MonthlyReport::tr("no patient is named in this summary"));
        summaryPage(doc, input);
        doc.paragraph(
            MonthlyReport::tr("Each measure counts patients on long-term opioid therapy on the month's last day, "
                              "over the window the clinic's policy sets for it."));
        return doc.finish();
    }

    const bool appendix = !input.behind.isEmpty() || !input.patients.isEmpty();
    PdfDocument doc(MonthlyReport::tr("Opioid therapy measures, %1").arg(month),
                    appendix ? MonthlyReport::tr("names patients: registry manager only, do not leave unattended")
                             : MonthlyReport::tr("no patient is named in this report"));
    doc.heading(MonthlyReport::tr("Summary"));
    summaryPage(doc, input);

    doc.newPage();
    doc.heading(MonthlyReport::tr("Twelve months"));
    const clinical::MonthlyMeasures &now = input.trend.last();
    for (qsizetype i = 0; i < now.measures.size(); ++i) {
        const clinical::Measure &m = now.measures.at(i);
        ChartSeries series;
        series.unit = isMeanPeg(m) ? QString() : QStringLiteral("%");
        series.maximum = isMeanPeg(m) ? 10 : 100;
        series.target = m.target;
        for (const auto &monthly : input.trend) {
            const clinical::Measure &then = monthly.measures.at(i);
            series.values << (then.denominator > 0 ? std::optional<double>(then.value) : std::nullopt);
            series.labels << monthName(monthly.month, QLocale::ShortFormat);
        }
        doc.lineChart(MonthlyReport::tr("%1: %2; target %3")
                          .arg(clinical::measureLabel(m.id, m.windowDays), valueText(m), targetText(m)),
                      series);
    }

    doc.newPage();
    doc.heading(MonthlyReport::tr("By prescriber, %1").arg(month));
    if (input.prescribers.isEmpty())
        doc.paragraph(MonthlyReport::tr("No patient has a prescriber recorded."));
    for (const auto &prescriber : input.prescribers) {
        doc.subheading(MonthlyReport::tr("%1: %2 patients on long-term therapy")
                           .arg(prescriber.prescriber)
                           .arg(prescriber.cotPatients));
        QList<QStringList> rows;
        for (const auto &m : prescriber.measures)
            rows << QStringList{clinical::measureLabel(m.id, m.windowDays), valueText(m), statusText(m)};
        doc.table({MonthlyReport::tr("Measure"), MonthlyReport::tr("This month"), MonthlyReport::tr("Status")}, rows,
                  {9, 5, 4});
    }

    if (appendix) {
        doc.newPage();
        doc.heading(MonthlyReport::tr("Appendix: patients behind the measures off target"));
        doc.paragraph(MonthlyReport::tr("For the registry manager's follow-up. Below a floor: the patients counted who "
                                        "do not meet it; above a ceiling: the patients who are counted in it."));
        for (const PatientsBehind &list : input.behind) {
            const auto m = std::find_if(now.measures.cbegin(), now.measures.cend(),
                                        [&](const clinical::Measure &x) { return x.id == list.measureId; });
            doc.subheading(
                MonthlyReport::tr("%1: %2 patients")
                    .arg(clinical::measureLabel(list.measureId, m == now.measures.cend() ? 0 : m->windowDays))
                    .arg(list.patientIds.size()));
            QList<QStringList> rows;
            for (const QString &id : list.patientIds) {
                const ReportPatient p = input.patients.value(id);
                rows << QStringList{p.name, p.clinicId, p.prescriber};
            }
            doc.table(
                {MonthlyReport::tr("Patient"), MonthlyReport::tr("Chart number"), MonthlyReport::tr("Prescriber")},
                rows, {6, 3, 5});
        }
    }
    return doc.finish();
}

}  // namespace cairn::reports
