// cairnctl assessment answer|show|chart and cairnctl action-plan add|update|list|history: the
// clinic's Six Building Blocks self-assessment (core/clinical/self_assessment.h) and the action plan
// its low-scoring items turn into.

#include "core/reports/self_assessment_report.h"
#include "tools/cairnctl/cli_registry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

Result<clinical::SelfAssessment> form()
{
    return clinical::SelfAssessment::shipped(QStringLiteral("en"));
}

QJsonObject roundJson(const clinical::RoundResult &round, const clinical::SelfAssessment &shipped)
{
    QJsonObject byRole;
    for (auto it = round.respondentsByRole.cbegin(); it != round.respondentsByRole.cend(); ++it)
        byRole.insert(keys::toString(it.key()), it.value());
    QJsonObject blocks;
    for (const clinical::BlockAverage &block : round.blocks)
        blocks.insert(block.blockId, block.average);
    QJsonObject items;
    for (auto it = round.itemAverages.cbegin(); it != round.itemAverages.cend(); ++it)
        items.insert(it.key(), it.value());
    return {
        {QStringLiteral("round"), round.round},
        {QStringLiteral("first_answered"), round.firstAnswered.toString(Qt::ISODate)},
        {QStringLiteral("respondents"), round.respondents},
        {QStringLiteral("respondents_by_role"), byRole},
        {QStringLiteral("blocks"), blocks},
        {QStringLiteral("items"), items},
        {QStringLiteral("action_plan_candidates"), QJsonArray::fromStringList(round.actionPlanCandidates(shipped))}};
}

void printRound(QTextStream &out, const clinical::RoundResult &round, const clinical::SelfAssessment &shipped)
{
    QStringList byRole;
    for (auto it = round.respondentsByRole.cbegin(); it != round.respondentsByRole.cend(); ++it)
        byRole << QStringLiteral("%1 %2").arg(it.value()).arg(keys::toString(it.key()));
    out << "round " << round.round << ": " << round.respondents << " respondents (" << byRole.join(QStringLiteral(", "))
        << ")\n";
    for (const clinical::AssessmentBlock &block : shipped.blocks) {
        if (const auto average = round.blockAverage(block.id))
            out << "  " << block.id << '\t' << QString::number(*average, 'f', 2) << '\t' << block.title << '\n';
    }
    const QStringList candidates = round.actionPlanCandidates(shipped);
    if (!candidates.isEmpty())
        out << "  action-plan candidates (average 2 or less): " << candidates.join(QStringLiteral(", ")) << '\n';
}

int runAnswer(Arguments &in, const GlobalOptions &options, Io &io)
{
    io.out->setEncoding(QStringConverter::Utf8);
    auto shipped = form();
    if (!shipped)
        return fail(io, shipped.error());
    const QString round = in.option(QStringLiteral("--round"));
    const QString scoresFile = in.option(QStringLiteral("--scores"));
    if (in.finish() && scoresFile.isEmpty())
        in.reject({QStringLiteral("--scores"), QStringLiteral("name a JSON file {\"item id\": 1-4, ...}")});
    const QJsonObject scores = in.finish()
                                   ? in.take(readJsonObject(scoresFile, io, QStringLiteral("scores"),
                                                            QStringLiteral("assets/clinical/self-assessment.json")))
                                   : QJsonObject();
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto saved = registry->answerSelfAssessment(round, scores);
    if (!saved)
        return fail(io, saved.error(), exitFor(saved.error()));
    *io.out << "answers for round " << round << " saved (" << shipped->itemIds().size() << " items, as "
            << keys::toString(registry->user().role) << ")\n";
    return Success;
}

// show and chart read the same options (each accepts the other's and leaves it unused).
int runShowOrChart(Arguments &in, const GlobalOptions &options, Io &io, bool chart)
{
    io.out->setEncoding(QStringConverter::Utf8);
    auto shipped = form();
    if (!shipped)
        return fail(io, shipped.error());
    const QString round = in.option(QStringLiteral("--round"));
    const QString pdf = in.option(QStringLiteral("--pdf"));
    const bool json = in.flag(QStringLiteral("--json"));
    if (in.finish() && chart && pdf.isEmpty())
        in.reject({QStringLiteral("--pdf"), QStringLiteral("name the file to write the chart to")});
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto responses = registry->selfAssessmentResponses();
    if (!responses)
        return fail(io, responses.error());
    QList<clinical::RoundResult> rounds = clinical::roundResults(*shipped, *responses);
    if (chart) {
        const QByteArray bytes = reports::renderSelfAssessmentReport(*shipped, rounds, kClock.now().date());
        QFile out(pdf);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size() || !out.flush()) {
            out.remove();
            return fail(io, {QStringLiteral("--pdf"), QStringLiteral("cannot write %1").arg(pdf)});
        }
        *io.out << "self-assessment chart of " << rounds.size() << " rounds written to " << pdf << '\n';
        return Success;
    }
    if (!round.isEmpty()) {
        rounds.removeIf([&](const clinical::RoundResult &r) { return r.round != round; });
        if (rounds.isEmpty())
            return fail(io, {QStringLiteral("--round"), QStringLiteral("nobody has answered that round")}, BadInput);
    }
    if (json) {
        QJsonArray list;
        for (const auto &r : rounds)
            list.append(roundJson(r, *shipped));
        *io.out << QJsonDocument(
                       QJsonObject{{QStringLiteral("form"), shipped->version}, {QStringLiteral("rounds"), list}})
                       .toJson(QJsonDocument::Indented);
        return Success;
    }
    if (rounds.isEmpty())
        *io.out << "no round answered yet\n";
    for (const auto &r : rounds)
        printRound(*io.out, r, *shipped);
    return Success;
}

// --- action-plan -------------------------------------------------------------------------------

QString ownerText(const clinical::ActionPlanItem &item)
{
    return item.ownerRole ? QStringLiteral("role:") + keys::toString(*item.ownerRole)
                          : QStringLiteral("user:") + item.ownerUser;
}

void printItem(QTextStream &out, const clinical::ActionPlanItem &item)
{
    out << item.id << '\t' << clinical::toString(item.status) << '\t' << item.due.toString(Qt::ISODate) << '\t'
        << item.itemId << '\t' << ownerText(item) << '\t' << item.action << '\n';
}

// The item's fields from the options given (only those given, so an update changes just them).
QJsonObject itemFields(Arguments &in)
{
    QJsonObject fields;
    for (const auto &[option, key] : {std::pair{"--item", "item"}, std::pair{"--action", "action"},
                                      std::pair{"--due", "due"}, std::pair{"--status", "status"}}) {
        const QString value = in.option(QLatin1String(option));
        if (!value.isEmpty())
            fields.insert(QLatin1String(key), value);
    }
    const QString user = in.option(QStringLiteral("--owner-user"));
    const QString role = in.option(QStringLiteral("--owner-role"));
    if (!user.isEmpty() && !role.isEmpty())
        in.reject({QStringLiteral("--owner-user"), QStringLiteral("name a user or a role, not both")});
    if (!user.isEmpty())
        fields.insert(QStringLiteral("owner"), QJsonObject{{QStringLiteral("user"), user}});
    if (!role.isEmpty())
        fields.insert(QStringLiteral("owner"), QJsonObject{{QStringLiteral("role"), role}});
    return fields;
}

// add, and update when `id` names the item: the registry checks the fields.
int saveItem(Arguments &in, const GlobalOptions &options, Io &io, const QString &id)
{
    io.out->setEncoding(QStringConverter::Utf8);
    QJsonObject fields = itemFields(in);
    if (!id.isEmpty())
        fields.insert(QStringLiteral("id"), id);
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto saved = registry->saveActionPlanItem(fields);
    if (!saved)
        return fail(io, saved.error(), exitFor(saved.error()));
    printItem(*io.out, *saved);
    return Success;
}

int runItemAdd(Arguments &in, const GlobalOptions &options, Io &io)
{
    return saveItem(in, options, io, QString());
}

int runItemUpdate(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString id = in.required(QStringLiteral("action-plan item id"));
    return saveItem(in, options, io, id);
}

int runItemList(Arguments &in, const GlobalOptions &options, Io &io)
{
    io.out->setEncoding(QStringConverter::Utf8);
    const bool json = in.flag(QStringLiteral("--json"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto items = registry->actionPlan();
    if (!items)
        return fail(io, items.error());
    const QDate today = kClock.now().date();
    const registry::UserSummary &me = registry->user();
    if (json) {
        QJsonArray list;
        for (const auto &item : *items) {
            QJsonObject object = item.toJson();
            object.insert(QStringLiteral("due_for_me"), item.isDueFor(me.id, me.role, today));
            list.append(object);
        }
        *io.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return Success;
    }
    if (items->isEmpty())
        *io.out << "the action plan is empty\n";
    for (const auto &item : *items)
        printItem(*io.out, item);
    return Success;
}

int runItemHistory(Arguments &in, const GlobalOptions &options, Io &io)
{
    io.out->setEncoding(QStringConverter::Utf8);
    const QString id = in.required(QStringLiteral("action-plan item id"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto versions = registry->actionPlanHistory(id);
    if (!versions)
        return fail(io, versions.error());
    if (versions->isEmpty())
        return fail(io, {QStringLiteral("id"), QStringLiteral("no action-plan item has this id")}, BadInput);
    for (const auto &version : *versions)
        *io.out << version.editedOn.toString(Qt::ISODate) << '\t' << version.editedBy << '\t'
                << clinical::toString(version.status) << '\t' << version.due.toString(Qt::ISODate) << '\t'
                << ownerText(version) << '\t' << version.action << '\n';
    return Success;
}

}  // namespace

CAIRN_CLI_DRAWING_COMMAND("assessment",
                          "assessment answer --round R --scores FILE | show [--round R] [--json] | chart --pdf FILE: "
                          "the clinic's Six Building Blocks self-assessment (every role answers)",
                          actionsOf(QStringLiteral("assessment"),
                                    {{QStringLiteral("answer --round R --scores FILE"), runAnswer},
                                     {QStringLiteral("show [--round R] [--json]"),
                                      [](Arguments &in, const GlobalOptions &options, Io &io) {
                                          return runShowOrChart(in, options, io, false);
                                      }},
                                     {QStringLiteral("chart --pdf FILE"),
                                      [](Arguments &in, const GlobalOptions &options, Io &io) {
                                          return runShowOrChart(in, options, io, true);
                                      }}}));
CAIRN_CLI_COMMAND("action-plan",
                  "action-plan add|update ID|list [--json]|history ID: the action plan the self-assessment turns into "
                  "(administrators and registry managers keep it)",
                  actionsOf(QStringLiteral("action-plan"),
                            {{QStringLiteral("add --item ID --action TEXT --owner-user U|--owner-role R --due DATE"),
                              runItemAdd},
                             {QStringLiteral("update ID [...] [--status open|done|dropped]"), runItemUpdate},
                             {QStringLiteral("list [--json]"), runItemList},
                             {QStringLiteral("history ID"), runItemHistory}}));

}  // namespace cairn::cli
