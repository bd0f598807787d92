pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A conversation script, opened step by step in large text, with "used" and a private note.
Rectangle {
    id: card
    required property string scriptId
    required property string title
    required property string situation
    required property var steps
    required property bool used
    // False in rehearsal: nothing is recorded.
    property bool recordable: true
    property bool open: false
    property int step: 0
    signal markUsed(string scriptId, string note)

    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing / 2

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: card.title + (card.used ? qsTr(" · used") : "")
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                text: card.open ? qsTr("Close") : qsTr("Open")
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.minTouch
                Accessible.name: card.open ? qsTr("Close %1").arg(card.title) : qsTr("Open %1").arg(card.title)
                onClicked: { card.open = !card.open; card.step = 0 }
            }
        }
        Label {
            visible: !card.open
            text: card.situation
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        ColumnLayout {
            visible: card.open && card.steps.length > 0
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Label {
                text: card.steps.length > 0 ? qsTr("Step %1 of %2: %3").arg(card.step + 1).arg(card.steps.length).arg(card.steps[card.step].title) : ""
                font.pixelSize: Theme.fontBody
                color: Theme.accent
            }
            Repeater {
                model: card.steps.length > 0 ? card.steps[card.step].phrasings : []
                delegate: Label {
                    required property string modelData
                    text: "“" + modelData + "”"
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    font.pixelSize: Theme.fontTitle
                }
            }
            RowLayout {
                Button {
                    text: qsTr("Previous")
                    enabled: card.step > 0
                    Layout.preferredHeight: Theme.minTouch
                    font.pixelSize: Theme.fontBody
                    onClicked: card.step -= 1
                }
                Button {
                    text: qsTr("Next")
                    enabled: card.step + 1 < card.steps.length
                    Layout.preferredHeight: Theme.minTouch
                    font.pixelSize: Theme.fontBody
                    onClicked: card.step += 1
                }
            }
            TextField {
                id: note
                visible: card.recordable
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.minTouch
                font.pixelSize: Theme.fontBody
                placeholderText: qsTr("Private note (optional)")
                Accessible.name: qsTr("Private note")
            }
            Button {
                visible: card.recordable
                text: qsTr("Mark as used")
                Layout.preferredHeight: Theme.minTouch
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Record that %1 was used").arg(card.title)
                onClicked: { card.markUsed(card.scriptId, note.text); note.text = "" }
            }
        }
    }
}
