// cairn-faultproxy: see faultproxy.h. Parses the options, prints the listening port, takes commands on stdin
// and prints statistics on exit.

#include "tools/faultproxy/faultproxy.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

using cairn::faultproxy::FaultProxy;
using cairn::faultproxy::FaultSettings;

namespace {

int g_signalPipe[2] = {-1, -1};

// Async-signal-safe: the event loop reads the pipe and quits.
extern "C" void onTerminate(int)
{
    const char byte = 0;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

void installTerminationHandler()
{
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    struct sigaction action {};
    action.sa_handler = onTerminate;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "cairn-faultproxy: %s\n", qPrintable(message));
    return 2;
}

void printLine(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char *argv[])
{
    ::signal(SIGPIPE, SIG_IGN);  // a test that goes away must not kill us mid-write
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cairn-faultproxy"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Forwards TCP between clients and --target, adding latency, bandwidth limits, resets, stalls and dropped\n"
        "responses, chosen per connection from --seed. Listens on 127.0.0.1 and prints 'listening 127.0.0.1:PORT'.\n"
        "Reset and stall points fall within the first 16 KiB of a connection's traffic.\n"
        "stdin commands (answered 'ok' or 'error <reason>'): latency N, bandwidth N, stall-ms N, reset-rate P,\n"
        "stall-rate P, drop-response-rate P, reset-all, pause, resume. Exits on SIGTERM or stdin EOF."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption target(QStringLiteral("target"), QStringLiteral("Upstream server."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Port to listen on (0 = any free port)."),
                                    QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption latency(QStringLiteral("latency-ms"),
                                     QStringLiteral("One-way delay for every chunk, both directions."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption bandwidth(QStringLiteral("bandwidth-kbit"),
                                       QStringLiteral("Rate limit per direction and connection (0 = unlimited)."),
                                       QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed for the fault decisions."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption resetRate(QStringLiteral("reset-rate"),
                                       QStringLiteral("Probability that a connection is reset."), QStringLiteral("P"),
                                       QStringLiteral("0"));
    const QCommandLineOption stallRate(QStringLiteral("stall-rate"),
                                       QStringLiteral("Probability that a connection stalls."), QStringLiteral("P"),
                                       QStringLiteral("0"));
    const QCommandLineOption stallMs(QStringLiteral("stall-ms"), QStringLiteral("How long a stall lasts."),
                                     QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption dropResponseRate(
        QStringLiteral("drop-response-rate"),
        QStringLiteral("Probability that a connection closes toward the client when the first response byte arrives."),
        QStringLiteral("P"), QStringLiteral("0"));
    parser.addOptions({target, listen, latency, bandwidth, seed, resetRate, stallRate, stallMs, dropResponseRate});

    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    // --target HOST:PORT; a bracketed IPv6 host ([::1]:443) works too.
    if (!parser.isSet(target))
        return usageError(QStringLiteral("--target HOST:PORT is required"));
    const QString targetText = parser.value(target);
    const qsizetype colon = targetText.lastIndexOf(QLatin1Char(':'));
    QString host = targetText.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const std::optional<int> targetPort =
        colon > 0 ? cairn::faultproxy::parseBoundedInt(targetText.mid(colon + 1), 65535) : std::nullopt;
    if (host.isEmpty() || !targetPort || *targetPort == 0)
        return usageError(QStringLiteral("--target: expected HOST:PORT, got '%1'").arg(targetText));

    FaultSettings settings;
    const auto intOption = [&](const QCommandLineOption &option, int max, int *field) {
        const std::optional<int> value = cairn::faultproxy::parseBoundedInt(parser.value(option), max);
        if (value)
            *field = *value;
        else
            usageError(QStringLiteral("--%1: expected an integer from 0 to %2, got '%3'")
                           .arg(option.names().first())
                           .arg(max)
                           .arg(parser.value(option)));
        return value.has_value();
    };
    const auto rateOption = [&](const QCommandLineOption &option, double *field) {
        const std::optional<double> value = cairn::faultproxy::parseRate(parser.value(option));
        if (value)
            *field = *value;
        else
            usageError(QStringLiteral("--%1: expected a probability from 0 to 1, got '%2'")
                           .arg(option.names().first(), parser.value(option)));
        return value.has_value();
    };
    int listenPort = 0;
    if (!intOption(listen, 65535, &listenPort) ||
        !intOption(latency, cairn::faultproxy::kMaxMillis, &settings.latencyMs) ||
        !intOption(bandwidth, cairn::faultproxy::kMaxBandwidthKbit, &settings.bandwidthKbit) ||
        !intOption(stallMs, cairn::faultproxy::kMaxMillis, &settings.stallMs) ||
        !rateOption(resetRate, &settings.resetRate) || !rateOption(stallRate, &settings.stallRate) ||
        !rateOption(dropResponseRate, &settings.dropResponseRate))
        return 2;
    bool seedOk = false;
    const quint64 seedValue = parser.value(seed).toULongLong(&seedOk);
    if (!seedOk)
        return usageError(QStringLiteral("--seed: expected an unsigned integer, got '%1'").arg(parser.value(seed)));

    FaultProxy proxy(host, static_cast<quint16>(*targetPort), settings, seedValue);
    QString listenError;
    if (!proxy.listen(static_cast<quint16>(listenPort), &listenError)) {
        std::fprintf(stderr, "cairn-faultproxy: --listen: cannot listen on 127.0.0.1:%d: %s\n", listenPort,
                     qPrintable(listenError));
        return 1;
    }
    printLine(QStringLiteral("listening 127.0.0.1:%1").arg(proxy.port()));

    installTerminationHandler();
    QSocketNotifier signalNotifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);

    // Commands, one per line; EOF (the test or script went away) ends the proxy.
    QByteArray pending;
    QSocketNotifier stdinNotifier(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinNotifier, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (n <= 0) {
            stdinNotifier.setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        pending.append(buffer, n);
        qsizetype newline = 0;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(newline)).trimmed();
            pending.remove(0, newline + 1);
            if (!line.isEmpty())
                printLine(proxy.execute(line));
        }
    });

    QCoreApplication::exec();
    std::fprintf(stderr, "%s\n", qPrintable(proxy.statsLine()));
    return 0;
}
