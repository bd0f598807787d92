#pragma once
// Text folding for search: case- and accent-insensitive ("José MARÍA" → "jose maria"), so every
// search (registry list, worklists, the database's search column) matches the same way.

#include <QString>

namespace cairn::domain {

QString foldForSearch(const QString &text);
// What a patient is found and listed by: name, then chart number, folded. Lists of patients come
// in this order (then by id), from the database's search column and in memory alike.
QString patientSearchKey(const QString &name, const QString &clinicId);
// True when every word of `query` occurs in `foldedText` (already folded).
bool matchesSearch(const QString &foldedText, const QString &query);

// Input as an error message quotes it: at most maxChars characters, line breaks and other
// control characters shown as U+FFFD, so the message stays one line whatever arrived (cairnctl
// promises one line on stderr; a server log line must not be split by a record).
QString quotedInput(const QString &text, qsizetype maxChars);

}  // namespace cairn::domain
