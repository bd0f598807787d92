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
// Cairn: the control always shows the size in force.
RowLayout {
    id: textSizeSwitch
    spacing: Theme.spacing / 2

    // Names marked with QT_TR_NOOP and translated in the delegate: a model that called qsTr would
    // be rebuilt on a language switch, and Qt 6.4's layouts crash positioning the delegates it
    // destroys (seen in the screenshot tour).
    readonly property var sizes: [
        { scale: 1.0, name: QT_TR_NOOP("Standard"), key: "standard" },
        { scale: 1.15, name: QT_TR_NOOP("Large"), key: "large" },
        { scale: 1.3, name: QT_TR_NOOP("Larger"), key: "larger" }
    ]
    // Whether one of the three sizes is `scale`.
    function named(scale: real): bool {
        return textSizeSwitch.sizes.some(size => Math.abs(size.scale - scale) < 0.001)
    }

    Label {
        text: qsTr("Text size")
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
    }
    Repeater {
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
            Layout.preferredHeight: Theme.minTouch
            Layout.minimumWidth: Theme.touchTarget * 2
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
        Layout.preferredHeight: Theme.minTouch
        Layout.minimumWidth: Theme.touchTarget * 2
        Accessible.name: qsTr("Show text at the tablet's own size, %1 times the standard")
                             .arg(Language.number(Math.round(TextSize.systemScale * 100) / 100))
        onClicked: TextSize.chooseSystem()
    }
}
