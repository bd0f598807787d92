#pragma once
// The clinic's resource directory for the Resources screen and the referral form: the resources in
// force that match the search text and category chip (offline: the directory is on the tablet),
// and for the registry manager and administrators, adding and editing one. A save is one new
// version of the resource; a refused field keeps its message in `errors` and nothing is written.
//
// Roles: resourceId, name, category (stored name), categoryLabel (translated), subtype, address,
// distance (text with its unit, empty when unknown), hours, languages (comma-separated),
// insurance, telehealth (bool), howToRefer, phone, active (bool).
// `session`, `loading`, `error` and `message` come from the async base.

#include "core/domain/clinic_resource.h"
#include "qml/app/async_model.h"

#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class ResourceDirectoryModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    // A category's stored name ("pain_specialist"), or empty for every category.
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY filterChanged)
    // [{value, label}] for the category chips and the form, in the directory's order.
    Q_PROPERTY(QVariantList categories READ categories CONSTANT)
    // Whether the signed-in role may add and edit resources (the registry checks again).
    Q_PROPERTY(bool canEdit READ canEdit NOTIFY sessionChanged)
    // Form field ("name", "category", "distance", …) → message of the last refused save.
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    // Rows shown; changes with every reload, so bindings on resource() follow the list.
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // [{value: resourceId, text: "Name · category"}] of the rows, for a referral form's choice.
    Q_PROPERTY(QVariantList choices READ choices NOTIFY countChanged)
public:
    enum Roles {
        ResourceIdRole = Qt::UserRole + 1,
        NameRole,
        CategoryRole,
        CategoryLabelRole,
        SubtypeRole,
        AddressRole,
        DistanceRole,
        HoursRole,
        LanguagesRole,
        InsuranceRole,
        TelehealthRole,
        HowToReferRole,
        PhoneRole,
        ActiveRole,
    };
    Q_ENUM(Roles)

    explicit ResourceDirectoryModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString searchText() const { return m_filter.text; }
    void setSearchText(const QString &text);
    QString category() const;
    void setCategory(const QString &category);
    QVariantList categories() const;
    bool canEdit() const;
    QVariantMap errors() const { return m_errors; }

    // A category's label in the screen's language.
    Q_INVOKABLE static QString categoryLabel(const QString &category);
    int count() const { return static_cast<int>(m_resources.size()); }
    QVariantList choices() const;
    // The row of a resource, or -1.
    Q_INVOKABLE int rowOf(const QString &resourceId) const;
    // One resource's fields by role name ({} when not listed), for the detail card and the form.
    Q_INVOKABLE QVariantMap resource(const QString &resourceId) const;
    // Saves a resource from the form's fields (resourceId empty: a new one): name, category,
    // subtype, address, distance (text, a number), distanceUnit ("km", "mi"), hours, languages
    // (comma-separated), insurance, telehealth (bool), howToRefer, phone, active (bool).
    Q_INVOKABLE void save(const QVariantMap &fields);

    Q_INVOKABLE void reload() override;

signals:
    void filterChanged();
    void errorsChanged();
    void countChanged();
    // A save went through; the resource's id (new or the same).
    void saved(const QString &resourceId);

private:
    void setErrors(QVariantMap errors);
    domain::ResourceFilter m_filter;
    QList<domain::ClinicResource> m_resources;
    QVariantMap m_errors;
};

}  // namespace cairn::app
