#pragma once
// Conversation scripts: the model, the loader and validator for assets/scripts, and ranking by a
// patient's open care gaps and recent events. See assets/scripts/README.md for the format.

#include "core/domain/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::scripts {

struct Step {
    QString kind;           // prepare, open_and_ask_permission, empathize, ...
    QStringList phrasings;  // alternatives, each usable as it stands
};

struct AvoidPhrase {
    QString phrase;
    QString why;
};

struct Script {
    QString id;
    QString language;
    int version = 1;
    QString title;
    QString situation;
    QStringList audience;
    QStringList gapTriggers;
    QStringList eventTriggers;
    QList<Step> steps;
    QList<AvoidPhrase> avoid;
    QStringList sources;
    // A clinic's own copy: the built-in id and version it adapts (empty for built-in scripts).
    QString basedOn;
    int basedOnVersion = 0;
    QString editedBy;
    QString editedOn;
    // A script that fits one value of a clinic policy switch ("policy_variant": {"key":
    // "new_patient.mode", "value": "bridge"}); empty key: fits every policy.
    QString policyVariantKey;
    QString policyVariantValue;
};

// One problem found by the validator, naming the file and the field.
struct Problem {
    QString file;
    QString field;
    QString message;
    [[nodiscard]] QString line() const { return file + QStringLiteral(": ") + field + QStringLiteral(": ") + message; }
};

const QStringList &stepKinds();  // in their order
const QStringList &requiredStepKinds();
const QStringList &knownGapCodes();  // the rules engine's care-gap codes
const QStringList &audiences();

// The patient's situation for ranking: open gaps with their severity, and recent events.
struct PatientSituation {
    QHash<QString, QString> gaps;  // code → severity ("urgent", "high", "medium", "low")
    QStringList events;
    QString audience;  // only scripts for this audience (empty: any)
};

// One script from its JSON (a clinic's copy), and its problems against the shipped vocabulary
// and term lists; `file` names it in the problems.
Script scriptFromJson(const QJsonObject &json);
QJsonObject scriptToJson(const Script &script);
QList<Problem> validateScript(const QJsonObject &json, const QString &file);

class Library {
public:
    // Loads and validates every script under `directory` (en/, es/, events.json,
    // stigmatizing-terms.json). Problems are returned whole; a library is only built when none.
    static Result<Library> load(const QString &directory, QList<Problem> *problems = nullptr);
    static QList<Problem> validate(const QString &directory);
    // CAIRN_ASSETS_DIR/scripts, else the source tree's assets/scripts.
    static QString shippedDirectory();
    static Result<const Library *> shipped();

    [[nodiscard]] QStringList languages() const { return m_byLanguage.keys(); }
    [[nodiscard]] QList<Script> scripts(const QString &language) const { return m_byLanguage.value(language); }
    [[nodiscard]] const Script *find(const QString &id, const QString &language) const;
    // Ids of the scripts a care gap or event triggers, in id order.
    [[nodiscard]] QStringList idsForTrigger(const QString &codeOrEvent) const;
    // Most relevant first; ties broken by id. Scripts nothing triggers are left out.
    [[nodiscard]] QList<Script> rank(const PatientSituation &situation, const QString &language) const;
    // The library with a clinic's scripts: a copy replaces the built-in of the same id and
    // language in use; the built-in itself is untouched on disk.
    [[nodiscard]] Library withClinicScripts(const QList<Script> &clinicScripts) const;
    // The library without the scripts written for another value of a policy switch than the one in
    // `policy` (the policy's JSON, ClinicPolicy::toJson()).
    [[nodiscard]] Library forPolicy(const QJsonObject &policy) const;

private:
    QHash<QString, QList<Script>> m_byLanguage;
};

}  // namespace cairn::scripts
