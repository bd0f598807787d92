#pragma once
// The gap worklist as a spreadsheet, one row per open gap, in CSV or XLSX: the same columns from
// `cairnctl gaps --csv/--xlsx` and the tablet's Registry → Export. The bytes are made in memory;
// the caller writes them only to the file the user named.

#include "core/clinical/population_views.h"
#include "core/interop/xlsx_writer.h"

namespace cairn::interop {

enum class SheetFormat { Csv, Xlsx };

// By the file's name: .xlsx is XLSX, anything else CSV.
SheetFormat sheetFormatFor(const QString &fileName);

OutputTable gapWorklistTable(const QList<clinical::PatientEvaluation> &worklist);

Result<QByteArray> writeSheet(const OutputTable &table, SheetFormat format);

}  // namespace cairn::interop
