#include "qml/patient/case_summary_model.h"

#include "core/registry/registry.h"
#include "core/registry/views.h"
#include "qml/app/labels.h"

#include <QFile>
#include <QJsonArray>

namespace cairn::app {

CaseSummaryModel::CaseSummaryModel(QObject *parent)
    : AsyncObject(parent)
{}

void CaseSummaryModel::setPatientId(const QString &id)
{
    if (m_patientId == id)
        return;
    m_patientId = id;
    emit patientIdChanged();
    scheduleReload();
}

void CaseSummaryModel::setConferenceId(const QString &id)
{
    if (m_conferenceId == id)
        return;
    m_conferenceId = id;
    emit patientIdChanged();
    scheduleReload();
}

// The screen sets the patient and the conference one after the other: one read for both.
void CaseSummaryModel::scheduleReload()
{
    if (m_reloadScheduled)
        return;
    m_reloadScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_reloadScheduled = false;
            reload();
        },
        Qt::QueuedConnection);
}

void CaseSummaryModel::reload()
{
    if (!session() || !session()->signedIn() || m_patientId.isEmpty())
        return;
    const QString patientId = m_patientId;
    const QString conferenceId = m_conferenceId;
    const QDate asOf = today();
    run<Result<reports::CaseSummary>>(
        [patientId, conferenceId, asOf](registry::Registry &registry) -> Result<reports::CaseSummary> {
            auto view = registry::patientView(registry, patientId, asOf);  // audited as a view
            if (!view)
                return view.error();
            auto rules = registry::shippedRules();
            if (!rules)
                return rules.error();
            return reports::caseSummary(view->patient, view->evaluation, view->ltot, (*rules)->table, asOf,
                                        conferenceId);
        },
        [this](Result<reports::CaseSummary> summary) {
            if (!summary) {
                setMessage(summary.error().line(), true);
                return;
            }
            m_summary = std::move(summary).value();
            // The screen shows each gap's reason in its own language (the PDF is in English).
            QJsonObject json = reports::caseSummaryToJson(*m_summary);
            QJsonArray gaps = json.value(QStringLiteral("open_gaps")).toArray();
            for (qsizetype i = 0; i < gaps.size(); ++i) {
                QJsonObject gap = gaps.at(i).toObject();
                gap.insert(QStringLiteral("reason"),
                           clinical::gapReason(gap.value(QStringLiteral("code")).toString(), uiLanguage()));
                gaps.replace(i, gap);
            }
            json.insert(QStringLiteral("open_gaps"), gaps);
            m_map = json.toVariantMap();
            emit summaryChanged();
        });
}

QByteArray CaseSummaryModel::pdf() const
{
    return m_summary ? reports::renderCaseSummary(*m_summary) : QByteArray();
}

void CaseSummaryModel::savePdf(const QUrl &file)
{
    if (!m_summary)
        return;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) {
        setMessage(tr("Choose where to save the summary."), true);
        return;
    }
    // Rendered into memory; the chosen file is the only place it is written.
    const QByteArray bytes = reports::renderCaseSummary(*m_summary);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size() || !out.flush()) {
        out.remove();
        setMessage(tr("Could not save the summary to %1.").arg(path), true);
        return;
    }
    out.close();
    setMessage(tr("Summary saved to %1.").arg(path), false);
    emit saved(path);
}

}  // namespace cairn::app
