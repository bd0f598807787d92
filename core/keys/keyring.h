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
#include "core/keys/secret_bytes.h"
#include "core/roles/roles.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

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

// One user's wrong-PIN state. The tablet keeps it in the key file; the server keeps its own for
// online first sign-ins. Both count and lock out by the same rules.
struct LockoutState {
    int failedAttempts = 0;
    int lockouts = 0;       // lockouts since the last successful sign-in
    QDateTime lockedUntil;  // null when not locked
};
// The refusal to give while `state` is locked at `now`, if it is.
std::optional<Error> lockedOut(const LockoutState &state, const QString &userName, const QDateTime &now);
// Counts a wrong PIN (locking out after kAttemptsBeforeLockout) and returns the message to show.
Error countWrongPin(LockoutState &state, const QString &userName, const QDateTime &now);

// What a locked tablet needs to reach its sync server for a user's first sign-in: nothing secret.
// Kept in the key file because the registry's own copy is encrypted with the key it helps recover.
struct Enrollment {
    QString server;  // https://host:port
    QString clinic;
    QString deviceId;
    QByteArray caPem;  // the only certificate authority the tablet trusts
};

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
    // Adds a slot for a user whose id was given elsewhere (the clinic's server), so that records
    // they write carry the same author on every tablet.
    Status adoptUser(const UserInfo &user, const QString &pin, const SecretBytes &databaseKey,
                     const SecretBytes &deviceSecret, KdfParams params = KdfParams::interactive());

    // Enrollment with a sync server. The escrow slot wraps the database key with a key held only
    // by the server (combined with the device secret), so a clinic user the server vouches for can
    // get a key slot on a locked tablet; the tablet alone, or the server alone, cannot open it.
    [[nodiscard]] std::optional<Enrollment> enrollment() const { return m_enrollment; }
    Status setEnrollment(const Enrollment &enrollment, const SecretBytes &escrowKey, const SecretBytes &databaseKey,
                         const SecretBytes &deviceSecret);
    Result<SecretBytes> openEscrow(const SecretBytes &escrowKey, const SecretBytes &deviceSecret) const;
    Status changePin(const QString &userId, const QString &newPin, const SecretBytes &databaseKey,
                     const SecretBytes &deviceSecret, KdfParams params = KdfParams::interactive());
    // Refuses to remove the last administrator.
    Status removeUser(const QString &userId);
    Status resetLockout(const QString &userId);

private:
    struct Entry {
        UserInfo info;
        int lockouts = 0;  // lockouts since the last successful unlock
        QJsonObject slot;
    };
    Status append(Entry entry);
    Status save() const;
    qsizetype indexOf(const QString &userId) const;
    Result<QJsonObject> wrap(const QString &userId, const QString &pin, const SecretBytes &databaseKey,
                             const SecretBytes &deviceSecret, KdfParams params) const;
    Result<SecretBytes> unwrap(const QString &userId, const QJsonObject &slot, const QString &pin,
                               const SecretBytes &deviceSecret) const;

    QString m_path;
    QString m_registryId;
    QList<Entry> m_entries;
    std::optional<Enrollment> m_enrollment;
    QJsonObject m_escrowSlot;
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
