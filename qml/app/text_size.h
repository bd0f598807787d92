#pragma once
// The size of the screens' text, chosen on the tablet for users who need larger text: every size
// of Theme's type scale is multiplied by it (1, as designed, to 2), so text grows while layouts
// reflow and targets stay at least 48 px. Remembered with QSettings like the language: a device
// preference, not patient data. `cairn --font-scale` sets it for one run without remembering.
// Until a size is chosen (in Cairn, remembered, or for the run) it follows the system's font
// scale (platform/system_font.h), so large system fonts give large text from the first screen.

#include "qml/app/singleton_instance.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <type_traits>

namespace cairn::app {

class TextSize : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(double scale READ scale NOTIFY scaleChanged)
    // No size is chosen: the size in force is the system's (held to 1-2).
    Q_PROPERTY(bool followsSystem READ followsSystem NOTIFY scaleChanged)
    // The system's font scale, held to 1-2 (1 where the platform gives none), chosen or not: what
    // "Tablet setting" gives.
    Q_PROPERTY(double systemScale READ systemScale NOTIFY scaleChanged)

public:
    static constexpr double kSmallest = 1.0;
    static constexpr double kLargest = 2.0;

    // persist: remember a choice across runs (off in tests and the screenshot tour). No default
    // for `persist`, as for Language: QML must use the app's instance, never build its own.
    explicit TextSize(bool persist, QObject *parent = nullptr);
    ~TextSize() override;

    CAIRN_SINGLETON_INSTANCE(TextSize)
    // A screen loaded alone (component tests) gets the size as designed.
    static TextSize *makeStandIn() { return new TextSize(false); }

    double scale() const { return m_scale; }
    bool followsSystem() const { return !m_chosen; }
    double systemScale() const { return m_systemScale; }
    // The user's choice on a screen: applied at once and remembered. False, and nothing changes,
    // for a factor outside 1 to 2.
    Q_INVOKABLE bool choose(double scale);
    // For this run only (the --font-scale option, tests): applied, not remembered.
    bool apply(double scale);
    // Applies the remembered choice, if any (the app calls this before loading the QML).
    void restore();
    // The system's font scale, held to 1-2: the size while no choice has been made (a choice,
    // remembered or for this run, wins over it).
    void followSystem(double systemScale);
    // Forgets the choice (and the remembered one): the size follows the system's again.
    Q_INVOKABLE void chooseSystem();

signals:
    void scaleChanged();

private:
    void setScale(double scale);

    bool m_persist;
    bool m_chosen = false;  // by the user, remembered, or for this run
    double m_scale = kSmallest;
    double m_systemScale = kSmallest;
};

static_assert(!std::is_default_constructible_v<TextSize>,
              "QML must get the instance from TextSize::create(), not a TextSize of its own");

}  // namespace cairn::app
