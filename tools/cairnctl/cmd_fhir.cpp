// cairnctl import --fhir | export --fhir | mme --fhir: FHIR R4 in and out (docs/interoperability.md).

#include "core/clinical/contract_json.h"
#include "core/clinical/mme.h"
#include "core/domain/record_kinds.h"
#include "core/interop/fhir_export.h"
#include "core/interop/fhir_import.h"
#include "core/registry/not_allowed.h"
#include "tools/cairnctl/cli_registry.h"
#include "tools/cairnctl/fhir_commands.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QSet>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

// The files in the Bulk Data layout that export --fhir writes ("Patient.ndjson", ...), in the order they are read.
QStringList ndjsonFiles()
{
    QStringList files;
    for (const QString &type : interop::fhirExportTypes())
        files.append(type + QStringLiteral(".ndjson"));
    return files;
}

// A Bundle or NDJSON file, standard input ("-"), or a directory of an export (its .ndjson files).
Result<QList<interop::FhirFile>> readFhirInput(const QString &path, Io &io)
{
    if (path.isEmpty())
        return Error{QStringLiteral("--fhir"),
                     QStringLiteral("name the file or directory to read (- for standard input)")};
    QList<interop::FhirFile> files;
    if (QFileInfo(path).isDir()) {
        const QDir dir(path);
        const QStringList names = ndjsonFiles();
        for (const QString &name : names) {
            if (!dir.exists(name))
                continue;
            auto bytes = readInput(dir.filePath(name), io);
            if (!bytes)
                return Error{QStringLiteral("--fhir"), QStringLiteral("cannot read %1").arg(dir.filePath(name))};
            files.append({name, *bytes});
        }
        if (files.isEmpty())
            return Error{QStringLiteral("--fhir"),
                         QStringLiteral("%1 holds none of %2").arg(path, names.join(QStringLiteral(", ")))};
        return files;
    }
    auto bytes = readInput(path, io);
    if (!bytes)
        return Error{QStringLiteral("--fhir"), QStringLiteral("cannot read %1").arg(path)};
    files.append({{}, *bytes});
    return files;
}

int runMme(const QStringList &arguments, const GlobalOptions &, Io &io)
{
    QStringList args = arguments;
    auto file = takeOption(args, QStringLiteral("--fhir"));
    auto asOfText = takeOption(args, QStringLiteral("--as-of"));
    auto tableId = takeOption(args, QStringLiteral("--table"));
    for (const auto *option : {&file, &asOfText, &tableId})
        if (!*option)
            return fail(io, option->error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    const QDate asOf = asOfText->isEmpty() ? kClock.now().date() : QDate::fromString(*asOfText, Qt::ISODate);
    if (!asOf.isValid())
        return fail(io, {QStringLiteral("--as-of"), QStringLiteral("must be a date written YYYY-MM-DD")}, BadInput);
    auto tables = clinical::MmeTables::shipped();
    if (!tables)
        return fail(io, tables.error());
    // The clinic's MME table is the shipped default (CDC 2022), as for every other MME in Cairn.
    const clinical::MmeTable *table = (*tables)->find(tableId->isEmpty() ? (*tables)->defaultId() : *tableId);
    if (!table)
        return fail(io,
                    {QStringLiteral("--table"),
                     QStringLiteral("unknown table (known: %1)").arg((*tables)->tableIds().join(QStringLiteral(", ")))},
                    BadInput);
    auto files = readFhirInput(*file, io);
    if (!files)
        return fail(io, files.error(), BadInput);
    auto content = interop::readFhir(*files, false);
    if (!content)
        return fail(io, content.error(), BadInput);
    QList<domain::OpioidEntry> active;
    QStringList rxcuis;
    for (const interop::OpioidRequest &request : std::as_const(content->opioidRequests)) {
        if (request.subject != content->opioidRequests.first().subject)
            return fail(io,
                        {request.resource + QStringLiteral(".subject"),
                         QStringLiteral("names another patient than %1: MME is one patient's")
                             .arg(content->opioidRequests.first().subject)},
                        BadInput);
        if (clinical::isActiveOn(request.entry.start, request.entry.end, asOf)) {
            active.append(request.entry);
            rxcuis.append(request.rxcui);
        }
    }
    auto mme = clinical::computeMme(active, asOf, *table);
    if (!mme)
        return fail(io, mme.error(), BadInput);
    QJsonArray items;
    for (qsizetype i = 0; i < mme->items.size(); ++i) {
        const clinical::MmeItem &item = mme->items.at(i);
        QJsonObject o{{QStringLiteral("rxcui"), rxcuis.at(i)},
                      {QStringLiteral("drug"), item.drug},
                      {QStringLiteral("mme_per_day"),
                       item.mmePerDay ? QJsonValue(clinical::roundToTenth(*item.mmePerDay)) : QJsonValue()}};
        if (!item.note.isEmpty())
            o.insert(QStringLiteral("note"), item.note);
        items.append(o);
    }
    const QJsonObject out{{QStringLiteral("as_of"), asOf.toString(Qt::ISODate)},
                          {QStringLiteral("table"), table->id},
                          {QStringLiteral("total_per_day"), clinical::roundToTenth(mme->totalPerDay)},
                          {QStringLiteral("band"), clinical::toString(mme->band)},
                          {QStringLiteral("items"), items}};
    io.out->setEncoding(QStringConverter::Utf8);
    *io.out << QString::fromUtf8(clinical::contractJsonText(out));
    return Success;
}

// A task names the version of its case conference in force when it was made, and a recommendation
// the version of the record it became; later versions (the conference closed, the task done) have
// ids of their own. Each link is made to name the version in force: the id its resource goes out with.
Status linkToVersionsInForce(registry::Registry &registry, QList<domain::Patient> &patients)
{
    for (domain::Patient &p : patients) {
        QSet<QString> current;
        domain::forEachKind([&](const auto &kind) {
            for (const auto &record : p.*kind.list)
                current.insert(record.meta.id.toString(QUuid::WithoutBraces));
        });
        QList<QString *> links;
        for (domain::Task &task : p.tasks)
            links.append(&task.conferenceId);
        for (domain::CaseConference &conference : p.caseConferences)
            for (domain::Recommendation &recommendation : conference.recommendations)
                links.append(&recommendation.recordId);
        links.removeIf([&](const QString *id) { return id->isEmpty() || current.contains(*id); });
        if (links.isEmpty())
            continue;
        auto history = registry.patientHistory(p.id);
        if (!history)
            return history.error();
        QHash<QString, QString> supersededBy;
        for (const domain::RecordEnvelope &version : std::as_const(*history))
            if (!version.supersedes.isEmpty())
                supersededBy.insert(version.supersedes, version.id);
        for (QString *id : std::as_const(links))
            for (qsizetype step = 0; !current.contains(*id) && supersededBy.contains(*id) && step < history->size();
                 ++step)
                *id = supersededBy.value(*id);
    }
    return ok();
}

}  // namespace

int runImportFhir(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto file = takeOption(args, QStringLiteral("--fhir"));
    if (!file)
        return fail(io, file.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    auto files = readFhirInput(*file, io);
    if (!files)
        return fail(io, files.error(), BadInput);
    auto content = interop::readFhir(*files, true);
    if (!content)
        return fail(io, content.error(), BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    // One transaction: every patient of the file with all their records, or nothing.
    auto ids = open->registry->importPatients(content->patients);
    if (!ids)
        return fail(io, ids.error(), exitFor(ids.error()));
    *io.out << "imported " << ids->size() << " patients\n";
    // Imported all the same; what the files lacked is said, record by record.
    for (const interop::FhirWarning &warning : std::as_const(content->warnings))
        *io.err << "cairnctl: warning: " << warning.line() << '\n';
    return Success;
}

int runExportFhir(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto dir = takeOption(args, QStringLiteral("--fhir"));
    if (!dir)
        return fail(io, dir.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    if (dir->isEmpty() || !QDir().mkpath(*dir))
        return fail(io, {QStringLiteral("--fhir"), QStringLiteral("name a directory to write into")}, BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    if (!open->registry->can(keys::Permission::ExportData))
        return fail(io, registry::notAllowed("exporting the registry"));
    auto patients = open->registry->loadAllPatients(QStringLiteral("export"));
    if (!patients)
        return fail(io, patients.error());
    if (auto s = linkToVersionsInForce(*open->registry, *patients); !s)
        return fail(io, s.error());
    auto exported = interop::exportFhir(*patients);
    if (!exported)
        return fail(io, exported.error());
    for (const QString &type : interop::fhirExportTypes()) {
        const QByteArray text = exported->ndjson.value(type);
        QSaveFile out(QDir(*dir).filePath(type + QStringLiteral(".ndjson")));
        if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit())
            return fail(io, {QStringLiteral("--fhir"), QStringLiteral("cannot write %1").arg(out.fileName())});
    }
    *io.out << "exported " << patients->size() << " patients to " << *dir << '\n';
    return Success;
}

CAIRN_CLI_COMMAND("mme", "mme --fhir FILE [--as-of D] [--table ID]: one patient's MME from FHIR MedicationRequests",
                  runMme);

}  // namespace cairn::cli
