import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A persistent condition in words (tablet-ux §4.7.4): container colour, a 4 px leading bar and an
// icon in the strong colour, a title and a body, an optional action and an optional dismiss.
// The kind is told by the icon and the words as well as by the colour. Errors are alerts for
// assistive technology and cannot be dismissed: they stay until the condition is gone.
Control {
    id: banner
    enum Kind { Info, Warning, Error, Success }
    property int kind: StatusBanner.Info
    property string title: ""
    property string text: ""
    property string actionText: ""
    property bool dismissible: false
    signal actionTriggered()
    signal dismissed()

    readonly property bool canDismiss: banner.dismissible && banner.kind !== StatusBanner.Error
    readonly property color strongColor: [Theme.info, Theme.warning, Theme.error, Theme.success][banner.kind]
    readonly property color containerColor: [Theme.infoContainer, Theme.warningContainer, Theme.errorContainer, Theme.successContainer][banner.kind]
    readonly property color contentColor: [Theme.textOnInfoContainer, Theme.textOnWarningContainer, Theme.textOnErrorContainer, Theme.textOnSuccessContainer][banner.kind]
    // Spoken before the message, so the kind is not carried by colour or icon alone.
    readonly property string kindName: [qsTr("Information"), qsTr("Warning"), qsTr("Error"), qsTr("Done")][banner.kind]

    implicitWidth: Theme.sidePane
    implicitHeight: Math.max(56, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: 4 + Theme.spacingL
    rightPadding: Theme.spacingS
    topPadding: Theme.spacingS
    bottomPadding: Theme.spacingS
    Accessible.role: banner.kind === StatusBanner.Error ? Accessible.AlertMessage : Accessible.StaticText
    Accessible.name: banner.kindName + (banner.title !== "" ? ": " + banner.title : "") + (banner.text !== "" ? ": " + banner.text : "")

    background: Rectangle {
        color: banner.containerColor
        radius: Theme.radiusField
        Rectangle {
            width: 4
            height: parent.height
            radius: 2
            color: banner.strongColor
        }
    }

    contentItem: RowLayout {
        spacing: Theme.spacingM
        Icon {
            glyph: [Icon.Info, Icon.Warning, Icon.Error, Icon.Success][banner.kind]
            color: banner.strongColor
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: Theme.spacingXs + 2
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
            spacing: 2
            Label {
                visible: banner.title !== ""
                text: banner.title
                font: Theme.titleMedium
                color: banner.contentColor
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: banner.text !== ""
                text: banner.text
                font: Theme.bodyMedium
                color: banner.contentColor
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        CButton {
            visible: banner.actionText !== ""
            variant: CButton.Text
            text: banner.actionText
            onClicked: banner.actionTriggered()
        }
        CButton {
            visible: banner.canDismiss
            variant: CButton.Text
            icon.source: "qrc:/icons/close.svg"
            display: AbstractButton.IconOnly
            implicitWidth: Theme.control
            leftPadding: 0
            rightPadding: 0
            text: qsTr("Dismiss")
            Accessible.name: qsTr("Dismiss: %1").arg(banner.title !== "" ? banner.title : banner.text)
            onClicked: {
                banner.visible = false
                banner.dismissed()
            }
        }
    }
}
