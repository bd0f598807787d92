#include "core/storage/meta_store.h"

#include "core/storage/database.h"

namespace cairn::storage {

Result<QString> MetaStore::value(const QString &key)
{
    auto stmt = m_db.cached("SELECT value FROM meta WHERE key = ?");
    if (!stmt)
        return stmt.error();
    Statement &select = **stmt;
    select.bind(1, key);
    if (!select.next())
        return select.status() ? Result<QString>(QString()) : Result<QString>(select.status().error());
    QString found = select.text(0);
    select.reset();
    return found;
}

Status MetaStore::setValue(const QString &key, const QString &value)
{
    auto stmt = m_db.cached(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return stmt.error();
    return (*stmt)->bind(1, key).bind(2, value).run();
}

Status MetaStore::remove(const QString &key)
{
    auto stmt = m_db.prepare("DELETE FROM meta WHERE key = ?");
    if (!stmt)
        return stmt.error();
    return stmt->bind(1, key).run();
}

Status MetaStore::addUser(const QString &id, const QString &name, const QString &role, const QString &createdAt)
{
    auto insert = m_db.prepare("INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    return insert->bind(1, id).bind(2, name).bind(3, role).bind(4, createdAt).run();
}

Status MetaStore::markUserRemoved(const QString &id, const QString &removedAt)
{
    auto mark = m_db.prepare("UPDATE users SET removed_at = ? WHERE id = ?");
    if (!mark)
        return mark.error();
    return mark->bind(1, removedAt).bind(2, id).run();
}

Result<int> MetaStore::schemaVersion()
{
    auto version = m_db.scalarInt("PRAGMA user_version");
    if (!version)
        return version.error();
    return static_cast<int>(*version);
}

Result<QString> MetaStore::cipherVersion()
{
    return m_db.scalarText("PRAGMA cipher_version");
}

}  // namespace cairn::storage
