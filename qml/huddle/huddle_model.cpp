#include "qml/huddle/huddle_model.h"

#include "core/clinical/decisions.h"
#include "core/clinical/mme.h"
#include "qml/app/labels.h"
#include "qml/app/numbers.h"

#include <QLocale>

#include <algorithm>

namespace cairn::app {
namespace {
QVariantList chips(const QList<clinical::CareGap> &gaps)
{
    QVariantList list;
    for (const auto &g : gaps) {
        list << QVariantMap{{QStringLiteral("label"), gapPhrase(g.code, clinical::toString(g.status))},
                            {QStringLiteral("statusLabel"), QString()},
                            {QStringLiteral("severity"), clinical::toString(g.severity)}};
    }
    return list;
}
}  // namespace

HuddleModel::RowStatus HuddleModel::status(const registry::HuddleRow &row) const
{
    if (row.roomedOnDay)
        return Roomed;
    // Rooming tasks of the unfiltered row: a clinician's view clears the rooming chips.
    const auto all = std::find_if(m_allRows.cbegin(), m_allRows.cend(),
                                  [&row](const registry::HuddleRow &r) { return r.patientId == row.patientId; });
    return all != m_allRows.cend() && !all->rooming.isEmpty() ? ToRoom : Booked;
}

HuddleModel::HuddleModel(QObject *parent)
    : AsyncListModel(parent)
{}

int HuddleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant HuddleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const registry::HuddleRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case PatientIdRole:
        return r.patientId;
    case ClinicIdRole:
        return r.clinicId;
    case PrescriberRole:
        return r.prescriber;
    case TierLabelRole:
        return tierLabel(r.tier);
    case MmeTextRole:
        return tr("%1 MME/day").arg(decimalText(clinical::roundToTenth(r.totalMme), 1));
    case RoomingRole:
        return chips(r.rooming);
    case ClinicianRole:
        return chips(r.clinician);
    case RegistryManagerRole:
        return chips(r.registryManager);
    case VisitTimeRole:
        return r.visitTime;
    case StatusRole:
        return status(r);
    case StatusLabelRole:
        switch (status(r)) {
        case Roomed:
            return tr("Roomed");
        case ToRoom:
            return tr("To room");
        case Booked:
            return tr("Booked");
        }
        return {};
    case UrgentRole:
        return index.row() < m_urgentCount;
    default:
        return {};
    }
}

QHash<int, QByteArray> HuddleModel::roleNames() const
{
    return {{PatientIdRole, "patientId"},    {NameRole, "name"},           {ClinicIdRole, "clinicId"},
            {PrescriberRole, "prescriber"},  {TierLabelRole, "tierLabel"}, {MmeTextRole, "mmeText"},
            {RoomingRole, "rooming"},        {ClinicianRole, "clinician"}, {RegistryManagerRole, "registryManager"},
            {UrgentRole, "urgent"},          {VisitTimeRole, "visitTime"}, {StatusRole, "status"},
            {StatusLabelRole, "statusLabel"}};
}

QString HuddleModel::dayLabel() const
{
    const QDate shown = date();
    const QString text = QLocale().toString(shown, QStringLiteral("ddd d MMM yyyy"));
    const qint64 fromToday = clinicToday().daysTo(shown);
    if (fromToday == 0)
        return tr("Today · %1").arg(text);
    if (fromToday == 1)
        return tr("Tomorrow · %1").arg(text);
    if (fromToday == -1)
        return tr("Yesterday · %1").arg(text);
    return text;
}

void HuddleModel::shiftDay(int days)
{
    const QDate next = date().addDays(days);
    setDay(next == clinicToday() ? QString() : next.toString(Qt::ISODate));
}

void HuddleModel::setDay(const QString &day)
{
    if (m_day == day)
        return;
    m_day = day;
    emit dayChanged();
    reload();
}

QDate HuddleModel::date() const
{
    const QDate parsed = QDate::fromString(m_day, Qt::ISODate);
    return parsed.isValid() ? parsed : clinicToday();
}

void HuddleModel::reload()
{
    if (!session() || !session()->signedIn())
        return;
    const QDate date = this->date();
    run<Result<QList<registry::HuddleRow>>>(
        [date](registry::Registry &registry) -> Result<QList<registry::HuddleRow>> {
            return registry::huddleRows(registry, date);
        },
        [this](Result<QList<registry::HuddleRow>> rows) {
            report(rows ? ok() : Status(rows.error()));
            m_allRows = rows ? std::move(rows).value() : QList<registry::HuddleRow>();
            applyFilter();
            emit roleFilterChanged();
        });
}

QString HuddleModel::filterForRole(const QString &userRole)
{
    if (userRole == QLatin1String("medical_assistant") || userRole == QLatin1String("nurse"))
        return QStringLiteral("medical_assistant");
    if (userRole == QLatin1String("clinician") || userRole == QLatin1String("registry_manager"))
        return userRole;
    // The front desk chases what the registry manager chases: visits to book, calls to make.
    if (userRole == QLatin1String("front_desk"))
        return QStringLiteral("registry_manager");
    return QStringLiteral("all");
}

QString HuddleModel::roleFilter() const
{
    if (!m_roleFilter.isEmpty())
        return m_roleFilter;
    return filterForRole(session() ? session()->role() : QString());
}

void HuddleModel::setRoleFilter(const QString &filter)
{
    const QString before = roleFilter();
    m_roleFilter = filter;
    if (roleFilter() == before)
        return;
    applyFilter();
    emit roleFilterChanged();
}

void HuddleModel::applyFilter()
{
    const QString filter = roleFilter();
    // Urgent patients first (clinical::anyUrgent over all of the row's gaps, whatever the filter:
    // a safety alert concerns everyone who sees the patient), each part in the day's order.
    QList<registry::HuddleRow> rows;
    QList<registry::HuddleRow> rest;
    for (registry::HuddleRow row : m_allRows) {
        const bool urgent = clinical::anyUrgent(row.rooming + row.clinician + row.registryManager);
        if (filter == QLatin1String("medical_assistant")) {
            row.clinician.clear();
            row.registryManager.clear();
        } else if (filter == QLatin1String("clinician")) {
            row.rooming.clear();
            row.registryManager.clear();
        } else if (filter == QLatin1String("registry_manager")) {
            row.rooming.clear();
            row.clinician.clear();
        }
        if (filter != QLatin1String("all") && row.rooming.isEmpty() && row.clinician.isEmpty() &&
            row.registryManager.isEmpty())
            continue;
        (urgent ? rows : rest).append(std::move(row));
    }
    beginResetModel();
    m_urgentCount = static_cast<int>(rows.size());
    rows.append(std::move(rest));
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

}  // namespace cairn::app
