#include "core/clinical/uds_selection.h"

#include <QMessageAuthenticationCode>

#include <algorithm>

namespace cairn::clinical {
namespace {

QDate windowStartOf(int window, int intervalDays)
{
    return QDate::fromJulianDay(static_cast<qint64>(window) * intervalDays);
}

UdsDraw drawFor(const QString &seed, const QString &patientId, int intervalDays, int window)
{
    // HMAC-SHA-256 keyed by the seed: without the seed the draws look random, with it they replay.
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, seed.toLatin1());
    mac.addData(QStringLiteral("uds|%1|%2|%3").arg(patientId).arg(intervalDays).arg(window).toUtf8());
    const QByteArray digest = mac.result();
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | static_cast<quint8>(digest.at(i));
    UdsDraw draw;
    draw.intervalDays = intervalDays;
    draw.window = window;
    draw.windowStart = windowStartOf(window, intervalDays);
    // 2^64 is so much larger than any interval that the modulo's bias is negligible (< 1e-15).
    draw.drawnDay = draw.windowStart.addDays(static_cast<qint64>(value % static_cast<quint64>(intervalDays)));
    return draw;
}

}  // namespace

UdsDraw udsDraw(const QString &seed, const QString &patientId, int intervalDays, const QDate &day)
{
    const int length = std::max(1, intervalDays);
    return drawFor(seed, patientId, length, static_cast<int>(day.toJulianDay() / length));
}

UdsSelectionDecision selectForUds(const QString &seed, const domain::Patient &patient, int intervalDays,
                                  const QDate &day)
{
    UdsSelectionDecision decision;
    decision.draw = udsDraw(seed, patient.id, intervalDays, day);
    const UdsDraw previous = drawFor(seed, patient.id, decision.draw.intervalDays, decision.draw.window - 1);
    const auto sampleSince = [&](const QDate &from) {
        return std::any_of(patient.uds.cbegin(), patient.uds.cend(),
                           [&](const domain::UrineDrugScreen &u) { return u.date >= from && u.date <= day; });
    };
    // This window's day has come and no sample since; or last window's draw was never honoured.
    decision.selected =
        (day >= decision.draw.drawnDay && !sampleSince(decision.draw.drawnDay)) || !sampleSince(previous.drawnDay);
    return decision;
}

}  // namespace cairn::clinical
