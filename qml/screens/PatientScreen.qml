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
            Button {
                objectName: "startRooming"
                text: qsTr("Start rooming")
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Start rooming %1").arg(patient.name)
                onClicked: screen.roomingRequested(screen.patientId)
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

            Label { text: qsTr("Record a PEG score"); font.pixelSize: Theme.fontTitle }
            Label {
                text: qsTr("Think about the past week.")
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
            }
            ScaleField {
                id: pain
                objectName: "pegPain"
                Layout.fillWidth: true
                shortName: qsTr("Pain")
                question: qsTr("On average over the past week, how much pain have you had?")
                lowAnchor: qsTr("No pain")
                highAnchor: qsTr("Pain as bad as you can imagine")
            }
            ScaleField {
                id: enjoyment
                objectName: "pegEnjoyment"
                Layout.fillWidth: true
                shortName: qsTr("Enjoyment of life")
                question: qsTr("Over the past week, how much has pain gotten in the way of enjoying life?")
                lowAnchor: qsTr("Not at all")
                highAnchor: qsTr("Completely")
            }
            ScaleField {
                id: activity
                objectName: "pegActivity"
                Layout.fillWidth: true
                shortName: qsTr("General activity")
                question: qsTr("Over the past week, how much has pain gotten in the way of your everyday activities?")
                lowAnchor: qsTr("Not at all")
                highAnchor: qsTr("Completely")
            }
            CButton {
                objectName: "savePeg"
                text: qsTr("Save PEG")
                enabled: pain.answered && enjoyment.answered && activity.answered && !patient.loading
                disabledReason: patient.loading ? "" : qsTr("Answer all three questions to save.")
                Accessible.name: qsTr("Save the PEG score")
                onClicked: patient.savePeg(pain.value, enjoyment.value, activity.value)
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
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Accessible.role: Accessible.ListItem
                    Accessible.name: qsTr("%1, %2: %3").arg(event.dateLabel).arg(event.kindLabel).arg(event.summary)
                    Label { text: event.dateLabel; font.pixelSize: Theme.fontBody; color: Theme.textMuted; Layout.preferredWidth: 140 }
                    Label { text: event.kindLabel; font.pixelSize: Theme.fontBody; font.bold: true; Layout.preferredWidth: 220 }
                    Label { text: event.summary; font.pixelSize: Theme.fontBody; wrapMode: Text.Wrap; Layout.fillWidth: true }
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
}
