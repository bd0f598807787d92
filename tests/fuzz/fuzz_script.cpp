// A clinic's conversation script (core/scripts/library.h), as a clinic_script record carries it:
// every problem names a field and says what is wrong, and a script without problems writes and
// reads back to itself, still without problems.

#include "core/scripts/library.h"
#include "tests/fuzz/fuzz_target.h"

using namespace cairn;
using namespace cairn::scripts;

CAIRN_FUZZ_TARGET(script)
{
    const QJsonValue value = fuzz::jsonValue(fuzz::bytesOf(data, size));
    if (!value.isObject())
        return 0;
    const QString file = QStringLiteral("payload");
    const QList<Problem> problems = validateScript(value.toObject(), file);
    for (const Problem &problem : problems) {
        CAIRN_FUZZ_CHECK(problem.file == file);
        CAIRN_FUZZ_CHECK(!problem.message.trimmed().isEmpty());
    }
    const Script script = scriptFromJson(value.toObject());
    if (!problems.isEmpty())
        return 0;
    const QJsonObject written = scriptToJson(script);
    CAIRN_FUZZ_CHECK(validateScript(written, file).isEmpty());
    CAIRN_FUZZ_CHECK(scriptToJson(scriptFromJson(written)) == written);
    return 0;
}
