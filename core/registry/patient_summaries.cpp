#include "core/registry/patient_summaries.h"

#include "core/clinical/ltot.h"
#include "core/registry/clock.h"
#include "core/registry/patient_records.h"
#include "core/registry/registry_private.h"
#include "core/storage/database.h"
#include "core/storage/meta_store.h"
#include "core/storage/record_store.h"
#include "core/storage/summary_store.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <initializer_list>
#include <thread>
#include <tuple>
#include <vector>

namespace cairn::registry {
namespace {

// Bump when what a summary holds or how it is computed changes without a policy change (a new
// rule in a release): every summary is then recomputed on the first read.
// 2: booking time as the huddle says, measures; 3: intake, OUD and referral gaps; 4: valid_until,
// measures through the current month.
constexpr auto kSummaryFormat = "5";
// A summary holds the measure shares of the 12 months the screen opens on and of the month in
// progress (a month's share depends on the records and the policy only, never on the date it is
// computed), so it still covers the screen's months when the next month begins.
constexpr int kStoredMeasureMonths = kSummaryMeasureMonths + 1;
using StoredMeasureMonths = std::array<clinical::MeasureContribution, kStoredMeasureMonths>;
// How a missing gap due "today" is stored: it is due on whichever day the summary is read.
const QString kDueToday = QStringLiteral("today");
// How many days ahead a summary is checked against the rules engine at most: each day checked
// costs one evaluation when the summary is written, so the horizon is short, and spread over a
// week by the patient's id so that summaries written together (seeding, a policy change) do not
// all expire on the same morning.
constexpr int kShortestHorizonDays = 4;
constexpr int kHorizonSpreadDays = 7;
// Above this many marked patients, and above this share of the registry, one scan of every current
// record beats one query per patient (a new day at 10,000 patients marks about 500).
constexpr qsizetype kScanAllAbove = 200;
constexpr qsizetype kScanAllAboveShareDivisor = 4;
// Above this many, the summaries are computed on every core (a first pull, seeding, a policy
// change); below it a thread costs more than it saves.
constexpr qsizetype kSummariseInParallelAbove = 64;
// A whole-registry recompute summarises this many patients at a time: enough to keep every core
// busy, few enough (about 28 KB a patient) to stay small.
constexpr qsizetype kSummaryChunk = 512;

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

// A summary's gaps as bytes: per gap its status and severity (one byte each), its due date (four
// bytes: 0 none, 1 "today", else the Julian day), the ids of its code, role and reason, a byte
// counting its scripts and their ids; ids are four bytes, little-endian, of texts in summary_text.
// A missing gap the rules engine dates `asOf` (never done: due the day it is evaluated) is stored as
// due "today", so that the same summary holds on the following days.
constexpr quint32 kNoDue = 0;
constexpr quint32 kDueTodayMark = 1;

void put32(QByteArray &out, quint32 value)
{
    for (int shift = 0; shift < 32; shift += 8)
        out.append(static_cast<char>((value >> shift) & 0xff));
}

// The ids of the texts summaries name (SummaryStore::summaryText): 31 bits of the text's SHA-1, or
// the next free id when another text holds that one, so that registries that computed the same
// summaries hold the same bytes. Lives for one transaction (the texts it stored go if that rolls back).
class SummaryTextIds {
public:
    explicit SummaryTextIds(storage::SummaryStore &store)
        : m_store(store)
    {}

    Result<quint32> idOf(const QString &text)
    {
        if (const auto known = m_known.constFind(text); known != m_known.cend())
            return *known;
        const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1);
        quint32 id = 0;
        for (int i = 0; i < 4; ++i)
            id = (id << 8) | static_cast<quint8>(digest.at(i));
        for (id &= 0x7fffffff;; id = (id + 1) & 0x7fffffff) {
            auto stored = m_store.storeSummaryText(id, text);
            if (!stored)
                return stored.error();
            if (*stored == text)
                break;
        }
        m_known.insert(text, id);
        return id;
    }

private:
    storage::SummaryStore &m_store;
    QHash<QString, quint32> m_known;
};

Result<QByteArray> encodeGaps(const QList<clinical::CareGap> &gaps, const QDate &asOf, SummaryTextIds &ids)
{
    QByteArray out;
    out.reserve(gaps.size() * 24 + 2);
    put32(out, static_cast<quint32>(gaps.size()));
    for (const clinical::CareGap &g : gaps) {
        const bool dueToday = g.status == clinical::GapStatus::Missing && g.due == asOf;
        out.append(static_cast<char>(g.status));
        out.append(static_cast<char>(g.severity));
        put32(out, dueToday ? kDueTodayMark : g.due.isValid() ? static_cast<quint32>(g.due.toJulianDay()) : kNoDue);
        for (const QString *text : {&g.code, &g.role, &g.reason}) {
            auto id = ids.idOf(*text);
            if (!id)
                return id.error();
            put32(out, *id);
        }
        out.append(static_cast<char>(std::min<qsizetype>(g.scripts.size(), 255)));
        for (qsizetype i = 0; i < std::min<qsizetype>(g.scripts.size(), 255); ++i) {
            auto id = ids.idOf(g.scripts.at(i));
            if (!id)
                return id.error();
            put32(out, *id);
        }
    }
    return out;
}

quint32 get32At(QByteArrayView bytes, qsizetype at)
{
    quint32 value = 0;
    for (int i = 0; i < 4; ++i)
        value |= static_cast<quint32>(static_cast<quint8>(bytes.at(at + i))) << (8 * i);
    return value;
}

// The gaps of a stored summary; the places of those due "today" (left without a date) in `dueToday`.
// `shapeOf(ids)` gives, for the bytes of a gap that name its code, role, reason and scripts (the
// script count included), a gap holding those texts, made once for every patient whose gap names
// the same, or null when one of them is not stored. Nothing for bytes this format does not describe.
template <typename ShapeOf>
std::optional<QList<clinical::CareGap>> decodeGaps(QByteArrayView bytes, ShapeOf shapeOf, QList<qsizetype> *dueToday)
{
    // Status, severity, due date, the ids of code, role and reason, the script count.
    constexpr qsizetype kFixedBytes = 1 + 1 + 4 + 3 * 4 + 1;
    constexpr qsizetype kIdsAt = 1 + 1 + 4;
    if (bytes.size() < 4)
        return std::nullopt;
    const quint32 count = get32At(bytes, 0);
    if (count > static_cast<quint32>(bytes.size()))
        return std::nullopt;
    QList<clinical::CareGap> gaps;
    gaps.reserve(count);
    qsizetype at = 4;
    for (quint32 n = 0; n < count; ++n) {
        if (at + kFixedBytes > bytes.size())
            return std::nullopt;
        const auto status = static_cast<quint8>(bytes.at(at));
        const auto severity = static_cast<quint8>(bytes.at(at + 1));
        if (status > static_cast<quint8>(clinical::GapStatus::Alert) ||
            severity > static_cast<quint8>(clinical::Severity::Low))
            return std::nullopt;
        const quint32 due = get32At(bytes, at + 2);
        const qsizetype end = at + kFixedBytes + 4 * static_cast<quint8>(bytes.at(at + kFixedBytes - 1));
        if (end > bytes.size())
            return std::nullopt;
        const clinical::CareGap *shape = shapeOf(bytes.sliced(at + kIdsAt, end - at - kIdsAt));
        if (!shape)
            return std::nullopt;
        clinical::CareGap g = *shape;
        g.status = static_cast<clinical::GapStatus>(status);
        g.severity = static_cast<clinical::Severity>(severity);
        if (due == kDueTodayMark)
            dueToday->append(gaps.size());
        else if (due != kNoDue)
            g.due = QDate::fromJulianDay(due);
        gaps.append(std::move(g));
        at = end;
    }
    if (at != bytes.size())
        return std::nullopt;
    return gaps;
}

// A patient's measure months as bytes: per month a flags byte (1: on long-term therapy, 2: has a
// PEG mean), the counted and met bits (16 bits each, little-endian), then the PEG mean when present.
QByteArray encodeMeasures(const StoredMeasureMonths &months)
{
    QByteArray out;
    out.reserve(kStoredMeasureMonths * 13);
    auto put16 = [&out](quint16 value) {
        out.append(static_cast<char>(value & 0xff));
        out.append(static_cast<char>(value >> 8));
    };
    for (const clinical::MeasureContribution &c : months) {
        out.append(static_cast<char>((c.onLtot ? 1 : 0) | (c.pegMean ? 2 : 0)));
        put16(c.counted);
        put16(c.met);
        if (c.pegMean) {
            const double mean = *c.pegMean;
            out.append(reinterpret_cast<const char *>(&mean), sizeof mean);
        }
    }
    return out;
}

std::optional<StoredMeasureMonths> decodeMeasures(QByteArrayView bytes)
{
    StoredMeasureMonths months{};
    qsizetype at = 0;
    auto get16 = [&]() {
        const auto value = static_cast<quint16>(static_cast<quint8>(bytes.at(at)) |
                                                (static_cast<quint16>(static_cast<quint8>(bytes.at(at + 1))) << 8));
        at += 2;
        return value;
    };
    for (clinical::MeasureContribution &c : months) {
        if (at + 5 > bytes.size())
            return std::nullopt;
        const auto flags = static_cast<quint8>(bytes.at(at++));
        c.onLtot = (flags & 1) != 0;
        c.counted = get16();
        c.met = get16();
        if (flags & 2) {
            double mean = 0;
            if (at + static_cast<qsizetype>(sizeof mean) > bytes.size())
                return std::nullopt;
            std::memcpy(&mean, bytes.data() + at, sizeof mean);
            at += sizeof mean;
            c.pegMean = mean;
        }
    }
    if (at != bytes.size())
        return std::nullopt;
    return months;
}

// `month`: for the measures, which of the stored months the rules engine could not count (-1: none given).
QString errorToText(const Error &error, int month = -1)
{
    QJsonObject o{{QStringLiteral("field"), error.field}, {QStringLiteral("message"), error.message}};
    if (month >= 0)
        o.insert(QStringLiteral("month"), month);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Error errorFromText(QByteArrayView utf8, int *month = nullptr)
{
    const QJsonObject o = QJsonDocument::fromJson(utf8.toByteArray()).object();
    if (month)
        *month = o.value(QStringLiteral("month")).toInt(0);
    return {o.value(QStringLiteral("field")).toString(), o.value(QStringLiteral("message")).toString()};
}

// What of a summary depends on the date: the rules engine's word on the patient for one day.
struct DayPart {
    QDate day;
    clinical::LtotStatus ltot;
    std::optional<Result<clinical::Evaluation>> evaluation;  // when on long-term therapy
    QDate nextVisit;                                         // the next booking on or after `day`
};

DayPart dayPart(const domain::Patient &patient, const QDate &day, const clinical::RulesContext &context)
{
    DayPart part{day, clinical::ltotStatus(patient, day, context.policy), std::nullopt, QDate()};
    if (part.ltot.onLtot)
        part.evaluation = clinical::evaluate(patient, day, context);
    for (const domain::Visit &visit : patient.visits) {
        if (visit.status == domain::VisitStatus::Scheduled && visit.date >= day &&
            (!part.nextVisit.isValid() || visit.date < part.nextVisit))
            part.nextVisit = visit.date;
    }
    return part;
}

// Whether a summary stored for `a.day` shows on `b.day` exactly what the rules engine says then:
// the same, missing gaps dated the day they are evaluated moving with the day (gapsToJson).
// Scripts are not compared: they follow from the gap's code alone.
bool sameSummary(const DayPart &a, const DayPart &b)
{
    if (a.ltot.onLtot != b.ltot.onLtot || a.ltot.reason != b.ltot.reason || a.nextVisit != b.nextVisit ||
        a.evaluation.has_value() != b.evaluation.has_value())
        return false;
    if (!a.evaluation)
        return true;
    const Result<clinical::Evaluation> &x = *a.evaluation;
    const Result<clinical::Evaluation> &y = *b.evaluation;
    if (x.ok() != y.ok())
        return false;
    if (!x)
        return x.error().field == y.error().field && x.error().message == y.error().message;
    if (x->tier != y->tier || x->mme.band != y->mme.band || x->mme.totalPerDay != y->mme.totalPerDay ||
        x->gaps.size() != y->gaps.size())
        return false;
    for (qsizetype i = 0; i < x->gaps.size(); ++i) {
        const clinical::CareGap &g = x->gaps.at(i);
        const clinical::CareGap &h = y->gaps.at(i);
        const bool gToday = g.status == clinical::GapStatus::Missing && g.due == a.day;
        const bool hToday = h.status == clinical::GapStatus::Missing && h.due == b.day;
        if (g.code != h.code || g.status != h.status || g.severity != h.severity || g.role != h.role ||
            g.reason != h.reason || gToday != hToday || (!gToday && g.due != h.due))
            return false;
    }
    return true;
}

// A stored ISO date ("yyyy-MM-dd"), read without a string between; invalid for anything else.
QDate isoDate(QByteArrayView utf8)
{
    if (utf8.size() != 10 || utf8.at(4) != '-' || utf8.at(7) != '-')
        return QDate();
    const auto number = [&utf8](int at, int length) {
        int value = 0;
        for (int i = at; i < at + length; ++i) {
            if (utf8.at(i) < '0' || utf8.at(i) > '9')
                return -1;
            value = value * 10 + (utf8.at(i) - '0');
        }
        return value;
    };
    return QDate(number(0, 4), number(5, 2), number(8, 2));
}

// The first day of the month of `day`.
QDate monthOf(const QDate &day)
{
    return QDate(day.year(), day.month(), 1);
}

// What the rules engine says of one patient on `asOf`, as a summary row, and until when it holds:
// the rules engine is asked about each following day until its word on the patient changes (or
// the horizon above, or the stored measure months no longer covering the screen's), so a new day
// recomputes only the summaries whose day has come, and nothing here second-guesses which dates
// the rules look at. `storedMeasures`: the patient's measures for asOf's months when still true
// (SummaryStore::measuresStillTrue), kept instead of counted again.
// A summary as the rules engine gave it: the row, its gaps not yet written as bytes (that names
// texts in the database, so it happens on the writing thread: stored()).
struct Summarised {
    storage::SummaryRow row;
    QList<clinical::CareGap> gaps;
};

Summarised summarise(const domain::Patient &patient, const QDate &asOf, const ClinicRules &rules,
                     const QByteArray *storedMeasures = nullptr)
{
    const clinical::RulesContext context = rules.context();
    const DayPart part = dayPart(patient, asOf, context);
    Summarised summarised;
    storage::SummaryRow &row = summarised.row;
    row.patientId = patient.id;
    row.policyVersion = rules.policy.version;
    row.onTherapy = part.ltot.onLtot;
    row.ltotReason = clinical::toString(part.ltot.reason);
    row.tier = patient.riskTier ? domain::toString(*patient.riskTier) : QString();
    if (part.evaluation && *part.evaluation) {
        const clinical::Evaluation &evaluation = **part.evaluation;
        row.tier = domain::toString(evaluation.tier);
        row.band = clinical::toString(evaluation.mme.band);
        row.totalMme = evaluation.mme.totalPerDay;
        summarised.gaps = evaluation.gaps;
    } else if (part.evaluation) {
        row.error = errorToText(part.evaluation->error().within(QStringLiteral("patient %1").arg(patient.clinicId)));
    }
    if (part.nextVisit.isValid())
        row.nextVisitTime = clinical::bookingTimeOn(patient, part.nextVisit).value_or(QString());
    row.nextVisit = part.nextVisit.toString(Qt::ISODate);
    QDate lastPeg;
    for (const domain::PegScore &peg : patient.peg)
        lastPeg = std::max(lastPeg, peg.date);
    row.lastPeg = lastPeg.toString(Qt::ISODate);
    // The measures: the 12 months the screen opens on, and the month in progress.
    const QDate current = monthOf(asOf);
    StoredMeasureMonths months{};
    for (int i = 0; i < kStoredMeasureMonths && !storedMeasures; ++i) {
        const QDate month = current.addMonths(i - (kStoredMeasureMonths - 1));
        auto contribution = clinical::measureContribution(patient, month.year(), month.month(), context);
        if (!contribution) {
            row.measuresError = errorToText(contribution.error(), i);
            break;
        }
        months[static_cast<std::size_t>(i)] = *contribution;
    }
    row.measures = storedMeasures ? *storedMeasures : encodeMeasures(months);
    row.measuresMonth = current.toString(Qt::ISODate);
    // Once the month after next begins, the screen's months are no longer all stored.
    const QDate horizon =
        std::min(current.addMonths(2),
                 asOf.addDays(kShortestHorizonDays + static_cast<int>(qHash(patient.id, 0) % kHorizonSpreadDays)));
    clinical::RulesContext probing = context;
    probing.scriptsForGap = nullptr;
    QDate until = asOf.addDays(1);
    while (until < horizon && sameSummary(part, dayPart(patient, until, probing)))
        until = until.addDays(1);
    row.validUntil = until.toString(Qt::ISODate);
    return summarised;
}

// The row to store: `summarised`'s gaps written as bytes naming their texts.
Result<storage::SummaryRow> stored(Summarised &&summarised, const QDate &asOf, SummaryTextIds &ids)
{
    auto gaps = encodeGaps(summarised.gaps, asOf, ids);
    if (!gaps)
        return gaps.error();
    summarised.row.gaps = std::move(gaps).value();
    return std::move(summarised.row);
}

// summarise() for many patients, in their order. It reads only its patient, the rules and the
// stored measures, none of which change meanwhile (the rules engine's shared tables are built once,
// before), so the patients are shared out among the cores and the rows are what one core gives.
std::vector<Summarised> summariseMany(const std::vector<const domain::Patient *> &patients, const QDate &asOf,
                                      const ClinicRules &rules, const QHash<QString, QByteArray> &storedMeasures)
{
    std::vector<Summarised> rows(patients.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < patients.size(); i = next++) {
            const auto kept = storedMeasures.constFind(patients[i]->id);
            rows[i] = summarise(*patients[i], asOf, rules, kept == storedMeasures.cend() ? nullptr : &*kept);
        }
    };
    const int cores = std::max(1, QThread::idealThreadCount());
    const auto helpers = std::ssize(patients) > kSummariseInParallelAbove ? std::min(cores, 8) - 1 : 0;
    std::vector<std::thread> threads;
    threads.reserve(static_cast<std::size_t>(helpers));
    for (int i = 0; i < helpers; ++i)
        threads.emplace_back(work);
    work();
    for (std::thread &thread : threads)
        thread.join();
    return rows;
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
    QHash<QString, QByteArray> stillTrueMeasures;
    if (*storedAsOf != asOf || *storedRules != identity) {
        // A later day under the same rules: only the summaries that no longer hold. Otherwise
        // (another policy or summary format, or the clock went back) every one.
        const bool laterDay = *storedRules == identity && !storedAsOf->isEmpty() && *storedAsOf < asOf;
        if (laterDay) {
            // The summaries prepared for this day (prepareSummariesAhead) of patients nothing was
            // written for since take their place; only the others are recomputed below.
            auto seq = summaries.nextComputedSeq();
            if (!seq)
                return seq.error();
            if (auto moved = summaries.takePrepared(asOf, identity, *seq); !moved)
                return moved.error();
            auto kept = summaries.measuresStillTrue(asOf, monthOf(today).toString(Qt::ISODate));
            if (!kept)
                return kept.error();
            stillTrueMeasures = std::move(kept).value();
        } else if (auto s = summaries.forgetAllPrepared(); !s) {
            return s.error();
        }
        if (auto s = laterDay ? summaries.markExpiredDirty(asOf) : summaries.markAllDirty(); !s)
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
    // What was prepared ahead for these patients no longer follows from their records.
    if (auto s = summaries.forgetPreparedOfMarked(); !s)
        return s.error();
    auto shipped = shippedRules();
    if (!shipped)
        return shipped.error();
    const ClinicRules rules{policy->policy};
    auto computedSeq = summaries.nextComputedSeq();
    if (!computedSeq)
        return computedSeq.error();
    RecordStore store(db);
    SummaryTextIds textIds(summaries);
    int written = 0;
    auto writeSummary = [&](Summarised &&summarised) -> Status {
        ++written;
        auto row = stored(std::move(summarised), today, textIds);
        if (!row)
            return row.error();
        row->computedSeq = *computedSeq;
        return summaries.upsert(*row);
    };
    auto write = [&](const domain::Patient &patient) -> Status {
        const auto kept = stillTrueMeasures.constFind(patient.id);
        return writeSummary(summarise(patient, today, rules, kept == stillTrueMeasures.cend() ? nullptr : &*kept));
    };
    auto patients = db.scalarInt("SELECT count(*) FROM patients");
    if (!patients)
        return patients.error();
    if (dirty->size() > std::max(kScanAllAbove, static_cast<qsizetype>(*patients) / kScanAllAboveShareDivisor)) {
        // Patients are summarised as the scan reads them whole, in chunks shared out among the
        // cores (summariseMany) and written before the scan goes on: the registry is never held in
        // memory at once (seeding 50,000 patients held 1.5 GB that way).
        const QSet<QString> wanted(dirty->cbegin(), dirty->cend());
        std::vector<domain::Patient> chunk;
        const auto writeChunk = [&]() -> Status {
            std::vector<const domain::Patient *> marked;
            marked.reserve(chunk.size());
            for (const domain::Patient &patient : chunk)
                marked.push_back(&patient);
            for (Summarised &summarised : summariseMany(marked, today, rules, stillTrueMeasures)) {
                if (auto s = writeSummary(std::move(summarised)); !s)
                    return s;
            }
            chunk.clear();
            return ok();
        };
        if (auto s = forEachPatient(store,
                                    [&](domain::Patient &&patient) -> Status {
                                        if (!wanted.contains(patient.id))
                                            return ok();
                                        chunk.push_back(std::move(patient));
                                        return std::ssize(chunk) >= kSummaryChunk ? writeChunk() : ok();
                                    });
            !s)
            return s.error();
        if (auto s = writeChunk(); !s)
            return s.error();
    } else if (auto s = forEachPatientOf(store, *dirty, write); !s) {
        return s.error();
    }
    if (auto s = summaries.clearDirty(); !s)
        return s.error();
    return written;
}

Result<int> prepareSummariesAhead(storage::Database &db, const QDate &today, int limit)
{
    storage::MetaStore meta(db);
    storage::SummaryStore summaries(db);
    auto policy = policyInForce(db);
    if (!policy)
        return policy.error();
    const QString identity = rulesIdentity(*policy);
    auto storedAsOf = meta.value(kAsOfKey);
    auto storedRules = meta.value(kRulesKey);
    auto marked = summaries.anyDirty();
    if (!storedAsOf || !storedRules || !marked)
        return !storedAsOf ? storedAsOf.error() : !storedRules ? storedRules.error() : marked.error();
    // Only from summaries up to date for today: what expires tomorrow is known only then.
    if (*storedAsOf != today.toString(Qt::ISODate) || *storedRules != identity || *marked)
        return 0;
    const QDate tomorrow = today.addDays(1);
    const QString day = tomorrow.toString(Qt::ISODate);
    // What earlier days prepared (today's first read took what held) goes here, while idle.
    if (auto s = summaries.forgetPreparedOtherThan(day, identity); !s)
        return s.error();
    auto ids = summaries.toPrepare(day, identity, limit);
    if (!ids)
        return ids.error();
    if (ids->isEmpty())
        return 0;
    auto shipped = shippedRules();
    if (!shipped)
        return shipped.error();
    const ClinicRules rules{policy->policy};
    auto kept = summaries.measuresStillTrue(day, monthOf(tomorrow).toString(Qt::ISODate));
    if (!kept)
        return kept.error();
    RecordStore store(db);
    SummaryTextIds textIds(summaries);
    const auto prepare = [&](domain::Patient &&patient) -> Status {
        const auto measures = kept->constFind(patient.id);
        auto row = stored(summarise(patient, tomorrow, rules, measures == kept->cend() ? nullptr : &*measures),
                          tomorrow, textIds);
        if (!row)
            return row.error();
        return summaries.upsertPrepared(*row, day, identity);
    };
    if (auto s = forEachPatientOf(store, *ids, prepare); !s)
        return s.error();
    return static_cast<int>(ids->size());
}

Status commitWithSummaries(storage::Transaction &tx, storage::Database &db, const Clock &clock)
{
    if (auto refreshed = refreshSummaries(db, summaryDate(clock)); !refreshed)
        return refreshed.error();
    return tx.commit();
}

QDate measuresEndMonth(const QDate &asOf)
{
    return QDate(asOf.year(), asOf.month(), 1).addMonths(-1);
}

namespace {

// What the cache keeps of a patient's demographics row: what the lists show, no records.
struct Demographics {
    QString id;
    QString clinicId;
    QString name;
    QString prescriber;
    QString phone;
    QString language;
    std::optional<domain::RiskTier> riskTier;  // the effective tier, for lists of patients not on therapy too
};

// The patient as the population views take them: these demographics, no records.
domain::Patient patientOf(const Demographics &d)
{
    domain::Patient p;
    p.id = d.id;
    p.clinicId = d.clinicId;
    p.name = d.name;
    p.prescriber = d.prescriber;
    p.phone = d.phone;
    p.language = d.language;
    p.riskTier = d.riskTier;
    return p;
}

// What the summary of a patient on long-term therapy adds.
struct Therapy {
    // Tier, MME total and band, gaps; those due "today" dated `datedOn`, the day of the list last
    // built, so that the list's evaluation shares these gaps instead of holding a dated copy.
    clinical::Evaluation evaluation;
    QList<qsizetype> gapsDueToday;  // places in evaluation.gaps of those due on the day read
    QDate datedOn;
    clinical::LtotReason reason = clinical::LtotReason::NoOpioid;

    // The gaps due "today" dated `day`.
    void dateGapsOn(const QDate &day)
    {
        if (datedOn == day)
            return;
        for (const qsizetype gap : std::as_const(gapsDueToday))
            evaluation.gaps[gap].due = day;
        datedOn = day;
    }
};

}  // namespace

// One patient's summary as parsed, about 300 bytes besides its texts and gaps: what a patient not
// on long-term therapy does not have is not held.
struct SummaryCache::Entry {
    QString searchKey;
    Demographics patient;
    QString ltotReason;
    std::unique_ptr<Therapy> therapy;  // when on long-term therapy
    QString nextVisit;
    QString nextVisitTime;
    // The stored months (kStoredMeasureMonths, shared with every entry whose bytes are the same);
    // null when they are unreadable.
    std::shared_ptr<const clinical::MeasureContribution> measures;
    QDate measuresMonth;  // the last month `measures` covers
    std::shared_ptr<const Error> measuresError;
    int measuresErrorMonth = 0;  // the stored month the rules engine could not count
    std::shared_ptr<const Error> refused;
};

QString SummaryCache::shared(QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return {};
    const std::string_view bytes(utf8.data(), static_cast<std::size_t>(utf8.size()));
    if (const auto known = m_words.find(bytes); known != m_words.end())
        return known->second;
    return m_words.emplace(std::string(bytes), QString::fromUtf8(utf8)).first->second;
}

QString SummaryCache::textOf(quint32 id, storage::Database &db, std::optional<Error> *unread)
{
    if (const auto known = m_texts.constFind(id); known != m_texts.cend())
        return *known;
    auto text = storage::SummaryStore(db).summaryText(id);
    if (!text) {
        *unread = text.error();
        return QString();
    }
    if (!text->isNull())
        m_texts.insert(id, *text);
    return *text;
}

const clinical::CareGap *SummaryCache::gapShape(QByteArrayView ids, storage::Database &db, std::optional<Error> *unread)
{
    const std::string_view bytes(ids.data(), static_cast<std::size_t>(ids.size()));
    if (const auto known = m_gapShapes.find(bytes); known != m_gapShapes.end())
        return &known->second;
    // The ids of code, role and reason, the script count, the scripts' ids (decodeGaps checked the length).
    clinical::CareGap shape;
    QString *const named[] = {&shape.code, &shape.role, &shape.reason};
    for (int i = 0; i < 3; ++i) {
        *named[i] = textOf(get32At(ids, 4 * i), db, unread);
        if (named[i]->isNull())
            return nullptr;
    }
    for (qsizetype i = 0; i < static_cast<quint8>(ids.at(12)); ++i) {
        shape.scripts.append(textOf(get32At(ids, 13 + 4 * i), db, unread));
        if (shape.scripts.constLast().isNull())
            return nullptr;
    }
    return &m_gapShapes.emplace(std::string(bytes), std::move(shape)).first->second;
}

void SummaryCache::placeEveryEntry()
{
    m_position.clear();
    m_position.reserve(m_order.size());
    for (qsizetype i = 0; i < m_order.size(); ++i)
        m_position.insert(m_order.at(i)->patient.id, i);
    m_positionKnown = true;
}

Result<SummarisedRegistry> SummaryCache::read(storage::Database &db, const QDate &today)
{
    // Up to date already is the common case: the policy (kept while the clinic's records are
    // unchanged), two meta reads and one EXISTS, no write transaction.
    auto policy = policyInForce(db);
    if (!policy)
        return policy.error();
    auto storedAsOf = storage::MetaStore(db).value(kAsOfKey);
    auto storedRules = storage::MetaStore(db).value(kRulesKey);
    auto dirty = storage::SummaryStore(db).anyDirty();
    if (!storedAsOf || !storedRules || !dirty)
        return Error{QString(), QStringLiteral("cannot read the patient summaries")};
    m_lastRecomputed = 0;
    if (*dirty || *storedAsOf != today.toString(Qt::ISODate) || *storedRules != rulesIdentity(*policy)) {
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        auto refreshed = refreshSummaries(db, today);
        if (!refreshed)
            return refreshed.error();
        if (auto s = tx->commit(); !s)
            return s.error();
        m_lastRecomputed = *refreshed;
    }
    auto newest = storage::SummaryStore(db).newestComputedSeq();
    if (!newest)
        return newest.error();
    m_lastParsed = 0;
    if (*newest != m_seq || m_built.asOf != today) {
        if (auto s = merge(db, *newest, today); !s)
            return s.error();
    }
    if (m_refused)
        return *m_refused;
    return m_built;
}

Status SummaryCache::merge(storage::Database &db, std::int64_t newest, const QDate &today)
{
    storage::SummaryStore store(db);
    // The texts the gaps name: all of them on the first read, then any new one as it is met.
    if (m_texts.isEmpty()) {
        auto texts = store.summaryTexts();
        if (!texts)
            return texts.error();
        m_texts = std::move(texts).value();
    }
    std::optional<Error> textsUnread;
    using clinical::LtotReason;
    using clinical::MmeBand;
    // The first read: every row is a patient not held yet, placed by the sort below.
    const bool firstRead = m_order.isEmpty();
    bool reorder = firstRead;
    if (!firstRead && !m_positionKnown)
        placeEveryEntry();
    QList<qsizetype> changed;
    const auto mergeRow = [&](const storage::SummarisedPatientBytes &s) -> Status {
        auto entry = std::make_shared<Entry>();
        entry->searchKey = QString::fromUtf8(s.searchKey);
        Demographics &p = entry->patient;
        p.id = QString::fromUtf8(s.id);
        p.clinicId = QString::fromUtf8(s.clinicId);
        p.name = QString::fromUtf8(s.name);
        p.prescriber = shared(s.prescriber);
        p.phone = QString::fromUtf8(s.phone);
        p.language = shared(s.language);
        domain::RiskTier tier{};
        if (domain::parse(shared(s.tier), &tier))
            p.riskTier = tier;
        entry->ltotReason = shared(s.ltotReason);
        if (!s.error.isEmpty())
            entry->refused = std::make_shared<const Error>(errorFromText(s.error));
        if (s.onTherapy) {
            auto therapy = std::make_unique<Therapy>();
            clinical::Evaluation &e = therapy->evaluation;
            e.policyVersion = shared(s.policyVersion);
            e.mme.totalPerDay = s.totalMme;
            e.mme.band =
                fromName(shared(s.band), {MmeBand::Below50, MmeBand::From50To89, MmeBand::AtLeast90}, MmeBand::Below50);
            e.tier = p.riskTier.value_or(domain::RiskTier::Moderate);
            QList<qsizetype> dueToday;
            const auto shapeOf = [&](QByteArrayView ids) { return gapShape(ids, db, &textsUnread); };
            if (auto gaps = decodeGaps(s.gaps, shapeOf, &dueToday)) {
                e.gaps = std::move(*gaps);
                therapy->gapsDueToday = std::move(dueToday);
                therapy->dateGapsOn(today);
            } else {
                if (textsUnread)
                    return *textsUnread;
                entry->refused = std::make_shared<const Error>(
                    Error{QStringLiteral("gaps"),
                          QStringLiteral("the stored gaps of patient %1 are unreadable").arg(p.clinicId)});
            }
            therapy->reason =
                fromName(entry->ltotReason,
                         {LtotReason::SupplyOnMostDays, LtotReason::ExpectedLongTerm, LtotReason::ClinicianFlag},
                         LtotReason::ClinicianFlag);
            entry->therapy = std::move(therapy);
        }
        entry->nextVisit = shared(s.nextVisit);
        entry->nextVisitTime = shared(s.nextVisitTime);
        entry->measuresMonth = isoDate(s.measuresMonth);
        if (!s.measuresError.isEmpty())
            entry->measuresError =
                std::make_shared<const Error>(errorFromText(s.measuresError, &entry->measuresErrorMonth));
        if (auto months = decodeMeasures(s.measures)) {
            const auto stored = std::make_shared<const StoredMeasureMonths>(*months);
            entry->measures = std::shared_ptr<const clinical::MeasureContribution>(stored, stored->data());
        }
        if (!entry->measures || !entry->measuresMonth.isValid()) {
            entry->measures.reset();
            entry->measuresMonth = QDate();  // no window of these months is readable
            entry->measuresError = std::make_shared<const Error>(
                Error{QString(), QStringLiteral("the stored measures of patient %1 are unreadable").arg(p.clinicId)});
        }
        ++m_lastParsed;
        if (firstRead) {
            m_order.append(std::move(entry));
            return ok();
        }
        if (const auto at = m_position.constFind(p.id); at == m_position.cend()) {
            m_position.insert(p.id, m_order.size());  // placed by the sort below
            m_order.append(std::move(entry));
            reorder = true;
        } else {
            if (m_order.at(*at)->searchKey != entry->searchKey)
                reorder = true;
            else
                changed.append(*at);
            m_order[*at] = std::move(entry);  // same place in the order, unless reordered below
        }
        return ok();
    };
    if (auto s = store.computedSince(m_seq, mergeRow); !s)
        return s;
    // The lists' display order is sorted (only when the names or the patients change) on another
    // core while the list is built on this one: the two only read the entries' names and order.
    std::optional<std::thread> naming;
    if (reorder) {
        std::sort(m_order.begin(), m_order.end(), [](const auto &a, const auto &b) {
            return std::tie(a->searchKey, a->patient.id) < std::tie(b->searchKey, b->patient.id);
        });
        // The places by id are needed only by a later read that merges rows: made then.
        m_position.clear();
        m_positionKnown = false;
        naming.emplace([this] {
            m_nameOrder = placesInNameOrder(
                m_order.size(), [this](qsizetype i) -> const QString & { return m_order.at(i)->patient.name; });
        });
    }
    m_seq = newest;
    if (reorder || !patchBuilt(changed) || (m_built.asOf != today && !moveBuiltTo(today)))
        rebuild(today);
    if (naming)
        naming->join();
    m_built.nameOrder = m_nameOrder;
    return ok();
}

namespace {

// Where no stored months cover the window: nothing counted, beside the error saying why.
const std::array<clinical::MeasureContribution, kSummaryMeasureMonths> kNoMeasureMonths{};

// A patient's share of the 12 months ending `end`, among the 13 its summary stores: the first 12
// in the month the summary was computed, the last 12 in the next (refreshSummaries recomputes it
// before any later one).
template <typename Entry>
std::pair<MeasureWindow, std::shared_ptr<const Error>> measuresWindow(const Entry &entry, const QDate &end)
{
    const qsizetype first = entry.measuresMonth.isValid() ? (end.year() - entry.measuresMonth.year()) * 12 +
                                                                end.month() - entry.measuresMonth.month() + 1
                                                          : -1;
    if ((first == 0 || first == 1) && entry.measures) {
        const bool errorInWindow = entry.measuresError && entry.measuresErrorMonth >= first &&
                                   entry.measuresErrorMonth < first + kSummaryMeasureMonths;
        return {MeasureWindow(
                    std::shared_ptr<const clinical::MeasureContribution>(entry.measures, entry.measures.get() + first)),
                errorInWindow ? entry.measuresError : nullptr};
    }
    const MeasureWindow none(std::shared_ptr<const clinical::MeasureContribution>(
        std::shared_ptr<const clinical::MeasureContribution>(), kNoMeasureMonths.data()));
    if (entry.measuresError)
        return {none, entry.measuresError};
    return {none, std::make_shared<const Error>(Error{
                      QString(), QStringLiteral("the stored measures of patient %1 do not cover the months ending %2")
                                     .arg(entry.patient.clinicId, end.toString(QStringLiteral("yyyy-MM")))})};
}

clinical::PatientEvaluation evaluationOf(const Therapy &therapy, const domain::Patient *patient, const QDate &today)
{
    clinical::PatientEvaluation pe;
    pe.patient = patient;
    pe.evaluation = therapy.evaluation;  // its gaps shared, when dated `today` already
    pe.evaluation.asOf = today;
    if (therapy.datedOn != today) {
        for (qsizetype gap : therapy.gapsDueToday)
            pe.evaluation.gaps[gap].due = today;
    }
    pe.ltot.onLtot = true;
    pe.ltot.reason = therapy.reason;
    return pe;
}

}  // namespace

bool SummaryCache::patchBuilt(const QList<qsizetype> &changed)
{
    SummarisedRegistry &out = m_built;
    // The evaluations point into `patients`: lists a reader still holds are never changed under
    // it (a change would copy them, and the pointers would then name the old copy).
    if (m_refused || out.patients.size() != m_order.size() || !out.patients.isDetached() ||
        !out.evaluations.isDetached())
        return false;
    const QDate end = measuresEndMonth(out.asOf);
    for (const qsizetype i : changed) {
        const Entry &entry = *m_order.at(i);
        const qsizetype evaluation = m_evaluationAt.at(i);
        if (entry.refused || (entry.therapy != nullptr) != (evaluation >= 0))
            return false;
        out.patients[i] = patientOf(entry.patient);
        out.ltotReasons[i] = entry.ltotReason;
        out.nextVisits[i] = entry.nextVisit;
        out.nextVisitTimes[i] = entry.nextVisitTime;
        std::tie(out.measures[i], out.measuresErrors[i]) = measuresWindow(entry, end);
        if (evaluation >= 0)
            out.evaluations[evaluation] = evaluationOf(*entry.therapy, &out.patients.at(i), out.asOf);
    }
    return true;
}

bool SummaryCache::moveBuiltTo(const QDate &today)
{
    SummarisedRegistry &out = m_built;
    if (!out.asOf.isValid() || measuresEndMonth(today) != measuresEndMonth(out.asOf) ||
        m_evaluationAt.size() != m_order.size() || !out.evaluations.isDetached())
        return false;
    for (qsizetype i = 0; i < m_order.size(); ++i) {
        const qsizetype at = m_evaluationAt.at(i);
        if (at < 0)
            continue;
        clinical::Evaluation &evaluation = out.evaluations[at].evaluation;
        Therapy &therapy = *m_order.at(i)->therapy;
        evaluation.asOf = today;
        evaluation.gaps = {};  // so that the entry's gaps are dated in place, not copied
        therapy.dateGapsOn(today);
        evaluation.gaps = therapy.evaluation.gaps;
    }
    out.asOf = today;
    return true;
}

void SummaryCache::rebuild(const QDate &today)
{
    SummarisedRegistry out;
    out.asOf = today;
    const qsizetype n = m_order.size();
    out.patients.reserve(n);
    out.ltotReasons.reserve(n);
    out.nextVisits.reserve(n);
    out.nextVisitTimes.reserve(n);
    out.measures.reserve(n);
    out.measuresErrors.reserve(n);
    out.searchKeys.reserve(n);
    m_refused.reset();
    const QDate end = measuresEndMonth(today);
    for (const auto &entry : std::as_const(m_order)) {
        if (entry->refused && !m_refused)
            m_refused = *entry->refused;
        out.patients.append(patientOf(entry->patient));
        out.ltotReasons.append(entry->ltotReason);
        out.nextVisits.append(entry->nextVisit);
        out.nextVisitTimes.append(entry->nextVisitTime);
        out.searchKeys.append(entry->searchKey);
        auto [window, error] = measuresWindow(*entry, end);
        out.measures.append(std::move(window));
        out.measuresErrors.append(std::move(error));
    }
    // (nameOrder: merge() sets it, perhaps sorted on another core meanwhile)
    // Pointers into the finished list: it is not appended to again.
    m_evaluationAt = QList<qsizetype>(n, -1);
    for (qsizetype i = 0; i < n; ++i) {
        const Entry &entry = *m_order.at(i);
        if (!entry.therapy)
            continue;
        entry.therapy->dateGapsOn(today);  // then shared by the list's evaluation, not copied
        m_evaluationAt[i] = out.evaluations.size();
        out.evaluations.append(evaluationOf(*entry.therapy, &out.patients.at(i), today));
    }
    m_built = std::move(out);
}

}  // namespace cairn::registry
