#pragma once
// The patient agreement's text as the tablet shows it for reading and signing: a version (recorded
// with every signature or refusal), a title and its sections, in English and Spanish. The shipped
// text is assets/clinical/agreement-default.json, written for Cairn (its sources are in the file).

#include "core/domain/result.h"

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
};

}  // namespace cairn::clinical
