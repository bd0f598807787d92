#include "core/interop/rxnorm_table.h"

#include "core/clinical/assets.h"

#include <QJsonArray>

#include <cmath>
#include <mutex>
#include <optional>

namespace cairn::interop {

Result<RxNormTable> RxNormTable::fromJson(const QJsonObject &root)
{
    RxNormTable table;
    if (root.value(QStringLiteral("source")).toString().isEmpty())
        return Error{QStringLiteral("source"), QStringLiteral("the table names its source")};
    const QJsonObject products = root.value(QStringLiteral("opioid_products")).toObject();
    for (auto it = products.begin(); it != products.end(); ++it) {
        const QString at = QStringLiteral("opioid_products.") + it.key();
        const QJsonObject o = it.value().toObject();
        RxProduct product{
            it.key(), o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("dose_form")).toString(), {}};
        for (const QJsonValue &value : o.value(QStringLiteral("ingredients")).toArray()) {
            const QJsonObject i = value.toObject();
            RxIngredient ingredient{
                i.value(QStringLiteral("rxcui")).toString(), i.value(QStringLiteral("drug")).toString(),
                i.value(QStringLiteral("strength")).toDouble(), i.value(QStringLiteral("unit")).toString()};
            if (ingredient.drug.isEmpty() || !(ingredient.strength > 0) || ingredient.unit.isEmpty())
                return Error{at + QStringLiteral(".ingredients"), QStringLiteral("needs drug, strength and unit")};
            table.m_ingredientByDrug.insert(ingredient.drug, ingredient.rxcui);
            product.ingredients.append(ingredient);
        }
        if (product.ingredients.isEmpty() || product.doseForm.isEmpty())
            return Error{at, QStringLiteral("needs a dose form and at least one ingredient")};
        table.m_products.insert(product.rxcui, product);
    }
    const QJsonObject sedatives = root.value(QStringLiteral("sedatives")).toObject();
    for (auto it = sedatives.begin(); it != sedatives.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        RxSedative sedative{it.key(), o.value(QStringLiteral("drug")).toString(), {}};
        if (sedative.drug.isEmpty() || !domain::parse(o.value(QStringLiteral("kind")).toString(), &sedative.kind))
            return Error{QStringLiteral("sedatives.") + it.key(), QStringLiteral("needs a drug and a known kind")};
        table.m_sedatives.insert(sedative.rxcui, sedative);
    }
    if (table.m_products.isEmpty())
        return Error{QStringLiteral("opioid_products"), QStringLiteral("is empty")};
    return table;
}

Result<const RxNormTable *> RxNormTable::shipped()
{
    static std::once_flag once;
    static std::optional<Result<RxNormTable>> loaded;
    std::call_once(once, [] {
        auto json = clinical::loadJsonAsset(QStringLiteral("rxnorm-table.json"));
        loaded = json ? fromJson(*json) : Result<RxNormTable>(json.error());
        if (!*loaded)
            loaded = Result<RxNormTable>(loaded->error().within(QStringLiteral("rxnorm-table.json")));
    });
    if (!*loaded)
        return loaded->error();
    return &loaded->value();
}

const RxProduct *RxNormTable::opioidProduct(const QString &rxcui) const
{
    const auto it = m_products.constFind(rxcui);
    return it == m_products.cend() ? nullptr : &*it;
}

const RxSedative *RxNormTable::sedative(const QString &rxcui) const
{
    const auto it = m_sedatives.constFind(rxcui);
    return it == m_sedatives.cend() ? nullptr : &*it;
}

QString RxNormTable::ingredientCode(const QString &drug) const
{
    return m_ingredientByDrug.value(drug);
}

QString RxNormTable::sedativeCode(const QString &drug) const
{
    for (const RxSedative &s : m_sedatives)
        if (s.drug == drug)
            return s.rxcui;
    return {};
}

QString RxNormTable::ingredientDrug(const QString &rxcui) const
{
    for (auto it = m_ingredientByDrug.cbegin(); it != m_ingredientByDrug.cend(); ++it)
        if (it.value() == rxcui)
            return it.key();
    return {};
}

QString RxNormTable::fentanylPatchCode(double mcgPerHr) const
{
    QString best;
    for (const RxProduct &p : m_products) {
        const RxIngredient &i = p.ingredients.first();
        if (i.drug == QLatin1String("fentanyl") && i.unit == QLatin1String("MG/HR") &&
            std::abs(i.strength * 1000 - mcgPerHr) < 1e-6 && !p.name.contains(QLatin1Char('[')) &&
            (best.isEmpty() || p.rxcui.toLongLong() < best.toLongLong()))
            best = p.rxcui;  // the lowest code of equal products: the same file on every export
    }
    return best;
}

}  // namespace cairn::interop
