#pragma once
// Text folding for search: case- and accent-insensitive ("José MARÍA" → "jose maria"), so every
// search (registry list, worklists, the database's search column) matches the same way.

#include <QString>

namespace cairn::domain {

QString foldForSearch(const QString &text);
// True when every word of `query` occurs in `foldedText` (already folded).
bool matchesSearch(const QString &foldedText, const QString &query);

}  // namespace cairn::domain
