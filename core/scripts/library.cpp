#include "core/scripts/library.h"

#include "core/domain/text.h"
#include "core/scripts/policy_placeholders.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <mutex>
#include <utility>

#include "cairn_build_paths.h"

namespace cairn::scripts {
namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

Result<QJsonObject> readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("file"), QStringLiteral("cannot be read")};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error{QStringLiteral("json"), QStringLiteral("not valid JSON: %1").arg(parseError.errorString())};
    return doc.object();
}

Script parseScript(const QJsonObject &o);
}  // namespace

Script scriptFromJson(const QJsonObject &json)
{
    return parseScript(json);
}

namespace {
Script parseScript(const QJsonObject &o)
{
    Script s;
    s.id = o.value(QStringLiteral("id")).toString();
    s.language = o.value(QStringLiteral("language")).toString();
    s.version = o.value(QStringLiteral("version")).toInt();
    s.title = o.value(QStringLiteral("title")).toString();
    s.situation = o.value(QStringLiteral("situation")).toString();
    s.audience = strings(o.value(QStringLiteral("audience")));
    const QJsonObject triggers = o.value(QStringLiteral("triggers")).toObject();
    s.gapTriggers = strings(triggers.value(QStringLiteral("gaps")));
    s.eventTriggers = strings(triggers.value(QStringLiteral("events")));
    for (const QJsonValue &step : o.value(QStringLiteral("steps")).toArray())
        s.steps.append({step[QStringLiteral("kind")].toString(), strings(step[QStringLiteral("phrasings")])});
    for (const QJsonValue &avoid : o.value(QStringLiteral("avoid")).toArray())
        s.avoid.append({avoid[QStringLiteral("phrase")].toString(), avoid[QStringLiteral("why")].toString()});
    s.sources = strings(o.value(QStringLiteral("sources")));
    s.basedOn = o.value(QStringLiteral("based_on")).toString();
    s.basedOnVersion = o.value(QStringLiteral("based_on_version")).toInt();
    s.editedBy = o.value(QStringLiteral("edited_by")).toString();
    s.editedOn = o.value(QStringLiteral("edited_on")).toString();
    const QJsonObject variant = o.value(QStringLiteral("policy_variant")).toObject();
    s.policyVariantKey = variant.value(QStringLiteral("key")).toString();
    s.policyVariantValue = variant.value(QStringLiteral("value")).toString();
    return s;
}

// Whole-word, case- and accent-insensitive patterns of the listed terms, compiled once per script
// rather than once per text (a script has dozens of texts, and a server checks every pushed one).
QList<std::pair<QString, QRegularExpression>> termPatterns(const QStringList &terms)
{
    QList<std::pair<QString, QRegularExpression>> patterns;
    for (const QString &term : terms)
        patterns.append({term, QRegularExpression(QStringLiteral("(^|[^\\w])") +
                                                      QRegularExpression::escape(domain::foldForSearch(term)) +
                                                      QStringLiteral("($|[^\\w])"),
                                                  QRegularExpression::UseUnicodePropertiesOption)});
    return patterns;
}

// The first listed term the text uses; empty if none.
QString stigmatizingTermIn(const QString &text, const QList<std::pair<QString, QRegularExpression>> &patterns)
{
    const QString folded = domain::foldForSearch(text);
    for (const auto &[term, word] : patterns) {
        if (word.match(folded).hasMatch())
            return term;
    }
    return {};
}

void checkScript(const Script &s, const QString &file, const QString &language, const QStringList &events,
                 const QStringList &terms, QList<Problem> &problems)
{
    auto problem = [&](const QString &field, const QString &message) { problems.append({file, field, message}); };
    static const QRegularExpression idShape(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (!idShape.match(s.id).hasMatch())
        problem(QStringLiteral("id"), QStringLiteral("must be lower-case words joined by hyphens"));
    if (QFileInfo(file).completeBaseName() != s.id)
        problem(QStringLiteral("id"), QStringLiteral("must match the file name"));
    if (s.language != language)
        problem(QStringLiteral("language"), QStringLiteral("must be \"%1\", the folder it is in").arg(language));
    if (s.version < 1)
        problem(QStringLiteral("version"), QStringLiteral("must be 1 or more"));
    if (s.title.trimmed().isEmpty())
        problem(QStringLiteral("title"), QStringLiteral("is required"));
    if (s.situation.trimmed().isEmpty())
        problem(QStringLiteral("situation"), QStringLiteral("is required"));
    if (s.audience.isEmpty())
        problem(QStringLiteral("audience"), QStringLiteral("name who uses the script"));
    for (const QString &a : s.audience)
        if (!audiences().contains(a))
            problem(QStringLiteral("audience"),
                    QStringLiteral("unknown audience \"%1\"").arg(domain::quotedInput(a, 40)));
    if (s.gapTriggers.isEmpty() && s.eventTriggers.isEmpty())
        problem(QStringLiteral("triggers"), QStringLiteral("at least one care gap or event must trigger the script"));
    for (const QString &g : s.gapTriggers)
        if (!knownGapCodes().contains(g))
            problem(QStringLiteral("triggers.gaps"),
                    QStringLiteral("unknown care gap \"%1\"").arg(domain::quotedInput(g, 40)));
    for (const QString &e : s.eventTriggers)
        if (!events.contains(e))
            problem(QStringLiteral("triggers.events"),
                    QStringLiteral("unknown event \"%1\" (see events.json)").arg(domain::quotedInput(e, 40)));
    if (s.sources.isEmpty() ||
        std::any_of(s.sources.cbegin(), s.sources.cend(), [](const QString &x) { return x.trimmed().isEmpty(); }))
        problem(QStringLiteral("sources"), QStringLiteral("cite at least one source"));
    int last = -1;
    QStringList kinds;
    for (qsizetype i = 0; i < s.steps.size(); ++i) {
        const Step &step = s.steps.at(i);
        const QString at = QStringLiteral("steps[%1]").arg(i);
        const int index = int(stepKinds().indexOf(step.kind));
        if (index < 0)
            problem(at + QStringLiteral(".kind"),
                    QStringLiteral("unknown step kind \"%1\"").arg(domain::quotedInput(step.kind, 40)));
        else if (index <= last)
            problem(at + QStringLiteral(".kind"),
                    QStringLiteral("steps must follow the order of README.md, each kind once"));
        last = std::max(last, index);
        kinds.append(step.kind);
        if (step.phrasings.size() < 2)
            problem(at + QStringLiteral(".phrasings"), QStringLiteral("give at least two alternative phrasings"));
    }
    for (const QString &required : requiredStepKinds())
        if (!kinds.contains(required))
            problem(QStringLiteral("steps"), QStringLiteral("the \"%1\" step is missing").arg(required));
    if (s.avoid.isEmpty())
        problem(QStringLiteral("avoid"), QStringLiteral("list at least one phrase to avoid, and why"));
    // Stigmatizing language anywhere but the quoted phrases to avoid.
    const auto patterns = termPatterns(terms);
    auto checkText = [&](const QString &field, const QString &text) {
        const QString term = stigmatizingTermIn(text, patterns);
        if (!term.isEmpty())
            problem(field, QStringLiteral("uses the stigmatizing term \"%1\"").arg(term));
    };
    checkText(QStringLiteral("title"), s.title);
    checkText(QStringLiteral("situation"), s.situation);
    for (qsizetype i = 0; i < s.steps.size(); ++i)
        for (qsizetype j = 0; j < s.steps.at(i).phrasings.size(); ++j)
            checkText(QStringLiteral("steps[%1].phrasings[%2]").arg(i).arg(j), s.steps.at(i).phrasings.at(j));
    for (qsizetype i = 0; i < s.avoid.size(); ++i)
        checkText(QStringLiteral("avoid[%1].why").arg(i), s.avoid.at(i).why);
    // A script that states the refill rules takes them from the policy (policy_placeholders.h).
    checkPolicyPlaceholders(s, file, problems);
}

QStringList shippedEvents()
{
    auto json = readJson(QDir(Library::shippedDirectory()).filePath(QStringLiteral("events.json")));
    return json ? json->value(QStringLiteral("events")).toObject().keys() : QStringList();
}

QStringList shippedTerms(const QString &language)
{
    auto json = readJson(QDir(Library::shippedDirectory()).filePath(QStringLiteral("stigmatizing-terms.json")));
    if (!json)
        return {};
    const QJsonObject terms = json->value(QStringLiteral("terms")).toObject();
    return strings(terms.value(language)) +
           (language == QLatin1String("en") ? QStringList() : strings(terms.value(QStringLiteral("en"))));
}

int severityWeight(const QString &severity)
{
    if (severity == QLatin1String("urgent"))
        return 1000;
    if (severity == QLatin1String("high"))
        return 100;
    if (severity == QLatin1String("medium"))
        return 20;
    return 10;
}

}  // namespace

QList<Problem> validateScript(const QJsonObject &json, const QString &file)
{
    QList<Problem> problems;
    const Script script = parseScript(json);
    if (script.language != QLatin1String("en") && script.language != QLatin1String("es"))
        problems.append({file, QStringLiteral("language"), QStringLiteral("must be \"en\" or \"es\"")});
    // checkScript also compares the id with a file name; a clinic copy's "file" is its id.
    checkScript(script, script.id + QStringLiteral(".json"), script.language, shippedEvents(),
                shippedTerms(script.language), problems);
    for (Problem &p : problems)
        p.file = file;
    return problems;
}

QJsonObject scriptToJson(const Script &s)
{
    QJsonArray steps;
    for (const Step &step : s.steps)
        steps.append(QJsonObject{{QStringLiteral("kind"), step.kind},
                                 {QStringLiteral("phrasings"), QJsonArray::fromStringList(step.phrasings)}});
    QJsonArray avoid;
    for (const AvoidPhrase &a : s.avoid)
        avoid.append(QJsonObject{{QStringLiteral("phrase"), a.phrase}, {QStringLiteral("why"), a.why}});
    QJsonObject o{{QStringLiteral("id"), s.id},
                  {QStringLiteral("language"), s.language},
                  {QStringLiteral("version"), s.version},
                  {QStringLiteral("title"), s.title},
                  {QStringLiteral("situation"), s.situation},
                  {QStringLiteral("audience"), QJsonArray::fromStringList(s.audience)},
                  {QStringLiteral("triggers"),
                   QJsonObject{{QStringLiteral("gaps"), QJsonArray::fromStringList(s.gapTriggers)},
                               {QStringLiteral("events"), QJsonArray::fromStringList(s.eventTriggers)}}},
                  {QStringLiteral("steps"), steps},
                  {QStringLiteral("avoid"), avoid},
                  {QStringLiteral("sources"), QJsonArray::fromStringList(s.sources)}};
    if (!s.basedOn.isEmpty()) {
        o.insert(QStringLiteral("based_on"), s.basedOn);
        o.insert(QStringLiteral("based_on_version"), s.basedOnVersion);
    }
    if (!s.editedBy.isEmpty())
        o.insert(QStringLiteral("edited_by"), s.editedBy);
    if (!s.editedOn.isEmpty())
        o.insert(QStringLiteral("edited_on"), s.editedOn);
    if (!s.policyVariantKey.isEmpty())
        o.insert(QStringLiteral("policy_variant"), QJsonObject{{QStringLiteral("key"), s.policyVariantKey},
                                                               {QStringLiteral("value"), s.policyVariantValue}});
    return o;
}

Library Library::withClinicScripts(const QList<Script> &clinicScripts) const
{
    Library merged = *this;
    for (const Script &script : clinicScripts) {
        QList<Script> &list = merged.m_byLanguage[script.language];
        auto same = std::find_if(list.begin(), list.end(), [&](const Script &s) { return s.id == script.id; });
        if (same != list.end())
            *same = script;
        else
            list.append(script);
    }
    return merged;
}

Library Library::forPolicy(const QJsonObject &policy) const
{
    Library filtered = *this;
    if (policy.isEmpty())
        return filtered;
    for (QList<Script> &list : filtered.m_byLanguage) {
        list.removeIf([&](const Script &script) {
            if (script.policyVariantKey.isEmpty())
                return false;
            QJsonValue value = policy;
            for (const QString &part : script.policyVariantKey.split(QLatin1Char('.')))
                value = value.toObject().value(part);
            return value.toString() != script.policyVariantValue;
        });
    }
    return filtered;
}

const QStringList &stepKinds()
{
    static const QStringList kinds{QStringLiteral("prepare"),
                                   QStringLiteral("open_and_ask_permission"),
                                   QStringLiteral("empathize"),
                                   QStringLiteral("explore_view_and_goals"),
                                   QStringLiteral("explain_with_patient_specific_reasons"),
                                   QStringLiteral("set_limit_kindly_with_choices"),
                                   QStringLiteral("non_abandonment_and_next_steps"),
                                   QStringLiteral("safety_net")};
    return kinds;
}

const QStringList &requiredStepKinds()
{
    static const QStringList kinds{QStringLiteral("prepare"),
                                   QStringLiteral("open_and_ask_permission"),
                                   QStringLiteral("empathize"),
                                   QStringLiteral("set_limit_kindly_with_choices"),
                                   QStringLiteral("non_abandonment_and_next_steps"),
                                   QStringLiteral("safety_net")};
    return kinds;
}

const QStringList &knownGapCodes()
{
    static const QStringList codes{QStringLiteral("AGREEMENT"),
                                   QStringLiteral("PDMP_CHECK"),
                                   QStringLiteral("UDS"),
                                   QStringLiteral("VISIT"),
                                   QStringLiteral("PEG"),
                                   QStringLiteral("DEPRESSION_SCREEN"),
                                   QStringLiteral("PHQ9_FOLLOWUP"),
                                   QStringLiteral("SUICIDE_RISK"),
                                   QStringLiteral("NALOXONE"),
                                   QStringLiteral("HIGH_DOSE"),
                                   QStringLiteral("BENZODIAZEPINE"),
                                   QStringLiteral("UDS_UNEXPECTED"),
                                   QStringLiteral("RISK_ASSESSMENT"),
                                   QStringLiteral("INTAKE_INCOMPLETE"),
                                   QStringLiteral("INTAKE_PRESCRIBED_EARLY"),
                                   QStringLiteral("MOUD_OFFER"),
                                   QStringLiteral("REFERRAL_NEEDED"),
                                   QStringLiteral("REFERRAL_FOLLOWUP")};
    return codes;
}

const QStringList &audiences()
{
    static const QStringList list{QStringLiteral("clinician"), QStringLiteral("medical_assistant"),
                                  QStringLiteral("nurse"), QStringLiteral("front_desk")};
    return list;
}

QList<Problem> Library::validate(const QString &directory)
{
    QList<Problem> problems;
    (void)load(directory, &problems);
    return problems;
}

Result<Library> Library::load(const QString &directory, QList<Problem> *problemsOut)
{
    QList<Problem> problems;
    const QDir dir(directory);
    auto eventsJson = readJson(dir.filePath(QStringLiteral("events.json")));
    auto termsJson = readJson(dir.filePath(QStringLiteral("stigmatizing-terms.json")));
    if (!eventsJson)
        problems.append({QStringLiteral("events.json"), eventsJson.error().field, eventsJson.error().message});
    if (!termsJson)
        problems.append(
            {QStringLiteral("stigmatizing-terms.json"), termsJson.error().field, termsJson.error().message});
    const QStringList events =
        eventsJson ? eventsJson->value(QStringLiteral("events")).toObject().keys() : QStringList();
    const QJsonObject terms = termsJson ? termsJson->value(QStringLiteral("terms")).toObject() : QJsonObject();

    Library library;
    const QStringList languages = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (languages.isEmpty())
        problems.append({directory, QStringLiteral("languages"), QStringLiteral("no language folders (en/, es/)")});
    QHash<QString, QSet<QString>> idsByLanguage;
    for (const QString &language : languages) {
        const QStringList allTerms =
            strings(terms.value(language)) +
            (language == QLatin1String("en") ? QStringList() : strings(terms.value(QStringLiteral("en"))));
        if (!terms.contains(language))
            problems.append({QStringLiteral("stigmatizing-terms.json"), QStringLiteral("terms.") + language,
                             QStringLiteral("no term list for this language")});
        const QDir languageDir(dir.filePath(language));
        for (const QString &name : languageDir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const QString file = language + QLatin1Char('/') + name;
            auto json = readJson(languageDir.filePath(name));
            if (!json) {
                problems.append({file, json.error().field, json.error().message});
                continue;
            }
            const Script script = parseScript(*json);
            checkScript(script, file, language, events, allTerms, problems);
            if (idsByLanguage[language].contains(script.id))
                problems.append({file, QStringLiteral("id"), QStringLiteral("duplicate id \"%1\"").arg(script.id)});
            idsByLanguage[language].insert(script.id);
            library.m_byLanguage[language].append(script);
        }
    }
    // Every script exists in every shipped language, with the same triggers, audience and steps.
    QSet<QString> allIds;
    for (const auto &ids : std::as_const(idsByLanguage))
        allIds.unite(ids);
    for (const QString &language : languages) {
        for (const QString &id : std::as_const(allIds)) {
            if (!idsByLanguage.value(language).contains(id))
                problems.append({language + QLatin1Char('/') + id + QStringLiteral(".json"), QStringLiteral("id"),
                                 QStringLiteral("missing translation of \"%1\"").arg(id)});
        }
    }
    if (languages.contains(QStringLiteral("en"))) {
        for (const Script &en : library.m_byLanguage.value(QStringLiteral("en"))) {
            for (const QString &language : languages) {
                const Script *other = library.find(en.id, language);
                if (!other || language == QLatin1String("en"))
                    continue;
                QStringList enKinds, otherKinds;
                for (const Step &s : en.steps)
                    enKinds << s.kind;
                for (const Step &s : other->steps)
                    otherKinds << s.kind;
                if (other->gapTriggers != en.gapTriggers || other->eventTriggers != en.eventTriggers ||
                    other->audience != en.audience || otherKinds != enKinds)
                    problems.append({language + QLatin1Char('/') + en.id + QStringLiteral(".json"),
                                     QStringLiteral("triggers"),
                                     QStringLiteral("triggers, audience and steps must match the English version")});
            }
        }
    }
    if (problemsOut)
        *problemsOut = problems;
    if (!problems.isEmpty())
        return Error{problems.first().file + QLatin1Char('.') + problems.first().field, problems.first().message};
    return library;
}

QString Library::shippedDirectory()
{
    return QDir(qEnvironmentVariable("CAIRN_ASSETS_DIR", QStringLiteral(CAIRN_DEFAULT_ASSETS_DIR)))
        .filePath(QStringLiteral("scripts"));
}

Result<const Library *> Library::shipped()
{
    static std::once_flag once;
    static std::optional<Result<Library>> loaded;
    std::call_once(once, [] { loaded = load(shippedDirectory()); });
    if (!*loaded)
        return loaded->error();
    return &loaded->value();
}

const Script *Library::find(const QString &id, const QString &language) const
{
    const auto it = m_byLanguage.constFind(language);
    if (it == m_byLanguage.cend())
        return nullptr;
    for (const Script &script : *it)
        if (script.id == id)
            return &script;
    return nullptr;
}

QStringList Library::idsForTrigger(const QString &codeOrEvent) const
{
    QStringList ids;
    for (const Script &script : m_byLanguage.value(QStringLiteral("en"))) {
        if (script.gapTriggers.contains(codeOrEvent) || script.eventTriggers.contains(codeOrEvent))
            ids.append(script.id);
    }
    ids.sort();
    return ids;
}

QList<Script> Library::rank(const PatientSituation &situation, const QString &language) const
{
    struct Scored {
        int score;
        Script script;
    };
    QList<Scored> scored;
    for (const Script &script : m_byLanguage.value(language)) {
        if (!situation.audience.isEmpty() && !script.audience.contains(situation.audience))
            continue;
        int score = 0;
        for (int i = 0; i < script.gapTriggers.size(); ++i) {
            const QString &code = script.gapTriggers.at(i);
            // A script's first trigger is the situation it was written for: it counts double.
            if (situation.gaps.contains(code))
                score += severityWeight(situation.gaps.value(code)) * (i == 0 ? 2 : 1);
        }
        for (const QString &event : script.eventTriggers)
            if (situation.events.contains(event))
                score += 150;
        if (score > 0)
            scored.append({score, script});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored &a, const Scored &b) {
        return a.score != b.score ? a.score > b.score : a.script.id < b.script.id;
    });
    QList<Script> ranked;
    for (const Scored &s : scored)
        ranked.append(s.script);
    return ranked;
}

}  // namespace cairn::scripts
