pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A clinician enters a yes/no screen outside rooming (the ORT, the PC-PTSD-5): the questions of
// the instrument's definition, each answered by a tap (nothing is pre-filled, not even the date),
// the result as the rules will score it, and Save only once every answer is given. Saved at once
// on this tablet; the patient screen's tier and history follow.
Page {
    id: screen
    objectName: "screeningFormScreen"
    property string instrument: ""
    property string patientId: ""
    property string correcting: ""
    signal done(string savedId)

    // The message under a field ("date", "answers", "sex", "reason"), or "".
    function errorOf(name: string): string {
        return form.errors[name] ?? ""
    }

    title: form.title
    background: Rectangle { color: Theme.background }

    ScreeningForm {
        id: form
        objectName: "screeningForm"
        session: Session
        instrument: screen.instrument
        patientId: screen.patientId
        correcting: screen.correcting
        onSaved: id => screen.done(id)
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        contentHeight: column.implicitHeight + 2 * Theme.margin

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: Math.min(parent.width - 2 * Theme.margin, Theme.formWidth)
            spacing: Theme.spacingL

            Label {
                Layout.fillWidth: true
                text: form.title
                font: Theme.headline
                color: Theme.textOnSurface
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                visible: form.notice !== ""
                text: form.notice
                font: Theme.bodyMedium
                color: Theme.textOnSurfaceVariant
                wrapMode: Text.Wrap
            }
            FormField {
                Layout.fillWidth: true
                label: qsTr("Screen done on")
                required: true
                error: screen.errorOf("date")
                DateField {
                    objectName: "screeningDate"
                    Layout.fillWidth: true
                    label: qsTr("Screen done on")
                    onChosen: form.date = isoDate
                }
            }
            StatusBanner {
                objectName: "screeningSexMissing"
                visible: (screen.errorOf("sex")) !== ""
                Layout.fillWidth: true
                kind: StatusBanner.Warning
                title: screen.errorOf("sex")
            }
            Repeater {
                objectName: "screeningQuestions"
                model: form.questions
                delegate: FormField {
                    id: question
                    required property var modelData
                    required property int index
                    objectName: "question_" + question.index
                    visible: question.modelData.shown
                    Layout.fillWidth: true
                    // The PC-PTSD-5's items follow its stem ("In the past month, have you…").
                    label: question.modelData.item && form.stem !== ""
                           ? qsTr("%1 %2").arg(form.stem).arg(question.modelData.text) : question.modelData.text
                    required: true
                    ChoiceChips {
                        objectName: "answer_" + question.index
                        label: question.modelData.text
                        model: [qsTr("No"), qsTr("Yes")]
                        currentIndex: form.answers[question.index] ?? -1
                        onActivated: index => form.answer(question.index, index)
                    }
                }
            }
            StatusBanner {
                objectName: "screeningAnswersError"
                visible: (screen.errorOf("answers")) !== ""
                Layout.fillWidth: true
                kind: StatusBanner.Error
                title: screen.errorOf("answers")
            }
            Card {
                objectName: "screeningResult"
                visible: form.resultText !== ""
                Layout.fillWidth: true
                title: qsTr("Result")
                Label {
                    width: parent.width
                    text: form.resultText
                    font: Theme.titleMedium
                    wrapMode: Text.Wrap
                }
            }
            FormField {
                visible: screen.correcting !== ""
                Layout.fillWidth: true
                label: qsTr("Why it is being changed")
                required: true
                error: screen.errorOf("reason")
                CTextField {
                    objectName: "screeningReason"
                    Layout.fillWidth: true
                    onTextEdited: form.reason = text
                }
            }
            StatusBanner {
                objectName: "screeningMessage"
                visible: form.message !== ""
                Layout.fillWidth: true
                kind: form.error ? StatusBanner.Error : StatusBanner.Success
                title: form.message
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingM
                Item { Layout.fillWidth: true }
                CButton {
                    objectName: "screeningCancel"
                    variant: CButton.Text
                    text: qsTr("Cancel")
                    onClicked: screen.done("")
                }
                CButton {
                    objectName: "screeningSave"
                    variant: CButton.Filled
                    text: form.loading ? qsTr("Saving…") : qsTr("Save")
                    enabled: form.complete && !form.loading
                    disabledReason: form.incompleteReason
                    onClicked: form.save()
                }
            }
        }
    }
}
