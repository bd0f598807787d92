#pragma once
// Who is signed in, and the way in and out: the unlock flow with lockout messages, locking on
// idle or when the app leaves the foreground. Created in main() and handed to QML as a singleton.
// Like every asynchronous object here it exposes `loading`, `error` and `message`, and every path
// that ends an operation resets `loading`.

#include "qml/app/app_services.h"
#include "qml/app/async_state.h"
#include "qml/app/singleton_instance.h"
#include "qml/app/user_list_model.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool error READ error NOTIFY messageChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY signedInChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY signedInChanged)
    Q_PROPERTY(QString roleName READ roleName NOTIFY roleNameChanged)
    // Notifies at sign-in, sign-out and whenever the clinic policy in force is re-read, so every
    // `Permissions.x(Session.role, …)` binding follows the clinic's responsibilities.
    Q_PROPERTY(QString role READ role NOTIFY roleChanged)
    Q_PROPERTY(cairn::app::UserListModel *users READ users CONSTANT)
    // Whether this tablet is enrolled with a clinic server, so someone new to it can sign in online.
    Q_PROPERTY(bool canSignInOnline READ canSignInOnline NOTIFY canSignInOnlineChanged)
    // Increments whenever registry data changes, so views know to re-read.
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    // True while the app is not in the foreground: screens cover patient data.
    Q_PROPERTY(bool obscured READ obscured NOTIFY obscuredChanged)
    // Records written on this tablet and not yet on the server, and when the oldest was written.
    Q_PROPERTY(int unsyncedCount READ unsyncedCount NOTIFY syncStateChanged)
    // The id of the last user who signed in on this tablet, for the sign-in screen to preselect
    // ("" when none has). Kept in the tablet's settings beside the registry (lastUserSettingsPath),
    // as an id only: no name, nothing clinical.
    Q_PROPERTY(QString lastUserId READ lastUserId NOTIFY lastUserIdChanged)

public:
    explicit Session(AppServices services, QObject *parent = nullptr);

    // The instance made in main(); QML gets this one.
    CAIRN_SINGLETON_INSTANCE(Session)

    bool loading() const { return m_async.loading(); }
    bool error() const { return m_async.error(); }
    QString message() const { return m_async.message(); }
    bool signedIn() const { return m_signedIn; }
    QString userName() const { return m_user.name; }
    QString roleName() const;
    QString role() const;
    UserListModel *users() { return &m_users; }
    bool canSignInOnline() const { return m_canSignInOnline; }
    int revision() const { return m_revision; }
    bool obscured() const { return m_obscured; }
    int unsyncedCount() const { return m_unsynced; }
    QString lastUserId() const { return m_lastUserId; }
    // The tablet's non-secret settings for a registry (an INI file beside it).
    static QString lastUserSettingsPath(const QString &databasePath);
    // When the oldest record still waiting to be sent was saved (null when none waits).
    QDateTime oldestUnsynced() const { return m_oldestUnsynced; }
    void setObscured(bool obscured);
    const AppServices &services() const { return m_services; }
    // The clinic policy in force, read at sign-in and after every data change (the shipped
    // default until then): Permissions and the scripts follow it.
    const clinical::ClinicPolicy &policy() const { return m_policy; }

    Q_INVOKABLE void refreshUsers();
    Q_INVOKABLE void unlock(const QString &userId, const QString &pin);
    // A clinic user's first sign-in on this tablet: the clinic's server vouches for the name and
    // PIN, and the tablet adds the user's own key slot (later sign-ins need only the PIN, offline).
    // Runs on the database thread, which waits on the network there, never on the UI thread.
    Q_INVOKABLE void signInFirstTime(const QString &name, const QString &pin);
    Q_INVOKABLE void lock();
    // Call after a write so that views showing registry data re-read it.
    Q_INVOKABLE void noteDataChanged();
    // Re-reads the count and age of records not yet on the server (after a sync round).
    void refreshSyncState();

signals:
    void roleNameChanged();
    void roleChanged();
    void loadingChanged();
    void messageChanged();
    void signedInChanged();
    void revisionChanged();
    void obscuredChanged();
    void syncStateChanged();
    void canSignInOnlineChanged();
    void lastUserIdChanged();

protected:
    // The sync summary, made in C++, follows a language switch.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setMessage(const QString &message, bool isError);
    void becomeSignedIn(const registry::UserSummary &user);
    void reloadPolicy();
    clinical::ClinicPolicy m_policy;
    AppServices m_services;
    UserListModel m_users;
    registry::UserSummary m_user;
    // `loading`, `error` and `message`; Session has no session of its own to rebind.
    AsyncState m_async{this, {[this] { emit loadingChanged(); }, [this] { emit messageChanged(); }, {}, {}}};
    bool m_unlocking = false;
    bool m_signedIn = false;
    bool m_canSignInOnline = false;
    bool m_lockMessageShown = false;
    int m_revision = 0;
    bool m_obscured = false;
    int m_unsynced = 0;
    QDateTime m_oldestUnsynced;
    QString m_lastUserId;
};

}  // namespace cairn::app
