#pragma once
// Logging categories, one per area, so a field problem can be switched on without a rebuild:
//   QT_LOGGING_RULES="cairn.sync.*.debug=true" cairn ...
// Messages carry counts, states and field names, never patient data (docs/security.md).
// Each category's default threshold is "info": debug lines appear only when switched on.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcPlatform)    // cairn.platform: keystore and device state
Q_DECLARE_LOGGING_CATEGORY(lcSyncClient)  // cairn.sync.client: sync rounds on a tablet
Q_DECLARE_LOGGING_CATEGORY(lcSyncServer)  // cairn.sync.server: the server's store and requests
Q_DECLARE_LOGGING_CATEGORY(lcApp)         // cairn.app: the tablet app's shell (language, screenshots)
