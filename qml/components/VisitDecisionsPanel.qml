pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The clinician's decisions in the visit, each saved at once as its own record with one tap and
// no "are you sure?": the snackbar after it offers Undo, which withdraws the record (it stays in
// the history, marked withdrawn, and the withdrawal syncs).
ColumnLayout {
    id: panel
    required property string patientId
    // The directory's resources as the referral choice wants them ({value, text}).
    readonly property var directoryChoices: referralDirectory.choices
    spacing: Theme.spacing

    VisitDecisions {
        id: decisions
        objectName: "visitDecisions"
        session: Session
        patientId: panel.patientId
        onRecorded: {
            if (decisions.canUndo)
                decisionUndo.show(decisions.message, qsTr("Undo"))
            else
                decisionUndo.show(decisions.message, "")
        }
    }
    // Where the clinic refers: the directory on this tablet, offline.
    ResourceDirectoryModel {
        id: referralDirectory
        session: Session
    }
    Snackbar {
        id: decisionUndo
        objectName: "decisionUndo"
        onActionTriggered: decisions.undo()
    }

    Label {
        text: qsTr("Visit decisions")
        font: Theme.titleLarge
        color: Theme.textOnSurface
        Accessible.role: Accessible.Heading
    }
    Label {
        objectName: "taperStatus"
        text: qsTr("Taper: %1").arg(decisions.taperStatusLabel)
        font: Theme.bodyLarge
        color: Theme.textOnSurface
    }
    // Errors stay on screen; a recorded decision is confirmed in the snackbar with its Undo.
    StatusBanner {
        objectName: "decisionMessage"
        visible: decisions.error && decisions.message !== ""
        kind: StatusBanner.Error
        text: decisions.message
        Layout.fillWidth: true
    }
    Flow {
        visible: decisions.allowed
        Layout.fillWidth: true
        spacing: Theme.spacing
        CButton {
            objectName: "decisionContinue"
            variant: CButton.Tonal
            text: qsTr("Continue current plan")
            enabled: !decisions.loading
            Accessible.name: qsTr("Record the decision to continue the current plan")
            onClicked: decisions.continuePlan()
        }
        CButton {
            objectName: "decisionStartTaper"
            variant: CButton.Tonal
            text: decisions.taperStatus === "paused" ? qsTr("Resume taper") : qsTr("Start taper")
            enabled: !decisions.loading && decisions.taperStatus !== "in_progress"
            Accessible.name: qsTr("Record that the taper is in progress")
            onClicked: decisions.startTaper()
        }
        CButton {
            objectName: "decisionPauseTaper"
            variant: CButton.Tonal
            text: qsTr("Pause taper")
            enabled: !decisions.loading && decisions.taperStatus === "in_progress"
            Accessible.name: qsTr("Record that the taper is paused")
            onClicked: decisions.pauseTaper()
        }
        CButton {
            objectName: "decisionNaloxone"
            variant: CButton.Tonal
            text: qsTr("Naloxone prescribed")
            enabled: !decisions.loading
            Accessible.name: qsTr("Record that naloxone was prescribed today")
            onClicked: decisions.prescribeNaloxone()
        }
    }
    RowLayout {
        visible: decisions.allowed
        Layout.fillWidth: true
        spacing: Theme.spacing
        ComboBox {
            id: referralResource
            objectName: "referralResource"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            textRole: "text"
            valueRole: "value"
            model: [{ value: "", text: qsTr("Not in the directory: write where") }, ...panel.directoryChoices]
            Accessible.name: qsTr("Refer to a resource of the clinic's directory")
        }
    }
    RowLayout {
        visible: decisions.allowed
        Layout.fillWidth: true
        spacing: Theme.spacing
        ComboBox {
            id: referralType
            objectName: "referralType"
            Layout.preferredHeight: Theme.touchTarget
            Layout.preferredWidth: Theme.fieldLong
            font.pixelSize: Theme.fontBody
            textRole: "text"
            valueRole: "value"
            model: [
                { value: "pain_specialist", text: qsTr("Pain specialist") },
                { value: "behavioral_health", text: qsTr("Behavioral health") },
                { value: "addiction_medicine", text: qsTr("Addiction medicine") },
                { value: "physical_therapy", text: qsTr("Physical therapy") }
            ]
            Accessible.name: qsTr("Kind of referral")
        }
        TextField {
            id: referralTo
            objectName: "referralTo"
            visible: referralResource.currentValue === ""
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            placeholderText: qsTr("Referred to (clinic or person)")
            Accessible.name: qsTr("Referred to, clinic or person")
        }
    }
    RowLayout {
        visible: decisions.allowed
        Layout.fillWidth: true
        spacing: Theme.spacing
        TextField {
            id: referralQuestion
            objectName: "referralQuestion"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            placeholderText: qsTr("What should the referral answer?")
            Accessible.name: qsTr("The question the referral asks")
        }
        ComboBox {
            id: referralUrgency
            objectName: "referralUrgency"
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            textRole: "text"
            valueRole: "value"
            model: [
                { value: "routine", text: qsTr("Routine") },
                { value: "soon", text: qsTr("Soon") },
                { value: "urgent", text: qsTr("Urgent") }
            ]
            Accessible.name: qsTr("How urgent the referral is")
        }
        CButton {
            objectName: "decisionRefer"
            variant: CButton.Tonal
            text: qsTr("Refer")
            enabled: !decisions.loading && referralQuestion.text.trim() !== ""
                     && (referralResource.currentValue !== "" || referralTo.text.trim() !== "")
            Accessible.name: qsTr("Record the referral")
            onClicked: {
                const resource = referralResource.currentValue
                decisions.refer(resource, referralType.currentValue, resource === "" ? referralTo.text : "",
                                referralQuestion.text, referralUrgency.currentValue)
                referralTo.text = ""
                referralQuestion.text = ""
            }
        }
    }
    RowLayout {
        visible: decisions.allowed
        Layout.fillWidth: true
        spacing: Theme.spacing
        TextField {
            id: agreementNote
            objectName: "agreementNote"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            placeholderText: qsTr("Agreement note (optional)")
            Accessible.name: qsTr("Note on the new agreement")
        }
        CButton {
            objectName: "decisionAgreement"
            variant: CButton.Tonal
            text: qsTr("New agreement signed")
            enabled: !decisions.loading
            Accessible.name: qsTr("Record a new agreement signed today")
            onClicked: { decisions.newAgreement(agreementNote.text); agreementNote.text = "" }
        }
    }
}
