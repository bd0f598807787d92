pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1280
    height: 800
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

    header: SessionBar {
        visible: Session.signedIn
        title: (stack.currentItem as Page)?.title ?? qsTr("Cairn")
        canGoBack: stack.depth > 1
        onBackRequested: stack.pop()
    }

    // Signed out: the language switch under the sign-in screen. Signed in on the first screen:
    // Administration, for the roles the permission table allows.
    footer: ToolBar {
        objectName: "mainFooter"
        visible: !Session.signedIn || (stack.depth === 1 && Permissions.offers(Session.role, "administration"))
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            LanguageSwitch {
                objectName: "unlockLanguageSwitch"
                visible: !Session.signedIn
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "administrationButton"
                visible: Session.signedIn && Permissions.offers(Session.role, "administration")
                text: qsTr("Administration")
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.minTouch
                Accessible.name: qsTr("Open administration: users, clinic policy, server enrollment")
                onClicked: window.open("administration", adminComponent, {})
            }
        }
    }

    StackView {
        id: stack
        objectName: "stack"
        anchors.fill: parent
        initialItem: unlockComponent
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

    // Every screen opens through here: a role is never shown a screen the permission table does
    // not offer it (Permissions.offers, the one table; the buttons bind to it too).
    function open(screen: string, component: Component, properties: var) {
        if (Permissions.offers(Session.role, screen))
            stack.push(component, properties ?? {})
    }

    Connections {
        target: Session
        function onSignedInChanged() {
            if (Session.signedIn)
                stack.replace(null, huddleComponent)
            else
                // Immediately: a sliding transition would keep patient data on screen after Lock.
                stack.replace(null, unlockComponent, {}, StackView.Immediate)
        }
    }

    Component {
        id: unlockComponent
        UnlockScreen { }
    }
    Component {
        id: huddleComponent
        HuddleScreen {
            title: qsTr("Today")
            onPatientChosen: id => stack.push(patientComponent, { patientId: id })
            onAllPatientsRequested: window.open("patients", patientListComponent, {})
            onRehearsalRequested: window.open("rehearsal", rehearsalComponent, {})
            onRegistryRequested: window.open("roster", registryComponent, {})
            onPegOutreachRequested: window.open("peg_outreach", pegOutreachComponent, {})
            onMeasuresRequested: window.open("measures", measuresComponent, {})
        }
    }
    Component {
        id: registryComponent
        RosterScreen {
            title: qsTr("Registry")
            onPatientChosen: id => stack.push(patientComponent, { patientId: id })
            onRefillCheckRequested: window.open("refill_check", refillCheckComponent, {})
            onConflictsRequested: window.open("conflicts", conflictsComponent, {})
            onQuarantineRequested: window.open("quarantine", quarantineComponent, {})
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
            onPatientChosen: id => stack.push(patientComponent, { patientId: id })
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
            onPatientChosen: id => stack.push(patientComponent, { patientId: id })
        }
    }
    Component {
        id: measuresComponent
        MeasuresScreen {
            title: qsTr("Measures")
            onPatientChosen: id => stack.push(patientComponent, { patientId: id })
        }
    }
    Component {
        id: patientListComponent
        PatientListScreen {
            title: qsTr("Patients")
            onPatientChosen: id => stack.push(patientComponent, { patientId: id })
            onAddPatientRequested: stack.push(recordFormComponent, { kind: "patient", opensPatient: true })
        }
    }
    Component {
        id: patientComponent
        PatientScreen {
            // The yes/no screens a clinician enters have their own form (instrument questions).
            onRecordFormRequested: (kind, id, correcting) => {
                if (kind === "ort" || kind === "pcptsd5")
                    stack.push(screeningFormComponent, { instrument: kind, patientId: id, correcting: correcting })
                else
                    stack.push(recordFormComponent, { kind: kind, patientId: id, correcting: correcting })
            }
            onRefillRequested: (id, name) => window.open("refill_check", refillCheckComponent, { patientId: id, patientName: name })
            onAgreementRequested: (id, name, language) => stack.push(agreementComponent, { patientId: id, patientName: name, patientLanguage: language })
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
                    stack.replace(formScreen, patientComponent, { patientId: savedId })
                else
                    stack.pop()
            }
        }
    }
    Component {
        id: screeningFormComponent
        ScreeningFormScreen {
            onDone: stack.pop()
        }
    }
    Component {
        id: agreementComponent
        AgreementScreen {
            onDone: stack.pop()
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
            onUsersRequested: stack.push(adminUsersComponent)
            onPolicyRequested: stack.push(adminPolicyComponent)
            onAgreementTextRequested: stack.push(adminAgreementComponent)
            onEnrollmentRequested: stack.push(adminEnrollComponent)
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
        id: adminEnrollComponent
        AdminEnrollScreen {
            title: qsTr("Server enrollment")
        }
    }
}
