pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The bar on every signed-in screen: Back, the screen's title, the tablet's sync state and Lock.
// The title is never cut short and Lock is never pushed off the bar: the sync state gives way
// first (on narrow screens it shortens to its symbol and a few words, "✓ Synced") and the signed-in name hides below 1,000 px.
ToolBar {
    id: bar
    property string title: ""
    signal backRequested()
    property bool canGoBack: false
    readonly property bool narrow: width < 840

    implicitHeight: Theme.touchTarget + Theme.spacing

    // A symbol for each state beside its words, so the state is never shown by colour alone.
    readonly property var stateSymbols: ({
        [Sync.Unknown]: "",
        [Sync.NotEnrolled]: "⊘",
        [Sync.Offline]: "⚠",
        [Sync.Syncing]: "↻",
        [Sync.UpToDate]: "✓",
        [Sync.Pending]: "↑",
        [Sync.Error]: "⚠"
    })

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.spacing

        ToolButton {
            objectName: "backButton"
            visible: bar.canGoBack
            text: "‹ " + qsTr("Back")
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.minTouch
            Layout.minimumWidth: Theme.minTouch
            Accessible.name: qsTr("Back")
            onClicked: bar.backRequested()
        }
        Label {
            objectName: "screenTitle"
            text: bar.title
            font.pixelSize: Theme.fontTitle
            // Two lines, then a smaller size, before any cut: a title is never elided.
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            fontSizeMode: Text.Fit
            minimumPixelSize: Theme.fontSmall
            verticalAlignment: Text.AlignVCenter
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumWidth: Math.min(implicitWidth, 160)
            Accessible.role: Accessible.Heading
            Accessible.name: bar.title
        }
        // The one sync state; tap for the details and "Sync now".
        ToolButton {
            id: syncPill
            objectName: "syncState"
            visible: Sync.state !== Sync.Unknown
            readonly property string symbol: bar.stateSymbols[Sync.state] ?? ""
            // Never an unexplained symbol: narrow, the state in fewer words; the full state is its
            // accessible name and heads the details.
            text: symbol + " " + (bar.narrow ? Sync.shortText : Sync.stateText)
            font.pixelSize: Theme.fontSmall
            Layout.preferredHeight: Theme.minTouch
            Layout.minimumWidth: Theme.minTouch
            Layout.maximumWidth: bar.width * 0.4
            Accessible.name: Sync.stateText
            Accessible.description: Sync.detailText
            onClicked: syncDetails.open()

            Popup {
                id: syncDetails
                objectName: "syncDetails"
                y: syncPill.height
                x: Math.min(0, bar.width - width - syncPill.x - Theme.margin)
                width: Math.min(420, bar.width - 2 * Theme.margin)
                padding: Theme.margin
                contentItem: ColumnLayout {
                    spacing: Theme.spacing
                    Label {
                        text: Sync.stateText
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "syncDetailText"
                        text: Sync.detailText
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Button {
                        objectName: "syncNowButton"
                        // Only a tablet with a server can sync; the others are not offered the action.
                        visible: Sync.state !== Sync.NotEnrolled && Sync.state !== Sync.Unknown
                        enabled: Sync.canSyncNow
                        text: Sync.loading ? qsTr("Syncing…") : qsTr("Sync now")
                        font.pixelSize: Theme.fontBody
                        Layout.preferredHeight: Theme.minTouch
                        Accessible.name: qsTr("Sync now")
                        onClicked: Sync.syncNow()
                    }
                }
            }
        }
        Label {
            objectName: "signedInLabel"
            visible: bar.width >= 1000 && Session.signedIn
            text: qsTr("%1 · %2").arg(Session.userName).arg(Session.roleName)
            font.pixelSize: Theme.fontSmall
            // Two lines rather than a cut name.
            wrapMode: Text.Wrap
            maximumLineCount: 2
            Layout.maximumWidth: Theme.fieldMedium
            Accessible.name: qsTr("Signed in as %1, %2").arg(Session.userName).arg(Session.roleName)
        }
        Button {
            objectName: "lockButton"
            text: qsTr("Lock")
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.minTouch
            Layout.minimumWidth: implicitWidth
            Accessible.name: qsTr("Lock the tablet")
            onClicked: Session.lock()
        }
    }
}
