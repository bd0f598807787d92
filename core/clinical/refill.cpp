#include "core/clinical/refill.h"

namespace cairn::clinical {

int businessDaysBetween(const QDate &from, const QDate &to)
{
    int days = 0;
    for (QDate d = from.addDays(1); d <= to; d = d.addDays(1))
        days += d.dayOfWeek() <= 5 ? 1 : 0;
    return days;
}

Result<RefillAdvice> checkRefill(const RefillRequest &r, const std::optional<domain::Patient> &patient,
                                 const RulesContext &context)
{
    const ClinicPolicy &policy = context.policy;
    RefillAdvice advice;
    if (policy.noFillWeekdays.contains(r.requestedFillDate.dayOfWeek()))
        advice.reasons << QStringLiteral("FILL_DAY_NOT_ALLOWED");
    if (businessDaysBetween(r.asOf, r.requestedFillDate) < policy.noticeBusinessDays)
        advice.reasons << QStringLiteral("INSUFFICIENT_NOTICE");
    if (r.requestedFillDate < r.lastFillDate.addDays(r.lastFillDaysSupply - policy.earlyAllowanceDays))
        advice.reasons << QStringLiteral("TOO_EARLY");
    if (r.daysSupply > policy.maxDaysSupply)
        advice.reasons << QStringLiteral("SUPPLY_TOO_LONG");
    const bool lostWithoutReport =
        r.reason == RefillReason::LostOrStolen && !r.policeReport && policy.lostOrStolenNeedsPoliceReport;
    if (lostWithoutReport)
        advice.reasons << QStringLiteral("LOST_OR_STOLEN_NO_REPORT");
    if (patient) {
        // The patient's checks must hold on the day of the fill.
        auto evaluation = evaluate(*patient, r.requestedFillDate, context);
        if (!evaluation)
            return evaluation.error().within(QStringLiteral("patient"));
        auto blocking = [&](const char *gap) {
            return std::any_of(evaluation->gaps.cbegin(), evaluation->gaps.cend(), [gap](const CareGap &g) {
                return g.code == QLatin1String(gap) &&
                       (g.status == GapStatus::Overdue || g.status == GapStatus::Missing);
            });
        };
        if (blocking("PDMP_CHECK"))
            advice.reasons << QStringLiteral("PDMP_CHECK_REQUIRED");
        if (blocking("AGREEMENT"))
            advice.reasons << QStringLiteral("AGREEMENT_REQUIRED");
        if (blocking("VISIT"))
            advice.reasons << QStringLiteral("VISIT_REQUIRED");
    }
    advice.decision = lostWithoutReport          ? QStringLiteral("not_allowed_by_policy")
                      : advice.reasons.isEmpty() ? QStringLiteral("allowed")
                                                 : QStringLiteral("needs_review");
    return advice;
}

}  // namespace cairn::clinical
