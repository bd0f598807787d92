// cairnctl import --sheet: a clinic's registry spreadsheet (CSV or XLSX) into the encrypted registry,
// through the column mapping the clinic keeps in a JSON file. --preview shows the first rows as Cairn
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
#include <QRegularExpression>

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
    if (mappingFile->isEmpty())
        return fail(io,
                    {QStringLiteral("--mapping"), QStringLiteral("name the JSON file that maps Cairn's fields to the "
                                                                 "sheet's columns (docs/interoperability.md)")},
                    BadInput);
    const QString delimiterText = *delimiter == QLatin1String("tab") ? QStringLiteral("\t") : *delimiter;
    if (delimiterText.size() > 1)
        return fail(io, {QStringLiteral("--delimiter"), QStringLiteral("must be one character, or tab")}, BadInput);

    auto mappingJson =
        readJsonObject(*mappingFile, io, QStringLiteral("column mapping"), QStringLiteral("docs/interoperability.md"));
    if (!mappingJson)
        return fail(io, mappingJson.error(), BadInput);
    auto mapping = interop::ColumnMapping::fromJson(*mappingJson);
    if (!mapping)
        return fail(io, mapping.error().within(QStringLiteral("mapping")), BadInput);
    QFile input(*file);
    if (!input.open(QIODevice::ReadOnly))
        return fail(io, {QStringLiteral("--sheet"), QStringLiteral("cannot read %1").arg(*file)}, BadInput);
    const QByteArray bytes = input.readAll();
    auto sheet =
        delimiterText.isEmpty() || QFileInfo(*file).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0
            ? interop::readSheet(*file, bytes)
            : interop::readCsv(bytes, delimiterText.front());
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
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    // One transaction: every row of the sheet, or nothing.
    auto ids = open->registry->addPatients(rows->patients);
    if (!ids) {
        // A clinic id the registry already holds: say which row and column brought it.
        static const QRegularExpression kPatient(QStringLiteral("^patients\\[(\\d+)\\]\\.?(.*)$"));
        const QRegularExpressionMatch match = kPatient.match(ids.error().field);
        const qsizetype at = rows->patients.size() == 1 ? 0 : match.hasMatch() ? match.captured(1).toInt() : -1;
        const QString field = match.hasMatch() ? match.captured(2) : ids.error().field;
        if (at >= 0 && at < rows->rowNumbers.size())
            return fail(
                io,
                {QStringLiteral("row %1, %2").arg(rows->rowNumbers.at(at)).arg(mapping->columns.value(field, field)),
                 ids.error().message},
                exitFor(ids.error()));
        return fail(io, ids.error(), exitFor(ids.error()));
    }
    *io.out << "imported " << ids->size() << " patients from " << sheet->rows.size() << " rows\n";
    return Success;
}

}  // namespace cairn::cli
