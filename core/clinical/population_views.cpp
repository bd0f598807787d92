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

Result<QList<HuddleEntry>> huddleList(const QList<domain::Patient> &patients, const QDate &date,
                                      const RulesContext &context)
{
    QList<HuddleEntry> entries;
    for (const domain::Patient &patient : patients) {
        bool booked = false;
        QString visitTime;
        for (const domain::Visit &v : patient.visits) {
            if (v.date != date || v.status != domain::VisitStatus::Scheduled)
                continue;
            // Two bookings on one day: the earlier time is when the patient arrives.
            if (!booked || (!v.time.isEmpty() && (visitTime.isEmpty() || v.time < visitTime)))
                visitTime = v.time;
            booked = true;
        }
        if (!booked || !ltotStatus(patient, date, context.policy).onLtot)
            continue;
        auto evaluation = evaluate(patient, date, context);
        if (!evaluation)
            return evaluation.error().within(QStringLiteral("patient %1").arg(patient.clinicId));
        HuddleEntry entry{&patient, *evaluation, {}, {}, {}, visitTime};
        for (const CareGap &gap : evaluation->gaps) {
            if (gap.code == QLatin1String("VISIT"))
                continue;  // the visit on the list closes it
            if (gap.role == QLatin1String("medical_assistant") || gap.role == QLatin1String("nurse"))
                entry.rooming.append(gap);
            else if (gap.role == QLatin1String("clinician"))
                entry.clinician.append(gap);
            else
                entry.registryManager.append(gap);
        }
        entries.append(entry);
    }
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

Result<MonthlyMeasures> monthlyMeasures(const QList<domain::Patient> &patients, int year, int month,
                                        const QString &prescriber, const RulesContext &context)
{
    const QDate first(year, month, 1);
    if (!first.isValid())
        return Error{QStringLiteral("month"), QStringLiteral("must be a month written YYYY-MM")};
    const QDate last = first.addMonths(1).addDays(-1);
    MonthlyMeasures result;
    result.month = first.toString(QStringLiteral("yyyy-MM"));
    result.evaluatedOn = last;
    result.prescriber = prescriber;
    const ClinicPolicy &policy = context.policy;
    const MeasuresPolicy &windows = policy.measures;
    result.policyVersion = policy.version;
    const QDate endOfPreviousMonth = first.addDays(-1);

    struct Tally {
        explicit Tally(const char *measure, int window = 0)
            : id(measure)
            , windowDays(window)
        {}
        const char *id;
        int windowDays;
        int numerator = 0;
        int denominator = 0;
        double sum = 0;
        QStringList ids;
    };
    Tally agreement("agreement_current", windows.agreementDays), pdmp("pdmp_90d", windows.pdmpDays),
        pdmpTwice("pdmp_twice_365d", windows.pdmpTwiceDays), uds("uds_365d", windows.udsDays),
        peg("peg_90d", windows.pegDays), ge50("mme_ge_50"), ge90("mme_ge_90"), benzo("benzodiazepine"),
        naloxone("naloxone_if_indicated", policy.naloxoneWithinDays), meanPeg("mean_peg", windows.pegDays),
        goal("care_plan_goal_current", windows.carePlanGoalDays), scriptsUsed("conversation_scripts_used"),
        earlyRefills("early_refill_requests"), acuteToLongTerm("acute_to_long_term"),
        rulesOverridden("refill_rules_overridden");
    auto count = [](Tally &t, bool yes, const QString &id) {
        ++t.denominator;
        if (yes) {
            ++t.numerator;
            t.ids.append(id);
        }
    };
    for (const domain::Patient &p : patients) {
        if (!prescriber.isEmpty() && p.prescriber != prescriber)
            continue;
        if (!ltotStatus(p, last, policy).onLtot)
            continue;
        ++result.cotPatients;
        auto mme = computeMme(p.opioids, last, context.table);
        if (!mme)
            return mme.error().within(QStringLiteral("patient %1").arg(p.clinicId));
        const double total = mme->totalPerDay;
        const bool benzoActive = benzodiazepineActive(p, last);
        QList<domain::Agreement> signedAgreements;
        for (const domain::Agreement &a : p.agreements) {
            if (a.status == domain::AgreementStatus::Signed)
                signedAgreements.append(a);
        }
        count(agreement, doneWithin(signedAgreements, last, windows.agreementDays), p.id);
        count(pdmp, doneWithin(p.pdmpChecks, last, windows.pdmpDays), p.id);
        count(pdmpTwice,
              std::count_if(p.pdmpChecks.cbegin(), p.pdmpChecks.cend(),
                            [&](const domain::PdmpCheck &c) {
                                return c.date.isValid() && c.date <= last &&
                                       c.date.daysTo(last) <= windows.pdmpTwiceDays;
                            }) >= 2,
              p.id);
        count(uds, doneWithin(p.uds, last, windows.udsDays), p.id);
        count(peg, doneWithin(p.peg, last, windows.pegDays), p.id);
        // A current care-plan goal: one still being worked on, set or reviewed at a visit within the window.
        count(goal,
              std::any_of(p.goals.cbegin(), p.goals.cend(),
                          [&](const domain::CarePlanGoal &g) {
                              const QDate touched = g.reviewed.isValid() && g.reviewed <= last ? g.reviewed : g.date;
                              return g.status == domain::GoalStatus::Active && g.date.isValid() && g.date <= last &&
                                     touched.daysTo(last) <= windows.carePlanGoalDays;
                          }),
              p.id);
        // Newly moved from acute opioids to long-term therapy: not on it at the end of the previous
        // month, with an opioid for pain in the look-back before this month began.
        const QDate lookbackStart = endOfPreviousMonth.addDays(1 - policy.ltot.lookbackDays);
        count(acuteToLongTerm,
              !ltotStatus(p, endOfPreviousMonth, policy).onLtot &&
                  std::any_of(p.opioids.cbegin(), p.opioids.cend(),
                              [&](const domain::OpioidEntry &e) {
                                  return countsTowardsLtot(e) && e.start.isValid() && e.start <= endOfPreviousMonth &&
                                         (!e.end.isValid() || e.end >= lookbackStart);
                              }),
              p.id);
        count(ge50, total >= 50, p.id);
        count(ge90, total >= 90, p.id);
        count(benzo, benzoActive, p.id);
        // Beyond the contract's list: patients with whom a conversation script was used this month.
        count(scriptsUsed,
              std::any_of(p.scriptUses.cbegin(), p.scriptUses.cend(),
                          [&](const domain::ScriptUse &u) { return u.date >= first && u.date <= last; }),
              p.id);
        // Beyond the contract's list: patients with an early or lost/stolen refill request this month.
        count(earlyRefills,
              std::any_of(p.refillRequests.cbegin(), p.refillRequests.cend(),
                          [&](const domain::RefillRequest &q) {
                              return (q.early || q.lostStolen) && q.date >= first && q.date <= last;
                          }),
              p.id);
        // Patients for whom a clinician overrode a firm refill rule (policy rule_strength) this month.
        count(rulesOverridden,
              std::any_of(p.refillOverrides.cbegin(), p.refillOverrides.cend(),
                          [&](const domain::RefillOverride &o) { return o.date >= first && o.date <= last; }),
              p.id);
        if (total >= context.policy.naloxoneMme || (context.policy.naloxoneWithBenzodiazepine && benzoActive))
            count(naloxone, doneWithin(p.naloxone, last, context.policy.naloxoneWithinDays), p.id);
        // Mean PEG: each patient's latest PEG within the PEG window.
        const domain::PegScore *latest = nullptr;
        for (const auto &score : p.peg) {
            if (score.date.isValid() && score.date <= last && score.date.daysTo(last) <= windows.pegDays &&
                (!latest || score.date > latest->date))
                latest = &score;
        }
        if (latest) {
            ++meanPeg.numerator;
            meanPeg.sum += pegMean(*latest);
            meanPeg.ids.append(p.id);
        }
    }
    meanPeg.denominator = meanPeg.numerator;
    for (Tally *t : {&agreement, &pdmp, &pdmpTwice, &uds, &peg, &ge50, &ge90, &benzo, &naloxone, &goal, &scriptsUsed,
                     &earlyRefills, &acuteToLongTerm, &rulesOverridden}) {
        const QString id = QLatin1String(t->id);
        result.measures.append({id, t->numerator, t->denominator, percent(t->numerator, t->denominator), t->ids,
                                t->windowDays, windows.target(id), lowerIsBetter(id)});
    }
    result.measures.append({QLatin1String(meanPeg.id), meanPeg.numerator, meanPeg.denominator,
                            meanPeg.numerator == 0 ? 0.0 : roundToTenth(meanPeg.sum / meanPeg.numerator), meanPeg.ids,
                            meanPeg.windowDays, std::nullopt, false});
    return result;
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
