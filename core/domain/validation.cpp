#include "core/domain/validation.h"

#include "core/domain/record_kinds.h"

#include <QCoreApplication>
#include <QUuid>

#include <cmath>

namespace cairn::domain {

// The messages, in the catalogue under "cairn::domain::Validation": the tablet shows them by the
// field in the user's language; cairnctl and the server, which load no catalogue, in English.
// Field names are never translated (they are the record's keys).
struct Validation {
    Q_DECLARE_TR_FUNCTIONS(cairn::domain::Validation)
};

namespace {

// Clinical records are dated from 1900 to 2200: anything outside is a typo, not history.
const QDate kEarliest(1900, 1, 1);
const QDate kLatest(2200, 12, 31);

Status checkDate(const QDate &date, const char *field, bool required)
{
    if (date.isNull()) {
        if (required)
            return Error{QLatin1String(field), Validation::tr("is required (YYYY-MM-DD)")};
        return ok();
    }
    if (!date.isValid() || date < kEarliest || date > kLatest)
        return Error{QLatin1String(field), Validation::tr("must be a real date between 1900 and 2200")};
    return ok();
}

Status checkRange(int value, int low, int high, const char *field)
{
    if (value < low || value > high)
        return Error{QLatin1String(field), Validation::tr("must be a whole number from %1 to %2").arg(low).arg(high)};
    return ok();
}

Status checkPositive(double value, const char *field, double maximum)
{
    if (!std::isfinite(value) || value <= 0)
        return Error{QLatin1String(field), Validation::tr("must be a positive number")};
    if (value > maximum)
        return Error{QLatin1String(field), Validation::tr("is implausibly large (over %1)").arg(maximum)};
    return ok();
}

Status checkText(const QString &text, const char *field, bool required, int maxLength)
{
    if (required && text.trimmed().isEmpty())
        return Error{QLatin1String(field), Validation::tr("is required")};
    if (text.size() > maxLength)
        return Error{QLatin1String(field), Validation::tr("is too long (at most %1 characters)").arg(maxLength)};
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
            return Error{QLatin1String(field), Validation::tr("contains a control character")};
    }
    return ok();
}

Status checkPeriod(const QDate &start, const QDate &end)
{
    if (auto s = checkDate(start, "start", true); !s)
        return s;
    if (auto s = checkDate(end, "end", false); !s)
        return s;
    if (end.isValid() && end < start)
        return Error{QStringLiteral("end"), Validation::tr("must not be before start")};
    return ok();
}

// An on-screen signature is at most this many characters: a base64 PNG of a signature pad at
// tablet resolution is well under it, and one record stays small enough to sync on a slow link.
constexpr int kMaxSignature = 256 * 1024;

// Base64 (optionally a data: URL) or an SVG path: printable ASCII only, no markup.
Status checkSignature(const QString &text)
{
    if (text.size() > kMaxSignature)
        return Error{QStringLiteral("signature"),
                     Validation::tr("is too large (at most %1 characters)").arg(kMaxSignature)};
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == QLatin1Char('<') || c == QLatin1Char('>'))
            return Error{QStringLiteral("signature"),
                         Validation::tr("must be a base64 image or an SVG path (plain ASCII)")};
    }
    return ok();
}

Status checkLanguage(const QString &language, const char *field)
{
    if (language != QLatin1String("en") && language != QLatin1String("es"))
        return Error{QLatin1String(field), QStringLiteral("must be \"en\" or \"es\"")};
    return ok();
}

template <typename T> Status checkList(const QList<T> &list, const char *name)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (auto s = validate(list.at(i)); !s)
            return s.error().within(QStringLiteral("%1[%2]").arg(QLatin1String(name)).arg(i));
    }
    return ok();
}

}  // namespace

Status validate(const OpioidEntry &e)
{
    if (auto s = checkText(e.drug, "drug", true, 60); !s)
        return s;
    if (auto s = checkPeriod(e.start, e.end); !s)
        return s;
    if (e.indication == OpioidIndication::OpioidUseDisorder && e.drug != QLatin1String("buprenorphine") &&
        e.drug != QLatin1String("methadone"))
        return Error{QStringLiteral("indication"),
                     Validation::tr("opioid use disorder treatment is buprenorphine or methadone")};
    if (e.drug == QLatin1String("fentanyl")) {
        if (!e.strengthMcgPerHr)
            return Error{QStringLiteral("strength_mcg_per_hr"), Validation::tr("is required for transdermal fentanyl")};
        if (auto s = checkPositive(*e.strengthMcgPerHr, "strength_mcg_per_hr", 1000); !s)
            return s;
        if (auto s = checkRange(e.patches, 1, 10, "patches"); !s)
            return s;
        return ok();
    }
    if (!e.strengthMg)
        return Error{QStringLiteral("strength_mg"), Validation::tr("is required")};
    if (auto s = checkPositive(*e.strengthMg, "strength_mg", 5000); !s)
        return s;
    if (auto s = checkPositive(e.unitsPerDose, "units_per_dose", 50); !s)
        return s;
    return checkPositive(e.dosesPerDay, "doses_per_day", 48);
}

Status validate(const BenzodiazepineEntry &e)
{
    if (auto s = checkText(e.drug, "drug", true, 60); !s)
        return s;
    return checkPeriod(e.start, e.end);
}

Status validate(const Agreement &a)
{
    if (auto s = checkDate(a.date, "date", true); !s)
        return s;
    if (auto s = checkText(a.textVersion, "text_version", false, 60); !s)
        return s;
    if (!a.language.isEmpty()) {
        if (auto s = checkLanguage(a.language, "language"); !s)
            return s;
    }
    if (auto s = checkSignature(a.signature); !s)
        return s;
    if (a.status == AgreementStatus::Declined && !a.signature.isEmpty())
        return Error{QStringLiteral("signature"), Validation::tr("a declined agreement carries no signature")};
    return checkText(a.note, "note", false, 2000);
}

bool pdmpFindingsMissing(const PdmpCheck &check)
{
    // A concerning check says what concerned: the clinician acts on the findings, not on a flag.
    return check.concerning && check.findings.trimmed().isEmpty();
}

Status validate(const PdmpCheck &c)
{
    if (auto s = checkDate(c.date, "date", true); !s)
        return s;
    if (auto s = checkText(c.checkedBy, "checked_by", false, 120); !s)
        return s;
    if (pdmpFindingsMissing(c))
        return Error{QStringLiteral("findings"), Validation::tr("is required when the check is concerning")};
    return checkText(c.findings, "findings", false, 2000);
}

Status validate(const NaloxoneRecord &n)
{
    return checkDate(n.date, "date", true);
}

Status validate(const UrineDrugScreen &u)
{
    if (auto s = checkDate(u.date, "date", true); !s)
        return s;
    for (qsizetype i = 0; i < u.substances.size(); ++i) {
        if (auto s = checkText(u.substances.at(i), "substance", true, 80); !s)
            return Error{QStringLiteral("substances[%1]").arg(i), s.error().message};
    }
    if (u.result == UdsResult::Pending && !u.substances.isEmpty())
        return Error{QStringLiteral("substances"),
                     Validation::tr("are entered with the result, not while it is pending")};
    return ok();
}

Status validate(const Visit &v)
{
    if (auto s = checkDate(v.date, "date", true); !s)
        return s;
    if (!v.time.isEmpty()) {
        // Exactly HH:mm, 24-hour: what the booking form and cairnctl write.
        const bool shaped = v.time.size() == 5 && v.time.at(2) == QLatin1Char(':');
        const int hours = shaped ? QStringView(v.time).left(2).toInt() : -1;
        const int minutes = shaped ? QStringView(v.time).mid(3).toInt() : -1;
        bool digits = shaped;
        for (int i : {0, 1, 3, 4})
            digits = digits && v.time.at(i).isDigit();
        if (!digits || hours > 23 || minutes > 59)
            return Error{QStringLiteral("time"), Validation::tr("must be a time written HH:mm (24-hour)")};
    }
    return checkText(v.clinician, "clinician", false, 200);
}

Status validate(const PegScore &p)
{
    if (auto s = checkDate(p.date, "date", true); !s)
        return s;
    if (auto s = checkRange(p.pain, 0, 10, "pain"); !s)
        return s;
    if (auto s = checkRange(p.enjoyment, 0, 10, "enjoyment"); !s)
        return s;
    return checkRange(p.activity, 0, 10, "activity");
}

Status validate(const Screening &s)
{
    if (auto r = checkText(s.instrument, "instrument", true, 40); !r)
        return r;
    if (auto r = checkDate(s.date, "date", true); !r)
        return r;
    if (s.answers.isUndefined() || s.answers.isNull())
        return Error{QStringLiteral("answers"), Validation::tr("are required")};
    if (!s.answers.isArray() && !s.answers.isObject())
        return Error{QStringLiteral("answers"), Validation::tr("must be a list of item scores or an object of items")};
    return ok();
}

Status validate(const Referral &r)
{
    if (auto s = checkDate(r.date, "date", true); !s)
        return s;
    if (auto s = checkText(r.type, "type", false, 80); !s)
        return s;
    if (auto s = checkText(r.to, "to", false, 200); !s)
        return s;
    if (!r.resourceId.isEmpty() && QUuid::fromString(r.resourceId).isNull())
        return Error{QStringLiteral("resource_id"), Validation::tr("must name a resource of the clinic's directory")};
    if (r.resourceId.isEmpty() && r.to.trimmed().isEmpty())
        return Error{QStringLiteral("to"), Validation::tr("is required: a resource from the directory or where to")};
    if (auto s = checkText(r.question, "question", false, 1000); !s)
        return s;
    if (auto s = checkDate(r.statusDate, "status_date", false); !s)
        return s;
    if (r.statusDate.isValid() && r.statusDate < r.date)
        return Error{QStringLiteral("status_date"), Validation::tr("must not be before the referral's date")};
    return ok();
}

Status validate(const NoReferralDecision &d)
{
    if (auto s = checkDate(d.date, "date", true); !s)
        return s;
    return checkText(d.reason, "reason", true, 500);
}

Status validate(const CarePlanGoal &g)
{
    if (auto s = checkDate(g.date, "date", true); !s)
        return s;
    if (auto s = checkDate(g.targetDate, "target_date", false); !s)
        return s;
    if (g.targetDate.isValid() && g.targetDate < g.date)
        return Error{QStringLiteral("target_date"), Validation::tr("must not be before the goal's date")};
    if (auto s = checkDate(g.reviewed, "reviewed", false); !s)
        return s;
    if (g.reviewed.isValid() && g.reviewed < g.date)
        return Error{QStringLiteral("reviewed"), Validation::tr("must not be before the goal's date")};
    return checkText(g.goal, "goal", true, 500);
}

Status validate(const TaperPlan &t)
{
    if (auto s = checkDate(t.date, "date", true); !s)
        return s;
    if (t.status == TaperStatus::None)
        return Error{QStringLiteral("status"), Validation::tr("must be planned, in_progress, paused or completed")};
    if (auto s = checkText(t.drug, "drug", false, 60); !s)
        return s;
    if (t.steps.size() > 100)
        return Error{QStringLiteral("steps"), Validation::tr("has too many steps (at most 100)")};
    for (qsizetype i = 0; i < t.steps.size(); ++i) {
        const TaperStep &step = t.steps.at(i);
        const QString at = QStringLiteral("steps[%1]").arg(i);
        Status s = checkDate(step.date, "date", true);
        if (s)
            s = checkText(step.description, "description", false, 500);
        if (s && step.targetMmePerDay &&
            (!std::isfinite(*step.targetMmePerDay) || *step.targetMmePerDay < 0 || *step.targetMmePerDay > 5000))
            s = Error{QStringLiteral("target_mme_per_day"), Validation::tr("must be a number from 0 to 5000")};
        if (s && step.date < t.date)
            s = Error{QStringLiteral("date"), Validation::tr("must not be before the plan's date")};
        if (s && i > 0 && step.date < t.steps.at(i - 1).date)
            s = Error{QStringLiteral("date"), Validation::tr("must not be before the previous step's date")};
        if (!s)
            return s.error().within(at);
    }
    return checkText(t.note, "note", false, 2000);
}

Status validate(const RefillRequest &q)
{
    if (auto s = checkDate(q.date, "date", true); !s)
        return s;
    if (auto s = checkText(q.medication, "medication", true, 200); !s)
        return s;
    if (q.policeReport && !q.lostStolen)
        return Error{QStringLiteral("police_report"), Validation::tr("applies only to a lost or stolen prescription")};
    if (q.decision == RefillDecision::Declined && q.decisionReason.trimmed().isEmpty())
        return Error{QStringLiteral("decision_reason"), Validation::tr("is required when a request is declined")};
    // The same range the refill check accepts (rules contract §7).
    if (q.daysSupply && (*q.daysSupply < 1 || *q.daysSupply > 365))
        return Error{QStringLiteral("days_supply"), Validation::tr("must be a whole number of days from 1 to 365")};
    return checkText(q.decisionReason, "decision_reason", false, 1000);
}

Status validate(const MedicationReview &m)
{
    if (auto s = checkDate(m.date, "date", true); !s)
        return s;
    return checkText(m.reviewedBy, "reviewed_by", true, 120);
}

Status validate(const UdsSelection &u)
{
    if (auto s = checkDate(u.date, "date", true); !s)
        return s;
    if (u.intervalDays < 1 || u.intervalDays > 3650)
        return Error{QStringLiteral("interval_days"), Validation::tr("must be a whole number of days from 1 to 3650")};
    if (auto s = checkDate(u.drawnDay, "drawn_day", true); !s)
        return s;
    return checkText(u.policyVersion, "policy_version", true, 80);
}

Status validate(const RefillOverride &o)
{
    if (auto s = checkDate(o.date, "date", true); !s)
        return s;
    if (auto s = checkText(o.rules, "rules", true, 400); !s)
        return s;
    if (auto s = checkText(o.reason, "reason", true, 1000); !s)
        return s;
    if (auto s = checkText(o.clinician, "clinician", true, 120); !s)
        return s;
    return checkText(o.policyVersion, "policy_version", true, 80);
}

Status validate(const LtotDecision &d)
{
    if (auto s = checkDate(d.date, "date", true); !s)
        return s;
    return checkText(d.reason, "reason", true, 1000);
}

Status validate(const OudAssessment &a)
{
    if (auto s = checkDate(a.date, "date", true); !s)
        return s;
    if (auto s = checkText(a.clinician, "clinician", true, 120); !s)
        return s;
    for (std::size_t i = 0; i < kOudCriteria.size(); ++i) {
        if (!a.criteria[i])
            return Error{QStringLiteral("criteria.") + QLatin1StringView(kOudCriteria[i]),
                         Validation::tr("is required: answer yes or no")};
    }
    if (!a.asPrescribed)
        return Error{QStringLiteral("as_prescribed"), Validation::tr("is required: answer yes or no")};
    return checkText(a.note, "note", false, 2000);
}

Status validate(const MoudStatus &m)
{
    if (auto s = checkDate(m.date, "date", true); !s)
        return s;
    if (auto s = checkText(m.medication, "medication", false, 120); !s)
        return s;
    if (auto s = checkText(m.referredTo, "referred_to", false, 200); !s)
        return s;
    if (auto s = checkText(m.resourceId, "resource_id", false, 64); !s)
        return s;
    // A referral names where to: a resource of the clinic's directory (records made before the
    // directory named it in free text, and still read). Whether the resource exists is the
    // registry's to check (it holds the directory), as for a referral.
    if (m.state == MoudState::Referred && m.resourceId.trimmed().isEmpty() && m.referredTo.trimmed().isEmpty())
        return Error{QStringLiteral("resource_id"),
                     QStringLiteral("is required when referred: choose the program or prescriber from the clinic's "
                                    "directory")};
    return checkText(m.note, "note", false, 2000);
}

Status validate(const Intake &i)
{
    if (auto s = checkDate(i.date, "date", true); !s)
        return s;
    if (auto s = checkText(i.referralSource, "referral_source", false, 200); !s)
        return s;
    if (auto s = checkText(i.priorPrescriber, "prior_prescriber", false, 200); !s)
        return s;
    if (auto s = checkText(i.reasonLeft, "reason_left", false, 1000); !s)
        return s;
    if (auto s = checkDate(i.recordsRequested, "records_requested", false); !s)
        return s;
    if (auto s = checkDate(i.recordsReceived, "records_received", false); !s)
        return s;
    if (i.recordsRequested.isValid() && i.recordsReceived.isValid() && i.recordsReceived < i.recordsRequested)
        return Error{QStringLiteral("records_received"), Validation::tr("must not be before records_requested")};
    if (auto s = checkText(i.diagnosis, "diagnosis", false, 500); !s)
        return s;
    if (!i.outcome) {
        if (i.outcomeDate.isValid() || i.reviewDate.isValid() || !i.outcomeBy.isEmpty() || !i.outcomeNote.isEmpty())
            return Error{QStringLiteral("outcome"),
                         Validation::tr("is required when the first visit's decision is recorded")};
        return ok();
    }
    if (auto s = checkDate(i.outcomeDate, "outcome_date", true); !s)
        return s;
    if (i.outcomeDate < i.date)
        return Error{QStringLiteral("outcome_date"), Validation::tr("must not be before the intake's date")};
    if (auto s = checkText(i.outcomeBy, "outcome_by", true, 120); !s)
        return s;
    const bool bridge = *i.outcome == IntakeOutcome::Bridge;
    if (auto s = checkDate(i.reviewDate, "review_date", bridge); !s)
        return s;
    if (bridge && i.reviewDate <= i.outcomeDate)
        return Error{QStringLiteral("review_date"), Validation::tr("must be after outcome_date")};
    return checkText(i.outcomeNote, "outcome_note", false, 2000);
}

Status validate(const CaseConference &c)
{
    if (auto s = checkDate(c.date, "date", true); !s)
        return s;
    if (auto s = checkText(c.question, "question", true, 2000); !s)
        return s;
    if (auto s = checkDate(c.meetingDate, "meeting_date", false); !s)
        return s;
    if (c.status != ConferenceStatus::Requested && !c.meetingDate.isValid())
        return Error{QStringLiteral("meeting_date"),
                     Validation::tr("is required once the conference is %1").arg(toString(c.status))};
    if (auto s = checkText(c.consultNote, "consult_note", false, 10000); !s)
        return s;
    if (c.recommendations.size() > 50)
        return Error{QStringLiteral("recommendations"), Validation::tr("has too many entries (at most 50)")};
    for (qsizetype i = 0; i < c.recommendations.size(); ++i) {
        const Recommendation &r = c.recommendations.at(i);
        const QString at = QStringLiteral("recommendations[%1]").arg(i);
        Status s = checkText(r.text, "text", true, 1000);
        if (s && r.kind == RecommendationKind::Task) {
            s = checkText(r.ownerRole, "owner_role", true, 40);
            if (s)
                s = checkDate(r.due, "due", true);
        }
        if (s && r.kind == RecommendationKind::Referral)
            s = checkText(r.referralType, "referral_type", true, 80);
        if (s && r.kind == RecommendationKind::TaperStep)
            s = checkDate(r.due, "due", true);
        if (s && r.kind == RecommendationKind::Goal)
            s = checkDate(r.due, "due", false);
        if (s && r.targetMmePerDay &&
            (!std::isfinite(*r.targetMmePerDay) || *r.targetMmePerDay < 0 || *r.targetMmePerDay > 5000))
            s = Error{QStringLiteral("target_mme_per_day"), Validation::tr("must be a number from 0 to 5000")};
        if (s)
            s = checkText(r.recordId, "record_id", false, 40);
        if (!s)
            return s.error().within(at);
    }
    if (c.scripts.size() > 20)
        return Error{QStringLiteral("scripts"), Validation::tr("has too many entries (at most 20)")};
    for (qsizetype i = 0; i < c.scripts.size(); ++i)
        if (auto s = checkText(c.scripts.at(i), "scripts", true, 80); !s)
            return Error{QStringLiteral("scripts[%1]").arg(i), s.error().message};
    return ok();
}

Status validate(const Task &t)
{
    if (auto s = checkDate(t.date, "date", true); !s)
        return s;
    if (auto s = checkText(t.text, "text", true, 1000); !s)
        return s;
    if (auto s = checkText(t.ownerRole, "owner_role", true, 40); !s)
        return s;
    if (auto s = checkDate(t.due, "due", true); !s)
        return s;
    return checkText(t.conferenceId, "conference_id", false, 40);
}

Status validate(const ScriptUse &u)
{
    if (auto s = checkDate(u.date, "date", true); !s)
        return s;
    if (auto s = checkText(u.scriptId, "script_id", true, 80); !s)
        return s;
    if (u.scriptVersion < 1)
        return Error{QStringLiteral("script_version"), Validation::tr("must be 1 or more")};
    if (u.language != QLatin1String("en") && u.language != QLatin1String("es"))
        return Error{QStringLiteral("language"), QStringLiteral("must be \"en\" or \"es\"")};
    return checkText(u.note, "note", false, 2000);
}

Status validate(const Patient &p)
{
    if (auto s = checkText(p.name, "name", false, 200); !s)
        return s;
    if (auto s = checkText(p.clinicId, "clinic_id", false, 64); !s)
        return s;
    if (auto s = checkText(p.prescriber, "prescriber", false, 200); !s)
        return s;
    if (auto s = checkText(p.phone, "phone", false, 40); !s)
        return s;
    if (auto s = checkDate(p.birthDate, "birth_date", false); !s)
        return s;
    if (auto s = checkDate(p.ltotStart, "ltot_start", false); !s)
        return s;
    if (p.birthDate.isValid() && p.ltotStart.isValid() && p.ltotStart < p.birthDate)
        return Error{QStringLiteral("ltot_start"), Validation::tr("must not be before birth_date")};
    if (auto s = checkDate(p.opioidPrescriberSince, "opioid_prescriber_since", false); !s)
        return s;
    if (p.birthDate.isValid() && p.opioidPrescriberSince.isValid() && p.opioidPrescriberSince < p.birthDate)
        return Error{QStringLiteral("opioid_prescriber_since"), Validation::tr("must not be before birth_date")};
    if (auto s = checkLanguage(p.language, "language"); !s)
        return s;
    if (auto s = checkText(p.riskTierReason, "risk_tier_reason", false, 500); !s)
        return s;
    if (p.status == PatientStatus::Inactive) {
        if (!p.inactiveReason)
            return Error{QStringLiteral("inactive_reason"), Validation::tr("is required for an inactive patient")};
        if (auto s = checkDate(p.inactiveDate, "inactive_date", true); !s)
            return s;
    } else if (p.inactiveReason || !p.inactiveDate.isNull()) {
        return Error{p.inactiveReason ? QStringLiteral("inactive_reason") : QStringLiteral("inactive_date"),
                     Validation::tr("applies only when status is inactive")};
    }
    Status status = ok();
    forEachKind([&](const auto &kind) {
        if (status)
            status = checkList(p.*kind.list, kind.info.section);
    });
    return status;
}

Status validateForRegistry(const Patient &p)
{
    if (auto s = validate(p); !s)
        return s;
    if (p.name.trimmed().isEmpty())
        return Error{QStringLiteral("name"), Validation::tr("is required")};
    if (p.clinicId.trimmed().isEmpty())
        return Error{QStringLiteral("clinic_id"), Validation::tr("is required")};
    return ok();
}

}  // namespace cairn::domain
