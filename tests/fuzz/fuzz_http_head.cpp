// cairn-server's HTTP request-head parser (sync/http/request_head.h): the bytes before the blank
// line, from anyone who can open a connection. A head is refused with 400 or 411 and a field and
// message, or parsed into a method token, a path, lower-case header names and a non-negative
// Content-Length; a parsed head written out again parses to the same head.

#include "sync/http/request_head.h"
#include "tests/fuzz/fuzz_target.h"

using namespace cairn;
using namespace cairn::sync;

namespace {

bool isLowerToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text)
        if (c <= 32 || c >= 127 || c == ':' || (c >= 'A' && c <= 'Z'))
            return false;
    return true;
}

QByteArray written(const RequestHead &head)
{
    // HTTP/1.0 has no keep-alive; HTTP/1.1 has it unless "Connection: close" (kept in headers).
    QByteArray out = head.method + ' ' + head.path + (head.keepAlive ? " HTTP/1.1" : " HTTP/1.0");
    for (auto it = head.headers.cbegin(); it != head.headers.cend(); ++it)
        out += "\r\n" + it.key() + ": " + it.value();
    return out;
}

}  // namespace

CAIRN_FUZZ_TARGET(http_head)
{
    const auto parsed = parseRequestHead(fuzz::bytesOf(data, size));
    if (const auto *refusal = std::get_if<HeadRefusal>(&parsed)) {
        CAIRN_FUZZ_CHECK(refusal->status == 400 || refusal->status == 411);
        CAIRN_FUZZ_CHECK(!refusal->field.isEmpty());
        fuzz::checkError(Error{refusal->field, refusal->message});
        return 0;
    }
    const RequestHead &head = std::get<RequestHead>(parsed);
    CAIRN_FUZZ_CHECK(!head.method.isEmpty());
    for (const char c : head.method)
        CAIRN_FUZZ_CHECK(c > 32 && c < 127 && c != ':');
    CAIRN_FUZZ_CHECK(head.path.startsWith('/'));
    CAIRN_FUZZ_CHECK(!head.path.contains(' '));
    for (auto it = head.headers.cbegin(); it != head.headers.cend(); ++it) {
        CAIRN_FUZZ_CHECK(isLowerToken(it.key()));
        CAIRN_FUZZ_CHECK(it.value() == it.value().trimmed());
    }
    // A chunked body is never accepted; a length is there exactly when the header is.
    CAIRN_FUZZ_CHECK(!head.headers.contains("transfer-encoding"));
    CAIRN_FUZZ_CHECK(head.contentLength.has_value() == head.headers.contains("content-length"));
    CAIRN_FUZZ_CHECK(head.contentLength.value_or(0) >= 0);

    const auto again = parseRequestHead(written(head));
    CAIRN_FUZZ_CHECK(std::holds_alternative<RequestHead>(again));
    const RequestHead &reread = std::get<RequestHead>(again);
    CAIRN_FUZZ_CHECK(reread.method == head.method && reread.path == head.path);
    CAIRN_FUZZ_CHECK(reread.headers == head.headers);
    CAIRN_FUZZ_CHECK(reread.keepAlive == head.keepAlive);
    CAIRN_FUZZ_CHECK(reread.contentLength == head.contentLength);
    return 0;
}
