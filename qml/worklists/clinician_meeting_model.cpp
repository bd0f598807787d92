#include "qml/worklists/clinician_meeting_model.h"

#include "core/domain/record_json.h"
#include "core/registry/case_conferences.h"
#include "core/registry/registry.h"
#include "qml/forms/record_form_fields.h"

#include <QJsonObject>
#include <QLocale>

namespace cairn::app {
namespace {

struct MeetingLists {
    QList<clinical::ConferenceItem> conferences;
    QList<clinical::TaskItem> tasks;
};

// A recommendation as the screen gives it; dates may come as QDate or as ISO text.
Result<domain::Recommendation> recommendationFrom(const QVariantMap &map)
{
    QJsonObject object = QJsonObject::fromVariantMap(map);
    const QVariant due = map.value(QStringLiteral("due"));
    if (due.metaType().id() == QMetaType::QDate)
        object.insert(QStringLiteral("due"), due.toDate().isValid() ? due.toDate().toString(Qt::ISODate) : QString());
    // Empty fields of the form are absent, not "" (a blank due date is no due date).
    for (const QString &key : object.keys())
        if (object.value(key).isString() && object.value(key).toString().trimmed().isEmpty())
            object.remove(key);
    return domain::recommendationFromJson(object);
}

}  // namespace

ClinicianMeetingModel::ClinicianMeetingModel(QObject *parent)
    : AsyncListModel(parent)
{}

int ClinicianMeetingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ClinicianMeetingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const clinical::ConferenceItem &r = m_rows.at(index.row());
    switch (role) {
    case ConferenceIdRole:
        return r.conferenceId;
    case PatientIdRole:
        return r.patientId;
    case Qt::DisplayRole:
    case NameRole:
        return r.patientName;
    case QuestionRole:
        return r.question;
    case StatusRole:
        return domain::toString(r.status);
    case StatusTextRole:
        if (r.status == domain::ConferenceStatus::Scheduled)
            return tr("For the meeting of %1").arg(QLocale().toString(r.meetingDate, QLocale::ShortFormat));
        return tr("Asked on %1, not scheduled yet").arg(QLocale().toString(r.requested, QLocale::ShortFormat));
    case MeetingDateRole:
        return r.meetingDate;
    default:
        return {};
    }
}

QHash<int, QByteArray> ClinicianMeetingModel::roleNames() const
{
    return {{ConferenceIdRole, "conferenceId"}, {PatientIdRole, "patientId"}, {NameRole, "name"},
            {QuestionRole, "question"},         {StatusRole, "status"},       {StatusTextRole, "statusText"},
            {MeetingDateRole, "meetingDate"}};
}

QVariantList ClinicianMeetingModel::tasks() const
{
    QVariantList list;
    for (const clinical::TaskItem &t : m_tasks)
        list << QVariantMap{{QStringLiteral("taskId"), t.taskId},
                            {QStringLiteral("patientId"), t.patientId},
                            {QStringLiteral("name"), t.patientName},
                            {QStringLiteral("text"), t.text},
                            {QStringLiteral("due"), t.due},
                            {QStringLiteral("dueText"),
                             t.overdue ? tr("Overdue since %1").arg(QLocale().toString(t.due, QLocale::ShortFormat))
                                       : tr("Due %1").arg(QLocale().toString(t.due, QLocale::ShortFormat))},
                            {QStringLiteral("overdue"), t.overdue}};
    return list;
}

void ClinicianMeetingModel::reload()
{
    if (!session() || !session()->signedIn()) {
        beginResetModel();
        m_rows.clear();
        m_tasks.clear();
        endResetModel();
        emit countChanged();
        return;
    }
    const QDate asOf = today();
    keys::Role role{};
    const std::optional<keys::Role> mine =
        keys::parse(session()->role(), &role) ? std::optional<keys::Role>(role) : std::nullopt;
    run<Result<MeetingLists>>(
        [asOf, mine](registry::Registry &registry) -> Result<MeetingLists> {
            auto conferences = registry::clinicianMeetingList(registry, asOf);
            if (!conferences)
                return conferences.error();
            // An unknown role sees no task rather than everyone's.
            auto tasks = mine ? registry::taskWorklist(registry, mine, asOf)
                              : Result<QList<clinical::TaskItem>>(QList<clinical::TaskItem>());
            if (!tasks)
                return tasks.error();
            return MeetingLists{*conferences, *tasks};
        },
        [this](Result<MeetingLists> lists) {
            beginResetModel();
            m_rows = lists ? lists->conferences : QList<clinical::ConferenceItem>();
            m_tasks = lists ? lists->tasks : QList<clinical::TaskItem>();
            endResetModel();
            emit countChanged();
            if (!lists)
                setMessage(lists.error().line(), true);
            emit ready();
        });
}

void ClinicianMeetingModel::schedule(const QString &conferenceId, const QString &meetingDateText)
{
    if (!session())
        return;
    const QDate meetingDate = QDate::fromString(meetingDateText, Qt::ISODate);
    run<Status>(
        [conferenceId, meetingDate](registry::Registry &registry) -> Status {
            auto written = registry::scheduleCaseConference(registry, conferenceId, meetingDate);
            return written ? ok() : Status(written.error());
        },
        [this](Status status) {
            report(status, tr("Scheduled for the clinician meeting."));
            if (status)
                session()->noteDataChanged();
        });
}

void ClinicianMeetingModel::recordConsultNote(const QString &conferenceId, const QString &note,
                                              const QVariantList &recommendations, const QStringList &scripts)
{
    if (!session())
        return;
    registry::ConsultNote consult{note, {}, scripts};
    for (qsizetype i = 0; i < recommendations.size(); ++i) {
        auto r = recommendationFrom(recommendations.at(i).toMap());
        if (!r) {
            setMessage(r.error().within(QStringLiteral("recommendations[%1]").arg(i)).line(), true);
            return;
        }
        consult.recommendations << *r;
    }
    const QDate day = today();
    run<Result<QStringList>>(
        [conferenceId, consult, day](registry::Registry &registry) {
            return registry::recordConsultNote(registry, conferenceId, consult, day);
        },
        [this, conferenceId](Result<QStringList> made) {
            report(made ? ok() : Status(made.error()),
                   made ? tr("The team's note is recorded; %n record(s) made from its recommendations.", "",
                             static_cast<int>(made->size()))
                        : QString());
            if (!made)
                return;
            emit recorded(conferenceId);
            session()->noteDataChanged();
        });
}

}  // namespace cairn::app
