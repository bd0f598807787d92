// The tablet's record forms (RecordForm) over a real encrypted registry on the database thread:
// each bad field is refused under its own name with the domain's message and nothing is written;
// a good form is written in one transaction with its outbox entry; a correction starts from the
// stored values and supersedes them; the opioid form shows the entry's MME and the new total.

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "platform/keystore.h"
#include "qml/viewmodels/language.h"
#include "qml/viewmodels/record_form.h"
#include "qml/viewmodels/record_versions_model.h"
#include "qml/viewmodels/session.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
        std::optional<R> answer;
        m_thread->run<R>(this, std::move(job), [&answer](R r) { answer = std::move(r); });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 60000))
            qFatal("the database thread did not answer");
        return std::move(*answer);
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
        QVERIFY(stored->refillRequests.last().early);
        QVERIFY(stored->refillRequests.last().channel == domain::RefillChannel::Pharmacy);
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
