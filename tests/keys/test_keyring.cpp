// Key slots: the database key opens only with the right PIN and device secret, survives user
// changes unchanged, never appears in the key file, and lockouts persist across restarts.

#include "core/keys/keyring.h"
#include "platform/keystore.h"
#include "tests/support/temp_registry.h"

#include <QTest>

using namespace cairn;
using namespace cairn::keys;

namespace {
const QDateTime kStart(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
}

class TestKeyring : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    platform::MemoryKeystore m_keystore;
    int m_counter = 0;

    Keyring::Created fresh()
    {
        auto created =
            Keyring::create(m_dir.filePath(QStringLiteral("r%1.db.keys").arg(++m_counter)), m_keystore,
                            QStringLiteral("Alex Admin"), QStringLiteral("246810"), kStart, KdfParams::minimum());
        if (!created)
            qFatal("%s", qPrintable(created.error().line()));
        return std::move(created).value();
    }

private slots:
    void rightPinAndDeviceOpenTheSlot()
    {
        auto c = fresh();
        const QString admin = c.keyring.users().first().id;
        auto key = c.keyring.unlock(admin, QStringLiteral("246810"), c.deviceSecret, kStart);
        QVERIFY(key.ok());
        QVERIFY(key->equals(c.databaseKey));
        QCOMPARE(key->size(), 32u);
    }

    void wrongPinOrWrongDeviceFails()
    {
        auto c = fresh();
        const QString admin = c.keyring.users().first().id;
        auto wrongPin = c.keyring.unlock(admin, QStringLiteral("246811"), c.deviceSecret, kStart);
        QVERIFY(!wrongPin.ok());
        QCOMPARE(wrongPin.error().field, QStringLiteral("pin"));
        QVERIFY(wrongPin.error().message.contains(QStringLiteral("4 tries left")));

        const SecretBytes otherDevice = SecretBytes::random(32);
        QVERIFY(!c.keyring.unlock(admin, QStringLiteral("246810"), otherDevice, kStart).ok());
    }

    void tamperedSlotFails()
    {
        auto c = fresh();
        QFile file(c.keyring.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        // Change one character of the wrapped key.
        const qsizetype at = text.indexOf("\"wrapped_key\": \"") + 17;
        text[at] = text[at] == 'A' ? 'B' : 'A';
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
        file.close();
        auto loaded = Keyring::load(c.keyring.path());
        QVERIFY(loaded.ok());
        QVERIFY(!loaded->unlock(loaded->users().first().id, QStringLiteral("246810"), c.deviceSecret, kStart).ok());
    }

    void keyFileHoldsNoKeyMaterial()
    {
        auto c = fresh();
        const QByteArray file = cairn::testing::fileBytes(c.keyring.path());
        const QByteArray raw(reinterpret_cast<const char *>(c.databaseKey.data()), 32);
        const QByteArray secret(reinterpret_cast<const char *>(c.deviceSecret.data()), 32);
        for (const QByteArray &material : {raw, secret}) {
            QVERIFY(!file.contains(material));
            QVERIFY(!file.contains(material.toHex()));
            QVERIFY(!file.contains(material.toBase64()));
            QVERIFY(!file.contains(material.toBase64().left(40)));
        }
        QVERIFY(!file.contains("246810"));
        QCOMPARE(QFile::permissions(c.keyring.path()) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
    }

    void lockoutAfterFiveWrongPinsPersistsAcrossRestartAndGrows()
    {
        auto c = fresh();
        const QString admin = c.keyring.users().first().id;
        const QString path = c.keyring.path();
        QDateTime now = kStart;
        for (int i = 0; i < 4; ++i)
            QVERIFY(!c.keyring.unlock(admin, QStringLiteral("999999"), c.deviceSecret, now).ok());
        auto fifth = c.keyring.unlock(admin, QStringLiteral("999999"), c.deviceSecret, now);
        QVERIFY(fifth.error().message.contains(QStringLiteral("locked out until")));

        // A restart: the key file is read again, and the lockout is still there.
        auto reloaded = Keyring::load(path);
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded->users().first().failedAttempts, 5);
        QCOMPARE(reloaded->users().first().lockedUntil, now.addSecs(60));
        auto whileLocked = reloaded->unlock(admin, QStringLiteral("246810"), c.deviceSecret, now.addSecs(59));
        QVERIFY(!whileLocked.ok());
        QVERIFY(whileLocked.error().message.contains(QStringLiteral("locked out")));

        // After the first delay, another wrong PIN locks for longer (5 minutes).
        now = now.addSecs(61);
        QVERIFY(!reloaded->unlock(admin, QStringLiteral("999999"), c.deviceSecret, now).ok());
        QCOMPARE(reloaded->users().first().lockedUntil, now.addSecs(5 * 60));
        now = now.addSecs(5 * 60 + 1);
        QVERIFY(!reloaded->unlock(admin, QStringLiteral("999999"), c.deviceSecret, now).ok());
        QCOMPARE(reloaded->users().first().lockedUntil, now.addSecs(15 * 60));

        // The right PIN after the delay opens and clears the count.
        now = now.addSecs(15 * 60 + 1);
        QVERIFY(reloaded->unlock(admin, QStringLiteral("246810"), c.deviceSecret, now).ok());
        QCOMPARE(Keyring::load(path)->users().first().failedAttempts, 0);
    }

    void administratorCanClearALockout()
    {
        auto c = fresh();
        const QString admin = c.keyring.users().first().id;
        for (int i = 0; i < 5; ++i)
            (void)c.keyring.unlock(admin, QStringLiteral("999999"), c.deviceSecret, kStart);
        QVERIFY(c.keyring.resetLockout(admin).ok());
        QVERIFY(c.keyring.unlock(admin, QStringLiteral("246810"), c.deviceSecret, kStart).ok());
    }

    void userChangesRewrapTheSameDatabaseKey()
    {
        auto c = fresh();
        auto nurse = c.keyring.addUser(QStringLiteral("Nico Nurse"), Role::Nurse, QStringLiteral("3579"), c.databaseKey,
                                       c.deviceSecret, kStart, KdfParams::minimum());
        QVERIFY(nurse.ok());
        auto nurseKey = c.keyring.unlock(*nurse, QStringLiteral("3579"), c.deviceSecret, kStart);
        QVERIFY(nurseKey.ok() && nurseKey->equals(c.databaseKey));

        QVERIFY(c.keyring.changePin(*nurse, QStringLiteral("8642"), c.databaseKey, c.deviceSecret, KdfParams::minimum())
                    .ok());
        auto reloaded = Keyring::load(c.keyring.path());
        QVERIFY(!reloaded->unlock(*nurse, QStringLiteral("3579"), c.deviceSecret, kStart).ok());
        auto changed = reloaded->unlock(*nurse, QStringLiteral("8642"), c.deviceSecret, kStart);
        QVERIFY(changed.ok() && changed->equals(c.databaseKey));

        QVERIFY(reloaded->removeUser(*nurse).ok());
        QVERIFY(!Keyring::load(c.keyring.path())->findUser(QStringLiteral("Nico Nurse")).ok());
        auto admin = Keyring::load(c.keyring.path())
                         ->unlock(reloaded->users().first().id, QStringLiteral("246810"), c.deviceSecret, kStart);
        QVERIFY(admin.ok() && admin->equals(c.databaseKey));
    }

    void lastAdministratorStays()
    {
        auto c = fresh();
        auto removed = c.keyring.removeUser(c.keyring.users().first().id);
        QVERIFY(!removed.ok());
        QVERIFY(removed.error().message.contains(QStringLiteral("last administrator")));
    }

    void badNamesAndPinsAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("field");
        QTest::newRow("short pin") << QStringLiteral("A") << QStringLiteral("123") << QStringLiteral("pin");
        QTest::newRow("letters") << QStringLiteral("A") << QStringLiteral("12ab") << QStringLiteral("pin");
        QTest::newRow("long pin") << QStringLiteral("A") << QStringLiteral("1234567890123") << QStringLiteral("pin");
        QTest::newRow("no name") << QStringLiteral("  ") << QStringLiteral("1234") << QStringLiteral("name");
        QTest::newRow("duplicate") << QStringLiteral("alex admin") << QStringLiteral("1234") << QStringLiteral("name");
    }

    void badNamesAndPinsAreRefusedNamingTheField()
    {
        QFETCH(QString, name);
        QFETCH(QString, pin);
        QFETCH(QString, field);
        auto c = fresh();
        auto added =
            c.keyring.addUser(name, Role::Nurse, pin, c.databaseKey, c.deviceSecret, kStart, KdfParams::minimum());
        QVERIFY(!added.ok());
        QCOMPARE(added.error().field, field);
        QCOMPARE(Keyring::load(c.keyring.path())->users().size(), 1);
    }

    void existingKeyFileIsNeverOverwritten()
    {
        auto c = fresh();
        const QByteArray before = cairn::testing::fileBytes(c.keyring.path());
        auto again = Keyring::create(c.keyring.path(), m_keystore, QStringLiteral("B"), QStringLiteral("1234"), kStart,
                                     KdfParams::minimum());
        QVERIFY(!again.ok());
        QCOMPARE(cairn::testing::fileBytes(c.keyring.path()), before);
    }

    void escrowSlotOpensOnlyWithTheServersKeyOnThisDevice()
    {
        auto c = fresh();
        const SecretBytes escrowKey = SecretBytes::random(32);
        const Enrollment enrollment{QStringLiteral("https://sync.example:8443"), QStringLiteral("clinic-a"),
                                    QStringLiteral("device-1"), QByteArrayLiteral("-----BEGIN CERTIFICATE-----\n")};
        QVERIFY(c.keyring.setEnrollment(enrollment, escrowKey, c.databaseKey, c.deviceSecret).ok());

        // Survives a reload; opens with the server's key on this device only.
        auto reloaded = Keyring::load(c.keyring.path());
        QVERIFY(reloaded.ok());
        QVERIFY(reloaded->enrollment().has_value());
        QCOMPARE(reloaded->enrollment()->clinic, QStringLiteral("clinic-a"));
        QCOMPARE(reloaded->enrollment()->caPem, enrollment.caPem);
        auto opened = reloaded->openEscrow(escrowKey, c.deviceSecret);
        QVERIFY(opened.ok());
        QVERIFY(opened->equals(c.databaseKey));
        QCOMPARE(reloaded->openEscrow(SecretBytes::random(32), c.deviceSecret).error().field, QStringLiteral("escrow"));
        QCOMPARE(reloaded->openEscrow(escrowKey, SecretBytes::random(32)).error().field, QStringLiteral("escrow"));

        // Neither the escrow key nor the database key is in the file.
        const QByteArray file = cairn::testing::fileBytes(c.keyring.path());
        for (const SecretBytes *material : {&escrowKey, static_cast<const SecretBytes *>(&c.databaseKey)}) {
            const QByteArray raw(reinterpret_cast<const char *>(material->data()), 32);
            QVERIFY(!file.contains(raw));
            QVERIFY(!file.contains(raw.toBase64().left(40)));
            QVERIFY(!file.contains(raw.toHex()));
        }
    }

    void notEnrolledHasNoEscrow()
    {
        auto c = fresh();
        QVERIFY(!c.keyring.enrollment().has_value());
        QVERIFY(!c.keyring.openEscrow(SecretBytes::random(32), c.deviceSecret).ok());
    }

    void adoptedUserKeepsTheGivenIdAndUnlocks()
    {
        auto c = fresh();
        const UserInfo nurse{QStringLiteral("server-user-7"), QStringLiteral("Noor Nurse"), Role::Nurse, kStart, 0, {}};
        QVERIFY(
            c.keyring.adoptUser(nurse, QStringLiteral("135790"), c.databaseKey, c.deviceSecret, KdfParams::minimum())
                .ok());
        auto found = c.keyring.findUser(QStringLiteral("noor nurse"));
        QVERIFY(found.ok());
        QCOMPARE(found->id, QStringLiteral("server-user-7"));
        auto key = c.keyring.unlock(found->id, QStringLiteral("135790"), c.deviceSecret, kStart);
        QVERIFY(key.ok());
        QVERIFY(key->equals(c.databaseKey));
        // The same name or id twice is refused, naming the field.
        QCOMPARE(
            c.keyring.adoptUser(nurse, QStringLiteral("135790"), c.databaseKey, c.deviceSecret, KdfParams::minimum())
                .error()
                .field,
            QStringLiteral("name"));
    }

    void kdfBelowTheFloorIsRefused()
    {
        auto c = fresh();
        auto weak = c.keyring.addUser(QStringLiteral("W"), Role::Nurse, QStringLiteral("1234"), c.databaseKey,
                                      c.deviceSecret, kStart, KdfParams{1, 1024 * 1024});
        QVERIFY(!weak.ok());
    }
};

QTEST_GUILESS_MAIN(TestKeyring)
#include "test_keyring.moc"
