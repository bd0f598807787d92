// The record JSON codec (core/domain/record_json.h): "KIND\nPAYLOAD", KIND a stored kind name
// ("opioid", ..., or "patient" for demographics). Both readers must give one answer (the
// QJsonObject reader and PayloadReader's own tokenizer, which the whole-registry load uses), an
// error must say what is wrong, and a record read once must write and read back to itself.

#include "core/domain/record_json.h"
#include "core/domain/record_kinds.h"
#include "tests/fuzz/fuzz_target.h"

#include <QJsonObject>

using namespace cairn;
using namespace cairn::domain;

namespace {

// The object the tablet makes of a stored payload (invalid UTF-8 becomes U+FFFD first; anything
// but an object is read as an empty one): what PayloadReader promises to agree with.
QJsonObject storedPayload(const QByteArray &payload)
{
    return QJsonDocument::fromJson(QString::fromUtf8(payload).toUtf8()).object();
}

template <typename T, typename ToJson> void checkSameAnswer(const Result<T> &slow, const Result<T> &fast, ToJson toJson)
{
    CAIRN_FUZZ_CHECK(slow.ok() == fast.ok());
    if (slow.ok())
        CAIRN_FUZZ_CHECK(toJson(*slow) == toJson(*fast));
    else
        CAIRN_FUZZ_CHECK(slow.error().line() == fast.error().line());
}

template <typename T, typename FromJson, typename ToJson>
void checkRoundTrip(const Result<T> &read, FromJson fromJson, ToJson toJson)
{
    if (!read) {
        fuzz::checkError(read.error());
        return;
    }
    const QJsonObject written = toJson(*read);
    const auto again = fromJson(written);
    CAIRN_FUZZ_CHECK(again.ok());
    CAIRN_FUZZ_CHECK(toJson(*again) == written);
}

}  // namespace

CAIRN_FUZZ_TARGET(record_json)
{
    const auto [kind, payload] = fuzz::splitSelector(fuzz::bytesOf(data, size));
    const QString kindName = QString::fromUtf8(kind);
    const QJsonValue value = fuzz::jsonValue(payload);
    PayloadReader reader;

    if (kindName == QLatin1String("patient")) {
        checkRoundTrip(demographicsFromJson(value), demographicsFromJson, demographicsToJson);
        checkSameAnswer(demographicsFromJson(storedPayload(payload)), reader.demographics(payload), demographicsToJson);
        return 0;
    }

    const auto fromJson = [&kindName](const QJsonValue &json) { return recordFromJson(kindName, json); };
    const auto record = fromJson(value);
    checkRoundTrip(record, fromJson, recordToJson);
    const auto index = recordKindIndex(kindName);
    if (!index) {
        CAIRN_FUZZ_CHECK(!record.ok());
        return 0;
    }
    CAIRN_FUZZ_CHECK(!record.ok() || recordKind(*record) == kindName);
    checkSameAnswer(fromJson(storedPayload(payload)), reader.record(*index, payload), recordToJson);
    return 0;
}
