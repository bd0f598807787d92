import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A signature written with a finger: kept as SVG path data in whole pixels ("M12 40L13 41..."), a
// few kilobytes, stored encrypted inside the agreement record. Nothing is signed until the person
// has drawn something; Clear starts again.
ColumnLayout {
    id: pad
    // The strokes drawn so far; empty until someone signs.
    readonly property string path: pad.strokes
    readonly property bool empty: pad.strokes === ""
    // Enough for a signature, bounded so that a record stays small.
    readonly property int maxLength: 16000
    property string label: qsTr("Sign here")
    property string strokes: ""

    function clear() {
        pad.strokes = ""
        canvas.requestPaint()
    }

    spacing: Theme.spacingXs

    Rectangle {
        objectName: "signatureArea"
        Layout.fillWidth: true
        Layout.preferredHeight: 200
        color: Theme.surface
        radius: Theme.radiusField
        border.width: 1
        border.color: Theme.outline
        Accessible.role: Accessible.Canvas
        Accessible.name: pad.empty ? pad.label : qsTr("Signature drawn")

        Label {
            anchors.centerIn: parent
            visible: pad.empty
            text: pad.label
            font: Theme.bodyLarge
            color: Theme.placeholder
        }
        // The line to sign on.
        Rectangle {
            x: Theme.spacingL
            width: parent.width - 2 * Theme.spacingL
            y: parent.height - 48
            height: 1
            color: Theme.outline
        }
        Canvas {
            id: canvas
            anchors.fill: parent
            onPaint: {
                const ctx = getContext("2d")
                ctx.reset()
                ctx.strokeStyle = Theme.textOnSurface
                ctx.lineWidth = 3
                ctx.lineCap = "round"
                ctx.lineJoin = "round"
                ctx.beginPath()
                const commands = pad.strokes.match(/[ML]-?\d+ -?\d+/g) || []
                for (const command of commands) {
                    const xy = command.slice(1).split(" ")
                    if (command[0] === "M")
                        ctx.moveTo(Number(xy[0]), Number(xy[1]))
                    else
                        ctx.lineTo(Number(xy[0]), Number(xy[1]))
                }
                ctx.stroke()
            }
        }
        MouseArea {
            anchors.fill: parent
            preventStealing: true
            function add(letter, x, y) {
                const next = letter + Math.round(x) + " " + Math.round(y)
                if (pad.strokes.length + next.length <= pad.maxLength) {
                    pad.strokes += next
                    canvas.requestPaint()
                }
            }
            onPressed: mouse => add("M", mouse.x, mouse.y)
            onPositionChanged: mouse => add("L", mouse.x, mouse.y)
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Item { Layout.fillWidth: true }
        CButton {
            objectName: "signatureClear"
            variant: CButton.Text
            text: qsTr("Clear")
            enabled: !pad.empty
            Accessible.name: qsTr("Clear the signature")
            onClicked: pad.clear()
        }
    }
}
