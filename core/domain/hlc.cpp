#include "core/domain/hlc.h"

#include <QStringList>

#include <cstdio>

namespace cairn {

QString HlcStamp::toString() const
{
    // Written once per record on every sync and store path: straight, without QString::arg's
    // three passes. A negative time (never written by a clock) keeps arg's own padding.
    if (wallMs >= 0) {
        char fixed[32];
        const int length = std::snprintf(fixed, sizeof fixed, "%016lld-%06u-", static_cast<long long>(wallMs),
                                         static_cast<unsigned>(counter));
        return QLatin1StringView(fixed, length) + device;
    }
    return QStringLiteral("%1-%2-%3")
        .arg(wallMs, 16, 10, QLatin1Char('0'))
        .arg(counter, 6, 10, QLatin1Char('0'))
        .arg(device);
}

bool HlcStamp::parse(const QString &text, HlcStamp *out)
{
    const qsizetype first = text.indexOf(QLatin1Char('-'));
    const qsizetype second = first < 0 ? -1 : text.indexOf(QLatin1Char('-'), first + 1);
    if (first != 16 || second != 23)
        return false;
    bool okWall = false;
    bool okCounter = false;
    const qlonglong wall = text.left(first).toLongLong(&okWall);
    const uint counter = text.mid(first + 1, second - first - 1).toUInt(&okCounter);
    if (!okWall || !okCounter || wall < 0)
        return false;
    out->wallMs = wall;
    out->counter = counter;
    out->device = text.mid(second + 1);
    return true;
}

std::strong_ordering operator<=>(const HlcStamp &a, const HlcStamp &b)
{
    if (auto c = a.wallMs <=> b.wallMs; std::is_neq(c))
        return c;
    if (auto c = a.counter <=> b.counter; std::is_neq(c))
        return c;
    const int d = QString::compare(a.device, b.device);
    return d < 0 ? std::strong_ordering::less : d > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
}

HlcStamp HybridLogicalClock::now(std::int64_t nowMs)
{
    if (nowMs > m_last.wallMs) {
        m_last.wallMs = nowMs;
        m_last.counter = 0;
    } else {
        ++m_last.counter;
    }
    m_last.device = m_device;
    return m_last;
}

void HybridLogicalClock::observe(const HlcStamp &remote, std::int64_t nowMs)
{
    const std::int64_t wall = std::max({m_last.wallMs, remote.wallMs, nowMs});
    if (wall == m_last.wallMs && wall == remote.wallMs)
        m_last.counter = std::max(m_last.counter, remote.counter) + 1;
    else if (wall == m_last.wallMs)
        ++m_last.counter;
    else if (wall == remote.wallMs)
        m_last.counter = remote.counter + 1;
    else
        m_last.counter = 0;
    m_last.wallMs = wall;
    m_last.device = m_device;
}

}  // namespace cairn
