#pragma once
// Conversation prompts: the scripts that fit a patient's open gaps, most relevant first.
// Roles: scriptId, version, title, situation, steps (list of {title, phrasings}), used (bool:
// recorded as used with this patient).

#include "core/clinical/rules.h"
#include "core/scripts/library.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class PromptListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by PatientViewModel.prompts")
public:
    enum Roles { ScriptIdRole = Qt::UserRole + 1, VersionRole, TitleRole, SituationRole, StepsRole, UsedRole };
    Q_ENUM(Roles)
    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Ranks the shipped scripts for these gaps (for clinicians) in `language`.
    // Ranks the shipped scripts, with the clinic's copies in place of the built-ins they adapt.
    void rankFor(const QList<clinical::CareGap> &gaps, const QString &language, const QStringList &usedIds,
                 const QList<scripts::Script> &clinicScripts = {}, const QJsonObject &policy = {});
    // policy: the policy in force; scripts written for another value of a policy switch are left out.
    [[nodiscard]] const QList<scripts::Script> &scripts() const { return m_scripts; }

protected:
    void setScripts(QList<scripts::Script> scripts, QStringList usedIds);

private:
    QList<scripts::Script> m_scripts;
    QStringList m_used;
};

}  // namespace cairn::app
