#include "core/clinical/instrument_definition.h"

#include "core/clinical/assets.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cairn::clinical {
namespace {

QJsonValue field(const Instrument &instrument, const char *key)
{
    return instrument.definition().value(QLatin1String(key));
}

// The definition of one question in entry-screen order: {"text", "anchors"}.
QJsonObject questionDefinition(const Instrument &instrument, int question)
{
    if (instrument.asksExposureFirst()) {
        if (question == 0)
            return QJsonObject{{QStringLiteral("text"), field(instrument, "exposure")}};
        --question;
    }
    return field(instrument, "items").toArray().at(question).toObject();
}

}  // namespace

QString instrumentTitle(const Instrument &instrument, const QString &language)
{
    return textIn(field(instrument, "title"), language);
}

QString instrumentStem(const Instrument &instrument, const QString &language)
{
    const bool hasStem = instrument.definition().contains(QLatin1String("stem"));
    return textIn(field(instrument, hasStem ? "stem" : "recall"), language);
}

QString instrumentLicenceNotice(const Instrument &instrument, const QString &language)
{
    return textIn(field(instrument, "licence_notice"), language);
}

AnswerRange answerRange(const Instrument &instrument)
{
    const QJsonObject answers = field(instrument, "answers").toObject();
    return {answers.value(QLatin1String("min")).toInt(), answers.value(QLatin1String("max")).toInt()};
}

QString questionText(const Instrument &instrument, int question, const QString &language)
{
    return textIn(questionDefinition(instrument, question).value(QLatin1String("text")), language);
}

QString answerLabel(const Instrument &instrument, int question, int value, const QString &language)
{
    for (const QJsonValue &anchor :
         questionDefinition(instrument, question).value(QLatin1String("anchors")).toArray()) {
        if (anchor.toObject().value(QLatin1String("value")).toInt() == value)
            return textIn(anchor, language);
    }
    return {};
}

LoincCodes loincCodes(const Instrument &instrument)
{
    const QJsonObject codes = field(instrument, "loinc").toObject();
    LoincCodes loinc{
        codes.value(QLatin1String("panel")).toString(), codes.value(QLatin1String("total")).toString(), {}};
    for (const QJsonValue &item : codes.value(QLatin1String("items")).toArray())
        loinc.items.append(item.toString());
    return loinc;
}

}  // namespace cairn::clinical
