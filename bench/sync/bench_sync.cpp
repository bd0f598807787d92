// Sync benchmarks. For a seeded clinic, through the real parts (encrypted tablet registries, the
// sync client, a real cairn-server process over TLS, file store): the first sync of the whole
// clinic (tablet A pushes it, a fresh tablet B pulls it), the incremental sync of one clinic day
// (~200 records), and the bytes on the wire per PEG record. Each is measured twice in the same run:
// over loopback, and through cairn-faultproxy as a slow rural link (150 ms each way = 300 ms round
// trip, 1000 kbit/s per direction).
//   bench_sync [--patients N] [--years Y] [--smoke] [--loopback-only]
// --loopback-only skips the slow link (for profiling the CPU-bound first sync).
//
// Bytes are request and response bodies as the client counts them (gzip-compressed JSON); TLS,
// TCP and HTTP headers are not included. A round always pushes and then pulls: the pushing
// tablet's round also asks for the feed, whose rows of its own the server skips (one small page
// moves its cursor past them). Bytes per PEG record are the
// round's bytes sent (the push body plus one small pull request, ~90 bytes) divided by 100.
// Each round's CPU time (the bench process as the tablet, and cairn-server's process) is printed
// beside its wall time: on a shared machine it is the steadier figure.

#include "bench/bench_common.h"
#include "bench/storage_floor.h"
#include "core/registry/clock.h"
#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/synthetic/synthetic_clinic.h"
#include "sync/protocol/protocol.h"
#include "tools/sync_harness/sync_harness.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

using namespace cairn;
using namespace cairn::testing;

namespace {

constexpr int kLatencyMs = 150;
constexpr int kBandwidthKbit = 1000;
constexpr int kDayRecords = 200;
constexpr int kPegRecords = 100;

[[noreturn]] void fail(const char *what, const Error &error)
{
    std::fprintf(stderr, "bench_sync: %s: %s\n", what, qPrintable(error.line()));
    std::exit(1);
}

// cairn-faultproxy in front of the server: --latency-ms and --bandwidth-kbit, nothing else.
class FaultProxyProcess {
public:
    ~FaultProxyProcess()
    {
        if (!m_process)
            return;
        m_process->closeWriteChannel();  // stdin EOF ends the proxy
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }

    Status start(quint16 targetPort, int latencyMs, int bandwidthKbit)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process->start(QStringLiteral(CAIRN_FAULTPROXY),
                         {QStringLiteral("--target"), QStringLiteral("127.0.0.1:%1").arg(targetPort),
                          QStringLiteral("--latency-ms"), QString::number(latencyMs),
                          QStringLiteral("--bandwidth-kbit"), QString::number(bandwidthKbit)});
        if (!m_process->waitForStarted(10'000))
            return Error{QStringLiteral("cairn-faultproxy"), QStringLiteral("did not start")};
        QString out;
        for (int i = 0; i < 50 && !out.contains(QLatin1Char('\n')); ++i) {
            if (!m_process->waitForReadyRead(200) && m_process->state() != QProcess::Running)
                break;
            out += QString::fromUtf8(m_process->readAllStandardOutput());
        }
        static const QRegularExpression listening(QStringLiteral("listening 127\\.0\\.0\\.1:(\\d+)"));
        const auto match = listening.match(out);
        if (!match.hasMatch())
            return Error{QStringLiteral("cairn-faultproxy"), QStringLiteral("did not listen: %1").arg(out)};
        m_port = static_cast<quint16>(match.captured(1).toUInt());
        return ok();
    }

    [[nodiscard]] QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

// CPU milliseconds used so far by this process (every thread: the tablets, their network thread
// and the summaries' helpers) and by another one (the server, from /proc): on a shared machine a
// round's CPU time says more than its wall time.
double ownCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &t) {
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double processCpuMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // Fields after the command's closing parenthesis: state is the 3rd, utime the 14th, stime the 15th.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) * 1e3 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct Round {
    double ms = 0;
    // CPU time (user + system) of the round: the bench process (the tablet, its network thread
    // included) and cairn-server's process. Less bent by a shared machine's load than wall time.
    double tabletCpuMs = 0;
    double serverCpuMs = 0;
    int records = 0;
    qint64 sent = 0;
    qint64 received = 0;
};

struct Figures {
    Round firstPush;           // A: push the seeded clinic (the round also pulls: its own rows are skipped)
    Round firstPull;           // B: pull everything
    Round dayPush;             // A: push one clinic day
    Round dayPull;             // B: pull it
    Round pegPush;             // A: push kPegRecords PEG scores
    qint64 pegJsonBytes = 0;   // the same push request as uncompressed JSON
    qint64 seededRecords = 0;  // records in tablet A after seeding (patients included)
    double seedSeconds = 0;
    double floorMs = 0;  // a bare SQLCipher insert of tablet A's record rows (bench/storage_floor.h)
    double floorCpuMs = 0;
};

struct Setup {
    QTemporaryDir *dir = nullptr;
    ServerProcess *server = nullptr;
    Certificates certs;
    const QList<domain::Patient> *clinic = nullptr;
    QDate day;
};

Round timedRound(Tablet &tablet, bool pushing, const ServerProcess &server)
{
    const double ownAtStart = ownCpuMs();
    const double serverAtStart = processCpuMs(server.pid());
    QElapsedTimer timer;
    timer.start();
    auto stats = tablet.sync();
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (!stats)
        fail("sync", stats.error());
    return Round{ms,
                 ownCpuMs() - ownAtStart,
                 processCpuMs(server.pid()) - serverAtStart,
                 pushing ? stats->pushed : stats->pulled,
                 stats->bytesSent,
                 stats->bytesReceived};
}

std::unique_ptr<Tablet> enrolledTablet(const Setup &setup, const QString &name, const registry::Clock &clock,
                                       const QString &clinic, const QString &linkUrl)
{
    // Enrollment is setup, not measured: straight to the server. Rounds then go over the link.
    auto tablet = makeEnrolledTablet(setup.dir->filePath(name + QStringLiteral(".db")), clock, *setup.server,
                                     setup.certs.caPem, clinic);
    if (!tablet)
        fail("tablet", tablet.error());
    (*tablet)->config.server = QUrl(linkUrl);
    return std::move(tablet).value();
}

domain::PegScore peg(const QDate &date, int i)
{
    domain::PegScore s;
    s.date = date;
    s.pain = 3 + i % 6;
    s.enjoyment = 2 + (i * 7) % 8;
    s.activity = 1 + (i * 5) % 9;
    return s;
}

domain::Visit visit(const QDate &date, int i)
{
    domain::Visit v;
    v.date = date;
    v.status = i % 9 == 0 ? domain::VisitStatus::NoShow : domain::VisitStatus::Completed;
    return v;
}

// One whole scenario over one link, with its own clinic and tablets on the shared server.
Figures measure(const Setup &setup, const QString &clinic, const QString &linkUrl)
{
    Figures f;
    registry::ManualClock clockA{QDateTime(setup.day, QTime(8, 0), Qt::UTC)};
    registry::ManualClock clockB{QDateTime(setup.day, QTime(8, 5), Qt::UTC)};

    auto a = enrolledTablet(setup, clinic + QStringLiteral("-a"), clockA, clinic, linkUrl);
    QElapsedTimer seedTimer;
    seedTimer.start();
    auto ids = a->registry->addPatients(*setup.clinic);
    if (!ids)
        fail("seed", ids.error());
    f.seedSeconds = static_cast<double>(seedTimer.elapsed()) / 1000.0;
    if (auto stats = a->registry->stats(); stats)
        f.seededRecords = stats->records;
    const auto rows = bench::readRecordRows(registry::RegistryInternals::database(*a->registry));
    const double floorCpuAtStart = ownCpuMs();
    f.floorMs = bench::bareBulkInsertMs(rows, setup.dir->path());
    f.floorCpuMs = ownCpuMs() - floorCpuAtStart;
    f.firstPush = timedRound(*a, true, *setup.server);

    auto b = enrolledTablet(setup, clinic + QStringLiteral("-b"), clockB, clinic, linkUrl);
    f.firstPull = timedRound(*b, false, *setup.server);

    // One clinic day: PEG scores and visits spread over the clinic's patients.
    const int step = std::max<int>(1, static_cast<int>(ids->size()) / kDayRecords);
    for (int i = 0; i < kDayRecords; ++i) {
        clockA.advance(60);
        const QString &patient = ids->at((i * step) % ids->size());
        auto added = i % 2 == 0 ? a->registry->addRecord(patient, peg(setup.day, i))
                                : a->registry->addRecord(patient, visit(setup.day, i));
        if (!added)
            fail("day record", added.error());
    }
    f.dayPush = timedRound(*a, true, *setup.server);
    f.dayPull = timedRound(*b, false, *setup.server);

    // Bytes per PEG record: kPegRecords PEG scores in one push (one batch).
    const QDate pegDay = setup.day.addDays(1);
    clockA.set(QDateTime(pegDay, QTime(8, 0), Qt::UTC));
    for (int i = 0; i < kPegRecords; ++i) {
        clockA.advance(30);
        if (auto added = a->registry->addRecord(ids->at((i * step + 1) % ids->size()), peg(pegDay, i)); !added)
            fail("peg record", added.error());
    }
    auto outbox = a->registry->outbox(kPegRecords);
    if (!outbox)
        fail("outbox", outbox.error());
    sync::PushRequest request{a->registry->deviceId(), {}};
    for (const auto &record : std::as_const(*outbox))
        request.changes.append({record.seq, record});
    f.pegJsonBytes = QJsonDocument(sync::toJson(request)).toJson(QJsonDocument::Compact).size();
    f.pegPush = timedRound(*a, true, *setup.server);
    return f;
}

void printRow(const char *measure, double loopback, double slow, const char *unit)
{
    std::printf("%-50s %12.1f %12.1f %8.2fx  %s\n", measure, loopback, slow, loopback > 0 ? slow / loopback : 0.0,
                unit);
    std::fflush(stdout);
}

void printRound(const char *what, const Round &fast, const Round &slow, bool pushing)
{
    const QByteArray name(what);
    printRow((name + " time").constData(), fast.ms, slow.ms, "ms");
    printRow((name + " CPU, tablet").constData(), fast.tabletCpuMs, slow.tabletCpuMs, "ms");
    printRow((name + " CPU, server").constData(), fast.serverCpuMs, slow.serverCpuMs, "ms");
    printRow((name + (pushing ? " records pushed" : " records pulled")).constData(), fast.records, slow.records,
             "records");
    printRow((name + " bytes sent").constData(), static_cast<double>(fast.sent), static_cast<double>(slow.sent),
             "bytes");
    printRow((name + " bytes received").constData(), static_cast<double>(fast.received),
             static_cast<double>(slow.received), "bytes");
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int patients = 10000;
    int years = 3;
    const bool smoke = args.contains(QStringLiteral("--smoke"));
    const bool loopbackOnly = args.contains(QStringLiteral("--loopback-only"));
    if (smoke) {
        patients = 100;  // about 2,400 records: the CTest smoke run stays near a minute even on the slow link
        years = 1;
    }
    if (const auto at = args.indexOf(QStringLiteral("--patients")); at > 0 && at + 1 < args.size())
        patients = args.at(at + 1).toInt();
    if (const auto at = args.indexOf(QStringLiteral("--years")); at > 0 && at + 1 < args.size())
        years = args.at(at + 1).toInt();

    std::printf(
        "bench_sync: %d patients, %d years of history (seed 99); build type %s; cairn-server file store on loopback\n",
        patients, years, sizeof(CAIRN_BUILD_TYPE) > 1 ? CAIRN_BUILD_TYPE : "unspecified (not optimized?)");
    std::printf(
        "slow link: cairn-faultproxy --latency-ms %d --bandwidth-kbit %d (%d ms round trip, %d kbit/s each way)\n",
        kLatencyMs, kBandwidthKbit, 2 * kLatencyMs, kBandwidthKbit);
    std::printf(
        "bytes: request/response bodies as counted by the sync client (gzip JSON), without TLS/HTTP overhead\n");
    std::fflush(stdout);

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_sync: no temporary directory\n");
        return 1;
    }
    auto certs = makeCertificates(dir.path());
    if (!certs)
        fail("certificates", certs.error());
    synthetic::Options options;
    options.patients = patients;
    options.years = years;
    options.seed = 99;
    const auto clinic = synthetic::generateClinic(options);

    // One server per link: the same seeded clinic (same record ids) is synced twice.
    QElapsedTimer total;
    total.start();
    ServerProcess fastServer(dir.filePath(QStringLiteral("server-loopback")), QStringLiteral("file"), *certs);
    if (auto s = fastServer.start(); !s)
        fail("cairn-server", s.error());
    const Figures fast = measure(Setup{&dir, &fastServer, *certs, &clinic, options.asOf.addDays(1)},
                                 QStringLiteral("loopback"), fastServer.url());
    fastServer.stop();
    std::printf("seeded tablet A: %lld records in %.1f s; loopback scenario done in %.1f s\n",
                static_cast<long long>(fast.seededRecords), fast.seedSeconds,
                static_cast<double>(total.elapsed()) / 1000.0);
    std::fflush(stdout);

    Figures slow;
    if (!loopbackOnly) {
        total.restart();
        ServerProcess slowServer(dir.filePath(QStringLiteral("server-rural")), QStringLiteral("file"), *certs);
        if (auto s = slowServer.start(); !s)
            fail("cairn-server", s.error());
        FaultProxyProcess proxy;
        if (auto s = proxy.start(slowServer.port(), kLatencyMs, kBandwidthKbit); !s)
            fail("cairn-faultproxy", s.error());
        slow = measure(Setup{&dir, &slowServer, *certs, &clinic, options.asOf.addDays(1)}, QStringLiteral("rural"),
                       proxy.url());
        std::printf("slow-link scenario done in %.1f s\n\n", static_cast<double>(total.elapsed()) / 1000.0);
    }

    std::printf("-- 0. beside the storage floor: a bare SQLCipher insert of tablet A's %lld record rows in one "
                "transaction (same build and cipher settings), measured in the loopback run\n",
                static_cast<long long>(fast.seededRecords));
    bench::header();
    bench::row("seed the clinic on tablet A", fast.seedSeconds * 1000.0, fast.floorMs, "bare insert of the same rows");
    bench::row("first push (tablet A, loopback)", fast.firstPush.ms, fast.floorMs, "bare insert of the same rows");
    bench::row("first pull (tablet B, loopback)", fast.firstPull.ms, fast.floorMs, "bare insert of the same rows");
    // The same in CPU time (user + system), less bent by a busy machine than the wall times above.
    bench::row("first push, CPU of tablet A + server", fast.firstPush.tabletCpuMs + fast.firstPush.serverCpuMs,
               fast.floorCpuMs, "CPU of the bare insert");
    bench::row("first pull, CPU of tablet B + server", fast.firstPull.tabletCpuMs + fast.firstPull.serverCpuMs,
               fast.floorCpuMs, "CPU of the bare insert");
    std::printf("first push CPU: tablet A %.0f ms, server %.0f ms\n", fast.firstPush.tabletCpuMs,
                fast.firstPush.serverCpuMs);
    std::printf("first pull CPU: tablet B %.0f ms, server %.0f ms\n", fast.firstPull.tabletCpuMs,
                fast.firstPull.serverCpuMs);
    std::printf("\n");

    std::printf("%-50s %12s %12s %9s\n", "measure", "loopback", "slow link", "slow/lo");
    std::printf("-- 1. first sync of the whole clinic (A's round also pulls once: the server skips A's own records)\n");
    printRound("A push clinic", fast.firstPush, slow.firstPush, true);
    printRound("B pull clinic (fresh tablet)", fast.firstPull, slow.firstPull, false);
    std::printf("-- 2. incremental sync of one clinic day (%d records)\n", kDayRecords);
    printRound("A push day", fast.dayPush, slow.dayPush, true);
    printRound("B pull day", fast.dayPull, slow.dayPull, false);
    std::printf("-- 3. bytes on the wire per PEG record (%d PEG records in one push)\n", kPegRecords);
    printRound("A push PEG", fast.pegPush, slow.pegPush, true);
    const auto perRecord = [](const Figures &f) { return static_cast<double>(f.pegPush.sent) / kPegRecords; };
    printRow("bytes sent per PEG record (gzip)", perRecord(fast), perRecord(slow), "bytes");
    printRow("uncompressed push JSON per PEG record", static_cast<double>(fast.pegJsonBytes) / kPegRecords,
             static_cast<double>(slow.pegJsonBytes) / kPegRecords, "bytes");
    return 0;
}
