#include "core/clinical/intake.h"

#include "core/clinical/mme.h"
#include "core/domain/record_json.h"

#include <algorithm>

namespace cairn::clinical {

QString toString(IntakeItem item)
{
    switch (item) {
    case IntakeItem::RecordsRequested:
        return QStringLiteral("records_requested");
    case IntakeItem::RecordsReceived:
        return QStringLiteral("records_received");
    case IntakeItem::PdmpReviewed:
        return QStringLiteral("pdmp_reviewed");
    case IntakeItem::UrineTest:
        return QStringLiteral("urine_test");
    case IntakeItem::Diagnosis:
        return QStringLiteral("diagnosis");
    case IntakeItem::Regimen:
        return QStringLiteral("regimen");
    case IntakeItem::RiskScreen:
        return QStringLiteral("risk_screen");
    case IntakeItem::Agreement:
        return QStringLiteral("agreement");
    case IntakeItem::Outcome:
        return QStringLiteral("outcome");
    }
    return {};
}

namespace {

const domain::Intake *latestIntake(const domain::Patient &patient, const QDate &asOf)
{
    const domain::Intake *latest = nullptr;
    for (const domain::Intake &i : patient.intakes) {
        if (!i.date.isValid() || i.date > asOf)
            continue;
        if (!latest || i.date > latest->date || (i.date == latest->date && latest->meta.stamp < i.meta.stamp))
            latest = &i;
    }
    return latest;
}

// The first date in [from, to] among records kept by `keep`; null if none.
template <typename List, typename Keep>
QDate firstBetween(const List &records, const QDate &from, const QDate &to, Keep keep)
{
    QDate first;
    for (const auto &r : records) {
        if (r.date.isValid() && r.date >= from && r.date <= to && keep(r) && (!first.isValid() || r.date < first))
            first = r.date;
    }
    return first;
}

const auto kAnyRecord = [](const auto &) { return true; };

}  // namespace

IntakeChecklist intakeChecklist(const domain::Patient &patient, const QDate &asOf)
{
    IntakeChecklist checklist;
    const domain::Intake *intake = latestIntake(patient, asOf);
    checklist.intake = intake;
    if (!intake)
        return checklist;
    const QDate since = intake->date;
    auto add = [&](IntakeItem item, const QDate &date, bool done) {
        checklist.items.append({item, done, date});
        if (!done)
            checklist.missing.append(item);
    };
    add(IntakeItem::RecordsRequested, intake->recordsRequested, intake->recordsRequested.isValid());
    add(IntakeItem::RecordsReceived, intake->recordsReceived, intake->recordsReceived.isValid());
    const QDate pdmp = firstBetween(patient.pdmpChecks, since, asOf, kAnyRecord);
    add(IntakeItem::PdmpReviewed, pdmp, pdmp.isValid());
    const QDate uds = firstBetween(patient.uds, since, asOf, kAnyRecord);
    add(IntakeItem::UrineTest, uds, uds.isValid());
    add(IntakeItem::Diagnosis, QDate(), !intake->diagnosis.trimmed().isEmpty());
    const bool regimen = std::any_of(patient.opioids.cbegin(), patient.opioids.cend(), [&](const auto &o) {
        return isActiveOn(o.start, o.end, since) || isActiveOn(o.start, o.end, asOf);
    });
    add(IntakeItem::Regimen, QDate(), regimen);
    const QDate ort = firstBetween(patient.screenings, since, asOf,
                                   [](const domain::Screening &s) { return s.instrument == QLatin1String("ort"); });
    add(IntakeItem::RiskScreen, ort, ort.isValid());
    const QDate agreement = firstBetween(patient.agreements, since, asOf, [](const domain::Agreement &a) {
        return a.status == domain::AgreementStatus::Signed;
    });
    add(IntakeItem::Agreement, agreement, agreement.isValid());
    add(IntakeItem::Outcome, intake->outcomeDate, intake->outcome.has_value());
    checklist.closed = intake->outcome == domain::IntakeOutcome::NotTakenOn;
    return checklist;
}

std::optional<keys::Permission> intakeFieldNeeds(const QString &field)
{
    static const QStringList decision{QStringLiteral("outcome"), QStringLiteral("outcome_date"),
                                      QStringLiteral("review_date"), QStringLiteral("outcome_by"),
                                      QStringLiteral("outcome_note")};
    if (decision.contains(field))
        return keys::Permission::RecordClinicalDecision;
    if (field == QLatin1String("diagnosis"))
        return keys::Permission::RecordRooming;
    return std::nullopt;
}

std::optional<keys::Permission> intakeFieldPermission(const domain::Intake &written, const domain::Intake *corrected)
{
    const QJsonObject after = domain::recordToJson(domain::AnyRecord(written));
    const QJsonObject before = domain::recordToJson(domain::AnyRecord(corrected ? *corrected : domain::Intake{}));
    std::optional<keys::Permission> needed;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (it.value() == before.value(it.key()))
            continue;
        const auto field = intakeFieldNeeds(it.key());
        if (field == keys::Permission::RecordClinicalDecision)
            return field;
        if (field)
            needed = field;
    }
    return needed;
}

NewPatientRuling newPatientRuling(const ClinicPolicy &policy, bool priorRecordsReceived, bool udsOnRecord,
                                  const QDate &bridgeStart, const QDate &suppliedUntil)
{
    if (policy.newPatientMode == NewPatientMode::RecordsFirst) {
        if (priorRecordsReceived && udsOnRecord)
            return {};
        return {QStringLiteral("NEW_PATIENT_RECORDS_FIRST"), true};
    }
    if (priorRecordsReceived)
        return {};
    const QDate bridgeEnd = bridgeStart.addDays(policy.newPatientBridgeDays);
    if (!suppliedUntil.isValid() || suppliedUntil > bridgeEnd)
        return {QStringLiteral("NEW_PATIENT_BRIDGE_TOO_LONG"), true};
    return {QStringLiteral("NEW_PATIENT_BRIDGE"), false};
}

QString prescribedBeforeIntakeItems(const domain::Patient &patient, const QDate &asOf, const ClinicPolicy &policy)
{
    const IntakeChecklist checklist = intakeChecklist(patient, asOf);
    const domain::Intake *intake = checklist.intake;
    if (!intake || intake->outcome)
        return {};
    // The first prescription here: the earliest opioid started on or after the intake began.
    const domain::OpioidEntry *first = nullptr;
    for (const domain::OpioidEntry &o : patient.opioids) {
        if (o.start.isValid() && o.start >= intake->date && o.start <= asOf && (!first || o.start < first->start))
            first = &o;
    }
    if (!first)
        return {};
    const QDate on = first->start;
    const bool recordsReceived = intake->recordsReceived.isValid() && intake->recordsReceived <= on;
    const bool udsOnRecord = std::any_of(patient.uds.cbegin(), patient.uds.cend(),
                                         [&](const auto &u) { return u.date.isValid() && u.date <= on; });
    const NewPatientRuling ruling = newPatientRuling(policy, recordsReceived, udsOnRecord, on, first->end);
    if (!ruling.refused)
        return {};
    if (ruling.reason == QLatin1String("NEW_PATIENT_BRIDGE_TOO_LONG"))
        return QStringLiteral("An opioid was prescribed on %1 for longer than the clinic's %2-day bridge while the "
                              "prior records have not come (new-patient policy: bridge).")
            .arg(on.toString(Qt::ISODate))
            .arg(policy.newPatientBridgeDays);
    QStringList missing;
    if (!recordsReceived)
        missing << QStringLiteral("the prior prescriber's records were received");
    if (!udsOnRecord)
        missing << QStringLiteral("a urine test was on record");
    return QStringLiteral("An opioid was prescribed on %1 before %2 (new-patient policy: records first).")
        .arg(on.toString(Qt::ISODate), missing.join(QStringLiteral(" and before ")));
}

}  // namespace cairn::clinical
