#pragma once
// The gap worklist leaves the tablet as a spreadsheet (issue 17 item 4's last sentence): the
// Registry screen's filters, the same table as `cairnctl gaps --csv/--xlsx`
// (interop::gapWorklistTable), made in memory on the registry thread and written only to the file
// the user chose; CSV or XLSX by that file's name. Offered to the roles that may export data.

#include "qml/app/async_model.h"

#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class WorklistExport : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    // The Registry screen's filters (RosterModel's, same meanings; empty: any).
    Q_PROPERTY(QString gapCode MEMBER m_gapCode NOTIFY filtersChanged)
    Q_PROPERTY(QString prescriber MEMBER m_prescriber NOTIFY filtersChanged)
    Q_PROPERTY(QString band MEMBER m_band NOTIFY filtersChanged)
    Q_PROPERTY(QString tier MEMBER m_tier NOTIFY filtersChanged)
    Q_PROPERTY(QString search MEMBER m_search NOTIFY filtersChanged)

public:
    explicit WorklistExport(QObject *parent = nullptr);
    void setToday(const QDate &today) { m_today = today; }

    // Writes the worklist to `file` (a local file URL the user chose): XLSX when it ends in .xlsx,
    // CSV otherwise. Says where it went, or why not.
    Q_INVOKABLE void exportTo(const QUrl &file);

signals:
    void filtersChanged();
    void exported(const QString &path);

private:
    QString m_gapCode;
    QString m_prescriber;
    QString m_band;
    QString m_tier;
    QString m_search;
    QDate m_today;
};

}  // namespace cairn::app
