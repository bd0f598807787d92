pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Who this is, always on screen above the patient's tabs (tablet-ux §4.7.9): the name, never
// elided (it wraps, and a name too long for one line steps down the type scale), then birth date
// and age, clinic identifier, prescriber and the patient's language, the effective risk tier and
// the total MME with its band (the CDC caution behind ⓘ), and the signed-in role's next action.
// The wrong-patient risk is why nothing here scrolls away or is cut.
Rectangle {
    id: banner
    objectName: "patientBanner"
    property string name: ""
    property string birthDateText: ""
    property string clinicId: ""
    property string prescriber: ""
    property string languageLabel: ""
    property string tierLabel: ""
    property bool highRisk: false
    property string mmeText: ""
    property string bandLabel: ""
    property string caution: ""
    // The role's next action; the button is hidden while actionText is empty.
    property string actionText: ""
    property string actionName: "bannerAction"
    property string actionAccessibleName: actionText
    signal actionTriggered()

    // Portrait (or a narrow pane): the action goes under the identity instead of beside the name.
    readonly property bool narrow: banner.width < 720
    readonly property alias nameFont: nameLabel.font

    implicitHeight: content.implicitHeight + 2 * Theme.spacingM
    color: Theme.surfaceContainer
    Accessible.role: Accessible.Pane
    Accessible.name: Theme.joinParts([banner.name, banner.birthDateText, banner.clinicId, banner.prescriber,
                                      banner.languageLabel, banner.tierLabel, banner.mmeText], ", ")

    // The name's width at the headline size, to step down when it would not fit on one line.
    TextMetrics {
        id: headlineWidth
        font: Theme.headline
        text: banner.name
    }

    ColumnLayout {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacingM
        anchors.leftMargin: banner.narrow ? Theme.pageMarginNarrow : Theme.pageMarginWide
        anchors.rightMargin: anchors.leftMargin
        spacing: Theme.spacingXs

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingM
            Label {
                id: nameLabel
                objectName: "patientName"
                text: banner.name
                font: headlineWidth.advanceWidth <= nameLabel.width || nameLabel.width <= 0 ? Theme.headline
                                                                                            : Theme.titleLarge
                color: Theme.textOnSurface
                wrapMode: Text.Wrap
                elide: Text.ElideNone
                Layout.fillWidth: true
                // Not the text's width: the row gives the name what the action leaves.
                Layout.preferredWidth: 1
                Accessible.role: Accessible.Heading
                Accessible.name: banner.name
            }
            CButton {
                visible: !banner.narrow && banner.actionText !== ""
                objectName: banner.narrow ? "" : banner.actionName
                text: banner.actionText
                Accessible.name: banner.actionAccessibleName
                onClicked: banner.actionTriggered()
            }
        }

        Flow {
            objectName: "bannerIdentity"
            Layout.fillWidth: true
            spacing: Theme.spacingS
            component Part: Label {
                font: Theme.bodyMedium
                color: Theme.textOnSurfaceVariant
                height: Math.max(implicitHeight, Theme.control)
                verticalAlignment: Text.AlignVCenter
                visible: text !== ""
            }
            Part {
                objectName: "bannerBirthDate"
                text: banner.birthDateText === "" ? "" : qsTr("Born %1").arg(banner.birthDateText)
            }
            Part { objectName: "bannerClinicId"; text: banner.clinicId }
            Part { text: banner.prescriber }
            Part {
                objectName: "bannerLanguage"
                text: banner.languageLabel === "" ? "" : qsTr("Speaks %1").arg(banner.languageLabel)
            }
            // The tier: a warning icon as well as the colour when it is high.
            Rectangle {
                objectName: "bannerTier"
                visible: banner.tierLabel !== ""
                width: tierRow.implicitWidth + 2 * Theme.spacingM
                height: Theme.control
                radius: Theme.radiusChip
                color: banner.highRisk ? Theme.warningContainer : Theme.surface
                border.width: 1
                border.color: banner.highRisk ? Theme.warning : Theme.outline
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Risk tier: %1").arg(banner.tierLabel)
                Row {
                    id: tierRow
                    anchors.centerIn: parent
                    spacing: Theme.spacingXs
                    Icon {
                        visible: banner.highRisk
                        glyph: Icon.Warning
                        size: Theme.iconSmall
                        color: Theme.warning
                        anchors.verticalCenter: parent.verticalCenter
                    }
                    Label {
                        text: banner.tierLabel
                        font: Theme.labelLarge
                        color: banner.highRisk ? Theme.textOnWarningContainer : Theme.textOnSurface
                        anchors.verticalCenter: parent.verticalCenter
                    }
                }
            }
            // The total MME and its band; the CDC caution opens from here instead of taking the
            // space above the gaps.
            CButton {
                objectName: "bannerMme"
                visible: banner.mmeText !== ""
                variant: CButton.Outlined
                icon.source: "qrc:/icons/info.svg"
                text: banner.bandLabel === "" ? banner.mmeText : qsTr("%1 · %2").arg(banner.mmeText).arg(banner.bandLabel)
                Accessible.name: qsTr("Total %1, %2. Show the dose caution").arg(banner.mmeText).arg(banner.bandLabel)
                onClicked: cautionPopup.open()
            }
            CButton {
                visible: banner.narrow && banner.actionText !== ""
                objectName: banner.narrow ? banner.actionName : ""
                text: banner.actionText
                Accessible.name: banner.actionAccessibleName
                onClicked: banner.actionTriggered()
            }
        }
    }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: 1
        color: Theme.outlineVariant
    }

    Popup {
        id: cautionPopup
        objectName: "mmeCaution"
        parent: Overlay.overlay
        width: parent ? Math.min(560, parent.width - 2 * Theme.spacingXl) : 560
        x: parent ? Math.round((parent.width - width) / 2) : 0
        y: parent ? Math.round((parent.height - height) / 2) : 0
        modal: true
        padding: Theme.spacingXl
        background: Rectangle { color: Theme.surface; radius: Theme.radiusSheet }
        contentItem: ColumnLayout {
            spacing: Theme.spacingL
            Label {
                text: banner.caution
                font: Theme.bodyLarge
                color: Theme.textOnSurface
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            CButton {
                objectName: "mmeCautionClose"
                variant: CButton.Text
                text: qsTr("Close")
                Layout.alignment: Qt.AlignRight
                onClicked: cautionPopup.close()
            }
        }
    }
}
