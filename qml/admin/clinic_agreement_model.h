#pragma once
// The clinic's own patient agreement text, edited by administrators: a title and the text in
// English and in Spanish (both required), sections separated by an empty line. Each save is a new
// version ("clinic-agreement-N") stored as a clinic record that syncs like the clinic policy; the
// agreement screen shows the newest version (or the shipped default until there is one), and
// every signature or refusal names the version shown.
//
// Like every asynchronous object here it exposes `loading`, `error` and `message`; every path
// that starts loading ends it.

#include "qml/app/session.h"

#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class ClinicAgreementModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(cairn::app::Session *session READ session WRITE setSession NOTIFY sessionChanged)
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
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool error READ error NOTIFY messageChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit ClinicAgreementModel(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString version() const { return m_version; }
    bool isDefault() const { return !m_version.startsWith(QLatin1String("clinic-agreement-")); }
    QString titleEn() const { return m_titles.value(QStringLiteral("en")); }
    QString titleEs() const { return m_titles.value(QStringLiteral("es")); }
    QString textEn() const { return m_texts.value(QStringLiteral("en")); }
    QString textEs() const { return m_texts.value(QStringLiteral("es")); }
    QVariantMap errors() const { return m_errors; }
    bool loading() const { return m_loading; }
    bool error() const { return m_error; }
    QString message() const { return m_message; }

    Q_INVOKABLE void reload();
    // Checks every field (each language is required), then stores a new version in one
    // transaction; a refused field keeps its message under it and nothing is written.
    Q_INVOKABLE void save(const QString &titleEn, const QString &titleEs, const QString &textEn, const QString &textEs);

    // "First section.\n\nSecond section." → the sections; and back.
    static QStringList sectionsOf(const QString &text);
    static QString textOf(const QStringList &sections);

signals:
    void sessionChanged();
    void textChanged();
    void errorsChanged();
    void loadingChanged();
    void messageChanged();
    void saved(const QString &version);

private:
    void show(const QJsonObject &text);
    void setErrors(QVariantMap errors);
    void finish(const QString &message, bool isError);

    Session *m_session = nullptr;
    QString m_version;
    QHash<QString, QString> m_titles;
    QHash<QString, QString> m_texts;
    QVariantMap m_errors;
    bool m_loading = false;
    bool m_error = false;
    QString m_message;
};

}  // namespace cairn::app
