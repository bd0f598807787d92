#pragma once
// Whole-registry views, as pure functions of (patients, policy, date): the huddle list for a
// clinic day, gap worklists with filters and search, and the monthly measures of Building
// Block 6 (rules contract §8) with drill-down lists and a 12-month trend. Who is in them is the
// clinic's definition of long-term therapy (ltotStatus, core/clinical/ltot.h); a measure that
// matches a care gap looks back over that gap's interval (ClinicPolicy::measureWindow), the others
// over the policy's "measures" windows, and the targets are that object's.

#include "core/clinical/ltot.h"
#include "core/clinical/rules.h"

#include <QList>

#include <array>
#include <optional>

namespace cairn::clinical {

struct PatientEvaluation {
    const domain::Patient *patient = nullptr;
    Evaluation evaluation;
    LtotStatus ltot;  // why the patient is on the registry
};

// Evaluates every patient on long-term therapy on `asOf` (ltotStatus with the context's policy).
// An error names the patient's clinic id and the field.
Result<QList<PatientEvaluation>> evaluateRegistry(const QList<domain::Patient> &patients, const QDate &asOf,
                                                  const RulesContext &context);

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
// The patient's booking on `date` (a scheduled visit): its time, the earlier when booked twice and
// empty when booked without one; nullopt when not booked that day.
std::optional<QString> bookingTimeOn(const domain::Patient &patient, const QDate &date);
// One booked patient's huddle entry from their evaluation on the day: the gaps split by who acts.
HuddleEntry huddleEntry(const domain::Patient *patient, Evaluation evaluation, const QString &visitTime);
// The huddle's order (see huddleList).
void sortHuddle(QList<HuddleEntry> &entries);

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
    QString id;  // "agreement_current", "pdmp_90d", ... (ids stay the contract's when a window changes)
    int numerator = 0;
    int denominator = 0;
    double value = 0;              // percent (or mean PEG for mean_peg), one decimal
    QStringList patientIds;        // drill-down: the numerator's patients
    int windowDays = 0;            // the policy window the measure looked back over; 0 when it has none
    std::optional<double> target;  // the policy's target percent; none for mean_peg and counts without one
    bool lowerIsBetter = false;    // the target is a ceiling (MME, benzodiazepines), not a floor
    // The patients the measure asks the clinic to act on: for a floor, the denominator's patients
    // outside the numerator (no current agreement); for a ceiling, the numerator's (90 MME or more).
    // Empty for a measure without a target.
    QStringList needActionIds;
};
struct MonthlyMeasures {
    QString month;          // "YYYY-MM"
    QDate evaluatedOn;      // the month's last day
    QString prescriber;     // empty: the whole clinic
    QString policyVersion;  // the policy whose definition, windows and targets produced the month
    int cotPatients = 0;    // the denominator: on long-term therapy on the last day (ltotStatus)
    QList<Measure> measures;
};
// Measures whose target is a ceiling.
bool lowerIsBetter(const QString &measureId);
// Whether a month's measure misses its target: it has one, counted patients, and is below a floor
// or above a ceiling.
bool missesTarget(const Measure &measure);

// What one patient adds to one month's measures: monthlyMeasures sums these over the patients, and
// the registry keeps them per patient so a write re-evaluates only the patients it touched.
struct MeasureContribution {
    bool onLtot = false;            // counted at all (on long-term therapy on the month's last day)
    quint16 counted = 0;            // bit i: in the denominator of measure i (monthlyMeasures' order)
    quint16 met = 0;                // bit i: in its numerator
    std::optional<double> pegMean;  // the latest PEG's mean within the PEG window
    friend bool operator==(const MeasureContribution &, const MeasureContribution &) = default;
};
Result<MeasureContribution> measureContribution(const domain::Patient &patient, int year, int month,
                                                const RulesContext &context);
// Sums contributions into one month's measures, patient by patient, in the order added.
class MonthTally {
public:
    // Whether the month keeps its drill-down lists (Measure::patientIds, needActionIds) or only
    // the counts: a trend's earlier months are shown as figures only, and listing every counted
    // patient for each of them was most of the measures screen's cost at 10,000 patients.
    enum class Lists { Keep, CountsOnly };
    // (year, month) must be a valid month (monthlyMeasures checks it).
    MonthTally(int year, int month, const QString &prescriber, const ClinicPolicy &policy, Lists lists = Lists::Keep);
    void add(const QString &patientId, const MeasureContribution &contribution);
    [[nodiscard]] MonthlyMeasures result() const;

private:
    MonthlyMeasures m_result;
    const ClinicPolicy &m_policy;
    bool m_keepLists = true;
    std::array<int, 14> m_numerator{};
    std::array<int, 14> m_denominator{};
    std::array<QStringList, 14> m_ids;
    std::array<QStringList, 14> m_notMetIds;  // in the denominator, not in the numerator
    int m_pegCount = 0;
    double m_pegSum = 0;
    QStringList m_pegIds;
};
Result<MonthlyMeasures> monthlyMeasures(const QList<domain::Patient> &patients, int year, int month,
                                        const QString &prescriber, const RulesContext &context);
// The 12 months ending with (year, month), oldest first.
Result<QList<MonthlyMeasures>> measureTrend(const QList<domain::Patient> &patients, int year, int month,
                                            const QString &prescriber, const RulesContext &context);

}  // namespace cairn::clinical
