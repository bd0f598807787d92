#include "qml/app/permissions.h"

#include "core/registry/registry.h"
#include "core/roles/roles.h"
#include "qml/app/session.h"

#include <array>
#include <utility>

namespace cairn::app {

bool Permissions::allows(const QString &role, const QString &permission)
{
    using P = keys::Permission;
    static constexpr std::array<std::pair<P, const char *>, 18> kNames{{
        {P::ViewPatient, "view_patient"},
        {P::RecordRooming, "record_rooming"},
        {P::BookVisits, "book_visits"},
        {P::RecordClinicalDecision, "record_clinical_decision"},
        {P::EditDemographics, "edit_demographics"},
        {P::RunWorklists, "run_worklists"},
        {P::ViewMeasures, "view_measures"},
        {P::ManageUsers, "manage_users"},
        {P::EditPolicy, "edit_policy"},
        {P::EditScripts, "edit_scripts"},
        {P::EnrollDevice, "enroll_device"},
        {P::ResolveConflicts, "resolve_conflicts"},
        {P::ManageQuarantine, "manage_quarantine"},
        {P::ExportData, "export_data"},
        {P::EditResources, "edit_resources"},
        {P::AnswerSelfAssessment, "answer_self_assessment"},
        {P::KeepActionPlan, "keep_action_plan"},
        {P::ImportData, "import_data"},
    }};
    keys::Role parsed{};
    if (!keys::parse(role, &parsed))
        return false;
    for (const auto &[p, name] : kNames)
        if (permission == QLatin1String(name))
            return keys::can(parsed, p);
    return false;
}

bool Permissions::canRecord(const QString &role, const QString &kind)
{
    keys::Role parsed{};
    if (!keys::parse(role, &parsed))
        return false;
    // The risk tier is a clinician's decision, though stored with the demographics (registry.cpp).
    if (kind == QLatin1String("risk_tier"))
        return keys::can(parsed, keys::Permission::RecordClinicalDecision);
    // Marking a patient inactive is a change of demographics (record_form.cpp); the ORT and the
    // PC-PTSD-5 entered by a clinician are screenings (screening_form.cpp).
    QString stored = kind;
    if (kind == QLatin1String("inactivation"))
        stored = QStringLiteral("patient");
    else if (kind == QLatin1String("ort") || kind == QLatin1String("pcptsd5"))
        stored = QStringLiteral("screening");
    // The registry's own rule (clinical::mayRecord) with the policy in force: owning a care gap
    // lets a role record what closes it.
    if (const Session *session = Session::instance())
        return clinical::mayRecord(parsed, stored, session->policy());
    static const auto shipped = clinical::ClinicPolicy::defaults();
    return shipped ? clinical::mayRecord(parsed, stored, *shipped)
                   : keys::can(parsed, registry::permissionToWrite(stored));
}

namespace {
// Each screen and the permission its work needs.
struct ScreenNeed {
    const char *screen;
    const char *permission;
};
constexpr std::array<ScreenNeed, 14> kScreens{{
    {"huddle", "run_worklists"},
    {"patients", "view_patient"},
    {"roster", "run_worklists"},
    {"rehearsal", "view_patient"},       // every role that meets patients practises
    {"peg_outreach", "record_rooming"},  // a calling list to record PEG scores
    {"measures", "view_measures"},
    {"monthly_report", "view_measures"},  // the measures on paper; the patient lists are a rule of their own
    {"refill_check", "book_visits"},      // taking refill requests is front-desk work
    {"conflicts", "resolve_conflicts"},
    {"quarantine", "manage_quarantine"},
    {"rooming", "record_rooming"},
    {"resources", "view_patient"},                  // where the clinic refers: everyone reads it, few edit it
    {"clinician_meeting", "run_worklists"},         // conferences to discuss and each role's tasks
    {"self_assessment", "answer_self_assessment"},  // the whole staff answers it
}};
}  // namespace

bool Permissions::offers(const QString &role, const QString &screen)
{
    if (screen == QLatin1String("administration"))
        return administers(role);
    for (const auto &[name, permission] : kScreens)
        if (screen == QLatin1String(name))
            return allows(role, QLatin1String(permission));
    return false;
}

QStringList Permissions::screens()
{
    QStringList list;
    for (const auto &[name, permission] : kScreens)
        list.append(QLatin1String(name));
    list.append(QStringLiteral("administration"));
    return list;
}

bool Permissions::administers(const QString &role)
{
    return allows(role, QStringLiteral("manage_users")) || allows(role, QStringLiteral("edit_policy")) ||
           allows(role, QStringLiteral("enroll_device")) || allows(role, QStringLiteral("import_data"));
}

}  // namespace cairn::app
