#include "qml/app/async_state.h"

#include "qml/app/language.h"
#include "qml/app/session.h"

#include <QCoreApplication>

namespace cairn::app {

AsyncState::AsyncState(QObject *owner, Hooks hooks)
    : m_owner(owner)
    , m_hooks(std::move(hooks))
{}

QDate AsyncState::today() const
{
    if (!m_session || !m_session->services().clock)
        return QDate::currentDate();
    return m_session->services().clock->now().toLocalTime().date();
}

void AsyncState::setSession(Session *next)
{
    if (m_session == next)
        return;
    if (m_session)
        QObject::disconnect(m_session, nullptr, m_owner, nullptr);
    m_session = next;
    if (m_session && m_hooks.reload) {
        const auto reload = m_hooks.reload;
        if (m_reloadOn != ReloadOn::Never)
            QObject::connect(m_session, &Session::signedInChanged, m_owner, reload);
        if (m_reloadOn == ReloadOn::DataChange)
            QObject::connect(m_session, &Session::revisionChanged, m_owner, reload);
    }
    // Operations already in flight still end (and count down); only what was shown is cleared.
    if (m_error || !m_message.isEmpty())
        clearMessage();
    if (m_hooks.sessionChanged)
        m_hooks.sessionChanged();
    if (m_hooks.reload)
        m_hooks.reload();
}

void AsyncState::begin()
{
    if (++m_pending == 1 && m_hooks.loadingChanged)
        m_hooks.loadingChanged();
}

void AsyncState::end()
{
    Q_ASSERT(m_pending > 0);
    if (m_pending > 0 && --m_pending == 0 && m_hooks.loadingChanged)
        m_hooks.loadingChanged();
}

void AsyncState::report(const Status &status, const QString &success)
{
    setMessage(status ? success : status.error().line(), !status.ok());
}

void AsyncState::report(const Status &status, Wording success)
{
    if (status)
        setWordedMessage(std::move(success), false);
    else
        setMessage(status.error().line(), true);
}

void AsyncState::setMessage(const QString &message, bool isError)
{
    m_wording = {};
    m_error = isError;
    m_message = message;
    if (m_hooks.messageChanged)
        m_hooks.messageChanged();
}

void AsyncState::setWordedMessage(Wording wording, bool isError)
{
    setMessage(wording ? wording() : QString(), isError);
    m_wording = std::move(wording);
    // Connected once, on the first wording (a screen loaded alone has no Language).
    if (m_wording && !m_languageSwitch)
        if (Language *language = Language::instance())
            m_languageSwitch = QObject::connect(language, &Language::currentChanged, m_owner, [this] { sayAgain(); });
}

void AsyncState::sayAgain()
{
    if (!m_wording)
        return;
    m_message = m_wording();
    if (m_hooks.messageChanged)
        m_hooks.messageChanged();
}

Error AsyncState::lockedError()
{
    // Called on the database thread as well; translate() is thread-safe.
    return Error{QString(), QCoreApplication::translate("AsyncState", "The registry is locked.")};
}

registry::RegistryThread *AsyncState::databaseThread() const
{
    return m_session ? m_session->services().thread : m_thread;
}

}  // namespace cairn::app
