#include "platform/paths.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace cairn::platform {

QString defaultDataDir()
{
    QString dir = qEnvironmentVariable("CAIRN_DATA_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return dir;
}

QString defaultRegistryPath()
{
    return QDir(defaultDataDir()).filePath(QStringLiteral("registry.db"));
}

}  // namespace cairn::platform
