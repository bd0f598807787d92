#pragma once
// The clinic's own patient agreement text, edited by administrators: a title and the text in
// English and in Spanish (both required), sections separated by an empty line. Each save is a new
// version ("clinic-agreement-N") stored as a clinic record that syncs like the clinic policy; the
// agreement screen shows the newest version (or the shipped default until there is one), and
// every signature or refusal names the version shown.
//
// `session`, `loading`, `error` and `message` come from the async base.

#include "qml/app/async_model.h"
#include "qml/app/session.h"

#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class ClinicAgreementModel : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    // The version in force ("cairn-default-1" until the clinic saves its own).
    Q_PROPERTY(QString version READ version NOTIFY textChanged)
    Q_PROPERTY(bool isDefault READ isDefault NOTIFY textChanged)
    Q_PROPERTY(QString titleEn READ titleEn NOTIFY textChanged)
    Q_PROPERTY(QString titleEs READ titleEs NOTIFY textChanged)
    // The sections, separated by an empty line.
    Q_PROPERTY(QString textEn READ textEn NOTIFY textChanged)
    Q_PROPERTY(QString textEs READ textEs NOTIFY textChanged)
    // Field ("title_en", "title_es", "text_en", "text_es") → message.
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)

public:
    explicit ClinicAgreementModel(QObject *parent = nullptr);

    QString version() const { return m_version; }
    bool isDefault() const { return !m_version.startsWith(QLatin1String("clinic-agreement-")); }
    QString titleEn() const { return m_titles.value(QStringLiteral("en")); }
    QString titleEs() const { return m_titles.value(QStringLiteral("es")); }
    QString textEn() const { return m_texts.value(QStringLiteral("en")); }
    QString textEs() const { return m_texts.value(QStringLiteral("es")); }
    QVariantMap errors() const { return m_errors; }

    // Re-reads the text in force (also when the session is set or reports a change).
    Q_INVOKABLE void reload() override;
    // Checks every field (each language is required), then stores a new version in one
    // transaction; a refused field keeps its message under it and nothing is written.
    Q_INVOKABLE void save(const QString &titleEn, const QString &titleEs, const QString &textEn, const QString &textEs);

    // "First section.\n\nSecond section." → the sections; and back.
    static QStringList sectionsOf(const QString &text);
    static QString textOf(const QStringList &sections);

signals:
    void textChanged();
    void errorsChanged();
    void saved(const QString &version);

private:
    void show(const QJsonObject &text);
    void setErrors(QVariantMap errors);

    QString m_version;
    QHash<QString, QString> m_titles;
    QHash<QString, QString> m_texts;
    QVariantMap m_errors;
};

}  // namespace cairn::app
