#include "qml/patient/gap_list_model.h"

#include "qml/app/labels.h"
#include "qml/forms/record_form_fields.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QUuid>

namespace cairn::app {

namespace {
struct GapCloser {
    GapListModel::GapAction action;
    const char *kind;
    const char *label;
};

// The action that closes each gap: the record it needs, or the tab where that happens.
GapCloser closerFor(const QString &code)
{
    using G = GapListModel;
    static const QHash<QString, GapCloser> closers{
        {QStringLiteral("AGREEMENT"),
         {G::SignAgreement, "agreement", QT_TRANSLATE_NOOP("GapAction", "Sign the agreement")}},
        {QStringLiteral("PDMP_CHECK"),
         {G::RecordForm, "pdmp_check", QT_TRANSLATE_NOOP("GapAction", "Record a PDMP check")}},
        {QStringLiteral("UDS"), {G::RecordForm, "uds", QT_TRANSLATE_NOOP("GapAction", "Record a urine test")}},
        {QStringLiteral("VISIT"), {G::RecordForm, "visit", QT_TRANSLATE_NOOP("GapAction", "Book a visit")}},
        {QStringLiteral("PEG"), {G::RecordPeg, "peg", QT_TRANSLATE_NOOP("GapAction", "Record PEG")}},
        {QStringLiteral("NALOXONE"), {G::RecordForm, "naloxone", QT_TRANSLATE_NOOP("GapAction", "Record naloxone")}},
        {QStringLiteral("RISK_ASSESSMENT"), {G::RecordForm, "ort", QT_TRANSLATE_NOOP("GapAction", "Record the ORT")}},
        {QStringLiteral("DEPRESSION_SCREEN"),
         {G::OpenRooming, "", QT_TRANSLATE_NOOP("GapAction", "Screen at rooming")}},
        {QStringLiteral("PHQ9_FOLLOWUP"), {G::OpenRooming, "", QT_TRANSLATE_NOOP("GapAction", "Screen at rooming")}},
        {QStringLiteral("HIGH_DOSE"), {G::OpenVisit, "", QT_TRANSLATE_NOOP("GapAction", "Open the visit")}},
        {QStringLiteral("BENZODIAZEPINE"), {G::OpenVisit, "", QT_TRANSLATE_NOOP("GapAction", "Open the visit")}},
        {QStringLiteral("UDS_UNEXPECTED"), {G::OpenVisit, "", QT_TRANSLATE_NOOP("GapAction", "Open the visit")}},
        {QStringLiteral("SUICIDE_RISK"), {G::OpenVisit, "", QT_TRANSLATE_NOOP("GapAction", "Open the visit")}},
        {QStringLiteral("REFERRAL_NEEDED"), {G::OpenVisit, "", QT_TRANSLATE_NOOP("GapAction", "Open the visit")}},
        // The intake is continued (its form corrects the intake in force), never started again.
        {QStringLiteral("INTAKE_INCOMPLETE"),
         {G::RecordForm, "intake", QT_TRANSLATE_NOOP("GapAction", "Continue the intake")}},
        {QStringLiteral("INTAKE_PRESCRIBED_EARLY"),
         {G::RecordForm, "intake", QT_TRANSLATE_NOOP("GapAction", "Record the first-visit decision")}},
        {QStringLiteral("MOUD_OFFER"),
         {G::RecordForm, "moud_status", QT_TRANSLATE_NOOP("GapAction", "Offer treatment")}},
        {QStringLiteral("INTAKE_BRIDGE_REVIEW"),
         {G::RecordForm, "intake", QT_TRANSLATE_NOOP("GapAction", "Review the bridge")}},
    };
    return closers.value(code, GapCloser{G::NoGapAction, "", ""});
}

QString dueLabel(const clinical::CareGap &gap)
{
    if (!gap.due.isValid())
        return {};
    const QString day = QLocale().toString(gap.due, QStringLiteral("d MMM yyyy"));
    switch (gap.status) {
    case clinical::GapStatus::Overdue:
        return QCoreApplication::translate("GapAction", "Overdue since %1").arg(day);
    case clinical::GapStatus::DueSoon:
        return QCoreApplication::translate("GapAction", "Due by %1").arg(day);
    default:
        return QCoreApplication::translate("GapAction", "Due %1").arg(day);
    }
}

QString ownerLabel(const QString &role)
{
    keys::Role parsed{};
    return keys::parse(role, &parsed) ? QCoreApplication::translate("GapAction", "For: %1").arg(roleLabel(parsed))
                                      : QString();
}
}  // namespace

GapListModel::GapListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool GapListModel::eventFilter(QObject *watched, QEvent *event)
{
    // Queued, after the engine's retranslation: the cards' trigger and task lists are rebuilt, and
    // Qt 6.4's layouts crash on delegates destroyed while it retranslates.
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        QMetaObject::invokeMethod(this, &GapListModel::retranslate, Qt::QueuedConnection);
    return QAbstractListModel::eventFilter(watched, event);
}

void GapListModel::retranslate()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1),
                         {Qt::DisplayRole, LabelRole, ReasonRole, DueLabelRole, OwnerLabelRole, ActionLabelRole,
                          TriggersRole, TasksRole});
}

int GapListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_gaps.size());
}

QVariant GapListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const clinical::CareGap &g = m_gaps.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return gapPhrase(g.code, clinical::toString(g.status));
    case CodeRole:
        return g.code;
    case StatusRole:
        return clinical::toString(g.status);
    case StatusLabelRole:
        return QString();  // the label says the status too, as one translated phrase
    case DueRole:
        return g.due;
    case SeverityRole:
        return clinical::toString(g.severity);
    case RoleRole:
        return g.role;
    case ReasonRole:
        return clinical::gapReason(g.code, uiLanguage());
    case ScriptsRole:
        return g.scripts;
    case DueLabelRole:
        return dueLabel(g);
    case OwnerLabelRole:
        return ownerLabel(g.role);
    case ActionRole:
        return closerFor(g.code).action;
    case ActionKindRole:
        return QString::fromLatin1(closerFor(g.code).kind);
    case ActionLabelRole: {
        const char *label = closerFor(g.code).label;
        return *label ? QCoreApplication::translate("GapAction", label) : QString();
    }
    case TriggersRole: {
        QVariantList triggers;
        if (g.code != QLatin1String("REFERRAL_NEEDED"))
            return triggers;
        for (const QString &trigger : m_referralTriggers)
            triggers << QVariantMap{{QStringLiteral("value"), trigger},
                                    {QStringLiteral("label"),
                                     choiceLabel(QStringLiteral("no_referral"), QStringLiteral("trigger"), trigger)}};
        return triggers;
    }
    case TasksRole: {
        QVariantList tasks;
        if (g.code != QLatin1String("TASK_OVERDUE"))
            return tasks;
        for (const domain::Task &task : m_overdueTasks.value(g.role))
            tasks << QVariantMap{
                {QStringLiteral("taskId"), task.meta.id.toString(QUuid::WithoutBraces)},
                {QStringLiteral("text"), task.text},
                {QStringLiteral("dueLabel"), QCoreApplication::translate("GapAction", "Due %1")
                                                 .arg(QLocale().toString(task.due, QStringLiteral("d MMM yyyy")))}};
        return tasks;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> GapListModel::roleNames() const
{
    return {{CodeRole, "code"},
            {LabelRole, "label"},
            {StatusRole, "status"},
            {StatusLabelRole, "statusLabel"},
            {DueRole, "due"},
            {SeverityRole, "severity"},
            {RoleRole, "role"},
            {ReasonRole, "reason"},
            {ScriptsRole, "scripts"},
            {DueLabelRole, "dueLabel"},
            {OwnerLabelRole, "ownerLabel"},
            {ActionRole, "action"},
            {ActionKindRole, "actionKind"},
            {ActionLabelRole, "actionLabel"},
            {TriggersRole, "triggers"},
            {TasksRole, "tasks"}};
}

void GapListModel::setGaps(QList<clinical::CareGap> gaps, QStringList referralTriggers,
                           QHash<QString, QList<domain::Task>> overdueTasks)
{
    beginResetModel();
    m_gaps = std::move(gaps);
    m_referralTriggers = std::move(referralTriggers);
    m_overdueTasks = std::move(overdueTasks);
    endResetModel();
}

}  // namespace cairn::app
