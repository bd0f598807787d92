#include "qml/assessment/self_assessment_model.h"

#include "core/registry/registry.h"
#include "qml/app/labels.h"
#include "qml/app/numbers.h"

#include <QJsonObject>
#include <QLocale>

namespace cairn::app {
namespace {

// What one read of the registry gives the screen.
struct Snapshot {
    QList<clinical::AssessmentResponse> responses;
    QList<clinical::ActionPlanItem> plan;
    QList<registry::UserSummary> users;
    registry::UserSummary me;
    QDate today;
};

Result<Snapshot> readSnapshot(registry::Registry &registry)
{
    auto responses = registry.selfAssessmentResponses();
    if (!responses)
        return responses.error();
    auto plan = registry.actionPlan();
    if (!plan)
        return plan.error();
    // Owners are shown by name where this tablet knows the user.
    QList<registry::UserSummary> users;
    if (auto listed = registry.listUsers())
        users = *listed;
    return Snapshot{*responses, *plan, users, registry.user(), registry.clock().now().date()};
}

QString averageWords(double average)
{
    return decimalText(average, 1);
}

}  // namespace

SelfAssessmentModel::SelfAssessmentModel(QObject *parent)
    : AsyncObject(parent)
{
    loadForm();
}

void SelfAssessmentModel::loadForm()
{
    auto form = clinical::SelfAssessment::shipped(m_language);
    if (!form) {
        setMessage(form.error().line(), true);
        return;
    }
    m_form = *form;
    m_items.clear();
    for (const clinical::AssessmentBlock &block : m_form.blocks) {
        for (qsizetype i = 0; i < block.items.size(); ++i)
            m_items.append(QVariantMap{{QStringLiteral("itemId"), block.items[i].id},
                                       {QStringLiteral("blockTitle"), block.title},
                                       {QStringLiteral("text"), block.items[i].text},
                                       {QStringLiteral("firstOfBlock"), i == 0}});
    }
    emit formChanged();
}

void SelfAssessmentModel::setLanguage(const QString &language)
{
    if (language == m_language || (language != QLatin1String("en") && language != QLatin1String("es")))
        return;
    m_language = language;
    loadForm();
    show(m_responses, m_plan, m_users);
}

void SelfAssessmentModel::setRound(const QString &round)
{
    if (round == m_round)
        return;
    m_round = round;
    emit roundChanged();
}

bool SelfAssessmentModel::canKeepPlan() const
{
    keys::Role role{};
    return session() && keys::parse(session()->role(), &role) && keys::can(role, keys::Permission::KeepActionPlan);
}

QVariantList SelfAssessmentModel::ownerRoleChoices() const
{
    QVariantList choices;
    for (const keys::Role role : keys::kAllRoles)
        choices.append(
            QVariantMap{{QStringLiteral("text"), roleLabel(role)}, {QStringLiteral("role"), keys::toString(role)}});
    return choices;
}

void SelfAssessmentModel::setScore(const QString &itemId, int score)
{
    if (!m_form.findItem(itemId) || score < clinical::SelfAssessment::kLowestScore ||
        score > clinical::SelfAssessment::kHighestScore)
        return;
    m_scores.insert(itemId, score);
    emit scoresChanged();
}

void SelfAssessmentModel::reload()
{
    if (!session() || !session()->signedIn())
        return;
    run<Result<Snapshot>>([](registry::Registry &registry) { return readSnapshot(registry); },
                          [this](Result<Snapshot> snapshot) {
                              if (!snapshot) {
                                  setMessage(snapshot.error().line(), true);
                                  return;
                              }
                              m_users = snapshot->users;
                              int due = 0;
                              for (const auto &item : snapshot->plan)
                                  due += item.isDueFor(snapshot->me.id, snapshot->me.role, snapshot->today) ? 1 : 0;
                              m_dueForMe = due;
                              m_meId = snapshot->me.id;
                              m_meRole = snapshot->me.role;
                              m_today = snapshot->today;
                              if (m_round.isEmpty())
                                  setRound(
                                      QStringLiteral("%1-Q%2").arg(m_today.year()).arg((m_today.month() - 1) / 3 + 1));
                              show(snapshot->responses, snapshot->plan, snapshot->users);
                          });
}

void SelfAssessmentModel::show(const QList<clinical::AssessmentResponse> &responses,
                               const QList<clinical::ActionPlanItem> &plan, const QList<registry::UserSummary> &users)
{
    m_responses = responses;
    m_plan = plan;
    const QList<clinical::RoundResult> results = clinical::roundResults(m_form, responses);
    m_rounds.clear();
    for (const clinical::RoundResult &result : results) {
        QStringList byRole;
        for (auto it = result.respondentsByRole.cbegin(); it != result.respondentsByRole.cend(); ++it)
            byRole << QStringLiteral("%1 %2").arg(it.value()).arg(roleLabel(it.key()));
        m_rounds.append(QVariantMap{{QStringLiteral("round"), result.round},
                                    {QStringLiteral("respondents"), result.respondents},
                                    {QStringLiteral("byRole"), byRole.join(QStringLiteral(", "))}});
    }
    m_blocks.clear();
    for (const clinical::AssessmentBlock &block : m_form.blocks) {
        QVariantList averages;
        QStringList words;
        for (const clinical::RoundResult &result : results) {
            const auto average = result.blockAverage(block.id);
            averages.append(average.value_or(0));
            words << QStringLiteral("%1 %2").arg(result.round, average ? averageWords(*average) : QStringLiteral("—"));
        }
        m_blocks.append(
            QVariantMap{{QStringLiteral("blockId"), block.id},
                        {QStringLiteral("title"), block.title},
                        {QStringLiteral("averages"), averages},
                        {QStringLiteral("latest"), results.isEmpty() || !results.last().blockAverage(block.id)
                                                       ? QStringLiteral("—")
                                                       : averageWords(*results.last().blockAverage(block.id))},
                        {QStringLiteral("summary"), words.join(QStringLiteral(" · "))}});
    }
    m_candidates.clear();
    if (!results.isEmpty()) {
        for (const QString &itemId : results.last().actionPlanCandidates(m_form))
            m_candidates.append(
                QVariantMap{{QStringLiteral("itemId"), itemId},
                            {QStringLiteral("blockTitle"), m_form.findBlock(m_form.blockOf(itemId))->title},
                            {QStringLiteral("text"), m_form.findItem(itemId)->text},
                            {QStringLiteral("average"), averageWords(results.last().itemAverages.value(itemId))}});
    }
    m_actionItems.clear();
    for (const clinical::ActionPlanItem &item : plan) {
        QString owner;
        if (item.ownerRole) {
            owner = roleLabel(*item.ownerRole);
        } else {
            owner = unknownAuthorLabel();
            for (const auto &user : users)
                if (user.id == item.ownerUser)
                    owner = user.name;
        }
        const clinical::AssessmentItem *about = m_form.findItem(item.itemId);
        m_actionItems.append(
            QVariantMap{{QStringLiteral("id"), item.id},
                        {QStringLiteral("itemId"), item.itemId},
                        {QStringLiteral("itemText"), about ? about->text : item.itemId},
                        {QStringLiteral("action"), item.action},
                        {QStringLiteral("owner"), owner},
                        {QStringLiteral("ownerRole"), item.ownerRole ? keys::toString(*item.ownerRole) : QString()},
                        {QStringLiteral("dueIso"), item.due.toString(Qt::ISODate)},
                        {QStringLiteral("due"), QLocale().toString(item.due, QLocale::ShortFormat)},
                        {QStringLiteral("status"), static_cast<int>(item.status)},
                        {QStringLiteral("dueForMe"), m_today.isValid() && item.isDueFor(m_meId, m_meRole, m_today)}});
    }
    emit resultsChanged();
}

void SelfAssessmentModel::submit()
{
    if (loading())
        return;
    if (!complete()) {
        setMessage(tr("Score every statement before saving: %1 of %2 answered.").arg(answeredCount()).arg(itemCount()),
                   true);
        return;
    }
    QJsonObject scores;
    for (auto it = m_scores.cbegin(); it != m_scores.cend(); ++it)
        scores.insert(it.key(), it.value());
    const QString round = m_round.trimmed();
    run<Result<QString>>(
        [round, scores](registry::Registry &registry) { return registry.answerSelfAssessment(round, scores); },
        [this, round](Result<QString> saved) {
            if (!saved) {
                setMessage(saved.error().line(), true);
                return;
            }
            m_scores.clear();
            emit scoresChanged();
            setMessage(tr("Your answers for %1 are saved.").arg(round), false);
            emit submitted();
            // Every view of the registry reads again, this one included.
            if (session())
                session()->noteDataChanged();
        });
}

void SelfAssessmentModel::saveAction(const QJsonObject &item, const QString &success)
{
    if (loading())
        return;
    run<Result<clinical::ActionPlanItem>>(
        [item](registry::Registry &registry) { return registry.saveActionPlanItem(item); },
        [this, success](Result<clinical::ActionPlanItem> saved) {
            if (!saved) {
                setMessage(saved.error().line(), true);
                return;
            }
            setMessage(success, false);
            emit actionSaved();
            if (session())
                session()->noteDataChanged();
        });
}

void SelfAssessmentModel::addActionItem(const QString &itemId, const QString &action, const QString &ownerRole,
                                        const QString &due)
{
    saveAction({{QStringLiteral("item"), itemId},
                {QStringLiteral("action"), action.trimmed()},
                {QStringLiteral("owner"), QJsonObject{{QStringLiteral("role"), ownerRole}}},
                {QStringLiteral("due"), due}},
               tr("Added to the action plan."));
}

void SelfAssessmentModel::updateActionItem(const QString &id, const QString &action, const QString &ownerRole,
                                           const QString &due)
{
    saveAction({{QStringLiteral("id"), id},
                {QStringLiteral("action"), action.trimmed()},
                {QStringLiteral("owner"), QJsonObject{{QStringLiteral("role"), ownerRole}}},
                {QStringLiteral("due"), due}},
               tr("The action plan is updated."));
}

void SelfAssessmentModel::setActionStatus(const QString &id, ActionStatus status)
{
    saveAction({{QStringLiteral("id"), id},
                {QStringLiteral("status"), clinical::toString(static_cast<clinical::ActionStatus>(status))}},
               tr("The action plan is updated."));
}

}  // namespace cairn::app
