// The two validation rules every entry path shares (core/domain/validation.h): a concerning PDMP
// check needs its findings, and a patient the registry keeps needs a name and a clinic identifier.
// Errors name the field, relative to the record.

#include "core/domain/validation.h"

#include <QTest>

using namespace cairn;
using namespace cairn::domain;

class TestValidation : public QObject {
    Q_OBJECT
private slots:
    void pdmpFindingsWhenConcerning_data()
    {
        QTest::addColumn<bool>("concerning");
        QTest::addColumn<QString>("findings");
        QTest::addColumn<QString>("refusedField");  // empty: accepted
        QTest::newRow("nothing concerning, no findings") << false << QString() << QString();
        QTest::newRow("nothing concerning, a note") << false << QStringLiteral("checked twice") << QString();
        QTest::newRow("concerning, findings") << true << QStringLiteral("two prescribers") << QString();
        QTest::newRow("concerning, no findings") << true << QString() << QStringLiteral("findings");
        QTest::newRow("concerning, blank findings") << true << QStringLiteral(" \n\t ") << QStringLiteral("findings");
        QTest::newRow("findings too long") << true << QString(2001, QLatin1Char('x')) << QStringLiteral("findings");
    }
    void pdmpFindingsWhenConcerning()
    {
        QFETCH(bool, concerning);
        QFETCH(QString, findings);
        QFETCH(QString, refusedField);
        PdmpCheck check;
        check.date = QDate(2026, 3, 2);
        check.checkedBy = QStringLiteral("Morgan MA");
        check.concerning = concerning;
        check.findings = findings;
        const Status s = validate(check);
        QCOMPARE(s.ok(), refusedField.isEmpty());
        // The rule on its own (what the rooming flow asks) refuses only missing findings.
        QCOMPARE(pdmpFindingsMissing(check), concerning && findings.trimmed().isEmpty());
        if (!s) {
            QCOMPARE(s.error().field, refusedField);
            QVERIFY(!s.error().message.isEmpty());
        }
    }

    void aPatientsListNamesTheRefusedCheck()
    {
        Patient p;
        p.pdmpChecks.append({{}, QDate(2026, 1, 5), QStringLiteral("Morgan"), false, QString()});
        p.pdmpChecks.append({{}, QDate(2026, 3, 2), QStringLiteral("Morgan"), true, QString()});
        const Status s = validate(p);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, QStringLiteral("pdmp_checks[1].findings"));
    }

    void registryPatientNeedsNameAndClinicId_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("clinicId");
        QTest::addColumn<QString>("refusedField");  // empty: accepted
        QTest::newRow("both") << QStringLiteral("Ana Ruiz") << QStringLiteral("C-1") << QString();
        QTest::newRow("no name") << QString() << QStringLiteral("C-1") << QStringLiteral("name");
        QTest::newRow("blank name") << QStringLiteral("   ") << QStringLiteral("C-1") << QStringLiteral("name");
        QTest::newRow("no clinic id") << QStringLiteral("Ana Ruiz") << QString() << QStringLiteral("clinic_id");
        QTest::newRow("blank clinic id") << QStringLiteral("Ana Ruiz") << QStringLiteral(" ")
                                         << QStringLiteral("clinic_id");
        QTest::newRow("neither: name first") << QString() << QString() << QStringLiteral("name");
    }
    void registryPatientNeedsNameAndClinicId()
    {
        QFETCH(QString, name);
        QFETCH(QString, clinicId);
        QFETCH(QString, refusedField);
        Patient p;
        p.name = name;
        p.clinicId = clinicId;
        const Status s = validateForRegistry(p);
        QCOMPARE(s.ok(), refusedField.isEmpty());
        if (!s)
            QCOMPARE(s.error().field, refusedField);
        // An evaluate request may leave both out: plain validation does not ask for them.
        QVERIFY(validate(p).ok());
    }

    void registryPatientIsAlsoWellFormed()
    {
        Patient p;
        p.name = QStringLiteral("Ana Ruiz");
        p.clinicId = QStringLiteral("C-1");
        p.language = QStringLiteral("fr");
        const Status s = validateForRegistry(p);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, QStringLiteral("language"));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "test_validation.moc"
