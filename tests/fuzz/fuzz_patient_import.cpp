// `cairnctl import --json FILE` and `cairnctl records add`: patient objects of the rules contract
// (an array of them, or one). Each is read with the codec and validation every import uses, then
// given the clinical checks; an accepted patient must export and import back to itself (the
// round trip export → import promises).

#include "core/clinical/record_checks.h"
#include "core/domain/patient_json.h"
#include "tests/fuzz/fuzz_target.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace cairn;
using namespace cairn::domain;

namespace {

void importOne(const QJsonValue &value)
{
    const auto patient = patientFromJson(value);
    if (!patient) {
        fuzz::checkError(patient.error());
        return;
    }
    if (auto checked = clinical::checkPatient(*patient); !checked)
        fuzz::checkError(checked.error());
    const QJsonObject exported = patientToJson(*patient, true);
    const auto imported = patientFromJson(exported);
    CAIRN_FUZZ_CHECK(imported.ok());
    CAIRN_FUZZ_CHECK(patientToJson(*imported, true) == exported);
}

}  // namespace

CAIRN_FUZZ_TARGET(patient_import)
{
    const QJsonValue value = fuzz::jsonValue(fuzz::bytesOf(data, size));
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            importOne(item);
    } else {
        importOne(value);
    }
    return 0;
}
