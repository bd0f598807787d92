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
// A screening's score with its result, as every screen that lists one says it (the screening
// form, the patient's history, rooming's summary): "score 7, moderate risk" (ORT), "score 3,
// positive" (PHQ-2, GAD-2), "3 of 5, positive" (PC-PTSD-5: its five yes/no items), "score 12,
// moderate" (PHQ-9, GAD-7); "score 4" when the instrument gives no result.
QString screeningScoreWords(const clinical::ScreeningScore &score);
QString urineResultWords(domain::UdsResult result);

}  // namespace cairn::reports
