// cairnctl intake start | update | show: a new patient already on long-term opioids, from the
// front desk's first call to the clinician's first-visit decision (issue 18 item 4). The same
// registry calls as the tablet's intake screen; fields are options named like the record's JSON
// ("--prior-prescriber" is prior_prescriber). Bad input exits 2 naming the option; nothing is written.

#include "core/clinical/intake.h"
#include "core/clinical/record_checks.h"
#include "core/domain/record_json.h"
#include "core/domain/validation.h"
#include "core/registry/views.h"
#include "tools/cairnctl/cli_registry.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

// The intake's fields as options; which of them a role may write is the registry's to say
// (clinical::intakeFieldPermission).
const QStringList kFields{
    QStringLiteral("date"),        QStringLiteral("referral_source"),   QStringLiteral("prior_prescriber"),
    QStringLiteral("reason_left"), QStringLiteral("records_requested"), QStringLiteral("records_received"),
    QStringLiteral("diagnosis"),   QStringLiteral("outcome"),           QStringLiteral("outcome_date"),
    QStringLiteral("review_date"), QStringLiteral("outcome_by"),        QStringLiteral("outcome_note"),
};

QString optionOf(const QString &field)
{
    return QStringLiteral("--") + QString(field).replace(QLatin1Char('_'), QLatin1Char('-'));
}

// Takes every field option given into `into` (an empty value clears a text or date field).
void takeFields(Arguments &in, QJsonObject &into)
{
    for (const QString &field : kFields) {
        if (!in.given(optionOf(field)))
            continue;
        const QString value = in.option(optionOf(field));
        if (in)
            into.insert(field, value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value));
    }
}

// An error about a record field, named as the option that set it.
Error asOption(Error error)
{
    if (kFields.contains(error.field))
        error.field = optionOf(error.field);
    return error;
}

// The intake read from `object`, validated as every entry path does.
Result<domain::AnyRecord> intakeOf(const QJsonObject &object)
{
    auto record = domain::recordFromJson(QStringLiteral("intake"), object);
    if (!record)
        return asOption(record.error());
    if (auto s = domain::validate(std::get<domain::Intake>(*record)); !s)
        return asOption(s.error());
    if (auto s = clinical::checkRecord(*record); !s)
        return asOption(s.error());
    return record;
}

int runStart(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString patientId = in.required(QStringLiteral("patient id"));
    QJsonObject object{{QStringLiteral("date"), kClock.now().date().toString(Qt::ISODate)}};
    takeFields(in, object);
    // Checked once every argument is read: a stray argument is reported before a bad field.
    const domain::AnyRecord record = in.finish() ? in.take(intakeOf(object)) : domain::AnyRecord();
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    return reportWritten(io, registry->addRecord(patientId, std::get<domain::Intake>(record)),
                         QStringLiteral("started intake for ") + patientId);
}

int runUpdate(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString intakeId = in.required(QStringLiteral("intake id"));
    QJsonObject changes;
    takeFields(in, changes);
    const QString reason = in.option(QStringLiteral("--reason"));
    if (in.finish() && changes.isEmpty())
        in.reject({QStringLiteral("intake"), QStringLiteral("name at least one field to change")});
    auto registry = unlockForRecord(in, options, kClock, io, intakeId);
    if (!registry)
        return registry.exitCode;
    const domain::RecordEnvelope &original = registry.record;
    if (original.kind != QLatin1String("intake"))
        return fail(
            io, {QStringLiteral("intake id"), QStringLiteral("names a %1 record, not an intake").arg(original.kind)},
            BadInput);
    // The current version with the changes over it: an update is the intake's next state.
    QJsonObject object = original.payload;
    object.remove(QStringLiteral("correction_reason"));
    for (auto it = changes.begin(); it != changes.end(); ++it)
        object.insert(it.key(), it.value());
    auto record = intakeOf(object);
    if (!record)
        return fail(io, record.error(), BadInput);
    return reportWritten(io, registry->correctRecord(intakeId, std::get<domain::Intake>(*record), reason),
                         QStringLiteral("updated intake ") + intakeId);
}

// The patient's latest intake with its checklist, the regimen's MME (from the opioid entries) and
// the intake's gaps, as JSON for scripts and tests.
int runShow(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString patientId = in.required(QStringLiteral("patient id"));
    const QString asOfText = in.option(QStringLiteral("--as-of"));
    const QDate asOf = asOfText.isEmpty() ? kClock.now().date() : QDate::fromString(asOfText, Qt::ISODate);
    // Checked once every argument is read: a stray argument is reported before a bad date.
    if (in.finish() && !asOf.isValid())
        in.reject({QStringLiteral("--as-of"), QStringLiteral("must be a date written YYYY-MM-DD")});
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto view = registry::patientView(*registry, patientId, asOf);
    if (!view)
        return fail(io, view.error(), exitFor(view.error()));
    const clinical::IntakeChecklist checklist = clinical::intakeChecklist(view->patient, asOf);
    if (!checklist.intake)
        return fail(io, {QStringLiteral("patient"), QStringLiteral("has no intake")}, BadInput);
    QJsonArray items;
    for (const clinical::IntakeItemState &item : checklist.items)
        items.append(
            QJsonObject{{QStringLiteral("item"), clinical::toString(item.item)},
                        {QStringLiteral("done"), item.done},
                        {QStringLiteral("date"), item.date.isValid() ? QJsonValue(item.date.toString(Qt::ISODate))
                                                                     : QJsonValue(QJsonValue::Null)}});
    QJsonArray gaps;
    for (const clinical::CareGap &gap : view->evaluation.gaps) {
        if (gap.code.startsWith(QLatin1String("INTAKE_")))
            gaps.append(QJsonObject{{QStringLiteral("code"), gap.code}, {QStringLiteral("reason"), gap.reason}});
    }
    const QJsonObject out{{QStringLiteral("id"), checklist.intake->meta.id.toString(QUuid::WithoutBraces)},
                          {QStringLiteral("intake"), domain::recordToJson(domain::AnyRecord(*checklist.intake))},
                          {QStringLiteral("checklist"), items},
                          {QStringLiteral("complete"), checklist.complete()},
                          {QStringLiteral("mme_per_day"), view->evaluation.mme.totalPerDay},
                          {QStringLiteral("gaps"), gaps}};
    *io.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return Success;
}

}  // namespace

CAIRN_CLI_COMMAND("intake",
                  "intake start PATIENT [--date D] [--referral-source T] [--prior-prescriber T] [--reason-left T] "
                  "[--records-requested D] | update ID [--records-received D] [--diagnosis T] [--outcome "
                  "continue|bridge|taper|refer|not_taken_on --outcome-date D --outcome-by T [--review-date D]] ... "
                  "[--reason R] | show PATIENT [--as-of D]: a new patient already on opioids",
                  actionsOf(QStringLiteral("intake"), {{QStringLiteral("start"), runStart},
                                                       {QStringLiteral("update"), runUpdate},
                                                       {QStringLiteral("show"), runShow}}));

}  // namespace cairn::cli
