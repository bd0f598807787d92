#pragma once
// One patient on screen: header, whether and why the patient is on the long-term opioid therapy
// registry (the clinic's definition, core/clinical/ltot.h), effective tier, MME with its band and the CDC caution, open
// care gaps, the current regimen, PEG history, and a PEG entry that is saved the moment it is entered. Loads and saves
// on the database thread; `loading`, `error` and `message` like every async object.

#include "core/clinical/decisions.h"
#include "core/registry/views.h"
#include "qml/app/async_model.h"
#include "qml/patient/gap_list_model.h"
#include "qml/patient/patient_history.h"
#include "qml/patient/prompt_list_model.h"

#include <QDate>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class PatientViewModel : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString patientId READ patientId WRITE setPatientId NOTIFY patientIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString details READ details NOTIFY textsChanged)
    // "en" or "es": the patient's preferred language (the agreement is shown in it).
    Q_PROPERTY(QString language READ language NOTIFY changed)
    // The banner's identity parts: "12 Mar 1987 (38)" (empty without a birth date), the clinic's
    // identifier, the prescriber and the patient's language in words, in the screens' language
    // ("English" / "inglés").
    Q_PROPERTY(QString birthDateText READ birthDateText NOTIFY textsChanged)
    Q_PROPERTY(QString clinicId READ clinicId NOTIFY changed)
    Q_PROPERTY(QString prescriber READ prescriber NOTIFY changed)
    Q_PROPERTY(QString languageLabel READ languageLabel NOTIFY textsChanged)
    // The effective tier is high: its chip is drawn as a warning (with an icon, never colour alone).
    Q_PROPERTY(bool highRisk READ highRisk NOTIFY changed)
    // "Inactive since 3 Dec 2026: moved away"; empty while the patient is active.
    Q_PROPERTY(QString inactiveText READ inactiveText NOTIFY textsChanged)
    Q_PROPERTY(bool onLtot READ onLtot NOTIFY changed)
    Q_PROPERTY(QString ltotText READ ltotText NOTIFY textsChanged)
    // Opioid use disorder, apart from long-term therapy: the latest checklist's result and the MOUD
    // state in force, each a sentence ("" when none is recorded).
    Q_PROPERTY(QString oudText READ oudText NOTIFY textsChanged)
    Q_PROPERTY(QString moudText READ moudText NOTIFY textsChanged)
    // The new-patient intake: its id (what "Continue the intake" corrects; "" if none) and where it
    // stands ("Started 2 Nov 2026; still to do: …", or its first-visit decision).
    Q_PROPERTY(QString intakeId READ intakeId NOTIFY changed)
    Q_PROPERTY(QString intakeText READ intakeText NOTIFY textsChanged)
    Q_PROPERTY(QString tierLabel READ tierLabel NOTIFY textsChanged)
    Q_PROPERTY(QString mmeText READ mmeText NOTIFY textsChanged)
    Q_PROPERTY(QString bandLabel READ bandLabel NOTIFY textsChanged)
    Q_PROPERTY(QString caution READ caution NOTIFY textsChanged)
    Q_PROPERTY(QStringList regimen READ regimen NOTIFY textsChanged)
    Q_PROPERTY(QStringList pegHistory READ pegHistory NOTIFY textsChanged)
    // The care plan in words: each goal being worked on (with its target date), then the latest
    // taper plan with its status and steps. Empty when there is none.
    Q_PROPERTY(QStringList carePlan READ carePlan NOTIFY textsChanged)
    // The taper plan in force (the latest by date), what "Update the taper plan" corrects; "" if none.
    Q_PROPERTY(QString taperPlanId READ taperPlanId NOTIFY changed)
    Q_PROPERTY(bool suicideRiskAlert READ suicideRiskAlert NOTIFY changed)
    Q_PROPERTY(cairn::app::GapListModel *gaps READ gaps CONSTANT)
    // Conversation prompts: scripts that fit this patient's open gaps, most relevant first.
    Q_PROPERTY(cairn::app::PromptListModel *prompts READ prompts CONSTANT)
    Q_PROPERTY(QStringList scriptsUsed READ scriptsUsed NOTIFY changed)
    // PEG trend, oldest first: one point per PEG record (x: index into pegDates, y: the mean of the
    // three items, 0-10). pegTarget is 0.7 × the first PEG's mean (30% better than baseline);
    // hasPegTarget is false when there is no PEG yet.
    Q_PROPERTY(QStringList pegDates READ pegDates NOTIFY textsChanged)
    Q_PROPERTY(QList<qreal> pegValues READ pegValues NOTIFY changed)
    Q_PROPERTY(bool hasPegTarget READ hasPegTarget NOTIFY changed)
    Q_PROPERTY(qreal pegBaseline READ pegBaseline NOTIFY changed)
    Q_PROPERTY(qreal pegTarget READ pegTarget NOTIFY changed)
    Q_PROPERTY(QString pegTrendText READ pegTrendText NOTIFY textsChanged)
    // Total MME per day on each date the regimen changed, up to today (x: index into mmeDates).
    // mmeHistoryNote says when only today's total could be shown.
    Q_PROPERTY(QStringList mmeDates READ mmeDates NOTIFY textsChanged)
    Q_PROPERTY(QList<qreal> mmeValues READ mmeValues NOTIFY changed)
    Q_PROPERTY(qreal mmeMax READ mmeMax NOTIFY changed)
    Q_PROPERTY(QString mmeHistoryNote READ mmeHistoryNote NOTIFY textsChanged)
    Q_PROPERTY(QString mmeTrendText READ mmeTrendText NOTIFY textsChanged)
    // Urine drug screens, PDMP checks, agreements, naloxone and visits, newest first.
    Q_PROPERTY(cairn::app::HistoryListModel *history READ history CONSTANT)
    // The patient's referrals, open ones first then newest: [{referralId, destination, question,
    // status, statusLabel, urgencyLabel, followUpText, overdue (bool), open (bool),
    // next: [{value, label}] (the moves the status allows)}].
    Q_PROPERTY(QVariantList referrals READ referrals NOTIFY textsChanged)
public:
    explicit PatientViewModel(QObject *parent = nullptr);

    QString patientId() const { return m_patientId; }
    void setPatientId(const QString &id);
    bool loaded() const { return m_view.has_value(); }
    QString name() const;
    QString details() const;
    QString language() const { return m_view ? m_view->patient.language : QString(); }
    QString birthDateText() const;
    QString clinicId() const { return m_view ? m_view->patient.clinicId : QString(); }
    QString prescriber() const { return m_view ? m_view->patient.prescriber : QString(); }
    QString languageLabel() const;
    bool highRisk() const { return m_view && m_view->evaluation.tier == domain::RiskTier::High; }
    QString inactiveText() const;
    bool onLtot() const { return m_view && m_view->ltot.onLtot; }
    QString ltotText() const { return m_view ? ltotSentence(m_view->ltot) : QString(); }
    // The sentence the patient screen shows for a status, in the screen's language.
    static QString ltotSentence(const clinical::LtotStatus &status);
    QString oudText() const;
    QString moudText() const;
    QString intakeId() const;
    QString intakeText() const;
    QString tierLabel() const;
    QString mmeText() const;
    QString bandLabel() const;
    QString caution() const;
    QStringList regimen() const;
    QStringList pegHistory() const;
    QStringList carePlan() const;
    QString taperPlanId() const;
    bool suicideRiskAlert() const;
    GapListModel *gaps() { return &m_gaps; }
    PromptListModel *prompts() { return &m_prompts; }
    QStringList scriptsUsed() const;
    QStringList pegDates() const;
    QList<qreal> pegValues() const;
    bool hasPegTarget() const { return !m_peg.isEmpty(); }
    qreal pegBaseline() const { return m_peg.isEmpty() ? 0 : m_peg.first().value; }
    qreal pegTarget() const { return clinical::pegImprovementTarget(pegBaseline()); }
    QString pegTrendText() const;
    QStringList mmeDates() const;
    QList<qreal> mmeValues() const;
    qreal mmeMax() const;
    QString mmeHistoryNote() const;
    QString mmeTrendText() const;
    HistoryListModel *history() { return &m_history; }
    QVariantList referrals() const;

    // The day the screen is about (tests inject one; the app uses today).
    void setToday(const QDate &today) { m_today = today; }

    Q_INVOKABLE void reload() override;
    // Saves a PEG score for today at once (nothing is lost if the tablet dies mid-visit).
    Q_INVOKABLE void savePeg(int pain, int enjoyment, int activity);
    // Withdraws the PEG savePeg() saved last (the undo of its snackbar): the record stays in the
    // history, marked withdrawn, and the withdrawal syncs.
    Q_INVOKABLE void undoPeg();
    // Records that a conversation script was used today, with an optional private note.
    Q_INVOKABLE void markScriptUsed(const QString &scriptId, const QString &note);
    // Withdraws a record entered in error (it stays in the history, marked withdrawn, with the
    // reason). The reason is required.
    Q_INVOKABLE void withdrawRecord(const QString &recordId, const QString &reason);
    // Moves a referral on to `status` ("sent", "scheduled", …) as of today: its next version. An
    // impossible move, or a role that may not, is refused with the reason in `message`.
    Q_INVOKABLE void moveReferral(const QString &referralId, const QString &status);
    // Marks an overdue task done from its TASK_OVERDUE gap card (registry::completeTask, as on
    // Today); the gap goes once none of its tasks is left.
    Q_INVOKABLE void markTaskDone(const QString &taskId);

signals:
    void patientIdChanged();
    void changed();
    // Every text the model words (sentences, labels, dates): with `changed`, and on a switch of
    // the screens' language, so that nothing on screen stays in the language it was loaded in.
    void textsChanged();
    void saved();

protected:
    // The texts follow a switch of the screens' language.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Words everything again in the screens' language (after a switch).
    void retranslate();
    // The scripts for the open gaps, in the screens' language.
    void rankPrompts();

    QString m_patientId;
    QDate m_today;
    std::optional<registry::PatientView> m_view;
    GapListModel m_gaps;
    PromptListModel m_prompts;
    HistoryListModel m_history;
    QList<SeriesPoint> m_peg;
    QList<SeriesPoint> m_mme;
    bool m_mmeComplete = true;
    QString m_lastPegId;
    bool m_readFailed = false;  // the message shown is the last read's error
};

}  // namespace cairn::app
