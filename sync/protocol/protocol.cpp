#include "sync/protocol/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <cmath>
#include <zlib.h>

namespace cairn::sync {
namespace {

Error fieldError(const QString &field, const QString &message)
{
    return Error{field, message};
}

Result<QString> requiredText(const QJsonObject &o, const char *field)
{
    QString text = o.value(QLatin1String(field)).toString();
    // toString() is empty for a member that is missing or not text.
    if (text.isEmpty())
        return fieldError(QLatin1String(field), QStringLiteral("is required (text)"));
    return text;
}

Result<std::int64_t> requiredInteger(const QJsonObject &o, const char *field, std::int64_t minimum)
{
    const QJsonValue v = o.value(QLatin1String(field));
    const double d = v.toDouble(-1);
    // The range is checked before the cast: a double at or beyond 2^63 has no int64 value (casting
    // it is undefined behaviour).
    constexpr double kBeyondInt64 = 9223372036854775808.0;
    if (!v.isDouble() || d < static_cast<double>(minimum) || d >= kBeyondInt64 || d != std::floor(d))
        return fieldError(QLatin1String(field), QStringLiteral("must be a whole number of at least %1").arg(minimum));
    return static_cast<std::int64_t>(d);
}

Result<QJsonArray> requiredArray(const QJsonObject &o, const char *field, int maxSize)
{
    const QJsonValue v = o.value(QLatin1String(field));
    if (!v.isArray())
        return fieldError(QLatin1String(field), QStringLiteral("must be a list"));
    if (v.toArray().size() > maxSize)
        return fieldError(QLatin1String(field), QStringLiteral("has more than %1 entries").arg(maxSize));
    return v.toArray();
}

}  // namespace

QJsonObject envelopeToJson(const domain::RecordEnvelope &r)
{
    QJsonObject o{{QStringLiteral("id"), r.id},
                  {QStringLiteral("patient_id"), r.patientId},
                  {QStringLiteral("kind"), r.kind},
                  {QStringLiteral("payload"), r.payload},
                  {QStringLiteral("author"), r.author},
                  {QStringLiteral("device"), r.device},
                  {QStringLiteral("hlc"), r.stamp.toString()},
                  {QStringLiteral("written_at"), r.writtenAt}};
    if (!r.date.isEmpty())
        o.insert(QStringLiteral("date"), r.date);
    if (!r.supersedes.isEmpty())
        o.insert(QStringLiteral("supersedes"), r.supersedes);
    if (r.retracted)
        o.insert(QStringLiteral("retracted"), true);
    if (!r.closes.isEmpty())
        o.insert(QStringLiteral("closes"), QJsonArray::fromStringList(r.closes));
    return o;
}

Result<domain::RecordEnvelope> envelopeFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return fieldError(QString(), QStringLiteral("a record must be an object"));
    const QJsonObject o = value.toObject();
    domain::RecordEnvelope r;
    for (auto [field, target] :
         {std::pair{"id", &r.id}, std::pair{"patient_id", &r.patientId}, std::pair{"kind", &r.kind},
          std::pair{"author", &r.author}, std::pair{"device", &r.device}, std::pair{"written_at", &r.writtenAt}}) {
        auto text = requiredText(o, field);
        if (!text)
            return text.error();
        *target = *text;
    }
    if (QUuid::fromString(r.id).isNull())
        return fieldError(QStringLiteral("id"), QStringLiteral("must be a UUID"));
    auto hlc = requiredText(o, "hlc");
    if (!hlc)
        return hlc.error();
    if (!HlcStamp::parse(*hlc, &r.stamp))
        return fieldError(QStringLiteral("hlc"), QStringLiteral("is not a clock stamp"));
    if (!o.value(QStringLiteral("payload")).isObject())
        return fieldError(QStringLiteral("payload"), QStringLiteral("must be an object"));
    r.payload = o.value(QStringLiteral("payload")).toObject();
    for (auto [field, target] : {std::pair{"date", &r.date}, std::pair{"supersedes", &r.supersedes}}) {
        const QJsonValue v = o.value(QLatin1String(field));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            return fieldError(QLatin1String(field), QStringLiteral("must be text"));
        *target = v.toString();
    }
    const QJsonValue retracted = o.value(QStringLiteral("retracted"));
    if (!retracted.isUndefined() && !retracted.isBool())
        return fieldError(QStringLiteral("retracted"), QStringLiteral("must be true or false"));
    r.retracted = retracted.toBool(false);
    const QJsonValue closes = o.value(QStringLiteral("closes"));
    if (!closes.isUndefined()) {
        if (!closes.isArray() || closes.toArray().size() > 64)
            return fieldError(QStringLiteral("closes"), QStringLiteral("must be a list of at most 64 record ids"));
        for (const QJsonValue &id : closes.toArray()) {
            if (!id.isString())
                return fieldError(QStringLiteral("closes"), QStringLiteral("must list record ids as text"));
            r.closes.append(id.toString());
        }
    }
    return r;
}

QString Cursor::toString() const
{
    return isStart() ? QString() : epoch + QLatin1Char(':') + QString::number(position);
}

Result<Cursor> Cursor::parse(const QString &text)
{
    if (text.isEmpty())
        return Cursor{};
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const std::int64_t position = colon > 0 ? text.mid(colon + 1).toLongLong(&ok) : 0;
    if (!ok || position < 0)
        return fieldError(QStringLiteral("cursor"), QStringLiteral("is not a cursor this server issued"));
    return Cursor{text.left(colon), position};
}

QJsonObject toJson(const EnrollRequest &m)
{
    return {{QStringLiteral("code"), m.code},
            {QStringLiteral("device"), m.device},
            {QStringLiteral("escrow_key"), m.escrowKey}};
}

QJsonObject toJson(const EnrollResponse &m)
{
    return {{QStringLiteral("device"), m.device},
            {QStringLiteral("clinic"), m.clinic},
            {QStringLiteral("credential"), m.credential},
            {QStringLiteral("epoch"), m.epoch}};
}

QJsonObject toJson(const PushRequest &m)
{
    QJsonArray changes;
    for (const PushChange &c : m.changes)
        changes.append(QJsonObject{{QStringLiteral("seq"), static_cast<double>(c.seq)},
                                   {QStringLiteral("record"), envelopeToJson(c.record)}});
    return {{QStringLiteral("version"), kProtocolVersion},
            {QStringLiteral("device"), m.device},
            {QStringLiteral("changes"), changes}};
}

QJsonObject toJson(const PushResponse &m)
{
    QJsonObject o{{QStringLiteral("applied"), m.applied},
                  {QStringLiteral("duplicates"), m.duplicates},
                  {QStringLiteral("highest_seq"), static_cast<double>(m.highestSeq)},
                  {QStringLiteral("epoch"), m.epoch}};
    if (m.behind)
        o.insert(QStringLiteral("behind"), true);
    return o;
}

QJsonObject toJson(const PullRequest &m)
{
    QJsonObject o{{QStringLiteral("version"), kProtocolVersion},
                  {QStringLiteral("cursor"), m.cursor.toString()},
                  {QStringLiteral("limit"), m.limit}};
    if (m.own)
        o.insert(QStringLiteral("own"), true);
    return o;
}

QJsonObject toJson(const PullResponse &m)
{
    QJsonArray changes;
    for (const auto &record : m.changes)
        changes.append(envelopeToJson(record));
    return {{QStringLiteral("changes"), changes},
            {QStringLiteral("cursor"), m.cursor.toString()},
            {QStringLiteral("more"), m.more},
            {QStringLiteral("highest_seq"), static_cast<double>(m.highestSeq)},
            {QStringLiteral("epoch"), m.epoch}};
}

QByteArray pullResponseText(const PullResponse &m, const QList<QByteArray> &recordsJson)
{
    PullResponse rest = m;
    rest.changes.clear();
    QJsonObject fields = toJson(rest);
    fields.remove(QStringLiteral("changes"));
    const QByteArray tail = QJsonDocument(fields).toJson(QJsonDocument::Compact);  // {"cursor":...}
    qsizetype size = tail.size() + 16;
    for (const QByteArray &record : recordsJson)
        size += record.size() + 1;
    QByteArray text;
    text.reserve(size);
    text += "{\"changes\":[";
    for (qsizetype i = 0; i < recordsJson.size(); ++i) {
        if (i > 0)
            text += ',';
        text += recordsJson.at(i);
    }
    text += "],";
    text += QByteArrayView(tail).sliced(1);
    return text;
}

Result<EnrollRequest> enrollRequestFromJson(const QJsonObject &o)
{
    auto code = requiredText(o, "code");
    if (!code)
        return code.error();
    auto device = requiredText(o, "device");
    if (!device)
        return device.error();
    if (QUuid::fromString(*device).isNull())
        return fieldError(QStringLiteral("device"), QStringLiteral("must be a UUID"));
    auto escrow = requiredText(o, "escrow_key");
    if (!escrow)
        return escrow.error();
    if (auto key = keyFromBase64(*escrow, QStringLiteral("escrow_key")); !key)
        return key.error();
    return EnrollRequest{*code, *device, *escrow};
}

Result<QByteArray> keyFromBase64(const QString &text, const QString &field)
{
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 32)
        return fieldError(field, QStringLiteral("must be 32 bytes in base64"));
    return decoded.decoded;
}

QJsonObject toJson(const SignInRequest &m)
{
    return {{QStringLiteral("name"), m.name}, {QStringLiteral("pin"), m.pin}};
}

QJsonObject toJson(const SignInResponse &m)
{
    return {{QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), m.userId},
                                                 {QStringLiteral("name"), m.name},
                                                 {QStringLiteral("role"), m.role}}},
            {QStringLiteral("escrow_key"), m.escrowKey}};
}

Result<SignInRequest> signInRequestFromJson(const QJsonObject &o)
{
    auto name = requiredText(o, "name");
    if (!name)
        return name.error();
    auto pin = requiredText(o, "pin");
    if (!pin)
        return pin.error();
    return SignInRequest{*name, *pin};
}

Result<SignInResponse> signInResponseFromJson(const QJsonObject &o)
{
    const QJsonObject user = o.value(QStringLiteral("user")).toObject();
    SignInResponse m;
    for (auto [field, target] : {std::pair{"id", &m.userId}, std::pair{"name", &m.name}, std::pair{"role", &m.role}}) {
        auto text = requiredText(user, field);
        if (!text)
            return Error{QStringLiteral("user.") + QLatin1String(field), text.error().message};
        *target = *text;
    }
    auto escrow = requiredText(o, "escrow_key");
    if (!escrow)
        return escrow.error();
    m.escrowKey = *escrow;
    return m;
}

Result<EnrollResponse> enrollResponseFromJson(const QJsonObject &o)
{
    EnrollResponse m;
    for (auto [field, target] : {std::pair{"device", &m.device}, std::pair{"clinic", &m.clinic},
                                 std::pair{"credential", &m.credential}, std::pair{"epoch", &m.epoch}}) {
        auto text = requiredText(o, field);
        if (!text)
            return text.error();
        *target = *text;
    }
    return m;
}

namespace {
Status checkVersion(const QJsonObject &o)
{
    if (o.value(QStringLiteral("version")).toInt(-1) != kProtocolVersion)
        return fieldError(QStringLiteral("version"),
                          QStringLiteral("this server speaks protocol version %1").arg(kProtocolVersion));
    return ok();
}
}  // namespace

qsizetype recordWireBytes(const domain::RecordEnvelope &record)
{
    // The envelope's fixed fields (ids, stamps, names) come to about 400 bytes; the payload is the rest.
    constexpr qsizetype kEnvelopeBytes = 400;
    return kEnvelopeBytes + QJsonDocument(record.payload).toJson(QJsonDocument::Compact).size();
}

Result<PushRequest> pushRequestFromJson(const QJsonObject &o)
{
    if (auto s = checkVersion(o); !s)
        return s.error();
    PushRequest m;
    auto device = requiredText(o, "device");
    if (!device)
        return device.error();
    m.device = *device;
    auto changes = requiredArray(o, "changes", Limits::maxPushBatch);
    if (!changes)
        return changes.error();
    std::int64_t previous = 0;
    m.changes.reserve(changes->size());
    // A change's place in the list (written only for a refusal).
    const auto at = [](qsizetype i) { return QStringLiteral("changes[%1]").arg(i); };
    for (qsizetype i = 0; i < changes->size(); ++i) {
        const QJsonObject change = changes->at(i).toObject();
        auto seq = requiredInteger(change, "seq", 1);
        if (!seq)
            return seq.error().within(at(i));
        if (*seq <= previous)
            return fieldError(at(i) + QStringLiteral(".seq"), QStringLiteral("must increase within a batch"));
        previous = *seq;
        auto record = envelopeFromJson(change.value(QStringLiteral("record")));
        if (!record)
            return record.error().within(at(i) + QStringLiteral(".record"));
        m.changes.append({*seq, std::move(record).value()});
    }
    return m;
}

Result<PushResponse> pushResponseFromJson(const QJsonObject &o)
{
    PushResponse m;
    auto highest = requiredInteger(o, "highest_seq", 0);
    if (!highest)
        return highest.error();
    m.highestSeq = *highest;
    m.applied = o.value(QStringLiteral("applied")).toInt();
    m.duplicates = o.value(QStringLiteral("duplicates")).toInt();
    m.epoch = o.value(QStringLiteral("epoch")).toString();
    m.behind = o.value(QStringLiteral("behind")).toBool(false);
    return m;
}

Result<PullRequest> pullRequestFromJson(const QJsonObject &o)
{
    if (auto s = checkVersion(o); !s)
        return s.error();
    PullRequest m;
    const QJsonValue cursor = o.value(QStringLiteral("cursor"));
    if (!cursor.isUndefined() && !cursor.isString())
        return fieldError(QStringLiteral("cursor"), QStringLiteral("must be text"));
    auto parsed = Cursor::parse(cursor.toString());
    if (!parsed)
        return parsed.error();
    m.cursor = *parsed;
    if (o.contains(QStringLiteral("limit"))) {
        auto limit = requiredInteger(o, "limit", 1);
        if (!limit)
            return limit.error();
        if (*limit > Limits::maxPullPage)
            return fieldError(QStringLiteral("limit"), QStringLiteral("must be at most %1").arg(Limits::maxPullPage));
        m.limit = static_cast<int>(*limit);
    }
    const QJsonValue own = o.value(QStringLiteral("own"));
    if (!own.isUndefined() && !own.isBool())
        return fieldError(QStringLiteral("own"), QStringLiteral("must be true or false"));
    m.own = own.toBool(false);
    return m;
}

Result<PullResponse> pullResponseFromJson(const QJsonObject &o)
{
    PullResponse m;
    auto changes = requiredArray(o, "changes", Limits::maxPullPage);
    if (!changes)
        return changes.error();
    m.changes.reserve(changes->size());
    for (qsizetype i = 0; i < changes->size(); ++i) {
        auto record = envelopeFromJson(changes->at(i));
        if (!record)
            return record.error().within(QStringLiteral("changes[%1]").arg(i));
        m.changes.append(std::move(record).value());
    }
    // Read as text, never defaulted: a page whose cursor is lost would restart the pull from the
    // start of the feed (and, with "more", never finish).
    const QJsonValue cursorText = o.value(QStringLiteral("cursor"));
    if (!cursorText.isString())
        return fieldError(QStringLiteral("cursor"), QStringLiteral("must be text"));
    auto cursor = Cursor::parse(cursorText.toString());
    if (!cursor)
        return cursor.error();
    m.cursor = *cursor;
    m.more = o.value(QStringLiteral("more")).toBool();
    auto highest = requiredInteger(o, "highest_seq", 0);
    if (!highest)
        return highest.error();
    m.highestSeq = *highest;
    m.epoch = o.value(QStringLiteral("epoch")).toString();
    return m;
}

QJsonObject errorToJson(const Error &error)
{
    return {{QStringLiteral("error"),
             QJsonObject{{QStringLiteral("field"), error.field}, {QStringLiteral("message"), error.message}}}};
}

Error errorFromJson(const QJsonObject &o, const QString &fallback)
{
    const QJsonObject e = o.value(QStringLiteral("error")).toObject();
    if (e.isEmpty())
        return Error{QString(), fallback};
    return Error{e.value(QStringLiteral("field")).toString(), e.value(QStringLiteral("message")).toString()};
}

QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    // 15 window bits + 16 selects the gzip wrapper.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))));
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

Result<QByteArray> gunzip(const QByteArray &data, qsizetype maxOutput)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return fieldError(QStringLiteral("body"), QStringLiteral("cannot be decompressed"));
    QByteArray out;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    int result = Z_OK;
    char chunk[64 * 1024];
    while (result != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        result = inflate(&stream, Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END) {
            inflateEnd(&stream);
            return fieldError(QStringLiteral("body"), QStringLiteral("is not valid gzip data"));
        }
        out.append(chunk, static_cast<qsizetype>(sizeof chunk - stream.avail_out));
        if (out.size() > maxOutput) {
            inflateEnd(&stream);
            return Error{QStringLiteral("body"), QStringLiteral("is larger than %1 bytes").arg(maxOutput),
                         ErrorCode::TooLarge};
        }
        if (result == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
            inflateEnd(&stream);
            return fieldError(QStringLiteral("body"), QStringLiteral("ends before the gzip data does"));
        }
    }
    inflateEnd(&stream);
    return out;
}

Result<QJsonObject> parseBody(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fieldError(QStringLiteral("body"), QStringLiteral("is not a JSON object"));
    return doc.object();
}

}  // namespace cairn::sync
