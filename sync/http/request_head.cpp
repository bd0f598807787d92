#include "sync/http/request_head.h"

#include <QList>

namespace cairn::sync {
namespace {

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text)
        if (c <= 32 || c >= 127 || c == ':')
            return false;
    return true;
}

HeadRefusal refusal(int status, const char *field, const QString &message)
{
    return {status, QLatin1String(field), message};
}

}  // namespace

std::variant<RequestHead, HeadRefusal> parseRequestHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine.at(0)) || !requestLine.at(1).startsWith('/') ||
        (requestLine.at(2) != "HTTP/1.1" && requestLine.at(2) != "HTTP/1.0"))
        return refusal(400, "request", QStringLiteral("is not an HTTP/1.1 request line"));
    RequestHead parsed;
    parsed.method = requestLine.at(0);
    parsed.path = requestLine.at(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon)))
            return refusal(400, "headers", QStringLiteral("a header line cannot be parsed"));
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length" && parsed.headers.contains(name) && parsed.headers.value(name) != value)
            return refusal(400, "content-length", QStringLiteral("is given twice"));
        parsed.headers.insert(name, value);
    }
    parsed.keepAlive = requestLine.at(2) == "HTTP/1.1" && parsed.headers.value("connection").toLower() != "close";
    if (parsed.headers.contains("transfer-encoding"))
        return refusal(411, "transfer-encoding", QStringLiteral("is not accepted; send Content-Length"));
    if (parsed.headers.contains("content-length")) {
        bool ok = false;
        const QByteArray text = parsed.headers.value("content-length");
        const qint64 length = text.toLongLong(&ok);
        if (!ok || length < 0 || text.startsWith('+'))
            return refusal(400, "content-length", QStringLiteral("is not a number of bytes"));
        parsed.contentLength = length;
    }
    return parsed;
}

}  // namespace cairn::sync
