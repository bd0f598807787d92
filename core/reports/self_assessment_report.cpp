#include "core/reports/self_assessment_report.h"

#include "core/reports/pdf_document.h"

namespace cairn::reports {
namespace {

QString averageText(std::optional<double> average)
{
    return average ? QString::number(*average, 'f', 1) : QStringLiteral("—");
}

QString respondentsText(const clinical::RoundResult &round)
{
    QStringList byRole;
    for (auto it = round.respondentsByRole.cbegin(); it != round.respondentsByRole.cend(); ++it)
        byRole << QStringLiteral("%1 %2")
                      .arg(it.value())
                      .arg(keys::toString(it.key()).replace(QLatin1Char('_'), QLatin1Char(' ')));
    return QStringLiteral("%1 (%2)").arg(round.respondents).arg(byRole.join(QStringLiteral(", ")));
}

}  // namespace

QByteArray renderSelfAssessmentReport(const clinical::SelfAssessment &form, const QList<clinical::RoundResult> &rounds,
                                      const QDate &generatedOn)
{
    PdfDocument doc(QStringLiteral("Six Building Blocks self-assessment"),
                    QStringLiteral("No patient is named in this document"));
    if (rounds.isEmpty()) {
        doc.paragraph(
            QStringLiteral("No round has been answered yet. Made %1.").arg(generatedOn.toString(Qt::ISODate)));
        return doc.finish();
    }
    const clinical::RoundResult &latest = rounds.last();
    const clinical::RoundResult *previous = rounds.size() > 1 ? &rounds.at(rounds.size() - 2) : nullptr;
    doc.paragraph(QStringLiteral("Rounds answered: %1. The latest, %2, was answered by %3. Each item is scored from 1 "
                                 "(%4) to 4 (%5); a block's score is the average of its items over everyone who "
                                 "answered. Form %6; made %7.")
                      .arg(rounds.size())
                      .arg(latest.round, respondentsText(latest), form.levelLabels.first(), form.levelLabels.last(),
                           form.version, generatedOn.toString(Qt::ISODate)));

    doc.heading(QStringLiteral("Blocks in %1").arg(latest.round));
    QList<QStringList> rows;
    for (const clinical::AssessmentBlock &block : form.blocks) {
        const auto now = latest.blockAverage(block.id);
        const auto before = previous ? previous->blockAverage(block.id) : std::nullopt;
        QString change = QStringLiteral("—");
        if (now && before)
            change = QStringLiteral("%1%2")
                         .arg(*now >= *before ? QStringLiteral("+") : QString())
                         .arg(*now - *before, 0, 'f', 1);
        rows << QStringList{block.title, averageText(now), previous ? averageText(before) : QStringLiteral("—"),
                            change};
    }
    doc.table({QStringLiteral("Building block"), latest.round, previous ? previous->round : QStringLiteral("Before"),
               QStringLiteral("Change")},
              rows, {5, 2, 2, 2});

    doc.heading(QStringLiteral("Each block over the rounds"));
    for (const clinical::AssessmentBlock &block : form.blocks) {
        ChartSeries series;
        series.maximum = clinical::SelfAssessment::kHighestScore;
        for (const clinical::RoundResult &round : rounds) {
            series.values << round.blockAverage(block.id);
            series.labels << round.round;
        }
        doc.lineChart(
            QStringLiteral("%1: %2 in %3").arg(block.title, averageText(latest.blockAverage(block.id)), latest.round),
            series);
    }

    doc.heading(QStringLiteral("Action-plan candidates in %1").arg(latest.round));
    const QStringList candidates = latest.actionPlanCandidates(form);
    if (candidates.isEmpty()) {
        doc.paragraph(QStringLiteral("No item averages 2 or less."));
    } else {
        QList<QStringList> itemRows;
        for (const QString &id : candidates)
            itemRows << QStringList{form.findBlock(form.blockOf(id))->title, form.findItem(id)->text,
                                    QString::number(latest.itemAverages.value(id), 'f', 1)};
        doc.table({QStringLiteral("Building block"), QStringLiteral("Item"), QStringLiteral("Average")}, itemRows,
                  {3, 7, 2});
    }
    return doc.finish();
}

}  // namespace cairn::reports
