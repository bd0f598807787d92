import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A document already made (the case summary) read as its PDF, from memory; "Save as PDF" writes
// it only to the file chosen in the save dialog.
Page {
    id: screen
    objectName: "pdfReaderScreen"
    // The whole PDF.
    property var document
    property string saveTitle: qsTr("Save the document")

    background: Rectangle { color: Theme.background }

    PdfPages {
        id: readerPages
        objectName: "pdfReaderPages"
    }
    Component.onCompleted: readerPages.setData(screen.document)

    SavePdfDialog {
        id: saveDialog
        title: screen.saveTitle
        onAccepted: readerPages.save(saveDialog.selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: screen.title
                font: Theme.titleMedium
                color: Theme.textOnSurface
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            CButton {
                objectName: "pdfReaderSave"
                text: qsTr("Save as PDF")
                enabled: readerPages.ready
                onClicked: saveDialog.openInDocuments()
            }
        }
        StatusBanner {
            visible: readerPages.message !== ""
            Layout.fillWidth: true
            kind: readerPages.error ? StatusBanner.Error : StatusBanner.Success
            text: readerPages.message
        }
        PdfViewer {
            pages: readerPages
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
