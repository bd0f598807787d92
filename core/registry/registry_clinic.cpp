#include "core/clinical/agreement_text.h"
#include "core/registry/registry_private.h"
#include "core/storage/hot_queries.h"

#include <QRandomGenerator>
#include <QUuid>

#include <mutex>

namespace cairn::registry {

Status writeClinicRecord(RecordWriter &w, const QString &kind, const QDate &date, const QJsonObject &payload,
                         const QString &supersedes, const QString &action)
{
    domain::RecordMeta meta;
    w.stamp(meta);
    domain::RecordEnvelope envelope;
    envelope.id = meta.id.toString(QUuid::WithoutBraces);
    envelope.patientId = domain::kClinicScope;
    envelope.kind = kind;
    envelope.date = date.toString(Qt::ISODate);
    envelope.payload = payload;
    envelope.author = meta.author;
    envelope.device = meta.device;
    envelope.stamp = meta.stamp;
    envelope.supersedes = supersedes;
    return writeInTransaction(w, envelope, action);
}

// --- clinic policy ----------------------------------------------------------------------------

namespace {
Result<std::optional<storage::StoredRecord>> currentPolicyRecord(Database &db)
{
    auto current = RecordStore(db).current(domain::kClinicScope);
    if (!current)
        return current.error();
    std::optional<storage::StoredRecord> newest;
    for (const auto &record : *current) {
        if (record.kind == QLatin1String("clinic_policy") && (!newest || newest->stamp < record.stamp))
            newest = record;
    }
    return newest;
}
}  // namespace

namespace {
Result<PolicyInForce> readPolicyInForce(Database &db)
{
    auto stored = currentPolicyRecord(db);
    if (!stored)
        return stored.error();
    if (!*stored) {
        auto shipped = clinical::ClinicPolicy::defaults();
        if (!shipped)
            return shipped.error();
        return PolicyInForce{*shipped, QString()};
    }
    auto policy = clinical::ClinicPolicy::fromJson((*stored)->payload);
    if (!policy)
        return policy.error().within(QStringLiteral("stored clinic policy"));
    return PolicyInForce{*policy, (*stored)->id};
}
}  // namespace

Result<PolicyInForce> policyInForce(Database &db)
{
    // Every write and every read of a whole-registry screen asks for the policy; it changes only
    // with a record of the clinic scope (a policy written here or pulled), which moves the clinic
    // scope's newest record. So it is read again only then. One connection's copy is kept (the
    // app opens one registry at a time). Keyed by the record's id, not its seq: a seq comes back
    // after a rolled-back write, an id never does.
    struct Cached {
        std::uint64_t connection = 0;
        QString newestClinicRecord;
        PolicyInForce policy;
    };
    static std::mutex guard;
    static Cached cached;
    auto stmt = db.cached(storage::hot_queries::kNewestRecordOfPatient);
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, QString(domain::kClinicScope));
    const QString newest = (*stmt)->next() ? (*stmt)->text(0) : QString();
    if (!(*stmt)->status())
        return (*stmt)->status().error();
    (*stmt)->reset();
    {
        const std::lock_guard lock(guard);
        if (cached.connection == db.instanceId() && cached.newestClinicRecord == newest)
            return cached.policy;
    }
    auto read = readPolicyInForce(db);
    if (!read)
        return read.error();
    const std::lock_guard lock(guard);
    cached = {db.instanceId(), newest, *read};
    return read;
}

Result<clinical::ClinicPolicy> Registry::clinicPolicy()
{
    auto inForce = policyInForce(*d->db);
    if (!inForce)
        return inForce.error();
    return inForce->policy;
}

Result<clinical::ClinicPolicy> Registry::setClinicPolicy(const QJsonObject &overrides)
{
    if (!can(keys::Permission::EditPolicy))
        return forbidden(QStringLiteral("editing the clinic policy"));
    auto stored = currentPolicyRecord(*d->db);
    if (!stored)
        return stored.error();
    auto base = clinicPolicy();
    if (!base)
        return base.error();
    QJsonObject changes = overrides;
    if (!changes.contains(QStringLiteral("version"))) {
        const QString previous = base->version;
        const int number = previous.startsWith(QLatin1String("clinic-")) ? previous.mid(7).toInt() + 1 : 1;
        changes.insert(QStringLiteral("version"), QStringLiteral("clinic-%1").arg(number));
    }
    auto updated = base->withOverrides(changes);
    if (!updated)
        return updated.error();
    if (updated->version == base->version)
        return Error{QStringLiteral("version"), QStringLiteral("a changed policy needs a new version name")};
    if (updated->udsSelectionMode == clinical::UdsSelectionMode::Random && updated->udsSelectionSeed.isEmpty()) {
        // The clinic's secret for random urine testing, made once and kept with the policy.
        QByteArray seed(16, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(seed.data()), 4);
        updated->udsSelectionSeed = QString::fromLatin1(seed.toHex());
    }
    RecordWriter w = writer();
    if (auto s = writeClinicRecord(w, QStringLiteral("clinic_policy"), m_clock.now().date(), updated->toJson(),
                                   *stored ? (*stored)->id : QString(), QStringLiteral("change_policy"));
        !s)
        return s.error();
    return updated;
}

// --- clinic scripts ---------------------------------------------------------------------------

Result<QList<scripts::Script>> Registry::clinicScripts()
{
    auto current = RecordStore(*d->db).current(domain::kClinicScope);
    if (!current)
        return current.error();
    QList<scripts::Script> list;
    for (const auto &record : *current)
        if (record.kind == QLatin1String("clinic_script"))
            list.append(scripts::scriptFromJson(record.payload));
    std::sort(list.begin(), list.end(),
              [](const auto &a, const auto &b) { return std::pair(a.id, a.language) < std::pair(b.id, b.language); });
    return list;
}

Result<QList<scripts::Script>> Registry::clinicScriptHistory(const QString &id, const QString &language)
{
    auto history = RecordStore(*d->db).history(domain::kClinicScope);
    if (!history)
        return history.error();
    QList<scripts::Script> versions;
    for (const auto &record : *history) {
        if (record.kind != QLatin1String("clinic_script"))
            continue;
        scripts::Script s = scripts::scriptFromJson(record.payload);
        if (s.id == id && s.language == language)
            versions.append(s);
    }
    return versions;
}

Result<scripts::Script> Registry::saveClinicScript(const QJsonObject &json)
{
    if (!can(keys::Permission::EditScripts))
        return forbidden(QStringLiteral("editing conversation scripts"));
    scripts::Script script = scripts::scriptFromJson(json);
    const QList<scripts::Problem> problems = scripts::validateScript(json, QStringLiteral("script"));
    if (!problems.isEmpty())
        return Error{QStringLiteral("script.") + problems.first().field, problems.first().message};

    // The version this one replaces: the clinic's current copy, if any.
    auto current = RecordStore(*d->db).current(domain::kClinicScope);
    if (!current)
        return current.error();
    std::optional<storage::StoredRecord> previous;
    for (const auto &record : *current) {
        const scripts::Script s = scripts::scriptFromJson(record.payload);
        if (record.kind == QLatin1String("clinic_script") && s.id == script.id && s.language == script.language)
            previous = record;
    }
    const int previousVersion = previous ? scripts::scriptFromJson(previous->payload).version : 0;
    if (auto library = scripts::Library::shipped()) {
        if (const scripts::Script *builtIn = (*library)->find(script.id, script.language)) {
            script.basedOn = builtIn->id;
            script.basedOnVersion = builtIn->version;
        }
    }
    script.version = std::max(previousVersion, script.basedOnVersion) + 1;
    script.editedBy = m_user.name;
    script.editedOn = m_clock.now().date().toString(Qt::ISODate);

    RecordWriter w = writer();
    if (auto s =
            writeClinicRecord(w, QStringLiteral("clinic_script"), m_clock.now().date(), scripts::scriptToJson(script),
                              previous ? previous->id : QString(), QStringLiteral("change_script"));
        !s)
        return s.error();
    return script;
}

// --- the clinic's patient agreement text ------------------------------------------------------

namespace {
Result<std::optional<storage::StoredRecord>> currentAgreementRecord(Database &db)
{
    auto current = RecordStore(db).current(domain::kClinicScope);
    if (!current)
        return current.error();
    std::optional<storage::StoredRecord> newest;
    for (const auto &record : *current) {
        if (record.kind == domain::kClinicAgreementKind.kind() && (!newest || newest->stamp < record.stamp))
            newest = record;
    }
    return newest;
}
}  // namespace

Result<QJsonObject> Registry::clinicAgreementText()
{
    auto stored = currentAgreementRecord(*d->db);
    if (!stored)
        return stored.error();
    if (!*stored)
        return clinical::AgreementText::shippedJson();
    if (auto s = clinical::AgreementText::validate((*stored)->payload); !s)
        return s.error().within(QStringLiteral("stored clinic agreement text"));
    return (*stored)->payload;
}

Result<QList<Registry::AgreementTextVersion>> Registry::clinicAgreementHistory()
{
    auto history = RecordStore(*d->db).history(domain::kClinicScope);
    if (!history)
        return history.error();
    QList<AgreementTextVersion> versions;
    for (const auto &record : *history) {
        if (record.kind != domain::kClinicAgreementKind.kind() || record.retracted)
            continue;
        versions.append({record.payload.value(QStringLiteral("version")).toString(),
                         QDate::fromString(record.date, Qt::ISODate), record.author, record.payload});
    }
    return versions;
}

Result<QJsonObject> Registry::saveClinicAgreementText(const QJsonObject &text)
{
    if (!can(keys::Permission::EditPolicy))
        return forbidden(QStringLiteral("editing the patient agreement text"));
    auto stored = currentAgreementRecord(*d->db);
    if (!stored)
        return stored.error();
    // Only the words the tablet shows are kept; every save is a new version.
    const QString previous = *stored ? (*stored)->payload.value(QStringLiteral("version")).toString() : QString();
    const QString prefix = QStringLiteral("clinic-agreement-");
    const int number = previous.startsWith(prefix) ? previous.mid(prefix.size()).toInt() + 1 : 1;
    const QJsonObject saved{{QStringLiteral("version"), prefix + QString::number(number)},
                            {QStringLiteral("title"), text.value(QStringLiteral("title"))},
                            {QStringLiteral("sections"), text.value(QStringLiteral("sections"))}};
    if (auto s = clinical::AgreementText::validate(saved); !s)
        return s.error();
    RecordWriter w = writer();
    if (auto s = writeClinicRecord(w, domain::kClinicAgreementKind.kind(), m_clock.now().date(), saved,
                                   *stored ? (*stored)->id : QString(), QStringLiteral("change_agreement_text"));
        !s)
        return s.error();
    return saved;
}

}  // namespace cairn::registry
