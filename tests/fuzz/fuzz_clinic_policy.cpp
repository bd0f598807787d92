// Clinic policy (core/clinical/policy.h): a whole policy object as a clinic_policy record carries
// it (ClinicPolicy::fromJson, what every tablet reads), and the same object as overrides of the
// shipped policy (`cairnctl policy set`, evaluate's "policy"). An accepted policy must write and
// read back to itself.

#include "core/clinical/policy.h"
#include "tests/fuzz/fuzz_target.h"

#include <QJsonObject>

using namespace cairn;
using namespace cairn::clinical;

namespace {

void checkAccepted(const Result<ClinicPolicy> &policy)
{
    if (!policy) {
        fuzz::checkError(policy.error());
        return;
    }
    const QJsonObject written = policy->toJson();
    const auto again = ClinicPolicy::fromJson(written);
    CAIRN_FUZZ_CHECK(again.ok());
    CAIRN_FUZZ_CHECK(again->toJson() == written);
}

}  // namespace

CAIRN_FUZZ_TARGET(clinic_policy)
{
    static const Result<ClinicPolicy> shipped = ClinicPolicy::defaults();
    CAIRN_FUZZ_CHECK(shipped.ok());
    const QJsonValue value = fuzz::jsonValue(fuzz::bytesOf(data, size));
    if (!value.isObject())
        return 0;
    checkAccepted(ClinicPolicy::fromJson(value.toObject()));
    checkAccepted(shipped->withOverrides(value.toObject()));
    return 0;
}
