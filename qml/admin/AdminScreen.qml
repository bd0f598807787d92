pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Administration: users and roles, clinic policy, the agreement text, server enrollment, importing
// patients, language. Only roles with
// the matching permission see each entry; the registry checks every operation again.
Page {
    id: screen
    objectName: "adminScreen"
    signal usersRequested()
    signal policyRequested()
    signal agreementTextRequested()
    signal enrollmentRequested()
    signal importRequested()

    background: Rectangle { color: Theme.background }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing * 2

            Item { Layout.preferredHeight: Theme.margin }

            Repeater {
                // Titles marked with QT_TR_NOOP and translated in the delegate (see TextSizeSwitch).
                model: [
                    { name: "adminUsersButton", title: QT_TR_NOOP("Users and roles"),
                      detail: QT_TR_NOOP("Add or remove people, change a PIN, end a lockout."),
                      permission: "manage_users", action: () => screen.usersRequested() },
                    { name: "adminPolicyButton", title: QT_TR_NOOP("Clinic policy"),
                      detail: QT_TR_NOOP("How often each check is due, naloxone and refill rules, thresholds."),
                      permission: "edit_policy", action: () => screen.policyRequested() },
                    { name: "adminAgreementButton", title: QT_TR_NOOP("Patient agreement text"),
                      detail: QT_TR_NOOP("The clinic's own agreement, in English and Spanish, shown for patients to sign."),
                      permission: "edit_policy", action: () => screen.agreementTextRequested() },
                    { name: "adminEnrollButton", title: QT_TR_NOOP("Server enrollment"),
                      detail: QT_TR_NOOP("Connect this tablet to the clinic's sync server."),
                      permission: "enroll_device", action: () => screen.enrollmentRequested() },
                    { name: "adminImportButton", title: QT_TR_NOOP("Import patients"),
                      detail: QT_TR_NOOP("From the health record (a FHIR file) or the clinic's registry spreadsheet."),
                      permission: "import_data", action: () => screen.importRequested() }
                ]
                delegate: Button {
                    id: entry
                    required property var modelData
                    objectName: entry.modelData.name
                    visible: Permissions.allows(Session.role, entry.modelData.permission)
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Layout.preferredHeight: Math.max(Theme.touchTarget * 1.6, entry.implicitContentHeight + 2 * Theme.spacing)
                    Accessible.name: qsTr(entry.modelData.title) + ". " + qsTr(entry.modelData.detail)
                    onClicked: entry.modelData.action()
                    contentItem: ColumnLayout {
                        spacing: 4
                        Label {
                            text: qsTr(entry.modelData.title)
                            font.pixelSize: Theme.fontTitle
                            Layout.fillWidth: true
                        }
                        Label {
                            text: qsTr(entry.modelData.detail)
                            font.pixelSize: Theme.fontBody
                            color: Theme.textMuted
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }
            }

            LanguageSwitch {
                objectName: "adminLanguageSwitch"
                Layout.leftMargin: Theme.margin
            }
            TextSizeSwitch {
                objectName: "adminTextSizeSwitch"
                Layout.leftMargin: Theme.margin
                Layout.fillWidth: true
            }
        }
    }
}
