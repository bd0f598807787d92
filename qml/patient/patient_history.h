#pragma once
// A patient's history for the patient screen, computed in C++ from the loaded domain::Patient:
// the PEG average over time, total MME per day at each change of the regimen, and a timeline of
// urine drug screens, PDMP checks, agreements, naloxone and visits, newest first.

#include "core/clinical/instruments.h"
#include "core/clinical/mme.h"
#include "core/domain/clinic_resource.h"
#include "core/domain/records.h"

#include <QAbstractListModel>
#include <QDate>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

struct SeriesPoint {
    QDate date;
    double value = 0;
};

// One point per PEG record, oldest first: the mean of pain, enjoyment and activity (0-10).
QList<SeriesPoint> pegSeries(const domain::Patient &patient);

// Total MME per day on each date the regimen changed (an entry starts, or the day after one ends),
// up to and including `today`, oldest first. When an entry has no start date the history cannot be
// built: the result is the single point (today, current total) and `*complete` is false. Entries
// the MME calculation refuses (unknown drug, missing strength) make the whole series empty.
QList<SeriesPoint> mmeSeries(const domain::Patient &patient, const clinical::MmeTable &table, const QDate &today,
                             bool *complete = nullptr);

// Where a MOUD status refers the patient, in words: the directory resource's name, else the free
// text of a record from before the directory; empty when it names neither.
QString moudReferredTo(const domain::MoudStatus &status, const QList<domain::ClinicResource> &resources);

// The timeline, newest first (same day: visits, UDS, PDMP, agreements, naloxone, medications,
// goals, refill requests, reviews, taper plans, screens). Read-only; each row names its record so that it can be
// corrected or withdrawn. Roles:
//   date       QString  "YYYY-MM-DD" (empty when the record has no date)
//   dateLabel  QString  the date in the current locale's short format, or "No date"
//   kind       QString  "visit", "uds", "pdmp", "agreement", "naloxone"
//   kindLabel  QString  the kind in words ("Urine drug screen", ...)
//   summary    QString  one line: the result, finding, action or status in words
//   recordId   QString  the record's id (what "Correct" and "Withdraw" act on)
//   formKind   QString  the stored record kind ("visit", "uds", "pdmp_check", "opioid", ...)
// Qt::DisplayRole is "kindLabel: summary".
class HistoryListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A patient's timeline comes from PatientViewModel.history.")
    Q_PROPERTY(int count READ countProperty NOTIFY countChanged)
public:
    enum Roles {
        DateRole = Qt::UserRole + 1,
        DateLabelRole,
        KindRole,
        KindLabelRole,
        SummaryRole,
        RecordIdRole,
        FormKindRole
    };
    Q_ENUM(Roles)
    explicit HistoryListModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int countProperty() const { return static_cast<int>(m_rows.size()); }

    // `scores` are the rules' screening scores (Evaluation::scores, in the patient's order), so
    // that a screen's row says its result as the rules scored it; `resources` the clinic's
    // directory, so that a row names the resource a record refers to.
    void setPatient(const domain::Patient &patient, const QList<clinical::ScreeningScore> &scores = {},
                    const QList<domain::ClinicResource> &resources = {});
    void clear();

signals:
    void countChanged();

private:
    struct Row {
        QDate date;
        int order = 0;  // same-day tie-break
        QString kind;
        QString kindLabel;
        QString summary;
        QString recordId;  // the current version's id: what a correction supersedes
        QString formKind;  // the stored kind, for the form that corrects it ("pdmp_check", ...)
    };
    QList<Row> m_rows;
};

}  // namespace cairn::app
