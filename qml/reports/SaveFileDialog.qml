import QtQuick
import QtQuick.Dialogs

// The dialog a file is saved through (a PDF, a CSV or XLSX export): in Documents, its button
// saying Save, and a name typed without an ending given the chosen kind's (the first of its
// nameFilters unless the user picks another).
DocumentsFileDialog {
    fileMode: FileDialog.SaveFile
    // Says what it does: Qt 6.4's own dialog, used where the platform has none, says "Open".
    acceptLabel: qsTr("Save")
    defaultSuffix: selectedNameFilter.extensions.length > 0 ? selectedNameFilter.extensions[0] : ""
}
