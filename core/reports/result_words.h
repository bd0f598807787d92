#pragma once
// A stored result in the reader's words and language ("low risk", "not as expected"; "riesgo bajo",
// "distinto de lo esperado"), never Cairn's stored value ("low", "unexpected"). The case summary's
// PDF and screen, the screening form, the patient's history and rooming's summary all say results
// through these, so they cannot drift apart. The language is the installed translator's (catalogue
// "cairn::reports::ResultWords").

#include "core/clinical/instruments.h"
#include "core/domain/records.h"

#include <QString>

namespace cairn::reports {

// A screening's result: a risk tier (ORT), a severity band (PHQ, GAD) or positive / negative
// (PC-PTSD-5); a result this does not know is given as stored.
QString screeningResultWords(const clinical::ScreeningScore &score);
QString urineResultWords(domain::UdsResult result);

}  // namespace cairn::reports
