#pragma once
// Stored codes that the screens and the printed documents name alike, in the reader's words and
// language: a resource category (also a referral's kind of care) and a patient's language. The
// tablet's screens and the case summary PDF both call these, so one table names each code. The
// language is the installed translator's (catalogues "ResourceCategory" and "Labels").

#include <QString>

namespace cairn::reports {

// "pain_specialist" → "Pain specialist" / "Especialista en dolor"; anything else (a referral's
// free-text kind of care) as recorded.
QString resourceCategoryWords(const QString &category);
// "en" → "English" / "inglés"; a code the table lacks by the language's own name ("français"),
// or as recorded when Qt does not know it.
QString languageWords(const QString &code);

}  // namespace cairn::reports
