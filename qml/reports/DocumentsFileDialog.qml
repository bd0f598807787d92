import QtCore
import QtQuick
import QtQuick.Dialogs

// Every file dialog of the app (saving a PDF, exporting a worklist, choosing a file to import)
// opens in the user's Documents folder, or their home folder when there is no Documents folder:
// never in Qt's default folder (where the app started), never in a folder that does not exist.
// Open it with openInDocuments().
FileDialog {
    id: dialog

    // An existing folder of the user's, looked up when the dialog opens (a Documents folder made
    // since is found). locate() with an empty name finds the location itself, only if it exists.
    function openInDocuments() {
        for (const location of [StandardPaths.DocumentsLocation, StandardPaths.HomeLocation]) {
            if (StandardPaths.locate(location, "", StandardPaths.LocateDirectory).toString() !== "") {
                dialog.currentFolder = StandardPaths.writableLocation(location)
                break
            }
        }
        dialog.open()
    }
}
