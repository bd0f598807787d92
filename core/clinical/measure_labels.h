#pragma once
// The name a person reads for each measure, in one place: the Measures screen, the policy editor
// and the monthly report all show these. Translated in the "MeasuresModel" context (the catalogue
// assets/translations/cairn_es.ts has them there); untranslated where no translator is installed.

#include <QString>

namespace cairn::clinical {

// A measure with a window names it ("PDMP checked in 120 days"); windowDays 0: the bare name.
QString measureLabel(const QString &measureId, int windowDays = 0);

}  // namespace cairn::clinical
