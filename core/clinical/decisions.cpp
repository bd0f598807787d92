#include "core/clinical/decisions.h"

#include "core/clinical/instrument_definition.h"

#include <QJsonArray>

#include <algorithm>

namespace cairn::clinical {

bool isUrgent(const CareGap &gap)
{
    return gap.severity == Severity::Urgent || gap.severity == Severity::High;
}

bool anyUrgent(const QList<CareGap> &gaps)
{
    return std::any_of(gaps.cbegin(), gaps.cend(), [](const CareGap &g) { return isUrgent(g); });
}

QList<CareGap> gapsForClinician(const QList<CareGap> &gaps)
{
    QList<CareGap> result;
    for (const CareGap &g : gaps) {
        if (g.role == QLatin1String("clinician") || g.status == GapStatus::Alert)
            result.append(g);
    }
    return result;
}

double pegMean(int pain, int enjoyment, int activity)
{
    return (pain + enjoyment + activity) / 3.0;
}

double pegImprovementTarget(double baselineMean)
{
    return 0.7 * baselineMean;
}

double pegMean(const domain::PegScore &peg)
{
    return pegMean(peg.pain, peg.enjoyment, peg.activity);
}

bool suicideRiskAlert(const ScreeningScore &score)
{
    return score.alerts.contains(QLatin1String(kSuicideRiskAlert));
}

bool suicideRiskAlert(const Instrument &instrument, const QList<int> &answers)
{
    // Score the answers given so far, with each unanswered item at the lowest answer: an alert
    // fires on an item's own answer, so the items not yet answered cannot raise one.
    const int lowest = answerRange(instrument).min;
    QJsonArray scores;
    for (int i = 0; i < instrument.itemCount(); ++i) {
        const int answer = answers.value(i, -1);
        scores.append(answer < 0 ? lowest : answer);
    }
    auto score = instrument.score(scores, domain::Sex::Unknown, 0);
    return score && suicideRiskAlert(*score);
}

}  // namespace cairn::clinical
