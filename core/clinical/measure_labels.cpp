#include "core/clinical/measure_labels.h"

#include <QCoreApplication>
#include <QHash>

namespace cairn::clinical {
namespace {
// Where no catalogue is installed (cairnctl), "%n day(s)" comes back as written: the English plural
// is spelt out here.
QString withPlural(QString label, int n)
{
    return label.replace(QLatin1String("day(s)"), n == 1 ? QLatin1String("day") : QLatin1String("days"));
}
}  // namespace

// Every string is filed under "cairn::app::MeasuresModel", written out in each call so lupdate can read it (they
// were first written for the Measures screen, and the catalogue keeps them there).
QString measureLabel(const QString &id, int windowDays)
{
    // Measures whose window is in their name follow the policy's window (none given: the bare name).
    if (windowDays <= 0) {
        if (id == QLatin1String("pdmp_90d"))
            return QCoreApplication::translate("cairn::app::MeasuresModel", "PDMP checked");
        if (id == QLatin1String("pdmp_twice_365d"))
            return QCoreApplication::translate("cairn::app::MeasuresModel", "PDMP checked twice");
        if (id == QLatin1String("peg_90d"))
            return QCoreApplication::translate("cairn::app::MeasuresModel", "PEG recorded");
        if (id == QLatin1String("uds_365d"))
            return QCoreApplication::translate("cairn::app::MeasuresModel", "Urine test");
    }
    if (id == QLatin1String("pdmp_90d"))
        return withPlural(
            QCoreApplication::translate("cairn::app::MeasuresModel", "PDMP checked in %n day(s)", "", windowDays),
            windowDays);
    if (id == QLatin1String("pdmp_twice_365d"))
        return withPlural(
            QCoreApplication::translate("cairn::app::MeasuresModel", "PDMP checked twice in %n day(s)", "", windowDays),
            windowDays);
    if (id == QLatin1String("peg_90d"))
        return withPlural(QCoreApplication::translate("cairn::app::MeasuresModel", "PEG in %n day(s)", "", windowDays),
                          windowDays);
    if (id == QLatin1String("uds_365d"))
        return withPlural(
            QCoreApplication::translate("cairn::app::MeasuresModel", "Urine test in %n day(s)", "", windowDays),
            windowDays);
    static const QHash<QString, const char *> labels{
        {QStringLiteral("agreement_current"),
         QT_TRANSLATE_NOOP("cairn::app::MeasuresModel", "Treatment agreement current")},
        {QStringLiteral("mme_ge_50"), QT_TRANSLATE_NOOP("cairn::app::MeasuresModel", "50 MME/day or more")},
        {QStringLiteral("mme_ge_90"), QT_TRANSLATE_NOOP("cairn::app::MeasuresModel", "90 MME/day or more")},
        {QStringLiteral("benzodiazepine"), QT_TRANSLATE_NOOP("cairn::app::MeasuresModel", "Also on a benzodiazepine")},
        {QStringLiteral("naloxone_if_indicated"),
         QT_TRANSLATE_NOOP("cairn::app::MeasuresModel", "Naloxone when indicated")},
        {QStringLiteral("care_plan_goal_current"),
         QT_TRANSLATE_NOOP("cairn::app::MeasuresModel", "Current care-plan goal")},
        {QStringLiteral("conversation_scripts_used"),
         QT_TRANSLATE_NOOP("cairn::app::MeasuresModel", "Conversation script used this month")},
        {QStringLiteral("early_refill_requests"),
         QT_TRANSLATE_NOOP("cairn::app::MeasuresModel", "Early or lost/stolen refill request this month")},
        {QStringLiteral("refill_rules_overridden"),
         QT_TRANSLATE_NOOP("cairn::app::MeasuresModel", "A firm refill rule overridden this month")},
        {QStringLiteral("acute_to_long_term"),
         QT_TRANSLATE_NOOP("cairn::app::MeasuresModel", "Moved from acute opioids to long-term therapy this month")},
        {QStringLiteral("mean_peg"), QT_TRANSLATE_NOOP("cairn::app::MeasuresModel", "Mean PEG score")},
    };
    const auto it = labels.constFind(id);
    return it == labels.cend() ? id : QCoreApplication::translate("cairn::app::MeasuresModel", it.value());
}

}  // namespace cairn::clinical
