// Tablet form benchmark (issue: Keep the registry current). On a seeded registry (10,000 patients;
// smoke: 300) opened through the app's own Session and database thread: for each form, the time
// from Save to the patient screen showing the new record (the form's validation, the one-
// transaction write with outbox and audit, and the patient screen's reload), beside the floor
// measured in the same run on the same database: a bare SQLCipher INSERT of a row with the same
// payload in its own transaction.
//   bench_forms [--patients N] [--smoke]

#include "bench/app/bench_app_common.h"
#include "bench/bench_common.h"
#include "bench/seeded_registry.h"
#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/registry/registry_thread.h"
#include "core/storage/database.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"
#include "qml/app/session.h"
#include "qml/forms/record_form.h"
#include "qml/patient/patient_view_model.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace cairn;
using bench::onDatabase;
using bench::spinUntil;

namespace {

struct FormCase {
    const char *measure;
    QString kind;
    QVariantMap values;
};

}  // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(QStringLiteral("--smoke"));
    const int patients = bench::patientsOption(args, smoke ? 300 : 10000);
    const int runs = smoke ? 3 : 9;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    platform::MemoryKeystore keystore;
    registry::SystemClock clock;
    synthetic::Options options;
    options.patients = patients;
    options.seed = 99;
    options.asOf = QDate(2026, 11, 23);
    const auto seeded = bench::seedRegistry(path, keystore, clock, options);
    if (!seeded)
        return 1;
    const QString samplePatient = seeded->samplePatient();
    std::printf("seeded %d patients in %.1f s\n\n", patients, seeded->seedSeconds);

    registry::RegistryThread thread;
    app::Session session({path, &keystore, &clock, &thread});
    app::Session::setInstance(&session);
    if (!bench::signIn(session, seeded->clinicianId, bench::kBenchClinicianPin))
        return 1;

    // The patient screen, open on one patient, as it is while a form is filled in over it.
    app::PatientViewModel screen;
    screen.setSession(&session);
    screen.setPatientId(samplePatient);
    spinUntil([&] { return screen.loaded() && !screen.loading(); });

    const QList<FormCase> cases{
        {"book a visit",
         QStringLiteral("visit"),
         {{QStringLiteral("date"), QStringLiteral("2026-12-01")},
          {QStringLiteral("status"), QStringLiteral("scheduled")}}},
        {"start an opioid",
         QStringLiteral("opioid"),
         {{QStringLiteral("drug"), QStringLiteral("morphine")},
          {QStringLiteral("strength_mg"), QStringLiteral("15")},
          {QStringLiteral("units_per_dose"), QStringLiteral("1")},
          {QStringLiteral("doses_per_day"), QStringLiteral("2")},
          {QStringLiteral("start"), QStringLiteral("2026-11-20")}}},
        {"record a sedative",
         QStringLiteral("benzodiazepine"),
         {{QStringLiteral("kind"), QStringLiteral("benzodiazepine")},
          {QStringLiteral("drug"), QStringLiteral("lorazepam")},
          {QStringLiteral("start"), QStringLiteral("2026-11-20")}}},
        {"record a urine test",
         QStringLiteral("uds"),
         {{QStringLiteral("date"), QStringLiteral("2026-11-20")},
          {QStringLiteral("result"), QStringLiteral("pending")}}},
        {"record naloxone",
         QStringLiteral("naloxone"),
         {{QStringLiteral("date"), QStringLiteral("2026-11-20")},
          {QStringLiteral("action"), QStringLiteral("prescribed")}}},
        {"record a PDMP check",
         QStringLiteral("pdmp_check"),
         {{QStringLiteral("date"), QStringLiteral("2026-11-20")},
          {QStringLiteral("checked_by"), QStringLiteral("Bench Clinician")}}},
        {"write a care-plan goal",
         QStringLiteral("goal"),
         {{QStringLiteral("date"), QStringLiteral("2026-11-20")},
          {QStringLiteral("goal"), QStringLiteral("Walk to the mailbox daily")},
          {QStringLiteral("status"), QStringLiteral("active")}}},
        {"log a refill request",
         QStringLiteral("refill_request"),
         {{QStringLiteral("date"), QStringLiteral("2026-11-20")},
          {QStringLiteral("medication"), QStringLiteral("morphine 15 mg")},
          {QStringLiteral("channel"), QStringLiteral("phone")},
          {QStringLiteral("decision"), QStringLiteral("pending")}}},
        {"record a medication review",
         QStringLiteral("medication_review"),
         {{QStringLiteral("date"), QStringLiteral("2026-11-20")},
          {QStringLiteral("reviewed_by"), QStringLiteral("Bench Clinician")}}},
        {"edit the patient's details",
         QStringLiteral("patient"),
         {{QStringLiteral("phone"), QStringLiteral("555-0142")}}},
    };

    bench::header();
    for (const FormCase &c : cases) {
        QByteArray payload;
        const double ms = bench::medianMs(runs, [&] {
            app::RecordForm form;
            form.setSession(&session);
            form.setKind(c.kind);
            form.setPatientId(samplePatient);
            spinUntil([&] { return !form.loading(); });  // demographics load the current details first
            for (auto it = c.values.cbegin(); it != c.values.cend(); ++it)
                form.setValue(it.key(), it.value());
            payload = QJsonDocument(*form.payload()).toJson(QJsonDocument::Compact);
            bool saved = false;
            bool shown = false;
            auto onSaved = QObject::connect(&form, &app::RecordForm::saved, &form, [&] { saved = true; });
            auto onShown = QObject::connect(&screen, &app::PatientViewModel::changed, &screen, [&] { shown = saved; });
            form.save();
            spinUntil([&] { return (saved && shown) || (!form.loading() && form.error()); });
            QObject::disconnect(onSaved);
            QObject::disconnect(onShown);
            if (form.error()) {
                std::fprintf(stderr, "bench: %s: %s\n", c.measure, qPrintable(form.message()));
                std::abort();
            }
        });
        // The floor: the same payload inserted bare, one transaction, same database and thread.
        const double floorMs = bench::medianMs(runs, [&] {
            auto done = onDatabase<Status>(thread, &screen, [payload](registry::Registry *registry) -> Status {
                storage::Database &db = registry::RegistryInternals::database(*registry);
                if (auto s = db.exec("CREATE TABLE IF NOT EXISTS bench_bare(id INTEGER PRIMARY KEY, payload BLOB)"); !s)
                    return s;
                auto tx = storage::Transaction::begin(db);
                if (!tx)
                    return tx.error();
                auto insert = db.prepare("INSERT INTO bench_bare(payload) VALUES(?)");
                if (!insert)
                    return insert.error();
                if (auto s = insert->bind(1, payload).run(); !s)
                    return s;
                return tx->commit();
            });
            if (!done)
                std::abort();
        });
        bench::row(qPrintable(QStringLiteral("save: %1 → shown").arg(QLatin1String(c.measure))), ms, floorMs,
                   "bare INSERT of the same payload, one transaction");
    }
    session.lock();
    spinUntil([&] { return !session.signedIn(); });
    return 0;
}
