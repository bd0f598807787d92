// cairnctl: the registry without a screen. Same libraries as the app; no prompts, so scripts and
// tests can drive it. Parses the global options and hands over to the named command.

#include "tools/cairnctl/command.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>

#include <cstdio>
#include <memory>

namespace cairn::cli {

bool registerCommand(const Command &command)
{
    const_cast<QList<Command> &>(commands()).append(command);
    return true;
}

const QList<Command> &commands()
{
    static QList<Command> all;
    return all;
}

}  // namespace cairn::cli

namespace {

void printUsage(QTextStream &to)
{
    to << "usage: cairnctl [--db PATH] [--pin-fd N] [--user NAME] COMMAND [ARGS...]\n\n"
          "The PIN comes from --pin-fd N or the CAIRN_PIN environment variable.\n"
          "CAIRN_KEYSTORE=file:DIR or CAIRN_KEYSTORE=memory selects a headless keystore.\n\n"
          "commands:\n";
    auto sorted = cairn::cli::commands();
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return qstrcmp(a.name, b.name) < 0; });
    for (const auto &command : sorted)
        to << "  " << QString::fromLatin1(command.name).leftJustified(14) << command.summary << '\n';
}

// Whether the command named on the command line draws a document, read before the application
// object exists: drawing needs a QGuiApplication (fonts), every other command a QCoreApplication.
bool commandDraws(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--db" || arg == "--user" || arg == "--pin-fd") {
            ++i;
            continue;
        }
        if (arg.startsWith("--"))
            continue;
        for (const auto &command : cairn::cli::commands())
            if (arg == command.name)
                return command.draws;
        return false;
    }
    return false;
}

}  // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (commandDraws(argc, argv)) {
        // cairnctl never opens a window: without a display, draw offscreen.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("cairn"));
    QCoreApplication::setOrganizationName(QStringLiteral("Cairn"));

    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    QTextStream out(stdout);
    QTextStream err(stderr);
    cairn::cli::Io io{&in, &out, &err};

    QStringList args = app.arguments().mid(1);
    cairn::cli::GlobalOptions options;
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString option = args.takeFirst();
        auto needValue = [&](QString *into) {
            if (args.isEmpty()) {
                err << "cairnctl: " << option << " needs a value\n";
                return false;
            }
            *into = args.takeFirst();
            return true;
        };
        if (option == QLatin1String("--db")) {
            if (!needValue(&options.dbPath))
                return cairn::cli::BadInput;
        } else if (option == QLatin1String("--user")) {
            if (!needValue(&options.user))
                return cairn::cli::BadInput;
        } else if (option == QLatin1String("--pin-fd")) {
            QString value;
            bool ok = false;
            if (!needValue(&value) || (options.pinFd = value.toInt(&ok), !ok) || options.pinFd < 0) {
                err << "cairnctl: --pin-fd needs a file descriptor number\n";
                return cairn::cli::BadInput;
            }
        } else if (option == QLatin1String("--help")) {
            printUsage(out);
            return cairn::cli::Success;
        } else {
            err << "cairnctl: unknown option " << option << '\n';
            return cairn::cli::BadInput;
        }
    }
    if (args.isEmpty() || args.first() == QLatin1String("help")) {
        printUsage(args.isEmpty() ? err : out);
        return args.isEmpty() ? cairn::cli::BadInput : cairn::cli::Success;
    }
    const QString name = args.takeFirst();
    for (const auto &command : cairn::cli::commands()) {
        if (name == QLatin1String(command.name)) {
            const int code = command.run(args, options, io);
            out.flush();
            err.flush();
            return code;
        }
    }
    err << "cairnctl: unknown command " << name << " (try: cairnctl help)\n";
    return cairn::cli::BadInput;
}
