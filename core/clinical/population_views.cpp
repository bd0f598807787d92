#include "core/clinical/population_views.h"

#include "core/clinical/decisions.h"
#include "core/domain/text.h"

#include <algorithm>
#include <cmath>

namespace cairn::clinical {
namespace {

int statusRank(GapStatus status)
{
    switch (status) {
    case GapStatus::Alert:
    case GapStatus::Overdue:
        return 0;
    case GapStatus::Missing:
        return 1;
    case GapStatus::DueSoon:
        return 2;
    }
    return 3;
}

Severity worstSeverity(const QList<CareGap> &gaps)
{
    Severity worst = Severity::Low;
    for (const CareGap &g : gaps)
        worst = std::min(worst, g.severity);
    return gaps.isEmpty() ? Severity::Low : worst;
}

template <typename List> bool doneWithin(const List &records, const QDate &on, int days)
{
    return std::any_of(records.cbegin(), records.cend(),
                       [&](const auto &r) { return r.date.isValid() && r.date <= on && r.date.daysTo(on) <= days; });
}

double percent(int numerator, int denominator)
{
    return denominator == 0 ? 0.0 : std::round(1000.0 * numerator / denominator) / 10.0;
}

}  // namespace

bool lowerIsBetter(const QString &measureId)
{
    return measureId == QLatin1String("mme_ge_50") || measureId == QLatin1String("mme_ge_90") ||
           measureId == QLatin1String("benzodiazepine");
}

bool missesTarget(const Measure &measure)
{
    if (!measure.target || measure.denominator == 0)
        return false;
    return measure.lowerIsBetter ? measure.value > *measure.target : measure.value < *measure.target;
}

Result<QList<PatientEvaluation>> evaluateRegistry(const QList<domain::Patient> &patients, const QDate &asOf,
                                                  const RulesContext &context)
{
    QList<PatientEvaluation> evaluations;
    evaluations.reserve(patients.size());
    for (const domain::Patient &patient : patients) {
        const LtotStatus ltot = ltotStatus(patient, asOf, context.policy);
        if (!ltot.onLtot)
            continue;
        auto evaluation = evaluate(patient, asOf, context);
        if (!evaluation)
            return evaluation.error().within(QStringLiteral("patient %1").arg(patient.clinicId));
        evaluations.append({&patient, std::move(evaluation).value(), ltot});
    }
    return evaluations;
}

std::optional<QString> bookingTimeOn(const domain::Patient &patient, const QDate &date)
{
    std::optional<QString> visitTime;
    for (const domain::Visit &v : patient.visits) {
        if (v.date != date || v.status != domain::VisitStatus::Scheduled)
            continue;
        // Two bookings on one day: the earlier time is when the patient arrives.
        if (!visitTime || (!v.time.isEmpty() && (visitTime->isEmpty() || v.time < *visitTime)))
            visitTime = v.time;
    }
    return visitTime;
}

HuddleEntry huddleEntry(const domain::Patient *patient, Evaluation evaluation, const QString &visitTime)
{
    HuddleEntry entry{patient, std::move(evaluation), {}, {}, {}, visitTime};
    for (const CareGap &gap : std::as_const(entry.evaluation.gaps)) {
        if (gap.code == QLatin1String("VISIT"))
            continue;  // the visit on the list closes it
        if (gap.role == QLatin1String("medical_assistant") || gap.role == QLatin1String("nurse"))
            entry.rooming.append(gap);
        else if (gap.role == QLatin1String("clinician"))
            entry.clinician.append(gap);
        else
            entry.registryManager.append(gap);
    }
    return entry;
}

void sortHuddle(QList<HuddleEntry> &entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const HuddleEntry &a, const HuddleEntry &b) {
        if (a.visitTime.isEmpty() != b.visitTime.isEmpty())
            return !a.visitTime.isEmpty();
        if (a.visitTime != b.visitTime)
            return a.visitTime < b.visitTime;  // "HH:mm" sorts as text
        const Severity sa = worstSeverity(a.evaluation.gaps);
        const Severity sb = worstSeverity(b.evaluation.gaps);
        if (sa != sb)
            return sa < sb;
        if (a.evaluation.gaps.size() != b.evaluation.gaps.size())
            return a.evaluation.gaps.size() > b.evaluation.gaps.size();
        return a.patient->name < b.patient->name;
    });
}

Result<QList<HuddleEntry>> huddleList(const QList<domain::Patient> &patients, const QDate &date,
                                      const RulesContext &context)
{
    QList<HuddleEntry> entries;
    for (const domain::Patient &patient : patients) {
        const std::optional<QString> visitTime = bookingTimeOn(patient, date);
        if (!visitTime || !ltotStatus(patient, date, context.policy).onLtot)
            continue;
        auto evaluation = evaluate(patient, date, context);
        if (!evaluation)
            return evaluation.error().within(QStringLiteral("patient %1").arg(patient.clinicId));
        entries.append(huddleEntry(&patient, std::move(evaluation).value(), *visitTime));
    }
    sortHuddle(entries);
    return entries;
}

QList<PatientEvaluation> worklist(const QList<PatientEvaluation> &evaluations, const WorklistFilter &filter)
{
    struct Row {
        PatientEvaluation item;
        int rank;
        QDate due;
    };
    QList<Row> rows;
    for (const PatientEvaluation &pe : evaluations) {
        const domain::Patient &p = *pe.patient;
        if (!filter.prescriber.isEmpty() && p.prescriber != filter.prescriber)
            continue;
        if (!filter.band.isEmpty() && toString(pe.evaluation.mme.band) != filter.band)
            continue;
        if (!filter.tier.isEmpty() && domain::toString(pe.evaluation.tier) != filter.tier)
            continue;
        if (!filter.search.isEmpty() &&
            !domain::matchesSearch(domain::patientSearchKey(p.name, p.clinicId), filter.search))
            continue;
        int rank = 3;
        QDate due;
        for (const CareGap &g : pe.evaluation.gaps) {
            if (!filter.gapCode.isEmpty() && g.code != filter.gapCode)
                continue;
            const int r = statusRank(g.status);
            if (r < rank || (r == rank && g.due.isValid() && (!due.isValid() || g.due < due))) {
                rank = r;
                due = g.due;
            }
        }
        if (!filter.gapCode.isEmpty() && rank == 3)
            continue;
        rows.append({pe, rank, due});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        if (a.due != b.due)
            return a.due.isValid() && (!b.due.isValid() || a.due < b.due);
        return a.item.patient->name < b.item.patient->name;
    });
    QList<PatientEvaluation> list;
    for (const Row &row : rows)
        list.append(row.item);
    return list;
}

namespace {

// The measures counted per patient, in the order monthlyMeasures lists them (mean_peg comes last).
enum MeasureIndex {
    kAgreement,
    kPdmp,
    kPdmpTwice,
    kUds,
    kPeg,
    kGe50,
    kGe90,
    kBenzo,
    kNaloxone,
    kGoal,
    kScriptsUsed,
    kEarlyRefills,
    kAcuteToLongTerm,
    kRulesOverridden,
    kMeasureCount
};
constexpr std::array<const char *, kMeasureCount> kMeasureIds{"agreement_current",
                                                              "pdmp_90d",
                                                              "pdmp_twice_365d",
                                                              "uds_365d",
                                                              "peg_90d",
                                                              "mme_ge_50",
                                                              "mme_ge_90",
                                                              "benzodiazepine",
                                                              "naloxone_if_indicated",
                                                              "care_plan_goal_current",
                                                              "conversation_scripts_used",
                                                              "early_refill_requests",
                                                              "acute_to_long_term",
                                                              "refill_rules_overridden"};

int windowOf(int measure, const ClinicPolicy &policy)
{
    const MeasuresPolicy &windows = policy.measures;
    switch (measure) {
    case kAgreement:
        return policy.measureWindow(Check::Agreement);
    case kPdmp:
        return policy.measureWindow(Check::Pdmp);
    case kPdmpTwice:
        return windows.pdmpTwiceDays;
    case kUds:
        return policy.measureWindow(Check::Uds);
    case kPeg:
        return policy.measureWindow(Check::Peg);
    case kNaloxone:
        return policy.naloxoneWithinDays;
    case kGoal:
        return windows.carePlanGoalDays;
    default:
        return 0;
    }
}

}  // namespace

Result<MeasureContribution> measureContribution(const domain::Patient &p, int year, int month,
                                                const RulesContext &context)
{
    const QDate first(year, month, 1);
    const QDate last = first.addMonths(1).addDays(-1);
    const ClinicPolicy &policy = context.policy;
    const MeasuresPolicy &windows = policy.measures;
    const QDate endOfPreviousMonth = first.addDays(-1);
    MeasureContribution c;
    if (!ltotStatus(p, last, policy).onLtot)
        return c;
    c.onLtot = true;
    auto mme = computeMme(p.opioids, last, context.table);
    if (!mme)
        return mme.error().within(QStringLiteral("patient %1").arg(p.clinicId));
    const double total = mme->totalPerDay;
    const bool benzoActive = benzodiazepineActive(p, last);
    auto count = [&c](int measure, bool yes) {
        c.counted |= static_cast<quint16>(1U << measure);
        if (yes)
            c.met |= static_cast<quint16>(1U << measure);
    };
    QList<domain::Agreement> signedAgreements;
    for (const domain::Agreement &a : p.agreements) {
        if (a.status == domain::AgreementStatus::Signed)
            signedAgreements.append(a);
    }
    count(kAgreement, doneWithin(signedAgreements, last, windowOf(kAgreement, policy)));
    count(kPdmp, doneWithin(p.pdmpChecks, last, windowOf(kPdmp, policy)));
    count(kPdmpTwice, std::count_if(p.pdmpChecks.cbegin(), p.pdmpChecks.cend(), [&](const domain::PdmpCheck &check) {
                          return check.date.isValid() && check.date <= last &&
                                 check.date.daysTo(last) <= windows.pdmpTwiceDays;
                      }) >= 2);
    count(kUds, doneWithin(p.uds, last, windowOf(kUds, policy)));
    count(kPeg, doneWithin(p.peg, last, windowOf(kPeg, policy)));
    // A current care-plan goal: one still being worked on, set or reviewed at a visit within the window.
    count(kGoal, std::any_of(p.goals.cbegin(), p.goals.cend(), [&](const domain::CarePlanGoal &g) {
              const QDate touched = g.reviewed.isValid() && g.reviewed <= last ? g.reviewed : g.date;
              return g.status == domain::GoalStatus::Active && g.date.isValid() && g.date <= last &&
                     touched.daysTo(last) <= windows.carePlanGoalDays;
          }));
    // Newly moved from acute opioids to long-term therapy: not on it at the end of the previous
    // month, with an opioid for pain in the look-back before this month began.
    const QDate lookbackStart = endOfPreviousMonth.addDays(1 - policy.ltot.lookbackDays);
    count(kAcuteToLongTerm, !ltotStatus(p, endOfPreviousMonth, policy).onLtot &&
                                std::any_of(p.opioids.cbegin(), p.opioids.cend(), [&](const domain::OpioidEntry &e) {
                                    return countsTowardsLtot(e) && e.start.isValid() && e.start <= endOfPreviousMonth &&
                                           (!e.end.isValid() || e.end >= lookbackStart);
                                }));
    count(kGe50, total >= 50);
    count(kGe90, total >= 90);
    count(kBenzo, benzoActive);
    // Beyond the contract's list: patients with whom a conversation script was used this month.
    count(kScriptsUsed, std::any_of(p.scriptUses.cbegin(), p.scriptUses.cend(),
                                    [&](const domain::ScriptUse &u) { return u.date >= first && u.date <= last; }));
    // Beyond the contract's list: patients with an early or lost/stolen refill request this month.
    count(kEarlyRefills,
          std::any_of(p.refillRequests.cbegin(), p.refillRequests.cend(), [&](const domain::RefillRequest &q) {
              return (q.early || q.lostStolen) && q.date >= first && q.date <= last;
          }));
    // Patients for whom a clinician overrode a firm refill rule (policy rule_strength) this month.
    count(kRulesOverridden,
          std::any_of(p.refillOverrides.cbegin(), p.refillOverrides.cend(),
                      [&](const domain::RefillOverride &o) { return o.date >= first && o.date <= last; }));
    if (total >= policy.naloxoneMme || (policy.naloxoneWithBenzodiazepine && benzoActive))
        count(kNaloxone, doneWithin(p.naloxone, last, policy.naloxoneWithinDays));
    // Mean PEG: each patient's latest PEG within the PEG window.
    const domain::PegScore *latest = nullptr;
    for (const auto &score : p.peg) {
        if (score.date.isValid() && score.date <= last && score.date.daysTo(last) <= windowOf(kPeg, policy) &&
            (!latest || score.date > latest->date))
            latest = &score;
    }
    if (latest)
        c.pegMean = pegMean(*latest);
    return c;
}

MonthTally::MonthTally(int year, int month, const QString &prescriber, const ClinicPolicy &policy, Lists lists)
    : m_policy(policy)
    , m_keepLists(lists == Lists::Keep)
{
    const QDate first(year, month, 1);
    m_result.month = first.toString(QStringLiteral("yyyy-MM"));
    m_result.evaluatedOn = first.addMonths(1).addDays(-1);
    m_result.prescriber = prescriber;
    m_result.policyVersion = policy.version;
}

void MonthTally::add(const QString &patientId, const MeasureContribution &c)
{
    if (!c.onLtot)
        return;
    ++m_result.cotPatients;
    for (int i = 0; i < kMeasureCount; ++i) {
        if (!(c.counted & (1U << i)))
            continue;
        ++m_denominator[i];
        const bool met = (c.met & (1U << i)) != 0;
        if (met)
            ++m_numerator[i];
        if (m_keepLists)
            (met ? m_ids[i] : m_notMetIds[i]).append(patientId);
    }
    if (c.pegMean) {
        ++m_pegCount;
        m_pegSum += *c.pegMean;
        if (m_keepLists)
            m_pegIds.append(patientId);
    }
}

MonthlyMeasures MonthTally::result() const
{
    MonthlyMeasures out = m_result;
    const MeasuresPolicy &windows = m_policy.measures;
    out.measures.reserve(kMeasureCount + 1);
    for (int i = 0; i < kMeasureCount; ++i) {
        const QString id = QLatin1String(kMeasureIds[i]);
        const std::optional<double> target = windows.target(id);
        const bool ceiling = lowerIsBetter(id);
        const QStringList needAction = !target ? QStringList() : ceiling ? m_ids[i] : m_notMetIds[i];
        out.measures.append({id, m_numerator[i], m_denominator[i], percent(m_numerator[i], m_denominator[i]), m_ids[i],
                             windowOf(i, m_policy), target, ceiling, needAction});
    }
    out.measures.append({QStringLiteral("mean_peg"), m_pegCount, m_pegCount,
                         m_pegCount == 0 ? 0.0 : roundToTenth(m_pegSum / m_pegCount), m_pegIds,
                         windowOf(kPeg, m_policy), std::nullopt, false});
    return out;
}

Result<MonthlyMeasures> monthlyMeasures(const QList<domain::Patient> &patients, int year, int month,
                                        const QString &prescriber, const RulesContext &context)
{
    if (!QDate(year, month, 1).isValid())
        return Error{QStringLiteral("month"), QStringLiteral("must be a month written YYYY-MM")};
    MonthTally tally(year, month, prescriber, context.policy);
    for (const domain::Patient &p : patients) {
        if (!prescriber.isEmpty() && p.prescriber != prescriber)
            continue;
        auto contribution = measureContribution(p, year, month, context);
        if (!contribution)
            return contribution.error();
        tally.add(p.id, *contribution);
    }
    return tally.result();
}

Result<QList<MonthlyMeasures>> measureTrend(const QList<domain::Patient> &patients, int year, int month,
                                            const QString &prescriber, const RulesContext &context)
{
    QList<MonthlyMeasures> trend;
    const QDate end(year, month, 1);
    if (!end.isValid())
        return Error{QStringLiteral("month"), QStringLiteral("must be a month written YYYY-MM")};
    for (int back = 11; back >= 0; --back) {
        const QDate m = end.addMonths(-back);
        auto measures = monthlyMeasures(patients, m.year(), m.month(), prescriber, context);
        if (!measures)
            return measures.error();
        trend.append(*measures);
    }
    return trend;
}

}  // namespace cairn::clinical
