#include "core/clinical/agreement_text.h"

#include "core/clinical/assets.h"

#include <QJsonArray>

namespace cairn::clinical {
namespace {
// Bounds that keep a clinic's text readable on the tablet and small on the sync wire.
constexpr int kMaxTitle = 200;
constexpr int kMaxSections = 40;
constexpr int kMaxSection = 2000;
constexpr int kMaxVersion = 64;
}  // namespace

Result<QJsonObject> AgreementText::shippedJson()
{
    return loadJsonAsset(QStringLiteral("agreement-default.json"));
}

Result<AgreementText> AgreementText::shipped(const QString &language)
{
    auto json = shippedJson();
    if (!json)
        return json.error();
    auto text = fromJson(*json, language);
    if (!text)
        return text.error().within(QStringLiteral("agreement-default.json"));
    return text;
}

Result<AgreementText> AgreementText::fromJson(const QJsonObject &json, const QString &language)
{
    if (language != QLatin1String("en") && language != QLatin1String("es"))
        return Error{QStringLiteral("language"), QStringLiteral("must be en or es")};
    AgreementText text;
    text.version = json.value(QStringLiteral("version")).toString().trimmed();
    if (text.version.isEmpty())
        return Error{QStringLiteral("version"), QStringLiteral("is required")};
    if (text.version.size() > kMaxVersion)
        return Error{QStringLiteral("version"), QStringLiteral("must be at most %1 characters").arg(kMaxVersion)};
    text.title = json.value(QStringLiteral("title")).toObject().value(language).toString().trimmed();
    if (text.title.isEmpty())
        return Error{QStringLiteral("title.%1").arg(language), QStringLiteral("is required")};
    if (text.title.size() > kMaxTitle)
        return Error{QStringLiteral("title.%1").arg(language),
                     QStringLiteral("must be at most %1 characters").arg(kMaxTitle)};
    const QString sectionsField = QStringLiteral("sections.%1").arg(language);
    const QJsonValue sections = json.value(QStringLiteral("sections")).toObject().value(language);
    if (!sections.isArray() || sections.toArray().isEmpty())
        return Error{sectionsField, QStringLiteral("is required")};
    if (sections.toArray().size() > kMaxSections)
        return Error{sectionsField, QStringLiteral("must have at most %1 sections").arg(kMaxSections)};
    for (const auto &section : sections.toArray()) {
        if (!section.isString() || section.toString().trimmed().isEmpty())
            return Error{sectionsField, QStringLiteral("must be a list of texts")};
        if (section.toString().size() > kMaxSection)
            return Error{sectionsField, QStringLiteral("has a section longer than %1 characters").arg(kMaxSection)};
        text.sections << section.toString().trimmed();
    }
    text.language = language;
    return text;
}

Status AgreementText::validate(const QJsonObject &json)
{
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
        if (auto text = fromJson(json, language); !text)
            return text.error();
    }
    return ok();
}

}  // namespace cairn::clinical
