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

int runUser(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    const auto taken = takeAction(QStringLiteral("user"), args,
                                  {QStringLiteral("add"), QStringLiteral("list"), QStringLiteral("remove NAME"),
                                   QStringLiteral("passwd NAME"), QStringLiteral("unlock NAME")});
    if (!taken)
        return fail(io, taken.error(), BadInput);
    const QString &action = *taken;
    if (action == QLatin1String("list")) {
        const bool asJson = takeFlag(args, QStringLiteral("--json"));
        if (auto s = noMoreArguments(args); !s)
            return fail(io, s.error(), BadInput);
        // Listing needs no PIN: the sign-in screen shows the same names.
        auto users = registry::Registry::users(registryPath(options));
        if (!users)
            return fail(io, users.error());
        printUsers(io, *users, asJson);
        return Success;
    }
    auto name = takeOption(args, QStringLiteral("--name"));
    if (!name)
        return fail(io, name.error(), BadInput);
    auto roleText = takeOption(args, QStringLiteral("--role"));
    if (!roleText)
        return fail(io, roleText.error(), BadInput);

    if (action == QLatin1String("add")) {
        if (name->isEmpty())
            return fail(io, {QStringLiteral("--name"), QStringLiteral("is required")}, BadInput);
        keys::Role role{};
        if (!keys::parse(*roleText, &role))
            return fail(io, {QStringLiteral("--role"), QStringLiteral("must be ") + keys::roleNamesForMessage()},
                        BadInput);
        auto newPin = readNewPin(args);
        if (!newPin)
            return fail(io, newPin.error(), BadInput);
        if (auto s = noMoreArguments(args); !s)
            return fail(io, s.error(), BadInput);
        auto open = openRegistry(options, kClock);
        if (!open)
            return fail(io, open.error());
        auto added = open->registry->addUser(*name, role, *newPin);
        if (!added)
            return fail(io, added.error(), exitFor(added.error()));
        *io.out << "added " << name->trimmed() << " (" << keys::toString(role) << ")\n";
        return Success;
    }
    if (action == QLatin1String("remove") || action == QLatin1String("passwd") || action == QLatin1String("unlock")) {
        std::optional<QString> newPin;
        if (action == QLatin1String("passwd")) {
            auto pin = readNewPin(args);
            if (!pin)
                return fail(io, pin.error(), BadInput);
            newPin = *pin;
        }
        if (auto s = noMoreArguments(args); !s)
            return fail(io, s.error(), BadInput);
        auto open = openRegistry(options, kClock);
        if (!open)
            return fail(io, open.error());
        const QString target = name->isEmpty() ? open->registry->user().id : *name;
        Status done = action == QLatin1String("remove") ? open->registry->removeUser(target)
                      : newPin                          ? open->registry->changePin(target, *newPin)
                                                        : open->registry->resetLockout(target);
        if (!done)
            return fail(io, done.error(), exitFor(done.error()));
        *io.out << (action == QLatin1String("remove")   ? "removed "
                    : action == QLatin1String("passwd") ? "changed the PIN of "
                                                        : "cleared the lockout of ")
                << (name->isEmpty() ? open->registry->user().name : *name) << '\n';
        return Success;
    }
    Q_UNREACHABLE();  // takeAction accepted only the actions above
    return Failure;
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
                  runUser);
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
