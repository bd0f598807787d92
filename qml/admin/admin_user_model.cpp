#include "qml/admin/admin_user_model.h"

#include "qml/app/labels.h"

#include <QEvent>
#include <QLocale>

namespace cairn::app {

AdminUserModel::AdminUserModel(QObject *parent)
    : AsyncListModel(parent)
{}

int AdminUserModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_users.size());
}

QVariant AdminUserModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &user = m_users.at(index.row());
    const QDateTime now = session() ? session()->services().clock->now() : QDateTime::currentDateTimeUtc();
    const bool locked = user.lockedUntil.isValid() && user.lockedUntil > now;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return user.name;
    case UserIdRole:
        return user.id;
    case RoleNameRole:
        return roleLabel(user.role);
    case RoleRole:
        return keys::toString(user.role);
    case LockedRole:
        return locked;
    case LockedTextRole:
        if (locked)
            return tr("Locked out until %1")
                .arg(QLocale().toString(user.lockedUntil.toLocalTime(), QLocale::ShortFormat));
        if (user.failedAttempts > 0)
            return tr("%n wrong PIN(s) since the last sign-in", "", user.failedAttempts);
        return tr("Can sign in");
    case FailedAttemptsRole:
        return user.failedAttempts;
    case IsSelfRole:
        return session() && session()->signedIn() && session()->userName() == user.name;
    default:
        return {};
    }
}

QHash<int, QByteArray> AdminUserModel::roleNames() const
{
    return {{UserIdRole, "userId"},
            {NameRole, "name"},
            {RoleNameRole, "roleName"},
            {RoleRole, "role"},
            {LockedRole, "locked"},
            {LockedTextRole, "lockedText"},
            {FailedAttemptsRole, "failedAttempts"},
            {IsSelfRole, "isSelf"}};
}

QVariantList AdminUserModel::roleChoices() const
{
    QVariantList list;
    for (auto role : keys::kAllRoles)
        list << QVariantMap{{QStringLiteral("value"), keys::toString(role)},
                            {QStringLiteral("label"), roleLabel(role)}};
    return list;
}

bool AdminUserModel::event(QEvent *event)
{
    // Role names and lockout texts are translated: show them again in the new language.
    if (event->type() == QEvent::LanguageChange) {
        emit roleChoicesChanged();
        if (!m_users.isEmpty())
            emit dataChanged(index(0), index(static_cast<int>(m_users.size()) - 1));
    }
    return QAbstractListModel::event(event);
}

void AdminUserModel::setMessage(const QString &message, bool isError, const QString &field)
{
    m_errorField = isError ? field : QString();
    AsyncListModel::setMessage(message, isError);
}

void AdminUserModel::clearMessage()
{
    setMessage({}, false);
}

QString AdminUserModel::userName(const QString &userId) const
{
    for (const auto &u : m_users)
        if (u.id == userId)
            return u.name;
    return userId;
}

void AdminUserModel::reload()
{
    if (!session() || !session()->signedIn()) {
        if (!m_users.isEmpty()) {
            beginResetModel();
            m_users.clear();
            endResetModel();
            emit countChanged();
        }
        return;
    }
    run<Result<QList<registry::UserSummary>>>(
        [](registry::Registry &registry) -> Result<QList<registry::UserSummary>> { return registry.listUsers(); },
        [this](Result<QList<registry::UserSummary>> users) {
            if (!users) {
                setMessage(users.error().message, true);
                return;
            }
            beginResetModel();
            m_users = std::move(users).value();
            endResetModel();
            emit countChanged();
        });
}

void AdminUserModel::runWrite(std::function<Status(registry::Registry &)> job, const QString &done)
{
    if (!session()) {
        setMessage(tr("Not signed in."), true);
        return;
    }
    setMessage({}, false);
    run<Status>(std::move(job), [this, done](Status status) {
        if (!status) {
            const QString field = status.error().field;
            setMessage(status.error().message, true,
                       field.contains(QLatin1String("pin"))    ? QStringLiteral("pin")
                       : field.contains(QLatin1String("name")) ? QStringLiteral("name")
                       : field.contains(QLatin1String("role")) ? QStringLiteral("role")
                                                               : QString());
            return;
        }
        setMessage(done, false);
        emit succeeded();
        reload();
        session()->refreshUsers();  // the sign-in list shows the change too
    });
}

void AdminUserModel::addUser(const QString &name, const QString &role, const QString &pin, const QString &pinAgain)
{
    const QString trimmed = name.trimmed();
    keys::Role parsed{};
    if (trimmed.isEmpty()) {
        setMessage(tr("Enter the person's name."), true, QStringLiteral("name"));
        return;
    }
    if (!keys::parse(role, &parsed)) {
        setMessage(tr("Choose a role."), true, QStringLiteral("role"));
        return;
    }
    if (pin.size() < 4) {
        setMessage(tr("The PIN needs at least 4 digits."), true, QStringLiteral("pin"));
        return;
    }
    if (pin != pinAgain) {
        setMessage(tr("The two PINs are different. Enter the new PIN twice."), true, QStringLiteral("pinAgain"));
        return;
    }
    runWrite(
        [trimmed, parsed, pin](registry::Registry &registry) -> Status {
            auto added = registry.addUser(trimmed, parsed, pin);
            if (!added)
                return added.error();
            return ok();
        },
        tr("%1 was added as %2.").arg(trimmed, roleLabel(parsed)));
}

void AdminUserModel::removeUser(const QString &userId)
{
    const QString name = userName(userId);
    runWrite([userId](registry::Registry &registry) { return registry.removeUser(userId); },
             tr("%1 was removed.").arg(name));
}

void AdminUserModel::resetLockout(const QString &userId)
{
    const QString name = userName(userId);
    runWrite([userId](registry::Registry &registry) { return registry.resetLockout(userId); },
             tr("%1 can sign in again.").arg(name));
}

void AdminUserModel::changePin(const QString &userId, const QString &pin, const QString &pinAgain)
{
    if (pin.size() < 4) {
        setMessage(tr("The PIN needs at least 4 digits."), true, QStringLiteral("pin"));
        return;
    }
    if (pin != pinAgain) {
        setMessage(tr("The two PINs are different. Enter the new PIN twice."), true, QStringLiteral("pinAgain"));
        return;
    }
    const QString name = userName(userId);
    runWrite([userId, pin](registry::Registry &registry) { return registry.changePin(userId, pin); },
             tr("The PIN of %1 was changed.").arg(name));
}

}  // namespace cairn::app
