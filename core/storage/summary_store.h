#pragma once
// Rows of `patient_summary`: what the whole-registry screens show of each patient (LTOT status,
// effective tier, MME total and band, open gaps, next visit, last PEG), as the rules engine computed
// it for one date under one clinic policy. A trigger on `records` marks the patient of every
// inserted record in `summary_dirty`, in the inserting transaction; core/registry recomputes those
// (and everyone when the date or the policy changes) before that transaction commits. Knows
// nothing of rules: the computed values arrive as text, numbers and JSON. Call the writers inside
// a Transaction.

#include "core/domain/result.h"
#include "core/storage/record_store.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace cairn::storage {

class Database;

struct SummaryRow {
    QString patientId;
    QString policyVersion;  // the clinic policy's version it was computed with
    bool onTherapy = false;
    QString ltotReason;
    QString tier;  // effective tier ("" when not evaluated and none set)
    QString band;  // "" when not evaluated
    double totalMme = 0;
    QByteArray gaps;               // bytes core/registry/patient_summaries.cpp writes and reads, naming texts by id
                                   // (summaryText)
    QString nextVisit;             // ISO date of the next scheduled visit on or after the summary's date
    QString nextVisitTime;         // "HH:mm" or ""
    QString lastPeg;               // ISO date of the latest PEG, "" when none
    QString error;                 // the evaluation's error line when the rules engine refused the record
    QByteArray measures;           // the patient's share of the recent months' measures (core/registry encodes it)
    QString measuresError;         // why the rules engine could not count the patient in those months
    QString measuresMonth;         // ISO first day of the last month `measures` covers
    QString validUntil;            // ISO date from which the date-dependent part may differ: recompute then
    std::int64_t computedSeq = 0;  // the recompute that wrote it (summariesComputedSince)
};

// A patient's demographics beside their summary as SQLite holds them (computedSince): text as
// UTF-8, valid only while the callback runs, so that a reader of every summary makes strings of
// what it keeps only (and once of the texts thousands of patients repeat), not of every column.
struct SummarisedPatientBytes {
    QByteArrayView id;
    QByteArrayView clinicId;
    QByteArrayView name;
    QByteArrayView prescriber;
    QByteArrayView phone;
    QByteArrayView language;
    QByteArrayView searchKey;  // the whole-registry lists' order: search key, then id
    // The summary, as SummaryRow says (NULL columns empty).
    QByteArrayView policyVersion;
    bool onTherapy = false;
    QByteArrayView ltotReason;
    QByteArrayView tier;
    QByteArrayView band;
    double totalMme = 0;
    QByteArrayView gaps;
    QByteArrayView nextVisit;
    QByteArrayView nextVisitTime;
    QByteArrayView error;
    QByteArrayView measures;
    QByteArrayView measuresError;
    QByteArrayView measuresMonth;
};

class SummaryStore {
public:
    explicit SummaryStore(Database &db)
        : m_db(db)
    {}

    // Patients whose records changed since their summary was written (sorted by id).
    Result<QStringList> dirtyPatients();
    Result<bool> anyDirty();
    // Every patient of the registry, to recompute all summaries (policy changed, date went back).
    Status markAllDirty();
    // The patients whose summary no longer holds on `isoDate` (valid_until on or before it), or who
    // have none: what a new day recomputes.
    Status markExpiredDirty(const QString &isoDate);
    // Of the summaries markExpiredDirty marks for `isoDate`, those whose patient is not marked
    // already (no record written since) and whose measures cover the months through `isoMonth`
    // without an error: patient id -> their stored measures, still true (a month's share depends
    // on the records and the policy only). Call before markExpiredDirty.
    Result<QHash<QString, QByteArray>> measuresStillTrue(const QString &isoDate, const QString &isoMonth);
    Status clearDirty();
    // Marks one patient's summary for recompute.
    Status markDirty(const QString &patientId);
    // Drops the summary of a patient the registry no longer holds (their records were set aside).
    Status forget(const QString &patientId);
    // The next recompute's computed_seq: one above every stored one.
    Result<std::int64_t> nextComputedSeq();
    Status upsert(const SummaryRow &row);
    // The highest computed_seq stored (0 when none): unchanged means no summary changed.
    Result<std::int64_t> newestComputedSeq();
    // Every patient whose summary was computed after `seq` (every patient for -1), with their
    // demographics, in no particular order, handed to `each` as read: the rows are never all held
    // at once (at 50,000 patients they were about 80 MB), and not even as strings. Stops at the first
    // error `each` returns. Call after the summaries are up to date.
    Status computedSince(std::int64_t seq, const std::function<Status(const SummarisedPatientBytes &)> &each);

    // Summaries prepared ahead (`patient_summary_ahead`, schema 10): a patient's summary for a later
    // date, computed before that date comes, stamped with the date and the rules it holds for.
    // Up to `limit` patients whose summary expires by `isoDate` (valid_until on or before it) and
    // who have none prepared for that date under `rules` and are not marked, by id.
    Result<QStringList> toPrepare(const QString &isoDate, const QString &rules, int limit);
    Status upsertPrepared(const SummaryRow &row, const QString &isoDate, const QString &rules);
    // Moves into patient_summary the summaries prepared for `isoDate` under `rules` of the patients
    // whose summary expires by then and who are not marked (nothing written for them since they were
    // prepared), stamped `computedSeq`. How many were moved. The prepared rows stay (a later date
    // never takes them) until the next preparation drops them (forgetPreparedOtherThan), so that
    // the day's first read writes only what it moves.
    Result<int> takePrepared(const QString &isoDate, const QString &rules, std::int64_t computedSeq);
    // Drops the prepared summaries of the marked patients (their records changed), or of everyone.
    Status forgetPreparedOfMarked();
    Status forgetAllPrepared();
    // Drops the prepared summaries for any other date or rules than these.
    Status forgetPreparedOtherThan(const QString &isoDate, const QString &rules);

    // The texts summaries name by id (`summary_text`, schema 11): a gap's code, role, reason and
    // scripts repeat across thousands of patients, so each is stored once and a summary holds its
    // id. The id is derived from the text (core/registry picks it), so two registries that computed
    // the same summaries hold the same bytes.
    // The text stored under `id`, or a null string when none is.
    Result<QString> summaryText(std::int64_t id);
    // Every stored text by id.
    Result<QHash<std::int64_t, QString>> summaryTexts();
    // Stores `text` under `id` unless a text is stored there already; the text stored there after.
    Result<QString> storeSummaryText(std::int64_t id, const QString &text);

    // Patients with a visit record (any version) dated `isoDate`: the candidates for that day's huddle.
    Result<QStringList> patientsWithVisitOn(const QString &isoDate);
    // Patients with a rooming record in force dated `isoDate` (hot_queries::kPatientsRoomedOn).
    Result<QStringList> patientsRoomedOn(const QString &isoDate);

private:
    Database &m_db;
};

}  // namespace cairn::storage
