#include "qml/huddle/today_tasks_model.h"

#include "core/registry/case_conferences.h"
#include "core/registry/registry.h"

#include <QLocale>

namespace cairn::app {

TodayTasksModel::TodayTasksModel(QObject *parent)
    : AsyncListModel(parent)
{}

int TodayTasksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant TodayTasksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const clinical::TaskItem &t = m_rows.at(index.row());
    switch (role) {
    case TaskIdRole:
        return t.taskId;
    case PatientIdRole:
        return t.patientId;
    case NameRole:
        return t.patientName;
    case Qt::DisplayRole:
    case TextRole:
        return t.text;
    case DueTextRole:
        return t.overdue ? tr("Overdue since %1").arg(QLocale().toString(t.due, QLocale::ShortFormat))
                         : tr("Due today");
    case OverdueRole:
        return t.overdue;
    default:
        return {};
    }
}

QHash<int, QByteArray> TodayTasksModel::roleNames() const
{
    return {{TaskIdRole, "taskId"}, {PatientIdRole, "patientId"}, {NameRole, "name"},
            {TextRole, "text"},     {DueTextRole, "dueText"},     {OverdueRole, "overdue"}};
}

void TodayTasksModel::reload()
{
    keys::Role role{};
    // Signed out, or a role that owns no task (the administrator): nothing, never everyone's.
    if (!session() || !session()->signedIn() || !keys::parse(session()->role(), &role) ||
        !clinical::checkTaskOwner(session()->role())) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        emit countChanged();
        return;
    }
    const QDate asOf = clinicToday();
    run<Result<QList<clinical::TaskItem>>>(
        [role, asOf](registry::Registry &registry) { return registry::tasksDueToday(registry, role, asOf); },
        [this](Result<QList<clinical::TaskItem>> rows) {
            beginResetModel();
            m_rows = rows ? *rows : QList<clinical::TaskItem>();
            endResetModel();
            emit countChanged();
            report(rows ? ok() : Status(rows.error()));
        });
}

void TodayTasksModel::markDone(const QString &taskId)
{
    if (!session())
        return;
    run<Result<QString>>([taskId](registry::Registry &registry) { return registry::completeTask(registry, taskId); },
                         [this](Result<QString> done) {
                             report(done ? ok() : Status(done.error()), tr("The task is marked done."));
                             if (done)
                                 session()->noteDataChanged();
                         });
}

}  // namespace cairn::app
