#pragma once
// The registry's patients for list screens, filtered by a free-text search over name and clinic
// identifier (case- and accent-insensitive). Loads on the database thread.
// Roles: patientId, name, clinicId, age (int), birthDate (date), prescriber, tier (clinician-set tier
// key or ""), tierLabel (translated), phone, language.

#include "core/registry/registry.h"
#include "qml/app/async_model.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class PatientListModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countsChanged)
    Q_PROPERTY(int count READ rowCountProperty NOTIFY countsChanged)

public:
    enum Roles {
        PatientIdRole = Qt::UserRole + 1,
        NameRole,
        ClinicIdRole,
        AgeRole,
        BirthDateRole,
        PrescriberRole,
        TierRole,
        TierLabelRole,
        PhoneRole,
        LanguageRole,
    };
    Q_ENUM(Roles)

    explicit PatientListModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    int totalCount() const { return static_cast<int>(m_all.size()); }
    int rowCountProperty() const { return static_cast<int>(m_visible.size()); }

    Q_INVOKABLE void reload() override;
    // The date ages are computed on (tests inject one; the app uses today).
    void setToday(const QDate &today) { m_today = today; }

signals:
    void filterTextChanged();
    void countsChanged();

private:
    void applyFilter();
    QString m_filterText;
    QDate m_today;
    QList<registry::PatientSummary> m_all;
    QList<QString> m_searchKeys;  // folded name + clinic id, parallel to m_all
    QList<int> m_visible;         // indexes into m_all
};

}  // namespace cairn::app
