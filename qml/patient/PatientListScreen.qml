pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Every patient in the registry, searchable by name or clinic identifier.
Page {
    id: screen
    objectName: "patientListScreen"
    signal patientChosen(string patientId)
    signal addPatientRequested()

    background: Rectangle { color: Theme.background }

    PatientListModel {
        id: patients
        session: Session
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: search
                objectName: "patientSearch"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                font.pixelSize: Theme.fontBody
                placeholderText: qsTr("Search by name or clinic ID")
                Accessible.name: qsTr("Search patients")
                onTextChanged: patients.filterText = text
            }
            CButton {
                objectName: "addPatient"
                visible: Permissions.canRecord(Session.role, "patient")
                variant: CButton.Tonal
                text: qsTr("Add a patient")
                onClicked: screen.addPatientRequested()
            }
            Label {
                text: qsTr("%1 of %2").arg(patients.count).arg(patients.totalCount)
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }

        StatusBanner {
            visible: patients.error
            Layout.fillWidth: true
            kind: StatusBanner.Error
            text: patients.message
        }

        ListView {
            id: list
            objectName: "patientList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            reuseItems: true
            model: patients
            delegate: ItemDelegate {
                id: row
                required property string patientId
                required property string name
                required property string clinicId
                required property int age
                required property string prescriber
                required property string tierLabel
                objectName: "patient_" + row.patientId
                width: ListView.view.width
                height: Theme.touchTarget + Theme.spacingM
                Accessible.name: qsTr("%1, %2 years, %3").arg(row.name).arg(row.age).arg(row.clinicId)
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    Label {
                        text: row.name
                        font.pixelSize: Theme.fontBody
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    Label { text: qsTr("%1 y").arg(row.age); font.pixelSize: Theme.fontSmall; color: Theme.textMuted }
                    Label { text: row.clinicId; font.pixelSize: Theme.fontSmall; color: Theme.textMuted }
                    Label { text: row.prescriber; font.pixelSize: Theme.fontSmall; color: Theme.textMuted; Layout.preferredWidth: Theme.columnMeta; elide: Text.ElideRight }
                    Label { text: row.tierLabel; font.pixelSize: Theme.fontSmall; Layout.preferredWidth: Theme.fieldShort }
                }
                onClicked: screen.patientChosen(row.patientId)
            }
            ScrollBar.vertical: ScrollBar { }
        }
    }
}
