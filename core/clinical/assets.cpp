#include "core/clinical/assets.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include "cairn_build_paths.h"

namespace cairn::clinical {

QString clinicalAssetsDir()
{
    const QString root = qEnvironmentVariable("CAIRN_ASSETS_DIR", QStringLiteral(CAIRN_DEFAULT_ASSETS_DIR));
    return QDir(root).filePath(QStringLiteral("clinical"));
}

Result<QJsonObject> loadJsonAsset(const QString &relativePath)
{
    const QString path = QDir(clinicalAssetsDir()).filePath(relativePath);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{relativePath, QStringLiteral("cannot read clinical data file %1").arg(path)};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error{relativePath, QStringLiteral("is not valid JSON: %1").arg(parseError.errorString())};
    return doc.object();
}

QString textIn(const QJsonValue &text, const QString &language)
{
    if (!text.isObject())
        return text.toString();
    const QJsonObject byLanguage = text.toObject();
    const QString wanted = byLanguage.value(language).toString();
    return wanted.isEmpty() ? byLanguage.value(QStringLiteral("en")).toString() : wanted;
}

}  // namespace cairn::clinical
