import QtQuick
import QtQuick.Controls
import Cairn

// A time of day as HH:mm (24-hour), empty until someone types one: never a guessed default.
// `time` is the valid "HH:mm" or ""; `error` says what is wrong once editing finishes.
CTextField {
    id: field
    readonly property string time: field.acceptableInput ? field.normalised(field.text) : ""
    property string label: qsTr("Time")

    function normalised(t: string): string {
        const m = /^(\d{1,2}):(\d{2})$/.exec(t.trim())
        return m ? (m[1].length === 1 ? "0" + m[1] : m[1]) + ":" + m[2] : ""
    }

    placeholderText: qsTr("e.g. 14:30")
    inputMethodHints: Qt.ImhPreferNumbers
    implicitWidth: Theme.fieldShort
    validator: RegularExpressionValidator { regularExpression: /^([01]?\d|2[0-3]):[0-5]\d$/ }
    Accessible.name: field.label
    Accessible.description: field.error !== "" ? field.error : qsTr("24-hour time, hours and minutes")
    // Checked when the field is left (editingFinished is not emitted for an incomplete time).
    function check() {
        field.error = field.text === "" || field.acceptableInput ? "" : qsTr("Use a 24-hour time such as 14:30.")
    }
    onActiveFocusChanged: if (!field.activeFocus) field.check()
    onAccepted: field.check()
    onTextChanged: if (field.acceptableInput) field.error = ""
}
