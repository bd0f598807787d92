pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// One 0–10 question (tablet-ux §4.7.7): its wording, eleven large buttons and the two anchors
// directly under 0 and 10. It starts with no answer (value -1) and never has a default: a clinical
// score is only ever what someone chose. A tap or a digit key sets `value` and emits chosen();
// "1" then "0" within a moment gives 10. Each button is announced as a radio button, e.g.
// "Pain, 7 of 10". Setting `value` from outside shows that value without emitting chosen().
FocusScope {
    id: scaleField
    property string question: ""
    // The short name used in each button's accessible name ("Pain, 7 of 10"); the question if empty.
    property string shortName: ""
    property string lowAnchor: ""
    property string highAnchor: ""
    property int value: -1
    property int from: 0
    property int to: 10
    // When set, each button is called prefix + its number (for tests that drive the screens).
    property string buttonNamePrefix: ""
    readonly property bool answered: scaleField.value >= scaleField.from && scaleField.value <= scaleField.to
    signal chosen(int value)

    function choose(v: int) {
        if (v < scaleField.from || v > scaleField.to)
            return
        scaleField.value = v
        scaleField.chosen(v)
    }

    implicitWidth: column.implicitWidth
    implicitHeight: column.implicitHeight
    activeFocusOnTab: true
    Accessible.role: Accessible.Grouping
    Accessible.name: scaleField.question

    // "1" may be the start of "10": it waits a moment for a "0" before it counts.
    property bool pendingOne: false
    Timer {
        id: oneTimer
        interval: 700
        onTriggered: {
            scaleField.pendingOne = false
            scaleField.choose(1)
        }
    }
    Keys.onPressed: event => {
        const digit = event.text.length === 1 ? "0123456789".indexOf(event.text) : -1
        if (digit < 0)
            return
        event.accepted = true
        if (scaleField.pendingOne) {
            oneTimer.stop()
            scaleField.pendingOne = false
            if (digit === 0 && scaleField.to >= 10) {
                scaleField.choose(10)
                return
            }
            scaleField.choose(1)
        }
        if (digit === 1 && scaleField.to >= 10) {
            scaleField.pendingOne = true
            oneTimer.restart()
        } else {
            scaleField.choose(digit)
        }
    }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: Theme.spacingS

        Label {
            visible: scaleField.question !== ""
            Layout.fillWidth: true
            text: scaleField.question
            wrapMode: Text.Wrap
            font: Theme.titleMedium
            color: Theme.textOnSurface
            Accessible.ignored: true
        }
        RowLayout {
            id: buttons
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Repeater {
                model: scaleField.to - scaleField.from + 1
                delegate: AbstractButton {
                    id: score
                    required property int index
                    readonly property int number: scaleField.from + score.index
                    objectName: scaleField.buttonNamePrefix === "" ? "" : scaleField.buttonNamePrefix + score.number
                    Layout.fillWidth: true
                    Layout.minimumWidth: Theme.control
                    Layout.preferredHeight: Theme.controlLarge
                    implicitWidth: Theme.control
                    implicitHeight: Theme.controlLarge
                    focusPolicy: Qt.NoFocus
                    // Not checkable: the value alone decides which button shows as chosen.
                    checked: scaleField.value === score.number
                    text: String(score.number)
                    font.pixelSize: Theme.bodyLarge.pixelSize
                    font.bold: score.checked
                    Accessible.role: Accessible.RadioButton
                    Accessible.name: qsTr("%1, %2 of %3").arg(scaleField.shortName !== "" ? scaleField.shortName : scaleField.question)
                                                         .arg(score.number).arg(scaleField.to)
                    Accessible.checkable: true
                    Accessible.checked: score.checked
                    onClicked: {
                        scaleField.forceActiveFocus()
                        scaleField.choose(score.number)
                    }

                    contentItem: Text {
                        text: score.text
                        font: score.font
                        color: score.checked ? Theme.textOnPrimary : Theme.textOnSurface
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    background: Rectangle {
                        radius: Theme.radiusField
                        color: score.checked ? Theme.primary : Theme.surface
                        border.width: score.checked ? 2 : 1
                        border.color: score.checked ? Theme.primary : Theme.outline
                        Rectangle {
                            anchors.fill: parent
                            radius: parent.radius
                            color: score.checked ? Theme.textOnPrimary : Theme.textOnSurface
                            opacity: score.down ? 0.12 : score.hovered ? 0.08 : 0
                        }
                    }
                }
            }
        }
        // The anchors sit under the first and the last button.
        RowLayout {
            visible: scaleField.lowAnchor !== "" || scaleField.highAnchor !== ""
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Label {
                text: scaleField.lowAnchor
                font: Theme.bodyMedium
                color: Theme.textOnSurfaceVariant
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
                Layout.maximumWidth: Math.max(buttons.width / 3, Theme.control * 2)
                Accessible.name: qsTr("%1 = %2").arg(scaleField.from).arg(scaleField.lowAnchor)
            }
            Item { Layout.fillWidth: true }
            Label {
                text: scaleField.highAnchor
                font: Theme.bodyMedium
                color: Theme.textOnSurfaceVariant
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignRight
                Layout.fillWidth: true
                Layout.maximumWidth: Math.max(buttons.width / 3, Theme.control * 2)
                Accessible.name: qsTr("%1 = %2").arg(scaleField.to).arg(scaleField.highAnchor)
            }
        }
    }
}
