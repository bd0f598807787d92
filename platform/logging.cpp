#include "platform/logging.h"

Q_LOGGING_CATEGORY(lcPlatform, "cairn.platform", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncClient, "cairn.sync.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncServer, "cairn.sync.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "cairn.app", QtInfoMsg)
