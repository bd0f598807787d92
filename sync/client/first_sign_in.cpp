#include "sync/client/first_sign_in.h"

#include "core/keys/keyring.h"
#include "platform/keystore.h"
#include "sync/client/https_channel.h"
#include "sync/protocol/protocol.h"

namespace cairn::sync {

Result<std::unique_ptr<registry::Registry>> signInFirstTime(const QString &databasePath, platform::Keystore &keystore,
                                                            const QString &name, const QString &pin,
                                                            const registry::Clock &clock, int requestTimeoutMs)
{
    auto keyring = keys::Keyring::load(registry::Registry::Paths{databasePath}.keyring());
    if (!keyring)
        return keyring.error();
    if (auto s = keys::validateUserName(name); !s)
        return s.error();
    if (keyring->findUser(name))
        return Error{QStringLiteral("name"),
                     QStringLiteral("already signs in on this tablet: choose your name and enter your PIN")};
    // Checked here too, so that a malformed PIN never travels.
    if (auto s = keys::validatePin(pin); !s)
        return s.error();
    const auto enrollment = keyring->enrollment();
    if (!enrollment)
        return Error{
            QString(),
            QStringLiteral(
                "this tablet is not enrolled with the clinic's server; an administrator must enroll it first")};
    auto credential = keystore.read(credentialName(keyring->registryId()));
    if (!credential)
        return credential.error();
    if (!credential->has_value())
        return Error{
            QString(),
            QStringLiteral("this tablet has lost its server credential; an administrator must enroll it again")};

    HttpsChannel channel(QUrl(enrollment->server), QSslCertificate::fromData(enrollment->caPem, QSsl::Pem),
                         requestTimeoutMs);
    auto response = channel.post("/v1/sign-in", toJson(SignInRequest{name.trimmed(), pin}),
                                 deviceAuthorization(enrollment->deviceId, **credential));
    if (!response)
        return response.error();
    if (response->status == 410) {
        // Revoked: this tablet must not keep the clinic's data.
        if (auto s = registry::Registry::wipe(databasePath, keystore); !s)
            return s.error();
        return Error{QString(), QStringLiteral("the clinic has revoked this tablet; its data has been erased")};
    }
    if (response->status != 200)
        return errorFromReply(response->status, response->body);
    auto vouched = signInResponseFromJson(response->body);
    if (!vouched)
        return vouched.error();
    keys::UserInfo user;
    user.id = vouched->userId;
    user.name = vouched->name;
    if (!keys::parse(vouched->role, &user.role))
        return Error{QStringLiteral("role"), QStringLiteral("the server sent an unknown role")};
    auto escrowBytes = keyFromBase64(vouched->escrowKey, QStringLiteral("escrow_key"));
    if (!escrowBytes)
        return escrowBytes.error();
    const keys::SecretBytes escrowKey = keys::SecretBytes::copyOf(*escrowBytes);
    escrowBytes->fill('\0');
    return registry::Registry::signInVouched(databasePath, keystore, user, pin, escrowKey, clock);
}

}  // namespace cairn::sync
