// The whole-registry views the app's screens call (issue 16), without the app around them: on a
// seeded clinic, the registry list (rosterRows), the day's huddle (huddleRows) and the measures
// trend (measuresData) read cold, warm and right after one write, the first read of a new day
// (with and without tomorrow prepared the day before) and of a new month (only the summaries that
// day can change are recomputed) and a recompute of every
// summary, each beside a floor measured in the same run: a bare query of every summary row (on a
// fresh connection for the first read after unlocking), or a whole-registry read. bench_screens measures the same
// through the app's view models; this one builds without the QML layer and runs in a fresh process (so its peak RSS is
// the views' and the seeding's, printed separately). --memory-only stops after the first registry list,
// printing the peak RSS and the heap in use (malloc's count) at each step: the memory figures in
// minutes instead of the whole run. --first-reads N unlocks N more registries on the same file and
// prints the median of their first reads beside the median of as many fresh-connection floors (a
// steadier figure on a shared machine, and a loop to profile); with --memory-only it stops there.
//   bench_summary_views [--patients N] [--smoke] [--memory-only] [--first-reads N]

#include "bench/bench_common.h"
#include "bench/seeded_registry.h"
#include "core/registry/patient_records.h"
#include "core/registry/patient_summaries.h"
#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/registry/views.h"
#include "core/storage/database.h"
#include "core/storage/hot_queries.h"
#include "core/storage/record_store.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdlib>
#include <malloc.h>
#include <sqlcipher/sqlite3.h>
#include <vector>

using namespace cairn;

namespace {

template <typename T> void check(const Result<T> &result)
{
    if (!result) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(result.error().line()));
        std::abort();
    }
}

// Bytes malloc has handed out and not had back, in MB: what the program's own data holds, without
// the pages glibc keeps after a free.
double heapInUseMb()
{
    return static_cast<double>(mallinfo2().uordblks) / (1024.0 * 1024.0);
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(QStringLiteral("--smoke"));
    const bool memoryOnly = args.contains(QStringLiteral("--memory-only"));
    const int patients = bench::patientsOption(args, smoke ? 300 : 10000);
    const auto firstReadsAt = args.indexOf(QStringLiteral("--first-reads"));
    const int firstReads = firstReadsAt > 0 && firstReadsAt + 1 < args.size() ? args.at(firstReadsAt + 1).toInt() : 0;
    const int runs = smoke ? 3 : 9;
    const int slowRuns = 3;
    const QDate today(2026, 11, 23);
    const QDate end = registry::measuresEndMonth(today);

    bench::BenchClinic clinic(patients, today);
    const auto &seeded = clinic.seeded;
    if (!seeded)
        return 1;
    const QString &path = clinic.path;
    platform::MemoryKeystore &keystore = clinic.keystore;
    registry::ManualClock &clock = clinic.clock;
    std::printf("seeded %d patients in %.1f s\n", patients, seeded->seedSeconds);
    const double seedingPeak = bench::statusMb("VmHWM");
    bench::resetPeakRss();
    const double rssBefore = bench::statusMb("VmRSS");
    const double heapBefore = heapInUseMb();

    auto unlocked = registry::Registry::unlock(path, keystore, seeded->clinicianId, bench::kBenchClinicianPin, clock);
    check(unlocked);
    registry::Registry &r = **unlocked;
    storage::Database &db = registry::RegistryInternals::database(r);

    auto roster = [&] { check(registry::rosterRows(r, today)); };
    auto huddle = [&] { check(registry::huddleRows(r, today)); };
    auto measures = [&] { check(registry::measuresData(r, end.year(), end.month(), QString())); };
    auto bareSummaryQuery = [&](storage::Database &on) {
        const QByteArray sql =
            QByteArray("SELECT p.id, p.name, p.clinic_id, s.tier, s.band, s.total_mme, s.gaps, s.ltot_reason, "
                       "s.measures ") +
            storage::hot_queries::kSummariesWithPatientsTail;
        auto stmt = on.prepare(sql.constData());
        int n = 0;
        while (stmt && stmt->next()) {
            for (int c = 0; c < 8; ++c)
                (void)stmt->text(c);
            (void)stmt->blob(8);
            ++n;
        }
        if (n != patients)
            std::abort();
    };
    auto summaryFloor = [&] { return bench::medianMs(runs, [&] { bareSummaryQuery(db); }); };
    auto wholeRegistryFloor = [&] {
        return bench::medianMs(slowRuns, [&] {
            storage::RecordStore store(db);
            check(registry::assembleAllPatients(store));
        });
    };
    int written = 0;
    auto writeOnePeg = [&] {
        const QString id = seeded->patientIds.at((written++ * 37) % seeded->patientIds.size());
        domain::PegScore peg;
        peg.date = today;
        peg.pain = 3 + written % 5;
        peg.enjoyment = 4;
        peg.activity = 5;
        check(r.addRecord(id, peg));
    };
    auto timedAfterWrite = [&](auto view) {
        std::vector<double> times;
        for (int i = 0; i < slowRuns; ++i) {
            writeOnePeg();
            QElapsedTimer timer;
            timer.start();
            view();
            times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(times.begin(), times.end());
        return times[times.size() / 2];
    };

    auto elapsedMs = [](auto work) {
        QElapsedTimer timer;
        timer.start();
        work();
        return static_cast<double>(timer.nsecsElapsed()) / 1e6;
    };
    // The cold floor: the same bare query on another connection just unlocked (its page cache
    // empty, as the registry's is on the first read).
    double coldFloorMs = 0;
    {
        auto other = registry::Registry::unlock(path, keystore, seeded->clinicianId, bench::kBenchClinicianPin, clock);
        check(other);
        coldFloorMs = elapsedMs([&] { bareSummaryQuery(registry::RegistryInternals::database(**other)); });
    }

    bench::header();
    // Cold: the first whole-registry read after unlocking reads and parses every summary, then
    // builds the list's rows; timed in those two parts.
    auto step = [&](const char *what) {
        if (memoryOnly)
            std::printf("  memory %-28s RSS %4.0f MB, peak %4.0f MB, heap in use %5.1f MB (SQLite %.1f MB)\n", what,
                        bench::statusMb("VmRSS"), bench::statusMb("VmHWM"), heapInUseMb(),
                        static_cast<double>(sqlite3_memory_used()) / (1024.0 * 1024.0));
    };
    step("unlocked, floor measured");
    const double coldReadMs = elapsedMs([&] { check(r.patientSummaries(QStringLiteral("bench"))); });
    step("summaries read");
    const double coldRowsMs = elapsedMs(roster);
    step("registry list built");
    const double floorMs = summaryFloor();
    bench::row("registry list, first read after unlock", coldReadMs + coldRowsMs, coldFloorMs,
               "bare query of every summary row, fresh connection");
    bench::row("  of which: summaries read and parsed", coldReadMs, coldFloorMs,
               "bare query of every summary row, fresh connection");
    bench::row("  of which: the list's rows built", coldRowsMs, floorMs, "bare query of every summary row");
    const double appPeak = bench::statusMb("VmHWM");
    if (firstReads > 0) {
        // Each on a registry just unlocked (its own connection and summary cache), beside the bare
        // query on another connection just unlocked, alternately.
        std::vector<double> reads;
        std::vector<double> lists;
        std::vector<double> floors;
        for (int i = 0; i < firstReads; ++i) {
            {
                auto fresh =
                    registry::Registry::unlock(path, keystore, seeded->clinicianId, bench::kBenchClinicianPin, clock);
                check(fresh);
                reads.push_back(elapsedMs([&] { check((*fresh)->patientSummaries(QStringLiteral("bench"))); }));
                lists.push_back(reads.back() + elapsedMs([&] { check(registry::rosterRows(**fresh, today)); }));
            }
            auto other =
                registry::Registry::unlock(path, keystore, seeded->clinicianId, bench::kBenchClinicianPin, clock);
            check(other);
            floors.push_back(elapsedMs([&] { bareSummaryQuery(registry::RegistryInternals::database(**other)); }));
        }
        const auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v[v.size() / 2];
        };
        std::printf("the first read after unlocking on %d more registries (medians):\n", firstReads);
        bench::row("registry list, first read after unlock", median(lists), median(floors),
                   "bare query of every summary row, fresh connection");
        bench::row("  of which: summaries read and parsed", median(reads), median(floors),
                   "bare query of every summary row, fresh connection");
    }
    if (memoryOnly) {
        // The list's rows are gone again: what stays is the registry with its summary cache.
        const double heapKept = heapInUseMb();
        const double sqliteKept = static_cast<double>(sqlite3_memory_used()) / (1024.0 * 1024.0);
        std::printf("\nmemory: peak RSS %.0f MB after unlocking and the first registry list (%.0f MB before "
                    "unlocking); heap in use %.1f MB before unlocking, %.1f MB after, of which SQLite %.1f MB; "
                    "the rest %.0f bytes a patient\n",
                    appPeak, rssBefore, heapBefore, heapKept, sqliteKept,
                    (heapKept - heapBefore - sqliteKept) * 1024.0 * 1024.0 / patients);
        return 0;
    }
    bench::row("registry list", bench::medianMs(runs, roster), floorMs, "bare query of every summary row");
    bench::row("registry list right after a write", timedAfterWrite(roster), floorMs,
               "bare query of every summary row");
    bench::row("Today (the day's huddle)", bench::medianMs(runs, huddle), floorMs, "bare query of every summary row");
    bench::row("Today right after a write", timedAfterWrite(huddle), floorMs, "bare query of every summary row");
    bench::row("measures (12-month trend)", bench::medianMs(runs, measures), floorMs,
               "bare query of every summary row");
    bench::row("measures right after a write", timedAfterWrite(measures), floorMs, "bare query of every summary row");
    const double wholeMs = wholeRegistryFloor();
    {
        // Another month than the one the screen opens on is still evaluated in full.
        const QDate earlier = end.addMonths(-1);
        bench::row("measures, another month (full evaluation)",
                   bench::medianMs(
                       slowRuns, [&] { check(registry::measuresData(r, earlier.year(), earlier.month(), QString())); }),
                   wholeMs, "whole registry read from the database");
    }
    // A new day recomputes only the summaries whose valid_until has come.
    auto firstReadOn = [&](const QDate &day) {
        clock.set(QDateTime(day, QTime(7, 0), Qt::UTC));
        const double ms = elapsedMs([&] { check(r.patientSummaries(QStringLiteral("bench"))); });
        return std::pair{ms, registry::RegistryInternals::summariesParsedLastRead(r)};
    };
    std::vector<double> newDay;
    qsizetype recomputed = 0;
    for (int ahead = 1; ahead <= slowRuns; ++ahead) {
        const auto [ms, count] = firstReadOn(today.addDays(ahead));
        newDay.push_back(ms);
        recomputed += count;
    }
    std::sort(newDay.begin(), newDay.end());
    bench::row("first read of a new day, nothing prepared", newDay[newDay.size() / 2], wholeMs,
               "whole registry read from the database");
    std::printf("  (%lld summaries recomputed over those %d days, of %d)\n", static_cast<long long>(recomputed),
                slowRuns, patients);
    // The next days with tomorrow's summaries prepared the day before, as the app does while idle
    // (Registry::prepareSummariesAhead in batches of 20, each one transaction on the database thread).
    constexpr int kBatch = 20;
    std::vector<double> preparedDay;
    std::vector<double> preparing;
    double largestBatchMs = 0;
    qsizetype moved = 0;
    int recomputedPrepared = 0;
    for (int ahead = slowRuns + 1; ahead <= 2 * slowRuns; ++ahead) {
        preparing.push_back(elapsedMs([&] {
            for (int handled = kBatch; handled == kBatch;) {
                largestBatchMs = std::max(largestBatchMs, elapsedMs([&] {
                                              auto batch = r.prepareSummariesAhead(kBatch);
                                              check(batch);
                                              handled = *batch;
                                          }));
            }
        }));
        const auto [ms, count] = firstReadOn(today.addDays(ahead));
        preparedDay.push_back(ms);
        moved += count;
        recomputedPrepared += registry::RegistryInternals::summariesRecomputedLastRead(r);
    }
    std::sort(preparedDay.begin(), preparedDay.end());
    std::sort(preparing.begin(), preparing.end());
    bench::row("first read of a new day, prepared the day before", preparedDay[preparedDay.size() / 2], floorMs,
               "bare query of every summary row");
    std::printf("  (%lld summaries new over those %d days, %d of them recomputed at the read; preparing each day took "
                "%.0f ms (median) while idle, in batches of %d, the largest %.1f ms)\n",
                static_cast<long long>(moved), slowRuns, recomputedPrepared, preparing[preparing.size() / 2], kBatch,
                largestBatchMs);
    // The days up to the next month read as the app would, then the first of the month timed.
    const QDate nextMonth = QDate(today.year(), today.month(), 1).addMonths(1);
    for (QDate day = today.addDays(2 * slowRuns + 1); day < nextMonth; day = day.addDays(1))
        (void)firstReadOn(day);
    const auto [monthMs, monthCount] = firstReadOn(nextMonth);
    bench::row("first read of a new month", monthMs, wholeMs, "whole registry read from the database");
    std::printf("  (%lld summaries recomputed on %s)\n", static_cast<long long>(monthCount),
                qPrintable(nextMonth.toString(Qt::ISODate)));
    // The clock set back: every summary recomputed, as after a policy change or when seeding.
    const auto [allMs, allCount] = firstReadOn(today);
    if (allCount != patients)
        std::abort();
    bench::row("every summary recomputed (policy change)", allMs, wholeMs, "whole registry read from the database");
    std::printf("\nmemory: peak RSS %.0f MB after unlocking and the first registry list (%.0f MB before unlocking, "
                "after the seeding gave its memory back; the seeding's own peak was %.0f MB)\n",
                appPeak, rssBefore, seedingPeak);
    std::printf("peak RSS %.0f MB since unlocking, the bench's whole-registry baselines included\n",
                bench::statusMb("VmHWM"));
    return 0;
}
