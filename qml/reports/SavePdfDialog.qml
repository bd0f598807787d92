import QtCore
import QtQuick
import QtQuick.Dialogs

// The dialog every "Save as PDF" opens (the case summary, the monthly report, the PDF reader). It
// opens in the user's Documents folder, or their home folder when there is no Documents folder:
// never in a folder that does not exist. Open it with openInDocuments().
FileDialog {
    id: dialog
    fileMode: FileDialog.SaveFile
    // Says what it does: Qt 6.4's own dialog, used where the platform has none, says "Open".
    acceptLabel: qsTr("Save")
    nameFilters: [qsTr("PDF documents (*.pdf)")]

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
