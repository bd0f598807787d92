#pragma once
// The one way end-to-end tests make the app (like KDE Itinerary's makeAppController): a fresh
// encrypted registry in a temporary directory with the users a test names and, if asked, a
// seeded synthetic clinic, then the app exactly as `cairn` builds it (AppWiring: database thread,
// session, sync, language, lifecycle, and the QML engine with Main.qml), on a clock the test
// holds so that "today" on every screen is a fixed day.

#include "core/registry/clock.h"
#include "core/registry/registry.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"
#include "qml/app/app_wiring.h"
#include "qml/app/user_list_model.h"
#include "tests/support/test_team.h"

#include <QHash>
#include <QList>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace cairn::testing {

struct AppUser {
    QString name;
    keys::Role role;
    QString pin;
};

// Who works a clinic day (tests/support/test_team.h): the medical assistant who rooms and the
// clinician who decides, as AppFixtureOptions::users.
inline QList<AppUser> clinicDayTeam()
{
    return {{team::kMedicalAssistant, keys::Role::MedicalAssistant, team::kMedicalAssistantPin},
            {team::kClinician, keys::Role::Clinician, team::kClinicianPin}};
}

// A synthetic clinic as of `day`, for a test to shape into its own cases before it gives them as
// AppFixtureOptions::patients.
inline QList<domain::Patient> syntheticClinic(int patients, std::uint64_t seed, const QDate &day)
{
    synthetic::Options options;
    options.patients = patients;
    options.seed = seed;
    options.asOf = day;
    return synthetic::generateClinic(options);
}

struct AppFixtureOptions {
    // Signed in as the registry's creator; every registry has this administrator.
    QString adminName = QStringLiteral("Alex Admin");
    QString adminPin = QStringLiteral("246810");
    QList<AppUser> users;
    // A seeded synthetic clinic booked around the fixture's day; none: an empty registry.
    std::optional<synthetic::Options> clinic;
    // Patients the test makes itself, added with their records after the clinic.
    QList<domain::Patient> patients;
    // The app's clock starts here (UTC); its date is "today" on every screen.
    QDateTime now = QDateTime(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);
    QString fileName = QStringLiteral("app.db");
    // The keys in files in this directory, for a second process to open (the app started as a
    // child with CAIRN_KEYSTORE=file:<directory>); empty: in memory.
    QString keystoreDirectory;
    bool loadScreens = true;  // false: the object graph without Main.qml
    // The system's font scale the app is given (app::AppOptions); empty: the platform's.
    std::optional<double> systemFontScale;
};

class AppFixture {
public:
    // Null with `error` set when the registry could not be made or Main.qml did not load.
    static std::unique_ptr<AppFixture> make(const AppFixtureOptions &options, QString *error)
    {
        std::unique_ptr<AppFixture> fixture(new AppFixture(options.now));
        if (!fixture->m_dir.isValid()) {
            *error = QStringLiteral("no temporary directory");
            return nullptr;
        }
        if (options.keystoreDirectory.isEmpty())
            fixture->m_keystore = std::make_unique<platform::MemoryKeystore>();
        else
            fixture->m_keystore = std::make_unique<platform::FileKeystore>(options.keystoreDirectory);
        fixture->m_databasePath = fixture->m_dir.filePath(options.fileName);
        auto created = registry::Registry::create(fixture->m_databasePath, *fixture->m_keystore, options.adminName,
                                                  options.adminPin, fixture->m_clock);
        if (!created) {
            *error = created.error().line();
            return nullptr;
        }
        fixture->m_userIds.insert(options.adminName, (*created)->user().id);
        for (const AppUser &user : options.users) {
            auto id = (*created)->addUser(user.name, user.role, user.pin);
            if (!id) {
                *error = id.error().line();
                return nullptr;
            }
            fixture->m_userIds.insert(user.name, *id);
        }
        if (options.clinic) {
            synthetic::Options clinic = *options.clinic;
            clinic.asOf = options.now.date();
            if (auto added = (*created)->addPatients(synthetic::generateClinic(clinic)); !added) {
                *error = added.error().line();
                return nullptr;
            }
        }
        if (!options.patients.isEmpty()) {
            auto added = (*created)->addPatients(options.patients);
            if (!added) {
                *error = added.error().line();
                return nullptr;
            }
            fixture->m_patientIds = *added;
        }
        created->reset();  // closes the registry: the app opens it as on a tablet

        app::AppOptions appOptions;
        appOptions.databasePath = fixture->m_databasePath;
        appOptions.keystore = fixture->m_keystore.get();
        appOptions.clock = &fixture->m_clock;
        appOptions.rememberPreferences = false;
        appOptions.systemFontScale = options.systemFontScale;
        fixture->m_app = std::make_unique<app::AppWiring>(appOptions);
        if (options.loadScreens && !fixture->m_app->load()) {
            *error = QStringLiteral("Main.qml did not load");
            return nullptr;
        }
        return fixture;
    }

    app::AppWiring &app() { return *m_app; }
    app::Session &session() { return m_app->session(); }
    // The app's database thread, where a test reads or writes the registry as the screens do
    // (tests/qml/registry_answer.h).
    registry::RegistryThread &databaseThread() { return *m_app->session().services().thread; }
    QQmlApplicationEngine &engine() { return m_app->engine(); }
    QQuickWindow *window() const { return m_app->window(); }
    registry::ManualClock &clock() { return m_clock; }
    platform::Keystore &keystore() { return *m_keystore; }
    QString databasePath() const { return m_databasePath; }
    QDate today() const { return m_clock.now().date(); }
    // The id of a user the options named (or the administrator); empty when unknown.
    QString userId(const QString &name) const { return m_userIds.value(name); }
    // The ids of the options' `patients`, in their order.
    QStringList patientIds() const { return m_patientIds; }

    // Reads the sign-in list again and waits until it shows every user of the registry (the
    // administrator and the options' users); false when it does not within a minute.
    bool listsItsUsers()
    {
        session().refreshUsers();
        return QTest::qWaitFor([this] { return session().users()->rowCount() == m_userIds.size(); }, 60000);
    }

    // The object of that objectName in the loaded screens, or null.
    QObject *find(const QString &objectName) const
    {
        const auto roots = m_app->engine().rootObjects();
        return roots.isEmpty() ? nullptr : roots.first()->findChild<QObject *>(objectName);
    }

private:
    explicit AppFixture(const QDateTime &now)
        : m_clock(now)
    {}

    QTemporaryDir m_dir;
    QString m_databasePath;
    std::unique_ptr<platform::Keystore> m_keystore;
    registry::ManualClock m_clock;
    QHash<QString, QString> m_userIds;
    QStringList m_patientIds;
    // Last, so that the app goes before the keystore and clock it uses.
    std::unique_ptr<app::AppWiring> m_app;
};

}  // namespace cairn::testing
