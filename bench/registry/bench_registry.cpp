// Registry benchmarks (issue: Foundation). For a seeded clinic: unlock (PIN → open database),
// loading one patient's full record, listing all patients — each beside a bare SQLCipher query of
// the same rows on the same connection, in the same run.
//   bench_registry [--patients N] [--years Y] [--smoke]
//   bench_registry --floor-of DB: only the floor of a registry seeded elsewhere (bench/seed_at_scale
//     times `cairnctl seed` in its own process, for its peak memory): the bare insert of its record
//     rows, printed as "RECORDS MS". The registry is unlocked as cairnctl does: CAIRN_KEYSTORE,
//     CAIRN_USER, CAIRN_PIN.

#include "bench/bench_common.h"
#include "bench/seeded_registry.h"
#include "bench/storage_floor.h"
#include "core/keys/keyring.h"
#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/storage/database.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"

#include <QCoreApplication>
#include <QTemporaryDir>

using namespace cairn;

namespace {

int printFloorOf(const QString &path)
{
    auto keystore = platform::keystoreFromEnvironment();
    if (!keystore) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(keystore.error().line()));
        return 1;
    }
    registry::SystemClock clock;
    auto opened = registry::Registry::unlock(path, **keystore, qEnvironmentVariable("CAIRN_USER"),
                                             qEnvironmentVariable("CAIRN_PIN"), clock);
    if (!opened) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(opened.error().line()));
        return 1;
    }
    const bench::RecordRows rows = bench::readRecordRows(registry::RegistryInternals::database(**opened));
    opened->reset();
    QTemporaryDir dir;
    std::printf("%lld %.0f\n", static_cast<long long>(rows.rows.size()), bench::bareBulkInsertMs(rows, dir.path()));
    return 0;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (const auto at = args.indexOf(QStringLiteral("--floor-of")); at > 0 && at + 1 < args.size())
        return printFloorOf(args.at(at + 1));
    int patients = 10000;
    int years = 3;
    const bool smoke = args.contains(QStringLiteral("--smoke"));
    if (smoke)
        patients = 200;
    if (const auto at = args.indexOf(QStringLiteral("--patients")); at > 0 && at + 1 < args.size())
        patients = args.at(at + 1).toInt();
    if (const auto at = args.indexOf(QStringLiteral("--years")); at > 0 && at + 1 < args.size())
        years = args.at(at + 1).toInt();
    const int runs = smoke ? 3 : 15;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    platform::MemoryKeystore keystore;
    registry::SystemClock clock;
    synthetic::Options options;
    options.patients = patients;
    options.years = years;
    options.seed = 99;
    const auto seeded = bench::seedRegistry(path, keystore, clock, options);
    if (!seeded)
        return 1;
    const QString samplePatient = seeded->samplePatient();
    std::printf("seeded %d patients, %lld records, %d years (one transaction)\n\n", patients,
                static_cast<long long>(seeded->records), years);

    bench::header();
    {
        // Seeding beside the floor: the same record rows inserted bare into a fresh SQLCipher file.
        auto seededRegistry =
            registry::Registry::unlock(path, keystore, bench::kBenchAdmin, bench::kBenchAdminPin, clock);
        const bench::RecordRows rows = bench::readRecordRows(registry::RegistryInternals::database(**seededRegistry));
        const double floorMs = bench::bareBulkInsertMs(rows, dir.path());
        const QByteArray label =
            QStringLiteral("seed %1 patients (%2 records)").arg(patients).arg(rows.rows.size()).toUtf8();
        bench::row(label.constData(), seeded->seedSeconds * 1000.0, floorMs, "bare SQLCipher insert of the same rows");
        bench::row("bare insert, cipher_memory_security on", bench::bareBulkInsertMs(rows, dir.path(), true), floorMs,
                   "the same, memory security off (Cairn's setting)");
    }

    // Unlock: Argon2id + key unwrap + SQLCipher open and verification, beside opening the
    // database with the raw key alone (no KDF).
    auto keyring = keys::Keyring::load(path + QStringLiteral(".keys"));
    auto secret = keys::deviceSecret(keystore, keyring->registryId(), false);
    auto rawKey = keyring->unlock(keyring->users().first().id, bench::kBenchAdminPin, *secret, clock.now());
    const double unlockMs = bench::medianMs(runs, [&] {
        auto r = registry::Registry::unlock(path, keystore, bench::kBenchAdmin, bench::kBenchAdminPin, clock);
        if (!r)
            std::abort();
    });
    const double rawOpenMs = bench::medianMs(runs, [&] {
        auto db = storage::Database::open(path, rawKey->view(), storage::Database::OpenMode::ExistingOnly);
        if (!db)
            std::abort();
    });
    bench::row("unlock (PIN -> database open)", unlockMs, rawOpenMs, "open with raw key, no KDF");

    auto registry = registry::Registry::unlock(path, keystore, bench::kBenchAdmin, bench::kBenchAdminPin, clock);
    auto &db = registry::RegistryInternals::database(**registry);

    const double loadMs = bench::medianMs(runs, [&] {
        auto p = (*registry)->loadPatient(samplePatient);
        if (!p)
            std::abort();
    });
    const double loadBaseMs = bench::medianMs(runs, [&] {
        auto stmt = db.prepare(
            "SELECT id, kind, payload, hlc, supersedes FROM records r WHERE patient_id = ? AND retracted = 0 "
            "AND NOT EXISTS (SELECT 1 FROM records s WHERE s.supersedes = r.id)");
        stmt->bind(1, samplePatient);
        qsizetype bytes = 0;
        while (stmt->next())
            bytes += stmt->text(2).size();
        if (bytes == 0)
            std::abort();
    });
    bench::row("load one patient's full record", loadMs, loadBaseMs, "bare SELECT of the same rows");

    const double listMs = bench::medianMs(runs, [&] {
        auto list = (*registry)->listPatients();
        if (!list || list->size() != patients)
            std::abort();
    });
    const double listBaseMs = bench::medianMs(runs, [&] {
        auto stmt = db.prepare(
            "SELECT id, head, clinic_id, name, birth_date, sex, prescriber, risk_tier, phone, language FROM patients");
        int rows = 0;
        while (stmt->next()) {
            (void)stmt->text(3);
            ++rows;
        }
        if (rows != patients)
            std::abort();
    });
    bench::row("list all patients", listMs, listBaseMs, "bare SELECT of the same rows");
    return 0;
}
