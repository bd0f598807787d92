// cairnctl scripts list | show ID | validate DIR: for the people who write and review scripts.

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

int runScripts(const QStringList &arguments, const GlobalOptions &, Io &io)
{
    QStringList args = arguments;
    io.out->setEncoding(QStringConverter::Utf8);
    if (args.isEmpty())
        return fail(io, {QStringLiteral("scripts"), QStringLiteral("say list, show ID or validate DIR")}, BadInput);
    const QString action = args.takeFirst();
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
    auto library = scripts::Library::shipped();
    if (!library)
        return fail(io, library.error());
    if (!(*library)->languages().contains(lang))
        return fail(io, {QStringLiteral("--lang"), QStringLiteral("no scripts in \"%1\" (have: %2)").arg(lang, (*library)->languages().join(QStringLiteral(", ")))}, BadInput);
    if (action == QLatin1String("list")) {
        if (auto s = noMoreArguments(args); !s)
            return fail(io, s.error(), BadInput);
        for (const scripts::Script &s : (*library)->scripts(lang))
            *io.out << s.id.leftJustified(26) << s.title << "  [" << s.audience.join(QStringLiteral(", ")) << "]\n";
        return Success;
    }
    if (action == QLatin1String("show")) {
        if (args.size() != 1)
            return fail(io, {QStringLiteral("show"), QStringLiteral("name one script id")}, BadInput);
        const scripts::Script *s = (*library)->find(args.first(), lang);
        if (!s)
            return fail(io, {QStringLiteral("id"), QStringLiteral("no script \"%1\" in \"%2\"").arg(args.first(), lang)}, BadInput);
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
    return fail(io, {QStringLiteral("scripts"), QStringLiteral("unknown action \"%1\"").arg(action.left(20))}, BadInput);
}

}  // namespace

CAIRN_CLI_COMMAND("scripts", "scripts list [--lang es] | show ID [--lang es] | validate DIR", runScripts);

}  // namespace cairn::cli
