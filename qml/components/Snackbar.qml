import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A short confirmation at the bottom centre (tablet-ux §4.7.12), with an optional action such as
// Undo: inverse colours, announced as an alert, gone after 8 s (not while it is being pressed).
// One-tap records use it instead of an "Are you sure?" dialog.
Popup {
    id: bar
    property string text: ""
    property string actionText: ""
    property int timeout: 8000
    signal actionTriggered()

    // Shows `message` (and an action, e.g. qsTr("Undo")), replacing anything already shown.
    function show(message: string, action: string) {
        bar.text = message
        bar.actionText = action === undefined ? "" : action
        bar.open()
        dismissTimer.restart()
    }

    parent: Overlay.overlay
    width: parent ? Math.min(600, parent.width - 2 * Theme.spacingXl) : 600
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? parent.height - height - Theme.spacingXl : 0
    modal: false
    focus: false
    closePolicy: Popup.NoAutoClose
    onClosed: dismissTimer.stop()
    padding: Theme.spacingS
    leftPadding: Theme.spacingL

    background: Rectangle {
        color: Theme.inverseSurface
        radius: Theme.radiusField
        implicitHeight: 56
    }

    // qmllint disable deferred-property-id
    contentItem: RowLayout {
        spacing: Theme.spacingS
        Label {
            id: message
            text: bar.text
            font: Theme.bodyLarge
            color: Theme.inverseOnSurface
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.control - 2 * Theme.spacingS
            verticalAlignment: Text.AlignVCenter
            Accessible.role: Accessible.AlertMessage
            Accessible.name: bar.text
        }
        Button {
            id: action
            objectName: "snackbarAction"
            visible: bar.actionText !== ""
            text: bar.actionText
            flat: true
            font: Theme.labelLarge
            implicitHeight: Theme.control
            implicitWidth: Math.max(Theme.control, contentItem.implicitWidth + 2 * Theme.spacingL)
            Accessible.name: bar.actionText
            contentItem: Text {
                text: action.text
                font: action.font
                color: Theme.inversePrimary
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                radius: height / 2
                color: Theme.inverseOnSurface
                opacity: action.down ? 0.12 : action.hovered ? 0.08 : 0
            }
            onClicked: {
                bar.close()
                bar.actionTriggered()
            }
        }
    }

    Timer {
        id: dismissTimer
        interval: bar.timeout
        onTriggered: {
            // Not while a finger is on the action: it closes once the finger is lifted.
            if (action.pressed)
                dismissTimer.restart()
            else
                bar.close()
        }
    }
}
