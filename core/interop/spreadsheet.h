#pragma once
// Moving a clinic's registry spreadsheet into Cairn (issue 17 item 4): a sheet read from CSV
// (RFC 4180, any common delimiter, UTF-8 or Windows-1252) or XLSX (the first worksheet), a column
// mapping the clinic writes once and keeps, and the rows as the patients Cairn will store, with an
// error per row and column for anything it cannot read exactly. Nothing is guessed: a date format
// other than YYYY-MM-DD is named in the mapping, a urine test needs its result, a cell that does
// not fit is an error. Pure functions; the registry writes the patients in one transaction.

#include "core/domain/records.h"
#include "core/domain/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::interop {

// A CSV file's text encoding: found from its bytes (Detect), or as the person importing says.
enum class Encoding { Detect, Utf8, Windows1252 };

struct Sheet {
    QStringList header;           // the first non-blank row
    QList<QStringList> rows;      // the rows below it, blank rows left out
    QList<int> rowNumbers;        // each row's number as the spreadsheet shows it (the header's is its own)
    bool datesAsSerials = false;  // XLSX: a number in a date column is the day's serial number
    // CSV: the delimiter and encoding the file was read with (found or given); XLSX: null and Detect.
    QChar delimiter;
    Encoding encoding = Encoding::Detect;
};

// CSV bytes: UTF-8 (with or without a byte-order mark), else Windows-1252, unless `encoding` names
// one; the delimiter is the one of , ; tab | that splits the header into the most columns, unless
// `delimiter` is given.
Result<Sheet> readCsv(const QByteArray &bytes, QChar delimiter = QChar(), Encoding encoding = Encoding::Detect);
// XLSX bytes (an Office Open XML workbook): the first worksheet, shared and inline strings, numbers
// as written (a date cell comes as its serial number; the mapping reads it as a date).
Result<Sheet> readXlsx(const QByteArray &bytes);
// By the file's name: .csv/.txt/.tsv or .xlsx. The delimiter and encoding, when given, apply to the
// text files (a .tsv's delimiter is tab unless given).
Result<Sheet> readSheet(const QString &fileName, const QByteArray &bytes, QChar delimiter = QChar(),
                        Encoding encoding = Encoding::Detect);
// Whether readSheet reads a file of this name (by its suffix).
bool isSheetFile(const QString &fileName);

// A table as CSV a spreadsheet opens as it is: UTF-8 with a byte-order mark (so Excel reads accents),
// comma-delimited, CRLF, fields quoted when they hold a comma, a quote or a line break; a field
// that a spreadsheet would run as a formula (= + - @ first) is prefixed with ' (CSV injection).
QByteArray writeCsv(const QStringList &header, const QList<QStringList> &rows);

// Which column holds what: Cairn's field → the column's header as the sheet writes it. Fields:
// name, clinic_id, birth_date, sex, phone, prescriber, language, ltot_start, agreement_date,
// pdmp_date, uds_date, uds_result. "date_format" (Qt's, e.g. "MM/dd/yyyy") reads text dates; the
// default is YYYY-MM-DD.
struct ColumnMapping {
    QHash<QString, QString> columns;
    QString dateFormat;

    static Result<ColumnMapping> fromJson(const QJsonObject &json);
    [[nodiscard]] QJsonObject toJson() const;
    static const QStringList &fields();
};

struct SheetError {
    int row = 0;     // as the spreadsheet numbers it
    QString column;  // the column's header, or the mapping field when no column is involved
    QString message;
};

struct SheetImport {
    QList<domain::Patient> patients;  // one per row that reads whole
    QList<int> rowNumbers;            // each patient's row
    QList<SheetError> errors;         // every problem found, in row order
};

// The rows as patients; checks every column the mapping names exists, then every row (a clinic id
// given twice in the sheet is an error on the later row).
Result<SheetImport> patientsFromSheet(const Sheet &sheet, const ColumnMapping &mapping);

// The registry's refusal of the sheet's patients (Registry::importPatients, e.g. a clinic id it
// already holds: "patients[3].clinic_id") as the row and column that brought it; row 0 when the
// error names no patient.
SheetError sheetErrorOf(const SheetImport &rows, const ColumnMapping &mapping, const Error &error);

}  // namespace cairn::interop
