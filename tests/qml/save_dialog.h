#pragma once
// Saving a document as a user does (issue 18): a tap on the screen's "Save as PDF", then the save
// dialog it opens (qml/reports/SavePdfDialog.qml, Qt's own dialog) driven by keys and taps. The
// dialog opens in the user's Documents folder; DocumentsHome makes that folder a temporary one of
// the test's, so where the file goes does not depend on the machine.

#include "tests/qml/quick_driver.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace cairn::testing {

// A home folder of the test's own (HOME; no XDG_CONFIG_HOME, so no user-dirs.dirs elsewhere names
// Documents), with a Documents folder unless asked for none.
class DocumentsHome {
public:
    explicit DocumentsHome(bool withDocuments = true)
    {
        qputenv("HOME", m_home.path().toLocal8Bit());
        qunsetenv("XDG_CONFIG_HOME");
        if (withDocuments)
            QDir(m_home.path()).mkpath(QStringLiteral("Documents"));
    }
    bool isValid() const { return m_home.isValid(); }
    QString home() const { return m_home.path(); }
    QString documents() const { return m_home.filePath(QStringLiteral("Documents")); }

private:
    QTemporaryDir m_home;
};

// Whether `path` is a PDF file: it exists and starts with the PDF header.
inline bool isPdfFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(5) == QByteArrayLiteral("%PDF-");
}

// Taps `button`; in the save dialog it opens, checks it shows `folder`, types `fileName` over what
// the name field holds, ends it with the keyboard's Enter and taps its Save button (`saveLabel`, in
// the app's language). The file's path once the dialog closed, or empty (the button, the dialog in
// another folder, the name typed, its Save button, or its closing failed).
inline QString saveInDialog(QQuickWindow *window, const QString &button, const QString &folder, const QString &fileName,
                            const QString &saveLabel = QStringLiteral("Save"))
{
    if (!tapNamedInView(window, button))
        return {};
    // Open, and showing the folder's files (it lists them on a thread of its own): a user types
    // the name once the dialog has settled.
    QQuickItem *name = nullptr;
    QObject *listing = nullptr;
    if (!waitFor([&] {
            name = findItem(window, QStringLiteral("fileNameTextField"));
            QQuickItem *files = findItem(window, QStringLiteral("fileDialogListView"));
            listing = files ? files->property("model").value<QObject *>() : nullptr;
            return name && !inTransition(name) && listing &&
                   listing->property("status").toInt() == 1;  // FolderListModel.Ready
        }))
        return {};
    if (QDir(listing->property("folder").toUrl().toLocalFile()) != QDir(folder)) {
        qWarning("the save dialog opened in %s, not %s", qPrintable(listing->property("folder").toUrl().toLocalFile()),
                 qPrintable(folder));
        return {};
    }
    // The name replaces whatever the field holds (the last name saved, when it opens again).
    if (!tapNamedInView(window, QStringLiteral("fileNameTextField")) ||
        !waitFor([&] { return name->hasActiveFocus(); }))
        return {};
    QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
    for (const QChar c : fileName)
        QTest::keyClick(window, c.toLatin1());
    if (name->property("text").toString() != fileName)
        return {};
    QTest::keyClick(window, Qt::Key_Return);
    QQuickItem *dialog = name;
    while (dialog && !dialog->inherits("QQuickPopupItem"))
        dialog = dialog->parentItem();
    QQuickItem *save = nullptr;
    if (!waitFor([&] {
            save = findButton(dialog, saveLabel);
            return save && save->isEnabled();
        }))
        return {};
    tap(window, save);
    if (!waitFor([&] { return !findItem(window, QStringLiteral("fileNameTextField")); }))
        return {};
    return QDir(folder).filePath(fileName);
}

}  // namespace cairn::testing
