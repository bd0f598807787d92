#pragma once
// Small helpers for benchmarks: time a callable several times and print a figure beside its
// baseline measured in the same run. Benchmarks print; they never assert on time.

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <malloc.h>
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

// A line of /proc/self/status in MB ("VmRSS", "VmHWM": the peak since the last resetPeakRss).
inline double statusMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// Gives freed memory back to the system and starts VmHWM again from the current RSS, so a peak
// measured afterwards is the app's, not the seeding's that came before it in the same process.
inline void resetPeakRss()
{
    malloc_trim(0);
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
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
