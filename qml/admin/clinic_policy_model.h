#pragma once
// Administration: the clinic policy in force, one row per value, editable. Saving sends only the
// changed values to Registry::setClinicPolicy, which validates them against the policy in force
// and stores the result as a new version ("clinic-N"); a refused value gets the registry's
// message on its own row (fieldError), nothing is half-applied.
// The definition of long-term therapy ("ltot_definition.*") and the measures' windows and targets
// ("measures.windows_days.*", "measures.targets.*"; an empty target means none) are rows too.
// Roles: key ("intervals_days.uds.high", "refill.no_fill_weekdays.monday", …), section, label,
// kind ("int", "number", "bool", "role"), text (numbers as text; a role's name for "role" rows),
// checked (bools), hint (allowed range), changed (bool), fieldError (string, empty when fine).
// Responsibilities ("responsibilities.PDMP_CHECK", kind "role") are their own section: who closes
// each care gap; roleChoices(key) lists the roles the policy would accept for it.

#include "core/clinical/policy.h"
#include "qml/app/async_model.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class ClinicPolicyModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    // The version in force ("default-1", "clinic-3", …); empty until loaded.
    Q_PROPERTY(QString version READ version NOTIFY policyChanged)
    Q_PROPERTY(int changedCount READ changedCount NOTIFY changedCountChanged)
    Q_PROPERTY(int count READ countProperty NOTIFY policyChanged)
public:
    enum Roles {
        KeyRole = Qt::UserRole + 1,
        SectionRole,
        LabelRole,
        KindRole,
        TextRole,
        CheckedRole,
        HintRole,
        ChangedRole,
        FieldErrorRole
    };
    Q_ENUM(Roles)
    explicit ClinicPolicyModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString version() const { return m_version; }
    int changedCount() const;
    int countProperty() const { return static_cast<int>(m_fields.size()); }

    Q_INVOKABLE void reload() override;
    // A new value for one row: text for "int"/"number" rows, a bool for "bool" rows.
    Q_INVOKABLE void setValue(int row, const QVariant &value);
    Q_INVOKABLE void setValueByKey(const QString &key, const QVariant &value);
    Q_INVOKABLE int rowOf(const QString &key) const;
    Q_INVOKABLE void discardChanges();
    Q_INVOKABLE void save();
    // For a "role" row: [{value: "registry_manager", label: "Registry manager"}, …], only the roles
    // that could record what closes the gap (clinical::readResponsibilities refuses the others).
    Q_INVOKABLE QVariantList roleChoices(const QString &key) const;
    // The overrides save() would send (for tests and the log).
    QJsonObject overrides() const;

signals:
    void policyChanged();
    void changedCountChanged();
    void saved(const QString &version);

private:
    struct Field {
        QString key;
        QString kind;     // "int", "number", "bool", "role"
        QVariant stored;  // the policy in force
        QVariant edited;  // invalid while unchanged
        QString fieldError;
    };
    bool event(QEvent *event) override;
    void setPolicy(const clinical::ClinicPolicy &policy);
    // The responsibilities section's rows, one per care gap (appended by setPolicy).
    static QList<Field> responsibilityFields(const clinical::ClinicPolicy &policy);
    void clearFieldErrors();
    QString sectionOf(const Field &field) const;
    QString labelOf(const Field &field) const;
    QString hintOf(const Field &field) const;
    // The clinic's definition of long-term therapy and its measures' windows and targets.
    static void appendLtotAndMeasuresFields(QList<Field> &fields);
    static QString ltotOrMeasuresLabel(const QString &key);
    QList<Field> m_fields;
    QString m_version;
};

}  // namespace cairn::app
