pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// One PEG question: its wording, its two anchors, and eleven large buttons from 0 to 10.
ColumnLayout {
    id: row
    property string question: ""
    property string lowAnchor: ""
    property string highAnchor: ""
    property int value: -1
    spacing: 4

    Label {
        Layout.fillWidth: true
        text: row.question
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontBody
    }
    RowLayout {
        spacing: 4
        Repeater {
            model: 11
            delegate: Button {
                id: score
                required property int index
                Layout.preferredWidth: Theme.minTouch
                Layout.preferredHeight: Theme.minTouch
                text: score.index
                checkable: true
                checked: row.value === score.index
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("%1: %2").arg(row.question).arg(score.index)
                onClicked: row.value = score.index
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("0 = %1").arg(row.lowAnchor); font.pixelSize: Theme.fontSmall; color: Theme.textMuted }
        Item { Layout.fillWidth: true }
        Label { text: qsTr("10 = %1").arg(row.highAnchor); font.pixelSize: Theme.fontSmall; color: Theme.textMuted }
    }
}
