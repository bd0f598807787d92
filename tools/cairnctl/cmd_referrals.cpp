// cairnctl resources | referral: the clinic's resource directory and referrals followed through.
// The same registry calls as the tablet; input is checked before anything is written, so bad input
// exits 2 with one line naming the field and changes nothing.

#include "core/clinical/referrals.h"
#include "core/domain/clinic_resource.h"
#include "core/domain/record_json.h"
#include "tools/cairnctl/cli_registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

// The resource fields cairnctl sets, as option and JSON key.
struct ResourceOption {
    const char *option;
    const char *key;
};
constexpr ResourceOption kResourceTexts[] = {
    {"--name", "name"},          {"--category", "category"},
    {"--subtype", "subtype"},    {"--address", "address"},
    {"--hours", "hours"},        {"--insurance", "insurance"},
    {"--phone", "phone"},        {"--how-to-refer", "how_to_refer"},
    {"--unit", "distance_unit"},
};

Result<bool> yesNo(const QString &text, const QString &option)
{
    if (text == QLatin1String("yes"))
        return true;
    if (text == QLatin1String("no"))
        return false;
    return Error{option, QStringLiteral("must be yes or no")};
}

// The options given, as a resource's JSON (only the keys given, to merge over the saved resource).
QJsonObject resourceOptions(Arguments &in)
{
    QJsonObject json;
    for (const ResourceOption &o : kResourceTexts) {
        const QString option = QLatin1String(o.option);
        if (in.given(option))
            json.insert(QLatin1String(o.key), in.option(option));
    }
    if (in.given(QStringLiteral("--distance"))) {
        const QString value = in.option(QStringLiteral("--distance"));
        bool number = false;
        const double distance = value.toDouble(&number);
        if (!number)
            in.reject({QStringLiteral("--distance"), QStringLiteral("must be a number")});
        json.insert(QStringLiteral("distance"), distance);
    }
    if (in.given(QStringLiteral("--languages")))
        json.insert(QStringLiteral("languages"),
                    QJsonArray::fromStringList(
                        in.option(QStringLiteral("--languages")).split(QLatin1Char(','), Qt::SkipEmptyParts)));
    if (in.given(QStringLiteral("--telehealth")))
        json.insert(QStringLiteral("telehealth"),
                    in.take(yesNo(in.option(QStringLiteral("--telehealth")), QStringLiteral("--telehealth"))));
    if (in.flag(QStringLiteral("--retire")))
        json.insert(QStringLiteral("active"), false);
    if (in.flag(QStringLiteral("--reactivate")))
        json.insert(QStringLiteral("active"), true);
    return json;
}

void printResource(Io &io, const domain::ClinicResource &r)
{
    QString distance;
    if (r.distance)
        distance = QString::number(*r.distance) + QLatin1Char(' ') + domain::toString(r.distanceUnit);
    *io.out << r.id << '\t' << domain::toString(r.category) << '\t' << r.name << '\t' << distance << '\t'
            << r.languages.join(QLatin1Char(',')) << '\t' << (r.telehealth ? "telehealth" : "in person") << '\t'
            << (r.active ? "active" : "retired") << '\n';
}

int runResourcesList(Arguments &in, const GlobalOptions &options, Io &io)
{
    domain::ResourceFilter filter;
    const QString category = in.option(QStringLiteral("--category"));
    filter.text = in.option(QStringLiteral("--search"));
    filter.language = in.option(QStringLiteral("--language"));
    const QString telehealth = in.option(QStringLiteral("--telehealth"));
    filter.includeRetired = in.flag(QStringLiteral("--all"));
    const bool asJson = in.flag(QStringLiteral("--json"));
    if (auto s = in.finish(); !s)
        return fail(io, s.error(), BadInput);
    if (!category.isEmpty()) {
        domain::ResourceCategory c{};
        if (!domain::parse(category, &c))
            return fail(io,
                        {QStringLiteral("--category"),
                         QStringLiteral("\"%1\" is not a category: must be %2")
                             .arg(category, domain::resourceCategoryNames().join(QStringLiteral(", ")))},
                        BadInput);
        filter.category = c;
    }
    if (!telehealth.isEmpty()) {
        auto flag = yesNo(telehealth, QStringLiteral("--telehealth"));
        if (!flag)
            return fail(io, flag.error(), BadInput);
        filter.telehealth = *flag;
    }
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto list = registry->clinicResources(filter);
    if (!list)
        return fail(io, list.error());
    io.out->setEncoding(QStringConverter::Utf8);
    if (asJson) {
        QJsonArray array;
        for (const auto &resource : std::as_const(*list))
            array.append(domain::toJson(resource));
        *io.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const auto &resource : std::as_const(*list))
        printResource(io, resource);
    return Success;
}

int runResourcesSave(Arguments &in, const GlobalOptions &options, Io &io, bool adding)
{
    const QString id = adding ? QString() : in.required(QStringLiteral("resource id"));
    const QJsonObject json = resourceOptions(in);
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    QJsonObject merged;
    if (!adding) {
        domain::ResourceFilter all;
        all.includeRetired = true;
        auto list = registry->clinicResources(all);
        if (!list)
            return fail(io, list.error());
        const auto found = std::find_if(list->cbegin(), list->cend(), [&](const auto &r) { return r.id == id; });
        if (found == list->cend())
            return fail(io, {QStringLiteral("resource id"), QStringLiteral("names no resource in the directory")},
                        BadInput);
        merged = domain::toJson(*found);
    }
    for (auto it = json.begin(); it != json.end(); ++it)
        merged.insert(it.key(), it.value());
    // Read as every tablet reads it; a new resource gets its id when saved.
    if (adding)
        merged.insert(QStringLiteral("id"), QStringLiteral("00000000-0000-0000-0000-000000000001"));
    auto resource = domain::clinicResourceFromJson(merged);
    if (!resource)
        return fail(io, resource.error(), BadInput);
    if (adding)
        resource->id.clear();
    auto saved = registry->saveClinicResource(*resource);
    if (!saved)
        return fail(io, saved.error(), exitFor(saved.error()));
    *io.out << saved->id << '\n';
    return Success;
}

int runResourcesHistory(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString id = in.required(QStringLiteral("resource id"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto history = registry->clinicResourceHistory(id);
    if (!history)
        return fail(io, history.error(), exitFor(history.error()));
    io.out->setEncoding(QStringConverter::Utf8);
    for (const auto &version : std::as_const(*history)) {
        *io.out << version.date.toString(Qt::ISODate) << '\t' << version.author << '\t';
        printResource(io, version.resource);
    }
    return Success;
}

int runResourcesAdd(Arguments &in, const GlobalOptions &options, Io &io)
{
    return runResourcesSave(in, options, io, true);
}

int runResourcesEdit(Arguments &in, const GlobalOptions &options, Io &io)
{
    return runResourcesSave(in, options, io, false);
}

// --- referrals ------------------------------------------------------------------------------------

// --date D: when it happened; today when absent.
QDate dateOption(Arguments &in)
{
    return in.date(QStringLiteral("--date"), kClock.now().toLocalTime().date());
}

int runReferralAdd(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString patientId = in.required(QStringLiteral("patient id"));
    domain::Referral referral;
    referral.resourceId = in.option(QStringLiteral("--resource"));
    referral.to = in.option(QStringLiteral("--to"));
    referral.question = in.option(QStringLiteral("--question"));
    const QString urgency = in.option(QStringLiteral("--urgency"));
    referral.type = in.option(QStringLiteral("--type"));
    const QString status = in.option(QStringLiteral("--status"));
    referral.date = dateOption(in);
    if (auto s = in.finish(); !s)
        return fail(io, s.error(), BadInput);
    if (!referral.resourceId.isEmpty() && !referral.to.isEmpty())
        return fail(io, {QStringLiteral("--to"), QStringLiteral("give --resource or --to, not both")}, BadInput);
    if (!urgency.isEmpty() && !domain::parse(urgency, &referral.urgency))
        return fail(io, {QStringLiteral("--urgency"), QStringLiteral("must be routine, soon or urgent")}, BadInput);
    if (!status.isEmpty() &&
        (!domain::parse(status, &referral.status) ||
         (referral.status != domain::ReferralStatus::Drafted && referral.status != domain::ReferralStatus::Sent)))
        return fail(io, {QStringLiteral("--status"), QStringLiteral("a new referral is drafted or sent")}, BadInput);
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    return reportWritten(io, registry->addRecord(patientId, referral));
}

int runReferralUpdate(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString recordId = in.required(QStringLiteral("referral id"));
    const QString statusText = in.option(QStringLiteral("--status"));
    const QDate date = dateOption(in);
    domain::ReferralStatus status{};
    if (in.finish() && (!domain::parse(statusText, &status) || domain::toString(status) != statusText))
        in.reject({QStringLiteral("--status"),
                   QStringLiteral("must be drafted, sent, scheduled, seen, closed, declined or no_response")});
    auto registry = unlockForRecord(in, options, kClock, io, recordId);
    if (!registry)
        return registry.exitCode;
    const domain::RecordEnvelope &original = registry.record;
    if (original.kind != QLatin1String("referral"))
        return fail(io, {QStringLiteral("referral id"), QStringLiteral("names a %1 record").arg(original.kind)},
                    BadInput);
    auto read = domain::recordFromJson(original.kind, original.payload);
    if (!read)
        return fail(io, read.error());
    auto referral = std::get<domain::Referral>(*read);
    referral.status = status;
    referral.statusDate = date;
    return reportWritten(io, registry->correctRecord(recordId, referral, QString()));
}

int runReferralList(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString patientId = in.required(QStringLiteral("patient id"));
    const bool asJson = in.flag(QStringLiteral("--json"));
    const auto registry = unlockWithPolicy(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto patient = registry->loadPatient(patientId);
    if (!patient)
        return fail(io, patient.error(), exitFor(patient.error()));
    io.out->setEncoding(QStringConverter::Utf8);
    QJsonArray array;
    for (const domain::Referral &r : std::as_const(patient->referrals)) {
        QJsonObject o = domain::recordToJson(r);
        o.insert(QStringLiteral("id"), r.meta.id.toString(QUuid::WithoutBraces));
        const QDate due = clinical::followUpDue(r, registry.policy.referrals);
        o.insert(QStringLiteral("follow_up_due"), due.isValid() ? QJsonValue(due.toString(Qt::ISODate)) : QJsonValue());
        o.insert(QStringLiteral("open"), clinical::isOpen(r.status));
        if (asJson) {
            array.append(o);
            continue;
        }
        *io.out << o.value(QStringLiteral("id")).toString() << '\t' << r.date.toString(Qt::ISODate) << '\t'
                << domain::toString(r.status) << '\t' << domain::toString(r.urgency) << '\t'
                << (r.resourceId.isEmpty() ? r.to : r.resourceId) << '\t'
                << (due.isValid() ? due.toString(Qt::ISODate) : QStringLiteral("-")) << '\n';
    }
    if (asJson)
        *io.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    return Success;
}

int runNoReferral(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString patientId = in.required(QStringLiteral("patient id"));
    domain::NoReferralDecision decision;
    const QString trigger = in.option(QStringLiteral("--trigger"));
    decision.reason = in.option(QStringLiteral("--reason")).trimmed();
    decision.date = dateOption(in);
    if (in.finish() && !domain::parse(trigger, &decision.trigger))
        in.reject({QStringLiteral("--trigger"),
                   QStringLiteral("must be high_dose, uds_unexpected, positive_screen, taper_paused or oud_concern")});
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    return reportWritten(io, registry->addRecord(patientId, decision));
}

}  // namespace

CAIRN_CLI_COMMAND("resources",
                  "resources list [--category C] [--search TEXT] [--language L] [--telehealth yes|no] [--all] "
                  "[--json] | add --name N --category C [...] | edit ID [...] [--retire] | history ID",
                  actionsOf(QStringLiteral("resources"), {{QStringLiteral("list"), runResourcesList},
                                                          {QStringLiteral("add"), runResourcesAdd},
                                                          {QStringLiteral("edit ID"), runResourcesEdit},
                                                          {QStringLiteral("history ID"), runResourcesHistory}}));
CAIRN_CLI_COMMAND("referral",
                  "referral add PATIENT --resource ID|--to TEXT --question Q [--urgency U] [--date D] | update ID "
                  "--status S [--date D] | list PATIENT [--json] | no-referral PATIENT --trigger T --reason R",
                  actionsOf(QStringLiteral("referral"), {{QStringLiteral("add PATIENT"), runReferralAdd},
                                                         {QStringLiteral("update ID"), runReferralUpdate},
                                                         {QStringLiteral("list PATIENT"), runReferralList},
                                                         {QStringLiteral("no-referral PATIENT"), runNoReferral}}));

}  // namespace cairn::cli
