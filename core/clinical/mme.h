#pragma once
// Morphine milligram equivalents (rules contract §1): per regimen entry and in total, from a
// versioned factor table. Bands use the unrounded total; output rounds to one decimal.

#include "core/domain/records.h"
#include "core/domain/result.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cairn::clinical {

struct MethadoneTier {
    std::optional<double> upToMgPerDay;  // inclusive upper bound; none for the last tier
    double factor = 0;
};

struct MmeTable {
    QString id;
    QString title;
    QStringList sources;
    QHash<QString, double> factors;
    QList<MethadoneTier> methadoneTiers;  // empty: methadone uses its flat factor
    QHash<QString, QString> notCounted;   // drug → why it is not counted
};

class MmeTables {
public:
    static Result<MmeTables> fromJson(const QJsonObject &root);
    // The tables in assets/clinical/mme-tables.json, loaded once.
    static Result<const MmeTables *> shipped();

    [[nodiscard]] const MmeTable *find(const QString &id) const;
    [[nodiscard]] const QString &defaultId() const { return m_defaultId; }
    // The CDC caution that goes with every MME shown: English (the contract's text) or a language.
    [[nodiscard]] QString caution(const QString &language = QStringLiteral("en")) const;
    [[nodiscard]] bool knownDrug(const QString &drug) const;
    [[nodiscard]] QStringList tableIds() const;

private:
    QList<MmeTable> m_tables;
    QString m_defaultId;
    QJsonValue m_caution;  // a text, or a text per language
};

enum class MmeBand { Below50, From50To89, AtLeast90 };
QString toString(MmeBand band);  // "lt50", "50to89", "ge90"
MmeBand bandOf(double totalMmePerDay);

struct MmeItem {
    QString drug;
    std::optional<double> mmePerDay;  // none for drugs not counted
    QString note;
};

struct MmeResult {
    QString table;
    double totalPerDay = 0;  // unrounded
    MmeBand band = MmeBand::Below50;
    QList<MmeItem> items;  // active entries, in regimen order
};

// Entries active on `on` (start ≤ on and (no end or on ≤ end)) count. Every entry is checked:
// an unknown drug or a missing strength is an error naming "opioids[i].field".
Result<MmeResult> computeMme(const QList<domain::OpioidEntry> &entries, const QDate &on, const MmeTable &table);
bool isActiveOn(const QDate &start, const QDate &end, const QDate &on);

// One decimal, for display and output.
double roundToTenth(double value);

}  // namespace cairn::clinical
