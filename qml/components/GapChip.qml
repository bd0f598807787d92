import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A care gap as a chip (tablet-ux §4.7.3): its name and status in words, and its severity as an
// icon whose shape differs per level (octagon, triangle, clock, circle), with colour only as a
// further cue. A plain chip is a tinted label with no border, so it does not look like a button;
// an `interactive` chip has a border, is a button for assistive technology and emits activated().
Rectangle {
    id: chip
    enum Level { Urgent, High, Medium, Low }
    property string label: ""
    property string statusLabel: ""
    // As the models give it: "urgent", "high", "medium" or "low".
    property string severity: "medium"
    property bool interactive: false
    signal activated()

    readonly property int level: chip.severity === "urgent" ? GapChip.Urgent : chip.severity === "high" ? GapChip.High
                               : chip.severity === "medium" ? GapChip.Medium : GapChip.Low
    readonly property int glyph: [Icon.Error, Icon.Warning, Icon.Clock, Icon.Circle][chip.level]
    readonly property color strongColor: [Theme.error, Theme.warning, Theme.caution, Theme.textOnSurfaceVariant][chip.level]
    readonly property string levelName: [qsTr("Urgent"), qsTr("High priority"), qsTr("Medium priority"), qsTr("Low priority")][chip.level]

    // A gap's name is never cut (large text, Spanish): a chip is at most as wide as the row that
    // holds it (a Flow sets no width of its own) and its label wraps instead.
    width: Math.min(implicitWidth, parent ? parent.width : implicitWidth)
    implicitHeight: Math.max(Theme.minTouch, row.implicitHeight + 16)
    implicitWidth: row.implicitWidth + 2 * Theme.spacingM
    radius: Theme.radiusChip
    color: [Theme.errorContainer, Theme.warningContainer, Theme.cautionContainer, Theme.surfaceContainer][chip.level]
    border.width: chip.interactive ? 2 : 0
    border.color: chip.strongColor
    activeFocusOnTab: chip.interactive
    Accessible.role: chip.interactive ? Accessible.Button : Accessible.StaticText
    Accessible.name: chip.statusLabel === "" ? chip.label : qsTr("%1, %2").arg(chip.label).arg(chip.statusLabel)
    Accessible.description: chip.levelName
    Accessible.onPressAction: if (chip.interactive) chip.activated()
    Keys.onSpacePressed: if (chip.interactive) chip.activated()

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingM
        anchors.rightMargin: Theme.spacingM
        spacing: Theme.spacingS
        Icon {
            objectName: "gapChipIcon"
            glyph: chip.glyph
            size: Theme.iconSmall
            color: chip.strongColor
        }
        Label {
            id: text
            text: chip.label + (chip.statusLabel === "" ? "" : " · " + chip.statusLabel)
            font: Theme.labelLarge
            color: Theme.textOnSurface
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
    TapHandler {
        enabled: chip.interactive
        onTapped: chip.activated()
    }
}
