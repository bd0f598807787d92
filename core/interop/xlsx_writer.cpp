#include "core/interop/xlsx_writer.h"

#include <QBuffer>
#include <QDate>
#include <QRegularExpression>
#include <QXmlStreamWriter>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>

#include <functional>
#include <utility>

namespace cairn::interop {
namespace {

const QString kMain = QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
const QString kPackageRels = QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships");
const QString kDocumentRels = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");

// The cell styles (styles.xml's cellXfs, in this order).
constexpr int kStyleDate = 1;
constexpr int kStyleHeader = 2;

QByteArray xml(const std::function<void(QXmlStreamWriter &)> &body)
{
    QByteArray bytes;
    QXmlStreamWriter w(&bytes);
    w.writeStartDocument(QStringLiteral("1.0"), true);
    body(w);
    w.writeEndDocument();
    return bytes;
}

// "A", "B", … "Z", "AA", …
QString columnName(int column)
{
    QString name;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}

// XML 1.0 has no place for most control characters: a cell keeps tabs and line breaks only.
QString xmlSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        if (c >= QChar(0x20) || c == u'\t' || c == u'\n' || c == u'\r')
            out.append(c);
    return out;
}

void inlineString(QXmlStreamWriter &w, const QString &ref, const QString &text, int style)
{
    w.writeStartElement(QStringLiteral("c"));
    w.writeAttribute(QStringLiteral("r"), ref);
    if (style)
        w.writeAttribute(QStringLiteral("s"), QString::number(style));
    w.writeAttribute(QStringLiteral("t"), QStringLiteral("inlineStr"));
    w.writeStartElement(QStringLiteral("is"));
    w.writeStartElement(QStringLiteral("t"));
    if (text != text.trimmed())
        w.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
    w.writeCharacters(xmlSafe(text));
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
}

void numberCell(QXmlStreamWriter &w, const QString &ref, const QString &value, int style)
{
    w.writeStartElement(QStringLiteral("c"));
    w.writeAttribute(QStringLiteral("r"), ref);
    if (style)
        w.writeAttribute(QStringLiteral("s"), QString::number(style));
    w.writeTextElement(QStringLiteral("v"), value);
    w.writeEndElement();
}

Result<QByteArray> worksheet(const OutputTable &table)
{
    const QDate epoch(1899, 12, 30);  // serial 0 in the 1900 date system
    QByteArray bytes;
    QXmlStreamWriter w(&bytes);
    w.writeStartDocument(QStringLiteral("1.0"), true);
    w.writeDefaultNamespace(kMain);
    w.writeStartElement(kMain, QStringLiteral("worksheet"));
    w.writeStartElement(QStringLiteral("sheetData"));
    w.writeStartElement(QStringLiteral("row"));
    w.writeAttribute(QStringLiteral("r"), QStringLiteral("1"));
    for (qsizetype c = 0; c < table.header.size(); ++c)
        inlineString(w, columnName(int(c)) + QLatin1Char('1'), table.header.at(c), kStyleHeader);
    w.writeEndElement();
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QString rowNumber = QString::number(r + 2);
        w.writeStartElement(QStringLiteral("row"));
        w.writeAttribute(QStringLiteral("r"), rowNumber);
        const QStringList &cells = table.rows.at(r);
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const QString &cell = cells.at(c);
            if (cell.isEmpty())
                continue;
            const QString ref = columnName(int(c)) + rowNumber;
            const QString column = c < table.header.size() ? table.header.at(c) : columnName(int(c));
            switch (c < table.kinds.size() ? table.kinds.at(c) : CellKind::Text) {
            case CellKind::Text:
                inlineString(w, ref, cell, 0);
                break;
            case CellKind::Number: {
                bool ok = false;
                const double value = cell.toDouble(&ok);
                if (!ok)
                    return Error{QStringLiteral("row %1.%2").arg(r + 2).arg(column),
                                 QStringLiteral("\"%1\" is not a number").arg(cell)};
                numberCell(w, ref, QString::number(value, 'g', 15), 0);
                break;
            }
            case CellKind::Date: {
                const QDate date = QDate::fromString(cell, Qt::ISODate);
                if (!date.isValid())
                    return Error{QStringLiteral("row %1.%2").arg(r + 2).arg(column),
                                 QStringLiteral("\"%1\" is not a date written YYYY-MM-DD").arg(cell)};
                numberCell(w, ref, QString::number(epoch.daysTo(date)), kStyleDate);
                break;
            }
            }
        }
        w.writeEndElement();
    }
    w.writeEndElement();  // sheetData
    w.writeEndElement();  // worksheet
    w.writeEndDocument();
    return bytes;
}

QByteArray contentTypes()
{
    const QString ns = QStringLiteral("http://schemas.openxmlformats.org/package/2006/content-types");
    return xml([&](QXmlStreamWriter &w) {
        w.writeDefaultNamespace(ns);
        w.writeStartElement(ns, QStringLiteral("Types"));
        for (const auto &[extension, type] :
             {std::pair{QStringLiteral("rels"),
                        QStringLiteral("application/vnd.openxmlformats-package.relationships+xml")},
              std::pair{QStringLiteral("xml"), QStringLiteral("application/xml")}}) {
            w.writeEmptyElement(QStringLiteral("Default"));
            w.writeAttribute(QStringLiteral("Extension"), extension);
            w.writeAttribute(QStringLiteral("ContentType"), type);
        }
        const QString office = QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.");
        for (const auto &[part, type] :
             {std::pair{QStringLiteral("/xl/workbook.xml"), office + QStringLiteral("sheet.main+xml")},
              std::pair{QStringLiteral("/xl/worksheets/sheet1.xml"), office + QStringLiteral("worksheet+xml")},
              std::pair{QStringLiteral("/xl/styles.xml"), office + QStringLiteral("styles+xml")}}) {
            w.writeEmptyElement(QStringLiteral("Override"));
            w.writeAttribute(QStringLiteral("PartName"), part);
            w.writeAttribute(QStringLiteral("ContentType"), type);
        }
        w.writeEndElement();
    });
}

QByteArray relationships(const QList<std::pair<QString, QString>> &typeAndTarget)
{
    return xml([&](QXmlStreamWriter &w) {
        w.writeDefaultNamespace(kPackageRels);
        w.writeStartElement(kPackageRels, QStringLiteral("Relationships"));
        int id = 0;
        for (const auto &[type, target] : typeAndTarget) {
            w.writeEmptyElement(QStringLiteral("Relationship"));
            w.writeAttribute(QStringLiteral("Id"), QStringLiteral("rId%1").arg(++id));
            w.writeAttribute(QStringLiteral("Type"), kDocumentRels + QLatin1Char('/') + type);
            w.writeAttribute(QStringLiteral("Target"), target);
        }
        w.writeEndElement();
    });
}

QByteArray workbook(const QString &sheetName)
{
    return xml([&](QXmlStreamWriter &w) {
        w.writeDefaultNamespace(kMain);
        w.writeNamespace(kDocumentRels, QStringLiteral("r"));
        w.writeStartElement(kMain, QStringLiteral("workbook"));
        w.writeStartElement(QStringLiteral("sheets"));
        w.writeEmptyElement(QStringLiteral("sheet"));
        // A tab's name: at most 31 characters, none of : \ / ? * [ ]
        QString name = sheetName.isEmpty() ? QStringLiteral("Sheet1") : sheetName;
        name.remove(QRegularExpression(QStringLiteral("[:\\\\/?*\\[\\]]")));
        w.writeAttribute(QStringLiteral("name"), xmlSafe(name.left(31)));
        w.writeAttribute(QStringLiteral("sheetId"), QStringLiteral("1"));
        w.writeAttribute(kDocumentRels, QStringLiteral("id"), QStringLiteral("rId1"));
        w.writeEndElement();
        w.writeEndElement();
    });
}

QByteArray styles()
{
    // Three cell styles: 0 plain, 1 (kStyleDate) a date as yyyy-mm-dd, 2 (kStyleHeader) bold.
    return QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
        "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        "</styleSheet>");
}

}  // namespace

Result<QByteArray> writeXlsx(const OutputTable &table)
{
    auto sheet = worksheet(table);
    if (!sheet)
        return sheet.error();
    const QList<std::pair<QString, QByteArray>> parts{
        {QStringLiteral("[Content_Types].xml"), contentTypes()},
        {QStringLiteral("_rels/.rels"),
         relationships({{QStringLiteral("officeDocument"), QStringLiteral("xl/workbook.xml")}})},
        {QStringLiteral("xl/workbook.xml"), workbook(table.sheetName)},
        {QStringLiteral("xl/_rels/workbook.xml.rels"),
         relationships({{QStringLiteral("worksheet"), QStringLiteral("worksheets/sheet1.xml")},
                        {QStringLiteral("styles"), QStringLiteral("styles.xml")}})},
        {QStringLiteral("xl/styles.xml"), styles()},
        {QStringLiteral("xl/worksheets/sheet1.xml"), *sheet},
    };
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        QuaZip zip(&buffer);
        if (!zip.open(QuaZip::mdCreate))
            return Error{QString(),
                         QStringLiteral("could not start the workbook (zip error %1)").arg(zip.getZipError())};
        for (const auto &[name, content] : parts) {
            QuaZipFile entry(&zip);
            QuaZipNewInfo info(name);
            info.dateTime = QDateTime(QDate(2000, 1, 1), QTime(0, 0));  // the same table gives the same bytes
            if (!entry.open(QIODevice::WriteOnly, info) || entry.write(content) != content.size()) {
                return Error{QString(), QStringLiteral("could not write the workbook's %1").arg(name)};
            }
            entry.close();
            if (entry.getZipError() != 0)
                return Error{QString(), QStringLiteral("could not write the workbook's %1").arg(name)};
        }
        zip.close();
        if (zip.getZipError() != 0)
            return Error{QString(),
                         QStringLiteral("could not finish the workbook (zip error %1)").arg(zip.getZipError())};
    }
    return bytes;
}

}  // namespace cairn::interop
