pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The whole registry: every patient with their open gaps, effective tier and dose, searchable by
// name or clinic ID and filterable by gap, prescriber, dose band and tier. Search, filters and
// sorting run in C++ (RosterModel); this file only binds them.
Page {
    id: screen
    objectName: "registryScreen"
    signal patientChosen(string patientId)
    signal refillCheckRequested()
    signal conflictsRequested()
    signal quarantineRequested()
    signal resourcesRequested()
    signal clinicianMeetingRequested()

    background: Rectangle { color: Theme.background }

    RosterModel {
        id: registry
        objectName: "registryModel"
        session: Session
    }

    // The gap worklist as filtered here, out to a CSV or XLSX file the user chooses.
    WorklistExport {
        id: worklistExport
        objectName: "worklistExport"
        session: Session
        gapCode: registry.gapCode
        prescriber: registry.prescriber
        band: registry.band
        tier: registry.tier
        search: registry.search
    }
    SaveFileDialog {
        id: exportDialog
        objectName: "exportWorklistDialog"
        title: qsTr("Export the gap worklist")
        nameFilters: [qsTr("Excel workbook (*.xlsx)"), qsTr("CSV file (*.csv)")]
        onAccepted: worklistExport.exportTo(exportDialog.selectedFile)
    }

    component FilterBox: ComboBox {
        height: Theme.minTouch
        // Wide enough for its longest choice (large text, Spanish), within the screen.
        implicitContentWidthPolicy: ComboBox.WidestText
        width: Math.min(Math.max(Theme.fieldMedium, implicitWidth), screen.width - 2 * Theme.margin)
        font.pixelSize: Theme.fontSmall
        textRole: "label"
        valueRole: "value"
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                objectName: "registrySearch"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                font.pixelSize: Theme.fontBody
                placeholderText: qsTr("Search by name or clinic ID")
                Accessible.name: qsTr("Search the registry by name or clinic ID")
                onTextChanged: registry.search = text
            }
            Label {
                objectName: "registryCount"
                text: qsTr("%1 of %2").arg(registry.count).arg(registry.totalCount)
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }
        // The registry's other tasks on a row of their own: beside the search they squeezed it
        // (portrait, large text).
        Flow {
            visible: refillCheckButton.visible || conflictsButton.visible || quarantineButton.visible || resourcesButton.visible || exportButton.visible
            Layout.fillWidth: true
            spacing: Theme.spacing
            Button {
                id: refillCheckButton
                objectName: "refillCheckButton"
                visible: Permissions.offers(Session.role, "refill_check")
                text: qsTr("Refill request")
                font.pixelSize: Theme.fontBody
                height: Theme.minTouch
                Accessible.name: qsTr("Check a refill request against clinic policy")
                onClicked: screen.refillCheckRequested()
            }
            Button {
                id: conflictsButton
                objectName: "conflictsButton"
                visible: Permissions.offers(Session.role, "conflicts")
                text: qsTr("Sync conflicts")
                font.pixelSize: Theme.fontBody
                height: Theme.minTouch
                Accessible.name: qsTr("Review changes two tablets made to the same record")
                onClicked: screen.conflictsRequested()
            }
            Button {
                objectName: "clinicianMeetingButton"
                visible: Permissions.offers(Session.role, "clinician_meeting")
                text: qsTr("Clinician meeting")
                font.pixelSize: Theme.fontBody
                height: Theme.minTouch
                Accessible.name: qsTr("Case conferences to discuss and your open tasks")
                onClicked: screen.clinicianMeetingRequested()
            }
            Button {
                id: quarantineButton
                objectName: "quarantineButton"
                visible: Permissions.offers(Session.role, "quarantine")
                text: qsTr("Set-aside records")
                font.pixelSize: Theme.fontBody
                height: Theme.minTouch
                Accessible.name: qsTr("Review records from the server this tablet cannot read")
                onClicked: screen.quarantineRequested()
            }
            Button {
                id: resourcesButton
                objectName: "resourcesButton"
                visible: Permissions.offers(Session.role, "resources")
                text: qsTr("Resources")
                font.pixelSize: Theme.fontBody
                height: Theme.minTouch
                Accessible.name: qsTr("The clinic's resource directory: where to refer")
                onClicked: screen.resourcesRequested()
            }
            Button {
                id: exportButton
                objectName: "exportWorklistButton"
                visible: Permissions.allows(Session.role, "export_data")
                enabled: !worklistExport.loading
                text: qsTr("Export")
                font.pixelSize: Theme.fontBody
                height: Theme.minTouch
                Accessible.name: qsTr("Export the gap worklist, as filtered, to a spreadsheet")
                onClicked: exportDialog.openInDocuments()
            }
        }
        StatusBanner {
            objectName: "worklistExportMessage"
            visible: worklistExport.message !== ""
            Layout.fillWidth: true
            kind: worklistExport.error ? StatusBanner.Error : StatusBanner.Success
            text: worklistExport.message
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FilterBox {
                objectName: "gapFilter"
                model: registry.gapChoices
                Accessible.name: qsTr("Filter by open gap")
                onActivated: registry.gapCode = currentValue
            }
            FilterBox {
                objectName: "prescriberFilter"
                model: registry.prescriberChoices
                Accessible.name: qsTr("Filter by prescriber")
                onActivated: registry.prescriber = currentValue
            }
            FilterBox {
                objectName: "bandFilter"
                model: registry.bandChoices
                Accessible.name: qsTr("Filter by daily dose band")
                onActivated: registry.band = currentValue
            }
            FilterBox {
                objectName: "tierFilter"
                model: registry.tierChoices
                Accessible.name: qsTr("Filter by risk tier")
                onActivated: registry.tier = currentValue
            }
            FilterBox {
                objectName: "sortOrder"
                model: registry.sortChoices
                Accessible.name: qsTr("Sort order")
                onActivated: registry.sortOrder = currentValue
            }
        }

        BusyIndicator {
            visible: registry.loading
            running: registry.loading
            Layout.alignment: Qt.AlignHCenter
            Accessible.name: qsTr("Loading the registry")
        }
        StatusBanner {
            visible: registry.error
            Layout.fillWidth: true
            kind: StatusBanner.Error
            text: registry.message
        }
        EmptyState {
            visible: !registry.loading && !registry.error && registry.count === 0
            Layout.fillWidth: true
            glyph: Icon.Inbox
            title: qsTr("No patients match.")
        }

        ListView {
            id: list
            objectName: "registryList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            reuseItems: true
            model: registry
            // The name never gives way: it wraps in its identity column, and in portrait the
            // prescriber moves to the line under it.
            delegate: ListRow {
                id: row
                required property string patientId
                required property string name
                required property string clinicId
                required property string prescriber
                required property string tierLabel
                required property string mmeText
                required property string gapsText
                required property bool urgent
                readonly property bool wide: ListView.view.width >= 840
                width: ListView.view.width
                title: row.name
                meta: Theme.joinParts([row.clinicId, row.wide ? "" : row.prescriber], " · ")
                detail: row.gapsText
                detailUrgent: row.urgent
                identityWidth: row.wide ? Theme.columnIdentityWide : Theme.columnIdentity
                Accessible.name: Theme.joinParts([row.name, row.clinicId, row.prescriber, row.tierLabel, row.mmeText, row.gapsText], ", ")
                onClicked: screen.patientChosen(row.patientId)
                Label {
                    visible: row.wide
                    text: row.prescriber
                    font: Theme.bodyMedium
                    color: Theme.textOnSurfaceVariant
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                }
                ColumnLayout {
                    spacing: Theme.spacingXs
                    Layout.alignment: Qt.AlignTop | Qt.AlignRight
                    Layout.maximumWidth: Theme.columnMeta
                    Label {
                        text: row.tierLabel
                        font: Theme.bodyMedium
                        color: Theme.textOnSurface
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: row.mmeText
                        font: Theme.bodyMedium
                        color: Theme.textOnSurfaceVariant
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignRight
                        Layout.fillWidth: true
                    }
                }
            }
            ScrollBar.vertical: ScrollBar { }
        }
    }
}
