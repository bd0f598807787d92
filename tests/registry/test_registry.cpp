// The registry service on a real encrypted file: who may open it, what may be written, that
// every write is whole or absent, that corrections keep history, and that views are audited.

#include "core/domain/patient_json.h"
#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/storage/database.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"
#include "tests/support/temp_registry.h"

#include <QJsonDocument>
#include <QTest>

using namespace cairn;
using namespace cairn::registry;

namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

domain::Patient samplePatient(const QString &name)
{
    const auto json = QJsonDocument::fromJson(QStringLiteral(R"({
        "clinic_id": "SYN-T1", "name": "%1", "sex": "female", "birth_date": "1960-03-04", "prescriber": "Dr. A",
        "opioids": [{"drug": "oxycodone", "strength_mg": 10, "units_per_dose": 1, "doses_per_day": 3, "start": "2026-01-05"}],
        "peg": [{"date": "2026-10-01", "pain": 6, "enjoyment": 5, "activity": 7}]
    })")
                                                  .arg(name)
                                                  .toUtf8());
    auto patient = domain::patientFromJson(json.object());
    if (!patient)
        qFatal("%s", qPrintable(patient.error().line()));
    return std::move(patient).value();
}

}  // namespace

class TestRegistry : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    platform::MemoryKeystore m_keystore;
    ManualClock m_clock{kNow};
    int m_count = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("r%1.db").arg(++m_count)); }

    std::unique_ptr<Registry> create(const QString &path)
    {
        auto registry =
            Registry::create(path, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        if (!registry)
            qFatal("%s", qPrintable(registry.error().line()));
        return std::move(registry).value();
    }

private slots:
    void createdRegistryUnlocksAndHoldsNoPlaintext()
    {
        const QString path = newPath();
        {
            auto registry = create(path);
            QVERIFY(registry->addPatient(samplePatient(QStringLiteral("Marisol Quintanilla"))).ok());
        }
        auto users = Registry::users(path);
        QVERIFY(users.ok());
        QCOMPARE(users->size(), 1);
        QVERIFY(users->first().role == keys::Role::Administrator);
        auto opened =
            Registry::unlock(path, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().line()));
        auto listed = (*opened)->listPatients();
        QVERIFY2(listed.ok(), listed.ok() ? "" : qPrintable(listed.error().line()));
        QCOMPARE(listed->size(), 1);
        QStringList files = cairn::testing::databaseFiles(path);
        files << path + QStringLiteral(".keys");
        for (const QString &file : std::as_const(files))
            QVERIFY2(!cairn::testing::fileBytes(file).contains("Quintanilla"), qPrintable(file));
    }

    void wrongPinIsCountedAndLockoutSurvivesARestart()
    {
        const QString path = newPath();
        create(path);
        for (int i = 0; i < 5; ++i) {
            auto wrong =
                Registry::unlock(path, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("000000"), m_clock);
            QVERIFY(!wrong.ok());
        }
        // A new unlock reads the key file afresh, as after an app restart.
        auto locked =
            Registry::unlock(path, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        QVERIFY(!locked.ok());
        QVERIFY(locked.error().message.contains(QStringLiteral("locked out")));
        QVERIFY(Registry::users(path)->first().lockedUntil.isValid());
        m_clock.advance(61);
        QVERIFY(
            Registry::unlock(path, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock).ok());
        m_clock.set(kNow);
    }

    void registryFromAnotherDeviceCannotBeOpened()
    {
        const QString path = newPath();
        create(path);
        platform::MemoryKeystore otherDevice;
        auto opened =
            Registry::unlock(path, otherDevice, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().field, QStringLiteral("device"));
    }

    void pinChangeAndUserRemovalKeepEveryRecord()
    {
        const QString path = newPath();
        {
            auto registry = create(path);
            QVERIFY(registry->addPatient(samplePatient(QStringLiteral("Ann Example"))).ok());
            QVERIFY(registry->addUser(QStringLiteral("Casey Clinician"), keys::Role::Clinician, QStringLiteral("1357"))
                        .ok());
            QVERIFY(registry->addUser(QStringLiteral("Morgan MA"), keys::Role::MedicalAssistant, QStringLiteral("2468"))
                        .ok());
            QVERIFY(registry->changePin(QStringLiteral("Casey Clinician"), QStringLiteral("97531")).ok());
            QVERIFY(registry->removeUser(QStringLiteral("Morgan MA")).ok());
        }
        QVERIFY(!Registry::unlock(path, m_keystore, QStringLiteral("Casey Clinician"), QStringLiteral("1357"), m_clock)
                     .ok());
        QVERIFY(!Registry::unlock(path, m_keystore, QStringLiteral("Morgan MA"), QStringLiteral("2468"), m_clock).ok());
        auto clinician =
            Registry::unlock(path, m_keystore, QStringLiteral("Casey Clinician"), QStringLiteral("97531"), m_clock);
        QVERIFY(clinician.ok());
        auto patients = (*clinician)->listPatients();
        QCOMPARE(patients->size(), 1);
        auto patient = (*clinician)->loadPatient(patients->first().id);
        QVERIFY(patient.ok());
        QCOMPARE(patient->peg.size(), 1);
        QCOMPARE(patient->peg.first().pain, 6);
    }

    void badInputIsRejectedWhole()
    {
        auto registry = create(newPath());
        auto good = samplePatient(QStringLiteral("Good One"));
        auto bad = samplePatient(QStringLiteral("Bad Two"));
        bad.peg[0].pain = 11;
        const auto before = registry->stats();
        auto added = registry->addPatients({good, bad});
        QVERIFY(!added.ok());
        QCOMPARE(added.error().field, QStringLiteral("patients[1].peg[0].pain"));
        const auto after = registry->stats();
        QCOMPARE(after->records, before->records);
        QCOMPARE(after->patients, 0);
        QCOMPARE(after->auditEntries, before->auditEntries);
        QCOMPARE(after->outboxPending, 0);

        auto unknownDrug = samplePatient(QStringLiteral("Drug Typo"));
        unknownDrug.opioids[0].drug = QStringLiteral("oxycodon");
        auto typo = registry->addPatient(unknownDrug);
        QVERIFY(!typo.ok());
        QCOMPARE(typo.error().field, QStringLiteral("opioids[0].drug"));
    }

    void aStreamedClinicIsStoredWholeOrNotAtAll()
    {
        synthetic::Options options;
        options.patients = 40;
        options.seed = 7;
        // Made and stored one at a time (cairnctl seed): a bad patient late in the stream leaves
        // the new registry as it was, as a bad patient in a list does.
        auto registry = create(newPath());
        const auto before = registry->stats();
        {
            synthetic::ClinicGenerator generator(options);
            int made = 0;
            auto added = registry->addPatientsFrom([&]() -> std::optional<domain::Patient> {
                auto patient = generator.next();
                if (patient && ++made == 31)
                    patient->name.clear();
                return patient;
            });
            QVERIFY(!added.ok());
            QCOMPARE(made, 31);  // nothing was asked for after the bad one
            QCOMPARE(added.error().field, QStringLiteral("patients[30].name"));
        }
        const auto after = registry->stats();
        QCOMPARE(after->records, before->records);
        QCOMPARE(after->patients, 0);
        QCOMPARE(after->auditEntries, before->auditEntries);
        QCOMPARE(after->outboxPending, 0);

        // The whole stream then stores the same clinic as the list generateClinic makes.
        synthetic::ClinicGenerator generator(options);
        auto streamed = registry->addPatientsFrom([&generator] { return generator.next(); });
        QVERIFY2(streamed.ok(), streamed.ok() ? "" : qPrintable(streamed.error().line()));
        auto listed = create(newPath());
        auto ids = listed->addPatients(synthetic::generateClinic(options));
        QVERIFY(ids.ok());
        QCOMPARE(*streamed, *ids);
        QCOMPARE(registry->stats()->records, listed->stats()->records);
        QCOMPARE(registry->stats()->outboxPending, listed->stats()->records - before->records);
        auto streamedAll = registry->loadAllPatients(QStringLiteral("test"));
        auto listedAll = listed->loadAllPatients(QStringLiteral("test"));
        QVERIFY(streamedAll.ok() && listedAll.ok());
        QCOMPARE(streamedAll->size(), options.patients);
        for (qsizetype i = 0; i < streamedAll->size(); ++i)
            QCOMPARE(domain::patientToJson(streamedAll->at(i), true), domain::patientToJson(listedAll->at(i), true));
    }

    void rolesLimitWhatIsWritten()
    {
        const QString path = newPath();
        QString patientId;
        {
            auto admin = create(path);
            patientId = *admin->addPatient(samplePatient(QStringLiteral("Role Test")));
            QVERIFY(
                admin->addUser(QStringLiteral("Morgan MA"), keys::Role::MedicalAssistant, QStringLiteral("2468")).ok());
            // Administrators run the registry; they do not record clinical decisions.
            domain::NaloxoneRecord naloxone{{}, QDate(2026, 11, 1), domain::NaloxoneAction::Prescribed};
            QVERIFY(!admin->addRecord(patientId, naloxone).ok());
        }
        auto ma = Registry::unlock(path, m_keystore, QStringLiteral("Morgan MA"), QStringLiteral("2468"), m_clock);
        QVERIFY(ma.ok());
        domain::PegScore peg{{}, QDate(2026, 11, 20), 3, 4, 5};
        QVERIFY((*ma)->addRecord(patientId, peg).ok());
        domain::OpioidEntry dose;
        dose.drug = QStringLiteral("morphine");
        dose.strengthMg = 15;
        dose.dosesPerDay = 2;
        dose.start = QDate(2026, 11, 20);
        auto refused = (*ma)->addRecord(patientId, dose);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().code == ErrorCode::NotAllowed);
        QVERIFY(!(*ma)->addUser(QStringLiteral("X"), keys::Role::Nurse, QStringLiteral("1234")).ok());
    }

    void correctionsSupersedeAndHistoryKeepsBoth()
    {
        const QString path = newPath();
        QString patientId;
        {
            auto admin = create(path);
            patientId = *admin->addPatient(samplePatient(QStringLiteral("History Test")));
            QVERIFY(admin->addUser(QStringLiteral("Nico Nurse"), keys::Role::Nurse, QStringLiteral("3579")).ok());
        }
        auto nurse = Registry::unlock(path, m_keystore, QStringLiteral("Nico Nurse"), QStringLiteral("3579"), m_clock);
        auto &r = **nurse;
        const auto firstId = r.addRecord(patientId, domain::PegScore{{}, QDate(2026, 11, 20), 9, 9, 9});
        QVERIFY(firstId.ok());
        const auto fixedId = r.correctRecord(*firstId, domain::PegScore{{}, QDate(2026, 11, 20), 4, 5, 6});
        QVERIFY(fixedId.ok());
        auto patient = r.loadPatient(patientId);
        QCOMPARE(patient->peg.size(), 2);  // the imported one and the corrected one
        QVERIFY(std::any_of(patient->peg.cbegin(), patient->peg.cend(), [](const auto &p) { return p.pain == 4; }));
        QVERIFY(std::none_of(patient->peg.cbegin(), patient->peg.cend(), [](const auto &p) { return p.pain == 9; }));
        auto history = r.patientHistory(patientId);
        QVERIFY(std::any_of(history->cbegin(), history->cend(), [&](const auto &e) { return e.id == *firstId; }));
        QVERIFY(
            std::any_of(history->cbegin(), history->cend(), [&](const auto &e) { return e.supersedes == *firstId; }));

        auto wrongKind =
            r.correctRecord(*fixedId, domain::Visit{{}, QDate(2026, 11, 20), domain::VisitStatus::Completed});
        QVERIFY(!wrongKind.ok());

        QVERIFY(!r.retractRecord(*fixedId, QString()).ok());
        QVERIFY(r.retractRecord(*fixedId, QStringLiteral("entered for the wrong patient")).ok());
        QCOMPARE(r.loadPatient(patientId)->peg.size(), 1);
        QCOMPARE(r.patientHistory(patientId)->size(), history->size() + 1);
    }

    void viewsAndChangesAreAuditedAndTheChainVerifies()
    {
        auto registry = create(newPath());
        const auto start = registry->stats()->auditEntries;
        const QString id = *registry->addPatient(samplePatient(QStringLiteral("Audit Test")));
        QVERIFY(registry->loadPatient(id).ok());
        QVERIFY(registry->loadPatient(id).ok());
        QCOMPARE(registry->stats()->auditEntries, start + 3);
        auto report = registry->verifyAudit();
        QVERIFY(report.ok() && report->intact);

        // Someone with the key removes the guard and edits the past: verify notices.
        QVERIFY(registry::RegistryInternals::database(*registry).exec("DROP TRIGGER audit_is_append_only_update").ok());
        QVERIFY(registry::RegistryInternals::database(*registry)
                    .exec("UPDATE audit SET action = 'nothing' WHERE action = 'view_patient'")
                    .ok());
        report = registry->verifyAudit();
        QVERIFY(report.ok());
        QVERIFY(!report->intact);
    }

    void seededClinicRoundTripsThroughTheRegistry()
    {
        auto registry = create(newPath());
        synthetic::Options options;
        options.patients = 60;
        options.seed = 11;
        const auto clinic = synthetic::generateClinic(options);
        auto ids = registry->addPatients(clinic);
        QVERIFY2(ids.ok(), ids.ok() ? "" : qPrintable(ids.error().line()));
        auto all = registry->loadAllPatients(QStringLiteral("test"));
        QVERIFY(all.ok());
        QCOMPARE(all->size(), clinic.size());
        qsizetype records = 0;
        qsizetype stored = 0;
        for (const auto &p : clinic)
            records += p.peg.size() + p.opioids.size() + p.visits.size() + p.screenings.size() + p.uds.size();
        for (const auto &p : *all)
            stored += p.peg.size() + p.opioids.size() + p.visits.size() + p.screenings.size() + p.uds.size();
        QCOMPARE(stored, records);

        // Read again with nothing written: the same patients, and the view is audited again.
        const auto audited = registry->stats()->auditEntries;
        auto again = registry->loadAllPatients(QStringLiteral("test"));
        QVERIFY(again.ok());
        QCOMPARE(*again, *all);
        QCOMPARE(registry->stats()->auditEntries, audited + 1);
        // A write (here a correction of one patient's demographics) shows in the next read.
        domain::Patient changed = all->first();
        changed.phone = QStringLiteral("555-0199");
        QVERIFY(registry->updateDemographics(changed).ok());
        auto after = registry->loadAllPatients(QStringLiteral("test"));
        QVERIFY(after.ok());
        const auto found =
            std::find_if(after->cbegin(), after->cend(), [&](const domain::Patient &p) { return p.id == changed.id; });
        QVERIFY(found != after->cend());
        QCOMPARE(found->phone, QStringLiteral("555-0199"));
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "test_registry.moc"
