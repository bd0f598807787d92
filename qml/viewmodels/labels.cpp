#include "qml/viewmodels/labels.h"

#include <QCoreApplication>
#include <QHash>

namespace cairn::app {

QString roleLabel(keys::Role role)
{
    switch (role) {
    case keys::Role::MedicalAssistant:
        return QCoreApplication::translate("Labels", "Medical assistant");
    case keys::Role::Nurse:
        return QCoreApplication::translate("Labels", "Nurse");
    case keys::Role::Clinician:
        return QCoreApplication::translate("Labels", "Clinician");
    case keys::Role::RegistryManager:
        return QCoreApplication::translate("Labels", "Registry manager");
    case keys::Role::Administrator:
        return QCoreApplication::translate("Labels", "Administrator");
    }
    return {};
}

QString tierLabel(const QString &tier)
{
    if (tier == QLatin1String("low"))
        return QCoreApplication::translate("Labels", "Low risk");
    if (tier == QLatin1String("moderate"))
        return QCoreApplication::translate("Labels", "Moderate risk");
    if (tier == QLatin1String("high"))
        return QCoreApplication::translate("Labels", "High risk");
    return QCoreApplication::translate("Labels", "Not assessed");
}

}  // namespace cairn::app

namespace cairn::app {

QString gapLabel(const QString &code)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("AGREEMENT"), QT_TRANSLATE_NOOP("Labels", "Agreement")},
        {QStringLiteral("PDMP_CHECK"), QT_TRANSLATE_NOOP("Labels", "PDMP check")},
        {QStringLiteral("UDS"), QT_TRANSLATE_NOOP("Labels", "Urine test")},
        {QStringLiteral("VISIT"), QT_TRANSLATE_NOOP("Labels", "Visit")},
        {QStringLiteral("PEG"), QT_TRANSLATE_NOOP("Labels", "PEG score")},
        {QStringLiteral("DEPRESSION_SCREEN"), QT_TRANSLATE_NOOP("Labels", "Depression screen")},
        {QStringLiteral("PHQ9_FOLLOWUP"), QT_TRANSLATE_NOOP("Labels", "PHQ-9 follow-up")},
        {QStringLiteral("SUICIDE_RISK"), QT_TRANSLATE_NOOP("Labels", "Safety: PHQ-9 item 9")},
        {QStringLiteral("NALOXONE"), QT_TRANSLATE_NOOP("Labels", "Naloxone")},
        {QStringLiteral("HIGH_DOSE"), QT_TRANSLATE_NOOP("Labels", "High dose")},
        {QStringLiteral("BENZODIAZEPINE"), QT_TRANSLATE_NOOP("Labels", "Benzodiazepine")},
        {QStringLiteral("UDS_UNEXPECTED"), QT_TRANSLATE_NOOP("Labels", "Unexpected urine result")},
        {QStringLiteral("RISK_ASSESSMENT"), QT_TRANSLATE_NOOP("Labels", "Risk assessment")},
    };
    const auto it = labels.constFind(code);
    return it == labels.cend() ? code : QCoreApplication::translate("Labels", it.value());
}

QString gapStatusLabel(const QString &status)
{
    if (status == QLatin1String("missing"))
        return QCoreApplication::translate("Labels", "missing");
    if (status == QLatin1String("overdue"))
        return QCoreApplication::translate("Labels", "overdue");
    if (status == QLatin1String("due_soon"))
        return QCoreApplication::translate("Labels", "due soon");
    return QCoreApplication::translate("Labels", "alert");
}

}  // namespace cairn::app
