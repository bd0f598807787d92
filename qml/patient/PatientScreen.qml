pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Cairn

// One patient: who, effective tier, MME with the CDC caution, open gaps with their reason, the
// regimen, the PEG history, and a PEG entry saved the moment it is entered.
Page {
    id: screen
    objectName: "patientScreen"
    required property string patientId
    signal roomingRequested(string patientId)
    // A form for one kind of record ("visit", "opioid", ...; "patient" edits the details); with
    // `correcting`, the record it changes.
    signal recordFormRequested(string kind, string patientId, string correcting)
    signal agreementRequested(string patientId, string patientName, string language)
    signal refillRequested(string patientId, string patientName)
    title: patient.name

    background: Rectangle { color: Theme.background }

    PatientViewModel {
        id: patient
        objectName: "patientViewModel"
        session: Session
        patientId: screen.patientId
        onChanged: screen.drawCharts()
    }

    // The series come from the view model (computed in C++); this only hands them to the charts.
    function drawCharts() {
        pegSeries.clear()
        pegTargetSeries.clear()
        mmeSeries.clear()
        const peg = patient.pegValues
        for (let i = 0; i < peg.length; ++i)
            pegSeries.append(i, peg[i])
        if (patient.hasPegTarget) {
            pegTargetSeries.append(0, patient.pegTarget)
            pegTargetSeries.append(Math.max(1, peg.length - 1), patient.pegTarget)
        }
        const mme = patient.mmeValues
        for (let j = 0; j < mme.length; ++j)
            mmeSeries.append(j, mme[j])
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width - 2 * Theme.margin
            x: Theme.margin
            spacing: Theme.spacing

            StatusBanner {
                visible: patient.suicideRiskAlert
                Layout.fillWidth: true
                kind: StatusBanner.Error
                title: qsTr("Urgent")
                text: qsTr("The latest PHQ-9 item 9 answer is above zero. Assess safety before the patient leaves.")
            }
            Label {
                objectName: "patientName"
                text: patient.name
                font.pixelSize: Theme.fontHuge
            }
            Label { text: patient.details; font.pixelSize: Theme.fontBody; color: Theme.textMuted }
            Label {
                objectName: "ltotStatus"
                text: patient.ltotText
                visible: text !== ""
                font.pixelSize: Theme.fontBody
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
            StatusBanner {
                objectName: "inactiveBanner"
                visible: patient.inactiveText !== ""
                Layout.fillWidth: true
                kind: StatusBanner.Info
                title: patient.inactiveText
                text: qsTr("Kept in the registry; not in the huddle, worklists or measures.")
            }
            Button {
                objectName: "startRooming"
                visible: Permissions.offers(Session.role, "rooming")
                text: qsTr("Start rooming")
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Start rooming %1").arg(patient.name)
                onClicked: screen.roomingRequested(screen.patientId)
            }
            // What this role may add to the record, each a form (nothing in it is pre-filled).
            Flow {
                objectName: "addToRecord"
                Layout.fillWidth: true
                spacing: Theme.spacingS
                Repeater {
                    model: [
                        { kind: "visit", text: qsTr("Book a visit") },
                        { kind: "opioid", text: qsTr("Start an opioid") },
                        { kind: "benzodiazepine", text: qsTr("Record a sedative") },
                        { kind: "uds", text: qsTr("Urine drug test") },
                        { kind: "naloxone", text: qsTr("Naloxone") },
                        { kind: "risk_tier", text: qsTr("Set the risk tier") },
                        { kind: "ltot_decision", text: qsTr("Long-term therapy decision") },
                        { kind: "goal", text: qsTr("Care-plan goal") },
                        { kind: "taper_plan", text: qsTr("Taper plan") },
                        { kind: "ort", text: qsTr("ORT") },
                        { kind: "pcptsd5", text: qsTr("PC-PTSD-5") },
                        { kind: "pdmp_check", text: qsTr("PDMP check") },
                        { kind: "refill_request", text: qsTr("Refill request") },
                        { kind: "medication_review", text: qsTr("Medication list reviewed") },
                        { kind: "agreement", text: qsTr("Patient agreement") },
                        { kind: "patient", text: qsTr("Edit details") },
                        { kind: "inactivation", text: qsTr("Mark inactive") }
                    ]
                    delegate: CButton {
                        id: addButton
                        required property var modelData
                        objectName: "add_" + addButton.modelData.kind
                        visible: Permissions.canRecord(Session.role, addButton.modelData.kind)
                        variant: CButton.Tonal
                        text: addButton.modelData.text
                        onClicked: {
                            if (addButton.modelData.kind === "agreement")
                                screen.agreementRequested(screen.patientId, patient.name, patient.language)
                            else if (addButton.modelData.kind === "refill_request")
                                screen.refillRequested(screen.patientId, patient.name)
                            else
                                screen.recordFormRequested(addButton.modelData.kind, screen.patientId, "")
                        }
                    }
                }
            }
            Label {
                text: qsTr("Effective tier: %1 · Total: %2 (%3)").arg(patient.tierLabel).arg(patient.mmeText).arg(patient.bandLabel)
                font.pixelSize: Theme.fontBody
            }
            Label {
                Layout.fillWidth: true
                text: patient.caution
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            StatusBanner {
                visible: patient.message !== ""
                objectName: "patientMessage"
                Layout.fillWidth: true
                text: patient.message
                kind: patient.error ? StatusBanner.Error : StatusBanner.Success
            }

            Label { text: qsTr("Open care gaps"); font.pixelSize: Theme.fontTitle }
            EmptyState {
                visible: patient.loaded && gapRepeater.count === 0
                Layout.fillWidth: true
                glyph: Icon.Success
                title: qsTr("No open care gaps: everything is up to date under the clinic's policy.")
            }
            Repeater {
                id: gapRepeater
                model: patient.gaps
                delegate: RowLayout {
                    id: gapRow
                    required property string label
                    required property string statusLabel
                    required property string severity
                    required property string reason
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    GapChip { label: gapRow.label; statusLabel: gapRow.statusLabel; severity: gapRow.severity }
                    Label { text: gapRow.reason; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: Theme.fontSmall }
                }
            }

            Label {
                visible: promptRepeater.count > 0
                text: qsTr("Conversation prompts")
                font.pixelSize: Theme.fontTitle
            }
            Repeater {
                id: promptRepeater
                objectName: "prompts"
                model: patient.prompts
                delegate: ScriptCard {
                    Layout.fillWidth: true
                    onMarkUsed: (id, note) => patient.markScriptUsed(id, note)
                }
            }

            VisitDecisionsPanel {
                Layout.fillWidth: true
                patientId: screen.patientId
            }

            Label {
                visible: carePlanRepeater.count > 0
                text: qsTr("Care plan")
                font.pixelSize: Theme.fontTitle
            }
            Repeater {
                id: carePlanRepeater
                objectName: "carePlan"
                model: patient.carePlan
                delegate: Label {
                    required property string modelData
                    text: modelData
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            // A new state of the plan (started, paused, a step changed) supersedes the one in force.
            CButton {
                objectName: "updateTaperPlan"
                visible: patient.taperPlanId !== "" && Permissions.canRecord(Session.role, "taper_plan")
                variant: CButton.Tonal
                text: qsTr("Update the taper plan")
                onClicked: screen.recordFormRequested("taper_plan", screen.patientId, patient.taperPlanId)
            }

            Label { text: qsTr("Current regimen"); font.pixelSize: Theme.fontTitle }
            Repeater {
                model: patient.regimen
                delegate: Label {
                    required property string modelData
                    text: "• " + modelData
                    font.pixelSize: Theme.fontBody
                }
            }

            Label { text: qsTr("MME over time"); font.pixelSize: Theme.fontTitle }
            Label {
                objectName: "mmeHistoryNote"
                visible: text !== ""
                Layout.fillWidth: true
                text: patient.mmeHistoryNote
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
            }
            ChartView {
                objectName: "mmeChart"
                visible: patient.mmeValues.length > 0
                Layout.fillWidth: true
                Layout.preferredHeight: 300
                antialiasing: true
                legend.alignment: Qt.AlignBottom
                legend.font.pixelSize: Theme.fontSmall
                Accessible.role: Accessible.Chart
                Accessible.name: qsTr("Total MME per day at each change of the regimen: %1").arg(patient.mmeTrendText)

                BarCategoryAxis {
                    id: mmeDateAxis
                    categories: patient.mmeDates
                    labelsFont.pixelSize: Theme.fontSmall
                    labelsAngle: -60
                    truncateLabels: false
                }
                // "ValuesAxis": Qt 6.4's qmllint only resolves this name (see MeasuresScreen).
                ValuesAxis {
                    id: mmeValueAxis
                    min: 0
                    max: patient.mmeMax
                    labelFormat: "%.0f"
                    labelsFont.pixelSize: Theme.fontSmall
                }
                LineSeries {
                    id: mmeSeries
                    name: qsTr("Total MME per day")
                    axisX: mmeDateAxis
                    axisY: mmeValueAxis
                    width: 3
                    color: Theme.accent
                    pointsVisible: true
                }
            }

            // Recording a PEG is offered only to roles that may record it.
            ColumnLayout {
                objectName: "pegEntrySection"
                visible: Permissions.canRecord(Session.role, "peg")
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label { text: qsTr("Record a PEG score"); font.pixelSize: Theme.fontTitle }
                Label {
                    text: qsTr("Think about the past week.")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                }
                PegQuestions {
                    id: pegEntry
                    namePrefix: "peg"
                    Layout.fillWidth: true
                }
                CButton {
                    objectName: "savePeg"
                    text: qsTr("Save PEG")
                    enabled: pegEntry.answered && !patient.loading
                    disabledReason: patient.loading ? "" : qsTr("Answer all three questions to save.")
                    Accessible.name: qsTr("Save the PEG score")
                    onClicked: patient.savePeg(pegEntry.pain, pegEntry.enjoyment, pegEntry.activity)
                }
            }

            Label { text: qsTr("PEG trend"); font.pixelSize: Theme.fontTitle }
            Label {
                objectName: "pegTrendText"
                Layout.fillWidth: true
                text: patient.pegTrendText
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontBody
            }
            ChartView {
                objectName: "pegChart"
                visible: patient.pegValues.length > 0
                Layout.fillWidth: true
                Layout.preferredHeight: 300
                antialiasing: true
                legend.alignment: Qt.AlignBottom
                legend.font.pixelSize: Theme.fontSmall
                Accessible.role: Accessible.Chart
                Accessible.name: qsTr("PEG average over time. %1").arg(patient.pegTrendText)

                BarCategoryAxis {
                    id: pegDateAxis
                    categories: patient.pegDates
                    labelsFont.pixelSize: Theme.fontSmall
                    labelsAngle: -60
                    truncateLabels: false
                }
                ValuesAxis {
                    id: pegValueAxis
                    min: 0
                    max: 10
                    labelFormat: "%.0f"
                    labelsFont.pixelSize: Theme.fontSmall
                }
                LineSeries {
                    id: pegSeries
                    name: qsTr("PEG average (0 to 10, lower is better)")
                    axisX: pegDateAxis
                    axisY: pegValueAxis
                    width: 3
                    color: Theme.accent
                    pointsVisible: true
                }
                LineSeries {
                    id: pegTargetSeries
                    name: qsTr("30% better than baseline (%1)").arg(patient.pegTarget.toFixed(1))
                    axisX: pegDateAxis
                    axisY: pegValueAxis
                    style: Qt.DashLine
                    color: Theme.high
                    width: 2
                }
            }

            Label { text: qsTr("History"); font.pixelSize: Theme.fontTitle }
            EmptyState {
                visible: patient.loaded && historyRepeater.count === 0
                Layout.fillWidth: true
                glyph: Icon.Inbox
                title: qsTr("No urine drug screens, PDMP checks, agreements, naloxone or visits recorded.")
            }
            Repeater {
                id: historyRepeater
                objectName: "history"
                model: patient.history
                delegate: RowLayout {
                    id: event
                    required property string dateLabel
                    required property string kindLabel
                    required property string summary
                    required property string recordId
                    required property string formKind
                    readonly property bool correctable: event.recordId !== "" && Permissions.canRecord(Session.role, event.formKind)
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Accessible.role: Accessible.ListItem
                    Accessible.name: qsTr("%1, %2: %3").arg(event.dateLabel).arg(event.kindLabel).arg(event.summary)
                    Label { text: event.dateLabel; font.pixelSize: Theme.fontBody; color: Theme.textMuted; Layout.preferredWidth: 140 }
                    Label { text: event.kindLabel; font.pixelSize: Theme.fontBody; font.bold: true; Layout.preferredWidth: 220 }
                    Label { text: event.summary; font.pixelSize: Theme.fontBody; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    Button {
                        objectName: "versions_" + event.recordId
                        visible: event.recordId !== ""
                        text: qsTr("Versions")
                        font.pixelSize: Theme.fontBody
                        Layout.preferredHeight: Theme.minTouch
                        Accessible.name: qsTr("Every version of %1 of %2").arg(event.kindLabel).arg(event.dateLabel)
                        onClicked: versionsDialog.show(event.recordId, event.kindLabel + " · " + event.dateLabel)
                    }
                    Button {
                        objectName: "correct_" + event.recordId
                        visible: event.correctable
                        text: qsTr("Correct")
                        font.pixelSize: Theme.fontBody
                        Layout.preferredHeight: Theme.minTouch
                        Accessible.name: qsTr("Correct %1 of %2").arg(event.kindLabel).arg(event.dateLabel)
                        onClicked: screen.recordFormRequested(event.formKind, screen.patientId, event.recordId)
                    }
                    Button {
                        objectName: "withdraw_" + event.recordId
                        visible: event.correctable
                        text: qsTr("Entered in error")
                        font.pixelSize: Theme.fontBody
                        Layout.preferredHeight: Theme.minTouch
                        Accessible.name: qsTr("Withdraw %1 of %2 as entered in error").arg(event.kindLabel).arg(event.dateLabel)
                        onClicked: withdrawDialog.ask(event.recordId, event.kindLabel + " · " + event.dateLabel)
                    }
                }
            }

            Label { text: qsTr("PEG history"); font.pixelSize: Theme.fontTitle }
            Repeater {
                model: patient.pegHistory
                delegate: Label {
                    required property string modelData
                    text: modelData
                    font.pixelSize: Theme.fontBody
                }
            }
        }
    }

    // Every version of one record: what it said, who wrote it, when, and why it was replaced.
    Dialog {
        id: versionsDialog
        objectName: "versionsDialog"
        property string what: ""
        function show(recordId, description) {
            versions.recordId = recordId
            versionsDialog.what = description
            versionsDialog.open()
        }
        anchors.centerIn: parent
        width: Math.min(720, screen.width - 2 * Theme.margin)
        height: Math.min(560, screen.height - 2 * Theme.margin)
        modal: true
        title: versionsDialog.what
        standardButtons: Dialog.Close
        RecordVersionsModel {
            id: versions
            objectName: "recordVersions"
            session: Session
            patientId: screen.patientId
        }
        ListView {
            objectName: "versionList"
            anchors.fill: parent
            clip: true
            spacing: Theme.spacing
            model: versions
            delegate: ColumnLayout {
                id: version
                required property string summary
                required property string by
                required property string when
                required property int versionState
                required property string reason
                width: ListView.view.width
                spacing: 2
                Label {
                    text: version.versionState === RecordVersionsModel.InForce ? qsTr("In force")
                          : version.versionState === RecordVersionsModel.Withdrawn ? qsTr("Withdrawn") : qsTr("Replaced")
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: version.versionState === RecordVersionsModel.InForce ? Theme.text : Theme.textMuted
                }
                Label {
                    text: version.summary
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: version.reason === "" ? qsTr("%1 · %2").arg(version.by).arg(version.when)
                                                : qsTr("%1 · %2 · reason: %3").arg(version.by).arg(version.when).arg(version.reason)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            ScrollBar.vertical: ScrollBar { }
        }
    }

    // "Entered in error" asks why; the record stays in the history, marked withdrawn.
    Dialog {
        id: withdrawDialog
        objectName: "withdrawDialog"
        property string recordId: ""
        property string what: ""
        function ask(id, description) {
            withdrawDialog.recordId = id
            withdrawDialog.what = description
            withdrawReason.text = ""
            withdrawDialog.open()
        }
        anchors.centerIn: parent
        width: Math.min(560, screen.width - 2 * Theme.margin)
        modal: true
        title: qsTr("Withdraw a record entered in error")
        standardButtons: Dialog.Cancel
        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing
            Label {
                text: withdrawDialog.what
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("It stays in the history, marked as entered in error. Why is it withdrawn?")
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            TextField {
                id: withdrawReason
                objectName: "withdrawReason"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                font.pixelSize: Theme.fontBody
                placeholderText: qsTr("e.g. entered for the wrong patient")
                Accessible.name: qsTr("Reason")
            }
            Button {
                objectName: "withdrawConfirm"
                text: qsTr("Withdraw")
                enabled: withdrawReason.text.trim() !== ""
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.minTouch
                Layout.alignment: Qt.AlignRight
                Accessible.name: qsTr("Withdraw the record")
                onClicked: {
                    patient.withdrawRecord(withdrawDialog.recordId, withdrawReason.text)
                    withdrawDialog.close()
                }
            }
        }
    }
}
