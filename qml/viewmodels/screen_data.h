#pragma once
// What the registry, PEG outreach, measures and refill screens need from the registry, computed in
// one pass on the database thread from the ONE rules engine (core/clinical): plain values, no
// pointers into registry data. The view models call these through RegistryThread::run; the
// benchmark (bench/app) calls them directly on a registry.

#include "core/clinical/refill.h"
#include "core/clinical/registry_views.h"
#include "core/domain/result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QStringList>

namespace cairn::registry {
class Registry;
}

namespace cairn::app {

// One patient of the registry list. Patients without an active opioid on `asOf` have no
// evaluation: no gaps, no MME, and their clinician-set tier (or none).
struct RegistryRow {
    QString patientId;
    QString name;
    QString clinicId;
    QString prescriber;
    QString phone;
    bool onTherapy = false;
    QString tier;  // effective tier: "low", "moderate", "high"; "" when not evaluated
    QString band;  // "lt50", "50to89", "ge90"; "" when not evaluated
    double totalMme = 0;
    QList<clinical::CareGap> gaps;
    int overdueOrder = 0;  // position in the rules engine's worklist order (overdue first); 0 is most overdue
    QString searchKey;     // folded name + clinic id
};

struct RegistryRows {
    QDate asOf;
    QList<RegistryRow> rows;  // in name order
};
Result<RegistryRows> registryRows(registry::Registry &registry, const QDate &asOf);

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
Result<QList<OutreachRow>> pegOutreachRows(registry::Registry &registry, const QDate &asOf);

// The 12-month trend of the monthly measures ending with (year, month), for the clinic or one
// prescriber, with the names the drill-down lists need and the clinic's prescribers.
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
Result<MeasuresData> measuresData(registry::Registry &registry, int year, int month, const QString &prescriber);

// Runs the refill-request check (rules contract §7) for a patient of the registry: advice for
// the clinician, never an automatic refusal.
Result<clinical::RefillAdvice> refillAdvice(registry::Registry &registry, const QString &patientId,
                                            const clinical::RefillRequest &request);

}  // namespace cairn::app
