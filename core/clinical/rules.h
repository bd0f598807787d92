#pragma once
// One patient's evaluation on a date (rules contract §3 and §5): MME, screening scores, effective
// risk tier and care gaps. A pure function of (patient, policy, MME table, date): the tablet
// screens, the huddle list, the measures and `cairnctl evaluate` all call this.

#include "core/clinical/instruments.h"
#include "core/clinical/mme.h"
#include "core/clinical/policy.h"
#include "core/domain/records.h"
#include "core/domain/result.h"

#include <functional>

namespace cairn::clinical {

enum class GapStatus { Missing, Overdue, DueSoon, Alert };
QString toString(GapStatus status);  // "missing", "overdue", "due_soon", "alert"

enum class Severity { Urgent, High, Medium, Low };
QString toString(Severity severity);

struct CareGap {
    QString code;  // "AGREEMENT", "UDS", ...
    GapStatus status = GapStatus::Missing;
    QDate due;  // null for alerts
    Severity severity = Severity::Medium;
    QString role;  // who closes it under the policy's responsibilities: "medical_assistant", "front_desk", …
    QString reason;
    QStringList scripts;  // ids of conversation scripts that fit
};

// A gap's reason in a language ("en" is the contract's text; others from assets/clinical/gaps.json).
QString gapReason(const QString &code, const QString &language);

// An active benzodiazepine on a date (other sedative kinds do not count; see rules.cpp).
bool benzodiazepineActive(const domain::Patient &patient, const QDate &on);

struct Evaluation {
    QDate asOf;
    QString policyVersion;
    MmeResult mme;
    domain::RiskTier tier = domain::RiskTier::Moderate;
    QList<ScreeningScore> scores;  // in input order
    QList<CareGap> gaps;           // by severity, then code
};

// Conversation scripts that fit a gap (the scripts library supplies this; may be empty).
using ScriptsForGap = std::function<QStringList(const QString &gapCode)>;

struct RulesContext {
    const ClinicPolicy &policy;
    const MmeTable &table;
    const Instruments &instruments;
    ScriptsForGap scriptsForGap;
};

// Errors name fields of the patient object ("opioids[0].drug", "screenings[1].answers[8]").
Result<Evaluation> evaluate(const domain::Patient &patient, const QDate &asOf, const RulesContext &context);

}  // namespace cairn::clinical
