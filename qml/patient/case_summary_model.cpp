#include "qml/patient/case_summary_model.h"

#include "core/registry/registry.h"
#include "core/registry/views.h"
#include "core/reports/result_words.h"
#include "qml/app/labels.h"
#include "qml/app/language.h"

#include <QFile>
#include <QJsonArray>

namespace cairn::app {

CaseSummaryModel::CaseSummaryModel(QObject *parent)
    : AsyncObject(parent)
{
    // The words follow a language switch without reading the record again.
    if (Language *language = Language::instance())
        connect(language, &Language::currentChanged, this, [this] {
            if (m_summary)
                sayInTheReadersWords();
        });
}

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
            sayInTheReadersWords();
        });
}

// The summary's JSON form for the screen, with what it shows in words in the reader's language:
// each gap's reason, and each screening's and urine test's result in the words the PDF uses
// ("result_words", core/reports/result_words.h).
void CaseSummaryModel::sayInTheReadersWords()
{
    QJsonObject json = reports::caseSummaryToJson(*m_summary);
    QJsonArray gaps = json.value(QStringLiteral("open_gaps")).toArray();
    for (qsizetype i = 0; i < gaps.size(); ++i) {
        QJsonObject gap = gaps.at(i).toObject();
        gap.insert(QStringLiteral("reason"),
                   clinical::gapReason(gap.value(QStringLiteral("code")).toString(), uiLanguage()));
        gaps.replace(i, gap);
    }
    json.insert(QStringLiteral("open_gaps"), gaps);
    // One entry per score, in the summary's order.
    QJsonArray screenings = json.value(QStringLiteral("screenings")).toArray();
    for (qsizetype i = 0; i < screenings.size() && i < m_summary->scores.size(); ++i) {
        QJsonObject screening = screenings.at(i).toObject();
        screening.insert(QStringLiteral("result_words"), reports::screeningResultWords(m_summary->scores.at(i)));
        screenings.replace(i, screening);
    }
    json.insert(QStringLiteral("screenings"), screenings);
    QJsonArray uds = json.value(QStringLiteral("uds")).toArray();
    for (qsizetype i = 0; i < uds.size(); ++i) {
        QJsonObject test = uds.at(i).toObject();
        domain::UdsResult result = domain::UdsResult::Pending;
        const QString stored = test.value(QStringLiteral("result")).toString();
        test.insert(QStringLiteral("result_words"),
                    domain::parse(stored, &result) ? reports::urineResultWords(result) : stored);
        uds.replace(i, test);
    }
    json.insert(QStringLiteral("uds"), uds);
    m_map = json.toVariantMap();
    emit summaryChanged();
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
