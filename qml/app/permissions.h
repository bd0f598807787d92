#pragma once
// The role permission table (core/keys/roles.h) for QML: which screens and buttons a role gets.
// Stateless; the registry still checks every operation itself.

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class Permissions : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;
    // role: Session.role ("administrator", …); permission: "manage_users", "edit_policy",
    // "enroll_device", … (snake case of keys::Permission). Unknown names are never allowed.
    Q_INVOKABLE static bool allows(const QString &role, const QString &permission);
    // Whether the role may add or correct a record of this stored kind ("visit", "opioid", ...,
    // "patient" for demographics): the registry's own rule, so the screens offer only what it takes.
    Q_INVOKABLE static bool canRecord(const QString &role, const QString &kind);
    // Any of the administration screens (users, policy, enrollment).
    Q_INVOKABLE static bool administers(const QString &role);
};

}  // namespace cairn::app
