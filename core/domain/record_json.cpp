#include "core/domain/record_json.h"

#include "core/domain/text.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace cairn::domain {

namespace {

// What a member of a JSON object holds, as the field readers see it.
enum class Shape : quint8 { Absent, Null, Bool, Number, String, Array, Object };

// A member of a QJsonObject.
class JsonMember {
public:
    explicit JsonMember(QJsonValue value)
        : m_value(std::move(value))
    {}
    [[nodiscard]] Shape shape() const
    {
        switch (m_value.type()) {
        case QJsonValue::Null:
            return Shape::Null;
        case QJsonValue::Bool:
            return Shape::Bool;
        case QJsonValue::Double:
            return Shape::Number;
        case QJsonValue::String:
            return Shape::String;
        case QJsonValue::Array:
            return Shape::Array;
        case QJsonValue::Object:
            return Shape::Object;
        case QJsonValue::Undefined:
            break;
        }
        return Shape::Absent;
    }
    [[nodiscard]] QString string() const { return m_value.toString(); }
    [[nodiscard]] double number() const { return m_value.toDouble(); }
    [[nodiscard]] bool boolean() const { return m_value.toBool(); }
    [[nodiscard]] QJsonValue value() const { return m_value; }
    // A date read without going through a QString; the readers fall back to string() when absent.
    [[nodiscard]] std::optional<QDate> isoDate() const { return std::nullopt; }

private:
    QJsonValue m_value;
};

struct JsonSource {
    const QJsonObject &object;
    [[nodiscard]] JsonMember member(QLatin1StringView name) const { return JsonMember(object.value(name)); }
};

// The top level of a payload object read straight from its UTF-8 text, for the shape stored
// payloads have (QJsonDocument::toJson output): a few members, no escapes. Anything else (an
// escape, a duplicate key, a deep nesting, a number QJsonDocument would refuse) is refused here and
// read by QJsonDocument instead, so both paths always agree.
class FlatObject {
public:
    struct Member {
        QByteArrayView key;
        QByteArrayView text;  // a string's content between the quotes, or a value's whole text
        Shape shape = Shape::Absent;
        bool truth = false;
        double number = 0;
    };

    bool parse(QByteArrayView text)
    {
        m_count = 0;
        const char *p = text.data();
        const char *const end = p + text.size();
        skipSpace(p, end);
        if (p == end || *p != '{')
            return false;
        ++p;
        skipSpace(p, end);
        if (p != end && *p == '}') {
            ++p;
        } else {
            for (;;) {
                if (m_count == static_cast<int>(m_members.size()))
                    return false;
                Member &member = m_members[static_cast<std::size_t>(m_count)];
                if (!readString(p, end, &member.key))
                    return false;
                for (int i = 0; i < m_count; ++i) {
                    if (m_members[static_cast<std::size_t>(i)].key == member.key)
                        return false;
                }
                skipSpace(p, end);
                if (p == end || *p != ':')
                    return false;
                ++p;
                skipSpace(p, end);
                if (!readValue(p, end, member, 0))
                    return false;
                ++m_count;
                skipSpace(p, end);
                if (p == end)
                    return false;
                if (*p == '}') {
                    ++p;
                    break;
                }
                if (*p != ',')
                    return false;
                ++p;
                skipSpace(p, end);
            }
        }
        skipSpace(p, end);
        return p == end;
    }

    [[nodiscard]] const Member *find(QLatin1StringView name) const
    {
        for (int i = 0; i < m_count; ++i) {
            const Member &member = m_members[static_cast<std::size_t>(i)];
            if (member.key.size() == name.size() &&
                std::memcmp(member.key.data(), name.data(), static_cast<std::size_t>(name.size())) == 0)
                return &member;
        }
        return nullptr;
    }

private:
    static constexpr int kMaxDepth = 16;

    static void skipSpace(const char *&p, const char *end)
    {
        while (p != end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            ++p;
    }

    // A string without escapes or control characters (JSON forbids raw ones; escapes are rare
    // enough to leave to QJsonDocument).
    static bool readString(const char *&p, const char *end, QByteArrayView *content)
    {
        if (p == end || *p != '"')
            return false;
        const char *const begin = ++p;
        while (p != end && *p != '"') {
            if (*p == '\\' || static_cast<unsigned char>(*p) < 0x20)
                return false;
            ++p;
        }
        if (p == end)
            return false;
        *content = QByteArrayView(begin, p - begin);
        ++p;
        return true;
    }

    // JSON's number grammar; the value as QJsonDocument gives it (an integer that fits 64 bits is
    // read as one, so "-0" is 0; anything else as the nearest double; out of range is refused).
    static bool readNumber(const char *&p, const char *end, double *out)
    {
        const char *const begin = p;
        auto digits = [&] {
            const char *const start = p;
            while (p != end && *p >= '0' && *p <= '9')
                ++p;
            return p - start;
        };
        if (p != end && *p == '-')
            ++p;
        if (p == end)
            return false;
        if (*p == '0')
            ++p;
        else if (digits() == 0)
            return false;
        bool integral = true;
        if (p != end && *p == '.') {
            ++p;
            integral = false;
            if (digits() == 0)
                return false;
        }
        if (p != end && (*p == 'e' || *p == 'E')) {
            ++p;
            integral = false;
            if (p != end && (*p == '+' || *p == '-'))
                ++p;
            if (digits() == 0)
                return false;
        }
        if (integral) {
            long long n = 0;
            if (auto [next, ec] = std::from_chars(begin, p, n); ec == std::errc() && next == p) {
                *out = static_cast<double>(n);
                return true;
            }
        }
        double d = 0;
        auto [next, ec] = std::from_chars(begin, p, d);
        if (ec != std::errc() || next != p || !std::isfinite(d))
            return false;
        *out = d;
        return true;
    }

    static bool readLiteral(const char *&p, const char *end, const char *word)
    {
        const std::size_t length = std::strlen(word);
        if (static_cast<std::size_t>(end - p) < length || std::memcmp(p, word, length) != 0)
            return false;
        p += length;
        return true;
    }

    static bool readValue(const char *&p, const char *end, Member &member, int depth)
    {
        if (p == end)
            return false;
        const char *const begin = p;
        switch (*p) {
        case '"':
            member.shape = Shape::String;
            return readString(p, end, &member.text);
        case '{':
        case '[':
            member.shape = *p == '{' ? Shape::Object : Shape::Array;
            if (!skipNested(p, end, depth + 1))
                return false;
            member.text = QByteArrayView(begin, p - begin);
            return true;
        case 't':
            member.shape = Shape::Bool;
            member.truth = true;
            return readLiteral(p, end, "true");
        case 'f':
            member.shape = Shape::Bool;
            member.truth = false;
            return readLiteral(p, end, "false");
        case 'n':
            member.shape = Shape::Null;
            return readLiteral(p, end, "null");
        default:
            member.shape = Shape::Number;
            if (!readNumber(p, end, &member.number))
                return false;
            member.text = QByteArrayView(begin, p - begin);
            return true;
        }
    }

    // Checks a nested array or object the way QJsonDocument would, without keeping it: it is
    // parsed by QJsonDocument only when a reader asks for it.
    static bool skipNested(const char *&p, const char *end, int depth)
    {
        if (depth > kMaxDepth)
            return false;
        const bool object = *p == '{';
        const char close = object ? '}' : ']';
        ++p;
        skipSpace(p, end);
        if (p != end && *p == close) {
            ++p;
            return true;
        }
        for (;;) {
            if (object) {
                QByteArrayView key;
                if (!readString(p, end, &key))
                    return false;
                skipSpace(p, end);
                if (p == end || *p != ':')
                    return false;
                ++p;
                skipSpace(p, end);
            }
            Member item;
            if (!readValue(p, end, item, depth))
                return false;
            skipSpace(p, end);
            if (p == end)
                return false;
            if (*p == close) {
                ++p;
                return true;
            }
            if (*p != ',')
                return false;
            ++p;
            skipSpace(p, end);
        }
    }

    std::array<Member, 16> m_members;
    int m_count = 0;
};

// A member of a payload read as text. Anything it cannot answer exactly as QJsonValue would
// (a scalar where a nested value is read) sets *fallback, and the payload is read by QJsonDocument.
class TextMember {
public:
    TextMember(const FlatObject::Member *member, PayloadReader &texts, bool *fallback)
        : m_member(member)
        , m_texts(texts)
        , m_fallback(fallback)
    {}
    [[nodiscard]] Shape shape() const { return m_member ? m_member->shape : Shape::Absent; }
    [[nodiscard]] QString string() const { return m_texts.text(m_member->text); }
    [[nodiscard]] double number() const { return m_member->number; }
    [[nodiscard]] bool boolean() const { return m_member->truth; }
    [[nodiscard]] QJsonValue value() const
    {
        switch (shape()) {
        case Shape::Absent:
            return QJsonValue(QJsonValue::Undefined);
        case Shape::Null:
            return QJsonValue(QJsonValue::Null);
        case Shape::Array:
        case Shape::Object: {
            QJsonParseError error{};
            const QJsonDocument document = QJsonDocument::fromJson(m_member->text.toByteArray(), &error);
            if (error.error != QJsonParseError::NoError)
                break;
            return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        }
        default:
            break;
        }
        *m_fallback = true;
        return QJsonValue(QJsonValue::Undefined);
    }
    // "YYYY-MM-DD" of ASCII digits naming a real date; anything else is left to the text readers.
    [[nodiscard]] std::optional<QDate> isoDate() const
    {
        const QByteArrayView t = m_member->text;
        if (t.size() != 10 || t[4] != '-' || t[7] != '-')
            return std::nullopt;
        int parts[3] = {0, 0, 0};
        int part = 0;
        for (qsizetype i = 0; i < 10; ++i) {
            if (i == 4 || i == 7) {
                ++part;
                continue;
            }
            if (t[i] < '0' || t[i] > '9')
                return std::nullopt;
            parts[part] = parts[part] * 10 + (t[i] - '0');
        }
        const QDate date(parts[0], parts[1], parts[2]);
        return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
    }

private:
    const FlatObject::Member *m_member;
    PayloadReader &m_texts;
    bool *m_fallback;
};

struct TextSource {
    const FlatObject &object;
    PayloadReader &texts;
    bool *fallback;
    [[nodiscard]] TextMember member(QLatin1StringView name) const
    {
        return TextMember(object.find(name), texts, fallback);
    }
};

bool absent(Shape shape)
{
    return shape == Shape::Absent || shape == Shape::Null;
}

template <typename F> Result<QDate> dateFromText(const QString &text, const F &field)
{
    // Exactly YYYY-MM-DD: digits with hyphens at 4 and 7 (cheaper than a regular expression on
    // every record of a registry).
    bool shaped = text.size() == 10;
    for (qsizetype i = 0; shaped && i < 10; ++i)
        shaped = (i == 4 || i == 7) ? text.at(i) == QLatin1Char('-') : text.at(i).isDigit();
    const QDate parsed = shaped ? QDate(text.left(4).toInt(), text.mid(5, 2).toInt(), text.mid(8, 2).toInt()) : QDate();
    if (!shaped || !parsed.isValid())
        return Error{QString(field),
                     QStringLiteral("\"%1\" is not a real date (YYYY-MM-DD)").arg(quotedInput(text, 20))};
    return parsed;
}

template <typename M, typename F> Result<QDate> readDate(const M &member, const F &field, bool required)
{
    if (absent(member.shape())) {
        if (required)
            return Error{QString(field), QStringLiteral("is required (YYYY-MM-DD)")};
        return QDate();
    }
    if (member.shape() != Shape::String)
        return Error{QString(field), QStringLiteral("must be a date written YYYY-MM-DD")};
    if (const auto date = member.isoDate())
        return *date;
    return dateFromText(member.string(), field);
}

template <typename M, typename F> Result<QString> readText(const M &member, const F &field, bool required)
{
    if (absent(member.shape())) {
        if (required)
            return Error{QString(field), QStringLiteral("is required")};
        return QString();
    }
    if (member.shape() != Shape::String)
        return Error{QString(field), QStringLiteral("must be text")};
    QString text = member.string();
    if (required && text.trimmed().isEmpty())
        return Error{QString(field), QStringLiteral("must not be empty")};
    return text;
}

template <typename M, typename F>
Result<double> readNumber(const M &member, const F &field, bool required, double fallback)
{
    if (absent(member.shape())) {
        if (required)
            return Error{QString(field), QStringLiteral("is required")};
        return fallback;
    }
    if (member.shape() != Shape::Number || !std::isfinite(member.number()))
        return Error{QString(field), QStringLiteral("must be a number")};
    return member.number();
}

template <typename M, typename F> Result<int> readInteger(const M &member, const F &field, bool required, int fallback)
{
    auto n = readNumber(member, field, required, fallback);
    if (!n)
        return n.error();
    if (std::floor(*n) != *n || std::abs(*n) > 1e9)
        return Error{QString(field), QStringLiteral("must be a whole number")};
    return static_cast<int>(*n);
}

template <typename M, typename F> Result<bool> readBoolean(const M &member, const F &field, bool fallback)
{
    if (absent(member.shape()))
        return fallback;
    if (member.shape() != Shape::Bool)
        return Error{QString(field), QStringLiteral("must be true or false")};
    return member.boolean();
}

}  // namespace

namespace json {

Result<QDate> date(const QJsonObject &object, const QString &field, bool required)
{
    return readDate(JsonMember(object.value(field)), field, required);
}

Result<QString> text(const QJsonObject &object, const QString &field, bool required)
{
    return readText(JsonMember(object.value(field)), field, required);
}

Result<double> number(const QJsonObject &object, const QString &field, bool required, double fallback)
{
    return readNumber(JsonMember(object.value(field)), field, required, fallback);
}

Result<int> integer(const QJsonObject &object, const QString &field, bool required, int fallback)
{
    return readInteger(JsonMember(object.value(field)), field, required, fallback);
}

Result<bool> boolean(const QJsonObject &object, const QString &field, bool fallback)
{
    return readBoolean(JsonMember(object.value(field)), field, fallback);
}

}  // namespace json

namespace {

QJsonValue dateValue(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

// Collects the first error of a sequence of field reads, from a QJsonObject or a payload's text.
template <typename Source> struct Reader {
    const Source &source;
    std::optional<Error> error;

    template <typename T> T take(Result<T> result)
    {
        if (!result) {
            if (!error)
                error = result.error();
            return T{};
        }
        return std::move(result).value();
    }
    auto member(const char *field) const { return source.member(QLatin1StringView(field)); }
    QDate date(const char *field, bool required)
    {
        return take(readDate(member(field), QLatin1StringView(field), required));
    }
    QString text(const char *field, bool required = false)
    {
        return take(readText(member(field), QLatin1StringView(field), required));
    }
    double number(const char *field, bool required, double fallback = 0)
    {
        return take(readNumber(member(field), QLatin1StringView(field), required, fallback));
    }
    int integer(const char *field, bool required, int fallback = 0)
    {
        return take(readInteger(member(field), QLatin1StringView(field), required, fallback));
    }
    bool boolean(const char *field, bool fallback)
    {
        return take(readBoolean(member(field), QLatin1StringView(field), fallback));
    }
    template <typename E> E enumeration(const char *field, E fallback, bool required = false)
    {
        auto raw = readText(member(field), QLatin1StringView(field), required);
        if (!raw)
            return take(Result<E>(raw.error()));
        if (raw->isEmpty())
            return fallback;
        E value = fallback;
        if (!parse(*raw, &value))
            return take(Result<E>(Error{QString(QLatin1StringView(field)),
                                        QStringLiteral("unknown value \"%1\"").arg(quotedInput(*raw, 40))}));
        return value;
    }
    std::optional<double> optionalNumber(const char *field)
    {
        if (absent(member(field).shape()))
            return std::nullopt;
        return number(field, true);
    }
    std::optional<int> optionalInteger(const char *field)
    {
        if (absent(member(field).shape()))
            return std::nullopt;
        return integer(field, true);
    }
};

QJsonObject toJson(const OpioidEntry &e)
{
    QJsonObject o{{QStringLiteral("drug"), e.drug},
                  {QStringLiteral("start"), dateValue(e.start)},
                  {QStringLiteral("end"), dateValue(e.end)}};
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
    if (e.indication != OpioidIndication::Pain)
        o.insert(QStringLiteral("indication"), toString(e.indication));
    return o;
}

// New optional fields are written only when they differ from their default: a record without them
// keeps the form it had before they existed, and absent reads back as the default.
QJsonObject toJson(const BenzodiazepineEntry &e)
{
    QJsonObject o{{QStringLiteral("drug"), e.drug},
                  {QStringLiteral("start"), dateValue(e.start)},
                  {QStringLiteral("end"), dateValue(e.end)}};
    if (e.kind != SedativeKind::Benzodiazepine)
        o.insert(QStringLiteral("kind"), toString(e.kind));
    return o;
}
QJsonObject toJson(const Agreement &a)
{
    QJsonObject o{{QStringLiteral("date"), dateValue(a.date)}};
    if (!a.note.isEmpty())
        o.insert(QStringLiteral("note"), a.note);
    if (a.status != AgreementStatus::Signed)
        o.insert(QStringLiteral("status"), toString(a.status));
    if (!a.textVersion.isEmpty())
        o.insert(QStringLiteral("text_version"), a.textVersion);
    if (!a.language.isEmpty())
        o.insert(QStringLiteral("language"), a.language);
    if (!a.signature.isEmpty())
        o.insert(QStringLiteral("signature"), a.signature);
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
    if (u.confirmatorySent)
        o.insert(QStringLiteral("confirmatory_sent"), true);
    return o;
}
QJsonObject toJson(const Visit &v)
{
    QJsonObject o{{QStringLiteral("date"), dateValue(v.date)}, {QStringLiteral("status"), toString(v.status)}};
    if (!v.time.isEmpty())
        o.insert(QStringLiteral("time"), v.time);
    if (v.type != VisitType::InPerson)
        o.insert(QStringLiteral("type"), toString(v.type));
    if (!v.clinician.isEmpty())
        o.insert(QStringLiteral("clinician"), v.clinician);
    return o;
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
    return {{QStringLiteral("instrument"), s.instrument},
            {QStringLiteral("date"), dateValue(s.date)},
            {QStringLiteral("answers"), s.answers}};
}
QJsonObject toJson(const Referral &r)
{
    QJsonObject o{{QStringLiteral("date"), dateValue(r.date)},
                  {QStringLiteral("type"), r.type},
                  {QStringLiteral("to"), r.to},
                  {QStringLiteral("status"), toString(r.status)}};
    if (r.urgency != ReferralUrgency::Routine)
        o.insert(QStringLiteral("urgency"), toString(r.urgency));
    if (!r.resourceId.isEmpty())
        o.insert(QStringLiteral("resource_id"), r.resourceId);
    if (!r.question.isEmpty())
        o.insert(QStringLiteral("question"), r.question);
    if (r.statusDate.isValid())
        o.insert(QStringLiteral("status_date"), dateValue(r.statusDate));
    return o;
}
QJsonObject toJson(const NoReferralDecision &d)
{
    return {{QStringLiteral("date"), dateValue(d.date)},
            {QStringLiteral("trigger"), toString(d.trigger)},
            {QStringLiteral("reason"), d.reason}};
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
    QJsonObject o{{QStringLiteral("date"), dateValue(g.date)},
                  {QStringLiteral("goal"), g.goal},
                  {QStringLiteral("status"), toString(g.status)}};
    if (g.targetDate.isValid())
        o.insert(QStringLiteral("target_date"), dateValue(g.targetDate));
    if (g.reviewed.isValid())
        o.insert(QStringLiteral("reviewed"), dateValue(g.reviewed));
    return o;
}

QJsonObject toJson(const TaperPlan &t)
{
    QJsonArray steps;
    for (const TaperStep &step : t.steps) {
        QJsonObject o{{QStringLiteral("date"), dateValue(step.date)},
                      {QStringLiteral("description"), step.description}};
        o.insert(QStringLiteral("target_mme_per_day"),
                 step.targetMmePerDay ? QJsonValue(*step.targetMmePerDay) : QJsonValue(QJsonValue::Null));
        steps.append(o);
    }
    QJsonObject o{{QStringLiteral("date"), dateValue(t.date)},
                  {QStringLiteral("status"), toString(t.status)},
                  {QStringLiteral("drug"), t.drug},
                  {QStringLiteral("steps"), steps}};
    if (!t.note.isEmpty())
        o.insert(QStringLiteral("note"), t.note);
    return o;
}

QJsonObject toJson(const RefillRequest &q)
{
    QJsonObject o{{QStringLiteral("date"), dateValue(q.date)},       {QStringLiteral("medication"), q.medication},
                  {QStringLiteral("channel"), toString(q.channel)},  {QStringLiteral("early"), q.early},
                  {QStringLiteral("lost_stolen"), q.lostStolen},     {QStringLiteral("police_report"), q.policeReport},
                  {QStringLiteral("decision"), toString(q.decision)}};
    if (!q.decisionReason.isEmpty())
        o.insert(QStringLiteral("decision_reason"), q.decisionReason);
    if (q.daysSupply)
        o.insert(QStringLiteral("days_supply"), *q.daysSupply);
    return o;
}

QJsonObject toJson(const MedicationReview &m)
{
    return {{QStringLiteral("date"), dateValue(m.date)}, {QStringLiteral("reviewed_by"), m.reviewedBy}};
}

QJsonObject toJson(const UdsSelection &u)
{
    return {{QStringLiteral("date"), dateValue(u.date)},          {QStringLiteral("selected"), u.selected},
            {QStringLiteral("interval_days"), u.intervalDays},    {QStringLiteral("window"), u.window},
            {QStringLiteral("drawn_day"), dateValue(u.drawnDay)}, {QStringLiteral("policy_version"), u.policyVersion}};
}

QJsonObject toJson(const RefillOverride &o)
{
    return {{QStringLiteral("date"), dateValue(o.date)},
            {QStringLiteral("rules"), o.rules},
            {QStringLiteral("reason"), o.reason},
            {QStringLiteral("clinician"), o.clinician},
            {QStringLiteral("policy_version"), o.policyVersion}};
}

QJsonObject toJson(const LtotDecision &d)
{
    return {{QStringLiteral("date"), dateValue(d.date)},
            {QStringLiteral("long_term"), d.longTerm},
            {QStringLiteral("reason"), d.reason}};
}

QJsonObject toJson(const OudAssessment &a)
{
    QJsonObject criteria;
    for (std::size_t i = 0; i < kOudCriteria.size(); ++i)
        criteria.insert(QLatin1StringView(kOudCriteria[i]),
                        a.criteria[i] ? QJsonValue(*a.criteria[i]) : QJsonValue(QJsonValue::Null));
    QJsonObject o{
        {QStringLiteral("date"), dateValue(a.date)},
        {QStringLiteral("clinician"), a.clinician},
        {QStringLiteral("criteria"), criteria},
        {QStringLiteral("as_prescribed"), a.asPrescribed ? QJsonValue(*a.asPrescribed) : QJsonValue(QJsonValue::Null)}};
    if (!a.note.isEmpty())
        o.insert(QStringLiteral("note"), a.note);
    return o;
}

QJsonObject toJson(const MoudStatus &m)
{
    QJsonObject o{{QStringLiteral("date"), dateValue(m.date)}, {QStringLiteral("state"), toString(m.state)}};
    if (!m.medication.isEmpty())
        o.insert(QStringLiteral("medication"), m.medication);
    if (!m.referredTo.isEmpty())
        o.insert(QStringLiteral("referred_to"), m.referredTo);
    if (!m.resourceId.isEmpty())
        o.insert(QStringLiteral("resource_id"), m.resourceId);
    if (!m.note.isEmpty())
        o.insert(QStringLiteral("note"), m.note);
    return o;
}

QJsonObject toJson(const Intake &i)
{
    return {{QStringLiteral("date"), dateValue(i.date)},
            {QStringLiteral("referral_source"), i.referralSource},
            {QStringLiteral("prior_prescriber"), i.priorPrescriber},
            {QStringLiteral("reason_left"), i.reasonLeft},
            {QStringLiteral("records_requested"), dateValue(i.recordsRequested)},
            {QStringLiteral("records_received"), dateValue(i.recordsReceived)},
            {QStringLiteral("diagnosis"), i.diagnosis},
            {QStringLiteral("outcome"), i.outcome ? QJsonValue(toString(*i.outcome)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("outcome_date"), dateValue(i.outcomeDate)},
            {QStringLiteral("review_date"), dateValue(i.reviewDate)},
            {QStringLiteral("outcome_by"), i.outcomeBy},
            {QStringLiteral("outcome_note"), i.outcomeNote}};
}

QJsonObject toJson(const CaseConference &c)
{
    QJsonObject o{{QStringLiteral("date"), dateValue(c.date)},
                  {QStringLiteral("question"), c.question},
                  {QStringLiteral("status"), toString(c.status)}};
    if (c.meetingDate.isValid())
        o.insert(QStringLiteral("meeting_date"), dateValue(c.meetingDate));
    if (!c.consultNote.isEmpty())
        o.insert(QStringLiteral("consult_note"), c.consultNote);
    if (!c.recommendations.isEmpty()) {
        QJsonArray list;
        for (const Recommendation &r : c.recommendations)
            list.append(recommendationToJson(r));
        o.insert(QStringLiteral("recommendations"), list);
    }
    if (!c.scripts.isEmpty())
        o.insert(QStringLiteral("scripts"), QJsonArray::fromStringList(c.scripts));
    return o;
}

QJsonObject toJson(const Task &t)
{
    QJsonObject o{{QStringLiteral("date"), dateValue(t.date)},
                  {QStringLiteral("text"), t.text},
                  {QStringLiteral("owner_role"), t.ownerRole},
                  {QStringLiteral("due"), dateValue(t.due)},
                  {QStringLiteral("status"), toString(t.status)}};
    if (!t.conferenceId.isEmpty())
        o.insert(QStringLiteral("conference_id"), t.conferenceId);
    return o;
}

// Kinds marked shortForm in record_kinds.h (agreements, PDMP checks, naloxone) may be written as a
// bare date string (the contract's short form) or as an object.
QJsonObject expandShortForm(const QJsonValue &value)
{
    if (value.isString())
        return QJsonObject{{QStringLiteral("date"), value}};
    return value.toObject();
}

template <typename Source, typename T> Result<AnyRecord> finish(Reader<Source> &r, T record)
{
    if (r.error)
        return *r.error;
    return AnyRecord(std::move(record));
}

// The one reader of each record kind, from a QJsonObject or from a payload's text: read(r, tag)
// for each type of kRecordKinds.
template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<OpioidEntry>)
{
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
    e.indication = r.enumeration("indication", OpioidIndication::Pain);
    return finish(r, e);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<BenzodiazepineEntry>)
{
    BenzodiazepineEntry e;
    e.drug = r.text("drug", true).trimmed().toLower();
    e.start = r.date("start", true);
    e.end = r.date("end", false);
    e.kind = r.enumeration("kind", SedativeKind::Benzodiazepine);
    return finish(r, e);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<Agreement>)
{
    Agreement a;
    a.date = r.date("date", true);
    a.note = r.text("note");
    a.status = r.enumeration("status", AgreementStatus::Signed);
    a.textVersion = r.text("text_version");
    a.language = r.text("language");
    a.signature = r.text("signature");
    return finish(r, a);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<PdmpCheck>)
{
    PdmpCheck c;
    c.date = r.date("date", true);
    c.checkedBy = r.text("checked_by");
    c.concerning = r.boolean("concerning", false);
    c.findings = r.text("findings");
    return finish(r, c);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<NaloxoneRecord>)
{
    NaloxoneRecord n;
    n.date = r.date("date", true);
    n.action = r.enumeration("action", NaloxoneAction::Offered);
    return finish(r, n);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<UrineDrugScreen>)
{
    UrineDrugScreen u;
    u.date = r.date("date", true);
    u.result = r.enumeration("result", UdsResult::Pending, true);
    u.confirmatorySent = r.boolean("confirmatory_sent", false);
    const auto member = r.member("substances");
    if (!absent(member.shape())) {
        if (member.shape() != Shape::Array)
            return Error{QStringLiteral("substances"), QStringLiteral("must be a list of names")};
        const QJsonArray list = member.value().toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isString())
                return Error{QStringLiteral("substances[%1]").arg(i), QStringLiteral("must be text")};
            u.substances.append(list.at(i).toString());
        }
    }
    return finish(r, u);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<Visit>)
{
    Visit v;
    v.date = r.date("date", true);
    v.status = r.enumeration("status", VisitStatus::Scheduled, true);
    v.time = r.text("time");
    v.type = r.enumeration("type", VisitType::InPerson);
    v.clinician = r.text("clinician");
    return finish(r, v);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<PegScore>)
{
    PegScore p;
    p.date = r.date("date", true);
    p.pain = r.integer("pain", true);
    p.enjoyment = r.integer("enjoyment", true);
    p.activity = r.integer("activity", true);
    return finish(r, p);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<Screening>)
{
    Screening s;
    s.instrument = r.text("instrument", true).trimmed().toLower();
    s.date = r.date("date", true);
    s.answers = r.member("answers").value();
    if (!r.error && (s.answers.isUndefined() || s.answers.isNull()))
        return Error{QStringLiteral("answers"), QStringLiteral("is required")};
    return finish(r, s);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<Referral>)
{
    Referral f;
    f.date = r.date("date", true);
    f.type = r.text("type");
    f.to = r.text("to");
    f.status = r.enumeration("status", ReferralStatus::Drafted);
    f.resourceId = r.text("resource_id");
    f.question = r.text("question");
    f.urgency = r.enumeration("urgency", ReferralUrgency::Routine);
    f.statusDate = r.date("status_date", false);
    return finish(r, f);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<NoReferralDecision>)
{
    NoReferralDecision d;
    d.date = r.date("date", true);
    d.trigger = r.enumeration("trigger", ReferralTrigger::HighDose, true);
    d.reason = r.text("reason", true);
    return finish(r, d);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<CarePlanGoal>)
{
    CarePlanGoal g;
    g.date = r.date("date", true);
    g.goal = r.text("goal", true);
    g.status = r.enumeration("status", GoalStatus::Active);
    g.targetDate = r.date("target_date", false);
    g.reviewed = r.date("reviewed", false);
    return finish(r, g);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<ScriptUse>)
{
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

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<TaperPlan>)
{
    TaperPlan t;
    t.date = r.date("date", true);
    t.status = r.enumeration("status", TaperStatus::Planned, true);
    t.drug = r.text("drug");
    t.note = r.text("note");
    const auto member = r.member("steps");
    if (!absent(member.shape())) {
        if (member.shape() != Shape::Array)
            return Error{QStringLiteral("steps"), QStringLiteral("must be a list of steps")};
        const QJsonArray list = member.value().toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = QStringLiteral("steps[%1]").arg(i);
            if (!list.at(i).isObject())
                return Error{at, QStringLiteral("must be an object with date, description and target_mme_per_day")};
            const QJsonObject o = list.at(i).toObject();
            TaperStep step;
            auto date = json::date(o, QStringLiteral("date"), true);
            if (!date)
                return date.error().within(at);
            step.date = *date;
            auto description = json::text(o, QStringLiteral("description"), false);
            if (!description)
                return description.error().within(at);
            step.description = *description;
            const QJsonValue target = o.value(QStringLiteral("target_mme_per_day"));
            if (!target.isUndefined() && !target.isNull()) {
                auto mme = json::number(o, QStringLiteral("target_mme_per_day"), true);
                if (!mme)
                    return mme.error().within(at);
                step.targetMmePerDay = *mme;
            }
            t.steps.append(step);
        }
    }
    return finish(r, t);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<RefillRequest>)
{
    RefillRequest q;
    q.date = r.date("date", true);
    q.medication = r.text("medication", true);
    q.channel = r.enumeration("channel", RefillChannel::Phone, true);
    q.early = r.boolean("early", false);
    q.lostStolen = r.boolean("lost_stolen", false);
    q.policeReport = r.boolean("police_report", false);
    q.decision = r.enumeration("decision", RefillDecision::Pending);
    q.decisionReason = r.text("decision_reason");
    q.daysSupply = r.optionalInteger("days_supply");
    return finish(r, q);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<MedicationReview>)
{
    MedicationReview m;
    m.date = r.date("date", true);
    m.reviewedBy = r.text("reviewed_by", true);
    return finish(r, m);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<UdsSelection>)
{
    UdsSelection u;
    u.date = r.date("date", true);
    u.selected = r.boolean("selected", false);
    u.intervalDays = r.integer("interval_days", true);
    u.window = r.integer("window", true);
    u.drawnDay = r.date("drawn_day", true);
    u.policyVersion = r.text("policy_version", true);
    return finish(r, u);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<RefillOverride>)
{
    RefillOverride o;
    o.date = r.date("date", true);
    o.rules = r.text("rules", true);
    o.reason = r.text("reason", true);
    o.clinician = r.text("clinician", true);
    o.policyVersion = r.text("policy_version", true);
    return finish(r, o);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<LtotDecision>)
{
    LtotDecision d;
    d.date = r.date("date", true);
    d.longTerm = r.boolean("long_term", true);
    d.reason = r.text("reason", true);
    return finish(r, d);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<OudAssessment>)
{
    OudAssessment a;
    a.date = r.date("date", true);
    a.clinician = r.text("clinician");
    a.note = r.text("note");
    // An unanswered criterion stays unanswered (validation names it): nothing is assumed.
    const auto member = r.member("criteria");
    if (!r.error && !absent(member.shape())) {
        if (member.shape() != Shape::Object)
            return Error{QStringLiteral("criteria"), QStringLiteral("must be an object of yes/no answers")};
        const QJsonObject criteria = member.value().toObject();
        for (auto it = criteria.begin(); it != criteria.end(); ++it) {
            const auto known = std::find_if(kOudCriteria.cbegin(), kOudCriteria.cend(),
                                            [&](const char *id) { return it.key() == QLatin1StringView(id); });
            if (known == kOudCriteria.cend())
                return Error{QStringLiteral("criteria.") + it.key(), QStringLiteral("is not a DSM-5 criterion")};
            if (it.value().isNull())
                continue;
            if (!it.value().isBool())
                return Error{QStringLiteral("criteria.") + it.key(), QStringLiteral("must be true or false")};
            a.criteria[static_cast<std::size_t>(known - kOudCriteria.cbegin())] = it.value().toBool();
        }
    }
    const auto asPrescribed = r.member("as_prescribed");
    if (!r.error && !absent(asPrescribed.shape()))
        a.asPrescribed = r.boolean("as_prescribed", false);
    return finish(r, a);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<MoudStatus>)
{
    MoudStatus m;
    m.date = r.date("date", true);
    m.state = r.enumeration("state", MoudState::Offered, true);
    m.medication = r.text("medication");
    m.referredTo = r.text("referred_to");
    m.resourceId = r.text("resource_id");
    m.note = r.text("note");
    return finish(r, m);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<Intake>)
{
    Intake i;
    i.date = r.date("date", true);
    i.referralSource = r.text("referral_source");
    i.priorPrescriber = r.text("prior_prescriber");
    i.reasonLeft = r.text("reason_left");
    i.recordsRequested = r.date("records_requested", false);
    i.recordsReceived = r.date("records_received", false);
    i.diagnosis = r.text("diagnosis");
    const QString outcome = r.text("outcome");
    if (!r.error && !outcome.isEmpty()) {
        IntakeOutcome value{};
        if (!parse(outcome, &value))
            return Error{QStringLiteral("outcome"),
                         QStringLiteral("must be continue, bridge, taper, refer or not_taken_on")};
        i.outcome = value;
    }
    i.outcomeDate = r.date("outcome_date", false);
    i.reviewDate = r.date("review_date", false);
    i.outcomeBy = r.text("outcome_by");
    i.outcomeNote = r.text("outcome_note");
    return finish(r, i);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<CaseConference>)
{
    CaseConference c;
    c.date = r.date("date", true);
    c.question = r.text("question", true);
    c.status = r.enumeration("status", ConferenceStatus::Requested);
    c.meetingDate = r.date("meeting_date", false);
    c.consultNote = r.text("consult_note");
    if (r.error)
        return *r.error;
    const auto recommendations = r.member("recommendations");
    if (!absent(recommendations.shape())) {
        if (recommendations.shape() != Shape::Array)
            return Error{QStringLiteral("recommendations"), QStringLiteral("must be a list of recommendations")};
        const QJsonArray list = recommendations.value().toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = QStringLiteral("recommendations[%1]").arg(i);
            if (!list.at(i).isObject())
                return Error{at, QStringLiteral("must be an object with kind and text")};
            auto item = recommendationFromJson(list.at(i).toObject());
            if (!item)
                return item.error().within(at);
            c.recommendations.append(*item);
        }
    }
    const auto scripts = r.member("scripts");
    if (!absent(scripts.shape())) {
        if (scripts.shape() != Shape::Array)
            return Error{QStringLiteral("scripts"), QStringLiteral("must be a list of script ids")};
        const QJsonArray list = scripts.value().toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isString())
                return Error{QStringLiteral("scripts[%1]").arg(i), QStringLiteral("must be a script id")};
            c.scripts.append(list.at(i).toString());
        }
    }
    return finish(r, c);
}

template <typename S> Result<AnyRecord> read(Reader<S> &r, std::type_identity<Task>)
{
    Task t;
    t.date = r.date("date", true);
    t.text = r.text("text", true);
    t.ownerRole = r.text("owner_role", true);
    t.due = r.date("due", true);
    t.status = r.enumeration("status", TaskStatus::Open);
    t.conferenceId = r.text("conference_id");
    return finish(r, t);
}

template <typename Source> Result<AnyRecord> readRecord(std::size_t kindIndex, const Source &source)
{
    Reader<Source> r{source, std::nullopt};
    return withKindAt(kindIndex, [&r](auto type) { return read(r, type); });
}

template <typename Source> Result<Patient> readDemographics(const Source &source)
{
    Reader<Source> r{source, std::nullopt};
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
    p.status = r.enumeration("status", PatientStatus::Active);
    const QString reason = r.text("inactive_reason");
    if (!reason.isEmpty()) {
        InactiveReason why{};
        if (!parse(reason, &why))
            return Error{QStringLiteral("inactive_reason"),
                         QStringLiteral("must be moved, deceased, discharged, tapered_off or transferred")};
        p.inactiveReason = why;
    }
    p.inactiveDate = r.date("inactive_date", false);
    p.riskTierReason = r.text("risk_tier_reason");
    p.opioidPrescriberSince = r.date("opioid_prescriber_since", false);
    if (r.error)
        return *r.error;
    return p;
}

// The object QJsonDocument makes of a stored payload, as whole-record reads always did: the text
// through QString (invalid UTF-8 becomes U+FFFD), anything but an object read as an empty one.
QJsonObject parsedPayload(QByteArrayView payload)
{
    return QJsonDocument::fromJson(QString::fromUtf8(payload).toUtf8()).object();
}

}  // namespace

QString recordKind(const AnyRecord &record)
{
    return recordKindName(record.index());
}

QLatin1StringView recordKindName(std::size_t kindIndex)
{
    return kRecordKindInfo.at(kindIndex).kind();
}

bool knownRecordKindForPatient(const QString &kind)
{
    return recordKindIndex(kind).has_value();
}

QDate recordDate(const AnyRecord &record)
{
    return std::visit(
        [](const auto &r) -> QDate {
            if constexpr (requires { r.start; })
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
    const auto index = recordKindIndex(kind);
    const bool shortForm = index && kRecordKindInfo[*index].shortForm;
    if (!value.isObject() && !(shortForm && value.isString()))
        return Error{QString(), QStringLiteral("must be a JSON object")};
    if (!index)
        return Error{QStringLiteral("kind"), QStringLiteral("unknown record kind \"%1\"").arg(quotedInput(kind, 40))};
    const QJsonObject object = expandShortForm(value);
    return readRecord(*index, JsonSource{object});
}

QJsonObject demographicsToJson(const Patient &p)
{
    QJsonObject o{
        {QStringLiteral("id"), p.id},
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
    // Written only when they say something, so demographics stored before them keep their form.
    if (p.status != PatientStatus::Active)
        o.insert(QStringLiteral("status"), toString(p.status));
    if (p.inactiveReason)
        o.insert(QStringLiteral("inactive_reason"), toString(*p.inactiveReason));
    if (p.inactiveDate.isValid())
        o.insert(QStringLiteral("inactive_date"), dateValue(p.inactiveDate));
    if (!p.riskTierReason.isEmpty())
        o.insert(QStringLiteral("risk_tier_reason"), p.riskTierReason);
    if (p.opioidPrescriberSince.isValid())
        o.insert(QStringLiteral("opioid_prescriber_since"), dateValue(p.opioidPrescriberSince));
    return o;
}

Result<Patient> demographicsFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Error{QString(), QStringLiteral("must be a JSON object")};
    const QJsonObject object = value.toObject();
    return readDemographics(JsonSource{object});
}

Result<AnyRecord> PayloadReader::record(std::size_t kindIndex, QByteArrayView payload)
{
    FlatObject object;
    if (object.parse(payload)) {
        bool fallback = false;
        auto record = readRecord(kindIndex, TextSource{object, *this, &fallback});
        if (!fallback)
            return record;
    }
    const QJsonObject parsed = parsedPayload(payload);
    return readRecord(kindIndex, JsonSource{parsed});
}

Result<Patient> PayloadReader::demographics(QByteArrayView payload)
{
    FlatObject object;
    if (object.parse(payload)) {
        bool fallback = false;
        auto patient = readDemographics(TextSource{object, *this, &fallback});
        if (!fallback)
            return patient;
    }
    const QJsonObject parsed = parsedPayload(payload);
    return readDemographics(JsonSource{parsed});
}

QString PayloadReader::text(QByteArrayView utf8)
{
    // Short texts repeat (drug names, enum words, user and device ids); long ones are free text.
    constexpr qsizetype kShort = 40;
    constexpr qsizetype kMaxKept = 1 << 16;
    if (utf8.size() > kShort)
        return QString::fromUtf8(utf8);
    const auto size = static_cast<std::size_t>(utf8.size());
    const auto *bytes = reinterpret_cast<const unsigned char *>(utf8.data());
    const std::size_t slot =
        size == 0 ? 0 : (size * 31 + bytes[0] * 7 + bytes[size / 2] * 13 + bytes[size - 1]) % m_recent.size();
    Recent &recent = m_recent[slot];
    if (recent.utf8 == utf8 && !recent.utf8.isNull())
        return recent.text;
    const QByteArray key = QByteArray::fromRawData(utf8.data(), utf8.size());
    QString text;
    if (const auto found = m_texts.constFind(key); found != m_texts.cend()) {
        text = *found;
    } else {
        text = QString::fromUtf8(utf8);
        if (m_texts.size() < kMaxKept)
            m_texts.insert(utf8.toByteArray(), text);
    }
    recent = {utf8.toByteArray(), text};
    return text;
}

void addToPatient(Patient &patient, AnyRecord record)
{
    std::visit([&patient](auto &&r) { listOf<std::decay_t<decltype(r)>>(patient).append(std::move(r)); },
               std::move(record));
}

QJsonObject recommendationToJson(const Recommendation &r)
{
    QJsonObject item{{QStringLiteral("kind"), toString(r.kind)}, {QStringLiteral("text"), r.text}};
    if (!r.ownerRole.isEmpty())
        item.insert(QStringLiteral("owner_role"), r.ownerRole);
    if (r.due.isValid())
        item.insert(QStringLiteral("due"), r.due.toString(Qt::ISODate));
    if (!r.referralType.isEmpty())
        item.insert(QStringLiteral("referral_type"), r.referralType);
    if (r.targetMmePerDay)
        item.insert(QStringLiteral("target_mme_per_day"), *r.targetMmePerDay);
    if (!r.recordId.isEmpty())
        item.insert(QStringLiteral("record_id"), r.recordId);
    return item;
}

Result<Recommendation> recommendationFromJson(const QJsonObject &object)
{
    Recommendation r;
    auto kind = json::text(object, QStringLiteral("kind"), true);
    if (!kind)
        return kind.error();
    if (!parse(*kind, &r.kind))
        return Error{QStringLiteral("kind"), QStringLiteral("must be task, referral, goal or taper_step")};
    auto text = json::text(object, QStringLiteral("text"), true);
    if (!text)
        return text.error();
    r.text = *text;
    auto owner = json::text(object, QStringLiteral("owner_role"), false);
    if (!owner)
        return owner.error();
    r.ownerRole = *owner;
    auto due = json::date(object, QStringLiteral("due"), false);
    if (!due)
        return due.error();
    r.due = *due;
    auto type = json::text(object, QStringLiteral("referral_type"), false);
    if (!type)
        return type.error();
    r.referralType = *type;
    const QJsonValue target = object.value(QStringLiteral("target_mme_per_day"));
    if (!target.isUndefined() && !target.isNull()) {
        auto mme = json::number(object, QStringLiteral("target_mme_per_day"), true);
        if (!mme)
            return mme.error();
        r.targetMmePerDay = *mme;
    }
    auto recordId = json::text(object, QStringLiteral("record_id"), false);
    if (!recordId)
        return recordId.error();
    r.recordId = *recordId;
    return r;
}

}  // namespace cairn::domain
