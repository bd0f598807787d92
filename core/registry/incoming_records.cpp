#include "core/registry/incoming_records.h"

#include "core/clinical/agreement_text.h"
#include "core/clinical/policy.h"
#include "core/clinical/record_checks.h"
#include "core/clinical/self_assessment.h"
#include "core/domain/clinic_resource.h"
#include "core/domain/envelope_validation.h"
#include "core/domain/record_json.h"
#include "core/domain/record_kinds.h"
#include "core/scripts/library.h"

#include <QDate>
#include <QUuid>

namespace cairn::registry {
namespace {

Error field(const QString &name, const QString &message)
{
    return Error{name, message};
}

// Free text the envelope carries as an identifier (author): bounded and printable, so it cannot
// smuggle a payload or break a log line on a tablet.
bool isPlainIdentifier(const QString &text)
{
    if (text.isEmpty() || text.size() > 64)
        return false;
    for (const QChar c : text)
        if (c.isSpace() || !c.isPrint())
            return false;
    return true;
}

}  // namespace

bool isCanonicalUuid(const QString &text)
{
    if (text.size() != 36)
        return false;
    const QUuid parsed = QUuid::fromString(text);
    return !parsed.isNull() && parsed.toString(QUuid::WithoutBraces) == text;
}

Status validateIncomingRecord(const domain::RecordEnvelope &record, const std::optional<QDateTime> &serverNowUtc)
{
    // Ids are compared as strings everywhere (duplicates, ownership, lineages): only one spelling
    // of each id may exist, or "{ID}" would pass as a different record or patient than "id".
    if (!isCanonicalUuid(record.id))
        return field(QStringLiteral("id"), QStringLiteral("must be a lower-case UUID without braces"));
    const bool clinicKind =
        record.kind == QLatin1String("clinic_policy") || record.kind == QLatin1String("clinic_script") ||
        record.kind == QLatin1String("clinic_agreement") || record.kind == domain::kClinicResourceKind.kind() ||
        record.kind == domain::kSelfAssessmentResponseKind.kind() || record.kind == domain::kActionPlanItemKind.kind();
    if (clinicKind) {
        if (record.patientId != domain::kClinicScope)
            return field(QStringLiteral("patient_id"),
                         QStringLiteral("must be \"clinic\" for a %1 record").arg(record.kind));
    } else if (!isCanonicalUuid(record.patientId)) {
        return field(QStringLiteral("patient_id"), QStringLiteral("must be a lower-case UUID without braces"));
    }
    if (!record.supersedes.isEmpty() && !isCanonicalUuid(record.supersedes))
        return field(QStringLiteral("supersedes"), QStringLiteral("must be a lower-case UUID without braces"));
    for (const QString &closed : record.closes)
        if (!isCanonicalUuid(closed))
            return field(QStringLiteral("closes"), QStringLiteral("must list lower-case UUIDs without braces"));
    if (!isPlainIdentifier(record.author))
        return field(QStringLiteral("author"),
                     QStringLiteral("must be a user id (1-64 printable characters, no spaces)"));
    if (!record.date.isEmpty()) {
        const QDate date = QDate::fromString(record.date, Qt::ISODate);
        if (!date.isValid() || date.toString(Qt::ISODate) != record.date)
            return field(QStringLiteral("date"), QStringLiteral("must be an ISO date (YYYY-MM-DD)"));
    }
    if (!record.writtenAt.isEmpty() && !QDateTime::fromString(record.writtenAt, Qt::ISODateWithMs).isValid())
        return field(QStringLiteral("written_at"), QStringLiteral("must be an ISO date and time"));
    const qint64 aheadMs = serverNowUtc ? record.stamp.wallMs - serverNowUtc->toMSecsSinceEpoch() : 0;
    if (aheadMs > kMaxClockSkewMs)
        return field(QStringLiteral("hlc"),
                     QStringLiteral(
                         "is %1 h ahead of the server's clock (at most %2 h allowed); check the tablet's date and time")
                         .arg(aheadMs / 3'600'000)
                         .arg(kMaxClockSkewMs / 3'600'000));
    if (record.stamp.wallMs <= 0)
        return field(QStringLiteral("hlc"), QStringLiteral("must be a time after 1970"));

    // The same domain validation every entry path on the tablet runs.
    if (auto s = domain::validateEnvelope(record); !s)
        return s;
    if (record.retracted)
        return ok();  // a withdrawal carries the withdrawn payload and a reason; nothing new to read

    if (record.kind == QLatin1String("clinic_policy")) {
        // Exactly what every tablet does when it reads the clinic's policy.
        if (auto policy = clinical::ClinicPolicy::fromJson(record.payload); !policy)
            return policy.error().within(QStringLiteral("payload"));
        return ok();
    }
    if (record.kind == QLatin1String("clinic_agreement")) {
        // Exactly what every tablet checks before it shows the clinic's text to a patient.
        if (auto s = clinical::AgreementText::validate(record.payload); !s)
            return s.error().within(QStringLiteral("payload"));
        return ok();
    }
    if (record.kind == domain::kClinicResourceKind.kind()) {
        // The same reading the directory screen and cairnctl do.
        if (auto resource = domain::clinicResourceFromJson(record.payload); !resource)
            return resource.error().within(QStringLiteral("payload"));
        return ok();
    }
    if (record.kind == domain::kSelfAssessmentResponseKind.kind()) {
        // Exactly what every tablet reads: every item of the shipped form scored 1-4.
        auto form = clinical::SelfAssessment::shipped(QStringLiteral("en"));
        if (!form)
            return form.error();
        if (auto response = clinical::AssessmentResponse::fromJson(record.payload, *form); !response)
            return response.error().within(QStringLiteral("payload"));
        return ok();
    }
    if (record.kind == domain::kActionPlanItemKind.kind()) {
        auto form = clinical::SelfAssessment::shipped(QStringLiteral("en"));
        if (!form)
            return form.error();
        if (auto item = clinical::ActionPlanItem::fromJson(record.payload, *form); !item)
            return item.error().within(QStringLiteral("payload"));
        return ok();
    }
    if (record.kind == QLatin1String("clinic_script")) {
        const QList<scripts::Problem> problems = scripts::validateScript(record.payload, QStringLiteral("payload"));
        if (!problems.isEmpty())
            return field(QStringLiteral("payload.") + problems.first().field, problems.first().message);
        return ok();
    }
    if (domain::knownRecordKindForPatient(record.kind)) {
        auto parsed = domain::recordFromJson(record.kind, record.payload);
        if (!parsed)
            return parsed.error().within(QStringLiteral("payload"));
        // Instrument answers and drugs: the definitions validateEnvelope cannot know.
        if (auto s = clinical::checkRecord(*parsed); !s)
            return s.error().within(QStringLiteral("payload"));
    }
    return ok();
}

}  // namespace cairn::registry
