#pragma once
// The monthly measures (rules contract §8, Building Block 6) for the Measures screen: one row per
// measure for the chosen month, each with its 12-month trend and a target, for the whole clinic or
// one prescriber; and the drill-down list of a measure's patients. Computed on the database thread
// by the rules engine (clinical::measureTrend).
//
// Windows and targets are the clinic policy's (object "measures", docs/clinic-policy.md); each
// measure carries the ones it was computed with, and the screen names the policy version.
//
// Roles: measureId, label, value (double: percent, or mean PEG 0–10), valueText, numerator,
// denominator, countText ("29 of 40 patients"), hasTarget, target (double), targetText,
// lowerIsBetter, meetsTarget, statusText (words, never colour alone), maxValue (100 or 10), trend
// (list of 12 doubles, oldest first).

#include "core/registry/views.h"
#include "qml/app/async_model.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

using registry::MeasuresData;
using registry::PatientName;

// The patients behind one measure. Roles: patientId, name, clinicId, prescriber.
class MeasurePatientsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by MeasuresModel")
    Q_PROPERTY(int count READ countProperty NOTIFY countChanged)
public:
    enum Roles { PatientIdRole = Qt::UserRole + 1, NameRole, ClinicIdRole, PrescriberRole };
    Q_ENUM(Roles)
    explicit MeasurePatientsModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int countProperty() const { return static_cast<int>(m_rows.size()); }
    void setRows(QList<std::pair<QString, PatientName>> rows);
    QStringList patientIds() const;
signals:
    void countChanged();

private:
    QList<std::pair<QString, PatientName>> m_rows;
};

class MeasuresModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    // "YYYY-MM"; empty means the last complete month.
    Q_PROPERTY(QString month READ month WRITE setMonth NOTIFY monthChanged)
    // Exact prescriber; empty means the whole clinic.
    Q_PROPERTY(QString prescriber READ prescriber WRITE setPrescriber NOTIFY prescriberChanged)
    Q_PROPERTY(QVariantList prescriberChoices READ prescriberChoices NOTIFY loaded)
    // The 12 months of the trend, oldest first, as short labels ("Dec 25").
    Q_PROPERTY(QStringList monthLabels READ monthLabels NOTIFY loaded)
    Q_PROPERTY(QString monthTitle READ monthTitle NOTIFY loaded)
    Q_PROPERTY(int cotPatients READ cotPatients NOTIFY loaded)
    // The policy version whose definition of long-term therapy, windows and targets the month used.
    Q_PROPERTY(QString policyVersion READ policyVersion NOTIFY loaded)
    Q_PROPERTY(int count READ countProperty NOTIFY loaded)
    Q_PROPERTY(cairn::app::MeasurePatientsModel *drillDownPatients READ drillDownPatients CONSTANT)
    Q_PROPERTY(QString drillDownTitle READ drillDownTitle NOTIFY drillDownChanged)

public:
    enum Roles {
        MeasureIdRole = Qt::UserRole + 1,
        LabelRole,
        ValueRole,
        ValueTextRole,
        NumeratorRole,
        DenominatorRole,
        CountTextRole,
        HasTargetRole,
        TargetRole,
        TargetTextRole,
        LowerIsBetterRole,
        MeetsTargetRole,
        StatusTextRole,
        MaxValueRole,
        TrendRole,
    };
    Q_ENUM(Roles)

    explicit MeasuresModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString month() const { return m_month; }
    void setMonth(const QString &month);
    QString prescriber() const { return m_prescriber; }
    void setPrescriber(const QString &prescriber);
    QVariantList prescriberChoices() const;
    QStringList monthLabels() const;
    QString monthTitle() const;
    int cotPatients() const { return m_data.trend.isEmpty() ? 0 : m_data.trend.last().cotPatients; }
    QString policyVersion() const { return m_data.trend.isEmpty() ? QString() : m_data.trend.last().policyVersion; }
    int countProperty() const
    {
        return m_data.trend.isEmpty() ? 0 : static_cast<int>(m_data.trend.last().measures.size());
    }
    MeasurePatientsModel *drillDownPatients() { return &m_drillDown; }
    QString drillDownTitle() const { return m_drillDownTitle; }
    const MeasuresData &measures() const { return m_data; }

    Q_INVOKABLE void reload() override;
    // Fills drillDownPatients for the month: a measure with a target, the patients to act on
    // (clinical::Measure::needActionIds); one without, the patients it counts.
    Q_INVOKABLE void drillDown(const QString &measureId);
    // The roles of one row as a map keyed by role name (the screen shows the first measure on load).
    Q_INVOKABLE QVariantMap row(int row) const;
    void setToday(const QDate &today) { m_today = today; }

    // The measure's name; a measure with a window names it ("PDMP checked in 120 days").
    static QString measureLabel(const QString &measureId, int windowDays = 0);

signals:
    void monthChanged();
    void prescriberChanged();
    void loaded();
    void drillDownChanged();

private:
    QDate endMonth() const;
    QString m_month;
    QString m_prescriber;
    QDate m_today;
    MeasuresData m_data;
    MeasurePatientsModel m_drillDown;
    QString m_drillDownTitle;
};

}  // namespace cairn::app
