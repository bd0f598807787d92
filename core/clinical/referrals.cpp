#include "core/clinical/referrals.h"

#include "core/domain/text.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace cairn::clinical {
namespace {

using domain::ReferralStatus;
using S = ReferralStatus;

constexpr std::array kAllStatuses{S::Drafted, S::Sent, S::Scheduled, S::Seen, S::Closed, S::Declined, S::NoResponse};

}  // namespace

bool isOpen(ReferralStatus status)
{
    return status == S::Drafted || status == S::Sent || status == S::Scheduled || status == S::Seen;
}

QList<ReferralStatus> nextStatuses(ReferralStatus from)
{
    switch (from) {
    case S::Drafted:
        return {S::Sent, S::Closed};
    case S::Sent:
        return {S::Scheduled, S::Declined, S::NoResponse, S::Closed};
    case S::Scheduled:
        return {S::Seen, S::Declined, S::NoResponse, S::Closed};
    case S::Seen:
        return {S::Closed};
    case S::NoResponse:
        return {S::Sent, S::Closed};  // sent again, or given up
    case S::Declined:
        return {S::Closed};
    case S::Closed:
        return {};
    }
    return {};
}

QDate statusReachedOn(const domain::Referral &referral)
{
    return referral.statusDate.isValid() ? referral.statusDate : referral.date;
}

QDate followUpDue(const domain::Referral &referral, const ReferralPolicy &policy)
{
    const auto days = policy.followUpAfter(referral.status);
    if (!days)
        return {};
    return statusReachedOn(referral).addDays(*days);
}

Status checkNewReferral(const domain::Referral &referral)
{
    if (referral.question.trimmed().isEmpty())
        return Error{QStringLiteral("question"), QStringLiteral("is required: what should the referral answer?")};
    if (referral.resourceId.isEmpty() && referral.to.trimmed().isEmpty())
        return Error{QStringLiteral("to"), QStringLiteral("is required: a resource from the directory or where to")};
    return ok();
}

Status checkReferralChange(const domain::Referral &before, const domain::Referral &after)
{
    if (before.status != after.status && !nextStatuses(before.status).contains(after.status)) {
        QStringList possible;
        for (ReferralStatus next : nextStatuses(before.status))
            possible.append(domain::toString(next));
        return Error{QStringLiteral("status"),
                     possible.isEmpty()
                         ? QStringLiteral("a %1 referral cannot change status").arg(domain::toString(before.status))
                         : QStringLiteral("cannot go from %1 to %2 (possible: %3)")
                               .arg(domain::toString(before.status), domain::toString(after.status),
                                    possible.join(QStringLiteral(", ")))};
    }
    if (!before.question.trimmed().isEmpty() && after.question.trimmed().isEmpty())
        return Error{QStringLiteral("question"), QStringLiteral("is required: what should the referral answer?")};
    if (after.resourceId.isEmpty() && after.to.trimmed().isEmpty())
        return Error{QStringLiteral("to"), QStringLiteral("is required: a resource from the directory or where to")};
    if (after.statusDate.isValid() && statusReachedOn(before).isValid() && before.status != after.status &&
        after.statusDate < statusReachedOn(before))
        return Error{QStringLiteral("status_date"),
                     QStringLiteral("must not be before the day the referral became %1 (%2)")
                         .arg(domain::toString(before.status), statusReachedOn(before).toString(Qt::ISODate))};
    return ok();
}

bool changesClinicalContent(const domain::Referral &before, const domain::Referral &after)
{
    return before.resourceId != after.resourceId || before.to != after.to || before.question != after.question ||
           before.urgency != after.urgency || before.type != after.type || before.date != after.date;
}

bool isPositiveScreen(const ScreeningScore &score)
{
    if (score.resultKind == QLatin1String("positive"))
        return score.result == QLatin1String("positive");
    if (score.resultKind == QLatin1String("band") &&
        (score.instrument == QLatin1String("phq9") || score.instrument == QLatin1String("gad7")))
        return score.result == QLatin1String("moderate") || score.result == QLatin1String("moderately_severe") ||
               score.result == QLatin1String("severe");
    return false;
}

QList<domain::ReferralTrigger> unansweredTriggers(const domain::Patient &patient, const TriggerFacts &facts,
                                                  const QDate &asOf, const ReferralPolicy &policy)
{
    using T = domain::ReferralTrigger;
    const QDate since = asOf.addDays(-policy.answeredForDays);
    const auto inWindow = [&](const QDate &date) { return date.isValid() && date >= since && date <= asOf; };
    // Any referral made in the window answers every trigger, unless it was declined or never answered.
    const bool referred =
        std::any_of(patient.referrals.cbegin(), patient.referrals.cend(), [&](const domain::Referral &r) {
            return inWindow(r.date) && r.status != S::Declined && r.status != S::NoResponse;
        });
    QList<T> unanswered;
    for (T trigger : policy.triggers) {
        bool present = false;
        switch (trigger) {
        case T::HighDose:
            present = facts.mmePerDay >= facts.highDoseMme;
            break;
        case T::UdsUnexpected:
            present = facts.latestUdsUnexpected;
            break;
        case T::PositiveScreen:
            present = facts.positiveScreen;
            break;
        case T::TaperPaused:
            present = facts.taperPaused;
            break;
        case T::OudConcern:
            present = facts.oudConcern;
            break;
        }
        if (!present || referred)
            continue;
        const bool decided =
            std::any_of(patient.noReferralDecisions.cbegin(), patient.noReferralDecisions.cend(),
                        [&](const domain::NoReferralDecision &d) { return d.trigger == trigger && inWindow(d.date); });
        if (!decided)
            unanswered.append(trigger);
    }
    return unanswered;
}

Result<ReferralPolicy> referralPolicyFromJson(const QJsonObject &json)
{
    ReferralPolicy policy;
    const QJsonValue followUp = json.value(QStringLiteral("follow_up_days"));
    if (!followUp.isObject())
        return Error{QStringLiteral("referrals.follow_up_days"),
                     QStringLiteral("must be an object of status to days (drafted, sent, scheduled, seen)")};
    const QJsonObject days = followUp.toObject();
    for (auto it = days.begin(); it != days.end(); ++it) {
        const QString field = QStringLiteral("referrals.follow_up_days.") + domain::quotedInput(it.key(), 30);
        ReferralStatus status{};
        if (!domain::parse(it.key(), &status) || !isOpen(status) || it.key() == QLatin1String("proposed"))
            return Error{field, QStringLiteral("is not a status that is followed up (drafted, sent, scheduled, seen)")};
        const double d = it.value().toDouble(-1);
        if (!it.value().isDouble() || std::floor(d) != d || d < 1 || d > 365)
            return Error{field, QStringLiteral("must be a whole number of days from 1 to 365")};
        policy.followUpDays.at(static_cast<std::size_t>(status)) = static_cast<int>(d);
    }
    const QJsonValue triggers = json.value(QStringLiteral("triggers"));
    if (!triggers.isArray())
        return Error{QStringLiteral("referrals.triggers"),
                     QStringLiteral("must be a list of high_dose, uds_unexpected, positive_screen, taper_paused, "
                                    "oud_concern")};
    policy.triggers.clear();
    for (const QJsonValue &value : triggers.toArray()) {
        domain::ReferralTrigger trigger{};
        if (!domain::parse(value.toString(), &trigger))
            return Error{QStringLiteral("referrals.triggers"),
                         QStringLiteral("\"%1\" is not a trigger: must be high_dose, uds_unexpected, positive_screen, "
                                        "taper_paused or oud_concern")
                             .arg(domain::quotedInput(value.toString(), 30))};
        if (!policy.triggers.contains(trigger))
            policy.triggers.append(trigger);
    }
    const QJsonValue answered = json.value(QStringLiteral("answered_for_days"));
    const double d = answered.toDouble(-1);
    if (!answered.isDouble() || std::floor(d) != d || d < 1 || d > 3650)
        return Error{QStringLiteral("referrals.answered_for_days"),
                     QStringLiteral("must be a whole number of days from 1 to 3650")};
    policy.answeredForDays = static_cast<int>(d);
    return policy;
}

QJsonObject referralPolicyToJson(const ReferralPolicy &policy)
{
    QJsonObject days;
    for (ReferralStatus status : kAllStatuses) {
        if (const auto after = policy.followUpAfter(status))
            days.insert(domain::toString(status), *after);
    }
    QJsonArray triggers;
    for (domain::ReferralTrigger trigger : policy.triggers)
        triggers.append(domain::toString(trigger));
    return {{QStringLiteral("follow_up_days"), days},
            {QStringLiteral("triggers"), triggers},
            {QStringLiteral("answered_for_days"), policy.answeredForDays}};
}

}  // namespace cairn::clinical
