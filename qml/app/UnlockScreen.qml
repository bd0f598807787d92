pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Pick your name, enter your PIN. Lockout and wrong-PIN messages come from the registry.
// Someone new to an enrolled tablet signs in once online ("First time on this tablet?"): the
// clinic's server vouches for their name and PIN, and from then on the PIN alone works here.
Page {
    id: screen
    objectName: "unlockScreen"
    property string selectedUserId: ""
    property string selectedUserName: ""
    property bool firstTime: false
    readonly property string enteredName: nameField.text.trim()

    Component.onCompleted: Session.refreshUsers()

    // Whoever comes next starts from the list of names.
    Connections {
        target: Session
        function onSignedInChanged() {
            nameField.clear()
            screen.firstTime = false
            screen.selectedUserId = ""
        }
    }

    background: Rectangle { color: Theme.background }

    // Names beside the keypad while both fit; at large text sizes in portrait the keypad (which
    // grows with its words) goes under the names rather than off the screen's edge.
    readonly property bool keypadBesideNames: screen.availableWidth - Theme.margin * 6 - padColumn.implicitWidth
                                              >= Theme.touchTarget * 5

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin * 2
        columns: screen.keypadBesideNames ? 2 : 1
        columnSpacing: Theme.margin * 2
        rowSpacing: Theme.margin * 2

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing
            Label {
                visible: !screen.firstTime
                text: qsTr("Who is signing in?")
                font.pixelSize: Theme.fontTitle
            }
            ListView {
                id: userList
                objectName: "userList"
                visible: !screen.firstTime
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.spacing / 2
                model: Session.users
                // A ListRow: the Basic style's highlighted ItemDelegate drew the chosen user's name in
                // white on a white bar.
                delegate: ListRow {
                    id: userDelegate
                    required property string userId
                    required property string name
                    required property string roleName
                    required property date lockedUntil
                    objectName: "user_" + userDelegate.userId
                    // The last user to sign in here is chosen already: usually the same hands.
                    Component.onCompleted: {
                        if (screen.selectedUserId === "" && !screen.firstTime && userDelegate.userId === Session.lastUserId) {
                            screen.selectedUserId = userDelegate.userId
                            screen.selectedUserName = userDelegate.name
                        }
                    }
                    width: ListView.view.width
                    highlighted: screen.selectedUserId === userDelegate.userId
                    title: userDelegate.name
                    meta: userDelegate.roleName
                    showChevron: false
                    Accessible.name: qsTr("Sign in as %1, %2").arg(userDelegate.name).arg(userDelegate.roleName)
                    onClicked: {
                        screen.selectedUserId = userDelegate.userId
                        screen.selectedUserName = userDelegate.name
                    }
                }
            }
            Button {
                objectName: "firstSignInButton"
                visible: Session.canSignInOnline && !screen.firstTime
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("First time on this tablet?")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("First time on this tablet? Sign in through the clinic's server")
                onClicked: {
                    screen.selectedUserId = ""
                    screen.firstTime = true
                    nameField.forceActiveFocus()
                }
            }

            Label {
                visible: screen.firstTime
                text: qsTr("First sign-in on this tablet")
                font.pixelSize: Theme.fontTitle
            }
            Label {
                visible: screen.firstTime
                Layout.fillWidth: true
                text: qsTr("Enter your name as your clinic's administrator set it up, then your PIN. "
                           + "This once, the tablet needs a connection to the clinic's server; "
                           + "after that, your PIN alone signs you in here, even offline.")
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            TextField {
                id: nameField
                objectName: "firstSignInName"
                visible: screen.firstTime
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("Your name")
                font.pixelSize: Theme.fontBody
                inputMethodHints: Qt.ImhNoPredictiveText
                Accessible.name: qsTr("Your name")
            }
            Button {
                objectName: "firstSignInBack"
                visible: screen.firstTime
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Back to the list of names")
                font.pixelSize: Theme.fontBody
                Accessible.name: text
                onClicked: {
                    nameField.clear()
                    screen.firstTime = false
                }
            }
            Item {
                visible: screen.firstTime
                Layout.fillHeight: true
            }
        }

        ColumnLayout {
            id: padColumn
            Layout.preferredWidth: Math.max(Theme.keypadColumn, pinPad.implicitWidth)
            Layout.fillWidth: !screen.keypadBesideNames
            Layout.fillHeight: screen.keypadBesideNames
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: screen.firstTime ? (screen.enteredName === "" ? qsTr("Enter your name") : screen.enteredName)
                                       : (screen.selectedUserId === "" ? qsTr("Choose your name") : screen.selectedUserName)
                font.pixelSize: Theme.fontTitle
                wrapMode: Text.Wrap
            }
            PinPad {
                id: pinPad
                objectName: "pinPad"
                Layout.alignment: Qt.AlignHCenter
                busy: Session.loading || (screen.firstTime ? screen.enteredName === "" : screen.selectedUserId === "")
                onSubmitted: pin => {
                    if (screen.firstTime)
                        Session.signInFirstTime(screen.enteredName, pin)
                    else
                        Session.unlock(screen.selectedUserId, pin)
                }
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
