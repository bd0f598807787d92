#include "qml/app/text_size.h"

#include <QSettings>

#include <algorithm>
#include <cmath>
#include <utility>

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
    const bool wasChosen = std::exchange(m_chosen, true);
    if (!wasChosen && std::abs(scale - m_scale) <= 1e-9)
        emit scaleChanged();  // the same size, now chosen: followsSystem changed
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
    const bool changed = std::abs(held - m_systemScale) > 1e-9;
    m_systemScale = held;
    if (!m_chosen)
        setScale(held);
    if (changed)
        emit scaleChanged();  // what "Tablet setting" gives changed, even while a choice wins
}

void TextSize::chooseSystem()
{
    if (m_persist)
        QSettings().remove(kSettingsKey);
    const bool wasChosen = std::exchange(m_chosen, false);
    setScale(m_systemScale);
    if (wasChosen)
        emit scaleChanged();  // followsSystem changed, whether or not the size did
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
