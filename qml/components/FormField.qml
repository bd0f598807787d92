import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A labelled form control (tablet-ux §4.7.6): the label (with "*" when required), the control as
// content, and under it either the helper text or the error with an icon. The control is told the
// label as its accessible name (unless it has one) and the error, or else the helper, as its
// accessible description, so a screen reader says what the eye sees.
ColumnLayout {
    id: field
    property string label: ""
    property bool required: false
    property string helperText: ""
    // Empty when the value is fine; otherwise what is wrong and how to fix it.
    property string error: ""
    default property alias content: slot.data
    readonly property string description: field.error !== "" ? field.error : field.helperText
    readonly property Item control: slot.children.length > 0 ? slot.children[0] : null

    spacing: Theme.spacingXs
    Accessible.role: Accessible.Grouping
    Accessible.name: field.label
    Accessible.description: field.description

    function tellControl() {
        const c = field.control
        if (!c)
            return
        // The control may be any item; a text field names itself by its text when it has one.
        // (Reflect: the control is any Item, so qmllint cannot know it has `text` or `error`.)
        const ownText = "text" in c ? String(Reflect.get(c, "text")) : undefined
        if (c.Accessible.name === "" || c.Accessible.name === ownText)
            c.Accessible.name = field.label
        c.Accessible.description = field.description
        // CTextField shows the error in its border too.
        if ("error" in c)
            Reflect.set(c, "error", field.error)
    }
    onDescriptionChanged: tellControl()
    onErrorChanged: tellControl()
    onControlChanged: tellControl()
    onLabelChanged: tellControl()

    Label {
        id: labelText
        text: field.required ? qsTr("%1 *").arg(field.label) : field.label
        font: Theme.labelLarge
        color: Theme.textOnSurface
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.ignored: true
    }
    // The control: it fills the width unless it says otherwise.
    Item {
        id: slot
        Layout.fillWidth: true
        implicitWidth: field.control ? field.control.implicitWidth : 0
        implicitHeight: field.control ? field.control.implicitHeight : 0
        Binding {
            when: field.control !== null
            target: field.control
            property: "width"
            value: slot.width
        }
    }
    RowLayout {
        visible: field.description !== ""
        Layout.fillWidth: true
        spacing: Theme.spacingXs
        Icon {
            visible: field.error !== ""
            glyph: Icon.Error
            size: Theme.iconSmall
            color: Theme.error
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 1
        }
        Label {
            objectName: field.error !== "" ? "formFieldError" : "formFieldHelper"
            text: field.description
            font: Theme.bodyMedium
            color: field.error !== "" ? Theme.error : Theme.textOnSurfaceVariant
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
