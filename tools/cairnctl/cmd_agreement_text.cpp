// cairnctl agreement-text show [--version V] | history | set --json FILE: the clinic's patient
// agreement text (what patients read and sign), its saved versions, and changing it.

#include "tools/cairnctl/cli_registry.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cairn::cli {
namespace {

const registry::SystemClock kClock;

QString indented(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

int runShow(Arguments &in, const GlobalOptions &options, Io &io)
{
    io.out->setEncoding(QStringConverter::Utf8);
    const QString version = in.option(QStringLiteral("--version"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    if (version.isEmpty()) {
        auto text = registry->clinicAgreementText();
        if (!text)
            return fail(io, text.error());
        *io.out << indented(*text);
        return Success;
    }
    // A signature names the version shown: this prints exactly that text.
    auto history = registry->clinicAgreementHistory();
    if (!history)
        return fail(io, history.error());
    for (const auto &saved : *history) {
        if (saved.version == version) {
            *io.out << indented(saved.text);
            return Success;
        }
    }
    auto text = registry->clinicAgreementText();
    if (text && text->value(QStringLiteral("version")).toString() == version) {
        *io.out << indented(*text);  // the shipped default
        return Success;
    }
    return fail(io, {QStringLiteral("--version"), QStringLiteral("no agreement text has that version")}, BadInput);
}

int runHistory(Arguments &in, const GlobalOptions &options, Io &io)
{
    io.out->setEncoding(QStringConverter::Utf8);
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto history = registry->clinicAgreementHistory();
    if (!history)
        return fail(io, history.error());
    if (history->isEmpty()) {
        auto text = registry->clinicAgreementText();
        if (!text)
            return fail(io, text.error());
        *io.out << "the shipped text is in force (" << text->value(QStringLiteral("version")).toString()
                << "); the clinic has saved no text of its own\n";
        return Success;
    }
    for (const auto &saved : *history)
        *io.out << saved.version << '\t' << saved.date.toString(Qt::ISODate) << '\t' << saved.author << '\t'
                << saved.text.value(QStringLiteral("title")).toObject().value(QStringLiteral("en")).toString() << '\n';
    return Success;
}

int runSet(Arguments &in, const GlobalOptions &options, Io &io)
{
    io.out->setEncoding(QStringConverter::Utf8);
    const QJsonObject text = jsonObjectOption(in, io, QStringLiteral("agreement text"),
                                              QStringLiteral("assets/clinical/agreement-default.json"));
    auto registry = unlockForCommand(in, options, kClock, io);
    if (!registry)
        return registry.exitCode;
    auto saved = registry->saveClinicAgreementText(text);
    if (!saved)
        return fail(io, saved.error(), exitFor(saved.error()));
    *io.out << "the agreement text is now version " << saved->value(QStringLiteral("version")).toString() << '\n';
    return Success;
}

}  // namespace

CAIRN_CLI_COMMAND("agreement-text",
                  "agreement-text show [--version V] | history | set --json FILE: the patient agreement text patients "
                  "sign, its saved versions (administrators change it)",
                  actionsOf(QStringLiteral("agreement-text"), {{QStringLiteral("show [--version V]"), runShow},
                                                               {QStringLiteral("history"), runHistory},
                                                               {QStringLiteral("set --json FILE"), runSet}}));

}  // namespace cairn::cli
