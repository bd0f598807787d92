#include "core/clinical/mme.h"

#include "core/clinical/assets.h"
#include "core/domain/text.h"

#include <QJsonArray>

#include <cmath>
#include <mutex>

namespace cairn::clinical {

QString MmeTables::caution(const QString &language) const
{
    return textIn(m_caution, language);
}

Result<MmeTables> MmeTables::fromJson(const QJsonObject &root)
{
    MmeTables tables;
    tables.m_caution = root.value(QStringLiteral("caution"));
    tables.m_defaultId = root.value(QStringLiteral("default_table")).toString();
    const QJsonArray list = root.value(QStringLiteral("tables")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = QStringLiteral("tables[%1]").arg(i);
        const QJsonObject o = list.at(i).toObject();
        MmeTable table;
        table.id = o.value(QStringLiteral("id")).toString();
        table.title = o.value(QStringLiteral("title")).toString();
        for (const QJsonValue &source : o.value(QStringLiteral("sources")).toArray())
            table.sources.append(source.toString());
        if (table.id.isEmpty())
            return Error{at + QStringLiteral(".id"), QStringLiteral("is required")};
        if (table.sources.isEmpty())
            return Error{at + QStringLiteral(".sources"), QStringLiteral("every table names its sources")};
        const QJsonObject factors = o.value(QStringLiteral("factors")).toObject();
        for (auto it = factors.begin(); it != factors.end(); ++it) {
            const double factor = it.value().toDouble(-1);
            if (!(factor > 0 && factor < 100))
                return Error{at + QStringLiteral(".factors.") + it.key(), QStringLiteral("must be a positive factor")};
            table.factors.insert(it.key(), factor);
        }
        const QJsonObject methadone =
            o.value(QStringLiteral("tiered")).toObject().value(QStringLiteral("methadone")).toObject();
        double previous = 0;
        for (const QJsonValue &tierValue : methadone.value(QStringLiteral("tiers")).toArray()) {
            const QJsonObject tier = tierValue.toObject();
            MethadoneTier t;
            t.factor = tier.value(QStringLiteral("factor")).toDouble(-1);
            if (!tier.value(QStringLiteral("up_to_mg_per_day")).isNull()) {
                t.upToMgPerDay = tier.value(QStringLiteral("up_to_mg_per_day")).toDouble(-1);
                if (*t.upToMgPerDay <= previous)
                    return Error{at + QStringLiteral(".tiered.methadone"), QStringLiteral("tiers must increase")};
                previous = *t.upToMgPerDay;
            }
            if (!(t.factor > 0))
                return Error{at + QStringLiteral(".tiered.methadone"),
                             QStringLiteral("each tier needs a positive factor")};
            table.methadoneTiers.append(t);
        }
        if (!table.methadoneTiers.isEmpty() && table.methadoneTiers.last().upToMgPerDay)
            return Error{at + QStringLiteral(".tiered.methadone"), QStringLiteral("the last tier must be open-ended")};
        if (!table.factors.contains(QStringLiteral("methadone")) && table.methadoneTiers.isEmpty())
            return Error{at + QStringLiteral(".factors.methadone"),
                         QStringLiteral("methadone needs a factor or tiers")};
        const QJsonObject notCounted = o.value(QStringLiteral("not_counted")).toObject();
        for (auto it = notCounted.begin(); it != notCounted.end(); ++it)
            table.notCounted.insert(it.key(), it.value().toString());
        tables.m_tables.append(table);
    }
    if (tables.m_tables.isEmpty())
        return Error{QStringLiteral("tables"), QStringLiteral("at least one MME table is required")};
    if (!tables.find(tables.m_defaultId))
        return Error{QStringLiteral("default_table"), QStringLiteral("names no table")};
    return tables;
}

Result<const MmeTables *> MmeTables::shipped()
{
    static std::once_flag once;
    static std::optional<Result<MmeTables>> loaded;
    std::call_once(once, [] {
        auto json = loadJsonAsset(QStringLiteral("mme-tables.json"));
        loaded = json ? fromJson(*json) : Result<MmeTables>(json.error());
        if (!*loaded)
            loaded = Result<MmeTables>(loaded->error().within(QStringLiteral("mme-tables.json")));
    });
    if (!*loaded)
        return loaded->error();
    return &loaded->value();
}

const MmeTable *MmeTables::find(const QString &id) const
{
    for (const MmeTable &table : m_tables)
        if (table.id == id)
            return &table;
    return nullptr;
}

bool MmeTables::knownDrug(const QString &drug) const
{
    for (const MmeTable &table : m_tables) {
        if (table.factors.contains(drug) || table.notCounted.contains(drug) ||
            (drug == QLatin1String("methadone") && !table.methadoneTiers.isEmpty()))
            return true;
    }
    return false;
}

QStringList MmeTables::tableIds() const
{
    QStringList ids;
    for (const MmeTable &table : m_tables)
        ids.append(table.id);
    return ids;
}

QString toString(MmeBand band)
{
    switch (band) {
    case MmeBand::Below50:
        return QStringLiteral("lt50");
    case MmeBand::From50To89:
        return QStringLiteral("50to89");
    case MmeBand::AtLeast90:
        return QStringLiteral("ge90");
    }
    return {};
}

MmeBand bandOf(double total)
{
    if (total >= 90)
        return MmeBand::AtLeast90;
    if (total >= 50)
        return MmeBand::From50To89;
    return MmeBand::Below50;
}

double roundToTenth(double value)
{
    return std::round(value * 10.0) / 10.0;
}

bool isActiveOn(const QDate &start, const QDate &end, const QDate &on)
{
    return start.isValid() && start <= on && (!end.isValid() || on <= end);
}

namespace {

double mgPerDay(const domain::OpioidEntry &e)
{
    return e.strengthMg.value_or(0) * e.unitsPerDose * e.dosesPerDay;
}

Status checkEntry(const domain::OpioidEntry &e, const MmeTable &table)
{
    if (!table.factors.contains(e.drug) && !table.notCounted.contains(e.drug) &&
        !(e.drug == QLatin1String("methadone") && !table.methadoneTiers.isEmpty()))
        return Error{QStringLiteral("drug"),
                     QStringLiteral("unknown drug \"%1\"").arg(domain::quotedInput(e.drug, 40))};
    if (e.drug == QLatin1String("fentanyl")) {
        if (!e.strengthMcgPerHr || !(*e.strengthMcgPerHr > 0))
            return Error{QStringLiteral("strength_mcg_per_hr"),
                         QStringLiteral("transdermal fentanyl needs a positive mcg/hr strength")};
        if (e.patches < 1)
            return Error{QStringLiteral("patches"), QStringLiteral("must be at least 1")};
        return ok();
    }
    if (!e.strengthMg || !(*e.strengthMg > 0))
        return Error{QStringLiteral("strength_mg"), QStringLiteral("must be a positive number of mg")};
    if (!(e.unitsPerDose > 0))
        return Error{QStringLiteral("units_per_dose"), QStringLiteral("must be positive")};
    if (!(e.dosesPerDay > 0))
        return Error{QStringLiteral("doses_per_day"), QStringLiteral("must be positive")};
    return ok();
}

}  // namespace

Result<MmeResult> computeMme(const QList<domain::OpioidEntry> &entries, const QDate &on, const MmeTable &table)
{
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (auto s = checkEntry(entries.at(i), table); !s)
            return s.error().within(QStringLiteral("opioids[%1]").arg(i));
    }
    // The 2016 methadone factor depends on the total methadone dose of the day.
    double methadoneFactor = table.factors.value(QStringLiteral("methadone"), 0);
    if (!table.methadoneTiers.isEmpty()) {
        double methadoneMg = 0;
        for (const auto &e : entries)
            if (e.drug == QLatin1String("methadone") && e.indication == domain::OpioidIndication::Pain &&
                isActiveOn(e.start, e.end, on))
                methadoneMg += mgPerDay(e);
        for (const MethadoneTier &tier : table.methadoneTiers) {
            methadoneFactor = tier.factor;
            if (tier.upToMgPerDay && methadoneMg <= *tier.upToMgPerDay)
                break;
        }
    }
    MmeResult result;
    result.table = table.id;
    for (const auto &e : entries) {
        if (!isActiveOn(e.start, e.end, on))
            continue;
        MmeItem item;
        item.drug = e.drug;
        if (e.indication == domain::OpioidIndication::OpioidUseDisorder) {
            // CDC 2022: conversion factors are not for opioid use disorder treatment.
            item.note = QStringLiteral("Treatment for opioid use disorder: not counted in MME.");
        } else if (table.notCounted.contains(e.drug)) {
            item.note = table.notCounted.value(e.drug);
        } else if (e.drug == QLatin1String("fentanyl")) {
            item.mmePerDay = *e.strengthMcgPerHr * e.patches * table.factors.value(e.drug);
        } else if (e.drug == QLatin1String("methadone")) {
            item.mmePerDay = mgPerDay(e) * methadoneFactor;
        } else {
            item.mmePerDay = mgPerDay(e) * table.factors.value(e.drug);
        }
        if (item.mmePerDay)
            result.totalPerDay += *item.mmePerDay;
        result.items.append(item);
    }
    result.band = bandOf(result.totalPerDay);
    return result;
}

}  // namespace cairn::clinical
