#include "qml/patient/prompt_list_model.h"

#include "core/clinical/script_values.h"
#include "core/scripts/policy_placeholders.h"
#include "qml/app/session.h"
#include "qml/scripts/script_library_model.h"

#include <QCoreApplication>

namespace cairn::app {
namespace {

QString stepTitle(const QString &kind)
{
    static const QHash<QString, const char *> titles{
        {QStringLiteral("prepare"), QT_TRANSLATE_NOOP("Prompts", "Prepare")},
        {QStringLiteral("open_and_ask_permission"), QT_TRANSLATE_NOOP("Prompts", "Open and ask permission")},
        {QStringLiteral("empathize"), QT_TRANSLATE_NOOP("Prompts", "Empathize")},
        {QStringLiteral("explore_view_and_goals"), QT_TRANSLATE_NOOP("Prompts", "Explore their view and goals")},
        {QStringLiteral("explain_with_patient_specific_reasons"),
         QT_TRANSLATE_NOOP("Prompts", "Explain, with reasons that fit this patient")},
        {QStringLiteral("set_limit_kindly_with_choices"),
         QT_TRANSLATE_NOOP("Prompts", "Set the limit kindly, with choices")},
        {QStringLiteral("non_abandonment_and_next_steps"), QT_TRANSLATE_NOOP("Prompts", "Stay with them: next steps")},
        {QStringLiteral("safety_net"), QT_TRANSLATE_NOOP("Prompts", "Safety net")},
    };
    const auto it = titles.constFind(kind);
    return it == titles.cend() ? kind : QCoreApplication::translate("Prompts", it.value());
}

// The clinic's refill rules in a script's words: the policy in force (Session), else the shipped one.
// The session's policy (the shipped default before sign-in); null only if the shipped file is broken.
const clinical::ClinicPolicy *policyInForce()
{
    static const auto shipped = clinical::ClinicPolicy::defaults();
    if (const Session *session = Session::instance())
        return &session->policy();
    return shipped ? &*shipped : nullptr;
}

scripts::Script withClinicRules(const scripts::Script &script)
{
    const clinical::ClinicPolicy *policy = policyInForce();
    return policy ? scripts::withPolicyTexts(script, clinical::scriptPolicyTexts(*policy, script.language)) : script;
}

QString severityText(clinical::Severity severity)
{
    return clinical::toString(severity);
}

}  // namespace

int PromptListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_scripts.size());
}

QVariant PromptListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const scripts::Script &s = m_scripts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return s.title;
    case ScriptIdRole:
        return s.id;
    case VersionRole:
        return s.version;
    case SituationRole:
        return s.situation;
    case UsedRole:
        return m_used.contains(s.id);
    case StepsRole: {
        QVariantList steps;
        for (const scripts::Step &step : s.steps)
            steps << QVariantMap{{QStringLiteral("title"), stepTitle(step.kind)},
                                 {QStringLiteral("phrasings"), step.phrasings}};
        return steps;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> PromptListModel::roleNames() const
{
    return {{ScriptIdRole, "scriptId"},   {VersionRole, "version"}, {TitleRole, "title"},
            {SituationRole, "situation"}, {StepsRole, "steps"},     {UsedRole, "used"}};
}

void PromptListModel::setScripts(QList<scripts::Script> scripts, QStringList usedIds)
{
    beginResetModel();
    for (scripts::Script &script : scripts)
        script = withClinicRules(script);
    m_scripts = std::move(scripts);
    m_used = std::move(usedIds);
    endResetModel();
}

void PromptListModel::rankFor(const QList<clinical::CareGap> &gaps, const QString &language, const QStringList &usedIds,
                              const QList<scripts::Script> &clinicScripts, const QJsonObject &policy)
{
    scripts::PatientSituation situation;
    situation.audience = QStringLiteral("clinician");
    for (const clinical::CareGap &gap : gaps)
        situation.gaps.insert(gap.code, severityText(gap.severity));
    auto library = scripts::Library::shipped();
    setScripts(library ? (*library)->withClinicScripts(clinicScripts).forPolicy(policy).rank(situation, language)
                       : QList<scripts::Script>(),
               usedIds);
}

ScriptLibraryModel::ScriptLibraryModel(QObject *parent)
    : PromptListModel(parent)
{
    // The scripts state the clinic's refill rules: show them again when the policy is re-read.
    if (Session *session = Session::instance())
        connect(session, &Session::roleChanged, this, &ScriptLibraryModel::refresh);
    refresh();
}

void ScriptLibraryModel::setLanguage(const QString &language)
{
    if (m_language == language)
        return;
    m_language = language;
    emit filterChanged();
    refresh();
}

void ScriptLibraryModel::setAudience(const QString &audience)
{
    if (m_audience == audience)
        return;
    m_audience = audience;
    emit filterChanged();
    refresh();
}

void ScriptLibraryModel::refresh()
{
    QList<scripts::Script> list;
    auto library = scripts::Library::shipped();
    const clinical::ClinicPolicy *policy = policyInForce();
    if (library && policy) {
        // Only the variant that fits the clinic's switches (a clinic that bridges new patients
        // never rehearses the records-first script, and the other way round).
        for (const scripts::Script &s : (*library)->forPolicy(policy->toJson()).scripts(m_language))
            if (m_audience.isEmpty() || s.audience.contains(m_audience))
                list.append(s);
    }
    setScripts(list, {});
}

}  // namespace cairn::app
