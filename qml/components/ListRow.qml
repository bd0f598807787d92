import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A list row (tablet-ux §4.7.10): at least 72 px, a fixed identity column whose name wraps (two
// lines, more if it must) and is never elided, so the wrong patient is never picked from a cut
// name; a meta line under it, then a detail line (what needs doing; marked with an icon, not by
// colour alone, when urgent); trailing content (children of the row) and a chevron.
ItemDelegate {
    id: row
    // The name that identifies the row (a patient's name).
    property string title: ""
    property string meta: ""
    property string detail: ""
    property bool detailUrgent: false
    // The identity column's width: fixed so the rows line up and the name wins over the columns.
    property int identityWidth: Theme.columnIdentity
    property bool showChevron: true
    default property alias trailing: trailingRow.data

    implicitHeight: Math.max(Theme.rowMin, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingS
    topPadding: Theme.spacingS
    bottomPadding: Theme.spacingS
    Accessible.name: Theme.joinParts([row.title, row.meta, row.detail], ", ")

    background: Rectangle {
        color: row.down ? Theme.surfaceContainer : row.highlighted ? Theme.primaryContainer : Theme.surface
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.outlineVariant
        }
        Rectangle {
            visible: row.visualFocus
            anchors.fill: parent
            color: "transparent"
            border.width: Theme.focusRing
            border.color: Theme.primary
        }
    }

    // qmllint disable deferred-property-id
    contentItem: RowLayout {
        spacing: Theme.spacingM
        ColumnLayout {
            spacing: 2
            Layout.preferredWidth: row.identityWidth
            Layout.minimumWidth: Math.min(row.identityWidth, Theme.fieldShort)
            Layout.fillWidth: trailingRow.children.length === 0
            Label {
                objectName: "listRowTitle"
                text: row.title
                font: Theme.titleMedium
                color: Theme.textOnSurface
                wrapMode: Text.Wrap
                elide: Text.ElideNone
                Layout.fillWidth: true
            }
            Label {
                visible: row.meta !== ""
                text: row.meta
                font: Theme.bodyMedium
                color: Theme.textOnSurfaceVariant
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                visible: row.detail !== ""
                spacing: Theme.spacingXs
                Layout.fillWidth: true
                Icon {
                    visible: row.detailUrgent
                    glyph: Icon.Error
                    color: Theme.error
                    size: Theme.iconSmall
                    Layout.alignment: Qt.AlignTop
                }
                Label {
                    objectName: "listRowDetail"
                    text: row.detail
                    font: Theme.bodyMedium
                    color: row.detailUrgent ? Theme.error : Theme.textOnSurfaceVariant
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
        RowLayout {
            id: trailingRow
            Layout.fillWidth: true
            spacing: Theme.spacingM
        }
        Icon {
            visible: row.showChevron
            glyph: Icon.ChevronRight
            color: Theme.textOnSurfaceVariant
        }
    }
}
