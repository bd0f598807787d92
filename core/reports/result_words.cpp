#include "core/reports/result_words.h"

#include <QCoreApplication>

namespace cairn::reports {

struct ResultWords {
    Q_DECLARE_TR_FUNCTIONS(cairn::reports::ResultWords)
};

QString screeningResultWords(const clinical::ScreeningScore &score)
{
    const QString &result = score.result;
    // A tier is a risk ("low risk"); a band's "moderate" is a severity ("moderate").
    if (score.resultKind == QLatin1String("tier")) {
        if (result == QLatin1String("low"))
            return ResultWords::tr("low risk");
        if (result == QLatin1String("moderate"))
            return ResultWords::tr("moderate risk");
        if (result == QLatin1String("high"))
            return ResultWords::tr("high risk");
    }
    if (result == QLatin1String("minimal"))
        return ResultWords::tr("minimal");
    if (result == QLatin1String("mild"))
        return ResultWords::tr("mild");
    if (result == QLatin1String("moderate"))
        return ResultWords::tr("moderate");
    if (result == QLatin1String("moderately_severe"))
        return ResultWords::tr("moderately severe");
    if (result == QLatin1String("severe"))
        return ResultWords::tr("severe");
    if (result == QLatin1String("positive"))
        return ResultWords::tr("positive");
    if (result == QLatin1String("negative"))
        return ResultWords::tr("negative");
    return result;
}

QString screeningScoreWords(const clinical::ScreeningScore &score)
{
    const int total = static_cast<int>(score.total);
    if (score.result.isEmpty())
        return ResultWords::tr("score %1").arg(total);
    // The PC-PTSD-5 counts its yes answers; the PHQ-2 and GAD-2 are positive or negative too, but
    // their total is a score (0-6), not a count out of 5.
    if (score.instrument == QLatin1String("pcptsd5"))
        return ResultWords::tr("%1 of 5, %2").arg(total).arg(screeningResultWords(score));
    return ResultWords::tr("score %1, %2").arg(total).arg(screeningResultWords(score));
}

QString urineResultWords(domain::UdsResult result)
{
    switch (result) {
    case domain::UdsResult::Expected:
        return ResultWords::tr("as expected");
    case domain::UdsResult::Unexpected:
        return ResultWords::tr("not as expected");
    case domain::UdsResult::Pending:
        return ResultWords::tr("result pending");
    }
    return {};
}

}  // namespace cairn::reports
