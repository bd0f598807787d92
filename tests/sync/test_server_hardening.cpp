// cairn-server under bad input (issue 15), against a real server process on loopback over TLS:
// one test per class of bad record or request. Each checks the 4xx and the field it names, that
// nothing was stored (another tablet of the clinic pulls nothing), and that the clinic's tablets
// still read their patients, policy and scripts. The first test measures the server's peak memory
// under a 256 MiB upload, so it must run before anything makes the server allocate (sign-ins run
// Argon2id with 64 MiB).

#include "core/clinical/self_assessment.h"
#include "core/domain/record_json.h"
#include "sync/protocol/protocol.h"
#include "tests/support/result_checks.h"
#include "tests/support/sync_fixture.h"
#include "tools/sync_harness/sync_harness.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace cairn;
using namespace cairn::testing;

class TestServerHardening : public QObject {
    Q_OBJECT

private:
    SyncFixture m_sync;
    registry::ManualClock m_clockA{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    registry::ManualClock m_clockB{QDateTime(QDate(2026, 3, 2), QTime(9, 5), Qt::UTC)};
    std::unique_ptr<Tablet> m_a;  // clinic north: pushes the bad records
    std::unique_ptr<Tablet> m_b;  // clinic north: must never receive them
    std::unique_ptr<Tablet> m_south;
    QString m_patient;       // north's patient
    QString m_southPatient;  // south's patient

    std::unique_ptr<Tablet> tablet(const registry::Clock &clock, const QString &clinic)
    {
        return m_sync.enrolledTablet(clock, clinic);
    }

    ServerAnswer post(Tablet &t, const QString &path, const QJsonObject &body) { return m_sync.post(t, path, body); }

    // A record from tablet t as its sync client would send it; tests then spoil one field.
    static domain::RecordEnvelope record(Tablet &t, const QString &kind, const QString &patientId,
                                         const QJsonObject &payload)
    {
        domain::RecordEnvelope e;
        e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.patientId = patientId;
        e.kind = kind;
        e.date = QStringLiteral("2026-03-02");
        e.payload = payload;
        e.author = QStringLiteral("6a1f0c2e-0000-4000-8000-000000000001");
        e.device = t.registry->deviceId();
        e.stamp = HlcStamp{QDateTime::currentMSecsSinceEpoch(), 0, e.device};
        e.writtenAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        return e;
    }

    static QJsonObject pegPayload()
    {
        domain::PegScore peg;
        peg.date = QDate(2026, 3, 2);
        peg.pain = 6;
        peg.enjoyment = 5;
        peg.activity = 4;
        return domain::recordToJson(domain::AnyRecord(peg));
    }

    ServerAnswer push(Tablet &t, const QList<QJsonObject> &records, std::int64_t firstSeq = 1'000'000)
    {
        QJsonArray changes;
        for (const QJsonObject &r : records)
            changes.append(
                QJsonObject{{QStringLiteral("seq"), static_cast<double>(firstSeq++)}, {QStringLiteral("record"), r}});
        return post(t, QStringLiteral("/v1/push"),
                    QJsonObject{{QStringLiteral("version"), sync::kProtocolVersion},
                                {QStringLiteral("device"), t.registry->deviceId()},
                                {QStringLiteral("changes"), changes}});
    }

    // A refused push: the status, the field named, and nothing reached the clinic's other tablet,
    // which still reads everything it holds.
    void expectRefused(const ServerAnswer &answer, int status, const QString &fieldPart)
    {
        QVERIFY2(answer.status == status,
                 qPrintable(QStringLiteral("%1 %2: %3").arg(answer.status).arg(answer.field(), answer.message())));
        QVERIFY2(answer.field().contains(fieldPart),
                 qPrintable(answer.field() + QStringLiteral(": ") + answer.message()));
        auto stats = m_b->sync();
        CHECK_OK(stats);
        QCOMPARE(stats->pulled, 0);
        CHECK_OK(m_b->registry->clinicPolicy());
        CHECK_OK(m_b->registry->clinicScripts());
        auto patients = m_b->registry->listPatients();
        CHECK_OK(patients);
        QCOMPARE(patients->size(), 1);
        CHECK_OK(m_b->registry->loadPatient(m_patient));
        CHECK_OK(m_a->sync());  // the sender's own sync is unaffected
    }

private slots:
    void initTestCase()
    {
        // Short head and body deadlines so the slow-client test is quick; honest requests here
        // are small and local, far inside them.
        CHECK_OK(m_sync.start({SyncStore::File,
                               {QStringLiteral("--head-timeout"), QStringLiteral("2"), QStringLiteral("--body-timeout"),
                                QStringLiteral("2")}}));
        m_a = tablet(m_clockA, QStringLiteral("north"));
        m_b = tablet(m_clockB, QStringLiteral("north"));
        m_south = tablet(m_clockB, QStringLiteral("south"));
        auto id = m_a->registry->addPatient(plainPatient(QStringLiteral("Cruz Diaz"), QStringLiteral("H-1")));
        CHECK_OK(id);
        m_patient = *id;
        auto southId = m_south->registry->addPatient(plainPatient(QStringLiteral("Lee Park"), QStringLiteral("S-1")));
        CHECK_OK(southId);
        m_southPatient = *southId;
        CHECK_OK(m_a->sync());
        CHECK_OK(m_south->sync());
        auto pulled = m_b->sync();
        CHECK_OK(pulled);
        QVERIFY(pulled->pulled > 0);
    }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
        m_south.reset();
        m_sync.stop();
    }

    void oversizedBodiesWithoutACredentialAreRefusedUnread()
    {
        const qint64 size = 256LL * 1024 * 1024;
        const qint64 before = peakRssKb(m_sync.server().pid());
        // Declared too large: 413 from the head alone.
        auto declared =
            rawRequest(m_sync.server().port(),
                       "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(size) + "\r\n\r\n",
                       size, 20'000);
        QCOMPARE(declared.status, 413);
        // Declared small, sent huge, no credential: refused (401) before the body is read.
        auto lying = rawRequest(m_sync.server().port(),
                                "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 4000000\r\n\r\n", size, 20'000);
        QCOMPARE(lying.status, 401);
        // No length at all (chunked): refused.
        auto chunked =
            rawRequest(m_sync.server().port(),
                       "POST /v1/push HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", size, 20'000);
        QCOMPARE(chunked.status, 411);
        const qint64 after = peakRssKb(m_sync.server().pid());
        qInfo("256 MiB uploads without a credential: answers %d, %d, %d after %lld, %lld, %lld ms with %lld, %lld, "
              "%lld MiB sent; "
              "server peak RSS %lld MiB before, %lld MiB after",
              declared.status, lying.status, chunked.status, declared.ms, lying.ms, chunked.ms,
              declared.sentBodyBytes >> 20, lying.sentBodyBytes >> 20, chunked.sentBodyBytes >> 20, before / 1024,
              after / 1024);
        QVERIFY(after > 0);
        QVERIFY2(after < 100 * 1024, qPrintable(QString::number(after)));
        // A gzip bomb from an enrolled device: 64 MiB of zeros in a small body, refused as too large.
        const QByteArray bomb = sync::gzip(QByteArray(64 * 1024 * 1024, ' '));
        QVERIFY(bomb.size() < sync::Limits::maxCompressedBytes);
        auto inflated = rawRequest(
            m_sync.server().port(),
            "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nAuthorization: " + m_a->authorization() +
                "\r\nContent-Length: " + QByteArray::number(bomb.size()) + "\r\n\r\n" + bomb,
            0, 20'000);
        QCOMPARE(inflated.status, 413);
        QVERIFY(peakRssKb(m_sync.server().pid()) < 100 * 1024);
        CHECK_OK(m_a->sync());
    }

    void slowAndUnparseableRequestsAreAnsweredAtOnce()
    {
        // Unparseable: 400 at once, not when some idle timer fires.
        auto garbage = rawRequest(m_sync.server().port(), "HELLO THERE\r\n\r\n", 0, 10'000);
        QCOMPARE(garbage.status, 400);
        QVERIFY2(garbage.ms < 1500, qPrintable(QString::number(garbage.ms)));  // well before the 2 s deadline
        // A head that never ends: 408 at the head deadline (2 s here).
        auto slowHead = rawRequest(m_sync.server().port(), "POST /v1/push HTTP/1.1\r\nHost: x\r\n", 0, 10'000);
        QCOMPARE(slowHead.status, 408);
        // A body that stops coming (an enrolled device, so the body is awaited): 408.
        auto slowBody = rawRequest(m_sync.server().port(),
                                   "POST /v1/pull HTTP/1.1\r\nHost: x\r\nAuthorization: " + m_a->authorization() +
                                       "\r\nContent-Length: 100\r\n\r\n{\"version\"",
                                   0, 10'000);
        QCOMPARE(slowBody.status, 408);
        // A head larger than the limit: refused.
        auto hugeHead =
            rawRequest(m_sync.server().port(),
                       "POST /v1/push HTTP/1.1\r\nX-Pad: " + QByteArray(64 * 1024, 'a') + "\r\n\r\n", 0, 10'000);
        QCOMPARE(hugeHead.status, 431);
        qInfo("unparseable: %d after %lld ms; slow head: %d after %lld ms; slow body: %d after %lld ms", garbage.status,
              garbage.ms, slowHead.status, slowHead.ms, slowBody.status, slowBody.ms);
        CHECK_OK(m_a->sync());
    }

    // The self-assessment's records are checked like every tablet reads them: every item scored
    // 1-4, and an action-plan item naming an item of its block and a real role.
    void unreadableSelfAssessmentRecordsAreRefused()
    {
        auto form = clinical::SelfAssessment::shipped(QStringLiteral("en"));
        CHECK_OK(form);
        QJsonObject scores;
        for (const QString &item : form->itemIds())
            scores.insert(item, 3);
        scores.remove(QStringLiteral("measuring.shared"));
        auto unanswered = record(*m_a, QStringLiteral("self_assessment_response"), domain::kClinicScope,
                                 QJsonObject{{QStringLiteral("round"), QStringLiteral("2026-Q1")},
                                             {QStringLiteral("role"), QStringLiteral("nurse")},
                                             {QStringLiteral("scores"), scores}});
        expectRefused(push(*m_a, {sync::envelopeToJson(unanswered)}), 422,
                      QStringLiteral("changes[0].record.payload.scores.measuring.shared"));
        auto badOwner =
            record(*m_a, QStringLiteral("action_plan_item"), domain::kClinicScope,
                   QJsonObject{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                               {QStringLiteral("block"), QStringLiteral("policies")},
                               {QStringLiteral("item"), QStringLiteral("policies.agreements")},
                               {QStringLiteral("action"), QStringLiteral("Review the agreements")},
                               {QStringLiteral("owner"), QJsonObject{{QStringLiteral("role"), QStringLiteral("boss")}}},
                               {QStringLiteral("due"), QStringLiteral("2026-04-01")},
                               {QStringLiteral("status"), QStringLiteral("open")}});
        expectRefused(push(*m_a, {sync::envelopeToJson(badOwner)}), 422,
                      QStringLiteral("changes[0].record.payload.owner.role"));
        // A clinic record: never about a patient.
        auto scoped = record(*m_a, QStringLiteral("action_plan_item"), m_patient, QJsonObject{});
        expectRefused(push(*m_a, {sync::envelopeToJson(scoped)}), 422, QStringLiteral("patient_id"));
    }

    void garbageClinicPolicyIsRefused()
    {
        auto policy = record(
            *m_a, QStringLiteral("clinic_policy"), domain::kClinicScope,
            QJsonObject{{QStringLiteral("garbage"), true}, {QStringLiteral("intervals_days"), QStringLiteral("soon")}});
        expectRefused(push(*m_a, {sync::envelopeToJson(policy)}), 422, QStringLiteral("changes[0].record.payload"));
        // A clinic record must be clinic-scoped.
        auto scoped = record(*m_a, QStringLiteral("clinic_policy"), m_patient, QJsonObject{});
        expectRefused(push(*m_a, {sync::envelopeToJson(scoped)}), 422, QStringLiteral("patient_id"));
    }

    // Issue 18: a directory entry is read on arrival as every tablet reads it; the field is named.
    void badClinicResourceIsRefused()
    {
        const QJsonObject resource{{QStringLiteral("id"), QStringLiteral("5b0c7d2e-8f4a-4b8e-9c3d-1e2f3a4b5c6d")},
                                   {QStringLiteral("name"), QStringLiteral("Valley PT")},
                                   {QStringLiteral("category"), QStringLiteral("chiropractic")}};
        auto unknownCategory = record(*m_a, QStringLiteral("clinic_resource"), domain::kClinicScope, resource);
        expectRefused(push(*m_a, {sync::envelopeToJson(unknownCategory)}), 422,
                      QStringLiteral("changes[0].record.payload.category"));
        QJsonObject farAway = resource;
        farAway.insert(QStringLiteral("category"), QStringLiteral("physical_therapy"));
        farAway.insert(QStringLiteral("distance"), QStringLiteral("far"));
        expectRefused(push(*m_a, {sync::envelopeToJson(
                                     record(*m_a, QStringLiteral("clinic_resource"), domain::kClinicScope, farAway))}),
                      422, QStringLiteral("changes[0].record.payload.distance"));
        auto scoped = record(*m_a, QStringLiteral("clinic_resource"), m_patient, farAway);
        expectRefused(push(*m_a, {sync::envelopeToJson(scoped)}), 422, QStringLiteral("patient_id"));
    }

    void orphanObservationIsRefused()
    {
        auto orphan =
            record(*m_a, QStringLiteral("peg"), QUuid::createUuid().toString(QUuid::WithoutBraces), pegPayload());
        // With a good record before it: the whole push is refused, the good one not stored either.
        auto good = record(*m_a, QStringLiteral("peg"), m_patient, pegPayload());
        auto answer = push(*m_a, {sync::envelopeToJson(good), sync::envelopeToJson(orphan)});
        expectRefused(answer, 422, QStringLiteral("changes[1].record.patient_id"));
    }

    void nonCanonicalAndForeignIdsAreRefused()
    {
        auto braces = record(*m_a, QStringLiteral("peg"), m_patient, pegPayload());
        braces.id = QStringLiteral("{%1}").arg(braces.id);
        expectRefused(push(*m_a, {sync::envelopeToJson(braces)}), 422, QStringLiteral("changes[0].record.id"));
        auto upper = record(*m_a, QStringLiteral("peg"), m_patient.toUpper(), pegPayload());
        expectRefused(push(*m_a, {sync::envelopeToJson(upper)}), 422, QStringLiteral("changes[0].record.patient_id"));
        auto trailing = record(*m_a, QStringLiteral("peg"), m_patient, pegPayload());
        trailing.id += QStringLiteral("x");
        expectRefused(push(*m_a, {sync::envelopeToJson(trailing)}), 422, QStringLiteral("changes[0].record.id"));
        // Another clinic's patient, in braces (once accepted) and canonical.
        auto foreignBraces =
            record(*m_a, QStringLiteral("peg"), QStringLiteral("{%1}").arg(m_southPatient), pegPayload());
        expectRefused(push(*m_a, {sync::envelopeToJson(foreignBraces)}), 422, QStringLiteral("patient_id"));
        auto foreign = record(*m_a, QStringLiteral("peg"), m_southPatient, pegPayload());
        expectRefused(push(*m_a, {sync::envelopeToJson(foreign)}), 403, QStringLiteral("patient_id"));
        // Free text where ids, dates and authors go.
        auto badDate = record(*m_a, QStringLiteral("peg"), m_patient, pegPayload());
        badDate.date = QStringLiteral("yesterday");
        expectRefused(push(*m_a, {sync::envelopeToJson(badDate)}), 422, QStringLiteral("date"));
        auto badAuthor = record(*m_a, QStringLiteral("peg"), m_patient, pegPayload());
        badAuthor.author = QStringLiteral("Robert'); DROP TABLE records;--");
        expectRefused(push(*m_a, {sync::envelopeToJson(badAuthor)}), 422, QStringLiteral("author"));
    }

    void absurdClockStampsAreRefused()
    {
        auto future = record(*m_a, QStringLiteral("peg"), m_patient, pegPayload());
        future.stamp.wallMs = QDateTime(QDate(318857, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        auto answer = push(*m_a, {sync::envelopeToJson(future)});
        QVERIFY2(answer.message().contains(QStringLiteral("ahead")), qPrintable(answer.message()));
        expectRefused(answer, 422, QStringLiteral("changes[0].record.hlc"));
        // Two days ahead is beyond the bound too; a few minutes ahead is an honest clock.
        auto days = record(*m_a, QStringLiteral("peg"), m_patient, pegPayload());
        days.stamp.wallMs += 48LL * 3600 * 1000;
        expectRefused(push(*m_a, {sync::envelopeToJson(days)}), 422, QStringLiteral("hlc"));
        auto minutes = record(*m_a, QStringLiteral("peg"), m_patient, pegPayload());
        minutes.stamp.wallMs += 5LL * 60 * 1000;
        auto stored = push(*m_a, {sync::envelopeToJson(minutes)});
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.body.value(QStringLiteral("applied")).toInt(), 1);
        auto pulled = m_b->sync();
        CHECK_OK(pulled);
        QCOMPARE(pulled->pulled, 1);
        CHECK_OK(m_b->registry->loadPatient(m_patient));
    }

    void badScreeningAnswersAreRefused()
    {
        auto screening = [&](const QString &instrument, const QJsonValue &answers) {
            QJsonObject payload{{QStringLiteral("instrument"), instrument},
                                {QStringLiteral("date"), QStringLiteral("2026-03-02")},
                                {QStringLiteral("answers"), answers}};
            return sync::envelopeToJson(record(*m_a, QStringLiteral("screening"), m_patient, payload));
        };
        expectRefused(push(*m_a, {screening(QStringLiteral("phq2"), QJsonObject{})}), 422,
                      QStringLiteral("changes[0].record.payload"));
        expectRefused(push(*m_a, {screening(QStringLiteral("phq2"), QJsonArray{7, 9})}), 422,
                      QStringLiteral("changes[0].record.payload"));
        expectRefused(push(*m_a, {screening(QStringLiteral("made-up"), QJsonArray{1, 1})}), 422,
                      QStringLiteral("changes[0].record.payload"));
    }

    void concerningPdmpCheckWithoutFindingsIsRefused()
    {
        // The tablet's rooming refuses a concerning PDMP check without findings; so does the server.
        const auto pdmp = [&](const QString &findings) {
            QJsonObject payload{{QStringLiteral("date"), QStringLiteral("2026-03-02")},
                                {QStringLiteral("checked_by"), QStringLiteral("Morgan MA")},
                                {QStringLiteral("concerning"), true}};
            if (!findings.isNull())
                payload.insert(QStringLiteral("findings"), findings);
            return sync::envelopeToJson(record(*m_a, QStringLiteral("pdmp_check"), m_patient, payload));
        };
        auto missing = push(*m_a, {pdmp(QString())});
        QVERIFY2(missing.message().contains(QStringLiteral("concerning")), qPrintable(missing.message()));
        expectRefused(missing, 422, QStringLiteral("changes[0].record.payload.findings"));
        expectRefused(push(*m_a, {pdmp(QStringLiteral("   "))}), 422, QStringLiteral("payload.findings"));
        auto described = push(*m_a, {pdmp(QStringLiteral("three prescribers in 90 days"))});
        QCOMPARE(described.status, 200);
        QCOMPARE(described.body.value(QStringLiteral("applied")).toInt(), 1);
        CHECK_OK(m_b->sync());
    }

    void anOldSequenceIsValidatedAndNeverDropped()
    {
        // seq 1 is covered (the tablet pushed its patient): bad content under it is still refused,
        // not acknowledged as a duplicate.
        auto bad = record(*m_a, QStringLiteral("peg"), m_patient,
                          QJsonObject{{QStringLiteral("pain"), QStringLiteral("a lot")}});
        expectRefused(push(*m_a, {sync::envelopeToJson(bad)}, 1), 422, QStringLiteral("changes[0].record.payload"));
        // A new, good record under a covered seq (a tablet restored from an older copy of itself)
        // is stored, not dropped.
        auto restored = record(*m_a, QStringLiteral("peg"), m_patient, pegPayload());
        auto answer = push(*m_a, {sync::envelopeToJson(restored)}, 1);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(answer.body.value(QStringLiteral("duplicates")).toInt(), 0);
        auto pulled = m_b->sync();
        CHECK_OK(pulled);
        QCOMPARE(pulled->pulled, 1);
        // The same again is a duplicate (same record id), whatever its seq.
        auto again = push(*m_a, {sync::envelopeToJson(restored)}, 2);
        QCOMPARE(again.body.value(QStringLiteral("duplicates")).toInt(), 1);
        QCOMPARE(again.body.value(QStringLiteral("applied")).toInt(), 0);
    }

    void signInsRunBesideOtherTabletsAndAreRateLimited()
    {
        CHECK_OK(m_sync.server().addUser(QStringLiteral("north"), QStringLiteral("Noor Ahmed"), QStringLiteral("nurse"),
                                         QStringLiteral("482916")));
        const auto tenRecords = [&] {
            for (int i = 0; i < 10; ++i) {
                domain::PegScore peg;
                peg.date = QDate(2026, 3, 2);
                peg.pain = 5;
                peg.enjoyment = 5;
                peg.activity = 5;
                if (!m_a->registry->addRecord(m_patient, peg))
                    return false;
            }
            return static_cast<bool>(m_a->sync());
        };
        // The same pull without sign-ins, for comparison.
        QVERIFY(tenRecords());
        QElapsedTimer quietTimer;
        quietTimer.start();
        auto quiet = m_b->sync();
        const qint64 quietMs = quietTimer.elapsed();
        CHECK_OK(quiet);
        QCOMPARE(quiet->pulled, 10);
        QVERIFY(tenRecords());
        // Six sign-ins at once from tablet A while tablet B pulls A's ten records.
        const QByteArray signIn = QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Noor Ahmed")},
                                                            {QStringLiteral("pin"), QStringLiteral("482916")}})
                                      .toJson(QJsonDocument::Compact);
        std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
        std::vector<std::unique_ptr<QNetworkReply>> replies;
        for (int i = 0; i < 6; ++i) {
            networks.push_back(std::make_unique<QNetworkAccessManager>());
            QNetworkRequest request(QUrl(m_sync.server().url() + QStringLiteral("/v1/sign-in")));
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(m_a->config.authority);
            request.setSslConfiguration(tls);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            request.setRawHeader("Authorization", m_a->authorization());
            replies.emplace_back(networks.back()->post(request, signIn));
        }
        QTest::qWait(50);  // the sign-ins reach the server first
        QElapsedTimer pullTimer;
        pullTimer.start();
        auto pulled = m_b->sync();
        const qint64 pullMs = pullTimer.elapsed();
        CHECK_OK(pulled);
        QCOMPARE(pulled->pulled, 10);
        QElapsedTimer signInTimer;
        signInTimer.start();
        int stillRunning = 0;
        for (auto &reply : replies) {
            if (!reply->isFinished()) {
                ++stillRunning;
                QSignalSpy done(reply.get(), &QNetworkReply::finished);
                QVERIFY(done.wait(60'000));
            }
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        }
        qInfo("tablet B's sync round pulling 10 records: %lld ms alone, %lld ms beside 6 concurrent sign-ins (%d of "
              "them still "
              "running when it finished; they took %lld ms more)",
              quietMs, pullMs, stillRunning, signInTimer.elapsed());

        // Unknown names cost a PIN check too (no user enumeration by timing).
        auto unknown = post(*m_a, QStringLiteral("/v1/sign-in"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("Nobody Here")},
                                        {QStringLiteral("pin"), QStringLiteral("482916")}});
        QCOMPARE(unknown.status, 404);
        auto wrong = post(*m_a, QStringLiteral("/v1/sign-in"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("Noor Ahmed")},
                                      {QStringLiteral("pin"), QStringLiteral("000000")}});
        QCOMPARE(wrong.status, 401);
        qInfo("sign-in answer times: unknown name %lld ms, known name with a wrong PIN %lld ms", unknown.ms, wrong.ms);
        // 8 sign-ins so far from this tablet; the limit is 10 a minute.
        for (int i = 0; i < 2; ++i)
            QCOMPARE(post(*m_a, QStringLiteral("/v1/sign-in"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("Noor Ahmed")},
                                      {QStringLiteral("pin"), QStringLiteral("482916")}})
                         .status,
                     200);
        auto limited = post(*m_a, QStringLiteral("/v1/sign-in"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("Noor Ahmed")},
                                        {QStringLiteral("pin"), QStringLiteral("482916")}});
        QCOMPARE(limited.status, 429);
        // Another tablet of the clinic is not limited by A's attempts, and syncing is never limited.
        QCOMPARE(post(*m_b, QStringLiteral("/v1/sign-in"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("Noor Ahmed")},
                                  {QStringLiteral("pin"), QStringLiteral("482916")}})
                     .status,
                 200);
        CHECK_OK(m_a->sync());
    }
};

QTEST_GUILESS_MAIN(TestServerHardening)
#include "test_server_hardening.moc"
