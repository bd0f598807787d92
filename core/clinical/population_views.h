#pragma once
// Whole-registry views, as pure functions of (patients, policy, date): the huddle list for a
// clinic day, gap worklists with filters and search, and the monthly measures of Building
// Block 6 (rules contract §8) with drill-down lists and a 12-month trend.

#include "core/clinical/rules.h"

#include <QList>

#include <optional>

namespace cairn::clinical {

struct PatientEvaluation {
    const domain::Patient *patient = nullptr;
    Evaluation evaluation;
};

// Evaluates every patient with an active opioid on `asOf`. An error names the patient's
// clinic id and the field.
Result<QList<PatientEvaluation>> evaluateRegistry(const QList<domain::Patient> &patients, const QDate &asOf,
                                                  const RulesContext &context);

bool onOpioidTherapy(const domain::Patient &patient, const QDate &on);

// --- huddle --------------------------------------------------------------------------------------
struct HuddleEntry {
    const domain::Patient *patient = nullptr;
    Evaluation evaluation;
    QList<CareGap> rooming;          // the medical assistant at rooming: PEG, screens, urine, agreement
    QList<CareGap> clinician;        // what the clinician must address
    QList<CareGap> registryManager;  // what the registry manager must chase
    QString visitTime;               // "HH:mm" of the booking on that day; empty when booked without a time
};
// Patients on long-term therapy with a visit scheduled on `date`: those booked at a time in time
// order (the day as the clinic runs it), then those booked without one, most urgent first.
Result<QList<HuddleEntry>> huddleList(const QList<domain::Patient> &patients, const QDate &date,
                                      const RulesContext &context);

// --- worklists -----------------------------------------------------------------------------------
struct WorklistFilter {
    QString gapCode;     // only patients with this gap (empty: any)
    QString prescriber;  // exact prescriber (empty: any)
    QString band;        // "lt50", "50to89", "ge90" (empty: any)
    QString tier;        // "low", "moderate", "high" (empty: any)
    QString search;      // words of name or clinic id (empty: any)
};
// Overdue first (alerts and overdue, then missing, then due soon), then earliest due, then name.
QList<PatientEvaluation> worklist(const QList<PatientEvaluation> &evaluations, const WorklistFilter &filter);

// --- measures ------------------------------------------------------------------------------------
struct Measure {
    QString id;  // "agreement_current", "pdmp_90d", ...
    int numerator = 0;
    int denominator = 0;
    double value = 0;        // percent (or mean PEG for mean_peg), one decimal
    QStringList patientIds;  // drill-down: the numerator's patients
};
struct MonthlyMeasures {
    QString month;        // "YYYY-MM"
    QDate evaluatedOn;    // the month's last day
    QString prescriber;   // empty: the whole clinic
    int cotPatients = 0;  // the denominator: active opioid on the last day
    QList<Measure> measures;
};
Result<MonthlyMeasures> monthlyMeasures(const QList<domain::Patient> &patients, int year, int month,
                                        const QString &prescriber, const RulesContext &context);
// The 12 months ending with (year, month), oldest first.
Result<QList<MonthlyMeasures>> measureTrend(const QList<domain::Patient> &patients, int year, int month,
                                            const QString &prescriber, const RulesContext &context);

}  // namespace cairn::clinical
