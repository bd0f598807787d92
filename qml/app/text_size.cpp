#include "qml/app/text_size.h"

#include <QSettings>

#include <algorithm>
#include <cmath>

namespace cairn::app {
namespace {
const QString kSettingsKey = QStringLiteral("ui/text_size");
}  // namespace

TextSize::TextSize(bool persist, QObject *parent)
    : QObject(parent)
    , m_persist(persist)
{}

TextSize::~TextSize()
{
    if (instance() == this)
        setInstance(nullptr);
}

bool TextSize::apply(double scale)
{
    if (!(scale >= kSmallest && scale <= kLargest))
        return false;
    m_chosen = true;
    setScale(scale);
    return true;
}

void TextSize::setScale(double scale)
{
    if (std::abs(scale - m_scale) > 1e-9) {
        m_scale = scale;
        emit scaleChanged();
    }
}

void TextSize::followSystem(double systemScale)
{
    // NaN (an unreadable setting) reads as the size as designed.
    const double held = systemScale >= kSmallest ? std::min(systemScale, kLargest) : kSmallest;
    if (!m_chosen)
        setScale(held);
}

bool TextSize::choose(double scale)
{
    if (!apply(scale))
        return false;
    if (m_persist)
        QSettings().setValue(kSettingsKey, scale);
    return true;
}

void TextSize::restore()
{
    if (!m_persist)
        return;
    bool read = false;
    const double saved = QSettings().value(kSettingsKey).toDouble(&read);
    if (read)
        apply(saved);  // a value out of range (edited by hand) leaves the size as designed
}

}  // namespace cairn::app
