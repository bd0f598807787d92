import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The monthly leadership report (issue 17 item 5), reached from Measures: the month (last month
// unless chosen) and the edition the role is offered, made offline on the registry thread and read
// here as the PDF itself, from memory. "Save as PDF" writes it only to the file chosen.
Page {
    id: screen
    objectName: "monthlyReportScreen"

    background: Rectangle { color: Theme.background }

    MonthlyReportModel {
        id: report
        objectName: "monthlyReportModel"
        session: Session
    }

    SavePdfDialog {
        id: saveDialog
        title: qsTr("Save the monthly report")
        onAccepted: report.pages.save(saveDialog.selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            ComboBox {
                id: monthChoice
                objectName: "reportMonth"
                height: Theme.minTouch
                width: Math.min(Theme.fieldMedium, parent.width)
                font.pixelSize: Theme.fontSmall
                textRole: "text"
                valueRole: "value"
                model: report.monthChoices
                Accessible.name: qsTr("Month of the report")
                Component.onCompleted: monthChoice.currentIndex = monthChoice.indexOfValue(report.month)
                onActivated: report.month = monthChoice.currentValue
            }
            CButton {
                objectName: "makeReport"
                text: qsTr("Make the report")
                enabled: !report.loading
                onClicked: report.generate()
            }
            CButton {
                objectName: "saveReport"
                variant: CButton.Outlined
                text: qsTr("Save as PDF")
                enabled: report.pages.ready
                onClicked: saveDialog.openInDocuments()
            }
        }
        ChoiceChips {
            objectName: "reportEdition"
            Layout.fillWidth: true
            label: qsTr("Edition")
            model: report.editionChoices
            currentIndex: report.editionIndex
            onActivated: index => report.edition = report.editionChoices[index].value
        }
        BusyIndicator {
            visible: report.loading
            running: report.loading
            Layout.alignment: Qt.AlignHCenter
            Accessible.name: qsTr("Making the report")
        }
        StatusBanner {
            objectName: "reportMessage"
            visible: report.message !== "" || report.pages.message !== ""
            Layout.fillWidth: true
            kind: report.error || report.pages.error ? StatusBanner.Error : StatusBanner.Success
            text: report.message !== "" ? report.message : report.pages.message
        }
        Label {
            visible: !report.pages.ready && !report.loading
            text: qsTr("Choose the month and the edition, then make the report. It is made on this tablet and is not saved unless you save it.")
            font: Theme.bodyMedium
            color: Theme.textOnSurfaceVariant
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        PdfViewer {
            visible: report.pages.ready
            pages: report.pages
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
