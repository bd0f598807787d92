#include "core/domain/envelope_validation.h"

#include "core/domain/record_json.h"
#include "core/domain/record_kinds.h"
#include "core/domain/text.h"
#include "core/domain/validation.h"

#include <QUuid>

namespace cairn::domain {

Status validateEnvelope(const RecordEnvelope &envelope)
{
    auto isUuid = [](const QString &text) { return !QUuid::fromString(text).isNull(); };
    if (!isUuid(envelope.id))
        return Error{QStringLiteral("id"), QStringLiteral("must be a UUID")};
    if (envelope.patientId.isEmpty())
        return Error{QStringLiteral("patient_id"), QStringLiteral("is required")};
    if (!findKind(envelope.kind))
        return Error{QStringLiteral("kind"),
                     QStringLiteral("unknown record kind \"%1\"").arg(quotedInput(envelope.kind, 40))};
    if (envelope.author.isEmpty())
        return Error{QStringLiteral("author"), QStringLiteral("is required")};
    if (envelope.device.isEmpty())
        return Error{QStringLiteral("device"), QStringLiteral("is required")};
    if (envelope.stamp.isNull())
        return Error{QStringLiteral("hlc"), QStringLiteral("is required")};
    if (!envelope.supersedes.isEmpty() && !isUuid(envelope.supersedes))
        return Error{QStringLiteral("supersedes"), QStringLiteral("must be a UUID")};
    if (envelope.supersedes == envelope.id)
        return Error{QStringLiteral("supersedes"), QStringLiteral("a record cannot supersede itself")};
    for (const QString &closed : envelope.closes) {
        if (!isUuid(closed))
            return Error{QStringLiteral("closes"), QStringLiteral("must list record ids (UUIDs)")};
        if (closed == envelope.id || closed == envelope.supersedes || envelope.supersedes.isEmpty())
            return Error{QStringLiteral("closes"),
                         QStringLiteral("lists only other versions of the record it corrects")};
    }
    if (envelope.retracted && envelope.supersedes.isEmpty())
        return Error{QStringLiteral("retracted"), QStringLiteral("a retraction must name the record it withdraws")};
    if (envelope.retracted)
        return ok();  // a retraction carries the withdrawn record's payload and a reason; nothing new to check
    if (envelope.kind == kDemographicsKind.kind()) {
        auto patient = demographicsFromJson(envelope.payload);
        if (!patient)
            return patient.error().within(QStringLiteral("payload"));
        if (auto s = validate(*patient); !s)
            return s.error().within(QStringLiteral("payload"));
        return ok();
    }
    if (knownRecordKindForPatient(envelope.kind)) {
        auto record = recordFromJson(envelope.kind, envelope.payload);
        if (!record)
            return record.error().within(QStringLiteral("payload"));
        if (auto s = std::visit([](const auto &r) { return validate(r); }, *record); !s)
            return s.error().within(QStringLiteral("payload"));
    }
    return ok();
}

}  // namespace cairn::domain
