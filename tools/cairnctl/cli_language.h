#pragma once
// The language a document cairnctl prints speaks (`report --lang`, `case-summary --lang`): English
// by default, or Spanish from the tablet's own catalogue compiled into cairnctl (:/i18n/cairn_es.qm),
// with the default locale following it for dates and numbers.

#include "core/domain/result.h"

#include <QString>
#include <QTranslator>

namespace cairn::cli {

// Installs `translator` for "es" (empty or "en" is English); an error naming --lang otherwise. The
// translator must outlive the rendering.
Status useDocumentLanguage(const QString &language, QTranslator &translator);

}  // namespace cairn::cli
