#include "core/interop/worklist_export.h"

#include "core/clinical/mme.h"
#include "core/clinical/rules.h"
#include "core/interop/spreadsheet.h"

#include <QFileInfo>

namespace cairn::interop {

SheetFormat sheetFormatFor(const QString &fileName)
{
    return QFileInfo(fileName).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0 ? SheetFormat::Xlsx
                                                                                                 : SheetFormat::Csv;
}

OutputTable gapWorklistTable(const QList<clinical::PatientEvaluation> &worklist)
{
    OutputTable table;
    table.sheetName = QStringLiteral("Gap worklist");
    table.header = {QStringLiteral("patient"),   QStringLiteral("clinic_id"),   QStringLiteral("prescriber"),
                    QStringLiteral("risk_tier"), QStringLiteral("mme_per_day"), QStringLiteral("band"),
                    QStringLiteral("gap"),       QStringLiteral("status"),      QStringLiteral("due"),
                    QStringLiteral("role"),      QStringLiteral("reason")};
    using K = CellKind;
    table.kinds = {K::Text, K::Text, K::Text, K::Text, K::Number, K::Text, K::Text, K::Text, K::Date, K::Text, K::Text};
    for (const auto &pe : worklist)
        for (const auto &g : pe.evaluation.gaps)
            table.rows << QStringList{pe.patient->name,
                                      pe.patient->clinicId,
                                      pe.patient->prescriber,
                                      domain::toString(pe.evaluation.tier),
                                      QString::number(clinical::roundToTenth(pe.evaluation.mme.totalPerDay)),
                                      clinical::toString(pe.evaluation.mme.band),
                                      g.code,
                                      clinical::toString(g.status),
                                      g.due.isValid() ? g.due.toString(Qt::ISODate) : QString(),
                                      g.role,
                                      g.reason};
    return table;
}

Result<QByteArray> writeSheet(const OutputTable &table, SheetFormat format)
{
    if (format == SheetFormat::Xlsx)
        return writeXlsx(table);
    return writeCsv(table.header, table.rows);
}

}  // namespace cairn::interop
