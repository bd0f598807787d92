#include "core/clinical/refill.h"

#include "core/clinical/intake.h"

#include <algorithm>

namespace cairn::clinical {

int businessDaysBetween(const QDate &from, const QDate &to)
{
    int days = 0;
    for (QDate d = from.addDays(1); d <= to; d = d.addDays(1))
        days += d.dayOfWeek() <= 5 ? 1 : 0;
    return days;
}

NewPatientStatus newPatientStatus(const RefillRequest &r, const std::optional<domain::Patient> &patient,
                                  const ClinicPolicy &policy)
{
    if (!patient || !patient->opioidPrescriberSince.isValid())
        return {r.newPatient, NewPatientSource::FrontDesk, QDate()};
    const QDate since = patient->opioidPrescriberSince;
    return {r.asOf < since.addDays(policy.newPatientBridgeDays), NewPatientSource::Record, since};
}

namespace {

// A request from a patient new to the clinic who already takes opioids (policy new_patient).
// Returns true when the policy refuses it as requested.
bool checkNewPatient(const RefillRequest &r, const std::optional<domain::Patient> &patient, const ClinicPolicy &policy,
                     RefillAdvice &advice)
{
    advice.newPatient = newPatientStatus(r, patient, policy);
    if (!advice.newPatient.isNew)
        return false;
    const bool udsOnRecord = !patient || std::any_of(patient->uds.cbegin(), patient->uds.cend(), [&](const auto &u) {
        return u.date.isValid() && u.date <= r.requestedFillDate;
    });
    // The bridge runs for bridge_days from the first prescription here when the record says when
    // that was, else from the patient's first refill request here (or this one).
    QDate start = advice.newPatient.source == NewPatientSource::Record ? advice.newPatient.prescriberSince : r.asOf;
    if (patient && advice.newPatient.source == NewPatientSource::FrontDesk) {
        for (const domain::RefillRequest &q : patient->refillRequests)
            if (q.date.isValid() && q.date < start)
                start = q.date;
    }
    const NewPatientRuling ruling =
        newPatientRuling(policy, r.priorRecordsReceived, udsOnRecord, start, r.requestedFillDate.addDays(r.daysSupply));
    if (!ruling.reason.isEmpty())
        advice.reasons << ruling.reason;
    return ruling.refused;
}

}  // namespace

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
    const bool newPatientRefused = checkNewPatient(r, patient, policy, advice);
    advice.decision = lostWithoutReport || newPatientRefused ? QStringLiteral("not_allowed_by_policy")
                      : advice.reasons.isEmpty()             ? QStringLiteral("allowed")
                                                             : QStringLiteral("needs_review");
    for (const QString &code : advice.reasons) {
        if (policy.isClinicRule(refillRuleOfReason(code)))
            advice.clinicRules << code;
    }
    if (!advice.clinicRules.isEmpty())
        advice.decision = QStringLiteral("not_allowed_by_policy");
    advice.policyVersion = policy.version;
    return advice;
}

}  // namespace cairn::clinical
