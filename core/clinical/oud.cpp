#include "core/clinical/oud.h"

#include "core/clinical/assets.h"

#include <QJsonArray>

#include <mutex>
#include <string_view>

namespace cairn::clinical {
namespace {

constexpr std::size_t kTolerance = 9;
constexpr std::size_t kWithdrawal = 10;
static_assert(std::string_view(domain::kOudCriteria[kTolerance]) == "tolerance");
static_assert(std::string_view(domain::kOudCriteria[kWithdrawal]) == "withdrawal");

// The latest record on or before `on`, by date then clock.
template <typename T> const T *latestOn(const QList<T> &records, const QDate &on)
{
    const T *latest = nullptr;
    for (const T &r : records) {
        if (!r.date.isValid() || r.date > on)
            continue;
        if (!latest || r.date > latest->date || (r.date == latest->date && latest->meta.stamp < r.meta.stamp))
            latest = &r;
    }
    return latest;
}

}  // namespace

QString toString(OudSeverity severity)
{
    switch (severity) {
    case OudSeverity::None:
        return QStringLiteral("none");
    case OudSeverity::Mild:
        return QStringLiteral("mild");
    case OudSeverity::Moderate:
        return QStringLiteral("moderate");
    case OudSeverity::Severe:
        return QStringLiteral("severe");
    }
    return {};
}

OudSeverity oudSeverityForCount(int criteriaCounted)
{
    if (criteriaCounted >= 6)
        return OudSeverity::Severe;
    if (criteriaCounted >= 4)
        return OudSeverity::Moderate;
    if (criteriaCounted >= 2)
        return OudSeverity::Mild;
    return OudSeverity::None;
}

bool oudCriterionCounts(std::size_t index, bool asPrescribed)
{
    return !(asPrescribed && (index == kTolerance || index == kWithdrawal));
}

OudResult oudResult(const domain::OudAssessment &assessment)
{
    OudResult result;
    const bool asPrescribed = assessment.asPrescribed.value_or(false);
    for (std::size_t i = 0; i < assessment.criteria.size(); ++i) {
        const auto &answer = assessment.criteria[i];
        if (!answer)
            continue;
        ++result.criteriaAnswered;
        if (*answer) {
            ++result.criteriaMet;
            if (oudCriterionCounts(i, asPrescribed))
                ++result.criteriaCounted;
        }
    }
    result.severity = oudSeverityForCount(result.criteriaCounted);
    result.complete =
        result.criteriaAnswered == static_cast<int>(domain::kOudCriteria.size()) && assessment.asPrescribed.has_value();
    return result;
}

bool offersTreatment(OudSeverity severity)
{
    return severity != OudSeverity::None;
}

bool oudConcernOn(const domain::Patient &patient, const QDate &on)
{
    const domain::OudAssessment *latest = latestOudAssessment(patient, on);
    return latest && offersTreatment(oudResult(*latest).severity);
}

bool offersMoud(domain::ResourceCategory category)
{
    return category == domain::ResourceCategory::MoudPrescriber ||
           category == domain::ResourceCategory::AddictionTreatment;
}

const domain::OudAssessment *latestOudAssessment(const domain::Patient &patient, const QDate &on)
{
    return latestOn(patient.oudAssessments, on);
}

const domain::MoudStatus *moudStatusOn(const domain::Patient &patient, const QDate &on)
{
    return latestOn(patient.moudStatuses, on);
}

QStringList oudCriteriaText(const QString &language)
{
    static std::once_flag once;
    static QList<QJsonValue> texts;  // by kOudCriteria; empty if the asset does not match
    std::call_once(once, [] {
        auto json = loadJsonAsset(QStringLiteral("oud-criteria.json"));
        if (!json)
            return;
        const QJsonArray criteria = json->value(QStringLiteral("criteria")).toArray();
        if (criteria.size() != static_cast<qsizetype>(domain::kOudCriteria.size()))
            return;
        QList<QJsonValue> read;
        for (std::size_t i = 0; i < domain::kOudCriteria.size(); ++i) {
            const QJsonObject o = criteria.at(static_cast<qsizetype>(i)).toObject();
            if (o.value(QStringLiteral("id")).toString() != QLatin1StringView(domain::kOudCriteria[i]))
                return;
            read.append(o.value(QStringLiteral("text")));
        }
        texts = read;
    });
    QStringList result;
    for (const QJsonValue &text : texts)
        result.append(textIn(text, language));
    return result;
}

}  // namespace cairn::clinical
