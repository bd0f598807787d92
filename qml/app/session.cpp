#include "qml/app/session.h"

#include "qml/app/labels.h"
#include "sync/client/first_sign_in.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QSettings>

namespace cairn::app {
namespace {
const QString kLastUserKey = QStringLiteral("signin/last_user_id");
}  // namespace

Session::Session(AppServices services, QObject *parent)
    : QObject(parent)
    , m_services(std::move(services))
{
    m_async.setDatabaseThread(m_services.thread);
    if (auto shipped = clinical::ClinicPolicy::defaults())
        m_policy = *shipped;
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
    if (!m_services.databasePath.isEmpty())
        m_lastUserId = QSettings(lastUserSettingsPath(m_services.databasePath), QSettings::IniFormat)
                           .value(kLastUserKey)
                           .toString();
}

QString Session::lastUserSettingsPath(const QString &databasePath)
{
    return databasePath + QStringLiteral(".tablet.ini");
}

QString Session::roleName() const
{
    return m_signedIn ? roleLabel(m_user.role) : QString();
}

QString Session::role() const
{
    return m_signedIn ? keys::toString(m_user.role) : QString();
}

void Session::setMessage(const QString &message, bool isError)
{
    m_lockMessageShown = false;
    m_async.setMessage(message, isError);
}

void Session::refreshUsers()
{
    m_async.begin();
    const QString path = m_services.databasePath;
    struct Found {
        Result<QList<registry::UserSummary>> users;
        bool enrolled = false;
    };
    m_services.thread->run<std::shared_ptr<Found>>(
        this,
        [path](registry::Registry *) {
            auto keyring = keys::Keyring::load(registry::Registry::Paths{path}.keyring());
            return std::make_shared<Found>(
                Found{registry::Registry::users(path), keyring && keyring->enrollment().has_value()});
        },
        [this](std::shared_ptr<Found> found) {
            m_async.end();
            if (m_canSignInOnline != found->enrolled) {
                m_canSignInOnline = found->enrolled;
                emit canSignInOnlineChanged();
            }
            if (!found->users) {
                setMessage(found->users.error().message, true);
                return;
            }
            m_users.setUsers(std::move(found->users).value());
        });
}

void Session::unlock(const QString &userId, const QString &pin)
{
    if (m_unlocking || m_signedIn)
        return;
    m_unlocking = true;
    m_async.begin();
    setMessage(QString(), false);
    const AppServices services = m_services;
    m_services.thread->open(
        this,
        [services, userId, pin]() {
            return registry::Registry::unlock(services.databasePath, *services.keystore, userId, pin, *services.clock);
        },
        [this, userId](Status opened) {
            m_unlocking = false;
            m_async.end();
            if (!opened) {
                setMessage(opened.error().message, true);
                refreshUsers();  // lockout state changed
                return;
            }
            for (const auto &user : m_users.users()) {
                if (user.id == userId)
                    becomeSignedIn(user);
            }
        });
}

void Session::signInFirstTime(const QString &name, const QString &pin)
{
    if (m_unlocking || m_signedIn)
        return;
    m_unlocking = true;
    m_async.begin();
    setMessage(tr("Asking the clinic's server…"), false);
    const AppServices services = m_services;
    // Written on the database thread before `done` is queued back here.
    auto signedInAs = std::make_shared<registry::UserSummary>();
    m_services.thread->open(
        this,
        [services, name, pin, signedInAs]() {
            auto opened = sync::signInFirstTime(services.databasePath, *services.keystore, name, pin, *services.clock);
            if (opened)
                *signedInAs = (*opened)->user();
            return opened;
        },
        [this, signedInAs](Status opened) {
            m_unlocking = false;
            m_async.end();
            refreshUsers();  // a new user on this tablet, or a wiped tablet
            if (!opened) {
                setMessage(opened.error().message, true);
                return;
            }
            becomeSignedIn(*signedInAs);
        });
}

void Session::becomeSignedIn(const registry::UserSummary &user)
{
    m_user = user;
    if (m_lastUserId != user.id) {
        QSettings(lastUserSettingsPath(m_services.databasePath), QSettings::IniFormat).setValue(kLastUserKey, user.id);
        m_lastUserId = user.id;
        emit lastUserIdChanged();
    }
    setMessage(QString(), false);
    m_signedIn = true;
    emit signedInChanged();
    emit roleNameChanged();
    emit roleChanged();
    noteDataChanged();
}

void Session::reloadPolicy()
{
    if (!m_signedIn)
        return;
    m_services.thread->run<std::shared_ptr<Result<clinical::ClinicPolicy>>>(
        this,
        [](registry::Registry *registry) {
            if (!registry)
                return std::make_shared<Result<clinical::ClinicPolicy>>(
                    Error{QStringLiteral("registry"), QStringLiteral("is locked")});
            return std::make_shared<Result<clinical::ClinicPolicy>>(registry->clinicPolicy());
        },
        [this](std::shared_ptr<Result<clinical::ClinicPolicy>> policy) {
            if (!m_signedIn || !*policy)
                return;
            m_policy = **policy;
            emit roleChanged();
        });
}

void Session::lock()
{
    if (!m_signedIn)
        return;
    m_services.thread->setRegistry(nullptr);
    m_signedIn = false;
    m_user = {};
    if (auto shipped = clinical::ClinicPolicy::defaults())
        m_policy = *shipped;
    setMessage(tr("Locked. Sign in to continue."), false);
    m_lockMessageShown = true;  // re-translated if the language changes on the sign-in screen
    emit signedInChanged();
    emit roleNameChanged();
    emit roleChanged();
    refreshUsers();
}

void Session::setObscured(bool obscured)
{
    if (m_obscured == obscured)
        return;
    m_obscured = obscured;
    emit obscuredChanged();
}

void Session::noteDataChanged()
{
    ++m_revision;
    emit revisionChanged();
    refreshSyncState();
    reloadPolicy();  // an administrator's change, or one that came with a sync round
}

void Session::refreshSyncState()
{
    if (!m_signedIn)
        return;
    // In the background: a count on the status bar is not something to wait for.
    m_async.runInBackground<Result<registry::Registry::PendingSync>>(
        [](registry::Registry &registry) -> Result<registry::Registry::PendingSync> { return registry.pendingSync(); },
        [this](Result<registry::Registry::PendingSync> pending) {
            if (!pending)
                return;
            m_unsynced = static_cast<int>(pending->count);
            m_oldestUnsynced = QDateTime::fromString(pending->oldestWrite, Qt::ISODateWithMs);
            emit syncStateChanged();
        });
}

bool Session::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        emit syncStateChanged();
        if (m_lockMessageShown) {
            m_async.setMessage(tr("Locked. Sign in to continue."), false);
        }
        emit roleNameChanged();
        m_users.retranslate();
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace cairn::app
