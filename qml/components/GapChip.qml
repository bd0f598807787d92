import QtQuick
import QtQuick.Controls
import Cairn

// A care gap as a chip: its name and status in words, with colour only as a second cue.
Rectangle {
    id: chip
    property string label: ""
    property string statusLabel: ""
    property string severity: "medium"
    implicitHeight: Math.max(Theme.minTouch, text.implicitHeight + 16)
    implicitWidth: text.implicitWidth + 24
    radius: Theme.radius
    color: "transparent"
    border.width: 2
    border.color: severity === "urgent" ? Theme.urgent : severity === "high" ? Theme.high
                : severity === "medium" ? Theme.medium : Theme.low
    Accessible.role: Accessible.StaticText
    Accessible.name: chip.statusLabel === "" ? chip.label : qsTr("%1, %2").arg(chip.label).arg(chip.statusLabel)

    Label {
        id: text
        anchors.centerIn: parent
        text: (chip.severity === "urgent" ? "⚠ " : "") + chip.label + (chip.statusLabel === "" ? "" : " · " + chip.statusLabel)
        font.pixelSize: Theme.fontSmall
        color: Theme.text
    }
}
