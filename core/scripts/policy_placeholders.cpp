#include "core/scripts/policy_placeholders.h"

#include "core/domain/text.h"

#include <QRegularExpression>

namespace cairn::scripts {
namespace {

// Shipped scripts that state the refill rules; a clinic copy of one stays bound by its rules even
// if it drops every placeholder.
const QStringList kPolicyBoundIds{QStringLiteral("front-desk-refill-policy"), QStringLiteral("lost-stolen-rx")};

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{(refill\\.[a-z_]+)\\}"));
    return pattern;
}

struct HardCode {
    QRegularExpression pattern;  // matched against accent-folded, lower-case text
    QString placeholder;
    QString what;
};

// Matched on domain::foldForSearch text (lower case, no accents). Number words go up to thirty,
// enough for any notice; numbers that are not policy may be written in words elsewhere (rule 2
// only looks at digits).
const QList<HardCode> &hardCodes()
{
    static const QString numberWords = QStringLiteral(
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|"
        "un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|catorce|quince|veinte|treinta");
    static const QList<HardCode> list{
        {QRegularExpression(QStringLiteral("(^|\\W)(\\d+|%1)[\\s-]+(business|working)[\\s-]+days?(\\W|$)|"
                                           "(^|\\W)(\\d+|%1)\\s+dias?\\s+habil(es)?(\\W|$)")
                                .arg(numberWords)),
         QStringLiteral("refill.notice_business_days"), QStringLiteral("a number of business days")},
        {QRegularExpression(QStringLiteral("(^|\\W)\\d+[\\s-]*(days?|dias?)(\\W|$)")),
         QStringLiteral("refill.max_days_supply"), QStringLiteral("a number of days")},
        {QRegularExpression(
             QStringLiteral("(^|\\W)(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|"
                            "sundays?|lunes|martes|miercoles|jueves|viernes|sabados?|domingos?)(\\W|$)")),
         QStringLiteral("refill.no_fill_weekdays"), QStringLiteral("a weekday")},
        {QRegularExpression(QStringLiteral("police report|reporte policial|denuncia policial|informe policial")),
         QStringLiteral("refill.lost_or_stolen_needs_police_report"), QStringLiteral("the police-report rule")},
    };
    return list;
}

// The texts the rules apply to, each with its field name.
QList<std::pair<QString, QString>> checkedTexts(const Script &s)
{
    QList<std::pair<QString, QString>> texts{{QStringLiteral("title"), s.title},
                                             {QStringLiteral("situation"), s.situation}};
    for (qsizetype i = 0; i < s.steps.size(); ++i)
        for (qsizetype j = 0; j < s.steps.at(i).phrasings.size(); ++j)
            texts.append({QStringLiteral("steps[%1].phrasings[%2]").arg(i).arg(j), s.steps.at(i).phrasings.at(j)});
    return texts;
}

QString fill(QString text, const PolicyTexts &texts)
{
    for (auto it = texts.begin(); it != texts.end(); ++it)
        text.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
    return text;
}

}  // namespace

const QStringList &policyPlaceholders()
{
    static const QStringList list{QStringLiteral("refill.no_fill_weekdays"), QStringLiteral("refill.max_days_supply"),
                                  QStringLiteral("refill.notice_business_days"),
                                  QStringLiteral("refill.early_allowance_days"),
                                  QStringLiteral("refill.lost_or_stolen_needs_police_report")};
    return list;
}

Script withPolicyTexts(const Script &script, const PolicyTexts &texts)
{
    Script filled = script;
    filled.title = fill(filled.title, texts);
    filled.situation = fill(filled.situation, texts);
    for (Step &step : filled.steps)
        for (QString &phrasing : step.phrasings)
            phrasing = fill(phrasing, texts);
    return filled;
}

bool isPolicyBound(const Script &script)
{
    if (kPolicyBoundIds.contains(script.id) || kPolicyBoundIds.contains(script.basedOn))
        return true;
    for (const auto &[field, text] : checkedTexts(script))
        if (text.contains(QStringLiteral("{refill.")))
            return true;
    return false;
}

void checkPolicyPlaceholders(const Script &script, const QString &file, QList<Problem> &problems)
{
    if (!isPolicyBound(script))
        return;
    for (const auto &[field, text] : checkedTexts(script)) {
        for (auto it = placeholderPattern().globalMatch(text); it.hasNext();) {
            const QString name = it.next().captured(1);
            if (!policyPlaceholders().contains(name))
                problems.append({file, field,
                                 QStringLiteral("unknown policy placeholder {%1}; known: {%2}")
                                     .arg(name, policyPlaceholders().join(QStringLiteral("}, {")))});
        }
        // The placeholders themselves are not hard-coded values.
        QString rest = text;
        rest.replace(placeholderPattern(), QStringLiteral(" "));
        const QString folded = domain::foldForSearch(rest).toLower();
        for (const HardCode &rule : hardCodes()) {
            if (rule.pattern.match(folded).hasMatch()) {
                problems.append({file, field,
                                 QStringLiteral("hard-codes %1, which the clinic policy sets; use {%2}")
                                     .arg(rule.what, rule.placeholder)});
                break;  // one problem per text is enough to find it
            }
        }
    }
}

}  // namespace cairn::scripts
