#pragma once
// Who may do what. One table (roles.cpp) answers every permission question in the app, cairnctl
// and the server, so the rules cannot drift apart. Its own small library (cairn_roles, no keys or
// storage) so that the clinic policy (core/clinical) can check which role may be given which care
// gap; the namespace stays `keys` for the callers that already use it.

#include "core/domain/record_kinds.h"

#include <QString>

#include <array>

namespace cairn::keys {

// FrontDesk: refill requests, booking visits, registering patients, the front-desk scripts; no
// clinical entry.
enum class Role { MedicalAssistant, Nurse, Clinician, RegistryManager, Administrator, FrontDesk };
inline constexpr std::array kAllRoles{Role::MedicalAssistant, Role::Nurse,         Role::Clinician,
                                      Role::RegistryManager,  Role::Administrator, Role::FrontDesk};

enum class Permission {
    ViewPatient,             // open a patient's record
    RecordRooming,           // PEG, screens, urine sample collected, agreement signed, PDMP check
    BookVisits,              // book, move and close visits; log refill requests (the front desk's work)
    RecordClinicalDecision,  // regimen, benzodiazepines, tier, taper, naloxone, referrals, goals
    EditDemographics,        // add patients, correct names, birth dates, prescriber, phone
    RunWorklists,            // huddle list, gap worklists
    ViewMeasures,            // monthly measures
    ManageUsers,             // add and remove users, reset PINs and lockouts
    EditPolicy,              // clinic policy
    EditScripts,             // clinic copies of conversation scripts
    EnrollDevice,            // enroll the tablet with the server
    ResolveConflicts,        // review sync conflicts
    ManageQuarantine,        // see and withdraw records this tablet set aside as unreadable
    ExportData,              // export the registry
    EditResources,           // the clinic's resource directory (referral destinations)
    AnswerSelfAssessment,    // answer the clinic's Six Building Blocks self-assessment
    KeepActionPlan,          // add and update the action plan the self-assessment turns into
    ImportData,              // bring patients in from a FHIR file or the clinic's registry spreadsheet
};

bool can(Role role, Permission permission);

// The permission that writing a record kind needs (record_kinds.h names it without roles).
Permission permissionToWrite(domain::WriteRight right);

// Whether the clinic's responsibilities (policy `responsibilities`) may give this role a care gap
// closed by a record of this right, so that owning the gap lets the role write that record. The
// limit is the role's work, not today's table: a registry manager may be given the PDMP check (a
// rooming record), the front desk never a clinical record, the administrator no patient care.
bool mayBeResponsibleFor(Role role, domain::WriteRight right);

// "medical_assistant", "nurse", "clinician", "registry_manager", "administrator", "front_desk"
QString toString(Role role);
bool parse(const QString &text, Role *out);
// Every role's name, for error messages: "medical_assistant, nurse, … or front_desk".
QString roleNamesForMessage();

}  // namespace cairn::keys
