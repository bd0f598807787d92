#include "core/clinical/instruments.h"

#include "core/clinical/assets.h"
#include "core/clinical/mme.h"
#include "core/domain/text.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace cairn::clinical {
namespace {

Error definitionError(const QString &id, const QString &field, const QString &message)
{
    return Error{QStringLiteral("instruments/%1.%2").arg(id, field), message};
}

QString labelFor(const QJsonArray &ranges, double total)
{
    for (const QJsonValue &range : ranges) {
        if (total <= range.toObject().value(QStringLiteral("up_to")).toDouble())
            return range.toObject().value(QStringLiteral("label")).toString();
    }
    return ranges.isEmpty() ? QString() : ranges.last().toObject().value(QStringLiteral("label")).toString();
}

}  // namespace

Result<Instrument> Instrument::fromJson(const QJsonObject &d)
{
    Instrument in;
    in.m_definition = d;
    in.m_id = d.value(QStringLiteral("id")).toString();
    if (in.m_id.isEmpty())
        return Error{QStringLiteral("id"), QStringLiteral("every instrument needs an id")};
    if (d.value(QStringLiteral("sources")).toArray().isEmpty())
        return definitionError(in.m_id, QStringLiteral("sources"),
                               QStringLiteral("every instrument names its sources"));
    const QJsonObject answers = d.value(QStringLiteral("answers")).toObject();
    in.m_shape = answers.value(QStringLiteral("shape")).toString();
    in.m_method = d.value(QStringLiteral("scoring")).toObject().value(QStringLiteral("method")).toString();
    in.m_min = answers.value(QStringLiteral("min")).toInt();
    in.m_max = answers.value(QStringLiteral("max")).toInt();
    const QJsonArray items = d.value(QStringLiteral("items")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        const QString itemId = o.value(QStringLiteral("id")).toString();
        const QJsonObject text = o.value(QStringLiteral("text")).toObject();
        if (itemId.isEmpty() || text.value(QStringLiteral("en")).toString().isEmpty() ||
            text.value(QStringLiteral("es")).toString().isEmpty())
            return definitionError(in.m_id, QStringLiteral("items"),
                                   QStringLiteral("each item needs an id and English and Spanish wording"));
        in.m_itemIds.append(itemId);
        if (o.contains(QStringLiteral("points"))) {
            const QJsonObject points = o.value(QStringLiteral("points")).toObject();
            in.m_points.insert(
                itemId, {points.value(QStringLiteral("female")).toInt(), points.value(QStringLiteral("male")).toInt()});
        }
    }
    static const QStringList shapes{QStringLiteral("scores"), QStringLiteral("yes_no_map"),
                                    QStringLiteral("exposure_then_yes_no")};
    static const QStringList methods{QStringLiteral("sum"), QStringLiteral("mean"), QStringLiteral("weighted_by_sex"),
                                     QStringLiteral("count_yes_if_exposed")};
    if (!shapes.contains(in.m_shape))
        return definitionError(in.m_id, QStringLiteral("answers.shape"), QStringLiteral("unknown answer shape"));
    if (!methods.contains(in.m_method))
        return definitionError(in.m_id, QStringLiteral("scoring.method"), QStringLiteral("unknown scoring method"));
    if (in.m_shape == QLatin1String("scores") &&
        (answers.value(QStringLiteral("items")).toInt() != in.m_itemIds.size() || in.m_max <= in.m_min))
        return definitionError(in.m_id, QStringLiteral("answers"),
                               QStringLiteral("item count or range does not match the items"));
    if (in.m_method == QLatin1String("weighted_by_sex") && in.m_points.size() != in.m_itemIds.size())
        return definitionError(in.m_id, QStringLiteral("items"), QStringLiteral("every weighted item needs points"));
    return in;
}

Result<ScreeningAnswers> Instrument::parseAnswers(const QJsonValue &value) const
{
    ScreeningAnswers parsed;
    if (m_shape == QLatin1String("scores")) {
        if (!value.isArray())
            return Error{QString(), QStringLiteral("must be a list of %1 item scores").arg(m_itemIds.size())};
        const QJsonArray list = value.toArray();
        if (list.size() != m_itemIds.size())
            return Error{
                QString(),
                QStringLiteral("must have exactly %1 item scores, found %2").arg(m_itemIds.size()).arg(list.size())};
        for (qsizetype i = 0; i < list.size(); ++i) {
            const double v = list.at(i).toDouble(-1);
            if (!list.at(i).isDouble() || std::floor(v) != v || v < m_min || v > m_max)
                return Error{QStringLiteral("[%1]").arg(i),
                             QStringLiteral("must be a whole number from %1 to %2").arg(m_min).arg(m_max)};
            parsed.scores.append(static_cast<int>(v));
        }
        return parsed;
    }
    if (m_shape == QLatin1String("yes_no_map")) {
        if (!value.isObject())
            return Error{QString(), QStringLiteral("must be an object of yes/no items")};
        const QJsonObject map = value.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!m_itemIds.contains(it.key()))
                return Error{domain::quotedInput(it.key(), 60), QStringLiteral("is not an item of %1").arg(m_id)};
            if (!it.value().isBool())
                return Error{it.key(), QStringLiteral("must be true or false")};
            parsed.yesNo.insert(it.key(), it.value().toBool());
        }
        return parsed;
    }
    // exposure_then_yes_no
    if (!value.isObject())
        return Error{QString(),
                     QStringLiteral("must be {\"trauma_exposure\": true|false, \"items\": [5 × true|false]}")};
    const QJsonObject o = value.toObject();
    if (!o.value(QStringLiteral("trauma_exposure")).isBool())
        return Error{QStringLiteral("trauma_exposure"), QStringLiteral("must be true or false")};
    parsed.exposed = o.value(QStringLiteral("trauma_exposure")).toBool();
    const QJsonValue items = o.value(QStringLiteral("items"));
    if (!parsed.exposed && (items.isUndefined() || items.isNull()))
        return parsed;
    if (!items.isArray() || items.toArray().size() != m_itemIds.size())
        return Error{QStringLiteral("items"),
                     QStringLiteral("must be %1 answers of true or false").arg(m_itemIds.size())};
    const QJsonArray list = items.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isBool())
            return Error{QStringLiteral("items[%1]").arg(i), QStringLiteral("must be true or false")};
        parsed.items.append(list.at(i).toBool());
    }
    return parsed;
}

Result<ScreeningScore> Instrument::score(const QJsonValue &answers, domain::Sex sex, int pcptsd5Cutoff) const
{
    auto parsed = parseAnswers(answers);
    if (!parsed)
        return parsed.error();
    ScreeningScore s;
    s.instrument = m_id;
    if (m_method == QLatin1String("sum") || m_method == QLatin1String("mean")) {
        for (int v : parsed->scores)
            s.total += v;
        if (m_method == QLatin1String("mean"))
            s.total = roundToTenth(s.total / static_cast<double>(parsed->scores.size()));
    } else if (m_method == QLatin1String("weighted_by_sex")) {
        if (sex == domain::Sex::Unknown)
            return Error{QStringLiteral("sex"),
                         QStringLiteral("the ORT weighs its items by sex: female or male is required")};
        for (auto it = parsed->yesNo.cbegin(); it != parsed->yesNo.cend(); ++it) {
            if (it.value())
                s.total +=
                    sex == domain::Sex::Female ? m_points.value(it.key()).first : m_points.value(it.key()).second;
        }
    } else {  // count_yes_if_exposed
        if (parsed->exposed)
            s.total = static_cast<double>(std::count(parsed->items.cbegin(), parsed->items.cend(), true));
    }

    const QJsonObject result = m_definition.value(QStringLiteral("result")).toObject();
    s.resultKind = result.value(QStringLiteral("kind")).toString();
    if (s.resultKind == QLatin1String("band"))
        s.result = labelFor(result.value(QStringLiteral("bands")).toArray(), s.total);
    else if (s.resultKind == QLatin1String("tier"))
        s.result = labelFor(result.value(QStringLiteral("tiers")).toArray(), s.total);
    else if (s.resultKind == QLatin1String("positive")) {
        const int cutoff = result.contains(QStringLiteral("positive_at_least"))
                               ? result.value(QStringLiteral("positive_at_least")).toInt()
                               : pcptsd5Cutoff;
        s.result = s.total >= cutoff ? QStringLiteral("positive") : QStringLiteral("negative");
    }
    for (const QJsonValue &alertValue : m_definition.value(QStringLiteral("alerts")).toArray()) {
        const QJsonObject alert = alertValue.toObject();
        const int item = alert.value(QStringLiteral("item")).toInt();  // 1-based
        if (item >= 1 && item <= parsed->scores.size() &&
            parsed->scores.at(item - 1) >= alert.value(QStringLiteral("at_least")).toInt())
            s.alerts.append(alert.value(QStringLiteral("code")).toString());
    }
    return s;
}

Result<Instruments> Instruments::loadFrom(const QString &directory)
{
    Instruments instruments;
    const QDir dir(directory);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return Error{QStringLiteral("instruments"), QStringLiteral("no instrument definitions in %1").arg(directory)};
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("instruments/") + name, QStringLiteral("cannot be read")};
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return Error{QStringLiteral("instruments/") + name,
                         QStringLiteral("is not valid JSON: %1").arg(parseError.errorString())};
        auto instrument = Instrument::fromJson(doc.object());
        if (!instrument)
            return instrument.error();
        instruments.m_instruments.append(std::move(instrument).value());
    }
    return instruments;
}

Result<const Instruments *> Instruments::shipped()
{
    static std::once_flag once;
    static std::optional<Result<Instruments>> loaded;
    std::call_once(once, [] { loaded = loadFrom(QDir(clinicalAssetsDir()).filePath(QStringLiteral("instruments"))); });
    if (!*loaded)
        return loaded->error();
    return &loaded->value();
}

const Instrument *Instruments::find(const QString &id) const
{
    for (const Instrument &instrument : m_instruments)
        if (instrument.id() == id)
            return &instrument;
    return nullptr;
}

QStringList Instruments::ids() const
{
    QStringList ids;
    for (const Instrument &instrument : m_instruments)
        ids.append(instrument.id());
    return ids;
}

bool Instrument::isComplete(const QList<int> &answers) const
{
    if (answers.size() != questionCount())
        return false;
    if (asksExposureFirst() && answers.at(0) == 0)
        return true;
    return std::none_of(answers.cbegin(), answers.cend(), [](int v) { return v < 0; });
}

QJsonValue Instrument::recordAnswers(const QList<int> &answers) const
{
    if (m_shape == QLatin1String("yes_no_map")) {
        QJsonObject map;
        for (int i = 0; i < m_itemIds.size() && i < answers.size(); ++i)
            map.insert(m_itemIds.at(i), answers.at(i) == 1);
        return map;
    }
    if (asksExposureFirst()) {
        const bool exposed = answers.value(0) == 1;
        QJsonObject o{{QStringLiteral("trauma_exposure"), exposed}};
        if (exposed) {
            QJsonArray items;
            for (int i = 1; i < answers.size(); ++i)
                items.append(answers.at(i) == 1);
            o.insert(QStringLiteral("items"), items);
        }
        return o;
    }
    QJsonArray scores;
    for (int v : answers)
        scores.append(v);
    return scores;
}

QList<int> Instrument::answersFromRecord(const QJsonValue &stored) const
{
    QList<int> answers(questionCount(), -1);
    const auto yesNo = [](const QJsonValue &v) { return v.isBool() ? (v.toBool() ? 1 : 0) : -1; };
    if (m_shape == QLatin1String("yes_no_map")) {
        const QJsonObject map = stored.toObject();
        for (int i = 0; i < m_itemIds.size() && i < answers.size(); ++i)
            answers[i] = yesNo(map.value(m_itemIds.at(i)));
        return answers;
    }
    if (asksExposureFirst()) {
        const QJsonObject o = stored.toObject();
        if (!answers.isEmpty())
            answers[0] = yesNo(o.value(QStringLiteral("trauma_exposure")));
        const QJsonArray items = o.value(QStringLiteral("items")).toArray();
        for (int i = 0; i < items.size() && i + 1 < answers.size(); ++i)
            answers[i + 1] = yesNo(items.at(i));
        return answers;
    }
    const QJsonArray scores = stored.toArray();
    for (int i = 0; i < scores.size() && i < answers.size(); ++i)
        answers[i] = scores.at(i).isDouble() ? scores.at(i).toInt() : -1;
    return answers;
}

}  // namespace cairn::clinical
