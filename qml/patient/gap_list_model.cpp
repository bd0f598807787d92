#include "qml/patient/gap_list_model.h"

#include "qml/app/labels.h"

namespace cairn::app {

int GapListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_gaps.size());
}

QVariant GapListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const clinical::CareGap &g = m_gaps.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return gapPhrase(g.code, clinical::toString(g.status));
    case CodeRole:
        return g.code;
    case StatusRole:
        return clinical::toString(g.status);
    case StatusLabelRole:
        return QString();  // the label says the status too, as one translated phrase
    case DueRole:
        return g.due;
    case SeverityRole:
        return clinical::toString(g.severity);
    case RoleRole:
        return g.role;
    case ReasonRole:
        return clinical::gapReason(g.code, uiLanguage());
    case ScriptsRole:
        return g.scripts;
    default:
        return {};
    }
}

QHash<int, QByteArray> GapListModel::roleNames() const
{
    return {
        {CodeRole, "code"},      {LabelRole, "label"},       {StatusRole, "status"}, {StatusLabelRole, "statusLabel"},
        {DueRole, "due"},        {SeverityRole, "severity"}, {RoleRole, "role"},     {ReasonRole, "reason"},
        {ScriptsRole, "scripts"}};
}

void GapListModel::setGaps(QList<clinical::CareGap> gaps)
{
    beginResetModel();
    m_gaps = std::move(gaps);
    endResetModel();
}

}  // namespace cairn::app
