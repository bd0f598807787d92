#include "qml/reports/worklist_export.h"

#include "core/interop/worklist_export.h"
#include "core/registry/registry.h"
#include "core/registry/views.h"

#include <QFile>

namespace cairn::app {

WorklistExport::WorklistExport(QObject *parent)
    : AsyncObject(parent)
{}

void WorklistExport::exportTo(const QUrl &file)
{
    if (!session() || !session()->signedIn())
        return;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) {
        setMessage(tr("Choose where to save the worklist."), true);
        return;
    }
    clinical::WorklistFilter filter;
    filter.gapCode = m_gapCode;
    filter.prescriber = m_prescriber;
    filter.band = m_band;
    filter.tier = m_tier;
    filter.search = m_search;
    const QDate asOf = m_today.isValid() ? m_today : clinicToday();
    const interop::SheetFormat format = interop::sheetFormatFor(path);
    struct Written {
        int gaps = 0;
        int patients = 0;
    };
    run<Result<Written>>(
        [filter, asOf, format, path](registry::Registry &registry) -> Result<Written> {
            // Patient data leaving the tablet: the export permission, as well as the worklist's.
            if (!keys::can(registry.user().role, keys::Permission::ExportData))
                return Error{QStringLiteral("export"), WorklistExport::tr("Your role may not export patient lists."),
                             ErrorCode::NotAllowed};
            auto loaded = registry::evaluateForView(registry, registry::View::GapWorklist, asOf);  // audited
            if (!loaded)
                return loaded.error();
            const auto worklist = clinical::worklist(loaded->evaluations, filter);
            const interop::OutputTable table = interop::gapWorklistTable(worklist);
            auto bytes = interop::writeSheet(table, format);
            if (!bytes)
                return bytes.error();
            // Made in memory; the chosen file is the only place it is written.
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(*bytes) != bytes->size() ||
                !out.flush()) {
                out.remove();
                return Error{QStringLiteral("file"),
                             WorklistExport::tr("Could not save the worklist to %1.").arg(path)};
            }
            return Written{int(table.rows.size()), int(worklist.size())};
        },
        [this, path](Result<Written> written) {
            if (!written) {
                setMessage(written.error().line(), true);
                return;
            }
            setMessage(
                tr("%1 open gaps of %2 patients saved to %3.").arg(written->gaps).arg(written->patients).arg(path),
                false);
            emit exported(path);
        });
}

}  // namespace cairn::app
