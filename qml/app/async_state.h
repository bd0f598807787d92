#pragma once
// The state every asynchronous view model shares, in one place: `loading`, `error`, `message`,
// the session it reads through, and running registry work on the database thread.
//
// Shape: one plain (non-QObject) helper, AsyncState, holds the state and the rules; the QML-facing
// classes in async_model.h (AsyncObject for QObject view models, AsyncListModel for list models)
// only declare the four properties and forward to it. moc cannot handle a template or a mixin
// with Q_OBJECT, so the two bases exist because a list model must derive from
// QAbstractListModel; Session keeps its own three properties (it has no `session`) and uses
// AsyncState directly.
//
// Rules kept here so no view model repeats them:
// - `loading` is a counter: true from the first begin() until the matching last end(), so nested
//   or overlapping operations keep it true until all of them are over.
// - run() begins an operation and always ends it after `done`, whatever the result, so no error
//   path leaves `loading` stuck.
// - A job that finds no registry open (the tablet is locked) never runs; `done` gets
//   lockedError(), the one "The registry is locked." error.
// - setSession() moves the "re-read when data changes" connections to the new session, clears
//   the message and reloads.
// - A message given as its wording (a function that says it in the current language) is said
//   again when the user switches the language (Language::currentChanged), so a status shown
//   before the switch does not stay in the old language. A message given as text (an error from
//   the registry, worded where it was made) stays as it was.

#include "core/domain/result.h"
#include "core/registry/registry_thread.h"

#include <QDate>
#include <QString>

#include <functional>

namespace cairn::app {

class Session;

class AsyncState {
public:
    // What re-reads the owner's data when its session reports a change.
    enum class ReloadOn {
        DataChange,  // sign-in, sign-out and every write (Session::revisionChanged)
        SignIn,      // sign-in and sign-out only (a flow in progress must not restart on writes)
        Never,       // only when the session itself is set
    };
    // The owner's notifications; `reload` re-reads its data (may be empty).
    struct Hooks {
        std::function<void()> loadingChanged;
        std::function<void()> messageChanged;
        std::function<void()> sessionChanged;
        std::function<void()> reload;
    };

    AsyncState(QObject *owner, Hooks hooks);

    bool loading() const { return m_pending > 0; }
    bool error() const { return m_error; }
    QString message() const { return m_message; }
    Session *session() const { return m_session; }
    // The clinic's date, from the session's clock (AppOptions::clock, so tests can fix the day) in
    // local time; the system date while there is no session. Every "today" a screen shows.
    QDate today() const;

    void setReloadOn(ReloadOn reloadOn) { m_reloadOn = reloadOn; }
    // Rebinds to `next`, clears the message and reloads. Does nothing when the session is the same.
    void setSession(Session *next);

    // One operation starts or ends; every begin() needs exactly one end().
    void begin();
    void end();
    // Says a message in the language in force; called again on each language switch.
    using Wording = std::function<QString()>;

    // Shows a status: the error line (field and message) when it failed, `success` otherwise.
    void report(const Status &status, const QString &success = QString());
    void report(const Status &status, Wording success);
    void setMessage(const QString &message, bool isError);
    void setWordedMessage(Wording wording, bool isError);
    void clearMessage() { setMessage(QString(), false); }

    // The one error for work asked of a locked tablet.
    static Error lockedError();

    // Runs job(registry) on the database thread, then done(result) on the owner's thread, as one
    // operation (loading while it runs). With no registry open, done(lockedError()) without job.
    // Returns false, doing nothing, when there is no session to run through.
    template <typename R> bool run(std::function<R(registry::Registry &)> job, std::function<void(R)> done)
    {
        return post<R>(std::move(job), std::move(done), true);
    }
    // As run(), but not an operation: `loading` stays as it is. For side reads the user does not
    // wait for (a preview's data, the count of unsent records).
    template <typename R> bool runInBackground(std::function<R(registry::Registry &)> job, std::function<void(R)> done)
    {
        return post<R>(std::move(job), std::move(done), false);
    }

    // The database thread to use while no session is set (Session, which is the session itself).
    void setDatabaseThread(registry::RegistryThread *thread) { m_thread = thread; }

private:
    template <typename R>
    bool post(std::function<R(registry::Registry &)> job, std::function<void(R)> done, bool counted)
    {
        registry::RegistryThread *thread = databaseThread();
        if (!thread)
            return false;
        if (counted)
            begin();
        thread->run<R>(
            m_owner,
            [job = std::move(job)](registry::Registry *registry) -> R {
                if (!registry)
                    return R(lockedError());
                return job(*registry);
            },
            [this, counted, done = std::move(done)](R result) {
                done(std::move(result));
                if (counted)
                    end();
            });
        return true;
    }
    registry::RegistryThread *databaseThread() const;
    void sayAgain();
    QObject *m_owner;
    Hooks m_hooks;
    Session *m_session = nullptr;
    registry::RegistryThread *m_thread = nullptr;
    ReloadOn m_reloadOn = ReloadOn::DataChange;
    int m_pending = 0;
    bool m_error = false;
    QString m_message;
    Wording m_wording;  // empty when the message was given as text
    QMetaObject::Connection m_languageSwitch;
};

}  // namespace cairn::app
