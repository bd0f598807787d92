#pragma once
// The clinic's Six Building Blocks self-assessment (issue 17 item 6): the items per building block
// and the 1-4 scale, kept as data in assets/clinical/self-assessment.json (our own words; the
// program's form is CC BY-NC-ND and is only linked), the staff's answers per round, the per-block
// averages over rounds, and the action plan that low-scoring items turn into. Pure functions: the
// registry stores the records (clinic scope, kinds "self_assessment_response" and
// "action_plan_item") and every tablet and the server check them with the readers here.

#include "core/domain/result.h"
#include "core/roles/roles.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace cairn::clinical {

struct AssessmentItem {
    QString id;  // "policies.agreements": stable, stored with every answer
    QString text;
};

struct AssessmentBlock {
    QString id;  // "leadership", "policies", "tracking", "planned_visits", "complex_needs", "measuring"
    QString title;
    QList<AssessmentItem> items;
};

// The form in one language ("en" or "es").
class SelfAssessment {
public:
    static constexpr int kLowestScore = 1;
    static constexpr int kHighestScore = 4;
    // An item whose average is at most this is offered as an action-plan item.
    static constexpr double kActionPlanThreshold = 2.0;

    // The shipped form (self-assessment.json) in `language`; errors name the file and field.
    static Result<SelfAssessment> shipped(const QString &language);
    static Result<SelfAssessment> fromJson(const QJsonObject &json, const QString &language);

    QString version;
    QString language;
    QList<AssessmentBlock> blocks;
    QStringList levelLabels;  // the anchor of score 1..4, index score - 1

    [[nodiscard]] const AssessmentItem *findItem(const QString &itemId) const;
    [[nodiscard]] const AssessmentBlock *findBlock(const QString &blockId) const;
    // The block an item belongs to; empty for an unknown item.
    [[nodiscard]] QString blockOf(const QString &itemId) const;
    [[nodiscard]] QStringList itemIds() const;
};

// One staff member's answers in one round.
struct AssessmentResponse {
    QString round;  // a named period, "2026-Q4"
    keys::Role role = keys::Role::MedicalAssistant;
    QMap<QString, int> scores;  // item id -> 1..4, every item of the form
    // From the stored record, not its payload:
    QString respondent;  // user id
    QDate answeredOn;
    QString recordId;

    // {"round", "role", "scores": {item: score}}; every item scored, nothing else. Errors name the
    // field: "scores.policies.agreements" for a missing or out-of-range score.
    static Result<AssessmentResponse> fromJson(const QJsonObject &json, const SelfAssessment &form);
    [[nodiscard]] QJsonObject toJson() const;
};

// A round's name: 1-32 printable characters ("2026-Q4", "baseline"); the error names "round".
Status checkRoundName(const QString &round);

struct BlockAverage {
    QString blockId;
    double average = 0;  // of every item of the block over every respondent
};

struct RoundResult {
    QString round;
    QDate firstAnswered;
    int respondents = 0;
    QMap<keys::Role, int> respondentsByRole;
    QList<BlockAverage> blocks;          // in the form's order
    QMap<QString, double> itemAverages;  // item id -> average
    // Items averaging at most kActionPlanThreshold, in the form's order.
    [[nodiscard]] QStringList actionPlanCandidates(const SelfAssessment &form) const;
    [[nodiscard]] std::optional<double> blockAverage(const QString &blockId) const;
};

// The rounds, oldest first (by the first answer, then by name). A staff member who answered a
// round twice (on two tablets, offline) counts once, with the newest answers.
QList<RoundResult> roundResults(const SelfAssessment &form, const QList<AssessmentResponse> &responses);

struct BlockChange {
    QString blockId;
    double before = 0;
    double after = 0;
    [[nodiscard]] double change() const { return after - before; }
};
// Each block's average in `earlier` and `later`, in the form's order.
QList<BlockChange> compareRounds(const SelfAssessment &form, const RoundResult &earlier, const RoundResult &later);

// --- the action plan -----------------------------------------------------------------------------

enum class ActionStatus { Open, Done, Dropped };
QString toString(ActionStatus status);  // "open", "done", "dropped"

// What the clinic will do about one item, tracked like a task. Owned by one user or by a role.
struct ActionPlanItem {
    QString id;  // stable over its versions (a UUID made when it is added)
    QString blockId;
    QString itemId;
    QString action;     // what will be done
    QString ownerUser;  // a user id, or
    std::optional<keys::Role> ownerRole;
    QDate due;
    ActionStatus status = ActionStatus::Open;
    // From the stored record:
    QString recordId;
    QString editedBy;
    QDate editedOn;

    // {"id", "block", "item", "action", "owner": {"user": id} | {"role": name}, "due", "status"};
    // the item must be one of the form's and belong to the block. Errors name the field.
    static Result<ActionPlanItem> fromJson(const QJsonObject &json, const SelfAssessment &form);
    [[nodiscard]] QJsonObject toJson() const;

    // Open, past due on `today`, and owned by this user or their role: it shows on their Today.
    [[nodiscard]] bool isDueFor(const QString &userId, keys::Role role, const QDate &today) const;
};

}  // namespace cairn::clinical
