#pragma once
// RxNorm codes the FHIR importer reads: opioid products (drug, strength, dose form) and sedative
// ingredients. Data in assets/clinical/rxnorm-table.json, generated from
// ../shared/reference/rxnorm-opioid-products.tsv by tools/interop/make_rxnorm_table.py.

#include "core/domain/records.h"
#include "core/domain/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cairn::interop {

struct RxIngredient {
    QString rxcui;
    QString drug;  // lower case, as the registry names it: "oxycodone"
    double strength = 0;
    QString unit;  // "MG", "MG/ML", "MG/HR", "MG/ACTUAT"
};

struct RxProduct {
    QString rxcui;
    QString name;
    QString doseForm;  // "Extended Release Oral Tablet", "Transdermal System", ...
    QList<RxIngredient> ingredients;
};

struct RxSedative {
    QString rxcui;
    QString drug;
    domain::SedativeKind kind = domain::SedativeKind::Benzodiazepine;
};

class RxNormTable {
public:
    static Result<RxNormTable> fromJson(const QJsonObject &root);
    // The shipped table, loaded once.
    static Result<const RxNormTable *> shipped();

    [[nodiscard]] const RxProduct *opioidProduct(const QString &rxcui) const;
    [[nodiscard]] const RxSedative *sedative(const QString &rxcui) const;
    // Export: the ingredient code of a drug the registry names ("oxycodone" → "7804"), empty when unknown.
    [[nodiscard]] QString ingredientCode(const QString &drug) const;
    [[nodiscard]] QString sedativeCode(const QString &drug) const;
    // The drug of an opioid ingredient code ("7804" → "oxycodone"), empty when unknown.
    [[nodiscard]] QString ingredientDrug(const QString &rxcui) const;
    // The unbranded 72-hour fentanyl patch of a strength in mcg/hr, empty when none.
    [[nodiscard]] QString fentanylPatchCode(double mcgPerHr) const;

private:
    QHash<QString, RxProduct> m_products;
    QHash<QString, RxSedative> m_sedatives;
    QHash<QString, QString> m_ingredientByDrug;
};

}  // namespace cairn::interop
