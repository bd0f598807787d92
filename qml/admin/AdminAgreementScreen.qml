pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The clinic's patient agreement text, in English and Spanish (both required; sections separated
// by an empty line). Saving stores a new version that every tablet shows from then on; each
// signature names the version the patient read. A refused field says why under it.
Page {
    id: screen
    objectName: "adminAgreementScreen"

    background: Rectangle { color: Theme.background }

    // The message under a field ("title_en", "text_es", ...), or "".
    function errorOf(name: string): string {
        return clinicText.errors[name] ?? ""
    }

    ClinicAgreementModel {
        id: clinicText
        objectName: "clinicAgreementModel"
        session: Session
        // The stored words, into the fields, whenever a version is loaded or saved.
        onTextChanged: {
            titleEn.text = clinicText.titleEn
            titleEs.text = clinicText.titleEs
            bodyEn.text = clinicText.textEn
            bodyEs.text = clinicText.textEs
        }
    }

    component SectionsArea: TextArea {
        wrapMode: TextEdit.Wrap
        font: Theme.bodyLarge
        implicitHeight: Math.max(Theme.controlLarge * 4, contentHeight + topPadding + bottomPadding)
        background: Rectangle {
            radius: Theme.radiusField
            color: Theme.surface
            border.width: parent.activeFocus ? 2 : 1
            border.color: parent.activeFocus ? Theme.primary : Theme.outline
        }
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        contentHeight: column.implicitHeight + 2 * Theme.margin

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: Math.min(parent.width - 2 * Theme.margin, Theme.formWidth)
            spacing: Theme.spacingL

            Label {
                objectName: "agreementTextVersion"
                Layout.fillWidth: true
                text: clinicText.isDefault ? qsTr("In force: Cairn's default text (version %1)").arg(clinicText.version)
                                     : qsTr("In force: the clinic's text, version %1").arg(clinicText.version)
                font: Theme.titleMedium
                color: Theme.textOnSurface
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Write each section as a paragraph, with an empty line between sections. Saving makes a new version; patients who signed keep the version they read.")
                font: Theme.bodyMedium
                color: Theme.textOnSurfaceVariant
                wrapMode: Text.Wrap
            }
            FormField {
                Layout.fillWidth: true
                label: qsTr("Title in English")
                required: true
                error: screen.errorOf("title_en")
                CTextField { id: titleEn; objectName: "agreementTitleEn"; Layout.fillWidth: true }
            }
            FormField {
                Layout.fillWidth: true
                label: qsTr("Text in English")
                required: true
                error: screen.errorOf("text_en")
                SectionsArea { id: bodyEn; objectName: "agreementTextEn"; Layout.fillWidth: true }
            }
            FormField {
                Layout.fillWidth: true
                label: qsTr("Title in Spanish")
                required: true
                error: screen.errorOf("title_es")
                CTextField { id: titleEs; objectName: "agreementTitleEs"; Layout.fillWidth: true }
            }
            FormField {
                Layout.fillWidth: true
                label: qsTr("Text in Spanish")
                required: true
                error: screen.errorOf("text_es")
                SectionsArea { id: bodyEs; objectName: "agreementTextEs"; Layout.fillWidth: true }
            }
            StatusBanner {
                objectName: "agreementTextMessage"
                visible: clinicText.message !== ""
                Layout.fillWidth: true
                kind: clinicText.error ? StatusBanner.Error : StatusBanner.Success
                title: clinicText.message
            }
            RowLayout {
                Layout.fillWidth: true
                Item { Layout.fillWidth: true }
                CButton {
                    objectName: "saveAgreementText"
                    variant: CButton.Filled
                    text: clinicText.loading ? qsTr("Saving…") : qsTr("Save as new version")
                    enabled: !clinicText.loading
                    onClicked: clinicText.save(titleEn.text, titleEs.text, bodyEn.text, bodyEs.text)
                }
            }
        }
    }
}
