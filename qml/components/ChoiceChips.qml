pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// One exclusive choice from a short list (a segmented button / filter chips): nothing is chosen
// until someone taps, unless the screen gives `currentIndex`. The chosen chip has a tick as well
// as the primary colour, so the state is not told by colour alone. The chips wrap onto more lines
// when the width runs out (Spanish, portrait).
Flow {
    id: chips
    // Strings, or objects with a `text` (and anything else the screen wants back).
    property var model: []
    property int currentIndex: -1
    // Spoken before each chip's text, e.g. "Outcome".
    property string label: ""
    readonly property var currentItem: chips.currentIndex >= 0 && chips.currentIndex < chips.count ? chips.model[chips.currentIndex] : undefined
    readonly property int count: chips.model ? chips.model.length : 0
    signal activated(int index)

    function textOf(entry: var): string {
        return typeof entry === "string" ? entry : String(entry.text)
    }

    spacing: Theme.spacingS
    Accessible.role: Accessible.Grouping
    Accessible.name: chips.label

    Repeater {
        model: chips.model
        delegate: AbstractButton {
            id: chip
            required property int index
            required property var modelData
            readonly property bool chosen: chips.currentIndex === chip.index
            checked: chip.chosen
            text: chips.textOf(chip.modelData)
            font: Theme.labelLarge
            implicitHeight: Theme.control
            implicitWidth: Math.max(Theme.control, row.implicitWidth + 2 * Theme.spacingL)
            Accessible.role: Accessible.RadioButton
            Accessible.name: chips.label === "" ? chip.text : qsTr("%1: %2").arg(chips.label).arg(chip.text)
            Accessible.checkable: true
            Accessible.checked: chip.chosen
            onClicked: {
                chips.currentIndex = chip.index
                chips.activated(chip.index)
            }
            // qmllint disable deferred-property-id
            contentItem: Item {
                implicitWidth: row.implicitWidth
                implicitHeight: row.implicitHeight
                RowLayout {
                    id: row
                    anchors.centerIn: parent
                    spacing: Theme.spacingS
                    Icon {
                        visible: chip.chosen
                        glyph: Icon.Check
                        size: Theme.iconSmall
                        color: Theme.textOnPrimaryContainer
                    }
                    Text {
                        text: chip.text
                        font: chip.font
                        color: chip.chosen ? Theme.textOnPrimaryContainer : Theme.textOnSurface
                    }
                }
            }
            background: Rectangle {
                radius: Theme.radiusChip
                color: chip.chosen ? Theme.primaryContainer : Theme.surface
                border.width: chip.chosen ? 2 : 1
                border.color: chip.chosen ? Theme.primary : Theme.outline
                Rectangle {
                    anchors.fill: parent
                    radius: parent.radius
                    color: Theme.textOnSurface
                    opacity: chip.down ? 0.12 : chip.hovered ? 0.08 : 0
                }
                Rectangle {
                    visible: chip.visualFocus
                    anchors.fill: parent
                    anchors.margins: -Theme.focusRing - 1
                    radius: parent.radius + Theme.focusRing
                    color: "transparent"
                    border.width: Theme.focusRing
                    border.color: Theme.primary
                }
            }
        }
    }
}
