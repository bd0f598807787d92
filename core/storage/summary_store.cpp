#include "core/storage/summary_store.h"

#include "core/storage/database.h"
#include "core/storage/hot_queries.h"

namespace cairn::storage {

Result<QStringList> SummaryStore::dirtyPatients()
{
    return m_db.textColumn("SELECT patient_id FROM summary_dirty ORDER BY patient_id");
}

Result<bool> SummaryStore::anyDirty()
{
    auto any = m_db.scalarInt("SELECT EXISTS (SELECT 1 FROM summary_dirty)");
    if (!any)
        return any.error();
    return *any != 0;
}

Status SummaryStore::markAllDirty()
{
    return m_db.exec("INSERT OR IGNORE INTO summary_dirty (patient_id) SELECT id FROM patients");
}

Status SummaryStore::markExpiredDirty(const QString &isoDate)
{
    if (auto s = m_db.runForEach(hot_queries::kMarkExpiredSummariesDirty, {isoDate}); !s)
        return s;
    return m_db.exec("INSERT OR IGNORE INTO summary_dirty (patient_id) SELECT id FROM patients p "
                     "WHERE NOT EXISTS (SELECT 1 FROM patient_summary s WHERE s.patient_id = p.id)");
}

Result<QHash<QString, QByteArray>> SummaryStore::measuresStillTrue(const QString &isoDate, const QString &isoMonth)
{
    auto stmt = m_db.prepare("SELECT patient_id, measures FROM patient_summary WHERE valid_until <= ? "
                             "AND measures_month = ? AND measures_error IS NULL AND measures IS NOT NULL "
                             "AND patient_id NOT IN (SELECT patient_id FROM summary_dirty)");
    if (!stmt)
        return stmt.error();
    Statement &q = *stmt;
    q.bind(1, isoDate).bind(2, isoMonth);
    QHash<QString, QByteArray> measures;
    while (q.next())
        measures.insert(q.text(0), q.blob(1));
    if (!q.status())
        return q.status().error();
    return measures;
}

Status SummaryStore::clearDirty()
{
    return m_db.exec("DELETE FROM summary_dirty");
}

Status SummaryStore::markDirty(const QString &patientId)
{
    return m_db.runForEach("INSERT OR IGNORE INTO summary_dirty (patient_id) VALUES (?)", {patientId});
}

Status SummaryStore::forget(const QString &patientId)
{
    if (auto s = m_db.runForEach("DELETE FROM patient_summary WHERE patient_id = ?", {patientId}); !s)
        return s;
    if (auto s = m_db.runForEach("DELETE FROM patient_summary_ahead WHERE patient_id = ?", {patientId}); !s)
        return s;
    return m_db.runForEach("DELETE FROM summary_dirty WHERE patient_id = ?", {patientId});
}

Result<std::int64_t> SummaryStore::nextComputedSeq()
{
    auto newest = newestComputedSeq();
    if (!newest)
        return newest.error();
    return *newest + 1;
}

Result<std::int64_t> SummaryStore::newestComputedSeq()
{
    auto newest = m_db.scalarInt(hot_queries::kNewestSummarySeq);
    if (!newest)
        return newest.error();
    return static_cast<std::int64_t>(*newest);
}

Status SummaryStore::upsert(const SummaryRow &row)
{
    auto stmt = m_db.cached(
        "INSERT OR REPLACE INTO patient_summary (patient_id, policy_version, on_therapy, ltot_reason, tier, band, "
        "total_mme, gaps, next_visit, next_visit_time, last_peg, error, measures, measures_error, measures_month, "
        "valid_until, computed_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return stmt.error();
    Statement &s = **stmt;
    s.bind(1, row.patientId)
        .bind(2, row.policyVersion)
        .bind(3, row.onTherapy ? 1 : 0)
        .bind(4, row.ltotReason)
        .bind(5, row.tier)
        .bind(6, row.band)
        .bind(7, row.totalMme)
        .bind(8, row.gaps)
        .bindOptional(9, row.nextVisit)
        .bind(10, row.nextVisitTime)
        .bindOptional(11, row.lastPeg)
        .bindOptional(12, row.error)
        .bind(13, row.measures)
        .bindOptional(14, row.measuresError)
        .bind(15, row.measuresMonth)
        .bind(16, row.validUntil)
        .bind(17, row.computedSeq);
    return s.run();
}

Status SummaryStore::computedSince(std::int64_t seq, const std::function<Status(const SummarisedPatientBytes &)> &each)
{
    // Every summary (the first read after unlocking) in one pass over the patients, each summary
    // found by its key: not through the computed_seq index, a third lookup per row.
    const QByteArray sql = QByteArray("SELECT p.id, p.clinic_id, p.name, p.prescriber, p.phone, p.language, "
                                      "p.search_key, s.policy_version, s.on_therapy, s.ltot_reason, s.tier, s.band, "
                                      "s.total_mme, s.gaps, s.next_visit, s.next_visit_time, s.error, s.measures, "
                                      "s.measures_error, s.measures_month ") +
                           (seq < 0 ? hot_queries::kEverySummaryTail : hot_queries::kSummariesComputedSinceTail);
    auto stmt = m_db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    Statement &q = *stmt;
    if (seq >= 0)
        q.bind(1, seq);
    SummarisedPatientBytes row;
    while (q.next()) {
        row.id = q.bytes(0);
        row.clinicId = q.bytes(1);
        row.name = q.bytes(2);
        row.prescriber = q.bytes(3);
        row.phone = q.bytes(4);
        row.language = q.bytes(5);
        row.searchKey = q.bytes(6);
        row.policyVersion = q.bytes(7);
        row.onTherapy = q.integer(8) != 0;
        row.ltotReason = q.bytes(9);
        row.tier = q.bytes(10);
        row.band = q.bytes(11);
        row.totalMme = q.real(12);
        row.gaps = q.bytes(13);
        row.nextVisit = q.bytes(14);
        row.nextVisitTime = q.bytes(15);
        row.error = q.bytes(16);
        row.measures = q.bytes(17);
        row.measuresError = q.bytes(18);
        row.measuresMonth = q.bytes(19);
        if (auto handled = each(row); !handled)
            return handled;
    }
    return q.status();
}

Result<QString> SummaryStore::summaryText(std::int64_t id)
{
    auto stmt = m_db.cached("SELECT text FROM summary_text WHERE id = ?");
    if (!stmt)
        return stmt.error();
    Statement &q = **stmt;
    q.bind(1, id);
    QString text;
    if (q.next())
        text = q.text(0);
    if (!q.status())
        return q.status().error();
    q.reset();
    return text;
}

Result<QHash<std::int64_t, QString>> SummaryStore::summaryTexts()
{
    auto stmt = m_db.prepare("SELECT id, text FROM summary_text");
    if (!stmt)
        return stmt.error();
    Statement &q = *stmt;
    QHash<std::int64_t, QString> texts;
    while (q.next())
        texts.insert(q.integer(0), q.text(1));
    if (!q.status())
        return q.status().error();
    return texts;
}

Result<QString> SummaryStore::storeSummaryText(std::int64_t id, const QString &text)
{
    auto stmt = m_db.cached("INSERT OR IGNORE INTO summary_text (id, text) VALUES (?, ?)");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, id).bind(2, text);
    if (auto s = (*stmt)->run(); !s)
        return s.error();
    return summaryText(id);
}

Result<QStringList> SummaryStore::patientsWithVisitOn(const QString &isoDate)
{
    return m_db.textColumn(hot_queries::kPatientsWithVisitOn, isoDate);
}

Result<QStringList> SummaryStore::patientsRoomedOn(const QString &isoDate)
{
    return m_db.textColumn(hot_queries::kPatientsRoomedOn, isoDate);
}

Result<QStringList> SummaryStore::toPrepare(const QString &isoDate, const QString &rules, int limit)
{
    auto stmt =
        m_db.prepare("SELECT s.patient_id FROM patient_summary s WHERE s.valid_until <= ? "
                     "AND NOT EXISTS (SELECT 1 FROM patient_summary_ahead a WHERE a.patient_id = s.patient_id "
                     "AND a.as_of = ? AND a.rules = ?) "
                     "AND s.patient_id NOT IN (SELECT patient_id FROM summary_dirty) ORDER BY s.patient_id LIMIT ?");
    if (!stmt)
        return stmt.error();
    Statement &q = *stmt;
    q.bind(1, isoDate).bind(2, isoDate).bind(3, rules).bind(4, limit);
    QStringList ids;
    while (q.next())
        ids << q.text(0);
    if (!q.status())
        return q.status().error();
    return ids;
}

Status SummaryStore::upsertPrepared(const SummaryRow &row, const QString &isoDate, const QString &rules)
{
    auto stmt = m_db.cached(
        "INSERT OR REPLACE INTO patient_summary_ahead (patient_id, as_of, rules, policy_version, on_therapy, "
        "ltot_reason, tier, band, total_mme, gaps, next_visit, next_visit_time, last_peg, error, measures, "
        "measures_error, measures_month, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return stmt.error();
    Statement &s = **stmt;
    s.bind(1, row.patientId)
        .bind(2, isoDate)
        .bind(3, rules)
        .bind(4, row.policyVersion)
        .bind(5, row.onTherapy ? 1 : 0)
        .bind(6, row.ltotReason)
        .bind(7, row.tier)
        .bind(8, row.band)
        .bind(9, row.totalMme)
        .bind(10, row.gaps)
        .bindOptional(11, row.nextVisit)
        .bind(12, row.nextVisitTime)
        .bindOptional(13, row.lastPeg)
        .bindOptional(14, row.error)
        .bind(15, row.measures)
        .bindOptional(16, row.measuresError)
        .bind(17, row.measuresMonth)
        .bind(18, row.validUntil);
    return s.run();
}

Result<int> SummaryStore::takePrepared(const QString &isoDate, const QString &rules, std::int64_t computedSeq)
{
    auto stmt = m_db.prepare(
        "INSERT OR REPLACE INTO patient_summary (patient_id, policy_version, on_therapy, ltot_reason, tier, band, "
        "total_mme, gaps, next_visit, next_visit_time, last_peg, error, measures, measures_error, measures_month, "
        "valid_until, computed_seq) "
        "SELECT a.patient_id, a.policy_version, a.on_therapy, a.ltot_reason, a.tier, a.band, a.total_mme, a.gaps, "
        "a.next_visit, a.next_visit_time, a.last_peg, a.error, a.measures, a.measures_error, a.measures_month, "
        "a.valid_until, ? FROM patient_summary_ahead a JOIN patient_summary s ON s.patient_id = a.patient_id "
        "WHERE a.as_of = ? AND a.rules = ? AND s.valid_until <= ? "
        "AND a.patient_id NOT IN (SELECT patient_id FROM summary_dirty)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, computedSeq).bind(2, isoDate).bind(3, rules).bind(4, isoDate);
    if (auto s = stmt->run(); !s)
        return s.error();
    return m_db.changes();
}

Status SummaryStore::forgetPreparedOfMarked()
{
    return m_db.exec("DELETE FROM patient_summary_ahead WHERE patient_id IN (SELECT patient_id FROM summary_dirty)");
}

Status SummaryStore::forgetPreparedOtherThan(const QString &isoDate, const QString &rules)
{
    auto stmt = m_db.prepare("DELETE FROM patient_summary_ahead WHERE as_of <> ? OR rules <> ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, isoDate).bind(2, rules);
    return stmt->run();
}

Status SummaryStore::forgetAllPrepared()
{
    return m_db.exec("DELETE FROM patient_summary_ahead");
}

}  // namespace cairn::storage
