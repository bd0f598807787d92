#include "qml/sync/quarantine_list_model.h"

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "qml/app/labels.h"

#include <QHash>
#include <QLocale>

namespace cairn::app {

QuarantineListModel::QuarantineListModel(QObject *parent)
    : AsyncListModel(parent)
{}

int QuarantineListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant QuarantineListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QuarantineRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case KindLabelRole:
        return r.kindLabel;
    case EntryIdRole:
        return r.id;
    case OwnerRole:
        return r.owner;
    case ReasonRole:
        return r.reason;
    case ReceivedRole:
        return r.received;
    case WithdrawnRole:
        return r.withdrawn;
    default:
        return {};
    }
}

QHash<int, QByteArray> QuarantineListModel::roleNames() const
{
    return {{EntryIdRole, "entryId"}, {KindLabelRole, "kindLabel"}, {OwnerRole, "owner"},
            {ReasonRole, "reason"},   {ReceivedRole, "received"},   {WithdrawnRole, "withdrawn"}};
}

void QuarantineListModel::reload()
{
    if (!session() || !session()->signedIn())
        return;
    run<Result<QList<QuarantineRow>>>(
        [](registry::Registry &registry) -> Result<QList<QuarantineRow>> {
            auto entries = registry.quarantined(false);
            if (!entries)
                return entries.error();
            QHash<QString, QString> names;
            if (!entries->isEmpty()) {
                if (auto patients = registry.listPatients())
                    for (const auto &p : *patients)
                        names.insert(p.id, p.name);
            }
            QList<QuarantineRow> rows;
            for (const storage::QuarantinedRecord &e : *entries) {
                QuarantineRow row;
                row.id = e.id;
                row.kindLabel = recordKindLabel(e.record.kind).left(40);  // an unknown kind as stored
                row.owner = e.record.patientId == domain::kClinicScope
                                ? tr("Clinic settings")
                                : names.value(e.record.patientId, tr("a patient not on this tablet"));
                row.reason = QStringLiteral("%1: %2").arg(e.field, e.message);
                const QDateTime when = QDateTime::fromString(e.receivedAt, Qt::ISODateWithMs);
                row.received =
                    when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat) : e.receivedAt;
                row.withdrawn = e.withdrawn();
                rows << row;
            }
            return rows;
        },
        [this](Result<QList<QuarantineRow>> rows) {
            replaceRows(m_rows, std::move(rows), [this] { emit countChanged(); });
        });
}

void QuarantineListModel::withdraw(qint64 entryId, const QString &reason)
{
    if (!session())
        return;
    run<Status>(
        [entryId, reason](registry::Registry &registry) -> Status {
            auto withdrawal = registry.withdrawQuarantined(entryId, reason);
            return withdrawal ? ok() : Status(withdrawal.error());
        },
        [this](Status status) {
            report(status, tr("Withdrawn. The other tablets drop it after their next sync."));
            if (status)
                session()->noteDataChanged();
        });
}

}  // namespace cairn::app
