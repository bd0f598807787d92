#pragma once
// The clinic's Six Building Blocks self-assessment on the tablet (issue 17 item 6): the signed-in
// user's answers for a round (every item scored 1-4 before Save is offered; nothing is pre-filled),
// each block's average over the rounds, and the action plan its low items turn into (kept by
// administrators and registry managers, each item due on its owner's Today once its date comes).
// The form's words come from core/clinical/self_assessment.h in the screen's language.
//
// Lists for QML (arrays of objects):
//   items:        {itemId, blockTitle, text, firstOfBlock}
//   rounds:       {round, respondents, byRole (words)}, oldest first
//   blocks:       {blockId, title, averages: [per round, 0 when not answered]}
//   candidates:   {itemId, blockTitle, text, average} of the latest round, averaging 2 or less
//   actionItems:  {id, itemId, itemText, action, owner (words), ownerRole ("" for a user), due (words),
//                  dueIso, status (ActionStatus), dueForMe}
// `session`, `loading`, `error` and `message` come from the async base.

#include "core/clinical/self_assessment.h"
#include "qml/app/async_model.h"
#include "qml/app/session.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class SelfAssessmentModel : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    // "en" or "es": the language of the form's words (the screen binds Language.current).
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY formChanged)
    // The round being answered ("2026-Q4"); the clinic's current quarter until the user names another.
    Q_PROPERTY(QString round READ round WRITE setRound NOTIFY roundChanged)
    Q_PROPERTY(QVariantList items READ items NOTIFY formChanged)
    Q_PROPERTY(QStringList levelLabels READ levelLabels NOTIFY formChanged)
    Q_PROPERTY(int answeredCount READ answeredCount NOTIFY scoresChanged)
    Q_PROPERTY(int itemCount READ itemCount NOTIFY formChanged)
    // Every item scored: only then may the answers be saved.
    Q_PROPERTY(bool complete READ complete NOTIFY scoresChanged)
    Q_PROPERTY(QVariantList rounds READ rounds NOTIFY resultsChanged)
    Q_PROPERTY(QVariantList blocks READ blocks NOTIFY resultsChanged)
    Q_PROPERTY(QVariantList candidates READ candidates NOTIFY resultsChanged)
    Q_PROPERTY(QVariantList actionItems READ actionItems NOTIFY resultsChanged)
    Q_PROPERTY(int dueForMeCount READ dueForMeCount NOTIFY resultsChanged)
    Q_PROPERTY(bool canKeepPlan READ canKeepPlan NOTIFY resultsChanged)
    // The roles an action-plan item may be given to: {text (the role in words), role ("nurse")}.
    Q_PROPERTY(QVariantList ownerRoleChoices READ ownerRoleChoices NOTIFY formChanged)

public:
    // clinical::ActionStatus for QML, in the same order (actionItems' `status` holds its value).
    enum class ActionStatus { Open, Done, Dropped };
    Q_ENUM(ActionStatus)

    explicit SelfAssessmentModel(QObject *parent = nullptr);

    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QString round() const { return m_round; }
    void setRound(const QString &round);
    QVariantList items() const { return m_items; }
    QStringList levelLabels() const { return m_form.levelLabels; }
    int answeredCount() const { return static_cast<int>(m_scores.size()); }
    int itemCount() const { return static_cast<int>(m_items.size()); }
    bool complete() const { return itemCount() > 0 && answeredCount() == itemCount(); }
    QVariantList rounds() const { return m_rounds; }
    QVariantList blocks() const { return m_blocks; }
    QVariantList candidates() const { return m_candidates; }
    QVariantList actionItems() const { return m_actionItems; }
    int dueForMeCount() const { return m_dueForMe; }
    bool canKeepPlan() const;
    QVariantList ownerRoleChoices() const;

    // The user's score for an item (1-4), or -1 when not answered yet.
    Q_INVOKABLE int scoreOf(const QString &itemId) const { return m_scores.value(itemId, -1); }
    Q_INVOKABLE void setScore(const QString &itemId, int score);
    // Stores the answers for the round (one transaction); refused naming the item when one is missing.
    Q_INVOKABLE void submit();
    // Administrators and registry managers: a new open action-plan item owned by a role.
    Q_INVOKABLE void addActionItem(const QString &itemId, const QString &action, const QString &ownerRole,
                                   const QString &due);
    // A new version of an item: what will be done, its owner role and its due date.
    Q_INVOKABLE void updateActionItem(const QString &id, const QString &action, const QString &ownerRole,
                                      const QString &due);
    Q_INVOKABLE void setActionStatus(const QString &id, cairn::app::SelfAssessmentModel::ActionStatus status);
    Q_INVOKABLE void reload() override;

signals:
    void formChanged();
    void roundChanged();
    void scoresChanged();
    void resultsChanged();
    void submitted();
    void actionSaved();

private:
    void loadForm();
    void saveAction(const QJsonObject &item, const QString &success);
    void show(const QList<clinical::AssessmentResponse> &responses, const QList<clinical::ActionPlanItem> &plan,
              const QList<registry::UserSummary> &users);

    QString m_language = QStringLiteral("en");
    QString m_round;
    clinical::SelfAssessment m_form;
    QVariantList m_items;
    QMap<QString, int> m_scores;
    QVariantList m_rounds;
    QVariantList m_blocks;
    QVariantList m_candidates;
    QVariantList m_actionItems;
    int m_dueForMe = 0;
    // Kept to show the results again in another language without another read.
    QList<clinical::AssessmentResponse> m_responses;
    QList<clinical::ActionPlanItem> m_plan;
    QList<registry::UserSummary> m_users;
    QString m_meId;
    keys::Role m_meRole = keys::Role::MedicalAssistant;
    QDate m_today;
};

}  // namespace cairn::app
