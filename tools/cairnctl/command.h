#pragma once
// cairnctl subcommands register themselves here; main.cpp only dispatches. Each lives in its own
// cmd_*.cpp so the owners of each area can add commands without touching the others.

#include <QIODevice>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace cairn::cli {

// Exit codes shared by every command.
enum ExitCode : int { Success = 0, Failure = 1, BadInput = 2 };

struct Io {
    QIODevice *in = nullptr;  // standard input
    QTextStream *out = nullptr;
    QTextStream *err = nullptr;
};

// args: the command's own arguments (the command name and global options are removed).
// Global options already parsed by main.cpp are in GlobalOptions.
struct GlobalOptions {
    QString dbPath;  // --db PATH; empty: the app's default registry
    int pinFd = -1;  // --pin-fd N; else CAIRN_PIN
    QString user;    // --user NAME; who acts (default: the first administrator)
};

using Handler = std::function<int(const QStringList &args, const GlobalOptions &options, Io &io)>;

struct Command {
    const char *name;     // "evaluate", "user", "scripts", ...
    const char *summary;  // one line for `cairnctl help`
    Handler run;
    bool draws = false;  // renders a document (PDF): needs a QGuiApplication for fonts
};

// Called from static registrars: CAIRN_CLI_COMMAND(evaluate, "summary", handler)
bool registerCommand(const Command &command);
const QList<Command> &commands();

}  // namespace cairn::cli

#define CAIRN_CLI_CONCAT2(a, b) a##b
#define CAIRN_CLI_CONCAT(a, b) CAIRN_CLI_CONCAT2(a, b)
#define CAIRN_CLI_COMMAND(NAME, SUMMARY, HANDLER)                                                                      \
    static const bool CAIRN_CLI_CONCAT(cairnCliRegistered_, __LINE__) =                                                \
        ::cairn::cli::registerCommand({NAME, SUMMARY, HANDLER})
// A command that renders a document: cairnctl starts it with a QGuiApplication on the offscreen
// platform (no display needed).
#define CAIRN_CLI_DRAWING_COMMAND(NAME, SUMMARY, HANDLER)                                                              \
    static const bool CAIRN_CLI_CONCAT(cairnCliRegistered_, __LINE__) =                                                \
        ::cairn::cli::registerCommand({NAME, SUMMARY, HANDLER, true})
