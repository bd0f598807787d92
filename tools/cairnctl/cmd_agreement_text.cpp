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

int runAgreementText(const QStringList &arguments, const GlobalOptions &options, Io &io)
{
    Arguments in(arguments);
    const QString action =
        in.action(QStringLiteral("agreement-text"),
                  {QStringLiteral("show [--version V]"), QStringLiteral("history"), QStringLiteral("set --json FILE")});
    if (!in)
        return fail(io, in.error(), BadInput);
    io.out->setEncoding(QStringConverter::Utf8);
    if (action == QLatin1String("show")) {
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
    if (action == QLatin1String("history")) {
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
                    << saved.text.value(QStringLiteral("title")).toObject().value(QStringLiteral("en")).toString()
                    << '\n';
        return Success;
    }
    if (action == QLatin1String("set")) {
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
    Q_UNREACHABLE();  // takeAction accepted only the actions above
    return Failure;
}

}  // namespace

CAIRN_CLI_COMMAND("agreement-text",
                  "agreement-text show [--version V] | history | set --json FILE: the patient agreement text patients "
                  "sign, its saved versions (administrators change it)",
                  runAgreementText);

}  // namespace cairn::cli
