// Worklists leave Cairn as spreadsheets (issue 17 item 4's last sentence): XLSX made in memory
// (core/interop/xlsx_writer.h, no temporary file) read back with Cairn's own XLSX reader and, where
// python3-openpyxl is installed, with openpyxl; and `cairnctl gaps --xlsx` on a seeded clinic gives
// the same cells as `cairnctl gaps --csv`.

#include "core/interop/spreadsheet.h"
#include "core/interop/xlsx_writer.h"
#include "tests/support/cairnctl_process.h"
#include "tests/support/result_checks.h"

#include <QDate>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;

namespace {
const QString kAdminPin = QStringLiteral("246810");
const QDate kSerialZero(1899, 12, 30);
}  // namespace

class TestXlsxExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    testing::CairnctlRun cairnctl(const QString &db, const QStringList &args)
    {
        return testing::runCairnctl(db, m_dir.filePath(QStringLiteral("keystore")), kAdminPin, args);
    }

    static interop::OutputTable sample()
    {
        interop::OutputTable table;
        table.sheetName = QStringLiteral("Gap worklist");
        table.header = {QStringLiteral("patient"), QStringLiteral("mme_per_day"), QStringLiteral("due"),
                        QStringLiteral("reason")};
        table.kinds = {interop::CellKind::Text, interop::CellKind::Number, interop::CellKind::Date,
                       interop::CellKind::Text};
        table.rows = {{QStringLiteral("Núñez, José"), QStringLiteral("92.5"), QStringLiteral("2026-03-09"),
                       QStringLiteral("=HYPERLINK(\"x\") stays text")},
                      {QStringLiteral(" Ana  \"Ani\" <Ruiz> & co"), QStringLiteral("0"), QString(),
                       QStringLiteral("two\nlines")}};
        return table;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Text (accents, quotes, markup characters, a formula-looking cell, line breaks), a number and a
    // date come back as written; an empty cell stays empty.
    void aTableReadsBackWithCairnsOwnReader()
    {
        auto bytes = interop::writeXlsx(sample());
        CHECK_OK(bytes);
        auto sheet = interop::readXlsx(*bytes);
        CHECK_OK(sheet);
        QCOMPARE(sheet->header, sample().header);
        QCOMPARE(sheet->rows.size(), 2);
        QCOMPARE(sheet->rows.at(0).at(0), QStringLiteral("Núñez, José"));
        QCOMPARE(sheet->rows.at(0).at(1).toDouble(), 92.5);
        QCOMPARE(kSerialZero.addDays(sheet->rows.at(0).at(2).toLongLong()), QDate(2026, 3, 9));
        QCOMPARE(sheet->rows.at(0).at(3), QStringLiteral("=HYPERLINK(\"x\") stays text"));
        // The reader trims cells, as the import needs; openpyxl sees the leading space kept.
        QCOMPARE(sheet->rows.at(1).at(0), QStringLiteral("Ana  \"Ani\" <Ruiz> & co"));
        QCOMPARE(sheet->rows.at(1).at(2), QString());
        QCOMPARE(sheet->rows.at(1).at(3), QStringLiteral("two\nlines"));
        QCOMPARE(sheet->rowNumbers, (QList<int>{2, 3}));
    }

    // A number or date column with something else in it is refused naming the row and the column.
    void aCellThatIsNotItsColumnsKindIsRefused()
    {
        interop::OutputTable table = sample();
        table.rows[1][2] = QStringLiteral("03/09/2026");
        auto bytes = interop::writeXlsx(table);
        QVERIFY(!bytes);
        QCOMPARE(bytes.error().field, QStringLiteral("row 3.due"));
    }

    // openpyxl (the reader many clinics' scripts use) opens the workbook and sees the date as a date.
    void openpyxlReadsTheWorkbook()
    {
        // Debian's python3 (python3-openpyxl), also where another python3 comes first on the PATH.
        QString python;
        for (const QString &candidate : {QStringLiteral("python3"), QStringLiteral("/usr/bin/python3")}) {
            QProcess probe;
            probe.start(candidate, {QStringLiteral("-c"), QStringLiteral("import openpyxl")});
            if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0) {
                python = candidate;
                break;
            }
        }
        if (python.isEmpty())
            QSKIP("python3-openpyxl is not installed (tools/install-deps.sh installs it)");
        auto bytes = interop::writeXlsx(sample());
        QVERIFY(bytes);
        const QString file = m_dir.filePath(QStringLiteral("sample.xlsx"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(*bytes) == bytes->size());
        out.close();
        QProcess reader;
        reader.start(python, {QStringLiteral("-c"),
                              QStringLiteral("import sys, openpyxl\n"
                                             "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
                                             "print(ws.title)\n"
                                             "for row in ws.iter_rows(values_only=True): print(repr(row))\n"),
                              file});
        QVERIFY(reader.waitForFinished(60000));
        const QString printed = QString::fromUtf8(reader.readAllStandardOutput());
        QVERIFY2(reader.exitCode() == 0, reader.readAllStandardError().constData());
        const QStringList lines = printed.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("Gap worklist"));
        QCOMPARE(lines.value(1), QStringLiteral("('patient', 'mme_per_day', 'due', 'reason')"));
        QCOMPARE(lines.value(2), QStringLiteral("('Núñez, José', 92.5, datetime.datetime(2026, 3, 9, 0, 0), "
                                                "'=HYPERLINK(\"x\") stays text')"));
        // The leading space kept (xml:space="preserve"), the empty cell empty, the line break kept.
        QCOMPARE(lines.value(3), QStringLiteral("(' Ana  \"Ani\" <Ruiz> & co', 0, None, 'two\\nlines')"));
    }

    // The gap worklist of a seeded clinic: the XLSX has the same cells as the CSV (its due dates as
    // the days' serial numbers), one row per open gap.
    void cairnctlWritesTheWorklistAsXlsx()
    {
        const QString db = testing::newRegistryFile(m_dir.filePath(QStringLiteral("clinic.db")),
                                                    m_dir.filePath(QStringLiteral("keystore")), kAdminPin);
        const QStringList asOf{QStringLiteral("--as-of"), QStringLiteral("2026-11-25")};
        QCOMPARE(cairnctl(db, QStringList{QStringLiteral("seed"), QStringLiteral("--patients"), QStringLiteral("40"),
                                          QStringLiteral("--years"), QStringLiteral("1"), QStringLiteral("--seed"),
                                          QStringLiteral("17")} +
                                  asOf)
                     .exitCode,
                 0);
        const QString csvFile = m_dir.filePath(QStringLiteral("worklist.csv"));
        const QString xlsxFile = m_dir.filePath(QStringLiteral("worklist.xlsx"));
        const testing::CairnctlRun csvRun =
            cairnctl(db, QStringList{QStringLiteral("gaps")} + asOf + QStringList{QStringLiteral("--csv"), csvFile});
        QVERIFY2(csvRun.exitCode == 0, csvRun.error().constData());
        const testing::CairnctlRun xlsxRun =
            cairnctl(db, QStringList{QStringLiteral("gaps")} + asOf + QStringList{QStringLiteral("--xlsx"), xlsxFile});
        QVERIFY2(xlsxRun.exitCode == 0, xlsxRun.error().constData());
        QFile csvIn(csvFile);
        QFile xlsxIn(xlsxFile);
        QVERIFY(csvIn.open(QIODevice::ReadOnly) && xlsxIn.open(QIODevice::ReadOnly));
        auto csv = interop::readCsv(csvIn.readAll());
        auto xlsx = interop::readXlsx(xlsxIn.readAll());
        CHECK_OK(csv);
        CHECK_OK(xlsx);
        QCOMPARE(xlsx->header, csv->header);
        QVERIFY(csv->rows.size() > 10);
        QCOMPARE(xlsx->rows.size(), csv->rows.size());
        const int due = int(csv->header.indexOf(QStringLiteral("due")));
        const int mme = int(csv->header.indexOf(QStringLiteral("mme_per_day")));
        for (qsizetype r = 0; r < csv->rows.size(); ++r) {
            QStringList fromXlsx = xlsx->rows.at(r);
            QStringList fromCsv = csv->rows.at(r);
            if (!fromXlsx.value(due).isEmpty())
                fromXlsx[due] = kSerialZero.addDays(fromXlsx.value(due).toLongLong()).toString(Qt::ISODate);
            QCOMPARE(fromXlsx.value(mme).toDouble(), fromCsv.value(mme).toDouble());
            fromXlsx[mme] = fromCsv.value(mme);
            // The CSV guards a cell a spreadsheet would run as a formula with a leading '.
            for (QString &cell : fromCsv)
                if (cell.startsWith(QLatin1Char('\'')))
                    cell.remove(0, 1);
            while (fromXlsx.size() < fromCsv.size())
                fromXlsx << QString();
            QCOMPARE(fromXlsx, fromCsv);
        }
        // Both at once is a mistake named by its option; nothing is written.
        const QString both = m_dir.filePath(QStringLiteral("both.xlsx"));
        const testing::CairnctlRun twice =
            cairnctl(db, QStringList{QStringLiteral("gaps")} + asOf +
                             QStringList{QStringLiteral("--csv"), csvFile, QStringLiteral("--xlsx"), both});
        QCOMPARE(twice.exitCode, 2);
        QVERIFY2(twice.error().startsWith("cairnctl: --xlsx:"), twice.error().constData());
        QVERIFY(!QFile::exists(both));
    }
};

QTEST_GUILESS_MAIN(TestXlsxExport)
#include "test_xlsx_export.moc"
