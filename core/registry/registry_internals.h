#pragma once
// The registry's SQLCipher connection, for tests that check or damage the file with raw SQL and for
// benchmarks that measure the bare SQLCipher floor beside a registry operation. Product code goes
// through Registry's methods; nothing under core/, sync/, qml/ or tools/cairnctl includes this.

#include "core/registry/registry.h"
#include "core/storage/database.h"

namespace cairn::registry {

struct RegistryInternals {
    static storage::Database &database(Registry &registry) { return registry.database(); }
    // How many summaries the last whole-registry read parsed (the rest were kept from before).
    static qsizetype summariesParsedLastRead(Registry &registry) { return registry.summariesParsedLastRead(); }
    // How many of them the rules engine recomputed (the others were prepared ahead).
    static int summariesRecomputedLastRead(Registry &registry) { return registry.summariesRecomputedLastRead(); }
};

}  // namespace cairn::registry
