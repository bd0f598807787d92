#include "core/reports/record_words.h"

#include "core/domain/clinic_resource.h"

#include <QCoreApplication>
#include <QLocale>

#include <iterator>

namespace cairn::reports {
namespace {

// Category words, by stored name, in the directory's order (domain::resourceCategoryNames()).
const char *const kCategoryWords[] = {
    QT_TRANSLATE_NOOP("ResourceCategory", "Addiction treatment"),
    QT_TRANSLATE_NOOP("ResourceCategory", "Buprenorphine / MOUD prescriber"),
    QT_TRANSLATE_NOOP("ResourceCategory", "Behavioral health"),
    QT_TRANSLATE_NOOP("ResourceCategory", "Pain specialist"),
    QT_TRANSLATE_NOOP("ResourceCategory", "Physical therapy"),
    QT_TRANSLATE_NOOP("ResourceCategory", "Other non-drug therapy"),
    QT_TRANSLATE_NOOP("ResourceCategory", "Social work"),
    QT_TRANSLATE_NOOP("ResourceCategory", "Crisis line"),
};

}  // namespace

QString resourceCategoryWords(const QString &category)
{
    const qsizetype index = domain::resourceCategoryNames().indexOf(category);
    if (index < 0 || index >= static_cast<qsizetype>(std::size(kCategoryWords)))
        return category;
    return QCoreApplication::translate("ResourceCategory", kCategoryWords[index]);
}

QString languageWords(const QString &code)
{
    if (code == QLatin1String("en"))
        return QCoreApplication::translate("Labels", "English");
    if (code == QLatin1String("es"))
        return QCoreApplication::translate("Labels", "Spanish");
    // Qt 6.4 names a language only in itself; better than a code the reader may not know.
    const QLocale locale(code);
    if (code.isEmpty() || locale.language() == QLocale::C)
        return code;
    return locale.nativeLanguageName();
}

}  // namespace cairn::reports
