#include "core/clinical/referral_triggers.h"

#include "core/clinical/oud.h"

#include <QHash>

#include <algorithm>

namespace cairn::clinical {

TriggerFacts triggerFacts(const domain::Patient &patient, const Evaluation &evaluation, const ClinicPolicy &policy)
{
    // The latest score of each instrument (on a tie, the later one entered), as "positive_screen" reads it.
    QHash<QString, ScreeningScore> latestByInstrument;
    for (const ScreeningScore &score : evaluation.scores)
        if (const auto seen = latestByInstrument.constFind(score.instrument);
            seen == latestByInstrument.cend() || score.date >= seen->date)
            latestByInstrument.insert(score.instrument, score);
    const domain::UrineDrugScreen *latestUds = nullptr;
    for (const auto &u : patient.uds)
        if (u.date.isValid() && u.date <= evaluation.asOf && (!latestUds || u.date >= latestUds->date))
            latestUds = &u;
    TriggerFacts facts;
    facts.mmePerDay = evaluation.mme.totalPerDay;
    facts.highDoseMme = policy.highDoseMme;
    facts.latestUdsUnexpected = latestUds && latestUds->result == domain::UdsResult::Unexpected;
    facts.positiveScreen = std::any_of(latestByInstrument.cbegin(), latestByInstrument.cend(), isPositiveScreen);
    facts.taperPaused = domain::taperStatusOf(patient) == domain::TaperStatus::Paused;
    facts.oudConcern = oudConcernOn(patient, evaluation.asOf);
    return facts;
}

QList<domain::ReferralTrigger> unansweredReferralTriggers(const domain::Patient &patient, const Evaluation &evaluation,
                                                          const ClinicPolicy &policy)
{
    return unansweredTriggers(patient, triggerFacts(patient, evaluation, policy), evaluation.asOf, policy.referrals);
}

}  // namespace cairn::clinical
