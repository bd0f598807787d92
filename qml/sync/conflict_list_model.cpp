#include "qml/sync/conflict_list_model.h"

#include "core/domain/record_json.h"
#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "qml/app/labels.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

namespace cairn::app {
namespace {

// "phone: 555-0111; language: es" for the fields the versions disagree on.
QString valuesOf(const QJsonObject &payload, const QStringList &fields)
{
    QStringList parts;
    for (const QString &field : fields) {
        parts << QStringLiteral("%1: %2").arg(field, payloadValueText(payload.value(field)));
    }
    return parts.join(QStringLiteral("; "));
}

QString byLine(const QString &author, const QString &writtenAt)
{
    const QDateTime when = QDateTime::fromString(writtenAt, Qt::ISODateWithMs);
    return when.isValid()
               ? QStringLiteral("%1 · %2").arg(author, QLocale().toString(when.toLocalTime(), QLocale::ShortFormat))
               : author;
}

}  // namespace

ConflictListModel::ConflictListModel(QObject *parent)
    : AsyncListModel(parent)
{}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConflictRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case PatientNameRole:
        return r.patientName;
    case ConflictIdRole:
        return r.id;
    case PatientIdRole:
        return r.patientId;
    case KindRole:
        return r.kind;
    case KindLabelRole:
        return r.kindLabel;
    case FieldsRole:
        return r.fields.join(QStringLiteral(", "));
    case HeadIdRole:
        return r.headId;
    case AValuesRole:
        return r.aValues;
    case BValuesRole:
        return r.bValues;
    case AByRole:
        return r.aBy;
    case BByRole:
        return r.bBy;
    case AInForceRole:
        return r.aInForce;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictListModel::roleNames() const
{
    return {{ConflictIdRole, "conflictId"},
            {PatientIdRole, "patientId"},
            {PatientNameRole, "patientName"},
            {KindRole, "kind"},
            {KindLabelRole, "kindLabel"},
            {FieldsRole, "fields"},
            {HeadIdRole, "headId"},
            {AValuesRole, "aValues"},
            {BValuesRole, "bValues"},
            {AByRole, "aBy"},
            {BByRole, "bBy"},
            {AInForceRole, "aInForce"}};
}

void ConflictListModel::reload()
{
    if (!session() || !session()->signedIn())
        return;
    run<Result<QList<ConflictRow>>>(
        [](registry::Registry &registry) -> Result<QList<ConflictRow>> {
            auto conflicts = registry.conflicts(false);
            if (!conflicts)
                return conflicts.error();
            auto users = registry.listUsers();
            QHash<QString, QString> names;
            if (users)
                for (const auto &u : *users)
                    names.insert(u.id, u.name);
            auto patients = registry.listPatients();
            QHash<QString, QString> patientNames;
            if (patients)
                for (const auto &p : *patients)
                    patientNames.insert(p.id, p.name);
            QHash<QString, QList<domain::RecordEnvelope>> histories;
            QList<ConflictRow> rows;
            for (const storage::Conflict &c : *conflicts) {
                if (!histories.contains(c.patientId)) {
                    auto history = registry.patientHistory(c.patientId);
                    histories.insert(c.patientId, history ? *history : QList<domain::RecordEnvelope>());
                }
                const auto &history = histories[c.patientId];
                const domain::RecordEnvelope *a = nullptr;
                const domain::RecordEnvelope *b = nullptr;
                for (const auto &envelope : history) {
                    if (envelope.id == c.recordA)
                        a = &envelope;
                    if (envelope.id == c.recordB)
                        b = &envelope;
                }
                if (!a || !b)
                    continue;  // a version not on this tablet yet: shown after the next sync
                ConflictRow row;
                row.id = c.id;
                row.patientId = c.patientId;
                row.patientName = patientNames.value(c.patientId, tr("Clinic settings"));
                row.kind = a->kind;
                row.kindLabel = recordKindLabel(a->kind);
                row.fields = c.fields;
                row.headId = c.head;
                row.versionA = a->id;
                row.versionB = b->id;
                row.aValues = valuesOf(a->payload, c.fields);
                row.bValues = valuesOf(b->payload, c.fields);
                // A user of another tablet who never signed in here has no name on this one.
                const QString stranger = unknownAuthorLabel();
                row.aBy = byLine(names.value(a->author, stranger), a->writtenAt);
                row.bBy = byLine(names.value(b->author, stranger), b->writtenAt);
                // The merge in force took one side's value for each field: A's when it matches.
                for (const auto &envelope : history)
                    if (envelope.id == c.head)
                        row.aInForce = valuesOf(envelope.payload, c.fields) == row.aValues;
                rows << row;
            }
            return rows;
        },
        [this](Result<QList<ConflictRow>> rows) {
            replaceRows(m_rows, std::move(rows), [this] { emit countChanged(); });
        });
}

void ConflictListModel::keep(qint64 conflictId, Version version)
{
    if (!session())
        return;
    const auto it =
        std::find_if(m_rows.cbegin(), m_rows.cend(), [conflictId](const ConflictRow &r) { return r.id == conflictId; });
    if (it == m_rows.cend())
        return;
    const ConflictRow row = *it;
    const QString chosen = version == Version::A ? row.versionA : row.versionB;
    run<Status>(
        [row, chosen](registry::Registry &registry) -> Status {
            auto history = registry.patientHistory(row.patientId);
            if (!history)
                return history.error();
            QJsonObject kept;
            bool found = false;
            for (const auto &envelope : *history) {
                if (envelope.id == chosen) {
                    kept = envelope.payload;
                    found = true;
                }
            }
            if (!found)
                return Error{QString(), tr("That version is no longer on this tablet.")};
            // The kept values become the record's next version, over the one in force.
            if (row.kind == QLatin1String("patient")) {
                auto patient = domain::demographicsFromJson(kept);
                if (!patient)
                    return patient.error();
                patient->id = row.patientId;
                if (auto s = registry.updateDemographics(*patient); !s)
                    return s;
            } else {
                auto record = domain::recordFromJson(row.kind, kept);
                if (!record)
                    return record.error();
                auto value =
                    std::visit([](auto &&r) { return registry::RecordValue(std::move(r)); }, std::move(record).value());
                if (auto corrected = registry.correctRecord(row.headId, value); !corrected)
                    return corrected.error();
            }
            return registry.reviewConflict(row.id);
        },
        [this](Status status) {
            report(status, tr("Kept. The other version stays in the history."));
            if (status)
                session()->noteDataChanged();
        });
}

}  // namespace cairn::app
