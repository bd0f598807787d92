#pragma once
// The tasks on the signed-in role's Today (issue 18): the open tasks owned by the role whose due date
// has come, overdue first (clinical::tasksDue), each with "mark done", which writes the task's next
// version (registry::completeTask). An overdue task is also its owner's TASK_OVERDUE care gap.
//
// Roles: taskId, patientId, name (the patient's), text, dueText ("Overdue since 3/4/26"), overdue.

#include "core/clinical/case_conference.h"
#include "qml/app/async_model.h"

#include <QAbstractListModel>
#include <QDate>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class TodayTasksModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ countProperty NOTIFY countChanged)

public:
    enum Roles { TaskIdRole = Qt::UserRole + 1, PatientIdRole, NameRole, TextRole, DueTextRole, OverdueRole };
    Q_ENUM(Roles)

    explicit TodayTasksModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int countProperty() const { return static_cast<int>(m_rows.size()); }

    Q_INVOKABLE void reload() override;
    // Marks the task done; the list and the patient's gaps follow.
    Q_INVOKABLE void markDone(const QString &taskId);

signals:
    void countChanged();

private:
    QList<clinical::TaskItem> m_rows;
};

}  // namespace cairn::app
