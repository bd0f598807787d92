pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The refill-request check: a patient, the requested fill date, the drug and days' supply and the
// last fill. Shows the rules engine's advice with its reasons. Advice for the clinician, never an
// automatic refusal.
Page {
    id: screen
    objectName: "refillCheckScreen"
    property string patientId: ""
    property string patientName: ""

    background: Rectangle { color: Theme.background }

    RefillCheckModel {
        id: refill
        objectName: "refillModel"
        session: Session
    }
    PatientListModel {
        id: patients
        session: Session
    }

    component FieldLabel: Label {
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
    }

    Flickable {
        anchors.fill: parent
        contentHeight: form.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollBar.vertical: ScrollBar { }

        ColumnLayout {
            id: form
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacing

            FieldLabel { text: qsTr("Patient") }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: patientSearch
                    objectName: "refillPatientSearch"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontBody
                    placeholderText: qsTr("Search by name or clinic ID")
                    Accessible.name: qsTr("Find the patient by name or clinic ID")
                    onTextChanged: patients.filterText = text
                }
                Label {
                    objectName: "refillPatientChosen"
                    text: screen.patientName === "" ? qsTr("No patient chosen") : qsTr("Chosen: %1").arg(screen.patientName)
                    font.pixelSize: Theme.fontBody
                    font.bold: screen.patientName !== ""
                }
            }
            ListView {
                objectName: "refillPatientList"
                visible: patientSearch.text !== ""
                Layout.fillWidth: true
                Layout.preferredHeight: visible ? Math.min(contentHeight, 4 * Theme.touchTarget) : 0
                clip: true
                model: patients
                delegate: ItemDelegate {
                    id: match
                    required property string patientId
                    required property string name
                    required property string clinicId
                    width: ListView.view.width
                    height: Theme.touchTarget
                    font.pixelSize: Theme.fontBody
                    text: qsTr("%1 (%2)").arg(match.name).arg(match.clinicId)
                    Accessible.name: qsTr("Choose %1, %2").arg(match.name).arg(match.clinicId)
                    onClicked: {
                        screen.patientId = match.patientId
                        screen.patientName = match.name
                        patientSearch.text = ""
                        refill.clear()
                    }
                }
            }

            GridLayout {
                columns: 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Layout.fillWidth: true

                FieldLabel { text: qsTr("Requested fill date (YYYY-MM-DD)") }
                TextField {
                    id: requestedDate
                    objectName: "refillRequestedDate"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontBody
                    inputMethodHints: Qt.ImhDate
                    placeholderText: qsTr("e.g. 2026-12-09")
                    Accessible.name: qsTr("Requested fill date")
                }
                FieldLabel { text: qsTr("Drug") }
                TextField {
                    id: drug
                    objectName: "refillDrug"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontBody
                    placeholderText: qsTr("e.g. oxycodone 10 mg")
                    Accessible.name: qsTr("Drug requested")
                }
                FieldLabel { text: qsTr("Days' supply") }
                TextField {
                    id: daysSupply
                    objectName: "refillDaysSupply"
                    Layout.preferredWidth: Theme.fieldShort
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontBody
                    inputMethodHints: Qt.ImhDigitsOnly
                    validator: IntValidator { bottom: 1; top: 365 }
                    placeholderText: qsTr("days")
                    Accessible.name: qsTr("Days' supply requested")
                    // Empty until someone types it: 0 is refused by the check, naming the field.
                    readonly property int value: acceptableInput ? parseInt(text) : 0
                }
                FieldLabel { text: qsTr("Last fill date (YYYY-MM-DD)") }
                TextField {
                    id: lastFillDate
                    objectName: "refillLastFillDate"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontBody
                    inputMethodHints: Qt.ImhDate
                    placeholderText: qsTr("from the pharmacy or PDMP record")
                    Accessible.name: qsTr("Last fill date")
                }
                FieldLabel { text: qsTr("Last fill's days' supply") }
                TextField {
                    id: lastFillDays
                    objectName: "refillLastFillDays"
                    Layout.preferredWidth: Theme.fieldShort
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontBody
                    inputMethodHints: Qt.ImhDigitsOnly
                    validator: IntValidator { bottom: 1; top: 365 }
                    placeholderText: qsTr("days")
                    Accessible.name: qsTr("Days' supply of the last fill")
                    // Empty until someone types it: 0 is refused by the check, naming the field.
                    readonly property int value: acceptableInput ? parseInt(text) : 0
                }
                FieldLabel { text: qsTr("Reason") }
                ComboBox {
                    id: reason
                    objectName: "refillReason"
                    Layout.preferredWidth: Theme.fieldLong
                    Layout.preferredHeight: Theme.minTouch
                    font.pixelSize: Theme.fontBody
                    textRole: "label"
                    valueRole: "value"
                    model: [
                        { value: "routine", label: qsTr("Routine refill") },
                        { value: "early", label: qsTr("Early refill") },
                        { value: "lost_or_stolen", label: qsTr("Lost or stolen") }
                    ]
                    Accessible.name: qsTr("Reason for the request")
                }
                FieldLabel { text: qsTr("Police report") }
                CheckBox {
                    id: policeReport
                    objectName: "refillPoliceReport"
                    text: qsTr("A police report was filed")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.minTouch
                    enabled: reason.currentValue === "lost_or_stolen"
                    Accessible.name: qsTr("A police report was filed")
                }
                FieldLabel { text: qsTr("New patient") }
                CheckBox {
                    id: newPatient
                    objectName: "refillNewPatient"
                    text: qsTr("New to the clinic, already taking opioids: first prescription here")
                    font.pixelSize: Theme.fontBody
                    // Long in Spanish: the text wraps in the column instead of widening the form.
                    Layout.fillWidth: true
                    Layout.preferredWidth: 0
                    Layout.minimumHeight: Theme.minTouch
                    contentItem: Label {
                        text: newPatient.text
                        font: newPatient.font
                        wrapMode: Text.Wrap
                        verticalAlignment: Text.AlignVCenter
                        leftPadding: newPatient.indicator.width + newPatient.spacing
                    }
                    checked: refill.newPatient
                    onToggled: refill.newPatient = checked
                    // When the patient's record says since when the clinic prescribes their
                    // opioids, the record decides and the tick does not.
                    enabled: !refill.newPatientFromRecord
                    Accessible.name: text
                }
                Item { visible: refill.newPatientFromRecord }  // the label column stays empty
                Label {
                    objectName: "refillNewPatientBasis"
                    visible: refill.newPatientFromRecord
                    text: refill.newPatientBasis
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Layout.preferredWidth: 0
                }
                FieldLabel { text: qsTr("Prior records") }
                CheckBox {
                    id: priorRecords
                    objectName: "refillPriorRecords"
                    text: qsTr("The prior prescriber's records have come")
                    font.pixelSize: Theme.fontBody
                    // Long in Spanish: the text wraps in the column instead of widening the form.
                    Layout.fillWidth: true
                    Layout.preferredWidth: 0
                    Layout.minimumHeight: Theme.minTouch
                    contentItem: Label {
                        text: priorRecords.text
                        font: priorRecords.font
                        wrapMode: Text.Wrap
                        verticalAlignment: Text.AlignVCenter
                        leftPadding: priorRecords.indicator.width + priorRecords.spacing
                    }
                    enabled: refill.newPatientFromRecord ? refill.newPatientByRecord : newPatient.checked
                    checked: refill.priorRecordsReceived
                    onToggled: refill.priorRecordsReceived = checked
                    Accessible.name: text
                }
            }

            Button {
                objectName: "refillCheckButton"
                text: refill.loading ? qsTr("Checking…") : qsTr("Check the request")
                enabled: !refill.loading && screen.patientId !== ""
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Check the refill request against clinic policy")
                onClicked: refill.check(screen.patientId, requestedDate.text, drug.text, daysSupply.value,
                                        lastFillDate.text, lastFillDays.value, String(reason.currentValue), policeReport.checked)
            }

            Label {
                visible: refill.message !== ""
                objectName: "refillMessage"
                text: refill.message
                color: refill.error ? Theme.urgent : Theme.text
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Rectangle {
                objectName: "refillAdvice"
                visible: refill.hasAdvice
                Layout.fillWidth: true
                implicitHeight: advice.implicitHeight + 2 * Theme.margin
                radius: Theme.radius
                color: Theme.surface
                border.width: 2
                border.color: refill.decision === "allowed" ? Theme.low : refill.decision === "needs_review" ? Theme.medium : Theme.urgent
                Accessible.role: Accessible.StaticText
                Accessible.name: refill.decisionText
                ColumnLayout {
                    id: advice
                    x: Theme.margin
                    y: Theme.margin
                    width: parent.width - 2 * Theme.margin
                    spacing: 6
                    Label {
                        objectName: "refillDecision"
                        text: (refill.decision === "allowed" ? "✓ " : "⚠ ") + refill.decisionText
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: drug.text !== ""
                        text: qsTr("Request: %1, %n day(s)", "", daysSupply.value).arg(drug.text)
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                    Repeater {
                        model: refill.reasons
                        delegate: Label {
                            required property string modelData
                            text: "• " + modelData
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        text: qsTr("This is advice for the clinician. It never refuses a refill by itself.")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }

            // A firm clinic rule blocks logging until a clinician overrides it with a reason.
            ColumnLayout {
                objectName: "refillOverrideSection"
                visible: refill.hasAdvice && refill.clinicRuleCodes.length > 0
                Layout.fillWidth: true
                spacing: Theme.spacingS
                Label {
                    objectName: "refillBlocked"
                    text: refill.overridden
                          ? qsTr("A clinician overrode the clinic rule; the reason is in the patient's history.")
                          : Permissions.canRecord(Session.role, "refill_override")
                            ? qsTr("A clinic rule blocks this refill. You may override it with the reason, which is recorded and counted.")
                            : qsTr("A clinic rule blocks this refill. Only a clinician may override it.")
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                TextArea {
                    id: overrideReason
                    objectName: "refillOverrideReason"
                    visible: refill.blocked && Permissions.canRecord(Session.role, "refill_override")
                    placeholderText: qsTr("Why this patient needs the refill despite the clinic rule")
                    font.pixelSize: Theme.fontBody
                    wrapMode: TextEdit.Wrap
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Reason for overriding the clinic rule")
                }
                CButton {
                    objectName: "refillOverride"
                    visible: overrideReason.visible
                    text: qsTr("Override the clinic rule")
                    enabled: overrideReason.text.trim() !== "" && !refill.loading
                    disabledReason: overrideReason.text.trim() === "" ? qsTr("Write the reason first.") : ""
                    onClicked: refill.overrideClinicRules(screen.patientId, overrideReason.text)
                }
            }

            // Logging keeps the request, its flags and how it came in the patient's history; the
            // clinician decides it there.
            ColumnLayout {
                objectName: "refillLogSection"
                visible: refill.hasAdvice && Permissions.canRecord(Session.role, "refill_request")
                Layout.fillWidth: true
                spacing: Theme.spacingS
                ChoiceChips {
                    id: channel
                    objectName: "refillChannel"
                    label: qsTr("How the request came")
                    model: [
                        { text: qsTr("Phone"), value: "phone" },
                        { text: qsTr("Patient portal"), value: "portal" },
                        { text: qsTr("Front desk"), value: "front_desk" },
                        { text: qsTr("Pharmacy"), value: "pharmacy" }
                    ]
                }
                CButton {
                    objectName: "refillLog"
                    variant: CButton.Filled
                    text: qsTr("Log it and send to the clinician")
                    enabled: channel.currentIndex >= 0 && !refill.loading && !refill.blocked
                    disabledReason: refill.blocked ? qsTr("A clinic rule blocks this refill until a clinician overrides it.")
                                  : channel.currentIndex < 0 ? qsTr("Choose how the request came.") : ""
                    onClicked: refill.logRequest(screen.patientId, drug.text, channel.currentItem.value,
                                                 String(reason.currentValue), policeReport.checked)
                }
            }
        }
    }
}
