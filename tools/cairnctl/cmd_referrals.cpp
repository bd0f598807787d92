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

// Applies the options given in args onto a resource's JSON (a new one starts empty).
Status applyResourceOptions(QStringList &args, QJsonObject &json)
{
    for (const ResourceOption &o : kResourceTexts) {
        const QString option = QLatin1String(o.option);
        if (!args.contains(option))
            continue;
        auto value = takeOption(args, option);
        if (!value)
            return value.error();
        json.insert(QLatin1String(o.key), *value);
    }
    if (args.contains(QStringLiteral("--distance"))) {
        auto value = takeOption(args, QStringLiteral("--distance"));
        if (!value)
            return value.error();
        bool number = false;
        const double distance = value->toDouble(&number);
        if (!number)
            return Error{QStringLiteral("--distance"), QStringLiteral("must be a number")};
        json.insert(QStringLiteral("distance"), distance);
    }
    if (args.contains(QStringLiteral("--languages"))) {
        auto value = takeOption(args, QStringLiteral("--languages"));
        if (!value)
            return value.error();
        json.insert(QStringLiteral("languages"),
                    QJsonArray::fromStringList(value->split(QLatin1Char(','), Qt::SkipEmptyParts)));
    }
    if (args.contains(QStringLiteral("--telehealth"))) {
        auto value = takeOption(args, QStringLiteral("--telehealth"));
        if (!value)
            return value.error();
        auto telehealth = yesNo(*value, QStringLiteral("--telehealth"));
        if (!telehealth)
            return telehealth.error();
        json.insert(QStringLiteral("telehealth"), *telehealth);
    }
    if (takeFlag(args, QStringLiteral("--retire")))
        json.insert(QStringLiteral("active"), false);
    if (takeFlag(args, QStringLiteral("--reactivate")))
        json.insert(QStringLiteral("active"), true);
    return ok();
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

int runResourcesList(QStringList &args, const GlobalOptions &options, Io &io)
{
    domain::ResourceFilter filter;
    auto category = takeOption(args, QStringLiteral("--category"));
    auto search = takeOption(args, QStringLiteral("--search"));
    auto language = takeOption(args, QStringLiteral("--language"));
    auto telehealth = takeOption(args, QStringLiteral("--telehealth"));
    for (const auto *option : {&category, &search, &language, &telehealth}) {
        if (!*option)
            return fail(io, option->error(), BadInput);
    }
    filter.includeRetired = takeFlag(args, QStringLiteral("--all"));
    const bool asJson = takeFlag(args, QStringLiteral("--json"));
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    if (!category->isEmpty()) {
        domain::ResourceCategory c{};
        if (!domain::parse(*category, &c))
            return fail(io,
                        {QStringLiteral("--category"),
                         QStringLiteral("\"%1\" is not a category: must be %2")
                             .arg(*category, domain::resourceCategoryNames().join(QStringLiteral(", ")))},
                        BadInput);
        filter.category = c;
    }
    if (!telehealth->isEmpty()) {
        auto flag = yesNo(*telehealth, QStringLiteral("--telehealth"));
        if (!flag)
            return fail(io, flag.error(), BadInput);
        filter.telehealth = *flag;
    }
    filter.text = *search;
    filter.language = *language;
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto list = open->registry->clinicResources(filter);
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

int runResourcesSave(QStringList &args, const GlobalOptions &options, Io &io, bool adding)
{
    QString id;
    if (!adding) {
        if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
            return fail(io, {QStringLiteral("resource id"), QStringLiteral("is required")}, BadInput);
        id = args.takeFirst();
    }
    QJsonObject json;
    QStringList given = args;
    if (auto s = applyResourceOptions(given, json); !s)
        return fail(io, s.error(), BadInput);
    if (auto s = noMoreArguments(given); !s)
        return fail(io, s.error(), BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    QJsonObject merged;
    if (!adding) {
        domain::ResourceFilter all;
        all.includeRetired = true;
        auto list = open->registry->clinicResources(all);
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
    auto saved = open->registry->saveClinicResource(*resource);
    if (!saved)
        return fail(io, saved.error(), exitFor(saved.error()));
    *io.out << saved->id << '\n';
    return Success;
}

int runResourcesHistory(QStringList &args, const GlobalOptions &options, Io &io)
{
    if (args.isEmpty())
        return fail(io, {QStringLiteral("resource id"), QStringLiteral("is required")}, BadInput);
    const QString id = args.takeFirst();
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto history = open->registry->clinicResourceHistory(id);
    if (!history)
        return fail(io, history.error(), exitFor(history.error()));
    io.out->setEncoding(QStringConverter::Utf8);
    for (const auto &version : std::as_const(*history)) {
        *io.out << version.date.toString(Qt::ISODate) << '\t' << version.author << '\t';
        printResource(io, version.resource);
    }
    return Success;
}

int runResources(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    const auto action = takeAction(
        QStringLiteral("resources"), args,
        {QStringLiteral("list"), QStringLiteral("add"), QStringLiteral("edit ID"), QStringLiteral("history ID")});
    if (!action)
        return fail(io, action.error(), BadInput);
    if (*action == QLatin1String("list"))
        return runResourcesList(args, options, io);
    if (*action == QLatin1String("add") || *action == QLatin1String("edit"))
        return runResourcesSave(args, options, io, *action == QLatin1String("add"));
    return runResourcesHistory(args, options, io);
}

// --- referrals ------------------------------------------------------------------------------------

Result<QDate> takeDate(QStringList &args)
{
    auto text = takeOption(args, QStringLiteral("--date"));
    if (!text)
        return text.error();
    if (text->isEmpty())
        return kClock.now().toLocalTime().date();
    const QDate date = QDate::fromString(*text, Qt::ISODate);
    if (!date.isValid())
        return Error{QStringLiteral("--date"), QStringLiteral("must be a date written YYYY-MM-DD")};
    return date;
}

int runReferralAdd(QStringList &args, const GlobalOptions &options, Io &io)
{
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        return fail(io, {QStringLiteral("patient id"), QStringLiteral("is required")}, BadInput);
    const QString patientId = args.takeFirst();
    domain::Referral referral;
    auto resource = takeOption(args, QStringLiteral("--resource"));
    auto to = takeOption(args, QStringLiteral("--to"));
    auto question = takeOption(args, QStringLiteral("--question"));
    auto urgency = takeOption(args, QStringLiteral("--urgency"));
    auto type = takeOption(args, QStringLiteral("--type"));
    auto status = takeOption(args, QStringLiteral("--status"));
    for (const auto *option : {&resource, &to, &question, &urgency, &type, &status}) {
        if (!*option)
            return fail(io, option->error(), BadInput);
    }
    auto date = takeDate(args);
    if (!date)
        return fail(io, date.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    if (!resource->isEmpty() && !to->isEmpty())
        return fail(io, {QStringLiteral("--to"), QStringLiteral("give --resource or --to, not both")}, BadInput);
    referral.date = *date;
    referral.resourceId = *resource;
    referral.to = *to;
    referral.question = *question;
    referral.type = *type;
    if (!urgency->isEmpty() && !domain::parse(*urgency, &referral.urgency))
        return fail(io, {QStringLiteral("--urgency"), QStringLiteral("must be routine, soon or urgent")}, BadInput);
    if (!status->isEmpty() &&
        (!domain::parse(*status, &referral.status) ||
         (referral.status != domain::ReferralStatus::Drafted && referral.status != domain::ReferralStatus::Sent)))
        return fail(io, {QStringLiteral("--status"), QStringLiteral("a new referral is drafted or sent")}, BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto id = open->registry->addRecord(patientId, referral);
    if (!id)
        return fail(io, id.error(), exitFor(id.error()));
    *io.out << *id << '\n';
    return Success;
}

int runReferralUpdate(QStringList &args, const GlobalOptions &options, Io &io)
{
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        return fail(io, {QStringLiteral("referral id"), QStringLiteral("is required")}, BadInput);
    const QString recordId = args.takeFirst();
    auto statusText = takeOption(args, QStringLiteral("--status"));
    if (!statusText)
        return fail(io, statusText.error(), BadInput);
    auto date = takeDate(args);
    if (!date)
        return fail(io, date.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    domain::ReferralStatus status{};
    if (!domain::parse(*statusText, &status) || domain::toString(status) != *statusText)
        return fail(io,
                    {QStringLiteral("--status"),
                     QStringLiteral("must be drafted, sent, scheduled, seen, closed, declined or no_response")},
                    BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto original = open->registry->recordInForce(recordId);
    if (!original)
        return fail(io, original.error(), exitFor(original.error()));
    if (original->kind != QLatin1String("referral"))
        return fail(io, {QStringLiteral("referral id"), QStringLiteral("names a %1 record").arg(original->kind)},
                    BadInput);
    auto read = domain::recordFromJson(original->kind, original->payload);
    if (!read)
        return fail(io, read.error());
    auto referral = std::get<domain::Referral>(*read);
    referral.status = status;
    referral.statusDate = *date;
    auto id = open->registry->correctRecord(recordId, referral, QString());
    if (!id)
        return fail(io, id.error(), exitFor(id.error()));
    *io.out << *id << '\n';
    return Success;
}

int runReferralList(QStringList &args, const GlobalOptions &options, Io &io)
{
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        return fail(io, {QStringLiteral("patient id"), QStringLiteral("is required")}, BadInput);
    const QString patientId = args.takeFirst();
    const bool asJson = takeFlag(args, QStringLiteral("--json"));
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto policy = open->registry->clinicPolicy();
    if (!policy)
        return fail(io, policy.error());
    auto patient = open->registry->loadPatient(patientId);
    if (!patient)
        return fail(io, patient.error(), exitFor(patient.error()));
    io.out->setEncoding(QStringConverter::Utf8);
    QJsonArray array;
    for (const domain::Referral &r : std::as_const(patient->referrals)) {
        QJsonObject o = domain::recordToJson(r);
        o.insert(QStringLiteral("id"), r.meta.id.toString(QUuid::WithoutBraces));
        const QDate due = clinical::followUpDue(r, policy->referrals);
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

int runNoReferral(QStringList &args, const GlobalOptions &options, Io &io)
{
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        return fail(io, {QStringLiteral("patient id"), QStringLiteral("is required")}, BadInput);
    const QString patientId = args.takeFirst();
    auto trigger = takeOption(args, QStringLiteral("--trigger"));
    auto reason = takeOption(args, QStringLiteral("--reason"));
    for (const auto *option : {&trigger, &reason}) {
        if (!*option)
            return fail(io, option->error(), BadInput);
    }
    auto date = takeDate(args);
    if (!date)
        return fail(io, date.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    domain::NoReferralDecision decision;
    decision.date = *date;
    decision.reason = reason->trimmed();
    if (!domain::parse(*trigger, &decision.trigger))
        return fail(io,
                    {QStringLiteral("--trigger"),
                     QStringLiteral("must be high_dose, uds_unexpected, positive_screen, taper_paused or oud_concern")},
                    BadInput);
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    auto id = open->registry->addRecord(patientId, decision);
    if (!id)
        return fail(io, id.error(), exitFor(id.error()));
    *io.out << *id << '\n';
    return Success;
}

int runReferral(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    const auto action = takeAction(QStringLiteral("referral"), args,
                                   {QStringLiteral("add PATIENT"), QStringLiteral("update ID"),
                                    QStringLiteral("list PATIENT"), QStringLiteral("no-referral PATIENT")});
    if (!action)
        return fail(io, action.error(), BadInput);
    if (*action == QLatin1String("add"))
        return runReferralAdd(args, options, io);
    if (*action == QLatin1String("update"))
        return runReferralUpdate(args, options, io);
    if (*action == QLatin1String("list"))
        return runReferralList(args, options, io);
    return runNoReferral(args, options, io);
}

}  // namespace

CAIRN_CLI_COMMAND("resources",
                  "resources list [--category C] [--search TEXT] [--language L] [--telehealth yes|no] [--all] "
                  "[--json] | add --name N --category C [...] | edit ID [...] [--retire] | history ID",
                  runResources);
CAIRN_CLI_COMMAND("referral",
                  "referral add PATIENT --resource ID|--to TEXT --question Q [--urgency U] [--date D] | update ID "
                  "--status S [--date D] | list PATIENT [--json] | no-referral PATIENT --trigger T --reason R",
                  runReferral);

}  // namespace cairn::cli
