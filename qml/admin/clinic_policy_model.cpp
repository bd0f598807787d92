#include "qml/admin/clinic_policy_model.h"

#include "core/clinical/population_views.h"
#include "core/clinical/responsibilities.h"
#include "core/domain/record_kinds.h"
#include "qml/app/labels.h"
#include "qml/measures/measures_model.h"

#include <QEvent>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <optional>

namespace cairn::app {
namespace {
const QStringList kTierKeys{QStringLiteral("low"), QStringLiteral("moderate"), QStringLiteral("high")};
const QStringList kWeekdayKeys{QStringLiteral("monday"),   QStringLiteral("tuesday"), QStringLiteral("wednesday"),
                               QStringLiteral("thursday"), QStringLiteral("friday"),  QStringLiteral("saturday"),
                               QStringLiteral("sunday")};
const QString kWeekdayPrefix = QStringLiteral("refill.no_fill_weekdays.");
const QString kTargetPrefix = QStringLiteral("measures.targets.");
const QString kResponsibilityPrefix = QStringLiteral("responsibilities.");

QJsonValue valueAt(const QJsonObject &object, const QString &dotted)
{
    const QStringList parts = dotted.split(QLatin1Char('.'));
    QJsonValue value = object;
    for (const QString &part : parts)
        value = value.toObject().value(part);
    return value;
}

void insertAt(QJsonObject &object, const QStringList &parts, const QJsonValue &value)
{
    if (parts.size() == 1) {
        object.insert(parts.first(), value);
        return;
    }
    QJsonObject inner = object.value(parts.first()).toObject();
    insertAt(inner, parts.mid(1), value);
    object.insert(parts.first(), inner);
}
// --- uds_selection, new_patient, rule_strength: two-valued settings shown as switches ------------

struct SwitchValues {
    QString off;
    QString on;
};

// The policy's two-valued text settings, shown as a "bool" row that is on for the second value.
std::optional<SwitchValues> switchValues(const QString &key)
{
    if (key == QLatin1String("uds_selection.mode"))
        return SwitchValues{QStringLiteral("interval"), QStringLiteral("random")};
    if (key == QLatin1String("new_patient.mode"))
        return SwitchValues{QStringLiteral("records_first"), QStringLiteral("bridge")};
    if (key.startsWith(QLatin1String("rule_strength.")))
        return SwitchValues{QStringLiteral("advice"), QStringLiteral("clinic_rule")};
    return std::nullopt;
}

// An interval row ("intervals_days.pdmp.high") whose check also sets a monthly measure's window.
bool measureFollowsInterval(const QString &key)
{
    const QString check = key.section(QLatin1Char('.'), 1, 1);
    return std::any_of(clinical::kChecksWithMeasures.cbegin(), clinical::kChecksWithMeasures.cend(),
                       [&check](clinical::Check c) { return clinical::policyKey(c) == check; });
}

QStringList udsNewPatientRuleStrengthKeys()
{
    QStringList keys{QStringLiteral("uds_selection.mode"), QStringLiteral("new_patient.mode"),
                     QStringLiteral("new_patient.bridge_days")};
    for (const QString &rule : clinical::refillRuleKeys())
        keys << QStringLiteral("rule_strength.") + rule;
    return keys;
}
}  // namespace

ClinicPolicyModel::ClinicPolicyModel(QObject *parent)
    : AsyncListModel(parent)
{}

int ClinicPolicyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_fields.size());
}

QVariant ClinicPolicyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Field &f = m_fields.at(index.row());
    const QVariant value = f.edited.isValid() ? f.edited : f.stored;
    switch (role) {
    case KeyRole:
        return f.key;
    case SectionRole:
        return sectionOf(f);
    case Qt::DisplayRole:
    case LabelRole:
        return labelOf(f);
    case KindRole:
        return f.kind;
    case TextRole:
        return f.kind == QLatin1String("bool") ? QString() : value.toString();
    case CheckedRole:
        return f.kind == QLatin1String("bool") && value.toBool();
    case HintRole:
        return hintOf(f);
    case ChangedRole:
        return f.edited.isValid();
    case FieldErrorRole:
        return f.fieldError;
    default:
        return {};
    }
}

QHash<int, QByteArray> ClinicPolicyModel::roleNames() const
{
    return {{KeyRole, "key"},   {SectionRole, "section"}, {LabelRole, "label"},
            {KindRole, "kind"}, {TextRole, "text"},       {CheckedRole, "checked"},
            {HintRole, "hint"}, {ChangedRole, "changed"}, {FieldErrorRole, "fieldError"}};
}

QString ClinicPolicyModel::sectionOf(const Field &f) const
{
    if (f.key.startsWith(QLatin1String("ltot_definition.")))
        return tr("Who counts as on long-term opioid therapy");
    if (f.key.startsWith(QLatin1String("measures.windows_days.")))
        return tr("Measures: how far back each looks (days)");
    if (f.key.startsWith(kTargetPrefix))
        return tr("Measures: targets (% of patients on long-term therapy)");
    if (f.key.startsWith(QLatin1String("intervals_days.")))
        return tr("How often, by risk tier (days)");
    if (f.key.startsWith(QLatin1String("naloxone.")))
        return tr("Naloxone");
    if (f.key.startsWith(QLatin1String("refill.")))
        return tr("Refills");
    if (f.key.startsWith(QLatin1String("uds_selection.")))
        return tr("Random urine testing");
    if (f.key.startsWith(QLatin1String("new_patient.")))
        return tr("New patients already on opioids");
    if (f.key.startsWith(QLatin1String("rule_strength.")))
        return tr("Firm refill rules (a clinician overrides with a reason)");
    if (f.key.startsWith(kResponsibilityPrefix))
        return tr("Who closes each care gap");
    return tr("Thresholds");
}

QString ClinicPolicyModel::labelOf(const Field &f) const
{
    const QStringList parts = f.key.split(QLatin1Char('.'));
    if (parts.first() == QLatin1String("intervals_days") && parts.size() == 3) {
        const QString check = parts.at(1);
        const QString what = check == QLatin1String("visit")               ? tr("Visit")
                             : check == QLatin1String("peg")               ? tr("PEG pain score")
                             : check == QLatin1String("uds")               ? tr("Urine drug test")
                             : check == QLatin1String("pdmp")              ? tr("PDMP check")
                             : check == QLatin1String("agreement")         ? tr("Patient agreement")
                             : check == QLatin1String("depression_screen") ? tr("Depression screen")
                                                                           : check;
        const QString tier = parts.at(2) == QLatin1String("low")        ? tr("low risk")
                             : parts.at(2) == QLatin1String("moderate") ? tr("moderate risk")
                                                                        : tr("high risk");
        return tr("%1, %2").arg(what, tier);
    }
    if (f.key.startsWith(QLatin1String("ltot_definition.")) || f.key.startsWith(QLatin1String("measures.")))
        return ltotOrMeasuresLabel(f.key);
    if (f.key.startsWith(kResponsibilityPrefix))
        return gapLabel(f.key.mid(kResponsibilityPrefix.size()));
    if (f.key.startsWith(kWeekdayPrefix)) {
        const int day = static_cast<int>(kWeekdayKeys.indexOf(f.key.mid(kWeekdayPrefix.size()))) + 1;
        return tr("No fills on %1").arg(QLocale().standaloneDayName(day, QLocale::LongFormat));
    }
    if (f.key == QLatin1String("tier_thresholds_mme.at_least_moderate"))
        return tr("MME/day that makes the tier at least moderate");
    if (f.key == QLatin1String("tier_thresholds_mme.high"))
        return tr("MME/day that makes the tier high");
    if (f.key == QLatin1String("high_dose_mme"))
        return tr("MME/day that raises the high-dose alert");
    if (f.key == QLatin1String("due_soon_days"))
        return tr("Days ahead a check shows as due soon");
    if (f.key == QLatin1String("pcptsd5_cutoff"))
        return tr("PC-PTSD-5 yes answers for a positive screen");
    if (f.key == QLatin1String("naloxone.mme_at_least"))
        return tr("Naloxone on record from this MME/day");
    if (f.key == QLatin1String("naloxone.with_benzodiazepine"))
        return tr("Naloxone also when a benzodiazepine is active");
    if (f.key == QLatin1String("naloxone.within_days"))
        return tr("Naloxone record counts for this many days");
    if (f.key == QLatin1String("refill.max_days_supply"))
        return tr("Longest supply per fill (days)");
    if (f.key == QLatin1String("refill.notice_business_days"))
        return tr("Business days of notice for a refill request");
    if (f.key == QLatin1String("refill.early_allowance_days"))
        return tr("Days early a refill may be filled");
    if (f.key == QLatin1String("refill.lost_or_stolen_needs_police_report"))
        return tr("Lost or stolen prescriptions need a police report");
    if (f.key == QLatin1String("uds_selection.mode"))
        return tr("Choose urine tests at random within the interval (off: test when the interval is due)");
    if (f.key == QLatin1String("new_patient.mode"))
        return tr("Bridge at the current dose while records are gathered (off: records and a urine test first)");
    if (f.key == QLatin1String("new_patient.bridge_days"))
        return tr("Longest bridge without the prior records (days)");
    if (f.key == QLatin1String("rule_strength.no_fill_weekday"))
        return tr("No-fill weekdays are a clinic rule");
    if (f.key == QLatin1String("rule_strength.max_days_supply"))
        return tr("The longest supply is a clinic rule");
    if (f.key == QLatin1String("rule_strength.notice"))
        return tr("The notice for a request is a clinic rule");
    if (f.key == QLatin1String("rule_strength.early_allowance"))
        return tr("The early-fill allowance is a clinic rule");
    if (f.key == QLatin1String("rule_strength.police_report"))
        return tr("The police report for a lost or stolen prescription is a clinic rule");
    return f.key;
}

// --- ltot_definition and measures -----------------------------------------------------------------

void ClinicPolicyModel::appendLtotAndMeasuresFields(QList<Field> &fields)
{
    fields << Field{QStringLiteral("ltot_definition.lookback_days"), QStringLiteral("int"), {}, {}, {}}
           << Field{QStringLiteral("ltot_definition.min_days_covered_percent"), QStringLiteral("int"), {}, {}, {}}
           << Field{QStringLiteral("ltot_definition.count_expected_long_term"), QStringLiteral("bool"), {}, {}, {}}
           << Field{QStringLiteral("ltot_definition.count_clinician_flag"), QStringLiteral("bool"), {}, {}, {}};
    // The other measures look back over their gap's interval (ClinicPolicy::measureWindow): no row.
    for (const char *window : {"pdmp_twice", "care_plan_goal"})
        fields << Field{
            QStringLiteral("measures.windows_days.") + QLatin1String(window), QStringLiteral("int"), {}, {}, {}};
    // Every measure that may have a target (the policy lists them all, null when it has none).
    if (auto defaults = clinical::ClinicPolicy::defaults()) {
        for (const auto &target : defaults->measures.targets)
            fields << Field{kTargetPrefix + target.first, QStringLiteral("number"), {}, {}, {}};
    }
}

QString ClinicPolicyModel::ltotOrMeasuresLabel(const QString &key)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("ltot_definition.lookback_days"), QT_TR_NOOP("Days of opioid supply looked back over")},
        {QStringLiteral("ltot_definition.min_days_covered_percent"),
         QT_TR_NOOP("Share of those days with an opioid for pain (%)")},
        {QStringLiteral("ltot_definition.count_expected_long_term"),
         QT_TR_NOOP("An ongoing prescription for pain counts from its start")},
        {QStringLiteral("ltot_definition.count_clinician_flag"), QT_TR_NOOP("A clinician's decision counts")},
        {QStringLiteral("measures.windows_days.pdmp_twice"), QT_TR_NOOP("PDMP checked twice within")},
        {QStringLiteral("measures.windows_days.care_plan_goal"), QT_TR_NOOP("Care-plan goal set or reviewed within")},
    };
    if (const auto it = labels.constFind(key); it != labels.cend())
        return tr(it.value());
    if (key.startsWith(kTargetPrefix)) {
        const QString id = key.mid(kTargetPrefix.size());
        return clinical::lowerIsBetter(id) ? tr("%1: at most").arg(MeasuresModel::measureLabel(id))
                                           : tr("%1: at least").arg(MeasuresModel::measureLabel(id));
    }
    return key;
}

QString ClinicPolicyModel::hintOf(const Field &f) const
{
    if (f.key == QLatin1String("ltot_definition.lookback_days"))
        return tr("1 to 730 days");
    if (f.key == QLatin1String("ltot_definition.min_days_covered_percent"))
        return tr("0 to 100; 50 means most days");
    if (f.key.startsWith(QLatin1String("measures.windows_days.")))
        return tr("1 to 3650 days");
    if (f.key.startsWith(kTargetPrefix))
        return tr("0 to 100; empty for no target");
    if (f.key.startsWith(kResponsibilityPrefix))
        return tr("This role sees it in the huddle and worklists and may record what closes it");
    if (f.key.startsWith(QLatin1String("intervals_days.")) && measureFollowsInterval(f.key))
        return tr("1 to 3650 days; the longest of the three is also the monthly measure's look-back");
    if (f.key.startsWith(QLatin1String("intervals_days.")) || f.key == QLatin1String("naloxone.within_days"))
        return tr("1 to 3650 days");
    if (f.key == QLatin1String("tier_thresholds_mme.at_least_moderate"))
        return tr("More than 0, at most the high threshold");
    if (f.key.contains(QLatin1String("mme")))
        return tr("More than 0, at most 1000");
    if (f.key == QLatin1String("due_soon_days"))
        return tr("0 to 365 days");
    if (f.key == QLatin1String("pcptsd5_cutoff"))
        return tr("1 to 5");
    if (f.key == QLatin1String("refill.max_days_supply") || f.key == QLatin1String("new_patient.bridge_days"))
        return tr("1 to 90 days");
    if (f.kind == QLatin1String("int"))
        return tr("0 to 30 days");
    return {};
}

bool ClinicPolicyModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && !m_fields.isEmpty())
        emit dataChanged(index(0), index(static_cast<int>(m_fields.size()) - 1));
    return QAbstractListModel::event(event);
}

int ClinicPolicyModel::changedCount() const
{
    return static_cast<int>(
        std::count_if(m_fields.cbegin(), m_fields.cend(), [](const Field &f) { return f.edited.isValid(); }));
}

void ClinicPolicyModel::setPolicy(const clinical::ClinicPolicy &policy)
{
    const QJsonObject json = policy.toJson();
    QList<Field> fields;
    for (clinical::Check check : clinical::kAllChecks)
        for (const QString &tier : kTierKeys)
            fields << Field{QStringLiteral("intervals_days.%1.%2").arg(clinical::policyKey(check), tier),
                            QStringLiteral("int"),
                            {},
                            {},
                            {}};
    fields << Field{QStringLiteral("tier_thresholds_mme.at_least_moderate"), QStringLiteral("number"), {}, {}, {}}
           << Field{QStringLiteral("tier_thresholds_mme.high"), QStringLiteral("number"), {}, {}, {}}
           << Field{QStringLiteral("high_dose_mme"), QStringLiteral("number"), {}, {}, {}}
           << Field{QStringLiteral("due_soon_days"), QStringLiteral("int"), {}, {}, {}}
           << Field{QStringLiteral("pcptsd5_cutoff"), QStringLiteral("int"), {}, {}, {}}
           << Field{QStringLiteral("naloxone.mme_at_least"), QStringLiteral("number"), {}, {}, {}}
           << Field{QStringLiteral("naloxone.with_benzodiazepine"), QStringLiteral("bool"), {}, {}, {}}
           << Field{QStringLiteral("naloxone.within_days"), QStringLiteral("int"), {}, {}, {}};
    for (const QString &day : kWeekdayKeys)
        fields << Field{kWeekdayPrefix + day, QStringLiteral("bool"), {}, {}, {}};
    fields << Field{QStringLiteral("refill.max_days_supply"), QStringLiteral("int"), {}, {}, {}}
           << Field{QStringLiteral("refill.notice_business_days"), QStringLiteral("int"), {}, {}, {}}
           << Field{QStringLiteral("refill.early_allowance_days"), QStringLiteral("int"), {}, {}, {}}
           << Field{QStringLiteral("refill.lost_or_stolen_needs_police_report"), QStringLiteral("bool"), {}, {}, {}};
    for (const QString &key : udsNewPatientRuleStrengthKeys())
        fields << Field{key, switchValues(key) ? QStringLiteral("bool") : QStringLiteral("int"), {}, {}, {}};
    appendLtotAndMeasuresFields(fields);
    fields << responsibilityFields(policy);
    const QJsonArray noFill =
        json.value(QStringLiteral("refill")).toObject().value(QStringLiteral("no_fill_weekdays")).toArray();
    for (Field &f : fields) {
        if (f.key.startsWith(kWeekdayPrefix)) {
            f.stored = noFill.contains(QJsonValue(f.key.mid(kWeekdayPrefix.size())));
            continue;
        }
        const QJsonValue v = valueAt(json, f.key);
        if (f.kind == QLatin1String("role"))
            continue;  // responsibilityFields filled it
        if (const auto values = switchValues(f.key))
            f.stored = v.toString() == values->on;
        else if (v.isNull())
            f.stored = QString();  // a measure without a target
        else if (f.kind == QLatin1String("bool"))
            f.stored = v.toBool();
        else if (f.kind == QLatin1String("int"))
            f.stored = QString::number(v.toInt());
        else
            f.stored = QString::number(v.toDouble(), 'g', 10);
    }
    // Edits not yet saved survive a re-read (another screen's write bumps the revision).
    for (Field &f : fields) {
        const int old = rowOf(f.key);
        if (old >= 0 && m_fields.at(old).edited.isValid() && m_fields.at(old).edited != f.stored)
            f.edited = m_fields.at(old).edited;
    }
    beginResetModel();
    m_fields = std::move(fields);
    m_version = policy.version;
    endResetModel();
    emit policyChanged();
    emit changedCountChanged();
}

QList<ClinicPolicyModel::Field> ClinicPolicyModel::responsibilityFields(const clinical::ClinicPolicy &policy)
{
    QList<Field> fields;
    for (const QString &code : clinical::careGapCodes())
        fields << Field{kResponsibilityPrefix + code, QStringLiteral("role"), policy.responsibleRole(code), {}, {}};
    return fields;
}

QVariantList ClinicPolicyModel::roleChoices(const QString &key) const
{
    const QStringList kinds = clinical::kindsClosingGap(key.mid(kResponsibilityPrefix.size()));
    QVariantList choices;
    for (keys::Role role : keys::kAllRoles) {
        const bool able = std::all_of(kinds.cbegin(), kinds.cend(), [role](const QString &kind) {
            const domain::KindInfo *info = domain::findKind(kind);
            return info && keys::mayBeResponsibleFor(role, info->right);
        });
        if (able)
            choices << QVariantMap{{QStringLiteral("value"), keys::toString(role)},
                                   {QStringLiteral("label"), roleLabel(role)}};
    }
    return choices;
}

void ClinicPolicyModel::reload()
{
    if (!session() || !session()->signedIn())
        return;
    run<Result<clinical::ClinicPolicy>>(
        [](registry::Registry &registry) -> Result<clinical::ClinicPolicy> { return registry.clinicPolicy(); },
        [this](Result<clinical::ClinicPolicy> policy) {
            if (!policy) {
                setMessage(policy.error().line(), true);
                return;
            }
            setPolicy(*policy);
        });
}

int ClinicPolicyModel::rowOf(const QString &key) const
{
    for (int row = 0; row < m_fields.size(); ++row)
        if (m_fields.at(row).key == key)
            return row;
    return -1;
}

void ClinicPolicyModel::setValueByKey(const QString &key, const QVariant &value)
{
    setValue(rowOf(key), value);
}

void ClinicPolicyModel::setValue(int row, const QVariant &value)
{
    if (row < 0 || row >= m_fields.size())
        return;
    Field &f = m_fields[row];
    const QVariant next =
        f.kind == QLatin1String("bool") ? QVariant(value.toBool()) : QVariant(value.toString().trimmed());
    const QVariant edited = next == f.stored ? QVariant() : next;
    if (edited == f.edited && f.fieldError.isEmpty())
        return;
    f.edited = edited;
    f.fieldError.clear();
    emit dataChanged(index(row), index(row));
    emit changedCountChanged();
}

void ClinicPolicyModel::discardChanges()
{
    for (Field &f : m_fields) {
        f.edited = QVariant();
        f.fieldError.clear();
    }
    if (!m_fields.isEmpty())
        emit dataChanged(index(0), index(static_cast<int>(m_fields.size()) - 1));
    emit changedCountChanged();
    setMessage({}, false);
}

void ClinicPolicyModel::clearFieldErrors()
{
    for (int row = 0; row < m_fields.size(); ++row) {
        if (!m_fields.at(row).fieldError.isEmpty()) {
            m_fields[row].fieldError.clear();
            emit dataChanged(index(row), index(row));
        }
    }
}

QJsonObject ClinicPolicyModel::overrides() const
{
    QJsonObject out;
    bool weekdaysChanged = false;
    QJsonArray weekdays;
    for (const Field &f : m_fields) {
        const QVariant value = f.edited.isValid() ? f.edited : f.stored;
        if (f.key.startsWith(kWeekdayPrefix)) {
            weekdaysChanged = weekdaysChanged || f.edited.isValid();
            if (value.toBool())
                weekdays.append(f.key.mid(kWeekdayPrefix.size()));
            continue;
        }
        if (!f.edited.isValid())
            continue;
        QJsonValue json;
        if (f.kind == QLatin1String("role")) {
            json = value.toString();
        } else if (const auto values = switchValues(f.key)) {
            json = value.toBool() ? values->on : values->off;
        } else if (f.kind == QLatin1String("bool")) {
            json = value.toBool();
        } else if (f.key.startsWith(kTargetPrefix) && value.toString().isEmpty()) {
            json = QJsonValue(QJsonValue::Null);  // no target
        } else {
            // Not a number: sent as typed, so the registry's validation names the field.
            bool isNumber = false;
            const double number =
                QLocale::c().toDouble(value.toString().replace(QLatin1Char(','), QLatin1Char('.')), &isNumber);
            json = isNumber ? QJsonValue(number) : QJsonValue(value.toString());
        }
        insertAt(out, f.key.split(QLatin1Char('.')), json);
    }
    if (weekdaysChanged)
        insertAt(out, {QStringLiteral("refill"), QStringLiteral("no_fill_weekdays")}, weekdays);
    return out;
}

void ClinicPolicyModel::save()
{
    if (!session()) {
        setMessage(tr("Not signed in."), true);
        return;
    }
    clearFieldErrors();
    const QJsonObject changes = overrides();
    if (changes.isEmpty()) {
        setMessage(tr("Nothing has changed."), false);
        return;
    }
    setMessage({}, false);
    run<Result<clinical::ClinicPolicy>>(
        [changes](registry::Registry &registry) -> Result<clinical::ClinicPolicy> {
            return registry.setClinicPolicy(changes);
        },
        [this](Result<clinical::ClinicPolicy> policy) {
            if (!policy) {
                // Put the message on the row it names ("policy.intervals_days.uds.high",
                // "refill.no_fill_weekdays[1]"); otherwise above the form.
                QString field = policy.error().field;
                if (field.startsWith(QLatin1String("policy.")))
                    field = field.mid(7);
                int row = rowOf(field);
                if (row < 0 && field.startsWith(QLatin1String("refill.no_fill_weekdays")))
                    row = rowOf(kWeekdayPrefix + kWeekdayKeys.first());
                if (row >= 0) {
                    m_fields[row].fieldError = policy.error().message;
                    emit dataChanged(index(row), index(row));
                    setMessage(tr("Not saved: %1 — %2").arg(labelOf(m_fields.at(row)), policy.error().message), true);
                } else {
                    setMessage(tr("Not saved: %1").arg(policy.error().line()), true);
                }
                return;
            }
            setPolicy(*policy);
            setMessage(tr("Saved as version %1. Lists and reminders use it from now on.").arg(policy->version), false);
            emit saved(policy->version);
            session()->noteDataChanged();
        });
}

}  // namespace cairn::app
