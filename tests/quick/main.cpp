// Qt Quick Test runner for the component tests (tst_*.qml in this folder). The setup object makes
// the singletons the components use the way main() does, before any QML is loaded: Language
// (English, not remembered). The components under test do not touch Session or Sync.

#include "qml/app/language.h"

#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(CairnPlugin)

class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        // As main(): the Basic style, so the tests see the buttons the app shows.
        QQuickStyle::setStyle(QStringLiteral("Basic"));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        if (!m_language) {
            m_language = std::make_unique<cairn::app::Language>(false);
            cairn::app::Language::setInstance(m_language.get());
        }
        m_language->setEngine(engine);
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }

    void cleanupTestCase()
    {
        cairn::app::Language::setInstance(nullptr);
        m_language.reset();
    }

private:
    std::unique_ptr<cairn::app::Language> m_language;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_components, Setup)

#include "main.moc"
