// The clinic's Six Building Blocks self-assessment: each staff member's answers per round and the
// action plan, both clinic-scoped records that sync like the clinic's policy.
#include "core/registry/registry_private.h"

#include <QUuid>

#include <algorithm>

namespace cairn::registry {
namespace {

Result<clinical::SelfAssessment> shippedForm()
{
    return clinical::SelfAssessment::shipped(QStringLiteral("en"));
}

// What every call here starts from: the shipped self-assessment and the clinic's current records
// of one kind (answers or action-plan items).
struct ClinicRecords {
    clinical::SelfAssessment form;
    QList<storage::StoredRecord> records;
};

Result<ClinicRecords> clinicRecords(Database &db, const domain::KindInfo &kind)
{
    auto form = shippedForm();
    if (!form)
        return form.error();
    auto current = RecordStore(db).current(domain::kClinicScope);
    if (!current)
        return current.error();
    ClinicRecords clinic{std::move(form).value(), {}};
    for (const auto &record : *current)
        if (record.kind == kind.kind())
            clinic.records << record;
    return clinic;
}

// Every current record of `kind`, each read by `read` with the shipped form.
template <typename T>
Result<QList<T>> readAll(Database &db, const domain::KindInfo &kind,
                         Result<T> (*read)(const storage::StoredRecord &, const clinical::SelfAssessment &))
{
    auto clinic = clinicRecords(db, kind);
    if (!clinic)
        return clinic.error();
    QList<T> all;
    for (const auto &record : std::as_const(clinic->records)) {
        auto one = read(record, clinic->form);
        if (!one)
            return one.error();
        all << *one;
    }
    return all;
}

Result<clinical::AssessmentResponse> responseOf(const storage::StoredRecord &record,
                                                const clinical::SelfAssessment &form)
{
    auto response = clinical::AssessmentResponse::fromJson(record.payload, form);
    if (!response)
        return response.error().within(QStringLiteral("stored self-assessment answers"));
    response->respondent = record.author;
    response->answeredOn = QDate::fromString(record.date, Qt::ISODate);
    response->recordId = record.id;
    return response;
}

Result<clinical::ActionPlanItem> actionItemOf(const storage::StoredRecord &record, const clinical::SelfAssessment &form)
{
    auto item = clinical::ActionPlanItem::fromJson(record.payload, form);
    if (!item)
        return item.error().within(QStringLiteral("stored action plan item"));
    item->recordId = record.id;
    item->editedBy = record.author;
    item->editedOn = QDate::fromString(record.date, Qt::ISODate);
    return item;
}

}  // namespace

Result<QString> Registry::answerSelfAssessment(const QString &round, const QJsonObject &scores)
{
    if (!can(keys::Permission::AnswerSelfAssessment))
        return forbidden(QStringLiteral("answering the self-assessment"));
    auto clinic = clinicRecords(*d->db, domain::kSelfAssessmentResponseKind);
    if (!clinic)
        return clinic.error();
    const QJsonObject payload{{QStringLiteral("round"), round},
                              {QStringLiteral("role"), keys::toString(m_user.role)},
                              {QStringLiteral("scores"), scores}};
    if (auto parsed = clinical::AssessmentResponse::fromJson(payload, clinic->form); !parsed)
        return parsed.error();
    // Answering a round again replaces this user's own answers for it.
    QString previous;
    for (const auto &record : std::as_const(clinic->records))
        if (record.author == m_user.id && record.payload.value(QStringLiteral("round")).toString() == round)
            previous = record.id;
    RecordWriter w = writer();
    domain::RecordMeta meta;
    w.stamp(meta);
    domain::RecordEnvelope envelope;
    envelope.id = meta.id.toString(QUuid::WithoutBraces);
    envelope.patientId = domain::kClinicScope;
    envelope.kind = domain::kSelfAssessmentResponseKind.kind();
    envelope.date = m_clock.now().date().toString(Qt::ISODate);
    envelope.payload = payload;
    envelope.stamp = meta.stamp;
    envelope.supersedes = previous;
    if (auto s = writeInTransaction(w, envelope, QStringLiteral("answer_self_assessment")); !s)
        return s.error();
    return envelope.id;
}

Result<QList<clinical::AssessmentResponse>> Registry::selfAssessmentResponses()
{
    return readAll(*d->db, domain::kSelfAssessmentResponseKind, responseOf);
}

Result<clinical::ActionPlanItem> Registry::saveActionPlanItem(const QJsonObject &item)
{
    if (!can(keys::Permission::KeepActionPlan))
        return forbidden(QStringLiteral("keeping the action plan"));
    auto clinic = clinicRecords(*d->db, domain::kActionPlanItemKind);
    if (!clinic)
        return clinic.error();

    QJsonObject next;
    QString supersedes;
    const QString id = item.value(QStringLiteral("id")).toString();
    if (id.isEmpty()) {
        next.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        next.insert(QStringLiteral("status"), QStringLiteral("open"));
    } else {
        for (const auto &record : std::as_const(clinic->records)) {
            if (record.payload.value(QStringLiteral("id")).toString() == id) {
                next = record.payload;
                supersedes = record.id;
            }
        }
        if (supersedes.isEmpty())
            return Error{QStringLiteral("id"), QStringLiteral("no action-plan item has this id")};
    }
    for (auto it = item.begin(); it != item.end(); ++it)
        next.insert(it.key(), it.value());
    // The block follows from the item when only the item is named.
    if (!item.contains(QStringLiteral("block")) && item.contains(QStringLiteral("item"))) {
        const QString block = clinic->form.blockOf(item.value(QStringLiteral("item")).toString());
        if (block.isEmpty())
            return Error{QStringLiteral("item"), QStringLiteral("is not a statement of the self-assessment")};
        next.insert(QStringLiteral("block"), block);
    }

    // An owner named by user: one of this registry's users, stored by id.
    QJsonObject owner = next.value(QStringLiteral("owner")).toObject();
    const QString ownerUser = owner.value(QStringLiteral("user")).toString();
    if (!ownerUser.isEmpty()) {
        const auto users = d->keyring.users();
        const auto found = std::find_if(users.cbegin(), users.cend(), [&](const keys::UserInfo &user) {
            return user.id == ownerUser || user.name.compare(ownerUser, Qt::CaseInsensitive) == 0;
        });
        if (found == users.cend())
            return Error{QStringLiteral("owner.user"), QStringLiteral("is not a user of this registry")};
        owner.insert(QStringLiteral("user"), found->id);
        next.insert(QStringLiteral("owner"), owner);
    }
    auto parsed = clinical::ActionPlanItem::fromJson(next, clinic->form);
    if (!parsed)
        return parsed.error();
    RecordWriter w = writer();
    if (auto s = writeClinicRecord(w, domain::kActionPlanItemKind.kind(), m_clock.now().date(), parsed->toJson(),
                                   supersedes, QStringLiteral("change_action_plan"));
        !s)
        return s.error();
    parsed->editedBy = m_user.id;
    parsed->editedOn = m_clock.now().date();
    return parsed;
}

Result<QList<clinical::ActionPlanItem>> Registry::actionPlan()
{
    auto items = readAll(*d->db, domain::kActionPlanItemKind, actionItemOf);
    if (!items)
        return items.error();
    std::sort(items->begin(), items->end(),
              [](const auto &a, const auto &b) { return std::pair(a.due, a.id) < std::pair(b.due, b.id); });
    return items;
}

Result<QList<clinical::ActionPlanItem>> Registry::actionPlanHistory(const QString &itemId)
{
    auto form = shippedForm();
    if (!form)
        return form.error();
    auto history = RecordStore(*d->db).history(domain::kClinicScope);
    if (!history)
        return history.error();
    QList<clinical::ActionPlanItem> versions;
    for (const auto &record : *history) {
        if (record.kind != domain::kActionPlanItemKind.kind() || record.retracted ||
            record.payload.value(QStringLiteral("id")).toString() != itemId)
            continue;
        auto item = actionItemOf(record, *form);
        if (!item)
            return item.error();
        versions << *item;
    }
    return versions;
}

}  // namespace cairn::registry
