#pragma once
// The registry's small tables beside the records: `meta` (its identity, the clock's last stamp, sync
// cursors, rooming drafts: one text value per key) and `users` (the users the key file holds slots
// for, with when they were added and removed). Call the writers inside a Transaction.

#include "core/domain/result.h"

#include <QString>

namespace cairn::storage {

class Database;

class MetaStore {
public:
    explicit MetaStore(Database &db)
        : m_db(db)
    {}

    // The value stored under `key`; empty when there is none.
    Result<QString> value(const QString &key);
    Status setValue(const QString &key, const QString &value);
    Status remove(const QString &key);

    // `role` is the role's stored name (keys::toString); times are ISO 8601 UTC.
    Status addUser(const QString &id, const QString &name, const QString &role, const QString &createdAt);
    Status markUserRemoved(const QString &id, const QString &removedAt);

    // The schema version migrations brought the file to, and SQLCipher's version.
    Result<int> schemaVersion();
    Result<QString> cipherVersion();

private:
    Database &m_db;
};

}  // namespace cairn::storage
