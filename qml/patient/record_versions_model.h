#pragma once
// Every version of one record, newest first, for the patient's history: what each version said,
// who wrote it and when, the reason given for a correction or a withdrawal, and which version is
// in force. Nothing a user recorded is ever lost: a correction supersedes, both remain, and this
// is where the replaced versions are seen.

#include "qml/app/async_model.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class RecordVersionsModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString patientId READ patientId WRITE setPatientId NOTIFY patientIdChanged)
    // Any version of the record: the whole lineage is shown.
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    Q_PROPERTY(int count READ countProperty NOTIFY countChanged)

public:
    enum Roles { VersionIdRole = Qt::UserRole + 1, SummaryRole, ByRole, WhenRole, StateRole, ReasonRole };
    Q_ENUM(Roles)
    // What a version is now: the one in force, one a later version replaced, or a withdrawal.
    enum class State { InForce, Replaced, Withdrawn };
    Q_ENUM(State)

    struct Version {
        QString id;
        QString summary;    // "drug: oxycodone; doses_per_day: 3; ..."
        QString by;         // the author's name
        QString when;       // written at, in the locale's short form
        QString writtenAt;  // ISO, for ordering
        State state = State::InForce;
        QString reason;  // a correction's or withdrawal's reason, when one was given
    };

    explicit RecordVersionsModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString patientId() const { return m_patientId; }
    void setPatientId(const QString &id);
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString &id);
    int countProperty() const { return static_cast<int>(m_versions.size()); }
    const QList<Version> &versions() const { return m_versions; }
    Q_INVOKABLE void reload() override;

signals:
    void patientIdChanged();
    void recordIdChanged();
    void countChanged();

private:
    QString m_patientId;
    QString m_recordId;
    QList<Version> m_versions;
};

}  // namespace cairn::app
