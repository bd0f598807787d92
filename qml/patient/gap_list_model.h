#pragma once
// Care gaps for a chip row or a list. Roles: code, label (translated), status ("missing",
// "overdue", "due_soon", "alert"), statusLabel (translated), due (date), severity ("urgent",
// "high", "medium", "low"), role, reason, scripts (string list).

#include "core/clinical/rules.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class GapListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by view models")
public:
    enum Roles {
        CodeRole = Qt::UserRole + 1,
        LabelRole,
        StatusRole,
        StatusLabelRole,
        DueRole,
        SeverityRole,
        RoleRole,
        ReasonRole,
        ScriptsRole
    };
    Q_ENUM(Roles)
    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void setGaps(QList<clinical::CareGap> gaps);

private:
    QList<clinical::CareGap> m_gaps;
};

}  // namespace cairn::app
