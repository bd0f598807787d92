#pragma once
// The clinic's Six Building Blocks self-assessment on paper: each block's average over the rounds
// as a chart, a table of the latest round against the one before, who answered by role, and the
// items offered for the action plan. No patient is named in it. Rendered with PdfDocument.

#include "core/clinical/self_assessment.h"

#include <QByteArray>
#include <QDate>

namespace cairn::reports {

QByteArray renderSelfAssessmentReport(const clinical::SelfAssessment &form, const QList<clinical::RoundResult> &rounds,
                                      const QDate &generatedOn);

}  // namespace cairn::reports
