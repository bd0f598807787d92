#include "core/keys/pin_verifier.h"

#include "core/keys/keyring.h"
#include "core/keys/secret_bytes.h"

#include <sodium.h>

namespace cairn::keys {

Result<QString> makePinVerifier(const QString &pin)
{
    if (auto s = validatePin(pin); !s)
        return s.error();
    if (sodium_init() < 0)
        return Error{QString(), QStringLiteral("libsodium failed to initialise")};
    const SecretBytes pinBytes = SecretBytes::copyOf(pin.toUtf8());
    char verifier[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(verifier, reinterpret_cast<const char *>(pinBytes.data()), pinBytes.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{QString(), QStringLiteral("not enough memory to derive the PIN verifier")};
    return QString::fromLatin1(verifier);
}

bool pinMatches(const QString &verifier, const QString &pin)
{
    if (sodium_init() < 0)
        return false;
    const QByteArray stored = verifier.toLatin1();
    if (stored.isEmpty() || stored.size() >= static_cast<qsizetype>(crypto_pwhash_STRBYTES))
        return false;
    const SecretBytes pinBytes = SecretBytes::copyOf(pin.toUtf8());
    return crypto_pwhash_str_verify(stored.constData(), reinterpret_cast<const char *>(pinBytes.data()),
                                    pinBytes.size()) == 0;
}

}  // namespace cairn::keys
