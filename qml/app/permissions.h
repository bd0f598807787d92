#pragma once
// The role permission table (core/roles/roles.h) for QML: which screens and buttons a role gets.
// Stateless; the registry still checks every operation itself.

#include <QObject>
#include <QString>
#include <QStringList>
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
    // "patient" for demographics): the registry's own rule (clinical::mayRecord with the clinic
    // policy in force, Session.policy), so the screens offer only what it takes.
    Q_INVOKABLE static bool canRecord(const QString &role, const QString &kind);
    // Any of the administration screens (users, policy, enrollment).
    Q_INVOKABLE static bool administers(const QString &role);
    // The ONE table of which screens a role is offered (Main.qml opens no other, and each button
    // that leads to one binds to it): "huddle", "patients", "roster", "rehearsal", "peg_outreach",
    // "measures", "monthly_report", "refill_check", "conflicts", "rooming", "administration". Unknown
    // names: false.
    Q_INVOKABLE static bool offers(const QString &role, const QString &screen);
    // Every screen name offers() knows, in the table's order (for tests and the docs).
    static QStringList screens();
};

}  // namespace cairn::app
