pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1280  // raw: the window's first size on a desktop; a tablet fills its screen
    height: 800  // raw: as the width
    visible: true
    title: qsTr("Cairn")
    color: Theme.background
    font.pixelSize: Theme.fontBody

    // Design system: Theme v2 onto every Basic control. Checked and highlighted buttons and switch
    // tracks (dark) get the primary colour; field, check-box and knob borders (mid) a ≥ 3:1 outline.
    palette.window: Theme.background
    palette.windowText: Theme.textOnSurface
    palette.base: Theme.surface
    palette.text: Theme.textOnSurface
    palette.button: Theme.surfaceContainer
    palette.buttonText: Theme.textOnSurface
    palette.brightText: Theme.textOnPrimary
    palette.highlight: Theme.primary
    palette.highlightedText: Theme.textOnPrimary
    palette.placeholderText: Theme.placeholder
    palette.light: Theme.surface
    palette.midlight: Theme.surfaceContainer
    palette.mid: Theme.outline
    palette.dark: Theme.primary

    // Landscape: a navigation rail; portrait: a bottom bar (tablet-ux §4.3).
    readonly property bool wide: width >= 840
    // The signed-in role's destinations; the row shown, and its page stack.
    property int currentIndex: 0
    // The Navigation.Destination shown (-1 when signed out).
    readonly property int currentDestination: navigation.count > 0 ? navigation.destinationAt(window.currentIndex) : -1
    property StackView currentStack: null

    Navigation {
        id: navigation
        objectName: "navigation"
        role: Session.role
        // A new role (or none, after Lock) lands on its first destination.
        onRoleChanged: window.currentIndex = 0
    }

    header: SessionBar {
        objectName: "appBar"
        visible: Session.signedIn
        title: (window.currentStack?.currentItem as Page)?.title ?? qsTr("Cairn")
        canGoBack: (window.currentStack?.depth ?? 0) > 1
        onBackRequested: window.currentStack.pop()
    }

    // Signed out: the language and text size switches under the sign-in screen. Signed in, in
    // portrait: the bottom bar.
    footer: ColumnLayout {
        spacing: 0
        visible: !Session.signedIn || !window.wide
        ToolBar {
            objectName: "mainFooter"
            visible: !Session.signedIn
            Layout.fillWidth: true
            // Language and text size, side by side when they fit, else one above the other.
            Flow {
                anchors.fill: parent
                anchors.leftMargin: Theme.margin
                anchors.rightMargin: Theme.margin
                spacing: Theme.spacing * 2
                LanguageSwitch {
                    objectName: "unlockLanguageSwitch"
                }
                TextSizeSwitch {
                    objectName: "unlockTextSizeSwitch"
                }
            }
        }
        BottomNavigationBar {
            visible: Session.signedIn && !window.wide
            Layout.fillWidth: true
            model: navigation
            currentIndex: window.currentIndex
            onActivated: index => window.showDestination(index)
        }
    }

    // Signed out: the sign-in screen (it preselects the last user each time the list is read).
    UnlockScreen {
        anchors.fill: parent
        visible: !Session.signedIn
    }

    // Signed in: the rail and one page stack per destination, each keeping its place while another
    // is shown. Lock hides the shell at once (no transition) and clears every stack: no patient
    // stays on screen or in memory behind the sign-in screen.
    RowLayout {
        objectName: "shell"
        anchors.fill: parent
        visible: Session.signedIn
        spacing: 0
        NavigationRail {
            visible: window.wide
            Layout.fillHeight: true
            model: navigation
            currentIndex: window.currentIndex
            onActivated: index => window.showDestination(index)
        }
        // One stack per kind of destination, declared here (not made by a Repeater) so that every
        // page stays in the window's object tree; the role's destinations use theirs.
        StackLayout {
            id: destinationStacks
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: window.currentDestination
            DestinationStack { destination: Navigation.Today }
            DestinationStack { destination: Navigation.Calls }
            DestinationStack { destination: Navigation.Registry }
            DestinationStack { destination: Navigation.Patients }
            DestinationStack { destination: Navigation.Refills }
            DestinationStack { destination: Navigation.Measures }
            DestinationStack { destination: Navigation.Practise }
            DestinationStack { destination: Navigation.Administration }
        }
    }

    component DestinationStack: StackView {
        id: destinationStack
        required property int destination
        readonly property bool current: Session.signedIn && navigation.count > 0
                                        && destinationStack.destination === window.currentDestination
        objectName: "stack_" + destinationStack.destination
        // A page sliding in or out stays inside its destination, never over the navigation rail.
        clip: true
        onCurrentChanged: {
            if (!destinationStack.current)
                return
            // A destination's first page is made when it is first shown, so signing in reads only
            // the data of the screen the role lands on.
            if (destinationStack.depth === 0)
                destinationStack.push(window.rootOf(destinationStack.destination), {}, StackView.Immediate)
            window.currentStack = destinationStack
        }
        // Lock drops every page at once, with the patients on them.
        Connections {
            target: Session
            function onSignedInChanged() {
                if (!Session.signedIn)
                    destinationStack.clear(StackView.Immediate)
            }
        }
    }

    // Covers everything while the app is in the background, so the task switcher shows no patient.
    Rectangle {
        objectName: "privacyCover"
        anchors.fill: parent
        z: 1000
        visible: Session.obscured
        color: Theme.accent
        Label {
            anchors.centerIn: parent
            text: qsTr("Cairn is locked")
            color: Theme.accentText
            font.pixelSize: Theme.fontTitle
        }
    }

    // The first page of each destination.
    function rootOf(destination: int): Component {
        switch (destination) {
        case Navigation.Today: return huddleComponent
        case Navigation.Calls: return pegOutreachComponent
        case Navigation.Registry: return registryComponent
        case Navigation.Patients: return patientListComponent
        case Navigation.Refills: return refillCheckComponent
        case Navigation.Measures: return measuresComponent
        case Navigation.Practise: return rehearsalComponent
        case Navigation.Administration: return adminComponent
        }
        return huddleComponent
    }

    // Shows a destination; choosing the one already shown goes back to its first page.
    function showDestination(index: int) {
        if (index === window.currentIndex && window.currentStack)
            window.currentStack.pop(null)
        window.currentIndex = index
    }

    // Pushes a page onto the destination shown.
    function push(component: Component, properties: var) {
        window.currentStack?.push(component, properties ?? {})
    }

    // Every screen outside a destination's first page opens through here: a role is never shown a
    // screen the permission table does not offer it (Permissions.offers, the one table; the
    // buttons bind to it too).
    function open(screen: string, component: Component, properties: var) {
        if (Permissions.offers(Session.role, screen))
            window.push(component, properties)
    }

    Component {
        id: huddleComponent
        HuddleScreen {
            title: qsTr("Today")
            sideBySide: window.wide
            detailComponent: patientComponent
            onPatientChosen: id => window.push(patientComponent, { patientId: id })
            // Rooming is the patient screen's Rooming tab.
            onRoomingRequested: id => window.open("rooming", patientComponent, { patientId: id, currentTab: PatientTabs.Rooming })
            onSelfAssessmentRequested: window.open("self_assessment", selfAssessmentComponent, {})
        }
    }
    Component {
        id: selfAssessmentComponent
        SelfAssessmentScreen {
            title: qsTr("Self-assessment")
        }
    }
    Component {
        id: registryComponent
        RosterScreen {
            title: qsTr("Registry")
            onPatientChosen: id => window.push(patientComponent, { patientId: id })
            onRefillCheckRequested: window.open("refill_check", refillCheckComponent, {})
            onConflictsRequested: window.open("conflicts", conflictsComponent, {})
            onQuarantineRequested: window.open("quarantine", quarantineComponent, {})
            onResourcesRequested: window.open("resources", resourcesComponent, {})
            onClinicianMeetingRequested: window.open("clinician_meeting", clinicianMeetingComponent, {})
        }
    }
    Component {
        id: resourcesComponent
        ResourcesScreen {
            title: qsTr("Resources")
        }
    }
    Component {
        id: clinicianMeetingComponent
        ClinicianMeetingScreen {
            title: qsTr("Clinician meeting")
            onPatientChosen: id => window.push(patientComponent, { patientId: id })
            onSummaryRequested: (id, conference) => window.push(caseSummaryComponent, { patientId: id, conferenceId: conference })
            onConsultNoteRequested: (id, conference, question) => window.push(consultNoteComponent, { patientId: id, conferenceId: conference, question: question })
        }
    }
    Component {
        id: caseSummaryComponent
        CaseSummaryScreen {
            title: qsTr("Case summary")
        }
    }
    Component {
        id: consultNoteComponent
        ConsultNoteScreen {
            id: consultNote
            title: qsTr("The team's note")
            onDone: consultNote.StackView.view.pop()
        }
    }
    Component {
        id: quarantineComponent
        QuarantineScreen {
            title: qsTr("Set-aside records")
        }
    }
    Component {
        id: conflictsComponent
        ConflictsScreen {
            title: qsTr("Sync conflicts")
            onPatientChosen: id => window.push(patientComponent, { patientId: id })
        }
    }
    Component {
        id: refillCheckComponent
        RefillCheckScreen {
            title: qsTr("Refill request")
        }
    }
    Component {
        id: pegOutreachComponent
        PegOutreachScreen {
            title: qsTr("PEG outreach")
            onPatientChosen: id => window.push(patientComponent, { patientId: id })
        }
    }
    Component {
        id: measuresComponent
        MeasuresScreen {
            title: qsTr("Measures")
            onPatientChosen: id => window.push(patientComponent, { patientId: id })
            onSelfAssessmentRequested: window.open("self_assessment", selfAssessmentComponent, {})
            onMonthlyReportRequested: window.open("monthly_report", monthlyReportComponent, {})
        }
    }
    Component {
        id: monthlyReportComponent
        MonthlyReportScreen {
            title: qsTr("Monthly report")
        }
    }
    Component {
        id: patientListComponent
        PatientListScreen {
            title: qsTr("Patients")
            onPatientChosen: id => window.push(patientComponent, { patientId: id })
            onAddPatientRequested: window.push(recordFormComponent, { kind: "patient", opensPatient: true })
        }
    }
    Component {
        id: patientComponent
        PatientScreen {
            // The yes/no screens a clinician enters have their own form (instrument questions).
            onRecordFormRequested: (kind, id, correcting) => {
                if (kind === "ort" || kind === "pcptsd5")
                    window.push(screeningFormComponent, { instrument: kind, patientId: id, correcting: correcting })
                else
                    window.push(recordFormComponent, { kind: kind, patientId: id, correcting: correcting })
            }
            onPresetFormRequested: (kind, id, presets) => window.push(recordFormComponent, { kind: kind, patientId: id, presets: presets })
            onRefillRequested: (id, name) => window.open("refill_check", refillCheckComponent, { patientId: id, patientName: name })
            onAgreementRequested: (id, name, language) => window.push(agreementComponent, { patientId: id, patientName: name, patientLanguage: language })
            onCaseSummaryRequested: id => window.push(caseSummaryComponent, { patientId: id })
        }
    }
    Component {
        id: recordFormComponent
        RecordFormScreen {
            id: formScreen
            // A new patient's form goes on to the patient's screen; every other form goes back.
            property bool opensPatient: false
            onDone: savedId => {
                if (formScreen.opensPatient && savedId !== "")
                    formScreen.StackView.view.replace(formScreen, patientComponent, { patientId: savedId })
                else
                    formScreen.StackView.view.pop()
            }
        }
    }
    Component {
        id: screeningFormComponent
        ScreeningFormScreen {
            id: screeningForm
            onDone: screeningForm.StackView.view.pop()
        }
    }
    Component {
        id: agreementComponent
        AgreementScreen {
            id: agreementScreen
            onDone: agreementScreen.StackView.view.pop()
        }
    }
    Component {
        id: rehearsalComponent
        RehearsalScreen {
            title: qsTr("Practise")
        }
    }
    Component {
        id: adminComponent
        AdminScreen {
            title: qsTr("Administration")
            onUsersRequested: window.push(adminUsersComponent)
            onPolicyRequested: window.push(adminPolicyComponent)
            onAgreementTextRequested: window.push(adminAgreementComponent)
            onEnrollmentRequested: window.push(adminEnrollComponent)
            onImportRequested: window.push(adminImportComponent)
        }
    }
    Component {
        id: adminUsersComponent
        AdminUsersScreen {
            title: qsTr("Users and roles")
        }
    }
    Component {
        id: adminPolicyComponent
        AdminPolicyScreen {
            title: qsTr("Clinic policy")
        }
    }
    Component {
        id: adminAgreementComponent
        AdminAgreementScreen {
            title: qsTr("Patient agreement text")
        }
    }
    Component {
        id: adminImportComponent
        AdminImportScreen {
            title: qsTr("Import patients")
        }
    }
    Component {
        id: adminEnrollComponent
        AdminEnrollScreen {
            title: qsTr("Server enrollment")
        }
    }
}
