pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Cairn

// The monthly measures (Building Block 6) for the clinic or one prescriber: each measure with its
// value, target and status in words; the chosen measure's 12-month trend beside its target line;
// and its patients to act on (MeasuresModel.drillDown), each opening the patient. Landscape: the
// list and the chosen measure side by side. Portrait: one column; a tap opens the measure's page.
Page {
    id: screen
    objectName: "measuresScreen"
    signal patientChosen(string patientId)
    // Open the clinic's Six Building Blocks self-assessment.
    signal selfAssessmentRequested()
    // Open the monthly leadership report.
    signal monthlyReportRequested()

    // The measure shown in the chart and drilled into.
    property string selectedId: ""
    property string selectedLabel: ""
    property var selectedTrend: []
    property real selectedTarget: 0
    property bool selectedHasTarget: false
    property real selectedMax: 100
    // Two columns when there is room for both (landscape); one column otherwise.
    readonly property bool wide: width >= 900

    background: Rectangle { color: Theme.background }

    MeasuresModel {
        id: measures
        objectName: "measuresModel"
        session: Session
        // A new month's figures keep the measure shown; landscape shows the first at once.
        onLoaded: {
            const shown = screen.selectedId
            screen.selectedId = ""
            screen.selectedTrend = []
            for (let i = 0; i < measures.count; ++i) {
                const measure = measures.row(i)
                if (measure.measureId === shown || (shown === "" && screen.wide && i === 0)) {
                    screen.select(measure.measureId, measure.label, measure.trend, measure.hasTarget, measure.target,
                                  measure.maxValue)
                    break
                }
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
    }

    // A tap on a measure: beside the list in landscape, its own page in portrait.
    function open(id: string, label: string, trend: var, hasTarget: bool, target: real, maxValue: real) {
        screen.select(id, label, trend, hasTarget, target, maxValue)
        if (!screen.wide)
            screen.StackView.view?.push(measurePageComponent)
    }

    // Turned to landscape with a measure's page open: the measure shows beside the list instead.
    // Only that page: another screen opened from here (the self-assessment) stays open.
    onWideChanged: {
        const view = screen.StackView.view
        if (screen.wide && view && view.currentItem && view.currentItem.objectName === "measurePage")
            view.pop(screen, StackView.Immediate)
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        ColumnLayout {
            Layout.preferredWidth: screen.wide ? parent.width * 0.42 : parent.width
            Layout.fillWidth: !screen.wide
            Layout.fillHeight: true
            spacing: Theme.spacing

            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label {
                    text: measures.monthTitle
                    font: Theme.titleMedium
                    color: Theme.textOnSurface
                    width: Math.min(implicitWidth, parent.width)
                    height: Theme.control
                    verticalAlignment: Text.AlignVCenter
                    wrapMode: Text.Wrap
                }
                CButton {
                    objectName: "measuresSelfAssessment"
                    variant: CButton.Outlined
                    text: qsTr("Self-assessment")
                    onClicked: screen.selfAssessmentRequested()
                }
                CButton {
                    objectName: "measuresMonthlyReport"
                    variant: CButton.Outlined
                    visible: Permissions.offers(Session.role, "monthly_report")
                    text: qsTr("Monthly report")
                    onClicked: screen.monthlyReportRequested()
                }
                ComboBox {
                    objectName: "measuresPrescriber"
                    height: Theme.minTouch
                    width: Math.min(Theme.fieldMedium, parent.width)
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
                font: Theme.bodyMedium
                color: Theme.textOnSurfaceVariant
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "measuresPolicyVersion"
                visible: measures.policyVersion !== ""
                text: qsTr("Definition, windows and targets: clinic policy %1").arg(measures.policyVersion)
                font: Theme.bodyMedium
                color: Theme.textOnSurfaceVariant
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
                    objectName: "measure_" + tile.measureId
                    width: ListView.view.width
                    implicitHeight: Math.max(Theme.rowMin, tile.implicitContentHeight + topPadding + bottomPadding)
                    topPadding: Theme.spacingS
                    bottomPadding: Theme.spacingS
                    leftPadding: Theme.spacingL
                    rightPadding: Theme.spacingS
                    highlighted: screen.wide && screen.selectedId === tile.measureId
                    Accessible.name: qsTr("%1: %2, %3. %4. %5").arg(tile.label).arg(tile.valueText).arg(tile.countText).arg(tile.targetText).arg(tile.statusText)
                    onClicked: screen.open(tile.measureId, tile.label, tile.trend, tile.hasTarget, tile.target, tile.maxValue)
                    background: Rectangle {
                        color: tile.down ? Theme.surfaceContainer : tile.highlighted ? Theme.primaryContainer : Theme.surface
                        Rectangle {
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.bottom: parent.bottom
                            height: 1
                            color: Theme.outlineVariant
                        }
                        // The chosen measure also has a bar at its edge: not told by colour alone.
                        Rectangle {
                            visible: tile.highlighted
                            width: Theme.focusRing
                            height: parent.height
                            color: Theme.primary
                        }
                    }
                    // qmllint disable deferred-property-id
                    contentItem: RowLayout {
                        spacing: Theme.spacingM
                        ColumnLayout {
                            spacing: 2
                            Layout.fillWidth: true
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacingS
                                Label {
                                    text: tile.label
                                    font: Theme.titleMedium
                                    color: Theme.textOnSurface
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Label {
                                    text: tile.valueText
                                    font: Theme.titleMedium
                                    color: Theme.textOnSurface
                                    Layout.alignment: Qt.AlignTop
                                }
                            }
                            Label {
                                text: Theme.joinParts([tile.countText, tile.targetText], " · ")
                                font: Theme.bodyMedium
                                color: Theme.textOnSurfaceVariant
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            RowLayout {
                                visible: tile.statusText !== ""
                                spacing: Theme.spacingXs
                                Icon {
                                    glyph: tile.meetsTarget ? Icon.Success : Icon.Warning
                                    color: tile.meetsTarget ? Theme.success : Theme.warning
                                    size: Theme.iconSmall
                                }
                                Label {
                                    text: tile.statusText
                                    font: Theme.bodyMedium
                                    color: tile.meetsTarget ? Theme.success : Theme.warning
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                            }
                        }
                        Icon {
                            visible: !screen.wide
                            glyph: Icon.ChevronRight
                            color: Theme.textOnSurfaceVariant
                        }
                    }
                }
                ScrollBar.vertical: ScrollBar { }
            }
        }

        // Landscape: the chosen measure beside the list. (Not through a Loader: Qt 6.4 cannot
        // instantiate a bound component outside its creation context.)
        MeasureDetail {
            visible: screen.wide
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }

    // Portrait: the chosen measure on its own page, titled with its name in the app bar.
    Component {
        id: measurePageComponent
        Page {
            objectName: "measurePage"
            title: screen.selectedLabel
            background: Rectangle { color: Theme.background }
            MeasureDetail {
                anchors.fill: parent
                anchors.margins: Theme.margin
            }
        }
    }

    // The chosen measure: its 12-month trend against the target, and its patients to act on.
    component MeasureDetail: ColumnLayout {
        id: detail
        spacing: Theme.spacing

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
        Component.onCompleted: detail.drawChart()
        Connections {
            target: screen
            function onSelectedTrendChanged() { detail.drawChart() }
        }

        Label {
            visible: screen.selectedId === ""
            text: qsTr("Tap a measure to see its 12-month trend and its patients.")
            font: Theme.bodyLarge
            color: Theme.textOnSurfaceVariant
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ChartView {
            objectName: "measureChart"
            visible: screen.selectedId !== ""
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.chart
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
            font: Theme.titleMedium
            color: Theme.textOnSurface
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
        }
        ListView {
            objectName: "drillDownList"
            visible: screen.selectedId !== ""
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: Theme.rowMin
            clip: true
            reuseItems: true
            model: measures.drillDownPatients
            delegate: ListRow {
                id: person
                required property string patientId
                required property string name
                required property string clinicId
                required property string prescriber
                objectName: "drillDownRow_" + person.patientId
                width: ListView.view.width
                title: person.name
                meta: Theme.joinParts([person.clinicId, person.prescriber], " · ")
                Accessible.name: qsTr("Open %1, %2").arg(person.name).arg(person.clinicId)
                onClicked: screen.patientChosen(person.patientId)
            }
            ScrollBar.vertical: ScrollBar { }
        }
    }
}
