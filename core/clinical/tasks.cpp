#include "core/clinical/tasks.h"

#include <algorithm>

namespace cairn::clinical {

bool taskDue(const domain::Task &task, const QDate &asOf)
{
    return task.status == domain::TaskStatus::Open && task.due.isValid() && task.due <= asOf;
}

QList<TaskItem> tasksDue(const QList<domain::Patient> &patients, keys::Role role, const QDate &asOf)
{
    QList<TaskItem> items = openTasks(patients, role, asOf);
    items.removeIf([&](const TaskItem &item) { return !item.due.isValid() || item.due > asOf; });
    return items;
}

QList<OverdueTasks> overdueTasksByOwner(const domain::Patient &patient, const QDate &asOf)
{
    QList<OverdueTasks> owners;
    for (const domain::Task &task : patient.tasks) {
        if (!taskOverdue(task, asOf) || task.date > asOf)
            continue;
        auto it = std::find_if(owners.begin(), owners.end(),
                               [&](const OverdueTasks &o) { return o.ownerRole == task.ownerRole; });
        if (it == owners.end()) {
            owners.append({task.ownerRole, task.due, 1});
            continue;
        }
        it->since = std::min(it->since, task.due);
        ++it->count;
    }
    std::sort(owners.begin(), owners.end(),
              [](const OverdueTasks &a, const OverdueTasks &b) { return a.ownerRole < b.ownerRole; });
    return owners;
}

}  // namespace cairn::clinical
