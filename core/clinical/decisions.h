#pragma once
// Small clinical decisions that screens and cairnctl share, each made here once so that a view
// model only formats the answer: what counts as urgent, which gaps the clinician must see after
// rooming, the PEG mean, and the PHQ-9 suicide-risk alert (rules contract §2 and §5).

#include "core/clinical/instruments.h"
#include "core/clinical/rules.h"

namespace cairn::clinical {

// A gap is urgent when its severity is Urgent or High: the huddle and registry lists flag it.
bool isUrgent(const CareGap &gap);
bool anyUrgent(const QList<CareGap> &gaps);

// What the clinician must address once rooming is done: the clinician's own gaps and every
// alert, whoever owns it. Keeps the evaluation's order.
QList<CareGap> gapsForClinician(const QList<CareGap> &gaps);

// The PEG score is the mean of its three items (pain, enjoyment, activity), unrounded.
double pegMean(int pain, int enjoyment, int activity);
double pegMean(const domain::PegScore &peg);
// The improvement the program looks for: a PEG 30 % below the first one's mean (the dashed line
// the patient screen and the case summary draw on the PEG trend).
double pegImprovementTarget(double baselineMean);

// The instrument alert that means possible suicide risk (PHQ-9 item 9 above zero).
inline constexpr char kSuicideRiskAlert[] = "item9_positive";
bool suicideRiskAlert(const ScreeningScore &score);
// The same alert from answers still being given (a negative answer is not given yet), read from
// the instrument's own alert definition so the rooming flow and evaluate() cannot disagree.
bool suicideRiskAlert(const Instrument &instrument, const QList<int> &answers);

}  // namespace cairn::clinical
