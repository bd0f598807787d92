// Tablet screen benchmarks (issue: The tablet app). On a seeded registry (10,000 patients; smoke:
// 300) opened through the app's own Session and database thread, the time from a request to the
// view model's data being ready for: opening a patient, the registry list, filtering and searching
// it, the measures screen and the PEG outreach list, and switching between the main screens (each
// a fresh view model, as the app makes for a screen it opens) — each beside a baseline measured in
// the same run: the bare registry call underneath (through the same database thread), or for
// filtering the rules engine's own worklist filter over the same evaluations. The screens that
// read the patient summaries are also timed right after a write and on the first read of a new
// day, and the app's peak memory (RSS) is printed with the seeding's peak left out.
//   bench_screens [--patients N] [--smoke]

#include "bench/app/bench_app_common.h"
#include "bench/bench_common.h"
#include "bench/seeded_registry.h"
#include "core/clinical/population_views.h"
#include "core/registry/patient_records.h"
#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/registry/registry_thread.h"
#include "core/registry/views.h"
#include "core/storage/hot_queries.h"
#include "core/storage/record_store.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"
#include "qml/app/session.h"
#include "qml/huddle/huddle_model.h"
#include "qml/measures/measures_model.h"
#include "qml/patient/patient_view_model.h"
#include "qml/worklists/patient_list_model.h"
#include "qml/worklists/peg_outreach_model.h"
#include "qml/worklists/roster_model.h"

#include <QGuiApplication>

#include <algorithm>
#include <vector>

using namespace cairn;
using bench::onDatabase;
using bench::spinUntil;

namespace {

// Every patient read from the database, as Registry::loadAllPatients does when something was
// written since its last read (while nothing is written it hands that read out again, so the
// screens below, measured warm, do not pay it twice).
Result<QList<domain::Patient>> readWholeRegistry(registry::Registry &registry)
{
    storage::RecordStore store(registry::RegistryInternals::database(registry));
    return registry::assembleAllPatients(store);
}

// Runs trigger() and waits until `signal` of `sender` has fired once more.
template <typename Sender, typename Signal, typename Trigger>
void requestAndWait(Sender *sender, Signal signal, Trigger trigger)
{
    int fired = 0;
    auto connection = QObject::connect(sender, signal, sender, [&fired] { ++fired; });
    trigger();
    spinUntil([&] { return fired > 0; });
    QObject::disconnect(connection);
}

// Switching to a screen: a fresh view model, as the app makes for the screen it opens, from the
// request (session set) until `ready(model)`; the model goes as the screen would on the way back.
template <typename Model, typename Setup, typename Ready>
double switchMs(int runs, app::Session &session, Setup setup, Ready ready)
{
    return bench::medianMs(runs, [&] {
        Model model;
        setup(model);
        model.setSession(&session);
        spinUntil([&] { return ready(model); });
    });
}

}  // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(QStringLiteral("--smoke"));
    const int patients = bench::patientsOption(args, smoke ? 300 : 10000);
    const int runs = smoke ? 3 : 9;
    const int wholeRegistryRuns = 3;  // each whole-registry load takes seconds at 10,000 patients
    const QDate today(2026, 11, 23);

    // The app's "today" is its clock's date, so the whole-registry screens read the summaries.
    bench::BenchClinic clinic(patients, today);
    const auto &seeded = clinic.seeded;
    if (!seeded)
        return 1;
    const QString &path = clinic.path;
    platform::MemoryKeystore &keystore = clinic.keystore;
    registry::ManualClock &clock = clinic.clock;
    const QString samplePatient = seeded->samplePatient();
    std::printf("seeded %d patients in %.1f s; rules evaluated on %s\n\n", patients, seeded->seedSeconds,
                qPrintable(today.toString(Qt::ISODate)));
    // The app's memory from here on: the seeding (in this process) gives its memory back first.
    const double seedingPeak = bench::statusMb("VmHWM");
    bench::resetPeakRss();
    const double rssBeforeSignIn = bench::statusMb("VmRSS");

    registry::RegistryThread thread;
    app::Session session({path, &keystore, &clock, &thread});
    app::Session::setInstance(&session);
    if (!bench::signIn(session, seeded->clinicianId, bench::kBenchClinicianPin))
        return 1;
    QObject receiver;
    // The floor of every whole-registry screen that reads the summaries: the same rows, bare.
    auto summaryFloor = [&] {
        return bench::medianMs(runs, [&] {
            const int rows = onDatabase<int>(thread, &receiver, [](registry::Registry *r) {
                const QByteArray sql = QByteArray("SELECT p.id, p.name, p.clinic_id, s.tier, s.band, s.total_mme, "
                                                  "s.gaps, s.ltot_reason ") +
                                       storage::hot_queries::kSummariesWithPatientsTail;
                auto stmt = registry::RegistryInternals::database(*r).prepare(sql.constData());
                int n = 0;
                while (stmt && stmt->next()) {
                    for (int c = 0; c < 8; ++c)
                        (void)stmt->text(c);
                    ++n;
                }
                return n;
            });
            if (rows != patients)
                std::abort();
        });
    };
    // One write, as a nurse recording a PEG would make it.
    auto writeOnePeg = [&](int i) {
        const QString id = seeded->patientIds.at((i * 37) % seeded->patientIds.size());
        auto added = onDatabase<bool>(thread, &receiver, [id, today, i](registry::Registry *r) {
            domain::PegScore peg;
            peg.date = today;
            peg.pain = 3 + i % 5;
            peg.enjoyment = 4;
            peg.activity = 5;
            return r->addRecord(id, peg).ok();
        });
        if (!added)
            std::abort();
    };
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
            auto p = onDatabase<Result<domain::Patient>>(thread, &receiver,
                                                         [id](registry::Registry *r) { return r->loadPatient(id); });
            if (!p)
                std::abort();
        });
        bench::row("open a patient (view model ready)", ms, base, "Registry::loadPatient on the db thread");
    }

    // The registry list: every patient evaluated, then filtered and sorted in C++.
    app::RosterModel list;
    list.setToday(today);
    list.setSession(&session);
    spinUntil([&] { return !list.loading() && list.totalCount() == patients; });
    // Before any whole-registry baseline: what signing in, a patient and the registry list cost.
    const double appPeak = bench::statusMb("VmHWM");
    {
        const double ms = bench::medianMs(
            wholeRegistryRuns, [&] { requestAndWait(&list, &app::RosterModel::ready, [&] { list.reload(); }); });
        const double base = bench::medianMs(wholeRegistryRuns, [&] {
            auto all = onDatabase<Result<QList<domain::Patient>>>(
                thread, &receiver, [](registry::Registry *r) { return readWholeRegistry(*r); });
            if (!all || all->size() != patients)
                std::abort();
        });
        bench::row("registry list (all patients, evaluated)", ms, base,
                   "whole registry read from the database, on the db thread");
        bench::row("registry list, beside its floor", ms, summaryFloor(), "bare query of every patient's summary row");
        // Right after a write: a PEG recorded for one patient, then the list asked again.
        std::vector<double> afterWrite;
        for (int i = 0; i < wholeRegistryRuns; ++i) {
            writeOnePeg(i);
            QElapsedTimer timer;
            timer.start();
            requestAndWait(&list, &app::RosterModel::ready, [&] { list.reload(); });
            afterWrite.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(afterWrite.begin(), afterWrite.end());
        bench::row("registry list right after a write", afterWrite[afterWrite.size() / 2], summaryFloor(),
                   "bare query of every patient's summary row");
    }

    // Filtering: the engine's worklist filter over the same evaluations, on this thread.
    {
        auto all = onDatabase<Result<QList<domain::Patient>>>(
            thread, &receiver, [](registry::Registry *r) { return readWholeRegistry(*r); });
        auto rules = onDatabase<Result<registry::ClinicRules>>(
            thread, &receiver, [](registry::Registry *r) { return registry::clinicRules(*r); });
        auto evaluations = clinical::evaluateRegistry(*all, today, rules->context());
        const QString prescriber = list.prescriberChoices().value(1).toMap().value(QStringLiteral("value")).toString();
        int toggle = 0;
        const double gapMs =
            bench::medianMs(runs * 3, [&] { list.setGapCode(toggle++ % 2 ? QString() : QStringLiteral("PEG")); });
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
        const double ms = bench::medianMs(wholeRegistryRuns, [&] {
            requestAndWait(&measures, &app::MeasuresModel::loaded, [&] { measures.reload(); });
        });
        const double base = bench::medianMs(wholeRegistryRuns, [&] {
            auto all = onDatabase<Result<QList<domain::Patient>>>(
                thread, &receiver, [](registry::Registry *r) { return readWholeRegistry(*r); });
            if (!all)
                std::abort();
        });
        bench::row("measures screen (12-month trend)", ms, base,
                   "whole registry read from the database, on the db thread");
        std::vector<double> afterWrite;
        for (int i = 0; i < wholeRegistryRuns; ++i) {
            writeOnePeg(100 + i);
            QElapsedTimer timer;
            timer.start();
            requestAndWait(&measures, &app::MeasuresModel::loaded, [&] { measures.reload(); });
            afterWrite.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(afterWrite.begin(), afterWrite.end());
        bench::row("measures screen right after a write", afterWrite[afterWrite.size() / 2], summaryFloor(),
                   "bare query of every patient's summary row");
        const double drillMs = bench::medianMs(runs * 3, [&] { measures.drillDown(QStringLiteral("peg_90d")); });
        std::printf("%-46s %12.2f   (%d patients in the list)\n", "  drill down into a measure", drillMs,
                    measures.drillDownPatients()->rowCount());
    }

    // The PEG outreach list.
    {
        app::PegOutreachModel outreach;
        outreach.setToday(today);
        requestAndWait(&outreach, &app::PegOutreachModel::ready, [&] { outreach.setSession(&session); });
        const double ms = bench::medianMs(wholeRegistryRuns, [&] {
            requestAndWait(&outreach, &app::PegOutreachModel::ready, [&] { outreach.reload(); });
        });
        const double base = bench::medianMs(wholeRegistryRuns, [&] {
            auto all = onDatabase<Result<QList<domain::Patient>>>(
                thread, &receiver, [](registry::Registry *r) { return readWholeRegistry(*r); });
            if (!all)
                std::abort();
        });
        bench::row("PEG outreach list", ms, base, "whole registry read from the database, on the db thread");
        bench::row("PEG outreach list, beside its floor", ms, summaryFloor(),
                   "bare query of every patient's summary row");
        std::printf("\n%d of %d patients on the registry list; %d due a PEG\n", list.totalCount(), patients,
                    outreach.rowCount());
    }
    // Switching between the main screens, each opened afresh: Today (the day's huddle), a patient,
    // all patients, the registry list, PEG outreach and measures.
    {
        std::printf("\nswitching screens (a fresh view model each time, request to data ready)\n");
        const QString day = today.toString(Qt::ISODate);
        int booked = 0;
        // The huddle evaluates the whole registry (gaps as of the day), so it gets the fewer runs.
        const double huddleMs = switchMs<app::HuddleModel>(
            wholeRegistryRuns, session, [&](app::HuddleModel &m) { m.setDay(day); },
            [&](const app::HuddleModel &m) {
                booked = m.bookedCount();
                return !m.loading();
            });
        const double huddleBase = bench::medianMs(wholeRegistryRuns, [&] {
            auto rows = onDatabase<Result<QList<registry::HuddleRow>>>(
                thread, &receiver, [today](registry::Registry *r) { return registry::huddleRows(*r, today); });
            if (!rows)
                std::abort();
        });
        bench::row("switch to Today (the day's huddle)", huddleMs, huddleBase, "registry::huddleRows on the db thread");
        std::vector<double> huddleAfterWrite;
        for (int i = 0; i < wholeRegistryRuns; ++i) {
            writeOnePeg(200 + i);
            huddleAfterWrite.push_back(switchMs<app::HuddleModel>(
                1, session, [&](app::HuddleModel &m) { m.setDay(day); },
                [](const app::HuddleModel &m) { return !m.loading(); }));
        }
        std::sort(huddleAfterWrite.begin(), huddleAfterWrite.end());
        bench::row("switch to Today right after a write", huddleAfterWrite[huddleAfterWrite.size() / 2], summaryFloor(),
                   "bare query of every patient's summary row");
        const double patientMs = switchMs<app::PatientViewModel>(
            runs, session,
            [&](app::PatientViewModel &m) {
                m.setToday(today);
                m.setPatientId(samplePatient);
            },
            [](const app::PatientViewModel &m) { return m.loaded() && !m.loading(); });
        const double patientBase = bench::medianMs(runs, [&] {
            const QString id = samplePatient;
            auto p = onDatabase<Result<domain::Patient>>(thread, &receiver,
                                                         [id](registry::Registry *r) { return r->loadPatient(id); });
            if (!p)
                std::abort();
        });
        bench::row("switch to a patient", patientMs, patientBase, "Registry::loadPatient on the db thread");
        const double listMs = switchMs<app::PatientListModel>(
            runs, session, [](app::PatientListModel &) {},
            [&](const app::PatientListModel &m) { return !m.loading() && m.totalCount() == patients; });
        const double listBase = bench::medianMs(runs, [&] {
            auto all = onDatabase<Result<QList<registry::PatientSummary>>>(
                thread, &receiver, [](registry::Registry *r) { return r->listPatients(); });
            if (!all || all->size() != patients)
                std::abort();
        });
        bench::row("switch to All patients", listMs, listBase, "Registry::listPatients on the db thread");
        const auto loadAll = [&] {
            auto all = onDatabase<Result<QList<domain::Patient>>>(
                thread, &receiver, [](registry::Registry *r) { return readWholeRegistry(*r); });
            if (!all || all->size() != patients)
                std::abort();
        };
        const double wholeBase = bench::medianMs(wholeRegistryRuns, loadAll);
        const double registryMs = switchMs<app::RosterModel>(
            wholeRegistryRuns, session, [&](app::RosterModel &m) { m.setToday(today); },
            [&](const app::RosterModel &m) { return !m.loading() && m.totalCount() == patients; });
        bench::row("switch to Registry", registryMs, wholeBase,
                   "whole registry read from the database, on the db thread");
        const double outreachMs = switchMs<app::PegOutreachModel>(
            wholeRegistryRuns, session, [&](app::PegOutreachModel &m) { m.setToday(today); },
            [](const app::PegOutreachModel &m) { return !m.loading(); });
        bench::row("switch to PEG outreach", outreachMs, wholeBase,
                   "whole registry read from the database, on the db thread");
        const double measuresMs = switchMs<app::MeasuresModel>(
            wholeRegistryRuns, session, [&](app::MeasuresModel &m) { m.setToday(today); },
            [](const app::MeasuresModel &m) { return !m.loading(); });
        bench::row("switch to Measures", measuresMs, wholeBase,
                   "whole registry read from the database, on the db thread");
        std::printf("\n%d patients booked on %s\n", booked, qPrintable(day));

        // The first read of a new day: the registry list the next morning (the app's clock and
        // the screen's day both move on; only the summaries that day changes are recomputed).
        std::vector<double> newDay;
        for (int ahead = 1; ahead <= wholeRegistryRuns; ++ahead) {
            const QDate next = today.addDays(ahead);
            clock.set(QDateTime(next, QTime(7, 0), Qt::UTC));
            newDay.push_back(switchMs<app::RosterModel>(
                1, session, [&](app::RosterModel &m) { m.setToday(next); },
                [&](const app::RosterModel &m) { return !m.loading() && m.totalCount() == patients; }));
        }
        std::sort(newDay.begin(), newDay.end());
        bench::row("registry list, first read of a new day", newDay[newDay.size() / 2], wholeBase,
                   "whole registry read from the database, on the db thread");
    }
    std::printf("\nmemory: the app's peak RSS %.0f MB after signing in, opening a patient and the registry list "
                "(%.0f MB before signing in, after the seeding gave its memory back; the seeding's own peak was "
                "%.0f MB); %.0f MB now, every screen open; peak %.0f MB with the bench's whole-registry baselines\n",
                appPeak, rssBeforeSignIn, seedingPeak, bench::statusMb("VmRSS"), bench::statusMb("VmHWM"));
    session.lock();
    thread.drain();
    return 0;
}
