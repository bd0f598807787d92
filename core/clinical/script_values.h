#pragma once
// The clinic's refill rules as the words a conversation script says, in one language, for the
// script placeholders of core/scripts/policy_placeholders.h ("refill.notice_business_days" →
// "4 business days"): weekday names from QLocale, units agreeing with the number, the police-report
// rule as a sentence. Filled on the screen from the policy in force, never stored in a script.

#include "core/clinical/policy.h"

#include <QHash>
#include <QString>

namespace cairn::clinical {

// Placeholder (without braces) → text; "en" or "es" (other languages get English).
QHash<QString, QString> scriptPolicyTexts(const ClinicPolicy &policy, const QString &language);

}  // namespace cairn::clinical
