#pragma once
// Case conferences and the tasks they give rise to (issue 18 item 5): the rules every screen and
// cairnctl follow, made here once. A conference moves requested → scheduled (for a clinician
// meeting) → discussed (the team's consult note recorded) → closed; an open task past its due date
// is on its owner role's worklist.

#include "core/domain/records.h"
#include "core/domain/result.h"
#include "core/roles/roles.h"

#include <QDate>
#include <QList>

namespace cairn::clinical {

// Whether a conference may go from `from` to `to`: one step forward at a time, or none (an edit of
// its question, or a move to another meeting), and never back. Errors name "status".
Status checkConferenceMove(domain::ConferenceStatus from, domain::ConferenceStatus to);

// A task's owner is one of the team's roles (every role but the administrator, who runs the
// tablets). Errors name `field`.
Status checkTaskOwner(const QString &ownerRole, const QString &field = QStringLiteral("owner_role"));

// An open task whose due date has passed on `asOf`.
bool taskOverdue(const domain::Task &task, const QDate &asOf);

// One open task on a worklist.
struct TaskItem {
    QString patientId;
    QString patientName;
    QString taskId;
    QString text;
    QString ownerRole;
    QDate due;
    bool overdue = false;
};
// The open tasks of active patients for `role` (every role when null), overdue first, then by due
// date, then by patient name.
QList<TaskItem> openTasks(const QList<domain::Patient> &patients, std::optional<keys::Role> role, const QDate &asOf);

// One conference on the "discuss at the next clinician meeting" list.
struct ConferenceItem {
    QString patientId;
    QString patientName;
    QString conferenceId;
    QString question;
    domain::ConferenceStatus status = domain::ConferenceStatus::Requested;
    QDate requested;
    QDate meetingDate;
};
// The conferences still to be discussed (requested or scheduled) of active patients: scheduled ones
// by meeting date first, then requested ones by the date asked.
QList<ConferenceItem> conferencesToDiscuss(const QList<domain::Patient> &patients, const QDate &asOf);

}  // namespace cairn::clinical
