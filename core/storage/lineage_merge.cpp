#include "core/storage/lineage_merge.h"

#include "core/domain/record_kinds.h"

#include <QSet>

#include <algorithm>
#include <tuple>

namespace cairn::storage {

QString rootLineage(const QString &recordId, const QString &kind, const QString &patientId, const QJsonObject &payload)
{
    const domain::KindInfo *info = domain::findKind(kind);
    if (!info || !info->heldOnce)
        return recordId;
    QString lineage = kind + QLatin1Char('@') + patientId;
    for (const char *field : info->identityFields) {
        if (field)
            lineage += QLatin1Char('/') + payload.value(QLatin1StringView(field)).toString();
    }
    return lineage;
}

std::optional<QString> nearestCommonAncestor(const QList<QStringList> &chains)
{
    if (chains.isEmpty())
        return std::nullopt;
    QList<QSet<QString>> others;
    for (qsizetype i = 1; i < chains.size(); ++i)
        others.append(QSet<QString>(chains.at(i).cbegin(), chains.at(i).cend()));
    for (const QString &candidate : chains.first()) {
        if (std::all_of(others.cbegin(), others.cend(),
                        [&](const QSet<QString> &ids) { return ids.contains(candidate); }))
            return candidate;
    }
    return std::nullopt;
}

bool needsMerge(const QList<LineageTip> &tips)
{
    return tips.size() > 1 && std::none_of(tips.cbegin(), tips.cend(), [](const LineageTip &t) { return t.retracted; });
}

Merge mergeTips(const QJsonObject &base, QList<LineageTip> tips)
{
    std::sort(tips.begin(), tips.end(),
              [](const LineageTip &a, const LineageTip &b) { return a.hlc != b.hlc ? a.hlc < b.hlc : a.id < b.id; });
    Merge merge;
    merge.payload = base;
    QList<QSet<QString>> changed;
    for (const LineageTip &tip : std::as_const(tips)) {
        QSet<QString> fields;
        for (const QString &key : base.keys() + tip.payload.keys()) {
            const QJsonValue value = tip.payload.value(key);  // Undefined when this version removed it
            if (fields.contains(key) || value == base.value(key))
                continue;
            fields.insert(key);
            if (value.isUndefined())
                merge.payload.remove(key);
            else
                merge.payload.insert(key, value);
        }
        changed.append(std::move(fields));
    }
    for (qsizetype i = 0; i < tips.size(); ++i) {
        for (qsizetype j = i + 1; j < tips.size(); ++j) {
            QStringList both;
            for (const QString &key : std::as_const(changed.at(i))) {
                if (changed.at(j).contains(key) && tips.at(i).payload.value(key) != tips.at(j).payload.value(key))
                    both.append(key);
            }
            if (both.isEmpty())
                continue;
            both.sort();
            const bool ordered = tips.at(i).id < tips.at(j).id;
            merge.conflicts.append(
                {ordered ? tips.at(i).id : tips.at(j).id, ordered ? tips.at(j).id : tips.at(i).id, both});
        }
    }
    return merge;
}

LineageHead resolveLineage(const QList<LineageTip> &tips, const QJsonObject &base)
{
    // Ordered as mergeTips orders them (stamp, then id), so equal stamps give one answer whatever
    // order the versions are listed in, and the version in force is the one whose fields won.
    const LineageTip *head = &tips.first();
    for (const LineageTip &tip : tips) {
        if (tip.retracted != head->retracted ? tip.retracted
                                             : std::tie(tip.hlc, tip.id) > std::tie(head->hlc, head->id))
            head = &tip;
    }
    LineageHead result;
    result.recordId = head->id;
    result.live = !head->retracted;
    if (needsMerge(tips)) {
        Merge merge = mergeTips(base, tips);
        result.merged = std::move(merge.payload);
        result.conflicts = std::move(merge.conflicts);
        return result;
    }
    if (!head->retracted)
        return result;
    // A withdrawal in force: every live version concurrent with it is a conflict to review.
    for (const LineageTip &tip : tips) {
        if (&tip == head || tip.retracted)
            continue;
        QStringList fields;
        for (const QString &key : head->payload.keys() + tip.payload.keys()) {
            if (!fields.contains(key) && head->payload.value(key) != tip.payload.value(key))
                fields.append(key);
        }
        const bool ordered = head->id < tip.id;
        result.conflicts.append({ordered ? head->id : tip.id, ordered ? tip.id : head->id, fields});
    }
    return result;
}

}  // namespace cairn::storage
