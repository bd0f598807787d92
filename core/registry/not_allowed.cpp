#include "core/registry/not_allowed.h"

#include <QCoreApplication>

namespace cairn::registry {
namespace {
const char kSentence[] = QT_TRANSLATE_NOOP("NotAllowed", "Your role does not allow %1.");
}

Error notAllowed(const char *what)
{
    const QString english = QString::fromUtf8(what);
    const QString translated = QCoreApplication::translate("NotAllowed", what);
    // English, or a phrase without a translation: the whole sentence stays English.
    const QString sentence =
        translated == english ? QString::fromUtf8(kSentence) : QCoreApplication::translate("NotAllowed", kSentence);
    return Error{QString(), sentence.arg(translated), ErrorCode::NotAllowed};
}

Error notAllowed(const QString &what)
{
    return notAllowed(what.toUtf8().constData());
}

}  // namespace cairn::registry
