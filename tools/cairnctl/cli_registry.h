#pragma once
// What registry-backed cairnctl commands share: the keystore, reading PINs without prompts,
// opening the registry as a user.

#include "core/clinical/policy.h"
#include "core/registry/clock.h"
#include "core/registry/registry.h"
#include "platform/keystore.h"
#include "tools/cairnctl/command.h"

#include <QJsonObject>

#include <memory>
#include <optional>

namespace cairn::cli {

struct OpenRegistry {
    std::unique_ptr<platform::Keystore> keystore;
    std::unique_ptr<registry::Registry> registry;
};

QString registryPath(const GlobalOptions &options);
Result<std::unique_ptr<platform::Keystore>> keystore();
// The acting user's PIN: --pin-fd N, else CAIRN_PIN.
Result<QString> readPin(const GlobalOptions &options);
// Unlocks as --user (or CAIRN_USER, or the first administrator).
Result<OpenRegistry> openRegistry(const GlobalOptions &options, const registry::Clock &clock);

// Every patient, read for an export (JSON or FHIR) by a user the role table lets export.
Result<QList<domain::Patient>> patientsForExport(const GlobalOptions &options, const registry::Clock &clock);

// The action of a command made of several ("record add|correct|withdraw"), taken from the front of
// args: the first word of one of `usages` ("add PATIENT", "update ID", ...). Otherwise an error
// naming the command that lists them: "say add PATIENT, update ID or list PATIENT".
Result<QString> takeAction(const QString &command, QStringList &args, const QStringList &usages);
// Pulls "--name VALUE" out of args; empty when absent. Errors when the value is missing.
Result<QString> takeOption(QStringList &args, const QString &name);
bool takeFlag(QStringList &args, const QString &name);
// Pulls "--name YYYY-MM-DD" out of args; `fallback` when absent. Errors name the option.
Result<QDate> dateOption(QStringList &args, const QString &name, const QDate &fallback);
// Fails when anything is left in args.
Status noMoreArguments(const QStringList &args);

// A command's own arguments, read in the order the command states them. After the first error each
// read gives an empty value and the first error is kept, so a command states all its options and
// checks once, and reports the same error as if it had stopped at the first bad one:
//     Arguments in(arguments);
//     const QString id = in.required(QStringLiteral("patient id"));
//     const QString reason = in.option(QStringLiteral("--reason"));
//     auto registry = unlockForCommand(in, options, kClock, io);  // also fails on anything left over
class Arguments {
public:
    explicit Arguments(QStringList args)
        : m_args(std::move(args))
    {}

    // The action word of a command made of several (see takeAction).
    QString action(const QString &command, const QStringList &usages);
    // A required positional argument (an id) from the front: "<what>: is required" when absent.
    QString required(const QString &what);
    // "--name VALUE"; empty when absent (see takeOption).
    QString option(const QString &name);
    bool flag(const QString &name);
    // Whether "--name" is still among the arguments (an option given empty is still given).
    bool given(const QString &name) const { return m_args.contains(name); }
    // "--name YYYY-MM-DD"; `fallback` when absent (see dateOption).
    QDate date(const QString &name, const QDate &fallback);
    // A value just read is not acceptable: keeps `error` unless an earlier one is kept.
    void reject(const Error &error);
    // The value of a check or parse of an argument; its error is kept as reject() does (and an
    // empty value returned).
    template <typename T> T take(Result<T> result)
    {
        if (result)
            return std::move(result).value();
        reject(result.error());
        return T{};
    }

    // No error so far.
    explicit operator bool() const { return !m_error; }
    const Error &error() const { return *m_error; }
    // The first error, or an error when anything is left unread.
    Status finish() const;

private:
    QStringList m_args;
    std::optional<Error> m_error;
};

// A second PIN (a new user's, or a new PIN): --new-pin-fd N, else CAIRN_NEW_PIN; an error is kept
// as Arguments::reject does.
QString readNewPin(Arguments &in);

// The registry unlocked for a command that has read all its arguments (Arguments::finish). When an
// argument is wrong or the registry does not open, the error is printed and exitCode is what the
// command returns (BadInput for an argument, Failure otherwise).
struct CommandRegistry {
    std::optional<OpenRegistry> open;
    int exitCode = Success;

    explicit operator bool() const { return open.has_value(); }
    registry::Registry *operator->() const { return open->registry.get(); }
    registry::Registry &operator*() const { return *open->registry; }
};
CommandRegistry unlockForCommand(const Arguments &in, const GlobalOptions &options, const registry::Clock &clock,
                                 Io &io);

// A command about one stored record (a correction, a withdrawal, a referral's next status): the
// registry unlocked as unlockForCommand does, and the version in force of the record `recordId`
// names. When it is not one, the refusal is printed and exitCode is exitFor's.
struct CommandRecord : CommandRegistry {
    domain::RecordEnvelope record;
};
CommandRecord unlockForRecord(const Arguments &in, const GlobalOptions &options, const registry::Clock &clock, Io &io,
                              const QString &recordId);

// A command about the clinic policy in force (a policy's view, a follow-up date): the registry
// unlocked as unlockForCommand does, and that policy. When it does not unlock or the policy cannot
// be read, the error is printed and exitCode is what the command returns (Failure for the policy).
struct CommandPolicy : CommandRegistry {
    clinical::ClinicPolicy policy;
};
CommandPolicy unlockWithPolicy(const Arguments &in, const GlobalOptions &options, const registry::Clock &clock, Io &io);

// One action of a command made of several: its usage ("edit ID"; the first word names it) and
// what runs it on the arguments after that word.
struct Action {
    QString usage;
    std::function<int(Arguments &in, const GlobalOptions &options, Io &io)> run;
    // Runs when no action word is given: nothing, or an option first ("conflicts --all"). Other
    // commands refuse a missing word.
    bool byDefault = false;
};
// Takes the action word from the front of `arguments` and runs that action (or the one run by
// default); an unknown or missing word fails naming `command` and listing the usages (see
// takeAction). "--help" is never taken for an option of the default: it gets that list.
int runAction(const QString &command, const QList<Action> &actions, const QStringList &arguments,
              const GlobalOptions &options, Io &io);
// The handler of a command made of several actions, for CAIRN_CLI_COMMAND (runAction with them).
Handler actionsOf(const QString &command, const QList<Action> &actions);

// The bytes of `file`, or of standard input for "-"; nothing when the file cannot be read.
std::optional<QByteArray> readInput(const QString &file, Io &io);

// The JSON object in `file` (or standard input for "-"), for a "--json FILE" option; errors name
// --json (unreadable) or json (not an object of `what`, e.g. "policy settings"; `where` says where
// the keys are documented, e.g. "docs/clinic-policy.md").
Result<QJsonObject> readJsonObject(const QString &file, Io &io, const QString &what, const QString &where);
// readJsonObject of the file named by "--json FILE", read only once every argument is read and
// nothing is left over (a stray argument is reported before an unreadable file).
QJsonObject jsonObjectOption(Arguments &in, Io &io, const QString &what, const QString &where);

// The exit code for a registry error: one that names a field is the input's fault (BadInput); the
// others (a role that may not, a database that cannot) are not (Failure).
int exitFor(const Error &error);

// Prints "cairnctl: <field>: <message>" and returns the exit code.
int fail(Io &io, const Error &error, int code = Failure);

// A write's outcome: `done` (what was written, for people) when given, then the new id alone on
// the last line, for scripts (id=$(cairnctl ... | tail -1)); or the registry's refusal, whose exit
// code is exitFor's.
int reportWritten(Io &io, const Result<QString> &id, const QString &done = {});

}  // namespace cairn::cli
