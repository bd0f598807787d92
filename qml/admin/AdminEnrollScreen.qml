pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Enrolling this tablet with the clinic's sync server: the server's address, its CA certificate
// and the one-time code the server administrator gave. The tablet trusts only that certificate.
Page {
    id: screen
    objectName: "adminEnrollScreen"

    background: Rectangle { color: Theme.background }

    EnrollmentModel {
        id: enrollment
        objectName: "enrollmentModel"
        session: Session
    }

    component FieldError: Label {
        property string field
        visible: enrollment.error && enrollment.errorField === field
        text: "⚠ " + enrollment.message
        color: Theme.urgent
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width - 2 * Theme.margin
            x: Theme.margin
            spacing: Theme.spacing

            Item { Layout.preferredHeight: Theme.margin / 2 }
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: status.implicitHeight + 2 * Theme.margin
                color: Theme.surface
                border.color: enrollment.enrolled ? Theme.low : Theme.border
                radius: Theme.radius
                Label {
                    id: status
                    objectName: "enrollmentStatus"
                    anchors.fill: parent
                    anchors.margins: Theme.margin
                    text: enrollment.enrolled ? qsTr("✓ Enrolled with clinic %1 at %2").arg(enrollment.clinic).arg(enrollment.server)
                                              : qsTr("Not enrolled. Records stay on this tablet until it is enrolled with the clinic's server.")
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                }
            }

            Label {
                text: qsTr("Server address")
                font.pixelSize: Theme.fontBody
            }
            TextField {
                id: serverField
                objectName: "enrollServer"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.minTouch
                placeholderText: "https://sync.example.org:8443"
                font.pixelSize: Theme.fontBody
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                enabled: !enrollment.loading
                Accessible.name: qsTr("Server address")
            }
            FieldError { field: "server" }

            Label {
                text: qsTr("Server's CA certificate: the path of a PEM file, or the certificate pasted here")
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            TextArea {
                id: caField
                objectName: "enrollCertificate"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget * 2
                placeholderText: qsTr("/media/usb/clinic-ca.pem or -----BEGIN CERTIFICATE-----…")
                font.pixelSize: Theme.fontSmall
                wrapMode: TextEdit.WrapAnywhere
                enabled: !enrollment.loading
                background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }
                Accessible.name: qsTr("CA certificate, file path or pasted text")
            }
            FieldError { field: "ca" }

            Label {
                text: qsTr("One-time code")
                font.pixelSize: Theme.fontBody
            }
            TextField {
                id: codeField
                objectName: "enrollCode"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.minTouch
                font.pixelSize: Theme.fontBody
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                enabled: !enrollment.loading
                Accessible.name: qsTr("One-time enrollment code")
            }
            FieldError { field: "code" }

            RowLayout {
                Button {
                    objectName: "enrollButton"
                    text: qsTr("Enroll this tablet")
                    enabled: !enrollment.loading && !enrollment.enrolled
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.minTouch
                    Accessible.name: qsTr("Enroll this tablet with the server")
                    onClicked: enrollment.enroll(serverField.text, caField.text, codeField.text)
                }
                BusyIndicator {
                    running: enrollment.loading
                    visible: running
                    Layout.preferredHeight: Theme.minTouch
                }
            }
            StatusBanner {
                objectName: "enrollMessage"
                Layout.fillWidth: true
                visible: text !== "" && (!enrollment.error || enrollment.errorField === "")
                text: enrollment.message
                kind: enrollment.error ? StatusBanner.Error : StatusBanner.Success
            }
        }
    }
}
