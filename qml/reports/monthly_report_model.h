#pragma once
// The monthly leadership report on the tablet (issue 17 item 5): the month (last month unless
// chosen) and the edition, made offline on the registry thread with the same renderer and the same
// rules as `cairnctl report`, and shown from memory (PdfPages). Editions a role may not print are
// never offered, and refused if asked for (reports::mayPrintPatientLists, the one rule). The
// report's words follow the tablet's language.

#include "qml/app/async_model.h"
#include "qml/reports/pdf_pages.h"

#include <QDate>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class MonthlyReportModel : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    // "YYYY-MM"; empty: the last complete month.
    Q_PROPERTY(QString month READ month WRITE setMonth NOTIFY monthChanged)
    // The twelve months ending with the last complete one, newest first: {value: "YYYY-MM", text}.
    Q_PROPERTY(QVariantList monthChoices READ monthChoices NOTIFY sessionChanged)
    Q_PROPERTY(Edition edition READ edition WRITE setEdition NOTIFY editionChanged)
    // The editions the signed-in role is offered, in order: {value: Edition, text}.
    Q_PROPERTY(QVariantList editionChoices READ editionChoices NOTIFY editionChoicesChanged)
    // Where `edition` is in editionChoices (-1: not among them).
    Q_PROPERTY(int editionIndex READ editionIndex NOTIFY editionIndexChanged)
    Q_PROPERTY(cairn::app::PdfPages *pages READ pages CONSTANT)

public:
    enum Edition {
        StaffSummary,      // the one page for the staff meeting, no patient named
        Full,              // summary, twelve months, by prescriber
        FullWithPatients,  // and the patients behind each measure off target (registry manager)
    };
    Q_ENUM(Edition)

    explicit MonthlyReportModel(QObject *parent = nullptr);

    QString month() const;
    void setMonth(const QString &month);
    QVariantList monthChoices() const;
    Edition edition() const { return m_edition; }
    void setEdition(Edition edition);
    QVariantList editionChoices() const;
    int editionIndex() const;
    PdfPages *pages() { return &m_pages; }
    void setToday(const QDate &today) { m_today = today; }

    // Makes the report for the month and edition chosen; the pages show it when it is ready.
    Q_INVOKABLE void generate();

signals:
    void monthChanged();
    void editionChanged();
    void editionChoicesChanged();
    void editionIndexChanged();

private:
    bool offered(Edition edition) const;
    QDate lastCompleteMonth() const;
    QString m_month;
    Edition m_edition = StaffSummary;
    QDate m_today;
    PdfPages m_pages;
};

}  // namespace cairn::app
