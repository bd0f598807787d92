#pragma once
// The registry's views: registry + the ONE rules engine (core/clinical) → what a screen or a
// cairnctl command shows, as plain values (no pointers into registry data). Every whole-registry
// view opens with the same preamble, loadForView: check the role's permission, load the clinic's
// rules in force, load every patient (audited with the view's purpose). The app's view models call
// these through RegistryThread::run, cairnctl and the benchmark directly on a registry; like every
// registry call they run on the database thread.

#include "core/clinical/population_views.h"
#include "core/clinical/refill.h"
#include "core/clinical/rules.h"
#include "core/domain/clinic_resource.h"
#include "core/domain/records.h"
#include "core/domain/result.h"
#include "core/scripts/library.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QStringList>

namespace cairn::registry {

class Registry;

// --- The rules in force ------------------------------------------------------------------------

// The shipped tables, instruments, default policy and script index; loaded once.
Result<const clinical::RulesContext *> shippedRules();

// The rules as this registry's clinic has set them: shipped tables, instruments and script index
// with the clinic policy in force. Keeps the policy alive for the context's lifetime.
struct ClinicRules {
    clinical::ClinicPolicy policy;
    clinical::RulesContext context() const;
};
Result<ClinicRules> clinicRules(Registry &registry);

// --- The preamble ------------------------------------------------------------------------------

// What a view is for. Each names the permission it needs, the words of its refusal and the purpose
// the audit log records when it reads every patient (views.cpp has the table).
enum class View { RegistryList, GapWorklist, PegOutreach, HuddleList, MonthlyMeasures, RefillCheck };

// The role's permission for the view, then the clinic's rules. A refusal is notAllowed()'s error.
Result<ClinicRules> rulesForView(Registry &registry, View view);

struct ViewInput {
    ClinicRules rules;
    QList<domain::Patient> patients;
};
// rulesForView, then every patient, audited with the view's purpose.
Result<ViewInput> loadForView(Registry &registry, View view);

// The rules engine's view of every patient for a whole-registry list on `asOf`: read from the
// per-patient summaries when asOf is the registry clock's today (patient_summaries.h), evaluated in
// full otherwise (another day, as cairnctl --as-of asks). `evaluations` are the patients on
// long-term therapy and point into `patients`, which for summaries carry demographics only.
struct RegistryEvaluation {
    ClinicRules rules;
    QList<domain::Patient> patients;
    QList<QString> ltotReasons;  // per patient: clinical::toString(LtotReason)
    QList<clinical::PatientEvaluation> evaluations;
    // From the summaries (empty when evaluated in full): per patient, domain::patientSearchKey,
    // and the places of the patients in name order (SummarisedRegistry::nameOrder).
    QList<QString> searchKeys;
    QList<qsizetype> nameOrder;
};
Result<RegistryEvaluation> evaluateForView(Registry &registry, View view, const QDate &asOf);
// The same, always evaluated in full from every record (the summaries' reference, and other days).
Result<RegistryEvaluation> evaluateInFull(Registry &registry, View view, const QDate &asOf);

// --- One patient -------------------------------------------------------------------------------

struct PatientView {
    domain::Patient patient;
    clinical::Evaluation evaluation;
    clinical::LtotStatus ltot;  // whether and why the patient is on the long-term therapy registry
    QString mmeCaution;
    QList<scripts::Script> clinicScripts;       // the clinic's adapted and own scripts
    QJsonObject policy;                         // the policy in force, for scripts written per policy switch
    QList<domain::ClinicResource> resources{};  // the directory, retired ones too: what referrals name
};
Result<PatientView> patientView(Registry &registry, const QString &patientId, const QDate &on);

// Runs the refill-request check (rules contract §7) for a patient of the registry (or none, for a
// request not yet tied to one): advice for the clinician, never an automatic refusal.
Result<clinical::RefillAdvice> refillAdvice(Registry &registry, const QString &patientId,
                                            const clinical::RefillRequest &request);

// --- The day's huddle --------------------------------------------------------------------------

struct HuddleRow {
    QString patientId;
    QString name;
    QString clinicId;
    QString prescriber;
    QString tier;
    double totalMme = 0;
    QString band;
    QList<clinical::CareGap> rooming;
    QList<clinical::CareGap> clinician;
    QList<clinical::CareGap> registryManager;
    QString visitTime;  // "HH:mm", or empty when booked without a time
    // A rooming record (PEG, screening, urine sample, agreement, PDMP check) is dated that day.
    bool roomedOnDay = false;
};
Result<QList<HuddleRow>> huddleRows(Registry &registry, const QDate &date);
// The rules engine's huddle for `date` from the patients booked that day only (read in full; the
// rules decide which bookings count). `entries` point into `patients`.
struct HuddleInput {
    ClinicRules rules;
    QList<domain::Patient> patients;
    QList<clinical::HuddleEntry> entries;
};
Result<HuddleInput> huddleForDay(Registry &registry, const QDate &date);

// --- The registry list -------------------------------------------------------------------------

// One patient of the registry list. Patients not on long-term therapy on `asOf` (ltotStatus) have
// no evaluation: no gaps, no MME, and their clinician-set tier (or none).
struct RosterRow {
    QString patientId;
    QString name;
    QString clinicId;
    QString prescriber;
    QString phone;
    bool onTherapy = false;
    QString ltotReason;  // clinical::toString(LtotReason): why on (or not on) long-term therapy
    QString tier;        // effective tier: "low", "moderate", "high"; "" when not evaluated
    QString band;        // "lt50", "50to89", "ge90"; "" when not evaluated
    double totalMme = 0;
    QList<clinical::CareGap> gaps;
    int overdueOrder = 0;  // position in the rules engine's worklist order (overdue first); 0 is most overdue
    QString searchKey;     // folded name + clinic id
};

struct RosterRows {
    QDate asOf;
    QList<RosterRow> rows;  // in name order
};
Result<RosterRows> rosterRows(Registry &registry, const QDate &asOf);

// --- PEG outreach ------------------------------------------------------------------------------

// A patient whose PEG gap is open (overdue or never done), in the rules engine's worklist order.
struct OutreachRow {
    QString patientId;
    QString name;
    QString clinicId;
    QString prescriber;
    QString phone;
    QString language;
    QString status;  // "overdue" or "missing"
    QDate due;       // null when never done
};
Result<QList<OutreachRow>> pegOutreachRows(Registry &registry, const QDate &asOf);

// --- Monthly measures --------------------------------------------------------------------------

// The 12-month trend of the monthly measures ending with (year, month), for the clinic or one
// prescriber, with the names the drill-down lists need and the clinic's prescribers. Only the last
// month, the one the screen shows and drills into, carries drill-down lists (patientIds,
// needActionIds); the months before carry their counts and values for the trend.
struct PatientName {
    QString name;
    QString clinicId;
    QString prescriber;
};
struct MeasuresData {
    QList<clinical::MonthlyMeasures> trend;  // oldest first
    QStringList prescribers;                 // sorted
    QHash<QString, PatientName> names;       // every patient id that appears in a drill-down
};
Result<MeasuresData> measuresData(Registry &registry, int year, int month, const QString &prescriber);

}  // namespace cairn::registry
