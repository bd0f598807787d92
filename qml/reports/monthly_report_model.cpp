#include "qml/reports/monthly_report_model.h"

#include "core/registry/registry.h"
#include "core/registry/views.h"
#include "core/reports/monthly_report.h"

#include <QLocale>

namespace cairn::app {

MonthlyReportModel::MonthlyReportModel(QObject *parent)
    : AsyncObject(parent)
{
    // Another role signed in: the editions offered follow it.
    connect(this, &AsyncObject::sessionChanged, this, [this] {
        if (session())
            connect(session(), &Session::roleChanged, this, [this] {
                emit editionChoicesChanged();
                if (!offered(m_edition))
                    setEdition(StaffSummary);
                emit editionIndexChanged();
            });
        emit editionChoicesChanged();
        emit editionIndexChanged();
    });
}

QDate MonthlyReportModel::lastCompleteMonth() const
{
    const QDate today = m_today.isValid() ? m_today : clinicToday();
    return QDate(today.year(), today.month(), 1).addMonths(-1);
}

QString MonthlyReportModel::month() const
{
    return m_month.isEmpty() ? lastCompleteMonth().toString(QStringLiteral("yyyy-MM")) : m_month;
}

void MonthlyReportModel::setMonth(const QString &month)
{
    if (m_month == month)
        return;
    m_month = month;
    m_pages.clear();
    emit monthChanged();
}

QVariantList MonthlyReportModel::monthChoices() const
{
    QVariantList choices;
    const QDate last = lastCompleteMonth();
    for (int i = 0; i < 12; ++i) {
        const QDate first = last.addMonths(-i);
        choices << QVariantMap{{QStringLiteral("value"), first.toString(QStringLiteral("yyyy-MM"))},
                               {QStringLiteral("text"), QLocale().toString(first, QStringLiteral("MMMM yyyy"))}};
    }
    return choices;
}

bool MonthlyReportModel::offered(Edition edition) const
{
    if (edition != FullWithPatients)
        return true;
    keys::Role role{};
    return session() && keys::parse(session()->role(), &role) && reports::mayPrintPatientLists(role);
}

void MonthlyReportModel::setEdition(Edition edition)
{
    if (m_edition == edition)
        return;
    m_edition = edition;
    m_pages.clear();
    emit editionChanged();
    emit editionIndexChanged();
}

int MonthlyReportModel::editionIndex() const
{
    const QVariantList choices = editionChoices();
    for (qsizetype i = 0; i < choices.size(); ++i)
        if (choices.at(i).toMap().value(QStringLiteral("value")).toInt() == m_edition)
            return int(i);
    return -1;
}

QVariantList MonthlyReportModel::editionChoices() const
{
    QVariantList choices{
        QVariantMap{{QStringLiteral("value"), StaffSummary},
                    {QStringLiteral("text"), tr("Staff meeting summary (one page, no patient named)")}},
        QVariantMap{{QStringLiteral("value"), Full}, {QStringLiteral("text"), tr("Full report (no patient named)")}}};
    if (offered(FullWithPatients))
        choices << QVariantMap{
            {QStringLiteral("value"), FullWithPatients},
            {QStringLiteral("text"), tr("Full report with the patients behind each measure off target")}};
    return choices;
}

void MonthlyReportModel::generate()
{
    if (!session() || !session()->signedIn())
        return;
    const QDate first = QDate::fromString(month() + QStringLiteral("-01"), Qt::ISODate);
    if (!first.isValid()) {
        setMessage(tr("Choose the month of the report."), true);
        return;
    }
    const Edition edition = m_edition;
    const QDate madeOn = m_today.isValid() ? m_today : clinicToday();
    m_pages.clear();
    // On the registry thread: reading every patient and laying out the pages takes a while.
    run<Result<QByteArray>>(
        [first, edition, madeOn](registry::Registry &registry) -> Result<QByteArray> {
            const bool named = edition == FullWithPatients;
            // The registry's own user, as cairnctl checks it: never a list the role may not print.
            if (named && !reports::mayPrintPatientLists(registry.user().role))
                return Error{
                    QStringLiteral("edition"),
                    MonthlyReportModel::tr("Only the registry manager may print the patients behind the measures."),
                    ErrorCode::NotAllowed};
            auto loaded = registry::loadForView(registry, registry::View::MonthlyMeasures);  // audited
            if (!loaded)
                return loaded.error();
            auto input = reports::monthlyReportInput(loaded->patients, first.year(), first.month(),
                                                     loaded->rules.context(), named, madeOn);
            if (!input)
                return input.error();
            return reports::renderMonthlyReport(*input, edition == StaffSummary ? reports::ReportEdition::StaffSummary
                                                                                : reports::ReportEdition::Full);
        },
        [this](Result<QByteArray> bytes) {
            if (!bytes) {
                setMessage(bytes.error().line(), true);
                return;
            }
            clearMessage();
            m_pages.setData(*bytes);
        });
}

}  // namespace cairn::app
