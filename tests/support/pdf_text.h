#pragma once
// Reading back the PDFs Cairn renders, as a reader would: poppler's tools (poppler-utils) on the
// file, and the text squeezed so that a phrase is found however the page spaced or wrapped it.

#include <QByteArray>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace cairn::testing {

// A poppler tool's standard output; empty when it fails.
inline QByteArray poppler(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput();
}

// Text with every ligature unfolded and all white space removed.
inline QString squeezed(const QString &text)
{
    QString out = text.normalized(QString::NormalizationForm_KC);
    out.remove(QRegularExpression(QStringLiteral("\\s")));
    return out;
}

// A PDF's text as pdftotext -layout reads it (row by row, as printed), squeezed.
inline QString pdfText(const QString &file)
{
    return squeezed(QString::fromUtf8(
        poppler(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), file, QStringLiteral("-")})));
}

}  // namespace cairn::testing
