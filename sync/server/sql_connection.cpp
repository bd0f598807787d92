#include "sync/server/sql_connection.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cairn::sync {

QString textList(const QStringList &texts)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(texts)).toJson(QJsonDocument::Compact));
}

QByteArray withTextList(const char *sql, const char *list)
{
    return QByteArray(sql).replace("@TEXT_LIST@", list);
}

}  // namespace cairn::sync
