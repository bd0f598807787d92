// Moving a clinic's registry spreadsheet into Cairn (issue 17 item 4), as a registry manager would:
// cairnctl on a real encrypted registry, with sheets the test makes itself: a CSV in Windows-1252
// with semicolons, quoted delimiters and doubled quotes, US dates and a blank row; and an XLSX
// written with libxlsxwriter, with date cells and text cells. Each has a bad date in row 37: the
// preview shows the first rows as Cairn will store them and names row 37 and its column, the import
// writes nothing, and the sheet with row 37 mended comes in whole.

#include "tests/support/cairnctl_process.h"
#include "tests/support/registry_sheet.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <xlsxwriter.h>

using cairn::testing::CairnctlRun;
using namespace cairn::testing::registry_sheet;

namespace {

// The same sheet as an XLSX workbook: text in shared strings, dates as date cells, one bad text date.
void writeXlsx(const QString &path, bool badRow)
{
    lxw_workbook *workbook = workbook_new(path.toLocal8Bit().constData());
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Registry");
    lxw_format *dateFormat = workbook_add_format(workbook);
    format_set_num_format(dateFormat, "mm/dd/yyyy");
    for (int c = 0; c < kHeader.size(); ++c)
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), kHeader.at(c).toUtf8().constData(), nullptr);
    const auto date = [&](lxw_row_t row, lxw_col_t col, const QDate &d) {
        if (!d.isValid())
            return;
        lxw_datetime dt{d.year(), d.month(), d.day(), 0, 0, 0};
        worksheet_write_datetime(sheet, row, col, &dt, dateFormat);
    };
    for (int row = 2; row < 2 + kDataRows; ++row) {
        if (row == kBlankRow)
            continue;
        const Row r = rowAt(row);
        const auto at = static_cast<lxw_row_t>(row - 1);
        worksheet_write_string(sheet, at, 0, r.name.toUtf8().constData(), nullptr);
        worksheet_write_string(sheet, at, 1, r.mrn.toUtf8().constData(), nullptr);
        if (row == kBadRow && badRow)
            worksheet_write_string(sheet, at, 2, "1961-02-30", nullptr);
        else
            date(at, 2, r.birth);
        if (!r.sex.isEmpty())
            worksheet_write_string(sheet, at, 3, r.sex.toUtf8().constData(), nullptr);
        worksheet_write_string(sheet, at, 4, r.prescriber.toUtf8().constData(), nullptr);
        date(at, 5, r.agreement);
        date(at, 6, r.pdmp);
        date(at, 7, r.uds);
        if (!r.udsResult.isEmpty())
            worksheet_write_string(sheet, at, 8, r.udsResult.toUtf8().constData(), nullptr);
    }
    if (workbook_close(workbook) != LXW_NO_ERROR)
        qFatal("libxlsxwriter could not write %s", qPrintable(path));
}

}  // namespace

class TestSpreadsheet : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    CairnctlRun cairnctl(const QString &db, const QStringList &args)
    {
        return cairn::testing::runCairnctl(db, m_dir.filePath(QStringLiteral("keystore")), QStringLiteral("246810"),
                                           args);
    }

    QString newRegistry(const QString &name)
    {
        return cairn::testing::newRegistryFile(m_dir.filePath(name + QStringLiteral(".db")),
                                               m_dir.filePath(QStringLiteral("keystore")), QStringLiteral("246810"));
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(name));
        return file.fileName();
    }

    QJsonArray exported(const QString &db)
    {
        return QJsonDocument::fromJson(cairnctl(db, {QStringLiteral("export"), QStringLiteral("--json")}).out).array();
    }

    // Preview, refusal, then the mended sheet imported whole; `sheet(bad)` writes the file.
    void importsWholeAfterTheBadRowIsMended(const std::function<QString(bool)> &sheet, bool usDates,
                                            const QString &badColumn)
    {
        const QString db = newRegistry(QString::fromLatin1(QTest::currentTestFunction()));
        const QString map = write(QStringLiteral("mapping.json"), QJsonDocument(mapping(usDates)).toJson());
        const QString bad = sheet(true);

        const CairnctlRun preview = cairnctl(db, {QStringLiteral("import"), QStringLiteral("--sheet"), bad,
                                                  QStringLiteral("--mapping"), map, QStringLiteral("--preview")});
        QCOMPARE(preview.exitCode, 2);
        const QJsonObject shown = QJsonDocument::fromJson(preview.out).object();
        QCOMPARE(shown.value("rows").toInt(), kDataRows - 1);
        QCOMPARE(shown.value("readable").toInt(), kDataRows - 2);
        const QJsonArray errors = shown.value("errors").toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toObject().value("row").toInt(), kBadRow);
        QCOMPARE(errors.first().toObject().value("column").toString(), badColumn);
        // The first rows as Cairn will store them: names decoded, dates read, records made.
        const QJsonArray first = shown.value("preview").toArray();
        QCOMPARE(first.size(), 5);
        for (const QJsonValue &value : first) {
            const QJsonObject p = value.toObject();
            const Row r = rowAt(p.value("row").toInt());
            QCOMPARE(p.value("name").toString(), r.name);
            QCOMPARE(p.value("clinic_id").toString(), r.mrn);
            QCOMPARE(p.value("birth_date").toString(), r.birth.toString(Qt::ISODate));
            QCOMPARE(p.value("prescriber").toString(), r.prescriber);
            QCOMPARE(p.value("agreements").toArray().first().toObject().value("date").toString(),
                     r.agreement.toString(Qt::ISODate));
            QCOMPARE(p.value("pdmp_checks").toArray().size(), r.pdmp.isValid() ? 1 : 0);
            QCOMPARE(p.value("uds").toArray().size(), r.uds.isValid() ? 1 : 0);
        }
        QVERIFY(exported(db).isEmpty());

        const CairnctlRun refused =
            cairnctl(db, {QStringLiteral("import"), QStringLiteral("--sheet"), bad, QStringLiteral("--mapping"), map});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(
            refused.error().startsWith(QStringLiteral("cairnctl: row %1, %2:").arg(kBadRow).arg(badColumn).toUtf8()),
            refused.error().constData());
        QVERIFY(exported(db).isEmpty());

        const CairnctlRun imported = cairnctl(
            db, {QStringLiteral("import"), QStringLiteral("--sheet"), sheet(false), QStringLiteral("--mapping"), map});
        QVERIFY2(imported.exitCode == 0, imported.error().constData());
        const QJsonArray patients = exported(db);
        QCOMPARE(patients.size(), kDataRows - 1);
        QHash<QString, QJsonObject> byMrn;
        for (const QJsonValue &p : patients)
            byMrn.insert(p.toObject().value("clinic_id").toString(), p.toObject());
        for (int row = 2; row < 2 + kDataRows; ++row) {
            if (row == kBlankRow)
                continue;
            const Row r = rowAt(row);
            const QJsonObject p = byMrn.value(r.mrn);
            QCOMPARE(p.value("name").toString(), r.name);
            QCOMPARE(p.value("birth_date").toString(), r.birth.toString(Qt::ISODate));
            QCOMPARE(p.value("sex").toString(), r.sex == QLatin1String("F")   ? QStringLiteral("female")
                                                : r.sex == QLatin1String("M") ? QStringLiteral("male")
                                                                              : QStringLiteral("unknown"));
            const QJsonArray uds = p.value("uds").toArray();
            QCOMPARE(uds.size(), r.uds.isValid() ? 1 : 0);
            if (r.uds.isValid()) {
                QCOMPARE(uds.first().toObject().value("date").toString(), r.uds.toString(Qt::ISODate));
                QCOMPARE(uds.first().toObject().value("result").toString(), r.udsResult);
            }
        }
        // The same sheet again: every clinic id is taken now; the first row is named, nothing added.
        const CairnctlRun again = cairnctl(
            db, {QStringLiteral("import"), QStringLiteral("--sheet"), sheet(false), QStringLiteral("--mapping"), map});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.error().startsWith("cairnctl: row 2, MRN:"), again.error().constData());
        QCOMPARE(exported(db).size(), kDataRows - 1);
        // Without --mapping, the mapping the import kept in the registry (the tablet's too) reads the sheet.
        const CairnctlRun kept = cairnctl(
            db, {QStringLiteral("import"), QStringLiteral("--sheet"), sheet(false), QStringLiteral("--preview")});
        QVERIFY2(kept.exitCode == 0, kept.error().constData());
        QCOMPARE(QJsonDocument::fromJson(kept.out).object().value("readable").toInt(), kDataRows - 1);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void withoutAMappingAFirstImportNamesTheMappingOption()
    {
        const QString db = newRegistry(QStringLiteral("no-mapping"));
        const CairnctlRun run = cairnctl(db, {QStringLiteral("import"), QStringLiteral("--sheet"),
                                              write("first.csv", csvSheet(false)), QStringLiteral("--preview")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.error().startsWith("cairnctl: --mapping:"), run.error().constData());
        QVERIFY(exported(db).isEmpty());
    }

    void aWindows1252CsvWithSemicolonsAndUsDates()
    {
        importsWholeAfterTheBadRowIsMended([&](bool bad) { return write(bad ? "bad.csv" : "good.csv", csvSheet(bad)); },
                                           true, QStringLiteral("DOB"));
    }

    void anXlsxWorkbookWithDateCells()
    {
        importsWholeAfterTheBadRowIsMended(
            [&](bool bad) {
                const QString path = m_dir.filePath(bad ? "bad.xlsx" : "good.xlsx");
                writeXlsx(path, bad);
                return path;
            },
            false, QStringLiteral("DOB"));
    }

    void aMappingThatDoesNotFitTheSheetIsRefusedNamingTheField_data()
    {
        QTest::addColumn<QJsonObject>("map");
        QTest::addColumn<QString>("field");
        QJsonObject unknownColumn = mapping(true);
        unknownColumn.insert("phone", "Telephone");
        QTest::newRow("no such column") << unknownColumn << "mapping.phone";
        QJsonObject noName = mapping(true);
        noName.remove("name");
        QTest::newRow("name required") << noName << "mapping.name";
        QJsonObject unknownField = mapping(true);
        unknownField.insert("mme", "MME");
        QTest::newRow("unknown field") << unknownField << "mapping.mme";
        QJsonObject halfUds = mapping(true);
        halfUds.remove("uds_result");
        QTest::newRow("urine test without result") << halfUds << "mapping.uds_result";
    }

    void aMappingThatDoesNotFitTheSheetIsRefusedNamingTheField()
    {
        QFETCH(QJsonObject, map);
        QFETCH(QString, field);
        const QString db =
            newRegistry(QStringLiteral("mapping-") + QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-'));
        const CairnctlRun run =
            cairnctl(db, {QStringLiteral("import"), QStringLiteral("--sheet"), write("sheet.csv", csvSheet(false)),
                          QStringLiteral("--mapping"), write("map.json", QJsonDocument(map).toJson())});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.error().startsWith(("cairnctl: " + field + ":").toUtf8()), run.error().constData());
        QVERIFY(exported(db).isEmpty());
    }

    // The gap worklist goes out as CSV a spreadsheet opens: one row per open gap of the patients on
    // long-term therapy (a seeded clinic), accents kept, commas and quotes quoted, the same gaps
    // `cairnctl gaps` lists.
    void theWorklistGoesOutAsCsv()
    {
        const QString db = newRegistry(QStringLiteral("worklist"));
        const QStringList asOf{QStringLiteral("--as-of"), QStringLiteral("2026-11-25")};
        QCOMPARE(cairnctl(db, QStringList{QStringLiteral("seed"), QStringLiteral("--patients"), QStringLiteral("40"),
                                          QStringLiteral("--years"), QStringLiteral("1"), QStringLiteral("--seed"),
                                          QStringLiteral("17")} +
                                  asOf)
                     .exitCode,
                 0);
        const QJsonArray patients =
            QJsonDocument::fromJson(cairnctl(db, QStringList{QStringLiteral("gaps")} + asOf).out)
                .object()
                .value("patients")
                .toArray();
        int gaps = 0;
        QString prescriberWithComma;
        for (const QJsonValue &p : patients) {
            gaps += static_cast<int>(p.toObject().value("gaps").toArray().size());
            if (p.toObject().value("prescriber").toString().contains(QLatin1Char(',')))
                prescriberWithComma = p.toObject().value("prescriber").toString();
        }
        QVERIFY(gaps > 0);
        QVERIFY2(!prescriberWithComma.isEmpty(), "the seeded clinic has a prescriber \"Name, PA-C\"");
        const QString file = m_dir.filePath(QStringLiteral("worklist.csv"));
        const CairnctlRun run =
            cairnctl(db, QStringList{QStringLiteral("gaps")} + asOf + QStringList{QStringLiteral("--csv"), file});
        QVERIFY2(run.exitCode == 0, run.error().constData());
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray bytes = csv.readAll();
        QVERIFY(
            bytes.startsWith("\xEF\xBB\xBFpatient,clinic_id,prescriber,risk_tier,mme_per_day,band,gap,status,due,role,"
                             "reason\r\n"));
        const QString text = QString::fromUtf8(bytes.mid(3));
        QCOMPARE(text.count(QStringLiteral("\r\n")) - 1, gaps);
        QVERIFY(text.contains(QLatin1Char('"') + prescriberWithComma + QStringLiteral("\",")));
    }

    void aClinicIdGivenTwiceInTheSheetIsAnErrorOnTheLaterRow()
    {
        QByteArray sheet = csvSheet(false);
        sheet.replace("MRN-1010", "MRN-1003");  // row 10 repeats row 3's
        const QString db = newRegistry(QStringLiteral("twice"));
        const CairnctlRun run =
            cairnctl(db, {QStringLiteral("import"), QStringLiteral("--sheet"), write("twice.csv", sheet),
                          QStringLiteral("--mapping"), write("map.json", QJsonDocument(mapping(true)).toJson())});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.error().startsWith("cairnctl: row 10, MRN: \"MRN-1003\" is also row 3's"),
                 run.error().constData());
        QVERIFY(exported(db).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSpreadsheet)
#include "test_spreadsheet.moc"
