#pragma once
// Which tabs of the patient screen a role gets, which one it opens on, and the one action its
// banner offers (tablet-ux §4.5): the ONE place this is decided, from the role permission table,
// so that no screen offers a role a tab or an action it is refused.

#include "core/roles/roles.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class PatientTabs : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    // In the order the tab bar shows them.
    enum Tab { Summary, Rooming, Visit, History };
    Q_ENUM(Tab)
    // The banner's one button: what this role most often comes to the patient to do.
    enum NextAction { NoAction, StartRooming, RecordPeg, OpenVisit, CheckRefill };
    Q_ENUM(NextAction)

    using QObject::QObject;

    // role: Session.role ("medical_assistant", …); an unknown role gets no tab at all.
    Q_INVOKABLE static QVariantList tabs(const QString &role);
    Q_INVOKABLE static int openingTab(const QString &role);
    Q_INVOKABLE static int nextAction(const QString &role);

    static QList<Tab> tabsFor(keys::Role role);
    static Tab openingTabFor(keys::Role role);
    static NextAction nextActionFor(keys::Role role);
};

}  // namespace cairn::app
