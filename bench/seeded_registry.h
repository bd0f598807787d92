#pragma once
// The registry the registry and app benchmarks measure: a fresh encrypted file with a bench
// administrator (PIN 246810), a clinician (PIN 1357) and a seeded synthetic clinic, added in one
// transaction as `cairnctl seed` does. One place, so every bench seeds the same way.

#include "core/registry/clock.h"
#include "core/registry/registry.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>

namespace cairn::bench {

inline const QString kBenchAdmin = QStringLiteral("Bench Admin");
inline const QString kBenchAdminPin = QStringLiteral("246810");
inline const QString kBenchClinicianPin = QStringLiteral("1357");

struct SeededRegistry {
    QString clinicianId;
    QStringList patientIds;  // in the order the generator made them
    qint64 records = 0;
    double seedSeconds = 0;  // adding the clinic (one transaction)
    QString samplePatient() const { return patientIds.isEmpty() ? QString() : patientIds.at(patientIds.size() / 2); }
};

// Creates the registry at `path` and seeds it; prints the error and returns nothing on failure.
inline std::optional<SeededRegistry> seedRegistry(const QString &path, platform::Keystore &keystore,
                                                  const registry::Clock &clock, const synthetic::Options &clinic)
{
    auto created = registry::Registry::create(path, keystore, kBenchAdmin, kBenchAdminPin, clock);
    if (!created) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(created.error().line()));
        return std::nullopt;
    }
    SeededRegistry seeded;
    auto clinician = (*created)->addUser(QStringLiteral("Bench Clinician"), keys::Role::Clinician, kBenchClinicianPin);
    if (!clinician) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(clinician.error().line()));
        return std::nullopt;
    }
    seeded.clinicianId = *clinician;
    // Timed as cairnctl seed runs it: each patient made, then stored, in the one transaction.
    synthetic::ClinicGenerator generator(clinic);
    QElapsedTimer timer;
    timer.start();
    auto ids = (*created)->addPatientsFrom([&generator] { return generator.next(); });
    if (!ids) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(ids.error().line()));
        return std::nullopt;
    }
    seeded.seedSeconds = static_cast<double>(timer.elapsed()) / 1000.0;
    seeded.patientIds = *ids;
    if (auto stats = (*created)->stats())
        seeded.records = stats->records;
    return seeded;
}

// "--patients N" among a bench's arguments, else `fallback`.
inline int patientsOption(const QStringList &args, int fallback)
{
    const auto at = args.indexOf(QStringLiteral("--patients"));
    return at > 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
}

// The clinic a bench measures: a registry file in a temporary directory with its keystore and a
// clock fixed on `today` at 09:00 UTC (the screens' "today"), seeded with `patients` patients
// (generator seed 99, as of `today`). `seeded` is empty when seeding failed (the error printed).
struct BenchClinic {
    BenchClinic(int patients, const QDate &today)
        : path(dir.filePath(QStringLiteral("bench.db")))
        , clock(QDateTime(today, QTime(9, 0), Qt::UTC))
    {
        synthetic::Options options;
        options.patients = patients;
        options.seed = 99;
        options.asOf = today;
        seeded = seedRegistry(path, keystore, clock, options);
    }
    QTemporaryDir dir;
    QString path;
    platform::MemoryKeystore keystore;
    registry::ManualClock clock;
    std::optional<SeededRegistry> seeded;
};

}  // namespace cairn::bench
