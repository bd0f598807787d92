#pragma once
// Who is on long-term opioid therapy (LTOT) on a date, by the clinic's own definition (policy
// object "ltot_definition", docs/clinic-policy.md), and why. The ONE membership rule: the registry
// list, the huddle, the gap worklists, the evaluation entry and the measures all ask ltotStatus().
// Opioids prescribed for opioid use disorder (MOUD) are tracked but never count; a short acute
// course does not count; an inactive patient is on no list.

#include "core/clinical/policy.h"
#include "core/domain/records.h"

namespace cairn::clinical {

enum class LtotReason {
    // On the registry:
    SupplyOnMostDays,  // an opioid for pain on at least the policy's share of the look-back days
    ExpectedLongTerm,  // an active opioid for pain that is open-ended or planned for the look-back or longer
    ClinicianFlag,     // a clinician recorded that the patient is on long-term therapy
    // Not on the registry:
    ShortCourse,  // an opioid for pain is active, but on too few of the look-back days (an acute course)
    MoudOnly,     // only buprenorphine or methadone for opioid use disorder is active
    NoOpioid,     // no opioid for pain is active on the date
    Inactive,     // the patient has left the clinic's registry
};
QString toString(LtotReason reason);  // "supply_on_most_days", "expected_long_term", "clinician_flag", ...

struct LtotStatus {
    bool onLtot = false;
    LtotReason reason = LtotReason::NoOpioid;
    int daysCovered = 0;   // look-back days with an opioid for pain active (the date included)
    int lookbackDays = 0;  // the policy's look-back
    bool moud = false;     // an opioid for opioid use disorder is active on the date (tracked)
};

// An opioid entry that may count towards long-term therapy: any opioid not prescribed for opioid
// use disorder.
bool countsTowardsLtot(const domain::OpioidEntry &entry);

// The patient's status on `on`. Supply and an expected long-term course count only while an opioid
// for pain is active on the date; the clinician's flag counts whatever the supply.
LtotStatus ltotStatus(const domain::Patient &patient, const QDate &on, const ClinicPolicy &policy);

}  // namespace cairn::clinical
