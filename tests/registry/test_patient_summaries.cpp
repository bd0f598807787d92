// The per-patient summaries that the whole-registry screens read (roster, PEG outreach, gap
// worklists, cairnctl gaps) always say what a full evaluation of every record says: after random
// writes, corrections and withdrawals, pages merged from another tablet, clinic policy changes and
// a new day. Every write leaves no patient waiting for a recompute (the summary is written in the
// write's own transaction), and the huddle reads only the patients booked that day. A process
// killed while it applies a pulled page in bulk or recomputes every summary for a policy change
// loses nothing and leaves summaries equal to a full evaluation.

#include "core/clinical/population_views.h"
#include "core/domain/text.h"
#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/registry/views.h"
#include "core/storage/database.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"
#include "sync/protocol/protocol.h"
#include "tests/support/result_checks.h"
#include "tests/support/temp_registry.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace cairn;
using namespace cairn::registry;

namespace {

const QDateTime kStart(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
const QString kAdmin = QStringLiteral("Alex Admin");
const QString kAdminPin = QStringLiteral("246810");
const QString kClinician = QStringLiteral("Casey Clinician");
const QString kClinicianPin = QStringLiteral("1357");

QString describe(const clinical::CareGap &g)
{
    return QStringLiteral("%1 %2 due %3 %4 %5 [%6] %7")
        .arg(g.code, clinical::toString(g.status), g.due.toString(Qt::ISODate), clinical::toString(g.severity), g.role,
             g.scripts.join(QLatin1Char(',')), g.reason);
}

// One line per month and measure of everything the measures screen shows.
QStringList measureLines(const QList<clinical::MonthlyMeasures> &trend)
{
    QStringList lines;
    for (const clinical::MonthlyMeasures &m : trend) {
        lines << QStringLiteral("%1 %2 %3 %4 cot=%5")
                     .arg(m.month, m.evaluatedOn.toString(Qt::ISODate), m.prescriber, m.policyVersion)
                     .arg(m.cotPatients);
        for (const clinical::Measure &measure : m.measures) {
            lines << QStringLiteral("  %1 %2/%3 = %4 window %5 target %6 %7: %8 act on: %9")
                         .arg(measure.id)
                         .arg(measure.numerator)
                         .arg(measure.denominator)
                         .arg(measure.value, 0, 'f', 4)
                         .arg(measure.windowDays)
                         .arg(measure.target ? QString::number(*measure.target) : QStringLiteral("none"))
                         .arg(measure.lowerIsBetter ? QStringLiteral("ceiling") : QStringLiteral("floor"),
                              measure.patientIds.join(QLatin1Char(',')), measure.needActionIds.join(QLatin1Char(',')));
        }
    }
    return lines;
}

QString huddleLine(const QString &id, const QString &visitTime, const QString &tier, double mme, const QString &band,
                   const QList<QList<clinical::CareGap>> &groups)
{
    QString line = QStringLiteral("%1 %2 %3 %4 %5").arg(id, visitTime, tier).arg(mme, 0, 'f', 4).arg(band);
    for (const auto &group : groups) {
        line += QStringLiteral(" ||");
        for (const auto &gap : group)
            line += QStringLiteral(" | ") + describe(gap);
    }
    return line;
}

// One line per patient of everything a whole-registry screen shows from the rules engine.
QStringList screenLines(const RegistryEvaluation &e)
{
    QHash<const domain::Patient *, const clinical::PatientEvaluation *> byPatient;
    for (const auto &pe : e.evaluations)
        byPatient.insert(pe.patient, &pe);
    QStringList lines;
    for (qsizetype i = 0; i < e.patients.size(); ++i) {
        const domain::Patient &p = e.patients.at(i);
        QString line = QStringLiteral("%1 %2 %3").arg(p.id, p.name, e.ltotReasons.at(i));
        if (const auto *pe = byPatient.value(&p)) {
            line += QStringLiteral(" on-therapy tier=%1 mme=%2 band=%3")
                        .arg(domain::toString(pe->evaluation.tier))
                        .arg(pe->evaluation.mme.totalPerDay, 0, 'f', 4)
                        .arg(clinical::toString(pe->evaluation.mme.band));
            for (const auto &gap : pe->evaluation.gaps)
                line += QStringLiteral(" | ") + describe(gap);
        }
        lines << line;
    }
    return lines;
}

// A check made in a helper function ends the test when it failed there.
#define CHECKED(call)                                                                                                  \
    do {                                                                                                               \
        call;                                                                                                          \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

}  // namespace

class TestPatientSummaries : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    platform::FileKeystore m_keystore{m_dir.filePath(QStringLiteral("keys"))};
    ManualClock m_clock{kStart};
    QRandomGenerator m_random{20261206};

    std::unique_ptr<Registry> create(const QString &file, int patients, std::uint64_t seed)
    {
        auto admin = Registry::create(m_dir.filePath(file), m_keystore, kAdmin, kAdminPin, m_clock);
        if (!admin)
            qFatal("create: %s", qPrintable(admin.error().line()));
        if (!(*admin)->addUser(kClinician, keys::Role::Clinician, kClinicianPin))
            qFatal("add clinician");
        synthetic::Options clinic;
        clinic.patients = patients;
        clinic.seed = seed;
        clinic.asOf = kStart.date();
        if (patients > 0 && !(*admin)->addPatients(synthetic::generateClinic(clinic)))
            qFatal("seed");
        return std::move(admin).value();
    }

    std::unique_ptr<Registry> signIn(const QString &file, const QString &user, const QString &pin)
    {
        auto r = Registry::unlock(m_dir.filePath(file), m_keystore, user, pin, m_clock);
        if (!r)
            qFatal("unlock: %s", qPrintable(r.error().line()));
        return std::move(r).value();
    }

    // A clinic of `patients` made by create, closed, and opened again as the clinician: the
    // registry as a tablet opens it, its summaries read back from the file.
    std::unique_ptr<Registry> reopenedClinic(const QString &file, int patients, std::uint64_t seed)
    {
        create(file, patients, seed).reset();
        return signIn(file, kClinician, kClinicianPin);
    }

    // Two tablets of one clinic, opened as the clinician: A made the clinic of `patients`, B
    // pulled all of it; `pulledWrites` is B's write counter after that pull.
    struct TwoTablets {
        std::unique_ptr<Registry> a;
        std::unique_ptr<Registry> b;
        qint64 pulledWrites = 0;
    };
    TwoTablets tabletsOfOneClinic(const QString &fileA, const QString &fileB, int patients, std::uint64_t seed)
    {
        auto a = create(fileA, patients, seed);
        auto b = create(fileB, 0, 0);
        if (auto pulled = b->applyPulled(*a->outbox(1'000'000), QStringLiteral("1")); !pulled)
            qFatal("B's first pull: %s", qPrintable(pulled.error().line()));
        const qint64 pulledWrites = *b->writeCounter();
        a.reset();
        b.reset();
        return {signIn(fileA, kClinician, kClinicianPin), signIn(fileB, kClinician, kClinicianPin), pulledWrites};
    }

    // Every record of a new clinic of `patients` (made in `sourceFile`), written to `pageName` as
    // the sync server sends a page; the file's path, empty when it could not be written.
    QString pulledPageFile(const QString &sourceFile, int patients, std::uint64_t seed, const QString &pageName,
                           qsizetype *records)
    {
        auto source = create(sourceFile, patients, seed);
        auto outbox = source->outbox(1'000'000);
        if (!outbox)
            return {};
        QJsonArray page;
        for (const domain::RecordEnvelope &record : std::as_const(*outbox))
            page.append(sync::envelopeToJson(record));
        *records = page.size();
        QFile file(m_dir.filePath(pageName));
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(page).toJson(QJsonDocument::Compact)) < 0 ||
            !file.flush())
            return {};
        return file.fileName();
    }

    static qint64 scalar(Registry &r, const char *sql) { return *RegistryInternals::database(r).scalarInt(sql); }

    // Every row the query returns, its columns joined.
    static QStringList rows(Registry &r, const char *sql)
    {
        auto stmt = RegistryInternals::database(r).prepare(sql);
        if (!stmt)
            qFatal("%s: %s", sql, qPrintable(stmt.error().line()));
        QStringList lines;
        while (stmt->next()) {
            QStringList columns;
            for (int i = 0; i < stmt->columnCount(); ++i)
                columns << (stmt->isNull(i) ? QStringLiteral("NULL") : stmt->text(i));
            lines << columns.join(QLatin1Char('|'));
        }
        return lines;
    }

    // What a registry holds, table by table, in storage order: two registries that went through
    // the same records (one in bulk, one record by record) hold exactly this alike. Leaves out only
    // when a conflict was noticed and which recompute wrote a summary.
    static QList<QStringList> storedState(Registry &r)
    {
        QList<QStringList> state{
            rows(r, "SELECT * FROM records ORDER BY seq"),
            rows(r, "SELECT * FROM heads ORDER BY lineage"),
            rows(r, "SELECT id, lineage, patient_id, record_a, record_b, fields, reviewed_by FROM conflicts "
                    "ORDER BY id"),
            rows(r, "SELECT * FROM record_closes ORDER BY closed_id, record_id"),
            rows(r, "SELECT rowid, * FROM patients ORDER BY rowid"),
            rows(r, "SELECT patient_id, policy_version, on_therapy, ltot_reason, tier, band, total_mme, gaps, "
                    "next_visit, next_visit_time, last_peg, error, hex(measures), measures_error, measures_month, "
                    "valid_until FROM patient_summary ORDER BY patient_id"),
            rows(r, "SELECT * FROM summary_dirty ORDER BY patient_id"),
            rows(r, "SELECT record_id, patient_id, kind, payload, field, message FROM quarantine ORDER BY id"),
            rows(r, "SELECT * FROM outbox ORDER BY record_seq"),
            schemaOf(r)};
        return state;
    }

    // The same with who wrote the records and on which device left out (each registry has its own).
    static QList<QStringList> storedStateOfAnyOrigin(Registry &r)
    {
        QList<QStringList> state = storedState(r);
        const QStringList origins =
            rows(r, "SELECT DISTINCT author FROM records UNION SELECT DISTINCT device FROM records");
        for (QStringList &table : state) {
            for (QString &line : table) {
                for (const QString &origin : origins)
                    line.replace(origin, QStringLiteral("<origin>"));
            }
        }
        return state;
    }

    // The indexes and triggers, as the schema declares them (a bulk load drops and recreates some).
    static QStringList schemaOf(Registry &r)
    {
        return rows(r, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
    }

    void sameStoredState(Registry &bulk, Registry &oneByOne, bool anyOrigin = false)
    {
        const QList<QStringList> got = anyOrigin ? storedStateOfAnyOrigin(bulk) : storedState(bulk);
        const QList<QStringList> want = anyOrigin ? storedStateOfAnyOrigin(oneByOne) : storedState(oneByOne);
        for (qsizetype table = 0; table < want.size(); ++table) {
            for (qsizetype i = 0; i < std::min(got.at(table).size(), want.at(table).size()); ++i)
                QCOMPARE(got.at(table).at(i), want.at(table).at(i));
            QCOMPARE(got.at(table).size(), want.at(table).size());
        }
    }

    // The screens' source (summaries, for today) equals a full evaluation of every record.
    void sameAsFullEvaluation(Registry &r)
    {
        const QDate today = m_clock.now().date();
        auto fast = evaluateForView(r, View::RegistryList, today);
        CHECK_OK(fast);
        auto full = evaluateInFull(r, View::RegistryList, today);
        CHECK_OK(full);
        const QStringList fastLines = screenLines(*fast);
        const QStringList fullLines = screenLines(*full);
        for (qsizetype i = 0; i < std::min(fastLines.size(), fullLines.size()); ++i)
            QCOMPARE(fastLines.at(i), fullLines.at(i));
        QCOMPARE(fastLines.size(), fullLines.size());
        QVERIFY(!fast->evaluations.isEmpty());
        CHECKED(sameRosterAsFullEvaluation(r, *full));
        CHECKED(sameHuddleAsFullEvaluation(r));
        CHECKED(sameMeasuresAsFullEvaluation(r));
    }

    // The registry list (its order and search keys kept with the summaries) lists every patient by
    // name as the system locale sorts them, ties in search order, each with their search key.
    void sameRosterAsFullEvaluation(Registry &r, const RegistryEvaluation &full)
    {
        auto roster = rosterRows(r, m_clock.now().date());
        CHECK_OK(roster);
        QList<domain::Patient> byName = full.patients;  // in search order
        std::stable_sort(byName.begin(), byName.end(), [](const domain::Patient &a, const domain::Patient &b) {
            return a.name.localeAwareCompare(b.name) < 0;
        });
        QStringList got, want;
        for (const RosterRow &row : std::as_const(roster->rows))
            got << row.patientId + QLatin1Char('|') + row.name + QLatin1Char('|') + row.searchKey;
        for (const domain::Patient &p : std::as_const(byName))
            want << p.id + QLatin1Char('|') + p.name + QLatin1Char('|') + domain::patientSearchKey(p.name, p.clinicId);
        QCOMPARE(got, want);
    }

    // The huddle (today's from the summaries, other days' from the booked patients' records) lists
    // what the rules engine says of every record.
    void sameHuddleAsFullEvaluation(Registry &r)
    {
        const QDate today = m_clock.now().date();
        auto full = evaluateInFull(r, View::RegistryList, today);
        CHECK_OK(full);
        auto everyone = r.loadAllPatients(QStringLiteral("test"));
        CHECK_OK(everyone);
        for (const QDate &day : {today, today.addDays(1), today.addDays(3)}) {
            auto rows = huddleRows(r, day);
            CHECK_OK(rows);
            auto expected = clinical::huddleList(*everyone, day, full->rules.context());
            CHECK_OK(expected);
            QStringList got, want;
            for (const HuddleRow &row : std::as_const(*rows)) {
                got << huddleLine(row.patientId, row.visitTime, row.tier, row.totalMme, row.band,
                                  {row.rooming, row.clinician, row.registryManager});
            }
            for (const clinical::HuddleEntry &entry : std::as_const(*expected)) {
                want << huddleLine(entry.patient->id, entry.visitTime, domain::toString(entry.evaluation.tier),
                                   entry.evaluation.mme.totalPerDay, clinical::toString(entry.evaluation.mme.band),
                                   {entry.rooming, entry.clinician, entry.registryManager});
            }
            QCOMPARE(got, want);
        }
    }

    void sameMeasuresAsFullEvaluation(Registry &r)
    {
        const QDate today = m_clock.now().date();
        auto full = evaluateInFull(r, View::RegistryList, today);
        CHECK_OK(full);
        auto everyone = r.loadAllPatients(QStringLiteral("test"));
        CHECK_OK(everyone);
        // The measures screen's trend (from each patient's share kept in their summary) equals the
        // rules engine's trend over every record, for the clinic and for one prescriber.
        const QDate end = QDate(today.year(), today.month(), 1).addMonths(-1);
        for (const QString &prescriber : {QString(), everyone->first().prescriber}) {
            auto fastMeasures = measuresData(r, end.year(), end.month(), prescriber);
            CHECK_OK(fastMeasures);
            auto fullTrend =
                clinical::measureTrend(*everyone, end.year(), end.month(), prescriber, full->rules.context());
            CHECK_OK(fullTrend);
            // Every month's figures; the drill-down lists of the month the screen shows (the
            // months before are figures only).
            QVERIFY(!fullTrend->isEmpty());
            for (qsizetype i = 0; i + 1 < fullTrend->size(); ++i) {
                for (clinical::Measure &measure : (*fullTrend)[i].measures) {
                    measure.patientIds.clear();
                    measure.needActionIds.clear();
                }
            }
            QCOMPARE(measureLines(fastMeasures->trend), measureLines(*fullTrend));
            // The drill-down names every listed patient as their record does.
            for (const clinical::Measure &measure : fullTrend->last().measures) {
                for (const QString &id : measure.patientIds + measure.needActionIds) {
                    const auto patient = std::find_if(everyone->cbegin(), everyone->cend(),
                                                      [&id](const domain::Patient &p) { return p.id == id; });
                    QVERIFY(patient != everyone->cend());
                    QCOMPARE(fastMeasures->names.value(id).name, patient->name);
                    QCOMPARE(fastMeasures->names.value(id).clinicId, patient->clinicId);
                }
            }
            QCOMPARE(fastMeasures->trend.size(), 12);
        }
    }

    // Nothing is left for a later recompute: the write's own transaction brought its patient's
    // summary up to date.
    void nothingWaiting(Registry &r)
    {
        QCOMPARE(scalar(r, "SELECT count(*) FROM summary_dirty"), 0);
        QCOMPARE(scalar(r, "SELECT count(*) FROM patient_summary"),
                 scalar(r, "SELECT count(DISTINCT patient_id) FROM records WHERE kind = 'patient'"));
    }

    domain::Patient randomPatient(Registry &r)
    {
        auto list = r.listPatients();
        if (!list || list->isEmpty())
            qFatal("no patients");
        auto p = r.loadPatient(list->at(m_random.bounded(list->size())).id);
        if (!p)
            qFatal("load: %s", qPrintable(p.error().line()));
        return std::move(p).value();
    }

    // One random clinical write a clinician could make today.
    void randomWrite(Registry &r)
    {
        const QDate today = m_clock.now().date();
        domain::Patient p = randomPatient(r);
        switch (m_random.bounded(9)) {
        case 0: {
            domain::PegScore peg;
            peg.date = today.addDays(-m_random.bounded(200));
            peg.pain = m_random.bounded(11);
            peg.enjoyment = m_random.bounded(11);
            peg.activity = m_random.bounded(11);
            CHECK_OK(r.addRecord(p.id, peg));
            break;
        }
        case 1: {
            domain::PdmpCheck check;
            check.date = today.addDays(-m_random.bounded(120));
            check.checkedBy = kClinician;
            CHECK_OK(r.addRecord(p.id, check));
            break;
        }
        case 2: {
            domain::UrineDrugScreen uds;
            uds.date = today.addDays(-m_random.bounded(400));
            uds.result = m_random.bounded(2) ? domain::UdsResult::Expected : domain::UdsResult::Unexpected;
            CHECK_OK(r.addRecord(p.id, uds));
            break;
        }
        case 3: {
            domain::Visit visit;
            visit.date = today.addDays(m_random.bounded(4));
            visit.time = QStringLiteral("%1:30").arg(8 + m_random.bounded(9), 2, 10, QLatin1Char('0'));
            CHECK_OK(r.addRecord(p.id, visit));
            break;
        }
        case 4:  // a corrected PEG
            if (!p.peg.isEmpty()) {
                domain::PegScore peg = p.peg.at(m_random.bounded(p.peg.size()));
                peg.pain = (peg.pain + 3) % 11;
                peg.date = peg.date.addDays(-7);
                CHECK_OK(
                    r.correctRecord(peg.meta.id.toString(QUuid::WithoutBraces), peg, QStringLiteral("wrong score")));
            }
            break;
        case 5:  // a PDMP check withdrawn
            if (!p.pdmpChecks.isEmpty()) {
                const auto &check = p.pdmpChecks.at(m_random.bounded(p.pdmpChecks.size()));
                CHECK_OK(r.retractRecord(check.meta.id.toString(QUuid::WithoutBraces),
                                         QStringLiteral("entered for the wrong patient")));
            }
            break;
        case 6:  // a dose change: the current opioid stops today, so MME and tier move
            if (!p.opioids.isEmpty()) {
                domain::OpioidEntry opioid = p.opioids.last();
                if (!opioid.end.isValid() || opioid.end > today) {
                    opioid.end = today.addDays(-1);
                    CHECK_OK(r.correctRecord(opioid.meta.id.toString(QUuid::WithoutBraces), opioid,
                                             QStringLiteral("stopped")));
                }
            }
            break;
        case 7: {  // a new name: the patient moves in the lists' order
            domain::Patient renamed = p;
            renamed.name = QStringLiteral("%1 Renamed %2")
                               .arg(m_random.bounded(2) ? QStringLiteral("Aaron") : QStringLiteral("Zoe"))
                               .arg(m_random.bounded(1000));
            CHECK_OK(r.updateDemographics(renamed));
            break;
        }
        default: {
            domain::Patient fresh;
            fresh.name = QStringLiteral("Summary Test %1").arg(m_random.bounded(100000));
            fresh.clinicId = QStringLiteral("ST-%1").arg(m_random.bounded(1000000));
            fresh.birthDate = QDate(1960, 1, 1).addDays(m_random.bounded(9000));
            fresh.sex = domain::Sex::Female;
            fresh.prescriber = QStringLiteral("Dr Rivera");
            auto id = r.addPatient(fresh);
            CHECK_OK(id);
            domain::OpioidEntry opioid;
            opioid.drug = QStringLiteral("oxycodone");
            opioid.strengthMg = 10;
            opioid.dosesPerDay = 2 + m_random.bounded(4);
            opioid.start = today.addDays(-200);
            CHECK_OK(r.addRecord(*id, opioid));
            break;
        }
        }
    }

    // Runs summary_crash_worker on a copy of `pristine`; kills it `killAfterMs` after it starts
    // its write (never, when negative). The copy's path, and how long the write took when not killed.
    QString runWorker(const QString &pristine, const QString &copy, const QStringList &args, int killAfterMs,
                      qint64 *tookMs = nullptr)
    {
        QStringList files = cairn::testing::databaseFiles(m_dir.filePath(pristine));
        files << m_dir.filePath(pristine) + QStringLiteral(".keys");
        for (const QString &file : std::as_const(files)) {
            const QString target = m_dir.filePath(copy) + file.mid(m_dir.filePath(pristine).size());
            QFile::remove(target);
            if (!QFile::copy(file, target))
                qFatal("copy %s", qPrintable(file));
        }
        return runWorkerOn(copy, args, killAfterMs, tookMs);
    }

    // The same on `file` as it is.
    QString runWorkerOn(const QString &copy, const QStringList &args, int killAfterMs, qint64 *tookMs = nullptr)
    {
        QProcess worker;
        QStringList arguments{args.first(), m_dir.filePath(copy), m_dir.filePath(QStringLiteral("keys")),
                              m_clock.now().toString(Qt::ISODate)};
        arguments += args.mid(1);
        worker.start(qEnvironmentVariable("SUMMARY_CRASH_WORKER"), arguments);
        if (!worker.waitForStarted())
            qFatal("worker did not start");
        QByteArray out;
        while (!out.contains("start\n")) {
            if (!worker.waitForReadyRead(60000))
                qFatal("worker: %s", worker.readAllStandardError().constData());
            out += worker.readAllStandardOutput();
        }
        QElapsedTimer timer;
        timer.start();
        if (killAfterMs >= 0) {
            QTest::qSleep(killAfterMs);
            ::kill(static_cast<pid_t>(worker.processId()), SIGKILL);
        }
        worker.waitForFinished(120000);
        if (tookMs)
            *tookMs = timer.elapsed();
        if (killAfterMs < 0 && (worker.exitStatus() != QProcess::NormalExit || worker.exitCode() != 0))
            qFatal("worker failed: %s", worker.readAllStandardError().constData());
        return copy;
    }

    // After a kill: the file is whole, the write is there entirely or not at all, and the summaries
    // equal a full evaluation.
    void allOrNothingAndSummariesTrue(const QString &file, const char *countSql, qint64 before, qint64 after)
    {
        auto r = signIn(file, kClinician, kClinicianPin);
        QCOMPARE(*RegistryInternals::database(*r).scalarText("PRAGMA integrity_check"), QStringLiteral("ok"));
        const qint64 count = scalar(*r, countSql);
        qInfo("%s: %s", qPrintable(file),
              count == before && before != after ? "killed before its commit" : "committed");
        QVERIFY2(count == before || count == after,
                 qPrintable(QStringLiteral("%1 after the kill: neither %2 nor %3").arg(count).arg(before).arg(after)));
        CHECKED(sameAsFullEvaluation(*r));
    }

private slots:
    void init() { m_clock.set(kStart); }

    void randomWritesKeepSummariesEqualToFullEvaluation()
    {
        auto r = reopenedClinic(QStringLiteral("writes.db"), 60, 11);
        CHECKED(sameAsFullEvaluation(*r));
        for (int i = 0; i < 80; ++i) {
            CHECKED(randomWrite(*r));
            CHECKED(nothingWaiting(*r));
            if (i % 10 == 9)
                CHECKED(sameAsFullEvaluation(*r));
        }
        CHECKED(sameAsFullEvaluation(*r));
    }

    // Each read after a write parses only the summaries that write changed, and still equals a
    // full evaluation: the registry list, the huddle and the measures after every single write.
    void readAfterEachWriteParsesOnlyWhatChanged()
    {
        auto r = reopenedClinic(QStringLiteral("incremental.db"), 40, 21);
        CHECKED(sameAsFullEvaluation(*r));
        const QDate today = m_clock.now().date();
        CHECK_OK(evaluateForView(*r, View::RegistryList, today));
        QCOMPARE(RegistryInternals::summariesParsedLastRead(*r), 0);  // nothing changed since
        auto list = r->listPatients();
        CHECK_OK(list);
        domain::PegScore peg;
        peg.date = today;
        peg.pain = 4;
        peg.enjoyment = 5;
        peg.activity = 6;
        CHECK_OK(r->addRecord(list->at(7).id, peg));
        CHECK_OK(evaluateForView(*r, View::RegistryList, today));
        QCOMPARE(RegistryInternals::summariesParsedLastRead(*r), 1);
        for (int i = 0; i < 30; ++i) {
            // Every other write while a reader still holds the last list (a screen between two
            // refreshes): the held list stays as it was read, and the next read is still exact.
            std::optional<RegistryEvaluation> held;
            if (i % 2 == 1) {
                auto read = evaluateForView(*r, View::RegistryList, today);
                CHECK_OK(read);
                held = std::move(read).value();
            }
            const QStringList heldLines = held ? screenLines(*held) : QStringList();
            CHECKED(randomWrite(*r));
            CHECKED(sameAsFullEvaluation(*r));
            if (held)
                QCOMPARE(screenLines(*held), heldLines);
        }
    }

    void mergedPagesKeepSummariesEqualToFullEvaluation()
    {
        // Tablet B takes A's clinic, both write offline (B corrects some of A's records), then each
        // applies the other's page.
        auto [clinicianA, clinicianB, pulledWrites] =
            tabletsOfOneClinic(QStringLiteral("a.db"), QStringLiteral("b.db"), 40, 12);
        CHECKED(sameAsFullEvaluation(*clinicianB));
        const qint64 aWroteBefore = *clinicianA->writeCounter();
        for (int i = 0; i < 25; ++i) {
            CHECKED(randomWrite(*clinicianA));
            CHECKED(randomWrite(*clinicianB));
        }
        auto fromB = clinicianB->outbox(1'000'000);
        CHECK_OK(fromB);
        CHECK_OK(clinicianA->applyPulled(*fromB, QStringLiteral("2")));
        CHECKED(nothingWaiting(*clinicianA));
        CHECKED(sameAsFullEvaluation(*clinicianA));
        QList<domain::RecordEnvelope> fromA;
        auto outboxA = clinicianA->outbox(1'000'000);
        CHECK_OK(outboxA);
        for (const auto &record : std::as_const(*outboxA)) {
            if (record.seq > aWroteBefore)
                fromA << record;
        }
        QVERIFY(!fromA.isEmpty());
        CHECK_OK(clinicianB->applyPulled(fromA, QStringLiteral("3")));
        CHECKED(nothingWaiting(*clinicianB));
        CHECKED(sameAsFullEvaluation(*clinicianB));
    }

    void aPullInPagesRecomputesSummariesWithTheLastPage()
    {
        auto a = create(QStringLiteral("pages-a.db"), 40, 14);
        create(QStringLiteral("pages-b.db"), 0, 0).reset();
        auto feed = a->outbox(1'000'000);
        CHECK_OK(feed);
        a.reset();
        auto b = signIn(QStringLiteral("pages-b.db"), kClinician, kClinicianPin);
        const qsizetype pageSize = feed->size() / 3 + 1;
        for (qsizetype at = 0; at < feed->size(); at += pageSize) {
            const bool last = at + pageSize >= feed->size();
            CHECK_OK(b->applyPulled(feed->mid(at, pageSize), QString::number(at),
                                    last ? Registry::FeedPosition::LastPage : Registry::FeedPosition::MorePagesFollow));
            if (last)
                break;
            // Left marked with the page; the huddle and the lists still show what the records say.
            QVERIFY(scalar(*b, "SELECT count(*) FROM summary_dirty") > 0);
            CHECKED(sameHuddleAsFullEvaluation(*b));
            CHECKED(sameAsFullEvaluation(*b));
        }
        CHECKED(nothingWaiting(*b));
        CHECKED(sameAsFullEvaluation(*b));
    }

    // A first pull into an empty registry goes in bulk (indexes, heads and summary marks built after
    // the rows); it ends exactly where applying the same feed record by record ends: corrections,
    // concurrent versions merged with their conflicts, withdrawals, a renamed patient, a duplicate
    // and a record set aside included, with the schema's indexes in place.
    void aFirstPullInBulkEndsWhereOneRecordAtATimeEnds()
    {
        auto [clinicianA, clinicianB, bWroteBefore] =
            tabletsOfOneClinic(QStringLiteral("bulk-a.db"), QStringLiteral("bulk-b.db"), 30, 31);
        for (int i = 0; i < 40; ++i) {
            CHECKED(randomWrite(*clinicianA));
            CHECKED(randomWrite(*clinicianB));
        }
        // The server's feed: A's records, then what B wrote offline (corrections of the same
        // records as A's: merged, some in conflict), one of them twice, and one for a patient
        // nobody holds.
        auto feed = clinicianA->outbox(1'000'000);
        CHECK_OK(feed);
        auto fromB = clinicianB->outbox(1'000'000);
        CHECK_OK(fromB);
        for (const auto &record : std::as_const(*fromB)) {
            if (record.seq > bWroteBefore)
                feed->append(record);
        }
        feed->append(feed->at(feed->size() / 2));
        domain::RecordEnvelope stray = feed->last();
        stray.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        stray.patientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        stray.kind = QStringLiteral("peg");
        stray.supersedes.clear();
        stray.closes.clear();
        stray.retracted = false;
        feed->insert(feed->size() / 3, stray);
        clinicianA.reset();
        clinicianB.reset();

        create(QStringLiteral("bulk-c.db"), 0, 0).reset();
        create(QStringLiteral("bulk-d.db"), 0, 0).reset();
        auto inBulk = signIn(QStringLiteral("bulk-c.db"), kClinician, kClinicianPin);
        auto oneByOne = signIn(QStringLiteral("bulk-d.db"), kClinician, kClinicianPin);
        const QStringList freshSchema = schemaOf(*oneByOne);
        CHECK_OK(inBulk->applyPulled(*feed, QStringLiteral("c")));
        // Once a record is here, the rest of the feed goes in one record at a time.
        CHECK_OK(oneByOne->applyPulled(feed->mid(0, 1), QStringLiteral("c"), Registry::FeedPosition::MorePagesFollow));
        CHECK_OK(oneByOne->applyPulled(feed->mid(1), QStringLiteral("c")));
        QVERIFY(scalar(*inBulk, "SELECT count(*) FROM conflicts") > 0);
        QVERIFY(scalar(*inBulk, "SELECT count(*) FROM heads WHERE merged_payload IS NOT NULL") > 0);
        QVERIFY(scalar(*inBulk, "SELECT count(*) FROM heads WHERE live = 0") > 0);
        QCOMPARE(scalar(*inBulk, "SELECT count(*) FROM quarantine"), 1);
        QCOMPARE(schemaOf(*inBulk), freshSchema);
        CHECKED(sameStoredState(*inBulk, *oneByOne));
        CHECKED(nothingWaiting(*inBulk));
        CHECKED(sameAsFullEvaluation(*inBulk));
    }

    // Seeding a new registry goes in bulk too, and stores what seeding record by record stores.
    void seedingANewRegistryInBulkStoresWhatOneByOneStores()
    {
        synthetic::Options clinic;
        clinic.patients = 25;
        clinic.seed = 41;
        clinic.asOf = kStart.date();
        const QList<domain::Patient> patients = synthetic::generateClinic(clinic);
        auto inBulk = create(QStringLiteral("seed-bulk.db"), 0, 0);
        auto oneByOne = create(QStringLiteral("seed-one.db"), 0, 0);
        const QStringList freshSchema = schemaOf(*oneByOne);
        CHECK_OK(inBulk->addPatients(patients));
        CHECK_OK(oneByOne->addPatients(patients.mid(0, 1)));
        CHECK_OK(oneByOne->addPatients(patients.mid(1)));
        QCOMPARE(schemaOf(*inBulk), freshSchema);
        CHECKED(sameStoredState(*inBulk, *oneByOne, true));
        CHECKED(nothingWaiting(*inBulk));
        CHECKED(sameAsFullEvaluation(*inBulk));
    }

    void policyChangeAndNewDayRecomputeEverySummary()
    {
        create(QStringLiteral("policy.db"), 50, 13).reset();
        {
            auto admin = signIn(QStringLiteral("policy.db"), kAdmin, kAdminPin);
            CHECKED(sameAsFullEvaluation(*admin));
            // Monthly PEGs for every tier and a stricter long-term definition: gaps, owners and who
            // counts as on long-term therapy all change.
            CHECK_OK(admin->setClinicPolicy(QJsonObject{
                {QStringLiteral("intervals_days"),
                 QJsonObject{{QStringLiteral("peg"), QJsonObject{{QStringLiteral("low"), 30},
                                                                 {QStringLiteral("moderate"), 30},
                                                                 {QStringLiteral("high"), 30}}}}},
                {QStringLiteral("ltot_definition"), QJsonObject{{QStringLiteral("min_days_covered_percent"), 80}}},
                {QStringLiteral("responsibilities"), QJsonObject{{QStringLiteral("PEG"), QStringLiteral("nurse")}}}}));
            CHECKED(nothingWaiting(*admin));
            CHECKED(sameAsFullEvaluation(*admin));
        }
        auto r = signIn(QStringLiteral("policy.db"), kClinician, kClinicianPin);
        const QStringList before = screenLines(*evaluateForView(*r, View::RegistryList, m_clock.now().date()));
        // A new day with no write: the first read recomputes every summary that day changes.
        m_clock.set(kStart.addDays(45));
        CHECKED(sameAsFullEvaluation(*r));
        QVERIFY(screenLines(*evaluateForView(*r, View::RegistryList, m_clock.now().date())) != before);
        // And a write on the next day brings the summaries up to date before it commits.
        m_clock.set(kStart.addDays(46));
        CHECKED(randomWrite(*r));
        CHECKED(nothingWaiting(*r));
        QCOMPARE(scalar(*r, "SELECT count(*) FROM meta WHERE key = 'summary_as_of' AND value = '2027-01-08'"), 1);
        CHECKED(sameAsFullEvaluation(*r));
    }

    // A policy change recomputes every summary from one scan of the registry, each patient
    // summarised as soon as the scan is past the patient's last record, not once the whole
    // registry is in memory. After writes across patients (corrections, withdrawals, new records
    // of patients seeded long before), a patient's records lie far apart in the scan: every summary
    // is still recomputed, and equals a full evaluation.
    void everySummaryRecomputedInOneScanEqualsAFullEvaluation()
    {
        create(QStringLiteral("scan.db"), 260, 23).reset();
        {
            auto r = signIn(QStringLiteral("scan.db"), kClinician, kClinicianPin);
            for (int i = 0; i < 60; ++i)
                CHECKED(randomWrite(*r));
        }
        auto admin = signIn(QStringLiteral("scan.db"), kAdmin, kAdminPin);
        const QJsonObject monthly{
            {QStringLiteral("low"), 30}, {QStringLiteral("moderate"), 30}, {QStringLiteral("high"), 30}};
        CHECK_OK(admin->setClinicPolicy(
            QJsonObject{{QStringLiteral("intervals_days"), QJsonObject{{QStringLiteral("peg"), monthly}}}}));
        CHECKED(nothingWaiting(*admin));
        // Every patient's from the one recompute (over the 200 read one by one): none left behind.
        const qint64 patients = scalar(*admin, "SELECT count(*) FROM patients");
        QVERIFY(patients >= 260);
        QCOMPARE(scalar(*admin, "SELECT count(*) FROM patient_summary"), patients);
        QCOMPARE(scalar(*admin, "SELECT count(DISTINCT computed_seq) FROM patient_summary"), 1);
        CHECKED(sameAsFullEvaluation(*admin));
    }

    // A new day recomputes only the summaries whose date has come, and what every screen shows
    // still equals a full evaluation: day after day, across two month boundaries (the measures
    // move to the next month), after writes and a policy change, and after a jump past the months
    // the stored measures cover.
    void newDaysRecomputeOnlyWhatTheDateChanges()
    {
        const int patients = 60;
        auto r = reopenedClinic(QStringLiteral("days.db"), patients, 17);
        CHECKED(sameAsFullEvaluation(*r));
        qsizetype recomputedOnPlainDays = 0;
        int plainDays = 0;
        // 2026-11-24 .. 2026-12-02 day by day (2026-12-01 begins a month), then on to January.
        QList<int> offsets;
        for (int ahead = 1; ahead <= 9; ++ahead)
            offsets << ahead;
        offsets << 12 << 20 << 38 << 39 << 40 << 55 << 130;
        // Whether the day before prepared every summary that expires (app idle), and nothing was
        // written after: then its first read recomputes none.
        bool allPrepared = false;
        int preparedDays = 0;
        for (int ahead : std::as_const(offsets)) {
            const bool consecutive = m_clock.now().date().daysTo(kStart.addDays(ahead).date()) == 1;
            m_clock.set(kStart.addDays(ahead));
            CHECK_OK(evaluateForView(*r, View::RegistryList, m_clock.now().date()));
            // Nothing is prepared for a later day than today until the app prepares tomorrow.
            QCOMPARE(scalar(*r, "SELECT count(*) FROM patient_summary_ahead WHERE as_of > (SELECT value FROM meta "
                                "WHERE key = 'summary_as_of')"),
                     0);
            if (allPrepared && consecutive) {
                QCOMPARE(RegistryInternals::summariesRecomputedLastRead(*r), 0);
                ++preparedDays;
            }
            if (ahead <= 9) {
                recomputedOnPlainDays += RegistryInternals::summariesParsedLastRead(*r);
                ++plainDays;
            }
            CHECKED(sameAsFullEvaluation(*r));
            // Tomorrow prepared ahead: in full, or one small batch of it (the app was closed early),
            // before the day's writes and policy change, which must discard what they change.
            if (ahead % 4 == 2) {
                auto handled = r->prepareSummariesAhead(3);
                CHECK_OK(handled);
                allPrepared = *handled < 3;
            } else {
                for (;;) {
                    auto handled = r->prepareSummariesAhead(7);
                    CHECK_OK(handled);
                    if (*handled < 7)
                        break;
                }
                allPrepared = true;
                // Preparing tomorrow dropped what was prepared for today and earlier days.
                QCOMPARE(scalar(*r, "SELECT count(*) FROM patient_summary_ahead WHERE as_of <= (SELECT value FROM "
                                    "meta WHERE key = 'summary_as_of')"),
                         0);
            }
            if (ahead % 3 == 0) {
                allPrepared = false;
                CHECKED(randomWrite(*r));
                CHECKED(nothingWaiting(*r));
                CHECKED(sameAsFullEvaluation(*r));
            }
            if (ahead == 20) {
                allPrepared = false;
                r.reset();
                {
                    auto admin = signIn(QStringLiteral("days.db"), kAdmin, kAdminPin);
                    CHECK_OK(admin->setClinicPolicy(QJsonObject{
                        {QStringLiteral("intervals_days"),
                         QJsonObject{{QStringLiteral("pdmp"), QJsonObject{{QStringLiteral("low"), 60},
                                                                          {QStringLiteral("moderate"), 45},
                                                                          {QStringLiteral("high"), 30}}}}}}));
                }
                r = signIn(QStringLiteral("days.db"), kClinician, kClinicianPin);
                CHECKED(sameAsFullEvaluation(*r));
            }
        }
        QVERIFY(preparedDays >= 3);
        // Most summaries hold from one day to the next: far fewer than every patient each day.
        QVERIFY2(recomputedOnPlainDays < qsizetype{patients} * plainDays / 2,
                 qPrintable(QStringLiteral("%1 recomputed over %2 days").arg(recomputedOnPlainDays).arg(plainDays)));
    }

    void killedWhileRecomputingEverySummaryForAPolicyChange()
    {
        create(QStringLiteral("crash-policy.db"), 300, 15).reset();
        const char *policies = "SELECT count(*) FROM records WHERE kind = 'clinic_policy'";
        qint64 took = 0;
        allOrNothingAndSummariesTrue(runWorker(QStringLiteral("crash-policy.db"), QStringLiteral("policy-done.db"),
                                               {QStringLiteral("policy")}, -1, &took),
                                     policies, 1, 1);
        for (int part = 1; part <= 4; ++part) {
            const QString copy = QStringLiteral("policy-kill-%1.db").arg(part);
            allOrNothingAndSummariesTrue(runWorker(QStringLiteral("crash-policy.db"), copy, {QStringLiteral("policy")},
                                                   static_cast<int>(took * part / 5)),
                                         policies, 0, 1);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // Killed while tomorrow's summaries are prepared, then while the next day's first read brings
    // the summaries up to date (moving the prepared ones, recomputing the rest): nothing lost, and
    // the next day's screens equal a full evaluation.
    void killedWhilePreparingAndRecomputingSummariesForANewDay()
    {
        create(QStringLiteral("crash-day.db"), 300, 18).reset();
        const char *records = "SELECT count(*) FROM records";
        qint64 recordCount = 0;
        {
            auto r = signIn(QStringLiteral("crash-day.db"), kClinician, kClinicianPin);
            recordCount = scalar(*r, records);
        }
        // Six days after seeding, when the summaries of most patients end the next day.
        const QDateTime today = kStart.addDays(6);
        const QDateTime tomorrow = today.addDays(1);
        m_clock.set(today);
        qint64 took = 0;
        runWorker(QStringLiteral("crash-day.db"), QStringLiteral("ahead-done.db"), {QStringLiteral("ahead")}, -1,
                  &took);
        for (int part = 1; part <= 3; ++part) {
            const QString copy = QStringLiteral("ahead-kill-%1.db").arg(part);
            m_clock.set(today);
            runWorker(QStringLiteral("crash-day.db"), copy, {QStringLiteral("ahead")},
                      static_cast<int>(took * part / 4));
            m_clock.set(tomorrow);
            allOrNothingAndSummariesTrue(copy, records, recordCount, recordCount);
            if (QTest::currentTestFailed())
                return;
        }
        // Half prepared, then the next day's first read killed at several moments.
        m_clock.set(today);
        runWorker(QStringLiteral("crash-day.db"), QStringLiteral("day-half.db"), {QStringLiteral("ahead")},
                  static_cast<int>(took / 2));
        m_clock.set(tomorrow);
        const QByteArray nextDay = "SELECT count(*) FROM meta WHERE key = 'summary_as_of' AND value = '" +
                                   tomorrow.date().toString(Qt::ISODate).toLatin1() + "'";
        runWorker(QStringLiteral("day-half.db"), QStringLiteral("newday-done.db"), {QStringLiteral("newday")}, -1,
                  &took);
        allOrNothingAndSummariesTrue(QStringLiteral("newday-done.db"), nextDay.constData(), 1, 1);
        for (int part = 1; part <= 4; ++part) {
            const QString copy = QStringLiteral("newday-kill-%1.db").arg(part);
            allOrNothingAndSummariesTrue(runWorker(QStringLiteral("day-half.db"), copy, {QStringLiteral("newday")},
                                                   static_cast<int>(took * part / 5)),
                                         nextDay.constData(), 0, 1);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void killedWhileApplyingAPulledPageInBulk()
    {
        create(QStringLiteral("crash-page.db"), 100, 16).reset();
        qsizetype pageSize = 0;
        const QString pageFile =
            pulledPageFile(QStringLiteral("crash-source.db"), 250, 17, QStringLiteral("page.json"), &pageSize);
        QVERIFY(!pageFile.isEmpty());
        qint64 before = 0;
        {
            auto r = signIn(QStringLiteral("crash-page.db"), kClinician, kClinicianPin);
            before = scalar(*r, "SELECT count(*) FROM records");
        }
        const char *records = "SELECT count(*) FROM records";
        const qint64 after = before + pageSize;
        qint64 took = 0;
        allOrNothingAndSummariesTrue(runWorker(QStringLiteral("crash-page.db"), QStringLiteral("page-done.db"),
                                               {QStringLiteral("page"), pageFile}, -1, &took),
                                     records, after, after);
        for (int part = 1; part <= 4; ++part) {
            const QString copy = QStringLiteral("page-kill-%1.db").arg(part);
            allOrNothingAndSummariesTrue(runWorker(QStringLiteral("crash-page.db"), copy,
                                                   {QStringLiteral("page"), pageFile},
                                                   static_cast<int>(took * part / 5)),
                                         records, before, after);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // A first pull into an empty registry, killed while its page goes in bulk (indexes dropped,
    // rows half in): the registry is as it was, indexes included, and the next pull completes
    // with summaries equal to a full evaluation.
    void killedWhileApplyingAFirstPullInBulk()
    {
        create(QStringLiteral("crash-empty.db"), 0, 0).reset();
        QStringList freshSchema;
        {
            auto r = signIn(QStringLiteral("crash-empty.db"), kClinician, kClinicianPin);
            freshSchema = schemaOf(*r);
        }
        qsizetype pageSize = 0;
        const QString pageFile = pulledPageFile(QStringLiteral("crash-first-source.db"), 200, 18,
                                                QStringLiteral("first-page.json"), &pageSize);
        QVERIFY(!pageFile.isEmpty());
        const QStringList args{QStringLiteral("page"), pageFile};
        qint64 took = 0;
        runWorker(QStringLiteral("crash-empty.db"), QStringLiteral("first-done.db"), args, -1, &took);
        for (int part = 1; part <= 4; ++part) {
            const QString copy = QStringLiteral("first-kill-%1.db").arg(part);
            runWorker(QStringLiteral("crash-empty.db"), copy, args, static_cast<int>(took * part / 5));
            {
                auto r = signIn(copy, kClinician, kClinicianPin);
                QCOMPARE(*RegistryInternals::database(*r).scalarText("PRAGMA integrity_check"), QStringLiteral("ok"));
                QCOMPARE(schemaOf(*r), freshSchema);
                const qint64 count = scalar(*r, "SELECT count(*) FROM records");
                qInfo("%s: %s", qPrintable(copy), count == 0 ? "killed before its commit" : "committed");
                QVERIFY(count == 0 || count == pageSize);
                QCOMPARE(scalar(*r, "SELECT count(*) FROM heads"),
                         count == 0 ? 0 : scalar(*r, "SELECT count(*) FROM records"));
            }
            // The next pull brings the same page again.
            runWorkerOn(copy, args, -1);
            auto r = signIn(copy, kClinician, kClinicianPin);
            QCOMPARE(scalar(*r, "SELECT count(*) FROM records"), qint64(pageSize));
            QCOMPARE(schemaOf(*r), freshSchema);
            CHECKED(nothingWaiting(*r));
            CHECKED(sameAsFullEvaluation(*r));
        }
    }

    // A summary's gaps name their texts by id: a registry whose stored gaps cannot be read back
    // (bytes cut short, or a text missing) refuses the list with the reason rather than show those
    // patients without their gaps.
    void storedGapsThatCannotBeReadAreRefusedNotShownEmpty()
    {
        create(QStringLiteral("unreadable.db"), 20, 15).reset();
        auto r = signIn(QStringLiteral("unreadable.db"), kClinician, kClinicianPin);
        CHECKED(sameAsFullEvaluation(*r));
        QVERIFY(scalar(*r, "SELECT count(*) FROM summary_text") > 0);
        const QDate today = m_clock.now().date();
        // A text one summary names goes missing.
        CHECK_OK(RegistryInternals::database(*r).exec(
            "DELETE FROM summary_text WHERE id = (SELECT min(id) FROM summary_text); "
            "UPDATE patient_summary SET computed_seq = computed_seq + 1000"));
        // The texts already read stay known to this reader; a registry unlocked afresh reads them again.
        r.reset();
        r = signIn(QStringLiteral("unreadable.db"), kClinician, kClinicianPin);
        auto read = evaluateForView(*r, View::RegistryList, today);
        QVERIFY(!read);
        QCOMPARE(read.error().field, QStringLiteral("gaps"));
        QVERIFY2(read.error().message.contains(QStringLiteral("unreadable")), qPrintable(read.error().message));
    }

    // Another day's list (cairnctl gaps --as-of) is evaluated in full and never touches the
    // summaries kept for today.
    void anotherDayIsEvaluatedInFull()
    {
        create(QStringLiteral("asof.db"), 30, 14).reset();
        auto r = signIn(QStringLiteral("asof.db"), kClinician, kClinicianPin);
        CHECKED(sameAsFullEvaluation(*r));
        const QDate past = m_clock.now().date().addDays(-60);
        auto fast = evaluateForView(*r, View::RegistryList, past);
        CHECK_OK(fast);
        auto full = evaluateInFull(*r, View::RegistryList, past);
        CHECK_OK(full);
        QCOMPARE(screenLines(*fast), screenLines(*full));
        QCOMPARE(scalar(*r, "SELECT count(*) FROM meta WHERE key = 'summary_as_of' AND value = '2026-11-23'"), 1);
    }
};

QTEST_GUILESS_MAIN(TestPatientSummaries)
#include "test_patient_summaries.moc"
