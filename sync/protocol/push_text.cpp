#include "sync/protocol/push_text.h"

#include "sync/protocol/protocol.h"

#include <QJsonDocument>

namespace cairn::sync {
namespace {

// Plain ASCII with nothing to escape, as nearly every envelope field is (ids, stamps, dates):
// copied straight, without a UTF-8 copy of its own. False, with out unchanged, otherwise.
bool appendPlainAscii(QByteArray &out, const QString &text)
{
    const qsizetype start = out.size();
    out.resize(start + text.size() + 2);
    char *to = out.data() + start;
    *to++ = '"';
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x20 || c >= 0x80 || c == u'"' || c == u'\\') {
            out.resize(start);
            return false;
        }
        *to++ = static_cast<char>(c);
    }
    *to = '"';
    return true;
}

// A JSON string as QJsonDocument writes it: quote, backslash and control characters escaped
// (the short forms where JSON has them), every other character as its UTF-8.
void appendJsonString(QByteArray &out, const QString &text)
{
    if (appendPlainAscii(out, text))
        return;
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out += QByteArrayView(utf8).sliced(plainFrom, i - plainFrom);
        plainFrom = i + 1;
        out += '\\';
        switch (c) {
        case '"':
            out += '"';
            break;
        case '\\':
            out += '\\';
            break;
        case '\b':
            out += 'b';
            break;
        case '\f':
            out += 'f';
            break;
        case '\n':
            out += 'n';
            break;
        case '\r':
            out += 'r';
            break;
        case '\t':
            out += 't';
            break;
        default:
            out += "u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xf];
        }
    }
    out += QByteArrayView(utf8).sliced(plainFrom);
    out += '"';
}

// `"name":"text"`, name given with its quotes, colon and any leading comma.
void appendMember(QByteArray &out, const char *name, const QString &text)
{
    out += name;
    appendJsonString(out, text);
}

}  // namespace

QByteArray recordText(const domain::RecordEnvelope &record)
{
    return recordText(record, QJsonDocument(record.payload).toJson(QJsonDocument::Compact));
}

QByteArray recordText(const domain::RecordEnvelope &r, QByteArrayView payload)
{
    // envelopeToJson's members in QJsonObject's order (sorted by name), optional ones only when set.
    QByteArray out;
    out.reserve(payload.size() + 400);
    appendMember(out, "{\"author\":", r.author);
    if (!r.closes.isEmpty()) {
        out += ",\"closes\":[";
        for (qsizetype i = 0; i < r.closes.size(); ++i) {
            if (i > 0)
                out += ',';
            appendJsonString(out, r.closes.at(i));
        }
        out += ']';
    }
    if (!r.date.isEmpty())
        appendMember(out, ",\"date\":", r.date);
    appendMember(out, ",\"device\":", r.device);
    appendMember(out, ",\"hlc\":", r.stamp.toString());
    appendMember(out, ",\"id\":", r.id);
    appendMember(out, ",\"kind\":", r.kind);
    appendMember(out, ",\"patient_id\":", r.patientId);
    out += ",\"payload\":";
    out += payload;
    if (r.retracted)
        out += ",\"retracted\":true";
    if (!r.supersedes.isEmpty())
        appendMember(out, ",\"supersedes\":", r.supersedes);
    appendMember(out, ",\"written_at\":", r.writtenAt);
    out += '}';
    return out;
}

QByteArray textArray(const QStringList &texts)
{
    QByteArray out;
    out.reserve(2 + texts.size() * 40);
    out += '[';
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (i > 0)
            out += ',';
        appendJsonString(out, texts.at(i));
    }
    out += ']';
    return out;
}

QByteArray pushRequestText(const QString &device, const QList<PushChangeText> &changes)
{
    // toJson(PushRequest)'s members in QJsonObject's order: changes, device, version; each change
    // record then seq.
    qsizetype size = 64 + device.size();
    for (const PushChangeText &change : changes)
        size += change.record.size() + 32;
    QByteArray text;
    text.reserve(size);
    text += "{\"changes\":[";
    for (qsizetype i = 0; i < changes.size(); ++i) {
        text += i > 0 ? ",{\"record\":" : "{\"record\":";
        text += changes.at(i).record;
        text += ",\"seq\":";
        text += QByteArray::number(static_cast<qint64>(changes.at(i).seq));
        text += '}';
    }
    text += "],\"device\":";
    appendJsonString(text, device);
    text += ",\"version\":";
    text += QByteArray::number(kProtocolVersion);
    text += '}';
    return text;
}

}  // namespace cairn::sync
