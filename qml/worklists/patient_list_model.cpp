#include "qml/worklists/patient_list_model.h"

#include "core/domain/records.h"
#include "core/domain/text.h"
#include "qml/app/labels.h"

namespace cairn::app {

PatientListModel::PatientListModel(QObject *parent)
    : AsyncListModel(parent)
{}

int PatientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

QVariant PatientListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &p = m_all.at(m_visible.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return p.name;
    case PatientIdRole:
        return p.id;
    case ClinicIdRole:
        return p.clinicId;
    case AgeRole:
        return p.birthDate.isValid() ? domain::ageOn(p.birthDate, m_today.isValid() ? m_today : clinicToday()) : -1;
    case BirthDateRole:
        return p.birthDate;
    case PrescriberRole:
        return p.prescriber;
    case TierRole:
        return p.riskTier;
    case TierLabelRole:
        return tierLabel(p.riskTier);
    case PhoneRole:
        return p.phone;
    case LanguageRole:
        return p.language;
    default:
        return {};
    }
}

QHash<int, QByteArray> PatientListModel::roleNames() const
{
    return {{PatientIdRole, "patientId"}, {NameRole, "name"},
            {ClinicIdRole, "clinicId"},   {AgeRole, "age"},
            {BirthDateRole, "birthDate"}, {PrescriberRole, "prescriber"},
            {TierRole, "tier"},           {TierLabelRole, "tierLabel"},
            {PhoneRole, "phone"},         {LanguageRole, "language"}};
}

void PatientListModel::setFilterText(const QString &text)
{
    if (m_filterText == text)
        return;
    m_filterText = text;
    emit filterTextChanged();
    applyFilter();
}

void PatientListModel::reload()
{
    if (!session() || !session()->signedIn()) {
        beginResetModel();
        m_all.clear();
        m_searchKeys.clear();
        m_visible.clear();
        endResetModel();
        emit countsChanged();
        return;
    }
    run<Result<QList<registry::PatientSummary>>>(
        [](registry::Registry &registry) -> Result<QList<registry::PatientSummary>> { return registry.listPatients(); },
        [this](Result<QList<registry::PatientSummary>> patients) {
            report(patients ? ok() : Status(patients.error()));
            if (!patients)
                return;
            m_all = std::move(patients).value();
            m_searchKeys.clear();
            m_searchKeys.reserve(m_all.size());
            for (const auto &p : std::as_const(m_all))
                m_searchKeys.append(domain::patientSearchKey(p.name, p.clinicId));
            applyFilter();
        });
}

void PatientListModel::applyFilter()
{
    beginResetModel();
    m_visible.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        if (domain::matchesSearch(m_searchKeys.at(i), m_filterText))
            m_visible.append(i);
    }
    endResetModel();
    emit countsChanged();
}

}  // namespace cairn::app
