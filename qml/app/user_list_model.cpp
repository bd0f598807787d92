#include "qml/app/user_list_model.h"

#include "qml/app/labels.h"

namespace cairn::app {

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_users.size());
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &user = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return user.name;
    case UserIdRole:
        return user.id;
    case RoleNameRole:
        return roleLabel(user.role);
    case LockedUntilRole:
        return user.lockedUntil;
    case FailedAttemptsRole:
        return user.failedAttempts;
    default:
        return {};
    }
}

QHash<int, QByteArray> UserListModel::roleNames() const
{
    return {{UserIdRole, "userId"},
            {NameRole, "name"},
            {RoleNameRole, "roleName"},
            {LockedUntilRole, "lockedUntil"},
            {FailedAttemptsRole, "failedAttempts"}};
}

void UserListModel::setUsers(QList<registry::UserSummary> users)
{
    beginResetModel();
    m_users = std::move(users);
    endResetModel();
}

void UserListModel::retranslate()
{
    if (!m_users.isEmpty())
        emit dataChanged(index(0), index(static_cast<int>(m_users.size()) - 1), {RoleNameRole});
}

}  // namespace cairn::app
