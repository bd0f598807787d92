#include "core/clinical/self_assessment.h"

#include "core/clinical/assets.h"

#include <QJsonArray>
#include <QUuid>

#include <algorithm>

namespace cairn::clinical {
namespace {

constexpr int kMaxRoundName = 32;
constexpr int kMaxAction = 500;

Error field(const QString &name, const QString &message)
{
    return Error{name, message};
}

QString textOf(const QJsonValue &value, const QString &language)
{
    return value.toObject().value(language).toString().trimmed();
}

double mean(double sum, int count)
{
    return count == 0 ? 0.0 : sum / count;
}

}  // namespace

Result<SelfAssessment> SelfAssessment::shipped(const QString &language)
{
    const auto read = [](const QString &in) -> Result<SelfAssessment> {
        auto json = loadJsonAsset(QStringLiteral("self-assessment.json"));
        if (!json)
            return json.error();
        auto form = fromJson(*json, in);
        if (!form)
            return form.error().within(QStringLiteral("self-assessment.json"));
        return form;
    };
    // Read once per language: the server and each tablet check every arriving answer against it.
    static const Result<SelfAssessment> english = read(QStringLiteral("en"));
    static const Result<SelfAssessment> spanish = read(QStringLiteral("es"));
    if (language == QLatin1String("es"))
        return spanish;
    if (language == QLatin1String("en"))
        return english;
    return field(QStringLiteral("language"), QStringLiteral("must be en or es"));
}

Result<SelfAssessment> SelfAssessment::fromJson(const QJsonObject &json, const QString &language)
{
    if (language != QLatin1String("en") && language != QLatin1String("es"))
        return field(QStringLiteral("language"), QStringLiteral("must be en or es"));
    SelfAssessment form;
    form.language = language;
    form.version = json.value(QStringLiteral("version")).toString().trimmed();
    if (form.version.isEmpty())
        return field(QStringLiteral("version"), QStringLiteral("is required"));

    const QJsonArray scale = json.value(QStringLiteral("scale")).toArray();
    if (scale.size() != kHighestScore - kLowestScore + 1)
        return field(QStringLiteral("scale"), QStringLiteral("must have one level for each score 1 to 4"));
    for (qsizetype i = 0; i < scale.size(); ++i) {
        const QString at = QStringLiteral("scale[%1]").arg(i);
        const QJsonObject level = scale.at(i).toObject();
        if (level.value(QStringLiteral("score")).toInt() != kLowestScore + i)
            return field(at + QStringLiteral(".score"), QStringLiteral("must be %1").arg(kLowestScore + i));
        const QString label = textOf(level.value(QStringLiteral("label")), language);
        if (label.isEmpty())
            return field(at + QStringLiteral(".label.") + language, QStringLiteral("is required"));
        form.levelLabels << label;
    }

    const QJsonArray blocks = json.value(QStringLiteral("blocks")).toArray();
    if (blocks.size() != 6)
        return field(QStringLiteral("blocks"), QStringLiteral("must list the six building blocks"));
    QStringList seen;
    for (qsizetype b = 0; b < blocks.size(); ++b) {
        const QString at = QStringLiteral("blocks[%1]").arg(b);
        const QJsonObject object = blocks.at(b).toObject();
        AssessmentBlock block;
        block.id = object.value(QStringLiteral("id")).toString();
        if (block.id.isEmpty() || seen.contains(block.id))
            return field(at + QStringLiteral(".id"), QStringLiteral("must be present and unique"));
        seen << block.id;
        block.title = textOf(object.value(QStringLiteral("title")), language);
        if (block.title.isEmpty())
            return field(at + QStringLiteral(".title.") + language, QStringLiteral("is required"));
        const QJsonArray items = object.value(QStringLiteral("items")).toArray();
        if (items.size() < 3 || items.size() > 5)
            return field(at + QStringLiteral(".items"), QStringLiteral("must have 3 to 5 items"));
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString itemAt = at + QStringLiteral(".items[%1]").arg(i);
            const QJsonObject itemObject = items.at(i).toObject();
            AssessmentItem item;
            item.id = itemObject.value(QStringLiteral("id")).toString();
            if (!item.id.startsWith(block.id + QLatin1Char('.')) || seen.contains(item.id))
                return field(itemAt + QStringLiteral(".id"),
                             QStringLiteral("must be unique and start with \"%1.\"").arg(block.id));
            seen << item.id;
            item.text = textOf(itemObject.value(QStringLiteral("text")), language);
            if (item.text.isEmpty())
                return field(itemAt + QStringLiteral(".text.") + language, QStringLiteral("is required"));
            block.items << item;
        }
        form.blocks << block;
    }
    return form;
}

const AssessmentItem *SelfAssessment::findItem(const QString &itemId) const
{
    for (const AssessmentBlock &block : blocks)
        for (const AssessmentItem &item : block.items)
            if (item.id == itemId)
                return &item;
    return nullptr;
}

const AssessmentBlock *SelfAssessment::findBlock(const QString &blockId) const
{
    for (const AssessmentBlock &block : blocks)
        if (block.id == blockId)
            return &block;
    return nullptr;
}

QString SelfAssessment::blockOf(const QString &itemId) const
{
    for (const AssessmentBlock &block : blocks)
        for (const AssessmentItem &item : block.items)
            if (item.id == itemId)
                return block.id;
    return {};
}

QStringList SelfAssessment::itemIds() const
{
    QStringList ids;
    for (const AssessmentBlock &block : blocks)
        for (const AssessmentItem &item : block.items)
            ids << item.id;
    return ids;
}

Status checkRoundName(const QString &round)
{
    if (round.trimmed().isEmpty())
        return field(QStringLiteral("round"), QStringLiteral("is required (a named period such as 2026-Q4)"));
    if (round.size() > kMaxRoundName || round != round.trimmed())
        return field(
            QStringLiteral("round"),
            QStringLiteral("must be at most %1 characters, without leading or trailing spaces").arg(kMaxRoundName));
    for (const QChar c : round)
        if (!c.isPrint())
            return field(QStringLiteral("round"), QStringLiteral("must be printable text"));
    return ok();
}

Result<AssessmentResponse> AssessmentResponse::fromJson(const QJsonObject &json, const SelfAssessment &form)
{
    AssessmentResponse response;
    response.round = json.value(QStringLiteral("round")).toString();
    if (auto s = checkRoundName(response.round); !s)
        return s.error();
    if (!keys::parse(json.value(QStringLiteral("role")).toString(), &response.role))
        return field(QStringLiteral("role"), QStringLiteral("must be one of %1").arg(keys::roleNamesForMessage()));
    const QJsonValue scoresValue = json.value(QStringLiteral("scores"));
    if (!scoresValue.isObject())
        return field(QStringLiteral("scores"), QStringLiteral("is required: a score 1-4 for every item"));
    const QJsonObject scores = scoresValue.toObject();
    for (auto it = scores.begin(); it != scores.end(); ++it) {
        if (!form.findItem(it.key()))
            return field(QStringLiteral("scores.") + it.key(), QStringLiteral("is not an item of the self-assessment"));
    }
    // Every item answered: a missing score is never filled in for the respondent.
    for (const QString &item : form.itemIds()) {
        const QJsonValue score = scores.value(item);
        const QString at = QStringLiteral("scores.") + item;
        if (score.isUndefined() || score.isNull())
            return field(at, QStringLiteral("is not answered; every item needs a score from 1 to 4"));
        const double value = score.toDouble(-1);
        if (!score.isDouble() || value != static_cast<int>(value) || value < SelfAssessment::kLowestScore ||
            value > SelfAssessment::kHighestScore)
            return field(at, QStringLiteral("must be a whole score from 1 to 4"));
        response.scores.insert(item, static_cast<int>(value));
    }
    return response;
}

QJsonObject AssessmentResponse::toJson() const
{
    QJsonObject scoreObject;
    for (auto it = scores.begin(); it != scores.end(); ++it)
        scoreObject.insert(it.key(), it.value());
    return {{QStringLiteral("round"), round},
            {QStringLiteral("role"), keys::toString(role)},
            {QStringLiteral("scores"), scoreObject}};
}

QStringList RoundResult::actionPlanCandidates(const SelfAssessment &form) const
{
    QStringList candidates;
    for (const QString &item : form.itemIds()) {
        const auto average = itemAverages.constFind(item);
        if (average != itemAverages.cend() && *average <= SelfAssessment::kActionPlanThreshold)
            candidates << item;
    }
    return candidates;
}

std::optional<double> RoundResult::blockAverage(const QString &blockId) const
{
    for (const BlockAverage &block : blocks)
        if (block.blockId == blockId)
            return block.average;
    return std::nullopt;
}

QList<RoundResult> roundResults(const SelfAssessment &form, const QList<AssessmentResponse> &responses)
{
    // The newest answers of each respondent in each round.
    QMap<QString, QMap<QString, const AssessmentResponse *>> byRound;  // round -> respondent -> answers
    for (const AssessmentResponse &response : responses) {
        const AssessmentResponse *&kept = byRound[response.round][response.respondent];
        if (!kept || kept->answeredOn < response.answeredOn ||
            (kept->answeredOn == response.answeredOn && kept->recordId < response.recordId))
            kept = &response;
    }
    QList<RoundResult> results;
    for (auto round = byRound.cbegin(); round != byRound.cend(); ++round) {
        RoundResult result;
        result.round = round.key();
        for (const AssessmentResponse *response : round.value()) {
            ++result.respondents;
            ++result.respondentsByRole[response->role];
            if (!result.firstAnswered.isValid() || response->answeredOn < result.firstAnswered)
                result.firstAnswered = response->answeredOn;
        }
        for (const AssessmentBlock &block : form.blocks) {
            double blockSum = 0;
            int blockCount = 0;
            for (const AssessmentItem &item : block.items) {
                double sum = 0;
                int count = 0;
                for (const AssessmentResponse *response : round.value()) {
                    if (const auto score = response->scores.constFind(item.id); score != response->scores.cend()) {
                        sum += *score;
                        ++count;
                    }
                }
                if (count > 0)
                    result.itemAverages.insert(item.id, mean(sum, count));
                blockSum += sum;
                blockCount += count;
            }
            if (blockCount > 0)
                result.blocks.append({block.id, mean(blockSum, blockCount)});
        }
        results << result;
    }
    std::sort(results.begin(), results.end(), [](const RoundResult &a, const RoundResult &b) {
        return std::pair(a.firstAnswered, a.round) < std::pair(b.firstAnswered, b.round);
    });
    return results;
}

QList<BlockChange> compareRounds(const SelfAssessment &form, const RoundResult &earlier, const RoundResult &later)
{
    QList<BlockChange> changes;
    for (const AssessmentBlock &block : form.blocks) {
        const auto before = earlier.blockAverage(block.id);
        const auto after = later.blockAverage(block.id);
        if (before && after)
            changes.append({block.id, *before, *after});
    }
    return changes;
}

// --- the action plan -----------------------------------------------------------------------------

QString toString(ActionStatus status)
{
    switch (status) {
    case ActionStatus::Open:
        return QStringLiteral("open");
    case ActionStatus::Done:
        return QStringLiteral("done");
    case ActionStatus::Dropped:
        return QStringLiteral("dropped");
    }
    return {};
}

Result<ActionPlanItem> ActionPlanItem::fromJson(const QJsonObject &json, const SelfAssessment &form)
{
    ActionPlanItem item;
    item.id = json.value(QStringLiteral("id")).toString();
    const QUuid uuid = QUuid::fromString(item.id);
    if (uuid.isNull() || uuid.toString(QUuid::WithoutBraces) != item.id)
        return field(QStringLiteral("id"), QStringLiteral("must be a lower-case UUID without braces"));
    item.blockId = json.value(QStringLiteral("block")).toString();
    if (!form.findBlock(item.blockId))
        return field(QStringLiteral("block"), QStringLiteral("must be one of the six building blocks"));
    item.itemId = json.value(QStringLiteral("item")).toString();
    if (form.blockOf(item.itemId) != item.blockId)
        return field(QStringLiteral("item"), QStringLiteral("must be an item of the block \"%1\"").arg(item.blockId));
    item.action = json.value(QStringLiteral("action")).toString().trimmed();
    if (item.action.isEmpty())
        return field(QStringLiteral("action"), QStringLiteral("say what will be done"));
    if (item.action.size() > kMaxAction)
        return field(QStringLiteral("action"), QStringLiteral("must be at most %1 characters").arg(kMaxAction));
    const QJsonObject owner = json.value(QStringLiteral("owner")).toObject();
    const QString user = owner.value(QStringLiteral("user")).toString();
    const QString role = owner.value(QStringLiteral("role")).toString();
    if (user.isEmpty() == role.isEmpty())
        return field(QStringLiteral("owner"), QStringLiteral("name either a user or a role, not both"));
    if (!role.isEmpty()) {
        keys::Role parsed{};
        if (!keys::parse(role, &parsed))
            return field(QStringLiteral("owner.role"),
                         QStringLiteral("must be one of %1").arg(keys::roleNamesForMessage()));
        item.ownerRole = parsed;
    }
    item.ownerUser = user;
    const QString due = json.value(QStringLiteral("due")).toString();
    item.due = QDate::fromString(due, Qt::ISODate);
    if (!item.due.isValid() || item.due.toString(Qt::ISODate) != due)
        return field(QStringLiteral("due"), QStringLiteral("must be a date (YYYY-MM-DD)"));
    const QString status = json.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("open"))
        item.status = ActionStatus::Open;
    else if (status == QLatin1String("done"))
        item.status = ActionStatus::Done;
    else if (status == QLatin1String("dropped"))
        item.status = ActionStatus::Dropped;
    else
        return field(QStringLiteral("status"), QStringLiteral("must be open, done or dropped"));
    return item;
}

QJsonObject ActionPlanItem::toJson() const
{
    const QJsonObject owner = ownerRole ? QJsonObject{{QStringLiteral("role"), keys::toString(*ownerRole)}}
                                        : QJsonObject{{QStringLiteral("user"), ownerUser}};
    return {{QStringLiteral("id"), id},
            {QStringLiteral("block"), blockId},
            {QStringLiteral("item"), itemId},
            {QStringLiteral("action"), action},
            {QStringLiteral("owner"), owner},
            {QStringLiteral("due"), due.toString(Qt::ISODate)},
            {QStringLiteral("status"), toString(status)}};
}

bool ActionPlanItem::isDueFor(const QString &userId, keys::Role role, const QDate &today) const
{
    if (status != ActionStatus::Open || due > today)
        return false;
    return ownerRole ? *ownerRole == role : ownerUser == userId;
}

}  // namespace cairn::clinical
