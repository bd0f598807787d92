// The tablet's record forms (RecordForm) over a real encrypted registry on the database thread:
// each bad field is refused under its own name with the domain's message and nothing is written;
// a good form is written in one transaction with its outbox entry; a correction starts from the
// stored values and supersedes them; the opioid form shows the entry's MME and the new total.
// The taper plan's steps are edited in the form and checked step by step; the ORT and PC-PTSD-5
// entries save only complete answers; the clinic's agreement text needs both languages; the OUD
// checklist asks every criterion and a mild result asks for the offer of treatment.

#include "core/clinical/oud.h"
#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "core/registry/views.h"
#include "core/reports/result_words.h"
#include "platform/keystore.h"
#include "qml/admin/clinic_agreement_model.h"
#include "qml/app/language.h"
#include "qml/app/session.h"
#include "qml/forms/record_form.h"
#include "qml/forms/screening_form.h"
#include "qml/patient/agreement_model.h"
#include "qml/patient/record_versions_model.h"
#include "tests/qml/registry_answer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace cairn;

class TestRecordForms : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    platform::MemoryKeystore m_keystore;
    registry::SystemClock m_clock;
    std::unique_ptr<registry::RegistryThread> m_thread;
    std::unique_ptr<app::Session> m_session;
    std::unique_ptr<app::Language> m_language;
    QString m_clinicianId;
    QString m_patientId;

    template <typename R> R onDatabase(std::function<R(registry::Registry *)> job)
    {
        return testing::answerFrom<R>(*m_thread, this, std::move(job));
    }

    // Records and outbox entries: what a refused form must leave as they were.
    std::pair<qint64, qint64> counts()
    {
        auto stats = onDatabase<Result<registry::RegistryStats>>([](registry::Registry *r) { return r->stats(); });
        return {stats->records, stats->outboxPending};
    }

    void fill(app::RecordForm &form, const QVariantMap &values)
    {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            form.setValue(it.key(), it.value());
    }

    // Saves and waits; the new record's id, or empty when the form refused.
    QString saveAndWait(app::RecordForm &form)
    {
        QSignalSpy saved(&form, &app::RecordForm::saved);
        form.save();
        if (!QTest::qWaitFor([&] { return !form.loading(); }, 60000))
            return {};
        return saved.isEmpty() ? QString() : saved.first().first().toString();
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("forms.db"));
        auto created = registry::Registry::create(m_db, m_keystore, QStringLiteral("Alex Admin"),
                                                  QStringLiteral("246810"), m_clock);
        QVERIFY(created.ok());
        m_clinicianId =
            *(*created)->addUser(QStringLiteral("Casey Clinician"), keys::Role::Clinician, QStringLiteral("1357"));
        created->reset();
        m_thread = std::make_unique<registry::RegistryThread>();
        m_session = std::make_unique<app::Session>(app::AppServices{m_db, &m_keystore, &m_clock, m_thread.get()});
        m_language = std::make_unique<app::Language>(false);
        app::Language::setInstance(m_language.get());
        m_language->restore();
        m_session->refreshUsers();
        QTRY_COMPARE(m_session->users()->rowCount(), 2);
        m_session->unlock(m_clinicianId, QStringLiteral("1357"));
        QTRY_VERIFY(m_session->signedIn());
    }

    void aNewPatientNeedsEveryRequiredFieldAndAValidDate()
    {
        app::RecordForm form;
        form.setSession(m_session.get());
        form.setKind(QStringLiteral("patient"));
        QCOMPARE(form.title(), QStringLiteral("Add a patient"));
        QVERIFY(!form.fields().isEmpty());
        const auto before = counts();

        // Nothing filled in: every required field says so, and nothing is written.
        QCOMPARE(saveAndWait(form), QString());
        for (const char *field : {"name", "clinic_id", "birth_date", "sex", "language"})
            QVERIFY2(form.errors().contains(QLatin1String(field)), field);
        QVERIFY(form.error());
        QCOMPARE(counts(), before);

        // An impossible date is refused by the domain validation, under its own field.
        fill(form, {{QStringLiteral("name"), QStringLiteral("Rosa Delgado")},
                    {QStringLiteral("clinic_id"), QStringLiteral("CL-1001")},
                    {QStringLiteral("birth_date"), QStringLiteral("1961-02-30")},
                    {QStringLiteral("sex"), QStringLiteral("female")},
                    {QStringLiteral("language"), QStringLiteral("es")},
                    {QStringLiteral("phone"), QStringLiteral("555-0100")}});
        QVERIFY(form.errors().isEmpty());  // typing clears the errors of the fields typed in
        QCOMPARE(saveAndWait(form), QString());
        QCOMPARE(form.errors().keys(), QStringList{QStringLiteral("birth_date")});
        QCOMPARE(counts(), before);

        form.setValue(QStringLiteral("birth_date"), QStringLiteral("1961-02-03"));
        m_patientId = saveAndWait(form);
        QVERIFY2(!m_patientId.isEmpty(), qPrintable(form.message()));
        QVERIFY(!form.error());
        const auto after = counts();
        QVERIFY(after.first > before.first);
        QVERIFY(after.second > before.second);  // waiting in the outbox to be sent
        auto stored = onDatabase<Result<domain::Patient>>(
            [id = m_patientId](registry::Registry *r) { return r->loadPatient(id); });
        QVERIFY(stored);
        QCOMPARE(stored->name, QStringLiteral("Rosa Delgado"));
        QCOMPARE(stored->birthDate, QDate(1961, 2, 3));
        QCOMPARE(stored->language, QStringLiteral("es"));
    }

    void editingThePatientStartsFromTheRecord()
    {
        app::RecordForm form;
        form.setSession(m_session.get());
        form.setKind(QStringLiteral("patient"));
        form.setPatientId(m_patientId);
        QTRY_COMPARE(form.values().value(QStringLiteral("name")).toString(), QStringLiteral("Rosa Delgado"));
        QCOMPARE(form.title(), QStringLiteral("Edit the patient's details"));
        form.setValue(QStringLiteral("phone"), QStringLiteral("555-0199"));
        QCOMPARE(saveAndWait(form), m_patientId);
        auto stored = onDatabase<Result<domain::Patient>>(
            [id = m_patientId](registry::Registry *r) { return r->loadPatient(id); });
        QCOMPARE(stored->phone, QStringLiteral("555-0199"));
        QCOMPARE(stored->clinicId, QStringLiteral("CL-1001"));
    }

    void anOpioidShowsItsMmeAndRefusesANonPositiveStrength()
    {
        app::RecordForm form;
        form.setSession(m_session.get());
        form.setKind(QStringLiteral("opioid"));
        form.setPatientId(m_patientId);
        QVERIFY(!form.mmeCaution().isEmpty());
        fill(form, {{QStringLiteral("drug"), QStringLiteral("oxycodone")},
                    {QStringLiteral("strength_mg"), QStringLiteral("10")},
                    {QStringLiteral("units_per_dose"), QStringLiteral("1")},
                    {QStringLiteral("doses_per_day"), QStringLiteral("3")},
                    {QStringLiteral("start"), QStringLiteral("2026-11-01")}});
        // 10 mg × 1 × 3 × 1.5 = 45 MME/day, below 50.
        QTRY_VERIFY2(form.mmePreview().contains(QStringLiteral("45.0 MME/day")), qPrintable(form.mmePreview()));
        QVERIFY(form.mmePreview().contains(QStringLiteral("below 50")));

        const auto before = counts();
        form.setValue(QStringLiteral("strength_mg"), QStringLiteral("-10"));
        QCOMPARE(saveAndWait(form), QString());
        QVERIFY2(form.errors().contains(QStringLiteral("strength_mg")), qPrintable(form.message()));
        QCOMPARE(counts(), before);
        form.setValue(QStringLiteral("strength_mg"), QStringLiteral("ten"));
        QCOMPARE(saveAndWait(form), QString());
        QVERIFY(form.errors().value(QStringLiteral("strength_mg")).toString().contains(QStringLiteral("number")));
        QCOMPARE(counts(), before);

        form.setValue(QStringLiteral("strength_mg"), QStringLiteral("10"));
        const QString id = saveAndWait(form);
        QVERIFY2(!id.isEmpty(), qPrintable(form.message()));

        // A wrongly entered dose is corrected: the form starts from the stored entry, and both
        // versions stay in the history.
        app::RecordForm correction;
        correction.setSession(m_session.get());
        correction.setKind(QStringLiteral("opioid"));
        correction.setPatientId(m_patientId);
        correction.setCorrecting(id);
        QTRY_COMPARE(correction.values().value(QStringLiteral("doses_per_day")).toString(), QStringLiteral("3"));
        correction.setValue(QStringLiteral("doses_per_day"), QStringLiteral("2"));
        // The corrected version replaces the old one in the total: 10 × 1 × 2 × 1.5 = 30.
        QTRY_VERIFY2(correction.mmePreview().contains(QStringLiteral("Total from")) &&
                         correction.mmePreview().endsWith(QStringLiteral("30.0 MME/day (below 50).")),
                     qPrintable(correction.mmePreview()));
        // A correction says why: without a reason it is refused under that field, nothing written.
        const auto beforeReason = counts();
        QCOMPARE(saveAndWait(correction), QString());
        QCOMPARE(correction.errors().keys(), QStringList{QStringLiteral("correction_reason")});
        QCOMPARE(counts(), beforeReason);
        correction.setValue(QStringLiteral("correction_reason"), QStringLiteral("doses entered wrongly"));
        const QString corrected = saveAndWait(correction);
        QVERIFY2(!corrected.isEmpty(), qPrintable(correction.message()));
        auto history = onDatabase<Result<QList<domain::RecordEnvelope>>>(
            [id = m_patientId](registry::Registry *r) { return r->patientHistory(id); });
        QVERIFY(history);
        bool original = false;
        bool replacement = false;
        for (const auto &envelope : *history) {
            original = original || envelope.id == id;
            replacement = replacement || (envelope.id == corrected && envelope.supersedes == id);
        }
        QVERIFY(original && replacement);
        auto stored = onDatabase<Result<domain::Patient>>(
            [id = m_patientId](registry::Registry *r) { return r->loadPatient(id); });
        QCOMPARE(stored->opioids.size(), 1);
        QCOMPARE(stored->opioids.first().dosesPerDay, 2.0);

        // The history shows both versions of the entry, newest first, with who and when.
        app::RecordVersionsModel versions;
        QAbstractItemModelTester tester(&versions, QAbstractItemModelTester::FailureReportingMode::QtTest);
        versions.setSession(m_session.get());
        versions.setPatientId(m_patientId);
        versions.setRecordId(corrected);
        QTRY_COMPARE(versions.rowCount(), 2);
        QVERIFY(versions.versions().at(0).state == app::RecordVersionsModel::State::InForce);
        QVERIFY(versions.versions().at(0).summary.contains(QStringLiteral("doses_per_day: 2")));
        QVERIFY(versions.versions().at(1).state == app::RecordVersionsModel::State::Replaced);
        QVERIFY(versions.versions().at(1).summary.contains(QStringLiteral("doses_per_day: 3")));
        QCOMPARE(versions.versions().at(1).by, QStringLiteral("Casey Clinician"));
        QCOMPARE(versions.versions().at(0).reason, QStringLiteral("doses entered wrongly"));
    }

    // The domain's reason for refusing a field is shown in the screen's language (here an
    // impossible strength, refused by core/domain/validation.cpp, not by the form), and back.
    void aRefusedFieldIsExplainedInTheScreensLanguage()
    {
        app::RecordForm form;
        form.setSession(m_session.get());
        form.setKind(QStringLiteral("opioid"));
        form.setPatientId(m_patientId);
        fill(form, {{QStringLiteral("drug"), QStringLiteral("oxycodone")},
                    {QStringLiteral("strength_mg"), QStringLiteral("5000000")},
                    {QStringLiteral("units_per_dose"), QStringLiteral("1")},
                    {QStringLiteral("doses_per_day"), QStringLiteral("3")},
                    {QStringLiteral("start"), QStringLiteral("2026-11-01")}});
        const auto before = counts();
        QVERIFY(m_language->setLanguage(QStringLiteral("es")));
        QCOMPARE(saveAndWait(form), QString());
        QVERIFY2(form.errors()
                     .value(QStringLiteral("strength_mg"))
                     .toString()
                     .startsWith(QStringLiteral("es un valor inverosímil")),
                 qPrintable(form.errors().value(QStringLiteral("strength_mg")).toString()));
        QVERIFY(m_language->setLanguage(QStringLiteral("en")));
        QCOMPARE(saveAndWait(form), QString());
        QVERIFY2(form.errors()
                     .value(QStringLiteral("strength_mg"))
                     .toString()
                     .startsWith(QStringLiteral("is implausibly large")),
                 qPrintable(form.errors().value(QStringLiteral("strength_mg")).toString()));
        QCOMPARE(counts(), before);
    }

    void aPendingUrineTestGetsItsResult()
    {
        app::RecordForm form;
        form.setSession(m_session.get());
        form.setKind(QStringLiteral("uds"));
        form.setPatientId(m_patientId);
        fill(form, {{QStringLiteral("date"), QStringLiteral("2026-11-20")},
                    {QStringLiteral("result"), QStringLiteral("pending")}});
        const QString id = saveAndWait(form);
        QVERIFY2(!id.isEmpty(), qPrintable(form.message()));

        app::RecordForm result;
        result.setSession(m_session.get());
        result.setKind(QStringLiteral("uds"));
        result.setPatientId(m_patientId);
        result.setCorrecting(id);
        QTRY_COMPARE(result.values().value(QStringLiteral("result")).toString(), QStringLiteral("pending"));
        result.setValue(QStringLiteral("result"), QStringLiteral("unexpected"));
        result.setValue(QStringLiteral("substances"), QStringLiteral("cocaine, fentanyl"));
        result.setValue(QStringLiteral("confirmatory_sent"), true);
        result.setValue(QStringLiteral("correction_reason"), QStringLiteral("result came back"));
        QVERIFY2(!saveAndWait(result).isEmpty(), qPrintable(result.message()));
        auto stored = onDatabase<Result<domain::Patient>>(
            [id = m_patientId](registry::Registry *r) { return r->loadPatient(id); });
        QCOMPARE(stored->uds.size(), 1);
        QVERIFY(stored->uds.first().result == domain::UdsResult::Unexpected);
        QCOMPARE(stored->uds.first().substances, (QStringList{QStringLiteral("cocaine"), QStringLiteral("fentanyl")}));
        QVERIFY(stored->uds.first().confirmatorySent);
    }

    // The clinician sets the tier with a reason; the details the form does not show are kept.
    void theClinicianSetsTheRiskTierWithAReason()
    {
        app::RecordForm form;
        form.setSession(m_session.get());
        form.setKind(QStringLiteral("risk_tier"));
        form.setPatientId(m_patientId);
        QTRY_VERIFY(!form.loading());
        form.setValue(QStringLiteral("risk_tier"), QStringLiteral("high"));
        const auto before = counts();
        QCOMPARE(saveAndWait(form), QString());
        QVERIFY(form.errors().contains(QStringLiteral("risk_tier_reason")));
        QCOMPARE(counts(), before);
        form.setValue(QStringLiteral("risk_tier_reason"), QStringLiteral("history of overdose"));
        QVERIFY2(!saveAndWait(form).isEmpty(), qPrintable(form.message()));
        auto stored = onDatabase<Result<domain::Patient>>(
            [id = m_patientId](registry::Registry *r) { return r->loadPatient(id); });
        QVERIFY(stored->riskTier == domain::RiskTier::High);
        QCOMPARE(stored->riskTierReason, QStringLiteral("history of overdose"));
        QCOMPARE(stored->name, QStringLiteral("Rosa Delgado"));  // the rest of the details unchanged
    }

    // Issue 18: the OUD checklist's form pre-fills nothing (every criterion and "as prescribed"
    // is required, each under its own name), words the criteria from assets/clinical, stores the
    // answers as the record's criteria, and a mild result asks for the offer of treatment.
    void theOudChecklistAsksEveryCriterionAndLeadsToTheOffer()
    {
        app::RecordForm form;
        form.setSession(m_session.get());
        form.setKind(QStringLiteral("oud_assessment"));
        form.setPatientId(m_patientId);
        QTRY_VERIFY(!form.loading());
        QString cravingLabel;
        for (const QVariant &field : form.fields())
            if (field.toMap().value(QStringLiteral("name")) == QLatin1String("craving"))
                cravingLabel = field.toMap().value(QStringLiteral("label")).toString();
        QCOMPARE(cravingLabel, QStringLiteral("Has strong urges or cravings to use opioids."));
        const auto before = counts();
        fill(form, {{QStringLiteral("date"), QStringLiteral("2026-11-20")},
                    {QStringLiteral("clinician"), QStringLiteral("Dr. Casey")},
                    {QStringLiteral("larger_or_longer"), QStringLiteral("yes")},
                    {QStringLiteral("craving"), QStringLiteral("yes")},
                    {QStringLiteral("tolerance"), QStringLiteral("yes")}});
        QCOMPARE(saveAndWait(form), QString());
        for (const char *field : {"as_prescribed", "cannot_cut_down", "time_spent", "role_failure", "social_problems",
                                  "activities_given_up", "hazardous_use", "despite_harm", "withdrawal"})
            QVERIFY2(form.errors().contains(QLatin1String(field)), field);
        QVERIFY(!form.errors().contains(QStringLiteral("craving")));
        QCOMPARE(counts(), before);
        for (const char *field : {"cannot_cut_down", "time_spent", "role_failure", "social_problems",
                                  "activities_given_up", "hazardous_use", "despite_harm", "withdrawal"})
            form.setValue(QLatin1String(field), QStringLiteral("no"));
        form.setValue(QStringLiteral("as_prescribed"), QStringLiteral("yes"));
        QVERIFY2(!saveAndWait(form).isEmpty(), qPrintable(form.message()));
        auto view = onDatabase<Result<registry::PatientView>>(
            [id = m_patientId](registry::Registry *r) { return registry::patientView(*r, id, QDate(2026, 11, 21)); });
        QVERIFY(view);
        QCOMPARE(view->patient.oudAssessments.size(), 1);
        const clinical::OudResult result = clinical::oudResult(view->patient.oudAssessments.first());
        // Tolerance does not count for a patient taking opioids as prescribed: two criteria, mild.
        QCOMPARE(result.criteriaMet, 3);
        QCOMPARE(result.criteriaCounted, 2);
        QVERIFY(result.severity == clinical::OudSeverity::Mild);
        const bool offer =
            std::any_of(view->evaluation.gaps.cbegin(), view->evaluation.gaps.cend(),
                        [](const clinical::CareGap &g) { return g.code == QLatin1String("MOUD_OFFER"); });
        QVERIFY(offer);
    }

    // Every new form refuses each bad field under its own name and writes nothing.
    void eachFormRefusesItsBadFields_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QVariantMap>("values");
        QTest::addColumn<QString>("field");
        const QVariantMap booking{{QStringLiteral("date"), QStringLiteral("2026-11-25")},
                                  {QStringLiteral("status"), QStringLiteral("scheduled")}};
        QVariantMap badTime = booking;
        badTime.insert(QStringLiteral("time"), QStringLiteral("25:10"));
        QTest::newRow("visit: time") << QStringLiteral("visit") << badTime << QStringLiteral("time");
        QTest::newRow("visit: no date") << QStringLiteral("visit")
                                        << QVariantMap{{QStringLiteral("status"), QStringLiteral("scheduled")}}
                                        << QStringLiteral("date");
        QTest::newRow("sedative: no kind") << QStringLiteral("benzodiazepine")
                                           << QVariantMap{{QStringLiteral("drug"), QStringLiteral("zolpidem")},
                                                          {QStringLiteral("start"), QStringLiteral("2026-10-01")}}
                                           << QStringLiteral("kind");
        QTest::newRow("sedative: stops before it starts")
            << QStringLiteral("benzodiazepine")
            << QVariantMap{{QStringLiteral("kind"), QStringLiteral("z_drug")},
                           {QStringLiteral("drug"), QStringLiteral("zolpidem")},
                           {QStringLiteral("start"), QStringLiteral("2026-10-01")},
                           {QStringLiteral("end"), QStringLiteral("2026-09-01")}}
            << QStringLiteral("end");
        const QVariantMap refill{{QStringLiteral("date"), QStringLiteral("2026-11-20")},
                                 {QStringLiteral("medication"), QStringLiteral("oxycodone 10 mg")},
                                 {QStringLiteral("channel"), QStringLiteral("phone")},
                                 {QStringLiteral("decision"), QStringLiteral("declined")}};
        QTest::newRow("refill: declined without a reason")
            << QStringLiteral("refill_request") << refill << QStringLiteral("decision_reason");
        QVariantMap police = refill;
        police.insert(QStringLiteral("decision"), QStringLiteral("pending"));
        police.insert(QStringLiteral("police_report"), true);
        QTest::newRow("refill: police report without lost or stolen")
            << QStringLiteral("refill_request") << police << QStringLiteral("police_report");
        QVariantMap tooLong = refill;
        tooLong.insert(QStringLiteral("decision"), QStringLiteral("pending"));
        tooLong.insert(QStringLiteral("days_supply"), QStringLiteral("400"));
        QTest::newRow("refill: a days' supply over a year")
            << QStringLiteral("refill_request") << tooLong << QStringLiteral("days_supply");
        QVariantMap partDay = tooLong;
        partDay.insert(QStringLiteral("days_supply"), QStringLiteral("7.5"));
        QTest::newRow("refill: part of a day's supply")
            << QStringLiteral("refill_request") << partDay << QStringLiteral("days_supply");
        QTest::newRow("moud: referred, to no resource")
            << QStringLiteral("moud_status")
            << QVariantMap{{QStringLiteral("date"), QStringLiteral("2026-11-20")},
                           {QStringLiteral("state"), QStringLiteral("referred")}}
            << QStringLiteral("resource_id");
        QTest::newRow("goal: target before it was set")
            << QStringLiteral("goal")
            << QVariantMap{{QStringLiteral("goal"), QStringLiteral("walk to the mailbox")},
                           {QStringLiteral("date"), QStringLiteral("2026-11-01")},
                           {QStringLiteral("status"), QStringLiteral("active")},
                           {QStringLiteral("target_date"), QStringLiteral("2026-10-01")}}
            << QStringLiteral("target_date");
        QTest::newRow("naloxone: no action")
            << QStringLiteral("naloxone") << QVariantMap{{QStringLiteral("date"), QStringLiteral("2026-11-20")}}
            << QStringLiteral("action");
        QTest::newRow("medication review: nobody")
            << QStringLiteral("medication_review")
            << QVariantMap{{QStringLiteral("date"), QStringLiteral("2026-11-20")}} << QStringLiteral("reviewed_by");
        QTest::newRow("taper plan: no status")
            << QStringLiteral("taper_plan") << QVariantMap{{QStringLiteral("date"), QStringLiteral("2026-11-01")}}
            << QStringLiteral("status");
        QTest::newRow("taper plan: a step without its date")
            << QStringLiteral("taper_plan")
            << QVariantMap{{QStringLiteral("date"), QStringLiteral("2026-11-01")},
                           {QStringLiteral("status"), QStringLiteral("planned")},
                           {QStringLiteral("steps"),
                            QVariantList{QVariantMap{{QStringLiteral("target_mme_per_day"), QStringLiteral("20")}}}}}
            << QStringLiteral("steps[0].date");
        QTest::newRow("inactivation: no reason")
            << QStringLiteral("inactivation")
            << QVariantMap{{QStringLiteral("inactive_date"), QStringLiteral("2026-11-20")}}
            << QStringLiteral("inactive_reason");
        QTest::newRow("inactivation: impossible date")
            << QStringLiteral("inactivation")
            << QVariantMap{{QStringLiteral("inactive_reason"), QStringLiteral("moved")},
                           {QStringLiteral("inactive_date"), QStringLiteral("2026-02-30")}}
            << QStringLiteral("inactive_date");
    }

    void eachFormRefusesItsBadFields()
    {
        QFETCH(QString, kind);
        QFETCH(QVariantMap, values);
        QFETCH(QString, field);
        app::RecordForm form;
        form.setSession(m_session.get());
        form.setKind(kind);
        form.setPatientId(m_patientId);
        QVERIFY(!form.title().isEmpty());
        fill(form, values);
        const auto before = counts();
        QCOMPARE(saveAndWait(form), QString());
        QVERIFY2(form.errors().contains(field),
                 qPrintable(QVariant(form.errors()).toString() + QLatin1Char(' ') + form.message()));
        QVERIFY(form.error());
        QCOMPARE(counts(), before);
    }

    // A taper plan: each step's problem is shown under that step's own field, nothing is written
    // until all are right; then the plan is saved with its steps, and updating it supersedes it.
    void aTaperPlanIsCheckedStepByStepAndUpdatedByCorrection()
    {
        app::RecordForm form;
        form.setSession(m_session.get());
        form.setKind(QStringLiteral("taper_plan"));
        form.setPatientId(m_patientId);
        QCOMPARE(form.title(), QStringLiteral("Make a taper plan"));
        const auto before = counts();

        // Nothing given: the plan's date and status are required; no step is invented.
        QCOMPARE(saveAndWait(form), QString());
        QVERIFY(form.errors().contains(QStringLiteral("date")));
        QVERIFY(form.errors().contains(QStringLiteral("status")));
        QVERIFY(form.values().value(QStringLiteral("steps")).toList().isEmpty());

        fill(form, {{QStringLiteral("date"), QStringLiteral("2026-11-01")},
                    {QStringLiteral("status"), QStringLiteral("planned")},
                    {QStringLiteral("drug"), QStringLiteral("oxycodone")}});
        form.addStep(QStringLiteral("steps"));
        form.addStep(QStringLiteral("steps"));
        QCOMPARE(form.values().value(QStringLiteral("steps")).toList().size(), 2);

        // A step without its date.
        form.setStepValue(QStringLiteral("steps"), 0, QStringLiteral("target_mme_per_day"), QStringLiteral("40"));
        QCOMPARE(saveAndWait(form), QString());
        QCOMPARE(form.errors().value(QStringLiteral("steps[0].date")).toString(),
                 QStringLiteral("is required (YYYY-MM-DD)"));
        QCOMPARE(counts(), before);

        // Steps out of order: the second step's date says so, in the domain's words.
        form.setStepValue(QStringLiteral("steps"), 0, QStringLiteral("date"), QStringLiteral("2026-11-15"));
        QVERIFY(!form.errors().contains(QStringLiteral("steps[0].date")));  // typing clears that step's error
        form.setStepValue(QStringLiteral("steps"), 1, QStringLiteral("date"), QStringLiteral("2026-11-08"));
        form.setStepValue(QStringLiteral("steps"), 1, QStringLiteral("target_mme_per_day"), QStringLiteral("30"));
        QCOMPARE(saveAndWait(form), QString());
        QCOMPARE(form.errors().keys(), QStringList{QStringLiteral("steps[1].date")});
        QCOMPARE(form.errors().value(QStringLiteral("steps[1].date")).toString(),
                 QStringLiteral("must not be before the previous step's date"));
        QCOMPARE(counts(), before);

        // A step before the plan was made.
        form.setStepValue(QStringLiteral("steps"), 0, QStringLiteral("date"), QStringLiteral("2026-10-20"));
        form.setStepValue(QStringLiteral("steps"), 1, QStringLiteral("date"), QStringLiteral("2026-12-01"));
        QCOMPARE(saveAndWait(form), QString());
        QCOMPARE(form.errors().keys(), QStringList{QStringLiteral("steps[0].date")});
        QCOMPARE(form.errors().value(QStringLiteral("steps[0].date")).toString(),
                 QStringLiteral("must not be before the plan's date"));
        QCOMPARE(counts(), before);
        form.setStepValue(QStringLiteral("steps"), 0, QStringLiteral("date"), QStringLiteral("2026-11-15"));

        // A target that is not a number, then one below zero.
        form.setStepValue(QStringLiteral("steps"), 1, QStringLiteral("date"), QStringLiteral("2026-12-01"));
        form.setStepValue(QStringLiteral("steps"), 1, QStringLiteral("target_mme_per_day"), QStringLiteral("lots"));
        QCOMPARE(saveAndWait(form), QString());
        QCOMPARE(form.errors().value(QStringLiteral("steps[1].target_mme_per_day")).toString(),
                 QStringLiteral("must be a number"));
        form.setStepValue(QStringLiteral("steps"), 1, QStringLiteral("target_mme_per_day"), QStringLiteral("-5"));
        QCOMPARE(saveAndWait(form), QString());
        QCOMPARE(form.errors().value(QStringLiteral("steps[1].target_mme_per_day")).toString(),
                 QStringLiteral("must be a number from 0 to 5000"));
        QCOMPARE(counts(), before);

        // A third step added and removed again leaves the two; then the plan is saved.
        form.addStep(QStringLiteral("steps"));
        form.removeStep(QStringLiteral("steps"), 2);
        form.setStepValue(QStringLiteral("steps"), 1, QStringLiteral("target_mme_per_day"), QStringLiteral("30"));
        form.setStepValue(QStringLiteral("steps"), 1, QStringLiteral("description"), QStringLiteral("evening dose"));
        const QString planId = saveAndWait(form);
        QVERIFY2(!planId.isEmpty(), qPrintable(form.message() + QVariant(form.errors()).toString()));
        auto stored = onDatabase<Result<domain::Patient>>(
            [id = m_patientId](registry::Registry *r) { return r->loadPatient(id); });
        QVERIFY(stored);
        QCOMPARE(stored->taperPlans.size(), 1);
        const domain::TaperPlan plan = stored->taperPlans.first();
        QVERIFY(plan.status == domain::TaperStatus::Planned);
        QCOMPARE(plan.steps.size(), 2);
        QCOMPARE(plan.steps.at(0).date, QDate(2026, 11, 15));
        QCOMPARE(plan.steps.at(0).targetMmePerDay, std::optional<double>(40));
        QCOMPARE(plan.steps.at(1).description, QStringLiteral("evening dose"));

        // Updating the plan starts from its steps and supersedes it; the old version is kept.
        app::RecordForm update;
        update.setSession(m_session.get());
        update.setKind(QStringLiteral("taper_plan"));
        update.setPatientId(m_patientId);
        update.setCorrecting(planId);
        QCOMPARE(update.title(), QStringLiteral("Update the taper plan"));
        QTRY_COMPARE(update.values().value(QStringLiteral("steps")).toList().size(), 2);
        QCOMPARE(update.values()
                     .value(QStringLiteral("steps"))
                     .toList()
                     .at(0)
                     .toMap()
                     .value(QStringLiteral("target_mme_per_day")),
                 QVariant(QStringLiteral("40")));
        update.setValue(QStringLiteral("status"), QStringLiteral("in_progress"));
        update.removeStep(QStringLiteral("steps"), 1);
        update.setValue(QStringLiteral("correction_reason"), QStringLiteral("first step started"));
        const QString updatedId = saveAndWait(update);
        QVERIFY2(!updatedId.isEmpty() && updatedId != planId, qPrintable(update.message()));
        stored = onDatabase<Result<domain::Patient>>(
            [id = m_patientId](registry::Registry *r) { return r->loadPatient(id); });
        QCOMPARE(stored->taperPlans.size(), 1);
        QVERIFY(stored->taperPlans.first().status == domain::TaperStatus::InProgress);
        QCOMPARE(stored->taperPlans.first().steps.size(), 1);
        QCOMPARE(stored->taperPlans.first().meta.supersedes, QUuid::fromString(planId));
        QVERIFY(stored->taperStatus == domain::TaperStatus::InProgress);
    }

    // The ORT entered by a clinician: Save refuses until every answer and the date are given
    // (nothing pre-filled, nothing written), then the screen is stored in the shape rooming
    // writes and scored by the one engine, by the patient's sex (female here).
    void anOrtIsSavedOnlyWhenEveryAnswerIsGiven()
    {
        app::ScreeningForm form;
        form.setSession(m_session.get());
        form.setPatientId(m_patientId);
        form.setInstrument(QStringLiteral("ort"));
        QCOMPARE(form.title(), QStringLiteral("Opioid Risk Tool (ORT)"));
        const int questions = static_cast<int>(form.questions().size());
        QCOMPARE(questions, 10);
        for (const QVariant &answer : form.answers())
            QCOMPARE(answer.toInt(), -1);  // nothing pre-filled
        QTRY_VERIFY(!form.loading());
        QVERIFY(!form.complete());
        QCOMPARE(form.incompleteReason(), QStringLiteral("Choose the date the screen was done."));
        const auto before = counts();

        QSignalSpy saved(&form, &app::ScreeningForm::saved);
        form.save();
        QVERIFY(form.errors().contains(QStringLiteral("date")));
        QVERIFY(form.errors().contains(QStringLiteral("answers")));
        QVERIFY(form.error());
        form.setDate(QStringLiteral("2026-11-20"));
        for (int i = 0; i < questions - 1; ++i)
            form.answer(i, i < 2 ? 1 : 0);  // family alcohol and family drugs: yes
        QVERIFY(!form.complete());
        QCOMPARE(form.incompleteReason(), QStringLiteral("Answer every question."));
        form.save();
        QCOMPARE(form.errors().keys(), QStringList{QStringLiteral("answers")});
        QTRY_VERIFY(!form.loading());
        QCOMPARE(counts(), before);
        QVERIFY(saved.isEmpty());

        form.answer(questions - 1, 0);
        QVERIFY(form.complete());
        QCOMPARE(form.resultText(), QStringLiteral("score 3, low risk"));  // female: 1 + 2 points
        form.save();
        QTRY_COMPARE(saved.size(), 1);
        auto stored = onDatabase<Result<domain::Patient>>(
            [id = m_patientId](registry::Registry *r) { return r->loadPatient(id); });
        QVERIFY(stored);
        const domain::Screening ort = stored->screenings.last();
        QCOMPARE(ort.instrument, QStringLiteral("ort"));
        QCOMPARE(ort.date, QDate(2026, 11, 20));
        QCOMPARE(ort.answers.toObject().value(QStringLiteral("family_alcohol")).toBool(), true);
        QCOMPARE(ort.answers.toObject().value(QStringLiteral("personal_alcohol")).toBool(), false);
    }

    // Correcting a screen starts from what was stored (answers and date), so only the wrong answer
    // is changed; the correction supersedes the original and needs a reason.
    void correctingAnOrtStartsFromItsStoredAnswers()
    {
        auto before = onDatabase<Result<domain::Patient>>(
            [id = m_patientId](registry::Registry *r) { return r->loadPatient(id); });
        QVERIFY(before && !before->screenings.isEmpty());
        const domain::Screening original = before->screenings.last();
        QCOMPARE(original.instrument, QStringLiteral("ort"));

        app::ScreeningForm form;
        form.setSession(m_session.get());
        form.setPatientId(m_patientId);
        form.setInstrument(QStringLiteral("ort"));
        form.setCorrecting(original.meta.id.toString(QUuid::WithoutBraces));
        QTRY_VERIFY(!form.loading());
        QCOMPARE(form.date(), QStringLiteral("2026-11-20"));
        const QVariantList answers = form.answers();
        QCOMPARE(answers.size(), 10);
        QCOMPARE(answers.at(0).toInt(), 1);  // family alcohol: yes, as stored
        QCOMPARE(answers.at(1).toInt(), 1);
        for (int i = 2; i < answers.size(); ++i)
            QCOMPARE(answers.at(i).toInt(), 0);
        QCOMPARE(form.incompleteReason(), QStringLiteral("Say why it is being corrected."));

        form.answer(1, 0);  // family illegal drugs was entered wrongly
        form.setReason(QStringLiteral("family history re-checked with the patient"));
        QVERIFY(form.complete());
        QSignalSpy saved(&form, &app::ScreeningForm::saved);
        form.save();
        QTRY_COMPARE(saved.size(), 1);
        auto after = onDatabase<Result<domain::Patient>>(
            [id = m_patientId](registry::Registry *r) { return r->loadPatient(id); });
        QVERIFY(after);
        QCOMPARE(after->screenings.size(), before->screenings.size());  // the correction replaces it
        const domain::Screening corrected = after->screenings.last();
        QCOMPARE(corrected.meta.supersedes, original.meta.id);
        QCOMPARE(corrected.answers.toObject().value(QStringLiteral("family_alcohol")).toBool(), true);
        QCOMPARE(corrected.answers.toObject().value(QStringLiteral("family_illegal_drugs")).toBool(), false);
    }

    // The PC-PTSD-5: no traumatic event completes it with one answer (negative); the five items
    // are asked only after a "yes".
    void aPcPtsd5AsksItsItemsOnlyAfterExposure()
    {
        app::ScreeningForm form;
        form.setSession(m_session.get());
        form.setPatientId(m_patientId);
        form.setInstrument(QStringLiteral("pcptsd5"));
        QTRY_VERIFY(!form.loading());
        QCOMPARE(form.questions().size(), 6);
        QVERIFY(!form.questions().at(1).toMap().value(QStringLiteral("shown")).toBool());
        form.setDate(QStringLiteral("2026-11-20"));
        form.answer(0, 1);
        QVERIFY(form.questions().at(1).toMap().value(QStringLiteral("shown")).toBool());
        QVERIFY(!form.complete());
        for (int i = 1; i < 6; ++i)
            form.answer(i, i <= 3 ? 1 : 0);
        QVERIFY(form.complete());
        QCOMPARE(form.resultText(), QStringLiteral("3 of 5, positive"));
        form.answer(0, 0);
        QVERIFY(form.complete());
        QCOMPARE(form.resultText(), QStringLiteral("0 of 5, negative"));
    }

    // A stored severity band (PHQ-9, GAD-7 from rooming, on the patient's history) is said in the
    // words the case summary uses ("moderately severe"), never as Cairn stores it.
    void aBandIsGivenInWords()
    {
        const clinical::ScreeningScore phq9{QStringLiteral("phq9"),
                                            QDate(2026, 11, 20),
                                            18,
                                            QStringLiteral("band"),
                                            QStringLiteral("moderately_severe"),
                                            {}};
        QCOMPARE(reports::screeningScoreWords(phq9), QStringLiteral("score 18, moderately severe"));
        const clinical::ScreeningScore ort{QStringLiteral("ort"),  QDate(2026, 11, 20),        6,
                                           QStringLiteral("tier"), QStringLiteral("moderate"), {}};
        QCOMPARE(reports::screeningScoreWords(ort), QStringLiteral("score 6, moderate risk"));
    }

    // The clinic's agreement text: each language is required (nothing written without both), a
    // clinician may not change it, an administrator's save is a new version, and the agreement
    // screen shows that text and records its version with the signature.
    void theClinicsAgreementTextIsVersionedAndSigned()
    {
        QString adminId;
        for (const auto &user : m_session->users()->users())
            if (user.name == QLatin1String("Alex Admin"))
                adminId = user.id;
        const auto before = counts();
        {
            app::ClinicAgreementModel text;
            text.setSession(m_session.get());
            QTRY_COMPARE(text.version(), QStringLiteral("cairn-default-1"));
            QVERIFY(text.isDefault());
            text.save(QStringLiteral("Our agreement"), QString(), QStringLiteral("One.\n\nTwo."), QString());
            QCOMPARE(text.errors().keys(), (QStringList{QStringLiteral("text_es"), QStringLiteral("title_es")}));
            QTRY_VERIFY(!text.loading());
            text.save(QStringLiteral("Our agreement"), QStringLiteral("Nuestro acuerdo"), QStringLiteral("One."),
                      QStringLiteral("Uno."));
            QTRY_VERIFY(!text.loading());
            QVERIFY(text.error());  // a clinician does not edit the clinic's text
            QCOMPARE(counts(), before);
        }
        m_session->lock();
        m_session->unlock(adminId, QStringLiteral("246810"));
        QTRY_VERIFY(m_session->signedIn());
        {
            app::ClinicAgreementModel text;
            text.setSession(m_session.get());
            QTRY_COMPARE(text.version(), QStringLiteral("cairn-default-1"));
            QSignalSpy saved(&text, &app::ClinicAgreementModel::saved);
            text.save(QStringLiteral("Our clinic's agreement"), QStringLiteral("El acuerdo de la clínica"),
                      QStringLiteral("We work together.\n\n  \nI keep my medicine safe."),
                      QStringLiteral("Trabajamos juntos.\n\nGuardo mi medicina."));
            QTRY_COMPARE(saved.size(), 1);
            QCOMPARE(text.version(), QStringLiteral("clinic-agreement-1"));
            QCOMPARE(text.textEn(), QStringLiteral("We work together.\n\nI keep my medicine safe."));
            text.save(QStringLiteral("Our clinic's agreement"), QStringLiteral("El acuerdo de la clínica"),
                      QStringLiteral("We work together."), QStringLiteral("Trabajamos juntos."));
            QTRY_COMPARE(saved.size(), 2);
            QCOMPARE(text.version(), QStringLiteral("clinic-agreement-2"));
        }
        m_session->lock();
        m_session->unlock(m_clinicianId, QStringLiteral("1357"));
        QTRY_VERIFY(m_session->signedIn());
        app::AgreementModel agreement;
        agreement.setLanguage(QStringLiteral("es"));
        agreement.setSession(m_session.get());
        agreement.setPatientId(m_patientId);
        QTRY_COMPARE(agreement.version(), QStringLiteral("clinic-agreement-2"));
        QCOMPARE(agreement.title(), QStringLiteral("El acuerdo de la clínica"));
        QCOMPARE(agreement.sections(), QStringList{QStringLiteral("Trabajamos juntos.")});
        QSignalSpy signedSpy(&agreement, &app::AgreementModel::saved);
        agreement.sign(QStringLiteral("M 1 1 L 20 20"));
        QTRY_COMPARE(signedSpy.size(), 1);
        auto stored = onDatabase<Result<domain::Patient>>(
            [id = m_patientId](registry::Registry *r) { return r->loadPatient(id); });
        QCOMPARE(stored->agreements.last().textVersion, QStringLiteral("clinic-agreement-2"));
        QCOMPARE(stored->agreements.last().language, QStringLiteral("es"));
    }

    // The new forms save what was entered: a booking with its time, a sedative of another kind, a
    // refill request, then the patient leaves the registry (and stays in it, inactive).
    void newFormsSaveWhatWasEntered()
    {
        const auto save = [&](const QString &kind, const QVariantMap &values) {
            app::RecordForm form;
            form.setSession(m_session.get());
            form.setKind(kind);
            form.setPatientId(m_patientId);
            fill(form, values);
            const QString id = saveAndWait(form);
            if (id.isEmpty())
                qWarning("%s: %s %s", qPrintable(kind), qPrintable(form.message()),
                         qPrintable(QVariant(form.errors()).toString()));
            return id;
        };
        QVERIFY(!save(QStringLiteral("visit"), {{QStringLiteral("date"), QStringLiteral("2026-11-25")},
                                                {QStringLiteral("status"), QStringLiteral("scheduled")},
                                                {QStringLiteral("time"), QStringLiteral("14:30")},
                                                {QStringLiteral("type"), QStringLiteral("telehealth")},
                                                {QStringLiteral("clinician"), QStringLiteral("Dr. Casey")}})
                     .isEmpty());
        QVERIFY(!save(QStringLiteral("benzodiazepine"), {{QStringLiteral("kind"), QStringLiteral("gabapentinoid")},
                                                         {QStringLiteral("drug"), QStringLiteral("gabapentin")},
                                                         {QStringLiteral("start"), QStringLiteral("2026-09-01")}})
                     .isEmpty());
        QVERIFY(
            !save(QStringLiteral("refill_request"), {{QStringLiteral("date"), QStringLiteral("2026-11-20")},
                                                     {QStringLiteral("medication"), QStringLiteral("oxycodone 10 mg")},
                                                     {QStringLiteral("channel"), QStringLiteral("pharmacy")},
                                                     {QStringLiteral("early"), true},
                                                     {QStringLiteral("decision"), QStringLiteral("pending")}})
                 .isEmpty());
        QVERIFY(!save(QStringLiteral("refill_request"), {{QStringLiteral("date"), QStringLiteral("2026-11-21")},
                                                         {QStringLiteral("medication"), QStringLiteral("morphine ER")},
                                                         {QStringLiteral("channel"), QStringLiteral("phone")},
                                                         {QStringLiteral("days_supply"), QStringLiteral("28")},
                                                         {QStringLiteral("decision"), QStringLiteral("pending")}})
                     .isEmpty());
        QVERIFY(
            !save(QStringLiteral("inactivation"), {{QStringLiteral("inactive_reason"), QStringLiteral("transferred")},
                                                   {QStringLiteral("inactive_date"), QStringLiteral("2026-11-22")}})
                 .isEmpty());
        auto stored = onDatabase<Result<domain::Patient>>(
            [id = m_patientId](registry::Registry *r) { return r->loadPatient(id); });
        QVERIFY(stored);
        const domain::Visit visit = stored->visits.last();
        QCOMPARE(visit.time, QStringLiteral("14:30"));
        QVERIFY(visit.type == domain::VisitType::Telehealth);
        QCOMPARE(visit.clinician, QStringLiteral("Dr. Casey"));
        QVERIFY(stored->benzodiazepines.last().kind == domain::SedativeKind::Gabapentinoid);
        const auto refillBy = [&](domain::RefillChannel channel) {
            return *std::find_if(stored->refillRequests.cbegin(), stored->refillRequests.cend(),
                                 [&](const domain::RefillRequest &r) { return r.channel == channel; });
        };
        QVERIFY(refillBy(domain::RefillChannel::Pharmacy).early);
        // A days' supply nobody gave is absent, never a default; one given is kept as given.
        QVERIFY(!refillBy(domain::RefillChannel::Pharmacy).daysSupply);
        QVERIFY(refillBy(domain::RefillChannel::Phone).daysSupply == 28);
        QVERIFY(stored->status == domain::PatientStatus::Inactive);
        QVERIFY(stored->inactiveReason == domain::InactiveReason::Transferred);
        QCOMPARE(stored->inactiveDate, QDate(2026, 11, 22));
        QCOMPARE(stored->opioids.size(), 1);  // everything recorded stays
    }

    void cleanupTestCase()
    {
        m_session.reset();
        m_thread.reset();
    }
};

QTEST_MAIN(TestRecordForms)
#include "test_record_forms.moc"
