#pragma once
// Administration: the clinic policy in force, one row per value, editable. Saving sends only the
// changed values to Registry::setClinicPolicy, which validates them against the policy in force
// and stores the result as a new version ("clinic-N"); a refused value gets the registry's
// message on its own row (fieldError), nothing is half-applied.
// Roles: key ("intervals_days.uds.high", "refill.no_fill_weekdays.monday", …), section, label,
// kind ("int", "number", "bool"), text (numbers as text), checked (bools), hint (allowed range),
// changed (bool), fieldError (string, empty when fine).

#include "core/clinical/policy.h"
#include "qml/viewmodels/session.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class ClinicPolicyModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(cairn::app::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool error READ error NOTIFY messageChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
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

    Session *session() const { return m_session; }
    void setSession(Session *session);
    bool loading() const { return m_pending > 0; }
    bool error() const { return m_error; }
    QString message() const { return m_message; }
    QString version() const { return m_version; }
    int changedCount() const;
    int countProperty() const { return static_cast<int>(m_fields.size()); }

    Q_INVOKABLE void reload();
    // A new value for one row: text for "int"/"number" rows, a bool for "bool" rows.
    Q_INVOKABLE void setValue(int row, const QVariant &value);
    Q_INVOKABLE void setValueByKey(const QString &key, const QVariant &value);
    Q_INVOKABLE int rowOf(const QString &key) const;
    Q_INVOKABLE void discardChanges();
    Q_INVOKABLE void save();
    // The overrides save() would send (for tests and the log).
    QJsonObject overrides() const;

signals:
    void sessionChanged();
    void loadingChanged();
    void messageChanged();
    void policyChanged();
    void changedCountChanged();
    void saved(const QString &version);

private:
    struct Field {
        QString key;
        QString kind;     // "int", "number", "bool"
        QVariant stored;  // the policy in force
        QVariant edited;  // invalid while unchanged
        QString fieldError;
    };
    bool event(QEvent *event) override;
    void begin();
    void end();
    void setMessage(const QString &message, bool isError);
    void setPolicy(const clinical::ClinicPolicy &policy);
    void clearFieldErrors();
    QString sectionOf(const Field &field) const;
    QString labelOf(const Field &field) const;
    QString hintOf(const Field &field) const;
    Session *m_session = nullptr;
    QList<Field> m_fields;
    QString m_version;
    int m_pending = 0;
    bool m_error = false;
    QString m_message;
};

}  // namespace cairn::app
