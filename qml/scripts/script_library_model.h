#pragma once

#include "qml/patient/prompt_list_model.h"

#include <QtQml/qqmlregistration.h>

namespace cairn::app {

// Every shipped script, for rehearsal at the huddle: filter by language and audience.
class ScriptLibraryModel : public cairn::app::PromptListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY filterChanged)
    Q_PROPERTY(QString audience READ audience WRITE setAudience NOTIFY filterChanged)
public:
    explicit ScriptLibraryModel(QObject *parent = nullptr);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QString audience() const { return m_audience; }
    void setAudience(const QString &audience);

signals:
    void filterChanged();

private:
    void refresh();
    QString m_language = QStringLiteral("en");
    QString m_audience;
};

}  // namespace cairn::app
