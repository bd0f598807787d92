import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// (No "pragma ComponentBehavior: Bound": MonthGrid 6.4 sets context properties on its delegates.)
// A calendar date (tablet-ux §4.7.8). Shown in an unambiguous form of the current locale
// ("7 Nov 2026", "7 nov 2026"); empty until someone chooses one: never pre-filled by arithmetic.
// A date taken from the patient's record is set by the screen with `fromRecord: true`, which shows
// a "From record" tag until someone changes it. Tapping opens a calendar (MonthGrid) with Today and
// Yesterday, and a box for typing the date as YYYY-MM-DD.
ColumnLayout {
    id: field
    property string label: qsTr("Date")
    // Invalid (and `hasDate` false) until a date is chosen or given.
    property date date: new Date(NaN)
    property bool fromRecord: false
    readonly property bool hasDate: !isNaN(field.date.getTime())
    readonly property string isoDate: field.hasDate ? field.iso(field.date) : ""
    readonly property string displayText: field.hasDate ? field.date.toLocaleDateString(Qt.locale(), "d MMM yyyy") : ""
    signal chosen(date date)

    function iso(d: date): string {
        const pad = n => (n < 10 ? "0" : "") + n
        return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate())
    }
    // A date typed as YYYY-MM-DD, or an invalid date when it is not a real day.
    function parseIso(text: string): date {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim())
        if (!m)
            return new Date(NaN)
        const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
        return field.iso(d) === text.trim() ? d : new Date(NaN)
    }
    function choose(d: date) {
        field.date = new Date(d.getFullYear(), d.getMonth(), d.getDate())
        field.fromRecord = false
        picker.close()
        field.chosen(field.date)
    }
    function open() {
        const shown = field.hasDate ? field.date : new Date()
        picker.month = shown.getMonth()
        picker.year = shown.getFullYear()
        typed.text = field.isoDate
        typed.error = ""
        picker.open()
    }

    spacing: Theme.spacingXs

    AbstractButton {
        id: opener
        objectName: "dateFieldOpener"
        Layout.fillWidth: true
        implicitWidth: Theme.fieldLong
        implicitHeight: Theme.controlLarge
        leftPadding: Theme.spacingL
        rightPadding: Theme.spacingS
        Accessible.role: Accessible.Button
        Accessible.name: field.hasDate ? qsTr("%1: %2").arg(field.label).arg(field.displayText)
                                       : qsTr("%1: not chosen").arg(field.label)
        Accessible.description: field.fromRecord && field.hasDate ? qsTr("From record") : qsTr("Opens a calendar")
        onClicked: field.open()

        background: Rectangle {
            radius: Theme.radiusField
            color: Theme.surface
            border.width: opener.visualFocus || picker.visible ? 2 : 1
            border.color: opener.visualFocus || picker.visible ? Theme.primary : Theme.outline
        }
        contentItem: RowLayout {
            spacing: Theme.spacingS
            Label {
                objectName: "dateFieldText"
                text: field.hasDate ? field.displayText : qsTr("Choose a date")
                font: Theme.bodyLarge
                color: field.hasDate ? Theme.textOnSurface : Theme.placeholder
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                objectName: "fromRecordTag"
                visible: field.fromRecord && field.hasDate
                text: qsTr("From record")
                font: Theme.labelLarge
                color: Theme.textOnInfoContainer
                leftPadding: Theme.spacingS
                rightPadding: Theme.spacingS
                topPadding: Theme.spacingXs
                bottomPadding: Theme.spacingXs
                background: Rectangle { color: Theme.infoContainer; radius: Theme.radiusChip }
            }
            Icon { glyph: Icon.Calendar; color: Theme.textOnSurfaceVariant; Layout.rightMargin: Theme.spacingS }
        }
    }

    Popup {
        id: picker
        objectName: "datePicker"
        property int month: 0
        property int year: 2000
        parent: Overlay.overlay
        x: parent ? Math.round((parent.width - width) / 2) : 0
        y: parent ? Math.round((parent.height - height) / 2) : 0
        modal: true
        focus: true
        padding: Theme.spacingXl
        background: Rectangle { color: Theme.surface; radius: Theme.radiusSheet; border.color: Theme.outlineVariant }

        // qmllint disable deferred-property-id
        contentItem: ColumnLayout {
            spacing: Theme.spacingM
            Label { text: field.label; font: Theme.titleLarge; color: Theme.textOnSurface }
            RowLayout {
                spacing: Theme.spacingS
                CButton {
                    objectName: "dateToday"
                    variant: CButton.Tonal
                    text: qsTr("Today")
                    onClicked: field.choose(new Date())
                }
                CButton {
                    objectName: "dateYesterday"
                    variant: CButton.Tonal
                    text: qsTr("Yesterday")
                    onClicked: {
                        const now = new Date()
                        field.choose(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))
                    }
                }
            }
            RowLayout {
                spacing: Theme.spacingS
                FormField {
                    label: qsTr("Or type it")
                    helperText: qsTr("Year-month-day, e.g. 2026-11-07")
                    error: typed.error
                    Layout.fillWidth: true
                    CTextField {
                        id: typed
                        objectName: "dateTyped"
                        placeholderText: "2026-11-07"
                        inputMethodHints: Qt.ImhPreferNumbers
                        onAccepted: useTyped.clicked()
                    }
                }
                CButton {
                    id: useTyped
                    objectName: "dateUseTyped"
                    variant: CButton.Outlined
                    text: qsTr("Use")
                    Accessible.name: qsTr("Use the typed date")
                    Layout.alignment: Qt.AlignVCenter
                    onClicked: {
                        const d = field.parseIso(typed.text)
                        if (isNaN(d.getTime()))
                            typed.error = qsTr("Not a date. Type year-month-day, e.g. 2026-11-07.")
                        else
                            field.choose(d)
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                CButton {
                    variant: CButton.Text
                    icon.source: "qrc:/icons/chevron_left.svg"
                    display: AbstractButton.IconOnly
                    implicitWidth: Theme.control
                    text: qsTr("Previous month")
                    onClicked: {
                        picker.month = picker.month === 0 ? 11 : picker.month - 1
                        if (picker.month === 11)
                            picker.year -= 1
                    }
                }
                Label {
                    text: Qt.locale().standaloneMonthName(picker.month) + " " + picker.year
                    font: Theme.titleMedium
                    color: Theme.textOnSurface
                    horizontalAlignment: Text.AlignHCenter
                    Layout.fillWidth: true
                }
                CButton {
                    variant: CButton.Text
                    icon.source: "qrc:/icons/chevron_right.svg"
                    display: AbstractButton.IconOnly
                    implicitWidth: Theme.control
                    text: qsTr("Next month")
                    onClicked: {
                        picker.month = picker.month === 11 ? 0 : picker.month + 1
                        if (picker.month === 0)
                            picker.year += 1
                    }
                }
            }
            // MonthGrid and DayOfWeekRow on 6.4: a QLocale property and context properties on
            // delegates, which qmllint cannot type.
            // qmllint disable type unqualified
            DayOfWeekRow {
                locale: grid.locale
                Layout.fillWidth: true
                font: Theme.bodyMedium
            }
            MonthGrid {
                id: grid
                month: picker.month
                year: picker.year
                locale: Qt.locale()
                spacing: 0
                Layout.fillWidth: true
                implicitWidth: 7 * Theme.control
                delegate: AbstractButton {
                    id: day
                    // MonthGrid hands its delegates the `model` context object (no required
                    // properties: it does not support them on 6.4).
                    readonly property int day: model.day
                    readonly property int month: model.month
                    readonly property int year: model.year
                    readonly property bool today: model.today
                    readonly property bool inMonth: day.month === grid.month
                    readonly property bool selected: field.hasDate && field.date.getDate() === day.day
                                                     && field.date.getMonth() === day.month && field.date.getFullYear() === day.year
                    implicitWidth: Theme.control
                    implicitHeight: Theme.control
                    text: String(day.day)
                    font: Theme.bodyLarge
                    Accessible.role: Accessible.Button
                    Accessible.name: new Date(day.year, day.month, day.day).toLocaleDateString(Qt.locale(), "d MMMM yyyy")
                    onClicked: field.choose(new Date(day.year, day.month, day.day))
                    contentItem: Text {
                        text: day.text
                        font: day.font
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        color: day.selected ? Theme.textOnPrimary : day.inMonth ? Theme.textOnSurface : Theme.textOnSurfaceVariant
                    }
                    background: Rectangle {
                        radius: height / 2
                        color: day.selected ? Theme.primary : day.down ? Theme.surfaceContainer : "transparent"
                        border.width: day.today && !day.selected ? 1 : 0
                        border.color: Theme.primary
                    }
                }
            }
            CButton {
                variant: CButton.Text
                text: qsTr("Cancel")
                Layout.alignment: Qt.AlignRight
                onClicked: picker.close()
            }
        }
    }
}
