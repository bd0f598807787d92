pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The team's consult note after a clinician meeting (issue 18 item 5): the note, a concrete plan as
// recommendations, and the conversation scripts the team suggests. Each recommendation becomes a
// record when the note is recorded, all in one transaction: a task for the role that does it, a
// proposed referral, a care-plan goal, or a step of the taper plan. Nothing is pre-filled.
Page {
    id: screen
    objectName: "consultNoteScreen"
    property string patientId: ""
    property string conferenceId: ""
    property string question: ""
    signal done()

    background: Rectangle { color: Theme.background }

    ClinicianMeetingModel {
        id: meeting
        objectName: "consultNoteModel"
        session: Session
        onRecorded: screen.done()
    }

    readonly property var kinds: [
        { value: "task", text: qsTr("Task") },
        { value: "referral", text: qsTr("Referral") },
        { value: "goal", text: qsTr("Goal") },
        { value: "taper_step", text: qsTr("Taper step") }
    ]
    readonly property var roles: [
        { value: "medical_assistant", text: qsTr("Medical assistant") },
        { value: "nurse", text: qsTr("Nurse") },
        { value: "clinician", text: qsTr("Clinician") },
        { value: "registry_manager", text: qsTr("Registry manager") },
        { value: "front_desk", text: qsTr("Front desk") }
    ]

    ListModel { id: plan }

    // The recommendations as the model takes them; empty fields stay empty (never guessed).
    function recommendations(): var {
        const list = []
        for (let i = 0; i < plan.count; ++i) {
            const r = plan.get(i)
            list.push({ kind: r.kind, text: r.text, owner_role: r.ownerRole, due: r.due,
                        referral_type: r.referralType, target_mme_per_day: r.targetMme === "" ? null : Number(r.targetMme) })
        }
        return list
    }
    function record() {
        const scripts = scriptsField.text.split(",").map(s => s.trim()).filter(s => s !== "")
        meeting.recordConsultNote(screen.conferenceId, noteField.text, screen.recommendations(), scripts)
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
                text: qsTr("The team's note")
                font.pixelSize: Theme.fontTitle
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: screen.question !== ""
                text: qsTr("Question: %1").arg(screen.question)
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "consultNoteMessage"
                visible: meeting.message !== ""
                text: (meeting.error ? "⚠ " : "✓ ") + meeting.message
                color: meeting.error ? Theme.urgent : Theme.text
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            FormField {
                label: qsTr("What the team said")
                Layout.fillWidth: true
                TextArea {
                    id: noteField
                    objectName: "consultNoteText"
                    font: Theme.bodyLarge
                    wrapMode: TextEdit.Wrap
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.controlLarge * 2
                }
            }

            Repeater {
                objectName: "recommendationList"
                model: plan
                delegate: Card {
                    id: row
                    required property int index
                    required property string kind
                    required property string text
                    required property string ownerRole
                    Layout.fillWidth: true
                    title: qsTr("Recommendation %1").arg(row.index + 1)
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingS
                        ChoiceChips {
                            objectName: "recommendationKind_" + row.index
                            label: qsTr("Becomes")
                            model: screen.kinds
                            currentIndex: screen.kinds.findIndex(k => k.value === row.kind)
                            Layout.fillWidth: true
                            onActivated: i => plan.setProperty(row.index, "kind", screen.kinds[i].value)
                        }
                        CTextField {
                            objectName: "recommendationText_" + row.index
                            placeholderText: qsTr("e.g. Request the prior prescriber's records")
                            Layout.fillWidth: true
                            onTextEdited: plan.setProperty(row.index, "text", text)
                        }
                        ChoiceChips {
                            objectName: "recommendationOwner_" + row.index
                            visible: row.kind === "task"
                            label: qsTr("Who does it")
                            model: screen.roles
                            currentIndex: screen.roles.findIndex(k => k.value === row.ownerRole)
                            Layout.fillWidth: true
                            onActivated: i => plan.setProperty(row.index, "ownerRole", screen.roles[i].value)
                        }
                        DateField {
                            objectName: "recommendationDue_" + row.index
                            label: row.kind === "taper_step" ? qsTr("Step date") : row.kind === "goal" ? qsTr("Aim to reach it by") : qsTr("Due by")
                            visible: row.kind !== "referral"
                            onChosen: plan.setProperty(row.index, "due", isoDate)
                        }
                        CTextField {
                            objectName: "recommendationReferralType_" + row.index
                            visible: row.kind === "referral"
                            placeholderText: qsTr("Kind of referral, e.g. addiction_medicine")
                            Layout.fillWidth: true
                            onTextEdited: plan.setProperty(row.index, "referralType", text)
                        }
                        CTextField {
                            objectName: "recommendationTarget_" + row.index
                            visible: row.kind === "taper_step"
                            placeholderText: qsTr("Target MME per day, e.g. 112.5")
                            inputMethodHints: Qt.ImhFormattedNumbersOnly
                            Layout.fillWidth: true
                            onTextEdited: plan.setProperty(row.index, "targetMme", text)
                        }
                        CButton {
                            variant: CButton.Text
                            text: qsTr("Remove")
                            onClicked: plan.remove(row.index)
                        }
                    }
                }
            }
            CButton {
                objectName: "addRecommendation"
                variant: CButton.Outlined
                text: qsTr("Add a recommendation")
                onClicked: plan.append({ kind: "task", text: "", ownerRole: "", due: "", referralType: "", targetMme: "" })
            }
            FormField {
                label: qsTr("Conversation scripts the team suggests")
                Layout.fillWidth: true
                CTextField {
                    id: scriptsField
                    objectName: "consultScripts"
                    placeholderText: qsTr("Script ids, e.g. tapering, unexpected-uds")
                    Layout.fillWidth: true
                }
            }
            CButton {
                objectName: "recordConsultNote"
                text: qsTr("Record the note and make the records")
                large: true
                enabled: !meeting.loading
                onClicked: screen.record()
            }
        }
    }
}
