#include "core/clinical/script_values.h"

#include <QLocale>
#include <QStringList>

namespace cairn::clinical {
namespace {

QString days(int n, bool spanish)
{
    if (spanish)
        return n == 1 ? QStringLiteral("1 día") : QStringLiteral("%1 días").arg(n);
    return n == 1 ? QStringLiteral("1 day") : QStringLiteral("%1 days").arg(n);
}

QString businessDays(int n, bool spanish)
{
    if (spanish)
        return n == 1 ? QStringLiteral("1 día hábil") : QStringLiteral("%1 días hábiles").arg(n);
    return n == 1 ? QStringLiteral("1 business day") : QStringLiteral("%1 business days").arg(n);
}

// "Monday and Friday" / "lunes y viernes": a list after a colon reads right in both languages.
QString weekdayList(const QList<int> &weekdays, bool spanish)
{
    const QLocale locale(spanish ? QLocale::Spanish : QLocale::English,
                         spanish ? QLocale::Mexico : QLocale::UnitedStates);
    QStringList names;
    for (int day : weekdays)
        names.append(spanish ? locale.dayName(day).toLower() : locale.dayName(day));
    if (names.size() < 2)
        return names.join(QString());
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + (spanish ? QStringLiteral(" y ") : QStringLiteral(" and ")) + last;
}

}  // namespace

QHash<QString, QString> scriptPolicyTexts(const ClinicPolicy &policy, const QString &language)
{
    const bool spanish = language == QLatin1String("es");
    QHash<QString, QString> texts;
    if (policy.noFillWeekdays.isEmpty())
        texts.insert(QStringLiteral("refill.no_fill_weekdays"),
                     spanish ? QStringLiteral("Surtimos recetas cualquier día que la clínica esté abierta.")
                             : QStringLiteral("We fill prescriptions on any day the clinic is open."));
    else
        texts.insert(QStringLiteral("refill.no_fill_weekdays"),
                     (spanish ? QStringLiteral("No surtimos recetas estos días: %1.")
                              : QStringLiteral("We do not fill prescriptions on these days: %1."))
                         .arg(weekdayList(policy.noFillWeekdays, spanish)));
    texts.insert(QStringLiteral("refill.max_days_supply"), days(policy.maxDaysSupply, spanish));
    texts.insert(QStringLiteral("refill.notice_business_days"), businessDays(policy.noticeBusinessDays, spanish));
    texts.insert(QStringLiteral("refill.early_allowance_days"), days(policy.earlyAllowanceDays, spanish));
    if (policy.lostOrStolenNeedsPoliceReport)
        texts.insert(QStringLiteral("refill.lost_or_stolen_needs_police_report"),
                     spanish ? QStringLiteral("Una receta perdida o robada solo se repone con un reporte policial.")
                             : QStringLiteral("A lost or stolen prescription is replaced only with a police report."));
    else
        texts.insert(QStringLiteral("refill.lost_or_stolen_needs_police_report"),
                     spanish ? QStringLiteral("Una receta perdida o robada solo se repone después de que su clínico "
                                              "revise lo que pasó.")
                             : QStringLiteral("A lost or stolen prescription is replaced only after your clinician "
                                              "reviews what happened."));
    return texts;
}

}  // namespace cairn::clinical
