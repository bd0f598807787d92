pragma Singleton
import QtQuick

// Sizes and colours in one place. Touch targets are at least 48 px and body text at least 16 px
// so the screens work with gloves on; status is never shown by colour alone.
QtObject {
    readonly property int touchTarget: 56
    readonly property int minTouch: 48
    readonly property int fontBody: 18
    readonly property int fontSmall: 16
    readonly property int fontTitle: 24
    readonly property int fontHuge: 32
    readonly property int spacing: 12
    readonly property int margin: 16
    readonly property int radius: 8

    readonly property color background: "#f6f5f2"
    readonly property color surface: "#ffffff"
    readonly property color text: "#1d1d1b"
    readonly property color textMuted: "#55534e"
    readonly property color accent: "#2f5d62"
    readonly property color accentText: "#ffffff"
    readonly property color border: "#c9c6bf"
    readonly property color urgent: "#a4161a"
    readonly property color high: "#c2571a"
    readonly property color medium: "#8a6d00"
    readonly property color low: "#3d6b35"
}
