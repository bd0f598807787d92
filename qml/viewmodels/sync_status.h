#pragma once
// The tablet's sync state for every screen: online or offline, when it last synced, what the
// last round said, and "sync now". A QML singleton over the SyncScheduler made in main().

#include "sync/client/sync_scheduler.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace cairn::app {

class SyncStatus : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Sync)
    QML_SINGLETON
    Q_PROPERTY(bool loading READ loading NOTIFY changed)
    Q_PROPERTY(bool error READ error NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool online READ online NOTIFY changed)
    // "Last sync 14:05", or "Never synced".
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY changed)

public:
    explicit SyncStatus(sync::SyncScheduler *scheduler, QObject *parent = nullptr);
    static SyncStatus *create(QQmlEngine *, QJSEngine *);
    static void setInstance(SyncStatus *status);

    bool loading() const { return m_scheduler && m_scheduler->loading(); }
    bool error() const { return m_scheduler && m_scheduler->error(); }
    QString message() const { return m_scheduler ? m_scheduler->message() : QString(); }
    bool online() const { return m_scheduler && m_scheduler->online(); }
    QString lastSyncText() const;
    Q_INVOKABLE void syncNow();

signals:
    void changed();

protected:
    // Texts made in C++ follow a language switch (QML re-evaluates only its own qsTr bindings).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<sync::SyncScheduler> m_scheduler;
};

}  // namespace cairn::app
