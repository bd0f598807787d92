#pragma once
// Versioned schema migrations. The schema version is SQLite's user_version; each step runs in one
// transaction with its version bump, so a crash leaves the registry at the old or the new version,
// never between. Steps are only ever appended: a shipped step is never edited.

#include "core/domain/result.h"

namespace cairn::storage {

class Database;

// The version this build's schema reaches.
int latestSchemaVersion();
// Brings the database to latestSchemaVersion(). Refuses a database newer than this build.
Status migrate(Database &db);

}  // namespace cairn::storage
