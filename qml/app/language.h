#pragma once
// The language the screens speak, switchable at run time: English (the source strings) or
// Spanish (assets/translations/cairn_es.ts, compiled into the app by Qt Linguist's lrelease).
// Created in main() and handed to QML as a singleton, like Session. The choice is remembered with
// QSettings: it is a device preference, not patient data.

#include "qml/app/singleton_instance.h"

#include <QObject>
#include <QPointer>
#include <QTranslator>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <type_traits>

namespace cairn::app {

class Language : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // "en" or "es".
    Q_PROPERTY(QString current READ current NOTIFY currentChanged)
    // The languages offered, as {code, name} maps; each name is written in its own language.
    Q_PROPERTY(QVariantList available READ available CONSTANT)

public:
    // persist: remember the choice across runs (off in tests that must not touch the settings).
    // No default for `persist`: a default-constructible QML_SINGLETON is built by the QML engine
    // with that constructor (Qt 6.4 prefers it to create()), giving QML a second Language that
    // neither the app nor the engine's retranslate() know about.
    explicit Language(bool persist, QObject *parent = nullptr);
    ~Language() override;

    // create() also sets the engine to retranslate.
    CAIRN_SINGLETON_INSTANCE(Language)
    // The engine to retranslate; create() sets it for QML, main() may set it earlier.
    void setEngine(QQmlEngine *engine);

    QString current() const { return m_current.isEmpty() ? QStringLiteral("en") : m_current; }
    QVariantList available() const;
    // Installs the translator for `code` ("en" or "es") and retranslates every qsTr binding.
    // Returns false (and keeps the current language) for an unknown code or a missing catalogue.
    Q_INVOKABLE bool setLanguage(const QString &code);
    // Applies the remembered choice (main() calls this before loading the QML).
    void restore();
    // A number in this language (qml/app/numbers.h), for QML: used within a qsTr() binding, it is
    // worded again on a switch, since the engine re-evaluates those bindings.
    Q_INVOKABLE QString decimal(double value, int decimals) const;
    Q_INVOKABLE QString number(double value) const;

signals:
    void currentChanged();

private:
    bool m_persist;
    QString m_current;  // empty until a catalogue is installed (restore() installs English)
    std::unique_ptr<QTranslator> m_translator;
    QPointer<QQmlEngine> m_engine;
};

static_assert(!std::is_default_constructible_v<Language>,
              "QML must get the instance from Language::create(), not a Language of its own");

}  // namespace cairn::app
