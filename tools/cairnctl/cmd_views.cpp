// cairnctl gaps | huddle | measures: the rules engine over the encrypted registry.

#include "core/clinical/contract_json.h"
#include "core/clinical/population_views.h"
#include "core/interop/worklist_export.h"
#include "core/registry/views.h"
#include "tools/cairnctl/cli_registry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

// Unlocks the registry and runs the views' preamble: the role's permission, the clinic's rules
// in force and every patient (audited with the view's purpose).
Result<registry::ViewInput> load(const GlobalOptions &options, registry::View view)
{
    auto open = openRegistry(options, kClock);
    if (!open)
        return open.error();
    return registry::loadForView(*open->registry, view);
}

QJsonArray gapsJson(const QList<clinical::CareGap> &gaps)
{
    QJsonArray array;
    for (const auto &g : gaps) {
        array.append(QJsonObject{
            {QStringLiteral("code"), g.code},
            {QStringLiteral("status"), clinical::toString(g.status)},
            {QStringLiteral("due"), g.due.isValid() ? QJsonValue(g.due.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("severity"), clinical::toString(g.severity)},
            {QStringLiteral("role"), g.role},
            {QStringLiteral("reason"), g.reason}});
    }
    return array;
}

QJsonObject patientLine(const domain::Patient &p, const clinical::Evaluation &e)
{
    return {{QStringLiteral("patient_id"), p.id},
            {QStringLiteral("clinic_id"), p.clinicId},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("prescriber"), p.prescriber},
            {QStringLiteral("risk_tier"), domain::toString(e.tier)},
            {QStringLiteral("total_per_day"), clinical::roundToTenth(e.mme.totalPerDay)},
            {QStringLiteral("band"), clinical::toString(e.mme.band)}};
}

void print(Io &io, const QJsonObject &object)
{
    io.out->setEncoding(QStringConverter::Utf8);
    *io.out << QString::fromUtf8(clinical::contractJsonText(object));
}

// The worklist as a spreadsheet (interop::gapWorklistTable: one row per open gap), made in memory
// and written straight to the named file.
int writeWorklist(const QString &option, const QString &file, interop::SheetFormat format,
                  const QList<clinical::PatientEvaluation> &worklist, Io &io)
{
    const interop::OutputTable table = interop::gapWorklistTable(worklist);
    auto bytes = interop::writeSheet(table, format);
    if (!bytes)
        return fail(io, bytes.error().within(option));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(*bytes) != bytes->size() || !out.flush()) {
        out.remove();
        return fail(io, {option, QStringLiteral("cannot write %1").arg(file)});
    }
    *io.out << table.rows.size() << " open gaps of " << worklist.size() << " patients written to " << file << '\n';
    return Success;
}

int runGaps(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto asOf = dateOption(args, QStringLiteral("--as-of"), kClock.now().date());
    if (!asOf)
        return fail(io, asOf.error(), BadInput);
    clinical::WorklistFilter filter;
    for (auto [name, into] :
         {std::pair{QStringLiteral("--code"), &filter.gapCode},
          std::pair{QStringLiteral("--prescriber"), &filter.prescriber},
          std::pair{QStringLiteral("--band"), &filter.band}, std::pair{QStringLiteral("--tier"), &filter.tier},
          std::pair{QStringLiteral("--search"), &filter.search}}) {
        auto value = takeOption(args, name);
        if (!value)
            return fail(io, value.error(), BadInput);
        *into = *value;
    }
    auto csv = takeOption(args, QStringLiteral("--csv"));
    if (!csv)
        return fail(io, csv.error(), BadInput);
    auto xlsx = takeOption(args, QStringLiteral("--xlsx"));
    if (!xlsx)
        return fail(io, xlsx.error(), BadInput);
    if (!csv->isEmpty() && !xlsx->isEmpty())
        return fail(io, {QStringLiteral("--xlsx"), QStringLiteral("give --csv or --xlsx, not both")}, BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto loaded = registry::evaluateForView(*open->registry, registry::View::GapWorklist, *asOf);
    if (!loaded)
        return fail(io, loaded.error());
    if (!csv->isEmpty())
        return writeWorklist(QStringLiteral("--csv"), *csv, interop::SheetFormat::Csv,
                             clinical::worklist(loaded->evaluations, filter), io);
    if (!xlsx->isEmpty())
        return writeWorklist(QStringLiteral("--xlsx"), *xlsx, interop::SheetFormat::Xlsx,
                             clinical::worklist(loaded->evaluations, filter), io);
    QJsonArray rows;
    for (const auto &pe : clinical::worklist(loaded->evaluations, filter)) {
        QJsonObject row = patientLine(*pe.patient, pe.evaluation);
        row.insert(QStringLiteral("ltot_reason"), clinical::toString(pe.ltot.reason));  // why on the registry
        row.insert(QStringLiteral("gaps"), gapsJson(pe.evaluation.gaps));
        rows.append(row);
    }
    print(io, {{QStringLiteral("as_of"), asOf->toString(Qt::ISODate)},
               {QStringLiteral("policy_version"), loaded->rules.policy.version},
               {QStringLiteral("patients"), rows}});
    return Success;
}

int runHuddle(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto date = dateOption(args, QStringLiteral("--date"), kClock.now().date());
    if (!date)
        return fail(io, date.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto huddle = registry::huddleForDay(*open->registry, *date);
    if (!huddle)
        return fail(io, huddle.error());
    QJsonArray rows;
    for (const auto &entry : std::as_const(huddle->entries)) {
        QJsonObject row = patientLine(*entry.patient, entry.evaluation);
        row.insert(QStringLiteral("rooming"), gapsJson(entry.rooming));
        row.insert(QStringLiteral("clinician"), gapsJson(entry.clinician));
        row.insert(QStringLiteral("registry_manager"), gapsJson(entry.registryManager));
        rows.append(row);
    }
    print(io, {{QStringLiteral("date"), date->toString(Qt::ISODate)},
               {QStringLiteral("policy_version"), huddle->rules.policy.version},
               {QStringLiteral("patients"), rows}});
    return Success;
}

QJsonObject measuresJson(const clinical::MonthlyMeasures &m)
{
    QJsonArray measures;
    for (const auto &measure : m.measures) {
        QJsonObject row{{QStringLiteral("id"), measure.id},
                        {QStringLiteral("numerator"), measure.numerator},
                        {QStringLiteral("denominator"), measure.denominator},
                        {QStringLiteral("value"), measure.value},
                        {QStringLiteral("patients"), QJsonArray::fromStringList(measure.patientIds)}};
        // Beyond the contract's keys: the policy window and target the measure followed.
        if (measure.windowDays > 0)
            row.insert(QStringLiteral("window_days"), measure.windowDays);
        if (measure.target)
            row.insert(QStringLiteral("target"),
                       QJsonObject{{measure.lowerIsBetter ? QStringLiteral("at_most") : QStringLiteral("at_least"),
                                    *measure.target}});
        measures.append(row);
    }
    return {{QStringLiteral("month"), m.month},
            {QStringLiteral("evaluated_on"), m.evaluatedOn.toString(Qt::ISODate)},
            {QStringLiteral("prescriber"), m.prescriber.isEmpty() ? QJsonValue() : QJsonValue(m.prescriber)},
            {QStringLiteral("cot_patients"), m.cotPatients},
            {QStringLiteral("policy_version"), m.policyVersion},
            {QStringLiteral("measures"), measures}};
}

int runMeasures(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto month = takeOption(args, QStringLiteral("--month"));
    auto prescriber = takeOption(args, QStringLiteral("--prescriber"));
    const bool trend = takeFlag(args, QStringLiteral("--trend"));
    if (!month)
        return fail(io, month.error(), BadInput);
    if (!prescriber)
        return fail(io, prescriber.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    const QDate first = QDate::fromString(*month + QStringLiteral("-01"), Qt::ISODate);
    if (!first.isValid())
        return fail(io, {QStringLiteral("--month"), QStringLiteral("must be a month written YYYY-MM")}, BadInput);
    auto loaded = load(options, registry::View::MonthlyMeasures);
    if (!loaded)
        return fail(io, loaded.error());
    const QList<domain::Patient> &patients = loaded->patients;
    const clinical::RulesContext context = loaded->rules.context();
    if (trend) {
        auto months = clinical::measureTrend(patients, first.year(), first.month(), *prescriber, context);
        if (!months)
            return fail(io, months.error());
        QJsonArray list;
        for (const auto &m : *months)
            list.append(measuresJson(m));
        print(io, {{QStringLiteral("trend"), list}});
        return Success;
    }
    auto measures = clinical::monthlyMeasures(patients, first.year(), first.month(), *prescriber, context);
    if (!measures)
        return fail(io, measures.error());
    QJsonObject out = measuresJson(*measures);
    print(io, out);
    return Success;
}

}  // namespace

CAIRN_CLI_COMMAND("gaps",
                  "gaps [--as-of D] [--code C] [--prescriber P] [--band B] [--tier T] [--search S] [--csv FILE | "
                  "--xlsx FILE]: the gap worklist",
                  runGaps);
CAIRN_CLI_COMMAND(
    "huddle",
    "huddle --date D: tomorrow's (or D's) patients with what rooming, the clinician and the registry manager must do",
    runHuddle);
CAIRN_CLI_COMMAND("measures",
                  "measures --month YYYY-MM [--prescriber P] [--trend]: Building Block 6 measures with drill-down",
                  runMeasures);

}  // namespace cairn::cli
