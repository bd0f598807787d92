// cairn-server: the central store tablets sync with.
//   cairn-server --data DIR --listen HOST:PORT --cert PEM --key PEM [--database postgresql://...]
//   cairn-server --data DIR [--database URL] enroll --clinic C [--valid-hours H]   (code on the last line)
//   cairn-server --data DIR [--database URL] revoke --device D
//   cairn-server --data DIR [--database URL] new-epoch     (after restoring the store from a backup)
//   cairn-server --data DIR [--database URL] user add --clinic C --name N --role R   (PIN: CAIRN_PIN or stdin)
//   cairn-server --data DIR [--database URL] user list|remove|unlock --clinic C [--name N]
//   cairn-server --data DIR [--database URL] audit verify      (exit 3 when the chain is broken)
//   cairn-server --data DIR [--database URL] audit list [--since DATE] [--clinic C] [--limit N]
// Bad input: one line on stderr naming the option, exit 2.

#include "core/roles/roles.h"
#include "sync/server/http_server.h"
#include "sync/server/service_workers.h"
#include "sync/server/sync_service.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <chrono>
#include <cstdio>

using namespace cairn;
using namespace cairn::sync;

namespace {

int fail(const Error &error, int code = 1)
{
    const QString line =
        error.field.isEmpty() ? error.message : QStringLiteral("--%1: %2").arg(error.field, error.message);
    std::fprintf(stderr, "cairn-server: %s\n", qUtf8Printable(line));
    return code;
}

// The new user's PIN: CAIRN_PIN, else the first line of standard input (never an argument, which
// other users of the machine could read in the process list).
QString readPin()
{
    if (qEnvironmentVariableIsSet("CAIRN_PIN"))
        return qEnvironmentVariable("CAIRN_PIN");
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(in.readLine(64)).trimmed();
}

int runUserCommand(SyncService &service, const QString &action, const QCommandLineParser &parser)
{
    const QString clinic = parser.value(QStringLiteral("clinic"));
    const QString name = parser.value(QStringLiteral("name"));
    if (!parser.isSet(QStringLiteral("clinic")))
        return fail({QStringLiteral("clinic"), QStringLiteral("is required")}, 2);
    if (action != QLatin1String("list") && !parser.isSet(QStringLiteral("name")))
        return fail({QStringLiteral("name"), QStringLiteral("is required")}, 2);
    if (action == QLatin1String("add")) {
        auto user = service.addUser(clinic, name, parser.value(QStringLiteral("role")), readPin());
        if (!user && user.error().field == QLatin1String("pin"))  // not an option: say where it came from
            return fail(
                {QString(), QStringLiteral("the PIN (CAIRN_PIN or standard input) %1").arg(user.error().message)}, 2);
        if (!user)
            return fail(user.error(), 2);
        std::printf("added %s (%s) to clinic %s; they sign in on any of the clinic's tablets while it is online\n%s\n",
                    qUtf8Printable(user->name), qUtf8Printable(user->role), qUtf8Printable(user->clinic),
                    qUtf8Printable(user->id));
        return 0;
    }
    if (action == QLatin1String("list")) {
        auto users = service.listUsers(clinic);
        if (!users)
            return fail(users.error());
        for (const ClinicUser &user : *users)
            std::printf(
                "%s\t%s\t%s\t%s\n", qUtf8Printable(user.id), qUtf8Printable(user.name), qUtf8Printable(user.role),
                user.lockedUntil.isEmpty() ? "" : qUtf8Printable(QStringLiteral("locked until ") + user.lockedUntil));
        return 0;
    }
    const Status done =
        action == QLatin1String("remove") ? service.removeUser(clinic, name) : service.resetUserLockout(clinic, name);
    if (!done)
        return fail(done.error(), 2);
    std::printf("%s %s\n", action == QLatin1String("remove") ? "removed" : "unlocked", qUtf8Printable(name));
    return 0;
}

// "applied=2 duplicates=0 refused=0", "sent=5", or empty: the counts an entry has.
QString countsOf(const ServerAuditRow &row)
{
    QStringList counts;
    for (const auto &[name, value] : {std::pair{"applied", &row.applied}, std::pair{"duplicates", &row.duplicates},
                                      std::pair{"refused", &row.refused}, std::pair{"sent", &row.sent}}) {
        if (!value->isNull())
            counts.append(QLatin1String(name) + QLatin1Char('=') + *value);
    }
    return counts.join(QLatin1Char(' '));
}

int runAuditCommand(SyncService &service, const QString &action, const QCommandLineParser &parser)
{
    if (action == QLatin1String("verify")) {
        auto verified = service.audit().verify();
        if (!verified)
            return fail(verified.error());
        if (!verified->intact)
            return fail({QString(), QStringLiteral("audit chain broken at seq %1: %2 (%3 entries read)")
                                        .arg(verified->firstBadSeq)
                                        .arg(verified->problem)
                                        .arg(verified->entries)},
                        3);
        std::printf("audit chain intact: %lld entries\n", static_cast<long long>(verified->entries));
        return 0;
    }
    ServerAuditFilter filter;
    if (parser.isSet(QStringLiteral("since"))) {
        const QString text = parser.value(QStringLiteral("since"));
        QDateTime since = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!since.isValid())
            since = QDateTime::fromString(text, Qt::ISODate);
        if (!since.isValid())
            return fail({QStringLiteral("since"), QStringLiteral("must be a date (YYYY-MM-DD) or an ISO date-time")},
                        2);
        // Without an offset it is UTC, as the trail's times are; stored times compare as text in
        // this one form.
        if (since.timeSpec() == Qt::LocalTime)
            since.setTimeSpec(Qt::UTC);
        filter.since = since.toUTC().toString(Qt::ISODateWithMs);
    }
    filter.clinic = parser.value(QStringLiteral("clinic"));
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        filter.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || filter.limit < 1)
            return fail({QStringLiteral("limit"), QStringLiteral("must be a positive number of entries")}, 2);
    }
    auto entries = service.audit().list(filter);
    if (!entries)
        return fail(entries.error());
    // seq, time, event, clinic, device, user, counts, reason: tab-separated, empty when not relevant.
    for (const ServerAuditRow &row : *entries)
        std::printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", static_cast<long long>(row.seq), qUtf8Printable(row.at),
                    qUtf8Printable(row.event), qUtf8Printable(row.clinic), qUtf8Printable(row.device),
                    qUtf8Printable(row.userName), qUtf8Printable(countsOf(row)), qUtf8Printable(row.reason));
    return 0;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cairn-server"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Cairn's sync server."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("data"), QStringLiteral("Directory of the embedded store."), QStringLiteral("DIR")},
        {QStringLiteral("database"), QStringLiteral("PostgreSQL URL (instead of the embedded store)."),
         QStringLiteral("URL")},
        {QStringLiteral("listen"), QStringLiteral("Address and port, e.g. 127.0.0.1:8443."),
         QStringLiteral("HOST:PORT")},
        {QStringLiteral("cert"), QStringLiteral("Server certificate chain (PEM)."), QStringLiteral("PEM")},
        {QStringLiteral("key"), QStringLiteral("Server private key (PEM)."), QStringLiteral("PEM")},
        {QStringLiteral("clinic"),
         QStringLiteral("enroll: the clinic the device joins; user: the user's clinic; audit list: only this clinic."),
         QStringLiteral("C")},
        {QStringLiteral("valid-hours"), QStringLiteral("enroll: hours the code stays valid (default 24)."),
         QStringLiteral("H"), QStringLiteral("24")},
        {QStringLiteral("device"), QStringLiteral("revoke: the device id."), QStringLiteral("D")},
        {QStringLiteral("name"), QStringLiteral("user: the user's name."), QStringLiteral("N")},
        {QStringLiteral("role"), QStringLiteral("user add: ") + keys::roleNamesForMessage() + QLatin1Char('.'),
         QStringLiteral("R")},
        {QStringLiteral("since"), QStringLiteral("audit list: entries at or after this date (YYYY-MM-DD) or time."),
         QStringLiteral("DATE")},
        {QStringLiteral("limit"), QStringLiteral("audit list: only the newest N entries."), QStringLiteral("N")},
        {QStringLiteral("idle-timeout"), QStringLiteral("Seconds a connection may stay silent (default 30)."),
         QStringLiteral("S"), QStringLiteral("30")},
        {QStringLiteral("head-timeout"), QStringLiteral("Seconds a request head may take to arrive (default 10)."),
         QStringLiteral("S"), QStringLiteral("10")},
        {QStringLiteral("body-timeout"), QStringLiteral("Seconds a request body may take to arrive (default 120)."),
         QStringLiteral("S"), QStringLiteral("120")},
        {QStringLiteral("refusal-window"),
         QStringLiteral("Seconds over which an address's repeated refused requests are counted into one audit "
                        "entry (default 60)."),
         QStringLiteral("S"), QStringLiteral("60")},
    });
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral(
            "serve (default), enroll, revoke, new-epoch, user add|list|remove|unlock, or audit verify|list"));
    if (!parser.parse(QCoreApplication::arguments()))
        return fail({QString(), parser.errorText()}, 2);
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qUtf8Printable(parser.helpText()), stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, QStringLiteral("serve"));
    const bool userCommand =
        command == QLatin1String("user") && positional.size() == 2 &&
        QStringList{QStringLiteral("add"), QStringLiteral("list"), QStringLiteral("remove"), QStringLiteral("unlock")}
            .contains(positional.at(1));
    const bool auditCommand = command == QLatin1String("audit") && positional.size() == 2 &&
                              QStringList{QStringLiteral("verify"), QStringLiteral("list")}.contains(positional.at(1));
    if (!userCommand && !auditCommand &&
        (positional.size() > 1 || !QStringList{QStringLiteral("serve"), QStringLiteral("enroll"),
                                               QStringLiteral("revoke"), QStringLiteral("new-epoch")}
                                       .contains(command)))
        return fail(
            {QString(),
             QStringLiteral("unknown command %1 (serve, enroll, revoke, new-epoch, user add|list|remove|unlock, "
                            "audit verify|list)")
                 .arg(positional.join(u' '))},
            2);

    auto connection = parser.isSet(QStringLiteral("database")) ? openPostgres(parser.value(QStringLiteral("database")))
                                                               : openFileStore(parser.value(QStringLiteral("data")));
    if (!connection)
        return fail(connection.error(), connection.error().field.isEmpty() ? 1 : 2);
    SyncService service(std::move(connection).value());
    if (auto s = service.open(); !s)
        return fail(s.error());

    if (userCommand)
        return runUserCommand(service, positional.at(1), parser);
    if (auditCommand)
        return runAuditCommand(service, positional.at(1), parser);
    if (command == QLatin1String("enroll")) {
        bool ok = false;
        const int hours = parser.value(QStringLiteral("valid-hours")).toInt(&ok);
        if (!ok || hours < 1 || hours > 24 * 14)
            return fail({QStringLiteral("valid-hours"), QStringLiteral("must be 1 to 336")}, 2);
        if (!parser.isSet(QStringLiteral("clinic")))
            return fail({QStringLiteral("clinic"), QStringLiteral("is required")}, 2);
        auto code = service.createEnrollment(parser.value(QStringLiteral("clinic")), std::chrono::hours(hours));
        if (!code)
            return fail(code.error(), 2);
        std::printf("One-time enrollment code for clinic %s, valid %d hours:\n%s\n",
                    qUtf8Printable(parser.value(QStringLiteral("clinic"))), hours, qUtf8Printable(*code));
        return 0;
    }
    if (command == QLatin1String("revoke")) {
        if (!parser.isSet(QStringLiteral("device")))
            return fail({QStringLiteral("device"), QStringLiteral("is required")}, 2);
        if (auto s = service.revoke(parser.value(QStringLiteral("device"))); !s)
            return fail(s.error(), 2);
        std::printf("revoked %s: its next contact wipes its data\n",
                    qUtf8Printable(parser.value(QStringLiteral("device"))));
        return 0;
    }
    if (command == QLatin1String("new-epoch")) {
        auto epoch = service.newEpoch();
        if (!epoch)
            return fail(epoch.error());
        std::printf("new epoch %s: devices will re-read the feed and re-send what is missing\n",
                    qUtf8Printable(*epoch));
        return 0;
    }

    for (const char *required : {"listen", "cert", "key"}) {
        if (!parser.isSet(QLatin1String(required)))
            return fail({QLatin1String(required), QStringLiteral("is required to serve")}, 2);
    }
    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    if (!portOk || port < 0 || port > 65535)
        return fail({QStringLiteral("listen"), QStringLiteral("must be HOST:PORT")}, 2);
    bool idleOk = false;
    const int idleSeconds = parser.value(QStringLiteral("idle-timeout")).toInt(&idleOk);
    if (!idleOk || idleSeconds < 1 || idleSeconds > 3600)
        return fail({QStringLiteral("idle-timeout"), QStringLiteral("must be 1 to 3600 seconds")}, 2);
    HttpLimits limits;
    limits.idleTimeoutMs = idleSeconds * 1000;
    for (const auto &[option, target] :
         {std::pair{"head-timeout", &limits.headTimeoutMs}, std::pair{"body-timeout", &limits.bodyTimeoutMs},
          std::pair{"refusal-window", &limits.refusalWindowMs}}) {
        bool secondsOk = false;
        const int seconds = parser.value(QLatin1String(option)).toInt(&secondsOk);
        if (!secondsOk || seconds < 1 || seconds > 3600)
            return fail({QLatin1String(option), QStringLiteral("must be 1 to 3600 seconds")}, 2);
        *target = seconds * 1000;
    }
    // Store work and PIN checks run on these threads, never on the one that accepts connections.
    ServiceWorkers workers;
    SyncHttpServer http(service, workers);
    auto bound = http.listen(listen.left(colon), static_cast<quint16>(port), parser.value(QStringLiteral("cert")),
                             parser.value(QStringLiteral("key")), limits);
    if (!bound)
        return fail(bound.error(), 2);
    std::printf("cairn-server listening on https://%s:%u (%s)\n", qUtf8Printable(listen.left(colon)), *bound,
                qUtf8Printable(service.describe()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
