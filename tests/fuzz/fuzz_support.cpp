#include "tests/fuzz/fuzz_target.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

namespace cairn::fuzz {

std::map<std::string, Entry> &targets()
{
    static std::map<std::string, Entry> table;
    return table;
}

std::string &currentInput()
{
    static std::string name;
    return name;
}

bool registerTarget(const char *name, Entry entry)
{
    targets().emplace(name, entry);
    return true;
}

void fail(const char *check, const char *file, int line)
{
    std::fprintf(stderr, "fuzz invariant broken: %s (%s:%d)%s%s\n", check, file, line,
                 currentInput().empty() ? "" : " on input ", currentInput().c_str());
    std::fflush(stderr);
    std::abort();
}

QByteArray bytesOf(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

std::pair<QByteArray, QByteArray> splitSelector(const QByteArray &input)
{
    const qsizetype newline = input.indexOf('\n');
    if (newline < 0)
        return {input, QByteArray()};
    return {input.left(newline), input.mid(newline + 1)};
}

QJsonValue jsonValue(const QByteArray &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text);
    if (document.isObject())
        return document.object();
    if (document.isArray())
        return document.array();
    return QJsonValue(QJsonValue::Undefined);
}

void checkError(const Error &error)
{
    CAIRN_FUZZ_CHECK(!error.message.trimmed().isEmpty());
}

}  // namespace cairn::fuzz
