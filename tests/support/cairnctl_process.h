#pragma once
// cairnctl as tests run it: a real process on a real encrypted registry, with a file-backed
// keystore in the test's directory, the PIN from CAIRN_PIN and no prompts.

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QtGlobal>

namespace cairn::testing {

struct CairnctlRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    // stderr without the keystore's and the platform's warnings (expected on test machines)
    [[nodiscard]] QList<QByteArray> errorLines() const
    {
        QList<QByteArray> lines;
        for (const QByteArray &line : err.split('\n'))
            if (!line.isEmpty() && !line.contains("keystore") && !line.contains("XDG_RUNTIME_DIR"))
                lines.append(line);
        return lines;
    }
    // The first error line, empty when there is none.
    [[nodiscard]] QByteArray error() const { return errorLines().value(0); }
};

// Runs $CAIRNCTL with `arguments` after "--db db"; `extraEnvironment` holds "NAME=value" pairs.
inline CairnctlRun runCairnctl(const QString &db, const QString &keystoreDir, const QString &pin,
                               const QStringList &arguments, const QStringList &extraEnvironment = {},
                               const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CAIRN_KEYSTORE"), QStringLiteral("file:") + keystoreDir);
    env.insert(QStringLiteral("CAIRN_PIN"), pin);
    for (const QString &pair : extraEnvironment)
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("CAIRNCTL"), QStringList{QStringLiteral("--db"), db} + arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(300000))
        qFatal("cairnctl did not finish");
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// A new encrypted registry at `db` with administrator Alex Admin (PIN `adminPin`); stops the test
// program when cairnctl cannot make it, since nothing after it could run.
inline QString newRegistryFile(const QString &db, const QString &keystoreDir, const QString &adminPin)
{
    const CairnctlRun init = runCairnctl(
        db, keystoreDir, adminPin, {QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Alex Admin")});
    if (init.exitCode != 0)
        qFatal("init failed: %s", init.err.constData());
    return db;
}

}  // namespace cairn::testing
