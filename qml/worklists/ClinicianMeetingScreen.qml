pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// "Discuss at the next clinician meeting" (issue 18 item 5): the case conferences clinicians asked
// for, scheduled ones first, each with its question; put one on a meeting's date, read its case
// summary, or record what the team said. Below, the open tasks of the signed-in role, overdue first.
Page {
    id: screen
    objectName: "clinicianMeetingScreen"
    signal patientChosen(string patientId)
    signal summaryRequested(string patientId, string conferenceId)
    signal consultNoteRequested(string patientId, string conferenceId, string question)

    background: Rectangle { color: Theme.background }

    ClinicianMeetingModel {
        id: meeting
        objectName: "clinicianMeetingModel"
        session: Session
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollBar.vertical: ScrollBar { }

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacing

            Label {
                objectName: "meetingCount"
                text: qsTr("%n case conference(s) to discuss", "", meeting.count)
                font.pixelSize: Theme.fontTitle
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Each is a clinician's one question about a patient. Read the case summary before the meeting; record the team's recommendations after it.")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "meetingMessage"
                visible: meeting.message !== ""
                text: (meeting.error ? "⚠ " : "✓ ") + meeting.message
                color: meeting.error ? Theme.urgent : Theme.text
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: !meeting.loading && meeting.count === 0
                text: qsTr("No case conference is waiting.")
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
            }

            Repeater {
                objectName: "meetingList"
                model: meeting
                delegate: Card {
                    id: conference
                    required property string conferenceId
                    required property string patientId
                    required property string name
                    required property string question
                    required property string status
                    required property string statusText
                    Layout.fillWidth: true
                    title: conference.name
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingS
                        Label {
                            text: conference.question
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            text: conference.statusText
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            DateField {
                                id: meetingDate
                                objectName: "meetingDate_" + conference.conferenceId
                                label: qsTr("Clinician meeting on")
                                width: Math.min(implicitWidth, Theme.fieldLong)
                            }
                            CButton {
                                objectName: "schedule_" + conference.conferenceId
                                variant: CButton.Outlined
                                text: conference.status === "scheduled" ? qsTr("Move to this meeting") : qsTr("Schedule")
                                enabled: meetingDate.hasDate && !meeting.loading
                                disabledReason: qsTr("Choose the meeting's date first")
                                onClicked: meeting.schedule(conference.conferenceId, meetingDate.isoDate)
                            }
                            CButton {
                                objectName: "summary_" + conference.conferenceId
                                variant: CButton.Tonal
                                text: qsTr("Case summary")
                                onClicked: screen.summaryRequested(conference.patientId, conference.conferenceId)
                            }
                            CButton {
                                objectName: "consultNote_" + conference.conferenceId
                                text: qsTr("Record the team's note")
                                visible: conference.status === "scheduled" && Permissions.canRecord(Session.role, "case_conference")
                                onClicked: screen.consultNoteRequested(conference.patientId, conference.conferenceId, conference.question)
                            }
                            CButton {
                                variant: CButton.Text
                                text: qsTr("Open the record")
                                onClicked: screen.patientChosen(conference.patientId)
                            }
                        }
                    }
                }
            }

            Label {
                objectName: "taskCount"
                text: qsTr("%n open task(s) for your role", "", meeting.tasks.length)
                font.pixelSize: Theme.fontTitle
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingL
            }
            Repeater {
                objectName: "taskList"
                model: meeting.tasks
                delegate: Card {
                    id: task
                    required property var modelData
                    Layout.fillWidth: true
                    title: task.modelData.name
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingXs
                        Label {
                            text: task.modelData.text
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            text: task.modelData.dueText
                            font.pixelSize: Theme.fontSmall
                            color: task.modelData.overdue ? Theme.high : Theme.textMuted
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        CButton {
                            variant: CButton.Text
                            text: qsTr("Open the record")
                            onClicked: screen.patientChosen(task.modelData.patientId)
                        }
                    }
                }
            }
        }
    }
}
