#include "qml/admin/clinic_agreement_model.h"

#include "core/registry/registry.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace cairn::app {
namespace {

const QStringList kLanguages{QStringLiteral("en"), QStringLiteral("es")};

// "title.es" / "sections.en" (the domain's names) → the screen's fields "title_es" / "text_en".
QString screenFieldOf(const QString &field)
{
    for (const QString &language : kLanguages) {
        if (field.endsWith(QStringLiteral("title.") + language))
            return QStringLiteral("title_") + language;
        if (field.endsWith(QStringLiteral("sections.") + language))
            return QStringLiteral("text_") + language;
    }
    return QStringLiteral("form");
}

}  // namespace

ClinicAgreementModel::ClinicAgreementModel(QObject *parent)
    : AsyncObject(parent)
{}

QStringList ClinicAgreementModel::sectionsOf(const QString &text)
{
    static const QRegularExpression blankLine(QStringLiteral("\\n\\s*\\n"));
    QStringList sections;
    for (const QString &part : text.split(blankLine, Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            sections << part.trimmed();
    return sections;
}

QString ClinicAgreementModel::textOf(const QStringList &sections)
{
    return sections.join(QStringLiteral("\n\n"));
}

void ClinicAgreementModel::show(const QJsonObject &text)
{
    m_version = text.value(QStringLiteral("version")).toString();
    for (const QString &language : kLanguages) {
        m_titles.insert(language, text.value(QStringLiteral("title")).toObject().value(language).toString());
        QStringList sections;
        for (const auto &section : text.value(QStringLiteral("sections")).toObject().value(language).toArray())
            sections << section.toString();
        m_texts.insert(language, textOf(sections));
    }
    emit textChanged();
}

void ClinicAgreementModel::setErrors(QVariantMap errors)
{
    if (m_errors == errors)
        return;
    m_errors = std::move(errors);
    emit errorsChanged();
}

void ClinicAgreementModel::reload()
{
    if (!session() || !session()->signedIn())
        return;
    run<Result<QJsonObject>>([](registry::Registry &registry) { return registry.clinicAgreementText(); },
                             [this](Result<QJsonObject> text) {
                                 if (!text) {
                                     setMessage(text.error().line(), true);
                                     return;
                                 }
                                 show(*text);
                             });
}

void ClinicAgreementModel::save(const QString &titleEn, const QString &titleEs, const QString &textEn,
                                const QString &textEs)
{
    if (loading())
        return;
    if (!session() || !session()->signedIn()) {
        setMessage(tr("Sign in to save."), true);
        return;
    }
    const QHash<QString, QString> titles{{QStringLiteral("en"), titleEn.trimmed()},
                                         {QStringLiteral("es"), titleEs.trimmed()}};
    const QHash<QString, QStringList> sections{{QStringLiteral("en"), sectionsOf(textEn)},
                                               {QStringLiteral("es"), sectionsOf(textEs)}};
    // Each language is required: every empty field says so at once.
    QVariantMap errors;
    for (const QString &language : kLanguages) {
        if (titles.value(language).isEmpty())
            errors.insert(QStringLiteral("title_") + language, tr("Required."));
        if (sections.value(language).isEmpty())
            errors.insert(QStringLiteral("text_") + language, tr("Required."));
    }
    setErrors(errors);
    if (!errors.isEmpty()) {
        setMessage(tr("Check the marked fields. Nothing was saved."), true);
        return;
    }
    QJsonObject titleJson;
    QJsonObject sectionsJson;
    for (const QString &language : kLanguages) {
        titleJson.insert(language, titles.value(language));
        sectionsJson.insert(language, QJsonArray::fromStringList(sections.value(language)));
    }
    const QJsonObject text{{QStringLiteral("title"), titleJson}, {QStringLiteral("sections"), sectionsJson}};
    run<Result<QJsonObject>>([text](registry::Registry &registry) { return registry.saveClinicAgreementText(text); },
                             [this](Result<QJsonObject> saved) {
                                 if (!saved) {
                                     // The registry's check (a section too long, no permission): under its field when
                                     // it names one; nothing was written.
                                     const QString field = screenFieldOf(saved.error().field);
                                     if (field != QLatin1String("form"))
                                         setErrors({{field, saved.error().message}});
                                     setMessage(saved.error().line(), true);
                                     return;
                                 }
                                 show(*saved);
                                 setMessage(tr("Saved as version %1. Patients are shown this text from now on.")
                                                .arg(saved->value(QStringLiteral("version")).toString()),
                                            false);
                                 emit this->saved(m_version);
                             });
}

}  // namespace cairn::app
