#include "core/clinical/rules.h"

#include "core/clinical/assets.h"
#include "core/clinical/decisions.h"
#include "core/clinical/intake.h"
#include "core/clinical/oud.h"
#include "core/clinical/referral_triggers.h"
#include "core/clinical/tasks.h"
#include "core/domain/text.h"

#include <mutex>

namespace cairn::clinical {
namespace {

struct GapDefinition {
    Severity severity = Severity::Medium;
    QJsonValue reason;  // English, or a text per language
};

Severity severityFromText(const QString &text)
{
    if (text == QLatin1String("urgent"))
        return Severity::Urgent;
    if (text == QLatin1String("high"))
        return Severity::High;
    if (text == QLatin1String("low"))
        return Severity::Low;
    return Severity::Medium;
}

const QHash<QString, GapDefinition> &gapDefinitions()
{
    static std::once_flag once;
    static QHash<QString, GapDefinition> definitions;
    std::call_once(once, [] {
        auto json = loadJsonAsset(QStringLiteral("gaps.json"));
        if (!json)
            return;
        const QJsonObject gaps = json->value(QStringLiteral("gaps")).toObject();
        for (auto it = gaps.begin(); it != gaps.end(); ++it) {
            const QJsonObject o = it.value().toObject();
            definitions.insert(it.key(), {severityFromText(o.value(QStringLiteral("severity")).toString()),
                                          o.value(QStringLiteral("reason"))});
        }
    });
    return definitions;
}

// The latest date on or before asOf among dates picked from records.
template <typename List, typename DateOf, typename Keep>
QDate latest(const List &records, const QDate &asOf, DateOf dateOf, Keep keep)
{
    QDate best;
    for (const auto &record : records) {
        const QDate date = dateOf(record);
        if (date.isValid() && date <= asOf && keep(record) && (!best.isValid() || date > best))
            best = date;
    }
    return best;
}

const auto kAny = [](const auto &) { return true; };
const auto kDate = [](const auto &r) { return r.date; };

class GapList {
public:
    GapList(const RulesContext &context, const QDate &asOf)
        : m_context(context)
        , m_asOf(asOf)
    {}

    // Adds a sentence to the reason of a gap already raised.
    void annotate(const QString &code, const QString &sentence)
    {
        for (CareGap &gap : m_gaps) {
            if (gap.code == code)
                gap.reason = gap.reason.isEmpty() ? sentence : gap.reason + QLatin1Char(' ') + sentence;
        }
    }

    CareGap &add(const QString &code, GapStatus status, const QDate &due)
    {
        CareGap gap;
        gap.code = code;
        gap.status = status;
        gap.due = due;
        const GapDefinition definition = gapDefinitions().value(code);
        gap.severity = status == GapStatus::DueSoon ? Severity::Low : definition.severity;
        gap.role = m_context.policy.responsibleRole(code);  // the clinic's responsibilities
        gap.reason = textIn(definition.reason, QStringLiteral("en"));
        if (m_context.scriptsForGap)
            gap.scripts = m_context.scriptsForGap(code);
        m_gaps.append(gap);
        return m_gaps.last();
    }

    // Interval rule: never done → missing (due today); past due → overdue; within the horizon → due soon.
    void interval(const QString &code, const QDate &lastDone, int intervalDays)
    {
        if (!lastDone.isValid()) {
            add(code, GapStatus::Missing, m_asOf);
            return;
        }
        const QDate due = lastDone.addDays(intervalDays);
        const qint64 daysLeft = m_asOf.daysTo(due);
        if (daysLeft < 0)
            add(code, GapStatus::Overdue, due);
        else if (daysLeft <= m_context.policy.dueSoonDays)
            add(code, GapStatus::DueSoon, due);
    }

    QList<CareGap> sorted()
    {
        std::stable_sort(m_gaps.begin(), m_gaps.end(), [](const CareGap &a, const CareGap &b) {
            if (a.severity != b.severity)
                return a.severity < b.severity;
            return a.code < b.code;
        });
        return m_gaps;
    }

private:
    const RulesContext &m_context;
    QDate m_asOf;
    QList<CareGap> m_gaps;
};

}  // namespace

QString gapReason(const QString &code, const QString &language)
{
    return textIn(gapDefinitions().value(code).reason, language);
}

bool benzodiazepineActive(const domain::Patient &patient, const QDate &on)
{
    // The contract's BENZODIAZEPINE alert, high-tier escalation and naloxone condition name
    // benzodiazepines. The facts (../shared/reference/clinical-facts.md, CDC 2022 Rec 11 and the
    // naloxone row of its guideline table; 6BB "sedative co-prescribing") ask clinics to track
    // other sedatives too but give no rule for them, so z-drugs, gabapentinoids, muscle relaxants
    // and barbiturates are recorded and shown, and do not change tiers, gaps or naloxone.
    return std::any_of(patient.benzodiazepines.cbegin(), patient.benzodiazepines.cend(),
                       [&](const domain::BenzodiazepineEntry &b) {
                           return b.kind == domain::SedativeKind::Benzodiazepine && isActiveOn(b.start, b.end, on);
                       });
}

QString toString(GapStatus status)
{
    switch (status) {
    case GapStatus::Missing:
        return QStringLiteral("missing");
    case GapStatus::Overdue:
        return QStringLiteral("overdue");
    case GapStatus::DueSoon:
        return QStringLiteral("due_soon");
    case GapStatus::Alert:
        return QStringLiteral("alert");
    }
    return {};
}

QString toString(Severity severity)
{
    switch (severity) {
    case Severity::Urgent:
        return QStringLiteral("urgent");
    case Severity::High:
        return QStringLiteral("high");
    case Severity::Medium:
        return QStringLiteral("medium");
    case Severity::Low:
        return QStringLiteral("low");
    }
    return {};
}

Result<Evaluation> evaluate(const domain::Patient &patient, const QDate &asOf, const RulesContext &context)
{
    const ClinicPolicy &policy = context.policy;
    Evaluation result;
    result.asOf = asOf;
    result.policyVersion = policy.version;

    auto mme = computeMme(patient.opioids, asOf, context.table);
    if (!mme)
        return mme.error();
    result.mme = *mme;
    const double total = mme->totalPerDay;

    // Scores, in input order; only screenings dated on or before asOf feed the rules.
    QDate latestOrtDate;
    QString latestOrtTier;
    QDate latestPhq2Date;
    bool latestPhq2Positive = false;
    QDate latestPhq9Date;
    bool latestPhq9Item9 = false;
    for (qsizetype i = 0; i < patient.screenings.size(); ++i) {
        const domain::Screening &s = patient.screenings.at(i);
        const QString at = QStringLiteral("screenings[%1]").arg(i);
        const Instrument *instrument = context.instruments.find(s.instrument);
        if (!instrument)
            return Error{at + QStringLiteral(".instrument"),
                         QStringLiteral("unknown instrument \"%1\"").arg(domain::quotedInput(s.instrument, 40))};
        auto score = instrument->score(s.answers, patient.sex, policy.pcptsd5Cutoff);
        if (!score) {
            const Error &e = score.error();
            if (e.field == QLatin1String("sex"))
                return Error{QStringLiteral("sex"), e.message};
            return e.within(at + QStringLiteral(".answers"));
        }
        score->date = s.date;
        if (!s.date.isValid() || s.date > asOf)
            continue;  // validated, but entered ahead of this evaluation's date: not counted
        result.scores.append(*score);
        if (s.instrument == QLatin1String("ort") && (!latestOrtDate.isValid() || s.date >= latestOrtDate)) {
            latestOrtDate = s.date;
            latestOrtTier = score->result;
        } else if (s.instrument == QLatin1String("phq2") && (!latestPhq2Date.isValid() || s.date >= latestPhq2Date)) {
            latestPhq2Date = s.date;
            latestPhq2Positive = score->result == QLatin1String("positive");
        } else if (s.instrument == QLatin1String("phq9") && (!latestPhq9Date.isValid() || s.date >= latestPhq9Date)) {
            latestPhq9Date = s.date;
            latestPhq9Item9 = suicideRiskAlert(*score);
        }
    }

    // Effective tier: clinician's, else the latest ORT's, else moderate; then escalate, never lower.
    bool assessed = true;
    domain::RiskTier tier = domain::RiskTier::Moderate;
    if (patient.riskTier) {
        tier = *patient.riskTier;
    } else if (latestOrtDate.isValid()) {
        (void)domain::parse(latestOrtTier, &tier);
    } else {
        assessed = false;
    }
    const bool benzoActive = benzodiazepineActive(patient, asOf);
    const bool opioidActive = std::any_of(patient.opioids.cbegin(), patient.opioids.cend(),
                                          [&](const auto &o) { return isActiveOn(o.start, o.end, asOf); });
    if (total >= policy.highTierMme || benzoActive)
        tier = domain::RiskTier::High;
    else if (total >= policy.atLeastModerateMme && tier == domain::RiskTier::Low)
        tier = domain::RiskTier::Moderate;
    result.tier = tier;

    GapList gaps(context, asOf);
    const auto completedVisit = [](const domain::Visit &v) { return v.status == domain::VisitStatus::Completed; };
    // Only a signed agreement closes AGREEMENT; a declined one is a recorded fact that the gap's
    // reason names (never a silent gap, never a silently closed one).
    const auto signedAgreement = [](const domain::Agreement &a) { return a.status == domain::AgreementStatus::Signed; };
    const auto declinedAgreement = [](const domain::Agreement &a) {
        return a.status == domain::AgreementStatus::Declined;
    };
    const QDate lastSigned = latest(patient.agreements, asOf, kDate, signedAgreement);
    gaps.interval(QStringLiteral("AGREEMENT"), lastSigned, policy.interval(Check::Agreement, tier));
    const QDate lastDeclined = latest(patient.agreements, asOf, kDate, declinedAgreement);
    if (lastDeclined.isValid() && (!lastSigned.isValid() || lastDeclined > lastSigned))
        gaps.annotate(
            QStringLiteral("AGREEMENT"),
            QStringLiteral("The patient declined the agreement on %1.").arg(lastDeclined.toString(Qt::ISODate)));
    gaps.interval(QStringLiteral("PDMP_CHECK"), latest(patient.pdmpChecks, asOf, kDate, kAny),
                  policy.interval(Check::Pdmp, tier));
    // Random urine testing replaces the UDS interval gap: the selection is made at rooming and
    // nothing may list ahead who will give a sample (uds_selection.h).
    if (policy.udsSelectionMode == UdsSelectionMode::Interval)
        gaps.interval(QStringLiteral("UDS"), latest(patient.uds, asOf, kDate, kAny), policy.interval(Check::Uds, tier));
    gaps.interval(QStringLiteral("VISIT"), latest(patient.visits, asOf, kDate, completedVisit),
                  policy.interval(Check::Visit, tier));
    gaps.interval(QStringLiteral("PEG"), latest(patient.peg, asOf, kDate, kAny), policy.interval(Check::Peg, tier));
    const QDate lastDepressionScreen = latest(patient.screenings, asOf, kDate, [](const domain::Screening &s) {
        return s.instrument == QLatin1String("phq2") || s.instrument == QLatin1String("phq9");
    });
    gaps.interval(QStringLiteral("DEPRESSION_SCREEN"), lastDepressionScreen,
                  policy.interval(Check::DepressionScreen, tier));

    if (latestPhq2Positive && !(latestPhq9Date.isValid() && latestPhq9Date >= latestPhq2Date))
        gaps.add(QStringLiteral("PHQ9_FOLLOWUP"), GapStatus::Overdue, latestPhq2Date);
    if (latestPhq9Item9)
        gaps.add(QStringLiteral("SUICIDE_RISK"), GapStatus::Alert, QDate());

    const bool naloxoneIndicated = total >= policy.naloxoneMme || (policy.naloxoneWithBenzodiazepine && benzoActive);
    if (naloxoneIndicated) {
        const QDate lastNaloxone = latest(patient.naloxone, asOf, kDate, kAny);
        if (!lastNaloxone.isValid())
            gaps.add(QStringLiteral("NALOXONE"), GapStatus::Missing, asOf);
        else if (lastNaloxone.daysTo(asOf) > policy.naloxoneWithinDays)
            gaps.add(QStringLiteral("NALOXONE"), GapStatus::Overdue, lastNaloxone.addDays(policy.naloxoneWithinDays));
    }
    if (total >= policy.highDoseMme)
        gaps.add(QStringLiteral("HIGH_DOSE"), GapStatus::Alert, QDate());
    if (benzoActive && opioidActive)
        gaps.add(QStringLiteral("BENZODIAZEPINE"), GapStatus::Alert, QDate());

    const domain::UrineDrugScreen *latestUds = nullptr;
    for (const auto &u : patient.uds) {
        if (u.date.isValid() && u.date <= asOf && (!latestUds || u.date >= latestUds->date))
            latestUds = &u;
    }
    if (latestUds && latestUds->result == domain::UdsResult::Unexpected)
        gaps.add(QStringLiteral("UDS_UNEXPECTED"), GapStatus::Alert, QDate());
    if (!assessed)
        gaps.add(QStringLiteral("RISK_ASSESSMENT"), GapStatus::Missing, asOf);

    // Referrals followed through (referrals.h): the earliest follow-up that is past due, and the
    // clinic's referral triggers that no referral or decision not to refer answers.
    QDate followUp;
    for (const domain::Referral &referral : patient.referrals) {
        const QDate due = followUpDue(referral, policy.referrals);
        if (referral.date <= asOf && due.isValid() && due < asOf && (!followUp.isValid() || due < followUp))
            followUp = due;
    }
    if (followUp.isValid())
        gaps.add(QStringLiteral("REFERRAL_FOLLOWUP"), GapStatus::Overdue, followUp);
    const QList<domain::ReferralTrigger> unanswered = unansweredReferralTriggers(patient, result, policy);
    if (!unanswered.isEmpty()) {
        gaps.add(QStringLiteral("REFERRAL_NEEDED"), GapStatus::Missing, asOf);
        QStringList names;
        for (domain::ReferralTrigger trigger : unanswered)
            names.append(domain::toString(trigger));
        gaps.annotate(QStringLiteral("REFERRAL_NEEDED"),
                      QStringLiteral("Triggers: %1.").arg(names.join(QStringLiteral(", "))));
    }
    // A new patient already on opioids (intake.h): the open intake, and a prescription made here
    // before the new-patient policy's items.
    const IntakeChecklist intake = intakeChecklist(patient, asOf);
    if (intake.intake && !intake.complete()) {
        gaps.add(QStringLiteral("INTAKE_INCOMPLETE"), GapStatus::Missing, intake.intake->date);
        QStringList missing;
        for (IntakeItem item : intake.missing)
            missing << toString(item);
        gaps.annotate(QStringLiteral("INTAKE_INCOMPLETE"),
                      QStringLiteral("Still to do: %1.").arg(missing.join(QStringLiteral(", "))));
    }
    // A bridge at the current dose is reviewed by its review date: past it, with the intake's decision
    // still "bridge", the clinician owes a decision (a new outcome, or the bridge with a new date).
    if (intake.intake && intake.intake->outcome == domain::IntakeOutcome::Bridge &&
        intake.intake->reviewDate.isValid() && intake.intake->reviewDate < asOf)
        gaps.add(QStringLiteral("INTAKE_BRIDGE_REVIEW"), GapStatus::Overdue, intake.intake->reviewDate);
    if (const QString early = prescribedBeforeIntakeItems(patient, asOf, policy); !early.isEmpty()) {
        gaps.add(QStringLiteral("INTAKE_PRESCRIBED_EARLY"), GapStatus::Alert, QDate());
        gaps.annotate(QStringLiteral("INTAKE_PRESCRIBED_EARLY"), early);
    }
    // Opioid use disorder (oud.h): a checklist of mild or worse calls for offering treatment,
    // and stays a gap until a MOUD status is recorded on or after it.
    if (const domain::OudAssessment *oud = latestOudAssessment(patient, asOf);
        oud && offersTreatment(oudResult(*oud).severity)) {
        const domain::MoudStatus *moud = moudStatusOn(patient, asOf);
        if (!moud || moud->date < oud->date)
            gaps.add(QStringLiteral("MOUD_OFFER"), GapStatus::Missing, oud->date);
    }
    // Tasks (tasks.h): each role with an overdue task owns a gap of its own, whoever the clinic's
    // responsibilities name, because the task names who does it.
    for (const OverdueTasks &overdue : overdueTasksByOwner(patient, asOf)) {
        CareGap &gap = gaps.add(QStringLiteral("TASK_OVERDUE"), GapStatus::Overdue, overdue.since);
        gap.role = overdue.ownerRole;
        gap.reason += QStringLiteral(" Overdue tasks: %1.").arg(overdue.count);
    }

    result.gaps = gaps.sorted();
    return result;
}

}  // namespace cairn::clinical
