pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// English / Español, switched at once and remembered on this tablet. Each name is written in
// its own language so anyone can find theirs.
RowLayout {
    id: languageSwitch
    spacing: Theme.spacing / 2

    Label {
        text: qsTr("Language")
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
    }
    Repeater {
        model: Language.available
        delegate: Button {
            id: choice
            required property var modelData
            objectName: "language_" + choice.modelData.code
            text: choice.modelData.name
            // Shown as chosen by the language in force, not toggled by the tap: a checkable
            // button would replace this binding with its own checked state on the first click.
            highlighted: Language.current === choice.modelData.code
            Accessible.checkable: true
            Accessible.checked: choice.highlighted
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.minTouch
            Layout.minimumWidth: Theme.touchTarget * 2
            Accessible.name: qsTr("Show the app in %1").arg(choice.modelData.name)
            onClicked: Language.setLanguage(choice.modelData.code)
        }
    }
}
