#include "core/interop/spreadsheet.h"

#include "core/domain/text.h"
#include "core/domain/validation.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QXmlStreamReader>
#include <quazip.h>
#include <quazipfile.h>

#include <array>
#include <cmath>

namespace cairn::interop {

// The sheet reader's messages, in the catalogue under "cairn::interop::Spreadsheet": a row's problem
// reads in the language of the screen that shows it (cairnctl installs no translator: English).
struct Spreadsheet {
    Q_DECLARE_TR_FUNCTIONS(cairn::interop::Spreadsheet)
};

namespace {

using domain::quotedInput;

// --- CSV ----------------------------------------------------------------------------------------

// Windows-1252's 0x80–0x9F (the rest is Latin-1); unassigned bytes become U+FFFD and are refused.
constexpr std::array<char16_t, 32> kCp1252High{0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                               0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                               0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                               0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

Result<QString> decodeText(QByteArray bytes, Encoding *encoding)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QString text;
    if (*encoding != Encoding::Windows1252) {
        // The mark is gone already: a U+FEFF left at the start is the text's own, and stays.
        QStringDecoder utf8(QStringDecoder::Utf8,
                            QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
        text = utf8(bytes);
        if (!utf8.hasError()) {
            *encoding = Encoding::Utf8;
            return text;
        }
        if (*encoding == Encoding::Utf8)
            return Error{QStringLiteral("file"), Spreadsheet::tr("is not UTF-8 text")};
    }
    *encoding = Encoding::Windows1252;
    text.clear();
    text.reserve(bytes.size());
    for (const char c : std::as_const(bytes)) {
        const auto byte = static_cast<unsigned char>(c);
        const char16_t unit = byte >= 0x80 && byte < 0xA0 ? kCp1252High.at(byte - 0x80) : char16_t(byte);
        if (unit == 0xFFFD)
            return Error{QStringLiteral("file"),
                         Spreadsheet::tr("is neither UTF-8 nor Windows-1252 text (byte 0x%1)").arg(byte, 2, 16)};
        text.append(QChar(unit));
    }
    return text;
}

// RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks; lines end
// with CRLF or LF. Each record keeps the number of the line it starts on.
Result<QList<std::pair<int, QStringList>>> splitCsv(const QString &text, QChar delimiter)
{
    QList<std::pair<int, QStringList>> records;
    QStringList fields;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    int recordLine = 1;  // the spreadsheet's row: records count, blank ones too
    const auto endField = [&] {
        fields << (wasQuoted ? field : field.trimmed());
        field.clear();
        wasQuoted = false;
    };
    const auto endRecord = [&] {
        endField();
        records.append({recordLine, fields});
        fields.clear();
        ++recordLine;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.trimmed().isEmpty()) {
            field.clear();
            quoted = true;
            wasQuoted = true;
        } else if (c == delimiter) {
            endField();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            endRecord();
        } else {
            field += c;
        }
    }
    if (quoted)
        return Error{QStringLiteral("row %1").arg(recordLine), Spreadsheet::tr("a quoted field is never closed")};
    if (!field.isEmpty() || !fields.isEmpty() || wasQuoted)
        endRecord();
    return records;
}

bool blank(const QStringList &cells)
{
    return std::all_of(cells.cbegin(), cells.cend(), [](const QString &c) { return c.trimmed().isEmpty(); });
}

Sheet sheetOf(const QList<std::pair<int, QStringList>> &records)
{
    Sheet sheet;
    bool headerFound = false;
    for (const auto &[number, cells] : records) {
        if (blank(cells))
            continue;
        if (!headerFound) {
            sheet.header = cells;
            headerFound = true;
            continue;
        }
        sheet.rows << cells;
        sheet.rowNumbers << number;
    }
    return sheet;
}

// --- XLSX ---------------------------------------------------------------------------------------

Result<QByteArray> zipEntry(QuaZip &zip, const QString &name, bool required)
{
    if (!zip.setCurrentFile(name)) {
        if (required)
            return Error{QStringLiteral("file"), Spreadsheet::tr("is not an XLSX workbook (no %1)").arg(name)};
        return QByteArray();
    }
    QuaZipFile entry(&zip);
    if (!entry.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("file"), Spreadsheet::tr("cannot read %1 in the workbook").arg(name)};
    // A workbook part is XML text; a few megabytes at most for a clinic's registry.
    constexpr qint64 kMaxPart = 64 * 1024 * 1024;
    if (entry.usize() > kMaxPart)
        return Error{QStringLiteral("file"), Spreadsheet::tr("%1 is larger than 64 MB").arg(name)};
    return entry.readAll();
}

// The text of the <t> elements under the current element (a shared or inline string, rich text
// runs joined).
QString stringItem(QXmlStreamReader &xml)
{
    QString text;
    const QString end = xml.name().toString();
    while (xml.readNext() != QXmlStreamReader::Invalid) {
        if (xml.isEndElement() && xml.name() == end)
            break;
        if (xml.isStartElement() && xml.name() == QLatin1String("t"))
            text += xml.readElementText();
    }
    return text;
}

// "BC12" → column index 54 (0-based); -1 when the reference has no letters.
int columnOf(const QString &reference)
{
    int column = 0;
    int letters = 0;
    for (const QChar c : reference) {
        if (!c.isLetter())
            break;
        column = column * 26 + (c.toUpper().unicode() - 'A' + 1);
        ++letters;
    }
    return letters == 0 ? -1 : column - 1;
}

// The first sheet's part name, from the workbook and its relationships.
Result<QString> firstSheetPart(QuaZip &zip)
{
    auto workbook = zipEntry(zip, QStringLiteral("xl/workbook.xml"), true);
    if (!workbook)
        return workbook.error();
    QString relationId;
    QXmlStreamReader xml(*workbook);
    while (!xml.atEnd() && relationId.isEmpty())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("sheet"))
            for (const auto &attribute : xml.attributes())
                if (attribute.name() == QLatin1String("id"))
                    relationId = attribute.value().toString();
    if (relationId.isEmpty())
        return Error{QStringLiteral("file"), Spreadsheet::tr("the workbook has no worksheet")};
    auto rels = zipEntry(zip, QStringLiteral("xl/_rels/workbook.xml.rels"), true);
    if (!rels)
        return rels.error();
    QXmlStreamReader relXml(*rels);
    while (!relXml.atEnd())
        if (relXml.readNext() == QXmlStreamReader::StartElement && relXml.name() == QLatin1String("Relationship") &&
            relXml.attributes().value(QLatin1String("Id")) == relationId) {
            QString target = relXml.attributes().value(QLatin1String("Target")).toString();
            return target.startsWith(QLatin1Char('/')) ? target.mid(1) : QStringLiteral("xl/") + target;
        }
    return Error{QStringLiteral("file"), Spreadsheet::tr("the workbook's first sheet has no part")};
}

// --- rows → patients ----------------------------------------------------------------------------

// Excel's serial day 1 is 1900-01-01, and it counts a 29 February 1900 that never was: from serial
// 61 on, day 0 is 1899-12-30.
QDate fromSerial(double serial)
{
    return QDate(1899, 12, 30).addDays(static_cast<qint64>(std::floor(serial)));
}

}  // namespace

Result<Sheet> readCsv(const QByteArray &bytes, QChar delimiter, Encoding encoding)
{
    auto text = decodeText(bytes, &encoding);
    if (!text)
        return text.error();
    if (delimiter.isNull()) {
        // The delimiter that splits the first line into the most fields.
        const QString firstLine = text->section(QLatin1Char('\n'), 0, 0);
        int best = 0;
        delimiter = QLatin1Char(',');
        for (const QChar candidate : {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t'), QLatin1Char('|')}) {
            auto split = splitCsv(firstLine, candidate);
            const int count = split && !split->isEmpty() ? static_cast<int>(split->first().second.size()) : 0;
            if (count > best) {
                best = count;
                delimiter = candidate;
            }
        }
    }
    auto records = splitCsv(*text, delimiter);
    if (!records)
        return records.error();
    Sheet sheet = sheetOf(*records);
    if (sheet.header.isEmpty())
        return Error{QStringLiteral("file"), Spreadsheet::tr("holds no rows")};
    sheet.delimiter = delimiter;
    sheet.encoding = encoding;
    return sheet;
}

Result<Sheet> readXlsx(const QByteArray &bytes)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    QuaZip zip(&buffer);
    if (!zip.open(QuaZip::mdUnzip))
        return Error{QStringLiteral("file"), Spreadsheet::tr("is not an XLSX workbook (not a zip archive)")};
    QStringList shared;
    auto strings = zipEntry(zip, QStringLiteral("xl/sharedStrings.xml"), false);
    if (!strings)
        return strings.error();
    QXmlStreamReader stringsXml(*strings);
    while (!stringsXml.atEnd())
        if (stringsXml.readNext() == QXmlStreamReader::StartElement && stringsXml.name() == QLatin1String("si"))
            shared << stringItem(stringsXml);
    auto part = firstSheetPart(zip);
    if (!part)
        return part.error();
    auto sheetXml = zipEntry(zip, *part, true);
    if (!sheetXml)
        return sheetXml.error();

    QList<std::pair<int, QStringList>> records;
    QXmlStreamReader xml(*sheetXml);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != QLatin1String("row"))
            continue;
        const int rowNumber = xml.attributes().value(QLatin1String("r")).toInt();
        QStringList cells;
        while (xml.readNext() != QXmlStreamReader::Invalid &&
               !(xml.isEndElement() && xml.name() == QLatin1String("row"))) {
            if (!xml.isStartElement() || xml.name() != QLatin1String("c"))
                continue;
            const QString type = xml.attributes().value(QLatin1String("t")).toString();
            int column = columnOf(xml.attributes().value(QLatin1String("r")).toString());
            if (column < 0)
                column = static_cast<int>(cells.size());
            QString value;
            while (xml.readNext() != QXmlStreamReader::Invalid &&
                   !(xml.isEndElement() && xml.name() == QLatin1String("c"))) {
                if (xml.isStartElement() && xml.name() == QLatin1String("v"))
                    value = xml.readElementText();
                else if (xml.isStartElement() && xml.name() == QLatin1String("is"))
                    value = stringItem(xml);
            }
            if (type == QLatin1String("s")) {
                bool ok = false;
                const int index = value.toInt(&ok);
                if (!ok || index < 0 || index >= shared.size())
                    return Error{QStringLiteral("row %1").arg(rowNumber),
                                 Spreadsheet::tr("a cell names a shared string the workbook lacks")};
                value = shared.at(index);
            }
            while (cells.size() <= column)
                cells << QString();
            cells[column] = value.trimmed();
        }
        records.append({rowNumber, cells});
    }
    if (xml.hasError())
        return Error{QStringLiteral("file"),
                     Spreadsheet::tr("the worksheet is not well-formed XML: %1").arg(xml.errorString())};
    Sheet sheet = sheetOf(records);
    sheet.datesAsSerials = true;
    if (sheet.header.isEmpty())
        return Error{QStringLiteral("file"), Spreadsheet::tr("the first worksheet holds no rows")};
    return sheet;
}

Result<Sheet> readSheet(const QString &fileName, const QByteArray &bytes, QChar delimiter, Encoding encoding)
{
    const QString lower = fileName.toLower();
    if (lower.endsWith(QLatin1String(".xlsx")))
        return readXlsx(bytes);
    if (lower.endsWith(QLatin1String(".tsv")))
        return readCsv(bytes, delimiter.isNull() ? QLatin1Char('\t') : delimiter, encoding);
    if (lower.endsWith(QLatin1String(".csv")) || lower.endsWith(QLatin1String(".txt")))
        return readCsv(bytes, delimiter, encoding);
    return Error{QStringLiteral("file"), Spreadsheet::tr("must be a .csv, .tsv, .txt or .xlsx file")};
}

bool isSheetFile(const QString &fileName)
{
    const QString lower = fileName.toLower();
    return lower.endsWith(QLatin1String(".xlsx")) || lower.endsWith(QLatin1String(".tsv")) ||
           lower.endsWith(QLatin1String(".csv")) || lower.endsWith(QLatin1String(".txt"));
}

QByteArray writeCsv(const QStringList &header, const QList<QStringList> &rows)
{
    const auto field = [](QString value) {
        if (!value.isEmpty() && QStringLiteral("=+-@").contains(value.front()))
            value.prepend(QLatin1Char('\''));
        if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
            !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
            return value;
        value.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + value + QLatin1Char('"');
    };
    QString text;
    for (const QStringList &line : QList<QStringList>{header} + rows) {
        QStringList cells;
        for (const QString &cell : line)
            cells << field(cell);
        text += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

const QStringList &ColumnMapping::fields()
{
    static const QStringList all{
        QStringLiteral("name"),      QStringLiteral("clinic_id"),  QStringLiteral("birth_date"),
        QStringLiteral("sex"),       QStringLiteral("phone"),      QStringLiteral("prescriber"),
        QStringLiteral("language"),  QStringLiteral("ltot_start"), QStringLiteral("agreement_date"),
        QStringLiteral("pdmp_date"), QStringLiteral("uds_date"),   QStringLiteral("uds_result")};
    return all;
}

Result<ColumnMapping> ColumnMapping::fromJson(const QJsonObject &json)
{
    ColumnMapping mapping;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
            return Error{it.key(), Spreadsheet::tr("must name a column (text)")};
        if (it.key() == QLatin1String("date_format")) {
            mapping.dateFormat = it.value().toString();
            continue;
        }
        if (!fields().contains(it.key()))
            return Error{it.key(), Spreadsheet::tr("is not a field Cairn reads from a sheet (%1, date_format)")
                                       .arg(fields().join(QStringLiteral(", ")))};
        mapping.columns.insert(it.key(), it.value().toString().trimmed());
    }
    for (const char *required : {"name", "clinic_id"})
        if (!mapping.columns.contains(QLatin1String(required)))
            return Error{QLatin1String(required), Spreadsheet::tr("is required: name the column that holds it")};
    if (mapping.columns.contains(QStringLiteral("uds_date")) != mapping.columns.contains(QStringLiteral("uds_result")))
        return Error{QStringLiteral("uds_result"), Spreadsheet::tr("a urine test needs both its date and its result")};
    return mapping;
}

QJsonObject ColumnMapping::toJson() const
{
    QJsonObject json;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it)
        json.insert(it.key(), it.value());
    if (!dateFormat.isEmpty())
        json.insert(QStringLiteral("date_format"), dateFormat);
    return json;
}

Result<SheetImport> patientsFromSheet(const Sheet &sheet, const ColumnMapping &mapping)
{
    QHash<QString, int> index;  // field → column index
    for (auto it = mapping.columns.cbegin(); it != mapping.columns.cend(); ++it) {
        const qsizetype at = sheet.header.indexOf(it.value());
        if (at < 0)
            return Error{it.key(), Spreadsheet::tr("the sheet has no column \"%1\" (its columns: %2)")
                                       .arg(quotedInput(it.value(), 40), sheet.header.join(QStringLiteral(", ")))};
        index.insert(it.key(), static_cast<int>(at));
    }

    SheetImport out;
    QHash<QString, int> clinicIdRow;
    for (qsizetype r = 0; r < sheet.rows.size(); ++r) {
        const QStringList &cells = sheet.rows.at(r);
        const int row = sheet.rowNumbers.at(r);
        QList<SheetError> errors;
        const auto cell = [&](const QString &field) {
            return index.contains(field) ? cells.value(index.value(field)).trimmed() : QString();
        };
        const auto fail = [&](const QString &field, const QString &message) {
            errors.append({row, mapping.columns.value(field, field), message});
        };
        const auto date = [&](const QString &field) -> QDate {
            const QString text = cell(field);
            if (text.isEmpty())
                return {};
            bool number = false;
            const double serial = text.toDouble(&number);
            if (sheet.datesAsSerials && number && serial > 60 && serial < 2958466)  // an XLSX date cell
                return fromSerial(serial);
            const QDate parsed = QDate::fromString(text, mapping.dateFormat.isEmpty() ? QStringLiteral("yyyy-MM-dd")
                                                                                      : mapping.dateFormat);
            if (!parsed.isValid())
                fail(field, Spreadsheet::tr("\"%1\" is not a date written %2")
                                .arg(quotedInput(text, 30),
                                     mapping.dateFormat.isEmpty() ? QStringLiteral("YYYY-MM-DD") : mapping.dateFormat));
            return parsed;
        };

        domain::Patient p;
        p.name = cell(QStringLiteral("name"));
        p.clinicId = cell(QStringLiteral("clinic_id"));
        p.birthDate = date(QStringLiteral("birth_date"));
        p.phone = cell(QStringLiteral("phone"));
        p.prescriber = cell(QStringLiteral("prescriber"));
        p.ltotStart = date(QStringLiteral("ltot_start"));
        const QString sex = cell(QStringLiteral("sex")).toLower();
        if (sex == QLatin1String("f") || sex == QLatin1String("female"))
            p.sex = domain::Sex::Female;
        else if (sex == QLatin1String("m") || sex == QLatin1String("male"))
            p.sex = domain::Sex::Male;
        else if (sex.isEmpty() || sex == QLatin1String("u") || sex == QLatin1String("unknown"))
            p.sex = domain::Sex::Unknown;
        else
            fail(QStringLiteral("sex"), Spreadsheet::tr("\"%1\" is not F, M or U").arg(quotedInput(sex, 20)));
        const QString language = cell(QStringLiteral("language")).toLower();
        if (language.isEmpty() || language == QLatin1String("en") || language == QLatin1String("english"))
            p.language = QStringLiteral("en");
        else if (language == QLatin1String("es") || language == QLatin1String("spanish") ||
                 language == QStringLiteral("español"))
            p.language = QStringLiteral("es");
        else
            fail(QStringLiteral("language"),
                 Spreadsheet::tr("\"%1\" is not English or Spanish (en, es)").arg(quotedInput(language, 20)));

        if (const QDate signedOn = date(QStringLiteral("agreement_date")); signedOn.isValid()) {
            domain::Agreement agreement;
            agreement.date = signedOn;
            agreement.note = QStringLiteral("from the registry spreadsheet");
            p.agreements << agreement;
        }
        if (const QDate checked = date(QStringLiteral("pdmp_date")); checked.isValid()) {
            domain::PdmpCheck check;
            check.date = checked;
            p.pdmpChecks << check;
        }
        const QDate collected = date(QStringLiteral("uds_date"));
        const QString result = cell(QStringLiteral("uds_result")).toLower();
        if (collected.isValid() || !result.isEmpty()) {
            domain::UrineDrugScreen uds;
            uds.date = collected;
            if (!collected.isValid() && cell(QStringLiteral("uds_date")).isEmpty())
                fail(QStringLiteral("uds_date"), Spreadsheet::tr("a urine test result needs the day it was collected"));
            else if (!domain::parse(result, &uds.result) || uds.result == domain::UdsResult::Pending)
                fail(QStringLiteral("uds_result"),
                     Spreadsheet::tr("\"%1\" is not expected or unexpected").arg(quotedInput(result, 20)));
            p.uds << uds;
        }

        if (!p.clinicId.isEmpty()) {
            if (const auto earlier = clinicIdRow.constFind(p.clinicId); earlier != clinicIdRow.cend())
                fail(QStringLiteral("clinic_id"),
                     Spreadsheet::tr("\"%1\" is also row %2's").arg(quotedInput(p.clinicId, 30)).arg(*earlier));
            else
                clinicIdRow.insert(p.clinicId, row);
        }
        // The registry's own checks, named by the column that feeds the field.
        if (errors.isEmpty()) {
            if (auto valid = domain::validateForRegistry(p); !valid) {
                const QString field =
                    valid.error().field.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0);
                const QString column = field == QLatin1String("agreements")    ? QStringLiteral("agreement_date")
                                       : field == QLatin1String("pdmp_checks") ? QStringLiteral("pdmp_date")
                                       : field == QLatin1String("uds")         ? QStringLiteral("uds_date")
                                                                               : field;
                fail(column, valid.error().message);
            }
        }
        if (errors.isEmpty()) {
            out.patients << p;
            out.rowNumbers << row;
        }
        out.errors << errors;
    }
    return out;
}

SheetError sheetErrorOf(const SheetImport &rows, const ColumnMapping &mapping, const Error &error)
{
    static const QRegularExpression kPatient(QStringLiteral("^patients\\[(\\d+)\\]\\.?(.*)$"));
    const QRegularExpressionMatch match = kPatient.match(error.field);
    // One patient's error carries no index (Registry::addPatients).
    const qsizetype at = rows.patients.size() == 1 ? 0 : match.hasMatch() ? match.captured(1).toInt() : -1;
    const QString field = match.hasMatch() ? match.captured(2) : error.field;
    if (at < 0 || at >= rows.rowNumbers.size())
        return {0, error.field, error.message};
    return {rows.rowNumbers.at(at), mapping.columns.value(field, field), error.message};
}

}  // namespace cairn::interop
