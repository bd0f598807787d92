#include "core/roles/roles.h"

#include <QStringList>

#include <array>
#include <utility>

namespace cairn::keys {
namespace {

using P = Permission;
using R = Role;

struct Grant {
    Permission permission;
    std::array<bool, 6> roles;  // MedicalAssistant, Nurse, Clinician, RegistryManager, Administrator, FrontDesk
};

// The permissions each role's work needs, and no more.
constexpr std::array<Grant, 18> kGrants{{
    //                                   MA     Nurse  Clin.  RegMgr Admin  Front desk
    {P::ViewPatient, {true, true, true, true, true, true}},
    {P::RecordRooming, {true, true, true, false, false, false}},
    {P::BookVisits, {true, true, true, true, false, true}},
    {P::RecordClinicalDecision, {false, false, true, false, false, false}},
    {P::EditDemographics, {true, true, true, true, true, true}},
    {P::RunWorklists, {true, true, true, true, true, true}},
    // The program shares its measures with the whole staff.
    {P::ViewMeasures, {true, true, true, true, true, true}},
    {P::ManageUsers, {false, false, false, false, true, false}},
    {P::EditPolicy, {false, false, false, false, true, false}},
    {P::EditScripts, {false, false, true, false, true, false}},
    {P::EnrollDevice, {false, false, false, false, true, false}},
    {P::ResolveConflicts, {false, false, true, true, true, false}},
    // The registry manager keeps the registry's data sound; the administrator runs the tablets.
    {P::ManageQuarantine, {false, false, false, true, true, false}},
    {P::ExportData, {false, false, false, true, true, false}},
    {P::EditResources, {false, false, false, true, true, false}},
    // The self-assessment asks every role; leaders and the registry manager keep what it turns into.
    {P::AnswerSelfAssessment, {true, true, true, true, true, true}},
    {P::KeepActionPlan, {false, false, false, true, true, false}},
    // Moving a clinic's records in is the registry's keeper's and the tablets' administrator's work.
    {P::ImportData, {false, false, false, true, true, false}},
}};

constexpr std::array<std::pair<Role, const char *>, 6> kNames{{
    {R::MedicalAssistant, "medical_assistant"},
    {R::Nurse, "nurse"},
    {R::Clinician, "clinician"},
    {R::RegistryManager, "registry_manager"},
    {R::Administrator, "administrator"},
    {R::FrontDesk, "front_desk"},
}};

}  // namespace

bool can(Role role, Permission permission)
{
    for (const Grant &grant : kGrants) {
        if (grant.permission == permission)
            return grant.roles.at(static_cast<std::size_t>(role));
    }
    return false;
}

Permission permissionToWrite(domain::WriteRight right)
{
    switch (right) {
    case domain::WriteRight::Rooming:
        return P::RecordRooming;
    case domain::WriteRight::Booking:
        return P::BookVisits;
    case domain::WriteRight::ClinicalDecision:
        return P::RecordClinicalDecision;
    case domain::WriteRight::Demographics:
        return P::EditDemographics;
    case domain::WriteRight::Policy:
        return P::EditPolicy;
    case domain::WriteRight::Scripts:
        return P::EditScripts;
    case domain::WriteRight::Directory:
        return P::EditResources;
    case domain::WriteRight::SelfAssessment:
        return P::AnswerSelfAssessment;
    case domain::WriteRight::ActionPlan:
        return P::KeepActionPlan;
    }
    return P::RecordClinicalDecision;
}

bool mayBeResponsibleFor(Role role, domain::WriteRight right)
{
    switch (right) {
    case domain::WriteRight::ClinicalDecision:
        return role == R::Clinician;
    case domain::WriteRight::Rooming:
        // The rooming team, and the registry manager who chases checks such as the PDMP.
        return role == R::MedicalAssistant || role == R::Nurse || role == R::Clinician || role == R::RegistryManager;
    case domain::WriteRight::Booking:
    case domain::WriteRight::Demographics:
        return role != R::Administrator;
    case domain::WriteRight::Policy:
    case domain::WriteRight::Scripts:
    case domain::WriteRight::Directory:
    case domain::WriteRight::SelfAssessment:
    case domain::WriteRight::ActionPlan:
        return false;  // no care gap closes with the clinic's own records
    }
    return false;
}

QString toString(Role role)
{
    for (const auto &[r, name] : kNames)
        if (r == role)
            return QString::fromLatin1(name);
    return {};
}

QString roleNamesForMessage()
{
    QStringList names;
    for (const auto &[r, name] : kNames)
        names.append(QString::fromLatin1(name));
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

bool parse(const QString &text, Role *out)
{
    for (const auto &[r, name] : kNames) {
        if (text == QLatin1String(name)) {
            *out = r;
            return true;
        }
    }
    return false;
}

}  // namespace cairn::keys
