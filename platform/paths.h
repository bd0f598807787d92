#pragma once
// Where Cairn keeps its files on each platform (app-private storage on tablets).

#include <QString>

namespace cairn::platform {

// CAIRN_DATA_DIR if set, else the platform's app data location; created with owner-only access.
QString defaultDataDir();
QString defaultRegistryPath();

}  // namespace cairn::platform
