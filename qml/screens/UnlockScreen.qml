pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Pick your name, enter your PIN. Lockout and wrong-PIN messages come from the registry.
Page {
    id: screen
    objectName: "unlockScreen"
    property string selectedUserId: ""
    property string selectedUserName: ""

    Component.onCompleted: Session.refreshUsers()

    background: Rectangle { color: Theme.background }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin * 2
        spacing: Theme.margin * 2

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing
            Label {
                text: qsTr("Who is signing in?")
                font.pixelSize: Theme.fontTitle
            }
            ListView {
                id: userList
                objectName: "userList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.spacing / 2
                model: Session.users
                delegate: ItemDelegate {
                    id: userDelegate
                    required property string userId
                    required property string name
                    required property string roleName
                    required property date lockedUntil
                    objectName: "user_" + userDelegate.userId
                    width: ListView.view.width
                    height: Theme.touchTarget + 8
                    highlighted: screen.selectedUserId === userDelegate.userId
                    text: userDelegate.name + " — " + userDelegate.roleName
                    font.pixelSize: Theme.fontBody
                    Accessible.name: qsTr("Sign in as %1, %2").arg(userDelegate.name).arg(userDelegate.roleName)
                    onClicked: {
                        screen.selectedUserId = userDelegate.userId
                        screen.selectedUserName = userDelegate.name
                    }
                }
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 360
            Layout.fillHeight: true
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: screen.selectedUserId === "" ? qsTr("Choose your name") : screen.selectedUserName
                font.pixelSize: Theme.fontTitle
                wrapMode: Text.Wrap
            }
            PinPad {
                id: pinPad
                objectName: "pinPad"
                Layout.alignment: Qt.AlignHCenter
                busy: Session.loading || screen.selectedUserId === ""
                onSubmitted: pin => Session.unlock(screen.selectedUserId, pin)
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: Session.loading
                visible: running
            }
            Label {
                objectName: "unlockMessage"
                Layout.fillWidth: true
                text: Session.message
                color: Session.error ? Theme.urgent : Theme.textMuted
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }
        }
    }
}
