pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Users and roles: everyone who may sign in on this tablet. A new user or a new PIN is entered
// on the PIN pad twice; nothing is saved until both entries match.
Page {
    id: screen
    objectName: "adminUsersScreen"
    // "" (nothing open), "add", "pin" (change the PIN of formUserId) or "remove".
    property string mode: ""
    property string formUserId: ""
    property string formUserName: ""
    property string firstPin: ""
    readonly property bool portrait: screen.height > screen.width

    background: Rectangle { color: Theme.background }

    AdminUserModel {
        id: users
        objectName: "adminUserModel"
        session: Session
        onSucceeded: screen.closeForm()
    }

    function openForm(mode: string, userId: string, userName: string) {
        users.clearMessage()
        screen.mode = mode
        screen.formUserId = userId
        screen.formUserName = userName
        screen.firstPin = ""
        nameField.text = ""
        roleBox.currentIndex = 0
    }
    function closeForm() {
        screen.mode = ""
        screen.firstPin = ""
    }
    function pinEntered(pin: string) {
        if (screen.firstPin === "") {
            screen.firstPin = pin
            return
        }
        const first = screen.firstPin
        screen.firstPin = ""
        if (screen.mode === "add")
            users.addUser(nameField.text, roleBox.currentValue, first, pin)
        else if (screen.mode === "pin")
            users.changePin(screen.formUserId, first, pin)
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: screen.portrait ? 1 : 2
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: qsTr("%n person(s) can sign in on this tablet", "", users.count)
                    font.pixelSize: Theme.fontTitle
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "addUserButton"
                    text: qsTr("Add a user")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.minTouch
                    Accessible.name: qsTr("Add a user")
                    onClicked: screen.openForm("add", "", "")
                }
            }
            StatusBanner {
                objectName: "adminUsersMessage"
                Layout.fillWidth: true
                visible: text !== "" && screen.mode === ""
                text: users.message
                kind: users.error ? StatusBanner.Error : StatusBanner.Success
            }
            ListView {
                id: list
                objectName: "adminUserList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.spacing / 2
                model: users
                delegate: Rectangle {
                    id: row
                    required property string userId
                    required property string name
                    required property string roleName
                    required property bool locked
                    required property string lockedText
                    required property int failedAttempts
                    required property bool isSelf
                    width: ListView.view.width
                    height: rowLayout.implicitHeight + 2 * Theme.spacing
                    color: Theme.surface
                    border.color: Theme.border
                    radius: Theme.radius

                    GridLayout {
                        id: rowLayout
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        columns: row.width > 620 ? 2 : 1
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            Label {
                                text: (row.locked ? "🔒 " : "") + row.name
                                font.pixelSize: Theme.fontBody
                                font.bold: true
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                            }
                            Label {
                                text: row.roleName + " · " + row.lockedText
                                font.pixelSize: Theme.fontSmall
                                color: row.locked ? Theme.urgent : Theme.textMuted
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                        RowLayout {
                            spacing: Theme.spacing / 2
                            Button {
                                visible: row.locked || row.failedAttempts > 0
                                text: qsTr("End lockout")
                                font.pixelSize: Theme.fontBody
                                Layout.preferredHeight: Theme.minTouch
                                enabled: !users.loading
                                Accessible.name: qsTr("End the lockout of %1").arg(row.name)
                                onClicked: users.resetLockout(row.userId)
                            }
                            Button {
                                text: qsTr("Change PIN")
                                font.pixelSize: Theme.fontBody
                                Layout.preferredHeight: Theme.minTouch
                                enabled: !users.loading
                                Accessible.name: qsTr("Change the PIN of %1").arg(row.name)
                                onClicked: screen.openForm("pin", row.userId, row.name)
                            }
                            Button {
                                visible: !row.isSelf
                                text: qsTr("Remove")
                                font.pixelSize: Theme.fontBody
                                Layout.preferredHeight: Theme.minTouch
                                enabled: !users.loading
                                Accessible.name: qsTr("Remove %1").arg(row.name)
                                onClicked: screen.openForm("remove", row.userId, row.name)
                            }
                        }
                    }
                }
            }
        }

        // The open form: add a user, change a PIN, or confirm a removal.
        Rectangle {
            objectName: "adminUserForm"
            visible: screen.mode !== ""
            Layout.fillWidth: screen.portrait
            Layout.preferredWidth: screen.portrait ? -1 : Theme.paneNarrow
            Layout.fillHeight: !screen.portrait
            Layout.preferredHeight: screen.portrait ? form.implicitHeight + 2 * Theme.margin : -1
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius

            ColumnLayout {
                id: form
                anchors.fill: parent
                anchors.margins: Theme.margin
                spacing: Theme.spacing

                Label {
                    Layout.fillWidth: true
                    text: screen.mode === "add" ? qsTr("Add a user")
                          : screen.mode === "pin" ? qsTr("New PIN for %1").arg(screen.formUserName)
                          : qsTr("Remove %1?").arg(screen.formUserName)
                    font.pixelSize: Theme.fontTitle
                    wrapMode: Text.Wrap
                }
                Label {
                    visible: screen.mode === "remove"
                    Layout.fillWidth: true
                    text: qsTr("They will no longer be able to sign in on this tablet. Their records stay in the registry.")
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                }
                TextField {
                    id: nameField
                    objectName: "newUserName"
                    visible: screen.mode === "add" && screen.firstPin === ""
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.minTouch
                    placeholderText: qsTr("Full name")
                    font.pixelSize: Theme.fontBody
                    Accessible.name: qsTr("Name of the new user")
                }
                ComboBox {
                    id: roleBox
                    objectName: "newUserRole"
                    visible: screen.mode === "add" && screen.firstPin === ""
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.minTouch
                    model: users.roleChoices
                    textRole: "label"
                    valueRole: "value"
                    font.pixelSize: Theme.fontBody
                    Accessible.name: qsTr("Role of the new user: %1").arg(roleBox.currentText)
                }
                Label {
                    visible: screen.mode === "add" || screen.mode === "pin"
                    Layout.fillWidth: true
                    text: screen.firstPin === "" ? qsTr("Enter the new PIN (at least 4 digits), then confirm it.")
                                                 : qsTr("Enter the same PIN again, then confirm it.")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                PinPad {
                    id: pinPad
                    objectName: "adminPinPad"
                    visible: screen.mode === "add" || screen.mode === "pin"
                    Layout.alignment: Qt.AlignHCenter
                    busy: users.loading
                    onSubmitted: pin => screen.pinEntered(pin)
                }
                StatusBanner {
                    objectName: "adminUserFormError"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: users.message
                    kind: users.error ? StatusBanner.Error : StatusBanner.Success
                }
                Item { Layout.fillHeight: true; visible: !screen.portrait }
                RowLayout {
                    Layout.fillWidth: true
                    Button {
                        visible: screen.mode === "remove"
                        objectName: "confirmRemoveButton"
                        text: qsTr("Remove")
                        font.pixelSize: Theme.fontBody
                        Layout.preferredHeight: Theme.minTouch
                        enabled: !users.loading
                        Accessible.name: qsTr("Yes, remove %1").arg(screen.formUserName)
                        onClicked: users.removeUser(screen.formUserId)
                    }
                    Button {
                        text: qsTr("Cancel")
                        font.pixelSize: Theme.fontBody
                        Layout.preferredHeight: Theme.minTouch
                        Accessible.name: qsTr("Cancel and close the form")
                        onClicked: screen.closeForm()
                    }
                }
            }
        }
    }
}
