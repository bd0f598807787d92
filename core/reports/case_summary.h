#pragma once
// The case summary (issue 18 items 5 and 6): what a consulting team needs to know about one patient,
// built from the registry's records and the rules engine's evaluation, as JSON (cairnctl --json,
// tests) and as a printable PDF rendered in memory with PdfDocument. The caller reads the patient
// through Registry::loadPatient, which audits it as a view of the record; nothing here writes a file.

#include "core/clinical/instruments.h"
#include "core/clinical/ltot.h"
#include "core/clinical/rules.h"
#include "core/domain/records.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace cairn::reports {

// One opioid of the current regimen with its daily dose in morphine milligram equivalents.
struct RegimenLine {
    domain::OpioidEntry entry;
    std::optional<double> mmePerDay;  // none for an opioid the table does not count (MOUD)
    QString note;
};

// The daily MME from a day on, until the next point.
struct MmePoint {
    QDate date;
    double mmePerDay = 0;
};

struct CaseSummary {
    QDate asOf;
    domain::Patient patient;  // demographics and every current record (the lists below come from it)
    clinical::LtotStatus ltot;
    domain::RiskTier tier = domain::RiskTier::Moderate;
    // The conference the summary is for, when there is one: its question heads the summary.
    std::optional<domain::CaseConference> conference;

    double totalMme = 0;
    clinical::MmeBand band = clinical::MmeBand::Below50;
    QList<RegimenLine> regimen;              // active on asOf
    QList<MmePoint> mmeHistory;              // every change of the daily MME up to asOf, oldest first
    std::optional<double> pegBaseline;       // the first PEG's mean
    std::optional<double> pegTarget;         // 30 % better than the baseline (clinical::pegImprovementTarget)
    QList<clinical::ScreeningScore> scores;  // PHQ/GAD/ORT/PC-PTSD-5, by date
    QList<clinical::CareGap> gaps;           // open on asOf
};

// The summary of `patient` on `asOf` (the evaluation is rules::evaluate's for the same day). With a
// conference id, that conference of the patient's (an error naming "conference" when it is not one).
Result<CaseSummary> caseSummary(const domain::Patient &patient, const clinical::Evaluation &evaluation,
                                const clinical::LtotStatus &ltot, const clinical::MmeTable &table, const QDate &asOf,
                                const QString &conferenceId = {});

QJsonObject caseSummaryToJson(const CaseSummary &summary);
QByteArray renderCaseSummary(const CaseSummary &summary);

}  // namespace cairn::reports
