#pragma once
// The case summary on the tablet (issue 18 item 6): the same content as `cairnctl case-summary`
// (core/reports/case_summary.h) for the screen, and the printable PDF rendered in memory and
// written only to the file the user chose (savePdf). The patient is read through loadPatient, so
// opening the summary is audited as a view of the record.
//
// `summary` is the summary's JSON form as a map (caseSummaryToJson): the screen reads its sections,
// with the words it shows in the reader's language (gap reasons; results as "result_words").

#include "core/reports/case_summary.h"
#include "qml/app/async_model.h"

#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace cairn::app {

class CaseSummaryModel : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString patientId READ patientId WRITE setPatientId NOTIFY patientIdChanged)
    // The conference the summary is for ("" for none): its question heads the summary.
    Q_PROPERTY(QString conferenceId READ conferenceId WRITE setConferenceId NOTIFY patientIdChanged)
    Q_PROPERTY(QVariantMap summary READ summary NOTIFY summaryChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY summaryChanged)

public:
    explicit CaseSummaryModel(QObject *parent = nullptr);

    QString patientId() const { return m_patientId; }
    void setPatientId(const QString &id);
    QString conferenceId() const { return m_conferenceId; }
    void setConferenceId(const QString &id);
    QVariantMap summary() const { return m_map; }
    bool ready() const { return m_summary.has_value(); }
    void setToday(const QDate &today) { m_today = today; }

    Q_INVOKABLE void reload() override;
    // Renders the PDF in memory and writes it to `file` (a local file URL the user chose), nowhere
    // else. Says where it went, or why it could not.
    Q_INVOKABLE void savePdf(const QUrl &file);
    // The same PDF, in memory, for the PDF reader (nothing written).
    Q_INVOKABLE QByteArray pdf() const;

signals:
    void patientIdChanged();
    void summaryChanged();
    void saved(const QString &path);

private:
    QDate today() const { return m_today.isValid() ? m_today : clinicToday(); }
    void scheduleReload();
    void sayInTheReadersWords();
    bool m_reloadScheduled = false;
    QString m_patientId;
    QString m_conferenceId;
    QDate m_today;
    std::optional<reports::CaseSummary> m_summary;
    QVariantMap m_map;
};

}  // namespace cairn::app
