#include "qml/patient/patient_view_model.h"

#include "core/clinical/decisions.h"
#include "core/clinical/mme.h"
#include "core/clinical/referral_triggers.h"
#include "core/clinical/tasks.h"
#include "core/registry/case_conferences.h"
#include "core/registry/registry.h"
#include "qml/app/labels.h"
#include "qml/app/numbers.h"
#include "qml/forms/record_form_fields.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QUuid>

#include <cmath>
#include <utility>

namespace cairn::app {

QString PatientViewModel::caution() const
{
    if (!m_view)
        return {};
    // In the screen's language; the view carries the contract's English text.
    auto tables = clinical::MmeTables::shipped();
    return tables ? (*tables)->caution(uiLanguage()) : m_view->mmeCaution;
}

PatientViewModel::PatientViewModel(QObject *parent)
    : AsyncObject(parent)
{
    connect(this, &PatientViewModel::changed, this, &PatientViewModel::textsChanged);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool PatientViewModel::eventFilter(QObject *watched, QEvent *event)
{
    // Queued: the lists it rebuilds (the regimen, the care plan, the referrals, the history) must
    // not be rebuilt while the engine retranslates (Qt 6.4's layouts crash on delegates destroyed
    // meanwhile).
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange && loaded())
        QMetaObject::invokeMethod(this, &PatientViewModel::retranslate, Qt::QueuedConnection);
    return AsyncObject::eventFilter(watched, event);
}

void PatientViewModel::retranslate()
{
    if (!m_view)
        return;
    // The history's rows and the prompts are worded when they are made.
    m_history.setPatient(m_view->patient, m_view->evaluation.scores, m_view->resources);
    rankPrompts();
    emit textsChanged();
}

void PatientViewModel::rankPrompts()
{
    m_prompts.rankFor(m_view->evaluation.gaps, uiLanguage(), scriptsUsed(), m_view->clinicScripts, m_view->policy);
}

void PatientViewModel::setPatientId(const QString &id)
{
    if (m_patientId == id)
        return;
    m_patientId = id;
    emit patientIdChanged();
    // What was said about the last patient is not about this one.
    clearMessage();
    m_readFailed = false;
    reload();
}

void PatientViewModel::reload()
{
    if (!session() || !session()->signedIn() || m_patientId.isEmpty())
        return;
    const QString id = m_patientId;
    const QDate today = m_today.isValid() ? m_today : clinicToday();
    run<Result<registry::PatientView>>(
        [id, today](registry::Registry &registry) -> Result<registry::PatientView> {
            return registry::patientView(registry, id, today);
        },
        [this, today](Result<registry::PatientView> view) {
            if (view) {
                m_view = std::move(view).value();
                m_peg = pegSeries(m_view->patient);
                m_mme.clear();
                m_mmeComplete = true;
                if (auto tables = clinical::MmeTables::shipped())
                    if (const clinical::MmeTable *table = (*tables)->find(m_view->evaluation.mme.table))
                        m_mme = mmeSeries(m_view->patient, *table, today, &m_mmeComplete);
                m_history.setPatient(m_view->patient, m_view->evaluation.scores, m_view->resources);
                QStringList triggers;
                for (domain::ReferralTrigger trigger :
                     clinical::unansweredReferralTriggers(m_view->patient, m_view->evaluation, session()->policy()))
                    triggers << domain::toString(trigger);
                QHash<QString, QList<domain::Task>> overdueTasks;
                for (const clinical::CareGap &gap : std::as_const(m_view->evaluation.gaps))
                    if (gap.code == QLatin1String("TASK_OVERDUE"))
                        overdueTasks.insert(
                            gap.role, clinical::overdueTasksOf(m_view->patient, gap.role, m_view->evaluation.asOf));
                m_gaps.setGaps(m_view->evaluation.gaps, triggers, overdueTasks);
                rankPrompts();
                emit changed();
            }
            // The re-read that follows every save keeps what the save said ("PEG saved."); only a
            // failed read speaks, and the next good read takes its error away.
            if (!view) {
                report(Status(view.error()));
                m_readFailed = true;
            } else if (m_readFailed) {
                clearMessage();
                m_readFailed = false;
            }
        });
}

void PatientViewModel::savePeg(int pain, int enjoyment, int activity)
{
    if (!session() || m_patientId.isEmpty())
        return;
    const QString id = m_patientId;
    const QDate today = m_today.isValid() ? m_today : clinicToday();
    run<Result<QString>>(
        [id, today, pain, enjoyment, activity](registry::Registry &registry) {
            return registry.addRecord(id, domain::PegScore{{}, today, pain, enjoyment, activity});
        },
        [this](Result<QString> added) {
            report(added ? ok() : Status(added.error()), [] { return tr("PEG saved."); });
            if (added) {
                m_lastPegId = *added;
                emit saved();
                session()->noteDataChanged();
            }
        });
}

void PatientViewModel::undoPeg()
{
    if (m_lastPegId.isEmpty())
        return;
    const QString recordId = std::exchange(m_lastPegId, QString());
    withdrawRecord(recordId, tr("Undone right after it was saved."));
}

void PatientViewModel::withdrawRecord(const QString &recordId, const QString &reason)
{
    if (!session() || recordId.isEmpty())
        return;
    if (reason.trimmed().isEmpty()) {
        setWordedMessage(
            [] {
                return Error{QStringLiteral("reason"), tr("Say why the record is withdrawn.")}.line();
            },
            true);
        return;
    }
    run<Status>(
        [recordId, reason](registry::Registry &registry) -> Status {
            auto withdrawn = registry.retractRecord(recordId, reason.trimmed());
            return withdrawn ? ok() : Status(withdrawn.error());
        },
        [this](Status status) {
            report(status, [] { return tr("Withdrawn: it stays in the history, marked as entered in error."); });
            if (status) {
                emit saved();
                session()->noteDataChanged();
            }
        });
}

QVariantList PatientViewModel::referrals() const
{
    if (!m_view)
        return {};
    const auto policy = clinical::referralPolicyFromJson(m_view->policy.value(QStringLiteral("referrals")).toObject());
    const clinical::ReferralPolicy followUp = policy ? *policy : clinical::ReferralPolicy{};
    const QDate today = m_view->evaluation.asOf;
    QList<domain::Referral> sorted = m_view->patient.referrals;
    std::stable_sort(sorted.begin(), sorted.end(), [](const domain::Referral &a, const domain::Referral &b) {
        if (clinical::isOpen(a.status) != clinical::isOpen(b.status))
            return clinical::isOpen(a.status);
        return a.date > b.date;
    });
    QVariantList list;
    for (const domain::Referral &r : std::as_const(sorted)) {
        QString destination = r.to;
        for (const domain::ClinicResource &resource : m_view->resources)
            if (!r.resourceId.isEmpty() && resource.id == r.resourceId)
                destination = resource.name;
        const QDate due = clinical::followUpDue(r, followUp);
        QVariantList next;
        for (domain::ReferralStatus status : clinical::nextStatuses(r.status))
            next.append(QVariantMap{{QStringLiteral("value"), domain::toString(status)},
                                    {QStringLiteral("label"), referralStatusLabel(status)}});
        const QString dueText = QLocale().toString(due, QStringLiteral("d MMM yyyy"));
        list.append(QVariantMap{
            {QStringLiteral("referralId"), r.meta.id.toString(QUuid::WithoutBraces)},
            {QStringLiteral("destination"), destination},
            {QStringLiteral("question"), r.question},
            {QStringLiteral("status"), domain::toString(r.status)},
            {QStringLiteral("statusLabel"), referralStatusLabel(r.status)},
            {QStringLiteral("urgencyLabel"), referralUrgencyLabel(r.urgency)},
            {QStringLiteral("followUpText"), !due.isValid() ? QString()
                                             : due < today  ? tr("Follow-up overdue since %1").arg(dueText)
                                                            : tr("Follow up by %1").arg(dueText)},
            {QStringLiteral("overdue"), due.isValid() && due < today},
            {QStringLiteral("open"), clinical::isOpen(r.status)},
            {QStringLiteral("next"), next},
        });
    }
    return list;
}

void PatientViewModel::markTaskDone(const QString &taskId)
{
    if (!session() || taskId.isEmpty())
        return;
    // The one write Today's "Mark done" makes too: the task's next version, done.
    run<Result<QString>>([taskId](registry::Registry &registry) { return registry::completeTask(registry, taskId); },
                         [this](Result<QString> done) {
                             report(done ? ok() : Status(done.error()), [] { return tr("The task is marked done."); });
                             if (done) {
                                 emit saved();
                                 session()->noteDataChanged();
                             }
                         });
}

void PatientViewModel::moveReferral(const QString &referralId, const QString &status)
{
    if (!session() || !m_view || referralId.isEmpty())
        return;
    domain::ReferralStatus next{};
    if (!domain::parse(status, &next))
        return;
    std::optional<domain::Referral> current;
    for (const domain::Referral &r : std::as_const(m_view->patient.referrals))
        if (r.meta.id.toString(QUuid::WithoutBraces) == referralId)
            current = r;
    if (!current)
        return;
    domain::Referral moved = *current;
    moved.status = next;
    moved.statusDate = m_today.isValid() ? m_today : clinicToday();
    moved.meta = {};
    run<Status>(
        [referralId, moved](registry::Registry &registry) -> Status {
            auto corrected = registry.correctRecord(referralId, moved);
            return corrected ? ok() : Status(corrected.error());
        },
        [this, next](Status done) {
            report(done, [next] { return tr("Referral: %1.").arg(referralStatusLabel(next)); });
            if (done) {
                emit saved();
                session()->noteDataChanged();
            }
        });
}

void PatientViewModel::markScriptUsed(const QString &scriptId, const QString &note)
{
    if (!session() || m_patientId.isEmpty())
        return;
    int version = 1;
    QString language = QStringLiteral("en");
    for (const scripts::Script &s : m_prompts.scripts()) {
        if (s.id == scriptId) {
            version = s.version;
            language = s.language;
        }
    }
    const QString id = m_patientId;
    const QDate today = m_today.isValid() ? m_today : clinicToday();
    run<Status>(
        [id, today, scriptId, version, language, note](registry::Registry &registry) -> Status {
            auto added =
                registry.addRecord(id, domain::ScriptUse{{}, today, scriptId, version, language, note.trimmed()});
            return added ? ok() : Status(added.error());
        },
        [this](Status status) {
            report(status, [] { return tr("Recorded that the script was used."); });
            if (status)
                session()->noteDataChanged();
        });
}

QStringList PatientViewModel::scriptsUsed() const
{
    QStringList ids;
    if (m_view)
        for (const auto &use : m_view->patient.scriptUses)
            ids << use.scriptId;
    return ids;
}

QString PatientViewModel::name() const
{
    return m_view ? m_view->patient.name : QString();
}

QString PatientViewModel::details() const
{
    if (!m_view)
        return {};
    const auto &p = m_view->patient;
    const QDate today = m_today.isValid() ? m_today : clinicToday();
    return tr("%1 years · %2 · %3")
        .arg(p.birthDate.isValid() ? domain::ageOn(p.birthDate, today) : 0)
        .arg(p.clinicId, p.prescriber);
}

QString PatientViewModel::birthDateText() const
{
    if (!m_view || !m_view->patient.birthDate.isValid())
        return {};
    const QDate birth = m_view->patient.birthDate;
    const QDate today = m_today.isValid() ? m_today : clinicToday();
    // The unambiguous long form ("12 Mar 1987"): "3/12/87" reads differently to different staff.
    return tr("%1 (%2)").arg(QLocale().toString(birth, QStringLiteral("d MMM yyyy"))).arg(domain::ageOn(birth, today));
}

QString PatientViewModel::languageLabel() const
{
    if (!m_view)
        return {};
    return languageName(m_view->patient.language);
}

QString PatientViewModel::inactiveText() const
{
    if (!m_view || m_view->patient.status != domain::PatientStatus::Inactive)
        return {};
    const auto &p = m_view->patient;
    if (!p.inactiveReason)
        return tr("Inactive since %1").arg(QLocale().toString(p.inactiveDate, QLocale::ShortFormat));
    const QString why = choiceLabel(QStringLiteral("inactivation"), QStringLiteral("inactive_reason"),
                                    domain::toString(*p.inactiveReason));
    return tr("Inactive since %1: %2").arg(QLocale().toString(p.inactiveDate, QLocale::ShortFormat), why);
}

QString PatientViewModel::ltotSentence(const clinical::LtotStatus &status)
{
    QString sentence;
    switch (status.reason) {
    case clinical::LtotReason::SupplyOnMostDays:
        sentence = tr("On the long-term opioid therapy registry: opioids on %1 of the last %2 days.")
                       .arg(status.daysCovered)
                       .arg(status.lookbackDays);
        break;
    case clinical::LtotReason::ExpectedLongTerm:
        sentence = tr("On the long-term opioid therapy registry: an ongoing opioid prescription for pain.");
        break;
    case clinical::LtotReason::ClinicianFlag:
        sentence = tr("On the long-term opioid therapy registry: a clinician's decision.");
        break;
    case clinical::LtotReason::ShortCourse:
        sentence =
            tr("Not on the long-term opioid therapy registry: a short course (opioids on %1 of the last %2 days).")
                .arg(status.daysCovered)
                .arg(status.lookbackDays);
        break;
    case clinical::LtotReason::MoudOnly:
        sentence = tr("Not on the long-term opioid therapy registry: treatment for opioid use disorder only.");
        break;
    case clinical::LtotReason::NoOpioid:
        sentence = tr("Not on the long-term opioid therapy registry: no opioid for pain today.");
        break;
    case clinical::LtotReason::Inactive:
        sentence = tr("Not on the long-term opioid therapy registry: inactive.");
        break;
    }
    if (status.moud && status.reason != clinical::LtotReason::MoudOnly)
        sentence += QLatin1Char(' ') + tr("Also treated for opioid use disorder.");
    return sentence;
}

QString PatientViewModel::oudText() const
{
    if (!m_view)
        return {};
    const domain::OudAssessment *latest = clinical::latestOudAssessment(m_view->patient, m_view->evaluation.asOf);
    if (!latest)
        return {};
    const clinical::OudResult result = clinical::oudResult(*latest);
    return tr("Opioid use disorder checklist on %1: %2 (%3 of 11 criteria counted).")
        .arg(QLocale().toString(latest->date, QLocale::ShortFormat), oudSeverityLabel(result.severity))
        .arg(result.criteriaCounted);
}

QString PatientViewModel::moudText() const
{
    if (!m_view)
        return {};
    const domain::MoudStatus *status = clinical::moudStatusOn(m_view->patient, m_view->evaluation.asOf);
    if (!status)
        return {};
    QString state =
        choiceLabel(QStringLiteral("moud_status"), QStringLiteral("state"), domain::toString(status->state));
    if (const QString to = moudReferredTo(*status, m_view->resources); !to.isEmpty())
        state = tr("%1 (%2)").arg(state, to);
    return tr("Treatment for opioid use disorder: %1 on %2.")
        .arg(state, QLocale().toString(status->date, QLocale::ShortFormat));
}

QString PatientViewModel::intakeId() const
{
    if (!m_view)
        return {};
    const clinical::IntakeChecklist checklist = clinical::intakeChecklist(m_view->patient, m_view->evaluation.asOf);
    return checklist.intake ? checklist.intake->meta.id.toString(QUuid::WithoutBraces) : QString();
}

QString PatientViewModel::intakeText() const
{
    if (!m_view)
        return {};
    const clinical::IntakeChecklist checklist = clinical::intakeChecklist(m_view->patient, m_view->evaluation.asOf);
    if (!checklist.intake)
        return {};
    const domain::Intake &intake = *checklist.intake;
    const QString started = QLocale().toString(intake.date, QLocale::ShortFormat);
    if (intake.outcome) {
        const QString decision =
            choiceLabel(QStringLiteral("intake"), QStringLiteral("outcome"), domain::toString(*intake.outcome));
        if (intake.reviewDate.isValid())
            return tr("New-patient intake started %1: %2, review on %3.")
                .arg(started, decision, QLocale().toString(intake.reviewDate, QLocale::ShortFormat));
        return tr("New-patient intake started %1: %2.").arg(started, decision);
    }
    QStringList missing;
    for (clinical::IntakeItem item : checklist.missing)
        missing << intakeItemLabel(item);
    return tr("New-patient intake started %1; still to do: %2.").arg(started, missing.join(QStringLiteral(", ")));
}

QString PatientViewModel::tierLabel() const
{
    return m_view ? app::tierLabel(domain::toString(m_view->evaluation.tier)) : QString();
}

QString PatientViewModel::mmeText() const
{
    return m_view ? tr("%1 MME/day").arg(decimalText(clinical::roundToTenth(m_view->evaluation.mme.totalPerDay), 1))
                  : QString();
}

QString PatientViewModel::bandLabel() const
{
    if (!m_view)
        return {};
    return mmeBandLabel(clinical::toString(m_view->evaluation.mme.band));
}

QStringList PatientViewModel::regimen() const
{
    QStringList lines;
    if (!m_view)
        return lines;
    for (const auto &item : m_view->evaluation.mme.items) {
        lines << (item.mmePerDay
                      ? tr("%1: %2 MME/day").arg(item.drug, decimalText(clinical::roundToTenth(*item.mmePerDay), 1))
                      : tr("%1: not counted in MME").arg(item.drug));
    }
    return lines;
}

QStringList PatientViewModel::carePlan() const
{
    QStringList lines;
    if (!m_view)
        return lines;
    const auto date = [](const QDate &d) { return QLocale().toString(d, QLocale::ShortFormat); };
    for (const auto &g : m_view->patient.goals) {
        if (g.status != domain::GoalStatus::Active)
            continue;
        QString line = g.targetDate.isValid() ? tr("Goal: %1 (by %2)").arg(g.goal, date(g.targetDate))
                                              : tr("Goal: %1").arg(g.goal);
        if (g.reviewed.isValid())
            line = tr("%1 · last reviewed %2").arg(line, date(g.reviewed));
        lines << line;
    }
    const auto &plans = m_view->patient.taperPlans;
    const auto latest =
        std::max_element(plans.cbegin(), plans.cend(), [](const auto &a, const auto &b) { return a.date < b.date; });
    if (latest != plans.cend()) {
        const QString status = taperStatusLabel(latest->status);
        lines << tr("Taper plan for %1, %2 (from %3)").arg(latest->drug, status, date(latest->date));
        for (const auto &step : latest->steps)
            lines << (step.targetMmePerDay ? tr("  %1: %2 (target %3 MME/day)")
                                                 .arg(date(step.date), step.description)
                                                 .arg(numberText(*step.targetMmePerDay))
                                           : tr("  %1: %2").arg(date(step.date), step.description));
    }
    return lines;
}

QString PatientViewModel::taperPlanId() const
{
    if (!m_view)
        return {};
    const auto &plans = m_view->patient.taperPlans;
    const auto latest =
        std::max_element(plans.cbegin(), plans.cend(), [](const auto &a, const auto &b) { return a.date < b.date; });
    return latest == plans.cend() ? QString() : latest->meta.id.toString(QUuid::WithoutBraces);
}

QStringList PatientViewModel::pegHistory() const
{
    QStringList lines;
    if (!m_view)
        return lines;
    auto pegs = m_view->patient.peg;
    std::sort(pegs.begin(), pegs.end(), [](const auto &a, const auto &b) { return a.date > b.date; });
    for (const auto &p : pegs) {
        lines << tr("%1: pain %2, enjoyment %3, activity %4 (mean %5)")
                     .arg(QLocale().toString(p.date, QLocale::ShortFormat))
                     .arg(p.pain)
                     .arg(p.enjoyment)
                     .arg(p.activity)
                     .arg(decimalText(clinical::roundToTenth(clinical::pegMean(p)), 1));
    }
    return lines;
}

bool PatientViewModel::suicideRiskAlert() const
{
    return m_view && std::any_of(m_view->evaluation.gaps.cbegin(), m_view->evaluation.gaps.cend(),
                                 [](const clinical::CareGap &g) { return g.code == QLatin1String("SUICIDE_RISK"); });
}

namespace {
QStringList dateLabels(const QList<SeriesPoint> &points)
{
    QStringList labels;
    for (const auto &p : points)
        labels << QLocale().toString(p.date, QLocale::ShortFormat);
    return labels;
}
QList<qreal> values(const QList<SeriesPoint> &points)
{
    QList<qreal> list;
    for (const auto &p : points)
        list << p.value;
    return list;
}
}  // namespace

QStringList PatientViewModel::pegDates() const
{
    return dateLabels(m_peg);
}
QList<qreal> PatientViewModel::pegValues() const
{
    return values(m_peg);
}
QStringList PatientViewModel::mmeDates() const
{
    return dateLabels(m_mme);
}
QList<qreal> PatientViewModel::mmeValues() const
{
    return values(m_mme);
}

qreal PatientViewModel::mmeMax() const
{
    qreal top = 0;
    for (const auto &p : m_mme)
        top = std::max(top, p.value);
    // Room above the highest point, in steps of 30 MME, never below the 90 MME band.
    return std::max(90.0, std::ceil((top + 10) / 30.0) * 30.0);
}

QString PatientViewModel::pegTrendText() const
{
    if (m_peg.isEmpty())
        return tr("No PEG scores yet.");
    return tr("%n PEG score(s). First: %1 on %2. Latest: %3 on %4. 30% better than baseline: %5.", "",
              static_cast<int>(m_peg.size()))
        .arg(decimalText(clinical::roundToTenth(m_peg.first().value), 1))
        .arg(QLocale().toString(m_peg.first().date, QLocale::ShortFormat))
        .arg(decimalText(clinical::roundToTenth(m_peg.last().value), 1))
        .arg(QLocale().toString(m_peg.last().date, QLocale::ShortFormat))
        .arg(decimalText(clinical::roundToTenth(pegTarget()), 1));
}

QString PatientViewModel::mmeHistoryNote() const
{
    if (!m_view)
        return {};
    if (m_mme.isEmpty())
        return tr("The MME history cannot be shown: a regimen entry could not be counted.");
    if (!m_mmeComplete)
        return tr("A regimen entry has no start date, so only today's total is shown.");
    return {};
}

QString PatientViewModel::mmeTrendText() const
{
    if (m_mme.isEmpty())
        return {};
    QStringList parts;
    for (const auto &p : m_mme)
        parts << tr("%1: %2 MME/day")
                     .arg(QLocale().toString(p.date, QLocale::ShortFormat))
                     .arg(decimalText(clinical::roundToTenth(p.value), 1));
    return parts.join(QStringLiteral("; "));
}

}  // namespace cairn::app
