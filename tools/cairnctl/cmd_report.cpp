// cairnctl report: the monthly leadership report as a PDF, rendered in memory and written only to
// the file the user names.

#include "core/registry/views.h"
#include "core/reports/monthly_report.h"
#include "tools/cairnctl/cli_language.h"
#include "tools/cairnctl/cli_registry.h"

#include <QFile>
#include <QTranslator>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

int runReport(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    QStringList args = arguments;
    auto month = takeOption(args, QStringLiteral("--month"));
    auto pdf = takeOption(args, QStringLiteral("--pdf"));
    auto lang = takeOption(args, QStringLiteral("--lang"));
    const bool staff = takeFlag(args, QStringLiteral("--staff-summary"));
    for (const auto *option : {&month, &pdf, &lang})
        if (!*option)
            return fail(io, option->error(), BadInput);
    if (auto s = noMoreArguments(args); !s)
        return fail(io, s.error(), BadInput);
    const QDate first = QDate::fromString(*month + QStringLiteral("-01"), Qt::ISODate);
    if (month->size() != 7 || !first.isValid())
        return fail(io, {QStringLiteral("--month"), QStringLiteral("must be a month written YYYY-MM")}, BadInput);
    if (pdf->isEmpty())
        return fail(io, {QStringLiteral("--pdf"), QStringLiteral("name the file to write the report to")}, BadInput);

    // The report's words and month names in the language asked for (English by default).
    QTranslator translator;
    if (auto language = useDocumentLanguage(*lang, translator); !language)
        return fail(io, language.error(), BadInput);

    auto open = openRegistry(options, kClock);
    if (!open)
        return fail(io, open.error());
    // The measures view's permission and audit: a report is a read of every patient.
    auto loaded = registry::loadForView(*open->registry, registry::View::MonthlyMeasures);
    if (!loaded)
        return fail(io, loaded.error());
    const bool named = !staff && reports::mayPrintPatientLists(open->registry->user().role);
    auto input = reports::monthlyReportInput(loaded->patients, first.year(), first.month(), loaded->rules.context(),
                                             named, kClock.now().date());
    if (!input)
        return fail(io, input.error());
    const QByteArray bytes = reports::renderMonthlyReport(*input, staff ? reports::ReportEdition::StaffSummary
                                                                        : reports::ReportEdition::Full);

    // Straight to the named file: no temporary copy of a document that may name patients.
    QFile out(*pdf);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size() || !out.flush()) {
        out.remove();
        return fail(io, {QStringLiteral("--pdf"), QStringLiteral("cannot write %1").arg(*pdf)});
    }
    out.close();
    *io.out << (staff ? "staff summary" : "report") << " for " << input->month << " written to " << *pdf
            << (named ? " (with the patients behind the measures off target)" : "") << '\n';
    return Success;
}

}  // namespace

CAIRN_CLI_DRAWING_COMMAND(
    "report",
    "report --month YYYY-MM --pdf FILE [--staff-summary] [--lang en|es]: the monthly measures report "
    "as a PDF",
    runReport);

}  // namespace cairn::cli
