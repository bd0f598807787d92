#pragma once
// Random urine testing (clinic policy uds_selection.mode "random"). Time is cut into windows as
// long as the patient's UDS interval; in each window one day is drawn at random from the clinic's
// secret seed, the patient's id and the window's number, so the draw is the same whenever it is
// replayed (audit) but cannot be worked out without the seed (patients, front desk). The first
// visit on or after a drawn day includes a sample unless one was collected since that day; a draw
// no visit reached carries over to the next visit. So each patient gives one sample per interval on
// average, and nothing tells ahead which visit it will be. docs/clinic-policy.md gives the reasoning.

#include "core/clinical/policy.h"
#include "core/domain/records.h"

#include <QDate>
#include <QString>

namespace cairn::clinical {

struct UdsDraw {
    int intervalDays = 0;
    int window = 0;  // floor(Julian day / intervalDays)
    QDate windowStart;
    QDate drawnDay;  // in [windowStart, windowStart + intervalDays)
};

// The draw of the window that holds `day`. intervalDays must be at least 1.
UdsDraw udsDraw(const QString &seed, const QString &patientId, int intervalDays, const QDate &day);

struct UdsSelectionDecision {
    bool selected = false;
    UdsDraw draw;  // the current window's draw
};

// Whether a visit on `day` includes a urine sample in random mode, for a patient whose UDS interval
// (for the effective tier) is intervalDays.
UdsSelectionDecision selectForUds(const QString &seed, const domain::Patient &patient, int intervalDays,
                                  const QDate &day);

}  // namespace cairn::clinical
