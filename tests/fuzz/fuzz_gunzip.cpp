// A gzip request body (sync/protocol/protocol.h gunzip, then parseBody): corrupt data and bombs
// are refused with an error, never read past the bound; what inflates must compress and inflate
// back to itself.

#include "sync/protocol/protocol.h"
#include "tests/fuzz/fuzz_target.h"

using namespace cairn;
using namespace cairn::sync;

CAIRN_FUZZ_TARGET(gunzip)
{
    // Small enough that the fuzzer meets the bound often; the server's is Limits::maxBodyBytes.
    constexpr qsizetype kMaxOutput = 256 * 1024;
    const auto body = gunzip(fuzz::bytesOf(data, size), kMaxOutput);
    if (!body) {
        fuzz::checkError(body.error());
        return 0;
    }
    CAIRN_FUZZ_CHECK(body->size() <= kMaxOutput);
    const auto again = gunzip(gzip(*body), kMaxOutput);
    CAIRN_FUZZ_CHECK(again.ok());
    CAIRN_FUZZ_CHECK(*again == *body);
    if (const auto json = parseBody(*body); !json)
        fuzz::checkError(json.error());
    return 0;
}
