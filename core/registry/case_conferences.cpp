#include "core/registry/case_conferences.h"

#include "core/clinical/tasks.h"
#include "core/domain/record_json.h"
#include "core/domain/validation.h"
#include "core/registry/registry.h"
#include "core/scripts/library.h"

namespace cairn::registry {
namespace {

// The next version of a conference, checked against the rules for its status change.
Result<QString> writeNextVersion(Registry &registry, const QString &conferenceId, const domain::CaseConference &next,
                                 domain::ConferenceStatus from)
{
    if (auto s = clinical::checkConferenceMove(from, next.status); !s)
        return s.error();
    return registry.correctRecord(conferenceId, next);
}

// Whether `id` is a script of the library or one of the clinic's own.
bool knownScript(Registry &registry, const QString &id)
{
    auto library = scripts::Library::shipped();
    if (library && (*library)->find(id, QStringLiteral("en")))
        return true;
    auto clinic = registry.clinicScripts();
    if (!clinic)
        return false;
    return std::any_of(clinic->cbegin(), clinic->cend(), [&](const scripts::Script &s) { return s.id == id; });
}

// The taper plan in force (latest by date, then clock), as taperStatusOf reads it.
const domain::TaperPlan *taperInForce(const domain::Patient &patient)
{
    const domain::TaperPlan *latest = nullptr;
    for (const domain::TaperPlan &plan : patient.taperPlans)
        if (!latest || plan.date > latest->date || (plan.date == latest->date && latest->meta.stamp < plan.meta.stamp))
            latest = &plan;
    return latest;
}

}  // namespace

Result<ConferenceInForce> caseConference(Registry &registry, const QString &conferenceId)
{
    auto envelope = registry.recordInForce(conferenceId);
    if (!envelope)
        return Error{QStringLiteral("conference"), envelope.error().message};
    if (envelope->kind != domain::kindInfo<domain::CaseConference>().kind())
        return Error{QStringLiteral("conference"), QStringLiteral("%1 is not a case conference").arg(conferenceId)};
    auto record = domain::recordFromJson(envelope->kind, envelope->payload);
    if (!record)
        return record.error();
    auto conference = std::get<domain::CaseConference>(std::move(record).value());
    conference.meta.id = QUuid::fromString(envelope->id);
    return ConferenceInForce{envelope->patientId, conference};
}

Result<QString> requestCaseConference(Registry &registry, const QString &patientId, const QString &question,
                                      const QDate &today)
{
    domain::CaseConference conference;
    conference.date = today;
    conference.question = question.trimmed();
    return registry.addRecord(patientId, conference);
}

Result<QString> scheduleCaseConference(Registry &registry, const QString &conferenceId, const QDate &meetingDate)
{
    auto current = caseConference(registry, conferenceId);
    if (!current)
        return current.error();
    if (!meetingDate.isValid())
        return Error{QStringLiteral("meeting_date"), QStringLiteral("is required (YYYY-MM-DD)")};
    domain::CaseConference next = current->conference;
    next.status = domain::ConferenceStatus::Scheduled;
    next.meetingDate = meetingDate;
    return writeNextVersion(registry, conferenceId, next, current->conference.status);
}

Result<QStringList> recordConsultNote(Registry &registry, const QString &conferenceId, const ConsultNote &note,
                                      const QDate &today)
{
    auto current = caseConference(registry, conferenceId);
    if (!current)
        return current.error();
    // Once: a second note would make its recommendations' records again.
    if (current->conference.status != domain::ConferenceStatus::Scheduled)
        return Error{QStringLiteral("status"), QStringLiteral("the consult note is recorded for a conference scheduled "
                                                              "for a clinician meeting; this one is %1")
                                                   .arg(domain::toString(current->conference.status))};
    domain::CaseConference next = current->conference;
    next.status = domain::ConferenceStatus::Discussed;
    if (note.note.trimmed().isEmpty() && note.recommendations.isEmpty())
        return Error{QStringLiteral("consult_note"),
                     QStringLiteral("write the team's note or at least one recommendation")};
    for (qsizetype i = 0; i < note.scripts.size(); ++i)
        if (!knownScript(registry, note.scripts.at(i)))
            return Error{QStringLiteral("scripts[%1]").arg(i),
                         QStringLiteral("\"%1\" is not a script of the library").arg(note.scripts.at(i))};
    next.consultNote = note.note.trimmed();
    next.recommendations = note.recommendations;
    next.scripts = note.scripts;
    for (qsizetype i = 0; i < next.recommendations.size(); ++i) {
        const domain::Recommendation &r = next.recommendations.at(i);
        if (r.kind == domain::RecommendationKind::Task)
            if (auto s = clinical::checkTaskOwner(r.ownerRole); !s)
                return s.error().within(QStringLiteral("recommendations[%1]").arg(i));
    }
    if (auto s = domain::validate(next); !s)
        return s.error();

    auto patient = registry.loadPatient(current->patientId);
    if (!patient)
        return patient.error();
    QList<Registry::RecordWrite> writes;
    QList<qsizetype> madeFrom;  // the recommendation each write after the first makes
    std::optional<domain::TaperPlan> taper;
    QString taperSupersedes;
    qsizetype taperIndex = -1;
    for (qsizetype i = 0; i < next.recommendations.size(); ++i) {
        const domain::Recommendation &r = next.recommendations.at(i);
        switch (r.kind) {
        case domain::RecommendationKind::Task: {
            domain::Task task;
            task.date = today;
            task.text = r.text;
            task.ownerRole = r.ownerRole;
            task.due = r.due;
            task.conferenceId = conferenceId;
            writes << Registry::RecordWrite{task, {}};
            madeFrom << i;
            break;
        }
        case domain::RecommendationKind::Referral: {
            domain::Referral referral;
            referral.date = today;
            referral.type = r.referralType;
            referral.to = r.text.left(200);
            writes << Registry::RecordWrite{referral, {}};
            madeFrom << i;
            break;
        }
        case domain::RecommendationKind::Goal: {
            domain::CarePlanGoal goal;
            goal.date = today;
            goal.goal = r.text;
            goal.targetDate = r.due;
            writes << Registry::RecordWrite{goal, {}};
            madeFrom << i;
            break;
        }
        case domain::RecommendationKind::TaperStep:
            // Every taper step joins one version of the plan in force (or one new planned taper).
            if (!taper) {
                if (const domain::TaperPlan *inForce = taperInForce(*patient)) {
                    taper = *inForce;
                    taperSupersedes = inForce->meta.id.toString(QUuid::WithoutBraces);
                } else {
                    taper = domain::TaperPlan{};
                    taper->date = today;
                    taper->status = domain::TaperStatus::Planned;
                }
            }
            taper->steps << domain::TaperStep{r.due, r.text, r.targetMmePerDay};
            break;
        }
    }
    if (taper) {
        taperIndex = writes.size();
        writes << Registry::RecordWrite{*taper, taperSupersedes};
    }
    writes.prepend(Registry::RecordWrite{next, conferenceId});
    auto ids = registry.writeRecords(current->patientId, writes,
                                     [&](QList<Registry::RecordWrite> &all, const QStringList &newIds) {
                                         auto &conference = std::get<domain::CaseConference>(all.first().record);
                                         for (qsizetype w = 0; w < madeFrom.size(); ++w)
                                             conference.recommendations[madeFrom.at(w)].recordId = newIds.at(w + 1);
                                         for (domain::Recommendation &r : conference.recommendations)
                                             if (r.kind == domain::RecommendationKind::TaperStep && taperIndex >= 0)
                                                 r.recordId = newIds.at(taperIndex + 1);
                                     });
    if (!ids)
        return ids.error();
    return ids->mid(1);
}

Result<QString> closeCaseConference(Registry &registry, const QString &conferenceId)
{
    auto current = caseConference(registry, conferenceId);
    if (!current)
        return current.error();
    domain::CaseConference next = current->conference;
    next.status = domain::ConferenceStatus::Closed;
    return writeNextVersion(registry, conferenceId, next, current->conference.status);
}

Result<QList<clinical::ConferenceItem>> clinicianMeetingList(Registry &registry, const QDate &asOf)
{
    auto patients = registry.loadAllPatients(QStringLiteral("clinician meeting list"));
    if (!patients)
        return patients.error();
    return clinical::conferencesToDiscuss(*patients, asOf);
}

Result<QList<clinical::TaskItem>> taskWorklist(Registry &registry, std::optional<keys::Role> role, const QDate &asOf)
{
    auto patients = registry.loadAllPatients(QStringLiteral("task worklist"));
    if (!patients)
        return patients.error();
    return clinical::openTasks(*patients, role, asOf);
}

Result<QList<clinical::TaskItem>> tasksDueToday(Registry &registry, keys::Role role, const QDate &asOf)
{
    auto patients = registry.loadAllPatients(QStringLiteral("tasks due today"));
    if (!patients)
        return patients.error();
    return clinical::tasksDue(*patients, role, asOf);
}

Result<QString> completeTask(Registry &registry, const QString &taskId)
{
    auto envelope = registry.recordInForce(taskId);
    if (!envelope)
        return Error{QStringLiteral("task"), envelope.error().message};
    if (envelope->kind != domain::kindInfo<domain::Task>().kind())
        return Error{QStringLiteral("task"), QStringLiteral("%1 is not a task").arg(taskId)};
    auto record = domain::recordFromJson(envelope->kind, envelope->payload);
    if (!record)
        return record.error();
    auto task = std::get<domain::Task>(std::move(record).value());
    if (task.status == domain::TaskStatus::Done)
        return Error{QStringLiteral("status"), QStringLiteral("the task is already done")};
    task.status = domain::TaskStatus::Done;
    return registry.correctRecord(taskId, task);
}

}  // namespace cairn::registry
