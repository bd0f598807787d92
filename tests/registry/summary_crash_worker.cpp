// Test helper for test_summary_crash: does one summary-heavy write on a registry and is killed by
// the test at some moment of it. Prints "start" when the write begins and "committed" after it.
// usage: summary_crash_worker policy DB KEYSTORE_DIR ISO_DATETIME       (administrator changes the policy)
//        summary_crash_worker page DB KEYSTORE_DIR ISO_DATETIME PAGE_JSON (clinician applies a pulled page)
//        summary_crash_worker ahead DB KEYSTORE_DIR ISO_DATETIME  (today's summaries read, then tomorrow's prepared)
//        summary_crash_worker newday DB KEYSTORE_DIR ISO_DATETIME (the first read of the day: summaries brought up to
//        date)

#include "core/registry/clock.h"
#include "core/registry/patient_summaries.h"
#include "core/registry/registry.h"
#include "platform/keystore.h"
#include "sync/protocol/protocol.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace cairn;

namespace {

int fail(const Error &error)
{
    std::fprintf(stderr, "%s\n", qPrintable(error.line()));
    return 1;
}

void say(const char *what)
{
    std::printf("%s\n", what);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char *argv[])
{
    if (argc < 5)
        return 2;
    const QString mode = QString::fromLocal8Bit(argv[1]);
    platform::FileKeystore keystore(QString::fromLocal8Bit(argv[3]));
    registry::ManualClock clock(QDateTime::fromString(QString::fromLatin1(argv[4]), Qt::ISODate));
    const bool admin = mode == QLatin1String("policy");
    auto r = registry::Registry::unlock(QString::fromLocal8Bit(argv[2]), keystore,
                                        admin ? QStringLiteral("Alex Admin") : QStringLiteral("Casey Clinician"),
                                        admin ? QStringLiteral("246810") : QStringLiteral("1357"), clock);
    if (!r)
        return fail(r.error());
    if (admin) {
        say("start");
        auto policy = (*r)->setClinicPolicy(
            QJsonObject{{QStringLiteral("intervals_days"),
                         QJsonObject{{QStringLiteral("peg"), QJsonObject{{QStringLiteral("low"), 30},
                                                                         {QStringLiteral("moderate"), 30},
                                                                         {QStringLiteral("high"), 30}}}}}});
        if (!policy)
            return fail(policy.error());
    } else if (mode == QLatin1String("page") && argc == 6) {
        QFile file(QString::fromLocal8Bit(argv[5]));
        if (!file.open(QIODevice::ReadOnly))
            return 2;
        QList<domain::RecordEnvelope> page;
        for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).array()) {
            auto envelope = sync::envelopeFromJson(value);
            if (!envelope)
                return fail(envelope.error());
            page << *envelope;
        }
        say("start");
        if (auto applied = (*r)->applyPulled(page, QStringLiteral("crash-page")); !applied)
            return fail(applied.error());
    } else if (mode == QLatin1String("ahead")) {
        // Today's summaries first (what expires tomorrow is known from them), then tomorrow's.
        if (auto read = (*r)->patientSummaries(QStringLiteral("crash-ahead")); !read)
            return fail(read.error());
        say("start");
        for (;;) {
            auto handled = (*r)->prepareSummariesAhead(20);
            if (!handled)
                return fail(handled.error());
            if (*handled < 20)
                break;
        }
    } else if (mode == QLatin1String("newday")) {
        say("start");
        if (auto read = (*r)->patientSummaries(QStringLiteral("crash-newday")); !read)
            return fail(read.error());
    } else {
        return 2;
    }
    say("committed");
    return 0;
}
