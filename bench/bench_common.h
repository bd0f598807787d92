#pragma once
// Small helpers for benchmarks: time a callable several times and print a figure beside its
// baseline measured in the same run. Benchmarks print; they never assert on time.

#include <QElapsedTimer>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace cairn::bench {

// Median wall time in milliseconds over `runs` calls.
template <typename F> double medianMs(int runs, F &&call)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        call();
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

inline void header()
{
    std::printf("%-46s %12s %12s %8s\n", "measure", "cairn (ms)", "baseline", "ratio");
}

inline void row(const char *measure, double ms, double baselineMs, const char *baselineName)
{
    std::printf("%-46s %12.2f %12.2f %7.2fx   (baseline: %s)\n", measure, ms, baselineMs,
                baselineMs > 0 ? ms / baselineMs : 0.0, baselineName);
    std::fflush(stdout);
}

}  // namespace cairn::bench
