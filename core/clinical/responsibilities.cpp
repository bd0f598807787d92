#include "core/clinical/responsibilities.h"

#include "core/clinical/assets.h"
#include "core/clinical/policy.h"
#include "core/domain/record_kinds.h"
#include "core/domain/text.h"

#include <QJsonArray>

#include <mutex>

namespace cairn::clinical {
namespace {

struct GapClosers {
    QStringList codes;
    QHash<QString, QStringList> kinds;
};

const GapClosers &gapClosers()
{
    static std::once_flag once;
    static GapClosers closers;
    std::call_once(once, [] {
        auto json = loadJsonAsset(QStringLiteral("gaps.json"));
        if (!json)
            return;
        const QJsonObject gaps = json->value(QStringLiteral("gaps")).toObject();
        for (auto it = gaps.begin(); it != gaps.end(); ++it) {
            // A gap owned by its task's role (TASK_OVERDUE) is not the clinic's to assign.
            if (it.value().toObject().value(QStringLiteral("owner")).toString() != QLatin1String("task"))
                closers.codes.append(it.key());
            QStringList kinds;
            for (const QJsonValue &kind : it.value().toObject().value(QStringLiteral("closed_by")).toArray())
                kinds.append(kind.toString());
            closers.kinds.insert(it.key(), kinds);
        }
        closers.codes.sort();
    });
    return closers;
}

// The shipped responsibilities (policy-default.json), for gaps a stored policy does not name.
const Responsibilities &shippedResponsibilities()
{
    static std::once_flag once;
    static Responsibilities shipped;
    std::call_once(once, [] {
        auto json = loadJsonAsset(QStringLiteral("policy-default.json"));
        if (!json)
            return;
        const QJsonObject object = json->value(QStringLiteral("responsibilities")).toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            keys::Role role{};
            if (keys::parse(it.value().toString(), &role))
                shipped.insert(it.key(), role);
        }
    });
    return shipped;
}

QString rightText(domain::WriteRight right)
{
    switch (right) {
    case domain::WriteRight::Rooming:
        return QStringLiteral("a rooming record");
    case domain::WriteRight::Booking:
        return QStringLiteral("a booking");
    case domain::WriteRight::ClinicalDecision:
        return QStringLiteral("a clinical decision");
    case domain::WriteRight::Demographics:
        return QStringLiteral("patient details");
    case domain::WriteRight::Policy:
    case domain::WriteRight::Scripts:
    case domain::WriteRight::Directory:
    case domain::WriteRight::SelfAssessment:
    case domain::WriteRight::ActionPlan:
        return QStringLiteral("a clinic record");
    }
    return {};
}

// Why `role` may not own `code`, or empty when it may.
QString whyNot(keys::Role role, const QString &code)
{
    for (const QString &kind : kindsClosingGap(code)) {
        const domain::KindInfo *info = domain::findKind(kind);
        if (info && !keys::mayBeResponsibleFor(role, info->right))
            return QStringLiteral("%1 could never record %2 (%3), which closes this gap; give it to a role that can")
                .arg(keys::toString(role), kind, rightText(info->right));
    }
    return {};
}

}  // namespace

const QStringList &careGapCodes()
{
    return gapClosers().codes;
}

QStringList kindsClosingGap(const QString &code)
{
    return gapClosers().kinds.value(code);
}

Result<Responsibilities> readResponsibilities(const QJsonValue &value)
{
    const QString key = QStringLiteral("responsibilities");
    if (!value.isUndefined() && !value.isObject())
        return Error{key, QStringLiteral("must be an object of care-gap code to role")};
    Responsibilities result;
    for (const QString &code : careGapCodes())
        result.insert(code, shippedResponsibilities().value(code, keys::Role::Clinician));
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString field = key + QLatin1Char('.') + domain::quotedInput(it.key(), 40);
        if (!careGapCodes().contains(it.key()))
            return Error{field,
                         QStringLiteral("is not a care-gap code (%1)").arg(careGapCodes().join(QStringLiteral(", ")))};
        keys::Role role{};
        if (!it.value().isString() || !keys::parse(it.value().toString(), &role))
            return Error{field, QStringLiteral("\"%1\" is not a role: must be %2")
                                    .arg(domain::quotedInput(it.value().toString(), 30), keys::roleNamesForMessage())};
        if (const QString reason = whyNot(role, it.key()); !reason.isEmpty())
            return Error{field, reason};
        result.insert(it.key(), role);
    }
    return result;
}

QJsonObject responsibilitiesToJson(const Responsibilities &responsibilities)
{
    QJsonObject object;
    for (auto it = responsibilities.begin(); it != responsibilities.end(); ++it)
        object.insert(it.key(), keys::toString(it.value()));
    return object;
}

bool mayRecord(keys::Role role, const QString &kind, const ClinicPolicy &policy)
{
    if (kind == QLatin1String("patient"))
        return keys::can(role, keys::Permission::EditDemographics);
    const domain::KindInfo *info = domain::findKind(kind);
    if (!info)
        return false;
    if (keys::can(role, keys::permissionToWrite(info->right)))
        return true;
    if (!keys::mayBeResponsibleFor(role, info->right))
        return false;
    for (auto it = policy.responsibilities.begin(); it != policy.responsibilities.end(); ++it) {
        if (it.value() == role && kindsClosingGap(it.key()).contains(kind))
            return true;
    }
    return false;
}

}  // namespace cairn::clinical
