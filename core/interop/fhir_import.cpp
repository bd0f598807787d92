#include "core/interop/fhir_import.h"

#include "core/clinical/case_conference.h"
#include "core/clinical/instrument_definition.h"
#include "core/clinical/mme.h"
#include "core/clinical/oud.h"
#include "core/domain/text.h"
#include "core/domain/validation.h"
#include "core/interop/fhir_codes.h"
#include "core/interop/fhir_export.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTime>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

namespace cairn::interop {

// The importer's messages, in the catalogue under "cairn::interop::FhirImport": a refused file is
// explained in the language of the screen that read it (cairnctl installs no translator: English).
// Field names (FHIR paths) are never translated.
struct FhirImport {
    Q_DECLARE_TR_FUNCTIONS(cairn::interop::FhirImport)
};

namespace {

using domain::quotedInput;

struct Resource {
    QString label;  // "entry[3] (MedicationRequest/abc)": how errors name it
    QString type;
    QString id;
    QString fullUrl;
    QJsonObject json;
};

Error at(const Resource &r, const QString &field, const QString &message)
{
    return Error{field, message}.within(r.label);
}

Result<QList<Resource>> splitFile(const FhirFile &file)
{
    const QString prefix = file.name.isEmpty() ? QString() : file.name + QLatin1Char(' ');
    QList<Resource> resources;
    auto add = [&](const QString &where, const QJsonValue &value, const QString &fullUrl) -> Status {
        if (!value.isObject())
            return Error{where, FhirImport::tr("must be a FHIR resource (a JSON object)")};
        const QJsonObject o = value.toObject();
        Resource r{{},
                   o.value(QStringLiteral("resourceType")).toString(),
                   o.value(QStringLiteral("id")).toString(),
                   fullUrl,
                   o};
        if (r.type.isEmpty())
            return Error{where + QStringLiteral(".resourceType"), FhirImport::tr("is required")};
        r.label = QStringLiteral("%1 (%2/%3)").arg(where, quotedInput(r.type, 40), quotedInput(r.id, 64));
        resources.append(r);
        return ok();
    };
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.bytes, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject root = doc.object();
        if (root.value(QStringLiteral("resourceType")).toString() != QLatin1String("Bundle")) {
            if (auto s = add(prefix + QStringLiteral("resource"), root, {}); !s)
                return s.error();
            return resources;
        }
        const QJsonArray entries = root.value(QStringLiteral("entry")).toArray();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QJsonObject entry = entries.at(i).toObject();
            if (auto s = add(prefix + QStringLiteral("entry[%1]").arg(i), entry.value(QStringLiteral("resource")),
                             entry.value(QStringLiteral("fullUrl")).toString());
                !s)
                return s.error();
        }
        return resources;
    }
    // NDJSON: one resource a line (FHIR Bulk Data); blank lines are allowed.
    const QList<QByteArray> lines = file.bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const QString where = prefix + QStringLiteral("line %1").arg(i + 1);
        const QJsonDocument lineDoc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return Error{
                where,
                FhirImport::tr("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString())};
        if (auto s = add(where, lineDoc.object(), {}); !s)
            return s.error();
    }
    // One file of an export may be empty (a clinic without observations); a file on its own may not.
    if (resources.isEmpty() && file.name.isEmpty())
        return Error{QStringLiteral("input"),
                     FhirImport::tr("holds no FHIR resource (a Bundle, a resource or NDJSON)")};
    return resources;
}

// A FHIR date or dateTime → its day; partial dates ("2020-06") are refused, never rounded.
Result<QDate> dayOf(const QJsonValue &value, const QString &field, bool required)
{
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return Error{field, FhirImport::tr("is required")};
        return QDate();
    }
    const QString text = value.toString();
    const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
    if (text.size() < 10 || !date.isValid())
        return Error{field, FhirImport::tr("must be a full date (YYYY-MM-DD), not \"%1\"").arg(quotedInput(text, 30))};
    return date;
}

// The code of the first coding in `system`, empty when none.
QString codeIn(const QJsonObject &codeable, QLatin1StringView system)
{
    for (const QJsonValue &coding : codeable.value(QStringLiteral("coding")).toArray())
        if (coding.toObject().value(QStringLiteral("system")).toString() == system)
            return coding.toObject().value(QStringLiteral("code")).toString();
    return {};
}

QJsonValue extension(const QJsonObject &o, QLatin1StringView url, const QString &valueKey)
{
    for (const QJsonValue &e : o.value(QStringLiteral("extension")).toArray())
        if (e.toObject().value(QStringLiteral("url")).toString() == url)
            return e.toObject().value(valueKey);
    return {};
}

// An inactive patient (active false) comes in inactive, with the reason and the day they left as
// Cairn exports them, or deceasedDateTime; never with a reason or date made up.
Status readInactive(const Resource &r, domain::Patient &p)
{
    const QJsonObject &o = r.json;
    const bool inactive = o.contains(QStringLiteral("active")) && !o.value(QStringLiteral("active")).toBool(true);
    const QJsonValue reasonCode = extension(o, fhir::kExtInactiveReason, QStringLiteral("valueCode"));
    const QJsonValue dateValue = extension(o, fhir::kExtInactiveDate, QStringLiteral("valueDate"));
    const QJsonValue deceased = o.value(QStringLiteral("deceasedDateTime"));
    const auto given = [](const QJsonValue &v) { return !v.isNull() && !v.isUndefined(); };
    if (!inactive) {
        if (given(reasonCode) || given(dateValue))
            return at(r, QStringLiteral("extension(inactive-reason)"),
                      FhirImport::tr("is given for a patient who is active"));
        if (given(deceased) || o.value(QStringLiteral("deceasedBoolean")).toBool(false))
            return at(r, QStringLiteral("active"), FhirImport::tr("must be false for a deceased patient"));
        return ok();
    }
    domain::InactiveReason reason{};
    if (given(reasonCode)) {
        if (!domain::parse(reasonCode.toString(), &reason))
            return at(r, QStringLiteral("extension(inactive-reason)"),
                      FhirImport::tr("must be moved, deceased, discharged, tapered_off or transferred"));
    } else if (given(deceased)) {
        reason = domain::InactiveReason::Deceased;
    } else {
        return at(r, QStringLiteral("active"),
                  FhirImport::tr("an inactive patient needs the reason they left (extension inactive-reason) "
                                 "or deceasedDateTime"));
    }
    const bool fromDeceased = !given(dateValue) && reason == domain::InactiveReason::Deceased;
    auto date =
        dayOf(fromDeceased ? deceased : dateValue,
              fromDeceased ? QStringLiteral("deceasedDateTime") : QStringLiteral("extension(inactive-date)"), true);
    if (!date)
        return date.error().within(r.label);
    p.status = domain::PatientStatus::Inactive;
    p.inactiveReason = reason;
    p.inactiveDate = *date;
    return ok();
}

Result<domain::Patient> readPatient(const Resource &r)
{
    domain::Patient p;
    const QJsonObject &o = r.json;
    const QJsonArray names = o.value(QStringLiteral("name")).toArray();
    if (!names.isEmpty()) {
        const QJsonObject name = names.first().toObject();
        p.name = name.value(QStringLiteral("text")).toString().trimmed();
        if (p.name.isEmpty()) {
            QStringList parts;
            for (const QJsonValue &given : name.value(QStringLiteral("given")).toArray())
                parts.append(given.toString());
            parts.append(name.value(QStringLiteral("family")).toString());
            p.name = parts.join(QLatin1Char(' ')).simplified();
        }
    }
    if (p.name.isEmpty())
        return at(r, QStringLiteral("name[0]"), FhirImport::tr("a patient needs a name (text, or given and family)"));
    // The chart number: the medical record number (identifier type MR), else the resource id.
    for (const QJsonValue &value : o.value(QStringLiteral("identifier")).toArray()) {
        const QJsonObject identifier = value.toObject();
        if (codeIn(identifier.value(QStringLiteral("type")).toObject(), fhir::kIdentifierType) == QLatin1String("MR"))
            p.clinicId = identifier.value(QStringLiteral("value")).toString().trimmed();
    }
    if (p.clinicId.isEmpty())
        p.clinicId = r.id;
    if (p.clinicId.isEmpty())
        return at(r, QStringLiteral("identifier"), FhirImport::tr("needs a medical record number (type MR) or an id"));
    auto birth = dayOf(o.value(QStringLiteral("birthDate")), QStringLiteral("birthDate"), false);
    if (!birth)
        return birth.error().within(r.label);
    p.birthDate = *birth;
    if (auto s = readInactive(r, p); !s)
        return s.error();
    const QString gender = o.value(QStringLiteral("gender")).toString();
    p.sex = gender == QLatin1String("female") ? domain::Sex::Female
            : gender == QLatin1String("male") ? domain::Sex::Male
                                              : domain::Sex::Unknown;
    for (const QJsonValue &value : o.value(QStringLiteral("telecom")).toArray())
        if (value.toObject().value(QStringLiteral("system")).toString() == QLatin1String("phone") && p.phone.isEmpty())
            p.phone = value.toObject().value(QStringLiteral("value")).toString();
    const QJsonArray communication = o.value(QStringLiteral("communication")).toArray();
    if (!communication.isEmpty()) {
        const QJsonObject language = communication.first().toObject().value(QStringLiteral("language")).toObject();
        QString code = language.value(QStringLiteral("coding"))
                           .toArray()
                           .first()
                           .toObject()
                           .value(QStringLiteral("code"))
                           .toString();
        code = code.section(QLatin1Char('-'), 0, 0).toLower();
        if (code != QLatin1String("en") && code != QLatin1String("es"))
            return at(r, QStringLiteral("communication[0].language"),
                      FhirImport::tr("Cairn speaks en and es, not \"%1\"").arg(quotedInput(code, 12)));
        p.language = code;
    }
    const QJsonArray practitioners = o.value(QStringLiteral("generalPractitioner")).toArray();
    if (!practitioners.isEmpty())
        p.prescriber = practitioners.first().toObject().value(QStringLiteral("display")).toString();
    auto ltot = dayOf(extension(o, fhir::kExtLtotStart, QStringLiteral("valueDate")),
                      QStringLiteral("extension(ltot-start)"), false);
    if (!ltot)
        return ltot.error().within(r.label);
    p.ltotStart = *ltot;
    auto prescriberSince = dayOf(extension(o, fhir::kExtOpioidPrescriberSince, QStringLiteral("valueDate")),
                                 QStringLiteral("extension(opioid-prescriber-since)"), false);
    if (!prescriberSince)
        return prescriberSince.error().within(r.label);
    p.opioidPrescriberSince = *prescriberSince;
    const QJsonValue tier = extension(o, fhir::kExtRiskTier, QStringLiteral("valueCode"));
    if (!tier.isUndefined() && !tier.isNull()) {
        domain::RiskTier value{};
        if (!domain::parse(tier.toString(), &value))
            return at(r, QStringLiteral("extension(risk-tier)"), FhirImport::tr("must be low, moderate or high"));
        p.riskTier = value;
        p.riskTierReason = extension(o, fhir::kExtRiskTierReason, QStringLiteral("valueString")).toString();
    }
    const QJsonValue taper = extension(o, fhir::kExtTaperStatus, QStringLiteral("valueCode"));
    if (!taper.isUndefined() && !taper.isNull() && !domain::parse(taper.toString(), &p.taperStatus))
        return at(r, QStringLiteral("extension(taper-status)"),
                  FhirImport::tr("must be none, planned, in_progress, paused or completed"));
    if (auto s = domain::validateForRegistry(p); !s)
        return s.error().within(r.label);
    return p;
}

// A dose or a maximum as a number of the product's units (tablets, mL, patches).
Result<double> unitsOf(const QJsonObject &quantity, const RxProduct &product, double strengthMg, const QString &field)
{
    const double value = quantity.value(QStringLiteral("value")).toDouble(-1);
    if (!(value > 0))
        return Error{field + QStringLiteral(".value"), FhirImport::tr("must be a positive number")};
    QString unit = quantity.value(QStringLiteral("code")).toString();
    if (unit.isEmpty())
        unit = quantity.value(QStringLiteral("unit")).toString();
    unit = unit.toLower().remove(QLatin1Char('{')).remove(QLatin1Char('}')).trimmed();
    if (unit.endsWith(QLatin1Char('s')))
        unit.chop(1);
    const QString form = product.doseForm.toLower();
    const bool liquid = product.ingredients.first().unit == QLatin1String("MG/ML");
    if (unit == QLatin1String("mg") && strengthMg > 0)
        return value / strengthMg;
    if (liquid && unit == QLatin1String("ml"))
        return value;
    // A dose-form unit: the last word of the dose form ("Oral Tablet" → tablet); patches for systems.
    QString formUnit = form.section(QLatin1Char(' '), -1);
    if (formUnit == QLatin1String("system"))
        formUnit = QStringLiteral("patch");
    if (unit == formUnit || (unit == QLatin1String("tbl") && formUnit == QLatin1String("tablet")) ||
        (unit == QLatin1String("tab") && formUnit == QLatin1String("tablet")) ||
        (unit == QLatin1String("cap") && formUnit == QLatin1String("capsule")))
        return value;
    return Error{field + QStringLiteral(".unit"),
                 FhirImport::tr("\"%1\" is not a dose unit for %2 (use mg%3 or %4)")
                     .arg(quotedInput(unit, 20), product.name, liquid ? QStringLiteral(", mL") : QString(), formUnit)};
}

// Hours in a FHIR Timing period unit; none for units of varying length (mo, a) or none at all.
std::optional<double> hoursPer(const QString &unit)
{
    if (unit == QLatin1String("h"))
        return 1;
    if (unit == QLatin1String("d"))
        return 24;
    if (unit == QLatin1String("wk"))
        return 24 * 7;
    return std::nullopt;
}

// Doses a day of a timing abbreviation (timing.code): the fixed schedules only. "MO" (monthly) has
// no fixed length, like repeat's periodUnit mo.
Result<double> dosesPerDayOfCode(const QJsonObject &code, const QString &field)
{
    static const QHash<QString, double> kDosesPerDay{
        {QStringLiteral("QD"), 1},  {QStringLiteral("AM"), 1},    {QStringLiteral("PM"), 1},
        {QStringLiteral("BED"), 1}, {QStringLiteral("BID"), 2},   {QStringLiteral("TID"), 3},
        {QStringLiteral("QID"), 4}, {QStringLiteral("Q1H"), 24},  {QStringLiteral("Q2H"), 12},
        {QStringLiteral("Q3H"), 8}, {QStringLiteral("Q4H"), 6},   {QStringLiteral("Q6H"), 4},
        {QStringLiteral("Q8H"), 3}, {QStringLiteral("QOD"), 0.5}, {QStringLiteral("WK"), 1.0 / 7}};
    const QString abbreviation = codeIn(code, fhir::kTimingAbbreviation);
    if (abbreviation.isEmpty())
        return Error{field, FhirImport::tr("needs a coding from %1 (BID, TID, ...), or give timing.repeat")
                                .arg(QString(fhir::kTimingAbbreviation))};
    const auto found = kDosesPerDay.constFind(abbreviation);
    if (found == kDosesPerDay.constEnd())
        return Error{field, FhirImport::tr("\"%1\" is not a fixed schedule Cairn reads: give timing.repeat")
                                .arg(quotedInput(abbreviation, 10))};
    return std::round(*found * 1e6) / 1e6;
}

Result<double> dosesPerDayOfRepeat(const QJsonObject &repeat, const QString &field);

// Doses a day of a dosage instruction's timing: an abbreviation (BID), or its repeat; when both are
// given they must agree.
Result<double> dosesPerDay(const QJsonObject &timing, const QString &field)
{
    const bool coded = timing.contains(QStringLiteral("code"));
    if (!coded || timing.contains(QStringLiteral("repeat"))) {
        auto repeated = dosesPerDayOfRepeat(timing.value(QStringLiteral("repeat")).toObject(), field);
        if (!repeated || !coded)
            return repeated;
        auto byCode =
            dosesPerDayOfCode(timing.value(QStringLiteral("code")).toObject(), field + QStringLiteral(".code"));
        if (byCode && *byCode != *repeated)
            return Error{field + QStringLiteral(".code"),
                         FhirImport::tr("gives %1 doses a day but timing.repeat gives %2").arg(*byCode).arg(*repeated)};
        return byCode;
    }
    return dosesPerDayOfCode(timing.value(QStringLiteral("code")).toObject(), field + QStringLiteral(".code"));
}

// Doses a day of timing.repeat: timeOfDay (that many a day) or frequency per period.
Result<double> dosesPerDayOfRepeat(const QJsonObject &repeat, const QString &field)
{
    if (repeat.isEmpty())
        return Error{field + QStringLiteral(".repeat"),
                     FhirImport::tr("is required (frequency and period, or timeOfDay), or a timing.code")};
    for (const char *unsupported : {"frequencyMax", "periodMax", "dayOfWeek", "when", "count", "duration"})
        if (repeat.contains(QLatin1String(unsupported)))
            return Error{field + QStringLiteral(".repeat.") + QLatin1String(unsupported),
                         FhirImport::tr("is not supported: give a fixed frequency and period, or timeOfDay")};
    const QJsonArray times = repeat.value(QStringLiteral("timeOfDay")).toArray();
    const double frequency = repeat.value(QStringLiteral("frequency")).toDouble(1);
    if (!times.isEmpty()) {
        const bool daily = !repeat.contains(QStringLiteral("period")) ||
                           (repeat.value(QStringLiteral("period")).toDouble() == 1 &&
                            repeat.value(QStringLiteral("periodUnit")).toString() == QLatin1String("d"));
        if (!daily || frequency != 1)
            return Error{field + QStringLiteral(".repeat.timeOfDay"),
                         FhirImport::tr("timeOfDay is read as once a day at each time: no other period or frequency")};
        return static_cast<double>(times.size());
    }
    const double period = repeat.value(QStringLiteral("period")).toDouble(-1);
    const auto hours = hoursPer(repeat.value(QStringLiteral("periodUnit")).toString());
    if (!(period > 0))
        return Error{field + QStringLiteral(".repeat.period"), FhirImport::tr("must be a positive number")};
    if (!hours)
        return Error{field + QStringLiteral(".repeat.periodUnit"), FhirImport::tr("must be h, d or wk")};
    if (!(frequency >= 1) || frequency != std::floor(frequency))
        return Error{field + QStringLiteral(".repeat.frequency"),
                     FhirImport::tr("must be a whole number of at least 1")};
    return std::round(frequency * 24.0 / (period * *hours) * 1e6) / 1e6;
}

// The reference a resource gives for its patient.
QString subjectOf(const QJsonObject &o)
{
    return o.value(QStringLiteral("subject")).toObject().value(QStringLiteral("reference")).toString();
}

struct Period {
    QDate start;
    QDate end;
};

Result<Period> validityOf(const Resource &r)
{
    const QJsonObject period =
        r.json.value(QStringLiteral("dispenseRequest")).toObject().value(QStringLiteral("validityPeriod")).toObject();
    auto start =
        dayOf(period.value(QStringLiteral("start")), QStringLiteral("dispenseRequest.validityPeriod.start"), true);
    if (!start)
        return start.error().within(r.label);
    auto end = dayOf(period.value(QStringLiteral("end")), QStringLiteral("dispenseRequest.validityPeriod.end"), false);
    if (!end)
        return end.error().within(r.label);
    const QString status = r.json.value(QStringLiteral("status")).toString();
    if (!end->isValid() && status != QLatin1String("active"))
        return at(r, QStringLiteral("dispenseRequest.validityPeriod.end"),
                  FhirImport::tr("a %1 request needs the day it ended").arg(quotedInput(status, 20)));
    return Period{*start, *end};
}

struct ReadRequest {
    std::optional<OpioidRequest> opioid;
    std::optional<domain::BenzodiazepineEntry> sedative;
};

Result<ReadRequest> readMedicationRequest(const Resource &r, const RxNormTable &rxnorm)
{
    const QJsonObject &o = r.json;
    const QJsonObject medication = o.value(QStringLiteral("medicationCodeableConcept")).toObject();
    if (medication.isEmpty())
        return at(r, QStringLiteral("medicationCodeableConcept"),
                  FhirImport::tr("is required (a Medication reference is not read)"));
    const QString rxcui = codeIn(medication, fhir::kRxNorm);
    if (rxcui.isEmpty())
        return at(r, QStringLiteral("medicationCodeableConcept.coding"), FhirImport::tr("needs an RxNorm code"));
    auto period = validityOf(r);
    if (!period)
        return period.error();
    ReadRequest read;
    if (const RxSedative *sedative = rxnorm.sedative(rxcui)) {
        domain::BenzodiazepineEntry entry;
        entry.drug = sedative->drug;
        entry.kind = sedative->kind;
        entry.start = period->start;
        entry.end = period->end;
        if (auto s = domain::validate(entry); !s)
            return s.error().within(r.label);
        read.sedative = entry;
        return read;
    }
    const RxProduct *product = rxnorm.opioidProduct(rxcui);
    // An ingredient code (as Cairn exports an entry it knows by drug and mg only) is read with a dose in mg.
    RxProduct ingredientOnly;
    if (!product) {
        const QString drug = rxnorm.ingredientDrug(rxcui);
        if (drug.isEmpty() || drug == QLatin1String("fentanyl"))
            return at(r, QStringLiteral("medicationCodeableConcept.coding"),
                      FhirImport::tr("RxNorm code %1 is not an opioid product or sedative Cairn knows")
                          .arg(quotedInput(rxcui, 20)));
        ingredientOnly =
            RxProduct{rxcui, drug, QStringLiteral("mg"), {RxIngredient{rxcui, drug, 1, QStringLiteral("MG")}}};
        product = &ingredientOnly;
    }
    const QString unit = product->ingredients.first().unit;
    const bool patch = product->doseForm == QLatin1String("Transdermal System") && unit == QLatin1String("MG/HR");
    if (!patch && unit != QLatin1String("MG") && unit != QLatin1String("MG/ML"))
        return at(r, QStringLiteral("medicationCodeableConcept.coding"),
                  FhirImport::tr("%1: the dose form %2 is not one the registry records")
                      .arg(product->name, product->doseForm));
    if (patch && product->ingredients.first().drug != QLatin1String("fentanyl"))
        return at(r, QStringLiteral("medicationCodeableConcept.coding"),
                  FhirImport::tr("%1: only fentanyl patches are recorded").arg(product->name));
    if (!patch && product->ingredients.first().drug == QLatin1String("fentanyl"))
        return at(r, QStringLiteral("medicationCodeableConcept.coding"),
                  FhirImport::tr("%1: fentanyl is recorded as a transdermal patch only").arg(product->name));
    // One opioid ingredient per product in the table; salts of one ingredient add up (oxycodone HCl + terephthalate).
    double strength = 0;
    for (const RxIngredient &i : product->ingredients) {
        if (i.drug != product->ingredients.first().drug)
            return at(r, QStringLiteral("medicationCodeableConcept.coding"),
                      FhirImport::tr("%1 holds two opioids; record each on its own").arg(product->name));
        strength += i.strength;
    }
    const QJsonArray dosages = o.value(QStringLiteral("dosageInstruction")).toArray();
    if (dosages.size() != 1)
        return at(r, QStringLiteral("dosageInstruction"), FhirImport::tr("exactly one dosage instruction is read"));
    const QString d = QStringLiteral("dosageInstruction[0]");
    const QJsonObject dosage = dosages.first().toObject();
    const QJsonArray doseAndRate = dosage.value(QStringLiteral("doseAndRate")).toArray();
    const QJsonObject doseQuantity = doseAndRate.first().toObject().value(QStringLiteral("doseQuantity")).toObject();
    if (doseAndRate.size() != 1 || doseQuantity.isEmpty())
        return at(r, d + QStringLiteral(".doseAndRate[0].doseQuantity"),
                  FhirImport::tr("one dose quantity is required (dose ranges and rates are not read)"));
    const double strengthMg = patch ? 0 : strength;
    auto units = unitsOf(doseQuantity, *product, strengthMg, d + QStringLiteral(".doseAndRate[0].doseQuantity"));
    if (!units)
        return units.error().within(r.label);
    const bool prn = dosage.value(QStringLiteral("asNeededBoolean")).toBool(false) ||
                     dosage.contains(QStringLiteral("asNeededCodeableConcept"));
    double perDay = 0;
    const QJsonObject maximum = dosage.value(QStringLiteral("maxDosePerPeriod")).toObject();
    if (prn && !maximum.isEmpty()) {
        // As needed: the most doses a day the maximum allows.
        const QString m = d + QStringLiteral(".maxDosePerPeriod");
        auto maxUnits = unitsOf(maximum.value(QStringLiteral("numerator")).toObject(), *product, strengthMg,
                                m + QStringLiteral(".numerator"));
        if (!maxUnits)
            return maxUnits.error().within(r.label);
        const QJsonObject denominator = maximum.value(QStringLiteral("denominator")).toObject();
        const double span = denominator.value(QStringLiteral("value")).toDouble(-1);
        QString spanUnit = denominator.value(QStringLiteral("code")).toString();
        if (spanUnit.isEmpty())
            spanUnit = denominator.value(QStringLiteral("unit")).toString();
        const auto hours = hoursPer(spanUnit);
        if (!(span > 0) || !hours)
            return at(r, m + QStringLiteral(".denominator"), FhirImport::tr("must be a positive number of h, d or wk"));
        perDay = std::round(*maxUnits / *units * 24.0 / (span * *hours) * 1e6) / 1e6;
    } else {
        auto timed = dosesPerDay(dosage.value(QStringLiteral("timing")).toObject(), d + QStringLiteral(".timing"));
        if (!timed)
            return timed.error().within(r.label);
        perDay = *timed;
    }
    domain::OpioidEntry entry;
    entry.drug = product->ingredients.first().drug;
    entry.prn = prn;
    entry.start = period->start;
    entry.end = period->end;
    entry.dosesPerDay = perDay;
    if (patch) {
        entry.strengthMcgPerHr = std::round(strength * 1000 * 1000) / 1000;  // MG/HR → mcg/hr
        if (*units != std::floor(*units))
            return at(r, d + QStringLiteral(".doseAndRate[0].doseQuantity.value"),
                      FhirImport::tr("must be whole patches"));
        entry.patches = static_cast<int>(*units);
    } else if (product == &ingredientOnly) {
        // An ingredient dosed in mg names no tablet: one dose of that many mg (the mg a day is what counts).
        entry.strengthMg = *units * strength;
        entry.unitsPerDose = 1;
    } else {
        entry.strengthMg = strength;
        entry.unitsPerDose = *units;
    }
    if (extension(o, fhir::kExtIndication, QStringLiteral("valueCode")).toString() == QLatin1String("oud"))
        entry.indication = domain::OpioidIndication::OpioidUseDisorder;
    if (auto s = domain::validate(entry); !s)
        return s.error().within(r.label);
    read.opioid = OpioidRequest{r.label, subjectOf(o), -1, rxcui, entry};
    return read;
}

// A Cairn extension's text, empty when absent.
QString extensionText(const QJsonObject &o, QLatin1StringView url, const QString &valueKey)
{
    return extension(o, url, valueKey).toString();
}

bool hasCoding(const QJsonArray &codeables, QLatin1StringView system, QLatin1StringView code)
{
    for (const QJsonValue &c : codeables)
        if (codeIn(c.toObject(), system) == code)
            return true;
    return false;
}

// The opioid treatment agreement: a Consent with scope treatment, LOINC category 59284-0 and Cairn's
// agreement policy; active and permit is signed, rejected and deny is declined. Other consents are
// refused rather than read as an agreement.
// The code in `system` of the resource's valueCodeableConcept (empty when it has none).
QString codedValue(const Resource &r, QLatin1StringView system)
{
    return codeIn(r.json.value(QStringLiteral("valueCodeableConcept")).toObject(), system);
}

// A record read from resource `r`, checked by the domain's own rules; an error names the resource.
template <typename Record> Result<Record> validated(const Resource &r, Record record)
{
    if (auto s = domain::validate(record); !s)
        return s.error().within(r.label);
    return record;
}

Result<domain::Agreement> readConsent(const Resource &r)
{
    const QJsonObject &o = r.json;
    if (codeIn(o.value(QStringLiteral("scope")).toObject(), fhir::kConsentScope) != QLatin1String("treatment"))
        return at(r, QStringLiteral("scope"),
                  FhirImport::tr("must be treatment (%1)").arg(QString(fhir::kConsentScope)));
    if (!hasCoding(o.value(QStringLiteral("category")).toArray(), fhir::kLoinc, fhir::kPatientConsentLoinc))
        return at(r, QStringLiteral("category"),
                  FhirImport::tr("needs LOINC %1 (patient consent)").arg(QString(fhir::kPatientConsentLoinc)));
    bool agreementPolicy = false;
    for (const QJsonValue &policy : o.value(QStringLiteral("policy")).toArray())
        agreementPolicy |= policy.toObject().value(QStringLiteral("uri")).toString() == fhir::kAgreementPolicy;
    if (!agreementPolicy)
        return at(r, QStringLiteral("policy"),
                  FhirImport::tr("only the opioid treatment agreement (policy uri %1) is read")
                      .arg(QString(fhir::kAgreementPolicy)));
    domain::Agreement a;
    const QString status = o.value(QStringLiteral("status")).toString();
    const QString provision = o.value(QStringLiteral("provision")).toObject().value(QStringLiteral("type")).toString();
    if (status == QLatin1String("active"))
        a.status = domain::AgreementStatus::Signed;
    else if (status == QLatin1String("rejected"))
        a.status = domain::AgreementStatus::Declined;
    else
        return at(r, QStringLiteral("status"), FhirImport::tr("must be active (signed) or rejected (declined)"));
    const QString expected =
        a.status == domain::AgreementStatus::Signed ? QStringLiteral("permit") : QStringLiteral("deny");
    if (!provision.isEmpty() && provision != expected)
        return at(r, QStringLiteral("provision.type"),
                  FhirImport::tr("must be %1 for a %2 consent").arg(expected, quotedInput(status, 20)));
    auto date = dayOf(o.value(QStringLiteral("dateTime")), QStringLiteral("dateTime"), true);
    if (!date)
        return date.error().within(r.label);
    a.date = *date;
    a.textVersion = extensionText(o, fhir::kExtAgreementTextVersion, QStringLiteral("valueString"));
    a.language = extensionText(o, fhir::kExtAgreementLanguage, QStringLiteral("valueCode"));
    a.note = extensionText(o, fhir::kExtAgreementNote, QStringLiteral("valueString"));
    a.signature = extensionText(o, fhir::kExtAgreementSignature, QStringLiteral("valueString"));
    return validated(r, std::move(a));
}

// A visit: Encounter planned, finished or cancelled (a no-show with Cairn's flag); class AMB (in
// person) or VR (virtual: Cairn's visit type says telehealth or a nurse's call, never guessed).
Result<domain::Visit> readEncounter(const Resource &r)
{
    const QJsonObject &o = r.json;
    domain::Visit v;
    const QString status = o.value(QStringLiteral("status")).toString();
    const bool noShow = extension(o, fhir::kExtVisitNoShow, QStringLiteral("valueBoolean")).toBool(false);
    if (status == QLatin1String("finished"))
        v.status = domain::VisitStatus::Completed;
    else if (status == QLatin1String("planned"))
        v.status = domain::VisitStatus::Scheduled;
    else if (status == QLatin1String("cancelled"))
        v.status = noShow ? domain::VisitStatus::NoShow : domain::VisitStatus::Cancelled;
    else
        return at(r, QStringLiteral("status"), FhirImport::tr("must be planned, finished or cancelled"));
    if (noShow && status != QLatin1String("cancelled"))
        return at(r, QStringLiteral("extension(visit-no-show)"), FhirImport::tr("is given for a visit not cancelled"));
    const QString encounterClass = o.value(QStringLiteral("class")).toObject().value(QStringLiteral("code")).toString();
    if (o.value(QStringLiteral("class")).toObject().value(QStringLiteral("system")).toString() != fhir::kActCode ||
        (encounterClass != QLatin1String("AMB") && encounterClass != QLatin1String("VR")))
        return at(r, QStringLiteral("class"),
                  FhirImport::tr("must be AMB (in person) or VR (virtual) from %1").arg(QString(fhir::kActCode)));
    QString type;
    for (const QJsonValue &t : o.value(QStringLiteral("type")).toArray())
        if (type.isEmpty())
            type = codeIn(t.toObject(), fhir::kCairnVisitType);
    if (type.isEmpty() && encounterClass == QLatin1String("AMB"))
        type = QStringLiteral("in_person");
    if (!domain::parse(type, &v.type))
        return at(r, QStringLiteral("type"),
                  FhirImport::tr("a virtual visit needs Cairn's visit type (telehealth or nurse_call)"));
    if ((v.type == domain::VisitType::InPerson) != (encounterClass == QLatin1String("AMB")))
        return at(r, QStringLiteral("type"),
                  FhirImport::tr("%1 does not fit the class %2").arg(quotedInput(type, 20), encounterClass));
    auto date = dayOf(o.value(QStringLiteral("period")).toObject().value(QStringLiteral("start")),
                      QStringLiteral("period.start"), true);
    if (!date)
        return date.error().within(r.label);
    v.date = *date;
    const QJsonValue time = extension(o, fhir::kExtVisitTime, QStringLiteral("valueTime"));
    if (!time.isUndefined() && !time.isNull()) {
        const QTime t = QTime::fromString(time.toString(), QStringLiteral("HH:mm:ss"));
        if (!t.isValid() || t.second() != 0)
            return at(r, QStringLiteral("extension(visit-time)"),
                      FhirImport::tr("must be a time of day in whole minutes (HH:mm:00), not \"%1\"")
                          .arg(quotedInput(time.toString(), 20)));
        v.time = t.toString(QStringLiteral("HH:mm"));
    }
    const QJsonArray participants = o.value(QStringLiteral("participant")).toArray();
    if (!participants.isEmpty())
        v.clinician = participants.first()
                          .toObject()
                          .value(QStringLiteral("individual"))
                          .toObject()
                          .value(QStringLiteral("display"))
                          .toString();
    return validated(r, std::move(v));
}

// A referral: a ServiceRequest of SNOMED CT's "Patient referral" category, with the referral's
// course in Cairn's extension (FHIR's status cannot tell sent from scheduled, or seen from closed).
Result<domain::Referral> readServiceRequest(const Resource &r)
{
    const QJsonObject &o = r.json;
    if (!hasCoding(o.value(QStringLiteral("category")).toArray(), fhir::kSnomed, fhir::kReferralCategory))
        return at(r, QStringLiteral("category"),
                  FhirImport::tr("only referrals (SNOMED CT %1, patient referral) are read")
                      .arg(QString(fhir::kReferralCategory)));
    domain::Referral referral;
    const QString course = extensionText(o, fhir::kExtReferralStatus, QStringLiteral("valueCode"));
    if (course.isEmpty())
        return at(r, QStringLiteral("extension(referral-status)"),
                  FhirImport::tr("is required: a referral's course is not guessed from its status"));
    if (!domain::parse(course, &referral.status))
        return at(r, QStringLiteral("extension(referral-status)"),
                  FhirImport::tr("must be drafted, sent, scheduled, seen, closed, declined or no_response"));
    const QString status = o.value(QStringLiteral("status")).toString();
    if (status != fhirServiceRequestStatus(referral.status))
        return at(
            r, QStringLiteral("status"),
            FhirImport::tr("must be %1 for a referral %2").arg(fhirServiceRequestStatus(referral.status), course));
    const QString priority = o.value(QStringLiteral("priority")).toString();
    const QString urgency = extensionText(o, fhir::kExtReferralUrgency, QStringLiteral("valueCode"));
    if (!urgency.isEmpty()) {
        if (urgency != QLatin1String("soon") || !priority.isEmpty())
            return at(r, QStringLiteral("extension(referral-urgency)"),
                      FhirImport::tr("must be soon, with no priority beside it"));
        referral.urgency = domain::ReferralUrgency::Soon;
    } else if (priority == QLatin1String("urgent")) {
        referral.urgency = domain::ReferralUrgency::Urgent;
    } else if (!priority.isEmpty() && priority != QLatin1String("routine")) {
        // FHIR reads a missing priority as routine; asap and stat are not a referral's urgencies.
        return at(r, QStringLiteral("priority"), FhirImport::tr("must be routine or urgent"));
    }
    auto date = dayOf(o.value(QStringLiteral("authoredOn")), QStringLiteral("authoredOn"), true);
    if (!date)
        return date.error().within(r.label);
    referral.date = *date;
    auto statusDate = dayOf(extension(o, fhir::kExtReferralStatusDate, QStringLiteral("valueDate")),
                            QStringLiteral("extension(referral-status-date)"), false);
    if (!statusDate)
        return statusDate.error().within(r.label);
    referral.statusDate = *statusDate;
    referral.type = o.value(QStringLiteral("code")).toObject().value(QStringLiteral("text")).toString();
    referral.to =
        o.value(QStringLiteral("performer")).toArray().first().toObject().value(QStringLiteral("display")).toString();
    referral.question =
        o.value(QStringLiteral("reasonCode")).toArray().first().toObject().value(QStringLiteral("text")).toString();
    referral.resourceId = extensionText(o, fhir::kExtReferralResource, QStringLiteral("valueString"));
    return validated(r, std::move(referral));
}

Result<domain::PdmpCheck> readPdmpCheck(const Resource &r, const QDate &date)
{
    const QJsonObject &o = r.json;
    domain::PdmpCheck check;
    check.date = date;
    const QString result = codedValue(r, fhir::kCairnPdmpResult);
    if (result != QLatin1String("concerning") && result != QLatin1String("not-concerning"))
        return at(r, QStringLiteral("valueCodeableConcept"), FhirImport::tr("must be concerning or not-concerning"));
    check.concerning = result == QLatin1String("concerning");
    check.checkedBy =
        o.value(QStringLiteral("performer")).toArray().first().toObject().value(QStringLiteral("display")).toString();
    check.findings =
        o.value(QStringLiteral("note")).toArray().first().toObject().value(QStringLiteral("text")).toString();
    return validated(r, std::move(check));
}

Result<domain::NaloxoneRecord> readNaloxone(const Resource &r, const QDate &date)
{
    domain::NaloxoneRecord record;
    record.date = date;
    const QString action = codedValue(r, fhir::kCairnNaloxoneAction);
    if (!domain::parse(action, &record.action))
        return at(r, QStringLiteral("valueCodeableConcept"),
                  FhirImport::tr("must be offered, prescribed, declined or dispensed"));
    return validated(r, std::move(record));
}

// The text of the first note (an Annotation): a reason or a note as the user typed it.
QString noteText(const QJsonObject &o)
{
    return o.value(QStringLiteral("note")).toArray().first().toObject().value(QStringLiteral("text")).toString();
}

// A decision's reason, which the registry requires of every decision: its first note.
Result<QString> reasonOf(const Resource &r)
{
    const QString reason = noteText(r.json);
    if (reason.trimmed().isEmpty())
        return at(r, QStringLiteral("note"),
                  FhirImport::tr("is required: the reason for the decision, as the clinician gave it"));
    return reason;
}

// A yes or no answer (valueBoolean) of a resource or a component; `field` names where it is.
Result<bool> booleanOf(const Resource &r, const QJsonObject &o, const QString &field)
{
    const QJsonValue value = o.value(QStringLiteral("valueBoolean"));
    if (!value.isBool())
        return at(r, field, FhirImport::tr("must be true or false"));
    return value.toBool();
}

Result<domain::LtotDecision> readLtotDecision(const Resource &r, const QDate &date)
{
    domain::LtotDecision decision;
    decision.date = date;
    auto longTerm = booleanOf(r, r.json, QStringLiteral("valueBoolean"));
    if (!longTerm)
        return longTerm.error();
    decision.longTerm = *longTerm;
    auto reason = reasonOf(r);
    if (!reason)
        return reason.error();
    decision.reason = *reason;
    return validated(r, std::move(decision));
}

Result<domain::NoReferralDecision> readNoReferral(const Resource &r, const QDate &date)
{
    domain::NoReferralDecision decision;
    decision.date = date;
    const QString trigger = codedValue(r, fhir::kCairnReferralTrigger);
    if (!domain::parse(trigger, &decision.trigger))
        return at(r, QStringLiteral("valueCodeableConcept"),
                  FhirImport::tr("must be high_dose, uds_unexpected, positive_screen, taper_paused or oud_concern"));
    auto reason = reasonOf(r);
    if (!reason)
        return reason.error();
    decision.reason = *reason;
    return validated(r, std::move(decision));
}

// The DSM-5 checklist: every criterion and "as prescribed" answered in a component (none is
// assumed), and a severity given beside them must be the one they give.
Result<domain::OudAssessment> readOudAssessment(const Resource &r, const QDate &date)
{
    domain::OudAssessment assessment;
    assessment.date = date;
    const QJsonArray components = r.json.value(QStringLiteral("component")).toArray();
    for (qsizetype c = 0; c < components.size(); ++c) {
        const QJsonObject component = components.at(c).toObject();
        const QString field = QStringLiteral("component[%1]").arg(c);
        const QJsonObject code = component.value(QStringLiteral("code")).toObject();
        const QString criterion = codeIn(code, fhir::kCairnOudCriterion);
        std::optional<bool> *answer = nullptr;
        if (codeIn(code, fhir::kCairnObservation) == fhir::kOudAsPrescribedCode) {
            answer = &assessment.asPrescribed;
        } else {
            for (std::size_t i = 0; i < domain::kOudCriteria.size(); ++i)
                if (criterion == QLatin1String(domain::kOudCriteria[i]))
                    answer = &assessment.criteria[i];
        }
        if (!answer)
            return at(r, field + QStringLiteral(".code"),
                      FhirImport::tr("must be a DSM-5 criterion in %1, or %2")
                          .arg(QString(fhir::kCairnOudCriterion), QString(fhir::kOudAsPrescribedCode)));
        if (answer->has_value())
            return at(r, field + QStringLiteral(".code"), FhirImport::tr("is answered twice"));
        auto value = booleanOf(r, component, field + QStringLiteral(".valueBoolean"));
        if (!value)
            return value.error();
        *answer = *value;
    }
    for (std::size_t i = 0; i < domain::kOudCriteria.size(); ++i)
        if (!assessment.criteria[i])
            return at(r, QStringLiteral("component"),
                      FhirImport::tr("%1 is not answered: every answer of the checklist is needed")
                          .arg(QLatin1String(domain::kOudCriteria[i])));
    if (!assessment.asPrescribed)
        return at(r, QStringLiteral("component"),
                  FhirImport::tr("%1 is not answered: every answer of the checklist is needed")
                      .arg(QString(fhir::kOudAsPrescribedCode)));
    const QJsonArray interpretation = r.json.value(QStringLiteral("interpretation")).toArray();
    if (!interpretation.isEmpty()) {
        const QString given = codeIn(interpretation.first().toObject(), fhir::kCairnOudSeverity);
        const QString counted = clinical::toString(clinical::oudResult(assessment).severity);
        if (given != counted)
            return at(r, QStringLiteral("interpretation"),
                      FhirImport::tr("says \"%1\" but the answers give %2").arg(quotedInput(given, 20), counted));
    }
    assessment.clinician = r.json.value(QStringLiteral("performer"))
                               .toArray()
                               .first()
                               .toObject()
                               .value(QStringLiteral("display"))
                               .toString();
    if (assessment.clinician.trimmed().isEmpty())
        return at(r, QStringLiteral("performer"),
                  FhirImport::tr("is required: the clinician who went through the checklist (display)"));
    assessment.note = noteText(r.json);
    return validated(r, std::move(assessment));
}

Result<domain::MoudStatus> readMoudStatus(const Resource &r, const QDate &date)
{
    domain::MoudStatus status;
    status.date = date;
    const QString state = codedValue(r, fhir::kCairnMoudState);
    if (!domain::parse(state, &status.state))
        return at(r, QStringLiteral("valueCodeableConcept"),
                  FhirImport::tr("must be offered, accepted, declined, started_in_house, referred or stopped"));
    status.medication = extensionText(r.json, fhir::kExtMoudMedication, QStringLiteral("valueString"));
    status.referredTo = extensionText(r.json, fhir::kExtMoudReferredTo, QStringLiteral("valueString"));
    status.resourceId = extensionText(r.json, fhir::kExtReferralResource, QStringLiteral("valueString"));
    status.note = noteText(r.json);
    return validated(r, std::move(status));
}

// A new patient's intake: its fields as components coded by name; an unknown or repeated one is refused.
Result<domain::Intake> readIntake(const Resource &r, const QDate &date)
{
    domain::Intake intake;
    intake.date = date;
    QSet<QString> seen;
    const QJsonArray components = r.json.value(QStringLiteral("component")).toArray();
    for (qsizetype c = 0; c < components.size(); ++c) {
        const QJsonObject component = components.at(c).toObject();
        const QString field = QStringLiteral("component[%1]").arg(c);
        const QString code = codeIn(component.value(QStringLiteral("code")).toObject(), fhir::kCairnIntakeItem);
        if (seen.contains(code))
            return at(r, field + QStringLiteral(".code"), FhirImport::tr("is given twice"));
        seen.insert(code);
        bool known = false;
        for (const auto &[name, member] : kFhirIntakeTexts) {
            if (code != QLatin1String(name))
                continue;
            known = true;
            const QJsonValue value = component.value(QStringLiteral("valueString"));
            if (!value.isString())
                return at(r, field + QStringLiteral(".valueString"), FhirImport::tr("must be text"));
            intake.*member = value.toString();
        }
        for (const auto &[name, member] : kFhirIntakeDates) {
            if (code != QLatin1String(name))
                continue;
            known = true;
            auto day =
                dayOf(component.value(QStringLiteral("valueDateTime")), field + QStringLiteral(".valueDateTime"), true);
            if (!day)
                return day.error().within(r.label);
            intake.*member = *day;
        }
        if (code == QLatin1String(kFhirIntakeOutcome)) {
            known = true;
            domain::IntakeOutcome outcome{};
            if (!domain::parse(codeIn(component.value(QStringLiteral("valueCodeableConcept")).toObject(),
                                      fhir::kCairnIntakeOutcome),
                               &outcome))
                return at(r, field + QStringLiteral(".valueCodeableConcept"),
                          FhirImport::tr("must be continue, bridge, taper, refer or not_taken_on"));
            intake.outcome = outcome;
        }
        if (!known)
            return at(r, field + QStringLiteral(".code"),
                      FhirImport::tr("must be a field of an intake in %1").arg(QString(fhir::kCairnIntakeItem)));
    }
    return validated(r, std::move(intake));
}

// A task for a role of the team: requested (open) or completed (done), the role as performerType,
// the due date as restriction.period.end; `conference` is set to the reference basedOn gives (the
// case conference it came from), resolved once every resource is read.
Result<domain::Task> readTask(const Resource &r, QString *conference)
{
    const QJsonObject &o = r.json;
    domain::Task task;
    const QString status = o.value(QStringLiteral("status")).toString();
    if (status == fhirTaskStatus(domain::TaskStatus::Open))
        task.status = domain::TaskStatus::Open;
    else if (status == fhirTaskStatus(domain::TaskStatus::Done))
        task.status = domain::TaskStatus::Done;
    else
        return at(r, QStringLiteral("status"), FhirImport::tr("must be requested (open) or completed (done)"));
    if (o.value(QStringLiteral("intent")).toString() != QLatin1String("order"))
        return at(r, QStringLiteral("intent"), FhirImport::tr("must be order"));
    task.text = o.value(QStringLiteral("description")).toString();
    if (task.text.trimmed().isEmpty())
        return at(r, QStringLiteral("description"), FhirImport::tr("is required"));
    task.ownerRole = codeIn(o.value(QStringLiteral("performerType")).toArray().first().toObject(), fhir::kCairnRole);
    if (auto s = clinical::checkTaskOwner(task.ownerRole, QStringLiteral("performerType")); !s)
        return s.error().within(r.label);
    auto date = dayOf(o.value(QStringLiteral("authoredOn")), QStringLiteral("authoredOn"), true);
    if (!date)
        return date.error().within(r.label);
    task.date = *date;
    auto due = dayOf(o.value(QStringLiteral("restriction"))
                         .toObject()
                         .value(QStringLiteral("period"))
                         .toObject()
                         .value(QStringLiteral("end")),
                     QStringLiteral("restriction.period.end"), true);
    if (!due)
        return due.error().within(r.label);
    task.due = *due;
    const QJsonArray basedOn = o.value(QStringLiteral("basedOn")).toArray();
    if (basedOn.size() > 1)
        return at(r, QStringLiteral("basedOn"), FhirImport::tr("names at most one case conference"));
    if (!basedOn.isEmpty()) {
        *conference = basedOn.first().toObject().value(QStringLiteral("reference")).toString();
        if (conference->isEmpty())
            return at(r, QStringLiteral("basedOn[0].reference"), FhirImport::tr("is required"));
    }
    return validated(r, std::move(task));
}

// A screen in Cairn's instrument code (PHQ-2, GAD-2, ORT, PC-PTSD-5): its answers as Cairn stores
// them, checked by the instrument itself.
Result<domain::Screening> readOtherScreening(const Resource &r, const QString &instrumentId, const QDate &date,
                                             const clinical::Instruments &instruments)
{
    const clinical::Instrument *instrument = instruments.find(instrumentId);
    if (!instrument || instrumentId == QLatin1String("peg"))
        return at(r, QStringLiteral("code"),
                  FhirImport::tr("%1 is not a screen Cairn records").arg(quotedInput(instrumentId, 20)));
    if (instrumentId == QLatin1String("phq9") || instrumentId == QLatin1String("gad7"))
        return at(r, QStringLiteral("code"),
                  FhirImport::tr("the %1 is read as its LOINC panel with its items").arg(instrumentId.toUpper()));
    QJsonParseError parseError{};
    const QJsonDocument answers =
        QJsonDocument::fromJson(r.json.value(QStringLiteral("valueString")).toString().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || answers.isNull())
        return at(r, QStringLiteral("valueString"), FhirImport::tr("must hold the answers as JSON"));
    domain::Screening screening;
    screening.instrument = instrumentId;
    screening.date = date;
    screening.answers = answers.isArray() ? QJsonValue(answers.array()) : QJsonValue(answers.object());
    // The answers are one JSON text in FHIR: the error names it, and the answer inside it.
    if (auto parsed = instrument->parseAnswers(screening.answers); !parsed)
        return at(r, QStringLiteral("valueString"),
                  FhirImport::tr("answers%1: %2").arg(parsed.error().field, parsed.error().message));
    return validated(r, std::move(screening));
}

// The value of one of a resource's extensions, required: `what` says what it holds.
Result<QString> requiredExtension(const Resource &r, QLatin1StringView url, const QString &valueKey,
                                  const QString &name, const QString &what)
{
    const QString value = extensionText(r.json, url, valueKey);
    if (value.trimmed().isEmpty())
        return at(r, QStringLiteral("extension(%1)").arg(name), FhirImport::tr("is required: %1").arg(what));
    return value;
}

// A taper plan: a CarePlan of Cairn's opioid-taper category, its status CarePlan's own, its steps
// the activities in order.
Result<domain::TaperPlan> readCarePlan(const Resource &r)
{
    const QJsonObject &o = r.json;
    if (!hasCoding(o.value(QStringLiteral("category")).toArray(), fhir::kCairnCarePlanCategory, fhir::kTaperPlanCode))
        return at(r, QStringLiteral("category"),
                  FhirImport::tr("only taper plans (%1 in %2) are read")
                      .arg(QString(fhir::kTaperPlanCode), QString(fhir::kCairnCarePlanCategory)));
    domain::TaperPlan plan;
    const QString status = o.value(QStringLiteral("status")).toString();
    bool known = false;
    for (domain::TaperStatus candidate : {domain::TaperStatus::Planned, domain::TaperStatus::InProgress,
                                          domain::TaperStatus::Paused, domain::TaperStatus::Completed})
        if (status == fhirCarePlanStatus(candidate)) {
            plan.status = candidate;
            known = true;
        }
    if (!known)
        return at(r, QStringLiteral("status"),
                  FhirImport::tr("must be draft (planned), active (in progress), on-hold (paused) or completed"));
    if (o.value(QStringLiteral("intent")).toString() != QLatin1String("plan"))
        return at(r, QStringLiteral("intent"), FhirImport::tr("must be plan"));
    auto date = dayOf(o.value(QStringLiteral("created")), QStringLiteral("created"), true);
    if (!date)
        return date.error().within(r.label);
    plan.date = *date;
    plan.drug = extensionText(o, fhir::kExtTaperDrug, QStringLiteral("valueString"));
    plan.note = noteText(o);
    const QJsonArray activities = o.value(QStringLiteral("activity")).toArray();
    for (qsizetype i = 0; i < activities.size(); ++i) {
        const QString field = QStringLiteral("activity[%1].detail").arg(i);
        const QJsonObject detail = activities.at(i).toObject().value(QStringLiteral("detail")).toObject();
        if (detail.isEmpty())
            return at(r, field, FhirImport::tr("is required: a taper step is an activity's detail"));
        domain::TaperStep step;
        auto day = dayOf(detail.value(QStringLiteral("scheduledPeriod")).toObject().value(QStringLiteral("start")),
                         field + QStringLiteral(".scheduledPeriod.start"), true);
        if (!day)
            return day.error().within(r.label);
        step.date = *day;
        step.description = detail.value(QStringLiteral("description")).toString();
        const QJsonValue target = extension(detail, fhir::kExtTargetMme, QStringLiteral("valueDecimal"));
        if (!target.isUndefined() && !target.isNull()) {
            if (!target.isDouble())
                return at(r, field + QStringLiteral(".extension(target-mme-per-day)"),
                          FhirImport::tr("must be a number (MME a day)"));
            step.targetMmePerDay = target.toDouble();
        }
        plan.steps.append(step);
    }
    return validated(r, std::move(plan));
}

// HL7's goal achievement codes that agree with each of Cairn's goal statuses: a goal is met only
// when achieved, and one given up was not achieved.
QStringList achievementsAgreeingWith(domain::GoalStatus status)
{
    switch (status) {
    case domain::GoalStatus::Active:
        return {QStringLiteral("in-progress"), QStringLiteral("improving"),  QStringLiteral("worsening"),
                QStringLiteral("no-change"),   QStringLiteral("sustaining"), QStringLiteral("no-progress")};
    case domain::GoalStatus::Met:
        return {QStringLiteral("achieved")};
    case domain::GoalStatus::Dropped:
        return {QStringLiteral("not-achieved"), QStringLiteral("not-attainable")};
    }
    return {};
}

// A care-plan goal: the lifecycle status says active, met (completed, achieved) or dropped
// (cancelled); an achievement status beside it must agree. The goal in words, the day it was set
// and at most one target with its due date; a target measure Cairn could not keep is refused.
Result<domain::CarePlanGoal> readGoal(const Resource &r)
{
    const QJsonObject &o = r.json;
    domain::CarePlanGoal goal;
    const QString lifecycle = o.value(QStringLiteral("lifecycleStatus")).toString();
    bool known = false;
    for (domain::GoalStatus candidate :
         {domain::GoalStatus::Active, domain::GoalStatus::Met, domain::GoalStatus::Dropped})
        if (lifecycle == fhirGoalStatus(candidate).lifecycle) {
            goal.status = candidate;
            known = true;
        }
    if (!known)
        return at(r, QStringLiteral("lifecycleStatus"),
                  FhirImport::tr("must be active, completed (met) or cancelled (dropped)"));
    const QJsonValue achievementValue = o.value(QStringLiteral("achievementStatus"));
    if (!achievementValue.isUndefined() && !achievementValue.isNull()) {
        const QString achievement = codeIn(achievementValue.toObject(), fhir::kGoalAchievement);
        if (achievement.isEmpty())
            return at(r, QStringLiteral("achievementStatus"),
                      FhirImport::tr("must be coded in %1").arg(QString(fhir::kGoalAchievement)));
        if (!achievementsAgreeingWith(goal.status).contains(achievement))
            return at(r, QStringLiteral("achievementStatus"),
                      FhirImport::tr("%1 does not agree with lifecycleStatus %2 (which takes %3)")
                          .arg(quotedInput(achievement, 30), lifecycle,
                               achievementsAgreeingWith(goal.status).join(QStringLiteral(", "))));
    } else if (goal.status == domain::GoalStatus::Met) {
        return at(r, QStringLiteral("achievementStatus"),
                  FhirImport::tr("is required for a completed goal: achieved (met) is never assumed"));
    }
    goal.goal = o.value(QStringLiteral("description")).toObject().value(QStringLiteral("text")).toString();
    if (goal.goal.trimmed().isEmpty())
        return at(r, QStringLiteral("description.text"), FhirImport::tr("is required: the goal in words"));
    auto start = dayOf(o.value(QStringLiteral("startDate")), QStringLiteral("startDate"), true);
    if (!start)
        return start.error().within(r.label);
    goal.date = *start;
    const QJsonArray targets = o.value(QStringLiteral("target")).toArray();
    if (targets.size() > 1)
        return at(r, QStringLiteral("target"), FhirImport::tr("has more than one target: Cairn keeps one date"));
    if (!targets.isEmpty()) {
        const QJsonObject target = targets.first().toObject();
        for (auto it = target.constBegin(); it != target.constEnd(); ++it)
            if (it.key() != QLatin1String("dueDate") && it.key() != QLatin1String("id"))
                return at(r, QStringLiteral("target[0].") + quotedInput(it.key(), 40),
                          FhirImport::tr("is not read: Cairn keeps a goal's target date (dueDate), not a measure"));
        auto due = dayOf(target.value(QStringLiteral("dueDate")), QStringLiteral("target[0].dueDate"), true);
        if (!due)
            return due.error().within(r.label);
        goal.targetDate = *due;
        if (goal.targetDate < goal.date)
            return at(r, QStringLiteral("target[0].dueDate"), FhirImport::tr("must not be before startDate"));
    }
    auto reviewed = dayOf(extension(o, fhir::kExtGoalReviewed, QStringLiteral("valueDate")),
                          QStringLiteral("extension(goal-reviewed)"), false);
    if (!reviewed)
        return reviewed.error().within(r.label);
    goal.reviewed = *reviewed;
    return validated(r, std::move(goal));
}

// A refill request: a Task coded refill-request, the decision its businessStatus (with the Task
// status that goes with it), what was asked for and how in its inputs.
Result<domain::RefillRequest> readRefillRequest(const Resource &r)
{
    const QJsonObject &o = r.json;
    domain::RefillRequest request;
    const QString decision = codeIn(o.value(QStringLiteral("businessStatus")).toObject(), fhir::kCairnRefillDecision);
    if (!domain::parse(decision, &request.decision))
        return at(r, QStringLiteral("businessStatus"),
                  FhirImport::tr("must be pending, approved, declined or routed_to_clinician in %1")
                      .arg(QString(fhir::kCairnRefillDecision)));
    if (o.value(QStringLiteral("status")).toString() != fhirRefillTaskStatus(request.decision))
        return at(r, QStringLiteral("status"),
                  FhirImport::tr("must be %1 for a request %2").arg(fhirRefillTaskStatus(request.decision), decision));
    if (o.value(QStringLiteral("intent")).toString() != QLatin1String("proposal"))
        return at(r, QStringLiteral("intent"), FhirImport::tr("must be proposal"));
    auto date = dayOf(o.value(QStringLiteral("authoredOn")), QStringLiteral("authoredOn"), true);
    if (!date)
        return date.error().within(r.label);
    request.date = *date;
    request.decisionReason =
        o.value(QStringLiteral("statusReason")).toObject().value(QStringLiteral("text")).toString();
    QSet<QString> seen;
    const QJsonArray inputs = o.value(QStringLiteral("input")).toArray();
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const QJsonObject input = inputs.at(i).toObject();
        const QString field = QStringLiteral("input[%1]").arg(i);
        const QString type = codeIn(input.value(QStringLiteral("type")).toObject(), fhir::kCairnRefillInput);
        if (seen.contains(type))
            return at(r, field + QStringLiteral(".type"), FhirImport::tr("is given twice"));
        seen.insert(type);
        const auto yesNo = [&](bool *out) -> Status {
            auto value = booleanOf(r, input, field + QStringLiteral(".valueBoolean"));
            if (!value)
                return value.error();
            *out = *value;
            return ok();
        };
        Status read = ok();
        if (type == QLatin1String("medication")) {
            request.medication = input.value(QStringLiteral("valueString")).toString();
        } else if (type == QLatin1String("channel")) {
            if (!domain::parse(
                    codeIn(input.value(QStringLiteral("valueCodeableConcept")).toObject(), fhir::kCairnRefillChannel),
                    &request.channel))
                return at(r, field + QStringLiteral(".valueCodeableConcept"),
                          FhirImport::tr("must be phone, portal, front_desk or pharmacy"));
        } else if (type == QLatin1String("early")) {
            read = yesNo(&request.early);
        } else if (type == QLatin1String("lost_stolen")) {
            read = yesNo(&request.lostStolen);
        } else if (type == QLatin1String("police_report")) {
            read = yesNo(&request.policeReport);
        } else if (type == QLatin1String("days_supply")) {
            const QJsonValue days = input.value(QStringLiteral("valueInteger"));
            if (!days.isDouble() || days.toDouble() != std::floor(days.toDouble()))
                return at(r, field + QStringLiteral(".valueInteger"), FhirImport::tr("must be a whole number of days"));
            request.daysSupply = days.toInt();
        } else {
            return at(
                r, field + QStringLiteral(".type"),
                FhirImport::tr("must be medication, channel, early, lost_stolen, police_report or days_supply in %1")
                    .arg(QString(fhir::kCairnRefillInput)));
        }
        if (!read)
            return read.error();
    }
    for (const char *required : {"medication", "channel"})
        if (!seen.contains(QLatin1String(required)))
            return at(r, QStringLiteral("input"), FhirImport::tr("%1 is required").arg(QLatin1String(required)));
    if (request.decision == domain::RefillDecision::Declined && request.decisionReason.trimmed().isEmpty())
        return at(r, QStringLiteral("statusReason.text"), FhirImport::tr("is required when a request is declined"));
    return validated(r, std::move(request));
}

// A clinician's override of the clinic's refill rules: a DetectedIssue whose codings are the rules
// and whose mitigation is the override.
Result<domain::RefillOverride> readDetectedIssue(const Resource &r)
{
    const QJsonObject &o = r.json;
    if (o.value(QStringLiteral("status")).toString() != QLatin1String("final"))
        return at(r, QStringLiteral("status"), FhirImport::tr("must be final"));
    domain::RefillOverride ruleOverride;
    QStringList rules;
    for (const QJsonValue &c : o.value(QStringLiteral("code")).toObject().value(QStringLiteral("coding")).toArray())
        if (c.toObject().value(QStringLiteral("system")).toString() == fhir::kCairnRefillRule)
            rules.append(c.toObject().value(QStringLiteral("code")).toString());
    if (rules.isEmpty() || rules.contains(QString()))
        return at(r, QStringLiteral("code.coding"),
                  FhirImport::tr("needs the overridden rules, each a code in %1").arg(QString(fhir::kCairnRefillRule)));
    ruleOverride.rules = rules.join(QLatin1Char(','));
    auto date = dayOf(o.value(QStringLiteral("identifiedDateTime")), QStringLiteral("identifiedDateTime"), true);
    if (!date)
        return date.error().within(r.label);
    ruleOverride.date = *date;
    const QJsonObject mitigation = o.value(QStringLiteral("mitigation")).toArray().first().toObject();
    if (codeIn(mitigation.value(QStringLiteral("action")).toObject(), fhir::kCairnIssueAction) != fhir::kOverrideAction)
        return at(
            r, QStringLiteral("mitigation[0].action"),
            FhirImport::tr("must be %1 in %2").arg(QString(fhir::kOverrideAction), QString(fhir::kCairnIssueAction)));
    ruleOverride.clinician =
        mitigation.value(QStringLiteral("author")).toObject().value(QStringLiteral("display")).toString();
    if (ruleOverride.clinician.trimmed().isEmpty())
        return at(r, QStringLiteral("mitigation[0].author.display"),
                  FhirImport::tr("is required: the clinician who overrode the rules"));
    auto reason = requiredExtension(r, fhir::kExtOverrideReason, QStringLiteral("valueString"),
                                    QStringLiteral("override-reason"), FhirImport::tr("why the rules were overridden"));
    if (!reason)
        return reason.error();
    ruleOverride.reason = *reason;
    auto policy = requiredExtension(r, fhir::kExtPolicyVersion, QStringLiteral("valueString"),
                                    QStringLiteral("policy-version"), FhirImport::tr("the clinic policy version"));
    if (!policy)
        return policy.error();
    ruleOverride.policyVersion = *policy;
    return validated(r, std::move(ruleOverride));
}

// A random urine test draw: selected or not, with the window it was drawn for and the policy version.
Result<domain::UdsSelection> readUdsSelection(const Resource &r, const QDate &date)
{
    domain::UdsSelection selection;
    selection.date = date;
    auto selected = booleanOf(r, r.json, QStringLiteral("valueBoolean"));
    if (!selected)
        return selected.error();
    selection.selected = *selected;
    QSet<QString> seen;
    const QJsonArray components = r.json.value(QStringLiteral("component")).toArray();
    for (qsizetype c = 0; c < components.size(); ++c) {
        const QJsonObject component = components.at(c).toObject();
        const QString field = QStringLiteral("component[%1]").arg(c);
        const QString code = codeIn(component.value(QStringLiteral("code")).toObject(), fhir::kCairnUdsSelectionItem);
        if (seen.contains(code))
            return at(r, field + QStringLiteral(".code"), FhirImport::tr("is given twice"));
        seen.insert(code);
        if (code == QLatin1String("interval_days") || code == QLatin1String("window")) {
            const QJsonValue value = component.value(QStringLiteral("valueInteger"));
            if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble()))
                return at(r, field + QStringLiteral(".valueInteger"), FhirImport::tr("must be a whole number"));
            (code == QLatin1String("window") ? selection.window : selection.intervalDays) = value.toInt();
        } else if (code == QLatin1String("drawn_day")) {
            auto day =
                dayOf(component.value(QStringLiteral("valueDateTime")), field + QStringLiteral(".valueDateTime"), true);
            if (!day)
                return day.error().within(r.label);
            selection.drawnDay = *day;
        } else {
            return at(r, field + QStringLiteral(".code"),
                      FhirImport::tr("must be interval_days, window or drawn_day in %1")
                          .arg(QString(fhir::kCairnUdsSelectionItem)));
        }
    }
    for (const char *required : {"interval_days", "window", "drawn_day"})
        if (!seen.contains(QLatin1String(required)))
            return at(r, QStringLiteral("component"), FhirImport::tr("%1 is required").arg(QLatin1String(required)));
    auto policy = requiredExtension(r, fhir::kExtPolicyVersion, QStringLiteral("valueString"),
                                    QStringLiteral("policy-version"), FhirImport::tr("the clinic policy version"));
    if (!policy)
        return policy.error();
    selection.policyVersion = *policy;
    return validated(r, std::move(selection));
}

// A case conference as read, and the references its recommendations give to the records they
// became (resolved once every resource is read: the records may come later in the files).
struct ReadConference {
    domain::CaseConference conference;
    QList<std::pair<qsizetype, QString>> records;  // recommendation index → reference
};

Result<domain::Recommendation> readRecommendation(const Resource &r, const QJsonObject &e, const QString &field,
                                                  QString *record)
{
    domain::Recommendation recommendation;
    QSet<QString> seen;
    for (const QJsonValue &value : e.value(QStringLiteral("extension")).toArray()) {
        const QJsonObject part = value.toObject();
        const QString url = part.value(QStringLiteral("url")).toString();
        const QString partField = field + QLatin1Char('.') + url;
        if (seen.contains(url))
            return at(r, partField, FhirImport::tr("is given twice"));
        seen.insert(url);
        if (url == QLatin1String("kind")) {
            if (!domain::parse(part.value(QStringLiteral("valueCode")).toString(), &recommendation.kind))
                return at(r, partField, FhirImport::tr("must be task, referral, goal or taper_step"));
        } else if (url == QLatin1String("text")) {
            recommendation.text = part.value(QStringLiteral("valueString")).toString();
        } else if (url == QLatin1String("owner_role")) {
            recommendation.ownerRole = part.value(QStringLiteral("valueCode")).toString();
        } else if (url == QLatin1String("due")) {
            auto due = dayOf(part.value(QStringLiteral("valueDate")), partField, true);
            if (!due)
                return due.error().within(r.label);
            recommendation.due = *due;
        } else if (url == QLatin1String("referral_type")) {
            recommendation.referralType = part.value(QStringLiteral("valueString")).toString();
        } else if (url == QLatin1String("target_mme_per_day")) {
            const QJsonValue target = part.value(QStringLiteral("valueDecimal"));
            if (!target.isDouble())
                return at(r, partField, FhirImport::tr("must be a number (MME a day)"));
            recommendation.targetMmePerDay = target.toDouble();
        } else if (url == QLatin1String("record")) {
            // What it names is checked once every resource is read, against the kind given before it.
            *record =
                part.value(QStringLiteral("valueReference")).toObject().value(QStringLiteral("reference")).toString();
            if (!seen.contains(QStringLiteral("kind")) || record->isEmpty())
                return at(r, partField,
                          FhirImport::tr("must be a reference (valueReference), after the recommendation's kind"));
        } else {
            return at(
                r, partField,
                FhirImport::tr("must be kind, text, owner_role, due, referral_type, target_mme_per_day or record"));
        }
    }
    if (!seen.contains(QStringLiteral("kind")))
        return at(r, field + QStringLiteral(".kind"), FhirImport::tr("is required"));
    return recommendation;
}

// A case conference: a ServiceRequest coded case-conference, its course in Cairn's extension (FHIR's
// status says only whether it is closed).
Result<ReadConference> readConference(const Resource &r)
{
    const QJsonObject &o = r.json;
    ReadConference read;
    domain::CaseConference &conference = read.conference;
    auto course = requiredExtension(r, fhir::kExtConferenceStatus, QStringLiteral("valueCode"),
                                    QStringLiteral("conference-status"),
                                    FhirImport::tr("a conference's course is not guessed from its status"));
    if (!course)
        return course.error();
    if (!domain::parse(*course, &conference.status))
        return at(r, QStringLiteral("extension(conference-status)"),
                  FhirImport::tr("must be requested, scheduled, discussed or closed"));
    if (o.value(QStringLiteral("status")).toString() != fhirConferenceStatus(conference.status))
        return at(
            r, QStringLiteral("status"),
            FhirImport::tr("must be %1 for a conference %2").arg(fhirConferenceStatus(conference.status), *course));
    auto date = dayOf(o.value(QStringLiteral("authoredOn")), QStringLiteral("authoredOn"), true);
    if (!date)
        return date.error().within(r.label);
    conference.date = *date;
    conference.question =
        o.value(QStringLiteral("reasonCode")).toArray().first().toObject().value(QStringLiteral("text")).toString();
    if (conference.question.trimmed().isEmpty())
        return at(r, QStringLiteral("reasonCode[0].text"), FhirImport::tr("is required: the question to the team"));
    auto meeting = dayOf(o.value(QStringLiteral("occurrenceDateTime")), QStringLiteral("occurrenceDateTime"), false);
    if (!meeting)
        return meeting.error().within(r.label);
    conference.meetingDate = *meeting;
    if (conference.status != domain::ConferenceStatus::Requested && !conference.meetingDate.isValid())
        return at(r, QStringLiteral("occurrenceDateTime"),
                  FhirImport::tr("is required once the conference is %1: the clinician meeting").arg(*course));
    conference.consultNote = noteText(o);
    const QJsonArray extensions = o.value(QStringLiteral("extension")).toArray();
    for (qsizetype i = 0; i < extensions.size(); ++i) {
        const QJsonObject e = extensions.at(i).toObject();
        const QString url = e.value(QStringLiteral("url")).toString();
        if (url == fhir::kExtConferenceScript) {
            conference.scripts.append(e.value(QStringLiteral("valueString")).toString());
        } else if (url == fhir::kExtRecommendation) {
            QString record;
            auto recommendation = readRecommendation(
                r, e, QStringLiteral("extension(recommendation)[%1]").arg(conference.recommendations.size()), &record);
            if (!recommendation)
                return recommendation.error();
            if (!record.isEmpty())
                read.records.append({conference.recommendations.size(), record});
            conference.recommendations.append(*recommendation);
        }
    }
    if (auto s = domain::validate(conference); !s)
        return s.error().within(r.label);
    return read;
}

enum class PanelKind { Peg, Scores, Uds };

struct Panel {
    PanelKind kind = PanelKind::Scores;
    QString instrument;  // "peg", "phq9", "gad7"
    QStringList items;   // item LOINC codes in order
    QString total;       // the total's LOINC code
    int max = 0;
};

struct ObservationCodes {
    QHash<QString, Panel> panels;  // by panel LOINC code
    QSet<QString> itemCodes;       // item and total codes: only read inside a panel
};

Result<ObservationCodes> observationCodes(const clinical::Instruments &instruments)
{
    ObservationCodes codes;
    for (const QString &id : fhirLoincPanelInstruments()) {
        const clinical::Instrument *instrument = instruments.find(id);
        const clinical::LoincCodes loinc = instrument ? clinical::loincCodes(*instrument) : clinical::LoincCodes();
        const bool peg = id == QLatin1String("peg");
        Panel panel{peg ? PanelKind::Peg : PanelKind::Scores, id, loinc.items, loinc.total, peg ? 10 : 3};
        if (!instrument || panel.items.isEmpty() || panel.items.size() != instrument->itemCount())
            return Error{QStringLiteral("instruments/%1.loinc.items").arg(id),
                         FhirImport::tr("one LOINC code per item is needed to read FHIR")};
        codes.panels.insert(loinc.panel, panel);
        for (const QString &item : std::as_const(panel.items))
            codes.itemCodes.insert(item);
        codes.itemCodes.insert(panel.total);
    }
    return codes;
}

Result<double> observationNumber(const QJsonObject &o, const QString &field)
{
    if (o.contains(QStringLiteral("valueInteger")))
        return o.value(QStringLiteral("valueInteger")).toDouble();
    if (o.contains(QStringLiteral("valueQuantity")))
        return o.value(QStringLiteral("valueQuantity")).toObject().value(QStringLiteral("value")).toDouble();
    if (o.contains(QStringLiteral("valueDecimal")))
        return o.value(QStringLiteral("valueDecimal")).toDouble();
    return Error{field, FhirImport::tr("needs valueInteger or valueQuantity")};
}

}  // namespace

Result<FhirContent> readFhir(const QList<FhirFile> &files, const RxNormTable &rxnorm,
                             const clinical::Instruments &instruments, bool requirePatients)
{
    auto codes = observationCodes(instruments);
    if (!codes)
        return codes.error();
    QList<Resource> resources;
    for (const FhirFile &file : files) {
        auto split = splitFile(file);
        if (!split)
            return split.error();
        resources.append(*split);
    }
    FhirContent content;
    QHash<QString, qsizetype> patientByRef;  // "Patient/id" and fullUrl → index in content.patients
    QHash<QString, qsizetype> observationByRef;
    QStringList patientRefs;
    for (qsizetype i = 0; i < resources.size(); ++i) {
        const Resource &r = resources.at(i);
        if (r.type == QLatin1String("Patient")) {
            auto patient = readPatient(r);
            if (!patient)
                return patient.error();
            for (const domain::Patient &other : std::as_const(content.patients))
                if (other.clinicId == patient->clinicId)
                    return at(
                        r, QStringLiteral("identifier"),
                        FhirImport::tr("the chart number %1 is given twice").arg(quotedInput(patient->clinicId, 30)));
            // One reference per patient, however records refer to it ("Patient/id" or the Bundle's fullUrl).
            patientRefs.append(r.id.isEmpty() ? r.fullUrl : QStringLiteral("Patient/") + r.id);
            if (!r.id.isEmpty())
                patientByRef.insert(QStringLiteral("Patient/") + r.id, content.patients.size());
            if (!r.fullUrl.isEmpty())
                patientByRef.insert(r.fullUrl, content.patients.size());
            content.patients.append(*patient);
        } else if (r.type == QLatin1String("Observation")) {
            if (!r.id.isEmpty())
                observationByRef.insert(QStringLiteral("Observation/") + r.id, i);
            if (!r.fullUrl.isEmpty())
                observationByRef.insert(r.fullUrl, i);
        } else if (!fhirExportTypes().contains(r.type)) {
            return at(r, QStringLiteral("resourceType"),
                      FhirImport::tr("%1 is not read (%2 are)")
                          .arg(quotedInput(r.type, 40), fhirExportTypes().join(QStringLiteral(", "))));
        }
    }
    // The patient a record belongs to, or -1 when the files lack it and that is allowed.
    // A Consent and a DetectedIssue name their patient in `patient`, a Task in `for`, every other
    // record in `subject`.
    auto patientOf = [&](const Resource &r) -> Result<qsizetype> {
        const QString element = r.type == QLatin1String("Consent") || r.type == QLatin1String("DetectedIssue")
                                    ? QStringLiteral("patient")
                                : r.type == QLatin1String("Task") ? QStringLiteral("for")
                                                                  : QStringLiteral("subject");
        const QString subject = r.json.value(element).toObject().value(QStringLiteral("reference")).toString();
        if (subject.isEmpty())
            return at(r, element + QStringLiteral(".reference"), FhirImport::tr("is required"));
        const qsizetype index = patientByRef.value(subject, -1);
        if (index < 0 && requirePatients)
            return at(r, element + QStringLiteral(".reference"),
                      FhirImport::tr("%1 is not a Patient of the file").arg(quotedInput(subject, 80)));
        return index;
    };
    auto skipped = [](const Resource &r, std::initializer_list<const char *> statuses) {
        const QString status = r.json.value(QStringLiteral("status")).toString();
        for (const char *s : statuses)
            if (status == QLatin1String(s))
                return true;
        return false;
    };
    QSet<qsizetype> members;  // Observations read as items of a panel
    // Records others may name (a task its case conference, a recommendation the record it became),
    // by "Type/id" and fullUrl; and the references to them, resolved once every resource is read.
    struct Linkable {
        qsizetype patient = -1;
        QString type;  // the record's resource type ("Task", "ServiceRequest", "CarePlan", "Goal")
        bool conference = false;
    };
    QHash<QString, std::function<QUuid *()>> recordByRef;
    QHash<QString, Linkable> linkable;
    struct Link {
        QString resource;  // the naming resource's label
        QString field;
        qsizetype patient = -1;
        QString reference;
        QString type;  // what it must name
        bool conference = false;
        std::function<void(const QString &)> set;
    };
    QList<Link> links;
    auto linkableAs = [&](const Resource &r, qsizetype patient, bool conference, auto list, qsizetype index) {
        if (patient < 0)
            return;
        const Linkable target{patient, r.type, conference};
        for (const QString &ref : {r.id.isEmpty() ? QString() : r.type + QLatin1Char('/') + r.id, r.fullUrl}) {
            if (ref.isEmpty())
                continue;
            linkable.insert(ref, target);
            recordByRef.insert(
                ref, [&content, patient, list, index] { return &(content.patients[patient].*list)[index].meta.id; });
        }
    };
    for (qsizetype i = 0; i < resources.size(); ++i) {
        const Resource &r = resources.at(i);
        if (r.type == QLatin1String("MedicationRequest")) {
            // Requests that were never in force are not prescriptions: left out, not guessed at.
            if (skipped(r, {"entered-in-error", "cancelled", "draft"}))
                continue;
            if (!skipped(r, {"active", "completed", "stopped"}))
                return at(r, QStringLiteral("status"), FhirImport::tr("must be active, completed or stopped"));
            auto owner = patientOf(r);
            if (!owner)
                return owner.error();
            auto read = readMedicationRequest(r, rxnorm);
            if (!read)
                return read.error();
            if (read->opioid) {
                read->opioid->patient = *owner;
                if (*owner >= 0)
                    read->opioid->subject = patientRefs.at(*owner);
                content.opioidRequests.append(*read->opioid);
                if (*owner >= 0)
                    content.patients[*owner].opioids.append(read->opioid->entry);
            } else if (*owner >= 0) {
                content.patients[*owner].benzodiazepines.append(*read->sedative);
            }
            continue;
        }
        if (r.type == QLatin1String("Consent") || r.type == QLatin1String("Encounter") ||
            r.type == QLatin1String("ServiceRequest") || r.type == QLatin1String("Task") ||
            r.type == QLatin1String("CarePlan") || r.type == QLatin1String("DetectedIssue") ||
            r.type == QLatin1String("Goal")) {
            // A Goal's status is its lifecycleStatus.
            if (skipped(r, {"entered-in-error"}) ||
                r.json.value(QStringLiteral("lifecycleStatus")).toString() == QLatin1String("entered-in-error"))
                continue;
            auto owner = patientOf(r);
            if (!owner)
                return owner.error();
            domain::Patient *patient = *owner >= 0 ? &content.patients[*owner] : nullptr;
            if (r.type == QLatin1String("Consent")) {
                auto agreement = readConsent(r);
                if (!agreement)
                    return agreement.error();
                if (patient)
                    patient->agreements.append(*agreement);
            } else if (r.type == QLatin1String("Encounter")) {
                auto visit = readEncounter(r);
                if (!visit)
                    return visit.error();
                if (patient)
                    patient->visits.append(*visit);
            } else if (r.type == QLatin1String("Task") && codeIn(r.json.value(QStringLiteral("code")).toObject(),
                                                                 fhir::kCairnTaskCode) == fhir::kRefillRequestCode) {
                auto request = readRefillRequest(r);
                if (!request)
                    return request.error();
                if (patient)
                    patient->refillRequests.append(*request);
            } else if (r.type == QLatin1String("Task")) {
                QString conference;
                auto task = readTask(r, &conference);
                if (!task)
                    return task.error();
                if (patient) {
                    const qsizetype index = patient->tasks.size();
                    patient->tasks.append(*task);
                    linkableAs(r, *owner, false, &domain::Patient::tasks, index);
                    if (!conference.isEmpty())
                        links.append({r.label, QStringLiteral("basedOn[0].reference"), *owner, conference,
                                      QStringLiteral("ServiceRequest"), true,
                                      [&content, p = *owner, index](const QString &id) {
                                          content.patients[p].tasks[index].conferenceId = id;
                                      }});
                }
            } else if (r.type == QLatin1String("CarePlan")) {
                auto plan = readCarePlan(r);
                if (!plan)
                    return plan.error();
                if (patient) {
                    linkableAs(r, *owner, false, &domain::Patient::taperPlans, patient->taperPlans.size());
                    patient->taperPlans.append(*plan);
                }
            } else if (r.type == QLatin1String("Goal")) {
                auto goal = readGoal(r);
                if (!goal)
                    return goal.error();
                if (patient) {
                    linkableAs(r, *owner, false, &domain::Patient::goals, patient->goals.size());
                    patient->goals.append(*goal);
                }
            } else if (r.type == QLatin1String("DetectedIssue")) {
                auto ruleOverride = readDetectedIssue(r);
                if (!ruleOverride)
                    return ruleOverride.error();
                if (patient)
                    patient->refillOverrides.append(*ruleOverride);
            } else if (codeIn(r.json.value(QStringLiteral("code")).toObject(), fhir::kCairnServiceCode) ==
                       fhir::kCaseConferenceCode) {
                auto read = readConference(r);
                if (!read)
                    return read.error();
                if (patient) {
                    const qsizetype index = patient->caseConferences.size();
                    linkableAs(r, *owner, true, &domain::Patient::caseConferences, index);
                    patient->caseConferences.append(read->conference);
                    for (const auto &[recommendation, reference] : std::as_const(read->records)) {
                        const domain::RecommendationKind kind =
                            read->conference.recommendations.at(recommendation).kind;
                        links.append(
                            {r.label, QStringLiteral("extension(recommendation)[%1].record").arg(recommendation),
                             *owner, reference, fhirRecommendationTarget(kind), false,
                             // Captured by initializer: clang 14 cannot capture a structured binding.
                             [&content, p = *owner, index, made = recommendation](const QString &id) {
                                 content.patients[p].caseConferences[index].recommendations[made].recordId = id;
                             }});
                    }
                }
            } else {
                auto referral = readServiceRequest(r);
                if (!referral)
                    return referral.error();
                if (patient) {
                    linkableAs(r, *owner, false, &domain::Patient::referrals, patient->referrals.size());
                    patient->referrals.append(*referral);
                }
            }
            continue;
        }
        if (r.type != QLatin1String("Observation"))
            continue;
        if (skipped(r, {"entered-in-error", "cancelled"}))
            continue;
        if (!skipped(r, {"final", "amended", "corrected"}))
            return at(r, QStringLiteral("status"), FhirImport::tr("must be final, amended or corrected"));
        const QJsonObject code = r.json.value(QStringLiteral("code")).toObject();
        const QString loinc = codeIn(code, fhir::kLoinc);
        const QString cairnCode = codeIn(code, fhir::kCairnObservation);
        const QString instrumentId = codeIn(code, fhir::kCairnInstrument);
        const bool uds = cairnCode == fhir::kUdsCode;
        static const QSet<QString> kCairnRecords{
            fhir::kUdsCode,          fhir::kPdmpCheckCode,  fhir::kNaloxoneCode,
            fhir::kLtotDecisionCode, fhir::kNoReferralCode, fhir::kOudAssessmentCode,
            fhir::kMoudStatusCode,   fhir::kIntakeCode,     fhir::kUdsSelectionCode};
        const bool cairnRecord = kCairnRecords.contains(cairnCode);
        if (!cairnRecord && instrumentId.isEmpty()) {
            if (codes->itemCodes.contains(loinc))
                continue;  // an item: read with its panel below, or refused when no panel names it
            if (!codes->panels.contains(loinc))
                return at(r, QStringLiteral("code"),
                          FhirImport::tr("%1 is not a PEG, PHQ-2, PHQ-9 or GAD-7 panel, nor a record in Cairn's codes "
                                         "(urine drug screen, PDMP check, naloxone, screen, LTOT decision, decision "
                                         "not to refer, OUD checklist, MOUD status, intake, random urine test draw)")
                              .arg(quotedInput(loinc.isEmpty() ? cairnCode : QStringLiteral("LOINC ") + loinc, 30)));
        }
        auto owner = patientOf(r);
        if (!owner)
            return owner.error();
        auto date = dayOf(r.json.value(QStringLiteral("effectiveDateTime")), QStringLiteral("effectiveDateTime"), true);
        if (!date)
            return date.error().within(r.label);
        domain::Patient *recordOwner = *owner >= 0 ? &content.patients[*owner] : nullptr;
        if (cairnCode == fhir::kPdmpCheckCode) {
            auto check = readPdmpCheck(r, *date);
            if (!check)
                return check.error();
            if (recordOwner)
                recordOwner->pdmpChecks.append(*check);
            continue;
        }
        if (cairnCode == fhir::kNaloxoneCode) {
            auto naloxone = readNaloxone(r, *date);
            if (!naloxone)
                return naloxone.error();
            if (recordOwner)
                recordOwner->naloxone.append(*naloxone);
            continue;
        }
        // The clinician's decisions and the opioid use disorder workflow, each read as Cairn exports it.
        const auto add = [&](auto read, auto list) -> Status {
            auto record = read(r, *date);
            if (!record)
                return record.error();
            if (recordOwner)
                (recordOwner->*list).append(*record);
            return ok();
        };
        std::optional<Status> decision;
        if (cairnCode == fhir::kLtotDecisionCode)
            decision = add(readLtotDecision, &domain::Patient::ltotDecisions);
        else if (cairnCode == fhir::kNoReferralCode)
            decision = add(readNoReferral, &domain::Patient::noReferralDecisions);
        else if (cairnCode == fhir::kOudAssessmentCode)
            decision = add(readOudAssessment, &domain::Patient::oudAssessments);
        else if (cairnCode == fhir::kMoudStatusCode)
            decision = add(readMoudStatus, &domain::Patient::moudStatuses);
        else if (cairnCode == fhir::kIntakeCode)
            decision = add(readIntake, &domain::Patient::intakes);
        else if (cairnCode == fhir::kUdsSelectionCode)
            decision = add(readUdsSelection, &domain::Patient::udsSelections);
        if (decision) {
            if (!*decision)
                return decision->error();
            continue;
        }
        if (!instrumentId.isEmpty() && !uds) {
            auto screening = readOtherScreening(r, instrumentId, *date, instruments);
            if (!screening)
                return screening.error();
            if (recordOwner)
                recordOwner->screenings.append(*screening);
            continue;
        }
        if (uds) {
            domain::UrineDrugScreen screen;
            screen.date = *date;
            const QString result = codedValue(r, fhir::kCairnUdsResult);
            if (!domain::parse(result, &screen.result))
                return at(r, QStringLiteral("valueCodeableConcept"),
                          FhirImport::tr("must be expected, unexpected or pending"));
            for (const QJsonValue &c : r.json.value(QStringLiteral("component")).toArray())
                if (codeIn(c.toObject().value(QStringLiteral("code")).toObject(), fhir::kCairnObservation) ==
                    fhir::kUdsSubstanceCode)
                    screen.substances.append(c.toObject().value(QStringLiteral("valueString")).toString());
            screen.confirmatorySent =
                extension(r.json, fhir::kExtConfirmatorySent, QStringLiteral("valueBoolean")).toBool();
            if (auto s = domain::validate(screen); !s)
                return s.error().within(r.label);
            if (*owner >= 0)
                content.patients[*owner].uds.append(screen);
            continue;
        }
        const Panel &panel = codes->panels.value(loinc);
        // Items come as components or as hasMember Observations of the files.
        QHash<QString, double> values;
        QHash<QString, QString> where;
        const QJsonArray components = r.json.value(QStringLiteral("component")).toArray();
        for (qsizetype c = 0; c < components.size(); ++c) {
            const QJsonObject component = components.at(c).toObject();
            const QString field = QStringLiteral("component[%1]").arg(c);
            const QString itemCode = codeIn(component.value(QStringLiteral("code")).toObject(), fhir::kLoinc);
            if (!panel.items.contains(itemCode) && itemCode != panel.total)
                return at(r, field + QStringLiteral(".code"),
                          FhirImport::tr("LOINC %1 is not an item of this panel").arg(quotedInput(itemCode, 20)));
            auto value = observationNumber(component, field);
            if (!value)
                return value.error().within(r.label);
            values.insert(itemCode, *value);
            where.insert(itemCode, r.label + QLatin1Char('.') + field);
        }
        const QJsonArray hasMember = r.json.value(QStringLiteral("hasMember")).toArray();
        for (qsizetype m = 0; m < hasMember.size(); ++m) {
            const QString field = QStringLiteral("hasMember[%1]").arg(m);
            const QString ref = hasMember.at(m).toObject().value(QStringLiteral("reference")).toString();
            const qsizetype index = observationByRef.value(ref, -1);
            if (index < 0)
                return at(r, field, FhirImport::tr("%1 is not an Observation of the file").arg(quotedInput(ref, 80)));
            const Resource &member = resources.at(index);
            const QString itemCode = codeIn(member.json.value(QStringLiteral("code")).toObject(), fhir::kLoinc);
            if (!panel.items.contains(itemCode) && itemCode != panel.total)
                return at(
                    member, QStringLiteral("code"),
                    FhirImport::tr("LOINC %1 is not an item of the panel %2").arg(quotedInput(itemCode, 20), r.label));
            auto value = observationNumber(member.json, QStringLiteral("value"));
            if (!value)
                return value.error().within(member.label);
            values.insert(itemCode, *value);
            where.insert(itemCode, member.label);
            members.insert(index);
        }
        QList<int> scores;
        for (const QString &item : panel.items) {
            if (!values.contains(item))
                return at(r, QStringLiteral("component"), FhirImport::tr("the item LOINC %1 is missing").arg(item));
            const double value = values.value(item);
            if (value != std::floor(value) || value < 0 || value > panel.max)
                return Error{where.value(item), FhirImport::tr("must be a whole number from 0 to %1").arg(panel.max)};
            scores.append(static_cast<int>(value));
        }
        if (values.contains(panel.total)) {
            double sum = 0;
            for (int s : std::as_const(scores))
                sum += s;
            const double expected = panel.kind == PanelKind::Peg ? sum / 3.0 : sum;
            if (std::abs(values.value(panel.total) - expected) > 0.05)
                return Error{where.value(panel.total),
                             FhirImport::tr("the total does not match the items (%1)").arg(expected)};
        }
        if (*owner < 0)
            continue;
        domain::Patient &patient = content.patients[*owner];
        if (panel.kind == PanelKind::Peg) {
            domain::PegScore peg;
            peg.date = *date;
            peg.pain = scores.at(0);
            peg.enjoyment = scores.at(1);
            peg.activity = scores.at(2);
            if (auto s = domain::validate(peg); !s)
                return s.error().within(r.label);
            patient.peg.append(peg);
        } else {
            domain::Screening screening;
            screening.instrument = panel.instrument;
            screening.date = *date;
            QJsonArray answers;
            for (int s : std::as_const(scores))
                answers.append(s);
            screening.answers = answers;
            if (auto s = domain::validate(screening); !s)
                return s.error().within(r.label);
            patient.screenings.append(screening);
        }
    }
    for (qsizetype i = 0; i < resources.size(); ++i) {
        const Resource &r = resources.at(i);
        if (r.type != QLatin1String("Observation") || members.contains(i) ||
            skipped(r, {"entered-in-error", "cancelled"}))
            continue;
        const QString loinc = codeIn(r.json.value(QStringLiteral("code")).toObject(), fhir::kLoinc);
        if (codes->itemCodes.contains(loinc))
            return at(r, QStringLiteral("code"),
                      FhirImport::tr("LOINC %1 is an item or total that no panel names in hasMember: a score is stored "
                                     "with its items")
                          .arg(loinc));
    }
    // Exports from before goals were exported wrote a recommendation's goal as "Goal/<id>" and no
    // Goal resource at all: files without any Goal are taken for one of those.
    const bool filesHoldGoals = std::any_of(resources.cbegin(), resources.cend(),
                                            [](const Resource &r) { return r.type == QLatin1String("Goal"); });
    // The links between records, now that every record is read: each names a record of the same
    // patient in the files, which keeps the id chosen here when the registry stores it.
    for (const Link &link : std::as_const(links)) {
        const auto target = linkable.constFind(link.reference);
        if (target == linkable.constEnd() && link.type == QLatin1String("Goal") && !filesHoldGoals) {
            // The goal's words, dates and status were never written: it is left out, not made up.
            content.warnings.append(
                {link.resource, link.field,
                 FhirImport::tr("names %1, but the files hold no goals (an export from before goals were exported): "
                                "the recommendation comes in without its goal; add the goal again if it still "
                                "applies")
                     .arg(quotedInput(link.reference, 80))});
            continue;
        }
        if (target == linkable.constEnd() || target->type != link.type || target->conference != link.conference)
            return Error{link.field,
                         FhirImport::tr("%1 is not a %2 of the files")
                             .arg(quotedInput(link.reference, 80),
                                  link.conference ? FhirImport::tr("case conference (ServiceRequest)") : link.type)}
                .within(link.resource);
        if (target->patient != link.patient)
            return Error{link.field,
                         FhirImport::tr("%1 is another patient's record").arg(quotedInput(link.reference, 80))}
                .within(link.resource);
        QUuid *id = recordByRef.value(link.reference)();
        if (id->isNull())
            *id = QUuid::createUuid();
        link.set(id->toString(QUuid::WithoutBraces));
    }
    return content;
}

QString FhirWarning::line() const
{
    return Error{field, message}.within(resource).line();
}

Result<FhirContent> readFhir(const QList<FhirFile> &files, bool requirePatients)
{
    auto rxnorm = RxNormTable::shipped();
    if (!rxnorm)
        return rxnorm.error();
    auto instruments = clinical::Instruments::shipped();
    if (!instruments)
        return instruments.error();
    return readFhir(files, **rxnorm, **instruments, requirePatients);
}

Result<FhirSummary> summarizeFhir(const FhirContent &content)
{
    auto tables = clinical::MmeTables::shipped();
    if (!tables)
        return tables.error();
    const clinical::MmeTable *table = (*tables)->find((*tables)->defaultId());
    if (!table)
        return Error{QStringLiteral("mme_table"), FhirImport::tr("the shipped default MME table is missing")};
    FhirSummary summary;
    summary.patients = static_cast<int>(content.patients.size());
    summary.warnings = content.warnings;
    for (const OpioidRequest &request : content.opioidRequests) {
        auto mme = clinical::computeMme({request.entry}, request.entry.start, *table);
        if (!mme)
            return mme.error().within(request.resource);
        // The person importing checks prescriptions against people: the patient's name, not a reference.
        const QString subject = request.patient >= 0 ? content.patients.at(request.patient).name : request.subject;
        summary.prescriptions.append({request.resource, subject, request.entry.drug,
                                      mme->items.isEmpty() ? std::nullopt : mme->items.first().mmePerDay,
                                      request.entry.start, request.entry.end});
    }
    for (const domain::Patient &patient : content.patients) {
        summary.sedatives += static_cast<int>(patient.benzodiazepines.size());
        summary.pegScores += static_cast<int>(patient.peg.size());
        summary.screenings += static_cast<int>(patient.screenings.size());
        summary.urineScreens += static_cast<int>(patient.uds.size());
        summary.otherRecords += static_cast<int>(
            patient.agreements.size() + patient.visits.size() + patient.referrals.size() + patient.pdmpChecks.size() +
            patient.naloxone.size() + patient.ltotDecisions.size() + patient.noReferralDecisions.size() +
            patient.oudAssessments.size() + patient.moudStatuses.size() + patient.intakes.size() +
            patient.tasks.size() + patient.taperPlans.size() + patient.refillRequests.size() +
            patient.refillOverrides.size() + patient.udsSelections.size() + patient.caseConferences.size() +
            patient.goals.size());
    }
    return summary;
}

}  // namespace cairn::interop
