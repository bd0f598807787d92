// Issue 14 items 4, 6 and 7 end to end over a real encrypted registry, through the app's own view
// models: the policy editor switches random urine testing, the new-patient bridge and a firm refill
// rule (and refuses a bad value naming it); rooming draws and records the urine selection once,
// replayable with the stored seed, while the huddle never lists it ahead; the refill check follows
// the new-patient switch; a firm rule blocks the request until a clinician overrides it with a
// reason, which is recorded and counted in the measures, and a medical assistant cannot override.

#include "core/clinical/uds_selection.h"
#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "core/registry/views.h"
#include "qml/admin/clinic_policy_model.h"
#include "qml/app/language.h"
#include "qml/app/session.h"
#include "qml/patient/patient_view_model.h"
#include "qml/refill/refill_check_model.h"
#include "qml/rooming/rooming_flow.h"
#include "tests/qml/registry_answer.h"
#include "tests/qml/sign_in.h"
#include "tests/support/app_fixture.h"
#include "tests/support/test_team.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace cairn;

namespace {

const QDate kDay(2026, 11, 25);  // a Wednesday
using testing::team::kAdminPin;
const QString &kMaPin = testing::team::kMedicalAssistantPin;
using testing::team::kClinicianPin;

template <typename Fn> void onDatabase(registry::RegistryThread &thread, Fn fn)
{
    thread.post([fn](registry::Registry *r) mutable { fn(r); });
    thread.drain();
}

bool hasGap(const QList<clinical::CareGap> &gaps, const char *code)
{
    return std::any_of(gaps.cbegin(), gaps.cend(), [code](const auto &g) { return g.code == QLatin1String(code); });
}

}  // namespace

class TestRefillRulesApp : public QObject {
    Q_OBJECT

    // The app's objects as main() builds them, without the screens: the view models are driven here.
    std::unique_ptr<testing::AppFixture> m_app;
    app::Session *m_session = nullptr;
    QString m_adminId;
    QString m_maId;
    QString m_clinicianId;
    QStringList m_patients;

    void signInAs(const QString &userId, const QString &pin)
    {
        QVERIFY2(testing::signInDirectly(*m_session, userId, pin), qPrintable(m_session->message()));
    }

    domain::Patient load(const QString &id) { return testing::storedPatient(m_app->databaseThread(), this, id); }

    clinical::ClinicPolicy policyInForce()
    {
        std::optional<clinical::ClinicPolicy> policy;
        onDatabase(m_app->databaseThread(), [&policy](registry::Registry *r) {
            if (auto p = r->clinicPolicy())
                policy = *p;
        });
        return policy.value_or(clinical::ClinicPolicy{});
    }

    // As an administrator, through the policy editor's model: sets the rows and saves.
    void editPolicy(const QList<std::pair<QString, QVariant>> &values)
    {
        signInAs(m_adminId, kAdminPin);
        app::ClinicPolicyModel policy;
        policy.setSession(m_session);
        QTRY_VERIFY(!policy.version().isEmpty() && !policy.loading());
        const QString before = policy.version();
        for (const auto &[key, value] : values) {
            QVERIFY2(policy.rowOf(key) >= 0, qPrintable(key));
            policy.setValueByKey(key, value);
        }
        policy.save();
        QTRY_VERIFY(!policy.loading());
        QVERIFY2(!policy.error(), qPrintable(policy.message()));
        QVERIFY(policy.version() != before);
    }

    std::unique_ptr<app::RefillCheckModel> checkTooEarly(const QString &patientId, bool newPatient = false)
    {
        auto refill = std::make_unique<app::RefillCheckModel>();
        refill->setToday(kDay);
        refill->setSession(m_session);
        refill->setProperty("newPatient", newPatient);
        // Fill Wednesday 12-02 (5 business days' notice); last fill 11-20 + 28 − 2 = 12-16: early.
        refill->check(patientId, QStringLiteral("2026-12-02"), QStringLiteral("morphine ER"), 28,
                      QStringLiteral("2026-11-20"), 28, QStringLiteral("early"), false);
        [&] { QTRY_VERIFY(refill->hasAdvice() || refill->error()); }();
        return refill;
    }

private slots:
    void initTestCase()
    {
        testing::AppFixtureOptions app;
        app.fileName = QStringLiteral("refill-rules.db");
        app.now = QDateTime(kDay, QTime(9, 0), Qt::UTC);
        app.loadScreens = false;
        app.users = testing::clinicDayTeam();
        QList<domain::Patient> &clinic = app.patients;
        clinic = testing::syntheticClinic(8, 14, kDay);
        // Everyone on therapy and booked today; [0] has never given a sample, [1] gave one today.
        for (int i = 0; i < clinic.size(); ++i) {
            domain::OpioidEntry e;
            e.drug = QStringLiteral("morphine");
            e.strengthMg = 20;
            e.dosesPerDay = 1;
            e.start = QDate(2025, 1, 1);
            clinic[i].opioids = {e};
            clinic[i].status = domain::PatientStatus::Active;
            clinic[i].inactiveReason = std::nullopt;
            clinic[i].inactiveDate = QDate();
            clinic[i].refillRequests.clear();  // the new-patient bridge runs from the first one
            clinic[i].visits.append({{}, kDay, domain::VisitStatus::Scheduled});
            clinic[i].uds = {{{}, kDay.addDays(-400), domain::UdsResult::Expected, {}}};
            clinic[i].refillOverrides.clear();
        }
        clinic[0].uds.clear();
        QString error;
        m_app = testing::AppFixture::make(app, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_adminId = m_app->userId(app.adminName);
        m_maId = m_app->userId(testing::team::kMedicalAssistant);
        m_clinicianId = m_app->userId(testing::team::kClinician);
        m_patients = m_app->patientIds();
        m_session = &m_app->session();
        QVERIFY(m_app->listsItsUsers());
    }

    void badValuesAreRefusedOnTheirRowAndNothingChanges()
    {
        signInAs(m_adminId, kAdminPin);
        app::ClinicPolicyModel policy;
        policy.setSession(m_session);
        QTRY_COMPARE(policy.version(), QStringLiteral("default-1"));
        const int bridge = policy.rowOf(QStringLiteral("new_patient.bridge_days"));
        QVERIFY(bridge >= 0);
        QCOMPARE(policy.data(policy.index(bridge), app::ClinicPolicyModel::TextRole).toString(), QStringLiteral("30"));
        QCOMPARE(policy.data(policy.index(bridge), app::ClinicPolicyModel::SectionRole).toString(),
                 QStringLiteral("New patients already on opioids"));
        policy.setValue(bridge, QStringLiteral("0"));
        policy.setValueByKey(QStringLiteral("uds_selection.mode"), true);  // valid, but saved with the bad one
        policy.save();
        QTRY_VERIFY(!policy.loading());
        QVERIFY(policy.error());
        QVERIFY(!policy.data(policy.index(bridge), app::ClinicPolicyModel::FieldErrorRole).toString().isEmpty());
        QCOMPARE(policy.version(), QStringLiteral("default-1"));
        QCOMPARE(policyInForce().udsSelectionMode, clinical::UdsSelectionMode::Interval);  // nothing half-applied
        // The seed is never a row of the editor.
        QCOMPARE(policy.rowOf(QStringLiteral("uds_selection.seed")), -1);
    }

    void randomUrineSelectionIsDrawnAndRecordedAtRoomingOnly()
    {
        editPolicy({{QStringLiteral("uds_selection.mode"), true}});
        const clinical::ClinicPolicy policy = policyInForce();
        QCOMPARE(policy.udsSelectionMode, clinical::UdsSelectionMode::Random);
        QCOMPARE(policy.udsSelectionSeed.size(), 32);  // made by the registry, kept with the policy

        // Nobody is listed ahead: every patient's last sample is 400 days old, yet the huddle has
        // no UDS gap for any of them.
        signInAs(m_clinicianId, kClinicianPin);
        std::optional<QList<registry::HuddleRow>> huddle;
        onDatabase(m_app->databaseThread(), [&huddle](registry::Registry *r) {
            if (auto rows = registry::huddleRows(*r, kDay))
                huddle = *rows;
        });
        QVERIFY(huddle && huddle->size() == m_patients.size());
        for (const registry::HuddleRow &row : *huddle)
            QVERIFY(!hasGap(row.rooming, "UDS") && !hasGap(row.clinician, "UDS") &&
                    !hasGap(row.registryManager, "UDS"));

        // At rooming the medical assistant learns it: [0] has never given a sample, so today's
        // visit includes one; the draw is recorded once and replays from the seed.
        signInAs(m_maId, kMaPin);
        for (const QString &id : m_patients) {
            const domain::Patient before = load(id);
            QVERIFY(before.udsSelections.isEmpty());
            auto flow = std::make_unique<app::RoomingFlow>();
            flow->setToday(kDay);
            flow->setSession(m_session);
            flow->setPatientId(id);
            QTRY_VERIFY(flow->ready() && !flow->loading());
            QVERIFY(flow->urineRandom());
            const domain::Patient after = load(id);
            QCOMPARE(after.udsSelections.size(), 1);
            const domain::UdsSelection &recorded = after.udsSelections.first();
            QCOMPARE(recorded.date, kDay);
            QCOMPARE(recorded.selected, flow->urineSelected());
            QCOMPARE(recorded.policyVersion, policy.version);
            const auto replay = clinical::selectForUds(policy.udsSelectionSeed, before, recorded.intervalDays, kDay);
            QCOMPARE(replay.selected, recorded.selected);
            QCOMPARE(replay.draw.drawnDay, recorded.drawnDay);
            QCOMPARE(replay.draw.window, recorded.window);
            if (id == m_patients.first())
                QVERIFY(flow->urineSelected());
            // Opening rooming again the same day reads the record: no second draw.
            flow = std::make_unique<app::RoomingFlow>();
            flow->setToday(kDay);
            flow->setSession(m_session);
            flow->setPatientId(id);
            QTRY_VERIFY(flow->ready() && !flow->loading());
            QCOMPARE(flow->urineSelected(), recorded.selected);
            QCOMPARE(load(id).udsSelections.size(), 1);
        }
        editPolicy({{QStringLiteral("uds_selection.mode"), false}});
        QCOMPARE(policyInForce().udsSelectionMode, clinical::UdsSelectionMode::Interval);
    }

    void newPatientFollowsTheSwitchInTheRefillCheck()
    {
        signInAs(m_clinicianId, kClinicianPin);
        auto refill = checkTooEarly(m_patients.at(3), true);
        QVERIFY(refill->reasonCodes().contains(QStringLiteral("NEW_PATIENT_RECORDS_FIRST")));
        QCOMPARE(refill->decision(), QStringLiteral("not_allowed_by_policy"));
        QVERIFY(refill->reasons().join(u' ').contains(QStringLiteral("records and a urine test")));

        editPolicy({{QStringLiteral("new_patient.mode"), true}, {QStringLiteral("new_patient.bridge_days"), 60}});
        signInAs(m_clinicianId, kClinicianPin);
        refill = checkTooEarly(m_patients.at(3), true);
        QVERIFY(refill->reasonCodes().contains(QStringLiteral("NEW_PATIENT_BRIDGE")));
        QVERIFY(!refill->reasonCodes().contains(QStringLiteral("NEW_PATIENT_RECORDS_FIRST")));
        QVERIFY(refill->reasons().join(u' ').contains(QStringLiteral("up to 60 day")));
        editPolicy({{QStringLiteral("new_patient.mode"), false}, {QStringLiteral("new_patient.bridge_days"), 30}});
    }

    // A new patient detected rather than ticked: the first opioid prescription recorded here sets
    // the patient's "prescriber of record since" date, and the refill check reads it; a patient
    // whose opioids came on record without it is not guessed about (the tick decides).
    void newPatientIsDetectedFromTheFirstPrescriptionRecordedHere()
    {
        signInAs(m_clinicianId, kClinicianPin);
        QString newcomer;
        onDatabase(m_app->databaseThread(), [&newcomer](registry::Registry *r) {
            domain::Patient p;
            p.clinicId = QStringLiteral("NEW-14");
            p.name = QStringLiteral("Nadia Newcomer");
            p.birthDate = QDate(1970, 3, 4);
            auto id = r->addPatient(p);
            if (!id)
                return;
            domain::OpioidEntry first;
            first.drug = QStringLiteral("morphine");
            first.strengthMg = 15;
            first.dosesPerDay = 2;
            first.start = kDay.addDays(-5);
            if (r->addRecord(*id, first))
                newcomer = *id;
        });
        QVERIFY(!newcomer.isEmpty());
        QCOMPARE(load(newcomer).opioidPrescriberSince, kDay.addDays(-5));

        // Nobody ticks "new patient": the record says it, and records first applies.
        auto refill = checkTooEarly(newcomer, false);
        QVERIFY(refill->newPatientFromRecord());
        QVERIFY(refill->newPatientByRecord());
        QVERIFY(refill->reasonCodes().contains(QStringLiteral("NEW_PATIENT_RECORDS_FIRST")));
        QCOMPARE(refill->decision(), QStringLiteral("not_allowed_by_policy"));
        QVERIFY2(refill->newPatientBasis().contains(QStringLiteral("A new patient's request")),
                 qPrintable(refill->newPatientBasis()));

        // An established patient of the synthetic clinic has no date: the tick still decides.
        const QString established = m_patients.at(3);
        QVERIFY(!load(established).opioidPrescriberSince.isValid());
        refill = checkTooEarly(established, false);
        QVERIFY(!refill->newPatientFromRecord());
        QVERIFY(refill->newPatientBasis().isEmpty());
        QVERIFY(!refill->reasonCodes().contains(QStringLiteral("NEW_PATIENT_RECORDS_FIRST")));
        refill = checkTooEarly(established, true);
        QVERIFY(refill->reasonCodes().contains(QStringLiteral("NEW_PATIENT_RECORDS_FIRST")));
    }

    void aFirmRuleBlocksUntilAClinicianOverridesWithAReason()
    {
        const QString id = m_patients.at(2);
        // As advice (the default) an early request is not blocked.
        signInAs(m_clinicianId, kClinicianPin);
        auto advice = checkTooEarly(id);
        QVERIFY(advice->reasonCodes().contains(QStringLiteral("TOO_EARLY")));
        QVERIFY(!advice->blocked());

        editPolicy({{QStringLiteral("rule_strength.early_allowance"), true}});
        const QString version = policyInForce().version;

        // A medical assistant sees the block and cannot override it.
        signInAs(m_maId, kMaPin);
        auto ma = checkTooEarly(id);
        QVERIFY(ma->blocked());
        QCOMPARE(ma->clinicRuleCodes(), QStringList{QStringLiteral("TOO_EARLY")});
        ma->overrideClinicRules(id, QStringLiteral("The patient is travelling."));
        QTRY_VERIFY(!ma->loading());
        QVERIFY(ma->error());
        QVERIFY(ma->blocked());
        QVERIFY(load(id).refillOverrides.isEmpty());

        // The clinician: blocked, logging refused, a reason required, then the override recorded.
        signInAs(m_clinicianId, kClinicianPin);
        auto clinician = checkTooEarly(id);
        QVERIFY(clinician->blocked());
        clinician->logRequest(id, QStringLiteral("morphine ER"), QStringLiteral("phone"), QStringLiteral("early"),
                              false);
        QVERIFY(clinician->error());
        QVERIFY(clinician->message().contains(QStringLiteral("clinic rule")));
        clinician->overrideClinicRules(id, QStringLiteral("   "));
        QVERIFY(clinician->error());
        QVERIFY(clinician->message().startsWith(QStringLiteral("Reason")));
        QVERIFY(load(id).refillOverrides.isEmpty());
        QSignalSpy recorded(clinician.get(), &app::RefillCheckModel::overrideRecorded);
        clinician->overrideClinicRules(id, QStringLiteral("Travelling for a funeral; pharmacy confirmed the count."));
        QTRY_COMPARE(recorded.count(), 1);
        QVERIFY2(!clinician->error(), qPrintable(clinician->message()));
        QVERIFY(!clinician->blocked() && clinician->overridden());
        const QList<domain::RefillOverride> overrides = load(id).refillOverrides;
        QCOMPARE(overrides.size(), 1);
        QCOMPARE(overrides.first().rules, QStringLiteral("TOO_EARLY"));
        QCOMPARE(overrides.first().clinician, QStringLiteral("Casey Clinician"));
        QCOMPARE(overrides.first().policyVersion, version);
        QCOMPARE(overrides.first().date, kDay);

        // Counted in November's measures, with the patient in the drill-down.
        std::optional<registry::MeasuresData> measures;
        onDatabase(m_app->databaseThread(), [&measures](registry::Registry *r) {
            if (auto m = registry::measuresData(*r, 2026, 11, QString()))
                measures = *m;
        });
        QVERIFY(measures);
        const auto &november = measures->trend.last().measures;
        const auto it = std::find_if(november.cbegin(), november.cend(), [](const clinical::Measure &m) {
            return m.id == QLatin1String("refill_rules_overridden");
        });
        QVERIFY(it != november.cend());
        QCOMPARE(it->numerator, 1);
        QCOMPARE(it->patientIds, QStringList{id});
        editPolicy({{QStringLiteral("rule_strength.early_allowance"), false}});
    }

    // The request logged after a check keeps the days' supply that was checked (the request's
    // own, never a default), and the patient's history shows it.
    void theLoggedRequestKeepsTheDaysSupplyThatWasChecked()
    {
        const QString id = m_patients.at(5);
        signInAs(m_clinicianId, kClinicianPin);
        auto refill = checkTooEarly(id);
        QVERIFY(refill->hasAdvice() && !refill->blocked());
        QSignalSpy logged(refill.get(), &app::RefillCheckModel::logged);
        refill->logRequest(id, QStringLiteral("morphine ER"), QStringLiteral("phone"), QStringLiteral("early"), false);
        QTRY_COMPARE(logged.count(), 1);
        const QList<domain::RefillRequest> requests = load(id).refillRequests;
        QCOMPARE(requests.size(), 1);
        QVERIFY(requests.first().daysSupply == 28);

        QVERIFY(m_app->app().language().setLanguage(QStringLiteral("en")));  // English plural forms: "28 days"
        app::PatientViewModel patient;
        patient.setToday(kDay);
        patient.setSession(m_session);
        patient.setPatientId(id);
        const auto historySays = [&](const QString &text) {
            const app::HistoryListModel *history = patient.history();
            for (int row = 0; row < history->rowCount(); ++row)
                if (history->data(history->index(row), app::HistoryListModel::SummaryRole).toString().contains(text))
                    return true;
            return false;
        };
        QTRY_VERIFY(historySays(QStringLiteral("morphine ER · supply for 28 days")));
    }

    void cleanupTestCase() { m_app.reset(); }
};

QTEST_MAIN(TestRefillRulesApp)
#include "test_refill_rules_app.moc"
