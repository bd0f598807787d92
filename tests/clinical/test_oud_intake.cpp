// Issue 18 items 3 and 4 as pure functions: the DSM-5 opioid use disorder checklist (severity by
// count, tolerance and withdrawal not counted for someone taking opioids as prescribed, every
// criterion required), MOUD apart from long-term therapy, and the new-patient intake (its
// checklist, who may write which field, the INTAKE_INCOMPLETE gap and the alert when an opioid is
// prescribed here before the clinic's new-patient policy allows); a bridge left past its review
// date, the referral gap's unanswered triggers, and overdue tasks as their owner role's gap.

#include "core/clinical/intake.h"
#include "core/clinical/ltot.h"
#include "core/clinical/oud.h"
#include "core/clinical/referral_triggers.h"
#include "core/clinical/responsibilities.h"
#include "core/clinical/rules.h"
#include "core/clinical/tasks.h"
#include "core/domain/record_json.h"
#include "core/domain/validation.h"

#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace cairn;
using namespace cairn::clinical;

namespace {

const QDate kIntakeDay(2026, 11, 2);
const QDate kToday(2026, 11, 20);

struct Fixture {
    ClinicPolicy policy = *ClinicPolicy::defaults();
    const MmeTable &table = *(*MmeTables::shipped())->find(QStringLiteral("cdc-2022"));
    const Instruments &instruments = **Instruments::shipped();
    RulesContext context() const { return {policy, table, instruments, {}}; }
};

// A checklist with the first `yes` criteria answered yes and the rest no.
domain::OudAssessment checklist(int yes, bool asPrescribed, std::initializer_list<std::size_t> alsoYes = {})
{
    domain::OudAssessment a;
    a.date = kToday;
    a.clinician = QStringLiteral("dr-ruiz");
    for (std::size_t i = 0; i < a.criteria.size(); ++i)
        a.criteria[i] = static_cast<int>(i) < yes || std::find(alsoYes.begin(), alsoYes.end(), i) != alsoYes.end();
    a.asPrescribed = asPrescribed;
    return a;
}

domain::OpioidEntry oxycodone(const QDate &start, const QDate &end = {})
{
    domain::OpioidEntry e;
    e.drug = QStringLiteral("oxycodone");
    e.strengthMg = 10;
    e.dosesPerDay = 3;
    e.start = start;
    e.end = end;
    return e;
}

// A new patient who came on oxycodone from another prescriber, with an intake started on kIntakeDay.
domain::Patient newPatient()
{
    domain::Patient p;
    p.id = QStringLiteral("p1");
    p.sex = domain::Sex::Female;
    p.opioids = {oxycodone(QDate(2025, 3, 1), kIntakeDay.addDays(-1))};
    domain::Intake intake;
    intake.date = kIntakeDay;
    intake.referralSource = QStringLiteral("self");
    intake.priorPrescriber = QStringLiteral("Valley Pain Clinic");
    intake.reasonLeft = QStringLiteral("prescriber retired");
    p.intakes = {intake};
    return p;
}

// Everything the checklist asks, done after the intake began, except the first-visit decision.
void completeIntake(domain::Patient &p)
{
    domain::Intake &i = p.intakes.first();
    i.recordsRequested = kIntakeDay;
    i.recordsReceived = kIntakeDay.addDays(5);
    i.diagnosis = QStringLiteral("lumbar radiculopathy");
    p.pdmpChecks = {{{}, kIntakeDay, QStringLiteral("nurse"), false, {}}};
    p.uds = {{{}, kIntakeDay, domain::UdsResult::Expected, {}, false}};
    domain::Screening ort;
    ort.instrument = QStringLiteral("ort");
    ort.date = kIntakeDay;
    ort.answers = QJsonObject{};
    p.screenings = {ort};
    domain::Agreement agreement;
    agreement.date = kIntakeDay.addDays(6);
    p.agreements = {agreement};
    p.opioids.append(oxycodone(kIntakeDay.addDays(6)));
}

void recordOutcome(domain::Patient &p, domain::IntakeOutcome outcome)
{
    domain::Intake &i = p.intakes.first();
    i.outcome = outcome;
    i.outcomeDate = kIntakeDay.addDays(6);
    i.outcomeBy = QStringLiteral("dr-ruiz");
    if (outcome == domain::IntakeOutcome::Bridge)
        i.reviewDate = kIntakeDay.addDays(30);
}

const CareGap *gap(const QList<CareGap> &gaps, const char *code)
{
    for (const CareGap &g : gaps)
        if (g.code == QLatin1String(code))
            return &g;
    return nullptr;
}

QStringList triggerNames(const QList<domain::ReferralTrigger> &triggers)
{
    QStringList names;
    for (domain::ReferralTrigger trigger : triggers)
        names << domain::toString(trigger);
    return names;
}

QStringList missingItems(const IntakeChecklist &c)
{
    QStringList names;
    for (IntakeItem item : c.missing)
        names << toString(item);
    return names;
}

}  // namespace

class TestOudIntake : public QObject {
    Q_OBJECT

private slots:
    void severityByCount_data()
    {
        QTest::addColumn<int>("yes");
        QTest::addColumn<QString>("severity");
        QTest::newRow("0") << 0 << "none";
        QTest::newRow("1") << 1 << "none";
        QTest::newRow("2") << 2 << "mild";
        QTest::newRow("3") << 3 << "mild";
        QTest::newRow("4") << 4 << "moderate";
        QTest::newRow("5") << 5 << "moderate";
        QTest::newRow("6") << 6 << "severe";
        QTest::newRow("9") << 9 << "severe";
    }
    void severityByCount()
    {
        QFETCH(int, yes);
        QFETCH(QString, severity);
        const OudResult result = oudResult(checklist(yes, false));
        QCOMPARE(result.criteriaCounted, yes);
        QCOMPARE(toString(result.severity), severity);
        QVERIFY(result.complete);
        QCOMPARE(offersTreatment(result.severity), yes >= 2);
    }

    // DSM-5: tolerance and withdrawal do not count for someone taking opioids only as prescribed
    // under medical supervision; they do for anyone else.
    void toleranceAndWithdrawalWhenPrescribed()
    {
        const std::size_t tolerance = 9;
        const std::size_t withdrawal = 10;
        QCOMPARE(QLatin1String(domain::kOudCriteria[tolerance]), QLatin1String("tolerance"));
        QCOMPARE(QLatin1String(domain::kOudCriteria[withdrawal]), QLatin1String("withdrawal"));

        const OudResult prescribed = oudResult(checklist(1, true, {tolerance, withdrawal}));
        QCOMPARE(prescribed.criteriaMet, 3);
        QCOMPARE(prescribed.criteriaCounted, 1);
        QVERIFY(prescribed.severity == OudSeverity::None);

        const OudResult notAsPrescribed = oudResult(checklist(1, false, {tolerance, withdrawal}));
        QCOMPARE(notAsPrescribed.criteriaCounted, 3);
        QVERIFY(notAsPrescribed.severity == OudSeverity::Mild);

        // Four other criteria are moderate whatever the prescription says.
        QVERIFY(oudResult(checklist(4, true, {tolerance, withdrawal})).severity == OudSeverity::Moderate);
    }

    void everyCriterionRequired()
    {
        domain::OudAssessment a = checklist(0, false);
        a.criteria[3].reset();
        const Status status = domain::validate(a);
        QVERIFY(!status);
        QCOMPARE(status.error().field, QStringLiteral("criteria.craving"));
        QVERIFY(!oudResult(a).complete);

        a = checklist(0, false);
        a.asPrescribed.reset();
        QCOMPARE(domain::validate(a).error().field, QStringLiteral("as_prescribed"));
        QVERIFY(domain::validate(checklist(2, false)));

        // From JSON: a missing criterion is unanswered (never read as "no"), an unknown one refused.
        QJsonObject json = domain::recordToJson(domain::AnyRecord(checklist(2, false)));
        QJsonObject criteria = json.value(QStringLiteral("criteria")).toObject();
        criteria.remove(QStringLiteral("withdrawal"));
        json.insert(QStringLiteral("criteria"), criteria);
        auto read = domain::recordFromJson(QStringLiteral("oud_assessment"), json);
        QVERIFY(read);
        QCOMPARE(domain::validate(std::get<domain::OudAssessment>(*read)).error().field,
                 QStringLiteral("criteria.withdrawal"));
        criteria.insert(QStringLiteral("feels_bad"), true);
        json.insert(QStringLiteral("criteria"), criteria);
        QCOMPARE(domain::recordFromJson(QStringLiteral("oud_assessment"), json).error().field,
                 QStringLiteral("criteria.feels_bad"));
    }

    void criteriaWordedInBothLanguages()
    {
        const QStringList en = oudCriteriaText(QStringLiteral("en"));
        const QStringList es = oudCriteriaText(QStringLiteral("es"));
        QCOMPARE(en.size(), 11);
        QCOMPARE(es.size(), 11);
        for (qsizetype i = 0; i < en.size(); ++i) {
            QVERIFY(!en.at(i).isEmpty());
            QVERIFY2(en.at(i) != es.at(i), qPrintable(en.at(i)));
        }
    }

    // MOUD is tracked apart: buprenorphine for OUD never makes a patient LTOT, and a mild-or-worse
    // checklist is a gap until a MOUD status is recorded on or after it.
    void moudApartFromLtot()
    {
        Fixture f;
        domain::Patient p;
        p.id = QStringLiteral("p2");
        p.sex = domain::Sex::Male;
        domain::OpioidEntry bup;
        bup.drug = QStringLiteral("buprenorphine");
        bup.strengthMg = 8;
        bup.dosesPerDay = 2;
        bup.start = QDate(2026, 1, 5);
        bup.indication = domain::OpioidIndication::OpioidUseDisorder;
        p.opioids = {bup};
        const LtotStatus ltot = ltotStatus(p, kToday, f.policy);
        QVERIFY(!ltot.onLtot);
        QVERIFY(ltot.moud);

        p.oudAssessments = {checklist(3, false)};
        auto evaluation = evaluate(p, kToday, f.context());
        QVERIFY(evaluation);
        QVERIFY(gap(evaluation->gaps, "MOUD_OFFER"));

        domain::MoudStatus offered;
        offered.date = kToday;
        offered.state = domain::MoudState::Offered;
        p.moudStatuses = {offered};
        QVERIFY(moudStatusOn(p, kToday)->state == domain::MoudState::Offered);
        QVERIFY(!gap(evaluate(p, kToday, f.context())->gaps, "MOUD_OFFER"));

        // A referral names where to: a directory resource (the registry checks that it holds one
        // that offers MOUD), or, in a record from before the directory, its free text.
        domain::MoudStatus referred = offered;
        referred.state = domain::MoudState::Referred;
        QCOMPARE(domain::validate(referred).error().field, QStringLiteral("resource_id"));
        referred.resourceId = QStringLiteral("6f1c2a3e-0d4b-4c59-9a77-2b8e5d1f0c42");
        QVERIFY(domain::validate(referred));
        domain::MoudStatus before = offered;
        before.state = domain::MoudState::Referred;
        before.referredTo = QStringLiteral("County recovery clinic");
        QVERIFY(domain::validate(before));
        QVERIFY(offersMoud(domain::ResourceCategory::MoudPrescriber));
        QVERIFY(offersMoud(domain::ResourceCategory::AddictionTreatment));
        QVERIFY(!offersMoud(domain::ResourceCategory::PainSpecialist));

        // A checklist with fewer than two counted criteria asks nothing.
        p.moudStatuses.clear();
        p.oudAssessments = {checklist(1, true, {9, 10})};
        QVERIFY(!gap(evaluate(p, kToday, f.context())->gaps, "MOUD_OFFER"));
    }

    void intakeChecklistAndGap()
    {
        Fixture f;
        domain::Patient p = newPatient();
        IntakeChecklist c = intakeChecklist(p, kToday);
        QVERIFY(c.intake);
        QCOMPARE(missingItems(c), (QStringList{"records_requested", "records_received", "pdmp_reviewed", "urine_test",
                                               "diagnosis", "regimen", "risk_screen", "agreement", "outcome"}));
        auto evaluation = evaluate(p, kToday, f.context());
        const CareGap *incomplete = gap(evaluation->gaps, "INTAKE_INCOMPLETE");
        QVERIFY(incomplete);
        QVERIFY(incomplete->status == GapStatus::Missing);
        QCOMPARE(incomplete->role, QStringLiteral("nurse"));
        QVERIFY2(incomplete->reason.contains(QLatin1String("records_received")), qPrintable(incomplete->reason));

        // A PDMP check from before the intake began does not count for it.
        p.pdmpChecks = {{{}, kIntakeDay.addDays(-40), QStringLiteral("nurse"), false, {}}};
        QVERIFY(missingItems(intakeChecklist(p, kToday)).contains(QLatin1String("pdmp_reviewed")));

        completeIntake(p);
        c = intakeChecklist(p, kToday);
        QCOMPARE(missingItems(c), QStringList{"outcome"});
        QVERIFY(gap(evaluate(p, kToday, f.context())->gaps, "INTAKE_INCOMPLETE"));

        recordOutcome(p, domain::IntakeOutcome::Continue);
        QVERIFY(intakeChecklist(p, kToday).complete());
        QVERIFY(!gap(evaluate(p, kToday, f.context())->gaps, "INTAKE_INCOMPLETE"));

        // Not taken on: nothing further is asked of an incomplete intake.
        domain::Patient declined = newPatient();
        recordOutcome(declined, domain::IntakeOutcome::NotTakenOn);
        QVERIFY(intakeChecklist(declined, kToday).complete());
        QVERIFY(!gap(evaluate(declined, kToday, f.context())->gaps, "INTAKE_INCOMPLETE"));
    }

    void intakeValidation()
    {
        domain::Intake i = newPatient().intakes.first();
        QVERIFY(domain::validate(i));
        i.outcomeDate = kIntakeDay;
        QCOMPARE(domain::validate(i).error().field, QStringLiteral("outcome"));
        i.outcome = domain::IntakeOutcome::Bridge;
        QCOMPARE(domain::validate(i).error().field, QStringLiteral("outcome_by"));
        i.outcomeBy = QStringLiteral("dr-ruiz");
        QCOMPARE(domain::validate(i).error().field, QStringLiteral("review_date"));
        i.reviewDate = kIntakeDay.addDays(28);
        QVERIFY(domain::validate(i));
        i.recordsRequested = kIntakeDay;
        i.recordsReceived = kIntakeDay.addDays(-1);
        QCOMPARE(domain::validate(i).error().field, QStringLiteral("records_received"));
        QCOMPARE(
            domain::recordFromJson(QStringLiteral("intake"), QJsonObject{{"date", "2026-11-02"}, {"outcome", "maybe"}})
                .error()
                .field,
            QStringLiteral("outcome"));
    }

    // The front desk keeps the administrative fields; the diagnosis needs a rooming clinician, the
    // first-visit decision a clinician.
    void intakeFieldRights()
    {
        const domain::Intake started = newPatient().intakes.first();
        QVERIFY(!intakeFieldPermission(started, nullptr));
        domain::Intake received = started;
        received.recordsReceived = kToday;
        QVERIFY(!intakeFieldPermission(received, &started));
        domain::Intake diagnosed = received;
        diagnosed.diagnosis = QStringLiteral("knee osteoarthritis");
        QVERIFY(intakeFieldPermission(diagnosed, &received) == keys::Permission::RecordRooming);
        // Keeping the nurse's diagnosis while the front desk notes something else needs nothing more.
        domain::Intake later = diagnosed;
        later.priorPrescriber = QStringLiteral("Dr. Lee, Valley Pain Clinic");
        QVERIFY(!intakeFieldPermission(later, &diagnosed));
        domain::Intake decided = later;
        decided.outcome = domain::IntakeOutcome::Taper;
        QVERIFY(intakeFieldPermission(decided, &later) == keys::Permission::RecordClinicalDecision);
        QVERIFY(intakeFieldPermission(decided, nullptr) == keys::Permission::RecordClinicalDecision);
    }

    // An opioid prescribed here before the new-patient policy's items raises an alert naming what
    // was missing, under either switch, until the first-visit decision is recorded.
    void prescribedBeforeRequiredItems()
    {
        Fixture f;
        domain::Patient p = newPatient();
        p.opioids.append(oxycodone(kIntakeDay.addDays(1)));  // open-ended, before records or a urine test
        auto evaluation = evaluate(p, kToday, f.context());
        const CareGap *alert = gap(evaluation->gaps, "INTAKE_PRESCRIBED_EARLY");
        QVERIFY(alert);
        QVERIFY(alert->status == GapStatus::Alert);
        QVERIFY2(alert->reason.contains(QLatin1String("2026-11-03")), qPrintable(alert->reason));
        QVERIFY2(alert->reason.contains(QLatin1String("records were received")), qPrintable(alert->reason));
        QVERIFY2(alert->reason.contains(QLatin1String("urine test")), qPrintable(alert->reason));

        // Records first: prescribed after the records came and a urine test: no alert.
        domain::Patient ready = newPatient();
        completeIntake(ready);
        QVERIFY(!gap(evaluate(ready, kToday, f.context())->gaps, "INTAKE_PRESCRIBED_EARLY"));

        // Bridge: a prescription within bridge_days is what the policy allows; an open-ended one is not.
        f.policy = *f.policy.withOverrides(QJsonObject{{"new_patient", QJsonObject{{"mode", "bridge"}}}});
        QVERIFY(gap(evaluate(p, kToday, f.context())->gaps, "INTAKE_PRESCRIBED_EARLY"));
        p.opioids.last().end = kIntakeDay.addDays(20);
        QVERIFY(!gap(evaluate(p, kToday, f.context())->gaps, "INTAKE_PRESCRIBED_EARLY"));
        // The refill check's rule is the same one.
        QCOMPARE(newPatientRuling(f.policy, false, false, kIntakeDay, kIntakeDay.addDays(45)).reason,
                 QStringLiteral("NEW_PATIENT_BRIDGE_TOO_LONG"));

        // The clinician's first-visit decision answers the alert.
        f.policy = *ClinicPolicy::defaults();
        p.opioids.last().end = QDate();
        recordOutcome(p, domain::IntakeOutcome::Bridge);
        QVERIFY(!gap(evaluate(p, kToday, f.context())->gaps, "INTAKE_PRESCRIBED_EARLY"));
    }

    void bridgePastItsReviewDateIsTheCliniciansGap()
    {
        Fixture f;
        domain::Patient p = newPatient();
        completeIntake(p);
        recordOutcome(p, domain::IntakeOutcome::Bridge);
        const QDate review = p.intakes.first().reviewDate;
        // On the review day the bridge is still in time; the day after, it is overdue.
        QVERIFY(!gap(evaluate(p, review, f.context())->gaps, "INTAKE_BRIDGE_REVIEW"));
        auto evaluation = evaluate(p, review.addDays(1), f.context());
        const CareGap *overdue = gap(evaluation->gaps, "INTAKE_BRIDGE_REVIEW");
        QVERIFY(overdue);
        QVERIFY(overdue->status == GapStatus::Overdue);
        QCOMPARE(overdue->due, review);
        QCOMPARE(overdue->role, QStringLiteral("clinician"));
        QVERIFY(overdue->severity == Severity::High);
        QVERIFY(!gap(evaluation->gaps, "INTAKE_INCOMPLETE"));

        // A decision after it answers it: the bridge kept to a new review date, or another outcome.
        domain::Patient extended = p;
        extended.intakes.first().reviewDate = review.addDays(30);
        QVERIFY(!gap(evaluate(extended, review.addDays(1), f.context())->gaps, "INTAKE_BRIDGE_REVIEW"));
        QVERIFY(gap(evaluate(extended, review.addDays(31), f.context())->gaps, "INTAKE_BRIDGE_REVIEW"));
        domain::Patient continued = p;
        recordOutcome(continued, domain::IntakeOutcome::Continue);
        continued.intakes.first().reviewDate = review;  // left from the bridge: no longer a bridge
        QVERIFY(!gap(evaluate(continued, review.addDays(10), f.context())->gaps, "INTAKE_BRIDGE_REVIEW"));
    }

    void theReferralGapNamesItsUnansweredTriggers()
    {
        Fixture f;
        domain::Patient p;
        p.id = QStringLiteral("p3");
        p.sex = domain::Sex::Male;
        p.opioids = {oxycodone(QDate(2026, 1, 5))};
        p.opioids.first().strengthMg = 40;  // 40 mg three times a day: 180 MME
        p.uds = {{{}, kIntakeDay, domain::UdsResult::Unexpected, {}, false}};
        auto evaluation = evaluate(p, kToday, f.context());
        QVERIFY(gap(evaluation->gaps, "REFERRAL_NEEDED"));
        QCOMPARE(triggerNames(unansweredReferralTriggers(p, *evaluation, f.policy)),
                 (QStringList{"high_dose", "uds_unexpected"}));
        // A decision not to refer answers its own trigger only; the gap stays for the other.
        domain::NoReferralDecision decided;
        decided.date = kToday;
        decided.trigger = domain::ReferralTrigger::HighDose;
        decided.reason = QStringLiteral("already sees a pain specialist");
        p.noReferralDecisions = {decided};
        evaluation = evaluate(p, kToday, f.context());
        QVERIFY(gap(evaluation->gaps, "REFERRAL_NEEDED"));
        QCOMPARE(triggerNames(unansweredReferralTriggers(p, *evaluation, f.policy)), QStringList{"uds_unexpected"});
        decided.trigger = domain::ReferralTrigger::UdsUnexpected;
        p.noReferralDecisions.append(decided);
        evaluation = evaluate(p, kToday, f.context());
        QVERIFY(!gap(evaluation->gaps, "REFERRAL_NEEDED"));
        QVERIFY(unansweredReferralTriggers(p, *evaluation, f.policy).isEmpty());
    }

    // A concern for opioid use disorder (the latest checklist meets the criteria) is one of the
    // clinic's triggers: answered by a referral or by a decision not to refer for it.
    void aConcernForOpioidUseDisorderIsAReferralTrigger()
    {
        Fixture f;
        domain::Patient p;
        p.id = QStringLiteral("p5");
        p.sex = domain::Sex::Female;
        p.opioids = {oxycodone(QDate(2026, 1, 5))};  // 45 MME: no dose trigger
        QVERIFY(f.policy.referrals.triggers.contains(domain::ReferralTrigger::OudConcern));
        // Tolerance and withdrawal alone, taking opioids as prescribed: no disorder, no concern.
        p.oudAssessments = {checklist(0, true, {9, 10})};
        p.oudAssessments.first().date = kIntakeDay;
        auto evaluation = evaluate(p, kToday, f.context());
        QVERIFY(!gap(evaluation->gaps, "REFERRAL_NEEDED"));
        // Two counted criteria: mild, a concern.
        p.oudAssessments.append(checklist(2, false));
        p.oudAssessments.last().date = kIntakeDay.addDays(1);
        evaluation = evaluate(p, kToday, f.context());
        QVERIFY(gap(evaluation->gaps, "REFERRAL_NEEDED"));
        QCOMPARE(triggerNames(unansweredReferralTriggers(p, *evaluation, f.policy)), QStringList{"oud_concern"});
        // Not before the checklist's day.
        QVERIFY(!triggerFacts(p, *evaluate(p, kIntakeDay.addDays(-1), f.context()), f.policy).oudConcern);

        domain::NoReferralDecision decided;
        decided.date = kToday;
        decided.trigger = domain::ReferralTrigger::OudConcern;
        decided.reason = QStringLiteral("buprenorphine started here");
        domain::Patient answered = p;
        answered.noReferralDecisions = {decided};
        QVERIFY(!gap(evaluate(answered, kToday, f.context())->gaps, "REFERRAL_NEEDED"));

        domain::Referral referral;
        referral.date = kToday;
        referral.question = QStringLiteral("Buprenorphine induction?");
        referral.to = QStringLiteral("County recovery clinic");
        answered = p;
        answered.referrals = {referral};
        QVERIFY(!gap(evaluate(answered, kToday, f.context())->gaps, "REFERRAL_NEEDED"));

        // A later checklist that no longer meets the criteria ends the concern.
        p.oudAssessments.append(checklist(1, false));
        p.oudAssessments.last().date = kIntakeDay.addDays(5);
        QVERIFY(!gap(evaluate(p, kToday, f.context())->gaps, "REFERRAL_NEEDED"));

        // A clinic that does not refer for it has no such gap.
        Fixture without;
        without.policy.referrals.triggers.removeAll(domain::ReferralTrigger::OudConcern);
        p.oudAssessments.removeLast();
        QVERIFY(!gap(evaluate(p, kToday, without.context())->gaps, "REFERRAL_NEEDED"));
    }

    void overdueTasksAreTheirOwnersGaps()
    {
        Fixture f;
        domain::Patient p;
        p.id = QStringLiteral("p4");
        p.name = QStringLiteral("Tess Task");
        p.sex = domain::Sex::Female;
        const auto task = [](const char *owner, const QDate &due) {
            domain::Task t;
            t.date = kIntakeDay;
            t.text = QStringLiteral("Call the pharmacy");
            t.ownerRole = QLatin1String(owner);
            t.due = due;
            return t;
        };
        p.tasks = {task("nurse", kToday), task("nurse", kToday.addDays(-3)), task("front_desk", kToday.addDays(-1)),
                   task("clinician", kToday.addDays(2))};

        // Due today: on the owner's Today, not yet overdue; not before its due date.
        QCOMPARE(tasksDue({p}, keys::Role::Nurse, kToday).size(), 2);
        QVERIFY(tasksDue({p}, keys::Role::Clinician, kToday).isEmpty());
        QCOMPARE(tasksDue({p}, keys::Role::Clinician, kToday.addDays(2)).size(), 1);

        const QList<OverdueTasks> owners = overdueTasksByOwner(p, kToday);
        QCOMPARE(owners.size(), 2);
        QCOMPARE(owners.at(0).ownerRole, QStringLiteral("front_desk"));
        QCOMPARE(owners.at(1).ownerRole, QStringLiteral("nurse"));
        QCOMPARE(owners.at(1).count, 1);
        QCOMPARE(owners.at(1).since, kToday.addDays(-3));

        auto evaluation = evaluate(p, kToday, f.context());
        QStringList roles;
        for (const CareGap &g : evaluation->gaps)
            if (g.code == QLatin1String("TASK_OVERDUE")) {
                QVERIFY(g.status == GapStatus::Overdue);
                roles << g.role;
            }
        QCOMPARE(roles, (QStringList{"front_desk", "nurse"}));
        // The nurse's gap card offers its one overdue task (not the one due today).
        const QList<domain::Task> nurses = overdueTasksOf(p, QStringLiteral("nurse"), kToday);
        QCOMPARE(nurses.size(), 1);
        QCOMPARE(nurses.first().due, kToday.addDays(-3));
        QVERIFY(overdueTasksOf(p, QStringLiteral("clinician"), kToday).isEmpty());

        // Done tasks are nobody's gap; the clinic's responsibilities do not assign this one.
        for (domain::Task &t : p.tasks)
            t.status = domain::TaskStatus::Done;
        QVERIFY(!gap(evaluate(p, kToday, f.context())->gaps, "TASK_OVERDUE"));
        QVERIFY(tasksDue({p}, keys::Role::Nurse, kToday).isEmpty());
        QVERIFY(!careGapCodes().contains(QStringLiteral("TASK_OVERDUE")));
        QCOMPARE(kindsClosingGap(QStringLiteral("TASK_OVERDUE")), QStringList{"task"});
        QVERIFY(careGapCodes().contains(QStringLiteral("INTAKE_BRIDGE_REVIEW")));
    }
};

QTEST_GUILESS_MAIN(TestOudIntake)
#include "test_oud_intake.moc"
