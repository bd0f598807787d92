#include "qml/patient/patient_tabs.h"

namespace cairn::app {

QList<PatientTabs::Tab> PatientTabs::tabsFor(keys::Role role)
{
    if (!keys::can(role, keys::Permission::ViewPatient))
        return {};
    QList<Tab> shown{Summary};
    if (keys::can(role, keys::Permission::RecordRooming))
        shown << Rooming;
    // The visit's prompts and decisions are the clinician's; others would only be refused there.
    if (keys::can(role, keys::Permission::RecordClinicalDecision))
        shown << Visit;
    shown << History;
    return shown;
}

PatientTabs::Tab PatientTabs::openingTabFor(keys::Role role)
{
    // The medical assistant comes to room the patient; everyone else starts from the gaps.
    if (role == keys::Role::MedicalAssistant && tabsFor(role).contains(Rooming))
        return Rooming;
    return Summary;
}

PatientTabs::NextAction PatientTabs::nextActionFor(keys::Role role)
{
    switch (role) {
    case keys::Role::MedicalAssistant:
        return keys::can(role, keys::Permission::RecordRooming) ? StartRooming : NoAction;
    case keys::Role::Nurse:
        return keys::can(role, keys::Permission::RecordRooming) ? RecordPeg : NoAction;
    case keys::Role::Clinician:
        return keys::can(role, keys::Permission::RecordClinicalDecision) ? OpenVisit : NoAction;
    case keys::Role::FrontDesk:
        return keys::can(role, keys::Permission::BookVisits) ? CheckRefill : NoAction;
    case keys::Role::RegistryManager:
    case keys::Role::Administrator:
        break;
    }
    return NoAction;
}

QVariantList PatientTabs::tabs(const QString &role)
{
    keys::Role parsed{};
    QVariantList shown;
    if (keys::parse(role, &parsed))
        for (Tab tab : tabsFor(parsed))
            shown << int(tab);
    return shown;
}

int PatientTabs::openingTab(const QString &role)
{
    keys::Role parsed{};
    return keys::parse(role, &parsed) ? openingTabFor(parsed) : Summary;
}

int PatientTabs::nextAction(const QString &role)
{
    keys::Role parsed{};
    return keys::parse(role, &parsed) ? nextActionFor(parsed) : NoAction;
}

}  // namespace cairn::app
