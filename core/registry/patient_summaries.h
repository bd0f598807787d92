#pragma once
// Per-patient summaries: what the whole-registry screens (roster, PEG outreach, gap worklists) and
// cairnctl gaps show of each patient, kept in `patient_summary` so that a screen reads one row per
// patient instead of every record. The rules engine stays the one source of truth: a summary is
// exactly what clinical::ltotStatus and clinical::evaluate say for the patient on the summary's
// date under the clinic policy in force; nothing is decided here.
//
// When summaries are recomputed (always inside a transaction, so a crash leaves the old ones):
//   - a trigger marks the patient of every inserted record (summary_dirty), and the write paths
//     recompute those before they commit (commitWithSummaries);
//   - on the first write or read of a new day, the patients whose summary no longer holds: each
//     summary stores the first day on which the rules engine's word on the patient differs
//     (valid_until, found by asking the engine day by day, at most until the stored measure
//     months stop covering the measures screen's), and only those whose day has come are redone;
//   - every patient, when the clinic policy in force or the summary format is not the one the
//     summaries were computed with, or the clock went back;
//   - anything still marked, before a summary is read.
// A summary whose day comes tomorrow may also be prepared ahead while the app is idle
// (prepareSummariesAhead): the new day's first read then moves it into place, if nothing was
// written for the patient since, instead of recomputing it.
// Each recompute stamps the rows it writes with one computed_seq above every stored one, so a
// reader that remembers the newest it saw re-reads only what changed since (SummaryCache).

#include "core/clinical/population_views.h"
#include "core/domain/records.h"
#include "core/domain/result.h"
#include "core/registry/views.h"

#include <QByteArrayView>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>

#include <algorithm>
#include <array>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cairn::storage {
class Database;
class Transaction;
}  // namespace cairn::storage

namespace cairn::registry {

class Clock;

// The date summaries are computed for: the clock's local date, as the app's "today".
QDate summaryDate(const Clock &clock);

// Recomputes what is out of date (see above) in the caller's transaction. How many were recomputed.
Result<int> refreshSummaries(storage::Database &db, const QDate &today);
// Prepares ahead, in the caller's transaction, tomorrow's summary of up to `limit` patients whose
// summary expires tomorrow (computed by the rules engine for that date from the records as they
// are), so that tomorrow's first read moves them into place instead of recomputing them; a record
// written for the patient in the meantime, another policy or another date discards it. Nothing
// when today's summaries are not up to date (a read brings them up to date first). How many
// patients it handled: fewer than `limit` when none is left.
Result<int> prepareSummariesAhead(storage::Database &db, const QDate &today, int limit);
// refreshSummaries, then commits.
Status commitWithSummaries(storage::Transaction &tx, storage::Database &db, const Clock &clock);

// How many months of measures a summary holds: the 12 months ending with measuresEndMonth(asOf),
// the trend the measures screen opens on.
inline constexpr int kSummaryMeasureMonths = 12;
using MeasureMonths = std::array<clinical::MeasureContribution, kSummaryMeasureMonths>;
// The first day of the last complete month before `asOf`: the month the measures screen opens on.
QDate measuresEndMonth(const QDate &asOf);

// A patient's share of the kSummaryMeasureMonths months ending measuresEndMonth(asOf), month by
// month (oldest first): a view into the months their summary stores, shared with the summary cache
// (and with every patient whose share is the same), not a copy.
class MeasureWindow {
public:
    MeasureWindow() = default;
    explicit MeasureWindow(std::shared_ptr<const clinical::MeasureContribution> first)
        : m_first(std::move(first))
    {}
    const clinical::MeasureContribution &operator[](std::size_t month) const { return m_first.get()[month]; }

private:
    std::shared_ptr<const clinical::MeasureContribution> m_first;  // kSummaryMeasureMonths in a row
};

// The summaries as the population views take them: patients carry demographics only (no records),
// evaluations hold tier, MME total and band, and gaps (no scores), pointing into `patients`.
struct SummarisedRegistry {
    QDate asOf;
    QList<domain::Patient> patients;                 // every patient, in search-key order
    QList<clinical::PatientEvaluation> evaluations;  // the patients on long-term therapy
    // Per patient, as `patients`:
    QList<QString> ltotReasons;     // clinical::toString(LtotReason)
    QList<QString> nextVisits;      // ISO date of the next booking on or after asOf ("" when none)
    QList<QString> nextVisitTimes;  // its time, as clinical::bookingTimeOn says
    QList<MeasureWindow> measures;  // their share of the months ending measuresEndMonth(asOf)
    // (a summary stores one month more, the month in progress, so it still covers these when the
    // next month begins)
    QList<std::shared_ptr<const Error>> measuresErrors;  // why the rules engine could not count them (null: it could)
    QList<QString> searchKeys;                           // domain::patientSearchKey of each patient
    // The places in `patients` in the lists' display order (names compared as the system
    // locale does, then search order): kept while no name changes, so a list is not sorted per read.
    QList<qsizetype> nameOrder;
};

// The places 0..count-1 in the whole-registry lists' name order: names compared as the system
// locale does, ties kept in their given (search) order. `nameAt(i)` gives the i-th name.
template <typename NameAt> QList<qsizetype> placesInNameOrder(qsizetype count, const NameAt &nameAt)
{
    QList<qsizetype> places(count);
    std::iota(places.begin(), places.end(), qsizetype{0});
    std::stable_sort(places.begin(), places.end(),
                     [&nameAt](qsizetype a, qsizetype b) { return nameAt(a).localeAwareCompare(nameAt(b)) < 0; });
    return places;
}

// The summaries one registry connection read last, kept parsed between reads: a read after a write
// re-reads and re-parses only the summaries recomputed since (computed_seq), not every row.
class SummaryCache {
public:
    // Brings the stored summaries up to date for `today` (their own transaction when needed) and
    // returns them. A patient whose records the rules engine refused fails the read with that
    // error, naming the patient's clinic id, as a full evaluation would.
    Result<SummarisedRegistry> read(storage::Database &db, const QDate &today);
    // How many summaries the last read parsed (every patient the first time; after a write, its patients).
    [[nodiscard]] qsizetype lastParsed() const { return m_lastParsed; }
    // How many summaries the last read recomputed with the rules engine (not those prepared ahead).
    [[nodiscard]] int lastRecomputed() const { return m_lastRecomputed; }

private:
    struct Entry;
    Status merge(storage::Database &db, std::int64_t newest, const QDate &today);
    void rebuild(const QDate &today);
    // After a write: the entries at `changed` places put into the list last built, in place,
    // when nothing else about it changed; false when it must be built again.
    bool patchBuilt(const QList<qsizetype> &changed);
    // A new day of the same measures month: the list last built (patched with what the day changed)
    // moved to `today` in place: each evaluation's date and its gaps due "today"; false when it
    // must be built again (another month, or a reader still holds the evaluations).
    bool moveBuiltTo(const QDate &today);
    // One copy of a text many summaries repeat (prescriber, language, LTOT reason, next visit, ...),
    // found by its stored bytes: a repeat makes no string. Null for no bytes.
    QString shared(QByteArrayView utf8);
    // The gap whose code, role, reason and scripts these stored ids name (decodeGaps), one for every
    // summary naming the same; null when one of the texts is not stored (or could not be read: `unread`).
    const clinical::CareGap *gapShape(QByteArrayView ids, storage::Database &db, std::optional<Error> *unread);
    // The text stored under `id`, read when not known yet; null when none is.
    QString textOf(quint32 id, storage::Database &db, std::optional<Error> *unread);
    // m_position for every place in m_order, when a read needs it after the order changed.
    void placeEveryEntry();
    struct BytesHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view bytes) const { return std::hash<std::string_view>{}(bytes); }
    };
    QList<std::shared_ptr<Entry>> m_order;  // every patient: search key, then id
    QHash<QString, qsizetype> m_position;   // patient id -> place in m_order (when m_positionKnown)
    bool m_positionKnown = false;
    std::int64_t m_seq = -1;               // the newest computed_seq read
    QHash<std::int64_t, QString> m_texts;  // the texts the stored gaps name, by id (shared by every entry)
    std::unordered_map<std::string, QString, BytesHash, std::equal_to<>> m_words;                // see shared()
    std::unordered_map<std::string, clinical::CareGap, BytesHash, std::equal_to<>> m_gapShapes;  // see gapShape()
    QList<qsizetype> m_nameOrder;  // see SummarisedRegistry::nameOrder
    SummarisedRegistry m_built;
    QList<qsizetype> m_evaluationAt;  // per place in m_order: its index in m_built.evaluations, or -1
    std::optional<Error> m_refused;   // the first patient (in order) the rules engine refused
    qsizetype m_lastParsed = 0;
    int m_lastRecomputed = 0;
};

}  // namespace cairn::registry
