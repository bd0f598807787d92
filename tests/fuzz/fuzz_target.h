#pragma once
// One fuzz target per input surface (docs/development.md, "Fuzzing"). CAIRN_FUZZ_TARGET(name) { ... }
// is libFuzzer's entry point in the fuzz build (CAIRN_FUZZ=ON, tools/fuzz.sh) and a named entry of
// the fuzz_regression replayer in the normal build, so every committed seed and crash reproducer
// keeps running through the same code. A broken invariant aborts (CAIRN_FUZZ_CHECK), which both
// libFuzzer and ctest report as a failure.

#include "core/domain/result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace cairn::fuzz {

using Entry = int (*)(const std::uint8_t *data, std::size_t size);

// The replayer's table of targets by name (unused in the fuzz build, where each target is its own
// program), and the input it is replaying, named when an invariant breaks.
bool registerTarget(const char *name, Entry entry);
std::map<std::string, Entry> &targets();
std::string &currentInput();

// Prints the broken invariant (and, when replaying, the input file) and aborts.
[[noreturn]] void fail(const char *check, const char *file, int line);

QByteArray bytesOf(const std::uint8_t *data, std::size_t size);

// The input split at its first newline: a selector (a record kind, a message name) and the rest.
std::pair<QByteArray, QByteArray> splitSelector(const QByteArray &input);

// The JSON value of a text as cairnctl and the server read it: an object or an array, else
// undefined (not JSON at all).
QJsonValue jsonValue(const QByteArray &text);

// An error must say what is wrong: a refusal with an empty message would reach the user as nothing.
void checkError(const Error &error);

}  // namespace cairn::fuzz

#define CAIRN_FUZZ_CHECK(condition)                                                                                    \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::cairn::fuzz::fail(#condition, __FILE__, __LINE__);                                                       \
    } while (false)

#ifdef CAIRN_FUZZ_LIBFUZZER
#define CAIRN_FUZZ_TARGET(name) extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
#else
#define CAIRN_FUZZ_TARGET(name)                                                                                        \
    static int cairnFuzz_##name(const std::uint8_t *data, std::size_t size);                                           \
    [[maybe_unused]] static const bool cairnFuzzRegistered_##name =                                                    \
        ::cairn::fuzz::registerTarget(#name, cairnFuzz_##name);                                                        \
    static int cairnFuzz_##name(const std::uint8_t *data, std::size_t size)
#endif
