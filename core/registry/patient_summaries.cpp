#include "core/registry/patient_summaries.h"

#include "core/clinical/ltot.h"
#include "core/registry/clock.h"
#include "core/registry/patient_records.h"
#include "core/registry/registry_private.h"
#include "core/storage/database.h"
#include "core/storage/meta_store.h"
#include "core/storage/record_store.h"
#include "core/storage/summary_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <initializer_list>

namespace cairn::registry {
namespace {

// Bump when what a summary holds or how it is computed changes without a policy change (a new
// rule in a release): every summary is then recomputed on the first read.
constexpr auto kSummaryFormat = "1";
// Above this many marked patients, one scan of every current record beats one query per patient.
constexpr qsizetype kScanAllAbove = 200;

const QString kAsOfKey = QStringLiteral("summary_as_of");
const QString kRulesKey = QStringLiteral("summary_rules");

// The enum value whose toString is `text`; `fallback` for text no release wrote.
template <typename Enum> Enum fromName(const QString &text, std::initializer_list<Enum> values, Enum fallback)
{
    for (Enum value : values) {
        if (clinical::toString(value) == text)
            return value;
    }
    return fallback;
}

QByteArray gapsToJson(const QList<clinical::CareGap> &gaps)
{
    QJsonArray array;
    for (const clinical::CareGap &g : gaps) {
        array.append(QJsonObject{{QStringLiteral("code"), g.code},
                                 {QStringLiteral("status"), clinical::toString(g.status)},
                                 {QStringLiteral("due"), g.due.toString(Qt::ISODate)},
                                 {QStringLiteral("severity"), clinical::toString(g.severity)},
                                 {QStringLiteral("role"), g.role},
                                 {QStringLiteral("reason"), g.reason},
                                 {QStringLiteral("scripts"), QJsonArray::fromStringList(g.scripts)}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<clinical::CareGap> gapsFromJson(const QByteArray &text)
{
    using clinical::GapStatus;
    using clinical::Severity;
    QList<clinical::CareGap> gaps;
    const QJsonArray array = QJsonDocument::fromJson(text).array();
    gaps.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        clinical::CareGap g;
        g.code = o.value(QStringLiteral("code")).toString();
        g.status = fromName(o.value(QStringLiteral("status")).toString(),
                            {GapStatus::Missing, GapStatus::Overdue, GapStatus::DueSoon, GapStatus::Alert},
                            GapStatus::Missing);
        g.due = QDate::fromString(o.value(QStringLiteral("due")).toString(), Qt::ISODate);
        g.severity = fromName(o.value(QStringLiteral("severity")).toString(),
                              {Severity::Urgent, Severity::High, Severity::Medium, Severity::Low}, Severity::Medium);
        g.role = o.value(QStringLiteral("role")).toString();
        g.reason = o.value(QStringLiteral("reason")).toString();
        for (const QJsonValue &script : o.value(QStringLiteral("scripts")).toArray())
            g.scripts.append(script.toString());
        gaps.append(std::move(g));
    }
    return gaps;
}

QString errorToText(const Error &error)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("field"), error.field}, {QStringLiteral("message"), error.message}})
            .toJson(QJsonDocument::Compact));
}

Error errorFromText(const QString &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    return {o.value(QStringLiteral("field")).toString(), o.value(QStringLiteral("message")).toString()};
}

// What the rules engine says of one patient on `asOf`, as a summary row.
storage::SummaryRow summarise(const domain::Patient &patient, const QDate &asOf, const ClinicRules &rules)
{
    storage::SummaryRow row;
    row.patientId = patient.id;
    row.policyVersion = rules.policy.version;
    const clinical::LtotStatus ltot = clinical::ltotStatus(patient, asOf, rules.policy);
    row.onTherapy = ltot.onLtot;
    row.ltotReason = clinical::toString(ltot.reason);
    row.tier = patient.riskTier ? domain::toString(*patient.riskTier) : QString();
    row.gaps = "[]";
    if (ltot.onLtot) {
        auto evaluation = clinical::evaluate(patient, asOf, rules.context());
        if (evaluation) {
            row.tier = domain::toString(evaluation->tier);
            row.band = clinical::toString(evaluation->mme.band);
            row.totalMme = evaluation->mme.totalPerDay;
            row.gaps = gapsToJson(evaluation->gaps);
        } else {
            row.error = errorToText(evaluation.error().within(QStringLiteral("patient %1").arg(patient.clinicId)));
        }
    }
    QDate next;
    for (const domain::Visit &visit : patient.visits) {
        if (visit.status != domain::VisitStatus::Scheduled || visit.date < asOf)
            continue;
        if (!next.isValid() || visit.date < next || (visit.date == next && visit.time < row.nextVisitTime)) {
            next = visit.date;
            row.nextVisitTime = visit.time;
        }
    }
    row.nextVisit = next.toString(Qt::ISODate);
    QDate lastPeg;
    for (const domain::PegScore &peg : patient.peg)
        lastPeg = std::max(lastPeg, peg.date);
    row.lastPeg = lastPeg.toString(Qt::ISODate);
    return row;
}

// What the summaries' rules are: the policy record in force (or the shipped defaults) and the
// summary format. A different value means every summary is out of date.
QString rulesIdentity(const PolicyInForce &policy)
{
    return QStringLiteral("%1/%2/%3")
        .arg(policy.recordId.isEmpty() ? QStringLiteral("shipped") : policy.recordId, policy.policy.version,
             QLatin1String(kSummaryFormat));
}

}  // namespace

QDate summaryDate(const Clock &clock)
{
    return clock.now().toLocalTime().date();
}

Result<int> refreshSummaries(storage::Database &db, const QDate &today)
{
    storage::MetaStore meta(db);
    storage::SummaryStore summaries(db);
    auto policy = policyInForce(db);
    if (!policy)
        return policy.error();
    const QString identity = rulesIdentity(*policy);
    const QString asOf = today.toString(Qt::ISODate);
    auto storedAsOf = meta.value(kAsOfKey);
    auto storedRules = meta.value(kRulesKey);
    if (!storedAsOf || !storedRules)
        return !storedAsOf ? storedAsOf.error() : storedRules.error();
    if (*storedAsOf != asOf || *storedRules != identity) {
        if (auto s = summaries.markAllDirty(); !s)
            return s.error();
        if (auto s = meta.setValue(kAsOfKey, asOf); !s)
            return s.error();
        if (auto s = meta.setValue(kRulesKey, identity); !s)
            return s.error();
    }
    auto dirty = summaries.dirtyPatients();
    if (!dirty)
        return dirty.error();
    if (dirty->isEmpty())
        return 0;
    auto shipped = shippedRules();
    if (!shipped)
        return shipped.error();
    const ClinicRules rules{policy->policy};
    RecordStore store(db);
    int written = 0;
    auto write = [&](const domain::Patient &patient) -> Status {
        ++written;
        return summaries.upsert(summarise(patient, today, rules));
    };
    if (dirty->size() > kScanAllAbove) {
        auto all = assembleAllPatients(store);
        if (!all)
            return all.error();
        const QSet<QString> wanted(dirty->cbegin(), dirty->cend());
        for (const domain::Patient &patient : std::as_const(*all)) {
            if (!wanted.contains(patient.id))
                continue;
            if (auto s = write(patient); !s)
                return s.error();
        }
    } else {
        for (const QString &id : std::as_const(*dirty)) {
            auto current = store.current(id);
            if (!current)
                return current.error();
            if (current->isEmpty())
                continue;  // records of a patient this tablet has no demographics for yet
            auto patient = assemblePatient(*current);
            if (!patient)
                return patient.error();
            if (auto s = write(*patient); !s)
                return s.error();
        }
    }
    if (auto s = summaries.clearDirty(); !s)
        return s.error();
    return written;
}

Status commitWithSummaries(storage::Transaction &tx, storage::Database &db, const Clock &clock)
{
    if (auto refreshed = refreshSummaries(db, summaryDate(clock)); !refreshed)
        return refreshed.error();
    return tx.commit();
}

Result<SummarisedRegistry> readSummaries(storage::Database &db, const QDate &today)
{
    // Up to date already is the common case: two meta reads and one EXISTS, no write transaction.
    auto policy = policyInForce(db);
    if (!policy)
        return policy.error();
    auto storedAsOf = storage::MetaStore(db).value(kAsOfKey);
    auto storedRules = storage::MetaStore(db).value(kRulesKey);
    auto dirty = storage::SummaryStore(db).anyDirty();
    if (!storedAsOf || !storedRules || !dirty)
        return Error{QString(), QStringLiteral("cannot read the patient summaries")};
    if (*dirty || *storedAsOf != today.toString(Qt::ISODate) || *storedRules != rulesIdentity(*policy)) {
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        if (auto refreshed = refreshSummaries(db, today); !refreshed)
            return refreshed.error();
        if (auto s = tx->commit(); !s)
            return s.error();
    }
    auto rows = storage::SummaryStore(db).all();
    if (!rows)
        return rows.error();

    using clinical::LtotReason;
    using clinical::MmeBand;
    SummarisedRegistry out;
    out.asOf = today;
    out.patients.reserve(rows->size());
    out.ltotReasons.reserve(rows->size());
    for (const storage::SummarisedPatientRow &row : std::as_const(*rows)) {
        if (!row.summary.error.isEmpty())
            return errorFromText(row.summary.error);
        domain::Patient p;
        p.id = row.patient.id;
        p.clinicId = row.patient.clinicId;
        p.name = row.patient.name;
        p.prescriber = row.patient.prescriber;
        p.phone = row.patient.phone;
        p.language = row.patient.language;
        domain::RiskTier tier{};
        if (domain::parse(row.summary.tier, &tier))
            p.riskTier = tier;  // the effective tier, for lists of patients not on therapy too
        out.patients.append(std::move(p));
        out.ltotReasons.append(row.summary.ltotReason);
    }
    for (qsizetype i = 0; i < rows->size(); ++i) {
        const storage::SummaryRow &s = rows->at(i).summary;
        if (!s.onTherapy)
            continue;
        clinical::PatientEvaluation pe;
        pe.patient = &out.patients.at(i);
        pe.evaluation.asOf = today;
        pe.evaluation.policyVersion = s.policyVersion;
        pe.evaluation.mme.totalPerDay = s.totalMme;
        pe.evaluation.mme.band =
            fromName(s.band, {MmeBand::Below50, MmeBand::From50To89, MmeBand::AtLeast90}, MmeBand::Below50);
        pe.evaluation.tier = out.patients.at(i).riskTier.value_or(domain::RiskTier::Moderate);
        pe.evaluation.gaps = gapsFromJson(s.gaps);
        pe.ltot.onLtot = true;
        pe.ltot.reason = fromName(
            s.ltotReason, {LtotReason::SupplyOnMostDays, LtotReason::ExpectedLongTerm, LtotReason::ClinicianFlag},
            LtotReason::ClinicianFlag);
        out.evaluations.append(std::move(pe));
    }
    return out;
}

}  // namespace cairn::registry
