pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A large numeric keypad. Digits are kept here only until submitted, then cleared.
Item {
    id: pad
    property string pin: ""
    property int maxLength: 12
    property bool busy: false
    signal submitted(string pin)

    implicitWidth: grid.implicitWidth
    implicitHeight: column.implicitHeight

    function press(key: string) {
        if (pad.busy)
            return
        if (key === "back")
            pad.pin = pad.pin.slice(0, -1)
        else if (key === "ok") {
            if (pad.pin.length >= 4) {
                const entered = pad.pin
                pad.pin = ""
                pad.submitted(entered)
            }
        } else if (pad.pin.length < pad.maxLength)
            pad.pin += key
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: pad.pin.length > 0 ? "●".repeat(pad.pin.length) : qsTr("Enter your PIN")
            font.pixelSize: Theme.fontHuge
            color: Theme.text
            Accessible.name: qsTr("%n digit(s) entered", "", pad.pin.length)
        }

        GridLayout {
            id: grid
            Layout.alignment: Qt.AlignHCenter
            columns: 3
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            // Every key as wide as its longest word needs at the text size in force ("Delete",
            // "Sign in", "Borrar", "Entrar" at 1.7× were cut to "De…"), never below the designed
            // size: two touch targets wide; as tall as a touch target with room around a digit.
            readonly property real keyWidth: Math.max(Theme.minTouch * 2,
                                                      Math.ceil(Math.max(deleteWord.advanceWidth, signInWord.advanceWidth))
                                                      + 2 * Theme.spacing)
            readonly property real keyHeight: Theme.minTouch + 2 * Theme.spacingL

            TextMetrics {
                id: deleteWord
                font.pixelSize: Theme.fontBody
                text: qsTr("Delete")
            }
            TextMetrics {
                id: signInWord
                font.pixelSize: Theme.fontBody
                text: qsTr("Sign in")
            }

            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "back", "0", "ok"]
                delegate: Button {
                    id: key
                    required property string modelData
                    objectName: "pinKey_" + key.modelData
                    Layout.preferredWidth: grid.keyWidth
                    Layout.preferredHeight: grid.keyHeight
                    enabled: !pad.busy && (key.modelData !== "ok" || pad.pin.length >= 4)
                    text: key.modelData === "back" ? qsTr("Delete") : key.modelData === "ok" ? qsTr("Sign in") : key.modelData
                    font.pixelSize: key.modelData.length === 1 ? Theme.fontHuge : Theme.fontBody
                    Accessible.name: key.modelData === "back" ? qsTr("Delete last digit")
                                     : key.modelData === "ok" ? qsTr("Sign in") : qsTr("Digit %1").arg(key.modelData)
                    onClicked: pad.press(key.modelData)
                }
            }
        }
    }
}
