pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Import (registry managers and administrators): a FHIR file or the clinic's registry spreadsheet.
// Nothing is written until "Import": first what the file holds, as Cairn will store it, with every
// problem named by row and column (sheets) or by resource and field (FHIR). The import is whole or
// nothing; a sheet's column mapping is kept for the next import.
Page {
    id: screen
    objectName: "adminImportScreen"

    background: Rectangle { color: Theme.background }

    // The file chosen in the dialog (or given by a test): read and checked at once.
    function openFile(file: url) {
        importModel.open(file)
    }

    // The delimiters offered, in the chips' order.
    readonly property var delimiters: [",", ";", "\t", "|"]

    // A field's choices: none, or one of the file's columns by its header name.
    function columnChoices(columns: var): var {
        const choices = [{ value: "", label: qsTr("Not in this file") }]
        for (let i = 0; i < columns.length; ++i)
            choices.push({ value: columns[i], label: columns[i] })
        return choices
    }

    // Cairn's fields as the mapping step names them.
    function fieldLabel(field: string): string {
        switch (field) {
        case "name": return qsTr("Patient name")
        case "clinic_id": return qsTr("Chart number")
        case "birth_date": return qsTr("Birth date")
        case "sex": return qsTr("Sex")
        case "phone": return qsTr("Phone")
        case "prescriber": return qsTr("Prescriber")
        case "language": return qsTr("Language")
        case "ltot_start": return qsTr("Long-term opioid therapy since")
        case "agreement_date": return qsTr("Agreement signed on")
        case "pdmp_date": return qsTr("Last PDMP check")
        case "uds_date": return qsTr("Last urine test")
        case "uds_result": return qsTr("Last urine test result")
        }
        return field
    }

    function problemText(problem: var): string {
        return problem.row > 0 ? qsTr("Row %1, %2: %3").arg(problem.row).arg(problem.column).arg(problem.message)
                               : problem.column !== "" ? qsTr("%1: %2").arg(problem.column).arg(problem.message)
                                                      : problem.message
    }

    // Each problem or warning on a line of its own.
    function problemLines(problems: var): string {
        const lines = []
        for (let i = 0; i < problems.length; ++i)
            lines.push(screen.problemText(problems[i]))
        return lines.join("\n")
    }

    ImportModel {
        id: importModel
        objectName: "importModel"
        session: Session
    }

    DocumentsFileDialog {
        id: fileDialog
        title: qsTr("Choose the file to import")
        nameFilters: [qsTr("FHIR files or spreadsheets (*.json *.ndjson *.csv *.tsv *.txt *.xlsx)")]
        onAccepted: screen.openFile(fileDialog.selectedFile)
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        contentHeight: column.implicitHeight + 2 * Theme.spacingXl

        ColumnLayout {
            id: column
            x: Theme.pageMarginWide
            y: Theme.spacingXl
            width: Math.min(parent.width - 2 * Theme.pageMarginWide, Theme.readingWidth)
            spacing: Theme.spacingL

            Label {
                Layout.fillWidth: true
                text: qsTr("Bring in patients from the health record (a FHIR file) or from the clinic's registry spreadsheet. Nothing is saved until you check what Cairn will store and choose Import; a file with any problem is not imported at all.")
                font: Theme.bodyMedium
                color: Theme.textOnSurfaceVariant
                wrapMode: Text.Wrap
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingL
                CButton {
                    objectName: "importChooseFile"
                    variant: importModel.kind === ImportModel.None ? CButton.Filled : CButton.Outlined
                    text: importModel.kind === ImportModel.None ? qsTr("Choose a file") : qsTr("Choose another file")
                    onClicked: fileDialog.openInDocuments()
                }
                Label {
                    objectName: "importFileName"
                    Layout.fillWidth: true
                    text: importModel.fileName
                    font: Theme.titleMedium
                    color: Theme.textOnSurface
                    wrapMode: Text.WrapAnywhere
                }
            }

            // --- a sheet: how it was read, and which column holds what ------------------------
            Card {
                Layout.fillWidth: true
                visible: importModel.kind === ImportModel.Sheet && importModel.encoding !== ImportModel.NotText
                title: qsTr("How the file is read")
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacingS
                    Label {
                        text: qsTr("Columns separated by")
                        font: Theme.labelLarge
                        color: Theme.textOnSurface
                    }
                    ChoiceChips {
                        objectName: "importDelimiter"
                        Layout.fillWidth: true
                        label: qsTr("Columns separated by")
                        model: [
                            { text: qsTr("Comma"), value: "," },
                            { text: qsTr("Semicolon"), value: ";" },
                            { text: qsTr("Tab"), value: "\t" },
                            { text: qsTr("Vertical bar"), value: "|" }
                        ]
                        currentIndex: screen.delimiters.indexOf(importModel.delimiter)
                        onActivated: index => importModel.setDelimiter(screen.delimiters[index])
                    }
                    Label {
                        text: qsTr("Text encoding")
                        font: Theme.labelLarge
                        color: Theme.textOnSurface
                    }
                    ChoiceChips {
                        objectName: "importEncoding"
                        Layout.fillWidth: true
                        label: qsTr("Text encoding")
                        model: [qsTr("UTF-8"), qsTr("Windows-1252 (Excel on Windows)")]
                        currentIndex: importModel.encoding === ImportModel.Utf8 ? 0 : importModel.encoding === ImportModel.Windows1252 ? 1 : -1
                        onActivated: index => importModel.setEncoding(index === 0 ? ImportModel.Utf8 : ImportModel.Windows1252)
                    }
                }
            }
            Card {
                Layout.fillWidth: true
                visible: importModel.kind === ImportModel.Sheet && importModel.columns.length > 0
                title: qsTr("Which column holds what")
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacingS
                    Label {
                        objectName: "importMappingKept"
                        Layout.fillWidth: true
                        visible: importModel.mappingKept
                        text: qsTr("The columns chosen at the last import are filled in. Check them.")
                        font: Theme.bodyMedium
                        color: Theme.textOnSurfaceVariant
                        wrapMode: Text.Wrap
                    }
                    Repeater {
                        model: importModel.fields
                        delegate: RowLayout {
                            id: fieldRow
                            required property string modelData
                            Layout.fillWidth: true
                            spacing: Theme.spacingL
                            Label {
                                Layout.preferredWidth: Math.min(Theme.fieldMedium, column.width * 0.4)
                                text: screen.fieldLabel(fieldRow.modelData) + (fieldRow.modelData === "name" || fieldRow.modelData === "clinic_id" ? " *" : "")
                                font: Theme.bodyMedium
                                color: Theme.textOnSurface
                                wrapMode: Text.Wrap
                            }
                            ComboBox {
                                id: columnChoice
                                objectName: "importColumn_" + fieldRow.modelData
                                Layout.fillWidth: true
                                Layout.preferredHeight: Theme.control
                                font: Theme.bodyMedium
                                textRole: "label"
                                valueRole: "value"
                                model: screen.columnChoices(importModel.columns)
                                currentIndex: columnChoice.indexOfValue(importModel.mapping[fieldRow.modelData] ?? "")
                                Accessible.name: screen.fieldLabel(fieldRow.modelData)
                                onActivated: importModel.setColumn(fieldRow.modelData, columnChoice.currentValue)
                            }
                        }
                    }
                    FormField {
                        Layout.fillWidth: true
                        label: qsTr("How the sheet writes dates")
                        helperText: qsTr("For example MM/dd/yyyy or dd/MM/yyyy. Empty: 2026-03-04. Cairn never guesses whether 03/04 is March or April.")
                        CTextField {
                            id: dateFormat
                            objectName: "importDateFormat"
                            Layout.fillWidth: true
                            text: importModel.dateFormat
                            onEditingFinished: importModel.setDateFormat(dateFormat.text)
                        }
                    }
                }
            }
            StatusBanner {
                objectName: "importMappingProblem"
                Layout.fillWidth: true
                visible: importModel.kind === ImportModel.Sheet && importModel.mappingProblem !== ""
                kind: StatusBanner.Info
                title: qsTr("Choose the columns")
                text: importModel.mappingProblem
            }

            // --- a sheet's first rows as Cairn will store them --------------------------------
            Card {
                objectName: "importPreview"
                Layout.fillWidth: true
                visible: importModel.kind === ImportModel.Sheet && importModel.sheetRows > 0
                title: qsTr("The first rows as Cairn will store them")
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacingS
                    Label {
                        objectName: "importRowCount"
                        Layout.fillWidth: true
                        text: qsTr("%1 of %2 rows read whole.").arg(importModel.readableRows).arg(importModel.sheetRows)
                        font: Theme.bodyMedium
                        color: Theme.textOnSurfaceVariant
                        wrapMode: Text.Wrap
                    }
                    Repeater {
                        model: importModel.previewRows
                        delegate: ColumnLayout {
                            id: previewRow
                            required property var modelData
                            objectName: "importPreviewRow"
                            Layout.fillWidth: true
                            spacing: Theme.spacingXs
                            Label {
                                Layout.fillWidth: true
                                text: qsTr("Row %1: %2, chart %3").arg(previewRow.modelData.row).arg(previewRow.modelData.name).arg(previewRow.modelData.clinicId)
                                font: Theme.titleMedium
                                color: Theme.textOnSurface
                                wrapMode: Text.Wrap
                            }
                            Label {
                                Layout.fillWidth: true
                                text: Theme.joinParts([previewRow.modelData.birthDate, previewRow.modelData.sex, previewRow.modelData.language,
                                                       previewRow.modelData.prescriber, previewRow.modelData.phone], " · ")
                                font: Theme.bodyMedium
                                color: Theme.textOnSurface
                                wrapMode: Text.Wrap
                            }
                            Label {
                                Layout.fillWidth: true
                                text: previewRow.modelData.records
                                font: Theme.bodyMedium
                                color: Theme.textOnSurfaceVariant
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                }
            }

            // --- a FHIR file: what it holds ---------------------------------------------------
            Card {
                objectName: "importFhirSummary"
                Layout.fillWidth: true
                visible: importModel.kind === ImportModel.Fhir && importModel.patients > 0
                title: qsTr("What the file holds")
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacingS
                    Label {
                        objectName: "importFhirCounts"
                        Layout.fillWidth: true
                        text: Theme.joinParts([qsTr("%n patient(s)", "", importModel.patients),
                                               qsTr("%n opioid prescription(s)", "", importModel.prescriptions.length),
                                               qsTr("%n sedative prescription(s)", "", importModel.sedatives),
                                               qsTr("%n screen(s) and urine test(s) (PEG, PHQ-9, GAD-7 and others)", "", importModel.observations),
                                               qsTr("%n other record(s) (agreements, visits, referrals, PDMP checks, naloxone, clinician decisions, opioid use disorder checklists and treatment, intakes, tasks, taper plans, refill requests, urine test selections, case conferences, goals)", "", importModel.otherRecords)], " · ")
                        font: Theme.bodyLarge
                        color: Theme.textOnSurface
                        wrapMode: Text.Wrap
                    }
                    Repeater {
                        model: importModel.prescriptions
                        delegate: Label {
                            id: prescription
                            required property var modelData
                            objectName: "importPrescription"
                            Layout.fillWidth: true
                            text: qsTr("%1: %2, %3 (%4)").arg(prescription.modelData.subject).arg(prescription.modelData.drug)
                                      .arg(prescription.modelData.mme).arg(prescription.modelData.dates)
                            font: Theme.bodyMedium
                            color: Theme.textOnSurface
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }

            // --- every problem: nothing is imported while there is one ------------------------
            Card {
                objectName: "importProblems"
                Layout.fillWidth: true
                visible: importModel.problems.length > 0
                title: qsTr("%n problem(s): nothing will be imported until the file is corrected", "", importModel.problems.length)
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacingS
                    Repeater {
                        model: importModel.problems
                        delegate: RowLayout {
                            id: problem
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            Icon {
                                glyph: Icon.Error
                                color: Theme.error
                                Layout.alignment: Qt.AlignTop
                            }
                            Label {
                                objectName: "importProblem"
                                Layout.fillWidth: true
                                text: screen.problemText(problem.modelData)
                                font: Theme.bodyMedium
                                color: Theme.textOnSurface
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                }
            }

            // --- what the file left out, imported all the same (an older export's goals) -------
            StatusBanner {
                objectName: "importWarnings"
                Layout.fillWidth: true
                visible: importModel.warnings.length > 0
                kind: StatusBanner.Warning
                title: qsTr("%n record(s) will come in without something the file does not hold", "", importModel.warnings.length)
                text: screen.problemLines(importModel.warnings)
            }

            StatusBanner {
                objectName: "importMessage"
                Layout.fillWidth: true
                visible: importModel.message !== ""
                kind: importModel.error ? StatusBanner.Error : StatusBanner.Success
                title: importModel.message
            }
            RowLayout {
                Layout.fillWidth: true
                visible: importModel.kind !== ImportModel.None
                Item { Layout.fillWidth: true }
                CButton {
                    objectName: "importCommit"
                    variant: CButton.Filled
                    text: importModel.loading ? qsTr("Reading…")
                                              : importModel.kind === ImportModel.Fhir ? qsTr("Import %n patient(s)", "", importModel.patients)
                                                                                      : qsTr("Import %n patient(s)", "", importModel.readableRows)
                    enabled: importModel.canCommit && !importModel.loading
                    disabledReason: importModel.added >= 0 ? qsTr("Imported.") : qsTr("Correct every problem first.")
                    onClicked: importModel.commit()
                }
            }
        }
    }
}
