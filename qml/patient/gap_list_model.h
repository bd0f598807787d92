#pragma once
// Care gaps for a chip row or a list. Roles: code, label (translated), status ("missing",
// "overdue", "due_soon", "alert"), statusLabel (translated), due (date), severity ("urgent",
// "high", "medium", "low"), role, reason, scripts (string list); for an action card: dueLabel
// ("Overdue since 6 Sep 2026"; empty for alerts), ownerLabel (the role that closes it, in words),
// action (GapAction), actionKind (the record kind it writes, for Permissions.canRecord; "" when it
// opens a tab) and actionLabel ("Record a PDMP check"); triggers (REFERRAL_NEEDED: a list of
// {value: "high_dose", label: translated}, each answered by a referral or a decision not to refer);
// tasks (TASK_OVERDUE: the gap's overdue tasks, [{taskId, text, dueLabel}], each one to mark done).

#include "core/clinical/rules.h"

#include <QAbstractListModel>
#include <QHash>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class GapListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by view models")
public:
    // What closes a gap: a record form, the PEG sheet, the agreement read and signed, the rooming
    // tab (screens) or the visit tab (prompts and decisions).
    enum GapAction { NoGapAction, RecordForm, RecordPeg, SignAgreement, OpenRooming, OpenVisit };
    Q_ENUM(GapAction)
    enum Roles {
        CodeRole = Qt::UserRole + 1,
        LabelRole,
        StatusRole,
        StatusLabelRole,
        DueRole,
        SeverityRole,
        RoleRole,
        ReasonRole,
        ScriptsRole,
        DueLabelRole,
        OwnerLabelRole,
        ActionRole,
        ActionKindRole,
        ActionLabelRole,
        TriggersRole,
        TasksRole
    };
    Q_ENUM(Roles)
    explicit GapListModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    // `referralTriggers`: what the REFERRAL_NEEDED gap is about ("high_dose"; referral_triggers.h);
    // `overdueTasks`: each TASK_OVERDUE gap's tasks, by its owner role (clinical::overdueTasksOf).
    void setGaps(QList<clinical::CareGap> gaps, QStringList referralTriggers = {},
                 QHash<QString, QList<domain::Task>> overdueTasks = {});

protected:
    // The labels, reasons and due dates follow a switch of the screens' language (the rows stay:
    // only their data changes, so no card is rebuilt).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();

    QList<clinical::CareGap> m_gaps;
    QStringList m_referralTriggers;
    QHash<QString, QList<domain::Task>> m_overdueTasks;
};

}  // namespace cairn::app
