#include "core/domain/clinic_resource.h"

#include "core/domain/text.h"

#include <QJsonArray>
#include <QUuid>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace cairn::domain {
namespace {

constexpr std::array<std::pair<ResourceCategory, const char *>, 8> kCategories{
    {{ResourceCategory::AddictionTreatment, "addiction_treatment"},
     {ResourceCategory::MoudPrescriber, "moud_prescriber"},
     {ResourceCategory::BehavioralHealth, "behavioral_health"},
     {ResourceCategory::PainSpecialist, "pain_specialist"},
     {ResourceCategory::PhysicalTherapy, "physical_therapy"},
     {ResourceCategory::OtherNondrug, "other_nondrug"},
     {ResourceCategory::SocialWork, "social_work"},
     {ResourceCategory::CrisisLine, "crisis_line"}}};

Error field(const char *name, const QString &message)
{
    return Error{QLatin1String(name), message};
}

Status checkText(const QString &text, const char *name, bool required, int maxLength)
{
    if (required && text.trimmed().isEmpty())
        return field(name, QStringLiteral("is required"));
    if (text.size() > maxLength)
        return field(name, QStringLiteral("is too long (at most %1 characters)").arg(maxLength));
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
            return field(name, QStringLiteral("contains a control character"));
    }
    return ok();
}

// A text member: absent is empty, anything but a string is an error naming it.
Result<QString> text(const QJsonObject &json, const char *name)
{
    const QJsonValue value = json.value(QLatin1String(name));
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return field(name, QStringLiteral("must be text"));
    return value.toString();
}

Result<bool> flag(const QJsonObject &json, const char *name, bool fallback)
{
    const QJsonValue value = json.value(QLatin1String(name));
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isBool())
        return field(name, QStringLiteral("must be true or false"));
    return value.toBool();
}

}  // namespace

QString toString(ResourceCategory v)
{
    for (const auto &[category, name] : kCategories)
        if (category == v)
            return QString::fromLatin1(name);
    return {};
}

bool parse(const QString &text, ResourceCategory *out)
{
    for (const auto &[category, name] : kCategories) {
        if (text == QLatin1String(name)) {
            *out = category;
            return true;
        }
    }
    return false;
}

const QStringList &resourceCategoryNames()
{
    static const QStringList names = [] {
        QStringList list;
        for (const auto &entry : kCategories)
            list.append(QString::fromLatin1(entry.second));
        return list;
    }();
    return names;
}

QString toString(DistanceUnit v)
{
    return v == DistanceUnit::Miles ? QStringLiteral("mi") : QStringLiteral("km");
}

QJsonObject toJson(const ClinicResource &r)
{
    QJsonObject o{{QStringLiteral("id"), r.id},
                  {QStringLiteral("name"), r.name},
                  {QStringLiteral("category"), toString(r.category)},
                  {QStringLiteral("telehealth"), r.telehealth},
                  {QStringLiteral("active"), r.active},
                  {QStringLiteral("languages"), QJsonArray::fromStringList(r.languages)}};
    const std::pair<const char *, const QString *> texts[] = {{"subtype", &r.subtype}, {"address", &r.address},
                                                              {"hours", &r.hours},     {"insurance", &r.insurance},
                                                              {"phone", &r.phone},     {"how_to_refer", &r.howToRefer}};
    for (const auto &[name, value] : texts) {
        if (!value->isEmpty())
            o.insert(QLatin1String(name), *value);
    }
    if (r.distance) {
        o.insert(QStringLiteral("distance"), *r.distance);
        o.insert(QStringLiteral("distance_unit"), toString(r.distanceUnit));
    }
    return o;
}

Result<ClinicResource> clinicResourceFromJson(const QJsonObject &json)
{
    ClinicResource r;
    std::optional<Error> error;
    auto take = [&error](Result<QString> value) {
        if (!value) {
            if (!error)
                error = value.error();
            return QString();
        }
        return *value;
    };
    r.id = take(text(json, "id"));
    r.name = take(text(json, "name"));
    const QString category = take(text(json, "category"));
    r.subtype = take(text(json, "subtype"));
    r.address = take(text(json, "address"));
    r.hours = take(text(json, "hours"));
    r.insurance = take(text(json, "insurance"));
    r.phone = take(text(json, "phone"));
    r.howToRefer = take(text(json, "how_to_refer"));
    const QString unit = take(text(json, "distance_unit"));
    if (error)
        return *error;
    if (category.isEmpty())
        return field("category",
                     QStringLiteral("is required (%1)").arg(resourceCategoryNames().join(QStringLiteral(", "))));
    if (!parse(category, &r.category))
        return field("category",
                     QStringLiteral("\"%1\" is not a category: must be %2")
                         .arg(quotedInput(category, 40), resourceCategoryNames().join(QStringLiteral(", "))));
    auto telehealth = flag(json, "telehealth", false);
    if (!telehealth)
        return telehealth.error();
    r.telehealth = *telehealth;
    auto active = flag(json, "active", true);
    if (!active)
        return active.error();
    r.active = *active;
    const QJsonValue languages = json.value(QStringLiteral("languages"));
    if (!languages.isUndefined() && !languages.isNull()) {
        if (!languages.isArray())
            return field("languages", QStringLiteral("must be a list of languages"));
        for (const QJsonValue &language : languages.toArray()) {
            if (!language.isString() || language.toString().trimmed().isEmpty())
                return field("languages", QStringLiteral("must be a list of languages"));
            r.languages.append(language.toString().trimmed());
        }
    }
    const QJsonValue distance = json.value(QStringLiteral("distance"));
    if (!distance.isUndefined() && !distance.isNull()) {
        if (!distance.isDouble())
            return field("distance", QStringLiteral("must be a number"));
        r.distance = distance.toDouble();
    }
    if (unit == QLatin1String("mi"))
        r.distanceUnit = DistanceUnit::Miles;
    else if (!unit.isEmpty() && unit != QLatin1String("km"))
        return field("distance_unit", QStringLiteral("must be \"km\" or \"mi\""));
    if (auto s = validate(r); !s)
        return s.error();
    return r;
}

Status validate(const ClinicResource &r)
{
    const QUuid id = QUuid::fromString(r.id);
    if (id.isNull() || id.toString(QUuid::WithoutBraces) != r.id)
        return field("id", QStringLiteral("must be a lower-case UUID without braces"));
    if (auto s = checkText(r.name, "name", true, 200); !s)
        return s;
    const std::pair<const char *, const QString *> texts[] = {{"subtype", &r.subtype},
                                                              {"address", &r.address},
                                                              {"hours", &r.hours},
                                                              {"insurance", &r.insurance},
                                                              {"phone", &r.phone}};
    for (const auto &[name, value] : texts) {
        if (auto s = checkText(*value, name, false, 300); !s)
            return s;
    }
    if (auto s = checkText(r.howToRefer, "how_to_refer", false, 4000); !s)
        return s;
    if (r.distance && (!std::isfinite(*r.distance) || *r.distance < 0 || *r.distance > 5000))
        return field("distance", QStringLiteral("must be a number from 0 to 5000"));
    if (r.languages.size() > 20)
        return field("languages", QStringLiteral("lists too many languages (at most 20)"));
    for (const QString &language : r.languages) {
        if (auto s = checkText(language, "languages", true, 40); !s)
            return s;
    }
    return ok();
}

bool matches(const ClinicResource &r, const ResourceFilter &filter)
{
    if (!r.active && !filter.includeRetired)
        return false;
    if (filter.category && r.category != *filter.category)
        return false;
    if (filter.telehealth && r.telehealth != *filter.telehealth)
        return false;
    if (!filter.language.trimmed().isEmpty()) {
        const QString wanted = foldForSearch(filter.language.trimmed());
        if (std::none_of(r.languages.cbegin(), r.languages.cend(),
                         [&](const QString &language) { return foldForSearch(language) == wanted; }))
            return false;
    }
    if (filter.text.trimmed().isEmpty())
        return true;
    const QString haystack = foldForSearch(QStringList{r.name, r.subtype, r.address, r.howToRefer, toString(r.category),
                                                       r.languages.join(QLatin1Char(' '))}
                                               .join(QLatin1Char(' ')));
    return matchesSearch(haystack, filter.text);
}

}  // namespace cairn::domain
