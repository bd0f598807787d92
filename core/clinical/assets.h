#pragma once
// Clinical data files (MME tables, instruments, default policy) live in assets/clinical and are
// loaded and validated once; a broken file is a clear error naming the file and field.

#include "core/domain/result.h"

#include <QJsonObject>
#include <QString>

namespace cairn::clinical {

// CAIRN_ASSETS_DIR/clinical if set, else the source tree's assets/clinical.
QString clinicalAssetsDir();
Result<QJsonObject> loadJsonAsset(const QString &relativePath);

}  // namespace cairn::clinical
