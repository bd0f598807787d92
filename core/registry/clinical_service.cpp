#include "core/registry/clinical_service.h"

#include "core/clinical/registry_views.h"
#include "core/registry/registry.h"
#include "core/scripts/library.h"

#include <mutex>

namespace cairn::registry {

Result<const clinical::RulesContext *> shippedRules()
{
    static std::once_flag once;
    static std::optional<Error> failure;
    static std::optional<clinical::ClinicPolicy> policy;
    static std::unique_ptr<clinical::RulesContext> context;
    std::call_once(once, [] {
        auto tables = clinical::MmeTables::shipped();
        auto instruments = clinical::Instruments::shipped();
        auto defaults = clinical::ClinicPolicy::defaults();
        if (!tables || !instruments || !defaults) {
            failure = !tables ? tables.error() : !instruments ? instruments.error() : defaults.error();
            return;
        }
        policy = *defaults;
        clinical::ScriptsForGap scripts;
        if (auto library = scripts::Library::shipped())
            scripts = [lib = *library](const QString &code) { return lib->idsForTrigger(code); };
        context = std::make_unique<clinical::RulesContext>(
            clinical::RulesContext{*policy, *(*tables)->find((*tables)->defaultId()), **instruments, scripts});
    });
    if (failure)
        return *failure;
    return context.get();
}

clinical::RulesContext ClinicRules::context() const
{
    const clinical::RulesContext *shipped = *shippedRules();
    return {policy, shipped->table, shipped->instruments, shipped->scriptsForGap};
}

Result<ClinicRules> clinicRules(Registry &registry)
{
    auto shipped = shippedRules();
    if (!shipped)
        return shipped.error();
    auto policy = registry.clinicPolicy();
    if (!policy)
        return policy.error();
    return ClinicRules{*policy};
}

Result<PatientView> patientView(Registry &registry, const QString &patientId, const QDate &on)
{
    auto rules = clinicRules(registry);
    if (!rules)
        return rules.error();
    auto patient = registry.loadPatient(patientId);
    if (!patient)
        return patient.error();
    auto evaluation = clinical::evaluate(*patient, on, rules->context());
    if (!evaluation)
        return evaluation.error();
    auto tables = clinical::MmeTables::shipped();
    auto clinicScripts = registry.clinicScripts();
    if (!clinicScripts)
        return clinicScripts.error();
    return PatientView{std::move(patient).value(), std::move(evaluation).value(),
                       tables ? (*tables)->caution() : QString(), std::move(clinicScripts).value()};
}

Result<QList<HuddleRow>> huddleRows(Registry &registry, const QDate &date)
{
    auto rules = clinicRules(registry);
    if (!rules)
        return rules.error();
    if (!registry.can(keys::Permission::RunWorklists))
        return Error{QString(), QStringLiteral("your role does not allow the huddle list")};
    auto patients = registry.loadAllPatients(QStringLiteral("huddle list"));
    if (!patients)
        return patients.error();
    auto entries = clinical::huddleList(*patients, date, rules->context());
    if (!entries)
        return entries.error();
    QList<HuddleRow> rows;
    for (const auto &entry : *entries) {
        const domain::Patient &p = *entry.patient;
        rows.append({p.id, p.name, p.clinicId, p.prescriber, domain::toString(entry.evaluation.tier),
                     entry.evaluation.mme.totalPerDay, clinical::toString(entry.evaluation.mme.band), entry.rooming,
                     entry.clinician, entry.registryManager, entry.visitTime});
    }
    return rows;
}

}  // namespace cairn::registry
