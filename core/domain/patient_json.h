#pragma once
// The contract's patient object (../shared/spec/clinical-rules.md §6) to and from domain records.
// Used by cairnctl evaluate/refill-check/import/export and by anything else that speaks it.

#include "core/domain/records.h"
#include "core/domain/result.h"

#include <QJsonObject>
#include <QJsonValue>

namespace cairn::domain {

// Strict ISO date "YYYY-MM-DD"; an impossible date (2026-02-30) is an error naming `field`.
Result<QDate> parseIsoDate(const QJsonValue &value, const QString &field);

// Parses and validates (domain validation) one patient object. Errors name the field relative to
// the patient object ("opioids[0].strength_mg"); the caller adds "patient." where it applies.
Result<Patient> patientFromJson(const QJsonValue &value);

// Writes the contract form. With registryFields, also "name", "clinic_id", "prescriber" and the
// other registry fields so that export → import round-trips.
QJsonObject patientToJson(const Patient &patient, bool registryFields);

}  // namespace cairn::domain
