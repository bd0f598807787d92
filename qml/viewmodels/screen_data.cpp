#include "qml/viewmodels/screen_data.h"

#include "core/domain/text.h"
#include "core/registry/clinical_service.h"
#include "core/registry/registry.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace cairn::app {
namespace {

QString denied(const char *what)
{
    return QCoreApplication::translate("ScreenData", "Your role does not allow %1.")
        .arg(QCoreApplication::translate("ScreenData", what));
}

}  // namespace

Result<RegistryRows> registryRows(registry::Registry &registry, const QDate &asOf)
{
    if (!registry.can(keys::Permission::RunWorklists))
        return Error{QString(), denied(QT_TRANSLATE_NOOP("ScreenData", "the registry list"))};
    auto rules = registry::clinicRules(registry);
    if (!rules)
        return rules.error();
    auto patients = registry.loadAllPatients(QStringLiteral("registry list"));
    if (!patients)
        return patients.error();
    const clinical::RulesContext context = rules->context();
    auto evaluations = clinical::evaluateRegistry(*patients, asOf, context);
    if (!evaluations)
        return evaluations.error();
    // The rules engine's own worklist order (overdue first, then earliest due, then name) gives
    // "most overdue" for the whole registry.
    const QList<clinical::PatientEvaluation> ordered = clinical::worklist(*evaluations, {});
    QHash<const domain::Patient *, int> order;
    order.reserve(ordered.size());
    for (int i = 0; i < ordered.size(); ++i)
        order.insert(ordered.at(i).patient, i);
    QHash<const domain::Patient *, const clinical::Evaluation *> byPatient;
    byPatient.reserve(evaluations->size());
    for (const auto &pe : std::as_const(*evaluations))
        byPatient.insert(pe.patient, &pe.evaluation);

    RegistryRows result;
    result.asOf = asOf;
    result.rows.reserve(patients->size());
    for (const domain::Patient &p : std::as_const(*patients)) {
        RegistryRow row;
        row.patientId = p.id;
        row.name = p.name;
        row.clinicId = p.clinicId;
        row.prescriber = p.prescriber;
        row.phone = p.phone;
        row.searchKey = domain::foldForSearch(p.name + QLatin1Char(' ') + p.clinicId);
        if (const auto *evaluation = byPatient.value(&p)) {
            row.onTherapy = true;
            row.tier = domain::toString(evaluation->tier);
            row.band = clinical::toString(evaluation->mme.band);
            row.totalMme = evaluation->mme.totalPerDay;
            row.gaps = evaluation->gaps;
            row.overdueOrder = order.value(&p);
        } else {
            row.tier = p.riskTier ? domain::toString(*p.riskTier) : QString();
            row.overdueOrder = static_cast<int>(ordered.size());  // after every evaluated patient
        }
        result.rows.append(std::move(row));
    }
    std::stable_sort(result.rows.begin(), result.rows.end(),
                     [](const RegistryRow &a, const RegistryRow &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return result;
}

Result<QList<OutreachRow>> pegOutreachRows(registry::Registry &registry, const QDate &asOf)
{
    if (!registry.can(keys::Permission::RunWorklists))
        return Error{QString(), denied(QT_TRANSLATE_NOOP("ScreenData", "worklists"))};
    auto rules = registry::clinicRules(registry);
    if (!rules)
        return rules.error();
    auto patients = registry.loadAllPatients(QStringLiteral("PEG outreach"));
    if (!patients)
        return patients.error();
    auto evaluations = clinical::evaluateRegistry(*patients, asOf, rules->context());
    if (!evaluations)
        return evaluations.error();
    QList<OutreachRow> rows;
    for (const clinical::PatientEvaluation &pe :
         clinical::worklist(*evaluations, {QStringLiteral("PEG"), {}, {}, {}, {}})) {
        for (const clinical::CareGap &gap : pe.evaluation.gaps) {
            if (gap.code != QLatin1String("PEG") ||
                (gap.status != clinical::GapStatus::Overdue && gap.status != clinical::GapStatus::Missing))
                continue;
            const domain::Patient &p = *pe.patient;
            rows.append(
                {p.id, p.name, p.clinicId, p.prescriber, p.phone, p.language, clinical::toString(gap.status), gap.due});
            break;
        }
    }
    return rows;
}

Result<MeasuresData> measuresData(registry::Registry &registry, int year, int month, const QString &prescriber)
{
    if (!registry.can(keys::Permission::ViewMeasures))
        return Error{QString(), denied(QT_TRANSLATE_NOOP("ScreenData", "the monthly measures"))};
    auto rules = registry::clinicRules(registry);
    if (!rules)
        return rules.error();
    auto patients = registry.loadAllPatients(QStringLiteral("monthly measures"));
    if (!patients)
        return patients.error();
    auto trend = clinical::measureTrend(*patients, year, month, prescriber, rules->context());
    if (!trend)
        return trend.error();
    MeasuresData data;
    data.trend = std::move(trend).value();
    QSet<QString> prescribers;
    QSet<QString> wanted;
    for (const auto &m : std::as_const(data.trend))
        for (const auto &measure : m.measures)
            for (const QString &id : measure.patientIds)
                wanted.insert(id);
    for (const domain::Patient &p : std::as_const(*patients)) {
        if (!p.prescriber.isEmpty())
            prescribers.insert(p.prescriber);
        if (wanted.contains(p.id))
            data.names.insert(p.id, {p.name, p.clinicId, p.prescriber});
    }
    data.prescribers = QStringList(prescribers.cbegin(), prescribers.cend());
    data.prescribers.sort();
    return data;
}

Result<clinical::RefillAdvice> refillAdvice(registry::Registry &registry, const QString &patientId,
                                            const clinical::RefillRequest &request)
{
    if (!registry.can(keys::Permission::ViewPatient))
        return Error{QString(), denied(QT_TRANSLATE_NOOP("ScreenData", "opening a patient"))};
    auto rules = registry::clinicRules(registry);
    if (!rules)
        return rules.error();
    std::optional<domain::Patient> patient;
    if (!patientId.isEmpty()) {
        auto loaded = registry.loadPatient(patientId);
        if (!loaded)
            return loaded.error();
        patient = std::move(loaded).value();
    }
    return clinical::checkRefill(request, patient, rules->context());
}

}  // namespace cairn::app
