pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The navigation rail of the landscape shell (tablet-ux §4.3): the role's destinations (a
// Navigation model) down the leading edge. At least 88 px wide, wider when a label needs it, so a
// label is never cut.
Pane {
    id: rail
    objectName: "navigationRail"
    // A Navigation model.
    property alias model: items.model
    property int currentIndex: 0
    signal activated(int index)

    padding: 0
    topPadding: Theme.spacingM
    implicitWidth: Math.max(Theme.rail, column.implicitWidth)
    background: Rectangle {
        color: Theme.surface
        Rectangle {
            anchors.right: parent.right
            width: 1
            height: parent.height
            color: Theme.outlineVariant
        }
    }

    ColumnLayout {
        id: column
        width: parent.width
        spacing: Theme.spacingM
        Repeater {
            id: items
            delegate: NavigationItem {
                id: entry
                required property int index
                required property int destination
                required property string label
                required property string description
                required property string destinationName
                objectName: entry.destinationName
                Layout.fillWidth: true
                target: entry.destination
                text: entry.label
                spokenName: entry.description
                selected: rail.currentIndex === entry.index
                onClicked: rail.activated(entry.index)
            }
        }
    }
}
