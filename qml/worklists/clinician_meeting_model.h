#pragma once
// The "Clinician meeting" screen's two lists (issue 18 item 5): the case conferences still to
// discuss (requested or scheduled, core/clinical/case_conference.h) and the open tasks of the
// signed-in role, overdue first; and the meeting's two actions, scheduling a conference for a
// meeting's date and recording the team's consult note, whose recommendations become records in
// one transaction (registry::recordConsultNote).
//
// Conference roles: conferenceId, patientId, name, question, status (domain text), statusText
// (translated), meetingDate (date, invalid when none). Task rows: tasks (a list of maps with
// taskId, patientId, name, text, due, dueText, overdue).

#include "core/clinical/case_conference.h"
#include "qml/app/async_model.h"

#include <QAbstractListModel>
#include <QDate>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class ClinicianMeetingModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ countProperty NOTIFY countChanged)
    Q_PROPERTY(QVariantList tasks READ tasks NOTIFY countChanged)

public:
    enum Roles {
        ConferenceIdRole = Qt::UserRole + 1,
        PatientIdRole,
        NameRole,
        QuestionRole,
        StatusRole,
        StatusTextRole,
        MeetingDateRole
    };
    Q_ENUM(Roles)

    explicit ClinicianMeetingModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int countProperty() const { return static_cast<int>(m_rows.size()); }
    QVariantList tasks() const;

    Q_INVOKABLE void reload() override;
    // Puts the conference on the clinician meeting of `meetingDate` ("YYYY-MM-DD").
    Q_INVOKABLE void schedule(const QString &conferenceId, const QString &meetingDate);
    // The team's note: `recommendations` are maps with the consult note's fields (kind, text,
    // owner_role, due as a date or "YYYY-MM-DD", referral_type, target_mme_per_day); `scripts`
    // are script ids. Refusals name the field; nothing is written then.
    Q_INVOKABLE void recordConsultNote(const QString &conferenceId, const QString &note,
                                       const QVariantList &recommendations, const QStringList &scripts);
    void setToday(const QDate &today) { m_today = today; }

signals:
    void countChanged();
    void ready();
    void recorded(const QString &conferenceId);

private:
    QDate today() const { return m_today.isValid() ? m_today : clinicToday(); }
    QDate m_today;
    QList<clinical::ConferenceItem> m_rows;
    QList<clinical::TaskItem> m_tasks;
};

}  // namespace cairn::app
