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

Status SummaryStore::clearDirty()
{
    return m_db.exec("DELETE FROM summary_dirty");
}

Status SummaryStore::upsert(const SummaryRow &row)
{
    auto stmt = m_db.cached(
        "INSERT OR REPLACE INTO patient_summary (patient_id, policy_version, on_therapy, ltot_reason, tier, band, "
        "total_mme, gaps, next_visit, next_visit_time, last_peg, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
        .bind(8, QString::fromUtf8(row.gaps))
        .bindOptional(9, row.nextVisit)
        .bind(10, row.nextVisitTime)
        .bindOptional(11, row.lastPeg)
        .bindOptional(12, row.error);
    return s.run();
}

Result<QList<SummarisedPatientRow>> SummaryStore::all()
{
    const QByteArray sql =
        QByteArray("SELECT p.id, p.head, p.clinic_id, p.name, p.birth_date, p.sex, p.prescriber, p.risk_tier, p.phone, "
                   "p.language, s.policy_version, s.on_therapy, s.ltot_reason, s.tier, s.band, s.total_mme, s.gaps, "
                   "coalesce(s.next_visit, ''), s.next_visit_time, coalesce(s.last_peg, ''), coalesce(s.error, '') ") +
        hot_queries::kSummariesWithPatientsTail;
    auto stmt = m_db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    QList<SummarisedPatientRow> rows;
    while (stmt->next()) {
        SummarisedPatientRow row;
        PatientRow &p = row.patient;
        p.id = stmt->text(0);
        p.head = stmt->text(1);
        p.clinicId = stmt->text(2);
        p.name = stmt->text(3);
        p.birthDate = stmt->text(4);
        p.sex = stmt->text(5);
        p.prescriber = stmt->text(6);
        p.riskTier = stmt->text(7);
        p.phone = stmt->text(8);
        p.language = stmt->text(9);
        SummaryRow &s = row.summary;
        s.patientId = p.id;
        s.policyVersion = stmt->text(10);
        s.onTherapy = stmt->integer(11) != 0;
        s.ltotReason = stmt->text(12);
        s.tier = stmt->text(13);
        s.band = stmt->text(14);
        s.totalMme = stmt->real(15);
        s.gaps = stmt->blob(16);
        s.nextVisit = stmt->text(17);
        s.nextVisitTime = stmt->text(18);
        s.lastPeg = stmt->text(19);
        s.error = stmt->text(20);
        rows.append(std::move(row));
    }
    if (!stmt->status())
        return stmt->status().error();
    return rows;
}

Result<QStringList> SummaryStore::patientsWithVisitOn(const QString &isoDate)
{
    return m_db.textColumn(hot_queries::kPatientsWithVisitOn, isoDate);
}

}  // namespace cairn::storage
