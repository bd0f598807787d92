#pragma once
// Clinical data files (MME tables, instruments, default policy) live in assets/clinical and are
// loaded and validated once; a broken file is a clear error naming the file and field.

#include "core/domain/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace cairn::clinical {

// CAIRN_ASSETS_DIR/clinical if set, else the source tree's assets/clinical.
QString clinicalAssetsDir();
Result<QJsonObject> loadJsonAsset(const QString &relativePath);

// A text of an asset in one language. Texts are either a plain string (English only) or an object
// of languages ({"en": ..., "es": ...}); a language the text lacks falls back to English.
QString textIn(const QJsonValue &text, const QString &language);

}  // namespace cairn::clinical
