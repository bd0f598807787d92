#include "qml/app/numbers.h"

#include <QLocale>

namespace cairn::app {

QString decimalText(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString numberText(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

}  // namespace cairn::app
