#include "core/clinical/policy.h"

#include "core/clinical/assets.h"

#include <QJsonArray>

#include <cmath>

namespace cairn::clinical {
namespace {

const QStringList kTiers{QStringLiteral("low"), QStringLiteral("moderate"), QStringLiteral("high")};
const QStringList kWeekdays{QStringLiteral("monday"),   QStringLiteral("tuesday"), QStringLiteral("wednesday"),
                            QStringLiteral("thursday"), QStringLiteral("friday"),  QStringLiteral("saturday"),
                            QStringLiteral("sunday")};

// Merges `overrides` into `base`, refusing keys `base` does not have.
Result<QJsonObject> merge(const QJsonObject &base, const QJsonObject &overrides, const QString &path)
{
    QJsonObject merged = base;
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        const QString field = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
        if (it.key() == QLatin1String("version") && path.isEmpty()) {
            merged.insert(it.key(), it.value());
            continue;
        }
        if (!base.contains(it.key()) || it.key() == QLatin1String("sources"))
            return Error{field, QStringLiteral("is not a clinic policy setting")};
        const QJsonValue current = base.value(it.key());
        if (current.isObject()) {
            if (!it.value().isObject())
                return Error{field, QStringLiteral("must be an object")};
            auto inner = merge(current.toObject(), it.value().toObject(), field);
            if (!inner)
                return inner.error();
            merged.insert(it.key(), *inner);
        } else {
            merged.insert(it.key(), it.value());
        }
    }
    return merged;
}

Result<int> wholeDays(const QJsonValue &value, const QString &field, int low, int high)
{
    const double d = value.toDouble(-1);
    if (!value.isDouble() || std::floor(d) != d || d < low || d > high)
        return Error{field, QStringLiteral("must be a whole number of days from %1 to %2").arg(low).arg(high)};
    return static_cast<int>(d);
}

Result<double> mme(const QJsonValue &value, const QString &field)
{
    const double d = value.toDouble(-1);
    if (!value.isDouble() || !(d > 0) || d > 1000)
        return Error{field, QStringLiteral("must be an MME/day above 0 and at most 1000")};
    return d;
}

}  // namespace

QString policyKey(Check check)
{
    switch (check) {
    case Check::Visit:
        return QStringLiteral("visit");
    case Check::Peg:
        return QStringLiteral("peg");
    case Check::Uds:
        return QStringLiteral("uds");
    case Check::Pdmp:
        return QStringLiteral("pdmp");
    case Check::Agreement:
        return QStringLiteral("agreement");
    case Check::DepressionScreen:
        return QStringLiteral("depression_screen");
    }
    return {};
}

Result<ClinicPolicy> ClinicPolicy::fromJson(const QJsonObject &json)
{
    ClinicPolicy p;
    p.version = json.value(QStringLiteral("version")).toString();
    if (p.version.isEmpty())
        return Error{QStringLiteral("version"), QStringLiteral("every policy has a version")};
    const QJsonObject intervals = json.value(QStringLiteral("intervals_days")).toObject();
    for (Check check : kAllChecks) {
        const QJsonObject byTier = intervals.value(policyKey(check)).toObject();
        for (int tier = 0; tier < 3; ++tier) {
            const QString field = QStringLiteral("intervals_days.%1.%2").arg(policyKey(check), kTiers.at(tier));
            auto days = wholeDays(byTier.value(kTiers.at(tier)), field, 1, 3650);
            if (!days)
                return days.error();
            p.intervalDays.at(static_cast<std::size_t>(check)).at(static_cast<std::size_t>(tier)) = *days;
        }
    }
    const QJsonObject tiers = json.value(QStringLiteral("tier_thresholds_mme")).toObject();
    auto moderate =
        mme(tiers.value(QStringLiteral("at_least_moderate")), QStringLiteral("tier_thresholds_mme.at_least_moderate"));
    auto high = mme(tiers.value(QStringLiteral("high")), QStringLiteral("tier_thresholds_mme.high"));
    auto highDose = mme(json.value(QStringLiteral("high_dose_mme")), QStringLiteral("high_dose_mme"));
    const QJsonObject naloxone = json.value(QStringLiteral("naloxone")).toObject();
    auto naloxoneMme = mme(naloxone.value(QStringLiteral("mme_at_least")), QStringLiteral("naloxone.mme_at_least"));
    auto within =
        wholeDays(naloxone.value(QStringLiteral("within_days")), QStringLiteral("naloxone.within_days"), 1, 3650);
    auto dueSoon = wholeDays(json.value(QStringLiteral("due_soon_days")), QStringLiteral("due_soon_days"), 0, 365);
    auto cutoff = wholeDays(json.value(QStringLiteral("pcptsd5_cutoff")), QStringLiteral("pcptsd5_cutoff"), 1, 5);
    const QJsonObject refill = json.value(QStringLiteral("refill")).toObject();
    auto maxSupply =
        wholeDays(refill.value(QStringLiteral("max_days_supply")), QStringLiteral("refill.max_days_supply"), 1, 90);
    auto notice = wholeDays(refill.value(QStringLiteral("notice_business_days")),
                            QStringLiteral("refill.notice_business_days"), 0, 30);
    auto early = wholeDays(refill.value(QStringLiteral("early_allowance_days")),
                           QStringLiteral("refill.early_allowance_days"), 0, 30);
    for (const Error *e : {moderate ? nullptr : &moderate.error(), high ? nullptr : &high.error(),
                           highDose ? nullptr : &highDose.error(), naloxoneMme ? nullptr : &naloxoneMme.error(),
                           within ? nullptr : &within.error(), dueSoon ? nullptr : &dueSoon.error(),
                           cutoff ? nullptr : &cutoff.error(), maxSupply ? nullptr : &maxSupply.error(),
                           notice ? nullptr : &notice.error(), early ? nullptr : &early.error()}) {
        if (e)
            return *e;
    }
    if (*moderate > *high)
        return Error{QStringLiteral("tier_thresholds_mme.at_least_moderate"),
                     QStringLiteral("must not be above the high threshold")};
    p.atLeastModerateMme = *moderate;
    p.highTierMme = *high;
    p.highDoseMme = *highDose;
    p.naloxoneMme = *naloxoneMme;
    p.naloxoneWithinDays = *within;
    p.dueSoonDays = *dueSoon;
    p.pcptsd5Cutoff = *cutoff;
    p.maxDaysSupply = *maxSupply;
    p.noticeBusinessDays = *notice;
    p.earlyAllowanceDays = *early;
    const QJsonValue withBenzo = naloxone.value(QStringLiteral("with_benzodiazepine"));
    const QJsonValue report = refill.value(QStringLiteral("lost_or_stolen_needs_police_report"));
    if (!withBenzo.isBool())
        return Error{QStringLiteral("naloxone.with_benzodiazepine"), QStringLiteral("must be true or false")};
    if (!report.isBool())
        return Error{QStringLiteral("refill.lost_or_stolen_needs_police_report"),
                     QStringLiteral("must be true or false")};
    p.naloxoneWithBenzodiazepine = withBenzo.toBool();
    // Responsibilities: who closes each care gap (responsibilities.cpp validates them).
    auto responsibilities = readResponsibilities(json.value(QStringLiteral("responsibilities")));
    if (!responsibilities)
        return responsibilities.error();
    p.responsibilities = *responsibilities;
    p.lostOrStolenNeedsPoliceReport = report.toBool();
    const QJsonValue days = refill.value(QStringLiteral("no_fill_weekdays"));
    if (!days.isArray())
        return Error{QStringLiteral("refill.no_fill_weekdays"), QStringLiteral("must be a list of weekday names")};
    for (const QJsonValue &day : days.toArray()) {
        const qsizetype index = kWeekdays.indexOf(day.toString().toLower());
        if (index < 0)
            return Error{QStringLiteral("refill.no_fill_weekdays"),
                         QStringLiteral("\"%1\" is not a weekday").arg(day.toString().left(20))};
        p.noFillWeekdays.append(static_cast<int>(index) + 1);
    }
    return p;
}

QJsonObject ClinicPolicy::toJson() const
{
    QJsonObject intervals;
    for (Check check : kAllChecks) {
        QJsonObject byTier;
        for (int tier = 0; tier < 3; ++tier)
            byTier.insert(kTiers.at(tier),
                          intervalDays.at(static_cast<std::size_t>(check)).at(static_cast<std::size_t>(tier)));
        intervals.insert(policyKey(check), byTier);
    }
    QJsonArray weekdays;
    for (int day : noFillWeekdays)
        weekdays.append(kWeekdays.at(day - 1));
    QJsonObject json{
        {QStringLiteral("version"), version},
        {QStringLiteral("intervals_days"), intervals},
        {QStringLiteral("tier_thresholds_mme"),
         QJsonObject{{QStringLiteral("at_least_moderate"), atLeastModerateMme}, {QStringLiteral("high"), highTierMme}}},
        {QStringLiteral("high_dose_mme"), highDoseMme},
        {QStringLiteral("naloxone"), QJsonObject{{QStringLiteral("mme_at_least"), naloxoneMme},
                                                 {QStringLiteral("with_benzodiazepine"), naloxoneWithBenzodiazepine},
                                                 {QStringLiteral("within_days"), naloxoneWithinDays}}},
        {QStringLiteral("due_soon_days"), dueSoonDays},
        {QStringLiteral("pcptsd5_cutoff"), pcptsd5Cutoff},
        {QStringLiteral("refill"),
         QJsonObject{{QStringLiteral("no_fill_weekdays"), weekdays},
                     {QStringLiteral("max_days_supply"), maxDaysSupply},
                     {QStringLiteral("notice_business_days"), noticeBusinessDays},
                     {QStringLiteral("early_allowance_days"), earlyAllowanceDays},
                     {QStringLiteral("lost_or_stolen_needs_police_report"), lostOrStolenNeedsPoliceReport}}},
    };
    json.insert(QStringLiteral("responsibilities"), responsibilitiesToJson(responsibilities));
    return json;
}

Result<ClinicPolicy> ClinicPolicy::defaults()
{
    auto json = loadJsonAsset(QStringLiteral("policy-default.json"));
    if (!json)
        return json.error();
    auto policy = fromJson(*json);
    if (!policy)
        return policy.error().within(QStringLiteral("policy-default.json"));
    return policy;
}

Result<ClinicPolicy> ClinicPolicy::withOverrides(const QJsonObject &overrides) const
{
    if (overrides.isEmpty())
        return *this;
    auto merged = merge(toJson(), overrides, QString());
    if (!merged)
        return merged.error();
    if (!overrides.contains(QStringLiteral("version")))
        merged->insert(QStringLiteral("version"), version + QStringLiteral("+local"));
    return fromJson(*merged);
}

}  // namespace cairn::clinical
