pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Cairn

// One patient (tablet-ux §4.5): a banner that never scrolls away (who, tier, MME, the role's next
// action) over tabs that each scroll on their own. Summary: the open gaps as action cards and the
// patient at a glance. Rooming: the rooming flow. Visit: the clinician's prompts and decisions.
// History: every record with its versions, corrections and withdrawals, and the trends. The tabs a
// role gets and the one it opens on come from PatientTabs (C++), never from a role name here.
Page {
    id: screen
    objectName: "patientScreen"
    required property string patientId
    // A form for one kind of record ("visit", "opioid", ...; "patient" edits the details); with
    // `correcting`, the record it changes.
    signal recordFormRequested(string kind, string patientId, string correcting)
    // A new record's form with some fields already given (`presets`: field name to value), e.g. the
    // referral trigger a decision not to refer answers, taken from the gap being answered.
    signal presetFormRequested(string kind, string patientId, var presets)
    signal agreementRequested(string patientId, string patientName, string language)
    signal refillRequested(string patientId, string patientName)
    signal caseSummaryRequested(string patientId)
    title: patient.name

    // PatientTabs.Tab values in the order the bar shows them; the one shown.
    readonly property var tabs: PatientTabs.tabs(Session.role)
    property int currentTab: PatientTabs.openingTab(Session.role)
    onCurrentTabChanged: if (screen.currentTab === PatientTabs.Rooming) roomingTab.opened = true
    Component.onCompleted: if (screen.currentTab === PatientTabs.Rooming) roomingTab.opened = true
    readonly property int nextAction: PatientTabs.nextAction(Session.role)
    readonly property bool wide: screen.width >= 1000
    readonly property int pageMargin: screen.wide ? Theme.pageMarginWide : Theme.pageMarginNarrow

    function hasTab(tab: int): bool {
        return screen.tabs.indexOf(tab) >= 0
    }
    // Untyped: the screenshot tour and tests call it through the meta-object with a QVariant.
    function showTab(tab) {
        if (screen.hasTab(tab))
            screen.currentTab = tab
    }

    background: Rectangle { color: Theme.background }

    PatientViewModel {
        id: patient
        objectName: "patientViewModel"
        session: Session
        patientId: screen.patientId
        onChanged: screen.drawCharts()
        onSaved: {
            if (!pegSheet.saving)
                return
            pegSheet.saving = false
            pegSheet.close()
            undoBar.offer(qsTr("PEG %1·%2·%3 saved for %4").arg(pegEntry.pain).arg(pegEntry.enjoyment)
                          .arg(pegEntry.activity).arg(patient.name), () => patient.undoPeg())
        }
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

    // Whether this role can take the action that closes a gap, and taking it.
    function gapActionAllowed(action: int, kind: string): bool {
        switch (action) {
        case GapListModel.RecordForm: return Permissions.canRecord(Session.role, kind)
        case GapListModel.RecordPeg: return Permissions.canRecord(Session.role, "peg")
        case GapListModel.SignAgreement: return Permissions.canRecord(Session.role, "agreement")
        case GapListModel.OpenRooming: return screen.hasTab(PatientTabs.Rooming)
        case GapListModel.OpenVisit: return screen.hasTab(PatientTabs.Visit)
        }
        return false
    }
    function takeGapAction(action: int, kind: string) {
        switch (action) {
        // An intake is continued: its form corrects the intake in force.
        case GapListModel.RecordForm: screen.recordFormRequested(kind, screen.patientId, kind === "intake" ? patient.intakeId : ""); break
        case GapListModel.RecordPeg: pegSheet.start(); break
        case GapListModel.SignAgreement: screen.agreementRequested(screen.patientId, patient.name, patient.language); break
        case GapListModel.OpenRooming: screen.showTab(PatientTabs.Rooming); break
        case GapListModel.OpenVisit: screen.showTab(PatientTabs.Visit); break
        }
    }
    function takeNextAction() {
        switch (screen.nextAction) {
        case PatientTabs.StartRooming: screen.showTab(PatientTabs.Rooming); break
        case PatientTabs.RecordPeg: pegSheet.start(); break
        case PatientTabs.OpenVisit: screen.showTab(PatientTabs.Visit); break
        case PatientTabs.CheckRefill: screen.refillRequested(screen.patientId, patient.name); break
        }
    }

    header: ColumnLayout {
        spacing: 0
        PatientBanner {
            Layout.fillWidth: true
            name: patient.name
            birthDateText: patient.birthDateText
            clinicId: patient.clinicId
            prescriber: patient.prescriber
            languageLabel: patient.languageLabel
            tierLabel: patient.tierLabel
            highRisk: patient.highRisk
            mmeText: patient.mmeText
            bandLabel: patient.bandLabel
            caution: patient.caution
            // Hidden while its tab is the one shown: the button would do nothing visible.
            actionText: {
                switch (screen.nextAction) {
                case PatientTabs.StartRooming:
                    return screen.currentTab === PatientTabs.Rooming ? "" : qsTr("Start rooming")
                case PatientTabs.RecordPeg:
                    return Permissions.canRecord(Session.role, "peg") ? qsTr("Record PEG") : ""
                case PatientTabs.OpenVisit:
                    return screen.currentTab === PatientTabs.Visit ? "" : qsTr("Open the visit")
                case PatientTabs.CheckRefill:
                    return qsTr("Refill request")
                }
                return ""
            }
            actionName: ["", "startRooming", "recordPeg", "openVisit", "checkRefill"][screen.nextAction]
            actionAccessibleName: screen.nextAction === PatientTabs.StartRooming ? qsTr("Start rooming %1").arg(patient.name)
                                  : screen.nextAction === PatientTabs.RecordPeg ? qsTr("Record a PEG score for %1").arg(patient.name)
                                  : actionText
            onActionTriggered: screen.takeNextAction()
        }
        StatusBanner {
            objectName: "suicideRiskBanner"
            visible: patient.suicideRiskAlert
            Layout.fillWidth: true
            kind: StatusBanner.Error
            title: qsTr("Urgent")
            text: qsTr("The latest PHQ-9 item 9 answer is above zero. Assess safety before the patient leaves.")
        }
        TabBar {
            id: tabBar
            objectName: "patientTabs"
            Layout.fillWidth: true
            currentIndex: screen.tabs.indexOf(screen.currentTab)
            background: Rectangle {
                color: Theme.surface
                Rectangle {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    height: 1
                    color: Theme.outlineVariant
                }
            }
            Repeater {
                model: screen.tabs
                delegate: TabButton {
                    id: tabButton
                    required property int modelData
                    readonly property bool current: screen.currentTab === tabButton.modelData
                    objectName: ["tab_summary", "tab_rooming", "tab_visit", "tab_history"][tabButton.modelData]
                    text: [qsTr("Summary"), qsTr("Rooming"), qsTr("Visit"), qsTr("History")][tabButton.modelData]
                    implicitHeight: Theme.controlLarge
                    font: Theme.labelLarge
                    Accessible.role: Accessible.PageTab
                    Accessible.name: tabButton.text
                    onClicked: screen.currentTab = tabButton.modelData
                    contentItem: Label {
                        text: tabButton.text
                        font.pixelSize: tabButton.font.pixelSize
                        // Bold and underlined when chosen: never colour alone.
                        font.weight: tabButton.current ? Font.Bold : Font.Medium
                        color: tabButton.current ? Theme.primary : Theme.textOnSurfaceVariant
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        wrapMode: Text.Wrap
                    }
                    background: Rectangle {
                        color: tabButton.down ? Theme.surfaceContainer : Theme.surface
                        Rectangle {
                            visible: tabButton.current
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.bottom: parent.bottom
                            height: 3
                            color: Theme.primary
                        }
                    }
                }
            }
        }
    }

    StackLayout {
        anchors.fill: parent
        // In PatientTabs.Tab order.
        currentIndex: screen.currentTab

        // --- Summary ---------------------------------------------------------------------------
        ScrollView {
            objectName: "summaryTab"
            contentWidth: availableWidth
            clip: true

            GridLayout {
                width: parent.width - 2 * screen.pageMargin
                x: screen.pageMargin
                columns: screen.wide ? 2 : 1
                columnSpacing: Theme.spacingXl
                rowSpacing: Theme.spacingM

                // Needs attention: each open gap as a card with what closes it.
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 3
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: Theme.spacingL
                    spacing: Theme.spacingM

                    StatusBanner {
                        visible: patient.message !== ""
                        objectName: "patientMessage"
                        Layout.fillWidth: true
                        text: patient.message
                        kind: patient.error ? StatusBanner.Error : StatusBanner.Success
                    }
                    StatusBanner {
                        objectName: "inactiveBanner"
                        visible: patient.inactiveText !== ""
                        Layout.fillWidth: true
                        kind: StatusBanner.Info
                        title: patient.inactiveText
                        text: qsTr("Kept in the registry; not in the huddle, worklists or measures.")
                    }
                    Label {
                        text: qsTr("Needs attention")
                        font: Theme.titleLarge
                        color: Theme.textOnSurface
                        Accessible.role: Accessible.Heading
                    }
                    EmptyState {
                        visible: patient.loaded && gapRepeater.count === 0
                        Layout.fillWidth: true
                        glyph: Icon.Success
                        title: qsTr("No open care gaps: everything is up to date under the clinic's policy.")
                    }
                    Repeater {
                        id: gapRepeater
                        objectName: "gapCards"
                        model: patient.gaps
                        delegate: Card {
                            id: gapCard
                            required property string code
                            required property string label
                            required property string severity
                            required property string reason
                            required property string dueLabel
                            required property string ownerLabel
                            required property int action
                            required property string actionKind
                            required property string actionLabel
                            required property var triggers
                            required property var tasks
                            readonly property bool actionable: gapCard.actionLabel !== ""
                                                               && screen.gapActionAllowed(gapCard.action, gapCard.actionKind)
                            objectName: "gapCard_" + gapCard.code
                            Layout.fillWidth: true
                            title: gapCard.label
                            Accessible.name: Theme.joinParts([gapCard.label, gapCard.reason, gapCard.dueLabel, gapCard.ownerLabel], ". ")
                            Flow {
                                Layout.fillWidth: true
                                spacing: Theme.spacingS
                                GapChip {
                                    id: dueChip
                                    label: gapCard.dueLabel !== "" ? gapCard.dueLabel : dueChip.levelName
                                    severity: gapCard.severity
                                }
                                Label {
                                    visible: gapCard.ownerLabel !== ""
                                    text: gapCard.ownerLabel
                                    font: Theme.bodyMedium
                                    color: Theme.textOnSurfaceVariant
                                    height: Theme.control
                                    verticalAlignment: Text.AlignVCenter
                                }
                            }
                            Label {
                                text: gapCard.reason
                                font: Theme.bodyMedium
                                color: Theme.textOnSurface
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            CButton {
                                objectName: "gapAction_" + gapCard.code
                                visible: gapCard.actionable
                                variant: CButton.Tonal
                                text: gapCard.actionLabel
                                Accessible.name: qsTr("%1: %2").arg(gapCard.actionLabel).arg(gapCard.label)
                                onClicked: screen.takeGapAction(gapCard.action, gapCard.actionKind)
                            }
                            // REFERRAL_NEEDED: each unanswered trigger may be answered by a decision not to refer.
                            Repeater {
                                model: Permissions.canRecord(Session.role, "no_referral") ? gapCard.triggers : []
                                delegate: CButton {
                                    id: noReferral
                                    required property var modelData
                                    objectName: "noReferral_" + noReferral.modelData.value
                                    variant: CButton.Outlined
                                    text: gapCard.triggers.length > 1 ? qsTr("Decide not to refer: %1").arg(noReferral.modelData.label)
                                                                      : qsTr("Decide not to refer")
                                    Accessible.name: qsTr("Decide not to refer: %1").arg(noReferral.modelData.label)
                                    onClicked: screen.presetFormRequested("no_referral", screen.patientId,
                                                                          { trigger: noReferral.modelData.value })
                                }
                            }
                            // TASK_OVERDUE: each overdue task, marked done here as on Today.
                            Repeater {
                                model: Permissions.canRecord(Session.role, "task") ? gapCard.tasks : []
                                delegate: RowLayout {
                                    id: overdueTask
                                    required property var modelData
                                    Layout.fillWidth: true
                                    spacing: Theme.spacingS
                                    Label {
                                        text: qsTr("%1 · %2").arg(overdueTask.modelData.text).arg(overdueTask.modelData.dueLabel)
                                        font: Theme.bodyMedium
                                        color: Theme.textOnSurface
                                        wrapMode: Text.Wrap
                                        Layout.fillWidth: true
                                    }
                                    CButton {
                                        objectName: "markTaskDone_" + overdueTask.modelData.taskId
                                        variant: CButton.Tonal
                                        text: qsTr("Mark done")
                                        enabled: !patient.loading
                                        Accessible.name: qsTr("Mark done: %1").arg(overdueTask.modelData.text)
                                        onClicked: patient.markTaskDone(overdueTask.modelData.taskId)
                                    }
                                }
                            }
                        }
                    }
                }

                // At a glance: the facts a visit starts from, and what this role may add.
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 2
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: screen.wide ? Theme.spacingL : 0
                    Layout.bottomMargin: Theme.spacingXl
                    spacing: Theme.spacingM

                    Card {
                        objectName: "atAGlance"
                        Layout.fillWidth: true
                        title: qsTr("At a glance")
                        Label {
                            objectName: "ltotStatus"
                            text: patient.ltotText
                            visible: text !== ""
                            font: Theme.bodyMedium
                            color: Theme.textOnSurface
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                        }
                        // Opioid use disorder and its treatment, said apart from long-term therapy.
                        Label {
                            objectName: "oudStatus"
                            text: patient.oudText
                            visible: text !== ""
                            font: Theme.bodyMedium
                            color: Theme.textOnSurface
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                        }
                        Label {
                            objectName: "moudStatus"
                            text: patient.moudText
                            visible: text !== ""
                            font: Theme.bodyMedium
                            color: Theme.textOnSurface
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                        }
                        Label {
                            objectName: "intakeStatus"
                            text: patient.intakeText
                            visible: text !== ""
                            font: Theme.bodyMedium
                            color: Theme.textOnSurface
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                        }
                        CButton {
                            objectName: "continueIntake"
                            visible: patient.intakeId !== "" && Permissions.canRecord(Session.role, "intake")
                            variant: CButton.Tonal
                            text: qsTr("Continue the intake")
                            onClicked: screen.recordFormRequested("intake", screen.patientId, patient.intakeId)
                        }
                        Label {
                            objectName: "pegTrendText"
                            Layout.fillWidth: true
                            text: patient.pegTrendText
                            visible: text !== ""
                            wrapMode: Text.Wrap
                            font: Theme.bodyMedium
                            color: Theme.textOnSurface
                        }
                        Label {
                            text: qsTr("Current regimen")
                            font: Theme.titleMedium
                            color: Theme.textOnSurface
                        }
                        Repeater {
                            model: patient.regimen
                            delegate: Label {
                                required property string modelData
                                text: "• " + modelData
                                font: Theme.bodyMedium
                                color: Theme.textOnSurface
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                        Label {
                            visible: carePlanRepeater.count > 0
                            text: qsTr("Care plan")
                            font: Theme.titleMedium
                            color: Theme.textOnSurface
                        }
                        Repeater {
                            id: carePlanRepeater
                            objectName: "carePlan"
                            model: patient.carePlan
                            delegate: Label {
                                required property string modelData
                                text: modelData
                                font: Theme.bodyMedium
                                color: Theme.textOnSurface
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }

                    // Referrals, open ones first: where to, what was asked, how far it has got, and the
                    // moves its status allows (for whoever may move referrals on).
                    Card {
                        objectName: "referrals"
                        visible: patient.referrals.length > 0
                        Layout.fillWidth: true
                        title: qsTr("Referrals")
                        Repeater {
                            model: patient.referrals
                            delegate: ColumnLayout {
                                id: referral
                                required property var modelData
                                objectName: "referral_" + referral.modelData.referralId
                                spacing: Theme.spacingXs
                                Layout.fillWidth: true
                                Label {
                                    text: qsTr("%1 · %2 · %3").arg(referral.modelData.destination)
                                                              .arg(referral.modelData.statusLabel)
                                                              .arg(referral.modelData.urgencyLabel)
                                    font: Theme.titleMedium
                                    color: Theme.textOnSurface
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Label {
                                    visible: referral.modelData.question !== ""
                                    text: referral.modelData.question
                                    font: Theme.bodyMedium
                                    color: Theme.textOnSurface
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Label {
                                    objectName: "referralFollowUp"
                                    visible: referral.modelData.followUpText !== ""
                                    text: referral.modelData.followUpText
                                    font: Theme.bodyMedium
                                    color: referral.modelData.overdue ? Theme.error : Theme.textOnSurfaceVariant
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Flow {
                                    visible: Permissions.canRecord(Session.role, "referral")
                                    spacing: Theme.spacingS
                                    Layout.fillWidth: true
                                    Repeater {
                                        model: referral.modelData.next
                                        delegate: CButton {
                                            id: move
                                            required property var modelData
                                            objectName: "referralMove_" + move.modelData.value
                                            variant: CButton.Outlined
                                            text: move.modelData.label
                                            enabled: !patient.loading
                                            Accessible.name: qsTr("Mark the referral to %1 as %2").arg(referral.modelData.destination).arg(move.modelData.label)
                                            onClicked: patient.moveReferral(referral.modelData.referralId, move.modelData.value)
                                        }
                                    }
                                }
                            }
                        }
                    }

                    // What this role may add to the record, each a form (nothing in it is pre-filled).
                    Card {
                        Layout.fillWidth: true
                        title: qsTr("Add to the record")
                        Flow {
                            objectName: "addToRecord"
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            Repeater {
                                // Names marked with QT_TR_NOOP and translated in the delegate, so a
                                // language switch never rebuilds the model (Qt 6.4's layouts have
                                // crashed positioning delegates a rebuilt model destroyed).
                                model: [
                                    { kind: "visit", text: QT_TR_NOOP("Book a visit") },
                                    { kind: "opioid", text: QT_TR_NOOP("Start an opioid") },
                                    { kind: "benzodiazepine", text: QT_TR_NOOP("Record a sedative") },
                                    { kind: "uds", text: QT_TR_NOOP("Urine drug test") },
                                    { kind: "naloxone", text: QT_TR_NOOP("Naloxone") },
                                    { kind: "risk_tier", text: QT_TR_NOOP("Set the risk tier") },
                                    { kind: "ltot_decision", text: QT_TR_NOOP("Long-term therapy decision") },
                                    { kind: "intake", text: QT_TR_NOOP("New-patient intake") },
                                    { kind: "oud_assessment", text: QT_TR_NOOP("Opioid use disorder checklist") },
                                    { kind: "moud_status", text: QT_TR_NOOP("Treatment for opioid use disorder") },
                                    { kind: "goal", text: QT_TR_NOOP("Care-plan goal") },
                                    { kind: "taper_plan", text: QT_TR_NOOP("Taper plan") },
                                    { kind: "case_conference", text: QT_TR_NOOP("Ask the team (case conference)") },
                                    { kind: "task", text: QT_TR_NOOP("Task") },
                                    { kind: "case_summary", text: QT_TR_NOOP("Case summary") },
                                    { kind: "ort", text: QT_TR_NOOP("ORT") },
                                    { kind: "pcptsd5", text: QT_TR_NOOP("PC-PTSD-5") },
                                    { kind: "pdmp_check", text: QT_TR_NOOP("PDMP check") },
                                    { kind: "refill_request", text: QT_TR_NOOP("Refill request") },
                                    { kind: "medication_review", text: QT_TR_NOOP("Medication list reviewed") },
                                    { kind: "agreement", text: QT_TR_NOOP("Patient agreement") },
                                    { kind: "patient", text: QT_TR_NOOP("Edit details") },
                                    { kind: "inactivation", text: QT_TR_NOOP("Mark inactive") }
                                ]
                                delegate: CButton {
                                    id: addButton
                                    required property var modelData
                                    objectName: "add_" + addButton.modelData.kind
                                    // The case summary is a view of the record: whoever sees the record may open it.
                                    visible: addButton.modelData.kind === "case_summary" || Permissions.canRecord(Session.role, addButton.modelData.kind)
                                    variant: CButton.Outlined
                                    text: qsTr(addButton.modelData.text)
                                    onClicked: {
                                        if (addButton.modelData.kind === "agreement")
                                            screen.agreementRequested(screen.patientId, patient.name, patient.language)
                                        else if (addButton.modelData.kind === "refill_request")
                                            screen.refillRequested(screen.patientId, patient.name)
                                        else if (addButton.modelData.kind === "case_summary")
                                            screen.caseSummaryRequested(screen.patientId)
                                        else
                                            screen.recordFormRequested(addButton.modelData.kind, screen.patientId, "")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        // --- Rooming: the rooming flow itself, loaded when the tab is first opened -------------------
        RoomingScreen {
            id: roomingTab
            property bool opened: false
            patientId: roomingTab.opened ? screen.patientId : ""
            // Finished: back to what the clinician will see.
            onDone: screen.currentTab = PatientTabs.Summary
        }

        // --- Visit -------------------------------------------------------------------------------
        ScrollView {
            objectName: "visitTab"
            contentWidth: availableWidth
            clip: true

            GridLayout {
                width: parent.width - 2 * screen.pageMargin
                x: screen.pageMargin
                columns: screen.wide ? 2 : 1
                columnSpacing: Theme.spacingXl
                rowSpacing: Theme.spacingM

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: Theme.spacingL
                    spacing: Theme.spacingM
                    Label {
                        text: qsTr("Conversation prompts")
                        font: Theme.titleLarge
                        color: Theme.textOnSurface
                        Accessible.role: Accessible.Heading
                    }
                    EmptyState {
                        visible: patient.loaded && promptRepeater.count === 0
                        Layout.fillWidth: true
                        glyph: Icon.Inbox
                        title: qsTr("No conversation prompts for this patient's open gaps.")
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
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: screen.wide ? Theme.spacingL : 0
                    Layout.bottomMargin: Theme.spacingXl
                    spacing: Theme.spacingM
                    VisitDecisionsPanel {
                        Layout.fillWidth: true
                        patientId: screen.patientId
                    }
                    // A new state of the plan (started, paused, a step changed) supersedes the one in force.
                    CButton {
                        objectName: "updateTaperPlan"
                        visible: patient.taperPlanId !== "" && Permissions.canRecord(Session.role, "taper_plan")
                        variant: CButton.Tonal
                        text: qsTr("Update the taper plan")
                        onClicked: screen.recordFormRequested("taper_plan", screen.patientId, patient.taperPlanId)
                    }
                    CButton {
                        objectName: "visitRefillCheck"
                        visible: Permissions.canRecord(Session.role, "refill_request")
                        variant: CButton.Tonal
                        text: qsTr("Check a refill request")
                        Accessible.name: qsTr("Check a refill request for %1").arg(patient.name)
                        onClicked: screen.refillRequested(screen.patientId, patient.name)
                    }
                }
            }
        }

        // --- History -----------------------------------------------------------------------------
        ScrollView {
            objectName: "historyTab"
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: parent.width - 2 * screen.pageMargin
                x: screen.pageMargin
                spacing: Theme.spacingM

                Label {
                    text: qsTr("Record history")
                    font: Theme.titleLarge
                    color: Theme.textOnSurface
                    Layout.topMargin: Theme.spacingL
                    Accessible.role: Accessible.Heading
                }
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
                    delegate: Rectangle {
                        id: event
                        required property string dateLabel
                        required property string kindLabel
                        required property string summary
                        required property string recordId
                        required property string formKind
                        readonly property bool correctable: event.recordId !== "" && Permissions.canRecord(Session.role, event.formKind)
                        Layout.fillWidth: true
                        implicitHeight: eventLayout.implicitHeight + 2 * Theme.spacingS
                        color: Theme.surface
                        radius: Theme.radiusField
                        Accessible.role: Accessible.ListItem
                        Accessible.name: qsTr("%1, %2: %3").arg(event.dateLabel).arg(event.kindLabel).arg(event.summary)
                        GridLayout {
                            id: eventLayout
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.leftMargin: Theme.spacingM
                            anchors.rightMargin: Theme.spacingS
                            // Portrait: the buttons go under the record instead of beside it.
                            columns: screen.wide ? 4 : 3
                            columnSpacing: Theme.spacingM
                            rowSpacing: Theme.spacingXs
                            Label {
                                text: event.dateLabel
                                font: Theme.bodyMedium
                                color: Theme.textOnSurfaceVariant
                                Layout.preferredWidth: Theme.columnDate
                                Layout.alignment: Qt.AlignTop
                                wrapMode: Text.Wrap
                            }
                            Label {
                                text: event.kindLabel
                                font: Theme.titleMedium
                                color: Theme.textOnSurface
                                Layout.preferredWidth: screen.wide ? Theme.columnMeta : Theme.columnDate
                                Layout.alignment: Qt.AlignTop
                                wrapMode: Text.Wrap
                            }
                            Label {
                                text: event.summary
                                font: Theme.bodyMedium
                                color: Theme.textOnSurface
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                                Layout.alignment: Qt.AlignTop
                            }
                            Flow {
                                spacing: Theme.spacingS
                                Layout.columnSpan: screen.wide ? 1 : 3
                                Layout.fillWidth: !screen.wide
                                Layout.preferredWidth: screen.wide ? implicitWidth : -1
                                CButton {
                                    objectName: "versions_" + event.recordId
                                    visible: event.recordId !== ""
                                    variant: CButton.Text
                                    text: qsTr("Versions")
                                    Accessible.name: qsTr("Every version of %1 of %2").arg(event.kindLabel).arg(event.dateLabel)
                                    onClicked: versionsDialog.show(event.recordId, event.kindLabel + " · " + event.dateLabel)
                                }
                                CButton {
                                    objectName: "correct_" + event.recordId
                                    visible: event.correctable
                                    variant: CButton.Text
                                    text: qsTr("Correct")
                                    Accessible.name: qsTr("Correct %1 of %2").arg(event.kindLabel).arg(event.dateLabel)
                                    onClicked: screen.recordFormRequested(event.formKind, screen.patientId, event.recordId)
                                }
                                CButton {
                                    objectName: "withdraw_" + event.recordId
                                    visible: event.correctable
                                    variant: CButton.Text
                                    text: qsTr("Entered in error")
                                    Accessible.name: qsTr("Withdraw %1 of %2 as entered in error").arg(event.kindLabel).arg(event.dateLabel)
                                    onClicked: withdrawDialog.ask(event.recordId, event.kindLabel + " · " + event.dateLabel)
                                }
                            }
                        }
                    }
                }

                Label {
                    text: qsTr("PEG history")
                    font: Theme.titleLarge
                    color: Theme.textOnSurface
                    Layout.topMargin: Theme.spacingL
                    Accessible.role: Accessible.Heading
                }
                Repeater {
                    model: patient.pegHistory
                    delegate: Label {
                        required property string modelData
                        text: modelData
                        font: Theme.bodyMedium
                        color: Theme.textOnSurface
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                ChartView {
                    objectName: "pegChart"
                    visible: patient.pegValues.length > 0
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.chart
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
                    // "ValuesAxis": Qt 6.4's qmllint only resolves this name (see MeasuresScreen).
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
                        name: qsTr("30% better than baseline (%1)").arg(Language.decimal(patient.pegTarget, 1))
                        axisX: pegDateAxis
                        axisY: pegValueAxis
                        style: Qt.DashLine
                        color: Theme.high
                        width: 2
                    }
                }

                Label {
                    text: qsTr("MME over time")
                    font: Theme.titleLarge
                    color: Theme.textOnSurface
                    Layout.topMargin: Theme.spacingL
                    Accessible.role: Accessible.Heading
                }
                Label {
                    objectName: "mmeHistoryNote"
                    visible: text !== ""
                    Layout.fillWidth: true
                    text: patient.mmeHistoryNote
                    wrapMode: Text.Wrap
                    font: Theme.bodyMedium
                    color: Theme.textOnSurfaceVariant
                }
                ChartView {
                    objectName: "mmeChart"
                    visible: patient.mmeValues.length > 0
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.chart
                    Layout.bottomMargin: Theme.spacingXl
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
            }
        }
    }

    // Recording a PEG outside rooming (the nurse's "Record PEG", the PEG gap's action): three
    // scales that start unanswered, saved at once, with Undo in the snackbar after.
    Popup {
        id: pegSheet
        objectName: "pegSheet"
        property bool saving: false
        function start() {
            pegEntry.clear()
            pegSheet.open()
        }
        parent: Overlay.overlay
        width: parent ? Math.min(Theme.readingWidth, parent.width - 2 * Theme.spacingL) : Theme.readingWidth
        height: parent ? Math.min(implicitHeight, parent.height - 2 * Theme.spacingL) : implicitHeight
        x: parent ? Math.round((parent.width - width) / 2) : 0
        y: parent ? parent.height - height - Theme.spacingL : 0
        modal: true
        padding: Theme.spacingXl
        background: Rectangle { color: Theme.surface; radius: Theme.radiusSheet }
        // qmllint disable deferred-property-id
        contentItem: ScrollView {
            contentWidth: availableWidth
            implicitHeight: sheetColumn.implicitHeight
            clip: true
            ColumnLayout {
                id: sheetColumn
                width: parent.width
                spacing: Theme.spacingL
                Label {
                    text: qsTr("Record a PEG score for %1").arg(patient.name)
                    font: Theme.titleLarge
                    color: Theme.textOnSurface
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Think about the past week.")
                    font: Theme.bodyMedium
                    color: Theme.textOnSurfaceVariant
                }
                PegQuestions {
                    id: pegEntry
                    namePrefix: "peg"
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    Item { Layout.fillWidth: true }
                    CButton {
                        objectName: "cancelPeg"
                        variant: CButton.Text
                        text: qsTr("Cancel")
                        onClicked: pegSheet.close()
                    }
                    CButton {
                        objectName: "savePeg"
                        text: qsTr("Save PEG")
                        enabled: pegEntry.answered && !patient.loading
                        disabledReason: patient.loading ? "" : qsTr("Answer all three questions to save.")
                        Accessible.name: qsTr("Save the PEG score")
                        onClicked: {
                            pegSheet.saving = true
                            patient.savePeg(pegEntry.pain, pegEntry.enjoyment, pegEntry.activity)
                        }
                    }
                }
            }
        }
    }

    // Undo after a one-tap record: the undo withdraws it through the registry (nothing is lost).
    Snackbar {
        id: undoBar
        objectName: "patientUndo"
        property var undo: null
        function offer(message: string, undoIt) {
            undoBar.undo = undoIt
            undoBar.show(message, qsTr("Undo"))
        }
        onActionTriggered: {
            if (undoBar.undo)
                undoBar.undo.call(undoBar)
            undoBar.undo = null
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
        width: Math.min(Theme.dialogWideWidth, screen.width - 2 * Theme.margin)
        height: Math.min(Theme.dialogHeight, screen.height - 2 * Theme.margin)
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
        width: Math.min(Theme.dialogWidth, screen.width - 2 * Theme.margin)
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
