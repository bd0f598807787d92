#pragma once
// Hybrid logical clock stamps (Kulkarni et al. 2014): wall-clock milliseconds plus a counter, so
// stamps from one device always increase even if its clock steps back, and stamps from different
// devices order consistently. Ties are broken by device id, which makes the order total and the
// same on every device: that is what lets two tablets pick the same provisional winner offline.

#include <QString>

#include <compare>
#include <cstdint>

namespace cairn {

struct HlcStamp {
    std::int64_t wallMs = 0;    // milliseconds since the Unix epoch
    std::uint32_t counter = 0;  // orders events within one millisecond
    QString device;             // device id, the final tie-breaker

    // Fixed-width text that sorts the same way the stamps compare: "0001732480000000-000000-<device>".
    [[nodiscard]] QString toString() const;
    static bool parse(const QString &text, HlcStamp *out);
    [[nodiscard]] bool isNull() const { return wallMs == 0 && counter == 0; }

    friend std::strong_ordering operator<=>(const HlcStamp &a, const HlcStamp &b);
    friend bool operator==(const HlcStamp &a, const HlcStamp &b) = default;
};

// One clock per device. Not thread-safe: the database thread owns it.
class HybridLogicalClock {
public:
    explicit HybridLogicalClock(QString device)
        : m_device(std::move(device))
    {}

    // A stamp for a local event at wall time nowMs.
    HlcStamp now(std::int64_t nowMs);
    // Merge a stamp received from elsewhere so later local stamps sort after it.
    void observe(const HlcStamp &remote, std::int64_t nowMs);
    [[nodiscard]] const HlcStamp &last() const { return m_last; }
    void restore(const HlcStamp &last) { m_last = last; }

private:
    QString m_device;
    HlcStamp m_last;
};

}  // namespace cairn
