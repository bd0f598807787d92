#include "core/keys/roles.h"

#include <array>
#include <utility>

namespace cairn::keys {
namespace {

using P = Permission;
using R = Role;

struct Grant {
    Permission permission;
    std::array<bool, 5> roles;  // MedicalAssistant, Nurse, Clinician, RegistryManager, Administrator
};

// The permissions each role's work needs, and no more.
constexpr std::array<Grant, 13> kGrants{{
    //                                   MA     Nurse  Clin.  RegMgr Admin
    {P::ViewPatient, {true, true, true, true, true}},
    {P::RecordRooming, {true, true, true, false, false}},
    {P::BookVisits, {true, true, true, true, false}},
    {P::RecordClinicalDecision, {false, false, true, false, false}},
    {P::EditDemographics, {true, true, true, true, true}},
    {P::RunWorklists, {true, true, true, true, true}},
    {P::ViewMeasures, {false, false, true, true, true}},
    {P::ManageUsers, {false, false, false, false, true}},
    {P::EditPolicy, {false, false, false, false, true}},
    {P::EditScripts, {false, false, true, false, true}},
    {P::EnrollDevice, {false, false, false, false, true}},
    {P::ResolveConflicts, {false, false, true, true, true}},
    {P::ExportData, {false, false, false, true, true}},
}};

constexpr std::array<std::pair<Role, const char *>, 5> kNames{{
    {R::MedicalAssistant, "medical_assistant"},
    {R::Nurse, "nurse"},
    {R::Clinician, "clinician"},
    {R::RegistryManager, "registry_manager"},
    {R::Administrator, "administrator"},
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
    }
    return P::RecordClinicalDecision;
}

QString toString(Role role)
{
    for (const auto &[r, name] : kNames)
        if (r == role)
            return QString::fromLatin1(name);
    return {};
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
