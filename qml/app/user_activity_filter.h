#pragma once
// Tells the lifecycle about touches, clicks and key presses anywhere in the app (idle lock).

#include "platform/app_lifecycle.h"

#include <QEvent>
#include <QObject>

namespace cairn::app {

class UserActivityFilter : public QObject {
public:
    explicit UserActivityFilter(platform::AppLifecycle *lifecycle, QObject *parent = nullptr)
        : QObject(parent)
        , m_lifecycle(lifecycle)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::TouchBegin:
        case QEvent::MouseButtonPress:
        case QEvent::KeyPress:
        case QEvent::Wheel:
            m_lifecycle->noteUserActivity();
            break;
        default:
            break;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    platform::AppLifecycle *m_lifecycle;
};

}  // namespace cairn::app
