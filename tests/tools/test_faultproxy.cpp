// cairn-faultproxy as sync tests use it: a real process between a client and an echo server in this test.
// Timing checks are lower bounds only (the proxy can only ever add delay), so they hold on a loaded machine.

#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <random>

namespace {

constexpr int kWaitMs = 20000;

QByteArray seededBytes(qsizetype size, quint32 seed)
{
    std::mt19937 rng(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(rng() & 0xffU);
    return bytes;
}

// Echoes everything back and remembers what it received.
class EchoServer {
public:
    EchoServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++connections;
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray bytes = socket->readAll();
                    received += bytes;
                    socket->write(bytes);
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }

    int connections = 0;
    QByteArray received;

private:
    QTcpServer m_server;
};

// A client that collects what it receives and notices when its connection ends (close or error).
class Client {
public:
    explicit Client(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { received += socket.readAll(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] { closed = true; });
        QObject::connect(&socket, &QTcpSocket::errorOccurred, &socket, [this] { closed = true; });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    // The kernel completes the handshake even while the proxy is not accepting.
    [[nodiscard]] bool waitConnected()
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, kWaitMs);
    }

    QTcpSocket socket;
    QByteArray received;
    bool closed = false;
};

// The proxy process; stdin stays open for commands until stop().
class Proxy {
public:
    ~Proxy()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(kWaitMs);
        }
    }

    [[nodiscard]] bool start(quint16 targetPort, const QStringList &options = {})
    {
        m_process.start(qEnvironmentVariable("CAIRN_FAULTPROXY"),
                        QStringList{QStringLiteral("--target"), QStringLiteral("127.0.0.1:%1").arg(targetPort)} +
                            options);
        if (!m_process.waitForStarted(kWaitMs) || !QTest::qWaitFor([this] { return m_process.canReadLine(); }, kWaitMs))
            return false;
        const QByteArray line = m_process.readLine();
        const QByteArray prefix("listening 127.0.0.1:");
        if (!line.startsWith(prefix) || !line.endsWith('\n'))
            return false;
        m_port = line.mid(prefix.size()).trimmed().toUShort();
        return m_port != 0;
    }
    [[nodiscard]] quint16 port() const { return m_port; }

    // One stdin command; returns the proxy's answer line.
    QByteArray command(const QByteArray &line)
    {
        m_process.write(line + '\n');
        if (!QTest::qWaitFor([this] { return m_process.canReadLine(); }, kWaitMs))
            return "(no answer)";
        return m_process.readLine().trimmed();
    }

    // Closes stdin, which ends the proxy; returns its stats line, or an explanation if it did not exit 0.
    QByteArray stop()
    {
        m_process.closeWriteChannel();
        return finish();
    }
    QByteArray terminate()
    {
        m_process.terminate();
        return finish();
    }

private:
    QByteArray finish()
    {
        if (!m_process.waitForFinished(kWaitMs))
            return "(did not exit)";
        if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0)
            return "(exit code " + QByteArray::number(m_process.exitCode()) + ")";
        return m_process.readAllStandardError().trimmed();
    }

    QProcess m_process;
    quint16 m_port = 0;
};

QByteArray stats(int connections, int resets, int stalls, int droppedResponses, qint64 bytesUp, qint64 bytesDown)
{
    return QStringLiteral("connections=%1 resets=%2 stalls=%3 dropped_responses=%4 bytes_up=%5 bytes_down=%6")
        .arg(connections)
        .arg(resets)
        .arg(stalls)
        .arg(droppedResponses)
        .arg(bytesUp)
        .arg(bytesDown)
        .toUtf8();
}

}  // namespace

class TestFaultProxy : public QObject {
    Q_OBJECT

    // Sends `payload` and returns how long until all of it came back through the proxy.
    static qint64 roundTripMs(Client &client, const QByteArray &payload)
    {
        QElapsedTimer timer;
        timer.start();
        client.socket.write(payload);
        if (!QTest::qWaitFor([&] { return client.received.size() >= payload.size() || client.closed; }, 60000))
            return -1;
        return client.received == payload ? timer.elapsed() : -1;
    }

private slots:
    void bytesPassThroughUnchanged()
    {
        EchoServer echo;
        Proxy proxy;
        QVERIFY(proxy.start(echo.port()));
        Client client(proxy.port());
        QVERIFY(client.waitConnected());
        const QByteArray payload = seededBytes(200 * 1024, 42);
        client.socket.write(payload);
        QTRY_COMPARE_WITH_TIMEOUT(client.received.size(), payload.size(), kWaitMs);
        QVERIFY(client.received == payload);
        QVERIFY(echo.received == payload);
        QVERIFY(!client.closed);
        QCOMPARE(proxy.stop(), stats(1, 0, 0, 0, payload.size(), payload.size()));
    }

    void latencyDelaysBothDirections()
    {
        EchoServer echo;
        Proxy proxy;
        QVERIFY(proxy.start(echo.port(), {QStringLiteral("--latency-ms"), QStringLiteral("150")}));
        Client client(proxy.port());
        QVERIFY(client.waitConnected());
        const qint64 elapsed = roundTripMs(client, "ping");
        QVERIFY2(elapsed >= 300, qPrintable(QStringLiteral("round trip took %1 ms").arg(elapsed)));
    }

    void bandwidthLimitsThroughput()
    {
        EchoServer echo;
        Proxy proxy;
        QVERIFY(proxy.start(echo.port(), {QStringLiteral("--bandwidth-kbit"), QStringLiteral("800")}));
        Client client(proxy.port());
        QVERIFY(client.waitConnected());
        // 100 KiB at 100 kB/s: about a second, less the bucket's 50 ms burst.
        const qint64 elapsed = roundTripMs(client, seededBytes(100 * 1024, 3));
        QVERIFY2(elapsed >= 900, qPrintable(QStringLiteral("100 KiB took %1 ms").arg(elapsed)));
    }

    void resetRateOneCutsTheConnection()
    {
        EchoServer echo;
        Proxy proxy;
        QVERIFY(proxy.start(echo.port(), {QStringLiteral("--reset-rate"), QStringLiteral("1")}));
        Client client(proxy.port());
        QVERIFY(client.waitConnected());
        const QByteArray payload = seededBytes(200 * 1024, 5);
        client.socket.write(payload);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, kWaitMs);
        QVERIFY(client.received.size() < payload.size());
        QVERIFY(proxy.stop().contains(" resets=1 "));
    }

    void stallHoldsTrafficThenResumes()
    {
        EchoServer echo;
        Proxy proxy;
        QVERIFY(proxy.start(echo.port(), {QStringLiteral("--stall-rate"), QStringLiteral("1"),
                                          QStringLiteral("--stall-ms"), QStringLiteral("400")}));
        Client client(proxy.port());
        QVERIFY(client.waitConnected());
        // 32 KiB each way passes the stall point, which lies within a connection's first 16 KiB.
        const qint64 elapsed = roundTripMs(client, seededBytes(32 * 1024, 9));
        QVERIFY2(elapsed >= 400, qPrintable(QStringLiteral("round trip took %1 ms").arg(elapsed)));
        QVERIFY(!client.closed);
        QVERIFY(proxy.stop().contains(" stalls=1 "));
    }

    void droppedResponseReachesServerButNotClient()
    {
        EchoServer echo;
        Proxy proxy;
        QVERIFY(proxy.start(echo.port(), {QStringLiteral("--drop-response-rate"), QStringLiteral("1")}));
        Client client(proxy.port());
        QVERIFY(client.waitConnected());
        const QByteArray request = seededBytes(1000, 11);
        client.socket.write(request);
        QTRY_COMPARE_WITH_TIMEOUT(echo.received.size(), request.size(), kWaitMs);
        QVERIFY(echo.received == request);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, kWaitMs);
        QCOMPARE(client.received.size(), 0);
        QVERIFY(proxy.stop().contains(" dropped_responses=1 "));
    }

    void pauseHoldsEverythingUntilResume()
    {
        EchoServer echo;
        Proxy proxy;
        QVERIFY(proxy.start(echo.port()));
        Client first(proxy.port());
        QVERIFY(first.waitConnected());
        first.socket.write("a");
        QTRY_COMPARE_WITH_TIMEOUT(first.received, QByteArray("a"), kWaitMs);

        QCOMPARE(proxy.command("pause"), QByteArray("ok"));
        first.socket.write("b");
        Client second(proxy.port());
        QVERIFY(second.waitConnected());
        second.socket.write("c");
        // Nothing can get through while paused, however long we look.
        QTest::qWait(300);
        QCOMPARE(first.received, QByteArray("a"));
        QCOMPARE(second.received, QByteArray());
        QCOMPARE(echo.connections, 1);

        QCOMPARE(proxy.command("resume"), QByteArray("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(first.received, QByteArray("ab"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(second.received, QByteArray("c"), kWaitMs);
        QCOMPARE(echo.connections, 2);
        QVERIFY(!first.closed && !second.closed);
    }

    void resetAllAbortsOpenConnections()
    {
        EchoServer echo;
        Proxy proxy;
        QVERIFY(proxy.start(echo.port()));
        Client first(proxy.port());
        Client second(proxy.port());
        QVERIFY(first.waitConnected() && second.waitConnected());
        first.socket.write("1");
        second.socket.write("2");
        QTRY_COMPARE_WITH_TIMEOUT(first.received, QByteArray("1"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(second.received, QByteArray("2"), kWaitMs);

        QCOMPARE(proxy.command("reset-all"), QByteArray("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(first.closed && second.closed, kWaitMs);

        // The proxy itself carries on.
        Client third(proxy.port());
        QVERIFY(third.waitConnected());
        third.socket.write("3");
        QTRY_COMPARE_WITH_TIMEOUT(third.received, QByteArray("3"), kWaitMs);
        QCOMPARE(proxy.stop(), stats(3, 2, 0, 0, 3, 3));
    }

    void commandsChangeBehaviourAtRunTime()
    {
        EchoServer echo;
        Proxy proxy;
        QVERIFY(proxy.start(echo.port()));
        QCOMPARE(proxy.command("latency 250"), QByteArray("ok"));
        Client client(proxy.port());
        QVERIFY(client.waitConnected());
        const qint64 elapsed = roundTripMs(client, "ping");
        QVERIFY2(elapsed >= 500, qPrintable(QStringLiteral("round trip took %1 ms").arg(elapsed)));

        QCOMPARE(proxy.command("latency 0"), QByteArray("ok"));
        QCOMPARE(proxy.command("bandwidth 0"), QByteArray("ok"));
        QCOMPARE(proxy.command("reset-rate 0.25"), QByteArray("ok"));
        QCOMPARE(proxy.command("stall-rate 0"), QByteArray("ok"));
        QCOMPARE(proxy.command("drop-response-rate 1"), QByteArray("ok"));
        for (const QByteArray &bad : {QByteArray("latency -1"), QByteArray("reset-rate 2"), QByteArray("bandwidth"),
                                      QByteArray("pause now"), QByteArray("frobnicate")}) {
            const QByteArray answer = proxy.command(bad);
            QVERIFY2(answer.startsWith("error "), answer.constData());
        }
    }

    void sameSeedSameFaults()
    {
        // Which connections get reset depends only on the seed and the order of connections.
        const auto outcomes = [](const QStringList &options) {
            EchoServer echo;
            Proxy proxy;
            QString pattern;
            if (!proxy.start(echo.port(), options))
                return QStringLiteral("(proxy did not start)");
            const QByteArray payload = seededBytes(16 * 1024, 13);
            for (int i = 0; i < 10; ++i) {
                Client client(proxy.port());
                if (!client.waitConnected())
                    return QStringLiteral("(no connection)");
                client.socket.write(payload);
                if (!QTest::qWaitFor([&] { return client.closed || client.received.size() == payload.size(); },
                                     kWaitMs))
                    return QStringLiteral("(connection %1 neither finished nor closed)").arg(i);
                pattern += client.closed ? QLatin1Char('R') : QLatin1Char('.');
            }
            return pattern;
        };
        const QStringList options{QStringLiteral("--reset-rate"), QStringLiteral("0.5"), QStringLiteral("--seed"),
                                  QStringLiteral("7")};
        const QString first = outcomes(options);
        QVERIFY2(first.contains(QLatin1Char('R')) && first.contains(QLatin1Char('.')), qPrintable(first));
        QCOMPARE(outcomes(options), first);
    }

    void terminateExitsCleanlyWithStats()
    {
        EchoServer echo;
        Proxy proxy;
        QVERIFY(proxy.start(echo.port()));
        QCOMPARE(proxy.terminate(), stats(0, 0, 0, 0, 0, 0));
    }

    void badOptionsExitTwoNamingTheOption_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("named");
        const QString target = QStringLiteral("--target=127.0.0.1:9");
        QTest::newRow("reset-rate") << QStringList{target, QStringLiteral("--reset-rate"), QStringLiteral("2")}
                                    << QStringLiteral("--reset-rate");
        QTest::newRow("stall-rate") << QStringList{target, QStringLiteral("--stall-rate"), QStringLiteral("nan")}
                                    << QStringLiteral("--stall-rate");
        QTest::newRow("drop-response-rate")
            << QStringList{target, QStringLiteral("--drop-response-rate"), QStringLiteral("-0.1")}
            << QStringLiteral("--drop-response-rate");
        QTest::newRow("latency") << QStringList{target, QStringLiteral("--latency-ms"), QStringLiteral("-5")}
                                 << QStringLiteral("--latency-ms");
        QTest::newRow("bandwidth") << QStringList{target, QStringLiteral("--bandwidth-kbit"), QStringLiteral("fast")}
                                   << QStringLiteral("--bandwidth-kbit");
        QTest::newRow("stall-ms") << QStringList{target, QStringLiteral("--stall-ms"), QStringLiteral("1.5")}
                                  << QStringLiteral("--stall-ms");
        QTest::newRow("seed") << QStringList{target, QStringLiteral("--seed"), QStringLiteral("x")}
                              << QStringLiteral("--seed");
        QTest::newRow("listen") << QStringList{target, QStringLiteral("--listen"), QStringLiteral("70000")}
                                << QStringLiteral("--listen");
        QTest::newRow("target without port")
            << QStringList{QStringLiteral("--target"), QStringLiteral("localhost")} << QStringLiteral("--target");
        QTest::newRow("target port zero")
            << QStringList{QStringLiteral("--target"), QStringLiteral("localhost:0")} << QStringLiteral("--target");
        QTest::newRow("no target") << QStringList{} << QStringLiteral("--target");
        QTest::newRow("unknown option") << QStringList{target, QStringLiteral("--frobnicate")}
                                        << QStringLiteral("frobnicate");
    }

    void badOptionsExitTwoNamingTheOption()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, named);
        QProcess process;
        process.start(qEnvironmentVariable("CAIRN_FAULTPROXY"), arguments);
        QVERIFY(process.waitForFinished(kWaitMs));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        QCOMPARE(process.readAllStandardOutput(), QByteArray());
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(err.count('\n'), 1);
        QVERIFY(err.endsWith('\n'));
        QVERIFY2(err.contains(named.toUtf8()), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "test_faultproxy.moc"
