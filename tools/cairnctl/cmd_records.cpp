// cairnctl patient | record | history: keeping the registry current without a screen. The same
// registry calls as the tablet forms; JSON in the rules contract's shapes. Input is parsed and
// validated before anything is written, so bad input exits 2 with one line and changes nothing.

#include "core/clinical/record_checks.h"
#include "core/domain/patient_json.h"
#include "core/domain/record_json.h"
#include "core/domain/record_kinds.h"
#include "core/domain/validation.h"
#include "core/registry/patient_records.h"
#include "core/storage/record_store.h"
#include "tools/cairnctl/cli_registry.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

// The JSON object in the file named by --json (- for standard input).
Result<QJsonObject> readJsonFile(const QString &file, Io &io)
{
    if (file.isEmpty())
        return Error{QStringLiteral("--json"), QStringLiteral("name the JSON file (- for standard input)")};
    const auto bytes = readInput(file, io);
    if (!bytes)
        return Error{QStringLiteral("--json"), QStringLiteral("cannot read %1").arg(file)};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{
            QStringLiteral("json"),
            QStringLiteral("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString())};
    if (!doc.isObject())
        return Error{QStringLiteral("json"), QStringLiteral("must be a JSON object")};
    return doc.object();
}

QJsonObject jsonFileOption(Arguments &in, Io &io)
{
    const QString file = in.option(QStringLiteral("--json"));
    if (!in)
        return {};
    return in.take(readJsonFile(file, io));
}

// Why a record is corrected or withdrawn: kept with the record.
QString reasonOption(Arguments &in)
{
    const QString reason = in.option(QStringLiteral("--reason"));
    if (!in)
        return {};
    if (reason.trimmed().isEmpty())
        in.reject({QStringLiteral("--reason"), QStringLiteral("say why (it is kept with the record)")});
    else if (reason.size() > 500)
        in.reject({QStringLiteral("--reason"), QStringLiteral("is too long (at most 500 characters)")});
    return reason.trimmed();
}

registry::RecordValue toValue(domain::AnyRecord record)
{
    return std::visit([](auto &&r) { return registry::RecordValue(std::move(r)); }, std::move(record));
}

// Domain validation plus the clinical checks (drug names, instrument answers) of one record.
Status checkRecord(const domain::AnyRecord &record)
{
    if (auto s = std::visit([](const auto &r) { return domain::validate(r); }, record); !s)
        return s;
    return clinical::checkRecord(record);
}

// The contract's record list names ("opioids", "uds", ...), from the one table of record kinds.
QSet<QString> recordListNames()
{
    QSet<QString> names;
    for (const domain::KindInfo &kind : domain::kRecordKindInfo)
        names.insert(QString(kind.sectionName()));
    return names;
}

// --- patient ----------------------------------------------------------------------------------

int runPatientAdd(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QJsonObject json = jsonFileOption(in, io);
    if (auto s = in.finish(); !s)
        return fail(io, s.error(), BadInput);
    auto patient = domain::patientFromJson(json);
    if (!patient)
        return fail(io, patient.error(), BadInput);
    if (!patient->id.isEmpty())
        return fail(io,
                    {QStringLiteral("id"),
                     QStringLiteral("the registry gives the id; put the clinic's identifier in clinic_id")},
                    BadInput);
    if (auto s = clinical::checkPatient(*patient); !s)
        return fail(io, s.error(), BadInput);
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    // Clinic identifiers name one patient each; a second patient with the same one is a typo or a
    // duplicate chart.
    auto existing = registry->listPatients();
    if (!existing)
        return fail(io, existing.error());
    for (const auto &summary : std::as_const(*existing)) {
        if (summary.clinicId.trimmed() == patient->clinicId.trimmed() && !patient->clinicId.trimmed().isEmpty())
            return fail(
                io,
                {QStringLiteral("clinic_id"),
                 QStringLiteral("\"%1\" is already another patient's identifier").arg(patient->clinicId.left(64))},
                BadInput);
    }
    return reportWritten(io, registry->addPatient(*patient), QStringLiteral("added patient ") + patient->clinicId);
}

// Demographic fields given in `changes`, checked on their own (types, dates, enum values) and
// then merged over the current ones.
int runPatientEdit(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString id = in.required(QStringLiteral("patient id"));
    const QJsonObject changes = jsonFileOption(in, io);
    if (auto s = in.finish(); !s)
        return fail(io, s.error(), BadInput);
    if (changes.isEmpty())
        return fail(io, {QStringLiteral("json"), QStringLiteral("lists no changed fields")}, BadInput);
    const QSet<QString> lists = recordListNames();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (lists.contains(it.key()))
            return fail(io, {it.key(), QStringLiteral("records are added with cairnctl record add")}, BadInput);
        if (it.key() == QLatin1String("id") && it.value().toString() != id)
            return fail(io, {QStringLiteral("id"), QStringLiteral("a patient's id does not change")}, BadInput);
    }
    auto alone = domain::demographicsFromJson(changes);
    if (!alone)
        return fail(io, alone.error(), BadInput);
    // A field the codec does not keep is not a demographic field (a typo would be lost silently).
    const QJsonObject kept = domain::demographicsToJson(*alone);
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const bool blank = it.value().isNull() || (it.value().isString() && it.value().toString().isEmpty());
        if (!kept.contains(it.key()) && !blank)
            return fail(io, {it.key(), QStringLiteral("is not a demographic field")}, BadInput);
    }

    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto current = registry->loadPatient(id);
    if (!current)
        return fail(io, current.error(), exitFor(current.error()));
    QJsonObject merged = domain::demographicsToJson(*current);
    for (auto it = changes.begin(); it != changes.end(); ++it)
        merged.insert(it.key(), it.value());
    auto next = domain::demographicsFromJson(merged);
    if (!next)
        return fail(io, next.error(), BadInput);
    next->id = current->id;
    if (auto s = domain::validate(*next); !s)
        return fail(io, s.error(), BadInput);
    if (next->clinicId.trimmed() != current->clinicId.trimmed()) {
        auto existing = registry->listPatients();
        if (!existing)
            return fail(io, existing.error());
        for (const auto &summary : std::as_const(*existing)) {
            if (summary.id != current->id && summary.clinicId.trimmed() == next->clinicId.trimmed())
                return fail(
                    io,
                    {QStringLiteral("clinic_id"),
                     QStringLiteral("\"%1\" is already another patient's identifier").arg(next->clinicId.left(64))},
                    BadInput);
        }
    }
    if (domain::demographicsToJson(*next) == domain::demographicsToJson(*current)) {
        *io.out << "no change to patient " << current->id << '\n';
        return Success;
    }
    if (auto s = registry->updateDemographics(*next); !s)
        return fail(io, s.error(), exitFor(s.error()));
    *io.out << "updated patient " << current->id << '\n';
    return Success;
}

int runPatientInactivate(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString id = in.required(QStringLiteral("patient id"));
    const QString reason = in.option(QStringLiteral("--reason"));
    domain::InactiveReason why{};
    if (in && !domain::parse(reason, &why))
        in.reject({QStringLiteral("--reason"),
                   QStringLiteral("must be moved, deceased, discharged, tapered_off or transferred")});
    const QString dateText = in.option(QStringLiteral("--date"));
    QDate date = kClock.now().date();
    if (in && !dateText.isEmpty())
        date = in.take(domain::parseIsoDate(dateText, QStringLiteral("--date")));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    // Kept with its history; leaves the huddle, worklists and measures from that date.
    if (auto s = registry->inactivatePatient(id, why, date); !s)
        return fail(io, s.error(), exitFor(s.error()));
    *io.out << "patient " << id << " is inactive (" << reason << ", " << date.toString(Qt::ISODate) << ")\n";
    return Success;
}

// --- record -----------------------------------------------------------------------------------

int runRecordAdd(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString id = in.required(QStringLiteral("patient id"));
    const QJsonObject object = jsonFileOption(in, io);
    if (auto s = in.finish(); !s)
        return fail(io, s.error(), BadInput);
    const QSet<QString> lists = recordListNames();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!lists.contains(it.key()))
            return fail(
                io, {it.key(), QStringLiteral("is not a record list (demographics change with cairnctl patient edit)")},
                BadInput);
    }
    // Read as a patient object: the same codec and validation as import, and errors named as in
    // the file ("opioids[0].strength_mg").
    auto partial = domain::patientFromJson(object);
    if (!partial)
        return fail(io, partial.error(), BadInput);
    if (auto s = clinical::checkPatient(*partial); !s)
        return fail(io, s.error(), BadInput);
    QList<registry::RecordValue> records;
    QStringList kinds;
    const auto envelopes = registry::envelopesOf(*partial, [](domain::RecordMeta &) {});
    for (qsizetype i = 1; i < envelopes.size(); ++i) {  // [0] is the (empty) demographics
        auto record = domain::recordFromJson(envelopes.at(i).kind, envelopes.at(i).payload);
        if (!record)
            return fail(io, record.error(), BadInput);
        kinds.append(envelopes.at(i).kind);
        records.append(toValue(std::move(record).value()));
    }
    if (records.isEmpty())
        return fail(io, {QStringLiteral("json"), QStringLiteral("lists no records")}, BadInput);

    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto ids = registry->addRecords(id, records);
    if (!ids)
        return fail(io, ids.error(), exitFor(ids.error()));
    for (qsizetype i = 0; i < ids->size(); ++i)
        *io.out << kinds.at(i) << '\t' << ids->at(i) << '\n';
    return Success;
}

int runRecordCorrect(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString recordId = in.required(QStringLiteral("record id"));
    const QJsonObject json = jsonFileOption(in, io);
    const QString reason = reasonOption(in);
    auto registry = unlockForRecord(in, options, kClock, io, recordId);
    if (!registry)
        return registry.exitCode;
    const QString kind = registry.record.kind;
    // The file is a record of the corrected record's kind, in the contract's shape.
    auto record = domain::recordFromJson(kind, json);
    if (!record)
        return fail(io, record.error(), BadInput);
    if (auto s = checkRecord(*record); !s)
        return fail(io, s.error(), BadInput);
    return reportWritten(io, registry->correctRecord(recordId, toValue(std::move(record).value()), reason),
                         QStringLiteral("corrected %1 %2").arg(kind, recordId));
}

int runRecordWithdraw(Arguments &in, const GlobalOptions &options, Io &io)
{
    const QString recordId = in.required(QStringLiteral("record id"));
    const QString reason = reasonOption(in);
    auto registry = unlockForRecord(in, options, kClock, io, recordId);
    if (!registry)
        return registry.exitCode;
    return reportWritten(io, registry->retractRecord(recordId, reason),
                         QStringLiteral("withdrew %1 %2").arg(registry.record.kind, recordId));
}

// --- history ----------------------------------------------------------------------------------

const QString kCorrectionReason = QStringLiteral("correction_reason");
const QString kRetractionReason = QStringLiteral("retraction_reason");

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// Every version of every record of the patient, in write order; withdrawals are folded into the
// version they withdraw. Keys are fixed for scripts.
QJsonObject historyJson(const QString &patientId, const QList<domain::RecordEnvelope> &history,
                        const QHash<QString, QString> &userNames)
{
    QHash<QString, const domain::RecordEnvelope *> replacedBy;  // version → the version or withdrawal after it
    for (const auto &e : history) {
        QStringList replaced = e.closes;
        if (!e.supersedes.isEmpty())
            replaced.prepend(e.supersedes);
        for (const QString &old : std::as_const(replaced)) {
            const auto *&by = replacedBy[old];
            if (!by || e.retracted)  // a withdrawal wins over a concurrent correction
                by = &e;
        }
    }
    auto name = [&](const QString &userId) { return userNames.value(userId, userId); };
    QJsonArray records;
    for (const auto &e : history) {
        if (e.retracted)
            continue;
        const domain::RecordEnvelope *by = replacedBy.value(e.id);
        const QString status = !by             ? QStringLiteral("current")
                               : by->retracted ? QStringLiteral("withdrawn")
                                               : QStringLiteral("corrected");
        QStringList replaces = e.closes;
        if (!e.supersedes.isEmpty())
            replaces.prepend(e.supersedes);
        QJsonObject record = e.payload;
        record.remove(kCorrectionReason);
        QJsonValue withdrawal(QJsonValue::Null);
        if (by && by->retracted) {
            withdrawal = QJsonObject{{QStringLiteral("id"), by->id},
                                     {QStringLiteral("author"), name(by->author)},
                                     {QStringLiteral("author_id"), by->author},
                                     {QStringLiteral("recorded_at"), by->writtenAt},
                                     {QStringLiteral("reason"), by->payload.value(kRetractionReason).toString()}};
        }
        records.append(QJsonObject{
            {QStringLiteral("id"), e.id},
            {QStringLiteral("kind"), e.kind},
            {QStringLiteral("date"), orNull(e.date)},
            {QStringLiteral("author"), name(e.author)},
            {QStringLiteral("author_id"), e.author},
            {QStringLiteral("recorded_at"), e.writtenAt},
            {QStringLiteral("status"), status},
            {QStringLiteral("replaces"), QJsonArray::fromStringList(replaces)},
            {QStringLiteral("replaced_by"), by && !by->retracted ? QJsonValue(by->id) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("reason"), orNull(e.payload.value(kCorrectionReason).toString())},
            {QStringLiteral("withdrawal"), withdrawal},
            {QStringLiteral("record"), record},
        });
    }
    return {{QStringLiteral("patient_id"), patientId}, {QStringLiteral("records"), records}};
}

// "drug=oxycodone strength_mg=10 ..." for a terminal.
QString summary(const QJsonObject &record)
{
    QStringList parts;
    for (auto it = record.begin(); it != record.end(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isNull() || (v.isString() && v.toString().isEmpty()))
            continue;
        if (v.isString())
            text = v.toString();
        else if (v.isArray())
            text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        else if (v.isObject())
            text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        else
            text = v.toVariant().toString();
        parts.append(it.key() + QLatin1Char('=') + text);
    }
    return parts.join(QLatin1Char(' '));
}

void printHistoryText(Io &io, const QJsonObject &history)
{
    const QJsonArray records = history.value(QStringLiteral("records")).toArray();
    *io.out << "patient " << history.value(QStringLiteral("patient_id")).toString() << ": " << records.size()
            << " versions\n";
    for (const QJsonValue &value : records) {
        const QJsonObject r = value.toObject();
        const QString date = r.value(QStringLiteral("date")).toString();
        *io.out << '\n'
                << (date.isEmpty() ? QStringLiteral("-").leftJustified(10) : date) << "  "
                << r.value(QStringLiteral("kind")).toString().leftJustified(14) << ' '
                << r.value(QStringLiteral("status")).toString().leftJustified(9) << ' '
                << r.value(QStringLiteral("id")).toString() << '\n';
        *io.out << "    recorded " << r.value(QStringLiteral("recorded_at")).toString() << " by "
                << r.value(QStringLiteral("author")).toString() << '\n';
        const QJsonArray replaces = r.value(QStringLiteral("replaces")).toArray();
        for (const QJsonValue &old : replaces)
            *io.out << "    replaces " << old.toString() << '\n';
        if (const QString reason = r.value(QStringLiteral("reason")).toString(); !reason.isEmpty())
            *io.out << "    reason: " << reason << '\n';
        if (const QString by = r.value(QStringLiteral("replaced_by")).toString(); !by.isEmpty())
            *io.out << "    corrected by " << by << '\n';
        const QJsonObject withdrawal = r.value(QStringLiteral("withdrawal")).toObject();
        if (!withdrawal.isEmpty()) {
            *io.out << "    withdrawn " << withdrawal.value(QStringLiteral("recorded_at")).toString() << " by "
                    << withdrawal.value(QStringLiteral("author")).toString() << ": "
                    << withdrawal.value(QStringLiteral("reason")).toString() << '\n';
        }
        *io.out << "    " << summary(r.value(QStringLiteral("record")).toObject()) << '\n';
    }
}

int runHistory(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    Arguments in(arguments);
    const bool asJson = in.flag(QStringLiteral("--json"));
    const QString id = in.required(QStringLiteral("patient id"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto history = registry->patientHistory(id);
    if (!history)
        return fail(io, history.error(), exitFor(history.error()));
    if (history->isEmpty())
        return fail(io, {QStringLiteral("patient"), QStringLiteral("no patient with id %1").arg(id)}, BadInput);
    // Authors by name; the key file lists every user of this registry without another unlock.
    QHash<QString, QString> names;
    if (auto users = registry::Registry::users(registryPath(options)); users) {
        for (const auto &u : std::as_const(*users))
            names.insert(u.id, u.name);
    }
    const QJsonObject out = historyJson(id, *history, names);
    io.out->setEncoding(QStringConverter::Utf8);
    if (asJson)
        *io.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
    else
        printHistoryText(io, out);
    return Success;
}

}  // namespace

CAIRN_CLI_COMMAND("patient", "patient add --json FILE | edit ID --json FILE | inactivate ID --reason R [--date D]",
                  actionsOf(QStringLiteral("patient"), {{QStringLiteral("add"), runPatientAdd},
                                                        {QStringLiteral("edit ID"), runPatientEdit},
                                                        {QStringLiteral("inactivate ID"), runPatientInactivate}}));
CAIRN_CLI_COMMAND(
    "record", "record add ID --json FILE | correct RECORD_ID --json FILE --reason R | withdraw RECORD_ID --reason R",
    actionsOf(QStringLiteral("record"), {{QStringLiteral("add"), runRecordAdd},
                                         {QStringLiteral("correct ID"), runRecordCorrect},
                                         {QStringLiteral("withdraw ID"), runRecordWithdraw}}));
CAIRN_CLI_COMMAND("history", "history ID [--json]: every version of every record of a patient, who and when",
                  runHistory);

}  // namespace cairn::cli
