#include "core/domain/record_json.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace cairn::domain {

namespace json {

Result<QDate> date(const QJsonObject &object, const QString &field, bool required)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return Error{field, QStringLiteral("is required (YYYY-MM-DD)")};
        return QDate();
    }
    if (!value.isString())
        return Error{field, QStringLiteral("must be a date written YYYY-MM-DD")};
    const QString text = value.toString();
    // Exactly YYYY-MM-DD: digits with hyphens at 4 and 7 (cheaper than a regular expression on
    // every record of a registry).
    bool shaped = text.size() == 10;
    for (qsizetype i = 0; shaped && i < 10; ++i)
        shaped = (i == 4 || i == 7) ? text.at(i) == QLatin1Char('-') : text.at(i).isDigit();
    const QDate parsed = shaped ? QDate(text.left(4).toInt(), text.mid(5, 2).toInt(), text.mid(8, 2).toInt()) : QDate();
    if (!shaped || !parsed.isValid())
        return Error{field, QStringLiteral("\"%1\" is not a real date (YYYY-MM-DD)").arg(text.left(20))};
    return parsed;
}

Result<QString> text(const QJsonObject &object, const QString &field, bool required)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return Error{field, QStringLiteral("is required")};
        return QString();
    }
    if (!value.isString())
        return Error{field, QStringLiteral("must be text")};
    if (required && value.toString().trimmed().isEmpty())
        return Error{field, QStringLiteral("must not be empty")};
    return value.toString();
}

Result<double> number(const QJsonObject &object, const QString &field, bool required, double fallback)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return Error{field, QStringLiteral("is required")};
        return fallback;
    }
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return Error{field, QStringLiteral("must be a number")};
    return value.toDouble();
}

Result<int> integer(const QJsonObject &object, const QString &field, bool required, int fallback)
{
    auto n = number(object, field, required, fallback);
    if (!n)
        return n.error();
    if (std::floor(*n) != *n || std::abs(*n) > 1e9)
        return Error{field, QStringLiteral("must be a whole number")};
    return static_cast<int>(*n);
}

Result<bool> boolean(const QJsonObject &object, const QString &field, bool fallback)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isBool())
        return Error{field, QStringLiteral("must be true or false")};
    return value.toBool();
}

}  // namespace json

namespace {

QJsonValue dateValue(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

template<typename E>
Result<E> enumField(const QJsonObject &object, const QString &field, E fallback, bool required = false)
{
    auto raw = json::text(object, field, required);
    if (!raw)
        return raw.error();
    if (raw->isEmpty())
        return fallback;
    E value = fallback;
    if (!parse(*raw, &value))
        return Error{field, QStringLiteral("unknown value \"%1\"").arg(raw->left(40))};
    return value;
}

// Collects the first error of a sequence of field reads.
struct Reader {
    const QJsonObject &object;
    std::optional<Error> error;

    template<typename T>
    T take(Result<T> result)
    {
        if (!result) {
            if (!error)
                error = result.error();
            return T{};
        }
        return std::move(result).value();
    }
    QDate date(const char *field, bool required) { return take(json::date(object, QLatin1String(field), required)); }
    QString text(const char *field, bool required = false) { return take(json::text(object, QLatin1String(field), required)); }
    double number(const char *field, bool required, double fallback = 0) { return take(json::number(object, QLatin1String(field), required, fallback)); }
    int integer(const char *field, bool required, int fallback = 0) { return take(json::integer(object, QLatin1String(field), required, fallback)); }
    bool boolean(const char *field, bool fallback) { return take(json::boolean(object, QLatin1String(field), fallback)); }
    template<typename E>
    E enumeration(const char *field, E fallback, bool required = false) { return take(enumField<E>(object, QLatin1String(field), fallback, required)); }
    std::optional<double> optionalNumber(const char *field)
    {
        if (object.value(QLatin1String(field)).isUndefined() || object.value(QLatin1String(field)).isNull())
            return std::nullopt;
        return number(field, true);
    }
};

QJsonObject toJson(const OpioidEntry &e)
{
    QJsonObject o{{QStringLiteral("drug"), e.drug}, {QStringLiteral("start"), dateValue(e.start)}, {QStringLiteral("end"), dateValue(e.end)}};
    if (e.strengthMg)
        o.insert(QStringLiteral("strength_mg"), *e.strengthMg);
    if (e.strengthMcgPerHr) {
        o.insert(QStringLiteral("strength_mcg_per_hr"), *e.strengthMcgPerHr);
        o.insert(QStringLiteral("patches"), e.patches);
    } else {
        o.insert(QStringLiteral("units_per_dose"), e.unitsPerDose);
        o.insert(QStringLiteral("doses_per_day"), e.dosesPerDay);
        o.insert(QStringLiteral("prn"), e.prn);
    }
    return o;
}

QJsonObject toJson(const BenzodiazepineEntry &e)
{
    return {{QStringLiteral("drug"), e.drug}, {QStringLiteral("start"), dateValue(e.start)}, {QStringLiteral("end"), dateValue(e.end)}};
}
QJsonObject toJson(const Agreement &a)
{
    QJsonObject o{{QStringLiteral("date"), dateValue(a.date)}};
    if (!a.note.isEmpty())
        o.insert(QStringLiteral("note"), a.note);
    return o;
}
QJsonObject toJson(const PdmpCheck &c)
{
    QJsonObject o{{QStringLiteral("date"), dateValue(c.date)}, {QStringLiteral("concerning"), c.concerning}};
    if (!c.checkedBy.isEmpty())
        o.insert(QStringLiteral("checked_by"), c.checkedBy);
    if (!c.findings.isEmpty())
        o.insert(QStringLiteral("findings"), c.findings);
    return o;
}
QJsonObject toJson(const NaloxoneRecord &n)
{
    return {{QStringLiteral("date"), dateValue(n.date)}, {QStringLiteral("action"), toString(n.action)}};
}
QJsonObject toJson(const UrineDrugScreen &u)
{
    QJsonObject o{{QStringLiteral("date"), dateValue(u.date)}, {QStringLiteral("result"), toString(u.result)}};
    if (!u.substances.isEmpty())
        o.insert(QStringLiteral("substances"), QJsonArray::fromStringList(u.substances));
    return o;
}
QJsonObject toJson(const Visit &v)
{
    return {{QStringLiteral("date"), dateValue(v.date)}, {QStringLiteral("status"), toString(v.status)}};
}
QJsonObject toJson(const PegScore &p)
{
    return {{QStringLiteral("date"), dateValue(p.date)},
            {QStringLiteral("pain"), p.pain},
            {QStringLiteral("enjoyment"), p.enjoyment},
            {QStringLiteral("activity"), p.activity}};
}
QJsonObject toJson(const Screening &s)
{
    return {{QStringLiteral("instrument"), s.instrument}, {QStringLiteral("date"), dateValue(s.date)}, {QStringLiteral("answers"), s.answers}};
}
QJsonObject toJson(const Referral &r)
{
    return {{QStringLiteral("date"), dateValue(r.date)},
            {QStringLiteral("type"), r.type},
            {QStringLiteral("to"), r.to},
            {QStringLiteral("status"), toString(r.status)}};
}
QJsonObject toJson(const ScriptUse &u)
{
    QJsonObject o{{QStringLiteral("date"), dateValue(u.date)},
                  {QStringLiteral("script_id"), u.scriptId},
                  {QStringLiteral("script_version"), u.scriptVersion},
                  {QStringLiteral("language"), u.language}};
    if (!u.note.isEmpty())
        o.insert(QStringLiteral("note"), u.note);
    return o;
}

QJsonObject toJson(const CarePlanGoal &g)
{
    return {{QStringLiteral("date"), dateValue(g.date)}, {QStringLiteral("goal"), g.goal}, {QStringLiteral("status"), toString(g.status)}};
}

// Agreements, PDMP checks and naloxone may be written as a bare date string (the contract's
// short form) or as an object.
QJsonObject expandShortForm(const QJsonValue &value)
{
    if (value.isString())
        return QJsonObject{{QStringLiteral("date"), value}};
    return value.toObject();
}

template<typename T>
Result<AnyRecord> finish(Reader &r, T record)
{
    if (r.error)
        return *r.error;
    return AnyRecord(std::move(record));
}

}  // namespace

QString recordKind(const AnyRecord &record)
{
    static const char *const kinds[] = {"opioid", "benzodiazepine", "agreement", "pdmp_check", "naloxone", "uds",
                                        "visit",  "peg",            "screening", "referral",   "goal",
                                        "script_use"};
    static_assert(std::size(kinds) == std::variant_size_v<AnyRecord>);
    return QString::fromLatin1(kinds[record.index()]);
}

bool knownRecordKindForPatient(const QString &kind)
{
    static const QSet<QString> kinds{QStringLiteral("opioid"), QStringLiteral("benzodiazepine"), QStringLiteral("agreement"),
                                   QStringLiteral("pdmp_check"), QStringLiteral("naloxone"), QStringLiteral("uds"),
                                   QStringLiteral("visit"), QStringLiteral("peg"), QStringLiteral("screening"),
                                   QStringLiteral("referral"), QStringLiteral("goal"), QStringLiteral("script_use")};
    return kinds.contains(kind);
}

QDate recordDate(const AnyRecord &record)
{
    return std::visit(
        [](const auto &r) -> QDate {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, OpioidEntry> || std::is_same_v<T, BenzodiazepineEntry>)
                return r.start;
            else
                return r.date;
        },
        record);
}

RecordMeta &recordMeta(AnyRecord &record)
{
    return std::visit([](auto &r) -> RecordMeta & { return r.meta; }, record);
}

QJsonObject recordToJson(const AnyRecord &record)
{
    return std::visit([](const auto &r) { return toJson(r); }, record);
}

Result<AnyRecord> recordFromJson(const QString &kind, const QJsonValue &value)
{
    const bool shortForm = kind == QLatin1String("agreement") || kind == QLatin1String("pdmp_check") || kind == QLatin1String("naloxone");
    if (!value.isObject() && !(shortForm && value.isString()))
        return Error{QString(), QStringLiteral("must be a JSON object")};
    const QJsonObject object = expandShortForm(value);
    Reader r{object, std::nullopt};

    if (kind == QLatin1String("opioid")) {
        OpioidEntry e;
        e.drug = r.text("drug", true).trimmed().toLower();
        e.strengthMg = r.optionalNumber("strength_mg");
        e.strengthMcgPerHr = r.optionalNumber("strength_mcg_per_hr");
        e.unitsPerDose = r.number("units_per_dose", false, 1);
        e.dosesPerDay = r.number("doses_per_day", false, 0);
        e.patches = r.integer("patches", false, 1);
        e.prn = r.boolean("prn", false);
        e.start = r.date("start", true);
        e.end = r.date("end", false);
        return finish(r, e);
    }
    if (kind == QLatin1String("benzodiazepine")) {
        BenzodiazepineEntry e;
        e.drug = r.text("drug", true).trimmed().toLower();
        e.start = r.date("start", true);
        e.end = r.date("end", false);
        return finish(r, e);
    }
    if (kind == QLatin1String("agreement")) {
        Agreement a;
        a.date = r.date("date", true);
        a.note = r.text("note");
        return finish(r, a);
    }
    if (kind == QLatin1String("pdmp_check")) {
        PdmpCheck c;
        c.date = r.date("date", true);
        c.checkedBy = r.text("checked_by");
        c.concerning = r.boolean("concerning", false);
        c.findings = r.text("findings");
        return finish(r, c);
    }
    if (kind == QLatin1String("naloxone")) {
        NaloxoneRecord n;
        n.date = r.date("date", true);
        n.action = r.enumeration("action", NaloxoneAction::Offered);
        return finish(r, n);
    }
    if (kind == QLatin1String("uds")) {
        UrineDrugScreen u;
        u.date = r.date("date", true);
        u.result = r.enumeration("result", UdsResult::Pending, true);
        const QJsonValue substances = object.value(QStringLiteral("substances"));
        if (!substances.isUndefined() && !substances.isNull()) {
            if (!substances.isArray())
                return Error{QStringLiteral("substances"), QStringLiteral("must be a list of names")};
            const QJsonArray list = substances.toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                if (!list.at(i).isString())
                    return Error{QStringLiteral("substances[%1]").arg(i), QStringLiteral("must be text")};
                u.substances.append(list.at(i).toString());
            }
        }
        return finish(r, u);
    }
    if (kind == QLatin1String("visit")) {
        Visit v;
        v.date = r.date("date", true);
        v.status = r.enumeration("status", VisitStatus::Scheduled, true);
        return finish(r, v);
    }
    if (kind == QLatin1String("peg")) {
        PegScore p;
        p.date = r.date("date", true);
        p.pain = r.integer("pain", true);
        p.enjoyment = r.integer("enjoyment", true);
        p.activity = r.integer("activity", true);
        return finish(r, p);
    }
    if (kind == QLatin1String("screening")) {
        Screening s;
        s.instrument = r.text("instrument", true).trimmed().toLower();
        s.date = r.date("date", true);
        s.answers = object.value(QStringLiteral("answers"));
        if (!r.error && (s.answers.isUndefined() || s.answers.isNull()))
            return Error{QStringLiteral("answers"), QStringLiteral("is required")};
        return finish(r, s);
    }
    if (kind == QLatin1String("referral")) {
        Referral f;
        f.date = r.date("date", true);
        f.type = r.text("type", true);
        f.to = r.text("to");
        f.status = r.enumeration("status", ReferralStatus::Proposed);
        return finish(r, f);
    }
    if (kind == QLatin1String("goal")) {
        CarePlanGoal g;
        g.date = r.date("date", true);
        g.goal = r.text("goal", true);
        g.status = r.enumeration("status", GoalStatus::Active);
        return finish(r, g);
    }
    if (kind == QLatin1String("script_use")) {
        ScriptUse u;
        u.date = r.date("date", true);
        u.scriptId = r.text("script_id", true);
        u.scriptVersion = r.integer("script_version", false, 1);
        const QString language = r.text("language");
        if (!language.isEmpty())
            u.language = language;
        u.note = r.text("note");
        return finish(r, u);
    }
    return Error{QStringLiteral("kind"), QStringLiteral("unknown record kind \"%1\"").arg(kind.left(40))};
}

QJsonObject demographicsToJson(const Patient &p)
{
    QJsonObject o{{QStringLiteral("id"), p.id},
                  {QStringLiteral("clinic_id"), p.clinicId},
                  {QStringLiteral("name"), p.name},
                  {QStringLiteral("sex"), toString(p.sex)},
                  {QStringLiteral("birth_date"), dateValue(p.birthDate)},
                  {QStringLiteral("prescriber"), p.prescriber},
                  {QStringLiteral("ltot_start"), dateValue(p.ltotStart)},
                  {QStringLiteral("risk_tier"), p.riskTier ? QJsonValue(toString(*p.riskTier)) : QJsonValue(QJsonValue::Null)},
                  {QStringLiteral("language"), p.language},
                  {QStringLiteral("taper_status"), toString(p.taperStatus)}};
    if (!p.phone.isEmpty())
        o.insert(QStringLiteral("phone"), p.phone);
    return o;
}

Result<Patient> demographicsFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Error{QString(), QStringLiteral("must be a JSON object")};
    const QJsonObject object = value.toObject();
    Reader r{object, std::nullopt};
    Patient p;
    p.id = r.text("id");
    p.clinicId = r.text("clinic_id");
    p.name = r.text("name");
    p.sex = r.enumeration("sex", Sex::Unknown);
    p.birthDate = r.date("birth_date", false);
    p.prescriber = r.text("prescriber");
    p.ltotStart = r.date("ltot_start", false);
    const QString tier = r.text("risk_tier");
    if (!tier.isEmpty()) {
        RiskTier t{};
        if (!parse(tier, &t))
            return Error{QStringLiteral("risk_tier"), QStringLiteral("must be low, moderate, high or null")};
        p.riskTier = t;
    }
    p.phone = r.text("phone");
    const QString language = r.text("language");
    if (!language.isEmpty())
        p.language = language;
    p.taperStatus = r.enumeration("taper_status", TaperStatus::None);
    if (r.error)
        return *r.error;
    return p;
}

void addToPatient(Patient &patient, AnyRecord record)
{
    std::visit(
        [&patient](auto &&r) {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, OpioidEntry>)
                patient.opioids.append(std::move(r));
            else if constexpr (std::is_same_v<T, BenzodiazepineEntry>)
                patient.benzodiazepines.append(std::move(r));
            else if constexpr (std::is_same_v<T, Agreement>)
                patient.agreements.append(std::move(r));
            else if constexpr (std::is_same_v<T, PdmpCheck>)
                patient.pdmpChecks.append(std::move(r));
            else if constexpr (std::is_same_v<T, NaloxoneRecord>)
                patient.naloxone.append(std::move(r));
            else if constexpr (std::is_same_v<T, UrineDrugScreen>)
                patient.uds.append(std::move(r));
            else if constexpr (std::is_same_v<T, Visit>)
                patient.visits.append(std::move(r));
            else if constexpr (std::is_same_v<T, PegScore>)
                patient.peg.append(std::move(r));
            else if constexpr (std::is_same_v<T, Screening>)
                patient.screenings.append(std::move(r));
            else if constexpr (std::is_same_v<T, Referral>)
                patient.referrals.append(std::move(r));
            else if constexpr (std::is_same_v<T, CarePlanGoal>)
                patient.goals.append(std::move(r));
            else
                patient.scriptUses.append(std::move(r));
        },
        std::move(record));
}

}  // namespace cairn::domain
