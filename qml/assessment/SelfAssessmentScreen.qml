pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Cairn

// The clinic's Six Building Blocks self-assessment (every role): answering a round, item by item
// on a 1-4 scale with nothing chosen beforehand (Save only once every item is scored); the results,
// each block's average over the rounds as a chart and in words; and the action plan its low items
// turn into, kept by administrators and registry managers, with what is due for the user marked.
Page {
    id: screen
    objectName: "selfAssessmentScreen"

    enum Part { Answer, Results, ActionPlan }
    property int part: SelfAssessmentScreen.Answer

    background: Rectangle { color: Theme.background }

    // A list from C++ (a QVariantList) mapped item by item: JavaScript's Array.map, which qmllint
    // cannot see on that type.
    function each(list: var, f: var): var {
        const out = []
        for (let i = 0; i < list.length; ++i)
            out.push(f(list[i]))
        return out
    }

    SelfAssessmentModel {
        id: assessment
        objectName: "selfAssessmentModel"
        session: Session
        language: Language.current
        onSubmitted: screen.part = SelfAssessmentScreen.Results
        onResultsChanged: resultsChart.draw()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        ChoiceChips {
            id: partChoice
            objectName: "selfAssessmentParts"
            Layout.fillWidth: true
            label: qsTr("Self-assessment")
            model: [qsTr("Answer"), qsTr("Results"), qsTr("Action plan")]
            currentIndex: screen.part
            onActivated: index => screen.part = index
        }
        // A tap sets the chips' index itself; the part shown may also change after a save.
        Connections {
            target: screen
            function onPartChanged() { partChoice.currentIndex = screen.part }
        }
        StatusBanner {
            objectName: "selfAssessmentMessage"
            visible: assessment.message !== ""
            Layout.fillWidth: true
            kind: assessment.error ? StatusBanner.Error : StatusBanner.Success
            title: assessment.message
        }

        // --- answering a round -------------------------------------------------------------------
        ScrollView {
            visible: screen.part === SelfAssessmentScreen.Answer
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: Math.min(parent.width, Theme.readingWidth)
                spacing: Theme.spacingL

                Label {
                    Layout.fillWidth: true
                    text: qsTr("How far along is the clinic? Score each statement from 1 (%1) to 4 (%2). If in doubt, choose the lower score.")
                        .arg(assessment.levelLabels[0] ?? "").arg(assessment.levelLabels[3] ?? "")
                    font: Theme.bodyLarge
                    color: Theme.textOnSurface
                    wrapMode: Text.Wrap
                }
                FormField {
                    Layout.fillWidth: true
                    label: qsTr("Round (a period such as 2026-Q4)")
                    required: true
                    CTextField {
                        objectName: "selfAssessmentRound"
                        Layout.preferredWidth: Theme.fieldMedium
                        text: assessment.round
                        onTextEdited: assessment.round = text
                    }
                }
                Repeater {
                    model: assessment.items
                    delegate: ColumnLayout {
                        id: question
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: Theme.spacingS
                        Label {
                            visible: question.modelData.firstOfBlock
                            Layout.fillWidth: true
                            Layout.topMargin: Theme.spacing
                            text: question.modelData.blockTitle
                            font: Theme.titleMedium
                            color: Theme.textOnSurface
                            wrapMode: Text.Wrap
                            Accessible.role: Accessible.Heading
                        }
                        ScaleField {
                            id: scoreField
                            objectName: "score_" + question.modelData.itemId
                            buttonNamePrefix: "score_" + question.modelData.itemId + "_"
                            Layout.fillWidth: true
                            question: question.modelData.text
                            from: 1
                            to: 4
                            lowAnchor: assessment.levelLabels[0] ?? ""
                            highAnchor: assessment.levelLabels[3] ?? ""
                            value: assessment.scoreOf(question.modelData.itemId)
                            onChosen: v => assessment.setScore(question.modelData.itemId, v)
                            Connections {
                                target: assessment
                                // After a save the answers start empty again.
                                function onScoresChanged() { scoreField.value = assessment.scoreOf(question.modelData.itemId) }
                            }
                        }
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        objectName: "selfAssessmentProgress"
                        Layout.fillWidth: true
                        text: qsTr("%1 of %2 answered").arg(assessment.answeredCount).arg(assessment.itemCount)
                        font: Theme.bodyMedium
                        color: Theme.textOnSurfaceVariant
                        wrapMode: Text.Wrap
                    }
                    CButton {
                        objectName: "saveSelfAssessment"
                        variant: CButton.Filled
                        text: assessment.loading ? qsTr("Saving…") : qsTr("Save my answers")
                        enabled: assessment.complete && !assessment.loading && assessment.round.trim() !== ""
                        disabledReason: assessment.complete ? "" : qsTr("Score every statement first")
                        onClicked: assessment.submit()
                    }
                }
            }
        }

        // --- results over the rounds -------------------------------------------------------------
        ScrollView {
            visible: screen.part === SelfAssessmentScreen.Results
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing

                EmptyState {
                    visible: assessment.rounds.length === 0
                    Layout.fillWidth: true
                    title: qsTr("No round answered yet")
                    text: qsTr("The averages show here once staff have answered.")
                }
                Repeater {
                    model: assessment.rounds
                    delegate: Label {
                        id: roundRow
                        required property var modelData
                        Layout.fillWidth: true
                        text: qsTr("%1: %n respondent(s) (%2)", "", roundRow.modelData.respondents)
                            .arg(roundRow.modelData.round).arg(roundRow.modelData.byRole)
                        font: Theme.bodyMedium
                        color: Theme.textOnSurfaceVariant
                        wrapMode: Text.Wrap
                    }
                }
                ChartView {
                    id: resultsChart
                    objectName: "selfAssessmentChart"
                    visible: assessment.rounds.length > 0
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.chartWithLegend
                    readonly property string caption: qsTr("Average score of each building block, by round")
                    title: resultsChart.caption
                    titleFont.pixelSize: Theme.fontBody
                    antialiasing: true
                    legend.alignment: Qt.AlignBottom
                    legend.font.pixelSize: Theme.fontSmall
                    Accessible.role: Accessible.Chart
                    Accessible.name: resultsChart.caption

                    // One line per block over the rounds, made again whenever the results change.
                    function draw() {
                        resultsChart.removeAllSeries()
                        roundAxis.categories = screen.each(assessment.rounds, r => r.round)
                        const styles = [Qt.SolidLine, Qt.DashLine, Qt.DotLine, Qt.DashDotLine, Qt.SolidLine, Qt.DashLine]
                        for (let b = 0; b < assessment.blocks.length; ++b) {
                            const block = assessment.blocks[b]
                            const line = resultsChart.createSeries(ChartView.SeriesTypeLine, block.title, roundAxis, scoreAxis)
                            line.width = 3
                            line.style = styles[b]
                            line.pointsVisible = true
                            for (let i = 0; i < block.averages.length; ++i)
                                line.append(i, block.averages[i])
                        }
                    }
                    BarCategoryAxis {
                        id: roundAxis
                        labelsFont.pixelSize: Theme.fontSmall
                    }
                    ValuesAxis {
                        id: scoreAxis
                        min: 1
                        max: 4
                        tickCount: 4
                        labelFormat: "%.0f"
                        labelsFont.pixelSize: Theme.fontSmall
                    }
                }
                Repeater {
                    model: assessment.blocks
                    delegate: ListRow {
                        id: blockRow
                        required property var modelData
                        objectName: "blockAverage_" + blockRow.modelData.blockId
                        visible: assessment.rounds.length > 0
                        Layout.fillWidth: true
                        showChevron: false
                        title: blockRow.modelData.title
                        meta: blockRow.modelData.summary
                        Label {
                            text: blockRow.modelData.latest
                            font: Theme.titleMedium
                            color: Theme.textOnSurface
                        }
                    }
                }
            }
        }

        // --- the action plan ---------------------------------------------------------------------
        ScrollView {
            visible: screen.part === SelfAssessmentScreen.ActionPlan
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: Math.min(parent.width, Theme.readingWidth)
                spacing: Theme.spacing

                EmptyState {
                    visible: assessment.actionItems.length === 0
                    Layout.fillWidth: true
                    title: qsTr("The action plan is empty")
                    text: qsTr("Statements that average 2 or less in the latest round can be added here.")
                }
                Repeater {
                    model: assessment.actionItems
                    delegate: ListRow {
                        id: actionRow
                        required property var modelData
                        objectName: "actionItem_" + actionRow.modelData.itemId
                        Layout.fillWidth: true
                        showChevron: false
                        title: actionRow.modelData.action
                        meta: qsTr("%1 · due %2 · %3").arg(actionRow.modelData.owner).arg(actionRow.modelData.due)
                            .arg(actionRow.modelData.status === SelfAssessmentModel.Done ? qsTr("done")
                                 : actionRow.modelData.status === SelfAssessmentModel.Dropped ? qsTr("dropped") : qsTr("open"))
                        detail: actionRow.modelData.dueForMe ? qsTr("Due for you: %1").arg(actionRow.modelData.itemText)
                                                             : actionRow.modelData.itemText
                        detailUrgent: actionRow.modelData.dueForMe
                        CButton {
                            objectName: "actionDone_" + actionRow.modelData.itemId
                            visible: assessment.canKeepPlan && actionRow.modelData.status === SelfAssessmentModel.Open
                            variant: CButton.Tonal
                            text: qsTr("Mark done")
                            onClicked: assessment.setActionStatus(actionRow.modelData.id, SelfAssessmentModel.Done)
                        }
                        CButton {
                            objectName: "actionEdit_" + actionRow.modelData.itemId
                            visible: assessment.canKeepPlan && actionRow.modelData.status === SelfAssessmentModel.Open
                            variant: CButton.Outlined
                            text: qsTr("Change")
                            onClicked: actionForm.edit(actionRow.modelData)
                        }
                        CButton {
                            visible: assessment.canKeepPlan && actionRow.modelData.status === SelfAssessmentModel.Open
                            variant: CButton.Text
                            text: qsTr("Drop")
                            onClicked: assessment.setActionStatus(actionRow.modelData.id, SelfAssessmentModel.Dropped)
                        }
                    }
                }

                Card {
                    id: actionForm
                    objectName: "addActionItem"
                    // The item being edited ("" when adding one from the latest round's candidates).
                    property string editingId: ""
                    readonly property bool editing: actionForm.editingId !== ""
                    readonly property bool fieldsShown: actionForm.editing || assessment.candidates.length > 0

                    function edit(entry: var) {
                        actionForm.editingId = entry.id
                        actionText.text = entry.action
                        ownerChoice.currentIndex = screen.each(assessment.ownerRoleChoices, c => c.role).indexOf(entry.ownerRole)
                        dueDate.date = dueDate.parseIso(entry.dueIso)
                    }
                    function clear() {
                        actionForm.editingId = ""
                        candidateChoice.currentIndex = -1
                        actionText.text = ""
                        ownerChoice.currentIndex = -1
                        dueDate.date = new Date(NaN)
                    }

                    visible: assessment.canKeepPlan
                    Layout.fillWidth: true
                    title: actionForm.editing ? qsTr("Change the action-plan item") : qsTr("Add to the action plan")

                    Connections {
                        target: assessment
                        function onActionSaved() { actionForm.clear() }
                    }
                    Label {
                        visible: !actionForm.fieldsShown
                        Layout.fillWidth: true
                        text: qsTr("No statement averages 2 or less in the latest round.")
                        font: Theme.bodyMedium
                        color: Theme.textOnSurfaceVariant
                        wrapMode: Text.Wrap
                    }
                    FormField {
                        visible: !actionForm.editing && assessment.candidates.length > 0
                        Layout.fillWidth: true
                        label: qsTr("Statement")
                        required: true
                        ChoiceChips {
                            id: candidateChoice
                            objectName: "actionCandidate"
                            Layout.fillWidth: true
                            label: qsTr("Statement")
                            model: screen.each(assessment.candidates, c => ({ text: qsTr("%1 (%2)").arg(c.text).arg(c.average), itemId: c.itemId }))
                        }
                    }
                    FormField {
                        visible: actionForm.fieldsShown
                        Layout.fillWidth: true
                        label: qsTr("What will be done")
                        required: true
                        CTextField { id: actionText; objectName: "actionText"; Layout.fillWidth: true }
                    }
                    FormField {
                        visible: actionForm.fieldsShown
                        Layout.fillWidth: true
                        label: qsTr("Owner")
                        required: true
                        ChoiceChips {
                            id: ownerChoice
                            objectName: "actionOwner"
                            Layout.fillWidth: true
                            label: qsTr("Owner")
                            model: assessment.ownerRoleChoices
                        }
                    }
                    DateField {
                        id: dueDate
                        objectName: "actionDue"
                        visible: actionForm.fieldsShown
                        Layout.fillWidth: true
                        label: qsTr("Due")
                    }
                    RowLayout {
                        visible: actionForm.fieldsShown
                        Layout.fillWidth: true
                        CButton {
                            objectName: "addActionButton"
                            variant: CButton.Filled
                            text: actionForm.editing ? qsTr("Save changes") : qsTr("Add")
                            enabled: !assessment.loading && (actionForm.editing || candidateChoice.currentItem !== undefined)
                                     && actionText.text.trim() !== "" && ownerChoice.currentItem !== undefined && dueDate.hasDate
                            disabledReason: qsTr("Choose a statement, say what will be done, an owner and a due date")
                            onClicked: {
                                if (actionForm.editing)
                                    assessment.updateActionItem(actionForm.editingId, actionText.text, ownerChoice.currentItem.role, dueDate.isoDate)
                                else
                                    assessment.addActionItem(candidateChoice.currentItem.itemId, actionText.text, ownerChoice.currentItem.role, dueDate.isoDate)
                            }
                        }
                        CButton {
                            visible: actionForm.editing
                            variant: CButton.Text
                            text: qsTr("Cancel")
                            onClicked: actionForm.clear()
                        }
                    }
                }
            }
        }
    }
}
