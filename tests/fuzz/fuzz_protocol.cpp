// The sync protocol's decoders (sync/protocol/protocol.h), both ends: "MESSAGE\nJSON" with
// MESSAGE one of enroll_request, enroll_response, sign_in_request, sign_in_response, push_request,
// push_response, pull_request, pull_response, error, or "cursor\nTEXT" and "key\nTEXT". A message
// read once must write and read back to itself; a refusal must say what is wrong.

#include "sync/protocol/protocol.h"
#include "tests/fuzz/fuzz_target.h"

#include <QJsonObject>

using namespace cairn;
using namespace cairn::sync;

namespace {

template <typename T> void checkMessage(const QJsonObject &json, Result<T> (*fromJson)(const QJsonObject &))
{
    const auto message = fromJson(json);
    if (!message) {
        fuzz::checkError(message.error());
        return;
    }
    const QJsonObject written = toJson(*message);
    const auto again = fromJson(written);
    CAIRN_FUZZ_CHECK(again.ok());
    CAIRN_FUZZ_CHECK(toJson(*again) == written);
}

void checkCursor(const QString &text)
{
    const auto cursor = Cursor::parse(text);
    if (!cursor) {
        fuzz::checkError(cursor.error());
        return;
    }
    CAIRN_FUZZ_CHECK(cursor->position >= 0);
    const auto again = Cursor::parse(cursor->toString());
    CAIRN_FUZZ_CHECK(again.ok());
    CAIRN_FUZZ_CHECK(again->epoch == cursor->epoch && again->position == cursor->position);
}

}  // namespace

CAIRN_FUZZ_TARGET(protocol)
{
    const auto [message, rest] = fuzz::splitSelector(fuzz::bytesOf(data, size));
    if (message == "cursor") {
        checkCursor(QString::fromUtf8(rest));
        return 0;
    }
    if (message == "key") {
        const auto key = keyFromBase64(QString::fromUtf8(rest), QStringLiteral("escrow_key"));
        if (key)
            CAIRN_FUZZ_CHECK(key->size() == 32);
        else
            fuzz::checkError(key.error());
        return 0;
    }
    const auto body = parseBody(rest);
    if (!body) {
        fuzz::checkError(body.error());
        return 0;
    }
    if (message == "enroll_request")
        checkMessage(*body, enrollRequestFromJson);
    else if (message == "enroll_response")
        checkMessage(*body, enrollResponseFromJson);
    else if (message == "sign_in_request")
        checkMessage(*body, signInRequestFromJson);
    else if (message == "sign_in_response")
        checkMessage(*body, signInResponseFromJson);
    else if (message == "push_request")
        checkMessage(*body, pushRequestFromJson);
    else if (message == "push_response")
        checkMessage(*body, pushResponseFromJson);
    else if (message == "pull_request")
        checkMessage(*body, pullRequestFromJson);
    else if (message == "pull_response")
        checkMessage(*body, pullResponseFromJson);
    else if (message == "error") {
        const Error error = errorFromJson(*body, QStringLiteral("the server refused"));
        const Error again = errorFromJson(errorToJson(error), QString());
        CAIRN_FUZZ_CHECK(again.field == error.field && again.message == error.message);
    }
    return 0;
}
