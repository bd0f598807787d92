#pragma once
// Validation of a record envelope arriving from anywhere (a form, an import, the wire): the
// envelope's own fields, then the payload with the same domain validation every entry path uses.

#include "core/domain/envelope.h"
#include "core/domain/result.h"

#include <QStringList>

namespace cairn::domain {

// The record kinds the registry knows: record_kinds.h (findKind).

// Errors name the field: "id", "kind", "payload.pain", ...
Status validateEnvelope(const RecordEnvelope &envelope);

}  // namespace cairn::domain
