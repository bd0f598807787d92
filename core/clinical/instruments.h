#pragma once
// One scoring engine for every screening instrument, driven by the definitions in
// assets/clinical/instruments/*.json (items, answer ranges, scoring method, bands, alerts, LOINC
// codes, read-aloud wording in English and Spanish). Rules contract §2.

#include "core/domain/records.h"
#include "core/domain/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cairn::clinical {

struct ScreeningAnswers {
    QList<int> scores;           // "scores" instruments: one score per item
    QHash<QString, bool> yesNo;  // ORT: item id → yes
    bool exposed = false;        // PC-PTSD-5: trauma exposure
    QList<bool> items;           // PC-PTSD-5 items
};

struct ScreeningScore {
    QString instrument;
    QDate date;
    double total = 0;
    QString resultKind;  // "band", "tier", "positive" or "" (PEG)
    QString result;      // e.g. "mild", "low", "positive"/"negative"
    QStringList alerts;  // e.g. "item9_positive"
};

class Instrument {
public:
    static Result<Instrument> fromJson(const QJsonObject &definition);

    [[nodiscard]] const QString &id() const { return m_id; }
    [[nodiscard]] const QJsonObject &definition() const { return m_definition; }
    [[nodiscard]] int itemCount() const { return static_cast<int>(m_itemIds.size()); }
    // Errors name the item: "[8]" for a score list, ".personal_alcohol" for a yes/no map.
    [[nodiscard]] Result<ScreeningAnswers> parseAnswers(const QJsonValue &answers) const;
    // What an entry screen (rooming, the clinician's form) asks, as one answer per question:
    // one per item, and for the PC-PTSD-5 ("exposure_then_yes_no") the exposure question first.
    // A yes/no answer is 1 (yes) or 0 (no), a score its value; -1 is "not answered yet".
    [[nodiscard]] const QString &answerShape() const { return m_shape; }
    [[nodiscard]] bool asksExposureFirst() const { return m_shape == QLatin1String("exposure_then_yes_no"); }
    [[nodiscard]] int questionCount() const { return itemCount() + (asksExposureFirst() ? 1 : 0); }
    // Every question answered (no trauma exposure completes the PC-PTSD-5 without its items).
    [[nodiscard]] bool isComplete(const QList<int> &answers) const;
    // The answers in the shape records store and score() reads: a list of scores, the ORT's
    // {item id: true|false}, the PC-PTSD-5's {"trauma_exposure", "items"}.
    [[nodiscard]] QJsonValue recordAnswers(const QList<int> &answers) const;
    // The inverse, for correcting a stored screen: one answer per question (-1 where the record
    // holds none, e.g. the PC-PTSD-5's items after "no" to exposure); questionCount() values.
    [[nodiscard]] QList<int> answersFromRecord(const QJsonValue &stored) const;
    // sex matters for the ORT only; pcptsd5Cutoff comes from clinic policy.
    [[nodiscard]] Result<ScreeningScore> score(const QJsonValue &answers, domain::Sex sex, int pcptsd5Cutoff) const;

private:
    QString m_id;
    QJsonObject m_definition;
    QString m_shape;
    QString m_method;
    int m_min = 0;
    int m_max = 0;
    QStringList m_itemIds;
    QHash<QString, QPair<int, int>> m_points;  // ORT: item → (female, male)
};

class Instruments {
public:
    static Result<Instruments> loadFrom(const QString &directory);
    static Result<const Instruments *> shipped();
    [[nodiscard]] const Instrument *find(const QString &id) const;
    [[nodiscard]] QStringList ids() const;

private:
    QList<Instrument> m_instruments;
};

}  // namespace cairn::clinical
