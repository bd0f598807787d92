pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The clinic policy in force, editable. Saving validates every changed value and stores a new
// version; a refused value shows the reason on its own row and nothing is saved.
Page {
    id: screen
    objectName: "adminPolicyScreen"

    background: Rectangle { color: Theme.background }

    ClinicPolicyModel {
        id: policy
        objectName: "clinicPolicyModel"
        session: Session
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        GridLayout {
            Layout.fillWidth: true
            columns: screen.width > screen.height ? 4 : 2
            Label {
                objectName: "policyVersion"
                text: qsTr("Policy in force: version %1").arg(policy.version)
                font.pixelSize: Theme.fontTitle
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.columnSpan: screen.width > screen.height ? 1 : 2
            }
            Label {
                text: qsTr("%n change(s) not saved", "", policy.changedCount)
                visible: policy.changedCount > 0
                font.pixelSize: Theme.fontBody
                color: Theme.high
            }
            Button {
                text: qsTr("Undo changes")
                enabled: policy.changedCount > 0 && !policy.loading
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.minTouch
                Accessible.name: qsTr("Undo the changes not yet saved")
                onClicked: policy.discardChanges()
            }
            Button {
                objectName: "savePolicyButton"
                text: qsTr("Save as new version")
                enabled: policy.changedCount > 0 && !policy.loading
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.minTouch
                Accessible.name: qsTr("Check the changes and save them as a new policy version")
                onClicked: policy.save()
            }
        }
        StatusBanner {
            objectName: "policyMessage"
            Layout.fillWidth: true
            visible: text !== ""
            text: policy.message
            kind: policy.error ? StatusBanner.Error : StatusBanner.Success
        }
        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: policy.loading
            visible: running
        }

        ListView {
            id: list
            objectName: "policyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: policy
            // Each section's title is drawn by its first row: a section.delegate would be a bound
            // component (pragma ComponentBehavior: Bound), which Qt 6.4's ListView instantiates in
            // a context of its own and so refuses ("Cannot instantiate bound component outside its
            // creation context", then "Component is not ready" for every later section).
            section.property: "section"
            delegate: Column {
                id: row
                required property int index
                required property string key
                required property string label
                required property string kind
                required property string text
                required property bool checked
                required property string hint
                required property bool changed
                required property string fieldError
                width: ListView.view.width

                Label {
                    objectName: "policySection_" + row.key
                    visible: row.ListView.section !== row.ListView.previousSection
                    width: row.width
                    topPadding: Theme.spacing
                    bottomPadding: 4
                    text: row.ListView.section
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                }
                Rectangle {
                    width: row.width
                    height: Math.max(Theme.touchTarget, rowLayout.implicitHeight + Theme.spacing)
                    color: row.fieldError !== "" ? Theme.errorContainer : row.changed ? Theme.cautionContainer : Theme.surface
                    border.color: row.fieldError !== "" ? Theme.urgent : Theme.border
                    radius: Theme.radius

                    GridLayout {
                        id: rowLayout
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        anchors.margins: Theme.spacing
                        columns: 2
                        columnSpacing: Theme.spacing
                        rowSpacing: 2
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Label {
                                text: row.label + (row.changed ? " ✎" : "")
                                font.pixelSize: Theme.fontBody
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                visible: row.hint !== ""
                                text: row.hint
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textMuted
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                            }
                        }
                        TextField {
                            objectName: "policyField_" + row.key
                            visible: row.kind !== "bool" && row.kind !== "role"
                            text: row.text
                            Layout.preferredWidth: Theme.fieldShort
                            Layout.preferredHeight: Theme.minTouch
                            font.pixelSize: Theme.fontBody
                            horizontalAlignment: Text.AlignRight
                            inputMethodHints: row.kind === "int" ? Qt.ImhDigitsOnly : Qt.ImhFormattedNumbersOnly
                            Accessible.name: row.label
                            Accessible.description: row.fieldError !== "" ? row.fieldError : row.hint
                            onTextEdited: policy.setValue(row.index, text)
                        }
                        PolicyRoleChoice {
                            objectName: "policyRole_" + row.key
                            visible: row.kind === "role"
                            key: row.key
                            role: row.text
                            policyModel: policy
                            Layout.preferredWidth: Theme.fieldMedium
                            Layout.preferredHeight: Theme.minTouch
                            Accessible.name: row.label
                            onChosen: value => policy.setValue(row.index, value)
                        }
                        Switch {
                            objectName: "policySwitch_" + row.key
                            visible: row.kind === "bool"
                            checked: row.checked
                            text: checked ? qsTr("Yes") : qsTr("No")
                            font.pixelSize: Theme.fontBody
                            Layout.preferredHeight: Theme.minTouch
                            Layout.preferredWidth: Theme.fieldShort
                            Accessible.name: row.label
                            onToggled: policy.setValue(row.index, checked)
                        }
                        Label {
                            objectName: "policyError_" + row.key
                            visible: row.fieldError !== ""
                            Layout.columnSpan: 2
                            Layout.fillWidth: true
                            text: "⚠ " + row.fieldError
                            color: Theme.urgent
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
        }
    }
}
