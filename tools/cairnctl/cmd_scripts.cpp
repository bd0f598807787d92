// cairnctl scripts list | show ID | validate DIR | adapt --json FILE | clinic | history ID: for the
// people who write and review scripts, and (with --db) the scripts the clinic's staff see and the
// clinic's own versions of them.

#include "core/clinical/policy.h"
#include "core/scripts/library.h"
#include "tools/cairnctl/cli_registry.h"

namespace cairn::cli {
namespace {

QString stepTitle(const QString &kind)
{
    QString title = kind;
    title.replace(QLatin1Char('_'), QLatin1Char(' '));
    title[0] = title[0].toUpper();
    return title;
}

const registry::SystemClock kClock;

// The scripts a clinic's staff see: with --db, the clinic's own copies in place of the built-ins
// and only the variant that fits each policy switch in force; without it, the shipped scripts for
// the shipped default policy.
Result<scripts::Library> scriptsInForce(const scripts::Library &shipped, const GlobalOptions &options)
{
    if (options.dbPath.isEmpty()) {
        auto defaults = clinical::ClinicPolicy::defaults();
        if (!defaults)
            return defaults.error();
        return shipped.forPolicy(defaults->toJson());
    }
    auto open = openRegistry(options, kClock);
    if (!open)
        return open.error();
    auto policy = open->registry->clinicPolicy();
    if (!policy)
        return policy.error();
    auto clinicScripts = open->registry->clinicScripts();
    if (!clinicScripts)
        return clinicScripts.error();
    return shipped.withClinicScripts(*clinicScripts).forPolicy(policy->toJson());
}

// The scripts in force in `lang` for a command that has read all its arguments. Otherwise the
// error is printed and exitCode is what the command returns (BadInput for an argument).
struct ScriptsInForce {
    std::optional<scripts::Library> library;
    int exitCode = Success;
};
ScriptsInForce scriptsIn(const QString &lang, const Arguments &in, const GlobalOptions &options, Io &io)
{
    if (auto s = in.finish(); !s)
        return {std::nullopt, fail(io, s.error(), BadInput)};
    auto shipped = scripts::Library::shipped();
    if (!shipped)
        return {std::nullopt, fail(io, shipped.error())};
    auto inForce = scriptsInForce(**shipped, options);
    if (!inForce)
        return {std::nullopt, fail(io, inForce.error())};
    if (QStringList have = inForce->languages(); !have.contains(lang)) {
        have.sort();  // the library keeps them unordered; the message is the same on every run
        return {std::nullopt,
                fail(io,
                     {QStringLiteral("--lang"),
                      QStringLiteral("no scripts in \"%1\" (have: %2)").arg(lang, have.join(QStringLiteral(", ")))},
                     BadInput)};
    }
    return {std::move(inForce).value(), Success};
}

int runList(Arguments &in, const QString &lang, const GlobalOptions &options, Io &io)
{
    const auto inForce = scriptsIn(lang, in, options, io);
    if (!inForce.library)
        return inForce.exitCode;
    for (const scripts::Script &s : inForce.library->scripts(lang))
        *io.out << s.id.leftJustified(26) << s.title << "  [" << s.audience.join(QStringLiteral(", ")) << "]\n";
    return Success;
}

int runShow(Arguments &in, const QString &lang, const GlobalOptions &options, Io &io)
{
    const QString id = in.required(QStringLiteral("script id"));
    const auto inForce = scriptsIn(lang, in, options, io);
    if (!inForce.library)
        return inForce.exitCode;
    const scripts::Script *s = inForce.library->find(id, lang);
    if (!s)
        return fail(io, {QStringLiteral("id"), QStringLiteral("no script \"%1\" in \"%2\"").arg(id, lang)}, BadInput);
    *io.out << s->title << "\n\n" << s->situation << "\n\nFor: " << s->audience.join(QStringLiteral(", ")) << "\n";
    for (const scripts::Step &step : s->steps) {
        *io.out << '\n' << stepTitle(step.kind) << '\n';
        for (const QString &phrasing : step.phrasings)
            *io.out << "  - " << phrasing << '\n';
    }
    *io.out << "\nAvoid\n";
    for (const scripts::AvoidPhrase &avoid : s->avoid)
        *io.out << "  - \"" << avoid.phrase << "\": " << avoid.why << '\n';
    *io.out << "\nSources\n";
    for (const QString &source : s->sources)
        *io.out << "  - " << source << '\n';
    return Success;
}

// Checks a directory of scripts (the shipped ones, or a reviewer's copy) without a registry.
int runValidate(Arguments &in, const QString & /*lang*/, const GlobalOptions & /*options*/, Io &io)
{
    const QString directory = in.required(QStringLiteral("directory"));
    if (auto s = in.finish(); !s)
        return fail(io, s.error(), BadInput);
    const QList<scripts::Problem> problems = scripts::Library::validate(directory);
    for (const scripts::Problem &p : problems)
        *io.err << "cairnctl: " << p.line() << '\n';
    if (!problems.isEmpty())
        return BadInput;
    *io.out << "all scripts are valid\n";
    return Success;
}

// --- the clinic's own and adapted scripts, stored in the registry ----------------------------------

int runAdapt(Arguments &in, const QString & /*lang*/, const GlobalOptions &options, Io &io)
{
    const QJsonObject script =
        jsonObjectOption(in, io, QStringLiteral("a script"), QStringLiteral("assets/scripts/README.md"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto saved = registry->saveClinicScript(script);
    if (!saved)
        return fail(io, saved.error(), exitFor(saved.error()));
    *io.out << "saved the clinic's " << saved->id << " (" << saved->language << ") as version " << saved->version
            << '\n';
    return Success;
}

int runClinic(Arguments &in, const QString & /*lang*/, const GlobalOptions &options, Io &io)
{
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto list = registry->clinicScripts();
    if (!list)
        return fail(io, list.error());
    for (const scripts::Script &s : *list)
        *io.out << s.id.leftJustified(26) << s.language << "  v" << s.version << "  " << s.editedBy << ", "
                << s.editedOn
                << (s.basedOn.isEmpty() ? QString()
                                        : QStringLiteral("  (adapted from the built-in v%1)").arg(s.basedOnVersion))
                << '\n';
    return Success;
}

int runHistory(Arguments &in, const QString &lang, const GlobalOptions &options, Io &io)
{
    const QString id = in.required(QStringLiteral("script id"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto history = registry->clinicScriptHistory(id, lang);
    if (!history)
        return fail(io, history.error());
    if (history->isEmpty())
        return fail(
            io, {QStringLiteral("id"), QStringLiteral("the clinic has no version of \"%1\" in \"%2\"").arg(id, lang)},
            BadInput);
    for (const scripts::Script &s : *history)
        *io.out << "v" << s.version << "  " << s.editedOn << "  " << s.editedBy << "  " << s.title << '\n';
    return Success;
}

// An action of `scripts`. The usage offers --lang to every action, so each takes it (English when
// absent), also those it does not change; it is read first, so its error comes first.
Action withLanguage(const QString &usage, int (*run)(Arguments &, const QString &, const GlobalOptions &, Io &))
{
    return {usage, [run](Arguments &in, const GlobalOptions &options, Io &io) {
                io.out->setEncoding(QStringConverter::Utf8);
                const QString lang = in.option(QStringLiteral("--lang"));
                return run(in, lang.isEmpty() ? QStringLiteral("en") : lang, options, io);
            }};
}

}  // namespace

CAIRN_CLI_COMMAND("scripts", "scripts list|show ID|validate DIR|adapt --json FILE|clinic|history ID [--lang es]",
                  actionsOf(QStringLiteral("scripts"), {withLanguage(QStringLiteral("list"), runList),
                                                        withLanguage(QStringLiteral("show ID"), runShow),
                                                        withLanguage(QStringLiteral("validate DIR"), runValidate),
                                                        withLanguage(QStringLiteral("adapt --json FILE"), runAdapt),
                                                        withLanguage(QStringLiteral("clinic"), runClinic),
                                                        withLanguage(QStringLiteral("history ID"), runHistory)}));

}  // namespace cairn::cli
