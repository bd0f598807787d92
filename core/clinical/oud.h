#pragma once
// Opioid use disorder (OUD): the DSM-5 checklist's severity, and where the patient stands with
// medication for OUD (MOUD), which is tracked apart from long-term opioid therapy (ltot.h).

#include "core/domain/clinic_resource.h"
#include "core/domain/records.h"

#include <QList>
#include <QString>

namespace cairn::clinical {

enum class OudSeverity { None, Mild, Moderate, Severe };
QString toString(OudSeverity severity);  // "none", "mild", "moderate", "severe"

// Severity by the number of criteria that count (DSM-5; CDC 2022, MMWR pp. 25-26): 0-1 none,
// 2-3 mild, 4-5 moderate, 6 or more severe.
OudSeverity oudSeverityForCount(int criteriaCounted);

// Whether a criterion (by domain::kOudCriteria index) counts. Tolerance and withdrawal do not for
// someone taking opioids only as prescribed under medical supervision (DSM-5's note to criteria
// 10 and 11): they are what long-term therapy is expected to bring.
bool oudCriterionCounts(std::size_t index, bool asPrescribed);

struct OudResult {
    int criteriaAnswered = 0;  // yes or no
    int criteriaMet = 0;       // answered yes
    int criteriaCounted = 0;   // answered yes and counted (see oudCriterionCounts)
    OudSeverity severity = OudSeverity::None;
    bool complete = false;  // every criterion and as_prescribed answered
};
// The checklist's result; an incomplete checklist (a form being filled) is counted as far as answered.
OudResult oudResult(const domain::OudAssessment &assessment);
// Whether the checklist calls for offering treatment: mild or worse.
bool offersTreatment(OudSeverity severity);
// A concern for opioid use disorder on `on`: the latest checklist on or before it meets the
// criteria (mild or worse). One of the clinic's referral triggers (referral_triggers.h).
bool oudConcernOn(const domain::Patient &patient, const QDate &on);
// Whether a directory resource can take a patient referred for MOUD: a MOUD prescriber or an
// addiction treatment program. The MOUD form's choices and the registry's check both ask this.
bool offersMoud(domain::ResourceCategory category);

// The latest checklist on or before `on` (by date, then clock); null if none.
const domain::OudAssessment *latestOudAssessment(const domain::Patient &patient, const QDate &on);
// The MOUD state in force on `on`: the latest moud_status on or before it; null if none.
const domain::MoudStatus *moudStatusOn(const domain::Patient &patient, const QDate &on);

// The checklist's wording in a language ("en", "es"; others fall back to English), by
// domain::kOudCriteria order (assets/clinical/oud-criteria.json). Empty if the asset is broken.
QStringList oudCriteriaText(const QString &language);

}  // namespace cairn::clinical
