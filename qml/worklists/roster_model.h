#pragma once
// The roster: every patient of the registry, as the Registry screen (RosterScreen.qml) lists them, evaluated once on
// the database thread by the rules engine (core/registry/views.h) and then searched, filtered and sorted here in C++ on
// index vectors, so typing and tapping filters stay smooth at 10,000 patients.
//
// Filters (empty string: any): gapCode (an open gap of that code), prescriber (exact), band
// ("lt50", "50to89", "ge90"), tier ("low", "moderate", "high"), search (words of name or clinic id,
// case- and accent-insensitive). sortOrder: "name" (default), "mme" (highest first), "overdue"
// (the rules engine's worklist order: overdue and alerts first, then missing, then due soon, then
// earliest due).
//
// Roles: patientId, name, clinicId, prescriber, phone, onTherapy (bool), tier (key or ""),
// tierLabel (translated), band (key or ""), mme (double, MME/day), mmeText (translated, "" when not
// on therapy), gapCodes (string list of open gaps), gapsText (translated "PEG score overdue, Urine
// test missing"), openGaps (int), urgent (bool: an urgent or high gap).

#include "core/registry/views.h"
#include "qml/app/async_model.h"

#include <QAbstractListModel>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

using registry::RosterRow;
using registry::RosterRows;

class RosterModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filtersChanged)
    Q_PROPERTY(QString gapCode READ gapCode WRITE setGapCode NOTIFY filtersChanged)
    Q_PROPERTY(QString prescriber READ prescriber WRITE setPrescriber NOTIFY filtersChanged)
    Q_PROPERTY(QString band READ band WRITE setBand NOTIFY filtersChanged)
    Q_PROPERTY(QString tier READ tier WRITE setTier NOTIFY filtersChanged)
    Q_PROPERTY(QString sortOrder READ sortOrder WRITE setSortOrder NOTIFY filtersChanged)
    Q_PROPERTY(int count READ countProperty NOTIFY countsChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countsChanged)
    // Choices for the filter menus, each a list of {value, label} maps, the first being "any".
    Q_PROPERTY(QVariantList gapChoices READ gapChoices NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList prescriberChoices READ prescriberChoices NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList bandChoices READ bandChoices CONSTANT)
    Q_PROPERTY(QVariantList tierChoices READ tierChoices CONSTANT)
    Q_PROPERTY(QVariantList sortChoices READ sortChoices CONSTANT)

public:
    enum Roles {
        PatientIdRole = Qt::UserRole + 1,
        NameRole,
        ClinicIdRole,
        PrescriberRole,
        PhoneRole,
        OnTherapyRole,
        TierRole,
        TierLabelRole,
        BandRole,
        MmeRole,
        MmeTextRole,
        GapCodesRole,
        GapsTextRole,
        OpenGapsRole,
        UrgentRole,
    };
    Q_ENUM(Roles)

    explicit RosterModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString search() const { return m_search; }
    void setSearch(const QString &text);
    QString gapCode() const { return m_gapCode; }
    void setGapCode(const QString &code);
    QString prescriber() const { return m_prescriber; }
    void setPrescriber(const QString &prescriber);
    QString band() const { return m_band; }
    void setBand(const QString &band);
    QString tier() const { return m_tier; }
    void setTier(const QString &tier);
    QString sortOrder() const { return m_sortOrder; }
    void setSortOrder(const QString &order);
    int countProperty() const { return static_cast<int>(m_visible.size()); }
    int totalCount() const { return static_cast<int>(m_rows.size()); }
    QVariantList gapChoices() const;
    QVariantList prescriberChoices() const;
    QVariantList bandChoices() const;
    QVariantList tierChoices() const;
    QVariantList sortChoices() const;

    Q_INVOKABLE void reload() override;
    // The day the rules evaluate on (tests and benchmarks inject one; the app uses today).
    void setToday(const QDate &today) { m_today = today; }
    // The rows as loaded, for tests.
    const QList<RosterRow> &rows() const { return m_rows; }
    const RosterRow &visibleRow(int row) const { return m_rows.at(m_visible.at(row)); }

signals:
    void filtersChanged();
    void countsChanged();
    void choicesChanged();
    // Emitted once the loaded rows are filtered and sorted (benchmarks wait on it).
    void ready();

private:
    void setFilter(QString &field, const QString &value);
    void apply();
    QString m_search;
    QString m_gapCode;
    QString m_prescriber;
    QString m_band;
    QString m_tier;
    QString m_sortOrder = QStringLiteral("name");
    QDate m_today;
    QList<RosterRow> m_rows;
    QStringList m_prescribers;
    QStringList m_gapCodesPresent;
    QList<int> m_visible;  // indexes into m_rows
};

}  // namespace cairn::app
