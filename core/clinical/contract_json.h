#pragma once
// `cairnctl evaluate` and `cairnctl refill-check` as library functions: JSON text in, JSON text
// out, exactly as the rules contract fixes them (§6, §7). Bad input yields exit code 2 and one
// line naming the field, and nothing for stdout.

#include "core/clinical/rules.h"

#include <QByteArray>
#include <QString>

namespace cairn::clinical {

struct CliOutcome {
    int exitCode = 0;
    QByteArray out;   // stdout (empty on error)
    QString errLine;  // one line for stderr (empty on success)
};

CliOutcome evaluateJson(const QByteArray &input, const ScriptsForGap &scriptsForGap = {});
CliOutcome refillCheckJson(const QByteArray &input, const ScriptsForGap &scriptsForGap = {});

// The evaluation as the contract's JSON object.
QJsonObject evaluationToJson(const Evaluation &evaluation);

// JSON text where MME figures keep one decimal (60.0, not 60), as the contract shows them.
QByteArray contractJsonText(const QJsonObject &object);

}  // namespace cairn::clinical
