#include "core/registry/views.h"

#include "core/clinical/population_views.h"
#include "core/domain/text.h"
#include "core/registry/not_allowed.h"
#include "core/registry/patient_summaries.h"
#include "core/registry/registry.h"
#include "core/scripts/library.h"

#include <QSet>

#include <algorithm>
#include <mutex>

namespace cairn::registry {
namespace {

struct ViewInfo {
    keys::Permission permission;
    const char *refusal;  // "Your role does not allow <refusal>."; in the app's translation catalogue
    const char *purpose;  // what the audit log records for reading every patient
};

ViewInfo infoOf(View view)
{
    switch (view) {
    case View::RegistryList:
        return {keys::Permission::RunWorklists, QT_TRANSLATE_NOOP("NotAllowed", "the registry list"), "registry list"};
    case View::GapWorklist:
        return {keys::Permission::RunWorklists, QT_TRANSLATE_NOOP("NotAllowed", "the gap worklist"), "gap worklist"};
    case View::PegOutreach:
        return {keys::Permission::RunWorklists, QT_TRANSLATE_NOOP("NotAllowed", "worklists"), "PEG outreach"};
    case View::HuddleList:
        return {keys::Permission::RunWorklists, QT_TRANSLATE_NOOP("NotAllowed", "the huddle list"), "huddle list"};
    case View::MonthlyMeasures:
        return {keys::Permission::ViewMeasures, QT_TRANSLATE_NOOP("NotAllowed", "the monthly measures"),
                "monthly measures"};
    case View::RefillCheck:
        return {keys::Permission::ViewPatient, QT_TRANSLATE_NOOP("NotAllowed", "opening a patient"), "refill check"};
    }
    Q_UNREACHABLE();
}

}  // namespace

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

Result<ClinicRules> rulesForView(Registry &registry, View view)
{
    const ViewInfo info = infoOf(view);
    if (!registry.can(info.permission))
        return notAllowed(info.refusal);
    return clinicRules(registry);
}

Result<ViewInput> loadForView(Registry &registry, View view)
{
    auto rules = rulesForView(registry, view);
    if (!rules)
        return rules.error();
    auto patients = registry.loadAllPatients(QLatin1String(infoOf(view).purpose));
    if (!patients)
        return patients.error();
    return ViewInput{std::move(rules).value(), std::move(patients).value()};
}

Result<RegistryEvaluation> evaluateForView(Registry &registry, View view, const QDate &asOf)
{
    const char *purpose = infoOf(view).purpose;
    if (asOf == summaryDate(registry.clock())) {
        auto rules = rulesForView(registry, view);
        if (!rules)
            return rules.error();
        auto summaries = registry.patientSummaries(QLatin1String(purpose));
        if (!summaries)
            return summaries.error();
        return RegistryEvaluation{std::move(rules).value(),          std::move(summaries->patients),
                                  std::move(summaries->ltotReasons), std::move(summaries->evaluations),
                                  std::move(summaries->searchKeys),  std::move(summaries->nameOrder)};
    }
    return evaluateInFull(registry, view, asOf);
}

Result<RegistryEvaluation> evaluateInFull(Registry &registry, View view, const QDate &asOf)
{
    auto input = loadForView(registry, view);
    if (!input)
        return input.error();
    RegistryEvaluation out{std::move(input->rules), std::move(input->patients), {}, {}, {}, {}};
    auto evaluations = clinical::evaluateRegistry(out.patients, asOf, out.rules.context());
    if (!evaluations)
        return evaluations.error();
    out.evaluations = std::move(evaluations).value();
    QHash<const domain::Patient *, QString> reasons;
    for (const auto &pe : std::as_const(out.evaluations))
        reasons.insert(pe.patient, clinical::toString(pe.ltot.reason));
    out.ltotReasons.reserve(out.patients.size());
    for (const domain::Patient &p : std::as_const(out.patients)) {
        const auto found = reasons.constFind(&p);
        out.ltotReasons.append(found != reasons.cend()
                                   ? *found
                                   : clinical::toString(clinical::ltotStatus(p, asOf, out.rules.policy).reason));
    }
    return out;
}

Result<PatientView> patientView(Registry &registry, const QString &patientId, const QDate &on)
{
    auto rules = clinicRules(registry);
    if (!rules)
        return rules.error();
    auto patient = registry.loadPatient(patientId);  // refuses a role that may not view patients
    if (!patient)
        return patient.error();
    auto evaluation = clinical::evaluate(*patient, on, rules->context());
    if (!evaluation)
        return evaluation.error();
    auto tables = clinical::MmeTables::shipped();
    auto clinicScripts = registry.clinicScripts();
    if (!clinicScripts)
        return clinicScripts.error();
    const clinical::LtotStatus ltot = clinical::ltotStatus(*patient, on, rules->policy);
    domain::ResourceFilter everyResource;
    everyResource.includeRetired = true;
    auto resources = registry.clinicResources(everyResource);
    if (!resources)
        return resources.error();
    return PatientView{std::move(patient).value(),
                       std::move(evaluation).value(),
                       ltot,
                       tables ? (*tables)->caution() : QString(),
                       std::move(clinicScripts).value(),
                       rules->policy.toJson(),
                       std::move(resources).value()};
}

Result<clinical::RefillAdvice> refillAdvice(Registry &registry, const QString &patientId,
                                            const clinical::RefillRequest &request)
{
    auto rules = rulesForView(registry, View::RefillCheck);
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

Result<HuddleInput> huddleForDay(Registry &registry, const QDate &date)
{
    auto rules = rulesForView(registry, View::HuddleList);
    if (!rules)
        return rules.error();
    auto booked = registry.patientsBookedOn(date, QLatin1String(infoOf(View::HuddleList).purpose));
    if (!booked)
        return booked.error();
    HuddleInput out{std::move(rules).value(), std::move(booked).value(), {}};
    auto entries = clinical::huddleList(out.patients, date, out.rules.context());
    if (!entries)
        return entries.error();
    out.entries = std::move(entries).value();
    return out;
}

namespace {
Result<QList<HuddleRow>> rowsOf(Registry &registry, const QList<clinical::HuddleEntry> &entries, const QDate &date)
{
    auto roomedIds = registry.patientsRoomedOn(date);
    if (!roomedIds)
        return roomedIds.error();
    QList<HuddleRow> rows;
    rows.reserve(entries.size());
    for (const auto &entry : entries) {
        const domain::Patient &p = *entry.patient;
        const bool roomed = std::binary_search(roomedIds->cbegin(), roomedIds->cend(), p.id);
        rows.append({p.id, p.name, p.clinicId, p.prescriber, domain::toString(entry.evaluation.tier),
                     entry.evaluation.mme.totalPerDay, clinical::toString(entry.evaluation.mme.band), entry.rooming,
                     entry.clinician, entry.registryManager, entry.visitTime, roomed});
    }
    return rows;
}
}  // namespace

Result<QList<HuddleRow>> huddleRows(Registry &registry, const QDate &date)
{
    if (date != summaryDate(registry.clock())) {
        auto huddle = huddleForDay(registry, date);
        if (!huddle)
            return huddle.error();
        return rowsOf(registry, huddle->entries, date);
    }
    // Today: the summaries hold each patient's evaluation for today and their next booking (its
    // time as the huddle takes it), so the rules engine's huddle is built from them without
    // reading any patient's records.
    auto rules = rulesForView(registry, View::HuddleList);
    if (!rules)
        return rules.error();
    auto summaries = registry.patientSummaries(QLatin1String(infoOf(View::HuddleList).purpose));
    if (!summaries)
        return summaries.error();
    const QString day = date.toString(Qt::ISODate);
    QList<clinical::HuddleEntry> entries;
    for (const clinical::PatientEvaluation &pe : std::as_const(summaries->evaluations)) {
        const qsizetype i = pe.patient - summaries->patients.constData();
        if (summaries->nextVisits.at(i) == day)
            entries.append(clinical::huddleEntry(pe.patient, pe.evaluation, summaries->nextVisitTimes.at(i)));
    }
    clinical::sortHuddle(entries);
    return rowsOf(registry, entries, date);
}

Result<RosterRows> rosterRows(Registry &registry, const QDate &asOf)
{
    auto input = evaluateForView(registry, View::RegistryList, asOf);
    if (!input)
        return input.error();
    const QList<domain::Patient> &patients = input->patients;
    // The rules engine's own worklist order (overdue first, then earliest due, then name) gives
    // "most overdue" for the whole registry.
    const QList<clinical::PatientEvaluation> ordered = clinical::worklist(input->evaluations, {});
    QHash<const domain::Patient *, int> order;
    order.reserve(ordered.size());
    for (int i = 0; i < ordered.size(); ++i)
        order.insert(ordered.at(i).patient, i);
    QHash<const domain::Patient *, const clinical::PatientEvaluation *> byPatient;
    byPatient.reserve(input->evaluations.size());
    for (const auto &pe : std::as_const(input->evaluations))
        byPatient.insert(pe.patient, &pe);

    // By name: the summaries keep that order between reads; a list evaluated in full is sorted here.
    const QList<qsizetype> byName =
        input->nameOrder.size() == patients.size()
            ? input->nameOrder
            : placesInNameOrder(patients.size(),
                                [&patients](qsizetype i) -> const QString & { return patients.at(i).name; });
    const bool searchKeysKnown = input->searchKeys.size() == patients.size();
    RosterRows result;
    result.asOf = asOf;
    result.rows.reserve(patients.size());
    for (const qsizetype i : std::as_const(byName)) {
        const domain::Patient &p = patients.at(i);
        RosterRow row;
        row.patientId = p.id;
        row.name = p.name;
        row.clinicId = p.clinicId;
        row.prescriber = p.prescriber;
        row.phone = p.phone;
        row.searchKey = searchKeysKnown ? input->searchKeys.at(i) : domain::patientSearchKey(p.name, p.clinicId);
        row.ltotReason = input->ltotReasons.at(i);
        if (const auto *pe = byPatient.value(&p)) {
            const clinical::Evaluation *evaluation = &pe->evaluation;
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
    return result;
}

Result<QList<OutreachRow>> pegOutreachRows(Registry &registry, const QDate &asOf)
{
    auto input = evaluateForView(registry, View::PegOutreach, asOf);
    if (!input)
        return input.error();
    QList<OutreachRow> rows;
    for (const clinical::PatientEvaluation &pe :
         clinical::worklist(input->evaluations, {QStringLiteral("PEG"), {}, {}, {}, {}})) {
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

namespace {
// The drill-down names and the prescriber choices of the measures screen.
void addNames(MeasuresData &data, const QList<domain::Patient> &patients)
{
    QSet<QString> prescribers;
    QSet<QString> wanted;
    for (const auto &m : std::as_const(data.trend))
        for (const auto &measure : m.measures) {
            for (const QString &id : measure.patientIds)
                wanted.insert(id);
            for (const QString &id : measure.needActionIds)
                wanted.insert(id);
        }
    for (const domain::Patient &p : patients) {
        if (!p.prescriber.isEmpty())
            prescribers.insert(p.prescriber);
        if (wanted.contains(p.id))
            data.names.insert(p.id, {p.name, p.clinicId, p.prescriber});
    }
    data.prescribers = QStringList(prescribers.cbegin(), prescribers.cend());
    data.prescribers.sort();
}
}  // namespace

Result<MeasuresData> measuresData(Registry &registry, int year, int month, const QString &prescriber)
{
    const QDate end(year, month, 1);
    if (end.isValid() && end == measuresEndMonth(summaryDate(registry.clock()))) {
        // The trend the screen opens on: each patient's share of those months is in their summary
        // (computed by the rules engine when their records or the policy last changed), so only
        // the sums are done here.
        auto rules = rulesForView(registry, View::MonthlyMeasures);
        if (!rules)
            return rules.error();
        auto summaries = registry.patientSummaries(QLatin1String(infoOf(View::MonthlyMeasures).purpose));
        if (!summaries)
            return summaries.error();
        const QList<domain::Patient> &patients = summaries->patients;
        for (qsizetype k = 0; k < patients.size(); ++k) {
            if ((prescriber.isEmpty() || patients.at(k).prescriber == prescriber) && summaries->measuresErrors.at(k))
                return *summaries->measuresErrors.at(k);
        }
        MeasuresData data;
        for (int i = 0; i < kSummaryMeasureMonths; ++i) {
            const QDate m = end.addMonths(i - (kSummaryMeasureMonths - 1));
            clinical::MonthTally tally(m.year(), m.month(), prescriber, rules->policy,
                                       i == kSummaryMeasureMonths - 1 ? clinical::MonthTally::Lists::Keep
                                                                      : clinical::MonthTally::Lists::CountsOnly);
            for (qsizetype k = 0; k < patients.size(); ++k) {
                if (prescriber.isEmpty() || patients.at(k).prescriber == prescriber)
                    tally.add(patients.at(k).id, summaries->measures.at(k)[static_cast<std::size_t>(i)]);
            }
            data.trend.append(tally.result());
        }
        addNames(data, patients);
        return data;
    }
    auto input = loadForView(registry, View::MonthlyMeasures);
    if (!input)
        return input.error();
    auto trend = clinical::measureTrend(input->patients, year, month, prescriber, input->rules.context());
    if (!trend)
        return trend.error();
    MeasuresData data;
    data.trend = std::move(trend).value();
    for (qsizetype i = 0; i + 1 < data.trend.size(); ++i) {
        for (clinical::Measure &measure : data.trend[i].measures) {  // as the summaries' trend: figures only
            measure.patientIds.clear();
            measure.needActionIds.clear();
        }
    }
    addNames(data, input->patients);
    return data;
}

}  // namespace cairn::registry
