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
Status takeFields(QStringList &args, QJsonObject &into)
{
    for (const QString &field : kFields) {
        if (!args.contains(optionOf(field)))
            continue;
        auto value = takeOption(args, optionOf(field));
        if (!value)
            return value.error();
        into.insert(field, value->isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(*value));
    }
    return ok();
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

int runStart(QStringList &args, const GlobalOptions &options, Io &io)
{
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        return fail(io, {QStringLiteral("patient id"), QStringLiteral("is required")}, BadInput);
    const QString patientId = args.takeFirst();
    QJsonObject object{{QStringLiteral("date"), kClock.now().date().toString(Qt::ISODate)}};
    if (auto s = takeFields(args, object); !s)
        return fail(io, s.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    auto record = intakeOf(object);
    if (!record)
        return fail(io, record.error(), BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto id = open->registry->addRecord(patientId, std::get<domain::Intake>(*record));
    if (!id)
        return fail(io, id.error(), exitFor(id.error()));
    *io.out << "started intake for " << patientId << '\n' << *id << '\n';
    return Success;
}

int runUpdate(QStringList &args, const GlobalOptions &options, Io &io)
{
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        return fail(io, {QStringLiteral("intake id"), QStringLiteral("is required")}, BadInput);
    const QString intakeId = args.takeFirst();
    QJsonObject changes;
    if (auto s = takeFields(args, changes); !s)
        return fail(io, s.error(), BadInput);
    auto reason = takeOption(args, QStringLiteral("--reason"));
    if (!reason)
        return fail(io, reason.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    if (changes.isEmpty())
        return fail(io, {QStringLiteral("intake"), QStringLiteral("name at least one field to change")}, BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto original = open->registry->recordInForce(intakeId);
    if (!original)
        return fail(io, original.error(), exitFor(original.error()));
    if (original->kind != QLatin1String("intake"))
        return fail(
            io, {QStringLiteral("intake id"), QStringLiteral("names a %1 record, not an intake").arg(original->kind)},
            BadInput);
    // The current version with the changes over it: an update is the intake's next state.
    QJsonObject object = original->payload;
    object.remove(QStringLiteral("correction_reason"));
    for (auto it = changes.begin(); it != changes.end(); ++it)
        object.insert(it.key(), it.value());
    auto record = intakeOf(object);
    if (!record)
        return fail(io, record.error(), BadInput);
    auto id = open->registry->correctRecord(intakeId, std::get<domain::Intake>(*record), *reason);
    if (!id)
        return fail(io, id.error(), exitFor(id.error()));
    *io.out << "updated intake " << intakeId << '\n' << *id << '\n';
    return Success;
}

// The patient's latest intake with its checklist, the regimen's MME (from the opioid entries) and
// the intake's gaps, as JSON for scripts and tests.
int runShow(QStringList &args, const GlobalOptions &options, Io &io)
{
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        return fail(io, {QStringLiteral("patient id"), QStringLiteral("is required")}, BadInput);
    const QString patientId = args.takeFirst();
    auto asOfText = takeOption(args, QStringLiteral("--as-of"));
    if (!asOfText)
        return fail(io, asOfText.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    const QDate asOf = asOfText->isEmpty() ? kClock.now().date() : QDate::fromString(*asOfText, Qt::ISODate);
    if (!asOf.isValid())
        return fail(io, {QStringLiteral("--as-of"), QStringLiteral("must be a date written YYYY-MM-DD")}, BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto view = registry::patientView(*open->registry, patientId, asOf);
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

int runIntake(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    const auto action = takeAction(QStringLiteral("intake"), args,
                                   {QStringLiteral("start"), QStringLiteral("update"), QStringLiteral("show")});
    if (!action)
        return fail(io, action.error(), BadInput);
    if (*action == QLatin1String("start"))
        return runStart(args, options, io);
    if (*action == QLatin1String("update"))
        return runUpdate(args, options, io);
    return runShow(args, options, io);
}

}  // namespace

CAIRN_CLI_COMMAND("intake",
                  "intake start PATIENT [--date D] [--referral-source T] [--prior-prescriber T] [--reason-left T] "
                  "[--records-requested D] | update ID [--records-received D] [--diagnosis T] [--outcome "
                  "continue|bridge|taper|refer|not_taken_on --outcome-date D --outcome-by T [--review-date D]] ... "
                  "[--reason R] | show PATIENT [--as-of D]: a new patient already on opioids",
                  runIntake);

}  // namespace cairn::cli
