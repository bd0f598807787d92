#pragma once
// Who may do what. One table (roles.cpp) answers every permission question in the app, cairnctl
// and the server, so the rules cannot drift apart.

#include "core/domain/record_kinds.h"

#include <QString>

namespace cairn::keys {

enum class Role { MedicalAssistant, Nurse, Clinician, RegistryManager, Administrator };

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
    ExportData,              // export the registry
};

bool can(Role role, Permission permission);

// The permission that writing a record kind needs (record_kinds.h names it without roles).
Permission permissionToWrite(domain::WriteRight right);

QString toString(Role role);  // "medical_assistant", "nurse", "clinician", "registry_manager", "administrator"
bool parse(const QString &text, Role *out);

}  // namespace cairn::keys
