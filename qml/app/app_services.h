#pragma once
// What the view models share, made once in main(): where the registry is, the keystore that holds
// the device secret, the clock, and the database thread. Not a QML type.

#include "core/registry/clock.h"
#include "core/registry/registry_thread.h"

#include <QString>

#include <memory>

namespace cairn::platform {
class Keystore;
}

namespace cairn::app {

struct AppServices {
    QString databasePath;
    platform::Keystore *keystore = nullptr;
    const registry::Clock *clock = nullptr;
    registry::RegistryThread *thread = nullptr;
};

}  // namespace cairn::app
