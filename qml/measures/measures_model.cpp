#include "qml/measures/measures_model.h"

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"

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
    // Measures whose window is in their name follow the policy's window (none given: the bare name).
    if (windowDays <= 0) {
        if (id == QLatin1String("pdmp_90d"))
            return tr("PDMP checked");
        if (id == QLatin1String("pdmp_twice_365d"))
            return tr("PDMP checked twice");
        if (id == QLatin1String("peg_90d"))
            return tr("PEG recorded");
        if (id == QLatin1String("uds_365d"))
            return tr("Urine test");
    }
    if (id == QLatin1String("pdmp_90d"))
        return tr("PDMP checked in %n day(s)", "", windowDays);
    if (id == QLatin1String("pdmp_twice_365d"))
        return tr("PDMP checked twice in %n day(s)", "", windowDays);
    if (id == QLatin1String("peg_90d"))
        return tr("PEG in %n day(s)", "", windowDays);
    if (id == QLatin1String("uds_365d"))
        return tr("Urine test in %n day(s)", "", windowDays);
    static const QHash<QString, const char *> labels{
        {QStringLiteral("agreement_current"), QT_TR_NOOP("Treatment agreement current")},
        {QStringLiteral("mme_ge_50"), QT_TR_NOOP("50 MME/day or more")},
        {QStringLiteral("mme_ge_90"), QT_TR_NOOP("90 MME/day or more")},
        {QStringLiteral("benzodiazepine"), QT_TR_NOOP("Also on a benzodiazepine")},
        {QStringLiteral("naloxone_if_indicated"), QT_TR_NOOP("Naloxone when indicated")},
        {QStringLiteral("care_plan_goal_current"), QT_TR_NOOP("Current care-plan goal")},
        {QStringLiteral("conversation_scripts_used"), QT_TR_NOOP("Conversation script used this month")},
        {QStringLiteral("early_refill_requests"), QT_TR_NOOP("Early or lost/stolen refill request this month")},
        {QStringLiteral("refill_rules_overridden"), QT_TR_NOOP("A firm refill rule overridden this month")},
        {QStringLiteral("acute_to_long_term"), QT_TR_NOOP("Moved from acute opioids to long-term therapy this month")},
        {QStringLiteral("mean_peg"), QT_TR_NOOP("Mean PEG score")},
    };
    const auto it = labels.constFind(id);
    return it == labels.cend() ? id : tr(it.value());
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
        return mean ? tr("%1 of 10").arg(m.value, 0, 'f', 1) : tr("%1 %").arg(m.value, 0, 'f', 1);
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
        return m.lowerIsBetter ? tr("Target: at most %1 %").arg(*target, 0, 'f', 0)
                               : tr("Target: at least %1 %").arg(*target, 0, 'f', 0);
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
