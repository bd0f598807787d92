#include "core/domain/patient_json.h"

#include "core/domain/record_json.h"
#include "core/domain/validation.h"

#include <QJsonArray>

namespace cairn::domain {
namespace {

template <typename T> QJsonArray toArray(const QList<T> &records)
{
    QJsonArray array;
    for (const auto &record : records)
        array.append(recordToJson(AnyRecord(record)));
    return array;
}

}  // namespace

Result<QDate> parseIsoDate(const QJsonValue &value, const QString &field)
{
    return json::date(QJsonObject{{field, value}}, field, true);
}

Result<Patient> patientFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Error{QString(), QStringLiteral("must be a JSON object")};
    const QJsonObject object = value.toObject();
    auto patient = demographicsFromJson(object);
    if (!patient)
        return patient.error();
    std::optional<Error> error;
    forEachKind([&](const auto &kind) {
        const QString name = kind.info.sectionName();
        const QJsonValue items = object.value(name);
        if (error || items.isUndefined() || items.isNull())
            return;
        if (!items.isArray()) {
            error = Error{name, QStringLiteral("must be a list")};
            return;
        }
        const QJsonArray array = items.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto record = recordFromJson(kind.info.kind(), array.at(i));
            if (!record) {
                error = record.error().within(QStringLiteral("%1[%2]").arg(name).arg(i));
                return;
            }
            addToPatient(*patient, std::move(record).value());
        }
    });
    if (error)
        return *error;
    patient->taperStatus = taperStatusOf(*patient);
    if (auto s = validate(*patient); !s)
        return s.error();
    return patient;
}

QJsonObject patientToJson(const Patient &patient, bool registryFields)
{
    QJsonObject o = demographicsToJson(patient);
    if (!registryFields) {
        for (const char *field :
             {"name", "clinic_id", "prescriber", "ltot_start", "phone", "language", "taper_status", "status",
              "inactive_reason", "inactive_date", "risk_tier_reason", "opioid_prescriber_since"})
            o.remove(QLatin1String(field));
    }
    forEachKind([&](const auto &kind) { o.insert(kind.info.sectionName(), toArray(patient.*kind.list)); });
    return o;
}

}  // namespace cairn::domain
