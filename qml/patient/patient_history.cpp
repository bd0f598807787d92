#include "qml/patient/patient_history.h"

#include "core/clinical/decisions.h"
#include "core/reports/result_words.h"
#include "qml/app/labels.h"
#include "qml/app/numbers.h"
#include "qml/forms/record_form_fields.h"
#include "qml/forms/screening_form.h"

#include <QLocale>

#include <algorithm>

namespace cairn::app {

QList<SeriesPoint> pegSeries(const domain::Patient &patient)
{
    auto pegs = patient.peg;
    std::stable_sort(pegs.begin(), pegs.end(), [](const auto &a, const auto &b) { return a.date < b.date; });
    QList<SeriesPoint> points;
    for (const auto &p : pegs)
        points.append({p.date, clinical::pegMean(p)});
    return points;
}

QList<SeriesPoint> mmeSeries(const domain::Patient &patient, const clinical::MmeTable &table, const QDate &today,
                             bool *complete)
{
    const bool datesKnown = std::all_of(patient.opioids.cbegin(), patient.opioids.cend(),
                                        [](const domain::OpioidEntry &e) { return e.start.isValid(); });
    if (complete)
        *complete = datesKnown;
    QList<QDate> dates;
    if (datesKnown) {
        for (const auto &e : patient.opioids) {
            if (e.start <= today)
                dates << e.start;
            if (e.end.isValid() && e.end.addDays(1) <= today)
                dates << e.end.addDays(1);
        }
    }
    dates << today;
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    QList<SeriesPoint> points;
    for (const QDate &d : dates) {
        auto mme = clinical::computeMme(patient.opioids, d, table);
        if (!mme)
            return {};
        points.append({d, mme->totalPerDay});
    }
    return points;
}

HistoryListModel::HistoryListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int HistoryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant HistoryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1: %2").arg(r.kindLabel, r.summary);
    case DateRole:
        return r.date.isValid() ? r.date.toString(Qt::ISODate) : QString();
    case DateLabelRole:
        return r.date.isValid() ? QLocale().toString(r.date, QLocale::ShortFormat) : tr("No date");
    case KindRole:
        return r.kind;
    case KindLabelRole:
        return r.kindLabel;
    case SummaryRole:
        return r.summary;
    case RecordIdRole:
        return r.recordId;
    case FormKindRole:
        return r.formKind;
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryListModel::roleNames() const
{
    return {{DateRole, "date"},           {DateLabelRole, "dateLabel"}, {KindRole, "kind"},
            {KindLabelRole, "kindLabel"}, {SummaryRole, "summary"},     {RecordIdRole, "recordId"},
            {FormKindRole, "formKind"}};
}

void HistoryListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    emit countChanged();
}

namespace {
QString idOf(const domain::RecordMeta &meta)
{
    return meta.id.isNull() ? QString() : meta.id.toString(QUuid::WithoutBraces);
}
}  // namespace

QString moudReferredTo(const domain::MoudStatus &status, const QList<domain::ClinicResource> &resources)
{
    if (status.resourceId.isEmpty())
        return status.referredTo;
    for (const domain::ClinicResource &resource : resources)
        if (resource.id == status.resourceId)
            return resource.name;
    // The directory has not reached this tablet yet (it syncs apart from the patient's records).
    return status.referredTo.isEmpty() ? HistoryListModel::tr("a resource not in this tablet's directory yet")
                                       : status.referredTo;
}

void HistoryListModel::setPatient(const domain::Patient &p, const QList<clinical::ScreeningScore> &scores,
                                  const QList<domain::ClinicResource> &resources)
{
    QList<Row> rows;
    for (const auto &v : p.visits) {
        QString status;
        switch (v.status) {
        case domain::VisitStatus::Scheduled:
            status = tr("Scheduled");
            break;
        case domain::VisitStatus::Completed:
            status = tr("Completed");
            break;
        case domain::VisitStatus::Cancelled:
            status = tr("Cancelled");
            break;
        case domain::VisitStatus::NoShow:
            status = tr("Missed: the patient did not come");
            break;
        }
        // In person is the usual visit: only the other types are named.
        const QString type =
            v.type == domain::VisitType::InPerson
                ? QString()
                : choiceLabel(QStringLiteral("visit"), QStringLiteral("type"), domain::toString(v.type));
        QStringList parts{status};
        if (!v.time.isEmpty())
            parts << v.time;
        if (!type.isEmpty())
            parts << type;
        if (!v.clinician.isEmpty())
            parts << tr("with %1").arg(v.clinician);
        rows.append({v.date, 0, QStringLiteral("visit"), tr("Visit"), parts.join(QStringLiteral(" · ")), idOf(v.meta),
                     QStringLiteral("visit")});
    }
    for (const auto &u : p.uds) {
        // The result in the words the case summary and its PDF use (core/reports/result_words.h),
        // starting the line as a sentence does.
        QString result = reports::urineResultWords(u.result);
        if (!result.isEmpty())
            result[0] = result.at(0).toUpper();
        if (!u.substances.isEmpty() && u.result == domain::UdsResult::Unexpected)
            result = tr("%1: %2").arg(result, u.substances.join(QStringLiteral(", ")));
        if (u.confirmatorySent)
            result = tr("%1 · sent for a confirmatory test").arg(result);
        rows.append(
            {u.date, 1, QStringLiteral("uds"), tr("Urine drug screen"), result, idOf(u.meta), QStringLiteral("uds")});
    }
    for (const auto &c : p.pdmpChecks) {
        QString finding =
            c.concerning ? (c.findings.isEmpty() ? tr("Concerning findings") : tr("Concerning: %1").arg(c.findings))
                         : tr("No concerns");
        if (!c.checkedBy.isEmpty())
            finding = tr("%1 · checked by %2").arg(finding, c.checkedBy);
        rows.append(
            {c.date, 2, QStringLiteral("pdmp"), tr("PDMP check"), finding, idOf(c.meta), QStringLiteral("pdmp_check")});
    }
    for (const auto &a : p.agreements) {
        // A declined agreement is shown as such ("declined on D"), never as a silent gap.
        const bool declined = a.status == domain::AgreementStatus::Declined;
        const QString what = declined ? tr("Declined") : tr("Signed");
        rows.append({a.date, 3, QStringLiteral("agreement"), tr("Treatment agreement"),
                     a.note.isEmpty() ? what : tr("%1: %2").arg(what, a.note), idOf(a.meta),
                     QStringLiteral("agreement")});
    }
    for (const auto &n : p.naloxone) {
        QString action;
        switch (n.action) {
        case domain::NaloxoneAction::Offered:
            action = tr("Offered");
            break;
        case domain::NaloxoneAction::Prescribed:
            action = tr("Prescribed");
            break;
        case domain::NaloxoneAction::Declined:
            action = tr("Offered and declined");
            break;
        case domain::NaloxoneAction::Dispensed:
            action = tr("Dispensed");
            break;
        }
        rows.append(
            {n.date, 4, QStringLiteral("naloxone"), tr("Naloxone"), action, idOf(n.meta), QStringLiteral("naloxone")});
    }
    for (const auto &o : p.opioids) {
        const QString dose = o.strengthMcgPerHr ? tr("%1 mcg/hr patch").arg(numberText(*o.strengthMcgPerHr))
                                                : tr("%1 mg × %2, %3 times a day")
                                                      .arg(numberText(o.strengthMg.value_or(0)),
                                                           numberText(o.unitsPerDose), numberText(o.dosesPerDay));
        const QString summary =
            o.end.isValid() ? tr("%1 %2, stopped %3").arg(o.drug, dose, QLocale().toString(o.end, QLocale::ShortFormat))
                            : tr("%1 %2").arg(o.drug, dose);
        rows.append(
            {o.start, 5, QStringLiteral("opioid"), tr("Opioid"), summary, idOf(o.meta), QStringLiteral("opioid")});
    }
    for (const auto &b : p.benzodiazepines) {
        const QString kind =
            choiceLabel(QStringLiteral("benzodiazepine"), QStringLiteral("kind"), domain::toString(b.kind));
        const QString drug = tr("%1 (%2)").arg(b.drug, kind);
        rows.append(
            {b.start, 6, QStringLiteral("benzodiazepine"), tr("Sedative"),
             b.end.isValid() ? tr("%1, stopped %2").arg(drug, QLocale().toString(b.end, QLocale::ShortFormat)) : drug,
             idOf(b.meta), QStringLiteral("benzodiazepine")});
    }
    for (const auto &g : p.goals) {
        QString status;
        switch (g.status) {
        case domain::GoalStatus::Active:
            status = tr("working on it");
            break;
        case domain::GoalStatus::Met:
            status = tr("met");
            break;
        case domain::GoalStatus::Dropped:
            status = tr("dropped");
            break;
        }
        rows.append({g.date, 7, QStringLiteral("goal"), tr("Care-plan goal"), tr("%1 (%2)").arg(g.goal, status),
                     idOf(g.meta), QStringLiteral("goal")});
    }
    for (const auto &r : p.refillRequests) {
        QStringList parts{r.medication};
        if (r.daysSupply)
            parts << tr("supply for %n day(s)", "", *r.daysSupply);
        if (r.early)
            parts << tr("early");
        if (r.lostStolen)
            parts << (r.policeReport ? tr("lost or stolen, police report made")
                                     : tr("lost or stolen, no police report"));
        switch (r.decision) {
        case domain::RefillDecision::Pending:
            parts << tr("not decided yet");
            break;
        case domain::RefillDecision::Approved:
            parts << tr("approved");
            break;
        case domain::RefillDecision::Declined:
            parts << (r.decisionReason.isEmpty() ? tr("declined") : tr("declined: %1").arg(r.decisionReason));
            break;
        case domain::RefillDecision::RoutedToClinician:
            parts << tr("sent to the clinician");
            break;
        }
        rows.append({r.date, 8, QStringLiteral("refill_request"), tr("Refill request"),
                     parts.join(QStringLiteral(" · ")), idOf(r.meta), QStringLiteral("refill_request")});
    }
    for (const auto &m : p.medicationReviews)
        rows.append({m.date, 9, QStringLiteral("medication_review"), tr("Medication list reviewed"),
                     m.reviewedBy.isEmpty() ? tr("Reviewed") : tr("Reviewed by %1").arg(m.reviewedBy), idOf(m.meta),
                     QStringLiteral("medication_review")});
    for (const auto &u : p.udsSelections)
        rows.append({u.date, 9, QStringLiteral("uds_selection"), tr("Random urine test draw"),
                     u.selected ? tr("Chosen for a urine sample") : tr("Not chosen for a urine sample"), idOf(u.meta),
                     QStringLiteral("uds_selection")});
    for (const auto &o : p.refillOverrides)
        rows.append({o.date, 8, QStringLiteral("refill_override"), tr("Clinic refill rule overridden"),
                     tr("%1: %2 (%3)").arg(o.clinician, o.reason, o.rules), idOf(o.meta),
                     QStringLiteral("refill_override")});
    for (const auto &d : p.ltotDecisions)
        rows.append({d.date, 9, QStringLiteral("ltot_decision"), tr("Long-term therapy decision"),
                     (d.longTerm ? tr("On long-term opioid therapy: %1") : tr("Not on long-term opioid therapy: %1"))
                         .arg(d.reason),
                     idOf(d.meta), QStringLiteral("ltot_decision")});
    // Issue 18: the intake, the OUD checklist (its severity computed, never stored) and MOUD.
    for (const auto &i : p.intakes) {
        const QString outcome =
            i.outcome ? choiceLabel(QStringLiteral("intake"), QStringLiteral("outcome"), domain::toString(*i.outcome))
                      : tr("first-visit decision not recorded yet");
        rows.append({i.date, 9, QStringLiteral("intake"), tr("New-patient intake"),
                     i.priorPrescriber.isEmpty() ? outcome : tr("from %1 · %2").arg(i.priorPrescriber, outcome),
                     idOf(i.meta), QStringLiteral("intake")});
    }
    for (const auto &a : p.oudAssessments) {
        const clinical::OudResult result = clinical::oudResult(a);
        rows.append(
            {a.date, 9, QStringLiteral("oud_assessment"), tr("Opioid use disorder checklist"),
             tr("%1 of 11 criteria counted: %2").arg(result.criteriaCounted).arg(oudSeverityLabel(result.severity)),
             idOf(a.meta), QString()});
    }
    for (const auto &m : p.moudStatuses) {
        QString text = choiceLabel(QStringLiteral("moud_status"), QStringLiteral("state"), domain::toString(m.state));
        if (const QString to = moudReferredTo(m, resources); !to.isEmpty())
            text = tr("%1: %2").arg(text, to);
        rows.append({m.date, 9, QStringLiteral("moud_status"), tr("Treatment for opioid use disorder"), text,
                     idOf(m.meta), QStringLiteral("moud_status")});
    }
    for (const auto &c : p.caseConferences)
        rows.append({c.date, 9, QStringLiteral("case_conference"), tr("Case conference"),
                     tr("%1 · %2").arg(c.question, choiceLabel(QStringLiteral("case_conference"),
                                                               QStringLiteral("status"), domain::toString(c.status))),
                     idOf(c.meta), QStringLiteral("case_conference")});
    for (const auto &t : p.tasks)
        rows.append(
            {t.date, 9, QStringLiteral("task"), tr("Task"),
             tr("%1 · %2, due %3 · %4")
                 .arg(t.text, choiceLabel(QStringLiteral("task"), QStringLiteral("owner_role"), t.ownerRole),
                      QLocale().toString(t.due, QLocale::ShortFormat),
                      choiceLabel(QStringLiteral("task"), QStringLiteral("status"), domain::toString(t.status))),
             idOf(t.meta), QStringLiteral("task")});
    for (const auto &t : p.taperPlans) {
        const QString status = taperStatusLabel(t.status);
        QString summary = t.drug.isEmpty() ? status : tr("%1, %2").arg(t.drug, status);
        if (!t.steps.isEmpty()) {
            QStringList steps;
            for (const auto &step : t.steps)
                steps << (step.targetMmePerDay ? tr("%1: %2 MME/day")
                                                     .arg(QLocale().toString(step.date, QLocale::ShortFormat))
                                                     .arg(numberText(*step.targetMmePerDay))
                                               : QLocale().toString(step.date, QLocale::ShortFormat));
            summary = tr("%1 · steps %2").arg(summary, steps.join(QStringLiteral(", ")));
        }
        rows.append({t.date, 10, QStringLiteral("taper_plan"), tr("Taper plan"), summary, idOf(t.meta),
                     QStringLiteral("taper_plan")});
    }
    // Screens with the rules' result; the ORT and the PC-PTSD-5 can be corrected with their form.
    qsizetype nextScore = 0;
    for (const auto &s : p.screenings) {
        QString result = tr("Recorded");
        if (nextScore < scores.size() && scores.at(nextScore).instrument == s.instrument &&
            scores.at(nextScore).date == s.date)
            result = reports::screeningScoreWords(scores.at(nextScore++));
        const bool ownForm = s.instrument == QLatin1String("ort") || s.instrument == QLatin1String("pcptsd5");
        rows.append({s.date, 11, QStringLiteral("screening"), instrumentTitle(s.instrument), result, idOf(s.meta),
                     ownForm ? s.instrument : QString()});
    }
    // Newest first; undated records last.
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.date != b.date) {
            if (!a.date.isValid() || !b.date.isValid())
                return a.date.isValid();
            return a.date > b.date;
        }
        return a.order < b.order;
    });
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

}  // namespace cairn::app
