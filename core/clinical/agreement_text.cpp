#include "core/clinical/agreement_text.h"

#include "core/clinical/assets.h"

#include <QJsonArray>

namespace cairn::clinical {

Result<AgreementText> AgreementText::shipped(const QString &language)
{
    if (language != QLatin1String("en") && language != QLatin1String("es"))
        return Error{QStringLiteral("language"), QStringLiteral("must be en or es")};
    auto json = loadJsonAsset(QStringLiteral("agreement-default.json"));
    if (!json)
        return json.error();
    AgreementText text;
    text.version = json->value(QStringLiteral("version")).toString();
    if (text.version.isEmpty())
        return Error{QStringLiteral("agreement-default.json: version"), QStringLiteral("is required")};
    text.title = textIn(json->value(QStringLiteral("title")), language);
    const QJsonArray sections = json->value(QStringLiteral("sections")).toObject().value(language).toArray();
    for (const auto &section : sections) {
        if (!section.isString() || section.toString().isEmpty())
            return Error{QStringLiteral("agreement-default.json: sections.%1").arg(language),
                         QStringLiteral("must be a list of texts")};
        text.sections << section.toString();
    }
    if (text.title.isEmpty() || text.sections.isEmpty())
        return Error{QStringLiteral("agreement-default.json: sections.%1").arg(language),
                     QStringLiteral("is required")};
    text.language = language;
    return text;
}

}  // namespace cairn::clinical
