#pragma once
// Words the screens show for domain values, translated (English and Spanish via Qt Linguist).

#include "core/keys/roles.h"

#include <QString>

namespace cairn::app {

QString roleLabel(keys::Role role);
QString tierLabel(const QString &tier);
// Short, plain names of care gaps and their status, for chips that are never colour alone.
QString gapLabel(const QString &code);
QString gapStatusLabel(const QString &status);

}  // namespace cairn::app
