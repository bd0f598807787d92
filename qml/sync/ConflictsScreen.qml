pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Sync conflicts for the registry manager: two tablets changed the same field of the same record
// while apart. Both values side by side with who wrote each and when; keep one (it becomes the
// record's next version and syncs), or open the record to enter a new value.
Page {
    id: screen
    objectName: "conflictsScreen"
    signal patientChosen(string patientId)

    background: Rectangle { color: Theme.background }

    ConflictListModel {
        id: conflicts
        objectName: "conflictListModel"
        session: Session
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            objectName: "conflictsCount"
            text: qsTr("%n conflict(s) to review", "", conflicts.count)
            font.pixelSize: Theme.fontTitle
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Two tablets changed the same thing while apart. Until you choose, the later change is in force; both stay in the history.")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "conflictsMessage"
            visible: conflicts.message !== ""
            text: (conflicts.error ? "⚠ " : "✓ ") + conflicts.message
            color: conflicts.error ? Theme.urgent : Theme.text
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: !conflicts.loading && conflicts.count === 0
            text: qsTr("Nothing to review: every tablet agrees.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
        ListView {
            objectName: "conflictList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: conflicts
            delegate: Rectangle {
                id: item
                required property int conflictId
                required property string patientId
                required property string patientName
                required property string kindLabel
                required property string fields
                required property string aValues
                required property string bValues
                required property string aBy
                required property string bBy
                required property bool aInForce
                width: ListView.view.width
                implicitHeight: body.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border

                component Side: ColumnLayout {
                    id: side
                    property string values
                    property string by
                    property bool inForce
                    property string keepName
                    signal kept()
                    spacing: 4
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Label {
                        text: side.values
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: side.inForce ? qsTr("%1 · in force for now").arg(side.by) : side.by
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Button {
                        objectName: side.keepName
                        text: qsTr("Keep this")
                        enabled: !conflicts.loading
                        font.pixelSize: Theme.fontBody
                        Layout.preferredHeight: Theme.minTouch
                        Accessible.name: qsTr("Keep %1").arg(side.values)
                        onClicked: side.kept()
                    }
                }

                ColumnLayout {
                    id: body
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    spacing: Theme.spacing
                    RowLayout {
                        Layout.fillWidth: true
                        Button {
                            text: item.patientName
                            flat: true
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            Layout.preferredHeight: Theme.minTouch
                            Accessible.name: qsTr("Open %1's record").arg(item.patientName)
                            onClicked: screen.patientChosen(item.patientId)
                        }
                        Label {
                            text: qsTr("%1: %2").arg(item.kindLabel).arg(item.fields)
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.margin
                        Side {
                            values: item.aValues
                            by: item.aBy
                            inForce: item.aInForce
                            keepName: "keepA_" + item.conflictId
                            onKept: conflicts.keep(item.conflictId, ConflictListModel.A)
                        }
                        Side {
                            values: item.bValues
                            by: item.bBy
                            inForce: !item.aInForce
                            keepName: "keepB_" + item.conflictId
                            onKept: conflicts.keep(item.conflictId, ConflictListModel.B)
                        }
                    }
                }
            }
            ScrollBar.vertical: ScrollBar { }
        }
    }
}
