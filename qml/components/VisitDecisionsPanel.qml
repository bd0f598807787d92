pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The clinician's decisions in the visit, each saved at once as its own record.
ColumnLayout {
    id: panel
    required property string patientId
    spacing: Theme.spacing

    VisitDecisions {
        id: decisions
        objectName: "visitDecisions"
        session: Session
        patientId: panel.patientId
    }

    Label { text: qsTr("Visit decisions"); font.pixelSize: Theme.fontTitle }
    Label {
        objectName: "taperStatus"
        text: qsTr("Taper: %1").arg(decisions.taperStatusLabel)
        font.pixelSize: Theme.fontBody
    }
    Label {
        objectName: "decisionMessage"
        visible: decisions.message !== ""
        text: decisions.message
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        color: decisions.error ? Theme.urgent : Theme.low
        font.pixelSize: Theme.fontBody
    }
    Flow {
        visible: decisions.allowed
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            objectName: "decisionContinue"
            text: qsTr("Continue current plan")
            height: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            enabled: !decisions.loading
            Accessible.name: qsTr("Record the decision to continue the current plan")
            onClicked: decisions.continuePlan()
        }
        Button {
            objectName: "decisionStartTaper"
            text: decisions.taperStatus === "paused" ? qsTr("Resume taper") : qsTr("Start taper")
            height: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            enabled: !decisions.loading && decisions.taperStatus !== "in_progress"
            Accessible.name: qsTr("Record that the taper is in progress")
            onClicked: decisions.startTaper()
        }
        Button {
            objectName: "decisionPauseTaper"
            text: qsTr("Pause taper")
            height: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            enabled: !decisions.loading && decisions.taperStatus === "in_progress"
            Accessible.name: qsTr("Record that the taper is paused")
            onClicked: decisions.pauseTaper()
        }
        Button {
            objectName: "decisionNaloxone"
            text: qsTr("Naloxone prescribed")
            height: Theme.touchTarget
            font.pixelSize: Theme.fontBody
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
            id: referralType
            objectName: "referralType"
            Layout.preferredHeight: Theme.touchTarget
            Layout.preferredWidth: 280
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
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            placeholderText: qsTr("Referred to (clinic or person)")
            Accessible.name: qsTr("Referred to, clinic or person")
        }
        Button {
            objectName: "decisionRefer"
            text: qsTr("Refer")
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            enabled: !decisions.loading && referralTo.text.trim() !== ""
            Accessible.name: qsTr("Record the referral")
            onClicked: { decisions.refer(referralType.currentValue, referralTo.text); referralTo.text = "" }
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
        Button {
            objectName: "decisionAgreement"
            text: qsTr("New agreement signed")
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            enabled: !decisions.loading
            Accessible.name: qsTr("Record a new agreement signed today")
            onClicked: { decisions.newAgreement(agreementNote.text); agreementNote.text = "" }
        }
    }
}
