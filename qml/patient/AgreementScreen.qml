pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The patient agreement, handed to the patient: the clinic's text in the patient's language, a
// pad to sign with a finger, and two outcomes that are both recorded with the text's version:
// signed, or declined. A refusal is a fact in the history, never a silent gap.
Page {
    id: screen
    objectName: "agreementScreen"
    property string patientId: ""
    property string patientName: ""
    // The patient's preferred language, when known ("en"/"es").
    property string patientLanguage: ""
    signal done(string savedId)

    title: qsTr("Patient agreement")
    background: Rectangle { color: Theme.background }

    AgreementModel {
        id: agreement
        session: Session
        patientId: screen.patientId
        Component.onCompleted: if (screen.patientLanguage !== "") language = screen.patientLanguage
        onSaved: id => screen.done(id)
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            x: Theme.spacingL
            width: Math.min(scroll.availableWidth - 2 * Theme.spacingL, Theme.readingWidth)
            spacing: Theme.spacingL

            Item { implicitHeight: Theme.spacingS }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingM
                Label {
                    text: agreement.title
                    font: Theme.headline
                    color: Theme.textOnSurface
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                // The patient reads it in their language; the one chosen is recorded.
                ChoiceChips {
                    objectName: "agreementLanguage"
                    label: qsTr("Language of the text")
                    model: [{ text: "English" }, { text: "Español" }]
                    currentIndex: agreement.language === "es" ? 1 : 0
                    onActivated: index => agreement.language = index === 1 ? "es" : "en"
                }
            }
            Label {
                objectName: "agreementFor"
                visible: screen.patientName !== ""
                text: qsTr("For %1 · text version %2").arg(screen.patientName).arg(agreement.version)
                font: Theme.bodyMedium
                color: Theme.textOnSurfaceVariant
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }

            Card {
                Layout.fillWidth: true
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacingM
                    Repeater {
                        model: agreement.sections
                        delegate: Label {
                            required property string modelData
                            required property int index
                            Layout.fillWidth: true
                            text: (index + 1) + ". " + modelData
                            font: Theme.bodyLarge
                            color: Theme.textOnSurface
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }

            SignaturePad {
                id: pad
                objectName: "signaturePad"
                Layout.fillWidth: true
                label: qsTr("Sign here with your finger")
            }

            CTextField {
                id: declineNote
                objectName: "declineNote"
                Layout.fillWidth: true
                placeholderText: qsTr("If the patient declines: what they said (optional)")
            }

            StatusBanner {
                objectName: "agreementMessage"
                visible: agreement.message !== ""
                Layout.fillWidth: true
                kind: agreement.error ? StatusBanner.Error : StatusBanner.Success
                title: agreement.message
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingM
                CButton {
                    objectName: "agreementCancel"
                    variant: CButton.Text
                    text: qsTr("Cancel")
                    onClicked: screen.done("")
                }
                Item { Layout.fillWidth: true }
                CButton {
                    objectName: "agreementDecline"
                    variant: CButton.Outlined
                    text: qsTr("Patient declines")
                    enabled: !agreement.loading
                    onClicked: agreement.decline(declineNote.text)
                }
                CButton {
                    objectName: "agreementSign"
                    variant: CButton.Filled
                    text: qsTr("Save signature")
                    enabled: !pad.empty && !agreement.loading
                    disabledReason: pad.empty ? qsTr("The patient signs above first.") : ""
                    onClicked: agreement.sign(pad.path)
                }
            }
            Item { implicitHeight: Theme.spacingL }
        }
    }
}
