// The monthly leadership report on the tablet (issue 17 item 5) through the real QML app over a
// real encrypted registry with a seeded clinic: from Measures, the registry manager makes last
// month's full report and reads it as the PDF itself (page 1 drawn, its title, "Page 1 of N"),
// with the appendix of patients; a clinician is never offered that edition, and asking for it anyway
// is refused; "Save as PDF" saves through the save dialog, which opens in the user's Documents
// folder (their home folder when there is none), and the file, read back with pdftotext, has every
// measure's name; in Spanish the report speaks Spanish. And the Registry screen's gap worklist leaves, through the same
// save dialog in Documents, as an XLSX file that Cairn's own reader reads back (issue 17 item 4's last sentence), for
// the roles that may export.

#include "core/interop/spreadsheet.h"
#include "qml/app/language.h"
#include "qml/app/session.h"
#include "tests/qml/quick_driver.h"
#include "tests/qml/save_dialog.h"
#include "tests/qml/sign_in.h"
#include "tests/support/app_fixture.h"
#include "tests/support/pdf_text.h"
#include "tests/support/result_checks.h"
#include "tests/support/test_team.h"

#include <QDir>
#include <QFile>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

using namespace cairn;
using testing::squeezed;

using namespace cairn::testing::team;

namespace {
const QString kAppendixEdition = QStringLiteral("Full report with the patients behind each measure off target");
}  // namespace

class TestMonthlyReportApp : public QObject {
    Q_OBJECT

    std::unique_ptr<testing::AppFixture> m_app;
    app::Session *m_session = nullptr;
    QTemporaryDir m_out;
    // HOME, with the Documents folder the save dialog opens in.
    testing::DocumentsHome m_home;

    QQuickWindow *window() const { return m_app->window(); }
    QQuickItem *item(const QString &name, bool usable = true) const
    {
        return testing::findItem(window(), name, usable);
    }
    QObject *report() const { return m_app->find(QStringLiteral("monthlyReportModel")); }
    QObject *pages() const { return report() ? report()->property("pages").value<QObject *>() : nullptr; }

    void signIn(const QString &name, const QString &pin)
    {
        QVERIFY2(testing::signInDirectly(*m_session, m_app->userId(name), pin), qPrintable(m_session->message()));
    }

    // Measures → "Monthly report", as a reader of the measures reaches it.
    void openReport()
    {
        QTRY_VERIFY(item(QStringLiteral("nav_measures")));
        QVERIFY(QMetaObject::invokeMethod(item(QStringLiteral("nav_measures")), "clicked"));
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("measuresMonthlyReport")));
        QTRY_VERIFY(item(QStringLiteral("monthlyReportScreen")));
        QVERIFY(report());
    }

    // Taps "Make the report" and waits for the PDF's pages.
    void make()
    {
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("makeReport")));
        QTRY_VERIFY_WITH_TIMEOUT(!report()->property("loading").toBool() && pages()->property("ready").toBool(),
                                 120000);
    }

    QString pageText(int page) const
    {
        QString text;
        QMetaObject::invokeMethod(pages(), "pageText", Q_RETURN_ARG(QString, text), Q_ARG(int, page));
        return squeezed(text);
    }

    // "Save as PDF" on the report's screen, through its dialog, under `name` in `folder` (the one the
    // dialog must open in): the saved PDF's text, or empty when the dialog or the file failed.
    QString saved(const QString &name, const QString &folder, const QString &saveLabel = QStringLiteral("Save"))
    {
        const QString file = testing::saveInDialog(window(), QStringLiteral("saveReport"), folder, name, saveLabel);
        if (file.isEmpty() || !testing::waitFor([&] { return testing::isPdfFile(file); }))
            return {};
        return testing::pdfText(file);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        QVERIFY(m_home.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "poppler-utils is needed");
        QStandardPaths::setTestModeEnabled(true);
        testing::AppFixtureOptions options;
        options.fileName = QStringLiteral("report.db");
        options.users = {{kClinician, keys::Role::Clinician, kClinicianPin},
                         {kNurse, keys::Role::Nurse, kNursePin},
                         {kManager, keys::Role::RegistryManager, kManagerPin}};
        synthetic::Options clinic;
        clinic.patients = 40;
        clinic.years = 2;
        clinic.seed = 17;
        options.clinic = clinic;
        QString error;
        m_app = testing::AppFixture::make(options, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_session = &m_app->session();
        QTRY_VERIFY(item(QStringLiteral("unlockScreen")));
        QVERIFY(testing::resize(window(), QSize(1280, 800)));
    }

    void init()
    {
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("Component is not ready|Cannot instantiate|TypeError|ReferenceError")));
    }

    // The registry manager makes last month's full report: page 1 is drawn with the report's
    // title, the page count shows, and the last pages name the patients behind the measures.
    void theRegistryManagerReadsTheFullReportWithItsAppendix()
    {
        signIn(kManager, kManagerPin);
        openReport();
        QCOMPARE(report()->property("month").toString(), QStringLiteral("2026-02"));  // last month by default
        QQuickItem *edition = testing::findButton(item(QStringLiteral("reportEdition")), kAppendixEdition);
        QVERIFY(edition);
        QVERIFY(testing::waitFor([&] { return !testing::inTransition(edition); }));  // the page has settled
        testing::tap(window(), edition);
        QTRY_COMPARE(report()->property("edition").toInt(), 2);  // FullWithPatients
        make();
        const int count = pages()->property("pageCount").toInt();
        QVERIFY(count > 2);
        QTRY_VERIFY(item(QStringLiteral("pdfPage_0")) &&
                    item(QStringLiteral("pdfPage_0"))->property("rendered").toBool());
        QVERIFY(pageText(0).contains(squeezed(QStringLiteral("Opioid therapy measures, February 2026"))));
        QVERIFY2(testing::visibleTexts(window()).contains(QStringLiteral("Page 1 of %1").arg(count)),
                 qPrintable(testing::visibleTexts(window()).join(QLatin1Char('|'))));
        QVERIFY(pageText(count - 1).contains(squeezed(QStringLiteral("registry manager only"))));

        // Zoomed in, the page is drawn wider than the viewer; "Fit width" brings it back.
        const qreal fitted = item(QStringLiteral("pdfPage_0"))->width();
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("pdfZoomIn")));
        QTRY_VERIFY(item(QStringLiteral("pdfPage_0"))->width() > fitted);
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("pdfFitWidth")));
        QTRY_COMPARE(item(QStringLiteral("pdfPage_0"))->width(), fitted);

        // Saved where the user chose, in Documents: every measure's name, and the appendix.
        const QString text = saved(QStringLiteral("february.pdf"), m_home.documents());
        QVERIFY2(!text.isEmpty(), "saved through the dialog as a PDF in Documents");
        QVERIFY2(
            testing::visibleTexts(window()).contains(
                QStringLiteral("Saved to %1.").arg(QDir(m_home.documents()).filePath(QStringLiteral("february.pdf")))),
            qPrintable(testing::visibleTexts(window()).join(QLatin1Char('|'))));
        for (const QString &measure : {QStringLiteral("Treatment agreement current"),
                                       QStringLiteral("90 MME/day or more"), QStringLiteral("Also on a benzodiazepine"),
                                       QStringLiteral("Naloxone when indicated"), QStringLiteral("Mean PEG score")})
            QVERIFY2(text.contains(squeezed(measure)), qPrintable(measure));
        QVERIFY(text.contains(squeezed(QStringLiteral("Appendix: patients behind the measures off target"))));
    }

    // Without a Documents folder the dialog opens in the user's home folder, never in one that does
    // not exist.
    void withoutDocumentsTheDialogOpensInTheHomeFolder()
    {
        QVERIFY(QDir(m_home.documents()).removeRecursively());
        const QString text = saved(QStringLiteral("at-home.pdf"), m_home.home());
        QVERIFY(QDir(m_home.home()).mkpath(QStringLiteral("Documents")));
        QVERIFY2(!text.isEmpty(), "saved through the dialog as a PDF in the home folder");
        QVERIFY(text.contains(squeezed(QStringLiteral("Opioid therapy measures, February 2026"))));
    }

    // A clinician reads the measures but may not print patient lists: the edition is not offered, and
    // asking for it anyway is refused by the registry's rule; the staff summary names no one.
    void aClinicianIsNotOfferedTheAppendix()
    {
        signIn(kClinician, kClinicianPin);
        openReport();
        QCOMPARE(report()->property("editionChoices").toList().size(), 2);
        QVERIFY(!testing::findButton(item(QStringLiteral("reportEdition")), kAppendixEdition));
        QVERIFY(!testing::visibleTexts(window()).contains(kAppendixEdition));

        QVERIFY(report()->setProperty("edition", 2));  // FullWithPatients, as a stale screen might ask
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("makeReport")));
        QTRY_VERIFY(!report()->property("loading").toBool() && report()->property("error").toBool());
        QVERIFY(report()->property("message").toString().contains(QStringLiteral("Only the registry manager")));
        QVERIFY(!pages()->property("ready").toBool());

        QVERIFY(report()->setProperty("edition", 0));
        make();
        QCOMPARE(pages()->property("pageCount").toInt(), 1);
        QVERIFY(pageText(0).contains(squeezed(QStringLiteral("no patient is named in this summary"))));

        // A nurse (no Measures in the shell, but a reader of the measures) is offered the same two.
        signIn(kNurse, kNursePin);
        QQmlExpression open(qmlContext(window()), window(),
                            QStringLiteral("open(\"monthly_report\", monthlyReportComponent, {})"));
        open.evaluate();
        QVERIFY(!open.hasError());
        QTRY_VERIFY(item(QStringLiteral("monthlyReportScreen")) && report());
        QCOMPARE(report()->property("editionChoices").toList().size(), 2);
        QVERIFY(!testing::findButton(item(QStringLiteral("reportEdition")), kAppendixEdition));
    }

    // In Spanish the report's words, the measures' names and the month are Spanish.
    void theReportFollowsTheTabletsLanguage()
    {
        app::Language &language = m_app->app().language();
        QVERIFY(language.setLanguage(QStringLiteral("es")));
        signIn(kManager, kManagerPin);
        openReport();
        make();
        const QString text = saved(QStringLiteral("febrero.pdf"), m_home.documents(), QStringLiteral("Guardar"));
        QVERIFY(language.setLanguage(QStringLiteral("en")));
        QVERIFY2(!text.isEmpty(), "saved through the dialog (in Spanish) as a PDF in Documents");
        QVERIFY2(text.contains(squeezed(QStringLiteral("Medidas de la terapia con opioides, febrero 2026: resumen "
                                                       "para la reunión del personal"))),
                 qPrintable(text.left(300)));
        QVERIFY(text.contains(squeezed(QStringLiteral("Acuerdo de tratamiento vigente"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Puntuación PEG media"))));
        QVERIFY(!text.contains(squeezed(QStringLiteral("Treatment agreement current"))));
    }

    // Registry → Export: the gap worklist as filtered there, in an XLSX workbook the project's own
    // reader opens: one row per open gap, the same columns as `cairnctl gaps --xlsx`.
    void theRegistryManagerExportsTheWorklistAsXlsx()
    {
        signIn(kManager, kManagerPin);
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("nav_registry")));
        QVERIFY(testing::waitFor([&] { return item(QStringLiteral("exportWorklistButton")); }));
        QObject *exporter = m_app->find(QStringLiteral("worklistExport"));
        QVERIFY(exporter);
        // Through the save dialog, as the user does: it opens in Documents, and a name typed
        // without an ending is given the chosen kind's (the workbook, the first offered).
        QVERIFY(!testing::saveInDialog(window(), QStringLiteral("exportWorklistButton"), m_home.documents(),
                                       QStringLiteral("worklist"))
                     .isEmpty());
        const QString file = QDir(m_home.documents()).filePath(QStringLiteral("worklist.xlsx"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !exporter->property("loading").toBool() && !exporter->property("message").toString().isEmpty(), 120000);
        QVERIFY2(!exporter->property("error").toBool(), qPrintable(exporter->property("message").toString()));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        auto sheet = interop::readXlsx(in.readAll());
        CHECK_OK(sheet);
        QCOMPARE(sheet->header.mid(0, 3),
                 (QStringList{QStringLiteral("patient"), QStringLiteral("clinic_id"), QStringLiteral("prescriber")}));
        QVERIFY(sheet->rows.size() > 5);
        QVERIFY(testing::visibleTexts(window()).join(QLatin1Char('|')).contains(QStringLiteral("open gaps of")));

        // A clinician runs worklists but may not take patient lists off the tablet.
        signIn(kClinician, kClinicianPin);
        QVERIFY(testing::tapWhenReady(window(), QStringLiteral("nav_registry")));
        QVERIFY(testing::waitFor([&] { return m_app->find(QStringLiteral("worklistExport")); }));
        QVERIFY(!item(QStringLiteral("exportWorklistButton")));
    }
};

QTEST_MAIN(TestMonthlyReportApp)
#include "test_monthly_report_app.moc"
