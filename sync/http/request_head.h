#pragma once
// The head of an HTTP/1.1 request (request line and header lines, without the blank line that
// ends it) as cairn-server reads it: a pure function of the bytes, so it is fuzzed on its own
// (tests/fuzz/fuzz_http_head.cpp). What the head asks for (path, method, body size) is judged by
// the connection (sync/server/http_server.cpp), which knows the limits and the routes.

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>
#include <variant>

namespace cairn::sync {

struct RequestHead {
    QByteArray method;  // a token: printable, no spaces or colons
    QByteArray path;    // starts with '/'
    // Header names in lower case; values trimmed. A repeated header keeps its last value.
    QHash<QByteArray, QByteArray> headers;
    bool keepAlive = true;  // HTTP/1.1 without "Connection: close"
    // From Content-Length; none when absent.
    std::optional<qint64> contentLength;
};

// Why a head is refused before anything else is read: 400 (cannot be parsed) or 411 (a chunked
// body: the protocol sends Content-Length). field names what is wrong, as in error bodies.
struct HeadRefusal {
    int status = 400;
    QString field;
    QString message;
};

std::variant<RequestHead, HeadRefusal> parseRequestHead(const QByteArray &head);

}  // namespace cairn::sync
