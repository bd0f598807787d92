#pragma once
// Rooming one patient (medical assistant): PEG, PHQ-2 (then the rest of the PHQ-9 when it is
// positive), GAD-2 (then the rest of the GAD-7 likewise), the Opioid Risk Tool when the patient has
// none on record, the PC-PTSD-5 when none is on record from the last 365 days, urine sample
// collected, agreement signed, PDMP check, and a closing summary of what the clinician must address.
//
// One question per page, read aloud from the instrument definitions in the patient's language.
// Every answer is saved the moment it is entered: the answers so far go to the patient's rooming
// draft in the encrypted registry (never synced, never logged), and each instrument is written as
// its real record (PegScore, Screening) as soon as it is complete, so a PHQ-9 whose item 9 is
// above zero reaches the clinician view at once. Opening rooming again resumes the draft.
// All database work runs on the database thread; `loading`, `error`, `message` like every async
// object, and every path that ends an operation resets `loading`.

#include "core/clinical/instruments.h"
#include "core/clinical/rooming_plan.h"
#include "qml/app/async_model.h"
#include "qml/patient/gap_list_model.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace cairn::app {

class RoomingFlow : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString patientId READ patientId WRITE setPatientId NOTIFY patientIdChanged)
    // True once the patient and any draft are loaded and the flow can be shown.
    Q_PROPERTY(bool ready READ ready NOTIFY stepChanged)
    Q_PROPERTY(bool resumed READ resumed NOTIFY stepChanged)
    Q_PROPERTY(QString patientName READ patientName NOTIFY stepChanged)
    // "en" or "es": the patient's language, in which questions are read aloud.
    Q_PROPERTY(QString language READ language NOTIFY stepChanged)
    Q_PROPERTY(int stepIndex READ stepIndex NOTIFY stepChanged)
    Q_PROPERTY(int stepCount READ stepCount NOTIFY stepChanged)
    // "question", "urine", "agreement", "pdmp" or "summary".
    Q_PROPERTY(QString stepKind READ stepKind NOTIFY stepChanged)
    // For a question: the instrument ("peg", "phq2", "phq9", "gad2", "gad7", "ort", "pcptsd5"), its title, the
    // recall period or stem, the item wording, its number, the answer range and the anchor words.
    Q_PROPERTY(QString instrument READ instrument NOTIFY stepChanged)
    Q_PROPERTY(QString instrumentTitle READ instrumentTitle NOTIFY stepChanged)
    Q_PROPERTY(QString stem READ stem NOTIFY stepChanged)
    Q_PROPERTY(QString questionText READ questionText NOTIFY stepChanged)
    Q_PROPERTY(int questionNumber READ questionNumber NOTIFY stepChanged)
    Q_PROPERTY(int questionTotal READ questionTotal NOTIFY stepChanged)
    Q_PROPERTY(int minValue READ minValue NOTIFY stepChanged)
    Q_PROPERTY(int maxValue READ maxValue NOTIFY stepChanged)
    // One entry per value from minValue to maxValue: its anchor words, or "" when it has none.
    Q_PROPERTY(QStringList choiceLabels READ choiceLabels NOTIFY stepChanged)
    // A yes/no question (ORT, PC-PTSD-5): 0 is "No", 1 is "Yes" (choiceLabels says so).
    Q_PROPERTY(bool yesNo READ yesNo NOTIFY stepChanged)
    // The answer given to this question so far; -1 when none.
    Q_PROPERTY(int currentAnswer READ currentAnswer NOTIFY stepChanged)
    // "" (not yet), "done" or "skipped" for the urine, agreement and PDMP steps.
    Q_PROPERTY(QString actionState READ actionState NOTIFY stepChanged)
    Q_PROPERTY(bool canGoNext READ canGoNext NOTIFY stepChanged)
    // PHQ-9 item 9 answered above zero: tell the clinician now.
    Q_PROPERTY(bool suicideRiskAlert READ suicideRiskAlert NOTIFY stepChanged)
    // The summary: what was recorded in this rooming, and what the clinician must address.
    Q_PROPERTY(QStringList recorded READ recorded NOTIFY stepChanged)
    Q_PROPERTY(cairn::app::GapListModel *clinicianGaps READ clinicianGaps CONSTANT)
    Q_PROPERTY(bool summaryLoaded READ summaryLoaded NOTIFY summaryChanged)
    // Random urine testing (policy uds_selection "random"): the draw made when this rooming started
    // (recorded as a uds_selection record), so the medical assistant learns here, and only here,
    // whether today's visit includes a sample. Both false under a fixed interval.
    Q_PROPERTY(bool urineRandom READ urineRandom NOTIFY stepChanged)
    Q_PROPERTY(bool urineSelected READ urineSelected NOTIFY stepChanged)

public:
    explicit RoomingFlow(QObject *parent = nullptr);

    QString patientId() const { return m_patientId; }
    void setPatientId(const QString &id);
    bool ready() const { return m_ready; }
    bool resumed() const { return m_resumed; }
    QString patientName() const { return m_patientName; }
    QString language() const { return m_language; }
    int stepIndex() const { return m_step; }
    int stepCount() const { return static_cast<int>(steps().size()); }
    QString stepKind() const;
    QString instrument() const;
    QString instrumentTitle() const;
    QString stem() const;
    QString questionText() const;
    int questionNumber() const;
    int questionTotal() const;
    int minValue() const;
    int maxValue() const;
    QStringList choiceLabels() const;
    bool yesNo() const;
    int currentAnswer() const;
    QString actionState() const;
    bool canGoNext() const;
    bool suicideRiskAlert() const;
    QStringList recorded() const;
    GapListModel *clinicianGaps() { return &m_gaps; }
    bool summaryLoaded() const { return m_summaryLoaded; }
    bool urineRandom() const { return m_urineRandom; }
    bool urineSelected() const { return m_urineSelected; }

    // The day of the visit (tests inject one; the app uses today). Set before patientId.
    void setToday(const QDate &today) { m_today = today; }

    // Answers the current question, saves at once and moves on.
    Q_INVOKABLE void answer(int value);
    // The urine sample is collected (a urine drug screen record, result pending).
    Q_INVOKABLE void recordUrineCollected();
    // The patient signed the agreement today.
    Q_INVOKABLE void recordAgreementSigned();
    // The PDMP was checked today; findings only when concerning.
    Q_INVOKABLE void recordPdmpCheck(bool concerning, const QString &findings);
    // Leaves the urine, agreement or PDMP step undone today (it stays an open gap).
    Q_INVOKABLE void skipStep();
    Q_INVOKABLE void back();
    Q_INVOKABLE void next();
    // Ends the rooming: the draft is cleared (every record is already saved).
    Q_INVOKABLE void finish();
    Q_INVOKABLE void reload() override;

signals:
    void patientIdChanged();
    void stepChanged();
    void summaryChanged();
    // Each time the answers so far are safely in the registry.
    void saved();
    void finished();

private:
    struct Step {
        QString kind;        // "question", "urine", "agreement", "pdmp", "summary"
        QString instrument;  // questions only
        int item = -1;       // 0-based item of `instrument`
    };
    QList<Step> steps() const;
    std::optional<Step> current() const;
    const clinical::Instrument *definition(const QString &id) const;
    int answerCount(const QString &instrument) const;
    bool complete(const QString &instrument) const;
    QJsonValue recordAnswers(const QString &instrument) const;
    std::optional<clinical::ScreeningScore> scored(const QString &instrument) const;
    clinical::RoomingContext planContext() const;
    QJsonObject draftJson() const;
    void restore(const QJsonObject &draft);
    void persist(const QString &success);
    void loadSummary();
    void goTo(int step);
    void advance(const QString &success);
    QDate today() const;

    QString m_patientId;
    QDate m_today;
    bool m_ready = false;
    bool m_resumed = false;
    QString m_patientName;
    QString m_language = QStringLiteral("en");
    int m_step = 0;
    QHash<QString, QList<int>> m_answers;  // instrument → item scores, -1 unanswered; yes/no
                                           // items 1/0; PC-PTSD-5: [exposure, 5 items]
    QStringList m_asked;                   // "ort", "pcptsd5": the optional instruments due
    domain::Sex m_sex = domain::Sex::Unknown;
    int m_pcptsd5Cutoff = 3;
    QHash<QString, QString> m_actions;  // "urine"/"agreement"/"pdmp" → "done"/"skipped"
    bool m_pdmpConcerning = false;
    QString m_pdmpFindings;
    QJsonObject m_saved;  // what is already written: kind → {id, answers}
    GapListModel m_gaps;
    bool m_summaryLoaded = false;
    bool m_urineRandom = false;
    bool m_urineSelected = false;
    const clinical::Instruments *m_instruments = nullptr;
};

}  // namespace cairn::app
