// cairnctl policy show | set --json FILE: the clinic policy in force, and changing it.

#include "core/clinical/contract_json.h"
#include "tools/cairnctl/cli_registry.h"

#include <QJsonDocument>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

// The policy as shown: the random urine testing seed stays secret (it would let anyone who saw it
// work out who gives a sample when). `set` keeps it, since absent keys are left unchanged.
QJsonObject shownPolicy(const clinical::ClinicPolicy &policy)
{
    QJsonObject json = policy.toJson();
    QJsonObject selection = json.value(QStringLiteral("uds_selection")).toObject();
    selection.remove(QStringLiteral("seed"));
    json.insert(QStringLiteral("uds_selection"), selection);
    return json;
}

int runShow(Arguments &in, const GlobalOptions &options, Io &io)
{
    io.out->setEncoding(QStringConverter::Utf8);
    const auto registry = unlockWithPolicy(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    *io.out << QString::fromUtf8(QJsonDocument(shownPolicy(registry.policy)).toJson(QJsonDocument::Indented));
    return Success;
}

int runSet(Arguments &in, const GlobalOptions &options, Io &io)
{
    io.out->setEncoding(QStringConverter::Utf8);
    const QJsonObject overrides =
        jsonObjectOption(in, io, QStringLiteral("policy settings"), QStringLiteral("docs/clinic-policy.md"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto updated = registry->setClinicPolicy(overrides);
    if (!updated)
        return fail(io, updated.error().within(updated.error().field.isEmpty() ? QString() : QStringLiteral("policy")),
                    exitFor(updated.error()));
    *io.out << "clinic policy is now version " << updated->version << '\n';
    return Success;
}

}  // namespace

CAIRN_CLI_COMMAND("policy", "policy show | set --json FILE: the clinic policy in force (administrators change it)",
                  actionsOf(QStringLiteral("policy"),
                            {{QStringLiteral("show"), runShow}, {QStringLiteral("set --json FILE"), runSet}}));

}  // namespace cairn::cli
