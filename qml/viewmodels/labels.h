#pragma once
// Words the screens show for domain values, translated (English and Spanish via Qt Linguist).

#include "core/keys/roles.h"

#include <QString>

namespace cairn::app {

QString roleLabel(keys::Role role);
QString tierLabel(const QString &tier);

}  // namespace cairn::app
