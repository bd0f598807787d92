#include "core/registry/patient_records.h"

#include <algorithm>
#include <span>
#include <vector>

namespace cairn::registry {
namespace {

void copyMeta(const domain::RecordMeta &meta, domain::RecordEnvelope &envelope)
{
    envelope.id = meta.id.toString(QUuid::WithoutBraces);
    envelope.author = meta.author;
    envelope.device = meta.device;
    envelope.stamp = meta.stamp;
    envelope.supersedes = meta.supersedes.isNull() ? QString() : meta.supersedes.toString(QUuid::WithoutBraces);
}

domain::RecordMeta metaOf(const domain::RecordEnvelope &envelope)
{
    domain::RecordMeta meta;
    meta.id = QUuid::fromString(envelope.id);
    meta.author = envelope.author;
    meta.device = envelope.device;
    meta.stamp = envelope.stamp;
    meta.supersedes = QUuid::fromString(envelope.supersedes);
    return meta;
}

}  // namespace

domain::RecordEnvelope toEnvelope(const QString &patientId, const domain::AnyRecord &record)
{
    domain::RecordEnvelope envelope;
    copyMeta(std::visit([](const auto &r) -> const domain::RecordMeta & { return r.meta; }, record), envelope);
    envelope.patientId = patientId;
    envelope.kind = domain::recordKind(record);
    envelope.date = domain::recordDate(record).toString(Qt::ISODate);
    envelope.payload = domain::recordToJson(record);
    return envelope;
}

domain::RecordEnvelope demographicsEnvelope(const domain::Patient &patient)
{
    domain::RecordEnvelope envelope;
    copyMeta(patient.meta, envelope);
    envelope.patientId = patient.id;
    envelope.kind = QStringLiteral("patient");
    envelope.date = patient.ltotStart.toString(Qt::ISODate);
    envelope.payload = domain::demographicsToJson(patient);
    return envelope;
}

QList<domain::RecordEnvelope> envelopesOf(domain::Patient patient, const Stamper &stamp)
{
    QList<domain::RecordEnvelope> envelopes;
    auto ensure = [&stamp](domain::RecordMeta &meta) {
        if (meta.id.isNull())
            stamp(meta);
    };
    ensure(patient.meta);
    if (patient.id.isEmpty())
        patient.id = patient.meta.id.toString(QUuid::WithoutBraces);
    envelopes.append(demographicsEnvelope(patient));
    auto addAll = [&](auto &list) {
        for (auto &record : list) {
            ensure(record.meta);
            envelopes.append(toEnvelope(patient.id, domain::AnyRecord(record)));
        }
    };
    addAll(patient.opioids);
    addAll(patient.benzodiazepines);
    addAll(patient.agreements);
    addAll(patient.pdmpChecks);
    addAll(patient.naloxone);
    addAll(patient.uds);
    addAll(patient.visits);
    addAll(patient.peg);
    addAll(patient.screenings);
    addAll(patient.referrals);
    addAll(patient.goals);
    addAll(patient.scriptUses);
    return envelopes;
}

Result<domain::Patient> assemblePatient(const domain::RecordEnvelope *begin, const domain::RecordEnvelope *end)
{
    const domain::RecordEnvelope *demographics = nullptr;
    for (const auto &envelope : std::span(begin, end)) {
        if (envelope.kind == QLatin1String("patient") && (!demographics || demographics->stamp < envelope.stamp))
            demographics = &envelope;
    }
    if (!demographics)
        return Error{QStringLiteral("patient"), QStringLiteral("the patient's demographics are missing")};
    auto patient = domain::demographicsFromJson(demographics->payload);
    if (!patient)
        return patient.error().within(QStringLiteral("patient"));
    patient->id = demographics->patientId;
    patient->meta = metaOf(*demographics);
    // Records in the order of what they are about, then their clock: the same on every device,
    // whatever order sync delivered them in.
    std::vector<const domain::RecordEnvelope *> ordered;
    ordered.reserve(static_cast<std::size_t>(end - begin));
    for (const auto &envelope : std::span(begin, end))
        ordered.push_back(&envelope);
    std::stable_sort(ordered.begin(), ordered.end(), [](const domain::RecordEnvelope *a, const domain::RecordEnvelope *b) {
        if (a->date != b->date)
            return a->date < b->date;
        return a->stamp < b->stamp;
    });
    for (const domain::RecordEnvelope *entry : ordered) {
        const domain::RecordEnvelope &envelope = *entry;
        if (envelope.kind == QLatin1String("patient") || !domain::knownRecordKindForPatient(envelope.kind))
            continue;
        auto record = domain::recordFromJson(envelope.kind, envelope.payload);
        if (!record)
            return record.error().within(envelope.kind);
        domain::recordMeta(*record) = metaOf(envelope);
        domain::addToPatient(*patient, std::move(record).value());
    }
    return patient;
}

Result<QList<domain::Patient>> assemblePatients(const QList<domain::RecordEnvelope> &currentByPatient)
{
    QList<domain::Patient> patients;
    qsizetype begin = 0;
    while (begin < currentByPatient.size()) {
        qsizetype end = begin;
        const QString &id = currentByPatient.at(begin).patientId;
        while (end < currentByPatient.size() && currentByPatient.at(end).patientId == id)
            ++end;
        if (id != domain::kClinicScope) {
            auto patient = assemblePatient(currentByPatient.constData() + begin, currentByPatient.constData() + end);
            if (!patient)
                return patient.error();
            patients.append(std::move(patient).value());
        }
        begin = end;
    }
    return patients;
}

}  // namespace cairn::registry
