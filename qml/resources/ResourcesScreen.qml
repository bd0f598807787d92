pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// The clinic's resource directory, offline on the tablet: search by words and a category chip,
// tap a resource for its details and how to refer. The registry manager and administrators add and
// edit resources (each save is a new version); everyone else reads.
Page {
    id: screen
    objectName: "resourcesScreen"
    // The resource shown in the detail card (or edited); empty: none.
    property string selectedId: ""
    property bool editing: false
    // The categories as chips want them ({text, value}), from the directory's list.
    readonly property var categoryChoices: screen.categoriesOf(directory.categories)

    function categoriesOf(list: var): var {
        return list.map(c => ({ text: c.label, value: c.value }))
    }
    // The message under a form field after a refused save, or "".
    function errorOf(name: string): string {
        return directory.errors[name] ?? ""
    }

    background: Rectangle { color: Theme.background }

    ResourceDirectoryModel {
        id: directory
        objectName: "resourceDirectory"
        session: Session
        onSaved: id => { screen.selectedId = id; screen.editing = false }
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            Label {
                text: qsTr("Resources")
                font: Theme.headline
                color: Theme.textOnSurface
                Accessible.role: Accessible.Heading
                Layout.topMargin: Theme.margin
                Layout.leftMargin: Theme.margin
            }
            CTextField {
                id: search
                objectName: "resourceSearch"
                placeholderText: qsTr("Search by name, service or language")
                Accessible.name: qsTr("Search the resource directory")
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                onTextChanged: directory.searchText = search.text
            }
            ChoiceChips {
                id: categoryChips
                objectName: "resourceCategoryChips"
                label: qsTr("Category")
                model: [{ text: qsTr("All"), value: "" }, ...screen.categoryChoices]
                currentIndex: 0
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                onActivated: index => directory.category = categoryChips.model[index].value
            }
            StatusBanner {
                objectName: "resourceMessage"
                visible: directory.message !== ""
                kind: directory.error ? StatusBanner.Error : StatusBanner.Success
                text: directory.message
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            CButton {
                objectName: "resourceAdd"
                visible: directory.canEdit
                variant: CButton.Tonal
                text: qsTr("Add a resource")
                Layout.leftMargin: Theme.margin
                onClicked: { screen.selectedId = ""; screen.editing = true; form.load(null) }
            }
            EmptyState {
                visible: !directory.loading && list.count === 0
                title: qsTr("No resources found")
                text: directory.canEdit ? qsTr("Add the clinic's referral destinations here.")
                                        : qsTr("The registry manager keeps the clinic's directory.")
                Layout.fillWidth: true
                Layout.margins: Theme.margin
            }
            Repeater {
                id: list
                objectName: "resourceList"
                model: directory
                delegate: ListRow {
                    id: row
                    required property string resourceId
                    required property string name
                    required property string categoryLabel
                    required property string subtype
                    required property string distance
                    required property string languages
                    required property bool telehealth
                    objectName: "resourceRow_" + row.resourceId
                    title: row.name
                    meta: row.subtype === "" ? row.categoryLabel : qsTr("%1 · %2").arg(row.categoryLabel).arg(row.subtype)
                    detail: Theme.joinParts([row.distance, row.languages, row.telehealth ? qsTr("telehealth") : ""], " · ")
                    highlighted: screen.selectedId === row.resourceId
                    Layout.fillWidth: true
                    onClicked: { screen.selectedId = row.resourceId; screen.editing = false }
                }
            }
            // The chosen resource: everything needed to refer there.
            Card {
                id: detail
                objectName: "resourceDetail"
                readonly property var shown: directory.count >= 0 ? directory.resource(screen.selectedId) : ({})
                visible: !screen.editing && detail.shown.resourceId !== undefined
                title: detail.shown.name ?? ""
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                actions: CButton {
                    objectName: "resourceEdit"
                    visible: directory.canEdit
                    variant: CButton.Text
                    text: qsTr("Edit")
                    onClicked: { screen.editing = true; form.load(detail.shown) }
                }
                Repeater {
                    model: [
                        { label: qsTr("Category"), key: "categoryLabel" },
                        { label: qsTr("Address"), key: "address" },
                        { label: qsTr("Distance"), key: "distance" },
                        { label: qsTr("Hours"), key: "hours" },
                        { label: qsTr("Languages"), key: "languages" },
                        { label: qsTr("Insurance accepted"), key: "insurance" },
                        { label: qsTr("Phone"), key: "phone" },
                        { label: qsTr("How to refer"), key: "howToRefer" }
                    ]
                    delegate: Label {
                        id: line
                        required property var modelData
                        readonly property string value: String(detail.shown[line.modelData.key] ?? "")
                        visible: line.value !== ""
                        text: qsTr("%1: %2").arg(line.modelData.label).arg(line.value)
                        font: Theme.bodyLarge
                        color: Theme.textOnSurface
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                Label {
                    text: detail.shown.telehealth ? qsTr("Offers telehealth") : qsTr("In person only")
                    font: Theme.bodyLarge
                    color: Theme.textOnSurface
                }
                Label {
                    visible: detail.shown.active === false
                    text: qsTr("Retired: kept for the referrals that name it")
                    font: Theme.bodyLarge
                    color: Theme.textOnSurfaceVariant
                }
            }
            // Adding or editing, for the roles allowed; a refused field shows its message under it.
            Card {
                id: form
                objectName: "resourceForm"
                property string editedId: ""
                // Fills the form from a resource's fields (directory.resource), or empties it for a new one.
                function load(fields: var) {
                    const r = fields ?? {}
                    form.editedId = r.resourceId ?? ""
                    nameField.text = r.name ?? ""
                    formCategory.currentIndex = screen.categoryChoices.findIndex(c => c.value === r.category)
                    subtypeField.text = r.subtype ?? ""
                    addressField.text = r.address ?? ""
                    const distance = String(r.distance ?? "")
                    distanceField.text = distance.split(" ")[0]
                    unitChips.currentIndex = distance.endsWith(" mi") ? 1 : 0
                    hoursField.text = r.hours ?? ""
                    languagesField.text = r.languages ?? ""
                    insuranceField.text = r.insurance ?? ""
                    telehealthSwitch.checked = r.telehealth === true
                    howField.text = r.howToRefer ?? ""
                    phoneField.text = r.phone ?? ""
                    activeSwitch.checked = r.active !== false
                }
                visible: screen.editing && directory.canEdit
                title: form.editedId === "" ? qsTr("New resource") : qsTr("Edit resource")
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin

                FormField {
                    label: qsTr("Name")
                    required: true
                    error: screen.errorOf("name")
                    Layout.fillWidth: true
                    CTextField { id: nameField; objectName: "resourceName"; Layout.fillWidth: true }
                }
                FormField {
                    label: qsTr("Category")
                    required: true
                    error: screen.errorOf("category")
                    Layout.fillWidth: true
                    ChoiceChips {
                        id: formCategory
                        objectName: "resourceFormCategory"
                        label: qsTr("Category")
                        model: screen.categoryChoices
                        Layout.fillWidth: true
                    }
                }
                FormField {
                    label: qsTr("Kind of therapy (acupuncture, aqua therapy, …)")
                    error: screen.errorOf("subtype")
                    Layout.fillWidth: true
                    CTextField { id: subtypeField; objectName: "resourceSubtype"; Layout.fillWidth: true }
                }
                FormField {
                    label: qsTr("Address")
                    error: screen.errorOf("address")
                    Layout.fillWidth: true
                    CTextField { id: addressField; objectName: "resourceAddress"; Layout.fillWidth: true }
                }
                RowLayout {
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    FormField {
                        label: qsTr("Distance")
                        error: screen.errorOf("distance")
                        Layout.fillWidth: true
                        CTextField {
                            id: distanceField
                            objectName: "resourceDistance"
                            inputMethodHints: Qt.ImhFormattedNumbersOnly
                            Layout.fillWidth: true
                        }
                    }
                    ChoiceChips {
                        id: unitChips
                        objectName: "resourceDistanceUnit"
                        label: qsTr("Unit")
                        model: [{ text: qsTr("km"), value: "km" }, { text: qsTr("miles"), value: "mi" }]
                        currentIndex: 0
                    }
                }
                FormField {
                    label: qsTr("Hours")
                    error: screen.errorOf("hours")
                    Layout.fillWidth: true
                    CTextField { id: hoursField; objectName: "resourceHours"; Layout.fillWidth: true }
                }
                FormField {
                    label: qsTr("Languages (comma-separated)")
                    error: screen.errorOf("languages")
                    Layout.fillWidth: true
                    CTextField { id: languagesField; objectName: "resourceLanguages"; Layout.fillWidth: true }
                }
                FormField {
                    label: qsTr("Insurance accepted")
                    error: screen.errorOf("insurance")
                    Layout.fillWidth: true
                    CTextField { id: insuranceField; objectName: "resourceInsurance"; Layout.fillWidth: true }
                }
                FormField {
                    label: qsTr("Phone")
                    error: screen.errorOf("phone")
                    Layout.fillWidth: true
                    CTextField { id: phoneField; objectName: "resourcePhone"; Layout.fillWidth: true }
                }
                FormField {
                    label: qsTr("How to refer")
                    helperText: qsTr("The referral protocol or agreement: forms, what to send, who to call.")
                    error: screen.errorOf("howToRefer")
                    Layout.fillWidth: true
                    CTextField { id: howField; objectName: "resourceHowToRefer"; Layout.fillWidth: true }
                }
                Switch {
                    id: telehealthSwitch
                    objectName: "resourceTelehealth"
                    text: qsTr("Offers telehealth")
                    font: Theme.bodyLarge
                }
                Switch {
                    id: activeSwitch
                    objectName: "resourceActive"
                    text: qsTr("Active (switch off to retire it)")
                    font: Theme.bodyLarge
                    checked: true
                }
                RowLayout {
                    spacing: Theme.spacing
                    CButton {
                        objectName: "resourceSave"
                        text: qsTr("Save")
                        enabled: !directory.loading && nameField.text.trim() !== "" && formCategory.currentIndex >= 0
                        onClicked: directory.save({
                            resourceId: form.editedId,
                            name: nameField.text,
                            category: formCategory.currentItem ? formCategory.currentItem.value : "",
                            subtype: subtypeField.text,
                            address: addressField.text,
                            distance: distanceField.text,
                            distanceUnit: unitChips.currentItem ? unitChips.currentItem.value : "km",
                            hours: hoursField.text,
                            languages: languagesField.text,
                            insurance: insuranceField.text,
                            telehealth: telehealthSwitch.checked,
                            howToRefer: howField.text,
                            phone: phoneField.text,
                            active: activeSwitch.checked
                        })
                    }
                    CButton {
                        objectName: "resourceCancel"
                        variant: CButton.Text
                        text: qsTr("Cancel")
                        onClicked: screen.editing = false
                    }
                }
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }
}
