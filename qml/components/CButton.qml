import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import Cairn

// The app's button (tablet-ux §4.7.1): five variants, 48 px high (56 when `large`), fully rounded,
// a state layer for hover and press, a 3 px focus ring, and a `disabledReason` shown under it so a
// disabled button is never silent. It stays a real Button: clicked, text, icon, checkable all work.
Button {
    id: control
    enum Variant { Filled, Tonal, Outlined, Text, Danger }
    property int variant: CButton.Filled
    property bool large: false
    // Why it is disabled, in words, shown under the button while it is disabled.
    property string disabledReason: ""

    readonly property bool reasonShown: !control.enabled && control.disabledReason !== ""
    readonly property int baseHeight: control.large ? Theme.controlLarge : Theme.control
    readonly property color containerColor: {
        switch (control.variant) {
        case CButton.Filled: return Theme.primary
        case CButton.Tonal: return Theme.primaryContainer
        case CButton.Danger: return Theme.error
        default: return "transparent"
        }
    }
    readonly property color contentColor: {
        switch (control.variant) {
        case CButton.Filled: return Theme.textOnPrimary
        case CButton.Tonal: return Theme.textOnPrimaryContainer
        case CButton.Danger: return Theme.textOnError
        default: return Theme.primary
        }
    }

    font: Theme.labelLarge
    leftPadding: String(control.icon.source) === "" ? Theme.spacingXl : Theme.spacingL
    rightPadding: Theme.spacingXl
    topPadding: 0
    // The reason sits under the button, inside the control's own height, so layouts make room.
    bottomInset: control.reasonShown ? reason.height + Theme.spacingXs : 0
    bottomPadding: control.bottomInset
    spacing: Theme.spacingS
    icon.width: Theme.iconSmall
    icon.height: Theme.iconSmall
    icon.color: control.contentColor
    implicitWidth: Math.max(88, implicitContentWidth + leftPadding + rightPadding,
                            control.reasonShown ? Math.min(reason.implicitWidth, 360) : 0)
    implicitHeight: control.baseHeight + control.bottomInset
    Accessible.name: control.text
    Accessible.description: control.reasonShown ? control.disabledReason : ""

    contentItem: IconLabel {
        spacing: control.spacing
        mirrored: control.mirrored
        display: control.display
        icon: control.icon
        text: control.text
        font: control.font
        color: control.contentColor
        opacity: control.enabled ? 1 : 0.38
    }

    // qmllint disable deferred-property-id
    background: Item {
        implicitHeight: control.baseHeight
        implicitWidth: 88
        Rectangle {
            id: container
            anchors.fill: parent
            radius: height / 2
            color: control.checked && control.variant !== CButton.Filled ? Theme.primaryContainer : control.containerColor
            border.width: control.variant === CButton.Outlined || (control.checked && control.variant !== CButton.Filled) ? 1 : 0
            border.color: control.checked ? Theme.primary : Theme.outline
            opacity: control.enabled ? 1 : 0.38
        }
        // State layer: the content colour at 8% when hovered, 12% when pressed.
        Rectangle {
            anchors.fill: parent
            radius: height / 2
            color: control.contentColor
            opacity: control.down ? 0.12 : control.hovered ? 0.08 : 0
        }
        Rectangle {
            visible: control.visualFocus
            anchors.fill: parent
            anchors.margins: -Theme.focusRing - 1
            radius: height / 2
            color: "transparent"
            border.width: Theme.focusRing
            border.color: Theme.primary
        }
    }

    Label {
        id: reason
        visible: control.reasonShown
        y: control.baseHeight + Theme.spacingXs
        width: Math.max(control.width, Math.min(implicitWidth, 360))
        text: control.disabledReason
        wrapMode: Text.Wrap
        font: Theme.bodyMedium
        color: Theme.textOnSurfaceVariant
    }
}
