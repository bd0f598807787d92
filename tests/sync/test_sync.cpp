// Sync end to end through the real parts: encrypted tablet registries, the sync client, and a real
// cairn-server process on loopback over TLS, on the store named by CAIRN_SYNC_STORE ("file", or
// "postgresql" for a PostgreSQL cluster this test starts itself).

#include "core/clinical/self_assessment.h"
#include "core/domain/patient_json.h"
#include "core/registry/case_conferences.h"
#include "core/registry/registry_internals.h"
#include "core/registry/views.h"
#include "core/storage/database.h"
#include "sync/client/first_sign_in.h"
#include "tests/support/result_checks.h"
#include "tests/support/sync_fixture.h"
#include "tools/sync_harness/sync_harness.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace cairn;
using namespace cairn::testing;

namespace {

domain::PegScore peg(const QDate &date, int pain)
{
    domain::PegScore s;
    s.date = date;
    s.pain = pain;
    s.enjoyment = 5;
    s.activity = 6;
    return s;
}

QByteArray snapshot(registry::Registry &r)
{
    return registrySnapshot(r);
}

// A record as a server older than the validation of pushes let it in, from device.
domain::RecordEnvelope olderServersRecord(const QString &kind, const QString &patientId, const QJsonObject &payload,
                                          const QString &device)
{
    domain::RecordEnvelope r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.patientId = patientId;
    r.kind = kind;
    r.date = QStringLiteral("2026-03-01");
    r.payload = payload;
    r.author = QStringLiteral("old-user");
    r.device = device;
    r.stamp = HlcStamp{QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch(), 0, device};
    r.writtenAt = QStringLiteral("2026-03-01T08:00:00.000Z");
    return r;
}

const QJsonObject kPegPayload{{QStringLiteral("date"), QStringLiteral("2026-03-01")},
                              {QStringLiteral("pain"), 5},
                              {QStringLiteral("enjoyment"), 5},
                              {QStringLiteral("activity"), 5}};

qint64 recordCount(registry::Registry &r)
{
    return registry::RegistryInternals::database(r).scalarInt("SELECT count(*) FROM records").value();
}

}  // namespace

class TestSync : public QObject {
    Q_OBJECT

private:
    SyncFixture m_sync;
    registry::ManualClock m_clockA{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    registry::ManualClock m_clockB{QDateTime(QDate(2026, 3, 2), QTime(9, 5), Qt::UTC)};

    // A new tablet enrolled in clinic, signed in as its clinician unless asked not to.
    std::unique_ptr<Tablet> tablet(const registry::Clock &clock, const QString &clinic, bool clinician = true)
    {
        return m_sync.enrolledTablet(clock, clinic,
                                     clinician ? SyncFixture::SignIn::Clinician : SyncFixture::SignIn::Administrator);
    }

    static sync::RoundStats syncOk(Tablet &t)
    {
        auto stats = t.sync();
        if (!stats)
            qFatal("sync failed: %s: %s", qPrintable(stats.error().field), qPrintable(stats.error().message));
        return *stats;
    }

private slots:
    void initTestCase() { CHECK_OK(m_sync.start({SyncStore::FromEnvironment, {}})); }

    void cleanupTestCase() { m_sync.stop(); }

    void twoTabletsConvergeAndConcurrentEditsAreSurfaced()
    {
        auto a = tablet(m_clockA, QStringLiteral("north"));
        auto b = tablet(m_clockB, QStringLiteral("north"));
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Ana Torres"), QStringLiteral("N-1")));
        QVERIFY(id);
        CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 3, 1), 7)));
        auto pushed = syncOk(*a);
        QCOMPARE(pushed.pushed, 2);
        QCOMPARE(a->registry->stats()->outboxPending, 0);
        auto pulled = syncOk(*b);
        QCOMPARE(pulled.pulled, 2);
        {
            const QByteArray sa = snapshot(*a->registry), sb = snapshot(*b->registry);
            if (sa != sb) {
                qWarning("A: %s", sa.constData());
                qWarning("B: %s", sb.constData());
            }
            QCOMPARE(sb, sa);
        }

        // Offline on both: each records a PEG (observations never conflict) and each changes the
        // same patient's phone (the same field: a conflict to review).
        CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 3, 2), 6)));
        CHECK_OK(b->registry->addRecord(*id, peg(QDate(2026, 3, 2), 5)));
        auto onA = a->registry->loadPatient(*id).value();
        auto onB = b->registry->loadPatient(*id).value();
        onA.phone = QStringLiteral("555-0111");
        onB.phone = QStringLiteral("555-0122");
        CHECK_OK(a->registry->updateDemographics(onA));
        CHECK_OK(b->registry->updateDemographics(onB));
        syncOk(*a);
        syncOk(*b);
        syncOk(*a);
        {
            const QByteArray sa = snapshot(*a->registry), sb = snapshot(*b->registry);
            if (sa != sb) {
                qWarning("A: %s", sa.constData());
                qWarning("B: %s", sb.constData());
            }
            QCOMPARE(sb, sa);
        }
        const auto patient = a->registry->loadPatient(*id).value();
        QCOMPARE(patient.peg.size(), 3);
        // B's clock is later: its version is the provisional winner on both tablets.
        QCOMPARE(patient.phone, QStringLiteral("555-0122"));
        QCOMPARE(b->registry->listPatients()->first().phone, QStringLiteral("555-0122"));
        for (Tablet *t : {a.get(), b.get()}) {
            auto conflicts = t->registry->conflicts(false);
            QVERIFY(conflicts);
            QCOMPARE(conflicts->size(), 1);
            QVERIFY(conflicts->first().fields.contains(QStringLiteral("phone")));
        }
        // Nothing was lost: both versions stay in the history.
        auto history = a->registry->patientHistory(*id).value();
        int phones = 0;
        for (const auto &r : history)
            phones += r.kind == QLatin1String("patient") ? 1 : 0;
        QCOMPARE(phones, 3);
        // Reviewing it closes the item on that tablet.
        CHECK_OK(a->registry->reviewConflict(a->registry->conflicts(false)->first().id));
        QCOMPARE(a->registry->conflicts(false)->size(), 0);

        // The registry manager then sets the phone back to A's number: that edit is what every
        // tablet shows, with no new conflict (it replaces the merge it was made from).
        auto fixed = a->registry->loadPatient(*id).value();
        fixed.phone = QStringLiteral("555-0111");
        CHECK_OK(a->registry->updateDemographics(fixed));
        syncOk(*a);
        syncOk(*b);
        for (Tablet *t : {a.get(), b.get()}) {
            QCOMPARE(t->registry->loadPatient(*id)->phone, QStringLiteral("555-0111"));
            QCOMPARE(t->registry->conflicts(true)->size(), 1);
        }
    }

    void editsToDifferentFieldsMerge()
    {
        auto a = tablet(m_clockA, QStringLiteral("merge"));
        auto b = tablet(m_clockB, QStringLiteral("merge"));
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Gil Soto"), QStringLiteral("M-1")));
        QVERIFY(id);
        syncOk(*a);
        syncOk(*b);
        auto onA = a->registry->loadPatient(*id).value();
        auto onB = b->registry->loadPatient(*id).value();
        onA.phone = QStringLiteral("555-0199");
        onB.language = QStringLiteral("es");
        CHECK_OK(a->registry->updateDemographics(onA));
        CHECK_OK(b->registry->updateDemographics(onB));
        syncOk(*a);
        syncOk(*b);
        syncOk(*a);
        for (Tablet *t : {a.get(), b.get()}) {
            const auto merged = t->registry->loadPatient(*id).value();
            QCOMPARE(merged.phone, QStringLiteral("555-0199"));
            QCOMPARE(merged.language, QStringLiteral("es"));
            const auto listed = t->registry->listPatients().value();
            QCOMPARE(listed.size(), 1);
            QCOMPARE(listed.first().phone, QStringLiteral("555-0199"));
            QCOMPARE(listed.first().language, QStringLiteral("es"));
            QCOMPARE(t->registry->conflicts(false)->size(), 0);
        }
    }

    // Two tablets each record a patient's first opioid prescription while offline, so each also
    // writes "prescriber of record since" into the patient's details. After sync both keep both
    // prescriptions and agree on one date; when the dates differ the clash is surfaced for review,
    // never settled silently.
    void firstOpioidsRecordedOfflineOnTwoTabletsConverge()
    {
        auto a = tablet(m_clockA, QStringLiteral("first-opioid"));
        auto b = tablet(m_clockB, QStringLiteral("first-opioid"));
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Tomas Reyes"), QStringLiteral("FO-1")));
        QVERIFY(id);
        syncOk(*a);
        syncOk(*b);
        const auto opioid = [](const QDate &start) {
            domain::OpioidEntry o;
            o.drug = QStringLiteral("oxycodone");
            o.strengthMg = 5;
            o.dosesPerDay = 2;
            o.start = start;
            return o;
        };
        CHECK_OK(a->registry->addRecord(*id, opioid(QDate(2026, 3, 1))));
        CHECK_OK(b->registry->addRecord(*id, opioid(QDate(2026, 3, 3))));
        QCOMPARE(a->registry->loadPatient(*id)->opioidPrescriberSince, QDate(2026, 3, 1));
        QCOMPARE(b->registry->loadPatient(*id)->opioidPrescriberSince, QDate(2026, 3, 3));
        syncOk(*a);
        syncOk(*b);
        syncOk(*a);
        const auto onA = a->registry->loadPatient(*id).value();
        const auto onB = b->registry->loadPatient(*id).value();
        QCOMPARE(onA.opioids.size(), 2);
        QCOMPARE(onB.opioids.size(), 2);
        QCOMPARE(onA.opioidPrescriberSince, onB.opioidPrescriberSince);
        QVERIFY(onA.opioidPrescriberSince == QDate(2026, 3, 1) || onA.opioidPrescriberSince == QDate(2026, 3, 3));
        QCOMPARE(onA.name, QStringLiteral("Tomas Reyes"));
        for (Tablet *t : {a.get(), b.get()}) {
            const auto open = t->registry->conflicts(false);
            CHECK_OK(open);
            QCOMPARE(open->size(), 1);
            QCOMPARE(open->first().patientId, *id);
            QCOMPARE(open->first().fields, QStringList{QStringLiteral("opioid_prescriber_since")});
        }
    }

    void lostAnswersAndResetsThroughAFaultyLinkAreHarmless()
    {
        auto a = tablet(m_clockA, QStringLiteral("faults"));
        auto b = tablet(m_clockB, QStringLiteral("faults"));
        QProcess proxy;
        proxy.start(QStringLiteral(CAIRN_BINARY_DIR "/tools/faultproxy/cairn-faultproxy"),
                    {QStringLiteral("--target"), QStringLiteral("127.0.0.1:%1").arg(m_sync.server().port()),
                     QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY(proxy.waitForStarted());
        QVERIFY(proxy.waitForReadyRead(10'000));
        const QString line = QString::fromUtf8(proxy.readLine()).trimmed();
        QVERIFY2(line.startsWith(QStringLiteral("listening 127.0.0.1:")), qPrintable(line));
        const QString viaProxy = QStringLiteral("https://127.0.0.1:") + line.section(QLatin1Char(':'), 1);
        a->config.server = QUrl(viaProxy);
        auto command = [&proxy](const char *text) {
            proxy.write(QByteArray(text) + '\n');
            proxy.waitForReadyRead(5000);
            return QString::fromUtf8(proxy.readLine()).trimmed();
        };
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Hal Ruiz"), QStringLiteral("F-1")));
        QVERIFY(id);
        for (int day = 1; day <= 20; ++day)
            CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 1, day), day % 11)));
        // The server does the work but the answer is lost: the round fails, the outbox stays.
        QCOMPARE(command("drop-response-rate 1"), QStringLiteral("ok"));
        QVERIFY(!a->sync());
        QCOMPARE(a->registry->stats()->outboxPending, 21);
        // Connections reset at random points: some rounds fail, none corrupts or duplicates.
        QCOMPARE(command("drop-response-rate 0"), QStringLiteral("ok"));
        QCOMPARE(command("reset-rate 0.5"), QStringLiteral("ok"));
        for (int i = 0; i < 6; ++i) {
            CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 2, i + 1), 3)));
            (void)a->sync();
        }
        QCOMPARE(command("reset-rate 0"), QStringLiteral("ok"));
        auto clean = syncOk(*a);
        QCOMPARE(a->registry->stats()->outboxPending, 0);
        QVERIFY(clean.pushed <= 27);
        syncOk(*b);
        QCOMPARE(recordCount(*b->registry), recordCount(*a->registry));
        QCOMPARE(snapshot(*b->registry), snapshot(*a->registry));
        QCOMPARE(b->registry->loadPatient(*id)->peg.size(), 26);
        proxy.closeWriteChannel();
        proxy.waitForFinished(5000);
    }

    void clinicPolicyAndClinicScriptsReachEveryTablet()
    {
        auto a = tablet(m_clockA, QStringLiteral("content"), false);
        auto b = tablet(m_clockB, QStringLiteral("content"), false);
        QFile builtIn(qEnvironmentVariable("CAIRN_ASSETS_DIR") + QStringLiteral("/scripts/en/tapering.json"));
        QVERIFY(builtIn.open(QIODevice::ReadOnly));
        QJsonObject script = QJsonDocument::fromJson(builtIn.readAll()).object();
        QJsonArray steps = script[QStringLiteral("steps")].toArray();
        QJsonObject opening = steps[1].toObject();
        opening[QStringLiteral("phrasings")] =
            QJsonArray{QStringLiteral("Could we take a few minutes today for your pain plan?"),
                       QStringLiteral("May I talk with you about how your medicine is working?")};
        steps[1] = opening;
        script[QStringLiteral("steps")] = steps;
        CHECK_OK(a->registry->saveClinicScript(script));
        auto policy = a->registry->setClinicPolicy(
            QJsonObject{{QStringLiteral("intervals_days"),
                         QJsonObject{{QStringLiteral("uds"), QJsonObject{{QStringLiteral("low"), 365},
                                                                         {QStringLiteral("moderate"), 180},
                                                                         {QStringLiteral("high"), 60}}}}}});
        QVERIFY(policy);
        syncOk(*a);
        syncOk(*b);
        auto scripts = b->registry->clinicScripts();
        QVERIFY(scripts);
        QCOMPARE(scripts->size(), 1);
        QCOMPARE(scripts->first().id, QStringLiteral("tapering"));
        QCOMPARE(b->registry->clinicPolicy()->version, policy->version);
        // Another clinic's tablet gets neither.
        auto other = tablet(m_clockB, QStringLiteral("content-elsewhere"), false);
        syncOk(*other);
        QCOMPARE(other->registry->clinicScripts()->size(), 0);
        QVERIFY(other->registry->clinicPolicy()->version != policy->version);
    }

    // Issue 18: the directory reaches every tablet of the clinic and no other; its edits keep their
    // history there; a referral to a directory resource syncs like any other record.
    void theResourceDirectoryReachesEveryTabletOfTheClinicAndNoOther()
    {
        auto a = tablet(m_clockA, QStringLiteral("directory"), false);  // the administrator keeps it
        auto b = tablet(m_clockB, QStringLiteral("directory"));
        auto c = tablet(m_clockB, QStringLiteral("directory"));
        auto elsewhere = tablet(m_clockB, QStringLiteral("directory-elsewhere"), false);
        domain::ClinicResource pt;
        pt.name = QStringLiteral("Valley Physical Therapy");
        pt.category = domain::ResourceCategory::PhysicalTherapy;
        pt.languages = {QStringLiteral("en"), QStringLiteral("es")};
        pt.howToRefer = QStringLiteral("Fax the referral form; they call the patient within a week.");
        auto saved = a->registry->saveClinicResource(pt);
        CHECK_OK(saved);
        syncOk(*a);
        for (Tablet *t : {b.get(), c.get(), elsewhere.get()})
            syncOk(*t);
        QCOMPARE(b->registry->clinicResources()->size(), 1);
        QCOMPARE(c->registry->clinicResources()->first(), *saved);
        QCOMPARE(elsewhere->registry->clinicResources()->size(), 0);

        domain::ClinicResource edited = *saved;
        edited.phone = QStringLiteral("555-0142");
        CHECK_OK(a->registry->saveClinicResource(edited));
        syncOk(*a);
        syncOk(*b);
        syncOk(*elsewhere);
        QCOMPARE(b->registry->clinicResources()->first().phone, QStringLiteral("555-0142"));
        QCOMPARE(b->registry->clinicResourceHistory(saved->id)->size(), 2);
        QCOMPARE(elsewhere->registry->clinicResources()->size(), 0);

        // A clinician on B refers to it; the referral reaches A naming the same resource.
        auto id = b->registry->addPatient(plainPatient(QStringLiteral("Lena Ortiz"), QStringLiteral("D-1")));
        QVERIFY(id);
        domain::Referral referral;
        referral.date = QDate(2026, 3, 2);
        referral.resourceId = saved->id;
        referral.question = QStringLiteral("Strength and walking plan for knee pain?");
        referral.status = domain::ReferralStatus::Sent;
        CHECK_OK(b->registry->addRecord(*id, referral));
        syncOk(*b);
        syncOk(*a);
        auto onA = a->registry->loadPatient(*id);
        CHECK_OK(onA);
        QCOMPARE(onA->referrals.size(), 1);
        QCOMPARE(onA->referrals.first().resourceId, saved->id);
        QCOMPARE(onA->referrals.first().question, referral.question);
        QCOMPARE(snapshot(*a->registry), snapshot(*b->registry));
    }

    // The self-assessment is the clinic's: answers of two roles and the action plan reach the
    // clinic's other tablet, where the averages and the item due for its owner are the same, and
    // never another clinic's.
    void selfAssessmentAnswersAndTheActionPlanReachTheClinicsTablets()
    {
        auto clinicianTablet = tablet(m_clockA, QStringLiteral("assess"));
        auto adminTablet = tablet(m_clockB, QStringLiteral("assess"), false);
        auto form = clinical::SelfAssessment::shipped(QStringLiteral("en"));
        QVERIFY(form);
        QJsonObject low;
        QJsonObject high;
        for (const QString &item : form->itemIds()) {
            low.insert(item, item == QLatin1String("tracking.gaps_closed") ? 1 : 3);
            high.insert(item, item == QLatin1String("tracking.gaps_closed") ? 2 : 4);
        }
        CHECK_OK(clinicianTablet->registry->answerSelfAssessment(QStringLiteral("2026-Q1"), low));
        CHECK_OK(adminTablet->registry->answerSelfAssessment(QStringLiteral("2026-Q1"), high));
        auto added = adminTablet->registry->saveActionPlanItem(
            {{QStringLiteral("item"), QStringLiteral("tracking.gaps_closed")},
             {QStringLiteral("action"), QStringLiteral("Run the gap worklist every Monday")},
             {QStringLiteral("owner"), QJsonObject{{QStringLiteral("role"), QStringLiteral("clinician")}}},
             {QStringLiteral("due"), QStringLiteral("2026-03-01")}});
        QVERIFY2(added, added ? "" : qPrintable(added.error().line()));
        syncOk(*adminTablet);
        syncOk(*clinicianTablet);
        syncOk(*adminTablet);

        for (Tablet *t : {clinicianTablet.get(), adminTablet.get()}) {
            auto responses = t->registry->selfAssessmentResponses();
            QVERIFY(responses);
            const QList<clinical::RoundResult> rounds = clinical::roundResults(*form, *responses);
            QCOMPARE(rounds.size(), 1);
            QCOMPARE(rounds.first().respondents, 2);
            QCOMPARE(rounds.first().respondentsByRole.value(keys::Role::Clinician), 1);
            QCOMPARE(rounds.first().respondentsByRole.value(keys::Role::Administrator), 1);
            QCOMPARE(rounds.first().itemAverages.value(QStringLiteral("tracking.gaps_closed")), 1.5);
            QCOMPARE(rounds.first().actionPlanCandidates(*form), QStringList{QStringLiteral("tracking.gaps_closed")});
            auto plan = t->registry->actionPlan();
            QVERIFY(plan);
            QCOMPARE(plan->size(), 1);
            QCOMPARE(plan->first().id, added->id);
        }
        // Due on the clinician's tablet for its clinician (the owner role), from the due date on.
        const registry::UserSummary &clinician = clinicianTablet->registry->user();
        QVERIFY(clinicianTablet->registry->actionPlan()->first().isDueFor(clinician.id, clinician.role,
                                                                          m_clockA.now().date()));

        auto elsewhere = tablet(m_clockB, QStringLiteral("assess-elsewhere"), false);
        syncOk(*elsewhere);
        QCOMPARE(elsewhere->registry->selfAssessmentResponses()->size(), 0);
        QCOMPARE(elsewhere->registry->actionPlan()->size(), 0);
    }

    void concurrentPolicyEditsConvergeAndAreSurfaced()
    {
        auto a = tablet(m_clockA, QStringLiteral("policy"), false);
        auto b = tablet(m_clockB, QStringLiteral("policy"), false);
        auto interval = [](int high) {
            return QJsonObject{{QStringLiteral("intervals_days"),
                                QJsonObject{{QStringLiteral("uds"), QJsonObject{{QStringLiteral("low"), 365},
                                                                                {QStringLiteral("moderate"), 180},
                                                                                {QStringLiteral("high"), high}}}}}};
        };
        QVERIFY(a->registry->setClinicPolicy(interval(90)));
        syncOk(*a);
        syncOk(*b);
        QCOMPARE(b->registry->clinicPolicy()->version, a->registry->clinicPolicy()->version);
        // Both administrators change the same rule offline.
        QVERIFY(a->registry->setClinicPolicy(interval(60)));
        QVERIFY(b->registry->setClinicPolicy(interval(30)));
        syncOk(*a);
        syncOk(*b);
        syncOk(*a);
        const QJsonObject onA = a->registry->clinicPolicy()->toJson();
        QCOMPARE(b->registry->clinicPolicy()->toJson(), onA);
        for (Tablet *t : {a.get(), b.get()}) {
            auto conflicts = t->registry->conflicts(false);
            QVERIFY(conflicts);
            QCOMPARE(conflicts->size(), 1);
            QCOMPARE(conflicts->first().patientId, domain::kClinicScope);
            QVERIFY(conflicts->first().fields.contains(QStringLiteral("intervals_days")));
        }
    }

    void firstPoliciesSetOfflineOnTwoTabletsMergeAndAreSurfaced()
    {
        auto a = tablet(m_clockA, QStringLiteral("policy-first"), false);
        auto b = tablet(m_clockB, QStringLiteral("policy-first"), false);
        QVERIFY(a->registry->setClinicPolicy(QJsonObject{{QStringLiteral("due_soon_days"), 21}}));
        QVERIFY(b->registry->setClinicPolicy(QJsonObject{{QStringLiteral("due_soon_days"), 7}}));
        syncOk(*a);
        syncOk(*b);
        syncOk(*a);
        const QJsonObject onA = a->registry->clinicPolicy()->toJson();
        QCOMPARE(b->registry->clinicPolicy()->toJson(), onA);
        QCOMPARE(a->registry->clinicPolicy()->dueSoonDays, 7);  // B's clock is later
        for (Tablet *t : {a.get(), b.get()}) {
            auto conflicts = t->registry->conflicts(false);
            QVERIFY(conflicts);
            QCOMPARE(conflicts->size(), 1);
            QCOMPARE(conflicts->first().fields, QStringList{QStringLiteral("due_soon_days")});
        }
    }

    void aRetriedPushIsAppliedOnce()
    {
        auto a = tablet(m_clockA, QStringLiteral("retry"));
        auto b = tablet(m_clockB, QStringLiteral("retry"));
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Bea Lopez"), QStringLiteral("R-1")));
        QVERIFY(id);
        for (int day = 1; day <= 5; ++day)
            CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 2, day), day)));
        // The server applies the batch but the answer never arrives: the tablet keeps its outbox.
        sync::PushRequest request;
        // Simulate the lost answer by pushing the outbox directly, then running a normal round.
        auto outbox = a->registry->outbox(100).value();
        QCOMPARE(outbox.size(), 6);
        sync::ClientConfig config = a->config;
        {
            // A first round whose acknowledgement we throw away: restore the outbox afterwards.
            auto stats = syncOk(*a);
            QCOMPARE(stats.pushed, 6);
            QVERIFY(a->registry->requeueOwnAfter(0));  // the tablet "forgot" the acknowledgement
            QCOMPARE(a->registry->stats()->outboxPending, 6);
        }
        auto again = syncOk(*a);
        QCOMPARE(again.pushed, 0);  // every change was a duplicate: applied once only
        QCOMPARE(a->registry->stats()->outboxPending, 0);
        syncOk(*b);
        QCOMPARE(recordCount(*b->registry), recordCount(*a->registry));
        QCOMPARE(snapshot(*b->registry), snapshot(*a->registry));
    }

    // The server stores a push batch whole or not at all: a record it refuses, anywhere in the
    // batch, is named with its field and nothing of the batch is stored (not even the patient the
    // batch introduced); without it, the batch is stored in its order, each record as it came, a
    // correction of a record earlier in the same batch accepted; sent again, all are duplicates.
    void aPushBatchIsStoredWholeOrNotAtAll()
    {
        const QString clinic = QStringLiteral("whole-batch");
        auto a = tablet(m_clockA, clinic);
        auto b = tablet(m_clockB, clinic);
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Inés Ortega"), QStringLiteral("WB-1")));
        QVERIFY(id);
        auto first = a->registry->addRecord(*id, peg(QDate(2026, 3, 1), 7));
        QVERIFY(first);
        CHECK_OK(a->registry->correctRecord(*first, peg(QDate(2026, 3, 1), 4), QStringLiteral("misread")));
        CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 3, 2), 5)));
        const QList<domain::RecordEnvelope> outbox = a->registry->outbox(100).value();
        QCOMPARE(outbox.size(), 4);  // the patient, a PEG, its correction, another PEG

        // An observation of a patient nobody introduced, second in the batch.
        domain::RecordEnvelope stray = outbox.at(1);
        stray.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        stray.patientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        stray.supersedes.clear();
        stray.closes.clear();
        sync::PushRequest refused{a->registry->deviceId(), {}};
        for (const domain::RecordEnvelope &record : {outbox.at(0), stray, outbox.at(1), outbox.at(2), outbox.at(3)})
            refused.changes.append({100 + refused.changes.size(), record});
        const ServerAnswer refusal = m_sync.post(*a, QStringLiteral("/v1/push"), sync::toJson(refused));
        QCOMPARE(refusal.status, 422);
        QCOMPARE(refusal.field(), QStringLiteral("changes[1].record.patient_id"));
        auto stored = m_sync.server().queryStore("SELECT count(*) FROM changes WHERE clinic = ?", {clinic});
        CHECK_OK(stored);
        QCOMPARE(stored->first().first(), QStringLiteral("0"));
        auto patients = m_sync.server().queryStore("SELECT count(*) FROM patients WHERE clinic = ?", {clinic});
        CHECK_OK(patients);
        QCOMPARE(patients->first().first(), QStringLiteral("0"));

        // The same batch without it (as the tablet numbers it): stored in its order, as it came.
        sync::PushRequest accepted{a->registry->deviceId(), {}};
        for (const domain::RecordEnvelope &record : outbox)
            accepted.changes.append({record.seq, record});
        const ServerAnswer stores = m_sync.post(*a, QStringLiteral("/v1/push"), sync::toJson(accepted));
        QCOMPARE(stores.status, 200);
        QCOMPARE(stores.body.value(QStringLiteral("applied")).toInt(), 4);
        QCOMPARE(stores.body.value(QStringLiteral("duplicates")).toInt(), 0);
        QCOMPARE(stores.body.value(QStringLiteral("highest_seq")).toInteger(), static_cast<qint64>(outbox.last().seq));
        auto feed =
            m_sync.server().queryStore("SELECT id, record FROM changes WHERE clinic = ? ORDER BY position", {clinic});
        CHECK_OK(feed);
        QCOMPARE(feed->size(), 4);
        for (qsizetype i = 0; i < feed->size(); ++i) {
            QCOMPARE(feed->at(i).at(0), outbox.at(i).id);
            QCOMPARE(feed->at(i).at(1).toUtf8(),
                     QJsonDocument(sync::envelopeToJson(outbox.at(i))).toJson(QJsonDocument::Compact));
        }
        patients = m_sync.server().queryStore("SELECT id FROM patients WHERE clinic = ?", {clinic});
        CHECK_OK(patients);
        QCOMPARE(patients->size(), 1);
        QCOMPARE(patients->first().first(), *id);

        // The tablet's own round finds every record already there; the other tablet gets them all.
        auto round = syncOk(*a);
        QCOMPARE(round.pushed, 0);
        QCOMPARE(a->registry->stats()->outboxPending, 0);
        syncOk(*b);
        QCOMPARE(snapshot(*b->registry), snapshot(*a->registry));
        QCOMPARE(b->registry->loadPatient(*id)->peg.size(), 2);
    }

    // A batch of several blocks: the server checks its records on other cores while it stores the
    // ones before (blocks_worked_ahead.h), yet answers as if every record had been checked first.
    void aLargePushBatchIsCheckedWholeBeforeAnyOfItIsKept()
    {
        const QString clinic = QStringLiteral("large-batch");
        auto a = tablet(m_clockA, clinic);
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Rosa Quintero"), QStringLiteral("LB-1")));
        QVERIFY(id);
        CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 3, 1), 6)));
        const QList<domain::RecordEnvelope> outbox = a->registry->outbox(10).value();
        QCOMPARE(outbox.size(), 2);  // the patient, a PEG
        // The patient, then PEG scores under new ids: 700 records, three blocks.
        QList<domain::RecordEnvelope> records{outbox.at(0)};
        while (records.size() < 700) {
            domain::RecordEnvelope score = outbox.at(1);
            score.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            records.append(score);
        }
        const auto batch = [&](const QList<domain::RecordEnvelope> &changes) {
            sync::PushRequest request{a->registry->deviceId(), {}};
            for (const domain::RecordEnvelope &record : changes)
                request.changes.append({request.changes.size() + 1, record});
            return m_sync.post(*a, QStringLiteral("/v1/push"), sync::toJson(request));
        };
        const auto nothingStored = [&] {
            for (const char *count :
                 {"SELECT count(*) FROM changes WHERE clinic = ?", "SELECT count(*) FROM patients WHERE clinic = ?"}) {
                auto rows = m_sync.server().queryStore(count, {clinic});
                if (!rows || rows->first().first() != QStringLiteral("0"))
                    return false;
            }
            return true;
        };

        // Record 300 names a patient nobody introduced (the store's check), record 600 an author
        // that is no user id (its own check): the record failing its own checks is named, as it
        // always was, though it comes later.
        QList<domain::RecordEnvelope> faulty = records;
        faulty[300].patientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        faulty[600].author = QStringLiteral("two words");
        ServerAnswer refusal = batch(faulty);
        QCOMPARE(refusal.status, 422);
        QCOMPARE(refusal.field(), QStringLiteral("changes[600].record.author"));
        QVERIFY(nothingStored());
        // Without the bad author, the stray patient is named; records of another device likewise.
        faulty[600] = records.at(600);
        refusal = batch(faulty);
        QCOMPARE(refusal.status, 422);
        QCOMPARE(refusal.field(), QStringLiteral("changes[300].record.patient_id"));
        QVERIFY(nothingStored());
        faulty[300] = records.at(300);
        faulty[699].device = QStringLiteral("another-tablet");
        refusal = batch(faulty);
        QCOMPARE(refusal.status, 422);
        QCOMPARE(refusal.field(), QStringLiteral("changes[699].record.device"));
        QVERIFY(nothingStored());

        // The whole batch: every record stored in its order, as its canonical text.
        const ServerAnswer stored = batch(records);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.body.value(QStringLiteral("applied")).toInt(), 700);
        auto feed =
            m_sync.server().queryStore("SELECT id, record FROM changes WHERE clinic = ? ORDER BY position", {clinic});
        CHECK_OK(feed);
        QCOMPARE(feed->size(), 700);
        for (qsizetype i = 0; i < feed->size(); ++i) {
            QCOMPARE(feed->at(i).at(0), records.at(i).id);
            QCOMPARE(feed->at(i).at(1).toUtf8(),
                     QJsonDocument(sync::envelopeToJson(records.at(i))).toJson(QJsonDocument::Compact));
        }
        // Sent again (a retry): every record a duplicate, nothing stored twice.
        const ServerAnswer retried = batch(records);
        QCOMPARE(retried.status, 200);
        QCOMPARE(retried.body.value(QStringLiteral("duplicates")).toInt(), 700);
        feed = m_sync.server().queryStore("SELECT count(*) FROM changes WHERE clinic = ?", {clinic});
        CHECK_OK(feed);
        QCOMPARE(feed->first().first(), QStringLiteral("700"));
    }

    void clinicsNeverSeeEachOthersPatients()
    {
        auto north = tablet(m_clockA, QStringLiteral("isolation-north"));
        auto south = tablet(m_clockB, QStringLiteral("isolation-south"));
        auto id = north->registry->addPatient(plainPatient(QStringLiteral("Cruz Diaz"), QStringLiteral("I-1")));
        QVERIFY(id);
        syncOk(*north);
        auto stats = syncOk(*south);
        QCOMPARE(stats.pulled, 0);
        QCOMPARE(south->registry->listPatients()->size(), 0);
        // South writes under north's patient id: the server refuses it and stores nothing.
        domain::Patient intruder = plainPatient(QStringLiteral("Someone Else"), QStringLiteral("S-9"));
        intruder.id = *id;
        CHECK_OK(south->registry->addPatient(intruder));
        auto refused = south->sync();
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("another clinic")),
                 qPrintable(refused.error().message));
        QCOMPARE(south->registry->stats()->outboxPending, 1);  // kept, never lost
        syncOk(*north);
        QCOMPARE(north->registry->loadPatient(*id)->name, QStringLiteral("Cruz Diaz"));
    }

    void aServerFromAnotherAuthorityIsRefused()
    {
        auto made = makeTablet(m_sync.path(QStringLiteral("tablet-other-ca.db")), m_clockA, m_sync.server().url(),
                               m_sync.certs().otherCaPem);
        QVERIFY(made);
        auto &t = *made;
        auto code = m_sync.server().enrollmentCode(QStringLiteral("north"));
        QVERIFY(code);
        auto refused = t->enroll(*code);
        QVERIFY(!refused);
        QVERIFY2(refused.error().code == ErrorCode::Unreachable, qPrintable(refused.error().line()));
        QCOMPARE(t->keystore->read(QStringLiteral("sync-credential-") + t->registry->registryId())->has_value(), false);
    }

    void aRevokedTabletIsWiped()
    {
        auto t = tablet(m_clockA, QStringLiteral("north"));
        CHECK_OK(t->registry->addPatient(plainPatient(QStringLiteral("Dee Park"), QStringLiteral("W-1"))));
        syncOk(*t);
        QVERIFY(m_sync.server().revoke(t->registry->deviceId()));
        auto stats = syncOk(*t);
        QVERIFY(stats.wiped);
        t->registry.reset();
        QVERIFY(registry::Registry::wipe(t->path, *t->keystore));
        QVERIFY(!QFile::exists(t->path));
        QVERIFY(!QFile::exists(t->path + QStringLiteral(".keys")));
        QVERIFY(!t->keystore->read(QStringLiteral("sync-credential-") + QString())->has_value());
    }

    void aServerRestoredFromBackupGetsTheMissingRecordsBack()
    {
        if (m_sync.onPostgres())
            QSKIP("the file store's backup is a copy of its directory; PostgreSQL backups are pg_dump's business");
        auto a = tablet(m_clockA, QStringLiteral("restore"));
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Eli Moss"), QStringLiteral("B-1")));
        QVERIFY(id);
        syncOk(*a);
        // Back up the stopped server's store.
        m_sync.server().stop();
        const QString backup = m_sync.path(QStringLiteral("backup"));
        QVERIFY(runProgram(QStringLiteral("cp"), {QStringLiteral("-a"), m_sync.server().dataDir(), backup}));
        QVERIFY(m_sync.server().start());
        for (int day = 1; day <= 3; ++day)
            CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 1, day), 4)));
        QCOMPARE(syncOk(*a).pushed, 3);
        // Disaster: restore the older backup, and tell devices the feed changed.
        m_sync.server().stop();
        QVERIFY(runProgram(QStringLiteral("rm"), {QStringLiteral("-rf"), m_sync.server().dataDir()}));
        QVERIFY(runProgram(QStringLiteral("cp"), {QStringLiteral("-a"), backup, m_sync.server().dataDir()}));
        QVERIFY(m_sync.server().newEpoch());
        QVERIFY(m_sync.server().start());
        auto stats = syncOk(*a);
        QCOMPARE(stats.requeued, 3);
        QCOMPARE(stats.pushed, 3);
        // A new tablet of the clinic now receives everything.
        auto b = tablet(m_clockB, QStringLiteral("restore"));
        syncOk(*b);
        QCOMPARE(snapshot(*b->registry), snapshot(*a->registry));
        QCOMPARE(b->registry->loadPatient(*id)->peg.size(), 3);
    }

    void aSilentConnectionIsClosed()
    {
        ServerProcess strict(m_sync.path(QStringLiteral("server-strict")),
                             m_sync.onPostgres() ? m_sync.postgresUrl() : QStringLiteral("file"), m_sync.certs(),
                             {QStringLiteral("--idle-timeout"), QStringLiteral("1")});
        QVERIFY(strict.start());
        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, strict.port());
        QVERIFY(silent.waitForConnected(5000));
        // Say nothing (no TLS hello): the server hangs up on its own.
        QSignalSpy closed(&silent, &QAbstractSocket::disconnected);
        QVERIFY(closed.wait(15'000));
    }

    void twoServersShareOnePostgresql()
    {
        if (!m_sync.onPostgres())
            QSKIP("several servers share a store only on PostgreSQL");
        ServerProcess second(m_sync.path(QStringLiteral("server-2")), m_sync.postgresUrl(), m_sync.certs());
        QVERIFY(second.start());
        auto a = tablet(m_clockA, QStringLiteral("shared"));
        auto b = tablet(m_clockB, QStringLiteral("shared"));
        b->config.server = QUrl(second.url());
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Jo Lin"), QStringLiteral("P-1")));
        QVERIFY(id);
        CHECK_OK(b->registry->addPatient(plainPatient(QStringLiteral("Kai Ames"), QStringLiteral("P-2"))));
        syncOk(*a);
        syncOk(*b);
        syncOk(*a);
        QCOMPARE(snapshot(*b->registry), snapshot(*a->registry));
        QCOMPARE(a->registry->listPatients()->size(), 2);
    }

    void reorderedAndReplayedPagesAreHarmless()
    {
        auto a = tablet(m_clockA, QStringLiteral("reorder"));
        auto b = tablet(m_clockB, QStringLiteral("reorder"));
        for (int i = 0; i < 3; ++i)
            CHECK_OK(
                a->registry->addPatient(plainPatient(QStringLiteral("Lee %1").arg(i), QStringLiteral("O-%1").arg(i))));
        syncOk(*a);
        // Fetch B's first two pages of one record each, as the wire delivers them.
        auto pull = [&](const QString &cursor) {
            const sync::PullRequest message{sync::Cursor::parse(cursor).value(), 1};
            return sync::pullResponseFromJson(m_sync.post(*b, QStringLiteral("/v1/pull"), sync::toJson(message)).body)
                .value();
        };
        const sync::PullResponse first = pull(QString());
        const sync::PullResponse second = pull(first.cursor.toString());
        QCOMPARE(first.changes.size(), 1);
        QCOMPARE(second.changes.size(), 1);
        // They arrive in the wrong order, and the first one twice.
        QCOMPARE(b->registry->applyPulled(second.changes, second.cursor.toString()).value(), 1);
        QCOMPARE(b->registry->applyPulled(first.changes, first.cursor.toString()).value(), 1);
        QCOMPARE(b->registry->applyPulled(first.changes, first.cursor.toString()).value(), 0);
        // The next round reads on from where the last stored page said; nothing is doubled or lost.
        syncOk(*b);
        QCOMPARE(recordCount(*b->registry), recordCount(*a->registry));
        QCOMPARE(snapshot(*b->registry), snapshot(*a->registry));
    }

    void aClinicUsersFirstSignInIsOnlineAndLaterOnesOffline()
    {
        const QString clinic = QStringLiteral("signin-east");
        auto nurseId = m_sync.server().addUser(clinic, QStringLiteral("Noor Nurse"), QStringLiteral("nurse"),
                                               QStringLiteral("482916"));
        CHECK_OK(nurseId);
        auto t = tablet(m_clockA, clinic, false);
        auto patient = t->registry->addPatient(plainPatient(QStringLiteral("Ola Finch"), QStringLiteral("E-1")));
        CHECK_OK(patient);
        syncOk(*t);
        t->registry.reset();  // the administrator walks away: the tablet is locked

        // First sign-in: online, vouched for by the server; the user gets the server's id.
        auto first = sync::signInFirstTime(t->path, *t->keystore, QStringLiteral("noor nurse"),
                                           QStringLiteral("482916"), m_clockA);
        CHECK_OK(first);
        QCOMPARE((*first)->user().id, *nurseId);
        QCOMPARE((*first)->user().name, QStringLiteral("Noor Nurse"));
        QCOMPARE(static_cast<int>((*first)->user().role), static_cast<int>(keys::Role::Nurse));
        QCOMPARE((*first)->loadPatient(*patient)->name, QStringLiteral("Ola Finch"));
        auto pegId = (*first)->addRecord(*patient, peg(QDate(2026, 3, 2), 6));
        CHECK_OK(pegId);
        first->reset();

        // Later sign-ins: the PIN alone, with the server down.
        m_sync.server().stop();
        auto offline = registry::Registry::unlock(t->path, *t->keystore, QStringLiteral("Noor Nurse"),
                                                  QStringLiteral("482916"), m_clockA);
        QVERIFY(m_sync.server().start());
        CHECK_OK(offline);
        QCOMPARE((*offline)->user().id, *nurseId);
        QCOMPARE((*offline)->loadPatient(*patient)->peg.size(), 1);
        // A second first sign-in for the same name is refused before anything travels.
        offline->reset();
        auto again = sync::signInFirstTime(t->path, *t->keystore, QStringLiteral("Noor Nurse"),
                                           QStringLiteral("482916"), m_clockA);
        QVERIFY(!again);
        QCOMPARE(again.error().field, QStringLiteral("name"));

        // On a second tablet of the clinic, the same person signs in as the same user: the records
        // they write carry one author everywhere.
        auto other = tablet(m_clockB, clinic, false);
        other->registry.reset();
        auto there = sync::signInFirstTime(other->path, *other->keystore, QStringLiteral("Noor Nurse"),
                                           QStringLiteral("482916"), m_clockB);
        CHECK_OK(there);
        QCOMPARE((*there)->user().id, *nurseId);
    }

    void firstSignInRefusesWrongPinsUnknownNamesAndOtherClinics()
    {
        const QString clinic = QStringLiteral("signin-south");
        CHECK_OK(m_sync.server().addUser(clinic, QStringLiteral("Sam Assistant"), QStringLiteral("medical_assistant"),
                                         QStringLiteral("1357")));
        CHECK_OK(m_sync.server().addUser(QStringLiteral("signin-far"), QStringLiteral("Fay Far"),
                                         QStringLiteral("clinician"), QStringLiteral("2468")));
        auto t = tablet(m_clockA, clinic, false);
        t->registry.reset();
        const auto signIn = [&](const QString &name, const QString &pin) {
            return sync::signInFirstTime(t->path, *t->keystore, name, pin, m_clockA);
        };
        const auto userNames = [&] {
            QStringList names;
            for (const auto &user : *registry::Registry::users(t->path))
                names.append(user.name);
            return names;
        };

        auto unknown = signIn(QStringLiteral("Nobody Here"), QStringLiteral("1357"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().field, QStringLiteral("name"));
        // A user of another clinic is unknown here.
        auto foreign = signIn(QStringLiteral("Fay Far"), QStringLiteral("2468"));
        QVERIFY(!foreign);
        QCOMPARE(foreign.error().field, QStringLiteral("name"));

        auto wrong = signIn(QStringLiteral("Sam Assistant"), QStringLiteral("9999"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().field, QStringLiteral("pin"));
        QVERIFY2(wrong.error().message.contains(QStringLiteral("4 tries left")), qPrintable(wrong.error().message));
        for (int i = 0; i < 4; ++i)
            QVERIFY(!signIn(QStringLiteral("Sam Assistant"), QStringLiteral("9999")));
        auto locked = signIn(QStringLiteral("Sam Assistant"), QStringLiteral("1357"));
        QVERIFY(!locked);
        QVERIFY2(locked.error().message.contains(QStringLiteral("locked out")), qPrintable(locked.error().message));
        QVERIFY(!userNames().contains(QStringLiteral("Sam Assistant")));  // nothing added on refusals

        // The clinic's administrator lifts the lockout on the server; the right PIN then works.
        QVERIFY(m_sync.server().userCommand(QStringLiteral("unlock"), clinic, QStringLiteral("Sam Assistant")));
        CHECK_OK(signIn(QStringLiteral("Sam Assistant"), QStringLiteral("1357")));
        QVERIFY(userNames().contains(QStringLiteral("Sam Assistant")));

        // A removed user cannot sign in on a new tablet.
        QVERIFY(m_sync.server().userCommand(QStringLiteral("remove"), clinic, QStringLiteral("Sam Assistant")));
        auto later = tablet(m_clockB, clinic, false);
        later->registry.reset();
        auto removed = sync::signInFirstTime(later->path, *later->keystore, QStringLiteral("Sam Assistant"),
                                             QStringLiteral("1357"), m_clockB);
        QVERIFY(!removed);
        QCOMPARE(removed.error().field, QStringLiteral("name"));
    }

    void firstSignInNeedsAnEnrolledTabletAndWipesARevokedOne()
    {
        CHECK_OK(m_sync.server().addUser(QStringLiteral("signin-west"), QStringLiteral("Wen Clinician"),
                                         QStringLiteral("clinician"), QStringLiteral("8642")));
        auto made = m_sync.newTablet(m_clockA);
        CHECK_OK(made);
        auto unenrolled = std::move(made).value();
        unenrolled->registry.reset();
        auto refused = sync::signInFirstTime(unenrolled->path, *unenrolled->keystore, QStringLiteral("Wen Clinician"),
                                             QStringLiteral("8642"), m_clockA);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("not enrolled")), qPrintable(refused.error().message));

        auto revoked = tablet(m_clockA, QStringLiteral("signin-west"), false);
        const QString deviceId = revoked->registry->deviceId();
        revoked->registry.reset();
        QVERIFY(m_sync.server().revoke(deviceId));
        auto wiped = sync::signInFirstTime(revoked->path, *revoked->keystore, QStringLiteral("Wen Clinician"),
                                           QStringLiteral("8642"), m_clockA);
        QVERIFY(!wiped);
        QVERIFY2(wiped.error().message.contains(QStringLiteral("revoked")), qPrintable(wiped.error().message));
        QVERIFY(!QFile::exists(revoked->path));
        QVERIFY(!QFile::exists(revoked->path + QStringLiteral(".keys")));
    }

    void cairnctlSignsInAClinicUserOnline()
    {
        const QString db = m_sync.path(QStringLiteral("cli-tablet.db"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CAIRN_KEYSTORE"), QStringLiteral("file:") + m_sync.path(QStringLiteral("cli-keys")));
        env.insert(QStringLiteral("CAIRN_PIN"), QStringLiteral("246810"));
        const auto cairnctl = [&](const QStringList &args, const QProcessEnvironment &with) {
            return runProgram(qEnvironmentVariable("CAIRNCTL"), QStringList{QStringLiteral("--db"), db} + args, with);
        };
        CHECK_OK(cairnctl({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Alex Admin")}, env));
        auto code = m_sync.server().enrollmentCode(QStringLiteral("signin-cli"));
        CHECK_OK(code);
        CHECK_OK(cairnctl({QStringLiteral("enroll"), QStringLiteral("--server"), m_sync.server().url(),
                           QStringLiteral("--ca"), m_sync.certs().caPem, QStringLiteral("--code"), *code},
                          env));
        CHECK_OK(m_sync.server().addUser(QStringLiteral("signin-cli"), QStringLiteral("Cam Clinician"),
                                         QStringLiteral("clinician"), QStringLiteral("975310")));

        QProcessEnvironment cam = env;
        cam.insert(QStringLiteral("CAIRN_PIN"), QStringLiteral("975310"));
        auto signedIn =
            cairnctl({QStringLiteral("sign-in"), QStringLiteral("--name"), QStringLiteral("Cam Clinician")}, cam);
        CHECK_OK(signedIn);
        QVERIFY2(signedIn->contains(QStringLiteral("signed in as Cam Clinician (clinician")), qPrintable(*signedIn));
        auto listed = cairnctl({QStringLiteral("user"), QStringLiteral("list")}, env);
        CHECK_OK(listed);
        QVERIFY2(listed->contains(QStringLiteral("Cam Clinician")), qPrintable(*listed));
        // The PIN goes nowhere but the server: a wrong one is refused, naming it.
        QProcessEnvironment wrong = env;
        wrong.insert(QStringLiteral("CAIRN_PIN"), QStringLiteral("111111"));
        CHECK_OK(m_sync.server().addUser(QStringLiteral("signin-cli"), QStringLiteral("Ria Manager"),
                                         QStringLiteral("registry_manager"), QStringLiteral("864200")));
        auto refused =
            cairnctl({QStringLiteral("sign-in"), QStringLiteral("--name"), QStringLiteral("Ria Manager")}, wrong);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("pin")), qPrintable(refused.error().message));
    }

    // The records issue 12 added travel like every other: a booking with its time, type and
    // clinician; a rescheduling (a correction); a withdrawn record; and the new kinds.
    void aBookingACorrectionAndAWithdrawalReachTheOtherTablet()
    {
        auto a = tablet(m_clockA, QStringLiteral("bookings"));
        auto b = tablet(m_clockB, QStringLiteral("bookings"));
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Beto Ruiz"), QStringLiteral("BK-1")));
        QVERIFY(id);
        domain::Visit booking;
        booking.date = QDate(2026, 3, 9);
        booking.time = QStringLiteral("14:30");
        booking.type = domain::VisitType::Telehealth;
        booking.clinician = QStringLiteral("Dr Rivera");
        auto booked = a->registry->addRecord(*id, booking);
        QVERIFY(booked);
        domain::RefillRequest request;
        request.date = QDate(2026, 3, 2);
        request.medication = QStringLiteral("oxycodone 5 mg");
        request.channel = domain::RefillChannel::Pharmacy;
        request.early = true;
        auto requested = a->registry->addRecord(*id, request);
        QVERIFY(requested);
        domain::MedicationReview review;
        review.date = QDate(2026, 3, 2);
        review.reviewedBy = QStringLiteral("Dr Rivera");
        QVERIFY(a->registry->addRecord(*id, review));
        syncOk(*a);
        syncOk(*b);
        auto onB = b->registry->loadPatient(*id);
        QVERIFY(onB);
        QCOMPARE(onB->visits.size(), 1);
        QCOMPARE(onB->visits.first().time, QStringLiteral("14:30"));
        QVERIFY(onB->visits.first().type == domain::VisitType::Telehealth);
        QCOMPARE(onB->visits.first().clinician, QStringLiteral("Dr Rivera"));
        QCOMPARE(onB->refillRequests.size(), 1);
        QCOMPARE(onB->medicationReviews.size(), 1);

        // B reschedules the booking; A withdraws the refill request entered in error.
        domain::Visit moved = onB->visits.first();
        moved.date = QDate(2026, 3, 10);
        moved.time = QStringLiteral("08:15");
        auto rescheduled = b->registry->correctRecord(*booked, moved);
        QVERIFY(rescheduled);
        auto withdrawn = a->registry->retractRecord(*requested, QStringLiteral("entered for the wrong patient"));
        QVERIFY(withdrawn);
        syncOk(*b);
        syncOk(*a);
        syncOk(*b);
        for (auto *t : {a.get(), b.get()}) {
            auto p = t->registry->loadPatient(*id);
            QVERIFY(p);
            QCOMPARE(p->visits.size(), 1);
            QCOMPARE(p->visits.first().date, QDate(2026, 3, 10));
            QCOMPARE(p->visits.first().time, QStringLiteral("08:15"));
            QVERIFY(p->visits.first().type == domain::VisitType::Telehealth);
            QVERIFY(p->refillRequests.isEmpty());
            QCOMPARE(p->medicationReviews.size(), 1);
            // The history on each tablet keeps the booking, its rescheduling and the withdrawal.
            auto history = t->registry->patientHistory(*id);
            QVERIFY(history);
            const auto visits = std::count_if(history->cbegin(), history->cend(),
                                              [](const auto &e) { return e.kind == QLatin1String("visit"); });
            QCOMPARE(visits, 2);
            const bool retraction = std::any_of(history->cbegin(), history->cend(), [&](const auto &e) {
                return e.retracted && e.supersedes == *requested;
            });
            QVERIFY(retraction);
        }
        QCOMPARE(snapshot(*a->registry), snapshot(*b->registry));
    }

    // Issue 18 item 5: a case conference asked for on one tablet, and the tasks, referral and goal
    // its consult note made, reach the clinic's other tablet as they are; a task marked done there
    // comes back.
    void aCaseConferenceAndTheRecordsItMadeReachTheOtherTablet()
    {
        auto a = tablet(m_clockA, QStringLiteral("conferences"));
        auto b = tablet(m_clockB, QStringLiteral("conferences"));
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Ines Mora"), QStringLiteral("CC-1")));
        QVERIFY(id);
        auto requested =
            registry::requestCaseConference(*a->registry, *id, QStringLiteral("Taper or refer?"), QDate(2026, 3, 2));
        QVERIFY(requested);
        auto scheduled = registry::scheduleCaseConference(*a->registry, *requested, QDate(2026, 3, 6));
        QVERIFY(scheduled);
        syncOk(*a);
        syncOk(*b);
        auto listed = registry::clinicianMeetingList(*b->registry, QDate(2026, 3, 2));
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().question, QStringLiteral("Taper or refer?"));

        domain::Recommendation call;
        call.kind = domain::RecommendationKind::Task;
        call.text = QStringLiteral("Call her about the referral");
        call.ownerRole = QStringLiteral("nurse");
        call.due = QDate(2026, 3, 9);
        domain::Recommendation refer;
        refer.kind = domain::RecommendationKind::Referral;
        refer.text = QStringLiteral("Physical therapy for the back");
        refer.referralType = QStringLiteral("physical_therapy");
        domain::Recommendation goal;
        goal.kind = domain::RecommendationKind::Goal;
        goal.text = QStringLiteral("Garden for an hour on Saturdays");
        auto made =
            registry::recordConsultNote(*b->registry, listed->first().conferenceId,
                                        {QStringLiteral("Refer first."), {call, refer, goal}, {}}, QDate(2026, 3, 6));
        QVERIFY2(made, made ? "" : qPrintable(made.error().line()));
        QCOMPARE(made->size(), 3);
        syncOk(*b);
        syncOk(*a);
        auto onA = a->registry->loadPatient(*id);
        QVERIFY(onA);
        QCOMPARE(onA->caseConferences.size(), 1);
        const domain::CaseConference &c = onA->caseConferences.first();
        QVERIFY(c.status == domain::ConferenceStatus::Discussed);
        QCOMPARE(c.recommendations.size(), 3);
        QCOMPARE(c.recommendations.at(0).recordId, made->at(0));
        QCOMPARE(onA->tasks.size(), 1);
        QCOMPARE(onA->referrals.size(), 1);
        QCOMPARE(onA->goals.size(), 1);
        auto nurseTasks = registry::taskWorklist(*a->registry, keys::Role::Nurse, QDate(2026, 3, 10));
        QVERIFY(nurseTasks);
        QCOMPARE(nurseTasks->size(), 1);
        QVERIFY(nurseTasks->first().overdue);

        domain::Task done = onA->tasks.first();
        done.status = domain::TaskStatus::Done;
        QVERIFY(a->registry->correctRecord(made->at(0), done));
        syncOk(*a);
        syncOk(*b);
        auto doneOnB = registry::taskWorklist(*b->registry, std::nullopt, QDate(2026, 3, 10));
        QVERIFY(doneOnB);
        QVERIFY(doneOnB->isEmpty());
        QCOMPARE(snapshot(*a->registry), snapshot(*b->registry));
    }

    // Issue 15 item 2: a record an older server stored without today's checks reaches a tablet
    // that cairnctl drives on its real file. It is set aside with the reason, every command keeps
    // working, the administrator withdraws it, and the withdrawal syncs to the clinic's tablets.
    void aRecordATabletCannotReadIsSetAsideAndWithdrawn()
    {
        const QString clinic = QStringLiteral("quarantine");
        const QString db = m_sync.path(QStringLiteral("quarantine-cli.db"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CAIRN_KEYSTORE"),
                   QStringLiteral("file:") + m_sync.path(QStringLiteral("quarantine-cli-keys")));
        env.insert(QStringLiteral("CAIRN_PIN"), QStringLiteral("246810"));
        const auto cairnctl = [&](const QStringList &args) {
            return runProgram(qEnvironmentVariable("CAIRNCTL"), QStringList{QStringLiteral("--db"), db} + args, env);
        };
        CHECK_OK(cairnctl({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Alex Admin")}));
        auto code = m_sync.server().enrollmentCode(clinic);
        CHECK_OK(code);
        CHECK_OK(cairnctl({QStringLiteral("enroll"), QStringLiteral("--server"), m_sync.server().url(),
                           QStringLiteral("--ca"), m_sync.certs().caPem, QStringLiteral("--code"), *code}));

        // A real patient with a PEG from another tablet of the clinic.
        auto b = tablet(m_clockB, clinic);
        auto id = b->registry->addPatient(plainPatient(QStringLiteral("Nadia Rahman"), QStringLiteral("QZ-1")));
        QVERIFY(id);
        CHECK_OK(b->registry->addRecord(*id, peg(QDate(2026, 3, 1), 6)));
        syncOk(*b);

        // What an older server let in: a clinic policy with a garbage payload, and a PEG for a
        // patient the clinic never had.
        const QString olderDevice = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto bad = [&](const QString &kind, const QString &patientId, const QJsonObject &payload) {
            return olderServersRecord(kind, patientId, payload, olderDevice);
        };
        const domain::RecordEnvelope policy = bad(QStringLiteral("clinic_policy"), domain::kClinicScope,
                                                  {{QStringLiteral("tiers"), QStringLiteral("x")}});
        const domain::RecordEnvelope orphan =
            bad(QStringLiteral("peg"), QUuid::createUuid().toString(QUuid::WithoutBraces), kPegPayload);
        CHECK_OK(m_sync.server().storeUnchecked(clinic, olderDevice, {policy, orphan}));
        // ... and after them, good work from tablet B on the same page.
        CHECK_OK(b->registry->addRecord(*id, peg(QDate(2026, 3, 2), 4)));
        syncOk(*b);

        auto synced = cairnctl({QStringLiteral("sync")});
        CHECK_OK(synced);
        QCOMPARE(QJsonDocument::fromJson(synced->toUtf8()).object().value(QStringLiteral("pulled")).toInt(), 3);
        // Every command that reads the registry still works.
        for (const QStringList &command :
             {QStringList{QStringLiteral("policy"), QStringLiteral("show")}, QStringList{QStringLiteral("huddle")},
              QStringList{QStringLiteral("gaps")},
              QStringList{QStringLiteral("measures"), QStringLiteral("--month"), QStringLiteral("2026-03")},
              QStringList{QStringLiteral("export"), QStringLiteral("--json")}, QStringList{QStringLiteral("stats")}}) {
            auto out = cairnctl(command);
            QVERIFY2(out, qPrintable(command.join(QLatin1Char(' ')) + QStringLiteral(": ") +
                                     (out ? QString() : out.error().message)));
        }
        auto exported = cairnctl({QStringLiteral("export"), QStringLiteral("--json")});
        const QJsonArray patients = QJsonDocument::fromJson(exported->toUtf8()).array();
        QCOMPARE(patients.size(), 1);
        QCOMPARE(patients.first()[QStringLiteral("peg")].toArray().size(), 2);

        auto listed = cairnctl({QStringLiteral("quarantine"), QStringLiteral("list")});
        CHECK_OK(listed);
        const QJsonArray entries = QJsonDocument::fromJson(listed->toUtf8()).array();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0][QStringLiteral("record")].toString(), policy.id);
        QVERIFY2(entries[0][QStringLiteral("field")].toString().startsWith(QStringLiteral("payload")),
                 qPrintable(*listed));
        QCOMPARE(entries[1][QStringLiteral("record")].toString(), orphan.id);
        QCOMPARE(entries[1][QStringLiteral("field")].toString(), QStringLiteral("patient_id"));
        QVERIFY(!listed->contains(QStringLiteral("\"pain\"")));  // the content itself is not shown

        for (const QJsonValue &entry : entries) {
            auto withdrawn = cairnctl({QStringLiteral("quarantine"), QStringLiteral("withdraw"),
                                       QString::number(entry[QStringLiteral("id")].toInt()), QStringLiteral("--reason"),
                                       QStringLiteral("stored by an older server")});
            CHECK_OK(withdrawn);
        }
        auto open = cairnctl({QStringLiteral("quarantine"), QStringLiteral("list")});
        CHECK_OK(open);
        QCOMPARE(QJsonDocument::fromJson(open->toUtf8()).array().size(), 0);
        // The server takes both withdrawals (one of them for a patient it never had).
        auto pushed = cairnctl({QStringLiteral("sync")});
        CHECK_OK(pushed);
        QCOMPARE(QJsonDocument::fromJson(pushed->toUtf8()).object().value(QStringLiteral("pushed")).toInt(), 2);
        auto all = cairnctl({QStringLiteral("quarantine"), QStringLiteral("list"), QStringLiteral("--all")});
        const QJsonArray closed = QJsonDocument::fromJson(all->toUtf8()).array();
        QCOMPARE(closed.size(), 2);
        for (const QJsonValue &entry : closed) {
            QVERIFY(entry[QStringLiteral("withdrawn")].toBool());
            QVERIFY(!entry[QStringLiteral("withdrawal_pending")].toBool());
        }

        // Tablet B (a clinician) and a new tablet of the clinic (its administrator) pull all of it:
        // both work, and the new tablet shows the two set aside and already withdrawn.
        syncOk(*b);
        QCOMPARE(b->registry->loadPatient(*id)->peg.size(), 2);
        QVERIFY(b->registry->clinicPolicy());
        QVERIFY(!b->registry->quarantined(false));  // not a clinician's to see
        auto c = tablet(m_clockA, clinic, false);
        syncOk(*c);
        QCOMPARE(c->registry->quarantined(false)->size(), 0);
        const auto onC = c->registry->quarantined(true).value();
        QCOMPARE(onC.size(), 2);
        for (const auto &entry : onC)
            QVERIFY(entry.withdrawn() && !entry.withdrawalPending);
        QCOMPARE(c->registry->loadPatient(*id)->peg.size(), 2);
        QVERIFY(c->registry->clinicPolicy());
        QVERIFY(registry::huddleRows(*c->registry, QDate(2026, 3, 2)));
    }

    // Issue 15 item 4: a tablet restored from an older copy of itself numbers its new writes
    // under sequence numbers the server has already covered. They are stored (not acknowledged
    // and dropped), the tablet moves its counter past the server's, and it gets back its own
    // records the copy lacks.
    void aTabletRestoredFromAnOlderCopyOfItselfLosesNothing()
    {
        const QString clinic = QStringLiteral("restored-tablet");
        auto a = tablet(m_clockA, clinic);
        auto b = tablet(m_clockB, clinic);
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Rosa Ibarra"), QStringLiteral("RT-1")));
        QVERIFY(id);
        CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 2, 1), 7)));
        syncOk(*a);
        // Point A: a copy of the tablet's files, taken while it is closed.
        // The registry, any SQLite side files, and the key slots: everything the tablet keeps.
        QStringList files;
        for (const char *suffix : {"", "-wal", "-shm", ".keys"})
            files << a->path + QLatin1String(suffix);
        auto copyFiles = [&](const QString &from, const QString &to) {
            for (const QString &file : std::as_const(files)) {
                QFile::remove(file + to);
                if (QFile::exists(file + from))
                    QVERIFY(QFile::copy(file + from, file + to));
            }
        };
        a->registry.reset();
        copyFiles(QString(), QStringLiteral(".copy"));
        CHECK_OK(a->signInAsClinician(m_clockA));
        for (int day = 2; day <= 4; ++day)
            CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 2, day), 6)));
        QCOMPARE(syncOk(*a).pushed, 3);

        // The tablet is restored from the copy and used before it syncs again.
        a->registry.reset();
        copyFiles(QStringLiteral(".copy"), QString());
        CHECK_OK(a->signInAsClinician(m_clockA));
        QCOMPARE(a->registry->loadPatient(*id)->peg.size(), 1);
        CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 2, 5), 5)));
        CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 2, 6), 4)));
        const auto stats = syncOk(*a);
        QCOMPARE(stats.pushed, 2);  // stored, though under numbers the server had covered
        QVERIFY(stats.resequenced);
        QCOMPARE(a->registry->stats()->outboxPending, 0);
        // The tablet has its own three records back; the other tablet has all six.
        QCOMPARE(a->registry->loadPatient(*id)->peg.size(), 6);
        syncOk(*b);
        QCOMPARE(b->registry->loadPatient(*id)->peg.size(), 6);
        QCOMPARE(snapshot(*b->registry), snapshot(*a->registry));

        // From now on the tablet's numbers are past the server's: a new write moves it on again.
        CHECK_OK(a->registry->addRecord(*id, peg(QDate(2026, 2, 7), 3)));
        const auto later = syncOk(*a);
        QCOMPARE(later.pushed, 1);
        QVERIFY(!later.resequenced);
        QCOMPARE(a->registry->syncValue(QStringLiteral("pull_own")).value(), QString());
        syncOk(*b);
        QCOMPARE(b->registry->loadPatient(*id)->peg.size(), 7);
        QCOMPARE(snapshot(*b->registry), snapshot(*a->registry));
    }

    // A store written by a server older than the validation of pushes: the first open by this
    // build checks every stored change as a push is checked, sets aside those that fail (kept, but
    // never sent again), counts them in the audit trail, and never scans again. Last: the scan
    // also sets aside what earlier tests stored unchecked.
    void changesStoredBeforeTheChecksAreSetAsideOnceWhenTheStoreIsOpened()
    {
        const QString clinic = QStringLiteral("recheck");
        auto b = tablet(m_clockB, clinic);
        auto id = b->registry->addPatient(plainPatient(QStringLiteral("Mira Sol"), QStringLiteral("RC-1")));
        QVERIFY(id);
        CHECK_OK(b->registry->addRecord(*id, peg(QDate(2026, 3, 1), 6)));
        syncOk(*b);
        const QString olderDevice = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const domain::RecordEnvelope policy = olderServersRecord(QStringLiteral("clinic_policy"), domain::kClinicScope,
                                                                 {{QStringLiteral("tiers"), 7}}, olderDevice);
        const domain::RecordEnvelope orphan = olderServersRecord(
            QStringLiteral("peg"), QUuid::createUuid().toString(QUuid::WithoutBraces), kPegPayload, olderDevice);
        domain::RecordEnvelope goodPeg = olderServersRecord(QStringLiteral("peg"), *id, kPegPayload, olderDevice);
        // A tablet that had set the orphan aside withdrew it (a retraction naming it).
        domain::RecordEnvelope withdrawal = olderServersRecord(
            QStringLiteral("peg"), orphan.patientId,
            {{QStringLiteral("retraction_reason"), QStringLiteral("no such patient here")}}, olderDevice);
        withdrawal.supersedes = orphan.id;
        withdrawal.retracted = true;
        CHECK_OK(m_sync.server().storeUnchecked(clinic, olderDevice, {policy, orphan, goodPeg, withdrawal}));
        // A store from before this build carries no mark that its changes were checked.
        CHECK_OK(m_sync.server().queryStore("DELETE FROM meta WHERE key = 'stored_records_checked'"));
        m_sync.server().stop();
        CHECK_OK(m_sync.server().start());

        auto setAside =
            m_sync.server().queryStore("SELECT id, field, message FROM set_aside WHERE clinic = ?", {clinic});
        CHECK_OK(setAside);
        QCOMPARE(setAside->size(), 2);
        QHash<QString, QString> fieldOf;
        for (const QStringList &row : *setAside) {
            QVERIFY(!row.at(2).isEmpty());  // the message says why
            fieldOf.insert(row.at(0), row.at(1));
        }
        QVERIFY2(fieldOf.value(policy.id).startsWith(QStringLiteral("record.payload")),
                 qPrintable(fieldOf.value(policy.id)));
        QCOMPARE(fieldOf.value(orphan.id), QStringLiteral("record.patient_id"));
        auto trail = m_sync.server().command(
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--clinic"), clinic});
        CHECK_OK(trail);
        const QStringList entries = trail->split(QLatin1Char('\n')).filter(QStringLiteral("\tset_aside_on_recheck\t"));
        QCOMPARE(entries.size(), 1);
        QVERIFY2(entries.first().contains(QStringLiteral("refused=2")), qPrintable(entries.first()));
        QVERIFY(!trail->contains(orphan.id) && !trail->contains(orphan.patientId));  // counts and fields only
        CHECK_OK(m_sync.server().command({QStringLiteral("audit"), QStringLiteral("verify")}));

        // A new tablet of the clinic gets the patient and both good PEGs, and nothing to set aside
        // or act on: the withdrawal of the orphan it never received is kept as a closed entry.
        auto c = tablet(m_clockA, clinic, false);
        syncOk(*c);
        QCOMPARE(c->registry->loadPatient(*id)->peg.size(), 2);
        QCOMPARE(c->registry->quarantined(false)->size(), 0);
        const auto closed = c->registry->quarantined(true);
        CHECK_OK(closed);
        QCOMPARE(closed->size(), 1);
        QCOMPARE(closed->first().record.id, orphan.id);
        QVERIFY(closed->first().withdrawn());
        QCOMPARE(closed->first().withdrawalReason, QStringLiteral("no such patient here"));

        // Opened again, the store is not scanned again: a change stored unchecked now stays unmarked.
        const domain::RecordEnvelope later = olderServersRecord(
            QStringLiteral("peg"), QUuid::createUuid().toString(QUuid::WithoutBraces), kPegPayload, olderDevice);
        CHECK_OK(m_sync.server().storeUnchecked(clinic, olderDevice, {later}));
        m_sync.server().stop();
        CHECK_OK(m_sync.server().start());
        QCOMPARE(m_sync.server().queryStore("SELECT id FROM set_aside WHERE clinic = ?", {clinic})->size(), 2);
        trail = m_sync.server().command(
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--clinic"), clinic});
        QCOMPARE(trail->split(QLatin1Char('\n')).filter(QStringLiteral("\tset_aside_on_recheck\t")).size(), 1);
    }

    void malformedRequestsStoreNothing()
    {
        auto t = tablet(m_clockA, QStringLiteral("north"));
        for (const QByteArray &body : {QByteArray("not json"), QByteArray(R"({"version":1,"device":"x","changes":[]})"),
                                       QByteArray(R"({"version":1,"changes":[{"seq":0}]})")}) {
            const ServerAnswer answer = m_sync.postBytes(*t, QStringLiteral("/v1/push"), body);
            QVERIFY2(answer.status >= 400 && answer.status < 500, qPrintable(QString::number(answer.status)));
            QVERIFY(answer.body.contains(QStringLiteral("error")));
        }
    }

    // Issue 18: a new patient's intake (started, then its first-visit decision recorded on the other
    // tablet), an opioid use disorder checklist and a MOUD status sync like every other record.
    void intakeAndOudRecordsSyncLikeOthers()
    {
        auto a = tablet(m_clockA, QStringLiteral("intakes"));
        auto b = tablet(m_clockB, QStringLiteral("intakes"));
        auto id = a->registry->addPatient(plainPatient(QStringLiteral("Inés Soto"), QStringLiteral("IN-1")));
        QVERIFY(id);
        domain::Intake intake;
        intake.date = QDate(2026, 3, 2);
        intake.referralSource = QStringLiteral("self");
        intake.priorPrescriber = QStringLiteral("Valley Pain Clinic");
        intake.reasonLeft = QStringLiteral("prescriber retired");
        intake.recordsRequested = QDate(2026, 3, 2);
        auto started = a->registry->addRecord(*id, intake);
        QVERIFY(started);
        domain::OudAssessment checklist;
        checklist.date = QDate(2026, 3, 2);
        checklist.clinician = QStringLiteral("Dr Rivera");
        for (std::size_t i = 0; i < checklist.criteria.size(); ++i)
            checklist.criteria[i] = i < 3;
        checklist.asPrescribed = true;
        QVERIFY(a->registry->addRecord(*id, checklist));
        domain::MoudStatus offered;
        offered.date = QDate(2026, 3, 2);
        offered.state = domain::MoudState::Offered;
        QVERIFY(a->registry->addRecord(*id, offered));
        syncOk(*a);
        syncOk(*b);
        auto onB = b->registry->loadPatient(*id);
        QVERIFY(onB);
        QCOMPARE(onB->intakes.size(), 1);
        QCOMPARE(onB->intakes.first().priorPrescriber, QStringLiteral("Valley Pain Clinic"));
        QCOMPARE(onB->oudAssessments.size(), 1);
        QVERIFY(onB->oudAssessments.first().criteria == checklist.criteria);
        QCOMPARE(onB->moudStatuses.size(), 1);

        // B records the first-visit decision; A sees it, and both hold the same registry.
        domain::Intake decided = onB->intakes.first();
        decided.recordsReceived = QDate(2026, 3, 5);
        decided.outcome = domain::IntakeOutcome::Bridge;
        decided.outcomeDate = QDate(2026, 3, 6);
        decided.reviewDate = QDate(2026, 4, 3);
        decided.outcomeBy = QStringLiteral("Dr Rivera");
        QVERIFY(b->registry->correctRecord(*started, decided));
        syncOk(*b);
        syncOk(*a);
        auto onA = a->registry->loadPatient(*id);
        QVERIFY(onA);
        QCOMPARE(onA->intakes.size(), 1);
        QVERIFY(onA->intakes.first().outcome == domain::IntakeOutcome::Bridge);
        QCOMPARE(onA->intakes.first().reviewDate, QDate(2026, 4, 3));
        QCOMPARE(snapshot(*a->registry), snapshot(*b->registry));
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "test_sync.moc"
