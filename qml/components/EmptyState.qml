import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// What an empty list says (tablet-ux §4.7.12): an icon, a title, a line of explanation and at most
// one action that gets the user somewhere ("Show everyone", "Clear filters").
ColumnLayout {
    id: empty
    property int glyph: Icon.Inbox
    property string title: ""
    property string text: ""
    property string actionText: ""
    signal actionTriggered()

    spacing: Theme.spacingS
    Accessible.role: Accessible.StaticText
    Accessible.name: empty.text === "" ? empty.title : qsTr("%1. %2").arg(empty.title).arg(empty.text)

    Icon {
        glyph: empty.glyph
        size: Theme.spacingXxxl
        color: Theme.textOnSurfaceVariant
        Layout.alignment: Qt.AlignHCenter
    }
    Label {
        text: empty.title
        font: Theme.titleLarge
        color: Theme.textOnSurface
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    Label {
        visible: empty.text !== ""
        text: empty.text
        font: Theme.bodyMedium
        color: Theme.textOnSurfaceVariant
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    CButton {
        visible: empty.actionText !== ""
        variant: CButton.Tonal
        text: empty.actionText
        Layout.alignment: Qt.AlignHCenter
        Layout.topMargin: Theme.spacingS
        onClicked: empty.actionTriggered()
    }
}
