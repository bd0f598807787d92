// Deployment benchmark (issue 15, "Done when"): the production layout of docs/deployment.md on
// loopback (PostgreSQL, two cairn-server processes sharing it, nginx in front with
// tools/deploy/nginx-cairn.conf.in), all started here.
//   1. A 1 GiB upload attempt without a credential (declared with Content-Length, then streamed
//      chunked, through nginx; then declared straight to one server): the servers' peak resident
//      memory (VmHWM) beside their idle memory. Runs first, before any sign-in makes a server
//      allocate Argon2id's 64 MiB.
//   2. Sync round trips of the syncing tablets (each round: one new PEG score, for the next of P
//      patients, pushed; the other tablets' new records pulled; through nginx), first alone (the
//      floor), then beside a sign-in storm: a separate process (at nice 19: it stands in for
//      machines elsewhere) with N clients, each sending a sign-in (an unknown name, so every one that reaches a server
//      costs a full Argon2id check) as soon as its last one was answered. p50/p95/p99/max of both, and what the storm
//      got back (nginx's 429s, the servers' answers).
// The tablets sync at the same time, each on a thread of its own in this process (a round is a
// blocking call on its tablet's own registry and connection), never idle: "5 syncing tablets"
// means five rounds in flight at once, as five tablets of a clinic syncing independently.
//   bench_deploy [--smoke] [--tablets T] [--panel P] [--storm-clients N] [--seconds S] [--upload-mib M]
// Targets (issue 15): p99 under the storm < 250 ms; peak server RSS < 100 MB. Printed, never
// asserted.

#include "core/domain/records.h"
#include "core/registry/clock.h"
#include "sync/protocol/protocol.h"
#include "tools/sync_harness/sync_harness.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace cairn;
using namespace cairn::testing;

namespace {

[[noreturn]] void fail(const char *what, const Error &error)
{
    std::fprintf(stderr, "bench_deploy: %s: %s\n", what, qPrintable(error.line()));
    std::exit(1);
}

int intOption(const QStringList &args, const QString &name, int fallback)
{
    const auto at = args.indexOf(name);
    return at > 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
}

QString option(const QStringList &args, const QString &name)
{
    const auto at = args.indexOf(name);
    return at > 0 && at + 1 < args.size() ? args.at(at + 1) : QString();
}

// CPU seconds (user + system) a process has used so far; 0 when it is gone.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return 0;
    // Fields after the command name in parentheses: state is the 3rd field, utime the 14th.
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return static_cast<double>(fields.at(11).toLongLong() + fields.at(12).toLongLong()) /
           static_cast<double>(::sysconf(_SC_CLK_TCK));
}

double ownCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

QList<qint64> childProcesses(qint64 pid)
{
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    QList<qint64> pids;
    if (children.open(QIODevice::ReadOnly))
        for (const QByteArray &child : children.readAll().trimmed().split(' '))
            if (!child.isEmpty())
                pids.append(child.toLongLong());
    return pids;
}

// --- the storm (a child process, so its clients' TLS and event handling cost this process nothing)

// Runs `clients` sign-in loops against url for `seconds`, with the Authorization headers read
// from standard input (one a line: credentials never go on a command line), and prints what came
// back.
int runStorm(const QString &url, const QString &caPem, int clients, int seconds)
{
    // The storm's clients stand in for machines elsewhere on the network: on this machine they run
    // at the lowest CPU priority so that their own TLS and event handling take as little as
    // possible from the deployment being measured (nginx's and the servers' work is not lowered).
    ::setpriority(PRIO_PROCESS, 0, 19);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return 1;
    QList<QByteArray> authorizations;
    for (const QByteArray &line : in.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            authorizations.append(line.trimmed());
    auto authority = sync::loadAuthority(caPem);
    if (!authority || authorizations.isEmpty())
        return 1;
    QMap<QString, int> answers;  // "429 nginx", "404 server", ...
    int inFlight = 0;
    QElapsedTimer clock;
    clock.start();
    const qint64 endMs = static_cast<qint64>(seconds) * 1000;
    std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
    std::function<void(int, int)> fire = [&](int client, int n) {
        if (clock.elapsed() >= endMs) {
            if (inFlight == 0)
                QCoreApplication::quit();
            return;
        }
        QNetworkRequest request(QUrl(url + QStringLiteral("/v1/sign-in")));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(*authority);
        request.setSslConfiguration(tls);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Authorization", authorizations.at(client % authorizations.size()));
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Storm %1-%2").arg(client).arg(n)},
                                      {QStringLiteral("pin"), QStringLiteral("482916")}})
                .toJson(QJsonDocument::Compact);
        ++inFlight;
        QNetworkReply *reply = networks.at(client)->post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, client, n] {
            --inFlight;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray answer = reply->readAll();
            const bool byNginx = answer.contains("from this address") || answer.contains("no sync server answered");
            ++answers[QStringLiteral("%1 from %2")
                          .arg(status)
                          .arg(byNginx ? QStringLiteral("nginx") : QStringLiteral("a server"))];
            reply->deleteLater();
            fire(client, n + 1);
        });
    };
    for (int i = 0; i < clients; ++i) {
        networks.push_back(std::make_unique<QNetworkAccessManager>());
        fire(i, 0);
    }
    QCoreApplication::exec();
    int total = 0;
    for (auto it = answers.cbegin(); it != answers.cend(); ++it)
        total += it.value();
    std::printf("storm: %d sign-ins from %d clients in %.1f s (%.1f a second):", total, clients,
                static_cast<double>(clock.elapsed()) / 1000.0, total * 1000.0 / static_cast<double>(clock.elapsed()));
    for (auto it = answers.cbegin(); it != answers.cend(); ++it)
        std::printf(" %d x %s;", it.value(), qPrintable(it.key()));
    std::printf(" %.1f CPU seconds in the storm's clients\n", ownCpuSeconds());
    std::fflush(stdout);
    return 0;
}

// --- the deployment side

struct Percentiles {
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
    int rounds = 0;
};

Percentiles percentiles(std::vector<double> ms)
{
    Percentiles p;
    if (ms.empty())
        return p;
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) {
        const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(ms.size())));
        return ms[std::clamp<std::size_t>(rank, 1, ms.size()) - 1];
    };
    p.p50 = at(0.50);
    p.p95 = at(0.95);
    p.p99 = at(0.99);
    p.max = ms.back();
    p.rounds = static_cast<int>(ms.size());
    return p;
}

// The servers' and nginx's side of a deployment, as this bench reads it from /proc.
struct Watched {
    const Deployment &deployment;

    // The largest of the servers' /proc figure (kB).
    [[nodiscard]] qint64 serversKb(const QByteArray &field) const
    {
        qint64 most = 0;
        for (const auto &server : deployment.servers)
            most = std::max(most, processMemoryKb(server->pid(), field));
        return most;
    }

    // CPU seconds used so far: the servers together, and nginx's workers together.
    [[nodiscard]] std::pair<double, double> cpu() const
    {
        double serversCpu = 0;
        for (const auto &server : deployment.servers)
            serversCpu += cpuSeconds(server->pid());
        double nginxCpu = 0;
        for (const qint64 worker : childProcesses(deployment.nginx->pid()))
            nginxCpu += cpuSeconds(worker);
        return {serversCpu, nginxCpu};
    }
};

void printUpload(const char *what, const RawAnswer &answer)
{
    std::printf("  %-58s answer %d after %lld ms, %.1f MiB of the body sent\n", what, answer.status,
                static_cast<long long>(answer.ms), static_cast<double>(answer.sentBodyBytes) / (1024.0 * 1024.0));
    std::fflush(stdout);
}

// Rounds by every tablet at once for `seconds`, each on its own thread: a round adds one PEG score
// for the next patient of the panel and syncs. The round trips of all the tablets.
std::vector<double> syncRounds(std::vector<std::unique_ptr<Tablet>> &tablets, const QStringList &panel, int seconds)
{
    std::vector<std::vector<double>> roundsOf(tablets.size());
    std::vector<std::optional<Error>> failureOf(tablets.size());
    QElapsedTimer phase;
    phase.start();
    const qint64 phaseMs = static_cast<qint64>(seconds) * 1000;
    std::vector<std::unique_ptr<QThread>> threads;
    for (std::size_t i = 0; i < tablets.size(); ++i) {
        threads.emplace_back(QThread::create([&, i] {
            Tablet &t = *tablets[i];
            int pain = static_cast<int>(i);
            // Each tablet works through the panel from its own place, as staff on different
            // tablets record scores for different patients of the day.
            auto next = static_cast<qsizetype>(i * panel.size() / tablets.size());
            while (phase.elapsed() < phaseMs) {
                const QString &patient = panel.at(next++ % panel.size());
                domain::PegScore peg;
                peg.date = QDate::currentDate();
                peg.pain = pain = (pain + 1) % 11;
                peg.enjoyment = 5;
                peg.activity = 5;
                if (auto added = t.registry->addRecord(patient, peg); !added) {
                    failureOf[i] = added.error();
                    return;
                }
                QElapsedTimer round;
                round.start();
                auto stats = t.sync();
                roundsOf[i].push_back(static_cast<double>(round.nsecsElapsed()) / 1e6);
                if (!stats) {
                    failureOf[i] = stats.error();
                    return;
                }
            }
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        thread->wait();
    std::vector<double> ms;
    for (std::size_t i = 0; i < tablets.size(); ++i) {
        if (failureOf[i])
            fail("sync", *failureOf[i]);
        ms.insert(ms.end(), roundsOf[i].begin(), roundsOf[i].end());
    }
    return ms;
}

void printRow(const char *measure, double floor, double loaded, const char *target)
{
    std::printf("%-40s %14.1f %14.1f %8.2fx  %s\n", measure, floor, loaded, floor > 0 ? loaded / floor : 0.0, target);
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(u' ', 0, 2) : QStringLiteral("?");
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(QStringLiteral("--storm-child")))
        return runStorm(option(args, QStringLiteral("--url")), option(args, QStringLiteral("--ca")),
                        intOption(args, QStringLiteral("--storm-clients"), 20),
                        intOption(args, QStringLiteral("--seconds"), 30));

    const bool smoke = args.contains(QStringLiteral("--smoke"));
    const int tabletCount = intOption(args, QStringLiteral("--tablets"), smoke ? 2 : 5);
    const int stormClients = intOption(args, QStringLiteral("--storm-clients"), smoke ? 4 : 20);
    const int seconds = intOption(args, QStringLiteral("--seconds"), smoke ? 3 : 30);
    const int panelSize = intOption(args, QStringLiteral("--panel"), smoke ? 5 : 100);
    const qint64 uploadBytes =
        static_cast<qint64>(intOption(args, QStringLiteral("--upload-mib"), smoke ? 64 : 1024)) * 1024 * 1024;

    std::printf("bench_deploy: %s; build type %s; load average %s\n",
                qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)),
                sizeof(CAIRN_BUILD_TYPE) > 1 ? CAIRN_BUILD_TYPE : "unspecified (not optimized?)",
                qPrintable(loadAverage()));
    std::printf("deployment: PostgreSQL 15 + 2 cairn-server + nginx (tools/deploy/nginx-cairn.conf.in), loopback; "
                "%d syncing tablets, storm of %d clients, %d s per phase, upload %lld MiB\n",
                tabletCount, stormClients, seconds, static_cast<long long>(uploadBytes / (1024 * 1024)));
    std::fflush(stdout);

    QTemporaryDir dir;
    if (!dir.isValid())
        fail("temporary directory", Error{QString(), QStringLiteral("cannot make one")});
    auto started = Deployment::start(dir.path());
    if (!started)
        fail("deployment", started.error());
    Deployment &deployment = **started;
    const Watched watched{deployment};
    const auto tablet = [&](const QString &name, const QString &clinic, const registry::Clock &clock) {
        auto made = deployment.enrolledTablet(dir.filePath(name + QStringLiteral(".db")), clinic, clock);
        if (!made)
            fail("tablet", made.error());
        return std::move(made).value();
    };

    // 1. Memory under an upload attempt, before anything else has made a server allocate.
    const qint64 idleRss = watched.serversKb("VmRSS");
    const qint64 idlePeak = watched.serversKb("VmHWM");
    std::printf("\n-- 1. a %lld MiB upload without a credential\n",
                static_cast<long long>(uploadBytes / (1024 * 1024)));
    const QByteArray length = QByteArray::number(uploadBytes);
    printUpload("via nginx, declared (Content-Length):",
                rawRequest(deployment.nginx->port(),
                           "POST /v1/push HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + length + "\r\n\r\n",
                           uploadBytes, 120'000));
    // Chunked: the head the body is sent with is written here; the "body" is chunk data nginx counts.
    printUpload("via nginx, undeclared (chunked):",
                rawRequest(deployment.nginx->port(),
                           "POST /v1/push HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                           "40000000\r\n",
                           uploadBytes, 120'000));
    printUpload("straight to one server, declared:",
                rawRequest(deployment.servers.front()->port(),
                           "POST /v1/push HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + length + "\r\n\r\n",
                           uploadBytes, 120'000));
    const qint64 uploadPeak = watched.serversKb("VmHWM");

    // 2. Sync round trips, alone and beside the storm.
    registry::ManualClock clock{QDateTime::currentDateTimeUtc()};
    std::vector<std::unique_ptr<Tablet>> tablets;
    for (int i = 0; i < tabletCount; ++i)
        tablets.push_back(tablet(QStringLiteral("tablet-%1").arg(i), QStringLiteral("north"), clock));
    // The clinic's panel: a score a round goes to the next patient, so no one patient's history
    // grows to thousands of scores in a minute (each write re-evaluates that patient's summary).
    QStringList panel;
    for (int i = 0; i < panelSize; ++i) {
        domain::Patient p;
        p.name = QStringLiteral("Bench Patient %1").arg(i + 1);
        p.clinicId = QStringLiteral("B-%1").arg(i + 1);
        p.birthDate = QDate(1950 + i % 40, 1 + i % 12, 1 + i % 28);
        p.sex = i % 2 == 0 ? domain::Sex::Female : domain::Sex::Male;
        p.prescriber = QStringLiteral("Dr Rivera");
        auto patient = tablets.front()->registry->addPatient(p);
        if (!patient)
            fail("patient", patient.error());
        panel << *patient;
    }
    for (auto &t : tablets)
        if (auto s = t->sync(); !s)
            fail("first sync", s.error());
    // The storm signs in from tablets of another clinic (as a stolen tablet guessing would).
    QByteArray stormAuthorizations;
    std::vector<std::unique_ptr<Tablet>> stormTablets;
    for (int i = 0; i < 2; ++i) {
        stormTablets.push_back(tablet(QStringLiteral("storm-%1").arg(i), QStringLiteral("south"), clock));
        stormAuthorizations += stormTablets.back()->authorization() + '\n';
    }

    std::printf("\n-- 2. sync round trips through nginx, %d tablets at once\n", tabletCount);
    std::fflush(stdout);
    struct Cpu {
        double servers = 0, nginx = 0, tablets = 0;
    };
    const auto cpuNow = [&watched] {
        const auto [servers, nginx] = watched.cpu();
        return Cpu{servers, nginx, ownCpuSeconds()};
    };
    const auto cpuSince = [&cpuNow](const Cpu &start) {
        const Cpu now = cpuNow();
        return Cpu{now.servers - start.servers, now.nginx - start.nginx, now.tablets - start.tablets};
    };
    const Cpu floorStart = cpuNow();
    const Percentiles floor = percentiles(syncRounds(tablets, panel, seconds));
    const Cpu floorCpu = cpuSince(floorStart);
    const Cpu stormStart = cpuNow();

    QProcess storm;
    storm.setProcessChannelMode(QProcess::ForwardedChannels);
    storm.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--storm-child"), QStringLiteral("--url"), deployment.nginx->url(),
                 QStringLiteral("--ca"), deployment.certs.caPem, QStringLiteral("--storm-clients"),
                 QString::number(stormClients), QStringLiteral("--seconds"), QString::number(seconds)});
    if (!storm.waitForStarted(10'000))
        fail("storm", Error{QString(), QStringLiteral("did not start")});
    storm.write(stormAuthorizations);
    storm.closeWriteChannel();
    const Percentiles loaded = percentiles(syncRounds(tablets, panel, seconds));
    const Cpu stormCpu = cpuSince(stormStart);
    if (!storm.waitForFinished(120'000))
        storm.kill();
    const qint64 stormPeak = watched.serversKb("VmHWM");

    std::printf("\n%-40s %14s %14s %9s  %s\n", "measure", "floor", "measured", "ratio", "target");
    std::printf("-- sync round trip (push 1 PEG score, pull the others'), %d tablets syncing at once\n", tabletCount);
    printRow("rounds", floor.rounds, loaded.rounds, "(floor: no storm; measured: beside the storm)");
    printRow("p50 (ms)", floor.p50, loaded.p50, "");
    printRow("p95 (ms)", floor.p95, loaded.p95, "");
    printRow("p99 (ms)", floor.p99, loaded.p99, "< 250 ms");
    printRow("max (ms)", floor.max, loaded.max, "");
    std::printf("-- CPU seconds used during each phase (%ld cores; the storm's own clients are in its line above)\n",
                ::sysconf(_SC_NPROCESSORS_ONLN));
    printRow("cairn-server processes", floorCpu.servers, stormCpu.servers, "");
    printRow("nginx workers", floorCpu.nginx, stormCpu.nginx, "");
    printRow("syncing tablets (this process)", floorCpu.tablets, stormCpu.tablets, "");
    std::printf("-- cairn-server memory (largest of the 2 processes; floor: idle after start)\n");
    printRow("RSS now vs peak after the upload (MB)", static_cast<double>(idleRss) / 1024.0,
             static_cast<double>(uploadPeak) / 1024.0, "< 100 MB");
    printRow("peak idle vs after the storm (MB)", static_cast<double>(idlePeak) / 1024.0,
             static_cast<double>(stormPeak) / 1024.0, "(Argon2id takes 64 MiB a sign-in)");
    std::printf("load average at the end: %s\n", qPrintable(loadAverage()));
    return 0;
}
