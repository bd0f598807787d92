#pragma once
// Numbers as the screens show them, in the language the user chose: "60,5 MME/día" in Spanish,
// "60.5 MME/day" in English. Language::setLanguage() sets QLocale's default, which these read.
// Machine formats (cairnctl, JSON, FHIR, a form's stored values) never come here: they keep a
// point whatever the screen's language.

#include <QString>

namespace cairn::app {

// With exactly `decimals` places (MME, PEG means, percentages): 60 → "60.0" / "60,0". Rounds
// half away from zero as printf does; callers that follow the clinical rules round first
// (clinical::roundToTenth).
QString decimalText(double value, int decimals);
// With as few places as the value needs (doses, strengths, scales): 7.5 → "7.5" / "7,5", 2 → "2".
QString numberText(double value);

}  // namespace cairn::app
