#include "core/clinical/case_conference.h"

#include <algorithm>

namespace cairn::clinical {

Status checkConferenceMove(domain::ConferenceStatus from, domain::ConferenceStatus to)
{
    const bool allowed = to == from || static_cast<int>(to) == static_cast<int>(from) + 1;
    if (allowed)
        return ok();
    return Error{QStringLiteral("status"),
                 QStringLiteral("a %1 conference cannot become %2 (requested, then scheduled, "
                                "then discussed, then closed)")
                     .arg(domain::toString(from), domain::toString(to))};
}

Status checkTaskOwner(const QString &ownerRole, const QString &field)
{
    keys::Role role{};
    if (!keys::parse(ownerRole, &role) || role == keys::Role::Administrator)
        return Error{field, QStringLiteral("must be one of the care team's roles: medical_assistant, nurse, clinician, "
                                           "registry_manager or front_desk")};
    return ok();
}

bool taskOverdue(const domain::Task &task, const QDate &asOf)
{
    return task.status == domain::TaskStatus::Open && task.due.isValid() && task.due < asOf;
}

QList<TaskItem> openTasks(const QList<domain::Patient> &patients, std::optional<keys::Role> role, const QDate &asOf)
{
    QList<TaskItem> items;
    const QString roleName = role ? keys::toString(*role) : QString();
    for (const domain::Patient &patient : patients) {
        if (!domain::isActiveOn(patient, asOf))
            continue;
        for (const domain::Task &task : patient.tasks) {
            if (task.status != domain::TaskStatus::Open || (role && task.ownerRole != roleName))
                continue;
            items << TaskItem{patient.id,
                              patient.name,
                              task.meta.id.toString(QUuid::WithoutBraces),
                              task.text,
                              task.ownerRole,
                              task.due,
                              taskOverdue(task, asOf)};
        }
    }
    std::stable_sort(items.begin(), items.end(), [](const TaskItem &a, const TaskItem &b) {
        if (a.overdue != b.overdue)
            return a.overdue;
        if (a.due != b.due)
            return a.due < b.due;
        return a.patientName.localeAwareCompare(b.patientName) < 0;
    });
    return items;
}

QList<ConferenceItem> conferencesToDiscuss(const QList<domain::Patient> &patients, const QDate &asOf)
{
    using S = domain::ConferenceStatus;
    QList<ConferenceItem> items;
    for (const domain::Patient &patient : patients) {
        if (!domain::isActiveOn(patient, asOf))
            continue;
        for (const domain::CaseConference &c : patient.caseConferences) {
            if (c.status != S::Requested && c.status != S::Scheduled)
                continue;
            items << ConferenceItem{patient.id,   patient.name, c.meta.id.toString(QUuid::WithoutBraces),
                                    c.question,   c.status,     c.date,
                                    c.meetingDate};
        }
    }
    std::stable_sort(items.begin(), items.end(), [](const ConferenceItem &a, const ConferenceItem &b) {
        if (a.status != b.status)
            return a.status == S::Scheduled;
        if (a.status == S::Scheduled && a.meetingDate != b.meetingDate)
            return a.meetingDate < b.meetingDate;
        if (a.requested != b.requested)
            return a.requested < b.requested;
        return a.patientName.localeAwareCompare(b.patientName) < 0;
    });
    return items;
}

}  // namespace cairn::clinical
