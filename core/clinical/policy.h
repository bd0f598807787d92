#pragma once
// Clinic policy as data (assets/clinical/policy-default.json; keys documented in
// docs/clinic-policy.md). An administrator's edits and `cairnctl evaluate`'s "policy" object
// override the same keys, and are validated: no negative or absurd intervals. Every result names
// the policy version that produced it.

#include "core/clinical/responsibilities.h"
#include "core/domain/records.h"
#include "core/domain/result.h"

#include <QJsonObject>
#include <QString>

#include <array>

namespace cairn::clinical {

enum class Check { Visit, Peg, Uds, Pdmp, Agreement, DepressionScreen };
constexpr std::array kAllChecks{Check::Visit, Check::Peg,       Check::Uds,
                                Check::Pdmp,  Check::Agreement, Check::DepressionScreen};
QString policyKey(Check check);  // "visit", "peg", "uds", "pdmp", "agreement", "depression_screen"

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
