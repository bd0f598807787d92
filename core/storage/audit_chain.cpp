#include "core/storage/audit_chain.h"

#include <QCryptographicHash>

namespace cairn::storage {

const QString &auditGenesisHash()
{
    static const QString genesis(64, QLatin1Char('0'));
    return genesis;
}

QString chainedEntryHash(std::int64_t seq, const QStringList &fields, const QString &prevHash)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto add = [&hash](const QString &field) {
        const QByteArray utf8 = field.toUtf8();
        hash.addData(QByteArray::number(utf8.size()) + ':');
        hash.addData(utf8);
    };
    add(QString::number(seq));
    for (const QString &field : fields)
        add(field);
    add(prevHash);
    return QString::fromLatin1(hash.result().toHex());
}

}  // namespace cairn::storage
