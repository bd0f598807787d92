// Loading the whole registry reads the current rows' text straight into patients (no envelopes,
// no QJsonObject per payload). It must give exactly what reading each patient through envelopes
// gives: the same values, the same order, the same errors, corrections, withdrawals and merges of
// concurrent versions included.

#include "core/domain/record_json.h"
#include "core/domain/text.h"
#include "core/registry/patient_records.h"
#include "core/registry/registry.h"
#include "core/registry/registry_internals.h"
#include "core/storage/record_store.h"
#include "core/synthetic/synthetic_clinic.h"
#include "platform/keystore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;
using namespace cairn::registry;

namespace {
const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
}  // namespace

// The test data below is raw string literals, which moc cannot read: the slots are defined
// after the class.
class TestLoadAll : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    platform::MemoryKeystore m_keystore;
    ManualClock m_clock{kNow};

private slots:
    void payloadTextReadsAsQJsonDocumentDoes_data();
    void payloadTextReadsAsQJsonDocumentDoes();
    void demographicsTextReadsAsQJsonDocumentDoes();
    void wholeRegistryLoadsAsEachPatientDoes();
};

namespace {

// QJsonValue's == treats an integer and a double of the same value as equal; a reader must keep
// which one the text held (it shows in toVariant()).
bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameJson(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (const QString &key : x.keys()) {
            if (!sameJson(x.value(key), y.value(key)))
                return false;
        }
        return true;
    }
    return a == b && a.toVariant().metaType() == b.toVariant().metaType();
}

template <typename T> QString describe(const Result<T> &result)
{
    return result.ok() ? QStringLiteral("ok") : result.error().line();
}

// The record reader on payload text against recordFromJson on what QJsonDocument makes of it.
void compareRecordReaders(const char *kind, const QByteArray &payload)
{
    domain::PayloadReader reader;
    const auto index = domain::recordKindIndex(QLatin1StringView(kind));
    QVERIFY(index);
    const auto fast = reader.record(*index, payload);
    const auto reference = domain::recordFromJson(
        QLatin1StringView(kind), QJsonDocument::fromJson(QString::fromUtf8(payload).toUtf8()).object());
    const QByteArray what =
        QByteArray(kind) + ' ' + payload + ": " + describe(fast).toUtf8() + " / " + describe(reference).toUtf8();
    QVERIFY2(fast.ok() == reference.ok(), what.constData());
    if (!fast.ok()) {
        QCOMPARE(fast.error().line(), reference.error().line());
        return;
    }
    QVERIFY2(*fast == *reference, what.constData());
    if (const auto *screening = std::get_if<domain::Screening>(&*fast))
        QVERIFY2(sameJson(screening->answers, std::get<domain::Screening>(*reference).answers), what.constData());
}

void compareDemographicsReaders(const QByteArray &payload)
{
    domain::PayloadReader reader;
    const auto fast = reader.demographics(payload);
    const auto reference =
        domain::demographicsFromJson(QJsonDocument::fromJson(QString::fromUtf8(payload).toUtf8()).object());
    const QByteArray what = payload + ": " + describe(fast).toUtf8() + " / " + describe(reference).toUtf8();
    QVERIFY2(fast.ok() == reference.ok(), what.constData());
    if (!fast.ok()) {
        QCOMPARE(fast.error().line(), reference.error().line());
        return;
    }
    QVERIFY2(*fast == *reference, what.constData());
}

template <typename T> const T *firstOf(const QList<T> &list)
{
    return list.isEmpty() ? nullptr : &list.first();
}

}  // namespace

void TestLoadAll::payloadTextReadsAsQJsonDocumentDoes_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("payload");
    auto add = [](const char *name, const char *kind, const QByteArray &payload) {
        QTest::newRow(name) << QByteArray(kind) << payload;
    };
    add("opioid", "opioid",
        R"({"doses_per_day":3,"drug":"oxycodone","end":null,"prn":false,"start":"2026-01-05","strength_mg":10,"units_per_dose":1})");
    add("fentanyl", "opioid",
        R"({"drug":" Fentanyl ","end":"2026-03-01","patches":2,"start":"2026-01-05","strength_mcg_per_hr":12.5})");
    add("spaces", "peg", "{ \"date\" : \"2026-01-05\" ,\n\t\"pain\": 6, \"enjoyment\": 5 ,\r\n \"activity\": 7 }\n");
    add("escapes", "agreement", R"({"date":"2026-01-05","note":"line\nnext \"quoted\" \u00e9 \ud83d\ude00"})");
    add("raw unicode", "agreement",
        "{\"date\":\"2026-01-05\",\"note\":\"Firm\xc3\xb3 \xe2\x80\x94 \xe2\x9c\x93 \xf0\x9f\x98\x80\"}");
    add("invalid utf-8", "agreement", "{\"date\":\"2026-01-05\",\"note\":\"a\xff\xfe b\xe2\x80\"}");
    add("raw tab", "agreement", "{\"date\":\"2026-01-05\",\"note\":\"a\tb\"}");
    add("minus zero", "opioid", R"({"drug":"morphine","start":"2026-01-05","doses_per_day":-0,"units_per_dose":-0.0})");
    add("exponents", "opioid",
        R"({"drug":"morphine","start":"2026-01-05","doses_per_day":1e1,"units_per_dose":1.5E+0,"strength_mg":2.5e-1})");
    add("huge integer", "opioid", R"({"drug":"morphine","start":"2026-01-05","doses_per_day":12345678901234567890})");
    add("out of range", "peg", R"({"date":"2026-01-05","pain":1e400,"enjoyment":5,"activity":7})");
    add("bad numbers", "peg", R"({"date":"2026-01-05","pain":01,"enjoyment":5,"activity":7})");
    add("fractional score", "peg", R"({"date":"2026-01-05","pain":6.5,"enjoyment":5,"activity":7})");
    add("score as text", "peg", R"({"date":"2026-01-05","pain":"6","enjoyment":5,"activity":7})");
    add("score missing", "peg", R"({"date":"2026-01-05","enjoyment":5,"activity":7})");
    add("impossible date", "visit", R"({"date":"2026-02-30","status":"completed"})");
    add("short date", "visit", R"({"date":"2026-1-05","status":"completed"})");
    add("wide digits", "visit",
        "{\"date\":\"\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x96-01-05\",\"status\":\"completed\"}");
    add("date as number", "visit", R"({"date":20260105,"status":"completed"})");
    add("unknown status", "visit", R"({"date":"2026-01-05","status":"done"})");
    add("duplicate key", "visit", R"({"date":"2026-01-05","status":"completed","date":"2026-02-05"})");
    add("trailing comma", "visit", R"({"date":"2026-01-05","status":"completed",})");
    add("truncated", "visit", R"({"date":"2026-01-05","status":"compl)");
    add("array", "visit", R"([{"date":"2026-01-05","status":"completed"}])");
    add("short form text", "agreement", R"("2026-01-05")");
    add("empty", "agreement", "");
    add("empty object", "agreement", "{}");
    add("trailing text", "agreement", R"({"date":"2026-01-05"} x)");
    add("answers", "screening", R"({"answers":[1,2],"date":"2026-01-05","instrument":"PHQ2"})");
    add("answers mixed numbers", "screening", R"({"answers":[1.5,2e0,-0,3],"date":"2026-01-05","instrument":"gad2"})");
    add("answers object", "screening",
        R"({"answers":{"b":true,"a":[false,{"c":null}]},"date":"2026-01-05","instrument":"ort"})");
    add("answers escaped", "screening", R"({"answers":["a\"b"],"date":"2026-01-05","instrument":"x"})");
    add("answers scalar", "screening", R"({"answers":3,"date":"2026-01-05","instrument":"phq2"})");
    add("answers null", "screening", R"({"answers":null,"date":"2026-01-05","instrument":"phq2"})");
    add("answers bad", "screening", R"({"answers":[1,,2],"date":"2026-01-05","instrument":"phq2"})");
    add("deep", "agreement", R"({"date":"2026-01-05","x":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]})");
    add("substances", "uds", R"({"date":"2026-01-05","result":"unexpected","substances":["fentanyl","cocaine"]})");
    add("substances text", "uds", R"({"date":"2026-01-05","result":"unexpected","substances":"fentanyl"})");
    add("substances numbers", "uds", R"({"date":"2026-01-05","result":"unexpected","substances":[1]})");
    add("result missing", "uds", R"({"date":"2026-01-05"})");
    add("pdmp", "pdmp_check",
        R"({"checked_by":"Morgan","concerning":true,"date":"2026-01-05","findings":"two prescribers"})");
    add("pdmp flag as text", "pdmp_check", R"({"concerning":"yes","date":"2026-01-05"})");
    add("naloxone", "naloxone", R"({"action":"prescribed","date":"2026-01-05"})");
    add("referral", "referral", R"({"date":"2026-01-05","status":"sent","to":"Valley PT","type":"physical_therapy"})");
    add("referral empty type", "referral", R"({"date":"2026-01-05","type":"  "})");
    add("goal", "goal", R"({"date":"2026-01-05","goal":"walk to the mailbox","status":"met"})");
    add("script use", "script_use", R"({"date":"2026-01-05","language":"","script_id":"taper","script_version":2})");
    add("benzodiazepine", "benzodiazepine", R"({"drug":"Alprazolam","start":"2026-01-05"})");
    add("z-drug", "benzodiazepine", R"({"drug":"zolpidem","kind":"z_drug","start":"2026-01-05"})");
    add("sedative kind unknown", "benzodiazepine", R"({"drug":"x","kind":"opioid","start":"2026-01-05"})");
    add("booking", "visit",
        R"({"clinician":"Dr B","date":"2026-01-05","status":"scheduled","time":"09:30","type":"nurse_call"})");
    add("agreement declined", "agreement",
        R"({"date":"2026-01-05","language":"es","status":"declined","text_version":"clinic-2"})");
    add("agreement signature", "agreement",
        R"({"date":"2026-01-05","signature":"data:image/png;base64,iVBORw0KGgo="})");
    add("uds confirmatory", "uds", R"({"confirmatory_sent":true,"date":"2026-01-05","result":"unexpected"})");
    add("naloxone declined", "naloxone", R"({"action":"declined","date":"2026-01-05"})");
    add("goal dates", "goal",
        R"({"date":"2026-01-05","goal":"walk","reviewed":"2026-02-01","status":"active","target_date":"2026-03-01"})");
    add("taper plan", "taper_plan",
        R"({"date":"2026-01-05","drug":"oxycodone","note":"","status":"paused","steps":[{"date":"2026-01-05","description":"a","target_mme_per_day":30},{"date":"2026-02-05","description":"b","target_mme_per_day":null}]})");
    add("taper steps not a list", "taper_plan", R"({"date":"2026-01-05","status":"planned","steps":3})");
    add("refill request", "refill_request",
        R"({"channel":"front_desk","date":"2026-01-05","decision":"declined","decision_reason":"early","early":true,"lost_stolen":false,"medication":"oxy","police_report":false})");
    add("medication review", "medication_review", R"({"date":"2026-01-05","reviewed_by":"Morgan"})");
}

void TestLoadAll::payloadTextReadsAsQJsonDocumentDoes()
{
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, payload);
    compareRecordReaders(kind.constData(), payload);
}

void TestLoadAll::demographicsTextReadsAsQJsonDocumentDoes()
{
    compareDemographicsReaders(
        R"({"birth_date":"1960-03-04","clinic_id":"SYN-1","id":"x","language":"es","ltot_start":"2020-01-01","name":"Ana Ortiz","prescriber":"Dr. A","risk_tier":null,"sex":"female","taper_status":"in_progress","phone":"555"})");
    compareDemographicsReaders(R"({"name":"Zoë \"Z\" O'Neil","sex":"unknown","risk_tier":"high","language":""})");
    compareDemographicsReaders(R"({"name":"A","risk_tier":"bogus"})");
    compareDemographicsReaders(R"({"name":"A","sex":"other"})");
    compareDemographicsReaders(R"({"name":"A","birth_date":"1960-13-01"})");
    compareDemographicsReaders(
        R"({"name":"A","status":"inactive","inactive_reason":"tapered_off","inactive_date":"2026-02-01","risk_tier":"low","risk_tier_reason":"ORT 2"})");
    compareDemographicsReaders(R"({"name":"A","status":"gone","inactive_reason":"bored"})");
    compareDemographicsReaders("{}");
    compareDemographicsReaders("not json");
}

void TestLoadAll::wholeRegistryLoadsAsEachPatientDoes()
{
    // Seeded by an administrator; corrected by a clinician (whose role may correct records).
    const QString path = m_dir.filePath(QStringLiteral("load.db"));
    {
        auto admin =
            Registry::create(path, m_keystore, QStringLiteral("Alex Admin"), QStringLiteral("246810"), m_clock);
        QVERIFY2(admin.ok(), admin.ok() ? "" : qPrintable(admin.error().line()));
        synthetic::Options options;
        options.patients = 300;
        options.years = 3;
        options.seed = 11;
        QVERIFY((*admin)->addPatients(synthetic::generateClinic(options)).ok());
        QVERIFY(
            (*admin)->addUser(QStringLiteral("Casey Clinician"), keys::Role::Clinician, QStringLiteral("1357")).ok());
    }
    auto clinician =
        Registry::unlock(path, m_keystore, QStringLiteral("Casey Clinician"), QStringLiteral("1357"), m_clock);
    QVERIFY2(clinician.ok(), clinician.ok() ? "" : qPrintable(clinician.error().line()));
    Registry &registry = **clinician;
    auto listed = registry.listPatients();
    QVERIFY(listed.ok());

    // Corrections, withdrawals, new demographics, a note that needs escapes.
    int corrected = 0;
    for (qsizetype i = 0; i < listed->size(); i += 7) {
        auto patient = registry.loadPatient(listed->at(i).id);
        QVERIFY(patient.ok());
        if (const auto *peg = firstOf(patient->peg)) {
            domain::PegScore changed = *peg;
            changed.pain = (changed.pain + 3) % 11;
            const auto fixed = registry.correctRecord(peg->meta.id.toString(QUuid::WithoutBraces), changed);
            QVERIFY2(fixed.ok(), fixed.ok() ? "" : qPrintable(fixed.error().line()));
            ++corrected;
        }
        if (const auto *visit = firstOf(patient->visits))
            QVERIFY(
                registry.retractRecord(visit->meta.id.toString(QUuid::WithoutBraces), QStringLiteral("wrong patient"))
                    .ok());
        domain::Patient demographics = *patient;
        demographics.phone = QStringLiteral("555-01%1").arg(i);
        QVERIFY(registry.updateDemographics(demographics).ok());
        QVERIFY(
            registry
                .addRecord(patient->id,
                           domain::Agreement{{}, QDate(2026, 11, 2), QStringLiteral("Firmó el \"acuerdo\"\nlínea 2 ✓")})
                .ok());
    }
    QVERIFY(corrected > 10);

    // Concurrent versions from another tablet: a correction of a record also corrected here
    // (merged field by field) and a withdrawal of one also corrected here (the withdrawal wins).
    auto target = registry.loadPatient(listed->at(1).id);
    QVERIFY(target.ok());
    QVERIFY(target->peg.size() >= 2);
    const domain::PegScore merged = target->peg.at(0);
    const domain::PegScore withdrawn = target->peg.at(1);
    domain::PegScore local = merged;
    local.pain = 1;
    QVERIFY(registry.correctRecord(merged.meta.id.toString(QUuid::WithoutBraces), local).ok());
    domain::PegScore localToo = withdrawn;
    localToo.activity = 2;
    QVERIFY(registry.correctRecord(withdrawn.meta.id.toString(QUuid::WithoutBraces), localToo).ok());
    auto remote = [&](const domain::PegScore &of, bool retract) {
        domain::PegScore value = of;
        value.enjoyment = 9;
        domain::RecordEnvelope envelope = toEnvelope(target->id, domain::AnyRecord(value));
        envelope.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        envelope.author = registry.user().id;
        envelope.device = QStringLiteral("tablet-b");
        envelope.stamp = HlcStamp{kNow.toMSecsSinceEpoch() - 60'000, 0, QStringLiteral("tablet-b")};
        envelope.supersedes = of.meta.id.toString(QUuid::WithoutBraces);
        envelope.retracted = retract;
        return envelope;
    };
    auto pulled = registry.applyPulled({remote(merged, false), remote(withdrawn, true)}, QStringLiteral("c-1"));
    QVERIFY2(pulled.ok(), pulled.ok() ? "" : qPrintable(pulled.error().line()));
    QCOMPARE(*pulled, 2);

    auto all = registry.loadAllPatients(QStringLiteral("test"));
    QVERIFY2(all.ok(), all.ok() ? "" : qPrintable(all.error().line()));
    QCOMPARE(all->size(), listed->size());

    // The merge took both sides' changes; the withdrawn record is gone.
    const auto loadedTarget =
        std::find_if(all->cbegin(), all->cend(), [&](const auto &p) { return p.id == target->id; });
    QVERIFY(loadedTarget != all->cend());
    QVERIFY(std::any_of(loadedTarget->peg.cbegin(), loadedTarget->peg.cend(),
                        [](const domain::PegScore &p) { return p.pain == 1 && p.enjoyment == 9; }));
    QVERIFY(std::none_of(loadedTarget->peg.cbegin(), loadedTarget->peg.cend(),
                         [&](const domain::PegScore &p) { return p.date == withdrawn.date && p.activity == 2; }));

    // Patient by patient, against the per-patient load.
    for (const domain::Patient &patient : std::as_const(*all)) {
        auto one = registry.loadPatient(patient.id);
        QVERIFY(one.ok());
        QVERIFY2(patient == *one, qPrintable(patient.id));
    }
    // The fast whole-registry read gives what grouping allCurrent()'s envelopes gives, in the same order.
    storage::RecordStore store(registry::RegistryInternals::database(registry));
    auto current = store.allCurrent();
    QVERIFY(current.ok());
    auto grouped = assemblePatients(*current);
    QVERIFY(grouped.ok());
    auto fast = assembleAllPatients(store);
    QVERIFY(fast.ok());
    QVERIFY(*grouped == *fast);
    // And the registry lists those patients by search key, then id (as the summaries come in).
    QCOMPARE(all->size(), grouped->size());
    const auto searchOrder = [](const domain::Patient &a, const domain::Patient &b) {
        return std::pair(domain::patientSearchKey(a.name, a.clinicId), a.id) <
               std::pair(domain::patientSearchKey(b.name, b.clinicId), b.id);
    };
    QVERIFY(std::is_sorted(all->cbegin(), all->cend(), searchOrder));
    QVERIFY(!std::is_sorted(grouped->cbegin(), grouped->cend(), searchOrder));  // pulled: not in name order
}

QTEST_GUILESS_MAIN(TestLoadAll)
#include "test_load_all.moc"
