pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A page holding one record form: add a patient, start an opioid, book a visit, enter a urine
// result, correct any record from the history. Saving writes to this tablet's encrypted registry
// at once (sync sends it later) and returns to the screen that opened the form.
Page {
    id: screen
    objectName: "recordFormScreen"
    property string kind: ""
    property string patientId: ""
    property string correcting: ""
    // Fields of a new record given by the screen that opened the form (field name to value).
    property var presets: ({})
    // The new record's (or patient's) id once saved; the opener decides where to go next.
    signal done(string savedId)

    title: form.title
    background: Rectangle { color: Theme.background }

    RecordForm {
        id: form
        objectName: "recordForm"
        session: Session
        kind: screen.kind
        patientId: screen.patientId
        correcting: screen.correcting
        onSaved: id => screen.done(id)
        Component.onCompleted: {
            for (const field in screen.presets)
                form.setValue(field, screen.presets[field])
        }
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        // The margins too, so that Save is never under the bottom edge when scrolled to the end.
        contentHeight: formView.implicitHeight + 2 * Theme.margin

        RecordFormView {
            id: formView
            objectName: "recordFormView"
            x: Theme.margin
            y: Theme.margin
            width: Math.min(parent.width - 2 * Theme.margin, Theme.formWidth)
            form: form
            onCancelled: screen.done("")
        }
    }
}
