#include "sync/server/sql_connection.h"

#include "sync/protocol/push_text.h"

namespace cairn::sync {

QString textList(const QStringList &texts)
{
    return QString::fromUtf8(textArray(texts));
}

QByteArray withTextList(const char *sql, const char *list)
{
    return QByteArray(sql).replace("@TEXT_LIST@", list);
}

}  // namespace cairn::sync
