// cairnctl init | user | import | export | stats | audit: the registry without a screen.

#include "core/domain/patient_json.h"
#include "core/registry/not_allowed.h"
#include "tools/cairnctl/cli_registry.h"
#include "tools/cairnctl/fhir_commands.h"
#include "tools/cairnctl/sheet_commands.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

int runInit(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto name = takeOption(args, QStringLiteral("--name"));
    if (!name)
        return fail(io, name.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    if (name->isEmpty())
        return fail(io, {QStringLiteral("--name"), QStringLiteral("name the first administrator")}, BadInput);
    auto pin = readPin(options);
    if (!pin)
        return fail(io, pin.error(), BadInput);
    auto store = keystore();
    if (!store)
        return fail(io, store.error(), BadInput);
    const QString path = registryPath(options);
    auto created = registry::Registry::create(path, **store, *name, *pin, kClock);
    if (!created)
        return fail(io, created.error(),
                    created.error().field == QLatin1String("pin") || created.error().field == QLatin1String("name")
                        ? BadInput
                        : Failure);
    *io.out << "created the encrypted registry " << path << " with administrator " << (*created)->user().name << '\n';
    return Success;
}

void printUsers(Io &io, const QList<registry::UserSummary> &users, bool asJson)
{
    if (asJson) {
        QJsonArray array;
        for (const auto &u : users) {
            array.append(QJsonObject{{QStringLiteral("id"), u.id},
                                     {QStringLiteral("name"), u.name},
                                     {QStringLiteral("role"), keys::toString(u.role)},
                                     {QStringLiteral("failed_attempts"), u.failedAttempts},
                                     {QStringLiteral("locked_until"),
                                      u.lockedUntil.isValid() ? u.lockedUntil.toString(Qt::ISODate) : QString()}});
        }
        *io.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return;
    }
    for (const auto &u : users) {
        *io.out << u.name << '\t' << keys::toString(u.role);
        if (u.lockedUntil.isValid())
            *io.out << "\tlocked until " << u.lockedUntil.toString(Qt::ISODate);
        *io.out << '\n';
    }
}

int runUserList(Arguments &in, const GlobalOptions &options, Io &io)
{
    const bool asJson = in.flag(QStringLiteral("--json"));
    if (auto s = in.finish(); !s)
        return fail(io, s.error(), BadInput);
    // Listing needs no PIN: the sign-in screen shows the same names.
    auto users = registry::Registry::users(registryPath(options));
    if (!users)
        return fail(io, users.error());
    printUsers(io, *users, asJson);
    return Success;
}

int runUserAdd(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString name = in.option(QStringLiteral("--name"));
    const QString roleText = in.option(QStringLiteral("--role"));
    if (in && name.isEmpty())
        in.reject({QStringLiteral("--name"), QStringLiteral("is required")});
    keys::Role role{};
    if (in && !keys::parse(roleText, &role))
        in.reject({QStringLiteral("--role"), QStringLiteral("must be ") + keys::roleNamesForMessage()});
    const QString newPin = readNewPin(in);
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto added = registry->addUser(name, role, newPin);
    if (!added)
        return fail(io, added.error(), exitFor(added.error()));
    *io.out << "added " << name.trimmed() << " (" << keys::toString(role) << ")\n";
    return Success;
}

// remove, passwd and unlock: one user by --name (passwd: the acting user when none is named).
enum class UserChange { Remove, Passwd, Unlock };

int runUserChange(Arguments &in, const GlobalOptions &options, Io &io, UserChange change)
{
    const QString name = in.option(QStringLiteral("--name"));
    in.option(QStringLiteral("--role"));  // accepted, as every action but list accepts it
    const QString newPin = change == UserChange::Passwd ? readNewPin(in) : QString();
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    const QString target = name.isEmpty() ? registry->user().id : name;
    Status done = change == UserChange::Remove   ? registry->removeUser(target)
                  : change == UserChange::Passwd ? registry->changePin(target, newPin)
                                                 : registry->resetLockout(target);
    if (!done)
        return fail(io, done.error(), exitFor(done.error()));
    *io.out << (change == UserChange::Remove   ? "removed "
                : change == UserChange::Passwd ? "changed the PIN of "
                                               : "cleared the lockout of ")
            << (name.isEmpty() ? registry->user().name : name) << '\n';
    return Success;
}

Action userChange(const QString &usage, UserChange change)
{
    return {usage, [change](Arguments &in, const GlobalOptions &options, Io &io) {
                return runUserChange(in, options, io, change);
            }};
}

int runImport(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    if (arguments.contains(QStringLiteral("--fhir")))
        return runImportFhir(arguments, options, io);
    if (arguments.contains(QStringLiteral("--sheet")))
        return runImportSheet(arguments, options, io);
    QStringList args = arguments;
    auto file = takeOption(args, QStringLiteral("--json"));
    if (!file)
        return fail(io, file.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    if (file->isEmpty())
        return fail(io, {QStringLiteral("--json"), QStringLiteral("name the file to import (- for standard input)")},
                    BadInput);
    QByteArray bytes;
    if (*file == QLatin1String("-")) {
        bytes = io.in->readAll();
    } else {
        QFile input(*file);
        if (!input.open(QIODevice::ReadOnly))
            return fail(io, {QStringLiteral("--json"), QStringLiteral("cannot read %1").arg(*file)}, BadInput);
        bytes = input.readAll();
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(
            io,
            {QStringLiteral("json"),
             QStringLiteral("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString())},
            BadInput);
    if (!doc.isArray())
        return fail(io, {QStringLiteral("json"), QStringLiteral("must be an array of patient objects")}, BadInput);
    QList<domain::Patient> patients;
    const QJsonArray array = doc.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto patient = domain::patientFromJson(array.at(i));
        if (!patient)
            return fail(io, patient.error().within(QStringLiteral("[%1]").arg(i)), BadInput);
        // Imported patients get fresh registry ids; the file's id is kept as the clinic id if none is given.
        if (patient->clinicId.isEmpty())
            patient->clinicId = patient->id;
        patient->id.clear();
        patients.append(std::move(patient).value());
    }
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto ids = open->registry->addPatients(patients);
    if (!ids)
        return fail(io, ids.error(), exitFor(ids.error()));
    *io.out << "imported " << ids->size() << " patients\n";
    return Success;
}

int runExport(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    if (arguments.contains(QStringLiteral("--fhir")))
        return runExportFhir(arguments, options, io);
    QStringList args = arguments;
    const bool json = takeFlag(args, QStringLiteral("--json"));
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    if (!json)
        return fail(io, {QStringLiteral("export"), QStringLiteral("only --json is supported")}, BadInput);
    auto patients = patientsForExport(options, kClock);
    if (!patients)
        return fail(io, patients.error());
    QJsonArray array;
    for (const auto &patient : std::as_const(*patients))
        array.append(domain::patientToJson(patient, true));
    *io.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    return Success;
}

int runStats(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    if (auto s = noMoreArguments(arguments); !s)
        return fail(io, s.error(), BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto stats = open->registry->stats();
    if (!stats)
        return fail(io, stats.error());
    const QJsonObject o{{QStringLiteral("patients"), stats->patients},
                        {QStringLiteral("records"), stats->records},
                        {QStringLiteral("users"), stats->users},
                        {QStringLiteral("outbox_pending"), stats->outboxPending},
                        {QStringLiteral("oldest_pending_write"), stats->oldestPendingWrite},
                        {QStringLiteral("audit_entries"), stats->auditEntries},
                        {QStringLiteral("schema_version"), stats->schemaVersion},
                        {QStringLiteral("cipher_version"), stats->cipherVersion}};
    *io.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    return Success;
}

int runAudit(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    if (arguments != QStringList{QStringLiteral("verify")})
        return fail(io, {QStringLiteral("audit"), QStringLiteral("usage: cairnctl audit verify")}, BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto report = open->registry->verifyAudit();
    if (!report)
        return fail(io, report.error());
    if (!report->intact) {
        *io.err << "cairnctl: audit: TAMPERED: " << report->problem << '\n';
        return Failure;
    }
    *io.out << "audit chain intact: " << report->entries << " entries\n";
    return Success;
}

}  // namespace

CAIRN_CLI_COMMAND("init", "create a new encrypted registry: init --name ADMIN (PIN from CAIRN_PIN or --pin-fd)",
                  runInit);
CAIRN_CLI_COMMAND("user",
                  "user add --name N --role R | list [--json] | remove --name N | passwd [--name N] | unlock --name N",
                  actionsOf(QStringLiteral("user"), {{QStringLiteral("add"), runUserAdd},
                                                     {QStringLiteral("list"), runUserList},
                                                     userChange(QStringLiteral("remove NAME"), UserChange::Remove),
                                                     userChange(QStringLiteral("passwd NAME"), UserChange::Passwd),
                                                     userChange(QStringLiteral("unlock NAME"), UserChange::Unlock)}));
CAIRN_CLI_COMMAND(
    "import",
    "import --json FILE | --fhir FILE|DIR | --sheet FILE --mapping MAP [--preview]: add the patients of a contract "
    "JSON, FHIR R4 or CSV/XLSX registry sheet (all or nothing)",
    runImport);
CAIRN_CLI_COMMAND("export", "export --json | --fhir DIR: every patient as contract JSON, or as FHIR R4 NDJSON files",
                  runExport);
CAIRN_CLI_COMMAND("stats", "counts of patients, records, users, unsynced records and audit entries", runStats);
CAIRN_CLI_COMMAND("audit", "audit verify: check the hash chain of the audit log", runAudit);

}  // namespace cairn::cli
