pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The bottom bar of the portrait shell (tablet-ux §4.3): the role's destinations (a Navigation
// model, at most five) in equal widths along the bottom, 80 px high.
Pane {
    id: bar
    objectName: "bottomNavigationBar"
    // A Navigation model.
    property alias model: items.model
    property int currentIndex: 0
    signal activated(int index)

    padding: 0
    implicitHeight: Math.max(Theme.bottomBar, row.implicitHeight)
    background: Rectangle {
        color: Theme.surface
        Rectangle {
            width: parent.width
            height: 1
            color: Theme.outlineVariant
        }
    }

    RowLayout {
        id: row
        anchors.fill: parent
        spacing: 0
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
                Layout.fillHeight: true
                // Equal widths: each item's share of the bar, whatever its label.
                Layout.preferredWidth: 1
                horizontalBar: true
                target: entry.destination
                text: entry.label
                spokenName: entry.description
                selected: bar.currentIndex === entry.index
                onClicked: bar.activated(entry.index)
            }
        }
    }
}
