#pragma once
// The clinician's decisions in the visit, each written at once as its proper domain record:
// continue the current plan (a completed visit today), start or pause a taper (the patient's taper
// status, a demographics correction), refer (a referral), naloxone prescribed, a new agreement.
// Database work on the database thread; `loading`, `error` and `message` like every async object.
// Each decision is one tap with no "are you sure?": undo() withdraws the last one through the
// registry's own path (a withdrawal record, or for the taper status a correction back), so nothing
// is lost and the undo syncs like any record.

#include "qml/app/async_model.h"

#include <QDate>
#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace cairn::app {

class VisitDecisions : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString patientId READ patientId WRITE setPatientId NOTIFY patientIdChanged)
    // "none", "planned", "in_progress", "paused", "completed"; empty until loaded.
    Q_PROPERTY(QString taperStatus READ taperStatus NOTIFY taperStatusChanged)
    Q_PROPERTY(QString taperStatusLabel READ taperStatusLabel NOTIFY taperStatusChanged)
    // Whether the signed-in user may record clinical decisions (clinicians).
    Q_PROPERTY(bool allowed READ allowed NOTIFY sessionChanged)
    // The last decision recorded here can still be undone (until another one, or an undo).
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoChanged)
public:
    // What undo() reverses: a record to withdraw, or the taper status to put back.
    struct Undo {
        QString recordId;
        int previousTaper = -1;
    };

    explicit VisitDecisions(QObject *parent = nullptr);

    QString patientId() const { return m_patientId; }
    void setPatientId(const QString &id);
    QString taperStatus() const { return m_taperStatus; }
    QString taperStatusLabel() const;
    bool allowed() const;
    bool canUndo() const { return !m_undo.recordId.isEmpty() || m_undo.previousTaper >= 0; }

    // The day of the visit (tests inject one; the app uses today).
    void setToday(const QDate &today) { m_today = today; }

    Q_INVOKABLE void reload() override;
    Q_INVOKABLE void continuePlan();
    Q_INVOKABLE void startTaper();
    Q_INVOKABLE void pauseTaper();
    // A referral drafted today: to a directory resource (resourceId) or a free-text destination,
    // with its question (required) and urgency ("routine", "soon", "urgent"); type: the kind of
    // care ("pain_specialist", …), optional.
    Q_INVOKABLE void refer(const QString &resourceId, const QString &type, const QString &to, const QString &question,
                           const QString &urgency);
    Q_INVOKABLE void prescribeNaloxone();
    Q_INVOKABLE void newAgreement(const QString &note);
    // Withdraws the last decision recorded here (its record stays in the history, marked withdrawn).
    Q_INVOKABLE void undo();

signals:
    void patientIdChanged();
    void taperStatusChanged();
    void recorded();
    void undoChanged();

private:
    void setTaper(int status, const QString &success);
    void write(const std::function<Result<Undo>(registry::Registry &, const QString &, const QDate &)> &job,
               const QString &success);
    void setUndo(const Undo &undo);
    QDate today() const { return m_today.isValid() ? m_today : clinicToday(); }
    QString m_patientId;
    QDate m_today;
    QString m_taperStatus;
    Undo m_undo;
};

}  // namespace cairn::app
