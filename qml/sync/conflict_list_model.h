#pragma once
// Sync conflicts for the registry manager on the tablet: two tablets changed the same field of
// the same record while apart. Each row shows both versions side by side (the fields they
// disagree on, who wrote each and when) and which one is in force for now. Keeping one writes it
// as the record's next version (which syncs like any edit) and closes the conflict; "enter a new
// one" opens the record's form on the version in force.
//
// Like every asynchronous object here it exposes `loading`, `error` and `message`.

#include "qml/app/async_model.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

struct ConflictRow {
    qint64 id = 0;
    QString patientId;
    QString patientName;
    QString kind;  // the stored kind ("patient", "opioid", ...)
    QString kindLabel;
    QStringList fields;  // the payload fields the two versions disagree on
    QString headId;      // the version in force
    QString versionA;
    QString versionB;
    QString aValues;  // "phone: 555-0111"
    QString bValues;
    QString aBy;  // "Casey Clinician · 3 Mar 2026 14:05"
    QString bBy;
    bool aInForce = false;
};

class ConflictListModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ countProperty NOTIFY countChanged)

public:
    enum Roles {
        ConflictIdRole = Qt::UserRole + 1,
        PatientIdRole,
        PatientNameRole,
        KindRole,
        KindLabelRole,
        FieldsRole,
        HeadIdRole,
        AValuesRole,
        BValuesRole,
        AByRole,
        BByRole,
        AInForceRole,
    };
    Q_ENUM(Roles)
    // Which version to keep.
    enum class Version { A, B };
    Q_ENUM(Version)

    explicit ConflictListModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int countProperty() const { return static_cast<int>(m_rows.size()); }
    const QList<ConflictRow> &rows() const { return m_rows; }

    Q_INVOKABLE void reload() override;
    // Keeps version A or B: written as the record's next version, and the conflict is closed.
    Q_INVOKABLE void keep(qint64 conflictId, cairn::app::ConflictListModel::Version version);

signals:
    void countChanged();

private:
    QList<ConflictRow> m_rows;
};

}  // namespace cairn::app
