// cairnctl case-summary | case-conference (issue 18 items 5-7): the case summary of one patient as
// JSON or as a PDF rendered in memory and written only to the file the user names, and the case
// conference from the clinician's question to the team's recommendations made into records.

#include "core/clinical/contract_json.h"
#include "core/domain/record_json.h"
#include "core/registry/case_conferences.h"
#include "core/registry/views.h"
#include "core/reports/case_summary.h"
#include "tools/cairnctl/cli_language.h"
#include "tools/cairnctl/cli_registry.h"

#include <QFile>
#include <QJsonArray>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

void print(Io &io, const QJsonObject &object)
{
    io.out->setEncoding(QStringConverter::Utf8);
    *io.out << QString::fromUtf8(clinical::contractJsonText(object));
}

int runCaseSummary(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    Arguments in(arguments);
    const QString patientId = in.required(QStringLiteral("PATIENT"));
    const QString pdf = in.option(QStringLiteral("--pdf"));
    const QString conference = in.option(QStringLiteral("--conference"));
    const QString lang = in.option(QStringLiteral("--lang"));
    const bool json = in.flag(QStringLiteral("--json"));
    const QDate asOf = in.date(QStringLiteral("--as-of"), kClock.now().date());
    if (auto s = in.finish(); !s)
        return fail(io, s.error(), BadInput);
    if (pdf.isEmpty() == !json)
        return fail(
            io, {QStringLiteral("--pdf"), QStringLiteral("name the file to write the summary to, or ask for --json")},
            BadInput);
    // The PDF's words, dates and numbers in the language asked for (English by default), as for
    // `report --lang`; the JSON keeps Cairn's stored values whatever the language.
    QTranslator translator;
    if (auto language = useDocumentLanguage(lang, translator); !language)
        return fail(io, language.error(), BadInput);

    auto unlocked = unlockForCommand(in, options, kClock, io);
    if (!unlocked)
        return unlocked.exitCode;
    // Read through loadPatient: the summary is audited as a view of the patient's record.
    auto view = registry::patientView(*unlocked, patientId, asOf);
    if (!view)
        return fail(io, view.error(), exitFor(view.error()));
    auto rules = registry::shippedRules();
    if (!rules)
        return fail(io, rules.error());
    auto summary = reports::caseSummary(view->patient, view->evaluation, view->ltot, (*rules)->table, asOf, conference);
    if (!summary)
        return fail(io, summary.error(), exitFor(summary.error()));
    if (json) {
        print(io, reports::caseSummaryToJson(*summary));
        return Success;
    }
    const QByteArray bytes = reports::renderCaseSummary(*summary);
    // Straight to the named file: no temporary copy of a document that names the patient.
    QFile out(pdf);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size() || !out.flush()) {
        out.remove();
        return fail(io, {QStringLiteral("--pdf"), QStringLiteral("cannot write %1").arg(pdf)});
    }
    out.close();
    *io.out << "case summary written to " << pdf << '\n';
    return Success;
}

// {"consult_note": "...", "recommendations": [...], "scripts": ["..."]}
Result<registry::ConsultNote> consultNoteFrom(const QJsonObject &object)
{
    registry::ConsultNote note;
    const QJsonValue text = object.value(QStringLiteral("consult_note"));
    if (!text.isUndefined() && !text.isString())
        return Error{QStringLiteral("consult_note"), QStringLiteral("must be text")};
    note.note = text.toString();
    const QJsonValue list = object.value(QStringLiteral("recommendations"));
    if (!list.isUndefined() && !list.isArray())
        return Error{QStringLiteral("recommendations"), QStringLiteral("must be a list of recommendations")};
    const QJsonArray recommendations = list.toArray();
    for (qsizetype i = 0; i < recommendations.size(); ++i) {
        const QString at = QStringLiteral("recommendations[%1]").arg(i);
        if (!recommendations.at(i).isObject())
            return Error{at, QStringLiteral("must be an object with kind and text")};
        auto r = domain::recommendationFromJson(recommendations.at(i).toObject());
        if (!r)
            return r.error().within(at);
        if (!r->recordId.isEmpty())
            return Error{at + QStringLiteral(".record_id"), QStringLiteral("is set by Cairn when the record is made")};
        note.recommendations << *r;
    }
    const QJsonValue scripts = object.value(QStringLiteral("scripts"));
    if (!scripts.isUndefined() && !scripts.isArray())
        return Error{QStringLiteral("scripts"), QStringLiteral("must be a list of script ids")};
    for (qsizetype i = 0; i < scripts.toArray().size(); ++i) {
        const QJsonValue id = scripts.toArray().at(i);
        if (!id.isString())
            return Error{QStringLiteral("scripts[%1]").arg(i), QStringLiteral("must be a script id")};
        note.scripts << id.toString();
    }
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.key() != QLatin1String("consult_note") && it.key() != QLatin1String("recommendations") &&
            it.key() != QLatin1String("scripts"))
            return Error{it.key(), QStringLiteral("is not a field of a consult note (consult_note, recommendations, "
                                                  "scripts)")};
    return note;
}

QJsonObject taskJson(const clinical::TaskItem &t)
{
    return {{QStringLiteral("id"), t.taskId},
            {QStringLiteral("patient_id"), t.patientId},
            {QStringLiteral("name"), t.patientName},
            {QStringLiteral("text"), t.text},
            {QStringLiteral("owner_role"), t.ownerRole},
            {QStringLiteral("due"), t.due.toString(Qt::ISODate)},
            {QStringLiteral("overdue"), t.overdue}};
}

QJsonObject conferenceJson(const clinical::ConferenceItem &c)
{
    return {
        {QStringLiteral("id"), c.conferenceId},
        {QStringLiteral("patient_id"), c.patientId},
        {QStringLiteral("name"), c.patientName},
        {QStringLiteral("question"), c.question},
        {QStringLiteral("status"), domain::toString(c.status)},
        {QStringLiteral("requested"), c.requested.toString(Qt::ISODate)},
        {QStringLiteral("meeting_date"), c.meetingDate.isValid() ? c.meetingDate.toString(Qt::ISODate) : QString()}};
}

int runCaseConference(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    Arguments in(arguments);
    const QString action =
        in.action(QStringLiteral("case-conference"),
                  {QStringLiteral("request PATIENT"), QStringLiteral("schedule ID"), QStringLiteral("record ID"),
                   QStringLiteral("close ID"), QStringLiteral("list"), QStringLiteral("tasks")});
    if (!in)
        return fail(io, in.error(), BadInput);
    const QDate today = kClock.now().date();

    if (action == QLatin1String("list") || action == QLatin1String("tasks")) {
        const QString role = in.option(QStringLiteral("--role"));
        const QDate asOf = in.date(QStringLiteral("--as-of"), today);
        if (auto s = in.finish(); !s)
            return fail(io, s.error(), BadInput);
        std::optional<keys::Role> owner;
        if (!role.isEmpty()) {
            if (auto s = clinical::checkTaskOwner(role, QStringLiteral("--role")); !s)
                return fail(io, s.error(), BadInput);
            keys::Role parsed{};
            keys::parse(role, &parsed);
            owner = parsed;
        }
        auto unlocked = unlockForCommand(in, options, kClock, io);
        if (!unlocked)
            return unlocked.exitCode;
        QJsonArray rows;
        if (action == QLatin1String("list")) {
            auto list = registry::clinicianMeetingList(*unlocked, asOf);
            if (!list)
                return fail(io, list.error(), exitFor(list.error()));
            for (const auto &c : *list)
                rows.append(conferenceJson(c));
            print(io, {{QStringLiteral("as_of"), asOf.toString(Qt::ISODate)}, {QStringLiteral("to_discuss"), rows}});
            return Success;
        }
        auto tasks = registry::taskWorklist(*unlocked, owner, asOf);
        if (!tasks)
            return fail(io, tasks.error(), exitFor(tasks.error()));
        for (const auto &t : *tasks)
            rows.append(taskJson(t));
        print(io, {{QStringLiteral("as_of"), asOf.toString(Qt::ISODate)}, {QStringLiteral("tasks"), rows}});
        return Success;
    }

    const QString id =
        in.required(action == QLatin1String("request") ? QStringLiteral("PATIENT") : QStringLiteral("ID"));
    // What each action needs, checked before the registry is unlocked.
    QString question;
    QDate meeting;
    registry::ConsultNote note;
    if (action == QLatin1String("request")) {
        question = in.option(QStringLiteral("--question"));
        if (in.finish() && question.trimmed().isEmpty())
            in.reject({QStringLiteral("--question"), QStringLiteral("write the one question for the team")});
    } else if (action == QLatin1String("schedule")) {
        meeting = in.date(QStringLiteral("--meeting"), QDate());
        if (in.finish() && !meeting.isValid())
            in.reject({QStringLiteral("--meeting"), QStringLiteral("is required (YYYY-MM-DD)")});
    } else if (action == QLatin1String("record")) {
        const QString file = in.option(QStringLiteral("--recommendations"));
        if (in.finish() && file.isEmpty())
            in.reject(
                {QStringLiteral("--recommendations"), QStringLiteral("name the JSON file (- for standard input)")});
        if (in.finish()) {
            auto object = readJsonObject(file, io, QStringLiteral("a consult note"), QStringLiteral("docs/reports.md"));
            note = in.take(object ? consultNoteFrom(*object) : Result<registry::ConsultNote>(object.error()));
        }
    }
    auto unlocked = unlockForCommand(in, options, kClock, io);
    if (!unlocked)
        return unlocked.exitCode;
    Result<QStringList> written = QStringList();
    auto one = [](const Result<QString> &made) {
        return made ? Result<QStringList>(QStringList{*made}) : Result<QStringList>(made.error());
    };
    if (action == QLatin1String("request"))
        written = one(registry::requestCaseConference(*unlocked, id, question, today));
    else if (action == QLatin1String("schedule"))
        written = one(registry::scheduleCaseConference(*unlocked, id, meeting));
    else if (action == QLatin1String("record"))
        written = registry::recordConsultNote(*unlocked, id, note, today);
    else
        written = one(registry::closeCaseConference(*unlocked, id));
    if (!written)
        return fail(io, written.error(), exitFor(written.error()));
    print(io, {{QStringLiteral("ids"), QJsonArray::fromStringList(*written)}});
    return Success;
}

// cairnctl task due --role R [--as-of D] | done ID: a role's Today, and marking a task done.
int runTask(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    Arguments in(arguments);
    const QString action =
        in.action(QStringLiteral("task"), {QStringLiteral("due --role R"), QStringLiteral("done ID")});
    if (!in)
        return fail(io, in.error(), BadInput);
    if (action == QLatin1String("due")) {
        const QString role = in.option(QStringLiteral("--role"));
        const QDate asOf = in.date(QStringLiteral("--as-of"), kClock.now().date());
        if (in.finish())
            if (auto s = clinical::checkTaskOwner(role, QStringLiteral("--role")); !s)
                in.reject(s.error());
        auto unlocked = unlockForCommand(in, options, kClock, io);
        if (!unlocked)
            return unlocked.exitCode;
        keys::Role owner{};
        keys::parse(role, &owner);
        auto tasks = registry::tasksDueToday(*unlocked, owner, asOf);
        if (!tasks)
            return fail(io, tasks.error(), exitFor(tasks.error()));
        QJsonArray rows;
        for (const auto &t : *tasks)
            rows.append(taskJson(t));
        print(io, {{QStringLiteral("as_of"), asOf.toString(Qt::ISODate)}, {QStringLiteral("tasks"), rows}});
        return Success;
    }
    const QString id = in.required(QStringLiteral("TASK"));
    auto unlocked = unlockForCommand(in, options, kClock, io);
    if (!unlocked)
        return unlocked.exitCode;
    auto done = registry::completeTask(*unlocked, id);
    if (!done)
        return fail(io, done.error(), exitFor(done.error()));
    print(io, {{QStringLiteral("ids"), QJsonArray{*done}}});
    return Success;
}

}  // namespace

CAIRN_CLI_DRAWING_COMMAND("case-summary",
                          "case-summary PATIENT (--pdf FILE | --json) [--conference ID] [--as-of D] [--lang es]: the "
                          "patient's case summary",
                          runCaseSummary);
CAIRN_CLI_COMMAND("case-conference",
                  "case-conference request PATIENT --question Q | schedule ID --meeting D | record ID "
                  "--recommendations FILE.json | close ID | list [--as-of D] | tasks [--role R] [--as-of D]",
                  runCaseConference);
CAIRN_CLI_COMMAND("task", "task due --role R [--as-of D] | done ID: the tasks on a role's Today, and marking one done",
                  runTask);

}  // namespace cairn::cli
