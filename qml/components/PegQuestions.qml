pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Cairn

// The three PEG questions (pain, enjoyment of life, general activity), each 0–10, in one place
// for every screen that records a PEG. Every answer starts unanswered (-1): a PEG is never saved
// from a default, so `answered` is false until all three have been tapped.
ColumnLayout {
    id: peg
    // Prefix for the three rows' objectNames ("pegPain", "outreachPain", ...), for tests.
    property string namePrefix: "peg"
    readonly property alias pain: painRow.value
    readonly property alias enjoyment: enjoymentRow.value
    readonly property alias activity: activityRow.value
    readonly property bool answered: pain >= 0 && enjoyment >= 0 && activity >= 0
    spacing: Theme.spacingL

    function clear() {
        painRow.value = -1
        enjoymentRow.value = -1
        activityRow.value = -1
    }

    ScaleField {
        id: painRow
        shortName: qsTr("Pain")
        objectName: peg.namePrefix + "Pain"
        Layout.fillWidth: true
        question: qsTr("On average over the past week, how much pain have you had?")
        lowAnchor: qsTr("No pain")
        highAnchor: qsTr("Pain as bad as you can imagine")
    }
    ScaleField {
        id: enjoymentRow
        shortName: qsTr("Enjoyment of life")
        objectName: peg.namePrefix + "Enjoyment"
        Layout.fillWidth: true
        question: qsTr("Over the past week, how much has pain gotten in the way of enjoying life?")
        lowAnchor: qsTr("Not at all")
        highAnchor: qsTr("Completely")
    }
    ScaleField {
        id: activityRow
        shortName: qsTr("General activity")
        objectName: peg.namePrefix + "Activity"
        Layout.fillWidth: true
        question: qsTr("Over the past week, how much has pain gotten in the way of your everyday activities?")
        lowAnchor: qsTr("Not at all")
        highAnchor: qsTr("Completely")
    }
}
