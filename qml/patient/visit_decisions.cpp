#include "qml/patient/visit_decisions.h"

#include "core/registry/registry.h"

#include <functional>

namespace cairn::app {

VisitDecisions::VisitDecisions(QObject *parent)
    : AsyncObject(parent)
{}

void VisitDecisions::setPatientId(const QString &id)
{
    if (m_patientId == id)
        return;
    m_patientId = id;
    emit patientIdChanged();
    reload();
}

bool VisitDecisions::allowed() const
{
    keys::Role role = keys::Role::MedicalAssistant;
    return session() && session()->signedIn() && keys::parse(session()->role(), &role) &&
           keys::can(role, keys::Permission::RecordClinicalDecision);
}

QString VisitDecisions::taperStatusLabel() const
{
    if (m_taperStatus == QLatin1String("none"))
        return tr("No taper");
    if (m_taperStatus == QLatin1String("planned"))
        return tr("Taper planned");
    if (m_taperStatus == QLatin1String("in_progress"))
        return tr("Taper in progress");
    if (m_taperStatus == QLatin1String("paused"))
        return tr("Taper paused");
    if (m_taperStatus == QLatin1String("completed"))
        return tr("Taper completed");
    return {};
}

void VisitDecisions::reload()
{
    if (!session() || !session()->signedIn() || m_patientId.isEmpty())
        return;
    const QString id = m_patientId;
    run<Result<QString>>(
        [id](registry::Registry &registry) -> Result<QString> {
            auto patient = registry.loadPatient(id);
            if (!patient)
                return patient.error();
            return domain::toString(patient->taperStatus);
        },
        [this](Result<QString> status) {
            if (status && *status != m_taperStatus) {
                m_taperStatus = *status;
                emit taperStatusChanged();
            }
            report(status ? ok() : Status(status.error()), error() ? QString() : message());
        });
}

void VisitDecisions::write(const std::function<Result<Undo>(registry::Registry &, const QString &, const QDate &)> &job,
                           const QString &success)
{
    if (!session() || m_patientId.isEmpty())
        return;
    const QString id = m_patientId;
    const QDate day = today();
    run<Result<Undo>>([id, day, job](registry::Registry &registry) { return job(registry, id, day); },
                      [this, success](Result<Undo> written) {
                          report(written ? ok() : Status(written.error()), success);
                          if (written) {
                              setUndo(*written);
                              emit recorded();
                              session()->noteDataChanged();  // the patient screen and this model re-read
                          }
                      });
}

void VisitDecisions::setUndo(const Undo &undo)
{
    m_undo = undo;
    emit undoChanged();
}

namespace {
Result<VisitDecisions::Undo> added(const Result<QString> &result)
{
    if (!result)
        return result.error();
    return VisitDecisions::Undo{*result, -1};
}
}  // namespace

void VisitDecisions::undo()
{
    if (!session() || !canUndo())
        return;
    const Undo undo = m_undo;
    const QString id = m_patientId;
    const QString reason = tr("Undone right after it was recorded.");
    setUndo({});
    run<Status>(
        [undo, id, reason](registry::Registry &r) -> Status {
            if (!undo.recordId.isEmpty()) {
                auto withdrawn = r.retractRecord(undo.recordId, reason);
                return withdrawn ? ok() : Status(withdrawn.error());
            }
            // The taper status lives in the demographics: a correction puts the earlier one back.
            auto patient = r.loadPatient(id);
            if (!patient)
                return patient.error();
            patient->taperStatus = static_cast<domain::TaperStatus>(undo.previousTaper);
            return r.updateDemographics(*patient);
        },
        [this](Status status) {
            report(status, tr("Undone: the record stays in the history, marked withdrawn."));
            if (status) {
                emit recorded();
                session()->noteDataChanged();
            }
        });
}

void VisitDecisions::continuePlan()
{
    write(
        [](registry::Registry &r, const QString &id, const QDate &day) {
            return added(r.addRecord(id, domain::Visit{{}, day, domain::VisitStatus::Completed}));
        },
        tr("Recorded: continue the current plan (visit completed today)."));
}

void VisitDecisions::setTaper(int status, const QString &success)
{
    const auto next = static_cast<domain::TaperStatus>(status);
    write(
        [next](registry::Registry &r, const QString &id, const QDate &) -> Result<Undo> {
            // Taper status is part of the patient's demographics: a correction superseding them.
            auto patient = r.loadPatient(id);
            if (!patient)
                return patient.error();
            if (patient->taperStatus == next)
                return Undo{};
            const int previous = static_cast<int>(patient->taperStatus);
            patient->taperStatus = next;
            if (Status updated = r.updateDemographics(*patient); !updated)
                return updated.error();
            return Undo{QString(), previous};
        },
        success);
}

void VisitDecisions::startTaper()
{
    setTaper(static_cast<int>(domain::TaperStatus::InProgress), tr("Recorded: taper in progress."));
}

void VisitDecisions::pauseTaper()
{
    setTaper(static_cast<int>(domain::TaperStatus::Paused), tr("Recorded: taper paused."));
}

void VisitDecisions::refer(const QString &resourceId, const QString &type, const QString &to, const QString &question,
                           const QString &urgency)
{
    domain::Referral referral;
    referral.resourceId = resourceId.trimmed();
    referral.type = type.trimmed();
    referral.to = to.trimmed();
    referral.question = question.trimmed();
    referral.status = domain::ReferralStatus::Drafted;  // whoever books sends it and follows it up
    if (!domain::parse(urgency, &referral.urgency))
        referral.urgency = domain::ReferralUrgency::Routine;
    write(
        [referral](registry::Registry &r, const QString &id, const QDate &day) mutable {
            referral.date = day;
            return added(r.addRecord(id, referral));
        },
        tr("Referral recorded."));
}

void VisitDecisions::prescribeNaloxone()
{
    write(
        [](registry::Registry &r, const QString &id, const QDate &day) {
            return added(r.addRecord(id, domain::NaloxoneRecord{{}, day, domain::NaloxoneAction::Prescribed}));
        },
        tr("Recorded: naloxone prescribed."));
}

void VisitDecisions::newAgreement(const QString &note)
{
    const QString n = note.trimmed();
    write(
        [n](registry::Registry &r, const QString &id, const QDate &day) {
            return added(r.addRecord(id, domain::Agreement{{}, day, n}));
        },
        tr("Recorded: new agreement signed today."));
}

}  // namespace cairn::app
