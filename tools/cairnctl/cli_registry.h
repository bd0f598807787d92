#pragma once
// What registry-backed cairnctl commands share: the keystore, reading PINs without prompts,
// opening the registry as a user.

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
// A second PIN (a new user's, or a new PIN): --new-pin-fd N in args, else CAIRN_NEW_PIN.
Result<QString> readNewPin(QStringList &args);
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

// The bytes of `file`, or of standard input for "-"; nothing when the file cannot be read.
std::optional<QByteArray> readInput(const QString &file, Io &io);

// The JSON object in `file` (or standard input for "-"), for a "--json FILE" option; errors name
// --json (unreadable) or json (not an object of `what`, e.g. "policy settings"; `where` says where
// the keys are documented, e.g. "docs/clinic-policy.md").
Result<QJsonObject> readJsonObject(const QString &file, Io &io, const QString &what, const QString &where);

// The exit code for a registry error: one that names a field is the input's fault (BadInput); the
// others (a role that may not, a database that cannot) are not (Failure).
int exitFor(const Error &error);

// Prints "cairnctl: <field>: <message>" and returns the exit code.
int fail(Io &io, const Error &error, int code = Failure);

}  // namespace cairn::cli
