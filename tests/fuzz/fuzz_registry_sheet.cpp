// `cairnctl import --sheet`: a clinic's registry sheet as CSV or XLSX bytes. A sheet is read or
// refused with an error that says what is wrong; every row becomes a patient the registry accepts
// or an error naming its row and column; and what Cairn writes as CSV reads back to the same cells.

#include "core/domain/validation.h"
#include "core/interop/spreadsheet.h"
#include "tests/fuzz/fuzz_target.h"

using namespace cairn;

namespace {

// The rows as the reader returns them after a write: trimmed, a would-be formula marked with '.
QStringList asWritten(const QStringList &cells)
{
    QStringList out;
    for (const QString &cell : cells) {
        const QString trimmed = cell.trimmed();
        out << (!trimmed.isEmpty() && QStringLiteral("=+-@").contains(trimmed.front()) ? QLatin1Char('\'') + trimmed
                                                                                       : trimmed);
    }
    return out;
}

void checkSheet(const interop::Sheet &sheet)
{
    CAIRN_FUZZ_CHECK(sheet.rows.size() == sheet.rowNumbers.size());
    // A mapping from the sheet's own header: its first columns as name, clinic id and birth date.
    QJsonObject map;
    const QStringList fields{QStringLiteral("name"), QStringLiteral("clinic_id"), QStringLiteral("birth_date")};
    for (qsizetype i = 0; i < sheet.header.size() && i < fields.size(); ++i)
        map.insert(fields.at(i), sheet.header.at(i));
    auto mapping = interop::ColumnMapping::fromJson(map);
    if (!mapping) {
        fuzz::checkError(mapping.error());
        return;
    }
    auto rows = interop::patientsFromSheet(sheet, *mapping);
    if (!rows) {
        fuzz::checkError(rows.error());
        return;
    }
    CAIRN_FUZZ_CHECK(rows->patients.size() == rows->rowNumbers.size());
    for (const domain::Patient &p : rows->patients)
        CAIRN_FUZZ_CHECK(domain::validateForRegistry(p).ok());
    for (const interop::SheetError &e : rows->errors)
        CAIRN_FUZZ_CHECK(e.row > 0 && !e.column.isEmpty() && !e.message.isEmpty());
}

}  // namespace

CAIRN_FUZZ_TARGET(registry_sheet)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);
    for (auto sheet : {interop::readCsv(bytes), interop::readXlsx(bytes)}) {
        if (!sheet) {
            fuzz::checkError(sheet.error());
            continue;
        }
        checkSheet(*sheet);
        // Written as CSV and read back: the same header and rows (blank rows were never kept).
        QList<QStringList> rows;
        for (const QStringList &row : std::as_const(sheet->rows))
            rows << asWritten(row);
        auto again = interop::readCsv(interop::writeCsv(asWritten(sheet->header), rows), QLatin1Char(','));
        CAIRN_FUZZ_CHECK(again.ok());
        CAIRN_FUZZ_CHECK(again->header == asWritten(asWritten(sheet->header)));
        CAIRN_FUZZ_CHECK(again->rows.size() == rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i)
            CAIRN_FUZZ_CHECK(again->rows.at(i) == asWritten(rows.at(i)));
    }
    return 0;
}
