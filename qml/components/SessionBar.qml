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
            Layout.maximumWidth: bar.width * 0.3
        }
        // Online state in words as well as colour; last sync; what is still only on this tablet.
        Label {
            objectName: "onlineState"
            text: Sync.online ? qsTr("Online") : qsTr("Offline")
            color: Sync.online ? Theme.textMuted : Theme.high
            font.pixelSize: Theme.fontSmall
            Accessible.name: Sync.online ? qsTr("The tablet is online") : qsTr("The tablet is offline")
        }
        Label {
            objectName: "syncState"
            text: Sync.lastSyncText + " · " + Session.syncSummary
            font.pixelSize: Theme.fontSmall
            // Narrow (portrait) screens shorten this line rather than push Lock off the bar.
            elide: Text.ElideRight
            Layout.fillWidth: true
            Layout.minimumWidth: Theme.touchTarget
            color: Sync.error ? Theme.high : Theme.textMuted
            Accessible.name: Sync.lastSyncText + ", " + Session.syncSummary + (Sync.error ? ", " + Sync.message : "")
            ToolTip.visible: Sync.error && syncTip.hovered
            ToolTip.text: Sync.message
            HoverHandler { id: syncTip }
        }
        Button {
            objectName: "syncNowButton"
            text: Sync.loading ? qsTr("Syncing…") : qsTr("Sync now")
            enabled: !Sync.loading
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.minTouch
            Accessible.name: qsTr("Sync now")
            onClicked: Sync.syncNow()
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
