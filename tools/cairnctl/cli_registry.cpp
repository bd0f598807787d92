#include "tools/cairnctl/cli_registry.h"

#include "core/registry/not_allowed.h"
#include "platform/paths.h"

#include <QFile>
#include <QJsonDocument>

#include <unistd.h>

namespace cairn::cli {

QString registryPath(const GlobalOptions &options)
{
    return options.dbPath.isEmpty() ? platform::defaultRegistryPath() : options.dbPath;
}

Result<std::unique_ptr<platform::Keystore>> keystore()
{
    return platform::keystoreFromEnvironment();
}

namespace {
Result<QString> readFromFd(int fd, const QString &option)
{
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::DontCloseHandle))
        return Error{option, QStringLiteral("cannot read file descriptor %1").arg(fd)};
    const QByteArray line = file.readLine(64).trimmed();
    return QString::fromLatin1(line);
}
}  // namespace

Result<QString> readPin(const GlobalOptions &options)
{
    if (options.pinFd >= 0)
        return readFromFd(options.pinFd, QStringLiteral("--pin-fd"));
    if (qEnvironmentVariableIsSet("CAIRN_PIN"))
        return qEnvironmentVariable("CAIRN_PIN");
    return Error{QStringLiteral("pin"),
                 QStringLiteral("give the PIN with --pin-fd N or the CAIRN_PIN environment variable")};
}

namespace {
// The new PIN from the file descriptor `fd` names (when given), else CAIRN_NEW_PIN.
Result<QString> newPinFrom(const QString &fd)
{
    if (!fd.isEmpty()) {
        bool ok = false;
        const int n = fd.toInt(&ok);
        if (!ok || n < 0)
            return Error{QStringLiteral("--new-pin-fd"), QStringLiteral("needs a file descriptor number")};
        return readFromFd(n, QStringLiteral("--new-pin-fd"));
    }
    if (qEnvironmentVariableIsSet("CAIRN_NEW_PIN"))
        return qEnvironmentVariable("CAIRN_NEW_PIN");
    return Error{QStringLiteral("new pin"), QStringLiteral("give the new PIN with --new-pin-fd N or CAIRN_NEW_PIN")};
}
}  // namespace

QString readNewPin(Arguments &in)
{
    const QString fd = in.option(QStringLiteral("--new-pin-fd"));
    return in ? in.take(newPinFrom(fd)) : QString();
}

Result<OpenRegistry> openRegistry(const GlobalOptions &options, const registry::Clock &clock)
{
    const QString path = registryPath(options);
    auto store = keystore();
    if (!store)
        return store.error();
    auto pin = readPin(options);
    if (!pin)
        return pin.error();
    QString user = options.user.isEmpty() ? qEnvironmentVariable("CAIRN_USER") : options.user;
    if (user.isEmpty()) {
        auto users = registry::Registry::users(path);
        if (!users)
            return users.error();
        for (const auto &u : std::as_const(*users)) {
            if (u.role == keys::Role::Administrator) {
                user = u.id;
                break;
            }
        }
    }
    auto opened = registry::Registry::unlock(path, **store, user, *pin, clock);
    if (!opened)
        return opened.error();
    return OpenRegistry{std::move(store).value(), std::move(opened).value()};
}

Result<QString> takeOption(QStringList &args, const QString &name)
{
    const qsizetype at = args.indexOf(name);
    if (at < 0)
        return QString();
    if (at + 1 >= args.size())
        return Error{name, QStringLiteral("needs a value")};
    const QString value = args.at(at + 1);
    args.remove(at, 2);
    return value;
}

Result<QDate> dateOption(QStringList &args, const QString &name, const QDate &fallback)
{
    auto text = takeOption(args, name);
    if (!text)
        return text.error();
    if (text->isEmpty())
        return fallback;
    const QDate date = QDate::fromString(*text, Qt::ISODate);
    if (!date.isValid())
        return Error{name, QStringLiteral("must be a date written YYYY-MM-DD")};
    return date;
}

bool takeFlag(QStringList &args, const QString &name)
{
    return args.removeAll(name) > 0;
}

Status noMoreArguments(const QStringList &args)
{
    if (args.isEmpty())
        return ok();
    return Error{args.first().left(40), QStringLiteral("unexpected argument")};
}

std::optional<QByteArray> readInput(const QString &file, Io &io)
{
    if (file == QLatin1String("-"))
        return io.in->readAll();
    QFile input(file);
    if (file.isEmpty() || !input.open(QIODevice::ReadOnly))
        return std::nullopt;
    return input.readAll();
}

Result<QJsonObject> readJsonObject(const QString &file, Io &io, const QString &what, const QString &where)
{
    const auto bytes = readInput(file, io);
    if (!bytes)
        return Error{QStringLiteral("--json"),
                     QStringLiteral("name a readable file of %1 (- for standard input)").arg(what)};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error{QStringLiteral("json"), QStringLiteral("must be a JSON object of %1 (see %2)").arg(what, where)};
    return doc.object();
}

QJsonObject jsonObjectOption(Arguments &in, Io &io, const QString &what, const QString &where)
{
    const QString file = in.option(QStringLiteral("--json"));
    if (!in.finish())
        return {};
    return in.take(readJsonObject(file, io, what, where));
}

Result<QString> takeAction(const QString &command, QStringList &args, const QStringList &usages)
{
    QString choices = usages.join(QStringLiteral(", "));
    if (usages.size() > 1)
        choices.replace(choices.lastIndexOf(QStringLiteral(", ")), 2, QStringLiteral(" or "));
    if (args.isEmpty())
        return Error{command, QStringLiteral("say %1").arg(choices)};
    const QString action = args.takeFirst();
    for (const QString &usage : usages)
        if (usage.section(QLatin1Char(' '), 0, 0) == action)
            return action;
    return Error{command, QStringLiteral("unknown action \"%1\": say %2").arg(action.left(20), choices)};
}

QString Arguments::action(const QString &command, const QStringList &usages)
{
    return *this ? take(takeAction(command, m_args, usages)) : QString();
}

QString Arguments::required(const QString &what)
{
    if (!*this)
        return {};
    if (m_args.isEmpty() || m_args.first().startsWith(QLatin1String("--"))) {
        reject({what, QStringLiteral("is required")});
        return {};
    }
    return m_args.takeFirst();
}

QString Arguments::option(const QString &name)
{
    return *this ? take(takeOption(m_args, name)) : QString();
}

bool Arguments::flag(const QString &name)
{
    return *this && takeFlag(m_args, name);
}

QDate Arguments::date(const QString &name, const QDate &fallback)
{
    return *this ? take(dateOption(m_args, name, fallback)) : QDate();
}

void Arguments::reject(const Error &error)
{
    if (!m_error)
        m_error = error;
}

Status Arguments::finish() const
{
    if (m_error)
        return *m_error;
    return noMoreArguments(m_args);
}

CommandRegistry unlockForCommand(const Arguments &in, const GlobalOptions &options, const registry::Clock &clock,
                                 Io &io)
{
    if (auto s = in.finish(); !s)
        return {std::nullopt, fail(io, s.error(), BadInput)};
    auto open = openRegistry(options, clock);
    if (!open)
        return {std::nullopt, fail(io, open.error())};
    return {std::move(open).value(), Success};
}

CommandRecord unlockForRecord(const Arguments &in, const GlobalOptions &options, const registry::Clock &clock, Io &io,
                              const QString &recordId)
{
    CommandRecord unlocked{unlockForCommand(in, options, clock, io), {}};
    if (!unlocked)
        return unlocked;
    auto found = unlocked->recordInForce(recordId);
    if (!found) {
        unlocked.exitCode = fail(io, found.error(), exitFor(found.error()));
        unlocked.open.reset();
        return unlocked;
    }
    unlocked.record = std::move(found).value();
    return unlocked;
}

CommandPolicy unlockWithPolicy(const Arguments &in, const GlobalOptions &options, const registry::Clock &clock, Io &io)
{
    CommandPolicy unlocked{unlockForCommand(in, options, clock, io), {}};
    if (!unlocked)
        return unlocked;
    auto policy = unlocked->clinicPolicy();
    if (!policy) {
        unlocked.exitCode = fail(io, policy.error());
        unlocked.open.reset();
        return unlocked;
    }
    unlocked.policy = std::move(policy).value();
    return unlocked;
}

int runAction(const QString &command, const QList<Action> &actions, const QStringList &arguments,
              const GlobalOptions &options, Io &io)
{
    // No action word (nothing, or an option first): the default action, when the command has one.
    const bool noWord = arguments.isEmpty() || (arguments.first().startsWith(QLatin1String("--")) &&
                                                arguments.first() != QLatin1String("--help"));
    for (const Action &action : actions) {
        if (noWord && action.byDefault) {
            Arguments in(arguments);
            return action.run(in, options, io);
        }
    }
    QStringList usages;
    for (const Action &action : actions)
        usages << action.usage;
    Arguments in(arguments);
    const QString word = in.action(command, usages);
    if (!in)
        return fail(io, in.error(), BadInput);
    for (const Action &action : actions)
        if (action.usage.section(QLatin1Char(' '), 0, 0) == word)
            return action.run(in, options, io);
    Q_UNREACHABLE();  // takeAction accepted only these words
    return Failure;
}

Handler actionsOf(const QString &command, const QList<Action> &actions)
{
    return [command, actions](const QStringList &arguments, const GlobalOptions &options, Io &io) {
        return runAction(command, actions, arguments, options, io);
    };
}

int exitFor(const Error &error)
{
    return error.field.isEmpty() ? Failure : BadInput;
}

int fail(Io &io, const Error &error, int code)
{
    *io.err << "cairnctl: " << error.line() << '\n';
    return code;
}

int reportWritten(Io &io, const Result<QString> &id, const QString &done)
{
    if (!id)
        return fail(io, id.error(), exitFor(id.error()));
    if (!done.isEmpty())
        *io.out << done << '\n';
    *io.out << *id << '\n';
    return Success;
}

Result<QList<domain::Patient>> patientsForExport(const GlobalOptions &options, const registry::Clock &clock)
{
    auto open = openRegistry(options, clock);
    if (!open)
        return open.error();
    if (!open->registry->can(keys::Permission::ExportData))
        return registry::notAllowed("exporting the registry");
    return open->registry->loadAllPatients(QStringLiteral("export"));
}

}  // namespace cairn::cli
