#pragma once
// Referrals followed through: which moves a referral may make, when it needs following up, and
// which of the clinic's referral triggers are still unanswered. One place for these rules: the
// registry asks them before every referral write, the rules engine (rules.cpp) raises the
// REFERRAL_FOLLOWUP and REFERRAL_NEEDED gaps from them, the screens and cairnctl show them.

#include "core/clinical/instruments.h"
#include "core/domain/records.h"
#include "core/domain/result.h"

#include <QJsonObject>

#include <array>
#include <optional>

namespace cairn::clinical {

// Policy object "referrals" (docs/clinic-policy.md).
struct ReferralPolicy {
    // Days after a referral reached a status by which someone checks on it; absent: no follow-up
    // (closed, declined, no response).
    std::array<std::optional<int>, 7> followUpDays{7, 14, 30, 14, std::nullopt, std::nullopt, std::nullopt};
    // The triggers this clinic refers for; each stays a gap until a referral or a recorded decision
    // not to refer, dated within answeredForDays before the evaluation date.
    QList<domain::ReferralTrigger> triggers{domain::ReferralTrigger::HighDose, domain::ReferralTrigger::UdsUnexpected,
                                            domain::ReferralTrigger::PositiveScreen,
                                            domain::ReferralTrigger::TaperPaused, domain::ReferralTrigger::OudConcern};
    int answeredForDays = 365;

    [[nodiscard]] std::optional<int> followUpAfter(domain::ReferralStatus status) const
    {
        return followUpDays.at(static_cast<std::size_t>(status));
    }
};
Result<ReferralPolicy> referralPolicyFromJson(const QJsonObject &json);  // errors name "referrals.<key>"
QJsonObject referralPolicyToJson(const ReferralPolicy &policy);

// Still being worked on: drafted, sent, scheduled or seen.
bool isOpen(domain::ReferralStatus status);
// The statuses a referral may move to from `from` (not including staying where it is).
QList<domain::ReferralStatus> nextStatuses(domain::ReferralStatus from);
// The day the status was reached (status_date, else the referral's date).
QDate statusReachedOn(const domain::Referral &referral);
// When someone should check on the referral; null when its status needs no follow-up.
QDate followUpDue(const domain::Referral &referral, const ReferralPolicy &policy);

// A new referral: a question, and a directory resource or a destination ("question", "to").
Status checkNewReferral(const domain::Referral &referral);
// A referral's next version: an impossible status move is refused naming "status"; the question
// cannot be blanked. Whether the resource exists is the registry's to check (it holds the directory).
Status checkReferralChange(const domain::Referral &before, const domain::Referral &after);
// Whether the change touches what a clinician decides (destination, question, urgency, type) rather
// than only moving the referral on; such changes need a clinician.
bool changesClinicalContent(const domain::Referral &before, const domain::Referral &after);

// The clinic's referral triggers present on a date (latest scores already computed by the rules).
struct TriggerFacts {
    double mmePerDay = 0;
    double highDoseMme = 90;
    bool latestUdsUnexpected = false;
    bool positiveScreen = false;
    bool taperPaused = false;
    bool oudConcern = false;  // the latest DSM-5 checklist meets criteria (clinical/oud.h)
};
// Whether a screening score counts as a positive screen for referral: a positive result (PHQ-2,
// GAD-2, PC-PTSD-5) or a band of moderate or worse (PHQ-9, GAD-7).
bool isPositiveScreen(const ScreeningScore &score);
// The triggers present and not answered by a referral (not declined or unanswered) or by a decision
// not to refer for that trigger, dated within the policy's window on or before asOf.
QList<domain::ReferralTrigger> unansweredTriggers(const domain::Patient &patient, const TriggerFacts &facts,
                                                  const QDate &asOf, const ReferralPolicy &policy);

}  // namespace cairn::clinical
