#include "qml/worklists/roster_model.h"

#include "core/clinical/decisions.h"
#include "core/clinical/mme.h"
#include "core/domain/text.h"
#include "core/registry/registry_thread.h"
#include "qml/app/labels.h"
#include "qml/app/numbers.h"

namespace cairn::app {
namespace {

QVariantMap choice(const QString &value, const QString &label)
{
    return {{QStringLiteral("value"), value}, {QStringLiteral("label"), label}};
}

}  // namespace

RosterModel::RosterModel(QObject *parent)
    : AsyncListModel(parent)
{}

int RosterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

QVariant RosterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RosterRow &r = m_rows.at(m_visible.at(index.row()));
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
    case OnTherapyRole:
        return r.onTherapy;
    case TierRole:
        return r.tier;
    case TierLabelRole:
        return tierLabel(r.tier);
    case BandRole:
        return r.band;
    case MmeRole:
        return r.totalMme;
    case MmeTextRole:
        return r.onTherapy ? tr("%1 MME/day").arg(decimalText(clinical::roundToTenth(r.totalMme), 1))
                           : tr("No active opioid");
    case GapCodesRole: {
        QStringList codes;
        for (const auto &g : r.gaps)
            codes << g.code;
        return codes;
    }
    case GapsTextRole: {
        QStringList parts;
        for (const auto &g : r.gaps)
            parts << gapPhrase(g.code, clinical::toString(g.status));
        return parts.isEmpty() ? (r.onTherapy ? tr("No open gaps") : QString()) : parts.join(QStringLiteral(", "));
    }
    case OpenGapsRole:
        return static_cast<int>(r.gaps.size());
    case UrgentRole:
        return clinical::anyUrgent(r.gaps);
    default:
        return {};
    }
}

QHash<int, QByteArray> RosterModel::roleNames() const
{
    return {{PatientIdRole, "patientId"}, {NameRole, "name"},
            {ClinicIdRole, "clinicId"},   {PrescriberRole, "prescriber"},
            {PhoneRole, "phone"},         {OnTherapyRole, "onTherapy"},
            {TierRole, "tier"},           {TierLabelRole, "tierLabel"},
            {BandRole, "band"},           {MmeRole, "mme"},
            {MmeTextRole, "mmeText"},     {GapCodesRole, "gapCodes"},
            {GapsTextRole, "gapsText"},   {OpenGapsRole, "openGaps"},
            {UrgentRole, "urgent"}};
}

void RosterModel::setFilter(QString &field, const QString &value)
{
    if (field == value)
        return;
    field = value;
    emit filtersChanged();
    apply();
}

void RosterModel::setSearch(const QString &text)
{
    setFilter(m_search, text);
}
void RosterModel::setGapCode(const QString &code)
{
    setFilter(m_gapCode, code);
}
void RosterModel::setPrescriber(const QString &prescriber)
{
    setFilter(m_prescriber, prescriber);
}
void RosterModel::setBand(const QString &band)
{
    setFilter(m_band, band);
}
void RosterModel::setTier(const QString &tier)
{
    setFilter(m_tier, tier);
}
void RosterModel::setSortOrder(const QString &order)
{
    const bool known = order == QLatin1String("mme") || order == QLatin1String("overdue");
    setFilter(m_sortOrder, known ? order : QStringLiteral("name"));
}

QVariantList RosterModel::gapChoices() const
{
    QVariantList list{choice(QString(), tr("Any open gap"))};
    for (const QString &code : m_gapCodesPresent)
        list << choice(code, gapLabel(code));
    return list;
}

QVariantList RosterModel::prescriberChoices() const
{
    QVariantList list{choice(QString(), tr("Any prescriber"))};
    for (const QString &p : m_prescribers)
        list << choice(p, p);
    return list;
}

QVariantList RosterModel::bandChoices() const
{
    return {choice(QString(), tr("Any dose")), choice(QStringLiteral("lt50"), tr("Under 50 MME/day")),
            choice(QStringLiteral("50to89"), tr("50 to 89 MME/day")),
            choice(QStringLiteral("ge90"), tr("90 MME/day or more"))};
}

QVariantList RosterModel::tierChoices() const
{
    return {choice(QString(), tr("Any risk tier")), choice(QStringLiteral("low"), tierLabel(QStringLiteral("low"))),
            choice(QStringLiteral("moderate"), tierLabel(QStringLiteral("moderate"))),
            choice(QStringLiteral("high"), tierLabel(QStringLiteral("high")))};
}

QVariantList RosterModel::sortChoices() const
{
    return {choice(QStringLiteral("name"), tr("Sort by name")),
            choice(QStringLiteral("mme"), tr("Sort by MME, highest first")),
            choice(QStringLiteral("overdue"), tr("Sort by most overdue"))};
}

void RosterModel::reload()
{
    if (!session() || !session()->signedIn()) {
        beginResetModel();
        m_rows.clear();
        m_visible.clear();
        endResetModel();
        emit countsChanged();
        return;
    }
    const QDate asOf = m_today.isValid() ? m_today : clinicToday();
    run<Result<RosterRows>>(
        [asOf](registry::Registry &registry) -> Result<RosterRows> { return rosterRows(registry, asOf); },
        [this](Result<RosterRows> rows) {
            report(rows ? ok() : Status(rows.error()));
            m_rows = rows ? std::move(rows->rows) : QList<RosterRow>();
            QSet<QString> prescribers;
            QSet<QString> codes;
            for (const RosterRow &r : std::as_const(m_rows)) {
                if (!r.prescriber.isEmpty())
                    prescribers.insert(r.prescriber);
                for (const auto &g : r.gaps)
                    codes.insert(g.code);
            }
            m_prescribers = QStringList(prescribers.cbegin(), prescribers.cend());
            m_prescribers.sort();
            m_gapCodesPresent = QStringList(codes.cbegin(), codes.cend());
            std::sort(m_gapCodesPresent.begin(), m_gapCodesPresent.end(), [](const QString &a, const QString &b) {
                return gapLabel(a).localeAwareCompare(gapLabel(b)) < 0;
            });
            emit choicesChanged();
            apply();
        });
}

void RosterModel::apply()
{
    QList<int> visible;
    visible.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i) {
        const RosterRow &r = m_rows.at(i);
        if (!m_prescriber.isEmpty() && r.prescriber != m_prescriber)
            continue;
        if (!m_band.isEmpty() && r.band != m_band)
            continue;
        if (!m_tier.isEmpty() && r.tier != m_tier)
            continue;
        if (!m_gapCode.isEmpty() && std::none_of(r.gaps.cbegin(), r.gaps.cend(),
                                                 [&](const clinical::CareGap &g) { return g.code == m_gapCode; }))
            continue;
        if (!m_search.isEmpty() && !domain::matchesSearch(r.searchKey, m_search))
            continue;
        visible.append(i);
    }
    // Rows arrive in name order, so a stable sort keeps names in order within equal keys.
    if (m_sortOrder == QLatin1String("mme")) {
        std::stable_sort(visible.begin(), visible.end(),
                         [this](int a, int b) { return m_rows.at(a).totalMme > m_rows.at(b).totalMme; });
    } else if (m_sortOrder == QLatin1String("overdue")) {
        std::stable_sort(visible.begin(), visible.end(),
                         [this](int a, int b) { return m_rows.at(a).overdueOrder < m_rows.at(b).overdueOrder; });
    }
    beginResetModel();
    m_visible = std::move(visible);
    endResetModel();
    emit countsChanged();
    emit ready();
}

}  // namespace cairn::app
