pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Today: the patients on long-term opioid therapy booked for the day, most urgent first, with
// what rooming, the clinician and the registry manager must do.
Page {
    id: screen
    objectName: "huddleScreen"
    signal patientChosen(string patientId)
    signal allPatientsRequested()
    signal rehearsalRequested()
    signal registryRequested()
    signal pegOutreachRequested()
    signal measuresRequested()
    // The day to list, "YYYY-MM-DD"; empty means today.
    property string day: ""

    background: Rectangle { color: Theme.background }

    HuddleModel {
        id: huddle
        objectName: "huddleModel"
        session: Session
        day: screen.day
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        // The day shown: today by default; the team prepares tomorrow's huddle the day before.
        RowLayout {
            objectName: "huddleDayBar"
            Layout.fillWidth: true
            spacing: Theme.spacing
            Button {
                objectName: "previousDay"
                text: "‹"
                font.pixelSize: Theme.fontTitle
                Layout.preferredWidth: Theme.minTouch
                Layout.preferredHeight: Theme.minTouch
                Accessible.name: qsTr("Previous day")
                onClicked: huddle.shiftDay(-1)
            }
            Label {
                objectName: "huddleDay"
                text: huddle.dayLabel
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                Accessible.role: Accessible.Heading
            }
            Button {
                objectName: "nextDay"
                text: "›"
                font.pixelSize: Theme.fontTitle
                Layout.preferredWidth: Theme.minTouch
                Layout.preferredHeight: Theme.minTouch
                Accessible.name: qsTr("Next day")
                onClicked: huddle.shiftDay(1)
            }
            Button {
                objectName: "backToToday"
                visible: huddle.day !== ""
                text: qsTr("Today")
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.minTouch
                Accessible.name: qsTr("Show today's huddle")
                onClicked: huddle.day = ""
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("%n patient(s) on long-term opioid therapy booked", "", huddle.bookedCount)
                font.pixelSize: Theme.fontTitle
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Practise")
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.minTouch
                Accessible.name: qsTr("Practise difficult conversations")
                onClicked: screen.rehearsalRequested()
            }
            Button {
                objectName: "allPatientsButton"
                text: qsTr("All patients")
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.minTouch
                Accessible.name: qsTr("Open the list of all patients")
                onClicked: screen.allPatientsRequested()
            }
        }
        Flow {
            objectName: "huddleNavigation"
            Layout.fillWidth: true
            spacing: Theme.spacing
            Button {
                objectName: "registryButton"
                text: qsTr("Registry")
                font.pixelSize: Theme.fontBody
                height: Theme.minTouch
                Accessible.name: qsTr("Open the registry: every patient with gaps, filters and sorting")
                onClicked: screen.registryRequested()
            }
            Button {
                objectName: "pegOutreachButton"
                // Only roles that may record a PEG are offered the calling list.
                visible: Permissions.allows(Session.role, "record_rooming")
                text: qsTr("PEG outreach")
                font.pixelSize: Theme.fontBody
                height: Theme.minTouch
                Accessible.name: qsTr("Open the list of patients due a PEG, to call")
                onClicked: screen.pegOutreachRequested()
            }
            Button {
                objectName: "measuresButton"
                visible: Permissions.allows(Session.role, "view_measures")
                text: qsTr("Measures")
                font.pixelSize: Theme.fontBody
                height: Theme.minTouch
                Accessible.name: qsTr("Open the monthly measures")
                onClicked: screen.measuresRequested()
            }
        }
        Flow {
            objectName: "huddleRoleFilter"
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: qsTr("Show the tasks for:")
                font.pixelSize: Theme.fontBody
                height: Theme.minTouch
                verticalAlignment: Text.AlignVCenter
            }
            Repeater {
                model: [
                    { value: "all", label: qsTr("Everyone") },
                    { value: "medical_assistant", label: qsTr("Medical assistant") },
                    { value: "clinician", label: qsTr("Clinician") },
                    { value: "registry_manager", label: qsTr("Registry manager") }
                ]
                delegate: Button {
                    id: roleButton
                    required property var modelData
                    objectName: "roleFilter_" + roleButton.modelData.value
                    readonly property bool chosen: huddle.roleFilter === roleButton.modelData.value
                    // The chosen role is marked with a tick, not by colour alone.
                    text: (roleButton.chosen ? "✓ " : "") + roleButton.modelData.label
                    highlighted: roleButton.chosen
                    font.pixelSize: Theme.fontBody
                    height: Theme.minTouch
                    Accessible.name: roleButton.chosen ? qsTr("Showing the tasks for: %1").arg(roleButton.modelData.label)
                                                       : qsTr("Show the tasks for: %1").arg(roleButton.modelData.label)
                    onClicked: huddle.roleFilter = roleButton.modelData.value
                }
            }
        }
        Label {
            objectName: "huddleFilterSummary"
            visible: huddle.roleFilter !== "all" && huddle.bookedCount > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("%1 of them with tasks for this role.").arg(huddle.count)
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
        Label {
            visible: huddle.error
            text: huddle.message
            color: Theme.urgent
            font.pixelSize: Theme.fontBody
        }
        Label {
            visible: !huddle.loading && huddle.count === 0 && !huddle.error
            text: qsTr("No patients on long-term opioid therapy are booked for this day.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
        ListView {
            id: list
            objectName: "huddleList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: huddle
            delegate: ItemDelegate {
                id: entry
                required property string patientId
                required property string name
                required property string clinicId
                required property string prescriber
                required property string tierLabel
                required property string mmeText
                required property var rooming
                required property var clinician
                required property var registryManager
                required property bool urgent
                required property string visitTime
                width: ListView.view.width
                height: details.implicitHeight + 2 * Theme.spacing
                Accessible.name: entry.visitTime === "" ? qsTr("%1, %2, %3").arg(entry.name).arg(entry.tierLabel).arg(entry.mmeText)
                                                        : qsTr("%1, %2, %3, %4").arg(entry.visitTime).arg(entry.name).arg(entry.tierLabel).arg(entry.mmeText)
                onClicked: screen.patientChosen(entry.patientId)
                ColumnLayout {
                    id: details
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: 6
                    RowLayout {
                        // The booked time leads the row: the list is the day in time order.
                        Label {
                            objectName: "visitTime"
                            visible: entry.visitTime !== ""
                            text: entry.visitTime
                            font: Theme.titleMedium
                            color: Theme.primary
                            Layout.preferredWidth: implicitWidth + Theme.spacingS
                        }
                        Label {
                            text: (entry.urgent ? "⚠ " : "") + entry.name
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            Layout.fillWidth: true
                        }
                        Label { text: entry.clinicId + " · " + entry.prescriber; font.pixelSize: Theme.fontSmall; color: Theme.textMuted }
                        Label { text: entry.tierLabel + " · " + entry.mmeText; font.pixelSize: Theme.fontSmall }
                    }
                    Repeater {
                        model: [
                            { title: qsTr("Rooming"), items: entry.rooming },
                            { title: qsTr("Clinician"), items: entry.clinician },
                            { title: qsTr("Registry manager"), items: entry.registryManager }
                        ]
                        delegate: Flow {
                            id: group
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: 6
                            visible: group.modelData.items.length > 0
                            Label {
                                text: group.modelData.title + ":"
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textMuted
                                height: Theme.minTouch
                                verticalAlignment: Text.AlignVCenter
                            }
                            Repeater {
                                model: group.modelData.items
                                delegate: GapChip {
                                    required property var modelData
                                    label: modelData.label
                                    statusLabel: modelData.statusLabel
                                    severity: modelData.severity
                                }
                            }
                        }
                    }
                }
            }
            ScrollBar.vertical: ScrollBar { }
        }
    }
}
