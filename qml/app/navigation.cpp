#include "qml/app/navigation.h"

#include "qml/app/permissions.h"

#include <QCoreApplication>
#include <QEvent>

#include <array>

namespace cairn::app {
namespace {
using D = Navigation::Destination;

// Each role's destinations in the order of its day: where it lands first (tablet-ux §4.3). A
// destination the permission table refuses the role is dropped, so this list only orders.
struct RoleDestinations {
    const char *role;
    std::array<D, 5> order;
    int size;
};
constexpr std::array<RoleDestinations, 6> kOrders{{
    // The medical assistant rooms the day's patients and calls for PEG scores between visits.
    {"medical_assistant", {D::Today, D::Calls, D::Patients, D::Practise}, 4},
    // The nurse's day is the PEG calling list; rooming when the clinic is busy.
    {"nurse", {D::Calls, D::Today, D::Patients, D::Practise}, 4},
    {"clinician", {D::Today, D::Patients, D::Registry, D::Measures, D::Practise}, 5},
    // Worklists first; the refill check is reached from the registry and from the patient. The
    // administration screen holds the import of the clinic's FHIR file or spreadsheet.
    {"registry_manager", {D::Registry, D::Patients, D::Measures, D::Today, D::Administration}, 5},
    // The program's leader: the measures, then the registry and running the tablets.
    {"administrator", {D::Measures, D::Registry, D::Patients, D::Today, D::Administration}, 5},
    // Refill requests and patients' details are the front desk's work.
    {"front_desk", {D::Refills, D::Patients, D::Today, D::Registry}, 4},
}};
}  // namespace

Navigation::Navigation(QObject *parent)
    : QAbstractListModel(parent)
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

int Navigation::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant Navigation::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Destination d = m_destinations.at(index.row());
    switch (role) {
    case DestinationRole:
        return d;
    case Qt::DisplayRole:
    case LabelRole:
        switch (d) {
        case Today:
            return tr("Today");
        case Calls:
            return tr("Calls");
        case Registry:
            return tr("Registry");
        case Patients:
            return tr("Patients");
        case Refills:
            return tr("Refills");
        case Measures:
            return tr("Measures");
        case Practise:
            return tr("Practise");
        case Administration:
            return tr("Admin");
        }
        return {};
    case DescriptionRole:
        switch (d) {
        case Today:
            return tr("Today: the patients booked for the day");
        case Calls:
            return tr("Calls: patients due a PEG, to call");
        case Registry:
            return tr("Registry: every patient with gaps, filters and sorting");
        case Patients:
            return tr("Patients: find a patient or add one");
        case Refills:
            return tr("Refills: check a refill request");
        case Measures:
            return tr("Measures: the monthly measures");
        case Practise:
            return tr("Practise difficult conversations");
        case Administration:
            return tr("Administration: users, clinic policy, server enrollment");
        }
        return {};
    case ObjectNameRole:
        return objectNameFor(d);
    default:
        return {};
    }
}

QHash<int, QByteArray> Navigation::roleNames() const
{
    return {{DestinationRole, "destination"},
            {LabelRole, "label"},
            {DescriptionRole, "description"},
            {ObjectNameRole, "destinationName"}};
}

void Navigation::setRole(const QString &role)
{
    // Session.role notifies again whenever the policy is re-read: the same role keeps its stacks.
    if (m_role == role)
        return;
    beginResetModel();
    m_role = role;
    m_destinations = destinationsFor(role);
    endResetModel();
    emit roleChanged();
}

QList<Navigation::Destination> Navigation::destinationsFor(const QString &role)
{
    QList<Destination> list;
    for (const auto &entry : kOrders) {
        if (role != QLatin1String(entry.role))
            continue;
        for (int i = 0; i < entry.size; ++i) {
            const Destination d = entry.order.at(static_cast<std::size_t>(i));
            if (Permissions::offers(role, screenFor(d)))
                list.append(d);
        }
    }
    return list;
}

QString Navigation::screenFor(Destination destination)
{
    switch (destination) {
    case Today:
        return QStringLiteral("huddle");
    case Calls:
        return QStringLiteral("peg_outreach");
    case Registry:
        return QStringLiteral("roster");
    case Patients:
        return QStringLiteral("patients");
    case Refills:
        return QStringLiteral("refill_check");
    case Measures:
        return QStringLiteral("measures");
    case Practise:
        return QStringLiteral("rehearsal");
    case Administration:
        return QStringLiteral("administration");
    }
    return {};
}

QString Navigation::objectNameFor(Destination destination)
{
    switch (destination) {
    case Today:
        return QStringLiteral("nav_today");
    case Calls:
        return QStringLiteral("nav_calls");
    case Registry:
        return QStringLiteral("nav_registry");
    case Patients:
        return QStringLiteral("nav_patients");
    case Refills:
        return QStringLiteral("nav_refills");
    case Measures:
        return QStringLiteral("nav_measures");
    case Practise:
        return QStringLiteral("nav_practise");
    case Administration:
        return QStringLiteral("nav_administration");
    }
    return {};
}

int Navigation::indexOf(Destination destination) const
{
    return static_cast<int>(m_destinations.indexOf(destination));
}

Navigation::Destination Navigation::destinationAt(int row) const
{
    return row >= 0 && row < count() ? m_destinations.at(row) : Today;
}

bool Navigation::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange && count() > 0)
        emit dataChanged(index(0), index(count() - 1), {Qt::DisplayRole, LabelRole, DescriptionRole});
    return QAbstractListModel::eventFilter(watched, event);
}

}  // namespace cairn::app
