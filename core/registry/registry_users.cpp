#include "core/registry/registry_private.h"

namespace cairn::registry {

// --- users ------------------------------------------------------------------------------------

Result<QList<UserSummary>> Registry::listUsers()
{
    QList<UserSummary> users;
    for (const auto &user : d->keyring.users())
        users.append(summaryOf(user));
    return users;
}

Result<QString> Registry::addUser(const QString &name, keys::Role role, const QString &pin)
{
    if (!can(keys::Permission::ManageUsers))
        return forbidden(QStringLiteral("adding users"));
    const QDateTime now = m_clock.now();
    auto added = d->keyring.addUser(name, role, pin, d->databaseKey, d->deviceSecret, now);
    if (!added)
        return added.error();
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    if (auto s = addUserRow(*d->db, *added, name.trimmed(), role, now); !s)
        return s.error();
    if (auto s = storage::AuditLog(*d->db).append(
            {now, m_user.id, QStringLiteral("add_user"), {}, *added, keys::toString(role)});
        !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return *added;
}

Status Registry::removeUser(const QString &userNameOrId)
{
    if (!can(keys::Permission::ManageUsers))
        return forbidden(QStringLiteral("removing users"));
    auto user = d->keyring.findUser(userNameOrId);
    if (!user)
        return user.error();
    if (user->id == m_user.id)
        return Error{QStringLiteral("user"), QStringLiteral("you cannot remove yourself while signed in")};
    if (auto s = d->keyring.removeUser(user->id); !s)
        return s;
    auto tx = Transaction::begin(*d->db);
    if (!tx)
        return tx.error();
    if (auto s = storage::MetaStore(*d->db).markUserRemoved(user->id, isoNow(m_clock)); !s)
        return s;
    if (auto s = storage::AuditLog(*d->db).append(
            {m_clock.now(), m_user.id, QStringLiteral("remove_user"), {}, user->id, {}});
        !s)
        return s;
    return tx->commit();
}

Status Registry::changePin(const QString &userNameOrId, const QString &newPin)
{
    auto user = d->keyring.findUser(userNameOrId);
    if (!user)
        return user.error();
    if (user->id != m_user.id && !can(keys::Permission::ManageUsers))
        return forbidden(QStringLiteral("changing another user's PIN"));
    if (auto s = d->keyring.changePin(user->id, newPin, d->databaseKey, d->deviceSecret); !s)
        return s;
    return auditInTransaction(*d->db, {m_clock.now(), m_user.id, QStringLiteral("change_pin"), {}, user->id, {}});
}

Status Registry::resetLockout(const QString &userNameOrId)
{
    if (!can(keys::Permission::ManageUsers))
        return forbidden(QStringLiteral("clearing a lockout"));
    auto user = d->keyring.findUser(userNameOrId);
    if (!user)
        return user.error();
    if (auto s = d->keyring.resetLockout(user->id); !s)
        return s;
    return auditInTransaction(*d->db, {m_clock.now(), m_user.id, QStringLiteral("reset_lockout"), {}, user->id, {}});
}

}  // namespace cairn::registry
