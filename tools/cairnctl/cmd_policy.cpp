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

int runPolicy(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    Arguments in(arguments);
    const QString action =
        in.action(QStringLiteral("policy"), {QStringLiteral("show"), QStringLiteral("set --json FILE")});
    if (!in)
        return fail(io, in.error(), BadInput);
    io.out->setEncoding(QStringConverter::Utf8);
    if (action == QLatin1String("show")) {
        auto registry = unlockForCommand(in, options, kClock, io);
        if (!registry)
            return registry.exitCode;
        auto policy = registry->clinicPolicy();
        if (!policy)
            return fail(io, policy.error());
        *io.out << QString::fromUtf8(QJsonDocument(shownPolicy(*policy)).toJson(QJsonDocument::Indented));
        return Success;
    }
    if (action == QLatin1String("set")) {
        const QJsonObject overrides =
            jsonObjectOption(in, io, QStringLiteral("policy settings"), QStringLiteral("docs/clinic-policy.md"));
        auto registry = unlockForCommand(in, options, kClock, io);
        if (!registry)
            return registry.exitCode;
        auto updated = registry->setClinicPolicy(overrides);
        if (!updated)
            return fail(io,
                        updated.error().within(updated.error().field.isEmpty() ? QString() : QStringLiteral("policy")),
                        exitFor(updated.error()));
        *io.out << "clinic policy is now version " << updated->version << '\n';
        return Success;
    }
    Q_UNREACHABLE();  // takeAction accepted only the actions above
    return Failure;
}

}  // namespace

CAIRN_CLI_COMMAND("policy", "policy show | set --json FILE: the clinic policy in force (administrators change it)",
                  runPolicy);

}  // namespace cairn::cli
