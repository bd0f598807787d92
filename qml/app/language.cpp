#include "qml/app/language.h"

#include "platform/logging.h"
#include "qml/app/numbers.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>
#include <QSettings>

namespace cairn::app {
namespace {
const QString kSettingsKey = QStringLiteral("ui/language");
}  // namespace

Language::Language(bool persist, QObject *parent)
    : QObject(parent)
    , m_persist(persist)
{}

Language::~Language()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    if (instance() == this)
        setInstance(nullptr);
}

void Language::setEngine(QQmlEngine *engine)
{
    m_engine = engine;
}

QVariantList Language::available() const
{
    return {QVariantMap{{QStringLiteral("code"), QStringLiteral("en")},
                        {QStringLiteral("name"), QStringLiteral("English")}},
            QVariantMap{{QStringLiteral("code"), QStringLiteral("es")},
                        {QStringLiteral("name"), QStringLiteral("Español")}}};
}

bool Language::setLanguage(const QString &code)
{
    if (code != QLatin1String("en") && code != QLatin1String("es"))
        return false;
    if (code == m_current)
        return true;
    // English has a catalogue too: its plural forms ("1 patient", "2 patients").
    auto next = std::make_unique<QTranslator>();
    if (!next->load(QStringLiteral(":/i18n/cairn_%1.qm").arg(code))) {
        qCWarning(lcApp, "no catalogue for language %s", qPrintable(code));
        return false;
    }
    // The locale first, then the new catalogue before the old one goes: each LanguageChange
    // event (sent by both calls) finds the new language whole, so a model that words its texts
    // on that event dates them ("3 dic 2026") and picks clinical texts (uiLanguage()) in it too.
    m_current = code;
    QLocale::setDefault(QLocale(code == QLatin1String("es") ? QLocale::Spanish : QLocale::English));
    QCoreApplication::installTranslator(next.get());
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::move(next);
    if (m_persist)
        QSettings().setValue(kSettingsKey, code);
    if (m_engine)
        m_engine->retranslate();
    emit currentChanged();
    return true;
}

QString Language::decimal(double value, int decimals) const
{
    return decimalText(value, decimals);
}

QString Language::number(double value) const
{
    return numberText(value);
}

void Language::restore()
{
    const QString saved = m_persist ? QSettings().value(kSettingsKey).toString() : QString();
    if (saved.isEmpty() || !setLanguage(saved))
        setLanguage(QStringLiteral("en"));
}

}  // namespace cairn::app
