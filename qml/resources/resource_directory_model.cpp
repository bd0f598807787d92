#include "qml/resources/resource_directory_model.h"

#include "core/registry/registry.h"
#include "core/reports/record_words.h"
#include "qml/app/permissions.h"

#include <QCoreApplication>
#include <QLocale>

namespace cairn::app {
namespace {

QString distanceText(const domain::ClinicResource &r)
{
    if (!r.distance)
        return {};
    return QLocale().toString(*r.distance, 'g', 6) + QLatin1Char(' ') + domain::toString(r.distanceUnit);
}

}  // namespace

ResourceDirectoryModel::ResourceDirectoryModel(QObject *parent)
    : AsyncListModel(parent)
{}

int ResourceDirectoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_resources.size());
}

QVariant ResourceDirectoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const domain::ClinicResource &r = m_resources.at(index.row());
    switch (role) {
    case ResourceIdRole:
        return r.id;
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case CategoryRole:
        return domain::toString(r.category);
    case CategoryLabelRole:
        return categoryLabel(domain::toString(r.category));
    case SubtypeRole:
        return r.subtype;
    case AddressRole:
        return r.address;
    case DistanceRole:
        return distanceText(r);
    case HoursRole:
        return r.hours;
    case LanguagesRole:
        return r.languages.join(QStringLiteral(", "));
    case InsuranceRole:
        return r.insurance;
    case TelehealthRole:
        return r.telehealth;
    case HowToReferRole:
        return r.howToRefer;
    case PhoneRole:
        return r.phone;
    case ActiveRole:
        return r.active;
    default:
        return {};
    }
}

QHash<int, QByteArray> ResourceDirectoryModel::roleNames() const
{
    return {{ResourceIdRole, "resourceId"}, {NameRole, "name"},
            {CategoryRole, "category"},     {CategoryLabelRole, "categoryLabel"},
            {SubtypeRole, "subtype"},       {AddressRole, "address"},
            {DistanceRole, "distance"},     {HoursRole, "hours"},
            {LanguagesRole, "languages"},   {InsuranceRole, "insurance"},
            {TelehealthRole, "telehealth"}, {HowToReferRole, "howToRefer"},
            {PhoneRole, "phone"},           {ActiveRole, "active"}};
}

void ResourceDirectoryModel::setSearchText(const QString &text)
{
    if (m_filter.text == text)
        return;
    m_filter.text = text;
    emit filterChanged();
    reload();
}

QString ResourceDirectoryModel::category() const
{
    return m_filter.category ? domain::toString(*m_filter.category) : QString();
}

void ResourceDirectoryModel::setCategory(const QString &category)
{
    domain::ResourceCategory parsed{};
    const std::optional<domain::ResourceCategory> next =
        domain::parse(category, &parsed) ? std::optional(parsed) : std::nullopt;
    if (next == m_filter.category)
        return;
    m_filter.category = next;
    emit filterChanged();
    reload();
}

QVariantList ResourceDirectoryModel::categories() const
{
    QVariantList list;
    for (const QString &name : domain::resourceCategoryNames())
        list.append(QVariantMap{{QStringLiteral("value"), name}, {QStringLiteral("label"), categoryLabel(name)}});
    return list;
}

QString ResourceDirectoryModel::categoryLabel(const QString &category)
{
    return reports::resourceCategoryWords(category);
}

bool ResourceDirectoryModel::canEdit() const
{
    return session() && Permissions::allows(session()->role(), QStringLiteral("edit_resources"));
}

int ResourceDirectoryModel::rowOf(const QString &resourceId) const
{
    for (qsizetype i = 0; i < m_resources.size(); ++i)
        if (m_resources.at(i).id == resourceId)
            return static_cast<int>(i);
    return -1;
}

QVariantList ResourceDirectoryModel::choices() const
{
    QVariantList list;
    for (const domain::ClinicResource &r : m_resources)
        list.append(QVariantMap{
            {QStringLiteral("value"), r.id},
            {QStringLiteral("text"), tr("%1 · %2").arg(r.name, categoryLabel(domain::toString(r.category)))}});
    return list;
}

QVariantMap ResourceDirectoryModel::resource(const QString &resourceId) const
{
    const int row = rowOf(resourceId);
    if (row < 0)
        return {};
    QVariantMap fields;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        fields.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return fields;
}

void ResourceDirectoryModel::setErrors(QVariantMap errors)
{
    if (m_errors == errors)
        return;
    m_errors = std::move(errors);
    emit errorsChanged();
}

void ResourceDirectoryModel::reload()
{
    if (!session() || !session()->signedIn())
        return;
    const domain::ResourceFilter filter = m_filter;
    run<Result<QList<domain::ClinicResource>>>(
        [filter](registry::Registry &registry) { return registry.clinicResources(filter); },
        [this](Result<QList<domain::ClinicResource>> list) {
            report(list ? ok() : Status(list.error()));
            if (!list)
                return;
            beginResetModel();
            m_resources = std::move(list).value();
            endResetModel();
            emit countChanged();
        });
}

void ResourceDirectoryModel::save(const QVariantMap &fields)
{
    domain::ClinicResource r;
    r.id = fields.value(QStringLiteral("resourceId")).toString();
    r.name = fields.value(QStringLiteral("name")).toString().trimmed();
    const QString category = fields.value(QStringLiteral("category")).toString();
    if (!domain::parse(category, &r.category)) {
        setErrors({{QStringLiteral("category"), tr("Choose a category.")}});
        return;
    }
    r.subtype = fields.value(QStringLiteral("subtype")).toString().trimmed();
    r.address = fields.value(QStringLiteral("address")).toString().trimmed();
    const QString distance = fields.value(QStringLiteral("distance")).toString().trimmed();
    if (!distance.isEmpty()) {
        bool number = false;
        const double value = QLocale().toDouble(distance, &number);
        const double plain = number ? value : distance.toDouble(&number);
        if (!number) {
            setErrors({{QStringLiteral("distance"), tr("Write the distance as a number.")}});
            return;
        }
        r.distance = plain;
    }
    r.distanceUnit = fields.value(QStringLiteral("distanceUnit")).toString() == QLatin1String("mi")
                         ? domain::DistanceUnit::Miles
                         : domain::DistanceUnit::Km;
    r.hours = fields.value(QStringLiteral("hours")).toString().trimmed();
    for (const QString &language :
         fields.value(QStringLiteral("languages")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!language.trimmed().isEmpty())
            r.languages.append(language.trimmed());
    r.insurance = fields.value(QStringLiteral("insurance")).toString().trimmed();
    r.telehealth = fields.value(QStringLiteral("telehealth")).toBool();
    r.howToRefer = fields.value(QStringLiteral("howToRefer")).toString().trimmed();
    r.phone = fields.value(QStringLiteral("phone")).toString().trimmed();
    r.active = fields.value(QStringLiteral("active"), true).toBool();
    setErrors({});
    run<Result<domain::ClinicResource>>([r](registry::Registry &registry) { return registry.saveClinicResource(r); },
                                        [this](Result<domain::ClinicResource> result) {
                                            if (!result) {
                                                const QString field =
                                                    result.error().field == QLatin1String("how_to_refer")
                                                        ? QStringLiteral("howToRefer")
                                                        : result.error().field;
                                                if (!field.isEmpty())
                                                    setErrors({{field, result.error().message}});
                                                report(Status(result.error()));
                                                return;
                                            }
                                            report(ok(), tr("Resource saved."));
                                            emit saved(result->id);
                                            reload();
                                        });
}

}  // namespace cairn::app
