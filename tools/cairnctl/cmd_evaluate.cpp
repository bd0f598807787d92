// cairnctl evaluate | refill-check: the rules contract on stdin and stdout (§6, §7).

#include "core/clinical/contract_json.h"
#include "core/scripts/library.h"
#include "tools/cairnctl/command.h"

namespace cairn::cli {
namespace {

int runContract(const QStringList &args, Io &io,
                clinical::CliOutcome (*command)(const QByteArray &, const clinical::ScriptsForGap &))
{
    if (!args.isEmpty()) {
        *io.err << "cairnctl: " << args.first() << ": unexpected argument (the request comes on standard input)\n";
        return BadInput;
    }
    // Each gap lists the conversation scripts that fit it (empty if the library cannot load).
    clinical::ScriptsForGap scriptsForGap;
    if (auto library = scripts::Library::shipped())
        scriptsForGap = [library = *library](const QString &code) { return library->idsForTrigger(code); };
    const clinical::CliOutcome outcome = command(io.in->readAll(), scriptsForGap);
    if (outcome.exitCode != 0) {
        *io.err << "cairnctl: " << outcome.errLine << '\n';
        return outcome.exitCode;
    }
    io.out->setEncoding(QStringConverter::Utf8);
    *io.out << QString::fromUtf8(outcome.out);
    return Success;
}

int runEvaluate(const QStringList &args, const GlobalOptions &, Io &io)
{
    return runContract(args, io, &clinical::evaluateJson);
}

int runRefillCheck(const QStringList &args, const GlobalOptions &, Io &io)
{
    return runContract(args, io, &clinical::refillCheckJson);
}

}  // namespace

CAIRN_CLI_COMMAND("evaluate", "rules contract: patient JSON on stdin -> MME, scores, tier and care gaps on stdout",
                  runEvaluate);
CAIRN_CLI_COMMAND("refill-check", "rules contract: refill request JSON on stdin -> advice on stdout", runRefillCheck);

}  // namespace cairn::cli
