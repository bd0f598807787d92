#pragma once
// The two bases for asynchronous view models: AsyncObject (a QObject) and AsyncListModel (a
// QAbstractListModel). Both give QML the same four properties, `session`, `loading`, `error` and
// `message`, and hold one AsyncState (async_state.h), which has all the rules. A view model
// derives from one of them, overrides reload(), and runs its registry work with run():
//
//   void PatientListModel::reload()
//   {
//       run<Result<QList<PatientSummary>>>(
//           [](registry::Registry &r) { return r.listPatients(); },
//           [this](Result<QList<PatientSummary>> rows) { report(rows ? ok() : Status(rows.error())); ... });
//   }
//
// They are two classes, not one template, because moc does not process templates. Name the base
// in full (`public cairn::app::AsyncObject`): qmltyperegistrar (Qt 6.4) does not resolve an
// unqualified base, and qmllint would then not see the four properties.

#include "qml/app/async_state.h"
#include "qml/app/session.h"

#include <QAbstractListModel>
#include <QObject>
#include <QtQml/qqmlregistration.h>

// The C++ side both bases share word for word (moc needs the properties and signals spelled out
// in each class, but not these).
#define CAIRN_ASYNC_MEMBERS                                                                                            \
public:                                                                                                                \
    Session *session() const                                                                                           \
    {                                                                                                                  \
        return m_async.session();                                                                                      \
    }                                                                                                                  \
    void setSession(Session *session)                                                                                  \
    {                                                                                                                  \
        m_async.setSession(session);                                                                                   \
    }                                                                                                                  \
    /* the clinic's date: the session's clock in local time (AsyncState::today) */                                     \
    QDate clinicToday() const                                                                                          \
    {                                                                                                                  \
        return m_async.today();                                                                                        \
    }                                                                                                                  \
    bool loading() const                                                                                               \
    {                                                                                                                  \
        return m_async.loading();                                                                                      \
    }                                                                                                                  \
    bool error() const                                                                                                 \
    {                                                                                                                  \
        return m_async.error();                                                                                        \
    }                                                                                                                  \
    QString message() const                                                                                            \
    {                                                                                                                  \
        return m_async.message();                                                                                      \
    }                                                                                                                  \
                                                                                                                       \
protected:                                                                                                             \
    /* Re-reads the data: when the session is set and when it reports a change (setReloadOn). */                       \
    virtual void reload() {}                                                                                           \
    void setReloadOn(AsyncState::ReloadOn reloadOn)                                                                    \
    {                                                                                                                  \
        m_async.setReloadOn(reloadOn);                                                                                 \
    }                                                                                                                  \
    void begin()                                                                                                       \
    {                                                                                                                  \
        m_async.begin();                                                                                               \
    }                                                                                                                  \
    void end()                                                                                                         \
    {                                                                                                                  \
        m_async.end();                                                                                                 \
    }                                                                                                                  \
    void report(const Status &status, const QString &success = QString())                                              \
    {                                                                                                                  \
        m_async.report(status, success);                                                                               \
    }                                                                                                                  \
    /* success worded again on a language switch: [] { return tr("PEG saved."); } */                                   \
    void report(const Status &status, AsyncState::Wording success)                                                     \
    {                                                                                                                  \
        m_async.report(status, std::move(success));                                                                    \
    }                                                                                                                  \
    void setMessage(const QString &message, bool isError)                                                              \
    {                                                                                                                  \
        m_async.setMessage(message, isError);                                                                          \
    }                                                                                                                  \
    void setWordedMessage(AsyncState::Wording wording, bool isError)                                                   \
    {                                                                                                                  \
        m_async.setWordedMessage(std::move(wording), isError);                                                         \
    }                                                                                                                  \
    void clearMessage()                                                                                                \
    {                                                                                                                  \
        m_async.clearMessage();                                                                                        \
    }                                                                                                                  \
    template <typename R> bool run(std::function<R(registry::Registry &)> job, std::function<void(R)> done)            \
    {                                                                                                                  \
        return m_async.run<R>(std::move(job), std::move(done));                                                        \
    }                                                                                                                  \
    template <typename R>                                                                                              \
    bool runInBackground(std::function<R(registry::Registry &)> job, std::function<void(R)> done)                      \
    {                                                                                                                  \
        return m_async.runInBackground<R>(std::move(job), std::move(done));                                            \
    }                                                                                                                  \
                                                                                                                       \
private:                                                                                                               \
    AsyncState m_async{this,                                                                                           \
                       {[this] { emit loadingChanged(); }, [this] { emit messageChanged(); },                          \
                        [this] { emit sessionChanged(); }, [this] { reload(); }}};

namespace cairn::app {

class AsyncObject : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(cairn::app::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool error READ error NOTIFY messageChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit AsyncObject(QObject *parent = nullptr)
        : QObject(parent)
    {}

signals:
    void sessionChanged();
    void loadingChanged();
    void messageChanged();

    CAIRN_ASYNC_MEMBERS
};

class AsyncListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(cairn::app::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool error READ error NOTIFY messageChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit AsyncListModel(QObject *parent = nullptr)
        : QAbstractListModel(parent)
    {}

signals:
    void sessionChanged();
    void loadingChanged();
    void messageChanged();

protected:
    // The last step of a list's reload: rows read without error replace `rows` in one model reset
    // and `rowsReplaced` runs (a model emits its countChanged there); either way the read is
    // reported (an error keeps the rows shown).
    template <typename Row, typename Then>
    void replaceRows(QList<Row> &rows, Result<QList<Row>> read, Then rowsReplaced)
    {
        if (read) {
            beginResetModel();
            rows = std::move(read).value();
            endResetModel();
            rowsReplaced();
        }
        report(read ? ok() : Status(read.error()));
    }

    CAIRN_ASYNC_MEMBERS
};

}  // namespace cairn::app
