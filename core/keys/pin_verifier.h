#pragma once
// PIN verifiers for a server that vouches for clinic users: Argon2id (libsodium's string form:
// algorithm, limits, salt and hash), so the server never stores a PIN or anything it could be
// read back from.

#include "core/domain/result.h"

#include <QString>

namespace cairn::keys {

// Validates the PIN (4 to 12 digits) and returns its verifier.
Result<QString> makePinVerifier(const QString &pin);
// Whether pin matches verifier; a malformed verifier never matches.
bool pinMatches(const QString &verifier, const QString &pin);

}  // namespace cairn::keys
