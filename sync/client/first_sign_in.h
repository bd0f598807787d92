#pragma once
// A clinic user's first sign-in on a tablet happens online: the tablet asks its sync server, with
// its device credential, to vouch for the name and PIN; the server answers with the user's id and
// role and the tablet's escrow key, and the tablet adds the user's own key slot. Every later
// sign-in of that user on this tablet needs only the PIN and works offline.
//
// Runs with the registry locked (nobody needs to be signed in), so it reads the server, clinic and
// CA from the key file, where enrollment left them. Waits on the network with a local event loop:
// call it off the UI thread.

#include "core/registry/registry.h"

#include <memory>

namespace cairn::sync {

// The registry unlocked as the newly signed-in user. Errors name "name" (unknown, or already on
// this tablet), "pin" (wrong, locked out), "server" (unreachable), or none (not enrolled, revoked:
// a revoked tablet is wiped before this returns).
Result<std::unique_ptr<registry::Registry>> signInFirstTime(const QString &databasePath, platform::Keystore &keystore,
                                                            const QString &name, const QString &pin,
                                                            const registry::Clock &clock,
                                                            int requestTimeoutMs = 60'000);

}  // namespace cairn::sync
