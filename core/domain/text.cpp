#include "core/domain/text.h"

#include <QStringList>

namespace cairn::domain {

QString patientSearchKey(const QString &name, const QString &clinicId)
{
    return foldForSearch(name + QLatin1Char(' ') + clinicId);
}

QString foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            folded.append(c.toCaseFolded());
    }
    return folded.simplified();
}

bool matchesSearch(const QString &foldedText, const QString &query)
{
    const QStringList words = foldForSearch(query).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::all_of(words.cbegin(), words.cend(), [&](const QString &word) { return foldedText.contains(word); });
}

QString quotedInput(const QString &text, qsizetype maxChars)
{
    QString quoted = text.left(maxChars);
    if (!quoted.isEmpty() && quoted.back().isHighSurrogate())
        quoted.chop(1);  // the cut fell inside a character
    for (QChar &c : quoted) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line ||
            category == QChar::Separator_Paragraph)
            c = QChar::ReplacementCharacter;
    }
    return quoted;
}

}  // namespace cairn::domain
