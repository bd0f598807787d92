// The monthly leadership report (issue 17 item 5) as a clinic makes it: cairnctl on a real encrypted
// registry with a seeded clinic, the PDF read back with poppler's pdftotext and pdfinfo. Checked
// against `cairnctl measures` on the same registry: every measure with its value and target, every
// prescriber, and the appendix naming exactly the patients behind each measure off target, for the
// registry manager only; the staff summary is one page naming no patient.

#include "tests/support/cairnctl_process.h"
#include "tests/support/pdf_text.h"
#include "tests/support/test_team.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using cairn::testing::CairnctlRun;
using cairn::testing::poppler;
using cairn::testing::squeezed;

using namespace cairn::testing::team;

namespace {

const QString kMonth = QStringLiteral("2026-10");

}  // namespace

class TestReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QJsonObject m_measures;              // `cairnctl measures --month` on the same registry
    QHash<QString, QJsonObject> m_byId;  // every patient of `cairnctl export --json`, by registry id

    CairnctlRun cairnctl(const QString &user, const QString &pin, const QStringList &args, const QStringList &env = {})
    {
        return cairn::testing::runCairnctl(m_db, m_dir.filePath(QStringLiteral("keystore")), pin,
                                           QStringList{QStringLiteral("--user"), user} + args, env);
    }

    // The report's text, squeezed; fails the test when cairnctl or pdftotext does.
    QString reportText(const QString &user, const QString &pin, const QString &file, bool staff = false)
    {
        QStringList args{QStringLiteral("report"), QStringLiteral("--month"), kMonth, QStringLiteral("--pdf"), file};
        if (staff)
            args << QStringLiteral("--staff-summary");
        const CairnctlRun run = cairnctl(user, pin, args);
        if (run.exitCode != 0)
            qWarning("report failed: %s", run.error().constData());
        return cairn::testing::pdfText(file);
    }

    int pages(const QString &file)
    {
        const QString info = QString::fromUtf8(poppler(QStringLiteral("pdfinfo"), {file}));
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

    QStringList namesOfEveryPatient() const
    {
        QStringList names;
        for (const QJsonObject &p : m_byId)
            names << p.value(QStringLiteral("name")).toString();
        return names;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "poppler-utils (pdftotext, pdfinfo) is needed: tools/install-deps.sh installs it");
        m_db = m_dir.filePath(QStringLiteral("clinic.db"));
        const auto admin = [&](const QStringList &args, const QStringList &env = {}) {
            return cairn::testing::runCairnctl(m_db, m_dir.filePath(QStringLiteral("keystore")), kAdminPin, args, env);
        };
        QCOMPARE(admin({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Alex Admin")}).exitCode, 0);
        QCOMPARE(admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"), kManager,
                        QStringLiteral("--role"), QStringLiteral("registry_manager")},
                       {QStringLiteral("CAIRN_NEW_PIN=") + kManagerPin})
                     .exitCode,
                 0);
        QCOMPARE(admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"), kClinician,
                        QStringLiteral("--role"), QStringLiteral("clinician")},
                       {QStringLiteral("CAIRN_NEW_PIN=") + kClinicianPin})
                     .exitCode,
                 0);
        const CairnctlRun seeded =
            admin({QStringLiteral("seed"), QStringLiteral("--patients"), QStringLiteral("60"),
                   QStringLiteral("--years"), QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("17"),
                   QStringLiteral("--as-of"), QStringLiteral("2026-11-25")});
        QVERIFY2(seeded.exitCode == 0, seeded.error().constData());
        const CairnctlRun measures =
            cairnctl(kManager, kManagerPin, {QStringLiteral("measures"), QStringLiteral("--month"), kMonth});
        QCOMPARE(measures.exitCode, 0);
        m_measures = QJsonDocument::fromJson(measures.out).object();
        QVERIFY(m_measures.value(QStringLiteral("cot_patients")).toInt() > 20);
        const CairnctlRun exported =
            cairnctl(kManager, kManagerPin, {QStringLiteral("export"), QStringLiteral("--json")});
        QCOMPARE(exported.exitCode, 0);
        for (const QJsonValue &p : QJsonDocument::fromJson(exported.out).array())
            m_byId.insert(p.toObject().value(QStringLiteral("id")).toString(), p.toObject());
        QCOMPARE(m_byId.size(), 60);
    }

    // The registry manager's report: every measure with its value and target, every prescriber, and
    // an appendix naming exactly the patients behind each measure off target.
    void theRegistryManagersReportHasEveryMeasurePrescriberAndThePatientsBehind()
    {
        const QString file = m_dir.filePath(QStringLiteral("full.pdf"));
        const QString text = reportText(kManager, kManagerPin, file);
        QVERIFY(!text.isEmpty());
        QVERIFY(pages(file) > 2);
        QVERIFY(text.contains(squeezed(QStringLiteral("Opioid therapy measures, October 2026"))));
        QVERIFY(
            text.contains(squeezed(QStringLiteral("%1 patients on long-term opioid therapy at the end of October 2026")
                                       .arg(m_measures.value(QStringLiteral("cot_patients")).toInt()))));

        int offTarget = 0;
        for (const QJsonValue &value : m_measures.value(QStringLiteral("measures")).toArray()) {
            const QJsonObject m = value.toObject();
            const int numerator = m.value(QStringLiteral("numerator")).toInt();
            const int denominator = m.value(QStringLiteral("denominator")).toInt();
            const QString id = m.value(QStringLiteral("id")).toString();
            if (id == QLatin1String("mean_peg"))
                continue;
            // The value as the summary prints it, e.g. "61.5% (32 of 52)".
            const QString shown = QStringLiteral("%1% (%2 of %3)")
                                      .arg(m.value(QStringLiteral("value")).toDouble(), 0, 'f', 1)
                                      .arg(numerator)
                                      .arg(denominator);
            QVERIFY2(denominator == 0 || text.contains(squeezed(shown)), qPrintable(id + QLatin1Char(' ') + shown));
            const QJsonObject target = m.value(QStringLiteral("target")).toObject();
            if (target.isEmpty() || denominator == 0)
                continue;
            const bool ceiling = target.contains(QStringLiteral("at_most"));
            const double limit =
                target.value(ceiling ? QStringLiteral("at_most") : QStringLiteral("at_least")).toDouble();
            const double v = m.value(QStringLiteral("value")).toDouble();
            QVERIFY(text.contains(squeezed(QStringLiteral("%1 %2%").arg(ceiling ? "at most" : "at least").arg(limit))));
            if (ceiling ? v <= limit : v >= limit)
                continue;
            ++offTarget;
            // Behind a ceiling: its numerator's patients; behind a floor: the counted ones who miss it.
            const int behind = ceiling ? numerator : denominator - numerator;
            // The appendix's heading for it, right above its table.
            QVERIFY2(text.contains(QStringLiteral(":%1patientsPatientChartnumber").arg(behind)), qPrintable(id));
            if (ceiling)
                for (const QJsonValue &pid : m.value(QStringLiteral("patients")).toArray())
                    QVERIFY(
                        text.contains(squeezed(m_byId.value(pid.toString()).value(QStringLiteral("name")).toString())));
        }
        QVERIFY2(offTarget > 0, "the seeded clinic should miss at least one target");
        QVERIFY(text.contains(squeezed(QStringLiteral("Appendix: patients behind the measures off target"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("registry manager only"))));

        QSet<QString> prescribers;
        for (const QJsonObject &p : std::as_const(m_byId))
            if (!p.value(QStringLiteral("prescriber")).toString().isEmpty())
                prescribers.insert(p.value(QStringLiteral("prescriber")).toString());
        QVERIFY(prescribers.size() > 1);
        for (const QString &prescriber : std::as_const(prescribers))
            QVERIFY2(text.contains(squeezed(prescriber + QStringLiteral(":"))), qPrintable(prescriber));
    }

    // Anyone else gets the measures and the trends, and no patient named.
    void aClinicianGetsTheReportWithNoPatientNamed()
    {
        const QString file = m_dir.filePath(QStringLiteral("clinician.pdf"));
        const QString text = reportText(kClinician, kClinicianPin, file);
        QVERIFY(text.contains(squeezed(QStringLiteral("Twelve months"))));
        QVERIFY(!text.contains(squeezed(QStringLiteral("Appendix"))));
        for (const QString &name : namesOfEveryPatient())
            QVERIFY2(!text.contains(squeezed(name)), qPrintable(name));
    }

    // The staff meeting's page: one page, every measure, no patient named, whoever prints it.
    void theStaffSummaryIsOnePageNamingNoPatient()
    {
        const QString file = m_dir.filePath(QStringLiteral("staff.pdf"));
        const QString text = reportText(kManager, kManagerPin, file, true);
        QCOMPARE(pages(file), 1);
        QVERIFY(text.contains(squeezed(QStringLiteral("staff summary"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Treatment agreement current"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Mean PEG score"))));
        for (const QString &name : namesOfEveryPatient())
            QVERIFY2(!text.contains(squeezed(name)), qPrintable(name));
    }

    // `--lang es`: the report's own words, the measures' names and the month in Spanish, the
    // numbers the same.
    void theReportInSpanish()
    {
        const QString file = m_dir.filePath(QStringLiteral("es.pdf"));
        const CairnctlRun run =
            cairnctl(kClinician, kClinicianPin,
                     {QStringLiteral("report"), QStringLiteral("--month"), kMonth, QStringLiteral("--pdf"), file,
                      QStringLiteral("--lang"), QStringLiteral("es")});
        QVERIFY2(run.exitCode == 0, run.error().constData());
        const QString text = cairn::testing::pdfText(file);
        QVERIFY2(text.contains(squeezed(QStringLiteral("Medidas de la terapia con opioides, octubre 2026"))),
                 qPrintable(text.left(400)));
        QVERIFY(text.contains(squeezed(QStringLiteral("%1 pacientes en terapia con opioides a largo plazo al final de "
                                                      "octubre 2026")
                                           .arg(m_measures.value(QStringLiteral("cot_patients")).toInt()))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Acuerdo de tratamiento vigente"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Puntuación PEG media"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Doce meses"))));
        QVERIFY(!text.contains(squeezed(QStringLiteral("Treatment agreement current"))));
        QVERIFY(!text.contains(squeezed(QStringLiteral("Twelve months"))));
        // Numbers as Spanish writes them: a decimal comma ("61,5 % (32 de 52)"), never a point.
        int withFraction = 0;
        for (const QJsonValue &value : m_measures.value(QStringLiteral("measures")).toArray()) {
            const QJsonObject m = value.toObject();
            const int denominator = m.value(QStringLiteral("denominator")).toInt();
            const double v = m.value(QStringLiteral("value")).toDouble();
            if (m.value(QStringLiteral("id")).toString() == QLatin1String("mean_peg") || denominator == 0)
                continue;
            const QString tenths = QString::number(v, 'f', 1);
            if (tenths.endsWith(QLatin1String(".0")))
                continue;
            ++withFraction;
            const QString shown = QStringLiteral("%1 % (%2 de %3)")
                                      .arg(QString(tenths).replace(QLatin1Char('.'), QLatin1Char(',')))
                                      .arg(m.value(QStringLiteral("numerator")).toInt())
                                      .arg(denominator);
            QVERIFY2(text.contains(squeezed(shown)), qPrintable(shown));
            QVERIFY2(!text.contains(squeezed(tenths + QStringLiteral(" %"))), qPrintable(tenths));
        }
        QVERIFY2(withFraction > 0, "the seeded clinic should have a measure with tenths");
    }

    void badInputNamesTheOptionAndWritesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("field");
        QTest::newRow("month") << QStringList{QStringLiteral("--month"), QStringLiteral("2026-13"),
                                              QStringLiteral("--pdf"), QStringLiteral("bad.pdf")}
                               << "--month";
        QTest::newRow("month format") << QStringList{QStringLiteral("--month"), QStringLiteral("10/2026"),
                                                     QStringLiteral("--pdf"), QStringLiteral("bad.pdf")}
                                      << "--month";
        QTest::newRow("no file") << QStringList{QStringLiteral("--month"), kMonth} << "--pdf";
        QTest::newRow("language") << QStringList{QStringLiteral("--month"), kMonth,
                                                 QStringLiteral("--pdf"),   QStringLiteral("bad.pdf"),
                                                 QStringLiteral("--lang"),  QStringLiteral("fr")}
                                  << "--lang";
    }

    void badInputNamesTheOptionAndWritesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, field);
        const QString bad = m_dir.filePath(QStringLiteral("bad.pdf"));
        args.replaceInStrings(QStringLiteral("bad.pdf"), bad);
        const CairnctlRun run = cairnctl(kManager, kManagerPin, QStringList{QStringLiteral("report")} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.error().startsWith(("cairnctl: " + field + ":").toUtf8()), run.error().constData());
        QVERIFY(!QFile::exists(bad));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "test_report.moc"
