import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Shown on every screen: who is signed in, and a way to lock the tablet.
ToolBar {
    id: bar
    property string title: ""
    signal backRequested()
    property bool canGoBack: false

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.spacing

        ToolButton {
            visible: bar.canGoBack
            text: qsTr("Back")
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.touchTarget
            Accessible.name: qsTr("Back")
            onClicked: bar.backRequested()
        }
        Label {
            text: bar.title
            font.pixelSize: Theme.fontTitle
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            objectName: "syncState"
            text: Session.syncSummary
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            Accessible.name: Session.syncSummary
        }
        Label {
            objectName: "signedInLabel"
            text: Session.signedIn ? qsTr("%1 · %2").arg(Session.userName).arg(Session.roleName) : ""
            font.pixelSize: Theme.fontSmall
            Accessible.name: qsTr("Signed in as %1, %2").arg(Session.userName).arg(Session.roleName)
        }
        Button {
            text: qsTr("Lock")
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.minTouch
            Accessible.name: qsTr("Lock the tablet")
            onClicked: Session.lock()
        }
    }
}
