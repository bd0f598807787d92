#include "qml/viewmodels/labels.h"

#include <QCoreApplication>

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
