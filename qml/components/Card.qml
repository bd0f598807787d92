import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A surface for one topic (tablet-ux §4.7.2): padding 16, radius 12, 1 px outlineVariant border,
// an optional title with a trailing action. Children go under the title in a column. A `clickable`
// card is one large button (state layer, chevron, Accessible.role Button, `clicked()`).
Pane {
    id: card
    property string title: ""
    // Items shown at the end of the title row (e.g. a Text CButton).
    property alias actions: actionRow.data
    property bool clickable: false
    default property alias content: body.data
    signal clicked()

    padding: Theme.cardPadding
    rightPadding: card.clickable ? Theme.cardPadding + Theme.icon + Theme.spacingS : Theme.cardPadding
    Accessible.role: card.clickable ? Accessible.Button : Accessible.Grouping
    Accessible.name: card.title
    Accessible.onPressAction: if (card.clickable) card.clicked()
    activeFocusOnTab: card.clickable
    Keys.onSpacePressed: if (card.clickable) card.clicked()
    Keys.onReturnPressed: if (card.clickable) card.clicked()

    // qmllint disable deferred-property-id
    background: Rectangle {
        radius: Theme.radiusCard
        color: Theme.surface
        border.width: card.visualFocus ? Theme.focusRing : 1
        border.color: card.visualFocus ? Theme.primary : Theme.outlineVariant
        Rectangle {
            anchors.fill: parent
            radius: parent.radius
            color: Theme.textOnSurface
            opacity: tap.pressed ? 0.12 : hover.hovered ? 0.08 : 0
            visible: card.clickable
        }
        Icon {
            visible: card.clickable
            glyph: Icon.ChevronRight
            color: Theme.textOnSurfaceVariant
            anchors.right: parent.right
            anchors.rightMargin: Theme.cardPadding
            anchors.verticalCenter: parent.verticalCenter
        }
        // In the background, which fills the card: the card's own children belong to `content`.
        TapHandler {
            id: tap
            enabled: card.clickable
            onTapped: card.clicked()
        }
        HoverHandler { id: hover; enabled: card.clickable }
    }

    // contentItem, not a child: children of this file's root would go to `content` itself.
    // qmllint disable deferred-property-id
    contentItem: ColumnLayout {
        spacing: Theme.spacingM
        RowLayout {
            visible: card.title !== "" || actionRow.children.length > 0
            Layout.fillWidth: true
            Layout.minimumHeight: card.title !== "" ? Theme.control : 0
            spacing: Theme.spacingS
            Label {
                text: card.title
                font: Theme.titleLarge
                color: Theme.textOnSurface
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout { id: actionRow; spacing: Theme.spacingS }
        }
        ColumnLayout {
            id: body
            Layout.fillWidth: true
            spacing: Theme.spacingM
        }
    }
}
