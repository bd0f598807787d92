#include "core/clinical/ltot.h"

#include "core/clinical/mme.h"

#include <algorithm>

namespace cairn::clinical {

QString toString(LtotReason reason)
{
    switch (reason) {
    case LtotReason::SupplyOnMostDays:
        return QStringLiteral("supply_on_most_days");
    case LtotReason::ExpectedLongTerm:
        return QStringLiteral("expected_long_term");
    case LtotReason::ClinicianFlag:
        return QStringLiteral("clinician_flag");
    case LtotReason::ShortCourse:
        return QStringLiteral("short_course");
    case LtotReason::MoudOnly:
        return QStringLiteral("moud_only");
    case LtotReason::NoOpioid:
        return QStringLiteral("no_opioid");
    case LtotReason::Inactive:
        return QStringLiteral("inactive");
    }
    return {};
}

bool countsTowardsLtot(const domain::OpioidEntry &entry)
{
    return entry.indication != domain::OpioidIndication::OpioidUseDisorder;
}

namespace {

// The clinician's decision in force on the date: the latest by date, then by clock.
const domain::LtotDecision *decisionInForce(const domain::Patient &patient, const QDate &on)
{
    const domain::LtotDecision *latest = nullptr;
    for (const domain::LtotDecision &d : patient.ltotDecisions) {
        if (!d.date.isValid() || d.date > on)
            continue;
        if (!latest || d.date > latest->date || (d.date == latest->date && latest->meta.stamp < d.meta.stamp))
            latest = &d;
    }
    return latest;
}

}  // namespace

LtotStatus ltotStatus(const domain::Patient &patient, const QDate &on, const ClinicPolicy &policy)
{
    const LtotDefinition &definition = policy.ltot;
    LtotStatus status;
    status.lookbackDays = definition.lookbackDays;
    status.moud = std::any_of(patient.opioids.cbegin(), patient.opioids.cend(), [&](const domain::OpioidEntry &e) {
        return !countsTowardsLtot(e) && isActiveOn(e.start, e.end, on);
    });
    if (!domain::isActiveOn(patient, on)) {
        status.reason = LtotReason::Inactive;
        return status;
    }
    const QDate first = on.addDays(1 - definition.lookbackDays);
    bool activeToday = false;
    bool expectedLongTerm = false;
    for (const domain::OpioidEntry &e : patient.opioids) {
        if (!countsTowardsLtot(e) || !isActiveOn(e.start, e.end, on))
            continue;
        activeToday = true;
        if (!e.end.isValid() || e.start.daysTo(e.end) + 1 >= definition.lookbackDays)
            expectedLongTerm = true;
    }
    if (activeToday) {
        // Days of the look-back with any opioid for pain active: the union of the entries' spans
        // clipped to the window, so overlapping entries count a day once.
        QList<std::pair<QDate, QDate>> spans;
        for (const domain::OpioidEntry &e : patient.opioids) {
            if (!countsTowardsLtot(e) || !e.start.isValid())
                continue;
            const QDate from = std::max(e.start, first);
            const QDate to = e.end.isValid() ? std::min(e.end, on) : on;
            if (from <= to)
                spans.append({from, to});
        }
        std::sort(spans.begin(), spans.end());
        QDate coveredUpTo;  // the last day already counted
        for (const auto &[from, to] : std::as_const(spans)) {
            const QDate start = coveredUpTo.isValid() ? std::max(from, coveredUpTo.addDays(1)) : from;
            if (start <= to) {
                status.daysCovered += static_cast<int>(start.daysTo(to)) + 1;
                coveredUpTo = to;
            }
        }
    }
    const domain::LtotDecision *decision = decisionInForce(patient, on);
    const bool flagged = definition.countClinicianFlag && decision && decision->longTerm;
    if (activeToday && status.daysCovered * 100 >= definition.minDaysCoveredPercent * definition.lookbackDays) {
        status.onLtot = true;
        status.reason = LtotReason::SupplyOnMostDays;
    } else if (activeToday && definition.countExpectedLongTerm && expectedLongTerm) {
        status.onLtot = true;
        status.reason = LtotReason::ExpectedLongTerm;
    } else if (flagged) {
        status.onLtot = true;
        status.reason = LtotReason::ClinicianFlag;
    } else if (activeToday) {
        status.reason = LtotReason::ShortCourse;
    } else {
        status.reason = status.moud ? LtotReason::MoudOnly : LtotReason::NoOpioid;
    }
    return status;
}

}  // namespace cairn::clinical
