#pragma once
// The nurse's PEG outreach list: patients on long-term therapy whose PEG gap (from the rules
// engine) is overdue or was never done, most overdue first, with their phone number; and a fast
// PEG entry that writes the score to the local encrypted registry at once (fully offline: sync
// picks the record up later) and takes the patient off the list.
//
// Roles: patientId, name, clinicId, prescriber, phone, language, status ("overdue"/"missing"),
// statusText (translated, e.g. "PEG overdue since 12 Mar 2026" / "No PEG on record"), due (date,
// invalid when never done).

#include "core/registry/views.h"
#include "qml/app/async_model.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

using registry::OutreachRow;

class PegOutreachModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ countProperty NOTIFY countChanged)

public:
    enum Roles {
        PatientIdRole = Qt::UserRole + 1,
        NameRole,
        ClinicIdRole,
        PrescriberRole,
        PhoneRole,
        LanguageRole,
        StatusRole,
        StatusTextRole,
        DueRole
    };
    Q_ENUM(Roles)

    explicit PegOutreachModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int countProperty() const { return static_cast<int>(m_rows.size()); }
    const QList<OutreachRow> &rows() const { return m_rows; }

    Q_INVOKABLE void reload() override;
    // Stores a PEG (each score 0–10) for the patient, dated today, and removes them from the list.
    // Out-of-range scores are refused with the field named and nothing is written.
    Q_INVOKABLE void savePeg(const QString &patientId, int pain, int enjoyment, int activity);
    void setToday(const QDate &today) { m_today = today; }

signals:
    void countChanged();
    void ready();
    void saved(const QString &patientId);

private:
    QDate today() const { return m_today.isValid() ? m_today : clinicToday(); }
    QDate m_today;
    QList<OutreachRow> m_rows;
};

}  // namespace cairn::app
