// cairnctl scripts list | show ID | validate DIR: for the people who write and review scripts, and
// (with --db) the scripts the clinic's staff see.

#include "core/clinical/policy.h"
#include "core/scripts/library.h"
#include "tools/cairnctl/cli_registry.h"

#include <QFile>
#include <QJsonDocument>

namespace cairn::cli {
namespace {

QString stepTitle(const QString &kind)
{
    QString title = kind;
    title.replace(QLatin1Char('_'), QLatin1Char(' '));
    title[0] = title[0].toUpper();
    return title;
}

// The clinic's own and adapted scripts, stored in the registry.
int runClinicScripts(const QString &action, QStringList args, const QString &lang, const GlobalOptions &options, Io &io)
{
    static const registry::SystemClock clock;
    QString file;
    if (action == QLatin1String("adapt")) {
        auto json = takeOption(args, QStringLiteral("--json"));
        if (!json || json->isEmpty())
            return fail(
                io, {QStringLiteral("--json"), QStringLiteral("name the edited script file (- for standard input)")},
                BadInput);
        file = *json;
    }
    QString id;
    if (action == QLatin1String("history")) {
        if (args.size() != 1)
            return fail(io, {QStringLiteral("history"), QStringLiteral("name one script id")}, BadInput);
        id = args.takeFirst();
    }
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    auto open = openRegistry(options, clock);
    if (!open)
        return fail(io, open.error());
    if (action == QLatin1String("adapt")) {
        QByteArray bytes;
        if (file == QLatin1String("-")) {
            bytes = io.in->readAll();
        } else {
            QFile input(file);
            if (!input.open(QIODevice::ReadOnly))
                return fail(io, {QStringLiteral("--json"), QStringLiteral("cannot read %1").arg(file)}, BadInput);
            bytes = input.readAll();
        }
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        if (!doc.isObject())
            return fail(
                io,
                {QStringLiteral("json"), QStringLiteral("must be one script object (see assets/scripts/README.md)")},
                BadInput);
        auto saved = open->registry->saveClinicScript(doc.object());
        if (!saved)
            return fail(io, saved.error(), exitFor(saved.error()));
        *io.out << "saved the clinic's " << saved->id << " (" << saved->language << ") as version " << saved->version
                << '\n';
        return Success;
    }
    if (action == QLatin1String("clinic")) {
        auto list = open->registry->clinicScripts();
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
    auto history = open->registry->clinicScriptHistory(id, lang);
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
    static const registry::SystemClock clock;
    auto open = openRegistry(options, clock);
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

int runScripts(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    io.out->setEncoding(QStringConverter::Utf8);
    const auto taken =
        takeAction(QStringLiteral("scripts"), args,
                   {QStringLiteral("list"), QStringLiteral("show ID"), QStringLiteral("validate DIR"),
                    QStringLiteral("adapt --json FILE"), QStringLiteral("clinic"), QStringLiteral("history ID")});
    if (!taken)
        return fail(io, taken.error(), BadInput);
    const QString &action = *taken;
    auto language = takeOption(args, QStringLiteral("--lang"));
    if (!language)
        return fail(io, language.error(), BadInput);
    const QString lang = language->isEmpty() ? QStringLiteral("en") : *language;

    if (action == QLatin1String("validate")) {
        if (args.size() != 1)
            return fail(io, {QStringLiteral("validate"), QStringLiteral("name the directory to check")}, BadInput);
        const QList<scripts::Problem> problems = scripts::Library::validate(args.first());
        for (const scripts::Problem &p : problems)
            *io.err << "cairnctl: " << p.line() << '\n';
        if (!problems.isEmpty())
            return BadInput;
        *io.out << "all scripts are valid\n";
        return Success;
    }
    if (action == QLatin1String("adapt") || action == QLatin1String("clinic") || action == QLatin1String("history"))
        return runClinicScripts(action, args, lang, options, io);
    auto shipped = scripts::Library::shipped();
    if (!shipped)
        return fail(io, shipped.error());
    auto inForce = scriptsInForce(**shipped, options);
    if (!inForce)
        return fail(io, inForce.error());
    const scripts::Library *library = &*inForce;
    if (!library->languages().contains(lang))
        return fail(io,
                    {QStringLiteral("--lang"), QStringLiteral("no scripts in \"%1\" (have: %2)")
                                                   .arg(lang, library->languages().join(QStringLiteral(", ")))},
                    BadInput);
    if (action == QLatin1String("list")) {
        if (auto s = noMoreArguments(args); !s)
            return fail(io, s.error(), BadInput);
        for (const scripts::Script &s : library->scripts(lang))
            *io.out << s.id.leftJustified(26) << s.title << "  [" << s.audience.join(QStringLiteral(", ")) << "]\n";
        return Success;
    }
    if (action == QLatin1String("show")) {
        if (args.size() != 1)
            return fail(io, {QStringLiteral("show"), QStringLiteral("name one script id")}, BadInput);
        const scripts::Script *s = library->find(args.first(), lang);
        if (!s)
            return fail(io,
                        {QStringLiteral("id"), QStringLiteral("no script \"%1\" in \"%2\"").arg(args.first(), lang)},
                        BadInput);
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
    Q_UNREACHABLE();  // takeAction accepted only the actions above
    return Failure;
}

}  // namespace

CAIRN_CLI_COMMAND("scripts", "scripts list|show ID|validate DIR|adapt --json FILE|clinic|history ID [--lang es]",
                  runScripts);

}  // namespace cairn::cli
