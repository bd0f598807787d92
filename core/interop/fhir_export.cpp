#include "core/interop/fhir_export.h"

#include "core/clinical/instrument_definition.h"
#include "core/clinical/oud.h"
#include "core/interop/fhir_codes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace cairn::interop {
namespace {

QJsonObject coding(QLatin1StringView system, const QString &code, const QString &display = {})
{
    QJsonObject o{{QStringLiteral("system"), QString(system)}, {QStringLiteral("code"), code}};
    if (!display.isEmpty())
        o.insert(QStringLiteral("display"), display);
    return o;
}

QJsonObject codeable(QLatin1StringView system, const QString &code, const QString &text)
{
    return {{QStringLiteral("coding"), QJsonArray{coding(system, code)}}, {QStringLiteral("text"), text}};
}

QJsonObject extension(QLatin1StringView url, const QString &valueKey, const QJsonValue &value)
{
    return {{QStringLiteral("url"), QString(url)}, {valueKey, value}};
}

void appendLine(QByteArray &ndjson, const QJsonObject &resource)
{
    ndjson += QJsonDocument(resource).toJson(QJsonDocument::Compact);
    ndjson += '\n';
}

// A record's resource id: its registry id, else the patient's id and the record's place.
QString idOf(const domain::RecordMeta &meta, const QString &patientId, const QString &kind, qsizetype index)
{
    return meta.id.isNull() ? QStringLiteral("%1-%2-%3").arg(patientId, kind).arg(index)
                            : meta.id.toString(QUuid::WithoutBraces);
}

QJsonObject mg(double value)
{
    return {{QStringLiteral("value"), value},
            {QStringLiteral("unit"), QStringLiteral("mg")},
            {QStringLiteral("system"), QString(fhir::kUcum)},
            {QStringLiteral("code"), QStringLiteral("mg")}};
}

// Doses a day as a FHIR Timing: n a day when whole, else once every 24/n hours.
QJsonObject timingOf(double dosesPerDay)
{
    QJsonObject repeat;
    if (dosesPerDay >= 1 && dosesPerDay == std::floor(dosesPerDay)) {
        repeat = {{QStringLiteral("frequency"), dosesPerDay},
                  {QStringLiteral("period"), 1},
                  {QStringLiteral("periodUnit"), QStringLiteral("d")}};
    } else {
        repeat = {{QStringLiteral("frequency"), 1},
                  {QStringLiteral("period"), 24.0 / dosesPerDay},
                  {QStringLiteral("periodUnit"), QStringLiteral("h")}};
    }
    return {{QStringLiteral("repeat"), repeat}};
}

QJsonObject request(const QString &id, const QString &patientRef, const QJsonObject &medication, const QDate &start,
                    const QDate &end)
{
    QJsonObject validity{{QStringLiteral("start"), start.toString(Qt::ISODate)}};
    if (end.isValid())
        validity.insert(QStringLiteral("end"), end.toString(Qt::ISODate));
    return {{QStringLiteral("resourceType"), QStringLiteral("MedicationRequest")},
            {QStringLiteral("id"), id},
            {QStringLiteral("status"), end.isValid() ? QStringLiteral("completed") : QStringLiteral("active")},
            {QStringLiteral("intent"), QStringLiteral("order")},
            {QStringLiteral("medicationCodeableConcept"), medication},
            {QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), patientRef}}},
            {QStringLiteral("dispenseRequest"), QJsonObject{{QStringLiteral("validityPeriod"), validity}}}};
}

// An Observation; the category is left out when none of FHIR's fits (a PDMP check, naloxone).
QJsonObject observation(const QString &id, const QString &patientRef, const QJsonObject &code, const QDate &date,
                        const QString &category)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Observation")},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("status"), QStringLiteral("final")},
                  {QStringLiteral("code"), code},
                  {QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), patientRef}}},
                  {QStringLiteral("effectiveDateTime"), date.toString(Qt::ISODate)}};
    if (!category.isEmpty())
        o.insert(QStringLiteral("category"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("coding"), QJsonArray{coding(fhir::kObservationCategory, category)}}}});
    return o;
}

QJsonObject reference(const QString &ref)
{
    return {{QStringLiteral("reference"), ref}};
}

// Extensions for the values that are given; an empty list when none is.
void addExtension(QJsonArray &extensions, QLatin1StringView url, const QString &valueKey, const QString &value)
{
    if (!value.isEmpty())
        extensions.append(extension(url, valueKey, value));
}

// The opioid treatment agreement, signed (active, permit) or declined (rejected, deny).
QJsonObject consentOf(const domain::Agreement &a, const QString &id, const QString &patientRef)
{
    const bool signedIt = a.status == domain::AgreementStatus::Signed;
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("Consent")},
        {QStringLiteral("id"), id},
        {QStringLiteral("status"), signedIt ? QStringLiteral("active") : QStringLiteral("rejected")},
        {QStringLiteral("scope"),
         codeable(fhir::kConsentScope, QStringLiteral("treatment"), QStringLiteral("Treatment"))},
        {QStringLiteral("category"),
         QJsonArray{codeable(fhir::kLoinc, fhir::kPatientConsentLoinc, QStringLiteral("Opioid treatment agreement"))}},
        {QStringLiteral("patient"), reference(patientRef)},
        {QStringLiteral("dateTime"), a.date.toString(Qt::ISODate)},
        {QStringLiteral("policy"), QJsonArray{QJsonObject{{QStringLiteral("uri"), QString(fhir::kAgreementPolicy)}}}},
        {QStringLiteral("provision"),
         QJsonObject{{QStringLiteral("type"), signedIt ? QStringLiteral("permit") : QStringLiteral("deny")}}}};
    QJsonArray extensions;
    addExtension(extensions, fhir::kExtAgreementTextVersion, QStringLiteral("valueString"), a.textVersion);
    addExtension(extensions, fhir::kExtAgreementLanguage, QStringLiteral("valueCode"), a.language);
    addExtension(extensions, fhir::kExtAgreementNote, QStringLiteral("valueString"), a.note);
    addExtension(extensions, fhir::kExtAgreementSignature, QStringLiteral("valueString"), a.signature);
    if (!extensions.isEmpty())
        o.insert(QStringLiteral("extension"), extensions);
    return o;
}

// A visit: planned (booked), finished (held), cancelled, or cancelled with Cairn's no-show flag.
QJsonObject encounterOf(const domain::Visit &v, const QString &id, const QString &patientRef)
{
    const QString status = v.status == domain::VisitStatus::Completed   ? QStringLiteral("finished")
                           : v.status == domain::VisitStatus::Scheduled ? QStringLiteral("planned")
                                                                        : QStringLiteral("cancelled");
    const bool inPerson = v.type == domain::VisitType::InPerson;
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("Encounter")},
        {QStringLiteral("id"), id},
        {QStringLiteral("status"), status},
        {QStringLiteral("class"), coding(fhir::kActCode, inPerson ? QStringLiteral("AMB") : QStringLiteral("VR"),
                                         inPerson ? QStringLiteral("ambulatory") : QStringLiteral("virtual"))},
        {QStringLiteral("type"),
         QJsonArray{QJsonObject{
             {QStringLiteral("coding"), QJsonArray{coding(fhir::kCairnVisitType, domain::toString(v.type))}}}}},
        {QStringLiteral("subject"), reference(patientRef)},
        {QStringLiteral("period"), QJsonObject{{QStringLiteral("start"), v.date.toString(Qt::ISODate)}}}};
    if (!v.clinician.isEmpty())
        o.insert(QStringLiteral("participant"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("individual"), QJsonObject{{QStringLiteral("display"), v.clinician}}}}});
    QJsonArray extensions;
    if (!v.time.isEmpty())
        extensions.append(extension(fhir::kExtVisitTime, QStringLiteral("valueTime"), v.time + QStringLiteral(":00")));
    if (v.status == domain::VisitStatus::NoShow)
        extensions.append(extension(fhir::kExtVisitNoShow, QStringLiteral("valueBoolean"), true));
    if (!extensions.isEmpty())
        o.insert(QStringLiteral("extension"), extensions);
    return o;
}

QJsonObject serviceRequestOf(const domain::Referral &r, const QString &id, const QString &patientRef)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("ServiceRequest")},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("status"), fhirServiceRequestStatus(r.status)},
                  {QStringLiteral("intent"), QStringLiteral("order")},
                  {QStringLiteral("category"),
                   QJsonArray{codeable(fhir::kSnomed, fhir::kReferralCategory, QStringLiteral("Patient referral"))}},
                  {QStringLiteral("subject"), reference(patientRef)},
                  {QStringLiteral("authoredOn"), r.date.toString(Qt::ISODate)}};
    if (r.urgency != domain::ReferralUrgency::Soon)
        o.insert(QStringLiteral("priority"), domain::toString(r.urgency));  // routine, urgent: FHIR's own codes
    if (!r.type.isEmpty())
        o.insert(QStringLiteral("code"), QJsonObject{{QStringLiteral("text"), r.type}});
    if (!r.to.isEmpty())
        o.insert(QStringLiteral("performer"), QJsonArray{QJsonObject{{QStringLiteral("display"), r.to}}});
    if (!r.question.isEmpty())
        o.insert(QStringLiteral("reasonCode"), QJsonArray{QJsonObject{{QStringLiteral("text"), r.question}}});
    QJsonArray extensions{extension(fhir::kExtReferralStatus, QStringLiteral("valueCode"), domain::toString(r.status))};
    if (r.statusDate.isValid())
        extensions.append(
            extension(fhir::kExtReferralStatusDate, QStringLiteral("valueDate"), r.statusDate.toString(Qt::ISODate)));
    if (r.urgency == domain::ReferralUrgency::Soon)
        extensions.append(extension(fhir::kExtReferralUrgency, QStringLiteral("valueCode"), QStringLiteral("soon")));
    addExtension(extensions, fhir::kExtReferralResource, QStringLiteral("valueString"), r.resourceId);
    o.insert(QStringLiteral("extension"), extensions);
    return o;
}

// A screen with no LOINC panel and items Cairn has confirmed (PHQ-2, GAD-2, ORT, PC-PTSD-5): coded
// by Cairn's instrument id, the answers as Cairn stores them (valueString, JSON), read back through
// the instrument's own checks.
QJsonObject otherScreening(const domain::Screening &s, const QString &id, const QString &patientRef)
{
    QJsonObject o =
        observation(id, patientRef,
                    QJsonObject{{QStringLiteral("coding"), QJsonArray{coding(fhir::kCairnInstrument, s.instrument)}},
                                {QStringLiteral("text"), s.instrument.toUpper()}},
                    s.date, QStringLiteral("survey"));
    const QJsonDocument answers =
        s.answers.isArray() ? QJsonDocument(s.answers.toArray()) : QJsonDocument(s.answers.toObject());
    o.insert(QStringLiteral("valueString"), QString::fromUtf8(answers.toJson(QJsonDocument::Compact)));
    return o;
}

// A coding alone, as a component's code.
QJsonObject codedAs(QLatin1StringView system, const QString &code)
{
    return {{QStringLiteral("coding"), QJsonArray{coding(system, code)}}};
}

// Free text the user typed (a reason, a note) as Annotation, when there is some.
void addNote(QJsonObject &o, const QString &text)
{
    if (!text.isEmpty())
        o.insert(QStringLiteral("note"), QJsonArray{QJsonObject{{QStringLiteral("text"), text}}});
}

QJsonObject cairnObservation(const QString &id, const QString &patientRef, QLatin1StringView code, const QString &text,
                             const QDate &date, const QString &category = {})
{
    return observation(id, patientRef, codeable(fhir::kCairnObservation, code, text), date, category);
}

QJsonObject ltotDecisionOf(const domain::LtotDecision &d, const QString &id, const QString &patientRef)
{
    QJsonObject o = cairnObservation(id, patientRef, fhir::kLtotDecisionCode,
                                     QStringLiteral("Long-term opioid therapy decision"), d.date);
    o.insert(QStringLiteral("valueBoolean"), d.longTerm);
    addNote(o, d.reason);
    return o;
}

QJsonObject noReferralOf(const domain::NoReferralDecision &d, const QString &id, const QString &patientRef)
{
    QJsonObject o =
        cairnObservation(id, patientRef, fhir::kNoReferralCode, QStringLiteral("Decision not to refer"), d.date);
    o.insert(QStringLiteral("valueCodeableConcept"),
             codeable(fhir::kCairnReferralTrigger, domain::toString(d.trigger), domain::toString(d.trigger)));
    addNote(o, d.reason);
    return o;
}

// The DSM-5 checklist: each answer a component, and the severity the answers give (computed, as
// Cairn never stores it) as the interpretation, for a reader that does not count criteria.
QJsonObject oudAssessmentOf(const domain::OudAssessment &a, const QString &id, const QString &patientRef)
{
    QJsonObject o =
        cairnObservation(id, patientRef, fhir::kOudAssessmentCode,
                         QStringLiteral("Opioid use disorder checklist (DSM-5)"), a.date, QStringLiteral("survey"));
    QJsonArray components;
    for (std::size_t i = 0; i < domain::kOudCriteria.size(); ++i)
        if (a.criteria[i])
            components.append(QJsonObject{
                {QStringLiteral("code"), codedAs(fhir::kCairnOudCriterion, QLatin1String(domain::kOudCriteria[i]))},
                {QStringLiteral("valueBoolean"), *a.criteria[i]}});
    if (a.asPrescribed)
        components.append(
            QJsonObject{{QStringLiteral("code"), codedAs(fhir::kCairnObservation, fhir::kOudAsPrescribedCode)},
                        {QStringLiteral("valueBoolean"), *a.asPrescribed}});
    o.insert(QStringLiteral("component"), components);
    const clinical::OudResult result = clinical::oudResult(a);
    if (result.complete) {
        const QString severity = clinical::toString(result.severity);
        o.insert(QStringLiteral("interpretation"), QJsonArray{codeable(fhir::kCairnOudSeverity, severity, severity)});
    }
    if (!a.clinician.isEmpty())
        o.insert(QStringLiteral("performer"), QJsonArray{QJsonObject{{QStringLiteral("display"), a.clinician}}});
    addNote(o, a.note);
    return o;
}

QJsonObject moudStatusOf(const domain::MoudStatus &m, const QString &id, const QString &patientRef)
{
    QJsonObject o = cairnObservation(id, patientRef, fhir::kMoudStatusCode,
                                     QStringLiteral("Medication for opioid use disorder"), m.date);
    o.insert(QStringLiteral("valueCodeableConcept"),
             codeable(fhir::kCairnMoudState, domain::toString(m.state), domain::toString(m.state)));
    QJsonArray extensions;
    addExtension(extensions, fhir::kExtMoudMedication, QStringLiteral("valueString"), m.medication);
    addExtension(extensions, fhir::kExtMoudReferredTo, QStringLiteral("valueString"), m.referredTo);
    addExtension(extensions, fhir::kExtReferralResource, QStringLiteral("valueString"), m.resourceId);
    if (!extensions.isEmpty())
        o.insert(QStringLiteral("extension"), extensions);
    addNote(o, m.note);
    return o;
}

// A new patient's intake: each field that is filled in a component coded by its name.
QJsonObject intakeOf(const domain::Intake &in, const QString &id, const QString &patientRef)
{
    QJsonObject o = cairnObservation(id, patientRef, fhir::kIntakeCode, QStringLiteral("New-patient intake"), in.date);
    QJsonArray components;
    for (const auto &[code, field] : kFhirIntakeTexts)
        if (!(in.*field).isEmpty())
            components.append(
                QJsonObject{{QStringLiteral("code"), codedAs(fhir::kCairnIntakeItem, QLatin1String(code))},
                            {QStringLiteral("valueString"), in.*field}});
    for (const auto &[code, field] : kFhirIntakeDates)
        if ((in.*field).isValid())
            components.append(
                QJsonObject{{QStringLiteral("code"), codedAs(fhir::kCairnIntakeItem, QLatin1String(code))},
                            {QStringLiteral("valueDateTime"), (in.*field).toString(Qt::ISODate)}});
    if (in.outcome)
        components.append(QJsonObject{
            {QStringLiteral("code"), codedAs(fhir::kCairnIntakeItem, QLatin1String(kFhirIntakeOutcome))},
            {QStringLiteral("valueCodeableConcept"),
             codeable(fhir::kCairnIntakeOutcome, domain::toString(*in.outcome), domain::toString(*in.outcome))}});
    if (!components.isEmpty())
        o.insert(QStringLiteral("component"), components);
    return o;
}

// A task for a role of the team: who does it is a kind of performer (a role), not a person.
QJsonObject taskOf(const domain::Task &t, const QString &id, const QString &patientRef)
{
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("Task")},
        {QStringLiteral("id"), id},
        {QStringLiteral("status"), fhirTaskStatus(t.status)},
        {QStringLiteral("intent"), QStringLiteral("order")},
        {QStringLiteral("description"), t.text},
        {QStringLiteral("for"), reference(patientRef)},
        {QStringLiteral("authoredOn"), t.date.toString(Qt::ISODate)},
        {QStringLiteral("performerType"), QJsonArray{codeable(fhir::kCairnRole, t.ownerRole, t.ownerRole)}},
        {QStringLiteral("restriction"),
         QJsonObject{{QStringLiteral("period"), QJsonObject{{QStringLiteral("end"), t.due.toString(Qt::ISODate)}}}}}};
    // The case conference whose recommendation the task is: the request the task fulfils.
    if (!t.conferenceId.isEmpty())
        o.insert(QStringLiteral("basedOn"), QJsonArray{reference(QStringLiteral("ServiceRequest/") + t.conferenceId)});
    return o;
}

// A taper plan: its steps are activities on their days; a step that is no dose change (a pause, a
// review) has no target.
QJsonObject carePlanOf(const domain::TaperPlan &t, const QString &id, const QString &patientRef)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("CarePlan")},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("status"), fhirCarePlanStatus(t.status)},
                  {QStringLiteral("intent"), QStringLiteral("plan")},
                  {QStringLiteral("category"), QJsonArray{codeable(fhir::kCairnCarePlanCategory, fhir::kTaperPlanCode,
                                                                   QStringLiteral("Opioid taper"))}},
                  {QStringLiteral("title"), QStringLiteral("Opioid taper")},
                  {QStringLiteral("subject"), reference(patientRef)},
                  {QStringLiteral("created"), t.date.toString(Qt::ISODate)}};
    if (!t.drug.isEmpty())
        o.insert(QStringLiteral("extension"),
                 QJsonArray{extension(fhir::kExtTaperDrug, QStringLiteral("valueString"), t.drug)});
    QJsonArray activities;
    for (const domain::TaperStep &step : t.steps) {
        QJsonObject detail{{QStringLiteral("status"), QStringLiteral("scheduled")},
                           {QStringLiteral("scheduledPeriod"),
                            QJsonObject{{QStringLiteral("start"), step.date.toString(Qt::ISODate)}}}};
        if (!step.description.isEmpty())
            detail.insert(QStringLiteral("description"), step.description);
        if (step.targetMmePerDay)
            detail.insert(
                QStringLiteral("extension"),
                QJsonArray{extension(fhir::kExtTargetMme, QStringLiteral("valueDecimal"), *step.targetMmePerDay)});
        activities.append(QJsonObject{{QStringLiteral("detail"), detail}});
    }
    if (!activities.isEmpty())
        o.insert(QStringLiteral("activity"), activities);
    addNote(o, t.note);
    return o;
}

QJsonObject refillInput(const QString &type, const QString &valueKey, const QJsonValue &value)
{
    return {{QStringLiteral("type"), codedAs(fhir::kCairnRefillInput, type)}, {valueKey, value}};
}

// A refill request is work the clinic owes an answer to, not a prescription: as a MedicationRequest
// (even a proposal) every FHIR reader would count it as medication the patient takes, and the
// medication is the requester's words, not a code. A Task carries the request, its decision
// (businessStatus) and why (statusReason).
QJsonObject refillRequestOf(const domain::RefillRequest &q, const QString &id, const QString &patientRef)
{
    QJsonArray inputs{
        refillInput(QStringLiteral("medication"), QStringLiteral("valueString"), q.medication),
        refillInput(QStringLiteral("channel"), QStringLiteral("valueCodeableConcept"),
                    codeable(fhir::kCairnRefillChannel, domain::toString(q.channel), domain::toString(q.channel))),
        refillInput(QStringLiteral("early"), QStringLiteral("valueBoolean"), q.early),
        refillInput(QStringLiteral("lost_stolen"), QStringLiteral("valueBoolean"), q.lostStolen),
        refillInput(QStringLiteral("police_report"), QStringLiteral("valueBoolean"), q.policeReport)};
    if (q.daysSupply)
        inputs.append(refillInput(QStringLiteral("days_supply"), QStringLiteral("valueInteger"), *q.daysSupply));
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Task")},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("status"), fhirRefillTaskStatus(q.decision)},
                  {QStringLiteral("businessStatus"),
                   codeable(fhir::kCairnRefillDecision, domain::toString(q.decision), domain::toString(q.decision))},
                  {QStringLiteral("intent"), QStringLiteral("proposal")},
                  {QStringLiteral("code"),
                   codeable(fhir::kCairnTaskCode, fhir::kRefillRequestCode, QStringLiteral("Refill request"))},
                  {QStringLiteral("for"), reference(patientRef)},
                  {QStringLiteral("authoredOn"), q.date.toString(Qt::ISODate)},
                  {QStringLiteral("input"), inputs}};
    if (!q.decisionReason.isEmpty())
        o.insert(QStringLiteral("statusReason"), QJsonObject{{QStringLiteral("text"), q.decisionReason}});
    return o;
}

// The clinic rules a clinician overrode for a refill, each a coding; the override is the mitigation.
QJsonObject detectedIssueOf(const domain::RefillOverride &r, const QString &id, const QString &patientRef)
{
    QJsonArray codings;
    for (const QString &rule : r.rules.split(QLatin1Char(',')))
        codings.append(coding(fhir::kCairnRefillRule, rule.trimmed()));
    return {
        {QStringLiteral("resourceType"), QStringLiteral("DetectedIssue")},
        {QStringLiteral("id"), id},
        {QStringLiteral("status"), QStringLiteral("final")},
        {QStringLiteral("code"), QJsonObject{{QStringLiteral("coding"), codings}, {QStringLiteral("text"), r.rules}}},
        {QStringLiteral("patient"), reference(patientRef)},
        {QStringLiteral("identifiedDateTime"), r.date.toString(Qt::ISODate)},
        {QStringLiteral("mitigation"),
         QJsonArray{QJsonObject{{QStringLiteral("action"), codeable(fhir::kCairnIssueAction, fhir::kOverrideAction,
                                                                    QStringLiteral("Clinic rule overridden"))},
                                {QStringLiteral("date"), r.date.toString(Qt::ISODate)},
                                {QStringLiteral("author"), QJsonObject{{QStringLiteral("display"), r.clinician}}}}}},
        {QStringLiteral("extension"),
         QJsonArray{extension(fhir::kExtOverrideReason, QStringLiteral("valueString"), r.reason),
                    extension(fhir::kExtPolicyVersion, QStringLiteral("valueString"), r.policyVersion)}}};
}

QJsonObject udsSelectionOf(const domain::UdsSelection &u, const QString &id, const QString &patientRef)
{
    QJsonObject o = cairnObservation(id, patientRef, fhir::kUdsSelectionCode,
                                     QStringLiteral("Random urine drug test draw"), u.date);
    o.insert(QStringLiteral("valueBoolean"), u.selected);
    o.insert(
        QStringLiteral("component"),
        QJsonArray{
            QJsonObject{
                {QStringLiteral("code"), codedAs(fhir::kCairnUdsSelectionItem, QStringLiteral("interval_days"))},
                {QStringLiteral("valueInteger"), u.intervalDays}},
            QJsonObject{{QStringLiteral("code"), codedAs(fhir::kCairnUdsSelectionItem, QStringLiteral("window"))},
                        {QStringLiteral("valueInteger"), u.window}},
            QJsonObject{{QStringLiteral("code"), codedAs(fhir::kCairnUdsSelectionItem, QStringLiteral("drawn_day"))},
                        {QStringLiteral("valueDateTime"), u.drawnDay.toString(Qt::ISODate)}}});
    o.insert(QStringLiteral("extension"),
             QJsonArray{extension(fhir::kExtPolicyVersion, QStringLiteral("valueString"), u.policyVersion)});
    return o;
}

// A care-plan goal: what the patient is working towards, in their words, since when and by when.
// Cairn keeps no measure for a goal, so a target has its due date only (R4: a target's measure is
// needed only with a detail).
QJsonObject goalOf(const domain::CarePlanGoal &g, const QString &id, const QString &patientRef)
{
    const FhirGoalStatus status = fhirGoalStatus(g.status);
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Goal")},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("lifecycleStatus"), status.lifecycle},
                  {QStringLiteral("achievementStatus"),
                   codeable(fhir::kGoalAchievement, status.achievement, domain::toString(g.status))},
                  {QStringLiteral("description"), QJsonObject{{QStringLiteral("text"), g.goal}}},
                  {QStringLiteral("subject"), reference(patientRef)},
                  {QStringLiteral("startDate"), g.date.toString(Qt::ISODate)}};
    if (g.targetDate.isValid())
        o.insert(QStringLiteral("target"),
                 QJsonArray{QJsonObject{{QStringLiteral("dueDate"), g.targetDate.toString(Qt::ISODate)}}});
    if (g.reviewed.isValid())
        o.insert(QStringLiteral("extension"), QJsonArray{extension(fhir::kExtGoalReviewed, QStringLiteral("valueDate"),
                                                                   g.reviewed.toString(Qt::ISODate))});
    return o;
}

// One recommendation of a consult note as a complex extension; the record it became as a reference.
QJsonObject recommendationOf(const domain::Recommendation &r)
{
    QJsonArray parts{extension(QLatin1StringView("kind"), QStringLiteral("valueCode"), domain::toString(r.kind)),
                     extension(QLatin1StringView("text"), QStringLiteral("valueString"), r.text)};
    if (!r.ownerRole.isEmpty())
        parts.append(extension(QLatin1StringView("owner_role"), QStringLiteral("valueCode"), r.ownerRole));
    if (r.due.isValid())
        parts.append(extension(QLatin1StringView("due"), QStringLiteral("valueDate"), r.due.toString(Qt::ISODate)));
    if (!r.referralType.isEmpty())
        parts.append(extension(QLatin1StringView("referral_type"), QStringLiteral("valueString"), r.referralType));
    if (r.targetMmePerDay)
        parts.append(
            extension(QLatin1StringView("target_mme_per_day"), QStringLiteral("valueDecimal"), *r.targetMmePerDay));
    if (!r.recordId.isEmpty())
        parts.append(extension(QLatin1StringView("record"), QStringLiteral("valueReference"),
                               reference(fhirRecommendationTarget(r.kind) + QLatin1Char('/') + r.recordId)));
    return {{QStringLiteral("url"), QString(fhir::kExtRecommendation)}, {QStringLiteral("extension"), parts}};
}

// A case conference: the clinician's question to the team, the meeting, and what the team said.
QJsonObject conferenceOf(const domain::CaseConference &c, const QString &id, const QString &patientRef)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("ServiceRequest")},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("status"), fhirConferenceStatus(c.status)},
                  {QStringLiteral("intent"), QStringLiteral("order")},
                  {QStringLiteral("code"),
                   codeable(fhir::kCairnServiceCode, fhir::kCaseConferenceCode, QStringLiteral("Case conference"))},
                  {QStringLiteral("subject"), reference(patientRef)},
                  {QStringLiteral("authoredOn"), c.date.toString(Qt::ISODate)},
                  {QStringLiteral("reasonCode"), QJsonArray{QJsonObject{{QStringLiteral("text"), c.question}}}}};
    if (c.meetingDate.isValid())
        o.insert(QStringLiteral("occurrenceDateTime"), c.meetingDate.toString(Qt::ISODate));
    addNote(o, c.consultNote);
    QJsonArray extensions{
        extension(fhir::kExtConferenceStatus, QStringLiteral("valueCode"), domain::toString(c.status))};
    for (const domain::Recommendation &r : c.recommendations)
        extensions.append(recommendationOf(r));
    for (const QString &script : c.scripts)
        extensions.append(extension(fhir::kExtConferenceScript, QStringLiteral("valueString"), script));
    o.insert(QStringLiteral("extension"), extensions);
    return o;
}

QJsonObject patientResource(const domain::Patient &p)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Patient")},
                  {QStringLiteral("id"), p.id},
                  {QStringLiteral("active"), p.status == domain::PatientStatus::Active},
                  {QStringLiteral("identifier"),
                   QJsonArray{QJsonObject{{QStringLiteral("type"), codeable(fhir::kIdentifierType, QStringLiteral("MR"),
                                                                            QStringLiteral("Medical record number"))},
                                          {QStringLiteral("value"), p.clinicId}}}},
                  {QStringLiteral("name"), QJsonArray{QJsonObject{{QStringLiteral("text"), p.name}}}},
                  {QStringLiteral("gender"), p.sex == domain::Sex::Female ? QStringLiteral("female")
                                             : p.sex == domain::Sex::Male ? QStringLiteral("male")
                                                                          : QStringLiteral("unknown")},
                  {QStringLiteral("communication"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("language"),
                        QJsonObject{{QStringLiteral("coding"),
                                     QJsonArray{coding(QLatin1StringView("urn:ietf:bcp:47"), p.language)}}}}}}}};
    if (p.birthDate.isValid())
        o.insert(QStringLiteral("birthDate"), p.birthDate.toString(Qt::ISODate));
    if (!p.phone.isEmpty())
        o.insert(QStringLiteral("telecom"), QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                                                   {QStringLiteral("value"), p.phone}}});
    if (!p.prescriber.isEmpty())
        o.insert(QStringLiteral("generalPractitioner"),
                 QJsonArray{QJsonObject{{QStringLiteral("display"), p.prescriber}}});
    QJsonArray extensions;
    if (p.ltotStart.isValid())
        extensions.append(
            extension(fhir::kExtLtotStart, QStringLiteral("valueDate"), p.ltotStart.toString(Qt::ISODate)));
    if (p.opioidPrescriberSince.isValid())
        extensions.append(extension(fhir::kExtOpioidPrescriberSince, QStringLiteral("valueDate"),
                                    p.opioidPrescriberSince.toString(Qt::ISODate)));
    if (p.status == domain::PatientStatus::Inactive && p.inactiveReason) {
        extensions.append(
            extension(fhir::kExtInactiveReason, QStringLiteral("valueCode"), domain::toString(*p.inactiveReason)));
        extensions.append(
            extension(fhir::kExtInactiveDate, QStringLiteral("valueDate"), p.inactiveDate.toString(Qt::ISODate)));
        if (*p.inactiveReason == domain::InactiveReason::Deceased)
            o.insert(QStringLiteral("deceasedDateTime"), p.inactiveDate.toString(Qt::ISODate));
    }
    if (p.riskTier) {
        extensions.append(extension(fhir::kExtRiskTier, QStringLiteral("valueCode"), domain::toString(*p.riskTier)));
        extensions.append(extension(fhir::kExtRiskTierReason, QStringLiteral("valueString"), p.riskTierReason));
    }
    // The status the patient's taper plans give (the plans go out as CarePlans too), or the one stored.
    if (const domain::TaperStatus taper = domain::taperStatusOf(p); taper != domain::TaperStatus::None)
        extensions.append(extension(fhir::kExtTaperStatus, QStringLiteral("valueCode"), domain::toString(taper)));
    if (!extensions.isEmpty())
        o.insert(QStringLiteral("extension"), extensions);
    return o;
}

}  // namespace

QString fhirServiceRequestStatus(domain::ReferralStatus status)
{
    switch (status) {
    case domain::ReferralStatus::Drafted:
        return QStringLiteral("draft");
    case domain::ReferralStatus::Sent:
    case domain::ReferralStatus::Scheduled:
        return QStringLiteral("active");
    case domain::ReferralStatus::Seen:
    case domain::ReferralStatus::Closed:
        return QStringLiteral("completed");
    case domain::ReferralStatus::Declined:
    case domain::ReferralStatus::NoResponse:
        return QStringLiteral("revoked");
    }
    return QStringLiteral("unknown");
}

QString fhirTaskStatus(domain::TaskStatus status)
{
    return status == domain::TaskStatus::Done ? QStringLiteral("completed") : QStringLiteral("requested");
}

QString fhirCarePlanStatus(domain::TaperStatus status)
{
    switch (status) {
    case domain::TaperStatus::Planned:
        return QStringLiteral("draft");
    case domain::TaperStatus::InProgress:
        return QStringLiteral("active");
    case domain::TaperStatus::Paused:
        return QStringLiteral("on-hold");
    case domain::TaperStatus::Completed:
        return QStringLiteral("completed");
    case domain::TaperStatus::None:
        break;
    }
    return QStringLiteral("unknown");
}

QString fhirRefillTaskStatus(domain::RefillDecision decision)
{
    switch (decision) {
    case domain::RefillDecision::Pending:
        return QStringLiteral("requested");
    case domain::RefillDecision::RoutedToClinician:
        return QStringLiteral("in-progress");
    case domain::RefillDecision::Approved:
        return QStringLiteral("completed");
    case domain::RefillDecision::Declined:
        return QStringLiteral("rejected");
    }
    return QStringLiteral("unknown");
}

QString fhirConferenceStatus(domain::ConferenceStatus status)
{
    return status == domain::ConferenceStatus::Closed ? QStringLiteral("completed") : QStringLiteral("active");
}

QString fhirRecommendationTarget(domain::RecommendationKind kind)
{
    switch (kind) {
    case domain::RecommendationKind::Task:
        return QStringLiteral("Task");
    case domain::RecommendationKind::Referral:
        return QStringLiteral("ServiceRequest");
    case domain::RecommendationKind::Goal:
        return QStringLiteral("Goal");
    case domain::RecommendationKind::TaperStep:
        return QStringLiteral("CarePlan");
    }
    return {};
}

FhirGoalStatus fhirGoalStatus(domain::GoalStatus status)
{
    switch (status) {
    case domain::GoalStatus::Active:
        return {QStringLiteral("active"), QStringLiteral("in-progress")};
    case domain::GoalStatus::Met:
        return {QStringLiteral("completed"), QStringLiteral("achieved")};
    case domain::GoalStatus::Dropped:
        return {QStringLiteral("cancelled"), QStringLiteral("not-achieved")};
    }
    return {QStringLiteral("unknown"), {}};
}

const QStringList &fhirLoincPanelInstruments()
{
    static const QStringList instruments{QStringLiteral("peg"), QStringLiteral("phq9"), QStringLiteral("gad7"),
                                         QStringLiteral("phq2")};
    return instruments;
}

const QStringList &fhirExportTypes()
{
    static const QStringList types{QStringLiteral("Patient"),     QStringLiteral("MedicationRequest"),
                                   QStringLiteral("Observation"), QStringLiteral("Consent"),
                                   QStringLiteral("Encounter"),   QStringLiteral("ServiceRequest"),
                                   QStringLiteral("Task"),        QStringLiteral("CarePlan"),
                                   QStringLiteral("Goal"),        QStringLiteral("DetectedIssue")};
    return types;
}

Result<FhirExport> exportFhir(const QList<domain::Patient> &patients, const RxNormTable &rxnorm,
                              const clinical::Instruments &instruments)
{
    FhirExport out;
    for (const QString &type : fhirExportTypes())
        out.ndjson.insert(type, {});
    QByteArray &patientLines = out.ndjson[QStringLiteral("Patient")];
    QByteArray &requestLines = out.ndjson[QStringLiteral("MedicationRequest")];
    QByteArray &observationLines = out.ndjson[QStringLiteral("Observation")];
    for (qsizetype pi = 0; pi < patients.size(); ++pi) {
        const domain::Patient &p = patients.at(pi);
        const QString at = QStringLiteral("patient[%1]").arg(pi);
        const QString ref = QStringLiteral("Patient/") + p.id;
        appendLine(patientLines, patientResource(p));
        for (qsizetype i = 0; i < p.opioids.size(); ++i) {
            const domain::OpioidEntry &e = p.opioids.at(i);
            QJsonObject dose;
            QJsonObject medication;
            if (e.drug == QLatin1String("fentanyl")) {
                const QString code = rxnorm.fentanylPatchCode(e.strengthMcgPerHr.value_or(0));
                if (code.isEmpty())
                    return Error{
                        at + QStringLiteral(".opioids[%1].strength_mcg_per_hr").arg(i),
                        QStringLiteral("no RxNorm fentanyl patch of %1 mcg/hr").arg(e.strengthMcgPerHr.value_or(0))};
                medication = {{QStringLiteral("coding"),
                               QJsonArray{coding(fhir::kRxNorm, code, rxnorm.opioidProduct(code)->name)}}};
                dose = {{QStringLiteral("value"), e.patches},
                        {QStringLiteral("unit"), QStringLiteral("patch")},
                        {QStringLiteral("system"), QString(fhir::kUcum)},
                        {QStringLiteral("code"), QStringLiteral("{patch}")}};
            } else {
                // The registry knows the drug and its mg, not the product: coded by ingredient, dosed in mg.
                const QString code = rxnorm.ingredientCode(e.drug);
                if (code.isEmpty())
                    return Error{at + QStringLiteral(".opioids[%1].drug").arg(i),
                                 QStringLiteral("no RxNorm ingredient code for %1").arg(e.drug)};
                medication = {{QStringLiteral("coding"), QJsonArray{coding(fhir::kRxNorm, code, e.drug)}}};
                dose = mg(e.strengthMg.value_or(0) * e.unitsPerDose);
            }
            // The registry keeps no change interval for a patch: the product coded is the 72-hour one.
            const bool patch = e.drug == QLatin1String("fentanyl");
            if (!patch && !(e.dosesPerDay > 0))
                return Error{at + QStringLiteral(".opioids[%1].doses_per_day").arg(i),
                             QStringLiteral("must be positive")};
            const QJsonObject every72Hours{
                {QStringLiteral("repeat"), QJsonObject{{QStringLiteral("frequency"), 1},
                                                       {QStringLiteral("period"), 72},
                                                       {QStringLiteral("periodUnit"), QStringLiteral("h")}}}};
            QJsonObject dosage{
                {QStringLiteral("doseAndRate"), QJsonArray{QJsonObject{{QStringLiteral("doseQuantity"), dose}}}},
                {QStringLiteral("asNeededBoolean"), e.prn},
                {QStringLiteral("timing"), patch ? every72Hours : timingOf(e.dosesPerDay)}};
            QJsonObject resource =
                request(idOf(e.meta, p.id, QStringLiteral("opioid"), i), ref, medication, e.start, e.end);
            resource.insert(QStringLiteral("dosageInstruction"), QJsonArray{dosage});
            if (e.indication == domain::OpioidIndication::OpioidUseDisorder)
                resource.insert(
                    QStringLiteral("extension"),
                    QJsonArray{extension(fhir::kExtIndication, QStringLiteral("valueCode"), QStringLiteral("oud"))});
            appendLine(requestLines, resource);
        }
        for (qsizetype i = 0; i < p.benzodiazepines.size(); ++i) {
            const domain::BenzodiazepineEntry &e = p.benzodiazepines.at(i);
            const QString code = rxnorm.sedativeCode(e.drug);
            if (code.isEmpty())
                return Error{at + QStringLiteral(".benzodiazepines[%1].drug").arg(i),
                             QStringLiteral("no RxNorm code for the sedative %1").arg(e.drug)};
            const QJsonObject medication{{QStringLiteral("coding"), QJsonArray{coding(fhir::kRxNorm, code, e.drug)}}};
            appendLine(requestLines,
                       request(idOf(e.meta, p.id, QStringLiteral("sedative"), i), ref, medication, e.start, e.end));
        }
        auto panel = [&](const QString &instrument, const QList<int> &scores, const QString &id, const QDate &date) {
            const clinical::LoincCodes loinc = clinical::loincCodes(*instruments.find(instrument));
            QJsonObject o = observation(id, ref, codeable(fhir::kLoinc, loinc.panel, instrument.toUpper()), date,
                                        QStringLiteral("survey"));
            QJsonArray components;
            for (qsizetype k = 0; k < loinc.items.size() && k < scores.size(); ++k)
                components.append(QJsonObject{
                    {QStringLiteral("code"),
                     QJsonObject{{QStringLiteral("coding"), QJsonArray{coding(fhir::kLoinc, loinc.items.at(k))}}}},
                    {QStringLiteral("valueInteger"), scores.at(k)}});
            o.insert(QStringLiteral("component"), components);
            appendLine(observationLines, o);
        };
        for (qsizetype i = 0; i < p.peg.size(); ++i) {
            const domain::PegScore &s = p.peg.at(i);
            panel(QStringLiteral("peg"), {s.pain, s.enjoyment, s.activity},
                  idOf(s.meta, p.id, QStringLiteral("peg"), i), s.date);
        }
        for (qsizetype i = 0; i < p.screenings.size(); ++i) {
            const domain::Screening &s = p.screenings.at(i);
            if (!fhirLoincPanelInstruments().contains(s.instrument) || s.instrument == QLatin1String("peg")) {
                appendLine(observationLines, otherScreening(s, idOf(s.meta, p.id, s.instrument, i), ref));
                continue;
            }
            QList<int> scores;
            for (const QJsonValue &v : s.answers.toArray())
                scores.append(v.toInt());
            panel(s.instrument, scores, idOf(s.meta, p.id, s.instrument, i), s.date);
        }
        for (qsizetype i = 0; i < p.uds.size(); ++i) {
            const domain::UrineDrugScreen &s = p.uds.at(i);
            QJsonObject o =
                observation(idOf(s.meta, p.id, QStringLiteral("uds"), i), ref,
                            codeable(fhir::kCairnObservation, fhir::kUdsCode, QStringLiteral("Urine drug screen")),
                            s.date, QStringLiteral("laboratory"));
            o.insert(QStringLiteral("valueCodeableConcept"),
                     codeable(fhir::kCairnUdsResult, domain::toString(s.result), domain::toString(s.result)));
            QJsonArray components;
            for (const QString &substance : s.substances)
                components.append(
                    QJsonObject{{QStringLiteral("code"), codeable(fhir::kCairnObservation, fhir::kUdsSubstanceCode,
                                                                  QStringLiteral("Substance"))},
                                {QStringLiteral("valueString"), substance}});
            if (!components.isEmpty())
                o.insert(QStringLiteral("component"), components);
            if (s.confirmatorySent)
                o.insert(QStringLiteral("extension"),
                         QJsonArray{extension(fhir::kExtConfirmatorySent, QStringLiteral("valueBoolean"), true)});
            appendLine(observationLines, o);
        }
        for (qsizetype i = 0; i < p.pdmpChecks.size(); ++i) {
            const domain::PdmpCheck &c = p.pdmpChecks.at(i);
            QJsonObject o = observation(idOf(c.meta, p.id, QStringLiteral("pdmp"), i), ref,
                                        codeable(fhir::kCairnObservation, fhir::kPdmpCheckCode,
                                                 QStringLiteral("Prescription drug monitoring program checked")),
                                        c.date, {});
            o.insert(QStringLiteral("valueCodeableConcept"),
                     codeable(fhir::kCairnPdmpResult,
                              c.concerning ? QStringLiteral("concerning") : QStringLiteral("not-concerning"),
                              c.concerning ? QStringLiteral("Concerning") : QStringLiteral("Not concerning")));
            if (!c.checkedBy.isEmpty())
                o.insert(QStringLiteral("performer"),
                         QJsonArray{QJsonObject{{QStringLiteral("display"), c.checkedBy}}});
            if (!c.findings.isEmpty())
                o.insert(QStringLiteral("note"), QJsonArray{QJsonObject{{QStringLiteral("text"), c.findings}}});
            appendLine(observationLines, o);
        }
        for (qsizetype i = 0; i < p.naloxone.size(); ++i) {
            const domain::NaloxoneRecord &n = p.naloxone.at(i);
            QJsonObject o = observation(
                idOf(n.meta, p.id, QStringLiteral("naloxone"), i), ref,
                codeable(fhir::kCairnObservation, fhir::kNaloxoneCode, QStringLiteral("Naloxone")), n.date, {});
            o.insert(QStringLiteral("valueCodeableConcept"),
                     codeable(fhir::kCairnNaloxoneAction, domain::toString(n.action), domain::toString(n.action)));
            appendLine(observationLines, o);
        }
        for (qsizetype i = 0; i < p.agreements.size(); ++i)
            appendLine(out.ndjson[QStringLiteral("Consent")],
                       consentOf(p.agreements.at(i),
                                 idOf(p.agreements.at(i).meta, p.id, QStringLiteral("agreement"), i), ref));
        for (qsizetype i = 0; i < p.visits.size(); ++i)
            appendLine(out.ndjson[QStringLiteral("Encounter")],
                       encounterOf(p.visits.at(i), idOf(p.visits.at(i).meta, p.id, QStringLiteral("visit"), i), ref));
        for (qsizetype i = 0; i < p.referrals.size(); ++i)
            appendLine(out.ndjson[QStringLiteral("ServiceRequest")],
                       serviceRequestOf(p.referrals.at(i),
                                        idOf(p.referrals.at(i).meta, p.id, QStringLiteral("referral"), i), ref));
        // The clinician's decisions and the opioid use disorder workflow: every one opens or closes a gap.
        const auto each = [&](const auto &records, const QString &kind, const auto &resourceOf) {
            for (qsizetype i = 0; i < records.size(); ++i)
                appendLine(observationLines, resourceOf(records.at(i), idOf(records.at(i).meta, p.id, kind, i), ref));
        };
        each(p.ltotDecisions, QStringLiteral("ltot-decision"), ltotDecisionOf);
        each(p.noReferralDecisions, QStringLiteral("no-referral"), noReferralOf);
        each(p.oudAssessments, QStringLiteral("oud-assessment"), oudAssessmentOf);
        each(p.moudStatuses, QStringLiteral("moud-status"), moudStatusOf);
        each(p.intakes, QStringLiteral("intake"), intakeOf);
        each(p.udsSelections, QStringLiteral("uds-selection"), udsSelectionOf);
        // Records of their own resource type, each in its file.
        const auto eachAs = [&](const QString &type, const auto &records, const QString &kind, const auto &resourceOf) {
            for (qsizetype i = 0; i < records.size(); ++i)
                appendLine(out.ndjson[type], resourceOf(records.at(i), idOf(records.at(i).meta, p.id, kind, i), ref));
        };
        // Links name records by registry id. One that names no record of this export (a record
        // withdrawn since) would name nothing a reader can find: it is left out.
        const auto idsOf = [](const auto &records) {
            QSet<QString> ids;
            for (const auto &record : records)
                if (!record.meta.id.isNull())
                    ids.insert(record.meta.id.toString(QUuid::WithoutBraces));
            return ids;
        };
        const QSet<QString> conferenceIds = idsOf(p.caseConferences);
        const QSet<QString> madeIds = idsOf(p.tasks) | idsOf(p.referrals) | idsOf(p.taperPlans) | idsOf(p.goals);
        QList<domain::Task> tasks = p.tasks;
        for (domain::Task &t : tasks)
            if (!t.conferenceId.isEmpty() && !conferenceIds.contains(t.conferenceId))
                t.conferenceId.clear();
        QList<domain::CaseConference> conferences = p.caseConferences;
        for (domain::CaseConference &c : conferences)
            for (domain::Recommendation &r : c.recommendations)
                if (!r.recordId.isEmpty() && !madeIds.contains(r.recordId))
                    r.recordId.clear();
        eachAs(QStringLiteral("Task"), tasks, QStringLiteral("task"), taskOf);
        eachAs(QStringLiteral("Task"), p.refillRequests, QStringLiteral("refill-request"), refillRequestOf);
        eachAs(QStringLiteral("ServiceRequest"), conferences, QStringLiteral("case-conference"), conferenceOf);
        eachAs(QStringLiteral("CarePlan"), p.taperPlans, QStringLiteral("taper-plan"), carePlanOf);
        eachAs(QStringLiteral("Goal"), p.goals, QStringLiteral("goal"), goalOf);
        eachAs(QStringLiteral("DetectedIssue"), p.refillOverrides, QStringLiteral("refill-override"), detectedIssueOf);
    }
    return out;
}

Result<FhirExport> exportFhir(const QList<domain::Patient> &patients)
{
    auto rxnorm = RxNormTable::shipped();
    if (!rxnorm)
        return rxnorm.error();
    auto instruments = clinical::Instruments::shipped();
    if (!instruments)
        return instruments.error();
    return exportFhir(patients, **rxnorm, **instruments);
}

}  // namespace cairn::interop
