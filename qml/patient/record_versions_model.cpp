#include "qml/patient/record_versions_model.h"

#include "core/registry/registry.h"
#include "core/registry/registry_thread.h"
#include "qml/app/labels.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace cairn::app {
namespace {

// The fields of a payload in words, without the bookkeeping ones.
QString summaryOf(const QJsonObject &payload)
{
    static const QSet<QString> bookkeeping{QStringLiteral("id"), QStringLiteral("kind"),
                                           QStringLiteral("correction_reason"), QStringLiteral("retraction_reason")};
    QStringList parts;
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        if (bookkeeping.contains(it.key()) || it.value().isNull() || it.value().isUndefined())
            continue;
        QString text = payloadValueText(it.value());
        if (text.size() > 80)  // a signature or a long note: its start is enough to tell versions apart
            text = text.left(77) + QStringLiteral("…");
        parts << QStringLiteral("%1: %2").arg(it.key(), text);
    }
    return parts.join(QStringLiteral("; "));
}

}  // namespace

RecordVersionsModel::RecordVersionsModel(QObject *parent)
    : AsyncListModel(parent)
{}

int RecordVersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_versions.size());
}

QVariant RecordVersionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Version &v = m_versions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SummaryRole:
        return v.summary;
    case VersionIdRole:
        return v.id;
    case ByRole:
        return v.by;
    case WhenRole:
        return v.when;
    case StateRole:
        return QVariant::fromValue(v.state);
    case ReasonRole:
        return v.reason;
    default:
        return {};
    }
}

QHash<int, QByteArray> RecordVersionsModel::roleNames() const
{
    return {{VersionIdRole, "versionId"}, {SummaryRole, "summary"},    {ByRole, "by"},
            {WhenRole, "when"},           {StateRole, "versionState"}, {ReasonRole, "reason"}};
}

void RecordVersionsModel::setPatientId(const QString &id)
{
    if (m_patientId == id)
        return;
    m_patientId = id;
    emit patientIdChanged();
    reload();
}

void RecordVersionsModel::setRecordId(const QString &id)
{
    if (m_recordId == id)
        return;
    m_recordId = id;
    emit recordIdChanged();
    reload();
}

void RecordVersionsModel::reload()
{
    if (!session() || !session()->signedIn() || m_patientId.isEmpty() || m_recordId.isEmpty())
        return;
    const QString patientId = m_patientId;
    const QString recordId = m_recordId;
    run<Result<QList<Version>>>(
        [patientId, recordId](registry::Registry &registry) -> Result<QList<Version>> {
            auto history = registry.patientHistory(patientId);
            if (!history)
                return history.error();
            auto users = registry.listUsers();
            QHash<QString, QString> names;
            if (users)
                for (const auto &u : *users)
                    names.insert(u.id, u.name);
            // The lineage: every version linked to the record through `supersedes` (and the
            // versions a merge closed), in both directions.
            QSet<QString> lineage{recordId};
            bool grew = true;
            while (grew) {
                grew = false;
                for (const auto &e : *history) {
                    const bool linked = lineage.contains(e.id) || lineage.contains(e.supersedes) ||
                                        std::any_of(e.closes.cbegin(), e.closes.cend(),
                                                    [&](const QString &c) { return lineage.contains(c); });
                    if (!linked)
                        continue;
                    for (const QString &id : QStringList{e.id, e.supersedes} + e.closes) {
                        if (!id.isEmpty() && !lineage.contains(id)) {
                            lineage.insert(id);
                            grew = true;
                        }
                    }
                }
            }
            QSet<QString> replaced;
            for (const auto &e : *history)
                if (lineage.contains(e.id)) {
                    if (!e.supersedes.isEmpty())
                        replaced.insert(e.supersedes);
                    for (const QString &c : e.closes)
                        replaced.insert(c);
                }
            QList<Version> versions;
            for (const auto &e : *history) {
                if (!lineage.contains(e.id))
                    continue;
                Version v;
                v.id = e.id;
                v.writtenAt = e.writtenAt;
                const QDateTime at = QDateTime::fromString(e.writtenAt, Qt::ISODateWithMs);
                v.when = at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : e.writtenAt;
                v.by = names.value(e.author, unknownAuthorLabel());
                if (e.retracted) {
                    v.state = State::Withdrawn;
                    v.reason = e.payload.value(QStringLiteral("retraction_reason")).toString();
                    v.summary = tr("Withdrawn: entered in error");
                } else {
                    v.state = replaced.contains(e.id) ? State::Replaced : State::InForce;
                    v.reason = e.payload.value(QStringLiteral("correction_reason")).toString();
                    v.summary = summaryOf(e.payload);
                }
                versions << v;
            }
            std::sort(versions.begin(), versions.end(),
                      [](const Version &a, const Version &b) { return a.writtenAt > b.writtenAt; });
            return versions;
        },
        [this](Result<QList<Version>> versions) {
            replaceRows(m_versions, std::move(versions), [this] { emit countChanged(); });
        });
}

}  // namespace cairn::app
