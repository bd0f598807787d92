import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// No "pragma ComponentBehavior: Bound" here: on 6.4 a Loader cannot create bound components
// declared in a Repeater's delegate ("outside its creation context"). The controls below reach
// their Loader by id, which qmllint then calls unqualified.
// qmllint disable unqualified
// Any record form, drawn from its RecordForm: one FormField per field with the control its type
// calls for, each field's error under it, the opioid form's MME while it is filled in, and Save.
// Nothing is pre-filled: dates, times and choices stay empty until someone gives them (a
// correction starts from the stored record, which is what was recorded, not a guess).
ColumnLayout {
    id: view
    required property RecordForm form
    // Shown on the Save button ("Save", "Book the visit", ...).
    property string saveText: qsTr("Save")
    signal cancelled()

    spacing: Theme.spacingL

    Repeater {
        model: view.form.fields
        delegate: FormField {
            id: field
            required property var modelData
            objectName: "formField_" + field.modelData.name
            Layout.fillWidth: true
            // A check box carries its own words; the field shows only its helper and error.
            label: field.modelData.type === RecordForm.Flag ? "" : field.modelData.label
            required: field.modelData.required
            helperText: field.modelData.helper
            error: view.form.errors[field.modelData.name] ?? ""
            Loader {
                id: control
                readonly property var spec: field.modelData
                readonly property RecordForm form: view.form
                readonly property var value: control.form.values[control.spec.name]
                readonly property string fieldName: control.spec.name
                Layout.fillWidth: true
                sourceComponent: {
                    switch (control.spec.type) {
                    case RecordForm.Date: return dateControl
                    case RecordForm.Time: return timeControl
                    case RecordForm.Choice: return choiceControl
                    case RecordForm.YesNo: return yesNoControl
                    case RecordForm.Flag: return flagControl
                    case RecordForm.LongText: return longTextControl
                    case RecordForm.Steps: return stepsControl
                    default: return textControl
                    }
                }

                Component {
                    id: textControl
                    CTextField {
                        objectName: "field_" + control.fieldName
                        text: control.value === undefined ? "" : String(control.value)
                        inputMethodHints: control.spec.type === RecordForm.Number ? Qt.ImhFormattedNumbersOnly : Qt.ImhNone
                        Accessible.name: control.spec.label
                        onTextEdited: control.form.setValue(control.fieldName, text)
                    }
                }
                Component {
                    id: longTextControl
                    TextArea {
                        objectName: "field_" + control.fieldName
                        text: control.value === undefined ? "" : String(control.value)
                        wrapMode: TextEdit.Wrap
                        Accessible.name: control.spec.label
                        font: Theme.bodyLarge
                        implicitHeight: Math.max(Theme.controlLarge * 2, contentHeight + topPadding + bottomPadding)
                        onTextChanged: if (activeFocus) control.form.setValue(control.fieldName, text)
                        background: Rectangle {
                            radius: Theme.radiusField
                            color: Theme.surface
                            border.width: parent.activeFocus ? 2 : 1
                            border.color: parent.activeFocus ? Theme.primary : Theme.outline
                        }
                    }
                }
                Component {
                    id: dateControl
                    DateField {
                        objectName: "field_" + control.fieldName
                        label: control.spec.label
                        date: control.value ? parseIso(String(control.value)) : new Date(NaN)
                        onChosen: control.form.setValue(control.fieldName, isoDate)
                    }
                }
                Component {
                    id: timeControl
                    TimeField {
                        objectName: "field_" + control.fieldName
                        label: control.spec.label
                        text: control.value === undefined ? "" : String(control.value)
                        onTextEdited: control.form.setValue(control.fieldName, time !== "" ? time : text)
                    }
                }
                Component {
                    id: choiceControl
                    ChoiceChips {
                        objectName: "field_" + control.fieldName
                        label: control.spec.label
                        model: control.spec.choices.map(c => ({ text: c.label, value: c.value }))
                        currentIndex: control.spec.choices.findIndex(c => c.value === control.value)
                        onActivated: index => control.form.setValue(control.fieldName, control.spec.choices[index].value)
                    }
                }
                // A yes/no question: its two chips always fit one line, so its height does not wait on
                // the width (a list of them, as in the OUD checklist, lays out in one pass).
                Component {
                    id: yesNoControl
                    Item {
                        implicitWidth: yesNo.implicitWidth
                        implicitHeight: Theme.control
                        ChoiceChips {
                            id: yesNo
                            objectName: "field_" + control.fieldName
                            anchors.fill: parent
                            label: control.spec.label
                            model: control.spec.choices.map(c => ({ text: c.label, value: c.value }))
                            currentIndex: control.spec.choices.findIndex(c => c.value === control.value)
                            onActivated: index => control.form.setValue(control.fieldName, control.spec.choices[index].value)
                        }
                    }
                }
                // A taper plan's steps: each its date, target MME/day and words, with its own
                // errors ("steps[1].date"); steps are added and removed one at a time.
                Component {
                    id: stepsControl
                    ColumnLayout {
                        id: stepList
                        objectName: "field_" + control.fieldName
                        spacing: Theme.spacingM
                        Repeater {
                            // A count, not the list: typing in a step must not rebuild the steps.
                            model: control.value === undefined ? 0 : control.value.length
                            delegate: Card {
                                id: stepCard
                                required property int index
                                readonly property var step: control.value[stepCard.index] ?? ({})
                                function errorOf(part: string): string {
                                    return control.form.errors[control.fieldName + "[" + stepCard.index + "]." + part] ?? ""
                                }
                                objectName: "step_" + stepCard.index
                                Layout.fillWidth: true
                                title: qsTr("Step %1").arg(stepCard.index + 1)
                                actions: [
                                    CButton {
                                        objectName: "removeStep_" + stepCard.index
                                        variant: CButton.Text
                                        text: qsTr("Remove")
                                        Accessible.name: qsTr("Remove step %1").arg(stepCard.index + 1)
                                        onClicked: control.form.removeStep(control.fieldName, stepCard.index)
                                    }
                                ]
                                ColumnLayout {
                                    width: parent.width
                                    spacing: Theme.spacingM
                                    FormField {
                                        Layout.fillWidth: true
                                        label: qsTr("Step date")
                                        required: true
                                        error: stepCard.errorOf("date")
                                        DateField {
                                            objectName: "stepDate_" + stepCard.index
                                            Layout.fillWidth: true
                                            label: qsTr("Step %1 date").arg(stepCard.index + 1)
                                            date: stepCard.step.date ? parseIso(String(stepCard.step.date)) : new Date(NaN)
                                            onChosen: control.form.setStepValue(control.fieldName, stepCard.index, "date", isoDate)
                                        }
                                    }
                                    FormField {
                                        Layout.fillWidth: true
                                        label: qsTr("Target MME per day")
                                        helperText: qsTr("Empty for a step that is not a dose (a pause, a review)")
                                        error: stepCard.errorOf("target_mme_per_day")
                                        CTextField {
                                            objectName: "stepTarget_" + stepCard.index
                                            Layout.fillWidth: true
                                            text: stepCard.step.target_mme_per_day === undefined ? "" : String(stepCard.step.target_mme_per_day)
                                            inputMethodHints: Qt.ImhFormattedNumbersOnly
                                            suffix: qsTr("MME/day")
                                            onTextEdited: control.form.setStepValue(control.fieldName, stepCard.index, "target_mme_per_day", text)
                                        }
                                    }
                                    FormField {
                                        Layout.fillWidth: true
                                        label: qsTr("What changes")
                                        helperText: qsTr("e.g. lower the evening dose by 5 mg")
                                        error: stepCard.errorOf("description")
                                        CTextField {
                                            objectName: "stepDescription_" + stepCard.index
                                            Layout.fillWidth: true
                                            text: stepCard.step.description === undefined ? "" : String(stepCard.step.description)
                                            onTextEdited: control.form.setStepValue(control.fieldName, stepCard.index, "description", text)
                                        }
                                    }
                                }
                            }
                        }
                        CButton {
                            objectName: "addStep"
                            variant: CButton.Tonal
                            text: qsTr("Add a step")
                            onClicked: control.form.addStep(control.fieldName)
                        }
                    }
                }
                Component {
                    id: flagControl
                    CheckBox {
                        objectName: "field_" + control.fieldName
                        text: control.spec.label
                        checked: control.value === true
                        font: Theme.bodyLarge
                        implicitHeight: Theme.control
                        Accessible.name: control.spec.label
                        onToggled: control.form.setValue(control.fieldName, checked)
                    }
                }
            }
        }
    }

    // The opioid form: this entry's MME and the new total, with the CDC caution.
    Card {
        objectName: "mmePreview"
        visible: view.form.mmePreview !== ""
        Layout.fillWidth: true
        ColumnLayout {
            // Filling the card's column (not width: parent.width, which a layout overrides): the
            // wrapped lines then count in the form's height, so the ScrollView reaches Save.
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Label {
                text: view.form.mmePreview
                font: Theme.titleMedium
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: view.form.mmeCaution
                font: Theme.bodyMedium
                color: Theme.textOnSurfaceVariant
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }

    StatusBanner {
        objectName: "formMessage"
        visible: view.form.message !== ""
        Layout.fillWidth: true
        kind: view.form.error ? StatusBanner.Error : StatusBanner.Success
        title: view.form.message
        // The form-wide error (a rule no single field shows), when there is one.
        text: view.form.formError
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        Item { Layout.fillWidth: true }
        CButton {
            objectName: "formCancel"
            variant: CButton.Text
            text: qsTr("Cancel")
            onClicked: view.cancelled()
        }
        CButton {
            objectName: "formSave"
            variant: CButton.Filled
            text: view.form.loading ? qsTr("Saving…") : view.saveText
            enabled: !view.form.loading
            onClicked: view.form.save()
        }
    }
}
