import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// One destination of the navigation rail or the bottom bar (tablet-ux §4.7.11): a 56×32 pill with
// the icon, the label under it (wraps, never elided), and when selected a primaryContainer pill, a
// semibold label and a 3 px primary bar at the leading edge (top edge in the bottom bar), so the
// selection is never shown by colour alone.
AbstractButton {
    id: item
    // The Navigation.Destination it shows (its icon); `text` is its label.
    property int target: Navigation.Today
    // What a screen reader says: the label and what is there ("Calls: patients due a PEG, to call").
    property string spokenName: ""
    property bool selected: false
    // In the bottom bar the selection bar runs along the top instead of the leading edge.
    property bool horizontalBar: false

    // The icon of each destination: the one place that maps them.
    function glyphFor(d: int): int {
        switch (d) {
        case Navigation.Today: return Icon.Calendar
        case Navigation.Calls: return Icon.Phone
        case Navigation.Registry: return Icon.List
        case Navigation.Patients: return Icon.People
        case Navigation.Refills: return Icon.Pill
        case Navigation.Measures: return Icon.Chart
        case Navigation.Practise: return Icon.Chat
        case Navigation.Administration: return Icon.Settings
        }
        return Icon.None
    }

    font: Theme.labelLarge
    implicitWidth: Math.max(Theme.control, labelText.implicitWidth + 2 * Theme.spacingS)
    implicitHeight: Math.max(64, column.implicitHeight + 2 * Theme.spacingS)
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.PageTab
    Accessible.name: item.spokenName === "" ? item.text : item.spokenName
    Accessible.checkable: true
    Accessible.checked: item.selected

    background: Item {
        Rectangle {
            visible: item.selected
            color: Theme.primary
            width: item.horizontalBar ? parent.width - 2 * Theme.spacingL : Theme.focusRing
            height: item.horizontalBar ? Theme.focusRing : parent.height - 2 * Theme.spacingM
            x: item.horizontalBar ? Theme.spacingL : 0
            y: item.horizontalBar ? 0 : Theme.spacingM
        }
        Rectangle {
            visible: item.visualFocus
            anchors.fill: parent
            color: "transparent"
            border.width: Theme.focusRing
            border.color: Theme.primary
        }
    }

    // qmllint disable deferred-property-id
    contentItem: Item {
        ColumnLayout {
            id: column
            anchors.centerIn: parent
            width: parent.width
            spacing: Theme.spacingXs
            Rectangle {
                Layout.alignment: Qt.AlignHCenter
                implicitWidth: 56
                implicitHeight: 32
                radius: 16
                color: item.selected ? Theme.primaryContainer : item.down ? Theme.surfaceContainer : "transparent"
                Icon {
                    anchors.centerIn: parent
                    glyph: item.glyphFor(item.target)
                    color: item.selected ? Theme.textOnPrimaryContainer : Theme.textOnSurfaceVariant
                }
            }
            Label {
                id: labelText
                objectName: "navigationLabel"
                Layout.fillWidth: true
                text: item.text
                font.pixelSize: item.font.pixelSize
                font.weight: item.selected ? Font.DemiBold : Font.Normal
                color: item.selected ? Theme.textOnSurface : Theme.textOnSurfaceVariant
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }
    }
}
