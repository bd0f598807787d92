import QtQuick
import QtQuick.Controls
import Cairn

// A text field (tablet-ux §4.7.6): 56 px high, radius 8, a 1 px outline (4.5:1), 2 px primary
// when focused and 2 px error while `error` is set, with an optional `suffix` ("days") inside.
// Placeholders hold examples only; the label belongs to a FormField around it.
TextField {
    id: control
    // Empty when the value is fine; FormField sets it from its own `error`.
    property string error: ""
    property string suffix: ""

    implicitHeight: Theme.controlLarge
    implicitWidth: Theme.fieldMedium
    font: Theme.bodyLarge
    color: Theme.textOnSurface
    placeholderTextColor: Theme.placeholder
    selectionColor: Theme.primary
    selectedTextColor: Theme.textOnPrimary
    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingL + (control.suffix !== "" ? suffixLabel.implicitWidth + Theme.spacingS : 0)
    verticalAlignment: TextInput.AlignVCenter

    background: Rectangle {
        implicitHeight: Theme.controlLarge
        radius: Theme.radiusField
        color: control.enabled ? Theme.surface : Theme.surfaceContainer
        border.width: control.error !== "" || control.activeFocus ? 2 : 1
        border.color: control.error !== "" ? Theme.error : control.activeFocus ? Theme.primary : Theme.outline
    }

    Label {
        id: suffixLabel
        visible: control.suffix !== ""
        text: control.suffix
        font: Theme.bodyLarge
        color: Theme.textOnSurfaceVariant
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacingL
        anchors.verticalCenter: parent.verticalCenter
        Accessible.ignored: true
    }
}
