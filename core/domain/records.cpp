#include "core/domain/records.h"

#include <array>
#include <utility>

namespace cairn::domain {
namespace {

template<typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[v, name] : table)
        if (v == value)
            return QString::fromLatin1(name);
    return {};
}

template<typename E, std::size_t N>
bool valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &text, E *out)
{
    for (const auto &[v, name] : table) {
        if (text == QLatin1String(name)) {
            *out = v;
            return true;
        }
    }
    return false;
}

constexpr std::array<std::pair<Sex, const char *>, 3> kSex{{{Sex::Female, "female"}, {Sex::Male, "male"}, {Sex::Unknown, "unknown"}}};
constexpr std::array<std::pair<RiskTier, const char *>, 3> kTier{{{RiskTier::Low, "low"}, {RiskTier::Moderate, "moderate"}, {RiskTier::High, "high"}}};
constexpr std::array<std::pair<UdsResult, const char *>, 3> kUds{{{UdsResult::Expected, "expected"}, {UdsResult::Unexpected, "unexpected"}, {UdsResult::Pending, "pending"}}};
constexpr std::array<std::pair<VisitStatus, const char *>, 4> kVisit{{{VisitStatus::Scheduled, "scheduled"}, {VisitStatus::Completed, "completed"}, {VisitStatus::Cancelled, "cancelled"}, {VisitStatus::NoShow, "no_show"}}};
constexpr std::array<std::pair<NaloxoneAction, const char *>, 2> kNaloxone{{{NaloxoneAction::Offered, "offered"}, {NaloxoneAction::Prescribed, "prescribed"}}};
constexpr std::array<std::pair<ReferralStatus, const char *>, 5> kReferral{{{ReferralStatus::Proposed, "proposed"}, {ReferralStatus::Sent, "sent"}, {ReferralStatus::Scheduled, "scheduled"}, {ReferralStatus::Completed, "completed"}, {ReferralStatus::Declined, "declined"}}};
constexpr std::array<std::pair<TaperStatus, const char *>, 5> kTaper{{{TaperStatus::None, "none"}, {TaperStatus::Planned, "planned"}, {TaperStatus::InProgress, "in_progress"}, {TaperStatus::Paused, "paused"}, {TaperStatus::Completed, "completed"}}};
constexpr std::array<std::pair<GoalStatus, const char *>, 3> kGoal{{{GoalStatus::Active, "active"}, {GoalStatus::Met, "met"}, {GoalStatus::Dropped, "dropped"}}};

}  // namespace

QString toString(Sex v) { return nameOf(kSex, v); }
QString toString(RiskTier v) { return nameOf(kTier, v); }
QString toString(UdsResult v) { return nameOf(kUds, v); }
QString toString(VisitStatus v) { return nameOf(kVisit, v); }
QString toString(NaloxoneAction v) { return nameOf(kNaloxone, v); }
QString toString(ReferralStatus v) { return nameOf(kReferral, v); }
QString toString(TaperStatus v) { return nameOf(kTaper, v); }
QString toString(GoalStatus v) { return nameOf(kGoal, v); }
bool parse(const QString &text, Sex *out) { return valueOf(kSex, text, out); }
bool parse(const QString &text, RiskTier *out) { return valueOf(kTier, text, out); }
bool parse(const QString &text, UdsResult *out) { return valueOf(kUds, text, out); }
bool parse(const QString &text, VisitStatus *out) { return valueOf(kVisit, text, out); }
bool parse(const QString &text, NaloxoneAction *out) { return valueOf(kNaloxone, text, out); }
bool parse(const QString &text, ReferralStatus *out) { return valueOf(kReferral, text, out); }
bool parse(const QString &text, TaperStatus *out) { return valueOf(kTaper, text, out); }
bool parse(const QString &text, GoalStatus *out) { return valueOf(kGoal, text, out); }

int ageOn(const QDate &birthDate, const QDate &on)
{
    int age = on.year() - birthDate.year();
    if (on.month() < birthDate.month() || (on.month() == birthDate.month() && on.day() < birthDate.day()))
        --age;
    return age;
}

}  // namespace cairn::domain
