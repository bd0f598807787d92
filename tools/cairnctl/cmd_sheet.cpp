// cairnctl import --sheet: a clinic's registry spreadsheet (CSV or XLSX) into the encrypted registry,
// through a column mapping in a JSON file or, without --mapping, the one the registry kept from the
// last import (the tablet's import screen keeps it there too). --preview shows the first rows as Cairn
// will store them and every row's errors, and writes nothing; without it, any error refuses the
// whole sheet, and a sheet without errors is written in one transaction.

#include "core/domain/patient_json.h"
#include "core/interop/spreadsheet.h"
#include "tools/cairnctl/cli_registry.h"
#include "tools/cairnctl/sheet_commands.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;
constexpr int kPreviewRows = 5;

QJsonArray errorsJson(const QList<interop::SheetError> &errors)
{
    QJsonArray out;
    for (const auto &e : errors)
        out.append(QJsonObject{{QStringLiteral("row"), e.row},
                               {QStringLiteral("column"), e.column},
                               {QStringLiteral("message"), e.message}});
    return out;
}

}  // namespace

int runImportSheet(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto file = takeOption(args, QStringLiteral("--sheet"));
    auto mappingFile = takeOption(args, QStringLiteral("--mapping"));
    auto delimiter = takeOption(args, QStringLiteral("--delimiter"));
    const bool preview = takeFlag(args, QStringLiteral("--preview"));
    for (const auto *option : {&file, &mappingFile, &delimiter})
        if (!*option)
            return fail(io, option->error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    if (file->isEmpty())
        return fail(io, {QStringLiteral("--sheet"), QStringLiteral("name the CSV or XLSX file to import")}, BadInput);
    const QString delimiterText = *delimiter == QLatin1String("tab") ? QStringLiteral("\t") : *delimiter;
    if (delimiterText.size() > 1)
        return fail(io, {QStringLiteral("--delimiter"), QStringLiteral("must be one character, or tab")}, BadInput);

    // The registry is opened only when it is needed: for the mapping it keeps, and to import.
    std::optional<OpenRegistry> open;
    const auto openOnce = [&]() -> Status {
        if (open)
            return ok();
        auto opened = openRegistry(options, kClock);
        if (!opened)
            return opened.error();
        open.emplace(std::move(*opened));
        return ok();
    };
    QJsonObject mappingJson;
    if (!mappingFile->isEmpty()) {
        auto read = readJsonObject(*mappingFile, io, QStringLiteral("column mapping"),
                                   QStringLiteral("docs/interoperability.md"));
        if (!read)
            return fail(io, read.error(), BadInput);
        mappingJson = *read;
    } else {
        // The mapping of the last import (from this tool or the tablet), which the registry keeps.
        if (auto s = openOnce(); !s)
            return fail(io, s.error());
        auto kept = open->registry->sheetMapping();
        if (!kept)
            return fail(io, kept.error(), exitFor(kept.error()));
        if (kept->isEmpty())
            return fail(
                io,
                {QStringLiteral("--mapping"), QStringLiteral("name the JSON file that maps Cairn's fields to the "
                                                             "sheet's columns (docs/interoperability.md): "
                                                             "this registry keeps none from an earlier import")},
                BadInput);
        mappingJson = *kept;
    }
    auto mapping = interop::ColumnMapping::fromJson(mappingJson);
    if (!mapping)
        return fail(io, mapping.error().within(QStringLiteral("mapping")), BadInput);
    QFile input(*file);
    if (!input.open(QIODevice::ReadOnly))
        return fail(io, {QStringLiteral("--sheet"), QStringLiteral("cannot read %1").arg(*file)}, BadInput);
    const QByteArray bytes = input.readAll();
    auto sheet = interop::readSheet(*file, bytes, delimiterText.isEmpty() ? QChar() : delimiterText.front());
    if (!sheet)
        return fail(io, sheet.error().within(QStringLiteral("sheet")), BadInput);
    auto rows = interop::patientsFromSheet(*sheet, *mapping);
    if (!rows)
        return fail(io, rows.error().within(QStringLiteral("mapping")), BadInput);

    if (preview) {
        QJsonArray first;
        for (qsizetype i = 0; i < rows->patients.size() && i < kPreviewRows; ++i) {
            QJsonObject patient = domain::patientToJson(rows->patients.at(i), true);
            patient.insert(QStringLiteral("row"), rows->rowNumbers.at(i));
            first.append(patient);
        }
        *io.out << QJsonDocument(QJsonObject{{QStringLiteral("columns"), QJsonArray::fromStringList(sheet->header)},
                                             {QStringLiteral("rows"), static_cast<int>(sheet->rows.size())},
                                             {QStringLiteral("readable"), static_cast<int>(rows->patients.size())},
                                             {QStringLiteral("preview"), first},
                                             {QStringLiteral("errors"), errorsJson(rows->errors)}})
                       .toJson(QJsonDocument::Indented);
        return rows->errors.isEmpty() ? Success : BadInput;
    }
    if (!rows->errors.isEmpty()) {
        for (const auto &e : std::as_const(rows->errors))
            *io.err << "cairnctl: row " << e.row << ", " << e.column << ": " << e.message << '\n';
        *io.err << "cairnctl: nothing imported: " << rows->errors.size() << " problem(s) in the sheet\n";
        return BadInput;
    }
    if (auto s = openOnce(); !s)
        return fail(io, s.error());
    // One transaction: every row of the sheet, or nothing; the mapping is kept for the next import.
    auto ids = open->registry->importPatients(rows->patients, mapping->toJson());
    if (!ids) {
        // A clinic id the registry already holds: say which row and column brought it.
        const interop::SheetError e = interop::sheetErrorOf(*rows, *mapping, ids.error());
        if (e.row > 0)
            return fail(io, {QStringLiteral("row %1, %2").arg(e.row).arg(e.column), e.message}, exitFor(ids.error()));
        return fail(io, ids.error(), exitFor(ids.error()));
    }
    *io.out << "imported " << ids->size() << " patients from " << sheet->rows.size() << " rows\n";
    return Success;
}

}  // namespace cairn::cli
