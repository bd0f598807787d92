pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// Text size: as designed, large or larger (the 1.3× that large system fonts give), applied at once
// to every screen and remembered on this tablet (qml/app/text_size.h). Each choice is drawn in the
// size it gives, so the difference is seen before it is chosen. A tablet set to a size that none
// of the three is (1.1×, 1.5×) gets a fourth, "Tablet setting", chosen while no size is chosen in
// Cairn; a size chosen outside the control that none of them is (`cairn --font-scale 1.7`, a
// remembered value edited by hand) is shown as "Chosen size (1.7×)": the control always shows the
// size in force. A Flow: at 2× in portrait its choices wrap instead of running off the screen.
Flow {
    id: textSizeSwitch
    spacing: Theme.spacing / 2
    // On one line when the space it is given allows, else as wide as that space and wrapped.
    width: textSizeSwitch.parent ? Math.min(textSizeSwitch.oneLineWidth, textSizeSwitch.parent.width)
                                 : textSizeSwitch.oneLineWidth
    readonly property real oneLineWidth: {
        let total = 0
        let shown = 0
        for (const item of [caption, ...Array.from({ length: sizeChoices.count }, (_, i) => sizeChoices.itemAt(i)),
                            systemChoice, otherChoice])
            if (item && item.visible) {
                total += item.implicitWidth
                ++shown
            }
        return total + Math.max(0, shown - 1) * textSizeSwitch.spacing
    }

    // Names marked with QT_TR_NOOP and translated in the delegate: a model that called qsTr would
    // be rebuilt on a language switch, and Qt 6.4's layouts crash positioning the delegates it
    // destroys (seen in the screenshot tour).
    readonly property var sizes: [
        { scale: 1.0, name: QT_TR_NOOP("Standard"), key: "standard" },
        { scale: 1.15, name: QT_TR_NOOP("Large"), key: "large" },
        { scale: 1.3, name: QT_TR_NOOP("Larger"), key: "larger" }
    ]
    // A size chosen (not the tablet's) that none of the three is.
    readonly property bool chosenSizeUnnamed: !TextSize.followsSystem && !textSizeSwitch.named(TextSize.scale)
    // Whether one of the three sizes is `scale`.
    function named(scale: real): bool {
        return textSizeSwitch.sizes.some(size => Math.abs(size.scale - scale) < 0.001)
    }

    Label {
        id: caption
        text: qsTr("Text size")
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
        height: Theme.minTouch
        verticalAlignment: Text.AlignVCenter
    }
    Repeater {
        id: sizeChoices
        model: textSizeSwitch.sizes
        delegate: Button {
            id: choice
            required property var modelData
            objectName: "textSize_" + choice.modelData.key
            text: qsTr(choice.modelData.name)
            // Shown as chosen by the size in force, however it was set (as LanguageSwitch does).
            highlighted: Math.abs(TextSize.scale - choice.modelData.scale) < 0.001
            Accessible.checkable: true
            Accessible.checked: choice.highlighted
            // The size this choice gives, not the one in force: the buttons keep their sizes.
            font.pixelSize: Math.round(Theme.fontBody / Theme.fontScale * choice.modelData.scale)
            implicitHeight: Theme.minTouch
            implicitWidth: Math.max(Theme.touchTarget * 2, choice.implicitContentWidth + choice.leftPadding + choice.rightPadding)
            Accessible.name: qsTr("Show text at %1").arg(qsTr(choice.modelData.name))
            onClicked: TextSize.choose(choice.modelData.scale)
        }
    }
    Button {
        id: systemChoice
        objectName: "textSize_system"
        visible: !textSizeSwitch.named(TextSize.systemScale)
        text: qsTr("Tablet setting (%1×)").arg(Language.number(Math.round(TextSize.systemScale * 100) / 100))
        highlighted: TextSize.followsSystem
        Accessible.checkable: true
        Accessible.checked: systemChoice.highlighted
        font.pixelSize: Math.round(Theme.fontBody / Theme.fontScale * TextSize.systemScale)
        implicitHeight: Theme.minTouch
        implicitWidth: Math.max(Theme.touchTarget * 2, systemChoice.implicitContentWidth + systemChoice.leftPadding + systemChoice.rightPadding)
        Accessible.name: qsTr("Show text at the tablet's own size, %1 times the standard")
                             .arg(Language.number(Math.round(TextSize.systemScale * 100) / 100))
        onClicked: TextSize.chooseSystem()
    }
    // Only ever shown as the size in force; tapping it keeps that size.
    Button {
        id: otherChoice
        objectName: "textSize_other"
        visible: textSizeSwitch.chosenSizeUnnamed
        text: qsTr("Chosen size (%1×)").arg(Language.number(Math.round(TextSize.scale * 100) / 100))
        highlighted: textSizeSwitch.chosenSizeUnnamed
        Accessible.checkable: true
        Accessible.checked: otherChoice.highlighted
        font.pixelSize: Theme.fontBody
        implicitHeight: Theme.minTouch
        implicitWidth: Math.max(Theme.touchTarget * 2, otherChoice.implicitContentWidth + otherChoice.leftPadding + otherChoice.rightPadding)
        Accessible.name: qsTr("Text is shown at a size chosen for this tablet, %1 times the standard")
                             .arg(Language.number(Math.round(TextSize.scale * 100) / 100))
    }
}
