#pragma once
// What every record arriving from elsewhere must pass: the server checks each pushed record before
// anything else (before duplicate and sequence detection, so a re-sent or re-numbered change cannot
// slip past), and a tablet checks each pulled record before applying it (one that fails is set
// aside in quarantine, see Registry::applyPulled). The checks: the envelope and its
// payload with the same domain validation the tablet uses on write (core/domain), the clinical
// checks that need definitions (core/clinical: instrument answers, MME drugs), the clinic-scoped
// kinds (clinic_policy through ClinicPolicy::fromJson, clinic_script through validateScript,
// clinic_agreement through AgreementText::validate, self_assessment_response and action_plan_item
// through the readers of core/clinical/self_assessment.h),
// canonical ids and a bounded clock. A record that passes here can be read by every tablet.

#include "core/domain/envelope.h"
#include "core/domain/result.h"

#include <QDateTime>

#include <optional>

namespace cairn::registry {

// How far ahead of the server's clock a record's clock stamp may be. A tablet's clock can be off
// by a time zone or a day-light saving mistake, but a stamp years ahead would win every later
// merge of its record for good (the later stamp wins a field), so it is refused. 24 h covers any
// honest misconfigured clock.
inline constexpr qint64 kMaxClockSkewMs = 24LL * 60 * 60 * 1000;

// True when text is a UUID in its canonical spelling: 36 characters, lower case, no braces.
bool isCanonicalUuid(const QString &text);

// Errors name the field relative to the record ("id", "payload.answers", "hlc"). With
// serverNowUtc the clock stamp may be at most kMaxClockSkewMs ahead of it (the server's check; a
// tablet's own clock is no judge of that, so tablets pass nullopt).
Status validateIncomingRecord(const domain::RecordEnvelope &record, const std::optional<QDateTime> &serverNowUtc);

}  // namespace cairn::registry
