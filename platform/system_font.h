#pragma once
// The size the user chose for text in the system's settings, as a factor of the standard size
// (1.3 for "large" on a tablet). The app's text size follows it until the user chooses one in
// Cairn (qml/app/text_size.h).

namespace cairn::platform {

// Android: the configuration's fontScale. Elsewhere 1.0: desktop platforms report a default font
// whose size against a "standard" one is no reliable measure of what the user asked for.
double systemFontScale();

}  // namespace cairn::platform
