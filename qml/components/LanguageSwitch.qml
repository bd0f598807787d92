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
            checkable: true
            checked: Language.current === choice.modelData.code
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.minTouch
            Layout.minimumWidth: Theme.touchTarget * 2
            Accessible.name: qsTr("Show the app in %1").arg(choice.modelData.name)
            onClicked: Language.setLanguage(choice.modelData.code)
        }
    }
}
