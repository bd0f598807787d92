// What the one-time check of records stored before the checks costs a tablet (issue 15; see
// docs/sync-protocol.md, "Records stored before the checks"): a registry whose file is marked
// `recheck_stored_records` (as the migration to schema 8 marks one that holds records) runs a
// pulled page's checks over every stored record at its next unlock. On a seeded clinic: that
// unlock beside an unlock without the mark, and the difference beside the floor measured in the
// same run: a bare read of the same record rows in write order.
//   bench_recheck [--patients N] [--smoke]

#include "bench/bench_common.h"
#include "bench/seeded_registry.h"
#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/storage/database.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"

#include <QCoreApplication>

#include <cstdlib>

using namespace cairn;

namespace {

template <typename T> T checked(Result<T> result)
{
    if (!result) {
        std::fprintf(stderr, "bench_recheck: %s\n", qPrintable(result.error().line()));
        std::exit(1);
    }
    return std::move(result).value();
}

void checked(const Status &status)
{
    if (!status) {
        std::fprintf(stderr, "bench_recheck: %s\n", qPrintable(status.error().line()));
        std::exit(1);
    }
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(QStringLiteral("--smoke"));
    const int patients = bench::patientsOption(args, smoke ? 100 : 1000);
    const int runs = smoke ? 1 : 3;
    const QDate today(2026, 11, 23);

    bench::BenchClinic clinic(patients, today);
    const auto &seeded = clinic.seeded;
    if (!seeded)
        return 1;
    const QString &path = clinic.path;
    platform::MemoryKeystore &keystore = clinic.keystore;
    const registry::ManualClock &clock = clinic.clock;
    std::printf("bench_recheck: %d patients, %lld records\n", patients, static_cast<long long>(seeded->records));

    const auto unlock = [&] {
        return checked(registry::Registry::unlock(path, keystore, bench::kBenchAdmin, bench::kBenchAdminPin, clock));
    };
    const auto mark = [&] {
        auto r = unlock();
        checked(registry::RegistryInternals::database(*r).exec(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('recheck_stored_records', '1')"));
    };
    const auto stillMarked = [&] {
        auto r = unlock();
        return checked(registry::RegistryInternals::database(*r).scalarInt(
                   "SELECT count(*) FROM meta WHERE key = 'recheck_stored_records'")) != 0;
    };

    const double plainUnlock = bench::medianMs(runs, [&] { unlock(); });
    // Each run marks the file again first (outside the timing); the unlock timed checks and clears.
    std::vector<double> recheckRuns;
    for (int i = 0; i < runs; ++i) {
        mark();
        recheckRuns.push_back(bench::medianMs(1, [&] { unlock(); }));
    }
    std::sort(recheckRuns.begin(), recheckRuns.end());
    const double recheckUnlock = recheckRuns[recheckRuns.size() / 2];
    if (stillMarked()) {
        std::fprintf(stderr, "bench_recheck: the unlock left the recheck mark in place\n");
        return 1;
    }

    auto r = unlock();
    storage::Database &db = registry::RegistryInternals::database(*r);
    qint64 rows = 0;
    const double bareRead = bench::medianMs(runs, [&] {
        rows = 0;
        auto stmt = db.prepare("SELECT id, patient_id, kind, record_date, payload, author, device, hlc, supersedes, "
                               "retracted, written_at FROM records ORDER BY seq");
        if (!stmt) {
            std::fprintf(stderr, "bench_recheck: %s\n", qPrintable(stmt.error().line()));
            std::exit(1);
        }
        while (stmt->next()) {
            for (int c = 0; c < 11; ++c)
                (void)stmt->text(c);
            ++rows;
        }
    });

    bench::header();
    bench::row("unlock, stored records marked for the check", recheckUnlock, plainUnlock, "unlock without the mark");
    bench::row("the check itself (the difference)", recheckUnlock - plainUnlock, bareRead,
               "bare read of the same rows in write order");
    std::printf("rows read by the floor: %lld\n\n", static_cast<long long>(rows));
    return 0;
}
