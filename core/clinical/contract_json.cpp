#include "core/clinical/contract_json.h"

#include "core/clinical/refill.h"
#include "core/domain/patient_json.h"
#include "core/domain/record_json.h"
#include "core/domain/text.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace cairn::clinical {
namespace {

const QStringList kOneDecimalKeys{QStringLiteral("total_per_day"), QStringLiteral("mme_per_day")};

void writeValue(QByteArray &out, const QJsonValue &value, const QString &key, int depth)
{
    const QByteArray pad(depth * 2, ' ');
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        qsizetype i = 0;
        for (auto it = object.begin(); it != object.end(); ++it, ++i) {
            out += pad + "  " + QJsonDocument(QJsonArray{it.key()}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
                   ": ";
            writeValue(out, it.value(), it.key(), depth + 1);
            out += i + 1 < object.size() ? ",\n" : "\n";
        }
        out += pad + "}";
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += pad + "  ";
            writeValue(out, array.at(i), key, depth + 1);
            out += i + 1 < array.size() ? ",\n" : "\n";
        }
        out += pad + "]";
        return;
    }
    case QJsonValue::Double:
        if (kOneDecimalKeys.contains(key))
            out += QByteArray::number(roundToTenth(value.toDouble()), 'f', 1);
        else
            out += QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        return;
    default:
        out += QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        return;
    }
}

QJsonValue dateOrNull(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

CliOutcome badInput(const Error &error)
{
    return {2, {}, error.line()};
}

struct Loaded {
    const MmeTables *tables = nullptr;
    const Instruments *instruments = nullptr;
    ClinicPolicy policy;
    const MmeTable *table = nullptr;
};

// The shared parts of both commands' input: JSON, dates, the table and the policy.
Result<Loaded> loadCommon(const QJsonObject &root, bool needsTable)
{
    auto tables = MmeTables::shipped();
    if (!tables)
        return tables.error();
    auto instruments = Instruments::shipped();
    if (!instruments)
        return instruments.error();
    auto base = ClinicPolicy::defaults();
    if (!base)
        return base.error();
    Loaded loaded{*tables, *instruments, *base, nullptr};
    const QJsonValue policy = root.value(QStringLiteral("policy"));
    if (!policy.isUndefined() && !policy.isNull()) {
        if (!policy.isObject())
            return Error{QStringLiteral("policy"), QStringLiteral("must be an object of clinic policy settings")};
        auto custom = base->withOverrides(policy.toObject());
        if (!custom)
            return custom.error().within(QStringLiteral("policy"));
        loaded.policy = *custom;
    }
    if (needsTable || root.contains(QStringLiteral("mme_table"))) {
        const QJsonValue id = root.value(QStringLiteral("mme_table"));
        const QString tableId = id.isUndefined() || id.isNull() ? (*tables)->defaultId() : id.toString();
        loaded.table = (*tables)->find(tableId);
        if (!loaded.table)
            return Error{QStringLiteral("mme_table"),
                         QStringLiteral("unknown table \"%1\" (known: %2)")
                             .arg(domain::quotedInput(tableId, 30), (*tables)->tableIds().join(QStringLiteral(", ")))};
    } else {
        loaded.table = (*tables)->find((*tables)->defaultId());
    }
    return loaded;
}

Result<QJsonObject> parseRoot(const QByteArray &input)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(input, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{
            QStringLiteral("input"),
            QStringLiteral("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString())};
    if (!doc.isObject())
        return Error{QStringLiteral("input"), QStringLiteral("must be a JSON object")};
    return doc.object();
}

}  // namespace

QByteArray contractJsonText(const QJsonObject &object)
{
    QByteArray out;
    writeValue(out, object, QString(), 0);
    out += '\n';
    return out;
}

QJsonObject evaluationToJson(const Evaluation &e)
{
    QJsonArray items;
    for (const MmeItem &item : e.mme.items) {
        QJsonObject o{{QStringLiteral("drug"), item.drug},
                      {QStringLiteral("mme_per_day"),
                       item.mmePerDay ? QJsonValue(*item.mmePerDay) : QJsonValue(QJsonValue::Null)}};
        if (!item.note.isEmpty())
            o.insert(QStringLiteral("note"), item.note);
        items.append(o);
    }
    QJsonArray scores;
    for (const ScreeningScore &s : e.scores) {
        QJsonObject o{{QStringLiteral("instrument"), s.instrument},
                      {QStringLiteral("date"), dateOrNull(s.date)},
                      {QStringLiteral("total"), s.total},
                      {QStringLiteral("alerts"), QJsonArray::fromStringList(s.alerts)}};
        if (!s.resultKind.isEmpty())
            o.insert(s.resultKind == QLatin1String("positive") ? QStringLiteral("result") : s.resultKind, s.result);
        scores.append(o);
    }
    QJsonArray gaps;
    for (const CareGap &g : e.gaps) {
        gaps.append(QJsonObject{{QStringLiteral("code"), g.code},
                                {QStringLiteral("status"), toString(g.status)},
                                {QStringLiteral("due"), dateOrNull(g.due)},
                                {QStringLiteral("severity"), toString(g.severity)},
                                {QStringLiteral("role"), g.role},
                                {QStringLiteral("reason"), g.reason},
                                {QStringLiteral("scripts"), QJsonArray::fromStringList(g.scripts)}});
    }
    auto tables = MmeTables::shipped();
    return QJsonObject{
        {QStringLiteral("as_of"), e.asOf.toString(Qt::ISODate)},
        {QStringLiteral("policy_version"), e.policyVersion},
        {QStringLiteral("mme"), QJsonObject{{QStringLiteral("table"), e.mme.table},
                                            {QStringLiteral("total_per_day"), e.mme.totalPerDay},
                                            {QStringLiteral("band"), toString(e.mme.band)},
                                            {QStringLiteral("items"), items},
                                            {QStringLiteral("caution"), tables ? (*tables)->caution() : QString()}}},
        {QStringLiteral("risk_tier"), domain::toString(e.tier)},
        {QStringLiteral("scores"), scores},
        {QStringLiteral("gaps"), gaps},
    };
}

CliOutcome evaluateJson(const QByteArray &input, const ScriptsForGap &scriptsForGap)
{
    auto root = parseRoot(input);
    if (!root)
        return badInput(root.error());
    auto asOf = domain::parseIsoDate(root->value(QStringLiteral("as_of")), QStringLiteral("as_of"));
    if (!asOf)
        return badInput(asOf.error());
    auto loaded = loadCommon(*root, true);
    if (!loaded)
        return badInput(loaded.error());
    auto patient = domain::patientFromJson(root->value(QStringLiteral("patient")));
    if (!patient)
        return badInput(patient.error().within(QStringLiteral("patient")));
    const RulesContext context{loaded->policy, *loaded->table, *loaded->instruments, scriptsForGap};
    auto evaluation = evaluate(*patient, *asOf, context);
    if (!evaluation)
        return badInput(evaluation.error().within(QStringLiteral("patient")));
    return {0, contractJsonText(evaluationToJson(*evaluation)), {}};
}

CliOutcome refillCheckJson(const QByteArray &input, const ScriptsForGap &scriptsForGap)
{
    auto root = parseRoot(input);
    if (!root)
        return badInput(root.error());
    RefillRequest request;
    const QJsonObject &o = *root;
    auto asOf = domain::json::date(o, QStringLiteral("as_of"), true);
    auto fillDate = domain::json::date(o, QStringLiteral("requested_fill_date"), true);
    auto supply = domain::json::integer(o, QStringLiteral("days_supply"), true);
    for (const Error *e :
         {asOf ? nullptr : &asOf.error(), fillDate ? nullptr : &fillDate.error(), supply ? nullptr : &supply.error()}) {
        if (e)
            return badInput(*e);
    }
    if (*supply < 1 || *supply > 365)
        return badInput({QStringLiteral("days_supply"), QStringLiteral("must be from 1 to 365 days")});
    if (!o.value(QStringLiteral("last_fill")).isObject())
        return badInput({QStringLiteral("last_fill"),
                         QStringLiteral("is required: {\"date\": \"YYYY-MM-DD\", \"days_supply\": N}")});
    const QJsonObject lastFill = o.value(QStringLiteral("last_fill")).toObject();
    auto lastDate = domain::json::date(lastFill, QStringLiteral("date"), true);
    auto lastSupply = domain::json::integer(lastFill, QStringLiteral("days_supply"), true);
    if (!lastDate)
        return badInput(lastDate.error().within(QStringLiteral("last_fill")));
    if (!lastSupply || *lastSupply < 1 || *lastSupply > 365)
        return badInput({QStringLiteral("last_fill.days_supply"), QStringLiteral("must be from 1 to 365 days")});
    const QString reason = o.value(QStringLiteral("reason")).toString(QStringLiteral("routine"));
    if (reason == QLatin1String("routine"))
        request.reason = RefillReason::Routine;
    else if (reason == QLatin1String("early"))
        request.reason = RefillReason::Early;
    else if (reason == QLatin1String("lost_or_stolen"))
        request.reason = RefillReason::LostOrStolen;
    else
        return badInput({QStringLiteral("reason"), QStringLiteral("must be routine, early or lost_or_stolen")});
    auto police = domain::json::boolean(o, QStringLiteral("police_report"), false);
    if (!police)
        return badInput(police.error());
    // The front desk's answers for a patient new to the clinic (policy new_patient); a patient
    // record with opioid_prescriber_since decides newness itself.
    auto newPatient = domain::json::boolean(o, QStringLiteral("new_patient"), false);
    if (!newPatient)
        return badInput(newPatient.error());
    auto priorRecords = domain::json::boolean(o, QStringLiteral("prior_records_received"), false);
    if (!priorRecords)
        return badInput(priorRecords.error());
    request.asOf = *asOf;
    request.requestedFillDate = *fillDate;
    request.daysSupply = *supply;
    request.lastFillDate = *lastDate;
    request.lastFillDaysSupply = *lastSupply;
    request.policeReport = *police;
    request.newPatient = *newPatient;
    request.priorRecordsReceived = *priorRecords;

    auto loaded = loadCommon(o, false);
    if (!loaded)
        return badInput(loaded.error());
    std::optional<domain::Patient> patient;
    const QJsonValue patientJson = o.value(QStringLiteral("patient"));
    if (!patientJson.isUndefined() && !patientJson.isNull()) {
        auto parsed = domain::patientFromJson(patientJson);
        if (!parsed)
            return badInput(parsed.error().within(QStringLiteral("patient")));
        patient = *parsed;
    }
    const RulesContext context{loaded->policy, *loaded->table, *loaded->instruments, scriptsForGap};
    auto advice = checkRefill(request, patient, context);
    if (!advice)
        return badInput(advice.error());
    const QJsonObject out{{QStringLiteral("decision"), advice->decision},
                          {QStringLiteral("reasons"), QJsonArray::fromStringList(advice->reasons)},
                          {QStringLiteral("policy_version"), loaded->policy.version}};
    return {0, contractJsonText(out), {}};
}

}  // namespace cairn::clinical
