#pragma once
// The registry's patients for list screens, filtered by a free-text search over name and clinic
// identifier (case- and accent-insensitive). Loads on the database thread.
// Roles: patientId, name, clinicId, age (int), birthDate (date), prescriber, tier (clinician-set tier
// key or ""), tierLabel (translated), phone, language.

#include "core/registry/registry.h"
#include "qml/viewmodels/session.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class PatientListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(cairn::app::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool error READ error NOTIFY messageChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
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

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    bool loading() const { return m_loading; }
    bool error() const { return m_error; }
    QString message() const { return m_message; }
    int totalCount() const { return static_cast<int>(m_all.size()); }
    int rowCountProperty() const { return static_cast<int>(m_visible.size()); }

    Q_INVOKABLE void reload();
    // The date ages are computed on (tests inject one; the app uses today).
    void setToday(const QDate &today) { m_today = today; }

signals:
    void sessionChanged();
    void filterTextChanged();
    void loadingChanged();
    void messageChanged();
    void countsChanged();

private:
    void applyFilter();
    Session *m_session = nullptr;
    QString m_filterText;
    bool m_loading = false;
    bool m_error = false;
    QString m_message;
    QDate m_today;
    QList<registry::PatientSummary> m_all;
    QList<QString> m_searchKeys;  // folded name + clinic id, parallel to m_all
    QList<int> m_visible;         // indexes into m_all
};

}  // namespace cairn::app
