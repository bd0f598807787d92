pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Today (tablet-ux §4.4): the patients on long-term opioid therapy booked for the day in time
// order, each with the booked time, what the registry knows of the day (to room, roomed), the
// tasks for the chosen role and, for the roles that room, a "Room" action. In landscape the chosen
// patient's screen stands beside the list; in portrait a row opens it.
Page {
    id: screen
    objectName: "huddleScreen"
    // Open the patient's own screen (portrait, or a patient opened from elsewhere).
    signal patientChosen(string patientId)
    // Start rooming this patient.
    signal roomingRequested(string patientId)
    // Open the clinic's self-assessment and its action plan.
    signal selfAssessmentRequested()
    // The day to list, "YYYY-MM-DD"; empty means today.
    property string day: ""
    // List and detail side by side (landscape).
    property bool sideBySide: false
    // Makes the detail pane's page; it is given `patientId` (Main.qml passes the patient screen).
    property Component detailComponent: null
    // The patient shown beside the list ("" when none is chosen).
    property string selectedPatientId: ""
    readonly property bool canRoom: Permissions.offers(Session.role, "rooming")

    background: Rectangle { color: Theme.background }

    function choose(patientId: string) {
        if (screen.sideBySide && screen.detailComponent) {
            screen.selectedPatientId = patientId
            detailPane.replace(null, screen.detailComponent, { patientId: patientId }, StackView.Immediate)
        } else {
            screen.patientChosen(patientId)
        }
    }

    // Turned to portrait: the detail pane goes, and so does the choice it showed.
    onSideBySideChanged: {
        if (!screen.sideBySide) {
            screen.selectedPatientId = ""
            detailPane.clear(StackView.Immediate)
        }
    }

    HuddleModel {
        id: huddle
        objectName: "huddleModel"
        session: Session
        day: screen.day
    }
    // The patients' tasks this role owns whose due date has come, overdue first.
    TodayTasksModel {
        id: tasksDue
        objectName: "todayTasksModel"
        session: Session
    }
    // The clinic's action plan: its items due for this user show on their Today.
    SelfAssessmentModel {
        id: actionPlan
        objectName: "huddleActionPlan"
        session: Session
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            objectName: "huddleListPane"
            Layout.fillHeight: true
            Layout.fillWidth: !screen.sideBySide
            Layout.preferredWidth: screen.sideBySide ? Math.round(Math.min(Theme.sidePane, screen.width * 0.42)) : -1
            Layout.margins: screen.sideBySide ? Theme.pageMarginWide : Theme.pageMarginNarrow
            spacing: Theme.spacingS

            // The day shown: today by default; the team prepares tomorrow's huddle the day before.
            RowLayout {
                objectName: "huddleDayBar"
                Layout.fillWidth: true
                spacing: Theme.spacingS
                CButton {
                    objectName: "previousDay"
                    variant: CButton.Outlined
                    icon.source: "qrc:/icons/chevron_left.svg"
                    text: ""
                    leftPadding: Theme.spacingM
                    rightPadding: Theme.spacingM
                    implicitWidth: Theme.control
                    Accessible.name: qsTr("Previous day")
                    onClicked: huddle.shiftDay(-1)
                }
                Label {
                    objectName: "huddleDay"
                    text: huddle.dayLabel
                    font: Theme.titleMedium
                    color: Theme.textOnSurface
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    Accessible.role: Accessible.Heading
                    Accessible.name: huddle.dayLabel
                }
                CButton {
                    objectName: "nextDay"
                    variant: CButton.Outlined
                    icon.source: "qrc:/icons/chevron_right.svg"
                    text: ""
                    leftPadding: Theme.spacingM
                    rightPadding: Theme.spacingM
                    implicitWidth: Theme.control
                    Accessible.name: qsTr("Next day")
                    onClicked: huddle.shiftDay(1)
                }
                CButton {
                    objectName: "backToToday"
                    visible: huddle.day !== ""
                    variant: CButton.Text
                    text: qsTr("Today")
                    Accessible.name: qsTr("Show today's huddle")
                    onClicked: huddle.day = ""
                }
            }
            Label {
                objectName: "huddleBookedCount"
                text: qsTr("%n patient(s) on long-term opioid therapy booked", "", huddle.bookedCount)
                font: Theme.bodyLarge
                color: Theme.textOnSurface
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Flow {
                objectName: "huddleRoleFilter"
                Layout.fillWidth: true
                spacing: Theme.spacingS
                Label {
                    text: qsTr("Show the tasks for:")
                    font: Theme.bodyMedium
                    color: Theme.textOnSurfaceVariant
                    height: Theme.control
                    verticalAlignment: Text.AlignVCenter
                }
                Repeater {
                    model: [
                        { value: "all", label: qsTr("Everyone") },
                        { value: "medical_assistant", label: qsTr("Medical assistant") },
                        { value: "clinician", label: qsTr("Clinician") },
                        { value: "registry_manager", label: qsTr("Registry manager and front desk") }
                    ]
                    delegate: CButton {
                        id: roleButton
                        required property var modelData
                        objectName: "roleFilter_" + roleButton.modelData.value
                        readonly property bool chosen: huddle.roleFilter === roleButton.modelData.value
                        // The chosen role is marked with a tick, not by colour alone.
                        variant: roleButton.chosen ? CButton.Tonal : CButton.Outlined
                        icon.source: roleButton.chosen ? "qrc:/icons/check.svg" : ""
                        text: roleButton.modelData.label
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
                font: Theme.bodyMedium
                color: Theme.textOnSurfaceVariant
            }
            StatusBanner {
                visible: huddle.error
                Layout.fillWidth: true
                kind: StatusBanner.Error
                title: qsTr("Today's list could not be read")
                text: huddle.message
            }
            StatusBanner {
                objectName: "huddleActionPlanDue"
                visible: actionPlan.dueForMeCount > 0
                Layout.fillWidth: true
                kind: StatusBanner.Warning
                title: qsTr("%n action-plan item(s) due for you", "", actionPlan.dueForMeCount)
                text: qsTr("From the clinic's self-assessment.")
                actionText: qsTr("Open the action plan")
                onActionTriggered: screen.selfAssessmentRequested()
            }
            // The tasks for this role (from case conferences or added on a patient), each done here.
            Card {
                objectName: "todayTasks"
                visible: tasksDue.count > 0
                Layout.fillWidth: true
                title: qsTr("%n task(s) due for you", "", tasksDue.count)
                Repeater {
                    model: tasksDue
                    delegate: RowLayout {
                        id: taskRow
                        required property string taskId
                        required property string patientId
                        required property string name
                        required property string text
                        required property string dueText
                        required property bool overdue
                        objectName: "todayTask_" + taskRow.taskId
                        Layout.fillWidth: true
                        spacing: Theme.spacingS
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingXs
                            Label {
                                text: taskRow.text
                                font: Theme.bodyLarge
                                color: Theme.textOnSurface
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                text: Theme.joinParts([taskRow.name, taskRow.dueText], " · ")
                                font: Theme.bodyMedium
                                color: taskRow.overdue ? Theme.error : Theme.textOnSurfaceVariant
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                        CButton {
                            objectName: "todayTaskPatient_" + taskRow.taskId
                            variant: CButton.Text
                            text: qsTr("Open")
                            Accessible.name: qsTr("Open %1").arg(taskRow.name)
                            onClicked: screen.choose(taskRow.patientId)
                        }
                        CButton {
                            objectName: "todayTaskDone_" + taskRow.taskId
                            variant: CButton.Tonal
                            text: qsTr("Mark done")
                            Accessible.name: qsTr("Mark done: %1").arg(taskRow.text)
                            onClicked: tasksDue.markDone(taskRow.taskId)
                        }
                    }
                }
            }
            EmptyState {
                visible: !huddle.loading && huddle.count === 0 && !huddle.error
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingXl
                glyph: Icon.Calendar
                title: huddle.bookedCount === 0 ? qsTr("No one booked")
                                                : qsTr("No one with tasks for this role")
                text: huddle.bookedCount === 0 ? qsTr("No patients on long-term opioid therapy are booked for this day.")
                                               : qsTr("The patients booked have no tasks for this role.")
                actionText: huddle.bookedCount === 0 ? "" : qsTr("Show everyone")
                onActionTriggered: huddle.roleFilter = "all"
            }
            ListView {
                id: list
                objectName: "huddleList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: huddle
                // Urgent patients in a part of their own above the rest (the model's order), each
                // part under a heading; no headings when no one is urgent. (A ListView section
                // delegate cannot be made in a Bound file on Qt 6.4: "Component is not ready".)
                delegate: Column {
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
                    required property int status
                    required property string statusLabel
                    readonly property var chips: entry.rooming.concat(entry.clinician, entry.registryManager)
                    required property int index
                    readonly property bool startsUrgent: entry.index === 0 && entry.urgent
                    readonly property bool startsRest: huddle.urgentCount > 0 && entry.index === huddle.urgentCount
                    width: ListView.view.width

                    RowLayout {
                        objectName: entry.startsUrgent ? "huddleUrgentHeading" : "huddleRestHeading"
                        visible: entry.startsUrgent || entry.startsRest
                        width: entry.width
                        height: Theme.control
                        spacing: Theme.spacingXs
                        Icon {
                            visible: entry.startsUrgent
                            glyph: Icon.Error
                            color: Theme.error
                            size: Theme.iconSmall
                            Layout.leftMargin: Theme.spacingS
                        }
                        Label {
                            text: entry.startsUrgent ? qsTr("Urgent (%1)").arg(huddle.urgentCount)
                                                     : qsTr("Everyone else (%1)").arg(huddle.count - huddle.urgentCount)
                            font: Theme.labelLarge
                            color: entry.startsUrgent ? Theme.error : Theme.textOnSurfaceVariant
                            wrapMode: Text.Wrap
                            Layout.leftMargin: entry.startsUrgent ? 0 : Theme.spacingS
                            Layout.fillWidth: true
                            Accessible.role: Accessible.Heading
                            Accessible.name: text
                        }
                    }
                    ItemDelegate {
                        id: rowButton
                        objectName: "huddleRow_" + entry.patientId
                        width: entry.width
                        highlighted: screen.sideBySide && screen.selectedPatientId === entry.patientId
                        implicitHeight: Math.max(Theme.rowMin + Theme.spacingL, row.implicitHeight + topPadding + bottomPadding)
                        topPadding: Theme.spacingM
                        bottomPadding: Theme.spacingM
                        leftPadding: Theme.spacingS
                        rightPadding: Theme.spacingS
                        Accessible.name: Theme.joinParts([entry.visitTime, entry.name, entry.statusLabel, entry.tierLabel, entry.mmeText], ", ")
                        onClicked: screen.choose(entry.patientId)

                        background: Rectangle {
                            color: rowButton.down ? Theme.surfaceContainer : rowButton.highlighted ? Theme.primaryContainer : Theme.surface
                            Rectangle {
                                anchors.left: parent.left
                                anchors.right: parent.right
                                anchors.bottom: parent.bottom
                                height: 1
                                color: Theme.outlineVariant
                            }
                            // The chosen row also has a bar at its edge: not told by colour alone.
                            Rectangle {
                                visible: rowButton.highlighted
                                width: Theme.focusRing
                                height: parent.height
                                color: Theme.primary
                            }
                        }

                        // qmllint disable deferred-property-id
                        contentItem: RowLayout {
                            id: row
                            spacing: Theme.spacingM
                            // The booked time leads the row: the list is the day in time order.
                            ColumnLayout {
                                // Grows with the text size, so "To room" never breaks mid-word.
                                Layout.preferredWidth: Theme.rowMin
                                Layout.alignment: Qt.AlignTop
                                spacing: Theme.spacingXs
                                Label {
                                    objectName: "visitTime"
                                    text: entry.visitTime === "" ? "—" : entry.visitTime
                                    font.pixelSize: Theme.titleLarge.pixelSize
                                    font.weight: Theme.titleLarge.weight
                                    color: Theme.textOnSurface
                                    Accessible.name: entry.visitTime === "" ? qsTr("No time booked") : entry.visitTime
                                }
                                Label {
                                    objectName: "rowStatus"
                                    text: entry.statusLabel
                                    font: Theme.labelLarge
                                    color: entry.status === HuddleModel.Roomed ? Theme.success : Theme.textOnSurfaceVariant
                                    // Breaks between words only: "Por preparar" never splits inside "preparar".
                                    wrapMode: Text.WordWrap
                                    Layout.fillWidth: true
                                }
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                Layout.alignment: Qt.AlignTop
                                spacing: Theme.spacingXs
                                RowLayout {
                                    Layout.fillWidth: true
                                    spacing: Theme.spacingXs
                                    Icon {
                                        visible: entry.urgent
                                        glyph: Icon.Error
                                        color: Theme.error
                                        Layout.alignment: Qt.AlignTop
                                    }
                                    Label {
                                        objectName: "listRowTitle"
                                        text: entry.name
                                        font: Theme.titleMedium
                                        color: Theme.textOnSurface
                                        // A name is never cut: the wrong patient is never picked from half a name.
                                        wrapMode: Text.Wrap
                                        Layout.fillWidth: true
                                    }
                                }
                                Label {
                                    text: Theme.joinParts([entry.clinicId, entry.prescriber, entry.tierLabel, entry.mmeText], " · ")
                                    font: Theme.bodyMedium
                                    color: Theme.textOnSurfaceVariant
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Flow {
                                    objectName: "rowTasks"
                                    visible: entry.chips.length > 0
                                    Layout.fillWidth: true
                                    spacing: Theme.spacingXs
                                    Repeater {
                                        model: entry.chips.slice(0, 3)
                                        delegate: GapChip {
                                            required property var modelData
                                            label: modelData.label
                                            statusLabel: modelData.statusLabel
                                            severity: modelData.severity
                                        }
                                    }
                                    Label {
                                        visible: entry.chips.length > 3
                                        height: Theme.control
                                        verticalAlignment: Text.AlignVCenter
                                        text: qsTr("+%1 more").arg(entry.chips.length - 3)
                                        font: Theme.labelLarge
                                        color: Theme.textOnSurfaceVariant
                                    }
                                }
                            }
                            CButton {
                                objectName: "roomButton"
                                visible: screen.canRoom
                                Layout.alignment: Qt.AlignTop
                                variant: entry.status === HuddleModel.ToRoom ? CButton.Tonal : CButton.Outlined
                                text: qsTr("Room")
                                Accessible.name: qsTr("Room %1").arg(entry.name)
                                onClicked: screen.roomingRequested(entry.patientId)
                            }
                        }
                    }
                }
                ScrollBar.vertical: ScrollBar { }
            }
            CButton {
                objectName: "openSelfAssessment"
                Layout.alignment: Qt.AlignLeft
                variant: CButton.Text
                text: qsTr("Clinic self-assessment")
                onClicked: screen.selfAssessmentRequested()
            }
        }

        Rectangle {
            visible: screen.sideBySide
            Layout.fillHeight: true
            implicitWidth: 1
            color: Theme.outlineVariant
        }

        // Landscape: the chosen patient's screen beside the list.
        Item {
            objectName: "huddleDetailPane"
            visible: screen.sideBySide
            Layout.fillWidth: true
            Layout.fillHeight: true
            StackView {
                id: detailPane
                objectName: "huddleDetail"
                anchors.fill: parent
            }
            EmptyState {
                visible: detailPane.depth === 0
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.pageMarginWide, Theme.paneNarrow)
                glyph: Icon.People
                title: qsTr("Choose a patient")
                text: qsTr("Their summary shows here, beside the day's list.")
            }
        }
    }
}
