#pragma once
// Case conferences through the registry (issue 18 item 5): the clinician's request, the clinician
// meeting that discusses it, and the team's consult note whose recommendations become real records
// (tasks, referrals, goals, taper steps) in the same transaction. The rules are
// core/clinical/case_conference.h; these calls read the record in force and write its next version.

#include "core/clinical/case_conference.h"
#include "core/domain/records.h"
#include "core/domain/result.h"

#include <QDate>
#include <QList>
#include <QStringList>

#include <optional>

namespace cairn::registry {

class Registry;

// The conference `conferenceId` in force, with its patient's id. Errors name "conference".
struct ConferenceInForce {
    QString patientId;
    domain::CaseConference conference;
};
Result<ConferenceInForce> caseConference(Registry &registry, const QString &conferenceId);

// A clinician's request for a case conference about the patient, dated `today`. A blank question is
// refused naming "question". Returns the conference's id.
Result<QString> requestCaseConference(Registry &registry, const QString &patientId, const QString &question,
                                      const QDate &today);
// For the clinician meeting of `meetingDate` (requested → scheduled, or moved to another meeting).
Result<QString> scheduleCaseConference(Registry &registry, const QString &conferenceId, const QDate &meetingDate);

// What the team said at the meeting.
struct ConsultNote {
    QString note;
    QList<domain::Recommendation> recommendations;
    QStringList scripts;  // suggested script ids; each must be in the script library
};
// Records the consult note (scheduled → discussed) and makes each recommendation a record: a task
// for its owner role, a proposed referral, an active goal, or a step of the taper plan in force (a
// new planned taper when there is none). One transaction: all or nothing. Errors name the field
// ("recommendations[1].owner_role", "scripts[0]"). Returns the ids of the records made, in order.
Result<QStringList> recordConsultNote(Registry &registry, const QString &conferenceId, const ConsultNote &note,
                                      const QDate &today);
// discussed → closed.
Result<QString> closeCaseConference(Registry &registry, const QString &conferenceId);

// The "discuss at the next clinician meeting" list, read from every patient (audited as a bulk
// view naming the purpose).
Result<QList<clinical::ConferenceItem>> clinicianMeetingList(Registry &registry, const QDate &asOf);
// The open tasks of `role` (every role when none), overdue first.
Result<QList<clinical::TaskItem>> taskWorklist(Registry &registry, std::optional<keys::Role> role, const QDate &asOf);
// The open tasks of `role` whose due date has come: the role's Today (clinical::tasksDue).
Result<QList<clinical::TaskItem>> tasksDueToday(Registry &registry, keys::Role role, const QDate &asOf);
// Marks the task `taskId` done: its next version, one write. Errors name "task" (not a task in
// force) or "status" (already done). Returns the task's id.
Result<QString> completeTask(Registry &registry, const QString &taskId);

}  // namespace cairn::registry
