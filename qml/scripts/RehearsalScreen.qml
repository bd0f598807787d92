pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Rehearsal at the huddle: every conversation script, walked step by step, in English or Spanish,
// filtered by who uses it. Nothing here is recorded.
Page {
    id: screen
    objectName: "rehearsalScreen"
    background: Rectangle { color: Theme.background }

    ScriptLibraryModel {
        id: library
        objectName: "scriptLibrary"
        language: spanish.checked ? "es" : "en"
        audience: audienceBox.currentValue
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: qsTr("Practise a conversation")
                font.pixelSize: Theme.fontTitle
                Layout.fillWidth: true
            }
            ComboBox {
                id: audienceBox
                Layout.preferredHeight: Theme.minTouch
                font.pixelSize: Theme.fontBody
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("Who the scripts are for")
                model: [
                    { text: qsTr("Everyone"), value: "" },
                    { text: qsTr("Clinicians"), value: "clinician" },
                    { text: qsTr("Medical assistants"), value: "medical_assistant" },
                    { text: qsTr("Nurses"), value: "nurse" },
                    { text: qsTr("Front desk"), value: "front_desk" }
                ]
            }
            Switch {
                id: spanish
                text: qsTr("Español")
                font.pixelSize: Theme.fontBody
                implicitHeight: Theme.control
                Accessible.name: qsTr("Show the scripts in Spanish")
            }
        }
        ListView {
            objectName: "scriptList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: library
            delegate: ScriptCard {
                width: ListView.view.width
                recordable: false
            }
            ScrollBar.vertical: ScrollBar { }
        }
    }
}
