#include "qml/worklists/peg_outreach_model.h"

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"

#include <QLocale>

namespace cairn::app {

PegOutreachModel::PegOutreachModel(QObject *parent)
    : AsyncListModel(parent)
{}

int PegOutreachModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant PegOutreachModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutreachRow &r = m_rows.at(index.row());
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
    case PhoneRole:
        return r.phone;
    case LanguageRole:
        return r.language;
    case StatusRole:
        return r.status;
    case StatusTextRole:
        if (!r.due.isValid())
            return tr("No PEG on record");
        return tr("PEG overdue since %1").arg(QLocale().toString(r.due, QLocale::ShortFormat));
    case DueRole:
        return r.due;
    default:
        return {};
    }
}

QHash<int, QByteArray> PegOutreachModel::roleNames() const
{
    return {{PatientIdRole, "patientId"},
            {NameRole, "name"},
            {ClinicIdRole, "clinicId"},
            {PrescriberRole, "prescriber"},
            {PhoneRole, "phone"},
            {LanguageRole, "language"},
            {StatusRole, "status"},
            {StatusTextRole, "statusText"},
            {DueRole, "due"}};
}

void PegOutreachModel::reload()
{
    if (!session() || !session()->signedIn()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        emit countChanged();
        return;
    }
    const QDate asOf = today();
    run<Result<QList<OutreachRow>>>(
        [asOf](registry::Registry &registry) -> Result<QList<OutreachRow>> { return pegOutreachRows(registry, asOf); },
        [this](Result<QList<OutreachRow>> rows) {
            beginResetModel();
            m_rows = rows ? std::move(rows).value() : QList<OutreachRow>();
            endResetModel();
            emit countChanged();
            // Keep a "PEG saved" confirmation visible across the reload that the save triggers.
            if (rows)
                setMessage(error() ? QString() : message(), false);
            else
                setMessage(rows.error().line(), true);
            emit ready();
        });
}

void PegOutreachModel::savePeg(const QString &patientId, int pain, int enjoyment, int activity)
{
    if (!session() || patientId.isEmpty())
        return;
    const QDate day = today();
    run<Status>(
        [patientId, day, pain, enjoyment, activity](registry::Registry &registry) -> Status {
            // The registry validates the record (each score 0–10) and names the field at fault.
            auto added = registry.addRecord(patientId, domain::PegScore{{}, day, pain, enjoyment, activity});
            return added ? ok() : Status(added.error());
        },
        [this, patientId](Status status) {
            if (!status) {
                setMessage(status.error().line(), true);
                return;
            }
            QString name;
            for (int i = 0; i < m_rows.size(); ++i) {
                if (m_rows.at(i).patientId == patientId) {
                    name = m_rows.at(i).name;
                    beginRemoveRows({}, i, i);
                    m_rows.removeAt(i);
                    endRemoveRows();
                    emit countChanged();
                    break;
                }
            }
            setMessage(tr("PEG saved for %1. It will sync when the tablet is next online.").arg(name), false);
            emit saved(patientId);
            session()->noteDataChanged();
        });
}

}  // namespace cairn::app
