pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The case summary on the tablet (issue 18 item 6): the same content as the printable PDF, for a
// consulting team: the question, the regimen and its MME history, sedatives, the PEG trend against
// the 30 % improvement line, screenings, urine tests and PDMP checks, tapers, referrals, goals, open
// tasks and the open care gaps. "Save as PDF" renders the document in memory and writes it only to
// the file chosen. Opening it is audited as a view of the record.
Page {
    id: screen
    objectName: "caseSummaryScreen"
    property string patientId: ""
    property string conferenceId: ""

    background: Rectangle { color: Theme.background }

    CaseSummaryModel {
        id: summary
        objectName: "caseSummaryModel"
        session: Session
        patientId: screen.patientId
        conferenceId: screen.conferenceId
    }

    SavePdfDialog {
        id: saveDialog
        title: qsTr("Save the case summary")
        onAccepted: summary.savePdf(saveDialog.selectedFile)
    }

    Component {
        id: pdfReaderComponent
        PdfReaderScreen { }
    }

    // One section: a heading and its lines ("" lines are left out).
    component Section: ColumnLayout {
        id: section
        property string heading: ""
        property var lines: []
        property string empty: ""
        Layout.fillWidth: true
        spacing: Theme.spacingXs
        Label {
            text: section.heading
            font: Theme.titleMedium
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingM
        }
        Repeater {
            model: section.lines
            delegate: Label {
                required property string modelData
                text: modelData
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        Label {
            visible: section.lines.length === 0
            text: section.empty
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    readonly property var summaryData: summary.summary
    function listOf(key: string): var { return screen.summaryData[key] ?? [] }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollBar.vertical: ScrollBar { }

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacingS

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label {
                    objectName: "summaryTitle"
                    text: summary.ready ? qsTr("Case summary: %1").arg(screen.summaryData.patient.name) : qsTr("Case summary")
                    font.pixelSize: Theme.fontTitle
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                CButton {
                    objectName: "viewPdf"
                    variant: CButton.Outlined
                    text: qsTr("View as PDF")
                    enabled: summary.ready
                    onClicked: screen.StackView.view?.push(pdfReaderComponent, {
                        document: summary.pdf(), title: qsTr("Case summary (PDF)"), saveTitle: saveDialog.title })
                }
                CButton {
                    objectName: "savePdf"
                    text: qsTr("Save as PDF")
                    enabled: summary.ready
                    onClicked: saveDialog.openInDocuments()
                }
            }
            Label {
                objectName: "summaryMessage"
                visible: summary.message !== ""
                text: (summary.error ? "⚠ " : "✓ ") + summary.message
                color: summary.error ? Theme.urgent : Theme.text
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            BusyIndicator {
                visible: summary.loading
                running: summary.loading
                Accessible.name: qsTr("Loading")
            }

            ColumnLayout {
                visible: summary.ready
                Layout.fillWidth: true
                spacing: Theme.spacingS

                Label {
                    text: summary.ready ? qsTr("Chart %1 · %2 years · prescriber %3 · made on %4")
                                          .arg(screen.summaryData.patient.clinic_id).arg(screen.summaryData.patient.age)
                                          .arg(screen.summaryData.patient.prescriber || qsTr("not recorded")).arg(screen.summaryData.as_of)
                                        : ""
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Section {
                    objectName: "summaryQuestion"
                    visible: summary.ready && screen.summaryData.conference !== undefined
                    heading: qsTr("The question for the team")
                    lines: summary.ready && screen.summaryData.conference ? [screen.summaryData.conference.question] : []
                }
                Section {
                    objectName: "summaryRegimen"
                    heading: summary.ready ? qsTr("Current regimen: %1 MME/day").arg(Language.decimal(screen.summaryData.mme.total_per_day, 1)) : ""
                    lines: summary.ready ? screen.summaryData.mme.regimen.map(e => qsTr("%1 since %2: %3 MME/day")
                                                                        .arg(e.drug).arg(e.start)
                                                                        .arg(e.mme_per_day === null ? qsTr("not counted") : Language.decimal(e.mme_per_day, 1)))
                                         : []
                    empty: qsTr("No opioid is active.")
                }
                Section {
                    heading: qsTr("MME history")
                    lines: summary.ready ? screen.summaryData.mme.history.map(p => qsTr("From %1: %2 MME/day").arg(p.date).arg(Language.decimal(p.mme_per_day, 1))) : []
                    empty: qsTr("No opioid on record.")
                }
                Section {
                    heading: qsTr("Sedatives")
                    lines: screen.listOf("sedatives").map(s => qsTr("%1 since %2").arg(s.drug).arg(s.start))
                    empty: qsTr("No sedative on record.")
                }
                Section {
                    objectName: "summaryPeg"
                    heading: qsTr("PEG trend")
                    lines: {
                        if (!summary.ready)
                            return []
                        const peg = screen.summaryData.peg
                        const scores = (peg.scores ?? []).map(s => qsTr("%1: %2").arg(s.date).arg(Language.decimal(s.mean, 1)))
                        if (peg.baseline === undefined)
                            return scores
                        return [qsTr("Baseline %1; 30% better than baseline: %2").arg(Language.decimal(peg.baseline, 1)).arg(Language.decimal(peg.target, 1))].concat(scores)
                    }
                    empty: qsTr("No PEG on record.")
                }
                Section {
                    heading: qsTr("Screenings")
                    lines: screen.listOf("screenings").map(s => qsTr("%1 %2: %3 %4").arg(s.date).arg(s.instrument.toUpperCase()).arg(s.total).arg(s.result_words))
                    empty: qsTr("No screening on record.")
                }
                Section {
                    heading: qsTr("Urine drug tests and PDMP checks")
                    lines: screen.listOf("uds").map(u => qsTr("%1 urine test: %2").arg(u.date).arg(u.result_words))
                           .concat(screen.listOf("pdmp_checks").map(c => qsTr("%1 PDMP check%2").arg(c.date).arg(c.concerning ? qsTr(": concerning") : "")))
                    empty: qsTr("None on record.")
                }
                Section {
                    heading: qsTr("Tapers, referrals, goals and open tasks")
                    lines: screen.listOf("taper_plans").map(t => qsTr("%1 taper plan: %2, %n step(s)", "", t.steps.length).arg(t.date).arg(t.status))
                           .concat(screen.listOf("referrals").map(r => qsTr("%1 referral: %2").arg(r.date).arg(r.type)))
                           .concat(screen.listOf("goals").map(g => qsTr("%1 goal: %2").arg(g.date).arg(g.goal)))
                           .concat(screen.listOf("open_tasks").map(t => qsTr("Task due %1: %2").arg(t.due).arg(t.text)))
                    empty: qsTr("None on record.")
                }
                Section {
                    objectName: "summaryGaps"
                    heading: qsTr("Open care gaps")
                    lines: screen.listOf("open_gaps").map(g => g.code + ": " + g.reason)
                    empty: qsTr("No open care gap.")
                }
            }
        }
    }
}
