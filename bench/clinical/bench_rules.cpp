// Rules-engine benchmarks (issue: clinical rules engine). For seeded registries (default 10,000
// and 50,000 patients, 3 years): every patient's care gaps, the huddle list for one day and one
// month's measures — each beside a bare SQLCipher scan of the same current rows, same run.
//   bench_rules [--sizes 10000,50000] [--smoke] [--keep DIR]
// --keep DIR seeds each size once into DIR (file keystore) and reuses it on later runs: seeding
// 10,000 patients takes minutes, the measures seconds.

#include "bench/bench_common.h"
#include "bench/seeded_registry.h"
#include "core/clinical/population_views.h"
#include "core/registry/patient_records.h"
#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/storage/database.h"
#include "core/storage/record_store.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <memory>

using namespace cairn;

namespace {

// The baseline: read every current record's payload, as the registry must, with no decoding.
double bareScanMs(storage::Database &db, int runs)
{
    return bench::medianMs(runs, [&] {
        auto stmt =
            db.prepare("SELECT r.patient_id, r.kind, r.payload FROM records r NOT INDEXED WHERE r.retracted = 0 "
                       "AND NOT EXISTS (SELECT 1 FROM records s WHERE s.supersedes = r.id)");
        qsizetype bytes = 0;
        while (stmt->next())
            bytes += stmt->text(2).size();
        if (bytes == 0)
            std::abort();
    });
}

int runSize(int patients, bool smoke, const QString &keepDir)
{
    const int runs = smoke ? 1 : 5;
    const QDate asOf(2026, 11, 23);
    QTemporaryDir temporary;
    const QString dir = keepDir.isEmpty() ? temporary.path() : keepDir;
    const QString path = dir + QStringLiteral("/bench-%1.db").arg(patients);
    std::unique_ptr<platform::Keystore> keystore;
    if (keepDir.isEmpty())
        keystore = std::make_unique<platform::MemoryKeystore>();
    else
        keystore = std::make_unique<platform::FileKeystore>(dir + QStringLiteral("/keys"));
    registry::ManualClock clock(QDateTime(asOf, QTime(8, 0), Qt::UTC));
    const QString admin = bench::kBenchAdmin;
    const QString pin = bench::kBenchAdminPin;
    const bool seeded = QFileInfo::exists(path);
    auto registry = seeded ? registry::Registry::unlock(path, *keystore, admin, pin, clock)
                           : registry::Registry::create(path, *keystore, admin, pin, clock);
    if (!registry) {
        std::fprintf(stderr, "bench_rules: %s\n", qPrintable(registry.error().line()));
        return 1;
    }
    if (!seeded) {
        synthetic::Options options;
        options.patients = patients;
        options.years = 3;
        options.seed = 1234;
        options.asOf = asOf;
        if (!(*registry)->addPatients(synthetic::generateClinic(options)))
            return 1;
        (void)registry::RegistryInternals::database(**registry).checkpoint();
    }
    const qint64 records = (*registry)->stats()->records;
    std::printf("\n%d patients, %lld records, 3 years\n", patients, static_cast<long long>(records));

    auto tables = clinical::MmeTables::shipped();
    auto instruments = clinical::Instruments::shipped();
    const auto policy = *clinical::ClinicPolicy::defaults();
    const clinical::RulesContext context{policy, *(*tables)->find(QStringLiteral("cdc-2022")), **instruments, {}};

    const double scanMs = bareScanMs(registry::RegistryInternals::database(**registry), runs);
    bench::header();
    QList<domain::Patient> loaded;
    // The read itself: loadAllPatients hands out its last read again while nothing is written.
    const double loadMs = bench::medianMs(runs, [&] {
        storage::RecordStore store(registry::RegistryInternals::database(**registry));
        loaded = *registry::assembleAllPatients(store);
    });
    bench::row("load every patient (decode records)", loadMs, scanMs, "bare scan of the same rows");
    // The way loadAllPatients read them before: an envelope and a QJsonObject per row. Slow, so once.
    const double envelopesMs = bench::medianMs(1, [&] {
        auto current = storage::RecordStore(registry::RegistryInternals::database(**registry)).allCurrent();
        if (!current || !registry::assemblePatients(*current))
            std::abort();
    });
    bench::row("  same through envelopes (as before; 1 run)", envelopesMs, scanMs, "bare scan of the same rows");
    const double gapsOnlyMs = bench::medianMs(runs, [&] {
        if (!clinical::evaluateRegistry(loaded, asOf, context))
            std::abort();
    });
    bench::row("  evaluate every patient's gaps (in memory)", gapsOnlyMs, scanMs, "bare scan of the same rows");
    bench::row("every patient's gaps, from the database", loadMs + gapsOnlyMs, scanMs, "bare scan of the same rows");
    const double huddleMs = bench::medianMs(runs, [&] {
        if (!clinical::huddleList(loaded, asOf.addDays(3), context))
            std::abort();
    });
    bench::row("huddle list for one day (after load)", huddleMs, scanMs, "bare scan of the same rows");
    const double measuresMs = bench::medianMs(runs, [&] {
        if (!clinical::monthlyMeasures(loaded, 2026, 10, QString(), context))
            std::abort();
    });
    bench::row("one month's measures (after load)", measuresMs, scanMs, "bare scan of the same rows");
    return 0;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(QStringLiteral("--smoke"));
    QList<int> sizes = smoke ? QList<int>{150} : QList<int>{10000, 50000};
    if (const auto at = args.indexOf(QStringLiteral("--sizes")); at > 0 && at + 1 < args.size()) {
        sizes.clear();
        for (const QString &size : args.at(at + 1).split(QLatin1Char(',')))
            sizes.append(size.toInt());
    }
    QString keepDir;
    if (const auto at = args.indexOf(QStringLiteral("--keep")); at > 0 && at + 1 < args.size()) {
        keepDir = args.at(at + 1);
        QDir().mkpath(keepDir);
    }
    for (int size : sizes) {
        if (runSize(size, smoke, keepDir) != 0) {
            std::fprintf(stderr, "bench_rules: failed at %d patients\n", size);
            return 1;
        }
    }
    return 0;
}
