#pragma once
// The patient agreement's text as the tablet shows it for reading and signing: a version (recorded
// with every signature or refusal), a title and its sections, in English and Spanish. The shipped
// text is assets/clinical/agreement-default.json, written for Cairn (its sources are in the file);
// a clinic may replace it with its own (a "clinic_agreement" record of the same shape).

#include "core/domain/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cairn::clinical {

struct AgreementText {
    QString version;
    QString title;
    QStringList sections;
    QString language;  // "en" or "es": the language these words are in

    // The shipped text in `language` ("en" or "es"; anything else is refused, naming the field).
    static Result<AgreementText> shipped(const QString &language);
    // The shipped text as stored: {"version", "title": {en, es}, "sections": {en: [...], es: [...]}}.
    static Result<QJsonObject> shippedJson();
    // A text in that shape, in `language`; errors name the field ("title.es", "sections.en").
    static Result<AgreementText> fromJson(const QJsonObject &json, const QString &language);
    // Both languages present and within bounds, and a version; the first problem, naming its field.
    static Status validate(const QJsonObject &json);
};

}  // namespace cairn::clinical
