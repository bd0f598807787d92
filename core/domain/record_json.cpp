#include "core/domain/record_json.h"

#include "core/domain/text.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <type_traits>

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

// How a field is read and when it is written. Each kind lists its fields once, in describe()
// below; the writer and both readers follow that list, so a field written is a field read back.
enum class Need : quint8 {
    Required,   // absent or null (or blank text) is an error naming the field; always written
    Optional,   // absent or null reads as the default; always written (an absent value as null)
    IfSet,      // absent or null reads as the default; written only when set (not empty, not the default)
    Unwritten,  // read as Optional, not written: a field of the record's other form (OpioidEntry)
};
using enum Need;

// R is T when a reader fills a record, const T when the writer writes one.
template <typename R, typename T>
concept RecordOf = std::is_same_v<std::remove_const_t<R>, T>;

template <typename T> QJsonObject toJson(const T &record);
template <typename T, typename Source> std::optional<Error> readInto(const Source &source, T &record);

QString itemName(const char *field, qsizetype index)
{
    return QString::fromLatin1(field) + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// Writes a record's JSON object from its description.
class JsonWriter {
public:
    QJsonObject object;

    void date(const char *field, const QDate &value, Need need)
    {
        put(field, need, value.isValid(), [&] { return dateValue(value); });
    }
    void text(const char *field, const QString &value, Need need, const QString & /*whenEmpty*/ = QString())
    {
        put(field, need, !value.isEmpty(), [&] { return QJsonValue(value); });
    }
    void canonicalName(const char *field, const QString &value, Need need) { text(field, value, need); }
    void number(const char *field, double value, Need need, double fallback = 0)
    {
        put(field, need, value != fallback, [&] { return QJsonValue(value); });
    }
    void integer(const char *field, int value, Need need, int fallback = 0)
    {
        put(field, need, value != fallback, [&] { return QJsonValue(value); });
    }
    void boolean(const char *field, bool value, Need need, bool fallback = false)
    {
        put(field, need, value != fallback, [&] { return QJsonValue(value); });
    }
    template <typename E>
    void enumeration(const char *field, E value, Need need, E fallback = E{}, const char * /*unknown*/ = nullptr)
    {
        put(field, need, value != fallback, [&] { return QJsonValue(toString(value)); });
    }
    template <typename E>
    void nullableEnumeration(const char *field, const std::optional<E> &value, Need need, const char * /*unknown*/)
    {
        put(field, need, value.has_value(),
            [&] { return value ? QJsonValue(toString(*value)) : QJsonValue(QJsonValue::Null); });
    }
    template <typename T> void nullable(const char *field, const std::optional<T> &value, Need need)
    {
        put(field, need, value.has_value(), [&] { return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null); });
    }
    void textList(const char *field, const QStringList &value, Need need, const char *, const char *)
    {
        put(field, need, !value.isEmpty(), [&] { return QJsonValue(QJsonArray::fromStringList(value)); });
    }
    template <typename T>
    void objectList(const char *field, const QList<T> &value, Need need, const char *, const char *)
    {
        put(field, need, !value.isEmpty(), [&] {
            QJsonArray list;
            for (const T &item : value)
                list.append(toJson(item));
            return QJsonValue(list);
        });
    }
    void anyJson(const char *field, const QJsonValue &value, Need need)
    {
        put(field, need, !value.isUndefined() && !value.isNull(), [&] { return value; });
    }
    // A member with a shape of its own: Codec::write(value) gives its JSON.
    template <typename Codec, typename T> void custom(const char *field, const T &value, Need need, Codec)
    {
        put(field, need, true, [&] { return Codec::write(value); });
    }

private:
    template <typename Make> void put(const char *field, Need need, bool set, const Make &make)
    {
        if (need == Required || need == Optional || (need == IfSet && set))
            object.insert(QLatin1StringView(field), make());
    }
};

// Reads a record by its description, from a QJsonObject or a payload's text, keeping the first
// error (which names its field).
template <typename Source> struct Reader {
    const Source &source;
    std::optional<Error> error;

    void fail(Error e)
    {
        if (!error)
            error = std::move(e);
    }
    template <typename T, typename V> void take(Result<T> result, V &value)
    {
        if (result)
            value = std::move(result).value();
        else
            fail(result.error());
    }
    auto member(const char *field) const { return source.member(QLatin1StringView(field)); }
    static bool required(Need need) { return need == Required; }

    void date(const char *field, QDate &value, Need need)
    {
        take(readDate(member(field), QLatin1StringView(field), required(need)), value);
    }
    // An empty text reads as whenEmpty when there is one (a script use's language is "en" unless it says).
    void text(const char *field, QString &value, Need need, const QString &whenEmpty = QString())
    {
        auto read = readText(member(field), QLatin1StringView(field), required(need));
        if (!read)
            return fail(read.error());
        value = read->isEmpty() && !whenEmpty.isNull() ? whenEmpty : std::move(*read);
    }
    // A drug or instrument name: kept trimmed and lower case.
    void canonicalName(const char *field, QString &value, Need need)
    {
        text(field, value, need);
        value = std::move(value).trimmed().toLower();
    }
    void number(const char *field, double &value, Need need, double fallback = 0)
    {
        take(readNumber(member(field), QLatin1StringView(field), required(need), fallback), value);
    }
    void integer(const char *field, int &value, Need need, int fallback = 0)
    {
        take(readInteger(member(field), QLatin1StringView(field), required(need), fallback), value);
    }
    void boolean(const char *field, bool &value, Need, bool fallback = false)
    {
        take(readBoolean(member(field), QLatin1StringView(field), fallback), value);
    }
    template <typename E>
    void enumeration(const char *field, E &value, Need need, E fallback = E{}, const char *unknown = nullptr)
    {
        auto raw = readText(member(field), QLatin1StringView(field), required(need));
        if (!raw)
            return fail(raw.error());
        if (raw->isEmpty()) {
            value = fallback;
            return;
        }
        if (!parse(*raw, &value))
            fail(Error{QString(QLatin1StringView(field)),
                       unknown ? QString::fromLatin1(unknown)
                               : QStringLiteral("unknown value \"%1\"").arg(quotedInput(*raw, 40))});
    }
    // An enumeration that may be unset (empty or null); `unknown` is the error for another word.
    template <typename E>
    void nullableEnumeration(const char *field, std::optional<E> &value, Need need, const char *unknown)
    {
        auto raw = readText(member(field), QLatin1StringView(field), required(need));
        if (!raw)
            return fail(raw.error());
        value.reset();
        if (raw->isEmpty())
            return;
        E parsed{};
        if (!parse(*raw, &parsed))
            return fail(Error{QString(QLatin1StringView(field)), QString::fromLatin1(unknown)});
        value = parsed;
    }
    // A number, whole number or yes/no that may be unset: absent or null reads as std::nullopt.
    template <typename T> void nullable(const char *field, std::optional<T> &value, Need)
    {
        const auto m = member(field);
        value.reset();
        if (absent(m.shape()))
            return;
        const QLatin1StringView name(field);
        if constexpr (std::is_same_v<T, bool>)
            take(readBoolean(m, name, false), value);
        else if constexpr (std::is_same_v<T, int>)
            take(readInteger(m, name, true, 0), value);
        else
            take(readNumber(m, name, true, 0), value);
    }
    void textList(const char *field, QStringList &value, Need, const char *notAList, const char *notAnItem)
    {
        eachItem(field, notAList, [&](const QJsonValue &item, qsizetype index) {
            if (!item.isString())
                return fail(Error{itemName(field, index), QString::fromLatin1(notAnItem)});
            value.append(item.toString());
        });
    }
    // A list of parts, each read by its own description; an error is named within its item.
    template <typename T>
    void objectList(const char *field, QList<T> &value, Need, const char *notAList, const char *notAnObject)
    {
        eachItem(field, notAList, [&](const QJsonValue &item, qsizetype index) {
            if (!item.isObject())
                return fail(Error{itemName(field, index), QString::fromLatin1(notAnObject)});
            const QJsonObject object = item.toObject();
            T part;
            if (auto partError = readInto(JsonSource{object}, part))
                return fail(partError->within(itemName(field, index)));
            value.append(std::move(part));
        });
    }
    void anyJson(const char *field, QJsonValue &value, Need need)
    {
        value = member(field).value();
        if (required(need) && (value.isUndefined() || value.isNull()))
            fail(Error{QString(QLatin1StringView(field)), QStringLiteral("is required")});
    }
    // A member with a shape of its own: Codec::read(member, value) reads it when present.
    template <typename Codec, typename T> void custom(const char *field, T &value, Need, Codec)
    {
        const auto m = member(field);
        if (absent(m.shape()))
            return;
        if (auto codecError = Codec::read(m, value))
            fail(std::move(*codecError));
    }

private:
    // Calls read(item, index) for each item of a list member until an error.
    template <typename Read> void eachItem(const char *field, const char *notAList, const Read &read)
    {
        const auto m = member(field);
        if (absent(m.shape()))
            return;
        if (m.shape() != Shape::Array)
            return fail(Error{QString(QLatin1StringView(field)), QString::fromLatin1(notAList)});
        const QJsonArray list = m.value().toArray();
        for (qsizetype i = 0; i < list.size() && !error; ++i)
            read(list.at(i), i);
    }
};

// The OUD checklist's criteria: an object of yes/no answers by kOudCriteria's names. An unanswered
// criterion is null and stays unanswered (validation names it): nothing is assumed.
struct OudCriteria {
    using Answers = std::array<std::optional<bool>, kOudCriteria.size()>;

    static QJsonValue write(const Answers &answers)
    {
        QJsonObject criteria;
        for (std::size_t i = 0; i < kOudCriteria.size(); ++i)
            criteria.insert(QLatin1StringView(kOudCriteria[i]),
                            answers[i] ? QJsonValue(*answers[i]) : QJsonValue(QJsonValue::Null));
        return criteria;
    }
    template <typename M> static std::optional<Error> read(const M &member, Answers &answers)
    {
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
            answers[static_cast<std::size_t>(known - kOudCriteria.cbegin())] = it.value().toBool();
        }
        return std::nullopt;
    }
};

// Each kind's fields, once: name, member, need and default, in the order the readers read them
// (the first error is the one reported). New optional fields are IfSet: a record without them
// keeps the form it had before they existed, and absent reads back as the default.

template <typename F, RecordOf<OpioidEntry> R> void describe(F &f, R &e)
{
    f.canonicalName("drug", e.drug, Required);
    f.nullable("strength_mg", e.strengthMg, IfSet);
    f.nullable("strength_mcg_per_hr", e.strengthMcgPerHr, IfSet);
    // A fentanyl patch is dosed in patches worn at once; every other form in units and doses a day.
    const Need doses = e.strengthMcgPerHr ? Unwritten : Optional;
    const Need patches = e.strengthMcgPerHr ? Optional : Unwritten;
    f.number("units_per_dose", e.unitsPerDose, doses, 1);
    f.number("doses_per_day", e.dosesPerDay, doses, 0);
    f.integer("patches", e.patches, patches, 1);
    f.boolean("prn", e.prn, doses, false);
    f.date("start", e.start, Required);
    f.date("end", e.end, Optional);
    f.enumeration("indication", e.indication, IfSet, OpioidIndication::Pain);
}

template <typename F, RecordOf<BenzodiazepineEntry> R> void describe(F &f, R &e)
{
    f.canonicalName("drug", e.drug, Required);
    f.date("start", e.start, Required);
    f.date("end", e.end, Optional);
    f.enumeration("kind", e.kind, IfSet, SedativeKind::Benzodiazepine);
}

template <typename F, RecordOf<Agreement> R> void describe(F &f, R &a)
{
    f.date("date", a.date, Required);
    f.text("note", a.note, IfSet);
    f.enumeration("status", a.status, IfSet, AgreementStatus::Signed);
    f.text("text_version", a.textVersion, IfSet);
    f.text("language", a.language, IfSet);
    f.text("signature", a.signature, IfSet);
}

template <typename F, RecordOf<PdmpCheck> R> void describe(F &f, R &c)
{
    f.date("date", c.date, Required);
    f.text("checked_by", c.checkedBy, IfSet);
    f.boolean("concerning", c.concerning, Optional, false);
    f.text("findings", c.findings, IfSet);
}

template <typename F, RecordOf<NaloxoneRecord> R> void describe(F &f, R &n)
{
    f.date("date", n.date, Required);
    f.enumeration("action", n.action, Optional, NaloxoneAction::Offered);
}

template <typename F, RecordOf<UrineDrugScreen> R> void describe(F &f, R &u)
{
    f.date("date", u.date, Required);
    f.enumeration("result", u.result, Required);
    f.boolean("confirmatory_sent", u.confirmatorySent, IfSet, false);
    f.textList("substances", u.substances, IfSet, "must be a list of names", "must be text");
}

template <typename F, RecordOf<Visit> R> void describe(F &f, R &v)
{
    f.date("date", v.date, Required);
    f.enumeration("status", v.status, Required);
    f.text("time", v.time, IfSet);
    f.enumeration("type", v.type, IfSet, VisitType::InPerson);
    f.text("clinician", v.clinician, IfSet);
}

template <typename F, RecordOf<PegScore> R> void describe(F &f, R &p)
{
    f.date("date", p.date, Required);
    f.integer("pain", p.pain, Required);
    f.integer("enjoyment", p.enjoyment, Required);
    f.integer("activity", p.activity, Required);
}

template <typename F, RecordOf<Screening> R> void describe(F &f, R &s)
{
    f.canonicalName("instrument", s.instrument, Required);
    f.date("date", s.date, Required);
    f.anyJson("answers", s.answers, Required);  // checked against the instrument in core/clinical
}

template <typename F, RecordOf<Referral> R> void describe(F &f, R &r)
{
    f.date("date", r.date, Required);
    f.text("type", r.type, Optional);
    f.text("to", r.to, Optional);
    f.enumeration("status", r.status, Optional, ReferralStatus::Drafted);
    f.text("resource_id", r.resourceId, IfSet);
    f.text("question", r.question, IfSet);
    f.enumeration("urgency", r.urgency, IfSet, ReferralUrgency::Routine);
    f.date("status_date", r.statusDate, IfSet);
}

template <typename F, RecordOf<NoReferralDecision> R> void describe(F &f, R &d)
{
    f.date("date", d.date, Required);
    f.enumeration("trigger", d.trigger, Required);
    f.text("reason", d.reason, Required);
}

template <typename F, RecordOf<CarePlanGoal> R> void describe(F &f, R &g)
{
    f.date("date", g.date, Required);
    f.text("goal", g.goal, Required);
    f.enumeration("status", g.status, Optional, GoalStatus::Active);
    f.date("target_date", g.targetDate, IfSet);
    f.date("reviewed", g.reviewed, IfSet);
}

template <typename F, RecordOf<ScriptUse> R> void describe(F &f, R &u)
{
    f.date("date", u.date, Required);
    f.text("script_id", u.scriptId, Required);
    f.integer("script_version", u.scriptVersion, Optional, 1);
    f.text("language", u.language, Optional, QStringLiteral("en"));
    f.text("note", u.note, IfSet);
}

template <typename F, RecordOf<TaperStep> R> void describe(F &f, R &s)
{
    f.date("date", s.date, Required);
    f.text("description", s.description, Optional);
    f.nullable("target_mme_per_day", s.targetMmePerDay, Optional);
}

template <typename F, RecordOf<TaperPlan> R> void describe(F &f, R &t)
{
    f.date("date", t.date, Required);
    f.enumeration("status", t.status, Required);
    f.text("drug", t.drug, Optional);
    f.text("note", t.note, IfSet);
    f.objectList("steps", t.steps, Optional, "must be a list of steps",
                 "must be an object with date, description and target_mme_per_day");
}

template <typename F, RecordOf<RefillRequest> R> void describe(F &f, R &q)
{
    f.date("date", q.date, Required);
    f.text("medication", q.medication, Required);
    f.enumeration("channel", q.channel, Required);
    f.boolean("early", q.early, Optional, false);
    f.boolean("lost_stolen", q.lostStolen, Optional, false);
    f.boolean("police_report", q.policeReport, Optional, false);
    f.enumeration("decision", q.decision, Optional, RefillDecision::Pending);
    f.text("decision_reason", q.decisionReason, IfSet);
    f.nullable("days_supply", q.daysSupply, IfSet);
}

template <typename F, RecordOf<MedicationReview> R> void describe(F &f, R &m)
{
    f.date("date", m.date, Required);
    f.text("reviewed_by", m.reviewedBy, Required);
}

template <typename F, RecordOf<UdsSelection> R> void describe(F &f, R &u)
{
    f.date("date", u.date, Required);
    f.boolean("selected", u.selected, Optional, false);
    f.integer("interval_days", u.intervalDays, Required);
    f.integer("window", u.window, Required);
    f.date("drawn_day", u.drawnDay, Required);
    f.text("policy_version", u.policyVersion, Required);
}

template <typename F, RecordOf<RefillOverride> R> void describe(F &f, R &o)
{
    f.date("date", o.date, Required);
    f.text("rules", o.rules, Required);
    f.text("reason", o.reason, Required);
    f.text("clinician", o.clinician, Required);
    f.text("policy_version", o.policyVersion, Required);
}

template <typename F, RecordOf<LtotDecision> R> void describe(F &f, R &d)
{
    f.date("date", d.date, Required);
    f.boolean("long_term", d.longTerm, Optional, true);
    f.text("reason", d.reason, Required);
}

template <typename F, RecordOf<OudAssessment> R> void describe(F &f, R &a)
{
    f.date("date", a.date, Required);
    f.text("clinician", a.clinician, Optional);
    f.text("note", a.note, IfSet);
    f.custom("criteria", a.criteria, Optional, OudCriteria{});
    f.nullable("as_prescribed", a.asPrescribed, Optional);
}

template <typename F, RecordOf<MoudStatus> R> void describe(F &f, R &m)
{
    f.date("date", m.date, Required);
    f.enumeration("state", m.state, Required);
    f.text("medication", m.medication, IfSet);
    f.text("referred_to", m.referredTo, IfSet);
    f.text("resource_id", m.resourceId, IfSet);
    f.text("note", m.note, IfSet);
}

template <typename F, RecordOf<Intake> R> void describe(F &f, R &i)
{
    f.date("date", i.date, Required);
    f.text("referral_source", i.referralSource, Optional);
    f.text("prior_prescriber", i.priorPrescriber, Optional);
    f.text("reason_left", i.reasonLeft, Optional);
    f.date("records_requested", i.recordsRequested, Optional);
    f.date("records_received", i.recordsReceived, Optional);
    f.text("diagnosis", i.diagnosis, Optional);
    f.nullableEnumeration("outcome", i.outcome, Optional, "must be continue, bridge, taper, refer or not_taken_on");
    f.date("outcome_date", i.outcomeDate, Optional);
    f.date("review_date", i.reviewDate, Optional);
    f.text("outcome_by", i.outcomeBy, Optional);
    f.text("outcome_note", i.outcomeNote, Optional);
}

template <typename F, RecordOf<Recommendation> R> void describe(F &f, R &r)
{
    f.enumeration("kind", r.kind, Required, RecommendationKind::Task, "must be task, referral, goal or taper_step");
    f.text("text", r.text, Required);
    f.text("owner_role", r.ownerRole, IfSet);
    f.date("due", r.due, IfSet);
    f.text("referral_type", r.referralType, IfSet);
    f.nullable("target_mme_per_day", r.targetMmePerDay, IfSet);
    f.text("record_id", r.recordId, IfSet);
}

template <typename F, RecordOf<CaseConference> R> void describe(F &f, R &c)
{
    f.date("date", c.date, Required);
    f.text("question", c.question, Required);
    f.enumeration("status", c.status, Optional, ConferenceStatus::Requested);
    f.date("meeting_date", c.meetingDate, IfSet);
    f.text("consult_note", c.consultNote, IfSet);
    f.objectList("recommendations", c.recommendations, IfSet, "must be a list of recommendations",
                 "must be an object with kind and text");
    f.textList("scripts", c.scripts, IfSet, "must be a list of script ids", "must be a script id");
}

template <typename F, RecordOf<Task> R> void describe(F &f, R &t)
{
    f.date("date", t.date, Required);
    f.text("text", t.text, Required);
    f.text("owner_role", t.ownerRole, Required);
    f.date("due", t.due, Required);
    f.enumeration("status", t.status, Optional, TaskStatus::Open);
    f.text("conference_id", t.conferenceId, IfSet);
}

// A patient's demographics (the "patient" kind): every field but the record lists.
template <typename F, RecordOf<Patient> R> void describe(F &f, R &p)
{
    f.text("id", p.id, Optional);
    f.text("clinic_id", p.clinicId, Optional);
    f.text("name", p.name, Optional);
    f.enumeration("sex", p.sex, Optional, Sex::Unknown);
    f.date("birth_date", p.birthDate, Optional);
    f.text("prescriber", p.prescriber, Optional);
    f.date("ltot_start", p.ltotStart, Optional);
    f.nullableEnumeration("risk_tier", p.riskTier, Optional, "must be low, moderate, high or null");
    f.text("phone", p.phone, IfSet);
    f.text("language", p.language, Optional, QStringLiteral("en"));
    f.enumeration("taper_status", p.taperStatus, Optional, TaperStatus::None);
    f.enumeration("status", p.status, IfSet, PatientStatus::Active);
    f.nullableEnumeration("inactive_reason", p.inactiveReason, IfSet,
                          "must be moved, deceased, discharged, tapered_off or transferred");
    f.date("inactive_date", p.inactiveDate, IfSet);
    f.text("risk_tier_reason", p.riskTierReason, IfSet);
    f.date("opioid_prescriber_since", p.opioidPrescriberSince, IfSet);
}

template <typename T> QJsonObject toJson(const T &record)
{
    JsonWriter writer;
    describe(writer, record);
    return std::move(writer.object);
}

template <typename T, typename Source> std::optional<Error> readInto(const Source &source, T &record)
{
    Reader<Source> reader{source, std::nullopt};
    describe(reader, record);
    return std::move(reader.error);
}

// Kinds marked shortForm in record_kinds.h (agreements, PDMP checks, naloxone) may be written as a
// bare date string (the contract's short form) or as an object.
QJsonObject expandShortForm(const QJsonValue &value)
{
    if (value.isString())
        return QJsonObject{{QStringLiteral("date"), value}};
    return value.toObject();
}

// The one reader of each record kind, from a QJsonObject or from a payload's text.
template <typename Source> Result<AnyRecord> readRecord(std::size_t kindIndex, const Source &source)
{
    return withKindAt(kindIndex, [&source](auto type) -> Result<AnyRecord> {
        typename decltype(type)::type record;
        if (auto error = readInto(source, record))
            return std::move(*error);
        return AnyRecord(std::move(record));
    });
}

template <typename Source> Result<Patient> readDemographics(const Source &source)
{
    Patient patient;
    if (auto error = readInto(source, patient))
        return std::move(*error);
    return patient;
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
    return toJson(p);
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
    return toJson(r);
}

Result<Recommendation> recommendationFromJson(const QJsonObject &object)
{
    Recommendation r;
    if (auto error = readInto(JsonSource{object}, r))
        return std::move(*error);
    return r;
}

}  // namespace cairn::domain
