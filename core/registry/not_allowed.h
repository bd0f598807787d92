#pragma once
// The one refusal a user meets when their role lacks a permission, from the registry's writes, its
// views (views.h) and cairnctl alike: "Your role does not allow <what>." The sentence is in the
// app's translation catalogue (context "NotAllowed"), and so is each phrase a screen can meet
// (views.cpp marks them with QT_TRANSLATE_NOOP). A phrase the catalogue does not know keeps the
// whole sentence in English rather than mixing two languages. cairnctl and the server install no
// translator: they print the English.

#include "core/domain/result.h"

namespace cairn::registry {

// `what`: an English phrase that follows "does not allow", e.g. "adding users".
Error notAllowed(const char *what);
Error notAllowed(const QString &what);

}  // namespace cairn::registry
