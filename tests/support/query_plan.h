#pragma once
// SQLite's plan of a statement, one step a line (EXPLAIN QUERY PLAN's detail column), for the
// tests that check each hot query searches an index rather than scanning.

#include "core/storage/database.h"

#include <QByteArray>
#include <QStringList>

namespace cairn::testing {

inline QStringList queryPlan(storage::Database &db, const QByteArray &sql)
{
    auto stmt = db.prepare(("EXPLAIN QUERY PLAN " + sql).constData());
    if (!stmt)
        return {QStringLiteral("cannot prepare: ") + stmt.error().line()};
    QStringList steps;
    while (stmt->next())
        steps << stmt->text(3);
    return steps;
}

}  // namespace cairn::testing
