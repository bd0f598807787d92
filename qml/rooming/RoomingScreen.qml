pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Rooming one patient, one question per page in the patient's language, read aloud as written.
// Every answer is saved the moment it is tapped; leaving and coming back resumes where it stopped.
Page {
    id: screen
    objectName: "roomingScreen"
    required property string patientId
    signal done()
    title: flow.patientName === "" ? qsTr("Rooming") : qsTr("Rooming: %1").arg(flow.patientName)

    background: Rectangle { color: Theme.background }

    RoomingFlow {
        id: flow
        objectName: "roomingFlow"
        session: Session
        patientId: screen.patientId
        onFinished: screen.done()
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width - 2 * Theme.margin
            x: Theme.margin
            spacing: Theme.spacing

            StatusBanner {
                objectName: "roomingAlert"
                visible: flow.suicideRiskAlert
                Layout.fillWidth: true
                kind: StatusBanner.Error
                text: qsTr("PHQ-9 item 9 is above zero. Tell the clinician now: safety must be assessed before the patient leaves.")
            }

            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "roomingProgress"
                    visible: flow.ready
                    text: qsTr("Step %1 of %2").arg(flow.stepIndex + 1).arg(flow.stepCount)
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                    Layout.fillWidth: true
                }
                BusyIndicator {
                    running: flow.loading
                    visible: flow.loading
                    Layout.preferredHeight: Theme.minTouch
                    Layout.preferredWidth: Theme.minTouch
                    Accessible.name: qsTr("Saving")
                }
            }
            StatusBanner {
                objectName: "roomingMessage"
                visible: flow.message !== ""
                Layout.fillWidth: true
                kind: flow.error ? StatusBanner.Error : StatusBanner.Success
                text: flow.message
            }

            // --- a question ---------------------------------------------------------------
            ColumnLayout {
                visible: flow.ready && flow.stepKind === "question"
                Layout.fillWidth: true
                spacing: Theme.spacing

                Label {
                    text: flow.instrumentTitle
                    font.pixelSize: Theme.fontTitle
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: flow.stem
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Question %1 of %2").arg(flow.questionNumber).arg(flow.questionTotal)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                }
                Label {
                    objectName: "roomingQuestion"
                    text: flow.questionText
                    font.pixelSize: Theme.fontHuge
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                // 0–10 (and other long) scales: the app's one scale control, never pre-chosen.
                ScaleField {
                    id: scaleAnswer
                    visible: flow.maxValue - flow.minValue > 4
                    Layout.fillWidth: true
                    from: flow.minValue
                    to: flow.maxValue
                    shortName: flow.instrumentTitle
                    lowAnchor: flow.choiceLabels.length > 0 ? flow.choiceLabels[0] : ""
                    highAnchor: flow.choiceLabels.length > 0 ? flow.choiceLabels[flow.choiceLabels.length - 1] : ""
                    // Only while shown: the short scales' buttons below carry these names then.
                    buttonNamePrefix: flow.maxValue - flow.minValue > 4 ? "choice" : ""
                    value: flow.currentAnswer
                    enabled: !flow.loading
                    onChosen: chosenValue => {
                        flow.answer(chosenValue)
                        // A tap sets `value`; show the flow's answer again (the next question's).
                        scaleAnswer.value = Qt.binding(() => flow.currentAnswer)
                    }
                }
                // Short scales show their words on each button; yes/no questions (ORT, PC-PTSD-5)
                // show two large buttons, "No" (choice0) and "Yes" (choice1), neither pre-chosen.
                Flow {
                    visible: flow.maxValue - flow.minValue <= 4
                    Layout.fillWidth: true
                    spacing: flow.yesNo ? Theme.spacingM : Theme.spacingS
                    Repeater {
                        objectName: "roomingChoices"
                        model: flow.maxValue - flow.minValue <= 4 ? flow.choiceLabels : []
                        delegate: Button {
                            id: choice
                            required property int index
                            required property string modelData
                            readonly property int value: flow.minValue + choice.index
                            objectName: "choice" + choice.value
                            width: flow.yesNo ? Math.max(Theme.touchTarget * 4, implicitWidth)
                                              : choice.modelData === "" ? Theme.touchTarget : Math.max(220, implicitWidth)
                            height: flow.yesNo ? Theme.touchTarget * 1.5 : Theme.touchTarget
                            checkable: true
                            checked: flow.currentAnswer === choice.value
                            enabled: !flow.loading || checked
                            text: choice.modelData === "" ? String(choice.value)
                                                          : flow.yesNo ? choice.modelData : qsTr("%1 · %2").arg(choice.value).arg(choice.modelData)
                            font: Theme.bodyLarge
                            Accessible.name: flow.yesNo ? qsTr("Answer %1").arg(choice.modelData)
                                                        : choice.modelData === "" ? qsTr("Answer %1").arg(choice.value)
                                                                                  : qsTr("Answer %1, %2").arg(choice.value).arg(choice.modelData)
                            onClicked: flow.answer(choice.value)
                        }
                    }
                }
            }

            // --- urine sample -------------------------------------------------------------
            ColumnLayout {
                visible: flow.ready && flow.stepKind === "urine"
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label { text: qsTr("Urine sample"); font.pixelSize: Theme.fontTitle }
                Label {
                    objectName: "urineSelection"
                    visible: flow.urineRandom
                    text: flow.urineSelected
                          ? qsTr("Today's visit includes a urine sample: the patient was chosen at random, as clinic policy asks.")
                          : qsTr("Today's visit does not include a urine sample: the patient was not chosen at random today.")
                    font.pixelSize: Theme.fontBody
                    font.bold: flow.urineSelected
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Record the sample when it has been collected. The result is entered later, when it comes back.")
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "urineCollected"
                    text: qsTr("Urine sample collected")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.touchTarget
                    enabled: !flow.loading
                    Accessible.name: qsTr("Record that the urine sample was collected")
                    onClicked: flow.recordUrineCollected()
                }
                Button {
                    objectName: "urineSkipped"
                    text: qsTr("Not collected today")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.touchTarget
                    enabled: !flow.loading
                    Accessible.name: qsTr("The urine sample was not collected today")
                    onClicked: flow.skipStep()
                }
            }

            // --- agreement ----------------------------------------------------------------
            ColumnLayout {
                visible: flow.ready && flow.stepKind === "agreement"
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label { text: qsTr("Patient agreement"); font.pixelSize: Theme.fontTitle }
                Button {
                    objectName: "agreementSigned"
                    text: qsTr("Agreement signed today")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.touchTarget
                    enabled: !flow.loading
                    Accessible.name: qsTr("Record that the patient signed the agreement today")
                    onClicked: flow.recordAgreementSigned()
                }
                Button {
                    objectName: "agreementSkipped"
                    text: qsTr("Not signed today")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.touchTarget
                    enabled: !flow.loading
                    Accessible.name: qsTr("The agreement was not signed today")
                    onClicked: flow.skipStep()
                }
            }

            // --- PDMP check ---------------------------------------------------------------
            ColumnLayout {
                visible: flow.ready && flow.stepKind === "pdmp"
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label { text: qsTr("Prescription monitoring (PDMP) check"); font.pixelSize: Theme.fontTitle }
                CheckBox {
                    id: concerning
                    text: qsTr("Something in the PDMP is concerning")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.touchTarget
                    Accessible.name: qsTr("Something in the PDMP is concerning")
                }
                TextField {
                    id: findings
                    visible: concerning.checked
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontBody
                    placeholderText: qsTr("What was concerning")
                    Accessible.name: qsTr("What was concerning in the PDMP")
                }
                Button {
                    objectName: "pdmpChecked"
                    text: qsTr("PDMP checked")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.touchTarget
                    enabled: !flow.loading
                    Accessible.name: qsTr("Record the PDMP check")
                    onClicked: flow.recordPdmpCheck(concerning.checked, findings.text)
                }
                Button {
                    objectName: "pdmpSkipped"
                    text: qsTr("Not checked today")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.touchTarget
                    enabled: !flow.loading
                    Accessible.name: qsTr("The PDMP was not checked today")
                    onClicked: flow.skipStep()
                }
            }

            // --- summary ------------------------------------------------------------------
            ColumnLayout {
                objectName: "roomingSummary"
                visible: flow.ready && flow.stepKind === "summary"
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label { text: qsTr("Recorded in this rooming"); font.pixelSize: Theme.fontTitle }
                Repeater {
                    model: flow.recorded
                    delegate: Label {
                        required property string modelData
                        text: "• " + modelData
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                Label { text: qsTr("For the clinician to address"); font.pixelSize: Theme.fontTitle }
                EmptyState {
                    visible: flow.summaryLoaded && summaryGaps.count === 0
                    Layout.fillWidth: true
                    glyph: Icon.Success
                    title: qsTr("Nothing open for the clinician.")
                }
                Repeater {
                    id: summaryGaps
                    objectName: "roomingSummaryGaps"
                    model: flow.clinicianGaps
                    delegate: RowLayout {
                        id: gapRow
                        required property string label
                        required property string statusLabel
                        required property string severity
                        required property string reason
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        GapChip { label: gapRow.label; statusLabel: gapRow.statusLabel; severity: gapRow.severity }
                        Label { text: gapRow.reason; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: Theme.fontSmall }
                    }
                }
                Button {
                    objectName: "finishRooming"
                    text: qsTr("Finish rooming")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.touchTarget
                    enabled: !flow.loading
                    Accessible.name: qsTr("Finish rooming and return to the patient")
                    onClicked: flow.finish()
                }
            }

            RowLayout {
                visible: flow.ready
                Layout.fillWidth: true
                spacing: Theme.spacing
                Button {
                    objectName: "roomingBack"
                    text: qsTr("Previous")
                    enabled: flow.stepIndex > 0
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.touchTarget
                    Accessible.name: qsTr("Previous step")
                    onClicked: flow.back()
                }
                Item { Layout.fillWidth: true }
                Button {
                    objectName: "roomingNext"
                    visible: flow.stepKind !== "summary"
                    text: qsTr("Next")
                    enabled: flow.canGoNext
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.touchTarget
                    Accessible.name: qsTr("Next step")
                    onClicked: flow.next()
                }
            }
        }
    }
}
