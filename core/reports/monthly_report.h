#pragma once
// The monthly leadership report (issue 17 item 5, Building Block 6): each measure with its target
// and 12-month trend, per prescriber, and, for the registry manager only, the patients behind each
// measure that misses its target; or the one-page summary for the staff meeting, with no patient
// named. Built from the rules engine's measures (core/clinical/population_views.h); rendered with
// PdfDocument into memory.

#include "core/clinical/population_views.h"
#include "core/roles/roles.h"

#include <QByteArray>
#include <QDate>
#include <QHash>

namespace cairn::reports {

enum class ReportEdition {
    Full,          // summary, trends, prescribers, and the appendix when the reader may see it
    StaffSummary,  // one page, no patient named
};

// Whether `role` may have the patients behind the measures printed: paper leaves the tablet, so the
// report names patients only for the registry manager, whose work those lists are.
bool mayPrintPatientLists(keys::Role role);

struct ReportPatient {
    QString name;
    QString clinicId;
    QString prescriber;
};
// The patients behind a measure that misses its target: the ones it asks the clinic to act on
// (clinical::Measure::needActionIds).
struct PatientsBehind {
    QString measureId;
    QStringList patientIds;
};

struct MonthlyReportInput {
    QString month;                                 // "YYYY-MM"
    QDate generatedOn;                             // the day the report was made
    QList<clinical::MonthlyMeasures> trend;        // the clinic's 12 months ending with `month`, oldest first
    QList<clinical::MonthlyMeasures> prescribers;  // `month` for each prescriber, by name
    // Only when the reader may see them (mayPrintPatientLists): the appendix's lists and names.
    QList<PatientsBehind> behind;
    QHash<QString, ReportPatient> patients;
};

// The report's content from the registry's patients (a whole-registry read by the caller).
Result<MonthlyReportInput> monthlyReportInput(const QList<domain::Patient> &patients, int year, int month,
                                              const clinical::RulesContext &context, bool withPatientLists,
                                              const QDate &generatedOn);

QByteArray renderMonthlyReport(const MonthlyReportInput &input, ReportEdition edition);

}  // namespace cairn::reports
