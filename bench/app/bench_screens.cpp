// Tablet screen benchmarks (issue: The tablet app). On a seeded registry (10,000 patients; smoke:
// 300) opened through the app's own Session and database thread, the time from a request to the
// view model's data being ready for: opening a patient, the registry list, filtering and searching
// it, the measures screen and the PEG outreach list — each beside a baseline measured in the same
// run: the bare registry call underneath (through the same database thread), or for filtering the
// rules engine's own worklist filter over the same evaluations.
//   bench_screens [--patients N] [--smoke]

#include "bench/bench_common.h"
#include "core/clinical/registry_views.h"
#include "core/registry/clinical_service.h"
#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"
#include "qml/viewmodels/measures_model.h"
#include "qml/viewmodels/patient_view_model.h"
#include "qml/viewmodels/peg_outreach_model.h"
#include "qml/viewmodels/registry_model.h"
#include "qml/viewmodels/session.h"

#include <QGuiApplication>
#include <QTemporaryDir>

using namespace cairn;

namespace {

// Spins the event loop until `done()`.
template<typename Done>
void spinUntil(Done done)
{
    QElapsedTimer guard;
    guard.start();
    while (!done()) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        if (guard.elapsed() > 600000) {
            std::fprintf(stderr, "bench: timed out\n");
            std::abort();
        }
    }
}

// Runs trigger() and waits until `signal` of `sender` has fired once more.
template<typename Sender, typename Signal, typename Trigger>
void requestAndWait(Sender *sender, Signal signal, Trigger trigger)
{
    int fired = 0;
    auto connection = QObject::connect(sender, signal, sender, [&fired] { ++fired; });
    trigger();
    spinUntil([&] { return fired > 0; });
    QObject::disconnect(connection);
}

// Runs job on the database thread and waits for its answer on this thread.
template<typename R>
R onDatabase(registry::RegistryThread &thread, QObject *receiver, std::function<R(registry::Registry *)> job)
{
    std::optional<R> answer;
    thread.run<R>(receiver, std::move(job), [&answer](R r) { answer = std::move(r); });
    spinUntil([&] { return answer.has_value(); });
    return std::move(*answer);
}

}  // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(QStringLiteral("--smoke"));
    int patients = smoke ? 300 : 10000;
    if (const auto at = args.indexOf(QStringLiteral("--patients")); at > 0 && at + 1 < args.size())
        patients = args.at(at + 1).toInt();
    const int runs = smoke ? 3 : 9;
    const int wholeRegistryRuns = 3;  // each whole-registry load takes seconds at 10,000 patients
    const QDate today(2026, 11, 23);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    platform::MemoryKeystore keystore;
    registry::SystemClock clock;
    QString clinicianId;
    QString samplePatient;
    {
        auto created = registry::Registry::create(path, keystore, QStringLiteral("Bench Admin"), QStringLiteral("246810"), clock);
        if (!created) {
            std::fprintf(stderr, "bench: %s\n", qPrintable(created.error().line()));
            return 1;
        }
        clinicianId = *(*created)->addUser(QStringLiteral("Bench Clinician"), keys::Role::Clinician, QStringLiteral("1357"));
        synthetic::Options options;
        options.patients = patients;
        options.seed = 99;
        options.asOf = today;
        QElapsedTimer timer;
        timer.start();
        auto ids = (*created)->addPatients(synthetic::generateClinic(options));
        if (!ids) {
            std::fprintf(stderr, "bench: %s\n", qPrintable(ids.error().line()));
            return 1;
        }
        samplePatient = ids->at(ids->size() / 2);
        std::printf("seeded %d patients in %.1f s; rules evaluated on %s\n\n", patients, static_cast<double>(timer.elapsed()) / 1000.0,
                    qPrintable(today.toString(Qt::ISODate)));
    }

    registry::RegistryThread thread;
    app::Session session({path, &keystore, &clock, &thread});
    app::Session::setInstance(&session);
    session.refreshUsers();
    spinUntil([&] { return session.users()->rowCount() > 0 && !session.loading(); });
    session.unlock(clinicianId, QStringLiteral("1357"));
    spinUntil([&] { return !session.loading(); });
    if (!session.signedIn()) {
        std::fprintf(stderr, "bench: sign-in failed: %s\n", qPrintable(session.message()));
        return 1;
    }
    QObject receiver;
    bench::header();

    // Opening a patient: the patient screen's view model, beside loading the record.
    {
        app::PatientViewModel view;
        view.setToday(today);
        view.setSession(&session);
        view.setPatientId(samplePatient);
        spinUntil([&] { return view.loaded() && !view.loading(); });
        const double ms = bench::medianMs(runs, [&] {
            view.reload();
            spinUntil([&] { return !view.loading(); });
        });
        const double base = bench::medianMs(runs, [&] {
            const QString id = samplePatient;
            auto p = onDatabase<Result<domain::Patient>>(thread, &receiver, [id](registry::Registry *r) { return r->loadPatient(id); });
            if (!p)
                std::abort();
        });
        bench::row("open a patient (view model ready)", ms, base, "Registry::loadPatient on the db thread");
    }

    // The registry list: every patient evaluated, then filtered and sorted in C++.
    app::RegistryModel list;
    list.setToday(today);
    list.setSession(&session);
    spinUntil([&] { return !list.loading() && list.totalCount() == patients; });
    {
        const double ms = bench::medianMs(wholeRegistryRuns, [&] { requestAndWait(&list, &app::RegistryModel::ready, [&] { list.reload(); }); });
        const double base = bench::medianMs(wholeRegistryRuns, [&] {
            auto all = onDatabase<Result<QList<domain::Patient>>>(thread, &receiver,
                                                                  [](registry::Registry *r) { return r->loadAllPatients(QStringLiteral("bench")); });
            if (!all || all->size() != patients)
                std::abort();
        });
        bench::row("registry list (all patients, evaluated)", ms, base, "Registry::loadAllPatients on the db thread");
    }

    // Filtering: the engine's worklist filter over the same evaluations, on this thread.
    {
        auto all = onDatabase<Result<QList<domain::Patient>>>(thread, &receiver,
                                                              [](registry::Registry *r) { return r->loadAllPatients(QStringLiteral("bench")); });
        auto rules = onDatabase<Result<registry::ClinicRules>>(thread, &receiver, [](registry::Registry *r) { return registry::clinicRules(*r); });
        auto evaluations = clinical::evaluateRegistry(*all, today, rules->context());
        const QString prescriber = list.prescriberChoices().value(1).toMap().value(QStringLiteral("value")).toString();
        int toggle = 0;
        const double gapMs = bench::medianMs(runs * 3, [&] {
            list.setGapCode(toggle++ % 2 ? QString() : QStringLiteral("PEG"));
        });
        const double gapBase = bench::medianMs(runs * 3, [&] {
            const auto rows = clinical::worklist(*evaluations, {QStringLiteral("PEG"), {}, {}, {}, {}});
            if (rows.isEmpty())
                std::abort();
        });
        bench::row("filter registry list by open gap (PEG)", gapMs, gapBase, "clinical::worklist(gap filter)");
        list.setGapCode(QString());
        const double comboMs = bench::medianMs(runs * 3, [&] {
            const bool on = toggle++ % 2 == 0;
            list.setPrescriber(on ? prescriber : QString());
            list.setBand(on ? QStringLiteral("lt50") : QString());
            list.setSortOrder(on ? QStringLiteral("overdue") : QStringLiteral("name"));
        });
        const double comboBase = bench::medianMs(runs * 3, [&] {
            (void)clinical::worklist(*evaluations, {{}, prescriber, QStringLiteral("lt50"), {}, {}});
        });
        bench::row("filter by prescriber + band, sort overdue", comboMs, comboBase, "clinical::worklist(same filter)");
        list.setPrescriber(QString());
        list.setBand(QString());
        list.setSortOrder(QStringLiteral("name"));
        const QString word = list.visibleRow(list.rowCount() / 3).name.section(QLatin1Char(' '), -1);
        const double searchMs = bench::medianMs(runs * 3, [&] { list.setSearch(toggle++ % 2 ? QString() : word); });
        const double searchBase = bench::medianMs(runs * 3, [&] {
            (void)clinical::worklist(*evaluations, {{}, {}, {}, {}, word});
        });
        bench::row("search registry list by last name", searchMs, searchBase, "clinical::worklist(search)");
        list.setSearch(QString());
    }

    // The measures screen: 12 months of measures for the clinic.
    {
        app::MeasuresModel measures;
        measures.setToday(today);
        requestAndWait(&measures, &app::MeasuresModel::loaded, [&] { measures.setSession(&session); });
        const double ms = bench::medianMs(wholeRegistryRuns, [&] { requestAndWait(&measures, &app::MeasuresModel::loaded, [&] { measures.reload(); }); });
        const double base = bench::medianMs(wholeRegistryRuns, [&] {
            auto all = onDatabase<Result<QList<domain::Patient>>>(thread, &receiver,
                                                                  [](registry::Registry *r) { return r->loadAllPatients(QStringLiteral("bench")); });
            if (!all)
                std::abort();
        });
        bench::row("measures screen (12-month trend)", ms, base, "Registry::loadAllPatients on the db thread");
        const double drillMs = bench::medianMs(runs * 3, [&] { measures.drillDown(QStringLiteral("peg_90d")); });
        std::printf("%-46s %12.2f   (%d patients in the list)\n", "  drill down into a measure", drillMs, measures.drillDownPatients()->rowCount());
    }

    // The PEG outreach list.
    {
        app::PegOutreachModel outreach;
        outreach.setToday(today);
        requestAndWait(&outreach, &app::PegOutreachModel::ready, [&] { outreach.setSession(&session); });
        const double ms = bench::medianMs(wholeRegistryRuns, [&] { requestAndWait(&outreach, &app::PegOutreachModel::ready, [&] { outreach.reload(); }); });
        const double base = bench::medianMs(wholeRegistryRuns, [&] {
            auto all = onDatabase<Result<QList<domain::Patient>>>(thread, &receiver,
                                                                  [](registry::Registry *r) { return r->loadAllPatients(QStringLiteral("bench")); });
            if (!all)
                std::abort();
        });
        bench::row("PEG outreach list", ms, base, "Registry::loadAllPatients on the db thread");
        std::printf("\n%d of %d patients on the registry list; %d due a PEG\n", list.totalCount(), patients, outreach.rowCount());
    }
    session.lock();
    thread.drain();
    return 0;
}
