// cairnctl enroll | sync | conflicts | quarantine: this registry and the central server.
//   cairnctl enroll --server URL --ca PEM --code CODE
//   cairnctl sync [--server URL --ca PEM]     (one round; JSON stats on stdout)
//   cairnctl conflicts [list] [--all] | conflicts review ID
//   cairnctl quarantine [list] [--all] | quarantine withdraw ID [--reason TEXT]
//       (pulled records this tablet could not read, set aside; registry managers and administrators)
//   cairnctl sign-in --name NAME     (a clinic user's first sign-in on this device, online; PIN as usual)

#include "sync/client/first_sign_in.h"
#include "sync/client/sync_client.h"
#include "tools/cairnctl/cli_registry.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

// --server and --ca from the arguments, else what enrollment stored.
Result<sync::ClientConfig> clientConfig(QStringList &args, registry::Registry *registry)
{
    auto server = takeOption(args, QStringLiteral("--server"));
    auto ca = takeOption(args, QStringLiteral("--ca"));
    if (!server)
        return server.error();
    if (!ca)
        return ca.error();
    sync::ClientConfig config;
    QString url = *server;
    if (url.isEmpty() && registry) {
        auto stored = registry->syncValue(QStringLiteral("server"));
        if (!stored)
            return stored.error();
        url = *stored;
    }
    if (url.isEmpty())
        return Error{QStringLiteral("server"), QStringLiteral("is required (https://HOST:PORT)")};
    config.server = QUrl(url, QUrl::StrictMode);
    if (!config.server.isValid() || config.server.scheme() != QLatin1String("https") || config.server.host().isEmpty())
        return Error{QStringLiteral("server"), QStringLiteral("must be an https://HOST:PORT URL")};
    if (!ca->isEmpty()) {
        auto authority = sync::loadAuthority(*ca);
        if (!authority)
            return authority.error();
        config.authority = *authority;
    } else if (registry) {
        auto stored = registry->syncValue(QStringLiteral("ca"));
        if (!stored)
            return stored.error();
        config.authority = QSslCertificate::fromData(stored->toLatin1(), QSsl::Pem);
    }
    if (config.authority.isEmpty())
        return Error{QStringLiteral("ca"),
                     QStringLiteral("is required (the PEM of the server's certificate authority)")};
    return config;
}

int runEnroll(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto code = takeOption(args, QStringLiteral("--code"));
    if (!code)
        return fail(io, code.error(), BadInput);
    if (code->isEmpty())
        return fail(io, {QStringLiteral("code"), QStringLiteral("is required (from cairn-server enroll)")}, BadInput);
    QStringList rest = args;
    auto config = clientConfig(rest, nullptr);
    if (!config)
        return fail(io, config.error(), BadInput);
    if (auto s = noMoreArguments(rest); !s)
        return fail(io, s.error(), BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    sync::SyncClient client(*open->registry, *open->keystore, *config);
    if (auto s = client.enroll(*code); !s)
        return fail(io, s.error());
    auto clinic = open->registry->syncValue(QStringLiteral("clinic"));
    *io.out << "enrolled device " << open->registry->deviceId() << " in clinic " << (clinic ? *clinic : QString())
            << "\n";
    return Success;
}

int runSync(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto config = clientConfig(args, open->registry.get());
    if (!config)
        return fail(io, config.error(), BadInput);
    // Fewer pulled pages per transaction: less held in memory, and a killed pull keeps more.
    auto pagesPerApply = takeOption(args, QStringLiteral("--pull-pages-per-apply"));
    if (!pagesPerApply)
        return fail(io, pagesPerApply.error(), BadInput);
    if (!pagesPerApply->isEmpty()) {
        bool number = false;
        const int pages = pagesPerApply->toInt(&number);
        if (!number || pages < 1 || pages > 64)
            return fail(
                io, {QStringLiteral("--pull-pages-per-apply"), QStringLiteral("must be a whole number from 1 to 64")},
                BadInput);
        config->pullPagesPerApply = pages;
    }
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    sync::SyncClient client(*open->registry, *open->keystore, *config);
    auto stats = client.runRound();
    if (!stats)
        return fail(io, stats.error());
    if (stats->wiped) {
        const QString path = registryPath(options);
        open->registry.reset();
        if (auto s = registry::Registry::wipe(path, *open->keystore); !s)
            return fail(io, s.error());
        *io.err << "cairnctl: this device was revoked by the server; its registry and keys were deleted\n";
    }
    *io.out << QJsonDocument(stats->toJson()).toJson(QJsonDocument::Compact) << "\n";
    return stats->wiped ? Failure : Success;
}

int runSignIn(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto name = takeOption(args, QStringLiteral("--name"));
    if (!name)
        return fail(io, name.error(), BadInput);
    if (name->isEmpty())
        return fail(io,
                    {QStringLiteral("name"),
                     QStringLiteral("is required (as the clinic's administrator entered it on the server)")},
                    BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    auto pin = readPin(options);
    if (!pin)
        return fail(io, pin.error(), BadInput);
    auto store = keystore();
    if (!store)
        return fail(io, store.error());
    auto signedIn = sync::signInFirstTime(registryPath(options), **store, *name, *pin, kClock);
    if (!signedIn)
        return fail(io, signedIn.error());
    const registry::UserSummary &user = (*signedIn)->user();
    *io.out << "signed in as " << user.name << " (" << keys::toString(user.role) << ", " << user.id
            << "); later sign-ins on this device work offline with the same PIN\n";
    return Success;
}

// The id of a conflict or of a record set aside: a number, named `what` in errors.
qint64 numberId(Arguments &in, const QString &what)
{
    const QString text = in.required(what);
    bool number = false;
    const qint64 id = text.toLongLong(&number);
    if (in && !number)
        in.reject({what, QStringLiteral("must be a number")});
    return id;
}

int runConflictList(Arguments &in, const GlobalOptions &options, Io &io)
{
    const bool all = in.flag(QStringLiteral("--all"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto list = registry->conflicts(all);
    if (!list)
        return fail(io, list.error());
    QJsonArray out;
    for (const auto &c : std::as_const(*list)) {
        out.append(QJsonObject{{QStringLiteral("id"), static_cast<double>(c.id)},
                               {QStringLiteral("patient_id"), c.patientId},
                               {QStringLiteral("records"), QJsonArray{c.recordA, c.recordB}},
                               {QStringLiteral("fields"), QJsonArray::fromStringList(c.fields)},
                               {QStringLiteral("in_force"), c.head},
                               {QStringLiteral("detected_at"), c.detectedAt},
                               {QStringLiteral("reviewed"), !c.reviewedAt.isEmpty()}});
    }
    *io.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return Success;
}

int runConflictReview(Arguments &in, const GlobalOptions &options, Io &io)
{
    const qint64 id = numberId(in, QStringLiteral("conflict id"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    if (auto s = registry->reviewConflict(id); !s)
        return fail(io, s.error(), exitFor(s.error()));
    *io.out << "conflict " << id << " marked reviewed\n";
    return Success;
}

int runQuarantineList(Arguments &in, const GlobalOptions &options, Io &io)
{
    const bool all = in.flag(QStringLiteral("--all"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto list = registry->quarantined(all);
    if (!list)
        return fail(io, list.error());
    QJsonArray out;
    for (const storage::QuarantinedRecord &q : std::as_const(*list)) {
        // What the record is and why it was set aside; never its payload.
        QJsonObject row{{QStringLiteral("id"), static_cast<double>(q.id)},
                        {QStringLiteral("record"), q.record.id},
                        {QStringLiteral("kind"), q.record.kind},
                        {QStringLiteral("patient_id"), q.record.patientId},
                        {QStringLiteral("field"), q.field},
                        {QStringLiteral("message"), q.message},
                        {QStringLiteral("received_at"), q.receivedAt},
                        {QStringLiteral("withdrawn"), q.withdrawn()}};
        if (q.withdrawn()) {
            row.insert(QStringLiteral("withdrawal"), q.withdrawalId);
            row.insert(QStringLiteral("withdrawn_at"), q.withdrawnAt);
            row.insert(QStringLiteral("withdrawal_pending"), q.withdrawalPending);
        }
        out.append(row);
    }
    *io.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return Success;
}

int runQuarantineWithdraw(Arguments &in, const GlobalOptions &options, Io &io)
{
    const qint64 id = numberId(in, QStringLiteral("quarantine id"));
    const QString reason = in.option(QStringLiteral("--reason"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    const QString why = reason.isEmpty() ? QStringLiteral("could not be read on this tablet") : reason;
    auto withdrawal = registry->withdrawQuarantined(id, why);
    if (!withdrawal)
        return fail(io, withdrawal.error(), exitFor(withdrawal.error()));
    *io.out << "withdrawn: " << *withdrawal << " (sent with the next sync)\n";
    return Success;
}

}  // namespace

CAIRN_CLI_COMMAND("enroll", "enroll --server URL --ca PEM --code CODE: join a clinic's server (administrators)",
                  runEnroll);
CAIRN_CLI_COMMAND("sync", "sync [--server URL --ca PEM] [--pull-pages-per-apply N]: one sync round; prints JSON stats",
                  runSync);
CAIRN_CLI_COMMAND("sign-in", "sign-in --name NAME: a clinic user's first sign-in on this device (online; PIN as usual)",
                  runSignIn);
CAIRN_CLI_COMMAND("conflicts", "conflicts [list] [--all] | conflicts review ID: concurrent edits to review",
                  actionsOf(QStringLiteral("conflicts"), {{QStringLiteral("list [--all]"), runConflictList, true},
                                                          {QStringLiteral("review ID"), runConflictReview}}));
CAIRN_CLI_COMMAND("quarantine",
                  "quarantine [list] [--all] | quarantine withdraw ID [--reason TEXT]: pulled records this tablet "
                  "could not read (registry managers, administrators)",
                  actionsOf(QStringLiteral("quarantine"),
                            {{QStringLiteral("list [--all]"), runQuarantineList, true},
                             {QStringLiteral("withdraw ID [--reason TEXT]"), runQuarantineWithdraw}}));

}  // namespace cairn::cli
