#include "tools/cairnctl/cli_language.h"

#include <QCoreApplication>
#include <QLocale>

namespace cairn::cli {

Status useDocumentLanguage(const QString &language, QTranslator &translator)
{
    if (language == QLatin1String("es")) {
        if (!translator.load(QStringLiteral(":/i18n/cairn_es.qm")) || !QCoreApplication::installTranslator(&translator))
            return Error{QStringLiteral("--lang"), QStringLiteral("the Spanish catalogue is missing")};
        QLocale::setDefault(QLocale(QLocale::Spanish));
        return ok();
    }
    if (language.isEmpty() || language == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English));
        return ok();
    }
    return Error{QStringLiteral("--lang"), QStringLiteral("must be en or es")};
}

}  // namespace cairn::cli
