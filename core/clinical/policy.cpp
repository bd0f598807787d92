#include "core/clinical/policy.h"

#include "core/clinical/assets.h"
#include "core/domain/text.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
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
        const QString key = domain::quotedInput(it.key(), 40);  // the user's own key when it is refused
        const QString field = path.isEmpty() ? key : path + QLatin1Char('.') + key;
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

// --- uds_selection, new_patient, rule_strength ---------------------------------------------------

const QStringList kRuleStrengths{QStringLiteral("advice"), QStringLiteral("clinic_rule")};

// A policy stored before these objects existed lacks them: an absent key keeps its default.
Status readUdsSelectionNewPatientAndRuleStrength(const QJsonObject &json, ClinicPolicy &p)
{
    const auto choice = [](const QJsonObject &object, const char *key, const QString &fallback) {
        const QJsonValue value = object.value(QLatin1String(key));
        return value.isUndefined() ? fallback : value.isString() ? value.toString() : QString();
    };
    const QJsonObject selection = json.value(QStringLiteral("uds_selection")).toObject();
    const QString mode = choice(selection, "mode", QStringLiteral("interval"));
    if (mode != QLatin1String("interval") && mode != QLatin1String("random"))
        return Error{QStringLiteral("uds_selection.mode"), QStringLiteral("must be \"interval\" or \"random\"")};
    p.udsSelectionMode = mode == QLatin1String("random") ? UdsSelectionMode::Random : UdsSelectionMode::Interval;
    const QJsonValue seed = selection.value(QStringLiteral("seed"));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
    if (!seed.isUndefined() &&
        (!seed.isString() || (!seed.toString().isEmpty() && !hex.match(seed.toString()).hasMatch())))
        return Error{QStringLiteral("uds_selection.seed"), QStringLiteral("must be 32 lower-case hex digits")};
    p.udsSelectionSeed = seed.toString();

    const QJsonObject newPatient = json.value(QStringLiteral("new_patient")).toObject();
    const QString newMode = choice(newPatient, "mode", QStringLiteral("records_first"));
    if (newMode != QLatin1String("records_first") && newMode != QLatin1String("bridge"))
        return Error{QStringLiteral("new_patient.mode"), QStringLiteral("must be \"records_first\" or \"bridge\"")};
    p.newPatientMode = newMode == QLatin1String("bridge") ? NewPatientMode::Bridge : NewPatientMode::RecordsFirst;
    if (newPatient.contains(QStringLiteral("bridge_days"))) {
        auto bridge = wholeDays(newPatient.value(QStringLiteral("bridge_days")),
                                QStringLiteral("new_patient.bridge_days"), 1, 90);
        if (!bridge)
            return bridge.error();
        p.newPatientBridgeDays = *bridge;
    }

    const QJsonObject strength = json.value(QStringLiteral("rule_strength")).toObject();
    p.firmRefillRules.clear();
    for (const QString &rule : refillRuleKeys()) {
        const QString value = choice(strength, rule.toLatin1().constData(), QStringLiteral("advice"));
        if (!kRuleStrengths.contains(value))
            return Error{QStringLiteral("rule_strength.") + rule,
                         QStringLiteral("must be \"advice\" or \"clinic_rule\"")};
        if (value == QLatin1String("clinic_rule"))
            p.firmRefillRules.append(rule);
    }
    return ok();
}

void writeUdsSelectionNewPatientAndRuleStrength(const ClinicPolicy &p, QJsonObject &json)
{
    json.insert(QStringLiteral("uds_selection"),
                QJsonObject{{QStringLiteral("mode"), p.udsSelectionMode == UdsSelectionMode::Random
                                                         ? QStringLiteral("random")
                                                         : QStringLiteral("interval")},
                            {QStringLiteral("seed"), p.udsSelectionSeed}});
    json.insert(QStringLiteral("new_patient"),
                QJsonObject{{QStringLiteral("mode"), p.newPatientMode == NewPatientMode::Bridge
                                                         ? QStringLiteral("bridge")
                                                         : QStringLiteral("records_first")},
                            {QStringLiteral("bridge_days"), p.newPatientBridgeDays}});
    QJsonObject strength;
    for (const QString &rule : refillRuleKeys())
        strength.insert(rule, kRuleStrengths.at(p.isClinicRule(rule) ? 1 : 0));
    json.insert(QStringLiteral("rule_strength"), strength);
}

// --- ltot_definition and measures: the clinic's definition of long-term therapy and its measures ---

Result<bool> flag(const QJsonValue &value, const QString &field)
{
    if (!value.isBool())
        return Error{field, QStringLiteral("must be true or false")};
    return value.toBool();
}

Result<int> percentage(const QJsonValue &value, const QString &field)
{
    const double d = value.toDouble(-1);
    if (!value.isDouble() || std::floor(d) != d || d < 0 || d > 100)
        return Error{field, QStringLiteral("must be a whole percentage from 0 to 100")};
    return static_cast<int>(d);
}

Result<LtotDefinition> ltotDefinitionFromJson(const QJsonObject &json)
{
    const auto key = [](const char *name) { return QStringLiteral("ltot_definition.") + QLatin1String(name); };
    LtotDefinition d;
    auto lookback = wholeDays(json.value(QStringLiteral("lookback_days")), key("lookback_days"), 1, 730);
    if (!lookback)
        return lookback.error();
    auto share = percentage(json.value(QStringLiteral("min_days_covered_percent")), key("min_days_covered_percent"));
    if (!share)
        return share.error();
    auto expected = flag(json.value(QStringLiteral("count_expected_long_term")), key("count_expected_long_term"));
    if (!expected)
        return expected.error();
    auto clinician = flag(json.value(QStringLiteral("count_clinician_flag")), key("count_clinician_flag"));
    if (!clinician)
        return clinician.error();
    d.lookbackDays = *lookback;
    d.minDaysCoveredPercent = *share;
    d.countExpectedLongTerm = *expected;
    d.countClinicianFlag = *clinician;
    return d;
}

QJsonObject toJson(const LtotDefinition &d)
{
    return {{QStringLiteral("lookback_days"), d.lookbackDays},
            {QStringLiteral("min_days_covered_percent"), d.minDaysCoveredPercent},
            {QStringLiteral("count_expected_long_term"), d.countExpectedLongTerm},
            {QStringLiteral("count_clinician_flag"), d.countClinicianFlag}};
}

// The measures that are percentages of the patients on long-term therapy, and so may have a target.
const QStringList kPercentMeasures{
    QStringLiteral("agreement_current"),
    QStringLiteral("pdmp_90d"),
    QStringLiteral("pdmp_twice_365d"),
    QStringLiteral("uds_365d"),
    QStringLiteral("peg_90d"),
    QStringLiteral("mme_ge_50"),
    QStringLiteral("mme_ge_90"),
    QStringLiteral("benzodiazepine"),
    QStringLiteral("naloxone_if_indicated"),
    QStringLiteral("care_plan_goal_current"),
    QStringLiteral("conversation_scripts_used"),
    QStringLiteral("early_refill_requests"),
    QStringLiteral("acute_to_long_term"),
};

Result<MeasuresPolicy> measuresFromJson(const QJsonObject &json)
{
    MeasuresPolicy m;
    // A policy stored by an earlier version may still carry the former windows: they are ignored
    // (the measures follow the gap intervals) and the next save writes the policy without them.
    const QJsonObject windows = json.value(QStringLiteral("windows_days")).toObject();
    const std::pair<const char *, int *> windowFields[]{{"pdmp_twice", &m.pdmpTwiceDays},
                                                        {"care_plan_goal", &m.carePlanGoalDays}};
    for (const auto &[name, out] : windowFields) {
        auto days = wholeDays(windows.value(QLatin1String(name)),
                              QStringLiteral("measures.windows_days.") + QLatin1String(name), 1, 3650);
        if (!days)
            return days.error();
        *out = *days;
    }
    const QJsonObject targets = json.value(QStringLiteral("targets")).toObject();
    for (auto it = targets.begin(); it != targets.end(); ++it) {
        if (!kPercentMeasures.contains(it.key()))
            return Error{QStringLiteral("measures.targets.") + domain::quotedInput(it.key(), 40),
                         QStringLiteral("is not a percentage measure")};
    }
    for (const QString &id : kPercentMeasures) {
        const QJsonValue value = targets.value(id);
        const QString field = QStringLiteral("measures.targets.") + id;
        if (value.isNull() || value.isUndefined()) {
            m.targets.append({id, std::nullopt});
            continue;
        }
        const double d = value.toDouble(-1);
        if (!value.isDouble() || d < 0 || d > 100)
            return Error{field, QStringLiteral("must be a percentage from 0 to 100, or null for no target")};
        m.targets.append({id, d});
    }
    return m;
}

QJsonObject toJson(const MeasuresPolicy &m)
{
    QJsonObject targets;
    for (const auto &[id, target] : m.targets)
        targets.insert(id, target ? QJsonValue(*target) : QJsonValue(QJsonValue::Null));
    return {{QStringLiteral("windows_days"), QJsonObject{{QStringLiteral("pdmp_twice"), m.pdmpTwiceDays},
                                                         {QStringLiteral("care_plan_goal"), m.carePlanGoalDays}}},
            {QStringLiteral("targets"), targets}};
}

// A policy stored before a settings object existed takes the shipped defaults for that object.
Result<QJsonObject> objectOrShipped(const QJsonObject &json, const QString &key)
{
    if (json.contains(key)) {
        if (!json.value(key).isObject())
            return Error{key, QStringLiteral("must be an object")};
        return json.value(key).toObject();
    }
    auto shipped = loadJsonAsset(QStringLiteral("policy-default.json"));
    if (!shipped)
        return shipped.error();
    return shipped->value(key).toObject();
}

}  // namespace

const QStringList &refillRuleKeys()
{
    static const QStringList keys{QStringLiteral("no_fill_weekday"), QStringLiteral("max_days_supply"),
                                  QStringLiteral("notice"), QStringLiteral("early_allowance"),
                                  QStringLiteral("police_report")};
    return keys;
}

QString refillRuleOfReason(const QString &reasonCode)
{
    static const QHash<QString, QString> rules{
        {QStringLiteral("FILL_DAY_NOT_ALLOWED"), QStringLiteral("no_fill_weekday")},
        {QStringLiteral("SUPPLY_TOO_LONG"), QStringLiteral("max_days_supply")},
        {QStringLiteral("INSUFFICIENT_NOTICE"), QStringLiteral("notice")},
        {QStringLiteral("TOO_EARLY"), QStringLiteral("early_allowance")},
        {QStringLiteral("LOST_OR_STOLEN_NO_REPORT"), QStringLiteral("police_report")},
    };
    return rules.value(reasonCode);
}

std::optional<double> MeasuresPolicy::target(const QString &measureId) const
{
    for (const auto &[id, value] : targets) {
        if (id == measureId)
            return value;
    }
    return std::nullopt;
}

int ClinicPolicy::measureWindow(Check check) const
{
    const auto &byTier = intervalDays.at(static_cast<std::size_t>(check));
    return *std::max_element(byTier.cbegin(), byTier.cend());
}

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
                         QStringLiteral("\"%1\" is not a weekday").arg(domain::quotedInput(day.toString(), 20))};
        p.noFillWeekdays.append(static_cast<int>(index) + 1);
    }
    if (auto s = readUdsSelectionNewPatientAndRuleStrength(json, p); !s)
        return s.error();
    auto ltotJson = objectOrShipped(json, QStringLiteral("ltot_definition"));
    if (!ltotJson)
        return ltotJson.error();
    auto ltot = ltotDefinitionFromJson(*ltotJson);
    if (!ltot)
        return ltot.error();
    p.ltot = *ltot;
    auto measuresJson = objectOrShipped(json, QStringLiteral("measures"));
    if (!measuresJson)
        return measuresJson.error();
    auto measures = measuresFromJson(*measuresJson);
    if (!measures)
        return measures.error();
    p.measures = *measures;
    auto referralsJson = objectOrShipped(json, QStringLiteral("referrals"));
    if (!referralsJson)
        return referralsJson.error();
    auto referrals = referralPolicyFromJson(*referralsJson);
    if (!referrals)
        return referrals.error();
    p.referrals = *referrals;
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
        {QStringLiteral("ltot_definition"), cairn::clinical::toJson(ltot)},
        {QStringLiteral("measures"), cairn::clinical::toJson(measures)},
        {QStringLiteral("referrals"), referralPolicyToJson(referrals)},
    };
    writeUdsSelectionNewPatientAndRuleStrength(*this, json);
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
    // A former window setting is refused with the setting that now decides it.
    const QJsonObject windows =
        overrides.value(QStringLiteral("measures")).toObject().value(QStringLiteral("windows_days")).toObject();
    for (Check check : kChecksWithMeasures) {
        if (windows.contains(policyKey(check)))  // the former window had the check's own name
            return Error{QStringLiteral("measures.windows_days.") + policyKey(check),
                         QStringLiteral("is no longer a setting: this measure looks back over the longest of "
                                        "intervals_days.%1")
                             .arg(policyKey(check))};
    }
    auto merged = merge(toJson(), overrides, QString());
    if (!merged)
        return merged.error();
    if (!overrides.contains(QStringLiteral("version")))
        merged->insert(QStringLiteral("version"), version + QStringLiteral("+local"));
    return fromJson(*merged);
}

}  // namespace cairn::clinical
