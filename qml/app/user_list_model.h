#pragma once

#include "core/registry/registry.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

// The registry's users, for the sign-in screen.
// Roles: userId (string), name (string), roleName (string, translated), lockedUntil (date-time,
// invalid when not locked), failedAttempts (int).
class UserListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Session.users")
public:
    enum Roles { UserIdRole = Qt::UserRole + 1, NameRole, RoleNameRole, LockedUntilRole, FailedAttemptsRole };
    Q_ENUM(Roles)

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setUsers(QList<registry::UserSummary> users);
    // Role names are words of the screen's language: shown again after a language switch.
    void retranslate();
    [[nodiscard]] const QList<registry::UserSummary> &users() const { return m_users; }

private:
    QList<registry::UserSummary> m_users;
};

}  // namespace cairn::app
