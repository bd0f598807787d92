// A clinic's agreement text (core/clinical/agreement_text.h), as a clinic_agreement record carries
// it: a text that validates must read in both languages, and no other language is ever read.

#include "core/clinical/agreement_text.h"
#include "tests/fuzz/fuzz_target.h"

using namespace cairn;
using namespace cairn::clinical;

CAIRN_FUZZ_TARGET(agreement_text)
{
    const QJsonValue value = fuzz::jsonValue(fuzz::bytesOf(data, size));
    if (!value.isObject())
        return 0;
    const QJsonObject json = value.toObject();
    const Status valid = AgreementText::validate(json);
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
        const auto text = AgreementText::fromJson(json, language);
        if (valid) {
            CAIRN_FUZZ_CHECK(text.ok());
            CAIRN_FUZZ_CHECK(!text->version.isEmpty() && !text->title.isEmpty() && !text->sections.isEmpty());
            CAIRN_FUZZ_CHECK(text->language == language);
        } else if (!text) {
            fuzz::checkError(text.error());
        }
    }
    if (!valid)
        fuzz::checkError(valid.error());
    CAIRN_FUZZ_CHECK(!AgreementText::fromJson(json, QStringLiteral("fr")).ok());
    return 0;
}
