#include "qml/measures/measures_model.h"

#include "core/clinical/measure_labels.h"
#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "qml/app/numbers.h"

#include <QLocale>

namespace cairn::app {
namespace {
bool isMeanPeg(const QString &id)
{
    return id == QLatin1String("mean_peg");
}
}  // namespace

// --- drill-down -----------------------------------------------------------------------------------

MeasurePatientsModel::MeasurePatientsModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int MeasurePatientsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant MeasurePatientsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &[id, p] = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return p.name;
    case PatientIdRole:
        return id;
    case ClinicIdRole:
        return p.clinicId;
    case PrescriberRole:
        return p.prescriber;
    default:
        return {};
    }
}

QHash<int, QByteArray> MeasurePatientsModel::roleNames() const
{
    return {
        {PatientIdRole, "patientId"}, {NameRole, "name"}, {ClinicIdRole, "clinicId"}, {PrescriberRole, "prescriber"}};
}

void MeasurePatientsModel::setRows(QList<std::pair<QString, PatientName>> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

QStringList MeasurePatientsModel::patientIds() const
{
    QStringList ids;
    for (const auto &row : m_rows)
        ids << row.first;
    return ids;
}

// --- measures -------------------------------------------------------------------------------------

QString MeasuresModel::measureLabel(const QString &id, int windowDays)
{
    return clinical::measureLabel(id, windowDays);
}

MeasuresModel::MeasuresModel(QObject *parent)
    : AsyncListModel(parent)
{}

int MeasuresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : countProperty();
}

QVariant MeasuresModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const clinical::Measure &m = m_data.trend.last().measures.at(index.row());
    const bool mean = isMeanPeg(m.id);
    const std::optional<double> target = m.target;
    const bool meets = target && (m.lowerIsBetter ? m.value <= *target : m.value >= *target);
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return measureLabel(m.id, m.windowDays);
    case MeasureIdRole:
        return m.id;
    case ValueRole:
        return m.value;
    case ValueTextRole:
        return mean ? tr("%1 of 10").arg(decimalText(m.value, 1)) : tr("%1 %").arg(decimalText(m.value, 1));
    case NumeratorRole:
        return m.numerator;
    case DenominatorRole:
        return m.denominator;
    case CountTextRole:
        return mean ? tr("%n patient(s) with a recent PEG", "", m.numerator)
                    : tr("%1 of %2 patients").arg(m.numerator).arg(m.denominator);
    case HasTargetRole:
        return target.has_value();
    case TargetRole:
        return target ? *target : 0.0;
    case TargetTextRole:
        if (!target)
            return tr("No target");
        return m.lowerIsBetter ? tr("Target: at most %1 %").arg(decimalText(*target, 0))
                               : tr("Target: at least %1 %").arg(decimalText(*target, 0));
    case LowerIsBetterRole:
        return target && m.lowerIsBetter;
    case MeetsTargetRole:
        return meets;
    case StatusTextRole:
        if (!target || m.denominator == 0)
            return QString();
        return meets ? tr("Meets target") : tr("Off target");
    case MaxValueRole:
        return mean ? 10.0 : 100.0;
    case TrendRole: {
        QVariantList values;
        for (const auto &month : m_data.trend) {
            double v = 0;
            for (const auto &other : month.measures)
                if (other.id == m.id)
                    v = other.value;
            values << v;
        }
        return values;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> MeasuresModel::roleNames() const
{
    return {{MeasureIdRole, "measureId"},
            {LabelRole, "label"},
            {ValueRole, "value"},
            {ValueTextRole, "valueText"},
            {NumeratorRole, "numerator"},
            {DenominatorRole, "denominator"},
            {CountTextRole, "countText"},
            {HasTargetRole, "hasTarget"},
            {TargetRole, "target"},
            {TargetTextRole, "targetText"},
            {LowerIsBetterRole, "lowerIsBetter"},
            {MeetsTargetRole, "meetsTarget"},
            {StatusTextRole, "statusText"},
            {MaxValueRole, "maxValue"},
            {TrendRole, "trend"}};
}

void MeasuresModel::setMonth(const QString &month)
{
    if (m_month == month)
        return;
    m_month = month;
    emit monthChanged();
    reload();
}

void MeasuresModel::setPrescriber(const QString &prescriber)
{
    if (m_prescriber == prescriber)
        return;
    m_prescriber = prescriber;
    emit prescriberChanged();
    reload();
}

QDate MeasuresModel::endMonth() const
{
    const QDate parsed = QDate::fromString(m_month + QStringLiteral("-01"), Qt::ISODate);
    if (parsed.isValid())
        return parsed;
    const QDate today = m_today.isValid() ? m_today : clinicToday();
    return QDate(today.year(), today.month(), 1).addMonths(-1);  // the last complete month
}

QVariantList MeasuresModel::prescriberChoices() const
{
    QVariantList list{QVariantMap{{QStringLiteral("value"), QString()}, {QStringLiteral("label"), tr("Whole clinic")}}};
    for (const QString &p : m_data.prescribers)
        list << QVariantMap{{QStringLiteral("value"), p}, {QStringLiteral("label"), p}};
    return list;
}

QStringList MeasuresModel::monthLabels() const
{
    QStringList labels;
    for (const auto &m : m_data.trend)
        labels << QLocale().toString(m.evaluatedOn, QStringLiteral("MMM yy"));
    return labels;
}

QString MeasuresModel::monthTitle() const
{
    if (m_data.trend.isEmpty())
        return QString();
    const QString month = QLocale().toString(m_data.trend.last().evaluatedOn, QStringLiteral("MMMM yyyy"));
    return m_prescriber.isEmpty() ? tr("%1, whole clinic").arg(month) : tr("%1, %2").arg(month, m_prescriber);
}

void MeasuresModel::reload()
{
    if (!session() || !session()->signedIn())
        return;
    const QDate end = endMonth();
    const QString prescriber = m_prescriber;
    run<Result<MeasuresData>>(
        [end, prescriber](registry::Registry &registry) -> Result<MeasuresData> {
            return measuresData(registry, end.year(), end.month(), prescriber);
        },
        [this](Result<MeasuresData> data) {
            report(data ? ok() : Status(data.error()));
            beginResetModel();
            m_data = data ? std::move(data).value() : MeasuresData();
            endResetModel();
            m_drillDown.setRows({});
            m_drillDownTitle.clear();
            emit drillDownChanged();
            emit loaded();
        });
}

QVariantMap MeasuresModel::row(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= rowCount())
        return map;
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

void MeasuresModel::drillDown(const QString &measureId)
{
    QList<std::pair<QString, PatientName>> rows;
    int windowDays = 0;
    // A measure with a target lists the patients to act on (tablet-ux §1.9: the complement of an
    // "at least" measure's numerator); one without, the patients it counts.
    bool needAction = false;
    if (!m_data.trend.isEmpty()) {
        for (const auto &m : m_data.trend.last().measures) {
            if (m.id != measureId)
                continue;
            windowDays = m.windowDays;
            needAction = m.target.has_value();
            for (const QString &id : needAction ? m.needActionIds : m.patientIds)
                rows.append({id, m_data.names.value(id)});
        }
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto &a, const auto &b) { return a.second.name.localeAwareCompare(b.second.name) < 0; });
    m_drillDown.setRows(std::move(rows));
    const QString label = measureLabel(measureId, windowDays);
    m_drillDownTitle = needAction ? tr("%1 · %n patient(s) to act on", "", m_drillDown.rowCount()).arg(label)
                                  : tr("%1: %n patient(s)", "", m_drillDown.rowCount()).arg(label);
    emit drillDownChanged();
}

}  // namespace cairn::app
