// The rules contract's JSON (core/clinical/contract_json.h): the same text through `cairnctl
// evaluate` and `cairnctl refill-check`. Either an answer on stdout (a JSON object) and nothing on
// stderr, or exit 2 with one line naming the field and nothing on stdout.

#include "core/clinical/contract_json.h"
#include "tests/fuzz/fuzz_target.h"

using namespace cairn;
using namespace cairn::clinical;

namespace {

void checkOutcome(const CliOutcome &outcome)
{
    if (outcome.exitCode == 0) {
        CAIRN_FUZZ_CHECK(outcome.errLine.isEmpty());
        CAIRN_FUZZ_CHECK(QJsonDocument::fromJson(outcome.out).isObject());
        return;
    }
    CAIRN_FUZZ_CHECK(outcome.exitCode == 2);
    CAIRN_FUZZ_CHECK(outcome.out.isEmpty());
    CAIRN_FUZZ_CHECK(!outcome.errLine.trimmed().isEmpty());
    CAIRN_FUZZ_CHECK(!outcome.errLine.contains(QLatin1Char('\n')));
}

}  // namespace

CAIRN_FUZZ_TARGET(contract_json)
{
    const QByteArray input = fuzz::bytesOf(data, size);
    checkOutcome(evaluateJson(input));
    checkOutcome(refillCheckJson(input));
    return 0;
}
