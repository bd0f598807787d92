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

namespace {

// An open task written on or before `asOf` and past its due date: part of its owner's gap.
bool makesGap(const domain::Task &task, const QDate &asOf)
{
    return taskOverdue(task, asOf) && task.date <= asOf;
}

}  // namespace

QList<OverdueTasks> overdueTasksByOwner(const domain::Patient &patient, const QDate &asOf)
{
    QList<OverdueTasks> owners;
    for (const domain::Task &task : patient.tasks) {
        if (!makesGap(task, asOf))
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

QList<domain::Task> overdueTasksOf(const domain::Patient &patient, const QString &ownerRole, const QDate &asOf)
{
    QList<domain::Task> tasks;
    for (const domain::Task &task : patient.tasks)
        if (task.ownerRole == ownerRole && makesGap(task, asOf))
            tasks.append(task);
    std::stable_sort(tasks.begin(), tasks.end(),
                     [](const domain::Task &a, const domain::Task &b) { return a.due < b.due; });
    return tasks;
}

}  // namespace cairn::clinical
