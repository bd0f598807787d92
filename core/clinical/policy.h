#pragma once
// Clinic policy as data (assets/clinical/policy-default.json; keys documented in
// docs/clinic-policy.md). An administrator's edits and `cairnctl evaluate`'s "policy" object
// override the same keys, and are validated: no negative or absurd intervals. Every result names
// the policy version that produced it.

#include "core/clinical/referrals.h"
#include "core/clinical/responsibilities.h"
#include "core/domain/records.h"
#include "core/domain/result.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <optional>
#include <utility>

namespace cairn::clinical {

enum class Check { Visit, Peg, Uds, Pdmp, Agreement, DepressionScreen };
constexpr std::array kAllChecks{Check::Visit, Check::Peg,       Check::Uds,
                                Check::Pdmp,  Check::Agreement, Check::DepressionScreen};
QString policyKey(Check check);  // "visit", "peg", "uds", "pdmp", "agreement", "depression_screen"
// The checks whose monthly measure (agreement_current, pdmp_90d, uds_365d, peg_90d and mean_peg)
// looks back over the check's own interval (ClinicPolicy::measureWindow).
inline constexpr std::array kChecksWithMeasures{Check::Agreement, Check::Pdmp, Check::Uds, Check::Peg};

// Random urine testing, new patients already on opioids, firm refill rules: the policy objects
// "uds_selection", "new_patient" and "rule_strength" (docs/clinic-policy.md says why each default).
enum class UdsSelectionMode { Interval, Random };
enum class NewPatientMode { RecordsFirst, Bridge };
// The refill rules a clinic may make firm, as rule_strength keys: "no_fill_weekday",
// "max_days_supply", "notice", "early_allowance", "police_report".
const QStringList &refillRuleKeys();
// The rule_strength key behind a refill reason code ("TOO_EARLY" → "early_allowance"); empty if none.
QString refillRuleOfReason(const QString &reasonCode);

// Who counts as a long-term opioid therapy (LTOT) patient (policy object "ltot_definition"; see
// core/clinical/ltot.h and docs/clinic-policy.md).
struct LtotDefinition {
    int lookbackDays = 90;              // the window the supply is counted over
    int minDaysCoveredPercent = 50;     // share of its days with an opioid for pain ("most days")
    bool countExpectedLongTerm = true;  // an active open-ended course, or one planned for lookbackDays or more
    bool countClinicianFlag = true;     // a clinician's recorded decision (ltot_decision records)
};

// The monthly measures (policy object "measures"): the windows of the measures that have no
// matching care gap, and the clinic's targets. The measures that match a gap (agreement_current,
// pdmp_90d, uds_365d, peg_90d, mean_peg) look back over that gap's interval: ClinicPolicy::measureWindow.
struct MeasuresPolicy {
    int pdmpTwiceDays = 365;     // pdmp_twice_365d: two checks within
    int carePlanGoalDays = 365;  // care_plan_goal_current: an active goal set or reviewed within
    // Percent targets by measure id; a measure without one (null in the file) has no target.
    QList<std::pair<QString, std::optional<double>>> targets;

    [[nodiscard]] std::optional<double> target(const QString &measureId) const;
};

struct ClinicPolicy {
    QString version;
    std::array<std::array<int, 3>, kAllChecks.size()> intervalDays{};  // [check][tier low/moderate/high]
    double atLeastModerateMme = 50;
    double highTierMme = 90;
    double highDoseMme = 90;
    double naloxoneMme = 50;
    bool naloxoneWithBenzodiazepine = true;
    int naloxoneWithinDays = 730;
    int dueSoonDays = 14;
    int pcptsd5Cutoff = 3;
    QList<int> noFillWeekdays;  // Qt day numbers: 1 = Monday … 7 = Sunday
    int maxDaysSupply = 28;
    int noticeBusinessDays = 4;
    int earlyAllowanceDays = 2;
    bool lostOrStolenNeedsPoliceReport = true;
    LtotDefinition ltot;
    MeasuresPolicy measures;

    // uds_selection: a fixed interval (the UDS gap) or random selection within it at rooming.
    UdsSelectionMode udsSelectionMode = UdsSelectionMode::Interval;
    // The clinic's secret for the random draws (32 hex digits), made by the registry when random
    // selection is first stored; kept for audit, never shown on a screen or by `policy show`.
    QString udsSelectionSeed;
    // new_patient: records and a urine test before the first prescription, or a time-limited bridge.
    NewPatientMode newPatientMode = NewPatientMode::RecordsFirst;
    int newPatientBridgeDays = 30;
    // rule_strength: the refill rules set to "clinic_rule" (the others are advice).
    QStringList firmRefillRules;
    [[nodiscard]] bool isClinicRule(const QString &refillRule) const { return firmRefillRules.contains(refillRule); }

    // referrals: follow-up days per status and the triggers the clinic refers for (referrals.h).
    ReferralPolicy referrals;

    // --- responsibilities (policy `responsibilities`; responsibilities.h) ---------------------------
    // Which role closes each care gap; every gap code is present.
    Responsibilities responsibilities;
    // The role string ("registry_manager") that closes a gap; "clinician" for an unknown code.
    [[nodiscard]] QString responsibleRole(const QString &gapCode) const
    {
        return keys::toString(responsibilities.value(gapCode, keys::Role::Clinician));
    }

    [[nodiscard]] int interval(Check check, domain::RiskTier tier) const
    {
        return intervalDays.at(static_cast<std::size_t>(check)).at(static_cast<std::size_t>(tier));
    }
    // The look-back of the measure that matches `check`'s care gap: the longest interval any tier
    // has, so a patient counts while the check is not overdue even for the most lenient tier. With
    // the shipped intervals these are the rules contract's §8 windows (agreement 365, PDMP 90,
    // urine test 365, PEG 90 days).
    [[nodiscard]] int measureWindow(Check check) const;

    // The shipped default policy.
    static Result<ClinicPolicy> defaults();
    // `overrides` uses the same keys as the policy file; unknown keys and bad values are errors
    // naming the key ("intervals_days.uds.high"). The version becomes overrides.version, or
    // "<base>+local" when the overrides do not name one.
    [[nodiscard]] Result<ClinicPolicy> withOverrides(const QJsonObject &overrides) const;
    [[nodiscard]] QJsonObject toJson() const;
    static Result<ClinicPolicy> fromJson(const QJsonObject &json);
};

}  // namespace cairn::clinical
