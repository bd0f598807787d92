// A pulled record this tablet cannot read is set aside in quarantine with the reason; the rest of
// its page applies, and every view keeps working. The registry manager (or administrator) sees the
// quarantine and withdraws an entry with a retraction that syncs; a withdrawal pulled from another
// tablet closes the entry there too. Records a tablet stored before it checked pulled pages
// (schema 4) are checked once on the first open after the upgrade. Also: a tablet behind the server's count of its
// writes (restored from an older copy of itself) numbers its next writes after that count.

#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/registry/views.h"
#include "core/storage/database.h"
#include "core/storage/record_store.h"
#include "platform/keystore.h"
#include "tests/support/result_checks.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>

using namespace cairn;
using namespace cairn::registry;
using cairn::testing::plainPatient;

namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

domain::PegScore peg(const QDate &date, int pain)
{
    domain::PegScore s;
    s.date = date;
    s.pain = pain;
    s.enjoyment = 4;
    s.activity = 5;
    return s;
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A record as another tablet's envelope would carry it, with the given content.
domain::RecordEnvelope remote(const QString &kind, const QString &patientId, const QJsonObject &payload)
{
    domain::RecordEnvelope r;
    r.id = newUuid();
    r.patientId = patientId;
    r.kind = kind;
    r.date = QStringLiteral("2026-11-20");
    r.payload = payload;
    r.author = QStringLiteral("user-b");
    r.device = QStringLiteral("tablet-b");
    r.stamp = HlcStamp{kNow.toMSecsSinceEpoch() - 60'000, 0, QStringLiteral("tablet-b")};
    r.writtenAt = kNow.addSecs(-60).toString(Qt::ISODateWithMs);
    return r;
}

}  // namespace

class TestQuarantine : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    platform::MemoryKeystore m_keystore;
    ManualClock m_clock{kNow};
    int m_registries = 0;

    std::unique_ptr<Registry> newRegistry()
    {
        auto r = Registry::create(m_dir.filePath(QStringLiteral("r%1.db").arg(++m_registries)), m_keystore,
                                  QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        if (!r)
            qFatal("create: %s", qPrintable(r.error().line()));
        return std::move(r).value();
    }

    // What tablet B pushes after adding a patient with one PEG: real envelopes of a real registry.
    QList<domain::RecordEnvelope> goodPage(QString *patientId)
    {
        auto admin = newRegistry();
        if (!admin->addUser(QStringLiteral("Casey Clinician"), keys::Role::Clinician, QStringLiteral("1357")))
            qFatal("add clinician");
        admin.reset();
        auto opened = Registry::unlock(m_dir.filePath(QStringLiteral("r%1.db").arg(m_registries)), m_keystore,
                                       QStringLiteral("Casey Clinician"), QStringLiteral("1357"), m_clock);
        if (!opened)
            qFatal("unlock: %s", qPrintable(opened.error().line()));
        auto b = std::move(opened).value();
        auto id = b->addPatient(plainPatient(QStringLiteral("Omar Haddad"), QStringLiteral("Q-1")));
        if (!id)
            qFatal("add patient: %s", qPrintable(id.error().line()));
        if (auto s = b->addRecord(*id, peg(QDate(2026, 11, 20), 6)); !s)
            qFatal("add peg: %s", qPrintable(s.error().line()));
        *patientId = *id;
        return b->outbox(100).value();
    }

    // Every screen's source on this registry still answers.
    void everyViewWorks(Registry &r, const QString &patientId, int pegs)
    {
        auto patient = r.loadPatient(patientId);
        CHECK_OK(patient);
        QCOMPARE(patient->peg.size(), pegs);
        CHECK_OK(r.listPatients());
        CHECK_OK(r.clinicPolicy());
        CHECK_OK(huddleRows(r, kNow.date()));
        CHECK_OK(measuresData(r, 2026, 11, QString()));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aBadRecordIsSetAsideAndTheRestOfThePageApplies_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("patient");  // "good", "clinic", "orphan" or a literal id
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("supersedes");  // "unknown" for an id nobody holds
        QTest::addColumn<QString>("field");
        const QJsonObject goodPeg{{QStringLiteral("date"), QStringLiteral("2026-11-21")},
                                  {QStringLiteral("pain"), 3},
                                  {QStringLiteral("enjoyment"), 3},
                                  {QStringLiteral("activity"), 3}};
        QTest::newRow("garbage clinic policy")
            << "clinic_policy"
            << "clinic" << QJsonObject{{QStringLiteral("tiers"), QStringLiteral("garbage")}} << QString() << "payload";
        QTest::newRow("orphan observation") << "peg"
                                            << "orphan" << goodPeg << QString() << "patient_id";
        QTest::newRow("patient id in braces") << "peg"
                                              << "braces" << goodPeg << QString() << "patient_id";
        QTest::newRow("unknown kind") << "telepathy"
                                      << "good" << goodPeg << QString() << "kind";
        QTest::newRow("peg out of range") << "peg"
                                          << "good"
                                          << QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-11-21")},
                                                         {QStringLiteral("pain"), 42},
                                                         {QStringLiteral("enjoyment"), 3},
                                                         {QStringLiteral("activity"), 3}}
                                          << QString() << "payload.pain";
        QTest::newRow("correction of a record nobody holds") << "peg"
                                                             << "good" << goodPeg << "unknown"
                                                             << "supersedes";
    }

    void aBadRecordIsSetAsideAndTheRestOfThePageApplies()
    {
        QFETCH(QString, kind);
        QFETCH(QString, patient);
        QFETCH(QJsonObject, payload);
        QFETCH(QString, supersedes);
        QFETCH(QString, field);
        QString patientId;
        QList<domain::RecordEnvelope> page = goodPage(&patientId);
        QCOMPARE(page.size(), 2);
        const QString target = patient == QLatin1String("good")     ? patientId
                               : patient == QLatin1String("clinic") ? domain::kClinicScope
                               : patient == QLatin1String("orphan") ? newUuid()
                                                                    : QStringLiteral("{%1}").arg(patientId);
        domain::RecordEnvelope bad = remote(kind, target, payload);
        if (supersedes == QLatin1String("unknown"))
            bad.supersedes = newUuid();
        page.insert(1, bad);  // between the patient and their PEG

        auto a = newRegistry();
        auto applied = a->applyPulled(page, QStringLiteral("e:3"));
        CHECK_OK(applied);
        QCOMPARE(*applied, 2);
        QCOMPARE(a->syncValue(QStringLiteral("cursor")).value(), QStringLiteral("e:3"));
        auto set = a->quarantined(false);
        CHECK_OK(set);
        QCOMPARE(set->size(), 1);
        QCOMPARE(set->first().record.id, bad.id);
        QCOMPARE(set->first().record.kind, kind);
        QVERIFY2(set->first().field.startsWith(field), qPrintable(set->first().field));
        QVERIFY(!set->first().message.isEmpty());
        QCOMPARE(set->first().receivedAt, kNow.toString(Qt::ISODateWithMs));
        everyViewWorks(*a, patientId, 1);
        // Not a record here: the count of stored records is the good ones only.
        QCOMPARE(a->stats()->records, qint64(2));

        // The same page again (a replayed answer) sets nothing aside twice and adds nothing.
        QCOMPARE(a->applyPulled(page, QStringLiteral("e:3")).value(), 0);
        QCOMPARE(a->quarantined(true)->size(), 1);
    }

    // A first pull's pages hold thousands of records, checked on a thread of their own ahead of
    // the writing (registry_sync.cpp, CheckedAhead): bad records early, in the middle and last of
    // such a page are each set aside with their own field, and every good one is stored.
    void badRecordsAnywhereInALargePageAreSetAsideNamingTheirField()
    {
        QString patientId;
        const QList<domain::RecordEnvelope> good = goodPage(&patientId);
        const QJsonObject pegOf = good.at(1).payload;
        QList<domain::RecordEnvelope> page{good.at(0)};
        for (int i = 0; i < 1500; ++i)
            page.append(remote(QStringLiteral("peg"), patientId, pegOf));
        QJsonObject painOutOfRange = pegOf;
        painOutOfRange.insert(QStringLiteral("pain"), 42);
        const QList<std::pair<qsizetype, domain::RecordEnvelope>> bad{
            {3, remote(QStringLiteral("peg"), patientId, painOutOfRange)},
            {700, remote(QStringLiteral("peg"), QStringLiteral("{%1}").arg(patientId), pegOf)},
            {page.size() + 2, remote(QStringLiteral("telepathy"), patientId, pegOf)}};
        for (const auto &[at, record] : bad)
            page.insert(at, record);
        QCOMPARE(page.last().kind, QStringLiteral("telepathy"));

        auto a = newRegistry();
        auto applied = a->applyPulled(page, QStringLiteral("e:9"));
        CHECK_OK(applied);
        QCOMPARE(*applied, 1501);
        auto set = a->quarantined(false);
        CHECK_OK(set);
        QCOMPARE(set->size(), 3);
        const QStringList fields{QStringLiteral("payload.pain"), QStringLiteral("patient_id"), QStringLiteral("kind")};
        for (qsizetype i = 0; i < 3; ++i) {
            const auto entry = std::find_if(set->cbegin(), set->cend(),
                                            [&, id = bad.at(i).second.id](const auto &e) { return e.record.id == id; });
            QVERIFY2(entry != set->cend(), qPrintable(fields.at(i)));
            QVERIFY2(entry->field.startsWith(fields.at(i)), qPrintable(entry->field));
        }
        QCOMPARE(a->stats()->records, qint64(1501));
        everyViewWorks(*a, patientId, 1500);
    }

    // A first pull's pages go in as they arrive (Registry::PulledPages, sync_client's pullFirst),
    // in one transaction: dropped before it finishes, nothing of them stays; finished, every
    // record is in once, a patient of an earlier page counts as held, and a bad record of a later
    // page is still set aside naming its field.
    void pagesAppliedAsTheyArriveGoInTogetherOrNotAtAll()
    {
        QString patientId;
        const QList<domain::RecordEnvelope> good = goodPage(&patientId);
        const QJsonObject pegOf = good.at(1).payload;
        QList<domain::RecordEnvelope> pages[3];
        pages[0] = good;
        for (int i = 0; i < 600; ++i)
            pages[1 + i % 2].append(remote(QStringLiteral("peg"), patientId, pegOf));
        QJsonObject painOutOfRange = pegOf;
        painOutOfRange.insert(QStringLiteral("pain"), 42);
        const domain::RecordEnvelope bad = remote(QStringLiteral("peg"), patientId, painOutOfRange);
        pages[2].insert(150, bad);
        pages[2].append(pages[1].at(7));  // sent again on a later page

        auto a = newRegistry();
        {
            auto dropped = a->beginPulled();
            CHECK_OK(dropped);
            CHECK_OK((*dropped)->add(pages[0]));
            CHECK_OK((*dropped)->add(pages[1]));
        }  // a failed request: the pages were never finished
        QCOMPARE(a->stats()->records, qint64(0));
        QCOMPARE(a->syncValue(QStringLiteral("cursor")).value(), QString());

        auto applying = a->beginPulled();
        CHECK_OK(applying);
        for (const auto &page : pages)
            CHECK_OK((*applying)->add(page));
        auto added = (*applying)->finish(QStringLiteral("e:3"));
        CHECK_OK(added);
        QCOMPARE(*added, 602);
        QCOMPARE(a->stats()->records, qint64(602));
        QCOMPARE(a->syncValue(QStringLiteral("cursor")).value(), QStringLiteral("e:3"));
        auto set = a->quarantined(false);
        CHECK_OK(set);
        QCOMPARE(set->size(), 1);
        QCOMPARE(set->first().record.id, bad.id);
        QVERIFY2(set->first().field.startsWith(QStringLiteral("payload.pain")), qPrintable(set->first().field));
        everyViewWorks(*a, patientId, 601);
    }

    void theManagerWithdrawsAndTheWithdrawalClosesItOnOtherTablets()
    {
        QString patientId;
        QList<domain::RecordEnvelope> page = goodPage(&patientId);
        const domain::RecordEnvelope policy =
            remote(QStringLiteral("clinic_policy"), domain::kClinicScope, {{QStringLiteral("tiers"), 7}});
        const domain::RecordEnvelope orphan =
            remote(QStringLiteral("peg"), newUuid(), page.at(1).payload);  // a PEG for a patient nobody has
        page << policy << orphan;

        auto a = newRegistry();
        CHECK_OK(a->applyPulled(page, QStringLiteral("e:4")));
        auto set = a->quarantined(false).value();
        QCOMPARE(set.size(), 2);
        const qint64 before = a->writeCounter().value();

        // A clinician sees nothing of it; the administrator does.
        CHECK_OK(a->addUser(QStringLiteral("Casey Clinician"), keys::Role::Clinician, QStringLiteral("1357")));
        const QString path = m_dir.filePath(QStringLiteral("r%1.db").arg(m_registries));
        {
            auto clinician =
                Registry::unlock(path, m_keystore, QStringLiteral("Casey Clinician"), QStringLiteral("1357"), m_clock);
            CHECK_OK(clinician);
            QVERIFY(!(*clinician)->canManageQuarantine());
            QVERIFY(!(*clinician)->quarantined(false));
            QVERIFY(!(*clinician)->withdrawQuarantined(set.first().id, QStringLiteral("no")));
        }
        QVERIFY(a->canManageQuarantine());
        QVERIFY(!a->withdrawQuarantined(set.first().id, QStringLiteral("  ")));  // a reason is required
        QVERIFY(!a->withdrawQuarantined(9999, QStringLiteral("gone")));

        auto withdrawal = a->withdrawQuarantined(set.at(1).id, QStringLiteral("PEG for a patient we never had"));
        CHECK_OK(withdrawal);
        QVERIFY(!a->withdrawQuarantined(set.at(1).id, QStringLiteral("again")));
        QCOMPARE(a->quarantined(false)->size(), 1);
        const auto all = a->quarantined(true).value();
        QCOMPARE(all.size(), 2);
        QVERIFY(all.at(1).withdrawn());
        QVERIFY(all.at(1).withdrawalPending);

        // It waits in the outbox as a retraction of the orphan, after every number given so far.
        auto outbox = a->outbox(100);
        CHECK_OK(outbox);
        QCOMPARE(outbox->size(), 1);
        // The sync bar counts it as not yet on the server, since when it was withdrawn.
        auto pending = a->pendingSync();
        CHECK_OK(pending);
        QCOMPARE(pending->count, 1);
        QCOMPARE(pending->oldestWrite, outbox->first().writtenAt);
        const domain::RecordEnvelope retraction = outbox->first();
        QCOMPARE(retraction.id, *withdrawal);
        QVERIFY(retraction.retracted);
        QCOMPARE(retraction.supersedes, orphan.id);
        QCOMPARE(retraction.patientId, orphan.patientId);
        QCOMPARE(retraction.kind, QStringLiteral("peg"));
        QCOMPARE(retraction.device, a->deviceId());
        QCOMPARE(retraction.author, a->user().id);
        QCOMPARE(retraction.seq, before + 1);
        QCOMPARE(retraction.payload.value(QStringLiteral("retraction_reason")).toString(),
                 QStringLiteral("PEG for a patient we never had"));
        QVERIFY(!retraction.payload.contains(QStringLiteral("pain")));  // the unreadable content is not sent again
        // A record written after it comes after it.
        CHECK_OK(a->addPatient(plainPatient(QStringLiteral("Lena Ortiz"), QStringLiteral("Q-2"))));
        outbox = a->outbox(100);
        QCOMPARE(outbox->size(), 2);
        QCOMPARE(outbox->at(0).id, *withdrawal);
        QVERIFY(outbox->at(1).seq > retraction.seq);

        // Acknowledged by the server: off the outbox, still withdrawn.
        auto sent = a->outboxToSend(100);
        CHECK_OK(sent);
        QCOMPARE(a->acknowledgePushed(*sent, outbox->at(1).seq).value(), 2);
        QCOMPARE(a->outbox(100)->size(), 0);
        QVERIFY(!a->quarantined(true)->at(1).withdrawalPending);
        // A server restored from a backup that lacks it gets it again.
        QCOMPARE(a->requeueOwnAfter(before).value(), 2);
        QCOMPARE(a->outbox(100)->size(), 2);

        // Another tablet pulls the same page, then the withdrawal: its entry closes too.
        auto c = newRegistry();
        CHECK_OK(c->applyPulled(page, QStringLiteral("e:4")));
        QCOMPARE(c->quarantined(false)->size(), 2);
        domain::RecordEnvelope pulled = retraction;
        pulled.seq = 0;
        QCOMPARE(c->applyPulled({pulled}, QStringLiteral("e:5")).value(), 0);
        const auto onC = c->quarantined(true).value();
        QCOMPARE(onC.size(), 2);
        QVERIFY(!onC.at(0).withdrawn());
        QVERIFY(onC.at(1).withdrawn());
        QVERIFY(!onC.at(1).withdrawalPending);  // another tablet's withdrawal is not this one's to send
        QCOMPARE(onC.at(1).withdrawalId, retraction.id);
        QCOMPARE(c->quarantined(false)->size(), 1);
        QCOMPARE(c->outbox(100)->size(), 0);
        everyViewWorks(*c, patientId, 1);
        // Replaying it changes nothing.
        QCOMPARE(c->applyPulled({pulled}, QStringLiteral("e:5")).value(), 0);
        QCOMPARE(c->quarantined(false)->size(), 1);
    }

    // A tablet at schema 4 pulled from a server older than any validation: its `records` hold
    // what the server sent, unread. The first open with this build checks every stored record as
    // a pulled page is checked, moves the failures into the quarantine, and never scans again.
    void recordsStoredBeforeTheChecksAreCheckedOnceAfterTheUpgrade()
    {
        QString patientId;
        QList<domain::RecordEnvelope> stored = goodPage(&patientId);
        const domain::RecordEnvelope policy =
            remote(QStringLiteral("clinic_policy"), domain::kClinicScope, {{QStringLiteral("tiers"), 7}});
        const domain::RecordEnvelope orphan = remote(QStringLiteral("peg"), newUuid(), stored.at(1).payload);
        QJsonObject outOfRange = stored.at(1).payload;
        outOfRange[QStringLiteral("pain")] = 42;
        const domain::RecordEnvelope badPeg = remote(QStringLiteral("peg"), patientId, outOfRange);
        // A readable correction of the unreadable PEG: it corrects a record that is no longer here.
        domain::RecordEnvelope correction = remote(QStringLiteral("peg"), patientId, stored.at(1).payload);
        correction.supersedes = badPeg.id;
        stored << policy << orphan << badPeg << correction;

        auto a = newRegistry();
        const QString path = m_dir.filePath(QStringLiteral("r%1.db").arg(m_registries));
        {
            storage::Database &db = RegistryInternals::database(*a);
            auto tx = storage::Transaction::begin(db);
            CHECK_OK(tx);
            for (domain::RecordEnvelope record : stored)
                CHECK_OK(storage::RecordStore(db).insert(record, false));
            CHECK_OK(tx->commit());
            // Back to schema 4: the tables of versions 5 to 11 go, as they were never there, and
            // the outbox is keyed by record id again (version 12).
            CHECK_OK(db.exec("DROP TABLE quarantine; DROP TRIGGER summary_dirty_on_record; DROP TABLE summary_dirty; "
                             "DROP TABLE patient_summary; DROP TABLE patient_summary_ahead; DROP TABLE summary_text; "
                             "DROP INDEX records_by_kind_date; DROP TABLE outbox; "
                             "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                             "record_id TEXT NOT NULL UNIQUE REFERENCES records(id), queued_at TEXT NOT NULL); "
                             "PRAGMA user_version = 4"));
        }
        a.reset();

        auto opened =
            Registry::unlock(path, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        CHECK_OK(opened);
        a = std::move(opened).value();
        auto set = a->quarantined(false);
        CHECK_OK(set);
        QCOMPARE(set->size(), 4);
        const QList<std::pair<QString, QString>> expected{{policy.id, QStringLiteral("payload")},
                                                          {orphan.id, QStringLiteral("patient_id")},
                                                          {badPeg.id, QStringLiteral("payload.pain")},
                                                          {correction.id, QStringLiteral("supersedes")}};
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(set->at(i).record.id, expected.at(i).first);
            QVERIFY2(set->at(i).field.startsWith(expected.at(i).second), qPrintable(set->at(i).field));
            QVERIFY(!set->at(i).message.isEmpty());
        }
        // The good ones stay, and every screen reads them (the shipped policy, one PEG).
        QCOMPARE(a->stats()->records, qint64(2));
        everyViewWorks(*a, patientId, 1);
        storage::Database &db = RegistryInternals::database(*a);
        QCOMPARE(db.scalarInt("SELECT count(*) FROM meta WHERE key = 'recheck_stored_records'").value(), 0);
        QCOMPARE(db.scalarText("SELECT group_concat(detail) FROM audit WHERE action = 'recheck_quarantine'").value(),
                 QStringLiteral("4 of 6 stored records set aside"));
        QVERIFY(a->verifyAudit()->intact);
        // Set aside, they can be withdrawn like any pulled record that was.
        CHECK_OK(a->withdrawQuarantined(set->at(1).id, QStringLiteral("PEG for a patient we never had")));

        // The next open does not scan again: a bad record slipped in now stays where it was put.
        {
            auto tx = storage::Transaction::begin(db);
            CHECK_OK(tx);
            domain::RecordEnvelope another = remote(QStringLiteral("peg"), newUuid(), stored.at(1).payload);
            CHECK_OK(storage::RecordStore(db).insert(another, false));
            CHECK_OK(tx->commit());
        }
        a.reset();
        opened = Registry::unlock(path, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        CHECK_OK(opened);
        a = std::move(opened).value();
        QCOMPARE(a->stats()->records, qint64(3));
        QCOMPARE(a->quarantined(true)->size(), 4);
        QCOMPARE(RegistryInternals::database(*a)
                     .scalarInt("SELECT count(*) FROM audit WHERE action = 'recheck_quarantine'")
                     .value(),
                 1);
    }

    void aTabletBehindTheServerNumbersItsNextWritesAfterIt()
    {
        auto a = newRegistry();
        auto id = a->addPatient(plainPatient(QStringLiteral("Ines Duarte"), QStringLiteral("R-1")));
        CHECK_OK(id);
        CHECK_OK(a->setSyncValue(QStringLiteral("cursor"), QStringLiteral("e:40")));
        QCOMPARE(a->writeCounter().value(), std::int64_t(1));
        CHECK_OK(a->resequenceAfter(40));
        QCOMPARE(a->writeCounter().value(), std::int64_t(40));
        QCOMPARE(a->syncValue(QStringLiteral("cursor")).value(), QString());  // the feed again, from the start
        QCOMPARE(a->syncValue(QStringLiteral("pull_own")).value(), QStringLiteral("1"));
        QCOMPARE(a->syncValue(QStringLiteral("pushed_through")).value(), QStringLiteral("40"));
        CHECK_OK(a->addPatient(plainPatient(QStringLiteral("Lena Ortiz"), QStringLiteral("R-2"))));
        const auto outbox = a->outbox(100).value();
        QCOMPARE(outbox.size(), 2);
        QCOMPARE(outbox.at(0).seq, std::int64_t(1));
        QCOMPARE(outbox.at(1).seq, std::int64_t(41));
        // Never backwards: a lower count leaves the counter where it is.
        CHECK_OK(a->resequenceAfter(5));
        QCOMPARE(a->writeCounter().value(), std::int64_t(41));
    }
};

QTEST_GUILESS_MAIN(TestQuarantine)
#include "test_quarantine.moc"
