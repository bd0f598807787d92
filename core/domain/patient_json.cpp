#include "core/domain/patient_json.h"

#include "core/domain/record_json.h"
#include "core/domain/validation.h"

#include <QJsonArray>

namespace cairn::domain {
namespace {

struct ListField {
    const char *name;
    const char *kind;
};

// The patient object's record lists and the record kind each holds.
constexpr ListField kLists[] = {
    {"opioids", "opioid"},     {"benzodiazepines", "benzodiazepine"}, {"agreements", "agreement"},
    {"pdmp_checks", "pdmp_check"}, {"naloxone", "naloxone"},         {"uds", "uds"},
    {"visits", "visit"},       {"peg", "peg"},                        {"screenings", "screening"},
    {"referrals", "referral"}, {"goals", "goal"},           {"script_uses", "script_use"},
};

template<typename T>
QJsonArray toArray(const QList<T> &records)
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
    for (const ListField &list : kLists) {
        const QString name = QLatin1String(list.name);
        const QJsonValue items = object.value(name);
        if (items.isUndefined() || items.isNull())
            continue;
        if (!items.isArray())
            return Error{name, QStringLiteral("must be a list")};
        const QJsonArray array = items.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto record = recordFromJson(QLatin1String(list.kind), array.at(i));
            if (!record)
                return record.error().within(QStringLiteral("%1[%2]").arg(name).arg(i));
            addToPatient(*patient, std::move(record).value());
        }
    }
    if (auto s = validate(*patient); !s)
        return s.error();
    return patient;
}

QJsonObject patientToJson(const Patient &patient, bool registryFields)
{
    QJsonObject o = demographicsToJson(patient);
    if (!registryFields) {
        for (const char *field : {"name", "clinic_id", "prescriber", "ltot_start", "phone", "language", "taper_status"})
            o.remove(QLatin1String(field));
    }
    o.insert(QStringLiteral("opioids"), toArray(patient.opioids));
    o.insert(QStringLiteral("benzodiazepines"), toArray(patient.benzodiazepines));
    o.insert(QStringLiteral("agreements"), toArray(patient.agreements));
    o.insert(QStringLiteral("pdmp_checks"), toArray(patient.pdmpChecks));
    o.insert(QStringLiteral("naloxone"), toArray(patient.naloxone));
    o.insert(QStringLiteral("uds"), toArray(patient.uds));
    o.insert(QStringLiteral("visits"), toArray(patient.visits));
    o.insert(QStringLiteral("peg"), toArray(patient.peg));
    o.insert(QStringLiteral("screenings"), toArray(patient.screenings));
    o.insert(QStringLiteral("referrals"), toArray(patient.referrals));
    o.insert(QStringLiteral("goals"), toArray(patient.goals));
    o.insert(QStringLiteral("script_uses"), toArray(patient.scriptUses));
    return o;
}

}  // namespace cairn::domain
