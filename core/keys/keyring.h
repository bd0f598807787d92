#pragma once
// Key slots: the registry's database key, wrapped once per user. A slot opens with that user's
// PIN (stretched by Argon2id) combined with the device secret from the platform keystore, so a
// copied registry file plus its key file cannot be brute-forced off the tablet. Adding a user,
// changing a PIN and removing a user re-wrap slots only; the database is never re-encrypted.
//
// The key file (`<registry>.keys`, JSON, written atomically, mode 0600) holds nothing secret in
// clear: per user a salt, Argon2id limits, a nonce, the wrapped key, and the lockout state, which
// therefore survives a restart.

#include "core/domain/result.h"
#include "core/keys/roles.h"
#include "core/keys/secret_bytes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cairn::platform {
class Keystore;
}

namespace cairn::keys {

struct KdfParams {
    unsigned long long opsLimit = 0;
    std::size_t memLimit = 0;
    static KdfParams interactive();  // libsodium's interactive limits: 2 passes, 64 MiB
    static KdfParams minimum();      // OWASP's floor for Argon2id: 2 passes, 19 MiB (tests)
};

struct UserInfo {
    QString id;
    QString name;
    Role role = Role::MedicalAssistant;
    QDateTime created;
    int failedAttempts = 0;
    QDateTime lockedUntil;  // null when not locked
};

// How many wrong PINs lock a user out, and for how long each successive lockout lasts.
constexpr int kAttemptsBeforeLockout = 5;
QList<qint64> lockoutSchedule();  // seconds: 1 min, 5 min, 15 min, 1 h, then 4 h

Status validatePin(const QString &pin);
Status validateUserName(const QString &name);

class Keyring {
public:
    struct Created;

    // Makes a new key file with a fresh registry id, database key and device secret (stored in
    // the keystore); its first user is an administrator. Refuses to overwrite an existing file.
    static Result<Created> create(const QString &path, platform::Keystore &keystore, const QString &adminName,
                                  const QString &adminPin, const QDateTime &now,
                                  KdfParams params = KdfParams::interactive());
    static Result<Keyring> load(const QString &path);

    [[nodiscard]] QString registryId() const { return m_registryId; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QList<UserInfo> users() const;
    // By id, or by name (case-insensitive).
    [[nodiscard]] Result<UserInfo> findUser(const QString &nameOrId) const;

    // The database key, if pin opens the user's slot. A wrong PIN is counted and saved before
    // this returns; while locked out, nothing is tried.
    Result<SecretBytes> unlock(const QString &userId, const QString &pin, const SecretBytes &deviceSecret,
                               const QDateTime &now);

    Result<QString> addUser(const QString &name, Role role, const QString &pin, const SecretBytes &databaseKey,
                            const SecretBytes &deviceSecret, const QDateTime &now,
                            KdfParams params = KdfParams::interactive());
    Status changePin(const QString &userId, const QString &newPin, const SecretBytes &databaseKey,
                     const SecretBytes &deviceSecret, KdfParams params = KdfParams::interactive());
    // Refuses to remove the last administrator.
    Status removeUser(const QString &userId);
    Status resetLockout(const QString &userId);

private:
    struct Entry {
        UserInfo info;
        int lockouts = 0;       // lockouts since the last successful unlock
        QJsonObject slot;
    };
    Status save() const;
    qsizetype indexOf(const QString &userId) const;
    Result<QJsonObject> wrap(const QString &userId, const QString &pin, const SecretBytes &databaseKey,
                             const SecretBytes &deviceSecret, KdfParams params) const;
    Result<SecretBytes> unwrap(const QString &userId, const QJsonObject &slot, const QString &pin,
                               const SecretBytes &deviceSecret) const;

    QString m_path;
    QString m_registryId;
    QList<Entry> m_entries;
};

struct Keyring::Created {
    Keyring keyring;
    SecretBytes databaseKey;
    SecretBytes deviceSecret;
};

// The device secret for a registry, from the keystore; made (32 random bytes) when asked to.
Result<SecretBytes> deviceSecret(platform::Keystore &keystore, const QString &registryId, bool createIfMissing);
// Removes the device secret of a registry (wiping a revoked device).
Status forgetDeviceSecret(platform::Keystore &keystore, const QString &registryId);

}  // namespace cairn::keys
