#pragma once
// Today's huddle: patients on long-term therapy booked for `date`: the urgent ones first (an
// urgent or high gap of any role, clinical::anyUrgent), then the rest, each part in the day's
// order (clinical::huddleList). Roles: patientId, name, clinicId, prescriber, tierLabel, mmeText,
// rooming, clinician, registryManager (each a list of {label, statusLabel, severity} maps), urgent
// (bool: in the urgent part), visitTime ("HH:mm" or empty), status (RowStatus: what the registry knows of the
// day so far) and statusLabel (its words).
// roleFilter narrows the list to one role's work: "all", "medical_assistant" (rooming chips),
// "clinician" or "registry_manager". Only patients with a chip for that role are listed, and the
// other roles' chip lists are empty. Unset, it follows the signed-in user's role (a nurse rooms
// patients: "medical_assistant"; the front desk: "registry_manager"; an administrator: "all").
// Which bucket a chip is in follows the clinic's responsibilities (policy `responsibilities`).

#include "core/registry/views.h"
#include "qml/app/async_model.h"

#include <QAbstractListModel>
#include <QDate>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class HuddleModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    // The day to list as "YYYY-MM-DD"; empty means today.
    Q_PROPERTY(QString day READ day WRITE setDay NOTIFY dayChanged)
    // "Today · Sat 5 Dec 2026", "Tomorrow · Sun 6 Dec 2026", or the date alone.
    Q_PROPERTY(QString dayLabel READ dayLabel NOTIFY dayChanged)
    Q_PROPERTY(int count READ countProperty NOTIFY countChanged)
    Q_PROPERTY(QString roleFilter READ roleFilter WRITE setRoleFilter NOTIFY roleFilterChanged)
    // Patients booked for the day whatever the filter.
    Q_PROPERTY(int bookedCount READ bookedCount NOTIFY countChanged)
    // Rows listed in the urgent part (the first urgentCount rows).
    Q_PROPERTY(int urgentCount READ urgentCount NOTIFY countChanged)
public:
    enum Roles {
        PatientIdRole = Qt::UserRole + 1,
        NameRole,
        ClinicIdRole,
        PrescriberRole,
        TierLabelRole,
        MmeTextRole,
        RoomingRole,
        ClinicianRole,
        RegistryManagerRole,
        UrgentRole,
        VisitTimeRole,
        StatusRole,
        StatusLabelRole
    };
    Q_ENUM(Roles)
    // Only what the registry records: a rooming record dated the day (Roomed), rooming tasks left
    // (ToRoom), or neither (Booked). The tablet records no arrival, so it never claims one.
    enum RowStatus { Booked, ToRoom, Roomed };
    Q_ENUM(RowStatus)
    explicit HuddleModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString day() const { return m_day; }
    void setDay(const QString &day);
    QDate date() const;
    QString dayLabel() const;
    // Moves the list a number of days (+1: tomorrow's huddle, prepared the day before).
    Q_INVOKABLE void shiftDay(int days);
    int countProperty() const { return static_cast<int>(m_rows.size()); }
    QString roleFilter() const;
    void setRoleFilter(const QString &filter);
    int bookedCount() const { return static_cast<int>(m_allRows.size()); }
    int urgentCount() const { return m_urgentCount; }
    // The filter for a user role ("medical_assistant", "nurse", ...): "all" when none fits.
    static QString filterForRole(const QString &userRole);
    Q_INVOKABLE void reload() override;

signals:
    void roleFilterChanged();
    void dayChanged();
    void countChanged();

private:
    RowStatus status(const registry::HuddleRow &row) const;
    QString m_day;
    void applyFilter();
    QString m_roleFilter;  // empty: follow the signed-in user's role
    QList<registry::HuddleRow> m_allRows;
    QList<registry::HuddleRow> m_rows;
    int m_urgentCount = 0;
};

}  // namespace cairn::app
