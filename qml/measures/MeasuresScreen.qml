pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Cairn

// The monthly measures (Building Block 6) for the clinic or one prescriber: each measure with its
// value, target and status in words; the chosen measure's 12-month trend beside its target line;
// and the patients behind it.
Page {
    id: screen
    objectName: "measuresScreen"
    signal patientChosen(string patientId)

    // The measure shown in the chart and drilled into.
    property string selectedId: ""
    property string selectedLabel: ""
    property var selectedTrend: []
    property real selectedTarget: 0
    property bool selectedHasTarget: false
    property real selectedMax: 100

    background: Rectangle { color: Theme.background }

    MeasuresModel {
        id: measures
        objectName: "measuresModel"
        session: Session
        // Show the first measure's trend and patients at once; a tap shows another.
        onLoaded: {
            screen.selectedId = ""
            screen.selectedTrend = []
            if (measures.count > 0) {
                const first = measures.row(0)
                screen.select(first.measureId, first.label, first.trend, first.hasTarget, first.target, first.maxValue)
            } else {
                screen.drawChart()
            }
        }
    }

    function select(id: string, label: string, trend: var, hasTarget: bool, target: real, maxValue: real) {
        screen.selectedId = id
        screen.selectedLabel = label
        screen.selectedTrend = trend
        screen.selectedHasTarget = hasTarget
        screen.selectedTarget = target
        screen.selectedMax = maxValue
        measures.drillDown(id)
        screen.drawChart()
    }

    function drawChart() {
        trendSeries.clear()
        targetSeries.clear()
        for (let i = 0; i < screen.selectedTrend.length; ++i)
            trendSeries.append(i, screen.selectedTrend[i])
        if (screen.selectedHasTarget && screen.selectedTrend.length > 0) {
            targetSeries.append(0, screen.selectedTarget)
            targetSeries.append(screen.selectedTrend.length - 1, screen.selectedTarget)
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        ColumnLayout {
            Layout.preferredWidth: parent.width * 0.42
            Layout.fillHeight: true
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: measures.monthTitle
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                ComboBox {
                    objectName: "measuresPrescriber"
                    Layout.preferredHeight: Theme.minTouch
                    Layout.preferredWidth: 220
                    font.pixelSize: Theme.fontSmall
                    textRole: "label"
                    valueRole: "value"
                    model: measures.prescriberChoices
                    Accessible.name: qsTr("Show the measures for the whole clinic or one prescriber")
                    onActivated: measures.prescriber = currentValue
                }
            }
            Label {
                text: qsTr("%n patient(s) on long-term opioid therapy", "", measures.cotPatients)
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            Label {
                objectName: "measuresPolicyVersion"
                visible: measures.policyVersion !== ""
                text: qsTr("Definition, windows and targets: clinic policy %1").arg(measures.policyVersion)
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
            BusyIndicator {
                visible: measures.loading
                running: measures.loading
                Layout.alignment: Qt.AlignHCenter
                Accessible.name: qsTr("Computing the measures")
            }
            StatusBanner {
                visible: measures.error
                Layout.fillWidth: true
                kind: StatusBanner.Error
                text: measures.message
            }
            ListView {
                objectName: "measuresList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 6
                model: measures
                delegate: ItemDelegate {
                    id: tile
                    required property string measureId
                    required property string label
                    required property string valueText
                    required property string countText
                    required property string targetText
                    required property string statusText
                    required property bool hasTarget
                    required property bool meetsTarget
                    required property real target
                    required property real maxValue
                    required property var trend
                    width: ListView.view.width
                    height: Math.max(Theme.touchTarget, tile.implicitContentHeight + 12)
                    highlighted: screen.selectedId === tile.measureId
                    Accessible.name: qsTr("%1: %2, %3. %4. %5").arg(tile.label).arg(tile.valueText).arg(tile.countText).arg(tile.targetText).arg(tile.statusText)
                    onClicked: screen.select(tile.measureId, tile.label, tile.trend, tile.hasTarget, tile.target, tile.maxValue)
                    contentItem: ColumnLayout {
                        spacing: 2
                        RowLayout {
                            Label { text: tile.label; font.pixelSize: Theme.fontBody; Layout.fillWidth: true; elide: Text.ElideRight }
                            Label { text: tile.valueText; font.pixelSize: Theme.fontBody; font.bold: true }
                        }
                        RowLayout {
                            Label { text: tile.countText + " · " + tile.targetText; font.pixelSize: Theme.fontSmall; color: Theme.textMuted; Layout.fillWidth: true; elide: Text.ElideRight }
                            Label {
                                visible: tile.statusText !== ""
                                text: (tile.meetsTarget ? "✓ " : "⚠ ") + tile.statusText
                                font.pixelSize: Theme.fontSmall
                                color: tile.meetsTarget ? Theme.low : Theme.high
                            }
                        }
                    }
                }
                ScrollBar.vertical: ScrollBar { }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Label {
                visible: screen.selectedId === ""
                text: qsTr("Tap a measure to see its 12-month trend and its patients.")
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            ChartView {
                id: chart
                objectName: "measureChart"
                visible: screen.selectedId !== ""
                Layout.fillWidth: true
                Layout.preferredHeight: 360
                title: screen.selectedLabel
                titleFont.pixelSize: Theme.fontBody
                antialiasing: true
                legend.alignment: Qt.AlignBottom
                legend.font.pixelSize: Theme.fontSmall
                Accessible.role: Accessible.Chart
                Accessible.name: qsTr("12-month trend of %1").arg(screen.selectedLabel)

                BarCategoryAxis {
                    id: monthAxis
                    categories: measures.monthLabels
                    labelsFont.pixelSize: Theme.fontSmall
                    labelsAngle: -60
                    truncateLabels: false
                }
                // "ValuesAxis" is QtCharts' other name for ValueAxis; Qt 6.4's qmltypes lists the
                // class twice and qmllint only resolves this name.
                ValuesAxis {
                    id: valueAxis
                    min: 0
                    max: screen.selectedMax
                    labelFormat: "%.0f"
                    labelsFont.pixelSize: Theme.fontSmall
                }
                LineSeries {
                    id: trendSeries
                    name: qsTr("This clinic")
                    axisX: monthAxis
                    axisY: valueAxis
                    width: 3
                    color: Theme.accent
                    pointsVisible: true
                }
                LineSeries {
                    id: targetSeries
                    name: qsTr("Target")
                    axisX: monthAxis
                    axisY: valueAxis
                    style: Qt.DashLine
                    color: Theme.high
                    width: 2
                }
            }

            Label {
                objectName: "drillDownTitle"
                visible: screen.selectedId !== ""
                text: measures.drillDownTitle
                font.pixelSize: Theme.fontBody
                font.bold: true
            }
            ListView {
                objectName: "drillDownList"
                visible: screen.selectedId !== ""
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                reuseItems: true
                model: measures.drillDownPatients
                delegate: ItemDelegate {
                    id: person
                    required property string patientId
                    required property string name
                    required property string clinicId
                    required property string prescriber
                    width: ListView.view.width
                    height: Theme.touchTarget
                    font.pixelSize: Theme.fontBody
                    text: qsTr("%1 · %2 · %3").arg(person.name).arg(person.clinicId).arg(person.prescriber)
                    Accessible.name: qsTr("Open %1, %2").arg(person.name).arg(person.clinicId)
                    onClicked: screen.patientChosen(person.patientId)
                }
                ScrollBar.vertical: ScrollBar { }
            }
        }
    }
}
