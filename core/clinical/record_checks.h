#pragma once
// The checks of a record that need clinical definitions (domain validation cannot know them):
// a regimen's drug must be in the MME tables, a screening's answers must fit its instrument.
// The registry runs these on every write, after domain validation.

#include "core/domain/record_json.h"
#include "core/domain/result.h"

namespace cairn::clinical {

Status checkRecord(const domain::AnyRecord &record);
// Every record of a patient; errors carry the list and index: "opioids[0].drug".
Status checkPatient(const domain::Patient &patient);

}  // namespace cairn::clinical
