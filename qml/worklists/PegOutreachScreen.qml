pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The nurse's PEG outreach: patients whose PEG is overdue or was never done, most overdue first,
// with their phone number. Enter the three PEG answers (0–10) on the call and save: the score is
// written to this tablet's encrypted registry at once (no network needed; sync sends it later)
// and the patient leaves the list.
Page {
    id: screen
    objectName: "pegOutreachScreen"
    signal patientChosen(string patientId)

    background: Rectangle { color: Theme.background }

    PegOutreachModel {
        id: outreach
        objectName: "pegOutreachModel"
        session: Session
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            objectName: "pegOutreachCount"
            text: qsTr("%n patient(s) due a PEG", "", outreach.count)
            font.pixelSize: Theme.fontTitle
        }
        Label {
            text: qsTr("Pain on average (P), interference with enjoyment of life (E), interference with general activity (G), each 0 to 10, over the past week.")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        BusyIndicator {
            visible: outreach.loading
            running: outreach.loading
            Layout.alignment: Qt.AlignHCenter
            Accessible.name: qsTr("Loading")
        }
        Label {
            objectName: "pegOutreachMessage"
            visible: outreach.message !== ""
            text: (outreach.error ? "⚠ " : "✓ ") + outreach.message
            color: outreach.error ? Theme.urgent : Theme.text
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: !outreach.loading && !outreach.error && outreach.count === 0
            text: qsTr("Every patient has a recent PEG.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }

        ListView {
            objectName: "pegOutreachList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: outreach
            delegate: Rectangle {
                id: entry
                required property string patientId
                required property string name
                required property string clinicId
                required property string phone
                required property string statusText
                width: ListView.view.width
                implicitHeight: body.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                ColumnLayout {
                    id: body
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    spacing: 6
                    RowLayout {
                        spacing: Theme.spacing
                        Button {
                            text: entry.name
                            flat: true
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            Layout.preferredHeight: Theme.minTouch
                            Accessible.name: qsTr("Open %1's record").arg(entry.name)
                            onClicked: screen.patientChosen(entry.patientId)
                        }
                        Label { text: entry.clinicId; font.pixelSize: Theme.fontSmall; color: Theme.textMuted }
                        Label {
                            text: entry.phone === "" ? qsTr("No phone on record") : qsTr("Phone: %1").arg(entry.phone)
                            font.pixelSize: Theme.fontBody
                            Accessible.name: text
                        }
                        Label {
                            text: entry.statusText
                            font.pixelSize: Theme.fontSmall
                            color: Theme.high
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignRight
                        }
                    }
                    PegQuestions {
                        id: pegEntry
                        namePrefix: "outreach"
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        Label {
                            objectName: "outreachUnanswered"
                            visible: !pegEntry.answered
                            text: qsTr("Answer all three questions to save.")
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Item { visible: pegEntry.answered; Layout.fillWidth: true }
                        Button {
                            objectName: "outreachSave"
                            text: qsTr("Save PEG")
                            enabled: !outreach.loading && pegEntry.answered
                            font.pixelSize: Theme.fontBody
                            Layout.preferredHeight: Theme.touchTarget
                            Accessible.name: qsTr("Save the PEG for %1").arg(entry.name)
                            onClicked: outreach.savePeg(entry.patientId, pegEntry.pain, pegEntry.enjoyment, pegEntry.activity)
                        }
                    }
                }
            }
            ScrollBar.vertical: ScrollBar { }
        }
    }
}
