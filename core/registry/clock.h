#pragma once
// Time comes from a clock object so that tests, lockout delays and record stamps are
// deterministic. Only SystemClock reads the real time.

#include <QDateTime>

namespace cairn::registry {

class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0;  // UTC
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// For tests and deterministic tools: returns what it was set to; advance() moves it.
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start)
        : m_now(std::move(start))
    {}
    [[nodiscard]] QDateTime now() const override { return m_now; }
    void set(const QDateTime &at) { m_now = at; }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

}  // namespace cairn::registry
