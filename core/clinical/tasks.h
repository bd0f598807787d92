#pragma once
// A task reaches its owner (issue 18): from its due date it is on the owner role's Today, and once
// past it, the owner role's TASK_OVERDUE care gap (one per role, raised by rules.cpp). The task
// names who does it, so the clinic's responsibilities do not assign that gap.

#include "core/clinical/case_conference.h"

namespace cairn::clinical {

// Whether an open task is on its owner's Today: its due date has come (on or before `asOf`).
bool taskDue(const domain::Task &task, const QDate &asOf);
// The open tasks of `role` whose due date has come, in openTasks' order (overdue first).
QList<TaskItem> tasksDue(const QList<domain::Patient> &patients, keys::Role role, const QDate &asOf);

// The overdue tasks of one owner role: how many, and the earliest due date among them.
struct OverdueTasks {
    QString ownerRole;
    QDate since;
    int count = 0;
};
// The roles with an open task written on or before `asOf` and past its due date, by role name.
QList<OverdueTasks> overdueTasksByOwner(const domain::Patient &patient, const QDate &asOf);
// The tasks behind one owner role's TASK_OVERDUE gap (the same rule as above), earliest due first:
// what the gap's card offers to mark done.
QList<domain::Task> overdueTasksOf(const domain::Patient &patient, const QString &ownerRole, const QDate &asOf);

}  // namespace cairn::clinical
