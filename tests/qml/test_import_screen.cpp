// Importing patients on the tablet (issue 17 items 1 and 4) through the real app over a real
// encrypted registry: an administrator opens Import from the administration screen and chooses the
// clinic's registry spreadsheet, a Windows-1252 CSV with semicolons, quoted fields, US dates and a
// bad date in row 37 (tests/support/registry_sheet.h). The screen shows how the file was read, the
// columns to map, the first rows as Cairn will store them and the error naming row 37 and its
// column; nothing is written. The corrected file comes in whole, and the next import is offered
// the same mapping. A FHIR bundle is summarised (patients, prescriptions with their MME) and
// imported; a nurse is never offered Import.

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "qml/app/language.h"
#include "qml/app/permissions.h"
#include "qml/app/session.h"
#include "tests/qml/quick_driver.h"
#include "tests/qml/registry_answer.h"
#include "tests/qml/save_dialog.h"
#include "tests/qml/sign_in.h"
#include "tests/support/app_fixture.h"
#include "tests/support/registry_sheet.h"

#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;
namespace sheet = cairn::testing::registry_sheet;

namespace {
const QString kAdmin = QStringLiteral("Alex Admin");
const QString kAdminPin = QStringLiteral("246810");
const QString kNurse = QStringLiteral("Nico Nurse");
const QString kNursePin = QStringLiteral("3579");

// One patient with a 12-hour oxycodone ER tablet, 20 mg every 12 h: 40 mg/day x 1.5 = 60 MME a day.
// Written with ' for " (moc reads no raw string literals).
const QByteArray kBundle =
    QByteArray("{'resourceType': 'Bundle', 'type': 'collection', 'entry': ["
               " {'resource': {'resourceType': 'Patient', 'id': 'p1', 'name': [{'given': ['Rosa'], 'family': 'Fhir'}],"
               "   'identifier': [{'type': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/v2-0203', "
               "'code': 'MR'}]},"
               "                   'value': 'FHIR-1'}],"
               "   'gender': 'female', 'birthDate': '1961-04-12'}},"
               " {'resource': {'resourceType': 'MedicationRequest', 'id': 'm1', 'status': 'active', 'intent': 'order',"
               "   'medicationCodeableConcept': {'coding': [{'system': 'http://www.nlm.nih.gov/research/umls/rxnorm', "
               "'code': '1049502'}]},"
               "   'subject': {'reference': 'Patient/p1'},"
               "   'dosageInstruction': [{'timing': {'repeat': {'frequency': 1, 'period': 12, 'periodUnit': 'h'}},"
               "     'doseAndRate': [{'doseQuantity': {'value': 20, 'unit': 'mg', 'system': "
               "'http://unitsofmeasure.org', 'code': 'mg'}}]}],"
               "   'dispenseRequest': {'validityPeriod': {'start': '2026-01-05', 'end': '2026-07-05'}}}}]}")
        .replace('\'', '"');
}  // namespace

class TestImportScreen : public QObject {
    Q_OBJECT

    // A home of the test's own with a Documents folder, set before the app starts.
    testing::DocumentsHome m_home;
    std::unique_ptr<testing::AppFixture> m_app;
    app::Session *m_session = nullptr;
    QTemporaryDir m_files;

    QQuickWindow *window() const { return m_app->window(); }
    QQuickItem *item(const QString &name) const { return testing::findItem(window(), name, false); }
    QObject *model() const
    {
        QQuickItem *screen = item(QStringLiteral("adminImportScreen"));
        return screen ? screen->findChild<QObject *>(QStringLiteral("importModel")) : nullptr;
    }
    QStringList texts() const { return testing::visibleTexts(window()); }

    template <typename R> R onDatabase(std::function<R(registry::Registry *)> job)
    {
        return testing::answerFrom<R>(*m_session->services().thread, this, std::move(job));
    }

    int patientsInRegistry()
    {
        auto patients = onDatabase<Result<QList<registry::PatientSummary>>>(
            [](registry::Registry *r) { return r->listPatients(); });
        return patients ? static_cast<int>(patients->size()) : -1;
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_files.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(name));
        return file.fileName();
    }

    void signIn(const QString &name, const QString &pin)
    {
        QVERIFY2(testing::signInDirectly(*m_session, m_app->userId(name), pin), qPrintable(m_session->message()));
    }

    // Administration → Import patients, as a user taps them; then the file as the dialog gives it.
    void openImport(const QString &file)
    {
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("nav_administration")));
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("adminImportButton")));
        QTRY_VERIFY(model());
        QVERIFY(QMetaObject::invokeMethod(item(QStringLiteral("adminImportScreen")), "openFile",
                                          Q_ARG(QUrl, QUrl::fromLocalFile(file))));
        QTRY_VERIFY_WITH_TIMEOUT(
            !model()->property("loading").toBool() && !model()->property("fileName").toString().isEmpty(), 60000);
    }

    // "Choose a file": the file dialog opens, its listing read, in the Documents folder.
    void openTheDialogInDocuments()
    {
        QVERIFY(testing::tapNamedInView(window(), QStringLiteral("importChooseFile")));
        QObject *listing = nullptr;
        QVERIFY(testing::waitFor([&] {
            QQuickItem *files = testing::findItem(window(), QStringLiteral("fileDialogListView"));
            listing = files ? files->property("model").value<QObject *>() : nullptr;
            return listing && listing->property("status").toInt() == 1;  // FolderListModel.Ready
        }));
        QCOMPARE(QDir(listing->property("folder").toUrl().toLocalFile()), QDir(m_home.documents()));
    }

    // "Choose a file", then in the file dialog (DocumentsFileDialog, Qt's own dialog) a tap on the
    // file in the Documents folder and one on Open, as a user picks it; waits until it is read.
    void chooseInDialog(const QString &fileName)
    {
        openTheDialogInDocuments();
        if (QTest::currentTestFailed())
            return;
        QQuickItem *file = nullptr;
        QVERIFY2(testing::waitFor([&] {
                     for (int i = 0; i < 50 && !file; ++i)
                         if (QQuickItem *row =
                                 testing::findItem(window(), QStringLiteral("fileDialogDelegate%1").arg(i));
                             row && row->property("fileName").toString() == fileName)
                             file = row;
                     return file != nullptr;
                 }),
                 qPrintable(fileName));
        testing::tap(window(), file);
        QQuickItem *dialog = file;
        while (dialog && !dialog->inherits("QQuickPopupItem"))
            dialog = dialog->parentItem();
        QVERIFY(dialog);
        QQuickItem *open = nullptr;
        QVERIFY(testing::waitFor([&] {
            open = testing::findButton(dialog, QStringLiteral("Open"));
            return open && open->isEnabled();
        }));
        testing::tap(window(), open);
        QVERIFY(testing::waitFor([&] { return !testing::findItem(window(), QStringLiteral("fileDialogListView")); }));
        QTRY_COMPARE_WITH_TIMEOUT(model()->property("fileName").toString(), fileName, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!model()->property("loading").toBool(), 60000);
    }

    // Back to the administration screen: its destination tapped again.
    void leaveImport()
    {
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("nav_administration")));
        QTRY_VERIFY(!item(QStringLiteral("adminImportScreen")));
    }

    // Picks the column in a field's list, as a tap on the list's entry does.
    void chooseColumn(const QString &field, const QString &column)
    {
        QQuickItem *choice = item(QStringLiteral("importColumn_") + field);
        QVERIFY2(choice, qPrintable(field));
        int index = -1;
        QVERIFY(QMetaObject::invokeMethod(choice, "indexOfValue", Q_RETURN_ARG(int, index), Q_ARG(QVariant, column)));
        QVERIFY2(index > 0, qPrintable(column));
        choice->setProperty("currentIndex", index);
        QVERIFY(QMetaObject::invokeMethod(choice, "activated", Q_ARG(int, index)));
        QTRY_VERIFY(!model()->property("loading").toBool());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_files.isValid());
        QVERIFY(m_home.isValid());
        testing::AppFixtureOptions options;
        options.fileName = QStringLiteral("import.db");
        options.users = {{kNurse, keys::Role::Nurse, kNursePin}};
        QString error;
        m_app = testing::AppFixture::make(options, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_session = &m_app->session();
        QTRY_VERIFY(item(QStringLiteral("unlockScreen")));
        QTRY_COMPARE(m_session->users()->rowCount(), 2);
        QVERIFY(testing::resize(window(), QSize(1280, 800)));
    }

    void init()
    {
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("Component is not ready|Cannot instantiate|TypeError|ReferenceError")));
    }

    void aNurseIsNeverOfferedImport()
    {
        signIn(kNurse, kNursePin);
        QTRY_VERIFY(testing::findItem(window(), QStringLiteral("navigationRail")));
        QVERIFY(!testing::findItem(window(), QStringLiteral("nav_administration")));
        QVERIFY(!testing::findItem(window(), QStringLiteral("adminImportButton")));
        QVERIFY(!app::Permissions::allows(QStringLiteral("nurse"), QStringLiteral("import_data")));
        QVERIFY(app::Permissions::allows(QStringLiteral("registry_manager"), QStringLiteral("import_data")));
        // The registry refuses her too, whatever a screen offers.
        auto refused = onDatabase<Result<QStringList>>([](registry::Registry *r) {
            return r->importPatients({}, QJsonObject{{"name", "Name"}});
        });
        QVERIFY(!refused);
    }

    // "Choose a file" opens the file dialog in the user's Documents folder, where a file brought to
    // the tablet is, not in the folder the app happened to start in.
    void theFileDialogOpensInDocuments()
    {
        signIn(kAdmin, kAdminPin);
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("nav_administration")));
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("adminImportButton")));
        openTheDialogInDocuments();
        if (QTest::currentTestFailed())
            return;
        QTest::keyClick(window(), Qt::Key_Escape);
        QVERIFY(testing::waitFor([&] { return !testing::findItem(window(), QStringLiteral("fileDialogListView")); }));
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("nav_administration")));
    }

    void theSheetWithABadRowShowsItsErrorAndWritesNothing()
    {
        signIn(kAdmin, kAdminPin);
        openImport(write(QStringLiteral("registry.csv"), sheet::csvSheet(true)));
        QCOMPARE(model()->property("columns").toStringList(), sheet::kHeader);
        // How the file was read, shown and changeable: semicolons, Windows-1252.
        QCOMPARE(model()->property("delimiter").toString(), QStringLiteral(";"));
        QTRY_COMPARE(item(QStringLiteral("importDelimiter"))->property("currentIndex").toInt(), 1);
        QCOMPARE(item(QStringLiteral("importEncoding"))->property("currentIndex").toInt(), 1);
        // Nothing is mapped by guesswork: the first import maps every column by hand.
        QVERIFY(model()->property("mapping").toMap().isEmpty());
        QVERIFY(!item(QStringLiteral("importCommit"))->isEnabled());
        const QJsonObject mapping = sheet::mapping(true);
        for (auto it = mapping.begin(); it != mapping.end(); ++it)
            if (it.key() != QLatin1String("date_format"))
                chooseColumn(it.key(), it.value().toString());
        // US dates, named: without the format every date is an error.
        QQuickItem *dateFormat = item(QStringLiteral("importDateFormat"));
        dateFormat->setProperty("text", QStringLiteral("MM/dd/yyyy"));
        QVERIFY(QMetaObject::invokeMethod(dateFormat, "editingFinished"));
        QTRY_COMPARE(model()->property("dateFormat").toString(), QStringLiteral("MM/dd/yyyy"));
        QTRY_VERIFY(!model()->property("loading").toBool());

        // The first rows as Cairn will store them, accents read from Windows-1252.
        const QVariantList rows = model()->property("previewRows").toList();
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.first().toMap().value("row").toInt(), 2);
        QCOMPARE(rows.first().toMap().value("name").toString(), sheet::rowAt(2).name);
        QTRY_VERIFY(
            texts().contains(QStringLiteral("Row 2: %1, chart %2").arg(sheet::rowAt(2).name, sheet::rowAt(2).mrn)));
        // Each urine test in the words every screen uses ("as expected", "not as expected",
        // "result pending"), never Cairn's stored value or "expected" for a pending one.
        int urineTests = 0;
        const QRegularExpression urineTest(QStringLiteral("Urine test ([^,]+), ([^·]+)"));
        for (const QVariant &row : rows)
            for (auto match = urineTest.globalMatch(row.toMap().value("records").toString()); match.hasNext();
                 ++urineTests)
                QVERIFY2(QStringList({QStringLiteral("as expected"), QStringLiteral("not as expected"),
                                      QStringLiteral("result pending")})
                             .contains(match.next().captured(2).trimmed()),
                         qPrintable(row.toMap().value("records").toString()));
        QVERIFY(urineTests > 0);
        QCOMPARE(model()->property("sheetRows").toInt(), sheet::kDataRows - 1);
        QCOMPARE(model()->property("readableRows").toInt(), sheet::kDataRows - 2);
        // The one error names row 37 and its column; Import is not offered.
        const QVariantList problems = model()->property("problems").toList();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().toMap().value("row").toInt(), sheet::kBadRow);
        QCOMPARE(problems.first().toMap().value("column").toString(), QStringLiteral("DOB"));
        const QString shown = texts().filter(QStringLiteral("Row 37, DOB:")).value(0);
        QVERIFY2(shown.contains(QStringLiteral("02/30/1961")), qPrintable(texts().join('\n')));
        QVERIFY(!item(QStringLiteral("importCommit"))->isEnabled());
        QVERIFY(QMetaObject::invokeMethod(model(), "commit"));  // refused even when asked directly
        QTest::qWait(100);
        QTRY_VERIFY(!model()->property("loading").toBool());
        QCOMPARE(patientsInRegistry(), 0);
    }

    void theCorrectedSheetComesInWholeAndItsMappingIsOfferedNextTime()
    {
        // The same file, row 37 corrected, chosen again: the columns chosen stay.
        const QString file = write(QStringLiteral("registry.csv"), sheet::csvSheet(false));
        QVERIFY(QMetaObject::invokeMethod(item(QStringLiteral("adminImportScreen")), "openFile",
                                          Q_ARG(QUrl, QUrl::fromLocalFile(file))));
        QTRY_VERIFY_WITH_TIMEOUT(model()->property("canCommit").toBool(), 60000);
        QVERIFY(model()->property("problems").toList().isEmpty());
        QCOMPARE(model()->property("readableRows").toInt(), sheet::kDataRows - 1);
        QCOMPARE(patientsInRegistry(), 0);  // nothing before the commit
        QVERIFY(testing::tapNamedInView(window(), QStringLiteral("importCommit")));
        QTRY_COMPARE_WITH_TIMEOUT(model()->property("added").toInt(), sheet::kDataRows - 1, 60000);
        QVERIFY(!model()->property("error").toBool());
        QVERIFY2(model()->property("message").toString().startsWith(QStringLiteral("Added 43 patients with ")),
                 qPrintable(model()->property("message").toString()));
        QCOMPARE(patientsInRegistry(), sheet::kDataRows - 1);

        // The next import, from a new visit to the screen: the kept mapping is offered. The same
        // rows again are refused whole, naming the row and the column of the first chart number
        // the registry holds.
        leaveImport();
        openImport(file);
        QTRY_VERIFY(model()->property("mappingKept").toBool());
        QVERIFY(item(QStringLiteral("importMappingKept"))->isVisible());
        QVariantMap expected = sheet::mapping(true).toVariantMap();
        expected.remove(QStringLiteral("date_format"));
        QCOMPARE(model()->property("mapping").toMap(), expected);
        QCOMPARE(model()->property("dateFormat").toString(), QStringLiteral("MM/dd/yyyy"));
        QTRY_VERIFY(model()->property("canCommit").toBool());
        QVERIFY(testing::tapNamedInView(window(), QStringLiteral("importCommit")));
        QTRY_VERIFY_WITH_TIMEOUT(model()->property("error").toBool(), 60000);
        QVERIFY2(model()->property("message").toString().contains(QStringLiteral("row 2, MRN")),
                 qPrintable(model()->property("message").toString()));
        QCOMPARE(patientsInRegistry(), sheet::kDataRows - 1);
        leaveImport();
    }

    // The bundle brought to the tablet's Documents folder, picked in the file dialog as a user does.
    void aFhirBundleIsSummarisedThenImported()
    {
        QFile brought(QDir(m_home.documents()).filePath(QStringLiteral("ehr.json")));
        QVERIFY(brought.open(QIODevice::WriteOnly) && brought.write(kBundle) == kBundle.size());
        brought.close();
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("nav_administration")));
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("adminImportButton")));
        QTRY_VERIFY(model());
        chooseInDialog(QStringLiteral("ehr.json"));
        QTRY_COMPARE(model()->property("patients").toInt(), 1);
        QTRY_VERIFY2(texts().contains(QStringLiteral("ehr.json")), qPrintable(texts().join('|')));
        // What the file holds, counted as the preview shows it.
        const QString counts = item(QStringLiteral("importFhirCounts"))->property("text").toString();
        QVERIFY2(counts.startsWith(QStringLiteral("1 patient · 1 opioid prescription · 0 sedative prescriptions · ")),
                 qPrintable(counts));
        const QVariantList prescriptions = model()->property("prescriptions").toList();
        QCOMPARE(prescriptions.size(), 1);
        QCOMPARE(prescriptions.first().toMap().value("drug").toString(), QStringLiteral("oxycodone"));
        QCOMPARE(prescriptions.first().toMap().value("mme").toString(), QStringLiteral("60 MME a day"));
        // The bundle's entries have no fullUrl and the request names "Patient/p1": the person
        // importing reads the patient's name, not the reference.
        QTRY_VERIFY2(texts().contains(QStringLiteral("Rosa Fhir: oxycodone, 60 MME a day (5 Jan 2026 to 5 Jul 2026)")),
                     qPrintable(texts().filter(QStringLiteral("oxycodone")).join('|')));
        QVERIFY(testing::tapNamedInView(window(), QStringLiteral("importCommit")));
        QTRY_COMPARE_WITH_TIMEOUT(model()->property("added").toInt(), 1, 60000);
        QCOMPARE(patientsInRegistry(), sheet::kDataRows);

        // A bundle with an unknown code is refused whole, naming the resource and the field.
        QByteArray bad = kBundle;
        bad.replace("FHIR-1", "FHIR-2").replace("1049502", "999999999");
        QVERIFY(QMetaObject::invokeMethod(item(QStringLiteral("adminImportScreen")), "openFile",
                                          Q_ARG(QUrl, QUrl::fromLocalFile(write(QStringLiteral("bad.json"), bad)))));
        QTRY_COMPARE(model()->property("problems").toList().size(), 1);
        QVERIFY2(model()
                     ->property("problems")
                     .toList()
                     .first()
                     .toMap()
                     .value("column")
                     .toString()
                     .startsWith(QStringLiteral("entry[1] (MedicationRequest/m1).medicationCodeableConcept")),
                 qPrintable(model()->property("problems").toList().first().toMap().value("column").toString()));
        QVERIFY(!item(QStringLiteral("importCommit"))->isEnabled());
        QCOMPARE(patientsInRegistry(), sheet::kDataRows);
    }

    // On a Spanish screen a refused file's reason reads in Spanish; the FHIR path it names stays
    // as the file writes it.
    void aRefusedFileIsExplainedInTheScreensLanguage()
    {
        app::Language &screens = m_app->app().language();
        QVERIFY(screens.setLanguage(QStringLiteral("es")));
        QByteArray bad = kBundle;
        bad.replace("FHIR-1", "FHIR-3").replace("\"periodUnit\": \"h\"", "\"periodUnit\": \"mo\"");
        QVERIFY(bad.contains("\"mo\""));
        openImport(write(QStringLiteral("monthly.json"), bad));
        QTRY_COMPARE(model()->property("problems").toList().size(), 1);
        const QVariantMap problem = model()->property("problems").toList().first().toMap();
        QCOMPARE(problem.value("column").toString(),
                 QStringLiteral("entry[1] (MedicationRequest/m1).dosageInstruction[0].timing.repeat.periodUnit"));
        QCOMPARE(problem.value("message").toString(), QStringLiteral("debe ser h, d o wk"));
        QTRY_VERIFY2(
            texts().contains(QStringLiteral(
                "entry[1] (MedicationRequest/m1).dosageInstruction[0].timing.repeat.periodUnit: debe ser h, d o wk")),
            qPrintable(texts().filter(QStringLiteral("periodUnit")).join('|')));
        QCOMPARE(patientsInRegistry(), sheet::kDataRows);
        QVERIFY(screens.setLanguage(QStringLiteral("en")));
        leaveImport();
    }

    // A bundle of an older export (a case conference's recommendation names its goal, the goal
    // itself was never exported): the preview says which resource and field come in without their
    // goal, the import goes ahead, and the warning stays after it.
    void anOlderExportsGoalLinkIsImportedWithAWarning()
    {
        const QByteArray older =
            QByteArray("{'resourceType': 'Bundle', 'type': 'collection', 'entry': ["
                       " {'resource': {'resourceType': 'Patient', 'id': 'p1', 'name': [{'given': ['Marta'], 'family': "
                       "'Older'}], 'identifier': [{'type': {'coding': [{'system': "
                       "'http://terminology.hl7.org/CodeSystem/v2-0203', 'code': 'MR'}]}, 'value': 'FHIR-9'}],"
                       "   'gender': 'female', 'birthDate': '1958-02-03'}},"
                       " {'resource': {'resourceType': 'ServiceRequest', 'id': 'c1', 'status': 'active', 'intent': "
                       "'order', 'code': {'coding': [{'system': 'https://cairn.invalid/fhir/CodeSystem/service', "
                       "'code': 'case-conference'}]}, 'subject': {'reference': 'Patient/p1'}, 'authoredOn': "
                       "'2026-01-10', 'occurrenceDateTime': '2026-01-14', 'reasonCode': [{'text': 'Is her plan still "
                       "right?'}], 'extension': [{'url': "
                       "'https://cairn.invalid/fhir/StructureDefinition/conference-status', 'valueCode': 'discussed'},"
                       "  {'url': 'https://cairn.invalid/fhir/StructureDefinition/recommendation', 'extension': ["
                       "   {'url': 'kind', 'valueCode': 'goal'}, {'url': 'text', 'valueString': 'Walk every day.'},"
                       "   {'url': 'due', 'valueDate': '2026-04-01'},"
                       "   {'url': 'record', 'valueReference': {'reference': 'Goal/g-older'}}]}]}}]}")
                .replace('\'', '"');
        openImport(write(QStringLiteral("older.json"), older));
        QTRY_COMPARE(model()->property("patients").toInt(), 1);
        QVERIFY(model()->property("problems").toList().isEmpty());
        const QVariantList warnings = model()->property("warnings").toList();
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.first().toMap().value("column").toString(),
                 QStringLiteral("entry[1] (ServiceRequest/c1).extension(recommendation)[0].record"));
        QVERIFY(item(QStringLiteral("importWarnings"))->isVisible());
        QTRY_VERIFY2(
            texts().join('|').contains(QStringLiteral("entry[1] (ServiceRequest/c1).extension(recommendation)[0]"
                                                      ".record: names Goal/g-older, but the files hold no goals")),
            qPrintable(texts().join('|')));
        const int before = patientsInRegistry();
        QVERIFY(item(QStringLiteral("importCommit"))->isEnabled());
        QVERIFY(testing::tapNamedInView(window(), QStringLiteral("importCommit")));
        QTRY_COMPARE_WITH_TIMEOUT(model()->property("added").toInt(), 1, 60000);
        QCOMPARE(patientsInRegistry(), before + 1);
        QVERIFY(item(QStringLiteral("importWarnings"))->isVisible());
        leaveImport();
    }
};

QTEST_MAIN(TestImportScreen)
#include "test_import_screen.moc"
