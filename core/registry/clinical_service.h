#pragma once
// The rules engine over the registry, for screens: one patient's record with its evaluation, and
// the huddle list for a day, as plain values (no pointers into registry data). Runs on the
// database thread like every registry call.

#include "core/clinical/rules.h"
#include "core/domain/records.h"
#include "core/domain/result.h"
#include "core/scripts/library.h"

#include <QDate>
#include <QList>

namespace cairn::registry {

class Registry;

struct PatientView {
    domain::Patient patient;
    clinical::Evaluation evaluation;
    QString mmeCaution;
    QList<scripts::Script> clinicScripts;  // the clinic's adapted and own scripts
};

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
};

// The shipped tables, instruments, default policy and script index; loaded once.
Result<const clinical::RulesContext *> shippedRules();

// The rules as this registry's clinic has set them: shipped tables and instruments with the
// clinic policy in force. Keeps the policy alive for the context's lifetime.
struct ClinicRules {
    clinical::ClinicPolicy policy;
    clinical::RulesContext context() const;
};
Result<ClinicRules> clinicRules(Registry &registry);

Result<PatientView> patientView(Registry &registry, const QString &patientId, const QDate &on);
Result<QList<HuddleRow>> huddleRows(Registry &registry, const QDate &date);

}  // namespace cairn::registry
