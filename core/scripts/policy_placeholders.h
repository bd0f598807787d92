#pragma once
// Scripts that state the clinic's refill rules read them from the policy in force: a phrasing says
// "{refill.notice_business_days}" and the app fills it (core/clinical/script_values.h makes the
// texts from the ClinicPolicy in the script's language), so a clinic that changes its policy never
// shows a script that contradicts it. The validator (checkPolicyPlaceholders, run on every shipped
// script and every clinic copy) refuses a policy-bound script that hard-codes a policy value
// instead; assets/scripts/README.md documents the rules.

#include "core/scripts/library.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace cairn::scripts {

// The placeholders, without braces: "refill.no_fill_weekdays", "refill.max_days_supply",
// "refill.notice_business_days", "refill.early_allowance_days",
// "refill.lost_or_stolen_needs_police_report".
const QStringList &policyPlaceholders();

// Placeholder (without braces) → its text in one language.
using PolicyTexts = QHash<QString, QString>;

// The script with every known placeholder in its title, situation and phrasings replaced.
Script withPolicyTexts(const Script &script, const PolicyTexts &texts);

// Whether the script states the clinic's refill rules: it uses a {refill.…} placeholder, or it is
// (or is a clinic copy of) a shipped script that does.
bool isPolicyBound(const Script &script);

// For a policy-bound script: unknown {refill.…} placeholders, and hard-coded policy values in the
// title, situation and phrasings (a number of business days, a digit number of days, a weekday
// name, a police-report rule). Each problem names the field and the placeholder to use instead.
void checkPolicyPlaceholders(const Script &script, const QString &file, QList<Problem> &problems);

}  // namespace cairn::scripts
