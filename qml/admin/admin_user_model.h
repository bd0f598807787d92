#pragma once
// Administration: the registry's users and roles. Lists them (with lockouts), adds a user with a
// role and a PIN entered twice, removes one, resets a lockout, changes a PIN. Every operation runs
// on the database thread; the registry checks the administrator's permission itself.
// Roles: userId, name, roleName (translated), role ("nurse", …), locked (bool), lockedText,
// failedAttempts (int), isSelf (bool: the signed-in user).

#include "qml/app/async_model.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace cairn::app {

class AdminUserModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    // The form field an error is about ("name", "role", "pin", "pinAgain"), empty otherwise.
    Q_PROPERTY(QString errorField READ errorField NOTIFY messageChanged)
    Q_PROPERTY(int count READ countProperty NOTIFY countChanged)
    // The roles a new user can get, as {value, label} maps.
    Q_PROPERTY(QVariantList roleChoices READ roleChoices NOTIFY roleChoicesChanged)
public:
    enum Roles {
        UserIdRole = Qt::UserRole + 1,
        NameRole,
        RoleNameRole,
        RoleRole,
        LockedRole,
        LockedTextRole,
        FailedAttemptsRole,
        IsSelfRole
    };
    Q_ENUM(Roles)
    explicit AdminUserModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString errorField() const { return m_errorField; }
    int countProperty() const { return static_cast<int>(m_users.size()); }
    QVariantList roleChoices() const;

    Q_INVOKABLE void reload() override;
    Q_INVOKABLE void addUser(const QString &name, const QString &role, const QString &pin, const QString &pinAgain);
    Q_INVOKABLE void removeUser(const QString &userId);
    Q_INVOKABLE void resetLockout(const QString &userId);
    Q_INVOKABLE void changePin(const QString &userId, const QString &pin, const QString &pinAgain);
    Q_INVOKABLE void clearMessage();

signals:
    void countChanged();
    void roleChoicesChanged();
    // An add, removal, reset or PIN change succeeded (the form can close).
    void succeeded();

private:
    void setMessage(const QString &message, bool isError, const QString &field = {});
    // Runs a write on the database thread; on success shows `done` and re-reads the users.
    void runWrite(std::function<Status(registry::Registry &)> job, const QString &done);
    QString userName(const QString &userId) const;
    bool event(QEvent *event) override;
    QList<registry::UserSummary> m_users;
    QString m_errorField;
};

}  // namespace cairn::app
