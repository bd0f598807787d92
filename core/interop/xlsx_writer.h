#pragma once
// A table as an XLSX workbook, made in memory: QuaZip zips the SpreadsheetML parts (written with
// Qt's XML writer) into a buffer. Debian's libxlsxwriter writes its parts through tmpfile(), which
// would put patient data in temporary files; this writer never touches the disk, and the caller
// writes the bytes only to the file the user chose.

#include "core/domain/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::interop {

// How a column's cells are stored: text as written, a number a spreadsheet can sum, or an ISO date
// (YYYY-MM-DD) stored as the day's serial number with a yyyy-mm-dd format. An empty cell stays
// empty; a number or date that does not read is an error naming the row and the column.
enum class CellKind { Text, Number, Date };

struct OutputTable {
    QString sheetName;      // the worksheet's tab
    QStringList header;     // the first row, in bold
    QList<CellKind> kinds;  // per column; missing ones are text
    QList<QStringList> rows;
};

Result<QByteArray> writeXlsx(const OutputTable &table);

}  // namespace cairn::interop
