// cairnctl seed | demo-setup: fill a registry with a deterministic synthetic clinic.

#include "core/synthetic/synthetic_clinic.h"
#include "tools/cairnctl/cli_registry.h"

#include <QDate>

#include <algorithm>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

Result<int> positiveOption(QStringList &args, const QString &name, int fallback, int maximum)
{
    auto text = takeOption(args, name);
    if (!text)
        return text.error();
    if (text->isEmpty())
        return fallback;
    bool ok = false;
    const int value = text->toInt(&ok);
    if (!ok || value < 1 || value > maximum)
        return Error{name, QStringLiteral("must be a whole number from 1 to %1").arg(maximum)};
    return value;
}

int runSeed(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto patients = positiveOption(args, QStringLiteral("--patients"), 200, 200000);
    auto years = positiveOption(args, QStringLiteral("--years"), 3, 20);
    auto seed = positiveOption(args, QStringLiteral("--seed"), 1, 2147483647);
    auto asOfText = takeOption(args, QStringLiteral("--as-of"));
    for (const Error *e : {patients ? nullptr : &patients.error(), years ? nullptr : &years.error(),
                           seed ? nullptr : &seed.error(), asOfText ? nullptr : &asOfText.error()}) {
        if (e)
            return fail(io, *e, BadInput);
    }
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    QDate asOf = kClock.now().date();
    if (!asOfText->isEmpty()) {
        asOf = QDate::fromString(*asOfText, Qt::ISODate);
        if (!asOf.isValid())
            return fail(io, {QStringLiteral("--as-of"), QStringLiteral("must be a date written YYYY-MM-DD")}, BadInput);
    }
    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    synthetic::Options clinic;
    clinic.patients = *patients;
    clinic.years = *years;
    clinic.seed = static_cast<std::uint64_t>(*seed);
    clinic.asOf = asOf;
    // Stored as it is made: the whole clinic is never in memory at once.
    synthetic::ClinicGenerator generator(clinic);
    auto added = open->registry->addPatientsFrom([&generator] { return generator.next(); });
    if (!added)
        return fail(io, added.error());
    *io.out << "seeded " << added->size() << " synthetic patients with " << *years << " years of history (seed "
            << *seed << ", as of " << asOf.toString(Qt::ISODate) << ")\n";
    return Success;
}

// The demo users and PINs listed in the README. Demo only: the registry holds invented people.
struct DemoUser {
    const char *name;
    keys::Role role;
    const char *pin;
};
constexpr DemoUser kDemoUsers[] = {
    {"Casey Clinician", keys::Role::Clinician, "1357"},
    {"Morgan MA", keys::Role::MedicalAssistant, "2468"},
    {"Nico Nurse", keys::Role::Nurse, "3579"},
    {"Riley Registry", keys::Role::RegistryManager, "1470"},
    {"Frankie Front Desk", keys::Role::FrontDesk, "2580"},
};

// An invented resource directory for the demo (names and numbers are made up).
QList<domain::ClinicResource> demoResources()
{
    using C = domain::ResourceCategory;
    const auto make = [](const char *name, C category, const char *subtype, double km, const char *languages,
                         bool telehealth, const char *howToRefer) {
        domain::ClinicResource r;
        r.name = QLatin1String(name);
        r.category = category;
        r.subtype = QLatin1String(subtype);
        r.distance = km;
        r.languages = QString::fromLatin1(languages).split(QLatin1Char(','));
        r.telehealth = telehealth;
        r.howToRefer = QLatin1String(howToRefer);
        r.hours = QStringLiteral("Mon-Fri 8:00-17:00");
        r.phone = QStringLiteral("555-0100");
        return r;
    };
    return {make("Valley Pain Center", C::PainSpecialist, "", 64, "en,es", true,
                 "Fax the referral form and the last visit note; they call the patient within two weeks."),
            make("North Bridge Recovery", C::MoudPrescriber, "", 38, "en", true,
                 "Call the intake line with the patient present; same-week buprenorphine starts."),
            make("Riverside Physical Therapy", C::PhysicalTherapy, "", 12, "en,es", false,
                 "Send the order with the diagnosis; the patient books the first visit."),
            make("Lakeside Pool", C::OtherNondrug, "aqua therapy", 20, "es", false,
                 "Group sessions twice a week; the patient signs up at the front desk."),
            make("County Crisis Line", C::CrisisLine, "", 0, "en,es", true, "Call or text 988 at any hour.")};
}

// Two rounds of the clinic's self-assessment answered by three demo users (the later round
// higher), and an action-plan item for the lowest item: invented answers, so the self-assessment
// screens have something to show. Each user answers as themselves (their own unlock).
Status seedDemoSelfAssessment(const QString &path, platform::Keystore &store)
{
    auto form = clinical::SelfAssessment::shipped(QStringLiteral("en"));
    if (!form)
        return form.error();
    const QDate today = kClock.now().date();
    const int quarter = (today.month() - 1) / 3 + 1;
    const QString current = QStringLiteral("%1-Q%2").arg(today.year()).arg(quarter);
    const QString previous = quarter == 1 ? QStringLiteral("%1-Q4").arg(today.year() - 1)
                                          : QStringLiteral("%1-Q%2").arg(today.year()).arg(quarter - 1);
    const QStringList items = form->itemIds();
    const DemoUser answering[] = {kDemoUsers[0], kDemoUsers[2], kDemoUsers[3]};
    for (int u = 0; u < 3; ++u) {
        auto opened = registry::Registry::unlock(path, store, QLatin1String(answering[u].name),
                                                 QLatin1String(answering[u].pin), kClock);
        if (!opened)
            return opened.error();
        for (const auto &[round, lift] : {std::pair{previous, 0}, std::pair{current, 1}}) {
            QJsonObject scores;
            for (int i = 0; i < items.size(); ++i)
                scores.insert(items[i], std::min(4, (i * 7 + u * 3) % 3 + 1 + lift * ((i + u) % 2)));
            if (auto answered = (*opened)->answerSelfAssessment(round, scores); !answered)
                return answered.error();
        }
    }
    auto manager = registry::Registry::unlock(path, store, QLatin1String(kDemoUsers[3].name),
                                              QLatin1String(kDemoUsers[3].pin), kClock);
    if (!manager)
        return manager.error();
    auto responses = (*manager)->selfAssessmentResponses();
    if (!responses)
        return responses.error();
    const QList<clinical::RoundResult> rounds = clinical::roundResults(*form, *responses);
    const QStringList low = rounds.isEmpty() ? QStringList() : rounds.last().actionPlanCandidates(*form);
    if (low.isEmpty())
        return ok();
    auto added = (*manager)->saveActionPlanItem(
        {{QStringLiteral("item"), low.first()},
         {QStringLiteral("action"), QStringLiteral("Agree at the next staff meeting who does this, and how")},
         {QStringLiteral("owner"), QJsonObject{{QStringLiteral("role"), QStringLiteral("registry_manager")}}},
         {QStringLiteral("due"), today.addDays(14).toString(Qt::ISODate)}});
    if (!added)
        return added.error();
    return ok();
}

int runDemoSetup(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto patients = positiveOption(args, QStringLiteral("--patients"), 400, 200000);
    if (!patients)
        return fail(io, patients.error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    auto store = keystore();
    if (!store)
        return fail(io, store.error(), BadInput);
    const QString path = registryPath(options);
    auto created =
        registry::Registry::create(path, **store, QStringLiteral("Alex Admin"), QStringLiteral("246810"), kClock);
    if (!created)
        return fail(io, created.error());
    for (const DemoUser &user : kDemoUsers) {
        if (auto added = (*created)->addUser(QLatin1String(user.name), user.role, QLatin1String(user.pin)); !added)
            return fail(io, added.error());
    }
    synthetic::Options clinic;
    clinic.patients = *patients;
    clinic.asOf = kClock.now().date();
    clinic.seed = 2026;
    synthetic::ClinicGenerator generator(clinic);
    auto added = (*created)->addPatientsFrom([&generator] { return generator.next(); });
    if (!added)
        return fail(io, added.error());
    for (const domain::ClinicResource &resource : demoResources()) {
        if (auto saved = (*created)->saveClinicResource(resource); !saved)
            return fail(io, saved.error());
    }
    created->reset();
    if (auto s = seedDemoSelfAssessment(path, **store); !s)
        return fail(io, s.error().within(QStringLiteral("self-assessment")));
    *io.out << "created the demo registry " << path << " with " << added->size()
            << " synthetic patients; demo users and PINs are listed in the README\n";
    return Success;
}

}  // namespace

CAIRN_CLI_COMMAND("seed", "seed --patients N --years Y --seed S [--as-of YYYY-MM-DD]: add a synthetic clinic", runSeed);
CAIRN_CLI_COMMAND("demo-setup", "create a demo registry with the README's demo users and a synthetic clinic",
                  runDemoSetup);

}  // namespace cairn::cli
