// Keystores and the role table.

#include "core/keys/keyring.h"
#include "core/roles/roles.h"
#include "platform/keystore.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;

class TestKeystoreRoles : public QObject {
    Q_OBJECT
private slots:
    void fileKeystoreKeepsSecretsOwnerOnly()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("keys"));
        platform::FileKeystore keystore(store);
        QVERIFY(keystore.write(QStringLiteral("device-secret-x"), QByteArray(32, '\x07')).ok());
        auto read = keystore.read(QStringLiteral("device-secret-x"));
        QVERIFY(read.ok() && read->has_value());
        QCOMPARE(**read, QByteArray(32, '\x07'));
        const QFileInfo file(store + QStringLiteral("/device-secret-x.secret"));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QCOMPARE(QFileInfo(store).permissions() & (QFileDevice::ReadOther | QFileDevice::ExeOther),
                 QFileDevice::Permissions());
        QVERIFY(keystore.remove(QStringLiteral("device-secret-x")).ok());
        QVERIFY(!keystore.read(QStringLiteral("device-secret-x"))->has_value());
        QVERIFY(!keystore.write(QStringLiteral("../escape"), "x").ok());
    }

    void keystoreSpecIsParsed()
    {
        QVERIFY(platform::keystoreFromSpec(QStringLiteral("memory")).ok());
        QVERIFY(platform::keystoreFromSpec(QStringLiteral("file:/tmp/x")).ok());
        auto bad = platform::keystoreFromSpec(QStringLiteral("vault"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("CAIRN_KEYSTORE"));
    }

    void deviceSecretIsMadeOnceAndMissingOneIsAClearError()
    {
        platform::MemoryKeystore keystore;
        QVERIFY(!keys::deviceSecret(keystore, QStringLiteral("reg"), false).ok());
        auto made = keys::deviceSecret(keystore, QStringLiteral("reg"), true);
        auto again = keys::deviceSecret(keystore, QStringLiteral("reg"), false);
        QVERIFY(made.ok() && again.ok());
        QVERIFY(made->equals(*again));
    }

    void rolesHaveWhatTheirWorkNeeds()
    {
        using keys::Permission;
        using keys::Role;
        QVERIFY(keys::can(Role::MedicalAssistant, Permission::RecordRooming));
        QVERIFY(!keys::can(Role::MedicalAssistant, Permission::RecordClinicalDecision));
        QVERIFY(!keys::can(Role::MedicalAssistant, Permission::ManageUsers));
        QVERIFY(keys::can(Role::Nurse, Permission::RecordRooming));
        QVERIFY(keys::can(Role::Clinician, Permission::RecordClinicalDecision));
        QVERIFY(!keys::can(Role::Clinician, Permission::ManageUsers));
        QVERIFY(keys::can(Role::RegistryManager, Permission::ResolveConflicts));
        QVERIFY(!keys::can(Role::RegistryManager, Permission::RecordClinicalDecision));
        // The registry manager runs the front desk's book: visits and refill requests, not rooming.
        QVERIFY(keys::can(Role::RegistryManager, Permission::BookVisits));
        QVERIFY(!keys::can(Role::RegistryManager, Permission::RecordRooming));
        QVERIFY(!keys::can(Role::Administrator, Permission::BookVisits));
        QVERIFY(keys::can(Role::Administrator, Permission::ManageUsers));
        QVERIFY(keys::can(Role::Administrator, Permission::EditPolicy));
        QVERIFY(!keys::can(Role::Administrator, Permission::RecordClinicalDecision));
        // The front desk: refill requests, booking and patient details; no clinical entry.
        QVERIFY(keys::can(Role::FrontDesk, Permission::BookVisits));
        QVERIFY(keys::can(Role::FrontDesk, Permission::EditDemographics));
        QVERIFY(!keys::can(Role::FrontDesk, Permission::RecordRooming));
        QVERIFY(!keys::can(Role::FrontDesk, Permission::RecordClinicalDecision));
        QVERIFY(!keys::can(Role::FrontDesk, Permission::ManageUsers));
        QVERIFY(!keys::mayBeResponsibleFor(Role::FrontDesk, domain::WriteRight::Rooming));
        QVERIFY(!keys::mayBeResponsibleFor(Role::FrontDesk, domain::WriteRight::ClinicalDecision));
        // The registry manager may be given a rooming check (the PDMP), never a clinical decision.
        QVERIFY(keys::mayBeResponsibleFor(Role::RegistryManager, domain::WriteRight::Rooming));
        QVERIFY(!keys::mayBeResponsibleFor(Role::RegistryManager, domain::WriteRight::ClinicalDecision));
        QVERIFY(!keys::mayBeResponsibleFor(Role::Administrator, domain::WriteRight::Booking));
        QCOMPARE(keys::roleNamesForMessage(),
                 QStringLiteral("medical_assistant, nurse, clinician, registry_manager, administrator or front_desk"));
        for (auto role : keys::kAllRoles) {
            keys::Role parsed{};
            QVERIFY(keys::parse(keys::toString(role), &parsed));
            QVERIFY(parsed == role);
            QVERIFY(keys::can(role, Permission::ViewPatient));
            // The program shares its measures with the whole staff.
            QVERIFY(keys::can(role, Permission::ViewMeasures));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeystoreRoles)
#include "test_keystore_roles.moc"
