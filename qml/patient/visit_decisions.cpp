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

void VisitDecisions::write(const std::function<Status(registry::Registry &, const QString &, const QDate &)> &job,
                           const QString &success)
{
    if (!session() || m_patientId.isEmpty())
        return;
    const QString id = m_patientId;
    const QDate day = today();
    run<Status>([id, day, job](registry::Registry &registry) -> Status { return job(registry, id, day); },
                [this, success](Status status) {
                    report(status, success);
                    if (status) {
                        emit recorded();
                        session()->noteDataChanged();  // the patient screen and this model re-read
                    }
                });
}

namespace {
Status added(const Result<QString> &result)
{
    return result ? ok() : Status(result.error());
}
}  // namespace

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
        [next](registry::Registry &r, const QString &id, const QDate &) -> Status {
            // Taper status is part of the patient's demographics: a correction superseding them.
            auto patient = r.loadPatient(id);
            if (!patient)
                return patient.error();
            if (patient->taperStatus == next)
                return ok();
            patient->taperStatus = next;
            return r.updateDemographics(*patient);
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

void VisitDecisions::refer(const QString &type, const QString &to)
{
    const QString t = type.trimmed();
    const QString where = to.trimmed();
    write(
        [t, where](registry::Registry &r, const QString &id, const QDate &day) {
            return added(r.addRecord(id, domain::Referral{{}, day, t, where, domain::ReferralStatus::Proposed}));
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
