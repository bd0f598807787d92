#include "core/keys/keyring.h"

#include "platform/keystore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>

#include <algorithm>
#include <sodium.h>
#include <tuple>

namespace cairn::keys {

// Why a sign-in is refused, in the catalogue under "cairn::keys::Keyring": the sign-in screen shows
// it in the language the user chose (cairnctl and the server install no translator: English).
struct SignInRefusal {
    Q_DECLARE_TR_FUNCTIONS(cairn::keys::Keyring)
};

namespace {

constexpr int kFormat = 1;
constexpr std::size_t kKeySize = 32;

QString b64(const unsigned char *data, std::size_t size)
{
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)).toBase64());
}

QByteArray unb64(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

Error keyFileError(const QString &path, const QString &what)
{
    return Error{QStringLiteral("keys"), QStringLiteral("the key file %1 %2").arg(path, what)};
}

QByteArray associatedData(const QString &registryId, const QString &userId)
{
    return QStringLiteral("cairn-slot-v%1|%2|%3").arg(kFormat).arg(registryId, userId).toUtf8();
}

// KEK = BLAKE2b(key = device secret, message = Argon2id(PIN, salt)).
Result<SecretBytes> deriveKek(const QString &pin, const QByteArray &salt, const KdfParams &params,
                              const SecretBytes &deviceSecret)
{
    if (salt.size() != crypto_pwhash_SALTBYTES)
        return Error{QStringLiteral("keys"), QStringLiteral("a key slot has a malformed salt")};
    if (deviceSecret.size() != kKeySize)
        return Error{QStringLiteral("device"), QStringLiteral("the device secret is malformed")};
    SecretBytes stretched(kKeySize);
    SecretBytes pinBytes = SecretBytes::copyOf(pin.toUtf8());
    if (crypto_pwhash(stretched.data(), kKeySize, reinterpret_cast<const char *>(pinBytes.data()), pinBytes.size(),
                      reinterpret_cast<const unsigned char *>(salt.constData()), params.opsLimit, params.memLimit,
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Error{QString(), QStringLiteral("not enough memory to derive the key")};
    }
    SecretBytes kek(kKeySize);
    crypto_generichash(kek.data(), kKeySize, stretched.data(), kKeySize, deviceSecret.data(), deviceSecret.size());
    return kek;
}

constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kWrappedSize = kKeySize + crypto_aead_xchacha20poly1305_ietf_ABYTES;

// Wraps a 32-byte key with XChaCha20-Poly1305 under kek, bound to ad: {"nonce", "wrapped_key"}.
QJsonObject seal(const SecretBytes &key, const SecretBytes &kek, const QByteArray &ad)
{
    unsigned char nonce[kNonceSize];
    randombytes_buf(nonce, sizeof nonce);
    unsigned char ciphertext[kWrappedSize];
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(ciphertext, &written, key.data(), key.size(),
                                               reinterpret_cast<const unsigned char *>(ad.constData()),
                                               static_cast<unsigned long long>(ad.size()), nullptr, nonce, kek.data());
    return {{QStringLiteral("nonce"), b64(nonce, sizeof nonce)},
            {QStringLiteral("wrapped_key"), b64(ciphertext, static_cast<std::size_t>(written))}};
}

bool sealedShapeIsValid(const QJsonObject &sealed)
{
    return unb64(sealed.value(QStringLiteral("nonce"))).size() == static_cast<qsizetype>(kNonceSize) &&
           unb64(sealed.value(QStringLiteral("wrapped_key"))).size() == static_cast<qsizetype>(kWrappedSize);
}

// The key sealed by seal(); an error naming `field` (message empty) when kek or ad do not match.
Result<SecretBytes> unseal(const QJsonObject &sealed, const SecretBytes &kek, const QByteArray &ad,
                           const QString &field)
{
    const QByteArray nonce = unb64(sealed.value(QStringLiteral("nonce")));
    const QByteArray wrapped = unb64(sealed.value(QStringLiteral("wrapped_key")));
    SecretBytes key(kKeySize);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            key.data(), &length, nullptr, reinterpret_cast<const unsigned char *>(wrapped.constData()),
            static_cast<unsigned long long>(wrapped.size()), reinterpret_cast<const unsigned char *>(ad.constData()),
            static_cast<unsigned long long>(ad.size()), reinterpret_cast<const unsigned char *>(nonce.constData()),
            kek.data()) != 0) {
        return Error{field, QString()};
    }
    return key;
}

// The escrow slot's key: BLAKE2b(key = device secret, message = the server's escrow key).
SecretBytes escrowKek(const SecretBytes &escrowKey, const SecretBytes &deviceSecret)
{
    SecretBytes kek(kKeySize);
    crypto_generichash(kek.data(), kKeySize, escrowKey.data(), escrowKey.size(), deviceSecret.data(),
                       deviceSecret.size());
    return kek;
}

QByteArray escrowAssociatedData(const QString &registryId, const QString &deviceId)
{
    return QStringLiteral("cairn-escrow-v%1|%2|%3").arg(kFormat).arg(registryId, deviceId).toUtf8();
}

}  // namespace

std::optional<Error> lockedOut(const LockoutState &state, const QString &userName, const QDateTime &now)
{
    if (!state.lockedUntil.isValid() || now >= state.lockedUntil)
        return std::nullopt;
    return Error{QStringLiteral("pin"),
                 SignInRefusal::tr("%1 is locked out after too many wrong PINs until %2 UTC; "
                                   "an administrator can unlock sooner")
                     .arg(userName, state.lockedUntil.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")))};
}

Error countWrongPin(LockoutState &state, const QString &userName, const QDateTime &now)
{
    ++state.failedAttempts;
    if (state.failedAttempts >= kAttemptsBeforeLockout) {
        const QList<qint64> schedule = lockoutSchedule();
        const qint64 seconds = schedule.at(std::min<qsizetype>(state.lockouts, schedule.size() - 1));
        ++state.lockouts;
        state.lockedUntil = now.toUTC().addSecs(seconds);
        return Error{QStringLiteral("pin"),
                     SignInRefusal::tr("Wrong PIN. %1 is now locked out until %2 UTC.")
                         .arg(userName, state.lockedUntil.toString(QStringLiteral("yyyy-MM-dd HH:mm")))};
    }
    const int left = kAttemptsBeforeLockout - state.failedAttempts;
    // Two sentences rather than a %n plural: cairnctl and the server show the source text as it is.
    return Error{QStringLiteral("pin"),
                 left == 1 ? SignInRefusal::tr("Wrong PIN. 1 try left before a lockout.")
                           : SignInRefusal::tr("Wrong PIN. %1 tries left before a lockout.").arg(left)};
}

KdfParams KdfParams::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

KdfParams KdfParams::minimum()
{
    return {2, 19u * 1024u * 1024u};
}

QList<qint64> lockoutSchedule()
{
    return {60, 5 * 60, 15 * 60, 60 * 60, 4 * 60 * 60};
}

Status validatePin(const QString &pin)
{
    if (pin.size() < 4 || pin.size() > 12)
        return Error{QStringLiteral("pin"), QStringLiteral("must be 4 to 12 digits")};
    for (const QChar c : pin) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return Error{QStringLiteral("pin"), QStringLiteral("must contain digits only")};
    }
    return ok();
}

Status validateUserName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{QStringLiteral("name"), QStringLiteral("is required")};
    if (trimmed.size() > 80)
        return Error{QStringLiteral("name"), QStringLiteral("is too long (at most 80 characters)")};
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control)
            return Error{QStringLiteral("name"), QStringLiteral("contains a control character")};
    }
    return ok();
}

namespace {
QString deviceSecretName(const QString &registryId)
{
    return QStringLiteral("device-secret-") + registryId;
}
}  // namespace

Status forgetDeviceSecret(platform::Keystore &keystore, const QString &registryId)
{
    return keystore.remove(deviceSecretName(registryId));
}

Result<SecretBytes> deviceSecret(platform::Keystore &keystore, const QString &registryId, bool createIfMissing)
{
    const QString name = deviceSecretName(registryId);
    auto stored = keystore.read(name);
    if (!stored)
        return stored.error();
    if (stored->has_value()) {
        QByteArray bytes = std::move(**stored);
        SecretBytes secret = SecretBytes::copyOf(bytes);
        sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
        if (secret.size() != kKeySize)
            return Error{QStringLiteral("device"),
                         QStringLiteral("the device secret in the %1 is malformed").arg(keystore.describe())};
        return secret;
    }
    if (!createIfMissing)
        return Error{QStringLiteral("device"), QStringLiteral("this device has no key for the registry (%1); "
                                                              "it was made on another device or its keystore was reset")
                                                   .arg(keystore.describe())};
    SecretBytes secret = SecretBytes::random(kKeySize);
    QByteArray copy(reinterpret_cast<const char *>(secret.data()), static_cast<qsizetype>(kKeySize));
    const Status written = keystore.write(name, copy);
    sodium_memzero(copy.data(), static_cast<size_t>(copy.size()));
    if (!written)
        return written.error();
    return secret;
}

Result<Keyring::Created> Keyring::create(const QString &path, platform::Keystore &keystore, const QString &adminName,
                                         const QString &adminPin, const QDateTime &now, KdfParams params)
{
    if (sodium_init() < 0)
        return Error{QString(), QStringLiteral("libsodium failed to initialise")};
    if (QFile::exists(path))
        return keyFileError(path, QStringLiteral("already exists; refusing to overwrite it"));
    if (auto s = validateUserName(adminName); !s)
        return s.error();
    if (auto s = validatePin(adminPin); !s)
        return s.error();

    Keyring keyring;
    keyring.m_path = path;
    keyring.m_registryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto secret = deviceSecret(keystore, keyring.m_registryId, true);
    if (!secret)
        return secret.error();
    SecretBytes databaseKey = SecretBytes::random(kKeySize);

    Entry admin;
    admin.info = {QUuid::createUuid().toString(QUuid::WithoutBraces),
                  adminName.trimmed(),
                  Role::Administrator,
                  now.toUTC(),
                  0,
                  {}};
    auto slot = keyring.wrap(admin.info.id, adminPin, databaseKey, *secret, params);
    if (!slot)
        return slot.error();
    admin.slot = *slot;
    keyring.m_entries.append(admin);
    if (auto s = keyring.save(); !s)
        return s.error();
    return Created{std::move(keyring), std::move(databaseKey), std::move(secret).value()};
}

Result<Keyring> Keyring::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return keyFileError(path, QStringLiteral("does not exist: no registry here (run init first)"));
    if (!file.open(QIODevice::ReadOnly))
        return keyFileError(path, QStringLiteral("cannot be read"));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return keyFileError(path, QStringLiteral("is damaged (not valid JSON)"));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toInt() != kFormat)
        return keyFileError(path, QStringLiteral("has an unknown format"));
    Keyring keyring;
    keyring.m_path = path;
    keyring.m_registryId = root.value(QStringLiteral("registry_id")).toString();
    for (const QJsonValue &value : root.value(QStringLiteral("users")).toArray()) {
        const QJsonObject o = value.toObject();
        Entry entry;
        entry.info.id = o.value(QStringLiteral("id")).toString();
        entry.info.name = o.value(QStringLiteral("name")).toString();
        if (!parse(o.value(QStringLiteral("role")).toString(), &entry.info.role) || entry.info.id.isEmpty())
            return keyFileError(path, QStringLiteral("is damaged (a user entry is malformed)"));
        entry.info.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
        entry.info.failedAttempts = o.value(QStringLiteral("failed_attempts")).toInt();
        entry.info.lockedUntil = QDateTime::fromString(o.value(QStringLiteral("locked_until")).toString(), Qt::ISODate);
        entry.lockouts = o.value(QStringLiteral("lockouts")).toInt();
        entry.slot = o.value(QStringLiteral("slot")).toObject();
        keyring.m_entries.append(entry);
    }
    if (keyring.m_registryId.isEmpty() || keyring.m_entries.isEmpty())
        return keyFileError(path, QStringLiteral("is damaged (no registry id or no users)"));
    if (const QJsonObject enrolled = root.value(QStringLiteral("enrollment")).toObject(); !enrolled.isEmpty()) {
        keyring.m_enrollment = Enrollment{enrolled.value(QStringLiteral("server")).toString(),
                                          enrolled.value(QStringLiteral("clinic")).toString(),
                                          enrolled.value(QStringLiteral("device_id")).toString(),
                                          enrolled.value(QStringLiteral("ca_pem")).toString().toLatin1()};
        keyring.m_escrowSlot = enrolled.value(QStringLiteral("escrow_slot")).toObject();
    }
    return keyring;
}

Status Keyring::save() const
{
    QJsonArray users;
    for (const Entry &entry : m_entries) {
        users.append(QJsonObject{
            {QStringLiteral("id"), entry.info.id},
            {QStringLiteral("name"), entry.info.name},
            {QStringLiteral("role"), toString(entry.info.role)},
            {QStringLiteral("created"), entry.info.created.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("failed_attempts"), entry.info.failedAttempts},
            {QStringLiteral("locked_until"),
             entry.info.lockedUntil.isValid() ? entry.info.lockedUntil.toUTC().toString(Qt::ISODate) : QString()},
            {QStringLiteral("lockouts"), entry.lockouts},
            {QStringLiteral("slot"), entry.slot},
        });
    }
    QJsonObject root{{QStringLiteral("format"), kFormat},
                     {QStringLiteral("registry_id"), m_registryId},
                     {QStringLiteral("users"), users}};
    if (m_enrollment) {
        root.insert(QStringLiteral("enrollment"),
                    QJsonObject{{QStringLiteral("server"), m_enrollment->server},
                                {QStringLiteral("clinic"), m_enrollment->clinic},
                                {QStringLiteral("device_id"), m_enrollment->deviceId},
                                {QStringLiteral("ca_pem"), QString::fromLatin1(m_enrollment->caPem)},
                                {QStringLiteral("escrow_slot"), m_escrowSlot}});
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return keyFileError(m_path, QStringLiteral("cannot be written"));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return keyFileError(m_path, QStringLiteral("cannot be written"));
    return ok();
}

QList<UserInfo> Keyring::users() const
{
    QList<UserInfo> list;
    for (const Entry &entry : m_entries)
        list.append(entry.info);
    return list;
}

qsizetype Keyring::indexOf(const QString &userId) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).info.id == userId)
            return i;
    return -1;
}

Result<UserInfo> Keyring::findUser(const QString &nameOrId) const
{
    for (const Entry &entry : m_entries) {
        if (entry.info.id == nameOrId || entry.info.name.compare(nameOrId.trimmed(), Qt::CaseInsensitive) == 0)
            return entry.info;
    }
    return Error{QStringLiteral("user"), QStringLiteral("no user named \"%1\"").arg(nameOrId.left(80))};
}

Result<QJsonObject> Keyring::wrap(const QString &userId, const QString &pin, const SecretBytes &databaseKey,
                                  const SecretBytes &deviceSecret, KdfParams params) const
{
    if (params.opsLimit < KdfParams::minimum().opsLimit || params.memLimit < KdfParams::minimum().memLimit)
        return Error{QStringLiteral("kdf"), QStringLiteral("Argon2id limits below the OWASP minimum are refused")};
    QByteArray salt(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    randombytes_buf(salt.data(), static_cast<size_t>(salt.size()));
    auto kek = deriveKek(pin, salt, params, deviceSecret);
    if (!kek)
        return kek.error();
    QJsonObject slot = seal(databaseKey, *kek, associatedData(m_registryId, userId));
    slot.insert(QStringLiteral("kdf"), QStringLiteral("argon2id13"));
    slot.insert(QStringLiteral("salt"), QString::fromLatin1(salt.toBase64()));
    slot.insert(QStringLiteral("opslimit"), static_cast<double>(params.opsLimit));
    slot.insert(QStringLiteral("memlimit"), static_cast<double>(params.memLimit));
    return slot;
}

Result<SecretBytes> Keyring::unwrap(const QString &userId, const QJsonObject &slot, const QString &pin,
                                    const SecretBytes &deviceSecret) const
{
    const KdfParams params{static_cast<unsigned long long>(slot.value(QStringLiteral("opslimit")).toDouble()),
                           static_cast<std::size_t>(slot.value(QStringLiteral("memlimit")).toDouble())};
    if (!sealedShapeIsValid(slot) || params.opsLimit < KdfParams::minimum().opsLimit ||
        params.memLimit < KdfParams::minimum().memLimit)
        return Error{QStringLiteral("keys"), QStringLiteral("the key slot is damaged")};
    auto kek = deriveKek(pin, unb64(slot.value(QStringLiteral("salt"))), params, deviceSecret);
    if (!kek)
        return kek.error();
    return unseal(slot, *kek, associatedData(m_registryId, userId),
                  QStringLiteral("pin"));  // message filled in by the caller
}

Result<SecretBytes> Keyring::unlock(const QString &userId, const QString &pin, const SecretBytes &deviceSecret,
                                    const QDateTime &now)
{
    const qsizetype index = indexOf(userId);
    if (index < 0)
        return Error{QStringLiteral("user"), QStringLiteral("unknown user")};
    Entry &entry = m_entries[index];
    LockoutState lockout{entry.info.failedAttempts, entry.lockouts, entry.info.lockedUntil};
    if (auto refusal = lockedOut(lockout, entry.info.name, now))
        return *refusal;
    if (auto s = validatePin(pin); !s)
        return s.error();
    auto key = unwrap(entry.info.id, entry.slot, pin, deviceSecret);
    if (key) {
        if (entry.info.failedAttempts != 0 || entry.lockouts != 0 || entry.info.lockedUntil.isValid()) {
            entry.info.failedAttempts = 0;
            entry.lockouts = 0;
            entry.info.lockedUntil = {};
            if (auto s = save(); !s)
                return s.error();
        }
        return key;
    }
    if (key.error().field != QLatin1String("pin"))
        return key.error();

    Error wrong = countWrongPin(lockout, entry.info.name, now);
    entry.info.failedAttempts = lockout.failedAttempts;
    entry.lockouts = lockout.lockouts;
    entry.info.lockedUntil = lockout.lockedUntil;
    if (auto s = save(); !s)
        return s.error();
    return wrong;
}

Result<QString> Keyring::addUser(const QString &name, Role role, const QString &pin, const SecretBytes &databaseKey,
                                 const SecretBytes &deviceSecret, const QDateTime &now, KdfParams params)
{
    if (auto s = validateUserName(name); !s)
        return s.error();
    if (auto s = validatePin(pin); !s)
        return s.error();
    const UserInfo user{QUuid::createUuid().toString(QUuid::WithoutBraces), name.trimmed(), role, now.toUTC(), 0, {}};
    if (auto s = adoptUser(user, pin, databaseKey, deviceSecret, params); !s)
        return s.error();
    return user.id;
}

Status Keyring::adoptUser(const UserInfo &user, const QString &pin, const SecretBytes &databaseKey,
                          const SecretBytes &deviceSecret, KdfParams params)
{
    if (auto s = validateUserName(user.name); !s)
        return s;
    if (auto s = validatePin(pin); !s)
        return s;
    if (user.id.trimmed().isEmpty())
        return Error{QStringLiteral("user"), QStringLiteral("has no id")};
    if (findUser(user.name.trimmed()) || indexOf(user.id) >= 0)
        return Error{QStringLiteral("name"),
                     QStringLiteral("a user named \"%1\" already exists").arg(user.name.trimmed())};
    Entry entry;
    entry.info = {user.id, user.name.trimmed(), user.role, user.created.toUTC(), 0, {}};
    auto slot = wrap(entry.info.id, pin, databaseKey, deviceSecret, params);
    if (!slot)
        return slot.error();
    entry.slot = *slot;
    return append(std::move(entry));
}

Status Keyring::append(Entry entry)
{
    m_entries.append(std::move(entry));
    if (auto s = save(); !s) {
        m_entries.removeLast();
        return s;
    }
    return ok();
}

Status Keyring::setEnrollment(const Enrollment &enrollment, const SecretBytes &escrowKey,
                              const SecretBytes &databaseKey, const SecretBytes &deviceSecret)
{
    if (escrowKey.size() != kKeySize || databaseKey.size() != kKeySize)
        return Error{QStringLiteral("escrow"), QStringLiteral("must be a 32-byte key")};
    const auto previous = std::pair{m_enrollment, m_escrowSlot};
    m_enrollment = enrollment;
    m_escrowSlot =
        seal(databaseKey, escrowKek(escrowKey, deviceSecret), escrowAssociatedData(m_registryId, enrollment.deviceId));
    if (auto s = save(); !s) {
        std::tie(m_enrollment, m_escrowSlot) = previous;
        return s;
    }
    return ok();
}

Result<SecretBytes> Keyring::openEscrow(const SecretBytes &escrowKey, const SecretBytes &deviceSecret) const
{
    if (!m_enrollment || !sealedShapeIsValid(m_escrowSlot))
        return Error{QString(),
                     QStringLiteral("this tablet has no escrow slot; an administrator must enroll it again")};
    if (escrowKey.size() != kKeySize)
        return Error{QStringLiteral("escrow"), QStringLiteral("the server sent a malformed escrow key")};
    auto key = unseal(m_escrowSlot, escrowKek(escrowKey, deviceSecret),
                      escrowAssociatedData(m_registryId, m_enrollment->deviceId), QStringLiteral("escrow"));
    if (!key)
        return Error{QStringLiteral("escrow"),
                     QStringLiteral("the server's escrow key does not open this tablet's slot")};
    return key;
}

Status Keyring::changePin(const QString &userId, const QString &newPin, const SecretBytes &databaseKey,
                          const SecretBytes &deviceSecret, KdfParams params)
{
    const qsizetype index = indexOf(userId);
    if (index < 0)
        return Error{QStringLiteral("user"), QStringLiteral("unknown user")};
    if (auto s = validatePin(newPin); !s)
        return s;
    auto slot = wrap(userId, newPin, databaseKey, deviceSecret, params);
    if (!slot)
        return slot.error();
    const Entry before = m_entries.at(index);
    m_entries[index].slot = *slot;
    m_entries[index].info.failedAttempts = 0;
    m_entries[index].info.lockedUntil = {};
    m_entries[index].lockouts = 0;
    if (auto s = save(); !s) {
        m_entries[index] = before;
        return s;
    }
    return ok();
}

Status Keyring::removeUser(const QString &userId)
{
    const qsizetype index = indexOf(userId);
    if (index < 0)
        return Error{QStringLiteral("user"), QStringLiteral("unknown user")};
    if (m_entries.at(index).info.role == Role::Administrator) {
        const auto admins = std::count_if(m_entries.cbegin(), m_entries.cend(),
                                          [](const Entry &e) { return e.info.role == Role::Administrator; });
        if (admins <= 1)
            return Error{QStringLiteral("user"), QStringLiteral("the last administrator cannot be removed")};
    }
    const Entry removed = m_entries.takeAt(index);
    if (auto s = save(); !s) {
        m_entries.insert(index, removed);
        return s;
    }
    return ok();
}

Status Keyring::resetLockout(const QString &userId)
{
    const qsizetype index = indexOf(userId);
    if (index < 0)
        return Error{QStringLiteral("user"), QStringLiteral("unknown user")};
    m_entries[index].info.failedAttempts = 0;
    m_entries[index].info.lockedUntil = {};
    m_entries[index].lockouts = 0;
    return save();
}

}  // namespace cairn::keys
