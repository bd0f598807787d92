pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Records set aside on this tablet, for the registry manager and the administrator: pulled from
// the server but unreadable here (stored by an older server, or written by a bug), so no screen
// shows them. Each row says what it is, whose, and why; withdrawing one (with a reason) removes
// it here and, after the next sync, on the server and every tablet of the clinic.
Page {
    id: screen
    objectName: "quarantineScreen"

    background: Rectangle { color: Theme.background }

    QuarantineListModel {
        id: quarantine
        objectName: "quarantineListModel"
        session: Session
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            objectName: "quarantineCount"
            text: quarantine.count === 1 ? qsTr("1 record set aside")
                                         : qsTr("%1 records set aside").arg(quarantine.count)
            font.pixelSize: Theme.fontTitle
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("These came from the server but this tablet cannot read them, so no screen shows them. Withdraw one to remove it from every tablet of the clinic.")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "quarantineMessage"
            visible: quarantine.message !== ""
            text: (quarantine.error ? "⚠ " : "✓ ") + quarantine.message
            color: quarantine.error ? Theme.urgent : Theme.text
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: !quarantine.loading && quarantine.count === 0
            text: qsTr("Nothing set aside: every record from the server could be read.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
        ListView {
            objectName: "quarantineList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: quarantine
            delegate: Rectangle {
                id: item
                required property int entryId
                required property string kindLabel
                required property string owner
                required property string reason
                required property string received
                width: ListView.view.width
                implicitHeight: body.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border

                ColumnLayout {
                    id: body
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    spacing: 4
                    Label {
                        text: qsTr("%1 · %2").arg(item.kindLabel).arg(item.owner)
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("Why: %1").arg(item.reason)
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("Arrived %1").arg(item.received)
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        TextField {
                            id: why
                            objectName: "withdrawReason_" + item.entryId
                            placeholderText: qsTr("Reason, e.g. stored by an older server")
                            font.pixelSize: Theme.fontBody
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.minTouch
                            Accessible.name: qsTr("Reason for withdrawing this record")
                        }
                        Button {
                            objectName: "withdraw_" + item.entryId
                            text: qsTr("Withdraw")
                            enabled: !quarantine.loading && why.text.trim() !== ""
                            font.pixelSize: Theme.fontBody
                            Layout.preferredHeight: Theme.minTouch
                            Accessible.name: qsTr("Withdraw this %1 from every tablet").arg(item.kindLabel)
                            onClicked: quarantine.withdraw(item.entryId, why.text)
                        }
                    }
                }
            }
            ScrollBar.vertical: ScrollBar { }
        }
    }
}
