#pragma once
// The clinic registry spreadsheet the import tests make (issue 17 item 4), the same for cairnctl
// (tests/interop/test_spreadsheet.cpp) and the tablet (tests/qml/test_import_screen.cpp): 44 rows
// of patients with accented names, quoted delimiters and doubled quotes, US dates, a blank row 20,
// and, when asked, a bad date in row 37.

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cairn::testing::registry_sheet {

constexpr int kDataRows = 44;  // rows 2..46, with a blank row 20: 43 patients
constexpr int kBlankRow = 20;
constexpr int kBadRow = 37;

inline const QStringList kGiven{QStringLiteral("José"),  QStringLiteral("Zoë"),   QStringLiteral("Renée"),
                                QStringLiteral("Ana"),   QStringLiteral("Björn"), QStringLiteral("Françoise"),
                                QStringLiteral("Tomás"), QStringLiteral("Lena")};
inline const QStringList kFamily{QStringLiteral("Núñez"),  QStringLiteral("O'Brien"), QStringLiteral("Smith, Jr."),
                                 QStringLiteral("García"), QStringLiteral("Öberg"),   QStringLiteral("Dubois")};

// One sheet row's values (row = the spreadsheet's row number), the same in both formats.
struct Row {
    QString name;
    QString mrn;
    QDate birth;
    QString sex;
    QString prescriber;
    QDate agreement;
    QDate pdmp;
    QDate uds;
    QString udsResult;
};

inline Row rowAt(int row)
{
    Row r;
    r.name = kGiven.at(row % kGiven.size()) + QLatin1Char(' ') + kFamily.at(row % kFamily.size());
    r.mrn = QStringLiteral("MRN-%1").arg(1000 + row);
    r.birth = QDate(1950 + row % 40, 1 + row % 12, 1 + row % 27);
    r.sex = row % 3 == 0 ? QStringLiteral("F") : row % 3 == 1 ? QStringLiteral("M") : QString();
    r.prescriber = row % 2 ? QStringLiteral("Dr. Rosa \"Ro\" Vélez") : QStringLiteral("Dr. Sam Whitcombe");
    r.agreement = QDate(2026, 1 + row % 10, 1 + row % 28);
    if (row % 4 != 0)
        r.pdmp = QDate(2026, 6 + row % 5, 1 + row % 28);
    if (row % 5 != 0) {
        r.uds = QDate(2026, 3 + row % 7, 1 + row % 28);
        r.udsResult = row % 7 == 0 ? QStringLiteral("unexpected") : QStringLiteral("expected");
    }
    return r;
}

inline const QStringList kHeader{
    QStringLiteral("Patient name"), QStringLiteral("MRN"),      QStringLiteral("DOB"),
    QStringLiteral("Sex"),          QStringLiteral("Provider"), QStringLiteral("Agreement signed"),
    QStringLiteral("Last PDMP"),    QStringLiteral("Last UDS"), QStringLiteral("UDS result")};

inline QJsonObject mapping(bool usDates)
{
    QJsonObject m{{"name", "Patient name"},    {"clinic_id", "MRN"},
                  {"birth_date", "DOB"},       {"sex", "Sex"},
                  {"prescriber", "Provider"},  {"agreement_date", "Agreement signed"},
                  {"pdmp_date", "Last PDMP"},  {"uds_date", "Last UDS"},
                  {"uds_result", "UDS result"}};
    if (usDates)
        m.insert("date_format", "MM/dd/yyyy");
    return m;
}

// A CSV field, quoted when it holds the delimiter, a quote or a line break.
inline QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(';')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

inline QString usDate(const QDate &d)
{
    return d.isValid() ? d.toString(QStringLiteral("MM/dd/yyyy")) : QString();
}

// The sheet as a clinic's Excel saves "CSV (semicolon)": Windows-1252, CRLF, US dates.
inline QByteArray csvSheet(bool badRow)
{
    QStringList lines{kHeader.join(QLatin1Char(';'))};
    for (int row = 2; row < 2 + kDataRows; ++row) {
        if (row == kBlankRow) {
            lines << QStringLiteral(";;;;;;;;");
            continue;
        }
        const Row r = rowAt(row);
        const QString birth = row == kBadRow && badRow ? QStringLiteral("02/30/1961") : usDate(r.birth);
        lines << QStringList{csvField(r.name),    r.mrn,          birth,         r.sex,      csvField(r.prescriber),
                             usDate(r.agreement), usDate(r.pdmp), usDate(r.uds), r.udsResult}
                     .join(QLatin1Char(';'));
    }
    QByteArray bytes;
    for (const QChar c : lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")) {
        if (c.unicode() > 0xFF)
            qFatal("the test's CSV must stay within Latin-1");
        bytes.append(static_cast<char>(c.unicode()));  // Latin-1 letters are Windows-1252's too
    }
    return bytes;
}

}  // namespace cairn::testing::registry_sheet
